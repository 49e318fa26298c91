/* test-background.c: running in the background, through a mock Background portal served on
 * the test's own D-Bus, and through the XDG autostart entry
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "util/plenary-background.h"
#include "plenary-test-util.h"

/* The portal's interface, as xdg-desktop-portal serves it (the part Plenary uses). */
static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

typedef enum
{
  ANSWER_ALLOW,
  ANSWER_DENY,       /* response 0, background false: refused by the user in the dialog */
  ANSWER_CANCEL,     /* response 1: the dialog was closed */
} Answer;

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *portal;      /* the mock portal's own connection */
  GDBusConnection *client;      /* Plenary's */
  guint            owner;
  guint            object;
  Answer           answer;
  guint            calls;
  GVariant        *options;     /* of the last call */
  char            *parent_window;
} Fixture;

typedef struct
{
  GDBusConnection *connection;
  char            *destination;
  char            *path;
  guint32          response;
  gboolean         background;
  gboolean         autostart;
} Reply;

static gboolean
send_response_cb (gpointer user_data)
{
  Reply *reply = user_data;
  GVariantBuilder results;

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  if (reply->response == 0)
    {
      g_variant_builder_add (&results, "{sv}", "background",
                             g_variant_new_boolean (reply->background));
      g_variant_builder_add (&results, "{sv}", "autostart",
                             g_variant_new_boolean (reply->autostart));
    }
  g_dbus_connection_emit_signal (reply->connection, reply->destination, reply->path,
                                 "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", reply->response, &results), NULL);
  g_object_unref (reply->connection);
  g_free (reply->destination);
  g_free (reply->path);
  g_free (reply);
  return G_SOURCE_REMOVE;
}

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Fixture *f = user_data;
  g_autofree char *escaped = g_strdelimit (g_strdup (sender + 1), ".", '_');
  const char *token = NULL;
  gboolean autostart = FALSE;
  Reply *reply;

  g_assert_cmpstr (method_name, ==, "RequestBackground");
  f->calls++;
  g_clear_pointer (&f->options, g_variant_unref);
  g_clear_pointer (&f->parent_window, g_free);
  g_variant_get (parameters, "(s@a{sv})", &f->parent_window, &f->options);
  g_assert_true (g_variant_lookup (f->options, "handle_token", "&s", &token));
  g_variant_lookup (f->options, "autostart", "b", &autostart);

  reply = g_new0 (Reply, 1);
  reply->connection = g_object_ref (connection);
  reply->destination = g_strdup (sender);
  reply->path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", escaped, token);
  reply->response = f->answer == ANSWER_CANCEL ? 1 : 0;
  reply->background = f->answer == ANSWER_ALLOW;
  reply->autostart = f->answer == ANSWER_ALLOW && autostart;
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", reply->path));
  /* As the real portal: the answer comes later, as a signal on the Request object. */
  g_idle_add (send_response_cb, reply);
}

static GVariant *
portal_property_cb (GDBusConnection  *connection,
                    const char       *sender,
                    const char       *object_path,
                    const char       *interface_name,
                    const char       *property_name,
                    GError          **error,
                    gpointer          user_data)
{
  return g_variant_new_uint32 (2);
}

static GDBusConnection *
connect_to (GTestDBus *bus)
{
  g_autoptr (GError) error = NULL;
  GDBusConnection *connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
    | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION, NULL, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GDBusInterfaceVTable vtable = { portal_method_cb, portal_property_cb, NULL };
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr (GError) error = NULL;
  gboolean acquired = FALSE;

  plenary_test_reset_dirs ();
  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->portal = connect_to (f->bus);
  f->client = connect_to (f->bus);
  if (data != NULL)   /* "no portal": nothing owns the name */
    return;
  f->object = g_dbus_connection_register_object (f->portal, "/org/freedesktop/portal/desktop",
                                                 info->interfaces[0], &vtable, f, NULL, &error);
  g_assert_no_error (error);
  f->owner = g_bus_own_name_on_connection (f->portal, "org.freedesktop.portal.Desktop",
                                           G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL,
                                           &acquired, NULL);
  while (!acquired)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->owner != 0)
    g_bus_unown_name (f->owner);
  if (f->object != 0)
    g_dbus_connection_unregister_object (f->portal, f->object);
  g_dbus_connection_close_sync (f->client, NULL, NULL);
  g_dbus_connection_close_sync (f->portal, NULL, NULL);
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
  g_clear_pointer (&f->options, g_variant_unref);
  g_clear_pointer (&f->parent_window, g_free);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
enabled_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->ok = plenary_background_set_enabled_finish (result, &r->error);
  r->done = TRUE;
}

static Result
set_enabled (Fixture  *f,
             gboolean  sandboxed,
             gboolean  enabled)
{
  Result r = { 0, };

  plenary_background_set_enabled_async (f->client, sandboxed, enabled, "x11:1a", NULL,
                                        enabled_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r.ok == (r.error == NULL));
  return r;
}

/* Granted: the request asked for autostart with `plenary --background` and a reason. */
static void
test_portal_allows (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (GStrv) commandline = NULL;
  const char *reason = NULL;
  gboolean autostart = FALSE;
  gboolean activatable = TRUE;
  Result r;
  g_autofree char *autostart_path = plenary_background_get_autostart_path ();

  f->answer = ANSWER_ALLOW;
  r = set_enabled (f, TRUE, TRUE);
  g_assert_no_error (r.error);
  g_assert_cmpuint (f->calls, ==, 1);
  g_assert_cmpstr (f->parent_window, ==, "x11:1a");
  g_assert_true (g_variant_lookup (f->options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (f->options, "commandline", "^as", &commandline));
  g_assert_cmpuint (g_strv_length (commandline), ==, 2);
  g_assert_cmpstr (commandline[0], ==, "plenary");
  g_assert_cmpstr (commandline[1], ==, "--background");
  g_assert_true (g_variant_lookup (f->options, "reason", "&s", &reason));
  g_assert_cmpuint (strlen (reason), >, 10);
  g_assert_true (g_variant_lookup (f->options, "dbus-activatable", "b", &activatable));
  g_assert_false (activatable);
  /* In a sandbox the portal does the autostart: no file of ours. */
  g_assert_false (g_file_test (autostart_path, G_FILE_TEST_EXISTS));

  /* Off: asked again, without autostart. */
  r = set_enabled (f, TRUE, FALSE);
  g_assert_no_error (r.error);
  g_assert_cmpuint (f->calls, ==, 2);
  g_assert_true (g_variant_lookup (f->options, "autostart", "b", &autostart));
  g_assert_false (autostart);
}

/* Refused in the dialog, or the dialog closed: a clear message, nothing enabled. */
static void
test_portal_refuses (Fixture       *f,
                     gconstpointer  data)
{
  Answer answers[] = { ANSWER_DENY, ANSWER_CANCEL };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      Result r;

      f->answer = answers[i];
      r = set_enabled (f, TRUE, TRUE);
      g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (r.error->message, "Settings, Apps, Plenary"));
      g_clear_error (&r.error);
    }
  /* Turning it off is never refused. */
  {
    Result r = set_enabled (f, TRUE, FALSE);

    g_assert_no_error (r.error);
  }
}

/* No portal on the bus (a session without xdg-desktop-portal). */
static void
test_no_portal (Fixture       *f,
                gconstpointer  data)
{
  Result r = set_enabled (f, TRUE, TRUE);

  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (r.error->message, "portal"));
  g_clear_error (&r.error);
}

/* Outside a sandbox: $XDG_CONFIG_HOME/autostart/<app id>.desktop, written and removed. */
static void
test_autostart_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = plenary_background_get_autostart_path ();
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "autostart",
                                                APP_ID ".desktop", NULL);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *type = NULL;
  Result r;

  g_assert_cmpstr (path, ==, expected);
  r = set_enabled (f, FALSE, TRUE);
  g_assert_no_error (r.error);
  g_assert_cmpuint (f->calls, ==, 0);
  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  type = g_key_file_get_string (file, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");
  exec = g_key_file_get_string (file, "Desktop Entry", "Exec", NULL);
  g_assert_true (g_str_has_suffix (exec, " --background"));
  g_assert_true (g_path_is_absolute (exec));
  g_assert_true (g_key_file_get_boolean (file, "Desktop Entry", "X-GNOME-Autostart-enabled",
                                         NULL));

  /* Twice is fine; off removes it; off again is fine too. */
  r = set_enabled (f, FALSE, TRUE);
  g_assert_no_error (r.error);
  r = set_enabled (f, FALSE, FALSE);
  g_assert_no_error (r.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  r = set_enabled (f, FALSE, FALSE);
  g_assert_no_error (r.error);
}

/* A config directory that cannot be written: a message, not a crash. */
static void
test_autostart_unwritable (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = plenary_background_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  Result r;

  /* A file where the autostart directory should be. */
  g_assert_true (g_file_set_contents (dir, "not a directory", -1, NULL));
  r = set_enabled (f, FALSE, TRUE);
  g_assert_nonnull (r.error);
  g_assert_nonnull (strstr (r.error->message, "start at login"));
  g_clear_error (&r.error);
  g_unlink (dir);
}

static void
test_sandbox_detection (void)
{
  g_autofree char *root = g_dir_make_tmp ("plenary-root-XXXXXX", NULL);
  g_autofree char *info = g_build_filename (root, ".flatpak-info", NULL);

  g_assert_false (plenary_background_is_sandboxed (root));
  g_assert_true (g_file_set_contents (info, "[Application]\nname=" BASE_ID "\n", -1, NULL));
  g_assert_true (plenary_background_is_sandboxed (root));
  g_unlink (info);
  g_rmdir (root);
}

/* The setting holds the application (so it outlives its last window) and turning it off
 * releases it. GApplication keeps its use count private; g_application_release() on a
 * count of zero is a critical, which tells the two apart. */
static void
test_hold (void)
{
  g_autoptr (GApplication) app = g_application_new ("io.github.plenary.Test",
                                                    G_APPLICATION_NON_UNIQUE);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "run-in-background", TRUE);
  plenary_background_watch_setting (app, settings);
  /* Held: one release is fine (and taken back). */
  g_application_release (app);
  g_application_hold (app);

  g_settings_set_boolean (settings, "run-in-background", FALSE);
  g_test_expect_message ("GLib-GIO", G_LOG_LEVEL_CRITICAL, "*use_count*");
  g_application_release (app);
  g_test_assert_expected_messages ();

  /* On again, then the application goes away held: nothing is left behind. */
  g_settings_set_boolean (settings, "run-in-background", TRUE);
  g_application_release (app);
  g_application_hold (app);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add ("/background/portal-allows", Fixture, NULL, fixture_set_up, test_portal_allows,
              fixture_tear_down);
  g_test_add ("/background/portal-refuses", Fixture, NULL, fixture_set_up, test_portal_refuses,
              fixture_tear_down);
  g_test_add ("/background/no-portal", Fixture, "none", fixture_set_up, test_no_portal,
              fixture_tear_down);
  g_test_add ("/background/autostart-file", Fixture, NULL, fixture_set_up, test_autostart_file,
              fixture_tear_down);
  g_test_add ("/background/autostart-unwritable", Fixture, NULL, fixture_set_up,
              test_autostart_unwritable, fixture_tear_down);
  g_test_add_func ("/background/sandbox-detection", test_sandbox_detection);
  g_test_add_func ("/background/hold", test_hold);

  return g_test_run ();
}
