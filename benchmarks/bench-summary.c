/* bench-summary.c — recomputing the grade summary of a large plan
 *
 * The window recomputes the summary after every edit, so it must stay fast
 * on plans far larger than Kagoshima's 62 measures. This builds a
 * synthetic plan of 10,000 measures (fixed seed: every run times the same
 * plan) with one to three indicators each, lower-is-better indicators,
 * missing actuals, manual grades and uncounted added measures, and times
 * shk_summary_new_for_plan(). Goal: under 100 ms.
 *
 * Then the window's case (issue #17): on a plan of 100,000 measures, one
 * edit of an actual until the grade index (shk-grade-index.c) has the
 * counts, grade lists and departures current again. Goal: under 1 ms, and
 * the index must then equal a full grading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "bench-common.h"
#include "shk-grade-index.h"
#include "shk-rules.h"

#define N_MEASURES   10000
#define N_MEASURES_INCREMENTAL 100000
#define GOAL_EDIT_MS 1.0
#define N_POLICIES   10
#define GOAL_RSS_MIB 2048.0

static const char * const year_ids[] = { "H30", "R1", "R2", "R3" };
static const char * const year_labels[] = {
  "平成30年度", "令和元年度", "令和2年度", "令和3年度",
};
static const char * const evaluation_ids[][2] = {
  { "R2", "R2" }, { "H30", "R3" }, { "R1", "R3" }, { "R2", "R3" },
};
static const ShkGrade manual_grades[] = {
  SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING,
  SHK_GRADE_PENDING, SHK_GRADE_NONE,
};

static ShkIndicator *
synthetic_indicator (GRand *rand,
                     guint  number,
                     guint  index)
{
  ShkIndicator *indicator = shk_indicator_new ();
  g_autofree char *label = g_strdup_printf ("指標 %u-%u", number, index + 1);
  gboolean lower = g_rand_int_range (rand, 0, 10) == 0;
  double final_target = g_rand_double_range (rand, 10, 100000);

  shk_indicator_set_label (indicator, label);
  shk_indicator_set_unit (indicator, lower ? "kVA" : "件");
  shk_indicator_set_direction (indicator, lower ? SHK_DIRECTION_LOWER_IS_BETTER
                                                : SHK_DIRECTION_HIGHER_IS_BETTER);

  for (guint y = 0; y < G_N_ELEMENTS (year_ids); y++)
    {
      /* Targets climb towards the final year (or fall, when lower is
       * better); actuals land between 30% and 130% of them, and one in
       * twenty is not reported yet. */
      double share = (y + 1.0) / G_N_ELEMENTS (year_ids);
      double target = lower ? final_target * (2 - share) : final_target * share;
      double factor = g_rand_double_range (rand, 0.3, 1.3);

      shk_indicator_set_target (indicator, year_ids[y], target);
      if (g_rand_int_range (rand, 0, 20) != 0)
        shk_indicator_set_actual (indicator, year_ids[y],
                                  lower ? target / factor : target * factor);
    }

  return indicator;
}

static ShkMeasure *
synthetic_measure (GRand *rand,
                   guint  number)
{
  ShkMeasure *measure = shk_measure_new (number);
  g_autofree char *name = g_strdup_printf ("具体策 No.%u", number);
  guint n_indicators = g_rand_int_range (rand, 1, 4);

  shk_measure_set_policy_number (measure, (number - 1) % N_POLICIES + 1);
  shk_measure_set_index_in_policy (measure, (number - 1) / N_POLICIES + 1);
  shk_measure_set_name (measure, name);
  shk_measure_set_bureau (measure, "総務局");
  shk_measure_set_section (measure, "情報政策課");

  for (guint i = 0; i < n_indicators; i++)
    {
      g_autoptr(ShkIndicator) indicator = synthetic_indicator (rand, number, i);
      shk_measure_append_indicator (measure, indicator);
    }

  /* Like the R3 additions in Kagoshima: present, but not counted. */
  if (g_rand_int_range (rand, 0, 12) == 0)
    {
      shk_measure_set_year_added (measure, "R3");
      shk_measure_set_counted (measure, FALSE);
    }

  /* Some grades are the office's judgement. */
  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      guint e = g_rand_int_range (rand, 0, G_N_ELEMENTS (evaluation_ids));
      g_autofree char *id = g_strdup_printf ("%s/%s", evaluation_ids[e][0],
                                             evaluation_ids[e][1]);
      ShkGrade grade = manual_grades[g_rand_int_range (rand, 0, G_N_ELEMENTS (manual_grades))];

      shk_measure_set_manual_grade (measure, id, grade, "委員会資料の評価");
    }

  return measure;
}

static ShkPlan *
synthetic_plan (guint32 seed,
                guint   n_measures)
{
  ShkPlan *plan = shk_plan_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  shk_plan_set_title (plan, "ベンチマーク用の計画");
  shk_plan_set_reporting_year (plan, "R2");

  for (guint y = 0; y < G_N_ELEMENTS (year_ids); y++)
    {
      g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new (year_ids[y], year_labels[y]);
      shk_plan_append_fiscal_year (plan, year);
    }

  for (guint e = 0; e < G_N_ELEMENTS (evaluation_ids); e++)
    {
      g_autoptr(ShkEvaluation) evaluation =
        shk_evaluation_new (evaluation_ids[e][0], evaluation_ids[e][1]);
      shk_plan_append_evaluation (plan, evaluation);
    }

  for (guint p = 1; p <= N_POLICIES; p++)
    {
      g_autofree char *name = g_strdup_printf ("施策 %u", p);
      g_autoptr(ShkPolicy) policy = shk_policy_new (p, name);
      shk_plan_append_policy (plan, policy);
    }

  for (guint n = 1; n <= n_measures; n++)
    {
      g_autoptr(ShkMeasure) measure = synthetic_measure (rand, n);
      shk_plan_append_measure (plan, measure);
    }

  return plan;
}

typedef struct
{
  ShkPlan    *plan;
  ShkSummary *last;
} SummaryRun;

static void
compute_summary (gpointer user_data)
{
  SummaryRun *run = user_data;

  g_clear_pointer (&run->last, shk_summary_free);
  run->last = shk_summary_new_for_plan (run->plan);
}

typedef struct
{
  ShkPlan       *plan;
  ShkGradeIndex *index;
  GRand         *rand;
} EditRun;

/* One edit as a planner makes it: an actual of some measure changes; the
 * index hears it through the plan's "measure-changed" and is current when
 * the setter returns. */
static void
edit_one_actual (gpointer user_data)
{
  EditRun *run = user_data;
  GListModel *measures = shk_plan_get_measures (run->plan);
  guint n = g_list_model_get_n_items (measures);
  g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, g_rand_int_range (run->rand, 0, n));
  g_autoptr(ShkIndicator) indicator = g_list_model_get_item (shk_measure_get_indicators (measure), 0);
  const ShkSummary *summary;

  shk_indicator_set_actual (indicator, "R2", g_rand_double_range (run->rand, 1, 100000));
  summary = shk_grade_index_get_summary (run->index);
  g_assert (summary->n_columns > 0);
}

static gboolean
check_index (EditRun *run)
{
  g_autoptr(ShkSummary) full = shk_summary_new_for_plan (run->plan);
  const ShkSummary *kept = shk_grade_index_get_summary (run->index);

  for (guint c = 0; c < full->n_columns; c++)
    for (guint g = 0; g < SHK_N_GRADES; g++)
      if (kept->columns[c].count[g] != full->columns[c].count[g])
        return shk_bench_fail ("after the edits, column %u grade %u: the index counts %u, "
                               "a full grading %u", c, g, kept->columns[c].count[g],
                               full->columns[c].count[g]);
  return TRUE;
}

static gboolean
bench_incremental_edit (guint iterations)
{
  EditRun run = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  run.plan = synthetic_plan (20211201, N_MEASURES_INCREMENTAL);
  run.rand = g_rand_new_with_seed (17);
  run.index = shk_grade_index_new (run.plan);
  g_print ("built and graded a plan of %u measures in %.1f ms\n", N_MEASURES_INCREMENTAL,
           (g_get_monotonic_time () - start) / 1000.0);

  ok = shk_bench_run ("one edit → grades, counts and lists current, 100,000 measures",
                      iterations * 100, 1, GOAL_EDIT_MS, edit_one_actual, &run);
  ok &= check_index (&run);

  g_clear_object (&run.index);
  g_clear_object (&run.plan);
  g_rand_free (run.rand);
  return ok;
}

/* The summary must account for every counted measure in every column:
 * each one is either graded or not evaluated. */
static gboolean
check_summary (ShkPlan          *plan,
               const ShkSummary *summary)
{
  GListModel *measures = shk_plan_get_measures (plan);
  guint n_counted = 0, n_graded = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      n_counted += shk_measure_get_counted (measure);
    }

  if (summary == NULL)
    return shk_bench_fail ("no summary was computed");
  if (summary->n_columns != G_N_ELEMENTS (evaluation_ids))
    return shk_bench_fail ("the summary has %u columns, expected %u",
                           summary->n_columns,
                           (guint) G_N_ELEMENTS (evaluation_ids));

  for (guint c = 0; c < summary->n_columns; c++)
    {
      const ShkSummaryColumn *column = &summary->columns[c];
      guint total = 0;

      for (guint g = 0; g < SHK_N_GRADES; g++)
        total += column->count[g];
      if (total != n_counted)
        return shk_bench_fail ("column %u counts %u measures, expected %u",
                               c, total, n_counted);
      if (column->counted != total - column->count[SHK_GRADE_NONE])
        return shk_bench_fail ("column %u: counted is %u, grades add up to %u",
                               c, column->counted,
                               total - column->count[SHK_GRADE_NONE]);
      n_graded += column->counted;
    }

  if (n_graded == 0)
    return shk_bench_fail ("no measure was graded");

  g_print ("summary of %u measures (%u counted), %u grades over %u evaluations\n",
           g_list_model_get_n_items (measures), n_counted, n_graded,
           summary->n_columns);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  ShkBenchOptions options = { 0 };
  SummaryRun run = { 0 };
  gint64 start;
  gboolean ok = TRUE;

  shk_bench_parse_options (&options, 30,
                           "Times the grade summary of a plan of 10,000 measures.",
                           &argc, &argv);

  start = g_get_monotonic_time ();
  run.plan = synthetic_plan (20210610, N_MEASURES);
  g_print ("built a plan of %u measures in %.1f ms\n", N_MEASURES,
           (g_get_monotonic_time () - start) / 1000.0);

  /* Reported, not a goal: a full summary is made only on load and on a
   * change of thresholds; edits adjust it (bench_incremental_edit), and
   * the load of a whole plan is scale.py's (issue #17). */
  ok &= shk_bench_run ("summary of 10,000 measures", options.iterations, 1,
                       0, compute_summary, &run);
  ok &= check_summary (run.plan, run.last);
  g_clear_pointer (&run.last, shk_summary_free);
  g_clear_object (&run.plan);

  ok &= bench_incremental_edit (options.iterations);
  ok &= shk_bench_report_rss (GOAL_RSS_MIB);

  g_clear_pointer (&run.last, shk_summary_free);
  g_clear_object (&run.plan);
  shk_bench_options_clear (&options);

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
