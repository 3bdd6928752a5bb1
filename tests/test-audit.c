/* test-audit.c — the rules of issue #14 and the audit, against the
 * handouts' own figures: the year-added rule, the survey's computed total
 * and listing threshold, the categories as published and traced, the
 * printed rates the figures do not give, and measures that cannot be
 * rated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "shk-audit.h"
#include "shk-category-table.h"
#include "shk-format.h"
#include "shk-ranking.h"
#include "shk-rules.h"

static ShkSummaryColumn *
find_column (ShkSummary *summary,
             const char *id)
{
  for (guint i = 0; i < summary->n_columns; i++)
    if (g_str_equal (shk_evaluation_get_id (summary->columns[i].evaluation), id))
      return &summary->columns[i];
  g_assert_not_reached ();
}

/* The eight measures added in R3 are left out of every evaluation by the
 * rule, not by a flag: the built-in document counts them all by hand. */
static void
test_year_added_excludes_r3_measures (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  static const guint added[] = { 6, 15, 16, 17, 31, 41, 44, 51 };
  GListModel *evaluations = shk_plan_get_evaluations (plan);

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      ShkMeasure *measure = shk_plan_find_measure (plan, added[i], NULL);

      g_assert_nonnull (measure);
      g_assert_cmpstr (shk_measure_get_year_added (measure), ==, "R3");
      g_assert_true (shk_measure_get_counted (measure));
      for (guint e = 0; e < g_list_model_get_n_items (evaluations); e++)
        {
          g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, e);

          g_assert_false (shk_plan_measure_counts_in (plan, measure, evaluation));
        }
    }
}

/* A measure added in R3 with figures for H30 to R2 that would grade ◎:
 * not counted in H30/R3 or R1/R3 (nor R2/R2, R2/R3); once it is said to
 * be added in H29 (before the plan's first year) it counts everywhere. */
static void
test_year_added_new_measure (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkMeasure) measure = shk_measure_new (63);
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  g_autoptr(ShkSummary) before = shk_summary_new_for_plan (plan);
  g_autoptr(ShkSummary) after = NULL;
  g_autoptr(ShkSummary) counted = NULL;
  const char *years[] = { "H30", "R1", "R2", "R3" };

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      shk_indicator_set_target (indicator, years[y], 100);
      if (y < 3)
        shk_indicator_set_actual (indicator, years[y], 100);
    }
  shk_measure_append_indicator (measure, indicator);
  shk_measure_set_policy_number (measure, 1);
  shk_measure_set_year_added (measure, "R3");
  shk_plan_append_measure (plan, measure);

  g_assert_true (shk_plan_measure_too_new_for (plan, measure, shk_plan_find_evaluation (plan, "H30/R3")));
  g_assert_true (shk_plan_measure_too_new_for (plan, measure, shk_plan_find_evaluation (plan, "R1/R3")));
  after = shk_summary_new_for_plan (plan);
  for (guint c = 0; c < before->n_columns; c++)
    g_assert_cmpuint (after->columns[c].count[SHK_GRADE_ACHIEVED], ==,
                      before->columns[c].count[SHK_GRADE_ACHIEVED]);

  shk_measure_set_year_added (measure, "H29");
  counted = shk_summary_new_for_plan (plan);
  g_assert_cmpuint (find_column (counted, "H30/R3")->count[SHK_GRADE_ACHIEVED], ==,
                    find_column (before, "H30/R3")->count[SHK_GRADE_ACHIEVED] + 1);
  g_assert_cmpuint (find_column (counted, "R1/R3")->count[SHK_GRADE_ACHIEVED], ==,
                    find_column (before, "R1/R3")->count[SHK_GRADE_ACHIEVED] + 1);
}

static void
test_compare_years (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  int order = 99;

  g_assert_true (shk_plan_compare_years (plan, "H30", "R1", &order));
  g_assert_cmpint (order, <, 0);
  g_assert_true (shk_plan_compare_years (plan, "R3", "R3", &order));
  g_assert_cmpint (order, ==, 0);
  /* Outside the plan's years: still placed by the era. */
  g_assert_true (shk_plan_compare_years (plan, "R4", "H29", &order));
  g_assert_cmpint (order, >, 0);
  g_assert_false (shk_plan_compare_years (plan, "FY2030", "R1", &order));
}

/* Raising one process's hours raises the survey's total by as much; the
 * unlisted remainder (461 processes, 32,300 h) stays as it is. */
static void
test_survey_total_computed (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  ShkSurvey *survey = shk_plan_get_survey (plan);
  ShkProcess *process = shk_survey_find_process (survey, "p01");
  g_autoptr(ShkRanking) ranking = NULL;

  g_assert_cmpfloat (shk_survey_get_total_hours (survey), ==, 256400);
  g_assert_cmpuint (shk_survey_get_total_processes (survey), ==, 497);
  g_assert_cmpuint (shk_survey_get_unlisted_processes (survey), ==, 461);
  g_assert_cmpfloat (shk_survey_get_unlisted_hours (survey), ==, 32300);

  shk_process_set_hours (process, 64562 + 1000);
  g_assert_cmpfloat (shk_survey_get_total_hours (survey), ==, 257400);
  g_assert_cmpfloat (shk_survey_get_unlisted_hours (survey), ==, 32300);
  ranking = shk_ranking_new (survey);
  g_assert_cmpfloat (ranking->total_hours, ==, 257400);
  g_assert_cmpfloat (ranking->listed_hours, ==, 225100);
  g_assert_cmpfloat_with_epsilon (ranking->listed_share, 225100.0 / 257400.0, 1e-12);
  g_assert_cmpuint (ranking->remainder_processes, ==, 461);
  g_assert_cmpfloat (ranking->remainder_hours, ==, 32300);
}

/* A process that falls below 1,000 h is no longer listed: it counts in
 * the remainder, and the total does not change. */
static void
test_listing_threshold (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  ShkSurvey *survey = shk_plan_get_survey (plan);
  ShkProcess *process = shk_survey_find_process (survey, "p35");
  g_autoptr(ShkRanking) ranking = NULL;

  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1000);
  ranking = shk_ranking_new (survey);
  g_assert_cmpuint (ranking->n_processes, ==, 36);
  g_assert_cmpuint (shk_ranking_get_rank (ranking, process), >, 0);
  g_clear_pointer (&ranking, shk_ranking_free);

  shk_process_set_hours (process, 900);
  ranking = shk_ranking_new (survey);
  g_assert_cmpuint (ranking->n_processes, ==, 35);
  g_assert_cmpuint (shk_ranking_get_rank (ranking, process), ==, 0);
  g_assert_cmpuint (ranking->below_threshold_processes, ==, 1);
  g_assert_cmpfloat (ranking->below_threshold_hours, ==, 900);
  g_assert_cmpuint (ranking->remainder_processes, ==, 462);
  g_assert_cmpfloat (ranking->remainder_hours, ==, 32300 + 900);
  g_assert_cmpfloat (ranking->listed_hours, ==, 224100 - 1000);
  g_assert_cmpfloat (ranking->total_hours, ==, 256400 - 100);
  g_assert_cmpfloat (ranking->listed_hours + ranking->remainder_hours, ==, ranking->total_hours);
}

/* A file written before the remainder was kept gives only the totals:
 * the remainder is what they hold beyond the listed processes. */
static void
test_survey_old_file (void)
{
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autofree char *data = NULL;
  JsonObject *survey;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  survey = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "survey");
  json_object_remove_member (survey, "unlisted_processes");
  json_object_remove_member (survey, "unlisted_hours");
  data = json_to_string (json_parser_get_root (parser), TRUE);
  length = strlen (data);

  plan = shk_format_load_data (data, (gssize) length, "old.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shk_survey_get_unlisted_processes (shk_plan_get_survey (plan)), ==, 461);
  g_assert_cmpfloat (shk_survey_get_unlisted_hours (shk_plan_get_survey (plan)), ==, 32300);
  g_assert_cmpfloat (shk_survey_get_total_hours (shk_plan_get_survey (plan)), ==, 256400);
}

/* 資料1-3 §1-3: the published rows as printed; traced + not traceable =
 * published, row by row; and what cannot be traced is exactly the listed
 * processes without a category. */
static void
test_categories_traced (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  g_autoptr(ShkCategoryTable) table = shk_category_table_new (plan, ranking);
  static const struct { const char *name; guint count; double hours; guint traced; double traced_hours; } rows[] = {
    { "入力事務", 13, 30769, 9, 26283 },
    { "自動化事務", 5, 12252, 1, 3510 },
    { "データ分析と意思決定", 3, 19854, 3, 19854 },
    { "自動判断", 4, 73643, 4, 73643 },
    { "その他", 11, 87582, 0, 0 },
  };
  int untraced_count = 0;
  double untraced_hours = 0;

  g_assert_true (table->has_published);
  g_assert_cmpuint (table->rows->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const ShkCategoryRow *row = g_ptr_array_index (table->rows, i);

      g_assert_cmpstr (row->name, ==, rows[i].name);
      g_assert_cmpuint (row->published_count, ==, rows[i].count);
      g_assert_cmpfloat (row->published_hours, ==, rows[i].hours);
      g_assert_cmpuint (row->traced_count, ==, rows[i].traced);
      g_assert_cmpfloat (row->traced_hours, ==, rows[i].traced_hours);
      g_assert_cmpint (row->traced_count + row->untraced_count, ==, (int) row->published_count);
      g_assert_cmpfloat (row->traced_hours + row->untraced_hours, ==, row->published_hours);
      untraced_count += row->untraced_count;
      untraced_hours += row->untraced_hours;
    }
  g_assert_cmpuint (table->published_count, ==, 36);
  g_assert_cmpfloat (table->published_hours, ==, 224100);
  g_assert_cmpint (untraced_count, ==, (int) table->untraced_processes);
  g_assert_cmpfloat (untraced_hours, ==, table->untraced_process_hours);
  g_assert_cmpuint (table->untraced_processes, ==, 19);
  g_assert_cmpfloat (table->untraced_process_hours, ==, 100810);
}

/* 124 of the 126 printed progress rates agree with the figures; No.43②
 * H30 and No.52 R2 do not. */
static void
test_printed_rates (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GPtrArray) mismatches = shk_plan_list_printed_rate_mismatches (plan);
  ShkPrintedRateMismatch *m;

  g_assert_cmpuint (shk_plan_count_printed_rates (plan), ==, 126);
  g_assert_cmpuint (mismatches->len, ==, 2);

  m = g_ptr_array_index (mismatches, 0);
  g_assert_cmpuint (shk_measure_get_number (m->measure), ==, 43);
  g_assert_cmpuint (m->indicator_index, ==, 1);
  g_assert_cmpstr (m->year, ==, "H30");
  g_assert_cmpfloat (m->printed_pct, ==, 94.1);
  g_assert_cmpfloat_with_epsilon (m->computed_pct, 32.0 / 38.0 * 100, 1e-9);

  m = g_ptr_array_index (mismatches, 1);
  g_assert_cmpuint (shk_measure_get_number (m->measure), ==, 52);
  g_assert_cmpstr (m->year, ==, "R2");
  g_assert_cmpfloat (m->printed_pct, ==, 90.0);
  g_assert_cmpfloat_with_epsilon (m->computed_pct, 1 / 1.11 * 100, 1e-9);
}

static void
test_unrated_reasons (void)
{
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();

  g_assert_cmpint (shk_indicator_get_unrated_reason (indicator, "R2", "R3"), ==, SHK_UNRATED_NO_ACTUAL);
  shk_indicator_set_actual (indicator, "R2", 5);
  g_assert_cmpint (shk_indicator_get_unrated_reason (indicator, "R2", "R3"), ==, SHK_UNRATED_NO_TARGET);
  shk_indicator_set_target (indicator, "R3", 0);
  g_assert_cmpint (shk_indicator_get_unrated_reason (indicator, "R2", "R3"), ==, SHK_UNRATED_ZERO_TARGET);
  g_assert_true (shk_unrated_reason_is_rule (SHK_UNRATED_ZERO_TARGET));
  g_assert_nonnull (shk_unrated_reason_describe (SHK_UNRATED_ZERO_TARGET));

  shk_indicator_set_direction (indicator, SHK_DIRECTION_LOWER_IS_BETTER);
  shk_indicator_set_target (indicator, "R3", 3);
  g_assert_cmpint (shk_indicator_get_unrated_reason (indicator, "R2", "R3"), ==, SHK_UNRATED_NONE);
  shk_indicator_set_actual (indicator, "R2", 0);
  g_assert_cmpint (shk_indicator_get_unrated_reason (indicator, "R2", "R3"), ==, SHK_UNRATED_ZERO_ACTUAL);
  g_assert_false (shk_unrated_reason_is_rule (SHK_UNRATED_NO_ACTUAL));
  g_assert_null (shk_unrated_reason_describe (SHK_UNRATED_NONE));
}

static guint
count_kind (GPtrArray      *findings,
            ShkFindingKind  kind,
            guint           measure)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const ShkFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind && (measure == 0 || finding->measure == measure))
        n++;
    }
  return n;
}

static const ShkFinding *
find_finding (GPtrArray      *findings,
              ShkFindingKind  kind,
              guint           measure)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const ShkFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind && finding->measure == measure)
        return finding;
    }
  return NULL;
}

static void
test_audit_builtin (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GPtrArray) findings = shk_audit_run (plan);
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);
  const ShkFinding *finding;

  g_assert_cmpuint (count_kind (findings, SHK_FINDING_GRADE_DEPARTURE, 0), ==, departures->len);

  g_assert_cmpuint (count_kind (findings, SHK_FINDING_PRINTED_RATE, 0), ==, 2);
  finding = find_finding (findings, SHK_FINDING_PRINTED_RATE, 43);
  g_assert (finding != NULL);
  g_assert_cmpstr (finding->printed, ==, "94.1%");
  g_assert_cmpstr (finding->computed, ==, "84.2%");
  g_assert_cmpstr (finding->year, ==, "H30");
  finding = find_finding (findings, SHK_FINDING_PRINTED_RATE, 52);
  g_assert (finding != NULL);
  g_assert_cmpstr (finding->printed, ==, "90.0%");
  g_assert_cmpstr (finding->computed, ==, "90.1%");

  /* 入力事務, 自動化事務 and その他 cannot be fully traced. */
  g_assert_cmpuint (count_kind (findings, SHK_FINDING_UNTRACEABLE_CATEGORY, 0), ==, 3);

  /* No.31 and No.51 have grades in R2/R2 and R2/R3 that the footnote
   * leaves out of the counts. */
  g_assert_cmpuint (count_kind (findings, SHK_FINDING_YEAR_ADDED, 31), ==, 2);
  g_assert_cmpuint (count_kind (findings, SHK_FINDING_YEAR_ADDED, 51), ==, 2);
  g_assert_cmpuint (count_kind (findings, SHK_FINDING_YEAR_ADDED, 0), ==, 4);

  for (guint i = 0; i < findings->len; i++)
    {
      finding = g_ptr_array_index (findings, i);
      g_assert_nonnull (finding->message);
      g_assert_cmpstr (shk_finding_kind_to_key (finding->kind), !=, NULL);
    }
}

/* A zero target makes a measure unratable: the audit says where. */
static void
test_audit_not_rated (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  ShkMeasure *measure = shk_plan_find_measure (plan, 1, NULL);
  ShkIndicator *indicator = shk_measure_get_indicator (measure, 0);
  g_autoptr(GPtrArray) before = shk_audit_run (plan);
  g_autoptr(GPtrArray) after = NULL;
  const ShkFinding *finding;
  const char *reason;

  g_assert_cmpuint (count_kind (before, SHK_FINDING_NOT_RATED, 1), ==, 0);
  shk_indicator_set_target (indicator, "R3", 0);
  after = shk_audit_run (plan);
  /* H30/R3, R1/R3 and R2/R3 all rate against the R3 target. */
  g_assert_cmpuint (count_kind (after, SHK_FINDING_NOT_RATED, 1), ==, 3);
  finding = find_finding (after, SHK_FINDING_NOT_RATED, 1);
  g_assert (finding != NULL);
  g_assert_nonnull (finding->evaluation);
  reason = shk_unrated_reason_describe (SHK_UNRATED_ZERO_TARGET);
  g_assert (reason != NULL);
  g_assert_nonnull (strstr (finding->message, reason));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/year-added/r3-measures", test_year_added_excludes_r3_measures);
  g_test_add_func ("/audit/year-added/new-measure", test_year_added_new_measure);
  g_test_add_func ("/audit/year-added/compare-years", test_compare_years);
  g_test_add_func ("/audit/survey/total-computed", test_survey_total_computed);
  g_test_add_func ("/audit/survey/listing-threshold", test_listing_threshold);
  g_test_add_func ("/audit/survey/old-file", test_survey_old_file);
  g_test_add_func ("/audit/categories", test_categories_traced);
  g_test_add_func ("/audit/printed-rates", test_printed_rates);
  g_test_add_func ("/audit/unrated-reasons", test_unrated_reasons);
  g_test_add_func ("/audit/builtin", test_audit_builtin);
  g_test_add_func ("/audit/not-rated", test_audit_not_rated);

  return g_test_run ();
}
