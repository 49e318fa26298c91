/* plenary-schedule-cache.h: the parsed schedule of a snapshot, stored for a quick start-up
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/plenary-schedule.h"
#include "plenary-snapshot.h"

G_BEGIN_DECLS

/* The file in an event's directory, beside the snapshot it is derived from. */
#define PLENARY_SCHEDULE_CACHE_FILE "schedule.cache"

#define PLENARY_SCHEDULE_CACHE_ERROR (plenary_schedule_cache_error_quark ())

typedef enum
{
  PLENARY_SCHEDULE_CACHE_ERROR_MISSING,
  PLENARY_SCHEDULE_CACHE_ERROR_VERSION,  /* written by another format version */
  PLENARY_SCHEDULE_CACHE_ERROR_STALE,    /* of other JSON than @snapshot's */
  PLENARY_SCHEDULE_CACHE_ERROR_CORRUPT,
} PlenaryScheduleCacheError;

GQuark           plenary_schedule_cache_error_quark (void);

/* The schedule stored in @dir for @snapshot, whose parts' current file stamps are @stamps
 * (see plenary_snapshot_open_mapped()); NULL with an error when the cache is missing, of
 * another version, stale or damaged. Never trusts the file: every index is checked.
 * With @snapshot and @stamps NULL, the cache is read whatever it was built from: the last
 * resort when the stored exports are damaged. Blocking, thread-safe. */
PlenarySchedule *plenary_schedule_cache_load        (const char       *dir,
                                                     PlenarySnapshot  *snapshot,
                                                     const char *const *stamps,
                                                     GError          **error);
/* The bytes of the cache of @schedule, parsed from @snapshot. */
GBytes          *plenary_schedule_cache_serialize   (PlenarySchedule  *schedule,
                                                     PlenarySnapshot  *snapshot,
                                                     const char *const *stamps);
/* Writes the cache of @schedule, parsed from @snapshot (the current one of @dir), atomically.
 * Does nothing when @dir holds no snapshot any more (the event was removed). Blocking. */
gboolean         plenary_schedule_cache_write       (const char       *dir,
                                                     PlenarySnapshot  *snapshot,
                                                     PlenarySchedule  *schedule,
                                                     GError          **error);
/* The same in a worker thread; a failure (a full disk) is only logged: it is a cache. For a
 * schedule parsed from the snapshot already current in @dir (a start that found no usable
 * cache); a new snapshot is stored with its cache by plenary_store_commit_async(). */
void             plenary_schedule_cache_write_in_background (const char      *dir,
                                                             PlenarySnapshot *snapshot,
                                                             PlenarySchedule *schedule);
/* For tests: how many background writes have not finished yet. */
guint            plenary_schedule_cache_get_n_pending (void);

G_END_DECLS
