/* plenary-user-data.h: stars, notes and actual times the user keeps for one event
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_USER_DATA (plenary_user_data_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryUserData, plenary_user_data, PLENARY, USER_DATA, GObject)

/* Keys are plenary_entry_get_user_key(): the contribution id for talks, the entry id
 * otherwise, so they survive re-syncs. Changes are saved to @path (user.json) after
 * "save-delay" milliseconds without further changes, atomically, in a worker thread. */
PlenaryUserData *plenary_user_data_new             (const char          *path);
const char      *plenary_user_data_get_path        (PlenaryUserData     *self);

/* Loads @path in a worker thread, replacing what is in memory. A missing file is an empty
 * set; a damaged one is moved aside and reported as PLENARY_STORE_ERROR_CORRUPT (the object
 * is then empty and usable). "changed" (key NULL) follows unless it was empty before and
 * after. */
void             plenary_user_data_load_async      (PlenaryUserData     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         plenary_user_data_load_finish     (PlenaryUserData     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Writes pending changes now (e.g. on quit). Completes at once when nothing is pending. */
void             plenary_user_data_save_async      (PlenaryUserData     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         plenary_user_data_save_finish     (PlenaryUserData     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gboolean         plenary_user_data_get_dirty       (PlenaryUserData     *self);
/* Its event is forgotten and its folder deleted: the changes not written yet are dropped and
 * nothing more is written (a write under way ends; the deletion waits for it). */
void             plenary_user_data_discard         (PlenaryUserData     *self);

gboolean         plenary_user_data_get_starred     (PlenaryUserData     *self,
                                                    const char          *key);
void             plenary_user_data_set_starred     (PlenaryUserData     *self,
                                                    const char          *key,
                                                    gboolean             starred);
/* The title a starred entry had when last seen (plenary_user_data_remember_title()), so that
 * it can be named after it left the programme; NULL when unknown or not starred. */
const char      *plenary_user_data_get_title       (PlenaryUserData     *self,
                                                    const char          *key);
/* Keeps @title for @key if it is starred (else does nothing); saved with the rest. */
void             plenary_user_data_remember_title  (PlenaryUserData     *self,
                                                    const char          *key,
                                                    const char          *title);
/* Whether a sync changed @key since it was last opened (the "Changed" badge). */
gboolean         plenary_user_data_get_changed     (PlenaryUserData     *self,
                                                    const char          *key);
/* Marks every user key in the set @keys as changed by a sync; "changed" is emitted once,
 * with a NULL key. */
void             plenary_user_data_mark_changed    (PlenaryUserData     *self,
                                                    GHashTable          *keys);
/* @key was opened: its changes are seen. */
void             plenary_user_data_clear_changed   (PlenaryUserData     *self,
                                                    const char          *key);
/* The keys of all starred entries, sorted. */
GStrv            plenary_user_data_dup_starred     (PlenaryUserData     *self);
const char      *plenary_user_data_get_note        (PlenaryUserData     *self,
                                                    const char          *key);
/* NULL or "" removes the note. */
void             plenary_user_data_set_note        (PlenaryUserData     *self,
                                                    const char          *key,
                                                    const char          *note);
GDateTime       *plenary_user_data_get_actual_start (PlenaryUserData    *self,
                                                    const char          *key);
GDateTime       *plenary_user_data_get_actual_end  (PlenaryUserData     *self,
                                                    const char          *key);
/* NULL clears either. */
void             plenary_user_data_set_actual_times (PlenaryUserData    *self,
                                                    const char          *key,
                                                    GDateTime           *start,
                                                    GDateTime           *end);

/* Star sync with the user's Indico account: the set of keys starred there at the last good
 * sync (the merge's base), kept in user.json. A star that differs from it is a change not
 * sent yet. Setting it emits no "changed". */
GHashTable      *plenary_user_data_dup_remote_starred   (PlenaryUserData *self);
void             plenary_user_data_set_remote_starred   (PlenaryUserData *self,
                                                         const char      *key,
                                                         gboolean         remote);

G_END_DECLS
