/* test-dashboard.c — the dashboard on the built-in plan, and live updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "shk-dashboard-private.h"
#include "shk-edit.h"
#include "shk-format.h"
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

/* A hidden dashboard does nothing until shown, so the dashboards tested
 * are on screen, in a window of their own (left open until the test ends). */
static ShkDashboard *
dashboard_new_for (ShkDocument *document)
{
  ShkDashboard *dashboard = g_object_ref_sink (SHK_DASHBOARD (shk_dashboard_new ()));
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (dashboard));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (dashboard)))
    g_main_context_iteration (NULL, TRUE);
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
    guint in_h30 = 0;

    /* The departures of the evaluation the lists are for. */
    for (guint i = 0; i < departures->len; i++)
      in_h30 += g_str_equal (shk_evaluation_get_id (((ShkDeparture *) departures->pdata[i])->evaluation),
                             "H30/R3");
    g_assert_cmpuint (in_h30, >, 0);
    shk_dashboard_set_evaluation (dashboard, "H30/R3");
    g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_NONE), ==, in_h30);
    shk_dashboard_set_evaluation (dashboard, NULL);
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

/* Measures of @model as a sorted list of "number" strings, for comparing
 * what the dashboard shows with a full computation. */
static char *
numbers_of_model (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%u,", shk_measure_get_number (measure));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
numbers_of_array (GPtrArray *measures)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < measures->len; i++)
    g_string_append_printf (text, "%u,", shk_measure_get_number (measures->pdata[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_lists_current (ShkDashboard *dashboard,
                      ShkPlan      *plan)
{
  ShkEvaluation *evaluation = shk_plan_find_evaluation (plan, shk_dashboard_get_evaluation (dashboard));
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);
  GListModel *shown_departures = shk_dashboard_get_list_model (dashboard, SHK_GRADE_NONE);
  const ShkGrade grades[] = { SHK_GRADE_ACHIEVED, SHK_GRADE_LAGGING };

  for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
    {
      g_autoptr(GPtrArray) measures = shk_plan_list_measures_with_grade (plan, evaluation, grades[g], TRUE);
      g_autofree char *want = numbers_of_array (measures);
      g_autofree char *have = numbers_of_model (shk_dashboard_get_list_model (dashboard, grades[g]));

      g_assert_cmpstr (have, ==, want);
      g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, grades[g]), ==, measures->len);
    }

  /* The counts of every evaluation. */
  for (guint c = 0; c < summary->n_columns; c++)
    for (ShkGrade g = SHK_GRADE_ACHIEVED; g <= SHK_GRADE_PENDING; g++)
      {
        g_autofree char *want = g_strdup_printf ("%u", summary->columns[c].count[g]);

        assert_count (dashboard, shk_evaluation_get_id (summary->columns[c].evaluation), g, want);
      }

  /* The departures of the same evaluation, in plan order. */
  {
    g_autoptr(GString) want = g_string_new (NULL);
    g_autofree char *have = numbers_of_model (shown_departures);

    for (guint i = 0; i < departures->len; i++)
      {
        ShkDeparture *departure = departures->pdata[i];

        if (departure->evaluation == evaluation)
          g_string_append_printf (want, "%u,", shk_measure_get_number (departure->measure));
      }
    g_assert_cmpstr (have, ==, want->str);
    g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_NONE), ==,
                      g_list_model_get_n_items (shown_departures));
  }
}

/* Random edits of actuals and targets: after each, the lists and counts
 * the dashboard shows are those of a full computation. */
static void
test_lists_follow_edits (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  GListModel *measures = shk_plan_get_measures (plan);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  const char *years[] = { "H30", "R1", "R2", "R3" };

  assert_lists_current (dashboard, plan);
  for (guint step = 0; step < 150; step++)
    {
      guint m = g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (measures));
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, m);
      guint n_indicators = g_list_model_get_n_items (shk_measure_get_indicators (measure));
      ShkIndicator *indicator;
      const char *year = years[g_rand_int_range (rand, 0, G_N_ELEMENTS (years))];
      double target = 0;

      if (n_indicators == 0)
        continue;
      indicator = shk_measure_get_indicator (measure, g_rand_int_range (rand, 0, (gint32) n_indicators));
      if (step % 10 == 9)
        g_assert_true (shk_undo_stack_undo (stack));
      else if (shk_indicator_get_target (indicator, year, &target) && target > 0)
        shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, year, g_rand_boolean (rand) || step % 7 != 0,
                                  target * g_rand_double_range (rand, 0.3, 1.3), NULL);
      else
        shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, year, FALSE, 0, NULL);
      shk_test_flush_events ();
      assert_lists_current (dashboard, plan);
      if (step == 75)
        shk_dashboard_set_evaluation (dashboard, "R1/R3");
    }
}

/* The built-in plan with its measures repeated @copies times (numbers
 * moved by 1000 per copy). */
static ShkDocument *
replicated_builtin (guint copies)
{
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autofree char *data = NULL;
  JsonArray *measures;
  guint n;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  measures = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "measures");
  n = json_array_get_length (measures);
  for (guint copy = 1; copy < copies; copy++)
    for (guint i = 0; i < n; i++)
      {
        /* json_node_copy() shares the object: a deep copy through text. */
        g_autofree char *text = json_to_string (json_array_get_element (measures, i), FALSE);
        JsonNode *node = json_from_string (text, NULL);
        JsonObject *measure = json_node_get_object (node);

        json_object_set_int_member (measure, "number",
                                    json_object_get_int_member (measure, "number") + copy * 1000);
        json_object_set_int_member (measure, "index_in_policy",
                                    json_object_get_int_member (measure, "index_in_policy") + copy * 1000);
        json_array_add_element (measures, node);
      }
  data = json_to_string (json_parser_get_root (parser), FALSE);
  plan = shk_format_load_data (data, -1, "replicated.json", &error);
  g_assert_no_error (error);
  return shk_document_new_recovered (plan, NULL, NULL);
}

/* The lists are list views: rows exist for what is on screen, not for
 * every measure in the list; edits keep them equal to a full computation. */
static void
test_rows_only_on_screen (void)
{
  g_autoptr(ShkDocument) document = replicated_builtin (20);
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);
  ShkPlan *plan = shk_document_get_plan (document);

  shk_test_flush_events ();
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_ACHIEVED), ==, 20 * 35);
  g_assert_cmpuint (shk_dashboard_count_rows (dashboard, SHK_GRADE_ACHIEVED), >, 0);
  /* A preview of the first rows until 「すべて表示」. */
  g_assert_cmpuint (shk_dashboard_count_rows (dashboard, SHK_GRADE_ACHIEVED), <=, 12);
  g_assert_cmpuint (shk_dashboard_count_rows (dashboard, SHK_GRADE_NONE), <=, 12);

  shk_edit_indicator_value (shk_document_get_undo_stack (document),
                            shk_measure_get_indicator (shk_plan_find_measure (plan, 5001, NULL), 0),
                            SHK_VALUE_ACTUAL, "R2", TRUE, 1000000, NULL);
  shk_test_flush_events ();
  assert_lists_current (dashboard, plan);
}

/* A hidden dashboard does no work; shown again, it is current at once. */
static void
test_hidden_waits (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDashboard) dashboard = dashboard_new_for (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);

  gtk_widget_set_visible (GTK_WIDGET (dashboard), FALSE);
  shk_test_flush_events ();
  shk_edit_indicator_value (stack, first_indicator (document, 1), SHK_VALUE_ACTUAL, "R2", TRUE,
                            1000000, NULL);
  shk_test_flush_events ();
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "35");

  gtk_widget_set_visible (GTK_WIDGET (dashboard), TRUE);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dashboard)))
    g_main_context_iteration (NULL, TRUE);
  assert_count (dashboard, "R2/R3", SHK_GRADE_ACHIEVED, "34");
  g_assert_cmpuint (shk_dashboard_get_list_length (dashboard, SHK_GRADE_LAGGING), ==, 8);
}

/* A dashboard given its plan before it is first shown (the window's
 * first view) makes its lists' rows in its first frame only when that
 * frame shows them, and right after it otherwise. */
typedef struct
{
  ShkDashboard *dashboard;
  gboolean      painted;
  guint         rows;
} FirstFrame;

static void
on_first_frame (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  if (frame->painted)
    return;
  frame->painted = TRUE;
  frame->rows = shk_dashboard_count_rows (frame->dashboard, SHK_GRADE_ACHIEVED);
}

static guint
rows_in_first_frame (int height)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  FirstFrame frame = { g_object_ref_sink (SHK_DASHBOARD (shk_dashboard_new ())), FALSE, 0 };
  GtkWidget *window = gtk_window_new ();
  gulong handler;

  shk_dashboard_set_document (frame.dashboard, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (frame.dashboard));
  gtk_widget_realize (window);
  handler = g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                                    G_CALLBACK (on_first_frame), &frame);
  gtk_window_present (GTK_WINDOW (window));
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), handler);

  /* Whatever the first frame showed, the lists are complete after it. */
  while (shk_dashboard_count_rows (frame.dashboard, SHK_GRADE_ACHIEVED) == 0)
    g_main_context_iteration (NULL, TRUE);
  shk_test_flush_events ();
  g_assert_cmpuint (shk_dashboard_get_list_length (frame.dashboard, SHK_GRADE_ACHIEVED), ==, 35);
  g_assert_cmpuint (shk_dashboard_count_rows (frame.dashboard, SHK_GRADE_ACHIEVED), ==, 12);
  g_assert_cmpuint (shk_dashboard_count_rows (frame.dashboard, SHK_GRADE_LAGGING), ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (frame.dashboard);
  return frame.rows;
}

static void
test_lists_after_first_frame (void)
{
  /* Below the summary in a short window: made after the first frame. */
  g_assert_cmpuint (rows_in_first_frame (600), ==, 0);
  /* On screen in a tall one: made for the first frame. */
  g_assert_cmpuint (rows_in_first_frame (2400), ==, 12);
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
  g_test_add_func ("/dashboard/lists-follow-edits", test_lists_follow_edits);
  g_test_add_func ("/dashboard/rows-only-on-screen", test_rows_only_on_screen);
  g_test_add_func ("/dashboard/hidden-waits", test_hidden_waits);
  g_test_add_func ("/dashboard/lists-after-first-frame", test_lists_after_first_frame);

  return g_test_run ();
}
