/* test-export-cli.c: `plenary --export-ics`, run as users run it
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-test-util.h"

static int
run_plenary (const char * const  *args,
             char               **out,
             char               **err)
{
  g_autofree char *binary = g_build_filename (BUILD_ROOT, "src", "plenary", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = NULL;
  int status = -1;

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* No display: exporting must not need one. */
  envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
count (const char *haystack,
       const char *needle)
{
  g_auto (GStrv) pieces = g_strsplit (haystack, needle, -1);

  return g_strv_length (pieces) - 1;
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A followed event's folder: the exports and a user.json beside them. */
static char *
make_event_dir (const char *name,
                const char *user_json)
{
  static const char *names[] = {
    "export-timetable-11.json",
    "export-event-11-contributions.json",
  };
  char *dir = g_build_filename (plenary_test_get_tmpdir (), name, NULL);
  g_autoptr (GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *relative = g_build_filename ("fixtures", "lpc2021", names[i], NULL);
      g_autofree char *from = plenary_test_shared_path (relative);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = read_file (from);

      g_file_set_contents (to, contents, -1, &error);
      g_assert_no_error (error);
    }
  if (user_json != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "user.json", NULL);

      g_file_set_contents (path, user_json, -1, &error);
      g_assert_no_error (error);
    }
  return dir;
}

static void
test_whole_event (void)
{
  g_autofree char *dir = plenary_test_shared_path ("fixtures/lpc2021");
  g_autofree char *output = g_build_filename (plenary_test_get_tmpdir (), "lpc.ics", NULL);
  g_autofree char *expected = g_strdup_printf ("Wrote 226 events to %s\n", output);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ics = NULL;

  g_assert_cmpint (run_plenary ((const char *[]) { "--export-ics", output, dir, NULL },
                                &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");

  ics = read_file (output);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count (ics, "BEGIN:VEVENT"), ==, 226);
  g_assert_cmpuint (count (ics, "UID:indico-contribution-965@lpc.events\r\n"), ==, 1);
}

static void
test_starred (void)
{
  /* As src/store/plenary-user-data.c saves it. */
  static const char *user_json =
    "{\n"
    "  \"version\" : 1,\n"
    "  \"entries\" : {\n"
    "    \"965\" : { \"starred\" : true },\n"
    "    \"966\" : { \"starred\" : true, \"note\" : \"bring questions\" },\n"
    "    \"967\" : { \"note\" : \"not starred\" }\n"
    "  }\n"
    "}\n";
  g_autofree char *dir = make_event_dir ("with-stars", user_json);
  g_autofree char *output = g_build_filename (plenary_test_get_tmpdir (), "starred.ics", NULL);
  g_autofree char *expected = g_strdup_printf ("Wrote 2 events to %s\n", output);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ics = NULL;

  /* Options after the folder work too. */
  g_assert_cmpint (run_plenary ((const char *[]) { "--export-ics", output, dir, "--starred",
                                                   NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");

  ics = read_file (output);
  g_assert_cmpuint (count (ics, "BEGIN:VEVENT"), ==, 2);
  g_assert_cmpuint (count (ics, "UID:indico-contribution-965@lpc.events\r\n"), ==, 1);
  g_assert_cmpuint (count (ics, "UID:indico-contribution-966@lpc.events\r\n"), ==, 1);
  g_assert_cmpuint (count (ics, "UID:indico-contribution-967@"), ==, 0);
}

static void
test_starred_without_user_data (void)
{
  g_autofree char *dir = make_event_dir ("without-stars", NULL);
  g_autofree char *output = g_build_filename (plenary_test_get_tmpdir (), "kept.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;

  /* Nothing to export must not replace an earlier export with an empty calendar. */
  g_file_set_contents (output, "earlier", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_plenary ((const char *[]) { "--starred", "--export-ics", output, dir,
                                                   NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "plenary: No starred talks"));
  kept = read_file (output);
  g_assert_cmpstr (kept, ==, "earlier");
}

static void
test_bad_arguments (void)
{
  g_autofree char *empty = g_build_filename (plenary_test_get_tmpdir (), "empty", NULL);
  g_autofree char *output = g_build_filename (plenary_test_get_tmpdir (), "bad.ics", NULL);
  g_autofree char *lpc = plenary_test_shared_path ("fixtures/lpc2021");
  g_autofree char *missing = g_build_filename (plenary_test_get_tmpdir (), "missing", "out.ics",
                                               NULL);
  const char *const *cases[] = {
    (const char *[]) { "--export-ics", output, empty, NULL },
    (const char *[]) { "--export-ics", output, "/nonexistent/folder", NULL },
    (const char *[]) { "--export-ics", output, NULL },
    (const char *[]) { "--export-ics", output, lpc, lpc, NULL },
    (const char *[]) { "--export-ics", NULL },
    (const char *[]) { "--starred", NULL },
    (const char *[]) { "--export-ics", missing, lpc, NULL },
    (const char *[]) { "--export-ics", output, "--check", lpc, NULL },
  };

  g_mkdir_with_parents (empty, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpint (run_plenary (cases[i], &out, &err), ==, 1);
      g_assert_true (g_str_has_prefix (err, "plenary: "));
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/export-cli/whole-event", test_whole_event);
  g_test_add_func ("/export-cli/starred", test_starred);
  g_test_add_func ("/export-cli/starred-without-user-data", test_starred_without_user_data);
  g_test_add_func ("/export-cli/bad-arguments", test_bad_arguments);

  return g_test_run ();
}
