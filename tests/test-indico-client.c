/* test-indico-client.c: the Indico client's table, headers, policies and answer classes
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "indico/plenary-indico-client.h"
#include "plenary-test-server.h"
#include "plenary-test-util.h"

static void
test_endpoints (void)
{
  static const struct
  {
    PlenaryIndicoPart  part;
    const char        *name;
    const char        *file_name;
    gboolean           optional;
  } expected[] = {
    { PLENARY_INDICO_PART_TIMETABLE, "timetable", "timetable.json", FALSE },
    { PLENARY_INDICO_PART_EVENT, "event", "event.json", FALSE },
    { PLENARY_INDICO_PART_PROGRAM, "program", "program.json", TRUE },
  };

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, PLENARY_INDICO_N_PARTS);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PlenaryIndicoEndpoint *endpoint =
        plenary_indico_client_get_endpoint (expected[i].part);

      g_assert_cmpstr (endpoint->name, ==, expected[i].name);
      g_assert_cmpstr (endpoint->file_name, ==, expected[i].file_name);
      g_assert_cmpint (endpoint->optional, ==, expected[i].optional);
    }
}

static void
test_urls (void)
{
  static const struct
  {
    PlenaryIndicoPart  part;
    const char        *zone;
    gboolean           nocache;
    const char        *url;
  } cases[] = {
    { PLENARY_INDICO_PART_TIMETABLE, NULL, FALSE,
      "https://indico.example.org/prefix/export/timetable/11.json" },
    { PLENARY_INDICO_PART_TIMETABLE, "Europe/Zurich", TRUE,
      "https://indico.example.org/prefix/export/timetable/11.json?nc=yes" },
    { PLENARY_INDICO_PART_EVENT, "America/New_York", FALSE,
      "https://indico.example.org/prefix/export/event/11.json"
      "?detail=contributions&tz=America%2FNew_York" },
    { PLENARY_INDICO_PART_EVENT, NULL, TRUE,
      "https://indico.example.org/prefix/export/event/11.json"
      "?detail=contributions&tz=UTC&nc=yes" },
    /* Not cached by Indico: never nc=yes. */
    { PLENARY_INDICO_PART_PROGRAM, "Europe/Zurich", TRUE,
      "https://indico.example.org/prefix/event/11/program.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = plenary_indico_client_build_url (cases[i].part,
                                                              "https://indico.example.org/prefix/",
                                                              "11", cases[i].zone,
                                                              cases[i].nocache);

      g_assert_cmpstr (url, ==, cases[i].url);
    }
}

static void
test_headers (void)
{
  g_autoptr (GUri) uri = g_uri_parse ("https://indico.example.org/event/11/program.json",
                                      SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr (SoupMessage) api = plenary_indico_client_new_message (SOUP_METHOD_GET, uri, TRUE,
                                                                   "indp_secret");
  g_autoptr (SoupMessage) plain = plenary_indico_client_new_message (SOUP_METHOD_GET, uri,
                                                                     FALSE, NULL);
  g_autoptr (SoupSession) session = plenary_indico_client_new_session ();
  SoupMessageHeaders *headers;

  g_assert_cmpstr (plenary_indico_client_get_user_agent (), ==,
                   "Plenary/" PACKAGE_VERSION " (+https://github.com/plenary/plenary)");
  g_assert_cmpstr (soup_session_get_user_agent (session), ==,
                   plenary_indico_client_get_user_agent ());
  g_assert_cmpuint (soup_session_get_timeout (session), ==, 30);
  g_assert_null (soup_session_get_feature (session, SOUP_TYPE_COOKIE_JAR));
  g_assert_null (soup_session_get_feature (session, SOUP_TYPE_AUTH_MANAGER));

  headers = soup_message_get_request_headers (api);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Accept"), ==, "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Requested-With"), ==,
                   "XMLHttpRequest");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "User-Agent"), ==,
                   plenary_indico_client_get_user_agent ());
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Authorization"), ==,
                   "Bearer indp_secret");
  g_assert_true (soup_message_query_flags (api, SOUP_MESSAGE_NO_REDIRECT));

  headers = soup_message_get_request_headers (plain);
  g_assert_null (soup_message_headers_get_one (headers, "Accept"));
  g_assert_null (soup_message_headers_get_one (headers, "X-Requested-With"));
  g_assert_null (soup_message_headers_get_one (headers, "Authorization"));
  g_assert_cmpstr (soup_message_headers_get_one (headers, "User-Agent"), ==,
                   plenary_indico_client_get_user_agent ());
  g_assert_true (soup_message_query_flags (plain, SOUP_MESSAGE_NO_REDIRECT));
}

static gboolean
may_send (const char *server_base,
          const char *url,
          gboolean    left_origin)
{
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  return plenary_indico_client_may_send_token (server_base, uri, left_origin);
}

static void
test_token_policy (void)
{
  g_assert_true (may_send ("https://indico.example.org/", "https://indico.example.org/x", FALSE));
  g_assert_true (may_send ("https://indico.example.org/prefix/",
                           "https://INDICO.example.org:443/other/path", FALSE));
  /* Loopback may be plain http (the test servers); nothing else may. */
  g_assert_true (may_send ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/x", FALSE));
  g_assert_false (may_send ("http://indico.example.org/", "http://indico.example.org/x", FALSE));
  /* Another origin: host, port or scheme. */
  g_assert_false (may_send ("https://indico.example.org/", "https://evil.example.org/x", FALSE));
  g_assert_false (may_send ("https://indico.example.org/", "https://indico.example.org:8443/",
                            FALSE));
  g_assert_false (may_send ("http://127.0.0.1:8080/", "http://127.0.0.1:8081/x", FALSE));
  /* Back on the origin after a hop elsewhere: still not. */
  g_assert_false (may_send ("https://indico.example.org/", "https://indico.example.org/x", TRUE));
  g_assert_false (may_send (NULL, "https://indico.example.org/x", FALSE));
}

typedef struct
{
  GBytes *body;
  GError *error;
  gboolean done;
} Sent;

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Sent *sent = user_data;

  sent->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &sent->error);
  sent->done = TRUE;
}

/* One GET through the client, answered by @server. */
static SoupMessage *
get (SoupSession  *session,
     TestServer   *server,
     const char   *path,
     GBytes      **body)
{
  g_autofree char *url = g_strconcat (server->base, path + 1, NULL);
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  SoupMessage *msg = plenary_indico_client_new_message (SOUP_METHOD_GET, uri, TRUE, NULL);
  Sent sent = { 0, };

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &sent);
  while (!sent.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (sent.error);
  *body = sent.body;
  return msg;
}

static void
test_classify (void)
{
  static const struct
  {
    guint                status;
    const char          *type;
    const char          *body;
    const char          *header_name;
    const char          *header_value;
    PlenaryIndicoAnswer  answer;
    const char          *message;
    gint64               retry_after;
  } cases[] = {
    { 200, "application/json", "{}", NULL, NULL, PLENARY_INDICO_ANSWER_JSON, NULL, -1 },
    { 200, "application/vnd.indico+json", "{}", NULL, NULL, PLENARY_INDICO_ANSWER_JSON, NULL,
      -1 },
    { 200, "text/html", "<html>Log in</html>", NULL, NULL, PLENARY_INDICO_ANSWER_WEB_PAGE, NULL,
      -1 },
    { 302, NULL, NULL, "Location", "/login/", PLENARY_INDICO_ANSWER_REDIRECT, NULL, -1 },
    { 400, "application/json", "{\"error\":\"OAuth error: invalid_token\"}", NULL, NULL,
      PLENARY_INDICO_ANSWER_OAUTH, "OAuth error: invalid_token", -1 },
    { 400, "application/json", "{\"message\":\"Bad timezone: Mars\"}", NULL, NULL,
      PLENARY_INDICO_ANSWER_OTHER, "Bad timezone: Mars", -1 },
    { 401, "application/json", "{}", NULL, NULL, PLENARY_INDICO_ANSWER_UNAUTHORIZED, NULL, -1 },
    { 403, "application/json", "{\"error\":{\"message\":\"Access \u202e\u2066denied\u2069\"}}",
      NULL, NULL, PLENARY_INDICO_ANSWER_FORBIDDEN, "Access denied", -1 },
    { 404, "application/json", "{\"error\":{\"title\":\"Not Found\"}}", NULL, NULL,
      PLENARY_INDICO_ANSWER_NOT_FOUND, "Not Found", -1 },
    { 429, "application/json", "{}", "Retry-After", "120", PLENARY_INDICO_ANSWER_RATE_LIMITED,
      NULL, 120 },
    { 503, "text/plain", "down", "Retry-After", "99999999", PLENARY_INDICO_ANSWER_SERVER, NULL,
      24 * 60 * 60 },
    { 500, "text/plain", "oops", "Retry-After", "60", PLENARY_INDICO_ANSWER_SERVER, NULL, -1 },
    { 418, "application/json", "{\"message\":\"I am a teapot\"}", NULL, NULL,
      PLENARY_INDICO_ANSWER_OTHER, "I am a teapot", -1 },
  };
  g_autoptr (TestServer) server = test_server_new ("127.0.0.1");
  g_autoptr (SoupSession) session = plenary_indico_client_new_session ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) reply = cases[i].body != NULL
                                 ? g_bytes_new_static (cases[i].body, strlen (cases[i].body))
                                 : NULL;
      g_autoptr (SoupMessage) msg = NULL;
      g_autoptr (GBytes) body = NULL;
      g_autofree char *message = NULL;
      gint64 retry_after = -1;

      g_test_message ("HTTP %u %s", cases[i].status, cases[i].body);
      test_server_reply (server, "/answer", cases[i].status, cases[i].type, reply,
                         cases[i].header_name, cases[i].header_value, TEST_REPLY_NORMAL);
      msg = get (session, server, "/answer", &body);
      g_assert_cmpuint (soup_message_get_status (msg), ==, cases[i].status);
      g_assert_cmpint (plenary_indico_client_classify (msg, body, NULL, &message, &retry_after),
                       ==, cases[i].answer);
      g_assert_cmpstr (message, ==, cases[i].message);
      g_assert_cmpint (retry_after, ==, cases[i].retry_after);
      g_assert_false (plenary_indico_client_body_is_short (msg, g_bytes_get_size (body)));
      /* The client never follows a redirect itself. */
      g_assert_cmpuint (test_server_count (server, "/login/"), ==, 0);
    }

  /* The token never comes back in Indico's text. */
  {
    const char *text = "{\"message\":\"Token indp_0123456789abcdef is not valid\"}";
    g_autoptr (GBytes) reply = g_bytes_new_static (text, strlen (text));
    g_autoptr (SoupMessage) msg = NULL;
    g_autoptr (GBytes) body = NULL;
    g_autofree char *message = NULL;

    test_server_reply (server, "/answer", 403, "application/json", reply, NULL, NULL,
                       TEST_REPLY_NORMAL);
    msg = get (session, server, "/answer", &body);
    g_assert_cmpint (plenary_indico_client_classify (msg, body, "indp_0123456789abcdef",
                                                     &message, NULL),
                     ==, PLENARY_INDICO_ANSWER_FORBIDDEN);
    g_assert_cmpstr (message, ==, "Token \u2026 is not valid");
  }

  /* The client's headers, as the server saw them. */
  {
    TestRequest *request = test_server_last (server, "/answer");

    g_assert_cmpstr (request->user_agent, ==, plenary_indico_client_get_user_agent ());
    g_assert_cmpstr (request->accept, ==, "application/json");
    g_assert_cmpstr (request->requested_with, ==, "XMLHttpRequest");
    g_assert_null (request->authorization);
    g_assert_null (request->cookie);
  }
}

static GUri *
redirect (TestServer  *server,
          SoupSession *session,
          const char  *location,
          const char  *server_base,
          guint       *hops,
          gboolean    *left_origin)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autofree char *url = g_strconcat (server->base, "from/here", NULL);
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  test_server_reply (server, "/from/here", 302, NULL, NULL, "Location", location,
                     TEST_REPLY_NORMAL);
  msg = get (session, server, "/from/here", &body);
  return plenary_indico_client_follow_redirect (msg, uri, server_base, hops, left_origin);
}

static void
test_redirects (void)
{
  g_autoptr (TestServer) server = test_server_new ("127.0.0.1");
  g_autoptr (SoupSession) session = plenary_indico_client_new_session ();
  gboolean left_origin = FALSE;
  guint hops = 0;

  /* Relative, same origin: followed, the token may still go. */
  {
    g_autoptr (GUri) target = redirect (server, session, "/moved/timetable.json", server->base,
                                        &hops, &left_origin);
    g_autofree char *url = g_uri_to_string (target);
    g_autofree char *expected = g_strconcat (server->base, "moved/timetable.json", NULL);

    g_assert_cmpstr (url, ==, expected);
    g_assert_false (left_origin);
    g_assert_cmpuint (hops, ==, 1);
    g_assert_true (plenary_indico_client_may_send_token (server->base, target, left_origin));
  }

  /* Elsewhere: followed, and the chain has left the origin for good. */
  {
    g_autoptr (GUri) target = redirect (server, session, "https://elsewhere.example.org/x",
                                        server->base, &hops, &left_origin);

    g_assert_nonnull (target);
    g_assert_true (left_origin);
    g_assert_cmpuint (hops, ==, 2);
  }
  {
    g_autoptr (GUri) target = redirect (server, session, "/back", server->base, &hops,
                                        &left_origin);

    g_assert_nonnull (target);
    g_assert_true (left_origin);
    g_assert_false (plenary_indico_client_may_send_token (server->base, target, left_origin));
  }

  /* Not a web address, or no Location at all: not followed. */
  hops = 0;
  g_assert_null (redirect (server, session, "ftp://example.org/x", server->base, &hops, NULL));
  g_assert_null (redirect (server, session, "javascript:alert(1)", NULL, &hops, NULL));

  /* At most PLENARY_INDICO_MAX_REDIRECTS hops. */
  hops = 0;
  for (guint i = 0; i < PLENARY_INDICO_MAX_REDIRECTS; i++)
    {
      g_autoptr (GUri) target = redirect (server, session, "/loop", NULL, &hops, NULL);

      g_assert_nonnull (target);
    }
  g_assert_null (redirect (server, session, "/loop", NULL, &hops, NULL));
}

static void
test_scrub_token (void)
{
  static const char *token = "indp_0123456789abcdef";
  g_autofree char *whole = plenary_indico_client_scrub_token ("got indp_0123456789abcdef!", token);
  g_autofree char *piece = plenary_indico_client_scrub_token ("got 456789abcd!", token);
  g_autofree char *short_piece = plenary_indico_client_scrub_token ("got 4567!", token);
  g_autofree char *no_token = plenary_indico_client_scrub_token ("got it", NULL);

  g_assert_cmpstr (whole, ==, "got \u2026!");
  g_assert_cmpstr (piece, ==, "got \u2026!");
  g_assert_cmpstr (short_piece, ==, "got 4567!");
  g_assert_cmpstr (no_token, ==, "got it");
  g_assert_null (plenary_indico_client_scrub_token (NULL, token));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/indico-client/endpoints", test_endpoints);
  g_test_add_func ("/indico-client/urls", test_urls);
  g_test_add_func ("/indico-client/headers", test_headers);
  g_test_add_func ("/indico-client/token-policy", test_token_policy);
  g_test_add_func ("/indico-client/classify", test_classify);
  g_test_add_func ("/indico-client/redirects", test_redirects);
  g_test_add_func ("/indico-client/scrub-token", test_scrub_token);

  return g_test_run ();
}
