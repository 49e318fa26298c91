/* test-hostile.c: a hostile Indico server on loopback, and damaged files on disk
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 14: nothing a server or a damaged file sends takes away the programme, the stars or
 * the window. Each case starts from a good sync of LPC 2021 (226 talks) with a star and a
 * note, and checks the message shown, that every stored file is byte-identical afterwards
 * (SHA-256 before and after), that the star and the note survive, and that the next start
 * shows the last good programme.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "indico/plenary-indico-parser.h"
#include "model/plenary-entry.h"
#include "store/plenary-commit.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-store.h"
#include "store/plenary-event-list.h"
#include "sync/plenary-sync-service.h"
#include "util/plenary-json.h"
#include "plenary-test-server.h"
#include "plenary-test-util.h"

#define TT_11 "/export/timetable/11.json"
#define EV_11 "/export/event/11.json"
#define PR_11 "/event/11/program.json"
#define LPC_TALKS 226
#define DEEP 100000

typedef struct
{
  TestServer         *server;
  PlenarySyncService *service;
  PlenaryEvent       *event;
  GBytes             *timetable;   /* LPC 2021 as served */
  GBytes             *event_export;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *tt = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autofree char *ev =
    plenary_test_shared_path ("fixtures/lpc2021/export-event-11-contributions.json");

  plenary_test_reset_dirs ();
  f->server = test_server_new ("127.0.0.1");
  test_server_serve_lpc (f->server, "11");
  f->service = plenary_sync_service_new ();
  g_object_set (f->service, "use-keyring", FALSE, "refresh-interval", 0, NULL);
  f->event = plenary_event_new (f->server->base, "11");
  f->timetable = plenary_test_load_bytes (tt);
  f->event_export = plenary_test_load_bytes (ev);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  while (plenary_store_get_n_pending_cache_writes () > 0)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&f->event);
  g_clear_object (&f->service);
  g_clear_pointer (&f->server, test_server_free);
  g_clear_pointer (&f->timetable, g_bytes_unref);
  g_clear_pointer (&f->event_export, g_bytes_unref);
}

/* Helpers */

static GBytes *
replace (GBytes     *bytes,
         const char *from,
         const char *to)
{
  g_autoptr (GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GBytes *
deep_nesting (void)
{
  char *text = g_malloc (DEEP);

  memset (text, '[', DEEP);
  return g_bytes_new_take (text, DEEP);
}

static void
serve (Fixture    *f,
       const char *path,
       GBytes     *body)
{
  test_server_reply (f->server, path, 200, "application/json", body, NULL, NULL,
                     TEST_REPLY_NORMAL);
}

/* SHA-256 of every file under @dir but held/ (where a suspicious answer is kept aside). */
static void
user_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_assert_true (plenary_user_data_save_finish (PLENARY_USER_DATA (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

/* A first good sync, a star and a note; returns the hashes of every stored file. */
static GHashTable *
sync_first (Fixture *f)
{
  PlenaryUserData *user = plenary_event_get_user_data (f->event);
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE;
  gboolean saved = FALSE;

  g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  plenary_user_data_set_starred (user, "941", TRUE);
  plenary_user_data_set_note (user, "941", "Bring questions");
  plenary_user_data_save_async (user, NULL, user_saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  while (plenary_store_get_n_pending_cache_writes () > 0)
    g_main_context_iteration (NULL, TRUE);
  return plenary_test_read_tree (plenary_event_get_directory (f->event), "held");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TestSyncResult *r = user_data;
  g_auto (GStrv) warnings = NULL;

  r->ok = plenary_event_load_finish (PLENARY_EVENT (object), result, &warnings, &r->error);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_test_message ("load warning: %s", warnings[i]);
  r->changed = warnings != NULL && warnings[0] != NULL;
  r->done = TRUE;
}

/* The next start: the event read from disk by a new object, no server. */
static PlenaryEvent *
next_start (Fixture  *f,
            gboolean *warned)
{
  PlenaryEvent *event = plenary_event_new (plenary_event_get_server_base (f->event), "11");
  TestSyncResult r = { 0, };

  plenary_event_load_async (event, NULL, loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  if (warned != NULL)
    *warned = r.changed;
  return event;
}

/* The last good programme, the star and the note, in @event. */
static void
assert_last_good (PlenaryEvent *event)
{
  PlenaryUserData *user = plenary_event_get_user_data (event);

  g_assert_nonnull (plenary_event_get_schedule (event));
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_event_get_schedule (event)),
                    ==, LPC_TALKS);
  g_assert_cmpstr (plenary_event_get_title (event), ==, "Linux Plumbers Conference 2021");
  g_assert_true (plenary_user_data_get_starred (user, "941"));
  g_assert_cmpstr (plenary_user_data_get_note (user, "941"), ==, "Bring questions");
}

/* The whole promise after a bad answer: the message, the files, the stars, the next start. */
static void
assert_survived (Fixture    *f,
                 GHashTable *before,
                 const char *message_part)
{
  g_autoptr (PlenaryEvent) again = NULL;
  const char *message = plenary_event_get_error_message (f->event);

  g_test_message ("message shown: %s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, message_part));
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_ERROR);
  plenary_test_assert_tree_same (before, plenary_event_get_directory (f->event), "held");
  assert_last_good (f->event);
  again = next_start (f, NULL);
  assert_last_good (again);
}

static gboolean
sync_fails (Fixture  *f,
            GError  **error)
{
  gboolean changed = FALSE;

  return !test_sync_event (f->service, f->event, &changed, error);
}

/* Item 1: long strings */

static PlenaryEntry *
find_entry (PlenarySchedule *schedule,
            const char      *prefix)
{
  GListModel *entries = plenary_schedule_get_entries (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_has_prefix (plenary_entry_get_title (entry), prefix))
        return entry;
    }
  return NULL;
}

static void
test_long_title (Fixture       *f,
                 gconstpointer  data)
{
  gsize size = GPOINTER_TO_SIZE (data);
  g_autoptr (GString) title = g_string_new ("\"title\":\"Huge ");
  g_autoptr (GBytes) served = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryEvent) again = NULL;
  g_autofree char *path = NULL;
  PlenaryEntry *entry;
  const char *shown;
  gboolean changed = FALSE;

  before = sync_first (f);
  for (gsize i = 0; i < size; i++)
    g_string_append_c (title, 'a' + i % 26);
  g_string_append_c (title, '"');
  served = replace (f->timetable, "\"title\":\"BPF & Networking Opening Session\"", title->str);
  serve (f, TT_11, served);

  /* A real change, so taken; but shown cut, and stored whole. */
  g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  entry = find_entry (plenary_event_get_schedule (f->event), "Huge ");
  g_assert_nonnull (entry);
  shown = plenary_entry_get_title (entry);
  g_assert_cmpuint (g_utf8_strlen (shown, -1), ==, 300);
  g_assert_true (g_str_has_suffix (shown, "\u2026"));
  path = g_build_filename (plenary_event_get_directory (f->event), "timetable.json", NULL);
  stored = plenary_test_load_bytes (path);
  g_assert_true (g_bytes_equal (stored, served));
  g_assert_true (plenary_user_data_get_starred (plenary_event_get_user_data (f->event), "941"));

  /* The next start (from the schedule cache) shows it cut too. */
  while (plenary_store_get_n_pending_cache_writes () > 0)
    g_main_context_iteration (NULL, TRUE);
  again = next_start (f, NULL);
  entry = find_entry (plenary_event_get_schedule (again), "Huge ");
  g_assert_nonnull (entry);
  g_assert_cmpuint (g_utf8_strlen (plenary_entry_get_title (entry), -1), ==, 300);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_event_get_schedule (again)),
                    ==, LPC_TALKS);
}

/* Every other kind of server string: names, rooms, abstracts, URLs. */
static void
test_long_strings (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GString) huge = g_string_new (NULL);
  g_autoptr (GString) text = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *entries;

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (huge, 'x');
  text = g_string_new_len (g_bytes_get_data (f->timetable, NULL),
                           g_bytes_get_size (f->timetable));
  /* Every room, every description, every first name: a megabyte each. */
  {
    g_autofree char *room = g_strdup_printf ("\"room\":\"%s\"", huge->str);
    g_autofree char *description = g_strdup_printf ("\"description\":\"%s", huge->str);
    g_autofree char *first = g_strdup_printf ("\"firstName\":\"%s", huge->str);
    g_autofree char *url = g_strdup_printf ("\"url\":\"\\/event\\/11\\/%s", huge->str);

    g_assert_cmpuint (g_string_replace (text, "\"room\":\"Networking and BPF Summit\\/Virtual-Room\"",
                                        room, 1), ==, 1);
    g_assert_cmpuint (g_string_replace (text, "\"description\":\"", description, 3), >, 0);
    g_assert_cmpuint (g_string_replace (text, "\"firstName\":\"", first, 3), >, 0);
    g_assert_cmpuint (g_string_replace (text, "\"url\":\"\\/event\\/11\\/", url, 3),
                      >, 0);
  }
  sources->timetable = g_string_free_to_bytes (g_steal_pointer (&text));
  sources->event = g_bytes_ref (f->event_export);
  sources->event_id = g_strdup ("11");
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (schedule), ==, LPC_TALKS);

  entries = plenary_schedule_get_entries (schedule);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      PlenaryRoom *room = plenary_entry_get_room (entry);
      GPtrArray *people = plenary_entry_get_speakers (entry);
      const char *description = plenary_entry_get_description (entry);
      const char *url = plenary_entry_get_url (entry);

      g_assert_cmpuint (g_utf8_strlen (plenary_entry_get_title (entry), -1), <=, 300);
      if (room != NULL)
        g_assert_cmpuint (g_utf8_strlen (plenary_room_get_name (room), -1), <=, 300);
      if (description != NULL)
        g_assert_cmpuint (g_utf8_strlen (description, -1), <=, 10000);
      if (url != NULL)
        g_assert_cmpuint (strlen (url), <=, 2048 + 64);
      for (guint j = 0; people != NULL && j < people->len; j++)
        g_assert_cmpuint (g_utf8_strlen (plenary_person_get_name (g_ptr_array_index (people, j)),
                                         -1), <=, 2 * 300 + 1);
    }
}

/* Item 6: bidi controls cannot reorder the text around a server string. */
static void
test_bidi (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GBytes) served = NULL;
  g_autoptr (GError) error = NULL;
  PlenaryEntry *entry;

  served = replace (f->timetable, "\"title\":\"BPF & Networking Opening Session\"",
                    "\"title\":\"Reversed \\u202elive\\u202c and \\u2067isolated\\u2069 \u202e"
                    "\\u202a\\u202b\\u202d\\u2066\u2068|\\u200f\u206a|\"");
  serve (f, TT_11, served);
  g_assert_true (test_sync_event (f->service, f->event, NULL, &error));
  g_assert_no_error (error);
  entry = find_entry (plenary_event_get_schedule (f->event), "Reversed");
  g_assert_nonnull (entry);
  /* All nine controls go, escaped or not; the marks and other format characters stay. */
  g_assert_cmpstr (plenary_entry_get_title (entry), ==,
                   "Reversed live and isolated |\u200f\u206a|");
}

/* Item 2: nesting */

static void
test_deep_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (GBytes) deep = deep_nesting ();
  g_autoptr (GError) error = NULL;

  serve (f, data != NULL ? EV_11 : TT_11, deep);
  g_assert_true (sync_fails (f, &error));
  g_assert_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED);
  assert_survived (f, before, "damaged");
}

/* Item 3: valid but wrong answers */

static void
test_wrong_event (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (GBytes) served = NULL;
  g_autoptr (GError) error = NULL;

  if (data == NULL)
    {
      served = replace (f->timetable, "\"results\":{\"11\":", "\"results\":{\"99\":");
      serve (f, TT_11, served);
    }
  else
    {
      served = replace (f->event_export, "\"id\":\"11\"", "\"id\":\"99\"");
      serve (f, EV_11, served);
    }
  g_assert_true (sync_fails (f, &error));
  g_assert_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_WRONG_EVENT);
  assert_survived (f, before, "another event (99)");
}

typedef struct
{
  const char *name;
  const char *path;
  const char *body;        /* NULL: half the days of LPC 2021 */
  const char *message;
} HeldCase;

static const HeldCase held_cases[] = {
  { "wrong-types", TT_11,
    "{\"results\":{\"11\":{\"20210920\":{\"a\":1,\"b\":\"x\",\"c\":[],\"d\":null},"
    "\"20210921\":{\"e\":true}}}}", "sent an empty programme" },
  { "missing-fields", TT_11,
    "{\"results\":{\"11\":{\"20210920\":{\"a\":{},\"b\":{\"entryType\":7}}}}}",
    "sent an empty programme" },
  { "empty-days", TT_11,
    "{\"results\":{\"11\":{\"20210920\":{},\"20210921\":{},\"20210922\":{}}}}",
    "sent an empty programme" },
  { "no-access", EV_11, "{\"count\":0,\"results\":[],\"ts\":1632441600}", "no access" },
  { "half", TT_11, NULL, "talks instead of 226" },
};

/* LPC 2021's timetable with only its first day. */
static GBytes *
first_day_only (GBytes *timetable)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  JsonObject *days;
  g_autoptr (GList) names = NULL;
  gsize length;
  char *text;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (timetable, NULL),
                                             g_bytes_get_size (timetable), NULL));
  days = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                   "results"), "11");
  names = json_object_get_members (days);
  for (GList *l = names->next; l != NULL; l = l->next)
    json_object_remove_member (days, l->data);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
hold_one (Fixture        *f,
          const HeldCase *c)
{
  g_autoptr (GBytes) body = c->body != NULL ? bytes_of (c->body) : first_day_only (f->timetable);
  g_autoptr (GError) error = NULL;

  serve (f, c->path, body);
  g_assert_true (sync_fails (f, &error));
  g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_HELD);
  g_assert_nonnull (plenary_event_get_held_message (f->event));
  g_assert_nonnull (strstr (plenary_event_get_held_message (f->event), c->message));
  g_assert_nonnull (strstr (plenary_event_get_held_message (f->event), "127.0.0.1"));
  g_assert_nonnull (strstr (plenary_event_get_held_message (f->event), "still showing"));
}

static void
test_held (Fixture       *f,
           gconstpointer  data)
{
  const HeldCase *c = data;
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (PlenaryEvent) again = NULL;
  g_autofree char *held = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GBytes) kept_bytes = NULL;

  hold_one (f, c);
  /* The suspicious answer is kept aside, not lost; the good copy is untouched. */
  assert_survived (f, before, c->message);
  held = g_build_filename (plenary_event_get_directory (f->event), "held", "meta.json", NULL);
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  if (c->body != NULL)
    {
      kept = g_build_filename (plenary_event_get_directory (f->event), "held",
                               g_str_equal (c->path, EV_11) ? "event.json" : "timetable.json", NULL);
      kept_bytes = plenary_test_load_bytes (kept);
      g_assert_cmpmem (g_bytes_get_data (kept_bytes, NULL), g_bytes_get_size (kept_bytes),
                       c->body, strlen (c->body));
    }

  /* The next start still says so. */
  again = next_start (f, NULL);
  g_assert_cmpstr (plenary_event_get_held_message (again), ==,
                   plenary_event_get_held_message (f->event));

  /* The next sync gets the same: held again, nothing replaced. */
  hold_one (f, c);
  plenary_test_assert_tree_same (before, plenary_event_get_directory (f->event), "held");
}

static void
used_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TestSyncResult *r = user_data;

  r->ok = plenary_event_use_held_finish (PLENARY_EVENT (object), result, &r->error);
  r->done = TRUE;
}

/* The organiser really emptied it: the user takes the held answer. */
static void
test_use_held (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (PlenaryEvent) again = NULL;
  g_autofree char *held = NULL;
  g_autofree char *previous = NULL;
  TestSyncResult r = { 0, };

  hold_one (f, &held_cases[2]);
  plenary_event_use_held_async (f->event, NULL, used_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_null (plenary_event_get_held_message (f->event));
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_IDLE);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_event_get_schedule (f->event)),
                    ==, 0);
  held = g_build_filename (plenary_event_get_directory (f->event), "held", NULL);
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  /* The good copy became the previous one; the stars are still there. */
  previous = g_build_filename (plenary_event_get_directory (f->event), "previous",
                               "timetable.json", NULL);
  g_assert_true (g_file_test (previous, G_FILE_TEST_EXISTS));
  g_assert_true (plenary_user_data_get_starred (plenary_event_get_user_data (f->event), "941"));

  while (plenary_store_get_n_pending_cache_writes () > 0)
    g_main_context_iteration (NULL, TRUE);
  again = next_start (f, NULL);
  g_assert_cmpuint (plenary_schedule_get_n_contributions (plenary_event_get_schedule (again)),
                    ==, 0);
  g_assert_null (plenary_event_get_held_message (again));
}

/* The server comes back to its senses: the held answer goes. */
static void
test_held_then_good (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (GError) error = NULL;
  g_autofree char *held = NULL;

  hold_one (f, &held_cases[2]);
  serve (f, TT_11, f->timetable);
  g_assert_true (test_sync_event (f->service, f->event, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (plenary_event_get_held_message (f->event));
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_IDLE);
  /* Removed in a thread. */
  held = g_build_filename (plenary_event_get_directory (f->event), "held", NULL);
  for (guint i = 0; i < 200 && g_file_test (held, G_FILE_TEST_EXISTS); i++)
    plenary_test_iterate (10);
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  plenary_test_assert_tree_same (before, plenary_event_get_directory (f->event), "held");
}


/* Item 4: a whole-sync deadline and a minimum rate */

static void
test_trickle (Fixture       *f,
              gconstpointer  data)
{
  gboolean by_rate = data != NULL;
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  gint64 next;

  /* One byte every 50 ms, for ever (as far as the test goes). */
  body = g_bytes_new_static (g_bytes_get_data (f->timetable, NULL), 100000);
  test_server_reply (f->server, TT_11, 200, "application/json", body, NULL, NULL,
                     TEST_REPLY_TRICKLE);
  if (by_rate)
    g_object_set (f->service, "deadline", 0, "min-rate", 1000, "rate-window", 1, NULL);
  else
    g_object_set (f->service, "deadline", 2, "min-rate", 0, NULL);
  plenary_sync_service_add_event (f->service, f->event);

  g_assert_true (sync_fails (f, &error));
  g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TIMEOUT);
  assert_survived (f, before, by_rate ? "too slowly" : "took more than 2 seconds");
  /* The backoff applies: a retry is planned, within the first backoff step. */
  next = plenary_sync_service_get_next_attempt (f->service, f->event);
  g_assert_cmpint (next, >=, 0);
  g_assert_cmpint (next, <=, 30);
}

/* Refresh replaces a sync stuck in a download; both callers get the new one's result. */
static void
test_refresh_replaces (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GHashTable) before = sync_first (f);
  TestSyncResult stuck = { 0, };
  TestSyncResult fresh = { 0, };
  g_autoptr (GBytes) changed = NULL;

  test_server_reply (f->server, TT_11, 200, "application/json", f->timetable, NULL, NULL,
                     TEST_REPLY_STALL);
  plenary_sync_service_sync_async (f->service, f->event, FALSE, NULL, test_sync_result_cb,
                                   &stuck);
  while (test_server_count (f->server, TT_11) < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_SYNCING);

  changed = replace (f->timetable, "\"title\":\"BPF & Networking Opening Session\"",
                     "\"title\":\"BPF & Networking Opening\"");
  serve (f, TT_11, changed);
  plenary_sync_service_sync_async (f->service, f->event, TRUE, NULL, test_sync_result_cb,
                                   &fresh);
  while (!stuck.done || !fresh.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (stuck.error);
  g_assert_no_error (fresh.error);
  g_assert_true (stuck.changed && fresh.changed);
  g_assert_nonnull (find_entry (plenary_event_get_schedule (f->event), "BPF & Networking Opening"));
  g_assert_cmpint (plenary_event_get_sync_state (f->event), ==, PLENARY_SYNC_STATE_IDLE);
  g_assert_cmpuint (test_server_count (f->server, TT_11), ==, 3);
}

/* Item 6: a body shorter than its Content-Length is an interrupted download, retried soon. */
static void
test_short_body (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (GError) error = NULL;
  gint64 next;

  test_server_reply (f->server, TT_11, 200, "application/json", f->timetable, NULL, NULL,
                     TEST_REPLY_CLOSE_MID_BODY);
  plenary_sync_service_add_event (f->service, f->event);
  g_assert_true (sync_fails (f, &error));
  g_assert_error (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TRUNCATED);
  assert_survived (f, before, "interrupted");
  next = plenary_sync_service_get_next_attempt (f->service, f->event);
  g_assert_cmpint (next, >=, 0);
  g_assert_cmpint (next, <=, 30);
}

/* Item 6: a failed program.json during a re-sync keeps the stored track descriptions. */
static void
test_program_kept (Fixture       *f,
                   gconstpointer  data)
{
  static const char program[] = TEST_LPC_PROGRAM_JSON;
  g_autoptr (GBytes) good = g_bytes_new_static (program, strlen (program));
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryEvent) again = NULL;
  guint status = GPOINTER_TO_UINT (data);
  gboolean changed = TRUE;

  serve (f, PR_11, good);
  before = sync_first (f);
  if (status == 200)
    {
      g_autoptr (GBytes) deep = deep_nesting ();

      serve (f, PR_11, deep);
    }
  else if (status == 0)
    /* The connection cut mid-answer: downloaded beside the exports, it stops nothing. */
    test_server_reply (f->server, PR_11, 200, "application/json", good, NULL, NULL,
                       TEST_REPLY_CLOSE_MID_BODY);
  else
    {
      g_autoptr (GBytes) body = bytes_of ("{\"error\":{\"title\":\"Not allowed\"}}");

      test_server_reply (f->server, PR_11, status, "application/json", body, NULL, NULL,
                         TEST_REPLY_NORMAL);
    }
  g_assert_true (test_sync_event (f->service, f->event, &changed, &error));
  g_assert_no_error (error);
  /* Nothing changed: the stored program.json is the good one still. */
  g_assert_false (changed);
  g_assert_true (g_bytes_equal (plenary_snapshot_get_program (plenary_event_get_snapshot (f->event)),
                                good));
  plenary_test_assert_tree_same (before, plenary_event_get_directory (f->event), "held");
  again = next_start (f, NULL);
  assert_last_good (again);
  g_assert_true (g_bytes_equal (plenary_snapshot_get_program (plenary_event_get_snapshot (again)),
                                good));
}

/* Item 5: a damaged events.json is rebuilt from the event folders. */
static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TestSyncResult *r = user_data;

  r->ok = plenary_event_list_load_finish (PLENARY_EVENT_LIST (object), result, &r->error);
  r->done = TRUE;
}

static void
test_events_rebuilt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = plenary_store_get_events_file ();
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (path);
  g_autoptr (PlenaryEvent) other = plenary_event_new (f->server->base, "12");
  g_autoptr (PlenaryEvent) prefixed = plenary_event_new ("https://indico.example.org/indico/",
                                                        "7");
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *user = NULL;
  TestSyncResult r = { 0, };
  guint n = 0;

  test_server_serve_lpc (f->server, "12");
  before = sync_first (f);
  g_assert_true (test_sync_event (f->service, other, NULL, &error));
  g_assert_no_error (error);
  /* A third event with only stars (never synced), on a server with a path prefix. */
  user = g_build_filename (plenary_event_get_directory (prefixed), "user.json", NULL);
  g_assert_cmpint (g_mkdir_with_parents (plenary_event_get_directory (prefixed), 0700), ==, 0);
  g_assert_true (g_file_set_contents (user, "{\"version\":1,\"entries\":{}}", -1, NULL));

  g_assert_true (g_file_set_contents (path, data != NULL ? "{\"events\":[{" : "", -1, NULL));
  if (data == NULL)
    {
      g_autoptr (GBytes) deep = deep_nesting ();

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (deep, NULL), DEEP, NULL));
    }
  plenary_event_list_load_async (list, NULL, list_loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (plenary_event_list_get_recovered (list, &n));
  g_assert_cmpuint (n, ==, 3);
  g_assert_nonnull (plenary_event_list_lookup (list, plenary_event_get_key (f->event)));
  g_assert_nonnull (plenary_event_list_lookup (list, plenary_event_get_key (other)));
  g_assert_nonnull (plenary_event_list_lookup (list, plenary_event_get_key (prefixed)));
  /* The damaged file was set aside, not lost. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  plenary_test_assert_tree_same (before, plenary_event_get_directory (f->event), "held");
  {
    PlenaryEvent *found = plenary_event_list_lookup (list, plenary_event_get_key (f->event));
    TestSyncResult loaded = { 0, };

    plenary_event_load_async (found, NULL, loaded_cb, &loaded);
    while (!loaded.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (loaded.error);
    assert_last_good (found);
  }
}

/* The derived cache as the last resort: damaged exports, no previous/. */
static void
test_cache_last_resort (Fixture       *f,
                        gconstpointer  data)
{
  const char *damaged = data;
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (PlenaryEvent) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (plenary_event_get_directory (f->event), damaged,
                                            NULL);
  g_autoptr (GBytes) deep = deep_nesting ();
  gboolean warned = FALSE;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (deep, NULL), DEEP, NULL));
  again = next_start (f, &warned);
  g_assert_true (warned);
  assert_last_good (again);
  g_assert_null (plenary_event_get_snapshot (again));
  /* And the next start too (the damaged file is set aside by now). */
  g_clear_object (&again);
  again = next_start (f, NULL);
  assert_last_good (again);

  /* A re-sync stores it all again. */
  g_assert_true (test_sync_event (f->service, again, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (plenary_event_get_snapshot (again));
  assert_last_good (again);
}

/* Item 2: every file of Plenary's own, nested 100,000 deep or huge: set aside, reported,
 * never fatal; the rest is still there. */
static void
test_own_file (Fixture       *f,
               gconstpointer  data)
{
  const char *name = data;
  g_autoptr (GHashTable) before = sync_first (f);
  g_autoptr (PlenaryEvent) again = NULL;
  g_autofree char *path = g_build_filename (plenary_event_get_directory (f->event), name, NULL);
  g_autoptr (GBytes) deep = deep_nesting ();
  gboolean warned = FALSE;
  int fd;

  for (guint round = 0; round < 3; round++)
    {
      g_clear_object (&again);
      if (round == 0)
        g_assert_true (g_file_set_contents (path, g_bytes_get_data (deep, NULL), DEEP, NULL));
      else if (round == 1)
        {
          /* A 1 MB string where a short one belongs: valid JSON, read as it is. */
          g_autoptr (GString) text = g_string_new ("{\"version\":1,\"entries\":{\"941\":"
                                                   "{\"starred\":true,\"title\":\"");

          for (guint i = 0; i < 1024 * 1024; i++)
            g_string_append_c (text, 't');
          g_string_append (text, "\",\"note\":\"");
          for (guint i = 0; i < 1024 * 1024; i++)
            g_string_append_c (text, 'n');
          g_string_append (text, "\"}},\"fetched-at\":\"");
          for (guint i = 0; i < 1024 * 1024; i++)
            g_string_append_c (text, '9');
          g_string_append (text, "\"}");
          g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
        }
      else
        {
          /* Larger than any file Plenary writes (sparse: nothing is read). */
          fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
          g_assert_cmpint (fd, >=, 0);
          g_assert_cmpint (ftruncate (fd, (off_t) PLENARY_JSON_MAX_SIZE + 1), ==, 0);
          close (fd);
        }
      again = next_start (f, &warned);
      g_test_message ("%s round %u: warned %d", name, round, warned);
      if (g_str_equal (name, "user.json"))
        {
          /* The programme shows; the damaged stars are set aside (round 1 reads them). */
          g_assert_cmpuint (plenary_schedule_get_n_contributions (
                              plenary_event_get_schedule (again)), ==, LPC_TALKS);
          if (round != 1)
            g_assert_true (warned);
          else
            {
              /* Read as it is; a remembered title is held to the parser's cap. */
              PlenaryUserData *user = plenary_event_get_user_data (again);

              g_assert_true (plenary_user_data_get_starred (user, "941"));
              g_assert_cmpuint (strlen (plenary_user_data_get_note (user, "941")), ==,
                                1024 * 1024);
              g_assert_cmpuint (g_utf8_strlen (plenary_user_data_get_title (user, "941"), -1),
                                ==, 300);
            }
        }
      else
        {
          if (round != 1 || g_str_equal (name, "schedule.cache"))
            g_assert_cmpuint (plenary_schedule_get_n_contributions (
                                plenary_event_get_schedule (again)), ==, LPC_TALKS);
        }
      /* Restore the good copy for the next round: the whole tree as it was. */
      {
        g_autoptr (GError) error = NULL;

        g_clear_object (&f->event);
        plenary_test_reset_dirs ();
        f->event = plenary_event_new (f->server->base, "11");
        g_clear_pointer (&before, g_hash_table_unref);
        before = sync_first (f);
        g_assert_no_error (error);
      }
    }
}

static void
test_events_file_long_title (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = plenary_store_get_events_file ();
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (path);
  g_autoptr (GString) text = g_string_new (NULL);
  TestSyncResult r = { 0, };
  g_autoptr (PlenaryEvent) event = NULL;

  g_string_append_printf (text, "{\"version\":1,\"events\":[{\"server\":\"%s\",\"id\":\"11\","
                          "\"title\":\"\u202e", f->server->base);
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, 'e');
  g_string_append (text, "\"}]}");
  g_assert_cmpint (g_mkdir_with_parents (plenary_store_get_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  plenary_event_list_load_async (list, NULL, list_loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_false (plenary_event_list_get_recovered (list, NULL));
  event = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpuint (g_utf8_strlen (plenary_event_get_title (event), -1), ==, 300);
  g_assert_null (strstr (plenary_event_get_title (event), "\u202e"));
}

static void
test_events_file_huge (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = plenary_store_get_events_file ();
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (path);
  g_autoptr (GHashTable) before = sync_first (f);
  TestSyncResult r = { 0, };
  guint n = 0;
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (plenary_store_get_data_dir (), 0700), ==, 0);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) PLENARY_JSON_MAX_SIZE + 1), ==, 0);
  close (fd);
  plenary_event_list_load_async (list, NULL, list_loaded_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (plenary_event_list_get_recovered (list, &n));
  g_assert_cmpuint (n, ==, 1);
  plenary_test_assert_tree_same (before, plenary_event_get_directory (f->event), "held");
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/hostile/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("long-title/10k", test_long_title, GSIZE_TO_POINTER (10 * 1024));
  ADD ("long-title/1m", test_long_title, GSIZE_TO_POINTER (1024 * 1024));
  ADD ("long-strings", test_long_strings, NULL);
  ADD ("bidi", test_bidi, NULL);
  ADD ("deep-answer/timetable", test_deep_answer, NULL);
  ADD ("deep-answer/event", test_deep_answer, GINT_TO_POINTER (1));
  ADD ("wrong-event/timetable", test_wrong_event, NULL);
  ADD ("wrong-event/event", test_wrong_event, GINT_TO_POINTER (1));
  for (guint i = 0; i < G_N_ELEMENTS (held_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile/held/%s", held_cases[i].name);

      g_test_add (path, Fixture, &held_cases[i], fixture_set_up, test_held, fixture_tear_down);
    }
  ADD ("held/use", test_use_held, NULL);
  ADD ("held/then-good", test_held_then_good, NULL);
  ADD ("deadline", test_trickle, NULL);
  ADD ("min-rate", test_trickle, GINT_TO_POINTER (1));
  ADD ("refresh-replaces", test_refresh_replaces, NULL);
  ADD ("short-body", test_short_body, NULL);
  ADD ("program-kept/404", test_program_kept, GUINT_TO_POINTER (404));
  ADD ("program-kept/403", test_program_kept, GUINT_TO_POINTER (403));
  ADD ("program-kept/damaged", test_program_kept, GUINT_TO_POINTER (200));
  ADD ("program-kept/cut", test_program_kept, GUINT_TO_POINTER (0));
  ADD ("events-rebuilt/deep", test_events_rebuilt, NULL);
  ADD ("events-rebuilt/truncated", test_events_rebuilt, GINT_TO_POINTER (1));
  ADD ("events-file-huge", test_events_file_huge, NULL);
  ADD ("events-file-long-title", test_events_file_long_title, NULL);
  ADD ("cache-last-resort/meta", test_cache_last_resort, "meta.json");
  ADD ("cache-last-resort/timetable", test_cache_last_resort, "timetable.json");
  ADD ("cache-last-resort/event", test_cache_last_resort, "event.json");
  ADD ("own-file/user", test_own_file, "user.json");
  ADD ("own-file/meta", test_own_file, "meta.json");
  ADD ("own-file/cache", test_own_file, "schedule.cache");

  return g_test_run ();
}
