/* test-json.c: the strict JSON reader
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "util/plenary-json.h"

static PlenaryJsonDocument *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  PlenaryJsonDocument *document = plenary_json_document_parse (text, strlen (text), 0, NULL,
                                                               &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Asserts that @length bytes of @text fail with @code at @line and @column. */
static void
assert_error_len (const char *text,
                  gsize       length,
                  int         code,
                  guint       line,
                  guint       column)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryJsonDocument) document = NULL;
  g_autofree char *expected = g_strdup_printf ("line %u, column %u: ", line, column);
  PlenaryJsonLocation location = { 0 };

  document = plenary_json_document_parse (text, length, 0, &location, &error);
  g_assert_null (document);
  g_assert_error (error, PLENARY_JSON_ERROR, code);
  g_assert_cmpuint (location.line, ==, line);
  g_assert_cmpuint (location.column, ==, column);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
assert_error (const char *text,
              int         code,
              guint       line,
              guint       column)
{
  assert_error_len (text, strlen (text), code, line, column);
}

static void
test_scalars (void)
{
  static const struct
  {
    const char      *text;
    PlenaryJsonType  type;
  } cases[] = {
    { "null", PLENARY_JSON_NULL },
    { " true ", PLENARY_JSON_BOOLEAN },
    { "false", PLENARY_JSON_BOOLEAN },
    { "0", PLENARY_JSON_INT },
    { "-0", PLENARY_JSON_INT },
    { "42", PLENARY_JSON_INT },
    { "1.5", PLENARY_JSON_DOUBLE },
    { "1e3", PLENARY_JSON_DOUBLE },
    { "\"text\"", PLENARY_JSON_STRING },
    { "[]", PLENARY_JSON_ARRAY },
    { "{}", PLENARY_JSON_OBJECT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PlenaryJsonDocument) document = parse_ok (cases[i].text);
      const PlenaryJsonNode *root = plenary_json_document_get_root (document);

      g_assert_cmpint (plenary_json_node_get_type (root), ==, cases[i].type);
    }

  {
    g_autoptr (PlenaryJsonDocument) document = parse_ok ("true");

    g_assert_true (plenary_json_document_get_root (document)->v.boolean);
  }
  {
    g_autoptr (PlenaryJsonDocument) document = parse_ok ("\t\r\n false\n");

    g_assert_false (plenary_json_document_get_root (document)->v.boolean);
  }
}

static void
test_containers (void)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  const PlenaryJsonNode *root, *list, *inner;
  static const char *const order[] = { "b", "a", "" };
  g_auto (PlenaryJsonIter) iter = { 0 };
  const char *name;
  const PlenaryJsonNode *value;
  guint n = 0;

  document = parse_ok ("{\"b\": [1, \"two\", {\"x\": null}, [], {}], \"a\": {\"c\": true},"
                       " \"\": 3}");
  root = plenary_json_document_get_root (document);
  g_assert_cmpuint (plenary_json_object_get_size (root), ==, 3);

  list = plenary_json_object_get_member (root, "b");
  g_assert_cmpuint (plenary_json_array_get_length (list), ==, 5);
  g_assert_cmpint (plenary_json_array_get_element (list, 0)->v.integer, ==, 1);
  g_assert_cmpstr (plenary_json_node_get_string (plenary_json_array_get_element (list, 1)), ==,
                   "two");
  inner = plenary_json_array_get_element (list, 2);
  g_assert_nonnull (plenary_json_node_get_object (inner));
  g_assert_cmpint (plenary_json_node_get_type (plenary_json_object_get_member (inner, "x")), ==,
                   PLENARY_JSON_NULL);
  g_assert_cmpuint (plenary_json_array_get_length (plenary_json_array_get_element (list, 3)),
                    ==, 0);
  g_assert_cmpuint (plenary_json_object_get_size (plenary_json_array_get_element (list, 4)),
                    ==, 0);
  g_assert_null (plenary_json_array_get_element (list, 5));
  g_assert_cmpint (plenary_json_object_get_member (root, "")->v.integer, ==, 3);
  g_assert_true (plenary_json_object_get_member (plenary_json_object_get_member (root, "a"),
                                                 "c")->v.boolean);

  /* Source order. */
  plenary_json_iter_init (&iter, root);
  while (plenary_json_iter_next (&iter, &name, &value))
    g_assert_cmpstr (name, ==, order[n++]);
  g_assert_cmpuint (n, ==, 3);

  /* Every accessor takes NULL and wrong types. */
  g_assert_null (plenary_json_object_get_member (NULL, "a"));
  g_assert_null (plenary_json_object_get_member (list, "a"));
  g_assert_null (plenary_json_object_get_member (root, "missing"));
  g_assert_null (plenary_json_array_get_element (root, 0));
  g_assert_null (plenary_json_node_get_array (root));
  g_assert_null (plenary_json_node_get_object (list));
  g_assert_null (plenary_json_node_get_string (root));
  g_assert_null (plenary_json_node_get_string (NULL));
  g_assert_cmpuint (plenary_json_array_get_length (NULL), ==, 0);
  g_assert_cmpuint (plenary_json_object_get_size (list), ==, 0);
  g_assert_cmpint (plenary_json_node_get_type (NULL), ==, PLENARY_JSON_NULL);
  plenary_json_iter_init (&iter, list);
  g_assert_false (plenary_json_iter_next (&iter, &name, &value));
}

/* Large containers leave the scratch stacks in several arena chunks. */
static void
test_large (void)
{
  g_autoptr (GString) text = g_string_new ("[");
  g_autoptr (PlenaryJsonDocument) document = NULL;
  const PlenaryJsonNode *root;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%s{\"i\":%u,\"s\":\"v%u\",\"a\":[%u,%u]}", i > 0 ? "," : "",
                            i, i, i, i + 1);
  g_string_append (text, "]");

  document = parse_ok (text->str);
  root = plenary_json_document_get_root (document);
  g_assert_cmpuint (plenary_json_array_get_length (root), ==, 100000);
  for (guint i = 0; i < 100000; i += 997)
    {
      const PlenaryJsonNode *item = plenary_json_array_get_element (root, i);
      g_autofree char *expected = g_strdup_printf ("v%u", i);
      const PlenaryJsonNode *pair = plenary_json_object_get_member (item, "a");

      g_assert_cmpint (plenary_json_object_get_member (item, "i")->v.integer, ==, i);
      g_assert_cmpstr (plenary_json_node_get_string (plenary_json_object_get_member (item, "s")),
                       ==, expected);
      g_assert_cmpint (plenary_json_array_get_element (pair, 1)->v.integer, ==, i + 1);
    }
}

static void
test_duplicates (void)
{
  g_autoptr (PlenaryJsonDocument) document = NULL;
  g_autoptr (GString) text = g_string_new ("{");
  const PlenaryJsonNode *root;
  g_auto (PlenaryJsonIter) iter = { 0 };
  const char *name;
  const PlenaryJsonNode *value;
  guint n = 0;

  /* As in json-glib: the last value wins, at the place where the name first appeared. */
  document = parse_ok ("{\"a\": 1, \"b\": 2, \"a\": 3}");
  root = plenary_json_document_get_root (document);
  g_assert_cmpint (plenary_json_object_get_member (root, "a")->v.integer, ==, 3);
  plenary_json_iter_init (&iter, root);
  g_assert_true (plenary_json_iter_next (&iter, &name, &value));
  g_assert_cmpstr (name, ==, "a");
  g_assert_cmpint (value->v.integer, ==, 3);
  g_assert_true (plenary_json_iter_next (&iter, &name, &value));
  g_assert_cmpstr (name, ==, "b");
  g_assert_false (plenary_json_iter_next (&iter, &name, &value));
  plenary_json_iter_clear (&iter);
  g_clear_pointer (&document, plenary_json_document_free);

  /* The same with more members than the quadratic check takes. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "\"k%u\": %u, ", i % 30, i);
  g_string_append (text, "\"end\": 0}");
  document = parse_ok (text->str);
  root = plenary_json_document_get_root (document);
  plenary_json_iter_init (&iter, root);
  while (plenary_json_iter_next (&iter, &name, &value))
    {
      g_autofree char *expected = g_strdup_printf ("k%u", n);

      if (n < 30)
        {
          g_assert_cmpstr (name, ==, expected);
          g_assert_cmpint (value->v.integer, ==, n < 10 ? n + 30 : n);
        }
      else
        g_assert_cmpstr (name, ==, "end");
      n++;
    }
  g_assert_cmpuint (n, ==, 31);
  g_assert_cmpint (plenary_json_object_get_member (root, "k5")->v.integer, ==, 35);

  /* Stopping early frees the table. */
  plenary_json_iter_init (&iter, root);
  g_assert_true (plenary_json_iter_next (&iter, &name, &value));
}

static void
test_strings (void)
{
  static const struct
  {
    const char *json;
    const char *expected;
    gsize       length;
  } cases[] = {
    { "\"\"", "", 0 },
    { "\"plain ascii, long enough for the word loop\"",
      "plain ascii, long enough for the word loop", 42 },
    { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t", 8 },
    { "\"https:\\/\\/lpc.events\\/event\\/11\\/\"", "https://lpc.events/event/11/", 28 },
    { "\"\\u0041\\u00e9\\u20AC\"", "Aé€", 6 },
    { "\"Ünïcödé ✓ 😀 straight through\"", "Ünïcödé ✓ 😀 straight through", 37 },
    /* A surrogate pair, upper and lower case. */
    { "\"\\ud83d\\uDE00\"", "😀", 4 },
    /* Lone surrogates become U+FFFD: a damaged emoji should not cost the whole programme,
     * and what the model gets stays valid UTF-8. */
    { "\"a\\ud83db\"", "a\xef\xbf\xbd" "b", 5 },
    { "\"\\ude00\"", "\xef\xbf\xbd", 3 },
    { "\"\\ud83d\\u0041\"", "\xef\xbf\xbd" "A", 4 },
    { "\"\\ud83d\\ud83d\\ude00\"", "\xef\xbf\xbd" "😀", 7 },
    { "\"\\ud83d\"", "\xef\xbf\xbd", 3 },
    { "\"\\ud83d\\n\"", "\xef\xbf\xbd\n", 4 },
    { "\"\x7f\"", "\x7f", 1 },
    { "\"\xf4\x8f\xbf\xbf\"", "\xf4\x8f\xbf\xbf", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PlenaryJsonDocument) document = parse_ok (cases[i].json);
      const PlenaryJsonNode *root = plenary_json_document_get_root (document);

      g_assert_cmpstr (plenary_json_node_get_string (root), ==, cases[i].expected);
      g_assert_cmpuint (root->length, ==, cases[i].length);
      g_assert_true (g_utf8_validate (root->v.string, root->length, NULL));
    }

  /* "\u0000" is kept; the C string ends there. */
  {
    g_autoptr (PlenaryJsonDocument) document = parse_ok ("{\"a\\u0000b\": \"x\\u0000y\"}");
    const PlenaryJsonNode *root = plenary_json_document_get_root (document);
    const PlenaryJsonNode *value = &root->v.members[0].value;

    g_assert_cmpuint (value->length, ==, 3);
    g_assert_true (memcmp (value->v.string, "x\0y", 4) == 0);
    g_assert_cmpstr (root->v.members[0].name, ==, "a");
    g_assert_true (plenary_json_object_get_member (root, "a") == value);
  }

  /* Escapes and multi-byte characters on each side of the 8-byte steps. */
  for (guint shift = 0; shift < 10; shift++)
    {
      g_autofree char *pad = g_strnfill (shift, 'x');
      g_autofree char *json = g_strdup_printf ("[\"%s\\/é\\u00e9\\\"%s\"]", pad, pad);
      g_autofree char *expected = g_strdup_printf ("%s/éé\"%s", pad, pad);
      g_autoptr (PlenaryJsonDocument) document = parse_ok (json);
      const PlenaryJsonNode *root = plenary_json_document_get_root (document);

      g_assert_cmpstr (plenary_json_node_get_string (plenary_json_array_get_element (root, 0)),
                       ==, expected);
    }
}

static void
test_numbers (void)
{
  static const struct
  {
    const char *json;
    gint64      value;
  } integers[] = {
    { "0", 0 },
    { "-0", 0 },
    { "7", 7 },
    { "-12", -12 },
    { "9223372036854775807", G_MAXINT64 },
    { "-9223372036854775808", G_MININT64 },
  };
  static const struct
  {
    const char *json;
    double      value;
  } doubles[] = {
    { "1.5", 1.5 },
    { "-0.25", -0.25 },
    { "30.0", 30.0 },
    { "1e3", 1000 },
    { "1E+2", 100 },
    { "25e-1", 2.5 },
    { "1e300", 1e300 },
    /* Integers past gint64 are doubles. */
    { "9223372036854775808", 9223372036854775808.0 },
    { "-9223372036854775809", -9223372036854775809.0 },
    { "123456789012345678901234567890", 123456789012345678901234567890.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (integers); i++)
    {
      g_autoptr (PlenaryJsonDocument) document = parse_ok (integers[i].json);
      const PlenaryJsonNode *root = plenary_json_document_get_root (document);

      g_assert_cmpint (root->type, ==, PLENARY_JSON_INT);
      g_assert_cmpint (root->v.integer, ==, integers[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autoptr (PlenaryJsonDocument) document = parse_ok (doubles[i].json);
      const PlenaryJsonNode *root = plenary_json_document_get_root (document);

      g_assert_cmpint (root->type, ==, PLENARY_JSON_DOUBLE);
      g_assert_cmpfloat (root->v.number, ==, doubles[i].value);
    }

  /* Longer than the copy on the stack; too large is infinite, not an error. */
  {
    g_autofree char *digits = g_strnfill (400, '9');
    g_autoptr (PlenaryJsonDocument) document = parse_ok (digits);
    g_autoptr (PlenaryJsonDocument) huge = parse_ok ("[1e999]");

    g_assert_cmpint (plenary_json_document_get_root (document)->type, ==, PLENARY_JSON_DOUBLE);
    g_assert_cmpfloat (plenary_json_document_get_root (document)->v.number, >, 9e299);
    g_assert_true (isinf (plenary_json_array_get_element (
      plenary_json_document_get_root (huge), 0)->v.number));
  }
}

static void
test_bom (void)
{
  g_autoptr (PlenaryJsonDocument) document = parse_ok ("\xef\xbb\xbf{\"a\":1}");

  g_assert_cmpint (plenary_json_object_get_member (plenary_json_document_get_root (document),
                                                   "a")->v.integer, ==, 1);
  /* Only at the start. */
  assert_error ("[\xef\xbb\xbf" "1]", PLENARY_JSON_ERROR_SYNTAX, 1, 2);
  assert_error ("\xef\xbb\xbf", PLENARY_JSON_ERROR_EMPTY, 1, 4);
}

static void
test_errors (void)
{
  static const struct
  {
    const char *json;
    int         code;
    guint       line;
    guint       column;
  } cases[] = {
    { "", PLENARY_JSON_ERROR_EMPTY, 1, 1 },
    { " \n\t", PLENARY_JSON_ERROR_EMPTY, 2, 2 },
    { "{\n\"results\":\n{,}", PLENARY_JSON_ERROR_SYNTAX, 3, 2 },
    { "<html>", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "[1,]", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "{\"a\":1,}", PLENARY_JSON_ERROR_SYNTAX, 1, 8 },
    { "{\"a\" 1}", PLENARY_JSON_ERROR_SYNTAX, 1, 6 },
    { "{a:1}", PLENARY_JSON_ERROR_SYNTAX, 1, 2 },
    { "[1 2]", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "[1}", PLENARY_JSON_ERROR_SYNTAX, 1, 3 },
    { "{\"a\":1]", PLENARY_JSON_ERROR_SYNTAX, 1, 7 },
    { "1 2", PLENARY_JSON_ERROR_SYNTAX, 1, 3 },
    { "{} x", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "tru", PLENARY_JSON_ERROR_TRUNCATED, 1, 4 },
    { "trux", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "nul1", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "True", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "NaN", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "-Infinity", PLENARY_JSON_ERROR_SYNTAX, 1, 2 },
    { "01", PLENARY_JSON_ERROR_SYNTAX, 1, 2 },
    { "+1", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { ".5", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "1.", PLENARY_JSON_ERROR_TRUNCATED, 1, 3 },
    { "[1.]", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "[1e]", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "[1e+]", PLENARY_JSON_ERROR_SYNTAX, 1, 5 },
    { "[-]", PLENARY_JSON_ERROR_SYNTAX, 1, 3 },
    { "0x10", PLENARY_JSON_ERROR_SYNTAX, 1, 2 },
    { "'a'", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "[\"a\\x\"]", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "[\"\\u12G4\"]", PLENARY_JSON_ERROR_SYNTAX, 1, 3 },
    { "[\"a\tb\"]", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "[\"line\nbreak\"]", PLENARY_JSON_ERROR_SYNTAX, 1, 7 },
    { "/* comment */ 1", PLENARY_JSON_ERROR_SYNTAX, 1, 1 },
    { "[1] // comment", PLENARY_JSON_ERROR_SYNTAX, 1, 5 },
    { "\n\n  [\"\xff\"]", PLENARY_JSON_ERROR_UTF8, 3, 5 },
    /* Overlong, surrogate, past U+10FFFF, stray continuation, bad continuation. */
    { "\"\xc0\xaf\"", PLENARY_JSON_ERROR_UTF8, 1, 2 },
    { "\"\xe0\x80\xaf\"", PLENARY_JSON_ERROR_UTF8, 1, 2 },
    { "\"\xed\xa0\x80\"", PLENARY_JSON_ERROR_UTF8, 1, 2 },
    { "\"\xf4\x90\x80\x80\"", PLENARY_JSON_ERROR_UTF8, 1, 2 },
    { "\"\xf5\x80\x80\x80\"", PLENARY_JSON_ERROR_UTF8, 1, 2 },
    { "\"ab\x80\"", PLENARY_JSON_ERROR_UTF8, 1, 4 },
    { "\"\xc3(\"", PLENARY_JSON_ERROR_UTF8, 1, 2 },
    { "\"\xe2\x82\"", PLENARY_JSON_ERROR_UTF8, 1, 2 },
    /* Outside strings only JSON's own characters. */
    { "[1,\xc3\xa9]", PLENARY_JSON_ERROR_SYNTAX, 1, 4 },
    { "{\"a\":", PLENARY_JSON_ERROR_TRUNCATED, 1, 6 },
    { "{\"a\"", PLENARY_JSON_ERROR_TRUNCATED, 1, 5 },
    { "{\"a", PLENARY_JSON_ERROR_TRUNCATED, 1, 4 },
    { "[\"abc\\", PLENARY_JSON_ERROR_TRUNCATED, 1, 7 },
    { "[\"\\u00", PLENARY_JSON_ERROR_TRUNCATED, 1, 7 },
    { "[\"\xe2\x82", PLENARY_JSON_ERROR_TRUNCATED, 1, 5 },
    { "{\"results\":{\"1\":{\"x\":", PLENARY_JSON_ERROR_TRUNCATED, 1, 22 },
    { "[\n1,\n2", PLENARY_JSON_ERROR_TRUNCATED, 3, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_strescape (cases[i].json, NULL);

      g_test_message ("%s", escaped);
      assert_error (cases[i].json, cases[i].code, cases[i].line, cases[i].column);
    }

  /* A NUL byte is no JSON, in a string or outside one. */
  assert_error_len ("[\"a\0\"]", 6, PLENARY_JSON_ERROR_SYNTAX, 1, 4);
  assert_error_len ("[1,\0]", 5, PLENARY_JSON_ERROR_SYNTAX, 1, 4);
}

static void
test_depth (void)
{
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PlenaryJsonDocument) document = NULL;
  PlenaryJsonLocation location;

  /* 512 levels are fine, 513 are not, and far more cannot exhaust the stack. */
  for (guint i = 0; i < 512; i++)
    g_string_append (deep, i % 2 ? "{\"a\":" : "[");
  g_string_append_c (deep, '1');
  for (guint i = 512; i-- > 0;)
    g_string_append (deep, i % 2 ? "}" : "]");
  document = parse_ok (deep->str);
  g_clear_pointer (&document, plenary_json_document_free);

  /* One more level: the error is at the last "{", after 256 "[" and 255 "{\"a\":". */
  g_string_prepend (deep, "[");
  g_string_append (deep, "]");
  assert_error (deep->str, PLENARY_JSON_ERROR_DEPTH, 1, 1 + 1 + 256 + 255 * 5);

  g_string_truncate (deep, 0);
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  assert_error (deep->str, PLENARY_JSON_ERROR_DEPTH, 1, 513);

  /* A caller's own limit. */
  document = plenary_json_document_parse ("[[[1]]]", 7, 3, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&document, plenary_json_document_free);
  document = plenary_json_document_parse ("[[[[1]]]]", 9, 3, &location, &error);
  g_assert_error (error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_DEPTH);
  g_assert_cmpuint (location.column, ==, 4);
}

/* Every proper prefix of a document is an error, never a crash; the text is copied to an
 * exact-size block each time so that a read past the end shows under a sanitizer. */
static void
test_truncation (void)
{
  static const char document[] =
    "\xef\xbb\xbf{\"count\": 1, \"results\": {\"11\": {\"20210920\": {\"s1\": {\n"
    "  \"title\": \"Opening \\u00e9\\ud83d\\ude00 \\/ é\", \"id\": -12, \"duration\": 1.5e1,\n"
    "  \"list\": [true, false, null, [], {}, \"\"], \"n\": 0, \"f\": -0.5E-3}}}}}\n";
  gsize size = sizeof document - 1;

  for (gsize cut = 0; cut <= size; cut++)
    {
      g_autofree char *copy = g_memdup2 (document, MAX (cut, 1));
      g_autoptr (GError) error = NULL;
      g_autoptr (PlenaryJsonDocument) parsed = NULL;

      parsed = plenary_json_document_parse (copy, cut, 0, NULL, &error);
      /* The trailing newline is white space: only the whole or that much less parses. */
      if (cut >= size - 1)
        {
          g_assert_no_error (error);
          g_assert_nonnull (parsed);
          continue;
        }
      g_assert_null (parsed);
      g_assert_nonnull (error);
      /* Part of a byte order mark is not one. */
      if (cut > 0 && cut < 3)
        g_assert_error (error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_SYNTAX);
      else if (cut <= 3)
        g_assert_error (error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_EMPTY);
      else
        g_assert_error (error, PLENARY_JSON_ERROR, PLENARY_JSON_ERROR_TRUNCATED);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/scalars", test_scalars);
  g_test_add_func ("/json/containers", test_containers);
  g_test_add_func ("/json/large", test_large);
  g_test_add_func ("/json/duplicates", test_duplicates);
  g_test_add_func ("/json/strings", test_strings);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/bom", test_bom);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/truncation", test_truncation);

  return g_test_run ();
}
