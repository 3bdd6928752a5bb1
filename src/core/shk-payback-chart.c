/* shk-payback-chart.c — the cost-benefit chart of one or more scenarios
 *
 * Cumulative cost and cumulative savings per year, as in 資料1-3 §4: cost
 * dashed with square markers, savings solid with round markers, so the two
 * stay apart in greyscale print as well as in colour. Values are in 万円,
 * as the handouts print them. Text never overlaps: year labels wrap,
 * rotate or thin out, the legend wraps, and data labels that would collide
 * with anything already drawn move to the nearest free place.
 *
 * The chart tells the engine's story (shk-payback.h): a year's point
 * stands at the end of that year, costs are paid at its start (the cost
 * line climbs in steps where the year begins) and savings accrue evenly
 * through it (the savings line is straight between points). The payback
 * marker therefore sits where the two drawn lines meet, which is the
 * month the engine computes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "shk-payback-chart-private.h"

/* Text */

static char *
format_tick (double        man_yen,
             gconstpointer user_data)
{
  return format_man_yen (user_data, man_yen);
}

/* The value axis at the left: 万円 from 0 up. */
static ShkChartAxis
value_axis (const Chart *c)
{
  return (ShkChartAxis) {
    .side = SHK_CHART_AXIS_LEFT,
    .plot_x = c->plot_x, .plot_y = c->plot_y,
    .plot_width = c->plot_width, .plot_height = c->plot_height,
    .max = c->axis_max, .step = c->step,
    .label_size = c->u * 0.8,
    .label_gap = c->u * 0.4,
    .line_width = MAX (1.0, c->u * 0.05),
    .labels_on_grid = TRUE,
    .format = format_tick,
    .format_data = c,
  };
}

/* Geometry */

static ShkRgba
series_colour (const Chart *c,
               guint        index,
               gboolean     cost)
{
  /* One scenario: cost and savings in two colours. Several: a colour per
   * scenario, and the dashes tell cost from savings. */
  if (c->chart->n_series == 1)
    return c->palette.series[cost ? 1 : 0];
  return c->palette.series[index % G_N_ELEMENTS (c->palette.series)];
}

static void
compute_data_max (Chart *c)
{
  c->data_max = 0;
  for (guint s = 0; s < c->chart->n_series; s++)
    {
      const ShkPaybackSeries *series = &c->chart->series[s];

      for (guint i = 0; i < series_years (c, series); i++)
        {
          c->data_max = MAX (c->data_max, series->result->cumulative_cost[i] / MAN_YEN);
          c->data_max = MAX (c->data_max, series->result->cumulative_saving[i] / MAN_YEN);
        }
    }
}

static void
compute_axis (Chart   *c,
              cairo_t *cr,
              double   plot_height)
{
  guint ticks = (guint) CLAMP (floor (plot_height / (c->u * 2.2)), 2, 10);
  /* Headroom above the highest point for its data label. */
  double headroom = 1.0 + MIN (c->u * 2.0 / MAX (plot_height, 1.0), 0.5);
  double max = c->data_max > 0 ? c->data_max * headroom : 1.0;
  ShkChartAxis axis;

  shk_chart_axis_fit (max, ticks, &c->axis_max, &c->step);
  /* As many decimals as the step needs: 0.25 needs two, 500 none. */
  for (c->decimals = 0; c->decimals < 4; c->decimals++)
    {
      double scaled = c->step * pow (10, c->decimals);

      if (fabs (scaled - round (scaled)) < 1e-6)
        break;
    }

  axis = value_axis (c);
  c->tick_label_width = shk_chart_axis_label_width (cr, &axis);
}

/* A year's label, fitted as @fit says (NULL: one line at its natural
 * width). The layouts are kept across drawings (shk_chart_text_layout ()):
 * choosing the label mode measures them, the wrapped mode's test wraps
 * them, drawing shows them, and none shapes its text again (issue #17).
 * A new reference. */
static PangoLayout *
year_label_layout (const Chart           *c,
                   cairo_t               *cr,
                   guint                  index,
                   const ShkChartTextFit *fit)
{
  const char *text = c->chart->year_labels != NULL ? c->chart->year_labels[index] : NULL;
  g_autofree char *fallback = NULL;

  if (text == NULL)
    text = fallback = g_strdup_printf ("%u", index + 1);
  return shk_chart_text_layout (cr, text, c->u * 0.8,
                                index == (guint) c->chart->highlight_year, fit);
}

/* Up to two lines in the year's slot, centred. */
static ShkChartTextFit
wrapped_fit (double room)
{
  ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;

  fit.width = (int) (room * PANGO_SCALE);
  fit.wrap = PANGO_WRAP_WORD_CHAR;
  fit.alignment = PANGO_ALIGN_CENTER;
  return fit;
}

/* Wrapped year labels: each must fit its slot in at most two lines,
 * without a word wider than the slot. */
static gboolean
wrapped_labels_fit (const Chart *c,
                    cairo_t     *cr,
                    double       room,
                    double      *height)
{
  const ShkChartTextFit fit = wrapped_fit (room);

  *height = 0;
  for (guint i = 0; i < c->n_years; i++)
    {
      /* As draw_year_label() will fit it, so that it draws this layout. */
      g_autoptr(PangoLayout) layout = year_label_layout (c, cr, i, &fit);
      PangoRectangle ink, logical;

      pango_layout_get_pixel_extents (layout, &ink, &logical);
      if (pango_layout_get_line_count (layout) > 2 || logical.width > room + 0.5)
        return FALSE;
      *height = MAX (*height, logical.height);
    }
  return TRUE;
}

static void
choose_label_mode (Chart   *c,
                   cairo_t *cr)
{
  double room = c->slot - c->u * 0.3;
  double widest = 0, h = 0, wrapped_height;

  for (guint i = 0; i < c->n_years; i++)
    {
      g_autoptr(PangoLayout) layout = year_label_layout (c, cr, i, NULL);
      double w, lh;

      shk_chart_layout_size (layout, &w, &lh);
      widest = MAX (widest, w);
      h = MAX (h, lh);
    }
  c->label_height = h;
  c->label_every = 1;

  if (widest <= room)
    {
      c->label_mode = LABELS_HORIZONTAL;
      c->label_area = h + c->u * 0.5;
    }
  else if (wrapped_labels_fit (c, cr, room, &wrapped_height))
    {
      c->label_mode = LABELS_WRAPPED;
      c->label_area = wrapped_height + c->u * 0.5;
    }
  else
    {
      /* At 45° a label needs √2 × its height along the axis; thin the
       * labels out until they have that. The length is capped so that the
       * plot keeps most of the height. */
      c->label_mode = LABELS_ROTATED;
      c->label_every = (guint) MAX (1.0, ceil (h * 1.5 / MAX (c->slot, 1.0)));
      c->label_length = MIN (widest, MIN (MAX (c->height * 0.28 * G_SQRT2 - h, c->u * 2.0),
                                          c->u * 9.0));
      c->label_area = (c->label_length + h) / G_SQRT2 + c->u * 0.6;
    }
}

/* Rotated labels hang down and to the left of their year: the first one
 * must not leave the canvas. */
static double
rotated_overhang (const Chart *c)
{
  if (c->label_mode != LABELS_ROTATED)
    return 0;
  return MAX (0, (c->label_length + c->label_height) / G_SQRT2 - c->slot / 2);
}

static void
compute_plot (Chart   *c,
              cairo_t *cr)
{
  double bottom = c->u * 2.0;
  double right = c->pad + c->u * 0.4;

  c->plot_y = c->legend_y + c->legend_height + c->unit_label_height + c->u * 0.6;

  /* The axis depends on the plot's height, the plot's width on the axis
   * labels, and the year labels' height on the slot width: a few passes
   * settle it. */
  for (int pass = 0; pass < 3; pass++)
    {
      double left;

      c->plot_height = MAX (c->height - c->plot_y - bottom - c->pad, c->u);
      compute_axis (c, cr, c->plot_height);
      left = c->pad + c->tick_label_width + c->u * 0.5;
      c->plot_x = left;
      c->plot_width = MAX (c->width - c->plot_x - right, c->u);
      c->slot = c->plot_width / MAX (c->n_years, 1);
      choose_label_mode (c, cr);
      if (rotated_overhang (c) > c->plot_x - c->pad)
        {
          c->plot_x = c->pad + rotated_overhang (c);
          c->plot_width = MAX (c->width - c->plot_x - right, c->u);
          c->slot = c->plot_width / MAX (c->n_years, 1);
        }
      bottom = c->label_area;
    }
  c->plot_height = MAX (c->height - c->plot_y - bottom - c->pad, c->u);
}

/* Title and legend */

enum
{
  KEY_COST,      /* dashed line, square marker */
  KEY_SAVING,    /* solid line, round marker */
  KEY_SCENARIO,  /* solid line and round marker: a scenario's colour */
};

static void
add_legend_item (Chart         *c,
                 cairo_t       *cr,
                 const char    *text,
                 int            kind,
                 const ShkRgba *colour)
{
  ShkChartLegendItem item = { 0 };
  LegendKey key = { c->u * 2.0, kind, *colour };

  ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;

  /* No item wider than a row, however long a scenario's name. */
  fit.width = (int) (MAX (c->width - 2 * c->pad - key.key_width - c->u * 0.5, c->u) * PANGO_SCALE);
  fit.ellipsize = PANGO_ELLIPSIZE_END;
  item.layout = shk_chart_text_layout (cr, text, c->u * 0.85, FALSE, &fit);
  item.text_offset = key.key_width + c->u * 0.4;
  g_array_append_val (c->legend, item);
  g_array_append_val (c->keys, key);
}

static char *
series_legend_text (const ShkPaybackSeries *series)
{
  const char *name = series->name != NULL ? series->name : "";

  if (series->result != NULL && series->result->payback_year > 0)
    /* TRANSLATORS: a scenario's name and when it pays back, in the legend */
    return g_strdup_printf (_("%s (recovered in year %u)"), name, series->result->payback_year);
  /* TRANSLATORS: a scenario's name, in the legend, when it never pays back */
  return g_strdup_printf (_("%s (not recovered)"), name);
}

static void
build_legend (Chart   *c,
              cairo_t *cr)
{
  const ShkPaybackChart *chart = c->chart;

  if (chart->n_series == 1)
    {
      ShkRgba saving = series_colour (c, 0, FALSE), cost = series_colour (c, 0, TRUE);

      add_legend_item (c, cr, _("Cumulative cost"), KEY_COST, &cost);
      add_legend_item (c, cr, _("Cumulative savings"), KEY_SAVING, &saving);
    }
  else
    {
      for (guint s = 0; s < chart->n_series; s++)
        {
          g_autofree char *text = series_legend_text (&chart->series[s]);
          ShkRgba colour = series_colour (c, s, FALSE);

          add_legend_item (c, cr, text, KEY_SCENARIO, &colour);
        }
      add_legend_item (c, cr, _("Cumulative cost"), KEY_COST, &c->palette.foreground);
      add_legend_item (c, cr, _("Cumulative savings"), KEY_SAVING, &c->palette.foreground);
    }

  c->legend_height = shk_chart_legend_flow ((ShkChartLegendItem *) c->legend->data, c->legend->len,
                                            c->pad, c->legend_y, c->width - c->pad, c->u);
}

static void
legend_item_clear (gpointer data)
{
  ShkChartLegendItem *item = data;

  g_clear_object (&item->layout);
}

static void
set_cost_dash (cairo_t     *cr,
               const Chart *c)
{
  const double dashes[] = { c->line_width * 3.5, c->line_width * 2.0 };

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
}

static void
draw_marker (cairo_t       *cr,
             const Chart   *c,
             gboolean       square,
             double         x,
             double         y,
             double         radius,
             const ShkRgba *colour)
{
  /* A ring of background keeps touching markers apart. */
  if (square)
    cairo_rectangle (cr, x - radius * 0.9, y - radius * 0.9, radius * 1.8, radius * 1.8);
  else
    cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  shk_chart_set_source (cr, colour);
  cairo_fill_preserve (cr);
  shk_chart_set_source (cr, &c->palette.background);
  cairo_set_line_width (cr, MAX (1.0, radius * 0.3));
  cairo_stroke (cr);
}

static void
draw_legend_key (cairo_t                  *cr,
                 const ShkChartLegendItem *item,
                 guint                     index,
                 gpointer                  user_data)
{
  const Chart *c = user_data;
  const LegendKey *key = &g_array_index (c->keys, LegendKey, index);
  double y = item->y + item->text_height / 2;

  cairo_save (cr);
  shk_chart_set_source (cr, &key->colour);
  cairo_set_line_width (cr, c->line_width);
  if (key->kind == KEY_COST)
    set_cost_dash (cr, c);
  cairo_move_to (cr, item->x, y);
  cairo_line_to (cr, item->x + key->key_width, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_marker (cr, c, key->kind == KEY_COST, item->x + key->key_width / 2, y,
               MIN (c->marker, item->text_height * 0.4), &key->colour);
}

/* Axes */

static void
draw_axes (cairo_t     *cr,
           const Chart *c)
{
  const double bottom = c->plot_y + c->plot_height;
  const double right = c->plot_x + c->plot_width;
  const ShkChartAxis axis = value_axis (c);
  ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;
  g_autoptr(PangoLayout) unit = NULL;
  double w, h;

  shk_chart_draw_axis (cr, &c->palette, &axis);

  /* The unit above the value axis, where it reads naturally. */
  fit.width = (int) (MAX (c->width - 2 * c->pad, c->u) * PANGO_SCALE);
  fit.ellipsize = PANGO_ELLIPSIZE_END;
  unit = shk_chart_text_layout (cr, _("×10,000 yen"), c->u * 0.8, FALSE, &fit);
  shk_chart_layout_size (unit, &w, &h);
  shk_chart_set_source (cr, &c->palette.muted);
  shk_chart_show_layout (cr, unit, c->pad, c->plot_y - c->u * 0.5 - h);

  shk_chart_set_source (cr, &c->palette.foreground);
  cairo_move_to (cr, c->plot_x, round (bottom) + 0.5);
  cairo_line_to (cr, right, round (bottom) + 0.5);
  cairo_stroke (cr);
}

static void
draw_year_label (cairo_t     *cr,
                 const Chart *c,
                 guint        index)
{
  const double top = c->plot_y + c->plot_height + c->u * 0.3;
  ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;
  g_autoptr(PangoLayout) layout = NULL;
  double x = year_x (c, index), w, h;

  if (c->label_mode == LABELS_WRAPPED)
    fit = wrapped_fit (c->slot - c->u * 0.3);
  else if (c->label_mode == LABELS_ROTATED)
    {
      fit.width = (int) (c->label_length * PANGO_SCALE);
      fit.ellipsize = PANGO_ELLIPSIZE_END;
    }
  layout = year_label_layout (c, cr, index, &fit);
  shk_chart_layout_size (layout, &w, &h);

  shk_chart_set_source (cr, index == (guint) c->chart->highlight_year
                        ? &c->palette.foreground : &c->palette.muted);
  if (c->label_mode == LABELS_ROTATED)
    {
      cairo_save (cr);
      cairo_translate (cr, x + h * 0.35, top);
      cairo_rotate (cr, -G_PI / 4);
      shk_chart_show_layout (cr, layout, -w, -h / 2);
      cairo_restore (cr);
    }
  else
    shk_chart_show_layout (cr, layout, x - w / 2, top);
}

static void
draw_year_axis (cairo_t     *cr,
                const Chart *c)
{
  const double bottom = round (c->plot_y + c->plot_height) + 0.5;

  shk_chart_set_source (cr, &c->palette.foreground);
  cairo_set_line_width (cr, MAX (1.0, c->u * 0.05));
  for (guint i = 0; i < c->n_years; i++)
    {
      double x = round (year_x (c, i)) + 0.5;

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + c->u * 0.25);
    }
  cairo_stroke (cr);

  /* The last year is always labelled: it is the horizon. */
  for (guint i = 0; i < c->n_years; i++)
    {
      gboolean last = i + 1 == c->n_years;
      gboolean crowds_last = !last && c->label_every > 1 &&
                             c->n_years - 1 - i < c->label_every;

      if ((i % c->label_every == 0 && !crowds_last) || last)
        draw_year_label (cr, c, i);
    }
}

static void
draw_highlight (cairo_t     *cr,
                const Chart *c)
{
  ShkRgba band = c->palette.highlight;
  int year = c->chart->highlight_year;

  if (year < 0 || (guint) year >= c->n_years)
    return;

  band.a = 0.12;
  shk_chart_set_source (cr, &band);
  cairo_rectangle (cr, c->plot_x + c->slot * year, c->plot_y, c->slot, c->plot_height);
  cairo_fill (cr);
}

/* Series */

/* Cost is paid at the start of each year: flat through a year, a step up
 * where the next begins. Savings accrue evenly: straight between points,
 * from half of the first year's savings at the plot's left edge. */
static void
trace_line (cairo_t                *cr,
            const Chart            *c,
            const ShkPaybackSeries *series,
            gboolean                cost)
{
  const ShkPaybackResult *r = series->result;
  guint n = series_years (c, series);

  if (n == 0)
    return;
  if (cost)
    {
      cairo_move_to (cr, c->plot_x, value_y (c, r->cumulative_cost[0] / MAN_YEN));
      for (guint i = 0; i < n; i++)
        {
          double y = value_y (c, r->cumulative_cost[i] / MAN_YEN);

          if (i > 0)
            cairo_line_to (cr, year_x (c, i - 1), y);
          cairo_line_to (cr, year_x (c, i), y);
        }
      return;
    }

  cairo_move_to (cr, c->plot_x, value_y (c, r->saving[0] * 0.5 / MAN_YEN));
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, year_x (c, i), value_y (c, r->cumulative_saving[i] / MAN_YEN));
}

static void
draw_line (cairo_t                *cr,
           const Chart            *c,
           const ShkPaybackSeries *series,
           guint                   index,
           gboolean                cost)
{
  ShkRgba colour = series_colour (c, index, cost);

  cairo_save (cr);
  shk_chart_set_source (cr, &colour);
  cairo_set_line_width (cr, c->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (cost)
    set_cost_dash (cr, c);
  trace_line (cr, c, series, cost);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_markers (cairo_t                *cr,
              Chart                  *c,
              const ShkPaybackSeries *series,
              guint                   index,
              gboolean                cost)
{
  const gint64 *values = cost ? series->result->cumulative_cost
                              : series->result->cumulative_saving;
  ShkRgba colour = series_colour (c, index, cost);

  for (guint i = 0; i < series_years (c, series); i++)
    {
      double x = year_x (c, i), y = value_y (c, values[i] / MAN_YEN);
      ShkChartBox box = { x - c->marker, y - c->marker, c->marker * 2, c->marker * 2 };

      draw_marker (cr, c, cost, x, y, c->marker, &colour);
      shk_chart_placer_take (&c->placer, &box);
    }
}

static void
fill_layout (const Chart    *c,
             ShkChartLayout *layout)
{
  if (layout == NULL)
    return;

  memset (layout, 0, sizeof *layout);
  layout->plot_x = c->plot_x;
  layout->plot_y = c->plot_y;
  layout->plot_width = c->plot_width;
  layout->plot_height = c->plot_height;
  layout->n_years = c->n_years;
  for (guint i = 0; i < c->n_years; i++)
    layout->year_x[i] = year_x (c, i);
  for (guint s = 0; s < G_N_ELEMENTS (layout->payback_x); s++)
    {
      layout->payback_x[s] = c->payback_x[s];
      layout->payback_y[s] = c->payback_y[s];
      layout->payback_drawn[s] = c->payback_drawn[s];
    }
  layout->n_data_labels = c->n_data_labels;
  layout->n_data_labels_overlapping = c->n_data_labels_overlapping;
}

gboolean
shk_payback_chart_has_data (const ShkPaybackChart *chart)
{
  if (chart->n_years == 0 || chart->n_series == 0 || chart->series == NULL)
    return FALSE;
  for (guint s = 0; s < chart->n_series; s++)
    if (chart->series[s].result != NULL && chart->series[s].result->n_years > 0)
      return TRUE;
  return FALSE;
}

void
shk_payback_chart_draw (cairo_t               *cr,
                        double                 width,
                        double                 height,
                        const ShkPaybackChart *chart,
                        ShkChartLayout        *layout)
{
  g_autoptr(PangoLayout) title = NULL;
  Chart c = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);

  c.chart = chart;
  c.width = MAX (width, 1.0);
  c.height = MAX (height, 1.0);
  shk_chart_palette_init (&c.palette, chart->style);
  c.u = shk_chart_unit (c.width, c.height, &c.palette);
  c.pad = c.u * 0.8;
  c.n_years = MIN (chart->n_years, MAX_YEARS);
  c.line_width = MAX (1.5, c.u * 0.12 * c.palette.line_scale);
  c.marker = MAX (2.5, c.u * 0.26 * (1.0 + (c.palette.line_scale - 1.0) * 0.5));

  cairo_save (cr);
  /* Only the chart's own rectangle: nothing is painted outside it. */
  shk_chart_set_source (cr, &c.palette.background);
  cairo_rectangle (cr, 0, 0, c.width, c.height);
  cairo_fill (cr);

  if (!shk_payback_chart_has_data (chart))
    {
      shk_chart_draw_message (cr, &c.palette, c.width, c.height, c.u, c.pad,
                              _("No scenarios to show"));
      fill_layout (&c, layout);
      cairo_restore (cr);
      return;
    }

  c.legend = g_array_new (FALSE, TRUE, sizeof (ShkChartLegendItem));
  g_array_set_clear_func (c.legend, legend_item_clear);
  c.keys = g_array_new (FALSE, TRUE, sizeof (LegendKey));

  /* At most two lines. */
  title = shk_chart_title_layout (cr, chart->title, c.u * 1.35, MAX (c.width - 2 * c.pad, c.u), 2);
  if (title != NULL)
    {
      double w;

      shk_chart_layout_size (title, &w, &c.title_height);
      c.title_height += c.u * 0.5;
    }
  c.legend_y = c.pad + c.title_height;
  build_legend (&c, cr);
  {
    g_autoptr(PangoLayout) unit = shk_chart_text_layout (cr, "0", c.u * 0.8, FALSE, NULL);
    double w;

    shk_chart_layout_size (unit, &w, &c.unit_label_height);
    c.unit_label_height += c.u * 0.7;
  }
  compute_data_max (&c);
  compute_plot (&c, cr);
  shk_chart_placer_init (&c.placer, &(ShkChartBox) { c.plot_x, c.plot_y, c.plot_width, c.plot_height });

  if (title != NULL)
    {
      shk_chart_set_source (cr, &c.palette.foreground);
      shk_chart_show_layout (cr, title, c.pad, c.pad);
    }
  shk_chart_legend_draw (cr, &c.palette, (ShkChartLegendItem *) c.legend->data, c.legend->len,
                         draw_legend_key, &c);
  draw_highlight (cr, &c);
  draw_axes (cr, &c);
  draw_year_axis (cr, &c);

  for (guint s = 0; s < chart->n_series; s++)
    if (chart->series[s].result != NULL)
      {
        draw_line (cr, &c, &chart->series[s], s, TRUE);
        draw_line (cr, &c, &chart->series[s], s, FALSE);
      }
  /* Over a long horizon the markers would merge into a beaded rope and
   * the labels have no room: the dashes alone tell cost from savings. */
  c.points = c.slot >= c.marker * 4;
  for (guint s = 0; s < chart->n_series && c.points; s++)
    if (chart->series[s].result != NULL)
      {
        draw_markers (cr, &c, &chart->series[s], s, TRUE);
        draw_markers (cr, &c, &chart->series[s], s, FALSE);
      }
  shk_payback_chart_draw_payback (cr, &c);
  if (c.points)
    shk_payback_chart_draw_data_labels (cr, &c);

  fill_layout (&c, layout);
  shk_chart_placer_clear (&c.placer);
  g_array_unref (c.keys);
  g_array_unref (c.legend);
  cairo_restore (cr);
}
