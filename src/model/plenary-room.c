/* plenary-room.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-schedule-builder.h"

struct _PlenaryRoom
{
  GObject  parent_instance;

  char    *name;
  char    *venue;
};

G_DEFINE_FINAL_TYPE (PlenaryRoom, plenary_room, G_TYPE_OBJECT)

static void
plenary_room_finalize (GObject *object)
{
  PlenaryRoom *self = PLENARY_ROOM (object);

  g_free (self->name);
  g_free (self->venue);

  G_OBJECT_CLASS (plenary_room_parent_class)->finalize (object);
}

static void
plenary_room_class_init (PlenaryRoomClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_room_finalize;
}

static void
plenary_room_init (PlenaryRoom *self)
{
}

PlenaryRoom *
plenary_room_new (const char *name,
                  const char *venue)
{
  PlenaryRoom *self = g_object_new (PLENARY_TYPE_ROOM, NULL);

  self->name = g_strdup (name != NULL ? name : "");
  self->venue = g_strdup (venue != NULL ? venue : "");

  return self;
}

const char *
plenary_room_get_name (PlenaryRoom *self)
{
  g_return_val_if_fail (PLENARY_IS_ROOM (self), NULL);
  return self->name;
}

const char *
plenary_room_get_venue (PlenaryRoom *self)
{
  g_return_val_if_fail (PLENARY_IS_ROOM (self), NULL);
  return self->venue;
}
