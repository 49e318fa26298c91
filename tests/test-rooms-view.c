/* test-rooms-view.c: the Rooms view and its week grid as widgets
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "plenary-test-util.h"
#include "ui/plenary-rooms-view.h"

static void
on_entry_activated (PlenaryRoomsView *view,
                    PlenaryEntry     *entry,
                    PlenaryEntry    **out)
{
  *out = entry;
}

static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  GtkEventController *key = NULL;
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && key == NULL; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        key = controller;
    }
  g_assert_nonnull (key);
  g_signal_emit_by_name (key, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static void
test_grid_keyboard_and_stars (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "rooms-user.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  GtkWidget *window = gtk_window_new ();
  PlenaryRoomsView *view = g_object_new (PLENARY_TYPE_ROOMS_VIEW, NULL);
  PlenaryWeekGrid *grid;
  PlenaryEntry *activated = NULL;
  int first, second;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  plenary_rooms_view_set_user_data (view, user_data);
  plenary_rooms_view_set_schedule (view, schedule);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (200);

  /* It opens on the busiest room. */
  g_assert_cmpstr (plenary_room_get_name (plenary_rooms_view_get_room (view)), ==,
                   "Microconference1/Virtual-Room");
  grid = plenary_rooms_view_get_grid (view);
  g_signal_connect (view, "entry-activated", G_CALLBACK (on_entry_activated), &activated);

  /* Arrows move between boxes in reading order; Enter opens the focused one. */
  g_assert_true (press (GTK_WIDGET (grid), GDK_KEY_Down));
  first = plenary_week_grid_get_focused (grid);
  g_assert_cmpint (first, >=, 0);
  g_assert_true (press (GTK_WIDGET (grid), GDK_KEY_Down));
  second = plenary_week_grid_get_focused (grid);
  g_assert_cmpint (second, !=, first);
  g_assert_true (press (GTK_WIDGET (grid), GDK_KEY_Right));
  g_assert_cmpuint (plenary_week_layout_get_box (plenary_week_grid_get_layout (grid),
                                                 plenary_week_grid_get_focused (grid))->day, ==, 1);
  g_assert_true (press (GTK_WIDGET (grid), GDK_KEY_Return));
  g_assert_nonnull (activated);
  g_assert_true (activated == plenary_week_layout_get_box (plenary_week_grid_get_layout (grid),
                                                           plenary_week_grid_get_focused (grid))->entry);

  /* Every talk is an accessible object of its own, a button named by its time and title. */
  {
    guint n_items = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)), ==,
                         GTK_ACCESSIBLE_ROLE_BUTTON);
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL));
        n_items++;
      }
    g_assert_cmpuint (n_items, >, 40);
  }

  /* By default the hours the room uses fill the height: no empty third below. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_SCROLLED_WINDOW);
    double page = gtk_adjustment_get_page_size (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));

    g_assert_true (plenary_week_grid_get_fit (grid));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (grid)), >=, (int) page - 1);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (grid)), <=, (int) page + 1);
    g_assert_cmpint (plenary_week_layout_get_first_minute (plenary_week_grid_get_layout (grid)),
                     ==, 7 * 60);
  }

  /* Zoom keeps within bounds. */
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (grid), "grid.zoom-in", NULL);
  g_assert_cmpfloat (plenary_week_grid_get_hour_height (grid), <=, 480);
  g_assert_false (plenary_week_grid_get_fit (grid));
  gtk_widget_activate_action (GTK_WIDGET (view), "rooms.zoom-reset", NULL);
  g_assert_true (plenary_week_grid_get_fit (grid));

  /* Starring redraws with the star; nothing to assert on pixels, but no critical either. */
  plenary_user_data_set_starred (user_data, plenary_entry_get_user_key (activated), TRUE);
  plenary_test_iterate (50);

  /* One day at a time on a phone: arrows past the last box turn the page. */
  plenary_week_grid_set_only_day (grid, 0);
  g_assert_cmpint (plenary_week_grid_get_only_day (grid), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "rooms.next-day", NULL);
  g_assert_cmpint (plenary_week_grid_get_only_day (grid), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The talk with no room of its own is listed under the room its page names ("Hall"), not
 * under "No room". */
static void
test_picker_no_room (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_dst_night ();
  GtkWidget *window = gtk_window_new ();
  PlenaryRoomsView *view = g_object_new (PLENARY_TYPE_ROOMS_VIEW, NULL);
  GtkDropDown *dropdown;
  GListModel *names;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  plenary_rooms_view_set_schedule (view, schedule);
  dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                           PLENARY_TYPE_ROOMS_VIEW,
                                                           "room_dropdown"));
  names = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);
  /* The two night talks, the two posters and the closing talk. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Hall (5)");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The now-line follows the app's clock (a rehearsal runs it from another instant), and moves
 * with its ticks. */
static void
test_now_follows_clock (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenaryClock) clock = g_object_new (PLENARY_TYPE_CLOCK, "watch-system", FALSE,
                                                 "localtime-path", NULL, NULL);
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 ("2021-09-21T09:10:00-04:00", NULL);
  g_autoptr (GDateTime) shown = NULL;
  g_autoptr (GDateTime) later = NULL;
  GtkWidget *window = gtk_window_new ();
  PlenaryRoomsView *view = g_object_new (PLENARY_TYPE_ROOMS_VIEW, NULL);
  PlenaryWeekGrid *grid = plenary_rooms_view_get_grid (view);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  plenary_rooms_view_set_schedule (view, schedule);
  plenary_clock_set_fixed (clock, start);
  plenary_rooms_view_set_clock (view, clock);
  g_object_get (grid, "now", &shown, NULL);
  g_assert_nonnull (shown);
  g_assert_true (g_date_time_equal (shown, start));

  plenary_clock_advance (clock, 25 * G_TIME_SPAN_MINUTE);
  g_clear_pointer (&shown, g_date_time_unref);
  g_object_get (grid, "now", &shown, NULL);
  later = g_date_time_add_minutes (start, 25);
  g_assert_true (g_date_time_equal (shown, later));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone the grid shows one day: during the event, today's. */
static void
test_narrow_opens_today (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenaryClock) clock = g_object_new (PLENARY_TYPE_CLOCK, "watch-system", FALSE,
                                                 "localtime-path", NULL, NULL);
  g_autoptr (GDateTime) tuesday = g_date_time_new_from_iso8601 ("2021-09-21T09:10:00-04:00",
                                                                NULL);
  g_autoptr (GDateTime) friday = NULL;
  GtkWidget *window = gtk_window_new ();
  PlenaryRoomsView *view = g_object_new (PLENARY_TYPE_ROOMS_VIEW, NULL);
  PlenaryWeekGrid *grid = plenary_rooms_view_get_grid (view);

  plenary_clock_set_fixed (clock, tuesday);
  plenary_rooms_view_set_clock (view, clock);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  plenary_rooms_view_set_schedule (view, schedule);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (200);
  g_assert_cmpint (plenary_week_grid_get_only_day (grid), ==, 1);

  /* The layout's own answer: Monday is day 0, Friday day 4, a time before the event none. */
  {
    PlenaryWeekLayout *layout = plenary_week_grid_get_layout (grid);
    g_autoptr (GDateTime) before = g_date_time_new_from_iso8601 ("2021-09-01T09:00:00Z", NULL);
    g_autoptr (GDateTime) monday = g_date_time_new_from_iso8601 ("2021-09-20T08:00:00-04:00",
                                                                 NULL);

    g_assert_cmpint (plenary_week_layout_day_of (layout, before), ==, -1);
    g_assert_cmpint (plenary_week_layout_day_of (layout, monday), ==, 0);
    friday = g_date_time_add_days (tuesday, 3);
    g_assert_cmpint (plenary_week_layout_day_of (layout, friday), ==, 4);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  /* GTK's test context keeps what is exposed to assistive technologies, to assert on. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/rooms-view/grid-keyboard-and-stars", test_grid_keyboard_and_stars);
  g_test_add_func ("/rooms-view/picker-no-room", test_picker_no_room);
  g_test_add_func ("/rooms-view/now-follows-clock", test_now_follows_clock);
  g_test_add_func ("/rooms-view/narrow-opens-today", test_narrow_opens_today);

  return g_test_run ();
}
