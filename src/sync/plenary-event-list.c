/* plenary-event-list.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "store/plenary-store.h"
#include "plenary-event-list.h"

#define FORMAT_VERSION 1

struct _PlenaryEventList
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *events;
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
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
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
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) local_error = NULL;
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *list;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  root = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      replace_all (self, events);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  list = root != NULL ? json_object_get_member (json_node_get_object (root), "events") : NULL;
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *array = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autoptr (PlenaryEvent) event = NULL;
          g_autoptr (GDateTime) added_at = NULL;
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
          plenary_event_set_title (event,
                                   json_object_get_string_member_with_default (object, "title",
                                                                               NULL));
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

  replace_all (self, events);
  return TRUE;
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
  plenary_store_write_file_in_thread (task, self->path, contents, length);
}

gboolean
plenary_event_list_save_finish (PlenaryEventList  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
