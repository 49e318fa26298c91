/* plenary-format.h: how times, durations, days and people read in the UI
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

char     *plenary_format_time          (GDateTime  *time,
                                        GTimeZone  *zone);
char     *plenary_format_time_range    (GDateTime  *start,
                                        GDateTime  *end,
                                        GTimeZone  *zone);
/* "07:00–07:40 EDT · 13:00–13:40 your time" when @local differs from the event's zone on
 * that day, else "07:00–07:40". */
char     *plenary_format_time_range_dual (GDateTime *start,
                                          GDateTime *end,
                                          GTimeZone *event_zone,
                                          GTimeZone *local_zone);
char     *plenary_format_duration      (int         minutes);
/* "Monday 20 September" */
char     *plenary_format_day_long      (GDateTime  *day);
/* "Mon 20" */
char     *plenary_format_day_short     (GDateTime  *day);
/* "Ada Lovelace (Example Org), Grace Hopper" */
char     *plenary_format_people        (GPtrArray  *people,
                                        gboolean    with_affiliations);
/* @text (server text: a title, names, a room) isolated in its own direction (U+2068…U+2069) in
 * a right-to-left interface, so that it cannot reorder the translated sentence around it. */
char     *plenary_format_isolate       (const char *text);
/* Whether two zones show different wall-clock times at @instant. */
gboolean  plenary_zones_differ_at      (GTimeZone  *a,
                                        GTimeZone  *b,
                                        GDateTime  *instant);

/* A session colour made readable as an accent on the current style's background. */
void      plenary_accent_from_hex      (const char *hex,
                                        gboolean    dark,
                                        GdkRGBA    *accent);

/* A toast saying @text as it is: AdwToast reads its title as markup, and a room's name or a
 * server's message with "&" or "<" in it was cut short or shown as nothing. */
AdwToast *plenary_format_toast         (const char *text);

G_END_DECLS

G_BEGIN_DECLS
/* Lower-cased, accents stripped, compatibility forms folded: "Çédric" → "cedric". */
char     *plenary_fold_for_search      (const char *text);
/* Appends @text folded (as above) and a newline to @haystack: one field of a search text. */
void      plenary_fold_append_for_search (GString    *haystack,
                                          const char *text);
/* Whether every whitespace-separated term of @folded_query occurs in @folded_text. */
gboolean  plenary_search_matches       (const char *folded_text,
                                        const char *folded_query);
/* The same with the query split once by plenary_search_terms(), for matching many texts. */
GStrv     plenary_search_terms         (const char *folded_query);
gboolean  plenary_search_matches_terms (const char *folded_text,
                                        GStrv       terms);

/* A range of bytes of a text: [start, end). */
typedef struct
{
  guint start;
  guint end;
} PlenaryTextRange;

/* Where the folded @terms occur in @text (which is not folded): PlenaryTextRange in byte
 * offsets of @text, sorted, overlapping hits merged. */
GArray   *plenary_search_find_terms    (const char         *text,
                                        const char * const *terms);

/* Hides from screen readers the images under @widget that only decorate a button, a status
 * page or a row named by its text. */
void      plenary_hide_decorative_images (GtkWidget *widget);
G_END_DECLS
