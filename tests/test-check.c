/* test-check.c: `plenary --check`, run as users run it
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "plenary-check.h"
#include "plenary-test-util.h"

static int
run_plenary (const char  *first,
             const char  *second,
             const char  *third,
             char       **out,
             char       **err)
{
  g_autofree char *binary = g_build_filename (BUILD_ROOT, "src", "plenary", NULL);
  const char *argv[] = { binary, first, second, third, NULL };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = NULL;
  int status = -1;

  /* No display: --check must not need one. */
  envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, NULL);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_summary (void)
{
  g_autofree char *dir = plenary_test_data_path ("lpc2021");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_plenary ("--check", dir, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Title: Linux Plumbers Conference 2021\n"));
  g_assert_nonnull (strstr (out, "Timezone: America/New_York\n"));
  g_assert_nonnull (strstr (out, "Days: 5\n"));
  g_assert_nonnull (strstr (out, "Blocks: 38\n"));
  g_assert_nonnull (strstr (out, "Sessions: 24\n"));
  g_assert_nonnull (strstr (out, "Contributions: 226\n"));
  g_assert_nonnull (strstr (out, "Breaks: 45\n"));
  g_assert_nonnull (strstr (out, "Speakers: 272\n"));
  g_assert_nonnull (strstr (out, "Rooms: 9\n"));
  g_assert_nonnull (strstr (out, "Tracks: 6\n"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_json (void)
{
  static const struct
  {
    const char *key;
    gint64      value;
  } counts[] = {
    { "days", 5 }, { "blocks", 38 }, { "sessions", 24 }, { "contributions", 226 },
    { "breaks", 45 }, { "speakers", 272 }, { "rooms", 9 }, { "tracks", 6 },
  };
  g_autofree char *dir = plenary_test_data_path ("lpc2021");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *warnings;

  g_assert_cmpint (run_plenary ("--check", dir, "--json", &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==,
                   "Linux Plumbers Conference 2021");
  g_assert_cmpstr (json_object_get_string_member (root, "timezone"), ==, "America/New_York");
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpint (json_object_get_int_member (root, counts[i].key), ==, counts[i].value);
  warnings = json_object_get_array_member (root, "warnings");
  g_assert_nonnull (warnings);
  /* LPC 2021 has talks without a named speaker, and nothing else to report. */
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    g_assert_true (g_str_has_suffix (json_array_get_string_element (warnings, i),
                                     "has no speaker."));
  g_assert_cmpuint (json_object_get_size (root), ==, 11);
}

static void
test_bad_sources (void)
{
  g_autofree char *empty = g_build_filename (plenary_test_get_tmpdir (), "empty", NULL);
  g_autofree char *broken = g_build_filename (plenary_test_get_tmpdir (), "broken", NULL);
  g_autofree char *timetable = g_build_filename (broken, "timetable.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;

  g_mkdir_with_parents (empty, 0700);
  g_assert_cmpint (run_plenary ("--check", empty, NULL, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "plenary: "));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_mkdir_with_parents (broken, 0700);
  g_file_set_contents (timetable, "<html><body>Log in</body></html>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_plenary ("--check", broken, "--json", &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "plenary: The server returned a web page"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_plenary ("--check", "/nonexistent/folder", NULL, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "plenary: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_plenary ("--check", "https://indico.example.org/event/1/", NULL, &out,
                                &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "plenary: "));
}

static void
test_warnings (void)
{
  g_autofree char *dir = plenary_test_data_path ("check-warnings");
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = plenary_check_load (dir, &error);
  g_autoptr (GPtrArray) warnings = NULL;
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  warnings = plenary_check_collect_warnings (schedule);
  g_ptr_array_add (warnings, NULL);
  joined = g_strjoinv ("\n", (char **) warnings->pdata);

  /* Exactly: one talk over its block's end, one without speaker, one overlap in Room A,
   * one entry without room; the poster block's identical slots are not overlaps. */
  g_assert_cmpuint (warnings->len - 1, ==, 4);
  g_assert_nonnull (strstr (joined, "“Too long”"));
  g_assert_nonnull (strstr (joined, "“Nobody speaks”"));
  g_assert_nonnull (strstr (joined, "“First” and “Overlapping” overlap in Room A"));
  g_assert_nonnull (strstr (joined, "1 entry has no room."));
  g_assert_null (strstr (joined, "Poster"));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/check/summary", test_summary);
  g_test_add_func ("/check/json", test_json);
  g_test_add_func ("/check/bad-sources", test_bad_sources);
  g_test_add_func ("/check/warnings", test_warnings);

  return g_test_run ();
}
