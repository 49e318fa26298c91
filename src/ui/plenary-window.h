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
#include "model/plenary-event.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_WINDOW (plenary_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryWindow, plenary_window, PLENARY, WINDOW, AdwApplicationWindow)

PlenaryWindow       *plenary_window_new               (PlenaryApplication *application);
/* "event", "loading" or "empty": what the window shows (for tests). */
GtkStack            *plenary_window_get_main_stack    (PlenaryWindow      *self);
AdwViewStack        *plenary_window_get_view_stack    (PlenaryWindow      *self);
/* Shows a programme that is not followed (the bundled sample). */
void                 plenary_window_set_schedule      (PlenaryWindow      *self,
                                                       PlenarySchedule    *schedule,
                                                       const char         *subtitle);
/* Follows @event: its programme, freshness, errors and user data. NULL for none. */
void                 plenary_window_set_event         (PlenaryWindow      *self,
                                                       PlenaryEvent       *event);
PlenaryEvent        *plenary_window_get_event         (PlenaryWindow      *self);
PlenarySchedule     *plenary_window_get_schedule      (PlenaryWindow      *self);
PlenaryScheduleView *plenary_window_get_schedule_view (PlenaryWindow      *self);
/* Opens the talk with this user key (from a reminder), if it is in the programme. */
void                 plenary_window_show_entry        (PlenaryWindow      *self,
                                                       const char         *user_key);
/* Writes the programme (or the starred talks) as an .ics file, in a thread; says so in a toast. */
void                 plenary_window_export_ics        (PlenaryWindow      *self,
                                                       GFile              *file,
                                                       gboolean            starred_only);
/* Stars the talks of a calendar Plenary or Indico exported, read without blocking. */
void                 plenary_window_import_ics        (PlenaryWindow      *self,
                                                       GFile              *file);
/* Opens the room clock for the room of that name, now or once a programme is on screen. */
void                 plenary_window_open_chair        (PlenaryWindow      *self,
                                                       const char         *room_name);
void                 plenary_window_add_event         (PlenaryWindow      *self,
                                                       const char         *url);
/* Opens the speaker with this person key in the Speakers view, if in the programme. */
void                 plenary_window_show_person       (PlenaryWindow      *self,
                                                       const char         *person_key);

void                 plenary_window_add_toast         (PlenaryWindow      *self,
                                                       const char         *text);

G_END_DECLS
