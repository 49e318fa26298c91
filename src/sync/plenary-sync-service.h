/* plenary-sync-service.h: fetches followed events from Indico over HTTP
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "model/plenary-event.h"

G_BEGIN_DECLS

#define PLENARY_SYNC_ERROR (plenary_sync_error_quark ())

/* Every error's message is translated and says what to do. Programme errors (no access,
 * not published…) come as PLENARY_INDICO_ERROR from the parser. */
typedef enum
{
  PLENARY_SYNC_ERROR_OAUTH,          /* HTTP 400 "OAuth error": bad token or scope */
  PLENARY_SYNC_ERROR_UNAUTHORIZED,   /* 401 */
  PLENARY_SYNC_ERROR_FORBIDDEN,      /* 403 */
  PLENARY_SYNC_ERROR_NOT_FOUND,      /* 404 */
  PLENARY_SYNC_ERROR_SERVER,         /* 5xx */
  PLENARY_SYNC_ERROR_RATE_LIMITED,   /* 429 */
  PLENARY_SYNC_ERROR_INDICO,         /* another 4xx with Indico's {"message": …} */
  PLENARY_SYNC_ERROR_HTTP,           /* any other unexpected status */
  PLENARY_SYNC_ERROR_NOT_JSON,       /* 200, but a web page (login, access key form) */
  PLENARY_SYNC_ERROR_TOO_LARGE,      /* over "max-body-size" */
  PLENARY_SYNC_ERROR_TRUNCATED,      /* the connection closed mid-body */
  PLENARY_SYNC_ERROR_TIMEOUT,
  PLENARY_SYNC_ERROR_OFFLINE,        /* no route, no DNS */
  PLENARY_SYNC_ERROR_CONNECTION,     /* refused, TLS… */
  PLENARY_SYNC_ERROR_REDIRECT,       /* too many redirects */
  PLENARY_SYNC_ERROR_SAVE,           /* the new snapshot could not be written */
  PLENARY_SYNC_ERROR_HELD,           /* the answer looked wrong: kept aside, not used (the
                                      * event's "held-message" says why) */
} PlenarySyncError;

GQuark plenary_sync_error_quark (void);

#define PLENARY_TYPE_SYNC_SERVICE (plenary_sync_service_get_type ())
G_DECLARE_FINAL_TYPE (PlenarySyncService, plenary_sync_service, PLENARY, SYNC_SERVICE, GObject)

PlenarySyncService *plenary_sync_service_new          (void);
/* No cookies, no auth manager; usable for plenary_event_url_resolve_async(). */
SoupSession        *plenary_sync_service_get_session  (PlenarySyncService  *self);

/* One sync of @event: GET each part of the Indico client's endpoint table (timetable, event
 * export in the event's timezone, programme), check each answer (the programme is optional),
 * and only when all are good and something changed, parse them (in a thread), store them
 * (atomically, keeping the previous snapshot) and swap the event's schedule. @force bypasses
 * Indico's 10-minute cache (nc=yes): for "Refresh now" only. The event's "sync-state",
 * "error-message" and "last-sync" follow.
 *
 * A sync of an event already syncing joins it; a Refresh replaces one still downloading,
 * and its callers wait for the new one. Each caller gets exactly one callback: the result
 * of the sync it ends up waiting for, or G_IO_ERROR_CANCELLED as soon as its own
 * @cancellable is cancelled. That stops the shared sync only when no caller is left, and
 * only while it downloads: once parsing or saving, it finishes. */
void                plenary_sync_service_sync_async   (PlenarySyncService  *self,
                                                       PlenaryEvent        *event,
                                                       gboolean             force,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* @changed: FALSE when every body was byte-identical to the stored one (nothing was
 * parsed or written). */
gboolean            plenary_sync_service_sync_finish  (PlenarySyncService  *self,
                                                       GAsyncResult        *result,
                                                       gboolean            *changed,
                                                       GError             **error);

/* Automatic syncs: every "refresh-interval" minutes, retries with exponential backoff and
 * jitter (at most 30 minutes, longer only when the server's Retry-After says so), and at
 * once when the network comes back. */
void                plenary_sync_service_add_event    (PlenarySyncService  *self,
                                                       PlenaryEvent        *event);
void                plenary_sync_service_remove_event (PlenarySyncService  *self,
                                                       PlenaryEvent        *event);
/* Seconds until the next automatic attempt for @event, or -1 if none is planned. */
gint64              plenary_sync_service_get_next_attempt (PlenarySyncService *self,
                                                           PlenaryEvent       *event);

/* A sync the user waits for is coming (they are pasting an event's link): what its start
 * would wait for is made ready in the background, the secret store and the proxy settings. */
void                plenary_sync_service_prepare      (PlenarySyncService *self);

/* Tells the service the network may have changed (what GNetworkMonitor's
 * "network-changed" does): failed events are retried now. */
void                plenary_sync_service_network_changed (PlenarySyncService *self);

G_END_DECLS
