/* shk-format-writer-plan.c — the parts of a plan written as JSON
 *
 * Fiscal years, evaluations, thresholds, policies, measures with their
 * indicators and grades, the survey, the scenarios and the round: each
 * member in the order of docs/file-format.md, optional ones only when
 * set, and the unknown members the reader kept after the known ones, so
 * that a file loaded and saved keeps its bytes. How the text is made and
 * handed on is shk-format-writer.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "shk-format.h"
#include "shk-format-writer-private.h"
#include "shk-round.h"

/* @ids in the plan's order (@order) first, then the others as given
 * (sorted). The strings belong to @order and @ids. */
static GPtrArray *
order_ids (GStrv  order,
           GStrv  ids)
{
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint i = 0; order[i] != NULL; i++)
    if (ids != NULL && g_strv_contains ((const char * const *) ids, order[i]))
      g_ptr_array_add (ordered, order[i]);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) order, ids[i]))
      g_ptr_array_add (ordered, ids[i]);
  return ordered;
}

typedef const char *(*GetIdFunc) (gpointer item);

/* The ids of @items (fiscal years, evaluations), in order. */
static GStrv
dup_ids (GListModel *items,
         GetIdFunc   get_id)
{
  guint n = g_list_model_get_n_items (items);
  GStrv ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      ids[i] = g_strdup (get_id (item));
    }
  return ids;
}

typedef void (*WriteItemFunc) (Writer   *w,
                               gpointer  item,
                               gpointer  user_data);

/* The array @key of @items, each written by @write_item: every list of
 * the plan is one. A save whose writes failed stops at the next item. */
static void
write_list (Writer        *w,
            const char    *key,
            GListModel    *items,
            WriteItemFunc  write_item,
            gpointer       user_data)
{
  guint n = g_list_model_get_n_items (items);

  shk_writer_key (w, key);
  shk_writer_open (w, '[');
  for (guint i = 0; i < n && !w->failed; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      shk_writer_element (w);
      write_item (w, item, user_data);
    }
  shk_writer_close (w, ']');
}

static void
write_fiscal_year (Writer   *w,
                   gpointer  item,
                   gpointer  user_data)
{
  ShkFiscalYear *year = item;

  shk_writer_open (w, '{');
  shk_writer_member_string (w, "id", shk_fiscal_year_get_id (year));
  shk_writer_member_string (w, "label", shk_fiscal_year_get_label (year));
  shk_writer_unknown (w, year, w->extra);
  shk_writer_close (w, '}');
}

static void
write_evaluation (Writer   *w,
                  gpointer  item,
                  gpointer  user_data)
{
  ShkEvaluation *evaluation = item;

  shk_writer_open (w, '{');
  shk_writer_member_string (w, "id", shk_evaluation_get_id (evaluation));
  shk_writer_member_text (w, "label", shk_evaluation_get_label (evaluation));
  shk_writer_member_string (w, "actual_year", shk_evaluation_get_actual_year (evaluation));
  shk_writer_member_string (w, "target_year", shk_evaluation_get_target_year (evaluation));
  shk_writer_unknown (w, evaluation, w->extra);
  shk_writer_close (w, '}');
}

static void
write_thresholds (Writer  *w,
                  ShkPlan *plan)
{
  shk_writer_key (w, "grade_thresholds");
  shk_writer_open (w, '{');
  shk_writer_member_number (w, "achieved", shk_plan_get_achieved_threshold (plan));
  shk_writer_member_number (w, "mostly", shk_plan_get_mostly_threshold (plan));
  shk_writer_unknown (w, plan, w->extra_thresholds);
  shk_writer_close (w, '}');
}

static void
write_policy (Writer   *w,
              gpointer  item,
              gpointer  user_data)
{
  ShkPolicy *policy = item;

  shk_writer_open (w, '{');
  shk_writer_member_uint (w, "number", shk_policy_get_number (policy));
  shk_writer_member_string (w, "name", shk_policy_get_name (policy));
  shk_writer_unknown (w, policy, w->extra);
  shk_writer_close (w, '}');
}

typedef gboolean (*GetYearValueFunc) (ShkIndicator *indicator,
                                      const char   *year_id,
                                      double       *value);

static void
write_year_values (Writer           *w,
                   const char       *key,
                   ShkIndicator     *indicator,
                   GPtrArray        *years,
                   GetYearValueFunc  get_value)
{
  shk_writer_key (w, key);
  shk_writer_open (w, '{');
  for (guint i = 0; i < years->len; i++)
    {
      const char *year = g_ptr_array_index (years, i);
      double value;

      if (get_value (indicator, year, &value))
        shk_writer_member_number (w, year, value);
    }
  shk_writer_close (w, '}');
}

/* Written only when known, so that documents typed before version 2
 * keep their bytes but for the version. */
static void
write_provenance (Writer *w,
                  GStrv   keys,
                  const ShkProvenance *(*get) (gpointer, const char *),
                  gpointer owner)
{
  if (keys == NULL || keys[0] == NULL)
    return;
  shk_writer_key (w, "provenance");
  shk_writer_open (w, '{');
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const ShkProvenance *p = get (owner, keys[i]);

      shk_writer_key (w, keys[i]);
      shk_writer_open (w, '{');
      shk_writer_member_string (w, "source", shk_provenance_source_to_key (p->source));
      if (p->section != NULL)
        shk_writer_member_string (w, "section", p->section);
      if (p->file != NULL)
        shk_writer_member_string (w, "file", p->file);
      shk_writer_member_string (w, "date", p->date);
      shk_writer_close (w, '}');
    }
  shk_writer_close (w, '}');
}

static void
write_indicator (Writer   *w,
                 gpointer  item,
                 gpointer  user_data)
{
  ShkIndicator *indicator = item;
  g_auto(GStrv) year_ids = shk_indicator_dup_year_ids (indicator);
  g_autoptr(GPtrArray) years = order_ids (w->year_ids, year_ids);
  const char *baseline_year = NULL;
  double baseline = 0;

  shk_writer_open (w, '{');
  shk_writer_member_string (w, "label", shk_indicator_get_label (indicator));
  shk_writer_member_string (w, "unit", shk_indicator_get_unit (indicator));
  shk_writer_member_text (w, "note", shk_indicator_get_note (indicator));
  shk_writer_member_string (w, "direction",
                            shk_indicator_get_direction (indicator) == SHK_DIRECTION_LOWER_IS_BETTER
                            ? "lower" : "higher");
  write_year_values (w, "target", indicator, years, shk_indicator_get_target);
  write_year_values (w, "actual", indicator, years, shk_indicator_get_actual);

  shk_writer_key (w, "printed_rates");
  shk_writer_open (w, '{');
  for (guint i = 0; i < years->len; i++)
    {
      const char *year = g_ptr_array_index (years, i);
      const char *rate = shk_indicator_get_printed_rate (indicator, year);

      if (rate != NULL)
        shk_writer_member_string (w, year, rate);
    }
  shk_writer_close (w, '}');

  /* Written only when set, like previous_plan. */
  if (shk_indicator_get_baseline (indicator, &baseline_year, &baseline))
    {
      shk_writer_key (w, "baseline");
      shk_writer_open (w, '{');
      shk_writer_member_string (w, "year", baseline_year);
      shk_writer_member_number (w, "value", baseline);
      shk_writer_close (w, '}');
    }

  {
    g_auto(GStrv) keys = shk_indicator_dup_provenance_keys (indicator);

    write_provenance (w, keys, (gpointer) shk_indicator_get_provenance, indicator);
  }
  shk_writer_unknown (w, indicator, w->extra);
  shk_writer_close (w, '}');
}

static void
write_manual_grades (Writer     *w,
                     ShkMeasure *measure)
{
  g_auto(GStrv) grade_ids = shk_measure_dup_manual_grade_ids (measure);
  g_autoptr(GPtrArray) ids = order_ids (w->evaluation_ids, grade_ids);
  JsonObject *all_unknown = g_object_get_qdata (G_OBJECT (measure), w->extra_manual_grades);

  shk_writer_key (w, "manual_grades");
  shk_writer_open (w, '{');
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *reason = NULL;
      ShkGrade grade = SHK_GRADE_NONE;

      if (!shk_measure_get_manual_grade (measure, id, &grade, &reason))
        continue;
      shk_writer_key (w, id);
      shk_writer_open (w, '{');
      shk_writer_member_string (w, "grade", shk_format_grade_to_symbol (grade));
      shk_writer_member_text (w, "reason", reason);
      if (all_unknown != NULL && json_object_has_member (all_unknown, id))
        shk_writer_node_members (w, json_object_get_object_member (all_unknown, id));
      shk_writer_close (w, '}');
    }
  shk_writer_close (w, '}');
}

/* Written only when there is one, so that documents without replies
 * keep their bytes. */
static void
write_self_grades (Writer     *w,
                   ShkMeasure *measure)
{
  g_auto(GStrv) years = shk_measure_dup_self_grade_years (measure);
  g_autoptr(GPtrArray) ids = order_ids (w->year_ids, years);

  if (ids->len == 0)
    return;
  shk_writer_key (w, "self_grades");
  shk_writer_open (w, '{');
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *reason = NULL;
      ShkGrade grade = SHK_GRADE_NONE;

      if (!shk_measure_get_self_grade (measure, id, &grade, &reason))
        continue;
      shk_writer_key (w, id);
      shk_writer_open (w, '{');
      shk_writer_member_string (w, "grade", shk_format_grade_to_symbol (grade));
      shk_writer_member_text (w, "reason", *reason != '\0' ? reason : NULL);
      shk_writer_close (w, '}');
    }
  shk_writer_close (w, '}');
}

static void
write_published (Writer     *w,
                 ShkMeasure *measure)
{
  g_auto(GStrv) grade_ids = shk_measure_dup_published_grade_ids (measure);
  g_autoptr(GPtrArray) ids = order_ids (w->evaluation_ids, grade_ids);

  shk_writer_key (w, "published");
  shk_writer_open (w, '{');
  shk_writer_member_text (w, "achievement_rate", shk_measure_get_published_rate (measure));
  shk_writer_member_text (w, "status", shk_measure_get_published_status (measure));
  shk_writer_key (w, "grades");
  shk_writer_open (w, '{');
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      ShkGrade grade = SHK_GRADE_NONE;

      if (shk_measure_get_published_grade (measure, id, &grade)
          && shk_format_grade_to_symbol (grade) != NULL)
        shk_writer_member_string (w, id, shk_format_grade_to_symbol (grade));
    }
  shk_writer_close (w, '}');
  shk_writer_unknown (w, measure, w->extra_published);
  shk_writer_close (w, '}');
}

static void
write_measure (Writer   *w,
               gpointer  item,
               gpointer  user_data)
{
  ShkMeasure *measure = item;

  shk_writer_open (w, '{');
  shk_writer_member_uint (w, "number", shk_measure_get_number (measure));
  if (shk_measure_get_policy_number (measure) > 0)
    shk_writer_member_uint (w, "policy", shk_measure_get_policy_number (measure));
  else
    shk_writer_member_null (w, "policy");
  shk_writer_member_uint (w, "index_in_policy", shk_measure_get_index_in_policy (measure));
  shk_writer_member_string (w, "name", shk_measure_get_name (measure));
  shk_writer_member_string (w, "purpose", shk_measure_get_purpose (measure));

  shk_writer_key (w, "audience");
  shk_writer_open (w, '{');
  shk_writer_member_boolean (w, "citizens", shk_measure_get_for_citizens (measure));
  shk_writer_member_boolean (w, "internal", shk_measure_get_for_internal (measure));
  shk_writer_unknown (w, measure, w->extra_audience);
  shk_writer_close (w, '}');

  shk_writer_member_string (w, "bureau", shk_measure_get_bureau (measure));
  shk_writer_member_string (w, "section", shk_measure_get_section (measure));
  shk_writer_member_string (w, "actions", shk_measure_get_actions (measure));
  shk_writer_member_string (w, "next_year_plan", shk_measure_get_next_year_plan (measure));
  shk_writer_member_string (w, "expected_effect", shk_measure_get_expected_effect (measure));
  shk_writer_member_text (w, "year_added", shk_measure_get_year_added (measure));
  shk_writer_member_boolean (w, "counted_in_summary", shk_measure_get_counted (measure));

  write_list (w, "indicators", shk_measure_get_indicators (measure), write_indicator, NULL);

  write_manual_grades (w, measure);
  write_self_grades (w, measure);
  {
    g_auto(GStrv) keys = shk_measure_dup_provenance_keys (measure);

    write_provenance (w, keys, (gpointer) shk_measure_get_provenance, measure);
  }
  write_published (w, measure);
  shk_writer_member_text (w, "notes", shk_measure_get_notes (measure));
  shk_writer_unknown (w, measure, w->extra);
  shk_writer_close (w, '}');
}

static void
write_process (Writer   *w,
               gpointer  item,
               gpointer  user_data)
{
  ShkProcess *process = item;
  double reduction;

  shk_writer_open (w, '{');
  shk_writer_member_string (w, "id", shk_process_get_id (process));
  shk_writer_member_number (w, "hours", shk_process_get_hours (process));
  shk_writer_member_string (w, "process", shk_process_get_name (process));
  shk_writer_member_string (w, "business", shk_process_get_business (process));
  shk_writer_member_string (w, "section", shk_process_get_section (process));
  shk_writer_member_string (w, "unit", shk_process_get_unit (process));
  shk_writer_member_string (w, "priority", shk_format_priority_to_key (shk_process_get_priority (process)));
  shk_writer_member_text (w, "category", shk_process_get_category (process));
  shk_writer_member_text (w, "printed_category", shk_process_get_printed_category (process));
  shk_writer_member_text (w, "solution", shk_process_get_solution (process));
  if (shk_process_get_expected_reduction (process, &reduction))
    shk_writer_member_number (w, "expected_reduction_hours", reduction);
  else
    shk_writer_member_null (w, "expected_reduction_hours");
  shk_writer_member_text (w, "qualitative_effect", shk_process_get_qualitative_effect (process));
  shk_writer_member_text (w, "policy", shk_process_get_policy (process));
  shk_writer_member_text (w, "efficiency_measure", shk_process_get_efficiency_measure (process));
  shk_writer_member_text (w, "notes", shk_process_get_notes (process));
  /* Only once a section has answered, so that documents without survey
   * replies stay as they were. */
  if (*shk_process_get_ai_applicable (process) != '\0')
    shk_writer_member_text (w, "ai_applicable", shk_process_get_ai_applicable (process));
  if (*shk_process_get_reply_note (process) != '\0')
    shk_writer_member_text (w, "reply_note", shk_process_get_reply_note (process));
  shk_writer_member_boolean (w, "demo_experiment", shk_process_get_demo_experiment (process));
  shk_writer_member_boolean (w, "deep_dive", shk_process_get_deep_dive (process));
  {
    g_auto(GStrv) keys = shk_process_dup_provenance_keys (process);

    write_provenance (w, keys, (gpointer) shk_process_get_provenance, process);
  }
  shk_writer_unknown (w, process, w->extra);
  shk_writer_close (w, '}');
}

static void
write_survey (Writer  *w,
              ShkPlan *plan)
{
  ShkSurvey *survey = shk_plan_get_survey (plan);

  if (survey == NULL)
    {
      shk_writer_member_null (w, "survey");
      return;
    }

  shk_writer_key (w, "survey");
  shk_writer_open (w, '{');
  shk_writer_member_string (w, "title", shk_survey_get_title (survey));
  shk_writer_member_uint (w, "sections", shk_survey_get_total_sections (survey));
  shk_writer_member_uint (w, "businesses", shk_survey_get_total_businesses (survey));
  shk_writer_member_uint (w, "processes", shk_survey_get_total_processes (survey));
  /* The totals are computed; they are written for older readers and for
   * people reading the file, the remainder is what is read back. */
  shk_writer_member_number (w, "total_hours", shk_survey_get_total_hours (survey));
  shk_writer_member_number (w, "listing_threshold_hours", shk_survey_get_listing_threshold (survey));
  shk_writer_member_uint (w, "unlisted_processes", shk_survey_get_unlisted_processes (survey));
  shk_writer_member_number (w, "unlisted_hours", shk_survey_get_unlisted_hours (survey));
  write_list (w, "work_processes", shk_survey_get_processes (survey), write_process, NULL);
  shk_writer_unknown (w, survey, w->extra);
  shk_writer_close (w, '}');
}

/* @user_data: the scenario's number of years, as a pointer. */
static void
write_cost_item (Writer   *w,
                 gpointer  cost_item,
                 gpointer  user_data)
{
  ShkCostItem *item = cost_item;
  guint n_years = GPOINTER_TO_UINT (user_data);
  g_autofree double *amounts = g_new (double, n_years);

  for (guint i = 0; i < n_years; i++)
    amounts[i] = shk_cost_item_get_amount (item, i);
  shk_writer_open (w, '{');
  shk_writer_member_string (w, "name", shk_cost_item_get_name (item));
  shk_writer_key (w, "amounts");
  shk_writer_number_list (w, amounts, n_years);
  shk_writer_unknown (w, item, w->extra);
  shk_writer_close (w, '}');
}

static void
write_scenario (Writer   *w,
                gpointer  item,
                gpointer  user_data)
{
  ShkScenario *scenario = item;
  const char * const *years = shk_scenario_get_years (scenario);
  guint n_years = shk_scenario_get_n_years (scenario);
  guint start = shk_scenario_get_savings_start (scenario);
  double hours;

  shk_writer_open (w, '{');
  shk_writer_member_string (w, "name", shk_scenario_get_name (scenario));
  shk_writer_member_text (w, "description", shk_scenario_get_description (scenario));
  shk_writer_key (w, "processes");
  shk_writer_string_list (w, shk_scenario_get_process_ids (scenario));
  shk_writer_key (w, "years");
  shk_writer_string_list (w, years);
  shk_writer_member_number (w, "hourly_rate", shk_scenario_get_hourly_rate (scenario));
  if (shk_scenario_get_hours_saved (scenario, &hours))
    shk_writer_member_number (w, "hours_saved", hours);
  else
    shk_writer_member_null (w, "hours_saved");
  shk_writer_member_string (w, "savings_start",
                            years != NULL && start < n_years ? years[start] : NULL);
  shk_writer_member_uint (w, "first_year_months", shk_scenario_get_first_year_months (scenario));
  shk_writer_member_number (w, "discount_rate", shk_scenario_get_discount_rate (scenario));

  write_list (w, "cost_items", shk_scenario_get_cost_items (scenario), write_cost_item,
              GUINT_TO_POINTER (n_years));
  shk_writer_unknown (w, scenario, w->extra);
  shk_writer_close (w, '}');
}

/* Written only once a round was started, so that plans without one keep
 * their bytes. */
static void
write_round (Writer  *w,
             ShkPlan *plan)
{
  g_autoptr(JsonNode) node = NULL;

  if (shk_round_is_empty (shk_plan_get_round (plan)))
    return;
  node = shk_format_round_to_node (shk_plan_get_round (plan));
  shk_writer_key (w, "round");
  shk_writer_node (w, node);
}

void
shk_writer_write_plan (Writer  *w,
                       ShkPlan *plan)
{
  w->year_ids = dup_ids (shk_plan_get_fiscal_years (plan), (GetIdFunc) shk_fiscal_year_get_id);
  w->evaluation_ids = dup_ids (shk_plan_get_evaluations (plan),
                               (GetIdFunc) shk_evaluation_get_id);
  w->extra = g_quark_from_static_string (EXTRA_KEY);
  w->extra_audience = g_quark_from_static_string (EXTRA_AUDIENCE);
  w->extra_published = g_quark_from_static_string (EXTRA_PUBLISHED);
  w->extra_manual_grades = g_quark_from_static_string (EXTRA_MANUAL_GRADES);
  w->extra_thresholds = g_quark_from_static_string (EXTRA_GRADE_THRESHOLDS);

  shk_writer_open (w, '{');
  shk_writer_member_string (w, "format", SHK_FORMAT_NAME);
  shk_writer_member_uint (w, "version", SHK_FORMAT_VERSION);
  shk_writer_member_string (w, "title", shk_plan_get_title (plan));
  shk_writer_member_string (w, "organisation", shk_plan_get_organisation (plan));
  /* Written only when set, so documents without a predecessor keep their
   * bytes. */
  if (shk_plan_get_previous_plan (plan) != NULL)
    shk_writer_member_string (w, "previous_plan", shk_plan_get_previous_plan (plan));
  shk_writer_member_text (w, "reporting_year", shk_plan_get_reporting_year (plan));
  write_list (w, "fiscal_years", shk_plan_get_fiscal_years (plan), write_fiscal_year, NULL);
  write_list (w, "evaluations", shk_plan_get_evaluations (plan), write_evaluation, NULL);
  write_thresholds (w, plan);
  write_list (w, "policies", shk_plan_get_policies (plan), write_policy, NULL);
  write_list (w, "measures", shk_plan_get_measures (plan), write_measure, NULL);
  write_survey (w, plan);
  write_list (w, "scenarios", shk_plan_get_scenarios (plan), write_scenario, NULL);
  write_round (w, plan);
  shk_writer_unknown (w, plan, w->extra);
  shk_writer_close (w, '}');

  g_clear_pointer (&w->year_ids, g_strfreev);
  g_clear_pointer (&w->evaluation_ids, g_strfreev);
}
