/* plenary-schedule-diff.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-schedule-diff.h"

void
plenary_change_free (PlenaryChange *change)
{
  g_clear_pointer (&change->user_key, g_free);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_free (change);
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

/* Speakers compare by who they are, not by how their affiliation is spelled today. */
static gboolean
same_speakers (PlenaryEntry *a,
               PlenaryEntry *b)
{
  GPtrArray *x = plenary_entry_get_speakers (a);
  GPtrArray *y = plenary_entry_get_speakers (b);

  if (x->len != y->len)
    return FALSE;
  for (guint i = 0; i < x->len; i++)
    if (g_strcmp0 (plenary_person_get_key (g_ptr_array_index (x, i)),
                   plenary_person_get_key (g_ptr_array_index (y, i))) != 0)
      return FALSE;
  return TRUE;
}

static PlenaryChangeFlags
compare (PlenaryEntry *before,
         PlenaryEntry *after)
{
  PlenaryChangeFlags flags = 0;

  if (!same_time (plenary_entry_get_start (before), plenary_entry_get_start (after))
      || !same_time (plenary_entry_get_end (before), plenary_entry_get_end (after)))
    flags |= PLENARY_CHANGE_TIME;
  if (g_strcmp0 (plenary_room_get_name (plenary_entry_get_room (before)),
                 plenary_room_get_name (plenary_entry_get_room (after))) != 0)
    flags |= PLENARY_CHANGE_ROOM;
  if (g_strcmp0 (plenary_entry_get_title (before), plenary_entry_get_title (after)) != 0)
    flags |= PLENARY_CHANGE_TITLE;
  if (!same_speakers (before, after))
    flags |= PLENARY_CHANGE_SPEAKERS;
  return flags;
}

static PlenaryChange *
change_new (PlenaryChangeFlags  flags,
            PlenaryEntry       *before,
            PlenaryEntry       *after)
{
  PlenaryChange *change = g_new0 (PlenaryChange, 1);

  change->flags = flags;
  change->user_key = g_strdup (plenary_entry_get_user_key (after ? after : before));
  change->before = before ? g_object_ref (before) : NULL;
  change->after = after ? g_object_ref (after) : NULL;
  return change;
}

static void
collect (PlenarySchedule *schedule,
         GPtrArray       *out)
{
  GListModel *lists[] = { plenary_schedule_get_entries (schedule),
                          plenary_schedule_get_unscheduled (schedule) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      g_ptr_array_add (out, g_list_model_get_item (lists[l], i));
}

GPtrArray *
plenary_schedule_diff (PlenarySchedule *before,
                       PlenarySchedule *after)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_change_free);
  g_autoptr (GPtrArray) old_entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) new_entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (before), changes);
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (after), changes);

  collect (before, old_entries);
  collect (after, new_entries);

  for (guint i = 0; i < new_entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (new_entries, i);
      const char *key = plenary_entry_get_user_key (entry);
      PlenaryEntry *old = plenary_schedule_lookup_user_key (before, key);
      PlenaryChangeFlags flags;

      g_hash_table_add (seen, (gpointer) key);
      if (old == NULL)
        {
          g_ptr_array_add (changes, change_new (PLENARY_CHANGE_ADDED, NULL, entry));
          continue;
        }
      flags = compare (old, entry);
      if (flags != 0)
        g_ptr_array_add (changes, change_new (flags, old, entry));
    }

  for (guint i = 0; i < old_entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (old_entries, i);

      if (!g_hash_table_contains (seen, plenary_entry_get_user_key (entry)))
        g_ptr_array_add (changes, change_new (PLENARY_CHANGE_REMOVED, entry, NULL));
    }
  return changes;
}

static char *
format_when (PlenaryEntry *entry,
             GTimeZone    *zone)
{
  g_autoptr (GDateTime) local = NULL;

  if (plenary_entry_get_start (entry) == NULL)
    return g_strdup (_("unscheduled"));
  local = g_date_time_to_timezone (plenary_entry_get_start (entry), zone);
  /* Translators: when a talk is, in a list of changes, e.g. "Tue 10:00". */
  return g_date_time_format (local, _("%a %H:%M"));
}

char *
plenary_change_describe (const PlenaryChange *change,
                         GTimeZone           *zone)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (change->flags & PLENARY_CHANGE_ADDED)
    return g_strdup (_("New in the programme"));
  if (change->flags & PLENARY_CHANGE_REMOVED)
    return g_strdup (_("Removed from the programme"));

  if (change->flags & PLENARY_CHANGE_TIME)
    {
      g_autofree char *from = format_when (change->before, zone);
      g_autofree char *to = format_when (change->after, zone);

      g_ptr_array_add (parts, g_strdup_printf (_("Moved from %s to %s"), from, to));
    }
  if (change->flags & PLENARY_CHANGE_ROOM)
    g_ptr_array_add (parts, g_strdup_printf (_("Now in %s"),
                                             plenary_room_get_name (plenary_entry_get_room (change->after))));
  if (change->flags & PLENARY_CHANGE_TITLE)
    g_ptr_array_add (parts, g_strdup_printf (_("Renamed from “%s”"),
                                             plenary_entry_get_title (change->before)));
  if (change->flags & PLENARY_CHANGE_SPEAKERS)
    g_ptr_array_add (parts, g_strdup (_("Speakers changed")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}
