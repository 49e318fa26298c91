/* plenary-schedule-cache.h: the parsed schedule of a snapshot, stored for a quick start-up
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/plenary-schedule.h"

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

/* What a cache is built from and checked against: the SHA-256 of each stored export
 * (timetable, event, program; NULL or "" for one not stored) and the stamps of those files
 * now (see plenary_snapshot_stamp_files()). The cache does not know the snapshot: the
 * commit layer (plenary-commit.h) describes one this way. */
typedef struct
{
  const char        *sha256[3];
  const char *const *stamps;
} PlenaryScheduleCacheSource;

/* The schedule stored in @dir for @source; NULL with an error when the cache is missing, of
 * another version, stale or damaged. Never trusts the file: every index is checked.
 * With @source NULL, the cache is read whatever it was built from: the last resort when the
 * stored exports are damaged. Blocking, thread-safe. */
PlenarySchedule *plenary_schedule_cache_load      (const char                       *dir,
                                                   const PlenaryScheduleCacheSource *source,
                                                   GError                          **error);
/* The bytes of the cache of @schedule, parsed from @source. */
GBytes          *plenary_schedule_cache_serialize (PlenarySchedule                  *schedule,
                                                   const PlenaryScheduleCacheSource *source);
/* Writes the cache of @schedule, parsed from @source (the current snapshot of @dir),
 * atomically. Does nothing when @dir holds no snapshot any more (the event was removed).
 * Blocking. */
gboolean         plenary_schedule_cache_write     (const char                       *dir,
                                                   const PlenaryScheduleCacheSource *source,
                                                   PlenarySchedule                  *schedule,
                                                   GError                          **error);

G_END_DECLS
