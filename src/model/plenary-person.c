/* plenary-person.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-person-private.h"

struct _PlenaryPerson
{
  GObject  parent_instance;

  gint64   person_id;
  char    *key;
  char    *email_hash;
  char    *name;
  char    *first_name;
  char    *family_name;
  char    *affiliation;
  char    *sort_key;
};

G_DEFINE_FINAL_TYPE (PlenaryPerson, plenary_person, G_TYPE_OBJECT)

static void
plenary_person_finalize (GObject *object)
{
  PlenaryPerson *self = PLENARY_PERSON (object);

  g_free (self->key);
  g_free (self->email_hash);
  g_free (self->name);
  g_free (self->first_name);
  g_free (self->family_name);
  g_free (self->affiliation);
  g_free (self->sort_key);

  G_OBJECT_CLASS (plenary_person_parent_class)->finalize (object);
}

static void
plenary_person_class_init (PlenaryPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_person_finalize;
}

static void
plenary_person_init (PlenaryPerson *self)
{
}

char *
plenary_person_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr (GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* Decompose, then drop the combining marks: "Müller" sorts with "Muller", while names in
   * scripts without a Latin transliteration stay intact (unlike g_str_to_ascii()). */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

char *
plenary_person_make_key (gint64      person_id,
                         const char *email_hash,
                         const char *name,
                         const char *affiliation)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_affiliation = NULL;

  if (person_id > 0)
    return g_strdup_printf ("p:%" G_GINT64_FORMAT, person_id);
  if (email_hash != NULL && *email_hash != '\0')
    return g_strdup_printf ("e:%s", email_hash);

  folded_name = g_utf8_casefold (name != NULL ? name : "", -1);
  folded_affiliation = g_utf8_casefold (affiliation != NULL ? affiliation : "", -1);
  return g_strdup_printf ("n:%s|%s", folded_name, folded_affiliation);
}

PlenaryPerson *
plenary_person_new (gint64      person_id,
                    const char *email_hash,
                    const char *first_name,
                    const char *family_name,
                    const char *name,
                    const char *affiliation)
{
  PlenaryPerson *self = g_object_new (PLENARY_TYPE_PERSON, NULL);
  g_autofree char *sortable = NULL;

  self->person_id = person_id;
  self->email_hash = g_strdup (email_hash != NULL && *email_hash != '\0' ? email_hash : NULL);
  self->first_name = g_strdup (first_name != NULL ? first_name : "");
  self->family_name = g_strdup (family_name != NULL ? family_name : "");
  self->affiliation = g_strdup (affiliation != NULL ? affiliation : "");

  if (name != NULL && *name != '\0')
    self->name = g_strdup (name);
  else if (*self->first_name != '\0' && *self->family_name != '\0')
    self->name = g_strconcat (self->first_name, " ", self->family_name, NULL);
  else
    self->name = g_strconcat (self->first_name, self->family_name, NULL);

  if (*self->family_name != '\0' || *self->first_name != '\0')
    sortable = g_strconcat (self->family_name, " ", self->first_name, NULL);
  else
    sortable = g_strdup (self->name);
  self->sort_key = plenary_person_fold (sortable);

  self->key = plenary_person_make_key (person_id, self->email_hash, self->name,
                                       self->affiliation);

  return self;
}

const char *
plenary_person_get_key (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), NULL);
  return self->key;
}

gint64
plenary_person_get_person_id (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), 0);
  return self->person_id;
}

const char *
plenary_person_get_email_hash (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), NULL);
  return self->email_hash;
}

const char *
plenary_person_get_name (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), NULL);
  return self->name;
}

const char *
plenary_person_get_first_name (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), NULL);
  return self->first_name;
}

const char *
plenary_person_get_family_name (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), NULL);
  return self->family_name;
}

const char *
plenary_person_get_affiliation (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), NULL);
  return self->affiliation;
}

const char *
plenary_person_get_sort_key (PlenaryPerson *self)
{
  g_return_val_if_fail (PLENARY_IS_PERSON (self), NULL);
  return self->sort_key;
}
