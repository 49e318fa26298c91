/* test-now-view.c: the Now & Next page on LPC 2021, following an injected clock
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "plenary-application.h"
#include "plenary-test-util.h"
#include "ui/plenary-now-view.h"
#include "ui/plenary-view.h"
#include "ui/plenary-window.h"

#define KERNEL "Kernel Summit/Virtual-Room"

typedef struct
{
  PlenarySchedule *schedule;
  PlenaryUserData *user_data;
  PlenaryClock    *clock;
  GtkWindow       *window;
  PlenaryNowView  *view;
  GTimeZone       *zone;
  PlenaryEntry    *activated;
} Fixture;

static GDateTime *
at (Fixture *fixture,
    int      day,
    int      hour,
    int      minute)
{
  return g_date_time_new (fixture->zone, 2021, 9, day, hour, minute, 0);
}

static void
set_time (Fixture *fixture,
          int      day,
          int      hour,
          int      minute)
{
  g_autoptr (GDateTime) now = at (fixture, day, hour, minute);

  plenary_clock_set_fixed (fixture->clock, now);
}

static void
on_entry_activated (PlenaryNowView *view,
                    PlenaryEntry   *entry,
                    Fixture        *fixture)
{
  g_set_object (&fixture->activated, entry);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "now-user.json", NULL);

  fixture->zone = g_time_zone_new_identifier ("America/New_York");
  fixture->schedule = plenary_test_load_lpc2021 ();
  fixture->user_data = plenary_user_data_new (path);
  fixture->clock = g_object_new (PLENARY_TYPE_CLOCK, "watch-system", FALSE, "localtime-path", NULL,
                                 NULL);
  set_time (fixture, 20, 9, 12);
  fixture->view = g_object_new (PLENARY_TYPE_NOW_VIEW, NULL);
  plenary_now_view_set_clock (fixture->view, fixture->clock);
  plenary_now_view_set_schedule (fixture->view, fixture->schedule, fixture->user_data);
  g_signal_connect (fixture->view, "entry-activated", G_CALLBACK (on_entry_activated), fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 640);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  plenary_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  plenary_test_iterate (20);
  g_clear_object (&fixture->activated);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->user_data);
  g_clear_object (&fixture->schedule);
  g_time_zone_unref (fixture->zone);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The action rows on screen, in order. */
static GPtrArray *
rows_of (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->view), rows);
  return rows;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  g_autoptr (GPtrArray) rows = rows_of (fixture);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static AdwExpanderRow *
find_expander (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return ADW_EXPANDER_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwExpanderRow *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_star (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget)
      && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "starred-symbolic") == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_star (child))
      return TRUE;
  return FALSE;
}

static const char *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Monday 09:12: rooms with what is on, how long is left, and what is next; rows open talks. */
static void
test_rooms_now_and_next (Fixture       *fixture,
                         gconstpointer  data)
{
  PlenaryNowState *state = plenary_now_view_get_state (fixture->view);
  g_autoptr (GPtrArray) rows = rows_of (fixture);
  GtkWidget *row;
  guint expected = 0;

  g_assert_cmpstr (visible_page (fixture), ==, "list");
  for (guint i = 0; i < state->rooms->len; i++)
    {
      PlenaryNowRoom *room = g_ptr_array_index (state->rooms, i);

      if (!room->folded)
        expected += room->current->len + (room->next != NULL);
    }
  /* The folded rooms' expander is closed: its rows are not on screen, only its header. */
  g_assert_cmpuint (rows->len, ==, expected + 1);

  row = find_row (fixture, "Consolidating representations of the physical memory");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Now, until 09:45 · Mike Rapoport");
  g_assert_true (has_label (row, "33 min left"));
  g_assert_false (has_star (row));
  /* Every row is reachable by keyboard and opens its talk. */
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_true (gtk_widget_get_focusable (rows->pdata[i]));
      g_assert_true (gtk_list_box_row_get_activatable (rows->pdata[i]));
    }
  gtk_widget_activate (row);
  g_assert_nonnull (fixture->activated);
  g_assert_cmpstr (plenary_entry_get_title (fixture->activated), ==,
                   "Consolidating representations of the physical memory");

  row = find_row (fixture, "Rust for Linux");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Next at 10:00 · Miguel Ojeda");
  g_assert_true (has_label (row, "in 48 min"));
}

/* The page moves with the clock's ticks, not only with a new programme; focus stays put. */
static void
test_follows_clock (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *row = find_row (fixture, "Consolidating representations of the physical memory");

  gtk_widget_grab_focus (row);
  plenary_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  row = find_row (fixture, "Consolidating representations of the physical memory");
  g_assert_true (has_label (row, "32 min left"));
  /* The rebuilt row has the focus the old one had: the window's focus, which, unlike
     has_focus, does not depend on the X server making the window active. */
  g_assert_true (gtk_widget_is_focus (row));

  /* 09:50: the next talk is closer. */
  plenary_clock_advance (fixture->clock, 37 * G_TIME_SPAN_MINUTE);
  row = find_row (fixture, "Rust for Linux");
  g_assert_true (has_label (row, "in 10 min"));
  g_assert_null (find_row (fixture, "Consolidating representations of the physical memory"));
}

/* Stars and the chair's records from the user data show at once. */
static void
test_stars_and_chair (Fixture       *fixture,
                      gconstpointer  data)
{
  PlenaryNowRoom *kernel = plenary_now_state_find_room (plenary_now_view_get_state (fixture->view),
                                                        KERNEL);
  const char *key = plenary_entry_get_user_key (kernel->next->entry);
  const char *talk = plenary_entry_get_user_key (
    ((PlenaryNowItem *) g_ptr_array_index (kernel->current, 0))->entry);
  g_autoptr (GDateTime) started = at (fixture, 20, 9, 10);
  GtkWidget *row;

  plenary_user_data_set_starred (fixture->user_data, key, TRUE);
  row = find_row (fixture, "Rust for Linux");
  g_assert_true (has_star (row));

  plenary_user_data_set_actual_times (fixture->user_data, talk, started, NULL);
  row = find_row (fixture, "Consolidating representations of the physical memory");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Now, until 09:55 · Mike Rapoport");
  g_assert_true (has_label (GTK_WIDGET (fixture->view), "Running 10 min late"));
  row = find_row (fixture, "Rust for Linux");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Next at 10:10 · Miguel Ojeda");
}

/* Rooms done for the day fold into one row that opens; at night all are folded. */
static void
test_folded_rooms (Fixture       *fixture,
                   gconstpointer  data)
{
  PlenaryNowState *state;
  AdwExpanderRow *expander;

  set_time (fixture, 20, 11, 30);
  state = plenary_now_view_get_state (fixture->view);
  g_assert_cmpuint (state->n_folded, ==, 8);
  expander = find_expander (GTK_WIDGET (fixture->view));
  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (expander)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (expander), ==, "8 rooms");
  adw_expander_row_set_expanded (expander, TRUE);
  plenary_test_iterate (300);
  g_assert_nonnull (find_row (fixture, KERNEL));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (fixture, KERNEL))), ==,
                   "Next: Thursday 07:00 · Integrating GitLab into the Red Hat kernel workflow");

  /* At night every room is done: the list is open, and says when the talks resume. */
  set_time (fixture, 20, 22, 0);
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->view),
                                       "Monday 20 September, 22:00 EDT"));
  g_assert_true (has_label_containing (GTK_WIDGET (fixture->view),
                                       "Nothing on right now; next talks: Tuesday 07:00."));
  g_assert_true (adw_expander_row_get_expanded (find_expander (GTK_WIDGET (fixture->view))));
}

static void
test_before_and_after (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwStatusPage *status;

  set_time (fixture, 18, 6, 40);
  g_assert_cmpstr (visible_page (fixture), ==, "outside");
  status = ADW_STATUS_PAGE (gtk_widget_get_first_child (gtk_widget_get_first_child (
                              GTK_WIDGET (fixture->view))));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Starts Monday 20 September");
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "Linux Plumbers Conference 2021 begins at 06:40, in 2 days. What is on in "
                   "every room shows here then.");

  set_time (fixture, 24, 12, 1);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Event Is Over");

  /* Back to the event: rows again. */
  set_time (fixture, 24, 11, 30);
  g_assert_cmpstr (visible_page (fixture), ==, "list");
}

/* The window has the page, builds it when shown, and a row opens the talk in the Schedule. */
static void
test_window_page (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryApplication) app = plenary_application_new (APP_ID ".TestNow",
                                                                 G_APPLICATION_NON_UNIQUE);
  PlenaryWindow *window;
  AdwViewStack *stack;
  GtkWidget *view;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 ("2021-09-20T09:12:00-04:00", NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  plenary_clock_set_fixed (plenary_clock_get_default (), now);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = PLENARY_WINDOW (plenary_test_wait_for_window (GTK_APPLICATION (app)));
  while (plenary_window_get_schedule (window) == NULL && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);
  stack = plenary_window_get_view_stack (window);
  g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "now"))));

  adw_view_stack_set_visible_child_name (stack, "now");
  plenary_test_iterate (50);
  view = adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "now")));
  g_assert_true (PLENARY_IS_NOW_VIEW (view));
  g_assert_cmpint (plenary_now_view_get_state (PLENARY_NOW_VIEW (view))->phase, ==,
                   PLENARY_NOW_DURING);
  collect_rows (view, rows);
  g_assert_cmpuint (rows->len, >, 10);
  gtk_widget_activate (rows->pdata[0]);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "schedule");

  /* Every page, once shown, is a PlenaryView given the programme on screen and the app's
   * clock, in the table's order. */
  {
    const char *names[] = { "schedule", "now", "speakers", "rooms", "tracks", "starred" };
    g_autoptr (GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (stack));

    g_assert_cmpuint (g_list_model_get_n_items (pages), ==, G_N_ELEMENTS (names));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr (AdwViewStackPage) page = g_list_model_get_item (pages, i);
        g_autoptr (PlenarySchedule) schedule = NULL;
        g_autoptr (PlenaryClock) clock = NULL;

        g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, names[i]);
        g_assert_nonnull (adw_view_stack_page_get_title (page));
        g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
        adw_view_stack_set_visible_child_name (stack, names[i]);
        plenary_test_iterate (20);
        view = adw_bin_get_child (ADW_BIN (adw_view_stack_page_get_child (page)));
        g_assert_true (PLENARY_IS_VIEW (view));
        g_object_get (view, "schedule", &schedule, "clock", &clock, NULL);
        g_assert_true (schedule == plenary_window_get_schedule (window));
        g_assert_true (clock == plenary_clock_get_default ());
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_iterate (50);
  plenary_clock_set_system (plenary_clock_get_default ());
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/now-view/rooms-now-and-next", Fixture, NULL, fixture_set_up,
              test_rooms_now_and_next, fixture_tear_down);
  g_test_add ("/now-view/follows-clock", Fixture, NULL, fixture_set_up, test_follows_clock,
              fixture_tear_down);
  g_test_add ("/now-view/stars-and-chair", Fixture, NULL, fixture_set_up, test_stars_and_chair,
              fixture_tear_down);
  g_test_add ("/now-view/folded-rooms", Fixture, NULL, fixture_set_up, test_folded_rooms,
              fixture_tear_down);
  g_test_add ("/now-view/before-and-after", Fixture, NULL, fixture_set_up,
              test_before_and_after, fixture_tear_down);
  g_test_add_func ("/now-view/window-page", test_window_page);

  return g_test_run ();
}
