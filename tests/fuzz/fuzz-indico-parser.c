/* fuzz-indico-parser.c: libFuzzer harness for plenary_indico_parse()
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is parsed three ways: as the timetable alone, as the event export alone, and
 * cut at its first NUL byte (else in the middle) into a timetable and an event export.
 * A critical or a warning is a finding, as in the tests (G_DEBUG=fatal-criticals).
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
parse_once (GBytes *timetable,
            GBytes *event)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GError) error = NULL;

  sources->timetable = timetable != NULL ? g_bytes_ref (timetable) : NULL;
  sources->event = event != NULL ? g_bytes_ref (event) : NULL;
  sources->server_base = g_strdup ("https://indico.example.org/prefix/");

  schedule = plenary_indico_parse (sources, NULL, &error);
  /* Exactly one of the two, and the model's own invariants. */
  g_assert_true ((schedule == NULL) != (error == NULL));
  if (schedule != NULL)
    {
      GListModel *days = plenary_schedule_get_days (schedule);
      GListModel *entries = plenary_schedule_get_entries (schedule);
      guint n_days = g_list_model_get_n_items (days);
      guint n_leaves = 0;

      g_assert_cmpuint (g_list_model_get_n_items (entries), ==,
                        plenary_schedule_get_n_contributions (schedule)
                        + plenary_schedule_get_n_breaks (schedule));
      for (guint d = 0; d < n_days; d++)
        n_leaves += g_list_model_get_n_items (plenary_schedule_get_day_entries (schedule, d));
      g_assert_cmpuint (n_leaves, <=, g_list_model_get_n_items (entries));

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
          g_autoptr (GListModel) now = NULL;

          g_assert_nonnull (plenary_entry_get_room (entry));
          g_assert_true (plenary_schedule_lookup_entry (schedule, plenary_entry_get_id (entry))
                         == entry);
          g_assert_cmpint (g_date_time_compare (plenary_entry_get_start (entry),
                                                plenary_entry_get_end (entry)), <=, 0);
          /* A zero-length entry runs at no instant. */
          if (i < 4 && plenary_entry_get_duration (entry) > 0)
            {
              now = plenary_schedule_get_entries_at (schedule, plenary_entry_get_start (entry));
              g_assert_cmpuint (g_list_model_get_n_items (now), >=, 1);
            }
        }
    }
  else
    {
      g_assert_true (error->domain == PLENARY_INDICO_ERROR
                     || error->domain == G_IO_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) whole = g_bytes_new (data, size);
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  const uint8_t *nul = memchr (data, '\0', size);
  size_t cut = nul != NULL ? (size_t) (nul - data) : size / 2;

  parse_once (whole, NULL);
  parse_once (NULL, whole);

  first = g_bytes_new (data, cut);
  second = g_bytes_new (data + MIN (cut + 1, size), size - MIN (cut + 1, size));
  parse_once (first, second);

  return 0;
}
