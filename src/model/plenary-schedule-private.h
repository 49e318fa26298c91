/* plenary-schedule-private.h: the schedule's fields, filled in by plenary-schedule-builder.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-schedule.h"

G_BEGIN_DECLS

struct _PlenarySchedule
{
  GObject     parent_instance;

  /* Filled in through the builder. */
  char       *event_id;
  char       *title;
  char       *server_base;
  char       *url;
  char       *venue;
  char       *timezone_id;
  GTimeZone  *timezone;
  GDateTime  *start;
  GDateTime  *end;

  GPtrArray  *day_list;         /* PlenaryDay, by index */
  GPtrArray  *day_item_lists;   /* per day: GPtrArray of PlenaryEntry (top-level items) */
  GPtrArray  *all_entries;      /* every scheduled block, contribution and break, once */
  GPtrArray  *unscheduled_list; /* PlenaryEntry */
  GPtrArray  *room_list;        /* PlenaryRoom */
  GPtrArray  *track_list;       /* PlenaryTrack, in their final order */
  GPtrArray  *people_list;      /* PlenaryPerson who speak or convene */
  GHashTable *person_by_key;    /* key → PlenaryPerson: everyone, authors included */
  GBytes     *mapping;          /* the mapped file the strings point into, or NULL */

  /* Built by plenary_schedule_finish(). */
  guint       n_blocks;
  guint       n_sessions;
  guint       n_contributions;
  guint       n_breaks;
  gint64      longest_entry;    /* GTimeSpan, bounds the scan in get_entries_at() */

  GPtrArray  *sorted_entries;   /* contributions and breaks, by start */
  GListModel *days;             /* these models are arrays that never change */
  GListModel *rooms;
  GListModel *people;
  GListModel *tracks;
  GListModel *entries;
  GListModel *blocks;
  GListModel *unscheduled;
  GPtrArray  *day_items;        /* GListModel per day */
  GPtrArray  *day_entries;      /* GListModel per day */
  GHashTable *block_entries;    /* block → GPtrArray of entries */
  GHashTable *block_models;     /* block → GListModel of the same */
  GHashTable *entry_by_id;
  GHashTable *entry_by_contribution;
  GHashTable *entry_by_user_key;
  GHashTable *room_by_name;
  GHashTable *track_by_title;
  GHashTable *room_index;       /* room → GPtrArray of entries */
  GHashTable *person_talks;     /* person → GPtrArray of contributions */
  GHashTable *person_blocks;    /* person → GPtrArray of blocks */
  GHashTable *track_index;      /* track → GPtrArray of contributions */
};

PlenarySchedule *plenary_schedule_new    (void);
/* Sorts everything and builds the list models and indices, once. */
void             plenary_schedule_finish (PlenarySchedule *self);

G_END_DECLS
