/* plenary-clock.c: an injectable "now", for tests and for rehearsing a chair session
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "plenary-clock.h"

/* Times are kept as microseconds since the Unix epoch (UTC). Rehearsal time is measured on
 * the monotonic clock, so a change of the wall clock does not disturb a rehearsal. Timers
 * also run on the monotonic clock, which stops during suspend on Linux: that is why the
 * clock listens to logind and re-reads the time on resume.
 *
 * The local zone comes from systemd-timedated (org.freedesktop.timedate1) where the system
 * bus has it, and from /etc/localtime otherwise. Inside a Flatpak sandbox /etc/localtime is
 * a copy made at start-up that never changes, so only timedate1 sees the host's zone move:
 * the clock asks it at start, follows its PropertiesChanged, and asks again on resume. */

struct _PlenaryClock
{
  GObject           parent_instance;

  PlenaryClockMode  mode;
  double            speed;
  gboolean          seconds;

  gint64            fixed_usec;        /* FIXED: the time; REHEARSAL: time at mono_origin */
  gint64            mono_origin;       /* REHEARSAL: monotonic time at fixed_usec */
  gint64            last_tick;         /* the boundary last announced, to never repeat one */

  guint             timeout_id;

  char             *localtime_path;
  GTimeZone        *timezone;
  GFileMonitor     *timezone_monitor;

  char             *timedate_zone;     /* what timedate1 last said; NULL: ask the file */

  gboolean          watch_system;
  GCancellable     *cancellable;
  GDBusConnection  *system_bus;
  guint             sleep_subscription;
  guint             timedate_subscription;
};

G_DEFINE_FINAL_TYPE (PlenaryClock, plenary_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODE,
  PROP_SPEED,
  PROP_SECONDS,
  PROP_TIMEZONE,
  PROP_LOCALTIME_PATH,
  PROP_WATCH_SYSTEM,
  PROP_SYSTEM_BUS,
  N_PROPS
};

enum {
  TICK,
  TIME_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GType
plenary_clock_mode_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { PLENARY_CLOCK_MODE_SYSTEM, "PLENARY_CLOCK_MODE_SYSTEM", "system" },
        { PLENARY_CLOCK_MODE_FIXED, "PLENARY_CLOCK_MODE_FIXED", "fixed" },
        { PLENARY_CLOCK_MODE_REHEARSAL, "PLENARY_CLOCK_MODE_REHEARSAL", "rehearsal" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("PlenaryClockMode"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static gint64
now_usec (PlenaryClock *self)
{
  switch (self->mode)
    {
    case PLENARY_CLOCK_MODE_FIXED:
      return self->fixed_usec;
    case PLENARY_CLOCK_MODE_REHEARSAL:
      return self->fixed_usec
             + (gint64) ((double) (g_get_monotonic_time () - self->mono_origin) * self->speed);
    case PLENARY_CLOCK_MODE_SYSTEM:
    default:
      return g_get_real_time ();
    }
}

static gint64
unit_usec (PlenaryClock *self)
{
  return self->seconds ? G_USEC_PER_SEC : 60 * G_USEC_PER_SEC;
}

static gint64
floor_to_unit (gint64 usec,
               gint64 unit)
{
  gint64 r = usec % unit;

  return r < 0 ? usec - r - unit : usec - r;
}

static GDateTime *
datetime_from_usec (gint64 usec)
{
  g_autoptr (GDateTime) seconds = g_date_time_new_from_unix_utc (floor_to_unit (usec, G_USEC_PER_SEC)
                                                                 / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec - floor_to_unit (usec, G_USEC_PER_SEC));
}

/* g_date_time_to_unix_usec() is GLib 2.80. */
static gint64
datetime_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static void schedule_tick (PlenaryClock *self);

static void
emit_tick (PlenaryClock *self,
           gint64        boundary)
{
  g_autoptr (GDateTime) instant = datetime_from_usec (boundary);

  self->last_tick = boundary;
  g_signal_emit (self, signals[TICK], 0, instant);
}

static gboolean
on_timeout (gpointer user_data)
{
  PlenaryClock *self = user_data;
  gint64 boundary = floor_to_unit (now_usec (self), unit_usec (self));

  self->timeout_id = 0;
  /* Timers may fire a little early against the wall clock; then there is nothing to say yet. */
  if (boundary > self->last_tick)
    emit_tick (self, boundary);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_tick (PlenaryClock *self)
{
  gint64 now, next, delay_usec;
  guint delay_ms;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->mode == PLENARY_CLOCK_MODE_FIXED)
    return;

  now = now_usec (self);
  next = floor_to_unit (now, unit_usec (self)) + unit_usec (self);
  delay_usec = (gint64) ceil ((double) (next - now) / self->speed);
  delay_ms = (guint) CLAMP ((delay_usec + 999) / 1000, 1, G_MAXINT);
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                         delay_ms, on_timeout, self, NULL);
}

/* After any jump: tell views to re-evaluate everything, then continue ticking from here. */
static void
time_jumped (PlenaryClock *self)
{
  gint64 boundary = floor_to_unit (now_usec (self), unit_usec (self));

  g_signal_emit (self, signals[TIME_CHANGED], 0);
  emit_tick (self, boundary);
  schedule_tick (self);
}

static void
set_mode (PlenaryClock     *self,
          PlenaryClockMode  mode,
          double            speed)
{
  if (self->mode != mode)
    {
      self->mode = mode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  if (self->speed != speed)
    {
      self->speed = speed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
    }
}

/* Time zone */

/* The system's zone as an IANA name where /etc/localtime says it ("…/zoneinfo/Europe/Paris"),
 * since GLib caches its local zone for the life of the process. TZ, when set, wins. */
static GTimeZone *
read_local_timezone (PlenaryClock *self)
{
  g_autofree char *target = NULL;
  const char *zoneinfo;
  GTimeZone *tz = NULL;

  if (g_getenv ("TZ") != NULL)
    return g_time_zone_new_local ();
  if (self->timedate_zone != NULL && (tz = g_time_zone_new_identifier (self->timedate_zone)))
    return tz;
  if (self->localtime_path == NULL)
    return g_time_zone_new_local ();

  target = g_file_read_link (self->localtime_path, NULL);
  if (target != NULL && (zoneinfo = strstr (target, "zoneinfo/")) != NULL)
    tz = g_time_zone_new_identifier (zoneinfo + strlen ("zoneinfo/"));
  if (tz == NULL && g_file_test (self->localtime_path, G_FILE_TEST_EXISTS))
    tz = g_time_zone_new_identifier (self->localtime_path);
  return tz != NULL ? tz : g_time_zone_new_local ();
}

static void
update_timezone (PlenaryClock *self)
{
  g_autoptr (GTimeZone) tz = read_local_timezone (self);

  if (self->timezone != NULL
      && g_strcmp0 (g_time_zone_get_identifier (tz), g_time_zone_get_identifier (self->timezone)) == 0)
    return;
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  self->timezone = g_steal_pointer (&tz);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

/* Re-reads the zone; a different one is a jump for everything shown in local time. */
static void
timezone_maybe_changed (PlenaryClock *self)
{
  g_autofree char *old_id = g_strdup (g_time_zone_get_identifier (self->timezone));

  update_timezone (self);
  if (g_strcmp0 (old_id, g_time_zone_get_identifier (self->timezone)) != 0)
    {
      g_debug ("Time zone changed from %s to %s", old_id,
               g_time_zone_get_identifier (self->timezone));
      time_jumped (self);
    }
}

static void
on_timezone_monitor_changed (GFileMonitor      *monitor,
                             GFile             *file,
                             GFile             *other_file,
                             GFileMonitorEvent  event,
                             gpointer           user_data)
{
  PlenaryClock *self = user_data;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_DELETED && event != G_FILE_MONITOR_EVENT_CHANGED)
    return;
  /* The file changed after timedate1 last spoke (someone relinked it by hand): it is newer. */
  g_clear_pointer (&self->timedate_zone, g_free);
  timezone_maybe_changed (self);
}

/* timedate1 */

#define TIMEDATE_NAME "org.freedesktop.timedate1"
#define TIMEDATE_PATH "/org/freedesktop/timedate1"

static void
set_timedate_zone (PlenaryClock *self,
                   const char   *zone)
{
  g_autoptr (GTimeZone) tz = NULL;

  /* Only a zone this system's tzdata knows, never UTC by accident for a name it does not. */
  if (zone == NULL || *zone == '\0' || (tz = g_time_zone_new_identifier (zone)) == NULL)
    {
      g_debug ("timedate1 sent a time zone that is not known here: %s", zone ? zone : "(none)");
      return;
    }
  g_free (self->timedate_zone);
  self->timedate_zone = g_strdup (zone);
  timezone_maybe_changed (self);
}

static void
on_timedate_get_ready (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (PlenaryClock) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) value = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No timedated (a container, a minimal system): the file is all there is. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not ask timedate1 for the time zone: %s", error->message);
      return;
    }
  g_variant_get (reply, "(v)", &value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    set_timedate_zone (self, g_variant_get_string (value, NULL));
}

/* Asks timedate1 for the zone; this starts timedated if it is not running, as it exits
 * when idle. */
static void
query_timedate_zone (PlenaryClock *self)
{
  if (self->system_bus == NULL || !self->watch_system)
    return;
  g_dbus_connection_call (self->system_bus, TIMEDATE_NAME, TIMEDATE_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", TIMEDATE_NAME, "Timezone"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_timedate_get_ready, g_object_ref (self));
}

static void
on_timedate_properties_changed (GDBusConnection *connection,
                                const char      *sender_name,
                                const char      *object_path,
                                const char      *interface_name,
                                const char      *signal_name,
                                GVariant        *parameters,
                                gpointer         user_data)
{
  PlenaryClock *self = user_data;
  g_autoptr (GVariant) changed = NULL;
  g_autofree const char **invalidated = NULL;
  const char *interface = NULL;
  const char *zone = NULL;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sa{sv}as)")))
    return;
  g_variant_get (parameters, "(&s@a{sv}^a&s)", &interface, &changed, &invalidated);
  if (g_strcmp0 (interface, TIMEDATE_NAME) != 0)
    return;
  if (g_variant_lookup (changed, "Timezone", "&s", &zone))
    set_timedate_zone (self, zone);
  else if (g_strv_contains (invalidated, "Timezone"))
    query_timedate_zone (self);
}

static void
watch_timezone (PlenaryClock *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (self->localtime_path == NULL)
    return;
  file = g_file_new_for_path (self->localtime_path);
  /* The default monitor watches the directory entry, so it sees the symlink replaced. */
  self->timezone_monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->timezone_monitor == NULL)
    {
      g_debug ("Not watching %s for time zone changes: %s", self->localtime_path, error->message);
      return;
    }
  g_signal_connect_object (self->timezone_monitor, "changed",
                           G_CALLBACK (on_timezone_monitor_changed), self, 0);
}

/* Suspend and resume */

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  PlenaryClock *self = user_data;
  gboolean going_to_sleep = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    {
      g_debug ("Resumed: re-reading the time and the time zone");
      plenary_clock_resync (self);
    }
}

static void
watch_system_bus (PlenaryClock    *self,
                  GDBusConnection *bus)
{
  self->system_bus = g_object_ref (bus);
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep, self,
                                        NULL);
  self->timedate_subscription =
    g_dbus_connection_signal_subscribe (bus, TIMEDATE_NAME,
                                        "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                        TIMEDATE_PATH, TIMEDATE_NAME,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_timedate_properties_changed, self, NULL);
  /* As GNOME Calendar's monitor does on start; in a sandbox the file may already be stale. */
  query_timedate_zone (self);
}

static void
on_system_bus_ready (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (PlenaryClock) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      /* No system bus (a container, a test): the clock just does not see resumes. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no resume notifications: %s", error->message);
      return;
    }
  watch_system_bus (self, bus);
}

/* GObject */

static void
plenary_clock_constructed (GObject *object)
{
  PlenaryClock *self = PLENARY_CLOCK (object);

  G_OBJECT_CLASS (plenary_clock_parent_class)->constructed (object);

  update_timezone (self);
  watch_timezone (self);
  schedule_tick (self);

  if (self->watch_system)
    {
      self->cancellable = g_cancellable_new ();
      if (self->system_bus != NULL)
        {
          g_autoptr (GDBusConnection) bus = g_steal_pointer (&self->system_bus);

          watch_system_bus (self, bus);
        }
      else
        {
          /* DBUS_SYSTEM_BUS_ADDRESS, when set, points this elsewhere. */
          g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus_ready,
                     g_object_ref (self));
        }
    }
}

static void
plenary_clock_dispose (GObject *object)
{
  PlenaryClock *self = PLENARY_CLOCK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  if (self->timedate_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->timedate_subscription);
  self->timedate_subscription = 0;
  g_clear_object (&self->system_bus);
  if (self->timezone_monitor != NULL)
    g_file_monitor_cancel (self->timezone_monitor);
  g_clear_object (&self->timezone_monitor);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (plenary_clock_parent_class)->dispose (object);
}

static void
plenary_clock_finalize (GObject *object)
{
  PlenaryClock *self = PLENARY_CLOCK (object);

  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_free (self->localtime_path);
  g_free (self->timedate_zone);

  G_OBJECT_CLASS (plenary_clock_parent_class)->finalize (object);
}

static void
plenary_clock_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlenaryClock *self = PLENARY_CLOCK (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    case PROP_SECONDS:
      g_value_set_boolean (value, self->seconds);
      break;
    case PROP_TIMEZONE:
      g_value_set_boxed (value, self->timezone);
      break;
    case PROP_LOCALTIME_PATH:
      g_value_set_string (value, self->localtime_path);
      break;
    case PROP_WATCH_SYSTEM:
      g_value_set_boolean (value, self->watch_system);
      break;
    case PROP_SYSTEM_BUS:
      g_value_set_object (value, self->system_bus);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_clock_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlenaryClock *self = PLENARY_CLOCK (object);

  switch (prop_id)
    {
    case PROP_SECONDS:
      plenary_clock_set_seconds (self, g_value_get_boolean (value));
      break;
    case PROP_LOCALTIME_PATH:
      g_free (self->localtime_path);
      self->localtime_path = g_value_dup_string (value);
      break;
    case PROP_WATCH_SYSTEM:
      self->watch_system = g_value_get_boolean (value);
      break;
    case PROP_SYSTEM_BUS:
      /* Taken in constructed(), whatever the order properties are set in. */
      g_set_object (&self->system_bus, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_clock_class_init (PlenaryClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plenary_clock_constructed;
  object_class->dispose = plenary_clock_dispose;
  object_class->finalize = plenary_clock_finalize;
  object_class->get_property = plenary_clock_get_property;
  object_class->set_property = plenary_clock_set_property;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       PLENARY_TYPE_CLOCK_MODE, PLENARY_CLOCK_MODE_SYSTEM,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL,
                         0.0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECONDS] =
    g_param_spec_boolean ("seconds", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEZONE] =
    g_param_spec_boxed ("timezone", NULL, NULL,
                        G_TYPE_TIME_ZONE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where the system's zone is; tests point it at a symlink of their own. NULL: no watch. */
  properties[PROP_LOCALTIME_PATH] =
    g_param_spec_string ("localtime-path", NULL, NULL,
                         "/etc/localtime",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Listen to logind for resumes and to timedate1 for the time zone. */
  properties[PROP_WATCH_SYSTEM] =
    g_param_spec_boolean ("watch-system", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The bus logind and timedate1 are on; NULL: the system bus. Tests give one with mocks. */
  properties[PROP_SYSTEM_BUS] =
    g_param_spec_object ("system-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlenaryClock::tick:
   * @instant: (transfer none): the minute (or second) just begun, in UTC
   *
   * At every minute boundary of the clock's time, or every second with #PlenaryClock:seconds.
   */
  signals[TICK] =
    g_signal_new ("tick",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);
  /**
   * PlenaryClock::time-changed:
   *
   * The time jumped (mode change, resume, time zone change): anything computed from the
   * time must be computed again.
   */
  signals[TIME_CHANGED] =
    g_signal_new ("time-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
plenary_clock_init (PlenaryClock *self)
{
  self->mode = PLENARY_CLOCK_MODE_SYSTEM;
  self->speed = 1.0;
  self->last_tick = G_MININT64;
}

PlenaryClock *
plenary_clock_get_default (void)
{
  static PlenaryClock *default_clock;

  if (g_once_init_enter (&default_clock))
    g_once_init_leave (&default_clock, plenary_clock_new ());
  return default_clock;
}

PlenaryClock *
plenary_clock_new (void)
{
  return g_object_new (PLENARY_TYPE_CLOCK, NULL);
}

GDateTime *
plenary_clock_get_now (PlenaryClock *self)
{
  g_return_val_if_fail (PLENARY_IS_CLOCK (self), NULL);

  return datetime_from_usec (now_usec (self));
}

GDateTime *
plenary_clock_get_now_in (PlenaryClock *self,
                          GTimeZone    *tz)
{
  g_autoptr (GDateTime) now = NULL;

  g_return_val_if_fail (PLENARY_IS_CLOCK (self), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  now = plenary_clock_get_now (self);
  return g_date_time_to_timezone (now, tz);
}

GDateTime *
plenary_clock_get_now_local (PlenaryClock *self)
{
  g_return_val_if_fail (PLENARY_IS_CLOCK (self), NULL);

  return plenary_clock_get_now_in (self, self->timezone);
}

GTimeZone *
plenary_clock_get_timezone (PlenaryClock *self)
{
  g_return_val_if_fail (PLENARY_IS_CLOCK (self), NULL);

  return self->timezone;
}

PlenaryClockMode
plenary_clock_get_mode (PlenaryClock *self)
{
  g_return_val_if_fail (PLENARY_IS_CLOCK (self), PLENARY_CLOCK_MODE_SYSTEM);

  return self->mode;
}

double
plenary_clock_get_speed (PlenaryClock *self)
{
  g_return_val_if_fail (PLENARY_IS_CLOCK (self), 1.0);

  return self->speed;
}

void
plenary_clock_set_system (PlenaryClock *self)
{
  g_return_if_fail (PLENARY_IS_CLOCK (self));

  set_mode (self, PLENARY_CLOCK_MODE_SYSTEM, 1.0);
  time_jumped (self);
}

void
plenary_clock_set_fixed (PlenaryClock *self,
                         GDateTime    *instant)
{
  g_return_if_fail (PLENARY_IS_CLOCK (self));
  g_return_if_fail (instant != NULL);

  self->fixed_usec = datetime_to_usec (instant);
  set_mode (self, PLENARY_CLOCK_MODE_FIXED, 0.0);
  time_jumped (self);
}

void
plenary_clock_set_rehearsal (PlenaryClock *self,
                             GDateTime    *start,
                             double        speed)
{
  g_return_if_fail (PLENARY_IS_CLOCK (self));
  g_return_if_fail (start != NULL);
  g_return_if_fail (speed >= 1.0);

  self->fixed_usec = datetime_to_usec (start);
  self->mono_origin = g_get_monotonic_time ();
  set_mode (self, PLENARY_CLOCK_MODE_REHEARSAL, speed);
  time_jumped (self);
}

void
plenary_clock_advance (PlenaryClock *self,
                       GTimeSpan     span)
{
  gint64 before;

  g_return_if_fail (PLENARY_IS_CLOCK (self));

  if (self->mode == PLENARY_CLOCK_MODE_SYSTEM || span == 0)
    return;

  before = floor_to_unit (now_usec (self), unit_usec (self));
  self->fixed_usec += span;
  /* Going forward is time passing: one tick for the new minute. Going back is a jump. */
  if (span < 0)
    time_jumped (self);
  else
    {
      gint64 after = floor_to_unit (now_usec (self), unit_usec (self));

      if (after > before && after > self->last_tick)
        emit_tick (self, after);
      schedule_tick (self);
    }
}

gboolean
plenary_clock_get_seconds (PlenaryClock *self)
{
  g_return_val_if_fail (PLENARY_IS_CLOCK (self), FALSE);

  return self->seconds;
}

void
plenary_clock_set_seconds (PlenaryClock *self,
                           gboolean      seconds)
{
  g_return_if_fail (PLENARY_IS_CLOCK (self));

  seconds = !!seconds;
  if (self->seconds == seconds)
    return;
  self->seconds = seconds;
  /* Minute ticks after second ticks would look like a step back. */
  self->last_tick = floor_to_unit (now_usec (self), unit_usec (self));
  schedule_tick (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

void
plenary_clock_resync (PlenaryClock *self)
{
  g_return_if_fail (PLENARY_IS_CLOCK (self));

  update_timezone (self);
  time_jumped (self);
  /* In a sandbox the file did not follow the host: timedate1 knows; its answer comes later. */
  query_timedate_zone (self);
}
