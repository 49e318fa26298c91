/* plenary-json.h: a strict, fast JSON reader into a read-only arena DOM
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the bytes (RFC 8259, nothing more: no comments, no trailing commas); the
 * whole tree lives in a few big blocks owned by the PlenaryJsonDocument and goes away with
 * it. Nodes and members are plain structs, read in place; every accessor takes NULL or a node
 * of the wrong type and answers "missing", so callers can chain lookups without checks.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLENARY_JSON_ERROR (plenary_json_error_quark ())

/* The one nesting limit and the one size limit for every JSON document Plenary reads: the
 * servers' answers and its own files alike. No export or file of Plenary's nests deeper
 * than a dozen levels, and 64 MiB holds a 20,000-talk event several times over. */
#define PLENARY_JSON_MAX_DEPTH 64
#define PLENARY_JSON_MAX_SIZE  (64 * 1024 * 1024)

typedef enum
{
  PLENARY_JSON_ERROR_EMPTY,       /* nothing but white space */
  PLENARY_JSON_ERROR_SYNTAX,      /* not JSON */
  PLENARY_JSON_ERROR_TRUNCATED,   /* the text ends inside a value */
  PLENARY_JSON_ERROR_UTF8,        /* a string is not valid UTF-8 */
  PLENARY_JSON_ERROR_DEPTH,       /* arrays and objects nested deeper than allowed */
  PLENARY_JSON_ERROR_TOO_LARGE,   /* 4 GiB or more */
} PlenaryJsonError;

typedef enum
{
  PLENARY_JSON_NULL,
  PLENARY_JSON_BOOLEAN,
  PLENARY_JSON_INT,               /* an integer literal that fits in gint64 */
  PLENARY_JSON_DOUBLE,            /* any other number */
  PLENARY_JSON_STRING,
  PLENARY_JSON_ARRAY,
  PLENARY_JSON_OBJECT,
} PlenaryJsonType;

typedef struct _PlenaryJsonNode   PlenaryJsonNode;
typedef struct _PlenaryJsonMember PlenaryJsonMember;

struct _PlenaryJsonNode
{
  guint32 type;                   /* PlenaryJsonType */
  guint32 length;                 /* bytes of a string, elements of an array, members of an
                                   * object (in source order, duplicates included) */
  union
  {
    gboolean                 boolean;
    gint64                   integer;
    double                   number;
    const char              *string;    /* UTF-8, NUL-terminated (may hold "\u0000") */
    const PlenaryJsonNode   *elements;
    const PlenaryJsonMember *members;
  } v;
};

struct _PlenaryJsonMember
{
  const char      *name;          /* NUL-terminated: a name is compared as a C string */
  PlenaryJsonNode  value;
};

/* Where a document failed: 1-based line and column (in bytes), and the byte offset. */
typedef struct
{
  guint line;
  guint column;
  gsize offset;
} PlenaryJsonLocation;

typedef struct _PlenaryJsonDocument PlenaryJsonDocument;

GQuark                 plenary_json_error_quark      (void);

/* Parses @length bytes of @data (which need not be NUL-terminated; a leading UTF-8 byte
 * order mark is skipped). @max_depth bounds the nesting of arrays and objects (0: 512).
 * On failure returns NULL, sets @error (its message names the line and column) and, when
 * not NULL, @location. */
PlenaryJsonDocument   *plenary_json_document_parse   (const char          *data,
                                                      gsize                length,
                                                      guint                max_depth,
                                                      PlenaryJsonLocation *location,
                                                      GError             **error);
void                   plenary_json_document_free    (PlenaryJsonDocument *document);
const PlenaryJsonNode *plenary_json_document_get_root (PlenaryJsonDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlenaryJsonDocument, plenary_json_document_free)

static inline PlenaryJsonType
plenary_json_node_get_type (const PlenaryJsonNode *node)
{
  return node != NULL ? (PlenaryJsonType) node->type : PLENARY_JSON_NULL;
}

/* The string, or NULL for anything else. */
static inline const char *
plenary_json_node_get_string (const PlenaryJsonNode *node)
{
  return node != NULL && node->type == PLENARY_JSON_STRING ? node->v.string : NULL;
}

/* @node itself if it is an object (or an array), else NULL. */
static inline const PlenaryJsonNode *
plenary_json_node_get_object (const PlenaryJsonNode *node)
{
  return node != NULL && node->type == PLENARY_JSON_OBJECT ? node : NULL;
}

static inline const PlenaryJsonNode *
plenary_json_node_get_array (const PlenaryJsonNode *node)
{
  return node != NULL && node->type == PLENARY_JSON_ARRAY ? node : NULL;
}

/* 0 for anything but an array. */
static inline guint
plenary_json_array_get_length (const PlenaryJsonNode *array)
{
  return array != NULL && array->type == PLENARY_JSON_ARRAY ? array->length : 0;
}

static inline const PlenaryJsonNode *
plenary_json_array_get_element (const PlenaryJsonNode *array,
                                guint                  index)
{
  if (array == NULL || array->type != PLENARY_JSON_ARRAY || index >= array->length)
    return NULL;
  return &array->v.elements[index];
}

/* Members in source order, duplicates included; 0 for anything but an object. */
static inline guint
plenary_json_object_get_size (const PlenaryJsonNode *object)
{
  return object != NULL && object->type == PLENARY_JSON_OBJECT ? object->length : 0;
}

/* The value of the member @name (the last one if the name repeats), or NULL. */
const PlenaryJsonNode *plenary_json_object_get_member (const PlenaryJsonNode *object,
                                                       const char            *name);

/* Visits each name once, where it first appears, with the value it was given last: what a
 * lookup by that name returns. Declare it as g_auto (PlenaryJsonIter) iter = { 0 }. */
typedef struct
{
  /*< private >*/
  const PlenaryJsonNode *object;
  guint                  index;
  GHashTable            *last;    /* name → last index + 1, only when a name repeats */
} PlenaryJsonIter;

void     plenary_json_iter_init  (PlenaryJsonIter        *iter,
                                  const PlenaryJsonNode  *object);
gboolean plenary_json_iter_next  (PlenaryJsonIter        *iter,
                                  const char            **name,
                                  const PlenaryJsonNode **value);
void     plenary_json_iter_clear (PlenaryJsonIter        *iter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlenaryJsonIter, plenary_json_iter_clear)

G_END_DECLS
