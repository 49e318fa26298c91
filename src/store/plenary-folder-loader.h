/* plenary-folder-loader.h: an event folder's stored exports, read from disk
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "indico/plenary-indico-parser.h"

G_BEGIN_DECLS

/* Reads the exports from a directory, named as Plenary stores them (timetable.json,
 * event.json, program.json) or as the fixtures do (export-timetable-<id>.json,
 * export-event-<id>[-<detail>].json, program-<id>.json; the <id> becomes event_id).
 * The timetable, or else an event export, is required (G_IO_ERROR_NOT_FOUND).
 * Blocking I/O: call it off the main thread. */
PlenaryIndicoSources *plenary_folder_loader_load (const char  *directory,
                                                  GError     **error);

G_END_DECLS
