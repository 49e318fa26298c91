/* plenary-ics.h: iCalendar (RFC 5545) export of entries, and star import from .ics files
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

#define PLENARY_ICS_ERROR (plenary_ics_error_quark ())

typedef enum
{
  PLENARY_ICS_ERROR_NOT_ICALENDAR,   /* no VCALENDAR in the file */
} PlenaryIcsError;

GQuark plenary_ics_error_quark (void);

typedef enum
{
  PLENARY_ICS_FLAGS_NONE           = 0,
  PLENARY_ICS_FLAGS_INCLUDE_BREAKS = 1 << 0,
} PlenaryIcsFlags;

/* A VCALENDAR with one VEVENT per scheduled contribution of @entries (a GListModel of
 * PlenaryEntry, e.g. plenary_schedule_get_entries() or the starred ones), and per break with
 * INCLUDE_BREAKS; blocks and unscheduled contributions are skipped. UIDs are Indico's own
 * ("indico-contribution-<contributionId>@<host>", breaks "indico-break-<id>@<host>"), so a
 * calendar that imported Indico's export updates instead of duplicating. Times in UTC.
 * @dtstamp NULL means now. CRLF line ends, lines folded at 75 octets. */
char    *plenary_ics_write                  (PlenarySchedule  *schedule,
                                             GListModel       *entries,
                                             PlenaryIcsFlags   flags,
                                             GDateTime        *dtstamp);

/* The contribution ids of the VEVENTs in an .ics exported by Plenary or Indico, unique, in
 * file order. Both UID forms count: "indico-contribution-<id>@…" and the event export's
 * "indico-contribution-<eventId>-<id>@…"; with @event_id set, the latter only when the
 * event matches. An .ics with no such event gives an empty array, not an error. */
GArray  *plenary_ics_read_contribution_ids  (const char       *ics,
                                             gssize            length,
                                             const char       *event_id,
                                             GError          **error);

G_END_DECLS
