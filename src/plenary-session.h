/* plenary-session.h: the followed events and what keeps them: their list, sync and reminders
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/plenary-event-list.h"
#include "sync/plenary-favorites-sync.h"
#include "sync/plenary-reminders.h"
#include "sync/plenary-sync-service.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SESSION (plenary_session_get_type ())
G_DECLARE_FINAL_TYPE (PlenarySession, plenary_session, PLENARY, SESSION, GObject)

/* One per process, owned by the application, like GNOME Text Editor's EditorSession: the
 * windows and the Shell's search provider get the events from it. @application (borrowed)
 * sends the reminders, NULL in tests; @settings gives the refresh interval, the reminders'
 * lead time and the servers whose stars are synced. The list is $XDG_DATA_HOME's
 * events.json (plenary_store_get_events_file()). */
PlenarySession       *plenary_session_new            (GApplication        *application,
                                                      GSettings           *settings);

PlenaryEventList     *plenary_session_get_events     (PlenarySession      *self);
PlenarySyncService   *plenary_session_get_sync       (PlenarySession      *self);
PlenaryFavoritesSync *plenary_session_get_favorites  (PlenarySession      *self);

/* Reads events.json in a worker thread (see plenary_event_list_load_async()). A list rebuilt
 * from the folders on disk is saved at once; plenary_event_list_get_recovered() tells. */
void                  plenary_session_load_async     (PlenarySession      *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean              plenary_session_load_finish    (PlenarySession      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* Writes events.json in a worker thread; a failure is logged. */
void                  plenary_session_save_events    (PlenarySession      *self);

/* Reminders before @event's starred talks, and its stars synced with Indico, for as long as
 * the session lives (with or without a window). Once per event; later calls do nothing. */
void                  plenary_session_watch_event    (PlenarySession      *self,
                                                      PlenaryEvent        *event);
/* @event's reminders, NULL when it is not watched (for tests). */
PlenaryReminders     *plenary_session_get_reminders  (PlenarySession      *self,
                                                      PlenaryEvent        *event);
/* Stops following @event: no more syncs, reminders or star syncs; it leaves the list, which
 * is saved, its stars not saved yet are dropped, and its folder (programme, stars, notes) is
 * deleted in a worker thread, after any sync or save still writing there. */
void                  plenary_session_forget_event   (PlenarySession      *self,
                                                      PlenaryEvent        *event);

/* Writes every event's pending stars and notes now, in worker threads, before the process
 * ends, and waits for the saves of the events list and the deletions of forgotten events'
 * folders under way. Completes once they are done, or with G_IO_ERROR_TIMED_OUT after 5
 * seconds: a full disk must not keep the application from quitting. */
void                  plenary_session_flush_async    (PlenarySession      *self,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean              plenary_session_flush_finish   (PlenarySession      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
