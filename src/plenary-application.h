/* plenary-application.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_APPLICATION (plenary_application_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryApplication, plenary_application, PLENARY, APPLICATION,
                      AdwApplication)

PlenaryApplication *plenary_application_new          (const char        *application_id,
                                                      GApplicationFlags  flags);
GSettings          *plenary_application_get_settings (PlenaryApplication *self);

G_END_DECLS
