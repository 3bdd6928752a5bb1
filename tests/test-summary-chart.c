/* test-summary-chart.c — the grade summary as stacked bars
 *
 * tools/shk-render-charts writes the charts as PNGs to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>


#include "shk-format.h"
#include "shk-summary-chart.h"
#include "shk-test-utils.h"

static const struct { int width, height; } sizes[] = {
  { 640, 360 }, { 1280, 720 }, { 1920, 1080 }, { 3840, 2160 },
};

static const ShkChartStyle styles[] = {
  SHK_CHART_STYLE_LIGHT, SHK_CHART_STYLE_DARK, SHK_CHART_STYLE_PRESENTATION,
};

static const ShkGrade grades[] = {
  SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
};

static void
draw_summary (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  chart)
{
  shk_summary_chart_draw (cr, width, height, chart);
}

static cairo_surface_t *
draw_chart (const ShkSummaryChart *chart,
            int                    width,
            int                    height)
{
  return shk_test_draw_chart (draw_summary, (gpointer) chart, width, height);
}

static void
test_summary_chart_builtin (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  guint totals[SHK_N_GRADES] = { 0 };

  g_assert_cmpuint (summary->n_columns, >, 0);
  for (guint i = 0; i < summary->n_columns; i++)
    for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
      totals[grades[g]] += summary->columns[i].count[grades[g]];

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
      {
        ShkSummaryChart chart = { styles[t], "第四次地域情報化計画の進捗状況", summary };
        cairo_surface_t *surface;
        ShkChartPalette palette;

        g_test_message ("%d×%d, style %d", sizes[s].width, sizes[s].height, styles[t]);
        surface = draw_chart (&chart, sizes[s].width, sizes[s].height);
        shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);

        /* Every grade that occurs has its colour, roughly in proportion:
         * more measures, more area (the legend swatches add a little). */
        shk_chart_palette_init (&palette, styles[t]);
        g_assert_true (shk_test_pixel_matches (shk_test_pixel (surface, SHK_TEST_MARGIN + 1, SHK_TEST_MARGIN + 1), &palette.background));
        if (s == 1)
          {
            guint area[SHK_N_GRADES] = { 0 };

            for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
              {
                area[grades[g]] = shk_test_count_colour (surface, &palette.grade[grades[g]]);
                g_assert_cmpuint (area[grades[g]], >, 0);
              }
            for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
              for (guint h = 0; h < G_N_ELEMENTS (grades); h++)
                if (totals[grades[g]] > 2 * totals[grades[h]])
                  g_assert_cmpuint (area[grades[g]], >, area[grades[h]]);
          }
        cairo_surface_destroy (surface);
      }
}

static void
test_summary_chart_styles_differ (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  cairo_surface_t *images[G_N_ELEMENTS (styles)];

  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    {
      ShkSummaryChart chart = { styles[t], NULL, summary };

      images[t] = draw_chart (&chart, 1280, 720);
    }
  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    for (guint u = 0; u < t; u++)
      g_assert_cmpint (memcmp (cairo_image_surface_get_data (images[t]),
                               cairo_image_surface_get_data (images[u]),
                               cairo_image_surface_get_stride (images[t]) * (720 + 2 * SHK_TEST_MARGIN)),
                       !=, 0);
  for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
    cairo_surface_destroy (images[t]);
}

/* Bars of our own: one all ◎, one not evaluated, many rows. */
static void
test_summary_chart_edges (void)
{
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func (g_object_unref);
  ShkSummaryColumn columns[12] = { 0 };
  ShkSummary summary = { G_N_ELEMENTS (columns), columns };
  ShkSummary empty = { 0, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *year = g_strdup_printf ("R%u", i + 1);
      ShkEvaluation *evaluation = shk_evaluation_new (year, "R12");

      shk_evaluation_set_label (evaluation, i % 2 ? "進捗状況" : "達成状況（とても長い見出しの場合）");
      g_ptr_array_add (evaluations, evaluation);
      columns[i].evaluation = evaluation;
      if (i == 1)
        continue;   /* nothing counted */
      columns[i].count[SHK_GRADE_ACHIEVED] = i == 0 ? 54 : i;
      columns[i].count[SHK_GRADE_MOSTLY] = i == 0 ? 0 : 1;
      columns[i].count[SHK_GRADE_LAGGING] = i == 0 ? 0 : 30 - i;
      columns[i].count[SHK_GRADE_PENDING] = i == 0 ? 0 : 2;
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        columns[i].counted += columns[i].count[grades[g]];
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
      {
        ShkSummaryChart chart = { styles[t], "題", &summary };
        ShkSummaryChart nothing = { styles[t], NULL, &empty };
        ShkSummaryChart missing = { styles[t], NULL, NULL };
        cairo_surface_t *surface;

        surface = draw_chart (&chart, sizes[s].width, sizes[s].height);
        shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);
        cairo_surface_destroy (surface);
        surface = draw_chart (&nothing, sizes[s].width, sizes[s].height);
        shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);
        cairo_surface_destroy (surface);
        surface = draw_chart (&missing, sizes[s].width, sizes[s].height);
        cairo_surface_destroy (surface);
      }

  {
    ShkSummaryChart chart = { SHK_CHART_STYLE_LIGHT, NULL, &summary };
    ShkSummaryChart nothing = { SHK_CHART_STYLE_LIGHT, NULL, &empty };
    g_autofree char *text = shk_summary_chart_describe (&chart);
    g_autofree char *none = shk_summary_chart_describe (&nothing);

    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "R1/R12"));
    g_assert_nonnull (strstr (text, "54 (100.0%)"));
    g_assert_nonnull (strstr (text, "R2/R12 進捗状況: no measures evaluated"));
    g_assert_nonnull (none);
    g_assert_cmpuint (strlen (none), >, 0);
  }
}

static void
test_summary_chart_describe (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  ShkSummaryChart chart = { SHK_CHART_STYLE_LIGHT, NULL, summary };
  g_autofree char *text = shk_summary_chart_describe (&chart);
  const char *cursor = text;

  g_test_message ("%s", text);
  /* A sentence per evaluation, in order, with its counts and shares. */
  for (guint i = 0; i < summary->n_columns; i++)
    {
      const ShkSummaryColumn *column = &summary->columns[i];
      g_autofree char *counted = g_strdup_printf ("%u measures counted", column->counted);
      const char *id = shk_evaluation_get_id (column->evaluation);

      cursor = strstr (cursor, id);
      g_assert_nonnull (cursor);
      g_assert_nonnull (strstr (cursor, counted));
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        {
          g_autofree char *figure = g_strdup_printf ("%u (", column->count[grades[g]]);

          g_assert_nonnull (strstr (cursor, figure));
        }
      cursor++;
    }

  /* The shares as chart (1) of 資料1-1 prints them, one decimal, the
   * largest remainder making each bar 100.0% (5.5%, not 5.6%, for －). */
  {
    static const struct
    {
      const char *evaluation;
      const char *printed[4];
    } bars[] = {
      { "H30/R3", { "◎ Fully achieved 27 (55.1%)", "○ Mostly achieved 8 (16.3%)",
                    "△ Not really achieved 9 (18.4%)", "－ Not started or under consideration 5 (10.2%)" } },
      { "R1/R3", { "◎ Fully achieved 30 (58.8%)", "○ Mostly achieved 14 (27.5%)",
                   "△ Not really achieved 4 (7.8%)", "－ Not started or under consideration 3 (5.9%)" } },
      { "R2/R3", { "◎ Fully achieved 35 (64.8%)", "○ Mostly achieved 9 (16.7%)",
                   "△ Not really achieved 7 (13.0%)", "－ Not started or under consideration 3 (5.5%)" } },
    };

    for (guint b = 0; b < G_N_ELEMENTS (bars); b++)
      {
        cursor = strstr (text, bars[b].evaluation);
        g_assert_nonnull (cursor);
        for (guint g = 0; g < G_N_ELEMENTS (bars[b].printed); g++)
          {
            cursor = strstr (cursor, bars[b].printed[g]);
            if (cursor == NULL)
              g_error ("%s: “%s” is not in the description", bars[b].evaluation, bars[b].printed[g]);
          }
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary-chart/builtin", test_summary_chart_builtin);
  g_test_add_func ("/summary-chart/styles-differ", test_summary_chart_styles_differ);
  g_test_add_func ("/summary-chart/edges", test_summary_chart_edges);
  g_test_add_func ("/summary-chart/describe", test_summary_chart_describe);

  status = g_test_run ();
  shk_test_release_font_caches ();
  return status;
}
