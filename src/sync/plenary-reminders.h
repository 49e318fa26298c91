/* plenary-reminders.h: a notification a few minutes before each starred talk
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/plenary-schedule.h"
#include "store/plenary-user-data.h"
#include "util/plenary-clock.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_REMINDERS (plenary_reminders_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryReminders, plenary_reminders, PLENARY, REMINDERS, GObject)

/* Reminders only work while the application runs: with the window closed they still come
 * as long as the process lives. "Run in the background for reminders" (util/
 * plenary-background.c) keeps it alive with a hold and starts it at login.
 *
 * @application may be NULL (tests): then only the "reminder" signal is emitted. */
PlenaryReminders *plenary_reminders_new              (GApplication     *application,
                                                      PlenaryClock     *clock);

PlenarySchedule  *plenary_reminders_get_schedule     (PlenaryReminders *self);
void              plenary_reminders_set_schedule     (PlenaryReminders *self,
                                                      PlenarySchedule  *schedule);
PlenaryUserData  *plenary_reminders_get_user_data    (PlenaryReminders *self);
void              plenary_reminders_set_user_data    (PlenaryReminders *self,
                                                      PlenaryUserData  *user_data);
/* Minutes before the start; 0 turns reminders off. */
guint             plenary_reminders_get_lead_minutes (PlenaryReminders *self);
void              plenary_reminders_set_lead_minutes (PlenaryReminders *self,
                                                      guint             lead_minutes);
PlenaryClock     *plenary_reminders_get_clock        (PlenaryReminders *self);
GApplication     *plenary_reminders_get_application  (PlenaryReminders *self);

/* The next starred talk to be reminded of and when (@fire_at, a new reference, may be
 * NULL), or NULL when none is due in the future. */
PlenaryEntry     *plenary_reminders_get_next         (PlenaryReminders *self,
                                                      GDateTime       **fire_at);

/* "Hall · 02:30 CEST–03:30": the notification's body, the times in the event's zone. */
char             *plenary_reminders_dup_body         (PlenarySchedule  *schedule,
                                                      PlenaryEntry     *entry);

G_END_DECLS
