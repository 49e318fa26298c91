/* plenary-schedule-cache-fields.h: the fields of the cache's entry record, as one table
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record's members, its GVariant type, the writer, the reader and the tests' comparison
 * all come from one list in plenary-schedule-cache.c (ENTRY_FIELDS); this is that list as
 * data, for the tests.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PLENARY_CACHE_FIELD_NUMBER,       /* "x" or "i": a PlenaryEntryNumber */
  PLENARY_CACHE_FIELD_TIME,         /* "x": microseconds since 1970 (UTC), a PlenaryEntryTime */
  PLENARY_CACHE_FIELD_STRING,       /* "u": index in the string table, a PlenaryEntryString */
  PLENARY_CACHE_FIELD_DESCRIPTION,  /* the same, stored after everything else (see writer) */
  PLENARY_CACHE_FIELD_ROOM,         /* "i": index in the rooms, -1 for none */
  PLENARY_CACHE_FIELD_TRACK,        /* "i": index in the tracks, -1 for none */
  PLENARY_CACHE_FIELD_BLOCK,        /* "i": index in the entries, -1 for none */
  PLENARY_CACHE_FIELD_PEOPLE,       /* "uu": first and count in the person refs; which */
  PLENARY_CACHE_FIELD_ATTACHMENTS,  /* "uu": first and count in the attachments */
  PLENARY_CACHE_FIELD_KIND,         /* "y": the PlenaryEntryKind */
  PLENARY_CACHE_FIELD_FLAGS,        /* "y": poster; unscheduled (in which list it is) */
} PlenaryCacheFieldKind;

typedef struct
{
  const char            *name;
  const char            *type;         /* its GVariant type */
  PlenaryCacheFieldKind  kind;
  guint                  model_field;  /* the PlenaryEntry… enum value for @kind, if any */
  guint16                offset;       /* in the record */
  guint16                size;
} PlenaryCacheField;

/* The entry record's members, in order. */
const PlenaryCacheField *plenary_schedule_cache_get_entry_fields (guint *n_fields);
/* The GVariant type of the whole file. */
const char              *plenary_schedule_cache_get_type_string  (void);

G_END_DECLS
