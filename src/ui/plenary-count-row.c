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

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
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
  gboolean has_subtitle = !header && subtitle != NULL && subtitle[0] != '\0';

  gtk_label_set_text (title_label, title);
  gtk_label_set_text (subtitle_label, has_subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (subtitle_label), has_subtitle);
  gtk_label_set_text (count_label, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (count_label), !header && count != NULL);
  if (header)
    gtk_widget_add_css_class (row, "letter-header");
  else
    gtk_widget_remove_css_class (row, "letter-header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label != NULL ? accessible_label : title, -1);
}
