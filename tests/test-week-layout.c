/* test-week-layout.c: geometry of the per-room week grid, and its PDF and PNG export
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <pango/pangocairo.h>
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
  schedule = plenary_indico_parse (sources, NULL, &error);
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

          /* Top proportional to start, height to duration, in the day's column; only a box
           * right after one drawn taller than its duration (one line) starts a little lower. */
          gboolean pushed = box->rect.origin.y > expected_y + 0.01;

          g_assert_cmpfloat (box->rect.origin.y, >=, expected_y - 0.01);
          g_assert_cmpfloat (box->rect.origin.y, <=, expected_y + PLENARY_WEEK_MIN_BOX_HEIGHT + 1);
          g_assert_cmpfloat (box->rect.origin.x, >=, PLENARY_WEEK_AXIS_WIDTH + box->day * 100);
          g_assert_cmpfloat (box->rect.origin.x + box->rect.size.width, <=,
                             PLENARY_WEEK_AXIS_WIDTH + (box->day + 1) * 100);
          if (box->kind != PLENARY_WEEK_BOX_BAND && expected_h > 18 && !pushed)
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
  const PlenaryWeekBox *box;

  g_assert_cmpuint (plenary_schedule_get_n_blocks (schedule), ==, 1);
  /* Once, in the column of the day it starts, running on below midnight: not cut in two, not
   * shown whole again on the second day. */
  g_assert_cmpuint (plenary_week_layout_get_n_boxes (layout), ==, 1);
  box = plenary_week_layout_get_box (layout, 0);
  g_assert_cmpuint (box->day, ==, 0);
  g_assert_cmpint (box->start_minute, ==, 22 * 60);
  g_assert_cmpint (box->end_minute, ==, 26 * 60);
  /* The axis covers that night only, not 00:00–24:00. */
  g_assert_cmpint (plenary_week_layout_get_first_minute (layout), ==, 22 * 60);
  g_assert_cmpint (plenary_week_layout_get_last_minute (layout), ==, 26 * 60);
  /* The second day has nothing of its own: a narrow column. */
  g_assert_false (plenary_week_layout_day_is_empty (layout, 0));
  g_assert_true (plenary_week_layout_day_is_empty (layout, 1));
  plenary_week_layout_set_geometry (layout, 200, 60, -1);
  g_assert_cmpfloat (plenary_week_layout_get_width_for (layout, 200, -1), ==,
                     PLENARY_WEEK_AXIS_WIDTH + 200 + PLENARY_WEEK_EMPTY_DAY_WIDTH);
}

/* Two rooms' worth of talks as the quirks of real programmes come: a 5-minute opening, a
 * talk of one hour with many speakers, and the block crossing midnight with its talks. */
static PlenarySchedule *
parse_short_and_night (void)
{
  const char *presenters =
    "[{\"firstName\":\"Ada\",\"familyName\":\"Lovelace\",\"name\":\"Ada Lovelace\","
    "\"affiliation\":\"Analytical Engines\"},{\"firstName\":\"Grace\",\"familyName\":\"Hopper\","
    "\"name\":\"Grace Hopper\",\"affiliation\":\"Navy\"},{\"firstName\":\"Alan\","
    "\"familyName\":\"Turing\",\"name\":\"Alan Turing\",\"affiliation\":\"Bletchley\"},"
    "{\"firstName\":\"Edsger\",\"familyName\":\"Dijkstra\",\"name\":\"Edsger Dijkstra\","
    "\"affiliation\":\"Eindhoven\"}]";
  g_autofree char *opening = talk ("c201", "2024-09-18", "07:00:00", "07:05:00", "Opening");
  g_autofree char *next = talk ("c202", "2024-09-18", "07:05:00", "07:10:00", "Welcome");
  g_autofree char *long_talk = talk ("c203", "2024-09-18", "07:10:00", "07:35:00",
                                     "A talk whose title is long enough to wrap over several "
                                     "lines in a narrow column of the week grid");
  g_autofree char *with_people = NULL;
  g_autofree char *days = NULL;

  with_people = g_strjoin ("", "", NULL);
  {
    /* The long talk with four speakers. */
    GString *text = g_string_new (long_talk);
    const char *marker = "\"presenters\":[]";
    char *at = strstr (text->str, marker);

    g_string_erase (text, at - text->str, strlen (marker));
    g_string_insert (text, at - text->str, "\"presenters\":");
    g_string_insert (text, at - text->str + strlen ("\"presenters\":"), presenters);
    g_free (with_people);
    with_people = g_string_free (text, FALSE);
  }
  days = g_strdup_printf ("\"20240918\":{%s,%s,%s}", opening, next, with_people);
  return parse_timetable (days);
}

static void
test_minimum_height_text (void)
{
  g_autoptr (PlenarySchedule) schedule = parse_short_and_night ();
  g_autoptr (PlenaryWeekLayout) layout =
    plenary_week_layout_new (schedule, find_room (schedule, "Hall A"));
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr (GObject) context_object = G_OBJECT (pango_font_map_create_context (map));
  PangoContext *context = PANGO_CONTEXT (context_object);

  /* At the smallest zoom a 5-minute box is 3 px tall by its time; it is drawn tall enough for
   * one line, and the next one does not sit under it. */
  plenary_week_layout_set_geometry (layout, 150, 36, -1);
  g_assert_cmpuint (plenary_week_layout_get_n_boxes (layout), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const PlenaryWeekBox *box = plenary_week_layout_get_box (layout, i);
      PlenaryWeekBoxText text;
      graphene_point_t centre;

      plenary_week_layout_plan_text (layout, context, box, FALSE, &text);
      g_assert_cmpfloat (box->rect.size.height, >=, PLENARY_WEEK_MIN_BOX_HEIGHT);
      if (box->end_minute - box->start_minute == 5)
        g_assert_true (text.one_line);
      if (text.one_line)
        {
          /* "07:00 · Opening": the time kept, on one whole line. */
          g_assert_false (text.time_line);
          g_assert_cmpfloat (text.line_height, <=, box->rect.size.height);
        }
      else
        {
          double used = text.line_height * text.title_lines;

          g_assert_true (text.time_line);
          g_assert_cmpint (text.title_lines, >=, 1);
          /* Whole lines only: what is drawn fits the box. */
          g_assert_cmpfloat (used + text.speaker_lines * 10, <=, box->rect.size.height);
        }
      /* Hovering a box finds that box, not its neighbour. */
      graphene_rect_get_center (&box->rect, &centre);
      g_assert_cmpint (plenary_week_layout_hit (layout, centre.x, centre.y), ==, (int) i);
      for (guint j = i + 1; j < 3; j++)
        g_assert_false (graphene_rect_intersection (&box->rect,
                                                    &plenary_week_layout_get_box (layout, j)->rect,
                                                    NULL));
    }

  /* Zoomed in, the long talk shows its time, its title and its speakers in whole lines. */
  plenary_week_layout_set_geometry (layout, 150, 480, -1);
  {
    const PlenaryWeekBox *box = plenary_week_layout_get_box (layout, 2);
    PlenaryWeekBoxText text;

    plenary_week_layout_plan_text (layout, context, box, FALSE, &text);
    g_assert_false (text.one_line);
    g_assert_true (text.time_line);
    g_assert_cmpint (text.title_lines, >, 1);
    g_assert_cmpint (text.speaker_lines, >=, 1);
  }
}

static void
test_rtl_mirrors (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  PlenaryRoom *room = find_room (schedule, "Microconference1/Virtual-Room");
  g_autoptr (PlenaryWeekLayout) ltr = plenary_week_layout_new (schedule, room);
  g_autoptr (PlenaryWeekLayout) rtl = plenary_week_layout_new (schedule, room);
  double width, height;

  plenary_week_layout_set_geometry (ltr, 170, 80, -1);
  plenary_week_layout_set_rtl (rtl, TRUE);
  plenary_week_layout_set_geometry (rtl, 170, 80, -1);
  plenary_week_layout_get_size (ltr, &width, &height);
  g_assert_cmpuint (plenary_week_layout_get_n_boxes (ltr), ==,
                    plenary_week_layout_get_n_boxes (rtl));
  for (guint i = 0; i < plenary_week_layout_get_n_boxes (ltr); i++)
    {
      const PlenaryWeekBox *a = plenary_week_layout_get_box (ltr, i);
      const PlenaryWeekBox *b = plenary_week_layout_get_box (rtl, i);

      /* The same box, mirrored: the first day next to the axis on the right. */
      g_assert_true (a->entry == b->entry);
      g_assert_cmpfloat_with_epsilon (b->rect.origin.x, width - a->rect.origin.x - a->rect.size.width,
                                      0.01);
      g_assert_cmpfloat_with_epsilon (b->rect.origin.y, a->rect.origin.y, 0.01);
      g_assert_cmpfloat_with_epsilon (b->rect.size.width, a->rect.size.width, 0.01);
      g_assert_cmpfloat (b->rect.origin.x + b->rect.size.width, <=,
                         width - PLENARY_WEEK_AXIS_WIDTH + 0.01);
      if (a->day == 0 && a->kind != PLENARY_WEEK_BOX_BAND)
        g_assert_cmpfloat (b->rect.origin.x, >, width / 2);
    }
}

/* The night clocks fall back: the talk at the first 02:30 sits at 02:30 below Saturday's
 * evening, in the block's column, with its label; the poster block is one box. */
static void
test_dst_night (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_dst_night ();
  g_autoptr (PlenaryWeekLayout) layout =
    plenary_week_layout_new (schedule, find_room (schedule, "Hall"));
  gboolean found = FALSE;
  guint posters = 0;

  for (guint i = 0; i < plenary_week_layout_get_n_boxes (layout); i++)
    {
      const PlenaryWeekBox *box = plenary_week_layout_get_box (layout, i);
      g_autofree char *text = plenary_week_box_describe (layout, box);

      if (box->kind == PLENARY_WEEK_BOX_POSTERS)
        posters++;
      if (!g_str_equal (plenary_entry_get_title (box->entry), "Fall-back talk"))
        continue;
      found = TRUE;
      g_assert_cmpuint (box->day, ==, 0);
      g_assert_cmpint (box->start_minute, ==, 26 * 60 + 30);
      /* On the wall clock the axis reads, as its label says: 02:30 CEST–03:30. */
      g_assert_cmpint (box->end_minute, ==, 27 * 60 + 30);
      g_assert_true (g_str_has_prefix (text, "02:30 CEST–03:30, Fall-back talk"));
    }
  g_assert_true (found);
  g_assert_cmpuint (posters, ==, 1);

  /* "Closing" has no room of its own; its venue is "Hall", as its page says: it is in Hall's
   * week, and the "No room" room keeps nothing. */
  {
    g_autoptr (GPtrArray) hall = plenary_week_room_entries (schedule, find_room (schedule, "Hall"));
    g_autoptr (GPtrArray) none = plenary_week_room_entries (schedule,
                                                            plenary_schedule_lookup_room (schedule, ""));
    gboolean closing = FALSE;

    for (guint i = 0; i < hall->len; i++)
      closing |= g_str_equal (plenary_entry_get_title (g_ptr_array_index (hall, i)), "Closing");
    g_assert_true (closing);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* For looking at it: PLENARY_WEEK_SHOTS=DIR writes the week as the door sign would show it. */
  if (g_getenv ("PLENARY_WEEK_SHOTS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("PLENARY_WEEK_SHOTS"),
                                                "week-dst-night.png", NULL);
      g_autoptr (GError) error = NULL;

      g_assert_true (plenary_week_layout_export (layout, path, PLENARY_WEEK_EXPORT_PNG, &error));
      g_assert_no_error (error);
    }
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
  g_test_add_func ("/week-layout/minimum-height-text", test_minimum_height_text);
  g_test_add_func ("/week-layout/rtl-mirrors", test_rtl_mirrors);
  g_test_add_func ("/week-layout/dst-night", test_dst_night);
  g_test_add_func ("/week-layout/hit-testing", test_hit_testing);
  g_test_add_func ("/week-layout/export-pdf-and-png", test_export_pdf_and_png);

  return g_test_run ();
}
