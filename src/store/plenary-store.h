/* plenary-store.h: where Plenary keeps its files, and how it writes them
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PLENARY_STORE_ERROR (plenary_store_error_quark ())

typedef enum
{
  PLENARY_STORE_ERROR_CORRUPT,       /* a file on disk could not be read; it was moved aside */
  PLENARY_STORE_ERROR_NO_SNAPSHOT,   /* nothing stored yet */
} PlenaryStoreError;

GQuark      plenary_store_error_quark     (void);

/* $XDG_DATA_HOME/plenary */
char       *plenary_store_get_data_dir    (void);
/* $XDG_DATA_HOME/plenary/events.json */
char       *plenary_store_get_events_file (void);
/* $XDG_DATA_HOME/plenary/events/<host[_port][_prefix]>/<event-id> */
char       *plenary_store_get_event_dir   (const char    *server_base,
                                           const char    *event_id);

/* The rule for every write below (DESIGN.md: no blocking disk I/O on the main thread): call
 * them from a worker thread (plenary_store_write_file_in_thread(), g_task_run_in_thread()).
 * A write made from a callback of the default main context, on the thread that runs the
 * windows, is reported with a critical, so that a test fails (G_DEBUG=fatal-criticals); the
 * file is written all the same. Code that runs outside the main loop may write directly: a
 * test's own body, the command line (--export-ics) before the loop starts. */

/* Replaces @path atomically and durably: a temporary file in the same directory, fsync,
 * rename. On failure (a full disk…) the old file is left as it was. Blocking. */
gboolean    plenary_store_write_file      (const char    *path,
                                           const char    *contents,
                                           gsize          length,
                                           GError       **error);
gboolean    plenary_store_write_json      (const char    *path,
                                           JsonNode      *node,
                                           GError       **error);

/* Loads a JSON file. A missing file gives NULL with no error. A file that is not JSON, or
 * whose root is not an object, is renamed to "<path>.corrupt-<timestamp>", a translated
 * message saying so is appended to @warnings (may be NULL), and NULL is returned with
 * PLENARY_STORE_ERROR_CORRUPT. Blocking. */
JsonNode   *plenary_store_load_json       (const char    *path,
                                           GPtrArray     *warnings,
                                           GError       **error);

/* Whether @data is a JSON object within PLENARY_JSON_MAX_SIZE and PLENARY_JSON_MAX_DEPTH:
 * call it before handing bytes to json-glib, which recurses once per level. */
gboolean    plenary_store_check_json      (const char    *data,
                                           gsize          length,
                                           GError       **error);
/* g_file_get_contents(), refusing files over PLENARY_JSON_MAX_SIZE
 * (PLENARY_JSON_ERROR_TOO_LARGE) without reading them. */
gboolean    plenary_store_read_small_file (const char    *path,
                                           char         **contents,
                                           gsize         *length,
                                           GError       **error);

/* What the parser allows a title: text from a file Plenary wrote (a title remembered in
 * user.json or events.json) can have been edited, so it is held to the same: at most
 * PLENARY_STORE_MAX_TITLE_CHARS characters (the last an ellipsis), no bidi controls.
 * Valid UTF-8 in; NULL for NULL. */
#define PLENARY_STORE_MAX_TITLE_CHARS 300
char       *plenary_store_dup_display_text (const char   *text);

/* Renames @path to "<path>.corrupt-<timestamp>"; returns the new name. */
char       *plenary_store_move_aside      (const char    *path,
                                           GError       **error);

/* Fault injection, for tests only: the next writes of files named @basename fail. */
typedef enum
{
  PLENARY_STORE_FAULT_NONE,
  PLENARY_STORE_FAULT_NO_SPACE,      /* writing the temporary file fails with ENOSPC */
  PLENARY_STORE_FAULT_BEFORE_RENAME, /* the process "dies" after the temporary file is written */
  PLENARY_STORE_FAULT_STALL,         /* the write waits, before it creates anything, until
                                      * another fault is set */
} PlenaryStoreFault;

void        plenary_store_set_fault       (PlenaryStoreFault  fault,
                                           const char        *basename);

/* Internal to the store: writes a durable temporary file beside @path; returns its name. */
char       *plenary_store_write_temp      (const char    *path,
                                           const char    *contents,
                                           gsize          length,
                                           GError       **error);
gboolean    plenary_store_commit_temp     (const char    *temp_path,
                                           const char    *path,
                                           GError       **error);
void        plenary_store_sync_dir        (const char    *dir);
void        plenary_store_remove_stale_temps (const char *dir);

/* A write into @dir, or below it, that a deletion of @dir must not race with: between these
 * two, plenary_store_delete_dir() waits. FALSE (G_IO_ERROR_NOT_FOUND) while @dir is being
 * deleted: then write nothing there. Any thread. */
gboolean    plenary_store_begin_write     (const char    *dir,
                                           GError       **error);
void        plenary_store_end_write       (const char    *dir);
/* Deletes @dir and everything in it, once the writes begun in it have ended; none begins
 * there meanwhile. Blocking: for a worker thread. */
void        plenary_store_delete_dir      (const char    *dir);

/* Runs plenary_store_write_file() for @task in a worker thread and returns its result as a
 * boolean on @task. Takes @contents. The write is begun in @path's folder at once
 * (plenary_store_begin_write()). */
void        plenary_store_write_file_in_thread (GTask      *task,
                                                const char *path,
                                                char       *contents,
                                                gsize       length);

G_END_DECLS
