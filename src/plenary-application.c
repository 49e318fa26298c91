/* plenary-application.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-application.h"
#include "plenary-benchmark.h"
#include "plenary-check.h"
#include "plenary-export-cli.h"
#include "plenary-search-provider.h"
#include "plenary-session.h"
#include "store/plenary-store.h"
#include "ui/plenary-preferences-window.h"
#include "ui/plenary-window.h"
#include "util/plenary-background.h"
#include "util/plenary-clock.h"

struct _PlenaryApplication
{
  AdwApplication      parent_instance;

  GSettings          *settings;
  PlenarySession     *session;      /* the followed events, their sync and reminders */
  GCancellable       *cancellable;
  gboolean            events_loaded;
  char               *chair_room;   /* --chair */
  gboolean            benchmark_startup;   /* --benchmark-startup */
  gboolean            other_events_loading;
  gboolean            activation_pending;   /* activated before the events list was in */
  gboolean            programme_pending;    /* the first programme on screen is loading */
  guint               present_timeout;      /* the window waits for it, briefly */
  gboolean            background_start;     /* --background: started at login, no window */
  PlenarySearchProvider *search_provider;   /* GNOME Shell's search, on the app's bus */
  guint               events_pending;       /* followed events whose programme is loading */
  char               *pending_notice;       /* said once, in the first window */
  guint               signal_sources[3];    /* SIGTERM, SIGINT, SIGHUP: quit */
};

/* How long a start waits for the stored programme before showing the window with a loading
 * page: loading it from the cache takes well under this even at 20,000 talks. */
#define FIRST_PROGRAMME_WAIT_MS 750

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

PlenarySession *
plenary_application_get_session (PlenaryApplication *self)
{
  g_return_val_if_fail (PLENARY_IS_APPLICATION (self), NULL);

  return self->session;
}

/* The session's, for the windows: NULL before startup. */
PlenaryEventList *
plenary_application_get_events (PlenaryApplication *self)
{
  g_return_val_if_fail (PLENARY_IS_APPLICATION (self), NULL);

  return self->session != NULL ? plenary_session_get_events (self->session) : NULL;
}

PlenarySyncService *
plenary_application_get_sync (PlenaryApplication *self)
{
  g_return_val_if_fail (PLENARY_IS_APPLICATION (self), NULL);

  return self->session != NULL ? plenary_session_get_sync (self->session) : NULL;
}

PlenaryFavoritesSync *
plenary_application_get_favorites (PlenaryApplication *self)
{
  g_return_val_if_fail (PLENARY_IS_APPLICATION (self), NULL);

  return self->session != NULL ? plenary_session_get_favorites (self->session) : NULL;
}

void
plenary_application_save_events (PlenaryApplication *self)
{
  g_return_if_fail (PLENARY_IS_APPLICATION (self));

  plenary_session_save_events (self->session);
}

void
plenary_application_watch_reminders (PlenaryApplication *self,
                                     PlenaryEvent       *event)
{
  g_return_if_fail (PLENARY_IS_APPLICATION (self));

  plenary_session_watch_event (self->session, event);
}

void
plenary_application_forget_event (PlenaryApplication *self,
                                  PlenaryEvent       *event)
{
  g_return_if_fail (PLENARY_IS_APPLICATION (self));

  plenary_session_forget_event (self->session, event);
}

static PlenaryWindow *
get_or_create_window (PlenaryApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (plenary_window_new (self));
  if (self->pending_notice != NULL)
    {
      plenary_window_add_toast (PLENARY_WINDOW (window), self->pending_notice);
      g_clear_pointer (&self->pending_notice, g_free);
    }

  return PLENARY_WINDOW (window);
}

/* The window is shown once its first programme is in, so that its first frame is the one
 * that stays: no empty state, no sample, no half-faded page before the stored programme. */
static void
present_window (PlenaryApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_clear_handle_id (&self->present_timeout, g_source_remove);
  if (window != NULL)
    gtk_window_present (window);
}

static void
first_programme_in (PlenaryApplication *self)
{
  if (!self->programme_pending)
    return;
  self->programme_pending = FALSE;
  if (self->present_timeout != 0)
    present_window (self);
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  PlenaryApplication *self = user_data;

  self->present_timeout = 0;
  present_window (self);
  return G_SOURCE_REMOVE;
}

static void
sample_parsed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (PlenaryApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = plenary_indico_parse_finish (result, NULL, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The sample ships inside the binary: failing to read it is a bug, not a user problem. */
  if (schedule == NULL)
    g_error ("The bundled sample event does not parse: %s", error->message);
  if (PLENARY_IS_WINDOW (window) && plenary_window_get_schedule (PLENARY_WINDOW (window)) == NULL)
    plenary_window_set_schedule (PLENARY_WINDOW (window), schedule, _("Sample Event"));
  first_programme_in (self);
}

/* A first start shows a real programme at once, offline: LPC 2021 from the GResource. */
void
plenary_application_show_sample (PlenaryApplication *self)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();

  sources->timetable = g_resources_lookup_data (RESOURCE_PREFIX "/sample/timetable.json",
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  sources->event = g_resources_lookup_data (RESOURCE_PREFIX "/sample/event.json",
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  sources->server_base = g_strdup ("https://lpc.events/");
  sources->event_id = g_strdup ("11");
  self->programme_pending = TRUE;
  plenary_indico_parse_async (sources, NULL, sample_parsed_cb, g_object_ref (self));
}

/* The event the window opens on: the last one shown, else the first followed. */
static PlenaryEvent *
current_event (PlenaryApplication *self)
{
  g_autofree char *key = g_settings_get_string (plenary_application_get_settings (self),
                                                "current-event");
  PlenaryEventList *events = plenary_session_get_events (self->session);
  PlenaryEvent *event = plenary_event_list_lookup (events, key);

  if (event == NULL && g_list_model_get_n_items (G_LIST_MODEL (events)) > 0)
    {
      event = g_list_model_get_item (G_LIST_MODEL (events), 0);
      g_object_unref (event);   /* the list keeps it */
    }
  return event;
}

static void
show_current (PlenaryApplication *self,
              PlenaryWindow      *window)
{
  PlenaryEvent *event = current_event (self);

  if (plenary_window_get_event (window) != NULL || plenary_window_get_schedule (window) != NULL)
    return;
  if (event != NULL)
    plenary_window_set_event (window, event);
  else
    plenary_application_show_sample (self);
}

static void
event_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (PlenaryApplication) self = user_data;
  PlenaryEvent *event = PLENARY_EVENT (source);
  PlenaryEventList *events = plenary_session_get_events (self->session);
  PlenarySyncService *sync = plenary_session_get_sync (self->session);
  g_auto (GStrv) warnings = NULL;
  g_autoptr (GError) error = NULL;

  /* Nothing downloaded yet is normal; anything else was set aside and is only reported. */
  if (!plenary_event_load_finish (event, result, &warnings, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && !g_error_matches (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_NO_SNAPSHOT))
    g_message ("%s: %s", plenary_event_get_key (event), error->message);
  /* Damaged files are expected (a crash, a full disk): logged and shown, not warnings. */
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_message ("%s: %s", plenary_event_get_key (event), warnings[i]);
  /* A damaged file set aside, an older copy shown: said in the window too, once. */
  if (warnings != NULL && warnings[0] != NULL && !g_cancellable_is_cancelled (self->cancellable))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
      const char *title = plenary_event_get_title (event);
      g_autofree char *joined = g_strjoinv (" · ", warnings);
      g_autofree char *text = title != NULL ? g_strdup_printf ("%s: %s", title, joined)
                                            : g_steal_pointer (&joined);

      if (PLENARY_IS_WINDOW (window))
        plenary_window_add_toast (PLENARY_WINDOW (window), text);
      else if (self->pending_notice != NULL)
        {
          char *both = g_strconcat (self->pending_notice, " · ", text, NULL);

          g_free (self->pending_notice);
          self->pending_notice = both;
        }
      else
        self->pending_notice = g_steal_pointer (&text);
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (event == current_event (self))
    first_programme_in (self);
  /* Searches from the Shell wait until every stored programme is in. */
  if (self->events_pending > 0 && --self->events_pending == 0 && self->search_provider != NULL)
    plenary_search_provider_set_events (self->search_provider, events,
                                        g_application_get_flags (G_APPLICATION (self))
                                        & G_APPLICATION_IS_SERVICE);
  /* Sync after the stored copy is in, so an unchanged server answer re-parses nothing. */
  plenary_sync_service_add_event (sync, event);
  /* Shown from the schedule cache alone (the exports were damaged): download them now. */
  if (plenary_event_get_snapshot (event) == NULL && plenary_event_get_schedule (event) != NULL)
    plenary_sync_service_sync_async (sync, event, FALSE, self->cancellable, NULL, NULL);
  plenary_session_watch_event (self->session, event);

  /* The event on screen loads alone; the others only once it is in, so that they do not
   * compete with it (and with the first frame) for the processor. */
  if (!self->other_events_loading)
    {
      self->other_events_loading = TRUE;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (events)); i++)
        {
          g_autoptr (PlenaryEvent) other = g_list_model_get_item (G_LIST_MODEL (events), i);

          if (other != event)
            plenary_event_load_async (other, self->cancellable, event_loaded_cb,
                                      g_object_ref (self));
        }
    }
}

static void plenary_application_activate (GApplication *app);

static void
events_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (PlenaryApplication) self = user_data;
  PlenaryEventList *events = plenary_session_get_events (self->session);
  g_autoptr (GError) error = NULL;
  PlenaryEvent *first;
  GtkWindow *window;
  guint n_recovered = 0;

  if (!plenary_session_load_finish (self->session, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("%s", error->message);
    }
  else if (plenary_event_list_get_recovered (events, &n_recovered))
    {
      /* Said once (the session saved the rebuilt list). */
      g_free (self->pending_notice);
      self->pending_notice =
        n_recovered > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "The list of followed events was damaged; it was "
                                        "rebuilt from %u event found on disk, with its stars "
                                        "and notes",
                                        "The list of followed events was damaged; it was "
                                        "rebuilt from %u events found on disk, with their stars "
                                        "and notes", n_recovered), n_recovered)
        : g_strdup (_("The list of followed events was damaged and has been set aside; "
                      "no event was found on disk"));
      g_message ("%s", self->pending_notice);
    }

  first = current_event (self);
  self->programme_pending = first != NULL;
  /* The first event's load starts the others' (event_loaded_cb()). */
  self->events_pending = g_list_model_get_n_items (G_LIST_MODEL (events));
  if (first != NULL)
    plenary_event_load_async (first, self->cancellable, event_loaded_cb, g_object_ref (self));
  else if (self->search_provider != NULL)
    plenary_search_provider_set_events (self->search_provider, events, FALSE);
  self->events_loaded = TRUE;
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (PLENARY_IS_WINDOW (window))
    show_current (self, PLENARY_WINDOW (window));
  if (PLENARY_IS_WINDOW (window) && self->pending_notice != NULL)
    {
      plenary_window_add_toast (PLENARY_WINDOW (window), self->pending_notice);
      g_clear_pointer (&self->pending_notice, g_free);
    }
  if (self->activation_pending)
    {
      self->activation_pending = FALSE;
      plenary_application_activate (G_APPLICATION (self));
      g_application_release (G_APPLICATION (self));
    }
}

static void
plenary_application_activate (GApplication *app)
{
  PlenaryApplication *self = PLENARY_APPLICATION (app);
  PlenaryWindow *window;

  /* Started at login for reminders: no window; the "run-in-background" hold keeps it
   * running (without it, it ends at once: the switch was turned off). */
  if (self->background_start)
    {
      self->background_start = FALSE;
      return;
    }

  /* The followed events are a small file read in a thread: waiting for them lets the current
   * event load in its thread while this one builds the window, instead of after it. */
  if (!self->events_loaded && gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL)
    {
      if (!self->activation_pending)
        g_application_hold (app);
      self->activation_pending = TRUE;
      return;
    }

  window = get_or_create_window (self);

  if (self->benchmark_startup)
    {
      self->benchmark_startup = FALSE;
      plenary_benchmark_startup (window);
    }
  /* Start-up never waits for the network: the stored copy (or the sample) shows first. */
  if (self->events_loaded)
    show_current (self, window);
  if (self->programme_pending && !gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      if (self->present_timeout == 0)
        self->present_timeout = g_timeout_add (FIRST_PROGRAMME_WAIT_MS, present_timeout_cb, self);
    }
  else
    present_window (self);
  if (self->chair_room != NULL)
    {
      g_autofree char *room = g_steal_pointer (&self->chair_room);

      plenary_window_open_chair (window, room);
    }
}

static void
plenary_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  PlenaryApplication *self = PLENARY_APPLICATION (app);
  PlenaryWindow *window;

  plenary_application_activate (app);
  window = get_or_create_window (self);
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      plenary_window_add_event (window, uri);
    }
}

/* PLENARY_REHEARSAL_START=2021-09-20T09:12:00-04:00 runs the app's clock from that instant,
 * at 1×: to rehearse a day of the event (and take its screenshots) before it happens. */
static void
rehearse_from_environment (void)
{
  const char *start_text = g_getenv ("PLENARY_REHEARSAL_START");
  g_autoptr (GDateTime) start = NULL;

  if (start_text == NULL)
    return;
  start = g_date_time_new_from_iso8601 (start_text, NULL);
  if (start != NULL)
    plenary_clock_set_rehearsal (plenary_clock_get_default (), start, 1.0);
  else
    g_warning ("PLENARY_REHEARSAL_START is not an ISO 8601 time: %s", start_text);
}

/* Logging out, `kill`, Ctrl+C and a closed terminal end the process as app.quit does, so
 * that shutdown writes the last stars and notes. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
plenary_application_startup (GApplication *app)
{
  PlenaryApplication *self = PLENARY_APPLICATION (app);
  const int signals[] = { SIGTERM, SIGINT, SIGHUP };

  G_APPLICATION_CLASS (plenary_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (BASE_ID);
  rehearse_from_environment ();
  /* Started by D-Bus (GNOME Shell's search, or DBusActivatable): stay a while for more. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 20000);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    self->signal_sources[i] = g_unix_signal_add (signals[i], quit_signal_cb, self);
  self->cancellable = g_cancellable_new ();
  self->session = plenary_session_new (app, plenary_application_get_settings (self));
  plenary_background_watch_setting (app, plenary_application_get_settings (self));
  plenary_session_load_async (self->session, self->cancellable, events_loaded_cb,
                              g_object_ref (self));
}

static void
last_save_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  if (!plenary_session_flush_finish (PLENARY_SESSION (source), result, &error))
    g_message ("%s", error->message);
  *done = TRUE;
}

/* However the application ends (app.quit, its last window, a signal, the session ending,
 * g_application_quit() from anywhere), it comes here once its main loop is done: pending
 * stars and notes are written, in worker threads, before the process ends. The loop runs
 * meanwhile; plenary_session_flush_async() bounds the wait. */
static void
plenary_application_shutdown (GApplication *app)
{
  PlenaryApplication *self = PLENARY_APPLICATION (app);
  gboolean done = FALSE;

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    {
      plenary_session_flush_async (self->session, last_save_done_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  G_APPLICATION_CLASS (plenary_application_parent_class)->shutdown (app);
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
      const char *chair = NULL;

      if (g_variant_dict_lookup (options, "chair", "&s", &chair))
        {
          g_free (PLENARY_APPLICATION (app)->chair_room);
          PLENARY_APPLICATION (app)->chair_room = g_strdup (chair);
        }
      if (g_variant_dict_contains (options, "benchmark-startup"))
        PLENARY_APPLICATION (app)->benchmark_startup = TRUE;
      if (g_variant_dict_contains (options, PLENARY_BACKGROUND_OPTION))
        PLENARY_APPLICATION (app)->background_start = TRUE;
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

static gboolean
plenary_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  PlenaryApplication *self = PLENARY_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);
  g_autoptr (GError) local_error = NULL;

  if (!G_APPLICATION_CLASS (plenary_application_parent_class)->dbus_register (app, connection,
                                                                              object_path, error))
    return FALSE;
  self->search_provider = plenary_search_provider_new (app);
  /* Without the Shell's search the app still runs. */
  if (!plenary_search_provider_register (self->search_provider, connection, path, &local_error))
    {
      g_warning ("GNOME Shell’s search will not find talks: %s", local_error->message);
      g_clear_object (&self->search_provider);
    }
  return TRUE;
}

static void
plenary_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  PlenaryApplication *self = PLENARY_APPLICATION (app);

  g_clear_object (&self->search_provider);
  G_APPLICATION_CLASS (plenary_application_parent_class)->dbus_unregister (app, connection,
                                                                           object_path);
}

static void
plenary_application_dispose (GObject *object)
{
  PlenaryApplication *self = PLENARY_APPLICATION (object);

  g_clear_handle_id (&self->present_timeout, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->chair_room, g_free);
  g_clear_pointer (&self->pending_notice, g_free);

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
  app_class->shutdown = plenary_application_shutdown;
  app_class->open = plenary_application_open;
  app_class->handle_local_options = plenary_application_handle_local_options;
  app_class->local_command_line = plenary_application_local_command_line;
  app_class->dbus_register = plenary_application_dbus_register;
  app_class->dbus_unregister = plenary_application_dbus_unregister;
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
  /* Whether windows are open or the app runs in the background; shutdown saves. */
  g_application_quit (G_APPLICATION (user_data));
}

static void
plenary_application_show_entry_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  PlenaryApplication *self = user_data;
  PlenaryWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  plenary_window_show_entry (window, g_variant_get_string (parameter, NULL));
}

/* From the Shell's search: (event key, user key or person key). */
static void
plenary_application_show_in_event_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  PlenaryApplication *self = user_data;
  PlenaryWindow *window = get_or_create_window (self);
  const char *event_key = NULL;
  const char *key = NULL;
  PlenaryEvent *event;

  g_variant_get (parameter, "(&s&s)", &event_key, &key);
  event = plenary_event_list_lookup (plenary_session_get_events (self->session), event_key);
  if (event != NULL && plenary_window_get_event (window) != event)
    plenary_window_set_event (window, event);
  else if (event == NULL)
    show_current (self, window);
  gtk_window_present (GTK_WINDOW (window));
  if (event == NULL)
    return;
  if (g_strcmp0 (g_action_get_name (G_ACTION (action)), "show-event-person") == 0)
    plenary_window_show_person (window, key);
  else
    plenary_window_show_entry (window, key);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* From the Shell's search: the schedule's search with these words. */
static void
plenary_application_search_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  PlenaryApplication *self = user_data;
  PlenaryWindow *window = get_or_create_window (self);
  GtkWidget *view = GTK_WIDGET (plenary_window_get_schedule_view (window));
  GtkWidget *entry;

  show_current (self, window);
  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (plenary_window_get_view_stack (window), "schedule");
  /* The view's own search: its bar opens, and the words go in its entry, which searches. */
  gtk_widget_activate_action (view, "schedule.search", NULL);
  entry = find_search_entry (view);
  if (entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), g_variant_get_string (parameter, NULL));
  else
    plenary_schedule_view_set_search (PLENARY_SCHEDULE_VIEW (view),
                                      g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "show-entry", plenary_application_show_entry_action, "s" },
  { "show-event-entry", plenary_application_show_in_event_action, "(ss)" },
  { "show-event-person", plenary_application_show_in_event_action, "(ss)" },
  { "search", plenary_application_search_action, "s" },
  { "quit", plenary_application_quit_action },
  { "about", plenary_application_about_action },
  { "preferences", plenary_application_preferences_action },
};

static const GOptionEntry option_entries[] = {
  { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check an event’s programme and print a summary for organisers"), N_("FOLDER") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --check, print the summary as JSON"), NULL },
  { "chair", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the room clock for session chairs in this room"), N_("ROOM") },
  { PLENARY_BACKGROUND_OPTION, 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, for reminders (what starting at login does)"), NULL },
  /* Only for --help: plenary_export_cli_handle_arguments() parses these. */
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export an event’s talks from FOLDER to an iCalendar file: --export-ics OUT.ics FOLDER"),
    N_("OUT.ics") },
  { "starred", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --export-ics, only the starred talks"),
    NULL },
  /* For build-aux/dev bench: print start-up and interaction timings, then quit. */
  { "benchmark-startup", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
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
  /* What GtkApplication sets when it finds gtk/help-overlay.ui, which Plenary builds later. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}
