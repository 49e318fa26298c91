/* plenary-sync-service.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sync is a chain of callbacks on a SyncJob: token lookup → the parts of the Indico
 * client's endpoint table, downloaded side by side (the event export once the timetable's
 * head names its zone) → compare hashes → parse (thread) → save (thread) → swap. The job owns
 * itself: it holds the one reference on the service while any stage is pending, and every
 * stage ends it through job_fail() or job_done(), once no download is left running. Redirects
 * are followed here, not by libsoup, with the client's policy deciding about the
 * Authorization header for every hop.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "indico/plenary-indico-client.h"
#include "indico/plenary-indico-parser.h"
#include "store/plenary-commit.h"
#include "store/plenary-credentials.h"
#include "store/plenary-store.h"
#include "util/plenary-json.h"
#include "plenary-sync-service.h"

#define READ_CHUNK        (256 * 1024)
/* The timetable's zone (for the event export's tz=) is in its first entry: looked for in this
 * much of the body as it arrives, else in the whole body once it is in. */
#define ZONE_HEAD         (64 * 1024)
#define BACKOFF_MIN_S     30
#define BACKOFF_MAX_S     (30 * 60)

G_DEFINE_QUARK (plenary-sync-error-quark, plenary_sync_error)

struct _PlenarySyncService
{
  GObject          parent_instance;

  SoupSession     *session;
  GNetworkMonitor *monitor;
  GCancellable    *cancellable;
  GHashTable      *jobs;          /* PlenaryEvent → SyncJob, while syncing */
  GHashTable      *scheduled;     /* PlenaryEvent → Schedule, for automatic syncs */
  guint64          max_body_size;
  guint            deadline;      /* seconds for a whole sync */
  guint            min_rate;      /* bytes per second while a body is read */
  guint            rate_window;   /* seconds over which the rate is measured */
  guint            refresh_interval;
  gboolean         use_keyring;
};

G_DEFINE_FINAL_TYPE (PlenarySyncService, plenary_sync_service, G_TYPE_OBJECT)

enum {
  PROGRAMME_PARSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_MAX_BODY_SIZE,
  PROP_DEADLINE,
  PROP_MIN_RATE,
  PROP_RATE_WINDOW,
  PROP_REFRESH_INTERVAL,
  PROP_USE_KEYRING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Automatic syncs of one event. */
typedef struct
{
  PlenarySyncService *service;     /* unowned: the service owns this */
  PlenaryEvent       *event;
  guint               source;
  gint64              due;         /* monotonic µs, 0 when nothing is planned */
  guint               failures;
  gboolean            retriable;   /* the last failure may go away by itself */
} Schedule;

typedef struct _SyncJob SyncJob;

/* One part's download: its own request, redirect chain and body. */
typedef struct
{
  SyncJob          *job;          /* unowned: the job ends only once every fetch has */
  PlenaryIndicoPart part;
  GUri             *uri;          /* the URL being fetched (after redirects) */
  guint             redirects;
  gboolean          left_origin;  /* this redirect chain has left the token's origin */
  SoupMessage      *msg;
  GInputStream     *stream;
  GByteArray       *buffer;
  gsize             filled;       /* bytes of the body in buffer (its length is its room) */
  gsize             head_scanned; /* of the timetable's body, looked at for its zone */
} PartFetch;

/* One caller of a sync. Callers share a job, but each waits on its own: its cancellable
 * ends its wait at once, and the job stops only when no caller is left. */
typedef struct
{
  GTask   *task;
  GSource *cancelled;   /* dispatched when the task's cancellable is cancelled */
  SyncJob *job;         /* the job it waits for: a Refresh moves it to the new one */
} Caller;

struct _SyncJob
{
  PlenarySyncService *service;   /* owned: the job's one reference, dropped when it is freed */
  PlenaryEvent  *event;
  GList         *callers;        /* Caller, each with its task */
  GCancellable  *cancellable;
  gulong         service_handler;
  gboolean       force;
  char          *token;
  GBytes        *bodies[PLENARY_INDICO_N_PARTS];
  PlenaryIndicoProgram *program; /* the program part as read when it came, for the parse */
  PartFetch     *fetches[PLENARY_INDICO_N_PARTS]; /* the downloads under way */
  gboolean       requested[PLENARY_INDICO_N_PARTS];
  guint          n_fetching;
  GError        *fetch_error;    /* the first part that failed: the others are stopped */
  char          *zone;           /* the timetable's, once seen: the event export's tz= */
  gint64         retry_after;    /* seconds, from a 429/503, or -1 */
  PlenarySnapshot *snapshot;
  /* Parsing while the bodies are hashed (they differ from the current ones in size): both
   * must be in before the job goes on. */
  guint          n_running;
  PlenarySchedule *parsed;
  PlenaryIndicoParseFacts parse_facts;
  GError        *parse_error;
  GError        *snapshot_error;
  gboolean       processing;     /* fetched: parsing or saving, no longer cancelled */
  char          *writing;        /* the event's folder, while processing may write there */
  gboolean       superseded;     /* a Refresh replaced it: finishes silently */
  guint          deadline_source;
  guint          rate_source;
  guint64        window_bytes;   /* body bytes since the last rate check */
  gboolean       was_reading;    /* a body was being read at the last rate check */
  GError        *stop_reason;    /* why the job cancelled itself (deadline, rate) */
};

static void schedule_next (PlenarySyncService *self,
                           Schedule           *schedule,
                           gint64              seconds);
static void send_part     (PartFetch          *fetch);

static void
caller_free (Caller *caller)
{
  if (caller->cancelled != NULL)
    {
      g_source_destroy (caller->cancelled);
      g_source_unref (caller->cancelled);
    }
  g_object_unref (caller->task);
  g_free (caller);
}

static void
sync_job_free (SyncJob *job)
{
  g_clear_object (&job->event);
  g_list_free_full (job->callers, (GDestroyNotify) caller_free);
  g_cancellable_disconnect (job->service->cancellable, job->service_handler);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->token, plenary_credentials_free_token);
  for (guint i = 0; i < G_N_ELEMENTS (job->bodies); i++)
    g_clear_pointer (&job->bodies[i], g_bytes_unref);
  g_clear_pointer (&job->program, plenary_indico_program_unref);
  g_clear_error (&job->fetch_error);
  g_free (job->zone);
  g_clear_object (&job->snapshot);
  g_clear_object (&job->parsed);
  g_clear_error (&job->parse_error);
  g_clear_error (&job->snapshot_error);
  if (job->writing != NULL)
    plenary_store_end_write (job->writing);
  g_free (job->writing);
  g_clear_handle_id (&job->deadline_source, g_source_remove);
  g_clear_handle_id (&job->rate_source, g_source_remove);
  g_clear_error (&job->stop_reason);
  /* Last: this may be the service's last reference. */
  g_object_unref (job->service);
  g_free (job);
}

/* Errors */

static gboolean
is_retriable (const GError *error)
{
  if (error->domain != PLENARY_SYNC_ERROR)
    return FALSE;
  switch (error->code)
    {
    case PLENARY_SYNC_ERROR_SERVER:
    case PLENARY_SYNC_ERROR_RATE_LIMITED:
    case PLENARY_SYNC_ERROR_TRUNCATED:
    case PLENARY_SYNC_ERROR_TIMEOUT:
    case PLENARY_SYNC_ERROR_OFFLINE:
    case PLENARY_SYNC_ERROR_CONNECTION:
    case PLENARY_SYNC_ERROR_SAVE:
      return TRUE;
    default:
      return FALSE;
    }
}

static GError *
network_error (GUri   *uri,
               GError *error)
{
  g_autofree char *host = g_strdup (g_uri_get_host (uri));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TIMEOUT,
                        _("%s did not answer in time. Plenary will try again later"), host);
  if (error->domain == G_RESOLVER_ERROR
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_OFFLINE,
                        _("Offline: %s cannot be reached. Showing the last downloaded copy; "
                          "Plenary will update it when the network is back"), host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TRUNCATED,
                        _("The download from %s was interrupted before the whole "
                          "programme arrived. Plenary will try again soon"), host);
  /* GIO's text names the host already ("Could not connect to lpc.events: Connection
   * refused"): then it is the sentence, not a parenthesis repeating it. */
  if (host != NULL && strstr (error->message, host) != NULL)
    /* Translators: %s is the network library's own sentence, naming the server. */
    return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_CONNECTION,
                        _("%s. Plenary will try again later"), error->message);
  return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_CONNECTION,
                      _("Could not connect to %s (%s). Plenary will try again later"),
                      host, error->message);
}

/* Status and body of one answer → an error, or NULL when it is a usable JSON body. */
static GError *
check_answer (PartFetch *fetch,
              GBytes    *body)
{
  SyncJob *job = fetch->job;
  g_autofree char *message = NULL;
  g_autofree char *host = g_strdup (g_uri_get_host (fetch->uri));
  guint status = soup_message_get_status (fetch->msg);
  gint64 ignored_retry_after;
  /* The optional part's answer never fails the sync: nor does its Retry-After delay the next. */
  gint64 *retry_after = plenary_indico_client_get_endpoint (fetch->part)->optional
                        ? &ignored_retry_after : &job->retry_after;

  switch (plenary_indico_client_classify (fetch->msg, body, job->token, &message, retry_after))
    {
    case PLENARY_INDICO_ANSWER_JSON:
      return NULL;
    case PLENARY_INDICO_ANSWER_WEB_PAGE:
      return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_NOT_JSON,
                          _("%s sent a web page instead of the programme: the event may be "
                            "protected by an access key or need a login. If you have an "
                            "account there, add an Indico API token in Preferences"), host);
    case PLENARY_INDICO_ANSWER_OAUTH:
      return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_OAUTH,
                          _("%s rejected the access token: it is invalid, expired, or "
                            "lacks the “read:legacy_api” scope. Create a token with that "
                            "scope in Indico (your profile, API tokens) and enter it in "
                            "Preferences"), host);
    case PLENARY_INDICO_ANSWER_UNAUTHORIZED:
      return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_UNAUTHORIZED,
                          _("%s asks for a login. Add an Indico API token for this server "
                            "in Preferences"), host);
    case PLENARY_INDICO_ANSWER_FORBIDDEN:
      if (message != NULL)
        return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_FORBIDDEN,
                            _("%s refused access: “%s”. If the event is private, add an "
                              "Indico API token that can see it in Preferences"),
                            host, message);
      return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_FORBIDDEN,
                          _("%s refused access. If the event is private, add an Indico API "
                            "token that can see it in Preferences"), host);
    case PLENARY_INDICO_ANSWER_NOT_FOUND:
      return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_NOT_FOUND,
                          _("Event not found: %s has nothing at this address. Check the "
                            "event’s link"), host);
    case PLENARY_INDICO_ANSWER_RATE_LIMITED:
      return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_RATE_LIMITED,
                          _("%s asks Plenary to slow down. Plenary will try again later"),
                          host);
    case PLENARY_INDICO_ANSWER_SERVER:
      return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_SERVER,
                          _("%s is having trouble (HTTP %u). Plenary will try again later"),
                          host, status);
    case PLENARY_INDICO_ANSWER_REDIRECT:
    case PLENARY_INDICO_ANSWER_OTHER:
    default:
      break;
    }
  if (message != NULL)
    return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_INDICO,
                        _("%s answered: “%s”"), host, message);
  return g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_HTTP,
                      _("%s gave an unexpected answer (HTTP %u). Check the event’s link"),
                      host, status);
}

/* Finishing: every stage leaves through job_done() or job_fail(), which free the job. */

static void job_finish (SyncJob  *job,
                        GError   *error,
                        gboolean  changed);

/* How a job ended, kept while the parts it staged and did not store are deleted. */
typedef struct
{
  SyncJob  *job;
  GError   *error;
  gboolean  changed;
} Ending;

static void
unstage_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Ending *ending = task_data;

  plenary_snapshot_unstage (ending->job->snapshot);
  g_task_return_boolean (task, TRUE);
}

static void
unstaged_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Ending *ending = g_task_get_task_data (G_TASK (result));

  job_finish (ending->job, g_steal_pointer (&ending->error), ending->changed);
  g_free (ending);
}

static void
job_finish (SyncJob  *job,
            GError   *error,     /* (transfer full) (nullable) */
            gboolean  changed)
{
  PlenarySyncService *self = job->service;
  Schedule *schedule = g_hash_table_lookup (self->scheduled, job->event);
  GList *callers;

  /* Parts staged beside the parse and not stored (held aside, or the sync failed): deleted
   * before the job ends, in a worker, while the job still keeps the folder from deletion. */
  if (job->snapshot != NULL && plenary_snapshot_has_staged (job->snapshot))
    {
      g_autoptr (GTask) task = g_task_new (NULL, NULL, unstaged_cb, NULL);
      Ending *ending = g_new0 (Ending, 1);

      ending->job = job;
      ending->error = error;
      ending->changed = changed;
      g_task_set_task_data (task, ending, NULL);
      g_task_run_in_thread (task, unstage_thread);
      return;
    }

  /* Replaced by a Refresh: its callers went to the new job, its state is the new job's. */
  if (job->superseded)
    {
      g_clear_error (&error);
      sync_job_free (job);
      return;
    }
  callers = g_steal_pointer (&job->callers);
  if (g_hash_table_lookup (self->jobs, job->event) == job)
    g_hash_table_steal (self->jobs, job->event);

  /* The job stopped itself: say why, not "cancelled". */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && job->stop_reason != NULL)
    {
      g_clear_error (&error);
      error = g_steal_pointer (&job->stop_reason);
    }
  /* No server text reaches the screen or the log with the token in it. */
  if (error != NULL && job->token != NULL)
    {
      g_autofree char *scrubbed = plenary_indico_client_scrub_token (error->message,
                                                                     job->token);

      g_free (error->message);
      error->message = g_steal_pointer (&scrubbed);
    }

  if (error == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      plenary_event_set_last_sync (job->event, now);
      plenary_event_set_sync_state (job->event, PLENARY_SYNC_STATE_IDLE, NULL);
      if (schedule != NULL)
        {
          schedule->failures = 0;
          schedule->retriable = FALSE;
          schedule_next (self, schedule, (gint64) self->refresh_interval * 60);
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    plenary_event_set_sync_state (job->event, PLENARY_SYNC_STATE_IDLE, NULL);
  else
    {
      gboolean offline = g_error_matches (error, PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_OFFLINE);

      g_message ("Sync of %s failed: %s", plenary_event_get_key (job->event), error->message);
      plenary_event_set_sync_state (job->event,
                                    offline ? PLENARY_SYNC_STATE_OFFLINE
                                            : PLENARY_SYNC_STATE_ERROR,
                                    error->message);
      if (schedule != NULL)
        {
          schedule->retriable = is_retriable (error);
          if (schedule->retriable)
            {
              /* Exponential backoff with jitter in [½, 1], so many clients do not return
               * to a struggling server in lockstep. */
              gint64 delay = MIN ((gint64) BACKOFF_MIN_S << MIN (schedule->failures, 10),
                                  BACKOFF_MAX_S);

              delay = delay / 2 + g_random_int_range (0, (gint32) (delay / 2) + 1);
              schedule->failures++;
              if (job->retry_after > delay)
                delay = job->retry_after;
              schedule_next (self, schedule, delay);
            }
          else
            schedule_next (self, schedule, (gint64) self->refresh_interval * 60);
        }
    }

  for (GList *l = callers; l != NULL; l = l->next)
    {
      GTask *task = ((Caller *) l->data)->task;

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        {
          g_task_set_task_data (task, GINT_TO_POINTER (changed), NULL);
          g_task_return_boolean (task, TRUE);
        }
    }
  g_list_free_full (callers, (GDestroyNotify) caller_free);
  g_clear_error (&error);
  sync_job_free (job);
}

static void
job_done (SyncJob  *job,
          gboolean  changed)
{
  job_finish (job, NULL, changed);
}

static void
job_fail (SyncJob *job,
          GError  *error)     /* (transfer full) */
{
  job_finish (job, error, FALSE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SyncJob *job = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenarySchedule) schedule = NULL;

  if (!plenary_store_commit_finish (result, &schedule, &error))
    {
      job_fail (job, g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_SAVE,
                                  _("The new programme could not be saved: %s"),
                                  error->message));
      return;
    }

  plenary_event_set_programme (job->event, job->snapshot, schedule);
  /* A good answer replaced the programme: anything held from before is moot. */
  plenary_event_drop_held (job->event);
  job_done (job, TRUE);
}

static void
held_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SyncJob *job = user_data;
  g_autoptr (GError) error = NULL;
  const char *message;

  /* Not kept aside (a full disk): still not taken, and said so. */
  if (!plenary_event_hold_finish (job->event, result, &error))
    {
      job_fail (job, g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_SAVE,
                                  _("The new programme looks wrong and could not be kept "
                                    "aside: %s"), error->message));
      return;
    }
  message = plenary_event_get_held_message (job->event);
  g_message ("Holding the new programme of %s: %s", plenary_event_get_key (job->event), message);
  job_fail (job, g_error_new_literal (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_HELD, message));
}

static char *
held_reason (PlenaryEvent                  *event,
             PlenarySchedule               *schedule,
             const PlenaryIndicoParseFacts *facts)
{
  PlenarySchedule *current = plenary_event_get_schedule (event);
  PlenarySnapshot *snapshot = plenary_event_get_snapshot (event);
  GDateTime *fetched = snapshot != NULL ? plenary_snapshot_get_fetched_at (snapshot)
                                        : plenary_event_get_last_sync (event);
  g_autoptr (GUri) uri = g_uri_parse (plenary_event_get_server_base (event),
                                      SOUP_HTTP_URI_FLAGS, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : plenary_event_get_server_base (event);
  guint before, now;

  if (current == NULL)
    return NULL;
  before = plenary_schedule_get_n_contributions (current);
  now = plenary_schedule_get_n_contributions (schedule);
  if (now == 0 && before > 0)
    return plenary_event_held_facts (PLENARY_HELD_EMPTY, host, before, now, fetched);
  if ((guint64) now * 2 < before)
    return plenary_event_held_facts (PLENARY_HELD_SHRUNK, host, before, now, fetched);
  /* A "no access" answer has no title of its own: one that differs from the programme's means
   * the access was lost, not that the event never had one. */
  if (facts->no_access
      && g_strcmp0 (plenary_schedule_get_title (current), plenary_schedule_get_title (schedule)) != 0)
    return plenary_event_held_facts (PLENARY_HELD_NO_ACCESS, host, before, now, fetched);
  return NULL;
}

/* The new programme is parsed and job->snapshot made: judged, then stored. */
static void
parse_done (SyncJob                       *job,
            PlenarySchedule               *schedule,
            const PlenaryIndicoParseFacts *facts)
{
  g_autofree char *reason = NULL;
  GError *error = NULL;

  /* The parse read the envelope's ts: storing the snapshot need not parse it again. */
  plenary_snapshot_set_ts (job->snapshot, facts->ts);

  /* Removed meanwhile: its folder is deleted once this job ends; nothing to store there. */
  if (g_cancellable_set_error_if_cancelled (job->cancellable, &error))
    {
      job_fail (job, error);
      return;
    }

  /* The plausibility gate: an answer that would take away most of a good programme is
   * kept aside, not stored over it; the user decides (win.use-held-programme). */
  reason = held_reason (job->event, schedule, facts);
  if (reason != NULL)
    {
      plenary_event_hold_async (job->event, job->snapshot, reason, held_cb, job);
      return;
    }

  /* The user asked for it and will look at it: what is derived from it (the search index)
   * can be made now, beside the commit's writes, rather than after the window shows it. */
  if (job->force)
    g_signal_emit (job->service, signals[PROGRAMME_PARSED], 0, job->event, schedule);
  /* Not cancelled half-way (see plenary_store_commit_async()). */
  plenary_store_commit_async (plenary_event_get_directory (job->event), job->snapshot,
                              schedule, saved_cb, job);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncJob *job = user_data;
  g_autoptr (PlenarySchedule) schedule = NULL;
  PlenaryIndicoParseFacts facts;
  GError *error = NULL;

  schedule = plenary_indico_parse_finish (result, &facts, &error);
  if (schedule == NULL)
    job_fail (job, error);
  else
    parse_done (job, schedule, &facts);
}

/* Both halves of a parse run beside the hashing are in. */
static void
parse_and_snapshot_done (SyncJob *job)
{
  g_autoptr (PlenarySchedule) schedule = g_steal_pointer (&job->parsed);

  if (job->snapshot_error != NULL)
    job_fail (job, g_steal_pointer (&job->snapshot_error));
  else if (job->parse_error != NULL)
    job_fail (job, g_steal_pointer (&job->parse_error));
  else
    parse_done (job, schedule, &job->parse_facts);
}

static void
early_parsed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SyncJob *job = user_data;

  job->parsed = plenary_indico_parse_finish (result, &job->parse_facts, &job->parse_error);
  if (--job->n_running == 0)
    parse_and_snapshot_done (job);
}

static PlenaryIndicoSources *
job_sources (SyncJob *job)
{
  PlenaryIndicoSources *sources;

  sources = plenary_event_build_sources_from_parts (job->event,
                                                    job->bodies[PLENARY_INDICO_PART_TIMETABLE],
                                                    job->bodies[PLENARY_INDICO_PART_EVENT],
                                                    job->bodies[PLENARY_INDICO_PART_PROGRAM]);
  sources->strict = TRUE;
  if (job->program != NULL)
    sources->program_read = plenary_indico_program_ref (job->program);
  return sources;
}

static void
snapshot_made_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SyncJob *job = user_data;
  PlenarySnapshot *current = plenary_event_get_snapshot (job->event);
  g_autoptr (PlenaryIndicoSources) sources = NULL;
  GError *error = NULL;

  job->snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->n_running > 0)
    {
      job->snapshot_error = error;
      if (--job->n_running == 0)
        parse_and_snapshot_done (job);
      return;
    }
  if (job->snapshot == NULL)
    {
      job_fail (job, error);
      return;
    }

  /* Indico sends no ETag: identical hashes mean nothing changed, so nothing is parsed
   * and nothing written. */
  if (current != NULL && plenary_snapshot_same_bodies (current, job->snapshot))
    {
      plenary_event_drop_held (job->event);
      job_done (job, FALSE);
      return;
    }

  sources = job_sources (job);
  plenary_indico_parse_async (sources, job->cancellable, parsed_cb, job);
}

/* What the hashing worker is given: its own references to the bodies, and the event's folder
 * when the parts are to be staged there too. */
typedef struct
{
  GBytes *bodies[PLENARY_INDICO_N_PARTS];
  char   *stage_dir;
} SnapshotWork;

static void
snapshot_work_free (SnapshotWork *work)
{
  for (guint i = 0; i < PLENARY_INDICO_N_PARTS; i++)
    g_clear_pointer (&work->bodies[i], g_bytes_unref);
  g_free (work->stage_dir);
  g_free (work);
}

static void
make_snapshot_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SnapshotWork *work = task_data;
  PlenarySnapshot *snapshot = plenary_snapshot_new (work->bodies[PLENARY_INDICO_PART_TIMETABLE],
                                                    work->bodies[PLENARY_INDICO_PART_EVENT],
                                                    work->bodies[PLENARY_INDICO_PART_PROGRAM],
                                                    NULL);

  /* This core has finished hashing while the other still parses: writing the parts now
   * leaves the commit only the cache to write and the renames (at 20,000 talks, 88 MB and a
   * fifth of a second less after the parse). */
  if (work->stage_dir != NULL && !g_cancellable_is_cancelled (cancellable))
    plenary_snapshot_stage (snapshot, work->stage_dir);
  g_task_return_pointer (task, snapshot, g_object_unref);
}

static gboolean
bodies_differ_in_size (PlenarySnapshot *current,
                       GBytes          *bodies[PLENARY_INDICO_N_PARTS])
{
  GBytes *current_parts[PLENARY_INDICO_N_PARTS];

  if (current == NULL)
    return TRUE;
  current_parts[PLENARY_INDICO_PART_TIMETABLE] = plenary_snapshot_get_timetable (current);
  current_parts[PLENARY_INDICO_PART_EVENT] = plenary_snapshot_get_event (current);
  current_parts[PLENARY_INDICO_PART_PROGRAM] = plenary_snapshot_get_program (current);
  for (guint i = 0; i < PLENARY_INDICO_N_PARTS; i++)
    if ((bodies[i] == NULL) != (current_parts[i] == NULL)
        || (bodies[i] != NULL && g_bytes_get_size (bodies[i]) != g_bytes_get_size (current_parts[i])))
      return TRUE;
  return FALSE;
}

static void
all_fetched (SyncJob *job)
{
  g_autoptr (GTask) task = NULL;
  const char *dir = plenary_event_get_directory (job->event);
  GError *error = NULL;
  SnapshotWork *work;

  /* From here the job may write in the event's folder (a commit, or a programme held
   * aside): forgetting the event deletes the folder only once the job has ended. */
  if (g_cancellable_set_error_if_cancelled (job->cancellable, &error)
      || !plenary_store_begin_write (dir, &error))
    {
      job_fail (job, error);
      return;
    }
  job->writing = g_strdup (dir);
  job->processing = TRUE;
  g_clear_handle_id (&job->rate_source, g_source_remove);

  task = g_task_new (NULL, job->cancellable, snapshot_made_cb, job);
  work = g_new0 (SnapshotWork, 1);

  /* Hashing the bodies (88 MB at 20,000 talks) is not for the main thread. The task keeps its
   * own references, whatever happens to the job meanwhile. */
  for (guint i = 0; i < PLENARY_INDICO_N_PARTS; i++)
    work->bodies[i] = job->bodies[i] != NULL ? g_bytes_ref (job->bodies[i]) : NULL;
  g_task_set_source_tag (task, all_fetched);

  /* Bodies of other sizes than the current ones are new for sure: the parse need not wait
   * for the hashes that would say so, and the parts will be stored unless the parse or the
   * plausibility gate says no, so they are staged beside it. Same sizes are most likely the
   * same answer: hashed first, parsed only if not. */
  if (bodies_differ_in_size (plenary_event_get_snapshot (job->event), job->bodies))
    {
      g_autoptr (PlenaryIndicoSources) sources = job_sources (job);

      work->stage_dir = g_strdup (dir);
      job->n_running = 2;
      plenary_indico_parse_async (sources, job->cancellable, early_parsed_cb, job);
    }
  g_task_set_task_data (task, work, (GDestroyNotify) snapshot_work_free);
  g_task_run_in_thread (task, make_snapshot_thread);
}

static void
part_fetch_free (PartFetch *fetch)
{
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_clear_object (&fetch->msg);
  if (fetch->stream != NULL)
    g_input_stream_close (fetch->stream, NULL, NULL);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->buffer, g_byte_array_unref);
  g_free (fetch);
}

/* A download ended, with its body in job->bodies or with job->fetch_error: once every one
 * has, the job goes on (or fails with the first error; the others were stopped by it). */
static void
fetch_ended (PartFetch *fetch)
{
  SyncJob *job = fetch->job;

  job->fetches[fetch->part] = NULL;
  part_fetch_free (fetch);
  if (--job->n_fetching > 0)
    return;
  if (job->fetch_error != NULL)
    job_fail (job, g_steal_pointer (&job->fetch_error));
  else
    all_fetched (job);
}

static void take_program_body (PartFetch *fetch,
                               GBytes    *body);

static void
fetch_failed (PartFetch *fetch,
              GError    *error)   /* (transfer full) */
{
  SyncJob *job = fetch->job;

  /* The optional part (the programme page) only adds track descriptions: whatever kept it
   * from coming, short of the sync being stopped, the last good one stays and the other parts
   * go on. Downloaded beside them, its trouble must not end the sync before theirs can say
   * why. */
  if (plenary_indico_client_get_endpoint (fetch->part)->optional
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("%s of %s: %s", plenary_indico_client_get_endpoint (fetch->part)->name,
               plenary_event_get_key (job->event), error->message);
      g_error_free (error);
      take_program_body (fetch, NULL);
      return;
    }

  /* The first reason stands; the parts still coming are of no use without this one. */
  if (job->fetch_error == NULL)
    {
      job->fetch_error = error;
      g_cancellable_cancel (job->cancellable);
    }
  else
    g_error_free (error);
  fetch_ended (fetch);
}

static void
fetch_succeeded (PartFetch *fetch,
                 GBytes    *body)    /* (transfer full) (nullable) */
{
  fetch->job->bodies[fetch->part] = body;
  fetch_ended (fetch);
}

static void
request_part (SyncJob           *job,
              PlenaryIndicoPart  part)
{
  PartFetch *fetch;

  if (job->requested[part] || job->fetch_error != NULL
      || g_cancellable_is_cancelled (job->cancellable))
    return;
  fetch = g_new0 (PartFetch, 1);
  fetch->job = job;
  fetch->part = part;
  job->requested[part] = TRUE;
  job->fetches[part] = fetch;
  job->n_fetching++;
  send_part (fetch);
}

/* The event export asks for the timetable's zone: requested as soon as the timetable's head
 * names it, beside the rest of the timetable, else once the whole timetable is in. */
static void
request_event_part (PartFetch *timetable,
                    GBytes    *whole)    /* (nullable): the body, once it is all in */
{
  SyncJob *job = timetable->job;
  const char *data;
  gsize length;

  if (job->requested[PLENARY_INDICO_PART_EVENT])
    return;
  if (whole != NULL)
    data = g_bytes_get_data (whole, &length);
  else
    {
      /* A read may bring more than the head: the head is looked at up to its end. */
      if (timetable->head_scanned >= ZONE_HEAD)
        return;
      data = (const char *) timetable->buffer->data;
      length = timetable->head_scanned = MIN (timetable->filled, ZONE_HEAD);
    }
  g_clear_pointer (&job->zone, g_free);
  job->zone = plenary_indico_timetable_zone (data, length);
  if (job->zone != NULL || whole != NULL)
    request_part (job, PLENARY_INDICO_PART_EVENT);
}

/* The timetable first, and beside it what does not depend on it. */
static void
request_parts (SyncJob *job)
{
  request_part (job, PLENARY_INDICO_PART_TIMETABLE);
  for (guint part = 0; part < PLENARY_INDICO_N_PARTS; part++)
    if (!plenary_indico_client_get_endpoint (part)->zoned)
      request_part (job, part);
}

static void
abort_too_large (PartFetch *fetch)
{
  g_autofree char *size = g_format_size (fetch->job->service->max_body_size);

  /* Closing the stream (in part_fetch_free()) aborts the download; the stored snapshot is
   * left as it was. */
  fetch_failed (fetch, g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TOO_LARGE,
                                    _("The server’s answer is larger than %s, more than any "
                                      "programme needs; Plenary stopped downloading it"), size));
}

static void body_read_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

/* Reads the next piece of the body straight into the buffer's free space: no chunk to
 * allocate and copy for each read. */
static void
read_body (PartFetch *fetch)
{
  g_byte_array_set_size (fetch->buffer, (guint) (fetch->filled + READ_CHUNK));
  g_input_stream_read_async (fetch->stream, fetch->buffer->data + fetch->filled, READ_CHUNK,
                             G_PRIORITY_DEFAULT, fetch->job->cancellable, body_read_cb, fetch);
}

/* The optional programme part: the one that came if it reads as one (job->program), else
 * the last good one, so that the track descriptions stay; the titles come from the exports. */
static void
take_program_body (PartFetch *fetch,
                   GBytes    *body)   /* (transfer full) (nullable): NULL when it did not read */
{
  if (body == NULL)
    {
      PlenarySnapshot *current = plenary_event_get_snapshot (fetch->job->event);
      GBytes *kept = current != NULL ? plenary_snapshot_get_program (current) : NULL;

      body = kept != NULL ? g_bytes_ref (kept) : NULL;
    }
  fetch_succeeded (fetch, body);
}

static void
read_program_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_task_return_pointer (task, plenary_indico_program_read (task_data),
                         (GDestroyNotify) plenary_indico_program_unref);
}

static void
program_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PartFetch *fetch = user_data;
  SyncJob *job = fetch->job;
  GBytes *body = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  job->program = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      fetch_failed (fetch, error);
      return;
    }
  take_program_body (fetch, job->program != NULL ? g_bytes_ref (body) : NULL);
}

/* Parsed beside the main thread: the server decides its size, up to the body limit. */
static void
read_program (PartFetch *fetch,
              GBytes    *body)    /* (transfer full) */
{
  g_autoptr (GTask) task = g_task_new (NULL, fetch->job->cancellable, program_read_cb, fetch);

  g_task_set_task_data (task, body, (GDestroyNotify) g_bytes_unref);
  g_task_set_source_tag (task, read_program);
  g_task_run_in_thread (task, read_program_thread);
}

static void
body_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PartFetch *fetch = user_data;
  SyncJob *job = fetch->job;
  const PlenaryIndicoEndpoint *endpoint = plenary_indico_client_get_endpoint (fetch->part);
  gssize n_read;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  GError *answer_error;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n_read < 0)
    {
      fetch_failed (fetch, network_error (fetch->uri, error));
      return;
    }

  if (n_read > 0)
    {
      fetch->filled += (gsize) n_read;
      if (fetch->filled > job->service->max_body_size)
        {
          abort_too_large (fetch);
          return;
        }
      job->window_bytes += (guint64) n_read;
      if (fetch->part == PLENARY_INDICO_PART_TIMETABLE)
        request_event_part (fetch, NULL);
      read_body (fetch);
      return;
    }

  /* End of the body. */
  g_input_stream_close (fetch->stream, NULL, NULL);
  g_clear_object (&fetch->stream);
  g_byte_array_set_size (fetch->buffer, (guint) fetch->filled);
  body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->buffer));

  answer_error = check_answer (fetch, body);
  if (answer_error == NULL
      && plenary_indico_client_body_is_short (fetch->msg, g_bytes_get_size (body)))
    answer_error = g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TRUNCATED,
                                _("The download from %s was interrupted before the whole "
                                  "programme arrived. Plenary will try again soon"),
                                g_uri_get_host (fetch->uri));
  if (fetch->part == PLENARY_INDICO_PART_PROGRAM)
    {
      if (answer_error != NULL)
        {
          g_debug ("%s of %s: %s", endpoint->name, plenary_event_get_key (job->event),
                   answer_error->message);
          g_clear_error (&answer_error);
          g_clear_pointer (&body, g_bytes_unref);
          take_program_body (fetch, NULL);
          return;
        }
      read_program (fetch, g_steal_pointer (&body));
      return;
    }
  if (answer_error != NULL)
    {
      fetch_failed (fetch, answer_error);
      return;
    }

  if (fetch->part == PLENARY_INDICO_PART_TIMETABLE)
    request_event_part (fetch, body);
  fetch_succeeded (fetch, g_steal_pointer (&body));
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PartFetch *fetch = user_data;
  SyncJob *job = fetch->job;
  guint64 max_body_size = job->service->max_body_size;
  g_autoptr (GError) error = NULL;
  goffset length;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (fetch->stream == NULL)
    {
      fetch_failed (fetch, network_error (fetch->uri, error));
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (soup_message_get_status (fetch->msg)))
    {
      GUri *target = plenary_indico_client_follow_redirect (
        fetch->msg, fetch->uri, plenary_event_get_server_base (job->event), &fetch->redirects,
        &fetch->left_origin);

      g_input_stream_close (fetch->stream, NULL, NULL);
      g_clear_object (&fetch->stream);
      if (target == NULL)
        {
          fetch_failed (fetch, g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_REDIRECT,
                                            _("%s redirected Plenary too often or to an invalid "
                                              "address. Check the event’s link"),
                                            g_uri_get_host (fetch->uri)));
          return;
        }
      g_clear_pointer (&fetch->uri, g_uri_unref);
      fetch->uri = target;
      send_part (fetch);
      return;
    }

  if ((guint64) soup_message_headers_get_content_length (
        soup_message_get_response_headers (fetch->msg)) > max_body_size)
    {
      abort_too_large (fetch);
      return;
    }

  /* Sized for the whole body when the server says how long it is (a hint only: a gzip'd
   * body is longer once decoded), so that it is not copied again and again as it grows. */
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (fetch->msg));
  fetch->buffer = g_byte_array_sized_new ((guint) MIN ((guint64) MAX (length, 0) + READ_CHUNK,
                                                       max_body_size + READ_CHUNK));
  fetch->filled = 0;
  fetch->head_scanned = 0;
  read_body (fetch);
}

/* The part's URL; the event export in the event's zone: the timetable's, else the one
 * stored. */
static GUri *
part_uri (SyncJob           *job,
          PlenaryIndicoPart  part)
{
  const char *zone = NULL;
  g_autofree char *url = NULL;

  if (plenary_indico_client_get_endpoint (part)->zoned)
    zone = job->zone != NULL ? job->zone : plenary_event_get_timezone (job->event);
  url = plenary_indico_client_build_url (part, plenary_event_get_server_base (job->event),
                                         plenary_event_get_event_id (job->event), zone,
                                         job->force);
  return g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
}

static void
send_part (PartFetch *fetch)
{
  SyncJob *job = fetch->job;
  const char *server_base = plenary_event_get_server_base (job->event);
  gboolean with_token;

  if (fetch->redirects == 0)
    {
      g_clear_pointer (&fetch->uri, g_uri_unref);
      fetch->uri = part_uri (job, fetch->part);
    }

  with_token = job->token != NULL
               && plenary_indico_client_may_send_token (server_base, fetch->uri,
                                                        fetch->left_origin);
  g_clear_object (&fetch->msg);
  fetch->msg = plenary_indico_client_new_message (SOUP_METHOD_GET, fetch->uri, TRUE,
                                                  with_token ? job->token : NULL);
  soup_session_send_async (job->service->session, fetch->msg, G_PRIORITY_DEFAULT,
                           job->cancellable, sent_cb, fetch);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SyncJob *job = user_data;
  g_autoptr (GError) error = NULL;

  job->token = plenary_credentials_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      job_fail (job, g_steal_pointer (&error));
      return;
    }
  /* No keyring: public events still work, so go on without a token. */
  if (error != NULL)
    g_message ("No token for %s: %s", plenary_event_get_server_base (job->event),
               error->message);

  request_parts (job);
}

/* The whole-sync deadline and the minimum rate: a server that trickles its answer cannot
 * hold a sync (and the Refresh button) for as long as it likes. */
static gboolean
deadline_cb (gpointer user_data)
{
  SyncJob *job = user_data;
  g_autoptr (GUri) uri = g_uri_parse (plenary_event_get_server_base (job->event),
                                      SOUP_HTTP_URI_FLAGS, NULL);

  job->deadline_source = 0;
  if (job->processing)
    return G_SOURCE_REMOVE;
  /* The rate check may have stopped the job in the same iteration: one reason is kept. */
  g_clear_error (&job->stop_reason);
  job->stop_reason = g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TIMEOUT,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s took more than %u second to send the "
                                               "programme. Plenary stopped and will try again "
                                               "later",
                                               "%s took more than %u seconds to send the "
                                               "programme. Plenary stopped and will try again "
                                               "later", job->service->deadline),
                                  uri != NULL ? g_uri_get_host (uri) : "?",
                                  job->service->deadline);
  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
rate_cb (gpointer user_data)
{
  SyncJob *job = user_data;
  PlenarySyncService *self = job->service;
  gboolean reading = FALSE;
  g_autoptr (GUri) uri = g_uri_parse (plenary_event_get_server_base (job->event),
                                      SOUP_HTTP_URI_FLAGS, NULL);

  for (guint part = 0; part < PLENARY_INDICO_N_PARTS; part++)
    reading |= job->fetches[part] != NULL && job->fetches[part]->stream != NULL
               && job->fetches[part]->buffer != NULL;

  if (job->was_reading && reading
      && job->window_bytes < (guint64) self->min_rate * self->rate_window)
    {
      g_autofree char *rate = g_format_size (self->min_rate);

      job->rate_source = 0;
      g_clear_error (&job->stop_reason);
      job->stop_reason = g_error_new (PLENARY_SYNC_ERROR, PLENARY_SYNC_ERROR_TIMEOUT,
                                      _("%s is sending the programme too slowly (less than %s "
                                        "a second). Plenary stopped and will try again later"),
                                      uri != NULL ? g_uri_get_host (uri) : "?", rate);
      g_cancellable_cancel (job->cancellable);
      return G_SOURCE_REMOVE;
    }
  job->was_reading = reading;
  job->window_bytes = 0;
  return G_SOURCE_CONTINUE;
}

/* Public API */

static void
service_cancelled_cb (GCancellable *cancellable,
                      GCancellable *job_cancellable)
{
  g_cancellable_cancel (job_cancellable);
}

/* A caller gave up: its wait ends now, with G_IO_ERROR_CANCELLED. The job goes on for the
 * others; with none left, a download stops (a job already parsing or saving has what it
 * needs, and finishes). */
static gboolean
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Caller *caller = user_data;
  SyncJob *job = caller->job;

  job->callers = g_list_remove (job->callers, caller);
  g_task_return_error_if_cancelled (caller->task);
  caller_free (caller);
  if (job->callers == NULL && !job->processing)
    g_cancellable_cancel (job->cancellable);
  return G_SOURCE_REMOVE;
}

static void
add_caller (SyncJob *job,
            GTask   *task)   /* (transfer full) */
{
  Caller *caller = g_new0 (Caller, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  caller->task = task;
  caller->job = job;
  if (cancellable != NULL)
    {
      caller->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (caller->cancelled, G_SOURCE_FUNC (caller_cancelled_cb), caller,
                             NULL);
      g_source_attach (caller->cancelled, g_task_get_context (task));
    }
  job->callers = g_list_append (job->callers, caller);
}

/* A part failed and the job waits for the others to stop: it ends with that reason, and its
 * failure must count (the backoff, the server's Retry-After), so it is not replaced. */
static gboolean
job_is_failing (SyncJob *job)
{
  return job->fetch_error != NULL
         && !g_error_matches (job->fetch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

void
plenary_sync_service_sync_async (PlenarySyncService  *self,
                                 PlenaryEvent        *event,
                                 gboolean             force,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  SyncJob *job;
  SyncJob *old;

  g_return_if_fail (PLENARY_IS_SYNC_SERVICE (self));
  g_return_if_fail (PLENARY_IS_EVENT (event));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plenary_sync_service_sync_async);

  /* Never two syncs of one event at once: a second caller gets the first one's result. A
   * Refresh (@force) replaces a sync still downloading, whose callers get the new one's;
   * one already parsing or saving has what it needs and finishes. A download that every
   * caller gave up on is replaced too: it is stopping. One stopping because a part failed is
   * joined, but by a Refresh: it ends with that reason. */
  old = g_hash_table_lookup (self->jobs, event);
  if (old != NULL
      && (old->processing
          || (!force && (!g_cancellable_is_cancelled (old->cancellable) || job_is_failing (old)))))
    {
      add_caller (old, task);
      return;
    }

  job = g_new0 (SyncJob, 1);
  if (old != NULL)
    {
      job->callers = g_steal_pointer (&old->callers);
      for (GList *l = job->callers; l != NULL; l = l->next)
        ((Caller *) l->data)->job = job;
      old->superseded = TRUE;
      g_hash_table_steal (self->jobs, event);
      g_cancellable_cancel (old->cancellable);
    }
  job->event = g_object_ref (event);
  job->force = force;
  job->retry_after = -1;
  add_caller (job, task);
  job->service = g_object_ref (self);
  if (self->deadline > 0)
    job->deadline_source = g_timeout_add_seconds (self->deadline, deadline_cb, job);
  if (self->min_rate > 0 && self->rate_window > 0)
    job->rate_source = g_timeout_add_seconds (self->rate_window, rate_cb, job);
  job->cancellable = g_cancellable_new ();
  /* Cancelled when the service is disposed; the callers' cancellables end their own waits. */
  job->service_handler = g_cancellable_connect (self->cancellable,
                                                G_CALLBACK (service_cancelled_cb),
                                                g_object_ref (job->cancellable),
                                                g_object_unref);
  g_hash_table_insert (self->jobs, event, job);

  plenary_event_set_sync_state (event, PLENARY_SYNC_STATE_SYNCING,
                                plenary_event_get_error_message (event));

  if (self->use_keyring)
    plenary_credentials_lookup_async (plenary_event_get_server_base (event), job->cancellable,
                                      token_cb, job);
  else
    request_parts (job);
}

static void
load_proxy_resolver_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  /* GIO loads its proxy modules on the first connection, from disk. */
  g_proxy_resolver_get_default ();
  g_task_return_boolean (task, TRUE);
}

void
plenary_sync_service_prepare (PlenarySyncService *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (PLENARY_IS_SYNC_SERVICE (self));

  if (self->use_keyring)
    plenary_credentials_prepare ();
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, plenary_sync_service_prepare);
  g_task_run_in_thread (task, load_proxy_resolver_thread);
}

gboolean
plenary_sync_service_sync_finish (PlenarySyncService  *self,
                                  GAsyncResult        *result,
                                  gboolean            *changed,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (changed != NULL)
    *changed = GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

/* Automatic syncs */

static void
auto_sync_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  /* State, message and the next attempt are already on the event and its schedule. */
  plenary_sync_service_sync_finish (PLENARY_SYNC_SERVICE (object), result, NULL, NULL);
}

static gboolean
schedule_due_cb (gpointer user_data)
{
  Schedule *schedule = user_data;

  schedule->source = 0;
  schedule->due = 0;
  plenary_sync_service_sync_async (schedule->service, schedule->event, FALSE, NULL,
                                   auto_sync_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_next (PlenarySyncService *self,
               Schedule           *schedule,
               gint64              seconds)
{
  g_clear_handle_id (&schedule->source, g_source_remove);
  schedule->due = 0;
  if (seconds <= 0)
    return;
  schedule->due = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;
  schedule->source = g_timeout_add_seconds_full (G_PRIORITY_LOW, (guint) MIN (seconds, G_MAXUINT),
                                                 schedule_due_cb, schedule, NULL);
}

static void
schedule_free (Schedule *schedule)
{
  g_clear_handle_id (&schedule->source, g_source_remove);
  g_clear_object (&schedule->event);
  g_free (schedule);
}

void
plenary_sync_service_add_event (PlenarySyncService *self,
                                PlenaryEvent       *event)
{
  Schedule *schedule;

  g_return_if_fail (PLENARY_IS_SYNC_SERVICE (self));
  g_return_if_fail (PLENARY_IS_EVENT (event));

  if (g_hash_table_contains (self->scheduled, event))
    return;
  schedule = g_new0 (Schedule, 1);
  schedule->service = self;
  schedule->event = g_object_ref (event);
  g_hash_table_insert (self->scheduled, event, schedule);
  schedule_next (self, schedule, (gint64) self->refresh_interval * 60);
}

void
plenary_sync_service_remove_event (PlenarySyncService *self,
                                   PlenaryEvent       *event)
{
  SyncJob *job;

  g_return_if_fail (PLENARY_IS_SYNC_SERVICE (self));

  g_hash_table_remove (self->scheduled, event);
  job = g_hash_table_lookup (self->jobs, event);
  if (job != NULL)
    g_cancellable_cancel (job->cancellable);
}

gint64
plenary_sync_service_get_next_attempt (PlenarySyncService *self,
                                       PlenaryEvent       *event)
{
  Schedule *schedule;

  g_return_val_if_fail (PLENARY_IS_SYNC_SERVICE (self), -1);

  schedule = g_hash_table_lookup (self->scheduled, event);
  if (schedule == NULL || schedule->due == 0)
    return -1;
  return MAX (0, (schedule->due - g_get_monotonic_time ()) / G_TIME_SPAN_SECOND);
}

void
plenary_sync_service_network_changed (PlenarySyncService *self)
{
  GHashTableIter iter;
  Schedule *schedule;

  g_return_if_fail (PLENARY_IS_SYNC_SERVICE (self));

  /* Only a hint: retry what failed for network reasons, whatever the monitor believes
   * about connectivity (a loopback server works with no default route). */
  g_hash_table_iter_init (&iter, self->scheduled);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &schedule))
    {
      if (!schedule->retriable || g_hash_table_contains (self->jobs, schedule->event))
        continue;
      schedule->failures = 0;
      schedule_next (self, schedule, 0);
      plenary_sync_service_sync_async (self, schedule->event, FALSE, NULL,
                                       auto_sync_done_cb, NULL);
    }
}

static void
on_monitor_network_changed (GNetworkMonitor    *monitor,
                            gboolean            available,
                            PlenarySyncService *self)
{
  if (available)
    plenary_sync_service_network_changed (self);
}

/* GObject */

static void
plenary_sync_service_dispose (GObject *object)
{
  PlenarySyncService *self = (PlenarySyncService *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_network_changed, self);
  g_clear_object (&self->monitor);
  if (self->scheduled != NULL)
    g_hash_table_remove_all (self->scheduled);

  G_OBJECT_CLASS (plenary_sync_service_parent_class)->dispose (object);
}

static void
plenary_sync_service_finalize (GObject *object)
{
  PlenarySyncService *self = (PlenarySyncService *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->jobs, g_hash_table_unref);
  g_clear_pointer (&self->scheduled, g_hash_table_unref);

  G_OBJECT_CLASS (plenary_sync_service_parent_class)->finalize (object);
}

static void
plenary_sync_service_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlenarySyncService *self = PLENARY_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, soup_session_get_timeout (self->session));
      break;
    case PROP_MAX_BODY_SIZE:
      g_value_set_uint64 (value, self->max_body_size);
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;
    case PROP_MIN_RATE:
      g_value_set_uint (value, self->min_rate);
      break;
    case PROP_RATE_WINDOW:
      g_value_set_uint (value, self->rate_window);
      break;
    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, self->refresh_interval);
      break;
    case PROP_USE_KEYRING:
      g_value_set_boolean (value, self->use_keyring);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_sync_service_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlenarySyncService *self = PLENARY_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      soup_session_set_timeout (self->session, g_value_get_uint (value));
      break;
    case PROP_MAX_BODY_SIZE:
      self->max_body_size = g_value_get_uint64 (value);
      break;
    case PROP_DEADLINE:
      self->deadline = g_value_get_uint (value);
      break;
    case PROP_MIN_RATE:
      self->min_rate = g_value_get_uint (value);
      break;
    case PROP_RATE_WINDOW:
      self->rate_window = g_value_get_uint (value);
      break;
    case PROP_REFRESH_INTERVAL:
      if (self->refresh_interval != g_value_get_uint (value))
        {
          GHashTableIter iter;
          Schedule *schedule;

          self->refresh_interval = g_value_get_uint (value);
          /* Re-plan the regular refreshes; pending retries keep their backoff. */
          g_hash_table_iter_init (&iter, self->scheduled);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &schedule))
            if (schedule->failures == 0)
              schedule_next (self, schedule, (gint64) self->refresh_interval * 60);
        }
      break;
    case PROP_USE_KEYRING:
      self->use_keyring = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_sync_service_class_init (PlenarySyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_sync_service_dispose;
  object_class->finalize = plenary_sync_service_finalize;
  object_class->get_property = plenary_sync_service_get_property;
  object_class->set_property = plenary_sync_service_set_property;

  /* Seconds a request may stall before it fails. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, 3600, 30,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Bytes any one answer may have. */
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL, 1, G_MAXUINT64, PLENARY_JSON_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Seconds a whole sync may take, all its requests included (0: no deadline). */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 0, 24 * 3600, 120,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Bytes per second a body must arrive at, measured over "rate-window" seconds while it
   * is being read (0: no minimum). */
  properties[PROP_MIN_RATE] =
    g_param_spec_uint ("min-rate", NULL, NULL, 0, G_MAXUINT, 2048,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATE_WINDOW] =
    g_param_spec_uint ("rate-window", NULL, NULL, 1, 3600, 10,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Minutes between automatic refreshes (GSettings "refresh-interval"); 0 = off. */
  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL, 0, 1440, 15,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Whether to look tokens up in the Secret Service. */
  properties[PROP_USE_KEYRING] =
    g_param_spec_boolean ("use-keyring", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A programme asked for (a look-up, a Refresh) is parsed and about to be stored. */
  signals[PROGRAMME_PARSED] = g_signal_new ("programme-parsed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 2, PLENARY_TYPE_EVENT,
                                            PLENARY_TYPE_SCHEDULE);
}

static void
plenary_sync_service_init (PlenarySyncService *self)
{
  self->session = plenary_indico_client_new_session ();
  self->cancellable = g_cancellable_new ();
  self->jobs = g_hash_table_new (NULL, NULL);
  self->scheduled = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) schedule_free);
  self->max_body_size = PLENARY_JSON_MAX_SIZE;
  self->refresh_interval = 15;
  self->deadline = 120;
  self->min_rate = 2048;
  self->rate_window = 10;
  self->use_keyring = TRUE;
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect (self->monitor, "network-changed",
                    G_CALLBACK (on_monitor_network_changed), self);
}

PlenarySyncService *
plenary_sync_service_new (void)
{
  return g_object_new (PLENARY_TYPE_SYNC_SERVICE, NULL);
}

SoupSession *
plenary_sync_service_get_session (PlenarySyncService *self)
{
  g_return_val_if_fail (PLENARY_IS_SYNC_SERVICE (self), NULL);
  return self->session;
}
