/* plenary-indico-client.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The protocol, in one place: the endpoints of an event, the headers of every request, the
 * redirect and Authorization policy and what an answer means. It holds no state and sends
 * nothing itself: the sync service, the favourites sync, short-link resolution and --check
 * send through their own sessions and loops, and ask here what to send and what they got.
 */

#include "config.h"

#include <string.h>

#include "util/plenary-json.h"
#include "util/plenary-text.h"
#include "plenary-event-url.h"
#include "plenary-indico-client.h"

#define USER_AGENT      "Plenary/" PACKAGE_VERSION " (+https://github.com/plenary/plenary)"
#define RETRY_AFTER_MAX (24 * 60 * 60)
/* A token piece this long is never shown, logged or sent back. */
#define TOKEN_PIECE_MIN 8

static const PlenaryIndicoEndpoint endpoints[PLENARY_INDICO_N_PARTS] = {
  [PLENARY_INDICO_PART_TIMETABLE] = {
    "timetable", "export/timetable/{id}.json", NULL, FALSE, TRUE, FALSE,
    PLENARY_INDICO_TIMETABLE_FILE,
  },
  [PLENARY_INDICO_PART_EVENT] = {
    "event", "export/event/{id}.json", "detail=contributions", TRUE, TRUE, FALSE,
    PLENARY_INDICO_EVENT_FILE,
  },
  /* Servers before Indico 3.3.9 answer 404, and a token without read:everything may not
   * see it. */
  [PLENARY_INDICO_PART_PROGRAM] = {
    "program", "event/{id}/program.json", NULL, FALSE, FALSE, TRUE,
    PLENARY_INDICO_PROGRAM_FILE,
  },
};

const PlenaryIndicoEndpoint *
plenary_indico_client_get_endpoint (PlenaryIndicoPart part)
{
  g_return_val_if_fail (part < PLENARY_INDICO_N_PARTS, NULL);
  return &endpoints[part];
}

char *
plenary_indico_client_build_url (PlenaryIndicoPart  part,
                                 const char        *server_base,
                                 const char        *event_id,
                                 const char        *zone,
                                 gboolean           nocache)
{
  const PlenaryIndicoEndpoint *endpoint = plenary_indico_client_get_endpoint (part);
  const char *id_at;
  GString *url;
  char separator = '?';

  g_return_val_if_fail (endpoint != NULL && server_base != NULL && event_id != NULL, NULL);

  id_at = strstr (endpoint->path, "{id}");
  url = g_string_new (server_base);
  g_string_append_len (url, endpoint->path, id_at - endpoint->path);
  g_string_append (url, event_id);
  g_string_append (url, id_at + strlen ("{id}"));
  if (endpoint->query != NULL)
    {
      g_string_append_c (url, separator);
      g_string_append (url, endpoint->query);
      separator = '&';
    }
  if (endpoint->zoned)
    {
      g_string_append_c (url, separator);
      g_string_append (url, "tz=");
      g_string_append_uri_escaped (url, zone != NULL ? zone : "UTC", NULL, FALSE);
      separator = '&';
    }
  if (endpoint->cached && nocache)
    {
      g_string_append_c (url, separator);
      g_string_append (url, "nc=yes");
    }
  return g_string_free (url, FALSE);
}

const char *
plenary_indico_client_get_user_agent (void)
{
  return USER_AGENT;
}

SoupSession *
plenary_indico_client_new_session (void)
{
  SoupSession *session = soup_session_new_with_options ("timeout", 30,
                                                        "user-agent", USER_AGENT,
                                                        NULL);

  soup_session_remove_feature_by_type (session, SOUP_TYPE_COOKIE_JAR);
  soup_session_remove_feature_by_type (session, SOUP_TYPE_AUTH_MANAGER);
  return session;
}

SoupMessage *
plenary_indico_client_new_message (const char *method,
                                   GUri       *uri,
                                   gboolean    json,
                                   const char *token)
{
  SoupMessage *msg;
  SoupMessageHeaders *headers;

  g_return_val_if_fail (method != NULL && uri != NULL, NULL);

  msg = soup_message_new_from_uri (method, uri);
  /* Redirects are the caller's, deciding about the token for each hop. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (msg);
  if (json)
    {
      soup_message_headers_replace (headers, "Accept", "application/json");
      soup_message_headers_replace (headers, "X-Requested-With", "XMLHttpRequest");
    }
  soup_message_headers_replace (headers, "User-Agent", USER_AGENT);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
      memset (value, 0, strlen (value));
    }
  return msg;
}

gboolean
plenary_indico_client_same_origin (const char *server_base,
                                   GUri       *uri)
{
  g_autofree char *url = g_uri_to_string (uri);
  g_autofree char *origin = plenary_event_url_get_origin (url);
  g_autofree char *token_origin = plenary_event_url_get_origin (server_base);

  return origin != NULL && g_strcmp0 (origin, token_origin) == 0;
}

gboolean
plenary_indico_client_may_send_token (const char *server_base,
                                      GUri       *uri,
                                      gboolean    left_origin)
{
  g_autofree char *url = NULL;

  if (left_origin || server_base == NULL || uri == NULL)
    return FALSE;
  url = g_uri_to_string (uri);
  return plenary_indico_client_same_origin (server_base, uri)
         && plenary_event_url_is_secure (url);
}

GUri *
plenary_indico_client_get_location (SoupMessage *msg,
                                    GUri        *uri)
{
  const char *location =
    soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");

  if (location == NULL)
    return NULL;
  return g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL);
}

GUri *
plenary_indico_client_follow_redirect (SoupMessage *msg,
                                       GUri        *uri,
                                       const char  *server_base,
                                       guint       *hops,
                                       gboolean    *left_origin)
{
  g_autoptr (GUri) target = NULL;

  g_return_val_if_fail (hops != NULL, NULL);

  if ((*hops)++ >= PLENARY_INDICO_MAX_REDIRECTS)
    return NULL;
  target = plenary_indico_client_get_location (msg, uri);
  if (target == NULL || (g_strcmp0 (g_uri_get_scheme (target), "https") != 0
                         && g_strcmp0 (g_uri_get_scheme (target), "http") != 0))
    return NULL;
  if (left_origin != NULL && server_base != NULL
      && !plenary_indico_client_same_origin (server_base, target))
    *left_origin = TRUE;
  return g_steal_pointer (&target);
}

/* Answers */

static gint64
parse_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &seconds, NULL))
    return MIN ((gint64) seconds, RETRY_AFTER_MAX);
  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return CLAMP (g_date_time_difference (date, now) / G_TIME_SPAN_SECOND, 0, RETRY_AFTER_MAX);
}

static gboolean
body_looks_like_html (GBytes *body)
{
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;

  for (gsize i = 0; data != NULL && i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return data[i] == '<';
  return FALSE;
}

/* Indico's error bodies: {"message": …} from /export, {"error": {"message": …}} elsewhere.
 * Read with the bounded reader; the text is cut, cleaned of bidi controls and of the token. */
static char *
indico_message (GBytes     *body,
                const char *token)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  g_autoptr (GString) clean = NULL;
  const PlenaryJsonNode *object;
  const PlenaryJsonNode *node;
  const char *text = NULL;
  guint n_chars = 0;
  gsize length;
  const char *data;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &length);
  if (length == 0 || length > 64 * 1024)
    return NULL;
  document = plenary_json_document_parse (data, length, PLENARY_JSON_MAX_DEPTH, NULL, NULL);
  if (document == NULL)
    return NULL;
  object = plenary_json_node_get_object (plenary_json_document_get_root (document));
  if (object == NULL)
    return NULL;
  node = plenary_json_object_get_member (object, "error");
  if (plenary_json_node_get_object (node) != NULL)
    object = node;
  else
    text = plenary_json_node_get_string (node);
  if (text == NULL)
    text = plenary_json_node_get_string (plenary_json_object_get_member (object, "message"));
  if (text == NULL)
    text = plenary_json_node_get_string (plenary_json_object_get_member (object, "title"));
  if (text == NULL)
    return NULL;

  /* Data, not layout: no control characters, no bidi overrides or isolates. */
  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && n_chars < 300; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (plenary_text_is_bidi_control (c))
        continue;
      g_string_append_unichar (clean, g_unichar_iscntrl (c) ? ' ' : c);
      n_chars++;
    }
  return plenary_indico_client_scrub_token (clean->str, token);
}

PlenaryIndicoAnswer
plenary_indico_client_classify (SoupMessage  *msg,
                                GBytes       *body,
                                const char   *token,
                                char        **message,
                                gint64       *retry_after)
{
  guint status = soup_message_get_status (msg);
  /* Indico's text only explains an error (and tells an OAuth 400): a usable answer, or one
   * whose text nobody asked for, is not parsed a second time here. */
  g_autofree char *text = !SOUP_STATUS_IS_SUCCESSFUL (status)
                          && (message != NULL || status == SOUP_STATUS_BAD_REQUEST)
                          ? indico_message (body, token) : NULL;
  PlenaryIndicoAnswer answer;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *type =
        soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);

      if ((type != NULL && (g_ascii_strcasecmp (type, "application/json") == 0
                            || g_str_has_suffix (type, "+json")))
          || (type == NULL && !body_looks_like_html (body)))
        answer = PLENARY_INDICO_ANSWER_JSON;
      else
        answer = PLENARY_INDICO_ANSWER_WEB_PAGE;
    }
  else if (SOUP_STATUS_IS_REDIRECTION (status))
    answer = PLENARY_INDICO_ANSWER_REDIRECT;
  else if (status == SOUP_STATUS_BAD_REQUEST
           && ((text != NULL && strstr (text, "OAuth") != NULL)
               || (body != NULL && g_strstr_len (g_bytes_get_data (body, NULL),
                                                 g_bytes_get_size (body), "OAuth error") != NULL)))
    answer = PLENARY_INDICO_ANSWER_OAUTH;
  else if (status == SOUP_STATUS_UNAUTHORIZED)
    answer = PLENARY_INDICO_ANSWER_UNAUTHORIZED;
  else if (status == SOUP_STATUS_FORBIDDEN)
    answer = PLENARY_INDICO_ANSWER_FORBIDDEN;
  else if (status == SOUP_STATUS_NOT_FOUND)
    answer = PLENARY_INDICO_ANSWER_NOT_FOUND;
  else if (status == 429) /* Too Many Requests; libsoup has no name for it */
    answer = PLENARY_INDICO_ANSWER_RATE_LIMITED;
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    answer = PLENARY_INDICO_ANSWER_SERVER;
  else
    answer = PLENARY_INDICO_ANSWER_OTHER;

  if (retry_after != NULL && (status == 429 || status == SOUP_STATUS_SERVICE_UNAVAILABLE))
    *retry_after = parse_retry_after (msg);
  if (message != NULL)
    *message = g_steal_pointer (&text);
  return answer;
}

gboolean
plenary_indico_client_body_is_short (SoupMessage *msg,
                                     gsize        length)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

  return soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
         && soup_message_headers_get_one (headers, "Content-Encoding") == NULL
         && (guint64) soup_message_headers_get_content_length (headers) > (guint64) length;
}

char *
plenary_indico_client_scrub_token (const char *text,
                                   const char *token)
{
  g_autoptr (GString) out = NULL;
  gsize token_length;
  gsize length;

  if (text == NULL)
    return NULL;
  if (token == NULL || (token_length = strlen (token)) < TOKEN_PIECE_MIN)
    return g_strdup (text);

  length = strlen (text);
  out = g_string_sized_new (length);
  for (gsize i = 0; i < length; )
    {
      gsize longest = 0;

      for (gsize j = 0; j + TOKEN_PIECE_MIN <= token_length; j++)
        {
          gsize k = 0;

          while (i + k < length && j + k < token_length && text[i + k] == token[j + k])
            k++;
          longest = MAX (longest, k);
        }
      if (longest >= TOKEN_PIECE_MIN)
        {
          g_string_append (out, "\u2026");
          i += longest;
        }
      else
        g_string_append_c (out, text[i++]);
    }
  /* A cut may split a multi-byte character of the server's text. */
  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
