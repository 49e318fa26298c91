/* plenary-check.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "plenary-check.h"
#include "indico/plenary-indico-parser.h"

PlenarySchedule *
plenary_check_load (const char  *source,
                    GError     **error)
{
  g_autoptr (PlenaryIndicoSources) sources = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  /* The sync layer adds http(s) URLs here: fetch the exports, then parse them alike. */
  if (strstr (source, "://") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Checking an event by its link is not supported yet: give a folder "
                     "with the event's exports."));
      return NULL;
    }

  if (!g_file_test (source, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (source);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder with an event's exports."), display);
      return NULL;
    }

  sources = plenary_indico_sources_load_directory (source, error);
  if (sources == NULL)
    return NULL;

  return plenary_indico_parse (sources, error);
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

int
plenary_check_run (const char  *source,
                   gboolean     as_json,
                   GError     **error)
{
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GPtrArray) warnings = NULL;

  g_return_val_if_fail (source != NULL, 1);
  g_return_val_if_fail (error == NULL || *error == NULL, 1);

  schedule = plenary_check_load (source, error);
  if (schedule == NULL)
    return 1;

  warnings = plenary_check_collect_warnings (schedule);
  if (as_json)
    print_json (schedule, warnings);
  else
    print_summary (schedule, warnings);

  return 0;
}
