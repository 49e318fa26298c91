/* test-commit.c: a new programme stored as snapshot and schedule cache in one operation
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "store/plenary-commit.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-store.h"
#include "plenary-test-util.h"

typedef struct
{
  char            *dir;
  char            *cache_path;
  PlenarySnapshot *snapshot;
  PlenarySchedule *schedule;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GBytes) timetable = plenary_test_load_lpc2021_file ("export-timetable-11.json");
  g_autoptr (GBytes) event = plenary_test_load_lpc2021_file ("export-event-11-contributions.json");

  plenary_test_reset_dirs ();
  f->dir = plenary_store_get_event_dir ("https://lpc.events/", "11");
  f->cache_path = g_build_filename (f->dir, PLENARY_SCHEDULE_CACHE_FILE, NULL);
  /* The schedule the parser makes of these same exports. */
  f->snapshot = plenary_snapshot_new (timetable, event, NULL, NULL);
  f->schedule = plenary_test_load_lpc2021 ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);
  g_clear_object (&f->snapshot);
  g_clear_object (&f->schedule);
  g_free (f->cache_path);
  g_free (f->dir);
}

typedef struct
{
  gboolean         done;
  gboolean         ok;
  PlenarySchedule *schedule;
  GError          *error;
} CommitResult;

static void
committed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CommitResult *r = user_data;

  r->ok = plenary_store_commit_finish (result, &r->schedule, &r->error);
  r->done = TRUE;
}

static gboolean
commit (Fixture          *f,
        PlenarySnapshot  *snapshot,
        GError          **error)
{
  CommitResult r = { 0, };

  plenary_store_commit_async (f->dir, snapshot, f->schedule, committed_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  if (r.ok)
    g_assert_true (r.schedule == f->schedule);
  else
    g_assert_null (r.schedule);
  g_clear_object (&r.schedule);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

/* One operation leaves the directory complete: the snapshot and its cache, which reads back
 * the quick way. */
static void
test_snapshot_and_cache (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (PlenarySnapshot) loaded = NULL;
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_autoptr (PlenarySchedule) cached = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (commit (f, f->snapshot, &error));
  g_assert_no_error (error);

  loaded = plenary_snapshot_load (f->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, f->snapshot));
  g_assert_true (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));

  cached = plenary_store_open_committed (f->dir, &mapped);
  g_assert_nonnull (cached);
  g_assert_nonnull (mapped);
  g_assert_true (plenary_snapshot_same_bodies (mapped, f->snapshot));
  g_assert_cmpuint (plenary_schedule_get_n_contributions (cached), ==,
                    plenary_schedule_get_n_contributions (f->schedule));
  g_assert_cmpstr (plenary_schedule_get_title (cached), ==,
                   plenary_schedule_get_title (f->schedule));
  /* Read from the mapped file: its pages can be handed back, and are read in again. */
  plenary_schedule_release_pages (cached);
  g_assert_cmpstr (plenary_schedule_get_title (cached), ==,
                   plenary_schedule_get_title (f->schedule));
}

/* The cache is derived: not writing it (a full disk) fails nothing, and the next start
 * parses the snapshot, which is there. */
static void
test_cache_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (PlenarySnapshot) loaded = NULL;
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_autoptr (PlenarySchedule) cached = NULL;
  g_autoptr (GError) error = NULL;

  plenary_store_set_fault (PLENARY_STORE_FAULT_NO_SPACE, PLENARY_SCHEDULE_CACHE_FILE);
  g_assert_true (commit (f, f->snapshot, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
  loaded = plenary_snapshot_load (f->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_snapshot_same_bodies (loaded, f->snapshot));
  cached = plenary_store_open_committed (f->dir, &mapped);
  g_assert_null (cached);
  g_assert_null (mapped);
}

/* A snapshot that cannot be stored fails the commit; the programme before it stays, and its
 * cache is not replaced by one of the programme that was not stored. */
static void
test_snapshot_failure (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GBytes) timetable = plenary_test_load_lpc2021_file ("export-timetable-11.json");
  g_autoptr (GBytes) other = g_bytes_new_static ("{\"results\":[]}", 14);
  g_autoptr (PlenarySnapshot) second = plenary_snapshot_new (timetable, other, NULL, NULL);
  g_autoptr (PlenarySnapshot) loaded = NULL;
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_autoptr (PlenarySchedule) cached = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf before, after;

  g_assert_true (commit (f, f->snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->cache_path, &before), ==, 0);

  plenary_store_set_fault (PLENARY_STORE_FAULT_NO_SPACE, "event.json");
  g_assert_false (commit (f, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  plenary_store_set_fault (PLENARY_STORE_FAULT_NONE, NULL);

  g_assert_cmpint (g_stat (f->cache_path, &after), ==, 0);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);
  loaded = plenary_snapshot_load (f->dir, NULL, NULL);
  g_assert_true (plenary_snapshot_same_bodies (loaded, f->snapshot));
  cached = plenary_store_open_committed (f->dir, &mapped);
  g_assert_nonnull (cached);
  g_assert_true (plenary_snapshot_same_bodies (mapped, f->snapshot));
}

/* An export file changed behind the store's back: the quick way declines, so the caller
 * parses the JSON again. */
static void
test_open_stale (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *timetable = g_build_filename (f->dir, "timetable.json", NULL);
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_autoptr (PlenarySchedule) cached = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;

  g_assert_true (commit (f, f->snapshot, &error));
  g_assert_no_error (error);
  contents = plenary_snapshot_get_timetable (f->snapshot) != NULL
             ? g_bytes_ref (plenary_snapshot_get_timetable (f->snapshot)) : NULL;
  /* The same bytes, written again: another inode, so another stamp. */
  g_assert_cmpint (g_unlink (timetable), ==, 0);
  g_assert_true (g_file_set_contents (timetable, g_bytes_get_data (contents, NULL),
                                      g_bytes_get_size (contents), NULL));
  cached = plenary_store_open_committed (f->dir, &mapped);
  g_assert_null (cached);
  g_assert_null (mapped);
}

/* Nothing committed yet: nothing to open. */
static void
test_open_nothing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_autoptr (PlenarySchedule) cached = plenary_store_open_committed (f->dir, &mapped);

  g_assert_null (cached);
  g_assert_null (mapped);
}

static gboolean
commit_from_callback_cb (gpointer user_data)
{
  Fixture *f = user_data;
  g_autoptr (GError) error = NULL;

  /* On the main thread, inside the main loop: the commit's writes are in its worker, so the
   * store's main-thread check says nothing. */
  g_assert_true (commit (f, f->snapshot, &error));
  g_assert_no_error (error);
  return G_SOURCE_REMOVE;
}

static void
test_from_main_loop (Fixture       *f,
                     gconstpointer  data)
{
  guint id = g_idle_add (commit_from_callback_cb, f);

  while (g_main_context_find_source_by_id (NULL, id) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/commit/snapshot-and-cache", test_snapshot_and_cache);
  ADD ("/store/commit/cache-failure", test_cache_failure);
  ADD ("/store/commit/snapshot-failure", test_snapshot_failure);
  ADD ("/store/commit/open-stale", test_open_stale);
  ADD ("/store/commit/open-nothing", test_open_nothing);
  ADD ("/store/commit/from-main-loop", test_from_main_loop);
#undef ADD

  return g_test_run ();
}
