/* shk-survey-chart.c — the citizen survey, the city against the nation
 *
 * Horizontal bars on a 0–100 % axis: a question's title on a row of its
 * own, then per answer the city's bar above the nation's. Values go after
 * the bar's end, where the axis always leaves room (no answer reaches
 * 100 %), and are left out only when the row is too thin to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-survey-chart.h"

typedef struct
{
  const ShkSurveyQuestion *question;   /* a heading row */
  const ShkSurveyAnswer   *answer;     /* else an answer row */
} Row;

typedef struct
{
  const ShkSurveyChart *chart;
  GArray *rows;
  ShkChartPalette palette;
  double u, pad, width, height;
  double title_height, legend_height;
  double label_width;
  double plot_x, plot_y, plot_width, plot_height;
  double row_height, text_size;
} Chart;

static const ShkSurveyQuestion *
question_at (const ShkCitizenSurvey *survey,
             guint                   index)
{
  const ShkSurveyQuestion *questions[] = { survey->devices, survey->connections,
                                           survey->internet_use };

  return index < G_N_ELEMENTS (questions) ? questions[index] : NULL;
}

static GArray *
collect_rows (const ShkCitizenSurvey *survey)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint q = 0; q < 3; q++)
    {
      const ShkSurveyQuestion *question = question_at (survey, q);

      if (question == NULL || question->answers->len == 0)
        continue;
      g_array_append_val (rows, ((Row) { .question = question }));
      for (guint i = 0; i < question->answers->len; i++)
        g_array_append_val (rows, ((Row) { .answer = g_ptr_array_index (question->answers, i) }));
    }
  return rows;
}

static char *
percent_text (double value)
{
  /* TRANSLATORS: a survey figure in percent, e.g. “82.6%” */
  return g_strdup_printf (_("%.1f%%"), value);
}

static void
draw_title (cairo_t *cr,
            Chart   *c)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w;

  c->title_height = 0;
  if (c->chart->title == NULL || c->chart->title[0] == '\0')
    return;
  layout = shk_chart_title_layout (cr, c->chart->title, c->u * 1.35,
                                   MAX (c->width - 2 * c->pad, c->u), 1);
  shk_chart_layout_size (layout, &w, &c->title_height);
  shk_chart_set_source (cr, &c->palette.foreground);
  shk_chart_show_layout (cr, layout, c->pad, c->pad);
  c->title_height += c->u * 0.5;
}

static void
draw_key (cairo_t                  *cr,
          const ShkChartLegendItem *item,
          guint                     index,
          gpointer                  user_data)
{
  Chart *c = user_data;

  shk_chart_set_source (cr, &c->palette.series[index]);
  cairo_rectangle (cr, item->x, item->y + item->text_height * 0.2,
                   item->text_offset * 0.7, item->text_height * 0.6);
  cairo_fill (cr);
}

static void
draw_legend (cairo_t *cr,
             Chart   *c)
{
  const char *texts[] = { _("Kagoshima City (FY2020 survey)"), _("National (FY2019 survey)") };
  ShkChartLegendItem items[2] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      items[i].layout = shk_chart_create_layout (cr, texts[i], c->u * 0.8, FALSE);
      items[i].text_offset = c->u * 1.4;
    }
  c->legend_height = shk_chart_legend_flow (items, G_N_ELEMENTS (items), c->pad,
                                            c->pad + c->title_height, c->width - c->pad, c->u);
  shk_chart_legend_draw (cr, &c->palette, items, G_N_ELEMENTS (items), draw_key, c);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i].layout);
  c->legend_height += c->u * 0.5;
}

static PangoLayout *
row_layout (cairo_t    *cr,
            const Row  *row,
            double      size)
{
  PangoLayout *layout = shk_chart_create_layout (cr, row->question != NULL
                                                      ? row->question->title : row->answer->item,
                                                 size, row->question != NULL);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
compute_geometry (Chart   *c,
                  cairo_t *cr)
{
  g_autoptr(PangoLayout) axis = shk_chart_create_layout (cr, "100%", c->u * 0.8, FALSE);
  double w, h, axis_height;

  shk_chart_layout_size (axis, &w, &h);
  axis_height = h + c->u * 0.3;
  c->plot_y = c->pad + c->title_height + c->legend_height;
  c->plot_height = MAX (c->height - c->plot_y - axis_height - c->pad, c->u);
  c->row_height = c->plot_height / MAX (c->rows->len, 1);
  c->text_size = MIN (c->u * 0.85, c->row_height * 0.62);

  c->label_width = 0;
  for (guint i = 0; i < c->rows->len; i++)
    {
      const Row *row = &g_array_index (c->rows, Row, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (row->question != NULL)
        continue;   /* headings run across the plot */
      layout = row_layout (cr, row, c->text_size);
      shk_chart_layout_size (layout, &w, &h);
      c->label_width = MAX (c->label_width, MIN (w, c->width * 0.32));
    }
  c->plot_x = c->pad + c->label_width + c->u * 0.6;
  c->plot_width = MAX (c->width - c->plot_x - c->pad, c->u);
}

static char *
format_percent_axis (double        value,
                     gconstpointer user_data)
{
  return g_strdup_printf ("%g%%", value);
}

static void
draw_axis (cairo_t     *cr,
           const Chart *c)
{
  const ShkChartAxis axis = {
    .side = SHK_CHART_AXIS_BELOW,
    .plot_x = c->plot_x, .plot_y = c->plot_y,
    .plot_width = c->plot_width, .plot_height = c->plot_height,
    .max = 100, .step = c->plot_width > c->u * 20 ? 10 : 25,
    .label_size = c->u * 0.8,
    .label_gap = c->u * 0.3,
    .line_width = MAX (1.0, c->u * 0.05),
    .min_x = c->pad, .max_x = c->width - c->pad,
    .format = format_percent_axis,
  };

  shk_chart_draw_axis (cr, &c->palette, &axis);
}

static void
draw_bar (cairo_t     *cr,
          const Chart *c,
          double       value,
          guint        series,
          double       top,
          double       bar_height)
{
  double bar_width = c->plot_width * CLAMP (value, 0, 100) / 100.0;
  g_autofree char *text = percent_text (value);
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  shk_chart_set_source (cr, &c->palette.series[series]);
  cairo_rectangle (cr, c->plot_x, top, bar_width, bar_height);
  cairo_fill (cr);

  layout = shk_chart_create_layout (cr, text, MIN (c->text_size * 0.85, bar_height * 1.1), FALSE);
  shk_chart_layout_size (layout, &w, &h);
  if (h > bar_height * 2.2 || c->plot_x + bar_width + c->u * 0.3 + w > c->width - c->pad)
    return;
  shk_chart_set_source (cr, &c->palette.foreground);
  shk_chart_show_layout (cr, layout, c->plot_x + bar_width + c->u * 0.3, top + (bar_height - h) / 2);
}

static void
draw_row (cairo_t     *cr,
          const Chart *c,
          guint        index)
{
  const Row *row = &g_array_index (c->rows, Row, index);
  double top = c->plot_y + c->row_height * index;
  g_autoptr(PangoLayout) layout = row_layout (cr, row, c->text_size);
  double w, h, bar_height;

  if (row->question != NULL)
    {
      pango_layout_set_width (layout, (int) (MAX (c->width - 2 * c->pad, 1) * PANGO_SCALE));
      shk_chart_layout_size (layout, &w, &h);
      shk_chart_set_source (cr, &c->palette.foreground);
      shk_chart_show_layout (cr, layout, c->pad, top + (c->row_height - h) / 2);
      return;
    }

  pango_layout_set_width (layout, (int) (MAX (c->label_width, 1) * PANGO_SCALE));
  shk_chart_layout_size (layout, &w, &h);
  shk_chart_set_source (cr, &c->palette.foreground);
  shk_chart_show_layout (cr, layout, c->pad + c->label_width - w, top + (c->row_height - h) / 2);

  bar_height = c->row_height * 0.38;
  draw_bar (cr, c, row->answer->fy2, 0, top + c->row_height * 0.1, bar_height);
  if (row->answer->has_national)
    draw_bar (cr, c, row->answer->national, 1, top + c->row_height * 0.1 + bar_height, bar_height);
}

void
shk_survey_chart_draw (cairo_t              *cr,
                       double                width,
                       double                height,
                       const ShkSurveyChart *chart)
{
  g_autoptr(GArray) rows = NULL;
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
  shk_chart_set_source (cr, &c.palette.background);
  cairo_rectangle (cr, 0, 0, c.width, c.height);
  cairo_fill (cr);

  rows = chart->survey != NULL ? collect_rows (chart->survey) : NULL;
  if (rows == NULL || rows->len == 0)
    {
      shk_chart_draw_message (cr, &c.palette, c.width, c.height, c.u, c.pad,
                              _("No citizen survey in this document"));
      cairo_restore (cr);
      return;
    }

  c.rows = rows;
  draw_title (cr, &c);
  draw_legend (cr, &c);
  compute_geometry (&c, cr);
  draw_axis (cr, &c);
  for (guint i = 0; i < rows->len; i++)
    draw_row (cr, &c, i);
  cairo_restore (cr);
}

char *
shk_survey_chart_describe (const ShkSurveyChart *chart)
{
  g_autoptr(GArray) rows = NULL;
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->survey == NULL)
    return g_strdup (_("Citizen survey: none in this document."));

  rows = collect_rows (chart->survey);
  text = g_string_new (_("Citizen survey, the city against the national figure:"));
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autofree char *city = NULL;

      if (row->question != NULL)
        {
          g_string_append_printf (text, " %s:", row->question->title);
          continue;
        }
      city = percent_text (row->answer->fy2);
      if (row->answer->has_national)
        {
          g_autofree char *national = percent_text (row->answer->national);
          g_autofree char *gap = shk_citizen_survey_format_points (row->answer->gap);

          /* TRANSLATORS: an answer, the city's and the national figure and
           * the gap in points, e.g. “パソコン 63.7% (national 69.1%, -5.4
           * points);” */
          g_string_append_printf (text, _(" %s %s (national %s, %s points);"),
                                  row->answer->item, city, national, gap);
        }
      else
        g_string_append_printf (text, " %s %s;", row->answer->item, city);
    }
  return g_string_free (text, FALSE);
}
