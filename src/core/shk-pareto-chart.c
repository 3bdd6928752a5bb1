/* shk-pareto-chart.c — the survey's processes as a Pareto chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-pareto-chart.h"

/* Geometry depends only on the output size and the style, never on text
 * measurements, so hit testing can recompute it without a cairo_t. */
typedef struct
{
  ShkChartPalette palette;
  double font;                        /* base text size in pixels */
  double plot_x, plot_y, plot_width, plot_height;
  guint  n_listed;
  guint  n_bars;                      /* listed + remainder bar */
  double slot;                        /* width of one bar's slot */
  gboolean names;                     /* room for rotated names */
  double name_size;                   /* their text size in pixels */
  double label_area;                  /* below the plot, for names */
  double name_length;                 /* the longest a name runs, diagonally */
  double width;
} Geometry;

/* Below this many pixels Japanese names stop being readable: then the
 * bars get rank numbers and the names move to tooltips and tables. */
#define MIN_NAME_PX 11.0
/* A name shortened to fewer characters (and "…") tells nothing. */
#define MIN_NAME_CHARS 4.0
/* Below the names, in units of the base text size. */
#define BOTTOM_MARGIN 0.6

static void
compute_geometry (const ShkParetoChart *chart,
                  double                width,
                  double                height,
                  Geometry             *g)
{
  double top;

  shk_chart_palette_init (&g->palette, chart->style);
  g->font = shk_chart_unit (width, height, &g->palette);

  g->n_listed = chart->ranking->n_processes;
  g->n_bars = g->n_listed + (chart->ranking->remainder_hours > 0 ? 1 : 0);

  top = g->font * 1.0;
  if (chart->title != NULL && *chart->title != '\0')
    top += g->font * 2.0;
  top += g->font * 2.2;               /* legend row */

  g->plot_x = g->font * 6.0;
  g->plot_width = MAX (width - g->plot_x - g->font * 4.5, 1.0);
  g->slot = g->plot_width / MAX (g->n_bars, 1);
  g->width = width;

  /* Names run at 45°: neighbours are slot × sin 45° apart, which must hold
   * a line of text (about 1.25 × its size). They may be a little larger
   * than the body text's 0.8 when that is below the legible minimum. */
  g->name_size = MIN (MAX (g->font * 0.8, MIN_NAME_PX), g->slot * G_SQRT2 / 2 / 1.25);
  g->names = g->name_size >= MIN_NAME_PX;

  g->plot_y = top + g->font * 0.8;
  if (g->names)
    {
      /* The plot keeps two thirds of the whole height at least: on a
       * 1280 × 720 slide the 36 names of the survey would otherwise take
       * a third of it. Rotated names get what is left below (a fifth of
       * the height at most) and are shortened to it; their full text is
       * in the description, the alt text and the slide's notes. Names
       * that would keep fewer than MIN_NAME_CHARS characters say nothing:
       * then the bars get rank numbers, in a row of their own. */
      double room = height / 3.0 - g->plot_y - g->font * BOTTOM_MARGIN;

      g->label_area = MIN (MIN (height * 0.2, g->font * 7.0), room);
      g->name_length = MIN (g->label_area * G_SQRT2 - g->font, g->font * 14.0);
      g->names = g->name_length >= g->name_size * MIN_NAME_CHARS;
    }
  if (!g->names)
    {
      g->label_area = g->font * 2.0;
      g->name_length = 0;
    }
  g->plot_height = MAX (height - g->plot_y - g->label_area - g->font * BOTTOM_MARGIN, 1.0);
}

void
shk_pareto_chart_get_layout (const ShkParetoChart *chart,
                             double                width,
                             double                height,
                             ShkParetoLayout      *layout)
{
  Geometry g;

  g_return_if_fail (chart != NULL && chart->ranking != NULL);
  g_return_if_fail (layout != NULL);

  compute_geometry (chart, width, height, &g);
  layout->plot_x = g.plot_x;
  layout->plot_y = g.plot_y;
  layout->plot_width = g.plot_width;
  layout->plot_height = g.plot_height;
  layout->label_y = g.plot_y + g.plot_height;
  layout->label_height = g.label_area;
  layout->names = g.names;
  layout->name_size = g.names ? g.name_size : 0;
  layout->name_length = g.name_length;
}

void
shk_pareto_chart_get_plot (const ShkParetoChart *chart,
                           double                width,
                           double                height,
                           double               *x,
                           double               *y,
                           double               *plot_width,
                           double               *plot_height)
{
  Geometry g;

  g_return_if_fail (chart != NULL && chart->ranking != NULL);

  compute_geometry (chart, width, height, &g);
  *x = g.plot_x;
  *y = g.plot_y;
  *plot_width = g.plot_width;
  *plot_height = g.plot_height;
}

void
shk_pareto_chart_priority_color (ShkChartStyle  style,
                                 ShkPriority    priority,
                                 ShkRgba       *rgba)
{
  /* Distinct in hue and, for greyscale print, in lightness: the classes
   * worth acting on are the darkest. */
  static const ShkRgba light[SHK_N_PRIORITIES] = {
    [SHK_PRIORITY_UNSET]             = { 0.57, 0.38, 0.73, 1 },
    [SHK_PRIORITY_HIGH]              = { 0.75, 0.11, 0.16, 1 },
    [SHK_PRIORITY_MEDIUM]            = { 0.85, 0.40, 0.00, 1 },
    [SHK_PRIORITY_LOW]               = { 0.21, 0.52, 0.89, 1 },
    [SHK_PRIORITY_EXCLUDED]          = { 0.54, 0.54, 0.54, 1 },
    [SHK_PRIORITY_ALREADY_EFFICIENT] = { 0.25, 0.55, 0.20, 1 },
  };
  static const ShkRgba dark[SHK_N_PRIORITIES] = {
    [SHK_PRIORITY_UNSET]             = { 0.75, 0.60, 0.90, 1 },
    [SHK_PRIORITY_HIGH]              = { 0.96, 0.38, 0.40, 1 },
    [SHK_PRIORITY_MEDIUM]            = { 1.00, 0.64, 0.28, 1 },
    [SHK_PRIORITY_LOW]               = { 0.47, 0.68, 1.00, 1 },
    [SHK_PRIORITY_EXCLUDED]          = { 0.55, 0.55, 0.55, 1 },
    [SHK_PRIORITY_ALREADY_EFFICIENT] = { 0.56, 0.85, 0.48, 1 },
  };

  if ((guint) priority >= SHK_N_PRIORITIES)
    priority = SHK_PRIORITY_UNSET;
  *rgba = style == SHK_CHART_STYLE_DARK ? dark[priority] : light[priority];
}

static double
bar_left (const Geometry *g,
          guint           index)
{
  return g->plot_x + g->slot * index + g->slot * 0.12;
}

guint
shk_pareto_chart_bar_at (const ShkParetoChart *chart,
                         double                width,
                         double                height,
                         double                x,
                         double                y)
{
  Geometry g;
  guint index;

  g_return_val_if_fail (chart != NULL && chart->ranking != NULL, 0);

  compute_geometry (chart, width, height, &g);
  if (g.n_bars == 0 || x < g.plot_x || x >= g.plot_x + g.plot_width ||
      y < g.plot_y || y > g.plot_y + g.plot_height)
    return 0;

  index = (guint) ((x - g.plot_x) / g.slot);
  return MIN (index, g.n_bars - 1) + 1;
}

static double
hours_axis_max (const ShkRanking *ranking,
                double           *step)
{
  double max = ranking->remainder_hours;

  for (guint i = 0; i < ranking->n_processes; i++)
    max = MAX (max, ranking->processes[i].hours);
  if (max <= 0)
    max = 1;

  *step = shk_chart_nice_step (max, 5);
  return ceil (max / *step) * *step;
}

static char *
format_hours (double        value,
              gconstpointer user_data)
{
  return shk_format_number (value);
}

static void
draw_axes (cairo_t              *cr,
           const ShkParetoChart *chart,
           const Geometry       *g,
           double                axis_max,
           double                step)
{
  const double bottom = g->plot_y + g->plot_height;
  const double right = g->plot_x + g->plot_width;
  double small = g->font * 0.85;
  /* Hours on the left, with the grid. */
  const ShkChartAxis hours = {
    .side = SHK_CHART_AXIS_LEFT,
    .plot_x = g->plot_x, .plot_y = g->plot_y,
    .plot_width = g->plot_width, .plot_height = g->plot_height,
    .max = axis_max, .step = step,
    .label_size = small,
    .label_gap = g->font * 0.4,
    .line_width = MAX (1.0, g->font * 0.06),
    .labels_on_grid = FALSE,
    .format = format_hours,
  };

  shk_chart_draw_axis (cr, &g->palette, &hours);

  /* Cumulative share on the right. */
  for (guint p = 0; p <= 100; p += 20)
    {
      double y = bottom - p / 100.0 * g->plot_height;
      g_autofree char *label = g_strdup_printf ("%u%%", p);

      shk_chart_set_source (cr, &g->palette.muted);
      shk_chart_show_text (cr, label, small, FALSE, right + g->font * 0.4, y, 0, 0.5);
    }

  shk_chart_set_source (cr, &g->palette.muted);
  cairo_save (cr);
  cairo_translate (cr, g->font * 0.6, g->plot_y + g->plot_height / 2);
  cairo_rotate (cr, -G_PI / 2);
  shk_chart_show_text (cr, _("Hours per year"), small, FALSE, 0, 0, 0.5, 0);
  cairo_restore (cr);

  shk_chart_set_source (cr, &g->palette.foreground);
  cairo_move_to (cr, g->plot_x, bottom + 0.5);
  cairo_line_to (cr, right, bottom + 0.5);
  cairo_stroke (cr);
}

static void
draw_bar_label (cairo_t        *cr,
                const Geometry *g,
                guint           index,
                const char     *name,
                guint           rank)
{
  const double bottom = g->plot_y + g->plot_height;
  double cx = g->plot_x + g->slot * (index + 0.5);
  double size = g->names ? g->name_size : g->font * 0.8;
  gboolean remainder = index >= g->n_listed;

  shk_chart_set_source (cr, &g->palette.foreground);

  if (!g->names)
    {
      /* No room for names: rank numbers, thinned out to fit, and stopping
       * short of the remainder bar, whose short label is right-aligned. */
      guint every = MAX ((guint) ceil (g->font * 1.6 / g->slot), 1);

      if (remainder)
        shk_chart_show_text (cr, _("Others"), size, FALSE,
                   g->plot_x + g->plot_width, bottom + g->font * 0.3, 1, 0);
      else if (rank == 1 || (rank % every == 0 && rank + 2 * every <= g->n_bars))
        {
          g_autofree char *number = g_strdup_printf ("%u", rank);

          shk_chart_show_text (cr, number, size, FALSE, cx, bottom + g->font * 0.3, 0.5, 0);
        }
      return;
    }

  {
    /* The longest name that fits the label area along the diagonal, and
     * that does not run out of the chart at the left. */
    double max_len = MIN (g->name_length, (cx - g->font * 0.3) * G_SQRT2);
    ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;
    g_autoptr(PangoLayout) layout = NULL;
    double w, h;

    fit.width = (int) (max_len * PANGO_SCALE);
    fit.ellipsize = PANGO_ELLIPSIZE_END;
    layout = shk_chart_text_layout (cr, name, size, FALSE, &fit);
    shk_chart_layout_size (layout, &w, &h);

    cairo_save (cr);
    cairo_translate (cr, cx + h * 0.3, bottom + g->font * 0.35);
    cairo_rotate (cr, -G_PI / 4);
    shk_chart_show_layout (cr, layout, -w, -h / 2.0);
    cairo_restore (cr);
  }
}

/* The processes the survey did not list are not a priority class: the bar
 * is hatched, so it is told apart from the grey of "Excluded" in colour
 * and in greyscale print alike. */
static void
draw_remainder_bar (cairo_t        *cr,
                    const Geometry *g,
                    double          x,
                    double          y,
                    double          width,
                    double          height)
{
  double step = MAX (4.0, g->font * 0.45);
  ShkRgba fill = g->palette.muted;

  fill.a = 0.18;
  shk_chart_set_source (cr, &fill);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill_preserve (cr);

  cairo_save (cr);
  cairo_clip_preserve (cr);
  shk_chart_set_source (cr, &g->palette.muted);
  cairo_set_line_width (cr, MAX (1.0, g->font * 0.08));
  cairo_stroke_preserve (cr);
  cairo_new_path (cr);
  for (double d = -width; d < height; d += step)
    {
      cairo_move_to (cr, x, y + d + width);
      cairo_line_to (cr, x + width, y + d);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static double
bar_height (const ShkParetoChart *chart,
            const Geometry       *g,
            guint                 index,
            double                axis_max)
{
  const ShkRanking *ranking = chart->ranking;
  double hours = index >= ranking->n_processes ? ranking->remainder_hours
                                                : ranking->processes[index].hours;

  return hours / axis_max * g->plot_height;
}

/* The listed bars in [@from, @to), one fill for each colour and each
 * parity of the index: hundreds of fills cost cairo a rasterisation each
 * (issue #17). Neighbours never share a path, so no pixel sums the
 * coverage of two bars in one fill; it is blended once for each, as when
 * every bar had its own fill. */
static void
fill_listed_bars (cairo_t              *cr,
                  const ShkParetoChart *chart,
                  const Geometry       *g,
                  double                axis_max,
                  guint                 from,
                  guint                 to)
{
  const ShkRanking *ranking = chart->ranking;
  const double bottom = g->plot_y + g->plot_height;
  double bar_width = g->slot * 0.76;

  to = MIN (to, ranking->n_processes);
  for (guint p = 0; p < SHK_N_PRIORITIES; p++)
    for (guint parity = 0; parity < 2; parity++)
      {
        gboolean any = FALSE;
        ShkRgba colour;

        for (guint i = from + ((from & 1) != parity); i < to; i += 2)
          {
            double h;

            if (shk_process_get_priority (ranking->processes[i].process) != p)
              continue;
            h = bar_height (chart, g, i, axis_max);
            cairo_rectangle (cr, bar_left (g, i), bottom - h, bar_width, h);
            any = TRUE;
          }
        if (!any)
          continue;
        shk_pareto_chart_priority_color (chart->style, p, &colour);
        shk_chart_set_source (cr, &colour);
        cairo_fill (cr);
      }
}

static void
draw_bars (cairo_t              *cr,
           const ShkParetoChart *chart,
           const Geometry       *g,
           double                axis_max)
{
  const ShkRanking *ranking = chart->ranking;
  const double bottom = g->plot_y + g->plot_height;
  double bar_width = g->slot * 0.76;
  guint highlight = chart->highlight_rank > 0 ? (guint) chart->highlight_rank : G_MAXUINT;

  /* The highlight's outline goes over its neighbours, and the bars after
   * it over the outline, as when each was drawn in turn. */
  fill_listed_bars (cr, chart, g, axis_max, 0, MIN (highlight, g->n_bars));
  if (highlight <= g->n_bars)
    {
      guint i = highlight - 1;
      double h = bar_height (chart, g, i, axis_max);
      double x = bar_left (g, i);

      if (i >= ranking->n_processes)
        draw_remainder_bar (cr, g, x, bottom - h, bar_width, h);
      shk_chart_set_source (cr, &g->palette.highlight);
      cairo_set_line_width (cr, MAX (2.0, g->font * 0.18));
      cairo_rectangle (cr, x - g->font * 0.1, bottom - h - g->font * 0.1,
                       bar_width + g->font * 0.2, h + g->font * 0.1);
      cairo_stroke (cr);
    }
  fill_listed_bars (cr, chart, g, axis_max, MIN (highlight, g->n_bars), g->n_bars);
  if (g->n_bars > ranking->n_processes && highlight != g->n_bars)
    {
      double h = bar_height (chart, g, ranking->n_processes, axis_max);

      draw_remainder_bar (cr, g, bar_left (g, ranking->n_processes), bottom - h, bar_width, h);
    }

  for (guint i = 0; i < g->n_bars; i++)
    {
      g_autofree char *remainder_name = NULL;

      if (i >= ranking->n_processes)
        remainder_name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Others (%u process)",
                                                       "Others (%u processes)",
                                                       ranking->remainder_processes),
                                          ranking->remainder_processes);
      draw_bar_label (cr, g, i,
                      remainder_name != NULL ? remainder_name
                                             : shk_process_get_name (ranking->processes[i].process),
                      i + 1);
    }
}

static double
share_y (const Geometry *g,
         double          share)
{
  return g->plot_y + g->plot_height * (1.0 - CLAMP (share, 0.0, 1.0));
}

gboolean
shk_pareto_chart_markers_shown (double slot,
                                double font)
{
  return slot * 0.76 >= 2 * MAX (2.0, font * 0.22);
}

static void
draw_cumulative_line (cairo_t              *cr,
                      const ShkParetoChart *chart,
                      const Geometry       *g)
{
  const ShkRanking *ranking = chart->ranking;
  double radius = MAX (2.0, g->font * 0.22);

  if (g->n_bars == 0)
    return;

  shk_chart_set_source (cr, &g->palette.foreground);
  cairo_set_line_width (cr, MAX (1.5, g->font * 0.13 * g->palette.line_scale));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < g->n_bars; i++)
    {
      double share = i < ranking->n_processes
        ? ranking->processes[i].cumulative_share : 1.0;
      double x = g->plot_x + g->slot * (i + 0.5);

      if (i == 0)
        cairo_move_to (cr, x, share_y (g, share));
      else
        cairo_line_to (cr, x, share_y (g, share));
    }
  cairo_stroke (cr);

  /* A marker wider than its bar would only blot the line: with hundreds
   * of bars the line alone shows the curve. */
  if (!shk_pareto_chart_markers_shown (g->slot, g->font))
    return;

  /* All markers as sub-paths of one path with one fill: hundreds of
   * separate fills cost cairo a rasterisation each (issue #17). */
  cairo_new_path (cr);
  for (guint i = 0; i < g->n_bars; i++)
    {
      double share = i < ranking->n_processes
        ? ranking->processes[i].cumulative_share : 1.0;
      double x = g->plot_x + g->slot * (i + 0.5);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, share_y (g, share), radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
draw_threshold (cairo_t              *cr,
                const ShkParetoChart *chart,
                const Geometry       *g)
{
  const double dashes[] = { g->font * 0.5, g->font * 0.3 };
  double y = share_y (g, chart->threshold);
  g_autofree char *label = NULL;

  if (chart->threshold <= 0 || chart->threshold > 1)
    return;

  shk_chart_set_source (cr, &g->palette.highlight);
  cairo_set_line_width (cr, MAX (1.0, g->font * 0.09));
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, g->plot_x, y);
  cairo_line_to (cr, g->plot_x + g->plot_width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Labelled at the right, next to the share axis it belongs to, so it
   * does not read as a level of hours. */
  /* TRANSLATORS: the Pareto threshold line's label, e.g. "80% line" */
  label = g_strdup_printf (_("%.0f%% line"), chart->threshold * 100);
  shk_chart_show_text (cr, label, g->font * 0.75, TRUE,
             g->plot_x + g->plot_width - g->font * 0.3, y + g->font * 0.15, 1, 0);
}

static void
draw_listed_note (cairo_t              *cr,
                  const ShkParetoChart *chart,
                  const Geometry       *g)
{
  const ShkRanking *ranking = chart->ranking;
  const double dashes[] = { g->font * 0.25, g->font * 0.25 };
  g_autofree char *note = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double x, y, pad = g->font * 0.35, w, h;

  if (ranking->n_processes == 0 || g->n_bars == ranking->n_processes)
    return;

  /* The divider between what the survey listed and the rest. */
  x = g->plot_x + g->slot * ranking->n_processes;
  shk_chart_set_source (cr, &g->palette.muted);
  cairo_set_line_width (cr, MAX (1.0, g->font * 0.07));
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, round (x) + 0.5, g->plot_y);
  cairo_line_to (cr, round (x) + 0.5, g->plot_y + g->plot_height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Top %u process: %.0f%% of all hours",
                                       "Top %u processes: %.0f%% of all hours",
                                       ranking->n_processes),
                          ranking->n_processes, ranking->listed_share * 100);
  layout = shk_chart_text_layout (cr, note, g->font * 0.85, TRUE, NULL);
  shk_chart_layout_size (layout, &w, &h);

  /* Below the cumulative line, which runs near the top on this side, and
   * above the short bars of the lower ranks. */
  y = g->plot_y + g->plot_height * 0.42;
  x = MAX (g->plot_x + pad, x - w - pad * 3);

  shk_chart_set_source (cr, &g->palette.background);
  cairo_rectangle (cr, x - pad, y - pad, w + 2 * pad, h + 2 * pad);
  cairo_fill (cr);
  shk_chart_set_source (cr, &g->palette.foreground);
  shk_chart_show_layout (cr, layout, x, y);
}

typedef enum
{
  KEY_BOX,
  KEY_HATCH,
  KEY_LINE,
} KeyKind;

typedef struct
{
  KeyKind      kind;
  ShkRgba      colour;
  const char  *text;
} LegendKey;

static guint
collect_legend_keys (const ShkParetoChart *chart,
                     LegendKey            *keys)
{
  static const ShkPriority order[] = {
    SHK_PRIORITY_HIGH, SHK_PRIORITY_MEDIUM, SHK_PRIORITY_LOW,
    SHK_PRIORITY_EXCLUDED, SHK_PRIORITY_ALREADY_EFFICIENT, SHK_PRIORITY_UNSET,
  };
  guint n = 0;

  for (guint p = 0; p < G_N_ELEMENTS (order); p++)
    {
      gboolean present = FALSE;

      for (guint i = 0; i < chart->ranking->n_processes && !present; i++)
        present = shk_process_get_priority (chart->ranking->processes[i].process) == order[p];
      if (!present)
        continue;

      keys[n].kind = KEY_BOX;
      keys[n].text = shk_priority_get_label (order[p]);
      shk_pareto_chart_priority_color (chart->style, order[p], &keys[n].colour);
      n++;
    }

  if (chart->ranking->remainder_hours > 0)
    keys[n++] = (LegendKey) { KEY_HATCH, { 0 }, _("Not listed") };
  keys[n++] = (LegendKey) { KEY_LINE, { 0 }, _("Cumulative share") };
  return n;
}

static void
draw_legend_key (cairo_t         *cr,
                 const Geometry  *g,
                 const LegendKey *key,
                 double           x,
                 double           y,
                 double           box,
                 double           line_height)
{
  double mid = y + line_height / 2.0;

  switch (key->kind)
    {
    case KEY_BOX:
      shk_chart_set_source (cr, &key->colour);
      cairo_rectangle (cr, x, mid - box / 2, box, box);
      cairo_fill (cr);
      break;
    case KEY_HATCH:
      draw_remainder_bar (cr, g, x, mid - box / 2, box, box);
      break;
    case KEY_LINE:
    default:
      shk_chart_set_source (cr, &g->palette.foreground);
      cairo_set_line_width (cr, MAX (1.5, g->font * 0.13));
      cairo_move_to (cr, x - box * 0.2, mid);
      cairo_line_to (cr, x + box * 1.2, mid);
      cairo_stroke (cr);
      cairo_arc (cr, x + box * 0.5, mid, MAX (2.0, g->font * 0.18), 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
}

/* One row of keys across the chart. When they do not fit, the text
 * shrinks (down to the legible minimum) rather than keys being dropped:
 * a colour nobody can look up is worse than smaller letters. */
static void
draw_legend (cairo_t              *cr,
             const ShkParetoChart *chart,
             const Geometry       *g,
             double                y)
{
  LegendKey keys[SHK_N_PRIORITIES + 2];
  PangoLayout *layouts[SHK_N_PRIORITIES + 2];
  guint n = collect_legend_keys (chart, keys);
  double size = g->font * 0.85, left = g->font * 0.8;
  double available = g->width - 2 * left, total = 0, x = left;
  double box, gap;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      box = size * 0.95;
      gap = size * 1.3;
      total = 0;
      for (guint i = 0; i < n; i++)
        {
          double w, h;

          layouts[i] = shk_chart_text_layout (cr, keys[i].text, size, FALSE, NULL);
          shk_chart_layout_size (layouts[i], &w, &h);
          total += box * 1.5 + w + (i + 1 < n ? gap : 0);
        }
      if (total <= available || attempt == 1)
        break;

      for (guint i = 0; i < n; i++)
        g_object_unref (layouts[i]);
      size = MAX (size * available / total * 0.96, MIN (size, 8.0));
    }

  for (guint i = 0; i < n; i++)
    {
      double w, h;

      shk_chart_layout_size (layouts[i], &w, &h);
      if (x + box * 1.5 + w <= g->width - left * 0.5)
        {
          draw_legend_key (cr, g, &keys[i], x, y, box, h);
          shk_chart_set_source (cr, &g->palette.foreground);
          shk_chart_show_layout (cr, layouts[i], x + box * 1.5, y);
        }
      x += box * 1.5 + w + gap;
      g_object_unref (layouts[i]);
    }
}

void
shk_pareto_chart_draw (cairo_t              *cr,
                       double                width,
                       double                height,
                       const ShkParetoChart *chart)
{
  Geometry g;
  double axis_max, step, y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL && chart->ranking != NULL);

  compute_geometry (chart, width, height, &g);

  cairo_save (cr);
  shk_chart_set_source (cr, &g.palette.background);
  cairo_paint (cr);

  y = g.font * 0.8;
  if (chart->title != NULL && *chart->title != '\0')
    {
      shk_chart_set_source (cr, &g.palette.foreground);
      shk_chart_show_text (cr, chart->title, g.font * 1.35, TRUE, g.font * 0.8, y, 0, 0);
      y += g.font * 2.0;
    }
  draw_legend (cr, chart, &g, y);

  if (g.n_bars == 0)
    {
      shk_chart_set_source (cr, &g.palette.muted);
      shk_chart_show_text (cr, _("No work processes listed"), g.font,
                 FALSE, width / 2, height / 2, 0.5, 0.5);
      cairo_restore (cr);
      return;
    }

  axis_max = hours_axis_max (chart->ranking, &step);
  draw_axes (cr, chart, &g, axis_max, step);
  draw_bars (cr, chart, &g, axis_max);
  draw_listed_note (cr, chart, &g);
  draw_threshold (cr, chart, &g);
  draw_cumulative_line (cr, chart, &g);

  cairo_restore (cr);
}

char *
shk_pareto_chart_describe (const ShkParetoChart *chart)
{
  const ShkRanking *ranking;
  GString *text;
  guint to_threshold;

  g_return_val_if_fail (chart != NULL && chart->ranking != NULL, NULL);

  ranking = chart->ranking;
  text = g_string_new (NULL);

  if (ranking->n_processes == 0)
    return g_strdup (_("Pareto chart: no work processes listed."));

  {
    g_autofree char *listed = shk_format_number (ranking->listed_hours);
    g_autofree char *total = shk_format_number (ranking->total_hours);

    g_string_append_printf (text,
                            _("Pareto chart of %u work processes by annual hours: "
                              "%s of %s hours (%.1f%%)."),
                            ranking->n_processes, listed, total,
                            ranking->listed_share * 100);
  }

  {
    const ShkRankedProcess *top = &ranking->processes[0];
    g_autofree char *hours = shk_format_number (top->hours);

    g_string_append_c (text, ' ');
    g_string_append_printf (text, _("The largest is %s with %s hours (%.1f%%)."),
                            shk_process_get_name (top->process), hours,
                            top->share * 100);
  }

  to_threshold = shk_ranking_count_to_share (ranking, chart->threshold);
  if (chart->threshold > 0 && to_threshold > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The top %u process reaches %.0f%% of all hours.",
                                           "The top %u processes reach %.0f%% of all hours.",
                                           to_threshold),
                              to_threshold, chart->threshold * 100);
    }

  return g_string_free (text, FALSE);
}
