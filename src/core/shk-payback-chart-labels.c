/* shk-payback-chart-labels.c — the payback mark and the data labels
 *
 * Every figure the handout prints beside a point is drawn: a label that
 * would collide with anything already drawn moves to the nearest free
 * place (ShkChartPlacer), and only when no place is free does it overlap,
 * because a dropped figure is worse than a crowded one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-payback-chart-private.h"

/* The engine's payback point: the moment the savings reach the costs of
 * the payback year, on that year's cost step — where the drawn lines
 * meet. */
static void
payback_position (const Chart            *c,
                  const ShkPaybackSeries *series,
                  double                 *x,
                  double                 *y)
{
  const ShkPaybackResult *r = series->result;

  *x = time_x (c, r->payback_point);
  *y = value_y (c, r->cumulative_cost[r->payback_year - 1] / MAN_YEN);
}

static gboolean
shows_payback (const Chart            *c,
               const ShkPaybackSeries *series)
{
  return series->result != NULL && series->result->payback_year > 0 &&
         series->result->payback_year <= series_years (c, series);
}

static void
draw_payback_marks (cairo_t     *cr,
                    Chart       *c)
{
  for (guint s = 0; s < c->chart->n_series; s++)
    {
      const ShkPaybackSeries *series = &c->chart->series[s];
      const double dashes[] = { c->u * 0.3, c->u * 0.2 };
      double x, y, ring = c->marker * 2.0;
      ShkChartBox box;

      if (!shows_payback (c, series))
        continue;

      payback_position (c, series, &x, &y);
      if (s < G_N_ELEMENTS (c->payback_x))
        {
          c->payback_x[s] = x;
          c->payback_y[s] = y;
          c->payback_drawn[s] = TRUE;
        }
      cairo_save (cr);
      shk_chart_set_source (cr, &c->palette.highlight);
      cairo_set_line_width (cr, MAX (1.0, c->line_width * 0.6));
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, round (x) + 0.5, y + ring);
      cairo_line_to (cr, round (x) + 0.5, c->plot_y + c->plot_height);
      cairo_stroke (cr);
      cairo_restore (cr);

      shk_chart_set_source (cr, &c->palette.highlight);
      cairo_set_line_width (cr, MAX (1.5, c->line_width * 1.1));
      cairo_arc (cr, x, y, ring, 0, 2 * G_PI);
      cairo_stroke (cr);

      box = (ShkChartBox) { x - ring, y - ring, ring * 2, ring * 2 };
      shk_chart_placer_take (&c->placer, &box);
    }
}

static void
draw_payback_labels (cairo_t *cr,
                     Chart   *c)
{
  const ShkPaybackChart *chart = c->chart;

  /* Several scenarios say when they pay back in the legend: a row of
   * identical labels on the chart would not say which is which. */
  for (guint s = 0; s < chart->n_series && chart->n_series == 1; s++)
    {
      const ShkPaybackSeries *series = &chart->series[s];
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double x, y, w, h, pad = c->u * 0.25, gap = c->marker * 2.4;

      if (!shows_payback (c, series))
        continue;

      text = g_strdup_printf (_("Recovered in year %u"), series->result->payback_year);
      layout = shk_chart_text_layout (cr, text, c->u * 0.9, TRUE, NULL);
      shk_chart_layout_size (layout, &w, &h);
      w += 2 * pad;
      h += 2 * pad;
      payback_position (c, series, &x, &y);

      {
        /* Above left first: the savings line climbs to the right. */
        const double anchors[] = {
          x - w - gap * 0.5, y - h - gap * 0.5,
          x + gap * 0.5, y + gap * 0.5,
          x - w / 2, y - h - gap,
          x + gap * 0.5, y - h - gap * 0.5,
          x - w - gap * 0.5, y + gap * 0.5,
          x - w / 2, y + gap,
          x - w - gap * 0.5, y - h - gap * 2,
          x + gap * 0.5, y + gap * 2,
        };

        /* The first free place wins. */
        shk_chart_placer_show (&c->placer, cr, &c->palette, layout,
                               anchors, G_N_ELEMENTS (anchors) / 2, pad, &c->palette.highlight);
      }
    }

  /* One scenario that never pays back says so on the chart; several say
   * it in the legend. */
  if (chart->n_series == 1 && !shows_payback (c, &chart->series[0]))
    {
      double pad = c->u * 0.35, inset = c->u * 0.5, w, h;
      ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;
      g_autoptr(PangoLayout) layout = NULL;

      fit.width = (int) (MAX (c->plot_width - 2 * (pad + inset), c->u) * PANGO_SCALE);
      fit.ellipsize = PANGO_ELLIPSIZE_END;
      layout = shk_chart_text_layout (cr, _("Not recovered within the period"), c->u * 0.95,
                                      TRUE, &fit);
      shk_chart_layout_size (layout, &w, &h);
      {
        const double anchors[] = {
          c->plot_x + inset, c->plot_y + inset,
          c->plot_x + (c->plot_width - w) / 2 - pad, c->plot_y + inset,
          c->plot_x + c->plot_width - w - 2 * pad - inset, c->plot_y + inset,
          c->plot_x + inset, c->plot_y + c->plot_height * 0.3,
        };

        /* The first free place wins. */
        shk_chart_placer_show (&c->placer, cr, &c->palette, layout,
                               anchors, G_N_ELEMENTS (anchors) / 2, pad, &c->palette.highlight);
      }
    }
}

/* Places a data label at the first free place near its point: above or
 * below first (as @cost prefers), then beside, then further out. When
 * nothing is free it is still drawn, at the preferred place kept inside
 * the plot: a printed figure the handout shows must not vanish. */
static void
show_data_label (cairo_t       *cr,
                 Chart         *c,
                 PangoLayout   *layout,
                 double         x,
                 double         y,
                 gboolean       cost,
                 const ShkRgba *colour)
{
  const double pad = c->u * 0.1, gap = c->marker * 1.2;
  const ShkChartBox *bounds = &c->placer.bounds;
  double w, h, first[2];
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (double));

  shk_chart_layout_size (layout, &w, &h);
  w += 2 * pad;
  h += 2 * pad;
  for (int ring = 0; ring < 4; ring++)
    {
      double d = gap + ring * h;
      const double side = (cost ? 1 : -1);
      const double candidates[] = {
        x - w / 2, side > 0 ? y + d : y - d - h,
        x - w / 2, side > 0 ? y - d - h : y + d,
        x + gap + ring * w * 0.5, y - h / 2,
        x - gap - w - ring * w * 0.5, y - h / 2,
        /* Beside and above: a point on the axis (savings of 0) has no
         * room below, nor centred beside it. */
        x + gap + ring * w * 0.5, y - h,
        x - gap - w - ring * w * 0.5, y - h,
        x + gap * 0.5 + ring * w * 0.5, side > 0 ? y + d * 0.5 : y - d * 0.5 - h,
        x - w - gap * 0.5 - ring * w * 0.5, side > 0 ? y + d * 0.5 : y - d * 0.5 - h,
        x + gap * 0.5 + ring * w * 0.5, side > 0 ? y - d * 0.5 - h : y + d * 0.5,
        x - w - gap * 0.5 - ring * w * 0.5, side > 0 ? y - d * 0.5 - h : y + d * 0.5,
      };

      g_array_append_vals (anchors, candidates, G_N_ELEMENTS (candidates));
    }
  first[0] = g_array_index (anchors, double, 0);
  first[1] = g_array_index (anchors, double, 1);

  c->n_data_labels++;
  if (!shk_chart_placer_show (&c->placer, cr, &c->palette, layout,
                              (const double *) anchors->data, anchors->len / 2, pad, colour))
    {
      /* Nowhere free: overlap rather than lose the figure. */
      ShkChartPlacer open = { *bounds, g_array_new (FALSE, FALSE, sizeof (ShkChartBox)) };
      double place[2] = {
        CLAMP (first[0], bounds->x, MAX (bounds->x, bounds->x + bounds->width - w)),
        CLAMP (first[1], bounds->y, MAX (bounds->y, bounds->y + bounds->height - h)),
      };

      c->n_data_labels_overlapping++;
      shk_chart_placer_show (&open, cr, &c->palette, layout, place, 1, pad, colour);
      shk_chart_placer_take (&c->placer, &(ShkChartBox) { place[0], place[1], w, h });
      shk_chart_placer_clear (&open);
    }
  g_array_unref (anchors);
}

/* Every point's value for one scenario; only the values at the horizon
 * when several overlay, which would otherwise be a cloud of numbers
 * belonging to no line in particular. */
void
shk_payback_chart_draw_data_labels (cairo_t *cr,
                                    Chart   *c)
{
  const ShkPaybackChart *chart = c->chart;

  for (guint s = 0; s < chart->n_series; s++)
    for (int kind = 0; kind < 2; kind++)
      {
        const ShkPaybackSeries *series = &chart->series[s];
        gboolean cost = kind == 1;
        const gint64 *values;

        if (series->result == NULL || series_years (c, series) == 0)
          continue;
        values = cost ? series->result->cumulative_cost : series->result->cumulative_saving;

        for (guint i = chart->n_series > 1 ? series_years (c, series) - 1 : 0;
             i < series_years (c, series); i++)
          {
            g_autofree char *text = format_man_yen (c, values[i] / MAN_YEN);
            g_autoptr(PangoLayout) layout = shk_chart_text_layout (cr, text, c->u * 0.72, FALSE, NULL);

            /* Light series colours make faint text: labels are in the
             * text colour, and tell their series by where they stand. */
            show_data_label (cr, c, layout, year_x (c, i), value_y (c, values[i] / MAN_YEN),
                             cost, &c->palette.foreground);
          }
      }
}

/* The payback marks first: the labels that say when each scenario pays
 * back must not cover them. */
void
shk_payback_chart_draw_payback (cairo_t *cr,
                                Chart   *c)
{
  draw_payback_marks (cr, c);
  draw_payback_labels (cr, c);
}
