/* plenary-test-server.h: a SoupServer on loopback that answers like Indico
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sync/plenary-sync-service.h"

G_BEGIN_DECLS

typedef enum
{
  TEST_REPLY_NORMAL,
  TEST_REPLY_STALL,          /* never answers */
  TEST_REPLY_CLOSE_MID_BODY, /* headers promise more than is sent, then the socket closes */
  TEST_REPLY_CHUNKED,        /* the body in chunks, no Content-Length */
  TEST_REPLY_TRICKLE,        /* chunked, one byte every 50 ms */
  TEST_REPLY_HEAD_THEN_STALL, /* chunked: 4 KiB, 10 ms later the rest of the first 128 KiB in
                               * one piece, then nothing more */
} TestReplyKind;

typedef struct
{
  SoupServer *server;
  char       *base;        /* "http://127.0.0.1:port/" */
  GHashTable *replies;     /* path → TestReply */
  GPtrArray  *requests;    /* TestRequest, in order */
  GPtrArray  *stalled;     /* SoupServerMessage */
  GPtrArray  *trickles;    /* Trickle, while they send */
} TestServer;

typedef struct
{
  char   *path;
  char   *query;
  char   *authorization;   /* NULL when absent */
  char   *accept;
  char   *requested_with;
  char   *user_agent;
  char   *cookie;
} TestRequest;

TestServer *test_server_new          (const char    *address);
void        test_server_free         (TestServer    *server);
void        test_server_reply        (TestServer    *server,
                                      const char    *path,
                                      guint          status,
                                      const char    *content_type,
                                      GBytes        *body,
                                      const char    *header_name,
                                      const char    *header_value,
                                      TestReplyKind  kind);
/* Indico's answers for LPC 2021 as event @event_id. */
void        test_server_serve_lpc    (TestServer    *server,
                                      const char    *event_id);
/* Requests to @path seen so far. */
guint       test_server_count        (TestServer    *server,
                                      const char    *path);
TestRequest *test_server_last        (TestServer    *server,
                                      const char    *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

/* The end of an async call, for tests that wait on it. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  gboolean  changed;
  GError   *error;
} TestSyncResult;

/* A GAsyncReadyCallback for plenary_sync_service_sync_async(); @user_data: a TestSyncResult. */
void        test_sync_result_cb      (GObject       *object,
                                      GAsyncResult  *result,
                                      gpointer       user_data);
/* A program.json with one track of LPC 2021's, described, as Indico >= 3.3.9 serves it. */
#define TEST_LPC_PROGRAM_JSON \
  "{\"program\":\"\",\"tracks\":[{\"id\":5,\"title\":\"LPC Refereed Track\",\"code\":\"\"," \
  "\"description\":\"Talks\",\"position\":1,\"track_group_id\":null}],\"track_groups\":[]}"

/* One sync of @event by @service, run to its end (the event says it is syncing meanwhile). */
gboolean    test_sync_event          (PlenarySyncService *service,
                                      PlenaryEvent       *event,
                                      gboolean           *changed,
                                      GError            **error);
/* The same, as the user asks for it (@force: a Refresh, a look-up). */
gboolean    test_sync_event_full     (PlenarySyncService *service,
                                      PlenaryEvent       *event,
                                      gboolean            force,
                                      gboolean           *changed,
                                      GError            **error);

G_END_DECLS
