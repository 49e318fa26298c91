/* plenary-day-switcher.h: the days of an event as buttons where they fit, else a drop-down
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_DAY_SWITCHER (plenary_day_switcher_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryDaySwitcher, plenary_day_switcher, PLENARY, DAY_SWITCHER,
                      GtkWidget)

/* @days: PlenaryDay, or NULL for none; @day is shown chosen (no "day" notification). */
void   plenary_day_switcher_set_days (PlenaryDaySwitcher *self,
                                      GListModel         *days,
                                      guint               day);
/* The "day" property: the index of the chosen day; notified when the user picks another. */
guint  plenary_day_switcher_get_day  (PlenaryDaySwitcher *self);
void   plenary_day_switcher_set_day  (PlenaryDaySwitcher *self,
                                      guint               day);

G_END_DECLS
