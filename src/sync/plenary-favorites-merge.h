/* plenary-favorites-merge.h: the two-way merge of local stars with Indico's favourites
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLENARY_FAVORITES_ERROR (plenary_favorites_error_quark ())

/* Every message is translated, names the server and says what happens to the stars. */
typedef enum
{
  PLENARY_FAVORITES_ERROR_NO_TOKEN,      /* no token stored for the server */
  PLENARY_FAVORITES_ERROR_INSECURE,      /* not https (nor loopback): the token stays home */
  PLENARY_FAVORITES_ERROR_NOT_AVAILABLE, /* 404: the server has no favourites API */
  PLENARY_FAVORITES_ERROR_UNAUTHORIZED,  /* 401, or 400 "OAuth error": expired or bad token */
  PLENARY_FAVORITES_ERROR_FORBIDDEN,     /* 403: the token lacks a scope */
  PLENARY_FAVORITES_ERROR_SERVER,        /* 5xx */
  PLENARY_FAVORITES_ERROR_NOT_JSON,      /* a web page (login) or a redirect */
  PLENARY_FAVORITES_ERROR_BAD_ANSWER,    /* JSON of the wrong shape, too deep, too large */
  PLENARY_FAVORITES_ERROR_NETWORK,       /* offline, refused, timed out, cut short */
  PLENARY_FAVORITES_ERROR_HTTP,          /* any other status */
} PlenaryFavoritesError;

GQuark      plenary_favorites_error_quark        (void);

/* Whether @key (a user-data key) names an Indico contribution, the only thing Indico can
 * star (plenary_indico_is_contribution_id()). Breaks and blocks are keyed by entry ids
 * ("b12"). */
gboolean    plenary_favorites_is_contribution_key (const char *key);

/* The body of GET …/api/contributions/favorites as a set: id → title (or ""), read by
 * plenary_indico_favorites_read(). Anything that is not such an answer is
 * PLENARY_FAVORITES_ERROR_BAD_ANSWER with @host in the message, and nothing is merged. */
GHashTable *plenary_favorites_parse              (GBytes      *body,
                                                  const char  *host,
                                                  GError     **error);

/* What one sync does. Each array holds keys (owned by the plan). */
typedef struct
{
  GPtrArray *star_locally;     /* starred on the website since the last sync */
  GPtrArray *unstar_locally;   /* unstarred on the website since the last sync */
  GPtrArray *put;              /* starred here since the last sync: send */
  GPtrArray *delete;           /* unstarred here since the last sync: send */
  GHashTable *base;            /* the server's state now, to remember as the new base */
} PlenaryFavoritesPlan;

/* A three-way merge, per contribution: @local (starred here), @base (what the server had at
 * the last good sync, kept in user.json) and @server (what it has now), each a set of keys.
 * The side that changed since the base wins; when both changed they agree (a star has two
 * states); so the latest change wins. With no base (the first sync) it is the union: a
 * local star is never lost, a website star arrives. Keys that are not contribution ids are
 * ignored. Pure: no I/O. */
PlenaryFavoritesPlan *plenary_favorites_merge    (GHashTable  *local,
                                                  GHashTable  *base,
                                                  GHashTable  *server);
void        plenary_favorites_plan_free          (PlenaryFavoritesPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryFavoritesPlan, plenary_favorites_plan_free)

G_END_DECLS
