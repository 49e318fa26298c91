/* plenary-window.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-window.h"

struct _PlenaryWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
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

}

static void
plenary_window_dispose (GObject *object)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plenary_window_parent_class)->dispose (object);
}

static void
plenary_window_class_init (PlenaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, switcher_title);
}

static void
plenary_window_init (PlenaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}
