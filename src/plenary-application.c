/* plenary-application.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-application.h"
#include "plenary-check.h"
#include "plenary-export-cli.h"
#include "ui/plenary-preferences-window.h"
#include "ui/plenary-window.h"

struct _PlenaryApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (PlenaryApplication, plenary_application, ADW_TYPE_APPLICATION)

PlenaryApplication *
plenary_application_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (PLENARY_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       /* The .Devel build shares resources with the default one. */
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
plenary_application_get_settings (PlenaryApplication *self)
{
  g_return_val_if_fail (PLENARY_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}

static PlenaryWindow *
get_or_create_window (PlenaryApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (plenary_window_new (self));

  return PLENARY_WINDOW (window);
}

static void
sample_parsed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (PlenaryApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = plenary_indico_parse_finish (result, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The sample ships inside the binary: failing to read it is a bug, not a user problem. */
  if (schedule == NULL)
    g_error ("The bundled sample event does not parse: %s", error->message);
  if (PLENARY_IS_WINDOW (window) && plenary_window_get_schedule (PLENARY_WINDOW (window)) == NULL)
    plenary_window_set_schedule (PLENARY_WINDOW (window), schedule, _("Sample Event"));
}

/* A first start shows a real programme at once, offline: LPC 2021 from the GResource. */
static void
load_sample_event (PlenaryApplication *self)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();

  sources->timetable = g_resources_lookup_data (RESOURCE_PREFIX "/sample/timetable.json",
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  sources->event = g_resources_lookup_data (RESOURCE_PREFIX "/sample/event.json",
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  sources->server_base = g_strdup ("https://lpc.events/");
  sources->event_id = g_strdup ("11");
  plenary_indico_parse_async (sources, NULL, sample_parsed_cb, g_object_ref (self));
}

static void
plenary_application_activate (GApplication *app)
{
  PlenaryApplication *self = PLENARY_APPLICATION (app);
  PlenaryWindow *window = get_or_create_window (self);

  if (plenary_window_get_schedule (window) == NULL)
    load_sample_event (self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
plenary_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (plenary_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (BASE_ID);
}

/* --check runs here, before registration: no display, no D-Bus, no window. */
static int
plenary_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  const char *source = NULL;
  int status;

  /* --export-ics itself never gets here: see plenary_application_local_command_line(). */
  if (g_variant_dict_contains (options, "starred"))
    {
      g_printerr ("plenary: %s\n", _("--starred only works with --export-ics."));
      return 1;
    }

  if (!g_variant_dict_lookup (options, "check", "^&ay", &source))
    {
      if (g_variant_dict_contains (options, "json"))
        {
          g_printerr ("plenary: %s\n", _("--json only works with --check."));
          return 1;
        }
      return -1;
    }

  status = plenary_check_run (source, g_variant_dict_contains (options, "json"), &error);
  if (error != NULL)
    g_printerr ("plenary: %s\n", error->message);

  return status;
}

/* `--export-ics OUT.ics [--starred] SOURCE` takes a positional SOURCE, which GApplication
 * would hand to "open": so it is parsed before GApplication sees the arguments. */
static gboolean
plenary_application_local_command_line (GApplication   *app,
                                        char         ***arguments,
                                        int            *exit_status)
{
  if (plenary_export_cli_handle_arguments (*arguments, exit_status))
    return TRUE;

  return G_APPLICATION_CLASS (plenary_application_parent_class)->local_command_line (app,
                                                                                      arguments,
                                                                                      exit_status);
}

static void
plenary_application_dispose (GObject *object)
{
  PlenaryApplication *self = PLENARY_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plenary_application_parent_class)->dispose (object);
}

static void
plenary_application_class_init (PlenaryApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = plenary_application_dispose;

  app_class->activate = plenary_application_activate;
  app_class->startup = plenary_application_startup;
  app_class->handle_local_options = plenary_application_handle_local_options;
  app_class->local_command_line = plenary_application_local_command_line;
}

static void
plenary_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The Plenary authors", NULL };
  PlenaryApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Plenary"),
                         "application-icon", BASE_ID,
                         "developer-name", _("The Plenary authors"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/plenary/plenary",
                         "issue-url", "https://github.com/plenary/plenary/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Plenary authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
plenary_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  PlenaryApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PlenaryPreferencesWindow *preferences = plenary_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
plenary_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", plenary_application_quit_action },
  { "about", plenary_application_about_action },
  { "preferences", plenary_application_preferences_action },
};

static const GOptionEntry option_entries[] = {
  { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check an event’s programme and print a summary for organisers"), N_("FOLDER") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --check, print the summary as JSON"), NULL },
  /* Only for --help: plenary_export_cli_handle_arguments() parses these. */
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export an event’s talks from FOLDER to an iCalendar file: --export-ics OUT.ics FOLDER"),
    N_("OUT.ics") },
  { "starred", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export-ics, only the starred talks"),
    NULL },
  { NULL }
};

static void
plenary_application_init (PlenaryApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
}
