/* test-schedule-view.c: the Schedule view on the real LPC 2021 programme
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "ui/plenary-entry-page.h"
#include "ui/plenary-entry-row.h"
#include "ui/plenary-format.h"
#include "ui/plenary-search-engine.h"
#include "store/plenary-user-data.h"
#include "ui/plenary-schedule-view.h"
#include "util/plenary-clock.h"

/* A view in a window, with the clock before the event so it opens on the first day. */
static PlenaryScheduleView *
new_view (PlenarySchedule *schedule,
          GtkWindow      **window_out)
{
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 12, 0, 0);
  GtkWidget *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_SCHEDULE_VIEW, NULL), before);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), schedule);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (100);
  *window_out = GTK_WINDOW (window);
  return PLENARY_SCHEDULE_VIEW (view);
}

static void
wait_for_search (PlenaryScheduleView *view)
{
  while (plenary_schedule_view_get_search_pending (view))
    g_main_context_iteration (NULL, TRUE);
}

/* Types @text and waits for the answer, which comes from the main loop. */
static void
search (PlenaryScheduleView *view,
        const char          *text)
{
  plenary_schedule_view_set_search (view, text);
  wait_for_search (view);
}

static guint
count_kind (GListModel       *model,
            PlenaryEntryKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_ENTRY (item) && plenary_entry_get_kind (PLENARY_ENTRY (item)) == kind)
        count++;
    }
  return count;
}

static void
test_first_day_blocks_in_order (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  g_autoptr (GDateTime) previous = NULL;
  PlenaryEntry *first_block = NULL;

  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 0);
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_BLOCK), ==, 8);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (model, i);

      if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_BLOCK)
        {
          /* Every talk and break follows its own block. */
          g_assert_true (plenary_entry_get_block (entry) == first_block);
          continue;
        }
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, plenary_entry_get_start (entry)), <=, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (plenary_entry_get_start (entry));
      first_block = entry;
      if (i == 0)
        g_assert_cmpstr (plenary_entry_get_full_title (entry), ==, "BPF & Networking Summit");
    }

  /* Other days: 7, 7, 7, 9 blocks, as the fixture's README counts them. */
  {
    const guint expected[] = { 8, 7, 7, 7, 9 };

    for (guint day = 0; day < G_N_ELEMENTS (expected); day++)
      {
        plenary_schedule_view_set_day (view, day);
        g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_BLOCK), ==, expected[day]);
      }
  }

  gtk_window_destroy (window);
}

static void
test_numbered_density (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  guint expected = 0;

  /* Talks are numbered 1, 2, 3 … down the day as listed; breaks and blocks have none. */
  g_object_set (view, "density", "numbered", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (model, i);

      if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION)
        g_assert_cmpuint (plenary_schedule_view_get_number (view, entry), ==, ++expected);
      else
        g_assert_cmpuint (plenary_schedule_view_get_number (view, entry), ==, 0);
    }
  g_assert_cmpuint (expected, >, 20);

  /* A filter hides talks but keeps everyone's numbers. */
  {
    g_autoptr (PlenaryEntry) last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
    guint number = plenary_schedule_view_get_number (view, last);

    plenary_schedule_view_set_filters (view, NULL, plenary_room_get_name (plenary_entry_get_room (last)),
                                       NULL);
    g_assert_cmpuint (plenary_schedule_view_get_number (view, last), ==, number);
  }
  gtk_window_destroy (window);
}

static gboolean
has_speaker (PlenaryEntry *entry,
             const char   *family_name)
{
  GPtrArray *speakers = plenary_entry_get_speakers (entry);

  for (guint i = 0; i < speakers->len; i++)
    if (g_strcmp0 (plenary_person_get_family_name (g_ptr_array_index (speakers, i)),
                   family_name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_search_mckenney (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  const char *queries[] = { "McKenney", "mckenney", "MCKÉNNEY", "  paul   mckenney " };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      guint talks = 0, days = 0, his = 0;

      search (view, queries[q]);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (model, i);

          if (PLENARY_IS_DAY (item))
            {
              days++;
              continue;
            }
          /* Abstracts that mention him match too. */
          his += has_speaker (PLENARY_ENTRY (item), "McKenney");
          talks++;
        }
      g_assert_cmpuint (his, ==, 6);
      g_assert_cmpuint (talks, ==, 7);
      g_assert_cmpuint (days, >=, 1);
    }

  /* An empty query goes back to the day. */
  search (view, "");
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_BLOCK), ==, 8);

  search (view, "no talk has this title zzqx");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_window_destroy (window);
}

static void
test_filters_combine (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  const char *room = "Refereed Track/Virtual-Room";
  const char *track = "LPC Refereed Track";
  guint by_room, by_both;

  plenary_schedule_view_set_filters (view, NULL, room, NULL);
  by_room = count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION);
  g_assert_cmpuint (by_room, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (model, i);

      if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_BLOCK)
        g_assert_cmpstr (plenary_room_get_name (plenary_entry_get_room (entry)), ==, room);
    }

  plenary_schedule_view_set_filters (view, track, room, NULL);
  by_both = count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION);
  g_assert_cmpuint (by_both, <=, by_room);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (model, i);

      if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION)
        g_assert_cmpstr (plenary_track_get_title (plenary_entry_get_track (entry)), ==, track);
    }

  /* A track that does not meet that room leaves nothing, and says so. */
  plenary_schedule_view_set_filters (view, "Birds of a Feather (BoF)", room, NULL);
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 0);

  /* Clearing brings the whole day back. */
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.clear-filters", NULL);
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_BLOCK), ==, 8);
  gtk_window_destroy (window);
}

static void
test_keyboard_day_switch (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);

  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.next-day", NULL);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.go-to-day", "u", 4);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.next-day", NULL);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.previous-day", NULL);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 3);
  gtk_window_destroy (window);
}

static void
test_opens_on_today (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  /* Wednesday 22 September 2021, 09:00 in New York. */
  g_autoptr (GDateTime) during = g_date_time_new_utc (2021, 9, 22, 13, 0, 0);
  GtkWidget *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_SCHEDULE_VIEW, NULL), during);

  g_object_ref_sink (view);
  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), schedule);
  g_assert_cmpuint (plenary_schedule_view_get_day (PLENARY_SCHEDULE_VIEW (view)), ==, 2);
  g_object_unref (view);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Server text is data: a title is never markup, an abstract keeps only safe rich text. */
static void
test_server_text_is_data (void)
{
  const char *json =
    "{\"count\":1,\"_type\":\"HTTPAPIResult\",\"url\":\"https://example.org/export/"
    "timetable/7.json\",\"results\":{\"7\":{\"20240918\":{\"c1\":{\"id\":\"c1\","
    "\"entryType\":\"Contribution\",\"contributionId\":1,\"title\":\"<b>& bold claims\","
    "\"description\":\"Intro <script>alert(1)</script> and <a href=\\\"file:///etc/passwd\\\">"
    "the secrets</a> and <a href=\\\"https://example.org/slides\\\">slides</a>\","
    "\"startDate\":{\"date\":\"2024-09-18\",\"time\":\"10:00:00\",\"tz\":\"UTC\"},"
    "\"endDate\":{\"date\":\"2024-09-18\",\"time\":\"10:30:00\",\"tz\":\"UTC\"},"
    "\"room\":\"A & B\",\"presenters\":[{\"firstName\":\"<i>Eve\",\"familyName\":"
    "\"Doe\",\"name\":\"<i>Eve Doe\",\"affiliation\":\"\"}]}}}}}";
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GtkWindow *window;
  PlenaryScheduleView *view;
  gboolean saw_title = FALSE, saw_abstract = FALSE;

  sources->timetable = g_bytes_new_static (json, strlen (json));
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  view = new_view (schedule, &window);
  plenary_schedule_view_show_entry (view, plenary_schedule_lookup_user_key (schedule, "1"));
  plenary_test_iterate (100);

  collect_labels (GTK_WIDGET (window), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *source = gtk_label_get_label (label);

      if (g_strcmp0 (gtk_label_get_text (label), "<b>& bold claims") == 0)
        {
          g_assert_false (gtk_label_get_use_markup (label));
          saw_title = TRUE;
        }
      if (strstr (gtk_label_get_text (label), "Intro") != NULL)
        {
          saw_abstract = TRUE;
          g_assert_true (gtk_label_get_use_markup (label));
          g_assert_null (strstr (source, "script"));
          g_assert_null (strstr (source, "alert"));
          g_assert_null (strstr (source, "file:"));
          g_assert_nonnull (strstr (gtk_label_get_text (label), "the secrets"));
          g_assert_nonnull (strstr (source, "href=\"https://example.org/slides\""));
        }
      /* Nothing from the server turned into real markup anywhere. */
      if (gtk_label_get_use_markup (label))
        g_assert_null (strstr (source, "<i>Eve"));
    }
  g_assert_true (saw_title);
  g_assert_true (saw_abstract);
  gtk_window_destroy (window);
}

/* The model as day headers and entries: headers only before their own day's entries, days in
 * order, no header without an entry. */
static void
assert_grouped_by_day (GListModel *model)
{
  int day = -1;
  gboolean header_pending = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_DAY (item))
        {
          g_assert_false (header_pending);
          header_pending = TRUE;
          day++;
          continue;
        }
      g_assert_true (PLENARY_IS_ENTRY (item));
      g_assert_cmpint (day, >=, 0);
      g_assert_cmpint (plenary_entry_get_day_index (PLENARY_ENTRY (item)), >=, day);
      day = plenary_entry_get_day_index (PLENARY_ENTRY (item));
      header_pending = FALSE;
    }
  g_assert_false (header_pending);
}

static GPtrArray *
model_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

/* Typing narrows the previous results instead of searching everything again, and deleting
 * widens them again: either way the results are those of the query typed at once. */
static void
test_search_as_you_type (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window, *fresh_window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  PlenaryScheduleView *fresh = new_view (schedule, &fresh_window);
  const char *typed[] = { "m", "mc", "mck", "mcke", "mck", "mc", "m", "m p", "m pa", "paul m",
                          "b", "bp", "bpf", "bpf ", "bpf t", "zz", "" };

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      g_autoptr (GPtrArray) got = NULL;
      g_autoptr (GPtrArray) expected = NULL;

      search (view, typed[q]);
      /* A new view has no earlier results to narrow. */
      plenary_schedule_view_set_schedule (fresh, NULL);
      plenary_schedule_view_set_schedule (fresh, schedule);
      search (fresh, typed[q]);
      got = model_items (plenary_schedule_view_get_model (view));
      expected = model_items (plenary_schedule_view_get_model (fresh));
      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint i = 0; i < got->len; i++)
        g_assert_true (got->pdata[i] == expected->pdata[i]);
      if (typed[q][0] != '\0')
        assert_grouped_by_day (plenary_schedule_view_get_model (view));
    }
  g_assert_cmpuint (count_kind (plenary_schedule_view_get_model (view), PLENARY_ENTRY_KIND_BLOCK),
                    ==, 8);

  /* ASCII text takes a shortcut through folding, to the same result. */
  {
    const char *ascii = "Paul E. McKenney: RCU @ Linux {2021} ~ TODO [x]";
    g_autofree char *fast = plenary_fold_for_search (ascii);
    g_autofree char *slow = g_utf8_casefold (ascii, -1);

    g_assert_cmpstr (fast, ==, slow);
  }
  gtk_window_destroy (fresh_window);
  gtk_window_destroy (window);
}

/* The search index is built in a worker while the day is on screen; searching then uses it. */
static void
test_search_index_in_background (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);

  plenary_test_iterate (300);
  g_assert_true (plenary_schedule_view_get_search_ready (view));
  search (view, "mckenney");
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 7);
  assert_grouped_by_day (model);

  /* A new snapshot while the worker runs: the old index never answers for it. */
  search (view, "");
  {
    g_autoptr (PlenarySchedule) other = plenary_test_load_lpc2021 ();

    plenary_schedule_view_set_schedule (view, other);
    plenary_test_iterate (300);
    search (view, "mckenney");
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr (GObject) item = g_list_model_get_item (model, i);

        if (PLENARY_IS_ENTRY (item))
          g_assert_true (plenary_schedule_lookup_user_key (other,
                           plenary_entry_get_user_key (PLENARY_ENTRY (item))) == (gpointer) item);
      }
    plenary_schedule_view_set_schedule (view, NULL);
  }
  gtk_window_destroy (window);
}

static void
count_changes_cb (guint *changes)
{
  (*changes)++;
}

/* The first keystroke, before the index is built, returns at once: the list keeps the day
 * until the answer comes from the main loop, and the answers of keystrokes typed over are
 * dropped, never shown. */
static void
test_first_search_does_not_wait (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 12, 0, 0);
  GtkWidget *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_SCHEDULE_VIEW, NULL), before);
  GListModel *model = plenary_schedule_view_get_model (PLENARY_SCHEDULE_VIEW (view));
  g_autoptr (GPtrArray) day = NULL;
  guint changes = 0;

  g_object_ref_sink (view);
  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), schedule);
  day = model_items (model);
  g_assert_false (plenary_schedule_view_get_search_ready (PLENARY_SCHEDULE_VIEW (view)));
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  plenary_schedule_view_set_search (PLENARY_SCHEDULE_VIEW (view), "m");
  plenary_schedule_view_set_search (PLENARY_SCHEDULE_VIEW (view), "mc");
  plenary_schedule_view_set_search (PLENARY_SCHEDULE_VIEW (view), "mckenney");
  g_assert_true (plenary_schedule_view_get_search_pending (PLENARY_SCHEDULE_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, day->len);
  g_assert_cmpuint (changes, ==, 0);

  while (plenary_schedule_view_get_search_pending (PLENARY_SCHEDULE_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (plenary_schedule_view_get_search_ready (PLENARY_SCHEDULE_VIEW (view)));
  /* One answer shown, the last one's. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 7);

  /* Gone before its answer: nothing calls back into it. */
  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), NULL);
  plenary_schedule_view_set_schedule (PLENARY_SCHEDULE_VIEW (view), schedule);
  plenary_schedule_view_set_search (PLENARY_SCHEDULE_VIEW (view), "bpf");
  g_signal_handlers_disconnect_by_data (model, &changes);
  g_object_unref (view);
  plenary_test_iterate (300);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (PLENARY_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* One day of 2,000 talks, 10 minutes each, overlapping in 8 rooms. */
static PlenarySchedule *
new_big_day (void)
{
  g_autoptr (GString) json = g_string_new ("{\"count\":1,\"_type\":\"HTTPAPIResult\","
                                            "\"url\":\"https://example.org/export/timetable/7"
                                            ".json\",\"results\":{\"7\":{\"20240918\":{");
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  for (guint i = 0; i < 2000; i++)
    {
      guint start = (i / 8) * 5;   /* minutes after 00:00, eight talks at a time */

      g_string_append_printf (json,
                              "%s\"c%u\":{\"id\":\"c%u\",\"entryType\":\"Contribution\","
                              "\"contributionId\":%u,\"title\":\"Talk %u about kernel "
                              "subsystem number %u and what changed in it this year\","
                              "\"startDate\":{\"date\":\"2024-09-18\",\"time\":"
                              "\"%02u:%02u:00\",\"tz\":\"UTC\"},\"endDate\":{\"date\":"
                              "\"2024-09-18\",\"time\":\"%02u:%02u:00\",\"tz\":\"UTC\"},"
                              "\"room\":\"Room %u\",\"presenters\":[{\"firstName\":\"Ada\","
                              "\"familyName\":\"Speaker %u\",\"name\":\"Ada Speaker %u\","
                              "\"affiliation\":\"Example\"}]}",
                              i > 0 ? "," : "", i + 1, i + 1, i + 1, i + 1, i % 97,
                              start / 60, start % 60, (start + 10) / 60 % 24, (start + 10) % 60,
                              i % 8, i, i);
    }
  g_string_append (json, "}}}}");
  sources->timetable = g_bytes_new (json->str, json->len);
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

/* What is bound and laid out is what is on screen, not the whole day (GTK 4.8's list view
 * kept 200 rows). */
static void
test_rows_bounded_on_big_day (void)
{
  g_autoptr (PlenarySchedule) schedule = new_big_day ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);

  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 2000);
  collect_rows (GTK_WIDGET (view), rows);
  g_assert_cmpuint (rows->len, >=, 5);
  g_assert_cmpuint (rows->len, <=, 60);

  /* A search that matches every talk (and a day header) is no different. */
  search (view, "kernel");
  plenary_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2001);
  g_ptr_array_set_size (rows, 0);
  collect_rows (GTK_WIDGET (view), rows);
  g_assert_cmpuint (rows->len, >=, 5);
  g_assert_cmpuint (rows->len, <=, 60);
  gtk_window_destroy (window);
}

static GtkWidget *
find_list (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "programme"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Return on a focused row opens its talk, as a click does; rows keep accessible labels. */
static void
test_keyboard_opens_entry (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  PlenaryEntryPage *page = plenary_schedule_view_get_entry_page (view);
  GtkWidget *cell = NULL;
  g_autoptr (PlenaryEntry) talk = NULL;
  guint position = 0;

  g_assert_nonnull (list);
  /* The second item is the first talk of the first block. */
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child), position++)
    if (position == 1)
      cell = child;
  g_assert_nonnull (cell);
  talk = g_list_model_get_item (model, 1);
  g_assert_true (PLENARY_IS_ENTRY (talk));
  g_assert_true (PLENARY_IS_ENTRY_ROW (gtk_widget_get_first_child (cell)));
  {
    GtkAccessible *row = GTK_ACCESSIBLE (gtk_widget_get_first_child (cell));
    /* Returns the label when it differs from the one given. */
    g_autofree char *label = gtk_test_accessible_check_property (row,
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 "");

    g_assert_nonnull (label);
    g_assert_nonnull (strstr (label, plenary_entry_get_title (talk)));
  }

  /* What GTK binds to Return and space on the focused list cell. */
  g_signal_emit_by_name (cell, "activate-keybinding");
  plenary_test_iterate (50);
  g_assert_true (plenary_entry_page_get_entry (page) == talk);
  gtk_window_destroy (window);
}

/* The rows on screen show the items now in their places, after anything changes them. */
static void
assert_rows_show_model (PlenaryScheduleView *view)
{
  GListModel *model = plenary_schedule_view_get_model (view);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  GtkWidget *cell = gtk_widget_get_first_child (list);

  plenary_test_iterate (50);
  for (guint i = 0; i < MIN (5, g_list_model_get_n_items (model)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autofree char *label = NULL;
      const char *expected;

      g_assert_nonnull (cell);
      label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (cell)),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "");
      g_assert_nonnull (label);
      if (PLENARY_IS_ENTRY (item))
        expected = plenary_entry_get_full_title (PLENARY_ENTRY (item));
      else
        expected = NULL;
      if (expected != NULL)
        g_assert_nonnull (strstr (label, expected));
      cell = gtk_widget_get_next_sibling (cell);
    }
}

static void
test_rows_follow_changes (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GtkWidget *list = find_list (GTK_WIDGET (view));

  assert_rows_show_model (view);
  plenary_schedule_view_set_day (view, 3);
  assert_rows_show_model (view);
  search (view, "bpf");
  assert_rows_show_model (view);
  search (view, "bpf tr");
  assert_rows_show_model (view);
  search (view, "");
  assert_rows_show_model (view);
  /* From no programme to one, as when an event is followed: every row is new (and bound once,
   * by the list, as it makes it). */
  plenary_schedule_view_set_schedule (view, NULL);
  plenary_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_view_get_model (view)), ==, 0);
  plenary_schedule_view_set_schedule (view, schedule);
  assert_rows_show_model (view);

  /* Jump to Now scrolls the list through this action, which a list's replacement must keep. */
  g_assert_true (gtk_widget_activate_action (list, "list.scroll-to-item", "u", 20));
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.jump-to-now", NULL);
  plenary_test_iterate (50);

  /* Density reaches rows whose item did not change. */
  g_object_set (view, "density", "compact", NULL);
  plenary_test_iterate (50);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (
                   gtk_widget_get_next_sibling (gtk_widget_get_first_child (list))), "compact"));
  gtk_window_destroy (window);
}

/* The place of the one now-line in @model, or -1; asserts where it is: the top-level items
 * above it have started and those below have not, and so for the talks of a block it is in. */
static int
check_now_line (GListModel *model,
                GDateTime  *now)
{
  guint n = g_list_model_get_n_items (model);
  int position = -1;
  PlenaryEntry *block = NULL;   /* the block the line is in, if any */

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_NOW_MARKER (item))
        {
          g_assert_cmpint (position, ==, -1);
          g_assert_true (g_date_time_equal (plenary_now_marker_get_time (PLENARY_NOW_MARKER (item)),
                                            now));
          position = i;
          /* Between the talks of a block when the item below it is one of them. */
          if (i + 1 < n)
            {
              g_autoptr (GObject) below = g_list_model_get_item (model, i + 1);

              block = plenary_entry_get_block (PLENARY_ENTRY (below));
            }
        }
    }
  for (guint i = 0; position >= 0 && i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      PlenaryEntry *entry;
      GDateTime *start;

      if (!PLENARY_IS_ENTRY (item))
        continue;
      entry = PLENARY_ENTRY (item);
      start = plenary_entry_get_start (entry);
      if (plenary_entry_get_block (entry) != NULL && plenary_entry_get_block (entry) != block)
        continue;
      if ((int) i < position)
        g_assert_cmpint (g_date_time_compare (start, now), <=, 0);
      else
        g_assert_cmpint (g_date_time_compare (start, now), >, 0);
    }
  return position;
}

static void
test_now_line (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  /* Monday 20 September 2021, the first day, 07:50 in New York. */
  g_autoptr (GDateTime) during = g_date_time_new_utc (2021, 9, 20, 11, 50, 0);
  /* 06:50: the BPF summit alone has begun, so the line is between its talks. */
  g_autoptr (GDateTime) early = g_date_time_add_hours (during, -1);
  /* 11:50: the keynote is on alone. */
  g_autoptr (GDateTime) later = g_date_time_add_hours (during, 4);
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 12, 0, 0);
  g_autoptr (GDateTime) after = g_date_time_new_utc (2021, 10, 1, 12, 0, 0);
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  int at, moved;

  g_assert_cmpint (check_now_line (model, before), ==, -1);

  plenary_test_set_view_now (view, early);
  g_assert_cmpint (check_now_line (model, early), ==, 2);

  /* Seven sessions run in parallel: the line is after them all, before the keynote. */
  plenary_test_set_view_now (view, during);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 0);
  at = check_now_line (model, during);
  g_assert_cmpint (at, >, 2);
  g_assert_cmpint (at, <, (int) g_list_model_get_n_items (model) - 1);

  plenary_test_set_view_now (view, later);
  moved = check_now_line (model, later);
  g_assert_cmpint (moved, >, at);

  /* Other days and searches have none. */
  plenary_schedule_view_set_day (view, 1);
  g_assert_cmpint (check_now_line (model, later), ==, -1);
  plenary_schedule_view_set_day (view, 0);
  g_assert_cmpint (check_now_line (model, later), ==, moved);
  search (view, "bpf");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpint (check_now_line (model, later), ==, -1);
  search (view, "");
  g_assert_cmpint (check_now_line (model, later), ==, moved);

  /* Jump to Now scrolls to the line and does not choke on it. */
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.jump-to-now", NULL);
  plenary_test_iterate (50);
  g_assert_cmpint (check_now_line (model, later), ==, moved);

  plenary_test_set_view_now (view, after);
  g_assert_cmpint (check_now_line (model, after), ==, -1);
  gtk_window_destroy (window);
}

/* Given the application's clock, the view follows it minute by minute. */
static void
test_now_line_follows_clock (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (GDateTime) during = g_date_time_new_utc (2021, 9, 20, 11, 50, 0);
  g_autoptr (GDateTime) later = g_date_time_add_hours (during, 4);
  PlenaryClock *clock = plenary_clock_get_default ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  int at;

  plenary_clock_set_fixed (clock, during);
  plenary_test_set_view_now (view, NULL);
  at = check_now_line (model, during);
  g_assert_cmpint (at, >, 0);

  plenary_clock_advance (clock, 4 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (check_now_line (model, later), >, at);

  plenary_clock_set_system (clock);
  g_assert_cmpint (check_now_line (model, later), ==, -1);
  gtk_window_destroy (window);
}

/* The line reads "Now · 07:50" in the event's zone. */
static void
test_now_line_row (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2021, 9, 20, 11, 50, 0);
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (PlenaryNowMarker) marker = plenary_now_marker_new (now);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = plenary_entry_row_new ();
  g_autofree char *time = NULL;
  g_autofree char *expected = NULL;
  PlenaryRowContext context = { .zone = zone };

  gtk_window_set_child (GTK_WINDOW (window), row);
  plenary_entry_row_bind (PLENARY_ENTRY_ROW (row), G_OBJECT (marker), &context);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (20);
  collect_labels (row, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  time = plenary_format_time (now, zone);
  expected = g_strdup_printf ("Now · %s", time);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), ==, expected);
  g_assert_true (g_str_has_prefix (time, "07") || g_str_has_prefix (time, "7"));
  g_assert_true (gtk_widget_has_css_class (row, "now-line"));
  g_assert_false (gtk_widget_get_focusable (row));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No child of a row overlaps its sibling, and every row is as tall as its text, in the rows on
 * screen of @list. */
static void
assert_rows_laid_out (GtkWidget *list)
{
  guint checked = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (list); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *row = gtk_widget_get_first_child (cell);
      GtkWidget *content;
      int needed = 0;
      double bottom = -1;

      if (row == NULL || !gtk_widget_get_mapped (row))
        continue;
      content = NULL;
      for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BOX (child))
          content = child;
      g_assert_nonnull (content);
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (content),
                          &needed, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (content), >=, needed);
      for (GtkWidget *label = gtk_widget_get_first_child (content); label != NULL;
           label = gtk_widget_get_next_sibling (label))
        {
          graphene_rect_t bounds;
          int label_needed = 0;

          if (!gtk_widget_get_visible (label))
            continue;
          g_assert_true (gtk_widget_compute_bounds (label, content, &bounds));
          g_assert_cmpfloat (bounds.origin.y, >=, bottom);
          gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, (int) bounds.size.width,
                              &label_needed, NULL, NULL, NULL);
          g_assert_cmpfloat (bounds.size.height, >=, label_needed);
          /* What is drawn fits where it is drawn. */
          if (GTK_IS_LABEL (label))
            {
              int drawn_width, drawn_height;

              pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), &drawn_width,
                                           &drawn_height);
              g_assert_cmpint (drawn_height, <=, (int) bounds.size.height + 1);
              g_assert_cmpint (drawn_width, <=, (int) bounds.size.width + 1);
            }
          bottom = bounds.origin.y + bounds.size.height;
        }
      checked++;
    }
  g_assert_cmpuint (checked, >, 3);
}

/* Rows are measured again after every change of density, at a narrow width where speaker
 * lines wrap. */
static void
test_rows_measured_after_density (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  const char *densities[] = { "compact", "numbered", "detailed", "compact", "detailed" };
  g_autoptr (GDateTime) before = g_date_time_new_utc (2021, 9, 1, 12, 0, 0);
  GtkWidget *window = gtk_window_new ();
  PlenaryScheduleView *view = plenary_test_set_view_now (g_object_new (PLENARY_TYPE_SCHEDULE_VIEW, NULL), before);
  GtkWidget *list;
  g_autofree char *path = NULL;
  g_autoptr (PlenaryUserData) user_data = NULL;

  /* Wide first, then folded, as in a narrow window, where speaker lines wrap most: the rows
   * have been measured at other widths before. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  path = g_build_filename (plenary_test_get_tmpdir (), "density-user.json", NULL);
  user_data = plenary_user_data_new (path);
  plenary_schedule_view_set_schedule (view, schedule);
  /* With user data, as in the app: rows have their star toggles. */
  plenary_schedule_view_set_user_data (view, user_data);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (200);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  plenary_test_iterate (200);
  list = find_list (GTK_WIDGET (view));
  g_assert_cmpint (gtk_widget_get_width (list), <, 420);
  assert_rows_laid_out (list);
  for (guint i = 0; i < G_N_ELEMENTS (densities); i++)
    {
      g_test_message ("density %s", densities[i]);
      g_object_set (view, "density", densities[i], NULL);
      plenary_test_iterate (100);
      assert_rows_laid_out (list);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a key does where @focus has focus: the first shortcut for @keyval (no modifiers) of
 * @focus or its ancestors, as GTK's bubbling phase finds it. */
static gboolean
press_key (GtkWidget *focus,
           guint      keyval)
{
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller),
                                                                        j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
                  && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0
                  && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                   gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

static GtkWidget *
nth_cell (GtkWidget *list,
          guint      position)
{
  GtkWidget *cell = gtk_widget_get_first_child (list);

  for (guint i = 0; cell != NULL && i < position; i++)
    cell = gtk_widget_get_next_sibling (cell);
  return cell;
}

/* Down, then Return, opens the next talk; focus stays in the list, no label text is selected;
 * the open talk is marked in the list; cells are announced by their rows' labels. */
static void
test_keyboard_down_enter (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  PlenaryEntryPage *page = plenary_schedule_view_get_entry_page (view);
  g_autoptr (PlenaryEntry) first = g_list_model_get_item (model, 1);
  g_autoptr (PlenaryEntry) second = g_list_model_get_item (model, 2);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *focus;

  g_assert_true (gtk_widget_grab_focus (nth_cell (list, 1)));
  g_assert_true (gtk_window_get_focus (window) == nth_cell (list, 1));
  {
    GtkAccessible *cell = GTK_ACCESSIBLE (nth_cell (list, 1));
    g_autofree char *label = gtk_test_accessible_check_property (cell,
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 "");

    g_assert_nonnull (label);
    g_assert_nonnull (strstr (label, plenary_entry_get_title (first)));
  }

  g_assert_true (press_key (gtk_window_get_focus (window), GDK_KEY_Down));
  plenary_test_iterate (50);
  focus = gtk_window_get_focus (window);
  g_assert_true (focus == nth_cell (list, 2));
  g_assert_true (press_key (focus, GDK_KEY_Return));
  plenary_test_iterate (50);
  g_assert_true (plenary_entry_page_get_entry (page) == second);

  /* Focus stays on the row; nothing on the page is selected. */
  g_assert_true (gtk_window_get_focus (window) == nth_cell (list, 2));
  collect_labels (GTK_WIDGET (page), labels);
  g_assert_cmpuint (labels->len, >, 3);
  for (guint i = 0; i < labels->len; i++)
    g_assert_false (gtk_label_get_selection_bounds (g_ptr_array_index (labels, i), NULL, NULL));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (nth_cell (list, 2)),
                                           "open"));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_first_child (nth_cell (list, 1)),
                                            "open"));
  gtk_window_destroy (window);
}

/* Tab leaves the notes and types nothing into them. */
static void
test_tab_leaves_notes (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "tab-user.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  PlenaryEntryPage *page = plenary_schedule_view_get_entry_page (view);
  g_autoptr (PlenaryEntry) talk = g_list_model_get_item (
                                    plenary_schedule_view_get_model (view), 1);
  GtkWidget *notes;

  plenary_schedule_view_set_user_data (view, user_data);
  plenary_schedule_view_show_entry (view, talk);
  plenary_test_iterate (50);
  notes = plenary_test_find_mapped_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (notes);
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (notes)));
  g_assert_true (gtk_widget_grab_focus (notes));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  plenary_test_iterate (20);
  g_assert_false (gtk_widget_is_focus (notes));
  g_assert_null (plenary_user_data_get_note (user_data, plenary_entry_get_user_key (talk)));
  gtk_window_destroy (window);
}

/* Another day: the page no longer shows the last day's talk. */
static void
test_day_switch_clears_page (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  PlenaryEntryPage *page = plenary_schedule_view_get_entry_page (view);
  g_autoptr (PlenaryEntry) talk = g_list_model_get_item (
                                    plenary_schedule_view_get_model (view), 1);

  plenary_schedule_view_show_entry (view, talk);
  g_assert_true (plenary_entry_page_get_entry (page) == talk);
  plenary_schedule_view_set_day (view, 0);
  g_assert_true (plenary_entry_page_get_entry (page) == talk);
  plenary_schedule_view_set_day (view, 2);
  g_assert_null (plenary_entry_page_get_entry (page));
  gtk_window_destroy (window);
}

static void
folded_cb (AdwLeaflet *leaflet,
           GParamSpec *pspec,
           GArray     *durations)
{
  guint duration = adw_leaflet_get_mode_transition_duration (leaflet);

  g_array_append_val (durations, duration);
}

/* A window opened narrow folds the leaflet in its first layout, when the view is mapped
 * already: that first fold is made at once (it animated: a quarter second of frames at
 * start-up, more when a first layout at one size is followed by another); a later one, from
 * the user's resize, still animates. */
static void
test_first_fold_does_not_animate (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  PlenaryScheduleView *view = PLENARY_SCHEDULE_VIEW (plenary_schedule_view_new ());
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_first_child (GTK_WIDGET (view)));
  g_autoptr (GArray) durations = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *window = gtk_window_new ();

  plenary_schedule_view_set_schedule (view, schedule);
  g_signal_connect (leaflet, "notify::folded", G_CALLBACK (folded_cb), durations);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpuint (durations->len, ==, 1);
  g_assert_cmpuint (g_array_index (durations, guint, 0), ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  plenary_test_iterate (300);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_cmpuint (durations->len, ==, 2);
  g_assert_cmpuint (g_array_index (durations, guint, 1), ==, 250);
  g_signal_handlers_disconnect_by_data (leaflet, durations);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Everything @model shows is @schedule's: its days, its entries. */
static void
assert_all_of (GListModel      *model,
               PlenarySchedule *schedule)
{
  GListModel *days = plenary_schedule_get_days (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_DAY (item))
        {
          gboolean found = FALSE;

          for (guint d = 0; d < g_list_model_get_n_items (days); d++)
            {
              g_autoptr (GObject) day = g_list_model_get_item (days, d);

              found |= day == item;
            }
          g_assert_true (found);
        }
      else if (PLENARY_IS_ENTRY (item))
        g_assert_true (plenary_schedule_lookup_user_key (schedule,
                         plenary_entry_get_user_key (PLENARY_ENTRY (item))) == (gpointer) item);
    }
}

/* A search on screen when the programme is swapped shows only the new programme's talks, under
 * its days, and is answered again from it: a new snapshot of the event keeps the same talks
 * meanwhile, another event none of the old one's. */
static void
test_search_follows_new_programme (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) again = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) other =
    plenary_test_load_other_event ("McKenney at another event");
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GListModel *model = plenary_schedule_view_get_model (view);

  search (view, "mckenney");
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 7);

  plenary_schedule_view_set_schedule (view, again);
  g_assert_true (plenary_schedule_view_get_search_pending (view));
  assert_all_of (model, again);
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 7);
  assert_grouped_by_day (model);
  wait_for_search (view);
  assert_all_of (model, again);
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 7);

  plenary_schedule_view_set_schedule (view, other);
  assert_all_of (model, other);
  wait_for_search (view);
  assert_all_of (model, other);
  g_assert_cmpuint (count_kind (model, PLENARY_ENTRY_KIND_CONTRIBUTION), ==, 1);
  assert_grouped_by_day (model);
  gtk_window_destroy (window);
}

/* Halfway down the results when a sync brings a new snapshot of the event, the user stays
 * there once it is answered again; a new query starts at the top. */
static void
test_search_keeps_place_across_sync (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) again = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  double place;

  search (view, "kernel");
  plenary_test_iterate (50);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment),
                     >, 3 * gtk_adjustment_get_page_size (adjustment));
  place = gtk_adjustment_get_upper (adjustment) / 2;
  gtk_adjustment_set_value (adjustment, place);
  plenary_test_iterate (50);
  place = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (place, >, 0);

  plenary_schedule_view_set_schedule (view, again);
  wait_for_search (view);
  plenary_test_iterate (50);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), place, 1);

  search (view, "kernel bpf");
  plenary_test_iterate (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_window_destroy (window);
}

/* Whether an engine given @schedule now is ready at once. */
static gboolean
index_ready_at_once (PlenarySchedule *schedule)
{
  g_autoptr (PlenarySearchEngine) probe = plenary_search_engine_new ();

  plenary_search_engine_set_schedule (probe, schedule);
  return plenary_search_engine_get_ready (probe);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **found = user_data;

  *found = plenary_search_engine_search_finish (PLENARY_SEARCH_ENGINE (source), result, NULL);
}

/* The index a sync prepared for the programme it brought (plenary_search_engine_prepare()) is
 * the one the Schedule's engine uses: searchable the moment it is shown, with the same
 * answers; without it the engine builds its own after the first frame. */
static void
test_prepared_index_used (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) other = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySearchEngine) engine = plenary_search_engine_new ();
  g_autoptr (GPtrArray) found = NULL;

  g_assert_false (index_ready_at_once (other));
  plenary_search_engine_prepare (schedule);
  for (guint i = 0; i < 500 && !index_ready_at_once (schedule); i++)
    plenary_test_iterate (10);
  g_assert_true (index_ready_at_once (schedule));

  plenary_search_engine_set_schedule (engine, schedule);
  g_assert_true (plenary_search_engine_get_ready (engine));
  plenary_search_engine_search_async (engine, "mckenney", NULL, search_done_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (found->len, ==, 7);
  plenary_search_engine_set_schedule (engine, NULL);
  plenary_test_iterate (100);
}

/* The open talk stays open in a new snapshot of its event; another event's talk of the same id
 * is another talk, and switching to that event goes back to the list. */
static void
test_event_switch_closes_page (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) again = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) other =
    plenary_test_load_other_event ("McKenney at another event");
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  PlenaryEntryPage *page = plenary_schedule_view_get_entry_page (view);
  AdwLeaflet *leaflet = ADW_LEAFLET (plenary_test_find_widget (GTK_WIDGET (view),
                                                               ADW_TYPE_LEAFLET, NULL));

  plenary_schedule_view_show_entry (view, plenary_schedule_lookup_user_key (schedule, "965"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "entry");

  plenary_schedule_view_set_schedule (view, again);
  g_assert_true (plenary_entry_page_get_entry (page)
                 == plenary_schedule_lookup_user_key (again, "965"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "entry");

  g_assert_nonnull (plenary_schedule_lookup_user_key (other, "965"));
  plenary_schedule_view_set_schedule (view, other);
  g_assert_null (plenary_entry_page_get_entry (page));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  gtk_window_destroy (window);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Choosing a day does its work once: the day switcher it updates does not call back into it,
 * also where the filters leave the days empty. */
static void
test_set_day_once (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  guint notified = 0;

  plenary_schedule_view_set_filters (view, "Birds of a Feather (BoF)",
                                     "Refereed Track/Virtual-Room", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_view_get_model (view)), ==, 0);
  g_signal_connect (view, "notify::day", G_CALLBACK (count_notify_cb), &notified);

  plenary_schedule_view_set_day (view, 1);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  plenary_schedule_view_set_day (view, 1);
  g_assert_cmpuint (notified, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.next-day", NULL);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 2);
  g_assert_cmpuint (notified, ==, 2);

  g_signal_handlers_disconnect_by_data (view, &notified);
  gtk_window_destroy (window);
}

/* Every image under @widget is hidden from screen readers: they decorate named things. */
static void
assert_images_hidden (GtkWidget *widget,
                      guint     *n_images)
{
  if (GTK_IS_IMAGE (widget))
    {
      g_autofree char *differs = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_STATE_HIDDEN,
                                                                  TRUE);

      g_assert_null (differs);
      (*n_images)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_images_hidden (child, n_images);
}

/* The star toggle of a row stars its talk in the user data, and follows the user data. */
static void
test_row_star_toggle (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "star-user.json", NULL);
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  g_autoptr (PlenaryEntry) talk = g_list_model_get_item (
                                    plenary_schedule_view_get_model (view), 1);
  const char *key = plenary_entry_get_user_key (talk);
  GtkWidget *star;

  plenary_schedule_view_set_user_data (view, user_data);
  plenary_test_iterate (50);
  star = plenary_test_find_mapped_widget (nth_cell (list, 1), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (star);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Star");
  {
    guint n_images = 0;

    /* The star's icon, the starred mark: the button and the row's label name them. */
    assert_images_hidden (nth_cell (list, 1), &n_images);
    g_assert_cmpuint (n_images, >=, 2);
  }
  {
    g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (star),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 "");

    g_assert_cmpstr (label, ==, "Star");
  }
#if GTK_CHECK_VERSION (4, 12, 0)
  /* Reached by keyboard: Tab from the focused row goes to its star, then out of the list. */
  g_assert_true (gtk_widget_get_focusable (star));
  g_assert_true (gtk_widget_grab_focus (nth_cell (list, 1)));
  g_assert_true (gtk_widget_child_focus (nth_cell (list, 1), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (star));
#else
  /* GTK 4.8 sends Tab through every row of a list, so the stars are not Tab stops there:
   * the focused row is starred with Ctrl+D (below). */
  g_assert_false (gtk_widget_get_focusable (star));
#endif

  g_assert_false (plenary_user_data_get_starred (user_data, key));
  /* What a click or Space ends in. */
  g_signal_emit_by_name (star, "clicked");
  plenary_test_iterate (50);
  g_assert_true (plenary_user_data_get_starred (user_data, key));
  star = plenary_test_find_mapped_widget (nth_cell (list, 1), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Unstar");

  plenary_user_data_set_starred (user_data, key, FALSE);
  plenary_test_iterate (50);
  star = plenary_test_find_mapped_widget (nth_cell (list, 1), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));

  /* Ctrl+D stars the talk of the focused row. */
  g_assert_true (gtk_widget_grab_focus (nth_cell (list, 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "schedule.toggle-star", NULL));
  g_assert_true (plenary_user_data_get_starred (user_data, key));
  gtk_window_destroy (window);
}

/* Numbered keeps the start (and end) time and adds the number. */
static void
test_numbered_shows_time (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  g_autoptr (PlenaryEntry) talk = g_list_model_get_item (
                                    plenary_schedule_view_get_model (view), 1);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *start = plenary_format_time (plenary_entry_get_start (talk),
                                                plenary_schedule_get_timezone (schedule));
  g_autofree char *end = plenary_format_time (plenary_entry_get_end (talk),
                                              plenary_schedule_get_timezone (schedule));
  gboolean number = FALSE, time = FALSE;

  g_object_set (view, "density", "numbered", NULL);
  plenary_test_iterate (100);
  collect_labels (nth_cell (list, 1), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      number |= g_strcmp0 (text, "1") == 0;
      time |= g_str_has_prefix (text, start) && strstr (text, end) != NULL;
    }
  g_assert_true (number);
  g_assert_true (time);
  gtk_window_destroy (window);
}

/* "Happening now · 12 min left" on the page of a talk that is on. */
static void
test_page_happening_now (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  PlenaryEntryPage *page = plenary_schedule_view_get_entry_page (view);
  g_autoptr (PlenaryEntry) talk = g_list_model_get_item (
                                    plenary_schedule_view_get_model (view), 2);
  g_autoptr (GDateTime) during = g_date_time_add_minutes (plenary_entry_get_end (talk), -12);

  plenary_schedule_view_show_entry (view, talk);
  g_assert_null (plenary_entry_page_get_now_text (page));
  plenary_test_set_view_now (view, during);
  g_assert_cmpstr (plenary_entry_page_get_now_text (page), ==, "Happening now · 12 min left");
  plenary_test_set_view_now (view, plenary_entry_get_end (talk));
  g_assert_null (plenary_entry_page_get_now_text (page));
  gtk_window_destroy (window);
}

/* Search results mark what matched, and say when only the abstract did. */
static void
test_search_highlight_and_hint (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  GListModel *model = plenary_schedule_view_get_model (view);
  const char *terms[] = { "tracing", NULL };
  g_autoptr (GArray) ranges = plenary_search_find_terms ("BPF Tracing: Ça trace", terms);
  gboolean highlighted = FALSE, hinted = FALSE;

  g_assert_cmpuint (ranges->len, ==, 1);
  g_assert_cmpuint (g_array_index (ranges, PlenaryTextRange, 0).start, ==, 4);
  g_assert_cmpuint (g_array_index (ranges, PlenaryTextRange, 0).end, ==, 11);
  {
    const char *accented[] = { "ca", NULL };
    g_autoptr (GArray) found = plenary_search_find_terms ("BPF Tracing: Ça trace", accented);

    /* "Ç" is two bytes of the text, one of the folded "ca". */
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpuint (g_array_index (found, PlenaryTextRange, 0).start, ==, 13);
    g_assert_cmpuint (g_array_index (found, PlenaryTextRange, 0).end, ==, 16);
  }

  search (view, "tracing");
  plenary_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 5);
  for (GtkWidget *cell = gtk_widget_get_first_child (list); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();

      collect_labels (cell, labels);
      for (guint i = 0; i < labels->len; i++)
        {
          GtkLabel *label = g_ptr_array_index (labels, i);
          PangoAttrList *attrs = gtk_label_get_attributes (label);

          hinted |= strstr (gtk_label_get_text (label), "Matches in the abstract") != NULL;
          if (attrs != NULL && strstr (gtk_label_get_text (label), "racing") != NULL)
            {
              g_autoptr (GSList) found = NULL;
              PangoAttrIterator *iter = pango_attr_list_get_iterator (attrs);

              do
                {
                  if (pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND) != NULL)
                    highlighted = TRUE;
                }
              while (pango_attr_iterator_next (iter));
              pango_attr_iterator_destroy (iter);
            }
        }
    }
  g_assert_true (highlighted);
  g_assert_true (hinted);
  gtk_window_destroy (window);
}

static void
collect_day_switchers (GtkWidget  *widget,
                       GPtrArray  *buttons,
                       GtkWidget **dropdown)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "day"))
    g_ptr_array_add (buttons, widget);
  if (GTK_IS_DROP_DOWN (widget))
    {
      g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "");

      if (g_strcmp0 (label, "Day") == 0)
        *dropdown = widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_day_switchers (child, buttons, dropdown);
}

/* One talk of a timetable export: "c<number>", 10:00–10:30 UTC on @date. */
static char *
talk_json (guint       number,
           const char *date)
{
  return g_strdup_printf ("\"c%u\":{\"id\":\"c%u\",\"entryType\":\"Contribution\","
                          "\"contributionId\":%u,\"title\":\"Talk %u\",\"startDate\":{\"date\":"
                          "\"%s\",\"time\":\"10:00:00\",\"tz\":\"UTC\"},\"endDate\":{\"date\":"
                          "\"%s\",\"time\":\"10:30:00\",\"tz\":\"UTC\"},\"room\":\"A\"}",
                          number, number, number, number, date, date);
}

/* A day with nothing on is no tab that looks disabled: skipped by the buttons and the
 * drop-down, still reached by Ctrl+Page Down, where it says so. */
static void
test_empty_day_skipped (void)
{
  g_autofree char *first = talk_json (1, "2024-09-18");
  g_autofree char *last = talk_json (3, "2024-09-20");
  g_autofree char *json = g_strdup_printf ("{\"count\":1,\"results\":{\"7\":{\"20240918\":{%s},"
                                           "\"20240919\":{},\"20240920\":{%s}}}}", first, last);
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *dropdown = NULL;
  GtkWindow *window;
  PlenaryScheduleView *view;

  sources->timetable = g_bytes_new (json, strlen (json));
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_get_days (schedule)), ==, 3);
  view = new_view (schedule, &window);

  collect_day_switchers (GTK_WIDGET (view), buttons, &dropdown);
  g_assert_cmpuint (buttons->len, ==, 3);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (buttons, 0)));
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (buttons, 1)));
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (buttons, 2)));
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))),
                    ==, 2);

  /* The drop-down's second day is the event's third. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "schedule.previous-day", NULL);
  g_assert_cmpuint (plenary_schedule_view_get_day (view), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_view_get_model (view)), ==, 0);
  gtk_window_destroy (window);
}

/* A poster block's time is said once, by its header: the posters in it repeat neither the
 * block's start nor its length. */
static void
test_posters_time_once (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_dst_night ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  GListModel *model = plenary_schedule_view_get_model (view);
  guint n_posters = 0;
  gboolean header_time = FALSE;

  plenary_schedule_view_set_day (view, 1);
  plenary_test_iterate (100);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();
      PlenaryEntry *entry;
      gboolean poster;

      if (!PLENARY_IS_ENTRY (item))
        continue;
      entry = PLENARY_ENTRY (item);
      if (!plenary_entry_get_is_poster (entry))
        continue;
      poster = plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION;
      collect_labels (nth_cell (list, i), labels);
      g_assert_cmpuint (labels->len, >, 0);
      for (guint j = 0; j < labels->len; j++)
        {
          const char *text = gtk_label_get_text (g_ptr_array_index (labels, j));

          if (poster)
            {
              g_assert_null (strstr (text, "10:00"));
              g_assert_null (strstr (text, "2 hours"));
            }
          else
            header_time |= strstr (text, "10:00") != NULL;
        }
      n_posters += poster;
    }
  g_assert_cmpuint (n_posters, ==, 2);
  g_assert_true (header_time);
  gtk_window_destroy (window);
}

/* At 360 px a row's "Now" badge sits above the title, which keeps the text column's width;
 * wide, it is beside the text. */
static void
test_badge_above_when_narrow (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  PlenaryScheduleView *view = new_view (schedule, &window);
  GtkWidget *list = find_list (GTK_WIDGET (view));
  g_autoptr (PlenaryEntry) talk = g_list_model_get_item (
                                    plenary_schedule_view_get_model (view), 2);
  g_autoptr (GDateTime) during = g_date_time_add_minutes (plenary_entry_get_start (talk), 5);

  plenary_test_set_view_now (view, during);
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      GtkWidget *cell, *badge, *title = NULL;
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();
      graphene_rect_t badge_box, title_box;

      gtk_window_set_default_size (window, narrow ? 360 : 1000, 700);
      plenary_test_iterate (150);
      cell = nth_cell (list, 2);
      badge = plenary_test_find_mapped_widget (cell, GTK_TYPE_WIDGET, "badge");
      g_assert_nonnull (badge);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Now");
      collect_labels (cell, labels);
      for (guint i = 0; i < labels->len; i++)
        if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)),
                       plenary_entry_get_title (talk)) == 0)
          title = g_ptr_array_index (labels, i);
      g_assert_nonnull (title);
      g_assert_true (gtk_widget_compute_bounds (badge, cell, &badge_box));
      g_assert_true (gtk_widget_compute_bounds (title, cell, &title_box));
      if (narrow)
        {
          g_assert_cmpfloat (badge_box.origin.y + badge_box.size.height, <=, title_box.origin.y);
          g_assert_cmpfloat (fabsf (badge_box.origin.x - title_box.origin.x), <, 1);
        }
      else
        g_assert_cmpfloat (badge_box.origin.x, >=, title_box.origin.x + title_box.size.width);
    }
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  /* Keep accessible properties (GTK_A11Y=none drops them) to check the rows' labels. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/schedule-view/first-day-blocks-in-order", test_first_day_blocks_in_order);
  g_test_add_func ("/schedule-view/numbered-density", test_numbered_density);
  g_test_add_func ("/schedule-view/search-mckenney", test_search_mckenney);
  g_test_add_func ("/schedule-view/filters-combine", test_filters_combine);
  g_test_add_func ("/schedule-view/keyboard-day-switch", test_keyboard_day_switch);
  g_test_add_func ("/schedule-view/opens-on-today", test_opens_on_today);
  g_test_add_func ("/schedule-view/server-text-is-data", test_server_text_is_data);
  g_test_add_func ("/schedule-view/search-as-you-type", test_search_as_you_type);
  g_test_add_func ("/schedule-view/search-index-in-background", test_search_index_in_background);
  g_test_add_func ("/schedule-view/first-search-does-not-wait", test_first_search_does_not_wait);
  g_test_add_func ("/schedule-view/rows-bounded-on-big-day", test_rows_bounded_on_big_day);
  g_test_add_func ("/schedule-view/keyboard-opens-entry", test_keyboard_opens_entry);
  g_test_add_func ("/schedule-view/rows-follow-changes", test_rows_follow_changes);
  g_test_add_func ("/schedule-view/now-line", test_now_line);
  g_test_add_func ("/schedule-view/now-line-follows-clock", test_now_line_follows_clock);
  g_test_add_func ("/schedule-view/now-line-row", test_now_line_row);
  g_test_add_func ("/schedule-view/rows-measured-after-density",
                   test_rows_measured_after_density);
  g_test_add_func ("/schedule-view/keyboard-down-enter", test_keyboard_down_enter);
  g_test_add_func ("/schedule-view/tab-leaves-notes", test_tab_leaves_notes);
  g_test_add_func ("/schedule-view/day-switch-clears-page", test_day_switch_clears_page);
  g_test_add_func ("/schedule-view/first-fold-does-not-animate", test_first_fold_does_not_animate);
  g_test_add_func ("/schedule-view/row-star-toggle", test_row_star_toggle);
  g_test_add_func ("/schedule-view/numbered-shows-time", test_numbered_shows_time);
  g_test_add_func ("/schedule-view/page-happening-now", test_page_happening_now);
  g_test_add_func ("/schedule-view/search-highlight-and-hint", test_search_highlight_and_hint);
  g_test_add_func ("/schedule-view/empty-day-skipped", test_empty_day_skipped);
  g_test_add_func ("/schedule-view/posters-time-once", test_posters_time_once);
  g_test_add_func ("/schedule-view/badge-above-when-narrow", test_badge_above_when_narrow);
  g_test_add_func ("/schedule-view/search-follows-new-programme",
                   test_search_follows_new_programme);
  g_test_add_func ("/schedule-view/search-keeps-place-across-sync",
                   test_search_keeps_place_across_sync);
  g_test_add_func ("/schedule-view/prepared-index-used", test_prepared_index_used);
  g_test_add_func ("/schedule-view/event-switch-closes-page", test_event_switch_closes_page);
  g_test_add_func ("/schedule-view/set-day-once", test_set_day_once);

  return g_test_run ();
}
