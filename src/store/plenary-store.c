/* plenary-store.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "plenary-store.h"
#include "util/plenary-json.h"
#include "util/plenary-text.h"

#define TEMP_MARK ".tmp-"

G_DEFINE_QUARK (plenary-store-error-quark, plenary_store_error)

G_LOCK_DEFINE_STATIC (fault);
static GCond fault_changed;
static PlenaryStoreFault fault_kind;
static char *fault_basename;

void
plenary_store_set_fault (PlenaryStoreFault  fault,
                         const char        *basename)
{
  G_LOCK (fault);
  fault_kind = fault;
  g_free (fault_basename);
  fault_basename = g_strdup (basename);
  g_cond_broadcast (&fault_changed);
  G_UNLOCK (fault);
}

/* PLENARY_STORE_FAULT_STALL: the write waits here until the test sets another fault. */
static void
stall_if_asked (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  G_LOCK (fault);
  while (fault_kind == PLENARY_STORE_FAULT_STALL && g_strcmp0 (fault_basename, basename) == 0)
    g_cond_wait (&fault_changed, &G_LOCK_NAME (fault));
  G_UNLOCK (fault);
}

static gboolean
fault_applies (const char        *path,
               PlenaryStoreFault  kind)
{
  g_autofree char *basename = g_path_get_basename (path);
  gboolean applies;

  G_LOCK (fault);
  applies = fault_kind == kind && g_strcmp0 (fault_basename, basename) == 0;
  G_UNLOCK (fault);
  return applies;
}

char *
plenary_store_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "plenary", NULL);
}

char *
plenary_store_get_events_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "plenary", "events.json", NULL);
}

/* One directory per server: host, then port and path prefix when present, with every
 * character that is not safe in a file name replaced, so no URL can escape the data dir. */
char *
plenary_store_get_event_dir (const char *server_base,
                             const char *event_id)
{
  g_autoptr (GUri) uri = g_uri_parse (server_base, G_URI_FLAGS_ENCODED_PATH, NULL);
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *safe_id = NULL;
  const char *path;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (event_id != NULL && *event_id != '\0', NULL);

  g_string_append (name, g_uri_get_host (uri));
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (name, "_%d", g_uri_get_port (uri));
  for (path = g_uri_get_path (uri); *path == '/'; path++)
    ;
  if (*path != '\0')
    g_string_append_printf (name, "_%s", path);
  while (name->len > 0 && (name->str[name->len - 1] == '/' || name->str[name->len - 1] == '_'))
    g_string_truncate (name, name->len - 1);

  for (gsize i = 0; i < name->len; i++)
    if (!g_ascii_isalnum (name->str[i]) && strchr ("._-", name->str[i]) == NULL)
      name->str[i] = '_';
  if (name->str[0] == '.')
    name->str[0] = '_';

  safe_id = g_strcanon (g_strdup (event_id),
                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", '_');
  return g_build_filename (g_get_user_data_dir (), "plenary", "events", name->str, safe_id,
                           NULL);
}

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
}

/* Whether this runs in a callback of the default main context, on the thread that draws the
 * windows: not a test's own body, nor the command line before the loop, nor a worker. */
static gboolean
in_main_loop_callback (void)
{
  return g_main_depth () > 0 && g_main_context_is_owner (g_main_context_default ());
}

char *
plenary_store_write_temp (const char  *path,
                          const char  *contents,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *template = NULL;
  gsize written = 0;
  int fd;

  /* Every atomic write comes through here. The write still happens (nothing is lost), but
   * a test, where criticals are fatal, fails. */
#ifndef G_DISABLE_CHECKS
  if (in_main_loop_callback ())
    g_critical ("%s: blocking write of %s on the main thread; write in a worker thread",
                G_STRFUNC, path);
#endif

  stall_if_asked (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_io_error (error, errno, path);
      return NULL;
    }

  /* Same directory as the target, so the rename cannot cross file systems; a leading dot so
   * a stale one left by a crash is never mistaken for data. */
  template = g_strdup_printf ("%s/.%s" TEMP_MARK "XXXXXX", dir, basename);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return NULL;
    }

  while (written < length)
    {
      gssize n;

      if (fault_applies (path, PLENARY_STORE_FAULT_NO_SPACE))
        {
          errno = ENOSPC;
          n = -1;
        }
      else
        n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (template);
          set_io_error (error, saved_errno, path);
          return NULL;
        }
      written += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (template);
      set_io_error (error, saved_errno, path);
      return NULL;
    }

  return g_steal_pointer (&template);
}

gboolean
plenary_store_commit_temp (const char  *temp_path,
                           const char  *path,
                           GError     **error)
{
  if (fault_applies (path, PLENARY_STORE_FAULT_BEFORE_RENAME))
    {
      /* As if the process died here: the temporary file stays behind. */
      set_io_error (error, EIO, path);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }
  return TRUE;
}

void
plenary_store_sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Makes the renames durable; failing only costs durability, not consistency. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

void
plenary_store_remove_stale_temps (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (name[0] == '.' && strstr (name, TEMP_MARK) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_unlink (path);
        }
    }
}

/* Folders that writes may race with a deletion of: an event's, when it is forgotten while
 * a sync stores its programme or stars are saved. A deletion waits for the writes begun in
 * its folder, and no write begins there until it is done. */
static GMutex dirs_lock;
static GCond dirs_changed;
static GPtrArray *writing_dirs;    /* once per write in progress */
static GPtrArray *deleting_dirs;

static gboolean
is_within (const char *path,
           const char *dir)
{
  gsize length = strlen (dir);

  return strncmp (path, dir, length) == 0
         && (path[length] == '\0' || path[length] == G_DIR_SEPARATOR);
}

gboolean
plenary_store_begin_write (const char  *dir,
                           GError     **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);

  g_mutex_lock (&dirs_lock);
  for (guint i = 0; deleting_dirs != NULL && i < deleting_dirs->len; i++)
    if (is_within (dir, g_ptr_array_index (deleting_dirs, i)))
      {
        g_autofree char *display = g_filename_display_name (dir);

        g_mutex_unlock (&dirs_lock);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Could not save in “%s”: it is being deleted"), display);
        return FALSE;
      }
  if (writing_dirs == NULL)
    writing_dirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (writing_dirs, g_strdup (dir));
  g_mutex_unlock (&dirs_lock);
  return TRUE;
}

void
plenary_store_end_write (const char *dir)
{
  g_return_if_fail (dir != NULL);

  g_mutex_lock (&dirs_lock);
  for (guint i = 0; writing_dirs != NULL && i < writing_dirs->len; i++)
    if (strcmp (g_ptr_array_index (writing_dirs, i), dir) == 0)
      {
        g_ptr_array_remove_index_fast (writing_dirs, i);
        break;
      }
  g_cond_broadcast (&dirs_changed);
  g_mutex_unlock (&dirs_lock);
}

static gboolean
writing_within (const char *dir)
{
  for (guint i = 0; writing_dirs != NULL && i < writing_dirs->len; i++)
    if (is_within (g_ptr_array_index (writing_dirs, i), dir))
      return TRUE;
  return FALSE;
}

static void
delete_tree (GFile *file)
{
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (
    file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr (GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      delete_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

void
plenary_store_delete_dir (const char *dir)
{
  g_autoptr (GFile) file = NULL;
  char *deleting;

  g_return_if_fail (dir != NULL);

  file = g_file_new_for_path (dir);
  deleting = g_strdup (dir);
  g_mutex_lock (&dirs_lock);
  if (deleting_dirs == NULL)
    deleting_dirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (deleting_dirs, deleting);
  while (writing_within (dir))
    g_cond_wait (&dirs_changed, &dirs_lock);
  g_mutex_unlock (&dirs_lock);

  delete_tree (file);

  g_mutex_lock (&dirs_lock);
  g_ptr_array_remove_fast (deleting_dirs, deleting);
  g_mutex_unlock (&dirs_lock);
}

gboolean
plenary_store_write_file (const char  *path,
                          const char  *contents,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *temp = plenary_store_write_temp (path, contents, length, error);
  g_autofree char *dir = NULL;

  if (temp == NULL || !plenary_store_commit_temp (temp, path, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  plenary_store_sync_dir (dir);
  return TRUE;
}

gboolean
plenary_store_write_json (const char  *path,
                          JsonNode    *node,
                          GError     **error)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return plenary_store_write_file (path, text, length, error);
}

char *
plenary_store_move_aside (const char  *path,
                          GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *target = g_strdup_printf ("%s.corrupt-%s", path, stamp);

  /* Two in one second keep both. */
  for (guint i = 1; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move the damaged file “%s” aside: %s"),
                   display, g_strerror (saved_errno));
      return NULL;
    }
  return g_steal_pointer (&target);
}

gboolean
plenary_store_check_json (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;

  if (length > PLENARY_JSON_MAX_SIZE)
    {
      g_set_error_literal (error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_TOO_LARGE,
                           "Larger than any file Plenary writes");
      return FALSE;
    }
  /* json-glib recurses once per level: the bounded, non-recursive reader goes first, so a
   * file nested 100,000 deep is refused here instead of running off the stack there. */
  document = plenary_json_document_parse (data, length, PLENARY_JSON_MAX_DEPTH, NULL, error);
  if (document == NULL)
    return FALSE;
  if (plenary_json_node_get_type (plenary_json_document_get_root (document))
      != PLENARY_JSON_OBJECT)
    {
      g_set_error_literal (error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_SYNTAX,
                           "Not a JSON object");
      return FALSE;
    }
  return TRUE;
}

gboolean
plenary_store_read_small_file (const char  *path,
                               char       **contents,
                               gsize       *length,
                               GError     **error)
{
  GStatBuf st;

  /* Never read a huge file whole just to find out it is too large. */
  if (g_stat (path, &st) == 0 && st.st_size > PLENARY_JSON_MAX_SIZE)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_TOO_LARGE,
                   "%s is larger than any file Plenary writes", display);
      return FALSE;
    }
  return g_file_get_contents (path, contents, length, error);
}

JsonNode *
plenary_store_load_json (const char  *path,
                         GPtrArray   *warnings,
                         GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autofree char *aside = NULL;
  gsize length;

  if (!plenary_store_read_small_file (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      if (!g_error_matches (local_error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_TOO_LARGE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else if (plenary_store_check_json (contents, length, &local_error)
           && json_parser_load_from_data (parser, contents, length, &local_error)
           && json_parser_get_root (parser) != NULL
           && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_node_ref (json_parser_get_root (parser));

  display = g_filename_display_name (path);
  aside = plenary_store_move_aside (path, NULL);
  g_message ("%s is damaged (%s)%s%s", path,
             local_error != NULL ? local_error->message : "not an object",
             aside ? "; moved to " : "", aside ? aside : "");
  if (warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("“%s” was damaged and has been set aside; "
                                        "its contents could not be used"), display));
  g_set_error (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_CORRUPT,
               _("“%s” was damaged and has been set aside"), display);
  return NULL;
}

typedef struct
{
  char  *path;
  char  *dir;        /* its folder, where the write was begun (plenary_store_begin_write()) */
  char  *contents;
  gsize  length;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_free (data->dir);
  g_free (data->contents);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;
  gboolean written = plenary_store_write_file (data->path, data->contents, data->length,
                                               &error);

  /* Before the task returns: its owner may delete the folder as soon as it has. */
  plenary_store_end_write (data->dir);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
plenary_store_write_file_in_thread (GTask      *task,
                                    const char *path,
                                    char       *contents,
                                    gsize       length)
{
  WriteData *data = g_new0 (WriteData, 1);
  GError *error = NULL;

  data->path = g_strdup (path);
  data->dir = g_path_get_dirname (path);
  data->contents = contents;
  data->length = length;
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  /* Begun now, not when a worker gets to it: a deletion asked for meanwhile waits for it. */
  if (!plenary_store_begin_write (data->dir, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, write_thread);
}

char *
plenary_store_dup_display_text (const char *text)
{
  g_autoptr (GString) out = NULL;
  guint n = 0;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (plenary_text_is_bidi_control (c))
        continue;
      if (++n == PLENARY_STORE_MAX_TITLE_CHARS && *(g_utf8_next_char (p)) != '\0')
        {
          g_string_append (out, "\u2026");
          break;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
