/* shk-report-scenarios.c — the handout's section on the payback
 * scenarios: each one's chart and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-report-private.h"

/* ------------------------------------------------------------------ */
/* 資料1-3 4.: payback scenarios                                       */

static ScenarioFigures *
scenario_figures_new (ShkPlan     *plan,
                      ShkScenario *scenario)
{
  ScenarioFigures *figures = g_new0 (ScenarioFigures, 1);
  g_autoptr(GError) error = NULL;

  figures->name = g_strdup (shk_scenario_get_name (scenario));
  figures->description = g_strdup (shk_scenario_get_description (scenario));
  figures->series = shk_payback_series_set_new ();
  figures->result = shk_payback_series_set_add (figures->series, plan, scenario, &error);
  if (figures->result == NULL)
    figures->problem = g_strdup (error != NULL ? error->message : "");
  return figures;
}

static void
add_yen_row (ShkPageTable *table,
             const char   *label,
             const gint64 *values,
             guint         n,
             gboolean      bold)
{
  ShkPageRow *row = shk_page_table_add_row (table, 1);

  shk_page_row_take_markup (row, 0, 0, bold ? g_markup_printf_escaped ("<b>%s</b>", label)
                                   : g_markup_escape_text (label, -1));
  for (guint y = 0; y < n; y++)
    {
      g_autofree char *text = shk_report_format_yen ((double) values[y]);

      shk_page_row_take_markup (row, y + 1, 0, bold ? g_markup_printf_escaped ("<b>%s</b>", text)
                                           : g_markup_escape_text (text, -1));
    }
  row->shaded = bold;
}

static ShkPageTable *
scenario_table (ShkScenario     *scenario,
                ScenarioFigures *figures)
{
  const ShkPaybackResult *result = figures->result;
  GListModel *items = shk_scenario_get_cost_items (scenario);
  guint n = MIN (result->n_years, figures->series->n_years);
  ShkPageTable *table = shk_page_table_new (figures->name);

  shk_page_table_add_text_column (table, "", 7, 1, 2);
  for (guint y = 0; y < n; y++)
    shk_page_table_add_figure_column (table, figures->series->year_labels[y], SHK_PAGE_ALIGN_RIGHT);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ShkCostItem) item = g_list_model_get_item (items, i);
      g_autofree gint64 *amounts = g_new0 (gint64, MAX (n, 1));

      for (guint y = 0; y < n; y++)
        amounts[y] = (gint64) round (shk_cost_item_get_amount (item, y));
      add_yen_row (table, shk_cost_item_get_name (item), amounts, n, FALSE);
    }
  add_yen_row (table, _("Cost"), result->cost, n, FALSE);
  add_yen_row (table, _("Savings"), result->saving, n, FALSE);
  add_yen_row (table, _("Cumulative cost"), result->cumulative_cost, n, TRUE);
  add_yen_row (table, _("Cumulative savings"), result->cumulative_saving, n, TRUE);
  add_yen_row (table, _("Net (savings − cost)"), result->net, n, FALSE);
  return table;
}

static char *
payback_sentence (ScenarioFigures *figures,
                  ShkScenario     *scenario,
                  ShkPlan         *plan)
{
  const ShkPaybackResult *result = figures->result;
  g_autofree char *net = shk_report_format_yen ((double) result->net_at_horizon);
  g_autofree char *rate = shk_format_number (shk_scenario_get_hourly_rate (scenario));
  g_autofree char *hours = shk_format_number (shk_plan_get_scenario_hours_saved (plan, scenario));
  g_autofree char *basis = g_strdup_printf (_("Savings: %s hours a year at ¥%s an hour."),
                                            hours, rate);

  if (result->payback_year > 0 && result->payback_year <= figures->series->n_years)
    return g_strdup_printf (_("Pays for itself in %s (month %u of that year); net after %u years: "
                              "%s. %s"),
                            figures->series->year_labels[result->payback_year - 1],
                            result->payback_month, result->n_years, net, basis);
  return g_strdup_printf (_("Does not pay for itself within %u years; net after them: %s. %s"),
                          result->n_years, net, basis);
}

void
shk_report_add_scenario_section (ShkReport *self,
                                 ShkPlan   *plan)
{
  g_autoptr(GPtrArray) scenarios = shk_report_list_to_array (shk_plan_get_scenarios (plan));

  if (scenarios->len == 0)
    shk_page_flow_add_text (self->flow, _("The plan has no payback scenario."));
  else
    /* Each scenario's chart and table fill a page: the first one too. */
    shk_report_break_before_section (self);

  for (guint i = 0; i < scenarios->len; i++)
    {
      ShkScenario *scenario = g_ptr_array_index (scenarios, i);
      ScenarioFigures *figures = scenario_figures_new (plan, scenario);
      g_autofree char *heading = NULL;

      g_ptr_array_add (self->scenarios, figures);
      /* One scenario a page, each under its own number as in 資料1-3 4. */
      if (i > 0)
        shk_page_flow_add_page_break (self->flow);
      heading = g_strdup_printf (_("(%u) %s"), i + 1, figures->name);
      shk_page_flow_add_subheading (self->flow, heading);
      if (figures->description != NULL && *figures->description != '\0')
        shk_page_flow_add_text (self->flow, figures->description);

      if (figures->result == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The payback cannot be computed: %s"),
                                                   figures->problem);

          shk_page_flow_add_text (self->flow, text);
          continue;
        }

      {
        g_autofree char *sentence = payback_sentence (figures, scenario, plan);
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", sentence);

        shk_page_flow_add_paragraph (self->flow, markup, 1.0);
      }
      shk_page_flow_add_chart (self->flow, CHART_PAYBACK, i, 0.5);
      shk_page_flow_add_table (self->flow, scenario_table (scenario, figures));
    }
}
