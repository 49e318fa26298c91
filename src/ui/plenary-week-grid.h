/* plenary-week-grid.h: a drawn week grid of one room
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plenary-week-layout.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_WEEK_GRID (plenary_week_grid_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryWeekGrid, plenary_week_grid, PLENARY, WEEK_GRID, GtkWidget)

GtkWidget         *plenary_week_grid_new          (void);
/* Takes ownership of @layout; NULL clears the grid. */
void               plenary_week_grid_set_layout   (PlenaryWeekGrid   *self,
                                                   PlenaryWeekLayout *layout);
PlenaryWeekLayout *plenary_week_grid_get_layout   (PlenaryWeekGrid   *self);
/* -1 for every day side by side. */
void               plenary_week_grid_set_only_day (PlenaryWeekGrid   *self,
                                                   int                day);
int                plenary_week_grid_get_only_day (PlenaryWeekGrid   *self);
double             plenary_week_grid_get_hour_height (PlenaryWeekGrid *self);
void               plenary_week_grid_set_hour_height (PlenaryWeekGrid *self,
                                                      double           hour_height);
/* Whether the hours the room uses fill the height (the default, until a zoom). */
gboolean           plenary_week_grid_get_fit      (PlenaryWeekGrid   *self);
void               plenary_week_grid_set_fit      (PlenaryWeekGrid   *self,
                                                   gboolean           fit);
/* Box index with keyboard focus, or -1. */
int                plenary_week_grid_get_focused  (PlenaryWeekGrid   *self);
void               plenary_week_grid_set_focused  (PlenaryWeekGrid   *self,
                                                   int                index);
/* Entries drawn with a star; the set is borrowed. */
void               plenary_week_grid_set_starred  (PlenaryWeekGrid   *self,
                                                   GHashTable        *starred);
void               plenary_week_grid_get_palette  (PlenaryWeekGrid   *self,
                                                   PlenaryWeekPalette *palette);
void               plenary_week_palette_init      (PlenaryWeekPalette *palette,
                                                   gboolean            dark);

G_END_DECLS
