/* plenary-indico-parser-private.h: what the readers of one parse share
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parse is split by what it reads: the answer's bytes (plenary-indico-document.c), dates
 * and zones (-dates.c), people (-people.c), program.json with the rooms and tracks that
 * entries share (-program.c), the event export (-event.c) and the timetable export
 * (-timetable.c); plenary-indico-parser.c holds the public entry points and puts the
 * schedule together. They share one ParseContext and the tolerant accessors below, inline
 * because the readers call them for every field of every entry.
 */

#pragma once

#include <math.h>

#include "plenary-indico-parser.h"
#include "model/plenary-schedule-builder.h"
#include "util/plenary-json.h"

G_BEGIN_DECLS

/* Longer than any event; bounds the day list of a damaged event export. */
#define MAX_EVENT_DAYS 1000
#define MAX_DURATION_MINUTES (60.0 * 24 * 366)

typedef struct
{
  const PlenaryIndicoSources *sources;
  PlenaryScheduleBuilder *builder;

  char            *server_base;     /* "https://host/prefix/" or NULL */
  char            *server_origin;   /* "https://host" */
  char            *server_path;     /* "/prefix/" */

  GTimeZone       *tz;
  GHashTable      *zones;           /* id → GTimeZone */
  GHashTable      *dates;           /* local time in the event's zone → GDateTime or NULL */
  GHashTable      *day_by_key;      /* YYYYMMDD as a number → index + 1 */
  GHashTable      *seen;            /* entry id → PlenaryEntry */
  GHashTable      *rooms;           /* name → PlenaryRoom */
  PlenaryRoom     *no_room;
  GHashTable      *tracks;          /* title → PlenaryTrack */
  GHashTable      *listed_people;   /* people who speak or convene */

  PlenaryJsonDocument   *event_document;
  GThread         *event_reader;    /* reading the event export's JSON beside the timetable's */
  const PlenaryJsonNode *event;     /* the event object of the event export, or NULL */
  gboolean         event_no_access; /* the event export answered results: [] */
  GHashTable      *contributions;   /* db_id → its object in the event export */
  GHashTable      *pid_by_email;    /* emailHash → person_id, from the event export */
  char            *first_venue;
  gint64           ts;              /* the timetable envelope's "ts", or -1 */
} ParseContext;

/* The event export's JSON document, read beside the timetable's when it was started
 * (plenary-indico-parser.c); NULL with @error set when it does not read. */
PlenaryJsonDocument *indico_take_event_document (ParseContext  *ctx,
                                                 GError       **error);

/* Tolerant JSON accessors */

static inline const PlenaryJsonNode *
member (const PlenaryJsonNode *object,
        const char            *name)
{
  return plenary_json_object_get_member (object, name);
}

static inline const PlenaryJsonNode *
node_object (const PlenaryJsonNode *node)
{
  return plenary_json_node_get_object (node);
}

/* The @index-th element of @array if it is an object. */
static inline const PlenaryJsonNode *
element_object (const PlenaryJsonNode *array,
                guint                  index)
{
  return plenary_json_node_get_object (plenary_json_array_get_element (array, index));
}

static inline const PlenaryJsonNode *
get_object (const PlenaryJsonNode *object,
            const char            *name)
{
  return plenary_json_node_get_object (member (object, name));
}

static inline const PlenaryJsonNode *
get_array (const PlenaryJsonNode *object,
           const char            *name)
{
  return plenary_json_node_get_array (member (object, name));
}

static inline const char *
get_string (const PlenaryJsonNode *object,
            const char            *name)
{
  return plenary_json_node_get_string (member (object, name));
}

static inline const char *
get_nonempty_string (const PlenaryJsonNode *object,
                     const char            *name)
{
  const char *value = get_string (object, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static inline gboolean
node_to_int64 (const PlenaryJsonNode *node,
               gint64                *out)
{
  switch (plenary_json_node_get_type (node))
    {
    case PLENARY_JSON_INT:
      *out = node->v.integer;
      return TRUE;

    case PLENARY_JSON_DOUBLE:
      if (!isfinite (node->v.number) || node->v.number < -9e15 || node->v.number > 9e15)
        return FALSE;
      *out = (gint64) node->v.number;
      return TRUE;

    case PLENARY_JSON_STRING:
      /* Older servers give ids as strings ("11"). */
      return g_ascii_string_to_signed (node->v.string, 10, G_MININT64, G_MAXINT64, out, NULL);

    case PLENARY_JSON_NULL:
    case PLENARY_JSON_BOOLEAN:
    case PLENARY_JSON_ARRAY:
    case PLENARY_JSON_OBJECT:
    default:
      return FALSE;
    }
}

static inline gint64
get_int (const PlenaryJsonNode *object,
         const char            *name,
         gint64                 fallback)
{
  gint64 value;

  return node_to_int64 (member (object, name), &value) ? value : fallback;
}

static inline double
get_double (const PlenaryJsonNode *object,
            const char            *name,
            double                 fallback)
{
  const PlenaryJsonNode *node = member (object, name);

  switch (plenary_json_node_get_type (node))
    {
    case PLENARY_JSON_INT:
      return (double) node->v.integer;

    case PLENARY_JSON_DOUBLE:
      return isfinite (node->v.number) ? node->v.number : fallback;

    case PLENARY_JSON_STRING:
      {
        const char *text = node->v.string;
        char *end = NULL;
        double value = g_ascii_strtod (text, &end);

        return end != text && *end == '\0' && isfinite (value) ? value : fallback;
      }

    case PLENARY_JSON_NULL:
    case PLENARY_JSON_BOOLEAN:
    case PLENARY_JSON_ARRAY:
    case PLENARY_JSON_OBJECT:
    default:
      return fallback;
    }
}

static inline gboolean
get_bool (const PlenaryJsonNode *object,
          const char            *name,
          gboolean               fallback)
{
  const PlenaryJsonNode *node = member (object, name);

  if (plenary_json_node_get_type (node) != PLENARY_JSON_BOOLEAN)
    return fallback;
  return node->v.boolean;
}

/* An id that may be a string or a number, as text; NULL if neither. */
static inline char *
dup_id (const PlenaryJsonNode *object,
        const char            *name)
{
  const PlenaryJsonNode *node = member (object, name);
  const char *text = plenary_json_node_get_string (node);
  gint64 value;

  if (text != NULL)
    return *text != '\0' ? g_strdup (text) : NULL;
  if (node_to_int64 (node, &value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return NULL;
}

/* An entry's fields, through the builder (see plenary-schedule-builder.h). */

static inline void
entry_set_string (PlenaryEntry       *entry,
                  PlenaryEntryString  field,
                  const char         *value,
                  gboolean            intern)
{
  plenary_schedule_builder_set_entry_string (entry, field, value, intern);
}

/* The field as set: NULL when it was not. */
static inline const char *
entry_string (PlenaryEntry       *entry,
              PlenaryEntryString  field)
{
  return plenary_schedule_builder_get_entry_string (entry, field);
}

static inline void
entry_set_number (PlenaryEntry       *entry,
                  PlenaryEntryNumber  field,
                  gint64              value)
{
  plenary_schedule_builder_set_entry_number (entry, field, value);
}

static inline gint64
entry_number (PlenaryEntry       *entry,
              PlenaryEntryNumber  field)
{
  return plenary_schedule_builder_get_entry_number (entry, field);
}

/* A calendar day as a hash key. */
static inline gpointer
day_key (int year,
         int month,
         int day)
{
  return GINT_TO_POINTER (year * 10000 + month * 100 + day);
}

/* plenary-indico-document.c */
PlenaryJsonDocument   *indico_parse_json              (GBytes                *bytes,
                                                       GError               **error);
void                   indico_set_not_timetable       (GError               **error);
void                   indico_set_wrong_event         (GError               **error,
                                                       const char            *sent,
                                                       const char            *asked);
void                   indico_set_no_access           (GError               **error);

/* plenary-indico-parser.c: server base and URLs */
void                   indico_derive_server_base      (ParseContext          *ctx,
                                                       const char            *url,
                                                       const char            *marker);
char                  *indico_make_absolute           (ParseContext          *ctx,
                                                       const char            *url);
void                   indico_set_url                 (ParseContext          *ctx,
                                                       PlenaryEntry          *entry,
                                                       PlenaryEntryString     field,
                                                       const char            *url);

/* plenary-indico-dates.c */
GTimeZone             *indico_lookup_zone             (ParseContext          *ctx,
                                                       const char            *id);
void                   indico_set_timezone            (ParseContext          *ctx,
                                                       const char            *preferred,
                                                       const char            *fallback);
GDateTime             *indico_parse_date              (ParseContext          *ctx,
                                                       const PlenaryJsonNode *object,
                                                       const char            *name);
gboolean               indico_set_times               (ParseContext          *ctx,
                                                       PlenaryEntry          *entry,
                                                       const PlenaryJsonNode *object);
void                   indico_date_range_add          (GDateTime             *instant,
                                                       GDateTime            **first,
                                                       GDateTime            **last);
gboolean               indico_add_day                 (ParseContext          *ctx,
                                                       int                    year,
                                                       int                    month,
                                                       int                    day);
int                    indico_day_index_of            (ParseContext          *ctx,
                                                       GDateTime             *instant);

/* plenary-indico-people.c */
void                   indico_add_timetable_people    (ParseContext          *ctx,
                                                       PlenaryEntry          *entry,
                                                       PlenaryEntryPeople     which,
                                                       const PlenaryJsonNode *people,
                                                       const PlenaryJsonNode *event_speakers,
                                                       gboolean               listed);
void                   indico_add_event_people        (ParseContext          *ctx,
                                                       PlenaryEntry          *entry,
                                                       PlenaryEntryPeople     which,
                                                       const PlenaryJsonNode *people,
                                                       gboolean               not_speakers,
                                                       gboolean               listed);

/* plenary-indico-program.c */
void                   indico_load_program            (ParseContext          *ctx);
PlenaryRoom           *indico_intern_room             (ParseContext          *ctx,
                                                       const char            *name,
                                                       const char            *venue);
PlenaryTrack          *indico_intern_track            (ParseContext          *ctx,
                                                       const char            *title);

/* plenary-indico-event.c */
gboolean               indico_load_event_export       (ParseContext          *ctx,
                                                       gboolean               required,
                                                       GError               **error);
const PlenaryJsonNode *indico_lookup_event_contribution (ParseContext        *ctx,
                                                         gint64               db_id);
void                   indico_merge_event_contribution (ParseContext          *ctx,
                                                        PlenaryEntry          *entry,
                                                        const PlenaryJsonNode *contribution);
void                   indico_add_unscheduled         (ParseContext          *ctx);
gboolean               indico_parse_event_only        (ParseContext          *ctx,
                                                       GError               **error);

/* plenary-indico-timetable.c */
gboolean               indico_parse_timetable         (ParseContext          *ctx,
                                                       GError               **error);
void                   indico_set_room                (ParseContext          *ctx,
                                                       PlenaryEntry          *entry,
                                                       const char            *room,
                                                       const char            *venue,
                                                       PlenaryEntry          *block);
void                   indico_inherit_from_block      (PlenaryEntry          *entry,
                                                       PlenaryEntry          *block);
void                   indico_add_to_day              (ParseContext          *ctx,
                                                       PlenaryEntry          *entry,
                                                       int                    day,
                                                       gboolean               again);

G_END_DECLS
