/* plenary-week-grid.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-week-grid.h"
#include "util/plenary-clock.h"

#define MIN_DAY_WIDTH 150.0
#define MIN_HOUR_HEIGHT 36.0
#define MAX_HOUR_HEIGHT 480.0

/* Each box of the grid as an accessible object of its own: GTK 4.8 exposes only widgets to
 * assistive technologies, so every box gets an empty widget on its rectangle. It draws
 * nothing and takes no events; the grid draws, hit-tests and handles the keyboard. */
#define PLENARY_TYPE_WEEK_ITEM (plenary_week_item_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryWeekItem, plenary_week_item, PLENARY, WEEK_ITEM, GtkWidget)

struct _PlenaryWeekItem
{
  GtkWidget parent_instance;
  guint     index;
};

G_DEFINE_FINAL_TYPE (PlenaryWeekItem, plenary_week_item, GTK_TYPE_WIDGET)

static void
plenary_week_item_class_init (PlenaryWeekItemClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "weekitem");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
plenary_week_item_init (PlenaryWeekItem *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

struct _PlenaryWeekGrid
{
  GtkWidget          parent_instance;

  PlenaryWeekLayout *layout;
  GArray            *focus_order;
  GHashTable        *starred;
  GPtrArray         *items;       /* PlenaryWeekItem per box (NULL for bands), unowned */
  GtkAdjustment     *vadjustment; /* of the scroller, followed for the sticky headers */
  double             hour_height; /* chosen by zooming */
  double             shown_hour_height;
  gboolean           fit;         /* the day's used hours fill the height */
  int                only_day;
  int                focused;     /* box index */
  PlenaryClock      *clock;        /* where the now-line is drawn; NULL for none */
};

G_DEFINE_FINAL_TYPE (PlenaryWeekGrid, plenary_week_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HOUR_HEIGHT,
  PROP_ONLY_DAY,
  PROP_NOW,
  PROP_CLOCK,
  PROP_FIT,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
plenary_week_grid_new (void)
{
  return g_object_new (PLENARY_TYPE_WEEK_GRID, NULL);
}

void
plenary_week_palette_init (PlenaryWeekPalette *palette,
                           gboolean            dark)
{
  if (dark)
    *palette = (PlenaryWeekPalette) {
      .background = { 0.118, 0.118, 0.118, 1 },
      .foreground = { 1, 1, 1, 1 },
      .dim = { 1, 1, 1, 0.55 },
      .grid = { 1, 1, 1, 0.10 },
      .box_background = { 0.19, 0.19, 0.19, 1 },
      .now = { 1, 0.48, 0.39, 1 },
      .focus = { 0.47, 0.68, 0.93, 1 },
      .dark = TRUE,
    };
  else
    *palette = (PlenaryWeekPalette) {
      .background = { 1, 1, 1, 1 },
      .foreground = { 0, 0, 0, 0.85 },
      .dim = { 0, 0, 0, 0.55 },
      .grid = { 0, 0, 0, 0.10 },
      .box_background = { 1, 1, 1, 1 },
      .now = { 0.88, 0.11, 0.14, 1 },
      .focus = { 0.21, 0.52, 0.89, 1 },
      .dark = FALSE,
    };
}

void
plenary_week_grid_get_palette (PlenaryWeekGrid    *self,
                               PlenaryWeekPalette *palette)
{
  plenary_week_palette_init (palette,
                             adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* Bands are drawn behind their talks and need no object of their own. */
static void
rebuild_items (PlenaryWeekGrid *self)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) != NULL)
      gtk_widget_unparent (g_ptr_array_index (self->items, i));
  g_ptr_array_set_size (self->items, 0);
  if (self->layout == NULL)
    return;
  for (guint i = 0; i < plenary_week_layout_get_n_boxes (self->layout); i++)
    {
      const PlenaryWeekBox *box = plenary_week_layout_get_box (self->layout, i);
      PlenaryWeekItem *item = NULL;
      g_autofree char *label = NULL;

      if (box->kind != PLENARY_WEEK_BOX_BAND)
        {
          item = g_object_new (PLENARY_TYPE_WEEK_ITEM, NULL);
          item->index = i;
          label = plenary_week_box_describe (self->layout, box);
          gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (self));
          gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        }
      g_ptr_array_add (self->items, item);
    }
}

static void
update_accessible (PlenaryWeekGrid *self)
{
  g_autofree char *label = NULL;

  if (self->layout == NULL)
    return;
  /* Translators: the week grid of one room, for screen readers. */
  label = g_strdup_printf (_("Week of %s"),
                           plenary_room_get_name (plenary_week_layout_get_room (self->layout)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (self->focused >= 0)
    {
      g_autofree char *description = plenary_week_box_describe (
        self->layout, plenary_week_layout_get_box (self->layout, self->focused));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  for (guint i = 0; i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) != NULL)
      gtk_accessible_update_state (g_ptr_array_index (self->items, i),
                                   GTK_ACCESSIBLE_STATE_SELECTED, (int) i == self->focused, -1);
}

/* The box behind a point, or -1; the sticky day headers cover what scrolls under them. */
static int
hit (PlenaryWeekGrid *self,
     double           x,
     double           y)
{
  double top = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  if (self->layout == NULL || y < top + PLENARY_WEEK_HEADER_HEIGHT)
    return -1;
  return plenary_week_layout_hit (self->layout, x, y);
}

static GtkScrolledWindow *
find_scroller (PlenaryWeekGrid *self)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return ancestor != NULL ? GTK_SCROLLED_WINDOW (ancestor) : NULL;
}

static void
scroll_to_focused (PlenaryWeekGrid *self)
{
  GtkScrolledWindow *scroller = find_scroller (self);
  const PlenaryWeekBox *box;

  if (scroller == NULL || self->focused < 0)
    return;
  box = plenary_week_layout_get_box (self->layout, self->focused);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (scroller),
                             box->rect.origin.x - PLENARY_WEEK_AXIS_WIDTH,
                             box->rect.origin.x + box->rect.size.width);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (scroller),
                             box->rect.origin.y - PLENARY_WEEK_HEADER_HEIGHT,
                             box->rect.origin.y + box->rect.size.height);
}

void
plenary_week_grid_set_focused (PlenaryWeekGrid *self,
                               int              index)
{
  g_return_if_fail (PLENARY_IS_WEEK_GRID (self));

  if (self->layout == NULL || index >= (int) plenary_week_layout_get_n_boxes (self->layout))
    index = -1;
  self->focused = index;
  update_accessible (self);
  scroll_to_focused (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
plenary_week_grid_get_focused (PlenaryWeekGrid *self)
{
  g_return_val_if_fail (PLENARY_IS_WEEK_GRID (self), -1);

  return self->focused;
}

void
plenary_week_grid_set_layout (PlenaryWeekGrid   *self,
                              PlenaryWeekLayout *layout)
{
  g_return_if_fail (PLENARY_IS_WEEK_GRID (self));

  g_clear_pointer (&self->layout, plenary_week_layout_free);
  g_clear_pointer (&self->focus_order, g_array_unref);
  self->layout = layout;
  self->focused = -1;
  if (layout != NULL)
    {
      if (self->only_day >= (int) plenary_week_layout_get_n_days (layout))
        self->only_day = 0;
      plenary_week_layout_set_rtl (layout, gtk_widget_get_direction (GTK_WIDGET (self))
                                           == GTK_TEXT_DIR_RTL);
      plenary_week_layout_set_geometry (layout, MIN_DAY_WIDTH, self->shown_hour_height,
                                        self->only_day);
      self->focus_order = plenary_week_layout_get_focus_order (layout);
    }
  rebuild_items (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

PlenaryWeekLayout *
plenary_week_grid_get_layout (PlenaryWeekGrid *self)
{
  g_return_val_if_fail (PLENARY_IS_WEEK_GRID (self), NULL);

  return self->layout;
}

void
plenary_week_grid_set_starred (PlenaryWeekGrid *self,
                               GHashTable      *starred)
{
  g_return_if_fail (PLENARY_IS_WEEK_GRID (self));

  g_clear_pointer (&self->starred, g_hash_table_unref);
  self->starred = starred != NULL ? g_hash_table_ref (starred) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plenary_week_grid_set_only_day (PlenaryWeekGrid *self,
                                int              day)
{
  g_return_if_fail (PLENARY_IS_WEEK_GRID (self));

  if (self->layout != NULL)
    day = CLAMP (day, -1, (int) plenary_week_layout_get_n_days (self->layout) - 1);
  if (self->only_day == day)
    return;
  self->only_day = day;
  if (self->layout != NULL)
    {
      plenary_week_layout_set_geometry (self->layout, MIN_DAY_WIDTH, self->shown_hour_height,
                                        day);
      g_clear_pointer (&self->focus_order, g_array_unref);
      self->focus_order = plenary_week_layout_get_focus_order (self->layout);
    }
  self->focused = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_DAY]);
}

int
plenary_week_grid_get_only_day (PlenaryWeekGrid *self)
{
  g_return_val_if_fail (PLENARY_IS_WEEK_GRID (self), -1);

  return self->only_day;
}

double
plenary_week_grid_get_hour_height (PlenaryWeekGrid *self)
{
  g_return_val_if_fail (PLENARY_IS_WEEK_GRID (self), 0);

  return self->shown_hour_height;
}

gboolean
plenary_week_grid_get_fit (PlenaryWeekGrid *self)
{
  g_return_val_if_fail (PLENARY_IS_WEEK_GRID (self), FALSE);

  return self->fit;
}

void
plenary_week_grid_set_fit (PlenaryWeekGrid *self,
                           gboolean         fit)
{
  g_return_if_fail (PLENARY_IS_WEEK_GRID (self));

  fit = !!fit;
  if (self->fit == fit)
    return;
  self->fit = fit;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
}

/* A zoom leaves fitting to the height, from the height shown. */
void
plenary_week_grid_set_hour_height (PlenaryWeekGrid *self,
                                   double           hour_height)
{
  g_return_if_fail (PLENARY_IS_WEEK_GRID (self));

  hour_height = CLAMP (hour_height, MIN_HOUR_HEIGHT, MAX_HOUR_HEIGHT);
  plenary_week_grid_set_fit (self, FALSE);
  if (self->hour_height == hour_height && self->shown_hour_height == hour_height)
    return;
  self->hour_height = hour_height;
  self->shown_hour_height = hour_height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUR_HEIGHT]);
}

static double
used_hours (PlenaryWeekGrid *self)
{
  return (plenary_week_layout_get_last_minute (self->layout)
          - plenary_week_layout_get_first_minute (self->layout)) / 60.0;
}

static void
plenary_week_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (widget);
  double width, height;

  if (self->layout == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  /* Measuring must not move the boxes: hit tests use the allocated geometry. Fitting, the
   * grid asks for its smallest zoom and takes the height it is given. */
  width = plenary_week_layout_get_width_for (self->layout, MIN_DAY_WIDTH, self->only_day);
  height = PLENARY_WEEK_HEADER_HEIGHT + 8
           + used_hours (self) * (self->fit ? MIN_HOUR_HEIGHT : self->hour_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* One day at a time fits a phone; the week asks for room and scrolls otherwise. */
      *minimum = self->only_day >= 0 ? PLENARY_WEEK_AXIS_WIDTH + 120 : width;
      *natural = width;
    }
  else
    *minimum = *natural = height;
}

static void
plenary_week_grid_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (widget);
  double day_width;
  double shown = self->hour_height;

  if (self->layout == NULL)
    return;
  day_width = plenary_week_layout_day_width_for (self->layout, width, self->only_day);
  if (self->only_day < 0)
    day_width = MAX (day_width, MIN_DAY_WIDTH);
  if (self->fit)
    shown = CLAMP ((height - PLENARY_WEEK_HEADER_HEIGHT - 8) / MAX (used_hours (self), 1),
                   MIN_HOUR_HEIGHT, MAX_HOUR_HEIGHT);
  if (shown != self->shown_hour_height)
    {
      self->shown_hour_height = shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUR_HEIGHT]);
    }
  plenary_week_layout_set_rtl (self->layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL);
  plenary_week_layout_set_geometry (self->layout, day_width, shown, self->only_day);

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (self->items, i);
      const PlenaryWeekBox *box = plenary_week_layout_get_box (self->layout, i);
      int min;

      if (item == NULL)
        continue;
      gtk_widget_set_child_visible (item, box->rect.size.width > 0);
      gtk_widget_measure (item, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_measure (item, GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (item,
                                &(GtkAllocation) { floor (box->rect.origin.x),
                                                   floor (box->rect.origin.y),
                                                   MAX (ceil (box->rect.size.width), 1),
                                                   MAX (ceil (box->rect.size.height), 1) },
                                -1);
    }
}

static void
follow_scroller (PlenaryWeekGrid *self)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = ancestor != NULL
    ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (ancestor)) : NULL;

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_draw, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
}

static void
plenary_week_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PlenaryWeekPalette palette;
  g_autoptr (GDateTime) now = NULL;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  now = self->clock != NULL ? plenary_clock_get_now (self->clock) : NULL;
  plenary_week_grid_get_palette (self, &palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  plenary_week_layout_render (self->layout, cr, gtk_widget_get_pango_context (widget), &palette,
                              gtk_widget_has_focus (widget) ? self->focused : -1, now,
                              self->starred);
  /* The day headers stay at the top of what is in sight. */
  follow_scroller (self);
  if (self->vadjustment != NULL && gtk_adjustment_get_value (self->vadjustment) > 0)
    plenary_week_layout_render_headers (self->layout, cr, gtk_widget_get_pango_context (widget),
                                        &palette,
                                        MIN (gtk_adjustment_get_value (self->vadjustment),
                                             height - PLENARY_WEEK_HEADER_HEIGHT));
  cairo_destroy (cr);
}

static gboolean
on_query_tooltip (PlenaryWeekGrid *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  int index;
  g_autofree char *text = NULL;

  if (self->layout == NULL)
    return FALSE;
  index = keyboard ? self->focused : hit (self, x, y);
  if (index < 0)
    return FALSE;
  text = plenary_week_box_describe (self->layout, plenary_week_layout_get_box (self->layout,
                                                                               index));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
activate_box (PlenaryWeekGrid *self,
              int              index)
{
  const PlenaryWeekBox *box;

  if (self->layout == NULL || index < 0)
    return;
  box = plenary_week_layout_get_box (self->layout, index);
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, box->entry);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   PlenaryWeekGrid *self)
{
  int index = hit (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0)
    return;
  if (plenary_week_layout_get_box (self->layout, index)->kind != PLENARY_WEEK_BOX_BAND)
    plenary_week_grid_set_focused (self, index);
  activate_box (self, index);
}

static int
order_position (PlenaryWeekGrid *self)
{
  for (guint i = 0; self->focus_order != NULL && i < self->focus_order->len; i++)
    if ((int) g_array_index (self->focus_order, guint, i) == self->focused)
      return i;
  return -1;
}

/* The box in the next day column (±1) that overlaps the focused box's time best. */
static int
neighbour_in_day (PlenaryWeekGrid *self,
                  int              step)
{
  const PlenaryWeekBox *from = plenary_week_layout_get_box (self->layout, self->focused);
  int best = -1, best_distance = G_MAXINT;

  for (guint i = 0; i < self->focus_order->len; i++)
    {
      guint index = g_array_index (self->focus_order, guint, i);
      const PlenaryWeekBox *box = plenary_week_layout_get_box (self->layout, index);
      int distance = ABS (box->start_minute - from->start_minute);

      if ((int) box->day != (int) from->day + step
          && !(box->day == from->day && (int) box->column == (int) from->column + step))
        continue;
      if (box->day == from->day)
        distance = -1;   /* a column beside it on the same day comes first */
      if (distance < best_distance)
        {
          best = index;
          best_distance = distance;
        }
    }
  return best;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PlenaryWeekGrid       *self)
{
  int position = order_position (self);
  guint n = self->focus_order ? self->focus_order->len : 0;
  int target = -1;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = position < 0 ? 0 : MIN (position + 1, (int) n - 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = position < 0 ? 0 : MAX (position - 1, 0);
      break;
    case GDK_KEY_Home:
      target = 0;
      break;
    case GDK_KEY_End:
      target = n - 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Right:
      {
        int step = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;
        int index;

        /* Days run from right to left in a right-to-left layout. */
        if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
          step = -step;

        if (position < 0)
          {
            target = 0;
            break;
          }
        index = neighbour_in_day (self, step);
        if (index < 0 && self->only_day >= 0)
          {
            /* One day at a time: the arrows turn the page. */
            plenary_week_grid_set_only_day (self, self->only_day + step);
            return TRUE;
          }
        if (index >= 0)
          plenary_week_grid_set_focused (self, index);
        return TRUE;
      }
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_box (self, self->focused);
      return TRUE;
    default:
      return FALSE;
    }

  plenary_week_grid_set_focused (self, g_array_index (self->focus_order, guint, target));
  return TRUE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           PlenaryWeekGrid          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  plenary_week_grid_set_hour_height (self, self->shown_hour_height * (dy < 0 ? 1.15 : 1 / 1.15));
  return TRUE;
}

static void
on_swipe (GtkGestureSwipe *gesture,
          double           velocity_x,
          double           velocity_y,
          PlenaryWeekGrid *self)
{
  if (self->only_day < 0 || ABS (velocity_x) < ABS (velocity_y) || ABS (velocity_x) < 300)
    return;
  plenary_week_grid_set_only_day (self, self->only_day + (velocity_x < 0 ? 1 : -1));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (widget);

  if (g_str_equal (action_name, "grid.zoom-in"))
    plenary_week_grid_set_hour_height (self, self->shown_hour_height * 1.25);
  else if (g_str_equal (action_name, "grid.zoom-out"))
    plenary_week_grid_set_hour_height (self, self->shown_hour_height / 1.25);
  else
    plenary_week_grid_set_fit (self, TRUE);
}

static void
on_focus_changed (PlenaryWeekGrid *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focused < 0 && self->focus_order
      && self->focus_order->len > 0)
    plenary_week_grid_set_focused (self, g_array_index (self->focus_order, guint, 0));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
plenary_week_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_HOUR_HEIGHT:
      g_value_set_double (value, self->shown_hour_height);
      break;
    case PROP_FIT:
      g_value_set_boolean (value, self->fit);
      break;
    case PROP_ONLY_DAY:
      g_value_set_int (value, self->only_day);
      break;
    case PROP_NOW:
      g_value_take_boxed (value, self->clock != NULL ? plenary_clock_get_now (self->clock) : NULL);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_week_grid_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_HOUR_HEIGHT:
      plenary_week_grid_set_hour_height (self, g_value_get_double (value));
      break;
    case PROP_ONLY_DAY:
      plenary_week_grid_set_only_day (self, g_value_get_int (value));
      break;
    case PROP_FIT:
      plenary_week_grid_set_fit (self, g_value_get_boolean (value));
      break;
    case PROP_CLOCK:
      if (self->clock != NULL)
        g_signal_handlers_disconnect_by_data (self->clock, self);
      g_set_object (&self->clock, g_value_get_object (value));
      /* The line moves with each minute and with every jump of the clock. */
      if (self->clock != NULL)
        {
          g_signal_connect_object (self->clock, "tick", G_CALLBACK (gtk_widget_queue_draw),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->clock, "time-changed",
                                   G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
        }
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_week_grid_dispose (GObject *object)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (object);

  g_clear_pointer (&self->layout, plenary_week_layout_free);
  if (self->items != NULL)
    rebuild_items (self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_draw, self);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (plenary_week_grid_parent_class)->dispose (object);
}

static void
plenary_week_grid_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous)
{
  gtk_widget_queue_allocate (widget);
}

static void
plenary_week_grid_finalize (GObject *object)
{
  PlenaryWeekGrid *self = PLENARY_WEEK_GRID (object);

  g_clear_pointer (&self->layout, plenary_week_layout_free);
  g_clear_pointer (&self->focus_order, g_array_unref);
  g_clear_pointer (&self->starred, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_week_grid_parent_class)->finalize (object);
}

static void
plenary_week_grid_class_init (PlenaryWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_week_grid_get_property;
  object_class->set_property = plenary_week_grid_set_property;
  object_class->dispose = plenary_week_grid_dispose;
  object_class->finalize = plenary_week_grid_finalize;
  widget_class->direction_changed = plenary_week_grid_direction_changed;
  widget_class->measure = plenary_week_grid_measure;
  widget_class->size_allocate = plenary_week_grid_size_allocate;
  widget_class->snapshot = plenary_week_grid_snapshot;

  properties[PROP_HOUR_HEIGHT] =
    g_param_spec_double ("hour-height", NULL, NULL, MIN_HOUR_HEIGHT, MAX_HOUR_HEIGHT, 96,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_DAY] =
    g_param_spec_int ("only-day", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT] =
    g_param_spec_boolean ("fit", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the clock reads: where the now-line is drawn. */
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, PLENARY_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ENTRY_ACTIVATED] = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, PLENARY_TYPE_ENTRY);

  gtk_widget_class_install_action (widget_class, "grid.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "grid.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "grid.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "grid.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "grid.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "grid.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "grid.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "grid.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "grid.zoom-reset", NULL);
  gtk_widget_class_set_css_name (widget_class, "weekgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plenary_week_grid_init (PlenaryWeekGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *swipe = gtk_gesture_swipe_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->hour_height = 96;
  self->shown_hour_height = 96;
  self->fit = TRUE;
  self->items = g_ptr_array_new ();
  self->only_day = -1;
  self->focused = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (swipe), TRUE);
  g_signal_connect (swipe, "swipe", G_CALLBACK (on_swipe), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (swipe));
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}
