/* plenary-check.h: `plenary --check SOURCE`, a summary of a programme for organisers
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "indico/plenary-indico-parser.h"
#include "model/plenary-schedule.h"

G_BEGIN_DECLS

/* Loads @source (a directory of exports, see plenary_folder_loader_load(), or an event's
 * link). @facts: (out) (optional): what the parse learnt beside the schedule. */
PlenarySchedule *plenary_check_load             (const char              *source,
                                                 PlenaryIndicoParseFacts *facts,
                                                 GError                 **error);
/* What an organiser should fix, one sentence each, translated. */
GPtrArray       *plenary_check_collect_warnings (PlenarySchedule  *schedule);
/* Prints the summary (or one JSON object) on stdout. Returns the exit status: 0, or 1 with
 * @error set when @source cannot be loaded. */
int              plenary_check_run              (const char       *source,
                                                 gboolean          as_json,
                                                 GError          **error);

G_END_DECLS
