/* plenary-now-view.h: Now & Next, what is on in every room and what comes next
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"
#include "plenary-now-state.h"
#include "store/plenary-user-data.h"
#include "util/plenary-clock.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_NOW_VIEW (plenary_now_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryNowView, plenary_now_view, PLENARY, NOW_VIEW, GtkWidget)

void             plenary_now_view_set_schedule (PlenaryNowView  *self,
                                                PlenarySchedule *schedule,
                                                PlenaryUserData *user_data);
/* The clock it follows; plenary_clock_get_default() unless told otherwise. */
void             plenary_now_view_set_clock    (PlenaryNowView  *self,
                                                PlenaryClock    *clock);
/* What is on screen, for tests. */
PlenaryNowState *plenary_now_view_get_state    (PlenaryNowView  *self);

G_END_DECLS
