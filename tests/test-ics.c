/* test-ics.c: iCalendar export checked by a real parser, and star import
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-test-util.h"
#include "export/plenary-ics.h"
#include "indico/plenary-indico-parser.h"

static GDateTime *
fixed_dtstamp (void)
{
  return g_date_time_new_utc (2021, 9, 1, 12, 0, 0);
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (plenary_test_get_tmpdir (), name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A Python 3 that has the icalendar module: $PLENARY_PYTHON, the one on PATH, or Debian's
 * (python3-icalendar installs for /usr/bin/python3 only, and PATH may lead to pyenv's). */
static const char *
find_python (void)
{
  const char *candidates[] = { g_getenv ("PLENARY_PYTHON"), "python3", "/usr/bin/python3" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *argv[] = { candidates[i], "-c", "import icalendar", NULL };
      int status = 0;

      if (candidates[i] == NULL)
        continue;
      if (g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL)
          && g_spawn_check_wait_status (status, NULL))
        return candidates[i];
    }
  return NULL;
}

/* Runs tests/check-ics.py with python3-icalendar; skips when Python or the module is missing. */
static void
run_checker (const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-ics.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *python = find_python ();
  int status = 0;

  if (python == NULL)
    {
      g_test_skip ("no python3 with the icalendar module (python3-icalendar)");
      return;
    }

  g_ptr_array_add (argv, (gpointer) python);
  g_ptr_array_add (argv, script);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-ics.py failed:\n%s%s", out, err);
}

static void
assert_lines_folded (const char *ics)
{
  const char *p = ics;

  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  while (*p != '\0')
    {
      const char *crlf = strstr (p, "\r\n");
      g_autofree char *line = NULL;

      g_assert_nonnull (crlf);
      line = g_strndup (p, crlf - p);
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_true (g_utf8_validate (line, -1, NULL));
      p = crlf + 2;
    }
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_lpc2021 (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (GDateTime) dtstamp = fixed_dtstamp ();
  g_autofree char *ics = plenary_ics_write (schedule, plenary_schedule_get_entries (schedule),
                                            PLENARY_ICS_FLAGS_NONE, dtstamp);
  g_autofree char *path = write_file ("lpc2021.ics", ics);
  g_autofree char *event_json = plenary_test_shared_path (
    "fixtures/lpc2021/export-event-11-contributions.json");
  const char *args[] = {
    path, "--event-json", event_json, "--host", "lpc.events", "--expect-events", "226",
    /* The first talk: 2021-09-20 06:40 in New York (EDT) is 10:40 UTC. */
    "--expect", "indico-contribution-941@lpc.events", "DTSTART", "2021-09-20T10:40:00+00:00",
    "--expect", "indico-contribution-942@lpc.events", "DTSTART", "2021-09-20T11:00:00+00:00",
    "--expect", "indico-contribution-942@lpc.events", "SUMMARY",
    "BPF tracing: exploring additional debugging capabilities",
    NULL
  };

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                        "PRODID:-//Plenary//Plenary " PACKAGE_VERSION "//EN\r\n"
                                        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
                                        "X-WR-CALNAME:Linux Plumbers Conference 2021\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  g_assert_cmpuint (count (ics, "BEGIN:VEVENT\r\n"), ==, 226);
  g_assert_cmpuint (count (ics, "indico-break-"), ==, 0);
  /* Commas in titles are escaped. */
  g_assert_nonnull (strstr (ics, "SUMMARY:KEYNOTE: What a long\\, strange trip it's been...."));
  g_assert_nonnull (strstr (ics, "DTSTAMP:20210901T120000Z\r\n"));
  assert_lines_folded (ics);

  run_checker (args);
}

static void
test_breaks (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (GDateTime) dtstamp = fixed_dtstamp ();
  g_autofree char *ics = plenary_ics_write (schedule, plenary_schedule_get_entries (schedule),
                                            PLENARY_ICS_FLAGS_INCLUDE_BREAKS, dtstamp);
  g_autofree char *path = write_file ("lpc2021-breaks.ics", ics);
  const char *args[] = { path, "--expect-events", "271", NULL };

  g_assert_cmpuint (count (ics, "BEGIN:VEVENT\r\n"), ==, 226 + 45);
  g_assert_cmpuint (count (ics, "UID:indico-break-"), ==, 45);
  g_assert_null (strstr (ics, "UID:indico-break-b"));
  assert_lines_folded (ics);
  run_checker (args);
}

/* Titles with everything TEXT must escape, and long UTF-8 text to fold. */
static const char crafted_timetable[] =
  "{\"count\":1,\"additionalInfo\":{},\"ts\":1700000000,\"_type\":\"HTTPAPIResult\","
  "\"url\":\"https://indico.example.org/export/timetable/7.json\",\"results\":{\"7\":{"
  "\"20240101\":{"
  "\"c1\":{\"id\":\"c1\",\"entryType\":\"Contribution\","
  "\"startDate\":{\"date\":\"2024-01-01\",\"time\":\"09:00:00\",\"tz\":\"Europe/Vienna\"},"
  "\"endDate\":{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"tz\":\"Europe/Vienna\"},"
  "\"conferenceId\":\"7\",\"location\":\"Haus; Wien\",\"room\":\"Saal 1, oben\","
  "\"contributionId\":\"43\",\"duration\":60,"
  "\"title\":\"Semi; colon, comma \\\\ backslash\\nnewline\","
  "\"description\":\"**Über** *große* Grüße: äöü ÄÖÜ ß — “quotes” — ünïcödé text that is long "
  "enough to be folded more than once: ✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓\","
  "\"url\":\"https://indico.example.org/event/7/contributions/43/\","
  "\"presenters\":[{\"firstName\":\"Grace\",\"familyName\":\"Hopper\","
  "\"affiliation\":\"Navy, US\",\"emailHash\":\"abc\",\"name\":\"Grace Hopper\"}]},"
  "\"b2\":{\"id\":\"b2\",\"entryType\":\"Break\","
  "\"startDate\":{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"tz\":\"Europe/Vienna\"},"
  "\"endDate\":{\"date\":\"2024-01-01\",\"time\":\"10:30:00\",\"tz\":\"Europe/Vienna\"},"
  "\"conferenceId\":\"7\",\"location\":\"\",\"room\":\"\",\"duration\":30,"
  "\"title\":\"Coffee\",\"description\":\"\"}"
  "}}}}";

static void
test_escaping (void)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GDateTime) dtstamp = fixed_dtstamp ();
  g_autoptr (GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *path = NULL;
  const char *args[] = {
    NULL, "--expect-events", "2",
    "--expect", "indico-contribution-43@indico.example.org", "SUMMARY",
    "Semi; colon, comma \\ backslash\nnewline",
    "--expect", "indico-contribution-43@indico.example.org", "LOCATION",
    "Saal 1, oben (Haus; Wien)",
    "--expect", "indico-contribution-43@indico.example.org", "DTSTART",
    "2024-01-01T08:00:00+00:00",
    "--expect", "indico-break-2@indico.example.org", "SUMMARY", "Coffee",
    NULL
  };

  sources->timetable = g_bytes_new_static (crafted_timetable, strlen (crafted_timetable));
  sources->server_base = g_strdup ("https://indico.example.org/");
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);

  ics = plenary_ics_write (schedule, plenary_schedule_get_entries (schedule),
                           PLENARY_ICS_FLAGS_INCLUDE_BREAKS, dtstamp);
  g_test_message ("%s", ics);
  g_assert_nonnull (strstr (ics, "SUMMARY:Semi\\; colon\\, comma \\\\ backslash\\nnewline\r\n"));
  g_assert_nonnull (strstr (ics, "DESCRIPTION:Speakers: Grace Hopper (Navy\\, US)\\n\\nÜber "));
  /* A folded line continues with a space, and folding never splits a character. */
  g_assert_nonnull (strstr (ics, "\r\n "));
  assert_lines_folded (ics);

  path = write_file ("crafted.ics", ics);
  args[0] = path;
  run_checker (args);
}

static void
test_star_round_trip (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GListModel *entries = plenary_schedule_get_entries (schedule);
  g_autoptr (GListStore) starred = g_list_store_new (PLENARY_TYPE_ENTRY);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) all_ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *all = NULL;
  guint n_contributions = 0;

  /* Every seventh contribution starred. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION && n_contributions++ % 7 == 0)
        g_list_store_append (starred, entry);
    }
  ics = plenary_ics_write (schedule, G_LIST_MODEL (starred), PLENARY_ICS_FLAGS_INCLUDE_BREAKS, NULL);
  ids = plenary_ics_read_contribution_ids (ics, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, g_list_model_get_n_items (G_LIST_MODEL (starred)));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (G_LIST_MODEL (starred), i);

      g_assert_cmpint (g_array_index (ids, gint64, i), ==, plenary_entry_get_contribution_id (entry));
      g_assert_true (plenary_schedule_lookup_contribution (schedule, g_array_index (ids, gint64, i))
                     == entry);
    }

  all = plenary_ics_write (schedule, entries, PLENARY_ICS_FLAGS_INCLUDE_BREAKS, NULL);
  all_ids = plenary_ics_read_contribution_ids (all, -1, "11", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_ids->len, ==, 226);
}

/* Indico's own exports: event-scoped UIDs, LF or CRLF, folded anywhere, parameters. */
static void
test_read_indico (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\n"
    "VERSION:2.0\n"
    "PRODID:-//CERN//INDICO//EN\n"
    "BEGIN:VEVENT\r\n"
    "SUMMARY:One\r\n"
    "UID:indico-contribution-11-9\r\n"
    " 42@lpc.events\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\n"
    "uid;X-PARAM=1:indico-contribution-943@lpc.events\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "UID:indico-contribution-12-5000@lpc.events\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "UID:indico-event-11@lpc.events\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "UID:indico-contribution-943@lpc.events\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "UID:indico-contribution-x@lpc.events\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "UID:indico-contribution-99999999999999999999999@lpc.events\n"
    "END:VEVENT\n"
    "UID:indico-contribution-77@outside.event\n"
    "END:VCALENDAR\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) any = plenary_ics_read_contribution_ids (ics, -1, NULL, &error);
  g_autoptr (GArray) event11 = plenary_ics_read_contribution_ids (ics, -1, "11", &error);
  g_autoptr (GArray) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (any->len, ==, 3);
  g_assert_cmpint (g_array_index (any, gint64, 0), ==, 942);
  g_assert_cmpint (g_array_index (any, gint64, 1), ==, 943);
  g_assert_cmpint (g_array_index (any, gint64, 2), ==, 5000);
  g_assert_cmpuint (event11->len, ==, 2);
  g_assert_cmpint (g_array_index (event11, gint64, 0), ==, 942);
  g_assert_cmpint (g_array_index (event11, gint64, 1), ==, 943);

  none = plenary_ics_read_contribution_ids ("{\"json\": true}", -1, NULL, &error);
  g_assert_error (error, PLENARY_ICS_ERROR, PLENARY_ICS_ERROR_NOT_ICALENDAR);
  g_assert_null (none);
  g_clear_error (&error);
  none = plenary_ics_read_contribution_ids ("", 0, NULL, &error);
  g_assert_error (error, PLENARY_ICS_ERROR, PLENARY_ICS_ERROR_NOT_ICALENDAR);
}

/* The calendar has the talk of the night clocks fall back at the first 02:30 (00:30 UTC),
 * two hours long, as the grid, the list, the chair and the reminders have it. */
static void
test_dst_fall_back (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_dst_night ();
  g_autoptr (GDateTime) dtstamp = fixed_dtstamp ();
  g_autofree char *ics = plenary_ics_write (schedule, plenary_schedule_get_entries (schedule),
                                            PLENARY_ICS_FLAGS_NONE, dtstamp);
  g_autofree char *path = write_file ("dst-night.ics", ics);
  const char *args[] = {
    path, "--host", "example.org",
    "--expect", "indico-contribution-3@example.org", "DTSTART", "2026-10-25T00:30:00+00:00",
    "--expect", "indico-contribution-3@example.org", "DTEND", "2026-10-25T02:30:00+00:00",
    NULL
  };

  g_assert_nonnull (strstr (ics, "DTSTART:20261025T003000Z\r\nDTEND:20261025T023000Z\r\n"));
  run_checker (args);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/ics/lpc2021", test_lpc2021);
  g_test_add_func ("/ics/dst-fall-back", test_dst_fall_back);
  g_test_add_func ("/ics/breaks", test_breaks);
  g_test_add_func ("/ics/escaping", test_escaping);
  g_test_add_func ("/ics/star-round-trip", test_star_round_trip);
  g_test_add_func ("/ics/read-indico", test_read_indico);

  return g_test_run ();
}
