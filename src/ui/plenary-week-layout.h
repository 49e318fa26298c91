/* plenary-week-layout.h: one room's week as a grid of boxes, and drawing it with cairo
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <graphene.h>
#include <gdk/gdk.h>
#include <pango/pango.h>

#include "model/plenary-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  PLENARY_WEEK_BOX_TALK,
  PLENARY_WEEK_BOX_BREAK,
  PLENARY_WEEK_BOX_BAND,      /* a session block, drawn faintly behind its talks */
  PLENARY_WEEK_BOX_POSTERS,   /* a poster block, one box listing its posters */
} PlenaryWeekBoxKind;

typedef struct
{
  PlenaryEntry       *entry;
  PlenaryWeekBoxKind  kind;
  guint               day;
  /* Since midnight of @day, in the event's zone. An entry that starts one day and goes on past
   * midnight stays in that day's column, below 24:00 (minutes past 1440), as do the talks of a
   * block that started the day before: nothing is cut in two or shown twice. */
  int                 start_minute;
  int                 end_minute;
  guint               column;
  guint               n_columns;
  graphene_rect_t     rect;          /* in layout coordinates, mirrored when right-to-left */
} PlenaryWeekBox;

/* What a box shows at its size: whole lines only, never a line cut in half. */
typedef struct
{
  gboolean one_line;      /* too short for more: "07:00 · Opening" on one line */
  gboolean time_line;     /* "07:00–07:40" above the title */
  int      title_lines;
  int      speaker_lines; /* for posters: lines of the poster list */
  double   line_height;   /* of the title's font, in pixels */
} PlenaryWeekBoxText;

typedef struct
{
  GdkRGBA background;
  GdkRGBA foreground;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA box_background;
  GdkRGBA now;
  GdkRGBA focus;
  gboolean dark;
} PlenaryWeekPalette;

typedef struct _PlenaryWeekLayout PlenaryWeekLayout;

#define PLENARY_WEEK_AXIS_WIDTH 56.0
#define PLENARY_WEEK_HEADER_HEIGHT 48.0
/* A day with nothing in the room takes a narrow column, not a full one. */
#define PLENARY_WEEK_EMPTY_DAY_WIDTH 48.0
/* The smallest box: one line of text ("07:00 · Opening") and its margins. */
#define PLENARY_WEEK_MIN_BOX_HEIGHT 18.0

/* The entries a room's week shows: the room's own and, for a named room, the top-level talks
 * with no room whose venue is that room's name, since their page says "Room: Hall" too. For
 * the "No room" room, only what no room claims that way. A new list. */
GPtrArray            *plenary_week_room_entries        (PlenarySchedule          *schedule,
                                                        PlenaryRoom              *room);

/* @room may be the schedule's "No room" room. */
PlenaryWeekLayout    *plenary_week_layout_new          (PlenarySchedule          *schedule,
                                                        PlenaryRoom              *room);
void                  plenary_week_layout_free         (PlenaryWeekLayout        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryWeekLayout, plenary_week_layout_free)

/* Places every box for columns of @day_width and @hour_height pixels per hour; with
 * @only_day >= 0, lays out that day alone in the first column. */
void                  plenary_week_layout_set_geometry (PlenaryWeekLayout        *self,
                                                        double                    day_width,
                                                        double                    hour_height,
                                                        int                       only_day);
/* Right to left: the axis on the right, days from right to left. Takes effect at the next
 * plenary_week_layout_set_geometry(). */
void                  plenary_week_layout_set_rtl      (PlenaryWeekLayout        *self,
                                                        gboolean                  rtl);
gboolean              plenary_week_layout_get_rtl      (PlenaryWeekLayout        *self);
/* Whether @day has nothing in the room (it gets a narrow column). */
gboolean              plenary_week_layout_day_is_empty (PlenaryWeekLayout        *self,
                                                        guint                     day);
/* Width of the grid, axis included, for columns of @day_width. */
double                plenary_week_layout_get_width_for (PlenaryWeekLayout       *self,
                                                         double                   day_width,
                                                         int                      only_day);
/* The width a day column gets when the grid is @width wide. */
double                plenary_week_layout_day_width_for (PlenaryWeekLayout       *self,
                                                         double                   width,
                                                         int                      only_day);
guint                 plenary_week_layout_get_n_days   (PlenaryWeekLayout        *self);
/* The day (0-based) on which @time falls in the grid, counting the hours after midnight of
 * a night that runs on as the day before; -1 outside the event. */
int                   plenary_week_layout_day_of       (PlenaryWeekLayout        *self,
                                                        GDateTime                *time);
guint                 plenary_week_layout_get_n_boxes  (PlenaryWeekLayout        *self);
const PlenaryWeekBox *plenary_week_layout_get_box      (PlenaryWeekLayout        *self,
                                                        guint                     index);
/* Minutes since midnight of the first and last hour lines of the grid. */
int                   plenary_week_layout_get_first_minute (PlenaryWeekLayout    *self);
int                   plenary_week_layout_get_last_minute  (PlenaryWeekLayout    *self);
/* Size of the whole grid, axis and headers included. */
void                  plenary_week_layout_get_size     (PlenaryWeekLayout        *self,
                                                        double                   *width,
                                                        double                   *height);
/* The talk, break or poster box at a point (bands are only hit where no box is), or -1. */
int                   plenary_week_layout_hit          (PlenaryWeekLayout        *self,
                                                        double                    x,
                                                        double                    y);
/* Boxes that can take focus, in reading order (day, then time). */
GArray               *plenary_week_layout_get_focus_order (PlenaryWeekLayout     *self);

/* Which lines @box shows at its current size. */
void                  plenary_week_layout_plan_text    (PlenaryWeekLayout        *self,
                                                        PangoContext             *context,
                                                        const PlenaryWeekBox     *box,
                                                        gboolean                  starred,
                                                        PlenaryWeekBoxText       *text);
/* Draws the day headers alone, with their background, @top pixels down: they stay in sight
 * while the grid scrolls under them. */
void                  plenary_week_layout_render_headers (PlenaryWeekLayout      *self,
                                                          cairo_t                *cr,
                                                          PangoContext           *context,
                                                          const PlenaryWeekPalette *palette,
                                                          double                  top);
/* Draws the grid. @focused is a box index or -1; @now NULL outside the event. */
void                  plenary_week_layout_render       (PlenaryWeekLayout        *self,
                                                        cairo_t                  *cr,
                                                        PangoContext             *context,
                                                        const PlenaryWeekPalette *palette,
                                                        int                       focused,
                                                        GDateTime                *now,
                                                        GHashTable               *starred);
/* "10:00–10:30, Title, Speaker, Speaker" for tooltips and screen readers. */
char                 *plenary_week_box_describe        (PlenaryWeekLayout        *self,
                                                        const PlenaryWeekBox     *box);
PlenarySchedule      *plenary_week_layout_get_schedule (PlenaryWeekLayout        *self);
PlenaryRoom          *plenary_week_layout_get_room     (PlenaryWeekLayout        *self);

G_END_DECLS

G_BEGIN_DECLS

typedef enum
{
  PLENARY_WEEK_EXPORT_PNG,
  PLENARY_WEEK_EXPORT_PDF,
} PlenaryWeekExportFormat;

/* Writes the whole week, titled with the room and event, in the light style for printing.
 * Changes the layout's geometry: set it again afterwards. */
gboolean plenary_week_layout_export (PlenaryWeekLayout        *self,
                                     const char               *path,
                                     PlenaryWeekExportFormat   format,
                                     GError                  **error);

G_END_DECLS
