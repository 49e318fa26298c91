/* plenary-rooms-view.h: one room across the whole event, as a week grid
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"
#include "plenary-week-grid.h"
#include "store/plenary-user-data.h"
#include "util/plenary-clock.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_ROOMS_VIEW (plenary_rooms_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryRoomsView, plenary_rooms_view, PLENARY, ROOMS_VIEW, GtkWidget)

void             plenary_rooms_view_set_schedule (PlenaryRoomsView *self,
                                                  PlenarySchedule  *schedule);
/* Starred talks are marked in the grid; may be NULL. */
void             plenary_rooms_view_set_user_data (PlenaryRoomsView *self,
                                                   PlenaryUserData  *user_data);
void             plenary_rooms_view_set_room     (PlenaryRoomsView *self,
                                                  PlenaryRoom      *room);
PlenaryRoom     *plenary_rooms_view_get_room     (PlenaryRoomsView *self);
PlenaryWeekGrid *plenary_rooms_view_get_grid     (PlenaryRoomsView *self);
/* The clock the now-line follows; plenary_clock_get_default() unless told otherwise. */
void             plenary_rooms_view_set_clock    (PlenaryRoomsView *self,
                                                  PlenaryClock     *clock);

G_END_DECLS
