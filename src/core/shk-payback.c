/* shk-payback.c — the payback (cost-benefit) engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-payback.h"

/* As many years as a chart's layout can hold. */
#define MAX_YEARS 64

/* Any single amount above this (a thousand trillion yen) is a typing
 * mistake; the limit also keeps 64 years of sums exact in a gint64 and in
 * a double's 53-bit mantissa up to the yen. */
#define MAX_AMOUNT 1e15

G_DEFINE_QUARK (shk-payback-error-quark, shk_payback_error)

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

typedef enum
{
  AMOUNT_OK,
  AMOUNT_NOT_FINITE,
  AMOUNT_NEGATIVE,
  AMOUNT_TOO_LARGE,
} AmountProblem;

static AmountProblem
classify_amount (double value)
{
  if (!isfinite (value))
    return AMOUNT_NOT_FINITE;
  if (value < 0)
    return AMOUNT_NEGATIVE;
  if (value > MAX_AMOUNT)
    return AMOUNT_TOO_LARGE;
  return AMOUNT_OK;
}

/* Whole sentences per parameter, so that translations read naturally. */
static gboolean
check_hourly_rate (double   value,
                   GError **error)
{
  switch (classify_amount (value))
    {
    case AMOUNT_NOT_FINITE:
      return invalid (error, _("Hourly rate must be a finite number"));
    case AMOUNT_NEGATIVE:
      return invalid (error, _("Hourly rate must not be negative"));
    case AMOUNT_TOO_LARGE:
      return invalid (error, _("Hourly rate is too large: more than 10^15 yen"));
    case AMOUNT_OK:
    default:
      return TRUE;
    }
}

static gboolean
check_hours_saved (double   value,
                   GError **error)
{
  switch (classify_amount (value))
    {
    case AMOUNT_NOT_FINITE:
      return invalid (error, _("Hours saved must be a finite number"));
    case AMOUNT_NEGATIVE:
      return invalid (error, _("Hours saved must not be negative"));
    case AMOUNT_TOO_LARGE:
      return invalid (error, _("Too many hours saved: more than 10^15 a year"));
    case AMOUNT_OK:
    default:
      return TRUE;
    }
}

static gboolean
check_cost (double   value,
            guint    year,
            GError **error)
{
  switch (classify_amount (value))
    {
    case AMOUNT_NOT_FINITE:
      return invalid (error, _("Cost in year %u must be a finite number"), year);
    case AMOUNT_NEGATIVE:
      return invalid (error, _("Cost in year %u must not be negative"), year);
    case AMOUNT_TOO_LARGE:
      return invalid (error, _("Cost in year %u is too large: more than 10^15 yen"), year);
    case AMOUNT_OK:
    default:
      return TRUE;
    }
}

gboolean
shk_payback_check_first_year_months (double   months,
                                     GError **error)
{
  /* A double, so that what a user typed (13, -1, 2.5) is judged before
   * it is squeezed into a guint. */
  if (isfinite (months) && months >= 0 && months <= SHK_PAYBACK_MONTHS_PER_YEAR)
    return TRUE;
  return invalid (error, _("Months in the first year of savings must be between 0 and 12, not %g"),
                  months);
}

gboolean
shk_payback_params_validate (const ShkPaybackParams  *params,
                             GError                 **error)
{
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (params->n_years == 0 || params->n_years > MAX_YEARS)
    return invalid (error, _("The number of years must be between 1 and %u, not %u"),
                    MAX_YEARS, params->n_years);
  if (!check_hourly_rate (params->hourly_rate, error) ||
      !check_hours_saved (params->hours_saved, error))
    return FALSE;
  if (params->hourly_rate * params->hours_saved > MAX_AMOUNT)
    return invalid (error, _("Hours saved × hourly rate is too large: more than 10^15 yen a year"));
  if (params->savings_start >= params->n_years)
    return invalid (error, _("The first year of savings (year %u) is beyond the %u years of the scenario"),
                    params->savings_start + 1, params->n_years);
  if (!shk_payback_check_first_year_months (params->first_year_months, error))
    return FALSE;
  if (!isfinite (params->discount_rate) || params->discount_rate < 0 || params->discount_rate >= 1)
    return invalid (error, _("Discount rate must be at least 0 and below 1 (100%%), not %g"),
                    params->discount_rate);
  if (params->costs == NULL)
    return invalid (error, _("The costs are missing"));

  for (guint i = 0; i < params->n_years; i++)
    if (!check_cost (params->costs[i], i + 1, error))
      return FALSE;

  return TRUE;
}

/* Halves round away from zero, as the handouts' spreadsheets do; round()
 * does exactly that, unlike rint() with its banker's rounding. */
static gint64
to_yen (double amount)
{
  return (gint64) round (amount);
}

static gint64
saving_in_year (const ShkPaybackParams *params,
                guint                   index)
{
  double full = params->hours_saved * params->hourly_rate;

  if (index < params->savings_start)
    return 0;
  if (index > params->savings_start)
    return to_yen (full);
  /* Multiply before dividing: 5,609,276 × 8 ÷ 12 is 3,739,517.33 and a
   * true half stays an exact half. */
  return to_yen (full * params->first_year_months / 12.0);
}

/* A year is a payback year once the savings so far cover the costs so
 * far — but not while nothing has been spent and nothing saved: an idle
 * survey year with no costs has recovered nothing. With no costs at all,
 * the first year that saves anything is the payback year. */
static gboolean
covers (double cumulative_saving,
        double cumulative_cost)
{
  return cumulative_saving >= cumulative_cost &&
         (cumulative_cost > 0 || cumulative_saving > 0);
}

/* Costs are paid at the start of the year and savings accrue evenly
 * through it: the point is where the savings of the year reach what the
 * costs still need. */
static double
interpolate (guint  index,
             double cost_to_cover,
             double saving_before,
             double saving_in_year)
{
  double fraction;

  if (saving_in_year <= 0)
    return index;
  fraction = (cost_to_cover - saving_before) / saving_in_year;
  return index + CLAMP (fraction, 0.0, 1.0);
}

static guint
month_of (double point,
          guint  index)
{
  /* The month by whose end the costs are covered; a hair of tolerance so
   * that exactly two thirds of a year is month 8, not 9. */
  double months = ceil ((point - index) * 12.0 - 1e-9);

  return (guint) CLAMP (months, 1.0, 12.0);
}

static ShkPaybackResult *
result_new (guint n_years)
{
  ShkPaybackResult *result = g_new0 (ShkPaybackResult, 1);

  result->n_years = n_years;
  result->cost = g_new0 (gint64, n_years);
  result->saving = g_new0 (gint64, n_years);
  result->cumulative_cost = g_new0 (gint64, n_years);
  result->cumulative_saving = g_new0 (gint64, n_years);
  result->net = g_new0 (gint64, n_years);
  result->discounted_cumulative_cost = g_new0 (double, n_years);
  result->discounted_cumulative_saving = g_new0 (double, n_years);
  result->payback_point = -1;
  result->discounted_payback_point = -1;
  return result;
}

static void
find_payback (ShkPaybackResult *result)
{
  for (guint i = 0; i < result->n_years; i++)
    if (covers (result->cumulative_saving[i], result->cumulative_cost[i]))
      {
        double before = i > 0 ? result->cumulative_saving[i - 1] : 0;

        result->payback_year = i + 1;
        result->payback_point = interpolate (i, result->cumulative_cost[i],
                                             before, result->saving[i]);
        result->payback_month = month_of (result->payback_point, i);
        return;
      }
}

static void
find_discounted_payback (ShkPaybackResult *result,
                         double            discount_rate)
{
  for (guint i = 0; i < result->n_years; i++)
    if (covers (result->discounted_cumulative_saving[i],
                result->discounted_cumulative_cost[i]))
      {
        double before = i > 0 ? result->discounted_cumulative_saving[i - 1] : 0;
        double saving = result->saving[i] / pow (1.0 + discount_rate, i);

        result->discounted_payback_year = i + 1;
        result->discounted_payback_point =
          interpolate (i, result->discounted_cumulative_cost[i], before, saving);
        return;
      }
}

ShkPaybackResult *
shk_payback_compute (const ShkPaybackParams  *params,
                     GError                 **error)
{
  ShkPaybackResult *result;
  gint64 cost_sum = 0, saving_sum = 0;
  double discounted_cost = 0, discounted_saving = 0;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!shk_payback_params_validate (params, error))
    return NULL;

  result = result_new (params->n_years);
  for (guint i = 0; i < params->n_years; i++)
    {
      /* Year i's amounts are worth 1 / (1 + r)^i of today's. With r = 0
       * the factor is exactly 1 and the figures equal the plain ones. */
      double factor = 1.0 / pow (1.0 + params->discount_rate, i);

      result->cost[i] = to_yen (params->costs[i]);
      result->saving[i] = saving_in_year (params, i);
      cost_sum += result->cost[i];
      saving_sum += result->saving[i];
      result->cumulative_cost[i] = cost_sum;
      result->cumulative_saving[i] = saving_sum;
      result->net[i] = saving_sum - cost_sum;

      discounted_cost += result->cost[i] * factor;
      discounted_saving += result->saving[i] * factor;
      result->discounted_cumulative_cost[i] = discounted_cost;
      result->discounted_cumulative_saving[i] = discounted_saving;
    }
  result->net_at_horizon = result->net[params->n_years - 1];

  find_payback (result);
  find_discounted_payback (result, params->discount_rate);

  return result;
}

void
shk_payback_result_free (ShkPaybackResult *result)
{
  if (result == NULL)
    return;

  g_free (result->cost);
  g_free (result->saving);
  g_free (result->cumulative_cost);
  g_free (result->cumulative_saving);
  g_free (result->net);
  g_free (result->discounted_cumulative_cost);
  g_free (result->discounted_cumulative_saving);
  g_free (result);
}

void
shk_payback_params_from_scenario (ShkPaybackParams *params,
                                  ShkPlan          *plan,
                                  ShkScenario      *scenario)
{
  guint n_years;

  g_return_if_fail (params != NULL);
  g_return_if_fail (plan == NULL || SHK_IS_PLAN (plan));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));

  n_years = shk_scenario_get_n_years (scenario);

  params->n_years = n_years;
  params->hourly_rate = shk_scenario_get_hourly_rate (scenario);
  if (plan != NULL)
    params->hours_saved = shk_plan_get_scenario_hours_saved (plan, scenario);
  else if (!shk_scenario_get_hours_saved (scenario, &params->hours_saved))
    params->hours_saved = 0;
  params->savings_start = shk_scenario_get_savings_start (scenario);
  params->first_year_months = shk_scenario_get_first_year_months (scenario);
  params->discount_rate = shk_scenario_get_discount_rate (scenario);

  /* Never NULL, so that clearing is uniform and validation reports the
   * number of years rather than missing costs. */
  params->costs = g_new0 (double, MAX (n_years, 1));
  for (guint i = 0; i < n_years; i++)
    params->costs[i] = shk_scenario_get_cost (scenario, i);
}

void
shk_payback_params_clear (ShkPaybackParams *params)
{
  g_return_if_fail (params != NULL);

  g_clear_pointer (&params->costs, g_free);
}

gboolean
shk_scenario_has_costs (ShkScenario *scenario)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (scenario), FALSE);

  for (guint i = 0; i < shk_scenario_get_n_years (scenario); i++)
    if (shk_scenario_get_cost (scenario, i) != 0)
      return TRUE;
  return FALSE;
}

ShkPaybackResult *
shk_scenario_compute_payback (ShkPlan      *plan,
                              ShkScenario  *scenario,
                              GError      **error)
{
  ShkPaybackParams params = { 0 };
  ShkPaybackResult *result;

  g_return_val_if_fail (plan == NULL || SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SHK_IS_SCENARIO (scenario), NULL);

  if (!shk_scenario_has_costs (scenario))
    {
      /* TRANSLATORS: shown instead of a payback for a scenario whose costs
       * have not been entered yet; 「費用未入力」 */
      g_set_error_literal (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_NO_COSTS,
                           _("No costs entered"));
      return NULL;
    }

  shk_payback_params_from_scenario (&params, plan, scenario);
  result = shk_payback_compute (&params, error);
  shk_payback_params_clear (&params);

  return result;
}
