/* test-reminders.c: reminders before starred talks, on an injected clock
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "indico/plenary-indico-parser.h"
#include "store/plenary-folder-loader.h"
#include "plenary-test-util.h"
#include "sync/plenary-reminders.h"

typedef struct
{
  PlenarySchedule  *schedule;
  PlenaryUserData  *user_data;
  PlenaryClock     *clock;
  PlenaryReminders *reminders;
  GPtrArray        *fired;      /* user keys, in order */
} Fixture;

static PlenarySchedule *
load_schedule (void)
{
  g_autofree char *dir = plenary_test_shared_path ("fixtures/lpc2021");
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (GError) error = NULL;
  PlenarySchedule *schedule;

  sources = plenary_folder_loader_load (dir, &error);
  g_assert_no_error (error);
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

/* The same programme with contribution 966 moved from 08:00 to 09:00, as a sync would bring. */
static PlenarySchedule *
load_schedule_with_966_moved (void)
{
  g_autofree char *dir = plenary_test_shared_path ("fixtures/lpc2021");
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *entries;
  JsonObject *talk;
  PlenarySchedule *schedule;
  char *text;

  sources = plenary_folder_loader_load (dir, &error);
  g_assert_no_error (error);
  root = json_from_string (g_bytes_get_data (sources->timetable, NULL), &error);
  g_assert_no_error (error);

  entries = json_object_get_object_member (json_node_get_object (root), "results");
  entries = json_object_get_object_member (entries, "11");
  entries = json_object_get_object_member (entries, "20210920");
  entries = json_object_get_object_member (entries, "s5033");
  entries = json_object_get_object_member (entries, "entries");
  talk = json_object_get_object_member (entries, "c5035");
  g_assert_cmpint (json_object_get_int_member (talk, "contributionId"), ==, 966);
  json_object_set_string_member (json_object_get_object_member (talk, "startDate"), "time",
                                 "09:00:00");
  json_object_set_string_member (json_object_get_object_member (talk, "endDate"), "time",
                                 "09:45:00");

  text = json_to_string (root, FALSE);
  g_bytes_unref (sources->timetable);
  sources->timetable = g_bytes_new_take (text, strlen (text));
  schedule = plenary_indico_parse (sources, NULL, &error);
  g_assert_no_error (error);
  return schedule;
}

static GDateTime *
new_york (int hour,
          int minute)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");

  g_assert_nonnull (zone);
  return g_date_time_new (zone, 2021, 9, 20, hour, minute, 0);
}

static void
set_now (Fixture *fixture,
         int      hour,
         int      minute)
{
  g_autoptr (GDateTime) now = new_york (hour, minute);

  plenary_clock_set_fixed (fixture->clock, now);
}

static void
reminder_cb (PlenaryReminders *reminders,
             PlenaryEntry     *entry,
             Fixture          *fixture)
{
  g_assert_true (PLENARY_IS_ENTRY (entry));
  g_ptr_array_add (fixture->fired, g_strdup (plenary_entry_get_user_key (entry)));
}

/* Asserts the next reminder: @key at @hour:@minute New York time, or none for NULL. */
static void
assert_next (Fixture    *fixture,
             const char *key,
             int         hour,
             int         minute)
{
  g_autoptr (GDateTime) fire_at = NULL;
  PlenaryEntry *next = plenary_reminders_get_next (fixture->reminders, &fire_at);

  if (key == NULL)
    {
      g_assert_null (next);
      g_assert_null (fire_at);
    }
  else
    {
      g_autoptr (GDateTime) expected = new_york (hour, minute);

      g_assert_nonnull (next);
      g_assert_cmpstr (plenary_entry_get_user_key (next), ==, key);
      g_assert_nonnull (fire_at);
      g_assert_true (g_date_time_equal (fire_at, expected));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "user.json", NULL);

  fixture->schedule = load_schedule ();
  fixture->user_data = plenary_user_data_new (path);
  fixture->clock = plenary_clock_new ();
  fixture->fired = g_ptr_array_new_with_free_func (g_free);
  set_now (fixture, 6, 0);
  plenary_user_data_set_starred (fixture->user_data, "965", TRUE);
  plenary_user_data_set_starred (fixture->user_data, "966", TRUE);

  fixture->reminders = g_object_new (PLENARY_TYPE_REMINDERS,
                                     "clock", fixture->clock,
                                     "schedule", fixture->schedule,
                                     "user-data", fixture->user_data,
                                     "lead-minutes", 10,
                                     NULL);
  g_assert_null (plenary_reminders_get_application (fixture->reminders));
  g_signal_connect (fixture->reminders, "reminder", G_CALLBACK (reminder_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->reminders);
  g_clear_object (&fixture->user_data);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->schedule);
  g_clear_pointer (&fixture->fired, g_ptr_array_unref);
  plenary_test_reset_dirs ();
}

static void
test_next_and_fire_once (Fixture       *fixture,
                         gconstpointer  data)
{
  PlenaryEntry *talk = plenary_schedule_lookup_user_key (fixture->schedule, "965");

  g_assert_cmpstr (plenary_entry_get_title (talk), ==, "Rust in the Linux ecosystem");
  assert_next (fixture, "965", 6, 50);

  /* Nothing before it is due. */
  plenary_clock_advance (fixture->clock, 49 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  assert_next (fixture, "965", 6, 50);

  plenary_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (fixture->fired->pdata[0], ==, "965");
  assert_next (fixture, "966", 7, 50);

  /* Once: neither the next minutes nor a jump back and forth again repeat it. */
  plenary_clock_advance (fixture->clock, 5 * G_TIME_SPAN_MINUTE);
  set_now (fixture, 6, 0);
  plenary_clock_advance (fixture->clock, 55 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_next (fixture, "966", 7, 50);

  /* Unstarred: nothing left. */
  plenary_user_data_set_starred (fixture->user_data, "966", FALSE);
  assert_next (fixture, NULL, 0, 0);
  plenary_clock_advance (fixture->clock, 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

static void
test_both_in_order (Fixture       *fixture,
                    gconstpointer  data)
{
  /* One big step still reminds of each talk whose due time it crossed and that lies ahead. */
  plenary_clock_advance (fixture->clock, 55 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  plenary_clock_advance (fixture->clock, 60 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  g_assert_cmpstr (fixture->fired->pdata[0], ==, "965");
  g_assert_cmpstr (fixture->fired->pdata[1], ==, "966");
  assert_next (fixture, NULL, 0, 0);
}

static void
test_off (Fixture       *fixture,
          gconstpointer  data)
{
  plenary_reminders_set_lead_minutes (fixture->reminders, 0);
  assert_next (fixture, NULL, 0, 0);
  plenary_clock_advance (fixture->clock, 3 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 0);

  /* Back on, and a lead change re-arms. */
  set_now (fixture, 6, 0);
  plenary_reminders_set_lead_minutes (fixture->reminders, 30);
  assert_next (fixture, "965", 6, 30);
}

static void
test_past_never (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Started at 07:55: 965 has begun, and 966's reminder time (07:50) passed before Plenary
   * ran, so neither is reminded, now or later. */
  g_assert_finalize_object (g_steal_pointer (&fixture->reminders));
  set_now (fixture, 7, 55);
  fixture->reminders = g_object_new (PLENARY_TYPE_REMINDERS,
                                     "clock", fixture->clock,
                                     "schedule", fixture->schedule,
                                     "user-data", fixture->user_data,
                                     "lead-minutes", 10,
                                     NULL);
  g_signal_connect (fixture->reminders, "reminder", G_CALLBACK (reminder_cb), fixture);
  assert_next (fixture, NULL, 0, 0);
  plenary_clock_advance (fixture->clock, G_TIME_SPAN_HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 0);

  /* A talk starred after its reminder time: not either. */
  set_now (fixture, 6, 55);
  plenary_user_data_set_starred (fixture->user_data, "965", FALSE);
  plenary_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  plenary_user_data_set_starred (fixture->user_data, "965", TRUE);
  plenary_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  assert_next (fixture, "966", 7, 50);
}

static void
test_resumed (Fixture       *fixture,
              gconstpointer  data)
{
  /* A jump forward (a resume from suspend) past 966's reminder time, before it starts:
   * reminded late rather than not at all; 965, which has begun, is not. */
  set_now (fixture, 7, 55);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (fixture->fired->pdata[0], ==, "966");
  assert_next (fixture, NULL, 0, 0);
}

static void
test_resync_moves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (PlenarySchedule) moved = load_schedule_with_966_moved ();

  plenary_user_data_set_starred (fixture->user_data, "965", FALSE);
  assert_next (fixture, "966", 7, 50);

  plenary_reminders_set_schedule (fixture->reminders, moved);
  assert_next (fixture, "966", 8, 50);

  /* Its old time passes quietly; the new one reminds. */
  plenary_clock_advance (fixture->clock, 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  plenary_clock_advance (fixture->clock, 50 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (fixture->fired->pdata[0], ==, "966");
}

static void
test_reminded_again_when_moved_later (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr (PlenarySchedule) moved = load_schedule_with_966_moved ();

  plenary_user_data_set_starred (fixture->user_data, "965", FALSE);
  set_now (fixture, 7, 49);
  plenary_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  /* A sync at 07:55 moves it to 09:00: a new reminder at 08:50. */
  plenary_clock_advance (fixture->clock, 5 * G_TIME_SPAN_MINUTE);
  plenary_reminders_set_schedule (fixture->reminders, moved);
  assert_next (fixture, "966", 8, 50);
  plenary_clock_advance (fixture->clock, 55 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  assert_next (fixture, NULL, 0, 0);
}

/* A stand-in for the desktop's org.gtk.Notifications, which GLib's "gtk" backend talks to. */
static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  GPtrArray *received = user_data;

  if (g_strcmp0 (method_name, "AddNotification") == 0)
    g_ptr_array_add (received, g_variant_ref (parameters));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
test_notification (Fixture       *fixture,
                   gconstpointer  data)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL };
  g_autoptr (GPtrArray) received = g_ptr_array_new_with_free_func (
    (GDestroyNotify) g_variant_unref);
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GDBusNodeInfo) info = NULL;
  g_autoptr (GApplication) application = NULL;
  g_autoptr (GVariant) hints = NULL;
  g_autoptr (GError) error = NULL;
  const char *app_id, *id, *title, *body, *priority, *action, *target;
  gboolean owned = FALSE;
  guint registration, owner;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus (run under dbus-run-session)");
      return;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (bus, "/org/gtk/Notifications",
                                                    info->interfaces[0], &vtable, received,
                                                    NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, "org.gtk.Notifications",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL,
                                        &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);

  g_setenv ("GNOTIFICATION_BACKEND", "gtk", TRUE);
  application = g_application_new ("io.github.plenary.TestReminders", G_APPLICATION_NON_UNIQUE);
  g_application_register (application, NULL, &error);
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&fixture->reminders));
  fixture->reminders = g_object_new (PLENARY_TYPE_REMINDERS,
                                     "application", application,
                                     "clock", fixture->clock,
                                     "schedule", fixture->schedule,
                                     "user-data", fixture->user_data,
                                     "lead-minutes", 10,
                                     NULL);
  plenary_clock_advance (fixture->clock, 50 * G_TIME_SPAN_MINUTE);
  while (received->len == 0)
    g_main_context_iteration (NULL, TRUE);

  g_variant_get (received->pdata[0], "(&s&s@a{sv})", &app_id, &id, &hints);
  g_assert_cmpstr (app_id, ==, "io.github.plenary.TestReminders");
  g_assert_cmpstr (id, ==, "reminder-965");
  g_assert_true (g_variant_lookup (hints, "title", "&s", &title));
  g_assert_cmpstr (title, ==, "In 10 minutes: Rust in the Linux ecosystem");
  g_assert_true (g_variant_lookup (hints, "body", "&s", &body));
  g_test_message ("body: %s", body);
  /* The room, then the times in the event's zone (New York), not UTC. */
  g_assert_true (g_str_has_suffix (body, " · 07:00–07:45"));
  g_assert_true (g_str_has_prefix (body, plenary_room_get_name (plenary_entry_get_room (
    plenary_schedule_lookup_user_key (fixture->schedule, "965")))));
  g_assert_true (g_variant_lookup (hints, "priority", "&s", &priority));
  g_assert_cmpstr (priority, ==, "high");
  g_assert_true (g_variant_lookup (hints, "default-action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.show-entry");
  g_assert_true (g_variant_lookup (hints, "default-action-target", "&s", &target));
  g_assert_cmpstr (target, ==, "965");

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
}

/* The talk at the first 02:30 of the night clocks fall back (00:30 UTC) is reminded of at
 * 00:20 UTC, an hour before the second 02:30, and the reminder says which 02:30. */
static void
test_dst_fall_back (void)
{
  g_autofree char *path = g_build_filename (plenary_test_get_tmpdir (), "dst-user.json", NULL);
  g_autoptr (PlenarySchedule) schedule = plenary_test_load_dst_night ();
  g_autoptr (PlenaryUserData) user_data = plenary_user_data_new (path);
  g_autoptr (PlenaryClock) clock = plenary_clock_new ();
  g_autoptr (PlenaryReminders) reminders = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 10, 24, 23, 0, 0);
  g_autoptr (GDateTime) expected = g_date_time_new_utc (2026, 10, 25, 0, 20, 0);
  g_autoptr (GDateTime) fire_at = NULL;
  g_autofree char *body = NULL;
  PlenaryEntry *talk = plenary_schedule_lookup_contribution (schedule, 3);
  PlenaryEntry *next;

  g_assert_nonnull (talk);
  g_assert_cmpstr (plenary_entry_get_title (talk), ==, "Fall-back talk");
  plenary_clock_set_fixed (clock, now);
  plenary_user_data_set_starred (user_data, plenary_entry_get_user_key (talk), TRUE);
  reminders = g_object_new (PLENARY_TYPE_REMINDERS, "clock", clock, "schedule", schedule,
                            "user-data", user_data, "lead-minutes", 10, NULL);
  next = plenary_reminders_get_next (reminders, &fire_at);
  g_assert_true (next == talk);
  g_assert_true (g_date_time_equal (fire_at, expected));

  body = plenary_reminders_dup_body (schedule, talk);
  g_assert_cmpstr (body, ==, "Hall · 02:30 CEST–03:30");
  g_clear_object (&reminders);
  plenary_test_reset_dirs ();
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);

  g_test_add ("/reminders/next-and-fire-once", Fixture, NULL, fixture_set_up,
              test_next_and_fire_once, fixture_tear_down);
  g_test_add ("/reminders/both-in-order", Fixture, NULL, fixture_set_up,
              test_both_in_order, fixture_tear_down);
  g_test_add_func ("/reminders/dst-fall-back", test_dst_fall_back);
  g_test_add ("/reminders/off", Fixture, NULL, fixture_set_up, test_off, fixture_tear_down);
  g_test_add ("/reminders/past-never", Fixture, NULL, fixture_set_up, test_past_never,
              fixture_tear_down);
  g_test_add ("/reminders/notification", Fixture, NULL, fixture_set_up, test_notification,
              fixture_tear_down);
  g_test_add ("/reminders/resumed", Fixture, NULL, fixture_set_up, test_resumed,
              fixture_tear_down);
  g_test_add ("/reminders/resync-moves", Fixture, NULL, fixture_set_up, test_resync_moves,
              fixture_tear_down);
  g_test_add ("/reminders/reminded-again-when-moved-later", Fixture, NULL, fixture_set_up,
              test_reminded_again_when_moved_later, fixture_tear_down);

  return g_test_run ();
}
