/* plenary-reminders.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plenary-reminders.h"
#include "model/plenary-time.h"

/* How it decides: a reminder is due at start − lead. On every minute tick of the clock, each
 * starred talk whose due time passed since the previous check (checked_until, exclusive) and
 * which has not started yet is reminded. Nothing else keeps state, so a change of schedule,
 * stars or lead only needs the next due time recomputed, and a reminder whose time passed
 * before Plenary started (or before the talk was starred) never fires late.
 *
 * No timer of its own: Indico times are whole minutes and the lead is in minutes, so every
 * due time falls on a tick; and the clock already follows suspend, time zone changes and
 * rehearsal speeds, which a GLib timeout would not. */

struct _PlenaryReminders
{
  GObject          parent_instance;

  GApplication    *application;
  PlenaryClock    *clock;
  PlenarySchedule *schedule;
  PlenaryUserData *user_data;
  guint            lead_minutes;

  gint64           checked_until;   /* usec since the epoch, UTC */
  GHashTable      *fired;           /* "<user key>@<start usec>" */

  PlenaryEntry    *next;
  GDateTime       *next_at;
};

G_DEFINE_FINAL_TYPE (PlenaryReminders, plenary_reminders, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_CLOCK,
  PROP_SCHEDULE,
  PROP_USER_DATA,
  PROP_LEAD_MINUTES,
  N_PROPS
};

enum {
  REMINDER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_date_time_to_unix_usec() is GLib 2.80. */
static gint64
to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static gint64
get_now_usec (PlenaryReminders *self)
{
  g_autoptr (GDateTime) now = plenary_clock_get_now (self->clock);

  return to_usec (now);
}

static char *
fired_key (PlenaryEntry *entry)
{
  return g_strdup_printf ("%s@%" G_GINT64_FORMAT, plenary_entry_get_user_key (entry),
                          to_usec (plenary_entry_get_start (entry)));
}

/* The entries that may be reminded of, with their due and start times; FALSE for anything
 * but a scheduled contribution. */
static gboolean
get_times (PlenaryReminders *self,
           PlenaryEntry     *entry,
           gint64           *due,
           gint64           *start)
{
  if (entry == NULL
      || plenary_entry_get_kind (entry) != PLENARY_ENTRY_KIND_CONTRIBUTION
      || plenary_entry_get_start (entry) == NULL)
    return FALSE;

  *start = to_usec (plenary_entry_get_start (entry));
  *due = *start - (gint64) self->lead_minutes * 60 * G_USEC_PER_SEC;
  return TRUE;
}

static gboolean
is_active (PlenaryReminders *self)
{
  return self->clock != NULL && self->schedule != NULL && self->user_data != NULL
         && self->lead_minutes > 0;
}

static gboolean
was_fired (PlenaryReminders *self,
           PlenaryEntry     *entry)
{
  g_autofree char *key = fired_key (entry);

  return g_hash_table_contains (self->fired, key);
}

/* Recomputes the next reminder after any change. */
static void
rearm (PlenaryReminders *self)
{
  g_auto (GStrv) keys = NULL;
  PlenaryEntry *best = NULL;
  gint64 best_due = G_MAXINT64;
  gint64 after;

  g_clear_object (&self->next);
  g_clear_pointer (&self->next_at, g_date_time_unref);
  if (!is_active (self))
    return;

  after = MAX (get_now_usec (self), self->checked_until);
  keys = plenary_user_data_dup_starred (self->user_data);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      PlenaryEntry *entry = plenary_schedule_lookup_user_key (self->schedule, keys[i]);
      gint64 due, start;

      if (!get_times (self, entry, &due, &start) || due <= after || due >= best_due
          || was_fired (self, entry))
        continue;
      best = entry;
      best_due = due;
    }

  if (best != NULL)
    {
      g_autoptr (GDateTime) epoch = g_date_time_new_from_unix_utc (0);

      self->next = g_object_ref (best);
      self->next_at = g_date_time_add (epoch, best_due);
    }
}

static void
send_notification (PlenaryReminders *self,
                   PlenaryEntry     *entry,
                   gint64            now)
{
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  gint64 left = to_usec (plenary_entry_get_start (entry)) - now;
  guint minutes = (guint) ((left + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC));

  /* Usually the lead; fewer when the time jumped (resume from suspend) past the due time. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u minute: %s",
                                        "In %u minutes: %s", minutes),
                           minutes, plenary_entry_get_title (entry));

  body = plenary_reminders_dup_body (self->schedule, entry);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-entry", "s",
                                                plenary_entry_get_user_key (entry));
  /* One id per talk: a reminder for a moved talk replaces the earlier one. */
  id = g_strdup_printf ("reminder-%s", plenary_entry_get_user_key (entry));
  g_application_send_notification (self->application, id, notification);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  PlenaryEntry *entry_a = *(PlenaryEntry **) a;
  PlenaryEntry *entry_b = *(PlenaryEntry **) b;

  return g_date_time_compare (plenary_entry_get_start (entry_a),
                              plenary_entry_get_start (entry_b));
}

/* Reminds of every talk whose due time came since the last check, then re-arms. */
static void
check_due (PlenaryReminders *self)
{
  g_autoptr (GPtrArray) due_entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PlenarySchedule) schedule = NULL;
  gint64 now = get_now_usec (self);

  if (is_active (self))
    {
      g_auto (GStrv) keys = plenary_user_data_dup_starred (self->user_data);

      for (guint i = 0; keys[i] != NULL; i++)
        {
          PlenaryEntry *entry = plenary_schedule_lookup_user_key (self->schedule, keys[i]);
          gint64 due, start;

          if (!get_times (self, entry, &due, &start)
              || due <= self->checked_until || due > now || start <= now
              || was_fired (self, entry))
            continue;
          g_hash_table_add (self->fired, fired_key (entry));
          g_ptr_array_add (due_entries, g_object_ref (entry));
        }
      schedule = g_object_ref (self->schedule);
    }
  self->checked_until = MAX (self->checked_until, now);
  rearm (self);

  /* Last, as handlers may change the stars or the schedule under us. */
  g_ptr_array_sort (due_entries, compare_due);
  g_object_ref (self);
  for (guint i = 0; i < due_entries->len; i++)
    {
      PlenaryEntry *entry = g_ptr_array_index (due_entries, i);

      /* Sending needs the registered application (its bus name); so it is after startup. */
      if (self->application != NULL && schedule != NULL
          && g_application_get_is_registered (self->application))
        send_notification (self, entry, now);
      g_signal_emit (self, signals[REMINDER], 0, entry);
    }
  g_object_unref (self);
}

static void
on_clock_tick (PlenaryReminders *self,
               GDateTime        *instant)
{
  check_due (self);
}

static void
on_clock_time_changed (PlenaryReminders *self)
{
  /* Back in time: what lies ahead again may be reminded (each talk still only once).
   * Forward (a resume from suspend): keep the old mark, so the tick that follows reminds of
   * talks whose due time was slept through but which have not started yet. */
  self->checked_until = MIN (self->checked_until, get_now_usec (self));
  rearm (self);
}

static void
on_user_data_changed (PlenaryReminders *self,
                      const char       *key)
{
  rearm (self);
}

/* GObject */

static void
plenary_reminders_constructed (GObject *object)
{
  PlenaryReminders *self = PLENARY_REMINDERS (object);

  G_OBJECT_CLASS (plenary_reminders_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (plenary_clock_get_default ());
  g_signal_connect_object (self->clock, "tick", G_CALLBACK (on_clock_tick), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clock, "time-changed", G_CALLBACK (on_clock_time_changed),
                           self, G_CONNECT_SWAPPED);

  /* Start-up: only reminders still ahead count. */
  self->checked_until = get_now_usec (self);
  rearm (self);
}

static void
plenary_reminders_dispose (GObject *object)
{
  PlenaryReminders *self = PLENARY_REMINDERS (object);

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_data (self->user_data, self);
  g_clear_object (&self->clock);
  g_clear_object (&self->user_data);
  g_clear_object (&self->schedule);
  g_clear_object (&self->application);
  g_clear_object (&self->next);
  g_clear_pointer (&self->next_at, g_date_time_unref);

  G_OBJECT_CLASS (plenary_reminders_parent_class)->dispose (object);
}

static void
plenary_reminders_finalize (GObject *object)
{
  PlenaryReminders *self = PLENARY_REMINDERS (object);

  g_clear_pointer (&self->fired, g_hash_table_unref);

  G_OBJECT_CLASS (plenary_reminders_parent_class)->finalize (object);
}

static void
plenary_reminders_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlenaryReminders *self = PLENARY_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;
    case PROP_LEAD_MINUTES:
      g_value_set_uint (value, self->lead_minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_reminders_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlenaryReminders *self = PLENARY_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_SCHEDULE:
      plenary_reminders_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_USER_DATA:
      plenary_reminders_set_user_data (self, g_value_get_object (value));
      break;
    case PROP_LEAD_MINUTES:
      plenary_reminders_set_lead_minutes (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_reminders_class_init (PlenaryRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plenary_reminders_constructed;
  object_class->dispose = plenary_reminders_dispose;
  object_class->finalize = plenary_reminders_finalize;
  object_class->get_property = plenary_reminders_get_property;
  object_class->set_property = plenary_reminders_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL means plenary_clock_get_default(). */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, PLENARY_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, PLENARY_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_DATA] =
    g_param_spec_object ("user-data", NULL, NULL, PLENARY_TYPE_USER_DATA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_MINUTES] =
    g_param_spec_uint ("lead-minutes", NULL, NULL, 0, 24 * 60, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A starred talk is about to start; emitted once per talk and start time. */
  signals[REMINDER] =
    g_signal_new ("reminder", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, PLENARY_TYPE_ENTRY);
}

static void
plenary_reminders_init (PlenaryReminders *self)
{
  self->fired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PlenaryReminders *
plenary_reminders_new (GApplication *application,
                       PlenaryClock *clock)
{
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (clock == NULL || PLENARY_IS_CLOCK (clock), NULL);

  return g_object_new (PLENARY_TYPE_REMINDERS,
                       "application", application,
                       "clock", clock,
                       NULL);
}

PlenarySchedule *
plenary_reminders_get_schedule (PlenaryReminders *self)
{
  g_return_val_if_fail (PLENARY_IS_REMINDERS (self), NULL);
  return self->schedule;
}

void
plenary_reminders_set_schedule (PlenaryReminders *self,
                                PlenarySchedule  *schedule)
{
  g_return_if_fail (PLENARY_IS_REMINDERS (self));
  g_return_if_fail (schedule == NULL || PLENARY_IS_SCHEDULE (schedule));

  if (!g_set_object (&self->schedule, schedule))
    return;
  rearm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}

PlenaryUserData *
plenary_reminders_get_user_data (PlenaryReminders *self)
{
  g_return_val_if_fail (PLENARY_IS_REMINDERS (self), NULL);
  return self->user_data;
}

void
plenary_reminders_set_user_data (PlenaryReminders *self,
                                 PlenaryUserData  *user_data)
{
  g_return_if_fail (PLENARY_IS_REMINDERS (self));
  g_return_if_fail (user_data == NULL || PLENARY_IS_USER_DATA (user_data));

  if (self->user_data == user_data)
    return;
  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_data (self->user_data, self);
  g_set_object (&self->user_data, user_data);
  if (user_data != NULL)
    g_signal_connect_object (user_data, "changed", G_CALLBACK (on_user_data_changed), self,
                             G_CONNECT_SWAPPED);
  rearm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_DATA]);
}

guint
plenary_reminders_get_lead_minutes (PlenaryReminders *self)
{
  g_return_val_if_fail (PLENARY_IS_REMINDERS (self), 0);
  return self->lead_minutes;
}

void
plenary_reminders_set_lead_minutes (PlenaryReminders *self,
                                    guint             lead_minutes)
{
  g_return_if_fail (PLENARY_IS_REMINDERS (self));

  if (self->lead_minutes == lead_minutes)
    return;
  self->lead_minutes = lead_minutes;
  rearm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_MINUTES]);
}

PlenaryClock *
plenary_reminders_get_clock (PlenaryReminders *self)
{
  g_return_val_if_fail (PLENARY_IS_REMINDERS (self), NULL);
  return self->clock;
}

GApplication *
plenary_reminders_get_application (PlenaryReminders *self)
{
  g_return_val_if_fail (PLENARY_IS_REMINDERS (self), NULL);
  return self->application;
}

PlenaryEntry *
plenary_reminders_get_next (PlenaryReminders *self,
                            GDateTime       **fire_at)
{
  g_return_val_if_fail (PLENARY_IS_REMINDERS (self), NULL);

  if (fire_at != NULL)
    *fire_at = self->next_at != NULL ? g_date_time_ref (self->next_at) : NULL;
  return self->next;
}

/* In the event's zone; a time that occurs twice (the night clocks fall back) says which. */
static char *
format_time (GDateTime *time,
             GTimeZone *zone)
{
  g_autoptr (GDateTime) shown = g_date_time_to_timezone (time, zone);

  return g_date_time_format (shown, plenary_time_is_ambiguous (shown) ? "%H:%M %Z" : "%H:%M");
}

char *
plenary_reminders_dup_body (PlenarySchedule *schedule,
                            PlenaryEntry    *entry)
{
  GTimeZone *zone = plenary_schedule_get_timezone (schedule);
  const char *room = plenary_room_get_name (plenary_entry_get_room (entry));
  g_autofree char *start = format_time (plenary_entry_get_start (entry), zone);
  g_autofree char *times = NULL;

  if (plenary_entry_get_end (entry) != NULL)
    {
      g_autofree char *end = format_time (plenary_entry_get_end (entry), zone);

      /* Translators: a talk's start and end time */
      times = g_strdup_printf (_("%s–%s"), start, end);
    }
  else
    times = g_steal_pointer (&start);

  if (room != NULL && *room != '\0')
    /* Translators: a talk's room, then its times */
    return g_strdup_printf (_("%s · %s"), room, times);
  return g_steal_pointer (&times);
}
