/* plenary-view.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-view.h"

G_DEFINE_INTERFACE (PlenaryView, plenary_view, GTK_TYPE_WIDGET)

static guint entry_activated_signal;

static void
plenary_view_default_init (PlenaryViewInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("schedule", NULL, NULL, PLENARY_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_object ("user-data", NULL, NULL, PLENARY_TYPE_USER_DATA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_object ("clock", NULL, NULL, PLENARY_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  entry_activated_signal = g_signal_new ("entry-activated", PLENARY_TYPE_VIEW, G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, PLENARY_TYPE_ENTRY);
}

void
plenary_view_set_schedule (PlenaryView     *self,
                           PlenarySchedule *schedule)
{
  g_return_if_fail (PLENARY_IS_VIEW (self));

  g_object_set (self, "schedule", schedule, NULL);
}

void
plenary_view_set_user_data (PlenaryView     *self,
                            PlenaryUserData *user_data)
{
  g_return_if_fail (PLENARY_IS_VIEW (self));

  g_object_set (self, "user-data", user_data, NULL);
}

void
plenary_view_set_clock (PlenaryView  *self,
                        PlenaryClock *clock)
{
  g_return_if_fail (PLENARY_IS_VIEW (self));

  g_object_set (self, "clock", clock, NULL);
}

void
plenary_view_entry_activated (PlenaryView  *self,
                              PlenaryEntry *entry)
{
  g_return_if_fail (PLENARY_IS_VIEW (self));

  g_signal_emit (self, entry_activated_signal, 0, entry);
}
