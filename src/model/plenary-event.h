/* plenary-event.h: a followed event: where it lives, its programme, its sync state
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "indico/plenary-indico-parser.h"
#include "model/plenary-schedule.h"
#include "store/plenary-snapshot.h"
#include "store/plenary-user-data.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_SYNC_STATE_IDLE,
  PLENARY_SYNC_STATE_SYNCING,
  PLENARY_SYNC_STATE_OFFLINE,
  PLENARY_SYNC_STATE_ERROR,
} PlenarySyncState;

GType plenary_sync_state_get_type (void);
#define PLENARY_TYPE_SYNC_STATE (plenary_sync_state_get_type ())

#define PLENARY_TYPE_EVENT (plenary_event_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryEvent, plenary_event, PLENARY, EVENT, GObject)

/* @server_base and @event_id as plenary_event_url_parse() gives them. */
PlenaryEvent     *plenary_event_new                (const char          *server_base,
                                                    const char          *event_id);
const char       *plenary_event_get_server_base    (PlenaryEvent        *self);
const char       *plenary_event_get_event_id       (PlenaryEvent        *self);
/* "<server base>event/<id>/": the event's page, and its key in events.json and GSettings. */
const char       *plenary_event_get_key            (PlenaryEvent        *self);
/* The directory of its snapshot and user.json. */
const char       *plenary_event_get_directory      (PlenaryEvent        *self);
const char       *plenary_event_get_title          (PlenaryEvent        *self);
void              plenary_event_set_title          (PlenaryEvent        *self,
                                                    const char          *title);
/* IANA zone of the event, e.g. "America/New_York"; NULL until known. */
const char       *plenary_event_get_timezone       (PlenaryEvent        *self);
void              plenary_event_set_timezone       (PlenaryEvent        *self,
                                                    const char          *timezone);
GDateTime        *plenary_event_get_added_at       (PlenaryEvent        *self);
void              plenary_event_set_added_at       (PlenaryEvent        *self,
                                                    GDateTime           *added_at);

/* The current programme, swapped whole (notify::schedule); NULL before the first load. */
PlenarySchedule  *plenary_event_get_schedule       (PlenaryEvent        *self);
PlenarySnapshot  *plenary_event_get_snapshot       (PlenaryEvent        *self);
/* Stars, notes and actual times; its file is user.json in the event's directory. */
PlenaryUserData  *plenary_event_get_user_data      (PlenaryEvent        *self);

PlenarySyncState  plenary_event_get_sync_state     (PlenaryEvent        *self);
/* What went wrong in the last sync, translated, saying what to do; NULL when fine. */
const char       *plenary_event_get_error_message  (PlenaryEvent        *self);
/* When the programme was last fetched successfully (also from disk); NULL if never. */
GDateTime        *plenary_event_get_last_sync      (PlenaryEvent        *self);

/* Why the last answer from the server was kept aside instead of replacing the programme
 * ("lpc.events sent an empty programme; still showing the one from Tuesday 14:02."), or
 * NULL when nothing is held. Also after a restart, while held/ is on disk. */
const char       *plenary_event_get_held_message   (PlenaryEvent        *self);
/* Makes the held answer the programme (parsed, stored over the current one, which becomes
 * previous/), for an organiser who really emptied it. */
void              plenary_event_use_held_async     (PlenaryEvent        *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          plenary_event_use_held_finish    (PlenaryEvent        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Loads the last good snapshot and the user data from disk, parsing in a worker thread;
 * no network. A snapshot that does not parse is moved aside and the previous one tried.
 * PLENARY_STORE_ERROR_NO_SNAPSHOT when nothing was ever downloaded. @warnings: damaged
 * files that were set aside (translated sentences). */
void              plenary_event_load_async         (PlenaryEvent        *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          plenary_event_load_finish        (PlenaryEvent        *self,
                                                    GAsyncResult        *result,
                                                    GStrv               *warnings,
                                                    GError             **error);
/* Part of the load's result, beside plenary_event_load_finish(): whether the programme came
 * from the schedule cache (TRUE) or was parsed from the stored exports, the cache then being
 * written again for the next start. */
gboolean          plenary_event_load_was_cached    (PlenaryEvent        *self,
                                                    GAsyncResult        *result);

/* For the sync service. */
void              plenary_event_set_sync_state     (PlenaryEvent        *self,
                                                    PlenarySyncState     state,
                                                    const char          *error_message);
void              plenary_event_set_last_sync      (PlenaryEvent        *self,
                                                    GDateTime           *last_sync);
/* Shows @schedule, parsed from @snapshot (NULL: from the cache alone). No I/O: storing a new
 * programme is plenary_store_commit_async()'s. */
void              plenary_event_set_programme      (PlenaryEvent        *self,
                                                    PlenarySnapshot     *snapshot,
                                                    PlenarySchedule     *schedule);
/* Why the sync service's gate held an answer back. */
typedef enum
{
  PLENARY_HELD_EMPTY,       /* no talks where there were some */
  PLENARY_HELD_SHRUNK,      /* fewer than half the talks */
  PLENARY_HELD_NO_ACCESS,   /* the event export turned into "no access" */
} PlenaryHeldKind;

/* The facts of a held answer as stored in held/reason.txt: the sentence shown is made from
 * them when read, in the language of the day, not in the one of the sync. */
char             *plenary_event_held_facts         (PlenaryHeldKind      kind,
                                                    const char          *host,
                                                    guint                before,
                                                    guint                now,
                                                    GDateTime           *shown_since);
/* Keeps @snapshot aside in held/ with @facts (plenary_event_held_facts(), for the sync
 * service's gate); on success "held-message" says what happened in a sentence. */
void              plenary_event_hold_async         (PlenaryEvent        *self,
                                                    PlenarySnapshot     *snapshot,
                                                    const char          *facts,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          plenary_event_hold_finish        (PlenaryEvent        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Forgets a held answer (a good one replaced the programme). */
void              plenary_event_drop_held          (PlenaryEvent        *self);
PlenaryIndicoSources *plenary_event_build_sources  (PlenaryEvent        *self,
                                                    PlenarySnapshot     *snapshot);
/* The same from downloaded parts not yet made a snapshot (@program may be NULL). */
PlenaryIndicoSources *plenary_event_build_sources_from_parts (PlenaryEvent *self,
                                                              GBytes       *timetable,
                                                              GBytes       *event,
                                                              GBytes       *program);

G_END_DECLS
