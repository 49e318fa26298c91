/* fuzz-rich-text.c: libFuzzer harness for the description converter
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input, read as Markdown, as HTML and with the format guessed, must give markup that
 * GtkLabel accepts (links only to http(s)), and plain text and snippets that are valid UTF-8.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/plenary-rich-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const PlenaryRichTextFormat formats[] = {
    PLENARY_RICH_TEXT_AUTO, PLENARY_RICH_TEXT_MARKDOWN, PLENARY_RICH_TEXT_HTML,
  };
  g_autofree char *input = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *snippet = NULL;

  /* Descriptions are at most a few kilobytes; the converter is not linear on hostile input. */
  if (size > 64 * 1024)
    return 0;
  /* Text from JSON holds no NUL: the input ends at the first. */
  input = g_strndup ((const char *) data, size);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *markup = plenary_rich_text_to_markup (input, formats[i]);

      if (!plenary_rich_text_validate_markup (markup, &error))
        {
          fprintf (stderr, "format %d: invalid markup: %s\n---\n%s\n---\n", formats[i],
                   error->message, markup);
          abort ();
        }
    }

  plain = plenary_rich_text_to_plain (input, PLENARY_RICH_TEXT_AUTO);
  snippet = plenary_rich_text_to_snippet (input, 40);
  if (!g_utf8_validate (plain, -1, NULL) || !g_utf8_validate (snippet, -1, NULL)
      || g_utf8_strlen (snippet, -1) > 40 || strchr (snippet, '\n') != NULL)
    {
      fprintf (stderr, "bad plain text or snippet: “%s”\n", snippet);
      abort ();
    }
  return 0;
}
