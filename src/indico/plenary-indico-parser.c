/* plenary-indico-parser.c: Indico export JSON → PlenarySchedule
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shapes and quirks handled here are those of reference/indico-api.md §3, §4 and §5.1.
 * Everything is read through tolerant accessors: a field of an unexpected type counts as
 * missing. The JSON trees live only during the parse: what the model keeps, it copies.
 *
 * This file holds the public entry points, the parse's context and the server's URLs, and
 * puts the schedule together once the readers (see plenary-indico-parser-private.h) are done.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plenary-indico-parser-private.h"

G_DEFINE_QUARK (plenary-indico-error-quark, plenary_indico_error)

/* The parse */

/* What the event export's reader thread gives back. */
typedef struct
{
  PlenaryJsonDocument *document;
  GError              *error;
} EventRead;

static gpointer
read_event_thread (gpointer data)
{
  GBytes *event = data;
  EventRead *read = g_new0 (EventRead, 1);

  read->document = indico_parse_json (event, &read->error);
  g_bytes_unref (event);
  return read;
}

/* The two exports are separate documents: while this thread reads the timetable's JSON,
 * another reads the event export's (at 20,000 talks, 41 MB of the 88). */
static void
start_event_reader (ParseContext *ctx)
{
  if (ctx->sources->timetable == NULL || ctx->sources->event == NULL)
    return;
  ctx->event_reader = g_thread_try_new ("plenary-event-json", read_event_thread,
                                        g_bytes_ref (ctx->sources->event), NULL);
}

PlenaryJsonDocument *
indico_take_event_document (ParseContext  *ctx,
                            GError       **error)
{
  EventRead *read;
  PlenaryJsonDocument *document;

  if (ctx->event_reader == NULL)
    return indico_parse_json (ctx->sources->event, error);
  read = g_thread_join (g_steal_pointer (&ctx->event_reader));
  document = read->document;
  if (document == NULL)
    g_propagate_error (error, read->error);
  g_free (read);
  return document;
}

static void
parse_context_clear (ParseContext *ctx)
{
  /* The timetable failed before the event export was needed: its reader is waited for. */
  if (ctx->event_reader != NULL)
    {
      g_autoptr (GError) unused = NULL;
      PlenaryJsonDocument *unread = indico_take_event_document (ctx, &unused);

      g_clear_pointer (&unread, plenary_json_document_free);
    }
  g_clear_object (&ctx->builder);
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
  ctx->ts = -1;
  ctx->builder = plenary_schedule_builder_new ();
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
void
indico_derive_server_base (ParseContext *ctx,
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

char *
indico_make_absolute (ParseContext *ctx,
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

void
indico_set_url (ParseContext       *ctx,
                PlenaryEntry       *entry,
                PlenaryEntryString  field,
                const char         *url)
{
  g_autofree char *absolute = indico_make_absolute (ctx, url);

  entry_set_string (entry, field, absolute, FALSE);
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
  PlenaryScheduleBuilder *builder = ctx->builder;
  const char *event_id = plenary_schedule_builder_get_string (builder, PLENARY_SCHEDULE_EVENT_ID);
  g_autofree char *url = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  guint n_entries = plenary_schedule_builder_get_n_entries (builder);
  GHashTableIter iter;
  gpointer value;
  gboolean uses_no_room = FALSE;
  const char *text;

  if ((text = get_nonempty_string (ctx->event, "title")) != NULL)
    {
      plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_TITLE, text);
    }
  else
    {
      /* Translators: the title of an event known only by its number on the server. */
      g_autofree char *title = g_strdup_printf (_("Event %s"),
                                                event_id != NULL ? event_id : "");

      plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_TITLE, title);
    }

  plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_SERVER_BASE, ctx->server_base);
  url = indico_make_absolute (ctx, get_nonempty_string (ctx->event, "url"));
  if (url == NULL && ctx->server_base != NULL && event_id != NULL)
    url = g_strdup_printf ("%sevent/%s/", ctx->server_base, event_id);
  plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_URL, url);

  if ((text = get_nonempty_string (ctx->event, "location")) == NULL)
    text = ctx->first_venue != NULL ? ctx->first_venue : "";
  plenary_schedule_builder_set_string (builder, PLENARY_SCHEDULE_VENUE, text);

  start = indico_parse_date (ctx, ctx->event, "startDate");
  end = indico_parse_date (ctx, ctx->event, "endDate");
  if (start == NULL || end == NULL)
    {
      guint n_days = plenary_schedule_builder_get_n_days (builder);

      g_clear_pointer (&start, g_date_time_unref);
      g_clear_pointer (&end, g_date_time_unref);
      for (guint i = 0; i < n_entries; i++)
        {
          PlenaryEntry *entry = plenary_schedule_builder_get_entry (builder, i);

          indico_date_range_add (plenary_entry_get_start (entry), &start, &end);
          indico_date_range_add (plenary_entry_get_end (entry), &start, &end);
        }
      if (start == NULL && n_days > 0)
        {
          start = g_date_time_ref (plenary_schedule_builder_get_day_date (builder, 0));
          end = g_date_time_add_days (plenary_schedule_builder_get_day_date (builder,
                                                                             n_days - 1), 1);
        }
      if (start == NULL)
        {
          start = g_date_time_new_from_unix_utc (0);
          end = g_date_time_ref (start);
        }
    }
  plenary_schedule_builder_set_span (builder, start, end);

  g_hash_table_iter_init (&iter, ctx->rooms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    plenary_schedule_builder_list_room (builder, value);
  for (guint i = 0; i < n_entries && !uses_no_room; i++)
    uses_no_room = plenary_entry_get_room (plenary_schedule_builder_get_entry (builder, i))
                   == ctx->no_room;
  if (uses_no_room)
    plenary_schedule_builder_list_room (builder, ctx->no_room);

  g_hash_table_iter_init (&iter, ctx->listed_people);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    plenary_schedule_builder_list_person (builder, value);

  if (!have_program)
    plenary_schedule_builder_order_tracks (builder, compare_track_titles);

  /* The event export is read: it need not sit beside the indices the schedule builds. */
  g_clear_pointer (&ctx->contributions, g_hash_table_unref);
  ctx->event = NULL;
  g_clear_pointer (&ctx->event_document, plenary_json_document_free);
}

/* Public API */

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
  g_clear_pointer (&sources->program_read, plenary_indico_program_unref);
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
  copy->program_read = sources->program_read != NULL
                       ? plenary_indico_program_ref (sources->program_read) : NULL;
  copy->server_base = g_strdup (sources->server_base);
  copy->event_id = g_strdup (sources->event_id);
  copy->strict = sources->strict;

  return copy;
}

PlenarySchedule *
plenary_indico_parse (const PlenaryIndicoSources  *sources,
                      PlenaryIndicoParseFacts     *facts,
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
  start_event_reader (&ctx);
  indico_load_program (&ctx);

  if (sources->timetable != NULL)
    {
      ok = indico_parse_timetable (&ctx, error);
      if (ok)
        indico_add_unscheduled (&ctx);
    }
  else if (sources->event != NULL)
    {
      ok = indico_parse_event_only (&ctx, error);
    }
  else
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_EMPTY,
                   _("The server sent an empty answer instead of the programme."));
      ok = FALSE;
    }

  if (ok)
    {
      finish_schedule (&ctx, plenary_schedule_builder_get_n_tracks (ctx.builder) > 0
                             && (sources->program != NULL || sources->program_read != NULL));
      schedule = plenary_schedule_builder_finish (ctx.builder);
      if (facts != NULL)
        {
          facts->no_access = ctx.event_no_access;
          facts->ts = ctx.ts;
        }
    }

  parse_context_clear (&ctx);

  return schedule;
}

typedef struct
{
  PlenaryIndicoSources    *sources;
  PlenaryIndicoParseFacts  facts;   /* written by the worker before it returns */
} ParseTask;

static void
parse_task_free (ParseTask *parse)
{
  plenary_indico_sources_free (parse->sources);
  g_free (parse);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseTask *parse = task_data;
  GError *error = NULL;
  PlenarySchedule *schedule = plenary_indico_parse (parse->sources, &parse->facts, &error);

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
  ParseTask *parse;

  g_return_if_fail (sources != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_indico_parse_async);
  parse = g_new0 (ParseTask, 1);
  parse->sources = sources_copy (sources);
  g_task_set_task_data (task, parse, (GDestroyNotify) parse_task_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, parse_thread);
}

PlenarySchedule *
plenary_indico_parse_finish (GAsyncResult             *result,
                             PlenaryIndicoParseFacts  *facts,
                             GError                  **error)
{
  PlenarySchedule *schedule;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plenary_indico_parse_async,
                        NULL);

  schedule = g_task_propagate_pointer (G_TASK (result), error);
  if (schedule != NULL && facts != NULL)
    *facts = ((ParseTask *) g_task_get_task_data (G_TASK (result)))->facts;
  return schedule;
}
