/* fuzz-json.c: libFuzzer harness for the JSON reader
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input either fails with a PLENARY_JSON_ERROR and a location inside it, or gives a
 * tree whose strings are valid UTF-8 of the stated length and whose lookups agree with
 * iteration. The input is copied to a block of its exact size so that a read past the end
 * is an AddressSanitizer finding.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "util/plenary-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_node (const PlenaryJsonNode *node)
{
  switch (plenary_json_node_get_type (node))
    {
    case PLENARY_JSON_STRING:
      g_assert_true (g_utf8_validate_len (node->v.string, node->length, NULL)
                     || memchr (node->v.string, '\0', node->length) != NULL);
      g_assert_true (node->v.string[node->length] == '\0');
      break;

    case PLENARY_JSON_ARRAY:
      for (guint i = 0; i < plenary_json_array_get_length (node); i++)
        check_node (plenary_json_array_get_element (node, i));
      break;

    case PLENARY_JSON_OBJECT:
      {
        g_auto (PlenaryJsonIter) iter = { 0 };
        const char *name;
        const PlenaryJsonNode *value;
        guint n = 0;

        plenary_json_iter_init (&iter, node);
        while (plenary_json_iter_next (&iter, &name, &value))
          {
            g_assert_true (g_utf8_validate (name, -1, NULL));
            g_assert_true (plenary_json_object_get_member (node, name) == value);
            check_node (value);
            n++;
          }
        g_assert_cmpuint (n, <=, plenary_json_object_get_size (node));
        g_assert_true (n > 0 || plenary_json_object_get_size (node) == 0);
      }
      break;

    case PLENARY_JSON_NULL:
    case PLENARY_JSON_BOOLEAN:
    case PLENARY_JSON_INT:
    case PLENARY_JSON_DOUBLE:
    default:
      break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = g_memdup2 (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryJsonDocument) document = NULL;
  PlenaryJsonLocation location = { 0 };

  /* A small depth limit as well as the default, so both paths are reached. */
  document = plenary_json_document_parse (copy, size, size % 2 ? 16 : 0, &location, &error);
  if (document == NULL)
    {
      g_assert_true (error != NULL && error->domain == PLENARY_JSON_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (location.offset, <=, size);
      g_assert_cmpuint (location.line, >=, 1);
      g_assert_cmpuint (location.column, >=, 1);
      return 0;
    }

  g_assert_no_error (error);
  check_node (plenary_json_document_get_root (document));
  return 0;
}
