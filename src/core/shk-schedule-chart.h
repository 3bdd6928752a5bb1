/* shk-schedule-chart.h — the next plan's drafting schedule by month
 *
 * A month timeline of 資料2-1's schedule: a column per month of the
 * fiscal year, a row per item; a dot in each month with a meeting, a bar
 * across a period (パブリックコメント), a diamond on the milestone, and a
 * line at the month of the meeting the handout is for. Drawn onto any
 * cairo_t at any size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-next-plan.h"

G_BEGIN_DECLS

typedef struct
{
  ShkChartStyle      style;
  const char        *title;     /* may be NULL */
  const ShkNextPlan *next_plan; /* may be NULL: a message is drawn */
} ShkScheduleChart;

void      shk_schedule_chart_draw     (cairo_t                *cr,
                                       double                  width,
                                       double                  height,
                                       const ShkScheduleChart *chart);

/* The months the chart spans: whole fiscal years (April to March) around
 * the schedule's months. FALSE when the schedule has none. */
gboolean  shk_schedule_chart_get_span (const ShkNextPlan      *next_plan,
                                       ShkMonth               *first,
                                       ShkMonth               *last);

/* A sentence per item for screen readers and tooltips. */
char     *shk_schedule_chart_describe (const ShkScheduleChart *chart);

G_END_DECLS
