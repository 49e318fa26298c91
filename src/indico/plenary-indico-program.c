/* plenary-indico-program.c: program.json's tracks, and the rooms and tracks entries share
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * program.json (Indico >= 3.3.9) is optional: a bad one is ignored. Rooms and tracks are
 * interned by name, so every entry in a room points at the same PlenaryRoom.
 */

#include "config.h"

#include "plenary-indico-parser-private.h"

/* Rooms and tracks, owned by the context: the entry that gets one takes its own reference. */

PlenaryRoom *
indico_intern_room (ParseContext *ctx,
                    const char   *name,
                    const char   *venue)
{
  PlenaryRoom *room;

  if (name == NULL || *name == '\0')
    return ctx->no_room;

  room = g_hash_table_lookup (ctx->rooms, name);
  if (room == NULL)
    {
      room = plenary_room_new (name, venue);
      g_hash_table_insert (ctx->rooms, (char *) plenary_room_get_name (room), room);
    }

  return room;
}

PlenaryTrack *
indico_intern_track (ParseContext *ctx,
                     const char   *title)
{
  PlenaryTrack *track;

  if (title == NULL || *title == '\0')
    return NULL;

  track = g_hash_table_lookup (ctx->tracks, title);
  if (track == NULL)
    {
      /* A track on a contribution that program.json does not list: keep it, at the end. */
      track = plenary_track_new (0, title, NULL, NULL,
                                 (int) plenary_schedule_builder_get_n_tracks (ctx->builder));
      g_hash_table_insert (ctx->tracks, (char *) plenary_track_get_title (track), track);
      plenary_schedule_builder_list_track (ctx->builder, track);
    }

  return track;
}

static int
compare_track_position (gconstpointer a,
                        gconstpointer b)
{
  int pa = plenary_track_get_position (*(PlenaryTrack * const *) a);
  int pb = plenary_track_get_position (*(PlenaryTrack * const *) b);

  return (pa > pb) - (pa < pb);
}

struct _PlenaryIndicoProgram
{
  gatomicrefcount        ref_count;
  PlenaryJsonDocument   *document;
  const PlenaryJsonNode *tracks;
};

static gint n_reads;
static gint n_main_thread_reads;

/* Sets @error only for bytes that are not JSON; NULL without it for JSON with no tracks. */
static PlenaryIndicoProgram *
program_read (GBytes  *program,
              GError **error)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  PlenaryIndicoProgram *self;
  const PlenaryJsonNode *tracks;

  g_atomic_int_inc (&n_reads);
  if (g_main_context_is_owner (g_main_context_default ()))
    g_atomic_int_inc (&n_main_thread_reads);
  document = indico_parse_json (program, error);
  tracks = get_array (document != NULL ? plenary_json_document_get_root (document) : NULL,
                      "tracks");
  if (tracks == NULL)
    return NULL;

  self = g_new0 (PlenaryIndicoProgram, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_steal_pointer (&document);
  self->tracks = tracks;
  return self;
}

PlenaryIndicoProgram *
plenary_indico_program_read (GBytes *program)
{
  g_autoptr (GError) error = NULL;
  PlenaryIndicoProgram *self;

  if (program == NULL)
    return NULL;
  self = program_read (program, &error);
  if (self == NULL)
    g_debug ("Not a program.json to keep: %s", error != NULL ? error->message : "no tracks");
  return self;
}

PlenaryIndicoProgram *
plenary_indico_program_ref (PlenaryIndicoProgram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
plenary_indico_program_unref (PlenaryIndicoProgram *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      plenary_json_document_free (self->document);
      g_free (self);
    }
}

guint
plenary_indico_program_get_n_reads (gboolean on_main_thread)
{
  return (guint) g_atomic_int_get (on_main_thread ? &n_main_thread_reads : &n_reads);
}

void
indico_load_program (ParseContext *ctx)
{
  g_autoptr (PlenaryIndicoProgram) program = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  const PlenaryJsonNode *array;

  if (ctx->sources->program_read != NULL)
    program = plenary_indico_program_ref (ctx->sources->program_read);
  else if (ctx->sources->program != NULL)
    program = program_read (ctx->sources->program, &error);
  else
    return;

  /* program.json is optional (404 before Indico 3.3.9): a bad one is ignored. */
  if (program == NULL)
    {
      g_debug ("Ignoring program.json: %s", error != NULL ? error->message : "no tracks");
      return;
    }
  array = program->tracks;

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
      plenary_schedule_builder_list_track (ctx->builder, track);
    }
}
