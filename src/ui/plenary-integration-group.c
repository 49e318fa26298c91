/* plenary-integration-group.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Run in the background for reminders", and per server with a token whose Indico keeps
 * favourites, "Sync stars with my Indico account". A server whose Indico answers 404 gets
 * no row; one that cannot sync for another reason gets a row that says why.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-application.h"
#include "plenary-integration-group.h"
#include "store/plenary-event-list.h"
#include "sync/plenary-favorites-sync.h"
#include "util/plenary-background.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#ifdef GDK_WINDOWING_WAYLAND
#include <gdk/wayland/gdkwayland.h>
#endif

struct _PlenaryIntegrationGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *background_row;
  GtkSwitch           *background_switch;
  GtkLabel            *background_status;

  PlenaryApplication  *application;   /* unowned: it outlives its windows */
  GHashTable          *star_rows;     /* server base → AdwActionRow */
  GCancellable        *cancellable;
  gboolean             updating;      /* the switch is set from code, not by the user */
};

G_DEFINE_FINAL_TYPE (PlenaryIntegrationGroup, plenary_integration_group,
                     ADW_TYPE_PREFERENCES_GROUP)

static void
set_background_status (PlenaryIntegrationGroup *self,
                       const char              *text,
                       gboolean                 error)
{
  gtk_label_set_text (self->background_status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->background_status), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->background_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->background_status), "error");
}

static void
set_switch (PlenaryIntegrationGroup *self,
            GtkSwitch               *widget,
            gboolean                 active)
{
  self->updating = TRUE;
  gtk_switch_set_active (widget, active);
  self->updating = FALSE;
}

static void
background_set_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  PlenaryIntegrationGroup *self;
  GSettings *settings;
  gboolean wanted;

  if (!plenary_background_set_enabled_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  settings = plenary_application_get_settings (self->application);
  wanted = gtk_switch_get_active (self->background_switch);
  gtk_widget_set_sensitive (GTK_WIDGET (self->background_switch), TRUE);

  if (error != NULL && wanted)
    {
      /* Refused: the switch goes back off and says why. */
      set_switch (self, self->background_switch, FALSE);
      set_background_status (self, error->message, TRUE);
      return;
    }
  /* Off always stops holding the application, even if the entry could not be removed. */
  g_settings_set_boolean (settings, "run-in-background", wanted);
  set_background_status (self, error != NULL ? error->message : NULL, error != NULL);
}

static void
request_background (PlenaryIntegrationGroup *self,
                    const char              *parent_window)
{
  plenary_background_set_enabled_async (NULL, plenary_background_is_sandboxed (NULL),
                                        gtk_switch_get_active (self->background_switch),
                                        parent_window, self->cancellable, background_set_cb,
                                        self);
}

#ifdef GDK_WINDOWING_WAYLAND
static void
wayland_handle_exported_cb (GdkToplevel *toplevel,
                            const char  *handle,
                            gpointer     user_data)
{
  g_autoptr (PlenaryIntegrationGroup) self = user_data;
  g_autofree char *parent = g_strdup_printf ("wayland:%s", handle);

  if (!g_cancellable_is_cancelled (self->cancellable))
    request_background (self, parent);
}
#endif

static void
on_background_switch_active (PlenaryIntegrationGroup *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;

  if (self->updating || self->application == NULL)
    return;
  /* The portal may show a dialog: no second request until it answers. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->background_switch), FALSE);
  set_background_status (self, NULL, FALSE);
  /* The portal's dialog belongs to the Preferences window ("x11:XID" or "wayland:HANDLE"). */
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_SURFACE (surface))
    {
      unsigned long xid = gdk_x11_surface_get_xid (surface);
      g_autofree char *parent = g_strdup_printf ("x11:%lx", xid);

      request_background (self, parent);
      return;
    }
#endif
#ifdef GDK_WINDOWING_WAYLAND
  if (GDK_IS_WAYLAND_TOPLEVEL (surface)
      && gdk_wayland_toplevel_export_handle (GDK_TOPLEVEL (surface),
                                             wayland_handle_exported_cb,
                                             g_object_ref (self), g_object_unref))
    return;
#endif
  request_background (self, "");
}

/* Star sync rows */

static char *
host_of (const char *server_base)
{
  g_autoptr (GUri) uri = g_uri_parse (server_base, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (server_base);
  /* Two servers on one host differ by their port. */
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static void
update_star_row (PlenaryIntegrationGroup *self,
                 const char              *server_base)
{
  AdwActionRow *row = g_hash_table_lookup (self->star_rows, server_base);
  PlenaryFavoritesSync *favorites = plenary_application_get_favorites (self->application);
  g_autofree char *host = host_of (server_base);
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;

  if (row == NULL || g_object_get_data (G_OBJECT (row), "unavailable") != NULL)
    return;
  status = plenary_favorites_sync_dup_status (favorites, server_base, NULL);
  if (status != NULL)
    /* Translators: "lpc.events: Stars synced at 14:02." */
    subtitle = g_strdup_printf (_("%s: %s"), host, status);
  else if (plenary_favorites_sync_get_enabled (favorites, server_base))
    subtitle = g_strdup_printf (_("%s: stars here and in your account there are kept the "
                                  "same."), host);
  else
    subtitle = g_strdup_printf (_("%s: keep stars here and in your account there the same, "
                                  "also when you star talks on the website."), host);
  adw_action_row_set_subtitle (row, subtitle);
}

static void
on_status_changed (PlenaryIntegrationGroup *self,
                   const char              *server_base)
{
  update_star_row (self, server_base);
}

static void
on_star_switch_active (GtkSwitch               *widget,
                       GParamSpec              *pspec,
                       PlenaryIntegrationGroup *self)
{
  const char *server_base = g_object_get_data (G_OBJECT (widget), "server-base");

  if (self->updating)
    return;
  plenary_favorites_sync_set_enabled (plenary_application_get_favorites (self->application),
                                      server_base, gtk_switch_get_active (widget));
  update_star_row (self, server_base);
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlenaryFavoritesSync *favorites = PLENARY_FAVORITES_SYNC (object);
  g_autofree char *server_base = user_data;
  g_autoptr (GError) error = NULL;
  PlenaryIntegrationGroup *self;
  AdwActionRow *row;
  GtkWidget *widget;
  gboolean enabled;

  if (!plenary_favorites_sync_probe_finish (favorites, result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = g_object_get_data (G_OBJECT (g_task_get_cancellable (G_TASK (result))), "group");
  if (self == NULL)
    return;
  row = g_hash_table_lookup (self->star_rows, server_base);
  if (row == NULL)
    return;
  widget = adw_action_row_get_activatable_widget (row);
  enabled = plenary_favorites_sync_get_enabled (favorites, server_base);

  if (g_error_matches (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NOT_AVAILABLE)
      && !enabled)
    {
      /* This Indico keeps no favourites: nothing to offer. */
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *subtitle = NULL;

      /* Unavailable, and why; a switch already on can still be turned off. */
      g_object_set_data (G_OBJECT (row), "unavailable", GINT_TO_POINTER (TRUE));
      gtk_widget_set_sensitive (widget, enabled);
      subtitle = g_strdup_printf (_("Not available: %s"), error->message);
      adw_action_row_set_subtitle (row, subtitle);
      return;
    }
  gtk_widget_set_sensitive (widget, TRUE);
  update_star_row (self, server_base);
}

static void
add_star_row (PlenaryIntegrationGroup *self,
              PlenaryEvent            *event)
{
  const char *server_base = plenary_event_get_server_base (event);
  PlenaryFavoritesSync *favorites = plenary_application_get_favorites (self->application);
  g_autofree char *host = host_of (server_base);
  g_autofree char *checking = NULL;
  AdwActionRow *row;
  GtkWidget *widget;

  if (g_hash_table_contains (self->star_rows, server_base))
    return;
  row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Server names are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Sync stars with my Indico account"));
  /* Translators: %s is a server name such as lpc.events */
  checking = g_strdup_printf (_("%s: checking whether this server keeps starred talks…"), host);
  adw_action_row_set_subtitle (row, checking);
  widget = gtk_switch_new ();
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (widget, FALSE);
  g_object_set_data_full (G_OBJECT (widget), "server-base", g_strdup (server_base), g_free);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  set_switch (self, GTK_SWITCH (widget), plenary_favorites_sync_get_enabled (favorites,
                                                                            server_base));
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_star_switch_active), self);
  adw_action_row_add_suffix (row, widget);
  adw_action_row_set_activatable_widget (row, widget);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
  g_object_set_data_full (G_OBJECT (row), "event-id",
                          g_strdup (plenary_event_get_event_id (event)), g_free);
  g_hash_table_insert (self->star_rows, g_strdup (server_base), row);

  plenary_favorites_sync_probe_async (favorites, server_base,
                                      plenary_event_get_event_id (event), self->cancellable,
                                      probed_cb, g_strdup (server_base));
}

void
plenary_integration_group_recheck (PlenaryIntegrationGroup *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (PLENARY_IS_INTEGRATION_GROUP (self));

  if (self->application == NULL)
    return;
  g_hash_table_iter_init (&iter, self->star_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AdwActionRow *row = value;
      PlenaryFavoritesSync *favorites = plenary_application_get_favorites (self->application);
      GtkWidget *widget = adw_action_row_get_activatable_widget (row);
      g_autofree char *host = host_of (key);
      g_autofree char *checking = NULL;

      g_object_set_data (G_OBJECT (row), "unavailable", NULL);
      checking = g_strdup_printf (_("%s: checking whether this server keeps starred talks…"),
                                  host);
      adw_action_row_set_subtitle (row, checking);
      gtk_widget_set_sensitive (widget, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
      plenary_favorites_sync_probe_async (favorites, key,
                                          g_object_get_data (G_OBJECT (row), "event-id"),
                                          self->cancellable, probed_cb, g_strdup (key));
    }
}

static void
plenary_integration_group_realize (GtkWidget *widget)
{
  PlenaryIntegrationGroup *self = PLENARY_INTEGRATION_GROUP (widget);
  GApplication *application = g_application_get_default ();
  GListModel *events;

  GTK_WIDGET_CLASS (plenary_integration_group_parent_class)->realize (widget);

  if (self->application != NULL || !PLENARY_IS_APPLICATION (application))
    return;
  self->application = PLENARY_APPLICATION (application);
  set_switch (self, self->background_switch,
              g_settings_get_boolean (plenary_application_get_settings (self->application),
                                      "run-in-background"));
  g_signal_connect_object (plenary_application_get_favorites (self->application),
                           "status-changed", G_CALLBACK (on_status_changed), self,
                           G_CONNECT_SWAPPED);
  events = G_LIST_MODEL (plenary_application_get_events (self->application));
  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (events, i);

      add_star_row (self, event);
    }
}

static void
plenary_integration_group_dispose (GObject *object)
{
  PlenaryIntegrationGroup *self = PLENARY_INTEGRATION_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_object_set_data (G_OBJECT (self->cancellable), "group", NULL);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->star_rows, g_hash_table_unref);

  G_OBJECT_CLASS (plenary_integration_group_parent_class)->dispose (object);
}

static void
plenary_integration_group_class_init (PlenaryIntegrationGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_integration_group_dispose;
  widget_class->realize = plenary_integration_group_realize;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/plenary-integration-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryIntegrationGroup, background_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryIntegrationGroup,
                                        background_switch);
  gtk_widget_class_bind_template_child (widget_class, PlenaryIntegrationGroup,
                                        background_status);
  gtk_widget_class_bind_template_callback (widget_class, on_background_switch_active);
}

static void
plenary_integration_group_init (PlenaryIntegrationGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Late probe answers find the group through its cancellable, or nothing once it is gone. */
  g_object_set_data (G_OBJECT (self->cancellable), "group", self);
  self->star_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
