/* test-rules.c — rates, grades, summaries and departures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "shk-rules.h"

static void
test_rate_basic (void)
{
  double rate = -1;

  g_assert_true (shk_rate_compute (45, 50, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.9, 1e-12);

  /* Lower is better: 3.0 pupils per device against a target of 3.0 is
   * 100%, 6.0 is 50%. */
  g_assert_true (shk_rate_compute (6.0, 3.0, SHK_DIRECTION_LOWER_IS_BETTER, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.5, 1e-12);
  g_assert_true (shk_rate_compute (2.0, 3.0, SHK_DIRECTION_LOWER_IS_BETTER, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 1.5, 1e-12);
}

static void
test_rate_not_computable (void)
{
  double rate = 42;

  /* A zero target cannot rate anything; neither can a zero actual when
   * lower is better. The out-parameter stays untouched. */
  g_assert_false (shk_rate_compute (10, 0, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_false (shk_rate_compute (0, 10, SHK_DIRECTION_LOWER_IS_BETTER, &rate));
  g_assert_false (shk_rate_compute (NAN, 10, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_false (shk_rate_compute (10, INFINITY, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_false (shk_rate_compute (1e308, 1e-308, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_cmpfloat (rate, ==, 42);

  /* Zero actual against a real target is a real 0%. */
  g_assert_true (shk_rate_compute (0, 10, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_cmpfloat (rate, ==, 0);
}

static void
test_grade_thresholds (void)
{
  double rate;

  g_assert_cmpint (shk_grade_for_rate (0.90, 90, 70), ==, SHK_GRADE_ACHIEVED);
  g_assert_cmpint (shk_grade_for_rate (0.8999, 90, 70), ==, SHK_GRADE_MOSTLY);
  g_assert_cmpint (shk_grade_for_rate (0.70, 90, 70), ==, SHK_GRADE_MOSTLY);
  g_assert_cmpint (shk_grade_for_rate (0.6999, 90, 70), ==, SHK_GRADE_LAGGING);
  g_assert_cmpint (shk_grade_for_rate (0.0, 90, 70), ==, SHK_GRADE_LAGGING);
  g_assert_cmpint (shk_grade_for_rate (-1.0, 90, 70), ==, SHK_GRADE_LAGGING);
  g_assert_cmpint (shk_grade_for_rate (12.0, 90, 70), ==, SHK_GRADE_ACHIEVED);

  /* Exactly 90% and 70% computed in floating point: 63 ÷ 70 and 7 ÷ 10
   * are a hair below in binary but are the thresholds. */
  g_assert_true (shk_rate_compute (63, 70, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_cmpint (shk_grade_for_rate (rate, 90, 70), ==, SHK_GRADE_ACHIEVED);
  g_assert_true (shk_rate_compute (0.7, 1, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_cmpint (shk_grade_for_rate (rate, 90, 70), ==, SHK_GRADE_MOSTLY);
  g_assert_true (shk_rate_compute (49, 70, SHK_DIRECTION_HIGHER_IS_BETTER, &rate));
  g_assert_cmpint (shk_grade_for_rate (rate, 90, 70), ==, SHK_GRADE_MOSTLY);

  /* Other thresholds, as a document may set. */
  g_assert_cmpint (shk_grade_for_rate (0.85, 80, 60), ==, SHK_GRADE_ACHIEVED);
  g_assert_cmpint (shk_grade_for_rate (0.59, 80, 60), ==, SHK_GRADE_LAGGING);
}

/* A plan with the handouts' years and evaluations and no measures. */
static ShkPlan *
make_plan (void)
{
  static const char *years[][2] = {
    { "H30", "平成30年度" }, { "R1", "令和元年度" },
    { "R2", "令和2年度" }, { "R3", "令和3年度" },
  };
  static const char *evaluations[][2] = {
    { "R2", "R2" }, { "H30", "R3" }, { "R1", "R3" }, { "R2", "R3" },
  };
  ShkPlan *plan = shk_plan_new ();

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new (years[i][0], years[i][1]);
      shk_plan_append_fiscal_year (plan, year);
    }
  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    {
      g_autoptr(ShkEvaluation) evaluation =
        shk_evaluation_new (evaluations[i][0], evaluations[i][1]);
      shk_plan_append_evaluation (plan, evaluation);
    }
  return plan;
}

static ShkIndicator *
add_indicator (ShkMeasure   *measure,
               ShkDirection  direction,
               double        target_r2,
               double        target_r3,
               double        actual_r2)
{
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();

  shk_indicator_set_direction (indicator, direction);
  if (!isnan (target_r2))
    shk_indicator_set_target (indicator, "R2", target_r2);
  if (!isnan (target_r3))
    shk_indicator_set_target (indicator, "R3", target_r3);
  if (!isnan (actual_r2))
    shk_indicator_set_actual (indicator, "R2", actual_r2);
  shk_measure_append_indicator (measure, indicator);
  return indicator;
}

static ShkMeasure *
add_measure (ShkPlan *plan,
             guint    number)
{
  g_autoptr(ShkMeasure) measure = shk_measure_new (number);

  shk_measure_set_counted (measure, TRUE);
  shk_plan_append_measure (plan, measure);
  return measure;
}

static void
test_indicator_rates (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  ShkMeasure *measure = add_measure (plan, 1);
  ShkIndicator *indicator;
  double rate;

  indicator = add_indicator (measure, SHK_DIRECTION_HIGHER_IS_BETTER, 80, 100, 72);

  /* Progress rate of R2 (against R2's target) and achievement rate
   * (against the final year's target). */
  g_assert_true (shk_indicator_compute_rate (indicator, "R2", "R2", &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.9, 1e-12);
  g_assert_true (shk_indicator_compute_rate (indicator, "R2", "R3", &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.72, 1e-12);

  /* Absent values compute nothing. */
  g_assert_false (shk_indicator_compute_rate (indicator, "R1", "R3", &rate));
  g_assert_false (shk_indicator_compute_rate (indicator, "R2", "H30", &rate));

  /* A zero target is absent as far as rating goes. */
  shk_indicator_set_target (indicator, "R3", 0);
  g_assert_false (shk_indicator_compute_rate (indicator, "R2", "R3", &rate));
}

static void
test_measure_worst_indicator (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  ShkMeasure *measure = add_measure (plan, 1);
  ShkEvaluation *final = shk_plan_find_evaluation (plan, "R2/R3");
  ShkIndicator *second;
  ShkGradeInfo info;
  double rate;

  g_assert_nonnull (final);
  g_assert_false (shk_measure_compute_rate (measure, final, &rate));

  add_indicator (measure, SHK_DIRECTION_HIGHER_IS_BETTER, NAN, 100, 95);
  second = add_indicator (measure, SHK_DIRECTION_LOWER_IS_BETTER, NAN, 3.0, 4.0);
  /* An indicator with nothing to compute is skipped, not counted as 0. */
  add_indicator (measure, SHK_DIRECTION_HIGHER_IS_BETTER, NAN, NAN, 5);

  g_assert_true (shk_measure_compute_rate (measure, final, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.75, 1e-12);

  shk_plan_grade_measure (plan, measure, final, &info);
  g_assert_true (info.has_rate);
  g_assert_cmpint (info.computed, ==, SHK_GRADE_MOSTLY);
  g_assert_cmpint (info.effective, ==, SHK_GRADE_MOSTLY);
  g_assert_cmpint (info.origin, ==, SHK_GRADE_ORIGIN_COMPUTED);

  /* Fixing the lagging indicator lifts the measure. */
  shk_indicator_set_actual (second, "R2", 3.0);
  g_assert_cmpint (shk_plan_get_effective_grade (plan, measure, final), ==,
                   SHK_GRADE_ACHIEVED);
}

/* The weakest indicator sets the rate, per pair of years: the progress
 * rate (R2/R2) and the achievement rate (R2/R3) may be set by different
 * indicators, and the views sort by the one the grade uses. */
static void
test_measure_weakest_indicator (void)
{
  static const char *pairs[][2] = { { "R2", "R2" }, { "R2", "R3" }, { "R1", "R3" } };
  g_autoptr(ShkPlan) plan = make_plan ();
  ShkMeasure *measure = add_measure (plan, 1);
  ShkIndicator *a, *b, *tie;
  double rate = -1;

  g_assert_null (shk_measure_get_weakest_indicator (measure, "R2", "R3", &rate));
  g_assert_cmpfloat (rate, ==, -1);   /* untouched */

  a = add_indicator (measure, SHK_DIRECTION_HIGHER_IS_BETTER, 100, 200, 95);
  b = add_indicator (measure, SHK_DIRECTION_LOWER_IS_BETTER, 2.0, 3.0, 4.0);
  add_indicator (measure, SHK_DIRECTION_HIGHER_IS_BETTER, NAN, NAN, 5);
  /* As weak as b in R2/R2: the first of equals is the one named. */
  tie = add_indicator (measure, SHK_DIRECTION_LOWER_IS_BETTER, 2.0, NAN, 4.0);

  g_assert_true (shk_measure_get_weakest_indicator (measure, "R2", "R2", NULL) == b);
  g_assert_true (shk_measure_get_weakest_indicator (measure, "R2", "R3", NULL) == a);
  g_assert_null (shk_measure_get_weakest_indicator (measure, "R1", "R3", NULL));
  g_assert_true (tie != b);

  /* The rate given is the lowest of the indicators' own rates, and the
   * one the grade uses. */
  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      GListModel *indicators = shk_measure_get_indicators (measure);
      g_autoptr(ShkEvaluation) evaluation = shk_evaluation_new (pairs[p][0], pairs[p][1]);
      gboolean any = FALSE;
      double lowest = G_MAXDOUBLE, graded = -1;
      ShkIndicator *weakest;

      for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
        {
          g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);
          double r;

          if (shk_indicator_compute_rate (indicator, pairs[p][0], pairs[p][1], &r))
            {
              lowest = MIN (lowest, r);
              any = TRUE;
            }
        }

      weakest = shk_measure_get_weakest_indicator (measure, pairs[p][0], pairs[p][1], &rate);
      g_assert_cmpint (weakest != NULL, ==, any);
      g_assert_cmpint (shk_measure_compute_rate (measure, evaluation, &graded), ==, any);
      if (any)
        {
          double own;

          g_assert_cmpfloat (rate, ==, lowest);
          g_assert_cmpfloat (graded, ==, lowest);
          g_assert_true (shk_indicator_compute_rate (weakest, pairs[p][0], pairs[p][1], &own));
          g_assert_cmpfloat (own, ==, lowest);
        }
    }
}

/* The evaluation reported on: the reporting year against the final
 * year's target, else the last listed. */
static void
test_reporting_evaluation (void)
{
  g_autoptr(ShkPlan) empty = shk_plan_new ();
  g_autoptr(ShkPlan) plan = make_plan ();
  GListModel *evaluations = shk_plan_get_evaluations (plan);
  g_autoptr(ShkEvaluation) last =
    g_list_model_get_item (evaluations, g_list_model_get_n_items (evaluations) - 1);

  g_assert_null (shk_plan_get_reporting_evaluation (empty));

  shk_plan_set_reporting_year (plan, "R1");
  g_assert_true (shk_plan_get_reporting_evaluation (plan) == shk_plan_find_evaluation (plan, "R1/R3"));
  shk_plan_set_reporting_year (plan, "H30");
  g_assert_true (shk_plan_get_reporting_evaluation (plan) == shk_plan_find_evaluation (plan, "H30/R3"));
  /* R2/R2 is listed first, but it is not against the final target. */
  shk_plan_set_reporting_year (plan, "R2");
  g_assert_true (shk_plan_get_reporting_evaluation (plan) == shk_plan_find_evaluation (plan, "R2/R3"));

  /* No R3/R3 evaluation: the last one listed. */
  shk_plan_set_reporting_year (plan, "R3");
  g_assert_null (shk_plan_find_evaluation (plan, "R3/R3"));
  g_assert_true (shk_plan_get_reporting_evaluation (plan) == last);
}

static void
test_manual_grades (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  ShkMeasure *judged = add_measure (plan, 1);
  ShkMeasure *overridden = add_measure (plan, 2);
  ShkMeasure *confirmed = add_measure (plan, 3);
  ShkMeasure *blank = add_measure (plan, 4);
  ShkEvaluation *final = shk_plan_find_evaluation (plan, "R2/R3");
  g_autoptr(GPtrArray) departures = NULL;
  ShkDeparture *departure;
  ShkGradeInfo info;

  shk_measure_set_manual_grade (judged, "R2/R3", SHK_GRADE_PENDING,
                                "検討中のため");
  add_indicator (overridden, SHK_DIRECTION_HIGHER_IS_BETTER, NAN, 100, 95);
  shk_measure_set_manual_grade (overridden, "R2/R3", SHK_GRADE_MOSTLY,
                                "実績は見込み値のため");
  add_indicator (confirmed, SHK_DIRECTION_HIGHER_IS_BETTER, NAN, 100, 50);
  shk_measure_set_manual_grade (confirmed, "R2/R3", SHK_GRADE_LAGGING, NULL);

  shk_plan_grade_measure (plan, judged, final, &info);
  g_assert_false (info.has_rate);
  g_assert_cmpint (info.computed, ==, SHK_GRADE_NONE);
  g_assert_cmpint (info.effective, ==, SHK_GRADE_PENDING);
  g_assert_cmpint (info.origin, ==, SHK_GRADE_ORIGIN_JUDGED);
  g_assert_cmpstr (info.reason, ==, "検討中のため");

  shk_plan_grade_measure (plan, overridden, final, &info);
  g_assert_cmpint (info.computed, ==, SHK_GRADE_ACHIEVED);
  g_assert_cmpint (info.effective, ==, SHK_GRADE_MOSTLY);
  g_assert_cmpint (info.origin, ==, SHK_GRADE_ORIGIN_OVERRIDDEN);

  shk_plan_grade_measure (plan, confirmed, final, &info);
  g_assert_cmpint (info.origin, ==, SHK_GRADE_ORIGIN_CONFIRMED);

  /* Nothing to compute and no judgement: not evaluated, which is not －. */
  shk_plan_grade_measure (plan, blank, final, &info);
  g_assert_cmpint (info.effective, ==, SHK_GRADE_NONE);

  /* Only the real departure is listed. */
  departures = shk_plan_list_departures (plan);
  g_assert_cmpuint (departures->len, ==, 1);
  departure = g_ptr_array_index (departures, 0);
  g_assert_true (departure->measure == overridden);
  g_assert_true (departure->evaluation == final);
  g_assert_cmpint (departure->info.computed, ==, SHK_GRADE_ACHIEVED);
  g_assert_cmpint (departure->info.manual, ==, SHK_GRADE_MOSTLY);

  /* Clearing the manual grade falls back to the figures. */
  shk_measure_clear_manual_grade (overridden, "R2/R3");
  g_assert_cmpint (shk_plan_get_effective_grade (plan, overridden, final), ==,
                   SHK_GRADE_ACHIEVED);
}

static void
test_summary (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkSummary) summary = NULL;
  g_autoptr(GPtrArray) achieved = NULL;
  const ShkSummaryColumn *column;
  ShkEvaluation *final;
  ShkMeasure *added;
  /* R2 actuals against an R3 target of 100: ◎ ◎ ○ △ and one judged －. */
  static const double actuals[] = { 100, 92, 75, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (actuals); i++)
    add_indicator (add_measure (plan, i + 1),
                   SHK_DIRECTION_HIGHER_IS_BETTER, NAN, 100, actuals[i]);
  shk_measure_set_manual_grade (add_measure (plan, 5), "R2/R3",
                                SHK_GRADE_PENDING, NULL);
  add_measure (plan, 6);  /* not evaluated */

  /* A measure the office leaves out by hand is graded but not counted. */
  added = add_measure (plan, 7);
  shk_measure_set_counted (added, FALSE);
  add_indicator (added, SHK_DIRECTION_HIGHER_IS_BETTER, NAN, 100, 100);

  /* Nor is one added in R2 in an evaluation of R2's actuals: it counts
   * only in evaluations after the year it was added (資料1-1 (6)). */
  added = add_measure (plan, 8);
  shk_measure_set_year_added (added, "R2");
  add_indicator (added, SHK_DIRECTION_HIGHER_IS_BETTER, NAN, 100, 100);
  g_assert_true (shk_plan_measure_too_new_for (plan, added, shk_plan_find_evaluation (plan, "R2/R3")));

  summary = shk_summary_new_for_plan (plan);
  g_assert_cmpuint (summary->n_columns, ==, 4);
  column = &summary->columns[3];
  g_assert_cmpstr (shk_evaluation_get_id (column->evaluation), ==, "R2/R3");
  g_assert_cmpuint (column->count[SHK_GRADE_ACHIEVED], ==, 2);
  g_assert_cmpuint (column->count[SHK_GRADE_MOSTLY], ==, 1);
  g_assert_cmpuint (column->count[SHK_GRADE_LAGGING], ==, 1);
  g_assert_cmpuint (column->count[SHK_GRADE_PENDING], ==, 1);
  g_assert_cmpuint (column->count[SHK_GRADE_NONE], ==, 1);
  g_assert_cmpuint (column->counted, ==, 5);
  g_assert_cmpfloat_with_epsilon (shk_summary_column_share (column, SHK_GRADE_ACHIEVED),
                                  0.4, 1e-12);
  g_assert_cmpfloat (shk_summary_column_share (column, SHK_GRADE_NONE), ==, 0);

  /* R2/R2 has no R2 targets: nothing counted, no division by zero. */
  column = &summary->columns[0];
  g_assert_cmpuint (column->counted, ==, 0);
  g_assert_cmpuint (column->count[SHK_GRADE_NONE], ==, 6);
  g_assert_cmpfloat (shk_summary_column_share (column, SHK_GRADE_ACHIEVED), ==, 0);

  final = shk_plan_find_evaluation (plan, "R2/R3");
  achieved = shk_plan_list_measures_with_grade (plan, final, SHK_GRADE_ACHIEVED, TRUE);
  g_assert_cmpuint (achieved->len, ==, 2);
  g_clear_pointer (&achieved, g_ptr_array_unref);
  achieved = shk_plan_list_measures_with_grade (plan, final, SHK_GRADE_ACHIEVED, FALSE);
  g_assert_cmpuint (achieved->len, ==, 4);

  /* Thresholds are the document's: at 95/70, 92% drops to ○. */
  shk_plan_set_thresholds (plan, 95, 70);
  g_clear_pointer (&summary, shk_summary_free);
  summary = shk_summary_new_for_plan (plan);
  column = &summary->columns[3];
  g_assert_cmpuint (column->count[SHK_GRADE_ACHIEVED], ==, 1);
  g_assert_cmpuint (column->count[SHK_GRADE_MOSTLY], ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/rate/basic", test_rate_basic);
  g_test_add_func ("/rules/rate/not-computable", test_rate_not_computable);
  g_test_add_func ("/rules/grade/thresholds", test_grade_thresholds);
  g_test_add_func ("/rules/indicator/rates", test_indicator_rates);
  g_test_add_func ("/rules/measure/worst-indicator", test_measure_worst_indicator);
  g_test_add_func ("/rules/measure/weakest-indicator", test_measure_weakest_indicator);
  g_test_add_func ("/rules/plan/reporting-evaluation", test_reporting_evaluation);
  g_test_add_func ("/rules/measure/manual-grades", test_manual_grades);
  g_test_add_func ("/rules/summary", test_summary);

  return g_test_run ();
}
