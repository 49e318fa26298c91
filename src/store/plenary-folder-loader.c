/* plenary-folder-loader.c: an event folder's stored exports, read from disk
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder is one Plenary stores (timetable.json, event.json, program.json) or one in the
 * fixtures' shape; what it holds is handed to the parser as PlenaryIndicoSources, untouched.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "indico/plenary-indico-client.h"
#include "plenary-folder-loader.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
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
    { PLENARY_INDICO_TIMETABLE_FILE, "export-timetable-", SOURCE_TIMETABLE },
    { PLENARY_INDICO_EVENT_FILE, "export-event-", SOURCE_EVENT },
    { PLENARY_INDICO_PROGRAM_FILE, "program-", SOURCE_PROGRAM },
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
plenary_folder_loader_load (const char  *directory,
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
  g_ptr_array_sort (names, compare_names);

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
