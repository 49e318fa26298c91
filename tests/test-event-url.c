/* test-event-url.c: Indico event links → server base + event id
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "indico/plenary-event-url.h"
#include "indico/plenary-indico-client.h"
#include "plenary-test-util.h"

static void
test_parse_links (void)
{
  static const struct { const char *url, *base, *id; } cases[] = {
    { "https://lpc.events/event/19/", "https://lpc.events/", "19" },
    { "https://lpc.events/event/19", "https://lpc.events/", "19" },
    { "https://lpc.events/event/19/timetable/#20251211", "https://lpc.events/", "19" },
    { "https://lpc.events/event/19/contributions/2171/", "https://lpc.events/", "19" },
    { "https://lpc.events/event/19/overview", "https://lpc.events/", "19" },
    { "https://lpc.events/event/19/timetable/?view=standard", "https://lpc.events/", "19" },
    { "http://127.0.0.1:8080/event/11/", "http://127.0.0.1:8080/", "11" },
    { "https://host.example/indico/event/5/", "https://host.example/indico/", "5" },
    { "https://host.example/a/b/event/5/sessions/3/", "https://host.example/a/b/", "5" },
    { "  https://LPC.Events:443/event/19/\n", "https://lpc.events/", "19" },
    { "lpc.events/event/19/", "https://lpc.events/", "19" },
    { "localhost:8000/event/7", "https://localhost:8000/", "7" },
    { "http://[::1]:8000/event/7/", "http://[::1]:8000/", "7" },
    { "https://indico.cern.ch/event/1291157/timetable/", "https://indico.cern.ch/", "1291157" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *id = NULL;
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", cases[i].url);
      g_assert_true (plenary_event_url_parse (cases[i].url, &base, &id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (base, ==, cases[i].base);
      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_parse_rejects (void)
{
  static const struct { const char *url; int code; } cases[] = {
    { "", PLENARY_EVENT_URL_ERROR_INVALID },
    { "   ", PLENARY_EVENT_URL_ERROR_INVALID },
    { "ftp://lpc.events/event/19/", PLENARY_EVENT_URL_ERROR_SCHEME },
    { "file:///event/19/", PLENARY_EVENT_URL_ERROR_SCHEME },
    { "javascript:alert(1)", PLENARY_EVENT_URL_ERROR_SCHEME },
    { "mailto:someone@lpc.events", PLENARY_EVENT_URL_ERROR_SCHEME },
    { "https://lpc.events/", PLENARY_EVENT_URL_ERROR_NOT_EVENT },
    { "https://lpc.events/category/2/", PLENARY_EVENT_URL_ERROR_NOT_EVENT },
    { "https://lpc.events/event/../../etc/", PLENARY_EVENT_URL_ERROR_NOT_EVENT },
    { "https://lpc.events/event/%2e%2e/", PLENARY_EVENT_URL_ERROR_NOT_EVENT },
    { "https:///event/19/", PLENARY_EVENT_URL_ERROR_INVALID },
    { "https://indico.cern.ch/e/ichep2024", PLENARY_EVENT_URL_ERROR_SHORT_LINK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *id = NULL;
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", cases[i].url);
      g_assert_false (plenary_event_url_parse (cases[i].url, &base, &id, &error));
      g_assert_error (error, PLENARY_EVENT_URL_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
      g_assert_null (base);
      g_assert_null (id);
    }

  g_assert_true (plenary_event_url_is_short_link ("https://indico.cern.ch/e/ichep2024"));
  g_assert_false (plenary_event_url_is_short_link ("https://indico.cern.ch/event/1/"));
}

static void
test_secure (void)
{
  g_assert_true (plenary_event_url_is_secure ("https://lpc.events/"));
  g_assert_true (plenary_event_url_is_secure ("http://127.0.0.1:8080/"));
  g_assert_true (plenary_event_url_is_secure ("http://127.0.0.2/"));
  g_assert_true (plenary_event_url_is_secure ("http://[::1]:80/"));
  g_assert_true (plenary_event_url_is_secure ("http://localhost/"));
  g_assert_false (plenary_event_url_is_secure ("http://lpc.events/"));
  g_assert_false (plenary_event_url_is_secure ("http://10.0.0.1/"));
  g_assert_false (plenary_event_url_is_secure ("http://128.0.0.1/"));

  {
    g_autofree char *origin = plenary_event_url_get_origin ("https://LPC.events:443/x/event/1/");
    g_assert_cmpstr (origin, ==, "https://lpc.events/");
  }
}

/* The resolver, against a server that redirects short links as Indico does. */

typedef struct
{
  guint     requests;
  gboolean  followed;
  char     *user_agent;   /* of the last request */
  char     *accept;
} ServerState;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ServerState *state = user_data;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);

  state->requests++;
  g_free (state->user_agent);
  state->user_agent = g_strdup (soup_message_headers_get_one (in, "User-Agent"));
  g_free (state->accept);
  state->accept = g_strdup (soup_message_headers_get_one (in, "Accept"));
  if (g_str_equal (path, "/e/ichep2024"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/indico/event/1291157/");
  else if (g_str_equal (path, "/e/hop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/e/ichep2024");
  else if (g_str_equal (path, "/e/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/e/loop");
  else if (g_str_equal (path, "/e/elsewhere"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/category/3/");
  else if (g_str_has_prefix (path, "/indico/event/"))
    {
      state->followed = TRUE;
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *base;
  char     *id;
  GError   *error;
} ResolveResult;

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ResolveResult *r = user_data;

  r->ok = plenary_event_url_resolve_finish (result, &r->base, &r->id, &r->error);
  r->done = TRUE;
}

static void
resolve (const char    *url,
         ResolveResult *r)
{
  plenary_event_url_resolve_async (NULL, url, NULL, resolved_cb, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_resolve (void)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoslist (GUri) uris = NULL;
  g_autofree char *root = NULL;
  ServerState state = { 0, };

  soup_server_add_handler (server, NULL, server_cb, &state, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  root = g_uri_to_string (uris->data);
  g_assert_true (g_str_has_suffix (root, "/"));

  {
    g_autofree char *url = g_strconcat (root, "e/ichep2024", NULL);
    g_autofree char *expected = g_strconcat (root, "indico/", NULL);
    ResolveResult r = { 0, };

    resolve (url, &r);
    g_assert_no_error (r.error);
    g_assert_true (r.ok);
    g_assert_cmpstr (r.base, ==, expected);
    g_assert_cmpstr (r.id, ==, "1291157");
    /* Location was read, the target never fetched. */
    g_assert_false (state.followed);
    g_assert_cmpuint (state.requests, ==, 1);
    /* Asked as the Indico client asks: its User-Agent; a page, not the API. */
    g_assert_cmpstr (state.user_agent, ==, plenary_indico_client_get_user_agent ());
    g_assert_null (state.accept);
    g_free (r.base);
    g_free (r.id);
  }

  {
    g_autofree char *url = g_strconcat (root, "e/hop", NULL);
    ResolveResult r = { 0, };

    resolve (url, &r);
    g_assert_no_error (r.error);
    g_assert_cmpstr (r.id, ==, "1291157");
    g_assert_false (state.followed);
    g_free (r.base);
    g_free (r.id);
  }

  {
    g_autofree char *url = g_strconcat (root, "event/42/timetable/", NULL);
    g_autofree char *expected = g_strdup (root);
    ResolveResult r = { 0, };
    guint before = state.requests;

    /* A full link needs no request at all. */
    resolve (url, &r);
    g_assert_no_error (r.error);
    g_assert_cmpstr (r.base, ==, expected);
    g_assert_cmpstr (r.id, ==, "42");
    g_assert_cmpuint (state.requests, ==, before);
    g_free (r.base);
    g_free (r.id);
  }

  {
    static const char *bad[] = { "e/unknown", "e/loop", "e/elsewhere" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *url = g_strconcat (root, bad[i], NULL);
        ResolveResult r = { 0, };

        resolve (url, &r);
        g_assert_false (r.ok);
        g_assert_error (r.error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE);
        g_assert_null (r.base);
        g_clear_error (&r.error);
      }
  }

  {
    ResolveResult r = { 0, };

    resolve ("gopher://example.org/e/x", &r);
    g_assert_error (r.error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_SCHEME);
    g_clear_error (&r.error);
  }

  /* A loop stops after PLENARY_INDICO_MAX_REDIRECTS requests (the first one included). */
  {
    g_autofree char *url = g_strconcat (root, "e/loop", NULL);
    ResolveResult r = { 0, };
    guint before = state.requests;

    resolve (url, &r);
    g_assert_error (r.error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE);
    g_assert_cmpuint (state.requests - before, ==, PLENARY_INDICO_MAX_REDIRECTS);
    g_clear_error (&r.error);
  }

  g_free (state.user_agent);
  g_free (state.accept);
}

/* The server base an event export names, for a folder whose events.json is lost. */
static void
test_event_export_base (void)
{
  g_autofree char *path = plenary_test_data_path ("lpc2021/export-event-11-contributions.json");
  g_autoptr (GBytes) export = plenary_test_load_bytes (path);
  gsize length;
  const char *data = g_bytes_get_data (export, &length);
  g_autofree char *base = plenary_event_url_from_event_export (data, length);
  static const char *others[] = {
    "{\"results\":[{\"url\":\"https://indico.example.org/prefix/event/7/\"}]}",
    "{\"results\":[{\"url\":\"https://indico.example.org/\"}]}",
    "{\"results\":[]}",
    "{\"results\":[{\"url\":5}]}",
    "{\"results\":",
    "",
  };
  static const char *bases[] = { "https://indico.example.org/prefix/", NULL, NULL, NULL, NULL,
                                 NULL };

  g_assert_cmpstr (base, ==, "https://lpc.events/");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *other = plenary_event_url_from_event_export (others[i],
                                                                      strlen (others[i]));

      g_assert_cmpstr (other, ==, bases[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/event-url/parse", test_parse_links);
  g_test_add_func ("/event-url/reject", test_parse_rejects);
  g_test_add_func ("/event-url/secure", test_secure);
  g_test_add_func ("/event-url/resolve", test_resolve);
  g_test_add_func ("/event-url/from-event-export", test_event_export_base);

  return g_test_run ();
}
