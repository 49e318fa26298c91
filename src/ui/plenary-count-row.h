/* plenary-count-row.h: a list row with a title, a dim subtitle and a count, or a header
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *plenary_count_row_new (void);
/* Texts are plain, never markup, one line each. @subtitle NULL hides its line, "" keeps it
 * empty (rows of one list keep one height); @count NULL hides the count; @header shows @title
 * alone as a section header (a letter, "Other"). The list's cell takes @accessible_label. */
void       plenary_count_row_set (GtkWidget  *row,
                                  const char *title,
                                  const char *subtitle,
                                  const char *count,
                                  const char *accessible_label,
                                  gboolean    header);

/* Marks the row of what is open beside the list (a person, a track). */
void       plenary_count_row_set_open (GtkWidget *row,
                                       gboolean   open);

/* What @row shows (compared by address), and whether it is open. */
void       plenary_count_row_set_item (GtkWidget *row,
                                       gpointer   item,
                                       gboolean   open);
/* Marks the one row of @list, a list or grid view of count rows, that shows @open_item. */
void       plenary_count_rows_show_open (GtkWidget *list,
                                         gpointer   open_item);

G_END_DECLS
