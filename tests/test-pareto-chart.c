/* test-pareto-chart.c — the Pareto chart's cumulative-line markers
 *
 * The chart is drawn onto a cairo script surface, whose text lists every
 * drawing operation, so that the test can count fills.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-script.h>
#include <string.h>

#include "shk-format.h"
#include "shk-pareto-chart.h"

static cairo_status_t
append_text (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The largest number of sub-paths (moves) that one fill of @chart at
 * @width × @height fills. */
static guint
largest_fill (const ShkParetoChart *chart,
              double                width,
              double                height)
{
  g_autoptr(GString) script = g_string_new (NULL);
  cairo_device_t *device = cairo_script_create_for_stream (append_text, script);
  cairo_surface_t *surface = cairo_script_surface_create (device, CAIRO_CONTENT_COLOR_ALPHA,
                                                          width, height);
  cairo_t *cr = cairo_create (surface);
  g_auto(GStrv) tokens = NULL;
  guint moves = 0, largest = 0;

  shk_pareto_chart_draw (cr, width, height, chart);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cairo_device_finish (device);
  cairo_device_destroy (device);

  tokens = g_strsplit_set (script->str, " \n\t", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_str_equal (tokens[i], "m"))
        moves++;
      else if (g_str_has_prefix (tokens[i], "fill"))
        {
          largest = MAX (largest, moves);
          moves = 0;
        }
      else if (g_str_has_prefix (tokens[i], "stroke") || g_str_equal (tokens[i], "n") ||
               g_str_has_prefix (tokens[i], "paint") || g_str_has_prefix (tokens[i], "clip"))
        moves = 0;
    }
  return largest;
}

/* The built-in survey's ranked processes: drawn wide, every bar has a
 * marker, and all of them take one fill; drawn so narrow that a bar is
 * thinner than a marker, there are none. */
static void
test_markers_one_fill (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  ShkParetoChart chart = { SHK_CHART_STYLE_LIGHT, NULL, ranking, 0.8, 0 };
  guint n_bars = ranking->n_processes + 1;

  g_assert_cmpuint (ranking->n_processes, >, 20);
  g_assert_false (shk_pareto_chart_markers_shown (3, 14));
  g_assert_true (shk_pareto_chart_markers_shown (40, 14));

  /* One fill holds a circle (its own sub-path) for every bar. */
  g_assert_cmpuint (largest_fill (&chart, 1920, 1080), ==, n_bars);
  /* No markers, so no fill of many sub-paths. */
  g_assert_cmpuint (largest_fill (&chart, n_bars * 3.0, 1080), <, n_bars);
}

/* #18: at 1280 × 720 (the presentation) and in 1920 × 1080 exports, the
 * plot (bars and axes, without the names below) keeps two thirds of the
 * whole height; the names are shortened to the band left below it, which
 * stays inside the chart, or give way to rank numbers. */
static void
test_plot_keeps_two_thirds (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  static const struct
  {
    ShkChartStyle style;
    double        width, height;
  } sizes[] = {
    { SHK_CHART_STYLE_PRESENTATION, 1280, 720 },
    { SHK_CHART_STYLE_PRESENTATION, 1920, 1080 },
    { SHK_CHART_STYLE_LIGHT, 1920, 1080 },
    { SHK_CHART_STYLE_LIGHT, 1280, 720 },
    { SHK_CHART_STYLE_HIGH_CONTRAST, 1280, 720 },
  };

  g_assert_cmpuint (ranking->n_processes, >, 30);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint titled = 0; titled < 2; titled++)
      {
        ShkParetoChart chart = { sizes[i].style, titled ? "Work processes by annual hours" : NULL,
                                 ranking, 0.8, 0 };
        ShkParetoLayout layout;

        shk_pareto_chart_get_layout (&chart, sizes[i].width, sizes[i].height, &layout);
        /* Two thirds, to within rounding. */
        g_assert_cmpfloat (layout.plot_height, >=, sizes[i].height * 2 / 3 - 1e-6);
        g_assert_cmpfloat (layout.label_y, ==, layout.plot_y + layout.plot_height);
        g_assert_cmpfloat (layout.label_y + layout.label_height, <=, sizes[i].height);
        if (layout.names)
          {
            /* Shortened, but to a few characters at least. */
            g_assert_cmpfloat (layout.name_length, >=, layout.name_size * 4);
            g_assert_cmpfloat (layout.name_length, <=, layout.label_height * G_SQRT2);
          }
      }

  /* The export at 1920 × 1080 has room for names, not only numbers. */
  {
    ShkParetoChart chart = { SHK_CHART_STYLE_LIGHT, "Work processes by annual hours", ranking,
                             0.8, 0 };
    ShkParetoLayout layout;

    shk_pareto_chart_get_layout (&chart, 1920, 1080, &layout);
    g_assert_true (layout.names);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pareto-chart/markers-one-fill", test_markers_one_fill);
  g_test_add_func ("/pareto-chart/plot-keeps-two-thirds", test_plot_keeps_two_thirds);

  return g_test_run ();
}
