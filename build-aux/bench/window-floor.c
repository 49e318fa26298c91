/* window-floor.c: the floor for Plenary's start-up, a bare window of the same widgets
 *
 * What `build-aux/dev bench` compares Plenary's start-up with: an AdwApplication, registered
 * on the session bus as Plenary is, whose window has Plenary's header bar (view switcher
 * title, events and refresh buttons, main menu), a view stack of five pages, and the Schedule
 * page's parts (day buttons, toolbar, a one-column GtkGridView of the first day of LPC 2021,
 * a leaflet with the "No Talk Selected" page). The day is compiled in (window-floor-day.h):
 * no JSON, no store, no model. It prints the same figures as `plenary --benchmark-startup`
 * at the first frame that shows the day, then quits.
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "window-floor-day.h"

static gint64 process_start_us;

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static void
setup_row_cb (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
              GtkListItem                            *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *bar = gtk_drawing_area_new ();

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_set_size_request (bar, 3, -1);
  gtk_box_append (GTK_BOX (row), time);
  gtk_box_append (GTK_BOX (row), bar);
  gtk_box_append (GTK_BOX (row), text);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Not wrapped: a wrapping label in a GtkBox is measured at many trial widths (the
       * reason Plenary's rows lay themselves out), and the floor is the cheap case. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, i == 0 ? "heading" : "caption");
      if (i > 0)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);
    }
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (G_GNUC_UNUSED GtkSignalListItemFactory *factory,
             GtkListItem                            *item)
{
  guint position = gtk_list_item_get_position (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *time = gtk_widget_get_first_child (row);
  GtkWidget *text = gtk_widget_get_last_child (row);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  GtkWidget *span = gtk_widget_get_next_sibling (detail);
  g_autofree char *range = g_strdup_printf ("%s–%s", floor_day[position].start,
                                            floor_day[position].end);

  gtk_label_set_text (GTK_LABEL (time), floor_day[position].block ? "" : floor_day[position].start);
  gtk_label_set_text (GTK_LABEL (title), floor_day[position].title);
  gtk_label_set_text (GTK_LABEL (detail), floor_day[position].detail);
  gtk_label_set_text (GTK_LABEL (span), range);
}

static GtkWidget *
schedule_page (void)
{
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *list_pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *days = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkStringList *items = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;
  GtkWidget *status = adw_status_page_new ();
  GtkToggleButton *first_day = NULL;

  static const char *day_names[] = { "Mon 20", "Tue 21", "Wed 22", "Thu 23", "Fri 24" };

  gtk_widget_add_css_class (days, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
    {
      GtkWidget *day = gtk_toggle_button_new_with_label (day_names[i]);

      gtk_widget_add_css_class (day, "flat");
      if (first_day == NULL)
        first_day = GTK_TOGGLE_BUTTON (day);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (day), first_day);
      gtk_box_append (GTK_BOX (days), day);
    }
  gtk_toggle_button_set_active (first_day, TRUE);
  gtk_widget_set_hexpand (days, TRUE);
  gtk_widget_set_margin_start (toolbar, 6);
  gtk_widget_set_margin_end (toolbar, 6);
  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_box_append (GTK_BOX (toolbar), days);
  gtk_box_append (GTK_BOX (toolbar), icon_button ("find-location-symbolic", "Now"));
  gtk_box_append (GTK_BOX (toolbar), icon_button ("funnel-symbolic", "Filter"));
  gtk_box_append (GTK_BOX (toolbar), icon_button ("view-more-symbolic", "View Options"));

  for (guint i = 0; i < G_N_ELEMENTS (floor_day); i++)
    gtk_string_list_append (items, floor_day[i].title);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  list = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (items))),
                            factory);
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (list), 1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_box_append (GTK_BOX (list_pane), toolbar);
  gtk_box_append (GTK_BOX (list_pane), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (list_pane), scroller);
  gtk_widget_set_size_request (list_pane, 360, -1);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "No Talk Selected");
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   "Choose a talk to read its abstract and take notes");
  gtk_widget_set_hexpand (status, TRUE);

  adw_leaflet_append (ADW_LEAFLET (leaflet), list_pane);
  adw_leaflet_append (ADW_LEAFLET (leaflet), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_append (ADW_LEAFLET (leaflet), status);
  return leaflet;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("startup-ms: %.3f\n", (now - process_start_us) / 1000.0);
  g_print ("first-frame-monotonic-us: %" G_GINT64_FORMAT "\n", now);
  g_print ("title: %s\n", gtk_window_get_title (window));
  if (g_getenv ("PLENARY_FLOOR_STAY") == NULL)
    g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *events = gtk_menu_button_new ();
  GtkWidget *menu = gtk_menu_button_new ();

  static const struct { const char *name, *title, *icon; } pages[] = {
    { "schedule", "Schedule", "x-office-calendar-symbolic" },
    { "speakers", "Speakers", "system-users-symbolic" },
    { "rooms", "Rooms", "view-grid-symbolic" },
    { "tracks", "Tracks", "view-list-symbolic" },
    { "starred", "Starred", "starred-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwViewStackPage *page =
        adw_view_stack_add_titled (ADW_VIEW_STACK (stack), i == 0 ? schedule_page () : adw_bin_new (),
                                   pages[i].name, pages[i].title);

      adw_view_stack_page_set_icon_name (page, pages[i].icon);
    }
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title),
                                     "Linux Plumbers Conference 2021");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (events), "x-office-address-book-symbolic");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), events);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             icon_button ("view-refresh-symbolic", "Check for Programme Changes"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), stack);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Linux Plumbers Conference 2021");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;

  process_start_us = g_get_monotonic_time ();
  app = adw_application_new ("io.github.plenary.WindowFloor", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
