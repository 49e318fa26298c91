/* plenary-view.h: what every page of the window is given and says (the schedule, the user's
 * stars and notes, the clock) and the one thing it asks of the window (open a talk)
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/plenary-schedule.h"
#include "store/plenary-user-data.h"
#include "util/plenary-clock.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_VIEW (plenary_view_get_type ())

G_DECLARE_INTERFACE (PlenaryView, plenary_view, PLENARY, VIEW, GtkWidget)

/* No methods: a view is its three properties, "schedule" (PlenarySchedule, may be NULL),
 * "user-data" (PlenaryUserData, NULL for none: nowhere to keep stars) and "clock"
 * (PlenaryClock, plenary_clock_get_default() until told otherwise; tests give a fixed one),
 * and its signal "entry-activated" (PlenaryEntry), asking the window to show a talk. */
struct _PlenaryViewInterface
{
  GTypeInterface parent_iface;
};

void     plenary_view_set_schedule     (PlenaryView     *self,
                                        PlenarySchedule *schedule);
void     plenary_view_set_user_data    (PlenaryView     *self,
                                        PlenaryUserData *user_data);
void     plenary_view_set_clock        (PlenaryView     *self,
                                        PlenaryClock    *clock);
void     plenary_view_entry_activated  (PlenaryView     *self,
                                        PlenaryEntry    *entry);

/* For the views' own "clock" setters: moves @self's handlers from the clock in *@field to
 * @clock (@on_tick to "tick", @on_time_changed to "time-changed", both swapped) and keeps
 * @clock there. FALSE, doing nothing, when it was that clock already. */
gboolean plenary_view_follow_clock     (PlenaryView     *self,
                                        PlenaryClock   **field,
                                        PlenaryClock    *clock,
                                        GCallback        on_tick,
                                        GCallback        on_time_changed);
/* Whether @a and @b (either may be NULL: then FALSE) are programmes of one event, two
 * snapshots of it or the same: only then does a view keep a talk, a person or results across
 * a swap, since Indico's ids are an event's own. */
gboolean plenary_view_same_event       (PlenarySchedule *a,
                                        PlenarySchedule *b);

/* For a page's leaflet: whether it is folded is first decided while it is laid out after being
 * shown, when it is mapped already, and that first decision would animate (a quarter second of
 * frames at start-up and on a tab's first visit). It is made at once; later ones animate. */
void     plenary_view_settle_leaflet   (AdwLeaflet      *leaflet);

G_END_DECLS
