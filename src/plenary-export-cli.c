/* plenary-export-cli.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "export/plenary-ics.h"
#include "plenary-check.h"
#include "plenary-export-cli.h"
#include "store/plenary-store.h"
#include "store/plenary-user-data.h"

typedef struct
{
  GMainLoop *loop;
  gboolean   loaded;
  GError    *error;
} LoadState;

static void
user_data_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LoadState *state = user_data;

  state->loaded = plenary_user_data_load_finish (PLENARY_USER_DATA (object), result,
                                                 &state->error);
  g_main_loop_quit (state->loop);
}

/* The user data only loads asynchronously (the app must not block on disk); the command line
 * may wait, in a private main context so that nothing else runs meanwhile. */
static PlenaryUserData *
load_user_data (const char  *path,
                GError     **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  LoadState state = { loop, FALSE, NULL };

  g_main_context_push_thread_default (context);
  plenary_user_data_load_async (user_data, NULL, user_data_loaded_cb, &state);
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (context);

  if (!state.loaded)
    {
      g_propagate_error (error, state.error);
      return NULL;
    }
  return g_steal_pointer (&user_data);
}

static guint
count_events (const char *ics)
{
  guint n = 0;

  for (const char *p = strstr (ics, "BEGIN:VEVENT\r\n"); p != NULL;
       p = strstr (p + 1, "BEGIN:VEVENT\r\n"))
    n++;
  return n;
}

int
plenary_export_cli_export (const char  *source,
                           const char  *output,
                           gboolean     starred_only,
                           gboolean    *no_user_data,
                           GError     **error)
{
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (PlenaryUserData) user_data = NULL;
  g_autoptr (GListStore) starred = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *parent = NULL;
  GListModel *entries;

  g_return_val_if_fail (source != NULL, -1);
  g_return_val_if_fail (output != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (no_user_data != NULL)
    *no_user_data = FALSE;

  /* The store makes the folders it needs; for a name the user typed, that would hide a typo. */
  parent = g_path_get_dirname (output);
  if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (parent);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot write the calendar: there is no folder “%s”."), display);
      return -1;
    }

  schedule = plenary_check_load (source, NULL, error);
  if (schedule == NULL)
    return -1;
  entries = plenary_schedule_get_entries (schedule);

  if (starred_only)
    {
      g_autofree char *path = g_build_filename (source, "user.json", NULL);

      /* Stars live beside the snapshot of a followed event; a folder of bare exports has
       * none, and an empty calendar must not overwrite the user's file. */
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          if (no_user_data != NULL)
            *no_user_data = TRUE;
          return 0;
        }
      user_data = load_user_data (path, error);
      if (user_data == NULL)
        return -1;

      /* In programme order, which is the order of plenary_schedule_get_entries(). */
      starred = g_list_store_new (PLENARY_TYPE_ENTRY);
      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

          if (plenary_user_data_get_starred (user_data, plenary_entry_get_user_key (entry)))
            g_list_store_append (starred, entry);
        }
      entries = G_LIST_MODEL (starred);
    }

  ics = plenary_ics_write (schedule, entries, PLENARY_ICS_FLAGS_NONE, NULL);
  if (!plenary_store_write_file (output, ics, strlen (ics), error))
    return -1;

  return (int) count_events (ics);
}

static int
run (const char  *output,
     gboolean     starred_only,
     char       **sources)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *display_output = NULL;
  gboolean no_user_data = FALSE;
  int n;

  if (sources == NULL || sources[0] == NULL || sources[1] != NULL)
    {
      g_printerr ("plenary: %s\n",
                  _("--export-ics needs exactly one folder with an event’s exports: "
                    "plenary --export-ics OUT.ics [--starred] FOLDER"));
      return 1;
    }

  n = plenary_export_cli_export (sources[0], output, starred_only, &no_user_data, &error);
  if (n < 0)
    {
      g_printerr ("plenary: %s\n", error->message);
      return 1;
    }

  if (no_user_data)
    {
      g_autofree char *display_source = g_filename_display_name (sources[0]);

      g_printerr ("plenary: ");
      g_printerr (_("No starred talks: “%s” has no user.json, so nothing was exported.\n"),
                  display_source);
      return 0;
    }

  display_output = g_filename_display_name (output);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %d event to %s\n", "Wrote %d events to %s\n",
                        n),
           n, display_output);
  return 0;
}

static gboolean
asks_for_export (char **arguments)
{
  for (guint i = 1; arguments[i] != NULL; i++)
    {
      /* Past "--" everything is a file name. */
      if (strcmp (arguments[i], "--") == 0)
        return FALSE;
      if (strcmp (arguments[i], "--export-ics") == 0
          || g_str_has_prefix (arguments[i], "--export-ics="))
        return TRUE;
    }
  return FALSE;
}

gboolean
plenary_export_cli_handle_arguments (char **arguments,
                                     int   *exit_status)
{
  g_autofree char *output = NULL;
  g_auto (GStrv) sources = NULL;
  g_auto (GStrv) copy = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  gboolean starred_only = FALSE;
  const GOptionEntry entries[] = {
    { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { "starred", 0, 0, G_OPTION_ARG_NONE, &starred_only, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sources, NULL, NULL },
    { NULL }
  };

  g_return_val_if_fail (arguments != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  if (arguments[0] == NULL || !asks_for_export (arguments))
    return FALSE;

  /* Parsed here rather than by GApplication, which would take SOURCE for a file to open. */
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  copy = g_strdupv (arguments);
  if (!g_option_context_parse_strv (context, &copy, &error))
    {
      g_printerr ("plenary: %s\n", error->message);
      *exit_status = 1;
      return TRUE;
    }

  *exit_status = run (output, starred_only, sources);
  return TRUE;
}
