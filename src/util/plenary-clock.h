/* plenary-clock.h: an injectable "now", for tests and for rehearsing a chair session
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PLENARY_CLOCK_MODE_SYSTEM,     /* the real time */
  PLENARY_CLOCK_MODE_FIXED,      /* a time that only moves when told to */
  PLENARY_CLOCK_MODE_REHEARSAL,  /* runs from a chosen instant at 1× or faster */
} PlenaryClockMode;

GType plenary_clock_mode_get_type (void);
#define PLENARY_TYPE_CLOCK_MODE (plenary_clock_mode_get_type ())

#define PLENARY_TYPE_CLOCK (plenary_clock_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryClock, plenary_clock, PLENARY, CLOCK, GObject)

/* The application's clock, in system mode until told otherwise. Views take the clock they
 * are given (default: this one), so tests and rehearsals swap the time under them. */
PlenaryClock     *plenary_clock_get_default     (void);
PlenaryClock     *plenary_clock_new             (void);

/* Now, in UTC / in the local time zone (which follows system changes). New references. */
GDateTime        *plenary_clock_get_now         (PlenaryClock *self);
GDateTime        *plenary_clock_get_now_local   (PlenaryClock *self);
/* Now in @tz, e.g. the event's. */
GDateTime        *plenary_clock_get_now_in      (PlenaryClock *self,
                                                 GTimeZone    *tz);
GTimeZone        *plenary_clock_get_timezone    (PlenaryClock *self);

PlenaryClockMode  plenary_clock_get_mode        (PlenaryClock *self);
double            plenary_clock_get_speed       (PlenaryClock *self);

void              plenary_clock_set_system      (PlenaryClock *self);
/* Stops time at @instant. */
void              plenary_clock_set_fixed       (PlenaryClock *self,
                                                 GDateTime    *instant);
/* Runs from @start at @speed (>= 1.0) times real time. */
void              plenary_clock_set_rehearsal   (PlenaryClock *self,
                                                 GDateTime    *start,
                                                 double        speed);
/* Moves fixed or rehearsal time by @span (either sign); ignored for the system clock. */
void              plenary_clock_advance         (PlenaryClock *self,
                                                 GTimeSpan     span);

/* "tick" every second instead of every minute, for the chair screen. */
gboolean          plenary_clock_get_seconds     (PlenaryClock *self);
void              plenary_clock_set_seconds     (PlenaryClock *self,
                                                 gboolean      seconds);

/* Re-reads the time after it may have jumped (resume from suspend, a changed time zone):
 * emits "time-changed" and "tick" and re-arms the timer, and asks timedate1 for the zone
 * again (a later "time-changed" if it moved). Called on logind's PrepareForSleep. */
void              plenary_clock_resync          (PlenaryClock *self);

G_END_DECLS
