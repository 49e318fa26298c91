/* main.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "plenary-application.h"
#include "plenary-benchmark.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PlenaryApplication) app = NULL;
  const char *localedir = LOCALEDIR;

  plenary_benchmark_mark_process_start ();
  setlocale (LC_ALL, "");
  /* A development build runs uninstalled: PLENARY_LOCALEDIR=_build/po shows the catalogues
   * the build just compiled. Release builds only ever read the installed ones. */
  if (g_str_equal (PROFILE, "development") && g_getenv ("PLENARY_LOCALEDIR") != NULL)
    localedir = g_getenv ("PLENARY_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = plenary_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
