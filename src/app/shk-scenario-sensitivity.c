/* shk-scenario-sensitivity.c — how a scenario's payback moves with its figures
 *
 * A table of the payback year when the hourly rate, the hours saved or
 * the costs change by a step while the others stay as entered, and the
 * same as a tornado chart drawn by the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-chart-view.h"
#include "shk-scenario-cells.h"
#include "shk-scenario-sensitivity.h"
#include "shk-tornado-chart.h"

struct _ShkScenarioSensitivity
{
  GtkWidget       parent_instance;

  ShkScenario    *scenario;
  ShkSensitivity *sensitivity;    /* the last valid one of @scenario */
  GStrv           year_labels;

  /* template children */
  GtkScrolledWindow *scroller;
  GtkLabel       *sensitivity_label;
  GtkGrid        *sensitivity_grid;
  ShkChartView   *tornado;
};

G_DEFINE_FINAL_TYPE (ShkScenarioSensitivity, shk_scenario_sensitivity, GTK_TYPE_WIDGET)

static void
draw_tornado (cairo_t       *cr,
              double         width,
              double         height,
              ShkChartStyle  style,
              gpointer       user_data)
{
  ShkScenarioSensitivity *self = user_data;
  ShkSensitivityChart chart = {
    .style = style,
    .title = self->scenario != NULL ? shk_scenario_get_name (self->scenario) : NULL,
    .sensitivity = self->sensitivity,
    .year_labels = (const char * const *) self->year_labels,
  };

  shk_sensitivity_chart_draw (cr, width, height, &chart);
}

/* A cell of the table on two short lines, “Year 4” over “month 11”,
 * so that seven columns fit; the whole of it for screen readers. */
static GtkWidget *
sensitivity_cell (const ShkSensitivityCell *cell,
                  gboolean                  bold)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *year = cell->payback_year > 0 ? g_strdup_printf (_("Year %u"), cell->payback_year)
                                                 : g_strdup (_("None"));
  g_autofree char *month = cell->payback_year > 0
    /* TRANSLATORS: the month within the payback year, under “Year 4” */
    ? g_strdup_printf (_("month %u"), cell->payback_month) : g_strdup ("");
  g_autofree char *whole = shk_sensitivity_format_cell (cell);
  GtkWidget *first = shk_scenario_cells_label (year, TRUE, FALSE);
  GtkWidget *second = shk_scenario_cells_label (month, TRUE, TRUE);

  if (bold)
    gtk_widget_add_css_class (first, "heading");
  gtk_widget_add_css_class (second, "caption");
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, whole, -1);
  return box;
}

/* The column of the figures as entered. */
static void
attach_base (ShkScenarioSensitivity *self,
             guint                   column)
{
  const ShkSensitivity *s = self->sensitivity;

  gtk_grid_attach (self->sensitivity_grid, shk_scenario_cells_label (_("As entered"), TRUE, TRUE),
                   column, 0, 1, 1);
  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    gtk_grid_attach (self->sensitivity_grid, sensitivity_cell (&s->base, TRUE), column, f + 1, 1, 1);
}

/* The column of the @i-th change. */
static void
attach_change (ShkScenarioSensitivity *self,
               guint                   i,
               guint                   column)
{
  const ShkSensitivity *s = self->sensitivity;
  g_autofree char *heading = shk_sensitivity_format_change (s->changes[i]);

  gtk_grid_attach (self->sensitivity_grid, shk_scenario_cells_label (heading, TRUE, TRUE), column, 0, 1, 1);
  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    {
      const ShkSensitivityCell *cell = shk_sensitivity_get_cell (s, f, i);
      GtkWidget *widget = sensitivity_cell (cell, FALSE);
      GtkWidget *year = gtk_widget_get_first_child (widget);

      /* Sooner, later or never, at a glance. */
      if (cell->payback_year == 0)
        gtk_widget_add_css_class (year, "error");
      else if (s->base.payback_year == 0 || cell->payback_point < s->base.payback_point - 1e-9)
        gtk_widget_add_css_class (year, "success");
      else if (cell->payback_point > s->base.payback_point + 1e-9)
        gtk_widget_add_css_class (year, "warning");
      gtk_grid_attach (self->sensitivity_grid, widget, column, f + 1, 1, 1);
    }
}

static void
update_table (ShkScenarioSensitivity *self)
{
  const ShkSensitivity *s = self->sensitivity;
  g_autofree char *base = shk_sensitivity_format_cell (&s->base);
  g_autofree char *intro = NULL;
  guint column = 1;

  intro = g_strdup_printf (_("How the payback of “%s” moves when one figure changes and the others "
                             "stay as entered. As entered: %s."),
                           shk_scenario_get_name (self->scenario), base);
  gtk_label_set_text (self->sensitivity_label, intro);

  gtk_grid_attach (self->sensitivity_grid, shk_scenario_cells_label (_("Change"), FALSE, TRUE), 0, 0, 1, 1);
  for (guint i = 0; i <= s->n_changes; i++)
    {
      /* The base case between the decreases and the increases. */
      if ((i == s->n_changes || s->changes[i] > 0) && (i == 0 || s->changes[i - 1] < 0))
        attach_base (self, column++);
      if (i == s->n_changes)
        break;
      attach_change (self, i, column++);
    }
  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    gtk_grid_attach (self->sensitivity_grid,
                     shk_scenario_cells_label (shk_sensitivity_factor_get_label (f), FALSE, FALSE),
                     0, f + 1, 1, 1);
}

static void
update_year_labels (ShkScenarioSensitivity *self)
{
  guint n = shk_scenario_get_n_years (self->scenario);

  g_strfreev (self->year_labels);
  self->year_labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->year_labels[i] = shk_scenario_dup_year_label (self->scenario, i);
}

void
shk_scenario_sensitivity_update (ShkScenarioSensitivity *self,
                                 ShkPlan                *plan,
                                 ShkScenario            *scenario)
{
  ShkSensitivity *sensitivity;

  g_return_if_fail (SHK_IS_SCENARIO_SENSITIVITY (self));
  g_return_if_fail (scenario == NULL || SHK_IS_PLAN (plan));

  if (self->scenario != scenario)
    {
      g_clear_pointer (&self->sensitivity, shk_sensitivity_free);
      g_set_object (&self->scenario, scenario);
    }
  if (scenario == NULL)
    return;

  update_year_labels (self);
  sensitivity = shk_scenario_compute_sensitivity (plan, scenario, NULL);
  if (sensitivity != NULL)
    {
      g_clear_pointer (&self->sensitivity, shk_sensitivity_free);
      self->sensitivity = sensitivity;
    }
  shk_scenario_cells_clear (self->sensitivity_grid);
  if (self->sensitivity == NULL)
    return;

  update_table (self);
  {
    ShkSensitivityChart chart = { .style = SHK_CHART_STYLE_LIGHT, .sensitivity = self->sensitivity };
    g_autofree char *description = shk_sensitivity_chart_describe (&chart);
    g_autofree char *export_name = g_strdup_printf (_("%s sensitivity"), shk_scenario_get_name (scenario));

    shk_chart_view_set_description (self->tornado, description);
    shk_chart_view_set_export_name (self->tornado, export_name);
  }
  shk_chart_view_redraw (self->tornado);
}

const ShkSensitivity *
shk_scenario_sensitivity_get_sensitivity (ShkScenarioSensitivity *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_SENSITIVITY (self), NULL);

  return self->sensitivity;
}

static void
shk_scenario_sensitivity_dispose (GObject *object)
{
  ShkScenarioSensitivity *self = SHK_SCENARIO_SENSITIVITY (object);

  if (self->tornado != NULL)
    shk_chart_view_set_draw_func (self->tornado, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIO_SENSITIVITY);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (shk_scenario_sensitivity_parent_class)->dispose (object);
}

static void
shk_scenario_sensitivity_finalize (GObject *object)
{
  ShkScenarioSensitivity *self = SHK_SCENARIO_SENSITIVITY (object);

  g_clear_pointer (&self->sensitivity, shk_sensitivity_free);
  g_clear_pointer (&self->year_labels, g_strfreev);

  G_OBJECT_CLASS (shk_scenario_sensitivity_parent_class)->finalize (object);
}

static void
shk_scenario_sensitivity_class_init (ShkScenarioSensitivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_scenario_sensitivity_dispose;
  object_class->finalize = shk_scenario_sensitivity_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-scenario-sensitivity.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioSensitivity, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioSensitivity, sensitivity_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioSensitivity, sensitivity_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioSensitivity, tornado);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariosensitivity");

  g_type_ensure (SHK_TYPE_CHART_VIEW);
}

static void
shk_scenario_sensitivity_init (ShkScenarioSensitivity *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  shk_chart_view_set_draw_func (self->tornado, draw_tornado, self, NULL);
}
