/* test-now-state.c: Now & Next's logic at chosen instants of LPC 2021 and of crafted edge cases
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "ui/plenary-now-state.h"

#define MINUTES(m) ((GTimeSpan) (m) * G_TIME_SPAN_MINUTE)
#define KERNEL "Kernel Summit/Virtual-Room"
#define GNU "GNU Tools track/Virtual-Room"
#define REFEREED "Refereed Track/Virtual-Room"

static PlenarySchedule *lpc;
static GTimeZone *new_york;

static GDateTime *
at (int day,
    int hour,
    int minute)
{
  return g_date_time_new (new_york, 2021, 9, day, hour, minute, 0);
}

static PlenaryNowState *
state_at (PlenarySchedule *schedule,
          PlenaryUserData *user_data,
          GDateTime       *now)
{
  g_autoptr (GDateTime) instant = now;

  return plenary_now_state_new (schedule, user_data, instant);
}

static PlenaryUserData *
new_user_data (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("user-%u.json", serial++);
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), name, NULL);

  return plenary_user_data_new (path);
}

static void
assert_time (GDateTime *time,
             GDateTime *expected)
{
  g_autoptr (GDateTime) owned = expected;
  g_autofree char *a = g_date_time_format_iso8601 (time);
  g_autofree char *b = g_date_time_format_iso8601 (expected);

  g_assert_cmpstr (a, ==, b);
}

static PlenaryNowItem *
current (PlenaryNowRoom *room,
         guint           index)
{
  g_assert_cmpuint (room->current->len, >, index);
  return g_ptr_array_index (room->current, index);
}

/* Monday 09:12: every room of the first morning has something on and something next. */
static void
test_lpc_monday_morning (void)
{
  g_autoptr (PlenaryNowState) state = state_at (lpc, NULL, at (20, 9, 12));
  PlenaryNowRoom *kernel, *gnu;

  g_assert_cmpint (state->phase, ==, PLENARY_NOW_DURING);
  g_assert_null (state->resumes);
  /* Seven of the nine rooms hold Monday's blocks; the other two are folded, after them. */
  g_assert_cmpuint (state->rooms->len, ==, 9);
  g_assert_cmpuint (state->n_folded, ==, 2);

  kernel = plenary_now_state_find_room (state, KERNEL);
  g_assert_nonnull (kernel);
  g_assert_false (kernel->folded);
  g_assert_cmpuint (kernel->current->len, ==, 1);
  g_assert_cmpstr (plenary_entry_get_title (current (kernel, 0)->entry), ==,
                   "Consolidating representations of the physical memory");
  g_assert_cmpint (current (kernel, 0)->left, ==, MINUTES (33));
  assert_time (current (kernel, 0)->end, at (20, 9, 45));
  g_assert_cmpfloat (current (kernel, 0)->progress, >, 0.0);
  g_assert_cmpfloat (current (kernel, 0)->progress, <, 0.5);
  g_assert_false (current (kernel, 0)->recorded);
  g_assert_nonnull (kernel->next);
  g_assert_cmpstr (plenary_entry_get_title (kernel->next->entry), ==, "Rust for Linux");
  assert_time (kernel->next->start, at (20, 10, 0));
  g_assert_cmpint (kernel->next->left, ==, MINUTES (48));

  /* A break on now; the next is the talk after it. */
  gnu = plenary_now_state_find_room (state, GNU);
  g_assert_cmpint (plenary_entry_get_kind (current (gnu, 0)->entry), ==, PLENARY_ENTRY_KIND_BREAK);
  g_assert_cmpint (current (gnu, 0)->left, ==, MINUTES (3));
  g_assert_cmpint (plenary_entry_get_kind (gnu->next->entry), ==,
                   PLENARY_ENTRY_KIND_CONTRIBUTION);
  assert_time (gnu->next->start, at (20, 9, 15));
}

/* The next talk is the one after a break, not the break. */
static void
test_lpc_next_skips_break (void)
{
  g_autoptr (PlenaryNowState) state = state_at (lpc, NULL, at (20, 9, 30));
  PlenaryNowRoom *room = plenary_now_state_find_room (state, "Microconference1/Virtual-Room");

  g_assert_cmpuint (room->current->len, ==, 1);
  g_assert_cmpstr (plenary_entry_get_title (current (room, 0)->entry), ==,
                   "Remote charging in the CPU controller");
  g_assert_cmpint (plenary_entry_get_kind (room->next->entry), ==,
                   PLENARY_ENTRY_KIND_CONTRIBUTION);
  g_assert_cmpint (g_date_time_compare (room->next->start, current (room, 0)->end), >, 0);
}

/* Monday 11:30: only the keynote is on; the other rooms' day is over, folded after it. */
static void
test_lpc_rooms_fold (void)
{
  g_autoptr (PlenaryNowState) state = state_at (lpc, NULL, at (20, 11, 30));
  PlenaryNowRoom *refereed = plenary_now_state_find_room (state, REFEREED);
  PlenaryNowRoom *kernel = plenary_now_state_find_room (state, KERNEL);

  g_assert_cmpint (state->phase, ==, PLENARY_NOW_DURING);
  g_assert_false (refereed->folded);
  g_assert_cmpstr (plenary_entry_get_id (current (refereed, 0)->entry), ==, "c5064");
  g_assert_cmpint (current (refereed, 0)->left, ==, MINUTES (30));
  g_assert_cmpfloat_with_epsilon (current (refereed, 0)->progress, 0.5, 1e-9);
  g_assert_true (kernel->folded);
  g_assert_cmpuint (kernel->current->len, ==, 0);
  /* Folded, it still says what is next: its first talk on a later day (Thursday). */
  g_assert_nonnull (kernel->next);
  g_assert_cmpint (plenary_entry_get_day_index (kernel->next->entry), ==, 3);
  /* Unfolded rooms come first. */
  g_assert_cmpuint (state->n_folded, ==, state->rooms->len - 1);
  g_assert_true (g_ptr_array_index (state->rooms, 0) == refereed);
}

/* Monday night: every room folded, and when talks resume. */
static void
test_lpc_overnight (void)
{
  g_autoptr (PlenaryNowState) state = state_at (lpc, NULL, at (20, 22, 0));

  g_assert_cmpint (state->phase, ==, PLENARY_NOW_DURING);
  g_assert_cmpuint (state->n_folded, ==, state->rooms->len);
  g_assert_nonnull (state->resumes);
  g_assert_cmpint (g_date_time_compare (state->resumes, at (21, 0, 0)), >, 0);
  g_assert_cmpint (g_date_time_compare (state->resumes, at (21, 12, 0)), <, 0);

  /* Tuesday 05:00: the rooms' day has begun, their first talks are next. */
  {
    g_autoptr (PlenaryNowState) morning = state_at (lpc, NULL, at (21, 5, 0));

    g_assert_cmpuint (morning->n_folded, <, morning->rooms->len);
    g_assert_nonnull (morning->resumes);
  }
}

static void
test_lpc_before_and_after (void)
{
  g_autoptr (PlenaryNowState) before = state_at (lpc, NULL, at (19, 12, 0));
  g_autoptr (PlenaryNowState) after = state_at (lpc, NULL, at (24, 12, 30));
  g_autoptr (PlenaryNowState) last = state_at (lpc, NULL, at (24, 11, 59));

  g_assert_cmpint (before->phase, ==, PLENARY_NOW_BEFORE);
  /* The BPF & Networking Summit opens the event at 06:40. */
  assert_time (before->first_start, at (20, 6, 40));
  g_assert_cmpint (after->phase, ==, PLENARY_NOW_AFTER);
  assert_time (after->last_end, at (24, 12, 0));
  for (guint i = 0; i < after->rooms->len; i++)
    {
      PlenaryNowRoom *room = g_ptr_array_index (after->rooms, i);

      g_assert_true (room->folded);
      g_assert_null (room->next);
    }
  /* The closing keynote's last minute is still the event. */
  g_assert_cmpint (last->phase, ==, PLENARY_NOW_DURING);
  g_assert_cmpint (current (plenary_now_state_find_room (last, REFEREED), 0)->left, ==,
                   MINUTES (1));
}

static void
test_lpc_starred (void)
{
  g_autoptr (PlenaryUserData) user_data = new_user_data ();
  PlenaryEntry *rust;
  g_autoptr (PlenaryNowState) state = NULL;
  PlenaryNowRoom *kernel;

  {
    g_autoptr (PlenaryNowState) probe = state_at (lpc, NULL, at (20, 9, 12));

    rust = plenary_now_state_find_room (probe, KERNEL)->next->entry;
  }
  plenary_user_data_set_starred (user_data, plenary_entry_get_user_key (rust), TRUE);
  state = state_at (lpc, user_data, at (20, 9, 12));
  kernel = plenary_now_state_find_room (state, KERNEL);
  g_assert_true (kernel->next->starred);
  g_assert_false (current (kernel, 0)->starred);
}

/* The chair's records on this laptop override the plan: a late start moves the end and what
 * follows; an early end ends the talk; a talk started and not ended runs over. */
static void
test_lpc_actual_times (void)
{
  g_autoptr (PlenaryUserData) user_data = new_user_data ();
  PlenaryEntry *talk, *rust;
  const char *key;

  {
    g_autoptr (PlenaryNowState) probe = state_at (lpc, NULL, at (20, 9, 12));

    talk = current (plenary_now_state_find_room (probe, KERNEL), 0)->entry;
    rust = plenary_now_state_find_room (probe, KERNEL)->next->entry;
  }
  key = plenary_entry_get_user_key (talk);
  g_assert_cmpint (g_date_time_compare (plenary_entry_get_start (talk), at (20, 9, 0)), ==, 0);

  /* Started 25 minutes late, at 09:25: 45 minutes from then, so it ends at 10:10. */
  {
    g_autoptr (GDateTime) started = at (20, 9, 25);
    g_autoptr (PlenaryNowState) state = NULL;
    PlenaryNowRoom *kernel;

    plenary_user_data_set_actual_times (user_data, key, started, NULL);
    state = state_at (lpc, user_data, at (20, 9, 50));
    kernel = plenary_now_state_find_room (state, KERNEL);
    g_assert_true (current (kernel, 0)->entry == talk);
    g_assert_true (current (kernel, 0)->recorded);
    assert_time (current (kernel, 0)->start, at (20, 9, 25));
    assert_time (current (kernel, 0)->end, at (20, 10, 10));
    g_assert_cmpint (current (kernel, 0)->left, ==, MINUTES (20));
    g_assert_cmpint (kernel->delay, ==, MINUTES (25));
    /* Rust for Linux waits: it starts 25 minutes late too, not at 10:00. */
    g_assert_true (kernel->next->entry == rust);
    assert_time (kernel->next->start, at (20, 10, 25));
  }

  /* Not ended at 10:15: five minutes over, still on. */
  {
    g_autoptr (PlenaryNowState) state = state_at (lpc, user_data, at (20, 10, 15));
    PlenaryNowRoom *kernel = plenary_now_state_find_room (state, KERNEL);

    g_assert_true (current (kernel, 0)->entry == talk);
    g_assert_cmpint (current (kernel, 0)->left, ==, -MINUTES (5));
    g_assert_cmpfloat (current (kernel, 0)->progress, ==, 1.0);
  }

  /* Ended at 10:12, 27 minutes after its planned end: Rust for Linux starts at 10:27. */
  {
    g_autoptr (GDateTime) started = at (20, 9, 25);
    g_autoptr (GDateTime) ended = at (20, 10, 12);
    g_autoptr (PlenaryNowState) between = NULL;
    g_autoptr (PlenaryNowState) state = NULL;
    PlenaryNowRoom *kernel;

    plenary_user_data_set_actual_times (user_data, key, started, ended);
    between = state_at (lpc, user_data, at (20, 10, 13));
    kernel = plenary_now_state_find_room (between, KERNEL);
    g_assert_cmpuint (kernel->current->len, ==, 0);
    assert_time (kernel->next->start, at (20, 10, 27));
    state = state_at (lpc, user_data, at (20, 10, 30));
    kernel = plenary_now_state_find_room (state, KERNEL);
    g_assert_true (current (kernel, 0)->entry == rust);
    assert_time (current (kernel, 0)->start, at (20, 10, 27));
  }

  /* Ended early by the chair: over at once, though the plan runs to 09:45. */
  {
    g_autoptr (GDateTime) started = at (20, 9, 0);
    g_autoptr (GDateTime) ended = at (20, 9, 30);
    g_autoptr (PlenaryNowState) state = NULL;
    PlenaryNowRoom *kernel;

    plenary_user_data_set_actual_times (user_data, key, started, ended);
    state = state_at (lpc, user_data, at (20, 9, 35));
    kernel = plenary_now_state_find_room (state, KERNEL);
    g_assert_cmpuint (kernel->current->len, ==, 0);
    /* Talks never start before their time: Rust for Linux stays at 10:00. */
    assert_time (kernel->next->start, at (20, 10, 0));
  }

  /* Records after "now" (a clock set back) are not taken for facts: at 09:10 the end recorded
   * at 09:30 has not happened. */
  {
    g_autoptr (PlenaryNowState) state = state_at (lpc, user_data, at (20, 9, 10));
    PlenaryNowRoom *kernel = plenary_now_state_find_room (state, KERNEL);

    g_assert_true (current (kernel, 0)->entry == talk);
    g_assert_true (current (kernel, 0)->recorded);
    assert_time (current (kernel, 0)->end, at (20, 9, 45));
  }
}

/* Crafted programmes */

#define DATE(d, t) "{\"date\":\"" d "\",\"time\":\"" t "\",\"tz\":\"Europe/Vienna\"}"

static PlenarySchedule *
parse_timetable (const char *days_json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autofree char *json = g_strdup_printf (
    "{\"count\":1,\"additionalInfo\":{},\"ts\":1,\"_type\":\"HTTPAPIResult\","
    "\"url\":\"https://example.org/export/timetable/7.json\",\"results\":{\"7\":{%s}}}",
    days_json);
  PlenarySchedule *schedule;

  sources->timetable = g_bytes_new (json, strlen (json));
  sources->event_id = g_strdup ("7");
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

static char *
talk_json (int         id,
           const char *start_day,
           const char *start,
           const char *end_day,
           const char *end,
           const char *room,
           const char *title)
{
  return g_strdup_printf (
    "\"c%d\":{\"id\":\"c%d\",\"entryType\":\"Contribution\",\"conferenceId\":7,"
    "\"contributionId\":%d,\"title\":\"%s\",\"description\":\"\","
    "\"startDate\":{\"date\":\"%s\",\"time\":\"%s\",\"tz\":\"Europe/Vienna\"},"
    "\"endDate\":{\"date\":\"%s\",\"time\":\"%s\",\"tz\":\"Europe/Vienna\"},"
    "\"location\":\"Venue\",\"room\":\"%s\",\"presenters\":[]}",
    id, id, id, title, start_day, start, end_day, end, room);
}

static GDateTime *
vienna (int day,
        int hour,
        int minute)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Vienna");

  return g_date_time_new (zone, 2024, 9, day, hour, minute, 0);
}

/* A block from 22:00 to 02:00: its talks after midnight are still that night's, not a new day
 * with the room folded in between. */
static void
test_midnight_block (void)
{
  g_autofree char *late = talk_json (1, "2024-09-18", "23:00:00", "2024-09-18", "23:50:00",
                                     "Night Hall", "Before midnight");
  g_autofree char *later = talk_json (2, "2024-09-19", "00:10:00", "2024-09-19", "01:00:00",
                                      "Night Hall", "After midnight");
  g_autofree char *block = g_strdup_printf (
    "\"s500\":{\"id\":\"s500\",\"entryType\":\"Session\",\"conferenceId\":7,\"sessionId\":1,"
    "\"sessionSlotId\":2,\"title\":\"Night hack\",\"slotTitle\":\"\",\"description\":\"\","
    "\"startDate\":" DATE ("2024-09-18", "22:00:00")
    ",\"endDate\":" DATE ("2024-09-19", "02:00:00")
    ",\"location\":\"Venue\",\"room\":\"Night Hall\",\"conveners\":[],\"isPoster\":false,"
    "\"entries\":{%s,%s}}", late, later);
  g_autofree char *days = g_strdup_printf ("\"20240918\":{%s},\"20240919\":{%s}", block, block);
  g_autoptr (PlenarySchedule) schedule = parse_timetable (days);

  /* 23:55, between the two: not folded, the next one is at 00:10. */
  {
    g_autoptr (PlenaryNowState) state = state_at (schedule, NULL, vienna (18, 23, 55));
    PlenaryNowRoom *room = plenary_now_state_find_room (state, "Night Hall");

    g_assert_cmpint (state->phase, ==, PLENARY_NOW_DURING);
    g_assert_cmpuint (room->current->len, ==, 0);
    g_assert_false (room->folded);
    g_assert_cmpstr (plenary_entry_get_title (room->next->entry), ==, "After midnight");
    g_assert_cmpint (room->next->left, ==, MINUTES (15));
    assert_time (state->resumes, vienna (19, 0, 10));
  }
  /* 00:05, a new calendar day: still the same night. */
  {
    g_autoptr (PlenaryNowState) state = state_at (schedule, NULL, vienna (19, 0, 5));
    PlenaryNowRoom *room = plenary_now_state_find_room (state, "Night Hall");

    g_assert_false (room->folded);
    g_assert_cmpstr (plenary_entry_get_title (room->next->entry), ==, "After midnight");
  }
  /* 00:30: on, 20 of 50 minutes gone. */
  {
    g_autoptr (PlenaryNowState) state = state_at (schedule, NULL, vienna (19, 0, 30));
    PlenaryNowRoom *room = plenary_now_state_find_room (state, "Night Hall");

    g_assert_cmpstr (plenary_entry_get_title (current (room, 0)->entry), ==, "After midnight");
    g_assert_cmpint (current (room, 0)->left, ==, MINUTES (30));
    g_assert_cmpfloat_with_epsilon (current (room, 0)->progress, 0.4, 1e-9);
    g_assert_null (room->next);
  }
  /* 01:30: over. */
  {
    g_autoptr (PlenaryNowState) state = state_at (schedule, NULL, vienna (19, 1, 30));

    g_assert_cmpint (state->phase, ==, PLENARY_NOW_AFTER);
  }
}

/* A block without talks (a session still to be filled) is what is on in its room. */
static void
test_empty_block (void)
{
  g_autofree char *days = g_strdup_printf (
    "\"20240918\":{\"s600\":{\"id\":\"s600\",\"entryType\":\"Session\",\"conferenceId\":7,"
    "\"sessionId\":3,\"sessionSlotId\":4,\"title\":\"Hallway track\",\"slotTitle\":\"\","
    "\"description\":\"\",\"startDate\":" DATE ("2024-09-18", "14:00:00")
    ",\"endDate\":" DATE ("2024-09-18", "16:00:00")
    ",\"location\":\"Venue\",\"room\":\"Foyer\",\"conveners\":[],\"isPoster\":false,"
    "\"entries\":{}}}");
  g_autoptr (PlenarySchedule) schedule = parse_timetable (days);
  g_autoptr (PlenaryNowState) state = state_at (schedule, NULL, vienna (18, 15, 0));
  PlenaryNowRoom *foyer = plenary_now_state_find_room (state, "Foyer");

  g_assert_cmpint (state->phase, ==, PLENARY_NOW_DURING);
  g_assert_cmpstr (plenary_entry_get_title (current (foyer, 0)->entry), ==, "Hallway track");
  g_assert_cmpint (current (foyer, 0)->left, ==, MINUTES (60));
}

/* Two talks at once in one room (a data error, or parallel posters): both are on. */
static void
test_overlapping_talks (void)
{
  g_autofree char *a = talk_json (11, "2024-09-18", "10:00:00", "2024-09-18", "11:00:00",
                                  "Hall B", "Long one");
  g_autofree char *b = talk_json (12, "2024-09-18", "10:30:00", "2024-09-18", "11:00:00",
                                  "Hall B", "Overlapping one");
  g_autofree char *c = talk_json (13, "2024-09-18", "11:00:00", "2024-09-18", "11:30:00",
                                  "Hall B", "After both");
  g_autofree char *d = talk_json (14, "2024-09-19", "09:00:00", "2024-09-19", "09:30:00",
                                  "Hall C", "Tomorrow elsewhere");
  g_autofree char *days = g_strdup_printf ("\"20240918\":{%s,%s,%s},\"20240919\":{%s}",
                                           a, b, c, d);
  g_autoptr (PlenarySchedule) schedule = parse_timetable (days);
  g_autoptr (PlenaryNowState) state = state_at (schedule, NULL, vienna (18, 10, 45));
  PlenaryNowRoom *hall = plenary_now_state_find_room (state, "Hall B");
  PlenaryNowRoom *other = plenary_now_state_find_room (state, "Hall C");

  g_assert_cmpuint (hall->current->len, ==, 2);
  g_assert_cmpstr (plenary_entry_get_title (current (hall, 0)->entry), ==, "Long one");
  g_assert_cmpstr (plenary_entry_get_title (current (hall, 1)->entry), ==, "Overlapping one");
  g_assert_cmpint (current (hall, 0)->left, ==, MINUTES (15));
  g_assert_cmpfloat_with_epsilon (current (hall, 0)->progress, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (current (hall, 1)->progress, 0.5, 1e-9);
  g_assert_cmpstr (plenary_entry_get_title (hall->next->entry), ==, "After both");
  /* Hall C's only talk is tomorrow: folded, after Hall B. */
  g_assert_true (other->folded);
  g_assert_true (g_ptr_array_index (state->rooms, state->rooms->len - 1) == other);

  /* Before anything: the event starts at 10:00. */
  {
    g_autoptr (PlenaryNowState) before = state_at (schedule, NULL, vienna (17, 10, 0));

    g_assert_cmpint (before->phase, ==, PLENARY_NOW_BEFORE);
    assert_time (before->first_start, vienna (18, 10, 0));
  }
}

static void
test_empty_programme (void)
{
  g_autoptr (PlenarySchedule) schedule = parse_timetable ("\"20240918\":{}");
  g_autoptr (PlenaryNowState) state = state_at (schedule, NULL, vienna (18, 10, 0));

  g_assert_cmpint (state->phase, ==, PLENARY_NOW_EMPTY);
  g_assert_cmpuint (state->rooms->len, ==, 0);
  g_assert_null (state->first_start);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  plenary_test_init (&argc, &argv);
  lpc = plenary_test_load_lpc2021 ();
  new_york = g_time_zone_new_identifier ("America/New_York");

  g_test_add_func ("/now-state/lpc-monday-morning", test_lpc_monday_morning);
  g_test_add_func ("/now-state/lpc-next-skips-break", test_lpc_next_skips_break);
  g_test_add_func ("/now-state/lpc-rooms-fold", test_lpc_rooms_fold);
  g_test_add_func ("/now-state/lpc-overnight", test_lpc_overnight);
  g_test_add_func ("/now-state/lpc-before-and-after", test_lpc_before_and_after);
  g_test_add_func ("/now-state/lpc-starred", test_lpc_starred);
  g_test_add_func ("/now-state/lpc-actual-times", test_lpc_actual_times);
  g_test_add_func ("/now-state/midnight-block", test_midnight_block);
  g_test_add_func ("/now-state/overlapping-talks", test_overlapping_talks);
  g_test_add_func ("/now-state/empty-block", test_empty_block);
  g_test_add_func ("/now-state/empty-programme", test_empty_programme);

  status = g_test_run ();
  g_clear_object (&lpc);
  g_time_zone_unref (new_york);
  return status;
}
