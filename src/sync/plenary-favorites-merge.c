/* plenary-favorites-merge.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "indico/plenary-indico-favorites.h"
#include "plenary-favorites-merge.h"

G_DEFINE_QUARK (plenary-favorites-error-quark, plenary_favorites_error)

gboolean
plenary_favorites_is_contribution_key (const char *key)
{
  return plenary_indico_is_contribution_id (key);
}

GHashTable *
plenary_favorites_parse (GBytes      *body,
                         const char  *host,
                         GError     **error)
{
  GHashTable *set = plenary_indico_favorites_read (body);

  if (set == NULL)
    g_set_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_BAD_ANSWER,
                 /* Translators: %s is a server name such as lpc.events */
                 _("%s sent starred talks in a form Plenary does not understand. Your stars "
                   "were left as they are."), host);
  return set;
}

static void
add_keys (GHashTable *all,
          GHashTable *set)
{
  GHashTableIter iter;
  gpointer key;

  if (set == NULL)
    return;
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (plenary_favorites_is_contribution_key (key))
      g_hash_table_add (all, key);
}

static gboolean
has (GHashTable *set,
     const char *key)
{
  return set != NULL && g_hash_table_contains (set, key);
}

PlenaryFavoritesPlan *
plenary_favorites_merge (GHashTable *local,
                         GHashTable *base,
                         GHashTable *server)
{
  PlenaryFavoritesPlan *plan = g_new0 (PlenaryFavoritesPlan, 1);
  g_autoptr (GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GList) keys = NULL;

  plan->star_locally = g_ptr_array_new_with_free_func (g_free);
  plan->unstar_locally = g_ptr_array_new_with_free_func (g_free);
  plan->put = g_ptr_array_new_with_free_func (g_free);
  plan->delete = g_ptr_array_new_with_free_func (g_free);
  plan->base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add_keys (all, local);
  add_keys (all, base);
  add_keys (all, server);
  /* Sorted, so requests go out in a stable order. */
  keys = g_list_sort (g_hash_table_get_keys (all), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      gboolean here = has (local, key);
      gboolean before = has (base, key);
      gboolean there = has (server, key);

      if (there)
        g_hash_table_add (plan->base, g_strdup (key));
      if (here == there)
        continue;
      if (here != before)
        /* Changed here since the last sync (and not there, or they would agree). With no
         * base this is a local star the server never had: it is sent, never dropped. */
        g_ptr_array_add (here ? plan->put : plan->delete, g_strdup (key));
      else
        /* Changed on the website since the last sync. */
        g_ptr_array_add (there ? plan->star_locally : plan->unstar_locally, g_strdup (key));
    }
  return plan;
}

void
plenary_favorites_plan_free (PlenaryFavoritesPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->star_locally);
  g_ptr_array_unref (plan->unstar_locally);
  g_ptr_array_unref (plan->put);
  g_ptr_array_unref (plan->delete);
  g_hash_table_unref (plan->base);
  g_free (plan);
}
