/* plenary-event-url.h: any Indico event link → server base + event id
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define PLENARY_EVENT_URL_ERROR (plenary_event_url_error_quark ())

typedef enum
{
  PLENARY_EVENT_URL_ERROR_INVALID,      /* not a URL at all */
  PLENARY_EVENT_URL_ERROR_SCHEME,       /* not http or https */
  PLENARY_EVENT_URL_ERROR_NOT_EVENT,    /* a URL, but not of an Indico event */
  PLENARY_EVENT_URL_ERROR_SHORT_LINK,   /* a short link (/e/<name>): needs resolving */
  PLENARY_EVENT_URL_ERROR_RESOLVE,      /* resolving a short link failed */
} PlenaryEventUrlError;

GQuark   plenary_event_url_error_quark   (void);

/* Parses links such as "https://lpc.events/event/19/timetable/#20251211" or
 * "https://host/indico/event/5/contributions/7/". On success @server_base is the server's
 * base URL with a trailing slash ("https://host/indico/") and @event_id the event's id.
 * A link without a scheme is taken as https. Short links fail with
 * PLENARY_EVENT_URL_ERROR_SHORT_LINK: use plenary_event_url_resolve_async() for those. */
gboolean plenary_event_url_parse          (const char          *url,
                                           char               **server_base,
                                           char               **event_id,
                                           GError             **error);

/* Whether @url is a short link ("https://host/e/<name>") that must be resolved. */
gboolean plenary_event_url_is_short_link  (const char          *url);

/* Like plenary_event_url_parse(), but resolves short links by asking the server where they
 * redirect to (without following the redirect). @session may be NULL. */
void     plenary_event_url_resolve_async  (SoupSession         *session,
                                           const char          *url,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean plenary_event_url_resolve_finish (GAsyncResult        *result,
                                           char               **server_base,
                                           char               **event_id,
                                           GError             **error);

/* The server base ("https://host/prefix/") of the event an event export
 * (/export/event/<id>.json) describes, from its first event's "url"; NULL when @data is no
 * such export. */
char    *plenary_event_url_from_event_export (const char       *data,
                                              gsize             length);

/* "https://host/" for a server base, lower-cased host, default ports dropped. */
char    *plenary_event_url_get_origin     (const char          *url);

/* Whether @url is https, or http to a loopback address (127.0.0.0/8, ::1, localhost): the
 * only URLs a token may be sent to. */
gboolean plenary_event_url_is_secure      (const char          *url);

G_END_DECLS
