/* plenary-week-layout.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "plenary-format.h"
#include "plenary-week-layout.h"

#define BOX_GAP 2.0
/* Talks sit right of a strip of their block's band, which carries the block's title. */
#define BAND_STRIP 16.0
#define TIME_FONT "Sans 8"
#define TITLE_FONT "Sans Bold 9"
#define BREAK_FONT "Sans Italic 9"
#define PEOPLE_FONT "Sans 8"
#define TEXT_TOP 2.0
#define TEXT_BOTTOM 2.0

struct _PlenaryWeekLayout
{
  PlenarySchedule *schedule;
  PlenaryRoom     *room;
  GArray          *boxes;         /* PlenaryWeekBox; bands first so they draw behind */
  gboolean        *busy_days;     /* n_days: whether the day has anything in the room */
  guint            n_days;
  int              first_minute;
  int              last_minute;
  int              only_day;
  gboolean         rtl;
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

/* Minutes of @time's wall clock since midnight of the day @julian, in @zone: past 1440 on
 * the days after. */
static int
wall_minutes_since (GDateTime *time,
                    GTimeZone *zone,
                    guint32    julian)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (time, zone);

  return minutes_of (local) + 24 * 60 * (int) ((gint64) julian_of (local) - julian);
}

/* One box per entry, in the column of the day it starts (for a block's talks, the day the
 * block starts), on the wall clock as the axis reads: a block crossing midnight runs on below
 * 24:00 instead of being cut in two. On the night clocks fall back a talk from the first 02:30
 * to 03:30 is drawn 02:30–03:30 like its label, and is two hours long in its description. */
static void
add_entry (PlenaryWeekLayout  *self,
           PlenaryEntry       *entry,
           PlenaryWeekBoxKind  kind,
           guint32             first_julian)
{
  GTimeZone *zone = plenary_schedule_get_timezone (self->schedule);
  GDateTime *start = plenary_entry_get_start (entry);
  GDateTime *end = plenary_entry_get_end (entry);
  PlenaryEntry *block = plenary_entry_get_block (entry);
  GDateTime *anchor = start;
  g_autoptr (GDateTime) local_anchor = NULL;
  PlenaryWeekBox box = { 0 };
  guint32 julian;
  gint64 day;

  if (start == NULL || end == NULL)
    return;
  if (block != NULL && plenary_entry_get_start (block) != NULL
      && g_date_time_compare (plenary_entry_get_start (block), start) <= 0)
    anchor = plenary_entry_get_start (block);
  local_anchor = g_date_time_to_timezone (anchor, zone);
  julian = julian_of (local_anchor);
  day = (gint64) julian - first_julian;
  if (day < 0 || day >= self->n_days)
    return;

  box.entry = entry;
  box.kind = kind;
  box.day = day;
  box.start_minute = wall_minutes_since (start, zone, julian);
  box.end_minute = MIN (wall_minutes_since (end, zone, julian), box.start_minute + 24 * 60);
  if (box.end_minute <= box.start_minute)
    box.end_minute = box.start_minute + 1;
  box.n_columns = 1;
  self->busy_days[day] = TRUE;
  g_array_append_val (self->boxes, box);
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
pack_columns (PlenaryWeekLayout *self,
              const int         *shown_ends)
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

      cluster_end = shown_ends[i];
      for (j = i; j < self->boxes->len; j++)
        {
          PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, j);
          int end = shown_ends[j];
          guint column;

          if (box->day != first->day || box->start_minute >= cluster_end)
            break;
          for (column = 0; column < column_ends->len; column++)
            if (g_array_index (column_ends, int, column) <= box->start_minute)
              break;
          if (column == column_ends->len)
            g_array_append_val (column_ends, end);
          else
            g_array_index (column_ends, int, column) = end;
          box->column = column;
          cluster_end = MAX (cluster_end, end);
        }
      for (guint k = i; k < j; k++)
        g_array_index (self->boxes, PlenaryWeekBox, k).n_columns = column_ends->len;
      i = j;
    }
}

/* A talk with no room, no block and a venue that names a room of the event belongs there. */
static PlenaryRoom *
claiming_room (PlenarySchedule *schedule,
               PlenaryEntry    *entry)
{
  const char *venue = plenary_entry_get_venue (entry);

  if (plenary_entry_get_block (entry) != NULL || venue == NULL || venue[0] == '\0')
    return NULL;
  return plenary_schedule_lookup_room (schedule, venue);
}

GPtrArray *
plenary_week_room_entries (PlenarySchedule *schedule,
                           PlenaryRoom     *room)
{
  g_autoptr (GListModel) own = plenary_schedule_get_room_entries (schedule, room);
  PlenaryRoom *no_room = plenary_schedule_lookup_room (schedule, "");
  gboolean is_no_room = plenary_room_get_name (room)[0] == '\0';
  g_autoptr (GListModel) homeless = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (own); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (own, i);

      if (is_no_room && claiming_room (schedule, entry) != NULL)
        continue;
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  if (is_no_room || no_room == NULL)
    return entries;
  homeless = plenary_schedule_get_room_entries (schedule, no_room);
  for (guint i = 0; i < g_list_model_get_n_items (homeless); i++)
    {
      g_autoptr (PlenaryEntry) entry = g_list_model_get_item (homeless, i);

      if (claiming_room (schedule, entry) == room)
        g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  return entries;
}

PlenaryWeekLayout *
plenary_week_layout_new (PlenarySchedule *schedule,
                         PlenaryRoom     *room)
{
  PlenaryWeekLayout *self = g_new0 (PlenaryWeekLayout, 1);
  g_autoptr (GPtrArray) entries = plenary_week_room_entries (schedule, room);
  GListModel *blocks = plenary_schedule_get_blocks (schedule);
  g_autoptr (PlenaryDay) first_day = NULL;
  g_autoptr (GDateTime) first_local = NULL;
  guint32 first_julian;

  self->schedule = g_object_ref (schedule);
  self->room = g_object_ref (room);
  self->boxes = g_array_new (FALSE, TRUE, sizeof (PlenaryWeekBox));
  self->n_days = g_list_model_get_n_items (plenary_schedule_get_days (schedule));
  self->busy_days = g_new0 (gboolean, MAX (self->n_days, 1));
  self->only_day = -1;
  self->first_minute = 9 * 60;
  self->last_minute = 17 * 60;
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
  for (guint i = 0; i < entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (entries, i);
      PlenaryEntryKind kind = plenary_entry_get_kind (entry);

      /* Posters all claim their block's whole span: the poster box lists them instead. */
      if (kind == PLENARY_ENTRY_KIND_BLOCK || plenary_entry_get_is_poster (entry))
        continue;
      add_entry (self, entry, kind == PLENARY_ENTRY_KIND_BREAK ? PLENARY_WEEK_BOX_BREAK
                                                               : PLENARY_WEEK_BOX_TALK,
                 first_julian);
    }

  g_array_sort (self->boxes, compare_boxes);

  /* The axis covers what the room uses, whole hours, and no more: no empty morning. */
  if (self->boxes->len > 0)
    {
      self->first_minute = G_MAXINT;
      self->last_minute = 0;
    }
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);

      self->first_minute = MIN (self->first_minute, box->start_minute);
      self->last_minute = MAX (self->last_minute, box->end_minute);
    }
  self->first_minute = self->first_minute / 60 * 60;
  self->last_minute = MAX ((self->last_minute + 59) / 60 * 60, self->first_minute + 60);
  plenary_week_layout_set_geometry (self, 160, 60, -1);
  return self;
}

void
plenary_week_layout_free (PlenaryWeekLayout *self)
{
  g_clear_object (&self->schedule);
  g_clear_object (&self->room);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_free (self->busy_days);
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

gboolean
plenary_week_layout_day_is_empty (PlenaryWeekLayout *self,
                                  guint              day)
{
  return day >= self->n_days || !self->busy_days[day];
}

static double
width_of_day (PlenaryWeekLayout *self,
              guint              day,
              double             day_width,
              int                only_day)
{
  /* A day shown alone gets the whole width, empty or not: it says so in its column. */
  if (only_day < 0 && plenary_week_layout_day_is_empty (self, day))
    return MIN (PLENARY_WEEK_EMPTY_DAY_WIDTH, day_width);
  return day_width;
}

double
plenary_week_layout_get_width_for (PlenaryWeekLayout *self,
                                   double             day_width,
                                   int                only_day)
{
  double width = PLENARY_WEEK_AXIS_WIDTH;

  if (only_day >= 0 && (guint) only_day < self->n_days)
    return width + day_width;
  for (guint day = 0; day < MAX (self->n_days, 1); day++)
    width += width_of_day (self, day, day_width, -1);
  return width;
}

double
plenary_week_layout_day_width_for (PlenaryWeekLayout *self,
                                   double             width,
                                   int                only_day)
{
  guint busy = 0, empty = 0;

  if (only_day >= 0 && (guint) only_day < self->n_days)
    return width - PLENARY_WEEK_AXIS_WIDTH;
  for (guint day = 0; day < self->n_days; day++)
    {
      if (plenary_week_layout_day_is_empty (self, day))
        empty++;
      else
        busy++;
    }
  if (busy == 0)
    return (width - PLENARY_WEEK_AXIS_WIDTH) / MAX (self->n_days, 1);
  return (width - PLENARY_WEEK_AXIS_WIDTH - empty * PLENARY_WEEK_EMPTY_DAY_WIDTH) / busy;
}

/* The left edge of a day's column, left to right. */
static double
column_left (PlenaryWeekLayout *self,
             guint              day)
{
  double x = PLENARY_WEEK_AXIS_WIDTH;

  if (self->only_day >= 0)
    return x;
  for (guint d = 0; d < day && d < self->n_days; d++)
    x += width_of_day (self, d, self->day_width, -1);
  return x;
}

/* Mirrors a span along the grid's width when right-to-left. */
static double
flip_x (PlenaryWeekLayout *self,
        double             x,
        double             width)
{
  double total;

  if (!self->rtl)
    return x;
  total = plenary_week_layout_get_width_for (self, self->day_width, self->only_day);
  return total - x - width;
}

void
plenary_week_layout_set_rtl (PlenaryWeekLayout *self,
                             gboolean           rtl)
{
  self->rtl = !!rtl;
}

gboolean
plenary_week_layout_get_rtl (PlenaryWeekLayout *self)
{
  return self->rtl;
}

/* A box shorter than one line is drawn one line tall; the box that follows it without
 * overlapping in time starts below it instead of under it, giving up the few pixels (and
 * the next after that, if need be). Boxes keep their full width: columns are only for real
 * overlaps, and one 5-minute break does not halve a whole day of talks. */
static void
push_short_boxes (PlenaryWeekLayout *self)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);
      double top = box->rect.origin.y;
      double bottom = box->rect.origin.y + box->rect.size.height;

      if (box->kind == PLENARY_WEEK_BOX_BAND || box->rect.size.width <= 0)
        continue;
      for (guint j = 0; j < i; j++)
        {
          PlenaryWeekBox *before = &g_array_index (self->boxes, PlenaryWeekBox, j);
          const graphene_rect_t *r = &before->rect;

          if (before->kind == PLENARY_WEEK_BOX_BAND || before->day != box->day
              || r->size.width <= 0 || before->end_minute > box->start_minute
              || r->origin.x >= box->rect.origin.x + box->rect.size.width
              || box->rect.origin.x >= r->origin.x + r->size.width)
            continue;
          top = MAX (top, r->origin.y + r->size.height + 1);
        }
      if (top == box->rect.origin.y)
        continue;
      box->rect.origin.y = top;
      box->rect.size.height = MAX (bottom - top, PLENARY_WEEK_MIN_BOX_HEIGHT);
    }
}

void
plenary_week_layout_set_geometry (PlenaryWeekLayout *self,
                                  double             day_width,
                                  double             hour_height,
                                  int                only_day)
{
  int min_minutes = (int) ceil (PLENARY_WEEK_MIN_BOX_HEIGHT / MAX (hour_height, 1) * 60);
  g_autofree int *shown_ends = g_new (int, MAX (self->boxes->len, 1));

  self->day_width = day_width;
  self->hour_height = hour_height;
  self->only_day = only_day < (int) self->n_days ? only_day : -1;

  /* A box shorter than one line is drawn one line tall. The box right after it gives up the
   * pixels when it is tall enough (see push_short_boxes()); otherwise the two share the
   * width in columns, as boxes that overlap in time do. */
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);
      int drawn_end = box->start_minute + min_minutes;

      shown_ends[i] = box->end_minute;
      if (box->kind == PLENARY_WEEK_BOX_BAND || box->end_minute >= drawn_end)
        continue;
      for (guint j = i + 1; j < self->boxes->len; j++)
        {
          PlenaryWeekBox *next = &g_array_index (self->boxes, PlenaryWeekBox, j);

          if (next->day != box->day || next->start_minute >= drawn_end)
            break;
          if (next->start_minute >= box->end_minute
              && next->end_minute - next->start_minute - min_minutes
                 < drawn_end - next->start_minute)
            shown_ends[i] = drawn_end;
        }
    }
  pack_columns (self, shown_ends);

  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);
      int column = column_of_day (self, box->day);
      double x0 = column_left (self, box->day) + BOX_GAP;
      double width = width_of_day (self, box->day, day_width, self->only_day) - 2 * BOX_GAP;
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
          width -= 1;
          height = MAX (height, PLENARY_WEEK_MIN_BOX_HEIGHT + 1);
        }
      box->rect = GRAPHENE_RECT_INIT (flip_x (self, x0, width), top, width, height - 1);
    }
  push_short_boxes (self);
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
  *width = plenary_week_layout_get_width_for (self, self->day_width, self->only_day);
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

static PangoLayout *
new_text_layout (PangoContext *context,
                 const char   *text,
                 const char   *font,
                 double        width,
                 int           lines)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  /* Server text is plain text here: never markup. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Negative: at most that many whole lines per paragraph, the last one ellipsized. Without a
   * limit Pango would ellipsize to one line, so there is none then. */
  if (lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -lines);
    }
  return layout;
}

/* Draws at most @lines whole lines of @text (0: as many as it takes). */
static void
draw_lines (cairo_t       *cr,
            PangoContext  *context,
            const char    *text,
            double         x,
            double         y,
            double         width,
            int            lines,
            const char    *font,
            const GdkRGBA *color,
            PangoAlignment alignment)
{
  g_autoptr (PangoLayout) layout = NULL;

  if (width < 8 || lines < 0 || text == NULL || text[0] == '\0')
    return;
  layout = new_text_layout (context, text, font, width, lines);
  pango_layout_set_alignment (layout, alignment);
  set_color (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Text where a line starts in the grid's direction, whatever the direction of the text itself:
 * Pango swaps left and right for a paragraph that runs against the context's direction. */
static void
draw_start_lines (cairo_t       *cr,
                  PangoContext  *context,
                  gboolean       rtl,
                  const char    *text,
                  double         x,
                  double         y,
                  double         width,
                  int            lines,
                  const char    *font,
                  const GdkRGBA *color)
{
  g_autoptr (PangoLayout) layout = NULL;
  PangoLayoutLine *first;
  PangoDirection base = pango_context_get_base_dir (context);
  gboolean context_rtl = base == PANGO_DIRECTION_RTL || base == PANGO_DIRECTION_WEAK_RTL;
  gboolean swapped = FALSE;

  if (width < 8 || text == NULL || text[0] == '\0')
    return;
  layout = new_text_layout (context, text, font, width, lines);
  first = pango_layout_get_line_readonly (layout, 0);
  if (first != NULL)
    swapped = (first->resolved_dir == PANGO_DIRECTION_RTL) != context_rtl;
  pango_layout_set_alignment (layout, rtl != swapped ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  set_color (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
line_height (PangoContext *context,
             const char   *font)
{
  g_autoptr (PangoLayout) layout = new_text_layout (context, "Ág", font, 1000, 1);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
count_lines (PangoContext *context,
             const char   *text,
             const char   *font,
             double        width)
{
  g_autoptr (PangoLayout) layout = NULL;

  if (text == NULL || text[0] == '\0')
    return 0;
  layout = new_text_layout (context, text, font, width, 0);
  return pango_layout_get_line_count (layout);
}

static double
text_width_of (const PlenaryWeekBox *box,
               gboolean              starred)
{
  /* The accent bar on one side, the star on the other. */
  return box->rect.size.width - 12 - (starred ? 14 : 0);
}

/* "07:00 · Opening": what a box too short for more shows. */
static char *
one_line_text (PlenaryWeekLayout    *self,
               const PlenaryWeekBox *box)
{
  g_autofree char *time = plenary_format_time (plenary_entry_get_start (box->entry),
                                               plenary_schedule_get_timezone (self->schedule));
  /* The time isolated left to right, the title in its own direction. */
  g_autofree char *isolated = g_strconcat ("\u2066", time, "\u2069", NULL);

  /* Translators: a short box in the week grid: start time, then title. */
  return g_strdup_printf (_("%s · %s"), isolated, plenary_entry_get_full_title (box->entry));
}

void
plenary_week_layout_plan_text (PlenaryWeekLayout    *self,
                               PangoContext         *context,
                               const PlenaryWeekBox *box,
                               gboolean              starred,
                               PlenaryWeekBoxText   *text)
{
  const char *title_font = box->kind == PLENARY_WEEK_BOX_BREAK ? BREAK_FONT : TITLE_FONT;
  double time_height = line_height (context, TIME_FONT);
  double title_height = line_height (context, title_font);
  double people_height = line_height (context, PEOPLE_FONT);
  double available = box->rect.size.height - TEXT_TOP - TEXT_BOTTOM;
  double width = text_width_of (box, starred);
  int needed;

  memset (text, 0, sizeof *text);
  text->line_height = title_height;
  if (box->kind == PLENARY_WEEK_BOX_BAND || width < 8)
    return;
  if (available < time_height + title_height)
    {
      /* One line in the smaller font, the time kept. */
      text->one_line = available + TEXT_TOP >= time_height;
      text->line_height = time_height;
      return;
    }
  text->time_line = TRUE;
  available -= time_height;
  needed = count_lines (context, plenary_entry_get_full_title (box->entry), title_font, width);
  text->title_lines = CLAMP ((int) (available / title_height), 1, MAX (needed, 1));
  available -= text->title_lines * title_height;

  if (box->kind == PLENARY_WEEK_BOX_POSTERS)
    {
      GListModel *posters = plenary_schedule_get_block_entries (self->schedule, box->entry);

      needed = posters != NULL ? g_list_model_get_n_items (posters) : 0;
    }
  else
    {
      g_autofree char *people = plenary_format_people (plenary_entry_get_speakers (box->entry),
                                                       FALSE);

      needed = count_lines (context, people, PEOPLE_FONT, box->rect.size.width - 12);
    }
  text->speaker_lines = MIN ((int) (available / people_height), needed);
}

/* The time axis sits at the start side, its labels against the grid. */
static void
draw_frame (PlenaryWeekLayout        *self,
            cairo_t                  *cr,
            PangoContext             *context,
            const PlenaryWeekPalette *palette)
{
  double width, height;
  double axis_x = flip_x (self, 0, PLENARY_WEEK_AXIS_WIDTH);
  double grid_x = self->rtl ? 0 : PLENARY_WEEK_AXIS_WIDTH;

  plenary_week_layout_get_size (self, &width, &height);
  /* The grid's own area only: an export draws its title above it. */
  set_color (cr, &palette->background, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_set_line_width (cr, 1);
  for (int minute = self->first_minute; minute <= self->last_minute; minute += 60)
    {
      double y = round (y_of_minute (self, minute)) + 0.5;
      g_autofree char *label = g_strdup_printf ("%02d:00", minute / 60 % 24);

      set_color (cr, &palette->grid, 1);
      cairo_move_to (cr, grid_x, y);
      cairo_line_to (cr, grid_x + width - PLENARY_WEEK_AXIS_WIDTH, y);
      cairo_stroke (cr);
      if (minute < self->last_minute)
        draw_lines (cr, context, label, axis_x + (self->rtl ? 8 : 4), y + 2,
                    PLENARY_WEEK_AXIS_WIDTH - 12, 1, TIME_FONT, &palette->dim,
                    self->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
    }

  for (guint day = 0; day < self->n_days; day++)
    {
      double left = column_left (self, day);
      double column_width = width_of_day (self, day, self->day_width, self->only_day);
      double x = flip_x (self, left, column_width);
      double edge = self->rtl ? x + column_width : x;

      if (column_of_day (self, day) < 0)
        continue;
      set_color (cr, &palette->grid, 1);
      cairo_move_to (cr, round (edge) + 0.5, 0);
      cairo_line_to (cr, round (edge) + 0.5, height);
      cairo_stroke (cr);
      if (plenary_week_layout_day_is_empty (self, day) && self->only_day < 0)
        {
          /* A narrow column: a faint fill says there is nothing here. */
          set_color (cr, &palette->grid, 0.5);
          cairo_rectangle (cr, x + 1, PLENARY_WEEK_HEADER_HEIGHT, column_width - 1,
                           height - PLENARY_WEEK_HEADER_HEIGHT);
          cairo_fill (cr);
        }
      else if (plenary_week_layout_day_is_empty (self, day))
        /* One day at a time, an empty one says so instead of showing a blank grid. */
        draw_lines (cr, context, _("Nothing in this room on this day"), x + 8,
                    PLENARY_WEEK_HEADER_HEIGHT + 12, column_width - 16, 2, "Sans 10",
                    &palette->dim, PANGO_ALIGN_CENTER);
    }
}

void
plenary_week_layout_render_headers (PlenaryWeekLayout        *self,
                                    cairo_t                  *cr,
                                    PangoContext             *context,
                                    const PlenaryWeekPalette *palette,
                                    double                    top)
{
  GListModel *days = plenary_schedule_get_days (self->schedule);
  double width, height;

  plenary_week_layout_get_size (self, &width, &height);
  set_color (cr, &palette->background, 1);
  cairo_rectangle (cr, 0, top, width, PLENARY_WEEK_HEADER_HEIGHT);
  cairo_fill (cr);
  set_color (cr, &palette->grid, 1);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, top + PLENARY_WEEK_HEADER_HEIGHT - 0.5);
  cairo_line_to (cr, width, top + PLENARY_WEEK_HEADER_HEIGHT - 0.5);
  cairo_stroke (cr);

  for (guint day_index = 0; day_index < self->n_days; day_index++)
    {
      g_autoptr (PlenaryDay) day = g_list_model_get_item (days, day_index);
      double column_width = width_of_day (self, day_index, self->day_width, self->only_day);
      double x = flip_x (self, column_left (self, day_index), column_width);
      gboolean narrow = column_width < 100;
      g_autofree char *weekday = g_date_time_format (plenary_day_get_date (day),
                                                     narrow ? "%a" : "%A");
      g_autofree char *date = g_date_time_format (plenary_day_get_date (day),
                                                  narrow ? "%e" : "%e %B");

      if (column_of_day (self, day_index) < 0)
        continue;
      draw_lines (cr, context, weekday, x + 4, top + 6, column_width - 8, 1, "Sans Bold 10",
                  &palette->foreground, PANGO_ALIGN_CENTER);
      draw_lines (cr, context, g_strstrip (date), x + 4, top + 24, column_width - 8, 1,
                  "Sans 9", &palette->dim, PANGO_ALIGN_CENTER);
    }
}

static void
draw_box_background (PlenaryWeekLayout        *self,
                     cairo_t                  *cr,
                     const PlenaryWeekPalette *palette,
                     const PlenaryWeekBox     *box)
{
  const graphene_rect_t *r = &box->rect;
  GdkRGBA accent;

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
  cairo_rectangle (cr, self->rtl ? r->origin.x + r->size.width - 4 : r->origin.x, r->origin.y,
                   4, r->size.height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_box_text (PlenaryWeekLayout        *self,
               cairo_t                  *cr,
               PangoContext             *context,
               const PlenaryWeekPalette *palette,
               const PlenaryWeekBox     *box,
               gboolean                  starred)
{
  const graphene_rect_t *r = &box->rect;
  PlenaryWeekBoxText plan;
  GTimeZone *zone = plenary_schedule_get_timezone (self->schedule);
  const char *title_font = box->kind == PLENARY_WEEK_BOX_BREAK ? BREAK_FONT : TITLE_FONT;
  double width = text_width_of (box, starred);
  double x = self->rtl ? r->origin.x + r->size.width - 8 - width : r->origin.x + 8;
  double y = r->origin.y + TEXT_TOP;

  if (box->kind == PLENARY_WEEK_BOX_BAND)
    return;
  plenary_week_layout_plan_text (self, context, box, starred, &plan);

  cairo_save (cr);
  rounded_rect (cr, r, 5);
  cairo_clip (cr);
  if (plan.one_line)
    {
      g_autofree char *line = one_line_text (self, box);

      draw_start_lines (cr, context, self->rtl, line, x, MAX (r->origin.y + 1, y - 1), width,
                        1, TIME_FONT, &palette->foreground);
    }
  else if (plan.time_line)
    {
      g_autofree char *range = plenary_format_time_range (plenary_entry_get_start (box->entry),
                                                          plenary_entry_get_end (box->entry),
                                                          zone);

      /* Isolated left to right: a right-to-left paragraph would turn "07:05–07:35" round. */
      g_autofree char *isolated = g_strconcat ("\u2066", range, "\u2069", NULL);

      draw_start_lines (cr, context, self->rtl, isolated, x, y, width, 1, TIME_FONT,
                        &palette->dim);
      y += line_height (context, TIME_FONT);
      draw_start_lines (cr, context, self->rtl, plenary_entry_get_full_title (box->entry), x, y,
                        width, plan.title_lines, title_font, &palette->foreground);
      y += plan.title_lines * plan.line_height;

      if (plan.speaker_lines > 0 && box->kind == PLENARY_WEEK_BOX_POSTERS)
        {
          GListModel *posters = plenary_schedule_get_block_entries (self->schedule, box->entry);
          guint n = g_list_model_get_n_items (posters);
          guint shown = (guint) plan.speaker_lines < n ? (guint) plan.speaker_lines - 1 : n;
          g_autoptr (GString) list = g_string_new (NULL);

          /* One line per poster, by board number; what does not fit is counted. */
          for (guint i = 0; i < shown; i++)
            {
              g_autoptr (PlenaryEntry) poster = g_list_model_get_item (posters, i);
              const char *board = plenary_entry_get_board_number (poster);

              if (list->len > 0)
                g_string_append_c (list, '\n');
              if (board != NULL && board[0] != '\0')
                g_string_append_printf (list, "%s  ", board);
              g_string_append (list, plenary_entry_get_title (poster));
            }
          if (shown < n)
            {
              if (list->len > 0)
                g_string_append_c (list, '\n');
              /* Translators: the posters of a poster block that do not fit its box. */
              g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                         "and %u more", n - shown), n - shown);
            }
          draw_start_lines (cr, context, self->rtl, list->str, x, y, r->size.width - 12, 1,
                            PEOPLE_FONT, &palette->foreground);
        }
      else if (plan.speaker_lines > 0)
        {
          g_autofree char *people = plenary_format_people (plenary_entry_get_speakers (box->entry),
                                                           FALSE);
          double people_x = self->rtl ? r->origin.x + 4 : r->origin.x + 8;

          draw_start_lines (cr, context, self->rtl, people, people_x, y, r->size.width - 12,
                            plan.speaker_lines, PEOPLE_FONT, &palette->dim);
        }
    }

  if (starred)
    draw_lines (cr, context, "★", self->rtl ? r->origin.x + 2 : r->origin.x + r->size.width - 16,
                r->origin.y + 2, 14, 1, TIME_FONT, &(GdkRGBA) { 0.90, 0.65, 0.04, 1 },
                PANGO_ALIGN_LEFT);
  cairo_restore (cr);
}

static void
draw_band_titles (PlenaryWeekLayout        *self,
                  cairo_t                  *cr,
                  PangoContext             *context,
                  const PlenaryWeekPalette *palette)
{
  /* Block titles run up the band's strip beside the talks, so nothing covers them. */
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);
      const graphene_rect_t *r = &box->rect;
      double strip_x = self->rtl ? r->origin.x + r->size.width - 3 : r->origin.x;
      double text_x = self->rtl ? r->origin.x + r->size.width - BAND_STRIP + 1 : r->origin.x + 3;
      GdkRGBA accent;

      if (box->kind != PLENARY_WEEK_BOX_BAND || r->size.width <= 0)
        continue;
      plenary_accent_from_hex (plenary_entry_get_color (box->entry), palette->dark, &accent);
      set_color (cr, &accent, 1);
      cairo_rectangle (cr, strip_x, r->origin.y, 3, r->size.height);
      cairo_fill (cr);
      if (r->size.height < 24)
        continue;
      cairo_save (cr);
      cairo_translate (cr, text_x, r->origin.y + r->size.height - 4);
      cairo_rotate (cr, -G_PI / 2);
      draw_lines (cr, context, plenary_entry_get_full_title (box->entry), 0, 0,
                  r->size.height - 8, 1, "Sans Bold 8", &palette->dim, PANGO_ALIGN_LEFT);
      cairo_restore (cr);
    }
}

/* The day column and the minute on its axis of @time; FALSE outside the event's days. */
static gboolean
locate (PlenaryWeekLayout *self,
        GDateTime         *time,
        gint64            *day_out,
        int               *minute_out)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (
    time, plenary_schedule_get_timezone (self->schedule));
  g_autoptr (PlenaryDay) first = g_list_model_get_item (
    plenary_schedule_get_days (self->schedule), 0);
  g_autoptr (GDateTime) first_local = NULL;
  gint64 day;
  int minute = minutes_of (local);

  if (first == NULL)
    return FALSE;
  first_local = g_date_time_to_timezone (plenary_day_get_date (first),
                                         plenary_schedule_get_timezone (self->schedule));
  day = (gint64) julian_of (local) - julian_of (first_local);
  /* After midnight the night goes on below the day before, when the axis runs that far. */
  if (minute + 24 * 60 <= self->last_minute && day >= 1 && minute < self->first_minute)
    {
      day--;
      minute += 24 * 60;
    }
  *day_out = day;
  *minute_out = minute;
  return day >= 0 && day < self->n_days;
}

int
plenary_week_layout_day_of (PlenaryWeekLayout *self,
                            GDateTime         *time)
{
  gint64 day;
  int minute;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (time != NULL, -1);

  return locate (self, time, &day, &minute) ? (int) day : -1;
}

static void
draw_now_line (PlenaryWeekLayout        *self,
               cairo_t                  *cr,
               const PlenaryWeekPalette *palette,
               GDateTime                *now)
{
  gint64 day;
  int minute;
  double column_width, x, y;

  if (!locate (self, now, &day, &minute) || column_of_day (self, day) < 0
      || minute < self->first_minute || minute > self->last_minute)
    return;

  column_width = width_of_day (self, day, self->day_width, self->only_day);
  x = flip_x (self, column_left (self, day), column_width);
  y = y_of_minute (self, minute);
  set_color (cr, &palette->now, 1);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + column_width, y);
  cairo_stroke (cr);
  cairo_arc (cr, self->rtl ? x + column_width : x, y, 4, 0, 2 * G_PI);
  cairo_fill (cr);
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
        draw_box_background (self, cr, palette, box);
    }
  draw_band_titles (self, cr, context, palette);
  /* Over the boxes but under their text, so it never strikes a title through. */
  if (now != NULL)
    draw_now_line (self, cr, palette, now);
  for (guint i = 0; i < self->boxes->len; i++)
    {
      PlenaryWeekBox *box = &g_array_index (self->boxes, PlenaryWeekBox, i);

      if (box->rect.size.width > 0)
        draw_box_text (self, cr, context, palette, box,
                       starred != NULL && g_hash_table_contains (starred, box->entry));
    }

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
  plenary_week_layout_render_headers (self, cr, context, palette, 0);
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
  draw_lines (cr, context, room[0] != '\0' ? room : _("No room"), 12, 8, width - 24, 1,
              "Sans Bold 14", &palette.foreground, PANGO_ALIGN_LEFT);
  draw_lines (cr, context, plenary_schedule_get_title (self->schedule), 12, 32, width - 24, 1,
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
