/* test-chart-palette.c — every chart palette's contrast, computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "shk-chart.h"
#include "shk-pareto-chart.h"
#include "shk-types.h"

static const ShkChartStyle styles[] = {
  SHK_CHART_STYLE_LIGHT, SHK_CHART_STYLE_DARK,
  SHK_CHART_STYLE_PRESENTATION, SHK_CHART_STYLE_HIGH_CONTRAST,
};

/* The order of the segments in a stacked grade bar. */
static const ShkGrade stacked[] = {
  SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
};

static void
assert_ratio_at_least (const ShkRgba *a,
                       const ShkRgba *b,
                       double         least,
                       const char    *what,
                       ShkChartStyle  style)
{
  double ratio = shk_chart_contrast_ratio (a, b);

  if (ratio < least)
    g_printerr ("style %d: %s has %.2f:1, below %.1f:1\n", style, what, ratio, least);
  g_assert_cmpfloat (ratio, >=, least);
}

static void
test_ratio_function (void)
{
  const ShkRgba white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  const ShkRgba grey_777 = { 0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0, 1 };

  /* WCAG's own figures: 21:1 at most, #777 on white just under 4.5:1. */
  g_assert_cmpfloat_with_epsilon (shk_chart_contrast_ratio (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (shk_chart_contrast_ratio (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (shk_chart_contrast_ratio (&white, &white), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (shk_chart_contrast_ratio (&grey_777, &white), 4.48, 0.01);
  g_assert_cmpfloat_with_epsilon (shk_chart_relative_luminance (&white), 1.0, 1e-9);
}

static void
test_against_background (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      ShkChartPalette palette;
      /* High contrast asks for what text needs. */
      double least = styles[s] == SHK_CHART_STYLE_HIGH_CONTRAST ? 4.5 : 3.0;

      shk_chart_palette_init (&palette, styles[s]);
      assert_ratio_at_least (&palette.foreground, &palette.background, 4.5, "text", styles[s]);
      assert_ratio_at_least (&palette.muted, &palette.background, 4.5, "muted text", styles[s]);
      assert_ratio_at_least (&palette.highlight, &palette.background, 3.0, "the highlight", styles[s]);
      for (guint i = 0; i < G_N_ELEMENTS (palette.series); i++)
        {
          g_autofree char *what = g_strdup_printf ("series %u", i);

          assert_ratio_at_least (&palette.series[i], &palette.background, least, what, styles[s]);
        }
      for (guint g = 0; g < SHK_N_GRADES; g++)
        {
          g_autofree char *what = g_strdup_printf ("grade %u", g);

          assert_ratio_at_least (&palette.grade[g], &palette.background, least, what, styles[s]);
        }
      for (guint p = 0; p < SHK_N_PRIORITIES; p++)
        {
          g_autofree char *what = g_strdup_printf ("priority %u", p);
          ShkRgba colour;

          shk_pareto_chart_priority_color (styles[s], (ShkPriority) p, &colour);
          assert_ratio_at_least (&colour, &palette.background, 3.0, what, styles[s]);
        }
    }
}

static void
test_grade_neighbours (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      ShkChartPalette palette;

      shk_chart_palette_init (&palette, styles[s]);
      for (guint i = 0; i + 1 < G_N_ELEMENTS (stacked); i++)
        {
          g_autofree char *what = g_strdup_printf ("grade %u beside grade %u", stacked[i], stacked[i + 1]);

          assert_ratio_at_least (&palette.grade[stacked[i]], &palette.grade[stacked[i + 1]], 3.0,
                                 what, styles[s]);
        }

      /* The counts and the ◎○△ symbols printed on each segment. */
      for (guint i = 0; i < G_N_ELEMENTS (stacked); i++)
        {
          g_autofree char *what = g_strdup_printf ("text on grade %u", stacked[i]);

          assert_ratio_at_least (shk_chart_text_colour_on (&palette.grade[stacked[i]]),
                                 &palette.grade[stacked[i]], 4.5, what, styles[s]);
        }
    }
}

static void
test_style_names (void)
{
  ShkChartStyle style = SHK_CHART_STYLE_LIGHT;

  g_assert_true (shk_chart_style_from_string ("high-contrast", &style));
  g_assert_cmpint (style, ==, SHK_CHART_STYLE_HIGH_CONTRAST);
  g_assert_false (shk_chart_style_from_string ("neon", &style));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-palette/ratio", test_ratio_function);
  g_test_add_func ("/chart-palette/background", test_against_background);
  g_test_add_func ("/chart-palette/grade-neighbours", test_grade_neighbours);
  g_test_add_func ("/chart-palette/style-names", test_style_names);

  return g_test_run ();
}
