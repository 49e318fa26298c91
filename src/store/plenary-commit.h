/* plenary-commit.h: a new programme stored, its snapshot and the schedule parsed from it
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/plenary-schedule.h"
#include "plenary-snapshot.h"

G_BEGIN_DECLS

/* Makes @snapshot the current programme of @dir (plenary_snapshot_save(): the one it replaces
 * is kept in previous/) and then stores @schedule, parsed from it, as its schedule cache, so
 * that the directory is complete when the commit reports. Only the snapshot can fail the
 * commit: the cache is derived from it, and not writing it (a full disk) is only logged.
 * The commit is one write in @dir (plenary_store_begin_write()): a deletion of @dir waits for
 * it, and it fails, writing nothing, while @dir is being deleted. Blocking: for a worker
 * thread. */
gboolean plenary_store_commit        (const char          *dir,
                                      PlenarySnapshot     *snapshot,
                                      PlenarySchedule     *schedule,
                                      GError             **error);
/* The same in a worker thread, begun in @dir at once. Not cancellable: once begun, a commit
 * runs to the end, since half a commit helps nobody. */
void     plenary_store_commit_async  (const char          *dir,
                                      PlenarySnapshot     *snapshot,
                                      PlenarySchedule     *schedule,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* @schedule: (out) (optional) (transfer full): the schedule committed, to be shown. */
gboolean plenary_store_commit_finish (GAsyncResult        *result,
                                      PlenarySchedule    **schedule,
                                      GError             **error);

/* What the last commit stored in @dir, read back the quick way: the snapshot's parts mapped
 * (neither read nor hashed) into @snapshot, and the schedule from its cache, checked against
 * them. NULL, @snapshot left alone, when there is no usable cache (why is logged, unless it
 * is only missing): the caller then loads and parses the snapshot. Blocking. */
PlenarySchedule *plenary_store_open_committed (const char       *dir,
                                               PlenarySnapshot **snapshot);

/* The schedule cache of @snapshot's directory @dir, written (plenary_schedule_cache_write())
 * for @schedule, parsed from @snapshot. Blocking. */
gboolean         plenary_store_write_cache    (const char       *dir,
                                               PlenarySnapshot  *snapshot,
                                               PlenarySchedule  *schedule,
                                               GError          **error);
/* The same in a worker thread; a failure (a full disk) is only logged: it is a cache. For a
 * schedule parsed from the snapshot already current in @dir (a start that found no usable
 * cache); a new snapshot is stored with its cache by plenary_store_commit_async(). */
void             plenary_store_write_cache_in_background (const char      *dir,
                                                          PlenarySnapshot *snapshot,
                                                          PlenarySchedule *schedule);
/* For tests: how many background cache writes have not finished yet. */
guint            plenary_store_get_n_pending_cache_writes (void);
/* The cache of @dir if it was built from @snapshot, whose files' stamps are @stamps (as
 * plenary_snapshot_open_mapped() gives them). Blocking. */
PlenarySchedule *plenary_store_load_cache     (const char         *dir,
                                               PlenarySnapshot    *snapshot,
                                               const char * const *stamps,
                                               GError            **error);

G_END_DECLS
