/* test-tracks-view.c: the Tracks view on the real LPC 2021 programme
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "plenary-test-util.h"
#include "ui/plenary-tracks-view.h"

/* The six track titles the LPC 2021 event export puts on its 226 contributions. */
static const char * const lpc2021_tracks[] = {
  "LPC Microconference", "Networking and BPF Summit", "GNU Tools Track",
  "LPC Refereed Track", "Kernel Summit Track", "Birds of a Feather (BoF)",
};

static GBytes *
lpc2025_program (void)
{
  g_autofree char *path = plenary_test_data_path ("lpc2025-program/program.json");

  return plenary_test_load_bytes (path);
}

static guint
sum_talks (PlenaryTracksView *view)
{
  GListModel *model = plenary_tracks_view_get_model (view);
  guint sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      sum += plenary_tracks_view_count_talks (view, item);
    }
  return sum;
}

static PlenaryTrack *
find_track (PlenaryTracksView *view,
            const char        *title)
{
  GListModel *model = plenary_tracks_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_TRACK (item)
          && g_strcmp0 (plenary_track_get_title (PLENARY_TRACK (item)), title) == 0)
        return PLENARY_TRACK (item);
    }
  return NULL;
}

/* Day headers, each followed by that day's talks of the track in time order; returns the
 * number of talks. */
static guint
check_track_page (PlenaryTracksView *view,
                  PlenaryTrack      *track)
{
  GListModel *entries = plenary_tracks_view_get_entries (view);
  g_autoptr (GDateTime) previous = NULL;
  int day = -1;
  guint n_days = 0;
  guint n_talks = 0;

  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (entries, i);

      if (PLENARY_IS_DAY (item))
        {
          /* Days ascend, each once, and none is left empty. */
          g_assert_cmpint ((int) plenary_day_get_index (PLENARY_DAY (item)), >, day);
          g_assert_cmpuint (n_talks, ==, i - n_days);
          day = (int) plenary_day_get_index (PLENARY_DAY (item));
          n_days++;
          continue;
        }
      g_assert_true (PLENARY_IS_ENTRY (item));
      g_assert_cmpint (day, >=, 0);
      g_assert_cmpint (plenary_entry_get_day_index (PLENARY_ENTRY (item)), ==, day);
      g_assert_true (plenary_entry_get_track (PLENARY_ENTRY (item)) == track);
      g_assert_cmpint (plenary_entry_get_kind (PLENARY_ENTRY (item)), ==,
                       PLENARY_ENTRY_KIND_CONTRIBUTION);
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous,
                                              plenary_entry_get_start (PLENARY_ENTRY (item))),
                         <=, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (plenary_entry_get_start (PLENARY_ENTRY (item)));
      n_talks++;
    }
  g_assert_cmpuint (n_days, >, 0);
  return n_talks;
}

static void
test_tracks_from_titles (void)
{
  /* program = NULL: what a server older than Indico 3.3.9 gives (404). */
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  GtkWidget *widget =
    plenary_test_present (g_object_new (PLENARY_TYPE_TRACKS_VIEW, NULL), &window);
  PlenaryTracksView *view = PLENARY_TRACKS_VIEW (widget);
  GListModel *model = plenary_tracks_view_get_model (view);

  plenary_tracks_view_set_schedule (view, schedule);
  plenary_test_iterate (50);

  /* Six tracks and no "Other": every contribution of the fixture has a track. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (lpc2021_tracks));
  for (guint i = 0; i < G_N_ELEMENTS (lpc2021_tracks); i++)
    {
      PlenaryTrack *track = find_track (view, lpc2021_tracks[i]);

      g_assert_nonnull (track);
      g_assert_cmpstr (plenary_track_get_description (track), ==, "");
      g_assert_cmpuint (plenary_tracks_view_count_talks (view, G_OBJECT (track)), >, 0);
    }
  g_assert_cmpuint (sum_talks (view), ==, 226);
  g_assert_cmpuint (plenary_tracks_view_count_talks (view, G_OBJECT (find_track (view,
                                                     "Kernel Summit Track"))), ==, 8);

  /* Its page works from the title alone. */
  {
    PlenaryTrack *track = find_track (view, "GNU Tools Track");

    plenary_tracks_view_show_track (view, G_OBJECT (track));
    plenary_test_iterate (50);
    g_assert_cmpuint (check_track_page (view, track), ==, 25);
  }
  gtk_window_destroy (window);
}

static void
test_tracks_with_program (void)
{
  g_autoptr (GBytes) program = lpc2025_program ();
  g_autoptr (JsonNode) root = plenary_test_parse_json (program);
  JsonArray *program_tracks = json_object_get_array_member (json_node_get_object (root),
                                                            "tracks");
  guint n_program = json_array_get_length (program_tracks);
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021_with_program (program);
  GtkWindow *window;
  GtkWidget *widget =
    plenary_test_present (g_object_new (PLENARY_TYPE_TRACKS_VIEW, NULL), &window);
  PlenaryTracksView *view = PLENARY_TRACKS_VIEW (widget);
  GListModel *model = plenary_tracks_view_get_model (view);
  PlenaryTrack *kernel_summit;

  plenary_tracks_view_set_schedule (view, schedule);
  plenary_test_iterate (50);

  /* program.json's tracks first, in its order, with its descriptions… */
  g_assert_cmpuint (n_program, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, n_program);
  for (guint i = 0; i < n_program; i++)
    {
      JsonObject *expected = json_array_get_object_element (program_tracks, i);
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      const char *description = json_object_get_string_member (expected, "description");

      g_assert_true (PLENARY_IS_TRACK (item));
      g_assert_cmpstr (plenary_track_get_title (PLENARY_TRACK (item)), ==,
                       json_object_get_string_member (expected, "title"));
      g_assert_cmpstr (plenary_track_get_description (PLENARY_TRACK (item)), ==, description);
      /* The one track the page gives no text for is "LPC Microconference Proposals". */
      if (i != 3)
        g_assert_cmpstr (description, !=, "");
    }

  /* Some with a description, some without: every row keeps a line for one, one height. */
  {
    g_autoptr (GPtrArray) rows = plenary_test_list_rows (widget);
    int height = -1;

    g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model));
    for (guint i = 0; i < rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (rows, i);

        if (height < 0)
          height = gtk_widget_get_height (row);
        g_assert_cmpint (gtk_widget_get_height (row), ==, height);
      }
  }

  /* …then LPC 2021's tracks that the 2025 programme does not have, and still no "Other". */
  for (guint i = n_program; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      g_assert_true (PLENARY_IS_TRACK (item));
      g_assert_cmpstr (plenary_track_get_description (PLENARY_TRACK (item)), ==, "");
      g_assert_cmpuint (plenary_tracks_view_count_talks (view, item), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lpc2021_tracks); i++)
    g_assert_nonnull (find_track (view, lpc2021_tracks[i]));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  g_assert_cmpuint (plenary_tracks_view_count_talks (view, G_OBJECT (find_track (view,
                                                     "LPC Microconference Proposals"))), ==, 0);
  g_assert_cmpuint (sum_talks (view), ==, 226);

  /* The Kernel Summit page: its description and its 8 talks under day headers. */
  kernel_summit = find_track (view, "Kernel Summit Track");
  g_assert_nonnull (strstr (plenary_track_get_description (kernel_summit), "unconference"));
  plenary_tracks_view_show_track (view, G_OBJECT (kernel_summit));
  plenary_test_iterate (50);
  g_assert_cmpuint (check_track_page (view, kernel_summit), ==, 8);

  /* The microconferences span the week: more than one day header. */
  {
    PlenaryTrack *mc = find_track (view, "LPC Microconference");
    GListModel *entries = plenary_tracks_view_get_entries (view);
    guint n_days = 0;

    plenary_tracks_view_show_track (view, G_OBJECT (mc));
    plenary_test_iterate (50);
    g_assert_cmpuint (check_track_page (view, mc), ==, 141);
    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr (GObject) item = g_list_model_get_item (entries, i);

        n_days += PLENARY_IS_DAY (item);
      }
    g_assert_cmpuint (n_days, >, 1);
  }
  gtk_window_destroy (window);
}

/* LPC Microconference: its talks at one time differ by session and room, on every row; the
 * open track's row is marked; counts say "talks". */
static void
test_track_rows (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  GtkWidget *widget =
    plenary_test_present (g_object_new (PLENARY_TYPE_TRACKS_VIEW, NULL), &window);
  PlenaryTracksView *view = PLENARY_TRACKS_VIEW (widget);
  GListModel *entries = plenary_tracks_view_get_entries (view);
  PlenaryTrack *mc;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) at_seven = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) entry_rows = g_ptr_array_new ();
  g_autoptr (GHashTable) friday = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_open = 0;
  int height = -1;

  plenary_tracks_view_set_schedule (view, schedule);
  plenary_test_iterate (50);
  mc = find_track (view, "LPC Microconference");
  plenary_tracks_view_show_track (view, G_OBJECT (mc));
  plenary_test_iterate (50);

  rows = plenary_test_list_rows (widget);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (lpc2021_tracks));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = plenary_test_row_text (row);

      g_assert_true (g_str_has_suffix (text, " talks"));
      g_assert_true (gtk_widget_get_mapped (row));
      if (height < 0)
        height = gtk_widget_get_height (row);
      g_assert_cmpint (gtk_widget_get_height (row), ==, height);
      if (gtk_widget_has_css_class (row, "open"))
        {
          n_open++;
          g_assert_cmpstr (text, ==, "LPC Microconference|141 talks");
        }
    }
  g_assert_cmpuint (n_open, ==, 1);

  /* Talks at one time each name a different session and room: the five at 07:00 on the
   * Friday, and the first day's three at 07:00, whose rows are on screen. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (entries, i);
      GTimeZone *zone = plenary_schedule_get_timezone (schedule);
      g_autoptr (GDateTime) start = NULL;
      g_autofree char *line = NULL;
      int day;

      if (!PLENARY_IS_ENTRY (item))
        continue;
      day = plenary_entry_get_day_index (PLENARY_ENTRY (item));
      start = g_date_time_to_timezone (plenary_entry_get_start (PLENARY_ENTRY (item)), zone);
      if ((day != 0 && day != 4) || g_date_time_get_hour (start) != 7
          || g_date_time_get_minute (start) != 0)
        continue;
      line = plenary_tracks_view_describe_entry (PLENARY_ENTRY (item), zone);
      g_assert_nonnull (strstr (line, plenary_entry_get_full_title (
                                        plenary_entry_get_block (PLENARY_ENTRY (item)))));
      g_assert_nonnull (strstr (line, plenary_room_get_name (
                                        plenary_entry_get_room (PLENARY_ENTRY (item)))));
      g_assert_false (g_hash_table_contains (day == 4 ? friday : at_seven, line));
      g_hash_table_add (day == 4 ? friday : at_seven, g_steal_pointer (&line));
    }
  g_assert_cmpuint (g_hash_table_size (friday), ==, 5);
  g_assert_cmpuint (g_hash_table_size (at_seven), ==, 3);

  /* And the rows on screen show those lines. */
  plenary_test_collect_css_class (widget, "caption", entry_rows);
  {
    guint shown = 0;

    for (guint i = 0; i < entry_rows->len; i++)
      shown += g_hash_table_contains (at_seven, gtk_label_get_text (g_ptr_array_index (entry_rows,
                                                                                        i)));
    g_assert_cmpuint (shown, ==, 3);
  }
  gtk_window_destroy (window);
}

/* Another event of the same server has a track of the same title: another track, so the page
 * goes back to the list; a new copy of the same event keeps it. */
static void
test_event_switch_closes_track (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) again = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) other = plenary_test_load_lpc2021_as ("12");
  GtkWindow *window;
  GtkWidget *widget =
    plenary_test_present (g_object_new (PLENARY_TYPE_TRACKS_VIEW, NULL), &window);
  PlenaryTracksView *view = PLENARY_TRACKS_VIEW (widget);
  GListModel *entries = plenary_tracks_view_get_entries (view);
  guint n_talks;

  plenary_tracks_view_set_schedule (view, schedule);
  plenary_tracks_view_show_track (view, G_OBJECT (find_track (view, "LPC Microconference")));
  n_talks = g_list_model_get_n_items (entries);
  g_assert_cmpuint (n_talks, >, 0);

  plenary_tracks_view_set_schedule (view, again);
  plenary_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_talks);

  plenary_tracks_view_set_schedule (view, other);
  plenary_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  gtk_window_destroy (window);
}

/* Its clock is never NULL: refused, as every view refuses it. */
static void
test_clock_never_null (void)
{
  plenary_test_assert_clock_never_null (PLENARY_TYPE_TRACKS_VIEW);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/tracks-view/rows", test_track_rows);
  g_test_add_func ("/tracks-view/from-titles", test_tracks_from_titles);
  g_test_add_func ("/tracks-view/with-program", test_tracks_with_program);
  g_test_add_func ("/tracks-view/event-switch-closes-track", test_event_switch_closes_track);
  g_test_add_func ("/tracks-view/clock-never-null", test_clock_never_null);

  return g_test_run ();
}
