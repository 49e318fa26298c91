/* plenary-tracks-view.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-a11y.h"
#include "plenary-count-row.h"
#include "plenary-entry-row.h"
#include "plenary-format.h"
#include "plenary-tracks-view.h"
#include "plenary-view.h"
#include "util/plenary-rich-text.h"

struct _PlenaryTracksView
{
  GtkWidget         parent_instance;

  PlenarySchedule  *schedule;
  PlenaryUserData  *user_data;      /* the interface's; no stars shown here */
  PlenaryClock     *clock;          /* the interface's; nothing here tells the time */
  GObject          *shown;         /* a PlenaryTrack or the "Other" item */
  GtkStringObject  *other;
  GHashTable       *talks;         /* track or "Other" → GPtrArray of contributions */
  GListStore       *items;
  GListStore       *entries;
  gboolean          has_descriptions; /* any track: then every row keeps a line for one */

  AdwLeaflet       *leaflet;
  GtkStack         *list_stack;
  GtkGridView      *list_view;
  AdwStatusPage    *empty_page;
  GtkWidget        *back_button;
  GtkWidget        *show_in_schedule_button;
  GtkStack         *track_stack;
  GtkLabel         *title_label;
  GtkLabel         *description_label;
  GtkGridView      *entries_view;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryTracksView, plenary_tracks_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLENARY_TYPE_VIEW, NULL))

enum {
  SHOW_IN_SCHEDULE,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_USER_DATA,
  PROP_CLOCK,
};

static guint signals[N_SIGNALS];

static const char *
item_title (PlenaryTracksView *self,
            GObject           *item)
{
  if (PLENARY_IS_TRACK (item))
    return plenary_track_get_title (PLENARY_TRACK (item));
  return _("Other");
}

guint
plenary_tracks_view_count_talks (PlenaryTracksView *self,
                                 GObject           *item)
{
  GPtrArray *talks;

  g_return_val_if_fail (PLENARY_IS_TRACKS_VIEW (self), 0);

  talks = g_hash_table_lookup (self->talks, item);
  return talks != NULL ? talks->len : 0;
}

/* One pass over the contributions files each under its track, in time order. */
static void
index_talks (PlenaryTracksView *self)
{
  GListModel *entries = plenary_schedule_get_entries (self->schedule);
  GListModel *unscheduled = plenary_schedule_get_unscheduled (self->schedule);
  GListModel *sources[] = { entries, unscheduled };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    for (guint i = 0; i < g_list_model_get_n_items (sources[s]); i++)
      {
        g_autoptr (PlenaryEntry) entry = g_list_model_get_item (sources[s], i);
        PlenaryTrack *track = plenary_entry_get_track (entry);
        GObject *key = track != NULL ? G_OBJECT (track) : G_OBJECT (self->other);
        GPtrArray *talks;

        if (plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION)
          continue;
        talks = g_hash_table_lookup (self->talks, key);
        if (talks == NULL)
          {
            talks = g_ptr_array_new_with_free_func (g_object_unref);
            g_hash_table_insert (self->talks, key, talks);
          }
        g_ptr_array_add (talks, g_steal_pointer (&entry));
      }
}

void
plenary_tracks_view_show_track (PlenaryTracksView *self,
                                GObject           *item)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *talks;
  GListModel *days;
  int last_day = -2;
  const char *description = "";

  g_return_if_fail (PLENARY_IS_TRACKS_VIEW (self));

  g_set_object (&self->shown, item);
  plenary_count_rows_show_open (GTK_WIDGET (self->list_view), item);
  if (item == NULL || self->schedule == NULL)
    {
      g_list_store_remove_all (self->entries);
      gtk_stack_set_visible_child_name (self->track_stack, "empty");
      gtk_widget_set_visible (self->show_in_schedule_button, FALSE);
      return;
    }

  /* Talks grouped by day, under day headers; unscheduled ones last. */
  days = plenary_schedule_get_days (self->schedule);
  talks = g_hash_table_lookup (self->talks, item);
  for (guint i = 0; talks != NULL && i < talks->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (talks, i);
      int day = plenary_entry_get_day_index (entry);

      if (day != last_day)
        {
          if (day >= 0)
            g_ptr_array_add (rows, g_list_model_get_item (days, day));
          else
            g_ptr_array_add (rows, gtk_string_object_new (_("Not Scheduled Yet")));
          last_day = day;
        }
      g_ptr_array_add (rows, g_object_ref (entry));
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       rows->pdata, rows->len);

  if (PLENARY_IS_TRACK (item))
    description = plenary_track_get_description (PLENARY_TRACK (item));
  gtk_label_set_text (self->title_label, item_title (self, item));
  plenary_rich_text_label_set_description (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description[0] != '\0');
  gtk_widget_set_visible (self->show_in_schedule_button, PLENARY_IS_TRACK (item));
  gtk_stack_set_visible_child_name (self->track_stack, "track");
  adw_leaflet_set_visible_child_name (self->leaflet, "track");
}

GListModel *
plenary_tracks_view_get_entries (PlenaryTracksView *self)
{
  g_return_val_if_fail (PLENARY_IS_TRACKS_VIEW (self), NULL);

  return G_LIST_MODEL (self->entries);
}

GListModel *
plenary_tracks_view_get_model (PlenaryTracksView *self)
{
  g_return_val_if_fail (PLENARY_IS_TRACKS_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}

void
plenary_tracks_view_set_schedule (PlenaryTracksView *self,
                                  PlenarySchedule   *schedule)
{
  g_autoptr (GObject) same = NULL;
  GListModel *tracks;
  gboolean same_event;

  g_return_if_fail (PLENARY_IS_TRACKS_VIEW (self));

  /* The track stays on screen across a sync while it still exists; another event's track of
   * the same title is another track. */
  same_event = plenary_view_same_event (self->schedule, schedule);
  if (same_event && PLENARY_IS_TRACK (self->shown))
    {
      PlenaryTrack *found = plenary_schedule_lookup_track (schedule,
                                                           plenary_track_get_title (PLENARY_TRACK (self->shown)));

      same = found != NULL ? g_object_ref (G_OBJECT (found)) : NULL;
    }
  else if (same_event && self->shown != NULL)
    same = g_object_ref (G_OBJECT (self->other));

  g_set_object (&self->schedule, schedule);
  g_hash_table_remove_all (self->talks);
  g_list_store_remove_all (self->items);
  self->has_descriptions = FALSE;
  if (schedule != NULL)
    {
      index_talks (self);
      tracks = plenary_schedule_get_tracks (schedule);
      for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
        {
          g_autoptr (GObject) track = g_list_model_get_item (tracks, i);

          self->has_descriptions |= plenary_track_get_description (PLENARY_TRACK (track))[0]
                                    != '\0';
          g_list_store_append (self->items, track);
        }
      if (g_hash_table_contains (self->talks, self->other))
        g_list_store_append (self->items, self->other);
    }
  if (same != NULL && !g_hash_table_contains (self->talks, same) && !PLENARY_IS_TRACK (same))
    g_clear_object (&same);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0
                                    ? "list" : "empty");
  plenary_tracks_view_show_track (self, same);
}

static void
on_track_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (item, plenary_count_row_new ());
}

static void
on_track_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PlenaryTracksView        *self)
{
  GObject *object = gtk_list_item_get_item (item);
  guint n = plenary_tracks_view_count_talks (self, object);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk", "%u talks",
                                                         n), n);
  g_autofree char *snippet = NULL;
  g_autofree char *a11y = NULL;

  /* Every row with a line for a description, or none: rows of one list are one height. */
  if (self->has_descriptions && PLENARY_IS_TRACK (object))
    snippet = plenary_rich_text_to_snippet (plenary_track_get_description (PLENARY_TRACK (object)),
                                            160);
  else if (self->has_descriptions)
    snippet = g_strdup (_("Talks without a track"));
  /* Translators: a track row for screen readers: its title and "141 talks". */
  a11y = g_strdup_printf (C_("track row", "%s, %s"), item_title (self, object), count);
  plenary_count_row_set (gtk_list_item_get_child (item), item_title (self, object), snippet,
                         count, a11y, FALSE);
  plenary_count_row_set_item (gtk_list_item_get_child (item), object, object == self->shown);
  /* "Selectable" only because GTK 4.8 gives the keyboard focus to no row that is not; the
   * model (GtkNoSelection) selects nothing. */
  gtk_list_item_set_selectable (item, TRUE);
}

/* A track's talks run in many sessions at once (LPC's microconferences all start at 07:00):
 * each row says which session and room, "07:00–07:45 · Containers and Checkpoint/Restore MC
 * · Microconference2". */
char *
plenary_tracks_view_describe_entry (PlenaryEntry *entry,
                                    GTimeZone    *zone)
{
  g_autoptr (GString) text = g_string_new (NULL);
  PlenaryEntry *block = plenary_entry_get_block (entry);
  PlenaryRoom *room = plenary_entry_get_room (entry);

  if (plenary_entry_get_start (entry) != NULL)
    {
      g_autofree char *range = plenary_format_time_range (plenary_entry_get_start (entry),
                                                          plenary_entry_get_end (entry), zone);

      g_string_append (text, range);
    }
  else
    {
      g_autofree char *duration = plenary_format_duration (plenary_entry_get_duration (entry));

      g_string_append (text, duration);
    }
  /* Named as the schedule's block header names it. */
  if (block != NULL && plenary_entry_get_full_title (block)[0] != '\0')
    g_string_append_printf (text, " · %s", plenary_entry_get_full_title (block));
  if (room != NULL && plenary_room_get_name (room)[0] != '\0')
    g_string_append_printf (text, " · %s", plenary_room_get_name (room));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
get_meta_cb (PlenaryEntry *entry,
             gpointer      user_data)
{
  PlenaryTracksView *self = user_data;

  return plenary_tracks_view_describe_entry (entry,
                                             plenary_schedule_get_timezone (self->schedule));
}

static void
fill_entries_context (gpointer           user_data,
                      PlenaryRowContext *context)
{
  PlenaryTracksView *self = user_data;

  *context = (PlenaryRowContext) {
    .zone = self->schedule ? plenary_schedule_get_timezone (self->schedule) : NULL,
    .density = PLENARY_DENSITY_DETAILED,
    .get_meta = self->schedule ? get_meta_cb : NULL,
    .user_data = self,
  };
}

static void
on_list_view_activate (PlenaryTracksView *self,
                       guint              position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  plenary_tracks_view_show_track (self, item);
}

static void
on_entries_view_activate (PlenaryTracksView *self,
                          guint              position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (PLENARY_IS_ENTRY (item))
    plenary_view_entry_activated (PLENARY_VIEW (self), PLENARY_ENTRY (item));
}

static void
on_back_button_clicked (PlenaryTracksView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_show_in_schedule_button_clicked (PlenaryTracksView *self)
{
  if (PLENARY_IS_TRACK (self->shown))
    g_signal_emit (self, signals[SHOW_IN_SCHEDULE], 0, self->shown);
}

static void
on_leaflet_folded (PlenaryTracksView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
plenary_tracks_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlenaryTracksView *self = PLENARY_TRACKS_VIEW (object);

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
plenary_tracks_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlenaryTracksView *self = PLENARY_TRACKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      plenary_tracks_view_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_USER_DATA:
      g_set_object (&self->user_data, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      /* Never NULL, as in every view: whoever asks a view for its clock tells the time by it. */
      g_return_if_fail (PLENARY_IS_CLOCK (g_value_get_object (value)));
      if (g_set_object (&self->clock, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_tracks_view_dispose (GObject *object)
{
  PlenaryTracksView *self = PLENARY_TRACKS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_TRACKS_VIEW);
  g_clear_object (&self->user_data);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->talks, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->entries);
  g_clear_object (&self->shown);
  g_clear_object (&self->other);
  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (plenary_tracks_view_parent_class)->dispose (object);
}

static void
plenary_tracks_view_class_init (PlenaryTracksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_tracks_view_get_property;
  object_class->set_property = plenary_tracks_view_set_property;
  object_class->dispose = plenary_tracks_view_dispose;

  g_object_class_override_property (object_class, PROP_SCHEDULE, "schedule");
  g_object_class_override_property (object_class, PROP_USER_DATA, "user-data");
  g_object_class_override_property (object_class, PROP_CLOCK, "clock");

  signals[SHOW_IN_SCHEDULE] = g_signal_new ("show-in-schedule", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, PLENARY_TYPE_TRACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-tracks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, show_in_schedule_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, track_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, description_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryTracksView, entries_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entries_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_show_in_schedule_button_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_tracks_view_init (PlenaryTracksView *self)
{
  g_autoptr (GtkListItemFactory) tracks_factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) entries_factory = NULL;
  g_autoptr (GtkNoSelection) tracks_selection = NULL;
  g_autoptr (GtkNoSelection) entries_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_view_settle_leaflet (self->leaflet);
  self->clock = g_object_ref (plenary_clock_get_default ());
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->other = gtk_string_object_new ("other");
  self->talks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->items = g_list_store_new (G_TYPE_OBJECT);
  self->entries = g_list_store_new (G_TYPE_OBJECT);

  g_signal_connect (tracks_factory, "setup", G_CALLBACK (on_track_setup), self);
  g_signal_connect (tracks_factory, "bind", G_CALLBACK (on_track_bind), self);
  gtk_grid_view_set_factory (self->list_view, tracks_factory);
  tracks_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (tracks_selection));

  entries_factory = plenary_entry_row_factory_new (fill_entries_context, self);
  gtk_grid_view_set_factory (self->entries_view, entries_factory);
  entries_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_grid_view_set_model (self->entries_view, GTK_SELECTION_MODEL (entries_selection));

  adw_status_page_set_title (self->empty_page, _("No Tracks"));
  adw_status_page_set_description (self->empty_page, _("This programme has no tracks"));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_folded), self,
                           G_CONNECT_SWAPPED);
  on_leaflet_folded (self);
  plenary_tracks_view_show_track (self, NULL);
}
