/* plenary-check.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include <glib/gi18n.h>

#include "indico/plenary-event-url.h"
#include "plenary-check.h"
#include "indico/plenary-indico-client.h"
#include "indico/plenary-indico-parser.h"
#include "store/plenary-folder-loader.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-store.h"
#include "util/plenary-json.h"

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The body, at most PLENARY_JSON_MAX_SIZE bytes (the sync's limit; decoded, so a gzip bomb
 * stops there too); a body shorter than its Content-Length is an interrupted download. */
static GBytes *
read_capped (SoupSession  *session,
             SoupMessage  *message,
             const char   *url,
             GError      **error)
{
  g_autoptr (GInputStream) stream = soup_session_send (session, message, NULL, error);
  g_autoptr (GByteArray) buffer = NULL;
  g_autofree char *limit = g_format_size (PLENARY_JSON_MAX_SIZE);
  SoupMessageHeaders *headers;

  if (stream == NULL)
    return NULL;
  headers = soup_message_get_response_headers (message);
  if (soup_message_headers_get_content_length (headers) > PLENARY_JSON_MAX_SIZE)
    goto too_large;
  buffer = g_byte_array_new ();
  for (;;)
    {
      g_autoptr (GBytes) chunk = g_input_stream_read_bytes (stream, 64 * 1024, NULL, error);

      if (chunk == NULL)
        return NULL;
      if (g_bytes_get_size (chunk) == 0)
        break;
      if (buffer->len + g_bytes_get_size (chunk) > PLENARY_JSON_MAX_SIZE)
        goto too_large;
      g_byte_array_append (buffer, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
    }
  if (plenary_indico_client_body_is_short (message, buffer->len))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                   _("The download of %s was interrupted"), url);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

too_large:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("The answer for %s is larger than %s, more than any programme needs"),
               url, limit);
  return NULL;
}

/* GET as the sync does it (the Indico client's headers and redirect policy, JSON only), but
 * nothing is stored: --check must not touch the user's data. Sends no token: it checks what
 * the public sees. */
static GBytes *
fetch (SoupSession  *session,
       const char   *url,
       gboolean      optional,
       GError      **error)
{
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GBytes) body = NULL;
  const char *content_type;
  guint hops = 0;
  guint status;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a valid link."),
                   url);
      return NULL;
    }
  for (;;)
    {
      GUri *target;

      g_clear_object (&message);
      g_clear_pointer (&body, g_bytes_unref);
      message = plenary_indico_client_new_message (SOUP_METHOD_GET, uri, TRUE, NULL);
      body = read_capped (session, message, url, error);
      if (body == NULL)
        return NULL;
      status = soup_message_get_status (message);
      if (!SOUP_STATUS_IS_REDIRECTION (status))
        break;
      target = plenary_indico_client_follow_redirect (message, uri, NULL, &hops, NULL);
      if (target == NULL)
        break;
      g_uri_unref (uri);
      uri = target;
    }
  if (optional && (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_FORBIDDEN
                   || status == SOUP_STATUS_UNAUTHORIZED))
    return NULL;
  if (status != SOUP_STATUS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: an HTTP status code, its reason, then a link. */
                   _("The server answered %u %s for %s"), status,
                   soup_message_get_reason_phrase (message), url);
      return NULL;
    }
  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                        NULL);
  /* The parser explains HTML pages (login, access key) better than a content type can. */
  if (content_type != NULL && !g_str_has_suffix (content_type, "json")
      && !g_str_equal (content_type, "text/html") && !optional)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The server sent %s, not the programme, for %s"), content_type, url);
      return NULL;
    }
  return g_steal_pointer (&body);
}

static PlenarySchedule *
load_url (const char              *url,
          PlenaryIndicoParseFacts *facts,
          GError                 **error)
{
  g_autoptr (SoupSession) session = plenary_indico_client_new_session ();
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (GAsyncResult) resolved = NULL;
  GBytes **slots[PLENARY_INDICO_N_PARTS] = { &sources->timetable, &sources->event,
                                             &sources->program };
  g_autofree char *zone = NULL;

  /* Short links need the server; everything else resolves at once. */
  plenary_event_url_resolve_async (session, url, NULL, resolved_cb, &resolved);
  while (resolved == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!plenary_event_url_resolve_finish (resolved, &sources->server_base, &sources->event_id,
                                         error))
    return NULL;

  /* The parts in the client's order: the event export asks for the timetable's zone. */
  for (PlenaryIndicoPart part = 0; part < PLENARY_INDICO_N_PARTS; part++)
    {
      const PlenaryIndicoEndpoint *endpoint = plenary_indico_client_get_endpoint (part);
      g_autofree char *part_url = NULL;

      if (endpoint->zoned && zone == NULL)
        zone = plenary_indico_timetable_zone (
          sources->timetable != NULL ? g_bytes_get_data (sources->timetable, NULL) : NULL,
          sources->timetable != NULL ? g_bytes_get_size (sources->timetable) : 0);
      part_url = plenary_indico_client_build_url (part, sources->server_base, sources->event_id,
                                                  zone, FALSE);
      /* Older servers have no programme part: that is normal. */
      *slots[part] = fetch (session, part_url, endpoint->optional,
                           endpoint->optional ? NULL : error);
      if (*slots[part] == NULL && !endpoint->optional)
        return NULL;
    }

  /* As strict as a sync: another event's answer or a damaged event export fails. */
  sources->strict = TRUE;
  return plenary_indico_parse (sources, facts, error);
}

PlenarySchedule *
plenary_check_load (const char              *source,
                    PlenaryIndicoParseFacts *facts,
                    GError                 **error)
{
  g_autoptr (PlenaryIndicoSources) sources = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (strstr (source, "://") != NULL)
    return load_url (source, facts, error);

  if (!g_file_test (source, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (source);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder with an event's exports."), display);
      return NULL;
    }

  sources = plenary_folder_loader_load (source, error);
  if (sources == NULL)
    return NULL;

  return plenary_indico_parse (sources, facts, error);
}

static char *
format_time (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static gboolean
is_leaf (PlenaryEntry *entry)
{
  return plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_BLOCK;
}

static void
check_overlaps (PlenarySchedule *schedule,
                GPtrArray       *warnings)
{
  GListModel *rooms = plenary_schedule_get_rooms (schedule);

  for (guint r = 0; r < g_list_model_get_n_items (rooms); r++)
    {
      g_autoptr (PlenaryRoom) room = g_list_model_get_item (rooms, r);
      g_autoptr (GListModel) entries = NULL;
      g_autoptr (PlenaryEntry) latest = NULL;

      if (*plenary_room_get_name (room) == '\0')
        continue;

      /* Sorted by start: each talk only needs comparing with the latest-ending before it. */
      entries = plenary_schedule_get_room_entries (schedule, room);
      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

          /* Posters all share their block's time by design; breaks may overlap talks. */
          if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION
              || plenary_entry_get_is_poster (entry))
            continue;

          if (latest != NULL
              && g_date_time_compare (plenary_entry_get_start (entry),
                                      plenary_entry_get_end (latest)) < 0)
            {
              g_autofree char *when = format_time (plenary_entry_get_start (entry));

              g_ptr_array_add (warnings,
                               g_strdup_printf (_("“%s” and “%s” overlap in %s at %s."),
                                                plenary_entry_get_title (latest),
                                                plenary_entry_get_title (entry),
                                                plenary_room_get_name (room), when));
            }
          if (latest == NULL
              || g_date_time_compare (plenary_entry_get_end (entry),
                                      plenary_entry_get_end (latest)) > 0)
            g_set_object (&latest, entry);
        }
    }
}

GPtrArray *
plenary_check_collect_warnings (PlenarySchedule *schedule)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  GListModel *entries;
  guint n_without_room = 0;

  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), warnings);

  entries = plenary_schedule_get_entries (schedule);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      PlenaryEntry *block = plenary_entry_get_block (entry);
      g_autofree char *when = format_time (plenary_entry_get_start (entry));

      if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION
          && plenary_entry_get_speakers (entry)->len == 0)
        g_ptr_array_add (warnings, g_strdup_printf (_("“%s” at %s has no speaker."),
                                                    plenary_entry_get_title (entry), when));

      if (block != NULL
          && (g_date_time_compare (plenary_entry_get_start (entry),
                                   plenary_entry_get_start (block)) < 0
              || g_date_time_compare (plenary_entry_get_end (entry),
                                      plenary_entry_get_end (block)) > 0))
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("“%s” at %s runs outside its block “%s”."),
                                          plenary_entry_get_title (entry), when,
                                          plenary_entry_get_full_title (block)));

      if (is_leaf (entry) && *plenary_room_get_name (plenary_entry_get_room (entry)) == '\0')
        n_without_room++;
    }

  check_overlaps (schedule, warnings);

  if (n_without_room > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry has no room.",
                                                   "%u entries have no room.", n_without_room),
                                      n_without_room));

  return warnings;
}

static guint
count_speakers (PlenarySchedule *schedule)
{
  g_autoptr (GHashTable) speakers = g_hash_table_new (NULL, NULL);
  GListModel *lists[] = {
    plenary_schedule_get_entries (schedule),
    plenary_schedule_get_unscheduled (schedule),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr (PlenaryEntry) entry = g_list_model_get_item (lists[l], i);
        GPtrArray *people = plenary_entry_get_speakers (entry);

        for (guint j = 0; j < people->len; j++)
          g_hash_table_add (speakers, people->pdata[j]);
      }

  return g_hash_table_size (speakers);
}

static guint
count_rooms (PlenarySchedule *schedule)
{
  GListModel *rooms = plenary_schedule_get_rooms (schedule);
  guint n = 0;

  /* The "No room" room is not a room. */
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (PlenaryRoom) room = g_list_model_get_item (rooms, i);

      n += *plenary_room_get_name (room) != '\0';
    }

  return n;
}

static void
print_json (PlenarySchedule *schedule,
            GPtrArray       *warnings)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, plenary_schedule_get_title (schedule));
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, plenary_schedule_get_timezone_id (schedule));
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (plenary_schedule_get_days (schedule)));
  json_builder_set_member_name (builder, "blocks");
  json_builder_add_int_value (builder, plenary_schedule_get_n_blocks (schedule));
  json_builder_set_member_name (builder, "sessions");
  json_builder_add_int_value (builder, plenary_schedule_get_n_sessions (schedule));
  json_builder_set_member_name (builder, "contributions");
  json_builder_add_int_value (builder, plenary_schedule_get_n_contributions (schedule));
  json_builder_set_member_name (builder, "breaks");
  json_builder_add_int_value (builder, plenary_schedule_get_n_breaks (schedule));
  json_builder_set_member_name (builder, "speakers");
  json_builder_add_int_value (builder, count_speakers (schedule));
  json_builder_set_member_name (builder, "rooms");
  json_builder_add_int_value (builder, count_rooms (schedule));
  json_builder_set_member_name (builder, "tracks");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (plenary_schedule_get_tracks (schedule)));
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    json_builder_add_string_value (builder, warnings->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_summary (PlenarySchedule *schedule,
               GPtrArray       *warnings)
{
  g_autofree char *start = format_time (plenary_schedule_get_start (schedule));
  g_autofree char *end = format_time (plenary_schedule_get_end (schedule));

  g_print (_("Title: %s\n"), plenary_schedule_get_title (schedule));
  g_print (_("Dates: %s – %s\n"), start, end);
  g_print (_("Timezone: %s\n"), plenary_schedule_get_timezone_id (schedule));
  g_print (_("Days: %u\n"), g_list_model_get_n_items (plenary_schedule_get_days (schedule)));
  g_print (_("Blocks: %u\n"), plenary_schedule_get_n_blocks (schedule));
  g_print (_("Sessions: %u\n"), plenary_schedule_get_n_sessions (schedule));
  g_print (_("Contributions: %u\n"), plenary_schedule_get_n_contributions (schedule));
  g_print (_("Breaks: %u\n"), plenary_schedule_get_n_breaks (schedule));
  g_print (_("Speakers: %u\n"), count_speakers (schedule));
  g_print (_("Rooms: %u\n"), count_rooms (schedule));
  g_print (_("Tracks: %u\n"),
           g_list_model_get_n_items (plenary_schedule_get_tracks (schedule)));
  g_print (_("Warnings: %u\n"), warnings->len);
  for (guint i = 0; i < warnings->len; i++)
    g_print ("  %s\n", (const char *) warnings->pdata[i]);
}

/* What the sync's plausibility gate would say: an empty programme, an event export that
 * answered "no access", and (for a followed event) a drop of more than half against the
 * copy Plenary shows. Reads the stored copy's schedule cache only: nothing is changed. */
static void
add_gate_warnings (const char                    *source,
                   PlenarySchedule               *schedule,
                   const PlenaryIndicoParseFacts *facts,
                   GPtrArray                     *warnings)
{
  guint now = plenary_schedule_get_n_contributions (schedule);
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;

  if (now == 0)
    g_ptr_array_add (warnings, g_strdup (_("Suspicious: the programme has no talks; Plenary "
                                           "would keep showing a stored copy instead")));
  if (facts->no_access)
    g_ptr_array_add (warnings, g_strdup (_("Suspicious: the event export answered “no access” "
                                           "(no title, speakers or tracks)")));
  if (strstr (source, "://") != NULL && plenary_event_url_parse (source, &base, &id, NULL))
    {
      g_autofree char *dir = plenary_store_get_event_dir (base, id);
      g_autoptr (PlenarySchedule) stored = plenary_schedule_cache_load (dir, NULL, NULL);
      guint before = stored != NULL ? plenary_schedule_get_n_contributions (stored) : 0;

      if (now > 0 && (guint64) now * 2 < before)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Suspicious: %u talks where the copy Plenary "
                                            "keeps has %u; a sync would hold this answer "
                                            "aside"), now, before));
    }
}

int
plenary_check_run (const char  *source,
                   gboolean     as_json,
                   GError     **error)
{
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  PlenaryIndicoParseFacts facts;

  g_return_val_if_fail (source != NULL, 1);
  g_return_val_if_fail (error == NULL || *error == NULL, 1);

  schedule = plenary_check_load (source, &facts, error);
  if (schedule == NULL)
    return 1;

  warnings = plenary_check_collect_warnings (schedule);
  add_gate_warnings (source, schedule, &facts, warnings);
  if (as_json)
    print_json (schedule, warnings);
  else
    print_summary (schedule, warnings);

  return 0;
}
