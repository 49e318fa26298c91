/* plenary-export-cli.h: `plenary --export-ics OUT.ics [--starred] SOURCE`
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the contributions of @source (a folder of exports, as for `plenary --check`) to
 * @output as iCalendar, atomically; with @starred_only, only those starred in the user.json
 * beside the exports (a followed event's folder). Returns the number of events written, or
 * -1 with @error set. Without a user.json, @starred_only writes nothing, returns 0 and sets
 * *@no_user_data (may be NULL). Blocking: for the command line. */
int      plenary_export_cli_export             (const char   *source,
                                                const char   *output,
                                                gboolean      starred_only,
                                                gboolean     *no_user_data,
                                                GError      **error);

/* When @arguments ask for --export-ics, runs the export: prints what it did (errors as
 * "plenary: …" on stderr), sets @exit_status to 0 or 1 and returns TRUE. Otherwise returns
 * FALSE and leaves @arguments to GApplication. */
gboolean plenary_export_cli_handle_arguments   (char       **arguments,
                                                int         *exit_status);

G_END_DECLS
