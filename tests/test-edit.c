/* test-edit.c — undoable edits of a plan, and numbers as staff type them
 *
 * Every edit is checked three ways: it applies, undo restores exactly what
 * was there before (an absent value stays absent, a removed row comes back
 * at its place), and redo applies it again. An edit that changes nothing
 * must not be recorded, or an untouched document would become unsaved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "shk-edit.h"

/* A small plan: years R1–R3, one evaluation R2/R3, three measures numbered
 * 1–3 with two indicators each. */
static ShkPlan *
make_plan (void)
{
  static const char * const years[] = { "R1", "R2", "R3" };
  ShkPlan *plan = shk_plan_new ();

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new (years[i], NULL);

      shk_plan_append_fiscal_year (plan, year);
    }
  {
    g_autoptr(ShkEvaluation) evaluation = shk_evaluation_new ("R2", "R3");

    shk_plan_append_evaluation (plan, evaluation);
  }

  for (guint number = 1; number <= 3; number++)
    {
      g_autoptr(ShkMeasure) measure = shk_measure_new (number);
      g_autofree char *name = g_strdup_printf ("Measure %u", number);

      shk_measure_set_name (measure, name);
      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
          g_autofree char *label = g_strdup_printf ("Indicator %u.%u", number, j);

          shk_indicator_set_label (indicator, label);
          shk_indicator_set_target (indicator, "R3", 100 * number + j);
          shk_measure_append_indicator (measure, indicator);
        }
      shk_plan_append_measure (plan, measure);
    }
  return plan;
}

static ShkMeasure *
measure_at (ShkPlan *plan,
            guint    position)
{
  g_autoptr(ShkMeasure) measure = g_list_model_get_item (shk_plan_get_measures (plan), position);

  /* The plan keeps it alive; tests use it as a borrowed pointer. */
  return measure;
}

static guint
n_measures (ShkPlan *plan)
{
  return g_list_model_get_n_items (shk_plan_get_measures (plan));
}

static guint
n_indicators (ShkMeasure *measure)
{
  return g_list_model_get_n_items (shk_measure_get_indicators (measure));
}

static void
count (gpointer instance,
       gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* ------------------------------------------------------------------ */
/* Properties                                                         */
/* ------------------------------------------------------------------ */

static void
test_property_string (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  ShkMeasure *measure = measure_at (plan, 1);
  guint notifies = 0, plan_changes = 0;

  g_signal_connect (measure, "notify::name", G_CALLBACK (count_notify), &notifies);
  g_signal_connect (plan, "changed", G_CALLBACK (count), &plan_changes);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "電子申請の推進");
  shk_edit_set_property (stack, G_OBJECT (measure), "name", &value, "Rename No.2");

  g_assert_cmpstr (shk_measure_get_name (measure), ==, "電子申請の推進");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (plan_changes, >=, 1);
  g_assert_true (shk_undo_stack_can_undo (stack));
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Rename No.2");

  plan_changes = 0;
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "Measure 2");
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpuint (plan_changes, >=, 1);
  g_assert_cmpstr (shk_undo_stack_get_redo_label (stack), ==, "Rename No.2");
  g_assert_null (shk_undo_stack_get_undo_label (stack));

  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "電子申請の推進");
  g_assert_cmpuint (notifies, ==, 3);
  g_assert_false (shk_undo_stack_can_redo (stack));
}

static void
test_property_kinds (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("A");
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_auto(GValue) hours = G_VALUE_INIT;
  g_auto(GValue) priority = G_VALUE_INIT;
  g_auto(GValue) direction = G_VALUE_INIT;
  g_auto(GValue) rate = G_VALUE_INIT;
  g_auto(GValue) flag = G_VALUE_INIT;
  double initial_rate = shk_scenario_get_hourly_rate (scenario);

  shk_process_set_hours (process, 1200);

  g_value_init (&hours, G_TYPE_DOUBLE);
  g_value_set_double (&hours, 2345.5);
  shk_edit_set_property (stack, G_OBJECT (process), "hours", &hours, "Hours");
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 2345.5);

  g_value_init (&priority, SHK_TYPE_PRIORITY);
  g_value_set_enum (&priority, SHK_PRIORITY_HIGH);
  shk_edit_set_property (stack, G_OBJECT (process), "priority", &priority, "Priority");
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_HIGH);

  g_value_init (&direction, SHK_TYPE_DIRECTION);
  g_value_set_enum (&direction, SHK_DIRECTION_LOWER_IS_BETTER);
  shk_edit_set_property (stack, G_OBJECT (indicator), "direction", &direction, "Direction");
  g_assert_cmpint (shk_indicator_get_direction (indicator), ==, SHK_DIRECTION_LOWER_IS_BETTER);

  g_value_init (&rate, G_TYPE_DOUBLE);
  g_value_set_double (&rate, 3456);
  shk_edit_set_property (stack, G_OBJECT (scenario), "hourly-rate", &rate, "Rate");
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 3456);

  g_value_init (&flag, G_TYPE_BOOLEAN);
  g_value_set_boolean (&flag, !shk_measure_get_for_citizens (measure));
  shk_edit_set_property (stack, G_OBJECT (measure), "for-citizens", &flag, "Citizens");
  g_assert_true (shk_measure_get_for_citizens (measure) == g_value_get_boolean (&flag));

  /* Five entries, undone in reverse order back to the start. */
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Citizens");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_measure_get_for_citizens (measure) != g_value_get_boolean (&flag));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, initial_rate);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpint (shk_indicator_get_direction (indicator), ==, SHK_DIRECTION_HIGHER_IS_BETTER);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_UNSET);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1200);
  g_assert_false (shk_undo_stack_can_undo (stack));

  /* And redone in order. */
  while (shk_undo_stack_redo (stack))
    ;
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 2345.5);
  g_assert_cmpint (shk_process_get_priority (process), ==, SHK_PRIORITY_HIGH);
  g_assert_cmpint (shk_indicator_get_direction (indicator), ==, SHK_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 3456);
  g_assert_true (shk_measure_get_for_citizens (measure) == g_value_get_boolean (&flag));
}

/* A value of another type is compared in the property's type: 1200 as an
 * int is the 1200.0 hours already there. */
static void
test_property_transform (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  g_autoptr(ShkScenario) scenario = shk_scenario_new ("A");
  g_auto(GValue) as_int = G_VALUE_INIT;
  g_auto(GValue) months = G_VALUE_INIT;

  shk_process_set_hours (process, 1200);
  g_value_init (&as_int, G_TYPE_INT);
  g_value_set_int (&as_int, 1200);
  shk_edit_set_property (stack, G_OBJECT (process), "hours", &as_int, "Hours");
  g_assert_false (shk_undo_stack_can_undo (stack));

  g_value_set_int (&as_int, 1500);
  shk_edit_set_property (stack, G_OBJECT (process), "hours", &as_int, "Hours");
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1500);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1200);

  shk_scenario_set_first_year_months (scenario, 12);
  g_value_init (&months, G_TYPE_INT);
  g_value_set_int (&months, 6);
  shk_edit_set_property (stack, G_OBJECT (scenario), "first-year-months", &months, "Months");
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 6);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 12);
}

static void
test_property_no_op (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) flag = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;
  ShkMeasure *measure = measure_at (plan, 0);
  guint pushes = 0;

  g_signal_connect (stack, "pushed", G_CALLBACK (count), &pushes);

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "Measure 1");
  shk_edit_set_property (stack, G_OBJECT (measure), "name", &text, "Rename");

  /* Unset text reads as "": setting "" or NULL changes nothing. */
  g_value_set_string (&text, "");
  shk_edit_set_property (stack, G_OBJECT (measure), "notes", &text, "Notes");
  g_value_set_string (&text, NULL);
  shk_edit_set_property (stack, G_OBJECT (measure), "notes", &text, "Notes");

  g_value_init (&flag, G_TYPE_BOOLEAN);
  g_value_set_boolean (&flag, shk_measure_get_counted (measure));
  shk_edit_set_property (stack, G_OBJECT (measure), "counted", &flag, "Counted");

  g_value_init (&number, G_TYPE_UINT);
  g_value_set_uint (&number, shk_measure_get_policy_number (measure));
  shk_edit_set_property (stack, G_OBJECT (measure), "policy-number", &number, "Policy");

  g_assert_cmpuint (pushes, ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_true (shk_undo_stack_is_clean (stack));
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "Measure 1");

  /* A no-op does not drop what could be redone either. */
  g_value_set_string (&text, "Other");
  shk_edit_set_property (stack, G_OBJECT (measure), "name", &text, "Rename");
  g_assert_true (shk_undo_stack_undo (stack));
  g_value_set_string (&text, "Measure 1");
  shk_edit_set_property (stack, G_OBJECT (measure), "name", &text, "Rename");
  g_assert_true (shk_undo_stack_can_redo (stack));
  g_assert_cmpuint (pushes, ==, 1);
}

/* The entry keeps the object alive: a view may drop it (a removed row, a
 * closed page) and the edit can still be undone. */
static void
test_property_keeps_object (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkIndicator *indicator = shk_indicator_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  gpointer weak = indicator;

  g_object_add_weak_pointer (G_OBJECT (indicator), &weak);
  shk_indicator_set_unit (indicator, "件");
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "人");
  shk_edit_set_property (stack, G_OBJECT (indicator), "unit", &value, "Unit");
  g_object_unref (indicator);

  g_assert_nonnull (weak);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpstr (shk_indicator_get_unit (weak), ==, "件");
  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_cmpstr (shk_indicator_get_unit (weak), ==, "人");

  g_clear_object (&stack);
  g_assert_null (weak);
}

static void
test_property_unknown (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkMeasure) measure = shk_measure_new (1);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "x");
  g_test_expect_message ("Shinchoku-core", G_LOG_LEVEL_CRITICAL, "*no property*colour*");
  shk_edit_set_property (stack, G_OBJECT (measure), "colour", &value, "Colour");
  g_test_assert_expected_messages ();

  /* A string cannot become a boolean. */
  g_test_expect_message ("Shinchoku-core", G_LOG_LEVEL_CRITICAL, "*cannot set*counted*");
  shk_edit_set_property (stack, G_OBJECT (measure), "counted", &value, "Counted");
  g_test_assert_expected_messages ();

  g_assert_false (shk_undo_stack_can_undo (stack));
}

/* ------------------------------------------------------------------ */
/* Indicator values                                                   */
/* ------------------------------------------------------------------ */

static void
assert_value (ShkIndicator *indicator,
              ShkValueKind  kind,
              const char   *year_id,
              gboolean      present,
              double        expected)
{
  double value = -12345;
  gboolean got = kind == SHK_VALUE_TARGET
    ? shk_indicator_get_target (indicator, year_id, &value)
    : shk_indicator_get_actual (indicator, year_id, &value);

  g_assert_cmpint (got, ==, present);
  if (present)
    g_assert_cmpfloat (value, ==, expected);
}

static void
test_indicator_value (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkIndicator *indicator = shk_measure_get_indicator (measure_at (plan, 0), 0);
  guint changes = 0, plan_changes = 0;

  g_signal_connect (indicator, "changed", G_CALLBACK (count), &changes);
  g_signal_connect (plan, "changed", G_CALLBACK (count), &plan_changes);

  /* Absent → 42 → absent again, not 0. */
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 42,
                            "Edit R2 actual of No.1");
  assert_value (indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 42);
  /* The target of the same year is another value. */
  assert_value (indicator, SHK_VALUE_TARGET, "R2", FALSE, 0);
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpuint (plan_changes, >=, 1);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Edit R2 actual of No.1");

  changes = 0;
  g_assert_true (shk_undo_stack_undo (stack));
  assert_value (indicator, SHK_VALUE_ACTUAL, "R2", FALSE, 0);
  g_assert_cmpuint (changes, >=, 1);
  g_assert_true (shk_undo_stack_redo (stack));
  assert_value (indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 42);

  /* Present → cleared → present again with its old value. */
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_TARGET, "R3", FALSE, 0, "Clear");
  assert_value (indicator, SHK_VALUE_TARGET, "R3", FALSE, 0);
  g_assert_true (shk_undo_stack_undo (stack));
  assert_value (indicator, SHK_VALUE_TARGET, "R3", TRUE, 100);
  g_assert_true (shk_undo_stack_redo (stack));
  assert_value (indicator, SHK_VALUE_TARGET, "R3", FALSE, 0);
  g_assert_true (shk_undo_stack_undo (stack));

  /* 0 is a value: replacing a 0 with an absent one and back. */
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_TARGET, "R1", TRUE, 0, "Zero");
  assert_value (indicator, SHK_VALUE_TARGET, "R1", TRUE, 0);
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_TARGET, "R1", FALSE, 0, "Clear");
  assert_value (indicator, SHK_VALUE_TARGET, "R1", FALSE, 0);
  g_assert_true (shk_undo_stack_undo (stack));
  assert_value (indicator, SHK_VALUE_TARGET, "R1", TRUE, 0);
  g_assert_true (shk_undo_stack_undo (stack));
  assert_value (indicator, SHK_VALUE_TARGET, "R1", FALSE, 0);

  /* Changing a present value restores the old one. */
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_TARGET, "R3", TRUE, 150.25, "Target");
  assert_value (indicator, SHK_VALUE_TARGET, "R3", TRUE, 150.25);
  g_assert_true (shk_undo_stack_undo (stack));
  assert_value (indicator, SHK_VALUE_TARGET, "R3", TRUE, 100);
}

static void
test_indicator_value_no_op (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkIndicator *indicator = shk_measure_get_indicator (measure_at (plan, 2), 1);
  guint pushes = 0;

  g_signal_connect (stack, "pushed", G_CALLBACK (count), &pushes);

  /* The same value, a clear of an absent value, -0 for 0. */
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_TARGET, "R3", TRUE, 301, "Same");
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", FALSE, 0, "Clear");
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", FALSE, 7, "Clear");
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 0, "Zero");
  g_assert_cmpuint (pushes, ==, 1);
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, -0.0, "Zero");
  g_assert_cmpuint (pushes, ==, 1);
  assert_value (indicator, SHK_VALUE_TARGET, "R3", TRUE, 301);
}

/* ------------------------------------------------------------------ */
/* Manual grades                                                      */
/* ------------------------------------------------------------------ */

static void
assert_manual (ShkMeasure *measure,
               const char *evaluation_id,
               gboolean    present,
               ShkGrade    grade,
               const char *reason)
{
  ShkGrade got = SHK_N_GRADES;
  const char *got_reason = NULL;

  g_assert_cmpint (shk_measure_get_manual_grade (measure, evaluation_id, &got, &got_reason),
                   ==, present);
  if (present)
    {
      g_assert_cmpint (got, ==, grade);
      /* No reason and an empty one are the same to the reader. */
      g_assert_cmpstr (got_reason != NULL ? got_reason : "", ==, reason);
    }
}

static void
test_manual_grade (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkMeasure *measure = measure_at (plan, 0);
  guint changes = 0;

  g_signal_connect (measure, "changed", G_CALLBACK (count), &changes);

  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_MOSTLY,
                         "事業の一部が延期", "Grade No.1");
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_MOSTLY, "事業の一部が延期");
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Grade No.1");

  g_assert_true (shk_undo_stack_undo (stack));
  assert_manual (measure, "R2/R3", FALSE, SHK_GRADE_NONE, NULL);
  g_assert_true (shk_undo_stack_redo (stack));
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_MOSTLY, "事業の一部が延期");

  /* A new reason alone is an edit; undo brings the old reason back. */
  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_MOSTLY,
                         "新型コロナの影響", "Reason");
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_MOSTLY, "新型コロナの影響");
  g_assert_true (shk_undo_stack_undo (stack));
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_MOSTLY, "事業の一部が延期");

  /* A manual "not evaluated" is a manual grade, unlike clearing it. */
  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_NONE, NULL, "None");
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_NONE, "");
  shk_edit_manual_grade (stack, measure, "R2/R3", FALSE, SHK_GRADE_NONE, NULL, "Clear");
  assert_manual (measure, "R2/R3", FALSE, SHK_GRADE_NONE, NULL);

  g_assert_true (shk_undo_stack_undo (stack));
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_NONE, "");
  g_assert_true (shk_undo_stack_undo (stack));
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_MOSTLY, "事業の一部が延期");
  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_true (shk_undo_stack_redo (stack));
  assert_manual (measure, "R2/R3", FALSE, SHK_GRADE_NONE, NULL);

  /* Another evaluation is independent. */
  shk_edit_manual_grade (stack, measure, "R2/R2", TRUE, SHK_GRADE_PENDING, "", "Other");
  assert_manual (measure, "R2/R2", TRUE, SHK_GRADE_PENDING, "");
  assert_manual (measure, "R2/R3", FALSE, SHK_GRADE_NONE, NULL);
}

static void
test_manual_grade_no_op (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkMeasure *measure = measure_at (plan, 1);
  guint pushes = 0;

  g_signal_connect (stack, "pushed", G_CALLBACK (count), &pushes);

  shk_edit_manual_grade (stack, measure, "R2/R3", FALSE, SHK_GRADE_ACHIEVED, "x", "Clear");
  g_assert_cmpuint (pushes, ==, 0);

  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_ACHIEVED, NULL, "Set");
  g_assert_cmpuint (pushes, ==, 1);
  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_ACHIEVED, NULL, "Set");
  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_ACHIEVED, "", "Set");
  g_assert_cmpuint (pushes, ==, 1);
  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_LAGGING, "", "Set");
  g_assert_cmpuint (pushes, ==, 2);
}

/* ------------------------------------------------------------------ */
/* Measures and indicators                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->calls++;
}

static void
assert_items_changed (ItemsChanged *record,
                      guint         position,
                      guint         removed,
                      guint         added)
{
  g_assert_cmpuint (record->calls, ==, 1);
  g_assert_cmpuint (record->position, ==, position);
  g_assert_cmpuint (record->removed, ==, removed);
  g_assert_cmpuint (record->added, ==, added);
  memset (record, 0, sizeof *record);
}

static void
test_insert_measure (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkMeasure *measure = shk_measure_new (shk_plan_get_next_measure_number (plan));
  ItemsChanged record = { 0 };
  gpointer weak = measure;

  g_assert_cmpuint (shk_measure_get_number (measure), ==, 4);
  g_object_add_weak_pointer (G_OBJECT (measure), &weak);
  g_signal_connect (shk_plan_get_measures (plan), "items-changed",
                    G_CALLBACK (on_items_changed), &record);

  shk_edit_insert_measure (stack, plan, 1, measure, "Add measure");
  /* The plan and the entry hold it; the caller's reference can go. */
  g_object_unref (measure);
  assert_items_changed (&record, 1, 0, 1);
  g_assert_cmpuint (n_measures (plan), ==, 4);
  g_assert_true (measure_at (plan, 1) == weak);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Add measure");

  g_assert_true (shk_undo_stack_undo (stack));
  assert_items_changed (&record, 1, 1, 0);
  g_assert_cmpuint (n_measures (plan), ==, 3);
  g_assert_nonnull (shk_plan_find_measure (plan, 2, NULL));
  g_assert_null (shk_plan_find_measure (plan, 4, NULL));
  g_assert_nonnull (weak);

  g_assert_true (shk_undo_stack_redo (stack));
  assert_items_changed (&record, 1, 0, 1);
  g_assert_true (measure_at (plan, 1) == weak);

  /* At the end too. */
  {
    g_autoptr(ShkMeasure) last = shk_measure_new (5);

    shk_edit_insert_measure (stack, plan, 4, last, "Append");
    g_assert_true (measure_at (plan, 4) == last);
    g_assert_true (shk_undo_stack_undo (stack));
    g_assert_cmpuint (n_measures (plan), ==, 4);
  }

  /* Undo, then a new edit drops the redo entry and its reference. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_nonnull (weak);
  shk_edit_remove_measure (stack, plan, 0, "Remove");
  g_assert_null (weak);
}

static void
test_remove_measure (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkMeasure *first = measure_at (plan, 0);
  ShkMeasure *second = measure_at (plan, 1);
  ShkMeasure *third = measure_at (plan, 2);
  ItemsChanged record = { 0 };
  guint plan_changes = 0;

  g_signal_connect (shk_plan_get_measures (plan), "items-changed",
                    G_CALLBACK (on_items_changed), &record);
  g_signal_connect (plan, "changed", G_CALLBACK (count), &plan_changes);

  shk_edit_remove_measure (stack, plan, 1, "Remove No.2");
  assert_items_changed (&record, 1, 1, 0);
  g_assert_cmpuint (plan_changes, >=, 1);
  g_assert_cmpuint (n_measures (plan), ==, 2);
  g_assert_null (shk_plan_find_measure (plan, 2, NULL));

  /* The very same object comes back at its place, indicators and all. */
  g_assert_true (shk_undo_stack_undo (stack));
  assert_items_changed (&record, 1, 0, 1);
  g_assert_true (measure_at (plan, 0) == first);
  g_assert_true (measure_at (plan, 1) == second);
  g_assert_true (measure_at (plan, 2) == third);
  g_assert_cmpuint (n_indicators (second), ==, 2);
  g_assert_cmpstr (shk_measure_get_name (second), ==, "Measure 2");

  /* Changes inside the restored measure reach the plan again. */
  plan_changes = 0;
  shk_measure_set_name (second, "Renamed");
  g_assert_cmpuint (plan_changes, >=, 1);

  g_assert_true (shk_undo_stack_redo (stack));
  assert_items_changed (&record, 1, 1, 0);
  g_assert_true (measure_at (plan, 1) == third);

  /* A removed measure no longer reports to the plan. */
  plan_changes = 0;
  shk_measure_set_name (second, "Detached");
  g_assert_cmpuint (plan_changes, ==, 0);

  /* Removing the first and the last, undone in reverse. */
  shk_edit_remove_measure (stack, plan, 1, "Remove last");
  shk_edit_remove_measure (stack, plan, 0, "Remove first");
  g_assert_cmpuint (n_measures (plan), ==, 0);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (n_measures (plan), ==, 3);
  g_assert_true (measure_at (plan, 0) == first);
  g_assert_true (measure_at (plan, 1) == second);
  g_assert_true (measure_at (plan, 2) == third);
}

static void
test_insert_remove_indicator (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkIndicator) added = shk_indicator_new ();
  ShkMeasure *measure = measure_at (plan, 2);
  ShkIndicator *first = shk_measure_get_indicator (measure, 0);
  ShkIndicator *second = shk_measure_get_indicator (measure, 1);
  ItemsChanged record = { 0 };
  guint measure_changes = 0;

  g_signal_connect (shk_measure_get_indicators (measure), "items-changed",
                    G_CALLBACK (on_items_changed), &record);
  g_signal_connect (measure, "changed", G_CALLBACK (count), &measure_changes);

  shk_indicator_set_label (added, "New");
  shk_edit_insert_indicator (stack, measure, 0, added, "Add indicator");
  assert_items_changed (&record, 0, 0, 1);
  g_assert_cmpuint (measure_changes, >=, 1);
  g_assert_true (shk_measure_get_indicator (measure, 0) == added);
  g_assert_true (shk_measure_get_indicator (measure, 1) == first);

  g_assert_true (shk_undo_stack_undo (stack));
  assert_items_changed (&record, 0, 1, 0);
  g_assert_cmpuint (n_indicators (measure), ==, 2);
  g_assert_true (shk_measure_get_indicator (measure, 0) == first);
  g_assert_true (shk_undo_stack_redo (stack));
  assert_items_changed (&record, 0, 0, 1);
  g_assert_true (shk_measure_get_indicator (measure, 0) == added);

  shk_edit_remove_indicator (stack, measure, 2, "Remove indicator");
  assert_items_changed (&record, 2, 1, 0);
  g_assert_cmpuint (n_indicators (measure), ==, 2);
  g_assert_true (shk_undo_stack_undo (stack));
  assert_items_changed (&record, 2, 0, 1);
  g_assert_true (shk_measure_get_indicator (measure, 2) == second);
  {
    double target;

    /* Its values came back with it. */
    g_assert_true (shk_indicator_get_target (second, "R3", &target));
    g_assert_cmpfloat (target, ==, 301);
  }

  /* Back to the start. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (n_indicators (measure), ==, 2);
  g_assert_true (shk_measure_get_indicator (measure, 0) == first);
  g_assert_true (shk_measure_get_indicator (measure, 1) == second);
  g_assert_false (shk_undo_stack_can_undo (stack));
}

/* ------------------------------------------------------------------ */
/* Groups, the clean state and undoing through a document's life      */
/* ------------------------------------------------------------------ */

static void
test_group (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkMeasure) copy = shk_measure_new (4);
  g_auto(GValue) name = G_VALUE_INIT;
  ShkMeasure *measure = measure_at (plan, 0);
  ShkIndicator *indicator = shk_measure_get_indicator (measure, 0);

  /* A paste of several cells is one entry. */
  shk_undo_stack_begin_group (stack, "Paste");
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R1", TRUE, 10, "a");
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 20, "b");
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_TARGET, "R3", FALSE, 0, "c");
  g_value_init (&name, G_TYPE_STRING);
  g_value_set_string (&name, "Pasted");
  shk_edit_set_property (stack, G_OBJECT (measure), "name", &name, "d");
  shk_edit_insert_measure (stack, plan, 3, copy, "e");
  shk_edit_manual_grade (stack, measure, "R2/R3", TRUE, SHK_GRADE_ACHIEVED, "ok", "f");
  shk_undo_stack_end_group (stack);

  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  assert_value (indicator, SHK_VALUE_ACTUAL, "R1", FALSE, 0);
  assert_value (indicator, SHK_VALUE_ACTUAL, "R2", FALSE, 0);
  assert_value (indicator, SHK_VALUE_TARGET, "R3", TRUE, 100);
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "Measure 1");
  g_assert_cmpuint (n_measures (plan), ==, 3);
  assert_manual (measure, "R2/R3", FALSE, SHK_GRADE_NONE, NULL);

  g_assert_true (shk_undo_stack_redo (stack));
  assert_value (indicator, SHK_VALUE_ACTUAL, "R1", TRUE, 10);
  assert_value (indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 20);
  assert_value (indicator, SHK_VALUE_TARGET, "R3", FALSE, 0);
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "Pasted");
  g_assert_true (measure_at (plan, 3) == copy);
  assert_manual (measure, "R2/R3", TRUE, SHK_GRADE_ACHIEVED, "ok");

  /* A group whose edits were all no-ops leaves no entry. */
  shk_undo_stack_begin_group (stack, "Paste again");
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R1", TRUE, 10, "a");
  shk_edit_set_property (stack, G_OBJECT (measure), "name", &name, "d");
  shk_undo_stack_end_group (stack);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste");
}

static void
test_clean_state (void)
{
  g_autoptr(ShkPlan) plan = make_plan ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  ShkIndicator *indicator = shk_measure_get_indicator (measure_at (plan, 0), 1);

  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 5, "Edit");
  shk_undo_stack_mark_clean (stack);
  g_assert_true (shk_undo_stack_is_clean (stack));

  /* Typing the same figure again keeps the document saved. */
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 5, "Edit");
  g_assert_true (shk_undo_stack_is_clean (stack));

  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 6, "Edit");
  g_assert_false (shk_undo_stack_is_clean (stack));
  /* Typing the saved figure back is an edit of its own… */
  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 5, "Edit");
  g_assert_false (shk_undo_stack_is_clean (stack));
  /* …while undoing to the saved point is clean again. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_is_clean (stack));
  assert_value (indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 5);
}

/* ------------------------------------------------------------------ */
/* Parsing and formatting numbers                                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *text;
  const char *unit;
  double      value;
} ParseCase;

static const ParseCase parse_ok[] = {
  { "0", NULL, 0 },
  { "42", NULL, 42 },
  { "007", NULL, 7 },
  { "-3.5", NULL, -3.5 },
  { "+3.5", NULL, 3.5 },
  { "0.25", NULL, 0.25 },
  { ".5", NULL, 0.5 },
  { "5.", NULL, 5 },
  { "1000000", NULL, 1e6 },
  /* Thousands separators in groups of three. */
  { "1,000", NULL, 1000 },
  { "1,000,000", NULL, 1e6 },
  { "12,345.678", NULL, 12345.678 },
  { "-1,234.5", NULL, -1234.5 },
  { "999,999,999,999,999", NULL, 999999999999999.0 },
  /* Full-width digits, separators, point and signs from a Japanese IME. */
  { "１２３", NULL, 123 },
  { "１，２３４", NULL, 1234 },
  { "１,２３４．５", NULL, 1234.5 },
  { "３．１４", NULL, 3.14 },
  { "－５", NULL, -5 },
  { "ー５", NULL, -5 },
  { "−5", NULL, -5 },
  { "＋５", NULL, 5 },
  /* Negative markers of Japanese ledgers. */
  { "▲1,200", NULL, -1200 },
  { "▲ 1,200", NULL, -1200 },
  { "△300", NULL, -300 },
  /* Whitespace around, including the ideographic space. */
  { "  42  ", NULL, 42 },
  { "\t42\n", NULL, 42 },
  { "\u3000４２\u3000", NULL, 42 },
  { "\u00a01,000", NULL, 1000 },
  /* Percent and the indicator's unit. */
  { "80%", NULL, 80 },
  { "80 %", NULL, 80 },
  { "８０％", NULL, 80 },
  { "112.4%", "%", 112.4 },
  { "80%", "件", 80 },
  { "12件", "件", 12 },
  { "1,234 件", "件", 1234 },
  { "１２件", "件", 12 },
  { "3.5人に1台", "人に1台", 3.5 },
  { "３．５人に１台", "人に1台", 3.5 },
  { "250kVA", "kVA", 250 },
  { "２５０ｋＶＡ", "kVA", 250 },
  { "1,234h", "h", 1234 },
  { "12", "件", 12 },
  { "12", "", 12 },
  /* Zero has no sign. */
  { "-0", NULL, 0 },
  { "▲0", NULL, 0 },
  /* The largest figure a plan may hold. */
  { "1000000000000000", NULL, 1e15 },
  { "-1,000,000,000,000,000", NULL, -1e15 },
};

static const ParseCase parse_bad[] = {
  { "", NULL, 0 },
  { "   ", NULL, 0 },
  { "\u3000", NULL, 0 },
  { "abc", NULL, 0 },
  { "12abc", NULL, 0 },
  { "abc12", NULL, 0 },
  { "1.2.3", NULL, 0 },
  { "１．２．３", NULL, 0 },
  { ".", NULL, 0 },
  { "-", NULL, 0 },
  { "+", NULL, 0 },
  { "▲", NULL, 0 },
  { "%", NULL, 0 },
  { "件", "件", 0 },
  /* Separators out of place: a list, or a decimal comma. */
  { "1,2,3", NULL, 0 },
  { "12,34", NULL, 0 },
  { "1,00", NULL, 0 },
  { "1000,000", NULL, 0 },
  { "1,000,00", NULL, 0 },
  { ",100", NULL, 0 },
  { "100,", NULL, 0 },
  { "1,,000", NULL, 0 },
  { "1.000,5", NULL, 0 },
  { "1,000.5,0", NULL, 0 },
  { "1 000", NULL, 0 },
  /* Two signs, or signs in the wrong place. */
  { "--5", NULL, 0 },
  { "+-5", NULL, 0 },
  { "▲-5", NULL, 0 },
  { "5-", NULL, 0 },
  { "1-2", NULL, 0 },
  /* What strtod would take but a person does not type. */
  { "nan", NULL, 0 },
  { "NaN", NULL, 0 },
  { "inf", NULL, 0 },
  { "-infinity", NULL, 0 },
  { "1e6", NULL, 0 },
  { "0x10", NULL, 0 },
  /* Out of range. */
  { "1000000000000001", NULL, 0 },
  { "1,000,000,000,000,001", NULL, 0 },
  { "-2000000000000000", NULL, 0 },
  { "1000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000", NULL, 0 },
  /* A unit other than the given one, or two of them. */
  { "12件", NULL, 0 },
  { "12人", "件", 0 },
  { "12件件", "件", 0 },
  { "80%%", NULL, 0 },
  { "80%件", "件", 0 },
  /* Not UTF-8. */
  { "\xff" "12", NULL, 0 },
};

static void
test_parse_number (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_ok); i++)
    {
      double value = NAN;

      g_test_message ("“%s” (unit “%s”)", parse_ok[i].text,
                      parse_ok[i].unit != NULL ? parse_ok[i].unit : "(none)");
      g_assert_true (shk_parse_number (parse_ok[i].text, parse_ok[i].unit, &value));
      g_assert_cmpfloat (value, ==, parse_ok[i].value);
      /* -0 parses as a plain 0. */
      g_assert_false (value == 0 && signbit (value));
    }
}

static void
test_parse_number_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_bad); i++)
    {
      double value = 42;

      g_test_message ("“%s” (unit “%s”)", parse_bad[i].text,
                      parse_bad[i].unit != NULL ? parse_bad[i].unit : "(none)");
      g_assert_false (shk_parse_number (parse_bad[i].text, parse_bad[i].unit, &value));
      /* The out-parameter is untouched. */
      g_assert_cmpfloat (value, ==, 42);
    }

  /* The out-parameter may be NULL: a caller only validating. */
  g_assert_true (shk_parse_number ("1,000", NULL, NULL));
  g_assert_false (shk_parse_number ("1,0", NULL, NULL));
}

typedef struct
{
  double      value;
  const char *text;
} FormatCase;

static void
test_format_number (void)
{
  const FormatCase cases[] = {
    { 0, "0" },
    { -0.0, "0" },
    { 1, "1" },
    { -1, "-1" },
    { 12.5, "12.5" },
    { 0.1 + 0.2, "0.3" },
    { 1e6, "1,000,000" },
    { 1000, "1,000" },
    { 999, "999" },
    { 100000, "100,000" },
    { 1234567.891, "1,234,567.89" },
    { -1234.5, "-1,234.5" },
    { -999.5, "-999.5" },
    /* Exact halves in binary round away from zero (四捨五入). */
    { 0.125, "0.13" },
    { -0.125, "-0.13" },
    { 2.5, "2.5" },
    { 1234.565, "1,234.57" },
    { 2.5e-3, "0" },
    { -0.004, "0" },           /* rounds to zero, which has no sign */
    { 0.999, "1" },
    { 999.999, "1,000" },
    { 3.14159, "3.14" },
    { 1.10, "1.1" },
    { 28950.0, "28,950" },
    { 1e15, "1,000,000,000,000,000" },
    { -1e15, "-1,000,000,000,000,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = shk_format_number (cases[i].value);

      g_test_message ("%.17g", cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Never a crash nor an empty string for what should not happen. */
  {
    g_autofree char *huge = shk_format_number (1e300);
    g_autofree char *nan = shk_format_number (NAN);
    g_autofree char *inf = shk_format_number (-INFINITY);

    g_assert_true (g_str_has_prefix (huge, "1,000,000,"));
    g_assert_cmpuint (strlen (huge), ==, 301 + 100);
    g_assert_cmpstr (nan, !=, "");
    g_assert_cmpstr (inf, !=, "");
  }
}

/* What is shown can be typed back: format then parse gives the figure
 * rounded to two decimals. */
static void
test_format_parse_round_trip (void)
{
  const double values[] = {
    0, 1, -1, 0.5, 12.5, 99.99, 1234.5, -1234.5, 1e6, 28950, 1234567.891,
    -0.01, 0.015625, 4.35, 123456789012.34, 1e15, -1e15,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = shk_format_number (values[i]);
      double back = NAN;

      g_test_message ("%.17g → %s", values[i], text);
      g_assert_true (shk_parse_number (text, NULL, &back));
      g_assert_cmpfloat_with_epsilon (back, values[i], 0.005 + fabs (values[i]) * 1e-15);
    }
}

/* A German desktop writes 1.234,5; the app's figures do not follow it. */
static void
test_numbers_ignore_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    found = setlocale (LC_NUMERIC, locales[i]);
  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  {
    g_autofree char *text = shk_format_number (-1234.5);
    double value = 0;

    g_assert_cmpstr (text, ==, "-1,234.5");
    g_assert_true (shk_parse_number ("1,234.5", NULL, &value));
    g_assert_cmpfloat (value, ==, 1234.5);
    g_assert_false (shk_parse_number ("1.234,5", NULL, &value));
  }
  setlocale (LC_NUMERIC, saved);
}

/* Scenarios and their cost items go through the same undoable list edits
 * as measures: the very objects come back, at their places. */
static void
test_insert_remove_scenario_and_cost_item (void)
{
  g_autoptr(ShkPlan) plan = shk_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkScenario) first = shk_scenario_new ("first");
  g_autoptr(ShkScenario) second = shk_scenario_new ("second");
  g_autoptr(ShkCostItem) survey = shk_cost_item_new ("survey", 0);
  g_autoptr(ShkCostItem) running = shk_cost_item_new ("running", 0);
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  GListModel *items = shk_scenario_get_cost_items (first);
  const char * const years[] = { "R2", "R3", "R4", NULL };

  shk_scenario_set_years (first, years);
  shk_edit_insert_scenario (stack, plan, 0, first, "Add first");
  shk_edit_insert_scenario (stack, plan, 0, second, "Add second");
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 2);
  g_assert_true (g_list_model_get_item (scenarios, 0) == (gpointer) second);
  g_object_unref (second);   /* the reference g_list_model_get_item () gave */

  shk_edit_insert_cost_item (stack, first, 0, survey, "Add survey");
  shk_edit_insert_cost_item (stack, first, 1, running, "Add running");
  /* An inserted item is fitted to the scenario's horizon. */
  g_assert_cmpuint (shk_cost_item_get_n_years (running), ==, 3);
  shk_cost_item_set_amount (running, 2, 2750000);
  g_assert_cmpfloat (shk_scenario_get_cost (first, 2), ==, 2750000);

  shk_edit_remove_cost_item (stack, first, 0, "Remove survey");
  shk_edit_remove_scenario (stack, plan, 0, "Remove second");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 1);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Remove second");

  /* Undo puts each back where it was… */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 2);
  g_assert_true (g_list_model_get_item (scenarios, 0) == (gpointer) second);
  g_object_unref (second);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_true (g_list_model_get_item (items, 0) == (gpointer) survey);
  g_object_unref (survey);

  /* …down to the empty plan, and redo builds it up again. */
  while (shk_undo_stack_undo (stack))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  while (shk_undo_stack_redo (stack))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_cmpfloat (shk_scenario_get_cost (first, 2), ==, 2750000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/property/string", test_property_string);
  g_test_add_func ("/edit/property/kinds", test_property_kinds);
  g_test_add_func ("/edit/property/transform", test_property_transform);
  g_test_add_func ("/edit/property/no-op", test_property_no_op);
  g_test_add_func ("/edit/property/keeps-object", test_property_keeps_object);
  g_test_add_func ("/edit/property/unknown", test_property_unknown);
  g_test_add_func ("/edit/indicator-value/apply-undo-redo", test_indicator_value);
  g_test_add_func ("/edit/indicator-value/no-op", test_indicator_value_no_op);
  g_test_add_func ("/edit/manual-grade/apply-undo-redo", test_manual_grade);
  g_test_add_func ("/edit/manual-grade/no-op", test_manual_grade_no_op);
  g_test_add_func ("/edit/measure/insert", test_insert_measure);
  g_test_add_func ("/edit/measure/remove", test_remove_measure);
  g_test_add_func ("/edit/indicator/insert-remove", test_insert_remove_indicator);
  g_test_add_func ("/edit/scenario/insert-remove", test_insert_remove_scenario_and_cost_item);
  g_test_add_func ("/edit/group", test_group);
  g_test_add_func ("/edit/clean-state", test_clean_state);
  g_test_add_func ("/edit/number/parse", test_parse_number);
  g_test_add_func ("/edit/number/parse-refused", test_parse_number_refused);
  g_test_add_func ("/edit/number/format", test_format_number);
  g_test_add_func ("/edit/number/round-trip", test_format_parse_round_trip);
  g_test_add_func ("/edit/number/locale", test_numbers_ignore_locale);

  return g_test_run ();
}
