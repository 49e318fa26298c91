/* plenary-add-event-dialog.h: follow an event by pasting its Indico link
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/plenary-event-list.h"
#include "sync/plenary-sync-service.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_ADD_EVENT_DIALOG (plenary_add_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryAddEventDialog, plenary_add_event_dialog, PLENARY,
                      ADD_EVENT_DIALOG, AdwWindow)

/* "followed" (PlenaryEvent) is emitted once the user confirms; the event is in @events. */
PlenaryAddEventDialog *plenary_add_event_dialog_new     (GtkWindow          *parent,
                                                         PlenaryEventList   *events,
                                                         PlenarySyncService *sync);
/* Fills in @url and looks it up at once (links opened with the app). */
void                   plenary_add_event_dialog_look_up (PlenaryAddEventDialog *self,
                                                         const char            *url);

/* Whether an event was found and can be followed, and following it (what "Follow" does). */
gboolean               plenary_add_event_dialog_can_follow (PlenaryAddEventDialog *self);
void                   plenary_add_event_dialog_follow     (PlenaryAddEventDialog *self);

/* What the dialog says when looking up @url failed with @error: one sentence. */
char                  *plenary_add_event_dialog_describe_error (const GError *error,
                                                                const char   *url);

G_END_DECLS
