/* plenary-accent-bar.h: a thin bar in a session's colour
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_ACCENT_BAR (plenary_accent_bar_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryAccentBar, plenary_accent_bar, PLENARY, ACCENT_BAR, GtkWidget)

/* @color: Indico's "#rrggbb" session colour, or NULL for a neutral accent. */
void plenary_accent_bar_set_color (PlenaryAccentBar *self,
                                   const char       *color);

G_END_DECLS
