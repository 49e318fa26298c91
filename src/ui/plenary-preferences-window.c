/* plenary-preferences-window.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "indico/plenary-event-url.h"
#include "plenary-integration-group.h"
#include "plenary-a11y.h"
#include "plenary-preferences-window.h"
#include "store/plenary-credentials.h"

struct _PlenaryPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *time_zone_row;
  AdwComboRow          *refresh_row;
  AdwComboRow          *reminder_row;
  AdwEntryRow          *server_row;
  AdwPasswordEntryRow  *token_row;
  GtkLabel             *token_status;
  GtkWidget            *remove_button;
  PlenaryIntegrationGroup *integration_group;
  GCancellable         *cancellable;
  GCancellable         *lookup_cancellable; /* of the look-up for the server typed */
};

G_DEFINE_FINAL_TYPE (PlenaryPreferencesWindow, plenary_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the choices in this order. */
static const char *time_zone_modes[] = { "event", "local" };

static gboolean
time_zone_mode_to_index (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *mode = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_strcmp0 (mode, "local") == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
index_to_time_zone_mode (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (time_zone_modes[MIN (index, G_N_ELEMENTS (time_zone_modes) - 1)]);
}

/* Minutes as choices in words, rather than a number where 0 means "never" or "off". A value
 * set elsewhere (gsettings) that is none of the presets is listed too, in its place. */
typedef char *(*MinutesLabelFunc) (guint minutes);

static const guint refresh_presets[] = { 5, 15, 30, 60, 180, 0 };
static const guint reminder_presets[] = { 0, 5, 10, 15, 30 };

static char *
refresh_choice_label (guint minutes)
{
  if (minutes == 0)
    return g_strdup (_("Only when I refresh"));
  if (minutes % 60 == 0 && minutes > 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u hour", "Every %u hours",
                                         minutes / 60), minutes / 60);
  if (minutes == 60)
    return g_strdup (_("Every hour"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u minute", "Every %u minutes",
                                       minutes), minutes);
}

static char *
reminder_choice_label (guint minutes)
{
  if (minutes == 0)
    return g_strdup (C_("reminders", "Off"));
  /* Translators: when a reminder comes, "10 minutes before" the talk. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute before",
                                       "%u minutes before", minutes), minutes);
}

static void
fill_minutes_choices (AdwComboRow      *row,
                      const guint      *presets,
                      guint             n_presets,
                      guint             current,
                      MinutesLabelFunc  label_func)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *choices = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean placed = FALSE;

  for (guint i = 0; i < n_presets; i++)
    {
      guint minutes = presets[i];

      /* 0 is first or last; the others go up. */
      if (!placed && (minutes == current
                      || (current != 0 && minutes != 0 && current < minutes)
                      || (current != 0 && minutes == 0 && i > 0)))
        {
          if (current != minutes)
            g_array_append_val (choices, current);
          placed = TRUE;
        }
      g_array_append_val (choices, minutes);
    }
  if (!placed)
    g_array_append_val (choices, current);
  for (guint i = 0; i < choices->len; i++)
    {
      g_autofree char *label = label_func (g_array_index (choices, guint, i));

      gtk_string_list_append (labels, label);
    }
  g_object_set_data_full (G_OBJECT (row), "plenary-minutes", choices,
                          (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static gboolean
minutes_to_index (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  GArray *choices = g_object_get_data (user_data, "plenary-minutes");
  guint minutes = g_variant_get_uint32 (variant);

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    if (g_array_index (choices, guint, i) == minutes)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_minutes (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  GArray *choices = g_object_get_data (user_data, "plenary-minutes");
  guint index = g_value_get_uint (value);

  if (choices == NULL || index >= choices->len)
    return NULL;
  return g_variant_new_uint32 (g_array_index (choices, guint, index));
}

static void
bind_minutes (GSettings        *settings,
              const char       *key,
              AdwComboRow      *row,
              const guint      *presets,
              guint             n_presets,
              MinutesLabelFunc  label_func)
{
  fill_minutes_choices (row, presets, n_presets, g_settings_get_uint (settings, key), label_func);
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                minutes_to_index, index_to_minutes, row, NULL);
}

/* A server base from what people paste: an event link, or a server address. */
static char *
server_base_from_text (const char  *text,
                       GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr (GError) local_error = NULL;

  if (plenary_event_url_parse (stripped, &base, &event_id, &local_error))
    return g_steal_pointer (&base);
  if (!g_error_matches (local_error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_NOT_EVENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!plenary_event_url_is_secure (stripped))
    {
      g_set_error (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_SCHEME,
                   _("Tokens are only sent over https."));
      return NULL;
    }
  return g_str_has_suffix (stripped, "/") ? g_steal_pointer (&stripped)
                                          : g_strconcat (stripped, "/", NULL);
}

static void
set_token_status (PlenaryPreferencesWindow *self,
                  const char               *text,
                  gboolean                  error)
{
  gtk_label_set_text (self->token_status, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->token_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->token_status), "error");
}

static void
set_can_remove (PlenaryPreferencesWindow *self,
                gboolean                  can_remove)
{
  gtk_widget_set_sensitive (self->remove_button, can_remove);
  gtk_widget_set_tooltip_text (self->remove_button,
                               can_remove ? _("Remove the token of this server from your keyring")
                                          : _("No token is stored for this server"));
}

static void
token_looked_up_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  char *token = plenary_credentials_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* No keyring is no token: nothing to remove either way. */
  set_can_remove (user_data, token != NULL);
  plenary_credentials_free_token (token);
}

/* "Remove Token" only does something when a token is stored for the server typed. */
static void
on_server_row_changed (PlenaryPreferencesWindow *self)
{
  g_autofree char *base = server_base_from_text (
    gtk_editable_get_text (GTK_EDITABLE (self->server_row)), NULL);

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  set_can_remove (self, FALSE);
  if (base == NULL)
    return;
  self->lookup_cancellable = g_cancellable_new ();
  plenary_credentials_lookup_async (base, self->lookup_cancellable, token_looked_up_cb, self);
}

static void
token_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  PlenaryPreferencesWindow *self;

  if (!plenary_credentials_store_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  set_token_status (self, error ? error->message : _("Saved in your keyring."), error != NULL);
  if (error == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
      set_can_remove (self, TRUE);
      plenary_integration_group_recheck (self->integration_group);
    }
}

static void
token_cleared_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!plenary_credentials_clear_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_token_status (user_data, error ? error->message : _("Removed from your keyring."),
                    error != NULL);
  if (error == NULL)
    {
      PlenaryPreferencesWindow *self = user_data;

      set_can_remove (self, FALSE);
      plenary_integration_group_recheck (self->integration_group);
    }
}

static void
on_save_token_clicked (PlenaryPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = server_base_from_text (
    gtk_editable_get_text (GTK_EDITABLE (self->server_row)), &error);
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->token_row))));

  if (base == NULL)
    {
      set_token_status (self, error->message, TRUE);
      return;
    }
  if (token[0] == '\0')
    {
      set_token_status (self, _("Paste the token first."), TRUE);
      return;
    }
  plenary_credentials_store_async (base, token, self->cancellable, token_stored_cb, self);
}

static void
on_remove_token_clicked (PlenaryPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base = server_base_from_text (
    gtk_editable_get_text (GTK_EDITABLE (self->server_row)), &error);

  if (base == NULL)
    {
      set_token_status (self, error->message, TRUE);
      return;
    }
  plenary_credentials_clear_async (base, self->cancellable, token_cleared_cb, self);
}

static void
plenary_preferences_window_dispose (GObject *object)
{
  PlenaryPreferencesWindow *self = PLENARY_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  /* No settings change may reach the rows' mappings once we are gone. */
  if (self->refresh_row != NULL)
    g_settings_unbind (self->refresh_row, "selected");
  if (self->reminder_row != NULL)
    g_settings_unbind (self->reminder_row, "selected");

  G_OBJECT_CLASS (plenary_preferences_window_parent_class)->dispose (object);
}

PlenaryPreferencesWindow *
plenary_preferences_window_new (PlenaryApplication *application)
{
  PlenaryPreferencesWindow *self = g_object_new (PLENARY_TYPE_PREFERENCES_WINDOW, NULL);
  GSettings *settings = plenary_application_get_settings (application);

  g_settings_bind_with_mapping (settings, "time-zone-mode", self->time_zone_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, time_zone_mode_to_index,
                                index_to_time_zone_mode, NULL, NULL);
  bind_minutes (settings, "refresh-interval", self->refresh_row, refresh_presets,
                G_N_ELEMENTS (refresh_presets), refresh_choice_label);
  bind_minutes (settings, "reminder-minutes", self->reminder_row, reminder_presets,
                G_N_ELEMENTS (reminder_presets), reminder_choice_label);

  return self;
}

static void
plenary_preferences_window_class_init (PlenaryPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_preferences_window_dispose;
  g_type_ensure (PLENARY_TYPE_INTEGRATION_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/plenary-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, token_status);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow,
                                        integration_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_token_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_token_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_server_row_changed);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, refresh_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryPreferencesWindow, reminder_row);
}

static void
plenary_preferences_window_init (PlenaryPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
