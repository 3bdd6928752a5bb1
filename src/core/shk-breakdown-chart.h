/* shk-breakdown-chart.h — the survey's hours per priority class or category
 *
 * One horizontal bar per priority class (coloured as in the Pareto chart)
 * or per category, its length the annual hours, labelled with the hours,
 * the share of the listed hours and the number of processes. Drawn onto
 * any cairo_t at any size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-ranking.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_BREAKDOWN_BY_PRIORITY = 0,
  SHK_BREAKDOWN_BY_CATEGORY,
} ShkBreakdownKind;

/* "priority" or "category" (ASCII, any case). */
gboolean  shk_breakdown_kind_from_string (const char       *text,
                                          ShkBreakdownKind *kind);

typedef struct
{
  ShkChartStyle     style;
  const char       *title;     /* may be NULL */
  const ShkRanking *ranking;
  ShkBreakdownKind  by;
} ShkBreakdownChart;

void   shk_breakdown_chart_draw     (cairo_t                 *cr,
                                     double                   width,
                                     double                   height,
                                     const ShkBreakdownChart *chart);

/* The rows the chart draws, in order (ShkBreakdownRow, as from
 * shk_ranking_breakdown_by_priority / _by_category, without an unknown
 * category nobody is in). */
GPtrArray *shk_breakdown_chart_get_rows (const ShkBreakdownChart *chart);

/* A sentence per bar for screen readers and tooltips. */
char  *shk_breakdown_chart_describe (const ShkBreakdownChart *chart);

G_END_DECLS
