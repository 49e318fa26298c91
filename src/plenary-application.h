/* plenary-application.h
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLENARY_TYPE_APPLICATION (plenary_application_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryApplication, plenary_application, PLENARY, APPLICATION,
                      AdwApplication)

PlenaryApplication *plenary_application_new          (const char        *application_id,
                                                      GApplicationFlags  flags);
GSettings          *plenary_application_get_settings (PlenaryApplication *self);

typedef struct _PlenaryEventList PlenaryEventList;
typedef struct _PlenarySyncService PlenarySyncService;
typedef struct _PlenaryEvent PlenaryEvent;
typedef struct _PlenaryFavoritesSync PlenaryFavoritesSync;
typedef struct _PlenarySession PlenarySession;

/* The followed events, their sync and reminders; NULL before startup. The accessors below
 * are the session's, for the windows. */
PlenarySession     *plenary_application_get_session  (PlenaryApplication *self);

PlenaryEventList   *plenary_application_get_events   (PlenaryApplication *self);
PlenarySyncService *plenary_application_get_sync     (PlenaryApplication *self);
PlenaryFavoritesSync *plenary_application_get_favorites (PlenaryApplication *self);
void                plenary_application_save_events  (PlenaryApplication *self);
void                plenary_application_forget_event (PlenaryApplication *self,
                                                      PlenaryEvent       *event);
void                plenary_application_show_sample  (PlenaryApplication *self);
void                plenary_application_watch_reminders (PlenaryApplication *self,
                                                         PlenaryEvent       *event);

G_END_DECLS
