/* plenary-track-private.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-track.h"

G_BEGIN_DECLS

void plenary_track_set_position (PlenaryTrack *self,
                                 int           position);

G_END_DECLS
