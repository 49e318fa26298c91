/* plenary-ics.c: iCalendar (RFC 5545) export of entries, and star import from .ics files
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plenary-ics.h"
#include "util/plenary-rich-text.h"

G_DEFINE_QUARK (plenary-ics-error-quark, plenary_ics_error)

#define MAX_LINE_OCTETS 75

/* Writing */

/* Appends one content line, folded (RFC 5545 §3.1) so that no line exceeds 75 octets without
 * its CRLF, and never inside a UTF-8 sequence. */
static void
append_line (GString    *ics,
             const char *line)
{
  const char *p = line;
  gsize limit = MAX_LINE_OCTETS;

  for (;;)
    {
      gsize rest = strlen (p);
      const char *cut;

      if (rest <= limit)
        {
          g_string_append (ics, p);
          g_string_append (ics, "\r\n");
          return;
        }
      cut = p + limit;
      /* Back to the start of the character that would straddle the fold. */
      while (cut > p && ((guchar) *cut & 0xc0) == 0x80)
        cut--;
      g_string_append_len (ics, p, cut - p);
      g_string_append (ics, "\r\n ");
      p = cut;
      /* The leading space of a continuation line counts. */
      limit = MAX_LINE_OCTETS - 1;
    }
}

/* TEXT values (§3.3.11): backslash, semicolon, comma and newline escaped; other control
 * characters, which TEXT may not hold, dropped. */
static void
append_text (GString    *into,
             const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (into, "\\\\"); break;
        case ';': g_string_append (into, "\\;"); break;
        case ',': g_string_append (into, "\\,"); break;
        case '\n': g_string_append (into, "\\n"); break;
        case '\t': g_string_append_c (into, ' '); break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (into, *p);
          break;
        }
    }
}

static void
append_property_text (GString    *ics,
                      const char *name,
                      const char *value)
{
  g_autoptr (GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_text (line, value);
  append_line (ics, line->str);
}

static void
append_property_time (GString    *ics,
                      const char *name,
                      GDateTime  *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *value = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  append_line (ics, line);
}

static char *
host_of (PlenarySchedule *schedule)
{
  const char *candidates[] = { plenary_schedule_get_server_base (schedule),
                               plenary_schedule_get_url (schedule) };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr (GUri) uri = NULL;

      if (candidates[i] == NULL)
        continue;
      uri = g_uri_parse (candidates[i], G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
      if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
        return g_ascii_strdown (g_uri_get_host (uri), -1);
    }
  /* Without a server the UIDs still need a domain; .invalid never clashes with a real one. */
  return g_strdup ("plenary.invalid");
}

static void
append_people (GString   *into,
               GPtrArray *people,
               gboolean  *first)
{
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      PlenaryPerson *person = g_ptr_array_index (people, i);
      const char *affiliation = plenary_person_get_affiliation (person);

      if (!*first)
        g_string_append (into, ", ");
      *first = FALSE;
      g_string_append (into, plenary_person_get_name (person));
      if (affiliation != NULL && *affiliation != '\0')
        g_string_append_printf (into, " (%s)", affiliation);
    }
}

/* As Indico writes it (reference §5.3): speakers (authors included), the plain-text abstract,
 * the URL; empty parts left out. */
static char *
describe (PlenaryEntry *entry)
{
  GString *text = g_string_new (NULL);
  g_autofree char *abstract = plenary_rich_text_to_plain (plenary_entry_get_description (entry),
                                                          PLENARY_RICH_TEXT_AUTO);
  const char *url = plenary_entry_get_url (entry);
  gboolean first = TRUE;

  append_people (text, plenary_entry_get_speakers (entry), &first);
  append_people (text, plenary_entry_get_authors (entry), &first);
  if (!first)
    g_string_prepend (text, "Speakers: ");
  g_strstrip (abstract);
  if (*abstract != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", abstract);
  if (url != NULL && *url != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", url);
  return g_string_free (text, FALSE);
}

static char *
location_of (PlenaryEntry *entry)
{
  PlenaryRoom *room = plenary_entry_get_room (entry);
  const char *room_name = room != NULL ? plenary_room_get_name (room) : "";
  const char *venue = plenary_entry_get_venue (entry);

  if (venue == NULL || *venue == '\0')
    venue = room != NULL ? plenary_room_get_venue (room) : "";
  if (*room_name != '\0' && venue != NULL && *venue != '\0')
    return g_strdup_printf ("%s (%s)", room_name, venue);
  if (*room_name != '\0')
    return g_strdup (room_name);
  return g_strdup (venue != NULL ? venue : "");
}

static char *
uid_of (PlenaryEntry *entry,
        const char   *host)
{
  const char *id = plenary_entry_get_id (entry);

  if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION
      && plenary_entry_get_contribution_id (entry) > 0)
    return g_strdup_printf ("indico-contribution-%" G_GINT64_FORMAT "@%s",
                            plenary_entry_get_contribution_id (entry), host);
  if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_BREAK)
    {
      /* Timetable entry ids are "b<id>": Indico's id is the number. */
      while (*id != '\0' && !g_ascii_isdigit (*id))
        id++;
      return g_strdup_printf ("indico-break-%s@%s", *id != '\0' ? id : plenary_entry_get_id (entry),
                              host);
    }
  return g_strdup_printf ("indico-entry-%s@%s", id, host);
}

static void
append_event (GString      *ics,
              PlenaryEntry *entry,
              const char   *host,
              GDateTime    *dtstamp)
{
  g_autofree char *uid = uid_of (entry, host);
  g_autofree char *location = location_of (entry);
  g_autofree char *description = describe (entry);
  const char *url = plenary_entry_get_url (entry);

  append_line (ics, "BEGIN:VEVENT");
  append_property_text (ics, "UID", uid);
  append_property_time (ics, "DTSTAMP", dtstamp);
  append_property_time (ics, "DTSTART", plenary_entry_get_start (entry));
  append_property_time (ics, "DTEND", plenary_entry_get_end (entry));
  append_property_text (ics, "SUMMARY", plenary_entry_get_title (entry));
  if (*location != '\0')
    append_property_text (ics, "LOCATION", location);
  if (*description != '\0')
    append_property_text (ics, "DESCRIPTION", description);
  /* URI values are not TEXT: no escaping, but nothing that could break the line either. */
  if (plenary_rich_text_is_safe_uri (url))
    {
      g_autofree char *line = g_strconcat ("URL:", url, NULL);

      append_line (ics, line);
    }
  append_line (ics, "END:VEVENT");
}

char *
plenary_ics_write (PlenarySchedule *schedule,
                   GListModel      *entries,
                   PlenaryIcsFlags  flags,
                   GDateTime       *dtstamp)
{
  GString *ics = g_string_new (NULL);
  g_autofree char *host = NULL;
  g_autoptr (GDateTime) now = NULL;
  guint n;

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  if (dtstamp == NULL)
    dtstamp = now = g_date_time_new_now_utc ();
  host = host_of (schedule);

  append_line (ics, "BEGIN:VCALENDAR");
  append_line (ics, "VERSION:2.0");
  append_line (ics, "PRODID:-//Plenary//Plenary " PACKAGE_VERSION "//EN");
  append_line (ics, "CALSCALE:GREGORIAN");
  append_line (ics, "METHOD:PUBLISH");
  append_property_text (ics, "X-WR-CALNAME", plenary_schedule_get_title (schedule));

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      PlenaryEntryKind kind = plenary_entry_get_kind (entry);

      if (plenary_entry_get_start (entry) == NULL || plenary_entry_get_end (entry) == NULL)
        continue;
      if (kind == PLENARY_ENTRY_KIND_BLOCK)
        continue;
      if (kind == PLENARY_ENTRY_KIND_BREAK && !(flags & PLENARY_ICS_FLAGS_INCLUDE_BREAKS))
        continue;
      append_event (ics, entry, host, dtstamp);
    }

  append_line (ics, "END:VCALENDAR");
  return g_string_free (ics, FALSE);
}

/* Reading */

/* Content lines with folding undone (§3.1): a line break followed by a space or tab
 * continues the line. Accepts CRLF and bare LF. */
static GPtrArray *
unfold (const char *ics,
        gsize       length)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = g_string_new (NULL);
  const char *end = ics + length;
  const char *p = ics;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol != NULL ? eol + 1 : end;
      gsize len = (eol != NULL ? eol : end) - p;

      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (len > 0 && (p[0] == ' ' || p[0] == '\t') && lines->len + line->len > 0)
        g_string_append_len (line, p + 1, len - 1);
      else
        {
          if (line->len > 0)
            g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          g_string_append_len (line, p, len);
        }
      p = next;
    }
  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  g_string_free (line, TRUE);
  return lines;
}

static gboolean
parse_digits (const char  *p,
              const char **end,
              gint64      *value)
{
  guint64 v = 0;
  const char *q = p;

  for (; g_ascii_isdigit (*q); q++)
    {
      if (v > (guint64) G_MAXINT64 / 10)
        return FALSE;
      v = v * 10 + (guint64) (*q - '0');
    }
  if (q == p || v > (guint64) G_MAXINT64)
    return FALSE;
  *end = q;
  *value = (gint64) v;
  return TRUE;
}

/* "indico-contribution-<id>@host" or "indico-contribution-<event>-<id>@host". */
static gboolean
parse_uid (const char *uid,
           const char *event_id,
           gint64     *contribution_id)
{
  static const char prefix[] = "indico-contribution-";
  const char *p;
  gint64 first, second;

  if (g_ascii_strncasecmp (uid, prefix, strlen (prefix)) != 0)
    return FALSE;
  p = uid + strlen (prefix);
  if (!parse_digits (p, &p, &first))
    return FALSE;
  if (*p == '@')
    {
      *contribution_id = first;
      return first > 0;
    }
  if (*p != '-' || !parse_digits (p + 1, &p, &second) || *p != '@')
    return FALSE;
  if (event_id != NULL)
    {
      g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, first);

      if (strcmp (event, event_id) != 0)
        return FALSE;
    }
  *contribution_id = second;
  return second > 0;
}

GArray *
plenary_ics_read_contribution_ids (const char  *ics,
                                   gssize       length,
                                   const char  *event_id,
                                   GError     **error)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean calendar = FALSE;
  gboolean in_event = FALSE;

  g_return_val_if_fail (ics != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (ics);
  lines = unfold (ics, length);

  for (guint i = 0; i < lines->len; i++)
    {
      char *line = g_ptr_array_index (lines, i);
      char *colon, *semicolon;
      gint64 id;

      /* Names are case-insensitive; parameters (";…") are irrelevant to a UID. */
      if (g_ascii_strcasecmp (line, "BEGIN:VCALENDAR") == 0)
        calendar = TRUE;
      else if (g_ascii_strcasecmp (line, "BEGIN:VEVENT") == 0)
        in_event = TRUE;
      else if (g_ascii_strcasecmp (line, "END:VEVENT") == 0)
        in_event = FALSE;
      if (!in_event || (colon = strchr (line, ':')) == NULL)
        continue;
      *colon = '\0';
      if ((semicolon = strchr (line, ';')) != NULL)
        *semicolon = '\0';
      if (g_ascii_strcasecmp (line, "UID") != 0)
        continue;
      if (parse_uid (g_strstrip (colon + 1), event_id, &id)
          && !g_hash_table_contains (seen, &id))
        {
          g_array_append_val (ids, id);
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
    }

  if (!calendar)
    {
      g_set_error_literal (error, PLENARY_ICS_ERROR, PLENARY_ICS_ERROR_NOT_ICALENDAR,
                           _("This is not an iCalendar file."));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
