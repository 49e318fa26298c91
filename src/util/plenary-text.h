/* plenary-text.h: server text kept from reordering the text around it
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only and inline: the fuzzing builds compile the parser and the store without GTK and
 * without the rest of src/util.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for the bidi embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069). Every reader of server text drops them: one left open in a title would
 * reorder whatever is shown after it. The marks U+200E and U+200F only set a direction and
 * close nothing, so they are kept. */
static inline gboolean
plenary_text_is_bidi_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

G_END_DECLS
