/* plenary-search-provider.h: GNOME Shell's search finds talks and speakers of followed events
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/plenary-event-list.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SEARCH_PROVIDER (plenary_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (PlenarySearchProvider, plenary_search_provider, PLENARY, SEARCH_PROVIDER,
                      GObject)

/* Answers org.gnome.Shell.SearchProvider2 for @application (borrowed: the application owns the
 * provider). Results open with the application's actions "show-event-entry" and
 * "show-event-person" ((ss): event key, then user key or person key) and "search" (s). */
PlenarySearchProvider *plenary_search_provider_new        (GApplication          *application);
gboolean               plenary_search_provider_register   (PlenarySearchProvider *self,
                                                           GDBusConnection       *connection,
                                                           const char            *object_path,
                                                           GError               **error);
void                   plenary_search_provider_unregister (PlenarySearchProvider *self);
/* The followed events, once their stored programmes are loaded: searches wait until then.
 * @prepare: index them at once (the process was started to answer searches). */
void                   plenary_search_provider_set_events (PlenarySearchProvider *self,
                                                           PlenaryEventList      *events,
                                                           gboolean               prepare);

/* The ids of talks and speakers matching @terms (as the Shell splits a query), best first, at
 * most @max; NULL until the events are set. For the D-Bus methods and tests. */
GStrv                  plenary_search_provider_search     (PlenarySearchProvider *self,
                                                           const char * const    *terms,
                                                           guint                  max);

G_END_DECLS
