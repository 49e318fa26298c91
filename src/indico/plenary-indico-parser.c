/* plenary-indico-parser.c: Indico export JSON → PlenarySchedule
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shapes and quirks handled here are those of reference/indico-api.md §3, §4 and §5.1.
 * Everything is read through tolerant accessors: a field of an unexpected type counts as
 * missing. The JSON trees live only during the parse: what the model keeps, it copies.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plenary-indico-parser.h"
#include "model/plenary-day-private.h"
#include "model/plenary-entry-private.h"
#include "model/plenary-person-private.h"
#include "model/plenary-time.h"
#include "model/plenary-room-private.h"
#include "model/plenary-schedule-private.h"
#include "model/plenary-track-private.h"
#include "util/plenary-json.h"

/* Longer than any event; bounds the day list of a damaged event export. */
#define MAX_EVENT_DAYS 1000
#define MAX_DURATION_MINUTES (60.0 * 24 * 366)

G_DEFINE_QUARK (plenary-indico-error-quark, plenary_indico_error)

/* Tolerant JSON accessors */

static const PlenaryJsonNode *
member (const PlenaryJsonNode *object,
        const char            *name)
{
  return plenary_json_object_get_member (object, name);
}

static const PlenaryJsonNode *
node_object (const PlenaryJsonNode *node)
{
  return plenary_json_node_get_object (node);
}

/* The @index-th element of @array if it is an object. */
static const PlenaryJsonNode *
element_object (const PlenaryJsonNode *array,
                guint                  index)
{
  return plenary_json_node_get_object (plenary_json_array_get_element (array, index));
}

static const PlenaryJsonNode *
get_object (const PlenaryJsonNode *object,
            const char            *name)
{
  return plenary_json_node_get_object (member (object, name));
}

static const PlenaryJsonNode *
get_array (const PlenaryJsonNode *object,
           const char            *name)
{
  return plenary_json_node_get_array (member (object, name));
}

static const char *
get_string (const PlenaryJsonNode *object,
            const char            *name)
{
  return plenary_json_node_get_string (member (object, name));
}

static const char *
get_nonempty_string (const PlenaryJsonNode *object,
                     const char            *name)
{
  const char *value = get_string (object, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
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

static gint64
get_int (const PlenaryJsonNode *object,
         const char            *name,
         gint64                 fallback)
{
  gint64 value;

  return node_to_int64 (member (object, name), &value) ? value : fallback;
}

static double
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

static gboolean
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
static char *
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

/* Parsing the bytes */

static void
set_malformed (GError **error,
               int      line)
{
  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED,
               _("The programme is incomplete or damaged (invalid JSON at line %d)."), line);
}

/* Server text on screen: what one string may hold. Titles, names, rooms… are cut to a few
 * hundred characters (with an ellipsis) and descriptions to what a page lays out at once,
 * so no string can stall a frame; the stored exports keep every byte. A URL longer than any
 * real one is dropped rather than cut into another address. */
#define MAX_SHORT_CHARS       300
#define MAX_DESCRIPTION_CHARS 10000
#define MAX_URL_BYTES         2048

/* Removes the bidi embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069) in place: server text must not reorder the text around it. Returns the
 * new length. */
static gsize
remove_bidi_controls (char  *text,
                      gsize  length)
{
  char *found = memchr (text, 0xe2, length);
  gsize out;

  if (found == NULL)
    return length;
  out = found - text;
  for (gsize in = out; in < length; )
    {
      guchar c1 = in + 1 < length ? (guchar) text[in + 1] : 0;
      guchar c2 = in + 2 < length ? (guchar) text[in + 2] : 0;

      if ((guchar) text[in] == 0xe2
          && ((c1 == 0x80 && c2 >= 0xaa && c2 <= 0xae) || (c1 == 0x81 && c2 >= 0xa6 && c2 <= 0xa9)))
        {
          in += 3;
          continue;
        }
      text[out++] = text[in++];
    }
  text[out] = '\0';
  return out;
}

/* Cuts @text to @max_chars characters, the last one an ellipsis, in place: the cut text
 * is never longer than the original. Returns the new length. */
static gsize
cap_chars (char  *text,
           gsize  length,
           gsize  max_chars)
{
  const char *p = text;
  const char *end = text + length;
  gsize n = 0;

  if (length <= max_chars)
    return length;
  while (p < end && n < max_chars - 1)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  /* Three bytes from @p to the end at least, so the ellipsis and the NUL fit. */
  if (p >= end || g_utf8_next_char (p) >= end || end - p < 3)
    return length;
  memcpy ((char *) p, "\u2026", 3);
  ((char *) p)[3] = '\0';
  return (p - text) + 3;
}

static void
clean_string (PlenaryJsonNode *node,
              const char      *name)
{
  char *text = (char *) node->v.string;
  gsize length = node->length;

  length = remove_bidi_controls (text, length);
  if (name != NULL && (g_str_has_suffix (name, "url") || g_str_has_suffix (name, "URL")))
    {
      if (length > MAX_URL_BYTES)
        {
          text[0] = '\0';
          length = 0;
        }
    }
  else
    length = cap_chars (text, length,
                        g_strcmp0 (name, "description") == 0 ? MAX_DESCRIPTION_CHARS
                                                            : MAX_SHORT_CHARS);
  node->length = (guint32) length;
}

/* Every string of @document made fit to show (see above). The tree is walked with a stack
 * of its own, not by recursion: the reader bounds the depth, but nothing here relies on it. */
static void
clean_document (PlenaryJsonDocument *document)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (PlenaryJsonMember));
  PlenaryJsonMember top = { NULL, *plenary_json_document_get_root (document) };

  /* The root is a copy: write its string back if it is one. */
  if (top.value.type == PLENARY_JSON_STRING)
    {
      clean_string ((PlenaryJsonNode *) plenary_json_document_get_root (document), NULL);
      return;
    }
  g_array_append_val (stack, top);
  while (stack->len > 0)
    {
      PlenaryJsonMember item = g_array_index (stack, PlenaryJsonMember, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      if (item.value.type == PLENARY_JSON_ARRAY)
        {
          for (guint i = 0; i < item.value.length; i++)
            {
              PlenaryJsonNode *element = (PlenaryJsonNode *) &item.value.v.elements[i];

              if (element->type == PLENARY_JSON_STRING)
                clean_string (element, item.name);
              else if (element->type == PLENARY_JSON_ARRAY || element->type == PLENARY_JSON_OBJECT)
                {
                  PlenaryJsonMember next = { item.name, *element };

                  g_array_append_val (stack, next);
                }
            }
        }
      else if (item.value.type == PLENARY_JSON_OBJECT)
        {
          for (guint i = 0; i < item.value.length; i++)
            {
              PlenaryJsonMember *member = (PlenaryJsonMember *) &item.value.v.members[i];

              if (member->value.type == PLENARY_JSON_STRING)
                clean_string (&member->value, member->name);
              else if (member->value.type == PLENARY_JSON_ARRAY
                       || member->value.type == PLENARY_JSON_OBJECT)
                g_array_append_val (stack, *member);
            }
        }
    }
}

static PlenaryJsonDocument *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr (GError) local_error = NULL;
  PlenaryJsonDocument *document;
  PlenaryJsonLocation location;
  const char *data;
  gsize size, start = 0;

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (data == NULL)
    size = 0;

  /* Windows-made and some older Indico answers start with a UTF-8 BOM. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < size && g_ascii_isspace (data[start]))
    start++;

  if (start >= size)
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_EMPTY,
                   _("The server sent an empty answer instead of the programme."));
      return NULL;
    }
  if (size > PLENARY_JSON_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (PLENARY_JSON_MAX_SIZE);

      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED,
                   _("The programme is larger than %s, more than any programme needs."), limit);
      return NULL;
    }
  if (data[start] == '<')
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_HTML,
                   _("The server returned a web page, not the programme: the event may be "
                     "private or need a login."));
      return NULL;
    }

  /* The reader skips the BOM itself, so its lines are the file's. */
  document = plenary_json_document_parse (data, size, PLENARY_JSON_MAX_DEPTH, &location, &local_error);
  if (document == NULL)
    {
      g_debug ("Invalid JSON: %s", local_error->message);
      if (g_error_matches (local_error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_DEPTH))
        g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED,
                     _("The programme is damaged: it is nested more than %d levels deep, "
                       "which no Indico export is (at line %d)."), PLENARY_JSON_MAX_DEPTH,
                     (int) MIN (location.line, G_MAXINT));
      else
        set_malformed (error, (int) MIN (location.line, G_MAXINT));
      return NULL;
    }

  clean_document (document);
  return document;
}

static void
set_not_timetable (GError **error)
{
  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NOT_TIMETABLE,
               _("The server's answer is not an Indico programme."));
}

static void
set_wrong_event (GError     **error,
                 const char  *sent,
                 const char  *asked)
{
  g_autofree char *shown = g_utf8_make_valid (sent, MIN (strlen (sent), 40));

  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_WRONG_EVENT,
               _("The server sent the programme of another event (%s), not of event %s."),
               shown, asked);
}

static void
set_no_access (GError **error)
{
  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NO_ACCESS,
               _("No access: the event exists but shows no entries to you. If it is private, "
                 "add an Indico API token with the read:legacy_api scope in Preferences."));
}

/* The parse */

typedef struct
{
  const PlenaryIndicoSources *sources;
  PlenarySchedule *schedule;

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
  const PlenaryJsonNode *event;     /* the event object of the event export, or NULL */
  gboolean         event_no_access; /* the event export answered results: [] */
  GHashTable      *contributions;   /* db_id → its object in the event export */
  GHashTable      *pid_by_email;    /* emailHash → person_id, from the event export */
  char            *first_venue;
} ParseContext;

static void
parse_context_clear (ParseContext *ctx)
{
  g_clear_object (&ctx->schedule);
  g_clear_pointer (&ctx->server_base, g_free);
  g_clear_pointer (&ctx->server_origin, g_free);
  g_clear_pointer (&ctx->server_path, g_free);
  g_clear_pointer (&ctx->tz, g_time_zone_unref);
  g_clear_pointer (&ctx->zones, g_hash_table_unref);
  g_clear_pointer (&ctx->dates, g_hash_table_unref);
  g_clear_pointer (&ctx->day_by_key, g_hash_table_unref);
  g_clear_pointer (&ctx->seen, g_hash_table_unref);
  g_clear_pointer (&ctx->rooms, g_hash_table_unref);
  g_clear_object (&ctx->no_room);
  g_clear_pointer (&ctx->tracks, g_hash_table_unref);
  g_clear_pointer (&ctx->listed_people, g_hash_table_unref);
  g_clear_pointer (&ctx->contributions, g_hash_table_unref);
  g_clear_pointer (&ctx->pid_by_email, g_hash_table_unref);
  g_clear_pointer (&ctx->event_document, plenary_json_document_free);
  g_clear_pointer (&ctx->first_venue, g_free);
}

/* The zone cache also remembers names that are no zone, as NULL; the date cache times that
 * do not exist. */
static void
zone_unref0 (gpointer zone)
{
  if (zone != NULL)
    g_time_zone_unref (zone);
}

static void
date_time_unref0 (gpointer date_time)
{
  if (date_time != NULL)
    g_date_time_unref (date_time);
}

static void
parse_context_init (ParseContext               *ctx,
                    const PlenaryIndicoSources *sources)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->sources = sources;
  ctx->schedule = plenary_schedule_new ();
  ctx->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, zone_unref0);
  ctx->dates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, date_time_unref0);
  ctx->day_by_key = g_hash_table_new (NULL, NULL);
  ctx->seen = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->rooms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  ctx->tracks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  ctx->listed_people = g_hash_table_new (NULL, NULL);
  ctx->contributions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ctx->pid_by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Server base and URLs */

static void
set_server_base (ParseContext *ctx,
                 const char   *base)
{
  const char *host, *path;
  g_autofree char *with_slash = NULL;

  if (base == NULL || ctx->server_base != NULL)
    return;
  if (!g_str_has_prefix (base, "https://") && !g_str_has_prefix (base, "http://"))
    return;

  host = strstr (base, "://") + 3;
  path = strchr (host, '/');
  if (path == host)
    return;

  with_slash = g_str_has_suffix (base, "/") ? g_strdup (base) : g_strconcat (base, "/", NULL);
  ctx->server_base = g_steal_pointer (&with_slash);
  ctx->server_origin = g_strndup (base, path != NULL ? (gsize) (path - base) : strlen (base));
  ctx->server_path = g_strdup (ctx->server_base + strlen (ctx->server_origin));
}

/* "https://lpc.events/export/timetable/11.json" → "https://lpc.events/"; the path before
 * @marker is the server's prefix ("https://host/indico/export/…" keeps "/indico/"). */
static void
derive_server_base (ParseContext *ctx,
                    const char   *url,
                    const char   *marker)
{
  const char *found;
  g_autofree char *base = NULL;

  if (url == NULL || ctx->server_base != NULL)
    return;
  if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    return;

  found = strstr (strstr (url, "://") + 3, marker);
  if (found == NULL)
    return;

  base = g_strndup (url, (found - url) + 1);
  set_server_base (ctx, base);
}

static char *
make_absolute (ParseContext *ctx,
               const char   *url)
{
  if (url == NULL || *url == '\0')
    return NULL;
  if (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))
    return g_strdup (url);
  if (ctx->server_base == NULL)
    return g_strdup (url);
  if (url[0] == '/' && url[1] == '/')
    {
      const char *colon = strchr (ctx->server_base, ':');

      return g_strdup_printf ("%.*s:%s", (int) (colon - ctx->server_base), ctx->server_base,
                              url);
    }
  if (url[0] == '/')
    {
      /* Indico's relative URLs already carry the prefix of a server under a path. */
      if (strcmp (ctx->server_path, "/") != 0 && g_str_has_prefix (url, ctx->server_path))
        return g_strconcat (ctx->server_origin, url, NULL);
      return g_strconcat (ctx->server_base, url + 1, NULL);
    }

  return g_strconcat (ctx->server_base, url, NULL);
}

static void
set_url (ParseContext  *ctx,
         char         **field,
         const char    *url)
{
  g_autofree char *absolute = make_absolute (ctx, url);

  plenary_entry_set_string (field, absolute, FALSE);
}

/* Dates */

static GTimeZone *
lookup_zone (ParseContext *ctx,
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
static GDateTime *
parse_date (ParseContext          *ctx,
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

  zone = lookup_zone (ctx, get_string (date, "tz"));
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

static gpointer
day_key (int year,
         int month,
         int day)
{
  return GINT_TO_POINTER (year * 10000 + month * 100 + day);
}

static int
day_index_of (ParseContext *ctx,
              GDateTime    *instant)
{
  int year, month, day;
  gpointer value;

  g_date_time_get_ymd (instant, &year, &month, &day);
  value = g_hash_table_lookup (ctx->day_by_key, day_key (year, month, day));

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : -1;
}

static gboolean
add_day (ParseContext *ctx,
         int           year,
         int           month,
         int           day)
{
  PlenarySchedule *schedule = ctx->schedule;
  g_autoptr (GDateTime) midnight = g_date_time_new (ctx->tz, year, month, day, 0, 0, 0);

  if (midnight == NULL || g_hash_table_contains (ctx->day_by_key, day_key (year, month, day)))
    return FALSE;

  g_hash_table_insert (ctx->day_by_key, day_key (year, month, day),
                       GINT_TO_POINTER (schedule->day_list->len + 1));
  g_ptr_array_add (schedule->day_list, plenary_day_new (schedule->day_list->len, midnight));
  g_ptr_array_add (schedule->day_item_lists, g_ptr_array_new_with_free_func (g_object_unref));

  return TRUE;
}

/* People */

/* "first last", casefolded and without accents: how names are matched across exports. */
static char *
fold_full_name (const char *first,
                const char *last)
{
  g_autofree char *joined = g_strconcat (first != NULL ? first : "", " ",
                                         last != NULL ? last : "", NULL);

  return plenary_person_fold (joined);
}

static PlenaryPerson *
intern_person (ParseContext *ctx,
               gint64        person_id,
               const char   *email_hash,
               const char   *first,
               const char   *family,
               const char   *name,
               const char   *affiliation)
{
  GHashTable *people = ctx->schedule->person_by_key;
  g_autofree char *display = NULL;
  g_autofree char *key = NULL;
  PlenaryPerson *person;

  if (person_id <= 0 && email_hash != NULL && *email_hash != '\0')
    person_id = GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->pid_by_email, email_hash));

  if (name == NULL || *name == '\0')
    display = g_strjoin (first != NULL && *first != '\0' && family != NULL && *family != '\0'
                         ? " " : "",
                         first != NULL ? first : "", family != NULL ? family : "", NULL);
  else
    display = g_strdup (name);

  /* Nobody to show or to join on. */
  if (*display == '\0')
    return NULL;

  key = plenary_person_make_key (person_id, email_hash, display, affiliation);
  person = g_hash_table_lookup (people, key);
  if (person == NULL)
    {
      person = plenary_person_new (person_id, email_hash, first, family, display, affiliation);
      g_hash_table_insert (people, g_strdup (plenary_person_get_key (person)), person);
    }

  return person;
}

/* A person of the timetable export ({firstName, familyName, name, affiliation, emailHash}),
 * joined to the event export's speakers of the same contribution for their person_id. */
static PlenaryPerson *
person_from_timetable (ParseContext          *ctx,
                       const PlenaryJsonNode *object,
                       const PlenaryJsonNode *event_speakers)
{
  const char *first = get_string (object, "firstName");
  const char *family = get_string (object, "familyName");
  const char *hash = get_nonempty_string (object, "emailHash");
  gint64 person_id = 0;
  guint n = plenary_json_array_get_length (event_speakers);

  if (first == NULL && family == NULL)
    family = get_string (object, "name");

  /* By emailHash first, then by name: the same contribution's speakers, so few. */
  for (int pass = 0; pass < 2 && person_id == 0 && n > 0; pass++)
    {
      g_autofree char *folded = pass == 1 ? fold_full_name (first, family) : NULL;

      for (guint i = 0; i < n; i++)
        {
          const PlenaryJsonNode *speaker = element_object (event_speakers, i);
          gboolean match;

          if (speaker == NULL)
            continue;
          if (pass == 0)
            {
              match = hash != NULL
                      && g_strcmp0 (hash, get_nonempty_string (speaker, "emailHash")) == 0;
            }
          else
            {
              g_autofree char *other = fold_full_name (get_string (speaker, "first_name"),
                                                       get_string (speaker, "last_name"));

              match = strcmp (folded, other) == 0;
            }
          if (match)
            {
              person_id = get_int (speaker, "person_id", 0);
              break;
            }
        }
    }

  return intern_person (ctx, person_id, hash, first, family, get_string (object, "name"),
                        get_string (object, "affiliation"));
}

/* A person of the event export: speakers and authors use first_name/last_name, conveners
 * firstName/familyName, and their "name"/"fullName" are "Last, First". */
static PlenaryPerson *
person_from_event (ParseContext          *ctx,
                   const PlenaryJsonNode *object)
{
  const char *first = get_string (object, "first_name");
  const char *family = get_string (object, "last_name");

  if (first == NULL && family == NULL)
    {
      first = get_string (object, "firstName");
      family = get_string (object, "familyName");
    }
  if (first == NULL && family == NULL)
    family = get_string (object, "fullName");

  return intern_person (ctx, get_int (object, "person_id", 0),
                        get_nonempty_string (object, "emailHash"), first, family, NULL,
                        get_string (object, "affiliation"));
}

static void
add_person (GPtrArray     *list,
            PlenaryPerson *person)
{
  if (!g_ptr_array_find (list, person, NULL))
    g_ptr_array_add (list, g_object_ref (person));
}

static void
add_timetable_people (ParseContext          *ctx,
                      GPtrArray             *list,
                      const PlenaryJsonNode *people,
                      const PlenaryJsonNode *event_speakers,
                      gboolean               listed)
{
  guint n = plenary_json_array_get_length (people);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryJsonNode *object = element_object (people, i);
      PlenaryPerson *person;

      if (object == NULL)
        continue;
      person = person_from_timetable (ctx, object, event_speakers);
      if (person == NULL)
        continue;
      add_person (list, person);
      if (listed)
        g_hash_table_add (ctx->listed_people, person);
    }
}

static void
add_event_people (ParseContext          *ctx,
                  GPtrArray             *list,
                  const PlenaryJsonNode *people,
                  GPtrArray             *except,
                  gboolean               listed)
{
  guint n = plenary_json_array_get_length (people);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryJsonNode *object = element_object (people, i);
      PlenaryPerson *person;

      if (object == NULL)
        continue;
      person = person_from_event (ctx, object);
      if (person == NULL)
        continue;
      if (except != NULL && g_ptr_array_find (except, person, NULL))
        continue;
      add_person (list, person);
      if (listed)
        g_hash_table_add (ctx->listed_people, person);
    }
}

/* Rooms and tracks */

static PlenaryRoom *
intern_room (ParseContext *ctx,
             const char   *name,
             const char   *venue)
{
  PlenaryRoom *room;

  if (name == NULL || *name == '\0')
    return g_object_ref (ctx->no_room);

  room = g_hash_table_lookup (ctx->rooms, name);
  if (room == NULL)
    {
      room = plenary_room_new (name, venue);
      g_hash_table_insert (ctx->rooms, (char *) plenary_room_get_name (room), room);
    }

  return g_object_ref (room);
}

static PlenaryTrack *
intern_track (ParseContext *ctx,
              const char   *title)
{
  PlenaryTrack *track;

  if (title == NULL || *title == '\0')
    return NULL;

  track = g_hash_table_lookup (ctx->tracks, title);
  if (track == NULL)
    {
      /* A track on a contribution that program.json does not list: keep it, at the end. */
      track = plenary_track_new (0, title, NULL, NULL, (int) ctx->schedule->track_list->len);
      g_hash_table_insert (ctx->tracks, (char *) plenary_track_get_title (track), track);
      g_ptr_array_add (ctx->schedule->track_list, g_object_ref (track));
    }

  return g_object_ref (track);
}

static int
compare_track_position (gconstpointer a,
                        gconstpointer b)
{
  int pa = plenary_track_get_position (*(PlenaryTrack * const *) a);
  int pb = plenary_track_get_position (*(PlenaryTrack * const *) b);

  return (pa > pb) - (pa < pb);
}

static void
load_program (ParseContext *ctx)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  const PlenaryJsonNode *array;

  if (ctx->sources->program == NULL)
    return;

  /* program.json is optional (404 before Indico 3.3.9): a bad one is ignored. */
  document = parse_json (ctx->sources->program, &error);
  array = get_array (document != NULL ? plenary_json_document_get_root (document) : NULL,
                     "tracks");
  if (array == NULL)
    {
      g_debug ("Ignoring program.json: %s", error != NULL ? error->message : "no tracks");
      return;
    }

  for (guint i = 0; i < plenary_json_array_get_length (array); i++)
    {
      const PlenaryJsonNode *object = element_object (array, i);
      const char *title = get_nonempty_string (object, "title");
      gint64 position = get_int (object, "position", i);

      if (title == NULL || !g_hash_table_add (titles, (char *) title))
        continue;
      g_ptr_array_add (tracks, plenary_track_new (get_int (object, "id", 0), title,
                                                  get_string (object, "code"),
                                                  get_string (object, "description"),
                                                  (int) CLAMP (position, G_MININT, G_MAXINT)));
    }

  /* Stable: equal positions keep the server's order. */
  g_ptr_array_sort (tracks, compare_track_position);
  for (guint i = 0; i < tracks->len; i++)
    {
      PlenaryTrack *track = g_ptr_array_index (tracks, i);

      g_hash_table_insert (ctx->tracks, (char *) plenary_track_get_title (track),
                           g_object_ref (track));
      g_ptr_array_add (ctx->schedule->track_list, g_object_ref (track));
    }
}

/* The event export (/export/event/<id>.json?detail=contributions or detail=sessions) */

static const PlenaryJsonNode *
pick_event (const PlenaryJsonNode *results,
            const char            *event_id)
{
  const PlenaryJsonNode *first = NULL;

  for (guint i = 0; i < plenary_json_array_get_length (results); i++)
    {
      const PlenaryJsonNode *event = element_object (results, i);
      g_autofree char *id = dup_id (event, "id");

      if (event == NULL)
        continue;
      if (first == NULL)
        first = event;
      if (event_id != NULL && g_strcmp0 (id, event_id) == 0)
        return event;
    }

  return first;
}

static void
remember_person_ids (ParseContext          *ctx,
                     const PlenaryJsonNode *people)
{
  guint n = plenary_json_array_get_length (people);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryJsonNode *person = element_object (people, i);
      const char *hash = get_nonempty_string (person, "emailHash");
      gint64 person_id = get_int (person, "person_id", 0);

      if (hash != NULL && person_id > 0 && person_id <= G_MAXINT32
          && !g_hash_table_contains (ctx->pid_by_email, hash))
        g_hash_table_insert (ctx->pid_by_email, g_strdup (hash), GSIZE_TO_POINTER (person_id));
    }
}

static void
index_contributions (ParseContext          *ctx,
                     const PlenaryJsonNode *contributions)
{
  guint n = plenary_json_array_get_length (contributions);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryJsonNode *contribution = element_object (contributions, i);
      gint64 db_id = get_int (contribution, "db_id", 0);
      gint64 *key;

      if (contribution == NULL)
        continue;
      remember_person_ids (ctx, get_array (contribution, "speakers"));
      remember_person_ids (ctx, get_array (contribution, "primaryauthors"));
      remember_person_ids (ctx, get_array (contribution, "coauthors"));
      if (db_id == 0 || g_hash_table_contains (ctx->contributions, &db_id))
        continue;

      key = g_new (gint64, 1);
      *key = db_id;
      g_hash_table_insert (ctx->contributions, key, (gpointer) contribution);
    }
}

/* Reads the event export; a damaged one counts as absent, since it is optional beside a
 * timetable. Returns FALSE with @error only when @required. */
static gboolean
load_event_export (ParseContext  *ctx,
                   gboolean       required,
                   GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  const PlenaryJsonNode *root;
  const PlenaryJsonNode *results;
  const PlenaryJsonNode *sessions;

  if (ctx->sources->event == NULL)
    return TRUE;

  /* A sync asks for strictness: an event export that came but is damaged is a damaged
   * answer, not a missing one. */
  required |= ctx->sources->strict;
  ctx->event_document = parse_json (ctx->sources->event, &local_error);
  if (ctx->event_document == NULL)
    {
      if (!required)
        {
          g_debug ("Ignoring the event export: %s", local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  root = plenary_json_document_get_root (ctx->event_document);
  results = get_array (root, "results");
  if (results == NULL)
    {
      if (!required)
        return TRUE;
      set_not_timetable (error);
      return FALSE;
    }

  derive_server_base (ctx, get_string (root, "url"), "/export/");
  ctx->event = pick_event (results, ctx->sources->event_id);
  if (ctx->event != NULL && ctx->sources->event_id != NULL && ctx->sources->strict)
    {
      g_autofree char *id = dup_id (ctx->event, "id");

      /* Another event's details are no details of this one. */
      if (id != NULL && g_strcmp0 (id, ctx->sources->event_id) != 0)
        {
          set_wrong_event (error, id, ctx->sources->event_id);
          return FALSE;
        }
    }
  if (ctx->event == NULL)
    {
      /* Unknown events and events the caller may not see both give "results": [] (§1.5). */
      ctx->event_no_access = TRUE;
      return TRUE;
    }

  derive_server_base (ctx, get_string (ctx->event, "url"), "/event/");
  index_contributions (ctx, get_array (ctx->event, "contributions"));
  sessions = get_array (ctx->event, "sessions");
  for (guint i = 0; i < plenary_json_array_get_length (sessions); i++)
    {
      const PlenaryJsonNode *block = element_object (sessions, i);

      index_contributions (ctx, get_array (block, "contributions"));
      remember_person_ids (ctx, get_array (block, "conveners"));
    }

  return TRUE;
}

static const PlenaryJsonNode *
lookup_event_contribution (ParseContext *ctx,
                           gint64        db_id)
{
  if (db_id == 0)
    return NULL;
  return g_hash_table_lookup (ctx->contributions, &db_id);
}

static void
add_event_attachments (ParseContext          *ctx,
                       PlenaryEntry          *entry,
                       const PlenaryJsonNode *folders)
{
  guint n = plenary_json_array_get_length (folders);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryJsonNode *folder = element_object (folders, i);
      const PlenaryJsonNode *attachments = get_array (folder, "attachments");
      const char *folder_title = get_nonempty_string (folder, "title");
      gboolean is_default = get_bool (folder, "is_default", FALSE)
                            || g_strcmp0 (folder_title, "default") == 0;

      for (guint j = 0; j < plenary_json_array_get_length (attachments); j++)
        {
          const PlenaryJsonNode *attachment = element_object (attachments, j);
          const char *url = get_nonempty_string (attachment, "download_url");
          g_autofree char *absolute = NULL;

          if (url == NULL)
            url = get_nonempty_string (attachment, "link_url");
          absolute = make_absolute (ctx, url);
          if (absolute == NULL)
            continue;
          g_ptr_array_add (entry->attachments,
                           plenary_attachment_new (get_string (attachment, "title"), absolute,
                                                   is_default ? NULL : folder_title));
        }
    }
}

/* Adds what only the event export knows about a talk: track, type, person ids, authors. */
static void
merge_event_contribution (ParseContext          *ctx,
                          PlenaryEntry          *entry,
                          const PlenaryJsonNode *contribution)
{
  const char *text;

  if (contribution == NULL)
    return;

  g_clear_object (&entry->track);
  entry->track = intern_track (ctx, get_string (contribution, "track"));
  if ((text = get_nonempty_string (contribution, "type")) != NULL)
    plenary_entry_set_string (&entry->type_name, text, TRUE);
  if (entry->friendly_id == 0)
    entry->friendly_id = get_int (contribution, "friendly_id", 0);
  if ((entry->description == NULL || *entry->description == '\0')
      && (text = get_nonempty_string (contribution, "description")) != NULL)
    plenary_entry_set_string (&entry->description, text, FALSE);
  if ((entry->code == NULL || *entry->code == '\0')
      && (text = get_nonempty_string (contribution, "code")) != NULL)
    plenary_entry_set_string (&entry->code, text, FALSE);
  if ((entry->board_number == NULL || *entry->board_number == '\0')
      && (text = get_nonempty_string (contribution, "board_number")) != NULL)
    plenary_entry_set_string (&entry->board_number, text, FALSE);
  if (entry->url == NULL)
    set_url (ctx, &entry->url, get_string (contribution, "url"));
  if (entry->attachments->len == 0)
    add_event_attachments (ctx, entry, get_array (contribution, "folders"));

  /* Older servers have no "authors" in the timetable export. */
  if (entry->authors->len == 0)
    {
      add_event_people (ctx, entry->authors, get_array (contribution, "primaryauthors"),
                        entry->speakers, FALSE);
      add_event_people (ctx, entry->authors, get_array (contribution, "coauthors"),
                        entry->speakers, FALSE);
    }
}

/* The timetable export (/export/timetable/<id>.json) */

static void
add_timetable_attachments (ParseContext          *ctx,
                           PlenaryEntry          *entry,
                           const PlenaryJsonNode *attachments)
{
  const PlenaryJsonNode *files = get_array (attachments, "files");
  const PlenaryJsonNode *folders = get_array (attachments, "folders");

  /* "files" is null, not [], when there is nothing (§3.7). */
  for (guint i = 0; i < plenary_json_array_get_length (files); i++)
    {
      const PlenaryJsonNode *file = element_object (files, i);
      g_autofree char *url = make_absolute (ctx, get_string (file, "download_url"));

      if (url != NULL)
        g_ptr_array_add (entry->attachments,
                         plenary_attachment_new (get_string (file, "title"), url, NULL));
    }

  for (guint i = 0; i < plenary_json_array_get_length (folders); i++)
    {
      const PlenaryJsonNode *folder = element_object (folders, i);
      const PlenaryJsonNode *items = get_array (folder, "attachments");

      for (guint j = 0; j < plenary_json_array_get_length (items); j++)
        {
          const PlenaryJsonNode *file = element_object (items, j);
          g_autofree char *url = make_absolute (ctx, get_string (file, "download_url"));

          if (url != NULL)
            g_ptr_array_add (entry->attachments,
                             plenary_attachment_new (get_string (file, "title"), url,
                                                     get_string (folder, "title")));
        }
    }
}

static PlenaryEntryKind
entry_kind (const PlenaryJsonNode *object,
            const char            *id,
            gboolean              *known)
{
  const char *type = get_string (object, "entryType");

  *known = TRUE;
  if (g_strcmp0 (type, "Session") == 0)
    return PLENARY_ENTRY_KIND_BLOCK;
  if (g_strcmp0 (type, "Contribution") == 0)
    return PLENARY_ENTRY_KIND_CONTRIBUTION;
  if (g_strcmp0 (type, "Break") == 0)
    return PLENARY_ENTRY_KIND_BREAK;

  /* Without entryType the id's letter tells ("s5001", "c5002", "b5010"). */
  switch (id != NULL ? id[0] : '\0')
    {
    case 's':
      return PLENARY_ENTRY_KIND_BLOCK;
    case 'c':
      return PLENARY_ENTRY_KIND_CONTRIBUTION;
    case 'b':
      return PLENARY_ENTRY_KIND_BREAK;
    default:
      *known = FALSE;
      return PLENARY_ENTRY_KIND_CONTRIBUTION;
    }
}

/* Start and end from the {date,time,tz} triples; end from the duration when missing. A local
 * time that occurs twice (the night clocks fall back) is taken as whichever instant agrees
 * with the duration and the end: 02:30 to 03:30 lasting 120 minutes starts at the first
 * 02:30, not the second GLib would pick. */
static gboolean
set_times (ParseContext          *ctx,
           PlenaryEntry          *entry,
           const PlenaryJsonNode *object)
{
  double duration;

  entry->start = parse_date (ctx, object, "startDate");
  if (entry->start == NULL)
    return FALSE;

  entry->end = parse_date (ctx, object, "endDate");
  duration = get_double (object, "duration", -1);
  if (entry->end != NULL && duration >= 0 && duration <= MAX_DURATION_MINUTES)
    plenary_time_resolve_pair (&entry->start, &entry->end,
                               (GTimeSpan) (duration * G_TIME_SPAN_MINUTE));
  if (entry->end == NULL)
    {
      double minutes = get_double (object, "duration", 0);

      minutes = CLAMP (minutes, 0, MAX_DURATION_MINUTES);
      entry->end = g_date_time_add (entry->start, (GTimeSpan) (minutes * G_TIME_SPAN_MINUTE));
    }
  if (entry->end == NULL || g_date_time_compare (entry->end, entry->start) < 0)
    {
      g_clear_pointer (&entry->end, g_date_time_unref);
      entry->end = g_date_time_ref (entry->start);
    }

  return TRUE;
}

static void
set_room (ParseContext *ctx,
          PlenaryEntry *entry,
          const char   *room,
          const char   *venue,
          PlenaryEntry *block)
{
  /* An empty room inside a block means the block's room (§3.9 4). */
  if ((room == NULL || *room == '\0') && block != NULL)
    room = plenary_room_get_name (block->room);
  if ((venue == NULL || *venue == '\0') && block != NULL)
    venue = block->venue;
  if ((venue == NULL || *venue == '\0'))
    venue = ctx->event != NULL ? get_string (ctx->event, "location") : NULL;

  entry->room = intern_room (ctx, room, venue);
  plenary_entry_set_string (&entry->venue, venue != NULL ? venue : "", TRUE);
  if (ctx->first_venue == NULL && venue != NULL && *venue != '\0')
    ctx->first_venue = g_strdup (venue);
}

static void
inherit_from_block (PlenaryEntry *entry,
                    PlenaryEntry *block)
{
  g_set_object (&entry->block, block);
  entry->is_poster = block->is_poster;
  if (entry->session_id == 0)
    entry->session_id = block->session_id;
  if (entry->session_title == NULL)
    entry->session_title = g_ref_string_acquire (block->title);
  if (entry->color == NULL && block->color != NULL)
    entry->color = g_ref_string_acquire (block->color);
  if (entry->text_color == NULL && block->text_color != NULL)
    entry->text_color = g_ref_string_acquire (block->text_color);
}

/* @again: the entry may already be listed that day (only for repeated keys, which are rare:
 * checking every time would be quadratic on a large event). */
static void
add_to_day (ParseContext *ctx,
            PlenaryEntry *entry,
            int           day,
            gboolean      again)
{
  GPtrArray *items;

  if (day < 0 || (guint) day >= ctx->schedule->day_item_lists->len)
    return;
  items = g_ptr_array_index (ctx->schedule->day_item_lists, day);
  if (!again || !g_ptr_array_find (items, entry, NULL))
    g_ptr_array_add (items, g_object_ref (entry));
}

static void parse_timetable_entry (ParseContext *ctx,
                                   const PlenaryJsonNode   *object,
                                   const char   *key,
                                   PlenaryEntry *block,
                                   int           listed_day);

static void
parse_timetable_entries (ParseContext          *ctx,
                         const PlenaryJsonNode *entries,
                         PlenaryEntry          *block,
                         int                    listed_day)
{
  g_auto (PlenaryJsonIter) iter = { 0 };
  const char *key;
  const PlenaryJsonNode *node;

  plenary_json_iter_init (&iter, entries);
  while (plenary_json_iter_next (&iter, &key, &node))
    {
      const PlenaryJsonNode *object = node_object (node);

      if (object != NULL)
        parse_timetable_entry (ctx, object, key, block, listed_day);
    }
}

static void
parse_timetable_entry (ParseContext          *ctx,
                       const PlenaryJsonNode *object,
                       const char            *key,
                       PlenaryEntry          *block,
                       int                    listed_day)
{
  g_autoptr (PlenaryEntry) entry = NULL;
  g_autofree char *id = dup_id (object, "id");
  PlenaryEntry *seen;
  const PlenaryJsonNode *event_contribution = NULL;
  const PlenaryJsonNode *event_speakers = NULL;
  PlenaryEntryKind kind;
  gboolean known;
  const char *text;

  if (id == NULL)
    id = g_strdup (key);
  kind = entry_kind (object, id, &known);
  /* Blocks never nest (§2): anything else is not Indico's and would recurse. */
  if (!known || (block != NULL && kind == PLENARY_ENTRY_KIND_BLOCK))
    return;

  /* A block crossing midnight is listed under both days, as the same entry (§3.1). */
  seen = g_hash_table_lookup (ctx->seen, id);
  if (seen != NULL)
    {
      if (block == NULL && seen->block == NULL)
        add_to_day (ctx, seen, listed_day, TRUE);
      return;
    }

  entry = plenary_entry_new (kind);
  plenary_entry_set_string (&entry->id, id, FALSE);
  if (!set_times (ctx, entry, object))
    {
      g_debug ("Skipping entry %s: it has no valid start", id);
      return;
    }

  plenary_entry_set_string (&entry->title, get_string (object, "title"), FALSE);
  plenary_entry_set_string (&entry->description, get_string (object, "description"), FALSE);
  plenary_entry_set_string (&entry->color, get_nonempty_string (object, "color"), TRUE);
  plenary_entry_set_string (&entry->text_color, get_nonempty_string (object, "textColor"),
                            TRUE);
  plenary_entry_set_string (&entry->code, get_string (object, "code"), FALSE);
  entry->session_id = get_int (object, "sessionId", 0);
  set_url (ctx, &entry->url, get_string (object, "url"));
  add_timetable_attachments (ctx, entry, get_object (object, "attachments"));

  if (kind == PLENARY_ENTRY_KIND_BLOCK)
    {
      plenary_entry_set_string (&entry->session_title, entry->title, TRUE);
      plenary_entry_set_string (&entry->block_title, get_string (object, "slotTitle"), FALSE);
      entry->friendly_id = get_int (object, "friendlyId", 0);
      entry->is_poster = get_bool (object, "isPoster", FALSE);
      add_timetable_people (ctx, entry->speakers, get_array (object, "conveners"), NULL, TRUE);
    }
  else if (kind == PLENARY_ENTRY_KIND_CONTRIBUTION)
    {
      entry->contribution_id = get_int (object, "contributionId", 0);
      entry->friendly_id = get_int (object, "friendlyId", 0);
      plenary_entry_set_string (&entry->board_number, get_string (object, "board_number"),
                                FALSE);
      event_contribution = lookup_event_contribution (ctx, entry->contribution_id);
      event_speakers = get_array (event_contribution, "speakers");
      add_timetable_people (ctx, entry->speakers, get_array (object, "presenters"),
                            event_speakers, TRUE);
      add_timetable_people (ctx, entry->authors, get_array (object, "authors"), NULL, FALSE);
    }

  if (block != NULL)
    inherit_from_block (entry, block);
  else if (kind != PLENARY_ENTRY_KIND_BLOCK && event_contribution != NULL
           && (text = get_nonempty_string (event_contribution, "session")) != NULL)
    plenary_entry_set_string (&entry->session_title, text, TRUE);

  set_room (ctx, entry, get_string (object, "room"), get_string (object, "location"), block);
  merge_event_contribution (ctx, entry, event_contribution);
  plenary_entry_complete (entry);

  entry->day_index = day_index_of (ctx, entry->start);
  if (entry->day_index < 0)
    entry->day_index = listed_day;

  g_hash_table_insert (ctx->seen, entry->id, entry);
  g_ptr_array_add (ctx->schedule->all_entries, g_object_ref (entry));
  if (block == NULL)
    add_to_day (ctx, entry, listed_day, FALSE);

  if (kind == PLENARY_ENTRY_KIND_BLOCK)
    parse_timetable_entries (ctx, get_object (object, "entries"), entry, listed_day);
}

static gboolean
is_day_key (const char *key,
            int        *year,
            int        *month,
            int        *day)
{
  if (strlen (key) != 8)
    return FALSE;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (key[i]))
      return FALSE;

  *year = (key[0] - '0') * 1000 + (key[1] - '0') * 100 + (key[2] - '0') * 10 + (key[3] - '0');
  *month = (key[4] - '0') * 10 + (key[5] - '0');
  *day = (key[6] - '0') * 10 + (key[7] - '0');

  return g_date_valid_dmy (*day, *month, *year);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The zone of the first entry that names one: the timetable's times are all in it. */
static const char *
find_timetable_zone (const PlenaryJsonNode *days)
{
  g_auto (PlenaryJsonIter) day_iter = { 0 };
  const char *day_name;
  const PlenaryJsonNode *day_node;

  plenary_json_iter_init (&day_iter, days);
  while (plenary_json_iter_next (&day_iter, &day_name, &day_node))
    {
      g_auto (PlenaryJsonIter) iter = { 0 };
      const char *key;
      const PlenaryJsonNode *node;

      plenary_json_iter_init (&iter, day_node);
      while (plenary_json_iter_next (&iter, &key, &node))
        {
          const char *zone = get_nonempty_string (get_object (node_object (node), "startDate"),
                                                  "tz");

          if (zone != NULL)
            return zone;
        }
    }

  return NULL;
}

static void
set_timezone (ParseContext *ctx,
              const char   *preferred,
              const char   *fallback)
{
  GTimeZone *zone = lookup_zone (ctx, preferred);
  const char *id = preferred;

  if (zone == NULL)
    {
      zone = lookup_zone (ctx, fallback);
      id = fallback;
    }

  if (zone != NULL)
    {
      ctx->tz = g_time_zone_ref (zone);
      ctx->schedule->timezone_id = g_strdup (id);
    }
  else
    {
      ctx->tz = g_time_zone_new_utc ();
      ctx->schedule->timezone_id = g_strdup ("UTC");
    }
  ctx->schedule->timezone = g_time_zone_ref (ctx->tz);
}

/* Returns the event's days object of the timetable export, or NULL with @error. */
static const PlenaryJsonNode *
find_timetable_days (ParseContext           *ctx,
                     const PlenaryJsonNode  *root_node,
                     char                  **event_id,
                     GError                **error)
{
  const PlenaryJsonNode *root = node_object (root_node);
  const PlenaryJsonNode *results = get_object (root, "results");
  const PlenaryJsonNode *days;
  const char *id = ctx->sources->event_id;

  if (results == NULL)
    {
      set_not_timetable (error);
      return NULL;
    }
  if (plenary_json_object_get_size (results) == 0)
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NOT_FOUND,
                   _("This event does not exist on the server."));
      return NULL;
    }

  /* Several events in one answer (/export/timetable/18-19.json): ours, or the first when
   * none was asked for. An answer without the event asked for is another event's. */
  if (id != NULL && member (results, id) == NULL && ctx->sources->strict)
    {
      set_wrong_event (error, results->v.members[0].name, id);
      return NULL;
    }
  if (id == NULL || member (results, id) == NULL)
    id = results->v.members[0].name;
  days = get_object (results, id);
  if (days == NULL)
    {
      set_not_timetable (error);
      return NULL;
    }
  if (plenary_json_object_get_size (days) == 0)
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NOT_PUBLISHED,
                   _("The timetable of this event is not published yet."));
      return NULL;
    }

  *event_id = g_strdup (id);
  return days;
}

static gboolean
parse_timetable (ParseContext  *ctx,
                 GError       **error)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *event_id = NULL;
  const PlenaryJsonNode *root;
  const PlenaryJsonNode *days;
  g_auto (PlenaryJsonIter) iter = { 0 };
  const char *key;
  const PlenaryJsonNode *node;
  gboolean any_entry = FALSE;

  document = parse_json (ctx->sources->timetable, error);
  if (document == NULL)
    return FALSE;
  root = plenary_json_document_get_root (document);

  days = find_timetable_days (ctx, root, &event_id, error);
  if (days == NULL)
    return FALSE;

  derive_server_base (ctx, get_string (root, "url"), "/export/");
  if (!load_event_export (ctx, FALSE, error))
    return FALSE;

  set_timezone (ctx, get_string (ctx->event, "timezone"), find_timetable_zone (days));
  ctx->schedule->event_id = g_strdup (ctx->sources->event_id != NULL ? ctx->sources->event_id
                                                                      : event_id);

  /* Keys come in database order: sort the days. */
  plenary_json_iter_init (&iter, days);
  while (plenary_json_iter_next (&iter, &key, &node))
    {
      int year, month, day;

      if (node_object (node) != NULL && is_day_key (key, &year, &month, &day))
        g_ptr_array_add (keys, (char *) key);
    }
  if (keys->len == 0)
    {
      set_not_timetable (error);
      return FALSE;
    }
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      int year, month, day;

      is_day_key (g_ptr_array_index (keys, i), &year, &month, &day);
      add_day (ctx, year, month, day);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      const char *text = g_ptr_array_index (keys, i);
      const PlenaryJsonNode *entries = get_object (days, text);
      int year, month, day;
      gpointer index;

      is_day_key (text, &year, &month, &day);
      index = g_hash_table_lookup (ctx->day_by_key, day_key (year, month, day));
      if (index == NULL)
        continue;
      any_entry |= plenary_json_object_get_size (entries) > 0;
      parse_timetable_entries (ctx, entries, NULL, GPOINTER_TO_INT (index) - 1);
    }

  /* Every day present and empty: what a caller without access sees (§1.5). The event
   * export tells "no access" ("results": []) from "nothing scheduled yet". */
  if (!any_entry && ctx->event_no_access)
    {
      set_no_access (error);
      return FALSE;
    }
  if (ctx->event_no_access)
    g_object_set_data (G_OBJECT (ctx->schedule), "plenary-indico-no-access",
                       GINT_TO_POINTER (TRUE));

  return TRUE;
}

/* Contributions and blocks of the event export: the unscheduled talks beside a timetable,
 * and the whole programme when there is no timetable (detail=sessions). */

static PlenaryEntry *
parse_event_contribution (ParseContext          *ctx,
                          const PlenaryJsonNode *object,
                          PlenaryEntry          *block,
                          gboolean               scheduled)
{
  g_autoptr (PlenaryEntry) entry = plenary_entry_new (PLENARY_ENTRY_KIND_CONTRIBUTION);
  g_autofree char *friendly = dup_id (object, "id");
  g_autofree char *id = NULL;
  const char *room;

  entry->contribution_id = get_int (object, "db_id", 0);
  if (entry->contribution_id != 0)
    id = g_strdup_printf ("%c%" G_GINT64_FORMAT, scheduled ? 'c' : 'u', entry->contribution_id);
  else if (friendly != NULL)
    id = g_strdup_printf ("%c%s", scheduled ? 'c' : 'u', friendly);
  else
    return NULL;
  if (g_hash_table_contains (ctx->seen, id))
    return NULL;

  if (scheduled && !set_times (ctx, entry, object))
    return NULL;

  plenary_entry_set_string (&entry->id, id, FALSE);
  entry->friendly_id = get_int (object, "friendly_id", 0);
  plenary_entry_set_string (&entry->title, get_string (object, "title"), FALSE);
  add_event_people (ctx, entry->speakers, get_array (object, "speakers"), NULL, TRUE);
  if (block != NULL)
    inherit_from_block (entry, block);
  else
    plenary_entry_set_string (&entry->session_title,
                              get_nonempty_string (object, "session"), TRUE);

  room = get_nonempty_string (object, "roomFullname");
  if (room == NULL)
    room = get_string (object, "room");
  if (scheduled)
    set_room (ctx, entry, room, get_string (object, "location"), block);
  else
    entry->room = g_object_ref (ctx->no_room);

  merge_event_contribution (ctx, entry, object);
  plenary_entry_complete (entry);

  g_hash_table_insert (ctx->seen, entry->id, entry);
  if (scheduled)
    g_ptr_array_add (ctx->schedule->all_entries, g_object_ref (entry));
  else
    g_ptr_array_add (ctx->schedule->unscheduled_list, g_object_ref (entry));

  return entry;
}

static void
parse_event_block (ParseContext          *ctx,
                   const PlenaryJsonNode *object)
{
  g_autoptr (PlenaryEntry) entry = plenary_entry_new (PLENARY_ENTRY_KIND_BLOCK);
  g_autofree char *block_id = dup_id (object, "id");
  g_autofree char *id = NULL;
  const PlenaryJsonNode *session = get_object (object, "session");
  const PlenaryJsonNode *contributions = get_array (object, "contributions");
  const char *title = get_nonempty_string (session, "title");
  const char *room;

  if (block_id == NULL)
    return;
  id = g_strconcat ("s", block_id, NULL);
  if (g_hash_table_contains (ctx->seen, id) || !set_times (ctx, entry, object))
    return;

  plenary_entry_set_string (&entry->id, id, FALSE);
  plenary_entry_set_string (&entry->title, title != NULL ? title : get_string (object, "title"),
                            FALSE);
  plenary_entry_set_string (&entry->session_title, entry->title, TRUE);
  plenary_entry_set_string (&entry->block_title, get_string (object, "slotTitle"), FALSE);
  plenary_entry_set_string (&entry->description, get_string (session, "description"), FALSE);
  plenary_entry_set_string (&entry->color, get_nonempty_string (session, "color"), TRUE);
  plenary_entry_set_string (&entry->text_color, get_nonempty_string (session, "textColor"),
                            TRUE);
  plenary_entry_set_string (&entry->code, get_string (object, "code"), FALSE);
  entry->session_id = get_int (session, "db_id", 0);
  entry->friendly_id = get_int (session, "friendly_id", 0);
  entry->is_poster = get_bool (session, "isPoster", FALSE);
  set_url (ctx, &entry->url, get_string (object, "url"));
  add_event_people (ctx, entry->speakers, get_array (object, "conveners"), NULL, TRUE);

  room = get_nonempty_string (object, "roomFullname");
  if (room == NULL)
    room = get_string (object, "room");
  set_room (ctx, entry, room, get_string (object, "location"), NULL);
  plenary_entry_complete (entry);

  g_hash_table_insert (ctx->seen, entry->id, entry);
  g_ptr_array_add (ctx->schedule->all_entries, g_object_ref (entry));

  for (guint i = 0; i < plenary_json_array_get_length (contributions); i++)
    {
      const PlenaryJsonNode *contribution = element_object (contributions, i);

      if (contribution != NULL)
        parse_event_contribution (ctx, contribution, entry, TRUE);
    }
}

static gboolean
is_scheduled (const PlenaryJsonNode *contribution)
{
  return get_object (contribution, "startDate") != NULL;
}

/* Talks that the event export lists without a time (§3.9 11). */
static void
add_unscheduled (ParseContext *ctx)
{
  const PlenaryJsonNode *contributions = get_array (ctx->event, "contributions");

  for (guint i = 0; i < plenary_json_array_get_length (contributions); i++)
    {
      const PlenaryJsonNode *contribution = element_object (contributions, i);

      if (contribution != NULL && !is_scheduled (contribution))
        parse_event_contribution (ctx, contribution, NULL, FALSE);
    }
}

static void
date_range_add (GDateTime  *instant,
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

static gboolean
parse_event_only (ParseContext  *ctx,
                  GError       **error)
{
  const PlenaryJsonNode *sessions, *contributions;
  g_autoptr (GDateTime) first = NULL;
  g_autoptr (GDateTime) last = NULL;
  g_autoptr (GDateTime) event_start = NULL;
  g_autoptr (GDateTime) event_end = NULL;
  g_autoptr (GDateTime) day = NULL;

  if (!load_event_export (ctx, TRUE, error))
    return FALSE;
  if (ctx->event == NULL)
    {
      set_no_access (error);
      return FALSE;
    }

  sessions = get_array (ctx->event, "sessions");
  contributions = get_array (ctx->event, "contributions");
  if (sessions == NULL && contributions == NULL)
    {
      set_not_timetable (error);
      return FALSE;
    }

  set_timezone (ctx, get_string (ctx->event, "timezone"), NULL);
  ctx->schedule->event_id = ctx->sources->event_id != NULL ? g_strdup (ctx->sources->event_id)
                                                           : dup_id (ctx->event, "id");

  for (guint i = 0; i < plenary_json_array_get_length (sessions); i++)
    {
      const PlenaryJsonNode *block = element_object (sessions, i);

      if (block != NULL)
        parse_event_block (ctx, block);
    }
  for (guint i = 0; i < plenary_json_array_get_length (contributions); i++)
    {
      const PlenaryJsonNode *contribution = element_object (contributions, i);

      if (contribution != NULL)
        parse_event_contribution (ctx, contribution, NULL, is_scheduled (contribution));
    }

  if (ctx->schedule->all_entries->len == 0 && ctx->schedule->unscheduled_list->len == 0)
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NOT_PUBLISHED,
                   _("The timetable of this event is not published yet."));
      return FALSE;
    }

  /* No day keys here: every calendar day from the event's start to its end, widened to
   * the entries (dates in this export may be in another zone than the event's). */
  event_start = parse_date (ctx, ctx->event, "startDate");
  event_end = parse_date (ctx, ctx->event, "endDate");
  date_range_add (event_start, &first, &last);
  date_range_add (event_end, &first, &last);
  for (guint i = 0; i < ctx->schedule->all_entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (ctx->schedule->all_entries, i);

      date_range_add (entry->start, &first, &last);
    }
  if (first == NULL)
    {
      set_not_timetable (error);
      return FALSE;
    }

  day = g_date_time_new (ctx->tz, g_date_time_get_year (first), g_date_time_get_month (first),
                         g_date_time_get_day_of_month (first), 0, 0, 0);
  for (guint n = 0; day != NULL && n < MAX_EVENT_DAYS; n++)
    {
      GDateTime *next;

      if (g_date_time_compare (day, last) > 0)
        break;
      add_day (ctx, g_date_time_get_year (day), g_date_time_get_month (day),
               g_date_time_get_day_of_month (day));
      /* Noon of the next day, then its date: immune to DST changes at midnight. */
      next = g_date_time_add_hours (day, 36);
      g_clear_pointer (&day, g_date_time_unref);
      if (next != NULL)
        {
          day = g_date_time_new (ctx->tz, g_date_time_get_year (next),
                                 g_date_time_get_month (next),
                                 g_date_time_get_day_of_month (next), 0, 0, 0);
          g_date_time_unref (next);
        }
    }

  for (guint i = 0; i < ctx->schedule->all_entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (ctx->schedule->all_entries, i);

      entry->day_index = day_index_of (ctx, entry->start);
      if (entry->block == NULL)
        add_to_day (ctx, entry, entry->day_index, FALSE);
    }

  return TRUE;
}

/* Header, rooms, people, tracks; then the schedule builds its indices. */

static int
compare_track_titles (gconstpointer a,
                      gconstpointer b)
{
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;
  g_autofree char *fa = g_utf8_casefold (plenary_track_get_title (*(PlenaryTrack * const *) a),
                                         -1);
  g_autofree char *fb = g_utf8_casefold (plenary_track_get_title (*(PlenaryTrack * const *) b),
                                         -1);

  /* "Track 2" before "Track 10". */
  ka = g_utf8_collate_key_for_filename (fa, -1);
  kb = g_utf8_collate_key_for_filename (fb, -1);

  return strcmp (ka, kb);
}

static void
finish_schedule (ParseContext *ctx,
                 gboolean      have_program)
{
  PlenarySchedule *schedule = ctx->schedule;
  GHashTableIter iter;
  gpointer value;
  gboolean uses_no_room = FALSE;
  const char *text;

  if ((text = get_nonempty_string (ctx->event, "title")) != NULL)
    schedule->title = g_strdup (text);
  else
    /* Translators: the title of an event known only by its number on the server. */
    schedule->title = g_strdup_printf (_("Event %s"),
                                       schedule->event_id != NULL ? schedule->event_id : "");

  schedule->server_base = g_strdup (ctx->server_base);
  schedule->url = make_absolute (ctx, get_nonempty_string (ctx->event, "url"));
  if (schedule->url == NULL && ctx->server_base != NULL && schedule->event_id != NULL)
    schedule->url = g_strdup_printf ("%sevent/%s/", ctx->server_base, schedule->event_id);

  if ((text = get_nonempty_string (ctx->event, "location")) != NULL)
    schedule->venue = g_strdup (text);
  else
    schedule->venue = g_strdup (ctx->first_venue != NULL ? ctx->first_venue : "");

  schedule->start = parse_date (ctx, ctx->event, "startDate");
  schedule->end = parse_date (ctx, ctx->event, "endDate");
  if (schedule->start == NULL || schedule->end == NULL)
    {
      g_autoptr (GDateTime) first = NULL;
      g_autoptr (GDateTime) last = NULL;

      for (guint i = 0; i < schedule->all_entries->len; i++)
        {
          PlenaryEntry *entry = g_ptr_array_index (schedule->all_entries, i);

          date_range_add (entry->start, &first, &last);
          date_range_add (entry->end, &first, &last);
        }
      if (first == NULL && schedule->day_list->len > 0)
        {
          PlenaryDay *last_day = g_ptr_array_index (schedule->day_list,
                                                    schedule->day_list->len - 1);

          first = g_date_time_ref (plenary_day_get_date (g_ptr_array_index (schedule->day_list,
                                                                            0)));
          last = g_date_time_add_days (plenary_day_get_date (last_day), 1);
        }
      if (first == NULL)
        {
          first = g_date_time_new_from_unix_utc (0);
          last = g_date_time_ref (first);
        }
      g_clear_pointer (&schedule->start, g_date_time_unref);
      g_clear_pointer (&schedule->end, g_date_time_unref);
      schedule->start = g_steal_pointer (&first);
      schedule->end = g_steal_pointer (&last);
    }

  g_hash_table_iter_init (&iter, ctx->rooms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (schedule->room_list, g_object_ref (value));
  for (guint i = 0; i < schedule->all_entries->len && !uses_no_room; i++)
    uses_no_room = ((PlenaryEntry *) g_ptr_array_index (schedule->all_entries, i))->room
                   == ctx->no_room;
  if (uses_no_room)
    g_ptr_array_add (schedule->room_list, g_object_ref (ctx->no_room));

  g_hash_table_iter_init (&iter, ctx->listed_people);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    g_ptr_array_add (schedule->people_list, g_object_ref (value));

  if (!have_program)
    {
      g_ptr_array_sort (schedule->track_list, compare_track_titles);
      for (guint i = 0; i < schedule->track_list->len; i++)
        plenary_track_set_position (g_ptr_array_index (schedule->track_list, i), (int) i);
    }

  /* The event export is read: it need not sit beside the indices the schedule builds. */
  g_clear_pointer (&ctx->contributions, g_hash_table_unref);
  ctx->event = NULL;
  g_clear_pointer (&ctx->event_document, plenary_json_document_free);

  plenary_schedule_finish (schedule);
}

/* Public API */

gboolean
plenary_indico_schedule_no_access (PlenarySchedule *schedule)
{
  return schedule != NULL
         && g_object_get_data (G_OBJECT (schedule), "plenary-indico-no-access") != NULL;
}

PlenaryIndicoSources *
plenary_indico_sources_new (void)
{
  return g_new0 (PlenaryIndicoSources, 1);
}

void
plenary_indico_sources_free (PlenaryIndicoSources *sources)
{
  if (sources == NULL)
    return;

  g_clear_pointer (&sources->timetable, g_bytes_unref);
  g_clear_pointer (&sources->event, g_bytes_unref);
  g_clear_pointer (&sources->program, g_bytes_unref);
  g_free (sources->server_base);
  g_free (sources->event_id);
  g_free (sources);
}

static PlenaryIndicoSources *
sources_copy (const PlenaryIndicoSources *sources)
{
  PlenaryIndicoSources *copy = plenary_indico_sources_new ();

  copy->timetable = sources->timetable != NULL ? g_bytes_ref (sources->timetable) : NULL;
  copy->event = sources->event != NULL ? g_bytes_ref (sources->event) : NULL;
  copy->program = sources->program != NULL ? g_bytes_ref (sources->program) : NULL;
  copy->server_base = g_strdup (sources->server_base);
  copy->event_id = g_strdup (sources->event_id);
  copy->strict = sources->strict;

  return copy;
}

PlenarySchedule *
plenary_indico_parse (const PlenaryIndicoSources  *sources,
                      GError                     **error)
{
  ParseContext ctx;
  PlenarySchedule *schedule = NULL;
  gboolean ok;

  g_return_val_if_fail (sources != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parse_context_init (&ctx, sources);
  set_server_base (&ctx, sources->server_base);
  ctx.no_room = plenary_room_new ("", "");
  load_program (&ctx);

  if (sources->timetable != NULL)
    {
      ok = parse_timetable (&ctx, error);
      if (ok)
        add_unscheduled (&ctx);
    }
  else if (sources->event != NULL)
    {
      ok = parse_event_only (&ctx, error);
    }
  else
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_EMPTY,
                   _("The server sent an empty answer instead of the programme."));
      ok = FALSE;
    }

  if (ok)
    {
      finish_schedule (&ctx, ctx.schedule->track_list->len > 0 && sources->program != NULL);
      schedule = g_steal_pointer (&ctx.schedule);
    }

  parse_context_clear (&ctx);

  return schedule;
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  PlenarySchedule *schedule = plenary_indico_parse (task_data, &error);

  /* The schedule is built here and not touched again by this thread: it is handed over. */
  if (schedule == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, schedule, g_object_unref);
}

void
plenary_indico_parse_async (const PlenaryIndicoSources *sources,
                            GCancellable               *cancellable,
                            GAsyncReadyCallback         callback,
                            gpointer                    user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (sources != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_indico_parse_async);
  g_task_set_task_data (task, sources_copy (sources),
                        (GDestroyNotify) plenary_indico_sources_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, parse_thread);
}

PlenarySchedule *
plenary_indico_parse_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plenary_indico_parse_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef enum
{
  SOURCE_TIMETABLE,
  SOURCE_EVENT,
  SOURCE_PROGRAM,
  SOURCE_NONE,
} SourceKind;

/* Which export a file is, by the names Plenary stores and the fixtures use; sets @id from
 * a fixture name. */
static SourceKind
classify_file (const char  *name,
               char       **id)
{
  static const struct
  {
    const char *stored;
    const char *prefix;
    SourceKind  kind;
  } names[] = {
    { "timetable.json", "export-timetable-", SOURCE_TIMETABLE },
    { "event.json", "export-event-", SOURCE_EVENT },
    { "program.json", "program-", SOURCE_PROGRAM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize digits;

      if (strcmp (name, names[i].stored) == 0)
        return names[i].kind;
      if (!g_str_has_prefix (name, names[i].prefix) || !g_str_has_suffix (name, ".json"))
        continue;

      name += strlen (names[i].prefix);
      digits = strspn (name, "0123456789");
      if (digits == 0 || (name[digits] != '.' && name[digits] != '-'))
        return SOURCE_NONE;
      if (*id == NULL)
        *id = g_strndup (name, digits);
      return names[i].kind;
    }

  return SOURCE_NONE;
}

PlenaryIndicoSources *
plenary_indico_sources_load_directory (const char  *directory,
                                       GError     **error)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_dir_open (directory, 0, error);
  if (dir == NULL)
    return NULL;

  /* Sorted, so that a directory holding several fixtures loads the same ones every time. */
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      GBytes **slot;
      gsize length;

      switch (classify_file (names->pdata[i], &sources->event_id))
        {
        case SOURCE_TIMETABLE:
          slot = &sources->timetable;
          break;
        case SOURCE_EVENT:
          slot = &sources->event;
          break;
        case SOURCE_PROGRAM:
          slot = &sources->program;
          break;
        case SOURCE_NONE:
        default:
          continue;
        }
      if (*slot != NULL)
        continue;

      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
      *slot = g_bytes_new_take (g_steal_pointer (&contents), length);
    }

  if (sources->timetable == NULL && sources->event == NULL)
    {
      g_autofree char *display = g_filename_display_name (directory);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No Indico timetable (timetable.json) in “%s”."), display);
      return NULL;
    }

  return g_steal_pointer (&sources);
}
