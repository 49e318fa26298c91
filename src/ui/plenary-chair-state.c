/* plenary-chair-state.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-chair-state.h"

void
plenary_chair_state_clear (PlenaryChairState *state)
{
  g_clear_pointer (&state->current_start, g_date_time_unref);
  g_clear_pointer (&state->current_end, g_date_time_unref);
  g_clear_pointer (&state->next_start, g_date_time_unref);
  g_clear_pointer (&state->after_break_start, g_date_time_unref);
  g_clear_object (&state->after_break);
  g_clear_object (&state->current);
  g_clear_object (&state->next);
  g_clear_object (&state->tomorrow);
  memset (state, 0, sizeof *state);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b)
         && g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static const PlenaryChairRecord *
record_of (PlenaryEntry       *entry,
           PlenaryChairLookup  lookup,
           gpointer            user_data)
{
  return lookup != NULL ? lookup (entry, user_data) : NULL;
}

/* How late the room runs: measured at the last thing the chair recorded. A talk that started
 * late makes the room late; one that ended early or late resets it to that. */
static GTimeSpan
measure_drift (GPtrArray          *day,
               PlenaryChairLookup  lookup,
               gpointer            user_data)
{
  for (int i = day->len - 1; i >= 0; i--)
    {
      PlenaryEntry *entry = g_ptr_array_index (day, i);
      const PlenaryChairRecord *record = record_of (entry, lookup, user_data);

      if (record == NULL)
        continue;
      if (record->ended != NULL)
        return g_date_time_difference (record->ended, plenary_entry_get_end (entry));
      if (record->started != NULL)
        return g_date_time_difference (record->started, plenary_entry_get_start (entry));
    }
  return 0;
}

/* The first talk after the break that is next, from @from on in @day. */
static void
find_after_break (PlenaryChairState  *state,
                  GPtrArray          *day,
                  guint               from,
                  GTimeSpan           shift,
                  PlenaryChairLookup  lookup,
                  gpointer            user_data)
{
  GTimeSpan break_length = g_date_time_difference (plenary_entry_get_end (state->next),
                                                   plenary_entry_get_start (state->next));
  g_autoptr (GDateTime) break_end = g_date_time_add (state->next_start, break_length);

  for (guint i = from; i < day->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (day, i);
      const PlenaryChairRecord *record = record_of (entry, lookup, user_data);
      g_autoptr (GDateTime) start = NULL;

      if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION
          || (record != NULL && record->ended != NULL))
        continue;
      start = g_date_time_add (plenary_entry_get_start (entry), shift);
      if (g_date_time_compare (start, break_end) < 0)
        {
          g_clear_pointer (&start, g_date_time_unref);
          start = g_date_time_ref (break_end);
        }
      state->after_break = g_object_ref (entry);
      state->after_break_start = g_steal_pointer (&start);
      return;
    }
}

void
plenary_chair_state_compute (PlenaryChairState  *state,
                             PlenarySchedule    *schedule,
                             PlenaryRoom        *room,
                             GDateTime          *now,
                             GTimeSpan           warning,
                             PlenaryChairLookup  lookup,
                             gpointer            user_data)
{
  g_autoptr (GListModel) entries = plenary_schedule_get_room_entries (schedule, room);
  g_autoptr (GPtrArray) day = g_ptr_array_new ();
  g_autoptr (GDateTime) local_now = g_date_time_to_timezone (now,
                                                             plenary_schedule_get_timezone (schedule));
  GTimeSpan shift;

  memset (state, 0, sizeof *state);

  /* Today's entries in the room (the event's day), and the first one on a later day. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      PlenaryEntry *entry = g_list_model_get_item (entries, i);
      g_autoptr (GDateTime) local_start = NULL;

      g_object_unref (entry);   /* the schedule keeps it alive */
      if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_BLOCK
          || plenary_entry_get_start (entry) == NULL)
        continue;
      local_start = g_date_time_to_timezone (plenary_entry_get_start (entry),
                                             plenary_schedule_get_timezone (schedule));
      if (same_day (local_start, local_now))
        g_ptr_array_add (day, entry);
      else if (g_date_time_compare (local_start, local_now) > 0 && state->tomorrow == NULL
               && plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION)
        state->tomorrow = g_object_ref (entry);
    }

  state->drift = measure_drift (day, lookup, user_data);
  /* Talks do not start before their official time, however early the room runs. */
  shift = MAX (state->drift, 0);

  for (guint i = 0; i < day->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (day, i);
      const PlenaryChairRecord *record = record_of (entry, lookup, user_data);
      GTimeSpan duration = g_date_time_difference (plenary_entry_get_end (entry),
                                                   plenary_entry_get_start (entry));
      g_autoptr (GDateTime) start = NULL;
      g_autoptr (GDateTime) end = NULL;
      gboolean started = record != NULL && record->started != NULL;
      gboolean ended = record != NULL && record->ended != NULL;

      if (ended)
        continue;
      start = started ? g_date_time_ref (record->started)
                      : g_date_time_add (plenary_entry_get_start (entry), shift);
      end = g_date_time_add (start, duration);

      /* Started by the chair and not ended: on, however late. Otherwise on by the clock. */
      if (state->current == NULL
          && (started
              || (g_date_time_compare (start, now) <= 0 && g_date_time_compare (now, end) < 0)))
        {
          state->current = g_object_ref (entry);
          state->current_start = g_steal_pointer (&start);
          state->current_end = g_steal_pointer (&end);
          continue;
        }
      if (g_date_time_compare (start, now) > 0 || state->current != NULL)
        {
          if (state->current != NULL && g_date_time_compare (start, state->current_end) < 0)
            {
              g_clear_pointer (&start, g_date_time_unref);
              start = g_date_time_ref (state->current_end);
            }
          state->next = g_object_ref (entry);
          state->next_start = g_steal_pointer (&start);
          if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_BREAK)
            find_after_break (state, day, i + 1, shift, lookup, user_data);
          break;
        }
    }

  if (state->current != NULL)
    {
      state->elapsed = g_date_time_difference (now, state->current_start);
      state->left = g_date_time_difference (state->current_end, now);
      if (state->left <= 0)
        state->phase = PLENARY_CHAIR_OVERRUN;
      else if (state->left <= warning)
        state->phase = PLENARY_CHAIR_WARNING;
      else
        state->phase = PLENARY_CHAIR_ON_TIME;
    }
  else if (state->next != NULL)
    {
      state->phase = PLENARY_CHAIR_BETWEEN;
      state->left = g_date_time_difference (state->next_start, now);
    }
  else
    state->phase = PLENARY_CHAIR_DONE;
}

char *
plenary_chair_format_span (GTimeSpan span)
{
  gboolean negative = span < 0;
  gint64 seconds = ABS (span) / G_TIME_SPAN_SECOND;
  gint64 hours = seconds / 3600;

  if (hours > 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", negative ? "−" : "", hours,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%s%d:%02d", negative ? "−" : "", (int) (seconds / 60),
                          (int) (seconds % 60));
}

static char *
format_time_in (GDateTime *time,
                GTimeZone *zone)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (time, zone);

  return g_date_time_format (local, "%H:%M");
}

char *
plenary_chair_export_markdown (PlenarySchedule        *schedule,
                               PlenaryEntry           *block,
                               PlenaryChairLookup      record,
                               PlenaryChairNoteLookup  notes,
                               gpointer                user_data)
{
  GTimeZone *zone = plenary_schedule_get_timezone (schedule);
  GListModel *entries = plenary_schedule_get_block_entries (schedule, block);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GDateTime) day = g_date_time_to_timezone (plenary_entry_get_start (block), zone);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autofree char *from = format_time_in (plenary_entry_get_start (block), zone);
  g_autofree char *to = format_time_in (plenary_entry_get_end (block), zone);

  g_string_append_printf (text, "# %s\n\n", plenary_entry_get_full_title (block));
  g_string_append_printf (text, "%s · %s–%s %s · %s\n", date, from, to,
                          plenary_schedule_get_timezone_id (schedule),
                          plenary_room_get_name (plenary_entry_get_room (block)));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      const PlenaryChairRecord *times = record ? record (entry, user_data) : NULL;
      const char *note = notes ? notes (entry, user_data) : NULL;
      GPtrArray *speakers = plenary_entry_get_speakers (entry);
      g_autofree char *start = format_time_in (plenary_entry_get_start (entry), zone);
      g_autofree char *end = format_time_in (plenary_entry_get_end (entry), zone);

      if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION)
        continue;
      g_string_append_printf (text, "\n## %s\n\n", plenary_entry_get_title (entry));
      if (speakers->len > 0)
        {
          g_string_append (text, "- Speakers: ");
          for (guint s = 0; s < speakers->len; s++)
            {
              PlenaryPerson *person = g_ptr_array_index (speakers, s);
              const char *affiliation = plenary_person_get_affiliation (person);

              g_string_append_printf (text, "%s%s", s > 0 ? ", " : "",
                                      plenary_person_get_name (person));
              if (affiliation[0] != '\0')
                g_string_append_printf (text, " (%s)", affiliation);
            }
          g_string_append_c (text, '\n');
        }
      g_string_append_printf (text, "- Official: %s–%s\n", start, end);
      if (times != NULL && (times->started != NULL || times->ended != NULL))
        {
          g_autofree char *actual_start = times->started ? format_time_in (times->started, zone)
                                                         : g_strdup ("?");
          g_autofree char *actual_end = times->ended ? format_time_in (times->ended, zone)
                                                     : g_strdup ("?");

          g_string_append_printf (text, "- Actual: %s–%s\n", actual_start, actual_end);
        }
      if (note != NULL && note[0] != '\0')
        g_string_append_printf (text, "\n%s\n", note);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
