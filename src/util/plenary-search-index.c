/* plenary-search-index.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "plenary-search-index.h"

struct _PlenarySearchIndex
{
  GPtrArray  *data;           /* per item, borrowed */
  GString    *shorts;         /* the short texts, each ended by a nul */
  GArray     *short_starts;   /* guint32 per item: where its short text starts */

  /* The long texts' words, each ended by a newline, so that one strstr() over all of them
   * finds the words containing a term (which holds no newline). */
  GString    *vocabulary;
  GArray     *word_starts;    /* guint32 per word, and one for the end */
  /* Per word, the items containing it, ascending, from postings[posting_starts[w]] to
   * postings[posting_starts[w + 1]], each as its difference to the one before (the first to
   * 0) in a varint: 7 bits a byte, low bits first, the high bit set on all but the last. Most
   * differences take a byte, a quarter of a guint32. */
  guint8     *postings;
  guint32    *posting_starts;

  /* Only while adding. */
  GHashTable *word_ids;       /* word → id + 1 */
  GPtrArray  *word_items;     /* per word, a GByteArray of its postings */
  GArray     *word_last;      /* guint32 per word: its last item + 1, 0 for none yet */
};

PlenarySearchIndex *
plenary_search_index_new (void)
{
  PlenarySearchIndex *self = g_new0 (PlenarySearchIndex, 1);

  self->data = g_ptr_array_new ();
  self->shorts = g_string_new (NULL);
  self->short_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->vocabulary = g_string_new (NULL);
  self->word_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->word_items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  self->word_last = g_array_new (FALSE, TRUE, sizeof (guint32));
  return self;
}

void
plenary_search_index_free (PlenarySearchIndex *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->data);
  g_string_free (self->shorts, TRUE);
  g_array_unref (self->short_starts);
  g_string_free (self->vocabulary, TRUE);
  g_array_unref (self->word_starts);
  g_free (self->postings);
  g_free (self->posting_starts);
  g_clear_pointer (&self->word_ids, g_hash_table_unref);
  g_clear_pointer (&self->word_items, g_ptr_array_unref);
  g_clear_pointer (&self->word_last, g_array_unref);
  g_free (self);
}

static void
add_word (PlenarySearchIndex *self,
          const char         *word,
          guint32             item)
{
  gpointer id_plus_one = g_hash_table_lookup (self->word_ids, word);
  GByteArray *postings;
  guint32 *last;
  guint32 delta;

  if (id_plus_one == NULL)
    {
      guint32 start = self->vocabulary->len;

      g_array_append_val (self->word_starts, start);
      g_string_append (self->vocabulary, word);
      g_string_append_c (self->vocabulary, '\n');
      g_ptr_array_add (self->word_items, g_byte_array_new ());
      g_array_set_size (self->word_last, self->word_items->len);
      id_plus_one = GUINT_TO_POINTER (self->word_items->len);
      g_hash_table_insert (self->word_ids, g_strdup (word), id_plus_one);
    }
  postings = g_ptr_array_index (self->word_items, GPOINTER_TO_UINT (id_plus_one) - 1);
  last = &g_array_index (self->word_last, guint32, GPOINTER_TO_UINT (id_plus_one) - 1);
  /* Items come in ascending order: a word seen twice in a text is listed once. */
  if (*last == item + 1)
    return;
  delta = *last == 0 ? item : item + 1 - *last;
  *last = item + 1;
  for (;;)
    {
      guint8 byte = delta & 0x7f;

      delta >>= 7;
      if (delta != 0)
        byte |= 0x80;
      g_byte_array_append (postings, &byte, 1);
      if (delta == 0)
        break;
    }
}

/* PLENARY_SEARCH_SEPARATORS as a test of one byte: it runs on every byte of every abstract. */
static inline gboolean
is_separator (char c)
{
  G_STATIC_ASSERT (sizeof PLENARY_SEARCH_SEPARATORS == 4);
  return c == PLENARY_SEARCH_SEPARATORS[0] || c == PLENARY_SEARCH_SEPARATORS[1]
         || c == PLENARY_SEARCH_SEPARATORS[2];
}

void
plenary_search_index_add (PlenarySearchIndex *self,
                          gpointer            data,
                          const char         *folded_short,
                          const char         *folded_long)
{
  guint32 item = self->data->len;
  guint32 start = self->shorts->len;
  /* A copy whose words are ended in place, for the vocabulary's look-ups. */
  g_autofree char *words = g_strdup (folded_long != NULL ? folded_long : "");

  g_return_if_fail (self->word_ids != NULL);

  g_ptr_array_add (self->data, data);
  g_array_append_val (self->short_starts, start);
  g_string_append (self->shorts, folded_short != NULL ? folded_short : "");
  g_string_append_c (self->shorts, '\0');

  for (char *p = words; *p != '\0';)
    {
      char *word;

      for (; is_separator (*p); p++)
        ;
      for (word = p; *p != '\0' && !is_separator (*p); p++)
        ;
      if (p == word)
        break;
      if (*p != '\0')
        *p++ = '\0';
      add_word (self, word, item);
    }
}

void
plenary_search_index_finish (PlenarySearchIndex *self)
{
  guint n_words;
  guint32 n_postings = 0;
  guint32 end;

  g_return_if_fail (self->word_ids != NULL);

  n_words = self->word_items->len;
  self->posting_starts = g_new (guint32, n_words + 1);
  for (guint w = 0; w < n_words; w++)
    {
      self->posting_starts[w] = n_postings;
      n_postings += ((GByteArray *) g_ptr_array_index (self->word_items, w))->len;
    }
  self->posting_starts[n_words] = n_postings;
  self->postings = g_new (guint8, MAX (n_postings, 1));
  for (guint w = 0; w < n_words; w++)
    {
      GByteArray *items = g_ptr_array_index (self->word_items, w);

      if (items->len > 0)
        memcpy (self->postings + self->posting_starts[w], items->data, items->len);
    }
  g_clear_pointer (&self->word_items, g_ptr_array_unref);
  g_clear_pointer (&self->word_last, g_array_unref);
  g_clear_pointer (&self->word_ids, g_hash_table_unref);

  end = self->vocabulary->len;
  g_array_append_val (self->word_starts, end);

  /* Give back what the growing buffers reserved. */
  self->shorts->str = g_realloc (self->shorts->str, self->shorts->len + 1);
  self->shorts->allocated_len = self->shorts->len + 1;
  self->vocabulary->str = g_realloc (self->vocabulary->str, self->vocabulary->len + 1);
  self->vocabulary->allocated_len = self->vocabulary->len + 1;
}

guint
plenary_search_index_get_n_items (PlenarySearchIndex *self)
{
  return self->data->len;
}

gpointer
plenary_search_index_get_data (PlenarySearchIndex *self,
                               guint               item)
{
  g_return_val_if_fail (item < self->data->len, NULL);
  return g_ptr_array_index (self->data, item);
}

/* The word whose text holds byte @offset of the vocabulary. */
static guint
word_at (PlenarySearchIndex *self,
         guint32             offset)
{
  const guint32 *starts = (const guint32 *) self->word_starts->data;
  guint low = 0;
  guint high = self->word_starts->len - 1;   /* the last is the end */

  /* The last word starting at or before @offset. */
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (starts[mid] <= offset)
        low = mid;
      else
        high = mid;
    }
  return low;
}

/* A bit per item: whether its long text contains @term. */
static guint32 *
match_long (PlenarySearchIndex *self,
            const char         *term)
{
  guint32 *bits = g_new0 (guint32, self->data->len / 32 + 1);
  const char *vocabulary = self->vocabulary->str;
  const char *p = vocabulary;
  const char *found;

  while ((found = strstr (p, term)) != NULL)
    {
      guint word = word_at (self, found - vocabulary);
      const guint8 *posting = self->postings + self->posting_starts[word];
      const guint8 *end = self->postings + self->posting_starts[word + 1];
      guint32 item = 0;

      while (posting < end)
        {
          guint32 delta = 0;
          guint shift = 0;
          guint8 byte;

          do
            {
              byte = *posting++;
              delta |= (guint32) (byte & 0x7f) << shift;
              shift += 7;
            }
          while ((byte & 0x80) != 0 && shift < 32);
          item += delta;
          if (item < self->data->len)
            bits[item / 32] |= 1u << (item % 32);
        }
      p = vocabulary + g_array_index (self->word_starts, guint32, word + 1);
    }
  return bits;
}

GArray *
plenary_search_index_match (PlenarySearchIndex *self,
                            const char * const *terms,
                            GArray             *candidates)
{
  GArray *hits;

  g_return_val_if_fail (self->word_ids == NULL, NULL);

  if (terms[0] == NULL)
    return g_array_new (FALSE, FALSE, sizeof (guint));
  if (candidates != NULL)
    {
      hits = g_array_sized_new (FALSE, FALSE, sizeof (guint), candidates->len);
      g_array_append_vals (hits, candidates->data, candidates->len);
    }
  else
    {
      hits = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->data->len);
      for (guint i = 0; i < self->data->len; i++)
        g_array_append_val (hits, i);
    }

  for (guint t = 0; terms[t] != NULL && hits->len > 0; t++)
    {
      g_autofree guint32 *in_long = NULL;
      guint kept = 0;

      for (guint k = 0; k < hits->len; k++)
        {
          guint i = g_array_index (hits, guint, k);
          const char *text = self->shorts->str + g_array_index (self->short_starts, guint32, i);

          if (strstr (text, terms[t]) == NULL)
            {
              /* Only looked up once an item's short text does not have the term. */
              if (in_long == NULL)
                in_long = match_long (self, terms[t]);
              if ((in_long[i / 32] & (1u << (i % 32))) == 0)
                continue;
            }
          g_array_index (hits, guint, kept++) = i;
        }
      g_array_set_size (hits, kept);
    }
  return hits;
}
