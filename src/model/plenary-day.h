/* plenary-day.h: one calendar day of the event, in the event's timezone
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-model-types.h"

G_BEGIN_DECLS

/* 0 for the first day of the event. */
guint      plenary_day_get_index   (PlenaryDay *self);
/* Midnight at the start of the day, in the event's timezone. */
GDateTime *plenary_day_get_date    (PlenaryDay *self);
/* Number of top-level items (blocks and top-level entries) that day; 0 for an empty day. */
guint      plenary_day_get_n_items (PlenaryDay *self);

G_END_DECLS
