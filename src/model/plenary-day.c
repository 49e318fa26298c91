/* plenary-day.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-day-private.h"

struct _PlenaryDay
{
  GObject    parent_instance;

  guint      index;
  guint      n_items;
  GDateTime *date;
};

G_DEFINE_FINAL_TYPE (PlenaryDay, plenary_day, G_TYPE_OBJECT)

static void
plenary_day_finalize (GObject *object)
{
  PlenaryDay *self = PLENARY_DAY (object);

  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (plenary_day_parent_class)->finalize (object);
}

static void
plenary_day_class_init (PlenaryDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_day_finalize;
}

static void
plenary_day_init (PlenaryDay *self)
{
}

PlenaryDay *
plenary_day_new (guint      index,
                 GDateTime *date)
{
  PlenaryDay *self;

  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (PLENARY_TYPE_DAY, NULL);
  self->index = index;
  self->date = g_date_time_ref (date);

  return self;
}

void
plenary_day_set_n_items (PlenaryDay *self,
                         guint       n_items)
{
  g_return_if_fail (PLENARY_IS_DAY (self));
  self->n_items = n_items;
}

guint
plenary_day_get_index (PlenaryDay *self)
{
  g_return_val_if_fail (PLENARY_IS_DAY (self), 0);
  return self->index;
}

GDateTime *
plenary_day_get_date (PlenaryDay *self)
{
  g_return_val_if_fail (PLENARY_IS_DAY (self), NULL);
  return self->date;
}

guint
plenary_day_get_n_items (PlenaryDay *self)
{
  g_return_val_if_fail (PLENARY_IS_DAY (self), 0);
  return self->n_items;
}
