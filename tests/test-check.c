/* test-check.c: `plenary --check`, run as users run it
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "indico/plenary-indico-client.h"
#include "plenary-check.h"
#include "store/plenary-commit.h"
#include "store/plenary-schedule-cache.h"
#include "plenary-test-server.h"
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

  /* Nothing listens on port 1: a clear error, at once, with no network needed. */
  g_assert_cmpint (run_plenary ("--check", "http://127.0.0.1:1/event/1/", NULL, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "plenary: "));
}

static guint16
free_port (void)
{
  g_autoptr (GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
copy_fixture (const char *name,
              const char *root,
              const char *path)
{
  g_autofree char *from = plenary_test_shared_path (name);
  g_autofree char *to = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (to);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* A plain static file server with the exports at Indico's paths, as an organiser might test. */
static void
test_url (void)
{
  g_autofree char *root = g_build_filename (plenary_test_get_tmpdir (), "static", NULL);
  g_autofree char *port = g_strdup_printf ("%u", free_port ());
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%s/event/11/timetable/#20210920",
                                          port);
  const char *python = g_find_program_in_path ("python3") ? "python3" : "/usr/bin/python3";
  const char *argv[] = { python, "-m", "http.server", "--bind", "127.0.0.1", "--directory",
                         root, port, NULL };
  g_autoptr (GSubprocess) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 1;

  copy_fixture ("fixtures/lpc2021/export-timetable-11.json", root, "export/timetable/11.json");
  copy_fixture ("fixtures/lpc2021/export-event-11-contributions.json", root,
                "export/event/11.json");
  server = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                    | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);

  /* The server needs a moment to listen; retry until it answers or a deadline passes. */
  for (int attempt = 0; attempt < 100 && status != 0; attempt++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      status = run_plenary ("--check", url, NULL, &out, &err);
      if (status != 0)
        g_usleep (100 * 1000);
    }
  g_subprocess_force_exit (server);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Title: Linux Plumbers Conference 2021\n"));
  g_assert_nonnull (strstr (out, "Contributions: 226\n"));
  g_assert_nonnull (strstr (out, "Speakers: 272\n"));
}

static void
test_warnings (void)
{
  g_autofree char *dir = plenary_test_data_path ("check-warnings");
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = plenary_check_load (dir, NULL, &error);
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

typedef struct
{
  gboolean  done;
  char     *out;
  char     *err;
} Run;

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err,
                                        &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

/* `plenary --check URL` against a server in this process: the main loop runs meanwhile. */
static int
run_check_async (const char  *url,
                 char       **out,
                 char       **err)
{
  g_autofree char *binary = g_build_filename (BUILD_ROOT, "src", "plenary", NULL);
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  Run run = { 0, };

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--check", url, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  *out = run.out;
  *err = run.err;
  g_test_message ("stdout: %s\nstderr: %s", run.out, run.err);
  /* Exited, not killed by a signal (a crash). */
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_null (strstr (run.err, "CRITICAL"));
  return g_subprocess_get_exit_status (process);
}

static GBytes *
gzip_bomb (gsize size)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) out = g_converter_output_stream_new (memory,
                                                                 G_CONVERTER (compressor));
  g_autofree char *zeros = g_malloc0 (1024 * 1024);

  for (gsize done = 0; done < size; done += 1024 * 1024)
    g_assert_true (g_output_stream_write_all (out, zeros, 1024 * 1024, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Issue 14: --check has the sync's limits and gate. */
static void
test_hostile_url (void)
{
  g_autoptr (TestServer) server = test_server_new ("127.0.0.1");
  g_autofree char *url = g_strdup_printf ("%sevent/11/", server->base);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GBytes) deep = NULL;
  g_autoptr (GBytes) bomb = NULL;
  g_autoptr (GBytes) empty = NULL;
  char *text;

  test_server_serve_lpc (server, "11");

  /* Nested 100,000 deep: refused, not a crash. */
  text = g_malloc (100000);
  memset (text, '[', 100000);
  deep = g_bytes_new_take (text, 100000);
  test_server_reply (server, "/export/timetable/11.json", 200, "application/json", deep, NULL,
                     NULL, TEST_REPLY_NORMAL);
  g_assert_cmpint (run_check_async (url, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "damaged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A gzip bomb (200 MiB of zeros in a few hundred KiB): stopped at the size cap. */
  bomb = gzip_bomb (200 * 1024 * 1024);
  test_server_reply (server, "/export/timetable/11.json", 200, "application/json", bomb,
                     "Content-Encoding", "gzip", TEST_REPLY_NORMAL);
  g_assert_cmpint (run_check_async (url, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "larger than"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Followed, and now less than half of what Plenary keeps: the gate's warning too. */
  {
    g_autoptr (PlenarySyncService) service = plenary_sync_service_new ();
    g_autoptr (PlenaryEvent) event = plenary_event_new (server->base, "11");
    g_autoptr (GError) error = NULL;
    g_autofree char *tt = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
    g_autoptr (GBytes) full = plenary_test_load_bytes (tt);
    g_autoptr (GString) day = g_string_new_len (g_bytes_get_data (full, NULL),
                                                g_bytes_get_size (full));
    g_autoptr (GBytes) first_day = NULL;
    char *cut;

    g_object_set (service, "use-keyring", FALSE, "refresh-interval", 0, NULL);
    test_server_serve_lpc (server, "11");
    g_assert_true (test_sync_event (service, event, NULL, &error));
    g_assert_no_error (error);
    while (plenary_store_get_n_pending_cache_writes () > 0)
      g_main_context_iteration (NULL, TRUE);
    /* Only Monday: everything from Tuesday's key on, closed again. */
    cut = strstr (day->str, ",\"20210921\":");
    g_assert_nonnull (cut);
    g_string_truncate (day, cut - day->str);
    g_string_append (day, "}}}");
    first_day = g_string_free_to_bytes (g_steal_pointer (&day));
    test_server_reply (server, "/export/timetable/11.json", 200, "application/json", first_day,
                       NULL, NULL, TEST_REPLY_NORMAL);
    g_assert_cmpint (run_check_async (url, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "where the copy Plenary keeps has 226"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Valid but empty: a summary, and the gate's warning. */
  empty = g_bytes_new_static ("{\"results\":{\"11\":{\"20210920\":{},\"20210921\":{}}}}", 48);
  test_server_reply (server, "/export/timetable/11.json", 200, "application/json", empty, NULL,
                     NULL, TEST_REPLY_NORMAL);
  g_assert_cmpint (run_check_async (url, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Contributions: 0\n"));
  g_assert_nonnull (strstr (out, "Suspicious: the programme has no talks"));
}

/* --check asks as the sync asks: the Indico client's URLs, headers and redirect policy. */
static void
test_client (void)
{
  g_autoptr (TestServer) server = test_server_new ("127.0.0.1");
  g_autofree char *url = g_strdup_printf ("%sevent/11/", server->base);
  g_autofree char *tt = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autoptr (GBytes) timetable = plenary_test_load_bytes (tt);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  TestRequest *request;

  test_server_serve_lpc (server, "11");
  test_server_reply (server, "/export/timetable/11.json", 302, NULL, NULL, "Location",
                     "/moved/timetable.json", TEST_REPLY_NORMAL);
  test_server_reply (server, "/moved/timetable.json", 200, "application/json", timetable, NULL,
                     NULL, TEST_REPLY_NORMAL);
  g_assert_cmpint (run_check_async (url, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Contributions: 226\n"));

  request = test_server_last (server, "/moved/timetable.json");
  g_assert_nonnull (request);
  g_assert_cmpstr (request->user_agent, ==, plenary_indico_client_get_user_agent ());
  g_assert_cmpstr (request->accept, ==, "application/json");
  g_assert_cmpstr (request->requested_with, ==, "XMLHttpRequest");
  g_assert_null (request->authorization);
  request = test_server_last (server, "/export/event/11.json");
  g_assert_nonnull (request);
  g_assert_cmpstr (request->query, ==, "detail=contributions&tz=America%2FNew_York");
  g_assert_cmpuint (test_server_count (server, "/event/11/program.json"), ==, 1);

  /* A redirect loop ends as the sync's does, after PLENARY_INDICO_MAX_REDIRECTS hops. */
  test_server_reply (server, "/export/timetable/11.json", 302, NULL, NULL, "Location",
                     "/export/timetable/11.json", TEST_REPLY_NORMAL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_check_async (url, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "302"));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/check/summary", test_summary);
  g_test_add_func ("/check/url", test_url);
  g_test_add_func ("/check/json", test_json);
  g_test_add_func ("/check/bad-sources", test_bad_sources);
  g_test_add_func ("/check/warnings", test_warnings);
  g_test_add_func ("/check/hostile-url", test_hostile_url);
  g_test_add_func ("/check/client", test_client);

  return g_test_run ();
}
