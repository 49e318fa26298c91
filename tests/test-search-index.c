/* test-search-index.c: the word index finds exactly what substring search over whole texts does
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "indico/plenary-indico-parser.h"
#include "store/plenary-folder-loader.h"
#include "model/plenary-schedule.h"
#include "plenary-test-util.h"
#include "store/plenary-commit.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-store.h"
#include "model/plenary-event.h"
#include "ui/plenary-format.h"
#include "util/plenary-search-index.h"

static GArray *
match_query (PlenarySearchIndex *index,
             const char         *query,
             GArray             *candidates)
{
  g_autofree char *folded = plenary_fold_for_search (query);
  g_auto (GStrv) terms = plenary_search_terms (folded);

  return plenary_search_index_match (index, (const char * const *) terms, candidates);
}

static void
assert_hits (GArray      *hits,
             const guint *expected,
             guint        n_expected)
{
  g_assert_cmpmem (hits->data, hits->len * sizeof (guint), expected, n_expected * sizeof (guint));
}

static void
test_basics (void)
{
  g_autoptr (PlenarySearchIndex) index = plenary_search_index_new ();
  g_autoptr (GArray) hits = NULL;
  g_autoptr (GArray) none = NULL;
  g_autoptr (GArray) narrowed = NULL;
  static const guint both[] = { 0, 2 };
  static const guint first[] = { 0 };
  static const guint last[] = { 2 };
  const char *no_terms[] = { NULL };

  plenary_search_index_add (index, GUINT_TO_POINTER (1), "kernel\nada\n", "the  memory\tmodel\n");
  plenary_search_index_add (index, GUINT_TO_POINTER (2), NULL, NULL);
  plenary_search_index_add (index, GUINT_TO_POINTER (3), "rust\n", "memory memory safety");
  plenary_search_index_finish (index);

  g_assert_cmpuint (plenary_search_index_get_n_items (index), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (plenary_search_index_get_data (index, 2)), ==, 3);

  hits = match_query (index, "mory", NULL);
  assert_hits (hits, both, G_N_ELEMENTS (both));
  g_clear_pointer (&hits, g_array_unref);
  /* Every term must match, each in either text. */
  hits = match_query (index, "ada  mem", NULL);
  assert_hits (hits, first, G_N_ELEMENTS (first));
  g_clear_pointer (&hits, g_array_unref);
  hits = match_query (index, "RUST safe", NULL);
  assert_hits (hits, last, G_N_ELEMENTS (last));
  g_clear_pointer (&hits, g_array_unref);
  /* A term never spans the two texts, nor two words. */
  hits = match_query (index, "adathe", NULL);
  assert_hits (hits, NULL, 0);
  g_clear_pointer (&hits, g_array_unref);
  hits = match_query (index, "thememory", NULL);
  assert_hits (hits, NULL, 0);
  g_clear_pointer (&hits, g_array_unref);
  /* No terms match nothing. */
  none = plenary_search_index_match (index, no_terms, NULL);
  assert_hits (none, NULL, 0);
  /* Only the candidates are searched. */
  hits = match_query (index, "m", NULL);
  assert_hits (hits, both, G_N_ELEMENTS (both));
  narrowed = match_query (index, "me", hits);
  assert_hits (narrowed, both, G_N_ELEMENTS (both));
  g_clear_pointer (&narrowed, g_array_unref);
  g_array_set_size (hits, 1);
  narrowed = match_query (index, "me", hits);
  assert_hits (narrowed, first, G_N_ELEMENTS (first));
}

/* Posting lists of far-apart items take several bytes an item. */
static void
test_sparse (void)
{
  g_autoptr (PlenarySearchIndex) index = plenary_search_index_new ();
  g_autoptr (GArray) hits = NULL;
  static const guint expected[] = { 0, 1, 200, 70000, 70001 };

  for (guint i = 0; i <= 70001; i++)
    {
      gboolean listed = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        listed |= expected[k] == i;
      plenary_search_index_add (index, NULL, "", listed ? "a needle" : "hay");
    }
  plenary_search_index_finish (index);
  hits = match_query (index, "eed", NULL);
  assert_hits (hits, expected, G_N_ELEMENTS (expected));
}

/* What the Schedule view searched before the index: one haystack per entry. */
typedef struct
{
  PlenarySearchIndex *index;
  GPtrArray          *haystacks;
  GPtrArray          *queries;
} Corpus;

static void
corpus_free (Corpus *corpus)
{
  plenary_search_index_free (corpus->index);
  g_ptr_array_unref (corpus->haystacks);
  g_ptr_array_unref (corpus->queries);
  g_free (corpus);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Corpus, corpus_free)

static void
add_prefixes (GPtrArray  *queries,
              const char *text)
{
  glong n = g_utf8_strlen (text, -1);

  for (glong i = 1; i <= MIN (n, 10); i++)
    g_ptr_array_add (queries, g_utf8_substring (text, 0, i));
}

static Corpus *
corpus_new (PlenarySchedule *schedule,
            guint            query_stride)
{
  GListModel *entries = plenary_schedule_get_entries (schedule);
  Corpus *corpus = g_new0 (Corpus, 1);
  static const char *extra[] = {
    "zzzqxj", "kernel zzzqxj", "é", "É", "ü", "Müller", "café", "naïve", "straße", "ß", "ø",
    "日本", "—", "€", "\t", "  ", "a b c", "e", "s", "linux kernel", "the of", "q", "x", "0",
    "202", "-", ".", "(", "é e", "LiNuX", "memory management", "rust",
  };

  corpus->index = plenary_search_index_new ();
  corpus->haystacks = g_ptr_array_new_with_free_func (g_free);
  corpus->queries = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *people = plenary_format_people (plenary_entry_get_speakers (entry), TRUE);
      const char *abstract = plenary_entry_get_description (entry);
      g_autofree char *description = plenary_fold_for_search (abstract);
      PlenaryTrack *track = plenary_entry_get_track (entry);
      g_autoptr (GString) haystack = g_string_new (NULL);

      plenary_fold_append_for_search (haystack, plenary_entry_get_title (entry));
      plenary_fold_append_for_search (haystack, people);
      plenary_fold_append_for_search (haystack, plenary_room_get_name (plenary_entry_get_room (entry)));
      plenary_fold_append_for_search (haystack, track != NULL ? plenary_track_get_title (track) : NULL);
      plenary_fold_append_for_search (haystack, plenary_entry_get_session_title (entry));
      plenary_search_index_add (corpus->index, entry, haystack->str, description);
      plenary_fold_append_for_search (haystack, abstract);
      g_ptr_array_add (corpus->haystacks, g_string_free (g_steal_pointer (&haystack), FALSE));

      if (i % query_stride == 0)
        {
          g_auto (GStrv) words = g_strsplit_set (abstract, " \t\n", -1);
          guint n_words = g_strv_length (words);

          add_prefixes (corpus->queries, plenary_entry_get_title (entry));
          add_prefixes (corpus->queries, people);
          for (guint w = 0; w < n_words; w += 7)
            {
              add_prefixes (corpus->queries, words[w]);
              /* A word's inside, and two words at once. */
              if (g_utf8_strlen (words[w], -1) > 3)
                g_ptr_array_add (corpus->queries, g_utf8_substring (words[w], 1, 3));
              if (w + 1 < n_words)
                g_ptr_array_add (corpus->queries, g_strconcat (words[w], " ", words[w + 1], NULL));
            }
          g_ptr_array_add (corpus->queries, g_strconcat (plenary_entry_get_title (entry), " ",
                                                         words[0], NULL));
        }
    }
  plenary_search_index_finish (corpus->index);
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_ptr_array_add (corpus->queries, g_strdup (extra[i]));
  return corpus;
}

static void
assert_same_as_naive (Corpus *corpus)
{
  g_autoptr (GArray) previous = NULL;
  g_autofree char *previous_query = NULL;
  guint n_matching = 0;

  g_assert_cmpuint (corpus->queries->len, >, 100);
  for (guint q = 0; q < corpus->queries->len; q++)
    {
      const char *query = g_ptr_array_index (corpus->queries, q);
      g_autofree char *folded = plenary_fold_for_search (query);
      g_auto (GStrv) terms = plenary_search_terms (folded);
      g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GArray) hits = NULL;

      for (guint i = 0; i < corpus->haystacks->len; i++)
        if (plenary_search_matches_terms (g_ptr_array_index (corpus->haystacks, i), terms))
          g_array_append_val (expected, i);
      n_matching += expected->len > 0;

      hits = plenary_search_index_match (corpus->index, (const char * const *) terms, NULL);
      if (hits->len != expected->len
          || (hits->len > 0
              && memcmp (hits->data, expected->data, hits->len * sizeof (guint)) != 0))
        g_error ("“%s”: %u hits, not %u", query, hits->len, expected->len);

      /* Typing on from the last query searches only its hits, as the view does. */
      if (previous != NULL && g_str_has_prefix (folded, previous_query)
          && previous_query[strspn (previous_query, " \t\n")] != '\0')
        {
          g_autoptr (GArray) narrowed =
            plenary_search_index_match (corpus->index, (const char * const *) terms, previous);

          g_assert_cmpmem (narrowed->data, narrowed->len * sizeof (guint),
                           expected->data, expected->len * sizeof (guint));
        }
      g_clear_pointer (&previous, g_array_unref);
      previous = g_steal_pointer (&hits);
      g_free (previous_query);
      previous_query = g_steal_pointer (&folded);
    }
  /* Most queries come from the texts: the comparison is not of empty results. */
  g_assert_cmpuint (n_matching, >, corpus->queries->len / 2);
}

static void
test_lpc2021 (void)
{
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_lpc2021 ();
  g_autoptr (Corpus) corpus = corpus_new (schedule, 3);

  assert_same_as_naive (corpus);
}

static void
test_generated (void)
{
  g_autofree char *dir = g_build_filename (plenary_test_get_tmpdir (), "generated-2000", NULL);
  g_autofree char *script = g_build_filename (SOURCE_ROOT, "build-aux", "generate-event.py",
                                              NULL);
  const char *argv[] = { "python3", script, "--talks", "2000", "--seed", "1", dir, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (Corpus) corpus = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  int status;

  if (python == NULL)
    {
      g_test_skip ("No python3 to generate an event");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  sources = plenary_folder_loader_load (dir, &error);
  g_assert_no_error (error);
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  corpus = corpus_new (schedule, 50);
  assert_same_as_naive (corpus);
}

static GBytes *
lpc_bytes (const char *name)
{
  g_autofree char *relative = g_build_filename ("fixtures/lpc2021", name, NULL);
  g_autofree char *path = plenary_test_shared_path (relative);

  return plenary_test_load_bytes (path);
}

/* The abstracts read for the index are handed back to the kernel, and read in again later. */
static void
test_cache_pages (void)
{
  g_autoptr (GBytes) timetable = lpc_bytes ("export-timetable-11.json");
  g_autoptr (GBytes) contributions = lpc_bytes ("export-event-11-contributions.json");
  g_autoptr (PlenarySnapshot) snapshot = plenary_snapshot_new (timetable, contributions, NULL,
                                                               NULL);
  g_autoptr (PlenarySnapshot) mapped = NULL;
  g_autoptr (PlenaryEvent) event = plenary_event_new ("https://lpc.events/", "11");
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (PlenarySchedule) parsed = NULL;
  g_autoptr (PlenarySchedule) cached = NULL;
  g_autofree char *dir = NULL;
  g_auto (GStrv) stamps = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  GListModel *entries;

  plenary_test_reset_dirs ();
  dir = plenary_store_get_event_dir ("https://lpc.events/", "11");
  g_assert_true (plenary_snapshot_save (snapshot, dir, &error));
  g_assert_no_error (error);
  sources = plenary_event_build_sources (event, snapshot);
  parsed = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plenary_store_write_cache (dir, snapshot, parsed, &error));
  g_assert_no_error (error);
  /* Not from a cache: nothing to hand back. */
  plenary_schedule_release_pages (parsed);

  mapped = plenary_snapshot_open_mapped (dir, &stamps, NULL);
  g_assert_nonnull (mapped);
  cached = plenary_store_load_cache (dir, mapped, (const char * const *) stamps, &error);
  g_assert_no_error (error);
  entries = plenary_schedule_get_entries (cached);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 100);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (before, g_strdup (plenary_entry_get_description (entry)));
    }
  plenary_schedule_release_pages (cached);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      g_assert_cmpstr (plenary_entry_get_description (entry), ==, g_ptr_array_index (before, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/search-index/basics", test_basics);
  g_test_add_func ("/search-index/sparse", test_sparse);
  g_test_add_func ("/search-index/lpc2021", test_lpc2021);
  g_test_add_func ("/search-index/generated", test_generated);
  g_test_add_func ("/search-index/cache-pages", test_cache_pages);
  return g_test_run ();
}
