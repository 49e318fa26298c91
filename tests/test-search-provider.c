/* test-search-provider.c: GNOME Shell's search over D-Bus, on a followed LPC 2021
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-application.h"
#include "plenary-test-util.h"
#include "store/plenary-snapshot.h"
#include "store/plenary-store.h"
#include "store/plenary-event-list.h"
#include "ui/plenary-entry-page.h"
#include "ui/plenary-window.h"

#define SERVER "http://127.0.0.1:9/"
#define IFACE "org.gnome.Shell.SearchProvider2"

static PlenaryApplication *app;
static GDBusConnection *client;     /* another connection, as the Shell's would be */
static char *object_path;
static PlenarySchedule *lpc;        /* the same programme, parsed here, to compare with */
static char *event_key;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  plenary_event_list_save_finish (PLENARY_EVENT_LIST (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Follows LPC 2021 with its stored programme, as after a sync. */
static void
store_event (void)
{
  g_autofree char *events_file = plenary_store_get_events_file ();
  g_autoptr (PlenaryEventList) list = plenary_event_list_new (events_file);
  g_autofree char *tt_path =
    plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autofree char *ev_path =
    plenary_test_shared_path ("fixtures/lpc2021/export-event-11-contributions.json");
  g_autoptr (GBytes) timetable = plenary_test_load_bytes (tt_path);
  g_autoptr (GBytes) event_export = plenary_test_load_bytes (ev_path);
  g_autoptr (PlenarySnapshot) snapshot = plenary_snapshot_new (timetable, event_export, NULL,
                                                               NULL);
  g_autoptr (PlenaryEvent) event = plenary_event_new (SERVER, "11");
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  plenary_event_set_title (event, "Linux Plumbers Conference 2021");
  plenary_snapshot_save (snapshot, plenary_event_get_directory (event), &error);
  g_assert_no_error (error);
  plenary_event_list_add (list, event);
  event_key = g_strdup (plenary_event_get_key (event));
  plenary_event_list_save_async (list, NULL, saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
call_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Calls @method over the bus, letting the app (in this process) answer meanwhile. */
static GVariant *
call_full (const char  *method,
           GVariant    *parameters,
           GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  g_dbus_connection_call (client, g_application_get_application_id (G_APPLICATION (app)),
                          object_path, IFACE, method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, 20000, NULL, call_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_dbus_connection_call_finish (client, result, error);
}

static GVariant *
call (const char *method,
      GVariant   *parameters)
{
  g_autoptr (GError) error = NULL;
  GVariant *reply = call_full (method, parameters, &error);

  g_assert_no_error (error);
  return reply;
}

static GStrv
initial (const char * const *terms)
{
  g_autoptr (GVariant) reply = call ("GetInitialResultSet",
                                     g_variant_new ("(^as)", terms));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

static GStrv
subsearch (const char * const *previous,
           const char * const *terms)
{
  g_autoptr (GVariant) reply = call ("GetSubsearchResultSet",
                                     g_variant_new ("(^as^as)", previous, terms));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

/* name and description of each id that has a meta, in order; NULL description for missing. */
static GVariant *
metas (const char * const *ids)
{
  g_autoptr (GVariant) reply = call ("GetResultMetas", g_variant_new ("(^as)", ids));

  return g_variant_get_child_value (reply, 0);
}

static char *
talk_id (const char *title)
{
  GListModel *entries = plenary_schedule_get_entries (lpc);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (plenary_entry_get_title (entry), title) == 0)
        return g_strdup_printf ("talk\t%s\t%s", event_key, plenary_entry_get_user_key (entry));
    }
  g_assert_not_reached ();
}

static PlenaryWindow *
window (void)
{
  return PLENARY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static const char *
visible_page (void)
{
  return adw_view_stack_get_visible_child_name (plenary_window_get_view_stack (window ()));
}

/* The first call comes as the app starts, before the stored programme is read: it waits. */
static void
test_initial_result_set (void)
{
  g_auto (GStrv) results = initial ((const char *[]) { "rust", NULL });
  g_autofree char *rust = talk_id ("Rust for Linux");

  g_assert_true (g_strv_contains ((const char * const *) results, rust));
  /* The app was only asked to search: no window. */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  /* Talks of a speaker, and the speaker first. */
  {
    g_auto (GStrv) rapoport = initial ((const char *[]) { "rapoport", NULL });
    g_autoptr (GVariant) found = metas ((const char * const *) rapoport);
    const char *name = NULL;
    g_autoptr (GVariant) first = NULL;
    g_autofree char *memory = talk_id ("Consolidating representations of the physical memory");

    g_assert_cmpuint (g_strv_length (rapoport), >=, 2);
    g_assert_true (g_str_has_prefix (rapoport[0], "person\t"));
    first = g_variant_get_child_value (found, 0);
    g_assert_true (g_variant_lookup (first, "name", "&s", &name));
    g_assert_cmpstr (name, ==, "Mike Rapoport");
    g_assert_true (g_strv_contains ((const char * const *) rapoport, memory));
  }
}

/* The app's own folding: case and accents do not matter. */
static void
test_folded_search (void)
{
  g_auto (GStrv) plain = initial ((const char *[]) { "stephane", NULL });
  g_auto (GStrv) accented = initial ((const char *[]) { "STÉPHANE", NULL });
  g_auto (GStrv) lower = initial ((const char *[]) { "rust", NULL });
  g_auto (GStrv) upper = initial ((const char *[]) { "RÜST", NULL });
  g_autoptr (GVariant) found = NULL;
  g_autoptr (GVariant) first = NULL;
  const char *name = NULL;

  g_assert_cmpuint (g_strv_length (plain), >, 0);
  g_assert_true (g_strv_equal ((const char * const *) plain, (const char * const *) accented));
  g_assert_true (g_strv_equal ((const char * const *) lower, (const char * const *) upper));
  found = metas ((const char * const *) plain);
  first = g_variant_get_child_value (found, 0);
  g_assert_true (g_variant_lookup (first, "name", "&s", &name));
  g_assert_cmpstr (name, ==, "Stéphane Graber");
}

static void
test_subsearch (void)
{
  g_auto (GStrv) first = initial ((const char *[]) { "rust", NULL });
  g_auto (GStrv) narrower = subsearch ((const char * const *) first,
                                       (const char *[]) { "rust", "linux", NULL });
  g_autofree char *rust = talk_id ("Rust for Linux");

  g_assert_true (g_strv_contains ((const char * const *) narrower, rust));
  g_assert_cmpuint (g_strv_length (narrower), <=, g_strv_length (first));
  for (guint i = 0; narrower[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) first, narrower[i]));
}

static void
test_result_metas (void)
{
  g_autofree char *rust = talk_id ("Rust for Linux");
  g_autofree char *unknown_talk = g_strdup_printf ("talk\t%s\t999999999", event_key);
  const char *ids[] = { "nonsense", rust, "talk\tno-such-event\t1", unknown_talk, "", "\t\t",
                        NULL };
  g_autoptr (GVariant) found = metas (ids);
  g_autoptr (GVariant) meta = NULL;
  g_autoptr (GVariant) icon = NULL;
  const char *value = NULL;

  /* Only the one real talk has a meta. */
  g_assert_cmpuint (g_variant_n_children (found), ==, 1);
  meta = g_variant_get_child_value (found, 0);
  g_assert_true (g_variant_lookup (meta, "id", "&s", &value));
  g_assert_cmpstr (value, ==, rust);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &value));
  g_assert_cmpstr (value, ==, "Rust for Linux");
  g_assert_true (g_variant_lookup (meta, "description", "&s", &value));
  g_assert_nonnull (strstr (value, "Miguel Ojeda"));
  g_assert_nonnull (strstr (value, "Kernel Summit/Virtual-Room"));
  g_assert_nonnull (strstr (value, "10:00"));
  icon = g_variant_lookup_value (meta, "icon", NULL);
  g_assert_nonnull (icon);
  {
    g_autoptr (GIcon) gicon = g_icon_deserialize (icon);

    g_assert_true (G_IS_ICON (gicon));
  }
}

/* Odd queries: nothing found, no error, and the provider still answers afterwards. */
static void
test_odd_queries (void)
{
  g_autofree char *long_term = g_strnfill (100000, 'a');
  g_autofree char *long_unicode = NULL;
  g_autoptr (GString) many = g_string_new (NULL);
  const char *empty[] = { NULL };
  const char *blank[] = { "", " ", "   ", "\t", "\n", NULL };
  const char *odd[] = { "%s%n%x", NULL };
  const char *markup[] = { "<b>&amp;", NULL };
  const char *emoji[] = { "🎉", NULL };
  const char *combining[] = { "\xcc\x81", NULL };   /* a lone combining accent: folds to "" */
  const char *rtl[] = { "\xe2\x80\xae" "tsur", NULL };
  const char *lone[] = { long_term, NULL };

  for (int i = 0; i < 2000; i++)
    g_string_append (many, "ü");
  long_unicode = g_string_free (g_steal_pointer (&many), FALSE);

  for (const char **const *terms = (const char **const[]) { empty, blank, odd, markup, emoji,
                                                            rtl, lone, NULL };
       *terms != NULL; terms++)
    {
      g_auto (GStrv) results = initial (*terms);

      g_assert_cmpuint (g_strv_length (results), ==, 0);
    }
  {
    const char *terms[] = { long_unicode, "rust", NULL };
    g_auto (GStrv) results = initial (terms);

    g_assert_cmpuint (g_strv_length (results), ==, 0);
  }
  {
    /* Folds away to nothing: no terms, nothing found (as in the app). */
    g_auto (GStrv) results = initial (combining);

    g_assert_cmpuint (g_strv_length (results), ==, 0);
  }
  {
    /* A hundred terms: the first 32 count. */
    g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
    g_auto (GStrv) terms = NULL;
    g_auto (GStrv) results = NULL;

    for (int i = 0; i < 100; i++)
      g_strv_builder_add (builder, "rust");
    terms = g_strv_builder_end (builder);
    results = initial ((const char * const *) terms);
    g_assert_cmpuint (g_strv_length (results), >, 0);
  }
  {
    /* The wrong signature is refused by the bus layer, with a D-Bus error. */
    g_autoptr (GError) error = NULL;
    g_autoptr (GVariant) reply = call_full ("GetInitialResultSet", g_variant_new ("(s)", "rust"),
                                            &error);

    g_assert_null (reply);
    g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);
  }
  {
    g_auto (GStrv) results = initial ((const char *[]) { "rust", NULL });

    g_assert_cmpuint (g_strv_length (results), >, 0);
  }
}

/* Starred talks come before the others. */
static void
test_starred_first (void)
{
  PlenaryEvent *event = plenary_event_list_lookup (plenary_application_get_events (app),
                                                   event_key);
  PlenaryUserData *user_data = plenary_event_get_user_data (event);
  g_auto (GStrv) before = initial ((const char *[]) { "linux", NULL });
  g_auto (GStrv) after = NULL;
  const char *last = before[g_strv_length (before) - 1];
  g_auto (GStrv) parts = g_strsplit (last, "\t", 3);

  g_assert_cmpuint (g_strv_length (before), >, 3);
  g_assert_true (g_str_has_prefix (last, "talk\t"));
  plenary_user_data_set_starred (user_data, parts[2], TRUE);
  after = initial ((const char *[]) { "linux", NULL });
  /* After the speakers called Linux…, if any. */
  for (guint i = 0; after[i] != NULL; i++)
    if (g_str_has_prefix (after[i], "talk\t"))
      {
        g_assert_cmpstr (after[i], ==, last);
        break;
      }
  plenary_user_data_set_starred (user_data, parts[2], FALSE);
}

static void
test_activate_result (void)
{
  g_autofree char *rust = talk_id ("Rust for Linux");
  g_autoptr (GVariant) reply = call ("ActivateResult",
                                     g_variant_new ("(s^asu)", rust,
                                                    (const char *[]) { "rust", NULL }, 0));
  PlenaryScheduleView *view;
  PlenaryEntry *shown;

  plenary_test_iterate (100);
  g_assert_nonnull (window ());
  g_assert_cmpstr (plenary_event_get_key (plenary_window_get_event (window ())), ==, event_key);
  g_assert_cmpstr (visible_page (), ==, "schedule");
  view = plenary_window_get_schedule_view (window ());
  shown = plenary_entry_page_get_entry (plenary_schedule_view_get_entry_page (view));
  g_assert_nonnull (shown);
  g_assert_cmpstr (plenary_entry_get_title (shown), ==, "Rust for Linux");

  /* A speaker opens in Speakers. */
  {
    g_auto (GStrv) results = initial ((const char *[]) { "rapoport", NULL });
    g_autoptr (GVariant) person = call ("ActivateResult",
                                        g_variant_new ("(s^asu)", results[0],
                                                       (const char *[]) { "rapoport", NULL }, 0));

    plenary_test_iterate (50);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                       plenary_window_get_view_stack (window ())), ==, "speakers");
  }
  /* A stale id only brings the window up. */
  {
    g_autoptr (GVariant) stale = call ("ActivateResult",
                                       g_variant_new ("(s^asu)", "talk\tgone\t1",
                                                      (const char *[]) { "x", NULL }, 0));

    g_assert_nonnull (window ());
  }
}

static void
test_launch_search (void)
{
  PlenaryScheduleView *view = plenary_window_get_schedule_view (window ());
  GListModel *model = plenary_schedule_view_get_model (view);
  guint n_day = g_list_model_get_n_items (model);
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  gboolean found = FALSE;
  g_autoptr (GVariant) reply = call ("LaunchSearch",
                                     g_variant_new ("(^asu)", (const char *[]) { "rust", "linux",
                                                                                NULL }, 0));

  g_assert_cmpstr (visible_page (), ==, "schedule");
  /* The search entry waits a moment after typing before it searches. */
  while (g_list_model_get_n_items (model) == n_day && g_get_monotonic_time () < deadline)
    plenary_test_iterate (20);
  /* The schedule's search (abstracts too) shows its results across days, not the day. */
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_day);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      if (PLENARY_IS_ENTRY (item) && g_strcmp0 (plenary_entry_get_title (PLENARY_ENTRY (item)),
                                                "Rust for Linux") == 0)
        found = TRUE;
    }
  g_assert_true (found);
}

/* What the Shell and the bus read: the names must be the app's, or nothing is ever asked. */
static void
test_installed_files (void)
{
  g_autofree char *ini_path = g_strdup_printf ("%s/data/%s.search-provider.ini", BUILD_ROOT,
                                               APP_ID);
  g_autofree char *service_path = g_strdup_printf ("%s/data/%s.service", BUILD_ROOT, APP_ID);
  g_autofree char *desktop_path = g_strdup_printf ("%s/data/%s.desktop", BUILD_ROOT, APP_ID);
  g_autofree char *object_path_of_app = g_strdelimit (g_strconcat ("/", APP_ID, NULL), ".",
                                                      '/');
  g_autofree char *expected_path = g_strconcat (object_path_of_app, "/SearchProvider", NULL);
  g_autofree char *desktop_id = g_strconcat (APP_ID, ".desktop", NULL);
  g_autoptr (GKeyFile) ini = g_key_file_new ();
  g_autoptr (GKeyFile) service = g_key_file_new ();
  g_autoptr (GKeyFile) desktop = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  g_key_file_load_from_file (ini, ini_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  value = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_cmpstr (value, ==, APP_ID);
  g_free (value);
  value = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_cmpstr (value, ==, expected_path);
  g_free (value);
  value = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_cmpstr (value, ==, desktop_id);
  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", &error), ==,
                   2);
  g_assert_no_error (error);

  g_key_file_load_from_file (service, service_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_free (value);
  value = g_key_file_get_string (service, "D-BUS Service", "Name", &error);
  g_assert_cmpstr (value, ==, APP_ID);
  g_free (value);
  value = g_key_file_get_string (service, "D-BUS Service", "Exec", &error);
  g_assert_true (g_str_has_suffix (value, "/plenary --gapplication-service"));

  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_key_file_get_boolean (desktop, "Desktop Entry", "DBusActivatable", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = NULL;
  int status;

  plenary_test_init (&argc, &argv);
  store_event ();
  lpc = plenary_test_load_lpc2021 ();

  app = plenary_application_new (APP_ID ".TestSearch", G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  object_path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (app)),
                             "/SearchProvider", NULL);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  client = g_dbus_connection_new_for_address_sync (address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search-provider/initial-result-set", test_initial_result_set);
  g_test_add_func ("/search-provider/folded-search", test_folded_search);
  g_test_add_func ("/search-provider/subsearch", test_subsearch);
  g_test_add_func ("/search-provider/result-metas", test_result_metas);
  g_test_add_func ("/search-provider/odd-queries", test_odd_queries);
  g_test_add_func ("/search-provider/starred-first", test_starred_first);
  g_test_add_func ("/search-provider/activate-result", test_activate_result);
  g_test_add_func ("/search-provider/launch-search", test_launch_search);
  g_test_add_func ("/search-provider/installed-files", test_installed_files);

  status = g_test_run ();

  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = g_list_delete_link (l, l))
      gtk_window_destroy (l->data);
  }
  plenary_test_iterate (50);
  g_clear_object (&client);
  g_clear_object (&app);
  g_clear_object (&lpc);
  g_free (object_path);
  g_free (event_key);
  return status;
}
