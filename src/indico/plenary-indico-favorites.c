/* plenary-indico-favorites.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The favourites answer read with the reader of every Indico answer (plenary-json.h): its
 * nesting limit is checked as it reads, so a hostile answer cannot exhaust the stack.
 */

#include "config.h"

#include <string.h>

#include "util/plenary-json.h"
#include "plenary-indico-favorites.h"

#define MAX_DEPTH   32
#define MAX_MEMBERS 100000
#define MAX_TITLE   300

gboolean
plenary_indico_is_contribution_id (const char *key)
{
  gsize length = key != NULL ? strlen (key) : 0;

  if (length == 0 || length > 18 || key[0] == '0')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (key[i]))
      return FALSE;
  return TRUE;
}

GHashTable *
plenary_indico_favorites_read (GBytes *body)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  g_autoptr (GHashTable) set = NULL;
  g_auto (PlenaryJsonIter) iter = { 0 };
  const PlenaryJsonNode *root;
  const PlenaryJsonNode *value;
  const char *key;
  const char *data;
  gsize length = 0;

  data = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  if (data == NULL || length == 0)
    return NULL;
  document = plenary_json_document_parse (data, length, MAX_DEPTH, NULL, NULL);
  if (document == NULL)
    return NULL;
  root = plenary_json_node_get_object (plenary_json_document_get_root (document));
  if (root == NULL || plenary_json_object_get_size (root) > MAX_MEMBERS)
    return NULL;

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plenary_json_iter_init (&iter, root);
  while (plenary_json_iter_next (&iter, &key, &value))
    {
      const char *title;

      /* One odd member and the whole answer is suspect: merging the rest could unstar
       * talks the server did not mean to drop. */
      if (!plenary_indico_is_contribution_id (key) || plenary_json_node_get_object (value) == NULL)
        return NULL;
      title = plenary_json_node_get_string (plenary_json_object_get_member (value, "title"));
      if (title != NULL && g_utf8_strlen (title, -1) > MAX_TITLE)
        title = NULL;
      g_hash_table_replace (set, g_strdup (key), g_strdup (title != NULL ? title : ""));
    }
  return g_steal_pointer (&set);
}
