/* test-schedule-builder.c: the one way schedules are filled in, without a parser
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/plenary-schedule-builder.h"
#include "plenary-test-util.h"

static GDateTime *
at (GTimeZone *zone,
    int        day,
    int        hour)
{
  return g_date_time_new (zone, 2021, 9, day, hour, 0, 0);
}

static gint
compare_titles (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (plenary_track_get_title (*(PlenaryTrack * const *) a),
                    plenary_track_get_title (*(PlenaryTrack * const *) b));
}

/* A block with one talk in it, one room, two tracks, one speaker: what every getter shows. */
static void
test_small_schedule (void)
{
  g_autoptr (PlenaryScheduleBuilder) builder = plenary_schedule_builder_new ();
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GDateTime) day1 = at (zone, 20, 0);
  g_autoptr (GDateTime) day2 = at (zone, 21, 0);
  g_autoptr (PlenaryRoom) room = plenary_room_new ("Room A", "Venue");
  g_autoptr (PlenaryTrack) zeta = plenary_track_new (1, "Zeta", NULL, NULL, 0);
  g_autoptr (PlenaryTrack) alpha = plenary_track_new (2, "Alpha", NULL, NULL, 1);
  g_autoptr (PlenaryPerson) ada = plenary_person_new (7, NULL, "Ada", "Lovelace", NULL,
                                                      "Analytical");
  g_autoptr (PlenaryEntry) block = plenary_schedule_builder_new_entry (PLENARY_ENTRY_KIND_BLOCK);
  g_autoptr (PlenaryEntry) talk = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;
  guint day;

  plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_EVENT_ID, "11");
  plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_TITLE, "LPC");
  plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_TIMEZONE_ID, "America/New_York");
  plenary_schedule_builder_set_timezone (builder, zone);
  plenary_schedule_builder_set_span (builder, day1, day2);
  g_assert_cmpstr (plenary_schedule_builder_get_string (builder, PLENARY_SCHEDULE_EVENT_ID), ==,
                   "11");
  g_assert_null (plenary_schedule_builder_get_string (builder, PLENARY_SCHEDULE_URL));

  day = plenary_schedule_builder_add_day (builder, day1);
  g_assert_cmpuint (day, ==, 0);
  g_assert_cmpuint (plenary_schedule_builder_add_day (builder, day2), ==, 1);
  g_assert_cmpuint (plenary_schedule_builder_get_n_days (builder), ==, 2);
  g_assert_true (plenary_schedule_builder_get_day_date (builder, 1) == day2);

  plenary_schedule_builder_set_entry_string (block, PLENARY_ENTRY_ID, "s1", FALSE);
  plenary_schedule_builder_set_entry_string (block, PLENARY_ENTRY_TITLE, "Kernel", FALSE);
  plenary_schedule_builder_take_entry_time (block, PLENARY_ENTRY_START, at (zone, 20, 9));
  plenary_schedule_builder_take_entry_time (block, PLENARY_ENTRY_END, at (zone, 20, 12));
  plenary_schedule_builder_set_entry_room (block, room);
  plenary_schedule_builder_set_entry_number (block, PLENARY_ENTRY_DAY_INDEX, 0);
  plenary_schedule_builder_complete_entry (block);

  talk = plenary_schedule_builder_new_entry (PLENARY_ENTRY_KIND_CONTRIBUTION);
  plenary_schedule_builder_set_entry_string (talk, PLENARY_ENTRY_ID, "c2", FALSE);
  plenary_schedule_builder_set_entry_string (talk, PLENARY_ENTRY_TITLE, "Scheduler", FALSE);
  plenary_schedule_builder_set_entry_number (talk, PLENARY_ENTRY_CONTRIBUTION_ID, 42);
  plenary_schedule_builder_set_entry_number (talk, PLENARY_ENTRY_IS_POSTER, TRUE);
  plenary_schedule_builder_take_entry_time (talk, PLENARY_ENTRY_START, at (zone, 20, 10));
  plenary_schedule_builder_take_entry_time (talk, PLENARY_ENTRY_END, at (zone, 20, 11));
  plenary_schedule_builder_set_entry_room (talk, room);
  plenary_schedule_builder_set_entry_track (talk, alpha);
  plenary_schedule_builder_set_entry_block (talk, block);
  plenary_schedule_builder_add_entry_person (talk, PLENARY_ENTRY_SPEAKERS, ada);
  plenary_schedule_builder_add_entry_attachment (talk, "Slides", "https://example.org/s.pdf",
                                                 NULL);
  plenary_schedule_builder_set_entry_number (talk, PLENARY_ENTRY_DAY_INDEX, 0);
  plenary_schedule_builder_complete_entry (talk);

  /* Unset stays NULL for the builder's readers; the entry's own getters give "". */
  g_assert_null (plenary_schedule_builder_get_entry_string (talk, PLENARY_ENTRY_CODE));
  g_assert_cmpstr (plenary_entry_get_code (talk), ==, "");
  /* complete_entry() filled in the derived fields. */
  g_assert_cmpstr (plenary_schedule_builder_get_entry_string (talk, PLENARY_ENTRY_USER_KEY), ==,
                   "42");
  g_assert_cmpstr (plenary_entry_get_full_title (talk), ==, "Scheduler");
  g_assert_cmpint (plenary_schedule_builder_get_entry_number (talk, PLENARY_ENTRY_IS_POSTER), ==,
                   TRUE);

  plenary_schedule_builder_add_entry (builder, block);
  plenary_schedule_builder_add_entry (builder, talk);
  plenary_schedule_builder_add_day_item (builder, day, block, FALSE);
  /* Listed again (a block across midnight): once. */
  plenary_schedule_builder_add_day_item (builder, day, block, TRUE);
  /* No such day: nothing. */
  plenary_schedule_builder_add_day_item (builder, 5, block, FALSE);
  g_assert_cmpuint (plenary_schedule_builder_get_n_entries (builder), ==, 2);
  g_assert_true (plenary_schedule_builder_get_entry (builder, 1) == talk);

  plenary_schedule_builder_list_room (builder, room);
  plenary_schedule_builder_list_track (builder, zeta);
  plenary_schedule_builder_list_track (builder, alpha);
  plenary_schedule_builder_order_tracks (builder, compare_titles);
  g_assert_cmpint (plenary_track_get_position (alpha), ==, 0);
  g_assert_cmpint (plenary_track_get_position (zeta), ==, 1);
  plenary_schedule_builder_add_person (builder, plenary_person_get_key (ada), ada);
  plenary_schedule_builder_list_person (builder, ada);
  g_assert_true (plenary_schedule_builder_lookup_person (builder, plenary_person_get_key (ada))
                 == ada);

  schedule = plenary_schedule_builder_finish (builder);
  g_assert_cmpstr (plenary_schedule_get_title (schedule), ==, "LPC");
  g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==, "America/New_York");
  g_assert_cmpuint (plenary_schedule_get_n_blocks (schedule), ==, 1);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_days (schedule)), ==, 2);
  g_assert_cmpuint (plenary_schedule_builder_peek_day_items (schedule, 0)->len, ==, 1);
  g_assert_null (plenary_schedule_builder_peek_day_items (schedule, 2));
  g_assert_cmpuint (plenary_schedule_builder_peek (schedule, PLENARY_SCHEDULE_LIST_TRACKS)->len,
                    ==, 2);
  g_assert_true (plenary_schedule_lookup_contribution (schedule, 42) == talk);
  g_assert_true (plenary_entry_get_block (talk) == block);
  g_assert_true (plenary_entry_get_track (talk) == alpha);
  g_assert_cmpuint (plenary_entry_get_speakers (talk)->len, ==, 1);
  g_assert_cmpuint (plenary_entry_get_attachments (talk)->len, ==, 1);
  g_assert_cmpuint (g_hash_table_size (plenary_schedule_builder_peek_person_keys (schedule)), ==,
                    1);
}

/* A mapped entry points into its source instead of copying, and checks its description only
 * when it is read. */
static void
test_mapped_entry (void)
{
  static const char data[] = "c1\0Title\0\xff\xfe not UTF-8";
  g_autoptr (GBytes) source = g_bytes_new_static (data, sizeof data);
  g_autoptr (PlenaryEntry) entry = NULL;

  entry = plenary_schedule_builder_new_mapped_entry (PLENARY_ENTRY_KIND_CONTRIBUTION, source);
  plenary_schedule_builder_set_entry_string (entry, PLENARY_ENTRY_ID, data, FALSE);
  plenary_schedule_builder_set_entry_string (entry, PLENARY_ENTRY_TITLE, data + 3, FALSE);
  plenary_schedule_builder_set_entry_string (entry, PLENARY_ENTRY_DESCRIPTION, data + 9, FALSE);
  plenary_schedule_builder_reserve_entry_people (entry, PLENARY_ENTRY_SPEAKERS, 2);

  g_assert_true (plenary_entry_get_id (entry) == data);
  g_assert_true (plenary_schedule_builder_get_entry_string (entry, PLENARY_ENTRY_TITLE)
                 == data + 3);
  g_assert_cmpstr (plenary_entry_get_description (entry), ==, "");
  g_assert_cmpstr (plenary_schedule_builder_get_entry_string (entry, PLENARY_ENTRY_DESCRIPTION),
                   ==, "");
  g_assert_cmpuint (plenary_entry_get_speakers (entry)->len, ==, 0);
  g_assert_cmpuint (plenary_entry_get_authors (entry)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/model/schedule-builder/small-schedule", test_small_schedule);
  g_test_add_func ("/model/schedule-builder/mapped-entry", test_mapped_entry);

  return g_test_run ();
}
