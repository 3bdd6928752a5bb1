/* shk-breakdown-chart.c — the survey's hours per priority class or category
 *
 * Horizontal bars, one per class, their names on the left and an hours
 * axis below. Each bar carries "hours (share) · N processes", inside it
 * when the text fits there, else after its end; when neither fits, a
 * shorter form of the text is tried, so nothing is ever clipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-breakdown-chart.h"
#include "shk-edit.h"
#include "shk-pareto-chart.h"

typedef struct
{
  const ShkBreakdownChart *chart;
  GPtrArray *rows;
  ShkChartPalette palette;
  double u, pad, width, height;

  double title_height;
  double label_width;     /* of the class names, left of the bars */
  double axis_height;     /* of the hours labels and caption below */

  double plot_x, plot_y, plot_width, plot_height;
  double row_height, bar_height;
  double text_size;
  double axis_max, step;
  gboolean caption_below; /* of the tick labels, not beside them */
} Chart;

gboolean
shk_breakdown_kind_from_string (const char       *text,
                                ShkBreakdownKind *kind)
{
  ShkBreakdownKind value;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "priority") == 0)
    value = SHK_BREAKDOWN_BY_PRIORITY;
  else if (g_ascii_strcasecmp (text, "category") == 0)
    value = SHK_BREAKDOWN_BY_CATEGORY;
  else
    return FALSE;

  if (kind != NULL)
    *kind = value;
  return TRUE;
}

GPtrArray *
shk_breakdown_chart_get_rows (const ShkBreakdownChart *chart)
{
  GPtrArray *rows;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (chart->ranking != NULL, NULL);

  if (chart->by == SHK_BREAKDOWN_BY_PRIORITY)
    return shk_ranking_breakdown_by_priority (chart->ranking);

  /* The unknown category is always last; an empty one says nothing. */
  rows = shk_ranking_breakdown_by_category (chart->ranking);
  if (rows->len > 0)
    {
      ShkBreakdownRow *last = g_ptr_array_index (rows, rows->len - 1);

      if (last->key[0] == '\0' && last->count == 0)
        g_ptr_array_remove_index (rows, rows->len - 1);
    }
  return rows;
}

static void
row_color (const Chart           *c,
           const ShkBreakdownRow *row,
           guint                  index,
           ShkRgba               *rgba)
{
  ShkPriority priority;

  if (c->chart->by == SHK_BREAKDOWN_BY_PRIORITY)
    {
      if (!shk_priority_from_key (row->key, &priority))
        priority = SHK_PRIORITY_UNSET;
      shk_pareto_chart_priority_color (c->chart->style, priority, rgba);
      return;
    }

  /* Processes of no known category get a neutral grey, not a series
   * colour that would read as one more category. */
  if (row->key[0] == '\0')
    *rgba = c->chart->style == SHK_CHART_STYLE_DARK
      ? (ShkRgba) { 0.50, 0.50, 0.53, 1 } : (ShkRgba) { 0.54, 0.54, 0.56, 1 };
  else
    *rgba = c->palette.series[index % G_N_ELEMENTS (c->palette.series)];
}

/* Text */

static char *
share_text (double share)
{
  /* TRANSLATORS: a share of the listed hours, e.g. “42.3%” */
  return g_strdup_printf (_("%.1f%%"), share * 100.0);
}

/* The texts a bar may carry, longest first. */
static GPtrArray *
value_texts (const ShkBreakdownRow *row)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *hours = shk_format_number (row->hours);
  g_autofree char *share = share_text (row->share);

  g_ptr_array_add (texts,
                   /* TRANSLATORS: hours a year, their share and the number of
                    * processes, e.g. “93,900 h (41.9%) · 10 processes” */
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s h (%s) · %u process",
                                                 "%s h (%s) · %u processes",
                                                 row->count),
                                    hours, share, row->count));
  /* TRANSLATORS: hours a year and their share, e.g. “93,900 h (41.9%)” */
  g_ptr_array_add (texts, g_strdup_printf (_("%s h (%s)"), hours, share));
  /* TRANSLATORS: hours a year, e.g. “93,900 h” */
  g_ptr_array_add (texts, g_strdup_printf (_("%s h"), hours));
  return texts;
}

/* Geometry */

static void
draw_title (cairo_t *cr,
            Chart   *c,
            gboolean draw)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w;

  c->title_height = 0;
  if (c->chart->title == NULL || c->chart->title[0] == '\0')
    return;

  /* A second line only where the bars can spare it. */
  layout = shk_chart_title_layout (cr, c->chart->title, c->u * 1.35,
                                   MAX (c->width - 2 * c->pad, c->u),
                                   c->height < c->u * 24 ? 1 : 2);
  shk_chart_layout_size (layout, &w, &c->title_height);
  if (draw)
    {
      shk_chart_set_source (cr, &c->palette.foreground);
      shk_chart_show_layout (cr, layout, c->pad, c->pad);
    }
  c->title_height += c->u * 0.6;
}

static PangoLayout *
label_layout (cairo_t               *cr,
              const ShkBreakdownRow *row,
              double                 size)
{
  PangoLayout *layout = shk_chart_create_layout (cr, row->label, size, FALSE);

  /* Left-aligned: the caller right-aligns it by its measured width, which
   * a right-aligned layout would offset a second time. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
compute_axis (Chart   *c,
              cairo_t *cr)
{
  double max = 0, widest;
  guint ticks;

  for (guint i = 0; i < c->rows->len; i++)
    max = MAX (max, ((ShkBreakdownRow *) g_ptr_array_index (c->rows, i))->hours);
  if (max <= 0)
    max = 1;

  /* As many ticks as their labels allow without touching. */
  {
    g_autofree char *text = shk_format_number (max * 1.25);
    g_autoptr(PangoLayout) layout = shk_chart_create_layout (cr, text, c->u * 0.8, FALSE);
    double h;

    shk_chart_layout_size (layout, &widest, &h);
  }
  ticks = (guint) CLAMP (c->plot_width / MAX (widest * 1.8, 1.0), 1, 6);
  shk_chart_axis_fit (max, ticks, &c->axis_max, &c->step);
}

static PangoLayout *
caption_layout (const Chart *c,
                cairo_t     *cr)
{
  return shk_chart_create_layout (cr, _("Hours per year"), c->u * 0.75, FALSE);
}

static void
compute_geometry (Chart   *c,
                  cairo_t *cr)
{
  guint n = MAX (c->rows->len, 1);
  double max_label = MAX (c->width * 0.3, c->u * 3);
  g_autoptr(PangoLayout) axis = shk_chart_create_layout (cr, "0", c->u * 0.8, FALSE);
  g_autoptr(PangoLayout) caption = caption_layout (c, cr);
  double w, h, caption_width, caption_height;

  /* Labels as large as the rows allow, up to the body text size. */
  c->plot_y = c->pad + c->title_height;
  shk_chart_layout_size (axis, &w, &h);
  shk_chart_layout_size (caption, &caption_width, &caption_height);
  c->axis_height = c->u * 0.3 + MAX (h, caption_height);
  c->plot_height = MAX (c->height - c->plot_y - c->axis_height - c->pad, c->u);
  c->row_height = MIN (c->plot_height / n, c->u * 5.0);
  c->text_size = MIN (c->u * 0.9, c->row_height * 0.5);

  c->label_width = 0;
  for (guint i = 0; i < c->rows->len; i++)
    {
      g_autoptr(PangoLayout) label = label_layout (cr, g_ptr_array_index (c->rows, i), c->text_size);

      shk_chart_layout_size (label, &w, &h);
      c->label_width = MAX (c->label_width, MIN (w, max_label));
    }

  /* The axis caption sits under the names when it fits there, else on a
   * line of its own below the tick labels. */
  c->caption_below = caption_width > c->label_width;
  if (c->caption_below)
    {
      c->axis_height += c->u * 0.15 + caption_height;
      c->plot_height = MAX (c->height - c->plot_y - c->axis_height - c->pad, c->u);
      c->row_height = MIN (c->plot_height / n, c->u * 5.0);
      c->text_size = MIN (c->text_size, c->row_height * 0.5);
    }
  c->bar_height = MIN (c->row_height * 0.76, c->u * 2.6);
  c->plot_height = c->row_height * n;

  c->plot_x = c->pad + c->label_width + c->u * 0.6;
  c->plot_width = MAX (c->width - c->plot_x - c->pad, c->u);
  compute_axis (c, cr);
}

/* Drawing */

static char *
format_hours (double        value,
              gconstpointer user_data)
{
  return shk_format_number (value);
}

static void
draw_axis (cairo_t     *cr,
           const Chart *c)
{
  const ShkChartAxis axis = {
    .side = SHK_CHART_AXIS_BELOW,
    .plot_x = c->plot_x, .plot_y = c->plot_y,
    .plot_width = c->plot_width, .plot_height = c->plot_height,
    .max = c->axis_max, .step = c->step,
    .label_size = c->u * 0.8,
    .label_gap = c->u * 0.3,
    .line_width = MAX (1.0, c->u * 0.05),
    /* The end labels stay inside the chart. */
    .min_x = c->pad, .max_x = c->width - c->pad,
    .format = format_hours,
  };
  const double labels_y = c->plot_y + c->plot_height + c->u * 0.3;
  g_autoptr(PangoLayout) caption = caption_layout (c, cr);
  double label_height, w, h;

  label_height = shk_chart_draw_axis (cr, &c->palette, &axis);

  pango_layout_set_width (caption, (int) (MAX (c->width - 2 * c->pad, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  shk_chart_layout_size (caption, &w, &h);
  shk_chart_set_source (cr, &c->palette.muted);
  if (c->caption_below)
    shk_chart_show_layout (cr, caption, c->plot_x + c->plot_width - w, labels_y + label_height + c->u * 0.15);
  else
    shk_chart_show_layout (cr, caption, c->pad + c->label_width - w, labels_y + (label_height - h) / 2);
}

static void
draw_value (cairo_t               *cr,
            const Chart           *c,
            const ShkBreakdownRow *row,
            const ShkRgba         *bar_color,
            double                 bar_width,
            double                 top)
{
  g_autoptr(GPtrArray) texts = value_texts (row);
  double gap = c->u * 0.4;
  double right = c->plot_x + c->plot_width;

  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(PangoLayout) layout =
        shk_chart_create_layout (cr, g_ptr_array_index (texts, i), c->text_size * 0.92, TRUE);
      double w, h, y;

      shk_chart_layout_size (layout, &w, &h);
      if (h > c->row_height)
        continue;
      y = top + (c->bar_height - h) / 2;

      /* Inside a bar long enough, in a colour that reads on it. */
      if (h <= c->bar_height && w + 2 * gap <= bar_width)
        {
          shk_chart_set_source (cr, shk_chart_text_colour_on (bar_color));
          shk_chart_show_layout (cr, layout, c->plot_x + bar_width - gap - w, y);
          return;
        }
      if (c->plot_x + bar_width + gap + w <= right)
        {
          shk_chart_set_source (cr, &c->palette.foreground);
          shk_chart_show_layout (cr, layout, c->plot_x + bar_width + gap, y);
          return;
        }
    }
}

static void
draw_row (cairo_t     *cr,
          const Chart *c,
          guint        index)
{
  const ShkBreakdownRow *row = g_ptr_array_index (c->rows, index);
  double row_top = c->plot_y + c->row_height * index;
  double top = row_top + (c->row_height - c->bar_height) / 2;
  double bar_width = c->plot_width * row->hours / c->axis_max;
  g_autoptr(PangoLayout) label = label_layout (cr, row, c->text_size);
  ShkRgba color;
  double w, h;

  pango_layout_set_width (label, (int) (MAX (c->label_width, 1) * PANGO_SCALE));
  shk_chart_layout_size (label, &w, &h);
  shk_chart_set_source (cr, &c->palette.foreground);
  shk_chart_show_layout (cr, label, c->pad + c->label_width - w, row_top + (c->row_height - h) / 2);

  row_color (c, row, index, &color);
  if (bar_width > 0)
    {
      shk_chart_set_source (cr, &color);
      cairo_rectangle (cr, c->plot_x, top, bar_width, c->bar_height);
      cairo_fill (cr);
    }
  draw_value (cr, c, row, &color, bar_width, top);
}

void
shk_breakdown_chart_draw (cairo_t                 *cr,
                          double                   width,
                          double                   height,
                          const ShkBreakdownChart *chart)
{
  g_autoptr(GPtrArray) rows = NULL;
  Chart c = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);

  c.chart = chart;
  c.width = MAX (width, 1.0);
  c.height = MAX (height, 1.0);
  shk_chart_palette_init (&c.palette, chart->style);
  c.u = shk_chart_unit (c.width, c.height, &c.palette);
  c.pad = c.u * 0.8;

  cairo_save (cr);
  /* Only the chart's own rectangle: nothing is painted outside it. */
  shk_chart_set_source (cr, &c.palette.background);
  cairo_rectangle (cr, 0, 0, c.width, c.height);
  cairo_fill (cr);

  if (chart->ranking == NULL || chart->ranking->n_processes == 0)
    {
      shk_chart_draw_message (cr, &c.palette, c.width, c.height, c.u, c.pad,
                              _("No work processes listed"));
      cairo_restore (cr);
      return;
    }

  rows = shk_breakdown_chart_get_rows (chart);
  c.rows = rows;
  draw_title (cr, &c, TRUE);
  compute_geometry (&c, cr);

  draw_axis (cr, &c);
  for (guint i = 0; i < rows->len; i++)
    draw_row (cr, &c, i);

  cairo_restore (cr);
}

char *
shk_breakdown_chart_describe (const ShkBreakdownChart *chart)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *listed = NULL;
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->ranking == NULL || chart->ranking->n_processes == 0)
    return g_strdup (_("Breakdown: no work processes listed."));

  rows = shk_breakdown_chart_get_rows (chart);
  listed = shk_format_number (chart->ranking->listed_hours);
  text = g_string_new (NULL);
  g_string_append_printf (text,
                          chart->by == SHK_BREAKDOWN_BY_PRIORITY
                          ? _("Hours per priority class of %s listed hours a year:")
                          : _("Hours per category of %s listed hours a year:"),
                          listed);
  for (guint i = 0; i < rows->len; i++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, i);
      g_autofree char *hours = shk_format_number (row->hours);
      g_autofree char *share = share_text (row->share);

      /* TRANSLATORS: separates the classes in a sentence such as “Hours
       * per priority class …: Priority (high) 93,900 hours (41.9%), 10
       * processes; …” */
      g_string_append (text, i == 0 ? _(" ") : _("; "));
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s %s hours (%s), %u process",
                                           "%s %s hours (%s), %u processes",
                                           row->count),
                              row->label, hours, share, row->count);
    }
  /* TRANSLATORS: ends the sentence of a breakdown */
  g_string_append (text, _("."));
  return g_string_free (text, FALSE);
}
