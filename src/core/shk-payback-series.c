/* shk-payback-series.c — the series a payback chart draws, built from scenarios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-payback-series.h"

/* The chart's layout keeps the position of this many years. */
#define MAX_CHART_YEARS G_N_ELEMENTS (((ShkChartLayout *) NULL)->year_x)

/* The public fields point into the private arrays, which move as they
 * grow: refreshed after every change. */
static void
sync_fields (ShkPaybackSeriesSet *set)
{
  set->series = (const ShkPaybackSeries *) (gpointer) set->entries->data;
  set->n_series = set->entries->len;
  set->year_labels = (const char * const *) set->labels->pdata;
  set->n_years = set->labels->len - 1;
}

ShkPaybackSeriesSet *
shk_payback_series_set_new (void)
{
  ShkPaybackSeriesSet *set = g_new0 (ShkPaybackSeriesSet, 1);

  set->entries = g_array_new (FALSE, TRUE, sizeof (ShkPaybackSeries));
  set->results = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_payback_result_free);
  set->names = g_ptr_array_new_with_free_func (g_free);
  set->labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (set->labels, NULL);
  sync_fields (set);
  return set;
}

void
shk_payback_series_set_free (ShkPaybackSeriesSet *set)
{
  if (set == NULL)
    return;
  g_array_unref (set->entries);
  g_ptr_array_unref (set->results);
  g_ptr_array_unref (set->names);
  g_ptr_array_unref (set->labels);
  g_free (set);
}

const ShkPaybackResult *
shk_payback_series_set_add (ShkPaybackSeriesSet *set,
                            ShkPlan             *plan,
                            ShkScenario         *scenario,
                            GError             **error)
{
  ShkPaybackResult *result;
  ShkPaybackSeries entry;
  char *name;
  guint n_years;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SHK_IS_SCENARIO (scenario), NULL);

  result = shk_scenario_compute_payback (plan, scenario, error);
  if (result == NULL)
    return NULL;

  name = g_strdup (shk_scenario_get_name (scenario));
  g_ptr_array_add (set->results, result);
  g_ptr_array_add (set->names, name);
  entry.name = name;
  entry.result = result;
  g_array_append_val (set->entries, entry);

  /* The x axis follows the longest horizon (the first of equals). */
  n_years = MIN (shk_scenario_get_n_years (scenario), MAX_CHART_YEARS);
  if (n_years > set->labels->len - 1)
    {
      g_ptr_array_set_size (set->labels, 0);
      for (guint i = 0; i < n_years; i++)
        g_ptr_array_add (set->labels, shk_scenario_dup_year_label (scenario, i));
      g_ptr_array_add (set->labels, NULL);
    }

  sync_fields (set);
  return result;
}

void
shk_payback_series_set_fill_chart (const ShkPaybackSeriesSet *set,
                                   ShkChartStyle              style,
                                   const char                *title,
                                   ShkPaybackChart           *chart)
{
  g_return_if_fail (set != NULL);
  g_return_if_fail (chart != NULL);

  *chart = (ShkPaybackChart) {
    .style = style,
    .title = title,
    .year_labels = set->year_labels,
    .n_years = set->n_years,
    .series = set->series,
    .n_series = set->n_series,
    .highlight_year = -1,
  };
}
