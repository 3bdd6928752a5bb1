/* shk-sensitivity.c — how a scenario's payback moves when its figures do
 *
 * The engine is run once as entered and once per factor and change; each
 * run is the ordinary payback computation on a copy of the parameters, so
 * the table agrees with the payback view and the command line to the yen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "shk-sensitivity.h"

/* More changes than this would not fit a table row anyway. */
#define MAX_CHANGES 32

static const double default_changes[] = { -0.3, -0.2, -0.1, 0.1, 0.2, 0.3 };

const char *
shk_sensitivity_factor_get_label (ShkSensitivityFactor factor)
{
  switch (factor)
    {
    case SHK_SENSITIVITY_HOURLY_RATE:
      return _("Hourly rate");
    case SHK_SENSITIVITY_HOURS_SAVED:
      return _("Hours saved");
    case SHK_SENSITIVITY_COSTS:
      return _("Costs");
    case SHK_SENSITIVITY_N_FACTORS:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

const char *
shk_sensitivity_factor_get_key (ShkSensitivityFactor factor)
{
  static const char * const keys[SHK_SENSITIVITY_N_FACTORS] = {
    [SHK_SENSITIVITY_HOURLY_RATE] = "hourly_rate",
    [SHK_SENSITIVITY_HOURS_SAVED] = "hours_saved",
    [SHK_SENSITIVITY_COSTS] = "costs",
  };

  g_return_val_if_fail ((guint) factor < SHK_SENSITIVITY_N_FACTORS, "");
  return keys[factor];
}

const double *
shk_sensitivity_default_changes (guint *n_changes)
{
  if (n_changes != NULL)
    *n_changes = G_N_ELEMENTS (default_changes);
  return default_changes;
}

static double
total_cost (const ShkPaybackParams *params)
{
  double total = 0;

  for (guint i = 0; i < params->n_years; i++)
    total += params->costs[i];
  return total;
}

static void
fill_cell (ShkSensitivityCell     *cell,
           double                  change,
           double                  value,
           const ShkPaybackResult *result)
{
  cell->change = change;
  cell->value = value;
  cell->payback_year = result->payback_year;
  cell->payback_point = result->payback_point;
  cell->payback_month = result->payback_month;
  cell->net_at_horizon = result->net_at_horizon;
}

/* Runs the engine on @params with one factor scaled by (1 + @change). */
static gboolean
compute_cell (const ShkPaybackParams *params,
              ShkSensitivityFactor    factor,
              double                  change,
              ShkSensitivityCell     *cell,
              GError                **error)
{
  ShkPaybackParams varied = *params;
  g_autofree double *costs = g_memdup2 (params->costs, sizeof (double) * params->n_years);
  g_autoptr(ShkPaybackResult) result = NULL;
  double scale = 1.0 + change;
  double value = 0;

  varied.costs = costs;
  switch (factor)
    {
    case SHK_SENSITIVITY_HOURLY_RATE:
      varied.hourly_rate = params->hourly_rate * scale;
      value = varied.hourly_rate;
      break;
    case SHK_SENSITIVITY_HOURS_SAVED:
      varied.hours_saved = params->hours_saved * scale;
      value = varied.hours_saved;
      break;
    case SHK_SENSITIVITY_COSTS:
      for (guint i = 0; i < varied.n_years; i++)
        costs[i] = params->costs[i] * scale;
      value = total_cost (&varied);
      break;
    case SHK_SENSITIVITY_N_FACTORS:
    default:
      g_return_val_if_reached (FALSE);
    }

  result = shk_payback_compute (&varied, error);
  if (result == NULL)
    return FALSE;
  fill_cell (cell, change, value, result);
  return TRUE;
}

static gboolean
check_changes (const double  *changes,
               guint          n_changes,
               GError       **error)
{
  if (n_changes == 0 || n_changes > MAX_CHANGES)
    {
      g_set_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID,
                   _("Between 1 and %u changes can be tried, not %u"),
                   MAX_CHANGES, n_changes);
      return FALSE;
    }
  for (guint i = 0; i < n_changes; i++)
    if (!isfinite (changes[i]) || changes[i] <= -1.0 || changes[i] > 10.0)
      {
        g_set_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID,
                     _("A change must be above −100%% and at most +1000%%, not %g%%"),
                     changes[i] * 100.0);
        return FALSE;
      }
  return TRUE;
}

ShkSensitivity *
shk_sensitivity_compute (const ShkPaybackParams  *params,
                         const double            *changes,
                         guint                    n_changes,
                         GError                 **error)
{
  g_autoptr(ShkSensitivity) sensitivity = NULL;
  g_autoptr(ShkPaybackResult) base = NULL;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (changes == NULL)
    changes = shk_sensitivity_default_changes (&n_changes);
  if (!check_changes (changes, n_changes, error))
    return NULL;

  base = shk_payback_compute (params, error);
  if (base == NULL)
    return NULL;

  sensitivity = g_new0 (ShkSensitivity, 1);
  sensitivity->n_years = params->n_years;
  sensitivity->n_changes = n_changes;
  sensitivity->changes = g_memdup2 (changes, sizeof (double) * n_changes);
  fill_cell (&sensitivity->base, 0.0, 0.0, base);

  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    {
      sensitivity->cells[f] = g_new0 (ShkSensitivityCell, n_changes);
      for (guint i = 0; i < n_changes; i++)
        if (!compute_cell (params, f, changes[i], &sensitivity->cells[f][i], error))
          return NULL;
    }

  return g_steal_pointer (&sensitivity);
}

ShkSensitivity *
shk_scenario_compute_sensitivity (ShkPlan      *plan,
                                  ShkScenario  *scenario,
                                  GError      **error)
{
  ShkPaybackParams params = { 0 };
  ShkSensitivity *sensitivity;

  g_return_val_if_fail (plan == NULL || SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SHK_IS_SCENARIO (scenario), NULL);

  shk_payback_params_from_scenario (&params, plan, scenario);
  sensitivity = shk_sensitivity_compute (&params, NULL, 0, error);
  shk_payback_params_clear (&params);

  return sensitivity;
}

void
shk_sensitivity_free (ShkSensitivity *sensitivity)
{
  if (sensitivity == NULL)
    return;

  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    g_free (sensitivity->cells[f]);
  g_free (sensitivity->changes);
  g_free (sensitivity);
}

const ShkSensitivityCell *
shk_sensitivity_get_cell (const ShkSensitivity *sensitivity,
                          ShkSensitivityFactor  factor,
                          guint                 index)
{
  g_return_val_if_fail (sensitivity != NULL, NULL);
  g_return_val_if_fail ((guint) factor < SHK_SENSITIVITY_N_FACTORS, NULL);
  g_return_val_if_fail (index < sensitivity->n_changes, NULL);

  return &sensitivity->cells[factor][index];
}

char *
shk_sensitivity_format_change (double change)
{
  double percent = round (change * 1000.0) / 10.0;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (percent == 0)
    return g_strdup ("±0%");
  g_ascii_formatd (buffer, sizeof buffer, "%.10g", fabs (percent));
  /* U+2212 MINUS SIGN: a hyphen is too short beside a plus in a table. */
  return g_strdup_printf ("%s%s%%", percent < 0 ? "−" : "+", buffer);
}

char *
shk_sensitivity_format_cell (const ShkSensitivityCell *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->payback_year == 0)
    /* TRANSLATORS: no payback within the years of the scenario */
    return g_strdup (_("None"));
  /* TRANSLATORS: the payback year and the month within it, e.g. “Year 4 (month 8)” */
  return g_strdup_printf (_("Year %u (month %u)"), cell->payback_year, cell->payback_month);
}
