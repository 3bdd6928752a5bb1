/* shk-schedule-chart.c — the next plan's drafting schedule by month
 *
 * The month headers carry the month and, where the calendar year changes
 * (and at the start), the year as the handout writes it (R3, R4), so the
 * 「(R4)２月」 of the printed schedule reads the same here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-schedule-chart.h"

/* 令和 began in 2019: R1 is 2019. */
#define REIWA_OFFSET 2018

typedef struct
{
  const ShkScheduleChart *chart;
  ShkChartPalette palette;
  double u, pad, width, height;
  double title_height;
  double label_width;
  double header_height;
  double plot_x, plot_y, plot_width, plot_height;
  double row_height, column_width, text_size;
  ShkMonth first, last;
} Chart;

gboolean
shk_schedule_chart_get_span (const ShkNextPlan *next_plan,
                             ShkMonth          *first,
                             ShkMonth          *last)
{
  ShkMonth from, to;

  g_return_val_if_fail (next_plan != NULL, FALSE);

  if (!next_plan->has_months)
    return FALSE;
  /* Back to April, forward to March: whole fiscal years. */
  from = next_plan->first_month;
  while (shk_month_number (from) != 4)
    from--;
  to = next_plan->last_month;
  while (shk_month_number (to) != 3)
    to++;
  *first = from;
  *last = to;
  return TRUE;
}

static char *
year_text (ShkMonth month)
{
  guint year = shk_month_year (month);

  if (year > REIWA_OFFSET)
    return g_strdup_printf ("R%u", year - REIWA_OFFSET);
  return g_strdup_printf ("%u", year);
}

static char *
month_text (ShkMonth month)
{
  /* TRANSLATORS: a month's column in the schedule chart: its number,
   * e.g. “5” (in Japanese “5月”) */
  return g_strdup_printf (C_("schedule month", "%u"), shk_month_number (month));
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
  c->title_height += c->u * 0.6;
}

static char *
item_label (const ShkScheduleItem *item)
{
  return g_strdup_printf ("%s%s", item->number != NULL ? item->number : "",
                          item->name != NULL ? item->name : "");
}

static void
compute_geometry (Chart   *c,
                  cairo_t *cr)
{
  const GPtrArray *items = c->chart->next_plan->schedule;
  guint n_months = (guint) (c->last - c->first + 1);
  g_autoptr(PangoLayout) header = shk_chart_create_layout (cr, "R4\n12月", c->u * 0.8, FALSE);
  double w, h;

  shk_chart_layout_size (header, &w, &h);
  c->header_height = h + c->u * 0.4;
  c->plot_y = c->pad + c->title_height + c->header_height;
  c->plot_height = MAX (c->height - c->plot_y - c->pad - c->u * 2.2, c->u);
  c->row_height = MIN (c->plot_height / MAX (items->len, 1), c->u * 4);
  c->plot_height = c->row_height * MAX (items->len, 1);
  c->text_size = MIN (c->u * 0.9, c->row_height * 0.45);

  c->label_width = 0;
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = item_label (g_ptr_array_index (items, i));
      g_autoptr(PangoLayout) layout = shk_chart_create_layout (cr, text, c->text_size, FALSE);

      shk_chart_layout_size (layout, &w, &h);
      c->label_width = MAX (c->label_width, MIN (w, c->width * 0.35));
    }
  c->plot_x = c->pad + c->label_width + c->u * 0.8;
  c->plot_width = MAX (c->width - c->plot_x - c->pad, c->u);
  c->column_width = c->plot_width / n_months;
}

static double
month_x (const Chart *c,
         ShkMonth     month)
{
  return c->plot_x + c->column_width * (month - c->first);
}

static void
draw_grid (cairo_t     *cr,
           const Chart *c)
{
  double line = MAX (1.0, c->u * 0.05);

  cairo_set_line_width (cr, line);
  for (ShkMonth m = c->first; m <= c->last; m++)
    {
      g_autofree char *month = month_text (m);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double w, h, x = month_x (c, m);

      if (m == c->first || shk_month_number (m) == 1)
        {
          g_autofree char *year = year_text (m);

          text = g_strdup_printf ("%s\n%s", year, month);
        }
      else
        text = g_strdup_printf ("\n%s", month);
      layout = shk_chart_create_layout (cr, text, MIN (c->u * 0.8, c->column_width * 0.4), FALSE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      shk_chart_layout_size (layout, &w, &h);
      shk_chart_set_source (cr, &c->palette.muted);
      shk_chart_show_layout (cr, layout, x + (c->column_width - w) / 2, c->plot_y - c->u * 0.2 - h);

      /* A stronger line where a calendar year starts. */
      shk_chart_set_source (cr, shk_month_number (m) == 1 ? &c->palette.muted : &c->palette.grid);
      cairo_move_to (cr, x, c->plot_y);
      cairo_line_to (cr, x, c->plot_y + c->plot_height);
      cairo_stroke (cr);
    }
  shk_chart_set_source (cr, &c->palette.grid);
  cairo_move_to (cr, c->plot_x + c->plot_width, c->plot_y);
  cairo_line_to (cr, c->plot_x + c->plot_width, c->plot_y + c->plot_height);
  cairo_stroke (cr);
  for (guint i = 0; i <= c->chart->next_plan->schedule->len; i++)
    {
      double y = c->plot_y + c->row_height * i;

      cairo_move_to (cr, c->pad, y);
      cairo_line_to (cr, c->plot_x + c->plot_width, y);
      cairo_stroke (cr);
    }
}

/* The meeting the handout is for: a column band behind the rows. */
static void
draw_current_meeting (cairo_t     *cr,
                      const Chart *c)
{
  const ShkNextPlan *next_plan = c->chart->next_plan;
  ShkRgba band = c->palette.highlight;

  if (!next_plan->has_meeting_month || next_plan->meeting_month < c->first ||
      next_plan->meeting_month > c->last)
    return;
  band.a = 0.18;
  shk_chart_set_source (cr, &band);
  cairo_rectangle (cr, month_x (c, next_plan->meeting_month), c->plot_y,
                   c->column_width, c->plot_height);
  cairo_fill (cr);
}

static void
draw_item (cairo_t     *cr,
           const Chart *c,
           guint        index)
{
  const ShkScheduleItem *item = g_ptr_array_index (c->chart->next_plan->schedule, index);
  const ShkRgba *colour = &c->palette.series[index % G_N_ELEMENTS (c->palette.series)];
  double top = c->plot_y + c->row_height * index;
  double cy = top + c->row_height / 2;
  double r = MIN (c->column_width, c->row_height) * 0.28;
  g_autofree char *label = item_label (item);
  g_autoptr(PangoLayout) layout = shk_chart_create_layout (cr, label, c->text_size, FALSE);
  double w, h;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (MAX (c->label_width, 1) * PANGO_SCALE));
  shk_chart_layout_size (layout, &w, &h);
  shk_chart_set_source (cr, &c->palette.foreground);
  shk_chart_show_layout (cr, layout, c->pad, cy - h / 2);

  if (item->months->len == 0)
    return;
  shk_chart_set_source (cr, colour);
  if (item->kind == SHK_SCHEDULE_PERIOD)
    {
      ShkMonth from = g_array_index (item->months, ShkMonth, 0);
      ShkMonth to = g_array_index (item->months, ShkMonth, item->months->len - 1);
      double x = month_x (c, from) + c->column_width * 0.12;
      double x2 = month_x (c, to + 1) - c->column_width * 0.12;

      cairo_rectangle (cr, x, cy - r * 0.7, MAX (x2 - x, 1), r * 1.4);
      cairo_fill (cr);
      return;
    }
  for (guint i = 0; i < item->months->len; i++)
    {
      ShkMonth month = g_array_index (item->months, ShkMonth, i);
      double cx = month_x (c, month) + c->column_width / 2;

      if (month < c->first || month > c->last)
        continue;
      if (item->kind == SHK_SCHEDULE_MILESTONE)
        {
          cairo_new_path (cr);
          cairo_move_to (cr, cx, cy - r * 1.2);
          cairo_line_to (cr, cx + r * 1.2, cy);
          cairo_line_to (cr, cx, cy + r * 1.2);
          cairo_line_to (cr, cx - r * 1.2, cy);
          cairo_close_path (cr);
        }
      else
        {
          /* The label's layout left a current point: no line from it. */
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }
}

/* What the marks mean, below the rows. */
static void
draw_key (cairo_t                  *cr,
          const ShkChartLegendItem *item,
          guint                     index,
          gpointer                  user_data)
{
  const Chart *c = user_data;
  double h = item->text_height, cx = item->x + h * 0.5, cy = item->y + h * 0.5, r = h * 0.35;
  ShkRgba band = c->palette.highlight;

  switch (index)
    {
    case 0:
      shk_chart_set_source (cr, &c->palette.series[0]);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    case 1:
      shk_chart_set_source (cr, &c->palette.series[2]);
      cairo_rectangle (cr, item->x, cy - r * 0.7, h * 1.2, r * 1.4);
      break;
    case 2:
      shk_chart_set_source (cr, &c->palette.series[3]);
      cairo_move_to (cr, cx, cy - r * 1.2);
      cairo_line_to (cr, cx + r * 1.2, cy);
      cairo_line_to (cr, cx, cy + r * 1.2);
      cairo_line_to (cr, cx - r * 1.2, cy);
      cairo_close_path (cr);
      break;
    default:
      band.a = 0.35;
      shk_chart_set_source (cr, &band);
      cairo_rectangle (cr, item->x, item->y, h * 1.2, h);
      break;
    }
  cairo_fill (cr);
}

static void
draw_legend (cairo_t     *cr,
             const Chart *c)
{
  const char *texts[] = { _("Meeting"), _("Period"), _("Plan completed"), _("This meeting") };
  ShkChartLegendItem items[G_N_ELEMENTS (texts)] = { 0 };
  guint n = c->chart->next_plan->has_meeting_month ? G_N_ELEMENTS (texts) : G_N_ELEMENTS (texts) - 1;

  for (guint i = 0; i < n; i++)
    {
      items[i].layout = shk_chart_create_layout (cr, texts[i], c->u * 0.8, FALSE);
      items[i].text_offset = c->u * 1.6;
    }
  shk_chart_legend_flow (items, n, c->pad, c->plot_y + c->plot_height + c->u * 0.6,
                         c->width - c->pad, c->u);
  shk_chart_legend_draw (cr, &c->palette, items, n, draw_key, (gpointer) c);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i].layout);
}

void
shk_schedule_chart_draw (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const ShkScheduleChart *chart)
{
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

  if (chart->next_plan == NULL || chart->next_plan->schedule->len == 0 ||
      !shk_schedule_chart_get_span (chart->next_plan, &c.first, &c.last))
    {
      shk_chart_draw_message (cr, &c.palette, c.width, c.height, c.u, c.pad,
                              _("No schedule in this document"));
      cairo_restore (cr);
      return;
    }

  draw_title (cr, &c);
  compute_geometry (&c, cr);
  draw_current_meeting (cr, &c);
  draw_grid (cr, &c);
  for (guint i = 0; i < chart->next_plan->schedule->len; i++)
    draw_item (cr, &c, i);
  draw_legend (cr, &c);
  cairo_restore (cr);
}

char *
shk_schedule_chart_describe (const ShkScheduleChart *chart)
{
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->next_plan == NULL || chart->next_plan->schedule->len == 0)
    return g_strdup (_("Schedule: none in this document."));

  text = g_string_new (_("Schedule by month:"));
  for (guint i = 0; i < chart->next_plan->schedule->len; i++)
    {
      const ShkScheduleItem *item = g_ptr_array_index (chart->next_plan->schedule, i);
      g_autofree char *label = item_label (item);

      g_string_append_printf (text, " %s %s;", label, item->timing != NULL ? item->timing : "");
    }
  return g_string_free (text, FALSE);
}
