/* plenary-favorites-sync.c
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sync is a chain of callbacks on a Job: token → GET favourites → parse (thread) →
 * merge and apply (main thread, at once, so no star toggled meanwhile is overwritten) →
 * PUT/DELETE one at a time. The queue is not a list of its own: it is every star that
 * differs from what the account had at the last good sync (user.json's "remote-starred"),
 * so it survives restarts and a failure anywhere leaves exactly the unsent changes queued.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "indico/plenary-indico-client.h"
#include "store/plenary-credentials.h"
#include "plenary-favorites-sync.h"

#define READ_CHUNK    (16 * 1024)
#define MAX_BODY      (4 * 1024 * 1024)
#define DEBOUNCE_S    2

struct _PlenaryFavoritesSync
{
  GObject       parent_instance;

  SoupSession  *session;
  GCancellable *cancellable;
  GStrv         enabled_servers;
  gboolean      use_keyring;
  char         *test_token;
  GHashTable   *watched;     /* PlenaryEvent → Watch */
  GHashTable   *status;      /* server base → Status */
};

G_DEFINE_FINAL_TYPE (PlenaryFavoritesSync, plenary_favorites_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ENABLED_SERVERS,
  PROP_USE_KEYRING,
  N_PROPS
};

enum {
  STATUS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  PlenaryFavoritesSync *self;   /* unowned: the object owns this */
  PlenaryEvent         *event;
  gulong                last_sync_handler;
  gulong                changed_handler;
  guint                 debounce;
  gboolean              running;
} Watch;

typedef struct
{
  char     *message;
  gboolean  failed;
} Status;

typedef struct
{
  char     *key;
  gboolean  put;
} Op;

typedef struct
{
  PlenaryEvent  *event;         /* NULL for a probe */
  char          *server_base;
  char          *event_id;
  char          *host;
  char          *token;
  SoupMessage   *msg;
  GInputStream  *stream;
  GByteArray    *buffer;
  GArray        *ops;           /* Op */
  guint          next_op;
  guint          starred_there;   /* stars that arrived from the website */
  guint          unstarred_there;
  void         (*done) (GTask *task, GBytes *body);   /* after a good answer */
} Job;

static void
op_clear (Op *op)
{
  g_free (op->key);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->event);
  g_free (job->server_base);
  g_free (job->event_id);
  g_free (job->host);
  g_clear_pointer (&job->token, plenary_credentials_free_token);
  g_clear_object (&job->msg);
  g_clear_object (&job->stream);
  g_clear_pointer (&job->buffer, g_byte_array_unref);
  g_clear_pointer (&job->ops, g_array_unref);
  g_free (job);
}

static void
status_free (Status *status)
{
  g_free (status->message);
  g_free (status);
}

guint
plenary_favorites_sync_count_unsent (PlenaryUserData *user_data)
{
  g_auto (GStrv) starred = plenary_user_data_dup_starred (user_data);
  g_autoptr (GHashTable) remote = plenary_user_data_dup_remote_starred (user_data);
  GHashTableIter iter;
  gpointer key;
  guint count = 0;

  for (guint i = 0; starred[i] != NULL; i++)
    if (plenary_favorites_is_contribution_key (starred[i])
        && !g_hash_table_remove (remote, starred[i]))
      count++;
  /* What is left was starred there and is not here: removals to send. */
  g_hash_table_iter_init (&iter, remote);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (plenary_favorites_is_contribution_key (key))
      count++;
  return count;
}

static void
set_status (PlenaryFavoritesSync *self,
            const char           *server_base,
            const char           *message,
            gboolean              failed)
{
  Status *status = g_new0 (Status, 1);

  status->message = g_strdup (message);
  status->failed = failed;
  g_hash_table_replace (self->status, g_strdup (server_base), status);
  g_signal_emit (self, signals[STATUS_CHANGED], 0, server_base);
}

/* Errors: each says what happened to the stars. */

static GError *
with_queue_note (GError          *error,
                 PlenaryUserData *user_data)
{
  guint unsent = user_data != NULL ? plenary_favorites_sync_count_unsent (user_data) : 0;
  char *message;

  if (unsent == 0)
    return error;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s %u star change is kept here and will be sent "
                                          "at the next sync.",
                                          "%s %u star changes are kept here and will be sent "
                                          "at the next sync.", unsent),
                             error->message, unsent);
  g_free (error->message);
  error->message = message;
  return error;
}

static GError *
network_error (Job    *job,
               GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NETWORK,
                      /* Translators: %s is a server name such as lpc.events */
                      _("%s cannot be reached, so stars were not synced."), job->host);
}

static GError *
check_answer (Job        *job,
              SoupMessage *msg,
              GBytes      *body,
              gboolean     writing)
{
  guint status = soup_message_get_status (msg);

  switch (plenary_indico_client_classify (msg, body, job->token, NULL, NULL))
    {
    case PLENARY_INDICO_ANSWER_JSON:
      return NULL;
    case PLENARY_INDICO_ANSWER_WEB_PAGE:
      return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NOT_JSON,
                          _("%s sent a web page, probably a login page, instead of your "
                            "starred talks. Check the access token in Preferences."),
                          job->host);
    case PLENARY_INDICO_ANSWER_REDIRECT:
      return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NOT_JSON,
                          _("%s sent Plenary to another page, probably a login page, instead "
                            "of your starred talks. Check the access token in Preferences."),
                          job->host);
    case PLENARY_INDICO_ANSWER_UNAUTHORIZED:
    case PLENARY_INDICO_ANSWER_OAUTH:
      return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_UNAUTHORIZED,
                          _("%s no longer accepts your access token; it may have expired. "
                            "Save a new token for it in Preferences, Private events."),
                          job->host);
    case PLENARY_INDICO_ANSWER_FORBIDDEN:
      return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_FORBIDDEN,
                          writing
                          ? _("%s does not let this access token change your starred talks: "
                              "it needs the “full:everything” scope. Create such a token in "
                              "your Indico profile and save it in Preferences.")
                          : _("%s does not let this access token read your starred talks: it "
                              "needs the “read:everything” scope (and “full:everything” to "
                              "change them). Create such a token in your Indico profile and "
                              "save it in Preferences."),
                          job->host);
    case PLENARY_INDICO_ANSWER_NOT_FOUND:
      return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NOT_AVAILABLE,
                          _("%s does not keep starred talks in Indico accounts (that needs "
                            "Indico 3.3.13 or newer)."), job->host);
    case PLENARY_INDICO_ANSWER_SERVER:
      return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_SERVER,
                          _("%s is having trouble (HTTP %u), so stars were not synced."),
                          job->host, status);
    case PLENARY_INDICO_ANSWER_RATE_LIMITED:
    case PLENARY_INDICO_ANSWER_OTHER:
    default:
      return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_HTTP,
                          _("%s gave an unexpected answer (HTTP %u), so stars were not "
                            "synced."), job->host, status);
    }
}

static void
job_fail (GTask  *task,
          GError *error)
{
  Job *job = g_task_get_task_data (task);
  PlenaryFavoritesSync *self = g_task_get_source_object (task);

  if (job->event != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      error = with_queue_note (error, plenary_event_get_user_data (job->event));
      g_message ("Star sync of %s: %s", plenary_event_get_key (job->event), error->message);
      set_status (self, job->server_base, error->message, TRUE);
    }
  g_task_return_error (task, error);
}

/* HTTP */

static void read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

/* Takes @task's reference. */
static void
read_next (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (job->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

/* Closing the stream stops the download; the stars are left as they are. */
static void
abort_too_large (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  g_input_stream_close (job->stream, NULL, NULL);
  job_fail (task, g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_BAD_ANSWER,
                               _("%s sent far more than a list of starred talks; Plenary "
                                 "stopped reading it. Your stars were left as they are."),
                               job->host));
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  goffset length;

  job->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (job->stream == NULL)
    {
      job_fail (task, network_error (job, error));
      return;
    }
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (job->msg));
  if (length > MAX_BODY)
    {
      abort_too_large (task);
      return;
    }
  g_clear_pointer (&job->buffer, g_byte_array_unref);
  job->buffer = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) chunk = NULL;
  g_autoptr (GBytes) body = NULL;
  GError *answer_error;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      job_fail (task, network_error (job, error));
      return;
    }
  if (g_bytes_get_size (chunk) > 0)
    {
      if (job->buffer->len + g_bytes_get_size (chunk) > MAX_BODY)
        {
          abort_too_large (task);
          return;
        }
      g_byte_array_append (job->buffer, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      read_next (g_steal_pointer (&task));
      return;
    }

  g_input_stream_close (job->stream, NULL, NULL);
  g_clear_object (&job->stream);
  body = g_byte_array_free_to_bytes (g_steal_pointer (&job->buffer));
  answer_error = check_answer (job, job->msg, body,
                               g_strcmp0 (soup_message_get_method (job->msg), "GET") != 0);
  if (answer_error != NULL)
    {
      /* A talk deleted on the server cannot be starred there: keep the star here, queued,
       * and go on with the rest. */
      if (job->ops != NULL && g_error_matches (answer_error, PLENARY_FAVORITES_ERROR,
                                               PLENARY_FAVORITES_ERROR_NOT_AVAILABLE))
        {
          g_error_free (answer_error);
          job->done (g_steal_pointer (&task), NULL);
          return;
        }
      job_fail (task, answer_error);
      return;
    }
  job->done (g_steal_pointer (&task), body);
}

/* Sends @method to @path under the event's favourites; job->done gets the answer. */
static void
send_request (GTask      *task,
              const char *method,
              const char *key)
{
  PlenaryFavoritesSync *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  g_autoptr (GUri) uri = NULL;

  url = g_strdup_printf ("%sevent/%s/api/contributions/favorites%s%s", job->server_base,
                         job->event_id, key != NULL ? "/" : "", key != NULL ? key : "");
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  /* Built from the server base, so the origin matches; checked anyway, with the policy the
   * sync service follows, because the token must never go anywhere else. */
  if (uri == NULL || !plenary_indico_client_may_send_token (job->server_base, uri, FALSE))
    {
      job_fail (task, g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_INSECURE,
                                   _("%s is not reached over a secure connection, so your "
                                     "access token is not sent and stars are not synced."),
                                   job->host));
      return;
    }

  g_clear_object (&job->msg);
  /* A redirect is a login page or another host: never followed with the token. */
  job->msg = plenary_indico_client_new_message (method, uri, TRUE, job->token);
  soup_session_send_async (self->session, job->msg, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), sent_cb, g_object_ref (task));
}

/* The sync */

static void
finish_sync (GTask *task)
{
  PlenaryFavoritesSync *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  PlenaryUserData *user_data = plenary_event_get_user_data (job->event);
  guint unsent = plenary_favorites_sync_count_unsent (user_data);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *message = NULL;

  g_autoptr (GString) text = g_string_new (NULL);

  /* Translators: %s is a time such as 14:02 */
  g_string_printf (text, _("Stars synced at %s."), time);
  /* Stars the website added or removed here are said, never changed silently. */
  if (job->starred_there > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u talk starred on the website.",
                                                 "%u talks starred on the website.",
                                                 job->starred_there), job->starred_there);
    }
  if (job->unstarred_there > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u talk unstarred on the website.",
                                                 "%u talks unstarred on the website.",
                                                 job->unstarred_there), job->unstarred_there);
    }
  if (unsent > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u change waits to be sent.",
                                                 "%u changes wait to be sent.", unsent),
                              unsent);
    }
  message = g_string_free (g_steal_pointer (&text), FALSE);
  set_status (self, job->server_base, message, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void send_next_op (GTask *task);

static void
op_done (GTask  *task,
         GBytes *body)
{
  Job *job = g_task_get_task_data (task);
  Op *op = &g_array_index (job->ops, Op, job->next_op);

  /* body == NULL: the talk is gone from the server (404); it stays queued here. */
  if (body != NULL)
    plenary_user_data_set_remote_starred (plenary_event_get_user_data (job->event), op->key,
                                          op->put);
  job->next_op++;
  send_next_op (task);
  g_object_unref (task);
}

static void
send_next_op (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  Op *op;

  if (job->next_op >= job->ops->len)
    {
      finish_sync (task);
      return;
    }
  op = &g_array_index (job->ops, Op, job->next_op);
  job->done = op_done;
  send_request (task, op->put ? "PUT" : "DELETE", op->key);
}

static GHashTable *
set_from_strv (GStrv strv)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; strv[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (strv[i]));
  return set;
}

static void
apply (GTask      *task,
       GHashTable *server)
{
  Job *job = g_task_get_task_data (task);
  PlenaryUserData *user_data = plenary_event_get_user_data (job->event);
  g_auto (GStrv) starred = plenary_user_data_dup_starred (user_data);
  g_autoptr (GHashTable) local = set_from_strv (starred);
  g_autoptr (GHashTable) base = plenary_user_data_dup_remote_starred (user_data);
  g_autoptr (PlenaryFavoritesPlan) plan = plenary_favorites_merge (local, base, server);
  GHashTableIter iter;
  gpointer key;

  /* The base first, so that the stars set below are not seen as changes to send. */
  g_hash_table_iter_init (&iter, base);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (plenary_favorites_is_contribution_key (key) && !g_hash_table_contains (plan->base, key))
      plenary_user_data_set_remote_starred (user_data, key, FALSE);
  g_hash_table_iter_init (&iter, plan->base);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    plenary_user_data_set_remote_starred (user_data, key, TRUE);

  for (guint i = 0; i < plan->star_locally->len; i++)
    {
      const char *k = plan->star_locally->pdata[i];
      const char *title = g_hash_table_lookup (server, k);

      plenary_user_data_set_starred (user_data, k, TRUE);
      /* So a website star of a talk this copy of the programme lacks still has a name. */
      if (title != NULL && *title != '\0')
        plenary_user_data_remember_title (user_data, k, title);
    }
  for (guint i = 0; i < plan->unstar_locally->len; i++)
    plenary_user_data_set_starred (user_data, plan->unstar_locally->pdata[i], FALSE);
  job->starred_there = plan->star_locally->len;
  job->unstarred_there = plan->unstar_locally->len;
  if (plan->star_locally->len > 0 || plan->unstar_locally->len > 0)
    g_message ("Star sync of %s: %u starred and %u unstarred on the website",
               plenary_event_get_key (job->event), plan->star_locally->len,
               plan->unstar_locally->len);

  job->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (job->ops, (GDestroyNotify) op_clear);
  for (guint i = 0; i < plan->put->len; i++)
    {
      Op op = { g_strdup (plan->put->pdata[i]), TRUE };

      g_array_append_val (job->ops, op);
    }
  for (guint i = 0; i < plan->delete->len; i++)
    {
      Op op = { g_strdup (plan->delete->pdata[i]), FALSE };

      g_array_append_val (job->ops, op);
    }
  send_next_op (task);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *body = task_data;
  GError *error = NULL;
  const char *host = g_object_get_data (G_OBJECT (task), "host");
  GHashTable *set = plenary_favorites_parse (body, host, &error);

  if (set == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, set, (GDestroyNotify) g_hash_table_unref);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  g_autoptr (GHashTable) server = g_task_propagate_pointer (G_TASK (result), &error);

  if (server == NULL)
    {
      job_fail (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  apply (task, server);
}

static void
favorites_fetched (GTask  *task,
                   GBytes *body)
{
  Job *job = g_task_get_task_data (task);
  GTask *parse = g_task_new (NULL, g_task_get_cancellable (task), parsed_cb, task);

  /* Up to MAX_BODY of JSON: parsed off the main thread. */
  g_object_set_data_full (G_OBJECT (parse), "host", g_strdup (job->host), g_free);
  g_task_set_task_data (parse, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (parse, parse_thread);
  g_object_unref (parse);
}

static void
probe_fetched (GTask  *task,
               GBytes *body)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr (GHashTable) set = NULL;
  GError *error = NULL;

  /* Small enough to check here: a probe only needs to know the shape is right. */
  set = plenary_favorites_parse (body, job->host, &error);
  if (set == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static GError *
no_token_error (Job *job)
{
  return g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NO_TOKEN,
                      _("Save an Indico access token for %s in Preferences, Private events, "
                        "to sync stars with your account there."), job->host);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  job->token = plenary_credentials_lookup_finish (result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        job_fail (task, g_steal_pointer (&error));
      else
        job_fail (task, g_error_new (PLENARY_FAVORITES_ERROR, PLENARY_FAVORITES_ERROR_NO_TOKEN,
                                     "%s", error->message));
      return;
    }
  if (job->token == NULL)
    {
      job_fail (task, no_token_error (job));
      return;
    }
  send_request (task, "GET", NULL);
}

static GTask *
start (PlenaryFavoritesSync *self,
       const char           *server_base,
       const char           *event_id,
       PlenaryEvent         *event,
       GCancellable         *cancellable,
       GAsyncReadyCallback   callback,
       gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable != NULL ? cancellable : self->cancellable,
                            callback, user_data);
  Job *job = g_new0 (Job, 1);
  g_autoptr (GUri) uri = g_uri_parse (server_base, G_URI_FLAGS_NONE, NULL);

  job->event = event != NULL ? g_object_ref (event) : NULL;
  job->server_base = g_strdup (server_base);
  job->event_id = g_strdup (event_id);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    job->host = g_strdup (server_base);
  else if (g_uri_get_port (uri) > 0)
    job->host = g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  else
    job->host = g_strdup (g_uri_get_host (uri));
  job->done = event != NULL ? favorites_fetched : probe_fetched;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  if (self->use_keyring)
    plenary_credentials_lookup_async (server_base, g_task_get_cancellable (task), token_cb,
                                      g_object_ref (task));
  else if (self->test_token != NULL)
    {
      job->token = g_strdup (self->test_token);
      send_request (task, "GET", NULL);
    }
  else
    job_fail (task, no_token_error (job));
  return task;
}

void
plenary_favorites_sync_sync_async (PlenaryFavoritesSync *self,
                                   PlenaryEvent         *event,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (PLENARY_IS_FAVORITES_SYNC (self));
  g_return_if_fail (PLENARY_IS_EVENT (event));

  g_object_unref (start (self, plenary_event_get_server_base (event),
                         plenary_event_get_event_id (event), event, cancellable, callback,
                         user_data));
}

gboolean
plenary_favorites_sync_sync_finish (PlenaryFavoritesSync  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
plenary_favorites_sync_probe_async (PlenaryFavoritesSync *self,
                                    const char           *server_base,
                                    const char           *event_id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (PLENARY_IS_FAVORITES_SYNC (self));
  g_return_if_fail (server_base != NULL && event_id != NULL);

  g_object_unref (start (self, server_base, event_id, NULL, cancellable, callback, user_data));
}

gboolean
plenary_favorites_sync_probe_finish (PlenaryFavoritesSync  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Automatic syncs */

static void watch_run (Watch *watch);

static void
watch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlenaryFavoritesSync *self = PLENARY_FAVORITES_SYNC (object);
  PlenaryEvent *event = user_data;
  Watch *watch = g_hash_table_lookup (self->watched, event);
  gboolean ok = plenary_favorites_sync_sync_finish (self, result, NULL);

  /* The message is in the status; a failed sync is retried after the next programme sync
   * (which follows the network and backs off), not here. */
  if (watch != NULL)
    {
      watch->running = FALSE;
      /* Stars toggled while this one ran. */
      if (ok && plenary_favorites_sync_count_unsent (plenary_event_get_user_data (event)) > 0)
        watch_run (watch);
    }
  g_object_unref (event);
}

static void
watch_run (Watch *watch)
{
  PlenaryFavoritesSync *self = watch->self;

  g_clear_handle_id (&watch->debounce, g_source_remove);
  if (watch->running
      || !plenary_favorites_sync_get_enabled (self, plenary_event_get_server_base (watch->event)))
    return;
  watch->running = TRUE;
  plenary_favorites_sync_sync_async (self, watch->event, NULL, watch_done_cb,
                                     g_object_ref (watch->event));
}

static gboolean
debounce_cb (gpointer user_data)
{
  Watch *watch = user_data;

  watch->debounce = 0;
  watch_run (watch);
  return G_SOURCE_REMOVE;
}

static void
on_event_last_sync (PlenaryEvent *event,
                    GParamSpec   *pspec,
                    Watch        *watch)
{
  if (plenary_event_get_last_sync (event) != NULL)
    watch_run (watch);
}

static void
on_user_data_changed (PlenaryUserData *user_data,
                      const char      *key,
                      Watch           *watch)
{
  /* A star toggled here: send it soon, a few toggles at once. */
  if (watch->running || key == NULL || !plenary_favorites_is_contribution_key (key)
      || !plenary_favorites_sync_get_enabled (watch->self,
                                              plenary_event_get_server_base (watch->event)))
    return;
  g_clear_handle_id (&watch->debounce, g_source_remove);
  watch->debounce = g_timeout_add_seconds (DEBOUNCE_S, debounce_cb, watch);
}

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->debounce, g_source_remove);
  g_clear_signal_handler (&watch->last_sync_handler, watch->event);
  g_clear_signal_handler (&watch->changed_handler, plenary_event_get_user_data (watch->event));
  g_clear_object (&watch->event);
  g_free (watch);
}

void
plenary_favorites_sync_watch_event (PlenaryFavoritesSync *self,
                                    PlenaryEvent         *event)
{
  Watch *watch;

  g_return_if_fail (PLENARY_IS_FAVORITES_SYNC (self));
  g_return_if_fail (PLENARY_IS_EVENT (event));

  if (g_hash_table_contains (self->watched, event))
    return;
  watch = g_new0 (Watch, 1);
  watch->self = self;
  watch->event = g_object_ref (event);
  watch->last_sync_handler = g_signal_connect (event, "notify::last-sync",
                                               G_CALLBACK (on_event_last_sync), watch);
  watch->changed_handler = g_signal_connect (plenary_event_get_user_data (event), "changed",
                                             G_CALLBACK (on_user_data_changed), watch);
  g_hash_table_insert (self->watched, event, watch);
  /* Changes queued before a restart go out soon after start-up, not at the next refresh. */
  if (plenary_favorites_sync_get_enabled (self, plenary_event_get_server_base (event)))
    watch->debounce = g_timeout_add_seconds (DEBOUNCE_S, debounce_cb, watch);
}

void
plenary_favorites_sync_unwatch_event (PlenaryFavoritesSync *self,
                                      PlenaryEvent         *event)
{
  g_return_if_fail (PLENARY_IS_FAVORITES_SYNC (self));
  g_hash_table_remove (self->watched, event);
}

/* Settings and status */

gboolean
plenary_favorites_sync_get_enabled (PlenaryFavoritesSync *self,
                                    const char           *server_base)
{
  g_return_val_if_fail (PLENARY_IS_FAVORITES_SYNC (self), FALSE);
  return server_base != NULL && self->enabled_servers != NULL
         && g_strv_contains ((const char * const *) self->enabled_servers, server_base);
}

void
plenary_favorites_sync_set_enabled (PlenaryFavoritesSync *self,
                                    const char           *server_base,
                                    gboolean              enabled)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) servers = NULL;
  GHashTableIter iter;
  Watch *watch;

  g_return_if_fail (PLENARY_IS_FAVORITES_SYNC (self));
  g_return_if_fail (server_base != NULL);

  if (plenary_favorites_sync_get_enabled (self, server_base) == !!enabled)
    return;
  for (guint i = 0; self->enabled_servers != NULL && self->enabled_servers[i] != NULL; i++)
    if (g_strcmp0 (self->enabled_servers[i], server_base) != 0)
      g_strv_builder_add (builder, self->enabled_servers[i]);
  if (enabled)
    g_strv_builder_add (builder, server_base);
  servers = g_strv_builder_end (builder);
  g_object_set (self, "enabled-servers", servers, NULL);
  if (!enabled)
    return;
  /* Turned on: sync that server's events now. */
  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    if (g_strcmp0 (plenary_event_get_server_base (watch->event), server_base) == 0)
      watch_run (watch);
}

char *
plenary_favorites_sync_dup_status (PlenaryFavoritesSync *self,
                                   const char           *server_base,
                                   gboolean             *failed)
{
  Status *status;

  g_return_val_if_fail (PLENARY_IS_FAVORITES_SYNC (self), NULL);

  status = server_base != NULL ? g_hash_table_lookup (self->status, server_base) : NULL;
  if (failed != NULL)
    *failed = status != NULL && status->failed;
  return status != NULL ? g_strdup (status->message) : NULL;
}

void
plenary_favorites_sync_set_test_token (PlenaryFavoritesSync *self,
                                       const char           *token)
{
  g_return_if_fail (PLENARY_IS_FAVORITES_SYNC (self));
  g_free (self->test_token);
  self->test_token = g_strdup (token);
}

/* GObject */

static void
plenary_favorites_sync_dispose (GObject *object)
{
  PlenaryFavoritesSync *self = (PlenaryFavoritesSync *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->watched != NULL)
    g_hash_table_remove_all (self->watched);

  G_OBJECT_CLASS (plenary_favorites_sync_parent_class)->dispose (object);
}

static void
plenary_favorites_sync_finalize (GObject *object)
{
  PlenaryFavoritesSync *self = (PlenaryFavoritesSync *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->enabled_servers, g_strfreev);
  g_clear_pointer (&self->test_token, g_free);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->status, g_hash_table_unref);

  G_OBJECT_CLASS (plenary_favorites_sync_parent_class)->finalize (object);
}

static void
plenary_favorites_sync_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlenaryFavoritesSync *self = PLENARY_FAVORITES_SYNC (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ENABLED_SERVERS:
      g_value_set_boxed (value, self->enabled_servers);
      break;
    case PROP_USE_KEYRING:
      g_value_set_boolean (value, self->use_keyring);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_favorites_sync_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlenaryFavoritesSync *self = PLENARY_FAVORITES_SYNC (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_ENABLED_SERVERS:
      g_strfreev (self->enabled_servers);
      self->enabled_servers = g_value_dup_boxed (value);
      break;
    case PROP_USE_KEYRING:
      self->use_keyring = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plenary_favorites_sync_class_init (PlenaryFavoritesSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plenary_favorites_sync_dispose;
  object_class->finalize = plenary_favorites_sync_finalize;
  object_class->get_property = plenary_favorites_sync_get_property;
  object_class->set_property = plenary_favorites_sync_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED_SERVERS] =
    g_param_spec_boxed ("enabled-servers", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USE_KEYRING] =
    g_param_spec_boolean ("use-keyring", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The server base whose status changed. */
  signals[STATUS_CHANGED] =
    g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
plenary_favorites_sync_init (PlenaryFavoritesSync *self)
{
  self->cancellable = g_cancellable_new ();
  self->use_keyring = TRUE;
  self->watched = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watch_free);
  self->status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) status_free);
}

PlenaryFavoritesSync *
plenary_favorites_sync_new (SoupSession *session)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  return g_object_new (PLENARY_TYPE_FAVORITES_SYNC, "session", session, NULL);
}
