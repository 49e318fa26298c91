/* plenary-rich-text.c: Indico descriptions (Markdown or HTML) as safe Pango markup or plain text
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <md4c.h>
#include <string.h>

#include "plenary-rich-text.h"

/* md4c reads Markdown (CommonMark), a lenient reader below reads HTML; both write only
 * through an Out, which alone decides what reaches the markup. Out owns a stack of the Pango
 * tags it opened, closes them in order whatever the input does, and escapes every character of
 * text, so no input can produce invalid markup or a tag outside the subset. */

#define MAX_TAG_DEPTH       16
#define MAX_CONTAINER_DEPTH 12

typedef enum
{
  TAG_B,
  TAG_I,
  TAG_U,
  TAG_S,
  TAG_TT,
  TAG_SUB,
  TAG_SUP,
  TAG_BIG,
  TAG_A,
} TagKind;

static const char * const tag_names[] = { "b", "i", "u", "s", "tt", "sub", "sup", "big", "a" };

typedef struct
{
  TagKind   kind;
  gboolean  base;   /* opened for the block (heading, quote, code), not by the text */
  char     *href;
  gboolean  written;   /* opened lazily, so that no empty <b></b> is written */
} OpenTag;

typedef struct
{
  gboolean quote;
  gboolean ordered;
  int      counter;
} Container;

typedef struct
{
  GString  *str;
  gboolean  plain;
  GArray   *tags;            /* OpenTag */
  GArray   *containers;      /* Container: lists and quotes, outermost first */
  int       pending_break;   /* newlines owed before the next text: 1 line, 2 paragraph */
  char     *pending_prefix;  /* list marker for the next line */
  gboolean  line_start;
  gboolean  emitted;
  gboolean  base_open;
  gboolean  pending_space;   /* collapsed HTML whitespace */
  int       heading;
  int       pre;
  gboolean  markdown;        /* containers belong to the Markdown reader */
} Out;

static void
open_tag_clear (gpointer data)
{
  OpenTag *tag = data;

  g_free (tag->href);
}

static void
out_init (Out      *out,
          gboolean  plain)
{
  memset (out, 0, sizeof *out);
  out->str = g_string_new (NULL);
  out->plain = plain;
  out->tags = g_array_new (FALSE, FALSE, sizeof (OpenTag));
  g_array_set_clear_func (out->tags, open_tag_clear);
  out->containers = g_array_new (FALSE, FALSE, sizeof (Container));
  out->line_start = TRUE;
}

static void
append_escaped (GString    *str,
                const char *text,
                gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      switch (text[i])
        {
        case '&': g_string_append (str, "&amp;"); break;
        case '<': g_string_append (str, "&lt;"); break;
        case '>': g_string_append (str, "&gt;"); break;
        case '"': g_string_append (str, "&quot;"); break;
        case '\'': g_string_append (str, "&#39;"); break;
        default: g_string_append_c (str, text[i]); break;
        }
    }
}

static void
out_write_open (Out     *out,
                OpenTag *tag)
{
  tag->written = TRUE;
  if (out->plain)
    return;
  g_string_append_c (out->str, '<');
  g_string_append (out->str, tag_names[tag->kind]);
  if (tag->href != NULL)
    {
      g_string_append (out->str, " href=\"");
      append_escaped (out->str, tag->href, strlen (tag->href));
      g_string_append_c (out->str, '"');
    }
  g_string_append_c (out->str, '>');
}

static void
out_write_close (Out     *out,
                 OpenTag *tag)
{
  if (out->plain || !tag->written)
    return;
  g_string_append (out->str, "</");
  g_string_append (out->str, tag_names[tag->kind]);
  g_string_append_c (out->str, '>');
}

static gboolean
out_has_link (Out *out)
{
  for (guint i = 0; i < out->tags->len; i++)
    if (g_array_index (out->tags, OpenTag, i).kind == TAG_A)
      return TRUE;
  return FALSE;
}

static void
out_push_tag (Out        *out,
              TagKind     kind,
              gboolean    base,
              const char *href)
{
  OpenTag tag = { kind, base, g_strdup (href), FALSE };

  g_array_append_val (out->tags, tag);
}

static void
out_close_all (Out *out)
{
  while (out->tags->len > 0)
    {
      out_write_close (out, &g_array_index (out->tags, OpenTag, out->tags->len - 1));
      g_array_set_size (out->tags, out->tags->len - 1);
    }
  out->base_open = FALSE;
}

static void
out_indent (Out     *out,
            GString *into,
            guint    n_containers)
{
  for (guint i = 0; i < n_containers && i < out->containers->len; i++)
    {
      Container *c = &g_array_index (out->containers, Container, i);

      g_string_append (into, c->quote ? "    " : c->ordered ? "   " : "  ");
    }
}

/* Everything that text needs before it: owed newlines, the list marker or the indentation, and
 * the block's own tags. */
static void
out_begin_text (Out *out)
{
  if (out->line_start)
    {
      g_autoptr (GString) prefix = g_string_new (NULL);

      if (out->emitted)
        for (int i = 0; i < MAX (out->pending_break, 1); i++)
          g_string_append_c (out->str, '\n');
      if (out->pending_prefix != NULL)
        g_string_append (prefix, out->pending_prefix);
      else
        out_indent (out, prefix, out->containers->len);
      g_string_append (out->str, prefix->str);
      g_clear_pointer (&out->pending_prefix, g_free);
      out->pending_break = 0;
      out->line_start = FALSE;
    }

  if (!out->base_open)
    {
      gboolean quoted = FALSE;

      for (guint i = 0; i < out->containers->len; i++)
        quoted |= g_array_index (out->containers, Container, i).quote;
      /* Base tags go below the text's own, which block breaks close anyway. */
      g_assert (out->tags->len == 0);
      if (out->heading > 0)
        {
          out_push_tag (out, TAG_BIG, TRUE, NULL);
          out_push_tag (out, TAG_B, TRUE, NULL);
        }
      if (quoted)
        out_push_tag (out, TAG_I, TRUE, NULL);
      if (out->pre > 0)
        out_push_tag (out, TAG_TT, TRUE, NULL);
      out->base_open = TRUE;
    }

  for (guint i = 0; i < out->tags->len; i++)
    {
      OpenTag *tag = &g_array_index (out->tags, OpenTag, i);

      if (!tag->written)
        out_write_open (out, tag);
    }
}

static void
out_text (Out        *out,
          const char *text,
          gsize       len)
{
  if (len == 0)
    return;
  out_begin_text (out);
  if (out->plain)
    g_string_append_len (out->str, text, len);
  else
    append_escaped (out->str, text, len);
  out->emitted = TRUE;
}

static void
out_open (Out        *out,
          TagKind     kind,
          const char *href)
{
  /* Links do not nest in GtkLabel, and a bounded stack keeps the re-opening below cheap. */
  if (out->tags->len >= MAX_TAG_DEPTH || (kind == TAG_A && out_has_link (out)))
    return;
  /* HTML white space before a tag belongs outside it: "a <b>b</b>". */
  if (out->pending_space && !out->line_start)
    out_text (out, " ", 1);
  out->pending_space = FALSE;
  out_begin_text (out);
  out_push_tag (out, kind, FALSE, href);
}

/* Closes the innermost @kind the text opened; tags opened after it are closed first and
 * re-opened after, so that <b><i>x</b>y</i> stays well nested. */
static void
out_close (Out     *out,
           TagKind  kind)
{
  g_autoptr (GArray) reopen = NULL;
  int found = -1;

  for (int i = (int) out->tags->len - 1; i >= 0; i--)
    {
      OpenTag *tag = &g_array_index (out->tags, OpenTag, i);

      if (tag->kind == kind && !tag->base)
        {
          found = i;
          break;
        }
    }
  if (found < 0)
    return;

  reopen = g_array_new (FALSE, FALSE, sizeof (OpenTag));
  g_array_set_clear_func (reopen, open_tag_clear);
  while ((int) out->tags->len > found)
    {
      OpenTag tag = g_array_index (out->tags, OpenTag, out->tags->len - 1);

      out_write_close (out, &tag);
      if ((int) out->tags->len - 1 > found)
        g_array_prepend_val (reopen, tag);
      else
        g_free (tag.href);
      /* Ownership of href moved above, so shrink without the clear func. */
      out->tags->len--;
    }
  for (guint i = 0; i < reopen->len; i++)
    {
      OpenTag *tag = &g_array_index (reopen, OpenTag, i);

      tag->written = FALSE;
      g_array_append_val (out->tags, *tag);
      tag->href = NULL;
    }
}

static void
out_block_break (Out *out,
                 int  n)
{
  out_close_all (out);
  if (out->emitted)
    out->pending_break = MAX (out->pending_break, n);
  out->line_start = TRUE;
  out->pending_space = FALSE;
}

static gboolean
out_in_list (Out *out)
{
  for (guint i = 0; i < out->containers->len; i++)
    if (!g_array_index (out->containers, Container, i).quote)
      return TRUE;
  return FALSE;
}

/* Lists are lines: inside one, paragraphs are one newline apart, not two. */
static void
out_paragraph_break (Out *out)
{
  out_block_break (out, out_in_list (out) ? 1 : 2);
}

static void
out_line_break (Out *out)
{
  if (!out->emitted)
    return;
  if (out->line_start)
    out->pending_break = MIN (out->pending_break + 1, 2);
  else
    out->pending_break = 1;
  out->line_start = TRUE;
  out->pending_space = FALSE;
}

static gboolean
out_push_container (Out      *out,
                    gboolean  quote,
                    gboolean  ordered,
                    int       start)
{
  Container c = { quote, ordered, start };

  if (out->containers->len >= MAX_CONTAINER_DEPTH)
    return FALSE;
  if (!quote && out_in_list (out))
    out_block_break (out, 1);
  else
    out_block_break (out, 2);
  g_array_append_val (out->containers, c);
  return TRUE;
}

/* Pops containers down to and including the innermost of the given kind, if any. */
static void
out_pop_container (Out      *out,
                   gboolean  quote)
{
  for (int i = (int) out->containers->len - 1; i >= 0; i--)
    {
      if (g_array_index (out->containers, Container, i).quote == quote)
        {
          g_array_set_size (out->containers, i);
          out_block_break (out, out_in_list (out) ? 1 : 2);
          return;
        }
    }
}

static void
out_list_item (Out *out,
               int  number)
{
  g_autoptr (GString) prefix = g_string_new (NULL);
  Container *list = NULL;

  out_block_break (out, 1);
  if (out->containers->len > 0)
    {
      list = &g_array_index (out->containers, Container, out->containers->len - 1);
      if (list->quote)
        list = NULL;
    }
  out_indent (out, prefix, out->containers->len > 0 ? out->containers->len - 1 : 0);
  if (list != NULL && list->ordered)
    {
      if (number >= 0)
        list->counter = number;
      g_string_append_printf (prefix, "%d. ", list->counter);
      if (list->counter < G_MAXINT)
        list->counter++;
    }
  else
    {
      if (list == NULL)
        out_indent (out, prefix, out->containers->len);
      g_string_append (prefix, "• ");
    }
  g_free (out->pending_prefix);
  out->pending_prefix = g_string_free (g_steal_pointer (&prefix), FALSE);
}

static char *
out_finish (Out *out)
{
  out_close_all (out);
  g_array_unref (out->tags);
  g_array_unref (out->containers);
  g_free (out->pending_prefix);
  return g_string_free (out->str, FALSE);
}

/* Input clean-up: valid UTF-8, "\n" line ends, and no control characters, which GMarkup
 * refuses even as character references. */
static gboolean
is_unwanted_char (gunichar c)
{
  return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
         || c == 0xfffe || c == 0xffff;
}

static char *
sanitize_source (const char *source)
{
  g_autofree char *valid = g_utf8_make_valid (source, -1);
  GString *str = g_string_sized_new (strlen (valid));
  const char *run = valid;
  const char *p = valid;

  /* Copied in runs: this pass was two thirds of the converter's time character by character. */
  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);

      if (c != '\r' && !is_unwanted_char (c))
        {
          p = next;
          continue;
        }
      g_string_append_len (str, run, p - run);
      if (c == '\r')
        {
          g_string_append_c (str, '\n');
          if (*next == '\n')
            next++;
        }
      p = run = next;
    }
  g_string_append_len (str, run, p - run);
  return g_string_free (str, FALSE);
}

/* Entities */

static const struct
{
  const char *name;
  gunichar    c;
} entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0xa0 }, { "shy", 0xad }, { "ndash", 0x2013 }, { "mdash", 0x2014 },
  { "hellip", 0x2026 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201a },
  { "ldquo", 0x201c }, { "rdquo", 0x201d }, { "bdquo", 0x201e }, { "laquo", 0xab },
  { "raquo", 0xbb }, { "bull", 0x2022 }, { "middot", 0xb7 }, { "copy", 0xa9 },
  { "reg", 0xae }, { "trade", 0x2122 }, { "deg", 0xb0 }, { "plusmn", 0xb1 },
  { "times", 0xd7 }, { "divide", 0xf7 }, { "micro", 0xb5 }, { "euro", 0x20ac },
  { "pound", 0xa3 }, { "yen", 0xa5 }, { "cent", 0xa2 }, { "sect", 0xa7 }, { "para", 0xb6 },
  { "larr", 0x2190 }, { "rarr", 0x2192 }, { "harr", 0x2194 }, { "le", 0x2264 },
  { "ge", 0x2265 }, { "ne", 0x2260 }, { "asymp", 0x2248 }, { "infin", 0x221e },
  { "minus", 0x2212 }, { "prime", 0x2032 }, { "alpha", 0x3b1 }, { "beta", 0x3b2 },
  { "gamma", 0x3b3 }, { "delta", 0x3b4 }, { "epsilon", 0x3b5 }, { "lambda", 0x3bb },
  { "mu", 0x3bc }, { "pi", 0x3c0 }, { "sigma", 0x3c3 }, { "tau", 0x3c4 }, { "phi", 0x3c6 },
  { "omega", 0x3c9 }, { "Delta", 0x394 }, { "Omega", 0x3a9 }, { "Sigma", 0x3a3 },
  { "auml", 0xe4 }, { "ouml", 0xf6 }, { "uuml", 0xfc }, { "Auml", 0xc4 }, { "Ouml", 0xd6 },
  { "Uuml", 0xdc }, { "szlig", 0xdf }, { "aacute", 0xe1 }, { "eacute", 0xe9 },
  { "iacute", 0xed }, { "oacute", 0xf3 }, { "uacute", 0xfa }, { "agrave", 0xe0 },
  { "egrave", 0xe8 }, { "igrave", 0xec }, { "ograve", 0xf2 }, { "ugrave", 0xf9 },
  { "acirc", 0xe2 }, { "ecirc", 0xea }, { "icirc", 0xee }, { "ocirc", 0xf4 },
  { "ucirc", 0xfb }, { "ccedil", 0xe7 }, { "ntilde", 0xf1 }, { "atilde", 0xe3 },
  { "otilde", 0xf5 }, { "aring", 0xe5 }, { "oslash", 0xf8 }, { "aelig", 0xe6 },
  { "Eacute", 0xc9 }, { "Ccedil", 0xc7 }, { "Aring", 0xc5 }, { "Oslash", 0xd8 },
  { "zwnj", 0x200c }, { "zwj", 0x200d }, { "thinsp", 0x2009 }, { "ensp", 0x2002 },
  { "emsp", 0x2003 },
};

/* Decodes the entity at @p ("&…;") into @c; returns its length, or 0 when it is none. */
static gsize
parse_entity (const char *p,
              const char *end,
              gunichar   *c)
{
  const char *q = p + 1;

  if (q < end && *q == '#')
    {
      guint64 value = 0;
      gboolean hex = FALSE;
      guint digits = 0;

      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      for (; q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)); q++, digits++)
        if (digits < 10)
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
      if (digits == 0 || q >= end || *q != ';')
        return 0;
      if (value == 0 || value > 0x10ffff || !g_unichar_validate ((gunichar) value)
          || is_unwanted_char ((gunichar) value))
        *c = 0xfffd;
      else
        *c = (gunichar) value;
      return q + 1 - p;
    }

  for (; q < end && g_ascii_isalnum (*q) && q - p <= 10; q++)
    ;
  if (q >= end || *q != ';' || q == p + 1)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      gsize n = strlen (entities[i].name);

      if ((gsize) (q - p - 1) == n && strncmp (p + 1, entities[i].name, n) == 0)
        {
          *c = entities[i].c;
          return q + 1 - p;
        }
    }
  return 0;
}

static void
append_decoded (GString    *into,
                const char *s,
                gsize       len)
{
  const char *end = s + len;

  while (s < end)
    {
      gunichar c;
      gsize n;

      if (*s == '&' && (n = parse_entity (s, end, &c)) > 0)
        {
          g_string_append_unichar (into, c);
          s += n;
        }
      else
        g_string_append_c (into, *s++);
    }
}

/* Links */

gboolean
plenary_rich_text_is_safe_uri (const char *uri)
{
  g_autoptr (GUri) parsed = NULL;
  const char *host;

  if (uri == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (uri, "http://", 7) != 0 && g_ascii_strncasecmp (uri, "https://", 8) != 0)
    return FALSE;
  for (const char *p = uri; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
      return FALSE;
  if (!g_utf8_validate (uri, -1, NULL))
    return FALSE;
  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (parsed == NULL)
    return FALSE;
  host = g_uri_get_host (parsed);
  return host != NULL && *host != '\0';
}

static gboolean
is_url_start (const char *s,
              const char *end)
{
  return (end - s > 8 && g_ascii_strncasecmp (s, "https://", 8) == 0)
         || (end - s > 7 && g_ascii_strncasecmp (s, "http://", 7) == 0);
}

/* The length of a bare URL at @s: up to white space or a delimiter, without the trailing
 * punctuation of the sentence around it. */
static gsize
bare_url_length (const char *s,
                 const char *end)
{
  const char *q = s;
  int parens = 0;

  while (q < end && !g_ascii_isspace (*q) && *q != '<' && *q != '>' && *q != '"' && *q != '`'
         && *q != '[' && *q != ']')
    {
      if (*q == '(')
        parens++;
      else if (*q == ')')
        parens--;
      q++;
    }
  while (q > s)
    {
      char last = q[-1];

      if (strchr (".,;:!?'*_", last) != NULL)
        q--;
      else if (last == ')' && parens < 0)
        {
          q--;
          parens++;
        }
      else
        break;
    }
  return q - s;
}

/* Text, with http(s) URLs in it made links unless a link is already open. */
static void
out_text_autolinked (Out        *out,
                     const char *s,
                     gsize       len)
{
  const char *end = s + len;
  const char *run = s;

  for (const char *p = s; p < end; p++)
    {
      gsize n;

      if ((*p != 'h' && *p != 'H') || (p > s && g_ascii_isalnum (p[-1])) || !is_url_start (p, end)
          || out_has_link (out))
        continue;
      n = bare_url_length (p, end);
      {
        /* Scoped to the candidate: this loop visits every character of every text. */
        g_autofree char *url = g_strndup (p, n);

        if (!plenary_rich_text_is_safe_uri (url))
          continue;
        out_text (out, run, p - run);
        out_open (out, TAG_A, url);
      }
      out_text (out, p, n);
      out_close (out, TAG_A);
      p += n - 1;
      run = p + 1;
    }
  out_text (out, run, end - run);
}

/* HTML */

typedef struct
{
  char      name[16];
  gboolean  closing;
  char     *href;
  char     *alt;
} Tag;

static void
tag_clear (Tag *tag)
{
  g_clear_pointer (&tag->href, g_free);
  g_clear_pointer (&tag->alt, g_free);
}

/* Reads the tag at @p ('<'); returns the position after it, or NULL if this is no tag. */
static const char *
parse_tag (const char *p,
           const char *end,
           Tag        *tag)
{
  const char *q = p + 1;
  gsize n = 0;

  memset (tag, 0, sizeof *tag);
  if (q < end && *q == '/')
    {
      tag->closing = TRUE;
      q++;
    }
  if (q >= end || !g_ascii_isalpha (*q))
    return NULL;
  for (; q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == ':'); q++)
    if (n < sizeof tag->name - 1)
      tag->name[n++] = g_ascii_tolower (*q);
  tag->name[n] = '\0';

  for (;;)
    {
      const char *name_start, *name_end, *value_start = NULL, *value_end = NULL;

      while (q < end && (g_ascii_isspace (*q) || *q == '/'))
        q++;
      if (q >= end)
        goto fail;
      if (*q == '>')
        return q + 1;
      if (*q == '<')
        goto fail;
      name_start = q;
      while (q < end && !g_ascii_isspace (*q) && *q != '=' && *q != '>' && *q != '/' && *q != '<')
        q++;
      name_end = q;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q < end && *q == '=')
        {
          q++;
          while (q < end && g_ascii_isspace (*q))
            q++;
          if (q < end && (*q == '"' || *q == '\''))
            {
              char quote = *q++;

              value_start = q;
              while (q < end && *q != quote)
                q++;
              if (q >= end)
                goto fail;
              value_end = q++;
            }
          else
            {
              value_start = q;
              while (q < end && !g_ascii_isspace (*q) && *q != '>')
                q++;
              value_end = q;
            }
        }
      if (value_start != NULL && name_end - name_start == 4
          && g_ascii_strncasecmp (name_start, "href", 4) == 0 && tag->href == NULL)
        {
          GString *value = g_string_new (NULL);

          append_decoded (value, value_start, value_end - value_start);
          tag->href = g_strstrip (g_string_free (value, FALSE));
        }
      else if (value_start != NULL && name_end - name_start == 3
               && g_ascii_strncasecmp (name_start, "alt", 3) == 0 && tag->alt == NULL)
        {
          GString *value = g_string_new (NULL);

          append_decoded (value, value_start, value_end - value_start);
          tag->alt = g_string_free (value, FALSE);
        }
    }

fail:
  tag_clear (tag);
  return NULL;
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Elements dropped with everything in them. The pre-pass removes them before either reader
 * runs, so their content cannot leak through Markdown paragraphs either. */
static const char * const dropped_with_content[] = {
  "script", "style", "iframe", "object", "noscript", "template", "textarea", "title", "head",
  "select", "svg", "math", NULL
};

static const char * const paragraph_elements[] = {
  "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "table",
  "form", "fieldset", "figure", "figcaption", "center", "address", "dl", "details", "summary",
  "hr", NULL
};

static const char * const line_elements[] = {
  "tr", "dt", "dd", "caption", "thead", "tbody", "tfoot", NULL
};

/* Every element the readers act on or know to drop: Markdown treats "<other>" as text, so that
 * "<linux/list.h>" in an abstract stays. */
static const char * const known_elements[] = {
  "a", "b", "strong", "i", "em", "cite", "var", "dfn", "u", "ins", "s", "strike", "del",
  "code", "tt", "kbd", "samp", "sub", "sup", "big", "small", "span", "font", "br", "img",
  "ul", "ol", "li", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
  "embed", "link", "meta", "base", "input", "button", "label", "abbr", "mark", "q", "wbr",
  "html", "body", "frame", "frameset", "applet", "video", "audio", "source", "picture",
  "canvas", "col", "colgroup", NULL
};

static gboolean
is_known_element (const char *name)
{
  return name_in (name, known_elements) || name_in (name, paragraph_elements)
         || name_in (name, line_elements) || name_in (name, dropped_with_content);
}

static gboolean
inline_tag_kind (const char *name,
                 TagKind    *kind)
{
  static const struct { const char *name; TagKind kind; } map[] = {
    { "b", TAG_B }, { "strong", TAG_B }, { "i", TAG_I }, { "em", TAG_I }, { "cite", TAG_I },
    { "var", TAG_I }, { "dfn", TAG_I }, { "u", TAG_U }, { "ins", TAG_U }, { "s", TAG_S },
    { "strike", TAG_S }, { "del", TAG_S }, { "code", TAG_TT }, { "tt", TAG_TT },
    { "kbd", TAG_TT }, { "samp", TAG_TT }, { "sub", TAG_SUB }, { "sup", TAG_SUP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (strcmp (name, map[i].name) == 0)
        {
          *kind = map[i].kind;
          return TRUE;
        }
    }
  return FALSE;
}

/* Acts on one HTML tag, from HTML or from Markdown's inline HTML. */
static void
handle_tag (Out *out,
            Tag *tag)
{
  const char *name = tag->name;
  TagKind kind;

  if (inline_tag_kind (name, &kind))
    {
      if (tag->closing)
        out_close (out, kind);
      else
        out_open (out, kind, NULL);
    }
  else if (strcmp (name, "a") == 0)
    {
      if (tag->closing)
        out_close (out, TAG_A);
      else if (plenary_rich_text_is_safe_uri (tag->href))
        out_open (out, TAG_A, tag->href);
    }
  else if (strcmp (name, "br") == 0)
    out_line_break (out);
  else if (strcmp (name, "img") == 0)
    {
      if (!tag->closing && tag->alt != NULL)
        {
          g_autofree char *alt = g_strstrip (g_strdup (tag->alt));

          out_text (out, alt, strlen (alt));
        }
    }
  else if (name_in (name, paragraph_elements))
    out_paragraph_break (out);
  else if (name_in (name, line_elements))
    out_block_break (out, 1);
  else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    {
      out_block_break (out, 2);
      out->heading = tag->closing ? 0 : name[1] - '0';
    }
  else if (out->markdown && (name_in (name, (const char * const[]) { "ul", "ol", "li",
                                                                     "blockquote", NULL })))
    {
      /* Markdown's lists and quotes are its own; inline HTML only breaks lines there. */
      out_block_break (out, 1);
    }
  else if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0)
    {
      if (tag->closing)
        out_pop_container (out, FALSE);
      else
        out_push_container (out, FALSE, name[0] == 'o', 1);
    }
  else if (strcmp (name, "li") == 0)
    {
      if (tag->closing)
        out_block_break (out, 1);
      else
        out_list_item (out, -1);
    }
  else if (strcmp (name, "blockquote") == 0)
    {
      if (tag->closing)
        out_pop_container (out, TRUE);
      else
        out_push_container (out, TRUE, FALSE, 0);
    }
  else if (strcmp (name, "pre") == 0)
    {
      out_paragraph_break (out);
      if (tag->closing)
        out->pre = MAX (out->pre - 1, 0);
      else if (out->pre < MAX_TAG_DEPTH)
        out->pre++;
    }
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    {
      if (!tag->closing)
        out->pending_space = TRUE;
    }
  /* Anything else: the tag goes, its text stays. */
}

/* HTML text: white space collapses outside <pre>. */
static void
html_text (Out        *out,
           const char *s,
           gsize       len)
{
  g_autoptr (GString) decoded = g_string_new (NULL);
  const char *p, *end;

  append_decoded (decoded, s, len);
  p = decoded->str;
  end = p + decoded->len;

  if (out->pre > 0)
    {
      while (p < end)
        {
          const char *nl = memchr (p, '\n', end - p);
          const char *line_end = nl != NULL ? nl : end;

          out_text (out, p, line_end - p);
          if (nl != NULL)
            out_line_break (out);
          p = nl != NULL ? nl + 1 : end;
        }
      return;
    }

  while (p < end)
    {
      const char *run = p;

      if (g_ascii_isspace (*p))
        {
          while (p < end && g_ascii_isspace (*p))
            p++;
          out->pending_space = TRUE;
          continue;
        }
      while (p < end && !g_ascii_isspace (*p))
        p++;
      if (out->pending_space && !out->line_start)
        out_text (out, " ", 1);
      out->pending_space = FALSE;
      out_text_autolinked (out, run, p - run);
    }
}

static void
convert_html (Out        *out,
              const char *source)
{
  const char *end = source + strlen (source);
  const char *p = source;
  const char *text = source;

  while (p < end)
    {
      Tag tag;
      const char *after;

      if (*p != '<')
        {
          p++;
          continue;
        }
      after = parse_tag (p, end, &tag);
      if (after == NULL)
        {
          p++;
          continue;
        }
      html_text (out, text, p - text);
      handle_tag (out, &tag);
      tag_clear (&tag);
      p = text = after;
    }
  html_text (out, text, p - text);
}

/* Removes comments, processing instructions, doctypes and the dropped elements with their
 * content. */
static char *
strip_dropped (const char *source)
{
  GString *str = g_string_sized_new (strlen (source));
  const char *end = source + strlen (source);
  const char *p = source;

  while (p < end)
    {
      const char *lt = strchr (p, '<');

      if (lt == NULL)
        {
          g_string_append_len (str, p, end - p);
          break;
        }
      g_string_append_len (str, p, lt - p);
      p = lt;

      if (strncmp (p, "<!--", 4) == 0)
        {
          const char *close = strstr (p + 4, "-->");

          p = close != NULL ? close + 3 : end;
          continue;
        }
      if ((p[1] == '!' || p[1] == '?') && g_ascii_isalpha (p[2]))
        {
          const char *close = strchr (p, '>');

          p = close != NULL ? close + 1 : end;
          continue;
        }
      if (g_ascii_isalpha (p[1]))
        {
          char name[16];
          gsize n = 0;
          const char *q = p + 1;

          while (g_ascii_isalnum (*q) && n < sizeof name - 1)
            name[n++] = g_ascii_tolower (*q++);
          name[n] = '\0';
          if (!g_ascii_isalnum (*q) && name_in (name, dropped_with_content))
            {
              /* To the end of the matching close tag, or of the text. */
              const char *r = q;

              p = end;
              while ((r = strstr (r, "</")) != NULL)
                {
                  if (g_ascii_strncasecmp (r + 2, name, n) == 0 && !g_ascii_isalnum (r[2 + n]))
                    {
                      const char *close = strchr (r, '>');

                      p = close != NULL ? close + 1 : end;
                      break;
                    }
                  r += 2;
                }
              continue;
            }
        }
      g_string_append_c (str, '<');
      p++;
    }
  return g_string_free (str, FALSE);
}

/* Markdown, read by md4c: its callbacks drive the same Out as the HTML reader.
 *
 * Flags, deliberately:
 * - Not md4c's PERMISSIVEURLAUTOLINKS: 0.5 stops URLs at "@", "%" or "~" and so drops most
 *   lore.kernel.org links of the LPC abstracts; bare URLs go through out_text_autolinked(), as
 *   in HTML, the same with every md4c version.
 * - NOHTMLBLOCKS: AUTO gives text with block-level HTML to the HTML reader; what is left is
 *   Markdown with the odd inline tag, so a line starting with a tag stays a paragraph with
 *   Markdown in it instead of becoming raw HTML up to the next blank line.
 * - LATEXMATHSPANS: Indico renders $…$ as LaTeX (physics abstracts use it); what is between the
 *   dollars is shown as it is, never read as emphasis.
 * - No tables, task lists or strikethrough: Indico's Markdown has no tables the label could show,
 *   and "~" stays text as it always did. */

#define MD_READER_FLAGS (MD_FLAG_NOHTMLBLOCKS | MD_FLAG_LATEXMATHSPANS)

typedef struct
{
  Out     *out;
  GArray  *pushed;     /* gboolean per quote or list: whether Out took it (depth is bounded) */
  GArray  *links;      /* gboolean per link span: whether it opened a link */
  guint    image;      /* inside an image: its description is text */
  gboolean code_block;
  /* Reference links repeat one destination any number of times: hrefs may add no more to the
   * markup than the source's own length, so that the output stays linear in the input. */
  gsize    href_budget;
  GString *html;       /* inline HTML not yet read: md4c gives a tag one line at a time */
} MdReader;

static void
md_text_code (MdReader   *r,
              const char *text,
              gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *nl = memchr (text, '\n', end - text);
      const char *line_end = nl != NULL ? nl : end;

      out_text (r->out, text, line_end - text);
      if (nl != NULL)
        {
          /* Code spans join their lines; code blocks keep them. */
          if (r->code_block)
            out_line_break (r->out);
          else
            out_text (r->out, " ", 1);
        }
      text = nl != NULL ? nl + 1 : end;
    }
}

static void
md_flush_html (MdReader *r)
{
  out_text (r->out, r->html->str, r->html->len);
  g_string_truncate (r->html, 0);
}

/* Inline HTML, one tag: the tags the HTML reader knows act; any other "<…>" is text, so that
 * "<linux/list.h>" or "<foo>" in an abstract stays. */
static void
md_text_html (MdReader   *r,
              const char *text,
              gsize       len)
{
  const char *end;
  Tag tag;

  g_string_append_len (r->html, text, len);
  end = r->html->str + r->html->len;
  if (r->html->str[0] == '<' && end[-1] != '>')
    return;
  if (r->html->str[0] == '<' && parse_tag (r->html->str, end, &tag) == end)
    {
      gboolean known = is_known_element (tag.name);

      /* An image's description is text only. */
      if (known && r->image == 0)
        handle_tag (r->out, &tag);
      tag_clear (&tag);
      if (known)
        {
          g_string_truncate (r->html, 0);
          return;
        }
    }
  md_flush_html (r);
}

static int
md_enter_block (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  MdReader *r = user_data;
  Out *out = r->out;
  gboolean pushed;

  md_flush_html (r);
  switch (type)
    {
    case MD_BLOCK_QUOTE:
      pushed = out_push_container (out, TRUE, FALSE, 0);
      g_array_append_val (r->pushed, pushed);
      break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      pushed = out_push_container (out, FALSE, type == MD_BLOCK_OL,
                                   type == MD_BLOCK_OL
                                   ? (int) MIN (((MD_BLOCK_OL_DETAIL *) detail)->start, G_MAXINT)
                                   : 0);
      g_array_append_val (r->pushed, pushed);
      break;
    case MD_BLOCK_LI:
      out_list_item (out, -1);
      break;
    case MD_BLOCK_HR:
      out_paragraph_break (out);
      break;
    case MD_BLOCK_H:
      out_block_break (out, 2);
      out->heading = ((MD_BLOCK_H_DETAIL *) detail)->level;
      break;
    case MD_BLOCK_CODE:
      out_paragraph_break (out);
      out->pre++;
      r->code_block = TRUE;
      break;
    default:
      break;
    }
  return 0;
}

static int
md_leave_block (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  MdReader *r = user_data;
  Out *out = r->out;
  gboolean pushed;

  md_flush_html (r);
  switch (type)
    {
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      pushed = g_array_index (r->pushed, gboolean, r->pushed->len - 1);
      g_array_set_size (r->pushed, r->pushed->len - 1);
      if (pushed)
        out_pop_container (out, type == MD_BLOCK_QUOTE);
      break;
    case MD_BLOCK_LI:
      out_block_break (out, 1);
      break;
    case MD_BLOCK_H:
      out_block_break (out, 2);
      out->heading = 0;
      break;
    case MD_BLOCK_CODE:
      out_paragraph_break (out);
      out->pre--;
      r->code_block = FALSE;
      break;
    case MD_BLOCK_P:
      out_paragraph_break (out);
      break;
    default:
      break;
    }
  return 0;
}

/* An attribute as md4c gives it (text with entities left in) as a string. */
static char *
md_attribute_string (const MD_ATTRIBUTE *attr)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      const char *s = attr->text + attr->substr_offsets[i];
      gsize len = attr->substr_offsets[i + 1] - attr->substr_offsets[i];

      if (attr->substr_types[i] == MD_TEXT_ENTITY)
        append_decoded (str, s, len);
      else if (attr->substr_types[i] == MD_TEXT_NULLCHAR)
        g_string_append_unichar (str, 0xfffd);
      else
        g_string_append_len (str, s, len);
    }
  return g_string_free (str, FALSE);
}

/* The tag of an emphasis or code span; TAG_A for the other spans. */
static TagKind
md_span_tag (MD_SPANTYPE type)
{
  switch (type)
    {
    case MD_SPAN_EM: return TAG_I;
    case MD_SPAN_STRONG: return TAG_B;
    case MD_SPAN_CODE: return TAG_TT;
    default: return TAG_A;
    }
}

static int
md_enter_span (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  MdReader *r = user_data;

  md_flush_html (r);

  if (type == MD_SPAN_IMG)
    r->image++;
  else if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY)
    out_text (r->out, "$$", type == MD_SPAN_LATEXMATH ? 1 : 2);
  else if (type == MD_SPAN_A)
    {
      const MD_ATTRIBUTE *attr = &((MD_SPAN_A_DETAIL *) detail)->href;
      g_autofree char *href = NULL;
      gboolean link = FALSE;

      /* Decoding entities only shortens the destination. */
      if (r->image == 0 && !out_has_link (r->out) && attr->size <= r->href_budget)
        {
          href = md_attribute_string (attr);
          link = plenary_rich_text_is_safe_uri (href);
        }
      if (link)
        {
          r->href_budget -= strlen (href);
          out_open (r->out, TAG_A, href);
        }
      g_array_append_val (r->links, link);
    }
  else if (r->image == 0 && md_span_tag (type) != TAG_A)
    out_open (r->out, md_span_tag (type), NULL);
  return 0;
}

static int
md_leave_span (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  MdReader *r = user_data;

  md_flush_html (r);

  if (type == MD_SPAN_IMG)
    r->image--;
  else if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY)
    out_text (r->out, "$$", type == MD_SPAN_LATEXMATH ? 1 : 2);
  else if (type == MD_SPAN_A)
    {
      gboolean link = g_array_index (r->links, gboolean, r->links->len - 1);

      g_array_set_size (r->links, r->links->len - 1);
      if (link)
        out_close (r->out, TAG_A);
    }
  else if (r->image == 0 && md_span_tag (type) != TAG_A)
    out_close (r->out, md_span_tag (type));
  return 0;
}

static int
md_text (MD_TEXTTYPE  type,
         const char  *text,
         MD_SIZE      size,
         void        *user_data)
{
  MdReader *r = user_data;
  gunichar c;

  if (type != MD_TEXT_HTML)
    md_flush_html (r);
  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      out_text (r->out, "\xef\xbf\xbd", 3);
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      /* Indico shows every line end as a line break. */
      out_line_break (r->out);
      break;
    case MD_TEXT_ENTITY:
      if (parse_entity (text, text + size, &c) == size)
        {
          char buf[8];

          out_text (r->out, buf, g_unichar_to_utf8 (c, buf));
        }
      else
        out_text (r->out, text, size);
      break;
    case MD_TEXT_CODE:
      md_text_code (r, text, size);
      break;
    case MD_TEXT_HTML:
      md_text_html (r, text, size);
      break;
    case MD_TEXT_NORMAL:
      if (r->image == 0)
        out_text_autolinked (r->out, text, size);
      else
        out_text (r->out, text, size);
      break;
    default:
      out_text (r->out, text, size);
      break;
    }
  return 0;
}

/* "• " as people paste it from slides (the LPC abstracts do) starts a list item, as "- " does;
 * indented four columns it is code, and stays as it is. */
static char *
md_slide_bullets (const char *source)
{
  GString *str = g_string_sized_new (strlen (source));
  const char *line = source;

  while (*line != '\0')
    {
      const char *bullet = line + strspn (line, " ");
      const char *nl = strchr (line, '\n');
      const char *end = nl != NULL ? nl + 1 : line + strlen (line);

      if (bullet - line < 4 && g_str_has_prefix (bullet, "•")
          && (bullet[strlen ("•")] == ' ' || bullet[strlen ("•")] == '\t'))
        {
          g_string_append_len (str, line, bullet - line);
          g_string_append_c (str, '-');
          line = bullet + strlen ("•");
        }
      g_string_append_len (str, line, end - line);
      line = end;
    }
  return g_string_free (str, FALSE);
}

static void
convert_markdown (Out        *out,
                  const char *source)
{
  static const MD_PARSER parser = {
    0, MD_READER_FLAGS, md_enter_block, md_leave_block, md_enter_span, md_leave_span,
    md_text, NULL, NULL
  };
  g_autofree char *text = md_slide_bullets (source);
  MdReader r = { out, NULL, NULL, 0, FALSE, strlen (source), NULL };

  r.pushed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  r.links = g_array_new (FALSE, FALSE, sizeof (gboolean));
  r.html = g_string_new (NULL);
  md_parse (text, strlen (text), &parser, &r);
  md_flush_html (&r);
  g_array_unref (r.pushed);
  g_array_unref (r.links);
  g_string_free (r.html, TRUE);
}

/* Public API */

PlenaryRichTextFormat
plenary_rich_text_detect_format (const char *source)
{
  static const char * const block_tags[] = {
    "p", "div", "br", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    "td", "blockquote", "pre", "hr", "section", "article", "dl", "span", "font", NULL
  };
  const char *p;

  if (source == NULL)
    return PLENARY_RICH_TEXT_MARKDOWN;

  for (p = strchr (source, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      char name[12];
      gsize n = 0;
      const char *q = p + 1;

      if (*q == '/')
        q++;
      while (g_ascii_isalnum (*q) && n < sizeof name - 1)
        name[n++] = g_ascii_tolower (*q++);
      name[n] = '\0';
      if (n > 0 && (*q == '>' || *q == ' ' || *q == '/' || *q == '\t' || *q == '\n')
          && name_in (name, block_tags))
        return PLENARY_RICH_TEXT_HTML;
    }
  return PLENARY_RICH_TEXT_MARKDOWN;
}

static char *
convert (const char            *source,
         PlenaryRichTextFormat  format,
         gboolean               plain)
{
  g_autofree char *clean = NULL;
  g_autofree char *stripped = NULL;
  Out out;

  if (source == NULL || *source == '\0')
    return g_strdup ("");

  clean = sanitize_source (source);
  stripped = strip_dropped (clean);
  /* What is dropped anyway must not sway the guess. */
  if (format == PLENARY_RICH_TEXT_AUTO)
    format = plenary_rich_text_detect_format (stripped);

  out_init (&out, plain);
  out.markdown = format != PLENARY_RICH_TEXT_HTML;
  if (format == PLENARY_RICH_TEXT_HTML)
    convert_html (&out, stripped);
  else
    convert_markdown (&out, stripped);
  return out_finish (&out);
}

char *
plenary_rich_text_to_markup (const char            *source,
                             PlenaryRichTextFormat  format)
{
  return convert (source, format, FALSE);
}

char *
plenary_rich_text_to_plain (const char            *source,
                            PlenaryRichTextFormat  format)
{
  return convert (source, format, TRUE);
}

char *
plenary_rich_text_to_snippet (const char *source,
                              guint       max_chars)
{
  g_autofree char *plain = plenary_rich_text_to_plain (source, PLENARY_RICH_TEXT_AUTO);
  GString *line = g_string_new (NULL);
  gboolean space = FALSE;
  const char *cut;
  const char *word_end;
  glong n_chars;

  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = line->len > 0;
      else
        {
          if (space)
            g_string_append_c (line, ' ');
          space = FALSE;
          g_string_append_unichar (line, c);
        }
    }

  n_chars = g_utf8_strlen (line->str, -1);
  if (max_chars == 0)
    {
      g_string_truncate (line, 0);
      return g_string_free (line, FALSE);
    }
  if ((gulong) n_chars <= max_chars)
    return g_string_free (line, FALSE);

  /* Room for the ellipsis, then back to the last word boundary unless that loses too much. */
  cut = g_utf8_offset_to_pointer (line->str, max_chars - 1);
  word_end = cut;
  while (word_end > line->str && *word_end != ' ')
    word_end--;
  if (g_utf8_pointer_to_offset (line->str, word_end) >= (glong) (max_chars * 2 / 3))
    cut = word_end;
  while (cut > line->str && (cut[-1] == ' ' || cut[-1] == ',' || cut[-1] == ';'))
    cut--;
  g_string_truncate (line, cut - line->str);
  g_string_append (line, "…");
  return g_string_free (line, FALSE);
}

char *
plenary_markup_escape_title (const char *title)
{
  g_autofree char *clean = NULL;

  if (title == NULL)
    return g_strdup ("");
  clean = sanitize_source (title);
  return g_markup_escape_text (clean, -1);
}

/* Validation, the way GtkLabel reads markup: it takes <a> out itself and gives the rest to
 * Pango. */

typedef struct
{
  GString  *rest;
  gboolean  in_link;
} ValidateData;

static void
validate_start (GMarkupParseContext  *context,
                const char           *element_name,
                const char          **attribute_names,
                const char          **attribute_values,
                gpointer              user_data,
                GError              **error)
{
  ValidateData *data = user_data;

  if (strcmp (element_name, "a") == 0)
    {
      const char *href = NULL;

      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (strcmp (attribute_names[i], "href") == 0)
            href = attribute_values[i];
          else
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE,
                           "Attribute “%s” on a link", attribute_names[i]);
              return;
            }
        }
      if (data->in_link)
        g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                             "Nested link");
      else if (!plenary_rich_text_is_safe_uri (href))
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     "Link to “%s”", href != NULL ? href : "(none)");
      data->in_link = TRUE;
      return;
    }

  g_string_append_printf (data->rest, "<%s", element_name);
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      g_autofree char *value = g_markup_escape_text (attribute_values[i], -1);

      g_string_append_printf (data->rest, " %s=\"%s\"", attribute_names[i], value);
    }
  g_string_append_c (data->rest, '>');
}

static void
validate_end (GMarkupParseContext  *context,
              const char           *element_name,
              gpointer              user_data,
              GError              **error)
{
  ValidateData *data = user_data;

  if (strcmp (element_name, "a") == 0)
    data->in_link = FALSE;
  else
    g_string_append_printf (data->rest, "</%s>", element_name);
}

static void
validate_text (GMarkupParseContext  *context,
               const char           *text,
               gsize                 text_len,
               gpointer              user_data,
               GError              **error)
{
  ValidateData *data = user_data;

  append_escaped (data->rest, text, text_len);
}

gboolean
plenary_rich_text_validate_markup (const char  *markup,
                                   GError     **error)
{
  static const GMarkupParser parser = { validate_start, validate_end, validate_text, NULL, NULL };
  g_autoptr (GString) rest = g_string_new (NULL);
  ValidateData data = { rest, FALSE };
  g_autoptr (GMarkupParseContext) context = NULL;

  g_return_val_if_fail (markup != NULL, FALSE);

  context = g_markup_parse_context_new (&parser, 0, &data, NULL);
  if (!g_markup_parse_context_parse (context, "<markup>", -1, error)
      || !g_markup_parse_context_parse (context, markup, -1, error)
      || !g_markup_parse_context_parse (context, "</markup>", -1, error)
      || !g_markup_parse_context_end_parse (context, error))
    return FALSE;

  return pango_parse_markup (rest->str, -1, 0, NULL, NULL, NULL, error);
}

/* Widgets */

static gboolean
on_label_activate_link (GtkLabel   *label,
                        const char *uri,
                        gpointer    user_data)
{
  GtkRoot *root;

  /* Returning TRUE for every URI keeps GTK's default handler, which opens anything, out. */
  if (!plenary_rich_text_is_safe_uri (uri))
    {
      g_debug ("Refusing to open link “%s”", uri);
      return TRUE;
    }
  root = gtk_widget_get_root (GTK_WIDGET (label));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

void
plenary_rich_text_label_set_description (GtkLabel   *label,
                                         const char *description)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  markup = plenary_rich_text_to_markup (description, PLENARY_RICH_TEXT_AUTO);
  gtk_label_set_markup (label, markup);
  if (g_object_get_data (G_OBJECT (label), "plenary-safe-links") == NULL)
    {
      g_signal_connect (label, "activate-link", G_CALLBACK (on_label_activate_link), NULL);
      g_object_set_data (G_OBJECT (label), "plenary-safe-links", GINT_TO_POINTER (TRUE));
    }
}

void
plenary_rich_text_label_set_title (GtkLabel   *label,
                                   const char *title)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_text (label, title != NULL ? title : "");
}
