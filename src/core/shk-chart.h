/* shk-chart.h — what every chart renderer shares: styles, text, axes, export
 *
 * Charts draw onto any cairo_t at any size with no display, so the window,
 * the command-line tool, the tests and the exporters draw the same pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  SHK_CHART_STYLE_LIGHT = 0,
  SHK_CHART_STYLE_DARK,
  SHK_CHART_STYLE_PRESENTATION,  /* large text, high contrast */
} ShkChartStyle;

gboolean     shk_chart_style_from_string (const char    *text,
                                          ShkChartStyle *style);

typedef struct { double r, g, b, a; } ShkRgba;

typedef struct
{
  ShkChartStyle style;
  ShkRgba  background;
  ShkRgba  foreground;        /* titles, labels */
  ShkRgba  muted;             /* axis labels, secondary text */
  ShkRgba  grid;
  ShkRgba  series[6];         /* distinct also in greyscale */
  ShkRgba  grade[5];          /* indexed by ShkGrade */
  ShkRgba  highlight;         /* markers, selection */
  double   font_scale;        /* 1.0, or larger for presentation */
  double   line_scale;
} ShkChartPalette;

void          shk_chart_palette_init     (ShkChartPalette *palette,
                                          ShkChartStyle    style);
void          shk_chart_set_source       (cairo_t         *cr,
                                          const ShkRgba   *rgba);

/* A base unit that scales text and strokes with the output size, so the
 * same chart is legible from 640×360 to 3840×2160. */
double        shk_chart_unit             (double           width,
                                          double           height,
                                          const ShkChartPalette *palette);

/* A PangoLayout for Japanese text (language ja, a CJK-capable sans-serif)
 * at @size_px pixels. */
PangoLayout  *shk_chart_create_layout    (cairo_t         *cr,
                                          const char      *text,
                                          double           size_px,
                                          gboolean         bold);

/* Round tick step (1, 2, 2.5 or 5 × 10^n) giving at most @max_ticks
 * intervals up to @max. */
double        shk_chart_nice_step        (double           max,
                                          guint            max_ticks);

typedef void (*ShkChartDrawFunc) (cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  gpointer  user_data);

/* Writes a chart to @path; the format follows the extension (.png, .svg,
 * .pdf). @scale multiplies the pixel size of PNG output only. */
gboolean      shk_chart_export           (const char       *path,
                                          double            width,
                                          double            height,
                                          double            scale,
                                          ShkChartDrawFunc  draw,
                                          gpointer          user_data,
                                          GError          **error);

G_END_DECLS
