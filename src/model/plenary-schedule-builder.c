/* plenary-schedule-builder.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only code outside each object's own file that writes the model's structs: the
 * offsets below name their fields once, for every reader that fills them.
 */

#include "config.h"

#include "plenary-day-private.h"
#include "plenary-entry-private.h"
#include "plenary-schedule-builder.h"
#include "plenary-schedule-private.h"
#include "plenary-track-private.h"

struct _PlenaryScheduleBuilder
{
  GObject          parent_instance;

  PlenarySchedule *schedule;  /* NULL once finished */
};

G_DEFINE_FINAL_TYPE (PlenaryScheduleBuilder, plenary_schedule_builder, G_TYPE_OBJECT)

static const gsize schedule_strings[PLENARY_SCHEDULE_N_STRINGS] = {
  [PLENARY_SCHEDULE_EVENT_ID] = G_STRUCT_OFFSET (PlenarySchedule, event_id),
  [PLENARY_SCHEDULE_TITLE] = G_STRUCT_OFFSET (PlenarySchedule, title),
  [PLENARY_SCHEDULE_SERVER_BASE] = G_STRUCT_OFFSET (PlenarySchedule, server_base),
  [PLENARY_SCHEDULE_URL] = G_STRUCT_OFFSET (PlenarySchedule, url),
  [PLENARY_SCHEDULE_VENUE] = G_STRUCT_OFFSET (PlenarySchedule, venue),
  [PLENARY_SCHEDULE_TIMEZONE_ID] = G_STRUCT_OFFSET (PlenarySchedule, timezone_id),
};

static const gsize entry_strings[PLENARY_ENTRY_N_STRINGS] = {
  [PLENARY_ENTRY_ID] = G_STRUCT_OFFSET (PlenaryEntry, id),
  [PLENARY_ENTRY_USER_KEY] = G_STRUCT_OFFSET (PlenaryEntry, user_key),
  [PLENARY_ENTRY_TITLE] = G_STRUCT_OFFSET (PlenaryEntry, title),
  [PLENARY_ENTRY_FULL_TITLE] = G_STRUCT_OFFSET (PlenaryEntry, full_title),
  [PLENARY_ENTRY_BLOCK_TITLE] = G_STRUCT_OFFSET (PlenaryEntry, block_title),
  [PLENARY_ENTRY_SESSION_TITLE] = G_STRUCT_OFFSET (PlenaryEntry, session_title),
  [PLENARY_ENTRY_VENUE] = G_STRUCT_OFFSET (PlenaryEntry, venue),
  [PLENARY_ENTRY_COLOR] = G_STRUCT_OFFSET (PlenaryEntry, color),
  [PLENARY_ENTRY_TEXT_COLOR] = G_STRUCT_OFFSET (PlenaryEntry, text_color),
  [PLENARY_ENTRY_TYPE_NAME] = G_STRUCT_OFFSET (PlenaryEntry, type_name),
  [PLENARY_ENTRY_CODE] = G_STRUCT_OFFSET (PlenaryEntry, code),
  [PLENARY_ENTRY_BOARD_NUMBER] = G_STRUCT_OFFSET (PlenaryEntry, board_number),
  [PLENARY_ENTRY_DESCRIPTION] = G_STRUCT_OFFSET (PlenaryEntry, description),
  [PLENARY_ENTRY_URL] = G_STRUCT_OFFSET (PlenaryEntry, url),
};

static void
plenary_schedule_builder_finalize (GObject *object)
{
  PlenaryScheduleBuilder *self = PLENARY_SCHEDULE_BUILDER (object);

  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (plenary_schedule_builder_parent_class)->finalize (object);
}

static void
plenary_schedule_builder_class_init (PlenaryScheduleBuilderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_schedule_builder_finalize;
}

static void
plenary_schedule_builder_init (PlenaryScheduleBuilder *self)
{
  self->schedule = plenary_schedule_new ();
}

PlenaryScheduleBuilder *
plenary_schedule_builder_new (void)
{
  return g_object_new (PLENARY_TYPE_SCHEDULE_BUILDER, NULL);
}

PlenarySchedule *
plenary_schedule_builder_finish (PlenaryScheduleBuilder *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_BUILDER (self), NULL);
  g_return_val_if_fail (self->schedule != NULL, NULL);

  plenary_schedule_finish (self->schedule);
  return g_steal_pointer (&self->schedule);
}

void
plenary_schedule_builder_keep_mapping (PlenaryScheduleBuilder *self,
                                       GBytes                 *mapping)
{
  g_return_if_fail (PLENARY_IS_SCHEDULE_BUILDER (self) && self->schedule != NULL);

  g_clear_pointer (&self->schedule->mapping, g_bytes_unref);
  self->schedule->mapping = mapping != NULL ? g_bytes_ref (mapping) : NULL;
}

/* The event */

void
plenary_schedule_builder_set_string (PlenaryScheduleBuilder *self,
                                     PlenaryScheduleString   field,
                                     const char             *value)
{
  char **slot;

  g_return_if_fail (PLENARY_IS_SCHEDULE_BUILDER (self) && self->schedule != NULL);
  g_return_if_fail (field < PLENARY_SCHEDULE_N_STRINGS);

  slot = G_STRUCT_MEMBER_P (self->schedule, schedule_strings[field]);
  g_free (*slot);
  *slot = g_strdup (value);
}

const char *
plenary_schedule_builder_get_string (PlenaryScheduleBuilder *self,
                                     PlenaryScheduleString   field)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_BUILDER (self) && self->schedule != NULL, NULL);

  return plenary_schedule_builder_peek_string (self->schedule, field);
}

void
plenary_schedule_builder_set_timezone (PlenaryScheduleBuilder *self,
                                       GTimeZone              *zone)
{
  g_return_if_fail (PLENARY_IS_SCHEDULE_BUILDER (self) && self->schedule != NULL);

  g_clear_pointer (&self->schedule->timezone, g_time_zone_unref);
  self->schedule->timezone = zone != NULL ? g_time_zone_ref (zone) : NULL;
}

void
plenary_schedule_builder_set_span (PlenaryScheduleBuilder *self,
                                   GDateTime              *start,
                                   GDateTime              *end)
{
  PlenarySchedule *schedule;

  g_return_if_fail (PLENARY_IS_SCHEDULE_BUILDER (self) && self->schedule != NULL);

  schedule = self->schedule;
  g_clear_pointer (&schedule->start, g_date_time_unref);
  g_clear_pointer (&schedule->end, g_date_time_unref);
  schedule->start = start != NULL ? g_date_time_ref (start) : NULL;
  schedule->end = end != NULL ? g_date_time_ref (end) : NULL;
}

/* Days */

guint
plenary_schedule_builder_add_day (PlenaryScheduleBuilder *self,
                                  GDateTime              *midnight)
{
  PlenarySchedule *schedule = self->schedule;
  guint index = schedule->day_list->len;

  g_ptr_array_add (schedule->day_list, plenary_day_new (index, midnight));
  g_ptr_array_add (schedule->day_item_lists, g_ptr_array_new_with_free_func (g_object_unref));
  return index;
}

guint
plenary_schedule_builder_get_n_days (PlenaryScheduleBuilder *self)
{
  return self->schedule->day_list->len;
}

GDateTime *
plenary_schedule_builder_get_day_date (PlenaryScheduleBuilder *self,
                                       guint                   day)
{
  g_return_val_if_fail (day < self->schedule->day_list->len, NULL);

  return plenary_day_get_date (g_ptr_array_index (self->schedule->day_list, day));
}

void
plenary_schedule_builder_add_day_item (PlenaryScheduleBuilder *self,
                                       guint                   day,
                                       PlenaryEntry           *entry,
                                       gboolean                again)
{
  GPtrArray *items;

  if (day >= self->schedule->day_item_lists->len)
    return;
  items = g_ptr_array_index (self->schedule->day_item_lists, day);
  if (!again || !g_ptr_array_find (items, entry, NULL))
    g_ptr_array_add (items, g_object_ref (entry));
}

void
plenary_schedule_builder_reserve_day_items (PlenaryScheduleBuilder *self,
                                            guint                   day,
                                            guint                   n)
{
  GPtrArray **items;

  g_return_if_fail (day < self->schedule->day_item_lists->len);

  items = (GPtrArray **) &g_ptr_array_index (self->schedule->day_item_lists, day);
  if ((*items)->len == 0)
    {
      g_ptr_array_unref (*items);
      *items = g_ptr_array_new_full (n, g_object_unref);
    }
}

/* Entries */

void
plenary_schedule_builder_add_entry (PlenaryScheduleBuilder *self,
                                    PlenaryEntry           *entry)
{
  g_ptr_array_add (self->schedule->all_entries, g_object_ref (entry));
}

void
plenary_schedule_builder_add_unscheduled (PlenaryScheduleBuilder *self,
                                          PlenaryEntry           *entry)
{
  g_ptr_array_add (self->schedule->unscheduled_list, g_object_ref (entry));
}

guint
plenary_schedule_builder_get_n_entries (PlenaryScheduleBuilder *self)
{
  return self->schedule->all_entries->len;
}

PlenaryEntry *
plenary_schedule_builder_get_entry (PlenaryScheduleBuilder *self,
                                    guint                   index)
{
  return g_ptr_array_index (self->schedule->all_entries, index);
}

guint
plenary_schedule_builder_get_n_unscheduled (PlenaryScheduleBuilder *self)
{
  return self->schedule->unscheduled_list->len;
}

/* Rooms, tracks, people */

void
plenary_schedule_builder_list_room (PlenaryScheduleBuilder *self,
                                    PlenaryRoom            *room)
{
  g_ptr_array_add (self->schedule->room_list, g_object_ref (room));
}

void
plenary_schedule_builder_list_track (PlenaryScheduleBuilder *self,
                                     PlenaryTrack           *track)
{
  g_ptr_array_add (self->schedule->track_list, g_object_ref (track));
}

guint
plenary_schedule_builder_get_n_tracks (PlenaryScheduleBuilder *self)
{
  return self->schedule->track_list->len;
}

void
plenary_schedule_builder_order_tracks (PlenaryScheduleBuilder *self,
                                       GCompareFunc            compare)
{
  GPtrArray *tracks = self->schedule->track_list;

  g_ptr_array_sort (tracks, compare);
  for (guint i = 0; i < tracks->len; i++)
    plenary_track_set_position (g_ptr_array_index (tracks, i), (int) i);
}

void
plenary_schedule_builder_list_person (PlenaryScheduleBuilder *self,
                                      PlenaryPerson          *person)
{
  g_ptr_array_add (self->schedule->people_list, g_object_ref (person));
}

void
plenary_schedule_builder_add_person (PlenaryScheduleBuilder *self,
                                     const char             *key,
                                     PlenaryPerson          *person)
{
  g_hash_table_insert (self->schedule->person_by_key, g_strdup (key), g_object_ref (person));
}

PlenaryPerson *
plenary_schedule_builder_lookup_person (PlenaryScheduleBuilder *self,
                                        const char             *key)
{
  return g_hash_table_lookup (self->schedule->person_by_key, key);
}

/* New objects */

PlenaryEntry *
plenary_schedule_builder_new_entry (PlenaryEntryKind kind)
{
  return plenary_entry_new (kind);
}

PlenaryEntry *
plenary_schedule_builder_new_mapped_entry (PlenaryEntryKind  kind,
                                           GBytes           *source)
{
  PlenaryEntry *entry = plenary_entry_new_bare (kind);

  entry->borrowed = TRUE;
  entry->mapped_source = g_bytes_ref (source);
  return entry;
}

/* An entry's fields */

void
plenary_schedule_builder_set_entry_string (PlenaryEntry       *entry,
                                           PlenaryEntryString  field,
                                           const char         *value,
                                           gboolean            intern)
{
  char **slot = G_STRUCT_MEMBER_P (entry, entry_strings[field]);

  if (!entry->borrowed)
    plenary_entry_set_string (slot, value, intern);
  else if (field == PLENARY_ENTRY_DESCRIPTION)
    entry->mapped_description = value;
  else
    *slot = (char *) value;
}

void
plenary_schedule_builder_set_mapped_strings (PlenaryEntry      *entry,
                                             const char *const *strings)
{
  g_return_if_fail (entry->borrowed);

  for (guint i = 0; i < PLENARY_ENTRY_N_STRINGS; i++)
    if (i != PLENARY_ENTRY_DESCRIPTION)
      G_STRUCT_MEMBER (const char *, entry, entry_strings[i]) = strings[i];
  entry->mapped_description = strings[PLENARY_ENTRY_DESCRIPTION];
}

const char *
plenary_schedule_builder_get_entry_string (PlenaryEntry       *entry,
                                           PlenaryEntryString  field)
{
  const char *value = G_STRUCT_MEMBER (const char *, entry, entry_strings[field]);

  /* A mapped description is only checked when shown: read it as the views do. */
  if (value == NULL && field == PLENARY_ENTRY_DESCRIPTION && entry->mapped_description != NULL)
    return plenary_entry_get_description (entry);
  return value;
}

void
plenary_schedule_builder_set_entry_number (PlenaryEntry       *entry,
                                           PlenaryEntryNumber  field,
                                           gint64              value)
{
  switch (field)
    {
    case PLENARY_ENTRY_CONTRIBUTION_ID:
      entry->contribution_id = value;
      break;
    case PLENARY_ENTRY_FRIENDLY_ID:
      entry->friendly_id = value;
      break;
    case PLENARY_ENTRY_SESSION_ID:
      entry->session_id = value;
      break;
    case PLENARY_ENTRY_DAY_INDEX:
      entry->day_index = (int) CLAMP (value, G_MININT, G_MAXINT);
      break;
    case PLENARY_ENTRY_IS_POSTER:
      entry->is_poster = value != 0;
      break;
    case PLENARY_ENTRY_N_NUMBERS:
    default:
      g_return_if_reached ();
    }
}

gint64
plenary_schedule_builder_get_entry_number (PlenaryEntry       *entry,
                                           PlenaryEntryNumber  field)
{
  switch (field)
    {
    case PLENARY_ENTRY_CONTRIBUTION_ID:
      return entry->contribution_id;
    case PLENARY_ENTRY_FRIENDLY_ID:
      return entry->friendly_id;
    case PLENARY_ENTRY_SESSION_ID:
      return entry->session_id;
    case PLENARY_ENTRY_DAY_INDEX:
      return entry->day_index;
    case PLENARY_ENTRY_IS_POSTER:
      return entry->is_poster;
    case PLENARY_ENTRY_N_NUMBERS:
    default:
      g_return_val_if_reached (0);
    }
}

void
plenary_schedule_builder_take_entry_time (PlenaryEntry     *entry,
                                          PlenaryEntryTime  field,
                                          GDateTime        *time)
{
  GDateTime **slot = field == PLENARY_ENTRY_START ? &entry->start : &entry->end;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = time;
}

GDateTime *
plenary_schedule_builder_get_entry_time (PlenaryEntry     *entry,
                                         PlenaryEntryTime  field)
{
  return field == PLENARY_ENTRY_START ? entry->start : entry->end;
}

void
plenary_schedule_builder_set_entry_room (PlenaryEntry *entry,
                                         PlenaryRoom  *room)
{
  g_set_object (&entry->room, room);
}

void
plenary_schedule_builder_set_entry_track (PlenaryEntry *entry,
                                          PlenaryTrack *track)
{
  g_set_object (&entry->track, track);
}

void
plenary_schedule_builder_set_entry_block (PlenaryEntry *entry,
                                          PlenaryEntry *block)
{
  g_set_object (&entry->block, block);
}

void
plenary_schedule_builder_add_entry_person (PlenaryEntry       *entry,
                                           PlenaryEntryPeople  which,
                                           PlenaryPerson      *person)
{
  GPtrArray **list = which == PLENARY_ENTRY_SPEAKERS ? &entry->speakers : &entry->authors;

  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (*list, g_object_ref (person));
}

void
plenary_schedule_builder_reserve_entry_people (PlenaryEntry       *entry,
                                               PlenaryEntryPeople  which,
                                               guint               n)
{
  GPtrArray **list = which == PLENARY_ENTRY_SPEAKERS ? &entry->speakers : &entry->authors;

  if (*list == NULL && n > 0)
    *list = g_ptr_array_new_full (n, g_object_unref);
}

void
plenary_schedule_builder_reserve_entry_attachments (PlenaryEntry *entry,
                                                    guint         n)
{
  if (entry->attachments == NULL && n > 0)
    entry->attachments = g_ptr_array_new_full (n, (GDestroyNotify) plenary_attachment_free);
}

void
plenary_schedule_builder_add_entry_attachment (PlenaryEntry *entry,
                                               const char   *title,
                                               const char   *url,
                                               const char   *folder)
{
  if (entry->attachments == NULL)
    entry->attachments = g_ptr_array_new_with_free_func (
      (GDestroyNotify) plenary_attachment_free);
  g_ptr_array_add (entry->attachments, plenary_attachment_new (title, url, folder));
}

void
plenary_schedule_builder_complete_entry (PlenaryEntry *entry)
{
  plenary_entry_complete (entry);
}

/* Reading back */

const char *
plenary_schedule_builder_peek_string (PlenarySchedule       *schedule,
                                      PlenaryScheduleString  field)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (field < PLENARY_SCHEDULE_N_STRINGS, NULL);

  return G_STRUCT_MEMBER (const char *, schedule, schedule_strings[field]);
}

GPtrArray *
plenary_schedule_builder_peek (PlenarySchedule     *schedule,
                               PlenaryScheduleList  list)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);

  switch (list)
    {
    case PLENARY_SCHEDULE_LIST_DAYS:
      return schedule->day_list;
    case PLENARY_SCHEDULE_LIST_ENTRIES:
      return schedule->all_entries;
    case PLENARY_SCHEDULE_LIST_UNSCHEDULED:
      return schedule->unscheduled_list;
    case PLENARY_SCHEDULE_LIST_ROOMS:
      return schedule->room_list;
    case PLENARY_SCHEDULE_LIST_TRACKS:
      return schedule->track_list;
    case PLENARY_SCHEDULE_LIST_PEOPLE:
      return schedule->people_list;
    default:
      g_return_val_if_reached (NULL);
    }
}

GPtrArray *
plenary_schedule_builder_peek_day_items (PlenarySchedule *schedule,
                                         guint            day)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);

  return day < schedule->day_item_lists->len ? g_ptr_array_index (schedule->day_item_lists, day)
                                             : NULL;
}

GHashTable *
plenary_schedule_builder_peek_person_keys (PlenarySchedule *schedule)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);

  return schedule->person_by_key;
}
