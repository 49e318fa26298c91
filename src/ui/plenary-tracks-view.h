/* plenary-tracks-view.h: the programme's tracks, their descriptions and talks
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

#define PLENARY_TYPE_TRACKS_VIEW (plenary_tracks_view_get_type ())

G_DECLARE_FINAL_TYPE (PlenaryTracksView, plenary_tracks_view, PLENARY, TRACKS_VIEW, GtkWidget)

void        plenary_tracks_view_set_schedule (PlenaryTracksView *self,
                                              PlenarySchedule   *schedule);
/* PlenaryTrack items in the server's order, then "Other" (a GtkStringObject) when some
 * contributions have no track. */
GListModel *plenary_tracks_view_get_model    (PlenaryTracksView *self);
/* Number of contributions listed under @item (a track or "Other"). */
guint       plenary_tracks_view_count_talks  (PlenaryTracksView *self,
                                              GObject           *item);
void        plenary_tracks_view_show_track   (PlenaryTracksView *self,
                                              GObject           *item);
/* Day headers and contributions of the track shown. */
GListModel *plenary_tracks_view_get_entries  (PlenaryTracksView *self);

/* The dim line of a talk's row in a track: times, session and room. */
char       *plenary_tracks_view_describe_entry (PlenaryEntry      *entry,
                                                GTimeZone         *zone);

G_END_DECLS
