/* plenary-day-private.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-day.h"

G_BEGIN_DECLS

PlenaryDay *plenary_day_new         (guint       index,
                                     GDateTime  *date);
void        plenary_day_set_n_items (PlenaryDay *self,
                                     guint       n_items);

G_END_DECLS
