/* test-follow-event.c: from a pasted link to a followed event, through the real window
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "plenary-application.h"
#include "plenary-test-server.h"
#include "plenary-test-util.h"
#include "store/plenary-store.h"
#include "store/plenary-event-list.h"
#include "ui/plenary-add-event-dialog.h"
#include "ui/plenary-starred-view.h"
#include "ui/plenary-window.h"

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_true (condition (data));
}

static gboolean
calendar_written (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (data, &contents, NULL, NULL)
         && strstr (contents, "END:VCALENDAR") != NULL;
}

static gboolean
talk_941_starred (gpointer data)
{
  return plenary_user_data_get_starred (data, "941");
}

static gboolean
has_schedule (gpointer data)
{
  return plenary_window_get_schedule (data) != NULL;
}

static PlenaryAddEventDialog *
find_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLENARY_IS_ADD_EVENT_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
can_follow (gpointer data)
{
  return plenary_add_event_dialog_can_follow (data);
}

static gboolean
schedule_is_not (gpointer data)
{
  gpointer *pair = data;

  return plenary_window_get_schedule (pair[0]) != NULL
         && (gpointer) plenary_window_get_schedule (pair[0]) != pair[1];
}

/* The LPC timetable with talk c5002 (contribution 941) moved an hour later. */
static GBytes *
moved_timetable (void)
{
  g_autofree char *path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *talk;
  char *text;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  talk = json_node_get_object (json_parser_get_root (parser));
  for (const char **member = (const char *[]) { "results", "11", "20210920", "s5001", "entries",
                                                 NULL };
       *member != NULL; member++)
    talk = json_object_get_object_member (talk, *member);
  talk = json_object_get_object_member (talk, "c5002");
  json_object_set_string_member (json_object_get_object_member (talk, "startDate"), "time",
                                 "07:40:00");
  json_object_set_string_member (json_object_get_object_member (talk, "endDate"), "time",
                                 "08:00:00");
  text = json_to_string (json_parser_get_root (parser), FALSE);
  return g_bytes_new_take (text, strlen (text));
}

static void
test_follow_star_resync (void)
{
  g_autoptr (GError) error = NULL;
  TestServer *server = test_server_new ("127.0.0.1");
  PlenaryApplication *app = plenary_application_new (APP_ID ".FollowTest",
                                                     G_APPLICATION_NON_UNIQUE);
  g_autofree char *url = NULL;
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autoptr (GBytes) moved = moved_timetable ();
  PlenaryAddEventDialog *dialog;
  PlenaryWindow *window;
  PlenaryEvent *event;
  PlenaryUserData *user_data;
  PlenaryEntry *entry;
  PlenarySchedule *before;
  gpointer pair[2];

  test_server_serve_lpc (server, "11");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = PLENARY_WINDOW (plenary_test_wait_for_window (GTK_APPLICATION (app)));

  /* Nothing followed: the sample shows, offline. */
  wait_for (has_schedule, window);
  g_assert_null (plenary_window_get_event (window));

  /* A link as people paste it: a talk page, with its timetable anchor. */
  url = g_strdup_printf ("%sevent/11/contributions/941/", server->base);
  plenary_window_add_event (window, url);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_for (can_follow, dialog);
  plenary_add_event_dialog_follow (dialog);

  event = plenary_window_get_event (window);
  g_assert_nonnull (event);
  g_assert_cmpstr (plenary_event_get_title (event), ==, "Linux Plumbers Conference 2021");
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_window_get_schedule (window)),
                    ==, 226);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_application_get_events (app))),
                    ==, 1);
  plenary_test_iterate (200);
  g_assert_true (g_file_test (events_file, G_FILE_TEST_EXISTS));

  /* Star and annotate a talk the way the entry page does. */
  entry = plenary_schedule_lookup_user_key (plenary_window_get_schedule (window), "941");
  g_assert_nonnull (entry);
  plenary_window_show_entry (window, "941");
  g_signal_emit_by_name (plenary_schedule_view_get_entry_page (
                           plenary_window_get_schedule_view (window)),
                         "star-toggled", entry, TRUE);
  g_signal_emit_by_name (plenary_schedule_view_get_entry_page (
                           plenary_window_get_schedule_view (window)),
                         "note-changed", entry, "Ask about BTF");
  user_data = plenary_event_get_user_data (event);
  g_assert_true (plenary_user_data_get_starred (user_data, "941"));

  /* The organisers move that talk; a refresh brings it in. */
  test_server_reply (server, "/export/timetable/11.json", 200, "application/json", moved,
                     NULL, NULL, TEST_REPLY_NORMAL);
  before = plenary_window_get_schedule (window);
  pair[0] = window;
  pair[1] = before;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  wait_for (schedule_is_not, pair);

  entry = plenary_schedule_lookup_user_key (plenary_window_get_schedule (window), "941");
  {
    g_autoptr (GDateTime) local = g_date_time_to_timezone (
      plenary_entry_get_start (entry),
      plenary_schedule_get_timezone (plenary_window_get_schedule (window)));

    g_assert_cmpint (g_date_time_get_hour (local), ==, 7);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 40);
  }
  /* The moved talk carries a badge until seen, and the changes page lists it. */
  {
    PlenaryScheduleView *view = plenary_window_get_schedule_view (window);
    g_autoptr (GList) toplevels = NULL;
    gboolean saw_changes = FALSE;

    g_assert_true (plenary_schedule_view_is_changed (view, entry));
    /* Kept with the stars, so the badge outlives a restart. */
    g_assert_true (plenary_user_data_get_changed (user_data, "941"));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-changes", NULL);
    plenary_test_iterate (50);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (g_strcmp0 (gtk_window_get_title (l->data), "Programme Changes") == 0)
        {
          saw_changes = TRUE;
          gtk_window_destroy (l->data);
        }
    g_assert_true (saw_changes);
    plenary_window_show_entry (window, "941");
    g_assert_false (plenary_schedule_view_is_changed (view, entry));
    g_assert_false (plenary_user_data_get_changed (user_data, "941"));
  }

  /* The star and the note survive the sync: they live beside the programme. */
  g_assert_true (plenary_user_data_get_starred (user_data, "941"));
  g_assert_cmpstr (plenary_user_data_get_note (user_data, "941"), ==, "Ask about BTF");

  /* The starred talks out to a calendar and back in, as the Starred menu does it: written in a
   * thread, read without blocking. */
  {
    g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "starred.ics", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);

    plenary_window_export_ics (window, file, TRUE);
    wait_for (calendar_written, path);
    plenary_user_data_set_starred (user_data, "941", FALSE);
    plenary_window_import_ics (window, file);
    wait_for (talk_941_starred, user_data);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_iterate (50);
  test_server_free (server);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  /* The test bus has no notification server and GIO warns about it (through structured
   * logging, which a fatal handler does not see): keep criticals fatal, not warnings. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/follow-event/follow-star-resync", test_follow_star_resync);

  return g_test_run ();
}
