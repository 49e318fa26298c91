/* plenary-indico-parser.h: Indico export JSON → PlenarySchedule
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

#define PLENARY_INDICO_ERROR (plenary_indico_error_quark ())

typedef enum
{
  PLENARY_INDICO_ERROR_EMPTY,          /* an empty body */
  PLENARY_INDICO_ERROR_HTML,           /* an HTML page (login, access key form) instead of JSON */
  PLENARY_INDICO_ERROR_MALFORMED,      /* not JSON, or truncated JSON */
  PLENARY_INDICO_ERROR_NOT_TIMETABLE,  /* JSON, but not the export it should be */
  PLENARY_INDICO_ERROR_NOT_FOUND,      /* the event does not exist on the server */
  PLENARY_INDICO_ERROR_NO_ACCESS,      /* the event exists but shows nothing to this caller */
  PLENARY_INDICO_ERROR_NOT_PUBLISHED,  /* the timetable is not published (draft) */
  PLENARY_INDICO_ERROR_WRONG_EVENT,    /* the answer is for another event than the one asked */
} PlenaryIndicoError;

GQuark           plenary_indico_error_quark (void);

/* program.json (Indico >= 3.3.9: the tracks with their descriptions), read once. A sync
 * reads it as it arrives, to know whether the answer is worth keeping over the last good
 * one, and hands what it read to the parse (PlenaryIndicoSources.program_read), which then
 * does not read the bytes again. Immutable, so any thread may read it. */
typedef struct _PlenaryIndicoProgram PlenaryIndicoProgram;

/* NULL when @program is not a program.json worth keeping: not JSON within the parser's
 * limits, or without a "tracks" list. */
PlenaryIndicoProgram *plenary_indico_program_read   (GBytes               *program);
PlenaryIndicoProgram *plenary_indico_program_ref    (PlenaryIndicoProgram *self);
void                  plenary_indico_program_unref  (PlenaryIndicoProgram *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryIndicoProgram, plenary_indico_program_unref)
/* How many times this process has read a program.json (plenary_indico_program_read() and
 * the parse), all told or on the main thread only, for the tests that show one sync reads
 * it once and beside the main thread. */
guint                 plenary_indico_program_get_n_reads (gboolean on_main_thread);

/* The three responses of one sync. @event and @program may be NULL; @server_base
 * ("https://host/prefix/") makes relative URLs absolute and may be NULL (it is then derived
 * from the answers' own "url" fields). @event_id picks the event when an answer holds
 * several (else the first).
 *
 * With @timetable NULL and @event set, the event export alone is the programme: with
 * detail=sessions its blocks and their contributions (each at its own time; no breaks, which
 * only the timetable has), with detail=contributions the contributions as top-level entries.
 * Entry ids are then "s<block id>" and "c<contribution db id>"; user keys (contribution ids)
 * are the same as with a timetable. */
typedef struct
{
  GBytes *timetable;
  GBytes *event;
  GBytes *program;
  /* @program as plenary_indico_program_read() read it, or NULL: then the parse reads
   * @program itself. */
  PlenaryIndicoProgram *program_read;
  char   *server_base;
  char   *event_id;
  /* Every part given must be good and be @event_id's (a sync's answers): a damaged event
   * export fails the parse instead of counting as absent, and an answer for another event
   * is PLENARY_INDICO_ERROR_WRONG_EVENT. program.json stays optional. */
  gboolean strict;
} PlenaryIndicoSources;

PlenaryIndicoSources *plenary_indico_sources_new   (void);
void                  plenary_indico_sources_free  (PlenaryIndicoSources *sources);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryIndicoSources, plenary_indico_sources_free)

/* What a parse learns of the answers beside the schedule. */
typedef struct
{
  /* The event export answered "results": [] (Indico's "no access") beside a timetable that
   * had entries. */
  gboolean no_access;
  /* The "ts" of the timetable export (when the server generated it), or -1: what a snapshot
   * of those answers records. */
  gint64   ts;
} PlenaryIndicoParseFacts;

/* A complete schedule, or NULL and a PLENARY_INDICO_ERROR whose message a user can act on;
 * never a partial schedule. A timetable whose days are all empty is an empty schedule, unless
 * the event export answered "results": [] (then PLENARY_INDICO_ERROR_NO_ACCESS). @facts:
 * (out) (optional), filled when a schedule is returned. */
PlenarySchedule *plenary_indico_parse        (const PlenaryIndicoSources *sources,
                                              PlenaryIndicoParseFacts    *facts,
                                              GError                    **error);
/* Parses in a worker thread. @sources is copied. */
void             plenary_indico_parse_async  (const PlenaryIndicoSources *sources,
                                              GCancellable               *cancellable,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data);
PlenarySchedule *plenary_indico_parse_finish (GAsyncResult               *result,
                                              PlenaryIndicoParseFacts    *facts,
                                              GError                    **error);

/* Single facts of an answer, for callers that have no schedule to ask, read the way the
 * parse reads them. */

/* The "ts" of a timetable export, or -1. Parses the whole export: where a parse is made
 * anyway, its PlenaryIndicoParseFacts have it for free. */
gint64           plenary_indico_timetable_ts        (GBytes       *timetable);
/* The event's zone from the first "tz" of a timetable export (all its times are in that
 * zone), checked to be a zone name as it goes in a URL; NULL when there is none. Found
 * without parsing the export, in its first @length bytes (a head of it, as it arrives, gives
 * NULL or the whole export's answer): it runs on the main thread. */
char            *plenary_indico_timetable_zone      (const char   *data,
                                                     gsize         length);

G_END_DECLS
