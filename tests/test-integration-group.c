/* test-integration-group.c: the Preferences rows for running in the background
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plenary-application.h"
#include "ui/plenary-integration-group.h"
#include "ui/plenary-preferences-window.h"
#include "util/plenary-background.h"
#include "plenary-test-util.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkLabel *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error")
      && gtk_widget_get_visible (root))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_until_sensitive (GtkWidget *widget)
{
  /* The portal or the autostart writer answers asynchronously. */
  do
    g_main_context_iteration (NULL, TRUE);
  while (!gtk_widget_get_sensitive (widget));
}

static void
test_background_switch (void)
{
  g_autoptr (GError) error = NULL;
  PlenaryApplication *app = plenary_application_new (APP_ID ".TestGroup", G_APPLICATION_NON_UNIQUE);
  g_autofree char *path = plenary_background_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GList) toplevels = NULL;
  GSettings *settings;
  GtkWidget *preferences = NULL;
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *widget;
  GtkLabel *label;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* A switch activated with animations on changes state once its animation ends. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_application_set_default (G_APPLICATION (app));
  settings = plenary_application_get_settings (app);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  plenary_test_iterate (100);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLENARY_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  group = find_widget (preferences, PLENARY_TYPE_INTEGRATION_GROUP);
  g_assert_nonnull (group);
  row = find_widget (group, ADW_TYPE_ACTION_ROW);
  widget = find_widget (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (widget);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget)));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == widget);

  /* On, from the keyboard (activating the row): outside a sandbox, the autostart entry. */
  g_assert_false (plenary_background_is_sandboxed (NULL));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (widget)));
  wait_until_sensitive (widget);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (find_error_label (group));

  /* Off: the entry is gone and the hold released. */
  gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
  wait_until_sensitive (widget);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* It cannot be done: the switch goes back off and says why. */
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));
  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  wait_until_sensitive (widget);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget)));
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  label = find_error_label (group);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "start at login"));
  g_unlink (dir);

  gtk_window_destroy (GTK_WINDOW (preferences));
  plenary_test_iterate (50);
  g_application_set_default (NULL);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/integration-group/background-switch", test_background_switch);

  return g_test_run ();
}
