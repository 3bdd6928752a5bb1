/* test-scenarios-view.c — the scenarios view on the built-in document
 *
 * Edits go through the view as typing would; the figures are checked
 * against the payback engine run here, and every edit against the
 * document's undo stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "shk-scenarios-view.h"
#include "shk-scenario-row.h"
#include "shk-scenarios-view-private.h"
#include "shk-test-utils.h"

static ShkScenariosView *
new_view (ShkDocument *document)
{
  ShkScenariosView *view = g_object_ref_sink (SHK_SCENARIOS_VIEW (shk_scenarios_view_new ()));

  shk_scenarios_view_set_document (view, document);
  shk_test_flush_events ();
  return view;
}

static ShkScenario *
scenario_at (ShkDocument *document,
             guint        position)
{
  GListModel *scenarios = shk_plan_get_scenarios (shk_document_get_plan (document));
  g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, position);

  return scenario;   /* the plan keeps it */
}

static guint
n_scenarios (ShkDocument *document)
{
  return g_list_model_get_n_items (shk_plan_get_scenarios (shk_document_get_plan (document)));
}

/* The running costs of ① (運用経費), found by name as a user would. */
static guint
running_cost_index (ShkScenario *scenario)
{
  GListModel *items = shk_scenario_get_cost_items (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ShkCostItem) item = g_list_model_get_item (items, i);

      if (strstr (shk_cost_item_get_name (item), "運用経費") != NULL)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_payback_shown (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkPaybackView *chart;
  g_autoptr(ShkPaybackResult) expected = NULL;

  shk_scenarios_view_select (view, 0);
  g_assert_true (shk_scenarios_view_get_scenario (view) == scenario_at (document, 0));

  expected = shk_scenario_compute_payback (shk_document_get_plan (document), scenario_at (document, 0), NULL);
  g_assert_cmpuint (expected->payback_year, ==, 4);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);
  g_assert_cmpint (shk_scenarios_view_get_result (view)->net_at_horizon, ==, expected->net_at_horizon);
  g_assert_cmpstr (shk_scenarios_view_get_result_text (view), ==, "Recovered in year 4");

  chart = shk_scenarios_view_get_chart (view);
  g_assert_cmpuint (shk_payback_view_get_n_series (chart), ==, 1);
  g_assert_cmpstr (shk_payback_view_get_label (chart), ==, "Cost-benefit chart: Recovered in year 4");
  g_assert_nonnull (strstr (shk_payback_view_get_description (chart), "recovered in year 4"));

  g_object_unref (view);
}

static void
test_running_cost_and_undo (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  ShkScenario *scenario = scenario_at (document, 0);
  ShkPaybackView *chart = shk_scenarios_view_get_chart (view);
  g_autoptr(GError) error = NULL;
  g_autofree char *label_before = NULL;
  guint item = running_cost_index (scenario);
  guint n_years = shk_scenario_get_n_years (scenario);
  guint year;

  shk_scenarios_view_select (view, 0);
  label_before = g_strdup (shk_payback_view_get_label (chart));

  /* ¥4,000,000 a year from the 3rd year on, as one edit. */
  g_assert_true (shk_scenarios_view_commit_cost (view, item, 2, n_years - 1, "4,000,000", &error));
  g_assert_no_error (error);
  for (guint y = 2; y < n_years; y++)
    g_assert_cmpfloat (shk_scenario_get_cost (scenario, y), ==, 4000000);

  year = shk_scenarios_view_get_result (view)->payback_year;
  g_assert_true (year == 0 || year > 4);
  {
    g_autoptr(ShkPaybackResult) expected =
      shk_scenario_compute_payback (shk_document_get_plan (document), scenario, NULL);

    g_assert_cmpuint (year, ==, expected->payback_year);
  }
  g_assert_cmpstr (shk_scenarios_view_get_result_text (view), !=, "Recovered in year 4");
  g_assert_cmpstr (shk_payback_view_get_label (chart), !=, label_before);
  g_assert_null (strstr (shk_payback_view_get_description (chart), "recovered in year 4"));

  /* One undo restores the published figures. */
  g_assert_true (shk_undo_stack_undo (stack));
  shk_test_flush_events ();
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);
  g_assert_cmpstr (shk_scenarios_view_get_result_text (view), ==, "Recovered in year 4");
  g_assert_cmpstr (shk_payback_view_get_label (chart), ==, label_before);
  g_assert_false (shk_undo_stack_can_undo (stack));

  g_object_unref (view);
}

static void
test_invalid_input_refused (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkScenario *scenario = scenario_at (document, 0);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_autoptr(GError) error = NULL;

  g_assert_false (shk_scenarios_view_commit_field (view, "hourly-rate", "lots", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Hourly rate"));
  g_clear_error (&error);

  /* The engine's own message says what is wrong. */
  g_assert_false (shk_scenarios_view_commit_field (view, "hourly-rate", "-5", &error));
  g_assert_cmpstr (error->message, ==, "Hourly rate must not be negative");
  g_clear_error (&error);

  g_assert_false (shk_scenarios_view_commit_field (view, "discount-rate", "150", &error));
  g_assert_nonnull (strstr (error->message, "Discount rate"));
  g_clear_error (&error);

  g_assert_false (shk_scenarios_view_commit_field (view, "first-year-months", "13", &error));
  g_clear_error (&error);

  g_assert_false (shk_scenarios_view_commit_cost (view, 0, 2, 2, "-1", &error));
  g_assert_cmpstr (error->message, ==, "Cost in year 3 must not be negative");
  g_clear_error (&error);

  g_assert_false (shk_scenarios_view_commit_field (view, "name", "   ", &error));
  g_clear_error (&error);
  g_assert_false (shk_scenarios_view_commit_field (view, "first-year", "Heisei", &error));
  g_clear_error (&error);

  /* Nothing changed, the chart is the last valid one, nothing to undo. */
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2566);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);
  g_assert_false (shk_undo_stack_can_undo (stack));

  g_object_unref (view);
}

static void
test_typing_folds_into_one_step (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkScenario *scenario = scenario_at (document, 0);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  const char *keystrokes[] = { "3", "30", "300", "3,00", "3,000" };
  g_autoptr(ShkPaybackResult) expected = NULL;

  /* "3,00" is not a number: refused, and the chart keeps 300 meanwhile. */
  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    shk_scenarios_view_commit_field (view, "hourly-rate", keystrokes[i], NULL);
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 3000);

  expected = shk_scenario_compute_payback (shk_document_get_plan (document), scenario, NULL);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, expected->payback_year);
  g_assert_cmpuint (shk_scenarios_view_get_sensitivity (view)->base.payback_year, ==, expected->payback_year);

  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2566);
  g_assert_false (shk_undo_stack_can_undo (stack));

  /* After an undo the next edit is a step of its own. */
  shk_scenarios_view_commit_field (view, "hourly-rate", "2600", NULL);
  shk_scenarios_view_commit_field (view, "first-year-months", "6", NULL);
  shk_scenarios_view_commit_field (view, "hourly-rate", "2700", NULL);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2600);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (shk_scenario_get_first_year_months (scenario), ==, 8);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 2566);

  g_object_unref (view);
}

static void
test_hours_saved (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkScenario *scenario = scenario_at (document, 0);
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  double hours;

  /* ① takes its hours from process ⑱'s expected reduction. */
  g_assert_false (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 2186);

  g_assert_true (shk_scenarios_view_commit_field (view, "hours-saved", "１０００", NULL));
  g_assert_true (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (hours, ==, 1000);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 0);

  /* Undo returns to the linked processes, not to 0 typed hours. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);

  g_object_unref (view);
}

static double
total_cost (ShkScenario *scenario)
{
  double total = 0;

  for (guint y = 0; y < shk_scenario_get_n_years (scenario); y++)
    total += shk_scenario_get_cost (scenario, y);
  return total;
}

static void
test_horizon (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkScenario *scenario = scenario_at (document, 0);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  double total = total_cost (scenario);
  const char * const *years;

  g_assert_true (shk_scenarios_view_commit_field (view, "n-years", "5", NULL));
  years = shk_scenario_get_years (scenario);
  g_assert_cmpuint (g_strv_length ((char **) years), ==, 5);
  g_assert_cmpstr (years[4], ==, "R6");
  g_assert_cmpfloat (total_cost (scenario), <, total);

  g_assert_true (shk_scenarios_view_commit_field (view, "first-year", "R3", NULL));
  years = shk_scenario_get_years (scenario);
  g_assert_cmpstr (years[0], ==, "R3");
  g_assert_cmpstr (years[4], ==, "R7");

  /* Undo puts back the years and the amounts the shorter horizon lost. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (shk_scenario_get_n_years (scenario), ==, 8);
  g_assert_cmpstr (shk_scenario_get_years (scenario)[7], ==, "R9");
  g_assert_cmpfloat (total_cost (scenario), ==, total);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);

  g_object_unref (view);
}

static void
test_scenarios_and_cost_items (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  guint n = n_scenarios (document);
  ShkScenario *first = scenario_at (document, 0);
  ShkScenario *copy;
  g_autoptr(ShkCostItem) second_item = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.duplicate", NULL));
  g_assert_cmpuint (n_scenarios (document), ==, n + 1);
  copy = shk_scenarios_view_get_scenario (view);
  g_assert_true (copy == scenario_at (document, 1));
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);

  /* Deleting it selects a neighbour; undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.delete", NULL));
  g_assert_cmpuint (n_scenarios (document), ==, n);
  g_assert_nonnull (shk_scenarios_view_get_scenario (view));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (n_scenarios (document), ==, n + 1);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (n_scenarios (document), ==, n);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.add", NULL));
  g_assert_cmpuint (n_scenarios (document), ==, n + 1);
  g_assert_true (shk_scenarios_view_get_scenario (view) == scenario_at (document, n));
  g_assert_cmpuint (shk_scenario_get_n_years (scenario_at (document, n)), ==, 8);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (n_scenarios (document), ==, n);

  /* Cost items: move, remove, add; each undone. */
  shk_scenarios_view_select (view, 0);
  second_item = g_list_model_get_item (shk_scenario_get_cost_items (first), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shk_scenarios_view_get_cost_grid (view)), "cost-grid.up", "u", 1));
  {
    g_autoptr(ShkCostItem) top = g_list_model_get_item (shk_scenario_get_cost_items (first), 0);
    g_assert_true (top == second_item);
  }
  g_assert_true (shk_undo_stack_undo (stack));
  {
    g_autoptr(ShkCostItem) again = g_list_model_get_item (shk_scenario_get_cost_items (first), 1);
    g_assert_true (again == second_item);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shk_scenarios_view_get_cost_grid (view)), "cost-grid.remove", "u", 2));
  g_assert_cmpuint (g_list_model_get_n_items (shk_scenario_get_cost_items (first)), ==, 2);
  {
    g_autoptr(ShkPaybackResult) expected =
      shk_scenario_compute_payback (shk_document_get_plan (document), first, NULL);

    /* Without running costs it pays back sooner. */
    g_assert_cmpuint (expected->payback_year, <, 4);
    g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, expected->payback_year);
  }
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (shk_scenario_get_cost_items (first)), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shk_scenarios_view_get_cost_grid (view)), "cost-grid.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shk_scenario_get_cost_items (first)), ==, 4);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (shk_scenario_get_cost_items (first)), ==, 3);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);

  g_object_unref (view);
}

static void
test_compare (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkPlan *plan = shk_document_get_plan (document);
  ShkPaybackView *chart;

  shk_scenarios_view_set_compared (view, scenario_at (document, 0), TRUE);
  shk_scenarios_view_set_compared (view, scenario_at (document, 1), TRUE);
  chart = shk_scenarios_view_get_compare_chart (view);
  g_assert_cmpuint (shk_payback_view_get_n_series (chart), ==, 2);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(ShkPaybackResult) expected = shk_scenario_compute_payback (plan, scenario_at (document, s), NULL);
      const ShkPaybackResult *shown = shk_payback_view_get_result (chart, s);

      g_assert_cmpuint (shown->payback_year, ==, expected->payback_year);
      g_assert_cmpuint (shown->payback_month, ==, expected->payback_month);
      g_assert_cmpint (shown->net_at_horizon, ==, expected->net_at_horizon);
      for (guint y = 0; y < expected->n_years; y++)
        g_assert_cmpint (shown->cumulative_saving[y], ==, expected->cumulative_saving[y]);
    }
  g_assert_nonnull (strstr (shk_payback_view_get_label (chart), "費用対効果想定①"));
  g_assert_nonnull (strstr (shk_payback_view_get_label (chart), "費用対効果想定②"));

  /* An edit of ② shows in the comparison at once. */
  shk_scenarios_view_select (view, 1);
  shk_scenarios_view_commit_field (view, "hourly-rate", "1000", NULL);
  {
    g_autoptr(ShkPaybackResult) expected = shk_scenario_compute_payback (plan, scenario_at (document, 1), NULL);

    chart = shk_scenarios_view_get_compare_chart (view);
    g_assert_cmpint (shk_payback_view_get_result (chart, 1)->net_at_horizon, ==, expected->net_at_horizon);
  }

  shk_scenarios_view_set_compared (view, scenario_at (document, 0), FALSE);
  g_assert_cmpuint (shk_payback_view_get_n_series (shk_scenarios_view_get_compare_chart (view)), ==, 1);

  g_object_unref (view);
}

static void
test_sensitivity (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  const ShkSensitivity *s;

  shk_scenarios_view_select (view, 0);
  s = shk_scenarios_view_get_sensitivity (view);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->base.payback_year, ==, 4);
  /* ±30% of the rate: years 8 and 3 by the handouts' arithmetic. */
  g_assert_cmpuint (shk_sensitivity_get_cell (s, SHK_SENSITIVITY_HOURLY_RATE, 0)->payback_year, ==, 8);
  g_assert_cmpuint (shk_sensitivity_get_cell (s, SHK_SENSITIVITY_HOURLY_RATE, s->n_changes - 1)->payback_year, ==, 3);

  g_object_unref (view);
}

/* A scenario the engine refuses can only come from a file; it is shown
 * as such, with nothing of another scenario's figures. */
static void
test_invalid_scenario_from_file (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkScenario *broken = scenario_at (document, 2);

  shk_scenario_set_discount_rate (broken, 1.5);
  shk_scenarios_view_select (view, 2);
  g_assert_null (shk_scenarios_view_get_result (view));
  g_assert_null (shk_scenarios_view_get_result_text (view));
  g_assert_cmpuint (shk_payback_view_get_n_series (shk_scenarios_view_get_chart (view)), ==, 0);

  /* Typing a valid rate repairs it. */
  g_assert_true (shk_scenarios_view_commit_field (view, "discount-rate", "2", NULL));
  g_assert_nonnull (shk_scenarios_view_get_result (view));

  shk_scenarios_view_select (view, 0);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, 4);

  g_object_unref (view);
}

static void
test_chart_keyboard_and_tooltip_text (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkPaybackView *chart = shk_scenarios_view_get_chart (view);
  const ShkPaybackResult *result = shk_scenarios_view_get_result (view);
  g_autofree char *text = NULL;
  g_autofree char *cost = NULL;

  g_assert_cmpint (shk_payback_view_get_highlight_year (chart), ==, -1);
  shk_payback_view_set_highlight_year (chart, 3);
  g_assert_cmpint (shk_payback_view_get_highlight_year (chart), ==, 3);
  shk_payback_view_set_highlight_year (chart, 99);
  g_assert_cmpint (shk_payback_view_get_highlight_year (chart), ==, 7);

  text = shk_payback_view_dup_year_text (chart, 3);
  cost = g_strdup_printf ("%" G_GINT64_FORMAT, result->cumulative_cost[3]);
  /* 14,231,800 with its separators */
  g_assert_cmpstr (cost, ==, "14231800");
  g_assert_nonnull (strstr (text, "14,231,800"));
  g_assert_nonnull (strstr (text, "Cumulative savings"));
  g_assert_nonnull (strstr (text, "Net"));

  g_object_unref (view);
}

/* The row of @scenario in the list, found as a user would see it. */
static ShkScenarioRow *
row_of (GtkWidget   *widget,
        ShkScenario *scenario)
{
  if (SHK_IS_SCENARIO_ROW (widget) && shk_scenario_row_get_scenario (SHK_SCENARIO_ROW (widget)) == scenario)
    return SHK_SCENARIO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ShkScenarioRow *row = row_of (child, scenario);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkCheckButton *
check_of (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check = check_of (child);

      if (check != NULL)
        return check;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* Ticking a row's check button compares its scenario; ticks made through
 * the view show in the rows; a renamed scenario's row follows. */
static void
test_rows (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkScenariosView *view = new_view (document);
  ShkScenarioRow *first = row_of (GTK_WIDGET (view), scenario_at (document, 0));
  ShkScenarioRow *second = row_of (GTK_WIDGET (view), scenario_at (document, 1));

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_false (shk_scenario_row_get_compared (first));

  gtk_check_button_set_active (check_of (GTK_WIDGET (first)), TRUE);
  g_assert_true (shk_scenario_row_get_compared (first));
  shk_scenarios_view_set_compared (view, scenario_at (document, 1), TRUE);
  g_assert_true (shk_scenario_row_get_compared (second));
  g_assert_true (gtk_check_button_get_active (check_of (GTK_WIDGET (second))));
  g_assert_cmpuint (shk_payback_view_get_n_series (shk_scenarios_view_get_compare_chart (view)), ==, 2);

  gtk_check_button_set_active (check_of (GTK_WIDGET (first)), FALSE);
  g_assert_cmpuint (shk_payback_view_get_n_series (shk_scenarios_view_get_compare_chart (view)), ==, 1);

  g_assert_false (has_label (GTK_WIDGET (first), "導入案"));
  g_assert_true (shk_scenarios_view_commit_field (view, "name", "導入案", NULL));
  g_assert_true (has_label (GTK_WIDGET (first), "導入案"));

  g_object_unref (view);
}


/* What the view in a window shows, whatever page is up: the first
 * scenario's payback as the engine computes it, its sensitivity, and the
 * two scenarios ticked for the comparison. */
static void
assert_window_shows (ShkScenariosView *view,
                     ShkDocument      *document)
{
  ShkPlan *plan = shk_document_get_plan (document);
  ShkScenario *first = scenario_at (document, 0);
  g_autoptr(ShkPaybackResult) expected = shk_scenario_compute_payback (plan, first, NULL);
  g_autofree char *headline = g_strdup_printf ("Recovered in year %u", expected->payback_year);
  ShkPaybackView *compare = shk_scenarios_view_get_compare_chart (view);
  const char *description = shk_payback_view_get_description (compare);

  g_assert_true (shk_scenarios_view_get_scenario (view) == first);
  g_assert_cmpuint (shk_scenarios_view_get_result (view)->payback_year, ==, expected->payback_year);
  g_assert_cmpint (shk_scenarios_view_get_result (view)->net_at_horizon, ==, expected->net_at_horizon);
  g_assert_cmpstr (shk_scenarios_view_get_result_text (view), ==, headline);
  g_assert_cmpuint (shk_payback_view_get_n_series (shk_scenarios_view_get_chart (view)), ==, 1);
  g_assert_cmpuint (shk_scenarios_view_get_sensitivity (view)->base.payback_year, ==,
                    expected->payback_year);

  g_assert_cmpuint (shk_payback_view_get_n_series (compare), ==, 2);
  g_assert_nonnull (strstr (description, shk_scenario_get_name (first)));
  g_assert_nonnull (strstr (description, shk_scenario_get_name (scenario_at (document, 1))));
}

/* In a real window under Xvfb, in both styles: drawing does not fail, and
 * every page shows the figures of the document. */
static void
test_in_window (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = shk_scenarios_view_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  shk_scenarios_view_set_document (SHK_SCENARIOS_VIEW (view), document);
  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();

  shk_scenarios_view_set_compared (SHK_SCENARIOS_VIEW (view), scenario_at (document, 0), TRUE);
  shk_scenarios_view_set_compared (SHK_SCENARIOS_VIEW (view), scenario_at (document, 1), TRUE);
  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      shk_scenarios_view_show_page (SHK_SCENARIOS_VIEW (view), "edit");
      shk_test_flush_events ();
      assert_window_shows (SHK_SCENARIOS_VIEW (view), document);
      shk_scenarios_view_show_page (SHK_SCENARIOS_VIEW (view), "compare");
      shk_test_flush_events ();
      assert_window_shows (SHK_SCENARIOS_VIEW (view), document);
      shk_scenarios_view_show_page (SHK_SCENARIOS_VIEW (view), "sensitivity");
      shk_test_flush_events ();
      assert_window_shows (SHK_SCENARIOS_VIEW (view), document);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Replacing the document, and having none, leave nothing behind. */
  shk_scenarios_view_set_document (SHK_SCENARIOS_VIEW (view), NULL);
  shk_test_flush_events ();
  g_assert_null (shk_scenarios_view_get_scenario (SHK_SCENARIOS_VIEW (view)));
  g_assert_null (shk_scenarios_view_get_result (SHK_SCENARIOS_VIEW (view)));

  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

/* ------------------------------------------------------------------ */
/* The cost grid as a sheet                                            */

typedef struct
{
  ShkDocument         *document;
  GtkWidget           *window;
  ShkScenariosView    *view;
  ShkScenarioCostGrid *grid;
  ShkSheetCursor      *cursor;
  ShkScenario         *scenario;
} Sheet;

static void
sheet_set_up (Sheet *sheet)
{
  sheet->document = shk_document_new_builtin ();
  sheet->window = gtk_window_new ();
  sheet->view = SHK_SCENARIOS_VIEW (shk_scenarios_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (sheet->window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (sheet->window), GTK_WIDGET (sheet->view));
  shk_scenarios_view_set_document (sheet->view, sheet->document);
  shk_scenarios_view_select (sheet->view, 0);
  shk_scenarios_view_show_page (sheet->view, "edit");
  gtk_window_present (GTK_WINDOW (sheet->window));
  sheet->grid = shk_scenarios_view_get_cost_grid (sheet->view);
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (GTK_WIDGET (sheet->grid)); i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  shk_test_flush_events ();
  sheet->cursor = shk_scenario_cost_grid_get_cursor (sheet->grid);
  sheet->scenario = scenario_at (sheet->document, 0);
}

static void
sheet_tear_down (Sheet *sheet)
{
  gtk_window_destroy (GTK_WINDOW (sheet->window));
  /* GTK 4.8's editable label acts on its focus-out 100 ms later. */
  for (guint i = 0; i < 40; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  g_clear_object (&sheet->document);
}

static void
assert_at (Sheet *sheet,
           guint  row,
           guint  column)
{
  guint r, c;

  g_assert_true (shk_sheet_cursor_get_cursor (sheet->cursor, &r, &c));
  g_assert_cmpuint (r, ==, row);
  g_assert_cmpuint (c, ==, column);
}

static double
amount_of (Sheet *sheet,
           guint  item,
           guint  year)
{
  return shk_cost_item_get_amount (shk_scenario_peek_cost_item (sheet->scenario, item), year);
}

static const char *
focused_text (Sheet *sheet)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (sheet->window));

  g_assert_true (GTK_IS_EDITABLE (focus) || GTK_IS_EDITABLE (gtk_widget_get_parent (focus)));
  if (!GTK_IS_EDITABLE_LABEL (focus))
    focus = gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL);
  return gtk_editable_get_text (GTK_EDITABLE (focus));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The keys of a spreadsheet: Home/End, Ctrl+Home/End, Tab past the
 * read-only cells, typing that replaces, F2, Escape that cancels. */
static void
test_cost_grid_walk (void)
{
  Sheet sheet = { 0 };
  guint n_items, n_years, total_column;
  double before;

  sheet_set_up (&sheet);
  n_items = shk_scenario_get_n_cost_items (sheet.scenario);
  n_years = shk_scenario_get_n_years (sheet.scenario);
  total_column = 2 + n_years;
  g_assert_cmpuint (n_items, >=, 2);

  /* Columns: menu, name, the years, the total; rows: items, totals. */
  shk_sheet_cursor_set_cursor (sheet.cursor, 0, 2, FALSE);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_End, 0));
  assert_at (&sheet, 0, total_column);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Home, 0));
  assert_at (&sheet, 0, 0);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_End, GDK_CONTROL_MASK));
  assert_at (&sheet, n_items, total_column);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Home, GDK_CONTROL_MASK));
  assert_at (&sheet, 0, 0);

  /* Tab skips the totals and the next row's menu. */
  shk_sheet_cursor_set_cursor (sheet.cursor, 0, total_column - 1, FALSE);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Tab, 0));
  assert_at (&sheet, 1, 1);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_at (&sheet, 0, total_column - 1);

  /* Typing replaces the amount; Enter applies it and goes down. */
  shk_sheet_cursor_set_cursor (sheet.cursor, 0, 2, FALSE);
  shk_test_flush_events ();
  g_assert_true (shk_sheet_cursor_start_editing (sheet.cursor, "9000000"));
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Return, 0));
  shk_test_flush_events ();
  assert_at (&sheet, 1, 2);
  g_assert_cmpfloat (amount_of (&sheet, 0, 0), ==, 9000000);
  shk_sheet_cursor_set_cursor (sheet.cursor, 0, 2, FALSE);
  shk_test_flush_events ();
  g_assert_cmpstr (focused_text (&sheet), ==, "9,000,000");

  /* A key typed over the cell starts editing; Escape cancels it. */
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_5, 0));
  g_assert_true (shk_sheet_cursor_is_editing (sheet.cursor));
  g_assert_cmpstr (focused_text (&sheet), ==, "5");
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Escape, 0));
  shk_test_flush_events ();
  g_assert_false (shk_sheet_cursor_is_editing (sheet.cursor));
  g_assert_cmpfloat (amount_of (&sheet, 0, 0), ==, 9000000);
  g_assert_cmpstr (focused_text (&sheet), ==, "9,000,000");

  /* F2 edits in place, keeping the text. */
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_F2, 0));
  g_assert_true (shk_sheet_cursor_is_editing (sheet.cursor));
  g_assert_cmpstr (focused_text (&sheet), ==, "9,000,000");
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Escape, 0));
  shk_test_flush_events ();

  /* A refused amount is not applied, and says why. */
  before = amount_of (&sheet, 1, 1);
  shk_sheet_cursor_set_cursor (sheet.cursor, 1, 3, FALSE);
  g_assert_true (shk_sheet_cursor_start_editing (sheet.cursor, "-5"));
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Return, 0));
  shk_test_flush_events ();
  g_assert_cmpfloat (amount_of (&sheet, 1, 1), ==, before);

  /* The totals take no value: Enter on the last item stays there. */
  shk_sheet_cursor_set_cursor (sheet.cursor, n_items - 1, 2, FALSE);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Return, 0));
  assert_at (&sheet, n_items - 1, 2);
  shk_sheet_cursor_set_cursor (sheet.cursor, n_items, 2, FALSE);
  g_assert_false (shk_sheet_cursor_start_editing (sheet.cursor, "1"));

  /* A long name is clipped with an ellipsis and read whole. */
  shk_sheet_cursor_set_cursor (sheet.cursor, 0, 1, FALSE);
  shk_test_flush_events ();
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_root_get_focus (GTK_ROOT (sheet.window))), ==,
                   shk_cost_item_get_name (shk_scenario_peek_cost_item (sheet.scenario, 0)));

  sheet_tear_down (&sheet);
}

/* A block from Excel: a preview names the refused cell and the
 * read-only one; the rest is one undo step. Delete clears in one. */
static void
test_cost_grid_paste_preview (void)
{
  Sheet sheet = { 0 };
  ShkUndoStack *stack;
  AdwMessageDialog *dialog;
  const char *body;
  double first_0, second_1;
  guint n_years;

  sheet_set_up (&sheet);
  stack = shk_document_get_undo_stack (sheet.document);
  n_years = shk_scenario_get_n_years (sheet.scenario);
  first_0 = amount_of (&sheet, 0, 0);
  second_1 = amount_of (&sheet, 1, 1);

  shk_scenario_cost_grid_paste_text (sheet.grid, 0, 0, "3,512\t１２０\r\n500\tmany\r\n");
  shk_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Row 2, column 2"));
  g_assert_nonnull (strstr (body, "many"));
  /* Nothing changes before the preview is answered. */
  g_assert_cmpfloat (amount_of (&sheet, 0, 0), ==, first_0);

  adw_message_dialog_response (dialog, "paste");
  gtk_window_destroy (GTK_WINDOW (dialog));
  shk_test_flush_events ();
  g_assert_cmpfloat (amount_of (&sheet, 0, 0), ==, 3512);
  g_assert_cmpfloat (amount_of (&sheet, 0, 1), ==, 120);
  g_assert_cmpfloat (amount_of (&sheet, 1, 0), ==, 500);
  g_assert_cmpfloat (amount_of (&sheet, 1, 1), ==, second_1);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste 4 cells");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_cmpfloat (amount_of (&sheet, 0, 0), ==, first_0);
  g_assert_cmpfloat (amount_of (&sheet, 1, 0), !=, 500);

  /* Into the totals column: skipped with a note, the rest pasted. */
  shk_scenario_cost_grid_paste_text (sheet.grid, 0, n_years - 1, "7\t8\n");
  shk_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be edited; skipped"));
  adw_message_dialog_response (dialog, "paste");
  gtk_window_destroy (GTK_WINDOW (dialog));
  shk_test_flush_events ();
  g_assert_cmpfloat (amount_of (&sheet, 0, n_years - 1), ==, 7);

  /* Every cell accepted: no preview. */
  shk_scenario_cost_grid_paste_text (sheet.grid, 0, 0, "1\t2\n3\t4\n");
  shk_test_flush_events ();
  g_assert_null (find_dialog ());
  g_assert_cmpfloat (amount_of (&sheet, 1, 1), ==, 4);

  /* Delete empties the range in one step. */
  shk_sheet_cursor_set_cursor (sheet.cursor, 0, 2, FALSE);
  shk_sheet_cursor_set_cursor (sheet.cursor, 1, 3, TRUE);
  g_assert_true (shk_sheet_cursor_handle_key (sheet.cursor, GDK_KEY_Delete, 0));
  g_assert_cmpfloat (amount_of (&sheet, 0, 0), ==, 0);
  g_assert_cmpfloat (amount_of (&sheet, 1, 1), ==, 0);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Clear 4 cells");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (amount_of (&sheet, 1, 1), ==, 4);

  sheet_tear_down (&sheet);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/scenarios-view/payback-shown", test_payback_shown);
  g_test_add_func ("/scenarios-view/running-cost-undo", test_running_cost_and_undo);
  g_test_add_func ("/scenarios-view/invalid-refused", test_invalid_input_refused);
  g_test_add_func ("/scenarios-view/typing-folds", test_typing_folds_into_one_step);
  g_test_add_func ("/scenarios-view/hours-saved", test_hours_saved);
  g_test_add_func ("/scenarios-view/horizon", test_horizon);
  g_test_add_func ("/scenarios-view/scenarios-and-items", test_scenarios_and_cost_items);
  g_test_add_func ("/scenarios-view/compare", test_compare);
  g_test_add_func ("/scenarios-view/sensitivity", test_sensitivity);
  g_test_add_func ("/scenarios-view/invalid-scenario", test_invalid_scenario_from_file);
  g_test_add_func ("/scenarios-view/chart-keyboard", test_chart_keyboard_and_tooltip_text);
  g_test_add_func ("/scenarios-view/rows", test_rows);
  g_test_add_func ("/scenarios-view/window", test_in_window);
  g_test_add_func ("/scenarios-view/cost-grid-walk", test_cost_grid_walk);
  g_test_add_func ("/scenarios-view/cost-grid-paste-preview", test_cost_grid_paste_preview);

  return g_test_run ();
}
