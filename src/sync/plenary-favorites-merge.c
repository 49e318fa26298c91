/* plenary-favorites-merge.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plenary-favorites-merge.h"

#define MAX_DEPTH   32
#define MAX_MEMBERS 100000
#define MAX_TITLE   300

G_DEFINE_QUARK (plenary-favorites-error-quark, plenary_favorites_error)

gboolean
plenary_favorites_is_contribution_key (const char *key)
{
  gsize length = key != NULL ? strlen (key) : 0;

  if (length == 0 || length > 18 || key[0] == '0')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (key[i]))
      return FALSE;
  return TRUE;
}

/* json-glib parses recursively: refuse deep nesting before it sees the text, so that a
 * hostile answer cannot exhaust the stack. */
static gboolean
nesting_within (const char *data,
                gsize       length,
                guint       limit)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > limit)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static GHashTable *
bad_answer (const char  *host,
            GError     **error)
{
  g_set_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_BAD_ANSWER,
               /* Translators: %s is a server name such as lpc.events */
               _("%s sent starred talks in a form Plenary does not understand. Your stars "
                 "were left as they are."), host);
  return NULL;
}

GHashTable *
plenary_favorites_parse (GBytes      *body,
                         const char  *host,
                         GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GHashTable) set = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonNode *root;
  const char *data;
  gsize length = 0;

  data = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  if (data == NULL || length == 0 || !g_utf8_validate (data, length, NULL)
      || !nesting_within (data, length, MAX_DEPTH)
      || !json_parser_load_from_data (parser, data, length, NULL))
    return bad_answer (host, error);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || json_object_get_size (json_node_get_object (root)) > MAX_MEMBERS)
    return bad_answer (host, error);

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &value))
    {
      const char *title = NULL;

      /* One odd member and the whole answer is suspect: merging the rest could unstar
       * talks the server did not mean to drop. */
      if (!plenary_favorites_is_contribution_key (key) || !JSON_NODE_HOLDS_OBJECT (value))
        return bad_answer (host, error);
      title = json_object_get_string_member_with_default (json_node_get_object (value),
                                                          "title", NULL);
      if (title != NULL && g_utf8_strlen (title, -1) > MAX_TITLE)
        title = NULL;
      g_hash_table_replace (set, g_strdup (key), g_strdup (title != NULL ? title : ""));
    }
  return g_steal_pointer (&set);
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
