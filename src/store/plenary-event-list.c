/* plenary-event-list.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include <string.h>

#include "indico/plenary-event-url.h"
#include "indico/plenary-indico-client.h"
#include "store/plenary-store.h"
#include "plenary-event-list.h"

#define FORMAT_VERSION 1

struct _PlenaryEventList
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *events;
  gboolean   recovered;     /* events.json was damaged; the list comes from the folders */

  /* One write at a time, so the newest list is the one that lands: the callers that the write
   * under way answers, those the next one will, and the newest list it will write. */
  GPtrArray *writing;
  GPtrArray *waiting;
  char      *next_contents;
  gsize      next_length;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryEventList, plenary_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PLENARY_TYPE_EVENT;
}

static guint
get_n_items (GListModel *model)
{
  return PLENARY_EVENT_LIST (model)->events->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PlenaryEventList *self = PLENARY_EVENT_LIST (model);

  if (position >= self->events->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->events, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
plenary_event_list_finalize (GObject *object)
{
  PlenaryEventList *self = (PlenaryEventList *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_free (self->next_contents);

  G_OBJECT_CLASS (plenary_event_list_parent_class)->finalize (object);
}

static void
plenary_event_list_class_init (PlenaryEventListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_event_list_finalize;
}

static void
plenary_event_list_init (PlenaryEventList *self)
{
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

PlenaryEventList *
plenary_event_list_new (const char *path)
{
  PlenaryEventList *self = g_object_new (PLENARY_TYPE_EVENT_LIST, NULL);

  self->path = path != NULL ? g_strdup (path) : plenary_store_get_events_file ();
  return self;
}

PlenaryEvent *
plenary_event_list_lookup (PlenaryEventList *self,
                           const char       *key)
{
  g_return_val_if_fail (PLENARY_IS_EVENT_LIST (self), NULL);

  for (guint i = 0; i < self->events->len; i++)
    {
      PlenaryEvent *event = g_ptr_array_index (self->events, i);

      if (g_strcmp0 (plenary_event_get_key (event), key) == 0)
        return event;
    }
  return NULL;
}

PlenaryEvent *
plenary_event_list_add (PlenaryEventList *self,
                        PlenaryEvent     *event)
{
  PlenaryEvent *existing;

  g_return_val_if_fail (PLENARY_IS_EVENT_LIST (self), NULL);
  g_return_val_if_fail (PLENARY_IS_EVENT (event), NULL);

  existing = plenary_event_list_lookup (self, plenary_event_get_key (event));
  if (existing != NULL)
    return existing;
  g_ptr_array_add (self->events, g_object_ref (event));
  g_list_model_items_changed (G_LIST_MODEL (self), self->events->len - 1, 0, 1);
  return event;
}

void
plenary_event_list_remove (PlenaryEventList *self,
                           PlenaryEvent     *event)
{
  guint position;

  g_return_if_fail (PLENARY_IS_EVENT_LIST (self));

  if (g_ptr_array_find (self->events, event, &position))
    {
      g_ptr_array_remove_index (self->events, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

/* Loading */

/* Recovery of a damaged events.json: every event folder on disk
 * (events/<host[_port][_prefix]>/<id>/) becomes a followed event again. The folder's name
 * is what plenary_store_get_event_dir() made of the server base; the server base it came
 * from is the one that makes the same name again: the event export's own "url" first (it
 * knows the scheme and any path prefix), else https (http for loopback) on the host and
 * port the name spells. */

static char *
base_from_event_export (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, PLENARY_INDICO_EVENT_FILE, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!plenary_store_read_small_file (path, &contents, &length, NULL))
    return NULL;
  return plenary_event_url_from_event_export (contents, length);
}

static gboolean
is_loopback_name (const char *host)
{
  return g_str_equal (host, "localhost") || g_str_has_prefix (host, "127.")
         || g_str_equal (host, "__1_");
}

static char *
recover_server_base (const char *host_name,
                     const char *event_id,
                     const char *folder)
{
  g_autofree char *from_export = base_from_event_export (folder);
  g_auto (GStrv) parts = g_strsplit (host_name, "_", 2);
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  const char *rest = parts[1];

  if (from_export != NULL)
    g_ptr_array_add (candidates, g_steal_pointer (&from_export));
  for (guint scheme = 0; scheme < 2; scheme++)
    {
      const char *name = (scheme == 0) == is_loopback_name (parts[0]) ? "http" : "https";
      guint64 port;

      if (rest == NULL)
        g_ptr_array_add (candidates, g_strdup_printf ("%s://%s/", name, parts[0]));
      else
        {
          g_auto (GStrv) more = g_strsplit (rest, "_", 2);

          if (g_ascii_string_to_unsigned (more[0], 10, 1, 65535, &port, NULL))
            g_ptr_array_add (candidates,
                             more[1] != NULL
                             ? g_strdup_printf ("%s://%s:%s/%s/", name, parts[0], more[0], more[1])
                             : g_strdup_printf ("%s://%s:%s/", name, parts[0], more[0]));
          g_ptr_array_add (candidates, g_strdup_printf ("%s://%s/%s/", name, parts[0], rest));
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *base = g_ptr_array_index (candidates, i);
      g_autofree char *dir = plenary_store_get_event_dir (base, event_id);

      if (g_strcmp0 (dir, folder) == 0)
        return g_strdup (base);
    }
  return NULL;
}

/* (server base, event id) pairs, two strings each. Blocking. */
static GPtrArray *
recover_events (void)
{
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "plenary", "events", NULL);
  g_autoptr (GDir) hosts = g_dir_open (root, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *host;

  while (hosts != NULL && (host = g_dir_read_name (hosts)) != NULL)
    {
      g_autofree char *host_dir = g_build_filename (root, host, NULL);
      g_autoptr (GDir) ids = g_dir_open (host_dir, 0, NULL);
      const char *id;

      while (ids != NULL && (id = g_dir_read_name (ids)) != NULL)
        {
          g_autofree char *folder = g_build_filename (host_dir, id, NULL);
          g_autofree char *meta = g_build_filename (folder, "meta.json", NULL);
          g_autofree char *user = g_build_filename (folder, "user.json", NULL);
          g_autofree char *cache = g_build_filename (folder, "schedule.cache", NULL);
          g_autofree char *previous = g_build_filename (folder, "previous", "meta.json", NULL);
          g_autofree char *base = NULL;

          /* A folder with nothing of an event in it is not one. */
          if (!g_file_test (meta, G_FILE_TEST_EXISTS) && !g_file_test (user, G_FILE_TEST_EXISTS)
              && !g_file_test (cache, G_FILE_TEST_EXISTS)
              && !g_file_test (previous, G_FILE_TEST_EXISTS))
            continue;
          base = recover_server_base (host, id, folder);
          if (base == NULL)
            {
              g_message ("Cannot tell which server %s is from", folder);
              continue;
            }
          g_ptr_array_add (found, g_steal_pointer (&base));
          g_ptr_array_add (found, g_strdup (id));
        }
    }
  return found;
}

typedef struct
{
  JsonNode  *root;
  GPtrArray *recovered;   /* NULL unless events.json was damaged */
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->root, json_node_unref);
  g_clear_pointer (&result->recovered, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->root = plenary_store_load_json (task_data, NULL, &error);
  if (g_error_matches (error, PLENARY_STORE_ERROR, PLENARY_STORE_ERROR_CORRUPT))
    result->recovered = recover_events ();
  else if (error != NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

void
plenary_event_list_load_async (PlenaryEventList    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PLENARY_IS_EVENT_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_event_list_load_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, load_thread);
}

static void
replace_all (PlenaryEventList *self,
             GPtrArray        *events)
{
  guint removed = self->events->len;

  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, events->len);
}

gboolean
plenary_event_list_load_finish (PlenaryEventList  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  LoadResult *loaded;
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *list;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    {
      replace_all (self, events);
      return FALSE;
    }

  self->recovered = loaded->recovered != NULL;
  if (loaded->recovered != NULL)
    {
      for (guint i = 0; i + 1 < loaded->recovered->len; i += 2)
        {
          PlenaryEvent *event = plenary_event_new (g_ptr_array_index (loaded->recovered, i),
                                                   g_ptr_array_index (loaded->recovered, i + 1));

          if (event != NULL)
            g_ptr_array_add (events, event);
        }
    }

  list = loaded->root != NULL
         ? json_object_get_member (json_node_get_object (loaded->root), "events") : NULL;
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *array = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autoptr (PlenaryEvent) event = NULL;
          g_autoptr (GDateTime) added_at = NULL;
          g_autofree char *title = NULL;
          JsonObject *object;
          const char *server;
          const char *id;
          const char *added;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          server = json_object_get_string_member_with_default (object, "server", NULL);
          id = json_object_get_string_member_with_default (object, "id", NULL);
          /* An entry that cannot be an event is skipped, not fatal. */
          if (server == NULL || !g_str_has_suffix (server, "/") || id == NULL || *id == '\0')
            continue;
          event = plenary_event_new (server, id);
          title = plenary_store_dup_display_text (
            json_object_get_string_member_with_default (object, "title", NULL));
          plenary_event_set_title (event, title);
          plenary_event_set_timezone (event,
                                      json_object_get_string_member_with_default (object,
                                                                                  "timezone",
                                                                                  NULL));
          added = json_object_get_string_member_with_default (object, "added-at", NULL);
          added_at = added != NULL ? g_date_time_new_from_iso8601 (added, NULL) : NULL;
          plenary_event_set_added_at (event, added_at);
          g_ptr_array_add (events, g_steal_pointer (&event));
        }
    }

  load_result_free (loaded);
  replace_all (self, events);
  return TRUE;
}

gboolean
plenary_event_list_get_recovered (PlenaryEventList *self,
                                  guint            *n_events)
{
  g_return_val_if_fail (PLENARY_IS_EVENT_LIST (self), FALSE);
  if (n_events != NULL)
    *n_events = self->recovered ? self->events->len : 0;
  return self->recovered;
}

/* Saving */


static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void start_write (PlenaryEventList *self,
                         GPtrArray        *tasks,
                         char             *contents,
                         gsize             length);

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PlenaryEventList *self = PLENARY_EVENT_LIST (source);
  g_autoptr (GPtrArray) answered = g_steal_pointer (&self->writing);
  g_autoptr (GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  for (guint i = 0; i < answered->len; i++)
    {
      GTask *task = g_ptr_array_index (answered, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
  if (self->next_contents != NULL)
    start_write (self, g_steal_pointer (&self->waiting), g_steal_pointer (&self->next_contents),
                 self->next_length);
}

/* Takes @tasks and @contents. */
static void
start_write (PlenaryEventList *self,
             GPtrArray        *tasks,
             char             *contents,
             gsize             length)
{
  /* Not cancelled half-way: a caller's cancellable ends only its own wait. */
  g_autoptr (GTask) write = g_task_new (self, NULL, written_cb, NULL);

  self->writing = tasks;
  plenary_store_write_file_in_thread (write, self->path, contents, length);
}

void
plenary_event_list_save_async (PlenaryEventList    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gsize length;
  char *contents;

  g_return_if_fail (PLENARY_IS_EVENT_LIST (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->events->len; i++)
    {
      PlenaryEvent *event = g_ptr_array_index (self->events, i);
      g_autofree char *added = g_date_time_format_iso8601 (plenary_event_get_added_at (event));

      json_builder_begin_object (builder);
      add_string (builder, "server", plenary_event_get_server_base (event));
      add_string (builder, "id", plenary_event_get_event_id (event));
      add_string (builder, "title", plenary_event_get_title (event));
      add_string (builder, "timezone", plenary_event_get_timezone (event));
      add_string (builder, "added-at", added);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  contents = json_generator_to_data (generator, &length);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_event_list_save_async);
  if (self->writing == NULL)
    {
      g_autoptr (GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (tasks, g_steal_pointer (&task));
      start_write (self, g_steal_pointer (&tasks), contents, length);
      return;
    }
  /* Two writes at once could land the older list last: this one waits, and only the newest
   * list asked for meanwhile is written then. */
  if (self->waiting == NULL)
    self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->waiting, g_steal_pointer (&task));
  g_free (self->next_contents);
  self->next_contents = contents;
  self->next_length = length;
}

gboolean
plenary_event_list_save_finish (PlenaryEventList  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
