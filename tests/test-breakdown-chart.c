/* test-breakdown-chart.c — hours per priority class and per category
 *
 * tools/shk-render-charts writes the charts as PNGs to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "shk-breakdown-chart.h"
#include "shk-document.h"
#include "shk-edit.h"
#include "shk-pareto-chart.h"
#include "shk-test-utils.h"

static const struct { int width, height; } sizes[] = {
  { 320, 200 }, { 640, 360 }, { 1280, 720 }, { 1920, 1080 }, { 3840, 2160 },
};

static const ShkChartStyle styles[] = {
  SHK_CHART_STYLE_LIGHT, SHK_CHART_STYLE_DARK, SHK_CHART_STYLE_PRESENTATION,
};

static const ShkBreakdownKind kinds[] = {
  SHK_BREAKDOWN_BY_PRIORITY, SHK_BREAKDOWN_BY_CATEGORY,
};

static ShkRanking *
builtin_ranking (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();

  return shk_ranking_new (shk_plan_get_survey (shk_document_get_plan (document)));
}

static void
draw_breakdown (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  chart)
{
  shk_breakdown_chart_draw (cr, width, height, chart);
}

static cairo_surface_t *
draw_chart (const ShkBreakdownChart *chart,
            int                      width,
            int                      height)
{
  return shk_test_draw_chart (draw_breakdown, (gpointer) chart, width, height);
}

static void
test_breakdown_builtin_priority (void)
{
  g_autoptr(ShkRanking) ranking = builtin_ranking ();
  ShkBreakdownChart chart = { SHK_CHART_STYLE_LIGHT, NULL, ranking, SHK_BREAKDOWN_BY_PRIORITY };
  g_autoptr(GPtrArray) rows = shk_breakdown_chart_get_rows (&chart);
  /* The counts of the five classes in 資料1-3 §3-1. */
  static const guint counts[] = { 1, 10, 5, 13, 7 };
  double hours = 0, share = 0;

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (counts));
  for (guint i = 0; i < rows->len; i++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->count, ==, counts[i]);
      hours += row->hours;
      share += row->share;
    }
  g_assert_cmpfloat_with_epsilon (hours, ranking->listed_hours, 1e-6);
  g_assert_cmpfloat_with_epsilon (share, 1.0, 1e-9);
}

static void
test_breakdown_builtin_category (void)
{
  g_autoptr(ShkRanking) ranking = builtin_ranking ();
  ShkBreakdownChart chart = { SHK_CHART_STYLE_LIGHT, NULL, ranking, SHK_BREAKDOWN_BY_CATEGORY };
  g_autoptr(GPtrArray) rows = shk_breakdown_chart_get_rows (&chart);
  g_autoptr(GPtrArray) all = shk_ranking_breakdown_by_category (ranking);
  guint count = 0, unknown = 0;

  for (guint i = 0; i < ranking->n_processes; i++)
    if (shk_process_get_traced_category (ranking->processes[i].process) == NULL)
      unknown++;

  /* Every process is in exactly one row; the unknown row shows exactly
   * when some process has no category. */
  for (guint i = 0; i < rows->len; i++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, i);

      count += row->count;
      if (row->key[0] == '\0')
        {
          g_assert_cmpuint (i, ==, rows->len - 1);
          g_assert_cmpuint (row->count, ==, unknown);
        }
    }
  g_assert_cmpuint (count, ==, ranking->n_processes);
  g_assert_cmpuint (rows->len, ==, all->len - (unknown == 0 ? 1 : 0));
}

static void
test_breakdown_unknown_hidden (void)
{
  g_autoptr(ShkSurvey) survey = shk_survey_new ();
  g_autoptr(ShkProcess) known = shk_process_new ("p1");
  g_autoptr(ShkProcess) unknown = shk_process_new ("p2");
  g_autoptr(ShkRanking) with_unknown = NULL;
  g_autoptr(ShkRanking) without = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  ShkBreakdownChart chart = { SHK_CHART_STYLE_LIGHT, NULL, NULL, SHK_BREAKDOWN_BY_CATEGORY };
  ShkBreakdownRow *last;

  shk_process_set_hours (known, 1200);
  shk_process_set_category (known, "入力事務");
  shk_process_set_hours (unknown, 300);
  shk_process_set_category (unknown, "");
  shk_survey_append_process (survey, known);

  without = shk_ranking_new (survey);
  chart.ranking = without;
  rows = shk_breakdown_chart_get_rows (&chart);
  last = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (last->key, !=, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  shk_survey_append_process (survey, unknown);
  with_unknown = shk_ranking_new (survey);
  chart.ranking = with_unknown;
  rows = shk_breakdown_chart_get_rows (&chart);
  last = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (last->key, ==, "");
  g_assert_cmpuint (last->count, ==, 1);
  g_assert_cmpfloat (last->hours, ==, 300);
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_width (a) == cairo_image_surface_get_width (b) &&
         height == cairo_image_surface_get_height (b) &&
         stride == cairo_image_surface_get_stride (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * height) == 0;
}

static void
test_breakdown_draw (void)
{
  g_autoptr(ShkRanking) ranking = builtin_ranking ();
  g_autoptr(ShkSurvey) empty_survey = shk_survey_new ();
  g_autoptr(ShkRanking) empty = shk_ranking_new (empty_survey);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (styles); t++)
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          ShkBreakdownChart chart = { styles[t], "AI・RPA導入効果の大きい業務処理の内訳", ranking, kinds[k] };
          ShkBreakdownChart untitled = { styles[t], NULL, ranking, kinds[k] };
          ShkBreakdownChart nothing = { styles[t], NULL, empty, kinds[k] };
          ShkBreakdownChart missing = { styles[t], NULL, NULL, kinds[k] };
          cairo_surface_t *surface;

          surface = draw_chart (&chart, sizes[s].width, sizes[s].height);
          shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);
          cairo_surface_destroy (surface);
          surface = draw_chart (&untitled, sizes[s].width, sizes[s].height);
          shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);
          cairo_surface_destroy (surface);
          surface = draw_chart (&nothing, sizes[s].width, sizes[s].height);
          shk_test_assert_inside (surface, sizes[s].width, sizes[s].height);
          /* No ranking at all is told like an empty one: the same
           * message, the same pixels, and inside the chart. */
          {
            cairo_surface_t *without = draw_chart (&missing, sizes[s].width, sizes[s].height);

            shk_test_assert_inside (without, sizes[s].width, sizes[s].height);
            g_assert_true (surfaces_equal (surface, without));
            cairo_surface_destroy (without);
          }
          cairo_surface_destroy (surface);
        }
}

/* Each class's bar has its Pareto colour, and more hours make a longer
 * bar. */
static void
test_breakdown_colors (void)
{
  g_autoptr(ShkRanking) ranking = builtin_ranking ();
  ShkBreakdownChart chart = { SHK_CHART_STYLE_LIGHT, NULL, ranking, SHK_BREAKDOWN_BY_PRIORITY };
  g_autoptr(GPtrArray) rows = shk_breakdown_chart_get_rows (&chart);
  cairo_surface_t *surface = draw_chart (&chart, 1280, 720);
  guint area[SHK_N_PRIORITIES] = { 0 };
  double hours[SHK_N_PRIORITIES] = { 0 };

  for (guint i = 0; i < rows->len; i++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, i);
      ShkPriority priority;
      ShkRgba rgba;

      g_assert_true (shk_priority_from_key (row->key, &priority));
      shk_pareto_chart_priority_color (SHK_CHART_STYLE_LIGHT, priority, &rgba);
      area[priority] = shk_test_count_colour (surface, &rgba);
      hours[priority] = row->hours;
      if (row->hours > 0)
        g_assert_cmpuint (area[priority], >, 0);
    }
  for (guint a = 0; a < SHK_N_PRIORITIES; a++)
    for (guint b = 0; b < SHK_N_PRIORITIES; b++)
      if (hours[a] > hours[b] * 2 && hours[b] > 0)
        g_assert_cmpuint (area[a], >, area[b]);
  cairo_surface_destroy (surface);
}

static void
test_breakdown_describe (void)
{
  g_autoptr(ShkRanking) ranking = builtin_ranking ();
  g_autoptr(ShkSurvey) empty_survey = shk_survey_new ();
  g_autoptr(ShkRanking) empty = shk_ranking_new (empty_survey);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      ShkBreakdownChart chart = { SHK_CHART_STYLE_LIGHT, NULL, ranking, kinds[k] };
      ShkBreakdownChart nothing = { SHK_CHART_STYLE_LIGHT, NULL, empty, kinds[k] };
      g_autoptr(GPtrArray) rows = shk_breakdown_chart_get_rows (&chart);
      g_autofree char *text = shk_breakdown_chart_describe (&chart);
      g_autofree char *none = shk_breakdown_chart_describe (&nothing);
      const char *cursor = text;

      g_test_message ("%s", text);
      /* Each class in order, followed by its hours. */
      for (guint i = 0; i < rows->len; i++)
        {
          ShkBreakdownRow *row = g_ptr_array_index (rows, i);
          g_autofree char *hours = shk_format_number (row->hours);
          g_autofree char *expected = g_strdup_printf ("%s %s hours", row->label, hours);

          cursor = strstr (cursor, expected);
          g_assert_nonnull (cursor);
          cursor += strlen (expected);
        }
      g_assert_nonnull (none);
      g_assert_cmpuint (strlen (none), >, 0);
    }
}

static void
test_breakdown_kind_from_string (void)
{
  ShkBreakdownKind kind = SHK_BREAKDOWN_BY_CATEGORY;

  g_assert_true (shk_breakdown_kind_from_string ("priority", &kind));
  g_assert_cmpint (kind, ==, SHK_BREAKDOWN_BY_PRIORITY);
  g_assert_true (shk_breakdown_kind_from_string ("Category", &kind));
  g_assert_cmpint (kind, ==, SHK_BREAKDOWN_BY_CATEGORY);
  g_assert_false (shk_breakdown_kind_from_string ("section", &kind));
  g_assert_false (shk_breakdown_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, SHK_BREAKDOWN_BY_CATEGORY);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/breakdown-chart/builtin-priority", test_breakdown_builtin_priority);
  g_test_add_func ("/breakdown-chart/builtin-category", test_breakdown_builtin_category);
  g_test_add_func ("/breakdown-chart/unknown-hidden", test_breakdown_unknown_hidden);
  g_test_add_func ("/breakdown-chart/draw", test_breakdown_draw);
  g_test_add_func ("/breakdown-chart/colors", test_breakdown_colors);
  g_test_add_func ("/breakdown-chart/describe", test_breakdown_describe);
  g_test_add_func ("/breakdown-chart/kind-from-string", test_breakdown_kind_from_string);

  status = g_test_run ();

  pango_cairo_font_map_set_default (NULL);
  return status;
}
