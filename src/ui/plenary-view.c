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

gboolean
plenary_view_follow_clock (PlenaryView   *self,
                           PlenaryClock **field,
                           PlenaryClock  *clock,
                           GCallback      on_tick,
                           GCallback      on_time_changed)
{
  g_return_val_if_fail (PLENARY_IS_VIEW (self), FALSE);
  g_return_val_if_fail (PLENARY_IS_CLOCK (clock), FALSE);

  if (*field == clock)
    return FALSE;
  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, self);
  g_set_object (field, clock);
  g_signal_connect_object (clock, "tick", on_tick, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "time-changed", on_time_changed, self, G_CONNECT_SWAPPED);
  return TRUE;
}

#define LEAFLET_DURATION_KEY "plenary-view-leaflet-duration"

static void
leaflet_painted_cb (GdkFrameClock *frame_clock,
                    AdwLeaflet    *leaflet)
{
  g_signal_handlers_disconnect_by_func (frame_clock, leaflet_painted_cb, leaflet);
  adw_leaflet_set_mode_transition_duration (
    leaflet, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (leaflet), LEAFLET_DURATION_KEY)));
}

static void
leaflet_mapped_cb (AdwLeaflet *leaflet)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (leaflet));

  adw_leaflet_set_mode_transition_duration (leaflet, 0);
  g_signal_handlers_disconnect_by_func (frame_clock, leaflet_painted_cb, leaflet);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (leaflet_painted_cb), leaflet,
                           0);
}

void
plenary_view_settle_leaflet (AdwLeaflet *leaflet)
{
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));

  g_object_set_data (G_OBJECT (leaflet), LEAFLET_DURATION_KEY,
                     GUINT_TO_POINTER (adw_leaflet_get_mode_transition_duration (leaflet)));
  g_signal_connect (leaflet, "map", G_CALLBACK (leaflet_mapped_cb), NULL);
}

gboolean
plenary_view_same_event (PlenarySchedule *a,
                         PlenarySchedule *b)
{
  return a != NULL && b != NULL
         && g_strcmp0 (plenary_schedule_get_server_base (a),
                       plenary_schedule_get_server_base (b)) == 0
         && g_strcmp0 (plenary_schedule_get_event_id (a), plenary_schedule_get_event_id (b)) == 0;
}
