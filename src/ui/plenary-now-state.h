/* plenary-now-state.h: what is on in every room at one instant, and what comes next
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/plenary-schedule.h"
#include "store/plenary-user-data.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_NOW_EMPTY,    /* no scheduled talk at all */
  PLENARY_NOW_BEFORE,   /* before the first talk */
  PLENARY_NOW_DURING,
  PLENARY_NOW_AFTER,    /* the last talk is over */
} PlenaryNowPhase;

/* A talk or break, with the times the room is expected to keep. */
typedef struct
{
  PlenaryEntry *entry;
  GDateTime    *start;      /* recorded start, else planned start plus the room's delay */
  GDateTime    *end;        /* expected end: @start plus the planned duration */
  GTimeSpan     left;       /* until @end (negative when it runs over), or until @start */
  double        progress;   /* 0 … 1 of the way from @start to @end */
  gboolean      recorded;   /* @start is what the chair recorded */
  gboolean      starred;
} PlenaryNowItem;

typedef struct
{
  PlenaryRoom    *room;
  GPtrArray      *current;  /* PlenaryNowItem, by start: on now (several when they overlap) */
  PlenaryNowItem *next;     /* the next talk (past a break before it), else break, or NULL */
  GTimeSpan       delay;    /* how late the room runs by the chair's records (0: on time) */
  gboolean        folded;   /* nothing on and nothing more in its day: @next is a later day */
} PlenaryNowRoom;

typedef struct
{
  PlenaryNowPhase  phase;
  GDateTime       *now;
  GDateTime       *first_start;   /* of the first talk; NULL when EMPTY */
  GDateTime       *last_end;      /* of the last one */
  /* PlenaryNowRoom: rooms with something on or still to come today, in the programme's room
   * order, then the folded ones. */
  GPtrArray       *rooms;
  guint            n_folded;
  /* With nothing on in any room: when the next thing starts anywhere, else NULL. */
  GDateTime       *resumes;
} PlenaryNowState;

/* Per room of @schedule at @now: what is on, how far it is, what is next. Follows the
 * actual times a chair recorded in @user_data (may be NULL), which also marks stars. */
PlenaryNowState *plenary_now_state_new   (PlenarySchedule *schedule,
                                          PlenaryUserData *user_data,
                                          GDateTime       *now);
void             plenary_now_state_free  (PlenaryNowState *state);
/* The room named @name, or NULL. */
PlenaryNowRoom  *plenary_now_state_find_room (PlenaryNowState *state,
                                              const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryNowState, plenary_now_state_free)

G_END_DECLS
