/* plenary-search-engine.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folding every title, name and abstract takes a while at 20,000 talks, so the index is built
 * in a worker once the new schedule is on screen (or sooner, while a programme the user asked
 * for is being stored), kept with its schedule, and a search asked before it is there waits
 * in a queue, not on a lock: the main thread never blocks on the worker. Matching itself runs
 * on the main thread: the index answers a keystroke in well under a frame, less than a hop to
 * a thread and back would cost. Here rather than in util/, beside the index: what is searched
 * is the schedule's entries, with speakers named as plenary-format.c names them in the rows.
 */

#include "config.h"

#include <string.h>

#include "plenary-format.h"
#include "plenary-search-engine.h"
#include "util/plenary-search-index.h"

struct _PlenarySearchEngine
{
  GObject             parent_instance;

  PlenarySchedule    *schedule;
  PlenarySearchIndex *index;          /* of schedule's entries, once built */
  GTask              *index_task;     /* the worker building it, if running */
  guint               index_idle;     /* starts that worker once the main loop is idle */
  GQueue              pending;        /* GTask: searches waiting for the index */

  /* The last answer, for typing on: every match of "mck" is a match of "mc". */
  char               *hits_query;
  GArray             *hits;           /* guint: index items */
};

G_DEFINE_FINAL_TYPE (PlenarySearchEngine, plenary_search_engine, G_TYPE_OBJECT)

/* Runs in a worker thread: the schedule is immutable and the entries were taken out of their
 * list model on the main thread. */
static PlenarySearchIndex *
new_search_index (PlenarySchedule *schedule,
                  GPtrArray       *entries)
{
  PlenarySearchIndex *index = plenary_search_index_new ();
  g_autoptr (GString) haystack = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *people = plenary_format_people (plenary_entry_get_speakers (entry), TRUE);
      g_autofree char *description = NULL;
      PlenaryTrack *track = plenary_entry_get_track (entry);

      g_string_truncate (haystack, 0);
      plenary_fold_append_for_search (haystack, plenary_entry_get_title (entry));
      plenary_fold_append_for_search (haystack, people);
      plenary_fold_append_for_search (haystack, plenary_room_get_name (plenary_entry_get_room (entry)));
      plenary_fold_append_for_search (haystack, track != NULL ? plenary_track_get_title (track) : NULL);
      plenary_fold_append_for_search (haystack, plenary_entry_get_session_title (entry));
      description = plenary_fold_for_search (plenary_entry_get_description (entry));
      /* The schedule owns the entry for as long as the index lives. */
      plenary_search_index_add (index, entry, haystack->str, description);
    }
  plenary_search_index_finish (index);
  /* The abstracts were read from the mapped cache only to be indexed. */
  plenary_schedule_release_pages (schedule);
  return index;
}

/* A schedule's index, built once whoever asks first (the engine showing it, or the sync that
 * parsed it, plenary_search_engine_prepare()), and kept with the schedule: the schedule is
 * immutable and owns the entries the index points to. */
typedef struct
{
  GMutex              lock;     /* held while the index is built */
  PlenarySearchIndex *index;
} SharedIndex;

static GMutex shared_indexes_lock;

static void
shared_index_free (gpointer data)
{
  SharedIndex *shared = data;

  g_clear_pointer (&shared->index, plenary_search_index_free);
  g_mutex_clear (&shared->lock);
  g_free (shared);
}

static SharedIndex *
get_shared_index (PlenarySchedule *schedule)
{
  static GQuark quark;
  SharedIndex *shared;

  g_mutex_lock (&shared_indexes_lock);
  if (quark == 0)
    quark = g_quark_from_static_string ("plenary-search-index");
  shared = g_object_get_qdata (G_OBJECT (schedule), quark);
  if (shared == NULL)
    {
      shared = g_new0 (SharedIndex, 1);
      g_mutex_init (&shared->lock);
      g_object_set_qdata_full (G_OBJECT (schedule), quark, shared, shared_index_free);
    }
  g_mutex_unlock (&shared_indexes_lock);
  return shared;
}

/* In a worker: @schedule's index, built now if nobody has, or waited for if another worker is
 * building it. Owned by the schedule. */
static PlenarySearchIndex *
index_of (PlenarySchedule *schedule,
          GPtrArray       *entries)
{
  SharedIndex *shared = get_shared_index (schedule);
  PlenarySearchIndex *index;

  g_mutex_lock (&shared->lock);
  if (shared->index == NULL)
    shared->index = new_search_index (schedule, entries);
  index = shared->index;
  g_mutex_unlock (&shared->lock);
  return index;
}

/* On the main thread: @schedule's index if it is built already, without waiting. */
static PlenarySearchIndex *
peek_index (PlenarySchedule *schedule)
{
  SharedIndex *shared = get_shared_index (schedule);
  PlenarySearchIndex *index = NULL;

  if (g_mutex_trylock (&shared->lock))
    {
      index = shared->index;
      g_mutex_unlock (&shared->lock);
    }
  return index;
}

typedef struct
{
  PlenarySchedule *schedule;   /* keeps what the entries point to alive in the worker */
  GPtrArray       *entries;
  GWeakRef         engine;     /* read on the main thread only */
} IndexJob;

static void
index_job_free (gpointer data)
{
  IndexJob *job = data;

  g_clear_object (&job->schedule);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_weak_ref_clear (&job->engine);
  g_free (job);
}

static void
build_index_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  IndexJob *job = task_data;

  g_task_return_pointer (task, index_of (job->schedule, job->entries), NULL);
}

static void answer (PlenarySearchEngine *self,
                    GTask               *search);

static void
index_built_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IndexJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (PlenarySearchEngine) self = g_weak_ref_get (&job->engine);
  PlenarySearchIndex *index = g_task_propagate_pointer (G_TASK (result), NULL);
  GTask *search;

  /* Let go of the schedule here, on the main thread, rather than wherever the task ends. */
  g_clear_object (&job->schedule);
  g_clear_pointer (&job->entries, g_ptr_array_unref);

  /* The engine went, or another schedule came (the index stays with its schedule). */
  if (self == NULL || G_TASK (result) != self->index_task || index == NULL)
    return;
  g_clear_object (&self->index_task);
  self->index = index;
  while ((search = g_queue_pop_head (&self->pending)) != NULL)
    {
      answer (self, search);
      g_object_unref (search);
    }
}

/* Builds @schedule's index in a worker; index_built_cb() gives it to @engine, if any. */
static GTask *
run_index_job (PlenarySchedule     *schedule,
               PlenarySearchEngine *engine)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  GListModel *entries = plenary_schedule_get_entries (schedule);
  guint n = g_list_model_get_n_items (entries);
  IndexJob *job = g_new0 (IndexJob, 1);
  GTask *task;

  job->schedule = g_object_ref (schedule);
  job->entries = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (job->entries, g_list_model_get_item (entries, i));
  g_weak_ref_init (&job->engine, engine);
  /* No source object: a task may end in the worker, which must not hold the last reference to
   * the engine (and through it the schedule). */
  task = g_task_new (NULL, cancellable, index_built_cb, NULL);
  g_task_set_source_tag (task, run_index_job);
  g_task_set_task_data (task, job, index_job_free);
  g_task_run_in_thread (task, build_index_thread);
  return task;
}

static void
start_index (PlenarySearchEngine *self)
{
  g_clear_handle_id (&self->index_idle, g_source_remove);
  self->index_task = run_index_job (self->schedule, self);
}

void
plenary_search_engine_prepare (PlenarySchedule *schedule)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PLENARY_IS_SCHEDULE (schedule));

  if (peek_index (schedule) == NULL)
    task = run_index_job (schedule, NULL);
}

static gboolean
start_index_cb (gpointer user_data)
{
  PlenarySearchEngine *self = user_data;

  self->index_idle = 0;
  start_index (self);
  return G_SOURCE_REMOVE;
}

static void
drop_index (PlenarySearchEngine *self)
{
  GTask *search;

  g_clear_handle_id (&self->index_idle, g_source_remove);
  if (self->index_task != NULL)
    g_cancellable_cancel (g_task_get_cancellable (self->index_task));
  g_clear_object (&self->index_task);
  self->index = NULL;     /* the schedule's */
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->hits_query, g_free);
  while ((search = g_queue_pop_head (&self->pending)) != NULL)
    {
      g_task_return_new_error (search, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The schedule searched was replaced");
      g_object_unref (search);
    }
}

void
plenary_search_engine_set_schedule (PlenarySearchEngine *self,
                                    PlenarySchedule     *schedule)
{
  g_return_if_fail (PLENARY_IS_SEARCH_ENGINE (self));
  g_return_if_fail (schedule == NULL || PLENARY_IS_SCHEDULE (schedule));

  if (self->schedule == schedule)
    return;
  drop_index (self);
  g_set_object (&self->schedule, schedule);
  /* Built already, by a sync that asked for it (plenary_search_engine_prepare()). */
  if (schedule != NULL)
    self->index = peek_index (schedule);
  /* Otherwise after the frame that shows the new schedule (idle priority is below drawing):
   * on two cores the worker would compete with that first frame. */
  if (schedule != NULL && self->index == NULL)
    self->index_idle = g_idle_add_full (G_PRIORITY_LOW, start_index_cb, self, NULL);
}

PlenarySchedule *
plenary_search_engine_get_schedule (PlenarySearchEngine *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_ENGINE (self), NULL);

  return self->schedule;
}

gboolean
plenary_search_engine_get_ready (PlenarySearchEngine *self)
{
  g_return_val_if_fail (PLENARY_IS_SEARCH_ENGINE (self), FALSE);

  return self->index != NULL;
}

static void
answer (PlenarySearchEngine *self,
        GTask               *search)
{
  const char *query = g_task_get_task_data (search);
  g_auto (GStrv) terms = NULL;
  gboolean narrowing;
  GPtrArray *entries;
  GArray *hits;

  /* A later keystroke asked again: this answer would be thrown away. */
  if (g_task_return_error_if_cancelled (search))
    return;

  terms = plenary_search_terms (query);
  /* Not narrowing after a query of only spaces, which matched nothing. */
  narrowing = self->hits != NULL && g_str_has_prefix (query, self->hits_query)
              && self->hits_query[strspn (self->hits_query, PLENARY_SEARCH_SEPARATORS)] != '\0';
  hits = plenary_search_index_match (self->index, (const char * const *) terms,
                                     narrowing ? self->hits : NULL);
  entries = g_ptr_array_new_full (hits->len, g_object_unref);
  for (guint i = 0; i < hits->len; i++)
    {
      guint item = g_array_index (hits, guint, i);

      g_ptr_array_add (entries, g_object_ref (plenary_search_index_get_data (self->index, item)));
    }
  g_clear_pointer (&self->hits, g_array_unref);
  self->hits = hits;
  g_free (self->hits_query);
  self->hits_query = g_strdup (query);
  g_task_return_pointer (search, entries, (GDestroyNotify) g_ptr_array_unref);
}

void
plenary_search_engine_search_async (PlenarySearchEngine *self,
                                    const char          *folded_query,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) search = NULL;

  g_return_if_fail (PLENARY_IS_SEARCH_ENGINE (self));
  g_return_if_fail (folded_query != NULL);

  search = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (search, plenary_search_engine_search_async);
  g_task_set_task_data (search, g_strdup (folded_query), g_free);

  if (self->schedule == NULL)
    {
      g_task_return_pointer (search, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  if (self->index != NULL)
    {
      /* Answered from the next main loop iteration (GTask never calls back from within the
       * call), before the frame that shows it. */
      answer (self, search);
      return;
    }
  /* Waits for the worker, started now if it was still waiting for an idle moment. */
  g_queue_push_tail (&self->pending, g_steal_pointer (&search));
  if (self->index_task == NULL)
    start_index (self);
}

GPtrArray *
plenary_search_engine_search_finish (PlenarySearchEngine *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
plenary_search_engine_dispose (GObject *object)
{
  PlenarySearchEngine *self = PLENARY_SEARCH_ENGINE (object);

  drop_index (self);
  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (plenary_search_engine_parent_class)->dispose (object);
}

static void
plenary_search_engine_class_init (PlenarySearchEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_search_engine_dispose;
}

static void
plenary_search_engine_init (PlenarySearchEngine *self)
{
  g_queue_init (&self->pending);
}

PlenarySearchEngine *
plenary_search_engine_new (void)
{
  return g_object_new (PLENARY_TYPE_SEARCH_ENGINE, NULL);
}
