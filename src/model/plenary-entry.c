/* plenary-entry.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-entry-private.h"

G_DEFINE_ENUM_TYPE (PlenaryEntryKind, plenary_entry_kind,
  G_DEFINE_ENUM_VALUE (PLENARY_ENTRY_KIND_CONTRIBUTION, "contribution"),
  G_DEFINE_ENUM_VALUE (PLENARY_ENTRY_KIND_BREAK, "break"),
  G_DEFINE_ENUM_VALUE (PLENARY_ENTRY_KIND_BLOCK, "block"))

G_DEFINE_FINAL_TYPE (PlenaryEntry, plenary_entry, G_TYPE_OBJECT)

static inline const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

PlenaryAttachment *
plenary_attachment_new (const char *title,
                        const char *url,
                        const char *folder)
{
  PlenaryAttachment *attachment = g_new0 (PlenaryAttachment, 1);

  attachment->title = g_strdup (title != NULL ? title : "");
  attachment->url = g_strdup (url);
  attachment->folder = g_strdup (folder);

  return attachment;
}

void
plenary_attachment_free (PlenaryAttachment *attachment)
{
  if (attachment == NULL)
    return;

  g_free (attachment->title);
  g_free (attachment->url);
  g_free (attachment->folder);
  g_free (attachment);
}

void
plenary_entry_set_string (char       **field,
                          const char  *value,
                          gboolean     intern)
{
  g_clear_pointer (field, g_ref_string_release);
  if (value != NULL)
    *field = intern ? g_ref_string_new_intern (value) : g_ref_string_new (value);
}

static void
plenary_entry_finalize (GObject *object)
{
  PlenaryEntry *self = PLENARY_ENTRY (object);

  if (!self->borrowed)
    {
      g_clear_pointer (&self->id, g_ref_string_release);
      g_clear_pointer (&self->user_key, g_ref_string_release);
      g_clear_pointer (&self->title, g_ref_string_release);
      g_clear_pointer (&self->full_title, g_ref_string_release);
      g_clear_pointer (&self->block_title, g_ref_string_release);
      g_clear_pointer (&self->session_title, g_ref_string_release);
      g_clear_pointer (&self->venue, g_ref_string_release);
      g_clear_pointer (&self->color, g_ref_string_release);
      g_clear_pointer (&self->text_color, g_ref_string_release);
      g_clear_pointer (&self->type_name, g_ref_string_release);
      g_clear_pointer (&self->code, g_ref_string_release);
      g_clear_pointer (&self->board_number, g_ref_string_release);
      g_clear_pointer (&self->description, g_ref_string_release);
      g_clear_pointer (&self->url, g_ref_string_release);
    }
  g_clear_pointer (&self->mapped_source, g_bytes_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_object (&self->room);
  g_clear_object (&self->track);
  g_clear_object (&self->block);
  g_clear_pointer (&self->speakers, g_ptr_array_unref);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);

  G_OBJECT_CLASS (plenary_entry_parent_class)->finalize (object);
}

static void
plenary_entry_class_init (PlenaryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_entry_finalize;
}

static void
plenary_entry_init (PlenaryEntry *self)
{
  self->day_index = -1;
}

PlenaryEntry *
plenary_entry_new (PlenaryEntryKind kind)
{
  PlenaryEntry *self = plenary_entry_new_bare (kind);

  self->speakers = g_ptr_array_new_with_free_func (g_object_unref);
  self->authors = g_ptr_array_new_with_free_func (g_object_unref);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) plenary_attachment_free);

  return self;
}

PlenaryEntry *
plenary_entry_new_bare (PlenaryEntryKind kind)
{
  PlenaryEntry *self = g_object_new (PLENARY_TYPE_ENTRY, NULL);

  self->kind = kind;

  return self;
}

/* Entries without speakers, authors or attachments (most breaks and blocks, many talks)
 * share one empty array rather than holding three each. Never modified. */
static GPtrArray *
empty_array (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());
  return empty;
}

void
plenary_entry_complete (PlenaryEntry *self)
{
  g_return_if_fail (PLENARY_IS_ENTRY (self));

  if (self->id == NULL)
    plenary_entry_set_string (&self->id, "", FALSE);
  if (self->title == NULL)
    plenary_entry_set_string (&self->title, "", FALSE);

  if (self->user_key == NULL)
    {
      if (self->kind == PLENARY_ENTRY_KIND_CONTRIBUTION && self->contribution_id != 0)
        {
          char buffer[32];

          g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, self->contribution_id);
          plenary_entry_set_string (&self->user_key, buffer, FALSE);
        }
      else
        {
          self->user_key = g_ref_string_acquire (self->id);
        }
    }

  if (self->full_title == NULL)
    {
      if (self->kind == PLENARY_ENTRY_KIND_BLOCK
          && self->block_title != NULL && *self->block_title != '\0')
        {
          g_autofree char *full = NULL;

          /* Blocks.full_title in Indico: "Session: Block", or the session title alone. */
          if (*self->title != '\0')
            full = g_strdup_printf ("%s: %s", self->title, self->block_title);
          else
            full = g_strdup (self->block_title);
          plenary_entry_set_string (&self->full_title, full, FALSE);
        }
      else
        {
          self->full_title = g_ref_string_acquire (self->title);
        }
    }

  if (self->end == NULL && self->start != NULL)
    self->end = g_date_time_ref (self->start);
}

int
plenary_entry_compare (gconstpointer a,
                       gconstpointer b)
{
  PlenaryEntry *ea = *(PlenaryEntry * const *) a;
  PlenaryEntry *eb = *(PlenaryEntry * const *) b;
  int cmp;

  if (ea->start != NULL && eb->start != NULL)
    {
      cmp = g_date_time_compare (ea->start, eb->start);
      if (cmp != 0)
        return cmp;
    }
  else if (ea->start != eb->start)
    {
      return ea->start == NULL ? 1 : -1;
    }

  cmp = g_strcmp0 (ea->title, eb->title);
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (ea->id, eb->id);
}

PlenaryEntryKind
plenary_entry_get_kind (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), PLENARY_ENTRY_KIND_CONTRIBUTION);
  return self->kind;
}

const char *
plenary_entry_get_id (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->id);
}

gint64
plenary_entry_get_contribution_id (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), 0);
  return self->contribution_id;
}

gint64
plenary_entry_get_friendly_id (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), 0);
  return self->friendly_id;
}

const char *
plenary_entry_get_user_key (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->user_key);
}

const char *
plenary_entry_get_title (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->title);
}

const char *
plenary_entry_get_full_title (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->full_title != NULL ? self->full_title : or_empty (self->title);
}

const char *
plenary_entry_get_block_title (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->block_title);
}

const char *
plenary_entry_get_session_title (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->session_title);
}

gint64
plenary_entry_get_session_id (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), 0);
  return self->session_id;
}

GDateTime *
plenary_entry_get_start (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->start;
}

GDateTime *
plenary_entry_get_end (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->end;
}

int
plenary_entry_get_duration (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), 0);

  if (self->start == NULL || self->end == NULL)
    return 0;

  return (int) (g_date_time_difference (self->end, self->start) / G_TIME_SPAN_MINUTE);
}

int
plenary_entry_get_day_index (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), -1);
  return self->day_index;
}

PlenaryRoom *
plenary_entry_get_room (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->room;
}

const char *
plenary_entry_get_venue (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->venue);
}

const char *
plenary_entry_get_color (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->color;
}

const char *
plenary_entry_get_text_color (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->text_color;
}

GPtrArray *
plenary_entry_get_speakers (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->speakers != NULL ? self->speakers : empty_array ();
}

GPtrArray *
plenary_entry_get_authors (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->authors != NULL ? self->authors : empty_array ();
}

PlenaryTrack *
plenary_entry_get_track (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->track;
}

const char *
plenary_entry_get_type_name (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->type_name);
}

const char *
plenary_entry_get_code (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->code);
}

const char *
plenary_entry_get_board_number (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return or_empty (self->board_number);
}

const char *
plenary_entry_get_description (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);

  if (self->description == NULL && self->mapped_description != NULL)
    {
      /* Two threads may both check: they write the same values. */
      if (!self->mapped_checked)
        {
          if (!g_utf8_validate (self->mapped_description, -1, NULL))
            self->mapped_description = "";
          self->mapped_checked = TRUE;
        }
      return self->mapped_description;
    }
  return or_empty (self->description);
}

const char *
plenary_entry_get_url (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->url;
}

GPtrArray *
plenary_entry_get_attachments (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->attachments != NULL ? self->attachments : empty_array ();
}

PlenaryEntry *
plenary_entry_get_block (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), NULL);
  return self->block;
}

gboolean
plenary_entry_get_is_poster (PlenaryEntry *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY (self), FALSE);
  return self->is_poster;
}
