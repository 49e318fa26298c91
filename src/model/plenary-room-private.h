/* plenary-room-private.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-room.h"

G_BEGIN_DECLS

PlenaryRoom *plenary_room_new (const char *name,
                               const char *venue);

G_END_DECLS
