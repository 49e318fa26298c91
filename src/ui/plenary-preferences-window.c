/* plenary-preferences-window.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-preferences-window.h"

struct _PlenaryPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *time_zone_row;
  GtkSpinButton        *refresh_spin;
  GtkSpinButton        *reminder_spin;
};

G_DEFINE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the choices in this order. */
static const char *time_zone_modes[] = { "event", "local" };

static gboolean
time_zone_mode_to_index (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *mode = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_strcmp0 (mode, "local") == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
index_to_time_zone_mode (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (time_zone_modes[MIN (index, G_N_ELEMENTS (time_zone_modes) - 1)]);
}

PlenaryPreferencesWindow *
plenary_preferences_window_new (PlenaryApplication *application)
{
  PlenaryPreferencesWindow *self = g_object_new (PLENARY_TYPE_PREFERENCES_WINDOW, NULL);
  GSettings *settings = plenary_application_get_settings (application);

  g_settings_bind_with_mapping (settings, "time-zone-mode", self->time_zone_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, time_zone_mode_to_index,
                                index_to_time_zone_mode, NULL, NULL);
  g_settings_bind (settings, "refresh-interval",
                   gtk_spin_button_get_adjustment (self->refresh_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-minutes",
                   gtk_spin_button_get_adjustment (self->reminder_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  return self;
}

static void
plenary_preferences_window_class_init (PlenaryPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/plenary-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, refresh_spin);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, reminder_spin);
}

static void
plenary_preferences_window_init (PlenaryPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
