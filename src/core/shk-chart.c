/* shk-chart.c — what every chart renderer shares: styles, text, axes,
 * legends, label placement, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "shk-chart.h"
#include "shk-safe-save.h"
#include "shk-types.h"

/* The unit is roughly the body text size in pixels. Below the minimum,
 * text stops being legible at all; above the maximum, a wall-sized output
 * gains nothing from bigger letters. */
#define UNIT_MIN 12.5
#define UNIT_MAX 140.0

/* Cairo image surfaces are limited to 32767 pixels a side. */
#define MAX_IMAGE_SIDE 32767.0
/* The CSS pixel: what a 1× export's pixel stands for. */
#define BASE_DPI 96.0
#define METRES_PER_INCH 0.0254

gboolean
shk_chart_style_from_string (const char    *text,
                             ShkChartStyle *style)
{
  static const struct { const char *key; ShkChartStyle style; } styles[] = {
    { "light", SHK_CHART_STYLE_LIGHT },
    { "dark", SHK_CHART_STYLE_DARK },
    { "presentation", SHK_CHART_STYLE_PRESENTATION },
    { "high-contrast", SHK_CHART_STYLE_HIGH_CONTRAST },
  };

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_ascii_strcasecmp (text, styles[i].key) == 0)
      {
        if (style != NULL)
          *style = styles[i].style;
        return TRUE;
      }
  return FALSE;
}

/* Every colour of every palette reaches 3:1 against its background (WCAG
 * 2.1, 1.4.11 non-text contrast), and the grades reach 3:1 against their
 * neighbours in a stacked bar (◎ beside ○, ○ beside △, △ beside －), so a
 * bar reads without telling hues apart: the grades alternate strong and
 * soft against the background. tests/test-chart-palette.c computes every
 * ratio with shk_chart_contrast_ratio(). Series step through lightness as
 * well as hue, so that a chart printed in greyscale still tells them
 * apart. The grades mean the same in the tables (style.css is made from
 * these colours): ◎ blue, ○ light blue, △ red, － grey. */
static const ShkRgba light_series[6] = {
  { 0.05, 0.20, 0.52, 1 },   /* navy */
  { 0.80, 0.40, 0.00, 1 },   /* orange */
  { 0.20, 0.55, 0.25, 1 },   /* green */
  { 0.75, 0.10, 0.15, 1 },   /* red */
  { 0.60, 0.45, 0.80, 1 },   /* lavender */
  { 0.00, 0.16, 0.20, 1 },   /* dark teal */
};

/* On a dark background the order of lightness is reversed: the first
 * series is the brightest. */
static const ShkRgba dark_series[6] = {
  { 0.72, 0.88, 1.00, 1 },   /* sky blue */
  { 0.88, 0.40, 0.02, 1 },   /* orange */
  { 0.48, 0.82, 0.42, 1 },   /* green */
  { 0.95, 0.45, 0.50, 1 },   /* coral */
  { 0.82, 0.72, 1.00, 1 },   /* lavender */
  { 0.35, 0.42, 0.72, 1 },   /* slate */
};

/* Fewer, stronger colours and darker lines for projectors. */
static const ShkRgba presentation_series[6] = {
  { 0.00, 0.20, 0.60, 1 },
  { 0.80, 0.40, 0.00, 1 },
  { 0.10, 0.55, 0.15, 1 },
  { 0.80, 0.05, 0.10, 1 },
  { 0.65, 0.47, 0.90, 1 },
  { 0.00, 0.16, 0.20, 1 },
};

/* When the desktop asks for high contrast: 4.5:1 against white for every
 * colour, as for text. */
static const ShkRgba high_contrast_series[6] = {
  { 0.00, 0.20, 0.55, 1 },
  { 0.65, 0.30, 0.00, 1 },
  { 0.00, 0.40, 0.00, 1 },
  { 0.70, 0.00, 0.05, 1 },
  { 0.40, 0.20, 0.60, 1 },
  { 0.00, 0.40, 0.45, 1 },
};

static const ShkRgba light_grades[SHK_N_GRADES] = {
  [SHK_GRADE_NONE]     = { 0.57, 0.57, 0.57, 1 },
  [SHK_GRADE_ACHIEVED] = { 0.00, 0.10, 0.36, 1 },   /* ◎ deep blue */
  [SHK_GRADE_MOSTLY]   = { 0.10, 0.55, 1.00, 1 },   /* ○ light blue */
  [SHK_GRADE_LAGGING]  = { 0.52, 0.04, 0.10, 1 },   /* △ deep red */
  [SHK_GRADE_PENDING]  = { 0.57, 0.57, 0.57, 1 },   /* － grey */
};

static const ShkRgba dark_grades[SHK_N_GRADES] = {
  [SHK_GRADE_NONE]     = { 0.51, 0.51, 0.51, 1 },
  [SHK_GRADE_ACHIEVED] = { 0.60, 0.82, 1.00, 1 },
  [SHK_GRADE_MOSTLY]   = { 0.15, 0.43, 0.78, 1 },
  [SHK_GRADE_LAGGING]  = { 1.00, 0.90, 0.55, 1 },
  [SHK_GRADE_PENDING]  = { 0.51, 0.51, 0.51, 1 },
};

static const ShkRgba high_contrast_grades[SHK_N_GRADES] = {
  [SHK_GRADE_NONE]     = { 0.46, 0.46, 0.46, 1 },
  [SHK_GRADE_ACHIEVED] = { 0.00, 0.10, 0.40, 1 },
  [SHK_GRADE_MOSTLY]   = { 0.25, 0.46, 0.75, 1 },
  [SHK_GRADE_LAGGING]  = { 0.38, 0.00, 0.00, 1 },
  [SHK_GRADE_PENDING]  = { 0.46, 0.46, 0.46, 1 },
};

void
shk_chart_palette_init (ShkChartPalette *palette,
                        ShkChartStyle    style)
{
  g_return_if_fail (palette != NULL);

  memset (palette, 0, sizeof *palette);
  palette->style = style;
  palette->font_scale = 1.0;
  palette->line_scale = 1.0;

  switch (style)
    {
    case SHK_CHART_STYLE_DARK:
      palette->background = (ShkRgba) { 0.14, 0.14, 0.16, 1 };
      palette->foreground = (ShkRgba) { 0.95, 0.95, 0.96, 1 };
      palette->muted = (ShkRgba) { 0.72, 0.72, 0.76, 1 };
      palette->grid = (ShkRgba) { 0.30, 0.30, 0.34, 1 };
      palette->highlight = (ShkRgba) { 1.00, 0.80, 0.20, 1 };
      memcpy (palette->series, dark_series, sizeof dark_series);
      memcpy (palette->grade, dark_grades, sizeof dark_grades);
      break;

    case SHK_CHART_STYLE_PRESENTATION:
      palette->background = (ShkRgba) { 1, 1, 1, 1 };
      palette->foreground = (ShkRgba) { 0, 0, 0, 1 };
      palette->muted = (ShkRgba) { 0.20, 0.20, 0.20, 1 };
      palette->grid = (ShkRgba) { 0.75, 0.75, 0.75, 1 };
      palette->highlight = (ShkRgba) { 0.75, 0.00, 0.45, 1 };
      memcpy (palette->series, presentation_series, sizeof presentation_series);
      memcpy (palette->grade, light_grades, sizeof light_grades);
      palette->font_scale = 1.25;
      palette->line_scale = 1.6;
      break;

    case SHK_CHART_STYLE_HIGH_CONTRAST:
      palette->background = (ShkRgba) { 1, 1, 1, 1 };
      palette->foreground = (ShkRgba) { 0, 0, 0, 1 };
      palette->muted = (ShkRgba) { 0.10, 0.10, 0.10, 1 };
      palette->grid = (ShkRgba) { 0.45, 0.45, 0.45, 1 };
      palette->highlight = (ShkRgba) { 0.60, 0.00, 0.35, 1 };
      memcpy (palette->series, high_contrast_series, sizeof high_contrast_series);
      memcpy (palette->grade, high_contrast_grades, sizeof high_contrast_grades);
      palette->line_scale = 1.4;
      break;

    case SHK_CHART_STYLE_LIGHT:
    default:
      palette->style = SHK_CHART_STYLE_LIGHT;
      palette->background = (ShkRgba) { 1, 1, 1, 1 };
      palette->foreground = (ShkRgba) { 0.12, 0.12, 0.14, 1 };
      palette->muted = (ShkRgba) { 0.38, 0.38, 0.42, 1 };
      palette->grid = (ShkRgba) { 0.87, 0.87, 0.89, 1 };
      palette->highlight = (ShkRgba) { 0.80, 0.10, 0.45, 1 };
      memcpy (palette->series, light_series, sizeof light_series);
      memcpy (palette->grade, light_grades, sizeof light_grades);
      break;
    }
}

void
shk_chart_set_source (cairo_t       *cr,
                      const ShkRgba *rgba)
{
  g_return_if_fail (cr != NULL && rgba != NULL);

  cairo_set_source_rgba (cr, rgba->r, rgba->g, rgba->b, rgba->a);
}

double
shk_chart_unit (double                 width,
                double                 height,
                const ShkChartPalette *palette)
{
  double unit;

  if (!isfinite (width) || !isfinite (height))
    return UNIT_MIN;

  /* 60 units across and 34 down: a 16:9 chart has room for a title, a
   * legend, an axis and about eight labelled columns at any resolution. */
  unit = MIN (width / 60.0, height / 34.0);
  unit *= palette != NULL && palette->font_scale > 0 ? palette->font_scale : 1.0;
  return CLAMP (unit, UNIT_MIN, UNIT_MAX);
}

double
shk_chart_nice_step (double max,
                     guint  max_ticks)
{
  static const double mantissas[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double magnitude;

  if (!isfinite (max) || max <= 0)
    return 1.0;
  max_ticks = MAX (max_ticks, 1);

  magnitude = pow (10.0, floor (log10 (max / max_ticks)));
  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      double step = mantissas[i] * magnitude;

      /* A hair of tolerance: 10 ÷ 5 must give 2, not 2.5, despite
       * rounding in log10 and pow. */
      if (ceil (max / step - 1e-9) <= max_ticks)
        return step;
    }
  return 10.0 * magnitude;
}

/* Text */

void
shk_chart_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

void
shk_chart_show_layout (cairo_t     *cr,
                       PangoLayout *layout,
                       double       x,
                       double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
shk_chart_show_text (cairo_t    *cr,
                     const char *text,
                     double      size_px,
                     gboolean    bold,
                     double      x,
                     double      y,
                     double      x_align,
                     double      y_align)
{
  g_autoptr(PangoLayout) layout = shk_chart_text_layout (cr, text, size_px, bold, NULL);
  double w, h;

  shk_chart_layout_size (layout, &w, &h);
  shk_chart_show_layout (cr, layout, x - w * x_align, y - h * y_align);
}

PangoLayout *
shk_chart_title_layout (cairo_t    *cr,
                        const char *text,
                        double      size_px,
                        double      width,
                        int         max_lines)
{
  ShkChartTextFit fit = SHK_CHART_TEXT_FIT_NATURAL;

  if (text == NULL || text[0] == '\0')
    return NULL;

  fit.width = (int) (width * PANGO_SCALE);
  if (max_lines > 0)
    {
      fit.wrap = PANGO_WRAP_WORD_CHAR;
      fit.height = -max_lines;
    }
  fit.ellipsize = PANGO_ELLIPSIZE_END;
  return shk_chart_text_layout (cr, text, size_px, TRUE, &fit);
}

void
shk_chart_draw_message (cairo_t               *cr,
                        const ShkChartPalette *palette,
                        double                 width,
                        double                 height,
                        double                 unit,
                        double                 pad,
                        const char            *text)
{
  g_autoptr(PangoLayout) layout = shk_chart_create_layout (cr, text, unit, FALSE);
  double w, h;

  pango_layout_set_width (layout, (int) (MAX (width - 2 * pad, unit) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  shk_chart_layout_size (layout, &w, &h);
  shk_chart_set_source (cr, &palette->muted);
  shk_chart_show_layout (cr, layout, (width - w) / 2, (height - h) / 2);
}

/* Colour */

double
shk_chart_luma (const ShkRgba *rgba)
{
  return 0.299 * rgba->r + 0.587 * rgba->g + 0.114 * rgba->b;
}

/* WCAG 2.1's relative luminance: sRGB channels made linear, weighted. */
static double
linear_channel (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
shk_chart_relative_luminance (const ShkRgba *rgba)
{
  g_return_val_if_fail (rgba != NULL, 0.0);

  return 0.2126 * linear_channel (rgba->r) + 0.7152 * linear_channel (rgba->g) +
         0.0722 * linear_channel (rgba->b);
}

double
shk_chart_contrast_ratio (const ShkRgba *a,
                          const ShkRgba *b)
{
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  la = shk_chart_relative_luminance (a);
  lb = shk_chart_relative_luminance (b);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Whichever of black and white contrasts more: the numbers on a bar stay
 * legible on every fill (at least 4.5:1 on any colour). */
const ShkRgba *
shk_chart_text_colour_on (const ShkRgba *fill)
{
  static const ShkRgba black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  return shk_chart_contrast_ratio (fill, &black) >= shk_chart_contrast_ratio (fill, &white)
    ? &black : &white;
}

/* Axes */

void
shk_chart_axis_fit (double  data_max,
                    guint   max_ticks,
                    double *axis_max,
                    double *step)
{
  *step = shk_chart_nice_step (data_max, max_ticks);
  /* A hair of tolerance: 100 in steps of 20 ends at 100, not 120. */
  *axis_max = ceil (data_max / *step - 1e-9) * *step;
}

double
shk_chart_axis_position (const ShkChartAxis *axis,
                         double              value)
{
  if (axis->side == SHK_CHART_AXIS_BELOW)
    return axis->plot_x + axis->plot_width * value / axis->max;
  return axis->plot_y + axis->plot_height * (1.0 - CLAMP (value / axis->max, 0.0, 1.0));
}

static PangoLayout *
axis_label (cairo_t            *cr,
            const ShkChartAxis *axis,
            double              value)
{
  g_autofree char *text = axis->format (value, axis->format_data);

  return shk_chart_text_layout (cr, text, axis->label_size, FALSE, NULL);
}

double
shk_chart_axis_label_width (cairo_t            *cr,
                            const ShkChartAxis *axis)
{
  double widest = 0;

  g_return_val_if_fail (axis->format != NULL && axis->step > 0, 0);

  for (double v = 0; v <= axis->max + axis->step * 0.01; v += axis->step)
    {
      g_autoptr(PangoLayout) layout = axis_label (cr, axis, v);
      double w, h;

      shk_chart_layout_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  return widest;
}

double
shk_chart_draw_axis (cairo_t               *cr,
                     const ShkChartPalette *palette,
                     const ShkChartAxis    *axis)
{
  const double bottom = axis->plot_y + axis->plot_height;
  const double right = axis->plot_x + axis->plot_width;
  double tallest = 0;

  g_return_val_if_fail (axis->format != NULL && axis->step > 0 && axis->max > 0, 0);

  cairo_set_line_width (cr, axis->line_width);
  /* The hundredth of a step: the last tick survives rounding in the sum. */
  for (double v = 0; v <= axis->max + axis->step * 0.01; v += axis->step)
    {
      double at = shk_chart_axis_position (axis, v);
      /* Crisp one-pixel lines: on a pixel's centre, not its edge. */
      double line = round (at) + 0.5;
      g_autoptr(PangoLayout) layout = axis_label (cr, axis, v);
      double w, h;

      shk_chart_set_source (cr, &palette->grid);
      if (axis->side == SHK_CHART_AXIS_BELOW)
        {
          cairo_move_to (cr, line, axis->plot_y);
          cairo_line_to (cr, line, bottom);
        }
      else
        {
          cairo_move_to (cr, axis->plot_x, line);
          cairo_line_to (cr, right, line);
        }
      cairo_stroke (cr);

      shk_chart_layout_size (layout, &w, &h);
      shk_chart_set_source (cr, &palette->muted);
      if (axis->side == SHK_CHART_AXIS_BELOW)
        shk_chart_show_layout (cr, layout, CLAMP (line - w / 2, axis->min_x, axis->max_x - w),
                               bottom + axis->label_gap);
      else
        shk_chart_show_layout (cr, layout, axis->plot_x - axis->label_gap - w,
                               (axis->labels_on_grid ? line : at) - h / 2);
      tallest = MAX (tallest, h);
    }
  return tallest;
}

/* Legends */

double
shk_chart_legend_flow (ShkChartLegendItem *items,
                       guint               n_items,
                       double              left,
                       double              top,
                       double              right,
                       double              unit)
{
  double x = left, y = top, row = 0;

  for (guint i = 0; i < n_items; i++)
    {
      ShkChartLegendItem *item = &items[i];
      double width;

      shk_chart_layout_size (item->layout, &item->text_width, &item->text_height);
      width = item->text_offset + item->text_width;
      if (x > left && x + width > right)
        {
          x = left;
          y += row + unit * 0.3;
          row = 0;
        }
      item->x = x;
      item->y = y;
      row = MAX (row, item->text_height);
      x += width + unit * 1.2;
    }
  return n_items > 0 ? y + row - top : 0;
}

void
shk_chart_legend_draw (cairo_t                  *cr,
                       const ShkChartPalette    *palette,
                       const ShkChartLegendItem *items,
                       guint                     n_items,
                       ShkChartKeyFunc           draw_key,
                       gpointer                  user_data)
{
  for (guint i = 0; i < n_items; i++)
    {
      draw_key (cr, &items[i], i, user_data);
      shk_chart_set_source (cr, &palette->foreground);
      shk_chart_show_layout (cr, items[i].layout, items[i].x + items[i].text_offset, items[i].y);
    }
}

/* Label placement */

void
shk_chart_placer_init (ShkChartPlacer    *placer,
                       const ShkChartBox *bounds)
{
  placer->bounds = *bounds;
  placer->taken = g_array_new (FALSE, FALSE, sizeof (ShkChartBox));
}

void
shk_chart_placer_clear (ShkChartPlacer *placer)
{
  g_clear_pointer (&placer->taken, g_array_unref);
}

static gboolean
boxes_overlap (const ShkChartBox *a,
               const ShkChartBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
shk_chart_placer_is_free (const ShkChartPlacer *placer,
                          const ShkChartBox    *box)
{
  const ShkChartBox *bounds = &placer->bounds;

  if (box->x < bounds->x || box->y < bounds->y ||
      box->x + box->width > bounds->x + bounds->width ||
      box->y + box->height > bounds->y + bounds->height)
    return FALSE;

  for (guint i = 0; i < placer->taken->len; i++)
    if (boxes_overlap (box, &g_array_index (placer->taken, ShkChartBox, i)))
      return FALSE;
  return TRUE;
}

void
shk_chart_placer_take (ShkChartPlacer    *placer,
                       const ShkChartBox *box)
{
  g_array_append_vals (placer->taken, box, 1);
}

gboolean
shk_chart_placer_show (ShkChartPlacer        *placer,
                       cairo_t               *cr,
                       const ShkChartPalette *palette,
                       PangoLayout           *layout,
                       const double          *anchors,
                       guint                  n_anchors,
                       double                 pad,
                       const ShkRgba         *colour)
{
  double w, h;

  shk_chart_layout_size (layout, &w, &h);
  for (guint i = 0; i < n_anchors; i++)
    {
      ShkChartBox box = { anchors[2 * i], anchors[2 * i + 1], w + 2 * pad, h + 2 * pad };
      ShkRgba backdrop = palette->background;

      if (!shk_chart_placer_is_free (placer, &box))
        continue;

      backdrop.a = 0.85;
      shk_chart_set_source (cr, &backdrop);
      cairo_rectangle (cr, box.x, box.y, box.width, box.height);
      cairo_fill (cr);
      shk_chart_set_source (cr, colour);
      shk_chart_show_layout (cr, layout, box.x + (box.width - w) / 2, box.y + (box.height - h) / 2);
      shk_chart_placer_take (placer, &box);
      return TRUE;
    }
  return FALSE;
}

/* Export */

typedef enum
{
  FORMAT_NONE,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} ExportFormat;

static ExportFormat
format_for_path (const char *path)
{
  static const struct { const char *suffix; ExportFormat format; } formats[] = {
    { ".png", FORMAT_PNG },
    { ".svg", FORMAT_SVG },
    { ".pdf", FORMAT_PDF },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix) && strlen (lower) > strlen (formats[i].suffix))
      return formats[i].format;
  return FORMAT_NONE;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
draw_on_surface (cairo_surface_t  *surface,
                 double            width,
                 double            height,
                 double            scale,
                 ShkChartDrawFunc  draw,
                 gpointer          user_data)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, scale, scale);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

/* GLib has no g_byte_array_insert (). */
static void
insert_bytes (GByteArray   *array,
              guint         at,
              const guint8 *data,
              guint         length)
{
  guint old_length = array->len;

  g_byte_array_set_size (array, old_length + length);
  memmove (array->data + at + length, array->data + at, old_length - at);
  memcpy (array->data + at, data, length);
}

static void
put_be32 (guint8  *out,
          guint32  value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

/* Cairo writes no pHYs chunk and has no API for one; libpng would need the
 * whole image converted from cairo's premultiplied ARGB. A PNG's first
 * chunk is always IHDR (8 + 13 + 4 bytes after the signature), and pHYs
 * may follow it directly, so the chunk is spliced in there. */
static void
add_png_resolution (GByteArray *png,
                    double      dpi)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const guint ihdr_end = 8 + 4 + 4 + 13 + 4;
  guint32 per_metre = (guint32) lround (dpi / METRES_PER_INCH);
  guint8 chunk[4 + 4 + 9 + 4];

  if (png->len < ihdr_end || memcmp (png->data, signature, sizeof signature) != 0 ||
      memcmp (png->data + 12, "IHDR", 4) != 0)
    return;

  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, per_metre);
  put_be32 (chunk + 12, per_metre);
  chunk[16] = 1;  /* the unit is the metre */
  put_be32 (chunk + 17, crc32 (crc32 (0L, Z_NULL, 0), chunk + 4, 4 + 9));
  insert_bytes (png, ihdr_end, chunk, sizeof chunk);
}

/* Cairo's SVG surface has no API for metadata either: <title> and <desc>
 * go first inside the root <svg> element, where SVG 1.1 wants them. */
static void
add_svg_metadata (GByteArray               *svg,
                  const ShkChartExportInfo *info)
{
  g_autoptr(GString) meta = g_string_new ("\n");
  const char *root;
  const char *end;

  if (info == NULL || (info->title == NULL && info->description == NULL))
    return;
  root = g_strstr_len ((const char *) svg->data, svg->len, "<svg");
  end = root != NULL ? memchr (root, '>', svg->len - (root - (const char *) svg->data)) : NULL;
  if (end == NULL)
    return;

  if (info->title != NULL)
    {
      g_autofree char *title = g_markup_escape_text (info->title, -1);

      g_string_append_printf (meta, "<title>%s</title>\n", title);
    }
  if (info->description != NULL)
    {
      g_autofree char *description = g_markup_escape_text (info->description, -1);

      g_string_append_printf (meta, "<desc>%s</desc>\n", description);
    }
  insert_bytes (svg, end + 1 - (const char *) svg->data, (const guint8 *) meta->str, meta->len);
}

static void
set_pdf_metadata (cairo_surface_t          *surface,
                  const ShkChartExportInfo *info)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Shinchoku");
  if (info == NULL)
    return;
  if (info->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title);
  if (info->description != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, info->description);
}

/* Renders into memory, so that a failed export never leaves a truncated
 * file behind, nor clobbers an existing one. */
static GBytes *
render (ExportFormat      format,
        double            width,
        double            height,
        double            scale,
        const ShkChartExportInfo *info,
        ShkChartDrawFunc  draw,
        gpointer          user_data,
        cairo_status_t   *status)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;

  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      *status = draw_on_surface (surface, width, height, scale, draw, user_data);
      if (*status == CAIRO_STATUS_SUCCESS)
        *status = cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);
      break;

    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, width, height);
      *status = draw_on_surface (surface, width, height, 1.0, draw, user_data);
      break;

    case FORMAT_PDF:
    case FORMAT_NONE:
    default:
      surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
      set_pdf_metadata (surface, info);
      *status = draw_on_surface (surface, width, height, 1.0, draw, user_data);
      break;
    }

  /* Vector surfaces write their last bytes when finished. */
  cairo_surface_finish (surface);
  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (*status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      return NULL;
    }
  if (format == FORMAT_PNG)
    add_png_resolution (bytes, info != NULL && info->dpi > 0 ? info->dpi : BASE_DPI * scale);
  else if (format == FORMAT_SVG)
    add_svg_metadata (bytes, info);
  return g_byte_array_free_to_bytes (bytes);
}

static gboolean
check_size (const char  *path,
            ExportFormat format,
            double       width,
            double       height,
            double       scale,
            GError     **error)
{
  double limit = format == FORMAT_PNG ? MAX_IMAGE_SIDE : 14400.0 * 4;

  if (!isfinite (width) || !isfinite (height) || !isfinite (scale) ||
      width < 1 || height < 1 || scale <= 0 ||
      width * (format == FORMAT_PNG ? scale : 1.0) > limit ||
      height * (format == FORMAT_PNG ? scale : 1.0) > limit)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* TRANSLATORS: “Cannot export “chart.png” at 0 × 720” */
                   _("Cannot export “%s” at %g × %g"),
                   path, width * scale, height * scale);
      return FALSE;
    }
  return TRUE;
}

gboolean
shk_chart_export (const char       *path,
                  double            width,
                  double            height,
                  double            scale,
                  ShkChartDrawFunc  draw,
                  gpointer          user_data,
                  GError          **error)
{
  return shk_chart_export_with_info (path, width, height, scale, NULL, draw, user_data, error);
}

GBytes *
shk_chart_render_png (double                    width,
                      double                    height,
                      double                    scale,
                      const ShkChartExportInfo *info,
                      ShkChartDrawFunc          draw,
                      gpointer                  user_data,
                      GError                  **error)
{
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  GBytes *bytes;

  g_return_val_if_fail (draw != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_size ("PNG", FORMAT_PNG, width, height, scale, error))
    return NULL;
  bytes = render (FORMAT_PNG, width, height, scale, info, draw, user_data, &status);
  if (bytes == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* TRANSLATORS: %s is cairo's (English) reason */
                 _("Could not draw the chart: %s"), cairo_status_to_string (status));
  return bytes;
}

gboolean
shk_chart_export_with_info (const char               *path,
                            double                    width,
                            double                    height,
                            double                    scale,
                            const ShkChartExportInfo *info,
                            ShkChartDrawFunc          draw,
                            gpointer                  user_data,
                            GError                  **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  ExportFormat format;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = format_for_path (path);
  if (format == FORMAT_NONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: the name must end in .png, .svg or .pdf"),
                   path);
      return FALSE;
    }
  if (!check_size (path, format, width, height, scale, error))
    return FALSE;

  bytes = render (format, width, height, scale, info, draw, user_data, &status);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: the second %s is cairo's (English) reason */
                   _("Could not draw “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  /* The safe save's message names the file and says it is unchanged. */
  file = g_file_new_for_path (path);
  return shk_safe_save_bytes (file, bytes, SHK_SAFE_SAVE_NONE, NULL, error);
}
