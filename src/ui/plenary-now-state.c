/* plenary-now-state.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-now-state.h"

/* One entry of a room while the state is computed. */
typedef struct
{
  PlenaryEntry *entry;
  GDateTime    *started;   /* the chair's records, borrowed from the user data */
  GDateTime    *ended;
  GDateTime    *start;     /* expected, owned */
  GDateTime    *end;
  gboolean      over;
} Slot;

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
}

static void
item_free (gpointer data)
{
  PlenaryNowItem *item = data;

  if (item == NULL)
    return;
  g_clear_object (&item->entry);
  g_clear_pointer (&item->start, g_date_time_unref);
  g_clear_pointer (&item->end, g_date_time_unref);
  g_free (item);
}

static void
room_free (gpointer data)
{
  PlenaryNowRoom *room = data;

  g_clear_object (&room->room);
  g_clear_pointer (&room->current, g_ptr_array_unref);
  g_clear_pointer (&room->next, item_free);
  g_free (room);
}

void
plenary_now_state_free (PlenaryNowState *state)
{
  if (state == NULL)
    return;
  g_clear_pointer (&state->now, g_date_time_unref);
  g_clear_pointer (&state->first_start, g_date_time_unref);
  g_clear_pointer (&state->last_end, g_date_time_unref);
  g_clear_pointer (&state->resumes, g_date_time_unref);
  g_clear_pointer (&state->rooms, g_ptr_array_unref);
  g_free (state);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = a;
  const Slot *y = b;
  int by_start = g_date_time_compare (plenary_entry_get_start (x->entry),
                                      plenary_entry_get_start (y->entry));

  return by_start != 0 ? by_start : g_strcmp0 (plenary_entry_get_id (x->entry),
                                               plenary_entry_get_id (y->entry));
}

/* The calendar day (in the event's zone) a talk belongs to: that of its block's start, so that
 * the talks of a block that runs past midnight keep the day they started on. */
static gint
day_key (PlenaryEntry *entry,
         GTimeZone    *zone)
{
  PlenaryEntry *block = plenary_entry_get_block (entry);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (plenary_entry_get_start (block != NULL
                                                                                  ? block : entry),
                                                         zone);

  return g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100
         + g_date_time_get_day_of_month (local);
}

static gint
date_key (GDateTime *time,
          GTimeZone *zone)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (time, zone);

  return g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100
         + g_date_time_get_day_of_month (local);
}

static PlenaryNowItem *
item_new (Slot            *slot,
          GDateTime       *now,
          PlenaryUserData *user_data,
          gboolean         current)
{
  PlenaryNowItem *item = g_new0 (PlenaryNowItem, 1);
  GTimeSpan total = g_date_time_difference (slot->end, slot->start);

  item->entry = g_object_ref (slot->entry);
  item->start = g_date_time_ref (slot->start);
  item->end = g_date_time_ref (slot->end);
  item->recorded = slot->started != NULL;
  item->starred = user_data != NULL
                  && plenary_user_data_get_starred (user_data,
                                                    plenary_entry_get_user_key (slot->entry));
  if (current)
    {
      GTimeSpan elapsed = g_date_time_difference (now, slot->start);

      item->left = g_date_time_difference (slot->end, now);
      item->progress = total > 0 ? CLAMP ((double) elapsed / (double) total, 0.0, 1.0) : 1.0;
    }
  else
    item->left = g_date_time_difference (slot->start, now);
  return item;
}

/* Expected times of every slot of a room, in order. A talk the chair started runs from then
 * for its planned length and ends when the chair ended it, or when the next one starts; talks
 * after the chair's last record in a block move by how late that block runs (never earlier
 * than planned: talks do not start before their time). */
static void
expect_times (GArray    *slots,
              GDateTime *now)
{
  GHashTable *shift = g_hash_table_new (NULL, NULL);   /* block (or NULL) → drift in minutes */
  int last_started = -1;

  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);

      /* A record in the future (a clock set back) is no record yet. */
      if (slot->started != NULL && g_date_time_compare (slot->started, now) > 0)
        slot->started = NULL;
      if (slot->ended != NULL && g_date_time_compare (slot->ended, now) > 0)
        slot->ended = NULL;
      if (slot->started != NULL)
        last_started = i;
    }

  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);
      PlenaryEntry *block = plenary_entry_get_block (slot->entry);
      GDateTime *planned_start = plenary_entry_get_start (slot->entry);
      GDateTime *planned_end = plenary_entry_get_end (slot->entry);
      GTimeSpan duration = g_date_time_difference (planned_end, planned_start);
      GTimeSpan drift = (GTimeSpan) GPOINTER_TO_INT (g_hash_table_lookup (shift, block))
                        * G_TIME_SPAN_MINUTE;

      if (slot->started != NULL)
        slot->start = g_date_time_ref (slot->started);
      else
        slot->start = g_date_time_add (planned_start, MAX (drift, 0));
      slot->end = slot->ended != NULL ? g_date_time_ref (slot->ended)
                                      : g_date_time_add (slot->start, duration);

      if (slot->ended != NULL)
        slot->over = TRUE;
      else if ((int) i < last_started)
        /* A later talk in the room started: this one is over, recorded or not. */
        slot->over = TRUE;
      else if ((int) i == last_started)
        {
          /* Started and not ended: on past its time, until its block is over. */
          GDateTime *limit = block != NULL && g_date_time_compare (plenary_entry_get_end (block),
                                                                   slot->end) > 0
                             ? plenary_entry_get_end (block) : slot->end;

          slot->over = g_date_time_compare (now, limit) >= 0;
        }
      else
        slot->over = g_date_time_compare (now, slot->end) >= 0;

      if (slot->ended != NULL)
        drift = g_date_time_difference (slot->ended, planned_end);
      else if (slot->started != NULL)
        drift = g_date_time_difference (slot->started, planned_start);
      else
        continue;
      g_hash_table_insert (shift, block, GINT_TO_POINTER ((int) (drift / G_TIME_SPAN_MINUTE)));
    }
  g_hash_table_unref (shift);
}

/* The room's delay by the chair's last record before now, else 0. */
static GTimeSpan
measure_delay (GArray *slots)
{
  for (int i = (int) slots->len - 1; i >= 0; i--)
    {
      Slot *slot = &g_array_index (slots, Slot, i);

      if (slot->ended != NULL)
        return g_date_time_difference (slot->ended, plenary_entry_get_end (slot->entry));
      if (slot->started != NULL)
        return g_date_time_difference (slot->started, plenary_entry_get_start (slot->entry));
    }
  return 0;
}

static PlenaryNowRoom *
compute_room (PlenarySchedule *schedule,
              PlenaryRoom     *room,
              PlenaryUserData *user_data,
              GDateTime       *now,
              GDateTime      **first_start,
              GDateTime      **last_end)
{
  GTimeZone *zone = plenary_schedule_get_timezone (schedule);
  g_autoptr (GListModel) entries = plenary_schedule_get_room_entries (schedule, room);
  GListModel *blocks = plenary_schedule_get_blocks (schedule);
  g_autoptr (GArray) slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  PlenaryNowRoom *result;
  Slot *prev = NULL;
  Slot *next = NULL;
  Slot *recorded_current = NULL;

  g_array_set_clear_func (slots, slot_clear);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      const char *key = plenary_entry_get_user_key (entry);
      Slot slot = { 0, };

      if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_BLOCK
          || plenary_entry_get_start (entry) == NULL)
        continue;
      slot.entry = entry;   /* the schedule keeps it alive */
      if (user_data != NULL)
        {
          slot.started = plenary_user_data_get_actual_start (user_data, key);
          slot.ended = plenary_user_data_get_actual_end (user_data, key);
        }
      g_array_append_val (slots, slot);
    }
  /* A block is shown through its talks; one without any (a session still to be filled)
   * stands for itself. */
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr (PlenaryEntry) block = g_list_model_get_item (blocks, i);
      GListModel *children = plenary_schedule_get_block_entries (schedule, block);
      Slot slot = { 0, };

      if (plenary_entry_get_room (block) != room || plenary_entry_get_start (block) == NULL
          || children == NULL || g_list_model_get_n_items (children) > 0)
        continue;
      slot.entry = block;
      g_array_append_val (slots, slot);
    }
  if (slots->len == 0)
    return NULL;
  g_array_sort (slots, compare_slots);
  expect_times (slots, now);

  result = g_new0 (PlenaryNowRoom, 1);
  result->room = g_object_ref (room);
  result->current = g_ptr_array_new_with_free_func (item_free);
  result->delay = measure_delay (slots);

  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);
      GDateTime *planned_start = plenary_entry_get_start (slot->entry);

      if (*first_start == NULL || g_date_time_compare (planned_start, *first_start) < 0)
        {
          g_clear_pointer (first_start, g_date_time_unref);
          *first_start = g_date_time_ref (planned_start);
        }
      if (*last_end == NULL || g_date_time_compare (slot->end, *last_end) > 0)
        {
          g_clear_pointer (last_end, g_date_time_unref);
          *last_end = g_date_time_ref (slot->end);
        }

      if (g_date_time_compare (slot->start, now) <= 0)
        {
          prev = slot;
          if (!slot->over)
            {
              g_ptr_array_add (result->current, item_new (slot, now, user_data, TRUE));
              if (slot->started != NULL)
                recorded_current = slot;
            }
        }
      else if (!slot->over
               && (next == NULL
                   || (plenary_entry_get_kind (next->entry) != PLENARY_ENTRY_KIND_CONTRIBUTION
                       && plenary_entry_get_kind (slot->entry) == PLENARY_ENTRY_KIND_CONTRIBUTION
                       && day_key (slot->entry, zone) == day_key (next->entry, zone))))
        /* The next talk, past a break before it on the same day. */
        next = slot;
    }

  if (next != NULL)
    {
      /* A room the chair runs keeps one talk at a time: the next waits for this one. */
      PlenaryEntry *block = plenary_entry_get_block (next->entry);

      if (recorded_current != NULL && block == plenary_entry_get_block (recorded_current->entry)
          && g_date_time_compare (next->start, recorded_current->end) < 0)
        {
          GTimeSpan length = g_date_time_difference (next->end, next->start);

          g_date_time_unref (next->start);
          g_date_time_unref (next->end);
          next->start = g_date_time_ref (recorded_current->end);
          next->end = g_date_time_add (next->start, length);
        }
      result->next = item_new (next, now, user_data, FALSE);
    }

  /* The room's day is over when nothing is on and what comes next is on another day than
   * today and than the talk before it (a block past midnight is still the same day). */
  result->folded = result->current->len == 0
                   && (next == NULL
                       || (day_key (next->entry, zone) != date_key (now, zone)
                           && (prev == NULL
                               || day_key (next->entry, zone) != day_key (prev->entry, zone))));
  return result;
}

PlenaryNowState *
plenary_now_state_new (PlenarySchedule *schedule,
                       PlenaryUserData *user_data,
                       GDateTime       *now)
{
  PlenaryNowState *state;
  GListModel *rooms;
  g_autoptr (GPtrArray) folded = g_ptr_array_new ();
  gboolean any_current = FALSE;
  gboolean any_next = FALSE;

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (user_data == NULL || PLENARY_IS_USER_DATA (user_data), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  state = g_new0 (PlenaryNowState, 1);
  state->now = g_date_time_ref (now);
  state->rooms = g_ptr_array_new_with_free_func (room_free);
  rooms = plenary_schedule_get_rooms (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (PlenaryRoom) room = g_list_model_get_item (rooms, i);
      PlenaryNowRoom *result = compute_room (schedule, room, user_data, now,
                                             &state->first_start, &state->last_end);

      if (result == NULL)
        continue;
      any_current |= result->current->len > 0;
      if (result->next != NULL)
        {
          any_next = TRUE;
          if (result->current->len == 0
              && (state->resumes == NULL
                  || g_date_time_compare (result->next->start, state->resumes) < 0))
            {
              g_clear_pointer (&state->resumes, g_date_time_unref);
              state->resumes = g_date_time_ref (result->next->start);
            }
        }
      if (result->folded)
        g_ptr_array_add (folded, result);
      else
        g_ptr_array_add (state->rooms, result);
    }
  state->n_folded = folded->len;
  for (guint i = 0; i < folded->len; i++)
    g_ptr_array_add (state->rooms, g_ptr_array_index (folded, i));

  if (any_current)
    g_clear_pointer (&state->resumes, g_date_time_unref);

  if (state->first_start == NULL)
    state->phase = PLENARY_NOW_EMPTY;
  else if (!any_current && g_date_time_compare (now, state->first_start) < 0)
    state->phase = PLENARY_NOW_BEFORE;
  else if (!any_current && !any_next)
    state->phase = PLENARY_NOW_AFTER;
  else
    state->phase = PLENARY_NOW_DURING;
  return state;
}

PlenaryNowRoom *
plenary_now_state_find_room (PlenaryNowState *state,
                             const char      *name)
{
  g_return_val_if_fail (state != NULL, NULL);

  for (guint i = 0; i < state->rooms->len; i++)
    {
      PlenaryNowRoom *room = g_ptr_array_index (state->rooms, i);

      if (g_strcmp0 (plenary_room_get_name (room->room), name) == 0)
        return room;
    }
  return NULL;
}
