/* plenary-user-data.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "plenary-store.h"
#include "plenary-user-data.h"

#define FORMAT_VERSION 1

typedef struct
{
  gboolean   starred;
  char      *title;       /* of a starred talk when last seen, to name it once removed */
  gboolean   changed;     /* by a sync, and not opened since */
  char      *note;
  GDateTime *actual_start;
  GDateTime *actual_end;
  gboolean   remote;      /* starred in the user's Indico account at the last star sync */
} Record;

struct _PlenaryUserData
{
  GObject       parent_instance;

  char         *path;
  GHashTable   *records;     /* key → Record */
  guint         save_delay;
  guint         save_source;
  gboolean      dirty;
  gboolean      saving;
  gboolean      discarded;   /* its folder is deleted: nothing is written any more */
  GList        *waiting;     /* GTasks of save_async() calls made while saving */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PlenaryUserData, plenary_user_data, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SAVE_DELAY,
  PROP_DIRTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_save (PlenaryUserData *self);

static void
record_free (Record *record)
{
  g_free (record->title);
  g_free (record->note);
  g_clear_pointer (&record->actual_start, g_date_time_unref);
  g_clear_pointer (&record->actual_end, g_date_time_unref);
  g_free (record);
}

static gboolean
record_is_empty (Record *record)
{
  return !record->starred && !record->changed && record->note == NULL
         && record->actual_start == NULL && record->actual_end == NULL && !record->remote;
}

static void
set_dirty (PlenaryUserData *self,
           gboolean         dirty)
{
  if (self->dirty == dirty || (dirty && self->discarded))
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* Serialisation */

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    return;
  text = g_date_time_format_iso8601 (time);
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

/* The star sync's base: what the Indico account had. A star that differs from it is a
 * change not sent yet, so the queue of unsent changes survives restarts with the stars. */
static void
add_remote (JsonBuilder *builder,
            Record      *record)
{
  if (!record->remote)
    return;
  json_builder_set_member_name (builder, "remote-starred");
  json_builder_add_boolean_value (builder, TRUE);
}

static char *
serialize (PlenaryUserData *self,
           gsize           *length)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (self->records),
                                        (GCompareFunc) g_strcmp0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_object (builder);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      Record *record = g_hash_table_lookup (self->records, l->data);

      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      if (record->starred)
        {
          json_builder_set_member_name (builder, "starred");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (record->starred && record->title != NULL)
        {
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, record->title);
        }
      if (record->changed)
        {
          json_builder_set_member_name (builder, "changed");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (record->note != NULL)
        {
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, record->note);
        }
      add_time (builder, "actual-start", record->actual_start);
      add_time (builder, "actual-end", record->actual_end);
      add_remote (builder, record);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

static GDateTime *
parse_time (JsonObject *object,
            const char *name)
{
  const char *text = json_object_get_string_member_with_default (object, name, NULL);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static GHashTable *
records_from_json (JsonNode *root)
{
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) record_free);
  JsonNode *entries_node;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (root == NULL)
    return records;
  entries_node = json_object_get_member (json_node_get_object (root), "entries");
  if (entries_node == NULL || !JSON_NODE_HOLDS_OBJECT (entries_node))
    return records;

  json_object_iter_init (&iter, json_node_get_object (entries_node));
  while (json_object_iter_next (&iter, &key, &value))
    {
      JsonObject *object;
      Record *record;
      const char *note;

      if (!JSON_NODE_HOLDS_OBJECT (value))
        continue;
      object = json_node_get_object (value);
      record = g_new0 (Record, 1);
      record->starred = json_object_get_boolean_member_with_default (object, "starred", FALSE);
      record->title = plenary_store_dup_display_text (
        json_object_get_string_member_with_default (object, "title", NULL));
      record->changed = json_object_get_boolean_member_with_default (object, "changed", FALSE);
      note = json_object_get_string_member_with_default (object, "note", NULL);
      record->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
      record->actual_start = parse_time (object, "actual-start");
      record->actual_end = parse_time (object, "actual-end");
      record->remote = json_object_get_boolean_member_with_default (object, "remote-starred",
                                                                    FALSE);
      if (record_is_empty (record))
        record_free (record);
      else
        g_hash_table_replace (records, g_strdup (key), record);
    }
  return records;
}

/* Saving */


static void start_save (PlenaryUserData *self,
                        GList           *waiting);

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlenaryUserData *self = PLENARY_USER_DATA (object);
  GList *waiting = user_data;
  g_autoptr (GError) error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Keep the changes in memory and dirty: the next change or an explicit save retries. */
      g_message ("Could not save user data: %s", error->message);
      set_dirty (self, TRUE);
    }

  for (GList *l = waiting; l != NULL; l = l->next)
    {
      if (error != NULL)
        g_task_return_error (l->data, g_error_copy (error));
      else
        g_task_return_boolean (l->data, TRUE);
    }
  g_list_free_full (waiting, g_object_unref);

  /* Callers who asked while this save ran need the newer contents on disk too. */
  if (self->waiting != NULL && self->discarded)
    {
      for (GList *l = self->waiting; l != NULL; l = l->next)
        g_task_return_boolean (l->data, TRUE);
      g_list_free_full (g_steal_pointer (&self->waiting), g_object_unref);
    }
  else if (self->waiting != NULL)
    start_save (self, g_steal_pointer (&self->waiting));
  else if (self->dirty && error == NULL)
    schedule_save (self);
}

static void
start_save (PlenaryUserData *self,
            GList           *waiting)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, save_done_cb, waiting);
  gsize length;
  char *contents;

  g_clear_handle_id (&self->save_source, g_source_remove);
  contents = serialize (self, &length);
  self->saving = TRUE;
  /* The contents are taken now: later changes make it dirty again. */
  set_dirty (self, FALSE);
  plenary_store_write_file_in_thread (task, self->path, contents, length);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PlenaryUserData *self = user_data;

  self->save_source = 0;
  if (!self->saving)
    start_save (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (PlenaryUserData *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->discarded)
    return;
  self->save_source = g_timeout_add (self->save_delay, save_timeout_cb, self);
}

static void
changed (PlenaryUserData *self,
         const char      *key)
{
  set_dirty (self, TRUE);
  if (!self->saving)
    schedule_save (self);
  g_signal_emit (self, signals[CHANGED], 0, key);
}

void
plenary_user_data_save_async (PlenaryUserData     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PLENARY_IS_USER_DATA (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_user_data_save_async);
  if (self->saving && !self->discarded)
    self->waiting = g_list_append (self->waiting, task);
  else if (!self->dirty)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
  else
    start_save (self, g_list_append (NULL, task));
}

gboolean
plenary_user_data_save_finish (PlenaryUserData  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Loading */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  JsonNode *root = plenary_store_load_json (task_data, NULL, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, records_from_json (root), (GDestroyNotify) g_hash_table_unref);
  g_clear_pointer (&root, json_node_unref);
}

void
plenary_user_data_load_async (PlenaryUserData     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PLENARY_IS_USER_DATA (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_user_data_load_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
plenary_user_data_load_finish (PlenaryUserData  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  GHashTable *records;
  gboolean changed;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  records = g_task_propagate_pointer (G_TASK (result), error);
  if (records == NULL)
    return FALSE;
  /* Nothing stored and nothing before (most starts): nothing for the views to draw again. */
  changed = g_hash_table_size (records) > 0
            || (self->records != NULL && g_hash_table_size (self->records) > 0);
  g_clear_pointer (&self->records, g_hash_table_unref);
  self->records = records;
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0, NULL);
  return TRUE;
}

/* GObject */

static void
plenary_user_data_dispose (GObject *object)
{
  PlenaryUserData *self = (PlenaryUserData *) object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  /* The last chance not to lose a note: a small synchronous write. Owners should call
   * plenary_user_data_save_async() before they let go. */
  if (self->dirty && !self->saving && self->path != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      contents = serialize (self, &length);
      if (!plenary_store_write_file (self->path, contents, length, &error))
        g_message ("Could not save user data: %s", error->message);
      self->dirty = FALSE;
    }
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (plenary_user_data_parent_class)->dispose (object);
}

static void
plenary_user_data_finalize (GObject *object)
{
  PlenaryUserData *self = (PlenaryUserData *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (plenary_user_data_parent_class)->finalize (object);
}

static void
plenary_user_data_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlenaryUserData *self = PLENARY_USER_DATA (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SAVE_DELAY:
      g_value_set_uint (value, self->save_delay);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_user_data_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlenaryUserData *self = PLENARY_USER_DATA (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_SAVE_DELAY:
      self->save_delay = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_user_data_class_init (PlenaryUserDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_user_data_dispose;
  object_class->finalize = plenary_user_data_finalize;
  object_class->get_property = plenary_user_data_get_property;
  object_class->set_property = plenary_user_data_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_DELAY] =
    g_param_spec_uint ("save-delay", NULL, NULL, 0, 60000, 500,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The key that changed, or NULL after a load (everything may have changed). */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
plenary_user_data_init (PlenaryUserData *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) record_free);
  self->save_delay = 500;
  self->cancellable = g_cancellable_new ();
}

PlenaryUserData *
plenary_user_data_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  return g_object_new (PLENARY_TYPE_USER_DATA, "path", path, NULL);
}

const char *
plenary_user_data_get_path (PlenaryUserData *self)
{
  g_return_val_if_fail (PLENARY_IS_USER_DATA (self), NULL);
  return self->path;
}

gboolean
plenary_user_data_get_dirty (PlenaryUserData *self)
{
  g_return_val_if_fail (PLENARY_IS_USER_DATA (self), FALSE);
  return self->dirty || self->saving;
}

void
plenary_user_data_discard (PlenaryUserData *self)
{
  g_return_if_fail (PLENARY_IS_USER_DATA (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  set_dirty (self, FALSE);
  self->discarded = TRUE;
}

static Record *
lookup (PlenaryUserData *self,
        const char      *key)
{
  g_return_val_if_fail (PLENARY_IS_USER_DATA (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->records, key);
}

static Record *
ensure (PlenaryUserData *self,
        const char      *key)
{
  Record *record = g_hash_table_lookup (self->records, key);

  if (record == NULL)
    {
      record = g_new0 (Record, 1);
      g_hash_table_insert (self->records, g_strdup (key), record);
    }
  return record;
}

static void
prune (PlenaryUserData *self,
       const char      *key)
{
  Record *record = g_hash_table_lookup (self->records, key);

  if (record != NULL && record_is_empty (record))
    g_hash_table_remove (self->records, key);
}

gboolean
plenary_user_data_get_starred (PlenaryUserData *self,
                               const char      *key)
{
  Record *record = lookup (self, key);

  return record != NULL && record->starred;
}

void
plenary_user_data_set_starred (PlenaryUserData *self,
                               const char      *key,
                               gboolean         starred)
{
  g_return_if_fail (PLENARY_IS_USER_DATA (self));
  g_return_if_fail (key != NULL);

  if (plenary_user_data_get_starred (self, key) == !!starred)
    return;
  ensure (self, key)->starred = !!starred;
  prune (self, key);
  changed (self, key);
}

const char *
plenary_user_data_get_title (PlenaryUserData *self,
                             const char      *key)
{
  Record *record = lookup (self, key);

  return record != NULL && record->starred ? record->title : NULL;
}

void
plenary_user_data_remember_title (PlenaryUserData *self,
                                  const char      *key,
                                  const char      *title)
{
  Record *record = lookup (self, key);

  if (record == NULL || !record->starred || g_strcmp0 (record->title, title) == 0)
    return;
  g_free (record->title);
  record->title = g_strdup (title);
  /* Saved, but not "changed": nothing on screen depends on it while the talk exists. */
  set_dirty (self, TRUE);
  if (!self->saving)
    schedule_save (self);
}

gboolean
plenary_user_data_get_changed (PlenaryUserData *self,
                               const char      *key)
{
  Record *record = lookup (self, key);

  return record != NULL && record->changed;
}

void
plenary_user_data_mark_changed (PlenaryUserData *self,
                                GHashTable      *keys)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (PLENARY_IS_USER_DATA (self));

  if (keys == NULL || g_hash_table_size (keys) == 0)
    return;
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    ensure (self, key)->changed = TRUE;
  /* One notification for the whole sync, not one per talk. */
  changed (self, NULL);
}

void
plenary_user_data_clear_changed (PlenaryUserData *self,
                                 const char      *key)
{
  Record *record = lookup (self, key);

  if (record == NULL || !record->changed)
    return;
  record->changed = FALSE;
  prune (self, key);
  changed (self, key);
}

GStrv
plenary_user_data_dup_starred (PlenaryUserData *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GList) keys = NULL;

  g_return_val_if_fail (PLENARY_IS_USER_DATA (self), NULL);

  keys = g_list_sort (g_hash_table_get_keys (self->records), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    if (((Record *) g_hash_table_lookup (self->records, l->data))->starred)
      g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}

const char *
plenary_user_data_get_note (PlenaryUserData *self,
                            const char      *key)
{
  Record *record = lookup (self, key);

  return record != NULL ? record->note : NULL;
}

void
plenary_user_data_set_note (PlenaryUserData *self,
                            const char      *key,
                            const char      *note)
{
  Record *record;

  g_return_if_fail (PLENARY_IS_USER_DATA (self));
  g_return_if_fail (key != NULL);

  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (plenary_user_data_get_note (self, key), note) == 0)
    return;
  record = ensure (self, key);
  g_free (record->note);
  record->note = g_strdup (note);
  prune (self, key);
  changed (self, key);
}

GDateTime *
plenary_user_data_get_actual_start (PlenaryUserData *self,
                                    const char      *key)
{
  Record *record = lookup (self, key);

  return record != NULL ? record->actual_start : NULL;
}

GDateTime *
plenary_user_data_get_actual_end (PlenaryUserData *self,
                                  const char      *key)
{
  Record *record = lookup (self, key);

  return record != NULL ? record->actual_end : NULL;
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

void
plenary_user_data_set_actual_times (PlenaryUserData *self,
                                    const char      *key,
                                    GDateTime       *start,
                                    GDateTime       *end)
{
  Record *record;

  g_return_if_fail (PLENARY_IS_USER_DATA (self));
  g_return_if_fail (key != NULL);

  if (same_time (plenary_user_data_get_actual_start (self, key), start)
      && same_time (plenary_user_data_get_actual_end (self, key), end))
    return;
  record = ensure (self, key);
  g_clear_pointer (&record->actual_start, g_date_time_unref);
  g_clear_pointer (&record->actual_end, g_date_time_unref);
  record->actual_start = start != NULL ? g_date_time_ref (start) : NULL;
  record->actual_end = end != NULL ? g_date_time_ref (end) : NULL;
  prune (self, key);
  changed (self, key);
}

/* Star sync with the Indico account (plenary-favorites-sync.c) */

GHashTable *
plenary_user_data_dup_remote_starred (PlenaryUserData *self)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  Record *record;

  g_return_val_if_fail (PLENARY_IS_USER_DATA (self), set);

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &record))
    if (record->remote)
      g_hash_table_add (set, g_strdup (key));
  return set;
}

void
plenary_user_data_set_remote_starred (PlenaryUserData *self,
                                      const char      *key,
                                      gboolean         remote)
{
  Record *record;

  g_return_if_fail (PLENARY_IS_USER_DATA (self));
  g_return_if_fail (key != NULL);

  record = g_hash_table_lookup (self->records, key);
  if ((record != NULL && record->remote) == !!remote)
    return;
  ensure (self, key)->remote = !!remote;
  prune (self, key);
  /* Saved, but nothing on screen shows it: no "changed". */
  set_dirty (self, TRUE);
  if (!self->saving)
    schedule_save (self);
}
