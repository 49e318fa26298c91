/* plenary-entry-page.h: everything about one talk, break or session block
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"
#include "store/plenary-user-data.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_ENTRY_PAGE (plenary_entry_page_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryEntryPage, plenary_entry_page, PLENARY, ENTRY_PAGE, GtkWidget)

/* Shows @entry (NULL for the empty state); times in @event_zone, and in @local_zone too
 * where the two differ. */
void          plenary_entry_page_set_entry        (PlenaryEntryPage *self,
                                                   PlenaryEntry     *entry,
                                                   GTimeZone        *event_zone,
                                                   GTimeZone        *local_zone);
PlenaryEntry *plenary_entry_page_get_entry        (PlenaryEntryPage *self);
void          plenary_entry_page_set_starred      (PlenaryEntryPage *self,
                                                   gboolean          starred);
void          plenary_entry_page_set_note         (PlenaryEntryPage *self,
                                                   const char       *note);
/* Where the star and the note of the talk shown are read from and written to (by the
 * "star-toggled" and "note-changed" signals' own handlers); NULL (the sample without its
 * scratch data) hides them. Read again for the talk shown. */
void          plenary_entry_page_set_user_data    (PlenaryEntryPage *self,
                                                   PlenaryUserData  *user_data);
void          plenary_entry_page_set_back_visible (PlenaryEntryPage *self,
                                                   gboolean          visible);
/* The time it is, for "Happening now · 12 min left"; NULL outside the event. */
void          plenary_entry_page_set_now          (PlenaryEntryPage *self,
                                                   GDateTime        *now);
/* That line, or NULL when the talk is not on. */
const char   *plenary_entry_page_get_now_text     (PlenaryEntryPage *self);
/* Where focus goes when the page replaces the list (a narrow window): its back button. */
void          plenary_entry_page_focus_back       (PlenaryEntryPage *self);

/* Only http and https links ever leave the app. */
void          plenary_open_web_uri                (GtkWidget        *parent,
                                                   const char       *uri);

G_END_DECLS
