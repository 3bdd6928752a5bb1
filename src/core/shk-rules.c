/* shk-rules.c — the planning office's rules: rates, grades and summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
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

ShkUnratedReason
shk_indicator_get_unrated_reason (ShkIndicator *indicator,
                                  const char   *actual_year,
                                  const char   *target_year)
{
  double actual, target;
  ShkDirection direction;

  g_return_val_if_fail (SHK_IS_INDICATOR (indicator), SHK_UNRATED_NONE);
  g_return_val_if_fail (actual_year != NULL && target_year != NULL, SHK_UNRATED_NONE);

  if (!shk_indicator_get_actual (indicator, actual_year, &actual))
    return SHK_UNRATED_NO_ACTUAL;
  if (!shk_indicator_get_target (indicator, target_year, &target))
    return SHK_UNRATED_NO_TARGET;

  direction = shk_indicator_get_direction (indicator);
  if (shk_rate_compute (actual, target, direction, NULL))
    return SHK_UNRATED_NONE;
  /* Both figures are there, so the divisor was zero (the model keeps
   * only finite figures). */
  return direction == SHK_DIRECTION_LOWER_IS_BETTER
    ? SHK_UNRATED_ZERO_ACTUAL : SHK_UNRATED_ZERO_TARGET;
}

const char *
shk_unrated_reason_describe (ShkUnratedReason reason)
{
  switch (reason)
    {
    case SHK_UNRATED_NONE:
      return NULL;
    case SHK_UNRATED_NO_ACTUAL:
      return _("No actual figure for the year.");
    case SHK_UNRATED_NO_TARGET:
      return _("No target figure for the year.");
    case SHK_UNRATED_ZERO_TARGET:
      return _("The target is 0, so no rate can be computed (actual ÷ target).");
    case SHK_UNRATED_ZERO_ACTUAL:
      return _("The actual is 0 on an indicator where lower is better, so no rate can be computed (target ÷ actual).");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
shk_unrated_reason_is_rule (ShkUnratedReason reason)
{
  return reason == SHK_UNRATED_ZERO_TARGET || reason == SHK_UNRATED_ZERO_ACTUAL;
}

ShkIndicator *
shk_measure_get_weakest_indicator (ShkMeasure *measure,
                                   const char *actual_year,
                                   const char *target_year,
                                   double     *rate)
{
  ShkIndicator *weakest = NULL;
  double worst = 0.0;
  guint n;

  g_return_val_if_fail (SHK_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (actual_year != NULL && target_year != NULL, NULL);

  n = shk_measure_get_n_indicators (measure);

  /* The published grades rate a measure by its weakest indicator: a
   * measure is only as far along as the part of it that lags most. On a
   * tie the first listed is the one named. */
  for (guint i = 0; i < n; i++)
    {
      ShkIndicator *indicator = shk_measure_get_indicator (measure, i);
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

/* The Western calendar year an era id names: H30 → 2018, R1 → 2019.
 * Heisei ended in its 31st year, which was also Reiwa 1. */
static gboolean
era_year (const char *id,
          int        *year)
{
  char *end = NULL;
  long n;

  if (id == NULL || (id[0] != 'H' && id[0] != 'R') || !g_ascii_isdigit (id[1]))
    return FALSE;
  n = strtol (id + 1, &end, 10);
  if (*end != '\0' || n < 1 || n > 99)
    return FALSE;
  *year = (int) n + (id[0] == 'H' ? 1988 : 2018);
  return TRUE;
}

static gboolean
plan_year_index (ShkPlan    *plan,
                 const char *id,
                 int        *index)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  guint n = g_list_model_get_n_items (years);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      if (g_strcmp0 (shk_fiscal_year_get_id (year), id) == 0)
        {
          *index = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
shk_plan_compare_years (ShkPlan    *plan,
                        const char *a,
                        const char *b,
                        int        *order)
{
  int ya, yb;

  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (order != NULL, FALSE);

  if (!(era_year (a, &ya) && era_year (b, &yb)) &&
      !(plan_year_index (plan, a, &ya) && plan_year_index (plan, b, &yb)))
    return FALSE;
  *order = (ya > yb) - (ya < yb);
  return TRUE;
}

gboolean
shk_plan_measure_too_new_for (ShkPlan       *plan,
                              ShkMeasure    *measure,
                              ShkEvaluation *evaluation)
{
  const char *added;
  int order;

  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (SHK_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (SHK_IS_EVALUATION (evaluation), FALSE);

  added = shk_measure_get_year_added (measure);
  if (added == NULL || *added == '\0')
    return FALSE;
  /* A year that cannot be placed cannot exclude anything: the measure
   * stays counted, as it would be without a year. */
  if (!shk_plan_compare_years (plan, shk_evaluation_get_actual_year (evaluation),
                               added, &order))
    return FALSE;
  /* Counted only once the actual year is after the year it was added:
   * No.31 was added in R3 with an R2 result, which is not counted. */
  return order <= 0;
}

gboolean
shk_plan_measure_counts_in (ShkPlan       *plan,
                            ShkMeasure    *measure,
                            ShkEvaluation *evaluation)
{
  g_return_val_if_fail (SHK_IS_MEASURE (measure), FALSE);

  return shk_measure_get_counted (measure) &&
         !shk_plan_measure_too_new_for (plan, measure, evaluation);
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
    summary->columns[c].evaluation = g_list_model_get_item (evaluations, c);

  /* Measure by measure, each graded for every evaluation while its
   * figures are at hand: a prefecture's plan is far larger than the
   * caches, and a pass over all of it per evaluation cost four times the
   * memory traffic (issue #17). */
  for (guint m = 0; m < n_measures; m++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, m);

      for (guint c = 0; c < summary->n_columns; c++)
        {
          ShkSummaryColumn *column = &summary->columns[c];
          ShkGrade grade;

          if (!shk_plan_measure_counts_in (plan, measure, column->evaluation))
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

      if (counted_only && !shk_plan_measure_counts_in (plan, measure, evaluation))
        continue;
      if (shk_plan_get_effective_grade (plan, measure, evaluation) == grade)
        g_ptr_array_add (result, g_object_ref (measure));
    }

  return result;
}

/* Printed rates ------------------------------------------------------ */

/* "94.1%" → 94.1 with 1 decimal. Only a plain percentage is read: the
 * handouts print each year's progress rate so. */
static gboolean
parse_printed_percent (const char *text,
                       double     *pct,
                       guint      *decimals)
{
  g_autofree char *copy = NULL;
  const char *dot;
  char *end = NULL;
  gsize len;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len < 2 || copy[len - 1] != '%')
    return FALSE;
  copy[len - 1] = '\0';
  *pct = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (*pct))
    return FALSE;
  dot = strchr (copy, '.');
  *decimals = dot != NULL ? (guint) strlen (dot + 1) : 0;
  return TRUE;
}

static gboolean
printed_rate_differs (double computed_pct,
                      double printed_pct,
                      guint  decimals)
{
  double scale = pow (10.0, MIN (decimals, 6));

  /* Rounded half up at the printed precision, as the office's
   * spreadsheets do; the epsilon keeps 63÷70 = 89.99999… at 90.0. */
  return fabs (floor (computed_pct * scale + 0.5 + SHK_RATE_EPSILON) / scale
               - printed_pct) > 0.5 / scale;
}

static void
printed_rate_mismatch_free (gpointer data)
{
  ShkPrintedRateMismatch *mismatch = data;

  g_clear_object (&mismatch->measure);
  g_clear_object (&mismatch->indicator);
  g_free (mismatch->year);
  g_free (mismatch->printed);
  g_free (mismatch);
}

typedef void (*PrintedRateFunc) (ShkMeasure   *measure,
                                 ShkIndicator *indicator,
                                 guint         index,
                                 const char   *year,
                                 const char   *printed,
                                 double        printed_pct,
                                 guint         decimals,
                                 double        computed_pct,
                                 gpointer      user_data);

/* Calls @func for every printed progress rate whose figures compute a
 * rate: the year's actual against the same year's target. */
static void
foreach_printed_rate (ShkPlan         *plan,
                      PrintedRateFunc  func,
                      gpointer         user_data)
{
  GListModel *measures = shk_plan_get_measures (plan);
  guint n = g_list_model_get_n_items (measures);

  for (guint m = 0; m < n; m++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, m);

      for (guint i = 0; i < shk_measure_get_n_indicators (measure); i++)
        {
          ShkIndicator *indicator = shk_measure_get_indicator (measure, i);
          g_auto(GStrv) years = shk_indicator_dup_year_ids (indicator);

          for (guint y = 0; years != NULL && years[y] != NULL; y++)
            {
              const char *printed = shk_indicator_get_printed_rate (indicator, years[y]);
              double printed_pct, rate;
              guint decimals;

              if (!parse_printed_percent (printed, &printed_pct, &decimals) ||
                  !shk_indicator_compute_rate (indicator, years[y], years[y], &rate))
                continue;
              func (measure, indicator, i, years[y], printed, printed_pct,
                    decimals, rate * 100.0, user_data);
            }
        }
    }
}

static void
add_if_mismatch (ShkMeasure   *measure,
                 ShkIndicator *indicator,
                 guint         index,
                 const char   *year,
                 const char   *printed,
                 double        printed_pct,
                 guint         decimals,
                 double        computed_pct,
                 gpointer      user_data)
{
  GPtrArray *mismatches = user_data;
  ShkPrintedRateMismatch *mismatch;

  if (!printed_rate_differs (computed_pct, printed_pct, decimals))
    return;

  mismatch = g_new0 (ShkPrintedRateMismatch, 1);
  mismatch->measure = g_object_ref (measure);
  mismatch->indicator = g_object_ref (indicator);
  mismatch->indicator_index = index;
  mismatch->year = g_strdup (year);
  mismatch->printed = g_strdup (printed);
  mismatch->printed_pct = printed_pct;
  mismatch->computed_pct = computed_pct;
  mismatch->decimals = decimals;
  g_ptr_array_add (mismatches, mismatch);
}

GPtrArray *
shk_plan_list_printed_rate_mismatches (ShkPlan *plan)
{
  GPtrArray *mismatches;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  mismatches = g_ptr_array_new_with_free_func (printed_rate_mismatch_free);
  foreach_printed_rate (plan, add_if_mismatch, mismatches);
  return mismatches;
}

static void
count_one (ShkMeasure   *measure,
           ShkIndicator *indicator,
           guint         index,
           const char   *year,
           const char   *printed,
           double        printed_pct,
           guint         decimals,
           double        computed_pct,
           gpointer      user_data)
{
  (*(guint *) user_data)++;
}

guint
shk_plan_count_printed_rates (ShkPlan *plan)
{
  guint count = 0;

  g_return_val_if_fail (SHK_IS_PLAN (plan), 0);

  foreach_printed_rate (plan, count_one, &count);
  return count;
}
