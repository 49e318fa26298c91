/* plenary-filter-bar.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-filter-bar.h"
#include "plenary-format.h"

/* The choices of each filter, "All …" aside; the drop-downs get them only when the popover
 * opens, as setting their models costs a tenth of showing a new programme of 2,000 talks. */
typedef enum {
  FILTER_TRACK,
  FILTER_ROOM,
  FILTER_SESSION,
  N_FILTERS
} Filter;

struct _PlenaryFilterBar
{
  GtkWidget    parent_instance;

  char        *track;     /* NULL for any */
  char        *room;
  char        *session;
  gboolean     updating;

  GPtrArray   *choices[N_FILTERS];  /* of char * */
  gboolean     dropdowns_stale;

  GtkWidget   *filter_button;
  GtkPopover  *filter_popover;
  GtkDropDown *track_dropdown;
  GtkDropDown *room_dropdown;
  GtkDropDown *session_dropdown;
};

G_DEFINE_FINAL_TYPE (PlenaryFilterBar, plenary_filter_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char **
filter_field (PlenaryFilterBar *self,
              Filter            filter)
{
  char **fields[] = { &self->track, &self->room, &self->session };

  return fields[filter];
}

static GtkDropDown *
filter_dropdown (PlenaryFilterBar *self,
                 Filter            filter)
{
  GtkDropDown *dropdowns[] = { self->track_dropdown, self->room_dropdown, self->session_dropdown };

  return dropdowns[filter];
}

/* Row 0 is "All …". */
static guint
choice_row (GPtrArray  *choices,
            const char *value)
{
  guint index;

  if (value == NULL || value[0] == '\0'
      || !g_ptr_array_find_with_equal_func (choices, value, g_str_equal, &index))
    return 0;
  return index + 1;
}

static gboolean
has_choice (GPtrArray  *choices,
            const char *value)
{
  return choice_row (choices, value) > 0;
}

static void
show_filters_in_dropdowns (PlenaryFilterBar *self)
{
  self->updating = TRUE;
  for (Filter filter = 0; filter < N_FILTERS; filter++)
    gtk_drop_down_set_selected (filter_dropdown (self, filter),
                                choice_row (self->choices[filter], *filter_field (self, filter)));
  self->updating = FALSE;
}

static void
fill_dropdowns (PlenaryFilterBar *self)
{
  const char *all[] = { _("All Tracks"), _("All Rooms"), _("All Sessions") };

  if (!self->dropdowns_stale)
    return;
  self->updating = TRUE;
  for (Filter filter = 0; filter < N_FILTERS; filter++)
    {
      g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
      GPtrArray *choices = self->choices[filter];

      gtk_string_list_append (list, all[filter]);
      for (guint i = 0; i < choices->len; i++)
        gtk_string_list_append (list, g_ptr_array_index (choices, i));
      gtk_drop_down_set_model (filter_dropdown (self, filter), G_LIST_MODEL (list));
    }
  self->updating = FALSE;
  self->dropdowns_stale = FALSE;
  show_filters_in_dropdowns (self);
}

static void
on_popover_show (PlenaryFilterBar *self)
{
  fill_dropdowns (self);
}

/* Takes these filters where the programme has them, "All …" elsewhere: whether that changed
 * what they let through. */
static gboolean
take_filters (PlenaryFilterBar *self,
              const char       *values[N_FILTERS])
{
  gboolean changed = FALSE;

  for (Filter filter = 0; filter < N_FILTERS; filter++)
    {
      const char *value = has_choice (self->choices[filter], values[filter]) ? values[filter]
                                                                             : NULL;
      char **field = filter_field (self, filter);

      if (g_strcmp0 (value, *field) != 0)
        {
          g_free (*field);
          *field = g_strdup (value);
          changed = TRUE;
        }
    }
  return changed;
}

static void
on_dropdown_selected (PlenaryFilterBar *self)
{
  const char *values[N_FILTERS];

  if (self->updating || self->dropdowns_stale)
    return;
  for (Filter filter = 0; filter < N_FILTERS; filter++)
    {
      GtkDropDown *dropdown = filter_dropdown (self, filter);
      GtkStringObject *object = gtk_drop_down_get_selected_item (dropdown);

      values[filter] = gtk_drop_down_get_selected (dropdown) > 0 && object != NULL
                       ? gtk_string_object_get_string (object) : NULL;
    }
  if (take_filters (self, values))
    g_signal_emit (self, signals[CHANGED], 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_choices (PlenaryFilterBar *self,
                 PlenarySchedule  *schedule)
{
  for (Filter filter = 0; filter < N_FILTERS; filter++)
    g_ptr_array_set_size (self->choices[filter], 0);
  self->dropdowns_stale = TRUE;
  if (schedule != NULL)
    {
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      GListModel *model = plenary_schedule_get_tracks (schedule);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (PlenaryTrack) track = g_list_model_get_item (model, i);

          g_ptr_array_add (self->choices[FILTER_TRACK], g_strdup (plenary_track_get_title (track)));
        }
      model = plenary_schedule_get_rooms (schedule);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (PlenaryRoom) room = g_list_model_get_item (model, i);

          if (plenary_room_get_name (room)[0] != '\0')
            g_ptr_array_add (self->choices[FILTER_ROOM], g_strdup (plenary_room_get_name (room)));
        }
      model = plenary_schedule_get_blocks (schedule);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (PlenaryEntry) block = g_list_model_get_item (model, i);
          const char *session = plenary_entry_get_session_title (block);

          if (session[0] != '\0' && g_hash_table_add (seen, (gpointer) session))
            g_ptr_array_add (self->choices[FILTER_SESSION], g_strdup (session));
        }
      g_ptr_array_sort (self->choices[FILTER_SESSION], compare_strings);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->filter_popover)))
    fill_dropdowns (self);
}

/* Chooses these filters where the programme has them, "All …" elsewhere; "changed" when
 * that changed what they let through. */
static void
select_filters (PlenaryFilterBar *self,
                const char       *track,
                const char       *room,
                const char       *session)
{
  const char *values[N_FILTERS] = { track, room, session };
  gboolean changed = take_filters (self, values);

  if (!self->dropdowns_stale)
    show_filters_in_dropdowns (self);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A filter the user chose that a new programme does not have any more goes, and the window
 * says so: the list shows more than before, and not because of anything done here. */
static void
tell_filters_gone (PlenaryFilterBar *self,
                   GPtrArray        *gone)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  guint n_gone = gone->len;
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  if (overlay == NULL)
    return;
  g_ptr_array_add (gone, NULL);
  joined = g_strjoinv (" · ", (char **) gone->pdata);
  /* Translators: %s names the filters (a track, a room, a session) the new programme has no
   * more, joined by " · ". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Filter cleared, not in this programme: %s",
                                       "Filters cleared, not in this programme: %s",
                                       n_gone),
                          joined);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), plenary_format_toast (text));
}

void
plenary_filter_bar_set_schedule (PlenaryFilterBar *self,
                                 PlenarySchedule  *schedule)
{
  g_autoptr (GPtrArray) gone = g_ptr_array_new ();

  g_return_if_fail (PLENARY_IS_FILTER_BAR (self));

  collect_choices (self, schedule);
  /* Without a programme (an event still loading) there is nothing to say they are not in. */
  if (schedule != NULL)
    {
      for (Filter filter = 0; filter < N_FILTERS; filter++)
        {
          char *value = *filter_field (self, filter);

          if (value != NULL && !has_choice (self->choices[filter], value))
            g_ptr_array_add (gone, value);
        }
      if (gone->len > 0)
        tell_filters_gone (self, gone);
    }
  select_filters (self, self->track, self->room, self->session);
}

void
plenary_filter_bar_set_filters (PlenaryFilterBar *self,
                                const char       *track,
                                const char       *room,
                                const char       *session)
{
  g_return_if_fail (PLENARY_IS_FILTER_BAR (self));

  select_filters (self, track, room, session);
}

gboolean
plenary_filter_bar_is_active (PlenaryFilterBar *self)
{
  g_return_val_if_fail (PLENARY_IS_FILTER_BAR (self), FALSE);

  return self->track != NULL || self->room != NULL || self->session != NULL;
}

gboolean
plenary_filter_bar_matches (PlenaryFilterBar *self,
                            PlenaryEntry     *entry)
{
  g_return_val_if_fail (PLENARY_IS_FILTER_BAR (self), FALSE);

  if (self->track != NULL)
    {
      PlenaryTrack *track = plenary_entry_get_track (entry);

      if (track == NULL || g_strcmp0 (plenary_track_get_title (track), self->track) != 0)
        return FALSE;
    }
  if (self->room != NULL
      && g_strcmp0 (plenary_room_get_name (plenary_entry_get_room (entry)), self->room) != 0)
    return FALSE;
  if (self->session != NULL
      && g_strcmp0 (plenary_entry_get_session_title (entry), self->session) != 0)
    return FALSE;
  return TRUE;
}

char *
plenary_filter_bar_dup_summary (PlenaryFilterBar *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  g_return_val_if_fail (PLENARY_IS_FILTER_BAR (self), NULL);

  if (!plenary_filter_bar_is_active (self))
    return NULL;
  if (self->track != NULL)
    g_ptr_array_add (parts, self->track);
  if (self->room != NULL)
    g_ptr_array_add (parts, self->room);
  if (self->session != NULL)
    g_ptr_array_add (parts, self->session);
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  /* Translators: the active filters of the Schedule view. */
  return g_strdup_printf (_("Only %s"), joined);
}

static void
plenary_filter_bar_dispose (GObject *object)
{
  PlenaryFilterBar *self = PLENARY_FILTER_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_FILTER_BAR);

  G_OBJECT_CLASS (plenary_filter_bar_parent_class)->dispose (object);
}

static void
plenary_filter_bar_finalize (GObject *object)
{
  PlenaryFilterBar *self = PLENARY_FILTER_BAR (object);

  g_clear_pointer (&self->track, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->session, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->choices); i++)
    g_clear_pointer (&self->choices[i], g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_filter_bar_parent_class)->finalize (object);
}

static void
plenary_filter_bar_class_init (PlenaryFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_filter_bar_dispose;
  object_class->finalize = plenary_filter_bar_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, room_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, session_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_filter_bar_init (PlenaryFilterBar *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->choices); i++)
    self->choices[i] = g_ptr_array_new_with_free_func (g_free);
  self->dropdowns_stale = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}
