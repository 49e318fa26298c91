/* test-session.c: the followed events, forgetting one, its reminders and the last save
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the real store: plenary_test_init() gives the process its own XDG directories, so
 * events.json and the event folders are the files the application would write.
 */

#include "config.h"

#include <string.h>

#include "plenary-session.h"
#include "plenary-test-server.h"
#include "plenary-test-util.h"
#include "store/plenary-commit.h"
#include "store/plenary-store.h"

static PlenarySession *
new_session (GSettings *settings)
{
  PlenarySession *session = plenary_session_new (NULL, settings);

  g_object_set (plenary_session_get_sync (session), "use-keyring", FALSE, NULL);
  return session;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (plenary_session_load_finish (PLENARY_SESSION (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
load (PlenarySession *session)
{
  gboolean done = FALSE;

  plenary_session_load_async (session, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
file_has (const char *path,
          const char *what)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, what) != NULL;
}

static void
wait_until_file_has (const char *path,
                     const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!file_has (path, what) && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_true (file_has (path, what));
}

static PlenaryEvent *
follow (PlenarySession *session,
        const char     *event_id)
{
  g_autoptr (PlenaryEvent) event = plenary_event_new ("https://indico.example.org/", event_id);

  g_assert_true (plenary_event_list_add (plenary_session_get_events (session), event) == event);
  return event;   /* the list keeps it */
}

/* What the session saves, the next session reads back: events.json in $XDG_DATA_HOME. */
static void
test_events_round_trip (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autoptr (PlenarySession) first = NULL;
  g_autoptr (PlenarySession) second = NULL;
  g_autofree char *key = NULL;
  PlenaryEventList *events;
  PlenaryEvent *event;

  plenary_test_reset_dirs ();
  first = new_session (settings);
  load (first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_session_get_events (first))),
                    ==, 0);
  key = g_strdup (plenary_event_get_key (follow (first, "1111")));
  plenary_event_set_title (plenary_event_list_lookup (plenary_session_get_events (first), key),
                           "Linux Plumbers Conference 2021");
  follow (first, "2222");
  plenary_session_save_events (first);
  wait_until_file_has (events_file, "2222");
  g_assert_true (file_has (events_file, "Linux Plumbers Conference 2021"));

  second = new_session (settings);
  load (second);
  events = plenary_session_get_events (second);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (events)), ==, 2);
  event = plenary_event_list_lookup (events, key);
  g_assert_nonnull (event);
  g_assert_cmpstr (plenary_event_get_title (event), ==, "Linux Plumbers Conference 2021");
}

/* Watching an event gives it reminders on its own stars, at the lead time of the settings;
 * watching it again changes nothing. */
static void
test_reminders_wiring (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (PlenarySession) session = NULL;
  PlenaryReminders *reminders;
  PlenaryEvent *event;

  plenary_test_reset_dirs ();
  session = new_session (settings);
  load (session);
  event = follow (session, "1111");
  g_assert_null (plenary_session_get_reminders (session, event));

  g_settings_set_uint (settings, "reminder-minutes", 7);
  plenary_session_watch_event (session, event);
  reminders = plenary_session_get_reminders (session, event);
  g_assert_nonnull (reminders);
  g_assert_true (plenary_reminders_get_user_data (reminders)
                 == plenary_event_get_user_data (event));
  g_assert_null (plenary_reminders_get_application (reminders));
  g_assert_cmpuint (plenary_reminders_get_lead_minutes (reminders), ==, 7);
  g_settings_set_uint (settings, "reminder-minutes", 12);
  g_assert_cmpuint (plenary_reminders_get_lead_minutes (reminders), ==, 12);

  plenary_session_watch_event (session, event);
  g_assert_true (plenary_session_get_reminders (session, event) == reminders);
  g_settings_reset (settings, "reminder-minutes");
}

/* Forgetting an event: its reminders go, the list is saved without it, and its folder
 * (programme, stars, notes) is deleted, in a thread. */
static void
test_forget_event (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autoptr (PlenarySession) session = NULL;
  g_autoptr (PlenarySession) again = NULL;
  g_autoptr (PlenaryEvent) event = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *notes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 deadline;

  plenary_test_reset_dirs ();
  session = new_session (settings);
  load (session);
  event = g_object_ref (follow (session, "1111"));
  follow (session, "2222");
  plenary_session_watch_event (session, event);
  directory = g_strdup (plenary_event_get_directory (event));
  notes = g_build_filename (directory, "user.json", NULL);
  g_assert_true (plenary_store_write_file (notes, "{}", 2, &error));
  g_assert_no_error (error);
  plenary_session_save_events (session);
  wait_until_file_has (events_file, "1111");

  plenary_session_forget_event (session, event);
  g_assert_null (plenary_session_get_reminders (session, event));
  g_assert_null (plenary_event_list_lookup (plenary_session_get_events (session),
                                            plenary_event_get_key (event)));
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while ((g_file_test (directory, G_FILE_TEST_EXISTS) || file_has (events_file, "1111"))
         && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_false (g_file_test (directory, G_FILE_TEST_EXISTS));
  g_assert_true (file_has (events_file, "2222"));
  g_assert_false (file_has (events_file, "1111"));

  again = new_session (settings);
  load (again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plenary_session_get_events (again))),
                    ==, 1);
}

static void
wait_until_gone (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Forgetting an event while a sync stores its programme (a commit runs to its end once
 * begun): the folder is deleted after the commit, not before it and then made again by it. */
static void
test_forget_during_commit (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (TestServer) server = NULL;
  g_autoptr (PlenarySession) session = NULL;
  g_autoptr (PlenaryEvent) event = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *timetable = NULL;
  TestSyncResult result = { 0, };
  gint64 deadline;

  plenary_test_reset_dirs ();
  server = test_server_new ("127.0.0.1");
  test_server_serve_lpc (server, "11");
  session = new_session (settings);
  load (session);
  event = plenary_event_new (server->base, "11");
  g_assert_true (plenary_event_list_add (plenary_session_get_events (session), event) == event);
  directory = g_strdup (plenary_event_get_directory (event));
  timetable = g_build_filename (directory, "timetable.json", NULL);

  /* The commit is held just before its last file, meta.json: the others are in place. */
  plenary_store_set_fault (PLENARY_STORE_FAULT_STALL, "meta.json");
  plenary_sync_service_sync_async (plenary_session_get_sync (session), event, FALSE, NULL,
                                   test_sync_result_cb, &result);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (!g_file_test (timetable, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_true (g_file_test (timetable, G_FILE_TEST_EXISTS));

  plenary_session_forget_event (session, event);
  plenary_test_iterate (200);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (!result.done && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_true (result.done);
  g_clear_error (&result.error);

  wait_until_gone (directory);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (plenary_store_get_n_pending_cache_writes () > 0 && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  plenary_test_iterate (300);
  g_assert_false (g_file_test (directory, G_FILE_TEST_EXISTS));
}

/* Stars given just before the event is forgotten, or after (a window may still show it),
 * are not written into its deleted folder: not by the delayed save, not when it is freed. */
static void
test_forget_unsaved_stars (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (PlenarySession) session = NULL;
  g_autoptr (PlenaryEvent) event = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *notes = NULL;
  g_autoptr (GError) error = NULL;
  PlenaryUserData *data;

  plenary_test_reset_dirs ();
  session = new_session (settings);
  load (session);
  event = g_object_ref (follow (session, "1111"));
  directory = g_strdup (plenary_event_get_directory (event));
  notes = g_build_filename (directory, "user.json", NULL);
  g_assert_true (plenary_store_write_file (notes, "{}", 2, &error));
  g_assert_no_error (error);
  data = plenary_event_get_user_data (event);
  g_object_set (data, "save-delay", 50, NULL);
  plenary_user_data_set_starred (data, "c-4242", TRUE);

  plenary_session_forget_event (session, event);
  wait_until_gone (directory);
  plenary_test_iterate (300);
  g_assert_false (g_file_test (directory, G_FILE_TEST_EXISTS));

  plenary_user_data_set_note (data, "c-4242", "Written after the forget");
  plenary_test_iterate (300);
  g_assert_false (plenary_user_data_get_dirty (data));
  g_clear_object (&event);
  g_assert_false (g_file_test (directory, G_FILE_TEST_EXISTS));
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (plenary_session_flush_finish (PLENARY_SESSION (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The last save: pending stars reach user.json long before the save delay would have
 * written them; with nothing pending it completes as well. */
static void
test_flush (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (PlenarySession) session = NULL;
  g_autofree char *path = NULL;
  PlenaryUserData *data;
  PlenaryEvent *event;
  gboolean done = FALSE;

  plenary_test_reset_dirs ();
  session = new_session (settings);
  load (session);
  plenary_session_flush_async (session, flushed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  event = follow (session, "1111");
  follow (session, "2222");
  data = plenary_event_get_user_data (event);
  g_object_set (data, "save-delay", 60000, NULL);
  plenary_user_data_set_starred (data, "c-4242", TRUE);
  g_assert_true (plenary_user_data_get_dirty (data));
  path = g_strdup (plenary_user_data_get_path (data));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  done = FALSE;
  plenary_session_flush_async (session, flushed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (plenary_user_data_get_dirty (data));
  g_assert_true (file_has (path, "c-4242"));
}

/* The last save waits for the list saved without a forgotten event, and for its folder's
 * deletion: quitting at once after a forget keeps neither half-done. */
static void
test_flush_after_forget (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autoptr (PlenarySession) session = NULL;
  g_autoptr (PlenaryEvent) event = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *notes = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  plenary_test_reset_dirs ();
  session = new_session (settings);
  load (session);
  event = g_object_ref (follow (session, "1111"));
  follow (session, "2222");
  directory = g_strdup (plenary_event_get_directory (event));
  notes = g_build_filename (directory, "user.json", NULL);
  g_assert_true (plenary_store_write_file (notes, "{}", 2, &error));
  g_assert_no_error (error);
  plenary_session_save_events (session);
  wait_until_file_has (events_file, "1111");

  plenary_store_set_fault (PLENARY_STORE_FAULT_STALL, "events.json");
  plenary_session_forget_event (session, event);
  plenary_session_flush_async (session, flushed_cb, &done);
  plenary_test_iterate (200);
  g_assert_false (done);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (file_has (events_file, "1111"));
  g_assert_true (file_has (events_file, "2222"));
  g_assert_false (g_file_test (directory, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/session/events-round-trip", test_events_round_trip);
  g_test_add_func ("/session/reminders-wiring", test_reminders_wiring);
  g_test_add_func ("/session/forget-event", test_forget_event);
  g_test_add_func ("/session/forget-during-commit", test_forget_during_commit);
  g_test_add_func ("/session/forget-unsaved-stars", test_forget_unsaved_stars);
  g_test_add_func ("/session/flush", test_flush);
  g_test_add_func ("/session/flush-after-forget", test_flush_after_forget);

  return g_test_run ();
}
