/* plenary-search-engine.h: the Schedule's search, answered asynchronously from an index built
 * in a worker thread
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SEARCH_ENGINE (plenary_search_engine_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySearchEngine, plenary_search_engine, PLENARY, SEARCH_ENGINE,
                      GObject)

PlenarySearchEngine *plenary_search_engine_new          (void);
/* Drops the index of the schedule before (answering its pending searches with
 * G_IO_ERROR_CANCELLED) and builds @schedule's in a worker, once the main loop is idle. */
void                 plenary_search_engine_set_schedule (PlenarySearchEngine *self,
                                                         PlenarySchedule     *schedule);
PlenarySchedule     *plenary_search_engine_get_schedule (PlenarySearchEngine *self);
/* Builds @schedule's index in a worker now, for an engine that will be given the schedule
 * later (a programme just downloaded at the user's request): the index is kept with the
 * schedule, and an engine given it then answers at once. */
void                 plenary_search_engine_prepare      (PlenarySchedule     *schedule);
/* Whether the index is built: a search is then answered in the next main loop iteration; until
 * then it waits for the worker, without blocking anything. */
gboolean             plenary_search_engine_get_ready    (PlenarySearchEngine *self);
/* The entries whose texts (title, speakers, room, track, session, abstract) contain every
 * term of @folded_query (plenary_fold_for_search()'s form), in the schedule's order. A search
 * whose @cancellable was cancelled before its answer (a later keystroke) gets
 * G_IO_ERROR_CANCELLED. */
void                 plenary_search_engine_search_async (PlenarySearchEngine *self,
                                                         const char          *folded_query,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
/* PlenaryEntry, new references; NULL with @error set on failure. */
GPtrArray           *plenary_search_engine_search_finish (PlenarySearchEngine *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
