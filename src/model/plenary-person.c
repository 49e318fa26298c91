/* plenary-person.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plenary-schedule-builder.h"

/* Every string is a GRefString, or (people read from the schedule cache) points into the
 * cache's mapping, which @mapped_source keeps alive. */
struct _PlenaryPerson
{
  GObject  parent_instance;

  GBytes  *mapped_source;

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

  if (self->mapped_source == NULL)
    {
      g_clear_pointer (&self->key, g_ref_string_release);
      g_clear_pointer (&self->email_hash, g_ref_string_release);
      g_clear_pointer (&self->name, g_ref_string_release);
      g_clear_pointer (&self->first_name, g_ref_string_release);
      g_clear_pointer (&self->family_name, g_ref_string_release);
      g_clear_pointer (&self->affiliation, g_ref_string_release);
      g_clear_pointer (&self->sort_key, g_ref_string_release);
    }
  g_clear_pointer (&self->mapped_source, g_bytes_unref);

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

static char *
ref_string_take (char *text)
{
  char *ref = text != NULL ? g_ref_string_new (text) : NULL;

  g_free (text);
  return ref;
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
  if (email_hash != NULL && *email_hash != '\0')
    self->email_hash = g_ref_string_new (email_hash);
  self->first_name = g_ref_string_new (first_name != NULL ? first_name : "");
  self->family_name = g_ref_string_new (family_name != NULL ? family_name : "");
  self->affiliation = g_ref_string_new (affiliation != NULL ? affiliation : "");

  if (name != NULL && *name != '\0')
    self->name = g_ref_string_new (name);
  else if (*self->first_name != '\0' && *self->family_name != '\0')
    self->name = ref_string_take (g_strconcat (self->first_name, " ", self->family_name, NULL));
  else
    self->name = ref_string_take (g_strconcat (self->first_name, self->family_name, NULL));

  if (*self->family_name != '\0' || *self->first_name != '\0')
    sortable = g_strconcat (self->family_name, " ", self->first_name, NULL);
  else
    sortable = g_strdup (self->name);
  self->sort_key = ref_string_take (plenary_person_fold (sortable));

  self->key = ref_string_take (plenary_person_make_key (person_id, self->email_hash, self->name,
                                                        self->affiliation));

  return self;
}

PlenaryPerson *
plenary_person_new_borrowed (GBytes     *source,
                             gint64      person_id,
                             const char *key,
                             const char *email_hash,
                             const char *first_name,
                             const char *family_name,
                             const char *name,
                             const char *affiliation,
                             const char *sort_key)
{
  PlenaryPerson *self = g_object_new (PLENARY_TYPE_PERSON, NULL);

  self->mapped_source = g_bytes_ref (source);
  self->person_id = person_id;
  self->key = (char *) (key != NULL ? key : "");
  self->email_hash = (char *) email_hash;
  self->first_name = (char *) (first_name != NULL ? first_name : "");
  self->family_name = (char *) (family_name != NULL ? family_name : "");
  self->name = (char *) (name != NULL ? name : "");
  self->affiliation = (char *) (affiliation != NULL ? affiliation : "");
  self->sort_key = (char *) (sort_key != NULL ? sort_key : "");

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
