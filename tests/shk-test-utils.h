/* shk-test-utils.h — helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "shk-chart.h"

G_BEGIN_DECLS

/* Runs the default main context until nothing is pending: idle handlers,
 * model signals and widget updates have all happened. */
void              shk_test_flush_events       (void);

/* Charts are drawn with a margin of this many pixels around them, so
 * that anything painted outside the chart's own rectangle shows. */
#define SHK_TEST_MARGIN 8

/* A @width × @height chart drawn by @draw, with the margin around it.
 * Fails the test when cairo reports an error. */
cairo_surface_t  *shk_test_draw_chart         (ShkChartDrawFunc  draw,
                                               gpointer          user_data,
                                               int               width,
                                               int               height);
/* The pixel at (@x, @y) of the whole surface, margin included. */
guint32           shk_test_pixel              (cairo_surface_t  *surface,
                                               int               x,
                                               int               y);
/* Fails the test when anything was painted in the margin: the chart
 * painted its own rectangle and nothing else. */
void              shk_test_assert_inside      (cairo_surface_t  *surface,
                                               int               width,
                                               int               height);
/* Whether @pixel is @rgba, give or take antialiasing (2 in 255). */
gboolean          shk_test_pixel_matches      (guint32           pixel,
                                               const ShkRgba    *rgba);
/* How many pixels are @rgba: a bar's or segment's area. */
guint             shk_test_count_colour       (cairo_surface_t  *surface,
                                               const ShkRgba    *rgba);

/* Pango keeps its font map for the life of the process; dropping it lets
 * the leak checker see only our own memory. */
void              shk_test_release_font_caches (void);

G_END_DECLS
