/* plenary-search-provider.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Shell asks as the user types, and shows the first few answers of every provider: each
 * answer must come within milliseconds. So each followed event's programme gets a search index
 * of the short texts the app's own search looks at (titles, speakers and affiliations, rooms,
 * tracks, sessions), folded the same way, built once in a worker thread; the abstracts are
 * left out, so their pages of the mapped schedule cache are never read, and a query is a few
 * substring scans of those short texts.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "plenary-search-provider.h"
#include "model/plenary-schedule.h"
#include "store/plenary-user-data.h"
#include "model/plenary-event.h"
#include "ui/plenary-format.h"
#include "util/plenary-search-index.h"

/* Queries longer than this cannot be a title or a name: they are cut, not refused. */
#define MAX_TERMS     32
#define MAX_TERM_CHARS 200
/* The Shell shows a handful; more only cost the bus. */
#define MAX_RESULTS   100
#define MAX_PEOPLE    5

static const char interface_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* One event's programme, indexed. */
typedef struct
{
  PlenarySchedule    *schedule;
  GPtrArray          *talks;          /* PlenaryEntry, programme order */
  GPtrArray          *titles;         /* their folded titles */
  PlenarySearchIndex *talk_index;     /* data: index into @talks */
  GPtrArray          *people;         /* PlenaryPerson */
  PlenarySearchIndex *people_index;
} EventIndex;

struct _PlenarySearchProvider
{
  GObject           parent_instance;

  GApplication     *application;     /* borrowed: it owns this */
  PlenaryEventList *events;          /* NULL until loaded */
  GDBusConnection  *connection;
  guint             registration_id;
  GHashTable       *indexes;         /* PlenarySchedule → EventIndex */
  GHashTable       *building;        /* PlenarySchedule → GTask */
  GQueue            waiting;         /* GDBusMethodInvocation, until the indexes are built */
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (PlenarySearchProvider, plenary_search_provider, G_TYPE_OBJECT)

static void answer_waiting (PlenarySearchProvider *self);

static void
event_index_free (gpointer data)
{
  EventIndex *index = data;

  g_clear_pointer (&index->talk_index, plenary_search_index_free);
  g_clear_pointer (&index->people_index, plenary_search_index_free);
  g_clear_pointer (&index->talks, g_ptr_array_unref);
  g_clear_pointer (&index->titles, g_ptr_array_unref);
  g_clear_pointer (&index->people, g_ptr_array_unref);
  g_clear_object (&index->schedule);
  g_free (index);
}

/* Rooms, tracks and sessions repeat across thousands of talks: each is folded once. */
static void
append_folded_cached (GString    *haystack,
                      GHashTable *folded,
                      const char *text)
{
  const char *done;

  if (text == NULL)
    text = "";
  done = g_hash_table_lookup (folded, text);
  if (done == NULL)
    {
      char *fresh = plenary_fold_for_search (text);

      g_hash_table_insert (folded, g_strdup (text), fresh);
      done = fresh;
    }
  g_string_append (haystack, done);
  g_string_append_c (haystack, '\n');
}

/* In a worker: the schedule is immutable. */
static void
build_index_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PlenarySchedule *schedule = task_data;
  GListModel *entries = plenary_schedule_get_entries (schedule);
  GListModel *people = plenary_schedule_get_people (schedule);
  EventIndex *index = g_new0 (EventIndex, 1);
  g_autoptr (GString) haystack = g_string_new (NULL);
  g_autoptr (GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gint64 started = g_get_monotonic_time ();

  index->schedule = g_object_ref (schedule);
  index->talks = g_ptr_array_new_with_free_func (g_object_unref);
  index->titles = g_ptr_array_new_with_free_func (g_free);
  index->people = g_ptr_array_new_with_free_func (g_object_unref);
  index->talk_index = plenary_search_index_new ();
  index->people_index = plenary_search_index_new ();

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *speakers = NULL;
      PlenaryTrack *track;

      if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;
      speakers = plenary_format_people (plenary_entry_get_speakers (entry), TRUE);
      track = plenary_entry_get_track (entry);
      g_string_truncate (haystack, 0);
      plenary_fold_append_for_search (haystack, plenary_entry_get_title (entry));
      plenary_fold_append_for_search (haystack, speakers);
      append_folded_cached (haystack, folded,
                            plenary_room_get_name (plenary_entry_get_room (entry)));
      append_folded_cached (haystack, folded,
                            track != NULL ? plenary_track_get_title (track) : NULL);
      append_folded_cached (haystack, folded, plenary_entry_get_session_title (entry));
      plenary_search_index_add (index->talk_index, GUINT_TO_POINTER (index->talks->len),
                                haystack->str, NULL);
      g_ptr_array_add (index->titles, plenary_fold_for_search (plenary_entry_get_title (entry)));
      g_ptr_array_add (index->talks, g_steal_pointer (&entry));
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (PlenaryPerson) person = g_list_model_get_item (people, i);

      g_string_truncate (haystack, 0);
      plenary_fold_append_for_search (haystack, plenary_person_get_name (person));
      plenary_fold_append_for_search (haystack, plenary_person_get_affiliation (person));
      plenary_search_index_add (index->people_index, GUINT_TO_POINTER (index->people->len),
                                haystack->str, NULL);
      g_ptr_array_add (index->people, g_steal_pointer (&person));
    }
  plenary_search_index_finish (index->talk_index);
  plenary_search_index_finish (index->people_index);
  g_debug ("Search provider: indexed %u talks and %u people of “%s” in %.1f ms",
           index->talks->len, index->people->len, plenary_schedule_get_title (schedule),
           (g_get_monotonic_time () - started) / 1000.0);
  g_task_return_pointer (task, index, event_index_free);
}

static void
index_built_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlenarySearchProvider *self = PLENARY_SEARCH_PROVIDER (source);
  PlenarySchedule *schedule = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  EventIndex *index = g_task_propagate_pointer (G_TASK (result), &error);

  if (index == NULL)
    return;   /* cancelled: the provider is going */
  g_hash_table_remove (self->building, schedule);
  g_hash_table_replace (self->indexes, schedule, index);
  answer_waiting (self);
}

/* Starts indexing every followed programme not indexed yet, and forgets replaced ones.
 * Returns whether all are indexed. */
static gboolean
ensure_indexes (PlenarySearchProvider *self)
{
  g_autoptr (GHashTable) current = g_hash_table_new (NULL, NULL);
  GListModel *events = G_LIST_MODEL (self->events);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (events, i);
      PlenarySchedule *schedule = plenary_event_get_schedule (event);
      GTask *task;

      if (schedule == NULL)
        continue;
      g_hash_table_add (current, schedule);
      if (g_hash_table_contains (self->indexes, schedule)
          || g_hash_table_contains (self->building, schedule))
        continue;
      task = g_task_new (self, self->cancellable, index_built_cb, NULL);
      g_task_set_source_tag (task, ensure_indexes);
      g_task_set_task_data (task, g_object_ref (schedule), g_object_unref);
      g_hash_table_insert (self->building, schedule, task);
      g_task_run_in_thread (task, build_index_thread);
    }

  g_hash_table_iter_init (&iter, self->indexes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (current, key))
      g_hash_table_iter_remove (&iter);
  return g_hash_table_size (self->building) == 0;
}

static PlenaryEvent *
find_event (PlenarySearchProvider *self,
            const char            *key)
{
  return self->events != NULL ? plenary_event_list_lookup (self->events, key) : NULL;
}

static EventIndex *
find_index (PlenarySearchProvider *self,
            PlenaryEvent          *event)
{
  PlenarySchedule *schedule = event != NULL ? plenary_event_get_schedule (event) : NULL;

  return schedule != NULL ? g_hash_table_lookup (self->indexes, schedule) : NULL;
}

/* The Shell's terms, folded as the app folds a query and cut to a sane size. */
static GStrv
fold_terms (const char * const *terms)
{
  g_autoptr (GString) query = g_string_new (NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL && i < MAX_TERMS; i++)
    {
      g_autofree char *cut = g_utf8_substring (terms[i], 0,
                                               MIN (g_utf8_strlen (terms[i], -1), MAX_TERM_CHARS));
      g_autofree char *folded = plenary_fold_for_search (cut);

      g_string_append (query, folded);
      g_string_append_c (query, ' ');
    }
  return plenary_search_terms (query->str);
}

typedef struct
{
  int   rank;   /* 0 speakers, 1 starred talks, 2 titles, 3 the rest */
  guint order;
  char *id;
} Result;

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const Result *x = a;
  const Result *y = b;

  if (x->rank != y->rank)
    return x->rank - y->rank;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
result_clear (gpointer data)
{
  g_free (((Result *) data)->id);
}

GStrv
plenary_search_provider_search (PlenarySearchProvider *self,
                                const char * const    *terms,
                                guint                  max)
{
  g_auto (GStrv) folded = NULL;
  g_autoptr (GArray) results = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  GListModel *events;
  guint order = 0;

  g_return_val_if_fail (PLENARY_IS_SEARCH_PROVIDER (self), NULL);

  if (self->events == NULL)
    return NULL;
  folded = fold_terms (terms);
  results = g_array_new (FALSE, FALSE, sizeof (Result));
  g_array_set_clear_func (results, result_clear);
  events = G_LIST_MODEL (self->events);

  for (guint e = 0; e < g_list_model_get_n_items (events) && folded[0] != NULL; e++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (events, e);
      EventIndex *index = find_index (self, event);
      PlenaryUserData *user_data = plenary_event_get_user_data (event);
      const char *event_key = plenary_event_get_key (event);
      g_autoptr (GArray) people = NULL;
      g_autoptr (GArray) talks = NULL;

      if (index == NULL)
        continue;
      people = plenary_search_index_match (index->people_index, (const char * const *) folded,
                                           NULL);
      for (guint i = 0; i < people->len && i < MAX_PEOPLE; i++)
        {
          PlenaryPerson *person = g_ptr_array_index (index->people,
                                                     g_array_index (people, guint, i));
          Result result = { 0, order++, g_strdup_printf ("person\t%s\t%s", event_key,
                                                         plenary_person_get_key (person)) };

          g_array_append_val (results, result);
        }
      talks = plenary_search_index_match (index->talk_index, (const char * const *) folded, NULL);
      for (guint i = 0; i < talks->len; i++)
        {
          guint item = g_array_index (talks, guint, i);
          PlenaryEntry *entry = g_ptr_array_index (index->talks, item);
          const char *key = plenary_entry_get_user_key (entry);
          Result result = { 3, order++, NULL };

          if (user_data != NULL && plenary_user_data_get_starred (user_data, key))
            result.rank = 1;
          else if (plenary_search_matches_terms (g_ptr_array_index (index->titles, item), folded))
            result.rank = 2;
          /* Past the cap, only what could still rank higher matters. */
          if (results->len >= 4 * max && result.rank == 3)
            continue;
          result.id = g_strdup_printf ("talk\t%s\t%s", event_key, key);
          g_array_append_val (results, result);
        }
    }

  g_array_sort (results, compare_results);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < results->len && i < max; i++)
    g_strv_builder_add (builder, g_array_index (results, Result, i).id);
  return g_strv_builder_end (builder);
}

/* "talk\t<event key>\t<user key>" or "person\t…": NULL parts when malformed. */
static gboolean
parse_id (const char  *id,
          gboolean    *is_person,
          char       **event_key,
          char       **key)
{
  g_auto (GStrv) parts = g_strsplit (id, "\t", 3);

  if (g_strv_length (parts) != 3)
    return FALSE;
  if (g_strcmp0 (parts[0], "talk") == 0)
    *is_person = FALSE;
  else if (g_strcmp0 (parts[0], "person") == 0)
    *is_person = TRUE;
  else
    return FALSE;
  *event_key = g_strdup (parts[1]);
  *key = g_strdup (parts[2]);
  return TRUE;
}

static GVariant *
meta_for (PlenarySearchProvider *self,
          const char            *id)
{
  g_autofree char *event_key = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GIcon) icon = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  PlenarySchedule *schedule;
  PlenaryEvent *event;
  gboolean is_person = FALSE;
  GVariantBuilder meta;
  const char *name;

  if (!parse_id (id, &is_person, &event_key, &key)
      || (event = find_event (self, event_key)) == NULL
      || (schedule = plenary_event_get_schedule (event)) == NULL)
    return NULL;

  if (is_person)
    {
      PlenaryPerson *person = plenary_schedule_lookup_person (schedule, key);
      g_autoptr (GListModel) talks = NULL;
      guint n;
      const char *affiliation;
      g_autofree char *count = NULL;

      if (person == NULL)
        return NULL;
      talks = plenary_schedule_get_person_entries (schedule, person);
      n = g_list_model_get_n_items (talks);
      affiliation = plenary_person_get_affiliation (person);
      name = plenary_person_get_name (person);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk", "%u talks", n), n);
      if (affiliation[0] != '\0')
        g_ptr_array_add (parts, g_strdup (affiliation));
      g_ptr_array_add (parts, g_steal_pointer (&count));
      g_ptr_array_add (parts, g_strdup (plenary_schedule_get_title (schedule)));
      icon = g_themed_icon_new ("avatar-default-symbolic");
    }
  else
    {
      PlenaryEntry *entry = plenary_schedule_lookup_user_key (schedule, key);
      GTimeZone *zone = plenary_schedule_get_timezone (schedule);
      g_autoptr (GDateTime) start = NULL;
      g_autofree char *day = NULL;
      g_autofree char *times = NULL;
      g_autofree char *speakers = NULL;
      const char *room;

      if (entry == NULL)
        return NULL;
      name = plenary_entry_get_title (entry);
      speakers = plenary_format_people (plenary_entry_get_speakers (entry), FALSE);
      room = plenary_room_get_name (plenary_entry_get_room (entry));
      /* "Mon 20 10:00–10:45 · Kernel Summit · Miguel Ojeda" */
      if (plenary_entry_get_start (entry) != NULL)
        {
          start = g_date_time_to_timezone (plenary_entry_get_start (entry), zone);
          day = plenary_format_day_short (start);
          times = plenary_format_time_range (plenary_entry_get_start (entry),
                                             plenary_entry_get_end (entry), zone);
          /* Translators: a day and a time range, e.g. "Mon 20 10:00–10:45". */
          g_ptr_array_add (parts, g_strdup_printf (_("%s %s"), day, times));
        }
      if (room[0] != '\0')
        g_ptr_array_add (parts, g_strdup (room));
      if (speakers[0] != '\0')
        g_ptr_array_add (parts, g_steal_pointer (&speakers));
      else
        g_ptr_array_add (parts, g_strdup (plenary_schedule_get_title (schedule)));
      icon = g_themed_icon_new ("x-office-calendar-symbolic");
    }

  for (guint i = 0; i < parts->len; i++)
    {
      /* Translators: parts of a search result's description, e.g. "Red Hat · 2 talks". */
      char *longer = description == NULL ? g_strdup (parts->pdata[i])
                                         : g_strdup_printf (_("%s · %s"), description,
                                                            (char *) parts->pdata[i]);

      g_free (description);
      description = longer;
    }
  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "icon", g_icon_serialize (icon));
  return g_variant_builder_end (&meta);
}

static void
present_window (PlenarySearchProvider *self,
                guint32                timestamp)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self->application));

  if (window != NULL)
    gtk_window_present_with_time (window, timestamp);
}

static void
activate_result (PlenarySearchProvider *self,
                 const char            *id,
                 guint32                timestamp)
{
  g_autofree char *event_key = NULL;
  g_autofree char *key = NULL;
  gboolean is_person = FALSE;

  if (!parse_id (id, &is_person, &event_key, &key) || find_event (self, event_key) == NULL)
    {
      /* An answer from before a restart or a removed event: show the app at least. */
      g_application_activate (self->application);
      present_window (self, timestamp);
      return;
    }
  g_action_group_activate_action (G_ACTION_GROUP (self->application),
                                  is_person ? "show-event-person" : "show-event-entry",
                                  g_variant_new ("(ss)", event_key, key));
  present_window (self, timestamp);
}

static void
launch_search (PlenarySearchProvider *self,
               const char * const    *terms,
               guint32                timestamp)
{
  g_autofree char *text = NULL;
  g_autoptr (GStrvBuilder) cut = g_strv_builder_new ();
  g_auto (GStrv) kept = NULL;

  for (guint i = 0; terms[i] != NULL && i < MAX_TERMS; i++)
    {
      g_autofree char *term = g_utf8_substring (terms[i], 0, MIN (g_utf8_strlen (terms[i], -1),
                                                                  MAX_TERM_CHARS));

      g_strv_builder_add (cut, term);
    }
  kept = g_strv_builder_end (cut);
  text = g_strjoinv (" ", kept);
  g_action_group_activate_action (G_ACTION_GROUP (self->application), "search",
                                  g_variant_new_string (text));
  present_window (self, timestamp);
}

static gboolean
is_ready (PlenarySearchProvider *self)
{
  return self->events != NULL && ensure_indexes (self);
}

static void
answer (PlenarySearchProvider *self,
        GDBusMethodInvocation *invocation)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  gint64 started = g_get_monotonic_time ();

  if (g_strcmp0 (method, "GetInitialResultSet") == 0
      || g_strcmp0 (method, "GetSubsearchResultSet") == 0)
    {
      g_autofree const char **terms = NULL;
      g_auto (GStrv) results = NULL;

      /* Subsearches search again: the first answer was cut at MAX_RESULTS, so a narrower
       * query may find what it left out. */
      if (g_strcmp0 (method, "GetInitialResultSet") == 0)
        g_variant_get (parameters, "(^a&s)", &terms);
      else
        g_variant_get (parameters, "(@as^a&s)", NULL, &terms);
      results = plenary_search_provider_search (self, terms, MAX_RESULTS);
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", results));
      g_debug ("Search provider: %s found %u in %.2f ms", method, g_strv_length (results),
               (g_get_monotonic_time () - started) / 1000.0);
    }
  else if (g_strcmp0 (method, "GetResultMetas") == 0)
    {
      g_autofree const char **ids = NULL;
      GVariantBuilder metas;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
      for (guint i = 0; ids[i] != NULL; i++)
        {
          GVariant *meta = meta_for (self, ids[i]);

          /* Unknown ids (a programme changed since) are left out, as the Shell expects. */
          if (meta != NULL)
            g_variant_builder_add_value (&metas, meta);
        }
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
    }
  else if (g_strcmp0 (method, "ActivateResult") == 0)
    {
      const char *id = NULL;
      guint32 timestamp = 0;

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      activate_result (self, id, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_strcmp0 (method, "LaunchSearch") == 0)
    {
      g_autofree const char **terms = NULL;
      guint32 timestamp = 0;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      launch_search (self, terms, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method);
}

static void
answer_waiting (PlenarySearchProvider *self)
{
  GDBusMethodInvocation *invocation;

  if (!is_ready (self))
    return;
  while ((invocation = g_queue_pop_head (&self->waiting)) != NULL)
    {
      answer (self, invocation);
      g_object_unref (invocation);
      g_application_release (self->application);
    }
}

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  PlenarySearchProvider *self = user_data;

  /* Held while a call waits, and the inactivity timeout starts again after each answer. */
  g_application_hold (self->application);
  if (is_ready (self) && g_queue_is_empty (&self->waiting))
    {
      answer (self, invocation);
      g_application_release (self->application);
      return;
    }
  g_queue_push_tail (&self->waiting, g_object_ref (invocation));
}

static const GDBusInterfaceVTable vtable = { handle_method_call, NULL, NULL, { 0 } };

gboolean
plenary_search_provider_register (PlenarySearchProvider *self,
                                  GDBusConnection       *connection,
                                  const char            *object_path,
                                  GError               **error)
{
  static GDBusNodeInfo *info;

  g_return_val_if_fail (PLENARY_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  if (info == NULL)
    info = g_dbus_node_info_new_for_xml (interface_xml, NULL);
  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  return TRUE;
}

void
plenary_search_provider_unregister (PlenarySearchProvider *self)
{
  g_return_if_fail (PLENARY_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

void
plenary_search_provider_set_events (PlenarySearchProvider *self,
                                    PlenaryEventList      *events,
                                    gboolean               prepare)
{
  g_return_if_fail (PLENARY_IS_SEARCH_PROVIDER (self));
  g_return_if_fail (PLENARY_IS_EVENT_LIST (events));

  g_set_object (&self->events, events);
  if (prepare || !g_queue_is_empty (&self->waiting))
    ensure_indexes (self);
  answer_waiting (self);
}

PlenarySearchProvider *
plenary_search_provider_new (GApplication *application)
{
  PlenarySearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (PLENARY_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  return self;
}

static void
plenary_search_provider_dispose (GObject *object)
{
  PlenarySearchProvider *self = PLENARY_SEARCH_PROVIDER (object);
  GDBusMethodInvocation *invocation;

  g_cancellable_cancel (self->cancellable);
  plenary_search_provider_unregister (self);
  while ((invocation = g_queue_pop_head (&self->waiting)) != NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Plenary is quitting");
      g_object_unref (invocation);
    }
  g_clear_pointer (&self->building, g_hash_table_unref);
  g_clear_pointer (&self->indexes, g_hash_table_unref);
  g_clear_object (&self->events);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (plenary_search_provider_parent_class)->dispose (object);
}

static void
plenary_search_provider_class_init (PlenarySearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plenary_search_provider_dispose;
}

static void
plenary_search_provider_init (PlenarySearchProvider *self)
{
  self->cancellable = g_cancellable_new ();
  self->indexes = g_hash_table_new_full (NULL, NULL, NULL, event_index_free);
  self->building = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->waiting);
}
