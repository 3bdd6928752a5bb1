/* shk-tornado-chart.c — the sensitivity of a scenario's payback as a
 * tornado chart
 *
 * A row per factor, the widest on top; a bar from the payback as entered
 * to the payback with each change, the decreases and increases in two
 * colours and the size of the change in shades.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-tornado-chart.h"

typedef struct
{
  const ShkSensitivityChart *chart;
  const ShkSensitivity      *s;
  ShkChartPalette            palette;
  double                     width, height, u, pad;
  double                     plot_x, plot_y, plot_width, plot_height;
  double                     row_height;
  guint                      order[SHK_SENSITIVITY_N_FACTORS];
  double                     max_change;
} Tornado;

/* Where a payback lies on the axis: the years, then one more slot for
 * "not recovered", so that a change that loses the payback still shows. */
static double
cell_position (const Tornado            *t,
               const ShkSensitivityCell *cell)
{
  if (cell->payback_year == 0 || cell->payback_point < 0)
    return t->s->n_years + 0.5;
  return CLAMP (cell->payback_point, 0.0, (double) t->s->n_years);
}

static double
axis_x (const Tornado *t,
        double         position)
{
  return t->plot_x + t->plot_width * position / (t->s->n_years + 1.0);
}

static double
factor_span (const Tornado        *t,
             ShkSensitivityFactor  factor)
{
  double low = cell_position (t, &t->s->base), high = low;

  for (guint i = 0; i < t->s->n_changes; i++)
    {
      double p = cell_position (t, &t->s->cells[factor][i]);

      low = MIN (low, p);
      high = MAX (high, p);
    }
  return high - low;
}

/* The widest bar on top, as tornado charts are read. A stable order for
 * equal spans (rate and hours always tie) keeps the rows from swapping. */
static void
sort_factors (Tornado *t)
{
  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    t->order[f] = f;
  for (guint i = 1; i < SHK_SENSITIVITY_N_FACTORS; i++)
    for (guint j = i; j > 0 && factor_span (t, t->order[j]) > factor_span (t, t->order[j - 1]) + 1e-9; j--)
      {
        guint swap = t->order[j];

        t->order[j] = t->order[j - 1];
        t->order[j - 1] = swap;
      }
}

/* A solid colour between @colour and the background: nested bars stay
 * exact shades rather than compounding their transparency. */
static ShkRgba
shade (const Tornado *t,
       const ShkRgba *colour,
       double         strength)
{
  const ShkRgba *bg = &t->palette.background;

  return (ShkRgba) {
    bg->r + (colour->r - bg->r) * strength,
    bg->g + (colour->g - bg->g) * strength,
    bg->b + (colour->b - bg->b) * strength,
    1.0,
  };
}

static double
change_strength (const Tornado *t,
                 double         change)
{
  /* The smallest change darkest, as it is drawn last, on top: with
   * 10/20/30% the shades are 100, 70 and 40% of the colour. */
  if (t->max_change <= 0)
    return 1.0;
  return CLAMP (1.3 - 0.9 * fabs (change) / t->max_change, 0.3, 1.0);
}

static const ShkRgba *
direction_colour (const Tornado *t,
                  double         change)
{
  return change < 0 ? &t->palette.series[1] : &t->palette.series[0];
}

static char *
slot_label (const Tornado *t,
            guint          index,
            gboolean       short_form)
{
  const char * const *labels = t->chart->year_labels;

  if (!short_form && labels != NULL && g_strv_length ((char **) labels) > index)
    return g_strdup (labels[index]);
  /* TRANSLATORS: the n-th year of a scenario on an axis, e.g. “Year 4” (4年目) */
  return g_strdup_printf (_("Year %u"), index + 1);
}

static void
draw_title (cairo_t *cr,
            Tornado *t,
            double  *y)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  /* One line: the rows need the height more than a long name does. */
  layout = shk_chart_title_layout (cr, t->chart->title, t->u * 1.3, t->width - 2 * t->pad, 0);
  if (layout == NULL)
    return;
  shk_chart_layout_size (layout, &w, &h);
  shk_chart_set_source (cr, &t->palette.foreground);
  shk_chart_show_layout (cr, layout, t->pad, *y);
  *y += h + t->u * 0.5;
}

static void
draw_legend_key (cairo_t                  *cr,
                 const ShkChartLegendItem *item,
                 guint                     index,
                 gpointer                  user_data)
{
  const Tornado *t = user_data;
  double key = t->u * 1.6, h = item->text_height;

  if (index < 2)
    {
      ShkRgba colour = *direction_colour (t, index == 0 ? -1 : 1);

      shk_chart_set_source (cr, &colour);
      cairo_rectangle (cr, item->x, item->y + h * 0.2, key, h * 0.6);
      cairo_fill (cr);
    }
  else
    {
      const double dashes[] = { t->u * 0.3, t->u * 0.2 };

      shk_chart_set_source (cr, &t->palette.foreground);
      cairo_set_line_width (cr, MAX (1.0, t->u * 0.12 * t->palette.line_scale));
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, item->x + key / 2, item->y);
      cairo_line_to (cr, item->x + key / 2, item->y + h);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Legend: the two directions, and the dashed line of the base case. */
static void
draw_legend (cairo_t *cr,
             Tornado *t,
             double  *y)
{
  g_autofree char *base_text = NULL;
  g_autofree char *base_cell = shk_sensitivity_format_cell (&t->s->base);
  const char *texts[3];
  ShkChartLegendItem items[G_N_ELEMENTS (texts)] = { { 0 } };
  double height;

  /* TRANSLATORS: legend of the sensitivity chart */
  texts[0] = _("Lower value");
  /* TRANSLATORS: legend of the sensitivity chart */
  texts[1] = _("Higher value");
  /* TRANSLATORS: legend; %s is the payback as entered, e.g. “Year 4 (month 8)” */
  base_text = g_strdup_printf (_("As entered: %s"), base_cell);
  texts[2] = base_text;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      items[i].layout = shk_chart_create_layout (cr, texts[i], t->u * 0.85, FALSE);
      items[i].text_offset = t->u * 1.6 + t->u * 0.4;
    }
  height = shk_chart_legend_flow (items, G_N_ELEMENTS (items), t->pad, *y, t->width - t->pad, t->u);
  shk_chart_legend_draw (cr, &t->palette, items, G_N_ELEMENTS (items), draw_legend_key, t);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_clear_object (&items[i].layout);
  *y += height + t->u * 0.8;
}

static double
factor_label_width (cairo_t *cr,
                    Tornado *t)
{
  double widest = 0;

  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    {
      g_autoptr(PangoLayout) layout =
        shk_chart_create_layout (cr, shk_sensitivity_factor_get_label (f), t->u, TRUE);
      double w, h;

      shk_chart_layout_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  /* Never more than a third of the chart, however long a translation. */
  return MIN (widest, t->width / 3.0);
}

static gboolean
slot_labels_fit (cairo_t *cr,
                 Tornado *t,
                 gboolean short_form)
{
  double slot = t->plot_width / (t->s->n_years + 1.0);

  for (guint i = 0; i < t->s->n_years; i++)
    {
      g_autofree char *text = slot_label (t, i, short_form);
      g_autoptr(PangoLayout) layout = shk_chart_create_layout (cr, text, t->u * 0.8, FALSE);
      double w, h;

      shk_chart_layout_size (layout, &w, &h);
      if (w > slot - t->u * 0.3)
        return FALSE;
    }
  return TRUE;
}

static void
draw_axis (cairo_t *cr,
           Tornado *t)
{
  double slot = t->plot_width / (t->s->n_years + 1.0);
  double bottom = t->plot_y + t->plot_height;
  gboolean short_form = !slot_labels_fit (cr, t, FALSE);
  guint every = 1;
  ShkRgba none_fill = t->palette.grid;

  /* Thin out the labels until they fit, as on a long horizon. */
  if (short_form)
    while (every < t->s->n_years && !slot_labels_fit (cr, t, TRUE) &&
           slot * every < t->u * 4)
      every++;

  /* The "not recovered" slot, tinted. */
  none_fill.a = 0.35;
  shk_chart_set_source (cr, &none_fill);
  cairo_rectangle (cr, axis_x (t, t->s->n_years), t->plot_y, slot, t->plot_height);
  cairo_fill (cr);

  shk_chart_set_source (cr, &t->palette.grid);
  cairo_set_line_width (cr, MAX (1.0, t->u * 0.06));
  for (guint i = 0; i <= t->s->n_years + 1; i++)
    {
      double x = round (axis_x (t, i)) + 0.5;

      cairo_move_to (cr, x, t->plot_y);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);

  shk_chart_set_source (cr, &t->palette.muted);
  for (guint i = 0; i <= t->s->n_years; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double w, h;

      if (i < t->s->n_years && (i % every) != 0)
        continue;
      /* TRANSLATORS: the axis slot of the sensitivity chart for no payback */
      text = i < t->s->n_years ? slot_label (t, i, short_form) : g_strdup (_("None"));
      layout = shk_chart_create_layout (cr, text, t->u * 0.8, FALSE);
      pango_layout_set_width (layout, (int) (MAX (slot * every, t->u) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      shk_chart_layout_size (layout, &w, &h);
      shk_chart_show_layout (cr, layout, axis_x (t, i + 0.5) - MAX (slot * every, t->u) / 2,
                   bottom + t->u * 0.3);
    }
}

static void
draw_end_label (cairo_t                  *cr,
                Tornado                  *t,
                const ShkSensitivityCell *cell,
                double                    x_base,
                double                    x_end,
                double                    y_mid)
{
  g_autofree char *change = shk_sensitivity_format_change (cell->change);
  g_autofree char *year_text = g_strdup_printf (_("Year %u"), cell->payback_year);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h, x;

  if (cell->payback_year > 0)
    text = g_strdup_printf ("%s: %s", change, year_text);
  else
    text = g_strdup_printf ("%s: %s", change, _("None"));
  layout = shk_chart_create_layout (cr, text, t->u * 0.75, FALSE);
  shk_chart_layout_size (layout, &w, &h);

  /* Beyond the bar's end, on its side of the base line; inside the plot. */
  if (x_end >= x_base)
    x = x_end + t->u * 0.3;
  else
    x = x_end - t->u * 0.3 - w;
  x = CLAMP (x, t->plot_x, t->plot_x + t->plot_width - w);
  shk_chart_set_source (cr, &t->palette.foreground);
  shk_chart_show_layout (cr, layout, x, y_mid - h / 2);
}

static void
draw_row (cairo_t              *cr,
          Tornado              *t,
          guint                 row,
          ShkSensitivityFactor  factor)
{
  const ShkSensitivity *s = t->s;
  double top = t->plot_y + row * t->row_height;
  /* Thick enough to tell the shades apart, never a slab. */
  double bar = MIN (t->row_height * 0.55, t->u * 3.0);
  double y = top + (t->row_height - bar) / 2;
  double x_base = axis_x (t, cell_position (t, &s->base));
  g_autoptr(PangoLayout) label = NULL;
  double w, h;
  int extremes[2] = { -1, -1 };   /* largest decrease, largest increase */

  label = shk_chart_create_layout (cr, shk_sensitivity_factor_get_label (factor), t->u, TRUE);
  pango_layout_set_width (label, (int) ((t->plot_x - t->pad - t->u * 0.6) * PANGO_SCALE));
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  shk_chart_layout_size (label, &w, &h);
  shk_chart_set_source (cr, &t->palette.foreground);
  shk_chart_show_layout (cr, label, t->pad, top + (t->row_height - h) / 2);

  /* Largest changes first, lightest; the smaller ones on top, darker. */
  {
    g_autofree guint *by_magnitude = g_new (guint, s->n_changes);

    for (guint i = 0; i < s->n_changes; i++)
      by_magnitude[i] = i;
    for (guint i = 1; i < s->n_changes; i++)
      for (guint j = i; j > 0 && fabs (s->changes[by_magnitude[j]]) > fabs (s->changes[by_magnitude[j - 1]]); j--)
        {
          guint swap = by_magnitude[j];

          by_magnitude[j] = by_magnitude[j - 1];
          by_magnitude[j - 1] = swap;
        }

    for (guint k = 0; k < s->n_changes; k++)
      {
        guint i = by_magnitude[k];
        const ShkSensitivityCell *cell = &s->cells[factor][i];
        double x_end = axis_x (t, cell_position (t, cell));
        ShkRgba colour;

        if (s->changes[i] == 0)
          continue;
        if (s->changes[i] < 0 && extremes[0] < 0)
          extremes[0] = (int) i;
        if (s->changes[i] > 0 && extremes[1] < 0)
          extremes[1] = (int) i;

        colour = shade (t, direction_colour (t, s->changes[i]),
                        change_strength (t, s->changes[i]));
        shk_chart_set_source (cr, &colour);
        cairo_rectangle (cr, MIN (x_base, x_end), y, fabs (x_end - x_base), bar);
        cairo_fill (cr);
      }
  }

  /* The largest change each way is labelled with its payback year, when
   * the two labels do not collide (they always lie on opposite sides of
   * the base line, or on the same side when both move the same way). */
  for (guint e = 0; e < 2; e++)
    if (extremes[e] >= 0)
      {
        const ShkSensitivityCell *cell = &s->cells[factor][extremes[e]];
        double x_end = axis_x (t, cell_position (t, cell));
        double y_mid = e == 0 ? y + bar * 0.25 : y + bar * 0.75;

        if (fabs (x_end - x_base) < 0.5)
          continue;
        draw_end_label (cr, t, cell, x_base, x_end, y_mid);
      }
}

static void
draw_base_line (cairo_t *cr,
                Tornado *t)
{
  const double dashes[] = { t->u * 0.35, t->u * 0.25 };
  double x = axis_x (t, cell_position (t, &t->s->base));

  shk_chart_set_source (cr, &t->palette.foreground);
  cairo_set_line_width (cr, MAX (1.0, t->u * 0.12 * t->palette.line_scale));
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, t->plot_y - t->u * 0.3);
  cairo_line_to (cr, x, t->plot_y + t->plot_height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_empty (cairo_t *cr,
            Tornado *t)
{
  g_autoptr(PangoLayout) layout =
    shk_chart_create_layout (cr, _("No scenario to show"), t->u, FALSE);
  double w, h;

  shk_chart_layout_size (layout, &w, &h);
  shk_chart_set_source (cr, &t->palette.muted);
  shk_chart_show_layout (cr, layout, (t->width - w) / 2, (t->height - h) / 2);
}

void
shk_sensitivity_chart_draw (cairo_t                   *cr,
                            double                     width,
                            double                     height,
                            const ShkSensitivityChart *chart)
{
  Tornado t = { 0 };
  double y, axis_height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);

  if (!(width > 0) || !(height > 0))
    return;

  t.chart = chart;
  t.s = chart->sensitivity;
  t.width = width;
  t.height = height;
  shk_chart_palette_init (&t.palette, chart->style);
  t.u = shk_chart_unit (width, height, &t.palette);
  t.pad = t.u;

  cairo_save (cr);
  shk_chart_set_source (cr, &t.palette.background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  y = t.pad;
  draw_title (cr, &t, &y);

  if (t.s == NULL || t.s->n_years == 0 || t.s->n_changes == 0)
    {
      draw_empty (cr, &t);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < t.s->n_changes; i++)
    t.max_change = MAX (t.max_change, fabs (t.s->changes[i]));

  draw_legend (cr, &t, &y);

  axis_height = t.u * 0.8 * 1.5 + t.u * 0.6;
  t.plot_x = t.pad + factor_label_width (cr, &t) + t.u * 0.8;
  t.plot_y = y;
  t.plot_width = MAX (width - t.pad - t.plot_x, t.u);
  t.plot_height = MAX (height - t.pad - axis_height - t.plot_y, t.u);
  t.row_height = t.plot_height / SHK_SENSITIVITY_N_FACTORS;

  sort_factors (&t);
  draw_axis (cr, &t);
  for (guint row = 0; row < SHK_SENSITIVITY_N_FACTORS; row++)
    draw_row (cr, &t, row, t.order[row]);
  draw_base_line (cr, &t);

  cairo_restore (cr);
}

char *
shk_sensitivity_chart_describe (const ShkSensitivityChart *chart)
{
  const ShkSensitivity *s;
  g_autofree char *base = NULL;
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  s = chart->sensitivity;
  if (s == NULL || s->n_changes == 0)
    return g_strdup (_("Sensitivity chart: no scenario to show."));

  base = shk_sensitivity_format_cell (&s->base);
  text = g_string_new (NULL);
  /* TRANSLATORS: %s is the payback as entered, e.g. “Year 4 (month 8)” */
  g_string_append_printf (text, _("Sensitivity of the payback year. As entered: %s."), base);

  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, shk_sensitivity_factor_get_label (f));
      g_string_append (text, ": ");
      for (guint i = 0; i < s->n_changes; i++)
        {
          g_autofree char *change = shk_sensitivity_format_change (s->changes[i]);
          g_autofree char *cell = shk_sensitivity_format_cell (&s->cells[f][i]);

          g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "", change, cell);
        }
      g_string_append_c (text, '.');
    }

  return g_string_free (text, FALSE);
}
