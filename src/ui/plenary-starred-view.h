/* plenary-starred-view.h: the personal schedule
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

#define PLENARY_TYPE_STARRED_VIEW (plenary_starred_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryStarredView, plenary_starred_view, PLENARY, STARRED_VIEW, GtkWidget)

void        plenary_starred_view_set_schedule  (PlenaryStarredView *self,
                                                PlenarySchedule    *schedule,
                                                PlenaryUserData    *user_data);
/* Day headers, a "Now" or "Up Next" header (GtkStringObject) and starred entries as listed
 * now. */
GListModel *plenary_starred_view_get_model     (PlenaryStarredView *self);
/* Keys of starred talks no longer in the programme. */
GStrv       plenary_starred_view_dup_removed   (PlenaryStarredView *self);
gboolean    plenary_starred_view_is_conflict   (PlenaryStarredView *self,
                                                PlenaryEntry       *entry);
/* Pairs of starred talks that clash: two talks at once are one conflict. */
guint       plenary_starred_view_get_n_conflicts (PlenaryStarredView *self);
/* What @entry clashes with, as its row says it ("Overlaps TDX Linux guest, MC2"); NULL for
 * nothing. */
char       *plenary_starred_view_describe_conflict (PlenaryStarredView *self,
                                                    PlenaryEntry       *entry);

/* Opens @entry in the view's own talk page, beside the list or over it when narrow. */
void        plenary_starred_view_show_entry    (PlenaryStarredView *self,
                                                PlenaryEntry       *entry);
PlenaryEntryPage *plenary_starred_view_get_entry_page (PlenaryStarredView *self);

/* Starred talks that overlap, or follow each other in different rooms with less than
 * @room_change between them; @sorted is by start. Returns entry → GPtrArray of the entries
 * it clashes with, and the number of clashing pairs in @n_pairs. */
GHashTable *plenary_find_conflicts             (GPtrArray          *sorted,
                                                GTimeSpan           room_change,
                                                guint              *n_pairs);

G_END_DECLS
