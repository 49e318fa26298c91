/* plenary-indico-people.c: speakers, authors and conveners of both exports, as one set of people
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person is interned by key (person_id, else emailHash, else name and affiliation): the
 * timetable export has no person_id, so its people are joined to the event export's speakers
 * of the same contribution by emailHash, then by folded name (reference/indico-api.md §4).
 */

#include "config.h"

#include <string.h>

#include "plenary-indico-parser-private.h"


/* "first last", casefolded and without accents: how names are matched across exports. */
static char *
fold_full_name (const char *first,
                const char *last)
{
  g_autofree char *joined = g_strconcat (first != NULL ? first : "", " ",
                                         last != NULL ? last : "", NULL);

  return plenary_person_fold (joined);
}

static PlenaryPerson *
intern_person (ParseContext *ctx,
               gint64        person_id,
               const char   *email_hash,
               const char   *first,
               const char   *family,
               const char   *name,
               const char   *affiliation)
{
  g_autofree char *display = NULL;
  g_autofree char *key = NULL;
  PlenaryPerson *person;

  if (person_id <= 0 && email_hash != NULL && *email_hash != '\0')
    person_id = GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->pid_by_email, email_hash));

  if (name == NULL || *name == '\0')
    display = g_strjoin (first != NULL && *first != '\0' && family != NULL && *family != '\0'
                         ? " " : "",
                         first != NULL ? first : "", family != NULL ? family : "", NULL);
  else
    display = g_strdup (name);

  /* Nobody to show or to join on. */
  if (*display == '\0')
    return NULL;

  key = plenary_person_make_key (person_id, email_hash, display, affiliation);
  person = plenary_schedule_builder_lookup_person (ctx->builder, key);
  if (person == NULL)
    {
      g_autoptr (PlenaryPerson) made = plenary_person_new (person_id, email_hash, first, family,
                                                           display, affiliation);

      plenary_schedule_builder_add_person (ctx->builder, plenary_person_get_key (made), made);
      person = made;
    }

  return person;
}

/* A person of the timetable export ({firstName, familyName, name, affiliation, emailHash}),
 * joined to the event export's speakers of the same contribution for their person_id. */
static PlenaryPerson *
person_from_timetable (ParseContext          *ctx,
                       const PlenaryJsonNode *object,
                       const PlenaryJsonNode *event_speakers)
{
  const char *first = get_string (object, "firstName");
  const char *family = get_string (object, "familyName");
  const char *hash = get_nonempty_string (object, "emailHash");
  gint64 person_id = 0;
  guint n = plenary_json_array_get_length (event_speakers);

  if (first == NULL && family == NULL)
    family = get_string (object, "name");

  /* By emailHash first, then by name: the same contribution's speakers, so few. */
  for (int pass = 0; pass < 2 && person_id == 0 && n > 0; pass++)
    {
      g_autofree char *folded = pass == 1 ? fold_full_name (first, family) : NULL;

      for (guint i = 0; i < n; i++)
        {
          const PlenaryJsonNode *speaker = element_object (event_speakers, i);
          gboolean match;

          if (speaker == NULL)
            continue;
          if (pass == 0)
            {
              match = hash != NULL
                      && g_strcmp0 (hash, get_nonempty_string (speaker, "emailHash")) == 0;
            }
          else
            {
              g_autofree char *other = fold_full_name (get_string (speaker, "first_name"),
                                                       get_string (speaker, "last_name"));

              match = strcmp (folded, other) == 0;
            }
          if (match)
            {
              person_id = get_int (speaker, "person_id", 0);
              break;
            }
        }
    }

  return intern_person (ctx, person_id, hash, first, family, get_string (object, "name"),
                        get_string (object, "affiliation"));
}

/* A person of the event export: speakers and authors use first_name/last_name, conveners
 * firstName/familyName, and their "name"/"fullName" are "Last, First". */
static PlenaryPerson *
person_from_event (ParseContext          *ctx,
                   const PlenaryJsonNode *object)
{
  const char *first = get_string (object, "first_name");
  const char *family = get_string (object, "last_name");

  if (first == NULL && family == NULL)
    {
      first = get_string (object, "firstName");
      family = get_string (object, "familyName");
    }
  if (first == NULL && family == NULL)
    family = get_string (object, "fullName");

  return intern_person (ctx, get_int (object, "person_id", 0),
                        get_nonempty_string (object, "emailHash"), first, family, NULL,
                        get_string (object, "affiliation"));
}

static gboolean
has_person (PlenaryEntry       *entry,
            PlenaryEntryPeople  which,
            PlenaryPerson      *person)
{
  GPtrArray *list = which == PLENARY_ENTRY_SPEAKERS ? plenary_entry_get_speakers (entry)
                                                    : plenary_entry_get_authors (entry);

  return g_ptr_array_find (list, person, NULL);
}

static void
add_person (PlenaryEntry       *entry,
            PlenaryEntryPeople  which,
            PlenaryPerson      *person)
{
  if (!has_person (entry, which, person))
    plenary_schedule_builder_add_entry_person (entry, which, person);
}

void
indico_add_timetable_people (ParseContext          *ctx,
                             PlenaryEntry          *entry,
                             PlenaryEntryPeople     which,
                             const PlenaryJsonNode *people,
                             const PlenaryJsonNode *event_speakers,
                             gboolean               listed)
{
  guint n = plenary_json_array_get_length (people);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryJsonNode *object = element_object (people, i);
      PlenaryPerson *person;

      if (object == NULL)
        continue;
      person = person_from_timetable (ctx, object, event_speakers);
      if (person == NULL)
        continue;
      add_person (entry, which, person);
      if (listed)
        g_hash_table_add (ctx->listed_people, person);
    }
}

void
indico_add_event_people (ParseContext          *ctx,
                         PlenaryEntry          *entry,
                         PlenaryEntryPeople     which,
                         const PlenaryJsonNode *people,
                         gboolean               not_speakers,
                         gboolean               listed)
{
  guint n = plenary_json_array_get_length (people);

  for (guint i = 0; i < n; i++)
    {
      const PlenaryJsonNode *object = element_object (people, i);
      PlenaryPerson *person;

      if (object == NULL)
        continue;
      person = person_from_event (ctx, object);
      if (person == NULL)
        continue;
      if (not_speakers && has_person (entry, PLENARY_ENTRY_SPEAKERS, person))
        continue;
      add_person (entry, which, person);
      if (listed)
        g_hash_table_add (ctx->listed_people, person);
    }
}
