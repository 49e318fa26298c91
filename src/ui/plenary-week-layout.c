/* plenary-week-layout.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "plenary-format.h"
#include "plenary-week-layout.h"

/* True height, so short talks never cover the next one; their text is in the tooltip. */
#define MIN_BOX_HEIGHT 4.0
#define MIN_TEXT_HEIGHT 14.0
#define BOX_GAP 2.0
/* Talks sit right of a strip of their block's band, which carries the block's title. */
#define BAND_STRIP 16.0

struct _PlenaryWeekLayout
{
  PlenarySchedule *schedule;
  PlenaryRoom     *room;
  GArray          *boxes;         /* PlenaryWeekBox; bands first so they draw behind */
  guint            n_days;
  int              first_minute;
  int              last_minute;
  int              only_day;
  double           day_width;
  double           hour_height;
};

static int
minutes_of (GDateTime *time)
{
  return g_date_time_get_hour (time) * 60 + g_date_time_get_minute (time);
}

static guint32
julian_of (GDateTime *time)
{
  g_autoptr (GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (time),
                                           g_date_time_get_month (time),
                                           g_date_time_get_year (time));

  return g_date_get_julian (date);
}

/* Adds one box per day the entry touches: a block running past midnight shows on both days. */
static void
add_entry (PlenaryWeekLayout  *self,
           PlenaryEntry       *entry,
           PlenaryWeekBoxKind  kind,
           guint32             first_julian)
{
  GTimeZone *zone = plenary_schedule_get_timezone (self->schedule);
  GDateTime *start = plenary_entry_get_start (entry);
  GDateTime *end = plenary_entry_get_end (entry);
  g_autoptr (GDateTime) local_start = NULL;
  g_autoptr (GDateTime) local_end = NULL;
  gint64 start_day, end_day;

  if (start == NULL || end == NULL)
    return;
  local_start = g_date_time_to_timezone (start, zone);
  local_end = g_date_time_to_timezone (end, zone);
  start_day = (gint64) julian_of (local_start) - first_julian;
  end_day = (gint64) julian_of (local_end) - first_julian;

  for (gint64 day = start_day; day <= end_day; day++)
    {
      PlenaryWeekBox box = { 0 };

      box.entry = entry;
      box.kind = kind;
      box.start_minute = day == start_day ? minutes_of (local_start) : 0;
      box.end_minute = day == end_day ? minutes_of (local_end) : 24 * 60;
      if (day < 0 || day >= self->n_days || box.end_minute <= box.start_minute)
        continue;
      box.day = day;
      box.n_columns = 1;
      g_array_append_val (self->boxes, box);
    }
}

static int
compare_boxes (gconstpointer a,
               gconstpointer b)
{
  const PlenaryWeekBox *x = a;
  const PlenaryWeekBox *y = b;
  gboolean x_band = x->kind == PLENARY_WEEK_BOX_BAND;
  gboolean y_band = y->kind == PLENARY_WEEK_BOX_BAND;

  if (x_band != y_band)
    return x_band ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->start_minute != y->start_minute)
    return x->start_minute - y->start_minute;
  /* Longer first, so a long entry takes the left column. */
  return y->end_minute - x->end_minute;
}

/* Interval packing per day: overlapping boxes form a cluster and share its width in columns,
 * each box taking the leftmost column free at its start. */
static void
pack_columns (PlenaryWeekLayout *self)
{
  guint i = 0;

  while (i < self->boxes->len)
    {
      PlenaryWeekBox *first = &g_array_index (self->boxes, PlenaryWeekBox, i);
      g_autoptr (GArray) column_ends = g_array_new (FALSE, FALSE, sizeof (int));
      int cluster_end;
      guint j;

      if (first->kind == PLENARY_WEEK_BOX_BAND)
        {
          i++;
          continue;
        }

      cluster_end = first->end_minute;
      for (j = i; j < self->boxes->len; j++)
        {
          PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, j);
          guint column;

          if (box->day != first->day || box->start_minute >= cluster_end)
            break;
          for (column = 0; column < column_ends->len; column++)
            if (g_array_index (column_ends, int, column) <= box->start_minute)
              break;
          if (column == column_ends->len)
            g_array_append_val (column_ends, box->end_minute);
          else
            g_array_index (column_ends, int, column) = box->end_minute;
          box->column = column;
          cluster_end = MAX (cluster_end, box->end_minute);
        }
      for (guint k = i; k < j; k++)
        g_array_index (self->boxes, PlenaryWeekBox, k).n_columns = column_ends->len;
      i = j;
    }
}

PlenaryWeekLayout *
plenary_week_layout_new (PlenarySchedule *schedule,
                         PlenaryRoom     *room)
{
  PlenaryWeekLayout *self = g_new0 (PlenaryWeekLayout, 1);
  g_autoptr (GListModel) entries = plenary_schedule_get_room_entries (schedule, room);
  GListModel *blocks = plenary_schedule_get_blocks (schedule);
  g_autoptr (PlenaryDay) first_day = NULL;
  g_autoptr (GDateTime) first_local = NULL;
  guint32 first_julian;

  self->schedule = g_object_ref (schedule);
  self->room = g_object_ref (room);
  self->boxes = g_array_new (FALSE, TRUE, sizeof (PlenaryWeekBox));
  self->n_days = g_list_model_get_n_items (plenary_schedule_get_days (schedule));
  self->only_day = -1;
  if (self->n_days == 0)
    return self;

  first_day = g_list_model_get_item (plenary_schedule_get_days (schedule), 0);
  first_local = g_date_time_to_timezone (plenary_day_get_date (first_day),
                                         plenary_schedule_get_timezone (schedule));
  first_julian = julian_of (first_local);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr (PlenaryEntry) block = g_list_model_get_item (blocks, i);

      if (plenary_entry_get_room (block) != room)
        continue;
      add_entry (self, block, plenary_entry_get_is_poster (block) ? PLENARY_WEEK_BOX_POSTERS
                                                                   : PLENARY_WEEK_BOX_BAND,
                 first_julian);
    }
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (entries, i);
      PlenaryEntryKind kind = plenary_entry_get_kind (entry);

      /* Posters all claim their block's whole span: the poster box lists them instead. */
      if (kind == PLENARY_ENTRY_KIND_BLOCK || plenary_entry_get_is_poster (entry))
        continue;
      add_entry (self, entry, kind == PLENARY_ENTRY_KIND_BREAK ? PLENARY_WEEK_BOX_BREAK
                                                               : PLENARY_WEEK_BOX_TALK,
                 first_julian);
    }

  g_array_sort (self->boxes, compare_boxes);
  pack_columns (self);

  self->first_minute = G_MAXINT;
  self->last_minute = 0;
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);

      self->first_minute = MIN (self->first_minute, box->start_minute);
      self->last_minute = MAX (self->last_minute, box->end_minute);
    }
  if (self->boxes->len == 0)
    {
      self->first_minute = 9 * 60;
      self->last_minute = 17 * 60;
    }
  self->first_minute = self->first_minute / 60 * 60;
  self->last_minute = MIN ((self->last_minute + 59) / 60 * 60, 24 * 60);
  plenary_week_layout_set_geometry (self, 160, 60, -1);
  return self;
}

void
plenary_week_layout_free (PlenaryWeekLayout *self)
{
  g_clear_object (&self->schedule);
  g_clear_object (&self->room);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_free (self);
}

static double
y_of_minute (PlenaryWeekLayout *self,
             int                minute)
{
  return PLENARY_WEEK_HEADER_HEIGHT + (minute - self->first_minute) / 60.0 * self->hour_height;
}

static int
column_of_day (PlenaryWeekLayout *self,
               guint              day)
{
  if (self->only_day >= 0)
    return (int) day == self->only_day ? 0 : -1;
  return day;
}

void
plenary_week_layout_set_geometry (PlenaryWeekLayout *self,
                                  double             day_width,
                                  double             hour_height,
                                  int                only_day)
{
  self->day_width = day_width;
  self->hour_height = hour_height;
  self->only_day = only_day < (int) self->n_days ? only_day : -1;

  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);
      int column = column_of_day (self, box->day);
      double x0 = PLENARY_WEEK_AXIS_WIDTH + MAX (column, 0) * day_width + BOX_GAP;
      double width = day_width - 2 * BOX_GAP;
      double top = y_of_minute (self, box->start_minute);
      double height = (box->end_minute - box->start_minute) / 60.0 * hour_height;

      if (column < 0)
        {
          box->rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
          continue;
        }
      if (box->kind != PLENARY_WEEK_BOX_BAND)
        {
          x0 += BAND_STRIP;
          width = (width - BAND_STRIP) / box->n_columns;
          x0 += box->column * width;
          height = MAX (height, MIN_BOX_HEIGHT);
        }
      box->rect = GRAPHENE_RECT_INIT (x0, top, width - (box->kind == PLENARY_WEEK_BOX_BAND ? 0 : 1),
                                      height - 1);
    }
}

guint
plenary_week_layout_get_n_days (PlenaryWeekLayout *self)
{
  return self->n_days;
}

guint
plenary_week_layout_get_n_boxes (PlenaryWeekLayout *self)
{
  return self->boxes->len;
}

const PlenaryWeekBox *
plenary_week_layout_get_box (PlenaryWeekLayout *self,
                             guint              index)
{
  g_return_val_if_fail (index < self->boxes->len, NULL);

  return &g_array_index (self->boxes, PlenaryWeekBox, index);
}

int
plenary_week_layout_get_first_minute (PlenaryWeekLayout *self)
{
  return self->first_minute;
}

int
plenary_week_layout_get_last_minute (PlenaryWeekLayout *self)
{
  return self->last_minute;
}

PlenarySchedule *
plenary_week_layout_get_schedule (PlenaryWeekLayout *self)
{
  return self->schedule;
}

PlenaryRoom *
plenary_week_layout_get_room (PlenaryWeekLayout *self)
{
  return self->room;
}

void
plenary_week_layout_get_size (PlenaryWeekLayout *self,
                              double            *width,
                              double            *height)
{
  guint columns = self->only_day >= 0 ? 1 : self->n_days;

  *width = PLENARY_WEEK_AXIS_WIDTH + columns * self->day_width;
  *height = y_of_minute (self, self->last_minute) + 8;
}

int
plenary_week_layout_hit (PlenaryWeekLayout *self,
                         double             x,
                         double             y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);
  int band = -1;

  /* Boxes sit after bands, so the last hit is the one on top. */
  for (int i = self->boxes->len - 1; i >= 0; i--)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);

      if (!graphene_rect_contains_point (&box->rect, &point))
        continue;
      if (box->kind != PLENARY_WEEK_BOX_BAND)
        return i;
      band = band < 0 ? i : band;
    }
  return band;
}

GArray *
plenary_week_layout_get_focus_order (PlenaryWeekLayout *self)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Boxes are sorted by day and start already; bands take no focus. */
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);

      if (box->kind != PLENARY_WEEK_BOX_BAND && box->rect.size.width > 0)
        g_array_append_val (order, i);
    }
  return order;
}

char *
plenary_week_box_describe (PlenaryWeekLayout    *self,
                           const PlenaryWeekBox *box)
{
  GTimeZone *zone = plenary_schedule_get_timezone (self->schedule);
  g_autofree char *range = plenary_format_time_range (plenary_entry_get_start (box->entry),
                                                      plenary_entry_get_end (box->entry), zone);
  g_autofree char *people = plenary_format_people (plenary_entry_get_speakers (box->entry), TRUE);
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s, %s", range, plenary_entry_get_full_title (box->entry));
  if (people[0] != '\0')
    g_string_append_printf (text, ", %s", people);
  if (box->kind == PLENARY_WEEK_BOX_POSTERS)
    {
      GListModel *posters = plenary_schedule_get_block_entries (self->schedule, box->entry);

      g_string_append_printf (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u poster", "%u posters",
                                                 g_list_model_get_n_items (posters)),
                              g_list_model_get_n_items (posters));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_rect (cairo_t               *cr,
              const graphene_rect_t *rect,
              double                 radius)
{
  double x = rect->origin.x, y = rect->origin.y, w = rect->size.width, h = rect->size.height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_text (cairo_t       *cr,
           PangoContext  *context,
           const char    *text,
           double         x,
           double         y,
           double         width,
           double         height,
           const char    *font,
           const GdkRGBA *color,
           PangoAlignment alignment)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autoptr (PangoFontDescription) description = NULL;

  if (width < 8 || height < 6 || text == NULL || text[0] == '\0')
    return;
  layout = pango_layout_new (context);
  description = pango_font_description_from_string (font);
  pango_layout_set_font_description (layout, description);
  /* Server text is plain text here: never markup. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_height (layout, height * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  set_color (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_frame (PlenaryWeekLayout        *self,
            cairo_t                  *cr,
            PangoContext             *context,
            const PlenaryWeekPalette *palette)
{
  GListModel *days = plenary_schedule_get_days (self->schedule);
  double width, height;
  guint columns = self->only_day >= 0 ? 1 : self->n_days;

  plenary_week_layout_get_size (self, &width, &height);
  set_color (cr, &palette->background, 1);
  cairo_paint (cr);

  cairo_set_line_width (cr, 1);
  for (int minute = self->first_minute; minute <= self->last_minute; minute += 60)
    {
      double y = round (y_of_minute (self, minute)) + 0.5;
      g_autofree char *label = g_strdup_printf ("%02d:00", minute / 60 % 24);

      set_color (cr, &palette->grid, 1);
      cairo_move_to (cr, PLENARY_WEEK_AXIS_WIDTH, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
      if (minute < self->last_minute)
        draw_text (cr, context, label, 4, y + 2, PLENARY_WEEK_AXIS_WIDTH - 12, 16,
                   "Sans 8", &palette->dim, PANGO_ALIGN_RIGHT);
    }

  for (guint column = 0; column < columns; column++)
    {
      guint day_index = self->only_day >= 0 ? (guint) self->only_day : column;
      g_autoptr (PlenaryDay) day = g_list_model_get_item (days, day_index);
      double x = PLENARY_WEEK_AXIS_WIDTH + column * self->day_width;
      g_autofree char *weekday = g_date_time_format (plenary_day_get_date (day), "%A");
      g_autofree char *date = g_date_time_format (plenary_day_get_date (day), "%e %B");

      set_color (cr, &palette->grid, 1);
      cairo_move_to (cr, round (x) + 0.5, 0);
      cairo_line_to (cr, round (x) + 0.5, height);
      cairo_stroke (cr);
      draw_text (cr, context, weekday, x + 4, 6, self->day_width - 8, 18, "Sans Bold 10",
                 &palette->foreground, PANGO_ALIGN_CENTER);
      draw_text (cr, context, g_strstrip (date), x + 4, 24, self->day_width - 8, 16, "Sans 9",
                 &palette->dim, PANGO_ALIGN_CENTER);
    }
}

static void
draw_box (PlenaryWeekLayout        *self,
          cairo_t                  *cr,
          PangoContext             *context,
          const PlenaryWeekPalette *palette,
          const PlenaryWeekBox     *box,
          gboolean                  starred)
{
  const graphene_rect_t *r = &box->rect;
  GdkRGBA accent;
  GTimeZone *zone = plenary_schedule_get_timezone (self->schedule);
  g_autofree char *range = NULL;
  g_autofree char *people = NULL;
  double text_x = r->origin.x + 8, text_y = r->origin.y + 3;
  double text_width = r->size.width - 12;
  double bottom = r->origin.y + r->size.height - 2;

  plenary_accent_from_hex (plenary_entry_get_color (box->entry), palette->dark, &accent);

  if (box->kind == PLENARY_WEEK_BOX_BAND)
    {
      set_color (cr, &accent, palette->dark ? 0.10 : 0.08);
      rounded_rect (cr, r, 6);
      cairo_fill (cr);
      return;
    }

  cairo_save (cr);
  rounded_rect (cr, r, 5);
  cairo_clip (cr);
  set_color (cr, &palette->box_background, 1);
  cairo_paint (cr);
  if (box->kind == PLENARY_WEEK_BOX_BREAK)
    set_color (cr, &palette->dim, 0.12);
  else
    set_color (cr, &accent, palette->dark ? 0.28 : 0.18);
  cairo_paint (cr);
  set_color (cr, box->kind == PLENARY_WEEK_BOX_BREAK ? &palette->dim : &accent, 1);
  cairo_rectangle (cr, r->origin.x, r->origin.y, 4, r->size.height);
  cairo_fill (cr);

  if (r->size.height < MIN_TEXT_HEIGHT)
    {
      cairo_restore (cr);
      return;
    }
  if (r->size.height < 24)
    text_y = r->origin.y + 1;
  range = plenary_format_time_range (plenary_entry_get_start (box->entry),
                                     plenary_entry_get_end (box->entry), zone);
  if (bottom - text_y >= 28)
    {
      draw_text (cr, context, range, text_x, text_y, text_width, 14, "Sans 8", &palette->dim,
                 PANGO_ALIGN_LEFT);
      text_y += 13;
    }
  draw_text (cr, context, plenary_entry_get_full_title (box->entry), text_x, text_y,
             text_width - (starred ? 14 : 0), bottom - text_y,
             box->kind == PLENARY_WEEK_BOX_BREAK ? "Sans Italic 9" : "Sans Bold 9",
             &palette->foreground, PANGO_ALIGN_LEFT);

  if (box->kind == PLENARY_WEEK_BOX_POSTERS)
    {
      GListModel *posters = plenary_schedule_get_block_entries (self->schedule, box->entry);
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (posters); i++)
        {
          g_autoptr (PlenaryEntry) poster = g_list_model_get_item (posters, i);
          const char *board = plenary_entry_get_board_number (poster);

          if (board != NULL && board[0] != '\0')
            g_string_append_printf (list, "%s  ", board);
          g_string_append_printf (list, "%s\n", plenary_entry_get_title (poster));
        }
      draw_text (cr, context, list->str, text_x, text_y + 16, text_width, bottom - text_y - 16,
                 "Sans 8", &palette->foreground, PANGO_ALIGN_LEFT);
    }
  else
    {
      g_autoptr (PangoLayout) measure = pango_layout_new (context);
      g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 9");
      int title_height;

      pango_layout_set_font_description (measure, font);
      pango_layout_set_text (measure, plenary_entry_get_full_title (box->entry), -1);
      pango_layout_set_width (measure, MAX (text_width - (starred ? 14 : 0), 1) * PANGO_SCALE);
      pango_layout_set_wrap (measure, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (measure, NULL, &title_height);
      people = plenary_format_people (plenary_entry_get_speakers (box->entry), FALSE);
      draw_text (cr, context, people, text_x, text_y + title_height + 1, text_width,
                 bottom - text_y - title_height - 1, "Sans 8", &palette->dim, PANGO_ALIGN_LEFT);
    }

  if (starred)
    draw_text (cr, context, "★", r->origin.x + r->size.width - 16, r->origin.y + 2, 14, 14,
               "Sans 9", &(GdkRGBA) { 0.90, 0.65, 0.04, 1 }, PANGO_ALIGN_LEFT);
  cairo_restore (cr);
}

static void
draw_band_titles (PlenaryWeekLayout        *self,
                  cairo_t                  *cr,
                  PangoContext             *context,
                  const PlenaryWeekPalette *palette)
{
  /* Block titles sit in the band's top margin, above the talks, so nothing covers them. */
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);
      GdkRGBA accent;

      if (box->kind != PLENARY_WEEK_BOX_BAND || box->rect.size.width <= 0)
        continue;
      plenary_accent_from_hex (plenary_entry_get_color (box->entry), palette->dark, &accent);
      set_color (cr, &accent, 1);
      cairo_rectangle (cr, box->rect.origin.x, box->rect.origin.y, 3, box->rect.size.height);
      cairo_fill (cr);
      cairo_save (cr);
      cairo_translate (cr, box->rect.origin.x + 3, box->rect.origin.y + box->rect.size.height - 4);
      cairo_rotate (cr, -G_PI / 2);
      draw_text (cr, context, plenary_entry_get_full_title (box->entry), 0, 0,
                 box->rect.size.height - 8, 13, "Sans Bold 8", &palette->dim, PANGO_ALIGN_LEFT);
      cairo_restore (cr);
    }
}

void
plenary_week_layout_render (PlenaryWeekLayout        *self,
                            cairo_t                  *cr,
                            PangoContext             *context,
                            const PlenaryWeekPalette *palette,
                            int                       focused,
                            GDateTime                *now,
                            GHashTable               *starred)
{
  draw_frame (self, cr, context, palette);
  if (self->n_days == 0)
    return;

  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);

      if (box->rect.size.width > 0)
        draw_box (self, cr, context, palette, box,
                  starred != NULL && g_hash_table_contains (starred, box->entry));
    }
  draw_band_titles (self, cr, context, palette);

  if (focused >= 0 && (guint) focused < self->boxes->len)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, focused);
      graphene_rect_t ring;

      graphene_rect_inset_r (&box->rect, -1.5, -1.5, &ring);
      set_color (cr, &palette->focus, 1);
      cairo_set_line_width (cr, 2);
      rounded_rect (cr, &ring, 6);
      cairo_stroke (cr);
    }

  if (now != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_timezone (
        now, plenary_schedule_get_timezone (self->schedule));
      g_autoptr (PlenaryDay) first = g_list_model_get_item (
        plenary_schedule_get_days (self->schedule), 0);
      gint64 day = (gint64) julian_of (local) - julian_of (plenary_day_get_date (first));
      int minute = minutes_of (local);
      int column = day >= 0 && day < self->n_days ? column_of_day (self, day) : -1;

      if (column >= 0 && minute >= self->first_minute && minute <= self->last_minute)
        {
          double x = PLENARY_WEEK_AXIS_WIDTH + column * self->day_width;
          double y = y_of_minute (self, minute);

          set_color (cr, &palette->now, 1);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + self->day_width, y);
          cairo_stroke (cr);
          cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

#define EXPORT_TITLE_HEIGHT 56.0

gboolean
plenary_week_layout_export (PlenaryWeekLayout        *self,
                            const char               *path,
                            PlenaryWeekExportFormat   format,
                            GError                  **error)
{
  PlenaryWeekPalette palette = {
    .background = { 1, 1, 1, 1 },
    .foreground = { 0, 0, 0, 0.87 },
    .dim = { 0, 0, 0, 0.6 },
    .grid = { 0, 0, 0, 0.12 },
    .box_background = { 1, 1, 1, 1 },
    .now = { 0.88, 0.11, 0.14, 1 },
    .focus = { 0.21, 0.52, 0.89, 1 },
  };
  const char *room = plenary_room_get_name (self->room);
  double width, height, scale = format == PLENARY_WEEK_EXPORT_PNG ? 2 : 1;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  PangoContext *context;

  plenary_week_layout_set_geometry (self, 180, 72, -1);
  plenary_week_layout_get_size (self, &width, &height);
  height += EXPORT_TITLE_HEIGHT;

  if (format == PLENARY_WEEK_EXPORT_PDF)
    surface = cairo_pdf_surface_create (path, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  context = pango_cairo_create_context (cr);

  set_color (cr, &palette.background, 1);
  cairo_paint (cr);
  draw_text (cr, context, room[0] != '\0' ? room : _("No room"), 12, 8, width - 24, 24,
             "Sans Bold 14", &palette.foreground, PANGO_ALIGN_LEFT);
  draw_text (cr, context, plenary_schedule_get_title (self->schedule), 12, 32, width - 24, 18,
             "Sans 10", &palette.dim, PANGO_ALIGN_LEFT);
  cairo_translate (cr, 0, EXPORT_TITLE_HEIGHT);
  plenary_week_layout_render (self, cr, context, &palette, -1, NULL, NULL);
  g_object_unref (context);
  cairo_destroy (cr);

  if (format == PLENARY_WEEK_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: exporting a room's week; %s is a file, then the reason. */
                   _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
