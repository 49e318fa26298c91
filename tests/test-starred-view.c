/* test-starred-view.c: the personal schedule on LPC 2021
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "util/plenary-clock.h"
#include "ui/plenary-entry-page.h"
#include "ui/plenary-entry-row.h"
#include "ui/plenary-starred-view.h"
#include "ui/plenary-view.h"

static guint
count_entries (GListModel *model)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      n += PLENARY_IS_ENTRY (item);
    }
  return n;
}

static void
test_conflicts_and_removed (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "starred.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 0, 0, 0);
  PlenaryStarredView *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL), before);
  /* 941: BPF room 06:40–07:00; 965: Refereed room 07:00–07:45; c5003: BPF room 07:00–07:40. */
  const char *bpf_opening = "941";
  const char *rust = "965";
  const char *bpf_tracing = plenary_entry_get_user_key (plenary_schedule_lookup_entry (schedule,
                                                                                      "c5003"));
  PlenaryEntry *opening = plenary_schedule_lookup_user_key (schedule, bpf_opening);
  PlenaryEntry *rust_entry = plenary_schedule_lookup_user_key (schedule, rust);
  PlenaryEntry *tracing = plenary_schedule_lookup_user_key (schedule, bpf_tracing);
  g_auto (GStrv) removed = NULL;

  g_object_ref_sink (view);
  plenary_starred_view_set_schedule (view, schedule, user_data);
  plenary_user_data_set_starred (user_data, bpf_opening, TRUE);
  plenary_user_data_set_starred (user_data, rust, TRUE);
  g_assert_cmpuint (count_entries (plenary_starred_view_get_model (view)), ==, 2);

  /* Back to back in different rooms: fine unless changing rooms takes time. */
  g_assert_false (plenary_starred_view_is_conflict (view, opening));
  g_object_set (view, "room-change-minutes", 5, NULL);
  g_assert_true (plenary_starred_view_is_conflict (view, opening));
  g_assert_true (plenary_starred_view_is_conflict (view, rust_entry));
  g_object_set (view, "room-change-minutes", 0, NULL);

  /* Overlapping talks always clash. */
  plenary_user_data_set_starred (user_data, bpf_tracing, TRUE);
  g_assert_true (plenary_starred_view_is_conflict (view, tracing));
  g_assert_true (plenary_starred_view_is_conflict (view, rust_entry));
  g_assert_false (plenary_starred_view_is_conflict (view, opening));

  /* A starred talk gone from the programme stays listed until dismissed. */
  plenary_user_data_set_starred (user_data, "123456", TRUE);
  removed = plenary_starred_view_dup_removed (view);
  g_assert_cmpstrv (removed, ((const char *[]) { "123456", NULL }));
  g_clear_pointer (&removed, g_strfreev);
  plenary_user_data_set_starred (user_data, "123456", FALSE);
  removed = plenary_starred_view_dup_removed (view);
  g_assert_cmpuint (g_strv_length (removed), ==, 0);

  g_object_unref (view);
}

static void
user_data_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  if (g_object_get_data (object, "loading") != NULL)
    plenary_user_data_load_finish (PLENARY_USER_DATA (object), result, &error);
  else
    plenary_user_data_save_finish (PLENARY_USER_DATA (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* The titles the Starred view's "removed" rows show. */
static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

/* A starred talk that left the programme is still named after a restart. */
static void
test_removed_title_survives_restart (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autofree char *timetable = plenary_test_data_path ("crafted/quirks-timetable.json");
  g_autofree char *event = plenary_test_data_path ("crafted/quirks-event.json");
  g_autoptr (PlenarySchedule) other = NULL;
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "titles.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (PlenaryUserData) reloaded = plenary_user_data_new (path);
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  PlenaryStarredView *view = g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL);
  const char *title = plenary_entry_get_title (plenary_schedule_lookup_user_key (schedule, "965"));
  gboolean done = FALSE;

  g_object_ref_sink (view);
  plenary_starred_view_set_schedule (view, schedule, user_data);
  plenary_user_data_set_starred (user_data, "965", TRUE);
  g_assert_cmpstr (plenary_user_data_get_title (user_data, "965"), ==, title);
  plenary_user_data_save_async (user_data, NULL, user_data_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&view);

  /* Next start, in a new view: another programme, without that talk. */
  view = g_object_ref_sink (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL));
  done = FALSE;
  g_object_set_data (G_OBJECT (reloaded), "loading", GINT_TO_POINTER (1));
  plenary_user_data_load_async (reloaded, NULL, user_data_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (plenary_user_data_get_title (reloaded, "965"), ==, title);
  sources->timetable = plenary_test_load_bytes (timetable);
  sources->event = plenary_test_load_bytes (event);
  other = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (plenary_schedule_lookup_user_key (other, "965"));
  plenary_starred_view_set_schedule (view, other, reloaded);
  collect_row_titles (GTK_WIDGET (view), titles);
  g_assert_true (g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL));

  /* Unstarring forgets the title with the star. */
  plenary_user_data_set_starred (reloaded, "965", FALSE);
  g_assert_null (plenary_user_data_get_title (reloaded, "965"));
  g_object_unref (view);
}

static void
test_up_next_and_past (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "next.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  /* 07:30 on the first day: the BPF opening (06:40–07:00) is over, Rust (07:00–07:45) is on. */
  g_autoptr (GDateTime) during = g_date_time_new (zone, 2021, 9, 20, 7, 30, 0);
  PlenaryStarredView *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL), during);
  GListModel *model = plenary_starred_view_get_model (view);
  g_autoptr (GObject) header = NULL;
  g_autoptr (GObject) first = NULL;

  g_object_ref_sink (view);
  plenary_user_data_set_starred (user_data, "941", TRUE);
  plenary_user_data_set_starred (user_data, "965", TRUE);
  plenary_user_data_set_starred (user_data, "966", TRUE);
  plenary_starred_view_set_schedule (view, schedule, user_data);

  header = g_list_model_get_item (model, 0);
  first = g_list_model_get_item (model, 1);
  g_assert_true (GTK_IS_STRING_OBJECT (header));
  /* Rust is on: it is "Now", not "Up Next". */
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (header)), ==, "Now");
  g_assert_cmpstr (plenary_entry_get_user_key (PLENARY_ENTRY (first)), ==, "965");
  /* The past talk is folded away; the current one is listed at the top only. */
  g_assert_cmpuint (count_entries (model), ==, 2);

  /* Between talks the next one is "Up Next". */
  {
    PlenaryEntry *rust = plenary_schedule_lookup_user_key (schedule, "965");
    PlenaryEntry *next = plenary_schedule_lookup_user_key (schedule, "966");
    g_autoptr (GDateTime) between = g_date_time_add_seconds (plenary_entry_get_end (rust), 1);

    g_assert_cmpint (g_date_time_compare (plenary_entry_get_start (next), between), >, 0);
    plenary_test_set_view_now (view, between);
    g_clear_object (&header);
    g_clear_object (&first);
    header = g_list_model_get_item (model, 0);
    first = g_list_model_get_item (model, 1);
    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (header)), ==, "Up Next");
    g_assert_true (PLENARY_ENTRY (first) == next);
  }
  g_object_unref (view);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_widgets (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The texts of the labels in @widget, joined by newlines. */
static char *
widget_text (GtkWidget *widget)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);

  collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (labels, i)))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (g_ptr_array_index (labels, i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Three starred talks, two at once: one conflict, named on both rows with its room; every row
 * names its room, the talks inside a session block too. */
static void
test_conflict_named_and_rooms (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "named.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 0, 0, 0);
  GtkWidget *window = gtk_window_new ();
  PlenaryStarredView *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL), before);
  PlenaryEntry *rust = plenary_schedule_lookup_user_key (schedule, "965");
  PlenaryEntry *tracing = plenary_schedule_lookup_entry (schedule, "c5003");
  g_autofree char *rust_conflict = NULL;
  g_autofree char *tracing_conflict = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *all_text = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  guint talk_rows = 0;

  plenary_user_data_set_starred (user_data, "941", TRUE);
  plenary_user_data_set_starred (user_data, "965", TRUE);
  plenary_user_data_set_starred (user_data, plenary_entry_get_user_key (tracing), TRUE);
  plenary_starred_view_set_schedule (view, schedule, user_data);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (100);

  /* Counted in pairs: Rust and BPF tracing clash once. */
  g_assert_cmpuint (plenary_starred_view_get_n_conflicts (view), ==, 1);
  rust_conflict = plenary_starred_view_describe_conflict (view, rust);
  expected = g_strdup_printf ("Overlaps %s, %s", plenary_entry_get_title (tracing),
                              plenary_room_get_name (plenary_entry_get_room (tracing)));
  g_assert_cmpstr (rust_conflict, ==, expected);
  tracing_conflict = plenary_starred_view_describe_conflict (view, tracing);
  g_assert_true (g_str_has_prefix (tracing_conflict, "Overlaps "));
  g_assert_nonnull (strstr (tracing_conflict, plenary_entry_get_title (rust)));
  all_text = widget_text (GTK_WIDGET (view));
  g_assert_nonnull (strstr (all_text, "3 starred talks · 1 conflict"));
  g_assert_nonnull (strstr (all_text, expected));

  /* Each talk's row names its room, whether or not its session block is on screen. */
  g_assert_nonnull (plenary_entry_get_block (tracing));
  collect_widgets (GTK_WIDGET (view), PLENARY_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = widget_text (g_ptr_array_index (rows, i));
      const char *keys[] = { "941", "965", plenary_entry_get_user_key (tracing) };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          PlenaryEntry *entry = plenary_schedule_lookup_user_key (schedule, keys[k]);
          /* The title on a line of its own, not as a conflict names it. */
          g_autofree char *line = g_strdup_printf ("\n%s\n", plenary_entry_get_title (entry));

          if (strstr (text, line) == NULL)
            continue;
          g_assert_nonnull (strstr (text, plenary_room_get_name (plenary_entry_get_room (entry))));
          talk_rows++;
        }
    }
  g_assert_cmpuint (talk_rows, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_iterate (20);
}

static void
count_changes_cb (guint *changes)
{
  (*changes)++;
}

/* A starred talk opens in Starred's own page; its star works there. */
static void
test_opens_inside (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "inside.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 0, 0, 0);
  GtkWidget *window = gtk_window_new ();
  PlenaryStarredView *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL), before);
  GListModel *model = plenary_starred_view_get_model (view);
  PlenaryEntry *rust = plenary_schedule_lookup_user_key (schedule, "965");
  PlenaryEntryPage *page = plenary_starred_view_get_entry_page (view);
  AdwLeaflet *leaflet;
  GtkWidget *grid;
  guint position = G_MAXUINT;

  plenary_user_data_set_starred (user_data, "941", TRUE);
  plenary_user_data_set_starred (user_data, "965", TRUE);
  plenary_starred_view_set_schedule (view, schedule, user_data);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  /* Phone-sized: the page covers the list, as the schedule's does. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (100);

  leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (item == G_OBJECT (rust))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  /* What a click or Enter on the row does. */
  grid = find_widget (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW);
  g_signal_emit_by_name (grid, "activate", position);
  g_assert_true (plenary_entry_page_get_entry (page) == rust);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "entry");
  /* Its row is marked open in the list, and only its row. */
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    g_autofree char *line = g_strdup_printf ("\n%s\n", plenary_entry_get_title (rust));
    guint n_open = 0;

    collect_widgets (GTK_WIDGET (view), PLENARY_TYPE_ENTRY_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "open"))
        {
          g_autofree char *text = widget_text (g_ptr_array_index (rows, i));

          g_assert_nonnull (strstr (text, line));
          n_open++;
        }
    g_assert_cmpuint (n_open, ==, 1);
  }

  /* A note typed there leaves the list as it is: no rows rebuilt, no jump to its top. */
  {
    guint changes = 0;
    gulong handler = g_signal_connect_swapped (model, "items-changed",
                                               G_CALLBACK (count_changes_cb), &changes);

    g_signal_emit_by_name (page, "note-changed", rust, "Ask about async");
    g_signal_emit_by_name (page, "note-changed", rust, "Ask about async drivers");
    g_assert_cmpstr (plenary_user_data_get_note (user_data, "965"), ==, "Ask about async drivers");
    g_assert_cmpuint (changes, ==, 0);
    g_signal_handler_disconnect (model, handler);
  }

  /* Unstarred from its page: gone from the list, still open to star again. */
  g_signal_emit_by_name (page, "star-toggled", rust, FALSE);
  g_assert_false (plenary_user_data_get_starred (user_data, "965"));
  g_assert_cmpuint (count_entries (model), ==, 1);
  g_assert_true (plenary_entry_page_get_entry (page) == rust);
  g_signal_emit_by_name (page, "back");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_iterate (20);
}

/* The open talk stays open in a new snapshot of its event; switching to another event, whose
 * talk of the same id (starred there too) is another talk, goes back to the list. */
static void
test_event_switch_closes_page (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) again = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) other = plenary_test_load_other_event ("Another event's talk");
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "switch.json", NULL);
  g_autofree char *other_path = g_build_filename (plenary_test_get_tmpdir (), "switch-other.json",
                                                  NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (PlenaryUserData) other_data = plenary_user_data_new (other_path);
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 0, 0, 0);
  GtkWidget *window = gtk_window_new ();
  PlenaryStarredView *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL), before);
  PlenaryEntryPage *page = plenary_starred_view_get_entry_page (view);
  AdwLeaflet *leaflet;

  plenary_user_data_set_starred (user_data, "965", TRUE);
  plenary_user_data_set_starred (other_data, "965", TRUE);
  plenary_starred_view_set_schedule (view, schedule, user_data);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (100);
  leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  plenary_starred_view_show_entry (view, plenary_schedule_lookup_user_key (schedule, "965"));
  g_assert_true (plenary_entry_page_get_entry (page)
                 == plenary_schedule_lookup_user_key (schedule, "965"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "entry");

  plenary_starred_view_set_schedule (view, again, user_data);
  g_assert_true (plenary_entry_page_get_entry (page)
                 == plenary_schedule_lookup_user_key (again, "965"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "entry");

  /* As the window switches events: the user data first, then the programme. */
  plenary_view_set_user_data (PLENARY_VIEW (view), other_data);
  plenary_view_set_schedule (PLENARY_VIEW (view), other);
  g_assert_cmpuint (count_entries (plenary_starred_view_get_model (view)), ==, 1);
  g_assert_null (plenary_entry_page_get_entry (page));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_iterate (20);
}

/* After the event, with past talks hidden, Starred says every starred talk is over (and shows
 * the toggle that brings them back) instead of an empty list. */
static void
test_all_past (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "past.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (GDateTime) after = g_date_time_new_utc (2022, 1, 10, 12, 0, 0);
  PlenaryStarredView *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL), after);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *status = NULL;
  GtkWidget *past_button = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  g_autoptr (GPtrArray) toggles = g_ptr_array_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  plenary_user_data_set_starred (user_data, "941", TRUE);
  plenary_user_data_set_starred (user_data, "965", TRUE);
  plenary_starred_view_set_schedule (view, schedule, user_data);
  plenary_test_iterate (50);

  g_assert_cmpuint (count_entries (plenary_starred_view_get_model (view)), ==, 0);
  collect_widgets (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (pages, i)))
      status = g_ptr_array_index (pages, i);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "All Starred Talks Are Over");
  collect_widgets (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), "Show _Past") == 0)
      past_button = g_ptr_array_index (toggles, i);
  g_assert_nonnull (past_button);
  g_assert_true (gtk_widget_get_mapped (past_button));

  /* Show Past: the two talks, and no status page. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (past_button), TRUE);
  plenary_test_iterate (50);
  g_assert_cmpuint (count_entries (plenary_starred_view_get_model (view)), ==, 2);
  g_assert_false (gtk_widget_get_mapped (status));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without a time of its own, Starred follows the app's clock (a rehearsal too) and moves on
 * as a starred talk ends. */
static void
test_follows_clock (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "clock.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  /* 07:30 on the first day: Rust (07:00–07:45) is on. */
  g_autoptr (GDateTime) during = g_date_time_new (zone, 2021, 9, 20, 7, 30, 0);
  PlenaryClock *clock = plenary_clock_get_default ();
  PlenaryStarredView *view = NULL;
  GListModel *model;
  g_autoptr (GObject) header = NULL;
  g_autoptr (GObject) first = NULL;

  plenary_clock_set_fixed (clock, during);
  view = g_object_ref_sink (g_object_new (PLENARY_TYPE_STARRED_VIEW, NULL));
  model = plenary_starred_view_get_model (view);
  plenary_user_data_set_starred (user_data, "965", TRUE);
  plenary_user_data_set_starred (user_data, "966", TRUE);
  plenary_starred_view_set_schedule (view, schedule, user_data);
  header = g_list_model_get_item (model, 0);
  g_assert_true (GTK_IS_STRING_OBJECT (header));
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (header)), ==, "Now");
  /* Its page says so, as the Schedule's does. */
  plenary_starred_view_show_entry (view, plenary_schedule_lookup_user_key (schedule, "965"));
  g_assert_cmpstr (plenary_entry_page_get_now_text (plenary_starred_view_get_entry_page (view)),
                   ==, "Happening now · 15 min left");

  /* 16 minutes on, Rust is over: the next talk is Up Next. */
  plenary_clock_advance (clock, 16 * G_TIME_SPAN_MINUTE);
  g_clear_object (&header);
  header = g_list_model_get_item (model, 0);
  first = g_list_model_get_item (model, 1);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (header)), ==, "Up Next");
  g_assert_cmpstr (plenary_entry_get_user_key (PLENARY_ENTRY (first)), ==, "966");
  g_assert_cmpuint (count_entries (model), ==, 1);
  g_assert_null (plenary_entry_page_get_now_text (plenary_starred_view_get_entry_page (view)));
  plenary_clock_set_system (clock);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/starred-view/conflicts-and-removed", test_conflicts_and_removed);
  g_test_add_func ("/starred-view/removed-title-survives-restart",
                   test_removed_title_survives_restart);
  g_test_add_func ("/starred-view/up-next-and-past", test_up_next_and_past);
  g_test_add_func ("/starred-view/conflict-named-and-rooms", test_conflict_named_and_rooms);
  g_test_add_func ("/starred-view/opens-inside", test_opens_inside);
  g_test_add_func ("/starred-view/all-past", test_all_past);
  g_test_add_func ("/starred-view/follows-clock", test_follows_clock);
  g_test_add_func ("/starred-view/event-switch-closes-page", test_event_switch_closes_page);

  return g_test_run ();
}
