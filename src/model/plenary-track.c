/* plenary-track.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-schedule-builder.h"
#include "plenary-track-private.h"

struct _PlenaryTrack
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *code;
  char    *description;
  int      position;
};

G_DEFINE_FINAL_TYPE (PlenaryTrack, plenary_track, G_TYPE_OBJECT)

static void
plenary_track_finalize (GObject *object)
{
  PlenaryTrack *self = PLENARY_TRACK (object);

  g_free (self->title);
  g_free (self->code);
  g_free (self->description);

  G_OBJECT_CLASS (plenary_track_parent_class)->finalize (object);
}

static void
plenary_track_class_init (PlenaryTrackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_track_finalize;
}

static void
plenary_track_init (PlenaryTrack *self)
{
}

PlenaryTrack *
plenary_track_new (gint64      id,
                   const char *title,
                   const char *code,
                   const char *description,
                   int         position)
{
  PlenaryTrack *self = g_object_new (PLENARY_TYPE_TRACK, NULL);

  self->id = id;
  self->title = g_strdup (title != NULL ? title : "");
  self->code = g_strdup (code != NULL ? code : "");
  self->description = g_strdup (description != NULL ? description : "");
  self->position = position;

  return self;
}

void
plenary_track_set_position (PlenaryTrack *self,
                            int           position)
{
  g_return_if_fail (PLENARY_IS_TRACK (self));
  self->position = position;
}

gint64
plenary_track_get_id (PlenaryTrack *self)
{
  g_return_val_if_fail (PLENARY_IS_TRACK (self), 0);
  return self->id;
}

const char *
plenary_track_get_title (PlenaryTrack *self)
{
  g_return_val_if_fail (PLENARY_IS_TRACK (self), NULL);
  return self->title;
}

const char *
plenary_track_get_code (PlenaryTrack *self)
{
  g_return_val_if_fail (PLENARY_IS_TRACK (self), NULL);
  return self->code;
}

const char *
plenary_track_get_description (PlenaryTrack *self)
{
  g_return_val_if_fail (PLENARY_IS_TRACK (self), NULL);
  return self->description;
}

int
plenary_track_get_position (PlenaryTrack *self)
{
  g_return_val_if_fail (PLENARY_IS_TRACK (self), 0);
  return self->position;
}
