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
G_END_DECLS
