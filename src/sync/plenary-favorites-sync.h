/* plenary-favorites-sync.h: stars synced with the user's Indico account
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "model/plenary-event.h"
#include "plenary-favorites-merge.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_FAVORITES_SYNC (plenary_favorites_sync_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryFavoritesSync, plenary_favorites_sync, PLENARY, FAVORITES_SYNC,
                      GObject)

/* Indico ≥ 3.3.13 keeps "favourite contributions" per user:
 * GET/PUT/DELETE <server>event/<id>/api/contributions/favorites[/<contribution id>], with the
 * token stored for the server (read:everything to read, full:everything to write). The
 * token goes only as the sync service sends it: Bearer, to the server's own origin, over
 * https or to loopback, no redirects followed; it is never logged.
 *
 * @session: the sync service's (no cookies, no auth manager). */
PlenaryFavoritesSync *plenary_favorites_sync_new         (SoupSession          *session);

/* Servers ("https://host/") whose events sync stars ("enabled-servers", GSettings
 * "favorites-sync-servers"). */
gboolean    plenary_favorites_sync_get_enabled           (PlenaryFavoritesSync *self,
                                                          const char           *server_base);
void        plenary_favorites_sync_set_enabled           (PlenaryFavoritesSync *self,
                                                          const char           *server_base,
                                                          gboolean              enabled);

/* Syncs @event's stars after each good programme sync (notify::last-sync) and a moment
 * after a star changes, while its server is enabled. */
void        plenary_favorites_sync_watch_event           (PlenaryFavoritesSync *self,
                                                          PlenaryEvent         *event);
void        plenary_favorites_sync_unwatch_event         (PlenaryFavoritesSync *self,
                                                          PlenaryEvent         *event);

/* One sync: GET the favourites, merge (plenary_favorites_merge()), apply the website's
 * changes to the user data, then send the local ones one by one. Any failure stops there:
 * what was not sent stays queued (a star that differs from the remembered base), nothing
 * local is dropped. PLENARY_FAVORITES_ERROR on failure. */
void        plenary_favorites_sync_sync_async            (PlenaryFavoritesSync *self,
                                                          PlenaryEvent         *event,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean    plenary_favorites_sync_sync_finish           (PlenaryFavoritesSync *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Whether star sync can be offered for @server_base, asking about one of its events:
 * TRUE, or PLENARY_FAVORITES_ERROR_NOT_AVAILABLE (404: hide the option) or another error
 * whose message says why it is unavailable. Changes nothing. */
void        plenary_favorites_sync_probe_async           (PlenaryFavoritesSync *self,
                                                          const char           *server_base,
                                                          const char           *event_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean    plenary_favorites_sync_probe_finish          (PlenaryFavoritesSync *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Star changes made here and not yet sent (contributions only). */
guint       plenary_favorites_sync_count_unsent          (PlenaryUserData      *user_data);

/* The outcome of the last sync on @server_base for people: NULL before any, else a
 * translated sentence ("Stars synced at 14:02.", or what went wrong). "status-changed"
 * (server base) follows it. Whether it was an error: @failed. */
char       *plenary_favorites_sync_dup_status            (PlenaryFavoritesSync *self,
                                                          const char           *server_base,
                                                          gboolean             *failed);

/* For tests, with "use-keyring" FALSE: the token every server gets. */
void        plenary_favorites_sync_set_test_token        (PlenaryFavoritesSync *self,
                                                          const char           *token);

G_END_DECLS
