/* test-credentials.c: tokens in a real gnome-keyring-daemon, and where they may go
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test runs its own D-Bus session bus (GTestDBus) and its own gnome-keyring-daemon,
 * unlocked with an empty password, with its keyrings in a throwaway directory: it works on a
 * CI machine as root with no display, and never touches a developer's real keyring.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

#include "store/plenary-credentials.h"
#include "sync/plenary-sync-service.h"
#include "plenary-test-server.h"
#include "plenary-test-util.h"

#define TOKEN       "indp_TestTokenDoNotLeak0123456789abcdefghijklmn"
#define OTHER_TOKEN "indp_OtherServerToken9876543210zyxwvutsrqponmlkj"

static GTestDBus *test_bus;
static GSubprocess *keyring;
static char *keyring_dir;
static char *skip_reason;

/* Whether @text holds any piece of @token of 8 bytes or more. */
static gboolean
has_token_piece (const char *text,
                 gsize       length,
                 const char *token)
{
  gsize token_length = strlen (token);

  for (gsize j = 0; j + 8 <= token_length; j++)
    {
      g_autofree char *piece = g_strndup (token + j, 8);

      if (g_strstr_len (text, length, piece) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Every log line of the process passes here: none may carry a token, nor a piece of one. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].value != NULL)
        {
          const char *message = fields[i].value;
          gsize length = fields[i].length < 0 ? strlen (message) : (gsize) fields[i].length;

          g_assert_null (g_strstr_len (message, length, TOKEN));
          g_assert_null (g_strstr_len (message, length, OTHER_TOKEN));
          g_assert_false (has_token_piece (message, length, TOKEN));
          g_assert_false (has_token_piece (message, length, OTHER_TOKEN));
        }
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

#ifdef __linux__
static void
die_with_parent (gpointer user_data)
{
  /* The daemon must not outlive a test that crashed. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}
#endif

static gboolean
secrets_on_bus (void)
{
  g_autoptr (GDBusConnection) connection = NULL;
  g_autoptr (GVariant) reply = NULL;
  gboolean owned = FALSE;

  /* A private connection, so that the bus can go down cleanly at the end. */
  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (test_bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                       | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, NULL);
  if (connection == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 5000,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  g_dbus_connection_close_sync (connection, NULL, NULL);
  return owned;
}

static void
start_keyring (void)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *program = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *bus_program = g_find_program_in_path ("dbus-daemon");
  GOutputStream *in;

  if (program == NULL || bus_program == NULL)
    {
      skip_reason = g_strdup ("gnome-keyring-daemon or dbus-daemon is not installed");
      return;
    }

  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);

  keyring_dir = g_dir_make_tmp ("plenary-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (keyring_dir, "data", NULL);
  runtime = g_build_filename (keyring_dir, "runtime", NULL);
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (runtime, 0700);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                g_test_dbus_get_bus_address (test_bus), TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
#ifdef __linux__
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
#endif
  keyring = g_subprocess_launcher_spawn (launcher, &error, program, "--foreground", "--unlock",
                                         "--components=secrets", NULL);
  g_assert_no_error (error);

  /* The login keyring's password: empty, one line. */
  in = g_subprocess_get_stdin_pipe (keyring);
  g_output_stream_write_all (in, "\n", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (in, NULL, NULL);

  for (guint i = 0; i < 300 && !secrets_on_bus (); i++)
    g_usleep (50 * 1000);
  if (!secrets_on_bus ())
    skip_reason = g_strdup ("gnome-keyring-daemon did not come up on the test bus");
}

static void
stop_keyring (void)
{
  if (keyring != NULL)
    {
      g_subprocess_send_signal (keyring, SIGTERM);
      g_subprocess_wait (keyring, NULL, NULL);
      g_clear_object (&keyring);
    }
  /* libsecret keeps the bus connection until told otherwise. */
  secret_service_disconnect ();
  if (test_bus != NULL)
    {
      /* Not g_test_dbus_down(): it waits for every user of the bus singleton to let go,
       * which is not this test's business. */
      g_test_dbus_stop (test_bus);
      /* Its finalize would wait the same way; the process ends right after. */
      test_bus = NULL;
    }
  if (keyring_dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", keyring_dir);

      /* Only our own mkdtemp() directory. */
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
      g_clear_pointer (&keyring_dir, g_free);
    }
}

static gboolean
need_keyring (void)
{
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return FALSE;
    }
  return TRUE;
}

/* Async helpers */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  gboolean  changed;
  char     *token;
  GError   *error;
} Result;

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->ok = plenary_credentials_store_finish (result, &r->error);
  r->done = TRUE;
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Result *r = user_data;

  r->token = plenary_credentials_lookup_finish (result, &r->error);
  r->done = TRUE;
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->ok = plenary_credentials_clear_finish (result, &r->error);
  r->done = TRUE;
}

static void
wait_for (Result *r)
{
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
store_token (const char *server_base,
             const char *token)
{
  /* The login collection appears just after the daemon takes its bus name. */
  for (guint attempt = 0; ; attempt++)
    {
      Result r = { 0, };

      plenary_credentials_store_async (server_base, token, NULL, stored_cb, &r);
      wait_for (&r);
      if (r.ok || attempt == 50)
        {
          g_assert_no_error (r.error);
          g_assert_true (r.ok);
          return;
        }
      g_clear_error (&r.error);
      g_usleep (100 * 1000);
    }
}

static char *
lookup_token (const char *server_base)
{
  Result r = { 0, };

  plenary_credentials_lookup_async (server_base, NULL, looked_up_cb, &r);
  wait_for (&r);
  g_assert_no_error (r.error);
  return r.token;
}

static void
synced_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->ok = plenary_sync_service_sync_finish (PLENARY_SYNC_SERVICE (object), result, &r->changed,
                                            &r->error);
  r->done = TRUE;
}

static gboolean
sync_event (PlenarySyncService  *service,
            PlenaryEvent        *event,
            GError             **error)
{
  Result r = { 0, };

  plenary_sync_service_sync_async (service, event, FALSE, NULL, synced_cb, &r);
  wait_for (&r);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

/* No file Plenary wrote, anywhere under the test's XDG directories, holds a token. */
static void
assert_no_token_in_files (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_null (strstr (name, "indp_"));
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        assert_no_token_in_files (path);
      else if (g_file_get_contents (path, &contents, &length, NULL))
        {
          g_assert_null (g_strstr_len (contents, length, TOKEN));
          g_assert_null (g_strstr_len (contents, length, OTHER_TOKEN));
          g_assert_null (g_strstr_len (contents, length, "indp_"));
        }
    }
}

/* Tests */

static void
test_round_trip (void)
{
  g_autofree char *token = NULL;
  Result r = { 0, };

  if (!need_keyring ())
    return;

  store_token ("https://indico.example.org/", TOKEN);
  store_token ("https://indico.example.org/other/", OTHER_TOKEN);
  token = lookup_token ("https://indico.example.org/");
  g_assert_cmpstr (token, ==, TOKEN);
  g_clear_pointer (&token, plenary_credentials_free_token);
  token = lookup_token ("https://indico.example.org/other/");
  g_assert_cmpstr (token, ==, OTHER_TOKEN);
  g_clear_pointer (&token, plenary_credentials_free_token);
  g_assert_null (lookup_token ("https://elsewhere.example.org/"));

  /* Replacing keeps one item. */
  store_token ("https://indico.example.org/", OTHER_TOKEN);
  token = lookup_token ("https://indico.example.org/");
  g_assert_cmpstr (token, ==, OTHER_TOKEN);
  g_clear_pointer (&token, plenary_credentials_free_token);

  plenary_credentials_clear_async ("https://indico.example.org/", NULL, cleared_cb, &r);
  wait_for (&r);
  g_assert_no_error (r.error);
  g_assert_null (lookup_token ("https://indico.example.org/"));
  /* Clearing what is not there is fine. */
  memset (&r, 0, sizeof r);
  plenary_credentials_clear_async ("https://indico.example.org/", NULL, cleared_cb, &r);
  wait_for (&r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);

  assert_no_token_in_files (plenary_test_get_tmpdir ());
}

static void
test_bearer_sent (void)
{
  g_autoptr (TestServer) server = NULL;
  g_autoptr (PlenarySyncService) service = plenary_sync_service_new ();
  g_autoptr (PlenaryEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = g_strconcat ("Bearer ", TOKEN, NULL);
  static const char *paths[] = { "/export/timetable/11.json", "/export/event/11.json",
                                 "/event/11/program.json" };

  if (!need_keyring ())
    return;

  server = test_server_new ("127.0.0.1");
  test_server_serve_lpc (server, "11");
  store_token (server->base, TOKEN);
  event = plenary_event_new (server->base, "11");
  /* The store made ready ahead, as while a link is pasted in the Add Event dialog. */
  plenary_sync_service_prepare (service);
  g_assert_true (sync_event (service, event, &error));
  g_assert_no_error (error);

  /* To its own server, over loopback http: on every request. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      TestRequest *request = test_server_last (server, paths[i]);

      g_assert_nonnull (request);
      g_assert_cmpstr (request->authorization, ==, expected);
      g_assert_null (request->cookie);
    }

  /* A server that echoes the token in an error: the message shown does not repeat it. */
  {
    g_autofree char *echo = g_strdup_printf ("{\"message\":\"OAuth error: bad token %s\"}", TOKEN);
    g_autoptr (GBytes) body = g_bytes_new (echo, strlen (echo));

    test_server_reply (server, "/export/timetable/11.json", 400, "application/json", body,
                       NULL, NULL, TEST_REPLY_NORMAL);
    g_assert_false (sync_event (service, event, &error));
    g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_OAUTH);
    g_assert_null (strstr (error->message, TOKEN));
    g_assert_null (strstr (plenary_event_get_error_message (event), TOKEN));
  }

  assert_no_token_in_files (plenary_test_get_tmpdir ());
}

static void
test_redirect_other_host (void)
{
  g_autoptr (TestServer) server = NULL;
  g_autoptr (TestServer) other = NULL;
  g_autoptr (PlenarySyncService) service = plenary_sync_service_new ();
  g_autoptr (PlenaryEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *expected = g_strconcat ("Bearer ", TOKEN, NULL);
  TestRequest *request;

  if (!need_keyring ())
    return;

  server = test_server_new ("127.0.0.1");
  other = test_server_new ("127.0.0.2");
  test_server_serve_lpc (server, "11");
  test_server_serve_lpc (other, "11");
  target = g_strconcat (other->base, "export/timetable/11.json", NULL);
  test_server_reply (server, "/export/timetable/11.json", 302, NULL, NULL, "Location", target,
                     TEST_REPLY_NORMAL);
  store_token (server->base, TOKEN);
  event = plenary_event_new (server->base, "11");

  g_assert_true (sync_event (service, event, &error));
  g_assert_no_error (error);

  /* The redirect was followed, but without the token. */
  request = test_server_last (other, "/export/timetable/11.json");
  g_assert_nonnull (request);
  g_assert_null (request->authorization);
  g_assert_cmpuint (other->requests->len, ==, 1);
  /* Its own server still got it. */
  g_assert_cmpstr (test_server_last (server, "/export/timetable/11.json")->authorization, ==,
                   expected);
  g_assert_cmpstr (test_server_last (server, "/export/event/11.json")->authorization, ==,
                   expected);
}

/* Issue 14: a chain that leaves the token's origin and comes back carries no token after it
 * left; the next request (a new chain) has it again. */
static void
test_redirect_out_and_back (void)
{
  g_autoptr (TestServer) server = NULL;
  g_autoptr (TestServer) other = NULL;
  g_autoptr (PlenarySyncService) service = plenary_sync_service_new ();
  g_autoptr (PlenaryEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *back = NULL;
  g_autofree char *expected = g_strconcat ("Bearer ", TOKEN, NULL);
  g_autofree char *path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autoptr (GBytes) timetable = plenary_test_load_bytes (path);
  TestRequest *request;

  if (!need_keyring ())
    return;

  server = test_server_new ("127.0.0.1");
  other = test_server_new ("127.0.0.2");
  test_server_serve_lpc (server, "11");
  out = g_strconcat (other->base, "bounce", NULL);
  back = g_strconcat (server->base, "moved/timetable.json", NULL);
  test_server_reply (server, "/export/timetable/11.json", 302, NULL, NULL, "Location", out,
                     TEST_REPLY_NORMAL);
  test_server_reply (other, "/bounce", 302, NULL, NULL, "Location", back, TEST_REPLY_NORMAL);
  test_server_reply (server, "/moved/timetable.json", 200, "application/json", timetable, NULL,
                     NULL, TEST_REPLY_NORMAL);
  store_token (server->base, TOKEN);
  event = plenary_event_new (server->base, "11");

  g_assert_true (sync_event (service, event, &error));
  g_assert_no_error (error);
  g_assert_null (test_server_last (other, "/bounce")->authorization);
  request = test_server_last (server, "/moved/timetable.json");
  g_assert_nonnull (request);
  g_assert_null (request->authorization);
  /* The first hop and the next part's own chain had it. */
  g_assert_cmpstr (test_server_last (server, "/export/timetable/11.json")->authorization, ==,
                   expected);
  g_assert_cmpstr (test_server_last (server, "/export/event/11.json")->authorization, ==,
                   expected);
}

/* Issue 14: a server that echoes the token minus one character, or any 8+ character piece
 * of it: nothing of it is shown or logged. */
static void
test_echo_pieces (void)
{
  g_autoptr (TestServer) server = NULL;
  g_autoptr (PlenarySyncService) service = plenary_sync_service_new ();
  g_autoptr (PlenaryEvent) event = NULL;
  const char *prefixes[] = { "Bad token ", "Token …", "Forbidden for \u202e" };
  const char *suffixes[] = { ", try again", "… refused", "\u202c" };
  const guint starts[] = { 0, 20, 0 };
  const guint lengths[] = { 46, 10, 20 };

  if (!need_keyring ())
    return;

  server = test_server_new ("127.0.0.1");
  test_server_serve_lpc (server, "11");
  store_token (server->base, TOKEN);
  event = plenary_event_new (server->base, "11");
  g_assert_cmpuint (strlen (TOKEN), ==, 47);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *piece = g_strndup (TOKEN + starts[i], lengths[i]);
      g_autofree char *text = g_strconcat (prefixes[i], piece, suffixes[i], NULL);
      g_autofree char *body = g_strdup_printf ("{\"message\":\"%s\"}", text);
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));
      g_autoptr (GError) error = NULL;
      const char *shown;

      test_server_reply (server, "/export/timetable/11.json", 403, "application/json", bytes,
                         NULL, NULL, TEST_REPLY_NORMAL);
      g_assert_false (sync_event (service, event, &error));
      g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_FORBIDDEN);
      shown = plenary_event_get_error_message (event);
      g_test_message ("shown: %s", shown);
      g_assert_false (has_token_piece (error->message, strlen (error->message), TOKEN));
      g_assert_false (has_token_piece (shown, strlen (shown), TOKEN));
      /* The rest of the server's words are still there, and no bidi control. */
      g_assert_nonnull (strstr (shown, i == 0 ? "Bad token" : i == 1 ? "refused" : "Forbidden"));
      g_assert_null (strstr (shown, "\u202e"));
    }
  assert_no_token_in_files (plenary_test_get_tmpdir ());
}

static void
test_not_over_plain_http (void)
{
  g_autoptr (TestServer) proxy = NULL;
  g_autoptr (PlenarySyncService) service = plenary_sync_service_new ();
  g_autoptr (PlenaryEvent) event = NULL;
  g_autoptr (GProxyResolver) resolver = NULL;
  g_autoptr (GError) error = NULL;
  TestRequest *request;

  if (!need_keyring ())
    return;

  /* An Indico server on a real (non-loopback) host over plain http, reached through a proxy
   * on loopback that sees what would go over the wire. */
  proxy = test_server_new ("127.0.0.1");
  test_server_serve_lpc (proxy, "11");
  resolver = g_simple_proxy_resolver_new (proxy->base, NULL);
  g_object_set (plenary_sync_service_get_session (service), "proxy-resolver", resolver, NULL);
  store_token ("http://indico.example.org/", TOKEN);
  event = plenary_event_new ("http://indico.example.org/", "11");

  g_assert_true (sync_event (service, event, &error));
  g_assert_no_error (error);
  request = test_server_last (proxy, "/export/timetable/11.json");
  g_assert_nonnull (request);
  g_assert_null (request->authorization);
  g_assert_null (test_server_last (proxy, "/export/event/11.json")->authorization);

  assert_no_token_in_files (plenary_test_get_tmpdir ());
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_log_set_writer_func (log_writer, NULL, NULL);
  plenary_test_init (&argc, &argv);
  start_keyring ();

  g_test_add_func ("/credentials/round-trip", test_round_trip);
  g_test_add_func ("/credentials/bearer-sent", test_bearer_sent);
  g_test_add_func ("/credentials/redirect-other-host", test_redirect_other_host);
  g_test_add_func ("/credentials/redirect-out-and-back", test_redirect_out_and_back);
  g_test_add_func ("/credentials/echo-pieces", test_echo_pieces);
  g_test_add_func ("/credentials/not-over-plain-http", test_not_over_plain_http);

  status = g_test_run ();
  stop_keyring ();
  return status;
}
