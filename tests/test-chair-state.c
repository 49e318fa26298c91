/* test-chair-state.c: the room clock's logic at chosen instants of LPC 2021
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "ui/plenary-format.h"
#include "ui/plenary-chair-state.h"

#define ROOM "Refereed Track/Virtual-Room"
#define MINUTES(m) ((GTimeSpan) (m) * G_TIME_SPAN_MINUTE)

typedef struct
{
  PlenarySchedule *schedule;
  PlenaryRoom     *room;
  GTimeZone       *zone;
  GHashTable      *records;   /* PlenaryEntry → PlenaryChairRecord */
} Fixture;

static void
record_free (gpointer data)
{
  PlenaryChairRecord *record = data;

  g_clear_pointer (&record->started, g_date_time_unref);
  g_clear_pointer (&record->ended, g_date_time_unref);
  g_free (record);
}

static const PlenaryChairRecord *
lookup (PlenaryEntry *entry,
        gpointer      user_data)
{
  Fixture *fixture = user_data;

  return g_hash_table_lookup (fixture->records, entry);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->schedule = plenary_test_load_lpc2021 ();
  fixture->room = plenary_schedule_lookup_room (fixture->schedule, ROOM);
  g_assert_nonnull (fixture->room);
  fixture->zone = g_time_zone_new_identifier ("America/New_York");
  fixture->records = g_hash_table_new_full (NULL, NULL, NULL, record_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->records, g_hash_table_unref);
  g_clear_pointer (&fixture->zone, g_time_zone_unref);
  g_clear_object (&fixture->schedule);
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
compute (Fixture           *fixture,
         PlenaryChairState *state,
         int                day,
         int                hour,
         int                minute)
{
  g_autoptr (GDateTime) now = at (fixture, day, hour, minute);

  plenary_chair_state_clear (state);
  plenary_chair_state_compute (state, fixture->schedule, fixture->room, now, MINUTES (5), lookup,
                               fixture);
}

static void
record (Fixture    *fixture,
        const char *entry_id,
        GDateTime  *started,
        GDateTime  *ended)
{
  PlenaryEntry *entry = plenary_schedule_lookup_entry (fixture->schedule, entry_id);
  PlenaryChairRecord *record = g_new0 (PlenaryChairRecord, 1);

  g_assert_nonnull (entry);
  record->started = started;
  record->ended = ended;
  g_hash_table_replace (fixture->records, entry, record);
}

static void
test_keynote_on_time (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto (PlenaryChairState) state = { 0 };

  compute (fixture, &state, 20, 11, 20);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_ON_TIME);
  g_assert_cmpstr (plenary_entry_get_id (state.current), ==, "c5064");
  g_assert_cmpint (state.left, ==, MINUTES (40));
  g_assert_cmpint (state.elapsed, ==, MINUTES (20));
  g_assert_null (state.next);
  g_assert_cmpint (state.drift, ==, 0);
}

static void
test_warning_and_overrun (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto (PlenaryChairState) state = { 0 };

  compute (fixture, &state, 20, 11, 54);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_ON_TIME);
  compute (fixture, &state, 20, 11, 55);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_WARNING);
  g_assert_cmpint (state.left, ==, MINUTES (5));

  /* Without a record, the clock alone ends the talk at its official end. */
  compute (fixture, &state, 20, 12, 3);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_DONE);
  g_assert_null (state.current);
  g_assert_cmpstr (plenary_entry_get_id (state.tomorrow), ==, "c5104");

  /* Started on time and not ended: three minutes over. */
  record (fixture, "c5064", at (fixture, 20, 11, 0), NULL);
  compute (fixture, &state, 20, 12, 3);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_OVERRUN);
  g_assert_cmpint (state.left, ==, -MINUTES (3));
  {
    g_autofree char *text = plenary_chair_format_span (state.left);

    g_assert_cmpstr (text, ==, "−3:00");
  }
}

static void
test_between_talks (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto (PlenaryChairState) state = { 0 };

  compute (fixture, &state, 20, 7, 50);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_BETWEEN);
  g_assert_null (state.current);
  g_assert_cmpstr (plenary_entry_get_id (state.next), ==, "c5035");
  g_assert_cmpint (state.left, ==, MINUTES (10));

  /* Before the first talk of the day. */
  compute (fixture, &state, 20, 6, 30);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_BETWEEN);
  g_assert_cmpstr (plenary_entry_get_id (state.next), ==, "c5034");
}

/* A break is next: the chair needs the talk after it, to introduce its speakers. */
static void
test_after_break (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto (PlenaryChairState) state = { 0 };
  g_autoptr (GDateTime) now = at (fixture, 20, 7, 20);
  g_autoptr (GDateTime) expected = at (fixture, 20, 7, 40);
  PlenaryRoom *room = plenary_schedule_lookup_room (fixture->schedule,
                                                    "Microconference1/Virtual-Room");

  plenary_chair_state_compute (&state, fixture->schedule, room, now, MINUTES (5), lookup, fixture);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_ON_TIME);
  g_assert_cmpstr (plenary_entry_get_title (state.current), ==, "Much Ado About… Migrations!");
  g_assert_cmpint (plenary_entry_get_kind (state.next), ==, PLENARY_ENTRY_KIND_BREAK);
  g_assert_nonnull (state.after_break);
  g_assert_true (g_str_has_prefix (plenary_entry_get_title (state.after_break),
                                   "Overeager pulling"));
  g_assert_true (g_date_time_equal (state.after_break_start, expected));

  /* Not after a talk. */
  compute (fixture, &state, 20, 7, 50);
  g_assert_null (state.after_break);
}

/* The night clocks fall back: at 00:40 UTC (02:40 CEST) the talk from the first 02:30 is on,
 * with 110 of its 120 minutes left, and its times say which 02:30. */
static void
test_dst_fall_back (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_dst_night ();
  g_auto (PlenaryChairState) state = { 0 };
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 10, 25, 0, 40, 0);
  g_autofree char *range = NULL;

  plenary_chair_state_compute (&state, schedule, plenary_schedule_lookup_room (schedule, "Hall"),
                               now, MINUTES (5), NULL, NULL);
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_ON_TIME);
  g_assert_cmpstr (plenary_entry_get_title (state.current), ==, "Fall-back talk");
  g_assert_cmpint (state.left, ==, MINUTES (110));
  g_assert_cmpint (state.elapsed, ==, MINUTES (10));
  range = plenary_format_time_range (plenary_entry_get_start (state.current),
                                     plenary_entry_get_end (state.current),
                                     plenary_schedule_get_timezone (schedule));
  g_assert_cmpstr (range, ==, "02:30 CEST–03:30");
}

static void
test_drift_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto (PlenaryChairState) state = { 0 };
  g_autoptr (GDateTime) expected = NULL;

  /* The first talk started seven minutes late. */
  record (fixture, "c5034", at (fixture, 20, 7, 7), NULL);
  compute (fixture, &state, 20, 7, 50);
  g_assert_cmpint (state.drift, ==, MINUTES (7));
  g_assert_cmpstr (plenary_entry_get_id (state.current), ==, "c5034");
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_WARNING);
  g_assert_cmpint (state.left, ==, MINUTES (2));
  expected = at (fixture, 20, 8, 7);
  g_assert_true (g_date_time_equal (state.next_start, expected));
  /* The official time stays what Indico says. */
  g_clear_pointer (&expected, g_date_time_unref);
  expected = at (fixture, 20, 8, 0);
  g_assert_true (g_date_time_equal (plenary_entry_get_start (state.next), expected));

  /* It ended ten minutes late: the room runs ten minutes late. */
  record (fixture, "c5034", at (fixture, 20, 7, 7), at (fixture, 20, 7, 55));
  compute (fixture, &state, 20, 8, 5);
  g_assert_cmpint (state.drift, ==, MINUTES (10));
  g_assert_cmpint (state.phase, ==, PLENARY_CHAIR_BETWEEN);
  g_assert_cmpint (state.left, ==, MINUTES (5));

  /* Undo: the records are gone and the room is on its official times again. */
  g_hash_table_remove_all (fixture->records);
  compute (fixture, &state, 20, 8, 5);
  g_assert_cmpint (state.drift, ==, 0);
  g_assert_cmpstr (plenary_entry_get_id (state.current), ==, "c5035");
}

static const char *
note_lookup (PlenaryEntry *entry,
             gpointer      user_data)
{
  return g_str_equal (plenary_entry_get_id (entry), "c5035")
         ? "Questions about the GCC backend.\nFollow-up at the BoF." : NULL;
}

static void
test_markdown_minutes (Fixture       *fixture,
                       gconstpointer  data)
{
  PlenaryEntry *first = plenary_schedule_lookup_entry (fixture->schedule, "c5034");
  g_autofree char *markdown = NULL;

  record (fixture, "c5034", at (fixture, 20, 7, 7), at (fixture, 20, 7, 55));
  markdown = plenary_chair_export_markdown (fixture->schedule, plenary_entry_get_block (first),
                                            lookup, note_lookup, fixture);
  g_assert_true (g_str_has_prefix (markdown, "# LPC Refereed Track\n\n2021-09-20 · 07:00–11:00 "
                                             "America/New_York · Refereed Track/Virtual-Room\n"));
  g_assert_nonnull (strstr (markdown, "\n## Rust in the Linux ecosystem\n\n"));
  g_assert_nonnull (strstr (markdown, "- Official: 07:00–07:45\n- Actual: 07:07–07:55\n"));
  g_assert_nonnull (strstr (markdown, "- Official: 08:00–08:45\n\nQuestions about the GCC "
                                      "backend.\nFollow-up at the BoF.\n"));
  g_assert_nonnull (strstr (markdown, "## GCC Front-End for Rust"));
}

static void
test_format_span (void)
{
  const struct { GTimeSpan span; const char *text; } cases[] = {
    { 0, "0:00" },
    { 65 * G_TIME_SPAN_SECOND, "1:05" },
    { -200 * G_TIME_SPAN_SECOND, "−3:20" },
    { 3723 * G_TIME_SPAN_SECOND, "1:02:03" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = plenary_chair_format_span (cases[i].span);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add ("/chair-state/keynote-on-time", Fixture, NULL, fixture_set_up,
              test_keynote_on_time, fixture_tear_down);
  g_test_add ("/chair-state/warning-and-overrun", Fixture, NULL, fixture_set_up,
              test_warning_and_overrun, fixture_tear_down);
  g_test_add ("/chair-state/between-talks", Fixture, NULL, fixture_set_up,
              test_between_talks, fixture_tear_down);
  g_test_add ("/chair-state/after-break", Fixture, NULL, fixture_set_up, test_after_break,
              fixture_tear_down);
  g_test_add ("/chair-state/drift-and-undo", Fixture, NULL, fixture_set_up,
              test_drift_and_undo, fixture_tear_down);
  g_test_add ("/chair-state/markdown-minutes", Fixture, NULL, fixture_set_up,
              test_markdown_minutes, fixture_tear_down);
  g_test_add_func ("/chair-state/format-span", test_format_span);
  g_test_add_func ("/chair-state/dst-fall-back", test_dst_fall_back);

  return g_test_run ();
}
