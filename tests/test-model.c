/* test-model.c: the schedule's list models, indices and queries, on LPC 2021
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "indico/plenary-indico-parser.h"
#include "model/plenary-event.h"
#include "store/plenary-folder-loader.h"
#include "plenary-test-util.h"

static PlenarySchedule *schedule;

static GDateTime *
event_time (int day,
            int hour,
            int minute)
{
  return g_date_time_new (plenary_schedule_get_timezone (schedule), 2021, 9, day, hour, minute,
                          0);
}

static void
assert_sorted (GListModel *model)
{
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PlenaryEntry) a = g_list_model_get_item (model, i - 1);
      g_autoptr (PlenaryEntry) b = g_list_model_get_item (model, i);
      int cmp = g_date_time_compare (plenary_entry_get_start (a), plenary_entry_get_start (b));

      g_assert_cmpint (cmp, <=, 0);
      if (cmp == 0)
        g_assert_cmpint (g_strcmp0 (plenary_entry_get_title (a), plenary_entry_get_title (b)),
                         <=, 0);
    }
}

static PlenaryPerson *
find_person (const char *name)
{
  GListModel *people = plenary_schedule_get_people (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (PlenaryPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (plenary_person_get_name (person), name) == 0)
        return person;
    }

  return NULL;
}

static void
test_types (void)
{
  GListModel *days = plenary_schedule_get_days (schedule);
  g_autofree char *kind = NULL;

  g_assert_true (g_list_model_get_item_type (days) == PLENARY_TYPE_DAY);
  g_assert_true (g_list_model_get_item_type (plenary_schedule_get_rooms (schedule))
                 == PLENARY_TYPE_ROOM);
  g_assert_true (g_list_model_get_item_type (plenary_schedule_get_people (schedule))
                 == PLENARY_TYPE_PERSON);
  g_assert_true (g_list_model_get_item_type (plenary_schedule_get_tracks (schedule))
                 == PLENARY_TYPE_TRACK);
  g_assert_true (g_list_model_get_item_type (plenary_schedule_get_entries (schedule))
                 == PLENARY_TYPE_ENTRY);
  kind = g_enum_to_string (PLENARY_TYPE_ENTRY_KIND, PLENARY_ENTRY_KIND_BREAK);
  g_assert_cmpstr (kind, ==, "PLENARY_ENTRY_KIND_BREAK");
  /* The same object each time: built once. */
  g_assert_true (plenary_schedule_get_day_items (schedule, 0)
                 == plenary_schedule_get_day_items (schedule, 0));
}

static void
test_sorting (void)
{
  GListModel *rooms = plenary_schedule_get_rooms (schedule);
  GListModel *people = plenary_schedule_get_people (schedule);

  assert_sorted (plenary_schedule_get_entries (schedule));
  assert_sorted (plenary_schedule_get_blocks (schedule));
  for (guint d = 0; d < 5; d++)
    {
      assert_sorted (plenary_schedule_get_day_items (schedule, d));
      assert_sorted (plenary_schedule_get_day_entries (schedule, d));
    }

  for (guint i = 1; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (PlenaryRoom) a = g_list_model_get_item (rooms, i - 1);
      g_autoptr (PlenaryRoom) b = g_list_model_get_item (rooms, i);

      g_assert_cmpint (g_utf8_collate (plenary_room_get_name (a), plenary_room_get_name (b)), <,
                       0);
    }

  for (guint i = 1; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (PlenaryPerson) a = g_list_model_get_item (people, i - 1);
      g_autoptr (PlenaryPerson) b = g_list_model_get_item (people, i);

      g_assert_cmpint (strcmp (plenary_person_get_sort_key (a), plenary_person_get_sort_key (b)),
                       <=, 0);
    }
}

static void
test_block_entries (void)
{
  PlenaryEntry *block = plenary_schedule_lookup_entry (schedule, "s5001");
  GListModel *children = plenary_schedule_get_block_entries (schedule, block);
  static const char *expected[] = {
    "BPF & Networking Opening Session",
    "BPF tracing: exploring additional debugging capabilities",
    "Use of eBPF in cpu scheduler",
  };

  g_assert_nonnull (block);
  g_assert_cmpuint (g_list_model_get_n_items (children), >, G_N_ELEMENTS (expected));
  assert_sorted (children);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (PlenaryEntry) child = g_list_model_get_item (children, i);

      g_assert_true (g_str_has_prefix (plenary_entry_get_title (child), expected[i]));
      g_assert_true (plenary_entry_get_block (child) == block);
      g_assert_true (plenary_entry_get_room (child) == plenary_entry_get_room (block));
    }
  g_assert_true (plenary_schedule_get_block_entries (schedule, block) == children);
}

static void
test_person_queries (void)
{
  PlenaryPerson *paul = find_person ("Paul McKenney");
  g_autoptr (GListModel) talks = NULL;
  g_autoptr (GListModel) blocks = NULL;
  GListModel *all_blocks = plenary_schedule_get_blocks (schedule);
  guint convened = 0;

  g_assert_nonnull (paul);
  g_assert_true (plenary_schedule_lookup_person (schedule, plenary_person_get_key (paul)) == paul);
  g_assert_true (g_str_has_prefix (plenary_person_get_key (paul), "p:"));
  g_assert_cmpstr (plenary_person_get_sort_key (paul), ==, "mckenney paul");
  talks = plenary_schedule_get_person_entries (schedule, paul);
  g_assert_cmpuint (g_list_model_get_n_items (talks), ==, 6);
  assert_sorted (talks);

  /* Conveners are people too, with the blocks they convene. */
  for (guint i = 0; i < g_list_model_get_n_items (all_blocks); i++)
    {
      g_autoptr (PlenaryEntry) block = g_list_model_get_item (all_blocks, i);
      GPtrArray *conveners = plenary_entry_get_speakers (block);

      for (guint j = 0; j < conveners->len; j++)
        {
          PlenaryPerson *convener = conveners->pdata[j];
          g_autoptr (GListModel) theirs = plenary_schedule_get_person_blocks (schedule,
                                                                               convener);
          guint found;

          g_assert_true (g_list_store_find (G_LIST_STORE (theirs), block, &found));
          convened++;
        }
    }
  g_assert_cmpuint (convened, >, 0);
  blocks = plenary_schedule_get_person_blocks (schedule, paul);
  g_assert_nonnull (blocks);
}

static void
test_room_and_track_queries (void)
{
  GListModel *rooms = plenary_schedule_get_rooms (schedule);
  GListModel *tracks = plenary_schedule_get_tracks (schedule);
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (PlenaryRoom) room = g_list_model_get_item (rooms, i);
      g_autoptr (GListModel) entries = plenary_schedule_get_room_entries (schedule, room);

      g_assert_true (plenary_schedule_lookup_room (schedule, plenary_room_get_name (room))
                     == room);
      assert_sorted (entries);
      total += g_list_model_get_n_items (entries);
    }
  g_assert_cmpuint (total, ==, 226 + 45);

  total = 0;
  for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr (PlenaryTrack) track = g_list_model_get_item (tracks, i);
      g_autoptr (GListModel) entries = plenary_schedule_get_track_entries (schedule, track);

      g_assert_true (plenary_schedule_lookup_track (schedule, plenary_track_get_title (track))
                     == track);
      total += g_list_model_get_n_items (entries);
    }
  g_assert_cmpuint (total, ==, 226);
  g_assert_null (plenary_schedule_lookup_track (schedule, "No such track"));
  g_assert_null (plenary_schedule_lookup_room (schedule, "No such room"));
  g_assert_null (plenary_schedule_lookup_entry (schedule, "c1"));
  g_assert_null (plenary_schedule_lookup_contribution (schedule, 1));
}

static void
test_time_queries (void)
{
  g_autoptr (GDateTime) opening = event_time (20, 6, 50);
  g_autoptr (GDateTime) before = event_time (19, 12, 0);
  g_autoptr (GDateTime) after_all = event_time (25, 12, 0);
  g_autoptr (GListModel) now = plenary_schedule_get_entries_at (schedule, opening);
  g_autoptr (GListModel) next = plenary_schedule_get_entries_after (schedule, opening, 3);
  g_autoptr (GListModel) first = plenary_schedule_get_entries_after (schedule, before, 1);
  g_autoptr (GListModel) none = plenary_schedule_get_entries_at (schedule, after_all);
  g_autoptr (GListModel) nothing_next = plenary_schedule_get_entries_after (schedule, after_all,
                                                                            5);
  g_autoptr (PlenaryEntry) running = NULL;
  g_autoptr (PlenaryEntry) very_first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (now), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (now); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (now, i);

      g_assert_cmpint (g_date_time_compare (plenary_entry_get_start (entry), opening), <=, 0);
      g_assert_cmpint (g_date_time_compare (plenary_entry_get_end (entry), opening), >, 0);
      g_assert_cmpint (plenary_entry_get_kind (entry), !=, PLENARY_ENTRY_KIND_BLOCK);
    }
  running = g_list_model_get_item (now, 0);
  g_assert_cmpstr (plenary_entry_get_title (running), ==, "BPF & Networking Opening Session");

  g_assert_cmpuint (g_list_model_get_n_items (next), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (next, i);

      g_assert_cmpint (g_date_time_compare (plenary_entry_get_start (entry), opening), >, 0);
    }
  assert_sorted (next);

  very_first = g_list_model_get_item (first, 0);
  g_assert_cmpstr (plenary_entry_get_title (very_first), ==, "BPF & Networking Opening Session");
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nothing_next), ==, 0);
}

static char *
titles_of (GPtrArray *rows)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                            plenary_entry_get_title (g_ptr_array_index (rows, i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A block crossing midnight is listed on both days, each with its own part: Saturday's 20:00
 * talk is not listed again under Sunday. */
static void
test_day_rows_midnight (void)
{
  g_autoptr (PlenarySchedule) night = plenary_test_load_dst_night ();
  g_autoptr (GPtrArray) saturday = plenary_schedule_dup_day_rows (night, 0, NULL);
  g_autoptr (GPtrArray) sunday = plenary_schedule_dup_day_rows (night, 1, NULL);
  g_autofree char *saturday_text = titles_of (saturday);
  g_autofree char *sunday_text = titles_of (sunday);

  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_days (night)), ==, 2);
  g_assert_cmpstr (saturday_text, ==, "Night of the Clocks|Evening talk");
  g_assert_cmpstr (sunday_text, ==,
                   "Night of the Clocks|Fall-back talk|Posters|Poster one|Poster two|Closing");
}

/* Shown in Tokyo's time, LPC's New York days move: Monday's 11:00 keynote is Tuesday 00:00
 * there, and is listed under Tuesday, not Monday. */
static void
test_day_rows_in_zone (void)
{
  g_autoptr (GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr (GPtrArray) monday = plenary_schedule_dup_day_rows (schedule, 0, NULL);
  g_autoptr (GPtrArray) monday_tokyo = plenary_schedule_dup_day_rows (schedule, 0, tokyo);
  g_autoptr (GPtrArray) tuesday_tokyo = plenary_schedule_dup_day_rows (schedule, 1, tokyo);
  PlenaryEntry *keynote = plenary_schedule_lookup_entry (schedule, "c5064");

  g_assert_nonnull (keynote);
  g_assert_true (g_ptr_array_find (monday, keynote, NULL));
  g_assert_false (g_ptr_array_find (monday_tokyo, keynote, NULL));
  g_assert_true (g_ptr_array_find (tuesday_tokyo, keynote, NULL));
  /* Its block comes with it, as its header. */
  g_assert_true (g_ptr_array_find (tuesday_tokyo, plenary_entry_get_block (keynote), NULL));
  g_assert_cmpuint (monday_tokyo->len, <, monday->len);
  for (guint i = 0; i < tuesday_tokyo->len; i++)
    {
      PlenaryEntry *row = g_ptr_array_index (tuesday_tokyo, i);
      g_autoptr (GDateTime) local = NULL;

      if (plenary_entry_get_kind (row) == PLENARY_ENTRY_KIND_BLOCK)
        continue;
      local = g_date_time_to_timezone (plenary_entry_get_start (row), tokyo);
      g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 21);
    }

  /* Friday's last talks are Saturday in Tokyo: the last day keeps them, none is lost. */
  {
    guint n_days = g_list_model_get_n_items (plenary_schedule_get_days (schedule));
    guint total = 0, total_tokyo = 0;

    for (guint d = 0; d < n_days; d++)
      {
        g_autoptr (GPtrArray) rows = plenary_schedule_dup_day_rows (schedule, d, NULL);
        g_autoptr (GPtrArray) rows_tokyo = plenary_schedule_dup_day_rows (schedule, d, tokyo);

        for (guint i = 0; i < rows->len; i++)
          total += plenary_entry_get_kind (g_ptr_array_index (rows, i))
                   != PLENARY_ENTRY_KIND_BLOCK;
        for (guint i = 0; i < rows_tokyo->len; i++)
          total_tokyo += plenary_entry_get_kind (g_ptr_array_index (rows_tokyo, i))
                         != PLENARY_ENTRY_KIND_BLOCK;
      }
    g_assert_cmpuint (total, ==, g_list_model_get_n_items (plenary_schedule_get_entries (schedule)));
    g_assert_cmpuint (total_tokyo, ==, total);
  }
}

typedef struct
{
  GThread  *thread;   /* where it was finalized */
  gboolean  done;
} Freed;

static void
schedule_freed_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  Freed *freed = data;

  freed->thread = g_thread_self ();
  g_atomic_int_set (&freed->done, TRUE);
}

/* A programme replaced by a new one is freed off the main thread (20,000 talks took it a
 * tenth of a second there), and only once nothing else holds it. */
static void
test_replaced_freed_in_thread (void)
{
  g_autoptr (PlenaryEvent) event = plenary_event_new ("https://lpc.events/", "11");
  PlenarySchedule *first = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) second = plenary_test_load_lpc2021 ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  Freed freed = { NULL, FALSE };

  plenary_event_set_programme (event, NULL, first);
  g_object_weak_ref (G_OBJECT (first), schedule_freed_cb, &freed);
  g_object_unref (first);   /* the event's is the last */
  plenary_event_set_programme (event, NULL, second);
  while (!g_atomic_int_get (&freed.done) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_atomic_int_get (&freed.done));
  g_assert_true (freed.thread != g_thread_self ());
  g_assert_true (plenary_event_get_schedule (event) == second);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  plenary_test_init (&argc, &argv);

  dir = plenary_test_data_path ("lpc2021");
  sources = plenary_folder_loader_load (dir, &error);
  g_assert_no_error (error);
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/model/types", test_types);
  g_test_add_func ("/model/sorting", test_sorting);
  g_test_add_func ("/model/block-entries", test_block_entries);
  g_test_add_func ("/model/person-queries", test_person_queries);
  g_test_add_func ("/model/room-and-track-queries", test_room_and_track_queries);
  g_test_add_func ("/model/time-queries", test_time_queries);
  g_test_add_func ("/model/day-rows-midnight", test_day_rows_midnight);
  g_test_add_func ("/model/day-rows-in-zone", test_day_rows_in_zone);
  g_test_add_func ("/model/replaced-freed-in-thread", test_replaced_freed_in_thread);

  status = g_test_run ();
  g_clear_object (&schedule);

  return status;
}
