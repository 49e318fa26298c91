/* plenary-credentials.h: Indico API tokens in the Secret Service
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

/* Schema "io.github.plenary.Token", attribute "server": the server base URL as
 * plenary_event_url_parse() gives it ("https://host/prefix/"). Tokens live only in the
 * Secret Service: never in a file, a log line, a URL or an error message. */
const SecretSchema *plenary_credentials_get_schema  (void) G_GNUC_CONST;

void      plenary_credentials_store_async   (const char          *server_base,
                                             const char          *token,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  plenary_credentials_store_finish  (GAsyncResult        *result,
                                             GError             **error);

/* Gives the token, or NULL with no error when none is stored. Free it with
 * plenary_credentials_free_token(), which wipes it first. */
void      plenary_credentials_lookup_async  (const char          *server_base,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char     *plenary_credentials_lookup_finish (GAsyncResult        *result,
                                             GError             **error);

/* Reaches the secret store ahead of a lookup that is coming, in the background: libsecret
 * keeps it for the lookups. */
void      plenary_credentials_prepare       (void);

void      plenary_credentials_clear_async   (const char          *server_base,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  plenary_credentials_clear_finish  (GAsyncResult        *result,
                                             GError             **error);

void      plenary_credentials_free_token    (char                *token);

G_END_DECLS
