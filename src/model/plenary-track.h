/* plenary-track.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-model-types.h"

G_BEGIN_DECLS

/* Indico's track id from program.json, or 0 when the track is only known by its title. */
gint64      plenary_track_get_id          (PlenaryTrack *self);
const char *plenary_track_get_title       (PlenaryTrack *self);
const char *plenary_track_get_code        (PlenaryTrack *self);
/* Markdown source, "" when the server has no program.json. */
const char *plenary_track_get_description (PlenaryTrack *self);
/* Order on the server's Programme page. */
int         plenary_track_get_position    (PlenaryTrack *self);

G_END_DECLS
