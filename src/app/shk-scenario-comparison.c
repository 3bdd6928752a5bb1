/* shk-scenario-comparison.c — ticked scenarios on one chart, side by side
 *
 * The ticked scenarios overlaid on one cost-benefit chart, and below it
 * one row per scenario with its payback year and month, its net at the
 * end and its discounted payback, marked with its colour in the chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-number.h"
#include "shk-scenario-cells.h"
#include "shk-chart-view.h"
#include "shk-scenario-comparison.h"

struct _ShkScenarioComparison
{
  GtkWidget       parent_instance;

  /* What is shown, to show it again in the other style. */
  ShkPlan        *plan;
  GPtrArray      *scenarios;

  /* template children */
  GtkStack       *compare_stack;
  ShkPaybackView *compare_chart;
  GtkGrid        *compare_grid;
};

G_DEFINE_FINAL_TYPE (ShkScenarioComparison, shk_scenario_comparison, GTK_TYPE_WIDGET)

static GtkWidget *
swatch (guint index,
        guint n_series)
{
  ShkChartPalette palette;
  const ShkRgba *rgba;
  g_autofree char *markup = NULL;
  GtkWidget *label = gtk_label_new (NULL);

  /* The chart's colour for this scenario, in the style it is drawn in. */
  shk_chart_palette_init (&palette, shk_chart_view_desktop_style ());
  rgba = &palette.series[n_series > 1 ? index % G_N_ELEMENTS (palette.series) : 0];
  markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                            (guint) (rgba->r * 255), (guint) (rgba->g * 255), (guint) (rgba->b * 255));
  gtk_label_set_markup (GTK_LABEL (label), markup);
  /* The name beside it says which scenario it is. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return label;
}

/* The row of one scenario: swatch, name and figures. */
static void
attach_row (ShkScenarioComparison  *self,
            guint                   row,
            guint                   n_scenarios,
            ShkScenario            *scenario,
            const ShkPaybackResult *result)
{
  g_autofree char *year = result->payback_year > 0 ? g_strdup_printf (_("Year %u"), result->payback_year)
                                                   : g_strdup (_("None"));
  g_autofree char *month = result->payback_year > 0 ? g_strdup_printf ("%u", result->payback_month)
                                                    : g_strdup ("—");
  g_autofree char *net = shk_format_number ((double) result->net_at_horizon);
  g_autofree char *discounted = result->discounted_payback_year > 0
    ? g_strdup_printf (_("Year %u"), result->discounted_payback_year)
    : g_strdup (_("None"));
  const char *cells[] = { year, month, net, discounted };
  GtkWidget *name;

  gtk_grid_attach (self->compare_grid, swatch (row - 1, n_scenarios), 0, row, 1, 1);
  name = shk_scenario_cells_label (shk_scenario_get_name (scenario), FALSE, FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_attach (self->compare_grid, name, 1, row, 1, 1);
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    gtk_grid_attach (self->compare_grid, shk_scenario_cells_label (cells[c], TRUE, FALSE), c + 2, row, 1, 1);
}

static void
show (ShkScenarioComparison *self)
{
  ShkPaybackSeriesSet *series = shk_payback_series_set_new ();
  const char *headings[] = {
    N_("Scenario"), N_("Payback year"), N_("Payback month"), N_("Net at the end (yen)"),
    N_("Discounted payback"),
  };

  shk_scenario_cells_clear (self->compare_grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->compare_grid, shk_scenario_cells_label (_(headings[c]), c > 0, TRUE),
                     c == 0 ? 0 : c + 1, 0, c == 0 ? 2 : 1, 1);

  for (guint s = 0; self->scenarios != NULL && s < self->scenarios->len; s++)
    {
      ShkScenario *scenario = g_ptr_array_index (self->scenarios, s);
      guint row = series->n_series + 1;
      const ShkPaybackResult *result = shk_payback_series_set_add (series, self->plan, scenario, NULL);

      if (result != NULL)
        attach_row (self, row, self->scenarios->len, scenario, result);
    }

  gtk_stack_set_visible_child_name (self->compare_stack, series->n_series >= 2 ? "chart" : "hint");
  shk_payback_view_set_series (self->compare_chart, series);
  shk_payback_view_set_export_name (self->compare_chart, _("comparison"));
}

void
shk_scenario_comparison_update (ShkScenarioComparison *self,
                                ShkPlan               *plan,
                                GPtrArray             *scenarios)
{
  g_return_if_fail (SHK_IS_SCENARIO_COMPARISON (self));
  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (scenarios != NULL);

  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  self->scenarios = g_ptr_array_ref (scenarios);
  show (self);
}

ShkPaybackView *
shk_scenario_comparison_get_chart (ShkScenarioComparison *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_COMPARISON (self), NULL);

  return self->compare_chart;
}

/* The swatches take the chart's colours, which change with the style. */
static void
on_dark_changed (ShkScenarioComparison *self)
{
  if (self->plan != NULL)
    show (self);
}

static void
shk_scenario_comparison_dispose (GObject *object)
{
  ShkScenarioComparison *self = SHK_SCENARIO_COMPARISON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIO_COMPARISON);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);

  G_OBJECT_CLASS (shk_scenario_comparison_parent_class)->dispose (object);
}

static void
shk_scenario_comparison_class_init (ShkScenarioComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_scenario_comparison_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-scenario-comparison.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioComparison, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioComparison, compare_chart);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioComparison, compare_grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariocomparison");

  g_type_ensure (SHK_TYPE_PAYBACK_VIEW);
}

static void
shk_scenario_comparison_init (ShkScenarioComparison *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}
