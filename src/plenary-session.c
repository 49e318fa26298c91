/* plenary-session.c: the followed events and what keeps them: their list, sync and reminders
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the application used to hold besides its windows: the list of followed events
 * (events.json), the sync service and the star sync that serve them, one PlenaryReminders
 * per event, forgetting an event, and writing pending stars and notes before the end.
 */

#include "config.h"

#include "plenary-session.h"
#include "store/plenary-store.h"
#include "ui/plenary-search-engine.h"

/* How long the last save may keep the application from quitting. */
#define FLUSH_TIMEOUT_SECONDS 5

struct _PlenarySession
{
  GObject               parent_instance;

  GApplication         *application;   /* borrowed: it owns the session */
  PlenaryEventList     *events;
  PlenarySyncService   *sync;
  PlenaryFavoritesSync *favorites;     /* stars synced with Indico accounts */
  GSettings            *settings;
  GHashTable           *reminders;     /* PlenaryEvent → PlenaryReminders */
  guint                 n_writing;     /* events.json saves and folder deletions under way */
  GList                *flushes;       /* flush GTasks waiting for them */
};

G_DEFINE_FINAL_TYPE (PlenarySession, plenary_session, G_TYPE_OBJECT)

static void
prepare_search_cb (PlenarySyncService *sync,
                   PlenaryEvent       *event,
                   PlenarySchedule    *schedule)
{
  plenary_search_engine_prepare (schedule);
}

PlenarySession *
plenary_session_new (GApplication *application,
                     GSettings    *settings)
{
  PlenarySession *self;
  g_autofree char *events_file = plenary_store_get_events_file ();

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PLENARY_TYPE_SESSION, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  self->events = plenary_event_list_new (events_file);
  self->sync = plenary_sync_service_new ();
  g_signal_connect (self->sync, "programme-parsed", G_CALLBACK (prepare_search_cb), NULL);
  g_settings_bind (settings, "refresh-interval", self->sync, "refresh-interval",
                   G_SETTINGS_BIND_GET);
  self->favorites = plenary_favorites_sync_new (plenary_sync_service_get_session (self->sync));
  g_settings_bind (settings, "favorites-sync-servers", self->favorites, "enabled-servers",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}

PlenaryEventList *
plenary_session_get_events (PlenarySession *self)
{
  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);

  return self->events;
}

PlenarySyncService *
plenary_session_get_sync (PlenarySession *self)
{
  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);

  return self->sync;
}

PlenaryFavoritesSync *
plenary_session_get_favorites (PlenarySession *self)
{
  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);

  return self->favorites;
}

static void
events_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  PlenarySession *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!plenary_event_list_load_finish (self->events, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Rebuilt from the event folders: saved, so the next start reads it as usual. */
  if (plenary_event_list_get_recovered (self->events, NULL))
    plenary_session_save_events (self);
  g_task_return_boolean (task, TRUE);
}

void
plenary_session_load_async (PlenarySession      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PLENARY_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_session_load_async);
  plenary_event_list_load_async (self->events, cancellable, events_loaded_cb, task);
}

gboolean
plenary_session_load_finish (PlenarySession  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void flush_step (GTask *task);

/* A save of events.json or a folder deletion is done: a flush waiting for them may end. */
static void
writing_done (PlenarySession *self)
{
  GList *flushes;

  if (--self->n_writing > 0)
    return;
  flushes = g_steal_pointer (&self->flushes);
  for (GList *l = flushes; l != NULL; l = l->next)
    flush_step (l->data);
  g_list_free_full (flushes, g_object_unref);
}

static void
events_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (PlenarySession) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!plenary_event_list_save_finish (PLENARY_EVENT_LIST (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not save the list of followed events: %s", error->message);
  writing_done (self);
}

void
plenary_session_save_events (PlenarySession *self)
{
  g_return_if_fail (PLENARY_IS_SESSION (self));

  self->n_writing++;
  plenary_event_list_save_async (self->events, NULL, events_saved_cb, g_object_ref (self));
}

void
plenary_session_watch_event (PlenarySession *self,
                             PlenaryEvent   *event)
{
  PlenaryReminders *reminders;

  g_return_if_fail (PLENARY_IS_SESSION (self));
  g_return_if_fail (PLENARY_IS_EVENT (event));

  if (g_hash_table_contains (self->reminders, event))
    return;
  reminders = g_object_new (PLENARY_TYPE_REMINDERS,
                            "application", self->application,
                            "user-data", plenary_event_get_user_data (event),
                            NULL);
  g_object_bind_property (event, "schedule", reminders, "schedule", G_BINDING_SYNC_CREATE);
  g_settings_bind (self->settings, "reminder-minutes", reminders, "lead-minutes",
                   G_SETTINGS_BIND_GET);
  g_hash_table_insert (self->reminders, g_object_ref (event), reminders);
  plenary_favorites_sync_watch_event (self->favorites, event);
}

PlenaryReminders *
plenary_session_get_reminders (PlenarySession *self,
                               PlenaryEvent   *event)
{
  g_return_val_if_fail (PLENARY_IS_SESSION (self), NULL);

  return g_hash_table_lookup (self->reminders, event);
}

static void
delete_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  /* After a commit or a save still writing there, and before any that would begin. */
  plenary_store_delete_dir (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  writing_done (PLENARY_SESSION (source));
}

void
plenary_session_forget_event (PlenarySession *self,
                              PlenaryEvent   *event)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PLENARY_IS_SESSION (self));
  g_return_if_fail (PLENARY_IS_EVENT (event));

  /* Before the list lets go of the event. */
  task = g_task_new (self, NULL, deleted_cb, NULL);
  g_task_set_source_tag (task, plenary_session_forget_event);
  g_task_set_task_data (task, g_strdup (plenary_event_get_directory (event)), g_free);
  plenary_sync_service_remove_event (self->sync, event);
  g_hash_table_remove (self->reminders, event);
  plenary_favorites_sync_unwatch_event (self->favorites, event);
  /* A star given a moment ago is not written after the folder is gone. */
  plenary_user_data_discard (plenary_event_get_user_data (event));
  plenary_event_list_remove (self->events, event);
  plenary_session_save_events (self);
  self->n_writing++;
  g_task_run_in_thread (task, delete_thread);
}

/* Flushing: one task for all the events' saves, and for the session's own writes. */

typedef struct
{
  guint pending;   /* saves not finished yet, one for the session's writes under way, and one
                    * for the loop that starts them */
  guint timeout;   /* 0 once the task has returned */
} Flush;

static void
flush_free (Flush *flush)
{
  g_clear_handle_id (&flush->timeout, g_source_remove);
  g_free (flush);
}

static gboolean
flush_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Flush *flush = g_task_get_task_data (task);

  flush->timeout = 0;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           "Stars and notes were still being written after %u seconds",
                           FLUSH_TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* One save less to wait for (or the loop that starts them is done). */
static void
flush_step (GTask *task)
{
  Flush *flush = g_task_get_task_data (task);

  if (--flush->pending > 0 || flush->timeout == 0)
    return;
  g_clear_handle_id (&flush->timeout, g_source_remove);
  g_task_return_boolean (task, TRUE);
}

static void
user_data_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* The changes stay in memory, dirty, for the next save. */
  if (!plenary_user_data_save_finish (PLENARY_USER_DATA (source), result, &error))
    g_message ("Could not save stars and notes: %s", error->message);
  flush_step (task);
}

void
plenary_session_flush_async (PlenarySession      *self,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GListModel *events;
  Flush *flush;

  g_return_if_fail (PLENARY_IS_SESSION (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, plenary_session_flush_async);
  flush = g_new0 (Flush, 1);
  g_task_set_task_data (task, flush, (GDestroyNotify) flush_free);
  /* Before the saves start: one could complete before they all have. */
  flush->timeout = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, FLUSH_TIMEOUT_SECONDS,
                                               flush_timeout_cb, g_object_ref (task),
                                               g_object_unref);
  flush->pending = 1;
  events = G_LIST_MODEL (self->events);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (events, i);
      PlenaryUserData *data = plenary_event_get_user_data (event);

      if (data == NULL || !plenary_user_data_get_dirty (data))
        continue;
      flush->pending++;
      plenary_user_data_save_async (data, NULL, user_data_saved_cb, g_object_ref (task));
    }
  /* A list saved without a forgotten event, and its folder deleted, or neither. */
  if (self->n_writing > 0)
    {
      flush->pending++;
      self->flushes = g_list_prepend (self->flushes, g_object_ref (task));
    }
  flush_step (task);
}

gboolean
plenary_session_flush_finish (PlenarySession  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
plenary_session_dispose (GObject *object)
{
  PlenarySession *self = PLENARY_SESSION (object);

  g_clear_pointer (&self->reminders, g_hash_table_unref);
  g_clear_object (&self->favorites);
  g_clear_object (&self->sync);
  g_clear_object (&self->events);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plenary_session_parent_class)->dispose (object);
}

static void
plenary_session_class_init (PlenarySessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_session_dispose;
}

static void
plenary_session_init (PlenarySession *self)
{
  self->reminders = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
}
