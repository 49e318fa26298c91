/* plenary-bench.c: in-process figures for build-aux/dev bench
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   plenary-bench import FOLDER   read, parse, index and store one event (the exports and the
 *                                 schedule cache), as a sync does once the bytes have
 *                                 arrived; prints import-ms and import-rss-kib
 *   plenary-bench resync FOLDER   serves the event on a loopback SoupServer, syncs it once,
 *                                 then times unchanged re-syncs; prints resync-ms (median)
 *   plenary-bench index FOLDER    times building the search index of the parsed event, as a
 *                                 look-up or a start does in a worker; prints index-ms (median)
 *   plenary-bench cache FOLDER    times making the schedule cache's bytes of the parsed event
 *                                 (no file written), as a commit does; prints cache-ms (median)
 *
 * Timed inside the process, like the json-glib floor, so that loading GTK's libraries does
 * not count as parsing. FOLDER holds the exports in the fixtures' shape.
 */

#include "config.h"

#include <sys/resource.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-benchmark.h"
#include "store/plenary-folder-loader.h"
#include "store/plenary-commit.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-snapshot.h"
#include "sync/plenary-sync-service.h"
#include "ui/plenary-search-engine.h"
#include "plenary-test-server.h"

#define N_RESYNCS 7
#define N_INDEXES 5
#define N_CACHES  7

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
run_import (const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (PlenarySnapshot) snapshot = NULL;
  g_autofree char *store = g_dir_make_tmp ("plenary-bench-XXXXXX", &error);
  g_autofree char *command = NULL;
  PlenaryIndicoParseFacts facts;
  gint64 start;
  gint64 parsed;
  gint64 end;

  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  sources = plenary_folder_loader_load (folder, &error);
  if (sources != NULL)
    schedule = plenary_indico_parse (sources, &facts, &error);
  parsed = g_get_monotonic_time ();
  if (schedule != NULL)
    {
      snapshot = plenary_snapshot_new (sources->timetable, sources->event, sources->program, NULL);
      /* As a sync does: the parse read the envelope's ts, the save need not read it again. */
      plenary_snapshot_set_ts (snapshot, facts.ts);
      /* What a sync stores: the exports, then the derived form start-up reads. */
      if (plenary_snapshot_save (snapshot, store, &error))
        plenary_store_write_cache (store, snapshot, schedule, &error);
    }
  end = g_get_monotonic_time ();
  if (error != NULL)
    {
      g_printerr ("%s: %s\n", folder, error->message);
      return 1;
    }

  g_print ("import-ms: %.3f\n", (end - start) / 1000.0);
  g_print ("read-parse-ms: %.3f\n", (parsed - start) / 1000.0);
  g_print ("store-ms: %.3f\n", (end - parsed) / 1000.0);
  g_print ("import-rss-kib: %ld\n", peak_rss_kib ());
  g_print ("talks: %u\n", g_list_model_get_n_items (plenary_schedule_get_entries (schedule)));

  command = g_strdup_printf ("rm -rf '%s'", store);
  return system (command) == 0 ? 0 : 1;
}

static gboolean
sync_once (PlenarySyncService *service,
           PlenaryEvent       *event,
           gboolean           *changed)
{
  g_autoptr (GError) error = NULL;

  if (!test_sync_event (service, event, changed, &error))
    {
      g_printerr ("sync: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
run_resync (const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_folder_loader_load (folder, &error);
  g_autoptr (TestServer) server = NULL;
  g_autoptr (PlenarySyncService) service = NULL;
  g_autoptr (PlenaryEvent) event = NULL;
  g_autofree char *timetable_path = NULL;
  g_autofree char *event_path = NULL;
  PlenarySchedule *first;
  double ms[N_RESYNCS];
  gboolean changed;

  if (sources == NULL)
    {
      g_printerr ("%s: %s\n", folder, error->message);
      return 1;
    }

  server = test_server_new ("127.0.0.1");
  timetable_path = g_strdup_printf ("/export/timetable/%s.json", sources->event_id);
  event_path = g_strdup_printf ("/export/event/%s.json", sources->event_id);
  test_server_reply (server, timetable_path, 200, "application/json", sources->timetable,
                     NULL, NULL, TEST_REPLY_NORMAL);
  test_server_reply (server, event_path, 200, "application/json", sources->event, NULL, NULL,
                     TEST_REPLY_NORMAL);

  service = plenary_sync_service_new ();
  g_object_set (service, "use-keyring", FALSE, "refresh-interval", 0, NULL);
  event = plenary_event_new (server->base, sources->event_id);

  if (!sync_once (service, event, &changed) || !changed)
    return 1;
  first = plenary_event_get_schedule (event);

  for (guint i = 0; i < N_RESYNCS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!sync_once (service, event, &changed))
        return 1;
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      /* "Unchanged" must mean nothing parsed and nothing swapped. */
      if (changed || plenary_event_get_schedule (event) != first)
        {
          g_printerr ("an unchanged re-sync parsed or replaced the schedule\n");
          return 1;
        }
    }
  plenary_benchmark_sort (ms, N_RESYNCS);
  g_print ("resync-ms: %.3f\n", plenary_benchmark_percentile (ms, N_RESYNCS, 50));
  g_print ("resync-parsed: no\n");
  return 0;
}

static int
run_index (const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_folder_loader_load (folder, &error);
  double ms[N_INDEXES];

  if (sources == NULL)
    {
      g_printerr ("%s: %s\n", folder, error->message);
      return 1;
    }
  for (guint i = 0; i < N_INDEXES; i++)
    {
      /* A schedule keeps its index: each build needs a schedule of its own. */
      g_autoptr (PlenarySchedule) schedule = plenary_indico_parse (sources, NULL, &error);
      g_autoptr (PlenarySearchEngine) engine = plenary_search_engine_new ();
      gint64 start;

      if (schedule == NULL)
        {
          g_printerr ("%s: %s\n", folder, error->message);
          return 1;
        }
      start = g_get_monotonic_time ();
      plenary_search_engine_set_schedule (engine, schedule);
      while (!plenary_search_engine_get_ready (engine))
        g_main_context_iteration (NULL, TRUE);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  plenary_benchmark_sort (ms, N_INDEXES);
  g_print ("index-ms: %.3f\n", plenary_benchmark_percentile (ms, N_INDEXES, 50));
  return 0;
}

static int
run_cache (const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_folder_loader_load (folder, &error);
  g_autoptr (PlenarySchedule) schedule = NULL;
  static const char *const no_stamps[] = { "", "", "" };
  PlenaryScheduleCacheSource source = { { "0", "0", NULL }, no_stamps };
  double ms[N_CACHES];

  if (sources != NULL)
    schedule = plenary_indico_parse (sources, NULL, &error);
  if (schedule == NULL)
    {
      g_printerr ("%s: %s\n", folder, error->message);
      return 1;
    }
  for (guint i = 0; i < N_CACHES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GBytes) bytes = plenary_schedule_cache_serialize (schedule, &source);

      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        g_print ("cache-bytes: %" G_GSIZE_FORMAT "\n", g_bytes_get_size (bytes));
    }
  plenary_benchmark_sort (ms, N_CACHES);
  g_print ("cache-ms: %.3f\n", plenary_benchmark_percentile (ms, N_CACHES, 50));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc != 3)
    {
      g_printerr ("usage: %s import|resync|index|cache FOLDER\n", argv[0]);
      return 2;
    }
  if (g_str_equal (argv[1], "import"))
    return run_import (argv[2]);
  if (g_str_equal (argv[1], "resync"))
    return run_resync (argv[2]);
  if (g_str_equal (argv[1], "index"))
    return run_index (argv[2]);
  if (g_str_equal (argv[1], "cache"))
    return run_cache (argv[2]);
  g_printerr ("usage: %s import|resync|index|cache FOLDER\n", argv[0]);
  return 2;
}
