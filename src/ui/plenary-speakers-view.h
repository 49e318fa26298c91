/* plenary-speakers-view.h: everyone who speaks or convenes, and their talks
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_SPEAKERS_VIEW (plenary_speakers_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenarySpeakersView, plenary_speakers_view, PLENARY, SPEAKERS_VIEW,
                      GtkWidget)

void           plenary_speakers_view_set_schedule (PlenarySpeakersView *self,
                                                   PlenarySchedule     *schedule);
/* People and letter headers (GtkStringObject) as the list shows them now. */
GListModel    *plenary_speakers_view_get_model    (PlenarySpeakersView *self);
void           plenary_speakers_view_set_search   (PlenarySpeakersView *self,
                                                   const char          *text);
void           plenary_speakers_view_show_person  (PlenarySpeakersView *self,
                                                   PlenaryPerson       *person);
PlenaryPerson *plenary_speakers_view_get_person   (PlenarySpeakersView *self);
/* Talks and convened blocks of the person shown, in time order. */
GListModel    *plenary_speakers_view_get_entries  (PlenarySpeakersView *self);
/* What a person's row counts: "2 talks", "1 session", "2 talks, 1 session". */
char          *plenary_speakers_view_format_count (guint                talks,
                                                   guint                sessions);

G_END_DECLS
