/* test-clock.c: fixed, rehearsal and system time, ticks, resume and time zone changes
 * (from /etc/localtime and from a mock timedate1)
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "plenary-test-util.h"
#include "util/plenary-clock.h"

/* g_date_time_to_unix_usec() is GLib 2.80. */
static gint64
datetime_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

typedef struct
{
  GPtrArray *ticks;      /* GDateTime */
  guint      n_changed;
  guint      n_tz;
} Recorder;

static void
on_tick (PlenaryClock *clock,
         GDateTime    *instant,
         Recorder     *rec)
{
  g_ptr_array_add (rec->ticks, g_date_time_ref (instant));
}

static void
on_time_changed (PlenaryClock *clock,
                 Recorder     *rec)
{
  rec->n_changed++;
}

static void
on_notify_timezone (PlenaryClock *clock,
                    GParamSpec   *pspec,
                    Recorder     *rec)
{
  rec->n_tz++;
}

static PlenaryClock *
new_clock (Recorder   *rec,
           const char *localtime_path)
{
  PlenaryClock *clock = g_object_new (PLENARY_TYPE_CLOCK,
                                      "localtime-path", localtime_path,
                                      "watch-system", FALSE,
                                      NULL);

  rec->ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  rec->n_changed = rec->n_tz = 0;
  g_signal_connect (clock, "tick", G_CALLBACK (on_tick), rec);
  g_signal_connect (clock, "time-changed", G_CALLBACK (on_time_changed), rec);
  g_signal_connect (clock, "notify::timezone", G_CALLBACK (on_notify_timezone), rec);
  return clock;
}

static void
recorder_clear (Recorder *rec)
{
  g_clear_pointer (&rec->ticks, g_ptr_array_unref);
}

static void
assert_time (GDateTime  *time,
             const char *expected_iso)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *iso = g_date_time_format_iso8601 (utc);

  g_assert_cmpstr (iso, ==, expected_iso);
}

static GDateTime *
utc (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
test_fixed (void)
{
  Recorder rec;
  g_autoptr (PlenaryClock) clock = new_clock (&rec, NULL);
  g_autoptr (GDateTime) start = utc ("2021-09-20T10:40:30Z");
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) in_ny = NULL;
  g_autoptr (GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");

  plenary_clock_set_fixed (clock, start);
  g_assert_cmpint (plenary_clock_get_mode (clock), ==, PLENARY_CLOCK_MODE_FIXED);
  g_assert_cmpuint (rec.n_changed, ==, 1);
  g_assert_cmpuint (rec.ticks->len, ==, 1);
  assert_time (rec.ticks->pdata[0], "2021-09-20T10:40:00Z");

  now = plenary_clock_get_now (clock);
  assert_time (now, "2021-09-20T10:40:30Z");
  g_assert_true (g_date_time_get_utc_offset (now) == 0);
  in_ny = plenary_clock_get_now_in (clock, ny);
  g_assert_cmpint (g_date_time_get_hour (in_ny), ==, 6);
  g_assert_cmpint (g_date_time_get_minute (in_ny), ==, 40);

  /* Fixed time does not move by itself. */
  plenary_test_iterate (50);
  g_clear_pointer (&now, g_date_time_unref);
  now = plenary_clock_get_now (clock);
  assert_time (now, "2021-09-20T10:40:30Z");
  g_assert_cmpuint (rec.ticks->len, ==, 1);

  plenary_clock_advance (clock, 10 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (rec.ticks->len, ==, 1);
  plenary_clock_advance (clock, 20 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (rec.ticks->len, ==, 2);
  assert_time (rec.ticks->pdata[1], "2021-09-20T10:41:00Z");
  plenary_clock_advance (clock, 90 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (rec.ticks->len, ==, 3);
  assert_time (rec.ticks->pdata[2], "2021-09-20T12:11:00Z");
  g_assert_cmpuint (rec.n_changed, ==, 1);

  /* Going back is a jump. */
  plenary_clock_advance (clock, -G_TIME_SPAN_HOUR);
  g_assert_cmpuint (rec.n_changed, ==, 2);
  g_clear_pointer (&now, g_date_time_unref);
  now = plenary_clock_get_now (clock);
  assert_time (now, "2021-09-20T11:11:00Z");

  recorder_clear (&rec);
}

static gboolean
wait_ticks_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_ticks (Recorder *rec,
                guint     n,
                guint     max_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (max_ms, wait_ticks_timeout, &timed_out);

  while (rec->ticks->len < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (rec->ticks->len, >=, n);
}

/* At 600×, a minute passes in 0.1 s. */
static void
test_rehearsal (void)
{
  Recorder rec;
  g_autoptr (PlenaryClock) clock = new_clock (&rec, NULL);
  g_autoptr (GDateTime) start = utc ("2021-09-20T10:39:59.900Z");
  g_autoptr (GDateTime) now = NULL;
  gint64 real_start = g_get_monotonic_time ();

  plenary_clock_set_rehearsal (clock, start, 600.0);
  g_assert_cmpint (plenary_clock_get_mode (clock), ==, PLENARY_CLOCK_MODE_REHEARSAL);
  g_assert_cmpfloat (plenary_clock_get_speed (clock), ==, 600.0);
  g_assert_cmpuint (rec.ticks->len, ==, 1);
  assert_time (rec.ticks->pdata[0], "2021-09-20T10:39:00Z");

  wait_for_ticks (&rec, 4, 5000);
  assert_time (rec.ticks->pdata[1], "2021-09-20T10:40:00Z");
  assert_time (rec.ticks->pdata[2], "2021-09-20T10:41:00Z");
  assert_time (rec.ticks->pdata[3], "2021-09-20T10:42:00Z");
  /* About 0.2 s of real time; generous for loaded machines. */
  g_assert_cmpint (g_get_monotonic_time () - real_start, <, 2 * G_USEC_PER_SEC);

  now = plenary_clock_get_now (clock);
  g_assert_cmpint (g_date_time_compare (now, rec.ticks->pdata[3]), >=, 0);

  /* Back to the real time. */
  plenary_clock_set_system (clock);
  g_clear_pointer (&now, g_date_time_unref);
  now = plenary_clock_get_now (clock);
  g_assert_cmpint (ABS (datetime_to_usec (now) - g_get_real_time ()), <, G_USEC_PER_SEC);
  g_assert_cmpint (plenary_clock_get_mode (clock), ==, PLENARY_CLOCK_MODE_SYSTEM);

  recorder_clear (&rec);
}

static void
test_seconds (void)
{
  Recorder rec;
  g_autoptr (PlenaryClock) clock = new_clock (&rec, NULL);
  g_autoptr (GDateTime) start = utc ("2021-09-20T10:40:00.500Z");
  gboolean seconds = FALSE;

  plenary_clock_set_rehearsal (clock, start, 10.0);
  plenary_clock_set_seconds (clock, TRUE);
  g_assert_true (plenary_clock_get_seconds (clock));
  g_object_get (clock, "seconds", &seconds, NULL);
  g_assert_true (seconds);
  g_ptr_array_set_size (rec.ticks, 0);

  wait_for_ticks (&rec, 4, 5000);
  for (guint i = 1; i < rec.ticks->len; i++)
    g_assert_cmpint (g_date_time_difference (rec.ticks->pdata[i], rec.ticks->pdata[i - 1]), ==,
                     G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_get_microsecond (rec.ticks->pdata[0]), ==, 0);

  recorder_clear (&rec);
}

static void
test_system (void)
{
  Recorder rec;
  g_autoptr (PlenaryClock) clock = new_clock (&rec, NULL);
  g_autoptr (GDateTime) now = plenary_clock_get_now (clock);
  g_autoptr (GDateTime) local = plenary_clock_get_now_local (clock);

  g_assert_cmpint (plenary_clock_get_mode (clock), ==, PLENARY_CLOCK_MODE_SYSTEM);
  g_assert_cmpint (ABS (datetime_to_usec (now) - g_get_real_time ()), <, G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 0);
  g_assert_nonnull (plenary_clock_get_timezone (clock));
  g_assert_cmpint (ABS (g_date_time_difference (local, now)), <, G_USEC_PER_SEC);

  /* What a resume does. */
  plenary_clock_resync (clock);
  g_assert_cmpuint (rec.n_changed, ==, 1);
  g_assert_cmpuint (rec.ticks->len, ==, 1);

  g_assert_true (plenary_clock_get_default () == plenary_clock_get_default ());
  recorder_clear (&rec);
}

/* Also with the system watches on: no system bus here, and that is fine. */
static void
test_system_watch (void)
{
  g_autoptr (PlenaryClock) clock = plenary_clock_new ();

  plenary_test_iterate (100);
  g_assert_cmpint (plenary_clock_get_mode (clock), ==, PLENARY_CLOCK_MODE_SYSTEM);
}

static void
replace_symlink (const char *path,
                 const char *target)
{
  g_autofree char *tmp = g_strconcat (path, ".new", NULL);

  g_unlink (tmp);
  g_assert_cmpint (symlink (target, tmp), ==, 0);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
}

static void
test_timezone_change (void)
{
  Recorder rec;
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "localtime", NULL);
  g_autoptr (PlenaryClock) clock = NULL;
  g_autoptr (GDateTime) fixed = utc ("2021-09-20T10:40:00Z");
  g_autoptr (GDateTime) local = NULL;
  gboolean timed_out = FALSE;
  guint id;

  if (!g_file_test ("/usr/share/zoneinfo/Europe/Paris", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no tzdata");
      return;
    }

  replace_symlink (path, "/usr/share/zoneinfo/Europe/Paris");
  clock = new_clock (&rec, path);
  g_assert_cmpstr (g_time_zone_get_identifier (plenary_clock_get_timezone (clock)), ==,
                   "Europe/Paris");
  plenary_clock_set_fixed (clock, fixed);
  local = plenary_clock_get_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 12);
  rec.n_changed = 0;

  replace_symlink (path, "/usr/share/zoneinfo/America/New_York");
  id = g_timeout_add (5000, wait_ticks_timeout, &timed_out);
  while (rec.n_tz == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  g_assert_cmpuint (rec.n_tz, ==, 1);
  g_assert_cmpuint (rec.n_changed, >=, 1);
  g_assert_cmpstr (g_time_zone_get_identifier (plenary_clock_get_timezone (clock)), ==,
                   "America/New_York");
  g_clear_pointer (&local, g_date_time_unref);
  local = plenary_clock_get_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 6);
  recorder_clear (&rec);
}

/* A mock systemd-timedated and logind on a private bus (GTestDBus), as a Flatpak sees them
 * through its D-Bus proxy: the clock is given a connection to that bus as its system bus. */

static const char mock_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.timedate1'>"
  "    <property name='Timezone' type='s' access='read'/>"
  "  </interface>"
  "</node>";

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *service;   /* owns org.freedesktop.timedate1 and org.freedesktop.login1 */
  GDBusConnection *client;    /* the clock's "system bus" */
  char            *zone;
  guint            n_get;
  guint            object_id;
  GDBusNodeInfo   *info;
} MockSystem;

static GVariant *
mock_get_property (GDBusConnection *connection,
                   const char      *sender,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *property_name,
                   GError         **error,
                   gpointer         user_data)
{
  MockSystem *mock = user_data;

  mock->n_get++;
  return g_variant_new_string (mock->zone);
}

static const GDBusInterfaceVTable mock_vtable = { NULL, mock_get_property, NULL, { 0 } };

static GDBusConnection *
connect_to (GTestDBus *bus)
{
  g_autoptr (GError) error = NULL;
  GDBusConnection *connection =
    g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                            | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static void
own_name (GDBusConnection *connection,
          const char      *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply =
    g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                 "org.freedesktop.DBus", "RequestName",
                                 g_variant_new ("(su)", name, 0u), G_VARIANT_TYPE ("(u)"),
                                 G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  guint32 result = 0;

  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);  /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
}

static void
mock_system_start (MockSystem *mock,
                   const char *zone)
{
  g_autoptr (GError) error = NULL;

  memset (mock, 0, sizeof *mock);
  mock->zone = g_strdup (zone);
  /* GTestDBus points DBUS_SESSION_BUS_ADDRESS at its bus; nothing else here uses that. */
  mock->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (mock->bus);
  mock->service = connect_to (mock->bus);
  mock->client = connect_to (mock->bus);

  mock->info = g_dbus_node_info_new_for_xml (mock_xml, &error);
  g_assert_no_error (error);
  mock->object_id =
    g_dbus_connection_register_object (mock->service, "/org/freedesktop/timedate1",
                                       mock->info->interfaces[0], &mock_vtable, mock, NULL,
                                       &error);
  g_assert_no_error (error);
  own_name (mock->service, "org.freedesktop.timedate1");
  own_name (mock->service, "org.freedesktop.login1");
}

static void
mock_system_stop (MockSystem *mock)
{
  g_dbus_connection_unregister_object (mock->service, mock->object_id);
  g_dbus_connection_close_sync (mock->client, NULL, NULL);
  g_dbus_connection_close_sync (mock->service, NULL, NULL);
  g_clear_object (&mock->client);
  g_clear_object (&mock->service);
  g_test_dbus_down (mock->bus);
  g_clear_object (&mock->bus);
  g_clear_pointer (&mock->info, g_dbus_node_info_unref);
  g_clear_pointer (&mock->zone, g_free);
}

/* What timedated sends after SetTimezone. */
static void
mock_set_zone (MockSystem *mock,
               const char *zone,
               gboolean    announce)
{
  g_autoptr (GError) error = NULL;
  GVariantBuilder changed;

  g_free (mock->zone);
  mock->zone = g_strdup (zone);
  if (!announce)
    return;
  g_variant_builder_init (&changed, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&changed, "{sv}", "Timezone", g_variant_new_string (zone));
  g_dbus_connection_emit_signal (mock->service, NULL, "/org/freedesktop/timedate1",
                                 "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                 g_variant_new ("(sa{sv}as)", "org.freedesktop.timedate1",
                                                &changed, NULL),
                                 &error);
  g_assert_no_error (error);
}

static void
mock_resume (MockSystem *mock)
{
  g_autoptr (GError) error = NULL;

  g_dbus_connection_emit_signal (mock->service, NULL, "/org/freedesktop/login1",
                                 "org.freedesktop.login1.Manager", "PrepareForSleep",
                                 g_variant_new ("(b)", FALSE), &error);
  g_assert_no_error (error);
}

static void
wait_for_zone (PlenaryClock *clock,
               const char   *zone)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, wait_ticks_timeout, &timed_out);

  while (g_strcmp0 (g_time_zone_get_identifier (plenary_clock_get_timezone (clock)), zone) != 0
         && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpstr (g_time_zone_get_identifier (plenary_clock_get_timezone (clock)), ==, zone);
}

/* Inside a sandbox /etc/localtime keeps the zone the app started with (here the symlink, which
 * never changes): the clock takes the zone from timedate1, at start, when it announces a
 * change, and on resume, when it is asked again. */
static void
test_timedate (void)
{
  Recorder rec;
  MockSystem mock;
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "localtime-td", NULL);
  g_autoptr (PlenaryClock) clock = NULL;
  g_autoptr (GDateTime) fixed = utc ("2021-09-20T10:40:00Z");
  g_autoptr (GDateTime) local = NULL;
  guint n_get;

  if (!g_file_test ("/usr/share/zoneinfo/Europe/Paris", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no tzdata");
      return;
    }

  replace_symlink (path, "/usr/share/zoneinfo/Europe/Paris");
  mock_system_start (&mock, "Asia/Tokyo");

  clock = g_object_new (PLENARY_TYPE_CLOCK,
                        "localtime-path", path,
                        "system-bus", mock.client,
                        NULL);
  rec.ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  rec.n_changed = rec.n_tz = 0;
  g_signal_connect (clock, "time-changed", G_CALLBACK (on_time_changed), &rec);
  g_signal_connect (clock, "notify::timezone", G_CALLBACK (on_notify_timezone), &rec);
  plenary_clock_set_fixed (clock, fixed);
  rec.n_changed = 0;

  /* Start: the file said Paris, timedate1 says Tokyo, and timedate1 wins. */
  wait_for_zone (clock, "Asia/Tokyo");
  g_assert_cmpuint (mock.n_get, ==, 1);
  g_assert_cmpuint (rec.n_tz, ==, 1);
  g_assert_cmpuint (rec.n_changed, ==, 1);
  local = plenary_clock_get_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 19);

  /* A change announced by timedated (Settings → Date & Time), with no file event. */
  mock_set_zone (&mock, "America/New_York", TRUE);
  wait_for_zone (clock, "America/New_York");
  g_assert_cmpuint (rec.n_tz, ==, 2);
  g_assert_cmpuint (rec.n_changed, ==, 2);
  g_clear_pointer (&local, g_date_time_unref);
  local = plenary_clock_get_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 6);

  /* Names this system cannot resolve are ignored, not taken as UTC. */
  mock_set_zone (&mock, "Nowhere/Atlantis", TRUE);
  plenary_test_iterate (100);
  g_assert_cmpstr (g_time_zone_get_identifier (plenary_clock_get_timezone (clock)), ==,
                   "America/New_York");

  /* Changed while suspended (the laptop flew to Sydney): asked again on resume. */
  n_get = mock.n_get;
  mock_set_zone (&mock, "Australia/Sydney", FALSE);
  mock_resume (&mock);
  wait_for_zone (clock, "Australia/Sydney");
  g_assert_cmpuint (mock.n_get, ==, n_get + 1);
  g_clear_pointer (&local, g_date_time_unref);
  local = plenary_clock_get_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 20);

  /* A resume with the zone unchanged re-reads the time but moves no zone. */
  rec.n_tz = 0;
  mock_resume (&mock);
  while (mock.n_get < n_get + 2)
    g_main_context_iteration (NULL, TRUE);
  plenary_test_iterate (50);
  g_assert_cmpuint (rec.n_tz, ==, 0);

  g_clear_object (&clock);
  recorder_clear (&rec);
  mock_system_stop (&mock);
}

int
main (int   argc,
      char *argv[])
{
  /* The time zone tests need the zone from the file, not from TZ. */
  g_unsetenv ("TZ");
  plenary_test_init (&argc, &argv);

  g_test_add_func ("/clock/fixed", test_fixed);
  g_test_add_func ("/clock/rehearsal", test_rehearsal);
  g_test_add_func ("/clock/seconds", test_seconds);
  g_test_add_func ("/clock/system", test_system);
  g_test_add_func ("/clock/system-watch", test_system_watch);
  g_test_add_func ("/clock/timezone-change", test_timezone_change);
  g_test_add_func ("/clock/timedate", test_timedate);

  return g_test_run ();
}
