/* plenary-indico-client.h: what Plenary asks Indico for, how, and what the answers mean
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The file names a stored snapshot keeps the parts under. */
#define PLENARY_INDICO_TIMETABLE_FILE "timetable.json"
#define PLENARY_INDICO_EVENT_FILE     "event.json"
#define PLENARY_INDICO_PROGRAM_FILE   "program.json"

/* Hops a request may be redirected, short links included. */
#define PLENARY_INDICO_MAX_REDIRECTS  5

/* The parts of one event, in the order a sync fetches them. */
typedef enum
{
  PLENARY_INDICO_PART_TIMETABLE,
  PLENARY_INDICO_PART_EVENT,
  PLENARY_INDICO_PART_PROGRAM,
  PLENARY_INDICO_N_PARTS
} PlenaryIndicoPart;

typedef struct
{
  const char *name;        /* for messages and logs: "timetable" */
  const char *path;        /* under the server base; {id} is the event id */
  const char *query;       /* NULL, or the fixed query */
  gboolean    zoned;       /* asks for times in the event's zone (tz=) */
  gboolean    cached;      /* Indico caches it 10 minutes: nc=yes bypasses that */
  gboolean    optional;    /* missing on some servers: its failure is not the sync's */
  const char *file_name;   /* the part as a snapshot stores it */
} PlenaryIndicoEndpoint;

const PlenaryIndicoEndpoint *plenary_indico_client_get_endpoint (PlenaryIndicoPart part);

/* The URL of @part of event @event_id on @server_base ("https://host/prefix/"). @zone is the
 * event's zone for a zoned part (NULL: UTC); @nocache asks Indico for a fresh answer. */
char        *plenary_indico_client_build_url      (PlenaryIndicoPart  part,
                                                   const char        *server_base,
                                                   const char        *event_id,
                                                   const char        *zone,
                                                   gboolean           nocache);

const char  *plenary_indico_client_get_user_agent (void);

/* A session as every request to Indico wants it: Plenary's User-Agent, a 30 s timeout, no
 * cookies (Indico refuses tokens mixed with sessions) and no HTTP auth prompts. */
SoupSession *plenary_indico_client_new_session    (void);

/* A request with Plenary's User-Agent, never redirected by libsoup (see
 * plenary_indico_client_follow_redirect()). @json: an API request (Accept: application/json,
 * X-Requested-With, so that Indico answers JSON rather than a page). @token: sent as a Bearer
 * token, or NULL; decide with plenary_indico_client_may_send_token(). */
SoupMessage *plenary_indico_client_new_message    (const char        *method,
                                                   GUri              *uri,
                                                   gboolean           json,
                                                   const char        *token);

/* Whether @uri has the origin of @server_base, the server a token is stored for. */
gboolean     plenary_indico_client_same_origin    (const char        *server_base,
                                                   GUri              *uri);
/* The Authorization policy: the token of @server_base goes only to its origin, only over
 * https or to a loopback address, and never once the redirect chain has @left_origin. */
gboolean     plenary_indico_client_may_send_token (const char        *server_base,
                                                   GUri              *uri,
                                                   gboolean           left_origin);

/* Where a redirect @msg (an answer for @uri) points: its Location, resolved against @uri,
 * or NULL when there is none. */
GUri        *plenary_indico_client_get_location   (SoupMessage       *msg,
                                                   GUri              *uri);
/* The redirect policy: the next URL after the redirect @msg for @uri, or NULL when it may not
 * be followed (no Location, not http(s), more than PLENARY_INDICO_MAX_REDIRECTS hops: @hops
 * counts them). Once a hop leaves the origin of @server_base (may be NULL), @left_origin
 * stays TRUE for the rest of the chain, even back on that origin: the other host chose where
 * it goes. */
GUri        *plenary_indico_client_follow_redirect (SoupMessage      *msg,
                                                    GUri             *uri,
                                                    const char       *server_base,
                                                    guint            *hops,
                                                    gboolean         *left_origin);

/* What an answer is. */
typedef enum
{
  PLENARY_INDICO_ANSWER_JSON,          /* 2xx with a JSON body: usable */
  PLENARY_INDICO_ANSWER_WEB_PAGE,      /* 2xx, but a web page (login, access key form) */
  PLENARY_INDICO_ANSWER_REDIRECT,      /* 3xx: a login page or another host */
  PLENARY_INDICO_ANSWER_OAUTH,         /* 400 "OAuth error": bad token or scope */
  PLENARY_INDICO_ANSWER_UNAUTHORIZED,  /* 401 */
  PLENARY_INDICO_ANSWER_FORBIDDEN,     /* 403 */
  PLENARY_INDICO_ANSWER_NOT_FOUND,     /* 404 */
  PLENARY_INDICO_ANSWER_RATE_LIMITED,  /* 429 */
  PLENARY_INDICO_ANSWER_SERVER,        /* 5xx */
  PLENARY_INDICO_ANSWER_OTHER,         /* any other status */
} PlenaryIndicoAnswer;

/* Classifies the answer @msg with @body. @message (may be NULL) gets Indico's own text from
 * an error body ({"message": …}, {"error": {"message": …}}), cut, cleaned of control and bidi
 * characters and of @token, or NULL. @retry_after (may be NULL) gets the seconds a 429 or 503
 * asks to wait, or -1. */
PlenaryIndicoAnswer plenary_indico_client_classify (SoupMessage  *msg,
                                                    GBytes       *body,
                                                    const char   *token,
                                                    char        **message,
                                                    gint64       *retry_after);

/* Whether @body is shorter than the Content-Length of @msg: the connection broke (libsoup
 * reports the end of the stream). Only for a body that is not content-encoded. */
gboolean     plenary_indico_client_body_is_short  (SoupMessage       *msg,
                                                   gsize              length);

/* Token discipline: @text with every piece of @token of 8 bytes or more replaced by "…", so
 * a server that echoes the token, whole or nearly, shows nothing of it. */
char        *plenary_indico_client_scrub_token    (const char        *text,
                                                   const char        *token);

G_END_DECLS
