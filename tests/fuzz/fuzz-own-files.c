/* fuzz-own-files.c: libFuzzer harnesses for the readers of Plenary's own files
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One source, one executable per file (FUZZ_FILE picks it): the input becomes that file in
 * a throwaway event directory and the real reader loads it, as a start-up does. Whatever the
 * bytes, the reader must return (a damaged file is set aside and reported), never crash,
 * never recurse off the stack, never read past what it was given.
 *
 *   fuzz-user-data       user.json        plenary_user_data_load_async()
 *   fuzz-meta            meta.json        plenary_snapshot_load(), plenary_snapshot_open_mapped()
 *   fuzz-events-list     events.json      plenary_event_list_load_async()
 *   fuzz-schedule-cache  schedule.cache   plenary_schedule_cache_load()
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/plenary-entry.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-snapshot.h"
#include "store/plenary-store.h"
#include "store/plenary-user-data.h"
#include "store/plenary-event-list.h"

#define FUZZ_USER_DATA      1
#define FUZZ_META           2
#define FUZZ_EVENTS_LIST    3
#define FUZZ_SCHEDULE_CACHE 4

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *root;
static char *event_dir;

static void
set_up (void)
{
  g_autofree char *data_home = NULL;

  if (root != NULL)
    return;
  root = g_dir_make_tmp ("plenary-fuzz-XXXXXX", NULL);
  g_assert_nonnull (root);
  data_home = g_build_filename (root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  event_dir = g_build_filename (data_home, "plenary", "events", "lpc.events", "11", NULL);
  g_assert_cmpint (g_mkdir_with_parents (event_dir, 0700), ==, 0);
}

/* Empties the event directory (and previous/): each input starts from nothing. */
static void
clear_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          clear_dir (path);
          g_rmdir (path);
        }
      else
        g_unlink (path);
    }
}

static void
write_input (const char    *path,
             const uint8_t *data,
             size_t         size)
{
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
}

#if FUZZ_FILE == FUZZ_USER_DATA || FUZZ_FILE == FUZZ_EVENTS_LIST
static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

#if FUZZ_FILE == FUZZ_USER_DATA
  plenary_user_data_load_finish (PLENARY_USER_DATA (object), result, &error);
#elif FUZZ_FILE == FUZZ_EVENTS_LIST
  plenary_event_list_load_finish (PLENARY_EVENT_LIST (object), result, &error);
#endif
  *(gboolean *) user_data = TRUE;
}
#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;

  set_up ();
  clear_dir (event_dir);

#if FUZZ_FILE == FUZZ_USER_DATA
  {
    g_autoptr (PlenaryUserData) user = NULL;
    gboolean done = FALSE;

    path = g_build_filename (event_dir, "user.json", NULL);
    write_input (path, data, size);
    user = plenary_user_data_new (path);
    plenary_user_data_load_async (user, NULL, done_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    /* Whatever was read answers lookups. */
    plenary_user_data_get_starred (user, "941");
    plenary_user_data_get_note (user, "941");
  }
#elif FUZZ_FILE == FUZZ_META
  {
    g_autoptr (PlenarySnapshot) mapped = NULL;
    g_autoptr (PlenarySnapshot) loaded = NULL;
    g_auto (GStrv) stamps = NULL;
    g_autofree char *timetable = g_build_filename (event_dir, "timetable.json", NULL);

    path = g_build_filename (event_dir, "meta.json", NULL);
    write_input (path, data, size);
    g_assert_true (g_file_set_contents (timetable, "{}", -1, NULL));
    mapped = plenary_snapshot_open_mapped (event_dir, &stamps, NULL);
    loaded = plenary_snapshot_load (event_dir, NULL, NULL);
  }
#elif FUZZ_FILE == FUZZ_EVENTS_LIST
  {
    g_autoptr (PlenaryEventList) list = NULL;
    gboolean done = FALSE;

    path = plenary_store_get_events_file ();
    write_input (path, data, size);
    list = plenary_event_list_new (path);
    plenary_event_list_load_async (list, NULL, done_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_unlink (path);
  }
#elif FUZZ_FILE == FUZZ_SCHEDULE_CACHE
  {
    g_autoptr (PlenarySchedule) schedule = NULL;

    path = g_build_filename (event_dir, PLENARY_SCHEDULE_CACHE_FILE, NULL);
    write_input (path, data, size);
    /* The last-resort way (no snapshot to match): every table is still checked. */
    schedule = plenary_schedule_cache_load (event_dir, NULL, NULL);
    if (schedule != NULL)
      {
        GListModel *entries = plenary_schedule_get_entries (schedule);

        for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
          {
            g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

            /* Every string it hands out is readable. */
            g_assert_true (strlen (plenary_entry_get_title (entry)) < G_MAXSIZE);
          }
      }
  }
#else
#error "FUZZ_FILE must name one of Plenary's files"
#endif

  /* Files set aside (*.corrupt-*) pile up otherwise. */
  clear_dir (event_dir);
  return 0;
}
