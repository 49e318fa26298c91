/* plenary-event-list.h: the followed events (events.json), as a GListModel of PlenaryEvent
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/plenary-event.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_EVENT_LIST (plenary_event_list_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryEventList, plenary_event_list, PLENARY, EVENT_LIST, GObject)

/* @path NULL = plenary_store_get_events_file(). */
PlenaryEventList *plenary_event_list_new          (const char          *path);

/* Reads the file in a worker thread and replaces the list. A missing file is an empty list;
 * a damaged one is set aside and reported as PLENARY_STORE_ERROR_CORRUPT (the list is then
 * empty and usable). Events are not loaded: call plenary_event_load_async() on each. */
void              plenary_event_list_load_async   (PlenaryEventList    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          plenary_event_list_load_finish  (PlenaryEventList    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Whether the last load found events.json damaged (it was set aside) and rebuilt the list
 * from the event folders on disk; @n_events: how many it found. The caller saves the list
 * and says so, once. */
gboolean          plenary_event_list_get_recovered (PlenaryEventList *self,
                                                    guint            *n_events);
/* Writes the list atomically in a worker thread. add() and remove() do not save by
 * themselves: call this after them (and after titles arrive from a first sync). */
void              plenary_event_list_save_async   (PlenaryEventList    *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          plenary_event_list_save_finish  (PlenaryEventList    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Returns the event with the same key if there is one (and does not add @event). */
PlenaryEvent     *plenary_event_list_add          (PlenaryEventList    *self,
                                                   PlenaryEvent        *event);
void              plenary_event_list_remove       (PlenaryEventList    *self,
                                                   PlenaryEvent        *event);
/* By plenary_event_get_key(); NULL if absent. */
PlenaryEvent     *plenary_event_list_lookup       (PlenaryEventList    *self,
                                                   const char          *key);

G_END_DECLS
