/* test-indico-favorites.c: Indico's favourites answer, read as a set of contribution ids
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the sync makes of a refused answer is test-favorites-merge's; these are the reader's
 * own limits.
 */

#include "config.h"

#include <string.h>

#include "indico/plenary-indico-favorites.h"
#include "plenary-test-util.h"

static GHashTable *
read_text (const char *text,
           gsize       length)
{
  g_autoptr (GBytes) body = g_bytes_new (text, length);

  return plenary_indico_favorites_read (body);
}

static void
test_ids (void)
{
  g_assert_true (plenary_indico_is_contribution_id ("941"));
  g_assert_true (plenary_indico_is_contribution_id ("123456789012345678"));
  g_assert_false (plenary_indico_is_contribution_id ("1234567890123456789"));
  g_assert_false (plenary_indico_is_contribution_id ("0"));
  g_assert_false (plenary_indico_is_contribution_id ("07"));
  g_assert_false (plenary_indico_is_contribution_id ("c7"));
  g_assert_false (plenary_indico_is_contribution_id (""));
  g_assert_false (plenary_indico_is_contribution_id (NULL));
}

/* A repeated id counts with its last value, as json-glib read it; a title longer than 300
 * characters is not kept. */
static void
test_members (void)
{
  g_autofree char *long_title = g_strnfill (301, 'x');
  g_autofree char *text = g_strdup_printf ("{\"7\": 5, \"7\": {\"title\": \"Kept\"},"
                                           " \"8\": {\"title\": \"%s\"}, \"9\": {\"title\": 9}}",
                                           long_title);
  g_autoptr (GHashTable) set = read_text (text, strlen (text));

  g_assert_nonnull (set);
  g_assert_cmpuint (g_hash_table_size (set), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (set, "7"), ==, "Kept");
  g_assert_cmpstr (g_hash_table_lookup (set, "8"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (set, "9"), ==, "");
  g_assert_null (plenary_indico_favorites_read (NULL));
}

/* 32 levels are an answer; 33 are not, nor are more than 100 000 stars. */
static void
test_limits (void)
{
  g_autoptr (GString) deep = g_string_new ("{\"1\":{\"x\":");
  g_autoptr (GString) many = g_string_new ("{");
  g_autoptr (GHashTable) within = NULL;
  g_autoptr (GHashTable) beyond = NULL;
  g_autoptr (GHashTable) too_many = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 30; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}}");
  within = read_text (deep->str, deep->len);
  g_assert_nonnull (within);
  g_string_insert_c (deep, strlen ("{\"1\":{\"x\":"), '[');
  g_string_insert_c (deep, deep->len - 2, ']');
  beyond = read_text (deep->str, deep->len);
  g_assert_null (beyond);

  for (guint i = 1; i <= 100001; i++)
    g_string_append_printf (many, "%s\"%u\":{}", i > 1 ? "," : "", i);
  g_string_append_c (many, '}');
  too_many = read_text (many->str, many->len);
  g_assert_null (too_many);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/indico-favorites/ids", test_ids);
  g_test_add_func ("/indico-favorites/members", test_members);
  g_test_add_func ("/indico-favorites/limits", test_limits);

  return g_test_run ();
}
