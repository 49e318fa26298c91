/* plenary-benchmark.h: --benchmark-startup, the figures build-aux/dev bench reads
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PlenaryWindow PlenaryWindow;

/* Called first thing in main(): start-up is timed from here. */
void   plenary_benchmark_mark_process_start (void);
/* Before @window is mapped: prints start-up, search and day-switch figures and the resident
 * memory once its first programme is painted, then quits its application. */
void   plenary_benchmark_startup            (PlenaryWindow *window);

/* For build-aux/bench too: sorts @values in place; the nearest-rank percentile @p (0 to 100)
 * of @n sorted values, 0 when there are none. */
void   plenary_benchmark_sort               (double        *values,
                                             guint          n);
double plenary_benchmark_percentile         (const double  *sorted,
                                             guint          n,
                                             double         p);

G_END_DECLS
