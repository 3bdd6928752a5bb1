/* shk-render-charts.c — every chart of the built-in document as PNG files,
 * to look at
 *
 *   _build/tools/shk-render-charts OUTPUT-FOLDER
 *
 * Writes the payback chart (each scenario and all three, at slide size
 * and at the smallest size, and once with the handouts' Japanese year
 * labels whatever the locale), the grade summary, the Pareto chart, the
 * breakdowns by priority class and by category, and each scenario's
 * tornado chart, in the light, dark and presentation styles. The tests
 * check the charts; this shows them to a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "shk-breakdown-chart.h"
#include "shk-format.h"
#include "shk-pareto-chart.h"
#include "shk-payback-chart.h"
#include "shk-summary-chart.h"
#include "shk-tornado-chart.h"

static const char *style_names[] = { "light", "dark", "presentation" };

typedef struct
{
  const char *folder;
  guint       n_written;
  gboolean    failed;
} Output;

typedef void (*DrawFunc) (cairo_t *cr, double width, double height, gconstpointer chart);

static void
write_png (Output        *out,
           const char    *name,
           int            width,
           int            height,
           DrawFunc       draw,
           gconstpointer  chart)
{
  g_autofree char *path = g_build_filename (out->folder, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw (cr, width, height, chart);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("Could not write “%s”: %s\n", path, cairo_status_to_string (status));
      out->failed = TRUE;
      return;
    }
  out->n_written++;
}

static void
draw_payback (cairo_t *cr, double width, double height, gconstpointer chart)
{
  ShkChartLayout layout;

  shk_payback_chart_draw (cr, width, height, chart, &layout);
}

static void
draw_summary (cairo_t *cr, double width, double height, gconstpointer chart)
{
  shk_summary_chart_draw (cr, width, height, chart);
}

static void
draw_pareto (cairo_t *cr, double width, double height, gconstpointer chart)
{
  shk_pareto_chart_draw (cr, width, height, chart);
}

static void
draw_breakdown (cairo_t *cr, double width, double height, gconstpointer chart)
{
  shk_breakdown_chart_draw (cr, width, height, chart);
}

static void
draw_tornado (cairo_t *cr, double width, double height, gconstpointer chart)
{
  shk_sensitivity_chart_draw (cr, width, height, chart);
}

/* Each scenario and all three, light, dark and presentation, at 1280 and
 * 640 pixels wide, and with Japanese year labels. */
static void
render_payback (Output  *out,
                ShkPlan *plan)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  guint n = g_list_model_get_n_items (scenarios);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_payback_result_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) japanese = g_ptr_array_new_with_free_func (g_free);
  g_autofree ShkPaybackSeries *series = g_new0 (ShkPaybackSeries, MAX (n, 1));
  g_autoptr(ShkScenario) first = n > 0 ? g_list_model_get_item (scenarios, 0) : NULL;
  ShkScenario *longest = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(GError) error = NULL;
      ShkPaybackResult *result = shk_scenario_compute_payback (plan, scenario, &error);

      if (result == NULL)
        {
          g_printerr ("Scenario %u: %s\n", i + 1, error->message);
          out->failed = TRUE;
          return;
        }
      g_ptr_array_add (results, result);
      series[i] = (ShkPaybackSeries) { shk_scenario_get_name (scenario), result };
      if (longest == NULL || shk_scenario_get_n_years (scenario) > shk_scenario_get_n_years (longest))
        longest = scenario;
    }
  if (n == 0)
    return;

  for (guint y = 0; y < shk_scenario_get_n_years (longest); y++)
    g_ptr_array_add (labels, shk_scenario_dup_year_label (longest, y));
  g_ptr_array_add (labels, NULL);
  for (guint y = 0; y < shk_scenario_get_n_years (first); y++)
    g_ptr_array_add (japanese, g_strdup_printf ("%u年目(%s)", y + 1, shk_scenario_get_years (first)[y]));
  g_ptr_array_add (japanese, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (style_names); t++)
    for (guint k = 0; k <= n; k++)
      for (guint z = 0; z < 3; z++)
        {
          ShkPaybackChart chart = {
            .style = t,
            .title = k < n ? series[k].name : "費用対効果の想定",
            .year_labels = (const char * const *) (z == 2 ? japanese : labels)->pdata,
            .n_years = (z == 2 ? japanese : labels)->len - 1,
            .series = k < n ? &series[k] : series,
            .n_series = k < n ? 1 : n,
            .highlight_year = k == 0 && z == 0 ? 3 : -1,
          };
          int width = z == 1 ? 640 : 1280, height = z == 1 ? 360 : 720;
          g_autofree char *selection = k < n ? g_strdup_printf ("%u", k + 1) : g_strdup ("all");
          g_autofree char *name = g_strdup_printf ("payback-%s-%s-%d%s.png", style_names[t],
                                                   selection, width, z == 2 ? "-ja" : "");

          write_png (out, name, width, height, draw_payback, &chart);
        }
}

static void
render_survey (Output  *out,
               ShkPlan *plan)
{
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  static const ShkBreakdownKind kinds[] = { SHK_BREAKDOWN_BY_PRIORITY, SHK_BREAKDOWN_BY_CATEGORY };

  for (guint t = 0; t < G_N_ELEMENTS (style_names); t++)
    for (guint s = 0; s < 2; s++)
      {
        int width = s == 0 ? 1280 : 640, height = s == 0 ? 720 : 360;
        ShkSummaryChart summary_chart = { t, "第四次地域情報化計画の進捗状況", summary };
        ShkParetoChart pareto = { .style = t, .title = "AI・RPA導入効果の大きい業務処理",
                                  .ranking = ranking, .threshold = 0.8 };
        g_autofree char *summary_name = g_strdup_printf ("summary-%s-%d.png", style_names[t], width);
        g_autofree char *pareto_name = g_strdup_printf ("pareto-%s-%d.png", style_names[t], width);

        write_png (out, summary_name, width, height, draw_summary, &summary_chart);
        write_png (out, pareto_name, width, height, draw_pareto, &pareto);
        for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
          {
            ShkBreakdownChart breakdown = { t, "AI・RPA導入効果の大きい業務処理の内訳", ranking, kinds[k] };
            g_autofree char *name = g_strdup_printf ("breakdown-%s-%s-%d.png",
                                                     k == 0 ? "priority" : "category",
                                                     style_names[t], width);

            write_png (out, name, width, height, draw_breakdown, &breakdown);
          }
      }
}

static void
render_tornado (Output  *out,
                ShkPlan *plan)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShkSensitivity) sensitivity = shk_scenario_compute_sensitivity (plan, scenario, &error);

      if (sensitivity == NULL)
        {
          g_printerr ("Scenario %u: %s\n", i + 1, error->message);
          out->failed = TRUE;
          continue;
        }
      for (guint t = 0; t < G_N_ELEMENTS (style_names); t++)
        {
          ShkSensitivityChart chart = { t, shk_scenario_get_name (scenario), sensitivity, NULL };
          g_autofree char *name = g_strdup_printf ("tornado-%u-%s-1280.png", i + 1, style_names[t]);

          write_png (out, name, 1280, 720, draw_tornado, &chart);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShkPlan) plan = NULL;
  Output out = { 0 };

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  out.folder = argv[1];
  if (g_mkdir_with_parents (out.folder, 0755) != 0)
    {
      g_printerr ("Could not create “%s”\n", out.folder);
      return 1;
    }

  plan = shk_builtin_plan_new ();
  render_payback (&out, plan);
  render_survey (&out, plan);
  render_tornado (&out, plan);

  printf ("%u charts written to %s\n", out.n_written, out.folder);
  pango_cairo_font_map_set_default (NULL);
  return out.failed ? 1 : 0;
}
