/* plenary-count-row.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-count-row.h"

/* Plain widgets, no template: these rows are recycled by the hundred in list views. */
GtkWidget *
plenary_count_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  /* One line each, so that rows of one list are all one height. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), count);
  gtk_widget_add_css_class (row, "person-row");
  return row;
}

/* The list's cell (the row's parent) is what a screen reader announces: it takes the row's
 * label, or it is read as "GtkListItemWidget" (as GTK 4.12's
 * gtk_list_item_set_accessible_label() would do). */
static void
set_cell_label (GtkWidget  *row,
                const char *label)
{
  GtkWidget *cell = gtk_widget_get_parent (row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

void
plenary_count_row_set (GtkWidget  *row,
                       const char *title,
                       const char *subtitle,
                       const char *count,
                       const char *accessible_label,
                       gboolean    header)
{
  GtkWidget *labels = gtk_widget_get_first_child (row);
  GtkLabel *title_label = GTK_LABEL (gtk_widget_get_first_child (labels));
  GtkLabel *subtitle_label = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title_label)));
  GtkLabel *count_label = GTK_LABEL (gtk_widget_get_next_sibling (labels));
  /* An empty subtitle still takes its line: the row keeps the height of its neighbours. */
  gboolean has_subtitle = !header && subtitle != NULL;

  gtk_label_set_text (title_label, title);
  gtk_label_set_text (subtitle_label, has_subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (subtitle_label), has_subtitle);
  gtk_label_set_text (count_label, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (count_label), !header && count != NULL);
  if (header)
    gtk_widget_add_css_class (row, "letter-header");
  else
    gtk_widget_remove_css_class (row, "letter-header");
  set_cell_label (row, accessible_label != NULL ? accessible_label : title);
}

void
plenary_count_row_set_open (GtkWidget *row,
                            gboolean   open)
{
  GtkWidget *cell = gtk_widget_get_parent (row);

  if (open)
    gtk_widget_add_css_class (row, "open");
  else
    gtk_widget_remove_css_class (row, "open");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, open, -1);
  if (cell != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED, open, -1);
}

void
plenary_count_row_set_item (GtkWidget *row,
                            gpointer   item,
                            gboolean   open)
{
  /* Compared by address only, never used: no reference. */
  g_object_set_data (G_OBJECT (row), "plenary-count-row-item", item);
  plenary_count_row_set_open (row, open);
}

void
plenary_count_rows_show_open (GtkWidget *list,
                              gpointer   open_item)
{
  /* The rows on screen, in place: rebinding them through the model would move the keyboard
   * focus off the row just activated. */
  for (GtkWidget *cell = gtk_widget_get_first_child (list); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *row = gtk_widget_get_first_child (cell);

      if (row != NULL && gtk_widget_has_css_class (row, "person-row"))
        plenary_count_row_set_open (row, open_item != NULL
                                         && g_object_get_data (G_OBJECT (row),
                                                               "plenary-count-row-item")
                                            == open_item);
    }
}
