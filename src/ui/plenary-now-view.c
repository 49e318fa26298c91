/* plenary-now-view.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-format.h"
#include "plenary-now-view.h"
#include "plenary-view.h"

struct _PlenaryNowView
{
  GtkWidget        parent_instance;

  PlenarySchedule *schedule;
  PlenaryUserData *user_data;
  PlenaryClock    *clock;
  PlenaryNowState *state;
  char            *signature;     /* of what is on screen, to skip rebuilding the same */

  GtkStack        *stack;
  AdwStatusPage   *status_page;
  GtkLabel        *summary_label;
  GtkBox          *rooms_box;
  GtkListBox      *folded_list;
  AdwExpanderRow  *folded_row;
  GPtrArray       *folded_rows;   /* the rows added to folded_row, to remove them again */
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryNowView, plenary_now_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLENARY_TYPE_VIEW, NULL))

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_USER_DATA,
  PROP_CLOCK,
};

static void refresh (PlenaryNowView *self);

static GTimeZone *
get_zone (PlenaryNowView *self)
{
  return plenary_schedule_get_timezone (self->schedule);
}

/* Whole minutes, rounded up: "1 min left" until the last second of a talk. */
static int
minutes_of (GTimeSpan span)
{
  return (int) ((ABS (span) + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
}

static const char *
room_name (PlenaryRoom *room)
{
  const char *name = plenary_room_get_name (room);

  return name[0] != '\0' ? name : _("No Room");
}

static char *
describe_left (PlenaryNowItem *item)
{
  int minutes = minutes_of (item->left);

  if (item->left <= 0)
    /* Translators: how long a talk has run past its expected end. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min over", "%d min over",
                                         minutes), minutes);
  /* Translators: how long until the talk on now is expected to end. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min left", "%d min left", minutes),
                          minutes);
}

static char *
describe_left_long (PlenaryNowItem *item)
{
  int minutes = minutes_of (item->left);

  if (item->left <= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute over time",
                                         "%d minutes over time", minutes), minutes);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left", "%d minutes left",
                                       minutes), minutes);
}

/* "in 5 min" for what starts within the hour, else NULL. */
static char *
describe_until (PlenaryNowItem *item)
{
  int minutes = minutes_of (item->left);

  if (item->left >= G_TIME_SPAN_HOUR)
    return NULL;
  /* Translators: how soon the next talk starts. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d min", "in %d min", minutes),
                          minutes);
}

/* "Tuesday 07:00" for another day than @now's, else "07:00". */
static char *
describe_start (PlenaryNowView *self,
                GDateTime      *start,
                gboolean       *other_day)
{
  g_autoptr (GDateTime) local_start = g_date_time_to_timezone (start, get_zone (self));
  g_autoptr (GDateTime) local_now = g_date_time_to_timezone (self->state->now, get_zone (self));
  g_autofree char *time = plenary_format_time (start, get_zone (self));

  gboolean same = g_date_time_get_year (local_start) == g_date_time_get_year (local_now)
                  && g_date_time_get_day_of_year (local_start)
                     == g_date_time_get_day_of_year (local_now);

  if (other_day != NULL)
    *other_day = !same;
  if (same)
    return g_steal_pointer (&time);
  {
    /* Translators: a weekday, for the start of a talk on another day. */
    g_autofree char *day = g_date_time_format (local_start, _("%A"));

    /* Translators: a weekday and a time, e.g. "Tuesday 07:00". */
    return g_strdup_printf (_("%s %s"), day, time);
  }
}

static char *
speakers_of (PlenaryEntry *entry)
{
  g_autofree char *people = plenary_format_people (plenary_entry_get_speakers (entry), FALSE);

  /* Only ever composed into a sentence ("Now, until 10:30 · %s"), so isolated for RTL. */
  return plenary_format_isolate (people);
}

static GtkWidget *
star_image (void)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("starred-symbolic");

  gtk_widget_set_tooltip_text (image, _("Starred"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Starred"), -1);
  gtk_widget_add_css_class (image, "accent");
  return image;
}

static void
on_row_activated (AdwActionRow   *row,
                  PlenaryNowView *self)
{
  PlenaryEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  if (entry != NULL)
    plenary_view_entry_activated (PLENARY_VIEW (self), entry);
}

/* A row that opens @entry; @key names it across rebuilds, to keep the keyboard focus. */
static GtkWidget *
new_row (PlenaryNowView *self,
         PlenaryEntry   *entry,
         const char     *title,
         const char     *subtitle,
         const char     *key)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Server text: two lines at most, never a wall of text. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  if (entry != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);
    }
  return row;
}

static GtkWidget *
current_row (PlenaryNowView *self,
             PlenaryNowRoom *room,
             PlenaryNowItem *item)
{
  g_autofree char *until = plenary_format_time (item->end, get_zone (self));
  g_autofree char *speakers = speakers_of (item->entry);
  g_autofree char *left = describe_left (item);
  g_autofree char *left_long = describe_left_long (item);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key = g_strconcat ("now:", plenary_entry_get_id (item->entry), NULL);
  GtkWidget *row, *box, *left_label, *bar;

  /* Translators: the talk on now, e.g. "Now, until 10:30 · Ada Lovelace". */
  subtitle = speakers[0] != '\0' ? g_strdup_printf (_("Now, until %s · %s"), until, speakers)
                                 : g_strdup_printf (_("Now, until %s"), until);
  row = new_row (self, item->entry, plenary_entry_get_title (item->entry), subtitle, key);
  if (item->starred)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), star_image ());

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  left_label = gtk_label_new (left);
  gtk_label_set_xalign (GTK_LABEL (left_label), 1);
  gtk_widget_add_css_class (left_label, "caption");
  gtk_widget_add_css_class (left_label, "numeric");
  if (item->left <= 0)
    gtk_widget_add_css_class (left_label, "warning");
  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), item->progress);
  /* The level bar's offsets colour it by value, which reads as a warning here: no offsets. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 64, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress"), -1);
  gtk_box_append (GTK_BOX (box), left_label);
  gtk_box_append (GTK_BOX (box), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  /* Translators: what a screen reader says for the talk on now in a room:
   * room, title, time left, end, e.g.
   * "Kernel Summit: now, Title, 12 minutes left, until 10:30". */
  label = g_strdup_printf (_("%s: now, %s, %s, until %s"), room_name (room->room),
                           plenary_entry_get_title (item->entry), left_long, until);
  if (item->starred)
    {
      /* Translators: appended to a row's spoken label for a starred talk. */
      g_autofree char *starred = g_strdup_printf (_("%s, starred"), label);

      g_free (label);
      label = g_steal_pointer (&starred);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static GtkWidget *
next_row (PlenaryNowView *self,
          PlenaryNowRoom *room,
          PlenaryNowItem *item,
          gboolean        folded)
{
  gboolean other_day = FALSE;
  g_autofree char *start = describe_start (self, item->start, &other_day);
  g_autofree char *speakers = speakers_of (item->entry);
  g_autofree char *until = describe_until (item);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key = g_strconcat (folded ? "room:" : "next:",
                                      plenary_entry_get_id (item->entry), NULL);
  const char *title = plenary_entry_get_title (item->entry);
  g_autofree char *isolated_title = plenary_format_isolate (title);
  GtkWidget *row;

  if (folded)
    {
      /* Translators: a room done for today, e.g. "Next: Tuesday 07:00 · Title". */
      subtitle = g_strdup_printf (_("Next: %s · %s"), start, isolated_title);
      row = new_row (self, item->entry, room_name (room->room), subtitle, key);
      /* Translators: spoken label of a room done for today: room, then when and what is next. */
      label = g_strdup_printf (_("%s: done for today, next %s, %s"), room_name (room->room),
                               start, title);
    }
  else
    {
      /* Translators: the next talk in a room, e.g. "Next at 10:30 · Ada Lovelace", or on a
       * later day "Next: Tuesday 07:00 · Ada Lovelace". */
      if (speakers[0] != '\0')
        subtitle = g_strdup_printf (!other_day ? _("Next at %s · %s") : _("Next: %s · %s"),
                                    start, speakers);
      else
        subtitle = g_strdup_printf (!other_day ? _("Next at %s") : _("Next: %s"), start);
      row = new_row (self, item->entry, title, subtitle, key);
      /* Translators: spoken label of the next talk in a room: room, title, start. */
      label = g_strdup_printf (_("%s: next, %s, at %s"), room_name (room->room), title, start);
      if (until != NULL)
        {
          GtkWidget *soon = gtk_label_new (until);

          gtk_widget_add_css_class (soon, "caption");
          gtk_widget_add_css_class (soon, "dim-label");
          gtk_widget_add_css_class (soon, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), soon);
        }
    }
  if (item->starred)
    {
      g_autofree char *starred = g_strdup_printf (_("%s, starred"), label);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), star_image ());
      g_free (label);
      label = g_steal_pointer (&starred);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static GtkWidget *
room_section (PlenaryNowView *self,
              PlenaryNowRoom *room)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (room_name (room->room));
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  if (room->delay >= G_TIME_SPAN_MINUTE)
    {
      int minutes = (int) (room->delay / G_TIME_SPAN_MINUTE);
      /* Translators: the chair's records say the room runs late by this much. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Running %d min late",
                                                            "Running %d min late", minutes),
                                               minutes);
      GtkWidget *late = gtk_label_new (text);

      gtk_widget_add_css_class (late, "caption");
      gtk_widget_add_css_class (late, "warning");
      gtk_widget_set_valign (late, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (header), late);
    }
  gtk_box_append (GTK_BOX (section), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  room_name (room->room), -1);
  for (guint i = 0; i < room->current->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         current_row (self, room, g_ptr_array_index (room->current, i)));
  if (room->next != NULL)
    gtk_list_box_append (GTK_LIST_BOX (list), next_row (self, room, room->next, FALSE));
  gtk_box_append (GTK_BOX (section), list);
  return section;
}

static GtkWidget *
done_row (PlenaryNowView *self,
          PlenaryNowRoom *room)
{
  g_autofree char *key = g_strconcat ("done:", plenary_room_get_name (room->room), NULL);
  g_autofree char *label = NULL;
  GtkWidget *row;

  if (room->next != NULL)
    return next_row (self, room, room->next, TRUE);
  row = new_row (self, NULL, room_name (room->room), _("No more talks"), key);
  /* Translators: spoken label of a room whose talks are all over. */
  label = g_strdup_printf (_("%s: no more talks"), room_name (room->room));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

/* What is on screen, as text: an unchanged one means nothing to rebuild. */
static char *
describe_state (PlenaryNowState *state)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%d|%d|", state->phase,
                          (int) (g_date_time_to_unix (state->now) / 60));
  for (guint i = 0; i < state->rooms->len; i++)
    {
      PlenaryNowRoom *room = g_ptr_array_index (state->rooms, i);

      g_string_append_printf (text, "%s|%d|%d|", plenary_room_get_name (room->room), room->folded,
                              minutes_of (room->delay));
      for (guint c = 0; c < room->current->len; c++)
        {
          PlenaryNowItem *item = g_ptr_array_index (room->current, c);

          g_string_append_printf (text, "c%s|%d|%d|%d|", plenary_entry_get_id (item->entry),
                                  minutes_of (item->left), item->left <= 0, item->starred);
        }
      if (room->next != NULL)
        g_string_append_printf (text, "n%s|%" G_GINT64_FORMAT "|%d|",
                                plenary_entry_get_id (room->next->entry),
                                g_date_time_to_unix (room->next->start), room->next->starred);
    }
  return g_string_free (text, FALSE);
}

/* The key of the row with the keyboard focus, if it is one of ours. */
static char *
dup_focused_key (PlenaryNowView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self); focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "key") != NULL)
      return g_strdup (g_object_get_data (G_OBJECT (focus), "key"));
  return NULL;
}

static gboolean
focus_key (GtkWidget  *widget,
           const char *key)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "key"), key) == 0)
    return gtk_widget_grab_focus (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (focus_key (child, key))
      return TRUE;
  return FALSE;
}

static void
show_outside (PlenaryNowView *self)
{
  PlenaryNowState *state = self->state;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *event_title = NULL;

  if (self->schedule != NULL)
    event_title = plenary_format_isolate (plenary_schedule_get_title (self->schedule));
  if (state == NULL || state->phase == PLENARY_NOW_EMPTY)
    {
      adw_status_page_set_title (self->status_page, _("No Talks Scheduled"));
      adw_status_page_set_description (self->status_page,
                                       _("Talks show here, room by room, once the programme has "
                                         "times."));
    }
  else if (state->phase == PLENARY_NOW_BEFORE)
    {
      g_autoptr (GDateTime) start = g_date_time_to_timezone (state->first_start, get_zone (self));
      g_autofree char *day = plenary_format_day_long (start);
      g_autofree char *time = plenary_format_time (start, get_zone (self));
      GTimeSpan wait = g_date_time_difference (state->first_start, state->now);
      g_autofree char *when = NULL;

      if (wait >= G_TIME_SPAN_DAY)
        {
          int days = (int) ((wait + G_TIME_SPAN_DAY - 1) / G_TIME_SPAN_DAY);

          when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days),
                                  days);
        }
      else if (wait >= G_TIME_SPAN_HOUR)
        {
          int hours = (int) (wait / G_TIME_SPAN_HOUR);

          when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d hour", "in %d hours",
                                               hours), hours);
        }
      else
        {
          int minutes = minutes_of (wait);

          when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d minute",
                                               "in %d minutes", minutes), minutes);
        }
      /* Translators: %s is a day, e.g. "Monday 20 September". */
      title = g_strdup_printf (_("Starts %s"), day);
      /* Translators: the event's title, when its first talk starts, and how soon. */
      description = g_strdup_printf (_("%s begins at %s, %s. What is on in every room shows "
                                       "here then."), event_title, time, when);
      adw_status_page_set_title (self->status_page, title);
      adw_status_page_set_description (self->status_page, description);
    }
  else
    {
      g_autoptr (GDateTime) end = g_date_time_to_timezone (state->last_end, get_zone (self));
      g_autofree char *day = plenary_format_day_long (end);
      g_autofree char *time = plenary_format_time (end, get_zone (self));

      /* Translators: the event's title, and the day and time its last talk ended. */
      description = g_strdup_printf (_("%s ended on %s at %s."), event_title, day, time);
      adw_status_page_set_title (self->status_page, _("The Event Is Over"));
      adw_status_page_set_description (self->status_page, description);
    }
  gtk_stack_set_visible_child_name (self->stack, "outside");
}

static void
show_rooms (PlenaryNowView *self)
{
  PlenaryNowState *state = self->state;
  g_autoptr (GDateTime) local_now = g_date_time_to_timezone (state->now, get_zone (self));
  g_autofree char *day = plenary_format_day_long (local_now);
  g_autofree char *time = plenary_format_time (state->now, get_zone (self));
  g_autofree char *zone = g_date_time_format (local_now, "%Z");
  g_autofree char *summary = NULL;
  g_autofree char *focused = dup_focused_key (self);
  GtkWidget *child;

  /* Translators: the day and time now, in the event's time zone, e.g.
   * "Monday 20 September, 09:12 EDT". */
  summary = g_strdup_printf (_("%s, %s %s"), day, time, zone);
  if (plenary_zones_differ_at (get_zone (self), plenary_clock_get_timezone (self->clock),
                               state->now))
    {
      g_autofree char *local = plenary_format_time (state->now,
                                                    plenary_clock_get_timezone (self->clock));
      /* Translators: the time now in the event's zone, then in the user's, "… · 15:12 your
       * time". */
      g_autofree char *both = g_strdup_printf (_("%s · %s your time"), summary, local);

      g_free (summary);
      summary = g_steal_pointer (&both);
    }
  if (state->resumes != NULL)
    {
      g_autofree char *start = describe_start (self, state->resumes, NULL);
      /* Translators: nothing is on in any room; %s is when the next talk starts, "07:00" or
       * "Tuesday 07:00". */
      g_autofree char *more = g_strdup_printf (_("%s. Nothing on right now; next talks: %s."),
                                               summary, start);

      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rooms_box))) != NULL)
    gtk_box_remove (self->rooms_box, child);
  for (guint i = 0; i < self->folded_rows->len; i++)
    adw_expander_row_remove (self->folded_row, g_ptr_array_index (self->folded_rows, i));
  g_ptr_array_set_size (self->folded_rows, 0);

  for (guint i = 0; i < state->rooms->len; i++)
    {
      PlenaryNowRoom *room = g_ptr_array_index (state->rooms, i);

      if (!room->folded)
        gtk_box_append (self->rooms_box, room_section (self, room));
      else
        {
          GtkWidget *row = done_row (self, room);

          adw_expander_row_add_row (self->folded_row, row);
          g_ptr_array_add (self->folded_rows, row);
        }
    }
  if (state->n_folded > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u room",
                                                             "%u rooms", state->n_folded),
                                                state->n_folded);

      adw_expander_row_set_subtitle (self->folded_row, count);
    }
  /* With every room done (at night), the folded rooms are all there is: show them. */
  if (state->n_folded == state->rooms->len)
    adw_expander_row_set_expanded (self->folded_row, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->folded_list), state->n_folded > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rooms_box), state->n_folded < state->rooms->len);
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (focused != NULL)
    focus_key (GTK_WIDGET (self), focused);
}

static void
refresh (PlenaryNowView *self)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *signature = NULL;

  g_clear_pointer (&self->state, plenary_now_state_free);
  if (self->schedule == NULL)
    {
      g_clear_pointer (&self->signature, g_free);
      show_outside (self);
      return;
    }
  now = plenary_clock_get_now (self->clock);
  self->state = plenary_now_state_new (self->schedule, self->user_data, now);
  signature = describe_state (self->state);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  if (self->state->phase == PLENARY_NOW_DURING)
    show_rooms (self);
  else
    show_outside (self);
}

/* Stars and the chair's records change what is shown; so does every minute. */
static void
invalidate (PlenaryNowView *self)
{
  g_clear_pointer (&self->signature, g_free);
  refresh (self);
}

void
plenary_now_view_set_schedule (PlenaryNowView  *self,
                               PlenarySchedule *schedule,
                               PlenaryUserData *user_data)
{
  g_return_if_fail (PLENARY_IS_NOW_VIEW (self));

  if (self->user_data != user_data)
    {
      if (self->user_data != NULL)
        g_signal_handlers_disconnect_by_func (self->user_data, invalidate, self);
      g_set_object (&self->user_data, user_data);
      if (user_data != NULL)
        g_signal_connect_object (user_data, "changed", G_CALLBACK (invalidate), self,
                                 G_CONNECT_SWAPPED);
    }
  g_set_object (&self->schedule, schedule);
  invalidate (self);
}

void
plenary_now_view_set_clock (PlenaryNowView *self,
                            PlenaryClock   *clock)
{
  g_return_if_fail (PLENARY_IS_NOW_VIEW (self));

  if (!plenary_view_follow_clock (PLENARY_VIEW (self), &self->clock, clock,
                                  G_CALLBACK (refresh), G_CALLBACK (invalidate)))
    return;
  invalidate (self);
}

PlenaryNowState *
plenary_now_view_get_state (PlenaryNowView *self)
{
  g_return_val_if_fail (PLENARY_IS_NOW_VIEW (self), NULL);

  return self->state;
}

static void
plenary_now_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlenaryNowView *self = PLENARY_NOW_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_now_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlenaryNowView *self = PLENARY_NOW_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      plenary_now_view_set_schedule (self, g_value_get_object (value), self->user_data);
      break;
    case PROP_USER_DATA:
      plenary_now_view_set_schedule (self, self->schedule, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      plenary_now_view_set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_now_view_dispose (GObject *object)
{
  PlenaryNowView *self = PLENARY_NOW_VIEW (object);

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_NOW_VIEW);
  g_clear_object (&self->clock);
  g_clear_object (&self->schedule);
  g_clear_object (&self->user_data);
  g_clear_pointer (&self->state, plenary_now_state_free);

  G_OBJECT_CLASS (plenary_now_view_parent_class)->dispose (object);
}

static void
plenary_now_view_finalize (GObject *object)
{
  PlenaryNowView *self = PLENARY_NOW_VIEW (object);

  g_free (self->signature);
  g_clear_pointer (&self->folded_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_now_view_parent_class)->finalize (object);
}

static void
plenary_now_view_class_init (PlenaryNowViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_now_view_get_property;
  object_class->set_property = plenary_now_view_set_property;
  object_class->dispose = plenary_now_view_dispose;
  object_class->finalize = plenary_now_view_finalize;

  g_object_class_override_property (object_class, PROP_SCHEDULE, "schedule");
  g_object_class_override_property (object_class, PROP_USER_DATA, "user-data");
  g_object_class_override_property (object_class, PROP_CLOCK, "clock");

  /**
   * PlenaryNowView::entry-activated:
   * @entry: the talk or break chosen
   */

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-now-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryNowView, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryNowView, status_page);
  gtk_widget_class_bind_template_child (widget_class, PlenaryNowView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryNowView, rooms_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryNowView, folded_list);
  gtk_widget_class_bind_template_child (widget_class, PlenaryNowView, folded_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_now_view_init (PlenaryNowView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->folded_rows = g_ptr_array_new ();
  plenary_now_view_set_clock (self, plenary_clock_get_default ());
}
