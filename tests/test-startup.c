/* test-startup.c: what a start with followed events loads, and in which order
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-application.h"
#include "plenary-test-util.h"
#include "store/plenary-snapshot.h"
#include "store/plenary-store.h"
#include "store/plenary-event-list.h"
#include "ui/plenary-window.h"

/* A closed loopback port: no sync at start-up can reach anything. */
#define SERVER "http://127.0.0.1:9/"

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  plenary_event_list_save_finish (PLENARY_EVENT_LIST (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Follows LPC 2021 as events 11, 12 and 13 of one server, each with its stored programme. */
static void
store_events (void)
{
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (events_file);
  g_autofree char *tt_path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autofree char *ev_path =
    plenary_test_shared_path ("fixtures/lpc2021/export-event-11-contributions.json");
  g_autoptr (GBytes) timetable = plenary_test_load_bytes (tt_path);
  g_autoptr (GBytes) event_export = plenary_test_load_bytes (ev_path);
  g_autoptr (PlenarySnapshot) snapshot = plenary_snapshot_new (timetable, event_export, NULL,
                                                               NULL);
  gboolean done = FALSE;

  for (const char **id = (const char *[]) { "11", "12", "13", NULL }; *id != NULL; id++)
    {
      g_autoptr (PlenaryEvent) event = plenary_event_new (SERVER, *id);
      g_autoptr (GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Event %s", *id);

      plenary_event_set_title (event, title);
      plenary_snapshot_save (snapshot, plenary_event_get_directory (event), &error);
      g_assert_no_error (error);
      plenary_event_list_add (list, event);
    }
  plenary_event_list_save_async (list, NULL, saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  PlenaryEventList *events;
  PlenaryWindow    *window;
  char             *first_loaded;   /* the key of the first event with a schedule */
} Watch;

static void
schedule_set_cb (PlenaryEvent *event,
                 GParamSpec   *pspec,
                 Watch        *watch)
{
  if (watch->first_loaded == NULL && plenary_event_get_schedule (event) != NULL)
    watch->first_loaded = g_strdup (plenary_event_get_key (event));
}

static gboolean
all_loaded (PlenaryEventList *events)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (events)) == 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (events)); i++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (G_LIST_MODEL (events), i);

      if (plenary_event_get_schedule (event) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
events_changed_cb (GListModel *list,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Watch      *watch)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (list, i);

      g_signal_connect (event, "notify::schedule", G_CALLBACK (schedule_set_cb), watch);
    }
}

/* The event on screen loads first and shows; the others load after it, all of them. */
static void
test_current_first (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  PlenaryApplication *app = plenary_application_new (APP_ID ".StartupTest",
                                                     G_APPLICATION_NON_UNIQUE);
  g_autofree char *current_key = NULL;
  PlenaryEvent *current;
  Watch watch = { 0, };
  gint64 deadline;

  store_events ();
  {
    g_autoptr (PlenaryEvent) probe = plenary_event_new (SERVER, "12");

    current_key = g_strdup (plenary_event_get_key (probe));
  }
  g_settings_set_string (settings, "current-event", current_key);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  watch.events = plenary_application_get_events (app);
  g_signal_connect (watch.events, "items-changed", G_CALLBACK (events_changed_cb), &watch);
  g_application_activate (G_APPLICATION (app));
  watch.window = PLENARY_WINDOW (plenary_test_wait_for_window (GTK_APPLICATION (app)));

  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (!all_loaded (watch.events) && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (watch.events)), ==, 3);
  g_assert_true (all_loaded (watch.events));
  g_assert_cmpstr (watch.first_loaded, ==, current_key);
  current = plenary_window_get_event (watch.window);
  g_assert_nonnull (current);
  g_assert_cmpstr (plenary_event_get_key (current), ==, current_key);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_window_get_schedule (watch.window)),
                    ==, 226);

  g_signal_handlers_disconnect_by_data (watch.events, &watch);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (watch.events)); i++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (G_LIST_MODEL (watch.events), i);

      g_signal_handlers_disconnect_by_data (event, &watch);
    }
  gtk_window_destroy (GTK_WINDOW (watch.window));
  plenary_test_iterate (50);
  g_object_unref (app);
  g_free (watch.first_loaded);
}

/* What each painted frame of a start showed: the window's page, whether a transition ran,
 * and the pixels, rendered again from the frame's own render tree. */
typedef struct
{
  PlenaryWindow *window;
  GPtrArray     *pages;      /* "event", "loading" or "empty", one per frame */
  GPtrArray     *pixels;     /* GBytes of each frame */
  gboolean       transition_seen;
  gboolean       unscheduled_frame;   /* a frame with no programme in the window */
} FrameLog;

static GBytes *
render_window (PlenaryWindow *window)
{
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gsize stride = (gsize) width * 4;
  guchar *data;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (stride * height);
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * height);
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  FrameLog      *log)
{
  GtkStack *stack = plenary_window_get_main_stack (log->window);

  g_ptr_array_add (log->pages, g_strdup (gtk_stack_get_visible_child_name (stack)));
  log->transition_seen |= gtk_stack_get_transition_running (stack);
  log->unscheduled_frame |= plenary_window_get_schedule (log->window) == NULL;
  g_ptr_array_add (log->pixels, render_window (log->window));
}

static void
window_mapped_cb (GtkWidget *window,
                  FrameLog  *log)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (frame_painted_cb), log);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 FrameLog       *log)
{
  log->window = PLENARY_WINDOW (window);
  /* Not shown yet: a start waits for its first programme before it shows the window. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), log);
}

/* Starts the application and logs every frame until the programme has been on screen for a
 * while (past any transition, search index, or idle work that follows the first frame). */
static void
record_start (const char *application_id,
              FrameLog   *log)
{
  PlenaryApplication *app = plenary_application_new (application_id, G_APPLICATION_NON_UNIQUE);
  g_autoptr (GError) error = NULL;
  gint64 deadline;

  log->pages = g_ptr_array_new_with_free_func (g_free);
  log->pixels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), log);
  g_application_activate (G_APPLICATION (app));
  plenary_test_wait_for_window (GTK_APPLICATION (app));

  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (plenary_window_get_schedule (log->window) == NULL && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_nonnull (plenary_window_get_schedule (log->window));
  plenary_test_iterate (1500);

  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (log->window)),
                                        log);
  g_signal_handlers_disconnect_by_data (app, log);
  gtk_window_destroy (GTK_WINDOW (log->window));
  plenary_test_iterate (50);
  g_object_unref (app);
}

static void
assert_frames_settled (FrameLog *log)
{
  GBytes *last;

  g_assert_cmpuint (log->pages->len, >, 0);
  g_assert_false (log->transition_seen);
  g_assert_false (log->unscheduled_frame);
  last = g_ptr_array_index (log->pixels, log->pixels->len - 1);
  for (guint i = 0; i < log->pages->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (log->pages, i), ==, "event");
      /* The first frame is the settled one: every later frame shows the same pixels. */
      if (!g_bytes_equal (g_ptr_array_index (log->pixels, i), last))
        g_error ("frame %u of %u differs from the settled window", i + 1, log->pages->len);
    }
  g_ptr_array_unref (log->pages);
  g_ptr_array_unref (log->pixels);
}

/* With an event stored, no frame shows the empty state, the sample or a half-faded page. */
static void
test_frames_stored_event (void)
{
  FrameLog log = { 0, };

  plenary_test_reset_dirs ();
  store_events ();
  record_start (APP_ID ".FramesTest", &log);
  assert_frames_settled (&log);
}

/* A first start shows the sample from its first frame, not the empty state before it. */
static void
test_frames_first_start (void)
{
  FrameLog log = { 0, };

  plenary_test_reset_dirs ();
  record_start (APP_ID ".FramesFirstTest", &log);
  assert_frames_settled (&log);
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
  g_test_add_func ("/startup/current-event-first", test_current_first);
  g_test_add_func ("/startup/frames/stored-event", test_frames_stored_event);
  g_test_add_func ("/startup/frames/first-start", test_frames_first_start);

  return g_test_run ();
}
