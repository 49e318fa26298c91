/* test-filter-bar.c: the Schedule's filters across new programmes (LPC 2021 and crafted ones)
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "ui/plenary-filter-bar.h"
#include "ui/plenary-schedule-view.h"

#define LPC_ROOM "Refereed Track/Virtual-Room"
#define LPC_TRACK "LPC Refereed Track"

/* A one-talk programme in a room whose name is markup, were it read as such. */
static PlenarySchedule *
load_markup_room (void)
{
  const char *json =
    "{\"count\":1,\"_type\":\"HTTPAPIResult\",\"url\":\"https://example.org/export/timetable/"
    "7.json\",\"results\":{\"7\":{\"20240918\":{\"c1\":{\"id\":\"c1\",\"entryType\":"
    "\"Contribution\",\"contributionId\":1,\"title\":\"A talk\",\"description\":\"\","
    "\"startDate\":{\"date\":\"2024-09-18\",\"time\":\"10:00:00\",\"tz\":\"UTC\"},"
    "\"endDate\":{\"date\":\"2024-09-18\",\"time\":\"10:30:00\",\"tz\":\"UTC\"},"
    "\"room\":\"<b>A & B</b>\",\"presenters\":[]}}}}}";
  return plenary_test_parse_timetable (json);
}

static void
count_cb (PlenaryFilterBar *bar,
          guint            *count)
{
  (*count)++;
}

static void
count_changes_cb (guint *changes)
{
  (*changes)++;
}

/* The texts of the labels below @widget, one a line. */
static void
append_labels (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, out);
}

static gboolean
overlay_says (AdwToastOverlay *overlay,
              const char      *text)
{
  g_autoptr (GString) labels = g_string_new (NULL);

  append_labels (GTK_WIDGET (overlay), labels);
  return strstr (labels->str, text) != NULL;
}

/* A bar in a window's toast overlay, as the Schedule's is. */
static PlenaryFilterBar *
new_bar (GtkWindow       **window_out,
         AdwToastOverlay **overlay_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *bar = g_object_new (PLENARY_TYPE_FILTER_BAR, NULL);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), bar);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (20);
  *window_out = GTK_WINDOW (window);
  *overlay_out = ADW_TOAST_OVERLAY (overlay);
  return PLENARY_FILTER_BAR (bar);
}

/* "changed" means what the filters let through changed: not a new programme that keeps them,
 * not the same filters asked for again, not a filter on something the programme lacks. */
static void
test_changed_only_on_change (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) again = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  AdwToastOverlay *overlay;
  PlenaryFilterBar *bar = new_bar (&window, &overlay);
  guint changed = 0;

  g_signal_connect (bar, "changed", G_CALLBACK (count_cb), &changed);
  plenary_filter_bar_set_schedule (bar, schedule);
  g_assert_cmpuint (changed, ==, 0);

  plenary_filter_bar_set_filters (bar, NULL, LPC_ROOM, NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (plenary_filter_bar_is_active (bar));
  plenary_filter_bar_set_filters (bar, "", LPC_ROOM, NULL);
  g_assert_cmpuint (changed, ==, 1);

  plenary_filter_bar_set_schedule (bar, again);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (plenary_filter_bar_is_active (bar));
  g_assert_false (overlay_says (overlay, "Filter"));

  plenary_filter_bar_set_filters (bar, NULL, "No such room", NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_false (plenary_filter_bar_is_active (bar));
  plenary_filter_bar_set_filters (bar, NULL, "No such room either", NULL);
  g_assert_cmpuint (changed, ==, 2);
  plenary_filter_bar_set_schedule (bar, schedule);
  g_assert_cmpuint (changed, ==, 2);

  g_signal_handlers_disconnect_by_data (bar, &changed);
  gtk_window_destroy (window);
}

/* Filters the new programme has no more go, and a toast names them (as text: a name is the
 * server's, never markup); "changed" says the list shows more. */
static void
test_gone_filters_said (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) night = plenary_test_load_dst_night ();
  g_autoptr (PlenarySchedule) markup = load_markup_room ();
  GtkWindow *window;
  AdwToastOverlay *overlay;
  PlenaryFilterBar *bar = new_bar (&window, &overlay);
  guint changed = 0;

  plenary_filter_bar_set_schedule (bar, schedule);
  plenary_filter_bar_set_filters (bar, LPC_TRACK, LPC_ROOM, NULL);
  g_signal_connect (bar, "changed", G_CALLBACK (count_cb), &changed);

  plenary_filter_bar_set_schedule (bar, night);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (plenary_filter_bar_is_active (bar));
  g_assert_true (overlay_says (overlay, LPC_TRACK " · " LPC_ROOM));
  gtk_window_destroy (window);

  /* In a window of its own: the toast before is still on screen for a while. */
  bar = new_bar (&window, &overlay);
  plenary_filter_bar_set_schedule (bar, markup);
  plenary_filter_bar_set_filters (bar, NULL, "<b>A & B</b>", NULL);
  g_assert_true (plenary_filter_bar_is_active (bar));
  plenary_filter_bar_set_schedule (bar, schedule);
  g_assert_false (plenary_filter_bar_is_active (bar));
  g_assert_true (overlay_says (overlay, "<b>A & B</b>"));
  gtk_window_destroy (window);
}

static GtkDropDown *
bar_dropdown (PlenaryFilterBar *bar,
              const char       *name)
{
  return GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (bar), PLENARY_TYPE_FILTER_BAR,
                                                       name));
}

static const char *
dropdown_string (GtkDropDown *dropdown,
                 guint        row)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), row);
}

/* The drop-downs get the programme's choices when the popover opens, with the filters chosen
 * before selected; what the user picks there is the filter; a new programme while it is open
 * is in them at once. */
static void
test_popover_shows_choices (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) markup = load_markup_room ();
  GtkWindow *window;
  AdwToastOverlay *overlay;
  PlenaryFilterBar *bar = new_bar (&window, &overlay);
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (bar), PLENARY_TYPE_FILTER_BAR,
                                                   "filter_button");
  GtkDropDown *tracks = bar_dropdown (bar, "track_dropdown");
  GtkDropDown *rooms = bar_dropdown (bar, "room_dropdown");
  GtkDropDown *sessions = bar_dropdown (bar, "session_dropdown");
  GListModel *session_list;
  g_autofree char *summary = NULL;
  guint changed = 0;

  plenary_filter_bar_set_schedule (bar, schedule);
  plenary_filter_bar_set_filters (bar, NULL, LPC_ROOM, NULL);
  g_signal_connect (bar, "changed", G_CALLBACK (count_cb), &changed);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  plenary_test_iterate (50);
  g_assert_cmpstr (dropdown_string (rooms, gtk_drop_down_get_selected (rooms)), ==, LPC_ROOM);
  g_assert_cmpstr (dropdown_string (tracks, 0), ==, "All Tracks");
  g_assert_cmpuint (gtk_drop_down_get_selected (tracks), ==, 0);
  session_list = gtk_drop_down_get_model (sessions);
  g_assert_cmpuint (g_list_model_get_n_items (session_list), >, 10);
  for (guint i = 2; i < g_list_model_get_n_items (session_list); i++)
    g_assert_cmpint (strcmp (dropdown_string (sessions, i - 1), dropdown_string (sessions, i)), <, 0);
  g_assert_cmpuint (changed, ==, 0);

  gtk_drop_down_set_selected (tracks, 1);
  g_assert_cmpuint (changed, ==, 1);
  summary = plenary_filter_bar_dup_summary (bar);
  g_assert_nonnull (strstr (summary, dropdown_string (tracks, 1)));
  g_assert_nonnull (strstr (summary, LPC_ROOM));

  plenary_filter_bar_set_schedule (bar, markup);
  g_assert_false (plenary_filter_bar_is_active (bar));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (rooms)), ==, 2);
  g_assert_cmpstr (dropdown_string (rooms, 1), ==, "<b>A & B</b>");
  g_assert_cmpuint (gtk_drop_down_get_selected (rooms), ==, 0);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_signal_handlers_disconnect_by_data (bar, &changed);
  gtk_window_destroy (window);
}

/* The Schedule lists the day once for a new programme, also when a filter went with it. */
static void
test_schedule_rebuilt_once (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) again = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) night = plenary_test_load_dst_night ();
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 12, 0, 0);
  GtkWidget *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_SCHEDULE_VIEW, NULL),
                                               before);
  GListModel *model = plenary_schedule_view_get_model (PLENARY_SCHEDULE_VIEW (view));
  guint changes = 0;

  g_object_ref_sink (view);
  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), schedule);
  plenary_schedule_view_set_filters (PLENARY_SCHEDULE_VIEW (view), NULL, LPC_ROOM, NULL);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), again);
  g_assert_cmpuint (changes, ==, 1);
  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), night);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);

  g_signal_handlers_disconnect_by_data (model, &changes);
  g_object_unref (view);
  plenary_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/filter-bar/changed-only-on-change", test_changed_only_on_change);
  g_test_add_func ("/filter-bar/gone-filters-said", test_gone_filters_said);
  g_test_add_func ("/filter-bar/popover-shows-choices", test_popover_shows_choices);
  g_test_add_func ("/filter-bar/schedule-rebuilt-once", test_schedule_rebuilt_once);

  return g_test_run ();
}
