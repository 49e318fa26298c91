/* test-integration-group.c: the Preferences rows for running in the background
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plenary-application.h"
#include "store/plenary-event-list.h"
#include "sync/plenary-favorites-sync.h"
#include "ui/plenary-integration-group.h"
#include "ui/plenary-preferences-window.h"
#include "util/plenary-background.h"
#include "plenary-test-util.h"

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
  group = plenary_test_find_widget (preferences, PLENARY_TYPE_INTEGRATION_GROUP, NULL);
  g_assert_nonnull (group);
  row = plenary_test_find_widget (group, ADW_TYPE_ACTION_ROW, NULL);
  widget = plenary_test_find_widget (row, GTK_TYPE_SWITCH, NULL);
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

/* Three Indico servers on loopback: one keeps favourites, one is older (404), one no
 * longer takes the token (401). */
static void
indico_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  guint status = GPOINTER_TO_UINT (user_data);
  const char *body = status == 200 ? "{}" : "{\"error\":{\"title\":\"no\"}}";

  if (g_strcmp0 (path, "/event/5/api/contributions/favorites") != 0)
    status = 404;
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static char *
serve (SoupServer **server,
       guint        status)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (inet, 0);
  g_autoptr (GError) error = NULL;
  g_autoslist (GUri) uris = NULL;

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, indico_cb, GUINT_TO_POINTER (status), NULL);
  soup_server_listen (*server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (*server);
  return g_uri_to_string (uris->data);
}

static AdwActionRow *
row_for (GtkWidget  *group,
         const char *base)
{
  g_autoptr (GUri) uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  GtkWidget *list = plenary_test_find_widget (group, GTK_TYPE_LIST_BOX, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *subtitle = ADW_IS_ACTION_ROW (child)
                             ? adw_action_row_get_subtitle (ADW_ACTION_ROW (child)) : NULL;

      if (subtitle != NULL && strstr (subtitle, host) != NULL)
        return ADW_ACTION_ROW (child);
    }
  return NULL;
}

static gboolean
still_checking (GtkWidget *group)
{
  GtkWidget *list = plenary_test_find_widget (group, GTK_TYPE_LIST_BOX, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child)
        && adw_action_row_get_subtitle (ADW_ACTION_ROW (child)) != NULL
        && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), "checking") != NULL)
      return TRUE;
  return FALSE;
}

static void
test_star_rows (void)
{
  g_autoptr (GError) error = NULL;
  PlenaryApplication *app = plenary_application_new (APP_ID ".TestStars", G_APPLICATION_NON_UNIQUE);
  SoupServer *servers[3];
  g_autofree char *good = serve (&servers[0], 200);
  g_autofree char *old = serve (&servers[1], 404);
  g_autofree char *expired = serve (&servers[2], 401);
  const char *bases[] = { good, old, expired };
  g_autoptr (GList) toplevels = NULL;
  g_auto (GStrv) enabled = NULL;
  PlenaryFavoritesSync *favorites;
  GtkWidget *preferences = NULL;
  GtkWidget *group;
  AdwActionRow *row;
  GtkWidget *widget;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_application_set_default (G_APPLICATION (app));
  favorites = plenary_application_get_favorites (app);
  g_object_set (favorites, "use-keyring", FALSE, NULL);
  plenary_favorites_sync_set_test_token (favorites, "indp_rows");
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autoptr (PlenaryEvent) event = plenary_event_new (bases[i], "5");

      plenary_event_list_add (plenary_application_get_events (app), event);
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  plenary_test_iterate (50);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLENARY_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  group = plenary_test_find_widget (preferences, PLENARY_TYPE_INTEGRATION_GROUP, NULL);
  while (still_checking (group))
    g_main_context_iteration (NULL, TRUE);

  /* Offered where the endpoint answers. */
  row = row_for (group, good);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Sync stars with my Indico account");
  widget = adw_action_row_get_activatable_widget (row);
  g_assert_true (gtk_widget_get_sensitive (widget));
  adw_action_row_activate (row);
  enabled = g_settings_get_strv (plenary_application_get_settings (app),
                                 "favorites-sync-servers");
  g_assert_true (g_strv_contains ((const char * const *) enabled, good));

  /* Hidden on an Indico without favourites (404). */
  row = row_for (group, old);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));

  /* Unavailable, and why. */
  row = row_for (group, expired);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_false (gtk_widget_get_sensitive (adw_action_row_get_activatable_widget (row)));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "Not available: "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "may have expired"));

  /* A new token saved in Private events (here: the server now takes it) asks again: the row
   * no longer says "Not available" until Preferences is reopened. */
  soup_server_remove_handler (servers[2], NULL);
  soup_server_add_handler (servers[2], NULL, indico_cb, GUINT_TO_POINTER (200), NULL);
  plenary_integration_group_recheck (PLENARY_INTEGRATION_GROUP (group));
  g_assert_true (still_checking (group));
  while (still_checking (group))
    g_main_context_iteration (NULL, TRUE);
  row = row_for (group, expired);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_sensitive (adw_action_row_get_activatable_widget (row)));
  g_assert_false (g_str_has_prefix (adw_action_row_get_subtitle (row), "Not available: "));
  /* The 404 server stays hidden. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_for (group, old))));

  gtk_window_destroy (GTK_WINDOW (preferences));
  plenary_test_iterate (50);
  g_application_set_default (NULL);
  g_object_unref (app);
  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      soup_server_disconnect (servers[i]);
      g_object_unref (servers[i]);
    }
}

typedef struct
{
  guint    turns;
  gboolean saw_window;
} BackgroundRun;

static gboolean
background_turn_cb (gpointer user_data)
{
  GApplication *app = g_application_get_default ();
  BackgroundRun *run = g_object_get_data (G_OBJECT (app), "run");

  run->saw_window |= gtk_application_get_windows (GTK_APPLICATION (app)) != NULL;
  /* Long enough for the followed events to be read: still no window. */
  if (++run->turns < 20)
    return G_SOURCE_CONTINUE;
  /* What Quit in the menu, and GNOME's background app list, do: it ends, hold or not. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

/* Started at login (`plenary --background`) with the setting on: no window, it keeps
 * running, and app.quit really quits. */
static void
test_background_start (void)
{
  PlenaryApplication *app = plenary_application_new (APP_ID ".TestBackground",
                                                     G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "plenary", (char *) "--background", NULL };
  BackgroundRun run = { 0, FALSE };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "run-in-background", TRUE);
  g_object_set_data (G_OBJECT (app), "run", &run);
  g_application_set_default (G_APPLICATION (app));
  g_timeout_add (50, background_turn_cb, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_cmpuint (run.turns, ==, 20);
  g_assert_false (run.saw_window);
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  g_application_set_default (NULL);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/integration-group/background-switch", test_background_switch);
  g_test_add_func ("/integration-group/star-rows", test_star_rows);
  g_test_add_func ("/integration-group/background-start", test_background_start);

  return g_test_run ();
}
