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
  SHK_CHART_STYLE_HIGH_CONTRAST, /* when the desktop asks for high contrast */
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

/* How a kept layout is fitted: its pango_layout_set_width(), _height(),
 * _wrap(), _ellipsize() and _alignment(), in Pango's units and values. */
typedef struct
{
  int                width;       /* Pango units; -1: its natural width */
  int                height;      /* as pango_layout_set_height (); -1: the default */
  PangoWrapMode      wrap;
  PangoEllipsizeMode ellipsize;
  PangoAlignment     alignment;
} ShkChartTextFit;

#define SHK_CHART_TEXT_FIT_NATURAL \
  { -1, -1, PANGO_WRAP_WORD, PANGO_ELLIPSIZE_NONE, PANGO_ALIGN_LEFT }

/* Like shk_chart_create_layout (), fitted as @fit says (NULL: one line at
 * its natural width), but kept for the next drawings (shk-chart-text.c):
 * the same text is shaped once, not on every frame. A new reference to a
 * shared layout: measure it and show it, never change it. */
PangoLayout  *shk_chart_text_layout      (cairo_t         *cr,
                                          const char      *text,
                                          double           size_px,
                                          gboolean         bold,
                                          const ShkChartTextFit *fit);

/* Round tick step (1, 2, 2.5 or 5 × 10^n) giving at most @max_ticks
 * intervals up to @max. */
double        shk_chart_nice_step        (double           max,
                                          guint            max_ticks);

/* The toolkit the chart renderers share, so that each chart file holds
 * only its own geometry. */

/* Text: a layout's size in whole pixels (as Pango reports it), and a
 * layout drawn with its top-left corner at (x, y). */
void          shk_chart_layout_size      (PangoLayout     *layout,
                                          double          *width,
                                          double          *height);
void          shk_chart_show_layout      (cairo_t         *cr,
                                          PangoLayout     *layout,
                                          double           x,
                                          double           y);
/* One line of text at (x, y), the anchor at @x_align and @y_align of its
 * size: 0 left or top, 0.5 centre, 1 right or bottom. */
void          shk_chart_show_text        (cairo_t         *cr,
                                          const char      *text,
                                          double           size_px,
                                          gboolean         bold,
                                          double           x,
                                          double           y,
                                          double           x_align,
                                          double           y_align);
/* A chart's title in bold, @width wide, wrapped onto at most @max_lines
 * lines (0: one line, not wrapped) and ellipsized. NULL when @text is
 * NULL or empty. A kept layout (see shk_chart_text_layout ()): not to be
 * changed. */
PangoLayout  *shk_chart_title_layout     (cairo_t         *cr,
                                          const char      *text,
                                          double           size_px,
                                          double           width,
                                          int              max_lines);
/* A chart with nothing to show: @text centred in the muted colour, at the
 * unit's size, on one line within the padding. */
void          shk_chart_draw_message     (cairo_t         *cr,
                                          const ShkChartPalette *palette,
                                          double           width,
                                          double           height,
                                          double           unit,
                                          double           pad,
                                          const char      *text);

/* Colour: the perceived lightness of a colour (0–1), and black or white,
 * whichever reads on a fill of that colour. */
double        shk_chart_luma             (const ShkRgba   *rgba);
/* WCAG 2.1: relative luminance (0–1), and the contrast ratio of two
 * colours (1–21; 3 is the least for parts of a chart, 4.5 for text). */
double        shk_chart_relative_luminance (const ShkRgba *rgba);
double        shk_chart_contrast_ratio   (const ShkRgba   *a,
                                          const ShkRgba   *b);
const ShkRgba *shk_chart_text_colour_on  (const ShkRgba   *fill);

/* Axes: a value axis from 0 to @max in steps of @step, with a grid line
 * across the plot and a number label at each tick. */
typedef enum
{
  SHK_CHART_AXIS_BELOW,   /* values along x: vertical grid, labels under the plot */
  SHK_CHART_AXIS_LEFT,    /* values up y: horizontal grid, labels left of the plot */
} ShkChartAxisSide;

typedef char *(*ShkChartFormatFunc) (double        value,
                                     gconstpointer user_data);

typedef struct
{
  ShkChartAxisSide   side;
  double             plot_x, plot_y, plot_width, plot_height;
  double             max, step;
  double             label_size;    /* pixels */
  double             label_gap;     /* between the plot's edge and the labels */
  double             line_width;    /* of the grid */
  /* BELOW: the end labels stay between these, inside the chart. */
  double             min_x, max_x;
  /* LEFT: labels centred on the grid line as drawn (pixel-aligned), or on
   * the exact position of their value. */
  gboolean           labels_on_grid;
  ShkChartFormatFunc format;
  gconstpointer      format_data;
} ShkChartAxis;

/* A round step for at most @max_ticks intervals, and the axis's end: the
 * first multiple of the step at or above @data_max. */
void          shk_chart_axis_fit         (double           data_max,
                                          guint            max_ticks,
                                          double          *axis_max,
                                          double          *step);
/* Where @value lies: an x for BELOW, a y for LEFT. */
double        shk_chart_axis_position    (const ShkChartAxis *axis,
                                          double           value);
/* The widest of the axis's labels. */
double        shk_chart_axis_label_width (cairo_t         *cr,
                                          const ShkChartAxis *axis);
/* Draws the grid and the labels; returns the tallest label's height. */
double        shk_chart_draw_axis        (cairo_t         *cr,
                                          const ShkChartPalette *palette,
                                          const ShkChartAxis *axis);

/* Legends: items of a key and a text, flowed left to right and wrapped
 * onto new rows, the same spacing in every chart. */
typedef struct
{
  PangoLayout *layout;        /* the text; the caller owns it */
  double       text_offset;   /* from the item's left edge to its text */
  double       x, y;          /* set by shk_chart_legend_flow () */
  double       text_width, text_height;
} ShkChartLegendItem;

/* Places @items from (@left, @top), wrapping before @right; @unit sets the
 * gaps. Returns the legend's height (0 without items). */
double        shk_chart_legend_flow      (ShkChartLegendItem *items,
                                          guint            n_items,
                                          double           left,
                                          double           top,
                                          double           right,
                                          double           unit);

typedef void (*ShkChartKeyFunc) (cairo_t                  *cr,
                                 const ShkChartLegendItem *item,
                                 guint                     index,
                                 gpointer                  user_data);

/* Each item's key (drawn by @draw_key), then its text. */
void          shk_chart_legend_draw      (cairo_t         *cr,
                                          const ShkChartPalette *palette,
                                          const ShkChartLegendItem *items,
                                          guint            n_items,
                                          ShkChartKeyFunc  draw_key,
                                          gpointer         user_data);

/* Label placement: labels go where nothing drawn before them is, inside
 * the bounds (the plot), or not at all. */
typedef struct
{
  double x, y, width, height;
} ShkChartBox;

typedef struct
{
  ShkChartBox  bounds;
  GArray      *taken;         /* of ShkChartBox */
} ShkChartPlacer;

void          shk_chart_placer_init      (ShkChartPlacer  *placer,
                                          const ShkChartBox *bounds);
void          shk_chart_placer_clear     (ShkChartPlacer  *placer);
gboolean      shk_chart_placer_is_free   (const ShkChartPlacer *placer,
                                          const ShkChartBox *box);
void          shk_chart_placer_take      (ShkChartPlacer  *placer,
                                          const ShkChartBox *box);
/* Tries the boxes whose top-left corners are @anchors (x, y pairs), each
 * the text's size plus @pad around it; draws the text in the first free
 * one on a backdrop of the background, so that a line passing behind it
 * does not make it illegible, and takes that box. FALSE when none was
 * free. */
gboolean      shk_chart_placer_show      (ShkChartPlacer  *placer,
                                          cairo_t         *cr,
                                          const ShkChartPalette *palette,
                                          PangoLayout     *layout,
                                          const double    *anchors,
                                          guint            n_anchors,
                                          double           pad,
                                          const ShkRgba   *colour);

typedef void (*ShkChartDrawFunc) (cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  gpointer  user_data);

/* What an exported file says about itself, so that a chart dropped into a
 * slide, a document or a web page keeps its meaning: SVG gets <title> and
 * <desc>, PDF its Title and Subject, PNG its resolution (pHYs). */
typedef struct
{
  const char *title;        /* may be NULL */
  const char *description;  /* the chart's describe () sentence; may be NULL */
  /* PNG pixels per inch; 0: 96 × the scale, so that a 2× export prints
   * at the same size as a 1× one, only sharper. */
  double      dpi;
} ShkChartExportInfo;

/* Writes a chart to @path; the format follows the extension (.png, .svg,
 * .pdf). @scale multiplies the pixel size of PNG output only. */
gboolean      shk_chart_export           (const char       *path,
                                          double            width,
                                          double            height,
                                          double            scale,
                                          ShkChartDrawFunc  draw,
                                          gpointer          user_data,
                                          GError          **error);
/* The same, with what the file says about itself; @info may be NULL. */
gboolean      shk_chart_export_with_info (const char       *path,
                                          double            width,
                                          double            height,
                                          double            scale,
                                          const ShkChartExportInfo *info,
                                          ShkChartDrawFunc  draw,
                                          gpointer          user_data,
                                          GError          **error);
/* A chart as the bytes of a PNG file (with its pHYs), for the slide deck
 * and anything else that embeds a picture. */
GBytes       *shk_chart_render_png       (double            width,
                                          double            height,
                                          double            scale,
                                          const ShkChartExportInfo *info,
                                          ShkChartDrawFunc  draw,
                                          gpointer          user_data,
                                          GError          **error);

G_END_DECLS
