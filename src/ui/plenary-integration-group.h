/* plenary-integration-group.h: Preferences for running in the background and star sync
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_INTEGRATION_GROUP (plenary_integration_group_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryIntegrationGroup, plenary_integration_group, PLENARY,
                      INTEGRATION_GROUP, AdwPreferencesGroup)

/* Used from the Preferences window's template, at the end of its General page: it finds the
 * running PlenaryApplication (g_application_get_default()) and hides without one. */

/* Asks every server again whether its stars can sync: after a token was saved or removed, a
 * row that said "Not available" may be available now, and the other way round. */
void plenary_integration_group_recheck (PlenaryIntegrationGroup *self);

G_END_DECLS
