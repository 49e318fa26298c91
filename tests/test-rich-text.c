/* test-rich-text.c: descriptions become safe, valid markup and plain text
 *
 * Copyright 2026 The Plenary authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "plenary-test-util.h"
#include "util/plenary-rich-text.h"
#include "util/plenary-text.h"

static gboolean have_display;

/* Every conversion goes through here: the markup must parse as GtkLabel parses it, and a
 * GtkLabel must take it without a warning (warnings are fatal in this test). */
static char *
markup_checked (const char            *source,
                PlenaryRichTextFormat  format)
{
  g_autoptr (GError) error = NULL;
  char *markup = plenary_rich_text_to_markup (source, format);

  if (!plenary_rich_text_validate_markup (markup, &error))
    g_error ("Invalid markup for “%s”: %s\n%s", source, error->message, markup);
  if (have_display)
    {
      GtkWidget *label = gtk_label_new (NULL);

      g_object_ref_sink (label);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      g_object_unref (label);
    }
  return markup;
}

static void
assert_markup (const char *source,
               const char *expected)
{
  g_autofree char *markup = markup_checked (source, PLENARY_RICH_TEXT_AUTO);

  g_assert_cmpstr (markup, ==, expected);
}

static void
assert_plain (const char *source,
              const char *expected)
{
  g_autofree char *plain = plenary_rich_text_to_plain (source, PLENARY_RICH_TEXT_AUTO);

  g_assert_cmpstr (plain, ==, expected);
}

static void
test_detect (void)
{
  g_assert_cmpint (plenary_rich_text_detect_format ("Plain *text*"), ==, PLENARY_RICH_TEXT_MARKDOWN);
  g_assert_cmpint (plenary_rich_text_detect_format ("Uses <b>bold</b>"), ==,
                   PLENARY_RICH_TEXT_MARKDOWN);
  g_assert_cmpint (plenary_rich_text_detect_format ("<p>Para</p>"), ==, PLENARY_RICH_TEXT_HTML);
  g_assert_cmpint (plenary_rich_text_detect_format ("a<br/>b"), ==, PLENARY_RICH_TEXT_HTML);
  g_assert_cmpint (plenary_rich_text_detect_format ("x <DIV class=\"a\">y</DIV>"), ==,
                   PLENARY_RICH_TEXT_HTML);
  g_assert_cmpint (plenary_rich_text_detect_format ("include <linux/list.h>"), ==,
                   PLENARY_RICH_TEXT_MARKDOWN);
}

static void
test_markdown_paragraphs (void)
{
  assert_markup ("", "");
  assert_markup (NULL, "");
  assert_markup ("One.\n\nTwo.\n\n\n\nThree.", "One.\n\nTwo.\n\nThree.");
  /* Indico renders single newlines as line breaks. */
  assert_markup ("Line one\r\nline two", "Line one\nline two");
  assert_markup ("  Leading and trailing   \n", "Leading and trailing");
  assert_markup ("# Title\nText", "<big><b>Title</b></big>\n\nText");
  assert_markup ("### Small ###\n\nText", "<big><b>Small</b></big>\n\nText");
  assert_markup ("> quoted\n> more\n\nafter", "    <i>quoted\n    more</i>\n\nafter");
  assert_markup ("a\n\n---\n\nb", "a\n\nb");
}

static void
test_markdown_lists (void)
{
  assert_markup ("Intro:\n\n- one\n- two\n\nAfter", "Intro:\n\n• one\n• two\n\nAfter");
  assert_markup ("* a\n* b", "• a\n• b");
  assert_markup ("1. first\n2. second\n3. third", "1. first\n2. second\n3. third");
  assert_markup ("3) c\n4) d", "3. c\n4. d");
  assert_markup ("- outer\n  - inner\n  - inner2\n- outer2",
                 "• outer\n  • inner\n  • inner2\n• outer2");
  assert_markup ("1. a\n   - b\n2. c", "1. a\n   • b\n2. c");
  /* Loose lists stay one item a line. */
  assert_markup ("- a\n\n- b", "• a\n• b");
  assert_markup ("- item\n  continued", "• item\n  continued");
  /* LPC abstracts paste bullets from slides. */
  assert_markup ("• Profiling\n\n• Efficiency", "• Profiling\n• Efficiency");
}

static void
test_markdown_inline (void)
{
  assert_markup ("*em* and _em_ and **strong** and __strong__",
                 "<i>em</i> and <i>em</i> and <b>strong</b> and <b>strong</b>");
  /* CommonMark (rule 14): the outer pair is emphasis, the inner strong. */
  assert_markup ("***both***", "<i><b>both</b></i>");
  assert_markup ("**bold *and em***", "<b>bold <i>and em</i></b>");
  assert_markup ("snake_case_name and a * b * c", "snake_case_name and a * b * c");
  assert_markup ("2*3 = 6, *unclosed", "2*3 = 6, *unclosed");
  assert_markup ("use `a < b && c` here", "use <tt>a &lt; b &amp;&amp; c</tt> here");
  assert_markup ("``code with ` tick``", "<tt>code with ` tick</tt>");
  assert_markup ("\\*not em\\*", "*not em*");
  assert_markup ("```\nint *p = &x;\n  indented\n```\nafter",
                 "<tt>int *p = &amp;x;\n  indented</tt>\n\nafter");
  assert_markup ("text\n\n    code block\n    more\n\ntext",
                 "text\n\n<tt>code block\nmore</tt>\n\ntext");
  assert_markup ("include <linux/list.h> & <b>bold</b>",
                 "include &lt;linux/list.h&gt; &amp; <b>bold</b>");
  assert_markup ("&copy; &#8364; &#x20AC; &bogus; &", "© € € &amp;bogus; &amp;");
  /* Indico renders $…$ as LaTeX: it stays as written, never emphasis (JACoW abstracts). md4c
   * 0.5 no longer takes a "$" right after a letter ("Bi$_2$") as math; 0.4.8 does. */
  assert_markup ("at $T_{\\rm{CDW}}$ = 263 K, $0.15\\, nm$ and $a_1 * b_2 * c$",
                 "at $T_{\\rm{CDW}}$ = 263 K, $0.15\\, nm$ and $a_1 * b_2 * c$");
  /* CommonMark flanking rules: a "*" before punctuation after a letter opens nothing. */
  assert_markup ("up to 1 MHz*. We shape the profile**. In", "up to 1 MHz*. We shape the profile**. In");
  assert_markup ("Title\n=====\ntext", "<big><b>Title</b></big>\n\ntext");
  assert_markup ("a <foo> b <em>c</em>", "a &lt;foo&gt; b <i>c</i>");
  /* md4c gives a tag that spans lines one line at a time. */
  assert_markup ("see <a\nhref=\"https://a.org\">this</a>", "see <a href=\"https://a.org\">this</a>");
  assert_markup ("text\n\n    • in code", "text\n\n<tt>• in code</tt>");
}

static void
test_markdown_links (void)
{
  assert_markup ("[site](https://lpc.events/event/11/)",
                 "<a href=\"https://lpc.events/event/11/\">site</a>");
  assert_markup ("[**bold** site](http://example.org/a_(b) \"Title\")",
                 "<a href=\"http://example.org/a_(b)\"><b>bold</b> site</a>");
  assert_markup ("<https://example.org/x?a=1&b=2>",
                 "<a href=\"https://example.org/x?a=1&amp;b=2\">https://example.org/x?a=1&amp;b=2</a>");
  assert_markup ("See https://example.org/page. Or (https://example.org/p2).",
                 "See <a href=\"https://example.org/page\">https://example.org/page</a>. "
                 "Or (<a href=\"https://example.org/p2\">https://example.org/p2</a>).");
  assert_markup ("[x](javascript:alert(1))", "x");
  assert_markup ("[x](file:///etc/passwd)", "x");
  assert_markup ("[x](/relative/path)", "x");
  assert_markup ("[x](data:text/html,hi)", "x");
  assert_markup ("[x](mailto:a@b.org)", "x");
  assert_markup ("<mailto:a@b.org>", "mailto:a@b.org");
  assert_markup ("![logo](https://example.org/logo.png)", "logo");
  /* CommonMark: links do not nest, the inner one wins and the rest is text, with its bare URL. */
  assert_markup ("[outer [https://a.org](https://b.org)](https://c.org)",
                 "[outer <a href=\"https://b.org\">https://a.org</a>]"
                 "(<a href=\"https://c.org\">https://c.org</a>)");
  /* Kernel mailing list links have "@" in the path. */
  assert_markup ("See https://lore.kernel.org/all/20250602221004.3837674-1-j@google.com/.",
                 "See <a href=\"https://lore.kernel.org/all/20250602221004.3837674-1-j@google.com/\">"
                 "https://lore.kernel.org/all/20250602221004.3837674-1-j@google.com/</a>.");
  assert_markup ("<a href=\"https://x.org\">inline html</a>",
                 "<a href=\"https://x.org\">inline html</a>");
}

static void
test_html (void)
{
  assert_markup ("<p>One</p>\n<p>Two  words\nwrapped</p>", "One\n\nTwo words wrapped");
  assert_markup ("<div>a<br>b<br/><br />c</div>", "a\nb\n\nc");
  assert_markup ("<ul><li>one</li><li>two <b>bold</b></li></ul><p>after</p>",
                 "• one\n• two <b>bold</b>\n\nafter");
  assert_markup ("<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>", "1. a\n   • b\n2. c");
  assert_markup ("<p><strong>S</strong> <em>E</em> <code>C</code> <i>i</i></p>",
                 "<b>S</b> <i>E</i> <tt>C</tt> <i>i</i>");
  assert_markup ("<h2>Head</h2><p>x</p>", "<big><b>Head</b></big>\n\nx");
  assert_markup ("<blockquote><p>q</p></blockquote><p>x</p>", "    <i>q</i>\n\nx");
  assert_markup ("<pre>a  b\n  c</pre>", "<tt>a  b\n  c</tt>");
  assert_markup ("<p><a href=\"https://www.fel2022.org\" target=\"_blank\">FEL</a></p>",
                 "<a href=\"https://www.fel2022.org\">FEL</a>");
  assert_markup ("<p><a href=\"https://a.org/?x=1&amp;y=2\">q</a></p>",
                 "<a href=\"https://a.org/?x=1&amp;y=2\">q</a>");
  assert_markup ("<p>Caf&eacute; &lt;tag&gt; &amp; &nbsp;x</p>", "Café &lt;tag&gt; &amp; \xc2\xa0" "x");
  assert_markup ("<p><span style=\"color:red\" onclick=\"evil()\">kept</span></p>", "kept");
  assert_markup ("<p>bare https://example.org/x here</p>",
                 "bare <a href=\"https://example.org/x\">https://example.org/x</a> here");
}

static void
test_dangerous (void)
{
  assert_markup ("<b>&", "<b>&amp;</b>");
  assert_markup ("Markdown <b>&", "Markdown <b>&amp;</b>");
  assert_markup ("<p>x<script>alert(1)</script>y</p>", "xy");
  assert_markup ("x <script>alert('<p>')</script> y", "x  y");
  assert_markup ("<p>a<SCRIPT type=x>\n\nalert(1)\n\n</SCRIPT >b</p>", "ab");
  assert_markup ("<p>open<script>never closed", "open");
  assert_markup ("<style>p { color: red }</style><p>x</p>", "x");
  assert_markup ("<p>a<iframe src=\"https://evil\">fallback</iframe>b</p>", "ab");
  assert_markup ("<p>a<object data=x>o</object><embed src=x>b</p>", "ab");
  assert_markup ("<p>a<!-- <b>hidden</b> -->b</p>", "ab");
  assert_markup ("<p><a href=\"file:///etc/passwd\">x</a></p>", "x");
  assert_markup ("<p><a href=\"javascript:alert(1)\">x</a></p>", "x");
  assert_markup ("<p><a href=\" JaVaScRiPt:alert(1)\">x</a></p>", "x");
  assert_markup ("<p><a href=\"java&#x0A;script:alert(1)\">x</a></p>", "x");
  assert_markup ("<p><a href=\"/event/11/\">rel</a></p>", "rel");
  assert_markup ("<p><a href=\"https:evil\">x</a></p>", "x");
  assert_markup ("<p><a href='https://ok.org/\"onmouseover=\"x'>q</a></p>", "q");
  assert_markup ("<p><img src=x onerror=alert(1)>after</p>", "after");
  assert_markup ("<p><img src=x alt=\"A &amp; B\">after</p>", "A &amp; Bafter");
  assert_markup ("<b><i>x</b>y</i>", "<b><i>x</i></b><i>y</i>");
  assert_markup ("<p><b><i>x</b></p>", "<b><i>x</i></b>");
  assert_markup ("a < b > c", "a &lt; b &gt; c");
  assert_markup ("<p>a < b</p>", "a &lt; b");
  assert_markup ("<p>x <a href=\"https://a.org\">one <a href=\"https://b.org\">two</a></a></p>",
                 "x <a href=\"https://a.org\">one two</a>");
  assert_markup ("x\x01y\x7f" "z\xc2\x85.", "xyz.");
  assert_markup ("bad \xff\xfe utf8", "bad \xef\xbf\xbd\xef\xbf\xbd utf8");
  assert_markup ("<p>&#0; &#xD800; &#x110000; &#1;</p>", "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
  assert_markup ("<span foreground=\"red\">x</span>", "x");
  assert_markup ("<markup><span size=\"999999\">x</span></markup>", "x");
}

/* A reference link repeats its destination at every use: the hrefs may not make the markup
 * much longer than the source (without the bound, this one would be 1 MB). */
static void
test_reference_links (void)
{
  g_autoptr (GString) source = g_string_new ("[a]: https://x.org/");
  g_autofree char *markup = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (source, 'p');
  g_string_append (source, "\n\n");
  for (guint i = 0; i < 500; i++)
    g_string_append (source, "[a] ");
  markup = markup_checked (source->str, PLENARY_RICH_TEXT_MARKDOWN);
  g_assert_true (g_str_has_prefix (markup, "<a href=\"https://x.org/ppp"));
  g_assert_cmpuint (strlen (markup), <, 2 * source->len);
}

static void
test_garbage (void)
{
  static const char *inputs[] = {
    "<", ">", "&", "<<>>", "</", "</b>", "<b", "<a href=", "<a href=\"https://x.org\"",
    "<a href=\"https://x.org\">", "</a></a></a>", "*", "**", "***", "_*_*_*", "[", "[](",
    "[x](", "[x](https://a.org", "`", "```", "```\n", "> ", ">>>>>>>>>>>>>>>>>>>>>x",
    "- - - - - - - - x", "1.", "1. ", "#", "######## x", "&#", "&#x;", "&#99999999999;",
    "<!--", "<!-- x", "<!DOCTYPE html><p>x", "<?xml version=\"1.0\"?>x", "<pre>", "</pre>",
    "<ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><ul><li>deep",
    "<b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b><b>x</i></i></b>",
    "<h1><h2><h3>x</h1>", "<li>orphan</li>", "</ul></ol></blockquote>x",
    "<blockquote><ul><li><blockquote><pre>x</blockquote></pre>",
    "**a _b `c [d](https://e.org) f` g_ h**", "<a href=\"https://a.org\"><b>x</a></b>",
    "https://", "http://x", "https://a.org/<b>", "<https://a.org/\">",
    "[a](https://a.org/\"><script>)", "\\", "\\\n", "- \n  - \n    - ", "    ",
    "<p>\n\n\n</p>", "<br><br><br><br>", "<td>a<td>b", "<img alt=\"<b>\">",
    "<a href=\"https://a.org\" href=\"javascript:x\">y</a>", "<a\nhref=\"https://a.org\">y</a>",
    "~~~\ncode\n~~~~", "<sub><sup><u><s><tt><big>x", "&lt;b&gt;", "&amp;lt;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *a = markup_checked (inputs[i], PLENARY_RICH_TEXT_AUTO);
      g_autofree char *b = markup_checked (inputs[i], PLENARY_RICH_TEXT_HTML);
      g_autofree char *c = markup_checked (inputs[i], PLENARY_RICH_TEXT_MARKDOWN);
    }
}

/* Random bytes from an alphabet rich in syntax, both formats. */
static void
test_random (void)
{
  static const char *pieces[] = {
    "<", ">", "</", "&", "&amp;", "&#", ";", "*", "**", "_", "`", "```", "[", "]", "(", ")",
    "\n", "\n\n", " ", "  ", "- ", "1. ", "> ", "# ", "<b>", "</b>", "<i>", "</i>", "<p>",
    "</p>", "<ul>", "<li>", "</ul>", "<a href=\"https://a.org\">", "</a>", "<script>",
    "</script>", "<!--", "-->", "https://x.org/", "javascript:", "\"", "'", "é", "•", "x",
    "word", "<br>", "<pre>", "</pre>", "<blockquote>", "\xff", "\t", "\\", "<tt>", "=",
  };
  GRand *rand = g_rand_new_with_seed (20210920);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr (GString) input = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 60);

      for (guint i = 0; i < n; i++)
        g_string_append (input, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      {
        g_autofree char *a = markup_checked (input->str, PLENARY_RICH_TEXT_HTML);
        g_autofree char *b = markup_checked (input->str, PLENARY_RICH_TEXT_MARKDOWN);
        g_autofree char *plain = plenary_rich_text_to_plain (input->str, PLENARY_RICH_TEXT_AUTO);
        g_autofree char *snippet = plenary_rich_text_to_snippet (input->str, 20);

        g_assert_true (g_utf8_validate (plain, -1, NULL));
        g_assert_true (g_utf8_validate (snippet, -1, NULL));
        g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 20);
        g_assert_null (strchr (snippet, '\n'));
      }
    }
  g_rand_free (rand);
}

static void
test_plain (void)
{
  assert_plain ("**Bold** and [link](https://a.org) & <b>x</b>", "Bold and link & x");
  assert_plain ("<p>One &amp; two</p><ul><li>a</li><li>b</li></ul>", "One & two\n\n• a\n• b");
  assert_plain ("<p>a<script>x</script>b</p>", "ab");
  assert_plain ("# Head\n\n1. x", "Head\n\n1. x");
}

static void
test_snippet (void)
{
  g_autofree char *a = plenary_rich_text_to_snippet ("<p>Short</p>\n<p>text</p>", 50);
  g_autofree char *b = plenary_rich_text_to_snippet ("The quick brown fox jumps over the lazy dog",
                                                     20);
  g_autofree char *c = plenary_rich_text_to_snippet ("Ünïcödé wörds everywhere", 10);
  g_autofree char *d = plenary_rich_text_to_snippet ("Supercalifragilisticexpialidocious", 10);
  g_autofree char *e = plenary_rich_text_to_snippet ("anything", 0);
  g_autofree char *f = plenary_rich_text_to_snippet (NULL, 10);

  g_assert_cmpstr (a, ==, "Short text");
  g_assert_cmpstr (b, ==, "The quick brown fox…");
  g_assert_cmpstr (c, ==, "Ünïcödé…");
  g_assert_cmpstr (d, ==, "Supercali…");
  g_assert_cmpstr (e, ==, "");
  g_assert_cmpstr (f, ==, "");
}

static void
test_title (void)
{
  g_autofree char *escaped = plenary_markup_escape_title ("<b>Q&A</b> \"x\"");

  g_assert_cmpstr (escaped, ==, "&lt;b&gt;Q&amp;A&lt;/b&gt; &quot;x&quot;");
  g_assert_true (plenary_rich_text_validate_markup (escaped, NULL));
}

static void
test_safe_uri (void)
{
  g_assert_true (plenary_rich_text_is_safe_uri ("https://lpc.events/event/11/"));
  g_assert_true (plenary_rich_text_is_safe_uri ("HTTP://Example.org"));
  g_assert_true (plenary_rich_text_is_safe_uri ("https://example.org/a%20b?x=é"));
  g_assert_false (plenary_rich_text_is_safe_uri (NULL));
  g_assert_false (plenary_rich_text_is_safe_uri ("https://"));
  g_assert_false (plenary_rich_text_is_safe_uri ("https:example.org"));
  g_assert_false (plenary_rich_text_is_safe_uri ("javascript:alert(1)"));
  g_assert_false (plenary_rich_text_is_safe_uri ("file:///etc/passwd"));
  g_assert_false (plenary_rich_text_is_safe_uri ("mailto:a@b.org"));
  g_assert_false (plenary_rich_text_is_safe_uri ("/relative"));
  g_assert_false (plenary_rich_text_is_safe_uri ("https://a.org/ b"));

  g_assert_false (plenary_rich_text_validate_markup ("<a href=\"file:///x\">x</a>", NULL));
  g_assert_false (plenary_rich_text_validate_markup ("<a href=\"https://a.org\" x=\"1\">x</a>",
                                                     NULL));
  g_assert_false (plenary_rich_text_validate_markup ("<b>x", NULL));
  g_assert_false (plenary_rich_text_validate_markup ("<script>x</script>", NULL));
  g_assert_true (plenary_rich_text_validate_markup ("<b>x</b> <a href=\"https://a.org\">y</a>",
                                                    NULL));
}

static guint n_descriptions;

static void
check_description (const char *description)
{
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *snippet = NULL;

  if (description == NULL)
    return;
  markup = markup_checked (description, PLENARY_RICH_TEXT_AUTO);
  plain = plenary_rich_text_to_plain (description, PLENARY_RICH_TEXT_AUTO);
  snippet = plenary_rich_text_to_snippet (description, 120);
  if (*g_strstrip (g_strdup (description)) != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (plain));

      g_assert_cmpstr (stripped, !=, "");
      g_assert_cmpstr (snippet, !=, "");
    }
  g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 120);
  n_descriptions++;
}

static void
walk_descriptions (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          if (strcmp (l->data, "description") == 0 && JSON_NODE_HOLDS_VALUE (child)
              && json_node_get_value_type (child) == G_TYPE_STRING)
            check_description (json_node_get_string (child));
          else
            walk_descriptions (child);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        walk_descriptions (json_array_get_element (array, i));
    }
}

static void
check_fixture (const char *relative,
               guint       min_descriptions)
{
  g_autofree char *path = plenary_test_shared_path (relative);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  n_descriptions = 0;
  walk_descriptions (json_parser_get_root (parser));
  g_test_message ("%s: %u descriptions", relative, n_descriptions);
  g_assert_cmpuint (n_descriptions, >=, min_descriptions);
}

static void
test_fixture_lpc2021 (void)
{
  check_fixture ("fixtures/lpc2021/export-event-11-contributions.json", 226);
}

static void
test_fixture_jacow (void)
{
  g_autofree char *path = plenary_test_shared_path (
    "indico-samples/jacow-fel2022-export-event-44-detail-sessions.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *markup = NULL;
  JsonObject *event;

  check_fixture ("indico-samples/jacow-fel2022-export-event-44-detail-sessions.json", 10);

  /* The event description is real CKEditor HTML with a link. */
  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  event = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "results"), 0);
  markup = markup_checked (json_object_get_string_member (event, "description"),
                           PLENARY_RICH_TEXT_AUTO);
  g_assert_true (g_str_has_prefix (markup, "<big><b><a href=\"https://www.fel2022.org\">"
                                           "FEL2022 Trieste, Italy, August 22-26</a></b></big>"
                                           "\n\nOn behalf of"));
  g_assert_null (strstr (markup, "target"));
  g_assert_null (strstr (markup, "class"));
}

static void
test_label (void)
{
  GtkWidget *label;
  gboolean handled = FALSE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  label = g_object_ref_sink (gtk_label_new (NULL));
  plenary_rich_text_label_set_description (GTK_LABEL (label),
                                           "**x** [a](https://a.org) <a href=\"file:///e\">f</a>");
  plenary_rich_text_label_set_description (GTK_LABEL (label), "again [a](https://a.org)");
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "again a");

  /* Unsafe links are refused (and not opened) even if markup smuggled one in. */
  g_signal_emit_by_name (label, "activate-link", "file:///etc/passwd", &handled);
  g_assert_true (handled);
  handled = FALSE;
  g_signal_emit_by_name (label, "activate-link", "javascript:alert(1)", &handled);
  g_assert_true (handled);

  plenary_rich_text_label_set_title (GTK_LABEL (label), "<b>Q&A</b>");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "<b>Q&A</b>");
  g_object_unref (label);
}

/* The one bidi check the parser, the client's error text and the store's titles share: the
 * embeddings, overrides and isolates, and none of their neighbours (the marks stay). */
static void
test_bidi_control (void)
{
  const gunichar controls[] = { 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
                                0x2066, 0x2067, 0x2068, 0x2069 };
  const gunichar kept[] = { 0, 'a', 0x05d0, 0x200e, 0x200f, 0x2029, 0x202f, 0x2065, 0x206a,
                            0xe2, 0x1202a, 0x10ffff };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    g_assert_true (plenary_text_is_bidi_control (controls[i]));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_assert_false (plenary_text_is_bidi_control (kept[i]));
}

int
main (int   argc,
      char *argv[])
{
  plenary_test_init (&argc, &argv);
  have_display = gtk_init_check ();
  /* GtkLabel reports markup it cannot parse as a warning. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/rich-text/detect", test_detect);
  g_test_add_func ("/rich-text/markdown/paragraphs", test_markdown_paragraphs);
  g_test_add_func ("/rich-text/markdown/lists", test_markdown_lists);
  g_test_add_func ("/rich-text/markdown/inline", test_markdown_inline);
  g_test_add_func ("/rich-text/markdown/links", test_markdown_links);
  g_test_add_func ("/rich-text/html", test_html);
  g_test_add_func ("/rich-text/dangerous", test_dangerous);
  g_test_add_func ("/rich-text/reference-links", test_reference_links);
  g_test_add_func ("/rich-text/garbage", test_garbage);
  g_test_add_func ("/rich-text/random", test_random);
  g_test_add_func ("/rich-text/plain", test_plain);
  g_test_add_func ("/rich-text/snippet", test_snippet);
  g_test_add_func ("/rich-text/title", test_title);
  g_test_add_func ("/rich-text/safe-uri", test_safe_uri);
  g_test_add_func ("/rich-text/fixture/lpc2021", test_fixture_lpc2021);
  g_test_add_func ("/rich-text/fixture/jacow-fel2022", test_fixture_jacow);
  g_test_add_func ("/rich-text/label", test_label);
  g_test_add_func ("/text/bidi-control", test_bidi_control);

  return g_test_run ();
}
