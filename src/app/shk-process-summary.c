/* shk-process-summary.c — the totals beside the processes table
 *
 * How many hours the listed processes take against the survey's total,
 * what the selected rows add up to, and the hours per priority class
 * and per category, each as a bar chart (exportable like every chart)
 * and a table. The category table is the handout's as published, with
 * the part traced to listed processes beside it and the rest named as
 * not traceable (ShkCategoryTable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-breakdown-chart.h"
#include "shk-category-table.h"
#include "shk-chart-view.h"
#include "shk-number.h"
#include "shk-process-summary.h"

struct _ShkProcessSummary
{
  GtkWidget         parent_instance;

  const ShkRanking *ranking;      /* the view's */
  ShkPlan          *plan;

  /* template children */
  GtkWidget          *scrolled;
  GtkLabel         *totals_label;
  GtkLabel         *selection_label;
  GtkGrid          *priority_grid;
  GtkGrid          *category_grid;
  ShkChartView     *priority_chart;
  ShkChartView     *category_chart;
};

G_DEFINE_FINAL_TYPE (ShkProcessSummary, shk_process_summary, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* Tables                                                              */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    numeric,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The share as a bar under its row: the breakdown's chart. */
static GtkWidget *
share_bar_new (const ShkBreakdownRow *row)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), row->share);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_margin_bottom (bar, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row->label, -1);
  return bar;
}

static void
fill_breakdown (GtkGrid    *grid,
                GPtrArray  *rows,
                const char *first_heading)
{
  const char *headings[] = {
    first_heading, C_("count", "Processes"), _("Hours"), _("Share"), _("Expected reduction"),
  };

  clear_grid (grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (grid, grid_label (headings[c], c > 0, TRUE), c, 0, 1, 1);

  for (guint r = 0; r < rows->len; r++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, r);
      g_autofree char *count = g_strdup_printf ("%u", row->count);
      g_autofree char *hours = shk_format_number (row->hours);
      g_autofree char *share = g_strdup_printf ("%.1f%%", row->share * 100);
      g_autofree char *reduction = row->expected_reduction > 0
        ? shk_format_number (row->expected_reduction) : g_strdup ("");

      gtk_grid_attach (grid, grid_label (row->label, FALSE, FALSE), 0, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (count, TRUE, FALSE), 1, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (hours, TRUE, FALSE), 2, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (share, TRUE, FALSE), 3, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (reduction, TRUE, FALSE), 4, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, share_bar_new (row), 0, 2 * r + 2, 5, 1);
    }
}

/* One row of figures under a category: what, processes, hours. */
static void
attach_category_figures (GtkGrid    *grid,
                         int         row,
                         const char *what,
                         int         count,
                         double      hours,
                         gboolean    flagged)
{
  g_autofree char *count_text = g_strdup_printf ("%d", count);
  g_autofree char *hours_text = shk_format_number (hours);
  GtkWidget *labels[] = {
    grid_label (what, FALSE, !flagged),
    grid_label (count_text, TRUE, FALSE),
    grid_label (hours_text, TRUE, FALSE),
  };

  gtk_widget_set_margin_start (labels[0], 12);
  for (guint c = 0; c < G_N_ELEMENTS (labels); c++)
    {
      if (flagged)
        gtk_widget_add_css_class (labels[c], "warning");
      gtk_grid_attach (grid, labels[c], (int) c, row, 1, 1);
    }
}

static GtkWidget *
category_heading (const char *name)
{
  GtkWidget *label = grid_label (name, FALSE, FALSE);

  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

/* Each category as published, traced and not traceable: the handout's
 * figures stay as printed, never replaced by what can be traced. */
static void
fill_categories (ShkProcessSummary *self)
{
  g_autoptr(ShkCategoryTable) table = NULL;
  const char *headings[] = { _("Category"), C_("count", "Processes"), _("Hours") };
  int r = 1;

  clear_grid (self->category_grid);
  if (self->plan == NULL || self->ranking == NULL)
    return;

  table = shk_category_table_new (self->plan, self->ranking);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->category_grid, grid_label (headings[c], c > 0, TRUE), (int) c, 0, 1, 1);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const ShkCategoryRow *row = g_ptr_array_index (table->rows, i);

      gtk_grid_attach (self->category_grid, category_heading (row->name), 0, r++, 3, 1);
      if (row->published)
        attach_category_figures (self->category_grid, r++, _("Published"),
                                 (int) row->published_count, row->published_hours, FALSE);
      attach_category_figures (self->category_grid, r++, _("Traced to listed processes"),
                               (int) row->traced_count, row->traced_hours, FALSE);
      if (shk_category_row_has_difference (row))
        attach_category_figures (self->category_grid, r++,
                                 row->untraced_count >= 0 ? _("Not traceable to a listed process")
                                                          : _("Traced beyond the published figure"),
                                 ABS (row->untraced_count), ABS (row->untraced_hours), TRUE);
    }

  if (table->untraced_processes > 0)
    {
      gtk_grid_attach (self->category_grid, category_heading (_("Listed processes without a traceable category")),
                       0, r++, 3, 1);
      attach_category_figures (self->category_grid, r++, _("Listed"),
                               (int) table->untraced_processes, table->untraced_process_hours, FALSE);
    }
}

/* ------------------------------------------------------------------ */
/* Charts                                                              */

/* The breakdown charts draw the current ranking; the export gets the
 * same pixels at its own size and style. */
static void
draw_breakdown (ShkProcessSummary *self,
                ShkBreakdownKind   by,
                cairo_t           *cr,
                double             width,
                double             height,
                ShkChartStyle      style)
{
  ShkBreakdownChart chart = { style, NULL, self->ranking, by };

  shk_breakdown_chart_draw (cr, width, height, &chart);
}

static void
draw_priority_chart (cairo_t       *cr,
                     double         width,
                     double         height,
                     ShkChartStyle  style,
                     gpointer       user_data)
{
  draw_breakdown (user_data, SHK_BREAKDOWN_BY_PRIORITY, cr, width, height, style);
}

static void
draw_category_chart (cairo_t       *cr,
                     double         width,
                     double         height,
                     ShkChartStyle  style,
                     gpointer       user_data)
{
  draw_breakdown (user_data, SHK_BREAKDOWN_BY_CATEGORY, cr, width, height, style);
}

static void
update_breakdown_chart (ShkProcessSummary *self,
                        ShkChartView      *view,
                        ShkBreakdownKind   by)
{
  ShkBreakdownChart chart = { SHK_CHART_STYLE_LIGHT, NULL, self->ranking, by };
  g_autofree char *description = shk_breakdown_chart_describe (&chart);

  shk_chart_view_set_description (view, description);
  shk_chart_view_redraw (view);
}

/* Each chart sits in a scrolled window that never scrolls, so that it
 * takes the panel's width instead of asking for a slide's (see the .ui
 * file). That window would still take the mouse wheel over the chart;
 * give it back to the panel. */
static void
pass_scrolling_on (ShkChartView *chart)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GListModel) controllers = NULL;

  if (scrolled == NULL)
    return;

  controllers = gtk_widget_observe_controllers (scrolled);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

/* ------------------------------------------------------------------ */
/* Public                                                              */

void
shk_process_summary_set_plan (ShkProcessSummary *self,
                              ShkPlan           *plan)
{
  g_return_if_fail (SHK_IS_PROCESS_SUMMARY (self));
  g_return_if_fail (plan == NULL || SHK_IS_PLAN (plan));

  if (g_set_object (&self->plan, plan))
    fill_categories (self);
}

/* The listed and the not listed, and why a process is not listed. */
static char *
totals_text (const ShkRanking *ranking)
{
  g_autofree char *listed = shk_format_number (ranking->listed_hours);
  g_autofree char *total = shk_format_number (ranking->total_hours);
  g_autofree char *remainder = shk_format_number (ranking->remainder_hours);
  g_autofree char *threshold = shk_format_number (ranking->threshold);
  g_autofree char *below = NULL;
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("%u processes listed: %s of %s hours a year (%.1f%%). "
                            "Not listed: %u processes, %s hours."),
                          ranking->n_processes, listed, total,
                          ranking->listed_share * 100,
                          ranking->remainder_processes, remainder);
  if (ranking->threshold <= 0)
    return g_steal_pointer (&text);

  below = ranking->below_threshold_processes > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    " Only processes of %s hours a year or more are listed; %u process of the list is below that and counted as not listed.",
                                    " Only processes of %s hours a year or more are listed; %u processes of the list are below that and counted as not listed.",
                                    ranking->below_threshold_processes),
                       threshold, ranking->below_threshold_processes)
    : g_strdup_printf (_(" Only processes of %s hours a year or more are listed."), threshold);
  return g_strconcat (text, below, NULL);
}

void
shk_process_summary_set_ranking (ShkProcessSummary *self,
                                 const ShkRanking  *ranking)
{
  g_autoptr(GPtrArray) priorities = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SHK_IS_PROCESS_SUMMARY (self));

  self->ranking = ranking;
  update_breakdown_chart (self, self->priority_chart, SHK_BREAKDOWN_BY_PRIORITY);
  update_breakdown_chart (self, self->category_chart, SHK_BREAKDOWN_BY_CATEGORY);

  if (ranking == NULL)
    {
      gtk_label_set_text (self->totals_label, "");
      clear_grid (self->priority_grid);
      clear_grid (self->category_grid);
      return;
    }

  text = totals_text (ranking);
  gtk_label_set_text (self->totals_label, text);

  priorities = shk_ranking_breakdown_by_priority (ranking);
  fill_breakdown (self->priority_grid, priorities, _("Priority class"));
  fill_categories (self);
}

void
shk_process_summary_set_selection (ShkProcessSummary *self,
                                   GPtrArray         *processes)
{
  g_autofree char *hours_text = NULL;
  g_autofree char *reduction_text = NULL;
  g_autofree char *text = NULL;
  double hours = 0, reduction = 0;

  g_return_if_fail (SHK_IS_PROCESS_SUMMARY (self));

  if (processes == NULL || processes->len == 0)
    {
      gtk_label_set_text (self->selection_label, "");
      return;
    }

  for (guint i = 0; i < processes->len; i++)
    {
      ShkProcess *process = g_ptr_array_index (processes, i);
      double value;

      hours += shk_process_get_hours (process);
      if (shk_process_get_expected_reduction (process, &value))
        reduction += value;
    }

  hours_text = shk_format_number (hours);
  reduction_text = shk_format_number (reduction);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u process selected: %s hours, expected reduction %s hours",
                                       "%u processes selected: %s hours, expected reduction %s hours",
                                       processes->len),
                          processes->len, hours_text, reduction_text);
  gtk_label_set_text (self->selection_label, text);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_process_summary_dispose (GObject *object)
{
  ShkProcessSummary *self = SHK_PROCESS_SUMMARY (object);

  /* The charts may outlive the panel by a frame; they must not draw it. */
  if (self->priority_chart != NULL)
    shk_chart_view_set_draw_func (self->priority_chart, NULL, NULL, NULL);
  if (self->category_chart != NULL)
    shk_chart_view_set_draw_func (self->category_chart, NULL, NULL, NULL);
  self->ranking = NULL;
  g_clear_object (&self->plan);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_PROCESS_SUMMARY);

  G_OBJECT_CLASS (shk_process_summary_parent_class)->dispose (object);
}

static void
shk_process_summary_class_init (ShkProcessSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_process_summary_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-process-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkProcessSummary, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessSummary, totals_label);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessSummary, selection_label);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessSummary, priority_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessSummary, category_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessSummary, priority_chart);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessSummary, category_chart);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SHK_TYPE_CHART_VIEW);
}

static void
shk_process_summary_init (ShkProcessSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  shk_chart_view_set_draw_func (self->priority_chart, draw_priority_chart, self, NULL);
  shk_chart_view_set_draw_func (self->category_chart, draw_category_chart, self, NULL);
  /* TRANSLATORS: the suggested file names of exported breakdown charts. */
  shk_chart_view_set_export_name (self->priority_chart, _("hours-per-priority-class"));
  shk_chart_view_set_export_name (self->category_chart, _("hours-per-category"));
  shk_chart_view_set_export_title (self->priority_chart, _("Annual hours by priority class"));
  shk_chart_view_set_export_title (self->category_chart, _("Annual hours by category"));
  pass_scrolling_on (self->priority_chart);
  pass_scrolling_on (self->category_chart);
}
