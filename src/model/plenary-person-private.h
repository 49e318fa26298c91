/* plenary-person-private.h: construction of people, for the parser
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-person.h"

G_BEGIN_DECLS

/* Any string may be NULL. The key and the sort key are computed. */
PlenaryPerson *plenary_person_new        (gint64      person_id,
                                          const char *email_hash,
                                          const char *first_name,
                                          const char *family_name,
                                          const char *name,
                                          const char *affiliation);
/* For the schedule cache: every string is a GRefString (acquired here) or NULL; nothing
 * is computed. */
PlenaryPerson *plenary_person_new_from_refs (gint64  person_id,
                                             char   *key,
                                             char   *email_hash,
                                             char   *first_name,
                                             char   *family_name,
                                             char   *name,
                                             char   *affiliation,
                                             char   *sort_key);
/* The key a person with these attributes gets (see plenary_person_get_key()). */
char          *plenary_person_make_key   (gint64      person_id,
                                          const char *email_hash,
                                          const char *name,
                                          const char *affiliation);
/* Casefolded and without accents, for sorting and matching names. */
char          *plenary_person_fold       (const char *text);

G_END_DECLS
