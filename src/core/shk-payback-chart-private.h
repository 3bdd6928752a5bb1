/* shk-payback-chart-private.h — what the payback chart's files share
 *
 * The chart is drawn by shk-payback-chart.c (layout, axes, lines) and
 * shk-payback-chart-labels.c (the payback mark and every data label, placed
 * so that no text covers another); both work on one Chart, laid out once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-number.h"
#include "shk-payback-chart.h"

G_BEGIN_DECLS

#define MAX_YEARS  G_N_ELEMENTS (((ShkChartLayout *) NULL)->year_x)
#define MAN_YEN    10000.0

typedef enum
{
  LABELS_HORIZONTAL,   /* one line each */
  LABELS_WRAPPED,      /* up to two lines each, e.g. 1年目 / (R2) */
  LABELS_ROTATED,      /* at 45°, every n-th when crowded */
} LabelMode;

/* What a legend item's key shows; its text and place are the item's. */
typedef struct
{
  double key_width;
  int kind;               /* see draw_legend_key () */
  ShkRgba colour;
} LegendKey;

typedef struct
{
  const ShkPaybackChart *chart;
  ShkChartPalette palette;
  double u;                        /* base text size in pixels */
  double width, height, pad;
  guint  n_years;

  double title_height;
  GArray *legend;                  /* of ShkChartLegendItem */
  GArray *keys;                    /* of LegendKey, one an item */
  double legend_y, legend_height;
  double unit_label_height;

  double data_max;                 /* in 万円 */
  double axis_max, step;
  int    decimals;                 /* of axis and data labels */
  double tick_label_width;

  double plot_x, plot_y, plot_width, plot_height;
  double slot;

  LabelMode label_mode;
  guint  label_every;
  double label_length;             /* longest rotated label, ellipsized */
  double label_height;             /* of one line */
  double label_area;

  double line_width, marker;
  gboolean points;                 /* room for markers and data labels */
  ShkChartPlacer placer;           /* what text must not cover */
  guint  n_data_labels, n_data_labels_overlapping;
  double payback_x[8], payback_y[8];
  gboolean payback_drawn[8];
} Chart;

static inline char *
format_man_yen (const Chart *c,
                double       man_yen)
{
  return shk_format_number_grouped (man_yen, c->decimals);
}

static inline double
value_y (const Chart *c,
         double       man_yen)
{
  return c->plot_y + c->plot_height * (1.0 - CLAMP (man_yen / c->axis_max, 0.0, 1.0));
}

static inline double
year_x (const Chart *c,
        double       index)
{
  return c->plot_x + c->slot * (index + 0.5);
}

/* The x of a moment @years from the start of the horizon: year i's point
 * (at year_x (i)) is the end of year i + 1. The plot begins half a year
 * in, so earlier moments are held at its edge. */
static inline double
time_x (const Chart *c,
        double       years)
{
  return MAX (year_x (c, years - 1.0), c->plot_x);
}

static inline guint
series_years (const Chart            *c,
              const ShkPaybackSeries *series)
{
  return series->result != NULL ? MIN (series->result->n_years, c->n_years) : 0;
}

void shk_payback_chart_draw_payback (cairo_t *cr,
                                     Chart   *c);
void shk_payback_chart_draw_data_labels (cairo_t *cr,
                                         Chart   *c);

G_END_DECLS
