/* plenary-commit.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where the snapshot and the schedule cache meet on the way to disk, so that
 * neither needs to know the other: the snapshot stores what the server sent, the cache what
 * the parser made of it, and a commit is both, in that order (a cache is only ever checked
 * against the snapshot it names, so a commit cut short between the two is harmless). Reading
 * them back together, the quick way, is here too.
 */

#include "config.h"

#include "plenary-commit.h"
#include "plenary-schedule-cache.h"
#include "plenary-store.h"

/* What the cache needs to know of @snapshot: its hashes, and the stamps of its files. */
static PlenaryScheduleCacheSource
cache_source (PlenarySnapshot    *snapshot,
              const char * const *stamps)
{
  PlenaryScheduleCacheSource source = {
    { plenary_snapshot_get_timetable_sha256 (snapshot),
      plenary_snapshot_get_event_sha256 (snapshot),
      plenary_snapshot_get_program_sha256 (snapshot) },
    stamps,
  };

  return source;
}

PlenarySchedule *
plenary_store_load_cache (const char         *dir,
                          PlenarySnapshot    *snapshot,
                          const char * const *stamps,
                          GError            **error)
{
  PlenaryScheduleCacheSource source;

  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (snapshot) && stamps != NULL, NULL);

  source = cache_source (snapshot, stamps);
  return plenary_schedule_cache_load (dir, &source, error);
}

gboolean
plenary_store_write_cache (const char       *dir,
                           PlenarySnapshot  *snapshot,
                           PlenarySchedule  *schedule,
                           GError          **error)
{
  g_auto (GStrv) stamps = NULL;
  PlenaryScheduleCacheSource source;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (snapshot), FALSE);

  stamps = plenary_snapshot_stamp_files (snapshot, dir);
  source = cache_source (snapshot, (const char * const *) stamps);
  return plenary_schedule_cache_write (dir, &source, schedule, error);
}

static gint n_pending_cache_writes;

typedef struct
{
  char            *dir;
  PlenarySnapshot *snapshot;
} CacheWrite;

static void
cache_write_free (CacheWrite *write)
{
  g_free (write->dir);
  g_object_unref (write->snapshot);
  g_free (write);
}

static void
cache_write_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CacheWrite *write = task_data;
  g_autoptr (GError) error = NULL;

  if (!plenary_store_write_cache (write->dir, write->snapshot, source_object, &error))
    g_message ("Could not write the schedule cache in %s: %s", write->dir, error->message);
  plenary_store_end_write (write->dir);
  g_atomic_int_dec_and_test (&n_pending_cache_writes);
  g_task_return_boolean (task, TRUE);
}

void
plenary_store_write_cache_in_background (const char      *dir,
                                         PlenarySnapshot *snapshot,
                                         PlenarySchedule *schedule)
{
  g_autoptr (GTask) task = NULL;
  CacheWrite *write;

  g_return_if_fail (dir != NULL);
  g_return_if_fail (PLENARY_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PLENARY_IS_SCHEDULE (schedule));

  /* Being deleted (the event was forgotten): a cache for nobody. */
  if (!plenary_store_begin_write (dir, NULL))
    return;
  task = g_task_new (schedule, NULL, NULL, NULL);
  g_task_set_source_tag (task, plenary_store_write_cache_in_background);
  write = g_new0 (CacheWrite, 1);
  write->dir = g_strdup (dir);
  write->snapshot = g_object_ref (snapshot);
  g_task_set_task_data (task, write, (GDestroyNotify) cache_write_free);
  g_atomic_int_inc (&n_pending_cache_writes);
  g_task_run_in_thread (task, cache_write_thread);
}

guint
plenary_store_get_n_pending_cache_writes (void)
{
  return g_atomic_int_get (&n_pending_cache_writes);
}

gboolean
plenary_store_commit (const char       *dir,
                      PlenarySnapshot  *snapshot,
                      PlenarySchedule  *schedule,
                      GError          **error)
{
  g_autoptr (GError) cache_error = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), FALSE);

  /* The whole commit, so that forgetting the event deletes all of it or waits for it. */
  if (!plenary_store_begin_write (dir, error))
    return FALSE;
  if (!plenary_snapshot_save (snapshot, dir, error))
    {
      plenary_store_end_write (dir);
      return FALSE;
    }
  if (!plenary_store_write_cache (dir, snapshot, schedule, &cache_error))
    g_message ("Could not write the schedule cache in %s: %s", dir, cache_error->message);
  plenary_store_end_write (dir);
  return TRUE;
}

typedef struct
{
  char            *dir;
  PlenarySnapshot *snapshot;
  PlenarySchedule *schedule;
} Commit;

static void
commit_free (Commit *commit)
{
  g_free (commit->dir);
  g_clear_object (&commit->snapshot);
  /* Freed with the task, on the main thread: the last reference when nobody kept the
   * programme (20,000 talks took it a tenth of a second). */
  plenary_schedule_unref_in_thread (commit->schedule);
  g_free (commit);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Commit *commit = task_data;
  GError *error = NULL;
  gboolean committed = plenary_store_commit (commit->dir, commit->snapshot, commit->schedule,
                                             &error);

  plenary_store_end_write (commit->dir);
  if (committed)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
plenary_store_commit_async (const char          *dir,
                            PlenarySnapshot     *snapshot,
                            PlenarySchedule     *schedule,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Commit *commit;
  GError *error = NULL;

  g_return_if_fail (dir != NULL);
  g_return_if_fail (PLENARY_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PLENARY_IS_SCHEDULE (schedule));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, plenary_store_commit_async);
  commit = g_new0 (Commit, 1);
  commit->dir = g_strdup (dir);
  commit->snapshot = g_object_ref (snapshot);
  commit->schedule = g_object_ref (schedule);
  g_task_set_task_data (task, commit, (GDestroyNotify) commit_free);
  /* Begun now, not when a worker gets to it: a deletion asked for meanwhile waits for it. */
  if (!plenary_store_begin_write (dir, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, commit_thread);
}

gboolean
plenary_store_commit_finish (GAsyncResult     *result,
                             PlenarySchedule **schedule,
                             GError          **error)
{
  Commit *commit;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plenary_store_commit_async,
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  commit = g_task_get_task_data (G_TASK (result));
  if (schedule != NULL)
    *schedule = g_object_ref (commit->schedule);
  return TRUE;
}

PlenarySchedule *
plenary_store_open_committed (const char       *dir,
                              PlenarySnapshot **snapshot)
{
  g_auto (GStrv) stamps = NULL;
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (snapshot != NULL && *snapshot == NULL, NULL);

  mapped = plenary_snapshot_open_mapped (dir, &stamps, NULL);
  if (mapped == NULL)
    return NULL;
  schedule = plenary_store_load_cache (dir, mapped, (const char * const *) stamps, &error);
  if (schedule == NULL)
    {
      if (!g_error_matches (error, PLENARY_SCHEDULE_CACHE_ERROR,
                            PLENARY_SCHEDULE_CACHE_ERROR_MISSING))
        g_message ("Rebuilding the schedule cache of %s: %s", dir, error->message);
      return NULL;
    }
  *snapshot = g_steal_pointer (&mapped);
  return schedule;
}
