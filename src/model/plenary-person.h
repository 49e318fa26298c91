/* plenary-person.h: someone who speaks at or convenes something in the event
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plenary-model-types.h"

G_BEGIN_DECLS

/* A stable key within the event: "p:<person_id>", else "e:<emailHash>", else
 * "n:<casefolded name>|<casefolded affiliation>". */
const char *plenary_person_get_key          (PlenaryPerson *self);
/* Event-wide Indico person id, or 0 when the exports carry none. */
gint64      plenary_person_get_person_id    (PlenaryPerson *self);
const char *plenary_person_get_email_hash   (PlenaryPerson *self);
/* "First Last", as Indico displays it (titles included when the event shows them). */
const char *plenary_person_get_name         (PlenaryPerson *self);
const char *plenary_person_get_first_name   (PlenaryPerson *self);
const char *plenary_person_get_family_name  (PlenaryPerson *self);
/* "" when unknown, never NULL. */
const char *plenary_person_get_affiliation  (PlenaryPerson *self);
/* Casefolded, accent-free "family first" for sorting and searching. */
const char *plenary_person_get_sort_key     (PlenaryPerson *self);

/* The key a person with these attributes gets (see plenary_person_get_key()). */
char          *plenary_person_make_key   (gint64      person_id,
                                          const char *email_hash,
                                          const char *name,
                                          const char *affiliation);
/* Casefolded and without accents, for sorting and matching names. */
char          *plenary_person_fold       (const char *text);

G_END_DECLS
