/* shk-test-utils.c — helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "shk-test-utils.h"

void
shk_test_flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

cairo_surface_t *
shk_test_draw_chart (ShkChartDrawFunc draw,
                     gpointer         user_data,
                     int              width,
                     int              height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width + 2 * SHK_TEST_MARGIN,
                                                         height + 2 * SHK_TEST_MARGIN);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, SHK_TEST_MARGIN, SHK_TEST_MARGIN);
  draw (cr, width, height, user_data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

guint32
shk_test_pixel (cairo_surface_t *surface,
                int              x,
                int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

void
shk_test_assert_inside (cairo_surface_t *surface,
                        int              width,
                        int              height)
{
  const int m = SHK_TEST_MARGIN;

  for (int y = 0; y < height + 2 * m; y++)
    for (int x = 0; x < width + 2 * m; x++)
      {
        gboolean inside = x >= m && x < m + width && y >= m && y < m + height;

        if (!inside && shk_test_pixel (surface, x, y) != 0)
          g_error ("painted outside the %d×%d chart at (%d, %d)", width, height, x - m, y - m);
      }
}

gboolean
shk_test_pixel_matches (guint32        pixel,
                        const ShkRgba *rgba)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int) round (rgba->r * 255)) <= 2 &&
         ABS (g - (int) round (rgba->g * 255)) <= 2 &&
         ABS (b - (int) round (rgba->b * 255)) <= 2;
}

guint
shk_test_count_colour (cairo_surface_t *surface,
                       const ShkRgba   *rgba)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (shk_test_pixel_matches (shk_test_pixel (surface, x, y), rgba))
        n++;
  return n;
}

void
shk_test_release_font_caches (void)
{
  pango_cairo_font_map_set_default (NULL);
}
