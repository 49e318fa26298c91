/* plenary-rooms-view.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-rooms-view.h"
#include "plenary-view.h"
#include "util/plenary-clock.h"

/* Below this width a week does not fit: show one day and turn pages. */
#define NARROW_WIDTH 600

struct _PlenaryRoomsView
{
  GtkWidget         parent_instance;

  PlenarySchedule  *schedule;
  PlenaryRoom      *room;
  PlenaryUserData  *user_data;
  PlenaryClock     *clock;
  GPtrArray        *rooms;        /* PlenaryRoom, as the drop-down lists them */
  gboolean          narrow;
  guint             narrow_idle;

  GtkStack         *stack;
  GtkDropDown      *room_dropdown;
  GtkWidget        *day_nav;
  GtkWidget        *zoom_box;
  GtkScrolledWindow *scroller;
  PlenaryWeekGrid  *grid;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryRoomsView, plenary_rooms_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLENARY_TYPE_VIEW, NULL))

enum {
  CHAIR_REQUESTED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_USER_DATA,
  PROP_CLOCK,
};

static guint signals[N_SIGNALS];

PlenaryWeekGrid *
plenary_rooms_view_get_grid (PlenaryRoomsView *self)
{
  g_return_val_if_fail (PLENARY_IS_ROOMS_VIEW (self), NULL);

  return self->grid;
}

PlenaryRoom *
plenary_rooms_view_get_room (PlenaryRoomsView *self)
{
  g_return_val_if_fail (PLENARY_IS_ROOMS_VIEW (self), NULL);

  return self->room;
}

void
plenary_rooms_view_set_clock (PlenaryRoomsView *self,
                              PlenaryClock     *clock)
{
  g_return_if_fail (PLENARY_IS_ROOMS_VIEW (self));
  g_return_if_fail (PLENARY_IS_CLOCK (clock));

  if (self->clock == clock)
    return;
  g_set_object (&self->clock, clock);
  /* The now-line is drawn at the app's clock (a rehearsal's or a test's), and moves with it. */
  g_object_set (self->grid, "clock", clock, NULL);
}

static void
update_starred (PlenaryRoomsView *self)
{
  g_autoptr (GHashTable) starred = g_hash_table_new (NULL, NULL);
  g_auto (GStrv) keys = NULL;

  if (self->user_data != NULL && self->schedule != NULL)
    {
      keys = plenary_user_data_dup_starred (self->user_data);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          PlenaryEntry *entry = plenary_schedule_lookup_user_key (self->schedule, keys[i]);

          if (entry != NULL)
            g_hash_table_add (starred, entry);
        }
    }
  plenary_week_grid_set_starred (self->grid, starred);
}

void
plenary_rooms_view_set_user_data (PlenaryRoomsView *self,
                                  PlenaryUserData  *user_data)
{
  g_return_if_fail (PLENARY_IS_ROOMS_VIEW (self));

  if (self->user_data == user_data)
    return;
  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_func (self->user_data, update_starred, self);
  g_set_object (&self->user_data, user_data);
  if (user_data != NULL)
    g_signal_connect_object (user_data, "changed", G_CALLBACK (update_starred), self,
                             G_CONNECT_SWAPPED);
  update_starred (self);
}

void
plenary_rooms_view_set_room (PlenaryRoomsView *self,
                             PlenaryRoom      *room)
{
  g_return_if_fail (PLENARY_IS_ROOMS_VIEW (self));

  g_set_object (&self->room, room);
  plenary_week_grid_set_layout (self->grid, room != NULL && self->schedule != NULL
                                            ? plenary_week_layout_new (self->schedule, room)
                                            : NULL);
  for (guint i = 0; i < self->rooms->len; i++)
    if (g_ptr_array_index (self->rooms, i) == room
        && gtk_drop_down_get_selected (self->room_dropdown) != i)
      gtk_drop_down_set_selected (self->room_dropdown, i);
}

static void
on_room_dropdown_selected (PlenaryRoomsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->room_dropdown);

  if (selected < self->rooms->len && g_ptr_array_index (self->rooms, selected) != self->room)
    plenary_rooms_view_set_room (self, g_ptr_array_index (self->rooms, selected));
}

void
plenary_rooms_view_set_schedule (PlenaryRoomsView *self,
                                 PlenarySchedule  *schedule)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *previous = NULL;
  PlenaryRoom *keep = NULL;
  PlenaryRoom *busiest = NULL;
  guint most = 0;
  GListModel *rooms;

  g_return_if_fail (PLENARY_IS_ROOMS_VIEW (self));

  previous = self->room != NULL ? g_strdup (plenary_room_get_name (self->room)) : NULL;
  g_set_object (&self->schedule, schedule);
  g_ptr_array_set_size (self->rooms, 0);

  rooms = schedule != NULL ? plenary_schedule_get_rooms (schedule) : NULL;
  for (guint i = 0; rooms != NULL && i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (PlenaryRoom) room = g_list_model_get_item (rooms, i);
      g_autoptr (GPtrArray) entries = plenary_week_room_entries (schedule, room);
      guint n = entries->len;
      const char *name = plenary_room_get_name (room);
      g_autofree char *label = NULL;

      if (n == 0)
        continue;
      /* Translators: a room and how many talks and breaks it holds. */
      label = g_strdup_printf (_("%s (%u)"), name[0] != '\0' ? name : _("No room"), n);
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->rooms, g_object_ref (room));
      if (g_strcmp0 (name, previous) == 0)
        keep = room;
      if (n > most)
        {
          most = n;
          busiest = room;
        }
    }

  g_signal_handlers_block_by_func (self->room_dropdown, on_room_dropdown_selected, self);
  gtk_drop_down_set_model (self->room_dropdown, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->room_dropdown, on_room_dropdown_selected, self);

  gtk_stack_set_visible_child_name (self->stack, self->rooms->len > 0 ? "grid" : "empty");
  /* The room on screen stays across a sync while it still exists. */
  if (keep == NULL)
    keep = busiest;
  g_clear_object (&self->room);
  plenary_rooms_view_set_room (self, keep);
  update_starred (self);
}

static void
on_grid_entry_activated (PlenaryRoomsView *self,
                         PlenaryEntry     *entry)
{
  plenary_view_entry_activated (PLENARY_VIEW (self), entry);
}

/* One day at a time opens on today's during the event (a rehearsal's today too), else on the
 * first day. */
static int
today_or_first (PlenaryRoomsView *self)
{
  PlenaryWeekLayout *layout = plenary_week_grid_get_layout (self->grid);
  g_autoptr (GDateTime) now = self->clock != NULL ? plenary_clock_get_now (self->clock) : NULL;
  int day = layout != NULL && now != NULL ? plenary_week_layout_day_of (layout, now) : -1;

  if (day < 0 || plenary_week_layout_day_is_empty (layout, day))
    return 0;
  return day;
}

static gboolean
apply_narrow_cb (gpointer user_data)
{
  PlenaryRoomsView *self = user_data;

  self->narrow_idle = 0;
  gtk_widget_set_visible (self->day_nav, self->narrow);
  /* The zoom buttons do not fit beside the day buttons on a phone; the day fits the height
   * anyway, and Ctrl+scroll and Ctrl+plus/minus still zoom. */
  gtk_widget_set_visible (self->zoom_box, !self->narrow);
  if (self->narrow && plenary_week_grid_get_only_day (self->grid) < 0)
    plenary_week_grid_set_only_day (self->grid, today_or_first (self));
  else if (!self->narrow)
    plenary_week_grid_set_only_day (self->grid, -1);
  return G_SOURCE_REMOVE;
}

static void
plenary_rooms_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  /* Switching layout changes the grid's size request: not from inside an allocation. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add (apply_narrow_cb, self);
    }
  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
plenary_rooms_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (PLENARY_ROOMS_VIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
step_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (widget);
  int step = g_str_equal (action_name, "rooms.next-day") ? 1 : -1;

  plenary_week_grid_set_only_day (self->grid,
                                  MAX (plenary_week_grid_get_only_day (self->grid) + step, 0));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (widget);

  const char *grid_action = g_str_equal (action_name, "rooms.zoom-in") ? "grid.zoom-in"
                            : g_str_equal (action_name, "rooms.zoom-out") ? "grid.zoom-out"
                            : "grid.zoom-reset";

  gtk_widget_activate_action (GTK_WIDGET (self->grid), grid_action, NULL);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    PlenaryRoomsView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  PlenaryWeekLayout *layout = plenary_week_grid_get_layout (self->grid);
  PlenaryWeekExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog),
                                                                       "format"));

  if (response == GTK_RESPONSE_ACCEPT && layout != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL || !plenary_week_layout_export (layout, path, format, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (root), _("Export Failed"),
                                                       error ? error->message
                                                             : _("Choose a local file."));

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
      gtk_widget_queue_allocate (GTK_WIDGET (self->grid));
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (widget);
  gboolean pdf = g_strcmp0 (g_variant_get_string (parameter, NULL), "pdf") == 0;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->room == NULL)
    return;
  dialog = gtk_file_chooser_native_new (pdf ? _("Export Room as PDF")
                                            : _("Export Room as Image"),
                                        GTK_WINDOW (root), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("PNG images"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = g_strdup_printf ("%s.%s", plenary_room_get_name (self->room)[0] != '\0'
                                   ? plenary_room_get_name (self->room) : _("No room"),
                          pdf ? "pdf" : "png");
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "format",
                     GINT_TO_POINTER (pdf ? PLENARY_WEEK_EXPORT_PDF : PLENARY_WEEK_EXPORT_PNG));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
chair_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (widget);

  if (self->room != NULL)
    g_signal_emit (self, signals[CHAIR_REQUESTED], 0, self->room);
}

static void
plenary_rooms_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (object);

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
plenary_rooms_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      plenary_rooms_view_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_USER_DATA:
      plenary_rooms_view_set_user_data (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      plenary_rooms_view_set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_rooms_view_dispose (GObject *object)
{
  PlenaryRoomsView *self = PLENARY_ROOMS_VIEW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_ROOMS_VIEW);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  g_clear_object (&self->room);
  g_clear_object (&self->schedule);
  g_clear_object (&self->user_data);

  G_OBJECT_CLASS (plenary_rooms_view_parent_class)->dispose (object);
}

static void
plenary_rooms_view_class_init (PlenaryRoomsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_rooms_view_get_property;
  object_class->set_property = plenary_rooms_view_set_property;
  object_class->dispose = plenary_rooms_view_dispose;
  widget_class->size_allocate = plenary_rooms_view_size_allocate;
  widget_class->measure = plenary_rooms_view_measure;

  g_object_class_override_property (object_class, PROP_SCHEDULE, "schedule");
  g_object_class_override_property (object_class, PROP_USER_DATA, "user-data");
  g_object_class_override_property (object_class, PROP_CLOCK, "clock");


  signals[CHAIR_REQUESTED] = g_signal_new ("chair-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, PLENARY_TYPE_ROOM);

  g_type_ensure (PLENARY_TYPE_WEEK_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-rooms-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryRoomsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryRoomsView, room_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlenaryRoomsView, day_nav);
  gtk_widget_class_bind_template_child (widget_class, PlenaryRoomsView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryRoomsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlenaryRoomsView, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_entry_activated);

  gtk_widget_class_install_action (widget_class, "rooms.next-day", NULL, step_day_action);
  gtk_widget_class_install_action (widget_class, "rooms.previous-day", NULL, step_day_action);
  gtk_widget_class_install_action (widget_class, "rooms.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "rooms.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "rooms.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "rooms.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "rooms.chair", NULL, chair_action);
}

static void
plenary_rooms_view_init (PlenaryRoomsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rooms = g_ptr_array_new_with_free_func (g_object_unref);
  plenary_rooms_view_set_clock (self, plenary_clock_get_default ());
  g_signal_connect_object (self->room_dropdown, "notify::selected",
                           G_CALLBACK (on_room_dropdown_selected), self, G_CONNECT_SWAPPED);
  /* GTK 4.8's drop-down leaves its own button nameless for screen readers. */
  {
    GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->room_dropdown));

    if (GTK_IS_TOGGLE_BUTTON (button))
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose a room"), -1);
  }
}
