/* test-schedule-cache.c: the schedule's derived form, and what happens when it is wrong
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "model/plenary-schedule-builder.h"
#include "store/plenary-commit.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-schedule-cache-fields.h"
#include "store/plenary-store.h"
#include "model/plenary-event.h"
#include "plenary-test-util.h"

#define SERVER "https://lpc.events/"
#define EVENT_ID "11"

typedef struct
{
  char            *dir;
  char            *cache_path;
  PlenarySnapshot *snapshot;
} Fixture;

static PlenarySnapshot *
lpc_snapshot (const char *replace_title)
{
  g_autoptr (GBytes) timetable = plenary_test_load_lpc2021_file ("export-timetable-11.json");
  g_autoptr (GBytes) event = plenary_test_load_lpc2021_file ("export-event-11-contributions.json");

  if (replace_title != NULL)
    {
      /* The same programme with the first talk renamed: other JSON, other hashes. */
      gsize length;
      const char *data = g_bytes_get_data (timetable, &length);
      g_autoptr (GString) text = g_string_new_len (data, length);

      g_assert_cmpuint (g_string_replace (text, "BPF & Networking Summit", replace_title, 0),
                        >, 0);
      g_bytes_unref (timetable);
      timetable = g_string_free_to_bytes (g_steal_pointer (&text));
    }
  return plenary_snapshot_new (timetable, event, NULL, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  plenary_test_reset_dirs ();
  f->dir = plenary_store_get_event_dir (SERVER, EVENT_ID);
  f->cache_path = g_build_filename (f->dir, PLENARY_SCHEDULE_CACHE_FILE, NULL);
  f->snapshot = lpc_snapshot (NULL);
  g_assert_true (plenary_snapshot_save (f->snapshot, f->dir, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  while (plenary_store_get_n_pending_cache_writes () > 0)
    plenary_test_iterate (5);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  g_clear_object (&f->snapshot);
  g_free (f->cache_path);
  g_free (f->dir);
}

static PlenarySchedule *
parse_snapshot (PlenarySnapshot *snapshot)
{
  g_autoptr (PlenaryEvent) event = plenary_event_new (SERVER, EVENT_ID);
  g_autoptr (PlenaryIndicoSources) sources = plenary_event_build_sources (event, snapshot);
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule = plenary_indico_parse (sources, NULL, &error);

  g_assert_no_error (error);
  return schedule;
}

/* The cache as plenary_event_load_async() reads it. */
static PlenarySchedule *
load_cache (Fixture  *f,
            GError  **error)
{
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_auto (GStrv) stamps = NULL;

  mapped = plenary_snapshot_open_mapped (f->dir, &stamps, NULL);
  g_assert_nonnull (mapped);
  return plenary_store_load_cache (f->dir, mapped, (const char * const *) stamps, error);
}

static void
write_cache (Fixture         *f,
             PlenarySchedule *schedule)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (plenary_store_write_cache (f->dir, f->snapshot, schedule, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  gboolean  cached;
  GError   *error;
} LoadResult;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadResult *r = user_data;

  r->ok = plenary_event_load_finish (PLENARY_EVENT (object), result, NULL, &r->error);
  r->cached = plenary_event_load_was_cached (PLENARY_EVENT (object), result);
  r->done = TRUE;
}

/* A start: the event loaded as the application does, then its cache written if it was;
 * @from_cache: whether the load said it read the cache. */
static PlenaryEvent *
start_reporting (gboolean *from_cache)
{
  PlenaryEvent *event = plenary_event_new (SERVER, EVENT_ID);
  LoadResult r = { 0, };

  plenary_event_load_async (event, NULL, loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_nonnull (plenary_event_get_schedule (event));
  while (plenary_store_get_n_pending_cache_writes () > 0)
    plenary_test_iterate (5);
  if (from_cache != NULL)
    *from_cache = r.cached;
  return event;
}

static PlenaryEvent *
start (void)
{
  return start_reporting (NULL);
}

/* Deep comparison through the public API, as the views see a schedule */

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }
  g_assert_true (g_date_time_equal (a, b));
  g_assert_cmpint (g_date_time_get_utc_offset (a), ==, g_date_time_get_utc_offset (b));
}

static void
assert_same_person (PlenaryPerson *a,
                    PlenaryPerson *b)
{
  g_assert_cmpstr (plenary_person_get_key (a), ==, plenary_person_get_key (b));
  g_assert_cmpint (plenary_person_get_person_id (a), ==, plenary_person_get_person_id (b));
  g_assert_cmpstr (plenary_person_get_email_hash (a), ==, plenary_person_get_email_hash (b));
  g_assert_cmpstr (plenary_person_get_name (a), ==, plenary_person_get_name (b));
  g_assert_cmpstr (plenary_person_get_first_name (a), ==, plenary_person_get_first_name (b));
  g_assert_cmpstr (plenary_person_get_family_name (a), ==, plenary_person_get_family_name (b));
  g_assert_cmpstr (plenary_person_get_affiliation (a), ==, plenary_person_get_affiliation (b));
  g_assert_cmpstr (plenary_person_get_sort_key (a), ==, plenary_person_get_sort_key (b));
}

static void
assert_same_people (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_same_person (a->pdata[i], b->pdata[i]);
}

static void
assert_same_room (PlenaryRoom *a,
                  PlenaryRoom *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  g_assert_cmpstr (plenary_room_get_name (a), ==, plenary_room_get_name (b));
  g_assert_cmpstr (plenary_room_get_venue (a), ==, plenary_room_get_venue (b));
}

static void
assert_same_track (PlenaryTrack *a,
                   PlenaryTrack *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  g_assert_cmpint (plenary_track_get_id (a), ==, plenary_track_get_id (b));
  g_assert_cmpstr (plenary_track_get_title (a), ==, plenary_track_get_title (b));
  g_assert_cmpstr (plenary_track_get_code (a), ==, plenary_track_get_code (b));
  g_assert_cmpstr (plenary_track_get_description (a), ==, plenary_track_get_description (b));
  g_assert_cmpint (plenary_track_get_position (a), ==, plenary_track_get_position (b));
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Field by field, as the cache's table lists them: a field added to the record is compared
 * without a line here. */
static void
assert_same_entry (PlenaryEntry *a,
                   PlenaryEntry *b)
{
  guint n_fields;
  const PlenaryCacheField *fields = plenary_schedule_cache_get_entry_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const PlenaryCacheField *field = &fields[i];

      g_test_message ("entry %s: %s", plenary_entry_get_id (a), field->name);
      switch (field->kind)
        {
        case PLENARY_CACHE_FIELD_NUMBER:
          g_assert_cmpint (plenary_schedule_builder_get_entry_number (a, field->model_field), ==,
                           plenary_schedule_builder_get_entry_number (b, field->model_field));
          break;
        case PLENARY_CACHE_FIELD_TIME:
          assert_same_time (plenary_schedule_builder_get_entry_time (a, field->model_field),
                            plenary_schedule_builder_get_entry_time (b, field->model_field));
          break;
        case PLENARY_CACHE_FIELD_STRING:
        case PLENARY_CACHE_FIELD_DESCRIPTION:
          {
            PlenaryEntryString which = field->model_field;

            /* As the views read them: an empty description may be stored as none. */
            g_assert_cmpstr (or_empty (plenary_schedule_builder_get_entry_string (a, which)), ==,
                             or_empty (plenary_schedule_builder_get_entry_string (b, which)));
          }
          break;
        case PLENARY_CACHE_FIELD_ROOM:
          assert_same_room (plenary_entry_get_room (a), plenary_entry_get_room (b));
          break;
        case PLENARY_CACHE_FIELD_TRACK:
          assert_same_track (plenary_entry_get_track (a), plenary_entry_get_track (b));
          break;
        case PLENARY_CACHE_FIELD_BLOCK:
          g_assert_true ((plenary_entry_get_block (a) == NULL)
                         == (plenary_entry_get_block (b) == NULL));
          if (plenary_entry_get_block (a) != NULL)
            g_assert_cmpstr (plenary_entry_get_id (plenary_entry_get_block (a)), ==,
                             plenary_entry_get_id (plenary_entry_get_block (b)));
          break;
        case PLENARY_CACHE_FIELD_PEOPLE:
          if (field->model_field == PLENARY_ENTRY_SPEAKERS)
            assert_same_people (plenary_entry_get_speakers (a), plenary_entry_get_speakers (b));
          else
            assert_same_people (plenary_entry_get_authors (a), plenary_entry_get_authors (b));
          break;
        case PLENARY_CACHE_FIELD_ATTACHMENTS:
          {
            GPtrArray *files_a = plenary_entry_get_attachments (a);
            GPtrArray *files_b = plenary_entry_get_attachments (b);

            g_assert_cmpuint (files_a->len, ==, files_b->len);
            for (guint j = 0; j < files_a->len; j++)
              {
                PlenaryAttachment *file_a = files_a->pdata[j];
                PlenaryAttachment *file_b = files_b->pdata[j];

                g_assert_cmpstr (file_a->title, ==, file_b->title);
                g_assert_cmpstr (file_a->url, ==, file_b->url);
                g_assert_cmpstr (file_a->folder, ==, file_b->folder);
              }
          }
          break;
        case PLENARY_CACHE_FIELD_KIND:
          g_assert_cmpint (plenary_entry_get_kind (a), ==, plenary_entry_get_kind (b));
          break;
        case PLENARY_CACHE_FIELD_FLAGS:
          /* Which list an entry is in is compared with the lists. */
          g_assert_cmpint (plenary_entry_get_is_poster (a), ==, plenary_entry_get_is_poster (b));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* What the views derive from the fields. */
  g_assert_cmpint (plenary_entry_get_duration (a), ==, plenary_entry_get_duration (b));
  g_assert_cmpstr (plenary_entry_get_description (a), ==, plenary_entry_get_description (b));
}

typedef void (*AssertSame) (gpointer a, gpointer b);

static void
assert_same_models (GListModel *a,
                    GListModel *b,
                    AssertSame  assert_same)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (g_list_model_get_item_type (a) == g_list_model_get_item_type (b));
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr (GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr (GObject) item_b = g_list_model_get_item (b, i);

      assert_same (item_a, item_b);
    }
}

static void
assert_same_entry_models (GListModel *a,
                          GListModel *b)
{
  assert_same_models (a, b, (AssertSame) assert_same_entry);
}

static void
assert_same_schedule (PlenarySchedule *a,
                      PlenarySchedule *b)
{
  GListModel *days_a = plenary_schedule_get_days (a);
  GListModel *days_b = plenary_schedule_get_days (b);
  GListModel *people = plenary_schedule_get_people (a);
  GListModel *rooms = plenary_schedule_get_rooms (a);
  GListModel *tracks = plenary_schedule_get_tracks (a);
  GListModel *blocks = plenary_schedule_get_blocks (a);
  GListModel *entries = plenary_schedule_get_entries (a);

  g_assert_cmpstr (plenary_schedule_get_event_id (a), ==, plenary_schedule_get_event_id (b));
  g_assert_cmpstr (plenary_schedule_get_title (a), ==, plenary_schedule_get_title (b));
  g_assert_cmpstr (plenary_schedule_get_server_base (a), ==,
                   plenary_schedule_get_server_base (b));
  g_assert_cmpstr (plenary_schedule_get_url (a), ==, plenary_schedule_get_url (b));
  g_assert_cmpstr (plenary_schedule_get_venue (a), ==, plenary_schedule_get_venue (b));
  g_assert_cmpstr (plenary_schedule_get_timezone_id (a), ==,
                   plenary_schedule_get_timezone_id (b));
  g_assert_cmpstr (g_time_zone_get_identifier (plenary_schedule_get_timezone (a)), ==,
                   g_time_zone_get_identifier (plenary_schedule_get_timezone (b)));
  assert_same_time (plenary_schedule_get_start (a), plenary_schedule_get_start (b));
  assert_same_time (plenary_schedule_get_end (a), plenary_schedule_get_end (b));
  g_assert_cmpuint (plenary_schedule_get_n_blocks (a), ==, plenary_schedule_get_n_blocks (b));
  g_assert_cmpuint (plenary_schedule_get_n_sessions (a), ==,
                    plenary_schedule_get_n_sessions (b));
  g_assert_cmpuint (plenary_schedule_get_n_contributions (a), ==,
                    plenary_schedule_get_n_contributions (b));
  g_assert_cmpuint (plenary_schedule_get_n_breaks (a), ==, plenary_schedule_get_n_breaks (b));

  g_assert_cmpuint (g_list_model_get_n_items (days_a), ==, g_list_model_get_n_items (days_b));
  for (guint i = 0; i < g_list_model_get_n_items (days_a); i++)
    {
      g_autoptr (PlenaryDay) day_a = g_list_model_get_item (days_a, i);
      g_autoptr (PlenaryDay) day_b = g_list_model_get_item (days_b, i);

      g_assert_cmpuint (plenary_day_get_index (day_a), ==, plenary_day_get_index (day_b));
      g_assert_cmpuint (plenary_day_get_n_items (day_a), ==, plenary_day_get_n_items (day_b));
      assert_same_time (plenary_day_get_date (day_a), plenary_day_get_date (day_b));
      assert_same_entry_models (plenary_schedule_get_day_items (a, i),
                                plenary_schedule_get_day_items (b, i));
      assert_same_entry_models (plenary_schedule_get_day_entries (a, i),
                                plenary_schedule_get_day_entries (b, i));
    }

  assert_same_models (people, plenary_schedule_get_people (b), (AssertSame) assert_same_person);
  assert_same_models (rooms, plenary_schedule_get_rooms (b), (AssertSame) assert_same_room);
  assert_same_models (tracks, plenary_schedule_get_tracks (b), (AssertSame) assert_same_track);
  assert_same_entry_models (entries, plenary_schedule_get_entries (b));
  assert_same_entry_models (blocks, plenary_schedule_get_blocks (b));
  assert_same_entry_models (plenary_schedule_get_unscheduled (a),
                            plenary_schedule_get_unscheduled (b));

  /* The indices answer the same. */
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (PlenaryPerson) person = g_list_model_get_item (people, i);
      PlenaryPerson *theirs = plenary_schedule_lookup_person (b,
                                                              plenary_person_get_key (person));
      g_autoptr (GListModel) talks_a = plenary_schedule_get_person_entries (a, person);
      g_autoptr (GListModel) talks_b = plenary_schedule_get_person_entries (b, theirs);
      g_autoptr (GListModel) blocks_a = plenary_schedule_get_person_blocks (a, person);
      g_autoptr (GListModel) blocks_b = plenary_schedule_get_person_blocks (b, theirs);

      g_assert_nonnull (theirs);
      assert_same_entry_models (talks_a, talks_b);
      assert_same_entry_models (blocks_a, blocks_b);
    }
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (PlenaryRoom) room = g_list_model_get_item (rooms, i);
      PlenaryRoom *theirs = plenary_schedule_lookup_room (b, plenary_room_get_name (room));
      g_autoptr (GListModel) in_a = plenary_schedule_get_room_entries (a, room);
      g_autoptr (GListModel) in_b = plenary_schedule_get_room_entries (b, theirs);

      assert_same_entry_models (in_a, in_b);
    }
  for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr (PlenaryTrack) track = g_list_model_get_item (tracks, i);
      PlenaryTrack *theirs = plenary_schedule_lookup_track (b, plenary_track_get_title (track));
      g_autoptr (GListModel) in_a = plenary_schedule_get_track_entries (a, track);
      g_autoptr (GListModel) in_b = plenary_schedule_get_track_entries (b, theirs);

      assert_same_entry_models (in_a, in_b);
    }
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr (PlenaryEntry) block = g_list_model_get_item (blocks, i);
      PlenaryEntry *theirs = plenary_schedule_lookup_entry (b, plenary_entry_get_id (block));

      assert_same_entry_models (plenary_schedule_get_block_entries (a, block),
                                plenary_schedule_get_block_entries (b, theirs));
    }
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      const char *user_key = plenary_entry_get_user_key (entry);

      assert_same_entry (entry, plenary_schedule_lookup_entry (b, plenary_entry_get_id (entry)));
      assert_same_entry (entry, plenary_schedule_lookup_user_key (b, user_key));
      if (plenary_entry_get_contribution_id (entry) != 0)
        assert_same_entry (entry, plenary_schedule_lookup_contribution (
                                    b, plenary_entry_get_contribution_id (entry)));
    }
}

/* The counts of fixtures/lpc2021/README.md. */
static void
assert_lpc_counts (PlenarySchedule *schedule)
{
  static const guint blocks_per_day[] = { 8, 7, 7, 7, 9 };
  GListModel *days = plenary_schedule_get_days (schedule);
  GListModel *blocks = plenary_schedule_get_blocks (schedule);
  g_autoptr (PlenaryEntry) first = NULL;
  g_autoptr (PlenaryEntry) last = NULL;
  g_autoptr (GHashTable) hashes = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *people = plenary_schedule_get_people (schedule);
  g_autoptr (PlenaryPerson) paul = NULL;
  g_autoptr (GListModel) pauls = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 5);
  g_assert_cmpuint (plenary_schedule_get_n_blocks (schedule), ==, 38);
  g_assert_cmpuint (plenary_schedule_get_n_sessions (schedule), ==, 24);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_rooms (schedule)), ==, 9);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, 226);
  g_assert_cmpuint (plenary_schedule_get_n_breaks (schedule), ==, 45);
  for (guint i = 0; i < 5; i++)
    {
      GListModel *items = plenary_schedule_get_day_items (schedule, i);

      g_assert_cmpuint (g_list_model_get_n_items (items), ==, blocks_per_day[i]);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr (PlenaryEntry) item = g_list_model_get_item (items, j);

          /* No top-level entries. */
          g_assert_cmpint (plenary_entry_get_kind (item), ==, PLENARY_ENTRY_KIND_BLOCK);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (PlenaryPerson) person = g_list_model_get_item (people, i);
      g_autoptr (GListModel) talks = plenary_schedule_get_person_entries (schedule, person);

      if (g_list_model_get_n_items (talks) > 0 && plenary_person_get_email_hash (person) != NULL)
        g_hash_table_add (hashes, (char *) plenary_person_get_email_hash (person));
      if (g_strcmp0 (plenary_person_get_name (person), "Paul McKenney") == 0)
        paul = g_object_ref (person);
    }
  g_assert_cmpuint (g_hash_table_size (hashes), ==, 272);
  g_assert_nonnull (paul);
  pauls = plenary_schedule_get_person_entries (schedule, paul);
  g_assert_cmpuint (g_list_model_get_n_items (pauls), ==, 6);

  first = g_list_model_get_item (blocks, 0);
  last = g_list_model_get_item (blocks, g_list_model_get_n_items (blocks) - 1);
  g_assert_cmpstr (plenary_entry_get_title (first), ==, "BPF & Networking Summit");
  g_assert_cmpstr (plenary_entry_get_full_title (last), ==, "Keynote: Closing Keynote");
  g_assert_cmpstr (plenary_entry_get_venue (first), ==, "LPC Virtual");
}

static void
test_same_as_parsed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (PlenarySchedule) parsed = parse_snapshot (f->snapshot);
  g_autoptr (PlenarySchedule) cached = NULL;
  g_autoptr (GError) error = NULL;

  assert_lpc_counts (parsed);
  write_cache (f, parsed);
  cached = load_cache (f, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cached);
  assert_lpc_counts (cached);
  assert_same_schedule (parsed, cached);
  assert_same_schedule (cached, parsed);
}

/* One start without a cache writes it; the next uses it and writes nothing. */
static void
test_event_load (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (PlenaryEvent) first = NULL;
  g_autoptr (PlenaryEvent) second = NULL;
  g_autoptr (PlenarySchedule) parsed = parse_snapshot (f->snapshot);
  PlenarySnapshot *snapshot;
  GStatBuf before, after;
  gboolean from_cache = FALSE;

  first = start_reporting (&from_cache);
  g_assert_false (from_cache);
  g_assert_true (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
  assert_same_schedule (parsed, plenary_event_get_schedule (first));
  g_assert_cmpint (g_stat (f->cache_path, &before), ==, 0);

  second = start_reporting (&from_cache);
  g_assert_cmpint (g_stat (f->cache_path, &after), ==, 0);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);
  g_assert_true (from_cache);
  assert_same_schedule (parsed, plenary_event_get_schedule (second));
  /* The snapshot's parts are still there for a sync to compare. */
  snapshot = plenary_event_get_snapshot (second);
  g_assert_true (g_bytes_equal (plenary_snapshot_get_timetable (snapshot),
                                plenary_snapshot_get_timetable (f->snapshot)));
  g_assert_true (plenary_snapshot_same_bodies (snapshot, f->snapshot));
  g_assert_nonnull (plenary_event_get_last_sync (second));
}

/* A file meta.json does not list (a program.json left behind) changes nothing. */
static void
test_stray_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *program = g_build_filename (f->dir, "program.json", NULL);
  g_autoptr (PlenaryEvent) first = NULL;
  g_autoptr (PlenaryEvent) second = NULL;
  GStatBuf before, after;
  gboolean from_cache = FALSE;

  g_assert_true (g_file_set_contents (program, "{}", -1, NULL));
  first = start_reporting (&from_cache);
  g_assert_false (from_cache);
  g_assert_cmpint (g_stat (f->cache_path, &before), ==, 0);
  second = start_reporting (&from_cache);
  g_assert_cmpint (g_stat (f->cache_path, &after), ==, 0);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);
  g_assert_true (from_cache);
}

static void
assert_rebuilt_at_start (Fixture *f)
{
  g_autoptr (PlenarySchedule) parsed = parse_snapshot (f->snapshot);
  g_autoptr (PlenaryEvent) event = start ();
  g_autoptr (PlenarySchedule) reloaded = NULL;
  g_autoptr (GError) error = NULL;

  assert_same_schedule (parsed, plenary_event_get_schedule (event));
  /* …and a good cache is back. */
  g_assert_true (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
  reloaded = load_cache (f, &error);
  g_assert_no_error (error);
  assert_same_schedule (parsed, reloaded);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) none = load_cache (f, &error);

  g_assert_null (none);
  g_assert_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_MISSING);
  assert_rebuilt_at_start (f);
}

/* A sync stored other JSON: the cache of the old JSON is not used. */
static void
test_stale_hash (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (PlenarySchedule) old = parse_snapshot (f->snapshot);
  g_autoptr (PlenarySchedule) stale = NULL;
  g_autoptr (PlenaryEvent) event = NULL;
  g_autoptr (GListModel) blocks = NULL;
  g_autoptr (PlenaryEntry) first = NULL;
  g_autoptr (GError) error = NULL;

  write_cache (f, old);
  g_clear_object (&f->snapshot);
  f->snapshot = lpc_snapshot ("Renamed Summit");
  g_assert_true (plenary_snapshot_save (f->snapshot, f->dir, &error));
  g_assert_no_error (error);

  stale = load_cache (f, &error);
  g_assert_null (stale);
  g_assert_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_STALE);

  event = start ();
  first = g_list_model_get_item (plenary_schedule_get_blocks (plenary_event_get_schedule (event)),
                                 0);
  g_assert_cmpstr (plenary_entry_get_title (first), ==, "Renamed Summit");
  assert_rebuilt_at_start (f);
}

/* A part file replaced behind meta.json's back (an interrupted save): not trusted. */
static void
test_stale_stamp (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (PlenarySchedule) parsed = parse_snapshot (f->snapshot);
  g_autoptr (PlenarySchedule) stale = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *timetable = g_build_filename (f->dir, "timetable.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  write_cache (f, parsed);
  g_assert_true (g_file_get_contents (timetable, &contents, &length, NULL));
  g_assert_cmpint (g_unlink (timetable), ==, 0);
  g_assert_true (g_file_set_contents (timetable, contents, length, NULL));

  stale = load_cache (f, &error);
  g_assert_null (stale);
  g_assert_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_STALE);
  assert_rebuilt_at_start (f);
}

typedef enum
{
  DAMAGE_TRUNCATED,
  DAMAGE_EMPTY,
  DAMAGE_RANDOM,
  DAMAGE_VERSION,
  DAMAGE_ROOM_INDEX,
  DAMAGE_PERSON_INDEX,
  DAMAGE_BLOCK_INDEX,
  DAMAGE_STRING_INDEX,
  DAMAGE_STRING_TABLE,
  DAMAGE_FLIPPED_BYTES,
} Damage;

/* Replaces child @index of the cache's tuple with @child. */
static GBytes *
replace_child (GBytes   *bytes,
               guint     index,
               GVariant *child)
{
  g_autoptr (GVariant) cache = NULL;
  g_autoptr (GVariant) rebuilt = NULL;
  g_autoptr (GPtrArray) children = g_ptr_array_new_with_free_func (
    (GDestroyNotify) g_variant_unref);

  /* The writer's own type; the tests know the layout: child 13 is the entries. */
  cache = g_variant_new_from_bytes (G_VARIANT_TYPE (plenary_schedule_cache_get_type_string ()),
                                    bytes, TRUE);
  g_variant_ref_sink (cache);
  for (guint i = 0; i < g_variant_n_children (cache); i++)
    g_ptr_array_add (children, i == index ? g_variant_ref_sink (child)
                                          : g_variant_get_child_value (cache, i));
  rebuilt = g_variant_ref_sink (g_variant_new_tuple ((GVariant **) children->pdata,
                                                     children->len));
  return g_variant_get_data_as_bytes (rebuilt);
}

/* The offset of the entry record's member @name. */
static gsize
field_offset (const char *name)
{
  guint n_fields;
  const PlenaryCacheField *fields = plenary_schedule_cache_get_entry_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return fields[i].offset;
  g_assert_not_reached ();
}

/* The entries, with @offset (bytes into the first entry record) set to @value. */
static GVariant *
entries_with (GBytes *bytes,
              gsize   offset,
              guint32 value)
{
  g_autoptr (GVariant) cache = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (plenary_schedule_cache_get_type_string ()),
                              bytes, TRUE));
  g_autoptr (GVariant) entries = g_variant_get_child_value (cache, 13);
  gsize size = g_variant_get_size (entries);
  guint8 *data = g_memdup2 (g_variant_get_data (entries), size);

  g_assert_cmpuint (size, >=, 144);
  memcpy (data + offset, &value, sizeof value);
  return g_variant_new_from_data (g_variant_get_type (entries), data, size, FALSE, g_free,
                                  data);
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autoptr (PlenarySchedule) parsed = parse_snapshot (f->snapshot);
  g_autoptr (PlenarySchedule) broken = NULL;
  g_autoptr (GBytes) good = NULL;
  g_autoptr (GBytes) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gsize size;

  write_cache (f, parsed);
  g_assert_true (g_file_get_contents (f->cache_path, &contents, &length, NULL));
  good = g_bytes_new (contents, length);
  size = length;

  switch (damage)
    {
    case DAMAGE_TRUNCATED:
      bad = g_bytes_new (contents, size / 2);
      break;
    case DAMAGE_EMPTY:
      bad = g_bytes_new (NULL, 0);
      break;
    case DAMAGE_RANDOM:
      {
        g_autoptr (GRand) rand = g_rand_new_with_seed (11);
        g_autofree guint8 *noise = g_malloc (size);

        for (gsize i = 0; i < size; i++)
          noise[i] = g_rand_int (rand);
        bad = g_bytes_new_take (g_steal_pointer (&noise), size);
      }
      break;
    case DAMAGE_VERSION:
      {
        guint32 version = 99;

        memcpy (contents + 8, &version, sizeof version);
        bad = g_bytes_new (contents, size);
      }
      break;
    case DAMAGE_ROOM_INDEX:
      bad = replace_child (good, 13, entries_with (good, field_offset ("room"), 999999));
      break;
    case DAMAGE_PERSON_INDEX:    /* the first person reference */
      {
        guint32 refs[] = { 999999 };

        bad = replace_child (good, 14, g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, refs,
                                                                  1, sizeof refs[0]));
      }
      break;
    case DAMAGE_BLOCK_INDEX:     /* an entry made the block of itself */
      bad = replace_child (good, 13, entries_with (good, field_offset ("block"), 0));
      break;
    case DAMAGE_STRING_INDEX:    /* the first entry's id */
      bad = replace_child (good, 13, entries_with (good, field_offset ("id"), 7777777));
      break;
    case DAMAGE_STRING_TABLE:    /* strings that do not end */
      {
        static const guint8 unterminated[] = { 'a', 'b', 'c' };

        bad = replace_child (good, 4, g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE,
                                                                 unterminated, 3, 1));
      }
      break;
    case DAMAGE_FLIPPED_BYTES:   /* bit rot in the framing at the end */
      for (gsize i = size - 64; i < size; i++)
        contents[i] ^= 0x5a;
      bad = g_bytes_new (contents, size);
      break;
    }

  g_assert_true (g_file_set_contents (f->cache_path, g_bytes_get_data (bad, NULL),
                                      g_bytes_get_size (bad), NULL));
  broken = load_cache (f, &error);
  if (broken != NULL)
    {
      /* Damage GVariant reads as other valid values may still load: never garbage. */
      g_assert_true (damage == DAMAGE_FLIPPED_BYTES);
      assert_lpc_counts (broken);
    }
  else if (damage == DAMAGE_VERSION)
    {
      g_assert_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_VERSION);
    }
  else if (damage >= DAMAGE_ROOM_INDEX && damage <= DAMAGE_STRING_TABLE)
    {
      g_assert_error (error, PLENARY_SCHEDULE_CACHE_ERROR, PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT);
    }
  else
    {
      /* Broken framing may read as other hashes too. */
      g_test_message ("%s", error->message);
      g_assert_true (error->domain == PLENARY_SCHEDULE_CACHE_ERROR);
      g_assert_true (error->code == PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT
                     || error->code == PLENARY_SCHEDULE_CACHE_ERROR_STALE);
    }
  assert_rebuilt_at_start (f);
}

/* A full disk or a directory that cannot be written: the JSON is used, nothing is lost. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *meta = g_build_filename (f->dir, "meta.json", NULL);
  g_autofree char *meta_before = NULL;
  g_autofree char *meta_after = NULL;
  g_autoptr (PlenarySchedule) parsed = parse_snapshot (f->snapshot);
  g_autoptr (PlenaryEvent) event = NULL;
  g_autoptr (GDir) handle = NULL;
  const char *name;

  g_assert_true (g_file_get_contents (meta, &meta_before, NULL, NULL));
  plenary_store_set_fault (PLENARY_STORE_FAULT_NO_SPACE, PLENARY_SCHEDULE_CACHE_FILE);
  event = start ();
  assert_same_schedule (parsed, plenary_event_get_schedule (event));
  g_assert_false (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (meta, &meta_after, NULL, NULL));
  g_assert_cmpstr (meta_before, ==, meta_after);
  handle = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));   /* no temporary file left */
  g_clear_object (&event);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);

  /* Read-only for real, where permissions apply (not as root). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
      event = start ();
      assert_same_schedule (parsed, plenary_event_get_schedule (event));
      g_assert_false (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
      g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
    }
}

/* Reads every text a view would show: with a damaged cache that still loads, nothing may
 * point outside the mapping or be invalid UTF-8 (AddressSanitizer watches in CI). */
static void
read_everything (PlenarySchedule *schedule)
{
  GListModel *entries = plenary_schedule_get_entries (schedule);
  GListModel *people = plenary_schedule_get_people (schedule);
  GListModel *days = plenary_schedule_get_days (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      GPtrArray *speakers = plenary_entry_get_speakers (entry);
      const char *texts[] = {
        plenary_entry_get_title (entry),
        plenary_entry_get_description (entry),
        plenary_entry_get_user_key (entry),
        plenary_room_get_name (plenary_entry_get_room (entry)),
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        g_assert_true (texts[t] == NULL || g_utf8_validate (texts[t], -1, NULL));
      for (guint k = 0; k < speakers->len; k++)
        g_assert_true (g_utf8_validate (plenary_person_get_name (g_ptr_array_index (speakers, k)),
                                        -1, NULL));
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (PlenaryPerson) person = g_list_model_get_item (people, i);

      g_assert_true (g_utf8_validate (plenary_person_get_name (person), -1, NULL));
    }
  g_assert_cmpuint (g_list_model_get_n_items (days), <, 1000);
}

/* Bit rot anywhere in the file, a few bytes at a time: each load fails cleanly, or gives a
 * schedule whose every text reads safely. */
static void
test_bit_rot (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (PlenarySchedule) parsed = parse_snapshot (f->snapshot);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261121);
  g_autofree char *contents = NULL;
  gsize length;
  guint failed = 0;

  write_cache (f, parsed);
  g_assert_true (g_file_get_contents (f->cache_path, &contents, &length, NULL));
  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *damaged = g_memdup2 (contents, length);
      g_autoptr (PlenarySchedule) loaded = NULL;
      g_autoptr (GError) error = NULL;
      guint n_flips = g_rand_int_range (rand, 1, 9);

      for (guint k = 0; k < n_flips; k++)
        {
          gint32 at = g_rand_int_range (rand, 0, (gint32) length);

          damaged[at] ^= (char) g_rand_int_range (rand, 1, 256);
        }
      g_assert_true (g_file_set_contents (f->cache_path, damaged, length, NULL));
      loaded = load_cache (f, &error);
      if (loaded == NULL)
        {
          g_assert_nonnull (error);
          failed++;
          continue;
        }
      read_everything (loaded);
    }
  g_test_message ("%u of 200 damaged caches refused", failed);
}

/* The table describes the record exactly: every member where GVariant puts it (each aligned
 * to its size, the end padded to the largest), the record's type made of the members' types,
 * and that type the one of format version 2, so that a change to the table cannot change
 * the bytes without a new version. */
static void
test_entry_fields (void)
{
  guint n_fields;
  const PlenaryCacheField *fields = plenary_schedule_cache_get_entry_fields (&n_fields);
  g_autoptr (GString) type = g_string_new ("(");
  g_autofree char *array = NULL;
  gsize offset = 0, largest = 1;

  for (guint i = 0; i < n_fields; i++)
    {
      /* "uu" is a range: two members of 4 bytes. */
      gsize align = fields[i].size == 8 && strlen (fields[i].type) == 2 ? 4 : fields[i].size;

      offset = (offset + align - 1) / align * align;
      g_assert_cmpuint (fields[i].offset, ==, offset);
      offset += fields[i].size;
      largest = MAX (largest, align);
      g_string_append (type, fields[i].type);
    }
  g_string_append (type, ")");
  offset = (offset + largest - 1) / largest * largest;

  g_assert_cmpstr (type->str, ==, "(xxxxxuuuuuuuuuuuuuuiiiiuuuuuuyy)");
  g_assert_cmpuint (offset, ==, 144);
  array = g_strconcat ("a", type->str, NULL);
  g_assert_nonnull (strstr (plenary_schedule_cache_get_type_string (), array));
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; Damage damage; } damages[] = {
    { "truncated", DAMAGE_TRUNCATED },
    { "empty", DAMAGE_EMPTY },
    { "random", DAMAGE_RANDOM },
    { "version", DAMAGE_VERSION },
    { "room-index", DAMAGE_ROOM_INDEX },
    { "person-index", DAMAGE_PERSON_INDEX },
    { "block-index", DAMAGE_BLOCK_INDEX },
    { "string-index", DAMAGE_STRING_INDEX },
    { "string-table", DAMAGE_STRING_TABLE },
    { "flipped-bytes", DAMAGE_FLIPPED_BYTES },
  };

  plenary_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/schedule-cache/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/schedule-cache/entry-fields", test_entry_fields);
  ADD ("same-as-parsed", test_same_as_parsed, NULL);
  ADD ("event-load", test_event_load, NULL);
  ADD ("missing", test_missing, NULL);
  ADD ("stale-hash", test_stale_hash, NULL);
  ADD ("stale-stamp", test_stale_stamp, NULL);
  ADD ("stray-file", test_stray_file, NULL);
  ADD ("unwritable", test_unwritable, NULL);
  ADD ("bit-rot", test_bit_rot, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/schedule-cache/damaged/%s",
                                               damages[i].name);

      g_test_add (path, Fixture, GINT_TO_POINTER (damages[i].damage), fixture_set_up,
                  test_damaged, fixture_tear_down);
    }

  return g_test_run ();
}
