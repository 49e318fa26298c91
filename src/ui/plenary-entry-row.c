/* plenary-entry-row.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plenary-accent-bar.h"
#include "plenary-entry-row.h"
#include "plenary-format.h"

struct _PlenaryEntryRow
{
  GtkWidget         parent_instance;

  GtkWidget        *content;
  GtkLabel         *number_label;
  GtkLabel         *time_label;
  PlenaryAccentBar *accent;
  GtkLabel         *title_label;
  GtkLabel         *speakers_label;
  GtkLabel         *meta_label;
  GtkLabel         *note_label;
  GtkLabel         *badge_label;
  GtkWidget        *star_image;
  GtkToggleButton  *star_button;

  const char       *kind;   /* its kind of row, a CSS class; NULL before the first bind */
  char             *label;  /* what a screen reader says for it */
  PlenaryEntry     *entry;  /* the talk bound, while its star toggle is shown */
  void            (*set_starred) (PlenaryEntry *entry,
                                  gboolean      starred,
                                  gpointer      user_data);
  gpointer          set_starred_data;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (PlenaryEntryRow, plenary_entry_row, GTK_TYPE_WIDGET)

struct _PlenaryNowMarker
{
  GObject    parent_instance;

  GDateTime *time;
};

G_DEFINE_FINAL_TYPE (PlenaryNowMarker, plenary_now_marker, G_TYPE_OBJECT)

static void
plenary_now_marker_finalize (GObject *object)
{
  g_clear_pointer (&PLENARY_NOW_MARKER (object)->time, g_date_time_unref);

  G_OBJECT_CLASS (plenary_now_marker_parent_class)->finalize (object);
}

static void
plenary_now_marker_class_init (PlenaryNowMarkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_now_marker_finalize;
}

static void
plenary_now_marker_init (PlenaryNowMarker *self)
{
}

PlenaryNowMarker *
plenary_now_marker_new (GDateTime *now)
{
  PlenaryNowMarker *self = g_object_new (PLENARY_TYPE_NOW_MARKER, NULL);

  self->time = g_date_time_ref (now);
  return self;
}

GDateTime *
plenary_now_marker_get_time (PlenaryNowMarker *self)
{
  g_return_val_if_fail (PLENARY_IS_NOW_MARKER (self), NULL);

  return self->time;
}

GtkWidget *
plenary_entry_row_new (void)
{
  return g_object_new (PLENARY_TYPE_ENTRY_ROW, NULL);
}

/* Rows are bound again at every keystroke of a search and every day switch: a label given
 * the text or attributes it has is laid out again all the same, so only changes are set. */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  if (g_strcmp0 (gtk_label_get_text (label), has_text ? text : "") != 0)
    gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text);
}

static void
set_attributes (GtkLabel      *label,
                PangoAttrList *attrs)
{
  PangoAttrList *current = gtk_label_get_attributes (label);

  if (attrs == NULL ? current == NULL
                    : current != NULL && pango_attr_list_equal (current, attrs))
    return;
  gtk_label_set_attributes (label, attrs);
}

/* The meta line joins its parts ("07:00–11:00 · Room") in the interface's reading order: in a
 * right-to-left interface it starts at the right even when its first strong letter is Latin. */
static void
set_meta_text (PlenaryEntryRow *self,
               const char      *text)
{
  g_autofree char *marked = NULL;

  if (text != NULL && text[0] != '\0'
      && gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    marked = g_strconcat ("\u200f", text, NULL);
  set_text (self->meta_label, marked != NULL ? marked : text);
}

/* The list's cell (the row's parent) is what a screen reader announces and focuses: it takes
 * the row's label, or it is read as "GtkListItemWidget" (GTK 4.12's
 * gtk_list_item_set_accessible_label() does the same). */
static void
set_label (PlenaryEntryRow *self,
           const char      *label)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

const char *
plenary_entry_row_get_label (PlenaryEntryRow *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY_ROW (self), NULL);

  return self->label;
}

PlenaryEntry *
plenary_entry_row_get_entry (PlenaryEntryRow *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

static void
set_star_button (PlenaryEntryRow *self,
                 gboolean         visible,
                 gboolean         starred)
{
  const char *what = starred ? _("Unstar") : _("Star");

  gtk_widget_set_visible (GTK_WIDGET (self->star_button), visible);
  if (!visible)
    return;
  /* Rows are bound again at every keystroke of a search: a tooltip set anew costs a tooltip
   * query each time (a sixth of a keystroke at 20,000 talks), so only what changed is set. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->star_button)), what) == 0
      && gtk_toggle_button_get_active (self->star_button) == starred)
    {
      plenary_hide_decorative_images (GTK_WIDGET (self->star_button));
      return;
    }
  self->updating = TRUE;
  gtk_toggle_button_set_active (self->star_button, starred);
  self->updating = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            starred ? "starred-symbolic" : "non-starred-symbolic");
  /* GTK 4.10 and later put in a new image for the new icon: it is decoration too. */
  plenary_hide_decorative_images (GTK_WIDGET (self->star_button));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button), what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
}

/* Only the talk of the row is starred, not the one that took its place since. */
static void
on_star_button_toggled (PlenaryEntryRow *self)
{
  if (self->updating || self->entry == NULL || self->set_starred == NULL)
    return;
  self->set_starred (self->entry, gtk_toggle_button_get_active (self->star_button),
                     self->set_starred_data);
}

static void
clear_entry (PlenaryEntryRow *self)
{
  g_clear_object (&self->entry);
  self->set_starred = NULL;
  self->set_starred_data = NULL;
  set_star_button (self, FALSE, FALSE);
  set_text (self->number_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "open");
}

static void
set_kind (PlenaryEntryRow *self,
          const char      *kind,
          gboolean         in_block)
{
  /* Only what changes: every class change restyles the row and its labels. */
  if (g_strcmp0 (self->kind, kind) != 0)
    {
      if (self->kind != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->kind);
      gtk_widget_add_css_class (GTK_WIDGET (self), kind);
      self->kind = kind;
    }
  if (in_block)
    gtk_widget_add_css_class (GTK_WIDGET (self), "child");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "child");
}

static void
bind_header (PlenaryEntryRow *self,
             const char      *title)
{
  set_kind (self, "day-header", FALSE);
  clear_entry (self);
  set_attributes (self->title_label, NULL);
  set_attributes (self->time_label, NULL);
  set_text (self->time_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->accent), FALSE);
  set_text (self->title_label, title);
  set_text (self->speakers_label, NULL);
  set_text (self->meta_label, NULL);
  set_text (self->note_label, NULL);
  set_text (self->badge_label, NULL);
  gtk_widget_set_visible (self->star_image, FALSE);
  set_label (self, title);
}

/* The now-line: the time in the time column, then a rule where the text would be (the empty
 * text column is centred, so its CSS height is the line's thickness). */
static void
bind_now_line (PlenaryEntryRow         *self,
               PlenaryNowMarker        *marker,
               const PlenaryRowContext *context)
{
  g_autofree char *time = plenary_format_time (plenary_now_marker_get_time (marker),
                                               context->zone);
  /* Translators: the label of the line marking the current time in the day's programme. */
  g_autofree char *text = g_strdup_printf (C_("now line", "Now · %s"), time);
  /* Translators: what a screen reader says for the line marking the current time. */
  g_autofree char *a11y = g_strdup_printf (C_("now line", "Now, %s"), time);

  set_kind (self, "now-line", FALSE);
  clear_entry (self);
  set_attributes (self->time_label, NULL);
  set_text (self->time_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->accent), FALSE);
  set_text (self->title_label, NULL);
  set_text (self->speakers_label, NULL);
  set_text (self->meta_label, NULL);
  set_text (self->note_label, NULL);
  set_text (self->badge_label, NULL);
  gtk_widget_set_visible (self->star_image, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "past");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  set_label (self, a11y);
}

/* "07:00, BPF tracing …, 40 minutes, Alan Maguire, Networking and BPF Summit room" */
static char *
accessible_label (PlenaryEntry *entry,
                  guint         number,
                  const char   *time,
                  const char   *speakers,
                  gboolean      starred,
                  const char   *hint)
{
  g_autoptr (GString) label = g_string_new (NULL);
  g_autofree char *duration = plenary_format_duration (plenary_entry_get_duration (entry));
  const char *room = plenary_room_get_name (plenary_entry_get_room (entry));

  if (number > 0)
    /* Translators: a talk's number in the numbered programme, read by a screen reader. */
    g_string_append_printf (label, _("Number %u, "), number);
  if (time != NULL && time[0] != '\0')
    g_string_append_printf (label, "%s, ", time);
  g_string_append (label, plenary_entry_get_full_title (entry));
  g_string_append_printf (label, ", %s", duration);
  if (speakers != NULL && speakers[0] != '\0')
    g_string_append_printf (label, ", %s", speakers);
  if (room != NULL && room[0] != '\0')
    g_string_append_printf (label, ", %s", room);
  if (starred)
    g_string_append_printf (label, ", %s", _("starred"));
  if (hint != NULL)
    g_string_append_printf (label, ", %s", hint);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

/* @ranges of @text in bold on a light background: what a search matched. */
static void
add_highlights (PangoAttrList *attrs,
                const char    *text,
                guint          offset,
                const char * const *terms)
{
  g_autoptr (GArray) ranges = plenary_search_find_terms (text, terms);

  for (guint i = 0; i < ranges->len; i++)
    {
      PlenaryTextRange *range = &g_array_index (ranges, PlenaryTextRange, i);
      PangoAttribute *attr;

      /* Pango knows no style colours: a yellow at a third of its strength reads in light and
       * dark style alike, and the underline carries it for those who cannot tell colours. */
      attr = pango_attr_background_new (0xf600, 0xd300, 0x2d00);
      attr->start_index = offset + range->start;
      attr->end_index = offset + range->end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_background_alpha_new (0x5000);
      attr->start_index = offset + range->start;
      attr->end_index = offset + range->end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = offset + range->start;
      attr->end_index = offset + range->end;
      pango_attr_list_insert (attrs, attr);
    }
}

static gboolean
term_in (const char *text,
         const char *term)
{
  g_autofree char *folded = plenary_fold_for_search (text);

  return strstr (folded, term) != NULL;
}

/* Whether the entry matched a search only through its abstract: some term is in none of the
 * texts the row shows or the search reads besides the abstract. */
static gboolean
matched_in_abstract (PlenaryEntry       *entry,
                     const char         *speakers,
                     const char * const *terms)
{
  PlenaryTrack *track = plenary_entry_get_track (entry);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    if (!term_in (plenary_entry_get_title (entry), terms[i])
        && !term_in (speakers, terms[i])
        && !term_in (plenary_room_get_name (plenary_entry_get_room (entry)), terms[i])
        && !term_in (track != NULL ? plenary_track_get_title (track) : NULL, terms[i])
        && !term_in (plenary_entry_get_session_title (entry), terms[i]))
      return TRUE;
  return FALSE;
}

/* The start, and under it the end in smaller, dimmer type. */
static void
set_time_column (PlenaryEntryRow *self,
                 const char      *start,
                 const char      *end)
{
  g_autofree char *text = NULL;
  PangoAttrList *attrs;
  PangoAttribute *attr;

  if (end == NULL || end[0] == '\0')
    {
      set_attributes (self->time_label, NULL);
      set_text (self->time_label, start);
      return;
    }
  text = g_strdup_printf ("%s\n%s", start, end);
  attrs = pango_attr_list_new ();
  attr = pango_attr_scale_new (0.85);
  attr->start_index = strlen (start) + 1;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_foreground_alpha_new (0xa000);
  attr->start_index = strlen (start) + 1;
  pango_attr_list_insert (attrs, attr);
  set_text (self->time_label, text);
  set_attributes (self->time_label, attrs);
  pango_attr_list_unref (attrs);
}

static void
bind_entry (PlenaryEntryRow         *self,
            PlenaryEntry            *entry,
            const PlenaryRowContext *context)
{
  PlenaryEntryKind kind = plenary_entry_get_kind (entry);
  gboolean in_block = plenary_entry_get_block (entry) != NULL;
  gboolean compact = context->density == PLENARY_DENSITY_COMPACT;
  gboolean numbered = context->density == PLENARY_DENSITY_NUMBERED;
  gboolean starred = kind == PLENARY_ENTRY_KIND_CONTRIBUTION && context->is_starred != NULL
                     && context->is_starred (entry, context->user_data);
  const char *room = plenary_room_get_name (plenary_entry_get_room (entry));
  const char *note = NULL;
  const char *warning;
  g_autofree char *time = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *a11y = NULL;
  g_autofree char *end_time = NULL;
  const char *hint = NULL;
  guint number = 0;
  gboolean talk = kind == PLENARY_ENTRY_KIND_CONTRIBUTION;
  gboolean poster_in_block = in_block && talk && plenary_entry_get_is_poster (entry)
                             && !context->show_day;
  PangoAttrList *title_attrs = pango_attr_list_new ();
  PangoAttrList *speakers_attrs = pango_attr_list_new ();
  GDateTime *start = plenary_entry_get_start (entry);
  GDateTime *end = plenary_entry_get_end (entry);
  gboolean past = context->now != NULL && end != NULL
                  && g_date_time_compare (end, context->now) <= 0;
  gboolean running = context->now != NULL && start != NULL && end != NULL
                     && g_date_time_compare (start, context->now) <= 0 && !past;

  speakers = plenary_format_people (plenary_entry_get_speakers (entry), !compact);
  if (context->highlight != NULL && matched_in_abstract (entry, speakers, context->highlight))
    /* Translators: in search results, a talk found by words of its abstract only. */
    hint = _("Matches in the abstract");

  if (kind == PLENARY_ENTRY_KIND_BLOCK)
    {
      g_autofree char *range = plenary_format_time_range (start, end, context->zone);
      g_autofree char *conveners = NULL;

      set_kind (self, "block", FALSE);
      set_text (self->number_label, NULL);
      set_time_column (self, NULL, NULL);
      set_text (self->title_label, plenary_entry_get_full_title (entry));
      add_highlights (title_attrs, plenary_entry_get_full_title (entry), 0, context->highlight);
      if (speakers[0] != '\0')
        /* Translators: the people who chair a session block. */
        conveners = g_strdup_printf (_("Conveners: %s"), speakers);
      set_text (self->speakers_label, compact ? NULL : conveners);
      if (context->show_day && start != NULL)
        {
          g_autoptr (GDateTime) local = g_date_time_to_timezone (start, context->zone);
          g_autofree char *day = plenary_format_day_short (local);

          meta = g_strdup_printf ("%s %s · %s", day, range, room);
        }
      else
        meta = room[0] != '\0' ? g_strdup_printf ("%s · %s", range, room) : g_strdup (range);
      set_meta_text (self, meta);
      time = g_steal_pointer (&range);
    }
  else
    {
      const char *title = plenary_entry_get_title (entry);
      g_autofree char *number_text = NULL;

      number = numbered && talk && context->get_number != NULL
               ? context->get_number (entry, context->user_data) : 0;
      set_kind (self, kind == PLENARY_ENTRY_KIND_BREAK ? "break" : "talk", in_block);
      /* Numbered keeps the time: the number is what the room calls the talk, the time is when
       * it is on. */
      if (number > 0)
        number_text = g_strdup_printf ("%u", number);
      set_text (self->number_label, number_text);
      gtk_widget_set_visible (GTK_WIDGET (self->number_label), numbered);
      time = plenary_format_time (start, context->zone);
      if (!compact && end != NULL)
        end_time = plenary_format_time (end, context->zone);
      /* Posters hang for the whole block: its header says when, once, not every poster. */
      if (poster_in_block)
        set_time_column (self, NULL, NULL);
      else
        set_time_column (self, time, end_time);
      gtk_widget_set_visible (GTK_WIDGET (self->time_label), TRUE);
      if (compact && speakers[0] != '\0')
        {
          /* Compact is one line a talk: who speaks follows the title, in lighter type. */
          g_autofree char *line = g_strdup_printf ("%s · %s", title, speakers);
          PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          attr->end_index = strlen (title);
          pango_attr_list_insert (title_attrs, attr);
          attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
          attr->start_index = strlen (title);
          pango_attr_list_insert (title_attrs, attr);
          attr = pango_attr_foreground_alpha_new (0x9000);
          attr->start_index = strlen (title);
          pango_attr_list_insert (title_attrs, attr);
          add_highlights (title_attrs, title, 0, context->highlight);
          add_highlights (title_attrs, speakers, strlen (title) + strlen (" · "),
                          context->highlight);
          set_text (self->title_label, line);
          set_text (self->speakers_label, NULL);
        }
      else
        {
          add_highlights (title_attrs, title, 0, context->highlight);
          add_highlights (speakers_attrs, speakers, 0, context->highlight);
          set_text (self->title_label, title);
          set_text (self->speakers_label, speakers);
        }

      if (!compact && !poster_in_block)
        {
          g_autofree char *duration = plenary_format_duration (plenary_entry_get_duration (entry));
          g_autofree char *when = NULL;

          if (context->show_day && start != NULL)
            {
              g_autoptr (GDateTime) local = g_date_time_to_timezone (start, context->zone);
              g_autofree char *day = plenary_format_day_short (local);

              /* The time column has the times; the day is what rows outside a day lack. */
              when = g_strdup_printf ("%s · %s", day, duration);
            }
          else
            when = g_steal_pointer (&duration);
          /* The block header already names the room of the talks inside it. */
          if (room[0] != '\0' && (!in_block || context->show_day))
            meta = g_strdup_printf ("%s · %s", when, room);
          else
            meta = g_steal_pointer (&when);
        }
      if (hint != NULL)
        {
          g_autofree char *with_hint = meta != NULL ? g_strdup_printf ("%s · %s", meta, hint)
                                                    : g_strdup (hint);

          g_free (meta);
          meta = g_steal_pointer (&with_hint);
        }
      set_meta_text (self, meta);
    }

  if (context->get_meta != NULL)
    {
      char *own = context->get_meta (entry, context->user_data);

      if (own != NULL)
        {
          set_meta_text (self, own);
          g_free (own);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->accent), TRUE);
  plenary_accent_bar_set_color (self->accent, plenary_entry_get_color (entry));

  if (context->show_notes && context->get_note != NULL)
    note = context->get_note (entry, context->user_data);
  set_text (self->note_label, note);

  warning = context->get_warning != NULL ? context->get_warning (entry, context->user_data) : NULL;
  set_text (self->badge_label, warning != NULL ? warning
                               : running ? C_("happening now", "Now") : NULL);
  if (warning != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "warning");
  g_clear_object (&self->entry);
  self->set_starred = talk ? context->set_starred : NULL;
  self->set_starred_data = context->user_data;
  if (self->set_starred != NULL)
    self->entry = g_object_ref (entry);
  set_star_button (self, self->set_starred != NULL, starred);
  gtk_widget_set_visible (self->star_image, starred && self->set_starred == NULL);
  if (context->open_entry == entry)
    gtk_widget_add_css_class (GTK_WIDGET (self), "open");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "open");
  set_attributes (self->title_label, title_attrs);
  set_attributes (self->speakers_label, speakers_attrs);
  pango_attr_list_unref (title_attrs);
  pango_attr_list_unref (speakers_attrs);
  if (past)
    gtk_widget_add_css_class (GTK_WIDGET (self), "past");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "past");
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  gtk_label_set_lines (self->title_label, compact ? 1 : -1);
  gtk_label_set_ellipsize (self->title_label, compact ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (self->title_label, !compact);
  gtk_label_set_ellipsize (self->speakers_label,
                           compact ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (self->speakers_label, !compact);

  if (end_time != NULL)
    {
      /* Translators: a talk's time range, read by a screen reader: "07:00 to 07:40". */
      g_autofree char *range = g_strdup_printf (_("%s to %s"), time, end_time);

      g_free (time);
      time = g_steal_pointer (&range);
    }
  a11y = accessible_label (entry, number, time, speakers, starred, hint);
  set_label (self, a11y);
}

void
plenary_entry_row_bind (PlenaryEntryRow         *self,
                        GObject                 *item,
                        const PlenaryRowContext *context)
{
  g_return_if_fail (PLENARY_IS_ENTRY_ROW (self));

  if (PLENARY_IS_DAY (item))
    {
      g_autofree char *title = plenary_format_day_long (plenary_day_get_date (PLENARY_DAY (item)));

      bind_header (self, title);
    }
  else if (GTK_IS_STRING_OBJECT (item))
    bind_header (self, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else if (PLENARY_IS_ENTRY (item))
    bind_entry (self, PLENARY_ENTRY (item), context);
  else if (PLENARY_IS_NOW_MARKER (item))
    bind_now_line (self, PLENARY_NOW_MARKER (item), context);
}

struct _PlenaryRowSlot
{
  GObject          parent_instance;

  PlenaryRowSlots *slots;       /* not a reference: the slots own their slot objects */
  guint            position;
  GtkListItem     *list_item;   /* bound to it, if any; not a reference */
};

G_DEFINE_FINAL_TYPE (PlenaryRowSlot, plenary_row_slot, G_TYPE_OBJECT)

static void
plenary_row_slot_class_init (PlenaryRowSlotClass *klass)
{
}

static void
plenary_row_slot_init (PlenaryRowSlot *self)
{
}

struct _PlenaryRowSlots
{
  GObject     parent_instance;

  GListModel *items;
  guint       n_items;
  GPtrArray  *slots;   /* PlenaryRowSlot by position, made when first asked for */
};

static void plenary_row_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenaryRowSlots, plenary_row_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      plenary_row_slots_list_model_init))

static GType
plenary_row_slots_get_item_type (GListModel *model)
{
  return PLENARY_TYPE_ROW_SLOT;
}

static guint
plenary_row_slots_get_n_items (GListModel *model)
{
  return PLENARY_ROW_SLOTS (model)->n_items;
}

static gpointer
plenary_row_slots_get_item (GListModel *model,
                            guint       position)
{
  PlenaryRowSlots *self = PLENARY_ROW_SLOTS (model);

  if (position >= self->n_items)
    return NULL;
  while (self->slots->len <= position)
    {
      PlenaryRowSlot *slot = g_object_new (PLENARY_TYPE_ROW_SLOT, NULL);

      slot->slots = self;
      slot->position = self->slots->len;
      g_ptr_array_add (self->slots, slot);
    }
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
plenary_row_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plenary_row_slots_get_item_type;
  iface->get_n_items = plenary_row_slots_get_n_items;
  iface->get_item = plenary_row_slots_get_item;
}

static void
plenary_row_slots_finalize (GObject *object)
{
  PlenaryRowSlots *self = PLENARY_ROW_SLOTS (object);

  for (guint i = 0; i < self->slots->len; i++)
    PLENARY_ROW_SLOT (g_ptr_array_index (self->slots, i))->slots = NULL;
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (plenary_row_slots_parent_class)->finalize (object);
}

static void
plenary_row_slots_class_init (PlenaryRowSlotsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plenary_row_slots_finalize;
}

static void
plenary_row_slots_init (PlenaryRowSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

PlenaryRowSlots *
plenary_row_slots_new (GListModel *items)
{
  PlenaryRowSlots *self = g_object_new (PLENARY_TYPE_ROW_SLOTS, NULL);

  self->items = g_object_ref (items);
  self->n_items = g_list_model_get_n_items (items);
  return self;
}

typedef struct
{
  PlenaryRowContextFunc fill_context;
  gpointer              user_data;
} FactoryData;

#if !GTK_CHECK_VERSION (4, 12, 0)
/* Moves the focus past @list in Tab order. GTK orders Tab by position on screen, so it does
 * the moving itself, with the list out of its way for that one move. */
static gboolean
focus_beyond (GtkWidget        *list,
              GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (list);
  gboolean moved;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  if (!moved)
    {
      /* Nothing beyond: round to the other end of the window, as Tab does. */
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkWidget             *list)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  return focus_beyond (list, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
                             ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}
#endif

/* Tab leaves a list in one press, and arrows move between its rows: GTK 4.8's lists send Tab
 * through every row, so that a day of a hundred talks took a hundred presses to get past. */
static void
leave_list_on_tab (GtkWidget *list)
{
  if (list == NULL || g_object_get_data (G_OBJECT (list), "plenary-tab-leaves") != NULL)
    return;
  g_object_set_data (G_OBJECT (list), "plenary-tab-leaves", GINT_TO_POINTER (TRUE));
#if GTK_CHECK_VERSION (4, 12, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_grid_view_set_tab_behavior (GTK_GRID_VIEW (list), GTK_LIST_TAB_ITEM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), list);
    gtk_widget_add_controller (list, keys);
  }
#endif
}

static void
bind_list_item (GtkListItem *list_item,
                GObject     *object,
                FactoryData *data)
{
  PlenaryRowContext context = { 0 };
  GtkWidget *row = gtk_list_item_get_child (list_item);

  data->fill_context (data->user_data, &context);
  plenary_entry_row_bind (PLENARY_ENTRY_ROW (row), object, &context);
  leave_list_on_tab (gtk_widget_get_ancestor (row, GTK_TYPE_GRID_VIEW));
  /* Headers are labels, not something to open. Every row is "selectable" only because GTK 4.8
   * gives the keyboard focus to no row that is not, and Tab enters a list at its first row
   * (often a header); the lists show no selection. */
  gtk_list_item_set_activatable (list_item, PLENARY_IS_ENTRY (object));
  gtk_list_item_set_selectable (list_item, TRUE);
}

static void
bind_slot (PlenaryRowSlot *slot,
           GtkListItem    *list_item)
{
  g_autoptr (GObject) item = g_list_model_get_item (slot->slots->items, slot->position);

  if (item != NULL)
    bind_list_item (list_item, item,
                    g_object_get_data (G_OBJECT (list_item), "plenary-factory-data"));
}

void
plenary_row_slots_refresh (PlenaryRowSlots *self)
{
  guint n_old = self->n_items;
  guint n_new = g_list_model_get_n_items (self->items);
  guint common = MIN (n_old, n_new);

  g_return_if_fail (PLENARY_IS_ROW_SLOTS (self));

  /* Only the places that come or go change the list (the list binds the rows of new places
   * as it makes them); the rows of those that stay are bound to their new items below. */
  self->n_items = n_new;
  if (n_old != n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), common, n_old - common, n_new - common);
  for (guint i = 0; i < MIN (self->slots->len, common); i++)
    {
      PlenaryRowSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->list_item != NULL)
        bind_slot (slot, slot->list_item);
    }
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  FactoryData              *data)
{
  gtk_list_item_set_child (item, plenary_entry_row_new ());
  g_object_set_data (G_OBJECT (item), "plenary-factory-data", data);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 FactoryData              *data)
{
  GObject *object = gtk_list_item_get_item (item);

  if (PLENARY_IS_ROW_SLOT (object))
    {
      PLENARY_ROW_SLOT (object)->list_item = item;
      bind_slot (PLENARY_ROW_SLOT (object), item);
    }
  else
    bind_list_item (item, object, data);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   FactoryData              *data)
{
  GObject *object = gtk_list_item_get_item (item);

  if (PLENARY_IS_ROW_SLOT (object) && PLENARY_ROW_SLOT (object)->list_item == item)
    PLENARY_ROW_SLOT (object)->list_item = NULL;
}

GtkListItemFactory *
plenary_entry_row_factory_new (PlenaryRowContextFunc fill_context,
                               gpointer              user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  FactoryData *data = g_new0 (FactoryData, 1);

  data->fill_context = fill_context;
  data->user_data = user_data;
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), data);
  g_object_set_data_full (G_OBJECT (factory), "plenary-factory-data", data, g_free);
  return factory;
}

static void
plenary_entry_row_dispose (GObject *object)
{
  PlenaryEntryRow *self = PLENARY_ENTRY_ROW (object);

  g_clear_object (&self->entry);
  g_clear_pointer (&self->label, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), PLENARY_TYPE_ENTRY_ROW);

  G_OBJECT_CLASS (plenary_entry_row_parent_class)->dispose (object);
}

/* The row lays out its parts in a line itself rather than through a GtkBox: a horizontal
 * GtkBox allocating a height asks the text column how wide it must be for that height, and
 * the text column answers by laying out every wrapping label at a dozen trial widths. Here
 * the time, accent bar, badge and star take their natural widths, the text gets the rest,
 * and each label is laid out at that one width. */
#define ROW_SPACING 12
/* Narrower than this (a phone, 360 px), a badge ("Now", "Conflict") sits above the title
 * instead of beside it: beside it, it leaves the title a word a line. */
#define NARROW_ROW 480
#define BADGE_GAP 4

static gboolean
badge_above (PlenaryEntryRow *self,
             int              width)
{
  return width >= 0 && width < NARROW_ROW
         && gtk_widget_should_layout (GTK_WIDGET (self->badge_label));
}

/* Fills @widths (one per child) for a row @width wide; returns the number of children. */
static guint
compute_widths (PlenaryEntryRow *self,
                int              width,
                int              widths[8])
{
  int fixed = 0;
  guint n = 0, n_visible = 0, content_at = 0, badge_at = G_MAXUINT;
  gboolean above = badge_above (self, width);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL && n < 8;
       child = gtk_widget_get_next_sibling (child), n++)
    {
      widths[n] = 0;
      if (!gtk_widget_should_layout (child))
        continue;
      n_visible++;
      if (child == self->content)
        {
          content_at = n;
          continue;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &widths[n], NULL, NULL);
      if (above && child == GTK_WIDGET (self->badge_label))
        {
          /* In the text's column: takes no width of its own. */
          badge_at = n;
          n_visible--;
          continue;
        }
      fixed += widths[n];
    }
  widths[content_at] = MAX (0, width - fixed - ROW_SPACING * ((int) n_visible - 1));
  if (badge_at != G_MAXUINT)
    widths[badge_at] = MIN (widths[badge_at], widths[content_at]);
  return n;
}

static void
plenary_entry_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PlenaryEntryRow *self = PLENARY_ENTRY_ROW (widget);
  int widths[8];
  guint n_visible = 0, i = 0;
  gboolean above = orientation == GTK_ORIENTATION_VERTICAL && badge_above (self, for_size);
  int content_min = 0, content_nat = 0, badge_min = 0, badge_nat = 0;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    compute_widths (self, for_size, widths);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && i < 8;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      n_visible++;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* A width never depends on the height: rows are as wide as their list. */
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size >= 0 ? widths[i] : -1,
                              &child_min, &child_nat, NULL, NULL);
          if (above && child == GTK_WIDGET (self->badge_label))
            {
              badge_min = child_min;
              badge_nat = child_nat;
              continue;
            }
          if (above && child == self->content)
            {
              content_min = child_min;
              content_nat = child_nat;
              continue;
            }
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
  if (above)
    {
      *minimum = MAX (*minimum, badge_min + BADGE_GAP + content_min);
      *natural = MAX (*natural, badge_nat + BADGE_GAP + content_nat);
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL && n_visible > 1)
    {
      *minimum += ROW_SPACING * (n_visible - 1);
      *natural += ROW_SPACING * (n_visible - 1);
    }
}

/* Arrow keys focus the list cell, so that Return opens the talk; the star toggle is reached
 * with Tab from there. GTK 4.8's cells first offer focus to their children. */
static gboolean
plenary_entry_row_grab_focus (GtkWidget *widget)
{
  return FALSE;
}

static GtkSizeRequestMode
plenary_entry_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
plenary_entry_row_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  PlenaryEntryRow *self = PLENARY_ENTRY_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int widths[8];
  int x = 0, content_x = 0, content_y = 0, badge_height = 0;
  guint i = 0;
  gboolean above = badge_above (self, width);

  compute_widths (self, width, widths);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && i < 8;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      int y = 0, child_height = height;

      if (!gtk_widget_should_layout (child))
        continue;
      /* The text is centred here, not by valign: a centred widget is asked its width for
       * its height first, which is the costly question above. */
      if (above && child == GTK_WIDGET (self->badge_label))
        {
          /* Above the text (see compute_widths()), at the start of its column. */
          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { rtl ? width - content_x - widths[i]
                                                           : content_x,
                                                       content_y, widths[i], badge_height },
                                    -1);
          continue;
        }
      if (child == self->content)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, widths[i], NULL, &child_height,
                              NULL, NULL);
          if (above)
            gtk_widget_measure (GTK_WIDGET (self->badge_label), GTK_ORIENTATION_VERTICAL, -1,
                                NULL, &badge_height, NULL, NULL);
          child_height = MIN (child_height, height - (above ? badge_height + BADGE_GAP : 0));
          content_x = x;
          content_y = (height - child_height - (above ? badge_height + BADGE_GAP : 0)) / 2;
          y = content_y + (above ? badge_height + BADGE_GAP : 0);
        }
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { rtl ? width - x - widths[i] : x, y,
                                                   widths[i], child_height },
                                -1);
      x += widths[i] + ROW_SPACING;
    }
}

static void
plenary_entry_row_class_init (PlenaryEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_entry_row_dispose;
  widget_class->measure = plenary_entry_row_measure;
  widget_class->get_request_mode = plenary_entry_row_get_request_mode;
  widget_class->size_allocate = plenary_entry_row_size_allocate;
  widget_class->grab_focus = plenary_entry_row_grab_focus;

  g_type_ensure (PLENARY_TYPE_ACCENT_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, content);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, accent);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, speakers_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, star_image);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryRow, star_button);
  gtk_widget_class_bind_template_callback (widget_class, on_star_button_toggled);
  gtk_widget_class_set_css_name (widget_class, "entryrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plenary_entry_row_init (PlenaryEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_hide_decorative_images (GTK_WIDGET (self));
#if !GTK_CHECK_VERSION (4, 12, 0)
  /* GTK 4.8's lists send Tab through every focusable widget of every row: a star in each row
   * would double the stops before the list can be left. Ctrl+D stars the focused row. */
  gtk_widget_set_focusable (GTK_WIDGET (self->star_button), FALSE);
#endif
}
