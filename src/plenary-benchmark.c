/* plenary-benchmark.c: --benchmark-startup, the figures build-aux/dev bench reads
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the time from main() to the first frame painted with the stored schedule on
 * screen, then times search keystrokes and day switches on the schedule view, prints the
 * resident memory, and quits. Kept apart from the application, which only switches it on.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/plenary-entry.h"
#include "model/plenary-person.h"
#include "plenary-benchmark.h"
#include "ui/plenary-window.h"

/* g_get_monotonic_time() when main() began. */
static gint64 process_start_us;

void
plenary_benchmark_mark_process_start (void)
{
  process_start_us = g_get_monotonic_time ();
}

static gsize
vm_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "\nVmRSS:");
  return line != NULL ? (gsize) g_ascii_strtoull (line + 7, NULL, 10) : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

void
plenary_benchmark_sort (double *values,
                        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
}

double
plenary_benchmark_percentile (const double *sorted,
                              guint         n,
                              double        p)
{
  guint rank = (guint) ceil (p / 100.0 * n);

  return n == 0 ? 0 : sorted[MAX (rank, 1) - 1];
}

typedef struct
{
  gint64   paint_started;
  gint64   paint_ended;
} BenchmarkFrame;

static void
benchmark_before_paint_cb (GdkFrameClock  *clock,
                           BenchmarkFrame *frame)
{
  if (frame->paint_started == 0)
    frame->paint_started = g_get_monotonic_time ();
}

static void
benchmark_frame_painted_cb (GdkFrameClock  *clock,
                            BenchmarkFrame *frame)
{
  if (frame->paint_started != 0 && frame->paint_ended == 0)
    frame->paint_ended = g_get_monotonic_time ();
}

typedef struct
{
  PlenaryScheduleView *view;
  GPtrArray           *queries;
} BenchmarkTarget;

/* Query @index, or an empty search for G_MAXUINT. */
static void
benchmark_search (BenchmarkTarget *target,
                  guint            index)
{
  plenary_schedule_view_set_search (target->view, index < target->queries->len
                                                  ? target->queries->pdata[index] : "");
}

static void
benchmark_day (BenchmarkTarget *target,
               guint            index)
{
  plenary_schedule_view_set_day (target->view, index);
}

/* Runs @change, then lets the main loop finish what it queued and paint the next frame.
 * Returns the milliseconds of work: the call, the idle work it left, and the next frame
 * from its layout to the end of its paint, without the wait for the frame clock's tick
 * (which paces frames, and is no work). */
static double
benchmark_change (GtkWidget        *widget,
                  void            (*change) (BenchmarkTarget *target, guint index),
                  BenchmarkTarget  *target,
                  guint             index)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  BenchmarkFrame frame = { 0, };
  gulong before_id = g_signal_connect (clock, "before-paint",
                                       G_CALLBACK (benchmark_before_paint_cb), &frame);
  gulong after_id = g_signal_connect (clock, "after-paint",
                                      G_CALLBACK (benchmark_frame_painted_cb), &frame);
  gint64 start = g_get_monotonic_time ();
  gint64 handled;

  change (target, index);
  while (g_main_context_iteration (NULL, FALSE) && frame.paint_started == 0)
    ;
  handled = frame.paint_started != 0 ? frame.paint_started : g_get_monotonic_time ();
  /* Always wait for one frame, so that what the change queued is laid out and painted. */
  gtk_widget_queue_draw (widget);
  while (frame.paint_ended == 0)
    {
      if (frame.paint_started == 0)
        handled = g_get_monotonic_time ();
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, before_id);
  g_signal_handler_disconnect (clock, after_id);

  return ((handled - start) + (frame.paint_ended - frame.paint_started)) / 1000.0;
}

/* 100 keystrokes: the first 10 characters of 5 talk titles and 5 speaker names, typed one
 * character at a time, picked evenly through the programme. */
static GPtrArray *
benchmark_queries (PlenarySchedule *schedule)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  GListModel *entries = plenary_schedule_get_entries (schedule);
  GListModel *people = plenary_schedule_get_people (schedule);
  guint n_entries = g_list_model_get_n_items (entries);
  guint n_people = g_list_model_get_n_items (people);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (GObject) item = NULL;
      const char *text = NULL;

      if (i % 2 == 0 && n_entries > 0)
        {
          item = g_list_model_get_item (entries, (i / 2 * 2 + 1) * n_entries / 10);
          text = plenary_entry_get_title (PLENARY_ENTRY (item));
        }
      else if (n_people > 0)
        {
          item = g_list_model_get_item (people, (i / 2 * 2 + 1) * n_people / 10);
          text = plenary_person_get_name (PLENARY_PERSON (item));
        }
      if (text == NULL || *text == '\0')
        text = "kernel";
      for (int k = 1; k <= 10; k++)
        {
          const char *end = g_utf8_offset_to_pointer (text, MIN (k, g_utf8_strlen (text, -1)));

          g_ptr_array_add (queries, g_strndup (text, end - text));
        }
    }
  return queries;
}

static void
benchmark_interactions (PlenaryWindow *window)
{
  PlenaryScheduleView *view = plenary_window_get_schedule_view (window);
  PlenarySchedule *schedule = plenary_window_get_schedule (window);
  g_autoptr (GPtrArray) queries = benchmark_queries (schedule);
  guint n_days = g_list_model_get_n_items (plenary_schedule_get_days (schedule));
  g_autofree double *search_ms = g_new0 (double, queries->len);
  g_autofree double *day_ms = g_new0 (double, n_days + 1);
  BenchmarkTarget target = { view, queries };
  guint n_switches = 0;

  for (guint i = 0; i < queries->len; i++)
    {
      search_ms[i] = benchmark_change (GTK_WIDGET (window), benchmark_search, &target, i);
      g_debug ("benchmark: search “%s”: %.3f ms", (const char *) g_ptr_array_index (queries, i),
               search_ms[i]);
    }
  benchmark_change (GTK_WIDGET (window), benchmark_search, &target, G_MAXUINT);

  /* Every day once, then back to the first. */
  for (guint d = 1; d <= n_days && n_days > 1; d++)
    {
      day_ms[n_switches] = benchmark_change (GTK_WIDGET (window), benchmark_day, &target,
                                             d % n_days);
      g_debug ("benchmark: day %u: %.3f ms", d % n_days, day_ms[n_switches]);
      n_switches++;
    }

  plenary_benchmark_sort (search_ms, queries->len);
  plenary_benchmark_sort (day_ms, n_switches);
  g_print ("search-queries: %u\n", queries->len);
  g_print ("search-p50-ms: %.3f\n", plenary_benchmark_percentile (search_ms, queries->len, 50));
  g_print ("search-p95-ms: %.3f\n", plenary_benchmark_percentile (search_ms, queries->len, 95));
  g_print ("day-switches: %u\n", n_switches);
  g_print ("day-switch-p50-ms: %.3f\n", plenary_benchmark_percentile (day_ms, n_switches, 50));
  g_print ("day-switch-p95-ms: %.3f\n", plenary_benchmark_percentile (day_ms, n_switches, 95));
}

static gboolean
benchmark_quit_cb (gpointer user_data)
{
  PlenaryWindow *window = user_data;
  PlenaryScheduleView *view = plenary_window_get_schedule_view (window);

  /* Keystrokes are timed once the search index, built in the background after the first
   * frame, is in: until then a keystroke returns at once but its answer waits for the index. */
  while (!plenary_schedule_view_get_search_ready (view))
    g_main_context_iteration (NULL, TRUE);
  g_print ("search-ready-ms: %.3f\n", (g_get_monotonic_time () - process_start_us) / 1000.0);
  benchmark_interactions (window);
  g_print ("steady-rss-kib: %" G_GSIZE_FORMAT "\n", vm_rss_kib ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  return G_SOURCE_REMOVE;
}

static void
benchmark_after_paint_cb (GdkFrameClock *clock,
                          PlenaryWindow *window)
{
  gint64 now = g_get_monotonic_time ();

  /* The schedule is set from the main loop, between frames: this frame has painted it. */
  if (plenary_window_get_schedule (window) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, benchmark_after_paint_cb, window);
  g_print ("startup-ms: %.3f\n", (now - process_start_us) / 1000.0);
  g_print ("first-frame-monotonic-us: %" G_GINT64_FORMAT "\n", now);
  g_print ("title: %s\n", gtk_window_get_title (GTK_WINDOW (window)));
  g_print ("first-frame-rss-kib: %" G_GSIZE_FORMAT "\n", vm_rss_kib ());
  g_idle_add_full (G_PRIORITY_LOW, benchmark_quit_cb, g_object_ref (window), g_object_unref);
}

static void
benchmark_window_mapped_cb (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (benchmark_after_paint_cb), widget, 0);
}

void
plenary_benchmark_startup (PlenaryWindow *window)
{
  g_return_if_fail (PLENARY_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (benchmark_window_mapped_cb), NULL);
}
