/* test-chair-window.c: the session chair's room clock on LPC 2021, with a fixed clock
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "store/plenary-folder-loader.h"
#include "plenary-test-util.h"
#include "ui/plenary-chair-window.h"

#define ROOM "Refereed Track/Virtual-Room"
#define KEYNOTE "KEYNOTE: What a long, strange trip it's been...."

typedef struct
{
  PlenarySchedule    *schedule;
  PlenaryUserData    *user_data;
  PlenaryClock       *clock;
  GTimeZone          *zone;
  PlenaryChairWindow *window;
} Fixture;

static PlenarySchedule *
load_lpc2021 (gboolean moved)
{
  g_autofree char *dir = plenary_test_shared_path ("fixtures/lpc2021");
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_folder_loader_load (dir, &error);
  PlenarySchedule *schedule;

  g_assert_no_error (error);
  if (moved)
    {
      /* A re-sync in which the talk after the first one moved half an hour later. */
      g_autofree char *text = g_strndup (g_bytes_get_data (sources->timetable, NULL),
                                         g_bytes_get_size (sources->timetable));
      g_autoptr (GString) changed = g_string_new (text);
      guint n;

      n = g_string_replace (changed,
                            "\"c5035\":{\"startDate\":{\"date\":\"2021-09-20\","
                            "\"time\":\"08:00:00\"",
                            "\"c5035\":{\"startDate\":{\"date\":\"2021-09-20\","
                            "\"time\":\"08:30:00\"",
                            1);
      g_assert_cmpuint (n, ==, 1);
      n = g_string_replace (changed,
                            "\"endDate\":{\"date\":\"2021-09-20\",\"time\":\"08:45:00\"",
                            "\"endDate\":{\"date\":\"2021-09-20\",\"time\":\"09:15:00\"",
                            1);
      g_assert_cmpuint (n, ==, 1);
      g_bytes_unref (sources->timetable);
      sources->timetable = g_string_free_to_bytes (g_steal_pointer (&changed));
    }
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

static GDateTime *
at (Fixture *fixture,
    int      day,
    int      hour,
    int      minute)
{
  return g_date_time_new (fixture->zone, 2021, 9, day, hour, minute, 0);
}

static void
set_now (Fixture *fixture,
         int      day,
         int      hour,
         int      minute)
{
  g_autoptr (GDateTime) now = at (fixture, day, hour, minute);

  plenary_clock_set_fixed (fixture->clock, now);
  plenary_test_iterate (20);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("user-%u.json", counter++);
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), name, NULL);
  g_autoptr (GDateTime) start = NULL;
  const char *width = g_getenv ("PLENARY_CHAIR_WIDTH");
  PlenaryRoom *room;

  fixture->schedule = load_lpc2021 (FALSE);
  fixture->user_data = plenary_user_data_new (path);
  fixture->zone = g_time_zone_new_identifier ("America/New_York");
  fixture->clock = plenary_clock_new ();
  start = at (fixture, 20, 11, 20);
  plenary_clock_set_fixed (fixture->clock, start);
  room = plenary_schedule_lookup_room (fixture->schedule, ROOM);
  g_assert_nonnull (room);

  fixture->window = plenary_chair_window_new (NULL, fixture->schedule, fixture->user_data, room,
                                              fixture->clock);
  g_object_ref_sink (fixture->window);
  if (width != NULL)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), atoi (width),
                                 g_getenv ("PLENARY_CHAIR_HEIGHT") != NULL
                                 ? atoi (g_getenv ("PLENARY_CHAIR_HEIGHT")) : 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  plenary_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->user_data);
  g_clear_object (&fixture->schedule);
  g_clear_pointer (&fixture->zone, g_time_zone_unref);
  plenary_test_iterate (20);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                  PLENARY_TYPE_CHAIR_WINDOW,
                                                                  name));

  g_assert_nonnull (widget);
  return widget;
}

static const char *
text_of (Fixture    *fixture,
         const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, name)));
}

static const char *
key_of (Fixture    *fixture,
        const char *entry_id)
{
  PlenaryEntry *entry = plenary_schedule_lookup_entry (fixture->schedule, entry_id);

  g_assert_nonnull (entry);
  return plenary_entry_get_user_key (entry);
}

/* Renders the window to a PNG, for looking at the screen in its states. */
static void
maybe_shoot (Fixture    *fixture,
             const char *name)
{
  const char *dir = g_getenv ("PLENARY_CHAIR_SHOTS");
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  plenary_test_iterate (200);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("chair-%s%s.png", name, g_getenv ("PLENARY_CHAIR_SUFFIX") ?: "");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_keynote_on_time (Fixture       *fixture,
                      gconstpointer  data)
{
  const PlenaryChairState *state = plenary_chair_window_get_state (fixture->window);

  g_assert_cmpint (state->phase, ==, PLENARY_CHAIR_ON_TIME);
  g_assert_cmpstr (text_of (fixture, "current_title"), ==, KEYNOTE);
  g_assert_cmpstr (text_of (fixture, "left_label"), ==, "40:00");
  g_assert_nonnull (strstr (text_of (fixture, "status_label"), "Elapsed 20:00"));
  /* The countdown says what it counts, once: no "Left 40:00" repeated under it. */
  g_assert_cmpstr (text_of (fixture, "left_caption"), ==, "Time left");
  g_assert_null (strstr (text_of (fixture, "status_label"), "Left"));
  /* Its parts are exposed with roles: the countdown a status region, the clock a group. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child (fixture, "status_box"))),
                   ==, GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child (fixture, "clock_box"))),
                   ==, GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child (fixture, "status_icon"))),
                   ==, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  /* The clock says which zone it shows. */
  g_assert_true (g_str_has_prefix (text_of (fixture, "zone_label"), "New York time (EDT)"));
  g_assert_true (gtk_widget_has_css_class (child (fixture, "status_box"), "on-time"));
  g_assert_false (gtk_widget_has_css_class (child (fixture, "status_box"), "warning"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (child (fixture, "status_icon"))), ==,
                   "emblem-ok-symbolic");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child (fixture, "clock_label"))),
                                   "11:20:00"));
  g_assert_cmpstr (text_of (fixture, "drift_label"), ==, "On schedule");
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (child (fixture,
                                                                                "progress"))),
                                  1.0 / 3.0, 0.001);
  /* The keynote is the room's last talk of the day: tomorrow's first is shown. */
  g_assert_true (g_str_has_prefix (text_of (fixture, "next_heading"), "Next: "));
  maybe_shoot (fixture, "on-time");
}

static void
test_warning_and_overrun (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GDateTime) started = at (fixture, 20, 11, 0);
  GtkWidget *status_box = child (fixture, "status_box");

  set_now (fixture, 20, 11, 55);
  g_assert_cmpint (plenary_chair_window_get_state (fixture->window)->phase, ==,
                   PLENARY_CHAIR_WARNING);
  g_assert_true (gtk_widget_has_css_class (status_box, "warning"));
  g_assert_false (gtk_widget_has_css_class (status_box, "on-time"));
  g_assert_cmpstr (text_of (fixture, "left_label"), ==, "5:00");
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (child (fixture, "status_icon"))), ==,
                   "alarm-symbolic");
  maybe_shoot (fixture, "warning");

  /* The chair started the keynote on time and it is still going at 12:03. */
  plenary_user_data_set_actual_times (fixture->user_data, key_of (fixture, "c5064"), started,
                                      NULL);
  set_now (fixture, 20, 12, 3);
  g_assert_cmpint (plenary_chair_window_get_state (fixture->window)->phase, ==,
                   PLENARY_CHAIR_OVERRUN);
  g_assert_true (gtk_widget_has_css_class (status_box, "overrun"));
  g_assert_cmpstr (text_of (fixture, "left_caption"), ==, "Overrun");
  g_assert_cmpstr (text_of (fixture, "left_label"), ==, "+3:00");
  g_assert_cmpstr (text_of (fixture, "current_title"), ==, KEYNOTE);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (child (fixture, "status_icon"))), ==,
                   "dialog-warning-symbolic");
  maybe_shoot (fixture, "overrun");
}

static void
test_between_and_done (Fixture       *fixture,
                       gconstpointer  data)
{
  PlenaryEntry *next = plenary_schedule_lookup_entry (fixture->schedule, "c5035");

  set_now (fixture, 20, 7, 50);
  g_assert_cmpint (plenary_chair_window_get_state (fixture->window)->phase, ==,
                   PLENARY_CHAIR_BETWEEN);
  g_assert_cmpstr (text_of (fixture, "left_label"), ==, "10:00");
  g_assert_cmpstr (text_of (fixture, "left_caption"), ==, "Next talk in");
  g_assert_cmpstr (text_of (fixture, "status_label"), ==, "Between talks");
  g_assert_cmpstr (text_of (fixture, "next_heading"), ==, "Next at 08:00");
  g_assert_cmpstr (text_of (fixture, "next_title"), ==, plenary_entry_get_title (next));
  maybe_shoot (fixture, "between");

  set_now (fixture, 20, 12, 30);
  g_assert_cmpint (plenary_chair_window_get_state (fixture->window)->phase, ==,
                   PLENARY_CHAIR_DONE);
  g_assert_cmpstr (text_of (fixture, "status_label"), ==, "No more talks today");
  g_assert_false (gtk_widget_get_visible (child (fixture, "left_label")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "left_caption")));
  /* The minutes of the day's last talk can still be finished. */
  g_assert_true (gtk_widget_get_sensitive (child (fixture, "notes_view")));
  g_assert_nonnull (strstr (text_of (fixture, "next_heading"), "07:00"));
  g_assert_cmpstr (text_of (fixture, "next_title"), ==,
                   plenary_entry_get_title (plenary_schedule_lookup_entry (fixture->schedule,
                                                                           "c5104")));
  maybe_shoot (fixture, "done");
}

static void
test_started_late_and_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *key = key_of (fixture, "c5034");
  g_autoptr (GDateTime) expected = at (fixture, 20, 7, 7);
  GtkWidget *drift = child (fixture, "drift_label");

  set_now (fixture, 20, 7, 7);
  g_assert_null (plenary_user_data_get_actual_start (fixture->user_data, key));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.started",
                                             NULL));
  plenary_test_iterate (20);
  g_assert_nonnull (plenary_user_data_get_actual_start (fixture->user_data, key));
  g_assert_true (g_date_time_equal (plenary_user_data_get_actual_start (fixture->user_data, key),
                                    expected));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (drift)), ==, "Running 7 minutes late");
  g_assert_true (gtk_widget_has_css_class (drift, "late"));
  g_assert_cmpstr (text_of (fixture, "next_heading"), ==, "Next at 08:07 (scheduled 08:00)");
  g_assert_nonnull (strstr (text_of (fixture, "current_times"), "Started 07:07"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.undo", NULL));
  plenary_test_iterate (20);
  g_assert_null (plenary_user_data_get_actual_start (fixture->user_data, key));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (drift)), ==, "On schedule");
  g_assert_false (gtk_widget_has_css_class (drift, "late"));
  g_assert_cmpstr (text_of (fixture, "next_heading"), ==, "Next at 08:00");
}

static void
test_started_next_ends_current (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GDateTime) first_start = at (fixture, 20, 7, 0);
  g_autoptr (GDateTime) now = at (fixture, 20, 7, 50);
  const char *first = key_of (fixture, "c5034");
  const char *second = key_of (fixture, "c5035");

  /* The first talk started on time and ran long; at 07:50 the chair starts the next one. */
  plenary_user_data_set_actual_times (fixture->user_data, first, first_start, NULL);
  set_now (fixture, 20, 7, 50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.started",
                                             NULL));
  g_assert_true (g_date_time_equal (plenary_user_data_get_actual_end (fixture->user_data, first),
                                    now));
  g_assert_true (g_date_time_equal (plenary_user_data_get_actual_start (fixture->user_data,
                                                                        second), now));

  /* One press, one undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.undo", NULL));
  g_assert_null (plenary_user_data_get_actual_end (fixture->user_data, first));
  g_assert_nonnull (plenary_user_data_get_actual_start (fixture->user_data, first));
  g_assert_null (plenary_user_data_get_actual_start (fixture->user_data, second));
}

static void
test_notes_saved (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture,
                                                                          "notes_view")));
  const char *keynote = key_of (fixture, "c5064");
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "Questions on", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " BPF.", -1);
  g_assert_cmpstr (plenary_user_data_get_note (fixture->user_data, keynote), ==,
                   "Questions on BPF.");

  /* A tick while typing does not touch the text. */
  plenary_chair_window_update (fixture->window);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " And Rust.", -1);
  g_assert_cmpstr (plenary_user_data_get_note (fixture->user_data, keynote), ==,
                   "Questions on BPF. And Rust.");

  /* Another talk: its own (empty) note; coming back shows the keynote's again. */
  set_now (fixture, 20, 7, 10);
  {
    GtkTextIter start;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
  g_assert_cmpstr (plenary_user_data_get_note (fixture->user_data, keynote), ==,
                   "Questions on BPF. And Rust.");
  set_now (fixture, 20, 11, 30);
  {
    GtkTextIter start;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Questions on BPF. And Rust.");
  }
}

static void
test_resync_moves_next (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (PlenarySchedule) moved = load_lpc2021 (TRUE);
  g_autoptr (GDateTime) started = at (fixture, 20, 7, 7);
  const char *key = key_of (fixture, "c5034");

  plenary_user_data_set_actual_times (fixture->user_data, key, started, NULL);
  set_now (fixture, 20, 7, 20);
  g_assert_cmpstr (text_of (fixture, "next_heading"), ==, "Next at 08:07 (scheduled 08:00)");

  plenary_chair_window_set_schedule (fixture->window, moved);
  g_assert_cmpstr (text_of (fixture, "next_heading"), ==, "Next at 08:37 (scheduled 08:30)");
  g_assert_cmpstr (text_of (fixture, "next_title"), ==,
                   plenary_entry_get_title (plenary_schedule_lookup_entry (moved, "c5035")));
  /* What the chair recorded survives the new snapshot. */
  g_assert_cmpstr (text_of (fixture, "drift_label"), ==, "Running 7 minutes late");
  g_assert_true (g_date_time_equal (plenary_user_data_get_actual_start (fixture->user_data, key),
                                    started));
  g_assert_true (plenary_chair_window_get_state (fixture->window)->current
                 == plenary_schedule_lookup_entry (moved, "c5034"));
}

static void
test_warning_minutes (Fixture       *fixture,
                      gconstpointer  data)
{
  set_now (fixture, 20, 11, 50);
  g_assert_true (gtk_widget_has_css_class (child (fixture, "status_box"), "on-time"));
  g_object_set (fixture->window, "warning-minutes", 10, NULL);
  g_assert_true (gtk_widget_has_css_class (child (fixture, "status_box"), "warning"));
}

static void
test_fullscreen (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (child (fixture, "header_revealer"));

  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.fullscreen",
                                             NULL));
  plenary_test_iterate (300);
  if (!gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)))
    {
      g_test_skip ("no window manager to go full screen");
      return;
    }
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  gtk_window_unfullscreen (GTK_WINDOW (fixture->window));
  plenary_test_iterate (300);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
}

static void
test_rehearsal_private_clock (Fixture       *fixture,
                              gconstpointer  data)
{
  PlenaryClock *app_clock = plenary_clock_get_default ();
  GtkRevealer *bar = GTK_REVEALER (child (fixture, "rehearsal_revealer"));
  g_autoptr (GVariant) state = NULL;
  guint speed = 0;

  g_assert_false (gtk_revealer_get_reveal_child (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.rehearse",
                                             "u", 60));
  g_assert_cmpint (plenary_clock_get_mode (app_clock), ==, PLENARY_CLOCK_MODE_SYSTEM);
  g_assert_cmpint (plenary_clock_get_mode (fixture->clock), ==, PLENARY_CLOCK_MODE_FIXED);
  /* Rehearsal starts five minutes before the room's first talk. */
  g_assert_cmpint (plenary_chair_window_get_state (fixture->window)->phase, ==,
                   PLENARY_CHAIR_BETWEEN);
  g_assert_cmpstr (plenary_entry_get_id (plenary_chair_window_get_state (fixture->window)->next),
                   ==, "c5034");
  /* A bar that stays says the clock is not the real time, and how fast it runs. */
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  g_assert_true (g_str_has_prefix (text_of (fixture, "rehearsal_label"), "Rehearsal · 60×"));
  /* The menu's radio items show the mode: the action's state is the speed. */
  g_object_get (fixture->window, "rehearsal-speed", &speed, NULL);
  g_assert_cmpuint (speed, ==, 60);
  maybe_shoot (fixture, "rehearsal");

  /* "Back to Real Time" on the bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "chair.rehearsal-speed", "u", 0));
  g_object_get (fixture->window, "rehearsal-speed", &speed, NULL);
  g_assert_cmpuint (speed, ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.rehearse",
                                             "u", 1));
  g_assert_true (g_str_has_prefix (text_of (fixture, "rehearsal_label"), "Rehearsal · 1×"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "chair.rehearse",
                                             "u", 0));
  g_assert_false (gtk_revealer_get_reveal_child (bar));
}

/* In the session's running order, the talk on now is marked; while a talk runs, the next card
 * names the talk after the coming break, with its speakers. */
static void
test_running_order_and_after_break (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *list = child (fixture, "order_list");
  guint rows = 0;

  set_now (fixture, 20, 8, 10);
  g_assert_true (gtk_widget_get_visible (child (fixture, "order_box")));
  g_assert_true (g_str_has_prefix (text_of (fixture, "order_heading"),
                                   "Running Order · LPC Refereed Track"));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 4);
  maybe_shoot (fixture, "running-order");
}

/* The save dialog opens on the keynote's block; closing the window with it open is safe. */
static void
test_export_dialog_closed_with_window (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "chair.export-minutes", NULL));
  plenary_test_iterate (100);
}

/* With the app's clock rehearsing (PLENARY_REHEARSAL_START), a chair window opened on it runs
 * from the same instant and says it is a rehearsal; the app's clock keeps its minute ticks. */
static void
test_app_rehearsal_followed (void)
{
  PlenaryClock *app_clock = plenary_clock_get_default ();
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (FALSE);
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GDateTime) start = g_date_time_new (zone, 2021, 9, 20, 8, 10, 0);
  PlenaryRoom *room = plenary_schedule_lookup_room (schedule, ROOM);
  PlenaryChairWindow *window;
  GtkRevealer *bar;
  GtkLabel *label;
  guint speed = 0;

  plenary_clock_set_rehearsal (app_clock, start, 1.0);
  window = plenary_chair_window_new (NULL, schedule, NULL, room, NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (100);
  bar = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                     PLENARY_TYPE_CHAIR_WINDOW,
                                                     "rehearsal_revealer"));
  label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                    PLENARY_TYPE_CHAIR_WINDOW,
                                                    "rehearsal_label"));
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "Rehearsal · 1×"));
  g_object_get (window, "rehearsal-speed", &speed, NULL);
  g_assert_cmpuint (speed, ==, 1);
  /* 08:10 on Monday: a talk of the room is on. */
  g_assert_cmpint (plenary_chair_window_get_state (window)->phase, !=, PLENARY_CHAIR_DONE);
  g_assert_false (plenary_clock_get_seconds (app_clock));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  plenary_clock_set_system (app_clock);
}

/* Every screen works at 360 px: so does the chair window, at each phase of the day. */
static void
test_fits_360 (Fixture       *fixture,
               gconstpointer  data)
{
  const int times[][3] = { { 20, 7, 0 }, { 20, 8, 10 }, { 20, 11, 20 }, { 20, 23, 0 } };

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 294);
  plenary_test_iterate (300);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      int min = 0;

      set_now (fixture, times[i][0], times[i][1], times[i][2]);
      gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &min,
                          NULL, NULL, NULL);
      g_assert_cmpint (min, <=, 360);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GtkCssProvider) provider = NULL;

  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/plenary/Plenary/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  if (g_getenv ("PLENARY_CHAIR_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/chair-window/keynote-on-time", test_keynote_on_time);
  ADD ("/chair-window/warning-and-overrun", test_warning_and_overrun);
  ADD ("/chair-window/between-and-done", test_between_and_done);
  ADD ("/chair-window/started-late-and-undo", test_started_late_and_undo);
  ADD ("/chair-window/started-next-ends-current", test_started_next_ends_current);
  ADD ("/chair-window/notes-saved", test_notes_saved);
  ADD ("/chair-window/resync-moves-next", test_resync_moves_next);
  ADD ("/chair-window/warning-minutes", test_warning_minutes);
  ADD ("/chair-window/fullscreen", test_fullscreen);
  ADD ("/chair-window/rehearsal-private-clock", test_rehearsal_private_clock);
  ADD ("/chair-window/running-order", test_running_order_and_after_break);
  ADD ("/chair-window/export-dialog-closed-with-window", test_export_dialog_closed_with_window);
  ADD ("/chair-window/fits-360", test_fits_360);
#undef ADD
  g_test_add_func ("/chair-window/app-rehearsal-followed", test_app_rehearsal_followed);

  return g_test_run ();
}
