/* test-handout-docs.c — the citizen survey (資料2-2), the AI/RPA findings
 * (資料1-3), the next plan (資料2-1) and the successor document, against
 * the handouts' own figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "shk-citizen-survey.h"
#include "shk-findings.h"
#include "shk-format.h"
#include "shk-next-plan.h"
#include "shk-plan-successor.h"
#include "shk-schedule-chart.h"
#include "shk-source-tables.h"
#include "shk-survey-chart.h"

static const ShkSurveyAnswer *
find_answer (const ShkSurveyQuestion *question,
             const char              *item)
{
  for (guint i = 0; i < question->answers->len; i++)
    {
      const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, i);

      if (g_str_equal (answer->item, item))
        return answer;
    }
  g_assert_not_reached ();
}

/* 3,500 sampled, 1,784 valid: 51 % as printed (50.97 %); the changes the
 * handout prints are the ones computed from its two columns. */
static void
test_citizen_survey_figures (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkCitizenSurvey) survey = shk_citizen_survey_new_for_plan (plan, &error);
  const ShkSurveyAnswer *answer;

  g_assert_no_error (error);
  g_assert_cmpuint (survey->sample_size, ==, 3500);
  g_assert_cmpuint (survey->valid_responses, ==, 1784);
  g_assert_cmpfloat_with_epsilon (survey->response_rate, 50.97, 0.005);
  g_assert_cmpfloat (round (survey->response_rate), ==, survey->response_rate_printed);
  g_assert_cmpfloat_with_epsilon (survey->e_application_rate, 6.66, 0.005);

  g_assert_cmpuint (survey->devices->answers->len, ==, 4);
  g_assert_cmpuint (survey->connections->answers->len, ==, 5);
  for (guint q = 0; q < 2; q++)
    {
      const ShkSurveyQuestion *question = q == 0 ? survey->devices : survey->connections;

      for (guint i = 0; i < question->answers->len; i++)
        {
          answer = g_ptr_array_index (question->answers, i);
          g_assert_cmpfloat_with_epsilon (answer->change, answer->change_printed, 1e-9);
        }
    }

  answer = find_answer (survey->devices, "スマートフォン型の携帯電話");
  g_assert_cmpfloat_with_epsilon (answer->change, 22.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (answer->gap, -0.8, 1e-9);
  answer = find_answer (survey->devices, "携帯電話（スマートフォン除く）");
  g_assert_cmpfloat_with_epsilon (answer->change, -25.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (answer->gap, -14.8, 1e-9);

  /* 87.5 %, 2.3 points below the national figure. */
  answer = g_ptr_array_index (survey->internet_use->answers, 0);
  g_assert_cmpfloat (answer->fy2, ==, 87.5);
  g_assert_cmpfloat_with_epsilon (answer->change, 11.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (answer->national, 89.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (answer->gap, -2.3, 1e-9);

  g_assert_cmpuint (survey->other_questions->len, ==, 7);
}

/* A plan without the table says so rather than showing zeros. */
static void
test_citizen_survey_missing (void)
{
  g_autoptr(ShkPlan) plan = shk_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkCitizenSurvey) survey = shk_citizen_survey_new_for_plan (plan, &error);
  g_autoptr(ShkNextPlan) next_plan = NULL;

  g_assert_null (survey);
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID);
  g_clear_error (&error);
  next_plan = shk_next_plan_new_for_plan (plan, &error);
  g_assert_null (next_plan);
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID);
}

/* 3 processes, 10,963 h; reductions 875, 2,343 and 4,300 h; the nursery
 * experiment's 9,213 h and 6,643 h; 8 procedures, 17,051 cases a year. */
static void
test_findings_sums (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);
  static const double reductions[] = { 875, 2343, 4300 };
  const ShkDemoExperiment *nursery;
  double by_section = 0;

  g_assert_cmpuint (findings->demo_results->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (((ShkDemoResult *) g_ptr_array_index (findings->demo_results, i))->reduction,
                       ==, reductions[i]);
  g_assert_cmpfloat (findings->demo_hours, ==, 10963);
  g_assert_cmpfloat (findings->demo_reduction, ==, 875 + 2343 + 4300);
  g_assert_cmpuint (findings->demo_sections, ==, 2);

  g_assert_cmpuint (findings->experiments->len, ==, 2);
  nursery = g_ptr_array_index (findings->experiments, 1);
  g_assert_cmpuint (nursery->n_processes, ==, 2);
  g_assert_cmpfloat (nursery->hours, ==, 9213);
  g_assert_cmpfloat (nursery->reduction, ==, 6643);
  g_assert_cmpuint (g_strv_length (nursery->issues), ==, 2);

  g_assert_cmpuint (findings->e_applications->len, ==, 8);
  g_assert_cmpfloat (findings->e_application_cases, ==, 17051);
  g_assert_cmpuint (findings->e_candidate_processes, ==, 32);

  g_assert_cmpuint (findings->businesses, ==, 236);
  g_assert_cmpstr (findings->survey_period, ==, "令和2年6月15日～7月17日");
  g_assert_cmpuint (findings->effects->len, ==, 6);

  /* The 課・係 table covers every listed process: 224,100 h. */
  for (guint i = 0; i < findings->by_section->len; i++)
    by_section += ((ShkSectionRow *) g_ptr_array_index (findings->by_section, i))->hours;
  g_assert_cmpfloat (by_section, ==, 224100);
}

/* 資料1-3 7-1 推進方針, as the seed prints it; without it (a plan of
 * one's own) there is none, rather than an empty one. */
static void
test_findings_promotion (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkPlan) empty = shk_plan_new ();
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);
  g_autoptr(ShkFindings) none = shk_findings_new_for_plan (empty);
  const ShkPromotionPolicy *policy = findings->promotion;
  g_autofree char *upper = NULL, *lower = NULL;

  g_assert_nonnull (policy);
  g_assert_cmpstr (policy->heading, ==, "AI・RPA等の活用による業務効率化等の推進方針");
  g_assert_cmpstr (policy->subheading, ==, "推進方針");
  g_assert_cmpstr (policy->goal, ==, "業務効率化・市民サービスの向上");
  g_assert_cmpstr (policy->scope_label, ==, "本書の範囲");
  g_assert_cmpstr (policy->scope, ==, "調査業務（AI・RPA等活用への課題整理）");
  g_assert_nonnull (strstr (policy->note, "総務省 令和2年12月25日"));
  g_assert_cmpuint (g_strv_length (policy->paragraphs), ==, 2);
  g_assert_true (g_str_has_prefix (policy->paragraphs[0], "調査等を行い、効果の想定や導入への課題を整理し"));
  g_assert_nonnull (strstr (policy->paragraphs[1], "17業務の自治体情報システムが2025年度を目標に標準化"));

  upper = shk_promotion_policy_format_row (policy, policy->standardisation, FALSE);
  lower = shk_promotion_policy_format_row (policy, policy->ai_rpa, TRUE);
  g_assert_cmpstr (upper, ==, "自治体DX推進計画（情報システムの標準化） → "
                              "標準準拠システム構築(業務プロセスの標準化) → 業務効率化・市民サービスの向上");
  g_assert_cmpstr (lower, ==, "［本書の範囲］調査業務（AI・RPA等活用への課題整理） → AI・RPA等の活用 → "
                              "業務効率化・市民サービスの向上");

  g_assert_null (none->promotion);
  g_assert_null (none->further);
  g_assert_null (none->effects_conclusion);
}

/* 5.'s closing sentences and the second 5-2, with its five issues and
 * their remedies (the bracketed line part of the last one's). */
static void
test_findings_further (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);
  const ShkFurtherMeasures *further = findings->further;
  static const guint remedies[] = { 2, 2, 1, 1, 5 };
  const ShkFurtherRow *last;

  g_assert_true (g_str_has_suffix (findings->effects_conclusion, "相乗的効果が期待される。"));
  g_assert_true (g_str_has_prefix (findings->demo_conclusion, "実証実験により、"));
  g_assert_nonnull (further);
  g_assert_cmpstr (further->heading, ==, "更なる業務効率化を進めるための検討事項");
  g_assert_cmpstr (further->issue_heading, ==, "顕在化した事項");
  g_assert_cmpstr (further->remedy_heading, ==, "改善策の例");
  g_assert_cmpuint (further->rows->len, ==, G_N_ELEMENTS (remedies));
  for (guint i = 0; i < further->rows->len; i++)
    g_assert_cmpuint (g_strv_length (((ShkFurtherRow *) g_ptr_array_index (further->rows, i))->remedies),
                      ==, remedies[i]);
  last = g_ptr_array_index (further->rows, 4);
  g_assert_cmpstr (last->remedies[4], ==, "既存システムの改修（ミスの軽減、入力負担を軽減できる仕組みに改修）");
  g_assert_cmpuint (g_strv_length (further->closing), ==, 2);
  g_assert_true (g_str_has_prefix (further->closing[0], "定量効果の棚卸調査から"));
}

/* Parts of the wrong shape are left out or read as empty, never half
 * read: a heading that is a number, rows that are not objects. */
static void
test_findings_hostile_parts (void)
{
  static const char *const document =
    "{\"format\": \"shinchoku-plan\", \"version\": 2, \"fiscal_years\": [{\"id\": \"R2\"}],"
    " \"source_tables\": {\"ai_rpa_processes\": {"
    "  \"promotion_policy_7_1\": {\"heading\": 7, \"paragraphs\": [1, null]},"
    "  \"effects_5_1_conclusion\": [\"x\"],"
    "  \"further_measures_5_2\": {\"heading\": null, \"columns\": [3],"
    "    \"rows\": [1, {\"issue\": 2, \"remedies\": \"r\"}, {\"issue\": \"課題\"}]}}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (document, -1, NULL, &error);
  g_autoptr(ShkFindings) findings = NULL;
  const ShkFurtherRow *row;

  g_assert_no_error (error);
  findings = shk_findings_new_for_plan (plan);
  g_assert_null (findings->promotion);
  g_assert_null (findings->effects_conclusion);
  g_assert_nonnull (findings->further);
  g_assert_null (findings->further->heading);
  g_assert_null (findings->further->issue_heading);
  g_assert_cmpuint (findings->further->rows->len, ==, 2);
  row = g_ptr_array_index (findings->further->rows, 0);
  g_assert_null (row->issue);
  g_assert_cmpuint (g_strv_length (row->remedies), ==, 0);
  row = g_ptr_array_index (findings->further->rows, 1);
  g_assert_cmpstr (row->issue, ==, "課題");
  g_assert_cmpuint (g_strv_length (findings->further->closing), ==, 0);
}

/* Raising a listed process's hours raises its section's row. */
static void
test_findings_follow_edits (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  ShkSurvey *survey = shk_plan_get_survey (plan);
  g_autoptr(ShkProcess) process = g_list_model_get_item (shk_survey_get_processes (survey), 0);
  g_autoptr(ShkFindings) before = shk_findings_new_for_plan (plan);
  g_autoptr(ShkFindings) after = NULL;
  const ShkSectionRow *first;

  shk_process_set_hours (process, shk_process_get_hours (process) + 1000);
  after = shk_findings_new_for_plan (plan);
  first = g_ptr_array_index (after->by_section, 0);
  g_assert_cmpstr (first->section, ==, shk_process_get_section (process));
  g_assert_cmpfloat (first->hours, ==,
                     ((ShkSectionRow *) g_ptr_array_index (before->by_section, 0))->hours + 1000);
  g_assert_cmpfloat (after->total_hours, ==, before->total_hours + 1000);
}

/* The schedule: four items in R3's months, the public comment a period
 * from December to January, the plan done in March 2022. */
static void
test_next_plan_schedule (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkNextPlan) next_plan = shk_next_plan_new_for_plan (plan, &error);
  const ShkScheduleItem *item;
  ShkMonth first, last, december;

  g_assert_no_error (error);
  g_assert_cmpstr (next_plan->period_first, ==, "R4");
  g_assert_cmpstr (next_plan->period_last, ==, "R8");
  g_assert_cmpuint (next_plan->schedule->len, ==, 4);
  g_assert_cmpuint (next_plan->history_years->len, ==, 9);
  g_assert_cmpuint (g_array_index (next_plan->history_years, guint, 0), ==, 1998);
  g_assert_cmpuint (g_strv_length (next_plan->cio_duties), ==, 3);

  item = g_ptr_array_index (next_plan->schedule, 0);
  g_assert_cmpint (item->kind, ==, SHK_SCHEDULE_MEETINGS);
  g_assert_cmpuint (item->months->len, ==, 4);
  item = g_ptr_array_index (next_plan->schedule, 2);
  g_assert_cmpint (item->kind, ==, SHK_SCHEDULE_PERIOD);
  g_assert_true (shk_month_parse ("2021-12", &december));
  g_assert_true (shk_schedule_item_in_month (item, december));
  g_assert_true (shk_schedule_item_in_month (item, december + 1));
  g_assert_false (shk_schedule_item_in_month (item, december + 2));
  item = g_ptr_array_index (next_plan->schedule, 3);
  g_assert_cmpint (item->kind, ==, SHK_SCHEDULE_MILESTONE);

  g_assert_true (shk_schedule_chart_get_span (next_plan, &first, &last));
  g_assert_cmpuint (shk_month_year (first), ==, 2021);
  g_assert_cmpuint (shk_month_number (first), ==, 4);
  g_assert_cmpuint (shk_month_year (last), ==, 2022);
  g_assert_cmpuint (shk_month_number (last), ==, 3);
  g_assert_true (next_plan->has_meeting_month);
  g_assert_cmpuint (shk_month_number (next_plan->meeting_month), ==, 6);
}

/* Both charts draw something other than the background at several sizes
 * and describe themselves. */
static void
test_charts_draw (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkCitizenSurvey) survey = shk_citizen_survey_new_for_plan (plan, NULL);
  g_autoptr(ShkNextPlan) next_plan = shk_next_plan_new_for_plan (plan, NULL);
  const ShkSurveyChart survey_chart = { .title = "survey", .survey = survey };
  const ShkScheduleChart schedule_chart = { .title = "schedule", .next_plan = next_plan };
  static const int sizes[][2] = { { 640, 360 }, { 1280, 720 }, { 3840, 2160 } };
  g_autofree char *survey_text = shk_survey_chart_describe (&survey_chart);
  g_autofree char *schedule_text = shk_schedule_chart_describe (&schedule_chart);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint k = 0; k < 2; k++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               sizes[s][0], sizes[s][1]);
        cairo_t *cr = cairo_create (surface);
        guint32 *pixels, background;
        int stride;
        gsize differing = 0;

        if (k == 0)
          shk_survey_chart_draw (cr, sizes[s][0], sizes[s][1], &survey_chart);
        else
          shk_schedule_chart_draw (cr, sizes[s][0], sizes[s][1], &schedule_chart);
        cairo_surface_flush (surface);
        pixels = (guint32 *) cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface) / 4;
        background = pixels[0];
        for (int y = 0; y < sizes[s][1]; y++)
          for (int x = 0; x < sizes[s][0]; x++)
            differing += pixels[y * stride + x] != background;
        g_assert_cmpuint (differing, >, (gsize) sizes[s][0] * sizes[s][1] / 50);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  g_assert_nonnull (strstr (survey_text, "87.5%"));
  g_assert_nonnull (strstr (survey_text, "89.8%"));
  g_assert_nonnull (strstr (schedule_text, "パブリックコメント"));
}

static void
test_successor_years (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = shk_successor_parse_years ("R4-R8", &error);
  g_auto(GStrv) across = shk_successor_parse_years ("H30–R2", &error);
  g_auto(GStrv) backwards = NULL;
  g_autofree char *first = shk_successor_year_label ("R1");
  g_autofree char *label = shk_successor_year_label ("R4");

  g_assert_no_error (error);
  g_assert_cmpstrv (ids, ((const char *[]) { "R4", "R5", "R6", "R7", "R8", NULL }));
  g_assert_cmpstrv (across, ((const char *[]) { "H30", "R1", "R2", NULL }));
  g_assert_cmpstr (first, ==, "令和元年度");
  g_assert_cmpstr (label, ==, "令和4年度");

  backwards = shk_successor_parse_years ("R8-R4", &error);
  g_assert_null (backwards);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_null (shk_successor_parse_years ("next year", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

/* The successor of the built-in plan: the last actual of each indicator
 * as its baseline, no targets, no grades; it saves, reopens the same and
 * names its predecessor. */
static void
test_successor_document (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GArray) measures = g_array_new (FALSE, FALSE, sizeof (guint));
  ShkSuccessorOptions options = { .years = "R4-R8", .measures = measures };
  g_autoptr(ShkPlan) next = NULL;
  g_autoptr(ShkPlan) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL, *again = NULL;
  g_auto(GStrv) manual = NULL;
  ShkMeasure *measure;
  ShkIndicator *indicator;
  const char *year = NULL;
  double value = 0, old;

  g_array_append_vals (measures, (guint[]) { 1, 22, 52 }, 3);
  next = shk_plan_successor_new (plan, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_measures (next)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_fiscal_years (next)), ==, 5);
  g_assert_cmpstr (shk_plan_get_previous_plan (next), ==, shk_plan_get_title (plan));

  measure = shk_plan_find_measure (next, 1, NULL);
  indicator = shk_measure_get_indicator (measure, 0);
  g_assert_true (shk_indicator_get_baseline (indicator, &year, &value));
  g_assert_cmpstr (year, ==, "R2");
  g_assert_true (shk_indicator_get_actual (shk_measure_get_indicator (shk_plan_find_measure (plan, 1, NULL), 0),
                                           "R2", &old));
  g_assert_cmpfloat (value, ==, old);
  for (guint y = 4; y <= 8; y++)
    {
      g_autofree char *id = g_strdup_printf ("R%u", y);

      g_assert_false (shk_indicator_get_target (indicator, id, &value));
      g_assert_false (shk_indicator_get_actual (indicator, id, &value));
    }
  manual = shk_measure_dup_manual_grade_ids (measure);
  g_assert_cmpuint (g_strv_length (manual), ==, 0);
  /* Lower-is-better stays so. */
  g_assert_cmpint (shk_indicator_get_direction (shk_measure_get_indicator (shk_plan_find_measure (next, 52, NULL), 0)),
                   ==, SHK_DIRECTION_LOWER_IS_BETTER);

  data = shk_format_to_data (next, NULL);
  reopened = shk_format_load_data (data, -1, "next.json", &error);
  g_assert_no_error (error);
  again = shk_format_to_data (reopened, NULL);
  g_assert_cmpstr (data, ==, again);
  g_assert_nonnull (strstr (data, "\"previous_plan\": "));
  g_assert_nonnull (strstr (data, "\"baseline\": {"));
  g_assert_null (shk_plan_get_source_table (reopened, "citizen_survey"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citizen-survey/figures", test_citizen_survey_figures);
  g_test_add_func ("/citizen-survey/missing", test_citizen_survey_missing);
  g_test_add_func ("/findings/sums", test_findings_sums);
  g_test_add_func ("/findings/follow-edits", test_findings_follow_edits);
  g_test_add_func ("/findings/promotion", test_findings_promotion);
  g_test_add_func ("/findings/further", test_findings_further);
  g_test_add_func ("/findings/hostile-parts", test_findings_hostile_parts);
  g_test_add_func ("/next-plan/schedule", test_next_plan_schedule);
  g_test_add_func ("/charts/draw", test_charts_draw);
  g_test_add_func ("/successor/years", test_successor_years);
  g_test_add_func ("/successor/document", test_successor_document);

  status = g_test_run ();

  /* The font map keeps fontconfig's patterns; dropping it lets a leak
   * checker report only real leaks. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
