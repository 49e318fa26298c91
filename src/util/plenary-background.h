/* plenary-background.h: running on with the window closed, and after login
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The option autostart starts Plenary with: no window, reminders and periodic syncs only. */
#define PLENARY_BACKGROUND_OPTION "background"

/* Whether Plenary runs in a Flatpak sandbox (/.flatpak-info exists under @root; NULL is
 * "/"). In a sandbox only the Background portal may start it at login. */
gboolean  plenary_background_is_sandboxed         (const char       *root);

/* $XDG_CONFIG_HOME/autostart/<app id>.desktop, the entry used outside a sandbox. */
char     *plenary_background_get_autostart_path   (void);

/* Asks org.freedesktop.portal.Background (RequestBackground) on @bus (NULL: the session
 * bus) to let Plenary run in the background, started at login with
 * `plenary --background` when @autostart. Completes on the portal's Response. A refusal
 * (by the user or by policy) is G_IO_ERROR_PERMISSION_DENIED; no portal is
 * G_IO_ERROR_NOT_SUPPORTED; both with a translated message saying what to do. */
void      plenary_background_request_async        (GDBusConnection     *bus,
                                                   const char          *parent_window,
                                                   gboolean             autostart,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean  plenary_background_request_finish       (GAsyncResult        *result,
                                                   GError             **error);

/* Turns running in the background on or off: through the portal when @sandboxed, else by
 * writing or removing the XDG autostart entry (in a worker thread). Turning it off in a
 * sandbox asks the portal again with autostart off. */
void      plenary_background_set_enabled_async    (GDBusConnection     *bus,
                                                   gboolean             sandboxed,
                                                   gboolean             enabled,
                                                   const char          *parent_window,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean  plenary_background_set_enabled_finish   (GAsyncResult        *result,
                                                   GError             **error);

/* Holds @application while @settings' "run-in-background" is on, so it keeps running (with
 * reminders and syncs) after its last window closes; releases it when turned off (a SIGTERM,
 * the session ending, is the application's to handle). In a sandbox, a start with it on asks
 * the portal again, and a permission since withdrawn turns it off. */
void      plenary_background_watch_setting        (GApplication        *application,
                                                   GSettings           *settings);

G_END_DECLS
