/* plenary-schedule-builder.h: the one way a schedule and its objects are filled in
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Indico parser and the schedule cache both make schedules; neither sees the model's
 * structs. They make rooms, tracks, people and entries here, set an entry's fields by name
 * (the enums below), add everything to the builder and take the finished schedule, which
 * nothing changes afterwards. The cache also reads a schedule back through the same names.
 */

#pragma once

#include "plenary-schedule.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SCHEDULE_BUILDER (plenary_schedule_builder_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryScheduleBuilder, plenary_schedule_builder, PLENARY,
                      SCHEDULE_BUILDER, GObject)

/* The event's strings. */
typedef enum
{
  PLENARY_SCHEDULE_EVENT_ID,
  PLENARY_SCHEDULE_TITLE,
  PLENARY_SCHEDULE_SERVER_BASE,
  PLENARY_SCHEDULE_URL,
  PLENARY_SCHEDULE_VENUE,
  PLENARY_SCHEDULE_TIMEZONE_ID,
  PLENARY_SCHEDULE_N_STRINGS,
} PlenaryScheduleString;

/* An entry's strings: NULL until set. */
typedef enum
{
  PLENARY_ENTRY_ID,
  PLENARY_ENTRY_USER_KEY,
  PLENARY_ENTRY_TITLE,
  PLENARY_ENTRY_FULL_TITLE,
  PLENARY_ENTRY_BLOCK_TITLE,
  PLENARY_ENTRY_SESSION_TITLE,
  PLENARY_ENTRY_VENUE,
  PLENARY_ENTRY_COLOR,
  PLENARY_ENTRY_TEXT_COLOR,
  PLENARY_ENTRY_TYPE_NAME,
  PLENARY_ENTRY_CODE,
  PLENARY_ENTRY_BOARD_NUMBER,
  PLENARY_ENTRY_DESCRIPTION,
  PLENARY_ENTRY_URL,
  PLENARY_ENTRY_N_STRINGS,
} PlenaryEntryString;

typedef enum
{
  PLENARY_ENTRY_CONTRIBUTION_ID,
  PLENARY_ENTRY_FRIENDLY_ID,
  PLENARY_ENTRY_SESSION_ID,
  PLENARY_ENTRY_DAY_INDEX,
  PLENARY_ENTRY_IS_POSTER,
  PLENARY_ENTRY_N_NUMBERS,
} PlenaryEntryNumber;

typedef enum
{
  PLENARY_ENTRY_START,
  PLENARY_ENTRY_END,
} PlenaryEntryTime;

typedef enum
{
  PLENARY_ENTRY_SPEAKERS,
  PLENARY_ENTRY_AUTHORS,
} PlenaryEntryPeople;

/* What a schedule lists, in the order it was built (see plenary_schedule_builder_peek()). */
typedef enum
{
  PLENARY_SCHEDULE_LIST_DAYS,         /* PlenaryDay */
  PLENARY_SCHEDULE_LIST_ENTRIES,      /* scheduled blocks, contributions and breaks, once */
  PLENARY_SCHEDULE_LIST_UNSCHEDULED,  /* PlenaryEntry */
  PLENARY_SCHEDULE_LIST_ROOMS,
  PLENARY_SCHEDULE_LIST_TRACKS,
  PLENARY_SCHEDULE_LIST_PEOPLE,       /* who speaks or convenes */
} PlenaryScheduleList;

PlenaryScheduleBuilder *plenary_schedule_builder_new          (void);
/* Sorts and indexes the schedule once and hands it over; the builder is spent. */
PlenarySchedule        *plenary_schedule_builder_finish       (PlenaryScheduleBuilder *self);

/* The event. @zone is referenced, the strings copied. */
void         plenary_schedule_builder_set_string        (PlenaryScheduleBuilder *self,
                                                         PlenaryScheduleString   field,
                                                         const char             *value);
const char  *plenary_schedule_builder_get_string        (PlenaryScheduleBuilder *self,
                                                         PlenaryScheduleString   field);
/* The schedule keeps @mapping (the mapped file its strings point into) as long as it lives. */
void         plenary_schedule_builder_keep_mapping      (PlenaryScheduleBuilder *self,
                                                         GBytes                 *mapping);
void         plenary_schedule_builder_set_timezone      (PlenaryScheduleBuilder *self,
                                                         GTimeZone              *zone);
void         plenary_schedule_builder_set_span          (PlenaryScheduleBuilder *self,
                                                         GDateTime              *start,
                                                         GDateTime              *end);

/* Days, from the first. @midnight is referenced. Returns the day's index. */
guint        plenary_schedule_builder_add_day           (PlenaryScheduleBuilder *self,
                                                         GDateTime              *midnight);
guint        plenary_schedule_builder_get_n_days        (PlenaryScheduleBuilder *self);
GDateTime   *plenary_schedule_builder_get_day_date      (PlenaryScheduleBuilder *self,
                                                         guint                   day);
/* Lists @entry at top level on @day (nothing when there is no such day). @again: it may be
 * listed there already (rare; checking every time would be quadratic). */
void         plenary_schedule_builder_add_day_item      (PlenaryScheduleBuilder *self,
                                                         guint                   day,
                                                         PlenaryEntry           *entry,
                                                         gboolean                again);

/* Room for @n items on @day, when the caller knows how many (no reallocation). */
void         plenary_schedule_builder_reserve_day_items (PlenaryScheduleBuilder *self,
                                                         guint                   day,
                                                         guint                   n);

/* Entries, scheduled or not. */
void         plenary_schedule_builder_add_entry         (PlenaryScheduleBuilder *self,
                                                         PlenaryEntry           *entry);
void         plenary_schedule_builder_add_unscheduled   (PlenaryScheduleBuilder *self,
                                                         PlenaryEntry           *entry);
guint        plenary_schedule_builder_get_n_entries     (PlenaryScheduleBuilder *self);
PlenaryEntry *plenary_schedule_builder_get_entry        (PlenaryScheduleBuilder *self,
                                                         guint                   index);
guint        plenary_schedule_builder_get_n_unscheduled (PlenaryScheduleBuilder *self);

/* Rooms, tracks and people the schedule lists (entries may refer to others). */
void         plenary_schedule_builder_list_room         (PlenaryScheduleBuilder *self,
                                                         PlenaryRoom            *room);
void         plenary_schedule_builder_list_track        (PlenaryScheduleBuilder *self,
                                                         PlenaryTrack           *track);
guint        plenary_schedule_builder_get_n_tracks      (PlenaryScheduleBuilder *self);
/* Sorts the listed tracks with @compare and numbers their positions in that order. */
void         plenary_schedule_builder_order_tracks      (PlenaryScheduleBuilder *self,
                                                         GCompareFunc            compare);
void         plenary_schedule_builder_list_person       (PlenaryScheduleBuilder *self,
                                                         PlenaryPerson          *person);
/* Everyone, authors included, by key (plenary_person_get_key() of the person). */
void         plenary_schedule_builder_add_person        (PlenaryScheduleBuilder *self,
                                                         const char             *key,
                                                         PlenaryPerson          *person);
PlenaryPerson *plenary_schedule_builder_lookup_person   (PlenaryScheduleBuilder *self,
                                                         const char             *key);

/* New objects (defined with their types). Any string may be NULL. */
PlenaryRoom   *plenary_room_new                         (const char *name,
                                                         const char *venue);
PlenaryTrack  *plenary_track_new                        (gint64      id,
                                                         const char *title,
                                                         const char *code,
                                                         const char *description,
                                                         int         position);
/* The key and the sort key are computed. */
PlenaryPerson *plenary_person_new                       (gint64      person_id,
                                                         const char *email_hash,
                                                         const char *first_name,
                                                         const char *family_name,
                                                         const char *name,
                                                         const char *affiliation);
/* The strings point into @source, which the person keeps alive; only @email_hash may be
 * NULL. Nothing is computed. */
PlenaryPerson *plenary_person_new_borrowed              (GBytes     *source,
                                                         gint64      person_id,
                                                         const char *key,
                                                         const char *email_hash,
                                                         const char *first_name,
                                                         const char *family_name,
                                                         const char *name,
                                                         const char *affiliation,
                                                         const char *sort_key);
PlenaryEntry  *plenary_schedule_builder_new_entry       (PlenaryEntryKind kind);
/* An entry whose strings point into @source, which it keeps alive: they are neither copied
 * nor released, and its description is checked to be UTF-8 only when first read. */
PlenaryEntry  *plenary_schedule_builder_new_mapped_entry (PlenaryEntryKind kind,
                                                          GBytes          *source);

/* An entry's fields, by name. Strings are copied (@intern: shared with every entry that
 * has the same text), except in a mapped entry. The getters give the field as set: NULL
 * when it was not, unlike the entry's own getters. */
void         plenary_schedule_builder_set_entry_string  (PlenaryEntry       *entry,
                                                         PlenaryEntryString  field,
                                                         const char         *value,
                                                         gboolean            intern);
const char  *plenary_schedule_builder_get_entry_string  (PlenaryEntry       *entry,
                                                         PlenaryEntryString  field);
/* Every string of a mapped entry at once, by PlenaryEntryString (NULL for none): the cache
 * reads thousands of entries at start-up. */
void         plenary_schedule_builder_set_mapped_strings (PlenaryEntry      *entry,
                                                          const char *const *strings);
void         plenary_schedule_builder_set_entry_number  (PlenaryEntry       *entry,
                                                         PlenaryEntryNumber  field,
                                                         gint64              value);
gint64       plenary_schedule_builder_get_entry_number  (PlenaryEntry       *entry,
                                                         PlenaryEntryNumber  field);
/* Takes @time (transfer full). */
void         plenary_schedule_builder_take_entry_time   (PlenaryEntry       *entry,
                                                         PlenaryEntryTime    field,
                                                         GDateTime          *time);
GDateTime   *plenary_schedule_builder_get_entry_time    (PlenaryEntry       *entry,
                                                         PlenaryEntryTime    field);
void         plenary_schedule_builder_set_entry_room    (PlenaryEntry       *entry,
                                                         PlenaryRoom        *room);
void         plenary_schedule_builder_set_entry_track   (PlenaryEntry       *entry,
                                                         PlenaryTrack       *track);
void         plenary_schedule_builder_set_entry_block   (PlenaryEntry       *entry,
                                                         PlenaryEntry       *block);
void         plenary_schedule_builder_add_entry_person  (PlenaryEntry       *entry,
                                                         PlenaryEntryPeople  which,
                                                         PlenaryPerson      *person);
/* Room for @n people or attachments in an entry that has none yet (see the day items). */
void         plenary_schedule_builder_reserve_entry_people (PlenaryEntry       *entry,
                                                            PlenaryEntryPeople  which,
                                                            guint               n);
void         plenary_schedule_builder_reserve_entry_attachments (PlenaryEntry *entry,
                                                                 guint         n);
void         plenary_schedule_builder_add_entry_attachment (PlenaryEntry *entry,
                                                            const char   *title,
                                                            const char   *url,
                                                            const char   *folder);
/* Fills the user key, the full title and the defaults once everything else is set. */
void         plenary_schedule_builder_complete_entry    (PlenaryEntry       *entry);

/* A finished schedule's parts as they were built, for the cache to store them so. */
const char  *plenary_schedule_builder_peek_string       (PlenarySchedule       *schedule,
                                                         PlenaryScheduleString  field);
GPtrArray   *plenary_schedule_builder_peek              (PlenarySchedule       *schedule,
                                                         PlenaryScheduleList    list);
/* The top-level items of @day, or NULL. */
GPtrArray   *plenary_schedule_builder_peek_day_items    (PlenarySchedule       *schedule,
                                                         guint                  day);
/* key → PlenaryPerson */
GHashTable  *plenary_schedule_builder_peek_person_keys  (PlenarySchedule       *schedule);

G_END_DECLS
