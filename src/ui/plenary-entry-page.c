/* plenary-entry-page.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-a11y.h"
#include "plenary-entry-page.h"
#include "plenary-format.h"
#include "util/plenary-rich-text.h"

struct _PlenaryEntryPage
{
  GtkWidget        parent_instance;

  PlenaryEntry    *entry;
  PlenaryUserData *user_data;
  GDateTime       *now;
  gboolean         updating;
  gboolean         editable;

  GtkStack        *stack;
  GtkWidget       *back_button;
  GtkWidget       *browser_button;
  GtkToggleButton *star_button;
  GtkScrolledWindow *scroller;
  GtkLabel        *session_label;
  GtkLabel        *title_label;
  GtkLabel        *when_label;
  GtkLabel        *now_label;
  AdwActionRow    *room_row;
  AdwActionRow    *duration_row;
  AdwActionRow    *track_row;
  AdwActionRow    *type_row;
  GtkWidget       *speakers_box;
  GtkLabel        *speakers_heading;
  GtkListBox      *speakers_list;
  GtkLabel        *abstract_label;
  GtkWidget       *attachments_box;
  GtkListBox      *attachments_list;
  GtkWidget       *notes_box;
  GtkTextView     *notes_view;
};

G_DEFINE_FINAL_TYPE (PlenaryEntryPage, plenary_entry_page, GTK_TYPE_WIDGET)

enum {
  BACK,
  PERSON_ACTIVATED,
  STAR_TOGGLED,
  NOTE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_now (PlenaryEntryPage *self);

void
plenary_open_web_uri (GtkWidget  *parent,
                      const char *uri)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (!plenary_rich_text_is_safe_uri (uri))
    {
      g_warning ("Refusing to open a link that is not a web address");
      return;
    }
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gboolean has_value = value != NULL && value[0] != '\0';

  /* Subtitles are plain text: AdwActionRow would otherwise read Pango markup. */
  adw_action_row_set_subtitle (row, "");
  if (has_value)
    {
      g_autofree char *escaped = g_markup_escape_text (value, -1);

      adw_action_row_set_subtitle (row, escaped);
    }
  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_plain_row (const char *title,
               const char *subtitle,
               const char *suffix_icon)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
    }
  if (suffix_icon != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (suffix_icon));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
fill_speakers (PlenaryEntryPage *self,
               PlenaryEntry     *entry)
{
  GPtrArray *speakers = plenary_entry_get_speakers (entry);
  gboolean block = plenary_entry_get_kind (entry) == PLENARY_ENTRY_KIND_BLOCK;

  clear_list (self->speakers_list);
  for (guint i = 0; speakers != NULL && i < speakers->len; i++)
    {
      PlenaryPerson *person = g_ptr_array_index (speakers, i);
      GtkWidget *row = new_plain_row (plenary_person_get_name (person),
                                      plenary_person_get_affiliation (person),
                                      "go-next-symbolic");

      g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
      gtk_list_box_append (self->speakers_list, row);
    }
  gtk_label_set_text (self->speakers_heading,
                      block ? _("Conveners")
                            : ngettext ("Speaker", "Speakers", speakers ? speakers->len : 0));
  gtk_widget_set_visible (self->speakers_box, speakers != NULL && speakers->len > 0);
}

static void
fill_attachments (PlenaryEntryPage *self,
                  PlenaryEntry     *entry)
{
  GPtrArray *attachments = plenary_entry_get_attachments (entry);
  guint shown = 0;

  clear_list (self->attachments_list);
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      PlenaryAttachment *attachment = g_ptr_array_index (attachments, i);
      GtkWidget *row;

      if (!plenary_rich_text_is_safe_uri (attachment->url))
        continue;
      row = new_plain_row (attachment->title, attachment->folder, "adw-external-link-symbolic");
      gtk_widget_set_tooltip_text (row, attachment->url);
      g_object_set_data_full (G_OBJECT (row), "url", g_strdup (attachment->url), g_free);
      gtk_list_box_append (self->attachments_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->attachments_box, shown > 0);
}

static void
set_abstract (PlenaryEntryPage *self,
              const char       *description)
{
  plenary_rich_text_label_set_description (self->abstract_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->abstract_label),
                          description != NULL && description[0] != '\0');
}

void
plenary_entry_page_set_entry (PlenaryEntryPage *self,
                              PlenaryEntry     *entry,
                              GTimeZone        *event_zone,
                              GTimeZone        *local_zone)
{
  PlenaryEntryKind kind;
  GDateTime *start;
  PlenaryRoom *room;
  PlenaryTrack *track;
  const char *venue;
  g_autofree char *when = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *room_text = NULL;

  g_return_if_fail (PLENARY_IS_ENTRY_PAGE (self));

  g_set_object (&self->entry, entry);
  gtk_widget_set_visible (GTK_WIDGET (self->star_button), FALSE);
  gtk_widget_set_visible (self->browser_button, FALSE);
  if (entry == NULL)
    {
      update_now (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  kind = plenary_entry_get_kind (entry);
  start = plenary_entry_get_start (entry);
  room = plenary_entry_get_room (entry);
  track = plenary_entry_get_track (entry);
  venue = plenary_entry_get_venue (entry);

  gtk_label_set_text (self->title_label, plenary_entry_get_full_title (entry));
  if (kind != PLENARY_ENTRY_KIND_BLOCK && plenary_entry_get_block (entry) != NULL)
    gtk_label_set_text (self->session_label,
                        plenary_entry_get_full_title (plenary_entry_get_block (entry)));
  else
    gtk_label_set_text (self->session_label, plenary_entry_get_session_title (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->session_label),
                          gtk_label_get_text (self->session_label)[0] != '\0'
                          && kind != PLENARY_ENTRY_KIND_BLOCK);

  if (start != NULL)
    {
      g_autoptr (GDateTime) day_start = g_date_time_to_timezone (start, event_zone);
      g_autofree char *day = plenary_format_day_long (day_start);
      g_autofree char *range = plenary_format_time_range_dual (start,
                                                               plenary_entry_get_end (entry),
                                                               event_zone, local_zone);

      /* Translators: day, then time range, e.g. "Monday 20 September, 07:00–07:40". */
      when = g_strdup_printf (_("%s, %s"), day, range);
    }
  else
    when = g_strdup (_("Not scheduled yet"));
  gtk_label_set_text (self->when_label, when);

  duration = plenary_format_duration (plenary_entry_get_duration (entry));
  set_row (self->duration_row, start != NULL ? duration : NULL);
  if (venue != NULL && venue[0] != '\0' && plenary_room_get_name (room)[0] != '\0')
    room_text = g_strdup_printf ("%s · %s", plenary_room_get_name (room), venue);
  else if (plenary_room_get_name (room)[0] != '\0')
    room_text = g_strdup (plenary_room_get_name (room));
  else
    room_text = g_strdup (venue);
  set_row (self->room_row, room_text);
  set_row (self->track_row, track != NULL ? plenary_track_get_title (track) : NULL);
  set_row (self->type_row, plenary_entry_get_type_name (entry));

  fill_speakers (self, entry);
  set_abstract (self, plenary_entry_get_description (entry));
  fill_attachments (self, entry);
  plenary_hide_decorative_images (GTK_WIDGET (self->speakers_list));
  plenary_hide_decorative_images (GTK_WIDGET (self->attachments_list));

  gtk_widget_set_visible (self->browser_button,
                          plenary_rich_text_is_safe_uri (plenary_entry_get_url (entry)));
  gtk_widget_set_visible (GTK_WIDGET (self->star_button),
                          self->editable && kind == PLENARY_ENTRY_KIND_CONTRIBUTION);
  gtk_widget_set_visible (self->notes_box, self->editable && kind != PLENARY_ENTRY_KIND_BLOCK);

  update_now (self);
  gtk_stack_set_visible_child_name (self->stack, "entry");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* "Happening now · 12 min left" while the talk is on. */
static void
update_now (PlenaryEntryPage *self)
{
  GDateTime *start = self->entry != NULL ? plenary_entry_get_start (self->entry) : NULL;
  GDateTime *end = self->entry != NULL ? plenary_entry_get_end (self->entry) : NULL;
  g_autofree char *text = NULL;

  if (self->now != NULL && start != NULL && end != NULL
      && g_date_time_compare (start, self->now) <= 0 && g_date_time_compare (self->now, end) < 0)
    {
      /* Rounded up: "1 min left" until the very end. */
      int left = (int) ((g_date_time_difference (end, self->now) + G_TIME_SPAN_MINUTE - 1)
                        / G_TIME_SPAN_MINUTE);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Happening now · %d min left",
                                           "Happening now · %d min left", left), left);
    }
  gtk_label_set_text (self->now_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->now_label), text != NULL);
}

void
plenary_entry_page_set_now (PlenaryEntryPage *self,
                            GDateTime        *now)
{
  g_return_if_fail (PLENARY_IS_ENTRY_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  update_now (self);
}

const char *
plenary_entry_page_get_now_text (PlenaryEntryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->now_label))
         ? gtk_label_get_text (self->now_label) : NULL;
}

void
plenary_entry_page_focus_back (PlenaryEntryPage *self)
{
  g_return_if_fail (PLENARY_IS_ENTRY_PAGE (self));

  if (gtk_widget_get_visible (self->back_button))
    gtk_widget_grab_focus (self->back_button);
}

PlenaryEntry *
plenary_entry_page_get_entry (PlenaryEntryPage *self)
{
  g_return_val_if_fail (PLENARY_IS_ENTRY_PAGE (self), NULL);

  return self->entry;
}

void
plenary_entry_page_set_starred (PlenaryEntryPage *self,
                                gboolean          starred)
{
  g_return_if_fail (PLENARY_IS_ENTRY_PAGE (self));

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->star_button, starred);
  self->updating = FALSE;
}

void
plenary_entry_page_set_note (PlenaryEntryPage *self,
                             const char       *note)
{
  g_return_if_fail (PLENARY_IS_ENTRY_PAGE (self));

  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            note != NULL ? note : "", -1);
  self->updating = FALSE;
}

static void
set_user_data_editable (PlenaryEntryPage *self,
                        gboolean          editable)
{
  self->editable = editable;
  if (self->entry != NULL)
    {
      PlenaryEntryKind kind = plenary_entry_get_kind (self->entry);

      gtk_widget_set_visible (GTK_WIDGET (self->star_button),
                              editable && kind == PLENARY_ENTRY_KIND_CONTRIBUTION);
      gtk_widget_set_visible (self->notes_box, editable && kind != PLENARY_ENTRY_KIND_BLOCK);
    }
}

void
plenary_entry_page_set_back_visible (PlenaryEntryPage *self,
                                     gboolean          visible)
{
  g_return_if_fail (PLENARY_IS_ENTRY_PAGE (self));

  gtk_widget_set_visible (self->back_button, visible);
}

static void
on_back_button_clicked (PlenaryEntryPage *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

/* Starred or not elsewhere (a row, a speaker's "Star All"): the star follows. The note is
 * left alone: it changes as the user types it here. */
static void
on_user_data_changed (PlenaryEntryPage *self,
                      const char       *key)
{
  const char *shown = self->entry != NULL ? plenary_entry_get_user_key (self->entry) : NULL;

  if (shown != NULL && (key == NULL || g_strcmp0 (key, shown) == 0))
    plenary_entry_page_set_starred (self, plenary_user_data_get_starred (self->user_data, shown));
}

void
plenary_entry_page_set_user_data (PlenaryEntryPage *self,
                                  PlenaryUserData  *user_data)
{
  const char *key;

  g_return_if_fail (PLENARY_IS_ENTRY_PAGE (self));

  if (self->user_data != user_data)
    {
      if (self->user_data != NULL)
        g_signal_handlers_disconnect_by_func (self->user_data, on_user_data_changed, self);
      g_set_object (&self->user_data, user_data);
      if (user_data != NULL)
        g_signal_connect_object (user_data, "changed", G_CALLBACK (on_user_data_changed), self,
                                 G_CONNECT_SWAPPED);
    }
  set_user_data_editable (self, user_data != NULL);
  key = self->entry != NULL ? plenary_entry_get_user_key (self->entry) : NULL;
  if (key == NULL || user_data == NULL)
    return;
  plenary_entry_page_set_starred (self, plenary_user_data_get_starred (user_data, key));
  plenary_entry_page_set_note (self, plenary_user_data_get_note (user_data, key));
}

/* The signals' own handlers: whichever view shows the page, a star or a note goes to the
 * user data given. */
static void
star_toggled_cb (PlenaryEntryPage *self,
                 PlenaryEntry     *entry,
                 gboolean          starred)
{
  if (self->user_data != NULL)
    plenary_user_data_set_starred (self->user_data, plenary_entry_get_user_key (entry), starred);
}

static void
note_changed_cb (PlenaryEntryPage *self,
                 PlenaryEntry     *entry,
                 const char       *note)
{
  if (self->user_data != NULL)
    plenary_user_data_set_note (self->user_data, plenary_entry_get_user_key (entry), note);
}

static void
on_browser_button_clicked (PlenaryEntryPage *self)
{
  if (self->entry != NULL)
    plenary_open_web_uri (GTK_WIDGET (self), plenary_entry_get_url (self->entry));
}

static void
on_star_button_toggled (PlenaryEntryPage *self)
{
  gboolean starred = gtk_toggle_button_get_active (self->star_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button),
                               starred ? _("Unstar") : _("Star"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  starred ? _("Unstar") : _("Star"), -1);
  if (!self->updating && self->entry != NULL)
    g_signal_emit (self, signals[STAR_TOGGLED], 0, self->entry, starred);
}

static void
on_notes_buffer_changed (PlenaryEntryPage *self,
                         GtkTextBuffer    *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || self->entry == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_signal_emit (self, signals[NOTE_CHANGED], 0, self->entry, text);
}

static void
on_speakers_list_row_activated (PlenaryEntryPage *self,
                                GtkListBoxRow    *row)
{
  PlenaryPerson *person = g_object_get_data (G_OBJECT (row), "person");

  if (person != NULL)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, person);
}

static void
on_attachments_list_row_activated (PlenaryEntryPage *self,
                                   GtkListBoxRow    *row)
{
  plenary_open_web_uri (GTK_WIDGET (self), g_object_get_data (G_OBJECT (row), "url"));
}

static void
plenary_entry_page_dispose (GObject *object)
{
  PlenaryEntryPage *self = PLENARY_ENTRY_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_ENTRY_PAGE);
  g_clear_object (&self->user_data);
  /* GTK 4.8 only unparents template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (plenary_entry_page_parent_class)->dispose (object);
}

static void
plenary_entry_page_class_init (PlenaryEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_entry_page_dispose;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, PLENARY_TYPE_PERSON);
  signals[STAR_TOGGLED] =
    g_signal_new_class_handler ("star-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (star_toggled_cb), NULL, NULL, NULL,
                                G_TYPE_NONE, 2, PLENARY_TYPE_ENTRY, G_TYPE_BOOLEAN);
  signals[NOTE_CHANGED] =
    g_signal_new_class_handler ("note-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (note_changed_cb), NULL, NULL, NULL,
                                G_TYPE_NONE, 2, PLENARY_TYPE_ENTRY, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-entry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, browser_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, star_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, session_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, now_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, room_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, track_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, speakers_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, speakers_heading);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, speakers_list);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, abstract_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, attachments_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, PlenaryEntryPage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_browser_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_star_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_speakers_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_attachments_list_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_entry_page_init (PlenaryEntryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_buffer_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->star_button), FALSE);
  gtk_widget_set_visible (self->browser_button, FALSE);
}
