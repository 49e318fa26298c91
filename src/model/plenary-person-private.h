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
/* For the schedule cache: the strings point into @source, which the person keeps alive;
 * only @email_hash may be NULL. Nothing is computed. */
PlenaryPerson *plenary_person_new_borrowed (GBytes     *source,
                                            gint64      person_id,
                                            const char *key,
                                            const char *email_hash,
                                            const char *first_name,
                                            const char *family_name,
                                            const char *name,
                                            const char *affiliation,
                                            const char *sort_key);
/* The key a person with these attributes gets (see plenary_person_get_key()). */
char          *plenary_person_make_key   (gint64      person_id,
                                          const char *email_hash,
                                          const char *name,
                                          const char *affiliation);
/* Casefolded and without accents, for sorting and matching names. */
char          *plenary_person_fold       (const char *text);

G_END_DECLS
