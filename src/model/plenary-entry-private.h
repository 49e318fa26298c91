/* plenary-entry-private.h: the entry's fields, filled in by plenary-schedule-builder.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-entry.h"

G_BEGIN_DECLS

/* Every string is a GRefString (NULL allowed), except in entries read from the schedule
 * cache (see @borrowed). Strings repeated across thousands of entries (colours, venues,
 * session titles, types) are interned with g_ref_string_new_intern(), so a 20,000-talk
 * event holds one copy of each. */
struct _PlenaryEntry
{
  GObject           parent_instance;

  PlenaryEntryKind  kind;
  int               day_index;
  gboolean          is_poster;
  gint64            contribution_id;
  gint64            friendly_id;
  gint64            session_id;

  char             *id;
  char             *user_key;
  char             *title;
  char             *full_title;
  char             *block_title;
  char             *session_title;
  char             *venue;
  char             *color;
  char             *text_color;
  char             *type_name;
  char             *code;
  char             *board_number;
  char             *description;
  char             *url;

  GDateTime        *start;
  GDateTime        *end;

  /* Entries read from the schedule cache: their strings point into its mapping, which
   * @mapped_source keeps alive (@borrowed: not GRefStrings, not released). The description
   * is checked to be UTF-8 only when first read, and used when @description is NULL. */
  GBytes           *mapped_source;
  const char       *mapped_description;
  gboolean          mapped_checked;
  gboolean          borrowed;

  PlenaryRoom      *room;
  PlenaryTrack     *track;
  PlenaryEntry     *block;
  /* NULL when empty, except in entries made by plenary_entry_new(); read them through the
   * getters, which never return NULL. */
  GPtrArray        *speakers;     /* PlenaryPerson */
  GPtrArray        *authors;      /* PlenaryPerson */
  GPtrArray        *attachments;  /* PlenaryAttachment */
};

PlenaryEntry      *plenary_entry_new             (PlenaryEntryKind  kind);
/* Without the speaker, author and attachment arrays: for mapped entries. */
PlenaryEntry      *plenary_entry_new_bare        (PlenaryEntryKind  kind);
/* Sets a string field to a new GRefString of @value (NULL stays NULL). */
void               plenary_entry_set_string      (char            **field,
                                                  const char       *value,
                                                  gboolean          intern);
/* Fills user_key, full_title and the defaults once everything else is set. */
void               plenary_entry_complete        (PlenaryEntry     *self);
/* By start, then title, then id: Indico's order, made total so sorting is stable. */
int                plenary_entry_compare         (gconstpointer     a,
                                                  gconstpointer     b);

PlenaryAttachment *plenary_attachment_new        (const char       *title,
                                                  const char       *url,
                                                  const char       *folder);
void               plenary_attachment_free       (PlenaryAttachment *attachment);

G_END_DECLS
