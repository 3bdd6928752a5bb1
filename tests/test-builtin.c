/* test-builtin.c — the built-in Kagoshima document against the handouts
 *
 * The summary is computed from the figures and the manual grades; these
 * are the counts table (6) of 資料1-1 publishes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shk-format.h"
#include "shk-rules.h"
#include "shk-source-tables.h"

typedef struct
{
  const char *id;
  guint       achieved, mostly, lagging, pending, counted;
} ExpectedColumn;

static const ExpectedColumn handouts[] = {
  { "R2/R2",  42,  4, 4, 4, 54 },
  { "H30/R3", 27,  8, 9, 5, 49 },
  { "R1/R3",  30, 14, 4, 3, 51 },
  { "R2/R3",  35,  9, 7, 3, 54 },
};

static void
assert_column (const ShkSummaryColumn *column,
               const ExpectedColumn   *expected)
{
  g_assert_cmpstr (shk_evaluation_get_id (column->evaluation), ==, expected->id);
  g_assert_cmpuint (column->count[SHK_GRADE_ACHIEVED], ==, expected->achieved);
  g_assert_cmpuint (column->count[SHK_GRADE_MOSTLY], ==, expected->mostly);
  g_assert_cmpuint (column->count[SHK_GRADE_LAGGING], ==, expected->lagging);
  g_assert_cmpuint (column->count[SHK_GRADE_PENDING], ==, expected->pending);
  g_assert_cmpuint (column->counted, ==, expected->counted);
}

static void
test_summary_matches_handouts (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);

  g_assert_cmpuint (summary->n_columns, ==, G_N_ELEMENTS (handouts));
  for (guint i = 0; i < summary->n_columns; i++)
    assert_column (&summary->columns[i], &handouts[i]);
}

/* The counts are computed, not stored: a changed actual moves them. */
static void
test_summary_follows_figures (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkSummary) summary = NULL;
  ShkMeasure *measure = shk_plan_find_measure (plan, 1, NULL);
  ShkEvaluation *final = shk_plan_find_evaluation (plan, "R2/R3");
  ShkIndicator *indicator;
  ExpectedColumn changed = handouts[3];
  double old_actual;

  g_assert_nonnull (measure);
  g_assert_nonnull (final);
  g_assert_cmpint (shk_plan_get_effective_grade (plan, measure, final), ==,
                   SHK_GRADE_ACHIEVED);

  indicator = shk_measure_get_indicator (measure, 0);
  g_assert_true (shk_indicator_get_actual (indicator, "R2", &old_actual));
  shk_indicator_set_actual (indicator, "R2", 1000000);

  g_assert_cmpint (shk_plan_get_effective_grade (plan, measure, final), ==,
                   SHK_GRADE_LAGGING);
  changed.achieved--;
  changed.lagging++;
  summary = shk_summary_new_for_plan (plan);
  assert_column (&summary->columns[3], &changed);

  shk_indicator_set_actual (indicator, "R2", old_actual);
  g_clear_pointer (&summary, shk_summary_free);
  summary = shk_summary_new_for_plan (plan);
  assert_column (&summary->columns[3], &handouts[3]);
}

static void
test_departures_are_explained (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);

  /* The handouts depart from their own figures in a few places; each
   * departure carries the office's reason. */
  g_assert_cmpuint (departures->len, >, 0);
  for (guint i = 0; i < departures->len; i++)
    {
      ShkDeparture *departure = g_ptr_array_index (departures, i);

      g_assert_nonnull (departure->info.reason);
      g_assert_cmpstr (departure->info.reason, !=, "");
    }
}

/* The handouts' own tables travel with the plan, read through one place. */
static void
test_source_tables_are_kept (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  JsonObject *survey = shk_plan_get_source_table (plan, "citizen_survey");
  JsonObject *next_plan = shk_plan_get_source_table (plan, "next_plan");

  g_assert_nonnull (survey);
  g_assert_cmpint (json_object_get_int_member (survey, "sample_size"), ==, 3500);
  g_assert_cmpint (json_object_get_int_member (survey, "valid_responses"), ==, 1784);
  g_assert_nonnull (next_plan);
  g_assert_true (json_object_has_member (next_plan, "schedule"));
  g_assert_null (shk_plan_get_source_table (plan, "no_such_table"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/builtin/summary/handouts", test_summary_matches_handouts);
  g_test_add_func ("/builtin/summary/follows-figures", test_summary_follows_figures);
  g_test_add_func ("/builtin/departures", test_departures_are_explained);
  g_test_add_func ("/builtin/source-tables", test_source_tables_are_kept);

  return g_test_run ();
}
