/* plenary-filter-bar.h: the Schedule's filter button, its track, room and session choices,
 * and what they let through
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_FILTER_BAR (plenary_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryFilterBar, plenary_filter_bar, PLENARY, FILTER_BAR, GtkWidget)

/* The choices are @schedule's; filters survive when what they name still exists, and a toast
 * (in the AdwToastOverlay around the bar, if any) names those that do not. "changed" (no
 * arguments) is emitted when what the filters let through changes (a choice in the bar,
 * plenary_filter_bar_set_filters(), a filter gone with a new programme), and only then. */
void      plenary_filter_bar_set_schedule (PlenaryFilterBar *self,
                                           PlenarySchedule  *schedule);
/* NULL or "" for any. */
void      plenary_filter_bar_set_filters  (PlenaryFilterBar *self,
                                           const char       *track,
                                           const char       *room,
                                           const char       *session);
gboolean  plenary_filter_bar_is_active    (PlenaryFilterBar *self);
gboolean  plenary_filter_bar_matches      (PlenaryFilterBar *self,
                                           PlenaryEntry     *entry);
/* "Only LPC Refereed Track · Room 1", or NULL without filters. */
char     *plenary_filter_bar_dup_summary  (PlenaryFilterBar *self);

G_END_DECLS
