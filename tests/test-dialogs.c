/* test-dialogs.c: the Add Event dialog, the shortcuts window and Preferences, as opened
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "plenary-test-server.h"
#include "plenary-test-util.h"
#include "sync/plenary-event-list.h"
#include "plenary-application.h"
#include "ui/plenary-add-event-dialog.h"
#include "ui/plenary-preferences-window.h"

/* The first widget under @widget of @type with CSS class @css_class (NULL for any). */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *css_class)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type)
      && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A loopback address where nothing listens: a test server's, once it is gone. */
static char *
dead_server_base (void)
{
  TestServer *server = test_server_new ("127.0.0.1");
  char *base = g_strdup (server->base);

  test_server_free (server);
  return base;
}

static void
test_add_event_focus_and_errors (void)
{
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "events.json", NULL);
  g_autoptr (PlenaryEventList) events = plenary_event_list_new (path);
  g_autoptr (PlenarySyncService) sync = plenary_sync_service_new ();
  g_autofree char *base = dead_server_base ();
  g_autofree char *url = g_strconcat (base, "event/11/", NULL);
  PlenaryAddEventDialog *dialog = plenary_add_event_dialog_new (NULL, events, sync);
  GtkWidget *entry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  GtkWidget *focus;
  GtkWidget *error_label = NULL;
  gint64 deadline;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  plenary_test_iterate (100);

  /* Opened to paste a link: the link entry has the focus, not Cancel. */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Typing a link and pressing Enter looks it up; the dialog stays, with the link. */
  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  /* What Return does in the focused text: GtkText binds it to "activate". */
  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
  plenary_test_iterate (20);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, url);

  /* Nothing listens there: one sentence saying what to do, and the entry marked. */
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while ((error_label = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error")) == NULL
         && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Can’t reach 127.0.0.1. Check the link or your connection.");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, url);
  g_assert_false (plenary_add_event_dialog_can_follow (dialog));

  /* Editing the link clears the error style. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "https://lpc.events/event/19/");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  plenary_test_iterate (20);
  g_assert_null (dialog);
}

/* Every error the look-up can meet reads as one sentence, and none promises a retry. */
static void
test_add_event_error_sentences (void)
{
  const int codes[] = { PLENARY_SYNC_ERROR_OFFLINE, PLENARY_SYNC_ERROR_CONNECTION,
                        PLENARY_SYNC_ERROR_TIMEOUT, PLENARY_SYNC_ERROR_TRUNCATED,
                        PLENARY_SYNC_ERROR_RATE_LIMITED, PLENARY_SYNC_ERROR_SERVER };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      /* What the sync service says, libsoup's text included. */
      g_autoptr (GError) error = g_error_new (PLENARY_SYNC_ERROR, codes[i],
                                              "Could not connect to lpc.events (Could not "
                                              "connect to lpc.events: Connection refused). "
                                              "Plenary will try again later");
      g_autofree char *text = plenary_add_event_dialog_describe_error (
        error, "https://lpc.events/event/19/");

      g_assert_null (strstr (text, "try again later"));
      g_assert_null (strstr (text, "Connection refused"));
      g_assert_true (g_str_has_suffix (text, "."));
      /* The host once, not libsoup's sentence repeating it. */
      g_assert_nonnull (strstr (text, "lpc.events"));
      g_assert_true (strstr (text, "lpc.events") == g_strrstr (text, "lpc.events"));
    }

  /* Messages that already say what to do keep their words and end as a sentence. */
  {
    g_autoptr (GError) error = g_error_new_literal (PLENARY_SYNC_ERROR,
                                                    PLENARY_SYNC_ERROR_NOT_FOUND,
                                                    "Event not found: lpc.events has nothing "
                                                    "at this address. Check the event’s link");
    g_autofree char *text = plenary_add_event_dialog_describe_error (error, NULL);

    g_assert_cmpstr (text, ==, "Event not found: lpc.events has nothing at this address. "
                               "Check the event’s link.");
  }
}

/* Sentence case: no capital after the first word but names (Indico, API, Plenary, Ctrl). */
static void
assert_sentence_case (const char *text)
{
  static const char *names[] = { "Indico", "API", "Plenary", "Ctrl+R)", "HTTP", NULL };
  g_auto (GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 1; words[i] != NULL; i++)
    if (g_unichar_isupper (g_utf8_get_char (words[i]))
        && !g_strv_contains (names, words[i]) && !g_str_has_prefix (words[i], "(Ctrl"))
      g_error ("“%s” is not in sentence case (“%s”)", text, words[i]);
}

static void
collect_titles (GtkWidget *widget,
                GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL)
    g_ptr_array_add (titles, g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))));
  if (ADW_IS_PREFERENCES_GROUP (widget)
      && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) != NULL)
    g_ptr_array_add (titles, g_strdup (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget))));
  if (ADW_IS_PREFERENCES_PAGE (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_titles (child, titles);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences (void)
{
  g_autoptr (PlenaryApplication) app = plenary_application_new (APP_ID ".PrefsTest",
                                                                G_APPLICATION_NON_UNIQUE);
  GSettings *settings = plenary_application_get_settings (app);
  PlenaryPreferencesWindow *window;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  AdwComboRow *refresh;
  GListModel *choices;
  GtkWidget *remove;
  guint never = G_MAXUINT;

  g_settings_set_uint (settings, "refresh-interval", 0);
  window = plenary_preferences_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  plenary_test_iterate (50);

  collect_titles (GTK_WIDGET (window), titles);
  g_assert_cmpuint (titles->len, >, 8);
  for (guint i = 0; i < titles->len; i++)
    assert_sentence_case (g_ptr_array_index (titles, i));

  /* "Never" is a choice in words, not a 0 to type. */
  refresh = find_combo_row (GTK_WIDGET (window), "Check for programme changes");
  g_assert_nonnull (refresh);
  choices = adw_combo_row_get_model (refresh);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr (GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (gtk_string_object_get_string (choice), "Only when I refresh") == 0)
        never = i;
    }
  g_assert_cmpuint (never, !=, G_MAXUINT);
  g_assert_cmpuint (adw_combo_row_get_selected (refresh), ==, never);
  adw_combo_row_set_selected (refresh, 1);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 15);
  adw_combo_row_set_selected (refresh, never);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 0);

  /* Nothing stored, nothing to remove. */
  remove = find_button (GTK_WIDGET (window), "_Remove Token");
  g_assert_nonnull (remove);
  g_assert_false (gtk_widget_get_sensitive (remove));

  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_iterate (20);
}

/* A value set outside the window (gsettings) is shown as itself, not as a preset near it. */
static void
test_preferences_custom_refresh (void)
{
  g_autoptr (PlenaryApplication) app = plenary_application_new (APP_ID ".PrefsTest2",
                                                                G_APPLICATION_NON_UNIQUE);
  GSettings *settings = plenary_application_get_settings (app);
  PlenaryPreferencesWindow *window;
  AdwComboRow *refresh;
  g_autoptr (GtkStringObject) shown = NULL;

  g_settings_set_uint (settings, "refresh-interval", 45);
  window = plenary_preferences_window_new (app);
  refresh = find_combo_row (GTK_WIDGET (window), "Check for programme changes");
  shown = g_list_model_get_item (adw_combo_row_get_model (refresh),
                                 adw_combo_row_get_selected (refresh));
  g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "Every 45 minutes");
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 45);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/dialogs/add-event/focus-and-errors", test_add_event_focus_and_errors);
  g_test_add_func ("/dialogs/add-event/error-sentences", test_add_event_error_sentences);

  g_test_add_func ("/dialogs/preferences", test_preferences);
  g_test_add_func ("/dialogs/preferences/custom-refresh", test_preferences_custom_refresh);

  return g_test_run ();
}
