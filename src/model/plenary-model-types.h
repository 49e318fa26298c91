/* plenary-model-types.h: the programme model's types, declared once for every header
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PLENARY_ENTRY_KIND_CONTRIBUTION,
  PLENARY_ENTRY_KIND_BREAK,
  PLENARY_ENTRY_KIND_BLOCK,
} PlenaryEntryKind;

GType plenary_entry_kind_get_type (void);
#define PLENARY_TYPE_ENTRY_KIND (plenary_entry_kind_get_type ())

#define PLENARY_TYPE_PERSON (plenary_person_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryPerson, plenary_person, PLENARY, PERSON, GObject)

#define PLENARY_TYPE_ROOM (plenary_room_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryRoom, plenary_room, PLENARY, ROOM, GObject)

#define PLENARY_TYPE_TRACK (plenary_track_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryTrack, plenary_track, PLENARY, TRACK, GObject)

#define PLENARY_TYPE_DAY (plenary_day_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryDay, plenary_day, PLENARY, DAY, GObject)

#define PLENARY_TYPE_ENTRY (plenary_entry_get_type ())
G_DECLARE_FINAL_TYPE (PlenaryEntry, plenary_entry, PLENARY, ENTRY, GObject)

#define PLENARY_TYPE_SCHEDULE (plenary_schedule_get_type ())
G_DECLARE_FINAL_TYPE (PlenarySchedule, plenary_schedule, PLENARY, SCHEDULE, GObject)

/* An attachment of a contribution or session: a file or a link, with an absolute URL. */
typedef struct
{
  char *title;
  char *url;
  char *folder;   /* the folder's title, or NULL for a file at top level */
} PlenaryAttachment;

G_END_DECLS
