/* test-favorites-merge.c: the star merge with Indico's favourites, and reading their answer
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sync/plenary-favorites-merge.h"
#include "plenary-test-util.h"

static GHashTable *
set_of (const char *first,
        ...)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    g_hash_table_add (set, g_strdup (key));
  va_end (args);
  return set;
}

static char *
joined (GPtrArray *keys)
{
  g_ptr_array_add (keys, NULL);
  g_ptr_array_set_size (keys, keys->len - 1);
  return g_strjoinv (",", (char **) keys->pdata);
}

static char *
joined_set (GHashTable *set)
{
  g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (set), (GCompareFunc) g_strcmp0);
  g_autoptr (GString) text = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", (char *) l->data);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_plan (PlenaryFavoritesPlan *plan,
             const char           *star,
             const char           *unstar,
             const char           *put,
             const char           *delete,
             const char           *base)
{
  g_autofree char *a = joined (plan->star_locally);
  g_autofree char *b = joined (plan->unstar_locally);
  g_autofree char *c = joined (plan->put);
  g_autofree char *d = joined (plan->delete);
  g_autofree char *e = joined_set (plan->base);

  g_assert_cmpstr (a, ==, star);
  g_assert_cmpstr (b, ==, unstar);
  g_assert_cmpstr (c, ==, put);
  g_assert_cmpstr (d, ==, delete);
  g_assert_cmpstr (e, ==, base);
}

/* The first sync has no base: the union, so no local star is lost and website ones arrive. */
static void
test_first_sync_is_union (void)
{
  g_autoptr (GHashTable) local = set_of ("941", "942", "b12", NULL);
  g_autoptr (GHashTable) base = set_of (NULL, NULL);
  g_autoptr (GHashTable) server = set_of ("942", "950", NULL);
  g_autoptr (PlenaryFavoritesPlan) plan = plenary_favorites_merge (local, base, server);

  /* "b12" is a break's entry id: Indico cannot star it, it stays local only. */
  assert_plan (plan, "950", "", "941", "", "942,950");
}

/* Whichever side changed since the last sync wins, per star. */
static void
test_changed_side_wins (void)
{
  /* Base {1,2,3,4}. Here: 2 removed, 5 added. Website: 3 removed, 6 added. */
  g_autoptr (GHashTable) local = set_of ("1", "3", "4", "5", NULL);
  g_autoptr (GHashTable) base = set_of ("1", "2", "3", "4", NULL);
  g_autoptr (GHashTable) server = set_of ("1", "2", "4", "6", NULL);
  g_autoptr (PlenaryFavoritesPlan) plan = plenary_favorites_merge (local, base, server);

  assert_plan (plan, "6", "3", "5", "2", "1,2,4,6");
}

/* Both sides made the same change (a star has only two states): nothing to do. */
static void
test_both_agree (void)
{
  g_autoptr (GHashTable) local = set_of ("7", NULL);
  g_autoptr (GHashTable) base = set_of ("8", NULL);
  g_autoptr (GHashTable) server = set_of ("7", NULL);
  g_autoptr (PlenaryFavoritesPlan) plan = plenary_favorites_merge (local, base, server);

  assert_plan (plan, "", "", "", "", "7");
}

/* NULL base or server (nothing known) are empty sets; odd keys never reach a request. */
static void
test_keys (void)
{
  g_autoptr (GHashTable) local = set_of ("10", "c10", "010", "", "12345678901234567890", NULL);
  g_autoptr (PlenaryFavoritesPlan) plan = plenary_favorites_merge (local, NULL, NULL);

  assert_plan (plan, "", "", "10", "", "");
  g_assert_true (plenary_favorites_is_contribution_key ("941"));
  g_assert_false (plenary_favorites_is_contribution_key ("0"));
  g_assert_false (plenary_favorites_is_contribution_key ("-1"));
  g_assert_false (plenary_favorites_is_contribution_key ("1/../2"));
  g_assert_false (plenary_favorites_is_contribution_key (NULL));
}

static GHashTable *
parse (const char  *text,
       gssize       length,
       GError     **error)
{
  g_autoptr (GBytes) body = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return plenary_favorites_parse (body, "lpc.events", error);
}

/* Indico's shape: {"<id>": UserContributionSchema, …}, or {} when nothing is starred. */
static void
test_parse_good (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) set = parse ("{\"941\":{\"id\":941,\"title\":\"BPF\\/XDP\","
                                      "\"start_dt\":\"2021-09-20T14:00:00+00:00\"},"
                                      "\"950\":{\"id\":950,\"title\":null}}", -1, &error);
  g_autoptr (GHashTable) empty = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (set), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (set, "941"), ==, "BPF/XDP");
  g_assert_cmpstr (g_hash_table_lookup (set, "950"), ==, "");
  empty = parse (" {} ", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (empty), ==, 0);
}

/* Anything else is refused whole, with a message naming the server. */
static void
test_parse_bad (void)
{
  const char *bad[] = {
    "", "null", "[]", "[941, 950]", "true", "\"941\"", "{\"941\": true}",
    "{\"abc\": {}}", "{\"941\": {}, \"0\": {}}", "{\"941\": {}", "{\"941\": {}}garbage",
    "<!DOCTYPE html><html><body>Log in</body></html>", "{\"success\": true}",
  };
  g_autoptr (GString) deep = g_string_new ("{\"1\":");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GHashTable) set = parse (bad[i], -1, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (set);
      g_assert_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_BAD_ANSWER);
      g_assert_nonnull (strstr (error->message, "lpc.events"));
    }

  /* Nested 100 000 deep: refused by the reader's nesting limit, not read on the stack. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "[");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "]");
  g_string_append (deep, "}");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GHashTable) set = parse (deep->str, deep->len, &error);

    g_assert_null (set);
    g_assert_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_BAD_ANSWER);
  }
  /* Not UTF-8. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GHashTable) set = parse ("{\"941\":{\"title\":\"\xff\xfe\"}}", -1, &error);

    g_assert_null (set);
    g_assert_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_BAD_ANSWER);
  }
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/favorites-merge/first-sync-is-union", test_first_sync_is_union);
  g_test_add_func ("/favorites-merge/changed-side-wins", test_changed_side_wins);
  g_test_add_func ("/favorites-merge/both-agree", test_both_agree);
  g_test_add_func ("/favorites-merge/keys", test_keys);
  g_test_add_func ("/favorites-merge/parse-good", test_parse_good);
  g_test_add_func ("/favorites-merge/parse-bad", test_parse_bad);

  return g_test_run ();
}
