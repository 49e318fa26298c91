/* plenary-snapshot.h: the raw responses of one successful sync, as stored on disk
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_SNAPSHOT (plenary_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (PlenarySnapshot, plenary_snapshot, PLENARY, SNAPSHOT, GObject)

/* Immutable. @program may be NULL (servers before Indico 3.3.9); @fetched_at NULL = now. */
PlenarySnapshot *plenary_snapshot_new            (GBytes           *timetable,
                                                  GBytes           *event,
                                                  GBytes           *program,
                                                  GDateTime        *fetched_at);

GBytes          *plenary_snapshot_get_timetable  (PlenarySnapshot  *self);
GBytes          *plenary_snapshot_get_event      (PlenarySnapshot  *self);
GBytes          *plenary_snapshot_get_program    (PlenarySnapshot  *self);
/* Hex SHA-256 of each part; NULL for a missing program. */
const char      *plenary_snapshot_get_timetable_sha256 (PlenarySnapshot *self);
const char      *plenary_snapshot_get_event_sha256     (PlenarySnapshot *self);
const char      *plenary_snapshot_get_program_sha256   (PlenarySnapshot *self);
GDateTime       *plenary_snapshot_get_fetched_at (PlenarySnapshot  *self);
/* The envelope's "ts" of the timetable export (when the server generated it), or -1: the
 * one given or stored, else read from the timetable (plenary_indico_timetable_ts(), a
 * parse of the whole export). */
gint64           plenary_snapshot_get_ts         (PlenarySnapshot  *self);
/* Gives a new snapshot the "ts" a parse of its timetable read
 * (PlenaryIndicoParseFacts), so that storing it parses nothing again. Only once,
 * and only before the snapshot is shared with another thread: it is then immutable. */
void             plenary_snapshot_set_ts         (PlenarySnapshot  *self,
                                                  gint64            ts);

/* Whether every part has the same SHA-256 (so nothing changed on the server). */
gboolean         plenary_snapshot_same_bodies    (PlenarySnapshot  *self,
                                                  PlenarySnapshot  *other);

/* Loads the snapshot in @dir (as written by plenary_snapshot_save()); checks every part
 * against meta.json, and falls back to the previous snapshot when the current one is
 * damaged or half-written. Damaged files are moved aside and described in @warnings.
 * PLENARY_STORE_ERROR_NO_SNAPSHOT when there is none. Blocking. */
PlenarySnapshot *plenary_snapshot_load           (const char       *dir,
                                                  GPtrArray        *warnings,
                                                  GError          **error);
/* Writes @self as the current snapshot of @dir, keeping the one it replaces in
 * @dir/previous/. Parts first, meta.json last, each atomically: a failure at any point
 * leaves a loadable snapshot. Blocking. A new programme is stored with the schedule parsed
 * from it by plenary_store_commit_async() (plenary-commit.h), which calls this. */
gboolean         plenary_snapshot_save           (PlenarySnapshot  *self,
                                                  const char       *dir,
                                                  GError          **error);
/* Writes @self's parts under temporary names in @dir, durable, so that a later
 * plenary_snapshot_save() in @dir only renames them: a worker can write them while the parse
 * runs on the other core. A failure costs only the head start (the save writes them then).
 * Once per snapshot; blocking. */
void             plenary_snapshot_stage          (PlenarySnapshot  *self,
                                                  const char       *dir);
/* Whether parts staged by plenary_snapshot_stage() are still waiting for a save. */
gboolean         plenary_snapshot_has_staged     (PlenarySnapshot  *self);
/* Deletes the staged parts no save took (the programme was held aside, or the sync failed or
 * was cancelled). Blocking. */
void             plenary_snapshot_unstage        (PlenarySnapshot  *self);
/* Moves the current snapshot's files aside (*.corrupt-<timestamp>), e.g. when it does not
 * parse, so that the next load finds the previous one. Blocking. */
void             plenary_snapshot_discard_current (const char      *dir);

/* Reads meta.json of @dir and maps the parts it lists without reading or hashing them, for
 * a caller that vouches for them otherwise: @stamps (out, nullable) gets a
 * "device:inode:size:mtime" string per part (timetable, event, program; "" when none), to
 * compare with plenary_snapshot_stamp_files() taken when the parts were last verified. */
PlenarySnapshot *plenary_snapshot_open_mapped    (const char       *dir,
                                                  GStrv            *stamps,
                                                  GError          **error);
/* The same stamps for the part files of @self now in @dir. */
GStrv            plenary_snapshot_stamp_files    (PlenarySnapshot  *self,
                                                  const char       *dir);

/* The same in a worker thread. */
void             plenary_snapshot_load_async     (const char          *dir,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* @warnings: (out) (transfer full) (nullable): a GPtrArray of strings. */
PlenarySnapshot *plenary_snapshot_load_finish    (GAsyncResult        *result,
                                                  GPtrArray          **warnings,
                                                  GError             **error);
/* plenary_snapshot_discard_current(), then the load, in a worker thread: the retry when the
 * current snapshot does not parse. Finish with plenary_snapshot_load_finish(). */
void             plenary_snapshot_discard_and_load_async (const char          *dir,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);

G_END_DECLS
