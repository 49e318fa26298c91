/* plenary-add-event-dialog.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "indico/plenary-event-url.h"
#include "plenary-a11y.h"
#include "plenary-add-event-dialog.h"
#include "plenary-format.h"

struct _PlenaryAddEventDialog
{
  AdwWindow           parent_instance;

  PlenaryEventList   *events;
  PlenarySyncService *sync;
  PlenaryEvent       *found;        /* looked up, not followed yet */
  GCancellable       *cancellable;  /* of the current look-up */

  GtkEntry           *url_entry;
  GtkWidget          *look_up_button;
  GtkWidget          *follow_button;
  GtkSpinner         *spinner;
  GtkLabel           *title_label;
  GtkLabel           *status_label;
};

G_DEFINE_FINAL_TYPE (PlenaryAddEventDialog, plenary_add_event_dialog, ADW_TYPE_WINDOW)

enum {
  FOLLOWED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The host of @url ("lpc.events"), or @url itself when it has none. */
static char *
host_of (const char *url)
{
  g_autoptr (GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (url != NULL ? url : "");
}

/* One sentence that says what to do. Nobody follows this event yet, so the sync service's
 * "Plenary will try again later" would promise something that does not happen, and its
 * connection errors repeat libsoup's own text. */
char *
plenary_add_event_dialog_describe_error (const GError *error,
                                         const char   *url)
{
  g_autofree char *host = host_of (url);

  if (error->domain == PLENARY_SYNC_ERROR)
    switch (error->code)
      {
      case PLENARY_SYNC_ERROR_OFFLINE:
      case PLENARY_SYNC_ERROR_CONNECTION:
        /* Translators: %s is a server such as lpc.events. */
        return g_strdup_printf (_("Can’t reach %s. Check the link or your connection."), host);
      case PLENARY_SYNC_ERROR_TIMEOUT:
        return g_strdup_printf (_("%s did not answer in time. Check the link or your "
                                  "connection."), host);
      case PLENARY_SYNC_ERROR_TRUNCATED:
        return g_strdup_printf (_("The connection to %s broke before the programme arrived. "
                                  "Look it up again."), host);
      case PLENARY_SYNC_ERROR_RATE_LIMITED:
        return g_strdup_printf (_("%s asks Plenary to slow down. Look it up again in a few "
                                  "minutes."), host);
      case PLENARY_SYNC_ERROR_SERVER:
        return g_strdup_printf (_("%s is having trouble. Look it up again later."), host);
      default:
        break;
      }
  if (g_error_matches (error, PLENARY_EVENT_URL_ERROR, PLENARY_EVENT_URL_ERROR_RESOLVE))
    return g_strdup_printf (_("Can’t reach %s to follow the short link. Check the link or your "
                              "connection."), host);
  /* The others already are one sentence with what to do; end it like one. */
  if (g_str_has_suffix (error->message, ".") || g_str_has_suffix (error->message, "…"))
    return g_strdup (error->message);
  return g_strconcat (error->message, ".", NULL);
}

static void
show_status (PlenaryAddEventDialog *self,
             gboolean               busy,
             const char            *title,
             const char            *status,
             gboolean               error)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL);
  gtk_label_set_text (self->status_label, status ? status : "");
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->url_entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_entry), "error");
    }
  gtk_widget_set_sensitive (self->look_up_button, !busy);
  gtk_widget_set_sensitive (self->follow_button, !busy && self->found != NULL);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (PlenaryAddEventDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;
  g_autofree char *dates = NULL;
  g_autofree char *status = NULL;
  g_autofree char *venue = NULL;

  if (!plenary_sync_service_sync_finish (PLENARY_SYNC_SERVICE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = plenary_add_event_dialog_describe_error (
            error, plenary_event_get_server_base (self->found));

          g_clear_object (&self->found);
          show_status (self, FALSE, NULL, message, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->url_entry));
        }
      return;
    }

  schedule = plenary_event_get_schedule (self->found);
  {
    g_autoptr (GDateTime) start = g_date_time_to_timezone (plenary_schedule_get_start (schedule),
                                                           plenary_schedule_get_timezone (schedule));
    g_autoptr (GDateTime) end = g_date_time_to_timezone (plenary_schedule_get_end (schedule),
                                                         plenary_schedule_get_timezone (schedule));
    /* Translators: first and last day of an event, e.g. "20 September 2021 – 24 September 2021". */
    g_autofree char *from = g_date_time_format (start, _("%e %B %Y"));
    g_autofree char *to = g_date_time_format (end, _("%e %B %Y"));

    dates = g_strdup_printf ("%s – %s", g_strstrip (from), g_strstrip (to));
  }
  /* The venue isolated: a Latin one would take the count after it into its own run. */
  venue = plenary_format_isolate (plenary_schedule_get_venue (schedule));
  /* Translators: dates, venue and the number of talks of an event being added. */
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %u talk",
                                         "%s · %s · %u talks",
                                         plenary_schedule_get_n_contributions (schedule)),
                            dates, venue, plenary_schedule_get_n_contributions (schedule));
  show_status (self, FALSE, plenary_schedule_get_title (schedule), status, FALSE);
  gtk_widget_grab_focus (self->follow_button);
}

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (PlenaryAddEventDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *server_base = NULL;
  g_autofree char *event_id = NULL;
  g_autoptr (PlenaryEvent) candidate = NULL;
  PlenaryEvent *known;

  if (!plenary_event_url_resolve_finish (result, &server_base, &event_id, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = plenary_add_event_dialog_describe_error (
            error, gtk_editable_get_text (GTK_EDITABLE (self->url_entry)));

          show_status (self, FALSE, NULL, message, TRUE);
        }
      return;
    }

  candidate = plenary_event_new (server_base, event_id);
  known = plenary_event_list_lookup (self->events, plenary_event_get_key (candidate));
  if (known != NULL)
    {
      g_set_object (&self->found, known);
      show_status (self, FALSE, plenary_event_get_title (known),
                   _("You already follow this event."), FALSE);
      return;
    }

  g_set_object (&self->found, candidate);
  show_status (self, TRUE, NULL, _("Fetching the programme…"), FALSE);
  plenary_sync_service_sync_async (self->sync, candidate, TRUE, self->cancellable, synced_cb,
                                   g_object_ref (self));
}

void
plenary_add_event_dialog_look_up (PlenaryAddEventDialog *self,
                                  const char            *url)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PLENARY_IS_ADD_EVENT_DIALOG (self));

  if (url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->url_entry), url);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_entry))));
  if (text[0] == '\0')
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->found);
  show_status (self, TRUE, NULL, _("Looking up the event…"), FALSE);
  plenary_event_url_resolve_async (plenary_sync_service_get_session (self->sync), text,
                                   self->cancellable, resolved_cb, g_object_ref (self));
}

static void
on_look_up (PlenaryAddEventDialog *self)
{
  plenary_add_event_dialog_look_up (self, NULL);
}

static void
on_url_entry_changed (PlenaryAddEventDialog *self)
{
  /* A different link needs a new look-up before anything can be followed. */
  g_clear_object (&self->found);
  gtk_widget_set_sensitive (self->follow_button, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_entry), "error");
}

gboolean
plenary_add_event_dialog_can_follow (PlenaryAddEventDialog *self)
{
  g_return_val_if_fail (PLENARY_IS_ADD_EVENT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->follow_button);
}

void
plenary_add_event_dialog_follow (PlenaryAddEventDialog *self)
{
  PlenaryEvent *event;

  g_return_if_fail (PLENARY_IS_ADD_EVENT_DIALOG (self));

  if (self->found == NULL)
    return;
  event = plenary_event_list_add (self->events, self->found);
  g_signal_emit (self, signals[FOLLOWED], 0, event);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_follow_button_clicked (PlenaryAddEventDialog *self)
{
  plenary_add_event_dialog_follow (self);
}

PlenaryAddEventDialog *
plenary_add_event_dialog_new (GtkWindow          *parent,
                              PlenaryEventList   *events,
                              PlenarySyncService *sync)
{
  PlenaryAddEventDialog *self = g_object_new (PLENARY_TYPE_ADD_EVENT_DIALOG,
                                              "transient-for", parent, NULL);

  self->events = g_object_ref (events);
  self->sync = g_object_ref (sync);
  /* The look-up's sync starts with the secret store and the proxy settings: reached while
   * the link is pasted, not after Return. */
  plenary_sync_service_prepare (sync);
  return self;
}

static void
plenary_add_event_dialog_dispose (GObject *object)
{
  PlenaryAddEventDialog *self = PLENARY_ADD_EVENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->found);
  g_clear_object (&self->events);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (plenary_add_event_dialog_parent_class)->dispose (object);
}

static void
plenary_add_event_dialog_class_init (PlenaryAddEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plenary_add_event_dialog_dispose;

  signals[FOLLOWED] = g_signal_new ("followed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, PLENARY_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/plenary-add-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlenaryAddEventDialog, url_entry);
  gtk_widget_class_bind_template_child (widget_class, PlenaryAddEventDialog, look_up_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryAddEventDialog, follow_button);
  gtk_widget_class_bind_template_child (widget_class, PlenaryAddEventDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlenaryAddEventDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlenaryAddEventDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_look_up);
  gtk_widget_class_bind_template_callback (widget_class, on_url_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_button_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plenary_add_event_dialog_init (PlenaryAddEventDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  plenary_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  show_status (self, FALSE, NULL, NULL, FALSE);
  /* Opened to paste a link: typing and Enter look it up, nothing closes the dialog. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->url_entry));
}
