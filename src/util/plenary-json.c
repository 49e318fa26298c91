/* plenary-json.c: a strict, fast JSON reader into a read-only arena DOM
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No recursion: open arrays and objects are frames on a small stack, and their elements and
 * members wait on two growing scratch stacks until the container closes, when they are
 * copied, contiguous, into the node arena. Strings are unescaped into one block as large as
 * the input (a string never grows when unescaped: its quotes pay for the NUL).
 *
 * The error messages are for logs and developers; the caller words what users see.
 */

#include "config.h"

#include <string.h>

#include "plenary-json.h"

#define DEFAULT_MAX_DEPTH 512
#define FIRST_CHUNK_SIZE (256 * 1024)
#define MAX_CHUNK_SIZE (16 * 1024 * 1024)

G_DEFINE_QUARK (plenary-json-error-quark, plenary_json_error)

typedef struct _Chunk Chunk;
struct _Chunk
{
  Chunk *next;
  /* The nodes follow, aligned as a double. */
  double data[];
};

struct _PlenaryJsonDocument
{
  PlenaryJsonNode  root;
  char            *strings;
  Chunk           *chunks;
};

typedef struct
{
  gboolean is_object;
  gsize    start;       /* in the members or the elements scratch stack */
} Frame;

typedef struct
{
  const guchar        *data;
  const guchar        *end;
  PlenaryJsonDocument *document;
  char                *out;           /* next free byte of document->strings */

  guchar              *chunk_pos;
  gsize                chunk_left;
  gsize                chunk_size;

  PlenaryJsonNode     *elements;
  gsize                n_elements;
  gsize                elements_size;
  PlenaryJsonMember   *members;
  gsize                n_members;
  gsize                members_size;

  Frame               *frames;
  guint                depth;
  guint                max_depth;

  /* The failure */
  const guchar        *error_at;
  PlenaryJsonError     error_code;
  const char          *error_message;
} Reader;

static gboolean
fail (Reader           *reader,
      const guchar     *at,
      PlenaryJsonError  code,
      const char       *message)
{
  reader->error_at = at;
  reader->error_code = code;
  reader->error_message = message;
  return FALSE;
}

static gboolean
fail_truncated (Reader *reader)
{
  return fail (reader, reader->end, PLENARY_JSON_ERROR_TRUNCATED, "unexpected end of text");
}

/* Arena */

static gpointer
arena_alloc (Reader *reader,
             gsize   size)
{
  gpointer result;

  size = (size + 7) & ~(gsize) 7;
  if (size > reader->chunk_left)
    {
      Chunk *chunk;
      gsize chunk_size;

      if (reader->chunk_size < MAX_CHUNK_SIZE)
        reader->chunk_size = reader->chunk_size == 0 ? FIRST_CHUNK_SIZE : reader->chunk_size * 2;
      chunk_size = MAX (reader->chunk_size, size);
      chunk = g_malloc (sizeof (Chunk) + chunk_size);
      chunk->next = reader->document->chunks;
      reader->document->chunks = chunk;
      reader->chunk_pos = (guchar *) chunk->data;
      reader->chunk_left = chunk_size;
    }

  result = reader->chunk_pos;
  reader->chunk_pos += size;
  reader->chunk_left -= size;
  return result;
}

/* Strings */

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The high bit of each byte of @word that is a quote, a backslash, a control character or
 * not ASCII (the classic "has a zero byte" and "has a byte below n" tests). A byte above
 * (after, in memory order on little-endian machines) a flagged one may be flagged wrongly;
 * the lowest flag is always right. */
static inline guint64
special_bytes (guint64 word)
{
  guint64 quotes = word ^ (ONES * '"');
  guint64 slashes = word ^ (ONES * '\\');

  return (((word - ONES * 0x20) & ~word) | ((quotes - ONES) & ~quotes)
          | ((slashes - ONES) & ~slashes) | word) & HIGHS;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  c |= 0x20;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Four hex digits at @p (which has at least four bytes), or -1. */
static inline int
read_hex4 (const guchar *p)
{
  int a = hex_value (p[0]), b = hex_value (p[1]), c = hex_value (p[2]), d = hex_value (p[3]);

  if ((a | b | c | d) < 0)
    return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

static inline char *
put_utf8 (char     *out,
          gunichar  c)
{
  if (c < 0x80)
    {
      *out++ = (char) c;
    }
  else if (c < 0x800)
    {
      *out++ = (char) (0xc0 | (c >> 6));
      *out++ = (char) (0x80 | (c & 0x3f));
    }
  else if (c < 0x10000)
    {
      *out++ = (char) (0xe0 | (c >> 12));
      *out++ = (char) (0x80 | ((c >> 6) & 0x3f));
      *out++ = (char) (0x80 | (c & 0x3f));
    }
  else
    {
      *out++ = (char) (0xf0 | (c >> 18));
      *out++ = (char) (0x80 | ((c >> 12) & 0x3f));
      *out++ = (char) (0x80 | ((c >> 6) & 0x3f));
      *out++ = (char) (0x80 | (c & 0x3f));
    }
  return out;
}

/* A \u escape at @p (just after the "u"); a lone surrogate becomes U+FFFD. */
static gboolean
read_unicode_escape (Reader        *reader,
                     const guchar **pp,
                     char         **outp)
{
  const guchar *p = *pp;
  int c, low;

  if (reader->end - p < 4)
    return fail_truncated (reader);
  c = read_hex4 (p);
  if (c < 0)
    return fail (reader, p - 2, PLENARY_JSON_ERROR_SYNTAX, "invalid \\u escape");
  p += 4;

  if (c >= 0xd800 && c <= 0xdbff)
    {
      /* A high surrogate pairs only with the low one right after it. */
      if (reader->end - p >= 6 && p[0] == '\\' && p[1] == 'u'
          && (low = read_hex4 (p + 2)) >= 0xdc00 && low <= 0xdfff)
        {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          p += 6;
        }
      else
        c = 0xfffd;
    }
  else if (c >= 0xdc00 && c <= 0xdfff)
    c = 0xfffd;

  *outp = put_utf8 (*outp, (gunichar) c);
  *pp = p;
  return TRUE;
}

/* One UTF-8 sequence of 2 to 4 bytes at @p, validated (no overlong forms, surrogates or
 * code points past U+10FFFF); returns its length, 0 if invalid, -1 if cut by the end. */
static inline int
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  guchar min = 0x80, max = 0xbf;
  int length;

  if (c < 0xc2)
    return 0;
  else if (c < 0xe0)
    length = 2;
  else if (c < 0xf0)
    {
      length = 3;
      if (c == 0xe0)
        min = 0xa0;
      else if (c == 0xed)
        max = 0x9f;
    }
  else if (c < 0xf5)
    {
      length = 4;
      if (c == 0xf0)
        min = 0x90;
      else if (c == 0xf4)
        max = 0x8f;
    }
  else
    return 0;

  if (end - p < length)
    {
      /* Cut: invalid already if the bytes there are not continuations. */
      for (const guchar *q = p + 1; q < end; q++)
        if ((*q & 0xc0) != 0x80)
          return 0;
      return -1;
    }
  if (p[1] < min || p[1] > max)
    return 0;
  for (int i = 2; i < length; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;

  return length;
}

/* The string whose opening quote is at *@pp - 1, unescaped into the string block. */
static gboolean
read_string (Reader        *reader,
             const guchar **pp,
             const char   **string,
             gsize         *length)
{
  const guchar *p = *pp;
  const guchar *end = reader->end;
  char *start = reader->out;
  char *out = start;

  for (;;)
    {
      guchar c;

      /* Eight plain bytes at a time; the copy may run ahead of the string's end, which is
       * fine: the block is as large as the input, and the output never overtakes it. */
      while (end - p >= 8)
        {
          guint64 word, special;

          memcpy (&word, p, 8);
          memcpy (out, &word, 8);
          special = special_bytes (word);
          if (special != 0)
            {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
              /* Straight to the first special byte: those before it are copied. */
              int plain = __builtin_ctzll (special) / 8;

              p += plain;
              out += plain;
#endif
              break;
            }
          p += 8;
          out += 8;
        }

      if (p == end)
        return fail_truncated (reader);
      c = *p;
      if (c == '"')
        {
          p++;
          break;
        }
      else if (c == '\\')
        {
          if (end - p < 2)
            return fail_truncated (reader);
          p += 2;
          switch (p[-1])
            {
            case '"':
              *out++ = '"';
              break;
            case '\\':
              *out++ = '\\';
              break;
            case '/':
              *out++ = '/';
              break;
            case 'b':
              *out++ = '\b';
              break;
            case 'f':
              *out++ = '\f';
              break;
            case 'n':
              *out++ = '\n';
              break;
            case 'r':
              *out++ = '\r';
              break;
            case 't':
              *out++ = '\t';
              break;
            case 'u':
              if (!read_unicode_escape (reader, &p, &out))
                return FALSE;
              break;
            default:
              return fail (reader, p - 2, PLENARY_JSON_ERROR_SYNTAX, "invalid escape");
            }
        }
      else if (c < 0x20)
        {
          return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX,
                       "control character in a string");
        }
      else if (c < 0x80)
        {
          *out++ = (char) c;
          p++;
        }
      else
        {
          int n = utf8_sequence_length (p, end);

          if (n < 0)
            return fail_truncated (reader);
          if (n == 0)
            return fail (reader, p, PLENARY_JSON_ERROR_UTF8, "invalid UTF-8 in a string");
          memcpy (out, p, n);
          out += n;
          p += n;
        }
    }

  *out = '\0';
  reader->out = out + 1;
  *pp = p;
  *string = start;
  *length = out - start;
  return TRUE;
}

/* Numbers */

static gboolean
read_number (Reader           *reader,
             const guchar    **pp,
             PlenaryJsonNode  *node)
{
  const guchar *start = *pp;
  const guchar *p = start;
  const guchar *end = reader->end;
  gboolean negative = FALSE, is_double = FALSE, overflow = FALSE;
  guint64 value = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p == end)
    return fail_truncated (reader);
  if (*p == '0')
    p++;
  else if (*p >= '1' && *p <= '9')
    {
      for (; p < end && *p >= '0' && *p <= '9'; p++)
        {
          guint digit = *p - '0';

          if (value > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            value = value * 10 + digit;
        }
    }
  else
    return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "invalid number");

  if (p < end && *p == '.')
    {
      is_double = TRUE;
      p++;
      if (p == end)
        return fail_truncated (reader);
      if (!(*p >= '0' && *p <= '9'))
        return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "invalid number");
      while (p < end && *p >= '0' && *p <= '9')
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      is_double = TRUE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end)
        return fail_truncated (reader);
      if (!(*p >= '0' && *p <= '9'))
        return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "invalid number");
      while (p < end && *p >= '0' && *p <= '9')
        p++;
    }

  *pp = p;
  if (!is_double && !overflow
      && value <= (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64))
    {
      node->type = PLENARY_JSON_INT;
      node->length = 0;
      /* -(2^63) is fine in unsigned arithmetic. */
      node->v.integer = negative ? (gint64) (~value + 1) : (gint64) value;
    }
  else
    {
      /* The text is checked: strtod only converts, from a NUL-terminated copy. */
      gsize length = p - start;
      char small[64];
      g_autofree char *large = length < sizeof small ? NULL : g_malloc (length + 1);
      char *copy = large != NULL ? large : small;

      memcpy (copy, start, length);
      copy[length] = '\0';
      node->type = PLENARY_JSON_DOUBLE;
      node->length = 0;
      node->v.number = g_ascii_strtod (copy, NULL);
    }

  return TRUE;
}

/* Structure */

static inline const guchar *
skip_space (const guchar *p,
            const guchar *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

static gboolean
read_literal (Reader           *reader,
              const guchar    **pp,
              const char       *word,
              PlenaryJsonNode  *node)
{
  const guchar *p = *pp;
  gsize length = strlen (word);
  gsize available = MIN ((gsize) (reader->end - p), length);

  if (memcmp (p, word, available) != 0)
    return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "unexpected character");
  if (available < length)
    return fail_truncated (reader);

  node->length = 0;
  node->v.integer = 0;
  if (word[0] == 'n')
    node->type = PLENARY_JSON_NULL;
  else
    {
      node->type = PLENARY_JSON_BOOLEAN;
      node->v.boolean = word[0] == 't';
    }
  *pp = p + length;
  return TRUE;
}

static void
push_element (Reader                *reader,
              const PlenaryJsonNode *node)
{
  if (reader->n_elements == reader->elements_size)
    {
      reader->elements_size = MAX (64, reader->elements_size * 2);
      reader->elements = g_renew (PlenaryJsonNode, reader->elements, reader->elements_size);
    }
  reader->elements[reader->n_elements++] = *node;
}

static PlenaryJsonMember *
push_member (Reader *reader)
{
  if (reader->n_members == reader->members_size)
    {
      reader->members_size = MAX (64, reader->members_size * 2);
      reader->members = g_renew (PlenaryJsonMember, reader->members, reader->members_size);
    }
  return &reader->members[reader->n_members++];
}

static gboolean
read_document (Reader *reader)
{
  const guchar *p = reader->data;
  const guchar *end = reader->end;
  PlenaryJsonNode node;
  Frame *frame;

  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  p = skip_space (p, end);
  if (p == end)
    return fail (reader, p, PLENARY_JSON_ERROR_EMPTY, "no value");

value:
  p = skip_space (p, end);
  if (p == end)
    return fail_truncated (reader);

  switch (*p)
    {
    case '{':
    case '[':
      if (reader->depth == reader->max_depth)
        return fail (reader, p, PLENARY_JSON_ERROR_DEPTH, "nested too deeply");
      frame = &reader->frames[reader->depth++];
      frame->is_object = *p == '{';
      frame->start = frame->is_object ? reader->n_members : reader->n_elements;
      p = skip_space (p + 1, end);
      if (p == end)
        return fail_truncated (reader);
      if (*p == (frame->is_object ? '}' : ']'))
        {
          p++;
          goto close;
        }
      if (frame->is_object)
        goto member;
      goto value;

    case '"':
      {
        gsize length;

        p++;
        if (!read_string (reader, &p, &node.v.string, &length))
          return FALSE;
        node.type = PLENARY_JSON_STRING;
        node.length = (guint32) length;
      }
      break;

    case 't':
      if (!read_literal (reader, &p, "true", &node))
        return FALSE;
      break;

    case 'f':
      if (!read_literal (reader, &p, "false", &node))
        return FALSE;
      break;

    case 'n':
      if (!read_literal (reader, &p, "null", &node))
        return FALSE;
      break;

    default:
      if (*p != '-' && !(*p >= '0' && *p <= '9'))
        return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "unexpected character");
      if (!read_number (reader, &p, &node))
        return FALSE;
      break;
    }

have_value:
  if (reader->depth == 0)
    {
      reader->document->root = node;
      p = skip_space (p, end);
      if (p != end)
        return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "text after the value");
      return TRUE;
    }

  frame = &reader->frames[reader->depth - 1];
  if (frame->is_object)
    reader->members[reader->n_members - 1].value = node;
  else
    push_element (reader, &node);

  p = skip_space (p, end);
  if (p == end)
    return fail_truncated (reader);
  if (*p == ',')
    {
      p++;
      if (!frame->is_object)
        goto value;
      p = skip_space (p, end);
      goto member;
    }
  if (*p != (frame->is_object ? '}' : ']'))
    return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX,
                 frame->is_object ? "expected “,” or “}”" : "expected “,” or “]”");
  p++;

close:
  {
    gsize count;

    /* The frame's children leave the scratch stack for the arena, contiguous. */
    frame = &reader->frames[--reader->depth];
    if (frame->is_object)
      {
        PlenaryJsonMember *members = NULL;

        count = reader->n_members - frame->start;
        if (count > 0)
          {
            members = arena_alloc (reader, count * sizeof *members);
            memcpy (members, reader->members + frame->start, count * sizeof *members);
          }
        reader->n_members = frame->start;
        node.type = PLENARY_JSON_OBJECT;
        node.v.members = members;
      }
    else
      {
        PlenaryJsonNode *elements = NULL;

        count = reader->n_elements - frame->start;
        if (count > 0)
          {
            elements = arena_alloc (reader, count * sizeof *elements);
            memcpy (elements, reader->elements + frame->start, count * sizeof *elements);
          }
        reader->n_elements = frame->start;
        node.type = PLENARY_JSON_ARRAY;
        node.v.elements = elements;
      }
    node.length = (guint32) count;
  }
  goto have_value;

member:
  if (p == end)
    return fail_truncated (reader);
  if (*p != '"')
    return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "expected a member name");
  {
    PlenaryJsonMember *member = push_member (reader);
    gsize length;

    p++;
    if (!read_string (reader, &p, &member->name, &length))
      return FALSE;
  }
  p = skip_space (p, end);
  if (p == end)
    return fail_truncated (reader);
  if (*p != ':')
    return fail (reader, p, PLENARY_JSON_ERROR_SYNTAX, "expected “:”");
  p++;
  goto value;
}

/* Public API */

PlenaryJsonDocument *
plenary_json_document_parse (const char          *data,
                             gsize                length,
                             guint                max_depth,
                             PlenaryJsonLocation *location,
                             GError             **error)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  Reader reader = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";

  document = g_new0 (PlenaryJsonDocument, 1);
  reader.data = (const guchar *) data;
  reader.end = reader.data + length;
  reader.document = document;
  reader.max_depth = max_depth > 0 ? max_depth : DEFAULT_MAX_DEPTH;

  /* Lengths and counts are 32-bit. */
  if (length >= G_MAXUINT32)
    ok = fail (&reader, reader.data, PLENARY_JSON_ERROR_TOO_LARGE, "text too large");
  else
    {
      document->strings = g_malloc (length + 1);
      reader.out = document->strings;
      reader.frames = g_new (Frame, reader.max_depth);
      ok = read_document (&reader);
      g_free (reader.frames);
      g_free (reader.elements);
      g_free (reader.members);
    }

  if (!ok)
    {
      gsize offset = reader.error_at - reader.data;
      guint line = 1;
      const char *line_start = data;

      for (const char *c = memchr (data, '\n', offset); c != NULL;
           c = memchr (c + 1, '\n', offset - (c + 1 - data)))
        {
          line++;
          line_start = c + 1;
        }
      if (location != NULL)
        {
          location->line = line;
          location->column = (guint) (data + offset - line_start) + 1;
          location->offset = offset;
        }
      g_set_error (error, PLENARY_JSON_ERROR, reader.error_code, "line %u, column %u: %s",
                   line, (guint) (data + offset - line_start) + 1, reader.error_message);
      return NULL;
    }

  return g_steal_pointer (&document);
}

void
plenary_json_document_free (PlenaryJsonDocument *document)
{
  Chunk *chunk, *next;

  if (document == NULL)
    return;

  for (chunk = document->chunks; chunk != NULL; chunk = next)
    {
      next = chunk->next;
      g_free (chunk);
    }
  g_free (document->strings);
  g_free (document);
}

const PlenaryJsonNode *
plenary_json_document_get_root (PlenaryJsonDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return &document->root;
}

const PlenaryJsonNode *
plenary_json_object_get_member (const PlenaryJsonNode *object,
                                const char            *name)
{
  if (object == NULL || object->type != PLENARY_JSON_OBJECT)
    return NULL;

  /* From the end: the last of repeated names wins, as in json-glib. */
  for (guint i = object->length; i-- > 0;)
    {
      const PlenaryJsonMember *member = &object->v.members[i];

      if (member->name[0] == name[0] && strcmp (member->name, name) == 0)
        return &member->value;
    }

  return NULL;
}

void
plenary_json_iter_init (PlenaryJsonIter       *iter,
                        const PlenaryJsonNode *object)
{
  guint n = plenary_json_object_get_size (object);

  iter->object = n > 0 ? object : NULL;
  iter->index = 0;
  iter->last = NULL;
  if (n < 2)
    return;

  /* Names rarely repeat; a table only when one does. */
  if (n <= 16)
    {
      for (guint i = 1; i < n; i++)
        for (guint j = 0; j < i; j++)
          if (strcmp (object->v.members[i].name, object->v.members[j].name) == 0)
            goto repeated;
      return;
    }

repeated:
  iter->last = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (iter->last, (char *) object->v.members[i].name,
                         GUINT_TO_POINTER (i + 1));
  if (g_hash_table_size (iter->last) == n)
    g_clear_pointer (&iter->last, g_hash_table_unref);
}

gboolean
plenary_json_iter_next (PlenaryJsonIter        *iter,
                        const char            **name,
                        const PlenaryJsonNode **value)
{
  while (iter->object != NULL && iter->index < iter->object->length)
    {
      const PlenaryJsonMember *member = &iter->object->v.members[iter->index++];
      guint last;

      if (iter->last == NULL)
        {
          *name = member->name;
          *value = &member->value;
          return TRUE;
        }

      /* A name already visited maps to 0. */
      last = GPOINTER_TO_UINT (g_hash_table_lookup (iter->last, member->name));
      if (last == 0)
        continue;
      g_hash_table_insert (iter->last, (char *) member->name, GUINT_TO_POINTER (0));
      *name = member->name;
      *value = &iter->object->v.members[last - 1].value;
      return TRUE;
    }

  return FALSE;
}

void
plenary_json_iter_clear (PlenaryJsonIter *iter)
{
  g_clear_pointer (&iter->last, g_hash_table_unref);
  iter->object = NULL;
}
