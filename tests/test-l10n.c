/* test-l10n.c: the window in German, French or Hebrew shows translated text on every page,
 * laid out right to left in Hebrew
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * --language=fr or he (or PLENARY_TEST_LANGUAGE) picks the language; de when neither is given.
 * The catalogues are the ones this build compiled, in BUILD_ROOT/po; the locale is the
 * language's own when the system has it (de_DE.UTF-8), otherwise C.UTF-8, under which glibc
 * still honours LANGUAGE (it ignores it only for the plain "C" locale).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "plenary-application.h"
#include "plenary-test-util.h"
#include "ui/plenary-window.h"

typedef struct
{
  const char *name;
  const char *locale;
  /* Page name → title, for every page of the view switcher. */
  const char *pages[7][2];
  /* Text that must be on screen once every page has been shown. */
  const char *visible[8];
  /* "%d minute", "%d minutes" for n = 0, 1, 2: the Plural-Forms of the catalogue at work. */
  const char *minutes[3];
  /* The layout GTK's own translation of the language asks for: right to left for Hebrew. */
  gboolean rtl;
} Language;

static const Language languages[] = {
  {
    "de", "de_DE.UTF-8",
    {
      { "schedule", "Zeitplan" },
      { "speakers", "Vortragende" },
      { "rooms", "Räume" },
      { "tracks", "Themen" },
      { "starred", "Vorgemerkt" },
      { "now", "Jetzt" },   /* "Now & Next", from the nownext branch */
    },
    {
      "Kein Vortrag ausgewählt",
      "Niemand ausgewählt",
      "Kein Thema ausgewählt",
      "Keine vorgemerkten Vorträge",
      "Beispiel",   /* the sample's badge in the status row */
      "Auf Programmänderungen prüfen (Strg+R)",
      "20 Minuten",
    },
    { "%d Minuten", "%d Minute", "%d Minuten" },
  },
  {
    "fr", "fr_FR.UTF-8",
    {
      { "schedule", "Planning" },
      { "speakers", "Orateurs" },
      { "rooms", "Salles" },
      { "tracks", "Thèmes" },
      { "starred", "Favoris" },
      { "now", "En cours" },
    },
    {
      "Aucun exposé sélectionné",
      "Aucun orateur sélectionné",
      "Aucun thème sélectionné",
      "Aucun exposé favori",
      "Exemple",
      "Rechercher des modifications du programme (Ctrl+R)",
      "20 minutes",
    },
    { "%d minute", "%d minute", "%d minutes" },
  },
  {
    "he", "he_IL.UTF-8",
    {
      { "schedule", "לוח זמנים" },
      { "speakers", "מרצים" },
      { "rooms", "חדרים" },
      { "tracks", "מסלולים" },
      { "starred", "מסומנות" },
      { "now", "עכשיו" },
    },
    {
      "לא נבחרה הרצאה",
      "לא נבחר מרצה",
      "לא נבחר מסלול",
      "אין הרצאות מסומנות בכוכב",
      "בדיקת שינויים בתכנית (Ctrl+R)",
    },
    /* n = 0 is "other", 1 the singular, 2 the dual form (the same word as the plural here). */
    { "%d דקות", "%d דקה", "%d דקות" },
    TRUE,
  },
};

static const Language *language;

/* Every label text and tooltip under @widget, internal children included. */
static void
collect_text (GtkWidget  *widget,
              GHashTable *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_hash_table_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (tooltip != NULL)
    g_hash_table_add (texts, g_strdup (tooltip));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, texts);
}

/* The catalogue itself: a plain message, a context and both plural forms. */
static void
test_catalogue (void)
{
  g_assert_cmpstr (_("Schedule"), ==, language->pages[0][1]);
  g_assert_cmpstr (C_("shortcut window", "Quit"), !=, "Quit");
  for (guint n = 0; n < 3; n++)
    g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", n), ==,
                     language->minutes[n]);
}

static void
test_window (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GtkSelectionModel) pages = NULL;
  PlenaryApplication *app = plenary_application_new (APP_ID ".L10nTest", G_APPLICATION_NON_UNIQUE);
  GtkWindow *window;
  AdwViewStack *stack;
  GHashTableIter iter;
  const char *text;
  guint n_pages;
  gint64 deadline;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = plenary_test_wait_for_window (GTK_APPLICATION (app));
  /* With nothing followed the window shows the bundled sample (LPC 2021), parsed in a thread. */
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (plenary_window_get_schedule (PLENARY_WINDOW (window)) == NULL
         && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_nonnull (plenary_window_get_schedule (PLENARY_WINDOW (window)));

  /* GTK mirrors the layout only when the application has a catalogue for the language too. */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==,
                   language->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                   language->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  /* Every page of the switcher has its translated title; a page added without one fails here
   * until its title is translated and listed above. */
  stack = plenary_window_get_view_stack (PLENARY_WINDOW (window));
  pages = adw_view_stack_get_pages (stack);
  n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  g_assert_cmpuint (n_pages, >=, 5);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);
      const char *expected = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (language->pages) && language->pages[j][0]; j++)
        if (g_strcmp0 (language->pages[j][0], name) == 0)
          expected = language->pages[j][1];
      if (expected == NULL)
        g_error ("Page “%s” (titled “%s”) has no %s title in test-l10n.c", name,
                 adw_view_stack_page_get_title (page), language->name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected);

      /* Show it, so its view is built and its text is there to look at. */
      adw_view_stack_set_visible_child_name (stack, name);
      plenary_test_iterate (100);
    }
  adw_view_stack_set_visible_child_name (stack, "schedule");
  plenary_test_iterate (100);

  collect_text (GTK_WIDGET (window), texts);
  for (guint i = 0; i < G_N_ELEMENTS (language->visible) && language->visible[i]; i++)
    if (!g_hash_table_contains (texts, language->visible[i]))
      g_error ("“%s” is not on screen in %s", language->visible[i], language->name);

  /* No English left: a text on screen that is itself a msgid with a different translation was
   * set before or without gettext. */
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
    if (*text != '\0' && g_strcmp0 (_(text), text) != 0)
      g_error ("“%s” is on screen in English; in %s it is “%s”", text, language->name, _(text));

  gtk_window_destroy (window);
  plenary_test_iterate (50);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  const char *name = g_getenv ("PLENARY_TEST_LANGUAGE");

  /* Taken out before g_test_init() sees it. */
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--language="))
      {
        name = argv[i] + strlen ("--language=");
        memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof (char *));
        argc--;
        break;
      }
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].name, name ? name : "de") == 0)
      language = &languages[i];
  if (language == NULL)
    g_error ("No expectations for PLENARY_TEST_LANGUAGE=%s", name);

  /* gtk_init() calls setlocale (LC_ALL, "") again: the environment has to agree. */
  g_setenv ("LC_ALL", setlocale (LC_ALL, language->locale) ? language->locale : "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", language->name, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  /* The test bus has no notification server and GIO warns about it (through structured
   * logging, which a fatal handler does not see): keep criticals fatal, not warnings. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/l10n/catalogue", test_catalogue);
  g_test_add_func ("/l10n/window", test_window);

  return g_test_run ();
}
