/* plenary-entry-row.h: one row of the programme lists (talk, break, block header, day header)
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_DENSITY_DETAILED,
  PLENARY_DENSITY_COMPACT,
  PLENARY_DENSITY_NUMBERED,
} PlenaryDensity;

/* What a row needs besides its item; owned by the list that shows the rows. */
typedef struct
{
  GTimeZone      *zone;          /* times are shown in this zone */
  PlenaryDensity  density;
  gboolean        show_notes;
  gboolean        show_day;      /* rows outside a day's list (search results) */
  GDateTime      *now;           /* NULL outside the event */
  gboolean      (*is_starred)    (PlenaryEntry *entry,
                                  gpointer      user_data);
  const char   *(*get_note)      (PlenaryEntry *entry,
                                  gpointer      user_data);
  guint         (*get_number)    (PlenaryEntry *entry,
                                  gpointer      user_data);
  /* A warning shown as a badge instead of "Now", e.g. "Conflict"; NULL for none. */
  const char   *(*get_warning)   (PlenaryEntry *entry,
                                  gpointer      user_data);
  /* The row's dim line, for lists that say more than the programme does (Starred, Tracks:
   * session and room, what a talk overlaps); NULL, or returning NULL, keeps the default. */
  char         *(*get_meta)      (PlenaryEntry *entry,
                                  gpointer      user_data);
  /* When set, talks have a star toggle that calls it; otherwise a star shows starred ones. */
  void          (*set_starred)   (PlenaryEntry *entry,
                                  gboolean      starred,
                                  gpointer      user_data);
  PlenaryEntry   *open_entry;    /* the one on the page beside the list, highlighted */
  /* Folded search terms: highlighted in titles and speakers; NULL when not searching. */
  const char * const *highlight;
  gpointer        user_data;
} PlenaryRowContext;

/* Fills @context for the row being bound; what it points to must outlive the bind. */
typedef void (*PlenaryRowContextFunc) (gpointer           user_data,
                                       PlenaryRowContext *context);

#define PLENARY_TYPE_ENTRY_ROW (plenary_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryEntryRow, plenary_entry_row, PLENARY, ENTRY_ROW, GtkWidget)

/* Where "now" is among a day's rows: an item the list shows as a line, not a talk. */
#define PLENARY_TYPE_NOW_MARKER (plenary_now_marker_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryNowMarker, plenary_now_marker, PLENARY, NOW_MARKER, GObject)

PlenaryNowMarker *plenary_now_marker_new      (GDateTime        *now);
GDateTime        *plenary_now_marker_get_time (PlenaryNowMarker *self);

GtkWidget *plenary_entry_row_new  (void);
/* @item: a PlenaryEntry, a PlenaryNowMarker, or a PlenaryDay or GtkStringObject shown as a
 * header. */
void       plenary_entry_row_bind (PlenaryEntryRow         *self,
                                   GObject                 *item,
                                   const PlenaryRowContext *context);
/* What a screen reader says for the row (also given to its list cell). */
const char *plenary_entry_row_get_label (PlenaryEntryRow *self);
/* The talk whose star toggle the row shows, or NULL. */
PlenaryEntry *plenary_entry_row_get_entry (PlenaryEntryRow *self);

/* A list model of the places of another list's items. GTK destroys and creates the rows of
 * the items a list removes and adds, so a list view of a model that changes wholesale (a new
 * search, another day) would rebuild every row on screen; shown through slots, the rows stay
 * and are bound to what is now in their place. */
#define PLENARY_TYPE_ROW_SLOT (plenary_row_slot_get_type ())
#define PLENARY_TYPE_ROW_SLOTS (plenary_row_slots_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryRowSlot, plenary_row_slot, PLENARY, ROW_SLOT, GObject)
G_DECLARE_FINAL_TYPE (PlenaryRowSlots, plenary_row_slots, PLENARY, ROW_SLOTS, GObject)

PlenaryRowSlots *plenary_row_slots_new     (GListModel      *items);
/* After @items changed: binds the rows on screen to what their places now hold. */
void             plenary_row_slots_refresh (PlenaryRowSlots *self);

/* A list item factory of entry rows, for a model of items or PlenaryRowSlots; items that are
 * not entries are not activatable. */
GtkListItemFactory *plenary_entry_row_factory_new (PlenaryRowContextFunc fill_context,
                                                   gpointer              user_data);

G_END_DECLS
