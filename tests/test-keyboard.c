/* test-keyboard.c: the main flows with the keyboard only
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are real X events: xdotool sends them through the XTEST extension of the test's Xvfb,
 * so they go through GDK's X11 backend, the window's focus and every event controller on the
 * way, as a user's keyboard does. There is no window manager under Xvfb, so the test gives a
 * newly shown window the input focus, as a window manager would; everything else is keys:
 * add an event from a loopback Indico server, switch days, open a talk, star it, search.
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "plenary-application.h"
#include "plenary-test-server.h"
#include "plenary-test-util.h"
#include "model/plenary-event.h"
#include "ui/plenary-add-event-dialog.h"
#include "ui/plenary-entry-page.h"
#include "ui/plenary-window.h"

typedef gboolean (*Condition) (gpointer data);

/* Waits for the app to react: no fixed sleeps, only a generous deadline for a loaded machine. */
static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    plenary_test_iterate (10);
  return condition (data);
}

static void
xdotool (const char *first,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", first, err);
  /* Let GTK read what the server now has for it. */
  plenary_test_iterate (30);
}

/* One or more keys, as xdotool names them: "ctrl+o", "Return", "Tab". */
static void
press (const char *keys)
{
  g_auto (GStrv) each = g_strsplit (keys, " ", -1);

  for (guint i = 0; each[i] != NULL; i++)
    xdotool ("key", "--clearmodifiers", each[i], NULL);
}

static void
type (const char *text)
{
  xdotool ("type", "--clearmodifiers", "--delay", "5", text, NULL);
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* What a window manager does when a window maps. */
static void
give_focus (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  xdotool ("windowfocus", "--sync", xid, NULL);
  g_assert_true (wait_until (is_active, window));
}

static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Tab through the window until @is_target says the focus is there, as a user would. */
static gboolean
tab_to (GtkWindow  *window,
        gboolean  (*is_target) (GtkWidget *focus, gpointer data),
        gpointer    data)
{
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus = focus_of (window);

      if (focus != NULL && is_target (focus, data))
        return TRUE;
      g_test_message ("focus %u: %s %s", i, focus ? G_OBJECT_TYPE_NAME (focus) : "none",
                      focus && gtk_widget_get_parent (focus)
                      ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)) : "");
      press ("Tab");
    }
  return FALSE;
}

static gboolean
is_widget_or_inside (GtkWidget *focus,
                     gpointer   data)
{
  return focus == data || gtk_widget_is_ancestor (focus, data);
}

static PlenaryAddEventDialog *
find_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLENARY_IS_ADD_EVENT_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
can_follow (gpointer data)
{
  return plenary_add_event_dialog_can_follow (data);
}

static gboolean
has_schedule (gpointer data)
{
  return plenary_window_get_schedule (data) != NULL;
}

static gboolean
follows_event (gpointer data)
{
  PlenaryWindow *window = data;

  return plenary_window_get_event (window) != NULL && plenary_window_get_schedule (window) != NULL
         && plenary_schedule_get_n_contributions (plenary_window_get_schedule (window)) == 226;
}

typedef struct
{
  PlenaryScheduleView *view;
  guint                day;
} DayWait;

static gboolean
on_day (gpointer data)
{
  DayWait *wait = data;

  return plenary_schedule_view_get_day (wait->view) == wait->day;
}

static gboolean
entry_shown (gpointer data)
{
  PlenaryEntryPage *page = data;

  return plenary_entry_page_get_entry (page) != NULL && gtk_widget_get_mapped (data);
}

static gboolean
talk_shown (PlenaryEntryPage *page)
{
  return entry_shown (page)
         && plenary_entry_get_kind (plenary_entry_page_get_entry (page)) == PLENARY_ENTRY_KIND_CONTRIBUTION;
}

typedef struct
{
  PlenaryEvent *event;
  const char   *key;
} StarWait;

static gboolean
is_starred (gpointer data)
{
  StarWait *wait = data;

  return plenary_user_data_get_starred (plenary_event_get_user_data (wait->event), wait->key);
}

typedef struct
{
  PlenaryScheduleView *view;
  GtkEditable         *entry;
  guint                before;
} SearchWait;

static gboolean
search_applied (gpointer data)
{
  SearchWait *wait = data;
  GListModel *model = plenary_schedule_view_get_model (wait->view);

  return g_strcmp0 (gtk_editable_get_text (wait->entry), "BPF") == 0
         && g_list_model_get_n_items (model) > 0
         && g_list_model_get_n_items (model) < wait->before;
}

static gboolean
search_focused (gpointer data)
{
  GtkWindow *window = data;
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_EDITABLE (focus))
         && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

static void
test_main_flows (void)
{
  g_autoptr (GError) error = NULL;
  TestServer *server;
  PlenaryApplication *app;
  PlenaryWindow *window;
  PlenaryScheduleView *view;
  PlenaryEntryPage *page;
  PlenaryAddEventDialog *dialog;
  GtkWidget *list, *star;
  g_autofree char *url = NULL;
  DayWait day_wait;
  StarWait star_wait;
  SearchWait search_wait;
  const char *key;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("keys are sent through X11's XTEST; this display is not X11");
      return;
    }
  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_fail_printf ("xdotool is needed to send real key events (build-aux/dev installs it)");
      return;
    }

  server = test_server_new ("127.0.0.1");
  test_server_serve_lpc (server, "11");
  app = plenary_application_new (APP_ID ".KeyboardTest", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = PLENARY_WINDOW (plenary_test_wait_for_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  g_assert_true (wait_until (has_schedule, window));
  plenary_test_iterate (200);
  give_focus (GTK_WINDOW (window));
  view = plenary_window_get_schedule_view (window);
  page = plenary_schedule_view_get_entry_page (view);

  /* Add Event: Ctrl+O, type the link, Enter looks it up, Enter follows it. */
  press ("ctrl+o");
  g_assert_true (wait_until (dialog_shown, NULL));
  dialog = find_dialog ();
  give_focus (GTK_WINDOW (dialog));
  {
    GtkWidget *entry = plenary_test_find_mapped_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);

    g_assert_nonnull (entry);
    g_assert_true (tab_to (GTK_WINDOW (dialog), is_widget_or_inside, entry));
  }
  url = g_strdup_printf ("%sevent/11/", server->base);
  type (url);
  press ("Return");
  g_assert_true (wait_until (can_follow, dialog));
  /* The dialog puts the focus on Follow once it has found the event. */
  press ("Return");
  g_assert_true (wait_until (dialog_gone, NULL));
  g_assert_true (wait_until (follows_event, window));
  g_assert_cmpstr (plenary_event_get_title (plenary_window_get_event (window)), ==,
                   "Linux Plumbers Conference 2021");
  /* Back in the main window, as a window manager gives it back. */
  if (!gtk_window_is_active (GTK_WINDOW (window)))
    give_focus (GTK_WINDOW (window));
  plenary_test_iterate (200);

  /* Switch days: Alt+2 is the second day, Ctrl+Page Down the next one. */
  press ("alt+2");
  day_wait = (DayWait) { view, 1 };
  g_assert_true (wait_until (on_day, &day_wait));
  press ("ctrl+Page_Down");
  day_wait.day = 2;
  g_assert_true (wait_until (on_day, &day_wait));
  press ("ctrl+Page_Up");
  day_wait.day = 1;
  g_assert_true (wait_until (on_day, &day_wait));

  /* Open a talk: Tab into the list, arrows to a talk, Enter. */
  list = plenary_test_find_mapped_widget (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW, NULL);
  g_assert_nonnull (list);
  g_assert_true (tab_to (GTK_WINDOW (window), is_widget_or_inside, list));
  /* The first rows are headers and breaks: down to the first talk that opens with its star. */
  for (guint i = 0; i < 20 && !talk_shown (page); i++)
    {
      press ("Down");
      press ("Return");
      plenary_test_iterate (50);
    }
  g_assert_true (talk_shown (page));
  g_assert_true (wait_until (entry_shown, page));
  key = plenary_entry_get_user_key (plenary_entry_page_get_entry (page));
  g_assert_nonnull (key);
  g_assert_false (plenary_user_data_get_starred (
                    plenary_event_get_user_data (plenary_window_get_event (window)), key));

  /* Star it: Tab to the star and press Space. */
  star = plenary_test_find_mapped_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "star-toggle");
  g_assert_nonnull (star);
  g_assert_true (tab_to (GTK_WINDOW (window), is_widget_or_inside, star));
  press ("space");
  star_wait = (StarWait) { plenary_window_get_event (window), key };
  g_assert_true (wait_until (is_starred, &star_wait));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));

  /* Search: Ctrl+F, type, the list narrows; Escape leaves the search. */
  search_wait.view = view;
  search_wait.before = g_list_model_get_n_items (plenary_schedule_view_get_model (view));
  press ("ctrl+f");
  g_assert_true (wait_until (search_focused, window));
  search_wait.entry = GTK_EDITABLE (gtk_widget_get_ancestor (focus_of (GTK_WINDOW (window)),
                                                             GTK_TYPE_SEARCH_ENTRY));
  type ("BPF");
  g_assert_true (wait_until (search_applied, &search_wait));
  press ("Escape");
  plenary_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (plenary_schedule_view_get_model (view)), ==,
                    search_wait.before);

  gtk_window_destroy (GTK_WINDOW (window));
  plenary_test_iterate (50);
  test_server_free (server);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/keyboard/main-flows", test_main_flows);

  return g_test_run ();
}
