/* plenary-indico-document.c: an Indico answer's bytes → a JSON tree fit to show
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an answer is (empty, a web page, damaged, too large or too deep) is told here, with the
 * errors that say so; every string of a good answer is cleaned and capped before any reader
 * sees it (see clean_string()).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plenary-indico-parser-private.h"
#include "util/plenary-text.h"


static void
set_malformed (GError **error,
               int      line)
{
  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED,
               _("The programme is incomplete or damaged (invalid JSON at line %d)."), line);
}

/* Server text on screen: what one string may hold. Titles, names, rooms… are cut to a few
 * hundred characters (with an ellipsis) and descriptions to what a page lays out at once,
 * so no string can stall a frame; the stored exports keep every byte. A URL longer than any
 * real one is dropped rather than cut into another address. */
#define MAX_SHORT_CHARS       300
#define MAX_DESCRIPTION_CHARS 10000
#define MAX_URL_BYTES         2048

/* Removes the bidi controls (see plenary_text_is_bidi_control()) in place. Returns the new
 * length. Every one of them is three bytes from 0xe2, and the reader has validated the UTF-8,
 * so only those bytes are decoded, and a string without one is not copied at all. */
static gsize
remove_bidi_controls (char  *text,
                      gsize  length)
{
  char *found = memchr (text, 0xe2, length);
  gsize out;

  if (found == NULL)
    return length;
  out = found - text;
  for (gsize in = out; in < length; )
    {
      if ((guchar) text[in] == 0xe2 && plenary_text_is_bidi_control (g_utf8_get_char (text + in)))
        {
          in += 3;
          continue;
        }
      text[out++] = text[in++];
    }
  text[out] = '\0';
  return out;
}

/* Cuts @text to @max_chars characters, the last one an ellipsis, in place: the cut text
 * is never longer than the original. Returns the new length. */
static gsize
cap_chars (char  *text,
           gsize  length,
           gsize  max_chars)
{
  const char *p = text;
  const char *end = text + length;
  gsize n = 0;

  if (length <= max_chars)
    return length;
  while (p < end && n < max_chars - 1)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  /* Three bytes from @p to the end at least, so the ellipsis and the NUL fit. */
  if (p >= end || g_utf8_next_char (p) >= end || end - p < 3)
    return length;
  memcpy ((char *) p, "\u2026", 3);
  ((char *) p)[3] = '\0';
  return (p - text) + 3;
}

static void
clean_string (PlenaryJsonNode *node,
              const char      *name)
{
  char *text = (char *) node->v.string;
  gsize length = node->length;

  length = remove_bidi_controls (text, length);
  if (name != NULL && (g_str_has_suffix (name, "url") || g_str_has_suffix (name, "URL")))
    {
      if (length > MAX_URL_BYTES)
        {
          text[0] = '\0';
          length = 0;
        }
    }
  else
    length = cap_chars (text, length,
                        g_strcmp0 (name, "description") == 0 ? MAX_DESCRIPTION_CHARS
                                                            : MAX_SHORT_CHARS);
  node->length = (guint32) length;
}

/* Every string of @document made fit to show (see above). The tree is walked with a stack
 * of its own, not by recursion: the reader bounds the depth, but nothing here relies on it. */
static void
clean_document (PlenaryJsonDocument *document)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (PlenaryJsonMember));
  PlenaryJsonMember top = { NULL, *plenary_json_document_get_root (document) };

  /* The root is a copy: write its string back if it is one. */
  if (top.value.type == PLENARY_JSON_STRING)
    {
      clean_string ((PlenaryJsonNode *) plenary_json_document_get_root (document), NULL);
      return;
    }
  g_array_append_val (stack, top);
  while (stack->len > 0)
    {
      PlenaryJsonMember item = g_array_index (stack, PlenaryJsonMember, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      if (item.value.type == PLENARY_JSON_ARRAY)
        {
          for (guint i = 0; i < item.value.length; i++)
            {
              PlenaryJsonNode *element = (PlenaryJsonNode *) &item.value.v.elements[i];

              if (element->type == PLENARY_JSON_STRING)
                clean_string (element, item.name);
              else if (element->type == PLENARY_JSON_ARRAY || element->type == PLENARY_JSON_OBJECT)
                {
                  PlenaryJsonMember next = { item.name, *element };

                  g_array_append_val (stack, next);
                }
            }
        }
      else if (item.value.type == PLENARY_JSON_OBJECT)
        {
          for (guint i = 0; i < item.value.length; i++)
            {
              PlenaryJsonMember *member = (PlenaryJsonMember *) &item.value.v.members[i];

              if (member->value.type == PLENARY_JSON_STRING)
                clean_string (&member->value, member->name);
              else if (member->value.type == PLENARY_JSON_ARRAY
                       || member->value.type == PLENARY_JSON_OBJECT)
                g_array_append_val (stack, *member);
            }
        }
    }
}

PlenaryJsonDocument *
indico_parse_json (GBytes  *bytes,
                   GError **error)
{
  g_autoptr (GError) local_error = NULL;
  PlenaryJsonDocument *document;
  PlenaryJsonLocation location;
  const char *data;
  gsize size, start = 0;

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (data == NULL)
    size = 0;

  /* Windows-made and some older Indico answers start with a UTF-8 BOM. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < size && g_ascii_isspace (data[start]))
    start++;

  if (start >= size)
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_EMPTY,
                   _("The server sent an empty answer instead of the programme."));
      return NULL;
    }
  if (size > PLENARY_JSON_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (PLENARY_JSON_MAX_SIZE);

      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED,
                   _("The programme is larger than %s, more than any programme needs."), limit);
      return NULL;
    }
  if (data[start] == '<')
    {
      g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_HTML,
                   _("The server returned a web page, not the programme: the event may be "
                     "private or need a login."));
      return NULL;
    }

  /* The reader skips the BOM itself, so its lines are the file's. */
  document = plenary_json_document_parse (data, size, PLENARY_JSON_MAX_DEPTH, &location,
                                          &local_error);
  if (document == NULL)
    {
      g_debug ("Invalid JSON: %s", local_error->message);
      if (g_error_matches (local_error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_DEPTH))
        g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_MALFORMED,
                     _("The programme is damaged: it is nested more than %d levels deep, "
                       "which no Indico export is (at line %d)."), PLENARY_JSON_MAX_DEPTH,
                     (int) MIN (location.line, G_MAXINT));
      else
        set_malformed (error, (int) MIN (location.line, G_MAXINT));
      return NULL;
    }

  clean_document (document);
  return document;
}

void
indico_set_not_timetable (GError **error)
{
  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NOT_TIMETABLE,
               _("The server's answer is not an Indico programme."));
}

void
indico_set_wrong_event (GError     **error,
                        const char  *sent,
                        const char  *asked)
{
  g_autofree char *shown = g_utf8_make_valid (sent, MIN (strlen (sent), 40));

  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_WRONG_EVENT,
               _("The server sent the programme of another event (%s), not of event %s."),
               shown, asked);
}

void
indico_set_no_access (GError **error)
{
  g_set_error (error, PLENARY_INDICO_ERROR, PLENARY_INDICO_ERROR_NO_ACCESS,
               _("No access: the event exists but shows no entries to you. If it is private, "
                 "add an Indico API token with the read:legacy_api scope in Preferences."));
}
