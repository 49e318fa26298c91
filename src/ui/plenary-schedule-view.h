/* plenary-schedule-view.h: the programme one day at a time, with search and filters
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"
#include "plenary-entry-page.h"
#include "store/plenary-user-data.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SCHEDULE_VIEW (plenary_schedule_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryScheduleView, plenary_schedule_view, PLENARY, SCHEDULE_VIEW,
                      GtkWidget)

GtkWidget       *plenary_schedule_view_new            (void);
void             plenary_schedule_view_set_schedule   (PlenaryScheduleView *self,
                                                       PlenarySchedule     *schedule);
PlenarySchedule *plenary_schedule_view_get_schedule   (PlenaryScheduleView *self);
guint            plenary_schedule_view_get_day        (PlenaryScheduleView *self);
void             plenary_schedule_view_set_day        (PlenaryScheduleView *self,
                                                       guint                day_index);
/* The items the list shows now: entries, and day headers while searching. */
GListModel      *plenary_schedule_view_get_model      (PlenaryScheduleView *self);
/* Whether the search index, built in the background for each schedule, is there (until then
 * a search's answer waits for it; the list keeps what it showed). */
gboolean         plenary_schedule_view_get_search_ready (PlenaryScheduleView *self);
/* Whether the last search is still unanswered: answers come from the main loop. */
gboolean         plenary_schedule_view_get_search_pending (PlenaryScheduleView *self);
void             plenary_schedule_view_set_search     (PlenaryScheduleView *self,
                                                       const char          *text);
/* Narrows the timeline; NULL or "" for any. Other views use it for "show in the schedule". */
void             plenary_schedule_view_set_filters    (PlenaryScheduleView *self,
                                                       const char          *track,
                                                       const char          *room,
                                                       const char          *session);
/* Stars and notes shown in rows and edited on the entry page; may be NULL (the sample). */
void             plenary_schedule_view_set_user_data  (PlenaryScheduleView *self,
                                                       PlenaryUserData     *user_data);
/* Whether @entry carries a "Changed" badge: changed by a sync and not opened since (kept in
 * the user data, so it lasts across restarts). */
gboolean         plenary_schedule_view_is_changed     (PlenaryScheduleView *self,
                                                       PlenaryEntry        *entry);
PlenaryEntryPage *plenary_schedule_view_get_entry_page (PlenaryScheduleView *self);
void             plenary_schedule_view_show_entry     (PlenaryScheduleView *self,
                                                       PlenaryEntry        *entry);
/* The number a talk has in the numbered density (1, 2, 3 … within its day), 0 for others. */
guint            plenary_schedule_view_get_number     (PlenaryScheduleView *self,
                                                       PlenaryEntry        *entry);

G_END_DECLS
