/* test-ranking.c — ranking of work processes, shares, breakdowns, Pareto
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shk-format.h"
#include "shk-pareto-chart.h"
#include "shk-ranking.h"

static ShkSurvey *
make_survey (void)
{
  static const struct {
    const char *id;
    double hours;
    ShkPriority priority;
    const char *category;
    double reduction;   /* < 0: none */
  } rows[] = {
    { "a", 1000, SHK_PRIORITY_LOW,    "入力事務", -1 },
    { "b", 5000, SHK_PRIORITY_HIGH,   "自動判断", 2000 },
    { "c", 1000, SHK_PRIORITY_MEDIUM, NULL,       300 },
    { "d", 3000, SHK_PRIORITY_MEDIUM, "入力事務", 100 },
  };
  ShkSurvey *survey = shk_survey_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ShkProcess) process = shk_process_new (rows[i].id);

      shk_process_set_name (process, rows[i].id);
      shk_process_set_hours (process, rows[i].hours);
      shk_process_set_priority (process, rows[i].priority);
      shk_process_set_category (process, rows[i].category);
      if (rows[i].reduction >= 0)
        shk_process_set_expected_reduction (process, rows[i].reduction);
      shk_survey_append_process (survey, process);
    }
  shk_survey_set_total_hours (survey, 20000);
  shk_survey_set_total_processes (survey, 10);
  return survey;
}

static void
test_ranking_order (void)
{
  g_autoptr(ShkSurvey) survey = make_survey ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (survey);
  static const char *expected[] = { "b", "d", "a", "c" };

  g_assert_cmpuint (ranking->n_processes, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (shk_process_get_id (ranking->processes[i].process), ==, expected[i]);
      g_assert_cmpuint (ranking->processes[i].rank, ==, i + 1);
    }

  /* a and c tie at 1,000 hours: document order decides, every time. */
  g_assert_cmpuint (shk_ranking_get_rank (ranking, shk_survey_find_process (survey, "a")), ==, 3);
  g_assert_cmpuint (shk_ranking_get_rank (ranking, shk_survey_find_process (survey, "c")), ==, 4);
}

static void
test_ranking_rerank (void)
{
  g_autoptr(ShkSurvey) survey = make_survey ();
  g_autoptr(ShkRanking) ranking = NULL;
  ShkProcess *c = shk_survey_find_process (survey, "c");

  shk_process_set_hours (c, 9000);
  ranking = shk_ranking_new (survey);
  g_assert_cmpuint (shk_ranking_get_rank (ranking, c), ==, 1);
  g_assert_cmpfloat (ranking->listed_hours, ==, 18000);
}

static void
test_ranking_shares (void)
{
  g_autoptr(ShkSurvey) survey = make_survey ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (survey);

  g_assert_cmpfloat (ranking->listed_hours, ==, 10000);
  g_assert_cmpfloat (ranking->total_hours, ==, 20000);
  g_assert_cmpfloat_with_epsilon (ranking->listed_share, 0.5, 1e-12);
  g_assert_cmpuint (ranking->remainder_processes, ==, 6);
  g_assert_cmpfloat (ranking->remainder_hours, ==, 10000);
  g_assert_cmpfloat_with_epsilon (ranking->processes[0].share, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (ranking->processes[1].cumulative_share, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (ranking->processes[3].cumulative_share, 0.5, 1e-12);

  g_assert_cmpuint (shk_ranking_count_to_share (ranking, 0.25), ==, 1);
  g_assert_cmpuint (shk_ranking_count_to_share (ranking, 0.3), ==, 2);
  g_assert_cmpuint (shk_ranking_count_to_share (ranking, 0.8), ==, 0);

  /* A total set below what is listed leaves no unlisted remainder: the
   * total is computed, so it is the listed hours. */
  shk_survey_set_total_hours (survey, 0);
  g_clear_pointer (&ranking, shk_ranking_free);
  ranking = shk_ranking_new (survey);
  g_assert_cmpfloat (ranking->total_hours, ==, 10000);
  g_assert_cmpfloat (ranking->remainder_hours, ==, 0);
  g_assert_cmpfloat_with_epsilon (ranking->listed_share, 1.0, 1e-12);
}

/* The listing threshold is a rule: below it a process is not ranked and
 * counts in the remainder; the total does not change. */
static void
test_ranking_threshold (void)
{
  g_autoptr(ShkSurvey) survey = make_survey ();
  g_autoptr(ShkRanking) ranking = NULL;

  shk_survey_set_listing_threshold (survey, 1500);
  ranking = shk_ranking_new (survey);
  g_assert_cmpuint (ranking->n_processes, ==, 2);
  g_assert_cmpuint (ranking->below_threshold_processes, ==, 2);
  g_assert_cmpfloat (ranking->below_threshold_hours, ==, 2000);
  g_assert_cmpuint (ranking->remainder_processes, ==, 6 + 2);
  g_assert_cmpfloat (ranking->remainder_hours, ==, 10000 + 2000);
  g_assert_cmpfloat (ranking->total_hours, ==, 20000);
  g_assert_cmpuint (shk_ranking_get_rank (ranking, shk_survey_find_process (survey, "a")), ==, 0);
  g_assert_cmpuint (shk_ranking_get_rank (ranking, shk_survey_find_process (survey, "b")), ==, 1);
}

static void
test_ranking_empty (void)
{
  g_autoptr(ShkSurvey) survey = shk_survey_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (survey);
  g_autoptr(GPtrArray) rows = shk_ranking_breakdown_by_priority (ranking);

  g_assert_cmpuint (ranking->n_processes, ==, 0);
  g_assert_cmpfloat (ranking->listed_share, ==, 0);
  g_assert_cmpuint (rows->len, ==, 5);
}

static ShkBreakdownRow *
row_for (GPtrArray  *rows,
         const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  g_assert_not_reached ();
}

static void
test_breakdowns (void)
{
  g_autoptr(ShkSurvey) survey = make_survey ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (survey);
  g_autoptr(GPtrArray) priorities = shk_ranking_breakdown_by_priority (ranking);
  g_autoptr(GPtrArray) categories = shk_ranking_breakdown_by_category (ranking);
  ShkBreakdownRow *row;

  row = row_for (priorities, "medium");
  g_assert_cmpuint (row->count, ==, 2);
  g_assert_cmpfloat (row->hours, ==, 4000);
  g_assert_cmpfloat (row->expected_reduction, ==, 400);
  g_assert_cmpfloat_with_epsilon (row->share, 0.4, 1e-12);
  g_assert_cmpuint (row_for (priorities, "excluded")->count, ==, 0);

  row = row_for (categories, "入力事務");
  g_assert_cmpuint (row->count, ==, 2);
  g_assert_cmpfloat (row->hours, ==, 4000);
  row = row_for (categories, "");
  g_assert_cmpuint (row->count, ==, 1);
  g_assert_cmpfloat (row->hours, ==, 1000);
  /* Canonical categories first, unknown last. */
  g_assert_cmpstr (((ShkBreakdownRow *) g_ptr_array_index (categories, 0))->key, ==, "入力事務");
  g_assert_cmpstr (((ShkBreakdownRow *) g_ptr_array_index (categories, categories->len - 1))->key, ==, "");
}

static void
test_builtin_survey (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  g_autoptr(GPtrArray) priorities = shk_ranking_breakdown_by_priority (ranking);
  static const guint counts[] = { 1, 10, 5, 13, 7 };

  g_assert_cmpuint (ranking->n_processes, ==, 36);
  g_assert_cmpfloat (ranking->listed_hours, ==, 224100);
  g_assert_cmpfloat (ranking->total_hours, ==, 256400);
  g_assert_cmpfloat_with_epsilon (ranking->listed_share, 0.874, 0.0005);
  g_assert_cmpuint (ranking->remainder_processes, ==, 461);
  g_assert_cmpfloat (ranking->remainder_hours, ==, 32300);

  g_assert_cmpuint (priorities->len, ==, G_N_ELEMENTS (counts));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpuint (((ShkBreakdownRow *) g_ptr_array_index (priorities, i))->count, ==, counts[i]);

  for (guint i = 1; i < ranking->n_processes; i++)
    g_assert_cmpfloat (ranking->processes[i - 1].hours, >=, ranking->processes[i].hours);
}

static void
test_pareto_chart (void)
{
  g_autoptr(ShkSurvey) survey = make_survey ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (survey);
  ShkParetoChart chart = {
    .style = SHK_CHART_STYLE_LIGHT,
    .title = "パレート図",
    .ranking = ranking,
    .threshold = 0.8,
    .highlight_rank = 2,
  };
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *description = NULL;
  guint first = 0, last = 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 450);
  cr = cairo_create (surface);
  shk_pareto_chart_draw (cr, 800, 450, &chart);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* Hit testing walks left to right through the ranks and the remainder. */
  for (double x = 0; x < 800; x += 2)
    {
      guint rank = shk_pareto_chart_bar_at (&chart, 800, 450, x, 200);
      if (rank != 0 && first == 0)
        first = rank;
      if (rank != 0)
        {
          g_assert_cmpuint (rank, >=, last);
          last = rank;
        }
    }
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 5);
  g_assert_cmpuint (shk_pareto_chart_bar_at (&chart, 800, 450, 1, 1), ==, 0);

  /* The tallest bar (rank 1, high priority) is drawn in its class colour. */
  {
    ShkRgba high;
    guchar *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    gboolean found = FALSE;

    cairo_surface_flush (surface);
    shk_pareto_chart_priority_color (SHK_CHART_STYLE_LIGHT, SHK_PRIORITY_HIGH, &high);
    for (int y = 0; y < 450 && !found; y++)
      for (int x = 0; x < 800 && !found; x++)
        {
          guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
          guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

          if (shk_pareto_chart_bar_at (&chart, 800, 450, x, y) == 1 &&
              ABS ((int) r - (int) (high.r * 255)) <= 2 &&
              ABS ((int) g - (int) (high.g * 255)) <= 2 &&
              ABS ((int) b - (int) (high.b * 255)) <= 2)
            found = TRUE;
        }
    g_assert_true (found);
  }
  cairo_surface_destroy (surface);

  description = shk_pareto_chart_describe (&chart);
  g_assert_nonnull (strstr (description, "10,000"));
  g_assert_nonnull (strstr (description, "20,000"));
}

/* On a 1280 × 720 slide the built-in survey's 36 long names are shortened
 * so the plot keeps two thirds of the slide below its title and legend
 * (they took a third of the whole slide before). */
static void
test_pareto_slide_layout (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  ShkParetoChart chart = {
    .style = SHK_CHART_STYLE_PRESENTATION,
    .title = "AI等の活用による業務効率化等検討調査",
    .ranking = ranking,
    .threshold = 0.8,
    .highlight_rank = 0,
  };
  static const struct { double width, height; } slides[] = { { 1280, 720 }, { 1920, 1080 } };

  g_assert_cmpuint (ranking->n_processes, >=, 30);
  for (guint i = 0; i < G_N_ELEMENTS (slides); i++)
    {
      double x, y, width, height;

      shk_pareto_chart_get_plot (&chart, slides[i].width, slides[i].height, &x, &y, &width, &height);
      g_test_message ("%gx%g: plot %g,%g %gx%g", slides[i].width, slides[i].height, x, y, width, height);
      g_assert_cmpfloat (height, >=, (slides[i].height - y) * 2.0 / 3.0);
      g_assert_cmpfloat (width, >=, slides[i].width * 2.0 / 3.0);
      g_assert_cmpfloat (y + height, <, slides[i].height);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ranking/order", test_ranking_order);
  g_test_add_func ("/ranking/rerank", test_ranking_rerank);
  g_test_add_func ("/ranking/shares", test_ranking_shares);
  g_test_add_func ("/ranking/empty", test_ranking_empty);
  g_test_add_func ("/ranking/threshold", test_ranking_threshold);
  g_test_add_func ("/ranking/breakdowns", test_breakdowns);
  g_test_add_func ("/ranking/builtin", test_builtin_survey);
  g_test_add_func ("/ranking/pareto-chart", test_pareto_chart);
  g_test_add_func ("/ranking/pareto-slide-layout", test_pareto_slide_layout);

  status = g_test_run ();

  /* Pango and cairo keep font caches for the life of the process; drop
   * them so LeakSanitizer reports only what Shinchoku leaks. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
