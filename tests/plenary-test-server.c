/* plenary-test-server.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-test-server.h"
#include "plenary-test-util.h"

typedef struct
{
  guint          status;
  char          *content_type;
  GBytes        *body;
  char          *header_name;
  char          *header_value;
  TestReplyKind  kind;
} TestReply;

static void
test_reply_free (TestReply *reply)
{
  g_free (reply->content_type);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply->header_name);
  g_free (reply->header_value);
  g_free (reply);
}

static void
test_request_free (TestRequest *request)
{
  g_free (request->path);
  g_free (request->query);
  g_free (request->authorization);
  g_free (request->accept);
  g_free (request->requested_with);
  g_free (request->user_agent);
  g_free (request->cookie);
  g_free (request);
}

static void
close_mid_body (SoupServerMessage *msg,
                TestReply         *reply)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  gsize length = g_bytes_get_size (reply->body);
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                                           "Content-Type: application/json\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                                           length);

  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (reply->body, NULL), length / 2, NULL,
                             NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

typedef struct
{
  TestServer        *server;
  SoupServerMessage *msg;
  GBytes            *body;
  gsize              done;
  gsize              step;    /* bytes sent at the next tick */
  gsize              stop;    /* where it stops: the body's end completes it */
  gboolean           head;    /* after the first tick, all up to the stop at once */
  guint              source;
} Trickle;

static void
trickle_free (Trickle *trickle)
{
  g_clear_handle_id (&trickle->source, g_source_remove);
  g_signal_handlers_disconnect_by_data (trickle->msg, trickle);
  g_clear_object (&trickle->msg);
  g_clear_pointer (&trickle->body, g_bytes_unref);
  g_free (trickle);
}

static void
trickle_finished_cb (SoupServerMessage *msg,
                     Trickle           *trickle)
{
  /* The client went away (or all was sent): stop. */
  g_clear_handle_id (&trickle->source, g_source_remove);
}

static gboolean
trickle_cb (gpointer user_data)
{
  Trickle *trickle = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (trickle->msg);
  gsize length = g_bytes_get_size (trickle->body);

  gsize n = MIN (trickle->step, trickle->stop - trickle->done);

  if (trickle->done >= trickle->stop)
    {
      trickle->source = 0;
      /* Short of the end, the client waits for more, and none comes. */
      if (trickle->stop == length)
        {
          soup_message_body_complete (body);
          soup_server_message_unpause (trickle->msg);
        }
      return G_SOURCE_REMOVE;
    }
  soup_message_body_append (body, SOUP_MEMORY_COPY,
                            (const char *) g_bytes_get_data (trickle->body, NULL) + trickle->done,
                            n);
  trickle->done += n;
  if (trickle->head)
    trickle->step = trickle->stop;
  soup_server_message_unpause (trickle->msg);
  return G_SOURCE_CONTINUE;
}

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TestServer *server = user_data;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  TestRequest *request = g_new0 (TestRequest, 1);
  TestReply *reply = g_hash_table_lookup (server->replies, path);
  GUri *uri = soup_server_message_get_uri (msg);

  request->path = g_strdup (path);
  request->query = g_strdup (g_uri_get_query (uri));
  request->authorization = g_strdup (soup_message_headers_get_one (in, "Authorization"));
  request->accept = g_strdup (soup_message_headers_get_one (in, "Accept"));
  request->requested_with = g_strdup (soup_message_headers_get_one (in, "X-Requested-With"));
  request->user_agent = g_strdup (soup_message_headers_get_one (in, "User-Agent"));
  request->cookie = g_strdup (soup_message_headers_get_one (in, "Cookie"));
  g_ptr_array_add (server->requests, request);

  if (reply == NULL)
    {
      /* Indico's XHR 404 */
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\":{\"title\":\"Not Found\"}}", 30);
      return;
    }

  switch (reply->kind)
    {
    case TEST_REPLY_STALL:
      soup_server_message_pause (msg);
      g_ptr_array_add (server->stalled, g_object_ref (msg));
      return;
    case TEST_REPLY_CLOSE_MID_BODY:
      close_mid_body (msg, reply);
      return;
    case TEST_REPLY_CHUNKED:
      {
        SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
        SoupMessageBody *body = soup_server_message_get_response_body (msg);
        gsize length = g_bytes_get_size (reply->body);
        const char *data = g_bytes_get_data (reply->body, NULL);

        soup_server_message_set_status (msg, reply->status, NULL);
        soup_message_headers_set_encoding (out, SOUP_ENCODING_CHUNKED);
        soup_message_headers_set_content_type (out, reply->content_type, NULL);
        for (gsize done = 0; done < length; done += 4096)
          soup_message_body_append (body, SOUP_MEMORY_COPY, data + done, MIN (4096, length - done));
        soup_message_body_complete (body);
        return;
      }
    case TEST_REPLY_HEAD_THEN_STALL:
    case TEST_REPLY_TRICKLE:
      {
        Trickle *trickle = g_new0 (Trickle, 1);

        soup_server_message_set_status (msg, reply->status, NULL);
        soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                           SOUP_ENCODING_CHUNKED);
        soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                               reply->content_type, NULL);
        trickle->server = server;
        trickle->msg = g_object_ref (msg);
        trickle->body = g_bytes_ref (reply->body);
        g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished_cb), trickle);
        g_ptr_array_add (server->trickles, trickle);
        /* With time between the pieces, so that the client reads a small one, then one
         * larger than a head it may look at. */
        if (reply->kind == TEST_REPLY_HEAD_THEN_STALL)
          {
            trickle->head = TRUE;
            trickle->step = 4096;
            trickle->stop = MIN (131072, g_bytes_get_size (reply->body));
            trickle->source = g_timeout_add (10, trickle_cb, trickle);
          }
        else
          {
            trickle->step = 1;
            trickle->stop = g_bytes_get_size (reply->body);
            trickle->source = g_timeout_add (50, trickle_cb, trickle);
          }
        soup_server_message_pause (msg);
        return;
      }
    case TEST_REPLY_NORMAL:
    default:
      break;
    }

  soup_server_message_set_status (msg, reply->status, NULL);
  if (reply->header_name != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  reply->header_name, reply->header_value);
  if (reply->body != NULL)
    soup_server_message_set_response (msg, reply->content_type, SOUP_MEMORY_COPY,
                                      g_bytes_get_data (reply->body, NULL),
                                      g_bytes_get_size (reply->body));
}

TestServer *
test_server_new (const char *address)
{
  TestServer *server = g_new0 (TestServer, 1);
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr (GSocketAddress) socket_address = g_inet_socket_address_new (inet, 0);
  g_autoptr (GError) error = NULL;
  g_autoslist (GUri) uris = NULL;

  server->server = soup_server_new (NULL, NULL);
  server->replies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) test_reply_free);
  server->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) test_request_free);
  server->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  server->trickles = g_ptr_array_new_with_free_func ((GDestroyNotify) trickle_free);
  soup_server_add_handler (server->server, NULL, server_cb, server, NULL);
  soup_server_listen (server->server, socket_address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->base = g_uri_to_string (uris->data);
  g_assert_true (g_str_has_suffix (server->base, "/"));
  return server;
}

void
test_server_free (TestServer *server)
{
  for (guint i = 0; i < server->stalled->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (server->stalled, i);

      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (msg);
    }
  plenary_test_iterate (20);
  g_ptr_array_set_size (server->trickles, 0);
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_ptr_array_unref (server->stalled);
  g_ptr_array_unref (server->trickles);
  g_hash_table_unref (server->replies);
  g_ptr_array_unref (server->requests);
  g_free (server->base);
  g_free (server);
}

void
test_server_reply (TestServer    *server,
                   const char    *path,
                   guint          status,
                   const char    *content_type,
                   GBytes        *body,
                   const char    *header_name,
                   const char    *header_value,
                   TestReplyKind  kind)
{
  TestReply *reply = g_new0 (TestReply, 1);

  reply->status = status;
  reply->content_type = g_strdup (content_type);
  reply->body = body != NULL ? g_bytes_ref (body) : NULL;
  reply->header_name = g_strdup (header_name);
  reply->header_value = g_strdup (header_value);
  reply->kind = kind;
  g_hash_table_replace (server->replies, g_strdup (path), reply);
}

void
test_server_serve_lpc (TestServer *server,
                       const char *event_id)
{
  g_autoptr (GBytes) timetable = NULL;
  g_autoptr (GBytes) event = NULL;
  g_autofree char *tt = g_strdup_printf ("/export/timetable/%s.json", event_id);
  g_autofree char *ev = g_strdup_printf ("/export/event/%s.json", event_id);

  plenary_test_lpc2021_exports_as (event_id, &timetable, &event);
  test_server_reply (server, tt, 200, "application/json", timetable, NULL, NULL,
                     TEST_REPLY_NORMAL);
  test_server_reply (server, ev, 200, "application/json", event, NULL, NULL,
                     TEST_REPLY_NORMAL);
}

guint
test_server_count (TestServer *server,
                   const char *path)
{
  guint n = 0;

  for (guint i = 0; i < server->requests->len; i++)
    if (g_str_equal (((TestRequest *) g_ptr_array_index (server->requests, i))->path, path))
      n++;
  return n;
}

TestRequest *
test_server_last (TestServer *server,
                  const char *path)
{
  for (guint i = server->requests->len; i > 0; i--)
    {
      TestRequest *request = g_ptr_array_index (server->requests, i - 1);

      if (g_str_equal (request->path, path))
        return request;
    }
  return NULL;
}

void
test_sync_result_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TestSyncResult *r = user_data;

  r->ok = plenary_sync_service_sync_finish (PLENARY_SYNC_SERVICE (object), result,
                                            &r->changed, &r->error);
  r->done = TRUE;
}

gboolean
test_sync_event (PlenarySyncService  *service,
                 PlenaryEvent        *event,
                 gboolean            *changed,
                 GError             **error)
{
  return test_sync_event_full (service, event, FALSE, changed, error);
}

gboolean
test_sync_event_full (PlenarySyncService  *service,
                      PlenaryEvent        *event,
                      gboolean             force,
                      gboolean            *changed,
                      GError             **error)
{
  TestSyncResult r = { 0, };

  plenary_sync_service_sync_async (service, event, force, NULL, test_sync_result_cb, &r);
  g_assert_cmpint (plenary_event_get_sync_state (event), ==, PLENARY_SYNC_STATE_SYNCING);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  if (changed != NULL)
    *changed = r.changed;
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}
