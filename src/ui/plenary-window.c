/* plenary-window.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plenary-a11y.h"
#include "plenary-add-event-dialog.h"
#include "plenary-chair-window.h"
#include "plenary-now-view.h"
#include "plenary-format.h"
#include "export/plenary-ics.h"
#include "store/plenary-store.h"
#include "plenary-rooms-view.h"
#include "plenary-schedule-view.h"
#include "plenary-speakers-view.h"
#include "plenary-starred-view.h"
#include "plenary-tracks-view.h"
#include "plenary-view.h"
#include "plenary-window.h"
#include "sync/plenary-schedule-diff.h"

/* The window's pages, in the view switcher's order. The first is built with the window; the
 * others when first shown: at start-up only the schedule is on screen, and the other templates,
 * their styles and lists would cost start-up time for nothing. */
static const struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} pages[] = {
  { "schedule", N_("Schedule"), "x-office-calendar-symbolic", plenary_schedule_view_get_type },
  { "now", N_("Now & Next"), "plenary-now-symbolic", plenary_now_view_get_type },
  { "speakers", N_("Speakers"), "system-users-symbolic", plenary_speakers_view_get_type },
  { "rooms", N_("Rooms"), "view-grid-symbolic", plenary_rooms_view_get_type },
  { "tracks", N_("Tracks"), "view-list-bullet-symbolic", plenary_tracks_view_get_type },
  { "starred", N_("Starred"), "starred-symbolic", plenary_starred_view_get_type },
};

#define N_PAGES G_N_ELEMENTS (pages)

struct _PlenaryWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  PlenaryEvent         *event;
  PlenarySchedule      *schedule;
  gboolean              is_sample;
  GPtrArray            *changes;          /* PlenaryChange of the last sync that changed anything */
  char                 *pending_chair;    /* --chair before the programme was loaded */
  PlenaryUserData      *sample_user_data; /* scratch notes while rehearsing on the sample */
  guint                 freshness_timeout;
  GCancellable         *cancellable;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *events_button;
  GtkWidget            *refresh_button;
  GtkWidget            *status_row;
  gboolean              freshness_in_banner;
  GdkFrameClock        *title_placement_clock;   /* whose next layout shows where the title is */
  gulong                title_placement_handler;
  GtkLabel             *status_title;
  GtkLabel             *status_freshness;
  GtkWidget            *sample_badge;
  GtkWidget            *sample_button;
  GtkRevealer          *banner_revealer;
  GtkBox               *banner_box;
  GtkSpinner           *loading_spinner;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  PlenaryScheduleView  *schedule_view;     /* views[0] */
  AdwBin               *page_bins[N_PAGES];
  PlenaryView          *views[N_PAGES];    /* NULL until the page is first shown */
};

G_DEFINE_FINAL_TYPE (PlenaryWindow, plenary_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CURRENT_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_freshness (PlenaryWindow *self);

static PlenaryApplication *
get_app (PlenaryWindow *self)
{
  return PLENARY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static gboolean
time_zone_mode_to_local (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "local") == 0);
  return TRUE;
}

static GVariant *
local_to_time_zone_mode (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "local" : "event");
}

static void
show_banner (PlenaryWindow *self,
             const char    *text,
             const char    *button_label,
             const char    *action)
{
  gtk_label_set_text (self->banner_label, text ? text : "");
  gtk_button_set_label (self->banner_button, button_label ? button_label : "");
  /* Named once, by its text. */
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self->banner_button));
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), action);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

static void on_entry_activated  (PlenaryWindow *self,
                                 PlenaryEntry  *entry);
static void on_chair_requested  (PlenaryWindow *self,
                                 PlenaryRoom   *room);
static void on_show_in_schedule (PlenaryWindow *self,
                                 PlenaryTrack  *track);
static void on_star_entries     (PlenaryWindow *self,
                                 GListModel    *entries);
static void on_person_activated (PlenaryWindow *self,
                                 PlenaryPerson *person);

/* The stars and notes of the event on screen; for the sample, scratch data in the cache (as
 * Chair mode keeps), so that stars and notes can be tried out there too. */
static PlenaryUserData *
get_user_data (PlenaryWindow *self)
{
  if (self->event != NULL)
    return plenary_event_get_user_data (self->event);
  if (!self->is_sample)
    return NULL;
  if (self->sample_user_data == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "plenary",
                                                "sample-user.json", NULL);

      self->sample_user_data = plenary_user_data_new (path);
    }
  return self->sample_user_data;
}

/* The views built so far follow the programme on screen. */
static void
show_schedule_in_views (PlenaryWindow *self)
{
  PlenaryUserData *user_data = get_user_data (self);

  for (guint i = 0; i < N_PAGES; i++)
    if (self->views[i] != NULL)
      {
        plenary_view_set_user_data (self->views[i], user_data);
        plenary_view_set_schedule (self->views[i], self->schedule);
      }
}

/* What a view may ask of the window, where its type has the signal. */
static const struct
{
  const char *signal;
  GCallback   handler;
} view_signals[] = {
  { "entry-activated", G_CALLBACK (on_entry_activated) },
  { "star-entries", G_CALLBACK (on_star_entries) },
  { "show-in-schedule", G_CALLBACK (on_show_in_schedule) },
  { "chair-requested", G_CALLBACK (on_chair_requested) },
  /* Starred opens talks in its own page; only a speaker's name leads elsewhere. */
  { "person-activated", G_CALLBACK (on_person_activated) },
};

static PlenaryView *
build_view (PlenaryWindow *self,
            guint          page)
{
  GtkWidget *view = g_object_new (pages[page].get_type (), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (view_signals); i++)
    if (g_signal_lookup (view_signals[i].signal, G_OBJECT_TYPE (view)) != 0)
      g_signal_connect_object (view, view_signals[i].signal, view_signals[i].handler, self,
                               G_CONNECT_SWAPPED);
  if (self->settings != NULL
      && g_object_class_find_property (G_OBJECT_GET_CLASS (view), "room-change-minutes"))
    g_settings_bind (self->settings, "room-change-minutes", view, "room-change-minutes",
                     G_SETTINGS_BIND_GET);
  self->views[page] = PLENARY_VIEW (view);
  adw_bin_set_child (self->page_bins[page], view);
  plenary_view_set_user_data (self->views[page], get_user_data (self));
  plenary_view_set_schedule (self->views[page], self->schedule);
  return self->views[page];
}

/* The view of page @name, built on first use. */
static PlenaryView *
ensure_view (PlenaryWindow *self,
             const char    *name)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return self->views[i] != NULL ? self->views[i] : build_view (self, i);
  return NULL;
}

/* Where the header bar shows the event's title, the status row only says how fresh it is. */
static void
show_title_placement (PlenaryWindow *self)
{
  gboolean in_header = adw_view_switcher_title_get_title_visible (self->switcher_title);

  gtk_widget_set_visible (GTK_WIDGET (self->status_title), !in_header);
  gtk_label_set_xalign (self->status_freshness, in_header ? 0 : 1);
  /* Narrow, the banner's button goes under its text: beside it, a sentence wrapped to five
   * lines and a wide pill filled a 294 px tall window. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->banner_box),
                                  in_header ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (GTK_WIDGET (self->banner_button), in_header ? GTK_ALIGN_END : GTK_ALIGN_FILL);
  update_freshness (self);
}

static void
title_placement_after_layout (PlenaryWindow *self,
                              GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->title_placement_handler, clock);
  g_clear_object (&self->title_placement_clock);
  show_title_placement (self);
}

/* The switcher title says whether it shows the title while the header bar is allocated:
 * showing or hiding the status row then made the window's box allocate it at the size it was
 * measured at, none (a GTK critical, seen with the GL renderer). The change waits for the end
 * of this layout pass; the frame clock runs layout again before it paints, so no frame shows
 * the old arrangement. */
static void
on_title_visible (PlenaryWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      show_title_placement (self);
      return;
    }
  if (self->title_placement_clock == clock)
    return;
  if (self->title_placement_clock != NULL)
    g_clear_signal_handler (&self->title_placement_handler, self->title_placement_clock);
  g_set_object (&self->title_placement_clock, clock);
  self->title_placement_handler = g_signal_connect_object (clock, "layout",
                                                           G_CALLBACK (title_placement_after_layout),
                                                           self,
                                                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
on_view_shown (PlenaryWindow *self)
{
  ensure_view (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

/* Every view follows the programme on screen; they rebind, they do not patch. */
static void
show_schedule (PlenaryWindow   *self,
               PlenarySchedule *schedule)
{
  const char *title = schedule ? plenary_schedule_get_title (schedule)
                               : self->event ? plenary_event_get_title (self->event) : NULL;

  g_set_object (&self->schedule, schedule);
  show_schedule_in_views (self);
  adw_view_switcher_title_set_title (self->switcher_title, title ? title : _("Plenary"));
  gtk_label_set_text (self->status_title, title ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_title), title);
  /* Also while a followed event has no programme yet: "Updating…", "Offline". */
  gtk_widget_set_visible (self->status_row, (schedule != NULL || self->event != NULL)
                                            && !self->freshness_in_banner);
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Plenary"));
  gtk_stack_set_visible_child_name (self->main_stack,
                                    schedule != NULL ? "event"
                                    : self->event != NULL ? "loading" : "empty");
  gtk_spinner_set_spinning (self->loading_spinner, schedule == NULL && self->event != NULL);

  if (schedule != NULL && self->pending_chair != NULL)
    {
      g_autofree char *room = g_steal_pointer (&self->pending_chair);

      plenary_window_open_chair (self, room);
    }
}

void
plenary_window_set_schedule (PlenaryWindow   *self,
                             PlenarySchedule *schedule,
                             const char      *subtitle)
{
  g_return_if_fail (PLENARY_IS_WINDOW (self));

  plenary_window_set_event (self, NULL);
  self->is_sample = schedule != NULL;
  show_schedule (self, schedule);
  /* The status row says "Sample" and offers to add an event; it has no freshness. */
  gtk_label_set_text (self->status_freshness, "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_freshness), FALSE);
  gtk_widget_set_visible (self->sample_badge, self->is_sample);
  gtk_widget_set_visible (self->sample_button, self->is_sample);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_title), subtitle);
  gtk_widget_set_visible (self->refresh_button, FALSE);
}

PlenarySchedule *
plenary_window_get_schedule (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->schedule;
}

PlenaryScheduleView *
plenary_window_get_schedule_view (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->schedule_view;
}

GtkStack *
plenary_window_get_main_stack (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->main_stack;
}

AdwViewStack *
plenary_window_get_view_stack (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->view_stack;
}

PlenaryEvent *
plenary_window_get_event (PlenaryWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_WINDOW (self), NULL);

  return self->event;
}

/* "Updated 3 minutes ago", "Offline: showing the programme from Tuesday 14:02". */
static char *
describe_freshness (PlenaryWindow *self)
{
  PlenarySnapshot *snapshot = plenary_event_get_snapshot (self->event);
  GDateTime *fetched = plenary_event_get_last_sync (self->event);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *when = NULL;
  GTimeSpan age;

  if (fetched == NULL && snapshot != NULL)
    fetched = plenary_snapshot_get_fetched_at (snapshot);

  switch (plenary_event_get_sync_state (self->event))
    {
    case PLENARY_SYNC_STATE_SYNCING:
      return g_strdup (_("Updating…"));
    case PLENARY_SYNC_STATE_OFFLINE:
    case PLENARY_SYNC_STATE_ERROR:
      if (fetched == NULL)
        return g_strdup (plenary_event_get_sync_state (self->event) == PLENARY_SYNC_STATE_OFFLINE
                         ? _("Offline") : _("Update failed"));
      local = g_date_time_to_local (fetched);
      /* Translators: when the programme on screen was downloaded, e.g. "Tuesday 14:02". */
      when = g_date_time_format (local, _("%A %H:%M"));
      /* Translators: %s is when the programme was downloaded. */
      return g_strdup_printf (plenary_event_get_sync_state (self->event)
                              == PLENARY_SYNC_STATE_OFFLINE
                              ? _("Offline: showing the programme from %s")
                              : _("Update failed: showing the programme from %s"), when);
    case PLENARY_SYNC_STATE_IDLE:
    default:
      if (fetched == NULL)
        return g_strdup ("");
      age = g_date_time_difference (now, fetched);
      if (age < G_TIME_SPAN_MINUTE)
        return g_strdup (_("Updated just now"));
      if (age < G_TIME_SPAN_HOUR)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d minute ago",
                                             "Updated %d minutes ago",
                                             (int) (age / G_TIME_SPAN_MINUTE)),
                                (int) (age / G_TIME_SPAN_MINUTE));
      local = g_date_time_to_local (fetched);
      when = g_date_time_format (local, _("%A %H:%M"));
      return g_strdup_printf (_("Updated %s"), when);
    }
}

static void
update_freshness (PlenaryWindow *self)
{
  g_autofree char *text = NULL;
  const char *held;
  PlenarySyncState state;

  if (self->event == NULL)
    return;
  self->freshness_in_banner = FALSE;
  text = describe_freshness (self);
  state = plenary_event_get_sync_state (self->event);
  gtk_label_set_text (self->status_freshness, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_freshness), text);
  /* Sensitive while syncing too: a Refresh replaces a sync that is stuck downloading. */
  held = plenary_event_get_held_message (self->event);
  if (held != NULL && held[0] != '\0')
    show_banner (self, held, _("_Use New Programme"), "win.use-held-programme");
  else if (state == PLENARY_SYNC_STATE_ERROR || state == PLENARY_SYNC_STATE_OFFLINE)
    {
      const char *message = plenary_event_get_error_message (self->event);
      g_autofree char *both = NULL;

      /* The status row says which programme is on screen; the banner says why. Narrow, with
       * the title in the header bar, the banner says both: a wrapped status row over a
       * wrapped banner left a 360 × 294 window no room for the programme. */
      if (message != NULL && message[0] != '\0' && text[0] != '\0'
          && gtk_widget_get_visible (GTK_WIDGET (self->status_title)) == FALSE)
        both = g_strdup_printf ("%s\n%s", message, text);
      self->freshness_in_banner = both != NULL;
      show_banner (self, both != NULL ? both
                         : message != NULL && message[0] != '\0' ? message : text,
                   _("_Retry"), "win.refresh");
      /* Narrow, the header bar's Refresh button is the retry: the text gets the width. */
      if (both != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->banner_button), FALSE);
    }
  else
    show_banner (self, NULL, NULL, NULL);
  gtk_widget_set_visible (self->status_row, !self->freshness_in_banner);
}

static gboolean
freshness_tick_cb (gpointer user_data)
{
  update_freshness (user_data);
  return G_SOURCE_CONTINUE;
}

/* After a sync: say what changed, louder for starred talks. */
static void
announce_changes (PlenaryWindow   *self,
                  PlenarySchedule *before,
                  PlenarySchedule *after)
{
  g_autoptr (GPtrArray) changes = plenary_schedule_diff (before, after);
  PlenaryUserData *user_data = plenary_event_get_user_data (self->event);
  guint starred = 0;
  g_autofree char *starred_text = NULL;
  g_autofree char *text = NULL;

  if (changes->len == 0)
    return;
  {
    g_autoptr (GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < changes->len; i++)
      {
        PlenaryChange *change = g_ptr_array_index (changes, i);

        if (change->after != NULL)
          g_hash_table_add (changed, g_strdup (change->user_key));
      }
    if (user_data != NULL)
      plenary_user_data_mark_changed (user_data, changed);
  }
  for (guint i = 0; i < changes->len; i++)
    {
      PlenaryChange *change = g_ptr_array_index (changes, i);

      starred += user_data != NULL && plenary_user_data_get_starred (user_data, change->user_key);
    }
  starred_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u change to your starred talks",
                                               "%u changes to your starred talks", starred),
                                  starred);
  /* Translators: "Programme updated: 3 changes to your starred talks, 12 others". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Programme updated: %s, %u other",
                                       "Programme updated: %s, %u others",
                                       changes->len - starred),
                          starred_text, changes->len - starred);
  {
    AdwToast *toast = plenary_format_toast (text);

    adw_toast_set_button_label (toast, _("_Show Changes"));
    adw_toast_set_action_name (toast, "win.show-changes");
    adw_toast_set_timeout (toast, 10);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  self->changes = g_ptr_array_ref (changes);

  if (starred > 0)
    {
      g_autoptr (GNotification) notification = g_notification_new (_("Your starred talks changed"));

      g_notification_set_body (notification, text);
      g_notification_set_default_action (notification, "app.activate");
      g_application_send_notification (G_APPLICATION (get_app (self)), "starred-changes",
                                       notification);
    }
}

static void
on_event_schedule_changed (PlenaryWindow *self)
{
  PlenarySchedule *schedule = plenary_event_get_schedule (self->event);
  g_autoptr (PlenarySchedule) before = self->schedule ? g_object_ref (self->schedule) : NULL;

  show_schedule (self, schedule);
  if (before != NULL && schedule != NULL && before != schedule)
    announce_changes (self, before, schedule);
}

/* Builds the events menu as it is now; called by the button just before it opens, and kept
 * until the events change. */
static void
build_events_menu (GtkMenuButton *button,
                   gpointer       user_data)
{
  PlenaryWindow *self = user_data;
  GListModel *events = G_LIST_MODEL (plenary_application_get_events (get_app (self)));
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenu) followed = NULL;
  g_autoptr (GMenu) manage = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = g_menu_new ();
  followed = g_menu_new ();
  manage = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (PlenaryEvent) event = g_list_model_get_item (events, i);
      const char *title = plenary_event_get_title (event);
      g_autoptr (GMenuItem) item = g_menu_item_new (title && title[0] ? title
                                                                     : plenary_event_get_key (event),
                                                    NULL);

      /* A radio item: the menu marks the event on screen. */
      g_menu_item_set_action_and_target (item, "win.current-event", "s",
                                         plenary_event_get_key (event));
      g_menu_append_item (followed, item);
    }
  g_menu_append (manage, _("_Add Event…"), "win.add-event");
  if (self->event != NULL)
    {
      /* A button of its own: menu items cannot take the destructive style. */
      g_autoptr (GMenuItem) remove = g_menu_item_new (NULL, NULL);

      g_menu_item_set_attribute (remove, "custom", "s", "remove-event");
      g_menu_append_item (manage, remove);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (followed)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (followed));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (manage));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  if (self->event != NULL)
    {
      GtkPopover *popover = gtk_menu_button_get_popover (button);
      GtkWidget *remove_button = gtk_button_new_with_mnemonic (_("_Remove This Event…"));

      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (remove_button))), 0);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove_button), "win.remove-event");
      plenary_a11y_name_mnemonic_buttons (remove_button);
      gtk_widget_add_css_class (remove_button, "flat");
      gtk_widget_add_css_class (remove_button, "destructive-menu-item");
      g_signal_connect_object (remove_button, "clicked", G_CALLBACK (gtk_popover_popdown),
                               popover, G_CONNECT_SWAPPED);
      gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), remove_button, "remove-event");
    }
}

/* The menu is built when it opens, not each time the events change: a GtkPopoverMenu and its
 * items were a tenth of a Follow's work, and twice part of a start. */
static void
rebuild_events_menu (PlenaryWindow *self)
{
  gtk_menu_button_set_menu_model (self->events_button, NULL);
}

void
plenary_window_set_event (PlenaryWindow *self,
                          PlenaryEvent  *event)
{
  g_return_if_fail (PLENARY_IS_WINDOW (self));

  if (self->event != NULL)
    g_signal_handlers_disconnect_by_data (self->event, self);
  g_set_object (&self->event, event);
  self->is_sample = FALSE;
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  show_banner (self, NULL, NULL, NULL);
  gtk_widget_set_visible (self->sample_badge, FALSE);
  gtk_widget_set_visible (self->sample_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_freshness), TRUE);
  gtk_widget_set_visible (self->refresh_button, event != NULL);
  g_clear_object (&self->schedule);

  if (event != NULL)
    {
      g_signal_connect_object (event, "notify::schedule", G_CALLBACK (on_event_schedule_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (event, "notify::sync-state", G_CALLBACK (update_freshness), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (event, "notify::last-sync", G_CALLBACK (update_freshness), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (event, "notify::error-message", G_CALLBACK (update_freshness),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (event, "notify::held-message", G_CALLBACK (update_freshness),
                               self, G_CONNECT_SWAPPED);
      g_settings_set_string (self->settings, "current-event", plenary_event_get_key (event));
      show_schedule (self, plenary_event_get_schedule (event));
      update_freshness (self);
    }
  else
    show_schedule (self, NULL);
  rebuild_events_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_EVENT]);
}

void
plenary_window_show_entry (PlenaryWindow *self,
                           const char    *user_key)
{
  PlenaryEntry *entry;

  g_return_if_fail (PLENARY_IS_WINDOW (self));

  entry = self->schedule ? plenary_schedule_lookup_user_key (self->schedule, user_key) : NULL;
  if (entry == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
  plenary_schedule_view_show_entry (self->schedule_view, entry);
}

static void
open_chair_for (PlenaryWindow *self,
                PlenaryRoom   *room)
{
  /* The sample is for trying things out: its chair records go to the cache. */
  PlenaryUserData *user_data = get_user_data (self);
  PlenaryChairWindow *chair;

  chair = plenary_chair_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                    self->schedule, user_data, room, NULL);
  if (self->event != NULL)
    g_signal_connect_object (self->event, "notify::schedule",
                             G_CALLBACK (plenary_chair_window_set_schedule_from_event), chair, 0);
  gtk_window_present (GTK_WINDOW (chair));
}

void
plenary_window_open_chair (PlenaryWindow *self,
                           const char    *room_name)
{
  PlenaryRoom *room;

  g_return_if_fail (PLENARY_IS_WINDOW (self));

  if (self->schedule == NULL)
    {
      g_free (self->pending_chair);
      self->pending_chair = g_strdup (room_name);
      return;
    }
  room = plenary_schedule_lookup_room (self->schedule, room_name);
  if (room == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No room called “%s” in this programme"),
                                               room_name);

      adw_toast_overlay_add_toast (self->toast_overlay, plenary_format_toast (text));
      return;
    }
  open_chair_for (self, room);
}

static void
on_chair_requested (PlenaryWindow *self,
                    PlenaryRoom   *room)
{
  open_chair_for (self, room);
}

static void
on_entry_activated (PlenaryWindow *self,
                    PlenaryEntry  *entry)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
  plenary_schedule_view_show_entry (self->schedule_view, entry);
}

static void
on_show_in_schedule (PlenaryWindow *self,
                     PlenaryTrack  *track)
{
  plenary_schedule_view_set_filters (self->schedule_view, plenary_track_get_title (track),
                                     NULL, NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
}

static void
on_person_activated (PlenaryWindow *self,
                     PlenaryPerson *person)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "speakers");
  plenary_speakers_view_show_person (PLENARY_SPEAKERS_VIEW (ensure_view (self, "speakers")),
                                     person);
}

static void
on_star_entries (PlenaryWindow *self,
                 GListModel    *entries)
{
  PlenaryUserData *user_data = get_user_data (self);
  guint starred = 0;

  if (user_data == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   plenary_format_toast (_("Follow an event to star its talks")));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION)
        continue;
      plenary_user_data_set_starred (user_data, plenary_entry_get_user_key (entry), TRUE);
      starred++;
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Starred %u talk",
                                                          "Starred %u talks", starred), starred);

    adw_toast_overlay_add_toast (self->toast_overlay, plenary_format_toast (text));
  }
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE;

  /* The event's state and message say what happened; the window shows them. */
  if (!plenary_sync_service_sync_finish (PLENARY_SYNC_SERVICE (source), result, &changed, &error))
    g_debug ("Refresh failed: %s", error->message);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);

  if (self->event == NULL)
    return;
  plenary_sync_service_sync_async (plenary_application_get_sync (get_app (self)), self->event,
                                   TRUE, self->cancellable, refreshed_cb, NULL);
}

static void
held_used_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (PlenaryWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!plenary_event_use_held_finish (PLENARY_EVENT (source), result, &error))
    plenary_window_add_toast (self, error->message);
}

static void
use_held_programme_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);

  if (self->event != NULL)
    plenary_event_use_held_async (self->event, NULL, held_used_cb, g_object_ref (self));
}

static void
on_event_followed (PlenaryWindow *self,
                   PlenaryEvent  *event)
{
  PlenaryApplication *app = get_app (self);

  plenary_sync_service_add_event (plenary_application_get_sync (app), event);
  plenary_application_watch_reminders (app, event);
  plenary_application_save_events (app);
  plenary_window_set_event (self, event);
}

void
plenary_window_add_event (PlenaryWindow *self,
                          const char    *url)
{
  PlenaryApplication *app = get_app (self);
  PlenaryAddEventDialog *dialog = plenary_add_event_dialog_new (GTK_WINDOW (self),
                                                                plenary_application_get_events (app),
                                                                plenary_application_get_sync (app));

  g_signal_connect_object (dialog, "followed", G_CALLBACK (on_event_followed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  if (url != NULL)
    plenary_add_event_dialog_look_up (dialog, url);
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  plenary_window_add_event (PLENARY_WINDOW (widget), NULL);
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryEvent *event = plenary_event_list_lookup (plenary_application_get_events (get_app (self)),
                                                   g_variant_get_string (parameter, NULL));

  if (event != NULL && event != self->event)
    plenary_window_set_event (self, event);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PlenaryWindow    *self)
{
  g_autoptr (PlenaryEvent) event = NULL;
  PlenaryApplication *app = get_app (self);
  GListModel *events;

  if (g_strcmp0 (response, "remove") != 0 || self->event == NULL)
    return;
  event = g_object_ref (self->event);
  plenary_application_forget_event (app, event);
  events = G_LIST_MODEL (plenary_application_get_events (app));
  if (g_list_model_get_n_items (events) > 0)
    {
      g_autoptr (PlenaryEvent) next = g_list_model_get_item (events, 0);

      plenary_window_set_event (self, next);
    }
  else
    {
      plenary_window_set_event (self, NULL);
      plenary_application_show_sample (app);
    }
}

static void
remove_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->event == NULL)
    return;
  heading = g_strdup_printf (_("Remove “%s”?"), plenary_event_get_title (self->event));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its programme, your stars and your notes are deleted "
                                     "from this computer."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (PlenaryWindow *self,
       const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, plenary_format_toast (text));
}

/* Starred talks that are in the programme, or every talk, for a calendar. */
static GListModel *
entries_to_export (PlenaryWindow *self,
                   gboolean       starred_only)
{
  PlenaryUserData *user_data = get_user_data (self);
  GListStore *store;
  g_auto (GStrv) keys = NULL;

  if (!starred_only)
    return g_object_ref (plenary_schedule_get_entries (self->schedule));
  store = g_list_store_new (PLENARY_TYPE_ENTRY);
  keys = user_data ? plenary_user_data_dup_starred (user_data) : g_new0 (char *, 1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      PlenaryEntry *entry = plenary_schedule_lookup_user_key (self->schedule, keys[i]);

      if (entry != NULL && plenary_entry_get_start (entry) != NULL)
        g_list_store_append (store, entry);
    }
  return G_LIST_MODEL (store);
}

typedef struct
{
  char  *path;
  char  *ics;
  guint  n_talks;
} IcsWrite;

static void
ics_write_free (IcsWrite *write)
{
  g_free (write->path);
  g_free (write->ics);
  g_free (write);
}

/* Written durably (fsync'd, renamed), so off the main thread. */
static void
write_ics_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  IcsWrite *write = task_data;
  GError *error = NULL;

  if (plenary_store_write_file (write->path, write->ics, strlen (write->ics), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
ics_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);
  IcsWrite *write = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u talk", "Exported %u talks",
                                       write->n_talks),
                          write->n_talks);
  toast (self, done);
}

void
plenary_window_export_ics (PlenaryWindow *self,
                           GFile         *file,
                           gboolean       starred_only)
{
  g_autoptr (GListModel) entries = NULL;
  g_autoptr (GTask) task = NULL;
  IcsWrite *write;
  char *path;

  g_return_if_fail (PLENARY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL || self->schedule == NULL)
    {
      g_free (path);
      toast (self, _("Choose a file on this computer"));
      return;
    }
  entries = entries_to_export (self, starred_only);
  write = g_new0 (IcsWrite, 1);
  write->path = path;
  write->ics = plenary_ics_write (self->schedule, entries, PLENARY_ICS_FLAGS_NONE, NULL);
  write->n_talks = g_list_model_get_n_items (entries);
  task = g_task_new (self, self->cancellable, ics_written_cb, NULL);
  g_task_set_source_tag (task, plenary_window_export_ics);
  g_task_set_task_data (task, write, (GDestroyNotify) ics_write_free);
  g_task_run_in_thread (task, write_ics_thread);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    PlenaryWindow   *self)
{
  gboolean starred_only = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "starred"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      plenary_window_export_ics (self, file, starred_only);
    }
  g_object_unref (dialog);
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  gboolean starred_only = g_strcmp0 (g_variant_get_string (parameter, NULL), "starred") == 0;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->schedule == NULL)
    return;
  dialog = gtk_file_chooser_native_new (starred_only ? _("Export Starred Talks")
                                                     : _("Export the Whole Event"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = g_strdup_printf ("%s.ics", plenary_schedule_get_title (self->schedule));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "starred", GINT_TO_POINTER (starred_only));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Stars from a calendar Plenary or Indico exported: talks are named by their contribution id. */
static void
ics_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (PlenaryWindow) self = user_data;
  PlenaryUserData *stars = self->event ? plenary_event_get_user_data (self->event) : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *done = NULL;
  gsize length = 0;
  guint starred = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (stars == NULL || self->schedule == NULL)
    return;
  ids = plenary_ics_read_contribution_ids (contents, length,
                                           plenary_event_get_event_id (self->event), &error);
  if (ids == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));

      if (plenary_schedule_lookup_user_key (self->schedule, key) == NULL)
        continue;
      plenary_user_data_set_starred (stars, key, TRUE);
      starred++;
    }
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Starred %u talk from the calendar",
                                       "Starred %u talks from the calendar", starred), starred);
  toast (self, done);
}

void
plenary_window_import_ics (PlenaryWindow *self,
                           GFile         *file)
{
  g_return_if_fail (PLENARY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->event == NULL)
    return;
  g_file_load_contents_async (file, self->cancellable, ics_loaded_cb, g_object_ref (self));
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    PlenaryWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      plenary_window_import_ics (self, file);
    }
  g_object_unref (dialog);
}

/* GtkApplication built a window's gtk/help-overlay.ui, the whole shortcuts window, when the
 * window was made: a few milliseconds of every start, before its first frame, for a window
 * rarely opened. It is built the first time it is asked for, and given to the window as
 * GtkApplication would have (which shows the application's accelerators in it). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/plenary-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
import_stars_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  if (self->event == NULL)
    {
      toast (self, _("Follow an event to star its talks"));
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Import Stars"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_change_row_activated (GtkListBox    *list,
                         GtkListBoxRow *row,
                         PlenaryWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  if (key != NULL)
    plenary_window_show_entry (self, key);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));
}

/* The last sync's changes, starred talks first: what the toast's "Show Changes" opens. */
static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlenaryWindow *self = PLENARY_WINDOW (widget);
  PlenaryUserData *user_data = self->event ? plenary_event_get_user_data (self->event) : NULL;
  GtkWidget *window, *box, *scroller, *list, *header;
  GTimeZone *zone;

  if (self->changes == NULL || self->schedule == NULL)
    return;
  zone = plenary_schedule_get_timezone (self->schedule);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Programme Changes"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 560);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_change_row_activated), self, 0);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->changes->len; i++)
      {
        PlenaryChange *change = g_ptr_array_index (self->changes, i);
        PlenaryEntry *entry = change->after ? change->after : change->before;
        gboolean starred = user_data != NULL
                           && plenary_user_data_get_starred (user_data, change->user_key);
        g_autofree char *title = g_markup_escape_text (plenary_entry_get_title (entry), -1);
        g_autofree char *what = plenary_change_describe (change, zone);
        g_autofree char *subtitle = g_markup_escape_text (what, -1);
        GtkWidget *row;

        if (starred != (pass == 0))
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        if (starred)
          {
            GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

            /* Not decoration: nothing else in the row says it is starred. */
            gtk_widget_set_tooltip_text (star, _("Starred"));
            gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            _("Starred"), -1);
            adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
          }
        if (change->after != NULL)
          {
            g_object_set_data_full (G_OBJECT (row), "key", g_strdup (change->user_key), g_free);
            gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       gtk_image_new_from_icon_name ("go-next-symbolic"));
          }
        gtk_list_box_append (GTK_LIST_BOX (list), row);
      }

  plenary_hide_decorative_images (list);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
bind_settings (PlenaryWindow      *self,
               PlenaryApplication *application)
{
  self->settings = g_object_ref (plenary_application_get_settings (application));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "schedule-density", self->schedule_view, "density",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-notes", self->schedule_view, "show-notes",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "time-zone-mode", self->schedule_view,
                                "local-time", G_SETTINGS_BIND_DEFAULT, time_zone_mode_to_local,
                                local_to_time_zone_mode, NULL, NULL);
}

PlenaryWindow *
plenary_window_new (PlenaryApplication *application)
{
  PlenaryWindow *self = g_object_new (PLENARY_TYPE_WINDOW, "application", application, NULL);

  bind_settings (self, application);
  g_signal_connect_object (plenary_application_get_events (application), "items-changed",
                           G_CALLBACK (rebuild_events_menu), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->events_button, build_events_menu, self, NULL);
  return self;
}

static void
plenary_window_dispose (GObject *object)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->freshness_timeout, g_source_remove);
  if (self->title_placement_clock != NULL)
    g_clear_signal_handler (&self->title_placement_handler, self->title_placement_clock);
  g_clear_object (&self->title_placement_clock);
  if (self->event != NULL)
    g_signal_handlers_disconnect_by_data (self->event, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->schedule);
  g_clear_object (&self->event);
  g_clear_object (&self->sample_user_data);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->pending_chair, g_free);

  G_OBJECT_CLASS (plenary_window_parent_class)->dispose (object);
}

static void
plenary_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CURRENT_EVENT:
      /* "" rather than NULL: the property's action keeps it as a string state. */
      g_value_set_string (value, self->event ? plenary_event_get_key (self->event) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlenaryWindow *self = PLENARY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CURRENT_EVENT:
      {
        PlenaryApplication *app = get_app (self);
        PlenaryEvent *event = app != NULL
                              ? plenary_event_list_lookup (plenary_application_get_events (app),
                                                           g_value_get_string (value))
                              : NULL;

        if (event != NULL && event != self->event)
          plenary_window_set_event (self, event);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_window_class_init (PlenaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_window_dispose;
  object_class->get_property = plenary_window_get_property;
  object_class->set_property = plenary_window_set_property;

  /* The key of the event on screen ("" for none); the events menu's radio items. */
  properties[PROP_CURRENT_EVENT] =
    g_param_spec_string ("current-event", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLENARY_TYPE_SCHEDULE_VIEW);
  g_type_ensure (PLENARY_TYPE_SPEAKERS_VIEW);
  g_type_ensure (PLENARY_TYPE_TRACKS_VIEW);
  g_type_ensure (PLENARY_TYPE_ROOMS_VIEW);
  g_type_ensure (PLENARY_TYPE_STARRED_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, events_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, status_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, status_freshness);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, sample_badge);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, banner_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryWindow, banner_button);
  gtk_widget_class_bind_template_callback (widget_class, on_view_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.use-held-programme", NULL,
                                   use_held_programme_action);
  gtk_widget_class_install_action (widget_class, "win.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "s", show_event_action);
  gtk_widget_class_install_property_action (widget_class, "win.current-event", "current-event");
  gtk_widget_class_install_action (widget_class, "win.remove-event", NULL, remove_event_action);
  gtk_widget_class_install_action (widget_class, "win.export-ics", "s", export_ics_action);
  gtk_widget_class_install_action (widget_class, "win.show-changes", NULL, show_changes_action);
  gtk_widget_class_install_action (widget_class, "win.import-stars", NULL, import_stars_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.add-event", NULL);
}

/* AdwViewSwitcherTitle picks its wide or narrow switcher with a squeezer that cross-fades:
 * at start-up that drew half-faded switchers over the first frames, as the title settles
 * its width. libadwaita 1.4's breakpoints switch at once too. */
static void
switch_squeezers_at_once (GtkWidget *widget)
{
  if (ADW_IS_SQUEEZER (widget))
    adw_squeezer_set_transition_type (ADW_SQUEEZER (widget), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    switch_squeezers_at_once (child);
}

static void
plenary_window_init (PlenaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < N_PAGES; i++)
    {
      AdwViewStackPage *page;

      self->page_bins[i] = ADW_BIN (adw_bin_new ());
      page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->page_bins[i]),
                                        pages[i].name, _(pages[i].title));
      adw_view_stack_page_set_icon_name (page, pages[i].icon_name);
      /* (Adding the first page shows it, which may have built it already.) */
      if (i == 0)
        self->schedule_view = PLENARY_SCHEDULE_VIEW (ensure_view (self, pages[0].name));
    }
  /* The switchers are given the stack once it has its pages: given it empty, they followed
   * each page as it came, and the window took a median 45 ms to build instead of 30. */
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  switch_squeezers_at_once (GTK_WIDGET (self->switcher_title));

  self->cancellable = g_cancellable_new ();
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (plenary_schedule_view_get_entry_page (self->schedule_view),
                           "person-activated", G_CALLBACK (on_person_activated), self,
                           G_CONNECT_SWAPPED);
  show_title_placement (self);
  /* The views built later hide their own. */
  plenary_hide_decorative_images (GTK_WIDGET (self));
  /* "Updated 3 minutes ago" must not go stale on screen. */
  self->freshness_timeout = g_timeout_add_seconds (30, freshness_tick_cb, self);
  gtk_widget_set_visible (self->refresh_button, FALSE);
}

/* The speaker with @person_key (plenary_person_get_key()) in the Speakers view. */
void
plenary_window_show_person (PlenaryWindow *self,
                            const char    *person_key)
{
  PlenaryPerson *person;

  g_return_if_fail (PLENARY_IS_WINDOW (self));

  person = self->schedule ? plenary_schedule_lookup_person (self->schedule, person_key) : NULL;
  if (person != NULL)
    on_person_activated (self, person);
}

/* A one-time message about the window's data (a rebuilt list of events, a failure). */
void
plenary_window_add_toast (PlenaryWindow *self,
                          const char    *text)
{
  AdwToast *toast;

  g_return_if_fail (PLENARY_IS_WINDOW (self));

  toast = plenary_format_toast (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
