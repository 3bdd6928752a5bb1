/* shk-payback-chart.h — the cost-benefit chart of one or more scenarios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-payback.h"

G_BEGIN_DECLS

typedef struct
{
  const char             *name;     /* legend text, e.g. 費用対効果想定① */
  const ShkPaybackResult *result;
} ShkPaybackSeries;

typedef struct
{
  ShkChartStyle           style;
  const char             *title;        /* may be NULL */
  const char * const     *year_labels;  /* as many as the longest series */
  guint                   n_years;
  const ShkPaybackSeries *series;
  guint                   n_series;
  int                     highlight_year; /* 0-based crosshair, or -1 */
} ShkPaybackChart;

/* Where things were drawn, for hit-testing and tooltips in the window. */
typedef struct
{
  double plot_x, plot_y, plot_width, plot_height;
  double year_x[64];   /* centre of each year's slot */
  guint  n_years;
  /* Where each series' payback marker was drawn (the first 8 series);
   * payback_drawn[s] is FALSE when it has none. A year point stands at
   * the end of its year, so the marker's x says the month. */
  double   payback_x[8];
  double   payback_y[8];
  gboolean payback_drawn[8];
  /* Data labels drawn, and those of them that found no free place and
   * overlap something (a label is moved, never dropped). */
  guint    n_data_labels;
  guint    n_data_labels_overlapping;
} ShkChartLayout;

void  shk_payback_chart_draw (cairo_t               *cr,
                              double                 width,
                              double                 height,
                              const ShkPaybackChart *chart,
                              ShkChartLayout        *layout);
/* One-sentence description of what the chart shows, for accessibility
 * and alt text (translated). */
char *shk_payback_chart_describe (const ShkPaybackChart *chart);
/* Whether @chart has a year and a computed series to draw or describe. */
gboolean shk_payback_chart_has_data (const ShkPaybackChart *chart);

G_END_DECLS
