/* shk-summary-chart.c — the grade summary as a stacked horizontal bar chart
 *
 * One bar per evaluation, its length the measures counted (100%), split
 * into ◎ ○ △ － in that order, as chart (1) of 資料1-1. Segments carry
 * their count and share when the text fits inside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "shk-shares.h"
#include "shk-summary-chart.h"

static const ShkGrade grade_order[] = {
  SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
};

typedef struct
{
  const ShkSummaryChart *chart;
  const ShkSummary      *summary;
  ShkChartPalette palette;
  double u, pad, width, height;

  double title_height;
  ShkChartLegendItem legend[G_N_ELEMENTS (grade_order)];
  double legend_y, legend_height;

  double label_width;     /* of the evaluation names, left of the bars */
  double total_width;     /* of the "54 measures" column, right of them */
  double axis_height;     /* of the percent labels below */

  double plot_x, plot_y, plot_width, plot_height;
  double row_height, bar_height;
  double text_size;       /* inside the bars */
} Chart;

/* The shares of a bar's grades as the handout prints them under chart
 * (1): "64.8%", one decimal, adding up to 100.0% by the largest
 * remainder (shk-shares.h), the same figures as the handout's table. */
static char *
share_text (const ShkSummaryColumn *column,
            ShkGrade                grade)
{
  guint counts[G_N_ELEMENTS (grade_order)];
  guint64 units[G_N_ELEMENTS (grade_order)];
  guint index = 0;

  for (guint g = 0; g < G_N_ELEMENTS (grade_order); g++)
    {
      counts[g] = column->count[grade_order[g]];
      if (grade_order[g] == grade)
        index = g;
    }
  shk_shares_round (counts, G_N_ELEMENTS (grade_order), 1, units);
  return shk_shares_format (units[index], 1);
}

/* Labels */

static char *
grade_legend_text (ShkGrade grade)
{
  /* TRANSLATORS: a grade's symbol and its label, e.g. “◎ Fully achieved” */
  return g_strdup_printf (_("%s %s"), shk_grade_to_symbol (grade), shk_grade_get_label (grade));
}

static char *
total_text (const ShkSummaryColumn *column)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures",
                                       column->counted),
                          column->counted);
}

static PangoLayout *
row_label_layout (const Chart            *c,
                  cairo_t                *cr,
                  const ShkSummaryColumn *column,
                  double                  size)
{
  const char *id = column->evaluation != NULL ? shk_evaluation_get_id (column->evaluation) : "";
  const char *label = column->evaluation != NULL ? shk_evaluation_get_label (column->evaluation) : NULL;
  g_autofree char *markup = NULL;
  PangoLayout *layout = shk_chart_create_layout (cr, NULL, size, FALSE);

  /* The id in bold, the heading (達成状況, 進捗状況) beneath it. */
  if (label != NULL && label[0] != '\0')
    markup = g_markup_printf_escaped ("<b>%s</b>\n<span size='85%%'>%s</span>", id, label);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", id);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Geometry */

static void
measure_columns (Chart   *c,
                 cairo_t *cr)
{
  double max_label = MAX (c->width * 0.3, c->u * 3);

  c->label_width = 0;
  c->total_width = 0;
  for (guint i = 0; i < c->summary->n_columns; i++)
    {
      const ShkSummaryColumn *column = &c->summary->columns[i];
      g_autoptr(PangoLayout) label = row_label_layout (c, cr, column, c->text_size);
      g_autofree char *total = total_text (column);
      g_autoptr(PangoLayout) total_layout = shk_chart_create_layout (cr, total, c->text_size * 0.9, FALSE);
      double w, h;

      shk_chart_layout_size (label, &w, &h);
      c->label_width = MAX (c->label_width, MIN (w, max_label));
      shk_chart_layout_size (total_layout, &w, &h);
      c->total_width = MAX (c->total_width, w);
    }
  c->total_width = MIN (c->total_width, c->width * 0.2);
}

static void
compute_geometry (Chart   *c,
                  cairo_t *cr)
{
  guint n = MAX (c->summary->n_columns, 1);
  g_autoptr(PangoLayout) axis = shk_chart_create_layout (cr, "100%", c->u * 0.8, FALSE);
  double w;

  shk_chart_layout_size (axis, &w, &c->axis_height);
  c->axis_height += c->u * 0.4;

  c->plot_y = c->legend_y + c->legend_height + c->u * 1.0;
  c->plot_height = MAX (c->height - c->plot_y - c->axis_height - c->pad, c->u);

  /* Rows no taller than needed, text that fits the rows. */
  c->row_height = MIN (c->plot_height / n, c->u * 6.0);
  c->text_size = MIN (c->u * 0.9, c->row_height * 0.36);
  c->bar_height = MIN (c->row_height * 0.68, c->u * 3.2);

  measure_columns (c, cr);
  c->plot_x = c->pad + c->label_width + c->u * 0.6;
  c->plot_width = MAX (c->width - c->plot_x - c->total_width - c->u * 0.6 - c->pad, c->u);

  /* The bars sit at the top of the plot; the axis follows them. */
  c->plot_height = c->row_height * n;
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
                                   MAX (c->width - 2 * c->pad, c->u), 2);
  shk_chart_layout_size (layout, &w, &c->title_height);

  shk_chart_set_source (cr, &c->palette.foreground);
  shk_chart_show_layout (cr, layout, c->pad, c->pad);
  c->title_height += c->u * 0.5;
}

/* The legend: a box of each grade's colour, then its name. */
static void
build_legend (cairo_t *cr,
              Chart   *c)
{
  double right = c->width - c->pad, box = c->u * 0.8;

  for (guint i = 0; i < G_N_ELEMENTS (grade_order); i++)
    {
      g_autofree char *text = grade_legend_text (grade_order[i]);
      ShkChartLegendItem *item = &c->legend[i];

      item->layout = shk_chart_create_layout (cr, text, c->u * 0.85, FALSE);
      pango_layout_set_width (item->layout,
                              (int) (MAX (right - c->pad - box * 1.5, c->u) * PANGO_SCALE));
      pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
      item->text_offset = box * 1.5;
    }
  c->legend_height = shk_chart_legend_flow (c->legend, G_N_ELEMENTS (grade_order),
                                            c->pad, c->legend_y, right, c->u);
}

static void
draw_legend_key (cairo_t                  *cr,
                 const ShkChartLegendItem *item,
                 guint                     index,
                 gpointer                  user_data)
{
  const Chart *c = user_data;
  double box = c->u * 0.8;

  shk_chart_set_source (cr, &c->palette.grade[grade_order[index]]);
  cairo_rectangle (cr, item->x, item->y + (item->text_height - box) / 2, box, box);
  cairo_fill_preserve (cr);
  shk_chart_set_source (cr, &c->palette.muted);
  cairo_set_line_width (cr, MAX (1.0, c->u * 0.04));
  cairo_stroke (cr);
}

static char *
format_percent (double        value,
                gconstpointer user_data)
{
  return g_strdup_printf ("%d%%", (int) value);
}

static void
draw_axis (cairo_t     *cr,
           const Chart *c)
{
  const ShkChartAxis axis = {
    .side = SHK_CHART_AXIS_BELOW,
    .plot_x = c->plot_x, .plot_y = c->plot_y,
    .plot_width = c->plot_width, .plot_height = c->plot_height,
    .max = 100, .step = 20,
    .label_size = c->u * 0.8,
    .label_gap = c->u * 0.3,
    .line_width = MAX (1.0, c->u * 0.05),
    /* The end labels stay inside the chart. */
    .min_x = c->pad, .max_x = c->width - c->pad,
    .format = format_percent,
  };

  shk_chart_draw_axis (cr, &c->palette, &axis);
}

/* The text of a segment, the longest that fits: "35 (64.8%)", "35", or
 * nothing. */
static PangoLayout *
segment_layout (const Chart            *c,
                cairo_t                *cr,
                const ShkSummaryColumn *column,
                ShkGrade                grade,
                double                  room)
{
  guint count = column->count[grade];
  g_autofree char *share = share_text (column, grade);
  g_autofree char *full = g_strdup_printf ("%u (%s)", count, share);
  g_autofree char *count_only = g_strdup_printf ("%u", count);
  const char *texts[] = { full, count_only };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      PangoLayout *layout = shk_chart_create_layout (cr, texts[i], c->text_size, TRUE);
      double w, h;

      shk_chart_layout_size (layout, &w, &h);
      if (w <= room && h <= c->bar_height)
        return layout;
      g_object_unref (layout);
    }
  return NULL;
}

static void
draw_segments (cairo_t                *cr,
               const Chart            *c,
               const ShkSummaryColumn *column,
               double                  top)
{
  double x = c->plot_x;

  for (guint g = 0; g < G_N_ELEMENTS (grade_order); g++)
    {
      ShkGrade grade = grade_order[g];
      guint count = column->count[grade];
      double share = shk_summary_column_share (column, grade);
      double w = c->plot_width * share;
      g_autoptr(PangoLayout) layout = NULL;

      if (count == 0)
        continue;

      shk_chart_set_source (cr, &c->palette.grade[grade]);
      cairo_rectangle (cr, x, top, w, c->bar_height);
      cairo_fill (cr);

      /* A hairline of background between neighbours. */
      if (x > c->plot_x)
        {
          shk_chart_set_source (cr, &c->palette.background);
          cairo_rectangle (cr, x - MAX (0.5, c->u * 0.03), top, MAX (1.0, c->u * 0.06), c->bar_height);
          cairo_fill (cr);
        }

      layout = segment_layout (c, cr, column, grade, w - c->u * 0.4);
      if (layout != NULL)
        {
          double tw, th;

          shk_chart_layout_size (layout, &tw, &th);
          shk_chart_set_source (cr, shk_chart_text_colour_on (&c->palette.grade[grade]));
          shk_chart_show_layout (cr, layout, x + (w - tw) / 2, top + (c->bar_height - th) / 2);
        }
      x += w;
    }
}

static void
draw_row (cairo_t                *cr,
          const Chart            *c,
          const ShkSummaryColumn *column,
          guint                   index)
{
  double row_top = c->plot_y + c->row_height * index;
  double top = row_top + (c->row_height - c->bar_height) / 2;
  g_autoptr(PangoLayout) label = row_label_layout (c, cr, column, c->text_size);
  g_autofree char *total = total_text (column);
  g_autoptr(PangoLayout) total_layout = shk_chart_create_layout (cr, total, c->text_size * 0.9, FALSE);
  double w, h;

  pango_layout_set_width (label, (int) (c->label_width * PANGO_SCALE));
  shk_chart_layout_size (label, &w, &h);
  shk_chart_set_source (cr, &c->palette.foreground);
  shk_chart_show_layout (cr, label, c->pad + c->label_width - w, row_top + (c->row_height - h) / 2);

  if (column->counted == 0)
    {
      g_autoptr(PangoLayout) none =
        shk_chart_create_layout (cr, _("Not evaluated"), c->text_size, FALSE);

      shk_chart_set_source (cr, &c->palette.grid);
      cairo_set_line_width (cr, MAX (1.0, c->u * 0.05));
      cairo_rectangle (cr, c->plot_x + 0.5, top + 0.5, c->plot_width - 1, c->bar_height - 1);
      cairo_stroke (cr);
      pango_layout_set_width (none, (int) (c->plot_width * PANGO_SCALE));
      pango_layout_set_ellipsize (none, PANGO_ELLIPSIZE_END);
      shk_chart_layout_size (none, &w, &h);
      shk_chart_set_source (cr, &c->palette.muted);
      shk_chart_show_layout (cr, none, c->plot_x + (c->plot_width - w) / 2, top + (c->bar_height - h) / 2);
      return;
    }

  draw_segments (cr, c, column, top);

  pango_layout_set_width (total_layout, (int) (MAX (c->total_width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (total_layout, PANGO_ELLIPSIZE_END);
  shk_chart_layout_size (total_layout, &w, &h);
  shk_chart_set_source (cr, &c->palette.muted);
  shk_chart_show_layout (cr, total_layout, c->plot_x + c->plot_width + c->u * 0.6,
               row_top + (c->row_height - h) / 2);
}

void
shk_summary_chart_draw (cairo_t               *cr,
                        double                 width,
                        double                 height,
                        const ShkSummaryChart *chart)
{
  Chart c = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);

  c.chart = chart;
  c.summary = chart->summary;
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

  if (c.summary == NULL || c.summary->n_columns == 0)
    {
      shk_chart_draw_message (cr, &c.palette, c.width, c.height, c.u, c.pad,
                              _("No evaluations to summarise"));
      cairo_restore (cr);
      return;
    }

  draw_title (cr, &c);
  c.legend_y = c.pad + c.title_height;
  build_legend (cr, &c);
  compute_geometry (&c, cr);
  shk_chart_legend_draw (cr, &c.palette, c.legend, G_N_ELEMENTS (grade_order),
                         draw_legend_key, &c);
  for (guint i = 0; i < G_N_ELEMENTS (grade_order); i++)
    g_clear_object (&c.legend[i].layout);

  draw_axis (cr, &c);
  for (guint i = 0; i < c.summary->n_columns; i++)
    draw_row (cr, &c, &c.summary->columns[i], i);

  cairo_restore (cr);
}

char *
shk_summary_chart_describe (const ShkSummaryChart *chart)
{
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->summary == NULL || chart->summary->n_columns == 0)
    return g_strdup (_("Grade summary: no evaluations to summarise."));

  text = g_string_new (NULL);
  for (guint i = 0; i < chart->summary->n_columns; i++)
    {
      const ShkSummaryColumn *column = &chart->summary->columns[i];
      const char *id = column->evaluation != NULL ? shk_evaluation_get_id (column->evaluation) : "";
      const char *label = column->evaluation != NULL ? shk_evaluation_get_label (column->evaluation) : NULL;
      g_autofree char *name = label != NULL && label[0] != '\0'
        ? g_strdup_printf ("%s %s", id, label) : g_strdup (id);

      if (i > 0)
        g_string_append_c (text, ' ');
      if (column->counted == 0)
        {
          g_string_append_printf (text, _("%s: no measures evaluated."), name);
          continue;
        }

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u measure counted",
                                           "%s: %u measures counted",
                                           column->counted),
                              name, column->counted);
      for (guint g = 0; g < G_N_ELEMENTS (grade_order); g++)
        {
          ShkGrade grade = grade_order[g];
          g_autofree char *share = share_text (column, grade);

          /* TRANSLATORS: separates the grades in a sentence such as
           * “R2/R3: 54 measures counted; ◎ Fully achieved 35 (64.8%), …” */
          g_string_append (text, g == 0 ? _("; ") : _(", "));
          /* TRANSLATORS: a grade, its count and its share, “◎ Fully achieved 35 (64.8%)” */
          g_string_append_printf (text, _("%s %s %u (%s)"),
                                  shk_grade_to_symbol (grade), shk_grade_get_label (grade),
                                  column->count[grade], share);
        }
      /* TRANSLATORS: ends the sentence about one evaluation */
      g_string_append (text, _("."));
    }

  return g_string_free (text, FALSE);
}
