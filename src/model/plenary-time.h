/* plenary-time.h: wall-clock times that occur twice, on the night clocks fall back
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The other instant that shows the same wall-clock time in @time's zone (02:30 CEST and
 * 02:30 CET on 25 October 2026 in Europe/Berlin), or NULL when that time occurs once. */
GDateTime *plenary_time_dup_twin      (GDateTime *time);
gboolean   plenary_time_is_ambiguous  (GDateTime *time);
/* The instant of @start or its twin, and of @end or its twin, that lie @duration apart; the
 * given ones when no pair does. Both are replaced in place. */
void       plenary_time_resolve_pair  (GDateTime **start,
                                       GDateTime **end,
                                       GTimeSpan   duration);

G_END_DECLS
