/* plenary-array-model.h: a list model of an array of objects, replaced whole
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_ARRAY_MODEL (plenary_array_model_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryArrayModel, plenary_array_model, PLENARY, ARRAY_MODEL, GObject)

/* Items are @item_type (or of a type derived from it). */
PlenaryArrayModel *plenary_array_model_new (GType              item_type);
/* Takes @items (owning a reference to each) in place of the model's items. */
void               plenary_array_model_set (PlenaryArrayModel *self,
                                            GPtrArray         *items);

G_END_DECLS
