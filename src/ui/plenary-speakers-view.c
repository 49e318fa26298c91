/* plenary-speakers-view.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plenary-a11y.h"
#include "plenary-count-row.h"
#include "plenary-entry-row.h"
#include "plenary-format.h"
#include "plenary-speakers-view.h"
#include "plenary-view.h"

struct _PlenarySpeakersView
{
  GtkWidget         parent_instance;

  PlenarySchedule  *schedule;
  PlenaryUserData  *user_data;      /* the interface's; no stars shown here */
  PlenaryClock     *clock;          /* the interface's; nothing here tells the time */
  PlenaryPerson    *person;
  GHashTable       *folded;        /* PlenaryPerson → "name\naffiliation", folded */
  GHashTable       *counts;        /* PlenaryPerson → talks */
  GHashTable       *convened;      /* PlenaryPerson → convened blocks */
  GListStore       *items;
  GListStore       *entries;
  char             *query;

  AdwLeaflet       *leaflet;
  GtkSearchEntry   *search_entry;
  GtkStack         *list_stack;
  GtkGridView      *list_view;
  AdwStatusPage    *empty_page;
  GtkWidget        *back_button;
  GtkWidget        *star_all_button;
  GtkStack         *person_stack;
  GtkLabel         *name_label;
  GtkLabel         *affiliation_label;
  GtkGridView      *entries_view;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PlenarySpeakersView, plenary_speakers_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLENARY_TYPE_VIEW, NULL))

enum {
  STAR_ENTRIES,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_USER_DATA,
  PROP_CLOCK,
};

static guint signals[N_SIGNALS];

/* The letter a person is filed under: their sort key starts with the family name. */
static char *
index_letter (PlenaryPerson *person)
{
  const char *key = plenary_person_get_sort_key (person);
  gunichar c = key != NULL && key[0] != '\0' ? g_utf8_get_char (key) : 0;
  char buffer[8] = { 0 };

  if (!g_unichar_isalpha (c))
    return g_strdup ("#");
  g_unichar_to_utf8 (g_unichar_toupper (c), buffer);
  return g_strdup (buffer);
}

static void
rebuild (PlenarySpeakersView *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *letter = NULL;
  GListModel *people;

  if (self->schedule != NULL)
    {
      people = plenary_schedule_get_people (self->schedule);
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr (PlenaryPerson) person = g_list_model_get_item (people, i);
          g_autofree char *person_letter = NULL;

          if (self->query != NULL
              && !plenary_search_matches (g_hash_table_lookup (self->folded, person), self->query))
            continue;
          person_letter = index_letter (person);
          if (g_strcmp0 (letter, person_letter) != 0)
            {
              g_ptr_array_add (items, gtk_string_object_new (person_letter));
              g_free (letter);
              letter = g_steal_pointer (&person_letter);
            }
          g_ptr_array_add (items, g_steal_pointer (&person));
        }
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      adw_status_page_set_icon_name (self->empty_page, self->query ? "edit-find-symbolic"
                                                                   : "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, self->query ? _("No Results")
                                                               : _("No Speakers"));
      adw_status_page_set_description (self->empty_page,
                                       self->query ? _("Nobody with that name or affiliation")
                                                   : _("This programme names no speakers yet"));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

/* Talks and convened blocks, merged in time order. */
static void
fill_person_entries (PlenarySpeakersView *self,
                     GPtrArray           *out)
{
  g_autoptr (GListModel) talks = plenary_schedule_get_person_entries (self->schedule,
                                                                      self->person);
  g_autoptr (GListModel) blocks = plenary_schedule_get_person_blocks (self->schedule,
                                                                      self->person);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    g_ptr_array_add (out, g_list_model_get_item (blocks, i));
  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    g_ptr_array_add (out, g_list_model_get_item (talks, i));
}

static int
compare_entries_by_start (gconstpointer a,
                          gconstpointer b)
{
  PlenaryEntry *x = *(PlenaryEntry **) a;
  PlenaryEntry *y = *(PlenaryEntry **) b;
  GDateTime *xs = plenary_entry_get_start (x);
  GDateTime *ys = plenary_entry_get_start (y);

  if (xs == NULL || ys == NULL)
    return (xs == NULL) - (ys == NULL);
  return g_date_time_compare (xs, ys);
}

/* "2 talks", "1 session", "2 talks, 1 session": what a person's page lists. */
char *
plenary_speakers_view_format_count (guint talks,
                                    guint sessions)
{
  g_autofree char *talks_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk",
                                                              "%u talks", talks), talks);
  g_autofree char *sessions_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%u session", "%u sessions",
                                                                 sessions), sessions);

  if (sessions == 0)
    return g_steal_pointer (&talks_text);
  if (talks == 0)
    return g_steal_pointer (&sessions_text);
  /* Translators: a speaker's talks and the sessions they chair, "2 talks, 1 session". */
  return g_strdup_printf (C_("talks and sessions", "%s, %s"), talks_text, sessions_text);
}


void
plenary_speakers_view_show_person (PlenarySpeakersView *self,
                                   PlenaryPerson       *person)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  const char *affiliation;

  g_return_if_fail (PLENARY_IS_SPEAKERS_VIEW (self));

  g_set_object (&self->person, person);
  plenary_count_rows_show_open (GTK_WIDGET (self->list_view), person);
  if (person == NULL || self->schedule == NULL)
    {
      g_list_store_remove_all (self->entries);
      gtk_stack_set_visible_child_name (self->person_stack, "empty");
      gtk_widget_set_visible (self->star_all_button, FALSE);
      return;
    }

  fill_person_entries (self, entries);
  g_ptr_array_sort (entries, compare_entries_by_start);
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);

  gtk_label_set_text (self->name_label, plenary_person_get_name (person));
  affiliation = plenary_person_get_affiliation (person);
  gtk_label_set_text (self->affiliation_label, affiliation);
  gtk_widget_set_visible (GTK_WIDGET (self->affiliation_label), affiliation[0] != '\0');
  gtk_widget_set_visible (self->star_all_button, TRUE);
  gtk_stack_set_visible_child_name (self->person_stack, "person");
  adw_leaflet_set_visible_child_name (self->leaflet, "person");
}

PlenaryPerson *
plenary_speakers_view_get_person (PlenarySpeakersView *self)
{
  g_return_val_if_fail (PLENARY_IS_SPEAKERS_VIEW (self), NULL);

  return self->person;
}

GListModel *
plenary_speakers_view_get_entries (PlenarySpeakersView *self)
{
  g_return_val_if_fail (PLENARY_IS_SPEAKERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->entries);
}

GListModel *
plenary_speakers_view_get_model (PlenarySpeakersView *self)
{
  g_return_val_if_fail (PLENARY_IS_SPEAKERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}

void
plenary_speakers_view_set_search (PlenarySpeakersView *self,
                                  const char          *text)
{
  g_autofree char *folded = plenary_fold_for_search (text);

  g_return_if_fail (PLENARY_IS_SPEAKERS_VIEW (self));

  g_strstrip (folded);
  g_clear_pointer (&self->query, g_free);
  if (folded[0] != '\0')
    self->query = g_steal_pointer (&folded);
  rebuild (self);
}

void
plenary_speakers_view_set_schedule (PlenarySpeakersView *self,
                                    PlenarySchedule     *schedule)
{
  g_autoptr (PlenaryPerson) same = NULL;
  GListModel *people;

  g_return_if_fail (PLENARY_IS_SPEAKERS_VIEW (self));

  /* Only in a new copy of the same event: another event's person of the same key (the same
   * Indico id on another server) is another person. */
  if (self->person != NULL && plenary_view_same_event (self->schedule, schedule))
    {
      PlenaryPerson *found = plenary_schedule_lookup_person (schedule,
                                                             plenary_person_get_key (self->person));

      same = found != NULL ? g_object_ref (found) : NULL;
    }

  g_set_object (&self->schedule, schedule);
  g_hash_table_remove_all (self->folded);
  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->convened);
  people = schedule != NULL ? plenary_schedule_get_people (schedule) : NULL;
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (PlenaryPerson) person = g_list_model_get_item (people, i);
      g_autofree char *text = g_strdup_printf ("%s\n%s", plenary_person_get_name (person),
                                               plenary_person_get_affiliation (person));

      g_autoptr (GListModel) talks = plenary_schedule_get_person_entries (schedule, person);
      g_autoptr (GListModel) blocks = plenary_schedule_get_person_blocks (schedule, person);

      g_hash_table_insert (self->counts, person,
                           GUINT_TO_POINTER (g_list_model_get_n_items (talks)));
      g_hash_table_insert (self->convened, person,
                           GUINT_TO_POINTER (g_list_model_get_n_items (blocks)));
      g_hash_table_insert (self->folded, person, plenary_fold_for_search (text));
    }
  rebuild (self);
  /* The person stays on screen across a sync while they are still in the programme. */
  plenary_speakers_view_show_person (self, same);
}

static void
on_person_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (item, plenary_count_row_new ());
}

static void
on_person_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PlenarySpeakersView      *self)
{
  GObject *object = gtk_list_item_get_item (item);
  PlenaryPerson *person;
  guint talks, sessions;
  const char *affiliation;
  g_autofree char *count = NULL;
  g_autofree char *a11y = NULL;

  gtk_list_item_set_activatable (item, PLENARY_IS_PERSON (object));
  /* "Selectable" only because GTK 4.8 gives the keyboard focus to no row that is not; the
   * model (GtkNoSelection) selects nothing. */
  gtk_list_item_set_selectable (item, TRUE);
  if (GTK_IS_STRING_OBJECT (object))
    {
      plenary_count_row_set (gtk_list_item_get_child (item),
                             gtk_string_object_get_string (GTK_STRING_OBJECT (object)), NULL,
                             NULL, NULL, TRUE);
      plenary_count_row_set_item (gtk_list_item_get_child (item), object, FALSE);
      return;
    }

  person = PLENARY_PERSON (object);
  talks = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, person));
  sessions = GPOINTER_TO_UINT (g_hash_table_lookup (self->convened, person));
  affiliation = plenary_person_get_affiliation (person);
  count = plenary_speakers_view_format_count (talks, sessions);
  if (affiliation[0] != '\0')
    /* Translators: a speaker row for screen readers: name, affiliation, "2 talks". */
    a11y = g_strdup_printf (C_("speaker row", "%s, %s, %s"), plenary_person_get_name (person),
                            affiliation, count);
  else
    a11y = g_strdup_printf (C_("speaker row", "%s, %s"), plenary_person_get_name (person), count);
  /* Without an affiliation the line stays, empty: every person's row is one height. */
  plenary_count_row_set (gtk_list_item_get_child (item), plenary_person_get_name (person),
                         affiliation, count, a11y, FALSE);
  plenary_count_row_set_item (gtk_list_item_get_child (item), person, person == self->person);
}

static void
fill_entries_context (gpointer           user_data,
                      PlenaryRowContext *context)
{
  PlenarySpeakersView *self = user_data;

  *context = (PlenaryRowContext) {
    .zone = self->schedule ? plenary_schedule_get_timezone (self->schedule) : NULL,
    .density = PLENARY_DENSITY_DETAILED,
    .show_day = TRUE,
  };
}

static void
on_list_view_activate (PlenarySpeakersView *self,
                       guint                position)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (PLENARY_IS_PERSON (item))
    plenary_speakers_view_show_person (self, PLENARY_PERSON (item));
}

static void
on_entries_view_activate (PlenarySpeakersView *self,
                          guint                position)
{
  g_autoptr (PlenaryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  plenary_view_entry_activated (PLENARY_VIEW (self), entry);
}

static void
on_back_button_clicked (PlenarySpeakersView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_star_all_button_clicked (PlenarySpeakersView *self)
{
  g_signal_emit (self, signals[STAR_ENTRIES], 0, self->entries);
}

static void
on_search_entry_search_changed (PlenarySpeakersView *self)
{
  plenary_speakers_view_set_search (self,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_leaflet_folded (PlenarySpeakersView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
plenary_speakers_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlenarySpeakersView *self = PLENARY_SPEAKERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_speakers_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlenarySpeakersView *self = PLENARY_SPEAKERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      plenary_speakers_view_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_USER_DATA:
      g_set_object (&self->user_data, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      /* Never NULL, as in every view: whoever asks a view for its clock tells the time by it. */
      g_return_if_fail (PLENARY_IS_CLOCK (g_value_get_object (value)));
      if (g_set_object (&self->clock, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_speakers_view_dispose (GObject *object)
{
  PlenarySpeakersView *self = PLENARY_SPEAKERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLENARY_TYPE_SPEAKERS_VIEW);
  g_clear_object (&self->user_data);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->convened, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->entries);
  g_clear_object (&self->person);
  g_clear_object (&self->schedule);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (plenary_speakers_view_parent_class)->dispose (object);
}

static void
plenary_speakers_view_class_init (PlenarySpeakersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = plenary_speakers_view_get_property;
  object_class->set_property = plenary_speakers_view_set_property;
  object_class->dispose = plenary_speakers_view_dispose;

  g_object_class_override_property (object_class, PROP_SCHEDULE, "schedule");
  g_object_class_override_property (object_class, PROP_USER_DATA, "user-data");
  g_object_class_override_property (object_class, PROP_CLOCK, "clock");

  signals[STAR_ENTRIES] = g_signal_new ("star-entries", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/plenary-speakers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, star_all_button);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, person_stack);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, name_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, affiliation_label);
  gtk_widget_class_bind_template_child (widget_class, PlenarySpeakersView, entries_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entries_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_star_all_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plenary_speakers_view_init (PlenarySpeakersView *self)
{
  g_autoptr (GtkListItemFactory) people_factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) entries_factory = NULL;
  g_autoptr (GtkNoSelection) people_selection = NULL;
  g_autoptr (GtkNoSelection) entries_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_view_settle_leaflet (self->leaflet);
  self->clock = g_object_ref (plenary_clock_get_default ());
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->folded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->counts = g_hash_table_new (NULL, NULL);
  self->convened = g_hash_table_new (NULL, NULL);
  self->items = g_list_store_new (G_TYPE_OBJECT);
  self->entries = g_list_store_new (PLENARY_TYPE_ENTRY);

  g_signal_connect (people_factory, "setup", G_CALLBACK (on_person_setup), self);
  g_signal_connect (people_factory, "bind", G_CALLBACK (on_person_bind), self);
  gtk_grid_view_set_factory (self->list_view, people_factory);
  people_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (people_selection));

  entries_factory = plenary_entry_row_factory_new (fill_entries_context, self);
  gtk_grid_view_set_factory (self->entries_view, entries_factory);
  entries_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_grid_view_set_model (self->entries_view, GTK_SELECTION_MODEL (entries_selection));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_folded), self,
                           G_CONNECT_SWAPPED);
  on_leaflet_folded (self);
  plenary_speakers_view_show_person (self, NULL);
  rebuild (self);
}
