/* plenary-test-util.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "store/plenary-folder-loader.h"
#include "util/plenary-clock.h"
#include "plenary-test-util.h"

static char *test_tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
remove_tmpdir (void)
{
  if (test_tmpdir != NULL && g_getenv ("PLENARY_TEST_KEEP_TMPDIR") == NULL)
    remove_tree (test_tmpdir);
  g_clear_pointer (&test_tmpdir, g_free);
}

/* Every test process gets its own XDG_*_HOME directories, so no test sees the user's data or
 * another test's, and a test may assert on every file written there. GLib's
 * G_TEST_OPTION_ISOLATE_DIRS would also hide XDG_DATA_DIRS, and with it the icon theme and the
 * MIME database that GTK needs to load its SVG icons. */
void
plenary_test_init (int    *argc,
                   char ***argv)
{
  static const char *xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                               "XDG_STATE_HOME" };
  g_autoptr (GError) error = NULL;

  test_tmpdir = g_dir_make_tmp ("plenary-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_tmpdir);

  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *lower = g_ascii_strdown (xdg[i] + strlen ("XDG_"), -1);
      g_autofree char *dir = g_build_filename (test_tmpdir, lower, NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg[i], dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (argc, argv, NULL);
}

/* Empties the XDG_*_HOME directories, for tests that need a first start. */
void
plenary_test_reset_dirs (void)
{
  static const char *xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                               "XDG_STATE_HOME" };

  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      const char *dir = g_getenv (xdg[i]);

      remove_tree (dir);
      g_mkdir_with_parents (dir, 0700);
    }
}

const char *
plenary_test_get_tmpdir (void)
{
  return test_tmpdir;
}

char *
plenary_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* ../shared beside the repository, as in CI. */
char *
plenary_test_shared_path (const char *relative)
{
  return g_build_filename (SOURCE_ROOT, "..", "shared", relative, NULL);
}

GBytes *
plenary_test_load_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

void
plenary_test_iterate (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

GtkWindow *
plenary_test_wait_for_window (GtkApplication *app)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (gtk_application_get_active_window (app) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (gtk_application_get_active_window (app));
  return gtk_application_get_active_window (app);
}

PlenarySchedule *
plenary_test_load_lpc2021_with_program (GBytes *program)
{
  g_autofree char *dir = plenary_test_shared_path ("fixtures/lpc2021");
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryIndicoSources) sources = plenary_folder_loader_load (dir, &error);
  PlenarySchedule *schedule;

  g_assert_no_error (error);
  if (program != NULL)
    {
      g_clear_pointer (&sources->program, g_bytes_unref);
      sources->program = g_bytes_ref (program);
    }
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

GBytes *
plenary_test_bytes_replaced (GBytes     *bytes,
                             const char *from,
                             const char *to)
{
  g_autoptr (GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (text, from, to, 0), >, 0);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

void
plenary_test_lpc2021_exports_as (const char  *event_id,
                                 GBytes     **timetable,
                                 GBytes     **event)
{
  g_autofree char *tt_path = plenary_test_shared_path ("fixtures/lpc2021/export-timetable-11.json");
  g_autofree char *ev_path =
    plenary_test_shared_path ("fixtures/lpc2021/export-event-11-contributions.json");
  g_autoptr (GBytes) tt = plenary_test_load_bytes (tt_path);
  g_autoptr (GBytes) ev = plenary_test_load_bytes (ev_path);
  g_autofree char *results = NULL;
  g_autofree char *id = NULL;

  if (g_str_equal (event_id, "11"))
    {
      *timetable = g_steal_pointer (&tt);
      *event = g_steal_pointer (&ev);
      return;
    }
  results = g_strdup_printf ("\"results\":{\"%s\":", event_id);
  id = g_strdup_printf ("\"id\":\"%s\"", event_id);
  *timetable = plenary_test_bytes_replaced (tt, "\"results\":{\"11\":", results);
  *event = plenary_test_bytes_replaced (ev, "\"id\":\"11\"", id);
}

PlenarySchedule *
plenary_test_load_lpc2021_as (const char *event_id)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  plenary_test_lpc2021_exports_as (event_id, &sources->timetable, &sources->event);
  sources->event_id = g_strdup (event_id);
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plenary_schedule_get_event_id (schedule), ==, event_id);
  return schedule;
}

PlenarySchedule *
plenary_test_load_lpc2021 (void)
{
  return plenary_test_load_lpc2021_with_program (NULL);
}

JsonNode *
plenary_test_parse_json (GBytes *bytes)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

GtkWidget *
plenary_test_present (GtkWidget  *view,
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

PlenarySchedule *
plenary_test_parse_timetable (const char *timetable_json)
{
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  sources->timetable = g_bytes_new (timetable_json, strlen (timetable_json));
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

PlenarySchedule *
plenary_test_load_other_event (const char *title)
{
  g_autoptr (JsonNode) title_node = NULL;
  g_autofree char *title_json = NULL;
  g_autofree char *json = NULL;
  PlenarySchedule *schedule;

  title_node = json_node_init_string (json_node_alloc (), title);
  title_json = json_to_string (title_node, FALSE);
  json = g_strdup_printf (
    "{\"count\":1,\"_type\":\"HTTPAPIResult\",\"url\":\"https://lpc.events/export/timetable/"
    "12.json\",\"results\":{\"12\":{\"20220912\":{\"c1\":{\"id\":\"c1\",\"entryType\":"
    "\"Contribution\",\"contributionId\":965,\"title\":%s,"
    "\"description\":\"\",\"startDate\":{\"date\":\"2022-09-12\",\"time\":\"10:00:00\","
    "\"tz\":\"UTC\"},\"endDate\":{\"date\":\"2022-09-12\",\"time\":\"10:30:00\",\"tz\":"
    "\"UTC\"},\"room\":\"Elsewhere\",\"presenters\":[]}}}}}", title_json);
  schedule = plenary_test_parse_timetable (json);
  g_assert_cmpstr (plenary_schedule_get_event_id (schedule), ==, "12");
  return schedule;
}

void
plenary_test_assert_clock_never_null (GType view_type)
{
  GtkWidget *view = g_object_ref_sink (g_object_new (view_type, NULL));
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

void
plenary_test_collect_css_class (GtkWidget  *root,
                                const char *css_class,
                                GPtrArray  *out)
{
  if (gtk_widget_has_css_class (root, css_class))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    plenary_test_collect_css_class (child, css_class, out);
}

GPtrArray *
plenary_test_list_rows (GtkWidget *view)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GPtrArray *rows = g_ptr_array_new ();

  plenary_test_collect_css_class (view, "person-row", all);
  for (guint i = 0; i < all->len; i++)
    if (!gtk_widget_has_css_class (g_ptr_array_index (all, i), "letter-header"))
      g_ptr_array_add (rows, g_ptr_array_index (all, i));
  return rows;
}

char *
plenary_test_row_text (GtkWidget *row)
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

PlenarySchedule *
plenary_test_load_dst_night (void)
{
  g_autofree char *path = plenary_test_data_path ("crafted/dst-night-timetable.json");
  g_autoptr (PlenaryIndicoSources) sources = plenary_indico_sources_new ();
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  sources->timetable = plenary_test_load_bytes (path);
  sources->event_id = g_strdup ("9");
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

PlenaryApplication *
plenary_test_start_application (const char *tag)
{
  static guint serial;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%s.%s%u", APP_ID, tag, serial++);
  PlenaryApplication *app = plenary_application_new (id, G_APPLICATION_NON_UNIQUE);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  plenary_test_wait_for_window (GTK_APPLICATION (app));
  return app;
}

void
plenary_test_stop_application (PlenaryApplication *app)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
  plenary_test_iterate (50);
  g_object_unref (app);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *css_class,
             gboolean    mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class, mapped_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
plenary_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *css_class)
{
  return find_widget (root, type, css_class, FALSE);
}

GtkWidget *
plenary_test_find_mapped_widget (GtkWidget  *root,
                                 GType       type,
                                 const char *css_class)
{
  return find_widget (root, type, css_class, TRUE);
}

GBytes *
plenary_test_load_lpc2021_file (const char *name)
{
  g_autofree char *relative = g_build_filename ("fixtures/lpc2021", name, NULL);
  g_autofree char *path = plenary_test_shared_path (relative);

  return plenary_test_load_bytes (path);
}

GHashTable *
plenary_test_read_tree (const char *dir,
                        const char *skip)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  g_autoptr (GPtrArray) todo = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (todo, g_strdup (dir));
  while (todo->len > 0)
    {
      g_autofree char *current = g_ptr_array_steal_index (todo, todo->len - 1);
      g_autoptr (GDir) handle = g_dir_open (current, 0, NULL);
      const char *name;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (current, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            {
              if (g_strcmp0 (name, skip) != 0)
                g_ptr_array_add (todo, g_steal_pointer (&path));
            }
          else if (g_file_get_contents (path, &contents, &length, NULL))
            g_hash_table_insert (files, g_steal_pointer (&path),
                                 g_bytes_new_take (g_steal_pointer (&contents), length));
        }
    }
  return files;
}

void
plenary_test_assert_tree_same (GHashTable *before,
                               const char *dir,
                               const char *skip)
{
  g_autoptr (GHashTable) now = plenary_test_read_tree (dir, skip);
  GHashTableIter iter;
  const char *path;
  GBytes *contents;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, (gpointer *) &contents))
    {
      GBytes *other = g_hash_table_lookup (now, path);

      g_test_message ("comparing %s", path);
      g_assert_nonnull (other);
      g_assert_true (g_bytes_equal (contents, other));
    }
  g_assert_cmpuint (g_hash_table_size (now), ==, g_hash_table_size (before));
}

gpointer
plenary_test_set_view_now (gpointer   view,
                           GDateTime *instant)
{
  g_autoptr (PlenaryClock) clock = NULL;

  if (instant == NULL)
    {
      g_object_set (view, "clock", plenary_clock_get_default (), NULL);
      return view;
    }
  g_object_get (view, "clock", &clock, NULL);
  if (clock == plenary_clock_get_default ())
    {
      g_clear_object (&clock);
      clock = g_object_new (PLENARY_TYPE_CLOCK, "watch-system", FALSE, "localtime-path", NULL,
                            NULL);
      plenary_clock_set_fixed (clock, instant);
      g_object_set (view, "clock", clock, NULL);
    }
  else
    plenary_clock_set_fixed (clock, instant);
  return view;
}
