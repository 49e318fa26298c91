/* plenary-event.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "store/plenary-commit.h"
#include "store/plenary-schedule-cache.h"
#include "store/plenary-store.h"
#include "plenary-event.h"

struct _PlenaryEvent
{
  GObject           parent_instance;

  char             *server_base;
  char             *event_id;
  char             *key;
  char             *directory;
  char             *title;
  char             *timezone;
  GDateTime        *added_at;

  PlenarySchedule  *schedule;
  PlenarySnapshot  *snapshot;
  PlenaryUserData  *user_data;

  PlenarySyncState  sync_state;
  char             *error_message;
  GDateTime        *last_sync;
  char             *held_message;
};

G_DEFINE_FINAL_TYPE (PlenaryEvent, plenary_event, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PlenarySyncState, plenary_sync_state,
                    G_DEFINE_ENUM_VALUE (PLENARY_SYNC_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (PLENARY_SYNC_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (PLENARY_SYNC_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (PLENARY_SYNC_STATE_ERROR, "error"))

enum {
  PROP_0,
  PROP_SERVER_BASE,
  PROP_EVENT_ID,
  PROP_TITLE,
  PROP_TIMEZONE,
  PROP_ADDED_AT,
  PROP_SCHEDULE,
  PROP_SNAPSHOT,
  PROP_USER_DATA,
  PROP_SYNC_STATE,
  PROP_ERROR_MESSAGE,
  PROP_LAST_SYNC,
  PROP_HELD_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
plenary_event_constructed (GObject *object)
{
  PlenaryEvent *self = (PlenaryEvent *) object;
  g_autofree char *user_path = NULL;

  G_OBJECT_CLASS (plenary_event_parent_class)->constructed (object);

  g_assert (self->server_base != NULL && self->event_id != NULL);
  self->key = g_strdup_printf ("%sevent/%s/", self->server_base, self->event_id);
  self->directory = plenary_store_get_event_dir (self->server_base, self->event_id);
  user_path = g_build_filename (self->directory, "user.json", NULL);
  self->user_data = plenary_user_data_new (user_path);
  if (self->added_at == NULL)
    self->added_at = g_date_time_new_now_utc ();
}

static void
plenary_event_finalize (GObject *object)
{
  PlenaryEvent *self = (PlenaryEvent *) object;

  g_clear_pointer (&self->server_base, g_free);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->added_at, g_date_time_unref);
  g_clear_object (&self->schedule);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->user_data);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_pointer (&self->held_message, g_free);

  G_OBJECT_CLASS (plenary_event_parent_class)->finalize (object);
}

static void
plenary_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlenaryEvent *self = PLENARY_EVENT (object);

  switch (prop_id)
    {
    case PROP_SERVER_BASE:
      g_value_set_string (value, self->server_base);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;
    case PROP_ADDED_AT:
      g_value_set_boxed (value, self->added_at);
      break;
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;
    case PROP_USER_DATA:
      g_value_set_object (value, self->user_data);
      break;
    case PROP_SYNC_STATE:
      g_value_set_enum (value, self->sync_state);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_HELD_MESSAGE:
      g_value_set_string (value, self->held_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlenaryEvent *self = PLENARY_EVENT (object);

  switch (prop_id)
    {
    case PROP_SERVER_BASE:
      self->server_base = g_value_dup_string (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      plenary_event_set_title (self, g_value_get_string (value));
      break;
    case PROP_TIMEZONE:
      plenary_event_set_timezone (self, g_value_get_string (value));
      break;
    case PROP_ADDED_AT:
      plenary_event_set_added_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_event_class_init (PlenaryEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plenary_event_constructed;
  object_class->finalize = plenary_event_finalize;
  object_class->get_property = plenary_event_get_property;
  object_class->set_property = plenary_event_set_property;

  properties[PROP_SERVER_BASE] =
    g_param_spec_string ("server-base", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDED_AT] =
    g_param_spec_boxed ("added-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, PLENARY_TYPE_SCHEDULE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL, PLENARY_TYPE_SNAPSHOT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_DATA] =
    g_param_spec_object ("user-data", NULL, NULL, PLENARY_TYPE_USER_DATA,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_STATE] =
    g_param_spec_enum ("sync-state", NULL, NULL, PLENARY_TYPE_SYNC_STATE,
                       PLENARY_SYNC_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the last answer was kept aside instead of replacing the programme (a sentence),
   * or NULL when nothing is held. */
  properties[PROP_HELD_MESSAGE] =
    g_param_spec_string ("held-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plenary_event_init (PlenaryEvent *self)
{
}

PlenaryEvent *
plenary_event_new (const char *server_base,
                   const char *event_id)
{
  g_return_val_if_fail (server_base != NULL && g_str_has_suffix (server_base, "/"), NULL);
  g_return_val_if_fail (event_id != NULL && *event_id != '\0', NULL);

  return g_object_new (PLENARY_TYPE_EVENT,
                       "server-base", server_base,
                       "event-id", event_id,
                       NULL);
}

const char *
plenary_event_get_server_base (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->server_base;
}

const char *
plenary_event_get_event_id (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->event_id;
}

const char *
plenary_event_get_key (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->key;
}

const char *
plenary_event_get_directory (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->directory;
}

const char *
plenary_event_get_title (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->title;
}

void
plenary_event_set_title (PlenaryEvent *self,
                         const char   *title)
{
  g_return_if_fail (PLENARY_IS_EVENT (self));
  if (set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
plenary_event_get_timezone (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->timezone;
}

void
plenary_event_set_timezone (PlenaryEvent *self,
                            const char   *timezone)
{
  g_return_if_fail (PLENARY_IS_EVENT (self));
  if (set_str (&self->timezone, timezone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

GDateTime *
plenary_event_get_added_at (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->added_at;
}

void
plenary_event_set_added_at (PlenaryEvent *self,
                            GDateTime    *added_at)
{
  g_return_if_fail (PLENARY_IS_EVENT (self));
  if (added_at == NULL || added_at == self->added_at)
    return;
  g_clear_pointer (&self->added_at, g_date_time_unref);
  self->added_at = g_date_time_ref (added_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDED_AT]);
}

PlenarySchedule *
plenary_event_get_schedule (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->schedule;
}

PlenarySnapshot *
plenary_event_get_snapshot (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->snapshot;
}

PlenaryUserData *
plenary_event_get_user_data (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->user_data;
}

PlenarySyncState
plenary_event_get_sync_state (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), PLENARY_SYNC_STATE_IDLE);
  return self->sync_state;
}

const char *
plenary_event_get_error_message (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->error_message;
}

GDateTime *
plenary_event_get_last_sync (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->last_sync;
}

void
plenary_event_set_sync_state (PlenaryEvent     *self,
                              PlenarySyncState  state,
                              const char       *error_message)
{
  g_return_if_fail (PLENARY_IS_EVENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (set_str (&self->error_message, error_message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  if (self->sync_state != state)
    {
      self->sync_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_STATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
plenary_event_set_last_sync (PlenaryEvent *self,
                             GDateTime    *last_sync)
{
  g_return_if_fail (PLENARY_IS_EVENT (self));

  if (last_sync == self->last_sync)
    return;
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  self->last_sync = last_sync != NULL ? g_date_time_ref (last_sync) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
}

void
plenary_event_set_programme (PlenaryEvent    *self,
                             PlenarySnapshot *snapshot,
                             PlenarySchedule *schedule)
{
  PlenarySchedule *old;

  g_return_if_fail (PLENARY_IS_EVENT (self));
  g_return_if_fail (snapshot == NULL || PLENARY_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PLENARY_IS_SCHEDULE (schedule));

  old = self->schedule != schedule && self->schedule != NULL ? g_object_ref (self->schedule)
                                                              : NULL;
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->snapshot, snapshot))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
  if (plenary_schedule_get_title (schedule) != NULL)
    plenary_event_set_title (self, plenary_schedule_get_title (schedule));
  if (plenary_schedule_get_timezone_id (schedule) != NULL)
    plenary_event_set_timezone (self, plenary_schedule_get_timezone_id (schedule));
  if (g_set_object (&self->schedule, schedule))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
  g_object_thaw_notify (G_OBJECT (self));
  /* The views have moved to the new programme: this is most likely the old one's last
   * reference. */
  if (old != NULL)
    plenary_schedule_unref_in_thread (old);
}

static PlenaryIndicoSources *
sources_new (GBytes     *timetable,
             GBytes     *event,
             GBytes     *program,
             const char *server_base,
             const char *event_id)
{
  PlenaryIndicoSources *sources = plenary_indico_sources_new ();

  sources->timetable = g_bytes_ref (timetable);
  sources->event = g_bytes_ref (event);
  sources->program = program != NULL ? g_bytes_ref (program) : NULL;
  sources->server_base = g_strdup (server_base);
  sources->event_id = g_strdup (event_id);
  return sources;
}

static PlenaryIndicoSources *
snapshot_sources (PlenarySnapshot *snapshot,
                  const char      *server_base,
                  const char      *event_id)
{
  return sources_new (plenary_snapshot_get_timetable (snapshot),
                      plenary_snapshot_get_event (snapshot),
                      plenary_snapshot_get_program (snapshot), server_base, event_id);
}

PlenaryIndicoSources *
plenary_event_build_sources (PlenaryEvent    *self,
                             PlenarySnapshot *snapshot)
{
  return snapshot_sources (snapshot, self->server_base, self->event_id);
}

PlenaryIndicoSources *
plenary_event_build_sources_from_parts (PlenaryEvent *self,
                                        GBytes       *timetable,
                                        GBytes       *event,
                                        GBytes       *program)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);

  return sources_new (timetable, event, program, self->server_base, self->event_id);
}

/* Held answers: a sync's answer that looked wrong (see the sync service's gate) is kept in
 * held/ beside the programme, with reason.txt saying why, until the user takes it
 * (plenary_event_use_held_async()) or a good answer makes it moot. */

#define HELD_DIR    "held"
#define HELD_REASON "reason.txt"

static void
set_held_message (PlenaryEvent *self,
                  const char   *message)
{
  if (set_str (&self->held_message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD_MESSAGE]);
}

const char *
plenary_event_get_held_message (PlenaryEvent *self)
{
  g_return_val_if_fail (PLENARY_IS_EVENT (self), NULL);
  return self->held_message;
}

static const char *held_kinds[] = { "empty", "shrunk", "no-access" };

char *
plenary_event_held_facts (PlenaryHeldKind  kind,
                          const char      *host,
                          guint            before,
                          guint            now,
                          GDateTime       *shown_since)
{
  g_autofree char *since = shown_since != NULL ? g_date_time_format_iso8601 (shown_since) : NULL;

  g_return_val_if_fail (kind < G_N_ELEMENTS (held_kinds), NULL);
  g_return_val_if_fail (host != NULL && strchr (host, '\n') == NULL, NULL);

  return g_strdup_printf ("kind=%s\nhost=%s\nbefore=%u\nnow=%u\nsince=%s\n", held_kinds[kind],
                          host, before, now, since != NULL ? since : "");
}

/* "lpc.events sent an empty programme; still showing the one from Tuesday 14:02.", from the
 * facts; NULL when they do not read as facts. */
static char *
describe_held (const char *facts)
{
  g_auto (GStrv) lines = g_strsplit (facts, "\n", -1);
  const char *kind = NULL, *host = NULL, *since = NULL;
  guint64 before = 0, now = 0;
  g_autoptr (GDateTime) when_utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *when = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *value = strchr (lines[i], '=');

      if (value == NULL)
        continue;
      value++;
      if (g_str_has_prefix (lines[i], "kind="))
        kind = value;
      else if (g_str_has_prefix (lines[i], "host="))
        host = value;
      else if (g_str_has_prefix (lines[i], "since="))
        since = value;
      else if (g_str_has_prefix (lines[i], "before="))
        before = g_ascii_strtoull (value, NULL, 10);
      else if (g_str_has_prefix (lines[i], "now="))
        now = g_ascii_strtoull (value, NULL, 10);
    }
  if (kind == NULL || host == NULL || host[0] == '\0' || before > G_MAXUINT || now > G_MAXUINT)
    return NULL;
  when_utc = since != NULL && since[0] != '\0' ? g_date_time_new_from_iso8601 (since, NULL) : NULL;
  local = when_utc != NULL ? g_date_time_to_local (when_utc) : g_date_time_new_now_local ();
  /* Translators: when the programme on screen was downloaded, e.g. "Tuesday 14:02". */
  when = g_date_time_format (local, _("%A %H:%M"));

  if (g_str_equal (kind, "empty"))
    /* Translators: "lpc.events sent an empty programme; still showing the one from
     * Tuesday 14:02." */
    return g_strdup_printf (_("%s sent an empty programme; still showing the one from %s."),
                            host, when);
  if (g_str_equal (kind, "shrunk"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s sent a programme with %u talk instead of %u; "
                                         "still showing the one from %s.",
                                         "%s sent a programme with %u talks instead of %u; "
                                         "still showing the one from %s.", (gulong) now),
                            host, (guint) now, (guint) before, when);
  if (g_str_equal (kind, "no-access"))
    return g_strdup_printf (_("%s no longer shows this event’s details (no access); still "
                              "showing the programme from %s."), host, when);
  return NULL;
}

/* The reason of a complete held answer (its meta.json written), or NULL. Blocking. */
static char *
read_held_message (const char *dir)
{
  g_autofree char *meta = g_build_filename (dir, HELD_DIR, "meta.json", NULL);
  g_autofree char *path = g_build_filename (dir, HELD_DIR, HELD_REASON, NULL);
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_test (meta, G_FILE_TEST_EXISTS)
      || !plenary_store_read_small_file (path, &text, &length, NULL)
      || length == 0 || length > 4096 || !g_utf8_validate (text, length, NULL))
    return NULL;
  return describe_held (text);
}

/* Removes held/ and what is in it (two levels: held/previous/). Blocking. */
static void
remove_held (const char *dir)
{
  g_autofree char *held = g_build_filename (dir, HELD_DIR, NULL);
  g_autofree char *previous = g_build_filename (held, "previous", NULL);
  g_autofree char *meta = g_build_filename (held, "meta.json", NULL);
  const char *dirs[] = { previous, held };

  /* The commit record first: a half-removed held/ is never taken for a whole one. */
  g_unlink (meta);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr (GDir) handle = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[i], name, NULL);

          g_unlink (path);
        }
      g_rmdir (dirs[i]);
    }
}

typedef struct
{
  char            *dir;
  PlenarySnapshot *snapshot;
  char            *message;
  char            *server_base;
  char            *event_id;
} HeldData;

static void
held_data_free (HeldData *data)
{
  g_free (data->dir);
  g_clear_object (&data->snapshot);
  g_free (data->message);
  g_free (data->server_base);
  g_free (data->event_id);
  g_free (data);
}

static void
hold_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HeldData *data = task_data;
  g_autofree char *held = g_build_filename (data->dir, HELD_DIR, NULL);
  g_autofree char *reason = g_build_filename (held, HELD_REASON, NULL);
  GError *error = NULL;

  remove_held (data->dir);
  if (!plenary_store_write_file (reason, data->message, strlen (data->message), &error)
      || !plenary_snapshot_save (data->snapshot, held, &error))
    {
      remove_held (data->dir);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
plenary_event_hold_async (PlenaryEvent        *self,
                          PlenarySnapshot     *snapshot,
                          const char          *facts,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  HeldData *data;

  g_return_if_fail (PLENARY_IS_EVENT (self));
  g_return_if_fail (PLENARY_IS_SNAPSHOT (snapshot));
  g_return_if_fail (facts != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, plenary_event_hold_async);
  data = g_new0 (HeldData, 1);
  data->dir = g_strdup (self->directory);
  data->snapshot = g_object_ref (snapshot);
  data->message = g_strdup (facts);
  g_task_set_task_data (task, data, (GDestroyNotify) held_data_free);
  g_task_run_in_thread (task, hold_thread);
}

gboolean
plenary_event_hold_finish (PlenaryEvent  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  HeldData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  {
    g_autofree char *message = describe_held (data->message);

    set_held_message (self, message);
  }
  return TRUE;
}

static void
drop_held_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  remove_held (task_data);
  g_task_return_boolean (task, TRUE);
}

void
plenary_event_drop_held (PlenaryEvent *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PLENARY_IS_EVENT (self));

  if (self->held_message == NULL)
    return;
  set_held_message (self, NULL);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_strdup (self->directory), g_free);
  g_task_run_in_thread (task, drop_held_thread);
}

typedef struct
{
  PlenarySnapshot *snapshot;
  PlenarySchedule *schedule;
} Taken;

static void
taken_free (Taken *taken)
{
  g_clear_object (&taken->snapshot);
  g_clear_object (&taken->schedule);
  g_free (taken);
}

static void
use_held_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  HeldData *data = task_data;
  g_autofree char *held = g_build_filename (data->dir, HELD_DIR, NULL);
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (PlenarySnapshot) snapshot = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;
  GError *error = NULL;
  Taken *taken;

  snapshot = plenary_snapshot_load (held, NULL, &error);
  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sources = snapshot_sources (snapshot, data->server_base, data->event_id);
  schedule = plenary_indico_parse (sources, NULL, &error);
  if (schedule == NULL || !plenary_store_commit (data->dir, snapshot, schedule, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  remove_held (data->dir);

  taken = g_new0 (Taken, 1);
  taken->snapshot = g_steal_pointer (&snapshot);
  taken->schedule = g_steal_pointer (&schedule);
  g_task_return_pointer (task, taken, (GDestroyNotify) taken_free);
}

void
plenary_event_use_held_async (PlenaryEvent        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  HeldData *data;

  g_return_if_fail (PLENARY_IS_EVENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_event_use_held_async);
  data = g_new0 (HeldData, 1);
  data->dir = g_strdup (self->directory);
  data->server_base = g_strdup (self->server_base);
  data->event_id = g_strdup (self->event_id);
  g_task_set_task_data (task, data, (GDestroyNotify) held_data_free);
  /* Once begun, it runs to the end: it replaces the stored programme. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, use_held_thread);
}

gboolean
plenary_event_use_held_finish (PlenaryEvent  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  Taken *taken;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  taken = g_task_propagate_pointer (G_TASK (result), error);
  if (taken == NULL)
    return FALSE;
  plenary_event_set_programme (self, taken->snapshot, taken->schedule);
  plenary_event_set_last_sync (self, plenary_snapshot_get_fetched_at (taken->snapshot));
  set_held_message (self, NULL);
  plenary_event_set_sync_state (self, PLENARY_SYNC_STATE_IDLE, NULL);
  taken_free (taken);
  return TRUE;
}

/* Loading from disk: the quick way first (the schedule cache, with the snapshot mapped), else
 * snapshot (thread) → parse (thread); then the user data (thread). */

typedef struct
{
  PlenarySnapshot *snapshot;
  GPtrArray       *warnings;
  gboolean         retried;
  gboolean         from_cache;
  char            *held_message;
  GError          *stored_error;   /* why the exports could not be used, for the last resort */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->held_message, g_free);
  g_clear_object (&data->snapshot);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_clear_error (&data->stored_error);
  g_free (data);
}

static void load_snapshot_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
user_data_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  /* A damaged user.json was set aside and is reported, but the programme still shows. */
  if (!plenary_user_data_load_finish (PLENARY_USER_DATA (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (data->warnings, g_strdup (error->message));
    }
  g_task_return_boolean (task, TRUE);
}

/* The programme is in (from the cache or the JSON): on screen, then the user data. */
static void
show_loaded (GTask           *task,
             PlenarySnapshot *snapshot,
             PlenarySchedule *schedule,
             gboolean         from_cache)
{
  PlenaryEvent *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  /* Parsed from the snapshot's JSON: stored in its derived form for the next start. */
  data->from_cache = from_cache;
  if (!from_cache && snapshot != NULL)
    plenary_store_write_cache_in_background (self->directory, snapshot, schedule);

  plenary_event_set_programme (self, snapshot, schedule);
  if (snapshot != NULL)
    plenary_event_set_last_sync (self, plenary_snapshot_get_fetched_at (snapshot));
  set_held_message (self, data->held_message);
  plenary_user_data_load_async (self->user_data, g_task_get_cancellable (task),
                                user_data_loaded_cb, task);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  PlenaryEvent *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GError) error = NULL;

  schedule = plenary_indico_parse_finish (result, NULL, &error);
  if (schedule == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->retried)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* A stored snapshot that does not parse (damaged, or from a parser that has since
       * changed) is set aside once; the previous one is tried next. */
      g_message ("Stored programme of %s does not parse: %s", self->key, error->message);
      g_ptr_array_add (data->warnings,
                       g_strdup (_("The stored programme was damaged and has been set aside")));
      data->retried = TRUE;
      plenary_snapshot_discard_and_load_async (self->directory, cancellable, load_snapshot_cb,
                                               g_steal_pointer (&task));
      return;
    }

  show_loaded (g_steal_pointer (&task), data->snapshot, schedule, FALSE);
}

static void
last_resort_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  PlenarySchedule *schedule = plenary_schedule_cache_load (task_data, NULL, &error);

  if (schedule == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, schedule, g_object_unref);
}

static void
last_resort_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  PlenaryEvent *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (PlenarySchedule) schedule = NULL;
  g_autoptr (GError) error = NULL;

  schedule = g_task_propagate_pointer (G_TASK (result), &error);
  if (schedule == NULL)
    {
      if (!g_error_matches (error, PLENARY_SCHEDULE_CACHE_ERROR,
                            PLENARY_SCHEDULE_CACHE_ERROR_MISSING))
        g_message ("No usable schedule cache in %s either: %s", self->directory,
                   error->message);
      plenary_user_data_load_async (self->user_data, g_task_get_cancellable (task), NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&data->stored_error));
      return;
    }
  g_message ("Showing the schedule cache of %s: %s", self->directory,
             data->stored_error->message);
  g_ptr_array_add (data->warnings,
                   g_strdup (_("The stored programme was damaged; showing the copy kept for a "
                               "quick start. Plenary will download the programme again")));
  show_loaded (g_steal_pointer (&task), NULL, schedule, TRUE);
}

static void
load_snapshot_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  PlenaryEvent *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&data->snapshot);
  data->snapshot = plenary_snapshot_load_finish (result, &warnings, &error);
  if (warnings != NULL)
    for (guint i = 0; i < warnings->len; i++)
      g_ptr_array_add (data->warnings, g_strdup (g_ptr_array_index (warnings, i)));

  /* (Also with no snapshot at all: a damaged meta.json set aside at the last start.) */
  if (data->snapshot == NULL && error != NULL && error->domain == PLENARY_STORE_ERROR)
    {
      g_autoptr (GTask) cache_task = g_task_new (NULL, cancellable, last_resort_cb,
                                                 g_steal_pointer (&task));

      /* The exports are damaged and there is no previous copy: the schedule cache, derived
       * from them when they were good, is better than nothing. */
      g_clear_error (&data->stored_error);
      data->stored_error = g_steal_pointer (&error);
      g_task_set_task_data (cache_task, g_strdup (self->directory), g_free);
      g_task_run_in_thread (cache_task, last_resort_thread);
      return;
    }
  if (data->snapshot == NULL)
    {
      /* Still load the user data: stars survive even when the programme does not. */
      plenary_user_data_load_async (self->user_data, g_task_get_cancellable (task), NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sources = plenary_event_build_sources (self, data->snapshot);
  plenary_indico_parse_async (sources, cancellable, parsed_cb, g_steal_pointer (&task));
}

/* The quick way: what the last commit stored, read back from the schedule cache. */
typedef struct
{
  PlenarySnapshot *snapshot;
  PlenarySchedule *schedule;
  char            *held_message;
} CacheResult;

static void
cache_result_free (CacheResult *result)
{
  g_free (result->held_message);
  g_clear_object (&result->snapshot);
  g_clear_object (&result->schedule);
  g_free (result);
}

static void
load_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *dir = task_data;
  CacheResult *result = g_new0 (CacheResult, 1);

  result->held_message = read_held_message (dir);
  result->schedule = plenary_store_open_committed (dir, &result->snapshot);
  g_task_return_pointer (task, result, (GDestroyNotify) cache_result_free);
}

static void
cache_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  PlenaryEvent *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  CacheResult *found = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&found, cache_result_free);
      return;
    }

  if (found != NULL)
    {
      LoadData *data = g_task_get_task_data (task);

      g_free (data->held_message);
      data->held_message = g_steal_pointer (&found->held_message);
    }
  if (found == NULL || found->schedule == NULL)
    {
      /* Missing, stale or damaged: the JSON, verified and parsed, as before. */
      g_clear_pointer (&found, cache_result_free);
      plenary_snapshot_load_async (self->directory, cancellable, load_snapshot_cb,
                                   g_steal_pointer (&task));
      return;
    }

  show_loaded (g_steal_pointer (&task), found->snapshot, found->schedule, TRUE);
  cache_result_free (found);
}

void
plenary_event_load_async (PlenaryEvent        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) cache_task = NULL;
  LoadData *data;

  g_return_if_fail (PLENARY_IS_EVENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_event_load_async);
  data = g_new0 (LoadData, 1);
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  cache_task = g_task_new (NULL, cancellable, cache_loaded_cb, g_steal_pointer (&task));
  g_task_set_source_tag (cache_task, load_cache_thread);
  g_task_set_task_data (cache_task, g_strdup (self->directory), g_free);
  g_task_run_in_thread (cache_task, load_cache_thread);
}

gboolean
plenary_event_load_finish (PlenaryEvent  *self,
                           GAsyncResult  *result,
                           GStrv         *warnings,
                           GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (warnings != NULL)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < data->warnings->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (data->warnings, i));
      *warnings = g_strv_builder_end (builder);
    }
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
plenary_event_load_was_cached (PlenaryEvent *self,
                               GAsyncResult *result)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  return data->from_cache;
}
