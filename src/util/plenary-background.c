/* plenary-background.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminders only fire while Plenary runs. With "Run in the background for reminders" on,
 * the application is held (it survives its last window) and is started at login: by the
 * Background portal inside Flatpak (the only way a sandboxed app may autostart, and what
 * lists it in GNOME's background apps), by an XDG autostart entry elsewhere.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plenary-background.h"

#define PORTAL_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define BACKGROUND_IFACE "org.freedesktop.portal.Background"
#define REQUEST_IFACE    "org.freedesktop.portal.Request"

gboolean
plenary_background_is_sandboxed (const char *root)
{
  g_autofree char *path = g_build_filename (root != NULL ? root : "/", ".flatpak-info", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

char *
plenary_background_get_autostart_path (void)
{
  g_autofree char *name = g_strconcat (APP_ID, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

/* The portal */

typedef struct
{
  GDBusConnection *bus;
  guint            subscription;   /* holds a reference on the task until the Response */
  char            *request_path;
} Request;

static void
request_free (Request *request)
{
  if (request->subscription != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->subscription);
  g_clear_object (&request->bus);
  g_free (request->request_path);
  g_free (request);
}

static GError *
refused_error (void)
{
  return g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                      _("Plenary is not allowed to run in the background, so reminders only "
                        "come while it is open. You can allow it in Settings, Apps, "
                        "Plenary."));
}

static void
response_cb (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr (GVariant) results = NULL;
  gboolean background = FALSE;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;
  g_dbus_connection_signal_unsubscribe (bus, request->subscription);
  request->subscription = 0;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  /* 0: answered; 1: the user closed the dialog; 2: refused some other way. */
  if (response == 0)
    g_variant_lookup (results, "background", "b", &background);
  if (background)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, refused_error ());
  g_object_unref (task);
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (request->subscription == 0)
    return;   /* already answered */
  if (reply == NULL)
    {
      g_dbus_connection_signal_unsubscribe (request->bus, request->subscription);
      request->subscription = 0;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          g_message ("Background portal: %s", error->message);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("Plenary could not ask to run in the background: the "
                                     "desktop portal is not available."));
        }
      g_object_unref (task);   /* the subscription's reference */
      return;
    }
  /* Portals before 0.9 use another request path than the one predicted: follow it. */
  {
    const char *handle = NULL;

    g_variant_get (reply, "(&o)", &handle);
    if (g_strcmp0 (handle, request->request_path) != 0)
      {
        g_dbus_connection_signal_unsubscribe (request->bus, request->subscription);
        g_free (request->request_path);
        request->request_path = g_strdup (handle);
        request->subscription =
          g_dbus_connection_signal_subscribe (request->bus, PORTAL_NAME, REQUEST_IFACE,
                                              "Response", handle, NULL,
                                              G_DBUS_SIGNAL_FLAGS_NONE, response_cb,
                                              task, NULL);
      }
  }
}

void
plenary_background_request_async (GDBusConnection     *bus,
                                  const char          *parent_window,
                                  gboolean             autostart,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GError) error = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  const char *commandline[] = { "plenary", "--" PLENARY_BACKGROUND_OPTION, NULL };
  GVariantBuilder options;
  Request *request;

  g_task_set_source_tag (task, plenary_background_request_async);
  if (bus == NULL)
    bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, &error);
  else
    g_object_ref (bus);
  if (bus == NULL)
    {
      g_message ("Background portal: %s", error->message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Plenary could not ask to run in the background: the "
                                 "desktop portal is not available."));
      return;
    }

  request = g_new0 (Request, 1);
  request->bus = bus;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  /* The Request object's path is known in advance: subscribe before calling, so that a
   * quick answer is not missed. */
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (bus) + 1), ".", '_');
  token = g_strdup_printf ("plenary%u", g_random_int ());
  request->request_path = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  request->subscription =
    g_dbus_connection_signal_subscribe (bus, PORTAL_NAME, REQUEST_IFACE, "Response",
                                        request->request_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        response_cb, g_object_ref (task), NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Remind you of starred talks and keep the "
                                                 "programme up to date while the window is "
                                                 "closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, BACKGROUND_IFACE, "RequestBackground",
                          g_variant_new ("(sa{sv})", parent_window != NULL ? parent_window : "",
                                         &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                          called_cb, g_object_ref (task));
}

gboolean
plenary_background_request_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Outside a sandbox: an XDG autostart entry */

static gboolean
write_autostart (GError **error)
{
  g_autofree char *path = plenary_background_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exec = NULL;
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *contents = NULL;

  /* The binary that runs now: a build tree or /usr/bin alike. */
  exec = g_strdup_printf ("%s --%s",
                          self != NULL && g_path_is_absolute (self) ? self : "plenary",
                          PLENARY_BACKGROUND_OPTION);
  g_key_file_set_string (file, "Desktop Entry", "Type", "Application");
  g_key_file_set_string (file, "Desktop Entry", "Name", _("Plenary"));
  g_key_file_set_string (file, "Desktop Entry", "Comment",
                         _("Reminders before starred talks"));
  g_key_file_set_string (file, "Desktop Entry", "Exec", exec);
  g_key_file_set_string (file, "Desktop Entry", "Icon", BASE_ID);
  g_key_file_set_boolean (file, "Desktop Entry", "NoDisplay", TRUE);
  g_key_file_set_boolean (file, "Desktop Entry", "X-GNOME-Autostart-enabled", TRUE);
  contents = g_key_file_to_data (file, NULL, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: the first %s is a folder, the second why it failed */
                   _("Plenary could not set itself to start at login: %s cannot be "
                     "created (%s)."), dir, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents (path, contents, -1, error))
    {
      g_prefix_error (error, _("Plenary could not set itself to start at login: "));
      return FALSE;
    }
  return TRUE;
}

static void
autostart_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  g_autofree char *path = NULL;

  if (GPOINTER_TO_INT (task_data))
    {
      if (!write_autostart (&error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      path = plenary_background_get_autostart_path ();
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                                   /* Translators: %s is a file, then why it failed */
                                   _("Plenary could not stop starting at login: %s cannot "
                                     "be removed (%s)."), path, g_strerror (saved));
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
requested_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (plenary_background_request_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (!GPOINTER_TO_INT (g_task_get_task_data (task))
           && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      /* Turning it off: a "no" to running in the background is what was asked for. */
      g_error_free (error);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

void
plenary_background_set_enabled_async (GDBusConnection     *bus,
                                      gboolean             sandboxed,
                                      gboolean             enabled,
                                      const char          *parent_window,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, plenary_background_set_enabled_async);
  g_task_set_task_data (task, GINT_TO_POINTER (enabled), NULL);
  if (sandboxed)
    plenary_background_request_async (bus, parent_window, enabled, cancellable, requested_cb,
                                      g_steal_pointer (&task));
  else
    g_task_run_in_thread (task, autostart_thread);
}

gboolean
plenary_background_set_enabled_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Holding the application */

typedef struct
{
  GApplication *application;   /* unowned: this lives as its data */
  GSettings    *settings;
  gulong        handler;
  gboolean      held;
} Watch;

static void
watch_free (Watch *watch)
{
  g_clear_signal_handler (&watch->handler, watch->settings);
  g_clear_object (&watch->settings);
  g_free (watch);
}

static void
on_setting_changed (GSettings  *settings,
                    const char *key,
                    Watch      *watch)
{
  gboolean on = g_settings_get_boolean (settings, "run-in-background");

  if (on == watch->held)
    return;
  watch->held = on;
  if (on)
    g_application_hold (watch->application);
  else
    g_application_release (watch->application);
}

static void
renewed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GSettings) settings = user_data;
  g_autoptr (GError) error = NULL;

  /* Permission taken back (GNOME Settings, Apps): stop holding, and say so in the log;
   * Preferences shows the switch off. Other errors leave things as they are. */
  if (!plenary_background_request_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      g_message ("%s", error->message);
      g_settings_set_boolean (settings, "run-in-background", FALSE);
    }
}

void
plenary_background_watch_setting (GApplication *application,
                                  GSettings    *settings)
{
  Watch *watch;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (G_IS_SETTINGS (settings));

  watch = g_new0 (Watch, 1);
  watch->application = application;
  watch->settings = g_object_ref (settings);
  watch->handler = g_signal_connect (settings, "changed::run-in-background",
                                     G_CALLBACK (on_setting_changed), watch);
  /* Freed with the application; its hold is gone by then. */
  g_object_set_data_full (G_OBJECT (application), "plenary-background", watch,
                          (GDestroyNotify) watch_free);
  on_setting_changed (settings, "run-in-background", watch);
  /* In a sandbox the portal is asked at every start, as it expects: it keeps the autostart
   * entry it wrote up to date, and tells whether the permission still stands. */
  if (watch->held && plenary_background_is_sandboxed (NULL))
    plenary_background_request_async (NULL, "", TRUE, NULL, renewed_cb, g_object_ref (settings));
}
