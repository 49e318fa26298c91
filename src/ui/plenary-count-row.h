/* plenary-count-row.h: a list row with a title, a dim subtitle and a count, or a header
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *plenary_count_row_new (void);
/* Texts are plain, never markup. @count NULL hides the count; @header shows @title alone as a
 * section header (a letter, "Other"). */
void       plenary_count_row_set (GtkWidget  *row,
                                  const char *title,
                                  const char *subtitle,
                                  const char *count,
                                  const char *accessible_label,
                                  gboolean    header);

G_END_DECLS
