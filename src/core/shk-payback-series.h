/* shk-payback-series.h — the series a payback chart draws, built from scenarios
 *
 * The window's scenario and comparison charts, the presentation, the CLI
 * and the handout all draw scenarios the same way: each scenario computed
 * by the payback engine, named by the scenario, over the years of the
 * longest horizon. This builds that once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-payback-chart.h"

G_BEGIN_DECLS

typedef struct
{
  /* Read-only for callers. */
  const ShkPaybackSeries *series;        /* n_series, in the order added */
  guint                   n_series;
  /* The labels of the longest horizon added (R2(2020)…), NULL-terminated;
   * n_years of them, no more than a chart's layout holds. */
  const char * const     *year_labels;
  guint                   n_years;

  /*< private >*/
  GArray                 *entries;       /* ShkPaybackSeries */
  GPtrArray              *results;       /* ShkPaybackResult */
  GPtrArray              *names;
  GPtrArray              *labels;        /* NULL-terminated */
} ShkPaybackSeriesSet;

ShkPaybackSeriesSet    *shk_payback_series_set_new        (void);
void                    shk_payback_series_set_free       (ShkPaybackSeriesSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkPaybackSeriesSet, shk_payback_series_set_free)

/* Computes @scenario of @plan and appends it as a series named after it.
 * Returns its result (owned by @set), or NULL with the engine's @error
 * and nothing added when the scenario does not compute. */
const ShkPaybackResult *shk_payback_series_set_add        (ShkPaybackSeriesSet *set,
                                                           ShkPlan             *plan,
                                                           ShkScenario         *scenario,
                                                           GError             **error);

/* A chart of every series of @set; it points into @set, which must
 * outlive it. @title may be NULL. */
void                    shk_payback_series_set_fill_chart (const ShkPaybackSeriesSet *set,
                                                           ShkChartStyle        style,
                                                           const char          *title,
                                                           ShkPaybackChart     *chart);

G_END_DECLS
