/* test-grade-index.c — the incremental grades always equal a full grading
 *
 * A thousand random edits of the built-in plan (figures set and cleared,
 * directions turned, manual grades set and cleared, measures taken in and
 * out of the summary), and after each one the index's counts, grade lists
 * and departures are compared with what shk-rules computes from scratch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shk-format.h"
#include "shk-grade-index.h"

static const char * const years[] = { "H30", "R1", "R2", "R3" };
static const char * const evaluations[] = { "R2/R2", "H30/R3", "R1/R3", "R2/R3" };

static void
assert_list_equals (GListModel *list,
                    GPtrArray  *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (list, i);

      g_assert_true (measure == expected->pdata[i]);
    }
}

static void
assert_departures_equal (ShkGradeIndex *index,
                         ShkPlan       *plan)
{
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);
  GListModel *evaluation_list = shk_plan_get_evaluations (plan);

  for (guint e = 0; e < g_list_model_get_n_items (evaluation_list); e++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluation_list, e);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();

      for (guint i = 0; i < departures->len; i++)
        {
          ShkDeparture *departure = departures->pdata[i];

          if (departure->evaluation == evaluation)
            g_ptr_array_add (expected, departure->measure);
        }
      assert_list_equals (shk_grade_index_get_departures (index, e), expected);
    }
}

static void
assert_index_current (ShkGradeIndex *index,
                      ShkPlan       *plan)
{
  g_autoptr(ShkSummary) full = shk_summary_new_for_plan (plan);
  const ShkSummary *kept = shk_grade_index_get_summary (index);

  g_assert_cmpuint (kept->n_columns, ==, full->n_columns);
  for (guint e = 0; e < full->n_columns; e++)
    {
      g_assert_true (kept->columns[e].evaluation == full->columns[e].evaluation);
      g_assert_cmpuint (kept->columns[e].counted, ==, full->columns[e].counted);
      for (ShkGrade g = 0; g < SHK_N_GRADES; g++)
        {
          g_autoptr(GPtrArray) expected =
            shk_plan_list_measures_with_grade (plan, full->columns[e].evaluation, g, TRUE);

          g_assert_cmpuint (kept->columns[e].count[g], ==, full->columns[e].count[g]);
          assert_list_equals (shk_grade_index_get_measures_with_grade (index, e, g), expected);
        }
    }
  assert_departures_equal (index, plan);
}

static ShkIndicator *
random_indicator (GRand      *rand,
                  ShkMeasure *measure)
{
  GListModel *indicators = shk_measure_get_indicators (measure);
  guint n = g_list_model_get_n_items (indicators);

  if (n == 0)
    return NULL;
  return g_list_model_get_item (indicators, g_rand_int_range (rand, 0, n));
}

static void
random_edit (GRand      *rand,
             ShkMeasure *measure)
{
  g_autoptr(ShkIndicator) indicator = random_indicator (rand, measure);
  const char *year = years[g_rand_int_range (rand, 0, G_N_ELEMENTS (years))];
  const char *evaluation = evaluations[g_rand_int_range (rand, 0, G_N_ELEMENTS (evaluations))];

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0: case 1: case 2:
      if (indicator != NULL)
        shk_indicator_set_actual (indicator, year, g_rand_double_range (rand, 0, 200));
      break;
    case 3:
      if (indicator != NULL)
        shk_indicator_unset_actual (indicator, year);
      break;
    case 4:
      if (indicator != NULL)
        shk_indicator_set_target (indicator, year, g_rand_int_range (rand, 0, 3) == 0
                                                   ? 0.0 : g_rand_double_range (rand, 1, 150));
      break;
    case 5:
      if (indicator != NULL)
        shk_indicator_set_direction (indicator, g_rand_boolean (rand)
                                                ? SHK_DIRECTION_LOWER_IS_BETTER
                                                : SHK_DIRECTION_HIGHER_IS_BETTER);
      break;
    case 6:
      if (g_rand_boolean (rand))
        shk_measure_set_manual_grade (measure, evaluation,
                                      g_rand_int_range (rand, 0, SHK_N_GRADES), "試験");
      else
        shk_measure_clear_manual_grade (measure, evaluation);
      break;
    case 7:
      shk_measure_set_year_added (measure, g_rand_boolean (rand) ? year : NULL);
      break;
    default:
      shk_measure_set_counted (measure, !shk_measure_get_counted (measure));
      break;
    }
}

static void
test_random_edits (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkGradeIndex) index = shk_grade_index_new (plan);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  GListModel *measures = shk_plan_get_measures (plan);

  assert_index_current (index, plan);
  for (guint i = 0; i < 1000; i++)
    {
      guint n = g_list_model_get_n_items (measures);
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, g_rand_int_range (rand, 0, n));

      random_edit (rand, measure);
      assert_index_current (index, plan);
    }
}

static guint changes;

static void
count_change (void)
{
  changes++;
}

/* A measure removed and put back, an evaluation dropped, the thresholds
 * moved: the index notices, and its next answer is a full grading — in
 * the same list objects a view may hold. */
static void
test_structural_changes (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkGradeIndex) index = shk_grade_index_new (plan);
  GListModel *achieved = shk_grade_index_get_measures_with_grade (index, 3, SHK_GRADE_ACHIEVED);
  g_autoptr(ShkMeasure) first = g_list_model_get_item (shk_plan_get_measures (plan), 0);

  g_signal_connect_swapped (index, "changed", G_CALLBACK (count_change), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (achieved), ==, 35);

  shk_plan_remove_measure (plan, 0);
  g_assert_cmpuint (changes, >, 0);
  assert_index_current (index, plan);
  g_assert_true (shk_grade_index_get_measures_with_grade (index, 3, SHK_GRADE_ACHIEVED) == achieved);
  g_assert_cmpuint (shk_grade_index_get_grade (index, first, 3), ==, SHK_GRADE_NONE);

  shk_plan_insert_measure (plan, 0, first);
  assert_index_current (index, plan);
  g_assert_cmpuint (g_list_model_get_n_items (achieved), ==, 35);

  g_object_set (plan, "achieved-threshold", 100.0, NULL);
  assert_index_current (index, plan);
  g_assert_cmpuint (g_list_model_get_n_items (achieved), <, 35);
}

/* An edit that changes no grade says nothing: the dashboard does not
 * redraw for a typo corrected in a purpose text. */
static void
test_quiet_when_nothing_moves (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkGradeIndex) index = shk_grade_index_new (plan);
  g_autoptr(ShkMeasure) measure = g_list_model_get_item (shk_plan_get_measures (plan), 0);

  changes = 0;
  g_signal_connect_swapped (index, "changed", G_CALLBACK (count_change), NULL);
  shk_measure_set_purpose (measure, "目的を書き直した");
  g_assert_cmpuint (changes, ==, 0);
  assert_index_current (index, plan);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grade-index/random-edits", test_random_edits);
  g_test_add_func ("/grade-index/structural-changes", test_structural_changes);
  g_test_add_func ("/grade-index/quiet-when-nothing-moves", test_quiet_when_nothing_moves);

  return g_test_run ();
}
