/* plenary-window.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plenary-application.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_WINDOW (plenary_window_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryWindow, plenary_window, PLENARY, WINDOW, AdwApplicationWindow)

PlenaryWindow *plenary_window_new            (PlenaryApplication *application);
AdwViewStack  *plenary_window_get_view_stack (PlenaryWindow      *self);

G_END_DECLS
