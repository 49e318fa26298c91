/* plenary-array-model.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-array-model.h"

/* A GListStore keeps a tree node per item: 20,000 of them to build for a fixed list, and to
 * remove and insert again each time search results are replaced. Here the items are the
 * array they were collected in. */
struct _PlenaryArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void plenary_array_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryArrayModel, plenary_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      plenary_array_model_list_model_init))

static GType
plenary_array_model_get_item_type (GListModel *model)
{
  return PLENARY_ARRAY_MODEL (model)->item_type;
}

static guint
plenary_array_model_get_n_items (GListModel *model)
{
  return PLENARY_ARRAY_MODEL (model)->items->len;
}

static gpointer
plenary_array_model_get_item (GListModel *model,
                              guint       position)
{
  GPtrArray *items = PLENARY_ARRAY_MODEL (model)->items;

  return position < items->len ? g_object_ref (g_ptr_array_index (items, position)) : NULL;
}

static void
plenary_array_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plenary_array_model_get_item_type;
  iface->get_n_items = plenary_array_model_get_n_items;
  iface->get_item = plenary_array_model_get_item;
}

static void
plenary_array_model_finalize (GObject *object)
{
  g_clear_pointer (&PLENARY_ARRAY_MODEL (object)->items, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_array_model_parent_class)->finalize (object);
}

static void
plenary_array_model_class_init (PlenaryArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_array_model_finalize;
}

static void
plenary_array_model_init (PlenaryArrayModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

PlenaryArrayModel *
plenary_array_model_new (GType item_type)
{
  PlenaryArrayModel *self = g_object_new (PLENARY_TYPE_ARRAY_MODEL, NULL);

  self->item_type = item_type;
  return self;
}

void
plenary_array_model_set (PlenaryArrayModel *self,
                         GPtrArray         *items)
{
  g_autoptr (GPtrArray) old = NULL;

  g_return_if_fail (PLENARY_IS_ARRAY_MODEL (self));
  g_return_if_fail (items != NULL);

  old = g_steal_pointer (&self->items);
  self->items = items;
  if (old->len > 0 || items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, items->len);
}
