/* plenary-schedule.h: one immutable snapshot of an event's programme
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-day.h"
#include "plenary-entry.h"
#include "plenary-person.h"
#include "plenary-room.h"
#include "plenary-track.h"

G_BEGIN_DECLS

/* Event header. */
const char   *plenary_schedule_get_event_id        (PlenarySchedule *self);
const char   *plenary_schedule_get_title           (PlenarySchedule *self);
/* The server's base URL with a trailing slash, e.g. "https://lpc.events/"; NULL if unknown. */
const char   *plenary_schedule_get_server_base     (PlenarySchedule *self);
/* The event's page, absolute; NULL if unknown. */
const char   *plenary_schedule_get_url             (PlenarySchedule *self);
const char   *plenary_schedule_get_venue           (PlenarySchedule *self);
/* IANA name, e.g. "America/New_York". */
const char   *plenary_schedule_get_timezone_id     (PlenarySchedule *self);
GTimeZone    *plenary_schedule_get_timezone        (PlenarySchedule *self);
GDateTime    *plenary_schedule_get_start           (PlenarySchedule *self);
GDateTime    *plenary_schedule_get_end             (PlenarySchedule *self);

/* Counts, as --check prints them. */
guint         plenary_schedule_get_n_blocks        (PlenarySchedule *self);
guint         plenary_schedule_get_n_sessions      (PlenarySchedule *self);
guint         plenary_schedule_get_n_contributions (PlenarySchedule *self);
guint         plenary_schedule_get_n_breaks        (PlenarySchedule *self);

/* List models; all owned by the schedule and never changed. */
GListModel   *plenary_schedule_get_days            (PlenarySchedule *self);   /* PlenaryDay */
/* PlenaryRoom, by name; the "No room" room (name "") last, and only when an entry has it. */
GListModel   *plenary_schedule_get_rooms           (PlenarySchedule *self);
GListModel   *plenary_schedule_get_people          (PlenarySchedule *self);   /* PlenaryPerson, by sort key */
GListModel   *plenary_schedule_get_tracks          (PlenarySchedule *self);   /* PlenaryTrack, server order */
/* Every scheduled contribution and break (not blocks), by start, then title. */
GListModel   *plenary_schedule_get_entries         (PlenarySchedule *self);
/* Session blocks, by start. */
GListModel   *plenary_schedule_get_blocks          (PlenarySchedule *self);
/* Contributions without a time (only in the event export). */
GListModel   *plenary_schedule_get_unscheduled     (PlenarySchedule *self);

/* A day's top-level items (blocks and top-level contributions and breaks) by start, then title:
 * what Indico's day view lists. */
GListModel   *plenary_schedule_get_day_items       (PlenarySchedule *self,
                                                    guint            day_index);
/* A day's contributions and breaks, blocks flattened, by start, then title. */
GListModel   *plenary_schedule_get_day_entries     (PlenarySchedule *self,
                                                    guint            day_index);
/* The contributions and breaks of a block, by start, then title; NULL if @block is not a
 * block of this schedule. */
GListModel   *plenary_schedule_get_block_entries   (PlenarySchedule *self,
                                                    PlenaryEntry    *block);

/* The rows of one day as the Schedule lists them: top-level items, and each block followed by
 * those of its contributions and breaks that start on that day. A block crossing midnight is
 * listed on both days, each time with its own part. @zone (NULL: the event's) says whose
 * calendar day it is: with the attendee's zone, talks move to the day they fall on there.
 * A new array the caller owns. */
GPtrArray    *plenary_schedule_dup_day_rows        (PlenarySchedule *self,
                                                    guint            day_index,
                                                    GTimeZone       *zone);

/* Queries; each returns a new list the caller owns. */
GListModel   *plenary_schedule_get_room_entries    (PlenarySchedule *self,
                                                    PlenaryRoom     *room);
GListModel   *plenary_schedule_get_person_entries  (PlenarySchedule *self,
                                                    PlenaryPerson   *person);
GListModel   *plenary_schedule_get_person_blocks   (PlenarySchedule *self,
                                                    PlenaryPerson   *person);
GListModel   *plenary_schedule_get_track_entries   (PlenarySchedule *self,
                                                    PlenaryTrack    *track);
/* Contributions and breaks running at @instant (start <= instant < end). */
GListModel   *plenary_schedule_get_entries_at      (PlenarySchedule *self,
                                                    GDateTime       *instant);
/* The next contributions and breaks starting after @instant, at most @max_entries. */
GListModel   *plenary_schedule_get_entries_after   (PlenarySchedule *self,
                                                    GDateTime       *instant,
                                                    guint            max_entries);

/* Look-ups; NULL when absent. */
PlenaryEntry *plenary_schedule_lookup_entry        (PlenarySchedule *self,
                                                    const char      *entry_id);
PlenaryEntry *plenary_schedule_lookup_contribution (PlenarySchedule *self,
                                                    gint64           contribution_id);
PlenaryEntry *plenary_schedule_lookup_user_key     (PlenarySchedule *self,
                                                    const char      *user_key);
PlenaryPerson *plenary_schedule_lookup_person      (PlenarySchedule *self,
                                                    const char      *person_key);
PlenaryRoom  *plenary_schedule_lookup_room         (PlenarySchedule *self,
                                                    const char      *name);
PlenaryTrack *plenary_schedule_lookup_track        (PlenarySchedule *self,
                                                    const char      *title);

/* After reading every entry once (a search index built from the abstracts): a schedule read
 * from a mapped file lets the kernel take back the pages read so far; they are read in again
 * when needed. Does nothing for a schedule parsed into memory. Thread-safe. */
void          plenary_schedule_release_pages       (PlenarySchedule *self);

/* Drops a reference to @schedule in a worker thread: when it is the last, freeing a large
 * programme (a tenth of a second at 20,000 talks) does not hold up the main thread. */
void          plenary_schedule_unref_in_thread    (PlenarySchedule *schedule);

G_END_DECLS
