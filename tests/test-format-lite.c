/* test-format-lite.c — the fast measure reader reads what the full one reads
 *
 * shk-format-lite-measure.c reads usual measures straight from the
 * parser's light tree and leaves everything else to the full reader of
 * shk-format-reader-plan.c. Each plan here is loaded twice, with the fast
 * path and without it, and the two must agree exactly: the same refusal
 * with the same message, or the same plan written back byte for byte.
 * The plans are the built-in document and measures varied member by
 * member (nulls, numbers written as 3.0, wrong types, unknown keys, the
 * members the fast path leaves alone), one at a time and at random.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "shk-format.h"
#include "shk-format-lite.h"

/* A member of a measure or of its first indicator, and a value for it. */
typedef struct
{
  gboolean    in_indicator;
  const char *key;
  const char *value;  /* JSON text; NULL removes the member */
} Variation;

static const Variation variations[] = {
  { FALSE, "number", "3.0" }, { FALSE, "number", "\"3\"" }, { FALSE, "number", "null" },
  { FALSE, "number", "0" }, { FALSE, "number", "4294967296" }, { FALSE, "number", NULL },
  { FALSE, "policy", "null" }, { FALSE, "policy", "2.0" }, { FALSE, "policy", "0" },
  { FALSE, "index_in_policy", "null" }, { FALSE, "index_in_policy", "1.5" },
  { FALSE, "index_in_policy", "0" },
  { FALSE, "name", "null" }, { FALSE, "name", "\"\"" }, { FALSE, "name", "5" },
  { FALSE, "name", "[\"x\"]" }, { FALSE, "name", NULL },
  { FALSE, "bureau", "\"総務\"" }, { FALSE, "section", "null" },
  { FALSE, "year_added", "null" }, { FALSE, "year_added", "\"R3\"" },
  { FALSE, "year_added", "\"\"" },
  { FALSE, "counted_in_summary", "null" }, { FALSE, "counted_in_summary", "false" },
  { FALSE, "counted_in_summary", "\"yes\"" },
  { FALSE, "audience", "null" }, { FALSE, "audience", "{}" },
  { FALSE, "audience", "{\"citizens\": null, \"internal\": true}" },
  { FALSE, "audience", "{\"citizens\": true, \"x\": 1}" }, { FALSE, "audience", "[]" },
  { FALSE, "audience", "{\"internal\": 1}" },
  { FALSE, "indicators", "null" }, { FALSE, "indicators", "[]" },
  { FALSE, "indicators", "[null]" }, { FALSE, "indicators", "[{}]" },
  { FALSE, "indicators", "\"x\"" },
  { FALSE, "manual_grades", "null" }, { FALSE, "manual_grades", "{}" },
  { FALSE, "manual_grades", "{\"R2/R3\": {\"grade\": \"◎\"}}" },
  { FALSE, "manual_grades", "{\"R2/R3\": {\"grade\": null}}" },
  { FALSE, "manual_grades", "{\"R2/R3\": {\"grade\": \"\"}}" },
  { FALSE, "manual_grades", "{\"R2/R3\": {\"grade\": \"A\"}}" },
  { FALSE, "manual_grades", "{\"\": {\"grade\": \"◎\"}}" },
  { FALSE, "manual_grades", "{\"R2/R3\": {\"grade\": \"○\", \"reason\": null}}" },
  { FALSE, "manual_grades", "{\"R2/R3\": {\"grade\": \"○\", \"reason\": \"r\", \"x\": [1]}}" },
  { FALSE, "manual_grades", "{\"R2/R3\": {\"reason\": \"r\"}}" },
  { FALSE, "manual_grades", "{\"R2/R3\": \"◎\"}" },
  { FALSE, "published", "null" },
  { FALSE, "published", "{\"achievement_rate\": \"90%\", \"status\": \"済\", "
                        "\"grades\": {\"R2/R3\": \"◎\", \"R2/R2\": null, \"H30/R3\": \"\"}}" },
  { FALSE, "published", "{\"grades\": null, \"status\": null}" },
  { FALSE, "published", "{\"grades\": {\"R2/R3\": \"B\"}}" },
  { FALSE, "published", "{\"x\": 1}" },
  { FALSE, "notes", "null" }, { FALSE, "notes", "\"n\"" },
  { FALSE, "self_grades", "{\"R3\": {\"grade\": \"○\", \"reason\": \"r\"}}" },
  { FALSE, "self_grades", "null" },
  { FALSE, "provenance", "{\"actions\": {\"source\": \"typed\"}}" },
  { FALSE, "provenance", "null" },
  { FALSE, "source_data", "{\"a\": [1, null, 2.5]}" },
  { FALSE, "unknown", "null" },
  { TRUE, "label", "null" }, { TRUE, "label", "3" }, { TRUE, "label", NULL },
  { TRUE, "unit", "null" }, { TRUE, "unit", "\"\"" }, { TRUE, "unit", "\"件\"" },
  { TRUE, "note", "null" }, { TRUE, "note", "\"注\"" },
  { TRUE, "direction", "null" }, { TRUE, "direction", "\"lower\"" },
  { TRUE, "direction", "\"sideways\"" }, { TRUE, "direction", NULL },
  { TRUE, "target", "null" }, { TRUE, "target", "{}" }, { TRUE, "target", "{\"R2\": null}" },
  { TRUE, "target", "{\"R2\": 1e16}" }, { TRUE, "target", "{\"R2\": \"5\"}" },
  { TRUE, "target", "{\"\": 1}" }, { TRUE, "target", "{\"R9\": 3.5, \"R2\": -0.0}" },
  { TRUE, "target", "[1]" },
  { TRUE, "actual", "null" }, { TRUE, "actual", "{\"R2\": 12, \"R3\": 1e15}" },
  { TRUE, "actual", "{\"R3\": -1.000000000000001e15}" },
  { TRUE, "printed_rates", "{\"R2\": \"90.0%\"}" }, { TRUE, "printed_rates", "{\"R2\": null}" },
  { TRUE, "printed_rates", "{\"R2\": 5}" }, { TRUE, "printed_rates", "null" },
  { TRUE, "baseline", "null" }, { TRUE, "baseline", "{\"year\": \"R2\", \"value\": 3}" },
  { TRUE, "provenance", "{\"actual.R2\": {\"source\": \"reply\", \"section\": \"課\"}}" },
  { TRUE, "x", "1" },
};

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* The built-in document as a tree, and one of its measures. */
static JsonNode *
builtin_root (void)
{
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return parse (text);
}

static void
apply (JsonObject      *measure,
       const Variation *variation)
{
  JsonObject *target = measure;

  if (variation->in_indicator)
    {
      JsonArray *indicators = json_object_get_array_member (measure, "indicators");

      target = json_array_get_object_element (indicators, 0);
    }
  if (variation->value == NULL)
    json_object_remove_member (target, variation->key);
  else
    json_object_set_member (target, variation->key, parse (variation->value));
}

/* Loads @text with the fast path on or off: the plan written back, or the
 * refusal's message prefixed with "refused: ". */
static char *
load (const char *text,
      gboolean    lite)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;

  shk_lite_set_enabled (lite);
  plan = shk_format_load_data (text, -1, "plan.json", &error);
  shk_lite_set_enabled (TRUE);
  if (plan == NULL)
    return g_strconcat ("refused: ", error->message, NULL);
  return shk_format_to_data (plan, NULL);
}

static void
assert_paths_agree (JsonNode *root)
{
  g_autofree char *text = to_text (root);
  g_autofree char *fast = load (text, TRUE);
  g_autofree char *full = load (text, FALSE);

  g_assert_cmpstr (fast, ==, full);
}

static void
test_builtin (void)
{
  g_autoptr(JsonNode) root = builtin_root ();

  assert_paths_agree (root);
}

/* The built-in document's measures with its unknown members taken out:
 * the shape a synthetic or re-saved plan has, which the fast path reads. */
static JsonNode *
usual_root (void)
{
  JsonNode *root = builtin_root ();
  JsonArray *measures = json_object_get_array_member (json_node_get_object (root), "measures");

  for (guint i = 0; i < json_array_get_length (measures); i++)
    {
      JsonObject *measure = json_array_get_object_element (measures, i);
      JsonArray *indicators = json_object_get_array_member (measure, "indicators");

      json_object_remove_member (measure, "source_data");
      for (guint j = 0; j < json_array_get_length (indicators); j++)
        json_object_remove_member (json_array_get_object_element (indicators, j), "source_data");
    }
  return root;
}

static void
test_usual (void)
{
  g_autoptr(JsonNode) root = usual_root ();

  assert_paths_agree (root);
}

/* Each variation alone, on the first measure. */
static void
on_notified (GObject    *object,
             GParamSpec *pspec,
             guint      *count)
{
  (*count)++;
}

static void
on_changed (gpointer  object,
            guint    *count)
{
  (*count)++;
}

/* A measure read keeps its texts in the reader's text pool, which it
 * keeps alive: after the plan is gone its texts are still there, edits
 * replace them (the pooled ones are not freed, which ASan would see), and
 * the measure and its indicator notify again once the read is over. */
static void
test_texts_outlive_the_plan (void)
{
  g_autoptr(JsonNode) root = usual_root ();
  g_autofree char *text = to_text (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (text, -1, "plan.json", &error);
  g_autoptr(ShkMeasure) measure = NULL;
  g_autoptr(ShkIndicator) indicator = NULL;
  g_autofree char *name = NULL, *label = NULL;
  guint notified = 0, changed = 0;

  g_assert_no_error (error);
  measure = g_list_model_get_item (shk_plan_get_measures (plan), 0);
  indicator = g_object_ref (shk_measure_get_indicator (measure, 0));
  name = g_strdup (shk_measure_get_name (measure));
  label = g_strdup (shk_indicator_get_label (indicator));
  g_assert_cmpstr (name, !=, "");
  g_assert_cmpstr (label, !=, "");
  g_clear_object (&plan);

  g_assert_cmpstr (shk_measure_get_name (measure), ==, name);
  g_assert_cmpstr (shk_indicator_get_label (indicator), ==, label);

  g_signal_connect (measure, "notify::name", G_CALLBACK (on_notified), &notified);
  g_signal_connect (measure, "changed", G_CALLBACK (on_changed), &changed);
  shk_measure_set_name (measure, "電子申請の拡充");
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "電子申請の拡充");
  shk_measure_set_purpose (measure, "");
  g_assert_cmpstr (shk_measure_get_purpose (measure), ==, "");
  shk_indicator_set_label (indicator, "申請件数");
  g_assert_cmpstr (shk_indicator_get_label (indicator), ==, "申請件数");
  shk_indicator_set_note (indicator, "※速報値");
  g_assert_cmpstr (shk_indicator_get_note (indicator), ==, "※速報値");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_each_variation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (variations); i++)
    {
      g_autoptr(JsonNode) root = usual_root ();
      JsonArray *measures = json_object_get_array_member (json_node_get_object (root), "measures");

      g_test_message ("%s%s = %s", variations[i].in_indicator ? "indicators[0]." : "",
                      variations[i].key, variations[i].value ? variations[i].value : "(removed)");
      apply (json_array_get_object_element (measures, 0), &variations[i]);
      assert_paths_agree (root);
    }
}

/* Many variations at once on many measures, from a fixed seed (the test
 * framework's --seed), including refusals and duplicate numbers. */
static void
test_random_variations (void)
{
  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(JsonNode) root = usual_root ();
      JsonArray *measures = json_object_get_array_member (json_node_get_object (root), "measures");
      guint n = json_array_get_length (measures);

      for (guint i = 0; i < n; i++)
        {
          JsonObject *measure = json_array_get_object_element (measures, i);
          /* Most measures stay usual, so that the two paths mix. */
          guint changes = g_test_rand_int_range (0, 8) < 5 ? 0 : g_test_rand_int_range (1, 4);

          for (guint c = 0; c < changes; c++)
            {
              const Variation *variation =
                &variations[g_test_rand_int_range (0, G_N_ELEMENTS (variations))];

              /* A variation of an indicator needs one to vary. */
              if (variation->in_indicator
                  && (!json_object_has_member (measure, "indicators")
                      || json_node_get_node_type (json_object_get_member (measure, "indicators")) != JSON_NODE_ARRAY
                      || json_array_get_length (json_object_get_array_member (measure, "indicators")) == 0
                      || json_node_get_node_type (json_array_get_element (json_object_get_array_member (measure, "indicators"), 0)) != JSON_NODE_OBJECT))
                continue;
              apply (measure, variation);
            }
        }
      assert_paths_agree (root);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-lite/builtin", test_builtin);
  g_test_add_func ("/format-lite/usual", test_usual);
  g_test_add_func ("/format-lite/texts-outlive-the-plan", test_texts_outlive_the_plan);
  g_test_add_func ("/format-lite/each-variation", test_each_variation);
  g_test_add_func ("/format-lite/random-variations", test_random_variations);

  return g_test_run ();
}
