/* test-indico-parser.c: the LPC 2021 fixture, the JACoW sample, bad inputs and quirks
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "store/plenary-folder-loader.h"
#include "plenary-test-util.h"
#include "model/plenary-time.h"
#include "ui/plenary-format.h"

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
  PlenarySchedule *schedule = plenary_indico_parse (sources, NULL, &error);

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

static GBytes *
crafted (const char *name)
{
  g_autofree char *relative = g_build_filename ("crafted", name, NULL);
  g_autofree char *path = plenary_test_data_path (relative);

  return plenary_test_load_bytes (path);
}

static PlenarySchedule *
parse_bytes (GBytes     *timetable,
             GBytes     *event,
             GBytes     *program,
             const char *server_base,
             GError    **error)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();

  sources->timetable = timetable;
  sources->event = event;
  sources->program = program;
  sources->server_base = g_strdup (server_base);

  return plenary_indico_parse (sources, NULL, error);
}

static void
assert_parse_error (GBytes *timetable,
                    GBytes *event,
                    int     code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = parse_bytes (timetable, event, NULL, NULL, &error);

  g_assert_null (schedule);
  g_assert_error (error, PLENARY_INDICO_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 20);
}

static void
test_error_truncated (void)
{
  g_autofree char *path = plenary_test_data_path ("lpc2021/export-timetable-11.json");
  g_autofree char *copy = g_build_filename (plenary_test_get_tmpdir (), "truncated.json", NULL);
  g_autoptr (GBytes) whole = plenary_test_load_bytes (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;
  gsize size;
  const char *data = g_bytes_get_data (whole, &size);

  /* What an interrupted download leaves on disk. */
  g_file_set_contents (copy, data, size / 2, &error);
  g_assert_no_error (error);
  schedule = parse_bytes (plenary_test_load_bytes (copy), NULL, NULL, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "invalid JSON at line 1)"));

  g_clear_error (&error);
  schedule = parse_bytes (g_bytes_new_static ("{\n\"results\":\n{,}", 16), NULL, NULL, NULL,
                          &error);
  g_assert_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_error_html (void)
{
  assert_parse_error (crafted ("login-page.html"), NULL, PLENARY_INDICO_ERROR_HTML);
  assert_parse_error (g_bytes_new_static ("\n  <html>", 9), NULL, PLENARY_INDICO_ERROR_HTML);
}

static void
test_error_no_access (void)
{
  g_autofree char *path = plenary_test_shared_path (
    "indico-samples/cern-export-event-434972-no-access.json");

  /* All days empty, and the event export sees no event. */
  assert_parse_error (crafted ("empty-days-timetable.json"), plenary_test_load_bytes (path),
                      PLENARY_INDICO_ERROR_NO_ACCESS);
  /* The event export alone. */
  assert_parse_error (NULL, plenary_test_load_bytes (path), PLENARY_INDICO_ERROR_NO_ACCESS);
}

static void
test_error_shapes (void)
{
  assert_parse_error (crafted ("empty-object.json"), NULL, PLENARY_INDICO_ERROR_NOT_TIMETABLE);
  assert_parse_error (g_bytes_new_static ("[1, 2]", 6), NULL,
                      PLENARY_INDICO_ERROR_NOT_TIMETABLE);
  assert_parse_error (g_bytes_new_static ("{\"results\":{\"1\":{\"x\":{}}}}", 26), NULL,
                      PLENARY_INDICO_ERROR_NOT_TIMETABLE);
  assert_parse_error (g_bytes_new_static ("", 0), NULL, PLENARY_INDICO_ERROR_EMPTY);
  assert_parse_error (g_bytes_new_static ("\xef\xbb\xbf \n", 5), NULL,
                      PLENARY_INDICO_ERROR_EMPTY);
  assert_parse_error (NULL, NULL, PLENARY_INDICO_ERROR_EMPTY);
  assert_parse_error (crafted ("not-found-timetable.json"), NULL,
                      PLENARY_INDICO_ERROR_NOT_FOUND);
  assert_parse_error (crafted ("not-published-timetable.json"), NULL,
                      PLENARY_INDICO_ERROR_NOT_PUBLISHED);
  assert_parse_error (g_bytes_new_static ("{\"results\":{\"1\":{\"x\":", 21), NULL,
                      PLENARY_INDICO_ERROR_MALFORMED);
  assert_parse_error (g_bytes_new_static ("{\"a\":\"\xff\"}", 9), NULL,
                      PLENARY_INDICO_ERROR_MALFORMED);
}

static void
test_empty_days_without_event (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;

  /* With a BOM; without the event export nothing tells "no access" from "nothing yet". */
  schedule = parse_bytes (crafted ("empty-days-timetable.json"), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_days (schedule)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_entries (schedule)), ==, 0);
  g_assert_cmpstr (plenary_schedule_get_title (schedule), ==, "Event 7");
}

static void
test_odd_values (void)
{
  static const char json[] =
    "{\"results\":{\"5\":{\"20240301\":{"
    "\"c1\":{\"entryType\":\"Contribution\",\"title\":42,\"contributionId\":\"x\","
    "\"startDate\":{\"date\":\"2024-03-01\",\"time\":\"10:00:00\",\"tz\":\"Mars/Olympus\"},"
    "\"duration\":\"15\",\"presenters\":[null,1,{\"name\":[]}],\"room\":{}},"
    "\"c2\":{\"startDate\":{\"date\":\"2024-02-30\",\"time\":\"10:00:00\"}},"
    "\"x3\":{\"startDate\":{\"date\":\"2024-03-01\",\"time\":\"10:00:00\"}},"
    "\"c4\":{\"entryType\":\"Contribution\",\"duration\":1e300,"
    "\"startDate\":{\"date\":\"2024-03-01\",\"time\":\"11:00:00.5\",\"tz\":\"UTC\"}}"
    "}}}}";
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;
  PlenaryEntry *entry;

  /* Wrong types count as missing; an unknown zone is the event's; bad dates are skipped. */
  schedule = parse_bytes (g_bytes_new_static (json, sizeof json - 1), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 2);
  g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==, "UTC");
  entry = plenary_schedule_lookup_entry (schedule, "c1");
  g_assert_cmpstr (plenary_entry_get_title (entry), ==, "");
  g_assert_cmpint (plenary_entry_get_contribution_id (entry), ==, 0);
  g_assert_cmpint (plenary_entry_get_duration (entry), ==, 15);
  g_assert_cmpstr (plenary_entry_get_user_key (entry), ==, "c1");
  g_assert_cmpuint (plenary_entry_get_speakers (entry)->len, ==, 0);
  entry = plenary_schedule_lookup_entry (schedule, "c4");
  g_assert_nonnull (entry);
  g_assert_cmpint (plenary_entry_get_duration (entry), >, 0);
}

static void
test_several_events (void)
{
  static const char json[] =
    "{\"results\":{"
    "\"1\":{\"20240301\":{},\"20240302\":{}},"
    "\"2\":{\"20240401\":{\"b1\":{\"title\":\"Lunch\",\"id\":\"b1\","
    "\"startDate\":{\"date\":\"2024-04-01\",\"time\":\"12:00:00\",\"tz\":\"UTC\"},"
    "\"endDate\":{\"date\":\"2024-04-01\",\"time\":\"13:00:00\",\"tz\":\"UTC\"}}}}}}";
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (PlenarySchedule) first = NULL;
  g_autoptr (GError) error = NULL;

  sources->timetable = g_bytes_new_static (json, sizeof json - 1);
  sources->event_id = g_strdup ("2");
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_schedule_get_event_id (schedule), ==, "2");
  g_assert_cmpuint (plenary_schedule_get_n_breaks (schedule), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_days (schedule)), ==, 1);

  /* Without an id: the first. */
  g_clear_pointer (&sources->event_id, g_free);
  first = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_schedule_get_event_id (first), ==, "1");
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_days (first)), ==, 2);
}

static PlenarySchedule *
parse_quirks (gboolean with_event)
{
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  /* No server base given: derived from the envelope's url, keeping the /indico/ prefix. */
  schedule = parse_bytes (crafted ("quirks-timetable.json"),
                          with_event ? crafted ("quirks-event.json") : NULL,
                          with_event ? crafted ("program.json") : NULL, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

static void
test_quirks (void)
{
  g_autoptr (PlenarySchedule) schedule = parse_quirks (FALSE);
  PlenaryEntry *talk, *block, *child, *pause;
  GPtrArray *attachments;
  PlenaryAttachment *attachment;
  PlenaryRoom *no_room;
  g_autoptr (PlenaryDay) empty_day = NULL;

  g_assert_cmpstr (plenary_schedule_get_server_base (schedule), ==,
                   "https://example.org/indico/");
  g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==, "Europe/Vienna");

  /* Every day key, empty ones included, sorted. */
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_days (schedule)), ==, 4);
  empty_day = g_list_model_get_item (plenary_schedule_get_days (schedule), 3);
  g_assert_cmpuint (plenary_day_get_n_items (empty_day), ==, 0);

  /* Top-level contribution without colour keys, string ids, int duration. */
  talk = plenary_schedule_lookup_contribution (schedule, 42);
  g_assert_nonnull (talk);
  g_assert_null (plenary_entry_get_color (talk));
  g_assert_null (plenary_entry_get_text_color (talk));
  g_assert_null (plenary_entry_get_block (talk));
  g_assert_cmpint (plenary_entry_get_duration (talk), ==, 60);
  g_assert_cmpstr (plenary_entry_get_title (talk), ==, "<b>Not bold</b> & <i>kept");
  g_assert_cmpstr (plenary_entry_get_full_title (talk), ==, "<b>Not bold</b> & <i>kept");

  /* Relative URLs made absolute, the server's path prefix kept once. */
  g_assert_cmpstr (plenary_entry_get_url (talk), ==,
                   "https://example.org/indico/event/7/contributions/42/");
  attachments = plenary_entry_get_attachments (talk);
  g_assert_cmpuint (attachments->len, ==, 2);
  attachment = attachments->pdata[0];
  g_assert_cmpstr (attachment->url, ==,
                   "https://example.org/indico/event/7/contributions/42/"
                   "attachments/1/2/slides.pdf");
  g_assert_null (attachment->folder);
  attachment = attachments->pdata[1];
  g_assert_cmpstr (attachment->folder, ==, "Videos");
  g_assert_cmpstr (attachment->title, ==, "Recording");

  /* A top-level talk with no room gets the "No room" room. */
  no_room = plenary_entry_get_room (talk);
  g_assert_cmpstr (plenary_room_get_name (no_room), ==, "");
  g_assert_true (plenary_schedule_lookup_room (schedule, "") == no_room);

  /* The block crossing midnight: listed under two days, counted once. */
  g_assert_cmpuint (plenary_schedule_get_n_blocks (schedule), ==, 1);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 2);
  g_assert_cmpuint (plenary_schedule_get_n_breaks (schedule), ==, 1);
  block = plenary_schedule_lookup_entry (schedule, "s10");
  g_assert_nonnull (block);
  g_assert_cmpstr (plenary_entry_get_full_title (block), ==, "Night Session: Late");
  g_assert_cmpint (plenary_entry_get_day_index (block), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_day_items (schedule, 1)), ==,
                    1);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_day_items (schedule, 2)), ==,
                    1);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_block_entries (schedule,
                                                                                 block)), ==, 1);
  g_assert_cmpint (plenary_entry_get_session_id (block), ==, 55);

  /* Its child: empty room → the block's room; day of its own start. */
  child = plenary_schedule_lookup_entry (schedule, "c11");
  g_assert_true (plenary_entry_get_block (child) == block);
  g_assert_cmpstr (plenary_room_get_name (plenary_entry_get_room (child)), ==, "Night Room");
  g_assert_cmpstr (plenary_entry_get_venue (child), ==, "Hall");
  g_assert_cmpstr (plenary_entry_get_color (child), ==, "#112233");
  g_assert_cmpint (plenary_entry_get_day_index (child), ==, 2);
  g_assert_cmpstr (plenary_entry_get_url (child), ==,
                   "https://example.org/indico/event/7/contributions/43/");
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_day_entries (schedule, 2)), ==,
                    1);

  pause = plenary_schedule_lookup_entry (schedule, "b2");
  g_assert_cmpint (plenary_entry_get_kind (pause), ==, PLENARY_ENTRY_KIND_BREAK);
  g_assert_cmpint (plenary_entry_get_contribution_id (pause), ==, 0);
  g_assert_cmpstr (plenary_entry_get_user_key (pause), ==, "b2");

  /* Grace speaks twice (same emailHash); Émile without hash; Ada convenes. */
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_people (schedule)), ==, 3);
  g_assert_nonnull (plenary_schedule_lookup_person (schedule, "e:abc"));
  g_assert_nonnull (plenary_schedule_lookup_person (schedule, "n:émile zola|paris"));
  g_assert_cmpstr (plenary_person_get_sort_key (
    plenary_schedule_lookup_person (schedule, "n:émile zola|paris")), ==, "zola emile");
}

static void
test_quirks_with_event (void)
{
  g_autoptr (PlenarySchedule) schedule = parse_quirks (TRUE);
  GListModel *tracks = plenary_schedule_get_tracks (schedule);
  GListModel *unscheduled = plenary_schedule_get_unscheduled (schedule);
  g_autoptr (PlenaryTrack) first = NULL;
  g_autoptr (PlenaryTrack) last = NULL;
  g_autoptr (PlenaryEntry) someday = NULL;
  g_autoptr (GListModel) talks = NULL;
  g_autoptr (GListModel) omega = NULL;
  PlenaryEntry *talk;
  PlenaryPerson *grace;

  g_assert_cmpstr (plenary_schedule_get_title (schedule), ==, "Quirks <Event>");

  /* program.json order by position, then tracks only contributions know. */
  g_assert_cmpuint (g_list_model_get_n_items (tracks), ==, 3);
  first = g_list_model_get_item (tracks, 0);
  g_assert_cmpstr (plenary_track_get_title (first), ==, "Zeta");
  g_assert_cmpstr (plenary_track_get_description (first), ==, "Last *letter*");
  g_assert_cmpint (plenary_track_get_id (first), ==, 5);
  last = g_list_model_get_item (tracks, 2);
  g_assert_cmpstr (plenary_track_get_title (last), ==, "Omega");
  g_assert_cmpint (plenary_track_get_id (last), ==, 0);

  talk = plenary_schedule_lookup_contribution (schedule, 42);
  g_assert_true (plenary_entry_get_track (talk)
                 == plenary_schedule_lookup_track (schedule, "Alpha"));
  g_assert_cmpstr (plenary_entry_get_type_name (talk), ==, "Talk");
  /* Authors who do not speak. */
  g_assert_cmpuint (plenary_entry_get_authors (talk)->len, ==, 1);

  /* Joined to person_id by emailHash, in both of Grace's talks. */
  grace = plenary_schedule_lookup_person (schedule, "p:900");
  g_assert_nonnull (grace);
  g_assert_null (plenary_schedule_lookup_person (schedule, "e:abc"));
  /* No emailHash: joined by name, accents aside. */
  g_assert_nonnull (plenary_schedule_lookup_person (schedule, "p:902"));
  g_assert_null (plenary_schedule_lookup_person (schedule, "n:émile zola|paris"));
  g_assert_cmpstr (plenary_person_get_name (plenary_schedule_lookup_person (schedule, "p:902")),
                   ==, "Émile Zola");
  talks = plenary_schedule_get_person_entries (schedule, grace);
  g_assert_cmpuint (g_list_model_get_n_items (talks), ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (unscheduled), ==, 1);
  someday = g_list_model_get_item (unscheduled, 0);
  g_assert_cmpstr (plenary_entry_get_id (someday), ==, "u99");
  g_assert_null (plenary_entry_get_start (someday));
  g_assert_cmpint (plenary_entry_get_day_index (someday), ==, -1);
  g_assert_true (plenary_schedule_lookup_contribution (schedule, 99) == someday);
  omega = plenary_schedule_get_track_entries (schedule,
                                              plenary_schedule_lookup_track (schedule, "Omega"));
  g_assert_cmpuint (g_list_model_get_n_items (omega), ==, 1);
}

static void
test_jacow_sessions (void)
{
  g_autofree char *path = plenary_test_shared_path (
    "indico-samples/jacow-fel2022-export-event-44-detail-sessions.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;
  guint posters = 0;
  GListModel *blocks;

  /* No timetable: the event export with detail=sessions is the whole programme. */
  schedule = parse_bytes (NULL, plenary_test_load_bytes (path), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plenary_schedule_get_n_blocks (schedule), ==, 21);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 256);
  g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==, "Europe/Zurich");
  g_assert_cmpstr (plenary_schedule_get_server_base (schedule), ==, "https://indico.jacow.org/");
  g_assert_cmpstr (plenary_schedule_get_event_id (schedule), ==, "44");

  blocks = plenary_schedule_get_blocks (schedule);
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr (PlenaryEntry) block = g_list_model_get_item (blocks, i);

      posters += plenary_entry_get_is_poster (block);
      g_assert_nonnull (plenary_entry_get_color (block));
      g_assert_cmpint (plenary_entry_get_day_index (block), >=, 0);
    }
  g_assert_cmpuint (posters, ==, 5);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlenarySchedule **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = plenary_indico_parse_finish (result, NULL, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr (PlenaryIndicoSources) sources = lpc_sources (TRUE);
  g_autoptr (PlenarySchedule) schedule = NULL;

  plenary_indico_parse_async (sources, NULL, parsed_cb, &schedule);
  /* The sources are copied: the caller may free them at once. */
  g_clear_pointer (&sources, plenary_indico_sources_free);
  while (schedule == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 226);
}

static void
test_load_directory (void)
{
  g_autofree char *dir = plenary_test_data_path ("lpc2021");
  g_autofree char *stored = g_build_filename (plenary_test_get_tmpdir (), "stored", NULL);
  g_autofree char *timetable = g_build_filename (stored, "timetable.json", NULL);
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (GError) error = NULL;

  sources = plenary_folder_loader_load (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sources->timetable);
  g_assert_nonnull (sources->event);
  g_assert_null (sources->program);
  g_assert_cmpstr (sources->event_id, ==, "11");
  g_clear_pointer (&sources, plenary_indico_sources_free);

  /* Plenary's own names. */
  g_mkdir_with_parents (stored, 0700);
  g_file_set_contents (timetable, "{}", -1, &error);
  g_assert_no_error (error);
  sources = plenary_folder_loader_load (stored, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sources->timetable);
  g_assert_null (sources->event_id);
  g_clear_pointer (&sources, plenary_indico_sources_free);

  sources = plenary_folder_loader_load (plenary_test_get_tmpdir (), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (sources);
}

static PlenarySchedule *
parse_text (const char *json)
{
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule = parse_bytes (g_bytes_new (json, strlen (json)), NULL, NULL, NULL,
                                           &error);

  g_assert_no_error (error);
  return schedule;
}

static void
assert_start (PlenarySchedule *schedule,
              const char      *id,
              GDateTime       *expected)
{
  PlenaryEntry *entry = plenary_schedule_lookup_entry (schedule, id);

  g_assert_nonnull (entry);
  g_assert_true (g_date_time_equal (plenary_entry_get_start (entry), expected));
  g_assert_cmpint (g_date_time_get_utc_offset (plenary_entry_get_start (entry)), ==,
                   g_date_time_get_utc_offset (expected));
}

/* Times in the event's zone (the same one many times), in another zone, without seconds,
 * with a fraction, in a DST gap and in a DST overlap. */
static void
test_dates (void)
{
  static const char json[] =
    "{\"results\":{\"5\":{\"20240601\":{"
    "\"c1\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"10:00:00\",\"tz\":\"Europe/Berlin\"}},"
    "\"c2\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"10:00:00\",\"tz\":\"Europe/Berlin\"}},"
    "\"c3\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"10:00:00\",\"tz\":\"UTC\"}},"
    "\"c4\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"11:05\"}},"
    "\"c5\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"11:05:59.9\"}},"
    "\"c6\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-03-31\",\"time\":\"02:30:00\"}},"
    "\"c7\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-10-27\",\"time\":\"02:30:00\"}},"
    "\"c8\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-6-1\",\"time\":\"9:5:0\"}},"
    "\"c9\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-06-31\",\"time\":\"10:00:00\"}},"
    "\"c10\":{\"entryType\":\"Contribution\",\"duration\":10,"
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"24:00:00\"}}"
    "}}}}";
  g_autoptr (PlenarySchedule) schedule = parse_text (json);
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) ten = g_date_time_new (berlin, 2024, 6, 1, 10, 0, 0);
  g_autoptr (GDateTime) noon = g_date_time_new (berlin, 2024, 6, 1, 12, 0, 0);
  g_autoptr (GDateTime) five_past = g_date_time_new (berlin, 2024, 6, 1, 11, 5, 0);
  g_autoptr (GDateTime) fraction = g_date_time_new (berlin, 2024, 6, 1, 11, 5, 59);
  g_autoptr (GDateTime) gap = g_date_time_new (berlin, 2024, 3, 31, 2, 30, 0);
  g_autoptr (GDateTime) overlap = g_date_time_new (berlin, 2024, 10, 27, 2, 30, 0);
  g_autoptr (GDateTime) loose = g_date_time_new (berlin, 2024, 6, 1, 9, 5, 0);

  g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==, "Europe/Berlin");
  assert_start (schedule, "c1", ten);
  assert_start (schedule, "c2", ten);
  assert_start (schedule, "c3", noon);
  assert_start (schedule, "c4", five_past);
  assert_start (schedule, "c5", fraction);
  assert_start (schedule, "c6", gap);
  assert_start (schedule, "c7", overlap);
  assert_start (schedule, "c8", loose);
  g_assert_null (plenary_schedule_lookup_entry (schedule, "c9"));
  g_assert_null (plenary_schedule_lookup_entry (schedule, "c10"));
}

/* What the JSON reader decides, as the parser sees it. */
static void
test_json_edges (void)
{
  static const char repeated[] =
    "{\"results\":{\"5\":{\"20240601\":{"
    "\"c1\":{\"entryType\":\"Contribution\",\"title\":\"first\","
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"10:00:00\",\"tz\":\"UTC\"}},"
    "\"c2\":{\"entryType\":\"Contribution\",\"title\":\"Broken \\ud83d emoji\","
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"11:00:00\",\"tz\":\"UTC\"}},"
    "\"c1\":{\"entryType\":\"Contribution\",\"title\":\"second\",\"title\":\"third\","
    "\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"12:00:00\",\"tz\":\"UTC\"}}"
    "}}}}";
  g_autoptr (PlenarySchedule) schedule = parse_text (repeated);
  g_autoptr (GString) deep = g_string_new ("{\"results\":\n");
  g_autoptr (GError) error = NULL;
  PlenaryEntry *entry;

  /* A repeated name: its last value, once (as json-glib did). */
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 2);
  entry = plenary_schedule_lookup_entry (schedule, "c1");
  g_assert_cmpstr (plenary_entry_get_title (entry), ==, "third");
  assert_time (plenary_entry_get_start (entry), "2024-06-01 12:00");
  /* A lone surrogate is U+FFFD, not an error. */
  g_assert_cmpstr (plenary_entry_get_title (plenary_schedule_lookup_entry (schedule, "c2")), ==,
                   "Broken \xef\xbf\xbd emoji");

  /* Nesting no Indico export has is damage, with its line. */
  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "[");
  g_clear_object (&schedule);
  schedule = parse_bytes (g_bytes_new (deep->str, deep->len), NULL, NULL, NULL, &error);
  g_assert_null (schedule);
  g_assert_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "line 2)"));
}

static PlenaryEntry *
find_titled (PlenarySchedule *schedule,
             const char      *title)
{
  GListModel *entries = plenary_schedule_get_entries (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (plenary_entry_get_title (entry), title))
        return entry;   /* the schedule keeps it */
    }
  g_assert_not_reached ();
  return NULL;
}

/* 02:30 on 25 October 2026 in Berlin happens twice. Ending at 03:30 (which happens once)
 * after 120 minutes, the talk starts at the first: 02:30 CEST, 00:30 UTC. */
static void
test_dst_fall_back (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_dst_night ();
  PlenaryEntry *talk = find_titled (schedule, "Fall-back talk");
  PlenaryEntry *evening = find_titled (schedule, "Evening talk");
  GTimeZone *zone = plenary_schedule_get_timezone (schedule);
  g_autoptr (GDateTime) start_utc = g_date_time_to_utc (plenary_entry_get_start (talk));
  g_autoptr (GDateTime) end_utc = g_date_time_to_utc (plenary_entry_get_end (talk));
  g_autofree char *start_text = g_date_time_format_iso8601 (start_utc);
  g_autofree char *end_text = g_date_time_format_iso8601 (end_utc);
  g_autofree char *shown = plenary_format_time (plenary_entry_get_start (talk), zone);
  g_autofree char *shown_end = plenary_format_time (plenary_entry_get_end (talk), zone);
  g_autofree char *shown_evening = plenary_format_time (plenary_entry_get_start (evening), zone);

  g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==, "Europe/Berlin");
  g_assert_cmpstr (start_text, ==, "2026-10-25T00:30:00Z");
  g_assert_cmpstr (end_text, ==, "2026-10-25T02:30:00Z");
  g_assert_cmpint (plenary_entry_get_duration (talk), ==, 120);
  g_assert_true (plenary_time_is_ambiguous (plenary_entry_get_start (talk)));
  g_assert_false (plenary_time_is_ambiguous (plenary_entry_get_end (talk)));
  /* Where a time occurs twice it says which. */
  g_assert_cmpstr (shown, ==, "02:30 CEST");
  g_assert_cmpstr (shown_end, ==, "03:30");
  g_assert_cmpstr (shown_evening, ==, "20:00");
  /* Beside the attendee's own time, the end's zone follows the range. */
  {
    g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
    g_autofree char *dual = plenary_format_time_range_dual (plenary_entry_get_start (talk),
                                                            plenary_entry_get_end (talk),
                                                            zone, utc);

    g_assert_cmpstr (dual, ==, "02:30 CEST–03:30 CET · 00:30–02:30 your time");
  }
}

static void
test_timetable_zone (void)
{
  static const struct
  {
    const char *json;
    const char *zone;
  } cases[] = {
    { "{\"results\":{\"11\":{\"20210920\":{\"a\":{\"startDate\":{\"date\":\"2021-09-20\","
      "\"time\":\"06:40:00\",\"tz\":\"America/New_York\"}}}}}}", "America/New_York" },
    { "{\"startDate\": {\"tz\":  \"America\\/Argentina\\/Buenos_Aires\"}}",
      "America/Argentina/Buenos_Aires" },
    { "{\"tz\": \"Etc/GMT+5\"}", "Etc/GMT+5" },
    /* Only a zone name goes in a URL. */
    { "{\"tz\": \"UTC&nc=yes\"}", NULL },
    { "{\"tz\": \"\"}", NULL },
    { "{\"tz\": 5}", NULL },
    { "{\"tz\": \"Europe/Zurich", NULL },
    { "{\"results\": {}}", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *zone = plenary_indico_timetable_zone (cases[i].json,
                                                             strlen (cases[i].json));

      g_assert_cmpstr (zone, ==, cases[i].zone);
      /* The sync reads the head of the export as it arrives: a head cut anywhere names the
       * whole export's zone or none, never a piece of it. */
      for (gsize length = 0; length < strlen (cases[i].json); length++)
        {
          g_autofree char *head_zone = plenary_indico_timetable_zone (cases[i].json, length);

          if (head_zone != NULL)
            g_assert_cmpstr (head_zone, ==, cases[i].zone);
        }
    }
  g_assert_null (plenary_indico_timetable_zone (NULL, 0));
}

/* The bytes' zone and the parse's are one fact: whatever the scan gives the event export's
 * tz=, the schedule is in (UTC where the scan finds no zone name). */
static void
test_zone_readings_agree (void)
{
  static const char *zones[] = {
    "Europe/Berlin", "America\\/Argentina\\/Buenos_Aires", "Etc/GMT+5", "UTC&nc=yes",
    "Europe/Nowhere", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"results\":{\"5\":{\"20240601\":{\"c1\":{\"entryType\":\"Contribution\","
        "\"duration\":10,\"startDate\":{\"date\":\"2024-06-01\",\"time\":\"10:00:00\","
        "\"tz\":\"%s\"}}}}}}", zones[i]);
      g_autofree char *scanned = plenary_indico_timetable_zone (json, strlen (json));
      g_autoptr (PlenarySchedule) schedule = parse_text (json);
      GTimeZone *known = scanned != NULL ? g_time_zone_new_identifier (scanned) : NULL;

      g_assert_cmpstr (plenary_schedule_get_timezone_id (schedule), ==,
                       known != NULL ? scanned : "UTC");
      g_clear_pointer (&known, g_time_zone_unref);
    }
}

/* The envelope's "ts" comes with the parse, and the same from the bytes alone. */
static void
test_timetable_ts (void)
{
  g_autoptr (PlenaryIndicoSources) sources = lpc_sources (TRUE);
  g_autoptr (PlenaryIndicoSources) no_ts_sources = plenary_indico_sources_new ();
  g_autoptr (GBytes) garbage = g_bytes_new_static ("{\"ts\":", 6);
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (PlenarySchedule) no_ts = NULL;
  PlenaryIndicoParseFacts facts = { TRUE, 0 };
  PlenaryIndicoParseFacts no_ts_facts = { TRUE, 0 };

  schedule = plenary_indico_parse (sources, &facts, NULL);
  g_assert_nonnull (schedule);
  g_assert_cmpint (facts.ts, ==, 1632441600);
  g_assert_false (facts.no_access);
  g_assert_cmpint (plenary_indico_timetable_ts (sources->timetable), ==, 1632441600);

  no_ts_sources->timetable = g_bytes_new_static ("{\"results\":{\"5\":{\"20240601\":{}}}}",
                                                 33);
  no_ts = plenary_indico_parse (no_ts_sources, &no_ts_facts, NULL);
  g_assert_nonnull (no_ts);
  g_assert_cmpint (no_ts_facts.ts, ==, -1);
  g_assert_cmpint (plenary_indico_timetable_ts (garbage), ==, -1);
  g_assert_cmpint (plenary_indico_timetable_ts (NULL), ==, -1);
}

/* What a sync keeps of a program.json, read once: given that reading, the parse takes the
 * tracks from it and does not read the bytes again. */
static void
test_program_read (void)
{
  static const struct
  {
    const char *json;
    gboolean    usable;
  } cases[] = {
    { "{\"tracks\": []}", TRUE },
    { "{\"tracks\": [{\"id\": 1, \"title\": \"Kernel\"}]}", TRUE },
    { "\xef\xbb\xbf {\"tracks\": []}", TRUE },
    { "{\"tracks\": {}}", FALSE },
    { "{\"error\": {\"title\": \"Not Found\"}}", FALSE },
    { "[]", FALSE },
    { "<html></html>", FALSE },
    { "{\"tracks\": [", FALSE },
    { "", FALSE },
  };
  static const char program[] =
    "{\"tracks\":[{\"id\":5,\"title\":\"LPC Refereed Track\",\"description\":\"Talks\u202e\","
    "\"position\":1}]}";
  g_autoptr (PlenaryIndicoSources) sources = lpc_sources (TRUE);
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GBytes) body = g_bytes_new_static (program, strlen (program));
  g_autoptr (PlenaryTrack) track = NULL;
  guint reads;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr (PlenaryIndicoProgram) read = plenary_indico_program_read (bytes);

      g_test_message ("%s", cases[i].json);
      g_assert_cmpint (read != NULL, ==, cases[i].usable);
    }
  g_assert_null (plenary_indico_program_read (NULL));

  /* The bytes beside the reading are not JSON: the tracks can only come from the reading. */
  sources->program = g_bytes_new_static ("not read", 8);
  sources->program_read = plenary_indico_program_read (body);
  g_assert_nonnull (sources->program_read);
  reads = plenary_indico_program_get_n_reads (FALSE);
  schedule = plenary_indico_parse (sources, NULL, NULL);
  g_assert_nonnull (schedule);
  g_assert_cmpuint (plenary_indico_program_get_n_reads (FALSE), ==, reads);
  track = g_list_model_get_item (plenary_schedule_get_tracks (schedule), 0);
  g_assert_cmpstr (plenary_track_get_title (track), ==, "LPC Refereed Track");
  /* Read as the parse reads: cleaned of bidi controls. */
  g_assert_cmpstr (plenary_track_get_description (track), ==, "Talks");

  /* Without a reading, the parse reads the bytes, once. */
  g_clear_pointer (&sources->program_read, plenary_indico_program_unref);
  g_clear_pointer (&sources->program, g_bytes_unref);
  sources->program = g_bytes_ref (body);
  g_clear_object (&schedule);
  schedule = plenary_indico_parse (sources, NULL, NULL);
  g_assert_nonnull (schedule);
  g_assert_cmpuint (plenary_indico_program_get_n_reads (FALSE), ==, reads + 1);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/indico-parser/lpc/timetable-only", test_lpc_timetable_only);
  g_test_add_func ("/indico-parser/lpc/with-event", test_lpc_with_event);
  g_test_add_func ("/indico-parser/lpc/timezone", test_timezone);

  g_test_add_func ("/indico-parser/errors/truncated", test_error_truncated);
  g_test_add_func ("/indico-parser/errors/html", test_error_html);
  g_test_add_func ("/indico-parser/errors/no-access", test_error_no_access);
  g_test_add_func ("/indico-parser/errors/shapes", test_error_shapes);
  g_test_add_func ("/indico-parser/odd-values", test_odd_values);
  g_test_add_func ("/indico-parser/several-events", test_several_events);
  g_test_add_func ("/indico-parser/dates", test_dates);
  g_test_add_func ("/indico-parser/json-edges", test_json_edges);
  g_test_add_func ("/indico-parser/empty-days", test_empty_days_without_event);
  g_test_add_func ("/indico-parser/quirks/timetable", test_quirks);
  g_test_add_func ("/indico-parser/quirks/with-event", test_quirks_with_event);
  g_test_add_func ("/indico-parser/jacow/detail-sessions", test_jacow_sessions);
  g_test_add_func ("/indico-parser/dst-fall-back", test_dst_fall_back);
  g_test_add_func ("/indico-parser/async", test_async);
  g_test_add_func ("/indico-parser/load-directory", test_load_directory);
  g_test_add_func ("/indico-parser/timetable-zone", test_timetable_zone);
  g_test_add_func ("/indico-parser/zone-readings-agree", test_zone_readings_agree);
  g_test_add_func ("/indico-parser/timetable-ts", test_timetable_ts);
  g_test_add_func ("/indico-parser/program-read", test_program_read);

  return g_test_run ();
}
