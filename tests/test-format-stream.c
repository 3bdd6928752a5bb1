/* test-format-stream.c — the one-pass loader (shk-format-stream.c)
 *
 * test-format.c holds the format's own rules; these are the cases the
 * streaming reader could get wrong where a tree could not: the measures
 * read before the parts they precede or follow in the file, their
 * problems put back in order, strict checks yajl does not make itself,
 * and valid text it must not refuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "shk-format.h"
#include "shk-json-check.h"

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* @object's members with @first_keys first (in that order), then the
 * others in their order, as text. */
static char *
reorder (JsonObject         *object,
         const char * const *first_keys)
{
  g_autoptr(JsonObject) reordered = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (guint i = 0; first_keys[i] != NULL; i++)
    if (json_object_has_member (object, first_keys[i]))
      json_object_set_member (reordered, first_keys[i],
                              json_node_copy (json_object_get_member (object, first_keys[i])));
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (reordered, l->data))
      json_object_set_member (reordered, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
  json_node_set_object (root, reordered);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
load_and_save (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (text, -1, "input.json", &error);

  g_assert_no_error (error);
  return shk_format_to_data (plan, NULL);
}

/* The measures first and the format last read the same plan as the
 * writer's order: nothing a measure needs comes from the other parts. */
static void
test_key_order (void)
{
  g_autofree char *fixture = read_fixture ("small-plan.json");
  g_autoptr(JsonObject) object = parse_object (fixture);
  static const char * const measures_first[] = { "measures", "x-page", NULL };
  g_autofree char *reordered = reorder (object, measures_first);
  g_autofree char *expected = load_and_save (fixture);
  g_autofree char *saved = NULL;

  g_assert_true (g_str_has_prefix (reordered, "{\"measures\":"));
  g_assert_true (g_str_has_suffix (reordered, "\"version\":2}")
                 || strstr (reordered, "\"format\"") > strstr (reordered, "\"measures\""));
  saved = load_and_save (reordered);
  g_assert_cmpstr (saved, ==, expected);
}

static void
assert_load_fails (const char *data,
                   gssize      length,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (data, length, "input.json", &error);

  g_assert_null (plan);
  g_assert_error (error, SHK_FORMAT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* The problems of the measures take their place between those of the
 * parts before and after them in the format, wherever they are in the
 * file. */
static void
test_problem_order (void)
{
  static const char * const orders[] = {
    "{\"format\": \"shinchoku-plan\", \"version\": 1, \"title\": 3, "
    "\"fiscal_years\": [{\"id\": \"R1\"}], \"measures\": [{\"number\": 0}], "
    "\"scenarios\": [7]}",
    "{\"scenarios\": [7], \"measures\": [{\"number\": 0}], \"title\": 3, "
    "\"fiscal_years\": [{\"id\": \"R1\"}], \"version\": 1, \"format\": \"shinchoku-plan\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    assert_load_fails (orders[i], -1, SHK_FORMAT_ERROR_INVALID,
                       "input.json: title: expected a string or null, found a number (3)\n"
                       "input.json: measures[0].number: 0 is out of range; expected an integer ≥ 1\n"
                       "input.json: scenarios[0]: expected an object, found a number (7)");
}

/* Not a plan, whatever its measures: the format's message alone. */
static void
test_not_a_plan (void)
{
  assert_load_fails ("{\"measures\": [{\"number\": 0}]}", -1, SHK_FORMAT_ERROR_NOT_A_PLAN,
                     "input.json: not a Shinchoku plan (there is no \"format\": \"shinchoku-plan\" at the top)");
  assert_load_fails ("[{\"format\": \"shinchoku-plan\", \"version\": 1}]", -1, SHK_FORMAT_ERROR_NOT_A_PLAN,
                     "input.json: not a Shinchoku plan (the top level is not a JSON object)");
  assert_load_fails ("{\"format\": \"shinchoku-plan\", \"version\": 1, "
                     "\"fiscal_years\": [{\"id\": \"R1\"}], \"measures\": {}}", -1,
                     SHK_FORMAT_ERROR_INVALID,
                     "input.json: measures: expected an array or null, found an object");
}

/* What yajl lets through and the stream must refuse itself, each with the
 * message of the strict check. */
static void
test_strict (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    /* yajl takes a vertical tab and a form feed as white space. */
    { "{\"a\":\v1}", "input.json:1:6: unexpected control character U+000B; expected a value" },
    { "[1,\f2]", "input.json:1:4: unexpected control character U+000C; expected a value" },
    { "{\"measures\": [{\"number\": 1, \"number\": 2}]}",
      "input.json:1:29: the key “number” appears twice in the same object" },
    { "{\"measures\": [], \"title\": \"\", \"measures\": []}",
      "input.json:1:31: the key “measures” appears twice in the same object" },
    { "{\"measures\": [{\"name\": \"\\ud800x\"}]}",
      "input.json:1:25: “\\uD800” is half of a surrogate pair without its other half; it is not a character" },
    { "{\"a\\uDBFF\\u0041\": 1}",
      "input.json:1:4: “\\uDBFF” is half of a surrogate pair without its other half; it is not a character" },
    { "{\"measures\": [{\"a\\u0000\": 1}]}",
      "input.json:1:18: “\\u0000” (a NUL character) is not allowed in a string" },
    { "{\"measures\": [[\"\\\\\\\"\\u0000\"]]}",
      "input.json:1:21: “\\u0000” (a NUL character) is not allowed in a string" },
    { "{\"measures\": [\"\xc0\x80\"]}", "input.json:1:16: the text is not valid UTF-8" },
    { "{\"measures\": [\"\xf4\x90\x80\x80\"]}", "input.json:1:16: the text is not valid UTF-8" },
    { "[\"\\ud800\"]", "input.json:1:3: “\\uD800” is half of a surrogate pair without its other half; it is not a character" },
    { "{\"measures\": [-9223372036854775809]}", "input.json:1:15: number too large (-9223372036854775809)" },
    { "{\"measures\": [{\"x\": 1e309}]}", "input.json:1:21: number too large (1e309)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_load_fails (cases[i].json, -1, SHK_FORMAT_ERROR_SYNTAX, cases[i].message);
}

/* yajl ends quietly in an unclosed token after the value. */
static void
test_trailing (void)
{
  static const char more[] = "more text after the end of the JSON value; a plan file holds exactly one object";
  g_autofree char *one = g_strconcat ("input.json:1:4: ", more, NULL);
  g_autofree char *two = g_strconcat ("input.json:2:2: ", more, NULL);

  assert_load_fails ("[0]\"", -1, SHK_FORMAT_ERROR_SYNTAX, one);
  assert_load_fails ("{}\n \"abc", -1, SHK_FORMAT_ERROR_SYNTAX, two);
  assert_load_fails ("{} tru", -1, SHK_FORMAT_ERROR_SYNTAX, one);
}

/* Files are parsed in chunks of 256 KiB as they are read: the same plan,
 * or the same message, as from the same text in memory, also where a
 * string spans chunks or is longer than one. */
static GString *
big_plan (guint measures)
{
  GString *text = g_string_new ("{\"format\": \"shinchoku-plan\", \"version\": 1, "
                                "\"fiscal_years\": [{\"id\": \"R1\"}], \"measures\": [");

  for (guint i = 0; i < measures; i++)
    {
      g_string_append_printf (text, "%s\n{\"number\": %u, \"name\": \"施策 \\\"%u\\\"\", \"notes\": \"",
                              i > 0 ? "," : "", i + 1, i);
      for (guint j = 0; j < 40; j++)
        g_string_append (text, "計画の進捗\\n\\u00e9\\uD83D\\uDE00 ");
      g_string_append (text, "\"}");
    }
  g_string_append (text, "]}\n");
  return text;
}

static void
assert_file_matches_data (GString *text)
{
  g_autofree char *dir = g_dir_make_tmp ("test-format-stream-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) file_error = NULL;
  g_autoptr(GError) data_error = NULL;
  g_autoptr(ShkPlan) from_file = NULL;
  g_autoptr(ShkPlan) from_data = NULL;

  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  from_file = shk_format_load_file (file, NULL, &file_error);
  from_data = shk_format_load_data (text->str, (gssize) text->len, "plan.json", &data_error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  if (from_data != NULL)
    {
      g_autofree char *saved_file = NULL;
      g_autofree char *saved_data = shk_format_to_data (from_data, NULL);

      g_assert_no_error (file_error);
      saved_file = shk_format_to_data (from_file, NULL);
      g_assert_cmpstr (saved_file, ==, saved_data);
      return;
    }
  g_assert_null (from_file);
  g_assert_nonnull (file_error);
  g_assert_cmpuint (file_error->domain, ==, data_error->domain);
  g_assert_cmpint (file_error->code, ==, data_error->code);
  g_assert_cmpstr (file_error->message, ==, data_error->message);
}

static void
test_chunks (void)
{
  GString *text = big_plan (600);
  gsize last;

  g_assert_cmpuint (text->len, >, 3 * 256 * 1024);
  assert_file_matches_data (text);

  /* A lone surrogate near the end, an unclosed string after the value, a
   * vertical tab in a later chunk. */
  last = text->len - 100;
  g_string_insert (text, last, "\\ud800");
  assert_file_matches_data (text);
  g_string_erase (text, last, 6);
  g_string_append (text, "\"");
  assert_file_matches_data (text);
  g_string_truncate (text, text->len - 1);
  g_string_insert_c (text, text->len - 3, '\v');
  assert_file_matches_data (text);
  g_string_free (text, TRUE);

  /* One string longer than a chunk: valid, then with a lone surrogate at
   * its start, beyond what stays in memory when its end is read. */
  text = g_string_new ("{\"format\": \"shinchoku-plan\", \"version\": 1, "
                       "\"fiscal_years\": [{\"id\": \"R1\"}], \"title\": \"\\\"");
  while (text->len < 700 * 1024)
    g_string_append (text, "\\\\ab\\\"");
  g_string_append (text, "\"}");
  assert_file_matches_data (text);
  g_string_insert (text, strlen ("{\"format\": \"shinchoku-plan\", \"version\": 1, "
                                 "\"fiscal_years\": [{\"id\": \"R1\"}], \"title\": \""), "\\udc00");
  assert_file_matches_data (text);
  g_string_free (text, TRUE);
}

/* Nesting inside a measure counts like nesting anywhere else. */
static void
test_depth (void)
{
  GString *text = g_string_new ("{\"measures\": [");

  for (guint i = 0; i < 126; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 126; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "]}");
  /* 128 levels: read, and refused as no plan. */
  assert_load_fails (text->str, -1, SHK_FORMAT_ERROR_NOT_A_PLAN,
                     "input.json: not a Shinchoku plan (there is no \"format\": \"shinchoku-plan\" at the top)");

  g_string_insert_c (text, strlen ("{\"measures\": ["), '[');
  g_string_insert_c (text, text->len - 2, ']');
  assert_load_fails (text->str, -1, SHK_FORMAT_ERROR_SYNTAX,
                     "input.json:1:141: values are nested more than 128 levels deep");
  g_string_free (text, TRUE);
}

/* Valid JSON, however unusual, reaches the format's checks: escapes and
 * surrogate pairs decoded, numbers of every form, empty keys. */
static void
test_valid (void)
{
  static const char *text =
    "{\"format\": \"shinchoku-plan\", \"version\": 1, "
    "\"fiscal_years\": [{\"id\": \"R1\"}], "
    "\"measures\": [{\"number\": 1, \"name\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00 計画 😀\\\\\", "
    "\"x-numbers\": [0, -0, 1e-400, 1E+2, -4.5e-3, 9223372036854775807, -9223372036854775808, "
    "0.00000000000000000000000000000000000000000000000000000000000000000000000000000001], "
    "\"x-\\\"quoted\\\"\": {\"\": null, \"t\": true, \"f\": false}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (text, -1, "input.json", &error);
  g_autofree char *saved = NULL;
  ShkMeasure *measure;

  g_assert_no_error (error);
  g_assert_true (shk_json_check (text, strlen (text), 128, NULL, NULL));
  measure = g_list_model_get_item (shk_plan_get_measures (plan), 0);
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "\"\\/\b\f\n\r\té😀 計画 😀\\");
  g_object_unref (measure);
  saved = shk_format_to_data (plan, NULL);
  g_assert_nonnull (strstr (saved, "9223372036854775807"));
  g_assert_nonnull (strstr (saved, "-9223372036854775808"));
  g_assert_nonnull (strstr (saved, "\"x-\\\"quoted\\\"\""));
}

/* Valid JSON that is no plan is refused as no plan, never as bad JSON:
 * strings with escapes at the very start of the text, after a byte order
 * mark, at the top level. */
static void
test_valid_not_plans (void)
{
  static const char * const texts[] = {
    "\")\\fu\"", "\"\\\\\"", "\xEF\xBB\xBF\"\\n\"", "[\"\\\"\", {\"\\u00e9\": \"\\/\"}]",
    "{\"\\\\\": [\"\\uD83D\\uDE00\"]}", "-0", "1e-400", " [] ", "null",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShkPlan) plan = shk_format_load_data (texts[i], -1, "input.json", &error);

      g_assert_true (shk_json_check (texts[i], strlen (texts[i]), 128, NULL, NULL));
      g_assert_null (plan);
      if (!g_error_matches (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_NOT_A_PLAN))
        g_error ("%s: %s", texts[i], error->message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-stream/key-order", test_key_order);
  g_test_add_func ("/format-stream/problem-order", test_problem_order);
  g_test_add_func ("/format-stream/not-a-plan", test_not_a_plan);
  g_test_add_func ("/format-stream/strict", test_strict);
  g_test_add_func ("/format-stream/trailing", test_trailing);
  g_test_add_func ("/format-stream/chunks", test_chunks);
  g_test_add_func ("/format-stream/depth", test_depth);
  g_test_add_func ("/format-stream/valid", test_valid);
  g_test_add_func ("/format-stream/valid-not-plans", test_valid_not_plans);
  return g_test_run ();
}
