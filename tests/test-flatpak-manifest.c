/* test-flatpak-manifest.c: the Flatpak manifest names this app and asks for little
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "plenary-test-util.h"

static JsonObject *
load_manifest (JsonParser **parser_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "flatpak",
                                            BASE_ID ".json", NULL);
  JsonParser *parser = json_parser_new ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  *parser_out = parser;
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_identity (void)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);

  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, BASE_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  /* A supported runtime: 47 is end of life; 50 ships every library Plenary links. */
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (manifest, "runtime-version"),
                                    NULL, 10), >=, 50);
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "plenary");
}

static void
test_finish_args (void)
{
  static const char *allowed[] = {
    "--share=network", "--share=ipc", "--socket=fallback-x11", "--socket=wayland",
    "--device=dri",
    /* PrepareForSleep, for the clock to re-read the time on resume. */
    "--system-talk-name=org.freedesktop.login1",
    /* The host's time zone, which the sandbox's /etc/localtime does not follow. */
    "--system-talk-name=org.freedesktop.timedate1",
  };
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");

  g_assert_nonnull (args);
  g_assert_cmpuint (json_array_get_length (args), ==, G_N_ELEMENTS (allowed));
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      g_assert_true (g_strv_contains (allowed, arg));
    }
}

/* The manifest says why it asks for each permission ("//" keys are comments to flatpak-builder). */
static void
test_finish_args_explained (void)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");
  JsonArray *why = json_object_get_array_member (manifest, "//finish-args");
  g_autoptr (GString) all = g_string_new (NULL);

  g_assert_nonnull (why);
  for (guint i = 0; i < json_array_get_length (why); i++)
    g_string_append_printf (all, "%s\n", json_array_get_string_element (why, i));
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      if (strstr (all->str, arg) == NULL)
        g_error ("%s is not explained in //finish-args", arg);
    }
}

static void
test_builds_this_project (void)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  JsonObject *last = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  JsonArray *sources = json_object_get_array_member (last, "sources");
  JsonObject *source = json_array_get_object_element (sources, 0);

  g_assert_cmpstr (json_object_get_string_member (last, "name"), ==, "plenary");
  g_assert_cmpstr (json_object_get_string_member (last, "buildsystem"), ==, "meson");
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "dir");
  g_assert_cmpstr (json_object_get_string_member (source, "path"), ==, "..");
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/flatpak/identity", test_identity);
  g_test_add_func ("/flatpak/finish-args", test_finish_args);
  g_test_add_func ("/flatpak/finish-args-explained", test_finish_args_explained);
  g_test_add_func ("/flatpak/builds-this-project", test_builds_this_project);

  return g_test_run ();
}
