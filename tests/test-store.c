/* test-store.c: paths, atomic writes (never from the main loop), snapshots, damaged files and
 * user data
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store/plenary-snapshot.h"
#include "store/plenary-store.h"
#include "store/plenary-user-data.h"
#include "plenary-test-util.h"
#include "store/plenary-event-list.h"

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GBytes *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
assert_file_equals (const char *path,
                    GBytes     *expected)
{
  g_autoptr (GBytes) actual = read_file (path);

  g_assert_nonnull (actual);
  g_assert_true (g_bytes_equal (actual, expected));
}

static guint
count_entries_matching (const char *dir,
                        const char *needle)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, needle) != NULL)
      n++;
  return n;
}

static void
test_paths (void)
{
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), "plenary", NULL);
  g_autofree char *events = plenary_store_get_events_file ();
  g_autofree char *lpc = plenary_store_get_event_dir ("https://lpc.events/", "11");
  g_autofree char *local = plenary_store_get_event_dir ("http://127.0.0.1:8080/", "11");
  g_autofree char *prefixed = plenary_store_get_event_dir ("https://host.example/indico/", "5");
  g_autofree char *expected = NULL;

  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), plenary_test_get_tmpdir ()));
  expected = g_build_filename (data, "events.json", NULL);
  g_assert_cmpstr (events, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_build_filename (data, "events", "lpc.events", "11", NULL);
  g_assert_cmpstr (lpc, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_build_filename (data, "events", "127.0.0.1_8080", "11", NULL);
  g_assert_cmpstr (local, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_build_filename (data, "events", "host.example_indico", "5", NULL);
  g_assert_cmpstr (prefixed, ==, expected);
}

static void
test_atomic_write (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plenary", "atomic", NULL);
  g_autofree char *path = g_build_filename (dir, "file.json", NULL);
  g_autoptr (GBytes) old = bytes ("{\"old\":true}");
  g_autoptr (GError) error = NULL;

  g_assert_true (plenary_store_write_file (path, "{\"old\":true}", 12, &error));
  g_assert_no_error (error);
  assert_file_equals (path, old);

  /* A full disk: the old file stays, the error says so, no temporary file is left. */
  plenary_store_set_fault (PLENARY_STORE_FAULT_NO_SPACE, "file.json");
  g_assert_false (plenary_store_write_file (path, "{\"new\":true}", 12, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_file_equals (path, old);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 0);

  /* Death between temporary file and rename: old file intact, stale temporary left. */
  plenary_store_set_fault (PLENARY_STORE_FAULT_BEFORE_RENAME, "file.json");
  g_assert_false (plenary_store_write_file (path, "{\"new\":true}", 12, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_file_equals (path, old);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 1);
  plenary_store_remove_stale_temps (dir);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 0);

  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  g_assert_true (plenary_store_write_file (path, "{\"new\":true}", 12, &error));
  g_assert_no_error (error);
}

static void
test_corrupt_json (void)
{
  g_autofree char *events = plenary_store_get_events_file ();
  g_autofree char *dir = g_path_get_dirname (events);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  /* Missing: no error, nothing. */
  g_unlink (events);
  node = plenary_store_load_json (events, warnings, &error);
  g_assert_no_error (error);
  g_assert_null (node);
  g_assert_cmpuint (warnings->len, ==, 0);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (events, "{\"events\": [", -1, NULL));
  node = plenary_store_load_json (events, warnings, &error);
  g_assert_error (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_null (node);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_false (g_file_test (events, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries_matching (dir, "events.json.corrupt-"), ==, 1);

  /* Valid JSON of the wrong shape is damaged too. */
  g_assert_true (g_file_set_contents (events, "[1,2]", -1, NULL));
  node = plenary_store_load_json (events, warnings, &error);
  g_assert_error (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (count_entries_matching (dir, "events.json.corrupt-"), ==, 2);
}

typedef struct
{
  GBytes *timetable;
  GBytes *event;
  GBytes *program;
  GBytes *meta;
} DirBytes;

static void
dir_bytes_read (DirBytes   *d,
                const char *dir)
{
  g_autofree char *t = g_build_filename (dir, "timetable.json", NULL);
  g_autofree char *e = g_build_filename (dir, "event.json", NULL);
  g_autofree char *p = g_build_filename (dir, "program.json", NULL);
  g_autofree char *m = g_build_filename (dir, "meta.json", NULL);

  d->timetable = read_file (t);
  d->event = read_file (e);
  d->program = read_file (p);
  d->meta = read_file (m);
}

static gboolean
maybe_equal (GBytes *a,
             GBytes *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_bytes_equal (a, b);
}

static void
dir_bytes_assert_same (DirBytes   *d,
                       const char *dir)
{
  DirBytes now = { 0, };

  dir_bytes_read (&now, dir);
  g_assert_true (maybe_equal (d->timetable, now.timetable));
  g_assert_true (maybe_equal (d->event, now.event));
  g_assert_true (maybe_equal (d->program, now.program));
  g_assert_true (maybe_equal (d->meta, now.meta));
  g_clear_pointer (&now.timetable, g_bytes_unref);
  g_clear_pointer (&now.event, g_bytes_unref);
  g_clear_pointer (&now.program, g_bytes_unref);
  g_clear_pointer (&now.meta, g_bytes_unref);
}

static void
dir_bytes_clear (DirBytes *d)
{
  g_clear_pointer (&d->timetable, g_bytes_unref);
  g_clear_pointer (&d->event, g_bytes_unref);
  g_clear_pointer (&d->program, g_bytes_unref);
  g_clear_pointer (&d->meta, g_bytes_unref);
}

static void
test_snapshot (void)
{
  g_autofree char *dir = plenary_store_get_event_dir ("https://lpc.events/", "11");
  g_autofree char *previous = g_build_filename (dir, "previous", NULL);
  g_autoptr (GBytes) timetable = plenary_test_load_lpc2021_file ("export-timetable-11.json");
  g_autoptr (GBytes) event = plenary_test_load_lpc2021_file ("export-event-11-contributions.json");
  g_autoptr (GBytes) program = bytes ("{\"program\":\"\",\"tracks\":[],\"track_groups\":[]}");
  g_autoptr (GBytes) timetable2 = bytes ("{\"count\":1,\"ts\":7,\"results\":{\"11\":{}}}");
  g_autoptr (PlenarySnapshot) first = plenary_snapshot_new (timetable, event, NULL, NULL);
  g_autoptr (PlenarySnapshot) second = plenary_snapshot_new (timetable2, event, program, NULL);
  g_autoptr (PlenarySnapshot) loaded = NULL;
  g_autoptr (PlenarySnapshot) same = plenary_snapshot_new (timetable, event, NULL, NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, timetable);
  DirBytes before = { 0, };

  g_assert_cmpstr (plenary_snapshot_get_timetable_sha256 (first), ==, sha);
  g_assert_null (plenary_snapshot_get_program_sha256 (first));
  g_assert_cmpint (plenary_snapshot_get_ts (first), ==, 1632441600);
  g_assert_true (plenary_snapshot_same_bodies (first, same));
  g_assert_false (plenary_snapshot_same_bodies (first, second));

  /* Nothing stored yet. */
  loaded = plenary_snapshot_load (dir, warnings, &error);
  g_assert_null (loaded);
  g_assert_error (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_NO_SNAPSHOT);
  g_clear_error (&error);

  g_assert_true (plenary_snapshot_save (first, dir, &error));
  g_assert_no_error (error);
  loaded = plenary_snapshot_load (dir, warnings, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, first));
  g_assert_cmpint (plenary_snapshot_get_ts (loaded), ==, 1632441600);
  g_assert_nonnull (plenary_snapshot_get_fetched_at (loaded));
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_object (&loaded);

  g_assert_true (plenary_snapshot_save (second, dir, &error));
  g_assert_no_error (error);
  loaded = plenary_snapshot_load (dir, warnings, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, second));
  g_assert_true (g_bytes_equal (plenary_snapshot_get_program (loaded), program));
  g_clear_object (&loaded);
  /* The one replaced is kept. */
  loaded = plenary_snapshot_load (previous, warnings, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, first));
  g_clear_object (&loaded);

  /* A full disk while writing the new parts: every file byte-identical. */
  dir_bytes_read (&before, dir);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NO_SPACE, "event.json");
  g_assert_false (plenary_snapshot_save (first, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  dir_bytes_assert_same (&before, dir);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 0);

  /* Death half-way through replacing the parts: the timetable is new, the rest old. The
   * store notices and gives the last complete snapshot. */
  plenary_store_set_fault (PLENARY_STORE_FAULT_BEFORE_RENAME, "event.json");
  g_assert_false (plenary_snapshot_save (first, dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), >=, 1);
  loaded = plenary_snapshot_load (dir, warnings, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, second));
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 0);
  g_clear_object (&loaded);
  g_ptr_array_set_size (warnings, 0);

  /* And the next save repairs it. */
  g_assert_true (plenary_snapshot_save (first, dir, &error));
  g_assert_no_error (error);
  loaded = plenary_snapshot_load (dir, warnings, &error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, first));
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_object (&loaded);

  /* A damaged meta.json is set aside; the previous snapshot is used and the user told. */
  {
    g_autofree char *meta = g_build_filename (dir, "meta.json", NULL);

    g_assert_true (g_file_set_contents (meta, "{\"parts\":", -1, NULL));
    loaded = plenary_snapshot_load (dir, warnings, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded);
    g_assert_cmpuint (warnings->len, ==, 2);
    g_assert_cmpuint (count_entries_matching (dir, "meta.json.corrupt-"), ==, 1);
    g_clear_object (&loaded);
  }

  /* An unparseable current snapshot can be discarded; the previous one remains. */
  plenary_snapshot_discard_current (dir);
  g_assert_cmpuint (count_entries_matching (dir, "timetable.json.corrupt-"), ==, 1);
  loaded = plenary_snapshot_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);

  dir_bytes_clear (&before);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  plenary_user_data_load_finish (PLENARY_USER_DATA (object), result, error);
  g_object_set_data (object, "done", GINT_TO_POINTER (1));
}

static gboolean
load_user_data (PlenaryUserData  *data,
                GError          **error)
{
  g_object_set_data (G_OBJECT (data), "done", NULL);
  plenary_user_data_load_async (data, NULL, loaded_cb, error);
  while (g_object_get_data (G_OBJECT (data), "done") == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *error == NULL;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  plenary_user_data_save_finish (PLENARY_USER_DATA (object), result, error);
  g_object_set_data (object, "saved", GINT_TO_POINTER (1));
}

static void
save_user_data (PlenaryUserData  *data,
                GError          **error)
{
  g_object_set_data (G_OBJECT (data), "saved", NULL);
  plenary_user_data_save_async (data, NULL, saved_cb, error);
  while (g_object_get_data (G_OBJECT (data), "saved") == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_changed_cb (PlenaryUserData *data,
                  const char      *key,
                  guint           *count)
{
  (*count)++;
}

static void
test_user_data (void)
{
  g_autofree char *dir = plenary_store_get_event_dir ("https://lpc.events/", "19");
  g_autofree char *path = g_build_filename (dir, "user.json", NULL);
  g_autoptr (PlenaryUserData) data = plenary_user_data_new (path);
  g_autoptr (PlenaryUserData) again = NULL;
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 ("2021-09-20T10:02:00-04:00", NULL);
  g_autoptr (GDateTime) end = g_date_time_new_from_iso8601 ("2021-09-20T10:31:00-04:00", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) on_disk = NULL;
  g_auto (GStrv) starred = NULL;
  guint changes = 0;

  g_signal_connect (data, "changed", G_CALLBACK (count_changed_cb), &changes);
  g_assert_true (load_user_data (data, &error));   /* no file: empty */
  g_assert_false (plenary_user_data_get_starred (data, "941"));

  plenary_user_data_set_starred (data, "941", TRUE);
  plenary_user_data_set_starred (data, "941", TRUE);   /* no change, no signal */
  plenary_user_data_set_starred (data, "b5010", TRUE);
  plenary_user_data_set_note (data, "941", "Ran late; questions on RCU");
  plenary_user_data_set_actual_times (data, "941", start, end);
  g_assert_cmpuint (changes, ==, 4);   /* none from loading nothing over nothing, then 4 */
  g_assert_true (plenary_user_data_get_dirty (data));

  /* The debounced save happens by itself. */
  g_object_set (data, "save-delay", 0, NULL);
  plenary_user_data_set_starred (data, "b5010", FALSE);
  while (plenary_user_data_get_dirty (data))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  again = plenary_user_data_new (path);
  g_assert_true (load_user_data (again, &error));
  g_assert_true (plenary_user_data_get_starred (again, "941"));
  g_assert_false (plenary_user_data_get_starred (again, "b5010"));
  g_assert_cmpstr (plenary_user_data_get_note (again, "941"), ==, "Ran late; questions on RCU");
  g_assert_true (g_date_time_equal (plenary_user_data_get_actual_start (again, "941"), start));
  g_assert_true (g_date_time_equal (plenary_user_data_get_actual_end (again, "941"), end));
  starred = plenary_user_data_dup_starred (again);
  g_assert_cmpuint (g_strv_length (starred), ==, 1);
  g_assert_cmpstr (starred[0], ==, "941");

  /* A full disk: the error is reported, the file on disk is unchanged, the change is kept
   * in memory and saved once there is space. */
  on_disk = read_file (path);
  g_object_set (again, "save-delay", 60000, NULL);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NO_SPACE, "user.json");
  plenary_user_data_set_note (again, "941", NULL);
  save_user_data (again, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_file_equals (path, on_disk);
  g_assert_true (plenary_user_data_get_dirty (again));
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  save_user_data (again, &error);
  g_assert_no_error (error);
  g_assert_false (plenary_user_data_get_dirty (again));
  g_clear_object (&data);
  data = plenary_user_data_new (path);
  g_assert_true (load_user_data (data, &error));
  g_assert_null (plenary_user_data_get_note (data, "941"));
  g_assert_true (plenary_user_data_get_starred (data, "941"));

  /* Damaged: moved aside, reported, and the object is usable and empty. */
  g_clear_object (&data);
  g_assert_true (g_file_set_contents (path, "{\"entries\":{\"941\":", -1, NULL));
  data = plenary_user_data_new (path);
  g_assert_false (load_user_data (data, &error));
  g_assert_error (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries_matching (dir, "user.json.corrupt-"), ==, 1);
  g_assert_false (plenary_user_data_get_starred (data, "941"));
  plenary_user_data_set_starred (data, "942", TRUE);
  save_user_data (data, &error);
  g_assert_no_error (error);
}

/* "Changed by a sync, not yet opened" outlives the process, for starred talks and others. */
static void
test_user_data_changed (void)
{
  g_autofree char *dir = plenary_store_get_event_dir ("https://lpc.events/", "20");
  g_autofree char *path = g_build_filename (dir, "user.json", NULL);
  g_autoptr (PlenaryUserData) data = plenary_user_data_new (path);
  g_autoptr (PlenaryUserData) again = NULL;
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  guint changes = 0;

  g_assert_true (load_user_data (data, &error));
  plenary_user_data_set_starred (data, "941", TRUE);
  g_signal_connect (data, "changed", G_CALLBACK (count_changed_cb), &changes);
  g_hash_table_add (keys, (gpointer) "941");
  g_hash_table_add (keys, (gpointer) "965");
  plenary_user_data_mark_changed (data, keys);
  g_assert_cmpuint (changes, ==, 1);   /* once for the whole sync */
  g_assert_true (plenary_user_data_get_changed (data, "941"));
  g_assert_true (plenary_user_data_get_changed (data, "965"));
  g_assert_false (plenary_user_data_get_changed (data, "966"));
  save_user_data (data, &error);
  g_assert_no_error (error);

  again = plenary_user_data_new (path);
  g_assert_true (load_user_data (again, &error));
  g_assert_true (plenary_user_data_get_changed (again, "941"));
  g_assert_true (plenary_user_data_get_changed (again, "965"));
  plenary_user_data_clear_changed (again, "965");
  g_assert_false (plenary_user_data_get_changed (again, "965"));
  /* Opening a talk does not unstar it. */
  plenary_user_data_clear_changed (again, "941");
  g_assert_true (plenary_user_data_get_starred (again, "941"));
  save_user_data (again, &error);
  g_assert_no_error (error);

  g_clear_object (&data);
  data = plenary_user_data_new (path);
  g_assert_true (load_user_data (data, &error));
  g_assert_false (plenary_user_data_get_changed (data, "941"));
  g_assert_false (plenary_user_data_get_changed (data, "965"));
  g_assert_true (plenary_user_data_get_starred (data, "941"));
}

static void
discarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlenarySnapshot **loaded = user_data;
  g_autoptr (GError) error = NULL;

  *loaded = plenary_snapshot_load_finish (result, NULL, &error);
  g_assert_no_error (error);
}

/* A current snapshot that does not parse is set aside in a worker, and the one before it
 * loaded, in one step (no rename on the main thread). */
static void
test_discard_in_worker (void)
{
  g_autofree char *dir = plenary_store_get_event_dir ("https://lpc.events/", "21");
  g_autoptr (GBytes) timetable = bytes ("{\"ts\":1}");
  g_autoptr (GBytes) event = bytes ("{\"results\":[]}");
  g_autoptr (GBytes) other = bytes ("{\"results\":[{}]}");
  g_autoptr (PlenarySnapshot) first = plenary_snapshot_new (timetable, event, NULL, NULL);
  g_autoptr (PlenarySnapshot) second = plenary_snapshot_new (timetable, other, NULL, NULL);
  g_autoptr (PlenarySnapshot) loaded = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (plenary_snapshot_save (first, dir, &error));
  g_assert_true (plenary_snapshot_save (second, dir, &error));
  g_assert_no_error (error);

  plenary_snapshot_discard_and_load_async (dir, NULL, discarded_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (plenary_snapshot_same_bodies (loaded, first));
  g_assert_cmpuint (count_entries_matching (dir, "event.json.corrupt-"), ==, 1);
}

typedef struct
{
  const char *path;
  gboolean    done;
} MainThreadWrite;

static gboolean
write_from_callback_cb (gpointer user_data)
{
  MainThreadWrite *write = user_data;
  g_autoptr (GError) error = NULL;

  /* What a UI callback must not do: the store says so, and still writes. */
  g_test_expect_message ("Plenary-Store", G_LOG_LEVEL_CRITICAL,
                         "*blocking write of*on the main thread*");
  g_assert_true (plenary_store_write_file (write->path, "{\"ui\":true}", 11, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  write->done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
written_in_thread_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  MainThreadWrite *write = user_data;

  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  write->done = TRUE;
}

/* DESIGN.md: no blocking disk I/O on the main thread. Every atomic write goes through the
 * store's write path, which flags one made from a main loop callback; a test's own body and a
 * worker thread write quietly. */
static void
test_main_thread_check (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plenary", NULL);
  g_autofree char *path = g_build_filename (dir, "main-thread.json", NULL);
  g_autoptr (GBytes) expected = NULL;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  MainThreadWrite write = { path, FALSE };

  /* Outside the main loop (here: the test's body; in the app: the command line). */
  g_assert_true (plenary_store_write_file (path, "{\"body\":true}", 13, &error));
  g_assert_no_error (error);

  g_idle_add (write_from_callback_cb, &write);
  while (!write.done)
    g_main_context_iteration (NULL, TRUE);
  expected = bytes ("{\"ui\":true}");
  assert_file_equals (path, expected);
  g_clear_pointer (&expected, g_bytes_unref);

  /* From the main loop, through a worker thread: nothing said. */
  write.done = FALSE;
  task = g_task_new (NULL, NULL, written_in_thread_cb, &write);
  plenary_store_write_file_in_thread (task, path, g_strdup ("{\"worker\":true}"), 15);
  while (!write.done)
    g_main_context_iteration (NULL, TRUE);
  expected = bytes ("{\"worker\":true}");
  assert_file_equals (path, expected);
}

/* Parts staged while the parse runs: a save in that folder renames them (no part written
 * twice, nothing left over), a save elsewhere writes its own, and unstaging deletes them. */
static void
test_snapshot_staged (void)
{
  g_autofree char *dir = plenary_store_get_event_dir ("https://staged.example/", "11");
  g_autofree char *held = g_build_filename (dir, "held", NULL);
  g_autoptr (GBytes) timetable = plenary_test_load_lpc2021_file ("export-timetable-11.json");
  g_autoptr (GBytes) event = plenary_test_load_lpc2021_file ("export-event-11-contributions.json");
  g_autoptr (GBytes) program = bytes ("{\"program\":\"\",\"tracks\":[],\"track_groups\":[]}");
  g_autoptr (PlenarySnapshot) first = plenary_snapshot_new (timetable, event, program, NULL);
  g_autoptr (PlenarySnapshot) second = plenary_snapshot_new (timetable, event, NULL, NULL);
  g_autoptr (PlenarySnapshot) loaded = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (plenary_snapshot_has_staged (first));
  plenary_snapshot_stage (first, dir);
  g_assert_true (plenary_snapshot_has_staged (first));
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 3);

  /* A save elsewhere (a programme held aside) leaves them for the unstaging. */
  g_assert_true (plenary_snapshot_save (first, held, &error));
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_has_staged (first));
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 3);

  g_assert_true (plenary_snapshot_save (first, dir, &error));
  g_assert_no_error (error);
  g_assert_false (plenary_snapshot_has_staged (first));
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 0);
  loaded = plenary_snapshot_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, first));
  g_clear_object (&loaded);

  /* Staged and never saved: deleted, the stored snapshot untouched. */
  plenary_snapshot_stage (second, dir);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 2);
  plenary_snapshot_unstage (second);
  g_assert_false (plenary_snapshot_has_staged (second));
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 0);
  loaded = plenary_snapshot_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, first));
  g_clear_object (&loaded);

  /* Swept meanwhile (a load removes temporary files as a crash leaves them): written again. */
  plenary_snapshot_stage (second, dir);
  plenary_store_remove_stale_temps (dir);
  g_assert_true (plenary_snapshot_save (second, dir, &error));
  g_assert_no_error (error);
  loaded = plenary_snapshot_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, second));
  g_clear_object (&loaded);

  /* A full disk while staging costs only the head start: the save writes, and says so. */
  plenary_store_set_fault (PLENARY_STORE_FAULT_NO_SPACE, "event.json");
  plenary_snapshot_stage (first, dir);
  g_assert_false (plenary_snapshot_save (first, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  plenary_snapshot_unstage (first);
  g_assert_cmpuint (count_entries_matching (dir, ".tmp-"), ==, 0);
  loaded = plenary_snapshot_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, second));
}

/* A ts given by the parse is the one stored: the timetable is not read for it again. */
static void
test_snapshot_given_ts (void)
{
  g_autofree char *dir = plenary_store_get_event_dir ("https://lpc.events/", "12");
  g_autoptr (GBytes) timetable = bytes ("{\"count\":1,\"ts\":7,\"results\":{\"12\":{}}}");
  g_autoptr (GBytes) event = bytes ("{\"count\":0,\"results\":[]}");
  g_autoptr (PlenarySnapshot) snapshot = plenary_snapshot_new (timetable, event, NULL, NULL);
  g_autoptr (PlenarySnapshot) loaded = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (plenary_snapshot_get_ts (snapshot), ==, 7);
  plenary_snapshot_set_ts (snapshot, 1632441600);
  g_assert_cmpint (plenary_snapshot_get_ts (snapshot), ==, 1632441600);
  g_assert_true (plenary_snapshot_save (snapshot, dir, &error));
  g_assert_no_error (error);
  loaded = plenary_snapshot_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plenary_snapshot_get_ts (loaded), ==, 1632441600);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Written;

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Written *written = user_data;

  written->ok = g_task_propagate_boolean (G_TASK (result), &written->error);
  written->done = TRUE;
}

static void
delete_dir_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  plenary_store_delete_dir (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
wait_written (Written *written)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!written->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (written->done);
}

/* Deleting a folder waits for the write begun in it, and refuses the writes asked for while
 * it runs; once it is done, the folder may be written again (the event followed anew). */
static void
test_delete_dir_after_writes (void)
{
  g_autofree char *dir = plenary_store_get_event_dir ("https://lpc.events/", "13");
  g_autofree char *path = g_build_filename (dir, "user.json", NULL);
  g_autofree char *other = g_build_filename (dir, "held", "reason.txt", NULL);
  g_autoptr (GTask) deletion = NULL;
  Written first = { 0, }, late = { 0, }, deleted = { 0, }, again = { 0, };
  GTask *task;

  plenary_test_reset_dirs ();
  plenary_store_set_fault (PLENARY_STORE_FAULT_STALL, "user.json");
  task = g_task_new (NULL, NULL, written_cb, &first);
  plenary_store_write_file_in_thread (task, path, g_strdup ("{\"first\":1}"), 11);
  g_object_unref (task);

  deletion = g_task_new (NULL, NULL, written_cb, &deleted);
  g_task_set_task_data (deletion, g_strdup (dir), g_free);
  g_task_run_in_thread (deletion, delete_dir_thread);
  plenary_test_iterate (300);
  g_assert_false (deleted.done);

  /* Below the folder too: nothing is made there while it goes. */
  task = g_task_new (NULL, NULL, written_cb, &late);
  plenary_store_write_file_in_thread (task, other, g_strdup ("late"), 4);
  g_object_unref (task);
  wait_written (&late);
  g_assert_error (late.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&late.error);

  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  wait_written (&first);
  g_assert_no_error (first.error);
  wait_written (&deleted);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  task = g_task_new (NULL, NULL, written_cb, &again);
  plenary_store_write_file_in_thread (task, path, g_strdup ("{}"), 2);
  g_object_unref (task);
  wait_written (&again);
  g_assert_no_error (again.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
list_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (plenary_event_list_save_finish (PLENARY_EVENT_LIST (source), result, &error));
  g_assert_no_error (error);
  (*n_done)++;
}

/* Two saves of the list at once: the second waits for the first, so the newest list is the one
 * on disk (two writes at once could land the older one last). */
static void
test_event_list_saves_in_order (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plenary", NULL);
  g_autofree char *path = g_build_filename (dir, "events.json", NULL);
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (path);
  g_autoptr (PlenaryEvent) first = plenary_event_new ("https://lpc.events/", "1111");
  g_autoptr (PlenaryEvent) second = plenary_event_new ("https://lpc.events/", "2222");
  g_autofree char *contents = NULL;
  guint n_done = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  plenary_event_list_add (list, first);
  plenary_store_set_fault (PLENARY_STORE_FAULT_STALL, "events.json");
  plenary_event_list_save_async (list, NULL, list_saved_cb, &n_done);
  plenary_event_list_add (list, second);
  plenary_event_list_save_async (list, NULL, list_saved_cb, &n_done);
  plenary_test_iterate (100);
  g_assert_cmpuint (n_done, ==, 0);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  while (n_done < 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "1111"));
  g_assert_nonnull (strstr (contents, "2222"));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/store/paths", test_paths);
  g_test_add_func ("/store/atomic-write", test_atomic_write);
  g_test_add_func ("/store/corrupt-json", test_corrupt_json);
  g_test_add_func ("/store/snapshot", test_snapshot);
  g_test_add_func ("/store/snapshot-staged", test_snapshot_staged);
  g_test_add_func ("/store/snapshot-given-ts", test_snapshot_given_ts);
  g_test_add_func ("/store/snapshot-discard-in-worker", test_discard_in_worker);
  g_test_add_func ("/store/user-data", test_user_data);
  g_test_add_func ("/store/user-data-changed", test_user_data_changed);
  g_test_add_func ("/store/main-thread-check", test_main_thread_check);
  g_test_add_func ("/store/delete-dir-after-writes", test_delete_dir_after_writes);
  g_test_add_func ("/store/event-list-saves-in-order", test_event_list_saves_in_order);

  return g_test_run ();
}
