/* test-application.c: the application starts and presents its window
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-application.h"
#include <signal.h>
#include <string.h>

#include "plenary-test-util.h"
#include "store/plenary-snapshot.h"
#include "store/plenary-event-list.h"
#include "store/plenary-store.h"
#include "ui/plenary-preferences-window.h"
#include "ui/plenary-speakers-view.h"
#include "ui/plenary-tracks-view.h"
#include "ui/plenary-window.h"



static PlenaryApplication *
start_application (void)
{
  PlenaryApplication *app = plenary_test_start_application ("Test");

  plenary_test_iterate (100);
  return app;
}

static void
test_window_presented (void)
{
  PlenaryApplication *app = start_application ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AdwViewStack *stack;
  const char *expected[] = { "schedule", "speakers", "rooms", "starred" };

  g_assert_true (PLENARY_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  stack = plenary_window_get_view_stack (PLENARY_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (adw_view_stack_get_child_by_name (stack, expected[i]));

  plenary_test_stop_application (app);
}

/* A first start, offline, shows the bundled LPC 2021 programme at once. */
static void
test_first_start_shows_sample (void)
{
  PlenaryApplication *app = start_application ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  PlenaryScheduleView *view;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (plenary_window_get_schedule (PLENARY_WINDOW (window)) == NULL
         && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);

  g_assert_nonnull (plenary_window_get_schedule (PLENARY_WINDOW (window)));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Linux Plumbers Conference 2021");
  view = plenary_window_get_schedule_view (PLENARY_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_view_get_model (view)), >, 30);

  plenary_test_stop_application (app);
}

/* Views other than the schedule are built when first shown, and then show the programme. */
static void
test_views_built_when_shown (void)
{
  PlenaryApplication *app = start_application ();
  PlenaryWindow *window = PLENARY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AdwViewStack *stack = plenary_window_get_view_stack (window);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  GtkWidget *speakers;

  while (plenary_window_get_schedule (window) == NULL && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);
  g_assert_nonnull (plenary_window_get_schedule (window));

  for (const char **name = (const char *[]) { "speakers", "rooms", "tracks", "starred", NULL };
       *name != NULL; name++)
    g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, *name))));

  adw_view_stack_set_visible_child_name (stack, "speakers");
  speakers = adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "speakers")));
  g_assert_true (PLENARY_IS_SPEAKERS_VIEW (speakers));
  /* LPC 2021: 300-odd people and their letters. */
  g_assert_cmpuint (g_list_model_get_n_items (
                      plenary_speakers_view_get_model (PLENARY_SPEAKERS_VIEW (speakers))), >, 200);
  for (const char **name = (const char *[]) { "rooms", "tracks", "starred", NULL };
       *name != NULL; name++)
    {
      adw_view_stack_set_visible_child_name (stack, *name);
      g_assert_nonnull (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack,
                                                                                      *name))));
    }
  g_assert_cmpuint (g_list_model_get_n_items (plenary_tracks_view_get_model (PLENARY_TRACKS_VIEW (
                      adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack,
                                                                                    "tracks")))))),
                    >, 0);

  plenary_test_stop_application (app);
}

/* The accelerator a shortcuts window under @widget shows for @action_name, or NULL. */
static char *
shown_accelerator (GtkWidget  *widget,
                   const char *action_name)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (action, action_name) == 0)
        return accelerator;
      g_free (accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = shown_accelerator (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shortcuts windows transient for @window (only the visible ones with @visible_only). */
static guint
count_shortcuts_windows (GtkWindow *window,
                         gboolean   visible_only)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data)
        && gtk_window_get_transient_for (l->data) == window
        && (!visible_only || gtk_widget_get_visible (l->data)))
      n++;
  return n;
}

static void
test_actions_and_accels (void)
{
  PlenaryApplication *app = start_application ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_auto (GStrv) quit_accels = NULL;
  g_auto (GStrv) help_accels = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                       "win.show-help-overlay");
  g_assert_cmpstr (help_accels[0], ==, "<Control>question");

  /* The shortcuts window is built when first asked for, not at start-up, and once. */
  g_assert_cmpuint (count_shortcuts_windows (window, FALSE), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  plenary_test_iterate (50);
  g_assert_cmpuint (count_shortcuts_windows (window, TRUE), ==, 1);
  {
    g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (GTK_IS_SHORTCUTS_WINDOW (l->data))
        {
          /* It lists the application's own accelerators, not only those written in it. */
          g_autofree char *quit = shown_accelerator (l->data, "app.quit");

          g_assert_cmpstr (quit, ==, "<Control>q");
          gtk_window_close (l->data);
        }
  }
  plenary_test_iterate (50);
  g_assert_cmpuint (count_shortcuts_windows (window, TRUE), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  plenary_test_iterate (50);
  g_assert_cmpuint (count_shortcuts_windows (window, TRUE), ==, 1);
  g_assert_cmpuint (count_shortcuts_windows (window, FALSE), ==, 1);

  /* About and Preferences open real windows. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  plenary_test_iterate (100);
  {
    g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
    gboolean saw_about = FALSE, saw_preferences = FALSE;

    for (GList *l = toplevels; l != NULL; l = l->next)
      {
        saw_about |= ADW_IS_ABOUT_WINDOW (l->data) && gtk_widget_get_visible (l->data);
        saw_preferences |= PLENARY_IS_PREFERENCES_WINDOW (l->data)
                           && gtk_widget_get_visible (l->data);
      }
    g_assert_true (saw_about);
    g_assert_true (saw_preferences);
  }

  plenary_test_stop_application (app);
}

static void
test_window_size_saved (void)
{
  PlenaryApplication *app = start_application ();
  GSettings *settings = plenary_application_get_settings (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  gtk_window_set_default_size (window, 640, 480);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  plenary_test_stop_application (app);
}

static void
print_wide (GtkWidget *widget,
            int        limit,
            int        depth)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= limit || !gtk_widget_get_visible (widget))
    return;
  g_test_message ("%*s%s %s: %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                  gtk_widget_get_name (widget), min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    print_wide (child, limit, depth + 1);
}

/* The main window works at 360 × 294 with the sample on screen: every view fits. */
static void
test_window_fits_small (void)
{
  PlenaryApplication *app = start_application ();
  PlenaryWindow *window = PLENARY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AdwViewStack *stack = plenary_window_get_view_stack (window);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (plenary_window_get_schedule (window) == NULL && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);
  g_assert_nonnull (plenary_window_get_schedule (window));
  /* GNOME's own title bar buttons, as on a phone or a tiled half of a laptop screen. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 294);
  plenary_test_iterate (200);

  for (const char **name = (const char *[]) { "schedule", "now", "speakers", "rooms", "tracks",
                                              "starred", NULL };
       *name != NULL; name++)
    {
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
      int min_width = 0, min_height = 0;

      adw_view_stack_set_visible_child_name (stack, *name);
      plenary_test_iterate (100);
      print_wide (content, 360, 0);
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, 360, &min_height, NULL, NULL, NULL);
      g_test_message ("%s: %d × %d", *name, min_width, min_height);
      g_assert_cmpint (min_width, <=, 360);
      /* The window as a whole, as the window manager sees it. Xvfb has no compositor, so GTK
       * draws a 5 px resize frame ("solid-csd") that a GNOME session, composited, puts in the
       * invisible shadow instead: measure the window as GNOME shows it. */
      gtk_widget_remove_css_class (GTK_WIDGET (window), "solid-csd");
      plenary_test_iterate (50);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                          NULL, NULL);
      g_test_message ("%s window: %d", *name, min_width);
      g_assert_cmpint (min_width, <=, 360);
      /* The window's own rows (header bar, status row, switcher bar) leave a 294 px window
       * room for every view. */
      g_assert_cmpint (min_height, <=, 294);
    }
  plenary_test_stop_application (app);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* What a popover holds, shown or not (call it on the popover's child): the tests share one X
 * server, and there another test's window or grab can make GTK hide a popover at once. */
static gboolean
holds_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (holds_text (child, text))
      return TRUE;
  return FALSE;
}

static guint
count_text (GtkWidget  *widget,
            const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
            && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_text (child, text);
  return n;
}

static GtkWidget *
find_star_toggle (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "star-toggle")
      && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_star_toggle (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The event and how fresh its programme is are on screen at every width; the events menu
 * marks the event on screen. */
static void
test_sync_state_at_every_width (void)
{
  PlenaryApplication *app = start_application ();
  PlenaryWindow *window = PLENARY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenaryEvent) event = plenary_event_new ("https://lpc.events/", "11");
  g_autoptr (GBytes) bytes = g_bytes_new_static ("{}", 2);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) fetched = g_date_time_add_minutes (now, -3);
  g_autoptr (PlenarySnapshot) snapshot = plenary_snapshot_new (bytes, bytes, NULL, fetched);
  g_autoptr (PlenaryEvent) other = plenary_event_new ("https://kernel-recipes.org/", "7");
  const int widths[] = { 1280, 360 };
  g_autofree char *key = NULL;
  GtkMenuButton *events_button;
  GtkWidget *popover;   /* the events menu's content */
  GtkWidget *star;

  /* The sample: stars work there too (scratch user data). */
  while (plenary_window_get_schedule (window) == NULL)
    plenary_test_iterate (20);
  g_assert_true (shows_text (GTK_WIDGET (window), "Sample"));
  star = find_star_toggle (GTK_WIDGET (window));
  g_assert_nonnull (star);
  g_signal_emit_by_name (star, "clicked");
  plenary_test_iterate (20);
  star = find_star_toggle (GTK_WIDGET (window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));

  plenary_event_set_title (event, "Linux Plumbers Conference 2021");
  plenary_event_set_programme (event, snapshot, schedule);
  plenary_event_set_last_sync (event, fetched);
  plenary_event_set_sync_state (event, PLENARY_SYNC_STATE_IDLE, NULL);
  plenary_event_list_add (plenary_application_get_events (app), event);
  plenary_window_set_event (window, event);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_test_message ("%d px", widths[i]);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 600);
      plenary_event_set_sync_state (event, PLENARY_SYNC_STATE_IDLE, NULL);
      plenary_test_iterate (200);
      /* Client-side decorations take a few pixels of it. */
      g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - widths[i]), <=, 20);
      g_assert_true (shows_text (GTK_WIDGET (window), "Linux Plumbers"));
      g_assert_true (shows_text (GTK_WIDGET (window), "Updated 3 minutes ago"));
      g_assert_false (shows_text (GTK_WIDGET (window), "Sample"));

      plenary_event_set_sync_state (event, PLENARY_SYNC_STATE_OFFLINE, "No network.");
      plenary_test_iterate (50);
      g_assert_true (shows_text (GTK_WIDGET (window), "Offline: showing the programme from"));
      g_assert_true (shows_text (GTK_WIDGET (window), "No network."));
      /* Once: at 360 px in the banner, under the reason, with no status row above it. */
      g_assert_cmpuint (count_text (GTK_WIDGET (window), "Offline: showing the programme"), ==, 1);
      if (widths[i] == 360)
        {
          g_assert_cmpuint (count_text (GTK_WIDGET (window), "No network.\nOffline: showing"),
                            ==, 1);
          /* The header bar's Refresh is the retry there: no Retry to squeeze the text. */
          g_assert_cmpuint (count_text (GTK_WIDGET (window), "Retry"), ==, 0);
        }
      else
        g_assert_cmpuint (count_text (GTK_WIDGET (window), "Retry"), ==, 1);
    }

  g_object_get (window, "current-event", &key, NULL);
  g_assert_cmpstr (key, ==, plenary_event_get_key (event));

  /* The events menu is built when it opens, and again after the events change. */
  events_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  PLENARY_TYPE_WINDOW,
                                                                  "events_button"));
  g_assert_null (gtk_menu_button_get_menu_model (events_button));
  gtk_menu_button_popup (events_button);
  plenary_test_iterate (50);
  g_assert_nonnull (gtk_menu_button_get_menu_model (events_button));
  popover = gtk_popover_get_child (gtk_menu_button_get_popover (events_button));
  g_assert_true (holds_text (popover, "Linux Plumbers Conference 2021"));
  g_assert_true (holds_text (popover, "Add Event…"));
  g_assert_true (holds_text (popover, "Remove This Event…"));
  gtk_menu_button_popdown (events_button);
  plenary_test_iterate (20);
  plenary_event_set_title (other, "Kernel Recipes");
  plenary_event_list_add (plenary_application_get_events (app), other);
  g_assert_null (gtk_menu_button_get_menu_model (events_button));
  gtk_menu_button_popup (events_button);
  plenary_test_iterate (50);
  popover = gtk_popover_get_child (gtk_menu_button_get_popover (events_button));
  g_assert_true (holds_text (popover, "Kernel Recipes"));
  g_assert_true (holds_text (popover, "Linux Plumbers Conference 2021"));
  gtk_menu_button_popdown (events_button);
  plenary_test_stop_application (app);
}

static gboolean
file_has (const char *path,
          const char *what)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, what) != NULL;
}

/* The .ics export (written in a thread: it is fsync'd) writes every talk; a path it cannot
 * write gives a message, not a half file. */
static void
test_export_ics (void)
{
  PlenaryApplication *app = start_application ();
  PlenaryWindow *window = PLENARY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "lpc.ics", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  /* Under a file, not a folder: not writable even as root (CI runs as root). */
  g_autofree char *under_file = g_build_filename (path, "lpc.ics", NULL);
  g_autoptr (GFile) nowhere = g_file_new_for_path (under_file);
  g_autofree char *contents = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  guint n_events = 0;

  while (plenary_window_get_schedule (window) == NULL && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);
  g_assert_nonnull (plenary_window_get_schedule (window));

  plenary_window_export_ics (window, file, FALSE);
  while (!file_has (path, "END:VCALENDAR") && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    n_events++;
  g_assert_cmpuint (n_events, >=, 226);

  plenary_window_export_ics (window, nowhere, FALSE);
  plenary_test_iterate (300);
  g_assert_false (g_file_test (under_file, G_FILE_TEST_EXISTS));
  g_assert_true (file_has (path, "END:VCALENDAR"));
  plenary_test_stop_application (app);
}

/* The ways the application ends. */
typedef enum
{
  END_QUIT_ACTION,    /* app.quit (Ctrl+Q, the menu) */
  END_LAST_WINDOW,    /* its last window closes */
  END_QUIT,           /* g_application_quit(): GTK does it when the session ends, and so do
                       * the inactivity timeout and the background watch */
  END_SAVE_UNDER_WAY, /* the same while a save is being written, with a later change */
  END_SIGNAL,         /* a signal: logging out, kill, Ctrl+C, a closed terminal */
} End;

typedef struct
{
  End              end;
  int              signum;
  PlenaryUserData *user_data;
} LastSave;

static gboolean
release_stall_cb (gpointer user_data)
{
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
last_save_turn_cb (gpointer user_data)
{
  LastSave *run = user_data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr (PlenaryEvent) event = NULL;
  const char *report = g_getenv ("PLENARY_TEST_REPORT");

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  event = plenary_event_new ("https://indico.example.org/", "3333");
  plenary_event_list_add (plenary_application_get_events (PLENARY_APPLICATION (app)), event);
  run->user_data = g_object_ref (plenary_event_get_user_data (event));
  /* Only the last save may write it. */
  g_object_set (run->user_data, "save-delay", 60000, NULL);
  plenary_user_data_set_starred (run->user_data, "c-4242", TRUE);
  if (report != NULL)
    g_assert_true (g_file_set_contents (report, plenary_user_data_get_path (run->user_data), -1,
                                        NULL));
  switch (run->end)
    {
    case END_QUIT_ACTION:
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      break;
    case END_LAST_WINDOW:
      gtk_window_destroy (window);
      break;
    case END_SAVE_UNDER_WAY:
      /* The star is being written (held in its worker) when a note follows it. */
      plenary_store_set_fault (PLENARY_STORE_FAULT_STALL, "user.json");
      plenary_user_data_save_async (run->user_data, NULL, NULL, NULL);
      plenary_user_data_set_note (run->user_data, "c-4242", "Ask about the timing");
      g_timeout_add (300, release_stall_cb, NULL);
      G_GNUC_FALLTHROUGH;
    case END_QUIT:
      g_application_quit (app);
      break;
    case END_SIGNAL:
    default:
      raise (run->signum);
      break;
    }
  return G_SOURCE_REMOVE;
}

static gboolean
file_has_last_save (const char *path,
                    End         end)
{
  return file_has (path, "c-4242")
         && (end != END_SAVE_UNDER_WAY || file_has (path, "Ask about the timing"));
}

/* A star given just before the end reaches user.json, however the application ends: its
 * shutdown waits while the last save runs in its thread. */
static void
run_last_save (End end,
               int signum)
{
  static guint serial;
  g_autofree char *id = g_strdup_printf ("%s.LastSave%u", APP_ID, serial++);
  PlenaryApplication *app = plenary_application_new (id, G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "plenary", NULL };
  LastSave run = { end, signum, NULL };

  plenary_test_reset_dirs ();
  g_application_set_default (G_APPLICATION (app));
  g_timeout_add (50, last_save_turn_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  g_assert_nonnull (run.user_data);
  g_assert_false (plenary_user_data_get_dirty (run.user_data));
  g_assert_true (file_has_last_save (plenary_user_data_get_path (run.user_data), end));
  g_clear_object (&run.user_data);
  g_application_set_default (NULL);
  g_object_unref (app);
}

static void
test_last_save (gconstpointer data)
{
  run_last_save (GPOINTER_TO_INT (data), 0);
  plenary_test_reset_dirs ();
}

/* A signal ends a real process: this test's, run again as a child with its own directories,
 * kept for the parent to read (they are under its own). */
static void
test_last_save_signal (gconstpointer data)
{
  static guint serial;
  int signum = GPOINTER_TO_INT (data);
  g_autofree char *tmp = NULL;
  g_autofree char *report = NULL;
  g_autofree char *old_tmp = g_strdup (g_getenv ("TMPDIR"));
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      run_last_save (END_SIGNAL, signum);
      return;
    }

  tmp = g_strdup_printf ("%s/child-%u", plenary_test_get_tmpdir (), serial++);
  report = g_build_filename (tmp, "report", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp, 0700), ==, 0);
  g_setenv ("TMPDIR", tmp, TRUE);
  g_setenv ("PLENARY_TEST_KEEP_TMPDIR", "1", TRUE);
  g_setenv ("PLENARY_TEST_REPORT", report, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (old_tmp != NULL)
    g_setenv ("TMPDIR", old_tmp, TRUE);
  else
    g_unsetenv ("TMPDIR");
  g_unsetenv ("PLENARY_TEST_KEEP_TMPDIR");
  g_unsetenv ("PLENARY_TEST_REPORT");

  /* It exited, after its shutdown: not killed by the signal. */
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (report, &path, NULL, NULL));
  g_assert_true (file_has_last_save (path, END_SIGNAL));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/application/window-presented", test_window_presented);
  g_test_add_func ("/application/export-ics", test_export_ics);
  g_test_add_func ("/application/first-start-shows-sample", test_first_start_shows_sample);
  g_test_add_func ("/application/views-built-when-shown", test_views_built_when_shown);
  g_test_add_func ("/application/actions-and-accels", test_actions_and_accels);
  g_test_add_func ("/application/window-size-saved", test_window_size_saved);
  g_test_add_func ("/application/window-fits-small", test_window_fits_small);
  g_test_add_func ("/application/sync-state-at-every-width", test_sync_state_at_every_width);
  g_test_add_data_func ("/application/last-save/quit", GINT_TO_POINTER (END_QUIT_ACTION),
                        test_last_save);
  g_test_add_data_func ("/application/last-save/last-window", GINT_TO_POINTER (END_LAST_WINDOW),
                        test_last_save);
  g_test_add_data_func ("/application/last-save/session-end", GINT_TO_POINTER (END_QUIT),
                        test_last_save);
  g_test_add_data_func ("/application/last-save/save-under-way",
                        GINT_TO_POINTER (END_SAVE_UNDER_WAY), test_last_save);
  g_test_add_data_func ("/application/last-save/sigterm", GINT_TO_POINTER (SIGTERM),
                        test_last_save_signal);
  g_test_add_data_func ("/application/last-save/sigint", GINT_TO_POINTER (SIGINT),
                        test_last_save_signal);
  g_test_add_data_func ("/application/last-save/sighup", GINT_TO_POINTER (SIGHUP),
                        test_last_save_signal);

  return g_test_run ();
}
