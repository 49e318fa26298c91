/* plenary-schedule-view.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-a11y.h"
#include "plenary-day-switcher.h"
#include "plenary-entry-page.h"
#include "model/plenary-array-model.h"
#include "plenary-entry-row.h"
#include "plenary-filter-bar.h"
#include "plenary-format.h"
#include "plenary-schedule-view.h"
#include "plenary-search-engine.h"
#include "plenary-view.h"
#include "util/plenary-clock.h"

struct _PlenaryScheduleView
{
  GtkWidget         parent_instance;

  PlenarySchedule  *schedule;
  PlenaryUserData  *user_data;
  guint             rebuild_idle;
  guint             day;
  PlenaryDensity    density;
  gboolean          show_notes;
  gboolean          local_time;
  char             *search_query;     /* folded, as typed; NULL when not searching */
  GCancellable     *search_cancellable; /* of the search asked for it, until it answers */
  GPtrArray        *results;          /* PlenaryEntry: the answer shown; NULL for the day */
  GStrv             results_terms;    /* the query answered, split, for highlighting */
  PlenaryClock     *clock;
  GDateTime        *bind_now;
  GTimeZone        *local_zone;
  gint64            line_minute;      /* the minute the rows were last bound in, for ticks */
  gboolean          line_running;     /* whether the event was running then */

  PlenaryArrayModel *items;
  PlenaryRowSlots  *slots;            /* the places of items: what the list shows */
  GHashTable       *numbers;          /* PlenaryEntry → number within its day */
  PlenarySearchEngine *search_engine; /* of the schedule shown */

  AdwLeaflet       *leaflet;
  GtkSearchBar     *search_bar;
  GtkSearchEntry   *search_entry;
  PlenaryDaySwitcher *day_switcher;
  PlenaryFilterBar *filter_bar;
  GtkWidget        *now_button;
  GtkRevealer      *filter_revealer;
  GtkLabel         *filter_label;
  GtkStack         *content_stack;
  GtkGridView      *list_view;
  AdwStatusPage    *empty_page;
  PlenaryEntryPage *entry_page;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryScheduleView, plenary_schedule_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLENARY_TYPE_VIEW, NULL))

enum {
  PROP_0,
  PROP_DAY,
  PROP_DENSITY,
  PROP_SHOW_NOTES,
  PROP_LOCAL_TIME,
  N_PROPS,
  PROP_SCHEDULE = N_PROPS,     /* PlenaryView's */
  PROP_USER_DATA,
  PROP_CLOCK,
};

static GParamSpec *properties[N_PROPS];

static const char *density_names[] = { "detailed", "compact", "numbered" };

static void rebuild                   (PlenaryScheduleView *self);
static void show_page                 (PlenaryScheduleView *self);
static void renew_rows                (PlenaryScheduleView *self);
static void update_page_now           (PlenaryScheduleView *self);
static gboolean rebuild_idle_cb       (gpointer             user_data);

GtkWidget *
plenary_schedule_view_new (void)
{
  return g_object_new (PLENARY_TYPE_SCHEDULE_VIEW, NULL);
}

static GTimeZone *
display_zone (PlenaryScheduleView *self)
{
  if (self->local_time || self->schedule == NULL)
    return self->local_zone;
  return plenary_schedule_get_timezone (self->schedule);
}

static GDateTime *
get_now (PlenaryScheduleView *self)
{
  return plenary_clock_get_now (self->clock);
}

static gboolean
event_is_running (PlenaryScheduleView *self,
                  GDateTime           *now)
{
  return self->schedule != NULL
         && g_date_time_compare (now, plenary_schedule_get_start (self->schedule)) >= 0
         && g_date_time_compare (now, plenary_schedule_get_end (self->schedule)) < 0;
}

/* The day of the event @instant falls on, in the event's zone; -1 outside the event. */
static int
day_of_instant (PlenaryScheduleView *self,
                GDateTime           *instant)
{
  GListModel *days = plenary_schedule_get_days (self->schedule);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (instant,
                                                         plenary_schedule_get_timezone (self->schedule));

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr (PlenaryDay) day = g_list_model_get_item (days, i);
      GDateTime *date = plenary_day_get_date (day);

      if (g_date_time_get_year (date) == g_date_time_get_year (local)
          && g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (local))
        return i;
    }
  return -1;
}

static gboolean
is_starred_cb (PlenaryEntry *entry,
               gpointer      user_data)
{
  PlenaryScheduleView *self = user_data;

  return self->user_data != NULL
         && plenary_user_data_get_starred (self->user_data, plenary_entry_get_user_key (entry));
}

static const char *
get_note_cb (PlenaryEntry *entry,
             gpointer      user_data)
{
  PlenaryScheduleView *self = user_data;

  return self->user_data != NULL
         ? plenary_user_data_get_note (self->user_data, plenary_entry_get_user_key (entry))
         : NULL;
}

static const char *
get_warning_cb (PlenaryEntry *entry,
                gpointer      user_data)
{
  PlenaryScheduleView *self = user_data;

  return plenary_schedule_view_is_changed (self, entry) ? _("Changed") : NULL;
}

static guint
get_number_cb (PlenaryEntry *entry,
               gpointer      user_data)
{
  PlenaryScheduleView *self = user_data;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, entry));
}

static void
set_starred_cb (PlenaryEntry *entry,
                gboolean      starred,
                gpointer      user_data)
{
  PlenaryScheduleView *self = user_data;

  if (self->user_data != NULL)
    plenary_user_data_set_starred (self->user_data, plenary_entry_get_user_key (entry), starred);
}

static void
fill_context (gpointer           user_data,
              PlenaryRowContext *context)
{
  PlenaryScheduleView *self = user_data;
  GDateTime *now;

  /* Rows compare with it only while binding; keep it alive until the next bind. */
  g_clear_pointer (&self->bind_now, g_date_time_unref);
  self->bind_now = get_now (self);
  now = self->bind_now;

  *context = (PlenaryRowContext) {
    .zone = display_zone (self),
    .density = self->density,
    .show_notes = self->show_notes,
    .show_day = self->results != NULL,
    .now = event_is_running (self, now) ? now : NULL,
    .is_starred = is_starred_cb,
    .get_note = get_note_cb,
    .get_number = get_number_cb,
    .get_warning = get_warning_cb,
    .set_starred = self->user_data != NULL ? set_starred_cb : NULL,
    .open_entry = plenary_entry_page_get_entry (self->entry_page),
    .highlight = self->results != NULL ? (const char * const *) self->results_terms : NULL,
    .user_data = self,
  };
}

static gboolean
passes_filters (PlenaryScheduleView *self,
                PlenaryEntry        *entry)
{
  return plenary_filter_bar_matches (self->filter_bar, entry);
}

static gboolean
has_filters (PlenaryScheduleView *self)
{
  return plenary_filter_bar_is_active (self->filter_bar);
}

/* Numbers count the day's talks down the page, as Indico's numbered style does, whatever the
 * filters hide, so a number names one talk for everybody in the room. */
static void
number_day (PlenaryScheduleView *self,
            guint                day_index)
{
  g_autoptr (GPtrArray) rows = plenary_schedule_dup_day_rows (self->schedule, day_index,
                                                              display_zone (self));
  guint number = 0;

  g_hash_table_remove_all (self->numbers);
  for (guint i = 0; i < rows->len; i++)
    {
      PlenaryEntry *row = g_ptr_array_index (rows, i);

      if (plenary_entry_get_kind (row) == PLENARY_ENTRY_KIND_CONTRIBUTION
          && !g_hash_table_contains (self->numbers, row))
        g_hash_table_insert (self->numbers, row, GUINT_TO_POINTER (++number));
    }
}

/* The day's rows come from the model: each talk under the day it starts on, in the zone the
 * times are shown in, so a block crossing midnight shows each day its own part. */
static void
fill_day (PlenaryScheduleView *self,
          GPtrArray           *out)
{
  g_autoptr (GPtrArray) rows = plenary_schedule_dup_day_rows (self->schedule, self->day,
                                                              display_zone (self));

  for (guint i = 0; i < rows->len; i++)
    {
      PlenaryEntry *item = g_ptr_array_index (rows, i);

      if (plenary_entry_get_kind (item) == PLENARY_ENTRY_KIND_BLOCK)
        {
          guint header_at = out->len;
          guint n_children = 0;

          g_ptr_array_add (out, g_object_ref (item));
          for (; i + 1 < rows->len
                 && plenary_entry_get_block (g_ptr_array_index (rows, i + 1)) == item; i++)
            {
              PlenaryEntry *child = g_ptr_array_index (rows, i + 1);

              n_children++;
              if (passes_filters (self, child))
                g_ptr_array_add (out, g_object_ref (child));
            }
          /* A block whose talks are all filtered out is noise; an empty block is not. */
          if (out->len == header_at + 1 && (n_children > 0 || !passes_filters (self, item)))
            g_ptr_array_remove_index (out, header_at);
        }
      else if (passes_filters (self, item))
        g_ptr_array_add (out, g_object_ref (item));
    }
}

static void
fill_search_results (PlenaryScheduleView *self,
                     GPtrArray           *out)
{
  GListModel *days = plenary_schedule_get_days (self->schedule);
  int n_days = g_list_model_get_n_items (days);
  int last_day = -1;

  for (guint k = 0; k < self->results->len; k++)
    {
      PlenaryEntry *entry = g_ptr_array_index (self->results, k);
      int day;

      if (!passes_filters (self, entry))
        continue;
      day = plenary_entry_get_day_index (entry);
      /* The results are the schedule's own (see carry_results ()); -1: unscheduled. */
      if (day != last_day && day >= 0 && day < n_days)
        {
          g_ptr_array_add (out, g_list_model_get_item (days, day));
          last_day = day;
        }
      g_ptr_array_add (out, g_object_ref (entry));
    }
}

static void
update_filter_bar (PlenaryScheduleView *self)
{
  g_autofree char *text = plenary_filter_bar_dup_summary (self->filter_bar);

  gtk_label_set_text (self->filter_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), text);
  gtk_revealer_set_reveal_child (self->filter_revealer, text != NULL);
}

static void
update_empty_state (PlenaryScheduleView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      return;
    }

  if (self->results != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       _("No talk, speaker, room or track matches your search"));
    }
  else if (has_filters (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "plenary-filter-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing Matches the Filters"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another day, or clear the filters"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing Scheduled"));
      adw_status_page_set_description (self->empty_page,
                                       _("There are no talks on this day of the event"));
    }
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static gboolean
is_top_level (PlenaryEntry *entry)
{
  return plenary_entry_get_block (entry) == NULL;
}

/* Where the now-line goes among a day's items, or -1 for none: between the items that have
 * started and those that have not, counting a block as one item so that parallel sessions stay
 * whole; only when a block is the one thing under way does the line go between its talks,
 * after the last that has started. */
static int
now_line_position (PlenaryScheduleView *self,
                   GPtrArray           *items,
                   GDateTime           *now)
{
  GDateTime *first_start = NULL, *last_end = NULL;
  int position = items->len, running_block = -1, last_started = -1;
  guint n_running = 0;

  if (items->len == 0 || !event_is_running (self, now) || day_of_instant (self, now) != (int) self->day)
    return -1;

  for (guint i = 0; i < items->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (items, i);
      GDateTime *start = plenary_entry_get_start (entry);
      GDateTime *end = plenary_entry_get_end (entry);

      if (start != NULL && (first_start == NULL || g_date_time_compare (start, first_start) < 0))
        first_start = start;
      if (end != NULL && (last_end == NULL || g_date_time_compare (end, last_end) > 0))
        last_end = end;
      if (!is_top_level (entry) || position < (int) items->len)
        continue;
      if (start != NULL && g_date_time_compare (start, now) > 0)
        {
          position = i;
          continue;
        }
      last_started = i;
      if (end != NULL && g_date_time_compare (end, now) > 0)
        {
          n_running++;
          running_block = plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_BLOCK ? (int) i : -1;
        }
    }

  /* Before the day's first item or after its last: now is not within the day's programme. */
  if (first_start == NULL || last_end == NULL || g_date_time_compare (now, first_start) < 0
      || g_date_time_compare (now, last_end) >= 0)
    return -1;

  if (n_running == 1 && running_block >= 0 && running_block == last_started)
    {
      for (position = running_block + 1; position < (int) items->len; position++)
        {
          PlenaryEntry *child = g_ptr_array_index (items, position);
          GDateTime *start = plenary_entry_get_start (child);

          if (is_top_level (child) || (start != NULL && g_date_time_compare (start, now) > 0))
            break;
        }
    }
  return position;
}

static gint64
minute_of (GDateTime *instant)
{
  return g_date_time_to_unix (instant) / 60;
}

static void
rebuild (PlenaryScheduleView *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) now = get_now (self);

  self->line_minute = minute_of (now);
  self->line_running = event_is_running (self, now);
  if (self->schedule != NULL)
    {
      if (self->results != NULL)
        fill_search_results (self, items);
      else
        {
          int position;

          fill_day (self, items);
          position = now_line_position (self, items, now);
          if (position >= 0)
            g_ptr_array_insert (items, position, plenary_now_marker_new (now));
        }
    }

  plenary_array_model_set (self->items, g_steal_pointer (&items));
  /* Showing slots, the rows on screen are bound again (which is also how density and
   * time-zone changes reach them) rather than destroyed and made anew. */
  plenary_row_slots_refresh (self->slots);
  update_filter_bar (self);
  update_empty_state (self);
}

/* The clock's minutes move the now-line and the "Now" and past states of the rows; outside the
 * event (and while searching, where there is no line) a minute changes nothing shown. */
static void
on_clock_tick (PlenaryScheduleView *self)
{
  g_autoptr (GDateTime) now = NULL;

  if (self->schedule == NULL)
    return;
  update_page_now (self);
  now = get_now (self);
  if (minute_of (now) == self->line_minute
      || (!self->line_running && !event_is_running (self, now)))
    return;
  if (self->results != NULL)
    {
      /* Only the rows on screen are bound again; the results stay. */
      self->line_minute = minute_of (now);
      plenary_row_slots_refresh (self->slots);
      return;
    }
  rebuild (self);
}

static void
on_clock_time_changed (PlenaryScheduleView *self)
{
  self->line_minute = G_MININT64;
  self->line_running = TRUE;
  on_clock_tick (self);
}

/* Tests and rehearsals give a clock of their own; its "time-changed" moves the line. */
static void
set_clock (PlenaryScheduleView *self,
           PlenaryClock        *clock)
{
  if (!plenary_view_follow_clock (PLENARY_VIEW (self), &self->clock, clock,
                                  G_CALLBACK (on_clock_tick), G_CALLBACK (on_clock_time_changed)))
    return;
  g_clear_pointer (&self->bind_now, g_date_time_unref);
  update_page_now (self);
  rebuild (self);
}

static void
on_day_switched (PlenaryScheduleView *self)
{
  plenary_schedule_view_set_day (self, plenary_day_switcher_get_day (self->day_switcher));
}

static void
on_filters_changed (PlenaryScheduleView *self)
{
  rebuild (self);
}

static void
cancel_search (PlenaryScheduleView *self)
{
  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
}

static void
search_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PlenaryScheduleView) self = user_data;
  g_autoptr (GError) error = NULL;
  GPtrArray *results = plenary_search_engine_search_finish (PLENARY_SEARCH_ENGINE (source_object),
                                                            result, &error);
  GStrv terms;
  gboolean new_query;

  /* A later keystroke, another schedule, or the view went: that search's answer is stale. */
  if (results == NULL)
    return;
  terms = plenary_search_terms (self->search_query);
  /* The same query answered again from a new snapshot of the event: the user may be halfway
   * down the results, and stays there. */
  new_query = self->results_terms == NULL
              || !g_strv_equal ((const char * const *) terms,
                                (const char * const *) self->results_terms);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->results_terms, g_strfreev);
  self->results = results;
  self->results_terms = terms;
  rebuild (self);
  /* Rows stay where they are when results change: show a new query's results from the top. */
  if (new_query)
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)),
                              0);
}

/* The list keeps what it shows (the day, or the last results) until the answer comes. */
static void
start_search (PlenaryScheduleView *self)
{
  cancel_search (self);
  self->search_cancellable = g_cancellable_new ();
  plenary_search_engine_search_async (self->search_engine, self->search_query,
                                      self->search_cancellable, search_done_cb,
                                      g_object_ref (self));
}

/* The answer for a new programme comes once its index is built, in a worker: meanwhile the
 * results are the same talks in the new snapshot of the event, in its order and under its days
 * (as its index will give them), and none for another event, whose day shows until then. */
static void
carry_results (PlenaryScheduleView *self,
               gboolean             same_event)
{
  g_autoptr (GPtrArray) old = g_steal_pointer (&self->results);
  g_autoptr (GHashTable) keys = NULL;
  GListModel *entries;

  if (old == NULL || !same_event)
    {
      g_clear_pointer (&self->results_terms, g_strfreev);
      return;
    }
  keys = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < old->len; i++)
    g_hash_table_add (keys, (gpointer) plenary_entry_get_user_key (g_ptr_array_index (old, i)));
  entries = plenary_schedule_get_entries (self->schedule);
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      PlenaryEntry *entry = g_list_model_get_item (entries, i);

      if (g_hash_table_contains (keys, plenary_entry_get_user_key (entry)))
        g_ptr_array_add (self->results, entry);
      else
        g_object_unref (entry);
    }
}

void
plenary_schedule_view_set_schedule (PlenaryScheduleView *self,
                                    PlenarySchedule     *schedule)
{
  g_autoptr (PlenaryEntry) shown = NULL;
  g_autoptr (GDateTime) now = NULL;
  PlenaryEntry *open;
  gboolean same_event;
  guint n_days;

  g_return_if_fail (PLENARY_IS_SCHEDULE_VIEW (self));

  if (self->schedule == schedule)
    return;

  /* Keep showing the same talk in a new snapshot of its event, found by its stable key; in
   * another event that key names another talk. */
  same_event = plenary_view_same_event (self->schedule, schedule);
  open = plenary_entry_page_get_entry (self->entry_page);
  if (open != NULL && same_event)
    {
      PlenaryEntry *same = plenary_schedule_lookup_user_key (schedule,
                                                             plenary_entry_get_user_key (open));

      shown = same != NULL ? g_object_ref (same) : NULL;
    }

  g_set_object (&self->schedule, schedule);
  plenary_search_engine_set_schedule (self->search_engine, schedule);
  if (self->search_query != NULL)
    {
      carry_results (self, same_event);
      start_search (self);
    }

  n_days = schedule != NULL ? g_list_model_get_n_items (plenary_schedule_get_days (schedule)) : 0;
  now = get_now (self);
  if (schedule != NULL && event_is_running (self, now))
    self->day = MAX (day_of_instant (self, now), 0);
  else if (self->day >= n_days)
    self->day = 0;
  if (schedule != NULL && n_days > 0)
    number_day (self, self->day);

  plenary_day_switcher_set_days (self->day_switcher,
                                 schedule != NULL ? plenary_schedule_get_days (schedule) : NULL,
                                 self->day);
  /* Filters gone from the new programme are rebuilt for below, with everything else. */
  g_signal_handlers_block_by_func (self->filter_bar, on_filters_changed, self);
  plenary_filter_bar_set_schedule (self->filter_bar, schedule);
  g_signal_handlers_unblock_by_func (self->filter_bar, on_filters_changed, self);
  plenary_entry_page_set_entry (self->entry_page, shown,
                                schedule ? plenary_schedule_get_timezone (schedule) : NULL,
                                self->local_zone);
  if (open != NULL && shown == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  plenary_entry_page_set_user_data (self->entry_page, self->user_data);
  rebuild (self);

  g_object_notify (G_OBJECT (self), "schedule");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

PlenarySchedule *
plenary_schedule_view_get_schedule (PlenaryScheduleView *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), NULL);

  return self->schedule;
}

guint
plenary_schedule_view_get_day (PlenaryScheduleView *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), 0);

  return self->day;
}

void
plenary_schedule_view_set_day (PlenaryScheduleView *self,
                               guint                day_index)
{
  g_return_if_fail (PLENARY_IS_SCHEDULE_VIEW (self));

  if (self->schedule == NULL
      || day_index >= g_list_model_get_n_items (plenary_schedule_get_days (self->schedule)))
    return;

  if (self->search_query != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* Also what makes the day switcher's "notify::day", below, come back here for nothing. */
  if (self->day == day_index)
    return;

  self->day = day_index;
  number_day (self, day_index);
  /* The page beside the list shows a talk of the day on screen, or none. */
  {
    PlenaryEntry *open = plenary_entry_page_get_entry (self->entry_page);

    if (open != NULL && plenary_entry_get_day_index (open) != (int) day_index)
      {
        plenary_entry_page_set_entry (self->entry_page, NULL, NULL, NULL);
        adw_leaflet_set_visible_child_name (self->leaflet, "list");
      }
  }
  plenary_day_switcher_set_day (self->day_switcher, day_index);
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

GListModel *
plenary_schedule_view_get_model (PlenaryScheduleView *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
plenary_schedule_view_get_number (PlenaryScheduleView *self,
                                  PlenaryEntry        *entry)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, entry));
}

gboolean
plenary_schedule_view_get_search_ready (PlenaryScheduleView *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), FALSE);

  return plenary_search_engine_get_ready (self->search_engine);
}

gboolean
plenary_schedule_view_get_search_pending (PlenaryScheduleView *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), FALSE);

  return self->search_cancellable != NULL;
}

void
plenary_schedule_view_set_search (PlenaryScheduleView *self,
                                  const char          *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (PLENARY_IS_SCHEDULE_VIEW (self));

  folded = plenary_fold_for_search (text);
  g_strstrip (folded);
  /* A trailing space, or a letter that folds away, changes nothing. */
  if (g_strcmp0 (folded[0] != '\0' ? folded : NULL, self->search_query) == 0)
    return;
  g_clear_pointer (&self->search_query, g_free);
  if (folded[0] != '\0')
    self->search_query = g_steal_pointer (&folded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->day_switcher), self->search_query == NULL);
  if (self->search_query != NULL)
    {
      start_search (self);
      return;
    }
  cancel_search (self);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->results_terms, g_strfreev);
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);
}

void
plenary_schedule_view_set_filters (PlenaryScheduleView *self,
                                   const char          *track,
                                   const char          *room,
                                   const char          *session)
{
  g_return_if_fail (PLENARY_IS_SCHEDULE_VIEW (self));

  plenary_filter_bar_set_filters (self->filter_bar, track, room, session);
}

PlenaryEntryPage *
plenary_schedule_view_get_entry_page (PlenaryScheduleView *self)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), NULL);

  return self->entry_page;
}

gboolean
plenary_schedule_view_is_changed (PlenaryScheduleView *self,
                                  PlenaryEntry        *entry)
{
  g_return_val_if_fail (PLENARY_IS_SCHEDULE_VIEW (self), FALSE);

  return self->user_data != NULL
         && plenary_user_data_get_changed (self->user_data, plenary_entry_get_user_key (entry));
}

void
plenary_schedule_view_show_entry (PlenaryScheduleView *self,
                                  PlenaryEntry        *entry)
{
  g_return_if_fail (PLENARY_IS_SCHEDULE_VIEW (self));

  /* Seen: the badge goes (the user data's "changed" rebuilds the rows). */
  if (entry != NULL && self->user_data != NULL)
    plenary_user_data_clear_changed (self->user_data, plenary_entry_get_user_key (entry));

  plenary_entry_page_set_entry (self->entry_page, entry,
                                self->schedule ? plenary_schedule_get_timezone (self->schedule)
                                               : NULL,
                                self->local_zone);
  plenary_entry_page_set_user_data (self->entry_page, self->user_data);
  update_page_now (self);
  /* The open talk is highlighted in the rows on screen. */
  plenary_row_slots_refresh (self->slots);
  show_page (self);
}

/* Side by side, focus stays in the list (browsing on with the arrow keys), and nothing on the
 * page is focused, which would select a label's text. Folded, the page replaces the list and
 * focus goes to its back button. */
static void
show_page (PlenaryScheduleView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr (GtkWidget) keep = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    keep = g_object_ref (focus);
  adw_leaflet_set_visible_child_name (self->leaflet, "entry");
  if (adw_leaflet_get_folded (self->leaflet))
    plenary_entry_page_focus_back (self->entry_page);
  else if (keep != NULL && gtk_widget_get_root (keep) == root)
    gtk_widget_grab_focus (keep);
}

static void
update_page_now (PlenaryScheduleView *self)
{
  g_autoptr (GDateTime) now = get_now (self);

  plenary_entry_page_set_now (self->entry_page, now);
}

/* A change of density (or of notes shown) makes the rows anew rather than binding them again:
 * GTK 4.8 kept some of their labels' old heights, and a title wrapped in four lines drew in the
 * one line it had in Compact, over its speakers. Rare enough that the thirty rows on screen
 * cost nothing. */
static void
renew_rows (PlenaryScheduleView *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_grid_view_get_factory (self->list_view);

  if (factory == NULL)
    return;
  g_object_ref (factory);
  gtk_grid_view_set_factory (self->list_view, NULL);
  gtk_grid_view_set_factory (self->list_view, factory);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  PlenaryScheduleView *self = user_data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Many changes in a row (typing a note, "Star All") rebuild the list once. The user data
 * read in whole (key NULL, at start-up) rebuilds it at once: the window is shown right after,
 * and an idle would come after its first frame, drawing every row a second time. */
static void
on_user_data_changed (PlenaryScheduleView *self,
                      const char          *key)
{
  if (key == NULL)
    {
      g_clear_handle_id (&self->rebuild_idle, g_source_remove);
      rebuild (self);
    }
  else if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle_cb, self);
}

void
plenary_schedule_view_set_user_data (PlenaryScheduleView *self,
                                     PlenaryUserData     *user_data)
{
  g_return_if_fail (PLENARY_IS_SCHEDULE_VIEW (self));

  if (self->user_data == user_data)
    return;
  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_func (self->user_data, on_user_data_changed, self);
  g_set_object (&self->user_data, user_data);
  if (user_data != NULL)
    g_signal_connect_object (user_data, "changed", G_CALLBACK (on_user_data_changed), self,
                             G_CONNECT_SWAPPED);
  plenary_entry_page_set_user_data (self->entry_page, self->user_data);
  rebuild (self);
}

static void
on_list_view_activate (PlenaryScheduleView *self,
                       guint                position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (PLENARY_IS_ENTRY (item))
    plenary_schedule_view_show_entry (self, PLENARY_ENTRY (item));
}

static void
on_entry_page_back (PlenaryScheduleView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  /* Back on the row that was opened, to browse on with the arrow keys. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_leaflet_folded (PlenaryScheduleView *self)
{
  plenary_entry_page_set_back_visible (self->entry_page, adw_leaflet_get_folded (self->leaflet));
}

static void
on_search_entry_search_changed (PlenaryScheduleView *self)
{
  plenary_schedule_view_set_search (self,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_entry_stop_search (PlenaryScheduleView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
jump_to_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (widget);
  g_autoptr (GDateTime) now = get_now (self);
  GListModel *items = G_LIST_MODEL (self->items);
  int day;

  if (self->schedule == NULL)
    return;
  day = day_of_instant (self, now);
  if (day < 0)
    {
      /* Before the event: its first day; after it: its last. */
      guint n_days = g_list_model_get_n_items (plenary_schedule_get_days (self->schedule));

      day = g_date_time_compare (now, plenary_schedule_get_start (self->schedule)) < 0
            ? 0 : (int) n_days - 1;
    }
  plenary_schedule_view_set_day (self, day);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (items, i);
      GDateTime *end = PLENARY_IS_ENTRY (item) ? plenary_entry_get_end (PLENARY_ENTRY (item))
                                               : NULL;

      /* The now-line is no target: in parallel sessions it is below the talks still on. */
      if (end != NULL && g_date_time_compare (end, now) > 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                                      "u", i);
          break;
        }
    }
}

static void
step_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (widget);
  int step = g_str_equal (action_name, "schedule.next-day") ? 1 : -1;

  if ((int) self->day + step >= 0)
    plenary_schedule_view_set_day (self, self->day + step);
}

static void
go_to_day_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  plenary_schedule_view_set_day (PLENARY_SCHEDULE_VIEW (widget), g_variant_get_uint32 (parameter));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+D stars or unstars the talk of the focused row, else the open talk. */
static void
toggle_star_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  PlenaryEntry *entry = NULL;
  const char *key;

  if (self->user_data == NULL)
    return;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    {
      GtkWidget *cell = focus;
      GtkWidget *row;

      /* The list's cell that has focus, or holds it; its one child is the row. */
      while (gtk_widget_get_parent (cell) != GTK_WIDGET (self->list_view))
        cell = gtk_widget_get_parent (cell);
      row = gtk_widget_get_first_child (cell);
      if (PLENARY_IS_ENTRY_ROW (row))
        entry = plenary_entry_row_get_entry (PLENARY_ENTRY_ROW (row));
    }
  else
    entry = plenary_entry_page_get_entry (self->entry_page);
  if (entry == NULL || plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION)
    return;
  key = plenary_entry_get_user_key (entry);
  plenary_user_data_set_starred (self->user_data, key,
                                 !plenary_user_data_get_starred (self->user_data, key));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (widget);

  plenary_filter_bar_set_filters (self->filter_bar, NULL, NULL, NULL);
}

static void
plenary_schedule_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_DENSITY:
      g_value_set_string (value, density_names[self->density]);
      break;
    case PROP_SHOW_NOTES:
      g_value_set_boolean (value, self->show_notes);
      break;
    case PROP_LOCAL_TIME:
      g_value_set_boolean (value, self->local_time);
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
plenary_schedule_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      plenary_schedule_view_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      plenary_schedule_view_set_day (self, g_value_get_uint (value));
      break;
    case PROP_DENSITY:
      for (guint i = 0; i < G_N_ELEMENTS (density_names); i++)
        if (g_strcmp0 (g_value_get_string (value), density_names[i]) == 0
            && self->density != (PlenaryDensity) i)
          {
            self->density = i;
            renew_rows (self);
            rebuild (self);
            g_object_notify_by_pspec (object, pspec);
          }
      break;
    case PROP_SHOW_NOTES:
      if (self->show_notes != g_value_get_boolean (value))
        {
          self->show_notes = g_value_get_boolean (value);
          renew_rows (self);
          rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LOCAL_TIME:
      if (self->local_time != g_value_get_boolean (value))
        {
          self->local_time = g_value_get_boolean (value);
          rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_USER_DATA:
      plenary_schedule_view_set_user_data (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_schedule_view_dispose (GObject *object)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_SCHEDULE_VIEW);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  cancel_search (self);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  /* Answers the searches still waiting (as cancelled), which hold the engine. */
  if (self->search_engine != NULL)
    plenary_search_engine_set_schedule (self->search_engine, NULL);
  g_clear_object (&self->search_engine);
  g_clear_object (&self->schedule);
  g_clear_object (&self->user_data);
  g_clear_object (&self->clock);
  g_clear_object (&self->items);
  g_clear_object (&self->slots);

  G_OBJECT_CLASS (plenary_schedule_view_parent_class)->dispose (object);
}

static void
plenary_schedule_view_finalize (GObject *object)
{
  PlenaryScheduleView *self = PLENARY_SCHEDULE_VIEW (object);

  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->search_query, g_free);
  g_clear_pointer (&self->results_terms, g_strfreev);
  g_clear_pointer (&self->bind_now, g_date_time_unref);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);

  G_OBJECT_CLASS (plenary_schedule_view_parent_class)->finalize (object);
}

static void
plenary_schedule_view_class_init (PlenaryScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_schedule_view_get_property;
  object_class->set_property = plenary_schedule_view_set_property;
  object_class->dispose = plenary_schedule_view_dispose;
  object_class->finalize = plenary_schedule_view_finalize;

  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DENSITY] =
    g_param_spec_string ("density", NULL, NULL, "detailed",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NOTES] =
    g_param_spec_boolean ("show-notes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCAL_TIME] =
    g_param_spec_boolean ("local-time", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_SCHEDULE, "schedule");
  g_object_class_override_property (object_class, PROP_USER_DATA, "user-data");
  g_object_class_override_property (object_class, PROP_CLOCK, "clock");

  g_type_ensure (PLENARY_TYPE_DAY_SWITCHER);
  g_type_ensure (PLENARY_TYPE_FILTER_BAR);
  g_type_ensure (PLENARY_TYPE_ENTRY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, day_switcher);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, now_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, entry_page);
  gtk_widget_class_bind_template_child (widget_class, PlenaryScheduleView, filter_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_page_back);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);

  gtk_widget_class_install_property_action (widget_class, "schedule.density", "density");
  gtk_widget_class_install_property_action (widget_class, "schedule.show-notes", "show-notes");
  gtk_widget_class_install_action (widget_class, "schedule.jump-to-now", NULL,
                                   jump_to_now_action);
  gtk_widget_class_install_action (widget_class, "schedule.next-day", NULL, step_day_action);
  gtk_widget_class_install_action (widget_class, "schedule.previous-day", NULL, step_day_action);
  gtk_widget_class_install_action (widget_class, "schedule.go-to-day", "u", go_to_day_action);
  gtk_widget_class_install_action (widget_class, "schedule.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "schedule.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "schedule.toggle-star", NULL,
                                   toggle_star_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Window-wide keys, but only while this view is on screen. */
static void
add_shortcuts (PlenaryScheduleView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < 9; i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK);
      GtkShortcutAction *action = gtk_named_action_new ("schedule.go-to-day");
      GtkShortcut *shortcut = gtk_shortcut_new (trigger, action);

      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                      gtk_named_action_new ("schedule.next-day")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                      gtk_named_action_new ("schedule.previous-day")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                      gtk_named_action_new ("schedule.search")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                      gtk_named_action_new ("schedule.jump-to-now")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_d, GDK_CONTROL_MASK),
                      gtk_named_action_new ("schedule.toggle-star")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
plenary_schedule_view_init (PlenaryScheduleView *self)
{
  GtkListItemFactory *factory;
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_view_settle_leaflet (self->leaflet);
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->local_zone = g_time_zone_new_local ();
  self->numbers = g_hash_table_new (NULL, NULL);
  self->search_engine = plenary_search_engine_new ();
  self->items = plenary_array_model_new (G_TYPE_OBJECT);
  self->slots = plenary_row_slots_new (G_LIST_MODEL (self->items));

  factory = plenary_entry_row_factory_new (fill_context, self);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_folded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_switcher, "notify::day", G_CALLBACK (on_day_switched), self,
                           G_CONNECT_SWAPPED);
  set_clock (self, plenary_clock_get_default ());
  add_shortcuts (self);
  on_leaflet_folded (self);
  update_empty_state (self);
}
