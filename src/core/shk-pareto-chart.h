/* shk-pareto-chart.h — the survey's processes as a Pareto chart
 *
 * Bars of annual hours per process in rank order, coloured by priority
 * class, a remainder bar for the processes not listed, the cumulative
 * share as a line on a right-hand 0–100% axis, a threshold line and a
 * note of where the listed processes end. Drawn onto any cairo_t.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-ranking.h"

G_BEGIN_DECLS

typedef struct
{
  ShkChartStyle     style;
  const char       *title;            /* may be NULL */
  const ShkRanking *ranking;
  double            threshold;        /* 0–1, e.g. 0.8; ≤ 0 hides it */
  int               highlight_rank;   /* 1-based rank to highlight, or 0 */
} ShkParetoChart;

void   shk_pareto_chart_draw     (cairo_t              *cr,
                                  double                width,
                                  double                height,
                                  const ShkParetoChart *chart);

/* The 1-based rank of the bar under (@x, @y) in a chart drawn at
 * @width × @height; 0 for none. The remainder bar is n_processes + 1. */
guint  shk_pareto_chart_bar_at   (const ShkParetoChart *chart,
                                  double                width,
                                  double                height,
                                  double                x,
                                  double                y);

/* Where the plot (bars and axes, without the names below) lies in a
 * chart drawn at @width × @height. */
void   shk_pareto_chart_get_plot (const ShkParetoChart *chart,
                                  double                width,
                                  double                height,
                                  double               *x,
                                  double               *y,
                                  double               *plot_width,
                                  double               *plot_height);

/* Where things lie in a chart drawn at @width × @height: the plot keeps
 * at least two thirds of the height; the names below it are shortened
 * to @name_length pixels (along their 45° diagonal), or give way to rank
 * numbers when that would leave too few characters. */
typedef struct
{
  double   plot_x, plot_y, plot_width, plot_height;
  double   label_y, label_height;   /* the band of names or rank numbers */
  gboolean names;                   /* FALSE: rank numbers */
  double   name_size;               /* the names' text size in pixels */
  double   name_length;             /* the longest a name may run */
} ShkParetoLayout;

void   shk_pareto_chart_get_layout (const ShkParetoChart *chart,
                                    double                width,
                                    double                height,
                                    ShkParetoLayout      *layout);

/* The colour of a priority class's bars in @style. */
void   shk_pareto_chart_priority_color (ShkChartStyle  style,
                                        ShkPriority    priority,
                                        ShkRgba       *rgba);

/* Whether the cumulative line's markers are drawn for bars in slots of
 * @slot pixels with text of @font pixels: only when a marker is no wider
 * than its bar. Drawn, they are one path with one fill. */
gboolean shk_pareto_chart_markers_shown (double slot,
                                         double font);

char  *shk_pareto_chart_describe (const ShkParetoChart *chart);

G_END_DECLS
