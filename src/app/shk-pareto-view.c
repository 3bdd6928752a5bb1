/* shk-pareto-view.c — the interactive Pareto chart of the processes view
 *
 * Draws with the core's renderer, so what is on screen is what the
 * command line exports. Hovering a bar explains it; clicking one emits
 * "bar-activated" so the view can select the process's row. The drawing
 * is a ShkChartView, so the Pareto chart is copied, exported and printed
 * from its context menu like every other chart of the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-chart-view.h"
#include "shk-edit.h"
#include "shk-pareto-chart.h"
#include "shk-chart-view.h"
#include "shk-pareto-view.h"

struct _ShkParetoView
{
  GtkWidget         parent_instance;

  const ShkRanking *ranking;
  double            threshold;
  guint             highlight;
  ShkChartView     *chart;
};

G_DEFINE_FINAL_TYPE (ShkParetoView, shk_pareto_view, GTK_TYPE_WIDGET)

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shk_pareto_view_fill_chart (ShkParetoView  *self,
                            ShkParetoChart *chart)
{
  *chart = (ShkParetoChart) {
    .style = shk_chart_view_desktop_style (),
    .title = NULL,
    .ranking = self->ranking,
    .threshold = self->threshold,
    .highlight_rank = (int) self->highlight,
  };
}

static void
draw_chart (cairo_t       *cr,
            double         width,
            double         height,
            ShkChartStyle  style,
            gpointer       user_data)
{
  ShkParetoView *self = user_data;
  ShkParetoChart chart;

  if (self->ranking == NULL)
    return;

  shk_pareto_view_fill_chart (self, &chart);
  chart.style = style;
  shk_pareto_chart_draw (cr, width, height, &chart);
}

static void
shk_pareto_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ShkParetoView *self = SHK_PARETO_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->chart), width, height, baseline, NULL);
}

static void
shk_pareto_view_dispose (GObject *object)
{
  ShkParetoView *self = SHK_PARETO_VIEW (object);

  if (self->chart != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->chart));
  self->chart = NULL;

  G_OBJECT_CLASS (shk_pareto_view_parent_class)->dispose (object);
}

static guint
shk_pareto_view_bar_at (ShkParetoView *self,
                        double         x,
                        double         y)
{
  ShkParetoChart chart;

  if (self->ranking == NULL)
    return 0;

  shk_pareto_view_fill_chart (self, &chart);
  return shk_pareto_chart_bar_at (&chart,
                                  gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self)),
                                  x, y);
}

static gboolean
shk_pareto_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  ShkParetoView *self = SHK_PARETO_VIEW (widget);
  guint rank = shk_pareto_view_bar_at (self, x, y);
  g_autofree char *hours = NULL;
  g_autofree char *text = NULL;

  if (rank == 0)
    return FALSE;

  if (rank <= self->ranking->n_processes)
    {
      const ShkRankedProcess *ranked = &self->ranking->processes[rank - 1];

      hours = shk_format_number (ranked->hours);
      /* TRANSLATORS: rank, process name, section, hours, share, cumulative share */
      text = g_strdup_printf (_("%u. %s (%s)\n%s hours a year, %.1f%% of all; cumulative %.1f%%"),
                              ranked->rank,
                              shk_process_get_name (ranked->process),
                              shk_process_get_section (ranked->process),
                              hours, ranked->share * 100,
                              ranked->cumulative_share * 100);
    }
  else
    {
      hours = shk_format_number (self->ranking->remainder_hours);
      text = g_strdup_printf (_("Processes not listed: %u\n%s hours a year, %.1f%% of all"),
                              self->ranking->remainder_processes, hours,
                              self->ranking->total_hours > 0
                                ? self->ranking->remainder_hours / self->ranking->total_hours * 100
                                : 0.0);
    }

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   ShkParetoView   *self)
{
  guint rank = shk_pareto_view_bar_at (self, x, y);

  if (rank == 0 || rank > self->ranking->n_processes)
    return;

  shk_pareto_view_set_highlight (self, rank);
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, rank);
}

static void
on_dark_changed (ShkParetoView *self)
{
  shk_chart_view_redraw (self->chart);
}

static void
shk_pareto_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* The renderer stays legible down to 640×360; ask for a sensible size. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 480;
      *natural = 960;
    }
  else
    {
      *minimum = 300;
      *natural = 380;
    }
}

static void
shk_pareto_view_class_init (ShkParetoViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shk_pareto_view_dispose;
  widget_class->size_allocate = shk_pareto_view_size_allocate;
  widget_class->measure = shk_pareto_view_measure;
  widget_class->query_tooltip = shk_pareto_view_query_tooltip;

  /**
   * ShkParetoView::bar-activated:
   * @rank: the 1-based rank of the clicked process
   */
  signals[BAR_ACTIVATED] =
    g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "paretoview");
}

static void
shk_pareto_view_init (ShkParetoView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->threshold = 0.8;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* Keyboard users reach the chart view inside, like any chart (one focus
   * stop, with the copy/export keys); its description has the figures. */

  self->chart = SHK_CHART_VIEW (shk_chart_view_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->chart), GTK_WIDGET (self));
  shk_chart_view_set_draw_func (self->chart, draw_chart, self, NULL);
  /* TRANSLATORS: the suggested file name of an exported Pareto chart */
  shk_chart_view_set_export_name (self->chart, _("pareto"));
  shk_chart_view_set_export_title (self->chart, _("Work processes by annual hours"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pareto chart"), -1);

  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
shk_pareto_view_new (void)
{
  return g_object_new (SHK_TYPE_PARETO_VIEW, NULL);
}

static void
shk_pareto_view_update_description (ShkParetoView *self)
{
  g_autofree char *description = NULL;
  ShkParetoChart chart;

  if (self->ranking == NULL)
    return;

  shk_pareto_view_fill_chart (self, &chart);
  description = shk_pareto_chart_describe (&chart);
  shk_chart_view_set_description (self->chart, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pareto chart"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pareto chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
shk_pareto_view_set_ranking (ShkParetoView    *self,
                             const ShkRanking *ranking)
{
  g_return_if_fail (SHK_IS_PARETO_VIEW (self));

  self->ranking = ranking;
  if (ranking == NULL || self->highlight > ranking->n_processes)
    self->highlight = 0;
  shk_pareto_view_update_description (self);
  shk_chart_view_redraw (self->chart);
}

void
shk_pareto_view_set_threshold (ShkParetoView *self,
                               double         threshold)
{
  g_return_if_fail (SHK_IS_PARETO_VIEW (self));

  self->threshold = threshold;
  shk_pareto_view_update_description (self);
  shk_chart_view_redraw (self->chart);
}

void
shk_pareto_view_set_highlight (ShkParetoView *self,
                               guint          rank)
{
  g_return_if_fail (SHK_IS_PARETO_VIEW (self));

  if (self->highlight == rank)
    return;
  self->highlight = rank;
  shk_chart_view_redraw (self->chart);
}

guint
shk_pareto_view_get_highlight (ShkParetoView *self)
{
  g_return_val_if_fail (SHK_IS_PARETO_VIEW (self), 0);
  return self->highlight;
}
