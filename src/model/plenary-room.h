/* plenary-room.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-model-types.h"

G_BEGIN_DECLS

/* The room's full name as Indico gives it; "" for the "No room" room of entries without one. */
const char *plenary_room_get_name  (PlenaryRoom *self);
/* The venue ("location"), "" when none. */
const char *plenary_room_get_venue (PlenaryRoom *self);

G_END_DECLS
