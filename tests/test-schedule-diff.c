/* test-schedule-diff.c: changes between two versions of the LPC 2021 programme
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "sync/plenary-schedule-diff.h"

static JsonNode *
load_timetable_json (void)
{
  g_autofree char *path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
block_entries (JsonNode   *root,
               const char *day,
               const char *block)
{
  JsonObject *results = json_object_get_object_member (json_node_get_object (root), "results");
  JsonObject *event = json_object_get_object_member (results, "11");
  JsonObject *entries = json_object_get_object_member (event, day);

  return json_object_get_object_member (json_object_get_object_member (entries, block),
                                        "entries");
}

/* json_node_copy() shares objects: edits must not reach the original. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

static PlenarySchedule *
parse_node (JsonNode *root)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (GError) error = NULL;
  char *text = json_to_string (root, FALSE);
  PlenarySchedule *schedule;

  sources->timetable = g_bytes_new_take (text, strlen (text));
  sources->event_id = g_strdup ("11");
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

static void
set_date (JsonObject *entry,
          const char *member,
          const char *time)
{
  JsonObject *date = json_object_new ();

  json_object_set_string_member (date, "date", "2021-09-20");
  json_object_set_string_member (date, "time", time);
  json_object_set_string_member (date, "tz", "America/New_York");
  json_object_set_object_member (entry, member, date);
}

static const PlenaryChange *
find_change (GPtrArray  *changes,
             const char *user_key)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const PlenaryChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->user_key, user_key) == 0)
        return change;
    }
  return NULL;
}

static void
test_moved_removed_renamed_new (void)
{
  g_autoptr (JsonNode) original = load_timetable_json ();
  g_autoptr (JsonNode) modified = deep_copy (original);
  JsonObject *entries = block_entries (modified, "20210920", "s5001");
  JsonObject *moved = json_object_get_object_member (entries, "c5002");
  JsonObject *renamed = json_object_get_object_member (entries, "c5004");
  g_autoptr (JsonNode) added_node = deep_copy (json_object_get_member (entries, "c5005"));
  JsonObject *added = json_node_get_object (added_node);
  g_autoptr (PlenarySchedule) before = parse_node (original);
  g_autoptr (PlenarySchedule) after = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  const PlenaryChange *change;
  g_autofree char *text = NULL;

  /* Moved by an hour: 06:40–07:00 becomes 07:40–08:00. */
  set_date (moved, "startDate", "07:40:00");
  set_date (moved, "endDate", "08:00:00");
  json_object_remove_member (entries, "c5003");
  json_object_set_string_member (renamed, "title", "A new title");
  json_object_set_string_member (added, "id", "c9999");
  json_object_set_string_member (added, "uniqueId", "c9999");
  json_object_set_int_member (added, "contributionId", 9999);
  json_object_set_string_member (added, "title", "A late addition");
  json_object_set_object_member (entries, "c9999", json_object_ref (added));

  after = parse_node (modified);
  changes = plenary_schedule_diff (before, after);
  g_assert_cmpuint (changes->len, ==, 4);

  change = find_change (changes, plenary_entry_get_user_key (
                                   plenary_schedule_lookup_entry (after, "c5002")));
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, PLENARY_CHANGE_TIME);
  text = plenary_change_describe (change, zone);
  g_assert_cmpstr (text, ==, "Moved from Mon 06:40 to Mon 07:40");
  g_clear_pointer (&text, g_free);

  change = find_change (changes, plenary_entry_get_user_key (
                                   plenary_schedule_lookup_entry (before, "c5003")));
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, PLENARY_CHANGE_REMOVED);
  g_assert_null (change->after);

  change = find_change (changes, plenary_entry_get_user_key (
                                   plenary_schedule_lookup_entry (after, "c5004")));
  g_assert_cmpint (change->flags, ==, PLENARY_CHANGE_TITLE);
  text = plenary_change_describe (change, zone);
  g_assert_true (g_str_has_prefix (text, "Renamed from “"));

  change = find_change (changes, "9999");
  g_assert_nonnull (change);
  g_assert_cmpint (change->flags, ==, PLENARY_CHANGE_ADDED);

  /* The same programme twice changes nothing. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = plenary_schedule_diff (before, before);
  g_assert_cmpuint (changes->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/schedule-diff/moved-removed-renamed-new", test_moved_removed_renamed_new);

  return g_test_run ();
}
