/* plenary-format.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "plenary-format.h"
#include "model/plenary-time.h"
#include "util/plenary-search-index.h"

static GDateTime *
in_zone (GDateTime *time,
         GTimeZone *zone)
{
  return zone != NULL ? g_date_time_to_timezone (time, zone) : g_date_time_ref (time);
}

char *
plenary_format_time (GDateTime *time,
                     GTimeZone *zone)
{
  g_autoptr (GDateTime) shown = NULL;

  if (time == NULL)
    return g_strdup ("");
  shown = in_zone (time, zone);
  /* The night clocks fall back, 02:30 happens twice: say which ("02:30 CEST"). */
  if (plenary_time_is_ambiguous (shown))
    /* Translators: a time of day that occurs twice, with its zone's abbreviation. */
    return g_date_time_format (shown, _("%H:%M %Z"));
  /* Translators: a time of day, as g_date_time_format() takes it. */
  return g_date_time_format (shown, _("%H:%M"));
}

char *
plenary_format_time_range (GDateTime *start,
                           GDateTime *end,
                           GTimeZone *zone)
{
  g_autofree char *from = plenary_format_time (start, zone);
  g_autofree char *to = plenary_format_time (end, zone);

  /* Translators: a time range, e.g. "07:00–07:40". */
  g_autofree char *range = g_strdup_printf (_("%s–%s"), from, to);

  /* In a right-to-left interface the range would read backwards ("07:40–07:00") inside a
   * right-to-left sentence: keep it left to right, isolated from the text around it. */
  if (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL)
    return g_strconcat ("\u2066", range, "\u2069", NULL);
  return g_steal_pointer (&range);
}

char *
plenary_format_isolate (const char *text)
{
  /* A Latin title ending in "." or ")" inside a Hebrew sentence would have that mark moved to
   * the far side of the sentence; the parser drops bidi controls from server text, so the
   * isolate cannot be closed early. */
  if (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL && text != NULL && *text != '\0')
    return g_strconcat ("\u2068", text, "\u2069", NULL);
  return g_strdup (text != NULL ? text : "");
}

gboolean
plenary_zones_differ_at (GTimeZone *a,
                         GTimeZone *b,
                         GDateTime *instant)
{
  g_autoptr (GDateTime) in_a = NULL;
  g_autoptr (GDateTime) in_b = NULL;

  if (a == NULL || b == NULL || instant == NULL)
    return FALSE;
  in_a = g_date_time_to_timezone (instant, a);
  in_b = g_date_time_to_timezone (instant, b);
  return g_date_time_get_utc_offset (in_a) != g_date_time_get_utc_offset (in_b);
}

char *
plenary_format_time_range_dual (GDateTime *start,
                                GDateTime *end,
                                GTimeZone *event_zone,
                                GTimeZone *local_zone)
{
  g_autofree char *event_range = plenary_format_time_range (start, end, event_zone);
  g_autofree char *local_range = NULL;
  g_autofree char *abbreviation = NULL;
  g_autoptr (GDateTime) start_in_event = NULL;

  if (start == NULL || !plenary_zones_differ_at (event_zone, local_zone, start))
    return g_steal_pointer (&event_range);

  start_in_event = in_zone (start, event_zone);
  abbreviation = g_date_time_format (start_in_event, "%Z");
  /* A start that occurs twice already says its zone ("02:30 CEST–03:30"): the one after the
   * range is the end's, which may differ ("… CET"). */
  if (plenary_time_is_ambiguous (start_in_event) && end != NULL)
    {
      g_autoptr (GDateTime) end_in_event = in_zone (end, event_zone);

      g_free (abbreviation);
      abbreviation = g_date_time_format (end_in_event, "%Z");
    }
  local_range = plenary_format_time_range (start, end, local_zone);
  /* Translators: event time range and zone, then the same range in the user's zone. */
  return g_strdup_printf (_("%s %s · %s your time"), event_range, abbreviation, local_range);
}

char *
plenary_format_duration (int minutes)
{
  int hours = minutes / 60;
  int rest = minutes % 60;

  if (hours == 0)
    /* Translators: a duration in minutes. */
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", rest), rest);
  if (rest == 0)
    return g_strdup_printf (ngettext ("%d hour", "%d hours", hours), hours);
  /* Translators: a duration, e.g. "1 h 30 min". */
  return g_strdup_printf (_("%d h %d min"), hours, rest);
}

char *
plenary_format_day_long (GDateTime *day)
{
  /* Translators: a day of the event, e.g. "Monday 20 September". */
  return g_date_time_format (day, _("%A %e %B"));
}

char *
plenary_format_day_short (GDateTime *day)
{
  /* Translators: a day of the event in a narrow switcher, e.g. "Mon 20". */
  return g_date_time_format (day, _("%a %e"));
}

char *
plenary_format_people (GPtrArray *people,
                       gboolean   with_affiliations)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      PlenaryPerson *person = g_ptr_array_index (people, i);
      const char *affiliation = plenary_person_get_affiliation (person);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, plenary_person_get_name (person));
      if (with_affiliations && affiliation != NULL && affiliation[0] != '\0')
        g_string_append_printf (text, " (%s)", affiliation);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
rgb_to_hsl (double  r,
            double  g,
            double  b,
            double *h,
            double *s,
            double *l)
{
  double max = MAX (r, MAX (g, b));
  double min = MIN (r, MIN (g, b));
  double delta = max - min;

  *l = (max + min) / 2;
  *h = 0;
  *s = 0;
  if (delta == 0)
    return;
  *s = *l > 0.5 ? delta / (2 - max - min) : delta / (max + min);
  if (max == r)
    *h = fmod ((g - b) / delta + 6, 6);
  else if (max == g)
    *h = (b - r) / delta + 2;
  else
    *h = (r - g) / delta + 4;
  *h /= 6;
}

static double
hue_to_channel (double p,
                double q,
                double t)
{
  t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
  if (t < 1.0 / 6)
    return p + (q - p) * 6 * t;
  if (t < 1.0 / 2)
    return q;
  if (t < 2.0 / 3)
    return p + (q - p) * (2.0 / 3 - t) * 6;
  return p;
}

/* Indico's session colours are pastel backgrounds meant for dark text: as thin accents they
 * vanish on a light window. Keep the hue, fix lightness and saturation per style instead. */
void
plenary_accent_from_hex (const char *hex,
                         gboolean    dark,
                         GdkRGBA    *accent)
{
  GdkRGBA parsed;
  double h, s, l, q, p;

  if (hex == NULL || !gdk_rgba_parse (&parsed, hex))
    {
      /* No session: a neutral grey that reads in both styles. */
      *accent = dark ? (GdkRGBA) { 0.6, 0.6, 0.6, 1 } : (GdkRGBA) { 0.55, 0.55, 0.55, 1 };
      return;
    }

  rgb_to_hsl (parsed.red, parsed.green, parsed.blue, &h, &s, &l);
  s = s < 0.05 ? s : MAX (s, 0.55);
  l = dark ? 0.68 : 0.45;
  q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  p = 2 * l - q;
  accent->red = hue_to_channel (p, q, h + 1.0 / 3);
  accent->green = hue_to_channel (p, q, h);
  accent->blue = hue_to_channel (p, q, h - 1.0 / 3);
  accent->alpha = 1;
}

/* Appends the run of non-ASCII characters at @run (@length bytes) folded: compatibility
 * decomposition, non-spacing marks (accents) dropped, case folded. Every ASCII character has
 * canonical combining class 0, so no reordering crosses a run's ends: folding the runs one by
 * one gives what folding the whole text at once would. */
static void
append_folded_unicode_run (GString    *out,
                           const char *run,
                           gsize       length)
{
  g_autofree char *decomposed = g_utf8_normalize (run, (gssize) length, G_NORMALIZE_NFKD);
  g_autoptr (GString) stripped = NULL;
  g_autofree char *folded = NULL;

  /* Not UTF-8 (the parser lets none through): dropped, not a reason to lose the rest. */
  if (decomposed == NULL)
    return;
  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (stripped, c);
    }
  folded = g_utf8_casefold (stripped->str, (gssize) stripped->len);
  g_string_append (out, folded);
}

/* Most programme text is ASCII, which folds to its lower case: it is copied a byte at a time,
 * and only the runs of other characters go through the Unicode tables (the abstracts of 20,000
 * talks took most of a second through them, and a tenth of one still when an abstract with one
 * accent or typographic quote was folded whole). */
static void
append_folded (GString    *out,
               const char *text)
{
  const guchar *p = (const guchar *) text;

  if (text == NULL)
    return;
  while (*p != '\0')
    {
      const guchar *run = p;
      gsize filled = out->len;
      char *to;

      for (; *p != '\0' && *p < 0x80; p++)
        ;
      g_string_set_size (out, filled + (gsize) (p - run));
      to = out->str + filled;
      for (const guchar *q = run; q < p; q++)
        *to++ = (char) (*q >= 'A' && *q <= 'Z' ? *q + ('a' - 'A') : *q);

      for (run = p; *p >= 0x80; p++)
        ;
      if (p > run)
        append_folded_unicode_run (out, (const char *) run, (gsize) (p - run));
    }
}

void
plenary_fold_append_for_search (GString    *haystack,
                                const char *text)
{
  append_folded (haystack, text);
  g_string_append_c (haystack, '\n');
}

char *
plenary_fold_for_search (const char *text)
{
  GString *folded = g_string_sized_new (text != NULL ? strlen (text) : 0);

  append_folded (folded, text);
  return g_string_free (folded, FALSE);
}

GStrv
plenary_search_terms (const char *folded_query)
{
  g_auto (GStrv) split = g_strsplit_set (folded_query, PLENARY_SEARCH_SEPARATORS, -1);
  g_autoptr (GStrvBuilder) terms = g_strv_builder_new ();

  for (guint i = 0; split[i] != NULL; i++)
    if (split[i][0] != '\0')
      g_strv_builder_add (terms, split[i]);
  return g_strv_builder_end (terms);
}

gboolean
plenary_search_matches_terms (const char *folded_text,
                              GStrv       terms)
{
  for (guint i = 0; terms[i] != NULL; i++)
    if (strstr (folded_text, terms[i]) == NULL)
      return FALSE;
  return terms[0] != NULL;
}

gboolean
plenary_search_matches (const char *folded_text,
                        const char *folded_query)
{
  g_auto (GStrv) terms = plenary_search_terms (folded_query);

  return plenary_search_matches_terms (folded_text, terms);
}

/* Where the terms occur in @text, as byte ranges of @text itself (not of its folded form),
 * sorted and merged: each character is folded alone, so an offset in the folded text maps back
 * to the character it came from. */
GArray *
plenary_search_find_terms (const char         *text,
                           const char * const *terms)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (PlenaryTextRange));
  g_autoptr (GString) folded = NULL;
  g_autoptr (GArray) origin = NULL;   /* guint: for each folded byte, its character's offset */
  g_autoptr (GArray) found = NULL;

  if (text == NULL || terms == NULL || terms[0] == NULL)
    return ranges;
  folded = g_string_sized_new (strlen (text));
  origin = g_array_sized_new (FALSE, FALSE, sizeof (guint), strlen (text) + 1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint at = p - text;
      gsize before = folded->len;

      if ((guchar) *p < 0x80)
        g_string_append_c (folded, g_ascii_tolower (*p));
      else
        {
          char one[8] = { 0 };
          g_autofree char *piece = NULL;

          g_unichar_to_utf8 (g_utf8_get_char (p), one);
          piece = plenary_fold_for_search (one);
          g_string_append (folded, piece);
        }
      for (gsize i = before; i < folded->len; i++)
        g_array_append_val (origin, at);
    }
  {
    guint end = strlen (text);

    g_array_append_val (origin, end);
  }

  found = g_array_new (FALSE, FALSE, sizeof (PlenaryTextRange));
  for (guint t = 0; terms[t] != NULL; t++)
    {
      gsize term_len = strlen (terms[t]);
      const char *hit = folded->str;

      if (term_len == 0)
        continue;
      while ((hit = strstr (hit, terms[t])) != NULL)
        {
          gsize start = hit - folded->str;
          gsize stop = start + term_len;
          PlenaryTextRange range;

          range.start = g_array_index (origin, guint, start);
          /* The end is the start of the next character of the text. */
          while (stop < folded->len
                 && g_array_index (origin, guint, stop) == g_array_index (origin, guint, stop - 1))
            stop++;
          range.end = g_array_index (origin, guint, stop);
          g_array_append_val (found, range);
          hit += term_len;
        }
    }
  for (guint i = 0; i < found->len; i++)
    {
      PlenaryTextRange *range = &g_array_index (found, PlenaryTextRange, i);
      guint j;

      /* Insertion into a sorted, merged list: titles hold a handful of hits. */
      for (j = 0; j < ranges->len; j++)
        {
          PlenaryTextRange *other = &g_array_index (ranges, PlenaryTextRange, j);

          if (range->end < other->start)
            break;
          if (range->start <= other->end)
            {
              other->start = MIN (other->start, range->start);
              other->end = MAX (other->end, range->end);
              goto merged;
            }
        }
      g_array_insert_val (ranges, j, *range);
    merged:
      ;
    }
  return ranges;
}

/* Images that only decorate what is named beside them: the icon of a button (the button has
 * a label or tooltip of its own), of a status page (its title says it) or of a row's suffix;
 * not one with a tooltip of its own. */
static gboolean
is_decorative (GtkWidget *image)
{
  /* An image with a tooltip means something of its own. */
  if (gtk_widget_get_has_tooltip (image))
    return FALSE;
  for (GtkWidget *up = gtk_widget_get_parent (image); up != NULL; up = gtk_widget_get_parent (up))
    if (GTK_IS_BUTTON (up) || ADW_IS_STATUS_PAGE (up) || GTK_IS_LIST_BOX_ROW (up))
      return TRUE;
  return FALSE;
}

void
plenary_hide_decorative_images (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_IMAGE (widget) && is_decorative (widget))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    plenary_hide_decorative_images (child);
}

AdwToast *
plenary_format_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}
