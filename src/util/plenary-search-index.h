/* plenary-search-index.h: substring search over many items without a copy of every long text
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each item has a short folded text, kept whole, and a long folded text (an abstract), kept
 * only as a vocabulary of its words with, per word, the items containing it. A term without
 * whitespace is a substring of a text exactly when it is one of a word of it, so matching
 * gives the same results as strstr() on the whole texts. Texts are split on the characters
 * plenary_search_terms() splits queries on: space, tab and newline. */
typedef struct _PlenarySearchIndex PlenarySearchIndex;

/* What separates search terms, in queries (plenary_search_terms()) and in indexed texts alike:
 * the index's results equal strstr()'s only while both split on the same characters. */
#define PLENARY_SEARCH_SEPARATORS " \t\n"

PlenarySearchIndex *plenary_search_index_new      (void);
void                plenary_search_index_free     (PlenarySearchIndex *self);
/* Adds item number plenary_search_index_get_n_items() with @data (borrowed). Either text may
 * be NULL. Must not be called after plenary_search_index_finish(). */
void                plenary_search_index_add      (PlenarySearchIndex *self,
                                                   gpointer            data,
                                                   const char         *folded_short,
                                                   const char         *folded_long);
/* Packs what was added; needed before plenary_search_index_match(). */
void                plenary_search_index_finish   (PlenarySearchIndex *self);
guint               plenary_search_index_get_n_items (PlenarySearchIndex *self);
gpointer            plenary_search_index_get_data (PlenarySearchIndex *self,
                                                   guint               item);
/* The numbers (guint, ascending) of the items among @candidates (ascending; NULL for all)
 * whose short or long text contains every one of @terms, which hold no whitespace. No terms
 * match nothing, as plenary_search_matches_terms() does. */
GArray             *plenary_search_index_match    (PlenarySearchIndex *self,
                                                   const char * const *terms,
                                                   GArray             *candidates);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenarySearchIndex, plenary_search_index_free)

G_END_DECLS
