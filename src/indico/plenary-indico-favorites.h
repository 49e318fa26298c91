/* plenary-indico-favorites.h: Indico's answer about a user's favourite contributions
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @key is an Indico contribution id, the only thing Indico can star: a positive
 * decimal number. */
gboolean    plenary_indico_is_contribution_id   (const char *key);

/* Reads the body of GET …/api/contributions/favorites: an object whose members are
 * contribution ids, each with the contribution (its "title" is kept when it is a string of
 * at most 300 characters). Gives a set: id → title (or ""). NULL for anything else: another
 * shape, a member that is not an id, nesting deeper than 32 levels, more than 100 000
 * members. */
GHashTable *plenary_indico_favorites_read       (GBytes     *body);

G_END_DECLS
