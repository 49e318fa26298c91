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

struct _PlenaryFilterBar
{
  GtkWidget    parent_instance;

  char        *track;     /* NULL for any */
  char        *room;
  char        *session;
  gboolean     updating;

  GtkWidget   *filter_button;
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

/* Takes the filters from the drop-downs: whether that changed what they let through. */
static gboolean
read_filters (PlenaryFilterBar *self)
{
  struct { GtkDropDown *dropdown; char **field; } filters[] = {
    { self->track_dropdown, &self->track },
    { self->room_dropdown, &self->room },
    { self->session_dropdown, &self->session },
  };
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      guint selected = gtk_drop_down_get_selected (filters[i].dropdown);
      GtkStringObject *object = gtk_drop_down_get_selected_item (filters[i].dropdown);
      /* Row 0 is "All …". */
      const char *value = selected > 0 && object != NULL ? gtk_string_object_get_string (object)
                                                         : NULL;

      if (value != NULL && value[0] == '\0')
        value = NULL;
      if (g_strcmp0 (value, *filters[i].field) != 0)
        {
          g_free (*filters[i].field);
          *filters[i].field = g_strdup (value);
          changed = TRUE;
        }
    }
  return changed;
}

static void
on_dropdown_selected (PlenaryFilterBar *self)
{
  if (!self->updating && read_filters (self))
    g_signal_emit (self, signals[CHANGED], 0);
}

static GtkStringList *
new_choice_list (const char *all,
                 GPtrArray  *values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < values->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (values, i));
  return list;
}

static void
rebuild_choices (PlenaryFilterBar *self,
                 PlenarySchedule  *schedule)
{
  g_autoptr (GPtrArray) tracks = g_ptr_array_new ();
  g_autoptr (GPtrArray) rooms = g_ptr_array_new ();
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GtkStringList) track_list = NULL;
  g_autoptr (GtkStringList) room_list = NULL;
  g_autoptr (GtkStringList) session_list = NULL;

  if (schedule != NULL)
    {
      GListModel *model = plenary_schedule_get_tracks (schedule);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (PlenaryTrack) track = g_list_model_get_item (model, i);

          g_ptr_array_add (tracks, (gpointer) plenary_track_get_title (track));
        }
      model = plenary_schedule_get_rooms (schedule);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (PlenaryRoom) room = g_list_model_get_item (model, i);

          if (plenary_room_get_name (room)[0] != '\0')
            g_ptr_array_add (rooms, (gpointer) plenary_room_get_name (room));
        }
      model = plenary_schedule_get_blocks (schedule);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (PlenaryEntry) block = g_list_model_get_item (model, i);
          const char *session = plenary_entry_get_session_title (block);

          if (session[0] != '\0' && g_hash_table_add (seen, (gpointer) session))
            g_ptr_array_add (sessions, g_strdup (session));
        }
      g_ptr_array_sort (sessions, (GCompareFunc) g_strcmp0);
    }

  self->updating = TRUE;
  track_list = new_choice_list (_("All Tracks"), tracks);
  room_list = new_choice_list (_("All Rooms"), rooms);
  session_list = new_choice_list (_("All Sessions"), sessions);
  gtk_drop_down_set_model (self->track_dropdown, G_LIST_MODEL (track_list));
  gtk_drop_down_set_model (self->room_dropdown, G_LIST_MODEL (room_list));
  gtk_drop_down_set_model (self->session_dropdown, G_LIST_MODEL (session_list));
  self->updating = FALSE;
}

static guint
find_choice (GtkDropDown *dropdown,
             const char  *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 1; value != NULL && value[0] != '\0' && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), value) == 0)
      return i;
  return 0;
}

/* Chooses these filters where the drop-downs have them, "All …" elsewhere; "changed" when
 * that changed what they let through. */
static void
select_filters (PlenaryFilterBar *self,
                const char       *track,
                const char       *room,
                const char       *session)
{
  guint track_row = find_choice (self->track_dropdown, track);
  guint room_row = find_choice (self->room_dropdown, room);
  guint session_row = find_choice (self->session_dropdown, session);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->track_dropdown, track_row);
  gtk_drop_down_set_selected (self->room_dropdown, room_row);
  gtk_drop_down_set_selected (self->session_dropdown, session_row);
  self->updating = FALSE;
  on_dropdown_selected (self);
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

  rebuild_choices (self, schedule);
  /* Without a programme (an event still loading) there is nothing to say they are not in. */
  if (schedule != NULL)
    {
      if (self->track != NULL && find_choice (self->track_dropdown, self->track) == 0)
        g_ptr_array_add (gone, self->track);
      if (self->room != NULL && find_choice (self->room_dropdown, self->room) == 0)
        g_ptr_array_add (gone, self->room);
      if (self->session != NULL && find_choice (self->session_dropdown, self->session) == 0)
        g_ptr_array_add (gone, self->session);
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
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, room_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlenaryFilterBar, session_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_filter_bar_init (PlenaryFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild_choices (self, NULL);
}
