/* test-model.c — the model classes on their own
 *
 * What the views and the file format rely on: unset text reads as "",
 * properties notify once per real change, "changed" travels up to the plan
 * from anywhere in the document (and stops once an object is removed),
 * list models report their changes, absent values differ from 0, look-ups
 * and derived figures, and copies that share nothing with the original.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "shk-plan.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static void
count (gpointer instance,
       gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->calls++;
}

static void
assert_items_changed (ItemsChanged *record,
                      guint         position,
                      guint         removed,
                      guint         added)
{
  g_assert_cmpuint (record->calls, ==, 1);
  g_assert_cmpuint (record->position, ==, position);
  g_assert_cmpuint (record->removed, ==, removed);
  g_assert_cmpuint (record->added, ==, added);
  memset (record, 0, sizeof *record);
}

static void
assert_strv (GStrv               actual,
             const char * const *expected)
{
  g_autofree char *a = g_strjoinv (" ", actual);
  g_autofree char *e = g_strjoinv (" ", (GStrv) expected);

  g_assert_cmpstr (a, ==, e);
}

static ShkPlan *
make_plan (void)
{
  static const char * const years[] = { "H30", "R1", "R2", "R3" };
  ShkPlan *plan = shk_plan_new ();

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *label = g_strdup_printf ("Year %s", years[i]);
      g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new (years[i], label);

      shk_plan_append_fiscal_year (plan, year);
    }
  return plan;
}

/* ------------------------------------------------------------------ */
/* Text fields                                                        */
/* ------------------------------------------------------------------ */

/* Views bind these straight to labels and entries, which take no NULL.
 * A macro rather than a table of getters: calling a function through a
 * pointer of another type is undefined (and UBSan says so). */
#define ASSERT_TEXT_FIELD(prefix, object, field) \
  G_STMT_START { \
    g_test_message ("%s_%s", #prefix, #field); \
    g_assert_cmpstr (prefix##_get_##field (object), ==, ""); \
    prefix##_set_##field (object, "テキスト"); \
    g_assert_cmpstr (prefix##_get_##field (object), ==, "テキスト"); \
    prefix##_set_##field (object, NULL); \
    g_assert_cmpstr (prefix##_get_##field (object), ==, ""); \
  } G_STMT_END

static void
test_text_unset_is_empty (void)
{
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  g_autoptr(ShkPlan) plan = shk_plan_new ();
  g_autoptr(ShkSurvey) survey = shk_survey_new ();
  g_autoptr(ShkScenario) scenario = shk_scenario_new (NULL);
  g_autoptr(ShkCostItem) item = shk_cost_item_new (NULL, 3);

  ASSERT_TEXT_FIELD (shk_measure, measure, name);
  ASSERT_TEXT_FIELD (shk_measure, measure, purpose);
  ASSERT_TEXT_FIELD (shk_measure, measure, bureau);
  ASSERT_TEXT_FIELD (shk_measure, measure, section);
  ASSERT_TEXT_FIELD (shk_measure, measure, actions);
  ASSERT_TEXT_FIELD (shk_measure, measure, next_year_plan);
  ASSERT_TEXT_FIELD (shk_measure, measure, expected_effect);
  ASSERT_TEXT_FIELD (shk_measure, measure, notes);

  ASSERT_TEXT_FIELD (shk_indicator, indicator, label);
  ASSERT_TEXT_FIELD (shk_indicator, indicator, unit);
  ASSERT_TEXT_FIELD (shk_indicator, indicator, note);

  ASSERT_TEXT_FIELD (shk_process, process, name);
  ASSERT_TEXT_FIELD (shk_process, process, business);
  ASSERT_TEXT_FIELD (shk_process, process, section);
  ASSERT_TEXT_FIELD (shk_process, process, unit);
  ASSERT_TEXT_FIELD (shk_process, process, category);
  ASSERT_TEXT_FIELD (shk_process, process, printed_category);
  ASSERT_TEXT_FIELD (shk_process, process, solution);
  ASSERT_TEXT_FIELD (shk_process, process, qualitative_effect);
  ASSERT_TEXT_FIELD (shk_process, process, policy);
  ASSERT_TEXT_FIELD (shk_process, process, efficiency_measure);
  ASSERT_TEXT_FIELD (shk_process, process, notes);

  ASSERT_TEXT_FIELD (shk_plan, plan, title);
  ASSERT_TEXT_FIELD (shk_plan, plan, organisation);
  ASSERT_TEXT_FIELD (shk_survey, survey, title);
  ASSERT_TEXT_FIELD (shk_scenario, scenario, name);
  ASSERT_TEXT_FIELD (shk_scenario, scenario, description);
  ASSERT_TEXT_FIELD (shk_cost_item, item, name);

  /* Values given at construction. */
  {
    g_autoptr(ShkScenario) named = shk_scenario_new ("RPA導入");
    g_autoptr(ShkCostItem) named_item = shk_cost_item_new ("保守費", 2);
    g_autoptr(ShkPolicy) policy = shk_policy_new (2, NULL);
    g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new ("R3", NULL);

    g_assert_cmpstr (shk_scenario_get_name (named), ==, "RPA導入");
    g_assert_cmpstr (shk_cost_item_get_name (named_item), ==, "保守費");
    g_assert_cmpstr (shk_process_get_id (process), ==, "p1");
    g_assert_cmpuint (shk_measure_get_number (measure), ==, 1);
    g_assert_cmpuint (shk_policy_get_number (policy), ==, 2);
    /* A fiscal year without a label shows its id. */
    g_assert_cmpstr (shk_fiscal_year_get_label (year), ==, "R3");
    shk_fiscal_year_set_label (year, "令和3年度");
    g_assert_cmpstr (shk_fiscal_year_get_label (year), ==, "令和3年度");
    g_assert_cmpstr (shk_fiscal_year_get_id (year), ==, "R3");
  }
}

static void
test_evaluation (void)
{
  g_autoptr(ShkEvaluation) achievement = shk_evaluation_new ("R2", "R3");
  g_autoptr(ShkEvaluation) progress = shk_evaluation_new ("R2", "R2");

  g_assert_cmpstr (shk_evaluation_get_id (achievement), ==, "R2/R3");
  g_assert_cmpstr (shk_evaluation_get_actual_year (achievement), ==, "R2");
  g_assert_cmpstr (shk_evaluation_get_target_year (achievement), ==, "R3");
  g_assert_false (shk_evaluation_is_progress (achievement));
  g_assert_cmpstr (shk_evaluation_get_id (progress), ==, "R2/R2");
  g_assert_true (shk_evaluation_is_progress (progress));
}

/* ------------------------------------------------------------------ */
/* Properties                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint notifies;
  guint changes;
} Counts;

/* Sets @property from @value (converted to the property's type), reads it
 * back, and checks one notify and one "changed"; then sets the same value
 * again, which must do neither. */
static void
check_property (gpointer      object,
                const char   *property,
                const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) wanted = G_VALUE_INIT;
  g_auto(GValue) read = G_VALUE_INIT;
  g_autofree char *detailed = g_strconcat ("notify::", property, NULL);
  Counts counts = { 0, 0 };
  gulong notify_id, changed_id;

  g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), property);
  g_assert_nonnull (pspec);
  g_assert_true ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);

  g_value_init (&wanted, pspec->value_type);
  g_assert_true (g_value_transform (value, &wanted));

  notify_id = g_signal_connect (object, detailed, G_CALLBACK (count_notify), &counts.notifies);
  changed_id = g_signal_connect (object, "changed", G_CALLBACK (count), &counts.changes);

  g_object_set_property (object, property, &wanted);
  g_value_init (&read, pspec->value_type);
  g_object_get_property (object, property, &read);
  g_assert_cmpint (g_param_values_cmp (pspec, &read, &wanted), ==, 0);
  g_assert_cmpuint (counts.notifies, ==, 1);
  g_assert_cmpuint (counts.changes, ==, 1);

  g_object_set_property (object, property, &wanted);
  g_assert_cmpuint (counts.notifies, ==, 1);
  g_assert_cmpuint (counts.changes, ==, 1);

  g_signal_handler_disconnect (object, notify_id);
  g_signal_handler_disconnect (object, changed_id);
}

static void
check_string (gpointer    object,
              const char *property,
              const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  check_property (object, property, &value);
}

static void
check_double (gpointer    object,
              const char *property,
              double      number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  check_property (object, property, &value);
}

static void
check_uint (gpointer    object,
            const char *property,
            guint       number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, number);
  check_property (object, property, &value);
}

static void
check_boolean (gpointer    object,
               const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean current = FALSE;

  g_object_get (object, property, &current, NULL);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, !current);
  check_property (object, property, &value);
}

static void
check_enum (gpointer    object,
            const char *property,
            GType       type,
            int         number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_enum (&value, number);
  check_property (object, property, &value);
}

static void
test_properties (void)
{
  static const char * const years[] = { "R2", "R3", "R4", "R5", NULL };
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("A");
  g_autoptr(ShkPlan) plan = shk_plan_new ();
  g_autoptr(ShkSurvey) survey = shk_survey_new ();

  check_string (measure, "name", "電子申請の推進");
  check_string (measure, "purpose", "目的");
  check_string (measure, "next-year-plan", "R3の取組");
  check_string (measure, "notes", "備考");
  check_string (measure, "year-added", "R3");
  check_boolean (measure, "for-citizens");
  check_boolean (measure, "for-internal");
  check_boolean (measure, "counted");
  check_uint (measure, "policy-number", 4);
  check_uint (measure, "number", 17);
  g_assert_cmpuint (shk_measure_get_number (measure), ==, 17);
  g_assert_cmpuint (shk_measure_get_policy_number (measure), ==, 4);
  g_assert_cmpstr (shk_measure_get_next_year_plan (measure), ==, "R3の取組");

  check_string (indicator, "label", "電子申請件数");
  check_string (indicator, "unit", "件");
  check_string (indicator, "note", "注");
  check_enum (indicator, "direction", SHK_TYPE_DIRECTION, SHK_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpint (shk_indicator_get_direction (indicator), ==, SHK_DIRECTION_LOWER_IS_BETTER);

  check_string (process, "id", "p2");
  check_double (process, "hours", 1234.5);
  check_string (process, "name", "住民票の発行");
  check_string (process, "business", "窓口");
  check_string (process, "section", "市民課");
  check_string (process, "unit", "戸籍係");
  check_enum (process, "priority", SHK_TYPE_PRIORITY, SHK_PRIORITY_MEDIUM);
  check_string (process, "category", "入力事務");
  check_string (process, "solution", "RPA");
  check_string (process, "qualitative-effect", "ミスの削減");
  check_string (process, "policy", "実証実験");
  check_boolean (process, "demo-experiment");
  check_string (process, "notes", "備考");
  g_assert_cmpstr (shk_process_get_id (process), ==, "p2");
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1234.5);
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_MEDIUM);
  g_assert_cmpstr (shk_process_get_qualitative_effect (process), ==, "ミスの削減");

  shk_scenario_set_years (scenario, years);
  check_string (scenario, "name", "B");
  check_string (scenario, "description", "説明");
  check_double (scenario, "hourly-rate", 2500);
  check_uint (scenario, "savings-start", 2);
  check_uint (scenario, "first-year-months", 6);
  check_double (scenario, "discount-rate", 0.02);
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2500);
  g_assert_cmpuint (shk_scenario_get_savings_start (scenario), ==, 2);
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 6);
  g_assert_cmpfloat (shk_scenario_get_discount_rate (scenario), ==, 0.02);

  check_string (plan, "title", "鹿児島市情報化推進計画");
  check_string (plan, "organisation", "鹿児島市");
  check_string (plan, "reporting-year", "R2");

  check_string (survey, "title", "AI・RPA調査");
  check_double (survey, "total-hours", 180000);
  g_assert_cmpfloat (shk_survey_get_total_hours (survey), ==, 180000);
}

/* Setters notify too (views bind to the properties), once per change. */
static void
test_setters_notify (void)
{
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  guint name = 0, hours = 0, changes = 0;

  g_signal_connect (measure, "notify::name", G_CALLBACK (count_notify), &name);
  g_signal_connect (measure, "changed", G_CALLBACK (count), &changes);
  shk_measure_set_name (measure, "A");
  shk_measure_set_name (measure, "A");
  shk_measure_set_name (measure, "B");
  g_assert_cmpuint (name, ==, 2);
  g_assert_cmpuint (changes, ==, 2);

  g_signal_connect (process, "notify::hours", G_CALLBACK (count_notify), &hours);
  shk_process_set_hours (process, 10);
  shk_process_set_hours (process, 10);
  g_assert_cmpuint (hours, ==, 1);
}

/* ------------------------------------------------------------------ */
/* "changed" travels up to the plan                                   */
/* ------------------------------------------------------------------ */

static void
test_changed_measures (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  guint indicator_changes = 0, measure_changes = 0, plan_changes = 0;

  shk_measure_append_indicator (measure, indicator);
  shk_plan_append_measure (plan, measure);

  g_signal_connect (indicator, "changed", G_CALLBACK (count), &indicator_changes);
  g_signal_connect (measure, "changed", G_CALLBACK (count), &measure_changes);
  g_signal_connect (plan, "changed", G_CALLBACK (count), &plan_changes);

  shk_indicator_set_target (indicator, "R3", 100);
  g_assert_cmpuint (indicator_changes, ==, 1);
  g_assert_cmpuint (measure_changes, ==, 1);
  g_assert_cmpuint (plan_changes, ==, 1);

  shk_indicator_set_actual (indicator, "R2", 80);
  shk_indicator_unset_actual (indicator, "R2");
  shk_indicator_set_printed_rate (indicator, "R2", "80.0%");
  shk_indicator_set_label (indicator, "件数");
  g_assert_cmpuint (indicator_changes, ==, 5);
  g_assert_cmpuint (measure_changes, ==, 5);
  g_assert_cmpuint (plan_changes, ==, 5);

  /* A measure's own data and its manual grades. */
  shk_measure_set_manual_grade (measure, "R2/R3", SHK_GRADE_ACHIEVED, "理由");
  shk_measure_clear_manual_grade (measure, "R2/R3");
  shk_measure_set_section (measure, "情報政策課");
  g_assert_cmpuint (measure_changes, ==, 8);
  g_assert_cmpuint (plan_changes, ==, 8);

  /* Structure: indicators added to and removed from a measure. */
  {
    g_autoptr(ShkIndicator) second = shk_indicator_new ();

    shk_measure_append_indicator (measure, second);
    g_assert_cmpuint (measure_changes, ==, 9);
    g_assert_cmpuint (plan_changes, ==, 9);
    shk_indicator_set_unit (second, "人");
    g_assert_cmpuint (plan_changes, ==, 10);
    shk_measure_remove_indicator (measure, 1);
    g_assert_cmpuint (measure_changes, ==, 11);
    g_assert_cmpuint (plan_changes, ==, 11);

    /* Removed, it no longer reports. */
    shk_indicator_set_unit (second, "件");
    g_assert_cmpuint (measure_changes, ==, 11);
    g_assert_cmpuint (plan_changes, ==, 11);
  }

  shk_plan_remove_measure (plan, 0);
  g_assert_cmpuint (plan_changes, ==, 12);
  shk_indicator_set_target (indicator, "R3", 200);
  g_assert_cmpuint (measure_changes, ==, 12);
  g_assert_cmpuint (plan_changes, ==, 12);
}

static void
test_changed_survey (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  ShkSurvey *survey = shk_plan_get_survey (plan);
  guint survey_changes = 0, plan_changes = 0;

  g_assert_nonnull (survey);
  g_assert_true (shk_plan_get_survey (plan) == survey);

  g_signal_connect (survey, "changed", G_CALLBACK (count), &survey_changes);
  g_signal_connect (plan, "changed", G_CALLBACK (count), &plan_changes);

  shk_survey_append_process (survey, process);
  g_assert_cmpuint (survey_changes, ==, 1);
  g_assert_cmpuint (plan_changes, ==, 1);

  shk_process_set_hours (process, 1500);
  shk_process_set_expected_reduction (process, 300);
  shk_process_unset_expected_reduction (process);
  shk_process_set_priority (process, SHK_PRIORITY_HIGH);
  g_assert_cmpuint (survey_changes, ==, 5);
  g_assert_cmpuint (plan_changes, ==, 5);

  shk_survey_set_total_hours (survey, 200000);
  shk_survey_set_total_processes (survey, 1200);
  g_assert_cmpuint (survey_changes, ==, 7);
  g_assert_cmpuint (plan_changes, ==, 7);

  shk_survey_remove_process (survey, 0);
  g_assert_cmpuint (plan_changes, ==, 8);
  shk_process_set_hours (process, 1);
  g_assert_cmpuint (survey_changes, ==, 8);
  g_assert_cmpuint (plan_changes, ==, 8);
}

static void
test_changed_scenarios (void)
{
  static const char * const years[] = { "R2", "R3", "R4", NULL };
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("A");
  g_autoptr(ShkCostItem) item = shk_cost_item_new ("導入費", 3);
  guint item_changes = 0, scenario_changes = 0, plan_changes = 0;

  shk_scenario_set_years (scenario, years);
  shk_scenario_append_cost_item (scenario, item);
  shk_plan_append_scenario (plan, scenario);

  g_signal_connect (item, "changed", G_CALLBACK (count), &item_changes);
  g_signal_connect (scenario, "changed", G_CALLBACK (count), &scenario_changes);
  g_signal_connect (plan, "changed", G_CALLBACK (count), &plan_changes);

  shk_cost_item_set_amount (item, 0, 5000000);
  g_assert_cmpuint (item_changes, ==, 1);
  g_assert_cmpuint (scenario_changes, ==, 1);
  g_assert_cmpuint (plan_changes, ==, 1);

  shk_cost_item_set_name (item, "初期費用");
  shk_scenario_set_hourly_rate (scenario, 3000);
  shk_scenario_set_hours_saved (scenario, 1200);
  shk_scenario_unset_hours_saved (scenario);
  g_assert_cmpuint (scenario_changes, ==, 5);
  g_assert_cmpuint (plan_changes, ==, 5);

  shk_plan_remove_scenario (plan, 0);
  g_assert_cmpuint (plan_changes, ==, 6);
  shk_cost_item_set_amount (item, 1, 10);
  g_assert_cmpuint (scenario_changes, ==, 6);
  g_assert_cmpuint (plan_changes, ==, 6);

  /* Back in, it reports again. */
  shk_plan_insert_scenario (plan, 0, scenario);
  g_assert_cmpuint (plan_changes, ==, 7);
  shk_cost_item_set_amount (item, 1, 20);
  g_assert_cmpuint (plan_changes, ==, 8);
}

static void
test_changed_plan_itself (void)
{
  g_autoptr(ShkPlan) plan = shk_plan_new ();
  g_autoptr(ShkPolicy) policy = shk_policy_new (1, "行政サービスの向上");
  g_autoptr(ShkEvaluation) evaluation = shk_evaluation_new ("R2", "R3");
  g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new ("R2", "令和2年度");
  guint plan_changes = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count), &plan_changes);

  shk_plan_set_title (plan, "計画");
  shk_plan_set_reporting_year (plan, "R2");
  shk_plan_set_thresholds (plan, 80, 60);
  g_assert_cmpuint (plan_changes, ==, 3);
  g_assert_cmpfloat (shk_plan_get_achieved_threshold (plan), ==, 80);
  g_assert_cmpfloat (shk_plan_get_mostly_threshold (plan), ==, 60);

  shk_plan_append_fiscal_year (plan, year);
  shk_plan_append_evaluation (plan, evaluation);
  shk_plan_append_policy (plan, policy);
  g_assert_cmpuint (plan_changes, ==, 6);
}

static void
test_thresholds_default (void)
{
  g_autoptr(ShkPlan) plan = shk_plan_new ();

  g_assert_cmpfloat (shk_plan_get_achieved_threshold (plan), ==, SHK_DEFAULT_ACHIEVED_THRESHOLD);
  g_assert_cmpfloat (shk_plan_get_mostly_threshold (plan), ==, SHK_DEFAULT_MOSTLY_THRESHOLD);
}

/* ------------------------------------------------------------------ */
/* List models                                                        */
/* ------------------------------------------------------------------ */

static void
test_list_models (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkMeasure) a = shk_measure_new (1);
  g_autoptr(ShkMeasure) b = shk_measure_new (2);
  g_autoptr(ShkMeasure) c = shk_measure_new (3);
  g_autoptr(ShkIndicator) i1 = shk_indicator_new ();
  g_autoptr(ShkIndicator) i2 = shk_indicator_new ();
  g_autoptr(ShkProcess) p1 = shk_process_new ("p1");
  g_autoptr(ShkProcess) p2 = shk_process_new ("p2");
  g_autoptr(ShkScenario) s1 = shk_scenario_new ("s1");
  g_autoptr(ShkScenario) s2 = shk_scenario_new ("s2");
  g_autoptr(ShkCostItem) c1 = shk_cost_item_new ("c1", 0);
  g_autoptr(ShkCostItem) c2 = shk_cost_item_new ("c2", 0);
  GListModel *measures = shk_plan_get_measures (plan);
  GListModel *indicators = shk_measure_get_indicators (a);
  GListModel *processes = shk_survey_get_processes (shk_plan_get_survey (plan));
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  GListModel *items = shk_scenario_get_cost_items (s1);
  ItemsChanged record = { 0 };

  g_assert_true (g_list_model_get_item_type (measures) == SHK_TYPE_MEASURE);
  g_assert_true (g_list_model_get_item_type (indicators) == SHK_TYPE_INDICATOR);
  g_assert_true (g_list_model_get_item_type (processes) == SHK_TYPE_PROCESS);
  g_assert_true (g_list_model_get_item_type (scenarios) == SHK_TYPE_SCENARIO);
  g_assert_true (g_list_model_get_item_type (items) == SHK_TYPE_COST_ITEM);
  g_assert_true (g_list_model_get_item_type (shk_plan_get_fiscal_years (plan)) == SHK_TYPE_FISCAL_YEAR);
  g_assert_true (g_list_model_get_item_type (shk_plan_get_evaluations (plan)) == SHK_TYPE_EVALUATION);
  g_assert_true (g_list_model_get_item_type (shk_plan_get_policies (plan)) == SHK_TYPE_POLICY);

  g_signal_connect (measures, "items-changed", G_CALLBACK (on_items_changed), &record);
  shk_plan_append_measure (plan, a);
  assert_items_changed (&record, 0, 0, 1);
  shk_plan_append_measure (plan, c);
  assert_items_changed (&record, 1, 0, 1);
  shk_plan_insert_measure (plan, 1, b);
  assert_items_changed (&record, 1, 0, 1);
  {
    g_autoptr(ShkMeasure) middle = g_list_model_get_item (measures, 1);

    g_assert_true (middle == b);
  }
  shk_plan_remove_measure (plan, 0);
  assert_items_changed (&record, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 2);

  g_signal_connect (indicators, "items-changed", G_CALLBACK (on_items_changed), &record);
  shk_measure_append_indicator (a, i1);
  assert_items_changed (&record, 0, 0, 1);
  shk_measure_insert_indicator (a, 0, i2);
  assert_items_changed (&record, 0, 0, 1);
  g_assert_true (shk_measure_get_indicator (a, 0) == i2);
  g_assert_true (shk_measure_get_indicator (a, 1) == i1);
  shk_measure_remove_indicator (a, 1);
  assert_items_changed (&record, 1, 1, 0);

  g_signal_connect (processes, "items-changed", G_CALLBACK (on_items_changed), &record);
  shk_survey_append_process (shk_plan_get_survey (plan), p1);
  assert_items_changed (&record, 0, 0, 1);
  shk_survey_insert_process (shk_plan_get_survey (plan), 0, p2);
  assert_items_changed (&record, 0, 0, 1);
  g_assert_true (shk_survey_find_process (shk_plan_get_survey (plan), "p1") == p1);
  g_assert_null (shk_survey_find_process (shk_plan_get_survey (plan), "p3"));
  shk_survey_remove_process (shk_plan_get_survey (plan), 1);
  assert_items_changed (&record, 1, 1, 0);
  g_assert_null (shk_survey_find_process (shk_plan_get_survey (plan), "p1"));

  g_signal_connect (scenarios, "items-changed", G_CALLBACK (on_items_changed), &record);
  shk_plan_append_scenario (plan, s1);
  assert_items_changed (&record, 0, 0, 1);
  shk_plan_insert_scenario (plan, 0, s2);
  assert_items_changed (&record, 0, 0, 1);
  shk_plan_remove_scenario (plan, 0);
  assert_items_changed (&record, 0, 1, 0);

  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed), &record);
  shk_scenario_append_cost_item (s1, c1);
  assert_items_changed (&record, 0, 0, 1);
  shk_scenario_insert_cost_item (s1, 1, c2);
  assert_items_changed (&record, 1, 0, 1);
  shk_scenario_remove_cost_item (s1, 0);
  assert_items_changed (&record, 0, 1, 0);
}

/* ------------------------------------------------------------------ */
/* Indicators                                                         */
/* ------------------------------------------------------------------ */

static void
test_indicator_values (void)
{
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  g_auto(GStrv) none = shk_indicator_dup_year_ids (indicator);
  g_auto(GStrv) ids = NULL;
  double value = -1;

  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* Absent, then 0, which is a real value. */
  g_assert_false (shk_indicator_get_target (indicator, "R3", &value));
  g_assert_cmpfloat (value, ==, -1);
  shk_indicator_set_target (indicator, "R3", 0);
  g_assert_true (shk_indicator_get_target (indicator, "R3", &value));
  g_assert_cmpfloat (value, ==, 0);
  g_assert_false (shk_indicator_get_actual (indicator, "R3", NULL));

  shk_indicator_set_actual (indicator, "H30", 12.5);
  shk_indicator_set_printed_rate (indicator, "R1", "98.0%");
  shk_indicator_set_actual (indicator, "R2", 1);
  shk_indicator_set_target (indicator, "R2", 2);

  /* Set out of order, listed sorted, each once. */
  ids = shk_indicator_dup_year_ids (indicator);
  assert_strv (ids, (const char * const[]) { "H30", "R1", "R2", "R3", NULL });
  g_clear_pointer (&ids, g_strfreev);

  g_assert_true (shk_indicator_get_actual (indicator, "H30", &value));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_cmpstr (shk_indicator_get_printed_rate (indicator, "R1"), ==, "98.0%");
  g_assert_null (shk_indicator_get_printed_rate (indicator, "R2"));

  /* A year goes from the list only when nothing is left in it. */
  shk_indicator_unset_target (indicator, "R2");
  ids = shk_indicator_dup_year_ids (indicator);
  assert_strv (ids, (const char * const[]) { "H30", "R1", "R2", "R3", NULL });
  g_clear_pointer (&ids, g_strfreev);
  shk_indicator_unset_actual (indicator, "R2");
  shk_indicator_unset_target (indicator, "R3");
  shk_indicator_set_printed_rate (indicator, "R1", NULL);
  ids = shk_indicator_dup_year_ids (indicator);
  assert_strv (ids, (const char * const[]) { "H30", NULL });
  g_assert_false (shk_indicator_get_target (indicator, "R3", NULL));

  /* Unsetting what is absent is harmless. */
  shk_indicator_unset_actual (indicator, "R9");
}

static void
test_indicator_copy (void)
{
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  g_autoptr(ShkIndicator) copy = NULL;
  double value;

  shk_indicator_set_label (indicator, "件数");
  shk_indicator_set_unit (indicator, "件");
  shk_indicator_set_note (indicator, "注");
  shk_indicator_set_direction (indicator, SHK_DIRECTION_LOWER_IS_BETTER);
  shk_indicator_set_target (indicator, "R3", 100);
  shk_indicator_set_actual (indicator, "R2", 0);
  shk_indicator_set_printed_rate (indicator, "R2", "0.0%");

  copy = shk_indicator_copy (indicator);
  g_assert_true (copy != indicator);
  g_assert_cmpstr (shk_indicator_get_label (copy), ==, "件数");
  g_assert_cmpstr (shk_indicator_get_unit (copy), ==, "件");
  g_assert_cmpstr (shk_indicator_get_note (copy), ==, "注");
  g_assert_cmpint (shk_indicator_get_direction (copy), ==, SHK_DIRECTION_LOWER_IS_BETTER);
  g_assert_true (shk_indicator_get_target (copy, "R3", &value));
  g_assert_cmpfloat (value, ==, 100);
  g_assert_true (shk_indicator_get_actual (copy, "R2", &value));
  g_assert_cmpfloat (value, ==, 0);
  g_assert_cmpstr (shk_indicator_get_printed_rate (copy, "R2"), ==, "0.0%");

  /* Independent both ways. */
  shk_indicator_set_target (copy, "R3", 200);
  shk_indicator_unset_actual (copy, "R2");
  shk_indicator_set_label (copy, "別");
  g_assert_true (shk_indicator_get_target (indicator, "R3", &value));
  g_assert_cmpfloat (value, ==, 100);
  g_assert_true (shk_indicator_get_actual (indicator, "R2", NULL));
  g_assert_cmpstr (shk_indicator_get_label (indicator), ==, "件数");
  shk_indicator_set_actual (indicator, "R1", 5);
  g_assert_false (shk_indicator_get_actual (copy, "R1", NULL));
}

/* ------------------------------------------------------------------ */
/* Measures: grades                                                   */
/* ------------------------------------------------------------------ */

static void
test_manual_grades (void)
{
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_auto(GStrv) ids = shk_measure_dup_manual_grade_ids (measure);
  ShkGrade grade = SHK_GRADE_ACHIEVED;
  const char *reason = "untouched";

  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_clear_pointer (&ids, g_strfreev);
  g_assert_false (shk_measure_get_manual_grade (measure, "R2/R3", &grade, &reason));

  shk_measure_set_manual_grade (measure, "R2/R3", SHK_GRADE_LAGGING, "コロナ禍で延期");
  shk_measure_set_manual_grade (measure, "R1/R3", SHK_GRADE_NONE, NULL);
  shk_measure_set_manual_grade (measure, "R2/R2", SHK_GRADE_PENDING, "");

  g_assert_true (shk_measure_get_manual_grade (measure, "R2/R3", &grade, &reason));
  g_assert_cmpint (grade, ==, SHK_GRADE_LAGGING);
  g_assert_cmpstr (reason, ==, "コロナ禍で延期");
  /* A manual "not evaluated" is there, and differs from no manual grade. */
  g_assert_true (shk_measure_get_manual_grade (measure, "R1/R3", &grade, NULL));
  g_assert_cmpint (grade, ==, SHK_GRADE_NONE);

  ids = shk_measure_dup_manual_grade_ids (measure);
  assert_strv (ids, (const char * const[]) { "R1/R3", "R2/R2", "R2/R3", NULL });
  g_clear_pointer (&ids, g_strfreev);

  /* Replacing keeps one entry. */
  shk_measure_set_manual_grade (measure, "R2/R3", SHK_GRADE_MOSTLY, "見直し");
  g_assert_true (shk_measure_get_manual_grade (measure, "R2/R3", &grade, &reason));
  g_assert_cmpint (grade, ==, SHK_GRADE_MOSTLY);
  g_assert_cmpstr (reason, ==, "見直し");

  shk_measure_clear_manual_grade (measure, "R2/R2");
  shk_measure_clear_manual_grade (measure, "R9/R9");
  g_assert_false (shk_measure_get_manual_grade (measure, "R2/R2", NULL, NULL));
  ids = shk_measure_dup_manual_grade_ids (measure);
  assert_strv (ids, (const char * const[]) { "R1/R3", "R2/R3", NULL });
}

static void
test_published_grades (void)
{
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_auto(GStrv) ids = NULL;
  ShkGrade grade = SHK_GRADE_NONE;

  g_assert_false (shk_measure_get_published_grade (measure, "R2/R3", &grade));
  shk_measure_set_published_grade (measure, "R2/R3", SHK_GRADE_ACHIEVED);
  shk_measure_set_published_grade (measure, "H30/R3", SHK_GRADE_PENDING);
  g_assert_true (shk_measure_get_published_grade (measure, "R2/R3", &grade));
  g_assert_cmpint (grade, ==, SHK_GRADE_ACHIEVED);
  ids = shk_measure_dup_published_grade_ids (measure);
  assert_strv (ids, (const char * const[]) { "H30/R3", "R2/R3", NULL });

  /* Published and manual grades are separate. */
  g_assert_false (shk_measure_get_manual_grade (measure, "R2/R3", NULL, NULL));
}

/* ------------------------------------------------------------------ */
/* Enumerations                                                       */
/* ------------------------------------------------------------------ */

static void
test_grade_symbols (void)
{
  const struct { const char *symbol; ShkGrade grade; } cases[] = {
    { "◎", SHK_GRADE_ACHIEVED },
    { "○", SHK_GRADE_MOSTLY },
    { "△", SHK_GRADE_LAGGING },
    { "－", SHK_GRADE_PENDING },
    { "-", SHK_GRADE_PENDING },   /* the handouts' tables use ASCII too */
    { "", SHK_GRADE_NONE },
  };
  const char *refused[] = { "x", "◎◎", "○ △", "A", "0", "achieved" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShkGrade grade = SHK_N_GRADES;

      g_test_message ("“%s”", cases[i].symbol);
      g_assert_true (shk_grade_from_symbol (cases[i].symbol, &grade));
      g_assert_cmpint (grade, ==, cases[i].grade);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      ShkGrade grade = SHK_GRADE_ACHIEVED;

      g_test_message ("“%s”", refused[i]);
      g_assert_false (shk_grade_from_symbol (refused[i], &grade));
    }

  /* Every grade prints as a symbol that reads back as itself, and has a
   * label and a distinct key. */
  for (ShkGrade g = SHK_GRADE_NONE; g < SHK_N_GRADES; g++)
    {
      ShkGrade back = SHK_N_GRADES;

      g_assert_true (shk_grade_from_symbol (shk_grade_to_symbol (g), &back));
      g_assert_cmpint (back, ==, g);
      g_assert_nonnull (shk_grade_get_label (g));
      for (ShkGrade h = g + 1; h < SHK_N_GRADES; h++)
        g_assert_cmpstr (shk_grade_to_key (g), !=, shk_grade_to_key (h));
    }
  g_assert_cmpstr (shk_grade_to_symbol (SHK_GRADE_NONE), ==, "");
  g_assert_cmpstr (shk_grade_to_symbol (SHK_GRADE_PENDING), ==, "－");
  g_assert_cmpstr (shk_grade_to_key (SHK_GRADE_ACHIEVED), ==, "achieved");
  g_assert_cmpstr (shk_grade_to_key (SHK_GRADE_NONE), ==, "none");
}

static void
test_enum_keys (void)
{
  g_autoptr(GEnumClass) priorities = g_type_class_ref (SHK_TYPE_PRIORITY);
  g_autoptr(GEnumClass) directions = g_type_class_ref (SHK_TYPE_DIRECTION);
  g_autoptr(GEnumClass) grades = g_type_class_ref (SHK_TYPE_GRADE);
  ShkPriority priority = SHK_PRIORITY_HIGH;
  ShkDirection direction = SHK_DIRECTION_LOWER_IS_BETTER;

  g_assert_cmpuint (priorities->n_values, ==, SHK_N_PRIORITIES);
  g_assert_cmpuint (grades->n_values, ==, SHK_N_GRADES);
  g_assert_cmpuint (directions->n_values, ==, 2);

  for (ShkPriority p = SHK_PRIORITY_UNSET; p < SHK_N_PRIORITIES; p++)
    {
      ShkPriority back = SHK_N_PRIORITIES;

      g_test_message ("priority %d “%s”", p, shk_priority_to_key (p));
      g_assert_true (shk_priority_from_key (shk_priority_to_key (p), &back));
      g_assert_cmpint (back, ==, p);
      g_assert_nonnull (shk_priority_get_label (p));
    }
  g_assert_cmpstr (shk_priority_to_key (SHK_PRIORITY_ALREADY_EFFICIENT), ==, "already_efficient");
  g_assert_cmpstr (shk_priority_to_key (SHK_PRIORITY_UNSET), ==, "");
  g_assert_false (shk_priority_from_key ("urgent", &priority));
  g_assert_false (shk_priority_from_key ("High", &priority));
  g_assert_cmpint (priority, ==, SHK_PRIORITY_HIGH);

  for (ShkDirection d = SHK_DIRECTION_HIGHER_IS_BETTER; d <= SHK_DIRECTION_LOWER_IS_BETTER; d++)
    {
      ShkDirection back = SHK_DIRECTION_HIGHER_IS_BETTER + SHK_DIRECTION_LOWER_IS_BETTER - d;

      g_test_message ("direction %d “%s”", d, shk_direction_to_key (d));
      g_assert_true (shk_direction_from_key (shk_direction_to_key (d), &back));
      g_assert_cmpint (back, ==, d);
    }
  g_assert_cmpstr (shk_direction_to_key (SHK_DIRECTION_HIGHER_IS_BETTER), !=,
                   shk_direction_to_key (SHK_DIRECTION_LOWER_IS_BETTER));
  g_assert_false (shk_direction_from_key ("sideways", &direction));
  g_assert_false (shk_direction_from_key ("", &direction));
  g_assert_cmpint (direction, ==, SHK_DIRECTION_LOWER_IS_BETTER);
}

/* ------------------------------------------------------------------ */
/* The plan's look-ups                                                */
/* ------------------------------------------------------------------ */

static void
test_plan_lookups (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkPlan) empty = shk_plan_new ();
  const guint numbers[] = { 3, 1, 12, 7 };
  guint position = G_MAXUINT;

  g_assert_null (shk_plan_get_final_year (empty));
  g_assert_cmpuint (shk_plan_get_next_measure_number (empty), ==, 1);
  g_assert_null (shk_plan_find_measure (empty, 1, &position));
  g_assert_null (shk_plan_find_fiscal_year (empty, "R2"));

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(ShkMeasure) measure = shk_measure_new (numbers[i]);

      shk_plan_append_measure (plan, measure);
    }

  /* Found by number, wherever it stands. */
  {
    ShkMeasure *measure = shk_plan_find_measure (plan, 12, &position);

    g_assert_nonnull (measure);
    g_assert_cmpuint (shk_measure_get_number (measure), ==, 12);
    g_assert_cmpuint (position, ==, 2);
    g_assert_nonnull (shk_plan_find_measure (plan, 3, NULL));
    g_assert_null (shk_plan_find_measure (plan, 4, NULL));
  }
  /* One more than the highest, not than the last nor the count. */
  g_assert_cmpuint (shk_plan_get_next_measure_number (plan), ==, 13);
  shk_measure_set_number (shk_plan_find_measure (plan, 12, NULL), 20);
  g_assert_cmpuint (shk_plan_get_next_measure_number (plan), ==, 21);
  g_assert_nonnull (shk_plan_find_measure (plan, 20, NULL));
  g_assert_null (shk_plan_find_measure (plan, 12, NULL));

  /* The final year is the last one listed. */
  g_assert_cmpstr (shk_fiscal_year_get_id (shk_plan_get_final_year (plan)), ==, "R3");
  g_assert_cmpstr (shk_fiscal_year_get_label (shk_plan_find_fiscal_year (plan, "R1")), ==, "Year R1");
  g_assert_null (shk_plan_find_fiscal_year (plan, "R4"));

  {
    g_autoptr(ShkEvaluation) evaluation = shk_evaluation_new ("R2", "R3");
    g_autoptr(ShkPolicy) policy = shk_policy_new (4, "人材育成");

    shk_plan_append_evaluation (plan, evaluation);
    shk_plan_append_policy (plan, policy);
    g_assert_true (shk_plan_find_evaluation (plan, "R2/R3") == evaluation);
    g_assert_null (shk_plan_find_evaluation (plan, "R2/R2"));
    g_assert_true (shk_plan_find_policy (plan, 4) == policy);
    g_assert_null (shk_plan_find_policy (plan, 1));
  }
}

/* ------------------------------------------------------------------ */
/* Scenarios                                                          */
/* ------------------------------------------------------------------ */

static void
test_scenario_years (void)
{
  static const char * const eight[] = { "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", NULL };
  static const char * const five[] = { "R2", "R3", "R4", "R5", "R6", NULL };
  static const char * const six[] = { "R2", "R3", "R4", "R5", "R6", "R7", NULL };
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("RPA");
  g_autoptr(ShkCostItem) license = shk_cost_item_new ("ライセンス", 8);
  g_autoptr(ShkCostItem) setup = shk_cost_item_new ("導入支援", 8);
  g_autofree char *label = NULL;

  shk_scenario_set_years (scenario, eight);
  g_assert_cmpuint (shk_scenario_get_n_years (scenario), ==, 8);
  g_assert_cmpstr (shk_scenario_get_years (scenario)[7], ==, "R9");
  g_assert_null (shk_scenario_get_years (scenario)[8]);

  for (guint i = 0; i < 8; i++)
    shk_cost_item_set_amount (license, i, 1000 * (i + 1));
  shk_cost_item_set_amount (setup, 0, 50000);
  shk_scenario_append_cost_item (scenario, license);
  shk_scenario_append_cost_item (scenario, setup);

  g_assert_cmpfloat (shk_scenario_get_cost (scenario, 0), ==, 1000 + 50000);
  g_assert_cmpfloat (shk_scenario_get_cost (scenario, 4), ==, 5000);

  /* "4年目(R5)" in Japanese; the tests run untranslated ("Year 4 (R5)"),
   * so check the parts: the ordinal counts from 1, the id is the year's. */
  label = shk_scenario_dup_year_label (scenario, 3);
  g_assert_nonnull (strchr (label, '4'));
  g_assert_true (g_str_has_suffix (label, "(R5)"));
  g_clear_pointer (&label, g_free);
  label = shk_scenario_dup_year_label (scenario, 0);
  g_assert_nonnull (strchr (label, '1'));
  g_assert_true (g_str_has_suffix (label, "(R2)"));
  g_clear_pointer (&label, g_free);

  /* Fewer years shrink every item… */
  shk_scenario_set_years (scenario, five);
  g_assert_cmpuint (shk_scenario_get_n_years (scenario), ==, 5);
  g_assert_cmpuint (shk_cost_item_get_n_years (license), ==, 5);
  g_assert_cmpuint (shk_cost_item_get_n_years (setup), ==, 5);
  g_assert_cmpfloat (shk_cost_item_get_amount (license, 4), ==, 5000);
  g_assert_cmpfloat (shk_cost_item_get_amount (license, 5), ==, 0);

  /* …and more grow them with zeros, not with the dropped amounts. */
  shk_scenario_set_years (scenario, six);
  g_assert_cmpuint (shk_cost_item_get_n_years (license), ==, 6);
  g_assert_cmpfloat (shk_cost_item_get_amount (license, 5), ==, 0);
  g_assert_cmpfloat (shk_scenario_get_cost (scenario, 5), ==, 0);
  g_assert_cmpfloat (shk_scenario_get_cost (scenario, 0), ==, 1000 + 50000);
}

static void
test_cost_item (void)
{
  g_autoptr(ShkCostItem) item = shk_cost_item_new ("費用", 3);
  g_autoptr(ShkCostItem) copy = NULL;

  g_assert_cmpuint (shk_cost_item_get_n_years (item), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (shk_cost_item_get_amount (item, i), ==, 0);
  shk_cost_item_set_amount (item, 2, 123.5);
  g_assert_cmpfloat (shk_cost_item_get_amount (item, 2), ==, 123.5);
  g_assert_cmpfloat (shk_cost_item_get_amount (item, 3), ==, 0);
  g_assert_cmpfloat (shk_cost_item_get_amount (item, 1000), ==, 0);

  copy = shk_cost_item_copy (item);
  shk_cost_item_set_amount (copy, 2, 1);
  shk_cost_item_set_n_years (copy, 1);
  g_assert_cmpfloat (shk_cost_item_get_amount (item, 2), ==, 123.5);
  g_assert_cmpuint (shk_cost_item_get_n_years (item), ==, 3);
  g_assert_cmpstr (shk_cost_item_get_name (copy), ==, "費用");

  shk_cost_item_set_n_years (item, 2);
  shk_cost_item_set_n_years (item, 3);
  g_assert_cmpfloat (shk_cost_item_get_amount (item, 2), ==, 0);
}

static ShkProcess *
add_process (ShkSurvey  *survey,
             const char *id,
             double      hours,
             double      reduction)
{
  g_autoptr(ShkProcess) process = shk_process_new (id);

  shk_process_set_hours (process, hours);
  if (reduction >= 0)
    shk_process_set_expected_reduction (process, reduction);
  shk_survey_append_process (survey, process);
  return process;
}

static void
test_scenario_hours (void)
{
  static const char * const linked[] = { "a", "b", "c", "gone", NULL };
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("AI-OCR");
  ShkSurvey *survey = shk_plan_get_survey (plan);
  ShkProcess *a, *b;
  double hours = -1, expected;

  a = add_process (survey, "a", 5000, 1200);
  b = add_process (survey, "b", 3000, 750.5);
  add_process (survey, "c", 2000, -1);         /* no estimate: counts 0 */
  add_process (survey, "d", 9000, 4000);       /* not linked */

  shk_scenario_set_process_ids (scenario, linked);
  shk_plan_append_scenario (plan, scenario);
  g_assert_cmpstr (shk_scenario_get_process_ids (scenario)[3], ==, "gone");

  /* Not entered: the sum of the linked processes' expected reductions. */
  g_assert_false (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (hours, ==, -1);
  {
    double ra = 0, rb = 0;

    g_assert_true (shk_process_get_expected_reduction (a, &ra));
    g_assert_true (shk_process_get_expected_reduction (b, &rb));
    expected = ra + rb;
  }
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, expected);
  g_assert_cmpfloat (expected, ==, 1950.5);

  /* It follows the processes. */
  shk_process_set_expected_reduction (b, 800);
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 2000);
  shk_process_unset_expected_reduction (a);
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 800);

  /* Entered hours win, even 0. */
  shk_scenario_set_hours_saved (scenario, 0);
  g_assert_true (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (hours, ==, 0);
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 0);
  shk_scenario_set_hours_saved (scenario, 3600);
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 3600);
  shk_scenario_unset_hours_saved (scenario);
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 800);

  /* No linked processes and nothing entered: nothing saved. */
  shk_scenario_set_process_ids (scenario, (const char * const[]) { NULL });
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 0);
}

static void
test_scenario_copy (void)
{
  static const char * const years[] = { "R2", "R3", "R4", NULL };
  static const char * const ids[] = { "p1", "p2", NULL };
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("原案");
  g_autoptr(ShkCostItem) item = shk_cost_item_new ("導入費", 3);
  g_autoptr(ShkScenario) copy = NULL;
  g_autoptr(ShkCostItem) copied_item = NULL;
  guint original_changes = 0;
  double hours;

  shk_scenario_set_years (scenario, years);
  shk_scenario_set_process_ids (scenario, ids);
  shk_scenario_set_description (scenario, "説明");
  shk_scenario_set_hourly_rate (scenario, 2800);
  shk_scenario_set_hours_saved (scenario, 1000);
  shk_scenario_set_savings_start (scenario, 1);
  shk_scenario_set_first_year_months (scenario, 6);
  shk_scenario_set_discount_rate (scenario, 0.01);
  shk_cost_item_set_amount (item, 0, 300000);
  shk_scenario_append_cost_item (scenario, item);

  copy = shk_scenario_copy (scenario);
  g_assert_true (copy != scenario);
  g_assert_cmpstr (shk_scenario_get_name (copy), ==, "原案");
  g_assert_cmpstr (shk_scenario_get_description (copy), ==, "説明");
  g_assert_cmpuint (shk_scenario_get_n_years (copy), ==, 3);
  g_assert_cmpstr (shk_scenario_get_years (copy)[2], ==, "R4");
  g_assert_cmpstr (shk_scenario_get_process_ids (copy)[1], ==, "p2");
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (copy), ==, 2800);
  g_assert_true (shk_scenario_get_hours_saved (copy, &hours));
  g_assert_cmpfloat (hours, ==, 1000);
  g_assert_cmpuint (shk_scenario_get_savings_start (copy), ==, 1);
  g_assert_cmpuint (shk_scenario_get_first_year_months (copy), ==, 6);
  g_assert_cmpfloat (shk_scenario_get_discount_rate (copy), ==, 0.01);
  g_assert_cmpuint (g_list_model_get_n_items (shk_scenario_get_cost_items (copy)), ==, 1);
  g_assert_cmpfloat (shk_scenario_get_cost (copy, 0), ==, 300000);

  /* The cost items are copies, not shared. */
  copied_item = g_list_model_get_item (shk_scenario_get_cost_items (copy), 0);
  g_assert_true (copied_item != item);
  g_assert_cmpstr (shk_cost_item_get_name (copied_item), ==, "導入費");

  g_signal_connect (scenario, "changed", G_CALLBACK (count), &original_changes);
  shk_cost_item_set_amount (copied_item, 0, 1);
  shk_scenario_set_name (copy, "複製");
  shk_scenario_set_hourly_rate (copy, 1);
  shk_scenario_set_years (copy, ids);
  shk_scenario_set_process_ids (copy, years);
  shk_scenario_remove_cost_item (copy, 0);
  g_assert_cmpuint (original_changes, ==, 0);

  g_assert_cmpstr (shk_scenario_get_name (scenario), ==, "原案");
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2800);
  g_assert_cmpfloat (shk_scenario_get_cost (scenario, 0), ==, 300000);
  g_assert_cmpstr (shk_scenario_get_years (scenario)[0], ==, "R2");
  g_assert_cmpstr (shk_scenario_get_process_ids (scenario)[0], ==, "p1");
  g_assert_cmpuint (g_list_model_get_n_items (shk_scenario_get_cost_items (scenario)), ==, 1);

  /* And the other way round. */
  shk_cost_item_set_amount (item, 1, 5);
  g_assert_cmpfloat (shk_cost_item_get_amount (copied_item, 1), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Survey                                                             */
/* ------------------------------------------------------------------ */

static void
test_survey_unused_id (void)
{
  g_autoptr(ShkSurvey) survey = shk_survey_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add_process (survey, "p1", 1000, -1);
  add_process (survey, "p2", 1000, -1);
  add_process (survey, "p10", 1000, -1);

  /* Each new id is unused, and adding it makes the next one differ. */
  for (guint i = 0; i < 20; i++)
    {
      char *id = shk_survey_dup_unused_process_id (survey);

      g_assert_nonnull (id);
      g_assert_cmpstr (id, !=, "");
      g_assert_null (shk_survey_find_process (survey, id));
      g_assert_false (g_hash_table_contains (seen, id));
      add_process (survey, id, 1000, -1);
      g_hash_table_add (seen, id);
    }
  g_assert_cmpuint (g_list_model_get_n_items (shk_survey_get_processes (survey)), ==, 23);
}

static void
test_survey_totals (void)
{
  g_autoptr(ShkSurvey) survey = shk_survey_new ();

  shk_survey_set_total_sections (survey, 70);
  shk_survey_set_total_businesses (survey, 600);
  shk_survey_set_total_processes (survey, 3000);
  shk_survey_set_total_hours (survey, 2500000);
  shk_survey_set_listing_threshold (survey, 1000);
  g_assert_cmpuint (shk_survey_get_total_sections (survey), ==, 70);
  g_assert_cmpuint (shk_survey_get_total_businesses (survey), ==, 600);
  g_assert_cmpuint (shk_survey_get_total_processes (survey), ==, 3000);
  g_assert_cmpfloat (shk_survey_get_total_hours (survey), ==, 2500000);
  g_assert_cmpfloat (shk_survey_get_listing_threshold (survey), ==, 1000);
}

static void
test_process_reduction (void)
{
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  double hours = -1;

  g_assert_false (shk_process_get_expected_reduction (process, &hours));
  g_assert_cmpfloat (hours, ==, -1);
  shk_process_set_expected_reduction (process, 0);
  g_assert_true (shk_process_get_expected_reduction (process, &hours));
  g_assert_cmpfloat (hours, ==, 0);
  shk_process_unset_expected_reduction (process);
  g_assert_false (shk_process_get_expected_reduction (process, NULL));
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_UNSET);
  g_assert_false (shk_process_get_demo_experiment (process));
  g_assert_false (shk_process_get_deep_dive (process));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/text-unset-is-empty", test_text_unset_is_empty);
  g_test_add_func ("/model/evaluation", test_evaluation);
  g_test_add_func ("/model/properties", test_properties);
  g_test_add_func ("/model/setters-notify", test_setters_notify);
  g_test_add_func ("/model/changed/measures", test_changed_measures);
  g_test_add_func ("/model/changed/survey", test_changed_survey);
  g_test_add_func ("/model/changed/scenarios", test_changed_scenarios);
  g_test_add_func ("/model/changed/plan", test_changed_plan_itself);
  g_test_add_func ("/model/plan/thresholds", test_thresholds_default);
  g_test_add_func ("/model/list-models", test_list_models);
  g_test_add_func ("/model/indicator/values", test_indicator_values);
  g_test_add_func ("/model/indicator/copy", test_indicator_copy);
  g_test_add_func ("/model/measure/manual-grades", test_manual_grades);
  g_test_add_func ("/model/measure/published-grades", test_published_grades);
  g_test_add_func ("/model/types/grade-symbols", test_grade_symbols);
  g_test_add_func ("/model/types/keys", test_enum_keys);
  g_test_add_func ("/model/plan/look-ups", test_plan_lookups);
  g_test_add_func ("/model/scenario/years", test_scenario_years);
  g_test_add_func ("/model/scenario/hours", test_scenario_hours);
  g_test_add_func ("/model/scenario/copy", test_scenario_copy);
  g_test_add_func ("/model/cost-item", test_cost_item);
  g_test_add_func ("/model/survey/unused-id", test_survey_unused_id);
  g_test_add_func ("/model/survey/totals", test_survey_totals);
  g_test_add_func ("/model/process/reduction", test_process_reduction);

  return g_test_run ();
}
