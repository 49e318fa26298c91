/* plenary-event-url.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "util/plenary-json.h"
#include "plenary-event-url.h"
#include "plenary-indico-client.h"

G_DEFINE_QUARK (plenary-event-url-error-quark, plenary_event_url_error)

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  /* The id also names a directory on disk: keep it to characters that cannot escape one. */
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* Adds "https://" to links pasted without a scheme ("lpc.events/event/19"), but leaves
 * "mailto:…" or "ftp://…" alone so that they are rejected by name. */
static char *
with_scheme (const char *text)
{
  const char *scheme;
  const char *colon;

  if (strstr (text, "://") != NULL)
    return g_strdup (text);
  scheme = g_uri_peek_scheme (text);
  colon = strchr (text, ':');
  if (scheme != NULL && colon != NULL && !g_ascii_isdigit (colon[1]))
    return g_strdup (text);
  return g_strconcat ("https://", text, NULL);
}

static GUri *
parse_http_uri (const char  *url,
                GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (url != NULL ? url : ""));
  g_autofree char *full = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_INVALID,
                           _("Paste the link of an Indico event, such as "
                             "https://indico.example.org/event/123/"));
      return NULL;
    }

  full = with_scheme (stripped);
  uri = g_uri_parse (full, G_URI_FLAGS_ENCODED_PATH | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_INVALID,
                           _("This is not a web link. Paste the link of an Indico event, "
                             "such as https://indico.example.org/event/123/"));
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error_literal (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_SCHEME,
                           _("Only web links (https:// or http://) to an Indico event "
                             "can be followed"));
      return NULL;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error_literal (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_INVALID,
                           _("This link names no server. Paste the whole link of the event, "
                             "such as https://indico.example.org/event/123/"));
      return NULL;
    }

  return g_steal_pointer (&uri);
}

/* scheme://host[:port] + @path, lower-cased scheme and host, default port dropped. */
static char *
build_base (GUri       *uri,
            const char *path)
{
  g_autofree char *scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);
  int port = g_uri_get_port (uri);

  if ((port == 443 && g_str_equal (scheme, "https")) || (port == 80 && g_str_equal (scheme, "http")))
    port = -1;
  return g_uri_join (G_URI_FLAGS_ENCODED_PATH, scheme, NULL, host, port, path, NULL, NULL);
}

char *
plenary_event_url_from_event_export (const char *data,
                                     gsize       length)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  const PlenaryJsonNode *results;
  const char *url;
  char *base = NULL;
  g_autofree char *id = NULL;

  document = plenary_json_document_parse (data, length, PLENARY_JSON_MAX_DEPTH, NULL, NULL);
  if (document == NULL)
    return NULL;
  results = plenary_json_object_get_member (
    plenary_json_node_get_object (plenary_json_document_get_root (document)), "results");
  url = plenary_json_node_get_string (plenary_json_object_get_member (
                                        plenary_json_array_get_element (results, 0), "url"));
  if (url == NULL || !plenary_event_url_parse (url, &base, &id, NULL))
    return NULL;
  return base;
}

char *
plenary_event_url_get_origin (const char *url)
{
  g_autoptr (GUri) uri = parse_http_uri (url, NULL);

  if (uri == NULL)
    return NULL;
  return build_base (uri, "/");
}

gboolean
plenary_event_url_is_secure (const char *url)
{
  g_autoptr (GUri) uri = parse_http_uri (url, NULL);
  g_autoptr (GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0)
    return TRUE;

  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  /* g_inet_address_get_is_loopback() covers all of 127.0.0.0/8 and ::1. */
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
parse_uri (GUri     *uri,
           char    **server_base,
           char    **event_id,
           GError  **error)
{
  g_auto (GStrv) segments = g_strsplit (g_uri_get_path (uri), "/", -1);
  guint n = g_strv_length (segments);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr (GString) prefix = NULL;
      gboolean is_event = g_str_equal (segments[i], "event");
      gboolean is_short = g_str_equal (segments[i], "e");

      if (!(is_event || is_short) || segments[i + 1][0] == '\0')
        continue;

      if (is_short)
        {
          g_set_error_literal (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_SHORT_LINK,
                               _("This is a short link; it needs the server to resolve it"));
          return FALSE;
        }

      if (!is_valid_id (segments[i + 1]))
        break;

      prefix = g_string_new ("/");
      for (guint j = 0; j < i; j++)
        if (segments[j][0] != '\0')
          g_string_append_printf (prefix, "%s/", segments[j]);

      if (server_base != NULL)
        *server_base = build_base (uri, prefix->str);
      if (event_id != NULL)
        *event_id = g_strdup (segments[i + 1]);
      return TRUE;
    }

  g_set_error_literal (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_NOT_EVENT,
                       _("This link does not lead to an Indico event. Open the event in a web "
                         "browser and copy the link from there; it contains “/event/”"));
  return FALSE;
}

gboolean
plenary_event_url_parse (const char  *url,
                         char       **server_base,
                         char       **event_id,
                         GError     **error)
{
  g_autoptr (GUri) uri = parse_http_uri (url, error);

  if (uri == NULL)
    return FALSE;
  return parse_uri (uri, server_base, event_id, error);
}

gboolean
plenary_event_url_is_short_link (const char *url)
{
  g_autoptr (GError) error = NULL;

  return !plenary_event_url_parse (url, NULL, NULL, &error)
         && g_error_matches (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_SHORT_LINK);
}

typedef struct
{
  SoupSession *session;
  GUri        *uri;
  guint        hops;
  char        *server_base;
  char        *event_id;
} ResolveData;

static void
resolve_data_free (ResolveData *data)
{
  g_clear_object (&data->session);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_free (data->server_base);
  g_free (data->event_id);
  g_free (data);
}

static void resolve_step (GTask *task);

static void
resolve_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  ResolveData *data = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (data->session, result);
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GUri) target = NULL;
  const char *location;
  guint status;

  stream = soup_session_send_finish (data->session, result, &error);
  if (stream == NULL)
    {
      g_task_return_new_error (task, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE,
                               _("Could not reach the server to resolve the short link: %s"),
                               error->message);
      return;
    }
  /* Only the headers matter; the body of a redirect is never read. */
  g_input_stream_close (stream, NULL, NULL);

  status = soup_message_get_status (msg);
  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  if (!SOUP_STATUS_IS_REDIRECTION (status) || location == NULL)
    {
      if (status == SOUP_STATUS_NOT_FOUND)
        g_task_return_new_error (task, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE,
                                 _("The server does not know this short link. Check the link, "
                                   "or copy the event’s full link from a web browser"));
      else
        g_task_return_new_error (task, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE,
                                 _("The server did not resolve the short link (HTTP %u). Copy "
                                   "the event’s full link from a web browser instead"), status);
      return;
    }

  target = plenary_indico_client_get_location (msg, data->uri);
  if (target == NULL)
    {
      g_task_return_new_error (task, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE,
                               _("The server resolved the short link to an invalid address"));
      return;
    }

  g_clear_pointer (&data->uri, g_uri_unref);
  data->uri = g_steal_pointer (&target);
  resolve_step (g_steal_pointer (&task));
}

static void
resolve_step (GTask *task)
{
  ResolveData *data = g_task_get_task_data (task);
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GError) error = NULL;
  const char *scheme = g_uri_get_scheme (data->uri);

  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_task_return_new_error (task, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE,
                               _("The short link leads to something other than a web page"));
      g_object_unref (task);
      return;
    }

  if (parse_uri (data->uri, &data->server_base, &data->event_id, &error))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (!g_error_matches (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_SHORT_LINK))
    {
      if (data->hops > 0)
        g_task_return_new_error (task, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE,
                                 _("The short link does not lead to an Indico event"));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (data->hops++ >= PLENARY_INDICO_MAX_REDIRECTS)
    {
      g_task_return_new_error (task, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE,
                               _("The short link redirects too many times"));
      g_object_unref (task);
      return;
    }

  /* The redirect itself is the answer: read Location, never fetch the target. */
  msg = plenary_indico_client_new_message (SOUP_METHOD_GET, data->uri, FALSE, NULL);
  soup_session_send_async (data->session, msg, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), resolve_sent_cb, task);
}

void
plenary_event_url_resolve_async (SoupSession         *session,
                                 const char          *url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  ResolveData *data;
  GUri *uri;

  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_event_url_resolve_async);

  uri = parse_http_uri (url, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (ResolveData, 1);
  data->uri = uri;
  data->session = session != NULL ? g_object_ref (session)
                                  : plenary_indico_client_new_session ();
  g_task_set_task_data (task, data, (GDestroyNotify) resolve_data_free);
  resolve_step (g_steal_pointer (&task));
}

gboolean
plenary_event_url_resolve_finish (GAsyncResult  *result,
                                  char         **server_base,
                                  char         **event_id,
                                  GError       **error)
{
  ResolveData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (server_base != NULL)
    *server_base = g_steal_pointer (&data->server_base);
  if (event_id != NULL)
    *event_id = g_steal_pointer (&data->event_id);
  return TRUE;
}
