/* shk-summary-chart.h — the grade summary as a stacked horizontal bar chart
 *
 * One bar per evaluation (資料1-1 chart (1)): ◎ ○ △ － segments with their
 * counts and shares, drawn onto any cairo_t at any size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-rules.h"

G_BEGIN_DECLS

typedef struct
{
  ShkChartStyle     style;
  const char       *title;     /* may be NULL */
  const ShkSummary *summary;
} ShkSummaryChart;

void  shk_summary_chart_draw     (cairo_t               *cr,
                                  double                 width,
                                  double                 height,
                                  const ShkSummaryChart *chart);
/* A sentence per evaluation for screen readers and tooltips. */
char *shk_summary_chart_describe (const ShkSummaryChart *chart);

G_END_DECLS
