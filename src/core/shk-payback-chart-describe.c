/* shk-payback-chart-describe.c — the cost-benefit chart in words
 *
 * The sentences screen readers, tooltips and the alt text of exported
 * slides read for a payback chart: every series' figures and the year it
 * pays for itself. Kept apart from the drawing, which it shares nothing
 * with but the chart's description struct.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-number.h"
#include "shk-payback-chart.h"

/* Description */

static char *
format_yen (gint64 yen)
{
  return shk_format_number_grouped ((double) yen, 0);
}

static const char *
year_label (const ShkPaybackChart *chart,
            guint                  index,
            char                 **fallback)
{
  if (chart->year_labels != NULL && index < chart->n_years && chart->year_labels[index] != NULL)
    return chart->year_labels[index];
  *fallback = g_strdup_printf ("%u", index + 1);
  return *fallback;
}

static void
describe_series (GString                *text,
                 const ShkPaybackChart  *chart,
                 const ShkPaybackSeries *series)
{
  const ShkPaybackResult *r = series->result;
  const char *name = series->name != NULL ? series->name : "";
  g_autofree char *fallback = NULL;
  g_autofree char *payback_fallback = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *saving = NULL;
  guint last;

  if (r == NULL || r->n_years == 0)
    return;

  last = r->n_years - 1;
  cost = format_yen (r->cumulative_cost[last]);
  saving = format_yen (r->cumulative_saving[last]);

  g_string_append_c (text, ' ');
  if (r->payback_year > 0)
    g_string_append_printf (text,
                            /* TRANSLATORS: “費用対効果想定①: by 8年目(R9) a cumulative cost of
                             * 25,231,800 yen against savings of 37,395,173 yen; recovered in
                             * year 4, 4年目(R5).” */
                            _("%s: by %s a cumulative cost of %s yen against savings of %s yen; "
                              "recovered in year %u, %s."),
                            name, year_label (chart, last, &fallback), cost, saving,
                            r->payback_year,
                            year_label (chart, r->payback_year - 1, &payback_fallback));
  else
    g_string_append_printf (text,
                            _("%s: by %s a cumulative cost of %s yen against savings of %s yen; "
                              "not recovered within %u years."),
                            name, year_label (chart, last, &fallback), cost, saving,
                            r->n_years);
}

char *
shk_payback_chart_describe (const ShkPaybackChart *chart)
{
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  if (!shk_payback_chart_has_data (chart))
    return g_strdup (_("Cost-benefit chart: no scenarios to show."));

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Cost-benefit chart of cumulative cost and savings over %u year.",
                                       "Cost-benefit chart of cumulative cost and savings over %u years.",
                                       chart->n_years),
                          chart->n_years);
  for (guint s = 0; s < chart->n_series; s++)
    describe_series (text, chart, &chart->series[s]);

  return g_string_free (text, FALSE);
}
