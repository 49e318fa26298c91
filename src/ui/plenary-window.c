/* plenary-window.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-rooms-view.h"
#include "plenary-schedule-view.h"
#include "plenary-speakers-view.h"
#include "plenary-tracks-view.h"
#include "plenary-window.h"

struct _PlenaryWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  PlenaryScheduleView  *schedule_view;
  PlenarySpeakersView  *speakers_view;
  PlenaryTracksView    *tracks_view;
  PlenaryRoomsView     *rooms_view;

  PlenarySchedule      *schedule;
};

G_DEFINE_FINAL_TYPE (PlenaryWindow, plenary_window, ADW_TYPE_APPLICATION_WINDOW)

static void bind_settings (PlenaryWindow      *self,
                           PlenaryApplication *application);

PlenaryWindow *
plenary_window_new (PlenaryApplication *application)
{
  PlenaryWindow *self = g_object_new (PLENARY_TYPE_WINDOW, "application", application, NULL);

  bind_settings (self, application);
  return self;
}

static gboolean
time_zone_mode_to_local (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "local") == 0);
  return TRUE;
}

static GVariant *
local_to_time_zone_mode (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "local" : "event");
}

/* @subtitle says where the programme comes from ("Sample event", "Updated …"). */
void
plenary_window_set_schedule (PlenaryWindow   *self,
                             PlenarySchedule *schedule,
                             const char      *subtitle)
{
  g_return_if_fail (PLENARY_IS_WINDOW (self));

  g_set_object (&self->schedule, schedule);
  plenary_schedule_view_set_schedule (self->schedule_view, schedule);
  plenary_speakers_view_set_schedule (self->speakers_view, schedule);
  plenary_tracks_view_set_schedule (self->tracks_view, schedule);
  plenary_rooms_view_set_schedule (self->rooms_view, schedule);
  adw_view_switcher_title_set_title (self->switcher_title,
                                     schedule ? plenary_schedule_get_title (schedule)
                                              : _("Plenary"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self),
                        schedule ? plenary_schedule_get_title (schedule) : _("Plenary"));
  gtk_stack_set_visible_child_name (self->main_stack, schedule ? "event" : "empty");
}

PlenarySchedule *
plenary_window_get_schedule (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->schedule;
}

PlenaryScheduleView *
plenary_window_get_schedule_view (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->schedule_view;
}

AdwViewStack *
plenary_window_get_view_stack (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->view_stack;
}

static void
bind_settings (PlenaryWindow      *self,
               PlenaryApplication *application)
{
  self->settings = g_object_ref (plenary_application_get_settings (application));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "schedule-density", self->schedule_view, "density",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-notes", self->schedule_view, "show-notes",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "time-zone-mode", self->schedule_view,
                                "local-time", G_SETTINGS_BIND_DEFAULT, time_zone_mode_to_local,
                                local_to_time_zone_mode, NULL, NULL);

}

static void
on_entry_activated (PlenaryWindow *self,
                    PlenaryEntry  *entry)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
  plenary_schedule_view_show_entry (self->schedule_view, entry);
}

static void
on_show_in_schedule (PlenaryWindow *self,
                     PlenaryTrack  *track)
{
  plenary_schedule_view_set_filters (self->schedule_view, plenary_track_get_title (track),
                                     NULL, NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
}

static void
on_person_activated (PlenaryWindow *self,
                     PlenaryPerson *person)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "speakers");
  plenary_speakers_view_show_person (self->speakers_view, person);
}

static void
plenary_window_dispose (GObject *object)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (plenary_window_parent_class)->dispose (object);
}

static void
plenary_window_class_init (PlenaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_window_dispose;

  g_type_ensure (PLENARY_TYPE_SCHEDULE_VIEW);
  g_type_ensure (PLENARY_TYPE_SPEAKERS_VIEW);
  g_type_ensure (PLENARY_TYPE_TRACKS_VIEW);
  g_type_ensure (PLENARY_TYPE_ROOMS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, speakers_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, tracks_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, rooms_view);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_in_schedule);
}

static void
plenary_window_init (PlenaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (plenary_schedule_view_get_entry_page (self->schedule_view),
                           "person-activated", G_CALLBACK (on_person_activated), self,
                           G_CONNECT_SWAPPED);
}
