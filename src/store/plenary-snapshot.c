/* plenary-snapshot.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On disk, one event's directory holds timetable.json, event.json, program.json (optional)
 * and meta.json, which records the SHA-256 of each part and is written last: it is the
 * commit record. A part that does not match meta.json means an update was interrupted, and
 * the previous snapshot (previous/) is used instead.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "indico/plenary-indico-client.h"
#include "indico/plenary-indico-parser.h"
#include "plenary-snapshot.h"
#include "plenary-store.h"

#define META_VERSION 1

struct _PlenarySnapshot
{
  GObject    parent_instance;

  GBytes    *parts[3];
  char      *sha256[3];
  GDateTime *fetched_at;
  gint64     ts;

  /* Parts written ahead of a save (plenary_snapshot_stage()): temporary files in staged_dir
   * that the save renames. The only state that changes once the snapshot is shared. */
  GMutex     staged_lock;
  char      *staged_dir;
  char      *staged[3];
};

G_DEFINE_FINAL_TYPE (PlenarySnapshot, plenary_snapshot, G_TYPE_OBJECT)

/* The parts are the Indico client's endpoints, stored under the client's file names. */
enum {
  PART_TIMETABLE = PLENARY_INDICO_PART_TIMETABLE,
  PART_EVENT = PLENARY_INDICO_PART_EVENT,
  PART_PROGRAM = PLENARY_INDICO_PART_PROGRAM,
  N_PARTS = PLENARY_INDICO_N_PARTS
};

static const char *part_names[N_PARTS] = { "timetable", "event", "program" };
static const char *part_files[N_PARTS] = {
  PLENARY_INDICO_TIMETABLE_FILE, PLENARY_INDICO_EVENT_FILE, PLENARY_INDICO_PROGRAM_FILE
};

/* SHA-256 in lower-case hex, as g_compute_checksum_for_data() writes it, but with Nettle's
 * compression function (SHA-NI where the CPU has it): hashing the 88 MB of 20,000 talks took
 * GLib's a quarter of a second, on the critical path of a look-up while the parse runs. */
static char *
sha256_hex (const void *data,
            gsize       length)
{
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *text = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&context);
  sha256_update (&context, length, data);
  sha256_digest (&context, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      text[2 * i] = hex[digest[i] >> 4];
      text[2 * i + 1] = hex[digest[i] & 0xf];
    }
  text[2 * SHA256_DIGEST_SIZE] = '\0';
  return text;
}

static void
plenary_snapshot_finalize (GObject *object)
{
  PlenarySnapshot *self = (PlenarySnapshot *) object;

  /* Who stages also unstages, in a worker (the sync does); this only keeps a leak off disk. */
  plenary_snapshot_unstage (self);
  g_mutex_clear (&self->staged_lock);

  for (guint i = 0; i < N_PARTS; i++)
    {
      g_clear_pointer (&self->parts[i], g_bytes_unref);
      g_clear_pointer (&self->sha256[i], g_free);
    }
  g_clear_pointer (&self->fetched_at, g_date_time_unref);

  G_OBJECT_CLASS (plenary_snapshot_parent_class)->finalize (object);
}

static void
plenary_snapshot_class_init (PlenarySnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_snapshot_finalize;
}

static void
plenary_snapshot_init (PlenarySnapshot *self)
{
  self->ts = -1;
  g_mutex_init (&self->staged_lock);
}

/* @sha256: the parts' hashes when the caller has them already (a load verified them), taken;
 * NULL to compute them. */
static PlenarySnapshot *
snapshot_new_full (GBytes    *parts[N_PARTS],
                   char      *sha256[N_PARTS],
                   GDateTime *fetched_at,
                   gint64     ts)
{
  PlenarySnapshot *self = g_object_new (PLENARY_TYPE_SNAPSHOT, NULL);

  for (guint i = 0; i < N_PARTS; i++)
    {
      if (parts[i] == NULL)
        continue;
      self->parts[i] = g_bytes_ref (parts[i]);
      self->sha256[i] = sha256 != NULL && sha256[i] != NULL
                          ? g_steal_pointer (&sha256[i])
                          : sha256_hex (g_bytes_get_data (parts[i], NULL),
                                        g_bytes_get_size (parts[i]));
    }
  self->fetched_at = fetched_at != NULL ? g_date_time_ref (fetched_at)
                                        : g_date_time_new_now_utc ();
  self->ts = ts;
  return self;
}

PlenarySnapshot *
plenary_snapshot_new (GBytes    *timetable,
                      GBytes    *event,
                      GBytes    *program,
                      GDateTime *fetched_at)
{
  GBytes *parts[N_PARTS] = { timetable, event, program };

  g_return_val_if_fail (timetable != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  return snapshot_new_full (parts, NULL, fetched_at, -1);
}

GBytes *
plenary_snapshot_get_timetable (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  return self->parts[PART_TIMETABLE];
}

GBytes *
plenary_snapshot_get_event (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  return self->parts[PART_EVENT];
}

GBytes *
plenary_snapshot_get_program (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  return self->parts[PART_PROGRAM];
}

const char *
plenary_snapshot_get_timetable_sha256 (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  return self->sha256[PART_TIMETABLE];
}

const char *
plenary_snapshot_get_event_sha256 (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  return self->sha256[PART_EVENT];
}

const char *
plenary_snapshot_get_program_sha256 (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  return self->sha256[PART_PROGRAM];
}

GDateTime *
plenary_snapshot_get_fetched_at (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  return self->fetched_at;
}

gint64
plenary_snapshot_get_ts (PlenarySnapshot *self)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), -1);
  /* Not cached: snapshots are shared with worker threads and must stay immutable. */
  if (self->ts < 0 && self->parts[PART_TIMETABLE] != NULL)
    return plenary_indico_timetable_ts (self->parts[PART_TIMETABLE]);
  return self->ts;
}

void
plenary_snapshot_set_ts (PlenarySnapshot *self,
                         gint64           ts)
{
  g_return_if_fail (PLENARY_IS_SNAPSHOT (self));
  g_return_if_fail (self->ts < 0);
  self->ts = ts;
}

gboolean
plenary_snapshot_same_bodies (PlenarySnapshot *self,
                              PlenarySnapshot *other)
{
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (other), FALSE);

  for (guint i = 0; i < N_PARTS; i++)
    if (g_strcmp0 (self->sha256[i], other->sha256[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Loading */

static JsonObject *
object_member (JsonObject *object,
               const char *name,
               gpointer    unused)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
add_warning (GPtrArray  *warnings,
             const char *message)
{
  if (warnings != NULL)
    g_ptr_array_add (warnings, g_strdup (message));
}

static PlenarySnapshot *
load_one (const char  *dir,
          GPtrArray   *warnings,
          GError     **error)
{
  g_autofree char *meta_path = g_build_filename (dir, "meta.json", NULL);
  g_autoptr (JsonNode) meta = NULL;
  GBytes *parts[N_PARTS] = { NULL, };
  char *hashes[N_PARTS] = { NULL, };
  PlenarySnapshot *snapshot = NULL;
  g_autoptr (GDateTime) fetched_at = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonObject *object;
  JsonObject *parts_object;
  const char *fetched;

  meta = plenary_store_load_json (meta_path, warnings, &local_error);
  if (meta == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_NO_SNAPSHOT,
                             _("No programme has been downloaded for this event yet"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  object = json_node_get_object (meta);
  parts_object = object_member (object, "parts", NULL);
  if (parts_object == NULL)
    goto damaged;

  for (guint i = 0; i < N_PARTS; i++)
    {
      JsonObject *part = object_member (parts_object,
                                                                     part_names[i], NULL);
      g_autofree char *path = g_build_filename (dir, part_files[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sha256 = NULL;
      const char *expected;
      gsize length;

      if (part == NULL)
        {
          /* Only the programme page is optional. */
          if (i != PART_PROGRAM)
            goto damaged;
          continue;
        }
      expected = json_object_get_string_member_with_default (part, "sha256", NULL);
      if (expected == NULL || !g_file_get_contents (path, &contents, &length, NULL))
        goto damaged;
      sha256 = sha256_hex (contents, length);
      if (g_ascii_strcasecmp (sha256, expected) != 0)
        goto damaged;
      parts[i] = g_bytes_new_take (g_steal_pointer (&contents), length);
      hashes[i] = g_steal_pointer (&sha256);
    }

  fetched = json_object_get_string_member_with_default (object, "fetched-at", NULL);
  if (fetched != NULL)
    fetched_at = g_date_time_new_from_iso8601 (fetched, NULL);

  /* Verified just now: the snapshot keeps these hashes rather than hashing the parts again
   * (97 MB at 20,000 talks, a third of a second). */
  snapshot = snapshot_new_full (parts, hashes, fetched_at,
                                json_object_get_int_member_with_default (object, "ts", -1));
  goto out;

damaged:
  g_set_error_literal (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_CORRUPT,
                       _("The stored programme is incomplete"));
out:
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_clear_pointer (&parts[i], g_bytes_unref);
      g_free (hashes[i]);
    }
  return snapshot;
}

PlenarySnapshot *
plenary_snapshot_load (const char  *dir,
                       GPtrArray   *warnings,
                       GError     **error)
{
  g_autofree char *previous_dir = g_build_filename (dir, "previous", NULL);
  g_autoptr (GError) current_error = NULL;
  g_autoptr (GError) previous_error = NULL;
  PlenarySnapshot *snapshot;

  g_return_val_if_fail (dir != NULL, NULL);

  /* Leftovers of a write that never reached its rename. */
  plenary_store_remove_stale_temps (dir);
  plenary_store_remove_stale_temps (previous_dir);

  snapshot = load_one (dir, warnings, &current_error);
  if (snapshot != NULL)
    return snapshot;

  snapshot = load_one (previous_dir, warnings, &previous_error);
  if (snapshot != NULL)
    {
      g_message ("Using the previous snapshot in %s: %s", dir, current_error->message);
      add_warning (warnings, _("The last download of this event was interrupted or damaged; "
                               "showing the copy before it"));
      return snapshot;
    }

  if (g_error_matches (current_error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_NO_SNAPSHOT)
      && !g_error_matches (previous_error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_NO_SNAPSHOT))
    g_propagate_error (error, g_steal_pointer (&previous_error));
  else
    g_propagate_error (error, g_steal_pointer (&current_error));
  return NULL;
}

void
plenary_snapshot_discard_current (const char *dir)
{
  static const char *files[] = { "meta.json", PLENARY_INDICO_TIMETABLE_FILE,
                                 PLENARY_INDICO_EVENT_FILE, PLENARY_INDICO_PROGRAM_FILE };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_free (plenary_store_move_aside (path, NULL));
    }
}

static char *
stamp_from_stat (const struct stat *st)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT
                          ":%" G_GINT64_FORMAT ".%09ld",
                          (guint64) st->st_dev, (guint64) st->st_ino, (gint64) st->st_size,
                          (gint64) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec);
}

GStrv
plenary_snapshot_stamp_files (PlenarySnapshot *self,
                              const char      *dir)
{
  GStrv stamps = g_new0 (char *, N_PARTS + 1);

  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  /* Only the parts @self has, as plenary_snapshot_open_mapped() sees them: a stray file
   * (a program.json no meta.json lists) must not make every stamp differ. */
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autofree char *path = g_build_filename (dir, part_files[i], NULL);
      struct stat st;

      if (self->parts[i] != NULL && g_stat (path, &st) == 0)
        stamps[i] = stamp_from_stat (&st);
      else
        stamps[i] = g_strdup ("");
    }
  return stamps;
}

PlenarySnapshot *
plenary_snapshot_open_mapped (const char  *dir,
                              GStrv       *stamps,
                              GError     **error)
{
  g_autofree char *meta_path = NULL;
  g_autoptr (JsonParser) parser = NULL;
  g_autofree char *meta_text = NULL;
  gsize meta_length;
  g_auto (GStrv) found_stamps = NULL;
  JsonNode *meta;
  PlenarySnapshot *self;
  JsonObject *object;
  JsonObject *parts_object;
  const char *fetched;

  g_return_val_if_fail (dir != NULL, NULL);

  plenary_store_remove_stale_temps (dir);
  /* Read without side effects: a damaged meta.json is for plenary_snapshot_load() to set
   * aside and report. */
  meta_path = g_build_filename (dir, "meta.json", NULL);
  if (!plenary_store_read_small_file (meta_path, &meta_text, &meta_length, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!plenary_store_check_json (meta_text, meta_length, NULL)
      || !json_parser_load_from_data (parser, meta_text, meta_length, NULL))
    goto damaged;
  meta = json_parser_get_root (parser);
  if (meta == NULL || !JSON_NODE_HOLDS_OBJECT (meta))
    goto damaged;
  object = json_node_get_object (meta);
  parts_object = object_member (object, "parts", NULL);
  if (parts_object == NULL)
    goto damaged;

  self = g_object_new (PLENARY_TYPE_SNAPSHOT, NULL);
  found_stamps = g_new0 (char *, N_PARTS + 1);
  for (guint i = 0; i < N_PARTS; i++)
    {
      JsonObject *part = object_member (parts_object, part_names[i], NULL);
      g_autofree char *path = g_build_filename (dir, part_files[i], NULL);
      g_autoptr (GMappedFile) mapped = NULL;
      const char *sha256;
      struct stat st;
      int fd;

      found_stamps[i] = g_strdup ("");
      if (part == NULL)
        {
          if (i != PART_PROGRAM)
            goto damaged_self;
          continue;
        }
      sha256 = json_object_get_string_member_with_default (part, "sha256", NULL);
      if (sha256 == NULL)
        goto damaged_self;

      /* Mapped, not read: the pages are only touched if someone reads the bytes (a sync
       * diffing them, a fallback parse), so the programme costs no memory at start-up. */
      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        goto damaged_self;
      if (fstat (fd, &st) != 0
          || st.st_size != json_object_get_int_member_with_default (part, "size", -1))
        {
          close (fd);
          goto damaged_self;
        }
      mapped = g_mapped_file_new_from_fd (fd, FALSE, NULL);
      close (fd);
      if (mapped == NULL)
        goto damaged_self;
      g_free (found_stamps[i]);
      found_stamps[i] = stamp_from_stat (&st);
      self->parts[i] = g_mapped_file_get_bytes (mapped);
      self->sha256[i] = g_ascii_strdown (sha256, -1);
    }

  fetched = json_object_get_string_member_with_default (object, "fetched-at", NULL);
  if (fetched != NULL)
    self->fetched_at = g_date_time_new_from_iso8601 (fetched, NULL);
  if (self->fetched_at == NULL)
    self->fetched_at = g_date_time_new_now_utc ();
  self->ts = json_object_get_int_member_with_default (object, "ts", -1);
  if (stamps != NULL)
    *stamps = g_steal_pointer (&found_stamps);
  return self;

damaged_self:
  g_object_unref (self);
damaged:
  g_set_error_literal (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_CORRUPT,
                       _("The stored programme is incomplete"));
  return NULL;
}

/* Saving */

/* Keeps @name as previous/@name: a hard link leaves the current file in place until the
 * new one replaces it, so there is no moment without a current file. */
static gboolean
keep_previous (const char  *dir,
               const char  *previous_dir,
               const char  *name,
               GError     **error)
{
  g_autofree char *current = g_build_filename (dir, name, NULL);
  g_autofree char *kept = g_build_filename (previous_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_test (current, G_FILE_TEST_EXISTS))
    {
      if (g_unlink (kept) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  {
    g_autofree char *link_path = g_strdup_printf ("%s.link", kept);

    g_unlink (link_path);
    if (link (current, link_path) == 0)
      {
        if (g_rename (link_path, kept) == 0)
          return TRUE;
        g_unlink (link_path);
      }
  }

  /* File systems without hard links: copy. */
  if (!g_file_get_contents (current, &contents, &length, error))
    return FALSE;
  return plenary_store_write_file (kept, contents, length, error);
}

static JsonNode *
build_meta (PlenarySnapshot *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *fetched = g_date_time_format_iso8601 (self->fetched_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, META_VERSION);
  json_builder_set_member_name (builder, "fetched-at");
  json_builder_add_string_value (builder, fetched);
  json_builder_set_member_name (builder, "ts");
  json_builder_add_int_value (builder, plenary_snapshot_get_ts (self));
  json_builder_set_member_name (builder, "parts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < N_PARTS; i++)
    {
      if (self->parts[i] == NULL)
        continue;
      json_builder_set_member_name (builder, part_names[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, self->sha256[i]);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, g_bytes_get_size (self->parts[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Writes each part of @self that @temps has no file for yet under a temporary name in @dir,
 * durable; FALSE at the first that fails. */
static gboolean
write_part_temps (PlenarySnapshot  *self,
                  const char       *dir,
                  char             *temps[N_PARTS],
                  GError          **error)
{
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autofree char *path = NULL;
      gsize length;
      const char *data;

      if (self->parts[i] == NULL || temps[i] != NULL)
        continue;
      path = g_build_filename (dir, part_files[i], NULL);
      data = g_bytes_get_data (self->parts[i], &length);
      temps[i] = plenary_store_write_temp (path, data, length, error);
      if (temps[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Deletes the temporary files named in @temps, and empties it. */
static void
remove_temps (char *temps[N_PARTS])
{
  for (guint i = 0; i < N_PARTS; i++)
    if (temps[i] != NULL)
      {
        g_unlink (temps[i]);
        g_clear_pointer (&temps[i], g_free);
      }
}

gboolean
plenary_snapshot_save (PlenarySnapshot  *self,
                       const char       *dir,
                       GError          **error)
{
  static const char *kept_files[] = { PLENARY_INDICO_TIMETABLE_FILE, PLENARY_INDICO_EVENT_FILE,
                                      PLENARY_INDICO_PROGRAM_FILE, "meta.json" };
  g_autofree char *previous_dir = g_build_filename (dir, "previous", NULL);
  g_autofree char *meta_path = g_build_filename (dir, "meta.json", NULL);
  char *temps[N_PARTS] = { NULL, };
  g_autoptr (JsonNode) meta = NULL;
  gboolean had_current;
  gboolean ok = FALSE;

  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  /* 1. Every new part on disk, durable, under a temporary name, unless it was staged there
   *    already. Nothing else is touched yet, so a failure here (a full disk) leaves
   *    everything as it was. */
  g_mutex_lock (&self->staged_lock);
  if (g_strcmp0 (self->staged_dir, dir) == 0)
    for (guint i = 0; i < N_PARTS; i++)
      temps[i] = g_steal_pointer (&self->staged[i]);
  g_mutex_unlock (&self->staged_lock);
  /* Swept meanwhile, as a load sweeps what a crash left: written again below. */
  for (guint i = 0; i < N_PARTS; i++)
    if (temps[i] != NULL && !g_file_test (temps[i], G_FILE_TEST_EXISTS))
      g_clear_pointer (&temps[i], g_free);
  if (!write_part_temps (self, dir, temps, error))
    goto out;

  /* 2. The current snapshot, if it is a good one, becomes the previous one. */
  had_current = g_file_test (meta_path, G_FILE_TEST_EXISTS);
  if (had_current)
    {
      g_autoptr (PlenarySnapshot) current = load_one (dir, NULL, NULL);

      if (current != NULL)
        {
          if (g_mkdir_with_parents (previous_dir, 0700) != 0)
            {
              int saved_errno = errno;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("Could not keep the previous programme: %s"),
                           g_strerror (saved_errno));
              goto out;
            }
          for (guint i = 0; i < G_N_ELEMENTS (kept_files); i++)
            if (!keep_previous (dir, previous_dir, kept_files[i], error))
              goto out;
          plenary_store_sync_dir (previous_dir);
        }
    }

  /* 3. The new parts replace the old ones; until meta.json is replaced too, loading
   *    sees a mismatch and uses previous/. */
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autofree char *path = g_build_filename (dir, part_files[i], NULL);

      if (temps[i] == NULL)
        {
          g_unlink (path);
          continue;
        }
      if (!plenary_store_commit_temp (temps[i], path, error))
        {
          /* Gone, or deliberately left behind by a simulated crash. */
          g_clear_pointer (&temps[i], g_free);
          goto out;
        }
      g_clear_pointer (&temps[i], g_free);
    }

  /* 4. The commit record. */
  meta = build_meta (self);
  ok = plenary_store_write_json (meta_path, meta, error);

out:
  remove_temps (temps);
  return ok;
}

void
plenary_snapshot_stage (PlenarySnapshot *self,
                        const char      *dir)
{
  char *temps[N_PARTS] = { NULL, };

  g_return_if_fail (PLENARY_IS_SNAPSHOT (self));
  g_return_if_fail (dir != NULL);

  /* A failure (a full disk) is the save's to report, when it writes the part again. */
  write_part_temps (self, dir, temps, NULL);

  g_mutex_lock (&self->staged_lock);
  if (self->staged_dir == NULL)
    {
      self->staged_dir = g_strdup (dir);
      for (guint i = 0; i < N_PARTS; i++)
        self->staged[i] = g_steal_pointer (&temps[i]);
    }
  g_mutex_unlock (&self->staged_lock);
  /* Staged once only; whatever a second staging wrote goes. */
  remove_temps (temps);
}

gboolean
plenary_snapshot_has_staged (PlenarySnapshot *self)
{
  gboolean staged = FALSE;

  g_return_val_if_fail (PLENARY_IS_SNAPSHOT (self), FALSE);

  g_mutex_lock (&self->staged_lock);
  for (guint i = 0; i < N_PARTS; i++)
    staged = staged || self->staged[i] != NULL;
  g_mutex_unlock (&self->staged_lock);
  return staged;
}

void
plenary_snapshot_unstage (PlenarySnapshot *self)
{
  char *temps[N_PARTS];

  g_return_if_fail (PLENARY_IS_SNAPSHOT (self));

  g_mutex_lock (&self->staged_lock);
  for (guint i = 0; i < N_PARTS; i++)
    temps[i] = g_steal_pointer (&self->staged[i]);
  g_clear_pointer (&self->staged_dir, g_free);
  g_mutex_unlock (&self->staged_lock);
  remove_temps (temps);
}

/* Async wrappers */

/* The task's data: what to load, and what was set aside meanwhile (also when it fails). */
typedef struct
{
  char      *dir;
  gboolean   discard_current;
  GPtrArray *warnings;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->dir);
  g_ptr_array_unref (data->warnings);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  PlenarySnapshot *snapshot;

  if (data->discard_current)
    plenary_snapshot_discard_current (data->dir);
  snapshot = plenary_snapshot_load (data->dir, data->warnings, &error);
  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, g_object_unref);
}

static void
load_in_thread (const char          *dir,
                gboolean             discard_current,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->dir = g_strdup (dir);
  data->discard_current = discard_current;
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  g_task_set_source_tag (task, plenary_snapshot_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

void
plenary_snapshot_load_async (const char          *dir,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  load_in_thread (dir, FALSE, cancellable, callback, user_data);
}

void
plenary_snapshot_discard_and_load_async (const char          *dir,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  load_in_thread (dir, TRUE, cancellable, callback, user_data);
}

PlenarySnapshot *
plenary_snapshot_load_finish (GAsyncResult  *result,
                              GPtrArray    **warnings,
                              GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plenary_snapshot_load_async,
                        NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (warnings != NULL)
    *warnings = g_ptr_array_ref (data->warnings);
  return g_task_propagate_pointer (G_TASK (result), error);
}
