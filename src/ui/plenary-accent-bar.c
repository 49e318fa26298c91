/* plenary-accent-bar.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "plenary-accent-bar.h"
#include "plenary-format.h"

/* Drawn rather than styled: a CSS provider per row would cost more than the row itself. */
struct _PlenaryAccentBar
{
  GtkWidget  parent_instance;

  char      *color;
};

G_DEFINE_FINAL_TYPE (PlenaryAccentBar, plenary_accent_bar, GTK_TYPE_WIDGET)

void
plenary_accent_bar_set_color (PlenaryAccentBar *self,
                              const char       *color)
{
  g_return_if_fail (PLENARY_IS_ACCENT_BAR (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_strdup (color);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
plenary_accent_bar_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PlenaryAccentBar *self = PLENARY_ACCENT_BAR (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GskRoundedRect rect;
  GdkRGBA accent;

  plenary_accent_from_hex (self->color, dark, &accent);
  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, 0, width, height),
                                   MIN (width, height) / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
on_dark_changed (PlenaryAccentBar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
plenary_accent_bar_finalize (GObject *object)
{
  PlenaryAccentBar *self = PLENARY_ACCENT_BAR (object);

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (plenary_accent_bar_parent_class)->finalize (object);
}

static void
plenary_accent_bar_class_init (PlenaryAccentBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = plenary_accent_bar_finalize;
  widget_class->snapshot = plenary_accent_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "accentbar");
}

static void
plenary_accent_bar_init (PlenaryAccentBar *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}
