/* plenary-indico-event.c: the event export (/export/event/<id>.json)
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside a timetable it adds what only it knows (tracks, types, person ids, unscheduled
 * talks); without one (detail=sessions or detail=contributions) it is the whole programme.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-indico-parser-private.h"

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
gboolean
indico_load_event_export (ParseContext  *ctx,
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
  ctx->event_document = indico_take_event_document (ctx, &local_error);
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
      indico_set_not_timetable (error);
      return FALSE;
    }

  indico_derive_server_base (ctx, get_string (root, "url"), "/export/");
  ctx->event = pick_event (results, ctx->sources->event_id);
  if (ctx->event != NULL && ctx->sources->event_id != NULL && ctx->sources->strict)
    {
      g_autofree char *id = dup_id (ctx->event, "id");

      /* Another event's details are no details of this one. */
      if (id != NULL && g_strcmp0 (id, ctx->sources->event_id) != 0)
        {
          indico_set_wrong_event (error, id, ctx->sources->event_id);
          return FALSE;
        }
    }
  if (ctx->event == NULL)
    {
      /* Unknown events and events the caller may not see both give "results": [] (§1.5). */
      ctx->event_no_access = TRUE;
      return TRUE;
    }

  indico_derive_server_base (ctx, get_string (ctx->event, "url"), "/event/");
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

const PlenaryJsonNode *
indico_lookup_event_contribution (ParseContext *ctx,
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
          absolute = indico_make_absolute (ctx, url);
          if (absolute == NULL)
            continue;
          plenary_schedule_builder_add_entry_attachment (entry, get_string (attachment, "title"),
                                                         absolute,
                                                         is_default ? NULL : folder_title);
        }
    }
}

static gboolean
is_unset (PlenaryEntry       *entry,
          PlenaryEntryString  field)
{
  const char *value = entry_string (entry, field);

  return value == NULL || *value == '\0';
}

/* Adds what only the event export knows about a talk: track, type, person ids, authors. */
void
indico_merge_event_contribution (ParseContext          *ctx,
                                 PlenaryEntry          *entry,
                                 const PlenaryJsonNode *contribution)
{
  const char *text;

  if (contribution == NULL)
    return;

  plenary_schedule_builder_set_entry_track (entry, indico_intern_track (ctx,
                                                                       get_string (contribution,
                                                                                   "track")));
  if ((text = get_nonempty_string (contribution, "type")) != NULL)
    entry_set_string (entry, PLENARY_ENTRY_TYPE_NAME, text, TRUE);
  if (entry_number (entry, PLENARY_ENTRY_FRIENDLY_ID) == 0)
    entry_set_number (entry, PLENARY_ENTRY_FRIENDLY_ID,
                      get_int (contribution, "friendly_id", 0));
  if (is_unset (entry, PLENARY_ENTRY_DESCRIPTION)
      && (text = get_nonempty_string (contribution, "description")) != NULL)
    entry_set_string (entry, PLENARY_ENTRY_DESCRIPTION, text, FALSE);
  if (is_unset (entry, PLENARY_ENTRY_CODE)
      && (text = get_nonempty_string (contribution, "code")) != NULL)
    entry_set_string (entry, PLENARY_ENTRY_CODE, text, FALSE);
  if (is_unset (entry, PLENARY_ENTRY_BOARD_NUMBER)
      && (text = get_nonempty_string (contribution, "board_number")) != NULL)
    entry_set_string (entry, PLENARY_ENTRY_BOARD_NUMBER, text, FALSE);
  if (entry_string (entry, PLENARY_ENTRY_URL) == NULL)
    indico_set_url (ctx, entry, PLENARY_ENTRY_URL, get_string (contribution, "url"));
  if (plenary_entry_get_attachments (entry)->len == 0)
    add_event_attachments (ctx, entry, get_array (contribution, "folders"));

  /* Older servers have no "authors" in the timetable export. */
  if (plenary_entry_get_authors (entry)->len == 0)
    {
      indico_add_event_people (ctx, entry, PLENARY_ENTRY_AUTHORS,
                               get_array (contribution, "primaryauthors"), TRUE, FALSE);
      indico_add_event_people (ctx, entry, PLENARY_ENTRY_AUTHORS,
                               get_array (contribution, "coauthors"), TRUE, FALSE);
    }
}

/* Contributions and blocks of the event export: the unscheduled talks beside a timetable,
 * and the whole programme when there is no timetable (detail=sessions). */

static PlenaryEntry *
parse_event_contribution (ParseContext          *ctx,
                          const PlenaryJsonNode *object,
                          PlenaryEntry          *block,
                          gboolean               scheduled)
{
  g_autoptr (PlenaryEntry) entry = NULL;
  g_autofree char *friendly = dup_id (object, "id");
  g_autofree char *id = NULL;
  gint64 db_id = get_int (object, "db_id", 0);
  const char *room;

  entry = plenary_schedule_builder_new_entry (PLENARY_ENTRY_KIND_CONTRIBUTION);
  entry_set_number (entry, PLENARY_ENTRY_CONTRIBUTION_ID, db_id);
  if (db_id != 0)
    id = g_strdup_printf ("%c%" G_GINT64_FORMAT, scheduled ? 'c' : 'u', db_id);
  else if (friendly != NULL)
    id = g_strdup_printf ("%c%s", scheduled ? 'c' : 'u', friendly);
  else
    return NULL;
  if (g_hash_table_contains (ctx->seen, id))
    return NULL;

  if (scheduled && !indico_set_times (ctx, entry, object))
    return NULL;

  entry_set_string (entry, PLENARY_ENTRY_ID, id, FALSE);
  entry_set_number (entry, PLENARY_ENTRY_FRIENDLY_ID, get_int (object, "friendly_id", 0));
  entry_set_string (entry, PLENARY_ENTRY_TITLE, get_string (object, "title"), FALSE);
  indico_add_event_people (ctx, entry, PLENARY_ENTRY_SPEAKERS, get_array (object, "speakers"),
                           FALSE, TRUE);
  if (block != NULL)
    indico_inherit_from_block (entry, block);
  else
    entry_set_string (entry, PLENARY_ENTRY_SESSION_TITLE,
                      get_nonempty_string (object, "session"), TRUE);

  room = get_nonempty_string (object, "roomFullname");
  if (room == NULL)
    room = get_string (object, "room");
  if (scheduled)
    indico_set_room (ctx, entry, room, get_string (object, "location"), block);
  else
    plenary_schedule_builder_set_entry_room (entry, ctx->no_room);

  indico_merge_event_contribution (ctx, entry, object);
  plenary_schedule_builder_complete_entry (entry);

  g_hash_table_insert (ctx->seen, (char *) entry_string (entry, PLENARY_ENTRY_ID), entry);
  if (scheduled)
    plenary_schedule_builder_add_entry (ctx->builder, entry);
  else
    plenary_schedule_builder_add_unscheduled (ctx->builder, entry);

  return entry;
}

static void
parse_event_block (ParseContext          *ctx,
                   const PlenaryJsonNode *object)
{
  g_autoptr (PlenaryEntry) entry = NULL;
  g_autofree char *block_id = dup_id (object, "id");
  g_autofree char *id = NULL;
  const PlenaryJsonNode *session = get_object (object, "session");
  const PlenaryJsonNode *contributions = get_array (object, "contributions");
  const char *title = get_nonempty_string (session, "title");
  const char *room;

  if (block_id == NULL)
    return;
  id = g_strconcat ("s", block_id, NULL);
  entry = plenary_schedule_builder_new_entry (PLENARY_ENTRY_KIND_BLOCK);
  if (g_hash_table_contains (ctx->seen, id) || !indico_set_times (ctx, entry, object))
    return;

  entry_set_string (entry, PLENARY_ENTRY_ID, id, FALSE);
  if (title == NULL)
    title = get_string (object, "title");
  entry_set_string (entry, PLENARY_ENTRY_TITLE, title, FALSE);
  entry_set_string (entry, PLENARY_ENTRY_SESSION_TITLE, title, TRUE);
  entry_set_string (entry, PLENARY_ENTRY_BLOCK_TITLE, get_string (object, "slotTitle"), FALSE);
  entry_set_string (entry, PLENARY_ENTRY_DESCRIPTION, get_string (session, "description"),
                    FALSE);
  entry_set_string (entry, PLENARY_ENTRY_COLOR, get_nonempty_string (session, "color"), TRUE);
  entry_set_string (entry, PLENARY_ENTRY_TEXT_COLOR, get_nonempty_string (session, "textColor"),
                    TRUE);
  entry_set_string (entry, PLENARY_ENTRY_CODE, get_string (object, "code"), FALSE);
  entry_set_number (entry, PLENARY_ENTRY_SESSION_ID, get_int (session, "db_id", 0));
  entry_set_number (entry, PLENARY_ENTRY_FRIENDLY_ID, get_int (session, "friendly_id", 0));
  entry_set_number (entry, PLENARY_ENTRY_IS_POSTER, get_bool (session, "isPoster", FALSE));
  indico_set_url (ctx, entry, PLENARY_ENTRY_URL, get_string (object, "url"));
  indico_add_event_people (ctx, entry, PLENARY_ENTRY_SPEAKERS, get_array (object, "conveners"),
                           FALSE, TRUE);

  room = get_nonempty_string (object, "roomFullname");
  if (room == NULL)
    room = get_string (object, "room");
  indico_set_room (ctx, entry, room, get_string (object, "location"), NULL);
  plenary_schedule_builder_complete_entry (entry);

  g_hash_table_insert (ctx->seen, (char *) entry_string (entry, PLENARY_ENTRY_ID), entry);
  plenary_schedule_builder_add_entry (ctx->builder, entry);

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
void
indico_add_unscheduled (ParseContext *ctx)
{
  const PlenaryJsonNode *contributions = get_array (ctx->event, "contributions");

  for (guint i = 0; i < plenary_json_array_get_length (contributions); i++)
    {
      const PlenaryJsonNode *contribution = element_object (contributions, i);

      if (contribution != NULL && !is_scheduled (contribution))
        parse_event_contribution (ctx, contribution, NULL, FALSE);
    }
}

gboolean
indico_parse_event_only (ParseContext  *ctx,
                         GError       **error)
{
  const PlenaryJsonNode *sessions, *contributions;
  g_autoptr (GDateTime) first = NULL;
  g_autoptr (GDateTime) last = NULL;
  g_autoptr (GDateTime) event_start = NULL;
  g_autoptr (GDateTime) event_end = NULL;
  g_autoptr (GDateTime) day = NULL;

  if (!indico_load_event_export (ctx, TRUE, error))
    return FALSE;
  if (ctx->event == NULL)
    {
      indico_set_no_access (error);
      return FALSE;
    }

  sessions = get_array (ctx->event, "sessions");
  contributions = get_array (ctx->event, "contributions");
  if (sessions == NULL && contributions == NULL)
    {
      indico_set_not_timetable (error);
      return FALSE;
    }

  indico_set_timezone (ctx, get_string (ctx->event, "timezone"), NULL);
  if (ctx->sources->event_id != NULL)
    plenary_schedule_builder_set_string (ctx->builder, PLENARY_SCHEDULE_EVENT_ID,
                                         ctx->sources->event_id);
  else
    {
      g_autofree char *id = dup_id (ctx->event, "id");

      plenary_schedule_builder_set_string (ctx->builder, PLENARY_SCHEDULE_EVENT_ID, id);
    }

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

  if (plenary_schedule_builder_get_n_entries (ctx->builder) == 0
      && plenary_schedule_builder_get_n_unscheduled (ctx->builder) == 0)
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NOT_PUBLISHED,
                   _("The timetable of this event is not published yet."));
      return FALSE;
    }

  /* No day keys here: every calendar day from the event's start to its end, widened to
   * the entries (dates in this export may be in another zone than the event's). */
  event_start = indico_parse_date (ctx, ctx->event, "startDate");
  event_end = indico_parse_date (ctx, ctx->event, "endDate");
  indico_date_range_add (event_start, &first, &last);
  indico_date_range_add (event_end, &first, &last);
  for (guint i = 0; i < plenary_schedule_builder_get_n_entries (ctx->builder); i++)
    {
      PlenaryEntry *entry = plenary_schedule_builder_get_entry (ctx->builder, i);

      indico_date_range_add (plenary_entry_get_start (entry), &first, &last);
    }
  if (first == NULL)
    {
      indico_set_not_timetable (error);
      return FALSE;
    }

  day = g_date_time_new (ctx->tz, g_date_time_get_year (first), g_date_time_get_month (first),
                         g_date_time_get_day_of_month (first), 0, 0, 0);
  for (guint n = 0; day != NULL && n < MAX_EVENT_DAYS; n++)
    {
      GDateTime *next;

      if (g_date_time_compare (day, last) > 0)
        break;
      indico_add_day (ctx, g_date_time_get_year (day), g_date_time_get_month (day),
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

  for (guint i = 0; i < plenary_schedule_builder_get_n_entries (ctx->builder); i++)
    {
      PlenaryEntry *entry = plenary_schedule_builder_get_entry (ctx->builder, i);

      int day_index = indico_day_index_of (ctx, plenary_entry_get_start (entry));

      entry_set_number (entry, PLENARY_ENTRY_DAY_INDEX, day_index);
      if (plenary_entry_get_block (entry) == NULL)
        indico_add_to_day (ctx, entry, day_index, FALSE);
    }

  return TRUE;
}
