/* plenary-chair-window.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plenary-chair-window.h"
#include "plenary-a11y.h"
#include "model/plenary-event.h"
#include "plenary-format.h"

#define DEFAULT_WARNING_MINUTES 5
/* Rehearsals start a little before the first talk, so the chair sees the countdown. */
#define REHEARSAL_LEAD (5 * G_TIME_SPAN_MINUTE)
/* From this width the chair sees everything side by side, minutes included, without scrolling. */
#define COLUMNS_WIDTH 900

/* One entry's actual times before a press, so undo can put them back. */
typedef struct
{
  char      *key;
  GDateTime *started;
  GDateTime *ended;
} UndoItem;

struct _PlenaryChairWindow
{
  AdwWindow             parent_instance;

  PlenarySchedule      *schedule;
  PlenaryUserData      *user_data;
  char                 *room_name;
  PlenaryRoom          *room;              /* owned by @schedule */
  PlenaryClock         *clock;             /* the clock the screen follows */
  PlenaryClock         *private_clock;     /* for rehearsals and system time, or NULL */
  guint                 warning_minutes;
  gboolean              alerts;
  guint                 rehearsal_speed;   /* 0: the real time */

  PlenaryChairState     state;
  gboolean              have_state;
  GHashTable           *records;           /* PlenaryEntry → PlenaryChairRecord, per compute */
  GPtrArray            *undo_stack;        /* of GPtrArray of UndoItem, one per press */
  char                 *note_key;          /* whose note the notes view edits */
  gboolean              loading_note;

  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *export_text;

  gulong                tick_id;
  gulong                time_changed_id;
  gulong                user_data_changed_id;

  PlenaryEntry         *order_block;       /* what the running order shows, to rebuild it */
  PlenaryEntry         *order_current;     /* only when they change; unowned, compared only */

  AdwWindowTitle       *window_title;
  GtkRevealer          *header_revealer;
  GtkWidget            *content;
  GtkRevealer          *rehearsal_revealer;
  GtkLabel             *rehearsal_label;
  GtkWidget            *clock_box;
  GtkLabel             *clock_label;
  GtkLabel             *zone_label;
  GtkWidget            *columns;
  GtkWidget            *buttons;
  GtkLabel             *left_caption;
  GtkWidget            *order_box;
  GtkLabel             *order_heading;
  GtkListBox           *order_list;
  GtkLabel             *drift_label;
  GtkWidget            *status_box;
  GtkImage             *status_icon;
  GtkLabel             *left_label;
  GtkLabel             *status_label;
  GtkLevelBar          *progress;
  GtkLabel             *current_heading;
  GtkLabel             *current_title;
  GtkLabel             *current_speakers;
  GtkLabel             *current_times;
  GtkLabel             *next_heading;
  GtkLabel             *next_title;
  GtkLabel             *next_speakers;
  GtkWidget            *started_button;
  GtkWidget            *ended_button;
  GtkTextView          *notes_view;
};

G_DEFINE_FINAL_TYPE (PlenaryChairWindow, plenary_chair_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_WARNING_MINUTES,
  PROP_ALERTS,
  PROP_REHEARSAL_SPEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
undo_item_free (gpointer data)
{
  UndoItem *item = data;

  g_free (item->key);
  g_clear_pointer (&item->started, g_date_time_unref);
  g_clear_pointer (&item->ended, g_date_time_unref);
  g_free (item);
}

static void
record_free (gpointer data)
{
  PlenaryChairRecord *record = data;

  g_clear_pointer (&record->started, g_date_time_unref);
  g_clear_pointer (&record->ended, g_date_time_unref);
  g_free (record);
}

/* The state keeps no pointer into the records, so they can be rebuilt from user data on each
 * computation: what the chair recorded is always read fresh. */
static const PlenaryChairRecord *
lookup_record (PlenaryEntry *entry,
               gpointer      user_data)
{
  PlenaryChairWindow *self = user_data;
  const char *key = plenary_entry_get_user_key (entry);
  GDateTime *started, *ended;
  PlenaryChairRecord *record;

  if (self->user_data == NULL || key == NULL)
    return NULL;
  record = g_hash_table_lookup (self->records, entry);
  if (record != NULL)
    return record;
  started = plenary_user_data_get_actual_start (self->user_data, key);
  ended = plenary_user_data_get_actual_end (self->user_data, key);
  if (started == NULL && ended == NULL)
    return NULL;
  record = g_new0 (PlenaryChairRecord, 1);
  record->started = started != NULL ? g_date_time_ref (started) : NULL;
  record->ended = ended != NULL ? g_date_time_ref (ended) : NULL;
  g_hash_table_insert (self->records, entry, record);
  return record;
}

static const char *
lookup_note (PlenaryEntry *entry,
             gpointer      user_data)
{
  PlenaryChairWindow *self = user_data;
  const char *key = plenary_entry_get_user_key (entry);

  if (self->user_data == NULL || key == NULL)
    return NULL;
  return plenary_user_data_get_note (self->user_data, key);
}

static void
set_status_class (PlenaryChairWindow *self,
                  const char         *name)
{
  static const char * const classes[] = { "on-time", "warning", "overrun", "between", "done" };

  /* The bar takes the phase's colour too, as a reminder; the text and icon say it first. */
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_strcmp0 (classes[i], name) == 0)
        {
          gtk_widget_add_css_class (self->status_box, classes[i]);
          gtk_widget_add_css_class (GTK_WIDGET (self->progress), classes[i]);
        }
      else
        {
          gtk_widget_remove_css_class (self->status_box, classes[i]);
          gtk_widget_remove_css_class (GTK_WIDGET (self->progress), classes[i]);
        }
    }
}

static GTimeZone *
event_zone (PlenaryChairWindow *self)
{
  return plenary_schedule_get_timezone (self->schedule);
}

/* "New York time" from "America/New_York", for saying which zone the clock shows. */
static char *
zone_city (PlenaryChairWindow *self)
{
  const char *id = plenary_schedule_get_timezone_id (self->schedule);
  const char *slash = id != NULL ? strrchr (id, '/') : NULL;
  g_autofree char *city = g_strdup (slash != NULL ? slash + 1 : id != NULL ? id : "");

  g_strdelimit (city, "_", ' ');
  return g_steal_pointer (&city);
}

static void
update_clock (PlenaryChairWindow *self,
              GDateTime          *now)
{
  g_autoptr (GDateTime) shown = g_date_time_to_timezone (now, event_zone (self));
  g_autoptr (GTimeZone) local_zone = g_time_zone_new_local ();
  /* Translators: the chair's big clock, as g_date_time_format() takes it. */
  g_autofree char *time = g_date_time_format (shown, _("%H:%M:%S"));
  g_autofree char *city = zone_city (self);
  g_autofree char *abbreviation = g_date_time_format (shown, "%Z");
  g_autofree char *zone = NULL;

  gtk_label_set_text (self->clock_label, time);
  if (city[0] != '\0')
    /* Translators: under the chair's clock: which zone it shows, e.g. "New York time (EDT)". */
    zone = g_strdup_printf (_("%s time (%s)"), city, abbreviation);
  else
    zone = g_strdup (abbreviation);
  if (plenary_zones_differ_at (event_zone (self), local_zone, now))
    {
      g_autofree char *local = plenary_format_time (now, local_zone);
      g_autofree char *both = NULL;

      /* Translators: under the chair's clock when the event is in another time zone: the
       * event's zone, then the time on this computer. */
      both = g_strdup_printf (_("%s · Your time %s"), zone, local);
      g_free (zone);
      zone = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->zone_label, zone);
}

static void
update_rehearsal (PlenaryChairWindow *self)
{
  gboolean rehearsing = self->clock != NULL
                        && plenary_clock_get_mode (self->clock) == PLENARY_CLOCK_MODE_REHEARSAL;

  gtk_revealer_set_reveal_child (self->rehearsal_revealer, rehearsing);
  if (rehearsing)
    {
      g_autofree char *text = NULL;

      /* Translators: the bar shown while rehearsing, beside "Back to Real Time"; %g is the
       * speed, e.g. "Rehearsal · 60×". */
      text = g_strdup_printf (_("Rehearsal · %g×"),
                              plenary_clock_get_speed (self->clock));
      gtk_label_set_text (self->rehearsal_label, text);
    }
}

static void
update_drift (PlenaryChairWindow *self)
{
  /* Rounded towards zero: a room a few seconds late is on schedule. */
  int minutes = (int) (self->state.drift / G_TIME_SPAN_MINUTE);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->drift_label), "late");
  gtk_widget_remove_css_class (GTK_WIDGET (self->drift_label), "early");
  if (minutes > 0)
    {
      text = g_strdup_printf (ngettext ("Running %d minute late",
                                        "Running %d minutes late", minutes), minutes);
      gtk_widget_add_css_class (GTK_WIDGET (self->drift_label), "late");
    }
  else if (minutes < 0)
    {
      text = g_strdup_printf (ngettext ("Running %d minute early",
                                        "Running %d minutes early", -minutes), -minutes);
      gtk_widget_add_css_class (GTK_WIDGET (self->drift_label), "early");
    }
  else
    text = g_strdup (_("On schedule"));
  gtk_label_set_text (self->drift_label, text);
}

static char *
format_speakers (PlenaryEntry *entry)
{
  return plenary_format_people (plenary_entry_get_speakers (entry), TRUE);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_current (PlenaryChairWindow *self)
{
  PlenaryChairState *state = &self->state;
  PlenaryEntry *current = state->current;
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->current_title));
  g_autofree char *speakers = NULL;
  g_autofree char *official = NULL;
  g_autofree char *times = NULL;
  const PlenaryChairRecord *record;

  gtk_widget_set_visible (box, current != NULL);
  if (current == NULL)
    return;

  gtk_label_set_text (self->current_heading,
                      plenary_entry_get_kind (current) == PLENARY_ENTRY_KIND_BREAK
                      ? _("Now: Break") : _("Now"));
  /* Server text, shown as plain text: never parsed as markup. */
  set_label (self->current_title, plenary_entry_get_title (current));
  speakers = format_speakers (current);
  set_label (self->current_speakers, speakers);

  official = plenary_format_time_range (plenary_entry_get_start (current),
                                        plenary_entry_get_end (current), event_zone (self));
  record = lookup_record (current, self);
  if (record != NULL && record->started != NULL)
    {
      g_autofree char *started = plenary_format_time (record->started, event_zone (self));

      /* Translators: official time range, then when the talk really started. */
      times = g_strdup_printf (_("Scheduled %s · Started %s"), official, started);
    }
  else
    /* Translators: the official time range of the talk on now. */
    times = g_strdup_printf (_("Scheduled %s"), official);
  set_label (self->current_times, times);
}

static void
update_next (PlenaryChairWindow *self)
{
  PlenaryChairState *state = &self->state;
  PlenaryEntry *next = state->next != NULL ? state->next : state->tomorrow;
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->next_title));
  g_autofree char *heading = NULL;
  g_autofree char *speakers = NULL;

  gtk_widget_set_visible (box, next != NULL);
  if (next == NULL)
    return;

  if (state->next != NULL && state->after_break != NULL)
    {
      g_autofree char *at_break = plenary_format_time (state->next_start, event_zone (self));
      g_autofree char *after = plenary_format_time (state->after_break_start, event_zone (self));

      /* A break is next: whom the chair introduces after it matters more than the break. */
      /* Translators: a break is next, then a talk: "Break at 08:20, then at 08:35". */
      heading = g_strdup_printf (_("Break at %s, then at %s"), at_break, after);
      next = state->after_break;
    }
  else if (state->next != NULL)
    {
      g_autofree char *expected = plenary_format_time (state->next_start, event_zone (self));

      if (!g_date_time_equal (state->next_start, plenary_entry_get_start (next)))
        {
          g_autofree char *official = plenary_format_time (plenary_entry_get_start (next),
                                                           event_zone (self));

          /* Translators: expected start after the room's drift, then the official one. */
          heading = g_strdup_printf (_("Next at %s (scheduled %s)"), expected, official);
        }
      else
        /* Translators: the start time of the next talk. */
        heading = g_strdup_printf (_("Next at %s"), expected);
    }
  else
    {
      g_autoptr (GDateTime) day = g_date_time_to_timezone (plenary_entry_get_start (next),
                                                           event_zone (self));
      g_autofree char *date = plenary_format_day_long (day);
      g_autofree char *time = plenary_format_time (plenary_entry_get_start (next),
                                                   event_zone (self));

      /* Translators: the first talk of the room's next day: "Tuesday 21 September at 07:00". */
      heading = g_strdup_printf (_("Next: %s at %s"), date, time);
    }
  gtk_label_set_text (self->next_heading, heading);
  set_label (self->next_title, plenary_entry_get_title (next));
  speakers = format_speakers (next);
  set_label (self->next_speakers, speakers);
}

static GtkWidget *
order_row (PlenaryChairWindow *self,
           PlenaryEntry       *entry,
           gboolean            is_current,
           gboolean            is_past)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (plenary_entry_get_title (entry));
  g_autofree char *start = plenary_format_time (plenary_entry_get_start (entry),
                                                event_zone (self));
  g_autofree char *speakers = format_speakers (entry);
  g_autofree char *label = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_text (GTK_LABEL (time), start);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_add_css_class (time, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  if (speakers[0] != '\0')
    {
      GtkWidget *people = gtk_label_new (speakers);

      gtk_label_set_xalign (GTK_LABEL (people), 0);
      gtk_label_set_wrap (GTK_LABEL (people), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (people), PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (GTK_LABEL (people), 1);
      gtk_widget_add_css_class (people, "dim-label");
      gtk_widget_add_css_class (people, "caption");
      gtk_box_append (GTK_BOX (text), people);
    }
  if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_BREAK)
    gtk_widget_add_css_class (title, "dim-label");
  else if (is_current)
    gtk_widget_add_css_class (title, "heading");
  if (is_past)
    gtk_widget_add_css_class (box, "dim-label");
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), text);
  if (is_current)
    {
      /* Translators: marks the talk on now in the session's running order. */
      GtkWidget *now = gtk_label_new (_("Now"));

      gtk_widget_add_css_class (now, "chair-order-now");
      gtk_widget_set_valign (now, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), now);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a row of the running order for screen readers: time, title, speakers. */
  label = g_strdup_printf (_("%s, %s%s%s%s"), start, plenary_entry_get_title (entry),
                           speakers[0] != '\0' ? ", " : "", speakers,
                           is_current ? _(", now") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

/* The session's running order: every talk and break of the block on now (or next), so the
 * chair sees how the rest of the session goes. Rebuilt only when the block or the talk on
 * now changes, not on every tick. */
static void
update_order (PlenaryChairWindow *self)
{
  PlenaryEntry *anchor = self->state.current != NULL ? self->state.current : self->state.next;
  PlenaryEntry *block = anchor != NULL ? plenary_entry_get_block (anchor) : NULL;
  GListModel *entries = block != NULL
                        ? plenary_schedule_get_block_entries (self->schedule, block) : NULL;
  GtkWidget *child;
  gboolean past = self->state.current != NULL;
  g_autofree char *heading = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *block_title = NULL;

  gtk_widget_set_visible (self->order_box, entries != NULL
                                           && g_list_model_get_n_items (entries) > 1);
  if (block == self->order_block && self->state.current == self->order_current)
    return;
  self->order_block = block;
  self->order_current = self->state.current;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->order_list))) != NULL)
    gtk_list_box_remove (self->order_list, child);
  if (entries == NULL)
    return;

  from = plenary_format_time (plenary_entry_get_start (block), event_zone (self));
  to = plenary_format_time (plenary_entry_get_end (block), event_zone (self));
  /* Translators: heading of the session's running order: its title and time range. */
  block_title = plenary_format_isolate (plenary_entry_get_full_title (block));
  heading = g_strdup_printf (_("Running Order · %s · %s–%s"), block_title, from, to);
  gtk_label_set_text (self->order_heading, heading);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      gboolean is_current = entry == self->state.current;

      if (is_current)
        past = FALSE;
      gtk_list_box_append (self->order_list,
                           order_row (self, entry, is_current, past && !is_current));
    }
}

static void
update_status (PlenaryChairWindow *self)
{
  PlenaryChairState *state = &self->state;
  g_autofree char *elapsed = plenary_chair_format_span (MAX (state->elapsed, 0));
  g_autofree char *left = plenary_chair_format_span (ABS (state->left));
  g_autofree char *big = NULL;
  g_autofree char *text = NULL;
  const char *caption = NULL;
  GTimeSpan duration = 0;

  switch (state->phase)
    {
    case PLENARY_CHAIR_ON_TIME:
      set_status_class (self, "on-time");
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      big = g_strdup (left);
      /* Translators: above the big countdown while a talk is on. */
      caption = _("Time left");
      /* Translators: under the big "time left" figure while a talk is on time. */
      text = g_strdup_printf (_("On time · Elapsed %s"), elapsed);
      break;
    case PLENARY_CHAIR_WARNING:
      set_status_class (self, "warning");
      gtk_image_set_from_icon_name (self->status_icon, "alarm-symbolic");
      big = g_strdup (left);
      caption = _("Time left");
      /* Translators: under the big "time left" figure when the end is near. */
      text = g_strdup_printf (_("Ending soon · Elapsed %s"), elapsed);
      break;
    case PLENARY_CHAIR_OVERRUN:
      set_status_class (self, "overrun");
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      /* Translators: above the big figure of how long a talk has run past its end. */
      caption = _("Overrun");
      /* Translators: how long a talk has run past its end, e.g. "+3:20". */
      big = g_strdup_printf (_("+%s"), left);
      /* Translators: under "Overrun +3:20". */
      text = g_strdup_printf (_("Over time · Elapsed %s"), elapsed);
      break;
    case PLENARY_CHAIR_BETWEEN:
      set_status_class (self, "between");
      gtk_image_set_from_icon_name (self->status_icon, "media-playback-pause-symbolic");
      big = g_strdup (left);
      /* Translators: above the big countdown between talks. */
      caption = _("Next talk in");
      text = g_strdup (self->state.next != NULL
                       && plenary_entry_get_kind (self->state.next) == PLENARY_ENTRY_KIND_BREAK
                       /* Translators: under the countdown when a break is next. */
                       ? _("A break is next") : _("Between talks"));
      break;
    case PLENARY_CHAIR_DONE:
    default:
      set_status_class (self, "done");
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      big = NULL;
      text = g_strdup (_("No more talks today"));
      break;
    }
  set_label (self->left_caption, caption);
  set_label (self->left_label, big);
  gtk_label_set_text (self->status_label, text);

  if (state->current != NULL)
    duration = g_date_time_difference (state->current_end, state->current_start);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), duration > 0);
  if (duration > 0)
    gtk_level_bar_set_value (self->progress,
                             CLAMP ((double) state->elapsed / (double) duration, 0.0, 1.0));
}

/* The notes view edits the talk on now, else the next one. It is reloaded only when that talk
 * changes (or user data was reloaded), so what the chair is typing is never replaced. */
static PlenaryEntry *latest_started (PlenaryChairWindow *self);

static void
update_notes (PlenaryChairWindow *self,
              gboolean            force)
{
  PlenaryEntry *entry = self->state.current != NULL ? self->state.current
                        : self->state.next != NULL ? self->state.next
                        /* After the day's last talk the chair may still be finishing its
                         * minutes. */
                        : latest_started (self);
  const char *key = entry != NULL ? plenary_entry_get_user_key (entry) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *note;

  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_view), key != NULL);
  if (!force && g_strcmp0 (key, self->note_key) == 0)
    return;
  g_free (self->note_key);
  self->note_key = g_strdup (key);
  note = key != NULL ? lookup_note (entry, self) : NULL;

  self->loading_note = TRUE;
  gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
  self->loading_note = FALSE;
}

static void
update_actions (PlenaryChairWindow *self)
{
  PlenaryChairState *state = &self->state;
  const PlenaryChairRecord *record = state->current != NULL
                                     ? lookup_record (state->current, self) : NULL;
  gboolean current_started = record != NULL && record->started != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chair.started",
                                 self->user_data != NULL
                                 && ((state->current != NULL && !current_started)
                                     || state->next != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chair.ended",
                                 self->user_data != NULL && state->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chair.undo", self->undo_stack->len > 0);
}

static void
send_alert (PlenaryChairWindow *self)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr (GNotification) notification = NULL;
  const char *title;

  if (!self->alerts || application == NULL || self->state.current == NULL)
    return;
  if (self->state.phase == PLENARY_CHAIR_WARNING)
    title = _("The talk is ending soon");
  else
    title = _("The talk is over time");
  notification = g_notification_new (title);
  g_notification_set_body (notification, plenary_entry_get_title (self->state.current));
  g_application_send_notification (application, "chair-alert", notification);
}

void
plenary_chair_window_update (PlenaryChairWindow *self)
{
  g_autoptr (GDateTime) now = NULL;
  PlenaryChairPhase previous;
  gboolean had_state;

  g_return_if_fail (PLENARY_IS_CHAIR_WINDOW (self));

  if (self->schedule == NULL || self->clock == NULL)
    return;
  now = plenary_clock_get_now (self->clock);
  previous = self->state.phase;
  had_state = self->have_state;

  plenary_chair_state_clear (&self->state);
  g_hash_table_remove_all (self->records);
  if (self->room != NULL)
    plenary_chair_state_compute (&self->state, self->schedule, self->room, now,
                                 (GTimeSpan) self->warning_minutes * G_TIME_SPAN_MINUTE,
                                 lookup_record, self);
  else
    self->state.phase = PLENARY_CHAIR_DONE;
  self->have_state = TRUE;

  update_clock (self, now);
  update_drift (self);
  update_status (self);
  update_current (self);
  update_next (self);
  update_order (self);
  update_rehearsal (self);
  update_notes (self, FALSE);
  update_actions (self);

  /* Alert at each threshold crossed while the screen is up, not on opening it. */
  if (had_state && previous != self->state.phase
      && (self->state.phase == PLENARY_CHAIR_WARNING || self->state.phase == PLENARY_CHAIR_OVERRUN))
    send_alert (self);
}

static void
on_clock_tick (PlenaryClock       *clock,
               GDateTime          *instant,
               PlenaryChairWindow *self)
{
  plenary_chair_window_update (self);
}

static void
on_clock_time_changed (PlenaryClock       *clock,
                       PlenaryChairWindow *self)
{
  plenary_chair_window_update (self);
}

static void
on_user_data_changed (PlenaryUserData    *user_data,
                      const char         *key,
                      PlenaryChairWindow *self)
{
  plenary_chair_window_update (self);
  /* A reload from disk may bring other notes: show them (only a load has no key). */
  if (key == NULL)
    update_notes (self, TRUE);
}

static void
on_notes_buffer_changed (GtkTextBuffer      *buffer,
                         PlenaryChairWindow *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading_note || self->note_key == NULL || self->user_data == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  plenary_user_data_set_note (self->user_data, self->note_key, text);
}

static void
set_clock (PlenaryChairWindow *self,
           PlenaryClock       *clock)
{
  if (self->clock == clock)
    return;
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->tick_id, self->clock);
      g_clear_signal_handler (&self->time_changed_id, self->clock);
      g_clear_object (&self->clock);
    }
  if (clock == NULL)
    return;
  self->clock = g_object_ref (clock);
  plenary_clock_set_seconds (self->clock, TRUE);
  self->tick_id = g_signal_connect (self->clock, "tick", G_CALLBACK (on_clock_tick), self);
  self->time_changed_id = g_signal_connect (self->clock, "time-changed",
                                            G_CALLBACK (on_clock_time_changed), self);
}

/* A clock of the window's own, so rehearsing (and per-second ticks) never reach the rest of
 * the app. */
static PlenaryClock *
ensure_private_clock (PlenaryChairWindow *self)
{
  if (self->private_clock == NULL)
    {
      PlenaryClock *app_clock = plenary_clock_get_default ();

      self->private_clock = plenary_clock_new ();
      /* An app rehearsing (PLENARY_REHEARSAL_START) is rehearsing here too, from the same
       * instant, with the rehearsal bar saying so. */
      if (plenary_clock_get_mode (app_clock) == PLENARY_CLOCK_MODE_REHEARSAL)
        {
          g_autoptr (GDateTime) now = plenary_clock_get_now (app_clock);

          plenary_clock_set_rehearsal (self->private_clock, now,
                                       plenary_clock_get_speed (app_clock));
          self->rehearsal_speed = (guint) MAX (plenary_clock_get_speed (app_clock), 1.0);
        }
    }
  set_clock (self, self->private_clock);
  return self->private_clock;
}

/* Undo */

static void
remember (GPtrArray       *group,
          PlenaryUserData *user_data,
          const char      *key)
{
  UndoItem *item = g_new0 (UndoItem, 1);
  GDateTime *started = plenary_user_data_get_actual_start (user_data, key);
  GDateTime *ended = plenary_user_data_get_actual_end (user_data, key);

  item->key = g_strdup (key);
  item->started = started != NULL ? g_date_time_ref (started) : NULL;
  item->ended = ended != NULL ? g_date_time_ref (ended) : NULL;
  g_ptr_array_add (group, item);
}

static void
push_undo (PlenaryChairWindow *self,
           GPtrArray          *group)
{
  if (group->len == 0)
    return;
  g_ptr_array_add (self->undo_stack, g_ptr_array_ref (group));
}

/* Records @start/@end for @entry, each only if non-NULL, keeping what is not replaced. */
static void
record_times (PlenaryChairWindow *self,
              GPtrArray          *group,
              PlenaryEntry       *entry,
              GDateTime          *start,
              GDateTime          *end)
{
  const char *key = plenary_entry_get_user_key (entry);
  GDateTime *old_start, *old_end;

  if (key == NULL)
    return;
  old_start = plenary_user_data_get_actual_start (self->user_data, key);
  old_end = plenary_user_data_get_actual_end (self->user_data, key);
  remember (group, self->user_data, key);
  /* Keep our own references: setting may free the old values. */
  {
    g_autoptr (GDateTime) new_start = start != NULL ? g_date_time_ref (start)
                                      : old_start != NULL ? g_date_time_ref (old_start) : NULL;
    g_autoptr (GDateTime) new_end = end != NULL ? g_date_time_ref (end)
                                    : old_end != NULL ? g_date_time_ref (old_end) : NULL;

    plenary_user_data_set_actual_times (self->user_data, key, new_start, new_end);
  }
}

static void
started_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (widget);
  g_autoptr (GPtrArray) group = g_ptr_array_new_with_free_func (undo_item_free);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (PlenaryEntry) current = NULL;
  g_autoptr (PlenaryEntry) next = NULL;
  const PlenaryChairRecord *record;

  if (self->user_data == NULL || self->clock == NULL)
    return;
  plenary_chair_window_update (self);
  now = plenary_clock_get_now (self->clock);
  current = self->state.current != NULL ? g_object_ref (self->state.current) : NULL;
  next = self->state.next != NULL ? g_object_ref (self->state.next) : NULL;
  record = current != NULL ? lookup_record (current, self) : NULL;

  if (current != NULL && (record == NULL || record->started == NULL))
    record_times (self, group, current, now, NULL);
  else if (next != NULL)
    {
      /* The next talk starting means the one before has ended. */
      if (current != NULL && record != NULL && record->ended == NULL)
        record_times (self, group, current, NULL, now);
      record_times (self, group, next, now, NULL);
    }
  push_undo (self, group);
  plenary_chair_window_update (self);
}

static void
ended_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (widget);
  g_autoptr (GPtrArray) group = g_ptr_array_new_with_free_func (undo_item_free);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (PlenaryEntry) current = NULL;

  if (self->user_data == NULL || self->clock == NULL)
    return;
  plenary_chair_window_update (self);
  if (self->state.current == NULL)
    return;
  now = plenary_clock_get_now (self->clock);
  current = g_object_ref (self->state.current);
  record_times (self, group, current, NULL, now);
  push_undo (self, group);
  plenary_chair_window_update (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (widget);
  g_autoptr (GPtrArray) group = NULL;

  if (self->undo_stack->len == 0 || self->user_data == NULL)
    return;
  group = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  /* Backwards, so an entry touched twice in one press ends as it was before it. */
  for (guint i = group->len; i > 0; i--)
    {
      UndoItem *item = g_ptr_array_index (group, i - 1);

      plenary_user_data_set_actual_times (self->user_data, item->key, item->started, item->ended);
    }
  plenary_chair_window_update (self);
}

/* Full screen */

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static gboolean
leave_fullscreen (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  if (!gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    return FALSE;   /* let Escape do whatever else it does */
  gtk_window_unfullscreen (GTK_WINDOW (widget));
  return TRUE;
}

/* GTK 4.8 has no breakpoints: a narrow window (a laptop beside the lectern, a split screen)
 * gets smaller type through the "narrow" style class. */
static void
on_default_width_changed (PlenaryChairWindow *self)
{
  int width = 0, height = 0;
  gboolean narrow;

  /* GTK 4.8 does not take NULL for either. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < 600;
  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
  gtk_image_set_pixel_size (self->status_icon, narrow ? 32 : 48);
  /* Three pill buttons side by side need about 540 px: stack them instead. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->buttons),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* A laptop screen: now on the left, next, the running order and the minutes on the right. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  width >= COLUMNS_WIDTH ? GTK_ORIENTATION_HORIZONTAL
                                                         : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_margin_start (self->content, narrow ? 12 : 24);
  gtk_widget_set_margin_end (self->content, narrow ? 12 : 24);
  gtk_label_set_width_chars (self->drift_label, narrow ? -1 : 12);
}

static void
on_fullscreened_changed (PlenaryChairWindow *self)
{
  /* Nothing but the room clock on the stage screen. */
  gtk_revealer_set_reveal_child (self->header_revealer,
                                 !gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

/* Export */

static void
show_error (PlenaryChairWindow *self,
            const char         *heading,
            const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr (PlenaryChairWindow) self = g_weak_ref_get (weak);
  g_autoptr (GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  /* The window may be gone (closing it cancels the write): then there is no one to tell. */
  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) || self == NULL
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_error (self, _("Could Not Export the Minutes"), error->message);
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     PlenaryChairWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = g_steal_pointer (&self->export_text);
  GWeakRef *weak;
  gsize length;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || text == NULL)
    return;
  length = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                       export_written_cb, weak);
}

/* The room's last contribution that has started by now, or NULL. */
static PlenaryEntry *
latest_started (PlenaryChairWindow *self)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GListModel) entries = NULL;
  PlenaryEntry *latest = NULL;

  if (self->schedule == NULL || self->room == NULL || self->clock == NULL)
    return NULL;
  now = plenary_clock_get_now (self->clock);
  entries = plenary_schedule_get_room_entries (self->schedule, self->room);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);

      if (plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_CONTRIBUTION
          && plenary_entry_get_start (entry) != NULL
          && g_date_time_compare (plenary_entry_get_start (entry), now) <= 0
          && (latest == NULL || g_date_time_compare (plenary_entry_get_start (entry),
                                                     plenary_entry_get_start (latest)) >= 0))
        latest = entry;   /* the schedule keeps it alive */
    }
  return latest;
}

static PlenaryEntry *
export_block (PlenaryChairWindow *self)
{
  /* The block on now, else the most recent one, else the coming one. */
  PlenaryEntry *latest = self->state.current;

  if (latest == NULL)
    latest = latest_started (self);
  if (latest == NULL)
    latest = self->state.next;
  if (latest == NULL)
    return NULL;
  if (plenary_entry_get_kind (latest) == PLENARY_ENTRY_KIND_BLOCK)
    return latest;
  return plenary_entry_get_block (latest);
}

static void
export_minutes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (widget);
  PlenaryEntry *block;
  g_autofree char *name = NULL;

  if (self->schedule == NULL || self->chooser != NULL)
    return;
  block = export_block (self);
  if (block == NULL)
    {
      show_error (self, _("Nothing to Export"),
                  _("This room has no session block with minutes to export."));
      return;
    }
  g_free (self->export_text);
  self->export_text = plenary_chair_export_markdown (self->schedule, block, lookup_record,
                                                     lookup_note, self);
  self->chooser = gtk_file_chooser_native_new (_("Export Session Minutes"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the suggested file name of exported minutes; %s is the session's title. */
  name = g_strdup_printf (_("%s minutes.md"), plenary_entry_get_full_title (block));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Rehearsal */

static GDateTime *
first_start_in_room (PlenaryChairWindow *self)
{
  g_autoptr (GListModel) entries = NULL;
  GDateTime *first = NULL;

  if (self->schedule == NULL || self->room == NULL)
    return NULL;
  entries = plenary_schedule_get_room_entries (self->schedule, self->room);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      GDateTime *start = plenary_entry_get_start (entry);

      if (start != NULL && (first == NULL || g_date_time_compare (start, first) < 0))
        first = start;
    }
  return first != NULL ? g_date_time_ref (first) : NULL;
}

static void
set_rehearsal_speed (PlenaryChairWindow *self,
                     guint               speed)
{
  PlenaryClock *clock;
  g_autoptr (GDateTime) first = NULL;
  g_autoptr (GDateTime) start = NULL;

  if (speed > 0)
    {
      first = first_start_in_room (self);
      if (first == NULL)
        return;
    }
  clock = ensure_private_clock (self);
  if (speed == 0)
    plenary_clock_set_system (clock);
  else
    {
      start = g_date_time_add (first, -REHEARSAL_LEAD);
      plenary_clock_set_rehearsal (clock, start, speed);
    }
  if (self->rehearsal_speed != speed)
    {
      self->rehearsal_speed = speed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REHEARSAL_SPEED]);
    }
  plenary_chair_window_update (self);
}

static void
rehearse_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_rehearsal_speed (PLENARY_CHAIR_WINDOW (widget), g_variant_get_uint32 (parameter));
}

/* GObject */

static void
plenary_chair_window_dispose (GObject *object)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  set_clock (self, NULL);
  if (self->user_data != NULL)
    g_clear_signal_handler (&self->user_data_changed_id, self->user_data);
  g_clear_object (&self->user_data);
  g_clear_object (&self->private_clock);
  plenary_chair_state_clear (&self->state);
  if (self->records != NULL)
    g_hash_table_remove_all (self->records);
  g_clear_object (&self->schedule);
  self->room = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_CHAIR_WINDOW);

  G_OBJECT_CLASS (plenary_chair_window_parent_class)->dispose (object);
}

static void
plenary_chair_window_finalize (GObject *object)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_free (self->room_name);
  g_free (self->note_key);
  g_free (self->export_text);

  G_OBJECT_CLASS (plenary_chair_window_parent_class)->finalize (object);
}

static void
plenary_chair_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_WARNING_MINUTES:
      g_value_set_uint (value, self->warning_minutes);
      break;
    case PROP_ALERTS:
      g_value_set_boolean (value, self->alerts);
      break;
    case PROP_REHEARSAL_SPEED:
      g_value_set_uint (value, self->rehearsal_speed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_chair_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlenaryChairWindow *self = PLENARY_CHAIR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      plenary_chair_window_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_WARNING_MINUTES:
      if (self->warning_minutes != g_value_get_uint (value))
        {
          self->warning_minutes = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
          plenary_chair_window_update (self);
        }
      break;
    case PROP_ALERTS:
      if (self->alerts != g_value_get_boolean (value))
        {
          self->alerts = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_REHEARSAL_SPEED:
      set_rehearsal_speed (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_chair_window_class_init (PlenaryChairWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_chair_window_dispose;
  object_class->finalize = plenary_chair_window_finalize;
  object_class->get_property = plenary_chair_window_get_property;
  object_class->set_property = plenary_chair_window_set_property;

  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL,
                         PLENARY_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING_MINUTES] =
    g_param_spec_uint ("warning-minutes", NULL, NULL,
                       0, 24 * 60, DEFAULT_WARNING_MINUTES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALERTS] =
    g_param_spec_boolean ("alerts", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0 for the real time, else how much faster than real time the rehearsal runs; the menu
   * shows it as the Clock's radio items. */
  properties[PROP_REHEARSAL_SPEED] =
    g_param_spec_uint ("rehearsal-speed", NULL, NULL,
                       0, 3600, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/plenary/Plenary/"
                                                             "ui/plenary-chair-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, rehearsal_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, rehearsal_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, clock_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, zone_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, buttons);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, left_caption);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, order_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, order_heading);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, order_list);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, drift_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, status_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, left_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, current_heading);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, current_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, current_speakers);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, current_times);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, next_heading);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, next_title);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, next_speakers);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, started_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, ended_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryChairWindow, notes_view);

  gtk_widget_class_install_action (widget_class, "chair.started", NULL, started_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chair.started", NULL);
  gtk_widget_class_install_action (widget_class, "chair.ended", NULL, ended_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chair.ended", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chair.ended", NULL);
  gtk_widget_class_install_action (widget_class, "chair.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "chair.undo", NULL);
  gtk_widget_class_install_action (widget_class, "chair.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "chair.fullscreen", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, leave_fullscreen, NULL);
  gtk_widget_class_install_action (widget_class, "chair.export-minutes", NULL,
                                   export_minutes_action);
  gtk_widget_class_install_action (widget_class, "chair.rehearse", "u", rehearse_action);
  gtk_widget_class_install_property_action (widget_class, "chair.rehearsal-speed",
                                            "rehearsal-speed");
}

static void
plenary_chair_window_init (PlenaryChairWindow *self)
{
  GtkWidget *buttons;

  gtk_widget_init_template (GTK_WIDGET (self));
  buttons = self->buttons;

  self->warning_minutes = DEFAULT_WARNING_MINUTES;
  self->alerts = TRUE;
  self->cancellable = g_cancellable_new ();
  self->records = g_hash_table_new_full (NULL, NULL, NULL, record_free);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_signal_connect_swapped (self, "notify::fullscreened",
                            G_CALLBACK (on_fullscreened_changed), self);
  g_signal_connect_swapped (self, "notify::default-width",
                            G_CALLBACK (on_default_width_changed), self);

  /* "Overrun +3:20" must fit a narrow window: let it break between its words. */
  gtk_label_set_wrap (self->left_label, TRUE);
  /* Otherwise a wrapping label asks for little width and "On schedule" breaks needlessly. */
  gtk_label_set_max_width_chars (self->drift_label, 28);
  gtk_label_set_width_chars (self->drift_label, 12);
  /* One colour for the bar, set by phase, instead of the level bar's low/high/full. */
  gtk_level_bar_remove_offset_value (self->progress, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->progress, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->progress, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->progress), "chair-progress");

  /* A click must not leave focus on a button, or the next Space would press it again
   * (Undo, say) instead of "Started Now". */
  for (GtkWidget *button = gtk_widget_get_first_child (buttons);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    gtk_widget_set_focus_on_click (button, FALSE);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_buffer_changed), self);
  /* "_Started Now" is named by its text alone, not its label property and its text. */
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

PlenaryChairWindow *
plenary_chair_window_new (GtkApplication  *application,
                          PlenarySchedule *schedule,
                          PlenaryUserData *user_data,
                          PlenaryRoom     *room,
                          PlenaryClock    *clock)
{
  g_autofree char *title = NULL;
  PlenaryChairWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PLENARY_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (user_data == NULL || PLENARY_IS_USER_DATA (user_data), NULL);
  g_return_val_if_fail (room != NULL, NULL);
  g_return_val_if_fail (clock == NULL || PLENARY_IS_CLOCK (clock), NULL);

  self = g_object_new (PLENARY_TYPE_CHAIR_WINDOW, "application", application, NULL);
  self->room_name = g_strdup (plenary_room_get_name (room));
  if (user_data != NULL)
    {
      self->user_data = g_object_ref (user_data);
      self->user_data_changed_id = g_signal_connect (user_data, "changed",
                                                     G_CALLBACK (on_user_data_changed), self);
    }
  /* The app's clock ticks once a minute for every view; the chair's needs seconds, so it gets
   * a system clock of its own. A clock passed in for tests or rehearsal is followed as is. */
  if (clock == NULL || clock == plenary_clock_get_default ())
    ensure_private_clock (self);
  else
    set_clock (self, clock);

  adw_window_title_set_title (self->window_title, self->room_name);
  /* Translators: the chair window's title; %s is a room. */
  title = g_strdup_printf (_("Chair: %s"), self->room_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  plenary_chair_window_set_schedule (self, schedule);
  return self;
}

void
plenary_chair_window_set_schedule (PlenaryChairWindow *self,
                                   PlenarySchedule    *schedule)
{
  g_return_if_fail (PLENARY_IS_CHAIR_WINDOW (self));
  g_return_if_fail (schedule == NULL || PLENARY_IS_SCHEDULE (schedule));

  if (self->schedule == schedule)
    return;
  /* The state holds entries of the old snapshot; a new one is no threshold crossed. */
  plenary_chair_state_clear (&self->state);
  self->have_state = FALSE;
  g_hash_table_remove_all (self->records);
  g_set_object (&self->schedule, schedule);
  /* Rooms are matched by name: a new snapshot has new objects. */
  self->room = schedule != NULL && self->room_name != NULL
               ? plenary_schedule_lookup_room (schedule, self->room_name) : NULL;
  adw_window_title_set_subtitle (self->window_title,
                                 schedule != NULL ? plenary_schedule_get_title (schedule) : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
  plenary_chair_window_update (self);
}

const PlenaryChairState *
plenary_chair_window_get_state (PlenaryChairWindow *self)
{
  g_return_val_if_fail (PLENARY_IS_CHAIR_WINDOW (self), NULL);

  return &self->state;
}

void
plenary_chair_window_set_schedule_from_event (GObject            *event,
                                              GParamSpec         *pspec,
                                              PlenaryChairWindow *self)
{
  PlenarySchedule *schedule = plenary_event_get_schedule (PLENARY_EVENT (event));

  if (schedule != NULL)
    plenary_chair_window_set_schedule (self, schedule);
}
