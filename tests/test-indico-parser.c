/* test-indico-parser.c: the LPC 2021 fixture, the JACoW sample, bad inputs and quirks
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"

static PlenaryIndicoSources *
lpc_sources (gboolean with_event)
{
  PlenaryIndicoSources *sources = plenary_indico_sources_new ();
  g_autofree char *timetable = plenary_test_data_path ("lpc2021/export-timetable-11.json");
  g_autofree char *event = plenary_test_data_path ("lpc2021/export-event-11-contributions.json");

  sources->timetable = plenary_test_load_bytes (timetable);
  if (with_event)
    sources->event = plenary_test_load_bytes (event);
  sources->event_id = g_strdup ("11");

  return sources;
}

static PlenarySchedule *
parse_lpc (gboolean with_event)
{
  g_autoptr (PlenaryIndicoSources) sources = lpc_sources (with_event);
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule = plenary_indico_parse (sources, &error);

  g_assert_no_error (error);
  g_assert_true (PLENARY_IS_SCHEDULE (schedule));
  return schedule;
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%d %H:%M");

  g_assert_cmpstr (text, ==, expected);
}

static guint
count_distinct_speaker_hashes (PlenarySchedule *schedule)
{
  g_autoptr (GHashTable) hashes = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *entries = plenary_schedule_get_entries (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      GPtrArray *speakers = plenary_entry_get_speakers (entry);

      for (guint j = 0; j < speakers->len; j++)
        {
          const char *hash = plenary_person_get_email_hash (speakers->pdata[j]);

          g_assert_nonnull (hash);
          g_hash_table_add (hashes, (char *) hash);
        }
    }

  return g_hash_table_size (hashes);
}

static void
check_lpc_counts (PlenarySchedule *schedule)
{
  static const guint blocks_per_day[] = { 8, 7, 7, 7, 9 };
  GListModel *days = plenary_schedule_get_days (schedule);
  GListModel *blocks = plenary_schedule_get_blocks (schedule);
  GListModel *rooms = plenary_schedule_get_rooms (schedule);
  g_autoptr (PlenaryDay) first_day = NULL;
  g_autoptr (PlenaryDay) last_day = NULL;
  g_autoptr (PlenaryEntry) first = NULL;
  g_autoptr (PlenaryEntry) last = NULL;
  guint n_leaves = 0;

  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 5);
  first_day = g_list_model_get_item (days, 0);
  last_day = g_list_model_get_item (days, 4);
  assert_time (plenary_day_get_date (first_day), "2021-09-20 00:00");
  assert_time (plenary_day_get_date (last_day), "2021-09-24 00:00");

  g_assert_cmpuint (plenary_schedule_get_n_blocks (schedule), ==, 38);
  g_assert_cmpuint (g_list_model_get_n_items (blocks), ==, 38);
  g_assert_cmpuint (plenary_schedule_get_n_sessions (schedule), ==, 24);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 226);
  g_assert_cmpuint (plenary_schedule_get_n_breaks (schedule), ==, 45);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_entries (schedule)), ==,
                    226 + 45);

  g_assert_cmpuint (g_list_model_get_n_items (rooms), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr (PlenaryRoom) room = g_list_model_get_item (rooms, i);

      g_assert_true (g_str_has_suffix (plenary_room_get_name (room), "/Virtual-Room"));
      g_assert_cmpstr (plenary_room_get_venue (room), ==, "LPC Virtual");
    }

  /* No top-level contributions or breaks: every day item is a block. */
  for (guint d = 0; d < 5; d++)
    {
      GListModel *items = plenary_schedule_get_day_items (schedule, d);
      g_autoptr (PlenaryDay) day = g_list_model_get_item (days, d);

      g_assert_cmpuint (g_list_model_get_n_items (items), ==, blocks_per_day[d]);
      g_assert_cmpuint (plenary_day_get_n_items (day), ==, blocks_per_day[d]);
      g_assert_cmpuint (plenary_day_get_index (day), ==, d);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr (PlenaryEntry) item = g_list_model_get_item (items, i);

          g_assert_cmpint (plenary_entry_get_kind (item), ==, PLENARY_ENTRY_KIND_BLOCK);
          g_assert_cmpint (plenary_entry_get_day_index (item), ==, d);
        }
      n_leaves += g_list_model_get_n_items (plenary_schedule_get_day_entries (schedule, d));
    }
  g_assert_cmpuint (n_leaves, ==, 226 + 45);

  first = g_list_model_get_item (blocks, 0);
  g_assert_cmpstr (plenary_entry_get_full_title (first), ==, "BPF & Networking Summit");
  assert_time (plenary_entry_get_start (first), "2021-09-20 06:40");
  assert_time (plenary_entry_get_end (first), "2021-09-20 11:00");
  g_assert_cmpint (plenary_entry_get_duration (first), ==, 260);

  last = g_list_model_get_item (blocks, 37);
  g_assert_cmpstr (plenary_entry_get_full_title (last), ==, "Keynote: Closing Keynote");
  g_assert_cmpstr (plenary_entry_get_title (last), ==, "Keynote");
  g_assert_cmpstr (plenary_entry_get_session_title (last), ==, "Keynote");
  g_assert_cmpstr (plenary_entry_get_block_title (last), ==, "Closing Keynote");
  assert_time (plenary_entry_get_start (last), "2021-09-24 11:00");
  assert_time (plenary_entry_get_end (last), "2021-09-24 12:00");

  g_assert_cmpuint (count_distinct_speaker_hashes (schedule), ==, 272);
}

static void
test_lpc_timetable_only (void)
{
  g_autoptr (PlenarySchedule) schedule = parse_lpc (FALSE);

  check_lpc_counts (schedule);
  g_assert_cmpstr (plenary_schedule_get_title (schedule), ==, "Event 11");
  g_assert_cmpstr (plenary_schedule_get_event_id (schedule), ==, "11");
  g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==, "America/New_York");
  g_assert_cmpstr (plenary_schedule_get_server_base (schedule), ==, "https://lpc.events/");
  g_assert_cmpstr (plenary_schedule_get_venue (schedule), ==, "LPC Virtual");
  /* Timetable only: people are keyed by emailHash. */
  g_assert_nonnull (plenary_schedule_lookup_person (schedule,
                                                    "e:b623d6b42a08bf74e9a4e83e5a1126e9"));
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_tracks (schedule)), ==, 0);
}

static void
test_lpc_with_event (void)
{
  g_autoptr (PlenarySchedule) schedule = parse_lpc (TRUE);
  g_autoptr (PlenaryEntry) first_talk = NULL;
  PlenaryEntry *talk;
  PlenaryPerson *borkmann;
  GListModel *tracks;

  check_lpc_counts (schedule);
  g_assert_cmpstr (plenary_schedule_get_title (schedule), ==, "Linux Plumbers Conference 2021");
  g_assert_cmpstr (plenary_schedule_get_url (schedule), ==, "https://lpc.events/event/11/");
  assert_time (plenary_schedule_get_start (schedule), "2021-09-20 06:40");
  assert_time (plenary_schedule_get_end (schedule), "2021-09-24 12:00");
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_unscheduled (schedule)), ==,
                    0);

  /* Joined by emailHash to the event export's person_id. */
  borkmann = plenary_schedule_lookup_person (schedule, "p:2000");
  g_assert_nonnull (borkmann);
  g_assert_cmpstr (plenary_person_get_name (borkmann), ==, "Daniel Borkmann");
  g_assert_cmpstr (plenary_person_get_affiliation (borkmann), ==, "Isovalent");
  g_assert_cmpint (plenary_person_get_person_id (borkmann), ==, 2000);

  talk = plenary_schedule_lookup_contribution (schedule, 941);
  g_assert_nonnull (talk);
  g_assert_cmpstr (plenary_entry_get_id (talk), ==, "c5002");
  g_assert_cmpstr (plenary_entry_get_user_key (talk), ==, "941");
  g_assert_true (plenary_schedule_lookup_user_key (schedule, "941") == talk);
  g_assert_true (plenary_schedule_lookup_entry (schedule, "c5002") == talk);
  g_assert_cmpstr (plenary_entry_get_title (talk), ==, "BPF & Networking Opening Session");
  g_assert_cmpstr (plenary_entry_get_url (talk), ==,
                   "https://lpc.events/event/11/contributions/941/");
  g_assert_nonnull (plenary_entry_get_track (talk));
  g_assert_cmpstr (plenary_track_get_title (plenary_entry_get_track (talk)), ==,
                   "Networking and BPF Summit");
  g_assert_true (plenary_entry_get_speakers (talk)->pdata[0] == borkmann);
  g_assert_cmpstr (plenary_entry_get_color (talk), ==, "#dfebff");
  g_assert_cmpstr (plenary_entry_get_session_title (talk), ==, "BPF & Networking Summit");

  first_talk = g_list_model_get_item (plenary_schedule_get_entries (schedule), 0);
  g_assert_nonnull (plenary_entry_get_block (first_talk));

  /* No program.json: the distinct track titles, sorted. */
  tracks = plenary_schedule_get_tracks (schedule);
  g_assert_cmpuint (g_list_model_get_n_items (tracks), ==, 6);
  for (guint i = 1; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr (PlenaryTrack) a = g_list_model_get_item (tracks, i - 1);
      g_autoptr (PlenaryTrack) b = g_list_model_get_item (tracks, i);

      g_assert_cmpint (g_utf8_collate (plenary_track_get_title (a),
                                       plenary_track_get_title (b)), <, 0);
      g_assert_cmpint (plenary_track_get_position (b), ==, (int) i);
    }
}

static void
test_timezone (void)
{
  g_autoptr (PlenarySchedule) schedule = parse_lpc (FALSE);
  g_autoptr (PlenaryEntry) first = g_list_model_get_item (plenary_schedule_get_blocks (schedule),
                                                          0);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (plenary_entry_get_start (first));
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");

  assert_time (utc, "2021-09-20 10:40");
  g_assert_cmpint (g_date_time_get_utc_offset (plenary_entry_get_start (first)), ==,
                   -4 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (g_time_zone_get_identifier (plenary_schedule_get_timezone (schedule)), ==,
                   g_time_zone_get_identifier (new_york));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/indico-parser/lpc/timetable-only", test_lpc_timetable_only);
  g_test_add_func ("/indico-parser/lpc/with-event", test_lpc_with_event);
  g_test_add_func ("/indico-parser/lpc/timezone", test_timezone);

  return g_test_run ();
}
