/* test-speakers-view.c: the Speakers view on the real LPC 2021 programme
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "plenary-test-util.h"
#include "ui/plenary-speakers-view.h"

/* Counting people from the JSON, independently of the parser */

static void
remember_ids (GHashTable *ids,
              JsonArray  *people)
{
  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      const char *hash = json_object_get_string_member_with_default (person, "emailHash", NULL);
      gint64 id = json_object_get_int_member_with_default (person, "person_id", 0);

      if (hash != NULL && id > 0)
        g_hash_table_insert (ids, g_strdup (hash), g_strdup_printf ("p:%" G_GINT64_FORMAT, id));
    }
}

/* The model's identity for a person (see plenary_person_make_key): the event export's
 * person_id, found by emailHash, else the emailHash, else the name and affiliation. */
static void
add_people (GHashTable *keys,
            GHashTable *ids,
            JsonArray  *people)
{
  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      const char *hash = json_object_get_string_member_with_default (person, "emailHash", NULL);
      const char *id = hash != NULL ? g_hash_table_lookup (ids, hash) : NULL;
      char *key;

      if (id != NULL)
        key = g_strdup (id);
      else if (hash != NULL && hash[0] != '\0')
        key = g_strdup_printf ("e:%s", hash);
      else
        key = g_strdup_printf ("n:%s|%s",
                               json_object_get_string_member_with_default (person, "name", ""),
                               json_object_get_string_member_with_default (person,
                                                                           "affiliation", ""));
      g_hash_table_add (keys, key);
    }
}

static void
add_entry_people (GHashTable *keys,
                  GHashTable *ids,
                  JsonObject *entry,
                  gboolean   *convenes)
{
  const char *type = json_object_get_string_member_with_default (entry, "entryType", "");

  if (g_str_equal (type, "Session"))
    {
      JsonObject *children = json_object_get_object_member (entry, "entries");
      g_autoptr (GList) values = children != NULL ? json_object_get_values (children) : NULL;

      if (json_object_has_member (entry, "conveners"))
        {
          *convenes = TRUE;
          add_people (keys, ids, json_object_get_array_member (entry, "conveners"));
        }
      for (GList *l = values; l != NULL; l = l->next)
        add_entry_people (keys, ids, json_node_get_object (l->data), convenes);
    }
  else if (g_str_equal (type, "Contribution"))
    add_people (keys, ids, json_object_get_array_member (entry, "presenters"));
}

/* Presenters ∪ conveners of the timetable, as the model dedups them. */
static guint
count_fixture_people (guint *n_speakers_out)
{
  g_autoptr (GBytes) timetable_file = plenary_test_load_lpc2021_file ("export-timetable-11.json");
  g_autoptr (GBytes) event_file =
    plenary_test_load_lpc2021_file ("export-event-11-contributions.json");
  g_autoptr (JsonNode) timetable = plenary_test_parse_json (timetable_file);
  g_autoptr (JsonNode) event = plenary_test_parse_json (event_file);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) everyone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *result = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (event), "results"), 0);
  JsonArray *contributions = json_object_get_array_member (result, "contributions");
  JsonObject *days = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (timetable), "results"), "11");
  g_autoptr (GList) day_list = json_object_get_values (days);
  gboolean convenes = FALSE;

  for (guint i = 0; i < json_array_get_length (contributions); i++)
    {
      JsonObject *contribution = json_array_get_object_element (contributions, i);

      remember_ids (ids, json_object_get_array_member (contribution, "speakers"));
      remember_ids (ids, json_object_get_array_member (contribution, "primaryauthors"));
      remember_ids (ids, json_object_get_array_member (contribution, "coauthors"));
    }

  for (GList *d = day_list; d != NULL; d = d->next)
    {
      g_autoptr (GList) entries = json_object_get_values (json_node_get_object (d->data));
      gboolean ignored = FALSE;

      for (GList *e = entries; e != NULL; e = e->next)
        {
          add_entry_people (speakers, ids, json_node_get_object (e->data), &ignored);
          add_entry_people (everyone, ids, json_node_get_object (e->data), &convenes);
        }
    }
  /* Conveners are in the fixture, so the count below is of both, not of speakers twice. */
  g_assert_true (convenes);

  *n_speakers_out = g_hash_table_size (speakers);
  return g_hash_table_size (everyone);
}

static char *
expected_letter (PlenaryPerson *person)
{
  gunichar c = g_utf8_get_char (plenary_person_get_sort_key (person));
  char buffer[8] = { 0 };

  if (!g_unichar_isalpha (c))
    return g_strdup ("#");
  g_unichar_to_utf8 (g_unichar_toupper (c), buffer);
  return g_strdup (buffer);
}

/* Persons in key order, each new initial introduced by exactly one header: returns the
 * persons listed. */
static GPtrArray *
check_speaker_rows (GListModel *model)
{
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *header = NULL;
  PlenaryPerson *previous = NULL;
  gboolean header_just_seen = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item))
        {
          g_assert_false (header_just_seen);
          g_free (header);
          header = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
          header_just_seen = TRUE;
          continue;
        }

      g_assert_true (PLENARY_IS_PERSON (item));
      {
        PlenaryPerson *person = PLENARY_PERSON (item);
        g_autofree char *letter = expected_letter (person);
        g_autofree char *previous_letter = previous != NULL ? expected_letter (previous) : NULL;

        /* A header exactly when the initial changes, and it is that initial. */
        g_assert_cmpint (header_just_seen, ==, g_strcmp0 (letter, previous_letter) != 0);
        g_assert_cmpstr (header, ==, letter);
        if (previous != NULL)
          g_assert_cmpint (strcmp (plenary_person_get_sort_key (previous),
                                   plenary_person_get_sort_key (person)), <=, 0);
        previous = person;
        header_just_seen = FALSE;
        g_ptr_array_add (people, g_object_ref (person));
      }
    }
  g_assert_false (header_just_seen);
  return people;
}

static PlenaryPerson *
find_family (GListModel *model,
             const char *family)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_PERSON (item)
          && g_strcmp0 (plenary_person_get_family_name (PLENARY_PERSON (item)), family) == 0)
        return PLENARY_PERSON (item);
    }
  return NULL;
}

static guint
count_css_class (GtkWidget  *widget,
                 const char *css_class)
{
  guint n = gtk_widget_has_css_class (widget, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_css_class (child, css_class);
  return n;
}

static void
test_speakers_list (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  GtkWidget *view =
    plenary_test_present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
  g_autoptr (GPtrArray) people = NULL;
  guint n_speakers = 0;
  guint n_people = count_fixture_people (&n_speakers);

  /* The fixture's README: 272 speakers; conveners who do not speak come on top. */
  g_assert_cmpuint (n_speakers, ==, 272);
  g_assert_cmpuint (n_people, >=, 272);

  plenary_speakers_view_set_schedule (PLENARY_SPEAKERS_VIEW (view), schedule);
  plenary_test_iterate (50);
  people = check_speaker_rows (plenary_speakers_view_get_model (PLENARY_SPEAKERS_VIEW (view)));
  g_assert_cmpuint (people->len, ==, n_people);
  g_assert_cmpuint (people->len, ==,
                    g_list_model_get_n_items (plenary_schedule_get_people (schedule)));

  /* Rows exist for what is on screen, not for 300 people (GTK 4.8's list view made 200). */
  {
    guint n_rows = count_css_class (view, "person-row");

    g_assert_cmpuint (n_rows, >=, 5);
    g_assert_cmpuint (n_rows, <=, 60);
  }
  gtk_window_destroy (window);
}

static void
check_mckenney_page (PlenarySpeakersView *view,
                     const char          *key)
{
  GListModel *entries = plenary_speakers_view_get_entries (view);
  PlenaryPerson *shown = plenary_speakers_view_get_person (view);
  GDateTime *previous = NULL;

  g_assert_nonnull (shown);
  if (key != NULL)
    g_assert_cmpstr (plenary_person_get_key (shown), ==, key);
  g_assert_cmpstr (plenary_person_get_family_name (shown), ==, "McKenney");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (entries, i);
      GDateTime *start;

      g_assert_true (PLENARY_IS_ENTRY (item));
      start = plenary_entry_get_start (PLENARY_ENTRY (item));
      g_assert_nonnull (start);
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, start), <=, 0);
      previous = start;
    }
}

static void
test_mckenney_page (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  GtkWidget *view =
    plenary_test_present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
  PlenaryPerson *paul;

  plenary_speakers_view_set_schedule (PLENARY_SPEAKERS_VIEW (view), schedule);
  paul = find_family (plenary_speakers_view_get_model (PLENARY_SPEAKERS_VIEW (view)),
                      "McKenney");
  g_assert_nonnull (paul);
  plenary_speakers_view_show_person (PLENARY_SPEAKERS_VIEW (view), paul);
  plenary_test_iterate (50);
  g_assert_true (plenary_speakers_view_get_person (PLENARY_SPEAKERS_VIEW (view)) == paul);
  check_mckenney_page (PLENARY_SPEAKERS_VIEW (view), NULL);
  gtk_window_destroy (window);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

static void
test_search_red_hat (void)
{
  const char * const queries[] = { "red hat", "RED HAT", "réd hat", "  Red   Hat " };
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GListModel *all = plenary_schedule_get_people (schedule);
  GtkWindow *window;
  GtkWidget *view =
    plenary_test_present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
  GListModel *model = plenary_speakers_view_get_model (PLENARY_SPEAKERS_VIEW (view));
  g_autoptr (GPtrArray) red_hat = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (PlenaryPerson) person = g_list_model_get_item (all, i);

      if (contains_folded (plenary_person_get_affiliation (person), "red hat"))
        g_ptr_array_add (red_hat, person);
    }
  /* "Red Hat", "REd Hat", "Red Hat, Inc." …: the fixture has dozens. */
  g_assert_cmpuint (red_hat->len, >=, 20);

  plenary_speakers_view_set_schedule (PLENARY_SPEAKERS_VIEW (view), schedule);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr (GPtrArray) found = NULL;

      plenary_speakers_view_set_search (PLENARY_SPEAKERS_VIEW (view), queries[q]);
      plenary_test_iterate (20);
      found = check_speaker_rows (model);
      for (guint i = 0; i < red_hat->len; i++)
        g_assert_true (g_ptr_array_find (found, red_hat->pdata[i], NULL));
      for (guint i = 0; i < found->len; i++)
        {
          PlenaryPerson *person = found->pdata[i];
          g_autofree char *text = g_strdup_printf ("%s\n%s", plenary_person_get_name (person),
                                                   plenary_person_get_affiliation (person));

          g_assert_true (contains_folded (text, "red") && contains_folded (text, "hat"));
        }
    }

  /* Nobody: an empty list, no headers left behind; clearing brings everyone back. */
  plenary_speakers_view_set_search (PLENARY_SPEAKERS_VIEW (view), "zzzz-nobody");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  plenary_speakers_view_set_search (PLENARY_SPEAKERS_VIEW (view), "");
  {
    g_autoptr (GPtrArray) everyone = check_speaker_rows (model);

    g_assert_cmpuint (everyone->len, ==, g_list_model_get_n_items (all));
  }
  gtk_window_destroy (window);
}

/* @speakers on @schedule with McKenney's page open; returns his key. */
static const char *
open_mckenney (PlenarySpeakersView *speakers,
               PlenarySchedule     *schedule)
{
  plenary_speakers_view_set_schedule (speakers, schedule);
  plenary_speakers_view_show_person (speakers,
                                     find_family (plenary_speakers_view_get_model (speakers),
                                                  "McKenney"));
  return plenary_person_get_key (plenary_speakers_view_get_person (speakers));
}

/* @speakers, given @schedule, has gone back to the list: no person, no talks. */
static void
assert_person_closed_by (PlenarySpeakersView *speakers,
                         PlenarySchedule     *schedule)
{
  plenary_speakers_view_set_schedule (speakers, schedule);
  plenary_test_iterate (20);
  g_assert_null (plenary_speakers_view_get_person (speakers));
  g_assert_cmpuint (g_list_model_get_n_items (plenary_speakers_view_get_entries (speakers)),
                    ==, 0);
}

static void
test_person_survives_resync (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) fresh = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) other = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autofree char *timetable = plenary_test_data_path ("crafted/quirks-timetable.json");
  g_autofree char *event = plenary_test_data_path ("crafted/quirks-event.json");
  g_autoptr (GError) error = NULL;
  GtkWindow *window;
  GtkWidget *view =
    plenary_test_present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
  PlenarySpeakersView *speakers = PLENARY_SPEAKERS_VIEW (view);
  g_autofree char *key = NULL;

  key = g_strdup (open_mckenney (speakers, schedule));

  /* The same programme parsed again: other objects, the same person, the same page. */
  g_assert_true (fresh != schedule);
  plenary_speakers_view_set_schedule (speakers, fresh);
  plenary_test_iterate (20);
  g_assert_true (plenary_speakers_view_get_person (speakers)
                 == plenary_schedule_lookup_person (fresh, key));
  check_mckenney_page (speakers, key);

  /* A programme without him: the page empties. */
  sources->timetable = plenary_test_load_bytes (timetable);
  sources->event = plenary_test_load_bytes (event);
  other = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (plenary_schedule_lookup_person (other, key));
  assert_person_closed_by (speakers, other);
  gtk_window_destroy (window);
}

/* Counts say what they count; every person's row is one height, with or without an
 * affiliation; the open person's row is marked. */
static void
test_speaker_rows (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  GtkWindow *window;
  GtkWidget *view =
    plenary_test_present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
  g_autoptr (GPtrArray) rows = NULL;
  PlenaryPerson *paul;
  g_autofree char *two = plenary_speakers_view_format_count (2, 0);
  g_autofree char *one = plenary_speakers_view_format_count (1, 0);
  g_autofree char *both = plenary_speakers_view_format_count (2, 1);
  g_autofree char *chair = plenary_speakers_view_format_count (0, 3);
  gboolean saw_no_affiliation = FALSE, saw_affiliation = FALSE;
  int height = -1;
  guint n_open = 0;

  g_assert_cmpstr (two, ==, "2 talks");
  g_assert_cmpstr (one, ==, "1 talk");
  g_assert_cmpstr (both, ==, "2 talks, 1 session");
  g_assert_cmpstr (chair, ==, "3 sessions");

  plenary_speakers_view_set_schedule (PLENARY_SPEAKERS_VIEW (view), schedule);
  plenary_test_iterate (50);
  rows = plenary_test_list_rows (view);
  g_assert_cmpuint (rows->len, >, 10);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = plenary_test_row_text (row);
      g_auto (GStrv) parts = g_strsplit (text, "|", -1);

      if (!gtk_widget_get_mapped (row))
        continue;
      /* Name, affiliation (perhaps empty, its line kept), "N talks". */
      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      g_assert_true (g_str_has_suffix (parts[2], " talk") || g_str_has_suffix (parts[2], " talks")
                     || strstr (parts[2], "session") != NULL);
      saw_no_affiliation |= parts[1][0] == '\0';
      saw_affiliation |= parts[1][0] != '\0';
      if (height < 0)
        height = gtk_widget_get_height (row);
      g_assert_cmpint (gtk_widget_get_height (row), ==, height);
    }
  g_assert_true (saw_affiliation);

  /* Open McKenney: his row, and only his, is marked (scrolled to him as a user would). */
  paul = find_family (plenary_speakers_view_get_model (PLENARY_SPEAKERS_VIEW (view)), "McKenney");
  plenary_speakers_view_set_search (PLENARY_SPEAKERS_VIEW (view), "McKenney");
  plenary_test_iterate (50);
  plenary_speakers_view_show_person (PLENARY_SPEAKERS_VIEW (view), paul);
  plenary_test_iterate (20);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = plenary_test_list_rows (view);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = plenary_test_row_text (row);

      if (gtk_widget_has_css_class (row, "open"))
        {
          n_open++;
          g_assert_true (g_str_has_prefix (text, plenary_person_get_name (paul)));
        }
    }
  g_assert_cmpuint (n_open, ==, 1);
  plenary_speakers_view_show_person (PLENARY_SPEAKERS_VIEW (view), NULL);
  g_assert_cmpuint (count_css_class (view, "open"), ==, 0);
  (void) saw_no_affiliation;
  gtk_window_destroy (window);
}

/* Another event of the same server has him too, by the same key: another person, so the page
 * goes back to the list. */
static void
test_event_switch_closes_person (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (PlenarySchedule) other = plenary_test_load_lpc2021_as ("12");
  GtkWindow *window;
  GtkWidget *view =
    plenary_test_present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
  PlenarySpeakersView *speakers = PLENARY_SPEAKERS_VIEW (view);

  g_assert_nonnull (plenary_schedule_lookup_person (other, open_mckenney (speakers, schedule)));
  assert_person_closed_by (speakers, other);
  gtk_window_destroy (window);
}

/* Its clock is never NULL: refused, as every view refuses it. */
static void
test_clock_never_null (void)
{
  plenary_test_assert_clock_never_null (PLENARY_TYPE_SPEAKERS_VIEW);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/speakers-view/list-sorted-with-letters", test_speakers_list);
  g_test_add_func ("/speakers-view/mckenney-page", test_mckenney_page);
  g_test_add_func ("/speakers-view/search-red-hat", test_search_red_hat);
  g_test_add_func ("/speakers-view/person-survives-resync", test_person_survives_resync);
  g_test_add_func ("/speakers-view/rows", test_speaker_rows);
  g_test_add_func ("/speakers-view/event-switch-closes-person", test_event_switch_closes_person);
  g_test_add_func ("/speakers-view/clock-never-null", test_clock_never_null);

  return g_test_run ();
}
