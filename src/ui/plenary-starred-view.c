/* plenary-starred-view.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "plenary-a11y.h"
#include "plenary-entry-page.h"
#include "plenary-entry-row.h"
#include "plenary-format.h"
#include "plenary-starred-view.h"
#include "plenary-view.h"
#include "util/plenary-clock.h"

struct _PlenaryStarredView
{
  GtkWidget        parent_instance;

  PlenarySchedule *schedule;
  PlenaryUserData *user_data;
  GHashTable      *conflicts;     /* PlenaryEntry → GPtrArray of the entries it clashes with */
  guint            n_conflicts;   /* pairs */
  GTimeZone       *local_zone;
  GListStore      *items;
  GPtrArray       *removed;       /* user keys */
  PlenaryClock    *clock;
  GDateTime       *last_tick;     /* the clock's last tick seen, to rebuild when a talk starts */
  GDateTime       *bind_now;
  guint            room_change_minutes;
  gboolean         show_past;
  gboolean         rebind;        /* rows must be bound again, the list changed or not */

  AdwLeaflet      *leaflet;
  PlenaryEntryPage *entry_page;
  GtkStack        *stack;
  GtkWidget       *past_page;
  GtkWidget       *list_scroller;
  GtkLabel        *summary_label;
  GtkToggleButton *past_button;
  GtkRevealer     *removed_revealer;
  GtkListBox      *removed_list;
  GtkGridView     *list_view;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryStarredView, plenary_starred_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLENARY_TYPE_VIEW, NULL))

enum {
  PROP_0,
  PROP_ROOM_CHANGE_MINUTES,
  N_PROPS,
  PROP_SCHEDULE = N_PROPS,
  PROP_USER_DATA,
  PROP_CLOCK,
};

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild                   (PlenaryStarredView *self);
static void mark_open_row             (PlenaryStarredView *self);
static void set_clock                 (PlenaryStarredView *self,
                                       PlenaryClock       *clock);

static GDateTime *
get_now (PlenaryStarredView *self)
{
  /* The app's clock unless told otherwise, so that a rehearsal (PLENARY_REHEARSAL_START) is
   * what Starred shows. */
  return plenary_clock_get_now (self->clock);
}

static void
add_conflict (GHashTable   *conflicts,
              PlenaryEntry *entry,
              PlenaryEntry *other)
{
  GPtrArray *others = g_hash_table_lookup (conflicts, entry);

  if (others == NULL)
    {
      others = g_ptr_array_new ();
      g_hash_table_insert (conflicts, entry, others);
    }
  g_ptr_array_add (others, other);
}

GHashTable *
plenary_find_conflicts (GPtrArray *sorted,
                        GTimeSpan  room_change,
                        guint     *n_pairs)
{
  GHashTable *conflicts = g_hash_table_new_full (NULL, NULL, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  guint pairs = 0;

  /* Sorted by start, each talk only needs checking against those that start before the
   * latest end seen so far (plus the time to change rooms). */
  for (guint i = 0; i < sorted->len; i++)
    {
      PlenaryEntry *a = g_ptr_array_index (sorted, i);
      g_autoptr (GDateTime) reach = g_date_time_add (plenary_entry_get_end (a), room_change);

      for (guint j = i + 1; j < sorted->len; j++)
        {
          PlenaryEntry *b = g_ptr_array_index (sorted, j);
          gboolean overlap, too_close;

          if (g_date_time_compare (plenary_entry_get_start (b), reach) >= 0)
            break;
          overlap = g_date_time_compare (plenary_entry_get_start (b),
                                         plenary_entry_get_end (a)) < 0;
          too_close = plenary_entry_get_room (a) != plenary_entry_get_room (b);
          if (overlap || too_close)
            {
              add_conflict (conflicts, a, b);
              add_conflict (conflicts, b, a);
              pairs++;
            }
        }
    }
  if (n_pairs != NULL)
    *n_pairs = pairs;
  return conflicts;
}

gboolean
plenary_starred_view_is_conflict (PlenaryStarredView *self,
                                  PlenaryEntry       *entry)
{
  g_return_val_if_fail (PLENARY_IS_STARRED_VIEW (self), FALSE);

  return g_hash_table_contains (self->conflicts, entry);
}

guint
plenary_starred_view_get_n_conflicts (PlenaryStarredView *self)
{
  g_return_val_if_fail (PLENARY_IS_STARRED_VIEW (self), 0);

  return self->n_conflicts;
}

static const char *
room_name (PlenaryEntry *entry)
{
  PlenaryRoom *room = plenary_entry_get_room (entry);

  return room != NULL ? plenary_room_get_name (room) : "";
}

/* "Overlaps TDX Linux guest, MC2": what @entry clashes with, by name and room. */
char *
plenary_starred_view_describe_conflict (PlenaryStarredView *self,
                                        PlenaryEntry       *entry)
{
  GPtrArray *others;
  PlenaryEntry *other;
  g_autofree char *what = NULL;
  gboolean overlap, before;

  g_return_val_if_fail (PLENARY_IS_STARRED_VIEW (self), NULL);

  others = g_hash_table_lookup (self->conflicts, entry);
  if (others == NULL || others->len == 0)
    return NULL;
  other = g_ptr_array_index (others, 0);
  if (room_name (other)[0] != '\0')
    /* Translators: a talk and its room, as a conflict names them: "TDX Linux guest, MC2". */
    what = g_strdup_printf (C_("talk in room", "%s, %s"), plenary_entry_get_title (other),
                            room_name (other));
  else
    what = g_strdup (plenary_entry_get_title (other));

  overlap = g_date_time_compare (plenary_entry_get_start (other),
                                 plenary_entry_get_end (entry)) < 0
            && g_date_time_compare (plenary_entry_get_start (entry),
                                    plenary_entry_get_end (other)) < 0;
  before = g_date_time_compare (plenary_entry_get_start (other),
                                plenary_entry_get_start (entry)) < 0;
  if (others->len > 1)
    {
      guint more = others->len - 1;

      if (overlap)
        /* Translators: "Overlaps TDX Linux guest, MC2 and 2 more". */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overlaps %s and %u more",
                                             "Overlaps %s and %u more", more), what, more);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Too close to %s and %u more",
                                           "Too close to %s and %u more", more), what, more);
    }
  if (overlap)
    return g_strdup_printf (_("Overlaps %s"), what);
  /* Back to back in rooms further apart than the time set to change rooms. */
  if (before)
    return g_strdup_printf (_("No time to come from %s"), what);
  return g_strdup_printf (_("No time to get to %s"), what);
}

static const char *
get_warning_cb (PlenaryEntry *entry,
                gpointer      user_data)
{
  PlenaryStarredView *self = user_data;

  return g_hash_table_contains (self->conflicts, entry) ? _("Conflict") : NULL;
}

/* Away from the schedule's blocks, every row says where and until when, and what it clashes
 * with: "07:00–07:45 · Kernel Summit" and "Overlaps TDX Linux guest, MC2". */
static char *
get_meta_cb (PlenaryEntry *entry,
             gpointer      user_data)
{
  PlenaryStarredView *self = user_data;
  GTimeZone *zone = plenary_schedule_get_timezone (self->schedule);
  g_autofree char *range = plenary_format_time_range (plenary_entry_get_start (entry),
                                                      plenary_entry_get_end (entry), zone);
  g_autofree char *conflict = plenary_starred_view_describe_conflict (self, entry);
  g_autofree char *line = room_name (entry)[0] != '\0'
                          ? g_strdup_printf ("%s · %s", range, room_name (entry))
                          : g_steal_pointer (&range);

  if (conflict != NULL)
    return g_strdup_printf ("%s\n%s", line, conflict);
  return g_steal_pointer (&line);
}

static gboolean
is_starred_cb (PlenaryEntry *entry,
               gpointer      user_data)
{
  return TRUE;
}

static void
fill_context (gpointer           user_data,
              PlenaryRowContext *context)
{
  PlenaryStarredView *self = user_data;

  g_clear_pointer (&self->bind_now, g_date_time_unref);
  self->bind_now = get_now (self);
  *context = (PlenaryRowContext) {
    .zone = self->schedule ? plenary_schedule_get_timezone (self->schedule) : NULL,
    .density = PLENARY_DENSITY_DETAILED,
    .now = self->bind_now,
    .is_starred = is_starred_cb,
    .get_warning = get_warning_cb,
    .get_meta = get_meta_cb,
    .user_data = self,
  };
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  PlenaryEntry *x = *(PlenaryEntry **) a;
  PlenaryEntry *y = *(PlenaryEntry **) b;

  return g_date_time_compare (plenary_entry_get_start (x), plenary_entry_get_start (y));
}

static void
on_dismiss_clicked (GtkButton          *button,
                    PlenaryStarredView *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "key");

  /* Dismissing a removed talk is unstarring it: nothing else keeps it. */
  plenary_user_data_set_starred (self->user_data, key, FALSE);
}

static void
fill_removed (PlenaryStarredView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->removed_list))) != NULL)
    gtk_list_box_remove (self->removed_list, child);

  for (guint i = 0; i < self->removed->len; i++)
    {
      const char *key = g_ptr_array_index (self->removed, i);
      const char *title = plenary_user_data_get_title (self->user_data, key);
      g_autofree char *fallback = g_strdup_printf (_("Talk %s"), key);
      g_autofree char *escaped = g_markup_escape_text (title ? title : fallback, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Dismiss"));
      /* The row's title and subtitle say it all: the icon is decoration. */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Removed from the programme"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      plenary_a11y_name_mnemonic_buttons (button);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Forget this talk"));
      g_object_set_data_full (G_OBJECT (button), "key", g_strdup (key), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_dismiss_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->removed_list, row);
    }
  gtk_revealer_set_reveal_child (self->removed_revealer, self->removed->len > 0);
}

static gboolean
same_items (GListModel *model,
            GPtrArray  *items)
{
  if (g_list_model_get_n_items (model) != items->len)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (GObject) old = g_list_model_get_item (model, i);
      GObject *item = g_ptr_array_index (items, i);

      if (old == item)
        continue;
      if (!GTK_IS_STRING_OBJECT (old) || !GTK_IS_STRING_OBJECT (item)
          || g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (old)),
                        gtk_string_object_get_string (GTK_STRING_OBJECT (item))) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_conflicts (GHashTable *a,
                GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *others = g_hash_table_lookup (b, key);
      GPtrArray *old = value;

      if (others == NULL || others->len != old->len
          || memcmp (others->pdata, old->pdata, old->len * sizeof (gpointer)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
rebuild (PlenaryStarredView *self)
{
  g_autoptr (GPtrArray) starred = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) now = get_now (self);
  g_auto (GStrv) keys = NULL;
  GListModel *days;
  PlenaryEntry *up_next = NULL;
  int last_day = -1;
  guint past = 0;
  g_autofree char *summary = NULL;
  g_autoptr (GHashTable) old_conflicts = NULL;

  g_ptr_array_set_size (self->removed, 0);
  g_clear_pointer (&self->last_tick, g_date_time_unref);
  self->last_tick = g_date_time_ref (now);
  old_conflicts = g_steal_pointer (&self->conflicts);
  self->conflicts = g_hash_table_new (NULL, NULL);
  self->n_conflicts = 0;
  if (self->schedule == NULL || self->user_data == NULL)
    {
      g_list_store_remove_all (self->items);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  keys = plenary_user_data_dup_starred (self->user_data);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      PlenaryEntry *entry = plenary_schedule_lookup_user_key (self->schedule, keys[i]);

      if (entry == NULL)
        {
          g_ptr_array_add (self->removed, g_strdup (keys[i]));
          continue;
        }
      plenary_user_data_remember_title (self->user_data, keys[i], plenary_entry_get_title (entry));
      if (plenary_entry_get_start (entry) != NULL)
        g_ptr_array_add (starred, g_object_ref (entry));
    }
  g_ptr_array_sort (starred, compare_by_start);
  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  self->conflicts = plenary_find_conflicts (starred, self->room_change_minutes
                                                     * G_TIME_SPAN_MINUTE, &self->n_conflicts);

  /* During the event, the first talk not over yet comes first. */
  if (g_date_time_compare (now, plenary_schedule_get_start (self->schedule)) >= 0
      && g_date_time_compare (now, plenary_schedule_get_end (self->schedule)) < 0)
    for (guint i = 0; i < starred->len && up_next == NULL; i++)
      if (g_date_time_compare (plenary_entry_get_end (g_ptr_array_index (starred, i)), now) > 0)
        up_next = g_ptr_array_index (starred, i);
  if (up_next != NULL)
    {
      gboolean running = g_date_time_compare (plenary_entry_get_start (up_next), now) <= 0;

      g_ptr_array_add (items, gtk_string_object_new (running ? C_("happening now", "Now")
                                                             : _("Up Next")));
      g_ptr_array_add (items, g_object_ref (up_next));
    }

  days = plenary_schedule_get_days (self->schedule);
  for (guint i = 0; i < starred->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (starred, i);
      int day = plenary_entry_get_day_index (entry);

      if (g_date_time_compare (plenary_entry_get_end (entry), now) <= 0 && !self->show_past)
        {
          past++;
          continue;
        }
      /* Listed once, at the top: a list may not hold one item twice. */
      if (entry == up_next)
        continue;
      if (day != last_day && day >= 0)
        {
          g_ptr_array_add (items, g_list_model_get_item (days, day));
          last_day = day;
        }
      g_ptr_array_add (items, g_object_ref (entry));
    }
  /* A note typed on the open talk's page changes the user data, not the list: the rows, and
   * where the list is scrolled to, stay. */
  if (self->rebind || !same_items (G_LIST_MODEL (self->items), items)
      || !same_conflicts (old_conflicts, self->conflicts))
    g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                         items->pdata, items->len);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u starred talk",
                                          "%u starred talks", starred->len), starred->len);
  /* Two talks at once are one conflict, not two. */
  if (self->n_conflicts > 0)
    {
      g_autofree char *with = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s · %u conflict", "%s · %u conflicts",
                     self->n_conflicts),
        summary, self->n_conflicts);

      g_free (summary);
      summary = g_steal_pointer (&with);
    }
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->past_button), past > 0 || self->show_past);
  gtk_widget_set_visible (self->past_page, items->len == 0 && past > 0);
  gtk_widget_set_visible (self->list_scroller, !gtk_widget_get_visible (self->past_page));
  fill_removed (self);
  gtk_stack_set_visible_child_name (self->stack, starred->len + self->removed->len > 0
                                                 ? "list" : "empty");
}

void
plenary_starred_view_set_schedule (PlenaryStarredView *self,
                                   PlenarySchedule    *schedule,
                                   PlenaryUserData    *user_data)
{
  gboolean same_event;

  g_return_if_fail (PLENARY_IS_STARRED_VIEW (self));

  same_event = plenary_view_same_event (self->schedule, schedule);
  if (self->user_data != user_data)
    {
      if (self->user_data != NULL)
        g_signal_handlers_disconnect_by_func (self->user_data, rebuild, self);
      g_set_object (&self->user_data, user_data);
      if (user_data != NULL)
        g_signal_connect_object (user_data, "changed", G_CALLBACK (rebuild), self,
                                 G_CONNECT_SWAPPED);
    }
  g_set_object (&self->schedule, schedule);
  rebuild (self);

  /* The open talk stays open across a sync while it is still in the programme; in another
   * event its key names another talk. */
  {
    PlenaryEntry *open = plenary_entry_page_get_entry (self->entry_page);
    PlenaryEntry *same = open != NULL && same_event
                         ? plenary_schedule_lookup_user_key (schedule,
                                                             plenary_entry_get_user_key (open))
                         : NULL;

    if (open != same)
      {
        plenary_entry_page_set_entry (self->entry_page, same,
                                      schedule ? plenary_schedule_get_timezone (schedule) : NULL,
                                      self->local_zone);
        if (same == NULL)
          adw_leaflet_set_visible_child_name (self->leaflet, "list");
        mark_open_row (self);
      }
    plenary_entry_page_set_user_data (self->entry_page, self->user_data);
  }
}

GListModel *
plenary_starred_view_get_model (PlenaryStarredView *self)
{
  g_return_val_if_fail (PLENARY_IS_STARRED_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}

GStrv
plenary_starred_view_dup_removed (PlenaryStarredView *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PLENARY_IS_STARRED_VIEW (self), NULL);

  for (guint i = 0; i < self->removed->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->removed, i));
  return g_strv_builder_end (builder);
}

/* "Happening now · 12 min left" on the open talk's page, as in the Schedule. */
static void
update_page_now (PlenaryStarredView *self)
{
  g_autoptr (GDateTime) now = get_now (self);

  plenary_entry_page_set_now (self->entry_page, now);
}

/* Opens @entry beside the list (over it when narrow): Starred is where the user is. */
void
plenary_starred_view_show_entry (PlenaryStarredView *self,
                                 PlenaryEntry       *entry)
{
  g_return_if_fail (PLENARY_IS_STARRED_VIEW (self));

  /* Seen: the "changed" badge goes. */
  if (entry != NULL && self->user_data != NULL)
    plenary_user_data_clear_changed (self->user_data, plenary_entry_get_user_key (entry));
  plenary_entry_page_set_entry (self->entry_page, entry,
                                self->schedule ? plenary_schedule_get_timezone (self->schedule)
                                               : NULL,
                                self->local_zone);
  update_page_now (self);
  plenary_entry_page_set_user_data (self->entry_page, self->user_data);
  mark_open_row (self);
  if (entry != NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "entry");
}

PlenaryEntryPage *
plenary_starred_view_get_entry_page (PlenaryStarredView *self)
{
  g_return_val_if_fail (PLENARY_IS_STARRED_VIEW (self), NULL);

  return self->entry_page;
}

/* The open talk's row is marked, as the Speakers and Tracks lists mark theirs. */
static void
mark_row (GtkWidget *row,
          gboolean   open)
{
  if (open)
    gtk_widget_add_css_class (row, "open");
  else
    gtk_widget_remove_css_class (row, "open");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, open, -1);
}

static void
on_row_bound (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PlenaryStarredView       *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);
  gpointer open = plenary_entry_page_get_entry (self->entry_page);

  /* Compared by address only: no reference. */
  g_object_set_data (G_OBJECT (row), "plenary-starred-item", object);
  mark_row (row, open != NULL && object == open);
}

static void
mark_open_row (PlenaryStarredView *self)
{
  gpointer open = plenary_entry_page_get_entry (self->entry_page);

  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *row = gtk_widget_get_first_child (cell);

      if (PLENARY_IS_ENTRY_ROW (row))
        mark_row (row, open != NULL
                       && g_object_get_data (G_OBJECT (row), "plenary-starred-item") == open);
    }
}

static void
on_list_view_activate (PlenaryStarredView *self,
                       guint               position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (PLENARY_IS_ENTRY (item))
    plenary_starred_view_show_entry (self, PLENARY_ENTRY (item));
}

static void
on_entry_page_back (PlenaryStarredView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_leaflet_folded (PlenaryStarredView *self)
{
  plenary_entry_page_set_back_visible (self->entry_page, adw_leaflet_get_folded (self->leaflet));
}

static void
on_entry_page_person_activated (PlenaryStarredView *self,
                                PlenaryPerson      *person)
{
  g_signal_emit (self, signals[PERSON_ACTIVATED], 0, person);
}

static void
on_past_button_toggled (PlenaryStarredView *self)
{
  self->show_past = gtk_toggle_button_get_active (self->past_button);
  rebuild (self);
}

static void
plenary_starred_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlenaryStarredView *self = PLENARY_STARRED_VIEW (object);

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
    case PROP_ROOM_CHANGE_MINUTES:
      g_value_set_uint (value, self->room_change_minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_starred_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlenaryStarredView *self = PLENARY_STARRED_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      plenary_starred_view_set_schedule (self, g_value_get_object (value), self->user_data);
      break;
    case PROP_USER_DATA:
      plenary_starred_view_set_schedule (self, self->schedule, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (self, g_value_get_object (value));
      break;
    case PROP_ROOM_CHANGE_MINUTES:
      if (self->room_change_minutes != g_value_get_uint (value))
        {
          self->room_change_minutes = g_value_get_uint (value);
          rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_starred_view_dispose (GObject *object)
{
  PlenaryStarredView *self = PLENARY_STARRED_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_STARRED_VIEW);
  g_clear_object (&self->items);
  g_clear_object (&self->schedule);
  g_clear_object (&self->user_data);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (plenary_starred_view_parent_class)->dispose (object);
}

static void
plenary_starred_view_finalize (GObject *object)
{
  PlenaryStarredView *self = PLENARY_STARRED_VIEW (object);

  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->last_tick, g_date_time_unref);
  g_clear_pointer (&self->bind_now, g_date_time_unref);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);

  G_OBJECT_CLASS (plenary_starred_view_parent_class)->finalize (object);
}

static void
plenary_starred_view_class_init (PlenaryStarredViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_starred_view_get_property;
  object_class->set_property = plenary_starred_view_set_property;
  object_class->dispose = plenary_starred_view_dispose;
  object_class->finalize = plenary_starred_view_finalize;

  properties[PROP_ROOM_CHANGE_MINUTES] =
    g_param_spec_uint ("room-change-minutes", NULL, NULL, 0, 60, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_SCHEDULE, "schedule");
  g_object_class_override_property (object_class, PROP_USER_DATA, "user-data");
  g_object_class_override_property (object_class, PROP_CLOCK, "clock");

  /* A speaker's name clicked on the open talk's page. */
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, PLENARY_TYPE_PERSON);

  g_type_ensure (PLENARY_TYPE_ENTRY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-starred-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, entry_page);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, past_page);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, past_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, removed_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, removed_list);
  gtk_widget_class_bind_template_child (widget_class, PlenaryStarredView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_past_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_page_back);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* A starred talk starting or ending moves it (Up Next, Now, past): rebuild then, not on every
 * tick. */
static void
on_clock_tick (PlenaryStarredView *self,
               GDateTime          *now)
{
  g_autoptr (GDateTime) last = g_steal_pointer (&self->last_tick);
  gboolean crossed = FALSE;

  self->last_tick = g_date_time_ref (now);
  update_page_now (self);
  if (last == NULL || self->schedule == NULL || self->user_data == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)) && !crossed; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GDateTime *start, *end;

      if (!PLENARY_IS_ENTRY (item))
        continue;
      start = plenary_entry_get_start (PLENARY_ENTRY (item));
      end = plenary_entry_get_end (PLENARY_ENTRY (item));
      crossed = (start != NULL && g_date_time_compare (last, start) < 0
                 && g_date_time_compare (start, now) <= 0)
                || (end != NULL && g_date_time_compare (last, end) < 0
                    && g_date_time_compare (end, now) <= 0);
    }
  if (!crossed)
    return;
  self->rebind = TRUE;
  rebuild (self);
  self->rebind = FALSE;
}

static void
on_clock_time_changed (PlenaryStarredView *self)
{
  g_clear_pointer (&self->last_tick, g_date_time_unref);
  if (self->schedule == NULL || self->user_data == NULL)
    return;
  self->rebind = TRUE;
  rebuild (self);
  self->rebind = FALSE;
}

/* Tests and rehearsals give a clock of their own; its time-changed rebinds the rows. */
static void
set_clock (PlenaryStarredView *self,
           PlenaryClock       *clock)
{
  if (!plenary_view_follow_clock (PLENARY_VIEW (self), &self->clock, clock,
                                  G_CALLBACK (on_clock_tick), G_CALLBACK (on_clock_time_changed)))
    return;
  on_clock_time_changed (self);
  update_page_now (self);
}

static void
plenary_starred_view_init (PlenaryStarredView *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_view_settle_leaflet (self->leaflet);
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->conflicts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->local_zone = g_time_zone_new_local ();
  self->removed = g_ptr_array_new_with_free_func (g_free);
  self->items = g_list_store_new (G_TYPE_OBJECT);

  factory = plenary_entry_row_factory_new (fill_context, self);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_row_bound), self, G_CONNECT_AFTER);
  gtk_grid_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_folded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry_page, "person-activated",
                           G_CALLBACK (on_entry_page_person_activated), self, G_CONNECT_SWAPPED);
  set_clock (self, plenary_clock_get_default ());
  on_leaflet_folded (self);
}
