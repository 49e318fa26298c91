/* plenary-schedule-diff.h: what changed between two snapshots of a programme
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_CHANGE_ADDED    = 1 << 0,
  PLENARY_CHANGE_REMOVED  = 1 << 1,
  PLENARY_CHANGE_TIME     = 1 << 2,
  PLENARY_CHANGE_ROOM     = 1 << 3,
  PLENARY_CHANGE_TITLE    = 1 << 4,
  PLENARY_CHANGE_SPEAKERS = 1 << 5,
} PlenaryChangeFlags;

typedef struct
{
  PlenaryChangeFlags  flags;
  char               *user_key;   /* contributionId for talks, entry id for breaks */
  PlenaryEntry       *before;     /* NULL when added */
  PlenaryEntry       *after;      /* NULL when removed */
} PlenaryChange;

/* Contributions and breaks that were added, removed, moved, renamed or re-speakered, in the
 * new programme's order (removed ones last). Blocks are not compared: their talks are. */
GPtrArray *plenary_schedule_diff          (PlenarySchedule     *before,
                                           PlenarySchedule     *after);
void       plenary_change_free            (PlenaryChange       *change);
/* "Moved from 10:00 to 11:30 · Room changed", in the event's zone. */
char      *plenary_change_describe        (const PlenaryChange *change,
                                           GTimeZone           *zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryChange, plenary_change_free)

G_END_DECLS
