/* plenary-chair-window.h: a room clock for session chairs
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/plenary-schedule.h"
#include "plenary-chair-state.h"
#include "store/plenary-user-data.h"
#include "util/plenary-clock.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_CHAIR_WINDOW (plenary_chair_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryChairWindow, plenary_chair_window, PLENARY, CHAIR_WINDOW, AdwWindow)

PlenaryChairWindow *plenary_chair_window_new          (GtkApplication     *application,
                                                       PlenarySchedule    *schedule,
                                                       PlenaryUserData    *user_data,
                                                       PlenaryRoom        *room,
                                                       PlenaryClock       *clock);
/* A new snapshot after a sync: the screen follows it, the recorded times stay. */
void                plenary_chair_window_set_schedule (PlenaryChairWindow *self,
                                                       PlenarySchedule    *schedule);
/* For "notify::schedule" of a PlenaryEvent. */
void                plenary_chair_window_set_schedule_from_event (GObject            *event,
                                                                  GParamSpec         *pspec,
                                                                  PlenaryChairWindow *self);
const PlenaryChairState *plenary_chair_window_get_state (PlenaryChairWindow *self);
/* Recomputes and redraws now (the clock does it every second). */
void                plenary_chair_window_update       (PlenaryChairWindow *self);

G_END_DECLS
