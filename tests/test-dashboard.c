/* test-dashboard.c — the dashboard on the built-in plan, and live updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "shk-dashboard-private.h"
#include "shk-edit.h"
#include "shk-test-utils.h"

static void
assert_count (ShkDashboard *dashboard,
              const char   *evaluation_id,
              ShkGrade      grade,
              const char   *expected)
{
  g_autofree char *text = shk_dashboard_dup_count_text (dashboard, evaluation_id, grade);

  g_assert_cmpstr (text, ==, expected);
}

static ShkDashboard *
dashboard_new_for (ShkDocument *document)
{
  ShkDashboard *dashboard = g_object_ref_sink (SHK_DASHBOARD (shk_dashboard_new ()));

  shk_dashboard_set_document (dashboard, document);
  return dashboard;
}

static ShkIndicator *
first_indicator (ShkDocument *document,
                 guint        number)
{
  ShkMeasure *measure = shk_plan_find_measure (shk_document_get_plan (document), number, NULL);

  g_assert_nonnull (measure);
  return shk_measure_get_indicator (measure, 0);
}

static void
test_builtin_summary (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);
  const ShkSummary *summary = shk_dashboard_get_summary (dashboard);
  const char *description;

  /* Table (6) of the handouts, computed. */
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->n_columns, ==, 4);
  assert_count (dashboard, "R2/R2", SHK_GRADE_ACHIEVED, "42");
  assert_count (dashboard, "H30/R3", SHK_GRADE_LAGGING, "9");
  assert_count (dashboard, "R1/R3", SHK_GRADE_MOSTLY, "14");
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");
  assert_count (dashboard, "R2/R3", SHK_GRADE_MOSTLY, "9");
  assert_count (dashboard, "R2/R3", SHK_GRADE_LAGGING, "7");
  assert_count (dashboard, "R2/R3", SHK_GRADE_PENDING, "3");
  assert_count (dashboard, "R2/R3", SHK_GRADE_NONE, "54");
  g_assert_null (shk_dashboard_dup_count_text (dashboard, "R9/R9", SHK_GRADE_ACHIEVED));

  /* The lists are for the last evaluation, R2/R3, over the counted
   * measures: as many rows as the table counts. */
  g_assert_cmpstr (shk_dashboard_get_evaluation (dashboard), ==, "R2/R3");
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_ACHIEVED), ==, 35);
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_LAGGING), ==, 7);

  /* The office's grades that depart from the figures are listed. */
  {
    g_autoptr(GPtrArray) departures = shk_plan_list_departures (shk_document_get_plan (document));

    g_assert_cmpuint (departures->len, >, 0);
    g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_NONE), ==, departures->len);
  }

  /* The chart says what it shows. */
  description = shk_dashboard_get_chart_description (dashboard);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, "R2/R3"));
}

static void
test_evaluation_choice (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);

  shk_dashboard_set_evaluation (dashboard, "H30/R3");
  g_assert_cmpstr (shk_dashboard_get_evaluation (dashboard), ==, "H30/R3");
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_ACHIEVED), ==, 27);
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_LAGGING), ==, 9);

  /* A recompute keeps the choice. */
  shk_plan_set_title (shk_document_get_plan (document), "改題");
  shk_test_flush_events ();
  g_assert_cmpstr (shk_dashboard_get_evaluation (dashboard), ==, "H30/R3");
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_ACHIEVED), ==, 27);

  /* An evaluation the plan does not have falls back to the last one. */
  shk_dashboard_set_evaluation (dashboard, "R7/R9");
  g_assert_cmpstr (shk_dashboard_get_evaluation (dashboard), ==, "R2/R3");
}

/* The acceptance check: No.1's R2 actual at 1,000,000 turns its
 * R2/R3 grade from ◎ to △; undo restores it. */
static void
test_edit_updates_and_undo_restores (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  ShkIndicator *indicator = first_indicator (document, 1);

  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 1000000,
                            "Edit R2 actual of No.1");
  /* Coalesced: nothing is recomputed until the idle runs. */
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "34");
  assert_count (dashboard, "R2/R3", SHK_GRADE_LAGGING, "8");
  assert_count (dashboard, "R2/R3", SHK_GRADE_NONE, "54");
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_ACHIEVED), ==, 34);
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_LAGGING), ==, 8);

  g_assert_true (shk_undo_stack_undo (stack));
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");
  assert_count (dashboard, "R2/R3", SHK_GRADE_LAGGING, "7");

  g_assert_true (shk_undo_stack_redo (stack));
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "34");
}

/* Changes made on the model directly show too. */
static void
test_direct_change_updates (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);
  ShkIndicator *indicator = first_indicator (document, 1);
  double old_actual = 0;

  g_assert_true (shk_indicator_get_actual (indicator, "R2", &old_actual));
  shk_indicator_set_actual (indicator, "R2", 1000000);
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "34");
  assert_count (dashboard, "R2/R3", SHK_GRADE_LAGGING, "8");

  shk_indicator_set_actual (indicator, "R2", old_actual);
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");
  assert_count (dashboard, "R2/R3", SHK_GRADE_LAGGING, "7");
}

/* Many changes in one go cost one recompute. */
static void
test_changes_coalesced (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  GListModel *measures = shk_plan_get_measures (shk_document_get_plan (document));

  shk_undo_stack_begin_group (stack, "Clear R2 actuals");
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      GListModel *indicators = shk_measure_get_indicators (measure);

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        shk_edit_indicator_value (stack, shk_measure_get_indicator (measure, j),
                                  SHK_VALUE_ACTUAL, "R2", FALSE, 0, NULL);
    }
  shk_undo_stack_end_group (stack);

  /* Still the summary from before the changes: the recompute waits for
   * the main loop instead of running once per change… (The summary's
   * address proves nothing: a new one may reuse the old one's memory.) */
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");
  shk_test_flush_events ();
  /* …and one after: no R2 figures, so R2/R3 counts fewer ◎. */
  {
    g_autofree char *achieved = shk_dashboard_dup_count_text (dashboard, "R2/R3", SHK_GRADE_ACHIEVED);
    g_assert_cmpint (atoi (achieved), <, 35);
  }

  g_assert_true (shk_undo_stack_undo (stack));
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");
}

static void
test_blank_and_switch_documents (void)
{
  g_autoptr(ShkDocument) blank = shk_document_new_blank ();
  g_autoptr(ShkDocument) builtin = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (blank);
  const char *last_id;

  /* An empty plan still has its evaluations, all at zero. */
  last_id = shk_dashboard_get_evaluation (dashboard);
  g_assert_nonnull (last_id);
  assert_count (dashboard, last_id, SHK_GRADE_ACHIEVED, "0");
  assert_count (dashboard, last_id, SHK_GRADE_NONE, "0");
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_ACHIEVED), ==, 0);

  /* Switching documents shows the new one at once, and the old one no
   * longer drives the dashboard. */
  shk_dashboard_set_document (dashboard, builtin);
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");
  shk_plan_set_title (shk_document_get_plan (blank), "変更");
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");

  shk_dashboard_set_document (dashboard, NULL);
  g_assert_null (shk_dashboard_get_summary (dashboard));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/dashboard/builtin-summary", test_builtin_summary);
  g_test_add_func ("/dashboard/evaluation-choice", test_evaluation_choice);
  g_test_add_func ("/dashboard/edit-and-undo", test_edit_updates_and_undo_restores);
  g_test_add_func ("/dashboard/direct-change", test_direct_change_updates);
  g_test_add_func ("/dashboard/coalesced", test_changes_coalesced);
  g_test_add_func ("/dashboard/blank-and-switch", test_blank_and_switch_documents);

  return g_test_run ();
}
