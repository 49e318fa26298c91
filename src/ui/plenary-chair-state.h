/* plenary-chair-state.h: what a session chair needs to know about one room at one instant
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_CHAIR_ON_TIME,   /* a talk is on, with more than the warning time left */
  PLENARY_CHAIR_WARNING,   /* a talk is on, its end is near */
  PLENARY_CHAIR_OVERRUN,   /* a talk is on past its end */
  PLENARY_CHAIR_BETWEEN,   /* nothing on now; the next talk starts later today */
  PLENARY_CHAIR_DONE,      /* nothing more in this room today */
} PlenaryChairPhase;

/* What the chair recorded for one entry; either may be NULL. */
typedef struct
{
  GDateTime *started;
  GDateTime *ended;
} PlenaryChairRecord;

/* Looks up what was recorded for @entry, or NULL. */
typedef const PlenaryChairRecord *(*PlenaryChairLookup) (PlenaryEntry *entry,
                                                          gpointer      user_data);

typedef struct
{
  PlenaryChairPhase  phase;
  PlenaryEntry      *current;        /* the talk or break on now, or NULL */
  PlenaryEntry      *next;           /* the next entry in the room today, or NULL */
  PlenaryEntry      *tomorrow;       /* with DONE: the room's next entry on a later day */
  /* When @next is a break: the talk after it, whom the chair introduces next, and its expected
   * start (drift applied, never before the break ends). NULL otherwise. */
  PlenaryEntry      *after_break;
  GDateTime         *after_break_start;
  GDateTime         *current_start;  /* actual start if recorded, else expected */
  GDateTime         *current_end;    /* expected end: start + official duration */
  GDateTime         *next_start;     /* expected start of @next, drift applied */
  GTimeSpan          elapsed;        /* since @current_start */
  GTimeSpan          left;           /* until @current_end (negative when overrun), or until
                                      * @next_start when BETWEEN */
  GTimeSpan          drift;          /* how late the room runs (negative: early) */
} PlenaryChairState;

/* Computes the state at @now. @warning is how long before the end the warning starts. */
void  plenary_chair_state_compute (PlenaryChairState  *state,
                                   PlenarySchedule    *schedule,
                                   PlenaryRoom        *room,
                                   GDateTime          *now,
                                   GTimeSpan           warning,
                                   PlenaryChairLookup  lookup,
                                   gpointer            user_data);
void  plenary_chair_state_clear   (PlenaryChairState  *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlenaryChairState, plenary_chair_state_clear)

/* "12:05", "-3:20", "1:02:03": a span as a clock reads it. */
char *plenary_chair_format_span   (GTimeSpan           span);

G_END_DECLS

G_BEGIN_DECLS

/* The minutes of a session block as Markdown: per talk its title, speakers, official and
 * actual times, and the chair's notes. @notes and @record may be NULL. */
typedef const char *(*PlenaryChairNoteLookup) (PlenaryEntry *entry,
                                               gpointer      user_data);

char *plenary_chair_export_markdown (PlenarySchedule        *schedule,
                                     PlenaryEntry           *block,
                                     PlenaryChairLookup      record,
                                     PlenaryChairNoteLookup  notes,
                                     gpointer                user_data);

G_END_DECLS
