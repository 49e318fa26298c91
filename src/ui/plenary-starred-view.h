/* plenary-starred-view.h: the personal schedule
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"
#include "store/plenary-user-data.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_STARRED_VIEW (plenary_starred_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryStarredView, plenary_starred_view, PLENARY, STARRED_VIEW, GtkWidget)

void        plenary_starred_view_set_schedule  (PlenaryStarredView *self,
                                                PlenarySchedule    *schedule,
                                                PlenaryUserData    *user_data);
/* Day headers, "Up Next" header (GtkStringObject) and starred entries as listed now. */
GListModel *plenary_starred_view_get_model     (PlenaryStarredView *self);
/* Keys of starred talks no longer in the programme. */
GStrv       plenary_starred_view_dup_removed   (PlenaryStarredView *self);
gboolean    plenary_starred_view_is_conflict   (PlenaryStarredView *self,
                                                PlenaryEntry       *entry);

/* Starred talks that overlap, or follow each other in different rooms with less than
 * @room_change between them; @sorted is by start. Returns entry → the entry it clashes with. */
GHashTable *plenary_find_conflicts             (GPtrArray          *sorted,
                                                GTimeSpan           room_change);

G_END_DECLS
