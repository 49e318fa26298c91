/* plenary-rich-text.h: Indico descriptions (Markdown or HTML) as safe Pango markup or plain text
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Indico stores descriptions as Markdown or HTML and does not export which one
 * (reference §2), so AUTO guesses from the text. */
typedef enum
{
  PLENARY_RICH_TEXT_AUTO,
  PLENARY_RICH_TEXT_MARKDOWN,
  PLENARY_RICH_TEXT_HTML,
} PlenaryRichTextFormat;

PlenaryRichTextFormat plenary_rich_text_detect_format  (const char            *source);

/* A safe subset of Pango markup for a GtkLabel with use-markup: <b>, <i>, <u>, <s>, <tt>,
 * <sub>, <sup>, <big> and GtkLabel's <a href> for http(s) URLs only. Never NULL; "" for
 * NULL or empty @source. Always parses (see plenary_rich_text_validate_markup()). */
char                 *plenary_rich_text_to_markup      (const char            *source,
                                                        PlenaryRichTextFormat  format);
/* The same text without any markup, for list rows, search and exports. Never NULL. */
char                 *plenary_rich_text_to_plain       (const char            *source,
                                                        PlenaryRichTextFormat  format);
/* The plain text on one line (whitespace collapsed), cut to at most @max_chars characters
 * at a word boundary where possible, with "…" when cut. Never NULL. */
char                 *plenary_rich_text_to_snippet     (const char            *source,
                                                        guint                  max_chars);

/* TRUE only for absolute http:// and https:// URLs with a host. */
gboolean              plenary_rich_text_is_safe_uri    (const char            *uri);

/* Checks @markup the way GtkLabel reads it: GtkLabel's own <a href> (which Pango does not
 * know) first, then pango_parse_markup(). Also fails on a link that is not
 * plenary_rich_text_is_safe_uri(), or nested links. */
gboolean              plenary_rich_text_validate_markup (const char           *markup,
                                                         GError              **error);

/* Titles, names and other server text are NEVER markup. Labels showing them keep
 * use-markup FALSE; where a widget always takes markup (AdwActionRow and AdwPreferencesRow
 * titles and subtitles in libadwaita 1.2, gtk_label_set_markup() compositions) escape them
 * with this first. Never NULL. */
char                 *plenary_markup_escape_title      (const char            *title);

/* Shows @description (Markdown or HTML) in @label as safe markup, and makes the label open
 * only http(s) links, with gtk_show_uri(); every other URI is refused. Safe to call again on
 * the same label. */
void                  plenary_rich_text_label_set_description (GtkLabel       *label,
                                                               const char     *description);
/* Shows @title as text, never as markup. */
void                  plenary_rich_text_label_set_title       (GtkLabel       *label,
                                                               const char     *title);

G_END_DECLS
