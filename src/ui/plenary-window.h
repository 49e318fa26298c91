/* plenary-window.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/plenary-schedule.h"
#include "plenary-application.h"
#include "plenary-schedule-view.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_WINDOW (plenary_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryWindow, plenary_window, PLENARY, WINDOW, AdwApplicationWindow)

PlenaryWindow *plenary_window_new            (PlenaryApplication *application);
AdwViewStack  *plenary_window_get_view_stack (PlenaryWindow      *self);
void           plenary_window_set_schedule   (PlenaryWindow      *self,
                                              PlenarySchedule    *schedule,
                                              const char         *subtitle);
PlenarySchedule *plenary_window_get_schedule (PlenaryWindow      *self);
PlenaryScheduleView *plenary_window_get_schedule_view (PlenaryWindow *self);

G_END_DECLS
