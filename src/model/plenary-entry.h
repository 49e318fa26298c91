/* plenary-entry.h: a contribution, a break or a session block of the timetable
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-model-types.h"

G_BEGIN_DECLS

PlenaryEntryKind  plenary_entry_get_kind            (PlenaryEntry *self);
/* The timetable entry id ("c5002", "b5010", "s5001"); for unscheduled contributions
 * "u<contributionId>". Stable across syncs for blocks and breaks. */
const char       *plenary_entry_get_id              (PlenaryEntry *self);
/* Indico's contribution db id (contributionId / db_id): the stable key for user data; 0 for
 * breaks and blocks. */
gint64            plenary_entry_get_contribution_id (PlenaryEntry *self);
/* The per-event contribution number, 0 when none. */
gint64            plenary_entry_get_friendly_id     (PlenaryEntry *self);
/* The key user data is stored under: "<contributionId>" for talks, the entry id otherwise. */
const char       *plenary_entry_get_user_key        (PlenaryEntry *self);

/* For blocks: the session's title; for others: their own title. */
const char       *plenary_entry_get_title           (PlenaryEntry *self);
/* Blocks: "Session: Block" when the block has its own title, else the session title.
 * Others: same as the title. */
const char       *plenary_entry_get_full_title      (PlenaryEntry *self);
/* The block's own title (slotTitle), "" if none or not a block. */
const char       *plenary_entry_get_block_title     (PlenaryEntry *self);
/* Title of the session the entry belongs to (blocks: their session), "" if none. */
const char       *plenary_entry_get_session_title   (PlenaryEntry *self);
gint64            plenary_entry_get_session_id      (PlenaryEntry *self);

/* Start and end in the event's timezone; NULL for unscheduled contributions. */
GDateTime        *plenary_entry_get_start           (PlenaryEntry *self);
GDateTime        *plenary_entry_get_end             (PlenaryEntry *self);
/* Minutes, from end - start. */
int               plenary_entry_get_duration        (PlenaryEntry *self);
/* Index of the day it starts on, or -1 when unscheduled. */
int               plenary_entry_get_day_index       (PlenaryEntry *self);

/* Resolved room (own room, else the block's); the "No room" room when none. */
PlenaryRoom      *plenary_entry_get_room            (PlenaryEntry *self);
const char       *plenary_entry_get_venue           (PlenaryEntry *self);

/* "#rrggbb" background and text colours (the session's), or NULL when Indico gave none. */
const char       *plenary_entry_get_color           (PlenaryEntry *self);
const char       *plenary_entry_get_text_color      (PlenaryEntry *self);

/* Presenters (speakers) in Indico's order; blocks: their conveners. */
GPtrArray        *plenary_entry_get_speakers        (PlenaryEntry *self);
/* Authors who do not present, in Indico's order. */
GPtrArray        *plenary_entry_get_authors         (PlenaryEntry *self);

PlenaryTrack     *plenary_entry_get_track           (PlenaryEntry *self);
/* Contribution type name, "" if none. */
const char       *plenary_entry_get_type_name       (PlenaryEntry *self);
const char       *plenary_entry_get_code            (PlenaryEntry *self);
const char       *plenary_entry_get_board_number    (PlenaryEntry *self);
/* Markdown or HTML source as Indico stores it. */
const char       *plenary_entry_get_description     (PlenaryEntry *self);
/* Absolute web page of the contribution or session, NULL if unknown. */
const char       *plenary_entry_get_url             (PlenaryEntry *self);
/* PlenaryAttachment elements, absolute URLs. */
GPtrArray        *plenary_entry_get_attachments     (PlenaryEntry *self);

/* The session block containing this entry, NULL for top-level entries and blocks. */
PlenaryEntry     *plenary_entry_get_block           (PlenaryEntry *self);
/* Poster session block, or a contribution inside one. */
gboolean          plenary_entry_get_is_poster       (PlenaryEntry *self);

G_END_DECLS
