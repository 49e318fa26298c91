/* test-favorites-sync.c: stars synced with an Indico account, against a loopback server
 * that implements Indico 3.3.13's favourites endpoint
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "store/plenary-store.h"
#include "sync/plenary-favorites-sync.h"
#include "plenary-test-util.h"

#define TOKEN "indp_FavouritesTokenDoNotLeak0123456789abcdefghij"
#define PATH  "/event/11/api/contributions/favorites"

typedef enum
{
  MODE_NORMAL,
  MODE_EXPIRED,        /* 401 to everything */
  MODE_READ_ONLY,      /* 403 to writes: a token without full:everything */
  MODE_FAIL_WRITE,     /* 500 to the write number fail_at (1-based) */
  MODE_DROP,           /* the connection closes without an answer: offline */
  MODE_LOGIN_PAGE,     /* 200 with an HTML login page */
  MODE_REDIRECT,       /* 302 to a login page */
  MODE_BODY,           /* 200 application/json with `body` */
} Mode;

typedef struct
{
  SoupServer *server;
  char       *base;
  GHashTable *favorites;      /* contribution id → title: the account on the "website" */
  Mode        mode;
  guint       fail_at;
  guint       writes;
  guint       requests;
  GString    *body;
  char       *last_authorization;
} Indico;

typedef struct
{
  Indico               indico;
  PlenaryFavoritesSync *sync;
  PlenaryEvent         *event;
} Fixture;

/* Every log line of the process passes here: none may carry the token. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].value != NULL)
      {
        const char *message = fields[i].value;
        gsize length = fields[i].length < 0 ? strlen (message) : (gsize) fields[i].length;

        g_assert_null (g_strstr_len (message, length, TOKEN));
      }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json,
                                    strlen (json));
}

static void
indico_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Indico *indico = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  gboolean write = g_strcmp0 (method, "GET") != 0;
  const char *id = NULL;

  indico->requests++;
  g_free (indico->last_authorization);
  indico->last_authorization = g_strdup (auth);
  if (g_str_has_prefix (path, PATH "/"))
    id = path + strlen (PATH "/");
  else if (g_strcmp0 (path, PATH) != 0)
    {
      reply_json (msg, 404, "{\"error\":{\"title\":\"Not Found\"}}");
      return;
    }

  if (indico->mode == MODE_DROP)
    {
      GIOStream *stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
      return;
    }
  if (indico->mode == MODE_EXPIRED || g_strcmp0 (auth, "Bearer " TOKEN) != 0)
    {
      reply_json (msg, 401, "{\"error\":{\"message\":\"The token has expired\"}}");
      return;
    }
  if (indico->mode == MODE_LOGIN_PAGE)
    {
      const char *page = "<!DOCTYPE html><html><body><form>Log in</form></body></html>";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
      return;
    }
  if (indico->mode == MODE_REDIRECT)
    {
      soup_server_message_set_redirect (msg, 302, "/login/?next=/event/11/");
      return;
    }
  if (indico->mode == MODE_BODY && !write)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        indico->body->str, indico->body->len);
      return;
    }

  if (!write)
    {
      g_autoptr (GString) json = g_string_new ("{");
      g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (indico->favorites),
                                            (GCompareFunc) g_strcmp0);

      if (id != NULL)
        {
          reply_json (msg, 200, g_hash_table_contains (indico->favorites, id) ? "true" : "false");
          return;
        }
      for (GList *l = keys; l != NULL; l = l->next)
        g_string_append_printf (json, "%s\"%s\":{\"id\":%s,\"title\":\"%s\",\"friendly_id\":1}",
                                l != keys ? "," : "", (char *) l->data, (char *) l->data,
                                (char *) g_hash_table_lookup (indico->favorites, l->data));
      g_string_append (json, "}");
      reply_json (msg, 200, json->str);
      return;
    }

  indico->writes++;
  if (id == NULL || (g_strcmp0 (method, "PUT") != 0 && g_strcmp0 (method, "DELETE") != 0))
    {
      reply_json (msg, 405, "{\"error\":{\"title\":\"Method Not Allowed\"}}");
      return;
    }
  if (indico->mode == MODE_READ_ONLY)
    {
      reply_json (msg, 403, "{\"error\":{\"title\":\"insufficient_scope\"}}");
      return;
    }
  if (indico->mode == MODE_FAIL_WRITE && indico->writes == indico->fail_at)
    {
      reply_json (msg, 500, "{\"error\":{\"title\":\"Internal Server Error\"}}");
      return;
    }
  /* Contribution.get_or_404 */
  if (g_str_equal (id, "404404"))
    {
      reply_json (msg, 404, "{\"error\":{\"title\":\"Not Found\"}}");
      return;
    }
  if (g_strcmp0 (method, "PUT") == 0)
    g_hash_table_replace (indico->favorites, g_strdup (id), g_strdup ("A talk"));
  else
    g_hash_table_remove (indico->favorites, id);
  reply_json (msg, 200, "{\"success\":true}");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (inet, 0);
  g_autoptr (GError) error = NULL;
  g_autoslist (GUri) uris = NULL;
  g_autoptr (SoupSession) session = soup_session_new ();

  plenary_test_reset_dirs ();
  f->indico.favorites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->indico.body = g_string_new (NULL);
  f->indico.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->indico.server, NULL, indico_cb, &f->indico, NULL);
  soup_server_listen (f->indico.server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->indico.server);
  f->indico.base = g_uri_to_string (uris->data);

  f->sync = plenary_favorites_sync_new (session);
  g_object_set (f->sync, "use-keyring", FALSE, NULL);
  plenary_favorites_sync_set_test_token (f->sync, TOKEN);
  f->event = plenary_event_new (f->indico.base, "11");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->event);
  g_clear_object (&f->sync);
  soup_server_disconnect (f->indico.server);
  g_clear_object (&f->indico.server);
  g_free (f->indico.base);
  g_free (f->indico.last_authorization);
  g_hash_table_unref (f->indico.favorites);
  g_string_free (f->indico.body, TRUE);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
synced_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->ok = plenary_favorites_sync_sync_finish (PLENARY_FAVORITES_SYNC (object), result,
                                              &r->error);
  r->done = TRUE;
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->ok = plenary_favorites_sync_probe_finish (PLENARY_FAVORITES_SYNC (object), result,
                                               &r->error);
  r->done = TRUE;
}

/* One sync run to its end; the error, if any, is returned. */
static GError *
run_sync (Fixture *f)
{
  Result r = { 0, };

  plenary_favorites_sync_sync_async (f->sync, f->event, NULL, synced_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r.ok == (r.error == NULL));
  return r.error;
}

static char *
starred (PlenaryEvent *event)
{
  g_auto (GStrv) keys = plenary_user_data_dup_starred (plenary_event_get_user_data (event));

  return g_strjoinv (",", keys);
}

static char *
website (Fixture *f)
{
  g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (f->indico.favorites),
                                        (GCompareFunc) g_strcmp0);
  g_autoptr (GString) text = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", (char *) l->data);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_starred(f, expected) G_STMT_START { \
    g_autofree char *_s = starred ((f)->event); \
    g_assert_cmpstr (_s, ==, (expected)); \
  } G_STMT_END
#define assert_website(f, expected) G_STMT_START { \
    g_autofree char *_w = website (f); \
    g_assert_cmpstr (_w, ==, (expected)); \
  } G_STMT_END

static void
save_user_data (PlenaryEvent *event)
{
  PlenaryUserData *user = plenary_event_get_user_data (event);

  plenary_user_data_save_async (user, NULL, NULL, NULL);
  while (plenary_user_data_get_dirty (user))
    g_main_context_iteration (NULL, TRUE);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_true (plenary_user_data_load_finish (PLENARY_USER_DATA (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

/* Plenary quits and starts again: a new event object reads user.json. */
static void
restart (Fixture *f)
{
  gboolean loaded = FALSE;

  save_user_data (f->event);
  g_clear_object (&f->event);
  f->event = plenary_event_new (f->indico.base, "11");
  plenary_user_data_load_async (plenary_event_get_user_data (f->event), NULL, loaded_cb,
                                &loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
}

/* Both directions: local stars reach the account, website stars arrive, each side's later
 * change wins, and a break's star stays local. */
static void
test_two_way (Fixture       *f,
              gconstpointer  data)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gboolean failed = TRUE;

  plenary_user_data_set_starred (user, "941", TRUE);
  plenary_user_data_set_starred (user, "942", TRUE);
  plenary_user_data_set_starred (user, "b12", TRUE);
  g_hash_table_insert (f->indico.favorites, g_strdup ("950"), g_strdup ("From the website"));

  error = run_sync (f);
  g_assert_no_error (error);
  assert_starred (f, "941,942,950,b12");
  assert_website (f, "941,942,950");
  g_assert_cmpstr (plenary_user_data_get_title (user, "950"), ==, "From the website");
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 0);
  g_assert_cmpstr (f->indico.last_authorization, ==, "Bearer " TOKEN);
  status = plenary_favorites_sync_dup_status (f->sync, f->indico.base, &failed);
  g_assert_false (failed);
  g_assert_true (g_str_has_prefix (status, "Stars synced at "));

  /* Website: 941 removed, 960 added. Here: 942 removed, 970 added. */
  g_hash_table_remove (f->indico.favorites, "941");
  g_hash_table_insert (f->indico.favorites, g_strdup ("960"), g_strdup ("Later"));
  plenary_user_data_set_starred (user, "942", FALSE);
  plenary_user_data_set_starred (user, "970", TRUE);
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 2);
  error = run_sync (f);
  g_assert_no_error (error);
  assert_starred (f, "950,960,970,b12");
  assert_website (f, "950,960,970");
  /* What the website changed here is said. */
  g_clear_pointer (&status, g_free);
  status = plenary_favorites_sync_dup_status (f->sync, f->indico.base, &failed);
  g_assert_nonnull (strstr (status, "1 talk starred on the website."));
  g_assert_nonnull (strstr (status, "1 talk unstarred on the website."));

  /* A sync with nothing changed on either side sends nothing. */
  f->indico.writes = 0;
  error = run_sync (f);
  g_assert_no_error (error);
  g_assert_cmpuint (f->indico.writes, ==, 0);
}

/* Offline: changes are queued, survive a restart, and go out when the server answers. */
static void
test_offline_queue (Fixture       *f,
                    gconstpointer  data)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;

  g_hash_table_insert (f->indico.favorites, g_strdup ("941"), g_strdup ("A"));
  error = run_sync (f);
  g_assert_no_error (error);
  assert_starred (f, "941");

  f->indico.mode = MODE_DROP;
  plenary_user_data_set_starred (user, "941", FALSE);
  plenary_user_data_set_starred (user, "942", TRUE);
  g_clear_error (&error);
  error = run_sync (f);
  g_assert_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "2 star changes are kept"));
  assert_starred (f, "942");
  assert_website (f, "941");

  restart (f);
  user = plenary_event_get_user_data (f->event);
  assert_starred (f, "942");
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 2);

  f->indico.mode = MODE_NORMAL;
  error2 = run_sync (f);
  g_assert_no_error (error2);
  assert_starred (f, "942");
  assert_website (f, "942");
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 0);
}

/* An expired token: a clear message, the queue and the stars kept. */
static void
test_expired_token (Fixture       *f,
                    gconstpointer  data)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gboolean failed = FALSE;

  plenary_user_data_set_starred (user, "941", TRUE);
  g_hash_table_insert (f->indico.favorites, g_strdup ("950"), g_strdup ("B"));
  f->indico.mode = MODE_EXPIRED;
  error = run_sync (f);
  g_assert_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "may have expired"));
  g_assert_nonnull (strstr (error->message, "1 star change is kept"));
  g_assert_null (strstr (error->message, TOKEN));
  assert_starred (f, "941");
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 1);
  status = plenary_favorites_sync_dup_status (f->sync, f->indico.base, &failed);
  g_assert_true (failed);
  g_assert_cmpstr (status, ==, error->message);
}

/* A 500 in the middle of a batch: what went out is remembered, the rest stays queued and
 * goes with the next sync. */
static void
test_server_error_mid_batch (Fixture       *f,
                             gconstpointer  data)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;

  plenary_user_data_set_starred (user, "941", TRUE);
  plenary_user_data_set_starred (user, "942", TRUE);
  plenary_user_data_set_starred (user, "943", TRUE);
  f->indico.mode = MODE_FAIL_WRITE;
  f->indico.fail_at = 2;
  error = run_sync (f);
  g_assert_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "HTTP 500"));
  g_assert_nonnull (strstr (error->message, "2 star changes are kept"));
  assert_website (f, "941");
  assert_starred (f, "941,942,943");
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 2);

  restart (f);
  user = plenary_event_get_user_data (f->event);
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 2);
  f->indico.mode = MODE_NORMAL;
  error2 = run_sync (f);
  g_assert_no_error (error2);
  assert_website (f, "941,942,943");
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 0);
}

/* A token that may read but not write; a talk deleted on the server. */
static void
test_forbidden_and_gone (Fixture       *f,
                         gconstpointer  data)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;

  plenary_user_data_set_starred (user, "941", TRUE);
  f->indico.mode = MODE_READ_ONLY;
  error = run_sync (f);
  g_assert_error (error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "full:everything"));
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 1);

  /* 404404 is no longer on the server: its star stays here, the batch goes on. */
  f->indico.mode = MODE_NORMAL;
  plenary_user_data_set_starred (user, "404404", TRUE);
  error2 = run_sync (f);
  g_assert_no_error (error2);
  assert_website (f, "941");
  assert_starred (f, "404404,941");
  g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 1);
}

/* Answers that are no list of favourites change nothing here. */
static void
test_bad_answers (Fixture       *f,
                  gconstpointer  data)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  struct { Mode mode; const char *body; guint size; int code; } cases[] = {
    { MODE_LOGIN_PAGE, NULL, 0, PLENARY_FAVORITES_ERROR_NOT_JSON },
    { MODE_REDIRECT, NULL, 0, PLENARY_FAVORITES_ERROR_NOT_JSON },
    { MODE_BODY, "[941, 942]", 0, PLENARY_FAVORITES_ERROR_BAD_ANSWER },
    { MODE_BODY, "{\"error\": \"no\"}", 0, PLENARY_FAVORITES_ERROR_BAD_ANSWER },
    { MODE_BODY, "{\"941\": {\"title\": \"truncated", 0, PLENARY_FAVORITES_ERROR_BAD_ANSWER },
    { MODE_BODY, "[", 50000, PLENARY_FAVORITES_ERROR_BAD_ANSWER },        /* deep */
    { MODE_BODY, " ", 5 * 1024 * 1024, PLENARY_FAVORITES_ERROR_BAD_ANSWER }, /* huge */
  };

  /* Synced once, so a bad answer would look like "everything unstarred on the website". */
  g_hash_table_insert (f->indico.favorites, g_strdup ("941"), g_strdup ("A"));
  g_hash_table_insert (f->indico.favorites, g_strdup ("942"), g_strdup ("B"));
  g_clear_error (&(GError *) { run_sync (f) });
  assert_starred (f, "941,942");
  plenary_user_data_set_starred (user, "943", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("case %u", i);
      f->indico.mode = cases[i].mode;
      g_string_truncate (f->indico.body, 0);
      if (cases[i].body != NULL)
        {
          if (cases[i].size > 0)
            for (guint n = 0; n < cases[i].size; n++)
              g_string_append (f->indico.body, cases[i].body);
          else
            g_string_append (f->indico.body, cases[i].body);
        }
      f->indico.writes = 0;
      error = run_sync (f);
      g_assert_error (error, PLENARY_FAVORITES_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "127.0.0.1"));
      g_assert_cmpuint (f->indico.writes, ==, 0);
      assert_starred (f, "941,942,943");
      g_assert_cmpuint (plenary_favorites_sync_count_unsent (user), ==, 1);
    }
}

/* Whether the option is offered: 404 hides it, other reasons are said. */
static void
test_probe (Fixture       *f,
            gconstpointer  data)
{
  struct { const char *event_id; const char *token; int code; } cases[] = {
    { "11", TOKEN, -1 },
    { "12", TOKEN, PLENARY_FAVORITES_ERROR_NOT_AVAILABLE },  /* no endpoint: 404 */
    { "11", "indp_wrong", PLENARY_FAVORITES_ERROR_UNAUTHORIZED },
    { "11", NULL, PLENARY_FAVORITES_ERROR_NO_TOKEN },
  };
  guint requests;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result r = { 0, };

      plenary_favorites_sync_set_test_token (f->sync, cases[i].token);
      plenary_favorites_sync_probe_async (f->sync, f->indico.base, cases[i].event_id, NULL,
                                          probed_cb, &r);
      while (!r.done)
        g_main_context_iteration (NULL, TRUE);
      if (cases[i].code < 0)
        g_assert_true (r.ok);
      else
        g_assert_error (r.error, PLENARY_FAVORITES_ERROR, cases[i].code);
      g_clear_error (&r.error);
    }

  /* A server reached over plain http is never sent the token. */
  requests = f->indico.requests;
  plenary_favorites_sync_set_test_token (f->sync, TOKEN);
  {
    Result r = { 0, };

    plenary_favorites_sync_probe_async (f->sync, "http://indico.example.org/", "11", NULL,
                                        probed_cb, &r);
    while (!r.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (r.error, PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_INSECURE);
    g_clear_error (&r.error);
  }
  g_assert_cmpuint (f->indico.requests, ==, requests);
}

/* Watching: a good programme sync (notify::last-sync) syncs stars on an enabled server,
 * and a star toggled later goes out a moment after. */
static void
test_watch (Fixture       *f,
            gconstpointer  data)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  plenary_favorites_sync_watch_event (f->sync, f->event);
  plenary_user_data_set_starred (user, "941", TRUE);
  plenary_event_set_last_sync (f->event, now);
  plenary_test_iterate (200);
  /* Not enabled: nothing was asked. */
  g_assert_cmpuint (f->indico.requests, ==, 0);

  plenary_favorites_sync_set_enabled (f->sync, f->indico.base, TRUE);
  g_assert_true (plenary_favorites_sync_get_enabled (f->sync, f->indico.base));
  while (g_hash_table_size (f->indico.favorites) < 1)
    g_main_context_iteration (NULL, TRUE);
  assert_website (f, "941");

  plenary_user_data_set_starred (user, "942", TRUE);
  while (g_hash_table_size (f->indico.favorites) < 2)
    g_main_context_iteration (NULL, TRUE);
  assert_website (f, "941,942");
  plenary_favorites_sync_set_enabled (f->sync, f->indico.base, FALSE);
  g_assert_false (plenary_favorites_sync_get_enabled (f->sync, f->indico.base));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  g_log_set_writer_func (log_writer, NULL, NULL);

#define ADD(name, func) \
  g_test_add ("/favorites-sync/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("two-way", test_two_way);
  ADD ("offline-queue", test_offline_queue);
  ADD ("expired-token", test_expired_token);
  ADD ("server-error-mid-batch", test_server_error_mid_batch);
  ADD ("forbidden-and-gone", test_forbidden_and_gone);
  ADD ("bad-answers", test_bad_answers);
  ADD ("probe", test_probe);
  ADD ("watch", test_watch);
#undef ADD

  return g_test_run ();
}
