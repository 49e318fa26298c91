/* plenary-credentials.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-credentials.h"

const SecretSchema *
plenary_credentials_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.plenary.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* libsecret's messages name D-Bus objects and services, never the secret; still, say
 * what failed in our own words so nothing of the request can leak into the UI. */
static void
return_error (GTask  *task,
              GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }
  g_message ("Secret Service: %s", error->message);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The keyring is not available, so the access token could not "
                             "be used. Unlock or set up the keyring (e.g. GNOME Keyring) and "
                             "try again"));
  g_error_free (error);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    return_error (task, error);
}

void
plenary_credentials_store_async (const char          *server_base,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = NULL;

  g_return_if_fail (server_base != NULL);
  g_return_if_fail (token != NULL && *token != '\0');

  g_task_set_source_tag (task, plenary_credentials_store_async);
  /* Translators: %s is a web address such as https://indico.cern.ch/ */
  label = g_strdup_printf (_("Indico access token for %s"), server_base);
  secret_password_store (plenary_credentials_get_schema (), SECRET_COLLECTION_DEFAULT, label,
                         token, cancellable, stored_cb, g_steal_pointer (&task),
                         "server", server_base,
                         NULL);
}

gboolean
plenary_credentials_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  char *none = secret_password_lookup_finish (result, &error);

  /* The lookup that counts will meet the same trouble and say so. */
  if (error != NULL)
    g_debug ("The secret store is not ready: %s", error->message);
  secret_password_free (none);
}

void
plenary_credentials_prepare (void)
{
  /* libsecret keeps the backend its lookups use, session open (on the Secret Service: its
   * activation and the key exchange); it has no public call for only that, so a lookup that
   * matches nothing (no server is named "") gets it ready, with no unlock prompt. */
  secret_password_lookup (plenary_credentials_get_schema (), NULL, prepared_cb, NULL,
                          "server", "",
                          NULL);
}

void
plenary_credentials_lookup_async (const char          *server_base,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (server_base != NULL);

  g_task_set_source_tag (task, plenary_credentials_lookup_async);
  secret_password_lookup (plenary_credentials_get_schema (), cancellable, looked_up_cb,
                          g_steal_pointer (&task),
                          "server", server_base,
                          NULL);
}

char *
plenary_credentials_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to clear, which is fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
plenary_credentials_clear_async (const char          *server_base,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (server_base != NULL);

  g_task_set_source_tag (task, plenary_credentials_clear_async);
  secret_password_clear (plenary_credentials_get_schema (), cancellable, cleared_cb,
                         g_steal_pointer (&task),
                         "server", server_base,
                         NULL);
}

gboolean
plenary_credentials_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
plenary_credentials_free_token (char *token)
{
  secret_password_free (token);
}
