/* json-floor.c: the json-glib floor for build-aux/dev bench.
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times json_parser_load_from_file() on one file and prints the milliseconds and the
 * process's peak resident memory. Build: cc json-floor.c $(pkg-config --cflags --libs json-glib-1.0)
 */

#include <json-glib/json-glib.h>
#include <sys/resource.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) error = NULL;
  struct rusage usage;
  gint64 start;
  gint64 end;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE.json\n", argv[0]);
      return 2;
    }

  parser = json_parser_new ();
  start = g_get_monotonic_time ();
  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  end = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);
  g_print ("floor-ms: %.3f\n", (end - start) / 1000.0);
  g_print ("floor-rss-kib: %ld\n", usage.ru_maxrss);
  return 0;
}
