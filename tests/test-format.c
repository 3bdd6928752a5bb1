/* test-format.c — reading and writing plan documents
 *
 * tests/files/small-plan.json is written exactly as Shinchoku writes it,
 * with unknown members at every level, so a load and save must give it
 * back byte for byte. The bad inputs are made from it by changing one
 * value, so that each case shows the message for exactly one problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shk-format.h"
#include "shk-json-check.h"

/* Helpers ------------------------------------------------------------ */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static ShkPlan *
load_fixture (void)
{
  gsize length;
  g_autofree char *data = read_fixture ("small-plan.json", &length);
  g_autoptr(GError) error = NULL;
  ShkPlan *plan = shk_format_load_data (data, (gssize) length, "small-plan.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-format-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_dir_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Model comparison ---------------------------------------------------- */

static void
assert_same_strv (const char * const *a,
                  const char * const *b)
{
  guint n = a != NULL ? g_strv_length ((char **) a) : 0;

  g_assert_cmpuint (n, ==, b != NULL ? g_strv_length ((char **) b) : 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_same_indicator (ShkIndicator *a,
                       ShkIndicator *b)
{
  g_auto(GStrv) years_a = shk_indicator_dup_year_ids (a);
  g_auto(GStrv) years_b = shk_indicator_dup_year_ids (b);

  g_assert_cmpstr (shk_indicator_get_label (a), ==, shk_indicator_get_label (b));
  g_assert_cmpstr (shk_indicator_get_unit (a), ==, shk_indicator_get_unit (b));
  g_assert_cmpstr (shk_indicator_get_note (a), ==, shk_indicator_get_note (b));
  g_assert_cmpint (shk_indicator_get_direction (a), ==, shk_indicator_get_direction (b));
  assert_same_strv ((const char * const *) years_a, (const char * const *) years_b);

  for (guint i = 0; years_a[i] != NULL; i++)
    {
      double va = 0, vb = 0;
      gboolean has_a, has_b;

      has_a = shk_indicator_get_target (a, years_a[i], &va);
      has_b = shk_indicator_get_target (b, years_a[i], &vb);
      g_assert_cmpint (has_a, ==, has_b);
      if (has_a)
        g_assert_cmpfloat (va, ==, vb);

      has_a = shk_indicator_get_actual (a, years_a[i], &va);
      has_b = shk_indicator_get_actual (b, years_a[i], &vb);
      g_assert_cmpint (has_a, ==, has_b);
      if (has_a)
        g_assert_cmpfloat (va, ==, vb);

      g_assert_cmpstr (shk_indicator_get_printed_rate (a, years_a[i]), ==,
                       shk_indicator_get_printed_rate (b, years_a[i]));
    }
}

static void
assert_same_measure (ShkMeasure *a,
                     ShkMeasure *b)
{
  GListModel *indicators_a = shk_measure_get_indicators (a);
  GListModel *indicators_b = shk_measure_get_indicators (b);
  g_auto(GStrv) manual_a = shk_measure_dup_manual_grade_ids (a);
  g_auto(GStrv) manual_b = shk_measure_dup_manual_grade_ids (b);
  g_auto(GStrv) published_a = shk_measure_dup_published_grade_ids (a);
  g_auto(GStrv) published_b = shk_measure_dup_published_grade_ids (b);

  g_assert_cmpuint (shk_measure_get_number (a), ==, shk_measure_get_number (b));
  g_assert_cmpuint (shk_measure_get_policy_number (a), ==, shk_measure_get_policy_number (b));
  g_assert_cmpuint (shk_measure_get_index_in_policy (a), ==, shk_measure_get_index_in_policy (b));
  g_assert_cmpstr (shk_measure_get_name (a), ==, shk_measure_get_name (b));
  g_assert_cmpstr (shk_measure_get_purpose (a), ==, shk_measure_get_purpose (b));
  g_assert_cmpstr (shk_measure_get_bureau (a), ==, shk_measure_get_bureau (b));
  g_assert_cmpstr (shk_measure_get_section (a), ==, shk_measure_get_section (b));
  g_assert_cmpstr (shk_measure_get_actions (a), ==, shk_measure_get_actions (b));
  g_assert_cmpstr (shk_measure_get_next_year_plan (a), ==, shk_measure_get_next_year_plan (b));
  g_assert_cmpstr (shk_measure_get_expected_effect (a), ==, shk_measure_get_expected_effect (b));
  g_assert_cmpstr (shk_measure_get_notes (a), ==, shk_measure_get_notes (b));
  g_assert_cmpint (shk_measure_get_for_citizens (a), ==, shk_measure_get_for_citizens (b));
  g_assert_cmpint (shk_measure_get_for_internal (a), ==, shk_measure_get_for_internal (b));
  g_assert_cmpstr (shk_measure_get_year_added (a), ==, shk_measure_get_year_added (b));
  g_assert_cmpint (shk_measure_get_counted (a), ==, shk_measure_get_counted (b));
  g_assert_cmpstr (shk_measure_get_published_rate (a), ==, shk_measure_get_published_rate (b));
  g_assert_cmpstr (shk_measure_get_published_status (a), ==, shk_measure_get_published_status (b));

  assert_same_strv ((const char * const *) manual_a, (const char * const *) manual_b);
  for (guint i = 0; manual_a[i] != NULL; i++)
    {
      ShkGrade grade_a, grade_b;
      const char *reason_a = NULL, *reason_b = NULL;

      g_assert_true (shk_measure_get_manual_grade (a, manual_a[i], &grade_a, &reason_a));
      g_assert_true (shk_measure_get_manual_grade (b, manual_a[i], &grade_b, &reason_b));
      g_assert_cmpint (grade_a, ==, grade_b);
      g_assert_cmpstr (reason_a, ==, reason_b);
    }

  assert_same_strv ((const char * const *) published_a, (const char * const *) published_b);
  for (guint i = 0; published_a[i] != NULL; i++)
    {
      ShkGrade grade_a, grade_b;

      g_assert_true (shk_measure_get_published_grade (a, published_a[i], &grade_a));
      g_assert_true (shk_measure_get_published_grade (b, published_a[i], &grade_b));
      g_assert_cmpint (grade_a, ==, grade_b);
    }

  g_assert_cmpuint (g_list_model_get_n_items (indicators_a), ==,
                    g_list_model_get_n_items (indicators_b));
  for (guint i = 0; i < g_list_model_get_n_items (indicators_a); i++)
    assert_same_indicator (shk_measure_get_indicator (a, i), shk_measure_get_indicator (b, i));
}

static void
assert_same_process (ShkProcess *a,
                     ShkProcess *b)
{
  double ra = 0, rb = 0;
  gboolean has_a, has_b;

  g_assert_cmpstr (shk_process_get_id (a), ==, shk_process_get_id (b));
  g_assert_cmpfloat (shk_process_get_hours (a), ==, shk_process_get_hours (b));
  g_assert_cmpstr (shk_process_get_name (a), ==, shk_process_get_name (b));
  g_assert_cmpstr (shk_process_get_business (a), ==, shk_process_get_business (b));
  g_assert_cmpstr (shk_process_get_section (a), ==, shk_process_get_section (b));
  g_assert_cmpstr (shk_process_get_unit (a), ==, shk_process_get_unit (b));
  g_assert_cmpint (shk_process_get_priority (a), ==, shk_process_get_priority (b));
  g_assert_cmpstr (shk_process_get_category (a), ==, shk_process_get_category (b));
  g_assert_cmpstr (shk_process_get_printed_category (a), ==, shk_process_get_printed_category (b));
  g_assert_cmpstr (shk_process_get_solution (a), ==, shk_process_get_solution (b));
  has_a = shk_process_get_expected_reduction (a, &ra);
  has_b = shk_process_get_expected_reduction (b, &rb);
  g_assert_cmpint (has_a, ==, has_b);
  if (has_a)
    g_assert_cmpfloat (ra, ==, rb);
  g_assert_cmpstr (shk_process_get_qualitative_effect (a), ==, shk_process_get_qualitative_effect (b));
  g_assert_cmpstr (shk_process_get_policy (a), ==, shk_process_get_policy (b));
  g_assert_cmpstr (shk_process_get_efficiency_measure (a), ==, shk_process_get_efficiency_measure (b));
  g_assert_cmpstr (shk_process_get_notes (a), ==, shk_process_get_notes (b));
  g_assert_cmpint (shk_process_get_demo_experiment (a), ==, shk_process_get_demo_experiment (b));
  g_assert_cmpint (shk_process_get_deep_dive (a), ==, shk_process_get_deep_dive (b));
}

static void
assert_same_scenario (ShkScenario *a,
                      ShkScenario *b)
{
  GListModel *items_a = shk_scenario_get_cost_items (a);
  GListModel *items_b = shk_scenario_get_cost_items (b);
  double ha = 0, hb = 0;
  gboolean has_a, has_b;

  g_assert_cmpstr (shk_scenario_get_name (a), ==, shk_scenario_get_name (b));
  g_assert_cmpstr (shk_scenario_get_description (a), ==, shk_scenario_get_description (b));
  assert_same_strv (shk_scenario_get_years (a), shk_scenario_get_years (b));
  assert_same_strv (shk_scenario_get_process_ids (a), shk_scenario_get_process_ids (b));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (a), ==, shk_scenario_get_hourly_rate (b));
  has_a = shk_scenario_get_hours_saved (a, &ha);
  has_b = shk_scenario_get_hours_saved (b, &hb);
  g_assert_cmpint (has_a, ==, has_b);
  if (has_a)
    g_assert_cmpfloat (ha, ==, hb);
  g_assert_cmpuint (shk_scenario_get_savings_start (a), ==, shk_scenario_get_savings_start (b));
  g_assert_cmpuint (shk_scenario_get_first_year_months (a), ==,
                    shk_scenario_get_first_year_months (b));
  g_assert_cmpfloat (shk_scenario_get_discount_rate (a), ==, shk_scenario_get_discount_rate (b));

  g_assert_cmpuint (g_list_model_get_n_items (items_a), ==, g_list_model_get_n_items (items_b));
  for (guint i = 0; i < g_list_model_get_n_items (items_a); i++)
    {
      g_autoptr(ShkCostItem) ia = g_list_model_get_item (items_a, i);
      g_autoptr(ShkCostItem) ib = g_list_model_get_item (items_b, i);

      g_assert_cmpstr (shk_cost_item_get_name (ia), ==, shk_cost_item_get_name (ib));
      g_assert_cmpuint (shk_cost_item_get_n_years (ia), ==, shk_cost_item_get_n_years (ib));
      for (guint y = 0; y < shk_cost_item_get_n_years (ia); y++)
        g_assert_cmpfloat (shk_cost_item_get_amount (ia, y), ==, shk_cost_item_get_amount (ib, y));
    }
}

static void
assert_same_plan (ShkPlan *a,
                  ShkPlan *b)
{
  GListModel *list_a, *list_b;
  ShkSurvey *survey_a = shk_plan_get_survey (a);
  ShkSurvey *survey_b = shk_plan_get_survey (b);

  g_assert_cmpstr (shk_plan_get_title (a), ==, shk_plan_get_title (b));
  g_assert_cmpstr (shk_plan_get_organisation (a), ==, shk_plan_get_organisation (b));
  g_assert_cmpstr (shk_plan_get_reporting_year (a), ==, shk_plan_get_reporting_year (b));
  g_assert_cmpfloat (shk_plan_get_achieved_threshold (a), ==, shk_plan_get_achieved_threshold (b));
  g_assert_cmpfloat (shk_plan_get_mostly_threshold (a), ==, shk_plan_get_mostly_threshold (b));

  list_a = shk_plan_get_fiscal_years (a);
  list_b = shk_plan_get_fiscal_years (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ShkFiscalYear) ya = g_list_model_get_item (list_a, i);
      g_autoptr(ShkFiscalYear) yb = g_list_model_get_item (list_b, i);

      g_assert_cmpstr (shk_fiscal_year_get_id (ya), ==, shk_fiscal_year_get_id (yb));
      g_assert_cmpstr (shk_fiscal_year_get_label (ya), ==, shk_fiscal_year_get_label (yb));
    }

  list_a = shk_plan_get_evaluations (a);
  list_b = shk_plan_get_evaluations (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ShkEvaluation) ea = g_list_model_get_item (list_a, i);
      g_autoptr(ShkEvaluation) eb = g_list_model_get_item (list_b, i);

      g_assert_cmpstr (shk_evaluation_get_id (ea), ==, shk_evaluation_get_id (eb));
      g_assert_cmpstr (shk_evaluation_get_actual_year (ea), ==, shk_evaluation_get_actual_year (eb));
      g_assert_cmpstr (shk_evaluation_get_target_year (ea), ==, shk_evaluation_get_target_year (eb));
      g_assert_cmpstr (shk_evaluation_get_label (ea), ==, shk_evaluation_get_label (eb));
    }

  list_a = shk_plan_get_policies (a);
  list_b = shk_plan_get_policies (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ShkPolicy) pa = g_list_model_get_item (list_a, i);
      g_autoptr(ShkPolicy) pb = g_list_model_get_item (list_b, i);

      g_assert_cmpuint (shk_policy_get_number (pa), ==, shk_policy_get_number (pb));
      g_assert_cmpstr (shk_policy_get_name (pa), ==, shk_policy_get_name (pb));
    }

  list_a = shk_plan_get_measures (a);
  list_b = shk_plan_get_measures (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ShkMeasure) ma = g_list_model_get_item (list_a, i);
      g_autoptr(ShkMeasure) mb = g_list_model_get_item (list_b, i);

      assert_same_measure (ma, mb);
    }

  g_assert_cmpstr (shk_survey_get_title (survey_a), ==, shk_survey_get_title (survey_b));
  g_assert_cmpuint (shk_survey_get_total_sections (survey_a), ==,
                    shk_survey_get_total_sections (survey_b));
  g_assert_cmpuint (shk_survey_get_total_businesses (survey_a), ==,
                    shk_survey_get_total_businesses (survey_b));
  g_assert_cmpuint (shk_survey_get_total_processes (survey_a), ==,
                    shk_survey_get_total_processes (survey_b));
  g_assert_cmpfloat (shk_survey_get_total_hours (survey_a), ==, shk_survey_get_total_hours (survey_b));
  g_assert_cmpfloat (shk_survey_get_listing_threshold (survey_a), ==,
                     shk_survey_get_listing_threshold (survey_b));
  list_a = shk_survey_get_processes (survey_a);
  list_b = shk_survey_get_processes (survey_b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ShkProcess) pa = g_list_model_get_item (list_a, i);
      g_autoptr(ShkProcess) pb = g_list_model_get_item (list_b, i);

      assert_same_process (pa, pb);
    }

  list_a = shk_plan_get_scenarios (a);
  list_b = shk_plan_get_scenarios (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ShkScenario) sa = g_list_model_get_item (list_a, i);
      g_autoptr(ShkScenario) sb = g_list_model_get_item (list_b, i);

      assert_same_scenario (sa, sb);
    }
}

/* Reading the fixture ------------------------------------------------- */

static void
test_load_fixture (void)
{
  g_autoptr(ShkPlan) plan = load_fixture ();
  ShkMeasure *first, *added, *empty;
  ShkIndicator *visits, *devices;
  ShkEvaluation *evaluation;
  ShkSurvey *survey;
  g_autoptr(ShkProcess) process = NULL;
  g_autoptr(ShkScenario) scenario = NULL;
  g_autoptr(ShkCostItem) item = NULL;
  const char *reason = NULL;
  ShkGrade grade;
  double value;

  g_assert_cmpstr (shk_plan_get_title (plan), ==, "第四次テスト市地域情報化計画");
  g_assert_cmpstr (shk_plan_get_organisation (plan), ==, "テスト市");
  g_assert_cmpstr (shk_plan_get_reporting_year (plan), ==, "R2");
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_fiscal_years (plan)), ==, 4);
  g_assert_cmpstr (shk_fiscal_year_get_label (shk_plan_find_fiscal_year (plan, "R1")), ==,
                   "令和元年度");
  g_assert_cmpstr (shk_fiscal_year_get_id (shk_plan_get_final_year (plan)), ==, "R3");
  g_assert_cmpfloat (shk_plan_get_achieved_threshold (plan), ==, 90);
  g_assert_cmpfloat (shk_plan_get_mostly_threshold (plan), ==, 72.5);

  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_evaluations (plan)), ==, 3);
  evaluation = shk_plan_find_evaluation (plan, "H30/R3");
  g_assert_nonnull (evaluation);
  g_assert_cmpstr (shk_evaluation_get_actual_year (evaluation), ==, "H30");
  g_assert_cmpstr (shk_evaluation_get_target_year (evaluation), ==, "R3");
  g_assert_false (shk_evaluation_is_progress (evaluation));
  g_assert_true (shk_evaluation_is_progress (shk_plan_find_evaluation (plan, "R2/R2")));
  g_assert_cmpstr (shk_evaluation_get_label (shk_plan_find_evaluation (plan, "R2/R3")), ==,
                   "達成状況");

  g_assert_cmpstr (shk_policy_get_name (shk_plan_find_policy (plan, 2)), ==,
                   "情報セキュリティ対策の推進");

  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_measures (plan)), ==, 3);
  first = shk_plan_find_measure (plan, 1, NULL);
  g_assert_nonnull (first);
  g_assert_cmpuint (shk_measure_get_policy_number (first), ==, 1);
  g_assert_cmpstr (shk_measure_get_purpose (first), ==,
                   "誰にとっても使いやすい\n「ホームページ」とする");
  g_assert_true (shk_measure_get_for_citizens (first));
  g_assert_false (shk_measure_get_for_internal (first));
  g_assert_cmpstr (shk_measure_get_section (first), ==, "広報課");
  g_assert_true (shk_measure_get_counted (first));
  g_assert_cmpstr (shk_measure_get_published_rate (first), ==, "110.1%");
  g_assert_cmpstr (shk_measure_get_published_status (first), ==, "◎");
  g_assert_true (shk_measure_get_published_grade (first, "H30/R3", &grade));
  g_assert_cmpint (grade, ==, SHK_GRADE_MOSTLY);
  g_assert_false (shk_measure_get_published_grade (first, "R1/R3", &grade));
  g_assert_true (shk_measure_get_manual_grade (first, "H30/R3", &grade, &reason));
  g_assert_cmpint (grade, ==, SHK_GRADE_MOSTLY);
  g_assert_cmpstr (reason, ==, "公表値は○（計算値は◎）");
  g_assert_false (shk_measure_get_manual_grade (first, "R2/R2", &grade, NULL));

  visits = shk_measure_get_indicator (first, 0);
  g_assert_cmpstr (shk_indicator_get_label (visits), ==, "トップページへのアクセス数");
  g_assert_cmpint (shk_indicator_get_direction (visits), ==, SHK_DIRECTION_HIGHER_IS_BETTER);
  g_assert_true (shk_indicator_get_target (visits, "R3", &value));
  g_assert_cmpfloat (value, ==, 3400000);
  g_assert_true (shk_indicator_get_target (visits, "R4", &value));  /* not a plan year: kept */
  g_assert_cmpfloat (value, ==, 3500000);
  g_assert_true (shk_indicator_get_actual (visits, "R1", &value));
  g_assert_cmpfloat (value, ==, 2877815.5);
  g_assert_false (shk_indicator_get_actual (visits, "R3", &value));
  g_assert_cmpstr (shk_indicator_get_printed_rate (visits, "R2"), ==, "112.4%");
  g_assert_cmpstr (shk_indicator_get_note (shk_measure_get_indicator (first, 1)), ==,
                   "アンケート \"Q3\" による\\集計");

  added = shk_plan_find_measure (plan, 7, NULL);
  g_assert_nonnull (added);
  g_assert_cmpstr (shk_measure_get_year_added (added), ==, "R3");
  g_assert_false (shk_measure_get_counted (added));
  g_assert_true (shk_measure_get_manual_grade (added, "H30/R3", &grade, &reason));
  g_assert_cmpint (grade, ==, SHK_GRADE_NONE);
  g_assert_cmpstr (reason, ==, "評価対象外");
  g_assert_true (shk_measure_get_manual_grade (added, "R2/R2", &grade, &reason));
  g_assert_cmpint (grade, ==, SHK_GRADE_PENDING);
  devices = shk_measure_get_indicator (added, 0);
  g_assert_cmpint (shk_indicator_get_direction (devices), ==, SHK_DIRECTION_LOWER_IS_BETTER);
  g_assert_true (shk_indicator_get_actual (devices, "R2", &value));
  g_assert_cmpfloat (value, ==, 1.11);

  empty = shk_plan_find_measure (plan, 3, NULL);
  g_assert_nonnull (empty);
  g_assert_cmpuint (shk_measure_get_policy_number (empty), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shk_measure_get_indicators (empty)), ==, 0);

  survey = shk_plan_get_survey (plan);
  g_assert_cmpuint (shk_survey_get_total_processes (survey), ==, 497);
  g_assert_cmpuint (shk_survey_get_total_sections (survey), ==, 93);
  g_assert_cmpfloat (shk_survey_get_total_hours (survey), ==, 256400);
  g_assert_cmpfloat (shk_survey_get_listing_threshold (survey), ==, 1000);
  process = g_list_model_get_item (shk_survey_get_processes (survey), 0);
  g_assert_cmpstr (shk_process_get_id (process), ==, "p18");
  g_assert_cmpstr (shk_process_get_name (process), ==, "処理対象のエラーの更新");
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_HIGH);
  g_assert_true (shk_process_get_expected_reduction (process, &value));
  g_assert_cmpfloat (value, ==, 2186);
  g_assert_true (shk_process_get_demo_experiment (process));
  g_clear_object (&process);
  process = g_list_model_get_item (shk_survey_get_processes (survey), 1);
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1250.5);
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_UNSET);
  g_assert_false (shk_process_get_expected_reduction (process, &value));
  g_assert_cmpstr (shk_process_get_category (process), ==, "");

  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_scenarios (plan)), ==, 2);
  scenario = g_list_model_get_item (shk_plan_get_scenarios (plan), 0);
  g_assert_cmpuint (shk_scenario_get_n_years (scenario), ==, 8);
  g_assert_cmpstr (shk_scenario_get_years (scenario)[7], ==, "R9");
  g_assert_cmpuint (shk_scenario_get_savings_start (scenario), ==, 1);
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 8);
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2566);
  g_assert_cmpfloat (shk_scenario_get_discount_rate (scenario), ==, 0.02);
  g_assert_false (shk_scenario_get_hours_saved (scenario, &value));
  g_assert_cmpstr (shk_scenario_get_process_ids (scenario)[1], ==, "p99");
  item = g_list_model_get_item (shk_scenario_get_cost_items (scenario), 1);
  g_assert_cmpfloat (shk_cost_item_get_amount (item, 7), ==, 2750000.5);
  g_assert_cmpfloat (shk_scenario_get_cost (scenario, 1), ==, 3297800 + 2750000);
  g_clear_object (&scenario);
  scenario = g_list_model_get_item (shk_plan_get_scenarios (plan), 1);
  g_assert_true (shk_scenario_get_hours_saved (scenario, &value));
  g_assert_cmpfloat (value, ==, 100);
}

/* Writing --------------------------------------------------------------- */

/* The fixture is in the written form: load and save give it back, and a
 * second round gives the same model and the same bytes. */
static void
test_round_trip (void)
{
  gsize fixture_length, length, again_length;
  g_autofree char *fixture = read_fixture ("small-plan.json", &fixture_length);
  g_autoptr(ShkPlan) plan = load_fixture ();
  g_autoptr(ShkPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = shk_format_to_data (plan, &length);
  g_autofree char *again = NULL;

  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_cmpstr (data, ==, fixture);

  reloaded = shk_format_load_data (data, (gssize) length, "saved.json", &error);
  g_assert_no_error (error);
  assert_same_plan (plan, reloaded);

  again = shk_format_to_data (reloaded, &again_length);
  g_assert_cmpuint (again_length, ==, length);
  g_assert_cmpstr (again, ==, data);
}

static JsonNode *
parse_json (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Member names of @object, in order, joined by spaces. */
static char *
member_names (JsonObject *object)
{
  GString *names = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (names->len > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, name);
    }
  return g_string_free (names, FALSE);
}

/* Unknown members come back at their level, after the known ones, even
 * when the file is not in the written form (compact, other order). */
static void
test_unknown_members_kept (void)
{
  const char *input =
    "{\"x-first\": {\"deep\": [1, {\"a\": null}]}, \"version\": 1, \"format\": \"shinchoku-plan\","
    " \"fiscal_years\": [{\"id\": \"R2\", \"x-y\": 1}],"
    " \"measures\": [{\"x-m\": \"m\", \"number\": 1, \"name\": \"n\","
    "   \"indicators\": [{\"label\": \"i\", \"x-i\": [\"a\", \"b\"], \"target\": {\"R2\": 5}}],"
    "   \"manual_grades\": {\"R2/R2\": {\"x-g\": 2, \"grade\": \"△\"}},"
    "   \"audience\": {\"x-a\": false, \"citizens\": true}, \"published\": {\"x-p\": 1}}],"
    " \"evaluations\": [{\"actual_year\": \"R2\", \"target_year\": \"R2\"}],"
    " \"survey\": {\"x-s\": 1, \"work_processes\": [{\"x-w\": 3.25, \"id\": \"a\", \"hours\": 1}]},"
    " \"scenarios\": [{\"x-sc\": {}, \"name\": \"s\", \"years\": [\"R2\"], \"hourly_rate\": 1,"
    "   \"cost_items\": [{\"x-c\": [], \"name\": \"c\", \"amounts\": [5]}]}],"
    " \"x-last\": \"z\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (input, -1, "unknown.json", &error);
  g_autofree char *data = NULL;
  g_autofree char *names = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *top, *object;

  g_assert_no_error (error);
  data = shk_format_to_data (plan, NULL);
  root = parse_json (data);
  top = json_node_get_object (root);

  names = member_names (top);
  g_assert_cmpstr (names, ==,
                   "format version title organisation reporting_year fiscal_years "
                   "evaluations grade_thresholds policies measures survey scenarios "
                   "x-first x-last");
  g_assert_nonnull (strstr (data, "  \"x-first\": {\n    \"deep\": [\n      1,\n      {\n"
                                  "        \"a\": null\n      }\n    ]\n  },\n"));

  object = json_array_get_object_element (json_object_get_array_member (top, "fiscal_years"), 0);
  g_assert_cmpint (json_object_get_int_member (object, "x-y"), ==, 1);

  object = json_array_get_object_element (json_object_get_array_member (top, "measures"), 0);
  g_clear_pointer (&names, g_free);
  names = member_names (object);
  g_assert_true (g_str_has_suffix (names, "published notes x-m"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (object, "audience"),
                                                  "x-a"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "published"),
                                               "x-p"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (json_object_get_object_member (object, "manual_grades"),
                                                    "R2/R2"), "x-g"), ==, 2);
  g_assert_nonnull (strstr (data, "\"x-i\": [\"a\", \"b\"]"));

  object = json_object_get_object_member (top, "survey");
  g_assert_cmpint (json_object_get_int_member (object, "x-s"), ==, 1);
  object = json_array_get_object_element (json_object_get_array_member (object, "work_processes"), 0);
  g_assert_cmpfloat (json_object_get_double_member (object, "x-w"), ==, 3.25);

  object = json_array_get_object_element (json_object_get_array_member (top, "scenarios"), 0);
  g_assert_true (json_object_has_member (object, "x-sc"));
  object = json_array_get_object_element (json_object_get_array_member (object, "cost_items"), 0);
  g_assert_true (json_object_has_member (object, "x-c"));

  /* Model copies keep them too, when the copy asks for them. */
  {
    ShkMeasure *measure = shk_plan_find_measure (plan, 1, NULL);
    g_autoptr(ShkIndicator) copy = shk_indicator_copy (shk_measure_get_indicator (measure, 0));
    g_autoptr(ShkPlan) other = shk_plan_new ();
    g_autoptr(ShkMeasure) holder = shk_measure_new (1);
    g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new ("R2", NULL);
    g_autofree char *other_data = NULL;

    shk_format_copy_unknown (shk_measure_get_indicator (measure, 0), copy);
    shk_plan_append_fiscal_year (other, year);
    shk_measure_append_indicator (holder, copy);
    shk_plan_append_measure (other, holder);
    other_data = shk_format_to_data (other, NULL);
    g_assert_nonnull (strstr (other_data, "\"x-i\": [\"a\", \"b\"]"));
  }
}

static void
test_utf8_and_numbers (void)
{
  g_autoptr(ShkPlan) plan = load_fixture ();
  g_autofree char *data = NULL;
  ShkMeasure *measure = shk_plan_find_measure (plan, 3, NULL);
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();

  /* Values the staff may type. */
  shk_indicator_set_label (indicator, "制御文字\x01と\tタブ");
  shk_indicator_set_target (indicator, "R1", 2e6);
  shk_indicator_set_target (indicator, "R2", 1000000.0);
  shk_indicator_set_target (indicator, "R3", -0.0);
  shk_indicator_set_actual (indicator, "R1", 0.1 + 0.2);
  shk_indicator_set_actual (indicator, "R2", 1e-7);
  shk_indicator_set_actual (indicator, "R3", -12.75);
  shk_measure_append_indicator (measure, indicator);

  data = shk_format_to_data (plan, NULL);
  g_assert_true (g_utf8_validate (data, -1, NULL));
  g_assert_nonnull (strstr (data, "\"title\": \"第四次テスト市地域情報化計画\""));
  g_assert_nonnull (strstr (data, "\"grade\": \"◎\""));
  /* Only the control character is escaped. */
  g_assert_nonnull (strstr (data, "\"label\": \"制御文字\\u0001と\\tタブ\""));
  g_assert_null (strstr (data, "\\u30"));

  g_assert_nonnull (strstr (data, "\"R1\": 2000000,"));
  g_assert_nonnull (strstr (data, "\"R2\": 1000000,"));
  g_assert_nonnull (strstr (data, "\"R3\": 0\n"));
  g_assert_nonnull (strstr (data, "\"R1\": 0.30000000000000004,"));
  g_assert_nonnull (strstr (data, "\"R2\": 1e-07,"));
  g_assert_nonnull (strstr (data, "\"R3\": -12.75\n"));
  g_assert_nonnull (strstr (data, "\"discount_rate\": 0.02,"));
  g_assert_null (strstr (data, ".0,"));
  g_assert_null (strstr (data, ".0\n"));
  g_assert_null (strstr (data, "e+"));

  /* The fixture itself has no escapes but \n, \" and \\. */
  {
    g_autoptr(ShkPlan) fixture_plan = load_fixture ();
    g_autofree char *fixture_data = shk_format_to_data (fixture_plan, NULL);

    g_assert_null (strstr (fixture_data, "\\u"));
  }
}

/* Every field of every model class, set in code rather than read from a
 * file, survives a save and a load. */
static void
test_model_round_trip (void)
{
  g_autoptr(ShkPlan) plan = shk_plan_new ();
  g_autoptr(ShkPlan) loaded = NULL;
  g_autoptr(ShkMeasure) measure = shk_measure_new (12);
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  g_autoptr(ShkProcess) process = shk_process_new ("proc-1");
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("想定");
  g_autoptr(ShkCostItem) item = NULL;
  g_autoptr(ShkEvaluation) evaluation = shk_evaluation_new ("R1", "R2");
  g_autoptr(ShkFiscalYear) r1 = shk_fiscal_year_new ("R1", "令和元年度");
  g_autoptr(ShkFiscalYear) r2 = shk_fiscal_year_new ("R2", "令和2年度");
  g_autoptr(ShkPolicy) policy = shk_policy_new (4, "施策");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  const char * const years[] = { "R1", "R2", "R3", NULL };
  const char * const ids[] = { "proc-1", NULL };
  ShkSurvey *survey = shk_plan_get_survey (plan);
  gsize length;

  shk_plan_set_title (plan, "計画");
  shk_plan_set_organisation (plan, "市");
  shk_plan_append_fiscal_year (plan, r1);
  shk_plan_append_fiscal_year (plan, r2);
  shk_plan_set_reporting_year (plan, "R1");
  shk_evaluation_set_label (evaluation, "達成");
  shk_plan_append_evaluation (plan, evaluation);
  shk_plan_set_thresholds (plan, 95.5, 60);
  shk_plan_append_policy (plan, policy);

  shk_measure_set_policy_number (measure, 4);
  shk_measure_set_index_in_policy (measure, 2);
  shk_measure_set_name (measure, "名前");
  shk_measure_set_purpose (measure, "目的");
  shk_measure_set_bureau (measure, "局");
  shk_measure_set_section (measure, "課");
  shk_measure_set_actions (measure, "取組");
  shk_measure_set_next_year_plan (measure, "計画");
  shk_measure_set_expected_effect (measure, "効果");
  shk_measure_set_notes (measure, "備考");
  shk_measure_set_for_citizens (measure, TRUE);
  shk_measure_set_for_internal (measure, TRUE);
  shk_measure_set_year_added (measure, "R2");
  shk_measure_set_counted (measure, FALSE);
  shk_measure_set_published_rate (measure, "95.0%");
  shk_measure_set_published_status (measure, "○");
  shk_measure_set_published_grade (measure, "R1/R2", SHK_GRADE_LAGGING);
  shk_measure_set_manual_grade (measure, "R1/R2", SHK_GRADE_ACHIEVED, "理由");
  shk_measure_set_manual_grade (measure, "R2/R2", SHK_GRADE_PENDING, NULL);
  shk_indicator_set_label (indicator, "指標");
  shk_indicator_set_unit (indicator, "kVA");
  shk_indicator_set_note (indicator, "注");
  shk_indicator_set_direction (indicator, SHK_DIRECTION_LOWER_IS_BETTER);
  shk_indicator_set_target (indicator, "R1", 120);
  shk_indicator_set_actual (indicator, "R1", 150.25);
  shk_indicator_set_printed_rate (indicator, "R1", "80.0%");
  shk_indicator_set_target (indicator, "R9", 1);
  shk_measure_append_indicator (measure, indicator);
  shk_plan_append_measure (plan, measure);

  shk_survey_set_title (survey, "調査");
  shk_survey_set_total_sections (survey, 3);
  shk_survey_set_total_businesses (survey, 4);
  shk_survey_set_total_processes (survey, 5);
  shk_survey_set_total_hours (survey, 6000.5);
  shk_survey_set_listing_threshold (survey, 1000);
  shk_process_set_hours (process, 1234.5);
  shk_process_set_name (process, "処理");
  shk_process_set_business (process, "業務");
  shk_process_set_section (process, "課");
  shk_process_set_unit (process, "係");
  shk_process_set_priority (process, SHK_PRIORITY_ALREADY_EFFICIENT);
  shk_process_set_category (process, "その他");
  shk_process_set_printed_category (process, "自動判断");
  shk_process_set_solution (process, "OCR");
  shk_process_set_expected_reduction (process, 100);
  shk_process_set_qualitative_effect (process, "効果");
  shk_process_set_policy (process, "方針");
  shk_process_set_efficiency_measure (process, "効率化");
  shk_process_set_notes (process, "メモ");
  shk_process_set_demo_experiment (process, TRUE);
  shk_process_set_deep_dive (process, TRUE);
  shk_survey_append_process (survey, process);

  shk_scenario_set_description (scenario, "説明");
  shk_scenario_set_years (scenario, years);
  shk_scenario_set_process_ids (scenario, ids);
  shk_scenario_set_hourly_rate (scenario, 2566);
  shk_scenario_set_hours_saved (scenario, 2186.5);
  shk_scenario_set_savings_start (scenario, 2);
  shk_scenario_set_first_year_months (scenario, 0);
  shk_scenario_set_discount_rate (scenario, 0.035);
  item = shk_cost_item_new ("費用", 3);
  shk_cost_item_set_amount (item, 0, 100);
  shk_cost_item_set_amount (item, 2, -50.5);
  shk_scenario_append_cost_item (scenario, item);
  shk_plan_append_scenario (plan, scenario);

  data = shk_format_to_data (plan, &length);
  loaded = shk_format_load_data (data, (gssize) length, "model.json", &error);
  g_assert_no_error (error);
  assert_same_plan (plan, loaded);
  again = shk_format_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, data);
}

/* Bad input -------------------------------------------------------------- */

/* Follows a path such as "measures[0].indicators[1].target" from @root and
 * returns the object holding the last key, and that key. */
static JsonNode *
follow_path (JsonNode    *root,
             const char  *path,
             char       **last_key,
             gint        *last_index)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;
  guint n = g_strv_length (parts);

  *last_key = NULL;
  *last_index = -1;
  for (guint i = 0; i < n; i++)
    {
      char *bracket = strchr (parts[i], '[');
      g_autofree char *key = g_strndup (parts[i], bracket != NULL ? (gsize) (bracket - parts[i])
                                                                  : strlen (parts[i]));
      gboolean last = i + 1 == n;

      if (last && bracket == NULL)
        {
          *last_key = g_steal_pointer (&key);
          return node;
        }
      node = json_object_get_member (json_node_get_object (node), key);
      g_assert_nonnull (node);
      while (bracket != NULL)
        {
          gint index = atoi (bracket + 1);

          bracket = strchr (bracket + 1, '[');
          if (last && bracket == NULL)
            {
              *last_index = index;
              return node;
            }
          node = json_array_get_element (json_node_get_array (node), (guint) index);
        }
    }
  g_assert_not_reached ();
}

/* The fixture with the value at @path replaced by @json (removed when
 * NULL). */
static char *
mutate_fixture (const char *path,
                const char *json)
{
  g_autofree char *fixture = read_fixture ("small-plan.json", NULL);
  g_autoptr(JsonNode) root = parse_json (fixture);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *key = NULL;
  gint index;
  JsonNode *parent = follow_path (root, path, &key, &index);

  if (key != NULL && json == NULL)
    json_object_remove_member (json_node_get_object (parent), key);
  else if (key != NULL)
    json_object_set_member (json_node_get_object (parent), key, parse_json (json));
  else
    {
      /* JsonArray cannot replace an element: build a new array. */
      JsonArray *array = json_node_get_array (parent);
      g_autoptr(JsonArray) rebuilt = json_array_new ();

      g_assert_nonnull (json);
      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (rebuilt, i == (guint) index
                                         ? parse_json (json)
                                         : json_node_copy (json_array_get_element (array, i)));
      json_node_set_array (parent, rebuilt);
    }

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

typedef struct
{
  const char *path;      /* what to change */
  const char *json;      /* the new value; NULL removes it */
  int         code;      /* the ShkFormatError expected */
  const char *message;   /* a part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "measures[0].indicators[0].target.R3", "\"八十\"", SHK_FORMAT_ERROR_INVALID,
    "bad.json: measures[0].indicators[0].target.R3: expected a number or null, found a string (\"八十\")" },
  { "measures[2].number", NULL, SHK_FORMAT_ERROR_INVALID,
    "bad.json: measures[2].number: missing; expected an integer ≥ 1" },
  { "measures[2].name", "7", SHK_FORMAT_ERROR_INVALID,
    "bad.json: measures[2].name: expected a string or null, found a number (7)" },
  { "measures[1].number", "1", SHK_FORMAT_ERROR_INVALID,
    "measures[1].number: duplicate measure number 1 (also measures[0])" },
  { "measures[1].number", "0", SHK_FORMAT_ERROR_INVALID,
    "measures[1].number: 0 is out of range; expected an integer ≥ 1" },
  { "measures[1].number", "2.5", SHK_FORMAT_ERROR_INVALID,
    "measures[1].number: 2.5 is not a whole number" },
  { "measures[0].manual_grades.H30/R3.grade", "\"A\"", SHK_FORMAT_ERROR_INVALID,
    "measures[0].manual_grades.H30/R3.grade: unknown grade \"A\"" },
  { "measures[0].published.grades.R2/R3", "\"◯\"", SHK_FORMAT_ERROR_INVALID,
    "measures[0].published.grades.R2/R3: unknown grade \"◯\"" },
  { "measures[0].published.grades.R2/R3", "3", SHK_FORMAT_ERROR_INVALID,
    "measures[0].published.grades.R2/R3: expected a grade symbol (◎ ○ △ －) or null, found a number (3)" },
  { "measures[0].counted_in_summary", "\"yes\"", SHK_FORMAT_ERROR_INVALID,
    "measures[0].counted_in_summary: expected a boolean or null, found a string (\"yes\")" },
  { "measures[0].indicators[0].direction", "\"up\"", SHK_FORMAT_ERROR_INVALID,
    "measures[0].indicators[0].direction: unknown direction \"up\"" },
  { "measures[0].indicators[0].actual.R2", "1e16", SHK_FORMAT_ERROR_INVALID,
    "measures[0].indicators[0].actual.R2: 10000000000000000 is out of range" },
  { "measures[0].indicators", "{}", SHK_FORMAT_ERROR_INVALID,
    "measures[0].indicators: expected an array or null, found an object" },
  { "measures[1]", "[]", SHK_FORMAT_ERROR_INVALID,
    "measures[1]: expected an object, found an array" },
  { "fiscal_years[1].id", "\"H30\"", SHK_FORMAT_ERROR_INVALID,
    "fiscal_years[1].id: duplicate fiscal year \"H30\" (also fiscal_years[0])" },
  { "fiscal_years[1].id", "\"\"", SHK_FORMAT_ERROR_INVALID,
    "fiscal_years[1].id: must not be empty" },
  { "fiscal_years", NULL, SHK_FORMAT_ERROR_INVALID,
    "fiscal_years: missing; expected an array" },
  { "fiscal_years", "[]", SHK_FORMAT_ERROR_INVALID,
    "fiscal_years: expected at least one fiscal year" },
  { "evaluations[1].target_year", "\"R9\"", SHK_FORMAT_ERROR_INVALID,
    "evaluations[1].target_year: \"R9\" is not one of the plan's fiscal years" },
  { "evaluations[1].actual_year", NULL, SHK_FORMAT_ERROR_INVALID,
    "evaluations[1].actual_year: missing; expected a string" },
  { "evaluations[1].id", "\"R1/R3\"", SHK_FORMAT_ERROR_INVALID,
    "evaluations[1].id: \"R1/R3\" does not match actual_year/target_year (\"H30/R3\")" },
  { "evaluations[1]", "{\"actual_year\": \"R2\", \"target_year\": \"R2\"}", SHK_FORMAT_ERROR_INVALID,
    "evaluations[1]: duplicate evaluation \"R2/R2\" (also evaluations[0])" },
  { "reporting_year", "\"R7\"", SHK_FORMAT_ERROR_INVALID,
    "reporting_year: \"R7\" is not one of the plan's fiscal years" },
  { "grade_thresholds.mostly", "95", SHK_FORMAT_ERROR_INVALID,
    "grade_thresholds.mostly: 95 is above the achieved threshold (90)" },
  { "grade_thresholds.achieved", "-1", SHK_FORMAT_ERROR_INVALID,
    "grade_thresholds.achieved: -1 is out of range; expected a number ≥ 0" },
  { "policies[1].number", "1", SHK_FORMAT_ERROR_INVALID,
    "policies[1].number: duplicate policy number 1 (also policies[0])" },
  { "survey.work_processes[0].hours", "-3", SHK_FORMAT_ERROR_INVALID,
    "survey.work_processes[0].hours: -3 is out of range; expected a number ≥ 0" },
  { "survey.work_processes[1].hours", NULL, SHK_FORMAT_ERROR_INVALID,
    "survey.work_processes[1].hours: missing; expected a number ≥ 0" },
  { "survey.work_processes[1].id", "\"p18\"", SHK_FORMAT_ERROR_INVALID,
    "survey.work_processes[1].id: duplicate process id \"p18\" (also survey.work_processes[0])" },
  { "survey.work_processes[1].priority", "\"urgent\"", SHK_FORMAT_ERROR_INVALID,
    "survey.work_processes[1].priority: unknown priority \"urgent\"" },
  { "survey.work_processes[1].expected_reduction_hours", "-0.5", SHK_FORMAT_ERROR_INVALID,
    "survey.work_processes[1].expected_reduction_hours: -0.5 is out of range; expected a number ≥ 0" },
  { "survey.sections", "-1", SHK_FORMAT_ERROR_INVALID,
    "survey.sections: -1 is out of range; expected an integer ≥ 0" },
  { "scenarios[0].first_year_months", "13", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].first_year_months: 13 is out of range; expected an integer from 0 to 12" },
  { "scenarios[0].first_year_months", "-1", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].first_year_months: -1 is out of range" },
  { "scenarios[0].cost_items[0].amounts", "[1, 2]", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].cost_items[0].amounts: expected 8 amounts (one per year), found 2" },
  { "scenarios[0].cost_items[1].amounts", "[1, 2, 3, 4, 5, 6, 7, null]", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].cost_items[1].amounts[7]: expected a number, found null" },
  { "scenarios[1].cost_items", "[{\"name\": \"x\", \"amounts\": []}]", SHK_FORMAT_ERROR_INVALID,
    "scenarios[1].cost_items[0].amounts: expected 1 amount (one per year), found 0" },
  { "scenarios[0].discount_rate", "1", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].discount_rate: 1 is out of range" },
  { "scenarios[0].hourly_rate", "-2566", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].hourly_rate: -2566 is out of range; expected a number ≥ 0" },
  { "scenarios[0].hourly_rate", NULL, SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].hourly_rate: missing; expected a number ≥ 0" },
  { "scenarios[0].savings_start", "\"R1\"", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].savings_start: \"R1\" is not one of the scenario's years" },
  { "scenarios[0].years", "[]", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].years: expected from 1 to 60 years, found 0" },
  { "scenarios[0].years", "[\"R2\", \"R3\", \"R4\", \"R5\", \"R6\", \"R7\", \"R8\", \"R3\"]",
    SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].years[7]: duplicate year \"R3\" (also scenarios[0].years[1])" },
  { "scenarios[0].processes", "[\"p18\", 5]", SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].processes[1]: expected a string, found a number (5)" },
  { "scenarios[0].years", NULL, SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].years: missing; expected an array" },
  { "scenarios[0].cost_items[0].amounts", NULL, SHK_FORMAT_ERROR_INVALID,
    "scenarios[0].cost_items[0].amounts: missing; expected an array" },
  { "policies[0].number", NULL, SHK_FORMAT_ERROR_INVALID,
    "policies[0].number: missing; expected an integer ≥ 1" },
  { "survey.work_processes[0].id", NULL, SHK_FORMAT_ERROR_INVALID,
    "survey.work_processes[0].id: missing; expected a string" },
  { "format", "\"something-else\"", SHK_FORMAT_ERROR_NOT_A_PLAN,
    "bad.json: not a Shinchoku plan (the format is \"something-else\"" },
  { "format", NULL, SHK_FORMAT_ERROR_NOT_A_PLAN,
    "bad.json: not a Shinchoku plan" },
  { "version", "7", SHK_FORMAT_ERROR_NEWER_VERSION,
    "bad.json: written by a newer version of Shinchoku (format version 7); "
    "this version reads up to 2" },
  { "version", "\"1\"", SHK_FORMAT_ERROR_INVALID,
    "bad.json: version: expected an integer ≥ 1, found a string (\"1\")" },
  { "version", NULL, SHK_FORMAT_ERROR_INVALID,
    "bad.json: version: missing" },
  { "version", "0", SHK_FORMAT_ERROR_INVALID,
    "version: expected an integer ≥ 1, found a number (0)" },
};

static void
test_bad_case (gconstpointer user_data)
{
  const BadCase *bad = user_data;
  g_autofree char *data = mutate_fixture (bad->path, bad->json);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (data, -1, "bad.json", &error);

  g_assert_null (plan);
  g_assert_error (error, SHK_FORMAT_ERROR, bad->code);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("message \"%s\" does not contain \"%s\"", error->message, bad->message);
  /* One problem, one line. */
  g_assert_null (strchr (error->message, '\n'));
}

/* Several problems are all reported, one per line, each with the name. */
static void
test_several_problems (void)
{
  g_autofree char *fixture = read_fixture ("small-plan.json", NULL);
  g_autoptr(JsonNode) root = parse_json (fixture);
  JsonObject *top = json_node_get_object (root);
  JsonObject *process;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_auto(GStrv) lines = NULL;

  process = json_array_get_object_element (
    json_object_get_array_member (json_object_get_object_member (top, "survey"), "work_processes"), 0);
  json_object_set_int_member (process, "hours", -1);
  json_object_set_string_member (top, "title", NULL);
  json_object_set_boolean_member (top, "organisation", TRUE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  plan = shk_format_load_data (data, -1, "many.json", &error);
  g_assert_null (plan);
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, "many.json: organisation: expected a string or null, found a boolean (true)");
  g_assert_cmpstr (lines[1], ==, "many.json: survey.work_processes[0].hours: -1 is out of range; expected a number ≥ 0");

  /* Many problems are cut short with a count. */
  {
    GString *many = g_string_new ("{\"format\": \"shinchoku-plan\", \"version\": 1, "
                                  "\"fiscal_years\": [{\"id\": \"R1\"}], \"measures\": [");

    for (guint i = 0; i < 50; i++)
      g_string_append_printf (many, "%s{\"number\": -%u, \"name\": \"m\"}", i > 0 ? ", " : "", i + 1);
    g_string_append (many, "]}");
    g_clear_error (&error);
    g_clear_object (&plan);
    plan = shk_format_load_data (many->str, -1, NULL, &error);
    g_string_free (many, TRUE);
  }
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID);
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 21);
  g_assert_cmpstr (lines[0], ==, "measures[0].number: -1 is out of range; expected an integer ≥ 1");
  g_assert_cmpstr (lines[20], ==, "… and 30 more problems");
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
  if (strstr (error->message, message) == NULL)
    g_error ("message \"%s\" does not contain \"%s\"", error->message, message);
}

static void
test_syntax_errors (void)
{
  assert_load_fails ("{\n  \"format\": \"shinchoku-plan\",\n  \"version\": 1,\n  \"title\": oops\n}\n", -1,
                     SHK_FORMAT_ERROR_SYNTAX, "input.json:4:");
  assert_load_fails ("{\n  \"format\": \"shinchoku-plan\",\n  \"version\": 1,\n  \"fiscal_years\": [\n", -1,
                     SHK_FORMAT_ERROR_SYNTAX, "input.json:");
  assert_load_fails ("", 0, SHK_FORMAT_ERROR_SYNTAX, "input.json:1:1: the file contains no JSON value");
  assert_load_fails (" \n\t", -1, SHK_FORMAT_ERROR_SYNTAX, "input.json:2:2: the file contains no JSON value");
  /* Bad UTF-8 on line 2, after two characters (one of them Japanese). */
  assert_load_fails ("{\n\"計\xff\": 1}", -1, SHK_FORMAT_ERROR_SYNTAX,
                     "input.json:2:3: the text is not valid UTF-8");
  assert_load_fails ("{\"a\": 1}\0{}", 10, SHK_FORMAT_ERROR_SYNTAX, "input.json:1:9: the text contains a NUL byte");
  assert_load_fails ("[1, 2]", -1, SHK_FORMAT_ERROR_NOT_A_PLAN, "input.json: not a Shinchoku plan");
  assert_load_fails ("\"shinchoku-plan\"", -1, SHK_FORMAT_ERROR_NOT_A_PLAN, "not a Shinchoku plan");
  assert_load_fails ("{\"hello\": \"world\"}", -1, SHK_FORMAT_ERROR_NOT_A_PLAN, "not a Shinchoku plan");
}

/* json-glib would crash on this (its parser recurses without a limit). */
static void
test_deep_nesting (void)
{
  GString *data = g_string_new ("{\"format\": \"shinchoku-plan\", \"version\": 1, \"x\": ");

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (data, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (data, ']');
  g_string_append_c (data, '}');
  assert_load_fails (data->str, (gssize) data->len, SHK_FORMAT_ERROR_SYNTAX,
                     "input.json:1:176: values are nested more than 128 levels deep");
  g_string_free (data, TRUE);
}

static void
test_numbers_out_of_range (void)
{
  g_autofree char *fixture = read_fixture ("small-plan.json", NULL);
  g_autoptr(GString) data = NULL;

  /* json-glib would read this integer as -1: the strict check refuses it
   * where it stands. */
  data = g_string_new (fixture);
  g_string_replace (data, "\"hours\": 3510,", "\"hours\": 99999999999999999999,", 1);
  assert_load_fails (data->str, -1, SHK_FORMAT_ERROR_SYNTAX,
                     "input.json:252:18: number too large (99999999999999999999)");

  /* … and this double as infinity. */
  g_string_free (data, TRUE);
  data = g_string_new (fixture);
  g_string_replace (data, "\"hours\": 3510,", "\"hours\": 1e999,", 1);
  assert_load_fails (data->str, -1, SHK_FORMAT_ERROR_SYNTAX, "input.json:252:18: number too large (1e999)");

  /* Unknown members too: they could not be written back. */
  g_string_free (data, TRUE);
  data = g_string_new (fixture);
  g_string_replace (data, "\"x-page\": 12", "\"x-page\": [-1e400]", 1);
  assert_load_fails (data->str, -1, SHK_FORMAT_ERROR_SYNTAX, "input.json:150:20: number too large (-1e400)");

  /* Readable, but beyond what the format allows for a known key. */
  g_string_free (data, TRUE);
  data = g_string_new (fixture);
  g_string_replace (data, "\"total_hours\": 256400,", "\"total_hours\": 1000000000000001,", 1);
  assert_load_fails (data->str, -1, SHK_FORMAT_ERROR_INVALID,
                     "survey.total_hours: 1000000000000001 is out of range; numbers in a plan lie between -1e15 and 1e15");

  g_string_free (data, TRUE);
  data = g_string_new (fixture);
  g_string_replace (data, "\"version\": 2,", "\"version\": 1e20,", 1);
  assert_load_fails (data->str, -1, SHK_FORMAT_ERROR_INVALID,
                     "input.json: version: 1e+20 is out of range");

  g_string_free (data, TRUE);
  data = g_string_new (fixture);
  g_string_replace (data, "\"version\": 2,", "\"version\": 1e309,", 1);
  assert_load_fails (data->str, -1, SHK_FORMAT_ERROR_SYNTAX, "input.json:3:14: number too large (1e309)");
}

/* Under an unknown key, any 64-bit integer is kept, exactly. */
static void
test_unknown_int64_kept (void)
{
  g_autofree char *fixture = read_fixture ("small-plan.json", NULL);
  g_autoptr(GString) data = g_string_new (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autofree char *saved = NULL;

  g_string_replace (data, "\"x-page\": 12",
                    "\"x-page\": [9223372036854775807, -9223372036854775808]", 1);
  plan = shk_format_load_data (data->str, -1, "input.json", &error);
  g_assert_no_error (error);
  saved = shk_format_to_data (plan, NULL);
  g_assert_nonnull (strstr (saved, "9223372036854775807"));
  g_assert_nonnull (strstr (saved, "-9223372036854775808"));
}

/* The strict check: one case per rule of RFC 8259 that json-glib does not
 * enforce, each refused where it stands. */
typedef struct
{
  const char *name;
  const char *json;
  gssize      length;   /* -1: up to the NUL */
  const char *message;  /* with "input.json:LINE:COLUMN: " */
} StrictCase;

static const StrictCase strict_cases[] = {
  { "comment-block", "{\"a\": 1 /* note */}", -1, "input.json:1:9: comments are not allowed" },
  { "comment-line", "{\n  // note\n  \"a\": 1\n}", -1, "input.json:2:3: comments are not allowed" },
  /* json-glib's scanner takes "/…/" as a comment: the old pre-check read
   * the quote inside as a string and missed what followed. */
  { "comment-slash", "{\"a\": /\"/ [[[1]]]}", -1, "input.json:1:7: comments are not allowed" },
  { "single-quote-key", "{'a': 1}", -1, "input.json:1:2: strings must be in double quotes" },
  { "single-quote-value", "{\"a\": 'x'}", -1, "input.json:1:7: strings must be in double quotes" },
  { "trailing-comma-array", "[1, 2,]", -1, "input.json:1:6: an extra comma before “]”" },
  { "trailing-comma-object", "{\"a\": 1,\n}", -1, "input.json:1:8: an extra comma before “}”" },
  { "second-value", "{}\n{}", -1, "input.json:2:1: more text after the end of the JSON value" },
  { "second-word", "{} x", -1, "input.json:1:4: more text after the end of the JSON value" },
  { "duplicate-key", "{\"a\": 1, \"a\": 2}", -1, "input.json:1:10: the key “a” appears twice" },
  { "duplicate-key-escaped", "{\"ab\": 1, \"a\\u0062\": 2}", -1, "input.json:1:11: the key “ab” appears twice" },
  { "duplicate-key-japanese", "{\"計画\": 1, \"計画\": 2}", -1, "input.json:1:11: the key “計画” appears twice" },
  { "duplicate-key-nested", "{\"a\": {\"b\": 1, \"c\": {}, \"b\": 2}}", -1,
    "input.json:1:25: the key “b” appears twice" },
  { "nul-escape", "{\"a\": \"x\\u0000y\"}", -1, "input.json:1:9: “\\u0000” (a NUL character) is not allowed" },
  { "lone-high-surrogate", "[\"\\ud800\"]", -1, "input.json:1:3: “\\uD800” is half of a surrogate pair" },
  { "high-surrogate-then-letter", "[\"\\ud800\\u0041\"]", -1, "input.json:1:3: “\\uD800” is half" },
  { "lone-low-surrogate", "[\"ab\\uDC00\"]", -1, "input.json:1:5: “\\uDC00” is half" },
  { "short-unicode-escape", "[\"\\u12\"]", -1, "input.json:1:3: “\\u” in a string must be followed by four" },
  { "bad-escape", "[\"C:\\windows\"]", -1, "input.json:1:5: a backslash in a string must start an escape" },
  { "control-character", "[\"a\tb\"]", -1, "input.json:1:4: a control character (U+0009) in a string" },
  { "line-break-in-string", "{\"a\": \"x\ny\"}", -1, "input.json:1:7: this string is not closed before the end of its line" },
  { "unclosed-string", "{\"a\": \"xyz", -1, "input.json:1:7: this string is not closed" },
  { "integer-too-large", "[99999999999999999999]", -1, "input.json:1:2: number too large (99999999999999999999)" },
  { "int64-max-plus-one", "[9223372036854775808]", -1, "input.json:1:2: number too large" },
  { "int64-min-minus-one", "[-9223372036854775809]", -1, "input.json:1:2: number too large" },
  { "double-too-large", "{\"a\":\n  1e309}", -1, "input.json:2:3: number too large (1e309)" },
  { "leading-zero", "[01]", -1, "input.json:1:2: “01” is not a valid number" },
  { "no-fraction-digits", "[1.]", -1, "input.json:1:2: “1.” is not a valid number" },
  { "no-exponent-digits", "[1e]", -1, "input.json:1:2: “1e” is not a valid number" },
  { "hexadecimal", "[0x1F]", -1, "input.json:1:2: “0x1F” is not a valid number" },
  { "minus-infinity", "[-Infinity]", -1, "input.json:1:2: “-Infinity” is not a valid number" },
  { "plus-sign", "[+1]", -1, "input.json:1:2: unexpected character “+”; expected a value" },
  { "nan", "[NaN]", -1, "input.json:1:2: unexpected word “NaN”; expected a value" },
  { "capital-true", "[True]", -1, "input.json:1:2: unexpected word “True”" },
  { "missing-colon", "{\"a\" 1}", -1, "input.json:1:6: unexpected character “1”; expected “:”" },
  { "missing-comma", "[1 2]", -1, "input.json:1:4: unexpected character “2”; expected “,” or “]”" },
  { "unquoted-key", "{a: 1}", -1, "input.json:1:2: unexpected word “a”; expected a key in double quotes" },
  { "ideographic-space", "{\"a\":\u3000 1}", -1, "input.json:1:6: unexpected character “\u3000”" },
  { "truncated", "{\"a\": [1, 2", -1, "input.json:1:12: the text ends too early" },
  { "truncated-after-key", "{\n\"a\"", -1, "input.json:2:4: the text ends too early (is the file cut short?); expected “:”" },
  { "bad-utf8-outside-string", "{\"a\": 1}\xff", -1, "input.json:1:9: the text is not valid UTF-8" },
  { "overlong-utf8", "[\"x\xc0\xaf\"]", -1, "input.json:1:4: the text is not valid UTF-8" },
  { "utf8-surrogate", "[\"\xed\xa0\x80\"]", -1, "input.json:1:3: the text is not valid UTF-8" },
  { "cut-utf8", "[\"計\xe8\xa8", -1, "input.json:1:4: the text is not valid UTF-8" },
  { "nul-byte-in-string", "[\"a\0b\"]", 7, "input.json:1:4: the text contains a NUL byte" },
  { "byte-order-mark-counts-no-column", "\xEF\xBB\xBF{\"a\": 1,}", -1, "input.json:1:8: an extra comma" },
  { "empty", "", 0, "input.json:1:1: the file contains no JSON value" },
};

static void
test_strict_case (gconstpointer user_data)
{
  const StrictCase *strict = user_data;

  assert_load_fails (strict->json, strict->length, SHK_FORMAT_ERROR_SYNTAX, strict->message);
}

/* Objects with more keys than the small-object comparison handles. */
static void
test_strict_large_objects (void)
{
  GString *data = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  gsize start = 99;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (data, "%s\"k%u\": {\"k%u\": [%u]}", i > 0 ? ", " : "", i, i, i);
  g_string_append (data, "}");
  g_assert_true (shk_json_check (data->str, data->len, 128, &start, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, ==, 0);

  /* The first key again, at the end: line 1, after the text so far. */
  g_string_truncate (data, data->len - 1);
  g_string_append (data, ", \"k0\": 0}");
  g_assert_false (shk_json_check (data->str, data->len, 128, &start, &error));
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_SYNTAX);
  {
    g_autofree char *expected = g_strdup_printf ("1:%u: the key “k0” appears twice in the same object",
                                                 (guint) data->len - 7);

    g_assert_cmpstr (error->message, ==, expected);
  }
  g_string_free (data, TRUE);
}

/* What RFC 8259 allows passes, however unusual. */
static void
test_strict_valid (void)
{
  static const char * const valid[] = {
    "{}", "[]", "1", "-0", "\"text\"", "null", "true", "false",
    " \r\n\t{ \"a\" : [ 1 , 2.5e-3 , -4E+2 , 0.0 , 1e308 , 1e-400 ] } \r\n\t",
    "[9223372036854775807, -9223372036854775808, 123456789012345678.5]",
    "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00 計画 😀\"]",
    "{\"a\": {\"a\": {\"a\": 1}}, \"b\": [{\"a\": 1}, {\"a\": 2}], \"\": 3}",
    "[0.00000000000000000000000000000000000000000000000000000000000000000000000000000001]",
    "\xEF\xBB\xBF{}",
  };
  GString *deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize start = 0;

      if (!shk_json_check (valid[i], strlen (valid[i]), 128, &start, &error))
        g_error ("%s was refused: %s", valid[i], error->message);
      g_assert_cmpuint (start, ==, g_str_has_prefix (valid[i], "\xEF\xBB\xBF") ? 3 : 0);
    }

  /* Exactly the limit is fine; one more is not. */
  for (guint i = 0; i < 128; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 128; i++)
    g_string_append_c (deep, ']');
  g_assert_true (shk_json_check (deep->str, deep->len, 128, NULL, NULL));
  g_assert_false (shk_json_check (deep->str, deep->len, 127, NULL, NULL));
  g_string_free (deep, TRUE);
}

/* Special files are refused without being opened: a FIFO with no writer
 * would block for ever, a device might never end. */
static void
assert_file_refused (const char *path,
                     GQuark      domain,
                     int         code,
                     const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_file (file, NULL, &error);
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_null (plan);
  g_assert_error (error, domain, code);
  if (!g_str_has_prefix (error->message, basename) || strstr (error->message, message) == NULL)
    g_error ("message \"%s\" does not name %s or does not contain \"%s\"",
             error->message, basename, message);
}

static void
test_special_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.json", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.json", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_file_refused (fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not an ordinary file");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_file_refused (folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "this is a folder");
  g_rmdir (folder);

  g_assert_cmpint (symlink ("loop.json", loop), ==, 0);
  assert_file_refused (loop, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "symbolic link that leads to no file");
  g_assert_cmpint (symlink ("absent.json", dangling), ==, 0);
  assert_file_refused (dangling, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "symbolic link that leads to no file");

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_file_refused ("/dev/zero", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not an ordinary file");

  remove_temp_dir (dir);
}

/* Unreadable: only testable when permissions apply to us. */
static void
test_unreadable_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, who can read any file; "
                   "test-hostile-files.py drops to an unprivileged user for this case");
      return;
    }
  dir = make_temp_dir ();
  path = g_build_filename (dir, "unreadable.json", NULL);
  write_file (path, "{}", -1);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  assert_file_refused (path, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "unreadable.json");
  remove_temp_dir (dir);
}

static void
test_huge_input (void)
{
  gsize size = (gsize) 1024 * 1024 * 1024 + 1;
  char *data;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  FILE *stream;

  /* Untouched pages of an anonymous mapping take no memory: the size alone
   * must be refused, before the text is looked at. */
  data = mmap (NULL, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  g_assert_true (data != MAP_FAILED);
  assert_load_fails (data, (gssize) size, SHK_FORMAT_ERROR_INVALID,
                     "plans of up to 1.0\u00a0GiB can be read");
  munmap (data, size);

  /* A sparse file: refused from its size, without reading 1 GiB. */
  stream = g_fopen (path, "wb");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseeko (stream, (off_t) 1025 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (' ', stream), ==, ' ');
  fclose (stream);
  plan = shk_format_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "huge.json: the file is too large"));

  remove_temp_dir (dir);
}

/* The bound, moved down to a small plan's size: a file of exactly the
 * bound opens, one byte more is refused by size alone, and a plan whose
 * text would exceed it is not saved, so the old file stays readable. */
static void
test_size_bound (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bound.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShkPlan) plan = load_fixture ();
  g_autoptr(ShkPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *padded = NULL;
  gsize length = 0;

  data = shk_format_to_data (plan, &length);
  g_assert_cmpuint (shk_format_get_max_file_size (), ==, (gsize) 1024 * 1024 * 1024);
  g_assert_true (shk_format_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  shk_format_set_max_file_size (length);
  loaded = shk_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_clear_object (&loaded);
  g_assert_true (shk_format_check_writable (length, &error));

  /* One byte (a trailing space, valid JSON) over the bound. */
  padded = g_strconcat (data, " ", NULL);
  assert_load_fails (padded, (gssize) length + 1, SHK_FORMAT_ERROR_INVALID,
                     "the file is too large");
  write_file (path, padded, (gssize) length + 1);
  loaded = shk_format_load_file (file, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "bound.json: the file is too large"));
  g_clear_error (&error);

  /* Saving a plan longer than the bound writes nothing. */
  write_file (path, data, (gssize) length);
  {
    g_autofree char *longer = g_strconcat (shk_plan_get_title (plan) ?: "", "（改訂）", NULL);

    shk_plan_set_title (plan, longer);
  }
  shk_format_set_max_file_size (length);
  g_assert_false (shk_format_check_writable (length + 1, NULL));
  g_assert_false (shk_format_save_file (plan, file, NULL, &error));
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, data);

  shk_format_set_max_file_size (0);
  g_assert_cmpuint (shk_format_get_max_file_size (), ==, (gsize) 1024 * 1024 * 1024);
  remove_temp_dir (dir);
}

/* Files ----------------------------------------------------------------- */

/* A failed load leaves the file exactly as it was. */
static void
assert_file_load_fails_untouched (const char *fixture,
                                  int         code,
                                  const char *message)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, fixture, NULL);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  gsize original_length, after_length;
  GStatBuf before_stat, after_stat;

  original = read_fixture (fixture, &original_length);
  write_file (path, original, (gssize) original_length);
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  plan = shk_format_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, SHK_FORMAT_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("message \"%s\" does not contain \"%s\"", error->message, message);

  g_file_get_contents (path, &after, &after_length, NULL);
  g_assert_cmpmem (after, after_length, original, original_length);
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (after_stat.st_mtime, ==, before_stat.st_mtime);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);  /* no backup, no temporary */

  remove_temp_dir (dir);
}

static void
test_syntax_error_file (void)
{
  assert_file_load_fails_untouched ("syntax-error.json", SHK_FORMAT_ERROR_SYNTAX,
                                    "syntax-error.json:7:3: unexpected character “]”; expected “,” or “}”");
}

static void
test_newer_version_file (void)
{
  assert_file_load_fails_untouched ("newer-version.json", SHK_FORMAT_ERROR_NEWER_VERSION,
                                    "newer-version.json: written by a newer version of Shinchoku "
                                    "(format version 7); this version reads up to 2");
}

static void
test_missing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "absent.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autofree char *basename = g_path_get_basename (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;

  plan = shk_format_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "absent.json"));
  g_clear_error (&error);

  plan = shk_format_load_file (directory, NULL, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, basename));

  remove_temp_dir (dir);
}

static void
test_save_keeps_backup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShkPlan) plan = load_fixture ();
  g_autoptr(ShkPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *expected = NULL;
  GStatBuf before, after, backup_stat;

  /* The first save has nothing to back up. */
  g_assert_true (shk_format_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_file_get_contents (path, &first, NULL, NULL);
  expected = shk_format_to_data (plan, NULL);
  g_assert_cmpstr (first, ==, expected);

  shk_plan_set_title (plan, "改訂版");
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (shk_format_save_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  /* Written to a new file renamed over the old one, not in place: the
   * old inode is the backup now. */
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (g_stat (backup_path, &backup_stat), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_file_get_contents (path, &second, NULL, NULL);
  g_file_get_contents (backup_path, &backup, NULL, NULL);
  g_assert_cmpstr (backup, ==, first);
  g_assert_nonnull (strstr (second, "\"title\": \"改訂版\""));
  g_assert_cmpuint (count_dir_entries (dir), ==, 2);  /* no temporary left */

  loaded = shk_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shk_plan_get_title (loaded), ==, "改訂版");

  /* A failed save (the target is a directory) leaves no trace. */
  {
    g_autofree char *sub = g_build_filename (dir, "sub.json", NULL);
    g_autoptr(GFile) sub_file = g_file_new_for_path (sub);

    g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
    g_assert_false (shk_format_save_file (plan, sub_file, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "sub.json"));
    g_clear_error (&error);
    g_rmdir (sub);
    g_assert_cmpuint (count_dir_entries (dir), ==, 2);
  }

  remove_temp_dir (dir);
}

/* The built-in document ---------------------------------------------------- */

static void
test_builtin (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autoptr(ShkPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length;
  guint n_measures;

  n_measures = g_list_model_get_n_items (shk_plan_get_measures (plan));
  g_assert_cmpuint (n_measures, >=, 60);
  g_assert_cmpuint (n_measures, <=, 64);
  g_assert_cmpuint (g_list_model_get_n_items (shk_survey_get_processes (shk_plan_get_survey (plan))),
                    ==, 36);
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_scenarios (plan)), ==, 3);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);

  data = shk_format_to_data (plan, &length);
  reloaded = shk_format_load_data (data, (gssize) length, "builtin.json", &error);
  g_assert_no_error (error);
  assert_same_plan (plan, reloaded);
  again = shk_format_to_data (reloaded, NULL);
  g_assert_cmpstr (again, ==, data);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/load/fixture", test_load_fixture);
  g_test_add_func ("/format/save/round-trip", test_round_trip);
  g_test_add_func ("/format/save/unknown-members", test_unknown_members_kept);
  g_test_add_func ("/format/save/utf8-and-numbers", test_utf8_and_numbers);
  g_test_add_func ("/format/save/every-field", test_model_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/format/load/bad/%02u", i);

      g_test_add_data_func (name, &bad_cases[i], test_bad_case);
    }
  g_test_add_func ("/format/load/several-problems", test_several_problems);
  g_test_add_func ("/format/load/syntax", test_syntax_errors);
  g_test_add_func ("/format/load/deep-nesting", test_deep_nesting);
  g_test_add_func ("/format/load/numbers-out-of-range", test_numbers_out_of_range);
  g_test_add_func ("/format/load/huge", test_huge_input);
  g_test_add_func ("/format/load/unknown-int64", test_unknown_int64_kept);
  for (guint i = 0; i < G_N_ELEMENTS (strict_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/format/strict/%s", strict_cases[i].name);

      g_test_add_data_func (name, &strict_cases[i], test_strict_case);
    }
  g_test_add_func ("/format/strict/large-objects", test_strict_large_objects);
  g_test_add_func ("/format/strict/valid", test_strict_valid);
  g_test_add_func ("/format/file/special", test_special_files);
  g_test_add_func ("/format/file/unreadable", test_unreadable_file);
  g_test_add_func ("/format/file/syntax-error-untouched", test_syntax_error_file);
  g_test_add_func ("/format/file/newer-version-untouched", test_newer_version_file);
  g_test_add_func ("/format/file/missing", test_missing_file);
  g_test_add_func ("/format/file/save-keeps-backup", test_save_keeps_backup);
  g_test_add_func ("/format/builtin", test_builtin);
  g_test_add_func ("/format/file/size-bound", test_size_bound);

  return g_test_run ();
}
