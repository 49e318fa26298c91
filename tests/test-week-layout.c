/* test-week-layout.c: geometry of the per-room week grid, and its PDF and PNG export
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "ui/plenary-week-layout.h"

/* A timetable export in Indico 3.x's shape: @entries_json is the inside of one day's object. */
static PlenarySchedule *
parse_timetable (const char *days_json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autofree char *json = g_strdup_printf (
    "{\"count\":1,\"additionalInfo\":{},\"ts\":1,\"_type\":\"HTTPAPIResult\","
    "\"url\":\"https://example.org/export/timetable/7.json\",\"results\":{\"7\":{%s}}}",
    days_json);
  PlenarySchedule *schedule;

  sources->timetable = g_bytes_new (json, strlen (json));
  sources->event_id = g_strdup ("7");
  schedule = plenary_indico_parse (sources, &error);
  g_assert_no_error (error);
  return schedule;
}

#define DATE(d, t) "{\"date\":\"" d "\",\"time\":\"" t "\",\"tz\":\"Europe/Vienna\"}"

static char *
talk (const char *id,
      const char *day,
      const char *start,
      const char *end,
      const char *title)
{
  return g_strdup_printf (
    "\"%s\":{\"id\":\"%s\",\"uniqueId\":\"%s\",\"entryType\":\"Contribution\","
    "\"conferenceId\":7,\"contributionId\":%d,\"title\":\"%s\",\"description\":\"\","
    "\"startDate\":{\"date\":\"%s\",\"time\":\"%s\",\"tz\":\"Europe/Vienna\"},"
    "\"endDate\":{\"date\":\"%s\",\"time\":\"%s\",\"tz\":\"Europe/Vienna\"},"
    "\"duration\":30.0,\"location\":\"Venue\",\"room\":\"Hall A\",\"inheritLoc\":false,"
    "\"inheritRoom\":false,\"presenters\":[],\"attachments\":{\"files\":null,\"folders\":[]},"
    "\"sessionId\":null,\"sessionSlotId\":null,\"sessionSlotEntryId\":null}",
    id, id, id, atoi (id + 1), title, day, start, day, end);
}

static PlenaryRoom *
find_room (PlenarySchedule *schedule,
           const char      *name)
{
  PlenaryRoom *room = plenary_schedule_lookup_room (schedule, name);

  g_assert_nonnull (room);
  return room;
}

static void
test_box_rectangles (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  PlenaryRoom *room = find_room (schedule, "Microconference1/Virtual-Room");
  g_autoptr (PlenaryWeekLayout) layout = plenary_week_layout_new (schedule, room);
  int first = plenary_week_layout_get_first_minute (layout);
  guint talks = 0;

  g_assert_cmpuint (plenary_week_layout_get_n_days (layout), ==, 5);
  g_assert_cmpint (first % 60, ==, 0);

  for (double zoom = 30; zoom <= 240; zoom *= 2)
    {
      plenary_week_layout_set_geometry (layout, 100, zoom, -1);
      for (guint i = 0; i < plenary_week_layout_get_n_boxes (layout); i++)
        {
          const PlenaryWeekBox *box = plenary_week_layout_get_box (layout, i);
          double expected_y = PLENARY_WEEK_HEADER_HEIGHT
                              + (box->start_minute - first) / 60.0 * zoom;
          double expected_h = (box->end_minute - box->start_minute) / 60.0 * zoom;

          /* Top proportional to start, height to duration, in the day's column. */
          g_assert_cmpfloat_with_epsilon (box->rect.origin.y, expected_y, 0.01);
          g_assert_cmpfloat (box->rect.origin.x, >=, PLENARY_WEEK_AXIS_WIDTH + box->day * 100);
          g_assert_cmpfloat (box->rect.origin.x + box->rect.size.width, <=,
                             PLENARY_WEEK_AXIS_WIDTH + (box->day + 1) * 100);
          if (box->kind != PLENARY_WEEK_BOX_BAND && expected_h > 18)
            g_assert_cmpfloat_with_epsilon (box->rect.size.height, expected_h - 1, 0.01);
          if (box->kind == PLENARY_WEEK_BOX_TALK && zoom == 30)
            talks++;
        }
    }
  g_assert_cmpuint (talks, >, 10);

  /* One day alone takes the first column. */
  plenary_week_layout_set_geometry (layout, 300, 60, 2);
  for (guint i = 0; i < plenary_week_layout_get_n_boxes (layout); i++)
    {
      const PlenaryWeekBox *box = plenary_week_layout_get_box (layout, i);

      if (box->day == 2)
        g_assert_cmpfloat (box->rect.origin.x, <, PLENARY_WEEK_AXIS_WIDTH + 300);
      else
        g_assert_cmpfloat (box->rect.size.width, ==, 0);
    }
}

static void
test_overlap_packing (void)
{
  g_autofree char *a = talk ("c101", "2024-09-18", "10:00:00", "11:00:00", "Long");
  g_autofree char *b = talk ("c102", "2024-09-18", "10:15:00", "10:45:00", "Inside");
  g_autofree char *c = talk ("c103", "2024-09-18", "10:30:00", "11:30:00", "Later");
  g_autofree char *d = talk ("c104", "2024-09-18", "12:00:00", "12:30:00", "Alone");
  g_autofree char *days = g_strdup_printf ("\"20240918\":{%s,%s,%s,%s}", a, b, c, d);
  g_autoptr (PlenarySchedule) schedule = parse_timetable (days);
  g_autoptr (PlenaryWeekLayout) layout =
    plenary_week_layout_new (schedule, find_room (schedule, "Hall A"));
  guint columns[4] = { 0 };

  plenary_week_layout_set_geometry (layout, 300, 60, -1);
  g_assert_cmpuint (plenary_week_layout_get_n_boxes (layout), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const PlenaryWeekBox *box = plenary_week_layout_get_box (layout, i);
      const char *title = plenary_entry_get_title (box->entry);

      if (g_str_equal (title, "Alone"))
        {
          g_assert_cmpuint (box->n_columns, ==, 1);
          continue;
        }
      /* Three overlapping talks: "Later" reuses no column, all three side by side. */
      g_assert_cmpuint (box->n_columns, ==, 3);
      columns[box->column]++;
    }
  g_assert_cmpuint (columns[0], ==, 1);
  g_assert_cmpuint (columns[1], ==, 1);
  g_assert_cmpuint (columns[2], ==, 1);

  /* Boxes of one cluster never overlap on screen. */
  for (guint i = 0; i < 4; i++)
    for (guint j = i + 1; j < 4; j++)
      {
        const PlenaryWeekBox *x = plenary_week_layout_get_box (layout, i);
        const PlenaryWeekBox *y = plenary_week_layout_get_box (layout, j);

        g_assert_false (graphene_rect_intersection (&x->rect, &y->rect, NULL));
      }
}

static void
test_midnight_block_on_both_days (void)
{
  const char *days =
    "\"20240918\":{\"s500\":{\"id\":\"s500\",\"uniqueId\":\"s500\",\"entryType\":\"Session\","
    "\"conferenceId\":7,\"sessionId\":1,\"sessionSlotId\":2,\"title\":\"Night hack\","
    "\"slotTitle\":\"\",\"color\":\"#e3f2d3\",\"textColor\":\"#202020\",\"description\":\"\","
    "\"startDate\":" DATE ("2024-09-18", "22:00:00") ",\"endDate\":" DATE ("2024-09-19", "02:00:00")
    ",\"duration\":240.0,\"location\":\"Venue\",\"room\":\"Hall A\",\"inheritLoc\":false,"
    "\"inheritRoom\":false,\"conveners\":[],\"isPoster\":false,\"entries\":{}}},"
    "\"20240919\":{\"s500\":{\"id\":\"s500\",\"uniqueId\":\"s500\",\"entryType\":\"Session\","
    "\"conferenceId\":7,\"sessionId\":1,\"sessionSlotId\":2,\"title\":\"Night hack\","
    "\"slotTitle\":\"\",\"color\":\"#e3f2d3\",\"textColor\":\"#202020\",\"description\":\"\","
    "\"startDate\":" DATE ("2024-09-18", "22:00:00") ",\"endDate\":" DATE ("2024-09-19", "02:00:00")
    ",\"duration\":240.0,\"location\":\"Venue\",\"room\":\"Hall A\",\"inheritLoc\":false,"
    "\"inheritRoom\":false,\"conveners\":[],\"isPoster\":false,\"entries\":{}}}";
  g_autoptr (PlenarySchedule) schedule = parse_timetable (days);
  g_autoptr (PlenaryWeekLayout) layout =
    plenary_week_layout_new (schedule, find_room (schedule, "Hall A"));
  const PlenaryWeekBox *first, *second;

  g_assert_cmpuint (plenary_schedule_get_n_blocks (schedule), ==, 1);
  g_assert_cmpuint (plenary_week_layout_get_n_boxes (layout), ==, 2);
  first = plenary_week_layout_get_box (layout, 0);
  second = plenary_week_layout_get_box (layout, 1);
  g_assert_cmpuint (first->day, ==, 0);
  g_assert_cmpint (first->start_minute, ==, 22 * 60);
  g_assert_cmpint (first->end_minute, ==, 24 * 60);
  g_assert_cmpuint (second->day, ==, 1);
  g_assert_cmpint (second->start_minute, ==, 0);
  g_assert_cmpint (second->end_minute, ==, 2 * 60);
  g_assert_true (first->entry == second->entry);
  /* The axis covers both pieces: from midnight to midnight. */
  g_assert_cmpint (plenary_week_layout_get_first_minute (layout), ==, 0);
  g_assert_cmpint (plenary_week_layout_get_last_minute (layout), ==, 24 * 60);
}

static void
test_hit_testing (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenaryWeekLayout) layout =
    plenary_week_layout_new (schedule, find_room (schedule, "Refereed Track/Virtual-Room"));
  g_autoptr (GArray) order = NULL;

  plenary_week_layout_set_geometry (layout, 200, 120, -1);
  order = plenary_week_layout_get_focus_order (layout);
  g_assert_cmpuint (order->len, >, 5);
  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      const PlenaryWeekBox *box = plenary_week_layout_get_box (layout, index);
      graphene_point_t centre;

      graphene_rect_get_center (&box->rect, &centre);
      g_assert_cmpint (plenary_week_layout_hit (layout, centre.x, centre.y), ==, index);
      g_assert_true (box->kind != PLENARY_WEEK_BOX_BAND);
      if (i > 0)
        {
          const PlenaryWeekBox *previous =
            plenary_week_layout_get_box (layout, g_array_index (order, guint, i - 1));

          g_assert_true (previous->day < box->day
                         || (previous->day == box->day
                             && previous->start_minute <= box->start_minute));
        }
    }
  g_assert_cmpint (plenary_week_layout_hit (layout, 5, 5), ==, -1);
}

static void
test_export_pdf_and_png (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenaryWeekLayout) layout =
    plenary_week_layout_new (schedule, find_room (schedule, "Microconference1/Virtual-Room"));
  g_autofree char *pdf = g_build_filename (plenary_test_get_tmpdir (), "week.pdf", NULL);
  g_autofree char *png = g_build_filename (plenary_test_get_tmpdir (), "week.png", NULL);
  g_autofree char *page = g_build_filename (plenary_test_get_tmpdir (), "page", NULL);
  g_autofree char *page_png = g_strconcat (page, "-1.png", NULL);
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdftoppm", "-png", "-r", "50", "-singlefile", pdf, page, NULL };
  g_autofree char *single = g_strconcat (page, ".png", NULL);
  cairo_surface_t *image;
  int status = 0;

  g_assert_true (plenary_week_layout_export (layout, pdf, PLENARY_WEEK_EXPORT_PDF, &error));
  g_assert_no_error (error);
  g_assert_true (plenary_week_layout_export (layout, png, PLENARY_WEEK_EXPORT_PNG, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* Five day columns of 180 px at twice the scale, plus the time axis. */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * (PLENARY_WEEK_AXIS_WIDTH + 5 * 180));
  cairo_surface_destroy (image);

  /* The PDF opens in a real PDF renderer and shows the same page. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  image = cairo_image_surface_create_from_png (single);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), >, 300);
  cairo_surface_destroy (image);
  g_unlink (page_png);

  /* An unwritable place is a clear error, not a crash. */
  g_assert_false (plenary_week_layout_export (layout, "/nonexistent/dir/week.png",
                                              PLENARY_WEEK_EXPORT_PNG, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/week-layout/box-rectangles", test_box_rectangles);
  g_test_add_func ("/week-layout/overlap-packing", test_overlap_packing);
  g_test_add_func ("/week-layout/midnight-block-on-both-days", test_midnight_block_on_both_days);
  g_test_add_func ("/week-layout/hit-testing", test_hit_testing);
  g_test_add_func ("/week-layout/export-pdf-and-png", test_export_pdf_and_png);

  return g_test_run ();
}
