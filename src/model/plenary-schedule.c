/* plenary-schedule.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/mman.h>

#include "plenary-day-private.h"
#include "plenary-entry-private.h"
#include "plenary-array-model.h"
#include "plenary-schedule-private.h"

G_DEFINE_FINAL_TYPE (PlenarySchedule, plenary_schedule, G_TYPE_OBJECT)

static void
plenary_schedule_finalize (GObject *object)
{
  PlenarySchedule *self = PLENARY_SCHEDULE (object);

  g_free (self->event_id);
  g_free (self->title);
  g_free (self->server_base);
  g_free (self->url);
  g_free (self->venue);
  g_free (self->timezone_id);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);

  /* Indices first: their keys point into the entries. */
  g_clear_pointer (&self->entry_by_id, g_hash_table_unref);
  g_clear_pointer (&self->entry_by_contribution, g_hash_table_unref);
  g_clear_pointer (&self->entry_by_user_key, g_hash_table_unref);
  g_clear_pointer (&self->room_by_name, g_hash_table_unref);
  g_clear_pointer (&self->track_by_title, g_hash_table_unref);
  g_clear_pointer (&self->room_index, g_hash_table_unref);
  g_clear_pointer (&self->person_talks, g_hash_table_unref);
  g_clear_pointer (&self->person_blocks, g_hash_table_unref);
  g_clear_pointer (&self->track_index, g_hash_table_unref);
  g_clear_pointer (&self->block_entries, g_hash_table_unref);
  g_clear_pointer (&self->block_models, g_hash_table_unref);
  g_clear_pointer (&self->person_by_key, g_hash_table_unref);

  g_clear_pointer (&self->day_items, g_ptr_array_unref);
  g_clear_pointer (&self->day_entries, g_ptr_array_unref);
  g_clear_pointer (&self->sorted_entries, g_ptr_array_unref);
  g_clear_object (&self->days);
  g_clear_object (&self->rooms);
  g_clear_object (&self->people);
  g_clear_object (&self->tracks);
  g_clear_object (&self->entries);
  g_clear_object (&self->blocks);
  g_clear_object (&self->unscheduled);

  g_clear_pointer (&self->day_list, g_ptr_array_unref);
  g_clear_pointer (&self->day_item_lists, g_ptr_array_unref);
  g_clear_pointer (&self->all_entries, g_ptr_array_unref);
  g_clear_pointer (&self->unscheduled_list, g_ptr_array_unref);
  g_clear_pointer (&self->room_list, g_ptr_array_unref);
  g_clear_pointer (&self->track_list, g_ptr_array_unref);
  g_clear_pointer (&self->people_list, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_bytes_unref);

  G_OBJECT_CLASS (plenary_schedule_parent_class)->finalize (object);
}

static void
plenary_schedule_class_init (PlenaryScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_schedule_finalize;
}

static void
plenary_schedule_init (PlenarySchedule *self)
{
  self->day_list = g_ptr_array_new_with_free_func (g_object_unref);
  self->day_item_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->all_entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->unscheduled_list = g_ptr_array_new_with_free_func (g_object_unref);
  self->room_list = g_ptr_array_new_with_free_func (g_object_unref);
  self->track_list = g_ptr_array_new_with_free_func (g_object_unref);
  self->people_list = g_ptr_array_new_with_free_func (g_object_unref);
  self->person_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

PlenarySchedule *
plenary_schedule_new (void)
{
  return g_object_new (PLENARY_TYPE_SCHEDULE, NULL);
}

/* The schedule's own list models never change: a model holding a reference to each of
 * @items, without a GListStore's tree node per item. */
static GListModel *
array_model_new (GType      item_type,
                 GPtrArray *items)
{
  PlenaryArrayModel *self = plenary_array_model_new (item_type);
  guint n = items != NULL ? items->len : 0;
  GPtrArray *copy = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (items, i)));
  plenary_array_model_set (self, copy);

  return G_LIST_MODEL (self);
}

/* Query results are new GListStores, which callers own and may change. */
static GListStore *
store_new_from_array (GType      item_type,
                      GPtrArray *items)
{
  GListStore *store = g_list_store_new (item_type);

  if (items != NULL && items->len > 0)
    g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return store;
}

/* Arrays loaded from the schedule cache are in order already: checking is O(n). */
static void
sort_unless_sorted (GPtrArray    *array,
                    GCompareFunc  compare)
{
  for (guint i = 1; i < array->len; i++)
    if (compare (&array->pdata[i - 1], &array->pdata[i]) > 0)
      {
        g_ptr_array_sort (array, compare);
        return;
      }
}

static GPtrArray *
index_lookup_or_add (GHashTable *index,
                     gpointer    key)
{
  GPtrArray *list = g_hash_table_lookup (index, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, key, list);
    }

  return list;
}

static int
compare_rooms (gconstpointer a,
               gconstpointer b)
{
  const char *na = plenary_room_get_name (*(PlenaryRoom * const *) a);
  const char *nb = plenary_room_get_name (*(PlenaryRoom * const *) b);

  /* The "No room" room goes last, where the views show it. */
  if (*na == '\0' || *nb == '\0')
    return (*na == '\0') - (*nb == '\0');

  return g_utf8_collate (na, nb);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  PlenaryPerson *pa = *(PlenaryPerson * const *) a;
  PlenaryPerson *pb = *(PlenaryPerson * const *) b;
  int cmp = strcmp (plenary_person_get_sort_key (pa), plenary_person_get_sort_key (pb));

  return cmp != 0 ? cmp : strcmp (plenary_person_get_key (pa), plenary_person_get_key (pb));
}

static int
compare_unscheduled (gconstpointer a,
                     gconstpointer b)
{
  PlenaryEntry *ea = *(PlenaryEntry * const *) a;
  PlenaryEntry *eb = *(PlenaryEntry * const *) b;
  int cmp = g_strcmp0 (ea->title, eb->title);

  return cmp != 0 ? cmp : g_strcmp0 (ea->id, eb->id);
}

void
plenary_schedule_finish (PlenarySchedule *self)
{
  g_autoptr (GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr (GHashTable) sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) day_entry_lists = g_ptr_array_new_with_free_func (
    (GDestroyNotify) g_ptr_array_unref);
  guint n_days;

  g_return_if_fail (PLENARY_IS_SCHEDULE (self));
  g_return_if_fail (self->days == NULL);

  n_days = self->day_list->len;
  while (self->day_item_lists->len < n_days)
    g_ptr_array_add (self->day_item_lists, g_ptr_array_new_with_free_func (g_object_unref));
  for (guint i = 0; i < n_days; i++)
    g_ptr_array_add (day_entry_lists, g_ptr_array_new ());

  self->sorted_entries = g_ptr_array_new ();
  self->entry_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->entry_by_contribution = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->entry_by_user_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->room_index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->person_talks = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);
  self->person_blocks = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->track_index = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  self->block_entries = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);

  /* Sorting everything once makes every per-key list below come out sorted too. */
  sort_unless_sorted (self->all_entries, plenary_entry_compare);

  for (guint i = 0; i < self->all_entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (self->all_entries, i);
      GPtrArray *speakers = plenary_entry_get_speakers (entry);

      g_hash_table_insert (self->entry_by_id, entry->id, entry);
      g_hash_table_insert (self->entry_by_user_key, entry->user_key, entry);
      if (entry->contribution_id != 0)
        g_hash_table_insert (self->entry_by_contribution, &entry->contribution_id, entry);

      if (entry->kind == PLENARY_ENTRY_KIND_BLOCK)
        {
          char session[32];

          g_ptr_array_add (blocks, entry);
          self->n_blocks++;
          if (entry->session_id != 0)
            g_snprintf (session, sizeof session, "%" G_GINT64_FORMAT, entry->session_id);
          g_hash_table_add (sessions, entry->session_id != 0
                                      ? g_strdup (session)
                                      : g_strconcat ("t:", entry->title, NULL));
          for (guint j = 0; j < speakers->len; j++)
            g_ptr_array_add (index_lookup_or_add (self->person_blocks,
                                                  g_ptr_array_index (speakers, j)),
                             entry);
          continue;
        }

      if (entry->kind == PLENARY_ENTRY_KIND_CONTRIBUTION)
        self->n_contributions++;
      else
        self->n_breaks++;

      g_ptr_array_add (self->sorted_entries, entry);
      if (entry->start != NULL && entry->end != NULL)
        self->longest_entry = MAX (self->longest_entry,
                                   g_date_time_difference (entry->end, entry->start));
      if (entry->day_index >= 0 && (guint) entry->day_index < n_days)
        g_ptr_array_add (g_ptr_array_index (day_entry_lists, entry->day_index), entry);
      if (entry->room != NULL)
        g_ptr_array_add (index_lookup_or_add (self->room_index, entry->room), entry);
      if (entry->track != NULL)
        g_ptr_array_add (index_lookup_or_add (self->track_index, entry->track), entry);
      if (entry->kind == PLENARY_ENTRY_KIND_CONTRIBUTION)
        for (guint j = 0; j < speakers->len; j++)
          g_ptr_array_add (index_lookup_or_add (self->person_talks,
                                                g_ptr_array_index (speakers, j)),
                           entry);
      if (entry->block != NULL)
        g_ptr_array_add (index_lookup_or_add (self->block_entries, entry->block), entry);
    }
  self->n_sessions = g_hash_table_size (sessions);

  /* A model per block, empty blocks too, so that get_block_entries() never changes the
   * schedule. */
  self->block_models = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint i = 0; i < blocks->len; i++)
    g_hash_table_insert (self->block_models, blocks->pdata[i],
                         array_model_new (PLENARY_TYPE_ENTRY,
                                          g_hash_table_lookup (self->block_entries,
                                                               blocks->pdata[i])));

  /* Unscheduled contributions can still be looked up by their ids. */
  sort_unless_sorted (self->unscheduled_list, compare_unscheduled);
  for (guint i = 0; i < self->unscheduled_list->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (self->unscheduled_list, i);

      g_hash_table_insert (self->entry_by_id, entry->id, entry);
      if (!g_hash_table_contains (self->entry_by_user_key, entry->user_key))
        g_hash_table_insert (self->entry_by_user_key, entry->user_key, entry);
      if (entry->contribution_id != 0
          && !g_hash_table_contains (self->entry_by_contribution, &entry->contribution_id))
        g_hash_table_insert (self->entry_by_contribution, &entry->contribution_id, entry);
      if (entry->track != NULL)
        g_ptr_array_add (index_lookup_or_add (self->track_index, entry->track), entry);
    }

  self->day_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->day_entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_days; i++)
    {
      GPtrArray *items = g_ptr_array_index (self->day_item_lists, i);

      sort_unless_sorted (items, plenary_entry_compare);
      plenary_day_set_n_items (g_ptr_array_index (self->day_list, i), items->len);
      g_ptr_array_add (self->day_items, array_model_new (PLENARY_TYPE_ENTRY, items));
      g_ptr_array_add (self->day_entries,
                       array_model_new (PLENARY_TYPE_ENTRY,
                                        g_ptr_array_index (day_entry_lists, i)));
    }

  sort_unless_sorted (self->room_list, compare_rooms);
  self->room_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->room_list->len; i++)
    {
      PlenaryRoom *room = g_ptr_array_index (self->room_list, i);

      g_hash_table_insert (self->room_by_name, (char *) plenary_room_get_name (room), room);
    }

  self->track_by_title = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->track_list->len; i++)
    {
      PlenaryTrack *track = g_ptr_array_index (self->track_list, i);

      if (!g_hash_table_contains (self->track_by_title, plenary_track_get_title (track)))
        g_hash_table_insert (self->track_by_title, (char *) plenary_track_get_title (track),
                             track);
    }

  sort_unless_sorted (self->people_list, compare_people);

  self->days = array_model_new (PLENARY_TYPE_DAY, self->day_list);
  self->rooms = array_model_new (PLENARY_TYPE_ROOM, self->room_list);
  self->people = array_model_new (PLENARY_TYPE_PERSON, self->people_list);
  self->tracks = array_model_new (PLENARY_TYPE_TRACK, self->track_list);
  self->entries = array_model_new (PLENARY_TYPE_ENTRY, self->sorted_entries);
  self->blocks = array_model_new (PLENARY_TYPE_ENTRY, blocks);
  self->unscheduled = array_model_new (PLENARY_TYPE_ENTRY, self->unscheduled_list);
}

const char *
plenary_schedule_get_event_id (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->event_id;
}

const char *
plenary_schedule_get_title (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->title;
}

const char *
plenary_schedule_get_server_base (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->server_base;
}

const char *
plenary_schedule_get_url (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->url;
}

const char *
plenary_schedule_get_venue (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->venue != NULL ? self->venue : "";
}

const char *
plenary_schedule_get_timezone_id (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->timezone_id;
}

GTimeZone *
plenary_schedule_get_timezone (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->timezone;
}

GDateTime *
plenary_schedule_get_start (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->start;
}

GDateTime *
plenary_schedule_get_end (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->end;
}

guint
plenary_schedule_get_n_blocks (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), 0);
  return self->n_blocks;
}

guint
plenary_schedule_get_n_sessions (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), 0);
  return self->n_sessions;
}

guint
plenary_schedule_get_n_contributions (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), 0);
  return self->n_contributions;
}

guint
plenary_schedule_get_n_breaks (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), 0);
  return self->n_breaks;
}

GListModel *
plenary_schedule_get_days (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->days;
}

GListModel *
plenary_schedule_get_rooms (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->rooms;
}

GListModel *
plenary_schedule_get_people (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->people;
}

GListModel *
plenary_schedule_get_tracks (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->tracks;
}

GListModel *
plenary_schedule_get_entries (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->entries;
}

GListModel *
plenary_schedule_get_blocks (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->blocks;
}

GListModel *
plenary_schedule_get_unscheduled (PlenarySchedule *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return self->unscheduled;
}

GListModel *
plenary_schedule_get_day_items (PlenarySchedule *self,
                                guint            day_index)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (day_index < self->day_items->len, NULL);
  return g_ptr_array_index (self->day_items, day_index);
}

GListModel *
plenary_schedule_get_day_entries (PlenarySchedule *self,
                                  guint            day_index)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (day_index < self->day_entries->len, NULL);
  return g_ptr_array_index (self->day_entries, day_index);
}

GListModel *
plenary_schedule_get_block_entries (PlenarySchedule *self,
                                    PlenaryEntry    *block)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (PLENARY_IS_ENTRY (block), NULL);

  /* NULL for a block of another schedule, or not a block. */
  return g_hash_table_lookup (self->block_models, block);
}

static GListModel *
query_result (GHashTable *index,
              gpointer    key)
{
  GPtrArray *found = g_hash_table_lookup (index, key);

  return G_LIST_MODEL (store_new_from_array (PLENARY_TYPE_ENTRY, found));
}

GListModel *
plenary_schedule_get_room_entries (PlenarySchedule *self,
                                   PlenaryRoom     *room)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (PLENARY_IS_ROOM (room), NULL);
  return query_result (self->room_index, room);
}

GListModel *
plenary_schedule_get_person_entries (PlenarySchedule *self,
                                     PlenaryPerson   *person)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (PLENARY_IS_PERSON (person), NULL);
  return query_result (self->person_talks, person);
}

GListModel *
plenary_schedule_get_person_blocks (PlenarySchedule *self,
                                    PlenaryPerson   *person)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (PLENARY_IS_PERSON (person), NULL);
  return query_result (self->person_blocks, person);
}

GListModel *
plenary_schedule_get_track_entries (PlenarySchedule *self,
                                    PlenaryTrack    *track)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (PLENARY_IS_TRACK (track), NULL);
  return query_result (self->track_index, track);
}

/* Index of the first sorted entry starting after @instant (strictly). */
static guint
first_start_after (PlenarySchedule *self,
                   GDateTime       *instant)
{
  guint lo = 0, hi = self->sorted_entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      PlenaryEntry *entry = g_ptr_array_index (self->sorted_entries, mid);

      if (g_date_time_compare (entry->start, instant) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

GListModel *
plenary_schedule_get_entries_at (PlenarySchedule *self,
                                 GDateTime       *instant)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GDateTime) horizon = NULL;
  guint upper;

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (instant != NULL, NULL);

  /* Nothing that started before now - longest duration can still be running. */
  upper = first_start_after (self, instant);
  horizon = g_date_time_add (instant, -self->longest_entry);
  for (guint i = upper; i > 0; i--)
    {
      PlenaryEntry *entry = g_ptr_array_index (self->sorted_entries, i - 1);

      if (horizon != NULL && g_date_time_compare (entry->start, horizon) < 0)
        break;
      if (g_date_time_compare (entry->end, instant) > 0)
        g_ptr_array_add (found, entry);
    }
  g_ptr_array_sort (found, plenary_entry_compare);

  return G_LIST_MODEL (store_new_from_array (PLENARY_TYPE_ENTRY, found));
}

GListModel *
plenary_schedule_get_entries_after (PlenarySchedule *self,
                                    GDateTime       *instant,
                                    guint            max_entries)
{
  GListStore *store;
  guint first, n;

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (instant != NULL, NULL);

  first = first_start_after (self, instant);
  n = MIN (max_entries, self->sorted_entries->len - first);
  store = g_list_store_new (PLENARY_TYPE_ENTRY);
  if (n > 0)
    g_list_store_splice (store, 0, 0, self->sorted_entries->pdata + first, n);

  return G_LIST_MODEL (store);
}

PlenaryEntry *
plenary_schedule_lookup_entry (PlenarySchedule *self,
                               const char      *entry_id)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (entry_id != NULL, NULL);
  return g_hash_table_lookup (self->entry_by_id, entry_id);
}

PlenaryEntry *
plenary_schedule_lookup_contribution (PlenarySchedule *self,
                                      gint64           contribution_id)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  return g_hash_table_lookup (self->entry_by_contribution, &contribution_id);
}

PlenaryEntry *
plenary_schedule_lookup_user_key (PlenarySchedule *self,
                                  const char      *user_key)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (user_key != NULL, NULL);
  return g_hash_table_lookup (self->entry_by_user_key, user_key);
}

PlenaryPerson *
plenary_schedule_lookup_person (PlenarySchedule *self,
                                const char      *person_key)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (person_key != NULL, NULL);
  return g_hash_table_lookup (self->person_by_key, person_key);
}

PlenaryRoom *
plenary_schedule_lookup_room (PlenarySchedule *self,
                              const char      *name)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->room_by_name, name);
}

PlenaryTrack *
plenary_schedule_lookup_track (PlenarySchedule *self,
                               const char      *title)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  return g_hash_table_lookup (self->track_by_title, title);
}

/* A day in a zone, as the instants it runs from and to: comparing an entry's start with it
 * needs no conversion (a day switch at 20,000 talks compares some 12,000 of them). */
typedef struct
{
  gint64 from;   /* local midnight, Unix seconds */
  gint64 to;     /* the next local midnight */
} DaySpan;

/* Whether @entry starts before (-1), on (0) or after (1) @span. */
static int
compare_start_day (PlenaryEntry  *entry,
                   const DaySpan *span)
{
  gint64 start = g_date_time_to_unix (entry->start);

  return start < span->from ? -1 : start >= span->to ? 1 : 0;
}

/* The first and last days also take what falls before and after them in @zone (Tokyo's
 * Saturday morning of an event that ends on Friday in New York): nothing is lost. */
static gboolean
starts_on (PlenaryEntry  *entry,
           const DaySpan *span,
           gboolean       first,
           gboolean       last)
{
  int order;

  if (entry->start == NULL)
    return FALSE;
  order = compare_start_day (entry, span);
  return order == 0 || (order < 0 && first) || (order > 0 && last);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  GPtrArray *x = *(GPtrArray **) a;
  GPtrArray *y = *(GPtrArray **) b;
  PlenaryEntry *first_x = g_ptr_array_index (x, x->len > 1 ? 1 : 0);
  PlenaryEntry *first_y = g_ptr_array_index (y, y->len > 1 ? 1 : 0);

  return plenary_entry_compare (&first_x, &first_y);
}

GPtrArray *
plenary_schedule_dup_day_rows (PlenarySchedule *self,
                               guint            day_index,
                               GTimeZone       *zone)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) day_start = NULL;
  g_autoptr (GDateTime) day_end = NULL;
  DaySpan span;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean first, last;
  PlenaryDay *day;

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (self), rows);
  if (day_index >= self->day_list->len)
    return rows;
  if (zone == NULL)
    zone = self->timezone;
  day = g_ptr_array_index (self->day_list, day_index);
  midnight = g_date_time_to_timezone (plenary_day_get_date (day), self->timezone);
  /* The event's date of that day, from midnight to midnight in @zone. */
  day_start = g_date_time_new (zone, g_date_time_get_year (midnight),
                               g_date_time_get_month (midnight),
                               g_date_time_get_day_of_month (midnight), 0, 0, 0);
  day_end = day_start != NULL ? g_date_time_add_days (day_start, 1) : NULL;
  if (day_start == NULL || day_end == NULL)
    return rows;
  span.from = g_date_time_to_unix (day_start);
  span.to = g_date_time_to_unix (day_end);
  first = day_index == 0;
  last = day_index + 1 == self->day_list->len;

  /* Shown in another zone, a talk may fall on the event's day before or after. */
  for (guint d = day_index > 0 ? day_index - 1 : 0;
       d <= day_index + 1 && d < self->day_item_lists->len; d++)
    {
      GPtrArray *items = g_ptr_array_index (self->day_item_lists, d);

      for (guint i = 0; i < items->len; i++)
        {
          PlenaryEntry *item = g_ptr_array_index (items, i);
          GPtrArray *children;
          GPtrArray *group;

          if (!g_hash_table_add (seen, item))
            continue;
          if (item->kind != PLENARY_ENTRY_KIND_BLOCK)
            {
              if (!starts_on (item, &span, first, last))
                continue;
              group = g_ptr_array_new ();
              g_ptr_array_add (group, item);
              g_ptr_array_add (groups, group);
              continue;
            }
          children = g_hash_table_lookup (self->block_entries, item);
          group = g_ptr_array_new ();
          g_ptr_array_add (group, item);
          for (guint j = 0; children != NULL && j < children->len; j++)
            if (starts_on (g_ptr_array_index (children, j), &span, first, last))
              g_ptr_array_add (group, g_ptr_array_index (children, j));
          /* A block is listed with its part of the day; an empty block on its own day. */
          if (group->len > 1
              || ((children == NULL || children->len == 0)
                  && starts_on (item, &span, first, last)))
            g_ptr_array_add (groups, group);
          else
            g_ptr_array_unref (group);
        }
    }

  g_ptr_array_sort (groups, compare_groups);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);

      for (guint j = 0; j < group->len; j++)
        g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (group, j)));
    }
  return rows;
}

void
plenary_schedule_release_pages (PlenarySchedule *self)
{
  gconstpointer data;
  gsize size;

  g_return_if_fail (PLENARY_IS_SCHEDULE (self));

  if (self->mapping == NULL)
    return;
  /* Safe while other threads read it: the mapping is private, read-only, and of a file
   * only ever replaced by rename, so a page taken back is read in again when touched. */
  data = g_bytes_get_data (self->mapping, &size);
  if (size > 0)
    madvise ((gpointer) data, size, MADV_DONTNEED);
}

static void
unref_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

void
plenary_schedule_unref_in_thread (PlenarySchedule *schedule)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PLENARY_IS_SCHEDULE (schedule));

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, schedule, NULL);
  g_task_run_in_thread (task, unref_thread);
}
