/* test-sync-service.c: the sync service against a real HTTP server on loopback
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "indico/plenary-indico-client.h"
#include "store/plenary-store.h"
#include "store/plenary-event-list.h"
#include "sync/plenary-sync-service.h"
#include "plenary-test-server.h"
#include "plenary-test-util.h"

#define TT_11 "/export/timetable/11.json"
#define EV_11 "/export/event/11.json"
#define PR_11 "/event/11/program.json"

typedef struct
{
  TestServer         *server;
  PlenarySyncService *service;
  PlenaryEvent       *event;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  plenary_test_reset_dirs ();
  f->server = test_server_new ("127.0.0.1");
  test_server_serve_lpc (f->server, "11");
  f->service = plenary_sync_service_new ();
  /* No Secret Service here: test-credentials covers tokens. */
  g_object_set (f->service, "use-keyring", FALSE, "refresh-interval", 0, NULL);
  f->event = plenary_event_new (f->server->base, "11");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->event);
  g_clear_object (&f->service);
  g_clear_pointer (&f->server, test_server_free);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
}

/* Every file under the event's directory, name → bytes. */
static void
user_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_assert_true (plenary_user_data_save_finish (PLENARY_USER_DATA (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

/* A first good sync, and a starred talk with a note saved beside it. */
static void
sync_first (Fixture *f)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE;
  gboolean saved = FALSE;

  g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  plenary_user_data_set_starred (user, "941", TRUE);
  plenary_user_data_set_note (user, "941", "Bring questions");
  plenary_user_data_save_async (user, NULL, user_saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *timetable = NULL;
  g_autofree char *meta = NULL;
  g_autoptr (GBytes) served = NULL;
  PlenarySchedule *schedule;
  TestRequest *request;
  guint notified = 0;

  g_signal_connect (f->event, "notify::schedule", G_CALLBACK (count_cb), &notified);
  g_assert_null (plenary_event_get_last_sync (f->event));
  sync_first (f);
  g_assert_cmpuint (notified, ==, 1);

  schedule = plenary_event_get_schedule (f->event);
  g_assert_nonnull (schedule);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 226);
  g_assert_cmpstr (plenary_event_get_title (f->event), ==, "Linux Plumbers Conference 2021");
  g_assert_cmpstr (plenary_event_get_timezone (f->event), ==, "America/New_York");
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_IDLE);
  g_assert_null (plenary_event_get_error_message (f->event));
  g_assert_nonnull (plenary_event_get_last_sync (f->event));

  /* What Indico is asked, and how. */
  request = test_server_last (f->server, TT_11);
  g_assert_nonnull (request);
  g_assert_cmpstr (request->accept, ==, "application/json");
  g_assert_cmpstr (request->requested_with, ==, "XMLHttpRequest");
  g_assert_cmpstr (request->user_agent, ==, plenary_indico_client_get_user_agent ());
  g_assert_null (request->authorization);
  g_assert_null (request->cookie);
  request = test_server_last (f->server, EV_11);
  g_assert_nonnull (request);
  g_assert_cmpstr (request->query, ==, "detail=contributions&tz=America%2FNew_York");
  g_assert_cmpstr (request->requested_with, ==, "XMLHttpRequest");
  /* program.json was asked for; its 404 is normal. */
  g_assert_cmpuint (test_server_count (f->server, PR_11), ==, 1);
  g_assert_null (plenary_snapshot_get_program (plenary_event_get_snapshot (f->event)));

  /* Stored as received. */
  timetable = g_build_filename (plenary_event_get_directory (f->event), "timetable.json", NULL);
  meta = g_build_filename (plenary_event_get_directory (f->event), "meta.json", NULL);
  served = plenary_test_load_bytes (timetable);
  g_assert_true (g_bytes_equal (served, plenary_snapshot_get_timetable (
                                  plenary_event_get_snapshot (f->event))));
  g_assert_true (g_file_test (meta, G_FILE_TEST_EXISTS));
}


static void
test_unchanged (Fixture       *f,
                gconstpointer  data)
{
  const char *dir;
  g_autoptr (GHashTable) before = NULL;
  g_autofree char *meta = NULL;
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;
  GStatBuf st_before, st_after;
  gboolean changed = TRUE;
  guint notified = 0;

  sync_first (f);
  dir = plenary_event_get_directory (f->event);
  before = plenary_test_read_tree (dir, NULL);
  meta = g_build_filename (dir, "meta.json", NULL);
  g_assert_cmpint (g_stat (meta, &st_before), ==, 0);
  schedule = plenary_event_get_schedule (f->event);
  g_signal_connect (f->event, "notify::schedule", G_CALLBACK (count_cb), &notified);

  g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
  g_assert_no_error (error);
  g_assert_false (changed);
  /* Not re-parsed, not rewritten. */
  g_assert_true (plenary_event_get_schedule (f->event) == schedule);
  g_assert_cmpuint (notified, ==, 0);
  plenary_test_assert_tree_same (before, dir, NULL);
  g_assert_cmpint (g_stat (meta, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_cmpint (st_before.st_ino, ==, st_after.st_ino);
  g_assert_cmpuint (test_server_count (f->server, TT_11), ==, 2);
}

/* Whether the event's programme has a talk called @title. */
static gboolean
has_title (PlenaryEvent *event,
           const char   *title)
{
  GListModel *entries = plenary_schedule_get_entries (plenary_event_get_schedule (event));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (plenary_entry_get_title (entry), title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The server's timetable with @from replaced by @to. */
static void
serve_timetable_with (Fixture    *f,
                      const char *from,
                      const char *to)
{
  g_autofree char *path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autoptr (GBytes) original = plenary_test_load_bytes (path);
  g_autoptr (GBytes) body = plenary_test_bytes_replaced (original, from, to);

  test_server_reply (f->server, TT_11, 200, "application/json", body, NULL, NULL,
                     TEST_REPLY_NORMAL);
}

/* A new answer of another size is parsed while it is hashed; one of the same size only after
 * its hashes tell it from the current one. Either way the new programme is in and stored. */
static void
test_changed_any_size (Fixture       *f,
                       gconstpointer  data)
{
  const struct { const char *to; const char *title; } answers[] = {
    { "Welcoming Talks", "BPF & Networking Welcoming Talks" },     /* same size */
    { "Opening Sessions", "BPF & Networking Opening Sessions" },   /* one byte more */
  };

  sync_first (f);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *stored_path = g_build_filename (plenary_event_get_directory (f->event),
                                                       "timetable.json", NULL);
      g_autoptr (GBytes) stored = NULL;
      g_autoptr (GError) error = NULL;
      gboolean changed = FALSE;

      serve_timetable_with (f, "Opening Session", answers[i].to);
      g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
      g_assert_no_error (error);
      g_assert_true (changed);
      g_assert_true (has_title (f->event, answers[i].title));
      g_assert_false (has_title (f->event, "BPF & Networking Opening Session"));
      stored = plenary_test_load_bytes (stored_path);
      g_assert_true (g_bytes_equal (stored, plenary_snapshot_get_timetable (
                                      plenary_event_get_snapshot (f->event))));
    }
}

typedef struct
{
  const char    *name;
  const char    *path;
  guint          status;
  const char    *content_type;
  const char    *body;
  const char    *header;
  const char    *value;
  TestReplyKind  kind;
  gboolean       indico;       /* a parser error rather than a sync error */
  int            code;
  PlenarySyncState state;
} FailureCase;

static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  const FailureCase *c = data;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;
  const char *dir;
  GQuark domain = c->indico ? PLENARY_INDICO_ERROR : PLENARY_SYNC_ERROR;

  /* Before the first request: a connection keeps the timeout it was opened with. */
  if (g_str_equal (c->name, "timeout"))
    g_object_set (f->service, "timeout", 1, NULL);
  sync_first (f);
  dir = plenary_event_get_directory (f->event);
  before = plenary_test_read_tree (dir, NULL);
  schedule = plenary_event_get_schedule (f->event);
  plenary_sync_service_add_event (f->service, f->event);

  if (c->body != NULL)
    body = g_bytes_new_static (c->body, strlen (c->body));
  else
    {
      g_autofree char *path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");

      body = plenary_test_load_bytes (path);
    }
  if (g_str_equal (c->name, "too-large") || g_str_equal (c->name, "too-large-chunked"))
    g_object_set (f->service, "max-body-size", (guint64) 100000, NULL);
  test_server_reply (f->server, c->path, c->status, c->content_type, body, c->header, c->value,
                     c->kind);
  if (g_str_equal (c->name, "no-access"))
    {
      /* What indico.cern.ch really answers for an event the caller may not see. */
      g_autofree char *path =
        plenary_test_shared_path ("indico-samples/cern-export-event-434972-no-access.json");
      g_autoptr (GBytes) empty = plenary_test_load_bytes (path);

      test_server_reply (f->server, EV_11, 200, "application/json", empty, NULL, NULL,
                         TEST_REPLY_NORMAL);
    }

  g_assert_false (test_sync_event (f->service, f->event, NULL, &error));
  g_test_message ("%s: %s", c->name, error->message);
  if (error->domain != domain || error->code != c->code)
    g_error ("%s: expected %s %d, got %s %d: %s", c->name, g_quark_to_string (domain), c->code,
             g_quark_to_string (error->domain), error->code, error->message);
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, c->state);
  g_assert_cmpstr (plenary_event_get_error_message (f->event), ==, error->message);

  /* The last good copy stays, on screen and on disk, byte for byte, user data too. */
  g_assert_true (plenary_event_get_schedule (f->event) == schedule);
  plenary_test_assert_tree_same (before, dir, NULL);

  /* Retry-After is honoured; transient trouble is retried within the backoff cap,
   * permanent trouble waits for the regular refresh (off in these tests). */
  if (c->header != NULL && g_str_equal (c->header, "Retry-After"))
    g_assert_cmpint (plenary_sync_service_get_next_attempt (f->service, f->event), >=, 3500);
  else if (c->code == PLENARY_SYNC_ERROR_SERVER || c->code == PLENARY_SYNC_ERROR_TIMEOUT
           || c->code == PLENARY_SYNC_ERROR_TRUNCATED)
    {
      gint64 next = plenary_sync_service_get_next_attempt (f->service, f->event);

      g_assert_cmpint (next, >=, 1);
      g_assert_cmpint (next, <=, 30);
    }
  else
    g_assert_cmpint (plenary_sync_service_get_next_attempt (f->service, f->event), ==, -1);
}

static const char login_page[] =
  "<!DOCTYPE html><html><head><title>Log in - Indico</title></head><body>"
  "<form method=\"post\"><input name=\"access_key\"></form></body></html>";

static const FailureCase failures[] = {
  { "oauth", TT_11, 400, "application/json",
    "{\"error\":{\"code\":\"invalid_token\",\"message\":\"OAuth error: The access token "
    "provided is expired, revoked, malformed, or invalid\"}}", NULL, NULL, TEST_REPLY_NORMAL,
    FALSE, PLENARY_SYNC_ERROR_OAUTH, PLENARY_SYNC_STATE_ERROR },
  { "oauth-html", TT_11, 400, "text/html", "<html><p>OAuth error: insufficient_scope</p></html>",
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_OAUTH, PLENARY_SYNC_STATE_ERROR },
  { "bad-tz", EV_11, 400, "application/json", "{\"message\":\"Bad timezone: Mars\"}",
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_INDICO, PLENARY_SYNC_STATE_ERROR },
  { "401", TT_11, 401, "application/json", "{\"error\":{\"title\":\"Unauthorized\"}}",
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_UNAUTHORIZED, PLENARY_SYNC_STATE_ERROR },
  { "403", EV_11, 403, "application/json", "{\"message\":\"API key is missing\"}",
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_FORBIDDEN, PLENARY_SYNC_STATE_ERROR },
  { "404", TT_11, 404, "text/html", "<html>Not Found</html>",
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_NOT_FOUND, PLENARY_SYNC_STATE_ERROR },
  { "500", TT_11, 500, "text/html", "<html>Internal Server Error</html>",
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_SERVER, PLENARY_SYNC_STATE_ERROR },
  { "502", EV_11, 502, "text/html", "<html>Bad Gateway</html>",
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_SERVER, PLENARY_SYNC_STATE_ERROR },
  { "503-retry-after", TT_11, 503, "text/html", "<html>Maintenance</html>",
    "Retry-After", "3600", TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_SERVER,
    PLENARY_SYNC_STATE_ERROR },
  { "429-retry-after-date", TT_11, 429, "application/json", "{}",
    "Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT", TEST_REPLY_NORMAL, 0,
    PLENARY_SYNC_ERROR_RATE_LIMITED, PLENARY_SYNC_STATE_ERROR },
  { "html-200", TT_11, 200, "text/html; charset=utf-8", login_page,
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_NOT_JSON, PLENARY_SYNC_STATE_ERROR },
  { "truncated-json", TT_11, 200, "application/json",
    "{\"count\":1,\"additionalInfo\":{},\"ts\":1632441600,\"results\":{\"11\":{\"20210920\":{",
    NULL, NULL, TEST_REPLY_NORMAL, TRUE, PLENARY_INDICO_ERROR_MALFORMED, PLENARY_SYNC_STATE_ERROR },
  { "closed-mid-body", TT_11, 200, "application/json", NULL,
    NULL, NULL, TEST_REPLY_CLOSE_MID_BODY, FALSE, PLENARY_SYNC_ERROR_TRUNCATED,
    PLENARY_SYNC_STATE_ERROR },
  { "timeout", EV_11, 200, "application/json", NULL,
    NULL, NULL, TEST_REPLY_STALL, FALSE, PLENARY_SYNC_ERROR_TIMEOUT, PLENARY_SYNC_STATE_ERROR },
  { "too-large", TT_11, 200, "application/json", NULL,
    NULL, NULL, TEST_REPLY_NORMAL, FALSE, PLENARY_SYNC_ERROR_TOO_LARGE, PLENARY_SYNC_STATE_ERROR },
  { "too-large-chunked", TT_11, 200, "application/json", NULL,
    NULL, NULL, TEST_REPLY_CHUNKED, FALSE, PLENARY_SYNC_ERROR_TOO_LARGE, PLENARY_SYNC_STATE_ERROR },
  { "no-access", TT_11, 200, "application/json",
    "{\"count\":1,\"additionalInfo\":{},\"ts\":1,\"url\":\"x\",\"_type\":\"HTTPAPIResult\","
    "\"results\":{\"11\":{\"20210920\":{},\"20210921\":{}}}}",
    NULL, NULL, TEST_REPLY_NORMAL, TRUE, PLENARY_INDICO_ERROR_NO_ACCESS, PLENARY_SYNC_STATE_ERROR },
};

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryEvent) event = NULL;
  g_autofree char *base = NULL;
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) bound = g_inet_socket_address_new (loopback, 0);

  /* A port that nothing listens on: bound, never listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, bound, FALSE, &error));
  address = g_socket_get_local_address (socket, &error);
  base = g_strdup_printf ("http://127.0.0.1:%u/",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  event = plenary_event_new (base, "11");
  g_assert_false (test_sync_event (f->service, event, NULL, &error));
  g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_CONNECTION);
  g_assert_cmpint (plenary_event_get_sync_state (event), ==, PLENARY_SYNC_STATE_ERROR);
  /* One sentence that names the host once, as the window's banner shows it. */
  g_test_message ("%s", error->message);
  g_assert_true (strstr (error->message, "127.0.0.1") == g_strrstr (error->message, "127.0.0.1"));
  g_assert_null (strstr (error->message, "("));
}

static void
test_program (Fixture       *f,
              gconstpointer  data)
{
  static const char program[] = TEST_LPC_PROGRAM_JSON;
  g_autoptr (GBytes) body = g_bytes_new_static (program, strlen (program));
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PlenaryTrack) track = NULL;
  gboolean changed = FALSE;
  guint reads, main_thread_reads;

  sync_first (f);
  test_server_reply (f->server, PR_11, 200, "application/json", body, NULL, NULL,
                     TEST_REPLY_NORMAL);
  reads = plenary_indico_program_get_n_reads (FALSE);
  main_thread_reads = plenary_indico_program_get_n_reads (TRUE);
  g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  /* Read once, as it came, beside the main thread (the server decides its size): the parse
   * takes the tracks from that reading. */
  g_assert_cmpuint (plenary_indico_program_get_n_reads (FALSE), ==, reads + 1);
  g_assert_cmpuint (plenary_indico_program_get_n_reads (TRUE), ==, main_thread_reads);
  track = g_list_model_get_item (plenary_schedule_get_tracks (
                                   plenary_event_get_schedule (f->event)), 0);
  g_assert_cmpstr (plenary_track_get_description (track), ==, "Talks");
  path = g_build_filename (plenary_event_get_directory (f->event), "program.json", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_bytes_equal (plenary_snapshot_get_program (
                                  plenary_event_get_snapshot (f->event)), body));
}

typedef struct
{
  guint            count;
  PlenarySchedule *schedule;
} ParsedSignal;

static void
programme_parsed_cb (PlenarySyncService *service,
                     PlenaryEvent       *event,
                     PlenarySchedule    *schedule,
                     ParsedSignal       *parsed)
{
  parsed->count++;
  g_set_object (&parsed->schedule, schedule);
}

static gboolean
sync_asked (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE;

  g_assert_true (test_sync_event_full (f->service, f->event, TRUE, &changed, &error));
  g_assert_no_error (error);
  return changed;
}

/* A programme the user asked for is announced once parsed, before it is stored, so that what
 * is derived from it (the search index) is made beside the store; automatic syncs and unchanged
 * answers say nothing. */
static void
test_asked_programme_announced (Fixture       *f,
                                gconstpointer  data)
{
  static const char program[] = TEST_LPC_PROGRAM_JSON;
  g_autoptr (GBytes) body = g_bytes_new_static (program, strlen (program));
  ParsedSignal parsed = { 0, };

  g_signal_connect (f->service, "programme-parsed", G_CALLBACK (programme_parsed_cb), &parsed);
  sync_first (f);
  g_assert_cmpuint (parsed.count, ==, 0);

  test_server_reply (f->server, PR_11, 200, "application/json", body, NULL, NULL,
                     TEST_REPLY_NORMAL);
  g_assert_true (sync_asked (f));
  g_assert_cmpuint (parsed.count, ==, 1);
  g_assert_true (parsed.schedule == plenary_event_get_schedule (f->event));

  g_assert_false (sync_asked (f));
  g_assert_cmpuint (parsed.count, ==, 1);
  g_signal_handlers_disconnect_by_data (f->service, &parsed);
  g_clear_object (&parsed.schedule);
}

static void
test_second_event (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (PlenaryEvent) other = plenary_event_new (f->server->base, "12");
  g_autoptr (GError) error = NULL;

  test_server_serve_lpc (f->server, "12");
  sync_first (f);
  g_assert_true (test_sync_event (f->service, other, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (plenary_event_get_schedule (other));
  g_assert_cmpstr (plenary_event_get_directory (other), !=,
                   plenary_event_get_directory (f->event));
  g_assert_cmpuint (test_server_count (f->server, "/export/timetable/12.json"), ==, 1);
  /* The first event's user data is its own. */
  g_assert_true (plenary_user_data_get_starred (plenary_event_get_user_data (f->event), "941"));
  g_assert_false (plenary_user_data_get_starred (plenary_event_get_user_data (other), "941"));
}

static void
test_join (Fixture       *f,
           gconstpointer  data)
{
  TestSyncResult a = { 0, }, b = { 0, };

  plenary_sync_service_sync_async (f->service, f->event, FALSE, NULL, test_sync_result_cb, &a);
  plenary_sync_service_sync_async (f->service, f->event, FALSE, NULL, test_sync_result_cb, &b);
  while (!a.done || !b.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (a.error);
  g_assert_no_error (b.error);
  g_assert_true (a.changed && b.changed);
  /* One sync, not two. */
  g_assert_cmpuint (test_server_count (f->server, TT_11), ==, 1);
}

/* One caller's callbacks, counted: each caller gets exactly one. */
typedef struct
{
  guint     calls;
  gboolean  ok;
  gboolean  changed;
  GError   *error;
} Waiter;

static void
waiter_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->calls++;
  g_clear_error (&waiter->error);
  waiter->ok = plenary_sync_service_sync_finish (PLENARY_SYNC_SERVICE (object), result,
                                                 &waiter->changed, &waiter->error);
}

static void
wait_for_callback (Waiter *waiter)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (waiter->calls == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (waiter->calls, ==, 1);
}

static void
wait_for_requests (TestServer *server,
                   const char *path,
                   guint       n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (test_server_count (server, path) < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (test_server_count (server, path), ==, n);
}

static void
stall_timetable (Fixture *f)
{
  g_autoptr (GBytes) timetable = plenary_test_load_lpc2021_file ("export-timetable-11.json");

  test_server_reply (f->server, TT_11, 200, "application/json", timetable, NULL, NULL,
                     TEST_REPLY_STALL);
}

/* The parts come side by side: the event export is asked for as soon as the timetable's head
 * names the zone, while the rest of the timetable is still on its way, and in that zone. With
 * @data, the first "tz" is that many bytes further on: past the first read, within the head. */
static void
test_parts_side_by_side (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GBytes) lpc = plenary_test_load_lpc2021_file ("export-timetable-11.json");
  g_autoptr (GBytes) timetable = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Waiter waiter = { 0, };
  gsize padding = GPOINTER_TO_SIZE (data);

  if (padding == 0)
    timetable = g_bytes_ref (lpc);
  else
    {
      /* A member of the envelope before the results. */
      GString *padded = g_string_new ("{\"padding\": \"");

      for (gsize i = 0; i < padding; i++)
        g_string_append_c (padded, 'x');
      g_string_append (padded, "\", ");
      g_string_append_len (padded, (const char *) g_bytes_get_data (lpc, NULL) + 1,
                           (gssize) g_bytes_get_size (lpc) - 1);
      timetable = g_string_free_to_bytes (padded);
    }

  test_server_reply (f->server, TT_11, 200, "application/json", timetable, NULL, NULL,
                     TEST_REPLY_HEAD_THEN_STALL);
  plenary_sync_service_sync_async (f->service, f->event, FALSE, cancellable, waiter_cb,
                                   &waiter);
  wait_for_requests (f->server, EV_11, 1);
  g_assert_cmpstr (test_server_last (f->server, EV_11)->query, ==,
                   "detail=contributions&tz=America%2FNew_York");
  g_assert_cmpuint (test_server_count (f->server, PR_11), ==, 1);
  g_assert_cmpuint (waiter.calls, ==, 0);

  g_cancellable_cancel (cancellable);
  wait_for_callback (&waiter);
  g_assert_error (waiter.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&waiter.error);
  g_assert_null (plenary_event_get_schedule (f->event));
}

/* One part failing stops the others: the sync ends with its reason at once, not when a part
 * still coming would have arrived (or the deadline). */
static void
test_part_fails_beside_others (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GBytes) program = g_bytes_new_static (TEST_LPC_PROGRAM_JSON,
                                                   strlen (TEST_LPC_PROGRAM_JSON));
  g_autoptr (GError) error = NULL;

  test_server_reply (f->server, PR_11, 200, "application/json", program, NULL, NULL,
                     TEST_REPLY_STALL);
  test_server_reply (f->server, EV_11, 500, "text/html", NULL, NULL, NULL, TEST_REPLY_NORMAL);
  g_assert_false (test_sync_event (f->service, f->event, NULL, &error));
  g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_SERVER);
  g_assert_cmpuint (test_server_count (f->server, PR_11), ==, 1);
  g_assert_null (plenary_event_get_schedule (f->event));
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_ERROR);
}

/* The optional part's answer counts for nothing: its Retry-After does not set the next attempt
 * of a sync that failed for another reason. */
static void
test_optional_retry_after (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GBytes) busy = g_bytes_new_static ("{}", 2);
  g_autoptr (GError) error = NULL;
  gint64 next;

  sync_first (f);
  plenary_sync_service_add_event (f->service, f->event);
  test_server_reply (f->server, PR_11, 429, "application/json", busy, "Retry-After", "3600",
                     TEST_REPLY_NORMAL);
  /* The timetable never comes: the sync stops at its deadline, long after that answer. */
  stall_timetable (f);
  g_object_set (f->service, "deadline", 1, NULL);
  g_assert_false (test_sync_event (f->service, f->event, NULL, &error));
  g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TIMEOUT);
  next = plenary_sync_service_get_next_attempt (f->service, f->event);
  g_assert_cmpint (next, >=, 1);
  g_assert_cmpint (next, <=, 30);
}

/* A Refresh replaces a stalled download: the replaced sync's caller can still give up, and
 * at once; so can the Refresh's own caller, while a caller that joined later keeps the sync
 * going. Every caller gets one callback. */
static void
test_refresh_callers_cancel (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GCancellable) first = g_cancellable_new ();
  g_autoptr (GCancellable) refresh = g_cancellable_new ();
  Waiter a = { 0, }, b = { 0, }, c = { 0, }, d = { 0, };
  gint64 deadline;

  stall_timetable (f);
  plenary_sync_service_sync_async (f->service, f->event, FALSE, first, waiter_cb, &a);
  wait_for_requests (f->server, TT_11, 1);
  plenary_sync_service_sync_async (f->service, f->event, TRUE, refresh, waiter_cb, &b);
  wait_for_requests (f->server, TT_11, 2);

  g_cancellable_cancel (first);
  wait_for_callback (&a);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  plenary_test_iterate (100);
  g_assert_cmpuint (b.calls, ==, 0);
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_SYNCING);

  plenary_sync_service_sync_async (f->service, f->event, FALSE, NULL, waiter_cb, &c);
  g_cancellable_cancel (refresh);
  wait_for_callback (&b);
  g_assert_error (b.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  plenary_test_iterate (100);
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_SYNCING);
  /* Still the Refresh's download, not a new one. */
  g_assert_cmpuint (test_server_count (f->server, TT_11), ==, 2);

  /* The server answers again; another Refresh brings the programme to both who wait. */
  test_server_serve_lpc (f->server, "11");
  plenary_sync_service_sync_async (f->service, f->event, TRUE, NULL, waiter_cb, &d);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while ((c.calls == 0 || d.calls == 0) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_no_error (c.error);
  g_assert_no_error (d.error);
  g_assert_true (c.ok && c.changed && d.ok && d.changed);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_event_get_schedule (f->event)),
                    ==, 226);
  plenary_test_iterate (100);
  g_assert_cmpuint (a.calls, ==, 1);
  g_assert_cmpuint (b.calls, ==, 1);
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (d.calls, ==, 1);
  g_clear_error (&a.error);
  g_clear_error (&b.error);
}

/* Callers joined on one download: the first giving up leaves it to the second; the last
 * giving up stops it, and the next sync starts afresh. */
static void
test_last_caller_cancels (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GCancellable) first = g_cancellable_new ();
  g_autoptr (GCancellable) second = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Waiter a = { 0, }, b = { 0, };
  gint64 deadline;
  gboolean changed = FALSE;

  stall_timetable (f);
  plenary_sync_service_sync_async (f->service, f->event, FALSE, first, waiter_cb, &a);
  plenary_sync_service_sync_async (f->service, f->event, FALSE, second, waiter_cb, &b);
  wait_for_requests (f->server, TT_11, 1);

  g_cancellable_cancel (first);
  wait_for_callback (&a);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  plenary_test_iterate (100);
  g_assert_cmpuint (b.calls, ==, 0);
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_SYNCING);

  g_cancellable_cancel (second);
  wait_for_callback (&b);
  g_assert_error (b.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (plenary_event_get_sync_state (f->event) == PLENARY_SYNC_STATE_SYNCING
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_IDLE);
  g_assert_null (plenary_event_get_schedule (f->event));

  test_server_serve_lpc (f->server, "11");
  g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpuint (test_server_count (f->server, TT_11), ==, 2);
  g_assert_cmpuint (a.calls, ==, 1);
  g_assert_cmpuint (b.calls, ==, 1);
  g_clear_error (&a.error);
  g_clear_error (&b.error);
}

static void
test_redirect_same_host (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autoptr (GBytes) body = plenary_test_load_bytes (path);
  g_autoptr (GError) error = NULL;

  test_server_reply (f->server, TT_11, 302, NULL, NULL, "Location", "/moved/timetable.json",
                     TEST_REPLY_NORMAL);
  test_server_reply (f->server, "/moved/timetable.json", 200, "application/json", body, NULL,
                     NULL, TEST_REPLY_NORMAL);
  g_assert_true (test_sync_event (f->service, f->event, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_server_count (f->server, "/moved/timetable.json"), ==, 1);
}

/* The job holds the service while it runs and lets go of it however it ends: dropped by its
 * owner mid-sync, the service lives until the sync is over, then goes. */
static void
test_job_owns_service (Fixture       *f,
                       gconstpointer  data)
{
  static const char *ends[] = { "success", "failure", "superseded" };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      TestSyncResult first = { 0, }, second = { 0, };
      PlenarySyncService *service = f->service;
      gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

      g_test_message ("%s", ends[i]);
      g_object_add_weak_pointer (G_OBJECT (service), (gpointer *) &service);
      test_server_serve_lpc (f->server, "11");
      if (g_str_equal (ends[i], "failure"))
        test_server_reply (f->server, EV_11, 500, "text/plain", NULL, NULL, NULL,
                           TEST_REPLY_NORMAL);
      plenary_sync_service_sync_async (service, f->event, TRUE, NULL, test_sync_result_cb,
                                       &first);
      if (g_str_equal (ends[i], "superseded"))
        plenary_sync_service_sync_async (service, f->event, TRUE, NULL, test_sync_result_cb,
                                         &second);
      else
        second.done = TRUE;
      g_clear_object (&f->service);
      g_assert_nonnull (service);

      while ((!first.done || !second.done || service != NULL)
             && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_true (first.done && second.done);
      g_assert_cmpint (first.ok, ==, !g_str_equal (ends[i], "failure"));
      g_clear_error (&first.error);
      g_clear_error (&second.error);
      g_assert_null (service);

      f->service = plenary_sync_service_new ();
      g_object_set (f->service, "use-keyring", FALSE, "refresh-interval", 0, NULL);
    }
}

static void loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
test_interrupted_save (Fixture       *f,
                       gconstpointer  data)
{
  static const char program[] = "{\"program\":\"\",\"tracks\":[],\"track_groups\":[]}";
  g_autoptr (GBytes) body = g_bytes_new_static (program, strlen (program));
  g_autoptr (PlenaryEvent) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  GBytes *first_timetable;
  TestSyncResult r = { 0, };

  sync_first (f);
  first_timetable = plenary_snapshot_get_timetable (plenary_event_get_snapshot (f->event));

  /* The process "dies" after the new timetable went in, before meta.json. */
  test_server_reply (f->server, PR_11, 200, "application/json", body, NULL, NULL,
                     TEST_REPLY_NORMAL);
  plenary_store_set_fault (PLENARY_STORE_FAULT_BEFORE_RENAME, "program.json");
  g_assert_false (test_sync_event (f->service, f->event, NULL, &error));
  g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_SAVE);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);

  /* A new start finds a loadable, complete programme. */
  reloaded = plenary_event_new (f->server->base, "11");
  plenary_event_load_async (reloaded, NULL, loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (g_bytes_equal (plenary_snapshot_get_timetable (
                                  plenary_event_get_snapshot (reloaded)), first_timetable));
  g_assert_null (plenary_snapshot_get_program (plenary_event_get_snapshot (reloaded)));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TestSyncResult *r = user_data;
  g_auto (GStrv) warnings = NULL;

  r->ok = plenary_event_load_finish (PLENARY_EVENT (object), result, &warnings, &r->error);
  r->changed = warnings != NULL && g_strv_length (warnings) > 0;
  r->done = TRUE;
}

static void
test_load_offline (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (PlenaryEvent) reloaded = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *dir = NULL;
  TestSyncResult r = { 0, };

  sync_first (f);
  dir = g_strdup (plenary_event_get_directory (f->event));

  /* From disk, with no server at all. */
  g_clear_pointer (&f->server, test_server_free);
  reloaded = plenary_event_new (plenary_event_get_server_base (f->event), "11");
  plenary_event_load_async (reloaded, NULL, loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_false (r.changed);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_event_get_schedule (reloaded)),
                    ==, 226);
  g_assert_nonnull (plenary_event_get_last_sync (reloaded));
  g_assert_true (plenary_user_data_get_starred (plenary_event_get_user_data (reloaded), "941"));
  g_clear_object (&reloaded);

  /* A damaged meta.json and no previous copy: set aside, reported, and the schedule cache
   * shows the programme as the last resort (test-hostile covers it in full). */
  meta = g_build_filename (dir, "meta.json", NULL);
  g_assert_true (g_file_set_contents (meta, "not json", -1, NULL));
  reloaded = plenary_event_new (plenary_event_get_server_base (f->event), "11");
  memset (&r, 0, sizeof r);
  plenary_event_load_async (reloaded, NULL, loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.changed);   /* a warning */
  g_assert_false (g_file_test (meta, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_event_get_schedule (reloaded)),
                    ==, 226);
  g_assert_null (plenary_event_get_snapshot (reloaded));
  g_clear_object (&reloaded);

  /* The cache damaged too: no programme, and said so; the stars are still loaded. */
  {
    g_autofree char *cache = g_build_filename (dir, "schedule.cache", NULL);

    g_assert_true (g_file_set_contents (cache, "not a cache either", -1, NULL));
  }
  reloaded = plenary_event_new (plenary_event_get_server_base (f->event), "11");
  memset (&r, 0, sizeof r);
  plenary_event_load_async (reloaded, NULL, loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (r.error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_NO_SNAPSHOT);
  g_clear_error (&r.error);
  g_assert_null (plenary_event_get_schedule (reloaded));
}

static void
test_unparseable_snapshot (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (PlenarySnapshot) bad = NULL;
  g_autoptr (PlenaryEvent) reloaded = NULL;
  g_autoptr (GBytes) garbage = g_bytes_new_static ("{\"x\":", 5);
  g_autoptr (GError) error = NULL;
  TestSyncResult r = { 0, };

  sync_first (f);
  /* A snapshot whose hashes match but that does not parse: say, written by a buggy
   * version. The one before it is used, and the bad one set aside. */
  bad = plenary_snapshot_new (garbage, garbage, NULL, NULL);
  g_assert_true (plenary_snapshot_save (bad, plenary_event_get_directory (f->event), &error));
  g_assert_no_error (error);

  reloaded = plenary_event_new (plenary_event_get_server_base (f->event), "11");
  plenary_event_load_async (reloaded, NULL, loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.changed);
  g_assert_nonnull (plenary_event_get_schedule (reloaded));
}

static void
test_network_regained (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GBytes) body = g_bytes_new_static ("oops", 4);
  g_autoptr (GError) error = NULL;

  plenary_sync_service_add_event (f->service, f->event);
  test_server_reply (f->server, TT_11, 500, "text/plain", body, NULL, NULL, TEST_REPLY_NORMAL);
  g_assert_false (test_sync_event (f->service, f->event, NULL, &error));
  g_assert_nonnull (plenary_event_get_error_message (f->event));

  /* The server recovers; the network comes back: retried at once. */
  test_server_serve_lpc (f->server, "11");
  plenary_sync_service_network_changed (f->service);
  while (plenary_event_get_sync_state (f->event) == PLENARY_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_IDLE);
  g_assert_null (plenary_event_get_error_message (f->event));
  g_assert_nonnull (plenary_event_get_schedule (f->event));
  /* Refresh is off in these tests, so nothing more is planned. */
  g_assert_cmpint (plenary_sync_service_get_next_attempt (f->service, f->event), ==, -1);

  g_object_set (f->service, "refresh-interval", 15, NULL);
  g_assert_cmpint (plenary_sync_service_get_next_attempt (f->service, f->event), >, 14 * 60);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TestSyncResult *r = user_data;

  if (g_async_result_is_tagged (result, plenary_event_list_load_async))
    r->ok = plenary_event_list_load_finish (PLENARY_EVENT_LIST (object), result, &r->error);
  else
    r->ok = plenary_event_list_save_finish (PLENARY_EVENT_LIST (object), result, &r->error);
  r->done = TRUE;
}

static void
run_list (PlenaryEventList *list,
          gboolean          save,
          TestSyncResult       *r)
{
  memset (r, 0, sizeof *r);
  if (save)
    plenary_event_list_save_async (list, NULL, list_done_cb, r);
  else
    plenary_event_list_load_async (list, NULL, list_done_cb, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_event_list (Fixture       *f,
                 gconstpointer  data)
{
  guint n = 0;
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (NULL);
  g_autoptr (PlenaryEventList) again = plenary_event_list_new (NULL);
  g_autoptr (PlenaryEvent) other = plenary_event_new ("https://indico.example.org/indico/", "7");
  g_autoptr (PlenaryEvent) duplicate = plenary_event_new (f->server->base, "11");
  g_autofree char *path = plenary_store_get_events_file ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (PlenaryEvent) first = NULL;
  TestSyncResult r;

  run_list (list, FALSE, &r);   /* no file yet */
  g_assert_no_error (r.error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  sync_first (f);
  g_assert_true (plenary_event_list_add (list, f->event) == f->event);
  g_assert_true (plenary_event_list_add (list, other) == other);
  g_assert_true (plenary_event_list_add (list, duplicate) == f->event);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  run_list (list, TRUE, &r);
  g_assert_no_error (r.error);

  run_list (again, FALSE, &r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_cmpstr (plenary_event_get_key (first), ==, plenary_event_get_key (f->event));
  g_assert_cmpstr (plenary_event_get_title (first), ==, "Linux Plumbers Conference 2021");
  g_assert_cmpstr (plenary_event_get_timezone (first), ==, "America/New_York");
  g_assert_true (g_date_time_equal (plenary_event_get_added_at (first),
                                    plenary_event_get_added_at (f->event)));
  g_assert_nonnull (plenary_event_list_lookup (again,
                                               "https://indico.example.org/indico/event/7/"));

  plenary_event_list_remove (again, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);

  /* Damaged: set aside, and the list rebuilt from the event folders on disk (only the
   * synced event has one). */
  g_assert_true (g_file_set_contents (path, "{\"events\":[{", -1, NULL));
  run_list (again, FALSE, &r);
  g_assert_no_error (r.error);
  g_assert_true (plenary_event_list_get_recovered (again, &n));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  g_assert_nonnull (plenary_event_list_lookup (again, plenary_event_get_key (f->event)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/sync/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("success", test_success, NULL);
  ADD ("unchanged", test_unchanged, NULL);
  ADD ("changed-any-size", test_changed_any_size, NULL);
  ADD ("program", test_program, NULL);
  ADD ("asked-programme-announced", test_asked_programme_announced, NULL);
  ADD ("second-event", test_second_event, NULL);
  ADD ("join", test_join, NULL);
  ADD ("parts-side-by-side", test_parts_side_by_side, NULL);
  ADD ("parts-side-by-side/zone-past-first-read", test_parts_side_by_side,
       GSIZE_TO_POINTER (20000));
  ADD ("part-fails-beside-others", test_part_fails_beside_others, NULL);
  ADD ("optional-retry-after", test_optional_retry_after, NULL);
  ADD ("refresh-callers-cancel", test_refresh_callers_cancel, NULL);
  ADD ("last-caller-cancels", test_last_caller_cancels, NULL);
  ADD ("redirect-same-host", test_redirect_same_host, NULL);
  ADD ("job-owns-service", test_job_owns_service, NULL);
  ADD ("connection-refused", test_connection_refused, NULL);
  ADD ("interrupted-save", test_interrupted_save, NULL);
  ADD ("load-offline", test_load_offline, NULL);
  ADD ("unparseable-snapshot", test_unparseable_snapshot, NULL);
  ADD ("network-regained", test_network_regained, NULL);
  ADD ("event-list", test_event_list, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/failure/%s", failures[i].name);

      g_test_add (path, Fixture, &failures[i], fixture_set_up, test_failure, fixture_tear_down);
    }

  return g_test_run ();
}
