/* plenary-day-switcher.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "model/plenary-schedule.h"
#include "plenary-day-switcher.h"
#include "plenary-format.h"

struct _PlenaryDaySwitcher
{
  GtkWidget    parent_instance;

  guint        day;
  GPtrArray   *buttons;          /* GtkToggleButton per day, empty ones hidden */
  GArray      *dropdown_days;    /* guint: the day of each of day_dropdown's rows */
  gboolean     updating;

  GtkWidget   *squeezer;
  GtkBox      *day_box;
  GtkDropDown *day_dropdown;
};

G_DEFINE_FINAL_TYPE (PlenaryDaySwitcher, plenary_day_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The drop-down shows the day chosen (none while it is a day with nothing on). */
static void
update_dropdown (PlenaryDaySwitcher *self)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->dropdown_days->len; i++)
    if (g_array_index (self->dropdown_days, guint, i) == self->day)
      selected = i;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->day_dropdown, selected);
  self->updating = FALSE;
}

void
plenary_day_switcher_set_day (PlenaryDaySwitcher *self,
                              guint               day)
{
  g_return_if_fail (PLENARY_IS_DAY_SWITCHER (self));

  if (self->day == day)
    return;
  self->day = day;
  self->updating = TRUE;
  if (day < self->buttons->len)
    gtk_toggle_button_set_active (g_ptr_array_index (self->buttons, day), TRUE);
  self->updating = FALSE;
  update_dropdown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

guint
plenary_day_switcher_get_day (PlenaryDaySwitcher *self)
{
  g_return_val_if_fail (PLENARY_IS_DAY_SWITCHER (self), 0);

  return self->day;
}

static void
on_day_button_toggled (GtkToggleButton    *button,
                       PlenaryDaySwitcher *self)
{
  if (!self->updating && gtk_toggle_button_get_active (button))
    plenary_day_switcher_set_day (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                             "day-index")));
}

static void
on_day_dropdown_selected (PlenaryDaySwitcher *self)
{
  guint selected = gtk_drop_down_get_selected (self->day_dropdown);

  if (self->updating || selected >= self->dropdown_days->len)
    return;
  plenary_day_switcher_set_day (self, g_array_index (self->dropdown_days, guint, selected));
}

void
plenary_day_switcher_set_days (PlenaryDaySwitcher *self,
                               GListModel         *days,
                               guint               day)
{
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);
  GtkToggleButton *group = NULL;
  GtkWidget *child;

  g_return_if_fail (PLENARY_IS_DAY_SWITCHER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_box))) != NULL)
    gtk_box_remove (self->day_box, child);
  g_ptr_array_set_size (self->buttons, 0);
  g_array_set_size (self->dropdown_days, 0);
  self->day = day;

  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr (PlenaryDay) item = g_list_model_get_item (days, i);
      g_autofree char *label = plenary_format_day_short (plenary_day_get_date (item));
      g_autofree char *tooltip = plenary_format_day_long (plenary_day_get_date (item));
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "day");
      /* A day with nothing on is skipped, not shown as a tab that looks disabled (Alt+N and
       * Ctrl+Page Down still count it, and say "Nothing Scheduled"). */
      if (plenary_day_get_n_items (item) == 0)
        {
          gtk_widget_set_visible (button, FALSE);
          gtk_widget_add_css_class (button, "empty-day");
        }
      else
        {
          gtk_string_list_append (choices, tooltip);
          g_array_append_val (self->dropdown_days, i);
        }
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "day-index", GUINT_TO_POINTER (i));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == day);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_day_button_toggled), self, 0);
      gtk_box_append (self->day_box, button);
      g_ptr_array_add (self->buttons, button);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->day_dropdown, G_LIST_MODEL (choices));
  self->updating = FALSE;
  update_dropdown (self);
}

static void
plenary_day_switcher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlenaryDaySwitcher *self = PLENARY_DAY_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_day_switcher_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlenaryDaySwitcher *self = PLENARY_DAY_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_DAY:
      plenary_day_switcher_set_day (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_day_switcher_dispose (GObject *object)
{
  PlenaryDaySwitcher *self = PLENARY_DAY_SWITCHER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_DAY_SWITCHER);

  G_OBJECT_CLASS (plenary_day_switcher_parent_class)->dispose (object);
}

static void
plenary_day_switcher_finalize (GObject *object)
{
  PlenaryDaySwitcher *self = PLENARY_DAY_SWITCHER (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->dropdown_days, g_array_unref);

  G_OBJECT_CLASS (plenary_day_switcher_parent_class)->finalize (object);
}

static void
plenary_day_switcher_class_init (PlenaryDaySwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_day_switcher_get_property;
  object_class->set_property = plenary_day_switcher_set_property;
  object_class->dispose = plenary_day_switcher_dispose;
  object_class->finalize = plenary_day_switcher_finalize;

  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-day-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryDaySwitcher, squeezer);
  gtk_widget_class_bind_template_child (widget_class, PlenaryDaySwitcher, day_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryDaySwitcher, day_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_dropdown_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_day_switcher_init (PlenaryDaySwitcher *self)
{
  self->buttons = g_ptr_array_new ();
  self->dropdown_days = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_init_template (GTK_WIDGET (self));
}
