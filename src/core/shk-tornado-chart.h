/* shk-tornado-chart.h — the sensitivity of a scenario's payback as a
 * tornado chart, drawn onto any cairo_t like every other chart of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-sensitivity.h"

G_BEGIN_DECLS

/* The tornado chart: a row per factor, a bar from the base payback to the
 * payback with each change, decreases and increases in two colours and
 * the size of the change in shades; "not recovered" at the right end. */
typedef struct
{
  ShkChartStyle          style;
  const char            *title;        /* may be NULL */
  const ShkSensitivity  *sensitivity;  /* may be NULL: an empty chart */
  /* Optional labels of the years ("4年目(R5)"), n_years of them. */
  const char * const    *year_labels;
} ShkSensitivityChart;

void   shk_sensitivity_chart_draw     (cairo_t                   *cr,
                                       double                     width,
                                       double                     height,
                                       const ShkSensitivityChart *chart);
/* What the chart shows, in sentences (translated). */
char  *shk_sensitivity_chart_describe (const ShkSensitivityChart *chart);

G_END_DECLS
