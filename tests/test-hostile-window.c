/* test-hostile-window.c: what the window says after a hostile answer or a damaged file
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 14, as a user sees it: the held answer's banner and its "Use New Programme", the
 * one-time message after events.json was rebuilt, and the schedule cache shown when the
 * stored exports are damaged. The server is a closed loopback port: no sync reaches anything.
 */

#include "config.h"

#include <string.h>

#include "plenary-application.h"
#include "plenary-test-util.h"
#include "model/plenary-event.h"
#include "store/plenary-snapshot.h"
#include "store/plenary-store.h"
#include "store/plenary-event-list.h"
#include "ui/plenary-window.h"

#define SERVER "http://127.0.0.1:9/"
#define EMPTY_DAYS "{\"results\":{\"11\":{\"20210920\":{},\"20210921\":{}}}}"
#define REASON "lpc.events sent an empty programme; still showing the one from Tuesday 14:02."

static PlenarySnapshot *
lpc_snapshot (const char *timetable_text)
{
  g_autofree char *tt_path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autofree char *ev_path =
    plenary_test_shared_path ("fixtures/lpc2021/export-event-11-contributions.json");
  g_autoptr (GBytes) timetable = timetable_text != NULL
                                 ? g_bytes_new (timetable_text, strlen (timetable_text))
                                 : plenary_test_load_bytes (tt_path);
  g_autoptr (GBytes) event_export = plenary_test_load_bytes (ev_path);

  return plenary_snapshot_new (timetable, event_export, NULL, NULL);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_assert_true (plenary_event_list_save_finish (PLENARY_EVENT_LIST (source), result, NULL));
  *(gboolean *) user_data = TRUE;
}

/* LPC 2021 followed as event 11 of SERVER, stored; returns its directory. */
static char *
store_event (void)
{
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (events_file);
  g_autoptr (PlenaryEvent) event = plenary_event_new (SERVER, "11");
  g_autoptr (PlenarySnapshot) snapshot = lpc_snapshot (NULL);
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  plenary_snapshot_save (snapshot, plenary_event_get_directory (event), &error);
  g_assert_no_error (error);
  plenary_event_list_add (list, event);
  plenary_event_list_save_async (list, NULL, saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return g_strdup (plenary_event_get_directory (event));
}



/* The window, once it shows a schedule with @n_talks talks. */
static PlenaryWindow *
wait_for_programme (PlenaryApplication *app,
                    guint               n_talks)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  PlenarySchedule *schedule;

  while (g_get_monotonic_time () < deadline)
    {
      schedule = plenary_window_get_schedule (PLENARY_WINDOW (window));
      if (plenary_window_get_event (PLENARY_WINDOW (window)) != NULL && schedule != NULL
          && plenary_schedule_get_n_contributions (schedule) == n_talks)
        break;
      plenary_test_iterate (20);
    }
  plenary_test_iterate (100);
  schedule = plenary_window_get_schedule (PLENARY_WINDOW (window));
  g_assert_nonnull (schedule);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, n_talks);
  return PLENARY_WINDOW (window);
}

/* A mapped label under @widget whose text contains @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_held_banner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *held = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (PlenarySnapshot) empty = lpc_snapshot (EMPTY_DAYS);
  g_autoptr (GError) error = NULL;
  PlenaryApplication *app;
  PlenaryWindow *window;
  GtkWidget *button;
  gint64 deadline;

  plenary_test_reset_dirs ();
  dir = store_event ();
  held = g_build_filename (dir, "held", NULL);
  reason = g_build_filename (held, "reason.txt", NULL);
  plenary_snapshot_save (empty, held, &error);
  g_assert_no_error (error);
  {
    /* What the gate stores: the facts; the sentence is made when it is shown. */
    g_autoptr (GDateTime) shown_since = g_date_time_new_local (2021, 9, 21, 14, 2, 0);
    g_autofree char *facts = plenary_event_held_facts (PLENARY_HELD_EMPTY, "lpc.events", 226, 0,
                                                       shown_since);

    g_assert_true (g_file_set_contents (reason, facts, -1, NULL));
  }

  /* The last good programme shows, and the banner says what is held, with the action. */
  app = plenary_test_start_application ("HostileTest");
  window = wait_for_programme (app, 226);
  g_assert_cmpstr (plenary_event_get_held_message (plenary_window_get_event (window)), ==, REASON);
  g_assert_nonnull (find_label (GTK_WIDGET (window), REASON));
  button = find_action_button (GTK_WIDGET (window), "win.use-held-programme");
  g_assert_nonnull (button);
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), "Use New Programme"));
  /* Beside the text when wide, under it on a phone. */
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (button))),
                   ==, GTK_ORIENTATION_HORIZONTAL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  plenary_test_iterate (300);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (button))),
                   ==, GTK_ORIENTATION_VERTICAL);

  /* Taken: the held (empty) programme is the programme, the banner goes. */
  gtk_widget_activate (button);
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (plenary_schedule_get_n_contributions (plenary_window_get_schedule (window)) != 0
         && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);
  plenary_test_iterate (300);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_window_get_schedule (window)),
                    ==, 0);
  g_assert_null (plenary_event_get_held_message (plenary_window_get_event (window)));
  g_assert_null (find_action_button (GTK_WIDGET (window), "win.use-held-programme"));
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  plenary_test_stop_application (app);
}

static void
test_events_rebuilt (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autofree char *contents = NULL;
  PlenaryApplication *app;
  PlenaryWindow *window;

  plenary_test_reset_dirs ();
  dir = store_event ();
  g_assert_true (g_file_set_contents (events_file, "{\"events\":[{\"server\":", -1, NULL));

  /* Rebuilt from the folder, shown, said once, and saved. */
  app = plenary_test_start_application ("HostileTest");
  window = wait_for_programme (app, 226);
  g_assert_cmpstr (plenary_event_get_key (plenary_window_get_event (window)), ==,
                   SERVER "event/11/");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "was rebuilt from 1 event found on disk"));
  g_assert_true (g_file_get_contents (events_file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"server\" : \"" SERVER "\""));
  plenary_test_stop_application (app);

  /* The next start reads it as usual and says nothing. */
  app = plenary_test_start_application ("HostileTest");
  window = wait_for_programme (app, 226);
  g_assert_null (find_label (GTK_WIDGET (window), "was rebuilt"));
  plenary_test_stop_application (app);
}

static void
test_cache_last_resort (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *cache = NULL;
  PlenaryApplication *app;
  PlenaryWindow *window;

  plenary_test_reset_dirs ();
  dir = store_event ();
  /* A first start writes the schedule cache. */
  app = plenary_test_start_application ("HostileTest");
  wait_for_programme (app, 226);
  plenary_test_stop_application (app);
  cache = g_build_filename (dir, "schedule.cache", NULL);
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));

  meta = g_build_filename (dir, "meta.json", NULL);
  g_assert_true (g_file_set_contents (meta, "[[[[[[[[", -1, NULL));
  app = plenary_test_start_application ("HostileTest");
  window = wait_for_programme (app, 226);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "showing the copy kept for a quick start"));
  plenary_test_stop_application (app);
}

/* A toast says its text as it is, also a server's message or a room's name with markup in it
 * (AdwToast reads its title as markup: "<b>A & B</b>" showed as nothing). */
static void
test_toast_text_is_data (void)
{
  g_autofree char *dir = NULL;
  PlenaryApplication *app;
  PlenaryWindow *window;

  plenary_test_reset_dirs ();
  dir = store_event ();
  app = plenary_test_start_application ("HostileTest");
  window = wait_for_programme (app, 226);

  plenary_window_add_toast (window, "The server said <b>no</b> & “1 < 2”");
  plenary_test_iterate (50);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "The server said <b>no</b> & “1 < 2”"));
  plenary_test_stop_application (app);

  /* (A toast waits for the one on screen: this one in a window of its own.) */
  app = plenary_test_start_application ("HostileTest");
  window = wait_for_programme (app, 226);
  plenary_window_open_chair (window, "<i>Room</i> & Hall");
  plenary_test_iterate (50);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "“<i>Room</i> & Hall”"));
  plenary_test_stop_application (app);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/hostile-window/held-banner", test_held_banner);
  g_test_add_func ("/hostile-window/events-rebuilt", test_events_rebuilt);
  g_test_add_func ("/hostile-window/cache-last-resort", test_cache_last_resort);
  g_test_add_func ("/hostile-window/toast-text-is-data", test_toast_text_is_data);

  return g_test_run ();
}
