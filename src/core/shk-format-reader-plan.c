/* shk-format-reader-plan.c — the parts of a plan read from its JSON tree
 *
 * Fiscal years, evaluations, thresholds, policies, measures with their
 * indicators and grades, and the survey: each checked for the rules of
 * docs/file-format.md and built into the model. The scenarios are read in
 * shk-format-reader-scenario.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "shk-format.h"
#include "shk-format-reader-private.h"
#include "shk-model-private.h"

/* Fiscal years ------------------------------------------------------ */


void
shk_reader_uniques_init (Uniques *u)
{
  u->seen = g_hash_table_new (g_str_hash, g_str_equal);
  u->texts = g_string_chunk_new (16 * 1024);
}

void
shk_reader_uniques_clear (Uniques *u)
{
  g_clear_pointer (&u->seen, g_hash_table_unref);
  g_clear_pointer (&u->texts, g_string_chunk_free);
}

gboolean
shk_reader_uniques_add (Uniques     *u,
                        Reader      *r,
                        const char  *key,
                        const char **first_path)
{
  *first_path = g_hash_table_lookup (u->seen, key);
  if (*first_path != NULL)
    return FALSE;
  g_hash_table_insert (u->seen, g_string_chunk_insert (u->texts, key),
                       g_string_chunk_insert (u->texts, r->path->str));
  return TRUE;
}

static const char * const fiscal_year_keys[] = { "id", "label", NULL };

static void
read_fiscal_year (Reader   *r,
                  JsonNode *element,
                  guint     index,
                  gpointer  user_data)
{
  Uniques *ids = user_data;
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkFiscalYear) year = NULL;
  const char *id = NULL, *label = NULL, *first = NULL;

  if (object == NULL)
    return;

  shk_reader_read_string (r, object, "label", OPTIONAL, &label);
  if (!shk_reader_read_id (r, object, "id", REQUIRED, &id))
    return;
  if (!shk_reader_uniques_add (ids, r, id, &first))
    {
      /* TRANSLATORS: "fiscal_years[2].id: duplicate fiscal year "R1" (also fiscal_years[1])" */
      shk_reader_problem (r, _("%s.id: duplicate fiscal year \"%s\" (also %s)"),
               r->path->str, id, first);
      return;
    }

  year = shk_fiscal_year_new (id, label);
  shk_reader_keep_unknown (r, year, EXTRA_KEY, object, fiscal_year_keys);
  g_hash_table_add (r->fiscal_years, g_strdup (id));
  shk_plan_append_fiscal_year (r->plan, year);
}

void
shk_reader_read_fiscal_years (Reader     *r,
                   JsonObject *root)
{
  guint n_problems = r->n_problems;
  Uniques ids;
  JsonArray *array;

  shk_reader_uniques_init (&ids);
  array = shk_reader_read_array (r, root, "fiscal_years", REQUIRED, read_fiscal_year, &ids);
  shk_reader_uniques_clear (&ids);

  if (array != NULL && json_array_get_length (array) == 0)
    shk_reader_problem (r, _("%s: expected at least one fiscal year"), "fiscal_years");
  r->years_known = r->n_problems == n_problems;
}

/* Reads the member @key naming one of the plan's fiscal years. */
const char *
shk_reader_read_plan_year (Reader     *r,
                JsonObject *object,
                const char *key,
                Need        need)
{
  const char *id = NULL;
  gsize mark = shk_reader_path_push_key (r, key);

  if (shk_reader_node_string (r, json_object_get_member (object, key), need, &id)
      && r->years_known && !g_hash_table_contains (r->fiscal_years, id))
    {
      /* TRANSLATORS: "evaluations[0].target_year: "R4" is not one of the plan's fiscal years (fiscal_years)" */
      shk_reader_problem (r, _("%s: \"%s\" is not one of the plan's fiscal years (fiscal_years)"),
               r->path->str, id);
      id = NULL;
    }
  shk_reader_path_pop (r, mark);
  return id;
}

/* Evaluations ------------------------------------------------------- */

static const char * const evaluation_keys[] = {
  "id", "label", "actual_year", "target_year", NULL
};

void
shk_reader_read_evaluation (Reader   *r,
                 JsonNode *element,
                 guint     index,
                 gpointer  user_data)
{
  Uniques *ids = user_data;
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkEvaluation) evaluation = NULL;
  g_autofree char *expected_id = NULL;
  const char *id = NULL, *label = NULL, *actual, *target, *first = NULL;

  if (object == NULL)
    return;

  shk_reader_read_string (r, object, "label", OPTIONAL, &label);
  shk_reader_read_string (r, object, "id", OPTIONAL, &id);
  actual = shk_reader_read_plan_year (r, object, "actual_year", REQUIRED);
  target = shk_reader_read_plan_year (r, object, "target_year", REQUIRED);
  if (actual == NULL || target == NULL)
    return;

  expected_id = g_strconcat (actual, "/", target, NULL);
  if (id != NULL && !g_str_equal (id, expected_id))
    {
      /* TRANSLATORS: "evaluations[1].id: "R2/R2" does not match actual_year/target_year ("R2/R3")" */
      shk_reader_problem (r, _("%s.id: \"%s\" does not match actual_year/target_year (\"%s\")"),
               r->path->str, id, expected_id);
      return;
    }
  if (!shk_reader_uniques_add (ids, r, expected_id, &first))
    {
      shk_reader_problem (r, _("%s: duplicate evaluation \"%s\" (also %s)"),
               r->path->str, expected_id, first);
      return;
    }

  evaluation = shk_evaluation_new (actual, target);
  shk_evaluation_set_label (evaluation, label);
  shk_reader_keep_unknown (r, evaluation, EXTRA_KEY, object, evaluation_keys);
  shk_plan_append_evaluation (r->plan, evaluation);
}

/* Thresholds -------------------------------------------------------- */

static const char * const threshold_keys[] = { "achieved", "mostly", NULL };

void
shk_reader_read_thresholds (Reader     *r,
                 JsonObject *root)
{
  gsize mark = shk_reader_path_push_key (r, "grade_thresholds");
  JsonObject *object = shk_reader_node_object (r, json_object_get_member (root, "grade_thresholds"),
                                    OPTIONAL);
  double achieved = SHK_DEFAULT_ACHIEVED_THRESHOLD;
  double mostly = SHK_DEFAULT_MOSTLY_THRESHOLD;

  if (object != NULL)
    {
      shk_reader_read_number (r, object, "achieved", OPTIONAL, NUMBER_NON_NEGATIVE, &achieved);
      shk_reader_read_number (r, object, "mostly", OPTIONAL, NUMBER_NON_NEGATIVE, &mostly);
      shk_reader_keep_unknown (r, r->plan, EXTRA_GRADE_THRESHOLDS, object, threshold_keys);
    }

  if (mostly > achieved)
    {
      g_autofree char *m = shk_format_number_text (mostly);
      g_autofree char *a = shk_format_number_text (achieved);

      /* TRANSLATORS: the ○ threshold must not exceed the ◎ one */
      shk_reader_problem (r, _("%s.mostly: %s is above the achieved threshold (%s)"),
               r->path->str, m, a);
    }
  else
    shk_plan_set_thresholds (r->plan, achieved, mostly);
  shk_reader_path_pop (r, mark);
}

/* Policies ---------------------------------------------------------- */

static const char * const policy_keys[] = { "number", "name", NULL };

void
shk_reader_read_policy (Reader   *r,
             JsonNode *element,
             guint     index,
             gpointer  user_data)
{
  Uniques *numbers = user_data;
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkPolicy) policy = NULL;
  g_autofree char *key = NULL;
  const char *first = NULL;
  guint number = 0;

  if (object == NULL)
    return;

  if (!shk_reader_read_uint (r, object, "number", REQUIRED, INTEGER_POSITIVE, &number))
    return;

  key = g_strdup_printf ("%u", number);
  if (!shk_reader_uniques_add (numbers, r, key, &first))
    {
      shk_reader_problem (r, _("%s.number: duplicate policy number %u (also %s)"),
               r->path->str, number, first);
      return;
    }

  policy = shk_policy_new (number, shk_reader_read_text (r, object, "name", OPTIONAL));
  shk_reader_keep_unknown (r, policy, EXTRA_KEY, object, policy_keys);
  shk_plan_append_policy (r->plan, policy);
}

/* Indicators -------------------------------------------------------- */

static const char * const indicator_keys[] = {
  "label", "unit", "note", "direction", "target", "actual", "printed_rates", "baseline",
  "provenance", NULL
};

/* Where a value came from (format version 2): { "source": "reply",
 * "section": "…", "file": "…", "date": "YYYY-MM-DD" }. */
static ShkProvenance *
read_provenance_node (Reader   *r,
                      JsonNode *member)
{
  JsonObject *object = shk_reader_node_object (r, member, OPTIONAL);
  const char *source = NULL, *section = NULL, *file = NULL, *date = NULL;
  ShkProvenanceSource kind;

  if (object == NULL)
    return NULL;
  if (!shk_reader_read_string (r, object, "source", REQUIRED, &source))
    return NULL;
  if (!shk_provenance_source_from_key (source, &kind))
    {
      shk_reader_problem (r, _("%s.source: unknown source \"%s\"; expected \"typed\", "
                               "\"pasted\", \"imported\" or \"reply\""), r->path->str, source);
      return NULL;
    }
  shk_reader_read_string (r, object, "section", OPTIONAL, &section);
  shk_reader_read_string (r, object, "file", OPTIONAL, &file);
  shk_reader_read_string (r, object, "date", OPTIONAL, &date);
  return shk_provenance_new (kind, section, file, date != NULL ? date : "");
}

static void
read_indicator_provenance (Reader     *r,
                           const char *key,
                           JsonNode   *member,
                           gpointer    user_data)
{
  g_autoptr(ShkProvenance) provenance = read_provenance_node (r, member);

  if (provenance != NULL)
    shk_indicator_set_provenance (user_data, key, provenance);
}

static void
read_measure_provenance (Reader     *r,
                         const char *key,
                         JsonNode   *member,
                         gpointer    user_data)
{
  g_autoptr(ShkProvenance) provenance = read_provenance_node (r, member);

  if (provenance != NULL)
    shk_measure_set_provenance (user_data, key, provenance);
}

static void
read_process_provenance (Reader     *r,
                         const char *key,
                         JsonNode   *member,
                         gpointer    user_data)
{
  g_autoptr(ShkProvenance) provenance = read_provenance_node (r, member);

  if (provenance != NULL)
    shk_process_set_provenance (user_data, key, provenance);
}

static void
read_target (Reader     *r,
             const char *year,
             JsonNode   *member,
             gpointer    user_data)
{
  double value;

  if (shk_reader_node_number (r, member, OPTIONAL, NUMBER_ANY, &value))
    shk_indicator_set_target (user_data, year, value);
}

static void
read_actual (Reader     *r,
             const char *year,
             JsonNode   *member,
             gpointer    user_data)
{
  double value;

  if (shk_reader_node_number (r, member, OPTIONAL, NUMBER_ANY, &value))
    shk_indicator_set_actual (user_data, year, value);
}

static void
read_printed_rate (Reader     *r,
                   const char *year,
                   JsonNode   *member,
                   gpointer    user_data)
{
  const char *text;

  if (shk_reader_node_string (r, member, OPTIONAL, &text))
    shk_indicator_set_printed_rate (user_data, year, text);
}

/* "baseline": {"year": "R2", "value": 3742282}, or null. */
static void
read_baseline (Reader       *r,
               JsonObject   *object,
               ShkIndicator *indicator)
{
  JsonNode *node = json_object_get_member (object, "baseline");
  JsonObject *baseline;
  const char *year = NULL;
  double value = 0;
  gsize mark;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  mark = shk_reader_path_push_key (r, "baseline");
  baseline = shk_reader_element_object (r, node);
  if (baseline != NULL &&
      shk_reader_read_string (r, baseline, "year", REQUIRED, &year) &&
      shk_reader_read_number (r, baseline, "value", REQUIRED, NUMBER_ANY, &value))
    {
      if (year[0] == '\0')
        shk_reader_problem (r, _("%s.year: the baseline's fiscal year is empty"), r->path->str);
      else
        shk_indicator_set_baseline (indicator, year, value);
    }
  shk_reader_path_pop (r, mark);
}

static void
read_indicator (Reader   *r,
                JsonNode *element,
                guint     index,
                gpointer  user_data)
{
  ShkMeasure *measure = user_data;
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkIndicator) indicator = NULL;
  const char *direction = NULL, *note = NULL;
  guint n_problems = r->n_problems;

  if (object == NULL)
    return;

  indicator = shk_indicator_new ();
  shk_indicator_begin_read (indicator, r->texts);
  shk_indicator_set_label (indicator, shk_reader_read_text (r, object, "label", OPTIONAL));
  shk_indicator_set_unit (indicator, shk_reader_read_text (r, object, "unit", OPTIONAL));
  shk_reader_read_string (r, object, "note", OPTIONAL, &note);
  shk_indicator_set_note (indicator, note);

  if (shk_reader_read_string (r, object, "direction", OPTIONAL, &direction))
    {
      if (g_str_equal (direction, "higher"))
        shk_indicator_set_direction (indicator, SHK_DIRECTION_HIGHER_IS_BETTER);
      else if (g_str_equal (direction, "lower"))
        shk_indicator_set_direction (indicator, SHK_DIRECTION_LOWER_IS_BETTER);
      else
        shk_reader_problem (r, _("%s.direction: unknown direction \"%s\"; expected \"higher\" or \"lower\""),
                 r->path->str, direction);
    }
  else
    shk_indicator_set_direction (indicator, SHK_DIRECTION_HIGHER_IS_BETTER);

  shk_reader_read_map (r, object, "target", read_target, indicator);
  shk_reader_read_map (r, object, "actual", read_actual, indicator);
  shk_reader_read_map (r, object, "printed_rates", read_printed_rate, indicator);
  read_baseline (r, object, indicator);
  shk_reader_read_map (r, object, "provenance", read_indicator_provenance, indicator);

  shk_reader_keep_unknown (r, indicator, EXTRA_KEY, object, indicator_keys);
  /* Objects with a problem stay out of the model (which may refuse their
   * values); the plan is discarded anyway. */
  if (r->n_problems == n_problems)
    shk_measure_append_indicator (measure, indicator);
}

/* Grades ------------------------------------------------------------ */

/* A grade symbol or null (SHK_GRADE_NONE) at the current path. */
static gboolean
node_grade (Reader   *r,
            JsonNode *node,
            ShkGrade *grade)
{
  const char *symbol = NULL;

  *grade = SHK_GRADE_NONE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!shk_reader_node_is_string (node))
    {
      shk_reader_wrong_type (r, node, _("a grade symbol (◎ ○ △ －)"), OPTIONAL);
      return FALSE;
    }
  symbol = json_node_get_string (node);
  if (symbol[0] == '\0' || shk_format_grade_from_symbol (symbol, grade))
    return TRUE;

  /* TRANSLATORS: "measures[4].published.grades.R2/R3: unknown grade "A"; expected one of ◎ ○ △ － or null" */
  shk_reader_problem (r, _("%s: unknown grade \"%s\"; expected one of ◎ ○ △ － or null"),
           r->path->str, symbol);
  return FALSE;
}

static const char * const manual_grade_keys[] = { "grade", "reason", NULL };

/* A section's self-assessment of a year, from its reply to a request
 * workbook: { "grade": "○", "reason": "…" }. */
static void
read_self_grade (Reader     *r,
                 const char *year_id,
                 JsonNode   *member,
                 gpointer    user_data)
{
  ShkMeasure *measure = user_data;
  JsonObject *object = shk_reader_node_object (r, member, OPTIONAL);
  const char *reason = NULL;
  guint n_problems = r->n_problems;
  ShkGrade grade = SHK_GRADE_NONE;
  gsize mark;

  if (object == NULL)
    return;
  mark = shk_reader_path_push_key (r, "grade");
  node_grade (r, json_object_get_member (object, "grade"), &grade);
  shk_reader_path_pop (r, mark);
  shk_reader_read_string (r, object, "reason", OPTIONAL, &reason);
  if (r->n_problems == n_problems && grade != SHK_GRADE_NONE)
    shk_measure_set_self_grade (measure, year_id, grade, reason);
}

static void
read_manual_grade (Reader     *r,
                   const char *evaluation_id,
                   JsonNode   *member,
                   gpointer    user_data)
{
  ShkMeasure *measure = user_data;
  JsonObject *object = shk_reader_node_object (r, member, OPTIONAL);
  JsonObject *all_unknown, *unknown;
  const char *reason = NULL;
  guint n_problems = r->n_problems;
  ShkGrade grade;
  gsize mark;

  if (object == NULL)
    return;

  mark = shk_reader_path_push_key (r, "grade");
  node_grade (r, json_object_get_member (object, "grade"), &grade);
  shk_reader_path_pop (r, mark);
  shk_reader_read_string (r, object, "reason", OPTIONAL, &reason);
  if (r->n_problems != n_problems)
    return;

  shk_measure_set_manual_grade (measure, evaluation_id, grade, reason);

  unknown = shk_reader_collect_unknown (r, object, manual_grade_keys);
  if (unknown == NULL)
    return;
  all_unknown = g_object_get_data (G_OBJECT (measure), EXTRA_MANUAL_GRADES);
  if (all_unknown == NULL)
    {
      all_unknown = json_object_new ();
      g_object_set_data_full (G_OBJECT (measure), EXTRA_MANUAL_GRADES, all_unknown,
                              (GDestroyNotify) json_object_unref);
    }
  json_object_set_object_member (all_unknown, evaluation_id, unknown);
}

static void
read_published_grade (Reader     *r,
                      const char *evaluation_id,
                      JsonNode   *member,
                      gpointer    user_data)
{
  ShkGrade grade;

  if (node_grade (r, member, &grade) && grade != SHK_GRADE_NONE)
    shk_measure_set_published_grade (user_data, evaluation_id, grade);
}

static const char * const published_keys[] = {
  "achievement_rate", "status", "grades", NULL
};

static void
read_published (Reader     *r,
                JsonObject *measure_object,
                ShkMeasure *measure)
{
  gsize mark = shk_reader_path_push_key (r, "published");
  JsonObject *object = shk_reader_node_object (r, json_object_get_member (measure_object, "published"),
                                    OPTIONAL);
  const char *rate = NULL, *status = NULL;

  if (object != NULL)
    {
      shk_reader_read_string (r, object, "achievement_rate", OPTIONAL, &rate);
      shk_reader_read_string (r, object, "status", OPTIONAL, &status);
      shk_reader_read_map (r, object, "grades", read_published_grade, measure);
      shk_reader_keep_unknown (r, measure, EXTRA_PUBLISHED, object, published_keys);
    }
  shk_measure_set_published_rate (measure, rate);
  shk_measure_set_published_status (measure, status);
  shk_reader_path_pop (r, mark);
}

/* Measures ---------------------------------------------------------- */

static const char * const audience_keys[] = { "citizens", "internal", NULL };

static void
read_audience (Reader     *r,
               JsonObject *measure_object,
               ShkMeasure *measure)
{
  gsize mark = shk_reader_path_push_key (r, "audience");
  JsonObject *object = shk_reader_node_object (r, json_object_get_member (measure_object, "audience"),
                                    OPTIONAL);
  gboolean citizens = FALSE, internal = FALSE;

  if (object != NULL)
    {
      shk_reader_read_boolean (r, object, "citizens", OPTIONAL, &citizens);
      shk_reader_read_boolean (r, object, "internal", OPTIONAL, &internal);
      shk_reader_keep_unknown (r, measure, EXTRA_AUDIENCE, object, audience_keys);
    }
  shk_measure_set_for_citizens (measure, citizens);
  shk_measure_set_for_internal (measure, internal);
  shk_reader_path_pop (r, mark);
}

static const char * const measure_keys[] = {
  "number", "policy", "index_in_policy", "name", "purpose", "audience",
  "bureau", "section", "actions", "next_year_plan", "expected_effect",
  "year_added", "counted_in_summary", "indicators", "manual_grades",
  "published", "notes", "self_grades", "provenance", NULL
};

void
shk_reader_read_measure (Reader   *r,
              JsonNode *element,
              guint     index,
              gpointer  user_data)
{
  Uniques *numbers = user_data;
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkMeasure) measure = NULL;
  g_autofree char *key = NULL;
  const char *first = NULL, *year_added = NULL, *notes = NULL;
  guint number = 0, policy = 0, index_in_policy = 0;
  guint n_problems = r->n_problems;
  gboolean counted = TRUE;

  if (object == NULL)
    return;

  if (shk_reader_read_uint (r, object, "number", REQUIRED, INTEGER_POSITIVE, &number))
    {
      key = g_strdup_printf ("%u", number);
      if (!shk_reader_uniques_add (numbers, r, key, &first))
        /* TRANSLATORS: "measures[5].number: duplicate measure number 3 (also measures[2])" */
        shk_reader_problem (r, _("%s.number: duplicate measure number %u (also %s)"),
                 r->path->str, number, first);
    }

  /* Number 1 stands in for a missing one: the measure is not kept then. */
  measure = shk_measure_new (number > 0 ? number : 1);
  shk_measure_begin_read (measure, r->texts);
  if (shk_reader_read_uint (r, object, "policy", OPTIONAL, INTEGER_POSITIVE, &policy))
    shk_measure_set_policy_number (measure, policy);
  shk_reader_read_uint (r, object, "index_in_policy", OPTIONAL, INTEGER_NON_NEGATIVE, &index_in_policy);
  shk_measure_set_index_in_policy (measure, index_in_policy);

  shk_measure_set_name (measure, shk_reader_read_text (r, object, "name", OPTIONAL));
  shk_measure_set_purpose (measure, shk_reader_read_text (r, object, "purpose", OPTIONAL));
  read_audience (r, object, measure);
  shk_measure_set_bureau (measure, shk_reader_read_text (r, object, "bureau", OPTIONAL));
  shk_measure_set_section (measure, shk_reader_read_text (r, object, "section", OPTIONAL));
  shk_measure_set_actions (measure, shk_reader_read_text (r, object, "actions", OPTIONAL));
  shk_measure_set_next_year_plan (measure, shk_reader_read_text (r, object, "next_year_plan", OPTIONAL));
  shk_measure_set_expected_effect (measure, shk_reader_read_text (r, object, "expected_effect", OPTIONAL));
  shk_reader_read_string (r, object, "year_added", OPTIONAL, &year_added);
  shk_measure_set_year_added (measure, year_added);
  shk_reader_read_boolean (r, object, "counted_in_summary", OPTIONAL, &counted);
  shk_measure_set_counted (measure, counted);

  shk_reader_read_array (r, object, "indicators", OPTIONAL, read_indicator, measure);
  shk_reader_read_map (r, object, "manual_grades", read_manual_grade, measure);
  shk_reader_read_map (r, object, "self_grades", read_self_grade, measure);
  shk_reader_read_map (r, object, "provenance", read_measure_provenance, measure);
  read_published (r, object, measure);

  shk_reader_read_string (r, object, "notes", OPTIONAL, &notes);
  shk_measure_set_notes (measure, notes);

  shk_reader_keep_unknown (r, measure, EXTRA_KEY, object, measure_keys);
  shk_measure_end_read (measure);
  if (r->n_problems == n_problems)
    shk_plan_append_measure (r->plan, measure);
}

/* Survey ------------------------------------------------------------ */

static const char * const process_keys[] = {
  "id", "hours", "process", "business", "section", "unit", "priority",
  "category", "printed_category", "solution", "expected_reduction_hours",
  "qualitative_effect", "policy", "efficiency_measure", "notes",
  "demo_experiment", "deep_dive", "ai_applicable", "reply_note", "provenance", NULL
};

static void
read_priority (Reader     *r,
               JsonObject *object,
               ShkProcess *process)
{
  const char *key = NULL;
  ShkPriority priority;

  shk_process_set_priority (process, SHK_PRIORITY_UNSET);
  if (!shk_reader_read_string (r, object, "priority", OPTIONAL, &key) || key[0] == '\0')
    return;

  if (shk_format_priority_from_key (key, &priority))
    {
      shk_process_set_priority (process, priority);
      return;
    }

  shk_reader_problem (r, _("%s.priority: unknown priority \"%s\"; expected one of high, medium, low, excluded, already_efficient or null"),
           r->path->str, key);
}

static void
read_process (Reader   *r,
              JsonNode *element,
              guint     index,
              gpointer  user_data)
{
  Uniques *ids = user_data;
  ShkSurvey *survey = shk_plan_get_survey (r->plan);
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkProcess) process = NULL;
  const char *id = NULL, *first = NULL;
  double hours = 0, reduction = 0;
  gboolean demo = FALSE, deep_dive = FALSE;
  guint n_problems = r->n_problems;

  if (object == NULL)
    return;

  if (shk_reader_read_id (r, object, "id", REQUIRED, &id) && !shk_reader_uniques_add (ids, r, id, &first))
    shk_reader_problem (r, _("%s.id: duplicate process id \"%s\" (also %s)"),
             r->path->str, id, first);

  /* A stand-in for a missing id: the process is not kept then. */
  process = shk_process_new (id != NULL ? id : "?");
  shk_reader_read_number (r, object, "hours", REQUIRED, NUMBER_NON_NEGATIVE, &hours);
  shk_process_set_hours (process, hours);
  shk_process_set_name (process, shk_reader_read_text (r, object, "process", OPTIONAL));
  shk_process_set_business (process, shk_reader_read_text (r, object, "business", OPTIONAL));
  shk_process_set_section (process, shk_reader_read_text (r, object, "section", OPTIONAL));
  shk_process_set_unit (process, shk_reader_read_text (r, object, "unit", OPTIONAL));
  read_priority (r, object, process);
  shk_process_set_category (process, shk_reader_read_text (r, object, "category", OPTIONAL));
  shk_process_set_printed_category (process, shk_reader_read_text (r, object, "printed_category", OPTIONAL));
  shk_process_set_solution (process, shk_reader_read_text (r, object, "solution", OPTIONAL));
  if (shk_reader_read_number (r, object, "expected_reduction_hours", OPTIONAL,
                   NUMBER_NON_NEGATIVE, &reduction))
    shk_process_set_expected_reduction (process, reduction);
  else
    shk_process_unset_expected_reduction (process);
  shk_process_set_qualitative_effect (process, shk_reader_read_text (r, object, "qualitative_effect", OPTIONAL));
  shk_process_set_policy (process, shk_reader_read_text (r, object, "policy", OPTIONAL));
  shk_process_set_efficiency_measure (process, shk_reader_read_text (r, object, "efficiency_measure", OPTIONAL));
  shk_process_set_notes (process, shk_reader_read_text (r, object, "notes", OPTIONAL));
  shk_process_set_ai_applicable (process, shk_reader_read_text (r, object, "ai_applicable", OPTIONAL));
  shk_process_set_reply_note (process, shk_reader_read_text (r, object, "reply_note", OPTIONAL));
  shk_reader_read_map (r, object, "provenance", read_process_provenance, process);
  shk_reader_read_boolean (r, object, "demo_experiment", OPTIONAL, &demo);
  shk_process_set_demo_experiment (process, demo);
  shk_reader_read_boolean (r, object, "deep_dive", OPTIONAL, &deep_dive);
  shk_process_set_deep_dive (process, deep_dive);

  shk_reader_keep_unknown (r, process, EXTRA_KEY, object, process_keys);
  if (r->n_problems == n_problems)
    shk_survey_append_process (survey, process);
}

static const char * const survey_keys[] = {
  "title", "sections", "businesses", "processes", "total_hours",
  "listing_threshold_hours", "work_processes", "unlisted_processes",
  "unlisted_hours", NULL
};

/* The unlisted remainder is data; the totals are computed from it. Files
 * written before it was kept give only the totals ("processes",
 * "total_hours"): the remainder is then what the totals hold beyond the
 * listed processes, so it needs the processes read first. When the
 * remainder is given, the totals are only checked as numbers: they are
 * written for people reading the file, and a process's hours edited by
 * hand must not make the file unreadable. */
static void
read_survey_remainder (Reader     *r,
                       JsonObject *object,
                       ShkSurvey  *survey)
{
  guint processes = 0, unlisted_processes = 0;
  double total_hours = 0, unlisted_hours = 0;
  gboolean has_processes, has_hours;

  has_processes = shk_reader_read_uint (r, object, "processes", OPTIONAL,
                                        INTEGER_NON_NEGATIVE, &processes);
  has_hours = shk_reader_read_number (r, object, "total_hours", OPTIONAL,
                                      NUMBER_NON_NEGATIVE, &total_hours);

  if (shk_reader_read_uint (r, object, "unlisted_processes", OPTIONAL,
                            INTEGER_NON_NEGATIVE, &unlisted_processes))
    shk_survey_set_unlisted_processes (survey, unlisted_processes);
  else if (has_processes)
    shk_survey_set_total_processes (survey, processes);

  if (shk_reader_read_number (r, object, "unlisted_hours", OPTIONAL,
                              NUMBER_NON_NEGATIVE, &unlisted_hours))
    shk_survey_set_unlisted_hours (survey, unlisted_hours);
  else if (has_hours)
    shk_survey_set_total_hours (survey, total_hours);
}

void
shk_reader_read_survey (Reader     *r,
             JsonObject *root)
{
  ShkSurvey *survey = shk_plan_get_survey (r->plan);
  gsize mark = shk_reader_path_push_key (r, "survey");
  JsonObject *object = shk_reader_node_object (r, json_object_get_member (root, "survey"), OPTIONAL);
  guint sections = 0, businesses = 0;
  double threshold = 0;
  Uniques ids;

  if (object == NULL)
    {
      shk_reader_path_pop (r, mark);
      return;
    }

  shk_survey_set_title (survey, shk_reader_read_text (r, object, "title", OPTIONAL));
  shk_reader_read_uint (r, object, "sections", OPTIONAL, INTEGER_NON_NEGATIVE, &sections);
  shk_survey_set_total_sections (survey, sections);
  shk_reader_read_uint (r, object, "businesses", OPTIONAL, INTEGER_NON_NEGATIVE, &businesses);
  shk_survey_set_total_businesses (survey, businesses);
  shk_reader_read_number (r, object, "listing_threshold_hours", OPTIONAL, NUMBER_NON_NEGATIVE, &threshold);
  shk_survey_set_listing_threshold (survey, threshold);

  shk_reader_uniques_init (&ids);
  shk_reader_read_array (r, object, "work_processes", OPTIONAL, read_process, &ids);
  shk_reader_uniques_clear (&ids);
  read_survey_remainder (r, object, survey);

  shk_reader_keep_unknown (r, survey, EXTRA_KEY, object, survey_keys);
  shk_reader_path_pop (r, mark);
}
