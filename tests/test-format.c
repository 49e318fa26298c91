/* test-format.c: times across zones and DST changes, durations, people
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "plenary-test-util.h"
#include "ui/plenary-format.h"

static GDateTime *
at (const char *zone_id,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  return g_date_time_new (zone, 2024, month, day, hour, minute, 0);
}

/* A Berlin event over the night summer time ends (27 October 2024). */
static void
test_dst_change (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr (GDateTime) saturday = at ("Europe/Berlin", 10, 26, 10, 0);
  g_autoptr (GDateTime) saturday_end = at ("Europe/Berlin", 10, 26, 10, 30);
  g_autoptr (GDateTime) monday = at ("Europe/Berlin", 10, 28, 10, 0);
  g_autoptr (GDateTime) monday_end = at ("Europe/Berlin", 10, 28, 10, 30);
  g_autofree char *before = plenary_format_time_range (saturday, saturday_end, tokyo);
  g_autofree char *after = plenary_format_time_range (monday, monday_end, tokyo);
  g_autofree char *in_event = plenary_format_time (monday, berlin);
  g_autofree char *dual = plenary_format_time_range_dual (monday, monday_end, berlin, tokyo);

  /* 10:00 CEST is 17:00 in Tokyo; after the change 10:00 CET is 18:00. */
  g_assert_cmpstr (before, ==, "17:00–17:30");
  g_assert_cmpstr (after, ==, "18:00–18:30");
  g_assert_cmpstr (in_event, ==, "10:00");
  g_assert_cmpstr (dual, ==, "10:00–10:30 CET · 18:00–18:30 your time");
}

/* Nine hours west, a morning talk is the evening before. */
static void
test_user_nine_hours_away (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GTimeZone) los_angeles = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr (GDateTime) start = at ("Europe/Berlin", 10, 26, 8, 0);
  g_autoptr (GDateTime) end = at ("Europe/Berlin", 10, 26, 8, 40);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (start, los_angeles);
  g_autofree char *dual = plenary_format_time_range_dual (start, end, berlin, los_angeles);
  g_autofree char *same = plenary_format_time_range_dual (start, end, berlin, berlin);

  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 25);
  g_assert_cmpstr (dual, ==, "08:00–08:40 CEST · 23:00–23:40 your time");
  /* No second zone when there is no difference. */
  g_assert_cmpstr (same, ==, "08:00–08:40");
  g_assert_true (plenary_zones_differ_at (berlin, los_angeles, start));
  g_assert_false (plenary_zones_differ_at (berlin, berlin, start));
}

static void
test_durations (void)
{
  const struct { int minutes; const char *text; } cases[] = {
    { 1, "1 minute" }, { 40, "40 minutes" }, { 60, "1 hour" }, { 120, "2 hours" },
    { 90, "1 h 30 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = plenary_format_duration (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_search_folding (void)
{
  g_autofree char *folded = plenary_fold_for_search ("Stéphane GRABER, Łódź, Ｆｕｌｌ");

  g_assert_cmpstr (folded, ==, "stephane graber, łodz, full");
  g_assert_true (plenary_search_matches (folded, "graber stephane"));
  g_assert_false (plenary_search_matches (folded, "graber zurich"));
  g_assert_false (plenary_search_matches (folded, "   "));
}

/* What folding means, on the whole text at once: the definition the fast path (ASCII copied a
 * byte at a time, only the other runs through the Unicode tables) must agree with. */
static char *
fold_whole (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr (GString) stripped = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
      g_string_append_unichar (stripped, g_utf8_get_char (p));
  return g_utf8_casefold (stripped->str, -1);
}

static void
test_search_folding_runs (void)
{
  static const char *texts[] = {
    "", "ASCII only: KVM, BPF & io_uring (v2)",
    "Ａ\u0301b", "Cafe\u0301 au lait", "e\u0301\u0327x", "x\u0308\u0323Y\u0323\u0308",
    "İstanbul", "STRASSE Straße", "ﬁle ﬂow", "ǄUNGLA ǅungla", "Ω ΣΊΣΥΦΟΣ ς",
    "“Quoted” — dash… ½ ²", "שלום Hello עולם", "مرحبا WORLD", "Emoji 🎉 TeSt 🇩🇪",
    "Ｆｕｌｌ ＷＩＤＴＨ", "한국어 ＫＯＲＥＡＮ", "\u0301leading mark",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *fast = plenary_fold_for_search (texts[i]);
      g_autofree char *whole = fold_whole (texts[i]);

      g_assert_cmpstr (fast, ==, whole);
    }
}

/* In a right-to-left interface, times stay left to right and server text cannot reorder the
 * sentence it is put in; a left-to-right one gets the text as it is. */
static void
test_right_to_left (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) start = g_date_time_new (utc, 2021, 9, 20, 7, 0, 0);
  g_autoptr (GDateTime) end = g_date_time_add_minutes (start, 40);
  g_autofree char *ltr_title = plenary_format_isolate ("Tracepoints that allow faults.");
  g_autofree char *ltr_range = plenary_format_time_range (start, end, utc);
  g_autofree char *rtl_title = NULL;
  g_autofree char *rtl_range = NULL;
  g_autofree char *rtl_empty = NULL;

  g_assert_cmpstr (ltr_title, ==, "Tracepoints that allow faults.");
  g_assert_cmpstr (ltr_range, ==, "07:00–07:40");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  rtl_title = plenary_format_isolate ("Tracepoints that allow faults.");
  rtl_range = plenary_format_time_range (start, end, utc);
  rtl_empty = plenary_format_isolate ("");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (rtl_title, ==, "\u2068Tracepoints that allow faults.\u2069");
  g_assert_cmpstr (rtl_range, ==, "\u206607:00–07:40\u2069");
  g_assert_cmpstr (rtl_empty, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/format/dst-change", test_dst_change);
  g_test_add_func ("/format/user-nine-hours-away", test_user_nine_hours_away);
  g_test_add_func ("/format/durations", test_durations);
  g_test_add_func ("/format/search-folding", test_search_folding);
  g_test_add_func ("/format/search-folding-runs", test_search_folding_runs);
  g_test_add_func ("/format/right-to-left", test_right_to_left);

  return g_test_run ();
}
