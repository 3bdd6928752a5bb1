/* shk-rules.c — the planning office's rules: rates, grades and summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "shk-rules.h"

/* Grades are decided on percentages typed by people ("90%"), but rates are
 * computed in binary floating point: 63 ÷ 70 is 0.8999999999999999. A rate
 * that is a threshold up to rounding noise counts as reaching it. */
#define SHK_RATE_EPSILON 1e-9

gboolean
shk_rate_compute (double        actual,
                  double        target,
                  ShkDirection  direction,
                  double       *rate)
{
  double dividend, divisor, result;

  if (!isfinite (actual) || !isfinite (target))
    return FALSE;

  if (direction == SHK_DIRECTION_LOWER_IS_BETTER)
    {
      dividend = target;
      divisor = actual;
    }
  else
    {
      dividend = actual;
      divisor = target;
    }

  if (divisor == 0.0)
    return FALSE;

  result = dividend / divisor;
  if (!isfinite (result))
    return FALSE;

  if (rate != NULL)
    *rate = result;
  return TRUE;
}

gboolean
shk_indicator_compute_rate (ShkIndicator *indicator,
                            const char   *actual_year,
                            const char   *target_year,
                            double       *rate)
{
  double actual, target;

  g_return_val_if_fail (SHK_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (actual_year != NULL && target_year != NULL, FALSE);

  if (!shk_indicator_get_actual (indicator, actual_year, &actual) ||
      !shk_indicator_get_target (indicator, target_year, &target))
    return FALSE;

  return shk_rate_compute (actual, target,
                           shk_indicator_get_direction (indicator), rate);
}

ShkIndicator *
shk_measure_get_weakest_indicator (ShkMeasure *measure,
                                   const char *actual_year,
                                   const char *target_year,
                                   double     *rate)
{
  GListModel *indicators;
  ShkIndicator *weakest = NULL;
  double worst = 0.0;
  guint n;

  g_return_val_if_fail (SHK_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (actual_year != NULL && target_year != NULL, NULL);

  indicators = shk_measure_get_indicators (measure);
  n = g_list_model_get_n_items (indicators);

  /* The published grades rate a measure by its weakest indicator: a
   * measure is only as far along as the part of it that lags most. On a
   * tie the first listed is the one named. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);
      double r;

      if (!shk_indicator_compute_rate (indicator, actual_year, target_year, &r))
        continue;

      if (weakest == NULL || r < worst)
        {
          worst = r;
          weakest = indicator;   /* the measure keeps it alive */
        }
    }

  if (weakest != NULL && rate != NULL)
    *rate = worst;
  return weakest;
}

gboolean
shk_measure_compute_rate (ShkMeasure    *measure,
                          ShkEvaluation *evaluation,
                          double        *rate)
{
  g_return_val_if_fail (SHK_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (SHK_IS_EVALUATION (evaluation), FALSE);

  return shk_measure_get_weakest_indicator (measure,
                                            shk_evaluation_get_actual_year (evaluation),
                                            shk_evaluation_get_target_year (evaluation),
                                            rate) != NULL;
}

ShkEvaluation *
shk_plan_get_reporting_evaluation (ShkPlan *plan)
{
  GListModel *evaluations;
  const char *reporting;
  ShkFiscalYear *final;
  ShkEvaluation *found = NULL;
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  evaluations = shk_plan_get_evaluations (plan);
  n = g_list_model_get_n_items (evaluations);
  reporting = shk_plan_get_reporting_year (plan);
  final = shk_plan_get_final_year (plan);

  for (guint i = 0; i < n && found == NULL; i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      if (final != NULL &&
          g_strcmp0 (shk_evaluation_get_actual_year (evaluation), reporting) == 0 &&
          g_strcmp0 (shk_evaluation_get_target_year (evaluation), shk_fiscal_year_get_id (final)) == 0)
        found = evaluation;   /* the plan keeps it alive */
    }
  if (found == NULL && n > 0)
    {
      g_autoptr(ShkEvaluation) last = g_list_model_get_item (evaluations, n - 1);

      found = last;
    }
  return found;
}

ShkGrade
shk_grade_for_rate (double rate,
                    double achieved_pct,
                    double mostly_pct)
{
  double pct = rate * 100.0;

  if (isnan (pct))
    return SHK_GRADE_LAGGING;
  if (pct + SHK_RATE_EPSILON >= achieved_pct)
    return SHK_GRADE_ACHIEVED;
  if (pct + SHK_RATE_EPSILON >= mostly_pct)
    return SHK_GRADE_MOSTLY;
  return SHK_GRADE_LAGGING;
}

void
shk_plan_grade_measure (ShkPlan       *plan,
                        ShkMeasure    *measure,
                        ShkEvaluation *evaluation,
                        ShkGradeInfo  *info)
{
  const char *evaluation_id;

  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (SHK_IS_EVALUATION (evaluation));
  g_return_if_fail (info != NULL);

  memset (info, 0, sizeof *info);
  evaluation_id = shk_evaluation_get_id (evaluation);

  info->has_rate = shk_measure_compute_rate (measure, evaluation, &info->rate);
  if (info->has_rate)
    info->computed = shk_grade_for_rate (info->rate,
                                         shk_plan_get_achieved_threshold (plan),
                                         shk_plan_get_mostly_threshold (plan));

  info->has_manual = shk_measure_get_manual_grade (measure, evaluation_id,
                                                   &info->manual, &info->reason);

  if (!info->has_manual)
    {
      info->effective = info->computed;
      info->origin = SHK_GRADE_ORIGIN_COMPUTED;
    }
  else
    {
      info->effective = info->manual;
      if (!info->has_rate)
        info->origin = SHK_GRADE_ORIGIN_JUDGED;
      else if (info->manual == info->computed)
        info->origin = SHK_GRADE_ORIGIN_CONFIRMED;
      else
        info->origin = SHK_GRADE_ORIGIN_OVERRIDDEN;
    }
}

ShkGrade
shk_plan_get_effective_grade (ShkPlan       *plan,
                              ShkMeasure    *measure,
                              ShkEvaluation *evaluation)
{
  ShkGradeInfo info;

  shk_plan_grade_measure (plan, measure, evaluation, &info);
  return info.effective;
}

ShkSummary *
shk_summary_new_for_plan (ShkPlan *plan)
{
  GListModel *evaluations, *measures;
  ShkSummary *summary;
  guint n_measures;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  evaluations = shk_plan_get_evaluations (plan);
  measures = shk_plan_get_measures (plan);
  n_measures = g_list_model_get_n_items (measures);

  summary = g_new0 (ShkSummary, 1);
  summary->n_columns = g_list_model_get_n_items (evaluations);
  summary->columns = g_new0 (ShkSummaryColumn, summary->n_columns);

  for (guint c = 0; c < summary->n_columns; c++)
    {
      ShkSummaryColumn *column = &summary->columns[c];

      column->evaluation = g_list_model_get_item (evaluations, c);

      for (guint m = 0; m < n_measures; m++)
        {
          g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, m);
          ShkGrade grade;

          if (!shk_measure_get_counted (measure))
            continue;

          grade = shk_plan_get_effective_grade (plan, measure, column->evaluation);
          column->count[grade]++;
          if (grade != SHK_GRADE_NONE)
            column->counted++;
        }
    }

  return summary;
}

void
shk_summary_free (ShkSummary *summary)
{
  if (summary == NULL)
    return;

  for (guint c = 0; c < summary->n_columns; c++)
    g_clear_object (&summary->columns[c].evaluation);
  g_free (summary->columns);
  g_free (summary);
}

double
shk_summary_column_share (const ShkSummaryColumn *column,
                          ShkGrade                grade)
{
  g_return_val_if_fail (column != NULL, 0.0);
  g_return_val_if_fail (grade < SHK_N_GRADES, 0.0);

  if (column->counted == 0 || grade == SHK_GRADE_NONE)
    return 0.0;
  return (double) column->count[grade] / column->counted;
}

static void
shk_departure_free (gpointer data)
{
  ShkDeparture *departure = data;

  g_clear_object (&departure->measure);
  g_clear_object (&departure->evaluation);
  g_free (departure);
}

GPtrArray *
shk_plan_list_departures (ShkPlan *plan)
{
  GListModel *evaluations, *measures;
  GPtrArray *departures;
  guint n_measures, n_evaluations;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  departures = g_ptr_array_new_with_free_func (shk_departure_free);
  evaluations = shk_plan_get_evaluations (plan);
  measures = shk_plan_get_measures (plan);
  n_measures = g_list_model_get_n_items (measures);
  n_evaluations = g_list_model_get_n_items (evaluations);

  for (guint m = 0; m < n_measures; m++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, m);

      for (guint e = 0; e < n_evaluations; e++)
        {
          g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, e);
          ShkDeparture *departure;
          ShkGradeInfo info;

          shk_plan_grade_measure (plan, measure, evaluation, &info);
          if (info.origin != SHK_GRADE_ORIGIN_OVERRIDDEN)
            continue;

          departure = g_new0 (ShkDeparture, 1);
          departure->measure = g_object_ref (measure);
          departure->evaluation = g_object_ref (evaluation);
          departure->info = info;
          g_ptr_array_add (departures, departure);
        }
    }

  return departures;
}

GPtrArray *
shk_plan_list_measures_with_grade (ShkPlan       *plan,
                                   ShkEvaluation *evaluation,
                                   ShkGrade       grade,
                                   gboolean       counted_only)
{
  GListModel *measures;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SHK_IS_EVALUATION (evaluation), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  measures = shk_plan_get_measures (plan);
  n = g_list_model_get_n_items (measures);

  for (guint m = 0; m < n; m++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, m);

      if (counted_only && !shk_measure_get_counted (measure))
        continue;
      if (shk_plan_get_effective_grade (plan, measure, evaluation) == grade)
        g_ptr_array_add (result, g_object_ref (measure));
    }

  return result;
}
