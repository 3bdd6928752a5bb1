/* test-edit-typed.c — edits from what the staff type, in the core
 *
 * The views pass the text of a cell or field as typed; these edits read
 * it, check it and apply it as one undo entry, or refuse it with the
 * message the view shows, leaving the model and the history as they
 * were. Each is checked: it applies, undo restores, the refusals say
 * what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "shk-edit.h"
#include "shk-edit-measure.h"
#include "shk-edit-process.h"
#include "shk-edit-scenario.h"
#include "shk-payback.h"

/* ------------------------------------------------------------------ */
/* Measures                                                            */

static ShkMeasure *
make_measure (guint n_indicators)
{
  ShkMeasure *measure = shk_measure_new (7);

  for (guint i = 0; i < n_indicators; i++)
    {
      g_autoptr(ShkIndicator) indicator = shk_indicator_new ();

      shk_indicator_set_unit (indicator, "件");
      shk_indicator_set_target (indicator, "R3", 100);
      shk_measure_append_indicator (measure, indicator);
    }
  return measure;
}

static void
test_indicator_value_text (void)
{
  g_autoptr(ShkMeasure) measure = make_measure (2);
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(GError) error = NULL;
  ShkIndicator *second = shk_measure_get_indicator (measure, 1);
  double value = 0;

  /* Typed as staff type it, with the unit; the label names the cell. */
  g_assert_true (shk_edit_indicator_value_text (stack, measure, 1, SHK_VALUE_ACTUAL, "R2",
                                                " １，２３４件 ", &error));
  g_assert_no_error (error);
  g_assert_true (shk_indicator_get_actual (second, "R2", &value));
  g_assert_cmpfloat (value, ==, 1234);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Edit No.7 R2 actual, indicator 2");

  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_indicator_get_actual (second, "R2", NULL));
  g_assert_true (shk_undo_stack_redo (stack));

  /* Emptied: no figure, which is not 0; undo brings the 1,234 back. */
  g_assert_true (shk_edit_indicator_value_text (stack, measure, 1, SHK_VALUE_ACTUAL, "R2", "", NULL));
  g_assert_false (shk_indicator_get_actual (second, "R2", NULL));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_indicator_get_actual (second, "R2", &value));
  g_assert_cmpfloat (value, ==, 1234);

  /* Not a number: the message names the cell, nothing changes. */
  g_assert_false (shk_edit_indicator_value_text (stack, measure, 1, SHK_VALUE_TARGET, "R3",
                                                 "abc", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "No.7 R3 target, indicator 2: “abc” is not a number");
  g_assert_true (shk_indicator_get_target (second, "R3", &value));
  g_assert_cmpfloat (value, ==, 100);
  g_assert_cmpstr (shk_undo_stack_get_redo_label (stack), ==, "Edit No.7 R2 actual, indicator 2");
}

static void
test_cell_name (void)
{
  g_autoptr(ShkMeasure) one = make_measure (1);
  g_autofree char *single = shk_edit_dup_value_cell_name (one, 0, SHK_VALUE_TARGET, "R2");

  g_assert_cmpstr (single, ==, "No.7 R2 target");
}

static void
test_manual_grade_keep_reason (void)
{
  g_autoptr(ShkMeasure) measure = make_measure (1);
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  const char *reason = NULL;
  ShkGrade grade = SHK_GRADE_NONE;

  shk_measure_set_manual_grade (measure, "R2/R3", SHK_GRADE_MOSTLY, "遅れを考慮");

  /* A new grade keeps the reason given. */
  shk_edit_manual_grade_keep_reason (stack, measure, "R2/R3", TRUE, SHK_GRADE_ACHIEVED);
  g_assert_true (shk_measure_get_manual_grade (measure, "R2/R3", &grade, &reason));
  g_assert_cmpint (grade, ==, SHK_GRADE_ACHIEVED);
  g_assert_cmpstr (reason, ==, "遅れを考慮");
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Set the R2/R3 grade of No.7");

  /* The same grade again is no edit. */
  shk_edit_manual_grade_keep_reason (stack, measure, "R2/R3", TRUE, SHK_GRADE_ACHIEVED);
  shk_edit_manual_grade_keep_reason (stack, measure, "R2/R3", FALSE, SHK_GRADE_NONE);
  g_assert_false (shk_measure_get_manual_grade (measure, "R2/R3", NULL, NULL));
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Use the computed R2/R3 grade of No.7");

  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_true (shk_measure_get_manual_grade (measure, "R2/R3", &grade, &reason));
  g_assert_cmpint (grade, ==, SHK_GRADE_MOSTLY);
  g_assert_cmpstr (reason, ==, "遅れを考慮");
}

/* Moved to another policy, a measure comes last in it, in one undo step
 * named after it; moving it where it is changes nothing. */
static void
test_move_to_policy (void)
{
  g_autoptr(ShkPlan) plan = shk_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkMeasure *moved;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ShkMeasure) measure = make_measure (1);

      shk_measure_set_policy_number (measure, i == 0 ? 1 : 2);
      shk_measure_set_index_in_policy (measure, i == 0 ? 1 : i);
      shk_plan_append_measure (plan, measure);
    }
  moved = g_list_model_get_item (shk_plan_get_measures (plan), 0);
  g_object_unref (moved);   /* the plan keeps it */

  shk_edit_measure_move_to_policy (stack, plan, moved, 1);
  g_assert_false (shk_undo_stack_can_undo (stack));

  shk_edit_measure_move_to_policy (stack, plan, moved, 2);
  g_assert_cmpuint (shk_measure_get_policy_number (moved), ==, 2);
  g_assert_cmpuint (shk_measure_get_index_in_policy (moved), ==, 3);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Move No.7 to another policy");

  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_cmpuint (shk_measure_get_policy_number (moved), ==, 1);
  g_assert_cmpuint (shk_measure_get_index_in_policy (moved), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Processes                                                           */

static void
test_process_hours (void)
{
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *too_many = shk_format_number (SHK_PROCESS_MAX_HOURS_PER_YEAR * 2);
  g_autofree char *at_limit = shk_format_number (SHK_PROCESS_MAX_HOURS_PER_YEAR);

  shk_process_set_name (process, "窓口受付");
  shk_process_set_hours (process, 500);

  g_assert_true (shk_edit_process_cell (stack, process, "hours", "1,200 h", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1200);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Edit hours of “窓口受付”");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 500);
  g_assert_true (shk_undo_stack_redo (stack));

  /* The limit itself is allowed; above it is refused. */
  g_assert_true (shk_process_parse_hours (at_limit, NULL, NULL));
  g_assert_false (shk_edit_process_cell (stack, process, "hours", too_many, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "That is more hours than a city works in a year");
  g_clear_error (&error);

  g_assert_false (shk_edit_process_cell (stack, process, "hours", "-5", &error));
  g_assert_cmpstr (error->message, ==, "Hours cannot be negative");
  g_clear_error (&error);

  g_assert_false (shk_edit_process_cell (stack, process, "expected-reduction", "lots", &error));
  g_assert_cmpstr (error->message, ==, "“lots” is not a number of hours: enter digits such as 1,234");
  g_clear_error (&error);

  g_assert_false (shk_edit_process_cell (stack, process, "name", "  ", &error));
  g_assert_cmpstr (error->message, ==, "A process needs a name");
  g_clear_error (&error);

  /* None of the refusals changed anything or recorded anything. */
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1200);
  g_assert_false (shk_process_get_expected_reduction (process, NULL));
  g_assert_cmpstr (shk_process_get_name (process), ==, "窓口受付");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
}

static void
test_process_reduction_name_priority (void)
{
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  double value = 0;

  shk_process_set_name (process, "照合");

  /* Absent → 300 → absent again, through undo. */
  g_assert_true (shk_edit_process_cell (stack, process, "expected-reduction", "300", NULL));
  g_assert_true (shk_process_get_expected_reduction (process, &value));
  g_assert_cmpfloat (value, ==, 300);
  g_assert_true (shk_edit_process_cell (stack, process, "expected-reduction", "", NULL));
  g_assert_false (shk_process_get_expected_reduction (process, NULL));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_process_get_expected_reduction (process, &value));
  g_assert_cmpfloat (value, ==, 300);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_process_get_expected_reduction (process, NULL));

  g_assert_true (shk_edit_process_cell (stack, process, "name", " 照合作業 ", NULL));
  g_assert_cmpstr (shk_process_get_name (process), ==, "照合作業");
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Rename “照合”");

  shk_edit_process_priority (stack, process, SHK_PRIORITY_HIGH);
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_HIGH);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_UNSET);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpstr (shk_process_get_name (process), ==, "照合");
}

/* ------------------------------------------------------------------ */
/* Scenarios                                                           */

/* A plan with one scenario over R2–R6: a 10,000,000 yen introduction in
 * R2 and 1,000,000 a year after; 1,000 hours saved at 2,566 yen. */
static ShkPlan *
make_scenario_plan (ShkScenario **scenario_out)
{
  static const char *years[] = { "R2", "R3", "R4", "R5", "R6", NULL };
  ShkPlan *plan = shk_plan_new ();
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("想定①");
  g_autoptr(ShkCostItem) intro = shk_cost_item_new ("導入", 5);
  g_autoptr(ShkCostItem) running = shk_cost_item_new ("運用", 5);

  shk_scenario_set_years (scenario, years);
  shk_scenario_set_hourly_rate (scenario, 2566);
  shk_scenario_set_hours_saved (scenario, 1000);
  shk_scenario_set_savings_start (scenario, 1);
  shk_scenario_set_first_year_months (scenario, 8);
  shk_cost_item_set_amount (intro, 0, 10000000);
  for (guint y = 1; y < 5; y++)
    shk_cost_item_set_amount (running, y, 1000000);
  shk_scenario_append_cost_item (scenario, intro);
  shk_scenario_append_cost_item (scenario, running);
  shk_plan_append_scenario (plan, scenario);
  *scenario_out = scenario;   /* the plan keeps it */
  return plan;
}

static ShkCostItem *
item_at (ShkScenario *scenario,
         guint        index)
{
  g_autoptr(ShkCostItem) item = g_list_model_get_item (shk_scenario_get_cost_items (scenario), index);

  return item;   /* the scenario keeps it */
}

static void
test_scenario_months (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkScenario *scenario;
  g_autoptr(ShkPlan) plan = make_scenario_plan (&scenario);
  gboolean changes = TRUE;

  /* 13 months are refused, by the one check the engine uses too. */
  g_assert_false (shk_edit_scenario_check_field (plan, scenario, "first-year-months", "13",
                                                 &changes, &error));
  g_assert_false (changes);
  g_assert_cmpstr (error->message, ==, "Months in the first year of savings must be between 0 and 12, not 13");
  g_clear_error (&error);
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "first-year-months", "13", &error));
  g_assert_false (shk_payback_check_first_year_months (13, NULL));
  g_assert_true (shk_payback_check_first_year_months (SHK_PAYBACK_MONTHS_PER_YEAR, NULL));
  g_clear_error (&error);
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "first-year-months", "2.5", &error));
  g_assert_cmpstr (error->message, ==, "Months in that year: enter a whole number");
  g_clear_error (&error);
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 8);
  g_assert_false (shk_undo_stack_can_undo (stack));

  /* Checking changes nothing; applying does, and undo restores. */
  g_assert_true (shk_edit_scenario_check_field (plan, scenario, "first-year-months", "１２か月",
                                                &changes, NULL));
  g_assert_true (changes);
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 8);
  g_assert_true (shk_edit_scenario_field (stack, plan, scenario, "first-year-months", "１２か月", NULL));
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 12);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Edit months of “想定①”");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 8);

  /* The value it has is no change. */
  g_assert_true (shk_edit_scenario_check_number (plan, scenario, "first-year-months", 8,
                                                 &changes, NULL));
  g_assert_false (changes);
}

static void
test_scenario_rate_hours_discount (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkScenario *scenario;
  g_autoptr(ShkPlan) plan = make_scenario_plan (&scenario);
  double hours = 0;

  g_assert_true (shk_edit_scenario_field (stack, plan, scenario, "hourly-rate", "3,000円", NULL));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 3000);

  /* The engine's own message. */
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "hourly-rate", "-5", &error));
  g_assert_cmpstr (error->message, ==, "Hourly rate must not be negative");
  g_clear_error (&error);
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "hourly-rate", "lots", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Hourly rate: “lots” is not a number; type digits such as 2,566");
  g_clear_error (&error);

  g_assert_true (shk_edit_scenario_field (stack, plan, scenario, "discount-rate", "2.5%", NULL));
  g_assert_cmpfloat_with_epsilon (shk_scenario_get_discount_rate (scenario), 0.025, 1e-12);
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "discount-rate", "150", &error));
  g_clear_error (&error);

  /* Hours saved: typed → none (the linked processes) → typed, by undo. */
  g_assert_true (shk_edit_scenario_field (stack, plan, scenario, "hours-saved", "1,500h", NULL));
  g_assert_true (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (hours, ==, 1500);
  shk_edit_scenario_hours_saved (stack, scenario, FALSE, 0);
  g_assert_false (shk_scenario_get_hours_saved (scenario, NULL));
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Edit hours saved of “想定①”");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (hours, ==, 1500);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (hours, ==, 1000);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2566);
  g_assert_cmpfloat (shk_scenario_get_discount_rate (scenario), ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));

  /* Names: an empty one is refused. */
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "name", "  ", &error));
  g_assert_cmpstr (error->message, ==, "Name: a scenario needs a name");
  g_clear_error (&error);
  g_assert_true (shk_edit_scenario_field (stack, plan, scenario, "name", " 想定② ", NULL));
  g_assert_cmpstr (shk_scenario_get_name (scenario), ==, "想定②");
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Rename “想定①”");
}

static void
test_scenario_costs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkScenario *scenario;
  g_autoptr(ShkPlan) plan = make_scenario_plan (&scenario);
  ShkCostItem *running = item_at (scenario, 1);
  gboolean changes = FALSE;

  /* One amount over a run of years, one undo step. */
  g_assert_true (shk_edit_scenario_check_cost (plan, scenario, 1, 2, 4, "1,200,000", &changes, NULL));
  g_assert_true (changes);
  g_assert_cmpfloat (shk_cost_item_get_amount (running, 2), ==, 1000000);
  g_assert_true (shk_edit_scenario_cost (stack, plan, scenario, 1, 2, 4, "1,200,000", NULL));
  for (guint y = 2; y < 5; y++)
    g_assert_cmpfloat (shk_cost_item_get_amount (running, y), ==, 1200000);
  g_assert_cmpfloat (shk_cost_item_get_amount (running, 1), ==, 1000000);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Edit “運用” costs");
  g_assert_true (shk_undo_stack_undo (stack));
  for (guint y = 1; y < 5; y++)
    g_assert_cmpfloat (shk_cost_item_get_amount (running, y), ==, 1000000);

  /* An emptied cell is no cost. */
  g_assert_true (shk_edit_scenario_cost (stack, plan, scenario, 1, 3, 3, "", NULL));
  g_assert_cmpfloat (shk_cost_item_get_amount (running, 3), ==, 0);
  g_assert_true (shk_undo_stack_undo (stack));

  g_assert_false (shk_edit_scenario_cost (stack, plan, scenario, 1, 2, 2, "-1", &error));
  g_assert_cmpstr (error->message, ==, "Cost in year 3 must not be negative");
  g_clear_error (&error);
  g_assert_false (shk_edit_scenario_cost (stack, plan, scenario, 1, 2, 2, "abc", &error));
  g_assert_cmpstr (error->message, ==, "運用, R4: “abc” is not a number; type digits such as 2,566");
  g_clear_error (&error);
  g_assert_false (shk_edit_scenario_cost (stack, plan, scenario, 5, 0, 0, "1", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (shk_undo_stack_can_undo (stack));

  /* Moving a cost item, and back by undo. */
  shk_edit_move_cost_item (stack, scenario, 1, 0);
  g_assert_true (item_at (scenario, 0) == running);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Move cost item “運用”");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (item_at (scenario, 1) == running);
  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_true (item_at (scenario, 0) == running);
}

static void
test_scenario_horizon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkScenario *scenario;
  g_autoptr(ShkPlan) plan = make_scenario_plan (&scenario);
  ShkCostItem *running = item_at (scenario, 1);
  g_auto(GStrv) fy = shk_scenario_generate_years ("FY07", 3, NULL);
  const char *fy_expected[] = { "FY07", "FY08", "FY09", NULL };

  g_assert_true (g_strv_equal ((const char * const *) fy, fy_expected));
  g_assert_null (shk_scenario_generate_years ("Heisei", 3, &error));
  g_clear_error (&error);

  /* Two years: the later amounts go, the first year of savings stays
   * inside; undo brings the amounts back. */
  shk_scenario_set_savings_start (scenario, 3);
  g_assert_true (shk_edit_scenario_field (stack, plan, scenario, "n-years", "2年", NULL));
  g_assert_cmpuint (shk_scenario_get_n_years (scenario), ==, 2);
  g_assert_cmpuint (shk_scenario_get_savings_start (scenario), ==, 1);
  g_assert_cmpstr (shk_scenario_get_years (scenario)[1], ==, "R3");
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Change years of “想定①”");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (shk_scenario_get_n_years (scenario), ==, 5);
  g_assert_cmpuint (shk_scenario_get_savings_start (scenario), ==, 3);
  for (guint y = 1; y < 5; y++)
    g_assert_cmpfloat (shk_cost_item_get_amount (running, y), ==, 1000000);

  /* The engine's limit on years; a fraction is refused. */
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "n-years", "65", &error));
  g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "n-years", "2.5", &error));
  g_clear_error (&error);

  /* A new first year renames them all. */
  g_assert_true (shk_edit_scenario_field (stack, plan, scenario, "first-year", "2021", NULL));
  g_assert_cmpstr (shk_scenario_get_years (scenario)[0], ==, "2021");
  g_assert_cmpstr (shk_scenario_get_years (scenario)[4], ==, "2025");
  g_assert_false (shk_edit_scenario_field (stack, plan, scenario, "first-year", "Heisei", &error));
  g_assert_cmpstr (error->message, ==, "First fiscal year: “Heisei” must end in a number, such as R2 or 2020");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpstr (shk_scenario_get_years (scenario)[0], ==, "R2");
  g_assert_false (shk_undo_stack_can_undo (stack));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit-typed/measure/indicator-value", test_indicator_value_text);
  g_test_add_func ("/edit-typed/measure/cell-name", test_cell_name);
  g_test_add_func ("/edit-typed/measure/manual-grade", test_manual_grade_keep_reason);
  g_test_add_func ("/edit-typed/measure/move-to-policy", test_move_to_policy);
  g_test_add_func ("/edit-typed/process/hours", test_process_hours);
  g_test_add_func ("/edit-typed/process/reduction-name-priority", test_process_reduction_name_priority);
  g_test_add_func ("/edit-typed/scenario/months", test_scenario_months);
  g_test_add_func ("/edit-typed/scenario/rate-hours-discount", test_scenario_rate_hours_discount);
  g_test_add_func ("/edit-typed/scenario/costs", test_scenario_costs);
  g_test_add_func ("/edit-typed/scenario/horizon", test_scenario_horizon);

  return g_test_run ();
}
