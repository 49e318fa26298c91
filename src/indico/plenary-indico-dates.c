/* plenary-indico-dates.c: Indico's {date, time, tz} triples, the event's zone and its days
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are read in the event's zone, and the few distinct ones a programme has are made
 * once (see indico_parse_date()); days are keyed by their calendar date in that zone.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "plenary-indico-parser-private.h"
#include "model/plenary-time.h"


GTimeZone *
indico_lookup_zone (ParseContext *ctx,
                    const char   *id)
{
  GTimeZone *zone;

  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return NULL;

  if (g_hash_table_lookup_extended (ctx->zones, id, NULL, (gpointer *) &zone))
    return zone;

  /* Only names from the zone database: a POSIX TZ string or a path is not a zone here. */
  if (strchr (id, '.') != NULL || id[0] == '/' || g_ascii_isdigit (id[0]))
    zone = NULL;
  else
    zone = g_time_zone_new_identifier (id);

  g_hash_table_insert (ctx->zones, g_strdup (id), zone);
  return zone;
}

/* @n digits at @text, as a number; -1 if they are not all digits. */
static inline int
read_digits (const char *text,
             int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

static gboolean
parse_ymd (const char *text,
           int        *year,
           int        *month,
           int        *day)
{
  if (text == NULL)
    return FALSE;

  /* "2021-09-20", as Indico writes it, without sscanf (which costs more than the rest of
   * a date); anything else as before. */
  if (text[0] != '\0' && text[1] != '\0' && text[2] != '\0' && text[3] != '\0'
      && text[4] == '-' && text[5] != '\0' && text[6] != '\0' && text[7] == '-'
      && (*year = read_digits (text, 4)) >= 0 && (*month = read_digits (text + 5, 2)) >= 0
      && (*day = read_digits (text + 8, 2)) >= 0)
    return g_date_valid_dmy (*day, *month, *year);

  if (sscanf (text, "%4d-%2d-%2d", year, month, day) != 3)
    return FALSE;
  return g_date_valid_dmy (*day, *month, *year);
}

/* "06:40:00" (the usual form) or "06:40", "06:40:00.5"; FALSE if not a time. */
static gboolean
parse_hms (const char *text,
           int        *hour,
           int        *minute,
           double     *seconds)
{
  int value;

  if (strlen (text) == 8 && text[2] == ':' && text[5] == ':'
      && (*hour = read_digits (text, 2)) >= 0 && (*minute = read_digits (text + 3, 2)) >= 0
      && (value = read_digits (text + 6, 2)) >= 0)
    {
      *seconds = value;
      return TRUE;
    }

  return sscanf (text, "%2d:%2d:%lf", hour, minute, seconds) >= 2;
}

/* {"date": "2021-09-20", "time": "06:40:00", "tz": "America/New_York"} → that instant,
 * in the event's zone. */
GDateTime *
indico_parse_date (ParseContext          *ctx,
                   const PlenaryJsonNode *object,
                   const char            *name)
{
  const PlenaryJsonNode *date = get_object (object, name);
  GTimeZone *zone;
  int year, month, day, hour = 0, minute = 0;
  double seconds = 0;
  const char *time;
  g_autoptr (GDateTime) local = NULL;
  gint64 key;
  GDateTime *cached;

  if (date == NULL || !parse_ymd (get_string (date, "date"), &year, &month, &day))
    return NULL;

  time = get_string (date, "time");
  if (time != NULL && !parse_hms (time, &hour, &minute, &seconds))
    return NULL;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !(seconds >= 0 && seconds < 60))
    return NULL;

  zone = indico_lookup_zone (ctx, get_string (date, "tz"));
  if (zone != NULL && zone != ctx->tz)
    {
      local = g_date_time_new (zone, year, month, day, hour, minute, floor (seconds));
      if (local == NULL)
        return NULL;
      return g_date_time_to_timezone (local, ctx->tz);
    }

  /* In the event's zone, as nearly all are: talks share their few start and end times, and
   * making a GDateTime costs far more than finding the one made before. */
  key = ((((gint64) year * 13 + month) * 32 + day) * 24 + hour) * 60 + minute;
  key = key * 60 + (gint64) floor (seconds);
  if (!g_hash_table_lookup_extended (ctx->dates, &key, NULL, (gpointer *) &cached))
    {
      gint64 *stored = g_new (gint64, 1);

      *stored = key;
      cached = g_date_time_new (ctx->tz, year, month, day, hour, minute, floor (seconds));
      g_hash_table_insert (ctx->dates, stored, cached);
    }

  return cached != NULL ? g_date_time_ref (cached) : NULL;
}

int
indico_day_index_of (ParseContext *ctx,
                     GDateTime    *instant)
{
  int year, month, day;
  gpointer value;

  g_date_time_get_ymd (instant, &year, &month, &day);
  value = g_hash_table_lookup (ctx->day_by_key, day_key (year, month, day));

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : -1;
}

gboolean
indico_add_day (ParseContext *ctx,
                int           year,
                int           month,
                int           day)
{
  g_autoptr (GDateTime) midnight = g_date_time_new (ctx->tz, year, month, day, 0, 0, 0);

  if (midnight == NULL || g_hash_table_contains (ctx->day_by_key, day_key (year, month, day)))
    return FALSE;

  g_hash_table_insert (ctx->day_by_key, day_key (year, month, day),
                       GUINT_TO_POINTER (plenary_schedule_builder_add_day (ctx->builder, midnight)
                                         + 1));

  return TRUE;
}

/* Start and end from the {date,time,tz} triples; end from the duration when missing. A local
 * time that occurs twice (the night clocks fall back) is taken as whichever instant agrees
 * with the duration and the end: 02:30 to 03:30 lasting 120 minutes starts at the first
 * 02:30, not the second GLib would pick. */
gboolean
indico_set_times (ParseContext          *ctx,
                  PlenaryEntry          *entry,
                  const PlenaryJsonNode *object)
{
  GDateTime *start;
  GDateTime *end;
  double duration;

  start = indico_parse_date (ctx, object, "startDate");
  if (start == NULL)
    return FALSE;

  end = indico_parse_date (ctx, object, "endDate");
  duration = get_double (object, "duration", -1);
  if (end != NULL && duration >= 0 && duration <= MAX_DURATION_MINUTES)
    plenary_time_resolve_pair (&start, &end, (GTimeSpan) (duration * G_TIME_SPAN_MINUTE));
  if (end == NULL)
    {
      double minutes = get_double (object, "duration", 0);

      minutes = CLAMP (minutes, 0, MAX_DURATION_MINUTES);
      end = g_date_time_add (start, (GTimeSpan) (minutes * G_TIME_SPAN_MINUTE));
    }
  if (end == NULL || g_date_time_compare (end, start) < 0)
    {
      g_clear_pointer (&end, g_date_time_unref);
      end = g_date_time_ref (start);
    }

  plenary_schedule_builder_take_entry_time (entry, PLENARY_ENTRY_START, start);
  plenary_schedule_builder_take_entry_time (entry, PLENARY_ENTRY_END, end);
  return TRUE;
}

void
indico_set_timezone (ParseContext *ctx,
                     const char   *preferred,
                     const char   *fallback)
{
  GTimeZone *zone = indico_lookup_zone (ctx, preferred);
  const char *id = preferred;

  if (zone == NULL)
    {
      zone = indico_lookup_zone (ctx, fallback);
      id = fallback;
    }

  if (zone != NULL)
    {
      ctx->tz = g_time_zone_ref (zone);
    }
  else
    {
      ctx->tz = g_time_zone_new_utc ();
      id = "UTC";
    }
  plenary_schedule_builder_set_string (ctx->builder, PLENARY_SCHEDULE_TIMEZONE_ID, id);
  plenary_schedule_builder_set_timezone (ctx->builder, ctx->tz);
}

void
indico_date_range_add (GDateTime  *instant,
                       GDateTime **first,
                       GDateTime **last)
{
  if (instant == NULL)
    return;
  if (*first == NULL || g_date_time_compare (instant, *first) < 0)
    {
      g_clear_pointer (first, g_date_time_unref);
      *first = g_date_time_ref (instant);
    }
  if (*last == NULL || g_date_time_compare (instant, *last) > 0)
    {
      g_clear_pointer (last, g_date_time_unref);
      *last = g_date_time_ref (instant);
    }
}
