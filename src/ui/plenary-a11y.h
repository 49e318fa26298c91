/* plenary-a11y.h: what screen readers get wrong in GTK 4.8, put right
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic by its raw label and then its text ("Show _Past Show
 * Past"); without the raw label, the text alone names it. For every such button under @root. */
void plenary_a11y_name_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
