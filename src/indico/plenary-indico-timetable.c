/* plenary-indico-timetable.c: the timetable export (/export/timetable/<id>.json)
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days, then session blocks with their contributions and breaks, each joined to the event
 * export's contribution of the same id (reference/indico-api.md §3).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plenary-indico-parser-private.h"

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
      g_autofree char *url = indico_make_absolute (ctx, get_string (file, "download_url"));

      if (url != NULL)
        plenary_schedule_builder_add_entry_attachment (entry, get_string (file, "title"), url,
                                                       NULL);
    }

  for (guint i = 0; i < plenary_json_array_get_length (folders); i++)
    {
      const PlenaryJsonNode *folder = element_object (folders, i);
      const PlenaryJsonNode *items = get_array (folder, "attachments");

      for (guint j = 0; j < plenary_json_array_get_length (items); j++)
        {
          const PlenaryJsonNode *file = element_object (items, j);
          g_autofree char *url = indico_make_absolute (ctx, get_string (file, "download_url"));

          if (url != NULL)
            plenary_schedule_builder_add_entry_attachment (entry, get_string (file, "title"),
                                                           url, get_string (folder, "title"));
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

void
indico_set_room (ParseContext *ctx,
                 PlenaryEntry *entry,
                 const char   *room,
                 const char   *venue,
                 PlenaryEntry *block)
{
  /* An empty room inside a block means the block's room (§3.9 4). */
  if ((room == NULL || *room == '\0') && block != NULL)
    room = plenary_room_get_name (plenary_entry_get_room (block));
  if ((venue == NULL || *venue == '\0') && block != NULL)
    venue = entry_string (block, PLENARY_ENTRY_VENUE);
  if ((venue == NULL || *venue == '\0'))
    venue = ctx->event != NULL ? get_string (ctx->event, "location") : NULL;

  plenary_schedule_builder_set_entry_room (entry, indico_intern_room (ctx, room, venue));
  entry_set_string (entry, PLENARY_ENTRY_VENUE, venue != NULL ? venue : "", TRUE);
  if (ctx->first_venue == NULL && venue != NULL && *venue != '\0')
    ctx->first_venue = g_strdup (venue);
}

void
indico_inherit_from_block (PlenaryEntry *entry,
                           PlenaryEntry *block)
{
  static const PlenaryEntryString shared[] = {
    PLENARY_ENTRY_COLOR, PLENARY_ENTRY_TEXT_COLOR,
  };

  plenary_schedule_builder_set_entry_block (entry, block);
  entry_set_number (entry, PLENARY_ENTRY_IS_POSTER, plenary_entry_get_is_poster (block));
  if (entry_number (entry, PLENARY_ENTRY_SESSION_ID) == 0)
    entry_set_number (entry, PLENARY_ENTRY_SESSION_ID, plenary_entry_get_session_id (block));
  if (entry_string (entry, PLENARY_ENTRY_SESSION_TITLE) == NULL)
    entry_set_string (entry, PLENARY_ENTRY_SESSION_TITLE, plenary_entry_get_title (block), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    if (entry_string (entry, shared[i]) == NULL)
      entry_set_string (entry, shared[i], entry_string (block, shared[i]), TRUE);
}

/* @again: the entry may already be listed that day (only for repeated keys, which are rare:
 * checking every time would be quadratic on a large event). */
void
indico_add_to_day (ParseContext *ctx,
                   PlenaryEntry *entry,
                   int           day,
                   gboolean      again)
{
  if (day >= 0)
    plenary_schedule_builder_add_day_item (ctx->builder, day, entry, again);
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
  int day_index;

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
      if (block == NULL && plenary_entry_get_block (seen) == NULL)
        indico_add_to_day (ctx, seen, listed_day, TRUE);
      return;
    }

  entry = plenary_schedule_builder_new_entry (kind);
  entry_set_string (entry, PLENARY_ENTRY_ID, id, FALSE);
  if (!indico_set_times (ctx, entry, object))
    {
      g_debug ("Skipping entry %s: it has no valid start", id);
      return;
    }

  entry_set_string (entry, PLENARY_ENTRY_TITLE, get_string (object, "title"), FALSE);
  entry_set_string (entry, PLENARY_ENTRY_DESCRIPTION, get_string (object, "description"),
                    FALSE);
  entry_set_string (entry, PLENARY_ENTRY_COLOR, get_nonempty_string (object, "color"), TRUE);
  entry_set_string (entry, PLENARY_ENTRY_TEXT_COLOR, get_nonempty_string (object, "textColor"),
                    TRUE);
  entry_set_string (entry, PLENARY_ENTRY_CODE, get_string (object, "code"), FALSE);
  entry_set_number (entry, PLENARY_ENTRY_SESSION_ID, get_int (object, "sessionId", 0));
  indico_set_url (ctx, entry, PLENARY_ENTRY_URL, get_string (object, "url"));
  add_timetable_attachments (ctx, entry, get_object (object, "attachments"));

  if (kind == PLENARY_ENTRY_KIND_BLOCK)
    {
      entry_set_string (entry, PLENARY_ENTRY_SESSION_TITLE,
                        entry_string (entry, PLENARY_ENTRY_TITLE), TRUE);
      entry_set_string (entry, PLENARY_ENTRY_BLOCK_TITLE, get_string (object, "slotTitle"),
                        FALSE);
      entry_set_number (entry, PLENARY_ENTRY_FRIENDLY_ID, get_int (object, "friendlyId", 0));
      entry_set_number (entry, PLENARY_ENTRY_IS_POSTER, get_bool (object, "isPoster", FALSE));
      indico_add_timetable_people (ctx, entry, PLENARY_ENTRY_SPEAKERS,
                                   get_array (object, "conveners"), NULL, TRUE);
    }
  else if (kind == PLENARY_ENTRY_KIND_CONTRIBUTION)
    {
      gint64 contribution_id = get_int (object, "contributionId", 0);

      entry_set_number (entry, PLENARY_ENTRY_CONTRIBUTION_ID, contribution_id);
      entry_set_number (entry, PLENARY_ENTRY_FRIENDLY_ID, get_int (object, "friendlyId", 0));
      entry_set_string (entry, PLENARY_ENTRY_BOARD_NUMBER, get_string (object, "board_number"),
                        FALSE);
      event_contribution = indico_lookup_event_contribution (ctx, contribution_id);
      event_speakers = get_array (event_contribution, "speakers");
      indico_add_timetable_people (ctx, entry, PLENARY_ENTRY_SPEAKERS,
                                   get_array (object, "presenters"), event_speakers, TRUE);
      indico_add_timetable_people (ctx, entry, PLENARY_ENTRY_AUTHORS,
                                   get_array (object, "authors"), NULL, FALSE);
    }

  if (block != NULL)
    indico_inherit_from_block (entry, block);
  else if (kind != PLENARY_ENTRY_KIND_BLOCK && event_contribution != NULL
           && (text = get_nonempty_string (event_contribution, "session")) != NULL)
    entry_set_string (entry, PLENARY_ENTRY_SESSION_TITLE, text, TRUE);

  indico_set_room (ctx, entry, get_string (object, "room"), get_string (object, "location"),
                   block);
  indico_merge_event_contribution (ctx, entry, event_contribution);
  plenary_schedule_builder_complete_entry (entry);

  day_index = indico_day_index_of (ctx, plenary_entry_get_start (entry));
  entry_set_number (entry, PLENARY_ENTRY_DAY_INDEX, day_index >= 0 ? day_index : listed_day);

  g_hash_table_insert (ctx->seen, (char *) entry_string (entry, PLENARY_ENTRY_ID), entry);
  plenary_schedule_builder_add_entry (ctx->builder, entry);
  if (block == NULL)
    indico_add_to_day (ctx, entry, listed_day, FALSE);

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

/* The timetable's zone is read twice: here from the parsed tree, and by
 * plenary_indico_timetable_zone() from the bytes, for the event export's tz= before the
 * parse. One definition of a zone name keeps the two readings the same fact: an IANA name
 * as it may go in a URL ("Etc/GMT+5", "America/Argentina/Buenos_Aires"). */
#define MAX_ZONE_NAME 64

static gboolean
is_zone_name (const char *name,
              gsize       length)
{
  if (length == 0 || length > MAX_ZONE_NAME)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && strchr ("/_+-", name[i]) == NULL)
      return FALSE;
  return TRUE;
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
          const PlenaryJsonNode *zone = member (get_object (node_object (node), "startDate"),
                                                "tz");
          const char *name = plenary_json_node_get_string (zone);

          if (name != NULL && *name != '\0')
            return is_zone_name (name, zone->length) ? name : NULL;
        }
    }

  return NULL;
}

/* The same from the bytes: the first "tz" member, wherever it is (every "tz" of the export
 * names the one zone its times are in). It runs on the main thread, on the timetable's head as
 * it arrives, for the event export's request, where parsing a 20,000-talk export would stall
 * the window. A head cut inside the first "tz" gives NULL, as one without it does. */
char *
plenary_indico_timetable_zone (const char *data,
                               gsize       length)
{
  static const char key[] = "\"tz\":";
  g_autoptr (GString) zone = g_string_new (NULL);
  const char *found = data != NULL ? g_strstr_len (data, (gssize) length, key) : NULL;
  const char *end = data + length;
  const char *p;

  if (found == NULL)
    return NULL;
  p = found + strlen (key);
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end || *p != '"')
    return NULL;
  for (p++; p < end && *p != '"' && zone->len <= MAX_ZONE_NAME; p++)
    {
      /* "America\/New_York": JSON may escape the slash. */
      if (*p == '\\' && p + 1 < end && p[1] == '/')
        continue;
      g_string_append_c (zone, *p);
    }
  if (p < end && *p == '"' && is_zone_name (zone->str, zone->len))
    return g_string_free (g_steal_pointer (&zone), FALSE);
  return NULL;
}

/* The envelope's "ts": when the server generated the answer (reference/indico-api.md §1.4). */
static gint64
envelope_ts (const PlenaryJsonNode *root)
{
  const PlenaryJsonNode *ts = member (node_object (root), "ts");

  return plenary_json_node_get_type (ts) == PLENARY_JSON_INT ? ts->v.integer : -1;
}

gint64
plenary_indico_timetable_ts (GBytes *timetable)
{
  gsize length = 0;
  const char *data = timetable != NULL ? g_bytes_get_data (timetable, &length) : NULL;
  g_autoptr (PlenaryJsonDocument) document = NULL;

  if (data == NULL)
    return -1;
  document = plenary_json_document_parse (data, length, 0, NULL, NULL);
  return document != NULL ? envelope_ts (plenary_json_document_get_root (document)) : -1;
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
      indico_set_not_timetable (error);
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
      indico_set_wrong_event (error, results->v.members[0].name, id);
      return NULL;
    }
  if (id == NULL || member (results, id) == NULL)
    id = results->v.members[0].name;
  days = get_object (results, id);
  if (days == NULL)
    {
      indico_set_not_timetable (error);
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

gboolean
indico_parse_timetable (ParseContext  *ctx,
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

  document = indico_parse_json (ctx->sources->timetable, error);
  if (document == NULL)
    return FALSE;
  root = plenary_json_document_get_root (document);

  days = find_timetable_days (ctx, root, &event_id, error);
  if (days == NULL)
    return FALSE;
  ctx->ts = envelope_ts (root);

  indico_derive_server_base (ctx, get_string (root, "url"), "/export/");
  if (!indico_load_event_export (ctx, FALSE, error))
    return FALSE;

  indico_set_timezone (ctx, get_string (ctx->event, "timezone"), find_timetable_zone (days));
  plenary_schedule_builder_set_string (ctx->builder, PLENARY_SCHEDULE_EVENT_ID,
                                       ctx->sources->event_id != NULL ? ctx->sources->event_id
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
      indico_set_not_timetable (error);
      return FALSE;
    }
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      int year, month, day;

      is_day_key (g_ptr_array_index (keys, i), &year, &month, &day);
      indico_add_day (ctx, year, month, day);
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
      indico_set_no_access (error);
      return FALSE;
    }
  return TRUE;
}
