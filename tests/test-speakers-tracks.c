/* test-speakers-tracks.c: the Speakers and Tracks views on the real LPC 2021 programme
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "store/plenary-folder-loader.h"
#include "plenary-test-util.h"
#include "ui/plenary-entry-row.h"
#include "ui/plenary-speakers-view.h"
#include "ui/plenary-tracks-view.h"
#include "util/plenary-clock.h"

/* The six track titles the LPC 2021 event export puts on its 226 contributions. */
static const char * const lpc2021_tracks[] = {
  "LPC Microconference", "Networking and BPF Summit", "GNU Tools Track",
  "LPC Refereed Track", "Kernel Summit Track", "Birds of a Feather (BoF)",
};

static GPtrArray *list_rows (GtkWidget *view);

static PlenaryIndicoSources *
lpc2021_sources (void)
{
  g_autofree char *dir = plenary_test_shared_path ("fixtures/lpc2021");
  g_autoptr (GError) error = NULL;
  PlenaryIndicoSources *sources = plenary_folder_loader_load (dir, &error);

  g_assert_no_error (error);
  return sources;
}

static GBytes *
lpc2025_program (void)
{
  g_autofree char *path = plenary_test_data_path ("lpc2025-program/program.json");

  return plenary_test_load_bytes (path);
}

/* LPC 2021, with @program as its program.json (NULL: the server answered 404). */
static PlenarySchedule *
load_lpc2021 (GBytes *program)
{
  g_autoptr (PlenaryIndicoSources) sources = lpc2021_sources ();
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  g_clear_pointer (&sources->program, g_bytes_unref);
  sources->program = program != NULL ? g_bytes_ref (program) : NULL;
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

static GtkWidget *
present (GtkWidget  *view,
         GtkWindow **window_out)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (50);
  *window_out = GTK_WINDOW (window);
  return view;
}

/* Counting people from the JSON, independently of the parser */

static JsonNode *
parse_file (GBytes *bytes)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

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
  g_autoptr (PlenaryIndicoSources) sources = lpc2021_sources ();
  g_autoptr (JsonNode) timetable = parse_file (sources->timetable);
  g_autoptr (JsonNode) event = parse_file (sources->event);
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

/* Speakers */

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
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (NULL);
  GtkWindow *window;
  GtkWidget *view = present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
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
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (NULL);
  GtkWindow *window;
  GtkWidget *view = present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
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
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (NULL);
  GListModel *all = plenary_schedule_get_people (schedule);
  GtkWindow *window;
  GtkWidget *view = present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
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

static void
test_person_survives_resync (void)
{
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (NULL);
  g_autoptr (PlenarySchedule) fresh = load_lpc2021 (NULL);
  g_autoptr (PlenarySchedule) other = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autofree char *timetable = plenary_test_data_path ("crafted/quirks-timetable.json");
  g_autofree char *event = plenary_test_data_path ("crafted/quirks-event.json");
  g_autoptr (GError) error = NULL;
  GtkWindow *window;
  GtkWidget *view = present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
  PlenarySpeakersView *speakers = PLENARY_SPEAKERS_VIEW (view);
  g_autofree char *key = NULL;

  plenary_speakers_view_set_schedule (speakers, schedule);
  plenary_speakers_view_show_person (speakers,
                                     find_family (plenary_speakers_view_get_model (speakers),
                                                  "McKenney"));
  key = g_strdup (plenary_person_get_key (plenary_speakers_view_get_person (speakers)));

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
  plenary_speakers_view_set_schedule (speakers, other);
  plenary_test_iterate (20);
  g_assert_null (plenary_speakers_view_get_person (speakers));
  g_assert_cmpuint (g_list_model_get_n_items (plenary_speakers_view_get_entries (speakers)), ==, 0);
  gtk_window_destroy (window);
}

/* Tracks */

static guint
sum_talks (PlenaryTracksView *view)
{
  GListModel *model = plenary_tracks_view_get_model (view);
  guint sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      sum += plenary_tracks_view_count_talks (view, item);
    }
  return sum;
}

static PlenaryTrack *
find_track (PlenaryTracksView *view,
            const char        *title)
{
  GListModel *model = plenary_tracks_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_TRACK (item)
          && g_strcmp0 (plenary_track_get_title (PLENARY_TRACK (item)), title) == 0)
        return PLENARY_TRACK (item);
    }
  return NULL;
}

/* Day headers, each followed by that day's talks of the track in time order; returns the
 * number of talks. */
static guint
check_track_page (PlenaryTracksView *view,
                  PlenaryTrack      *track)
{
  GListModel *entries = plenary_tracks_view_get_entries (view);
  g_autoptr (GDateTime) previous = NULL;
  int day = -1;
  guint n_days = 0;
  guint n_talks = 0;

  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (entries, i);

      if (PLENARY_IS_DAY (item))
        {
          /* Days ascend, each once, and none is left empty. */
          g_assert_cmpint ((int) plenary_day_get_index (PLENARY_DAY (item)), >, day);
          g_assert_cmpuint (n_talks, ==, i - n_days);
          day = (int) plenary_day_get_index (PLENARY_DAY (item));
          n_days++;
          continue;
        }
      g_assert_true (PLENARY_IS_ENTRY (item));
      g_assert_cmpint (day, >=, 0);
      g_assert_cmpint (plenary_entry_get_day_index (PLENARY_ENTRY (item)), ==, day);
      g_assert_true (plenary_entry_get_track (PLENARY_ENTRY (item)) == track);
      g_assert_cmpint (plenary_entry_get_kind (PLENARY_ENTRY (item)), ==,
                       PLENARY_ENTRY_KIND_CONTRIBUTION);
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous,
                                              plenary_entry_get_start (PLENARY_ENTRY (item))),
                         <=, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (plenary_entry_get_start (PLENARY_ENTRY (item)));
      n_talks++;
    }
  g_assert_cmpuint (n_days, >, 0);
  return n_talks;
}

static void
test_tracks_from_titles (void)
{
  /* program = NULL: what a server older than Indico 3.3.9 gives (404). */
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (NULL);
  GtkWindow *window;
  GtkWidget *widget = present (g_object_new (PLENARY_TYPE_TRACKS_VIEW, NULL), &window);
  PlenaryTracksView *view = PLENARY_TRACKS_VIEW (widget);
  GListModel *model = plenary_tracks_view_get_model (view);

  plenary_tracks_view_set_schedule (view, schedule);
  plenary_test_iterate (50);

  /* Six tracks and no "Other": every contribution of the fixture has a track. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (lpc2021_tracks));
  for (guint i = 0; i < G_N_ELEMENTS (lpc2021_tracks); i++)
    {
      PlenaryTrack *track = find_track (view, lpc2021_tracks[i]);

      g_assert_nonnull (track);
      g_assert_cmpstr (plenary_track_get_description (track), ==, "");
      g_assert_cmpuint (plenary_tracks_view_count_talks (view, G_OBJECT (track)), >, 0);
    }
  g_assert_cmpuint (sum_talks (view), ==, 226);
  g_assert_cmpuint (plenary_tracks_view_count_talks (view, G_OBJECT (find_track (view,
                                                     "Kernel Summit Track"))), ==, 8);

  /* Its page works from the title alone. */
  {
    PlenaryTrack *track = find_track (view, "GNU Tools Track");

    plenary_tracks_view_show_track (view, G_OBJECT (track));
    plenary_test_iterate (50);
    g_assert_cmpuint (check_track_page (view, track), ==, 25);
  }
  gtk_window_destroy (window);
}

static void
test_tracks_with_program (void)
{
  g_autoptr (GBytes) program = lpc2025_program ();
  g_autoptr (JsonNode) root = parse_file (program);
  JsonArray *program_tracks = json_object_get_array_member (json_node_get_object (root),
                                                            "tracks");
  guint n_program = json_array_get_length (program_tracks);
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (program);
  GtkWindow *window;
  GtkWidget *widget = present (g_object_new (PLENARY_TYPE_TRACKS_VIEW, NULL), &window);
  PlenaryTracksView *view = PLENARY_TRACKS_VIEW (widget);
  GListModel *model = plenary_tracks_view_get_model (view);
  PlenaryTrack *kernel_summit;

  plenary_tracks_view_set_schedule (view, schedule);
  plenary_test_iterate (50);

  /* program.json's tracks first, in its order, with its descriptions… */
  g_assert_cmpuint (n_program, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, n_program);
  for (guint i = 0; i < n_program; i++)
    {
      JsonObject *expected = json_array_get_object_element (program_tracks, i);
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      const char *description = json_object_get_string_member (expected, "description");

      g_assert_true (PLENARY_IS_TRACK (item));
      g_assert_cmpstr (plenary_track_get_title (PLENARY_TRACK (item)), ==,
                       json_object_get_string_member (expected, "title"));
      g_assert_cmpstr (plenary_track_get_description (PLENARY_TRACK (item)), ==, description);
      /* The one track the page gives no text for is "LPC Microconference Proposals". */
      if (i != 3)
        g_assert_cmpstr (description, !=, "");
    }

  /* Some with a description, some without: every row keeps a line for one, one height. */
  {
    g_autoptr (GPtrArray) rows = list_rows (widget);
    int height = -1;

    g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model));
    for (guint i = 0; i < rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (rows, i);

        if (height < 0)
          height = gtk_widget_get_height (row);
        g_assert_cmpint (gtk_widget_get_height (row), ==, height);
      }
  }

  /* …then LPC 2021's tracks that the 2025 programme does not have, and still no "Other". */
  for (guint i = n_program; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      g_assert_true (PLENARY_IS_TRACK (item));
      g_assert_cmpstr (plenary_track_get_description (PLENARY_TRACK (item)), ==, "");
      g_assert_cmpuint (plenary_tracks_view_count_talks (view, item), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lpc2021_tracks); i++)
    g_assert_nonnull (find_track (view, lpc2021_tracks[i]));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  g_assert_cmpuint (plenary_tracks_view_count_talks (view, G_OBJECT (find_track (view,
                                                     "LPC Microconference Proposals"))), ==, 0);
  g_assert_cmpuint (sum_talks (view), ==, 226);

  /* The Kernel Summit page: its description and its 8 talks under day headers. */
  kernel_summit = find_track (view, "Kernel Summit Track");
  g_assert_nonnull (strstr (plenary_track_get_description (kernel_summit), "unconference"));
  plenary_tracks_view_show_track (view, G_OBJECT (kernel_summit));
  plenary_test_iterate (50);
  g_assert_cmpuint (check_track_page (view, kernel_summit), ==, 8);

  /* The microconferences span the week: more than one day header. */
  {
    PlenaryTrack *mc = find_track (view, "LPC Microconference");
    GListModel *entries = plenary_tracks_view_get_entries (view);
    guint n_days = 0;

    plenary_tracks_view_show_track (view, G_OBJECT (mc));
    plenary_test_iterate (50);
    g_assert_cmpuint (check_track_page (view, mc), ==, 141);
    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr (GObject) item = g_list_model_get_item (entries, i);

        n_days += PLENARY_IS_DAY (item);
      }
    g_assert_cmpuint (n_days, >, 1);
  }
  gtk_window_destroy (window);
}

static void
collect_css_class (GtkWidget  *widget,
                   const char *css_class,
                   GPtrArray  *out)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_css_class (child, css_class, out);
}

/* A count row's visible labels: title, subtitle (if shown), count. */
static char *
row_text (GtkWidget *row)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *labels = gtk_widget_get_first_child (row);

  for (GtkWidget *l = gtk_widget_get_first_child (labels); l != NULL;
       l = gtk_widget_get_next_sibling (l))
    if (gtk_widget_get_visible (l))
      g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (l)));
  g_string_append (text, gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (labels))));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The rows of @view's list (count rows, not letter headers), as laid out now. */
static GPtrArray *
list_rows (GtkWidget *view)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GPtrArray *rows = g_ptr_array_new ();

  collect_css_class (view, "person-row", all);
  for (guint i = 0; i < all->len; i++)
    if (!gtk_widget_has_css_class (g_ptr_array_index (all, i), "letter-header"))
      g_ptr_array_add (rows, g_ptr_array_index (all, i));
  return rows;
}

/* Counts say what they count; every person's row is one height, with or without an
 * affiliation; the open person's row is marked. */
static void
test_speaker_rows (void)
{
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (NULL);
  GtkWindow *window;
  GtkWidget *view = present (g_object_new (PLENARY_TYPE_SPEAKERS_VIEW, NULL), &window);
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
  rows = list_rows (view);
  g_assert_cmpuint (rows->len, >, 10);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = row_text (row);
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
  rows = list_rows (view);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = row_text (row);

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

/* LPC Microconference: its talks at one time differ by session and room, on every row; the
 * open track's row is marked; counts say "talks". */
static void
test_track_rows (void)
{
  g_autoptr (PlenarySchedule) schedule = load_lpc2021 (NULL);
  GtkWindow *window;
  GtkWidget *widget = present (g_object_new (PLENARY_TYPE_TRACKS_VIEW, NULL), &window);
  PlenaryTracksView *view = PLENARY_TRACKS_VIEW (widget);
  GListModel *entries = plenary_tracks_view_get_entries (view);
  PlenaryTrack *mc;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) at_seven = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) entry_rows = g_ptr_array_new ();
  g_autoptr (GHashTable) friday = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_open = 0;
  int height = -1;

  plenary_tracks_view_set_schedule (view, schedule);
  plenary_test_iterate (50);
  mc = find_track (view, "LPC Microconference");
  plenary_tracks_view_show_track (view, G_OBJECT (mc));
  plenary_test_iterate (50);

  rows = list_rows (widget);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (lpc2021_tracks));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = row_text (row);

      g_assert_true (g_str_has_suffix (text, " talks"));
      g_assert_true (gtk_widget_get_mapped (row));
      if (height < 0)
        height = gtk_widget_get_height (row);
      g_assert_cmpint (gtk_widget_get_height (row), ==, height);
      if (gtk_widget_has_css_class (row, "open"))
        {
          n_open++;
          g_assert_cmpstr (text, ==, "LPC Microconference|141 talks");
        }
    }
  g_assert_cmpuint (n_open, ==, 1);

  /* Talks at one time each name a different session and room: the five at 07:00 on the
   * Friday, and the first day's three at 07:00, whose rows are on screen. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (entries, i);
      GTimeZone *zone = plenary_schedule_get_timezone (schedule);
      g_autoptr (GDateTime) start = NULL;
      g_autofree char *line = NULL;
      int day;

      if (!PLENARY_IS_ENTRY (item))
        continue;
      day = plenary_entry_get_day_index (PLENARY_ENTRY (item));
      start = g_date_time_to_timezone (plenary_entry_get_start (PLENARY_ENTRY (item)), zone);
      if ((day != 0 && day != 4) || g_date_time_get_hour (start) != 7
          || g_date_time_get_minute (start) != 0)
        continue;
      line = plenary_tracks_view_describe_entry (PLENARY_ENTRY (item), zone);
      g_assert_nonnull (strstr (line, plenary_entry_get_full_title (
                                        plenary_entry_get_block (PLENARY_ENTRY (item)))));
      g_assert_nonnull (strstr (line, plenary_room_get_name (
                                        plenary_entry_get_room (PLENARY_ENTRY (item)))));
      g_assert_false (g_hash_table_contains (day == 4 ? friday : at_seven, line));
      g_hash_table_add (day == 4 ? friday : at_seven, g_steal_pointer (&line));
    }
  g_assert_cmpuint (g_hash_table_size (friday), ==, 5);
  g_assert_cmpuint (g_hash_table_size (at_seven), ==, 3);

  /* And the rows on screen show those lines. */
  collect_css_class (widget, "caption", entry_rows);
  {
    guint shown = 0;

    for (guint i = 0; i < entry_rows->len; i++)
      shown += g_hash_table_contains (at_seven, gtk_label_get_text (g_ptr_array_index (entry_rows,
                                                                                        i)));
    g_assert_cmpuint (shown, ==, 3);
  }
  gtk_window_destroy (window);
}

/* Both views keep a clock: NULL is refused, as every view refuses it; another is taken. */
static void
test_clock_never_null (void)
{
  GType types[] = { PLENARY_TYPE_SPEAKERS_VIEW, PLENARY_TYPE_TRACKS_VIEW };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *view = g_object_ref_sink (g_object_new (types[i], NULL));
      g_autoptr (PlenaryClock) clock = plenary_clock_new ();
      g_autoptr (PlenaryClock) got = NULL;

      g_test_expect_message ("Plenary-UI", G_LOG_LEVEL_CRITICAL, "*PLENARY_IS_CLOCK*");
      g_object_set (view, "clock", NULL, NULL);
      g_test_assert_expected_messages ();
      g_object_get (view, "clock", &got, NULL);
      g_assert_true (got == plenary_clock_get_default ());
      g_clear_object (&got);

      g_object_set (view, "clock", clock, NULL);
      g_object_get (view, "clock", &got, NULL);
      g_assert_true (got == clock);
      g_object_unref (view);
    }
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
  g_test_add_func ("/tracks-view/rows", test_track_rows);
  g_test_add_func ("/tracks-view/from-titles", test_tracks_from_titles);
  g_test_add_func ("/tracks-view/with-program", test_tracks_with_program);
  g_test_add_func ("/speakers-tracks/clock-never-null", test_clock_never_null);

  return g_test_run ();
}
