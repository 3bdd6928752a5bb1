/* test-processes-view.c — the processes view on the built-in document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include <glib/gstdio.h>

#include "shk-chart-view.h"
#include "shk-pareto-view.h"
#include "shk-process-cell.h"
#include "shk-process-priority-cell.h"
#include "shk-payback.h"
#include "shk-processes-view.h"
#include "shk-test-utils.h"

static ShkProcess *
row_process (ShkProcessesView *view,
             guint             position)
{
  GListModel *rows = shk_processes_view_get_rows (view);
  g_autoptr(ShkProcess) process = g_list_model_get_item (rows, position);

  return process;   /* the survey keeps it alive */
}

static void
test_view_lists_ranked_processes (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWidget *view = g_object_ref_sink (shk_processes_view_new ());
  const ShkRanking *ranking;
  GListModel *rows;

  shk_processes_view_set_document (SHK_PROCESSES_VIEW (view), document);
  shk_test_flush_events ();

  rows = shk_processes_view_get_rows (SHK_PROCESSES_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 36);

  ranking = shk_processes_view_get_ranking (SHK_PROCESSES_VIEW (view));
  g_assert_cmpfloat (ranking->listed_hours, ==, 224100);
  g_assert_cmpfloat_with_epsilon (ranking->listed_share, 0.874, 0.0005);

  /* The natural order is the rank order. */
  for (guint i = 1; i < 36; i++)
    g_assert_cmpfloat (shk_process_get_hours (row_process (SHK_PROCESSES_VIEW (view), i - 1)), >=,
                       shk_process_get_hours (row_process (SHK_PROCESSES_VIEW (view), i)));

  g_object_unref (view);
}

static void
test_filters_and_grouping (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkProcessesView *view = g_object_ref_sink (SHK_PROCESSES_VIEW (shk_processes_view_new ()));
  GListModel *rows;

  shk_processes_view_set_document (view, document);
  shk_test_flush_events ();
  rows = shk_processes_view_get_rows (view);

  shk_processes_view_set_priority_filter (view, SHK_PRIORITY_HIGH);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  shk_processes_view_set_priority_filter (view, SHK_PRIORITY_MEDIUM);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  shk_processes_view_set_priority_filter (view, SHK_PRIORITY_EXCLUDED);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 13);
  shk_processes_view_set_priority_filter (view, -1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 36);

  /* The search covers sections too; 保育幼稚園課 has the nursery processes. */
  shk_processes_view_set_search (view, "保育幼稚園課");
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_assert_cmpstr (shk_process_get_section (row_process (view, i)), ==, "保育幼稚園課");
  shk_processes_view_set_search (view, "no such process at all");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  shk_processes_view_set_search (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 36);

  /* Grouped by section: each section's processes are together. */
  shk_processes_view_set_grouped (view, TRUE);
  {
    g_autoptr(GHashTable) finished = g_hash_table_new (g_str_hash, g_str_equal);
    const char *current = NULL;

    for (guint i = 0; i < 36; i++)
      {
        const char *section = shk_process_get_section (row_process (view, i));

        if (g_strcmp0 (section, current) != 0)
          {
            g_assert_false (g_hash_table_contains (finished, section));
            if (current != NULL)
              g_hash_table_add (finished, (gpointer) current);
            current = section;
          }
      }
  }

  g_object_unref (view);
}

static void
test_edit_reranks_and_undo (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkProcessesView *view = g_object_ref_sink (SHK_PROCESSES_VIEW (shk_processes_view_new ()));
  g_autoptr(GError) error = NULL;
  ShkProcess *last;
  double listed_before;

  shk_processes_view_set_document (view, document);
  shk_test_flush_events ();

  last = row_process (view, 35);
  listed_before = shk_processes_view_get_ranking (view)->listed_hours;

  /* Typed as staff type it, with a thousands separator. */
  g_assert_true (shk_processes_view_commit_cell (view, last, "hours", "100,000", &error));
  g_assert_no_error (error);
  shk_test_flush_events ();
  g_assert_true (row_process (view, 0) == last);
  g_assert_cmpuint (shk_ranking_get_rank (shk_processes_view_get_ranking (view), last), ==, 1);
  g_assert_cmpfloat (shk_processes_view_get_ranking (view)->listed_hours, >, listed_before);

  /* Nonsense is refused and changes nothing. */
  g_assert_false (shk_processes_view_commit_cell (view, last, "hours", "lots", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (shk_processes_view_commit_cell (view, last, "hours", "-5", &error));
  g_clear_error (&error);
  g_assert_cmpfloat (shk_process_get_hours (last), ==, 100000);

  g_assert_true (shk_undo_stack_undo (shk_document_get_undo_stack (document)));
  shk_test_flush_events ();
  g_assert_true (row_process (view, 35) == last);
  g_assert_cmpfloat (shk_processes_view_get_ranking (view)->listed_hours, ==, listed_before);

  g_object_unref (view);
}

static void
test_expected_reduction_clear_and_undo (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkProcessesView *view = g_object_ref_sink (SHK_PROCESSES_VIEW (shk_processes_view_new ()));
  ShkProcess *process;
  double value;

  shk_processes_view_set_document (view, document);
  shk_test_flush_events ();
  process = row_process (view, 0);

  g_assert_true (shk_processes_view_commit_cell (view, process, "expected-reduction", "1,500", NULL));
  g_assert_true (shk_process_get_expected_reduction (process, &value));
  g_assert_cmpfloat (value, ==, 1500);
  g_assert_true (shk_processes_view_commit_cell (view, process, "expected-reduction", "", NULL));
  g_assert_false (shk_process_get_expected_reduction (process, &value));

  g_assert_true (shk_undo_stack_undo (shk_document_get_undo_stack (document)));
  g_assert_true (shk_process_get_expected_reduction (process, &value));
  g_assert_cmpfloat (value, ==, 1500);

  g_object_unref (view);
}

static void
test_create_scenario_from_selection (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkProcessesView *view = g_object_ref_sink (SHK_PROCESSES_VIEW (shk_processes_view_new ()));
  ShkPlan *plan = shk_document_get_plan (document);
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  GListModel *rows;
  guint n_before = g_list_model_get_n_items (scenarios), found = G_MAXUINT;
  g_autoptr(ShkScenario) scenario = NULL;

  shk_processes_view_set_document (view, document);
  shk_test_flush_events ();
  rows = shk_processes_view_get_rows (view);

  /* Select the process the handouts' scenario ② is about (4,300 h). */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (rows, i);
      double reduction;

      if (shk_process_get_expected_reduction (process, &reduction) && reduction == 4300)
        found = i;
    }
  g_assert_cmpuint (found, !=, G_MAXUINT);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), found, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "processes.create-scenario", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n_before + 1);

  scenario = g_list_model_get_item (scenarios, n_before);
  g_assert_cmpuint (g_strv_length ((char **) shk_scenario_get_process_ids (scenario)), ==, 1);
  g_assert_cmpfloat (shk_plan_get_scenario_hours_saved (plan, scenario), ==, 4300);

  /* Without costs it has no payback, only 「費用未入力」. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ShkPaybackResult) result = shk_scenario_compute_payback (plan, scenario, &error);

    g_assert_false (shk_scenario_has_costs (scenario));
    g_assert_null (result);
    g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_NO_COSTS);
  }

  g_assert_true (shk_undo_stack_undo (shk_document_get_undo_stack (document)));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n_before);

  g_object_unref (view);
}

/* The first cell of @type showing a process, depth first; for the
 * ordinary cells, the first one whose text column is @column. */
static GtkWidget *
find_cell (GtkWidget *widget,
           GType      type,
           int        column)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autoptr(ShkProcess) process = NULL;
      guint cell_column = 0;

      if (type == SHK_TYPE_PROCESS_CELL)
        g_object_get (widget, "process", &process, "column", &cell_column, NULL);
      else
        g_object_get (widget, "process", &process, NULL);
      if (process != NULL && (column < 0 || (guint) column == cell_column))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, type, column);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The cells themselves, as the user works them: the priority drop-down
 * and the in-place editor edit through the core, and undo shows again. */
static void
test_cells_edit_through_the_core (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkUndoStack *undo = shk_document_get_undo_stack (document);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = shk_processes_view_new ();
  GtkWidget *cell, *drop_down, *editor;
  ShkProcess *process;
  ShkPriority before, chosen;
  double hours;

  gtk_window_set_default_size (GTK_WINDOW (window), 1900, 1000);
  gtk_window_set_child (GTK_WINDOW (window), view);
  shk_processes_view_set_document (SHK_PROCESSES_VIEW (view), document);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50 && find_cell (view, SHK_TYPE_PROCESS_PRIORITY_CELL, -1) == NULL; i++)
    {
      g_usleep (10000);
      shk_test_flush_events ();
    }

  /* Showing the rows edits nothing. */
  g_assert_false (shk_undo_stack_can_undo (undo));

  cell = find_cell (view, SHK_TYPE_PROCESS_PRIORITY_CELL, -1);
  g_assert_nonnull (cell);
  process = shk_process_priority_cell_get_process (SHK_PROCESS_PRIORITY_CELL (cell));
  drop_down = gtk_widget_get_first_child (cell);
  g_assert_true (GTK_IS_DROP_DOWN (drop_down));
  before = shk_process_get_priority (process);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, (guint) before);
  chosen = before == SHK_PRIORITY_HIGH ? SHK_PRIORITY_LOW : SHK_PRIORITY_HIGH;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), chosen);
  g_assert_cmpint (shk_process_get_priority (process), ==, chosen);
  g_assert_true (shk_undo_stack_undo (undo));
  shk_test_flush_events ();
  g_assert_cmpint (shk_process_get_priority (process), ==, before);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, (guint) before);

  /* The hours: nonsense is refused and marked, a figure is taken. */
  cell = find_cell (view, SHK_TYPE_PROCESS_CELL, SHK_PROCESS_COLUMN_HOURS);
  g_assert_nonnull (cell);
  process = shk_process_cell_get_process (SHK_PROCESS_CELL (cell));
  hours = shk_process_get_hours (process);
  editor = gtk_widget_get_first_child (cell);
  g_assert_true (GTK_IS_EDITABLE_LABEL (editor));

  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), "lots");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (editor), TRUE);
  g_assert_cmpfloat (shk_process_get_hours (process), ==, hours);
  g_assert_true (gtk_widget_has_css_class (editor, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (editor));

  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), "123,456");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (editor), TRUE);
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 123456);
  g_assert_false (gtk_widget_has_css_class (editor, "error"));

  g_assert_true (shk_undo_stack_undo (undo));
  g_assert_cmpfloat (shk_process_get_hours (process), ==, hours);
  g_assert_false (shk_undo_stack_can_undo (undo));

  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Pareto chart leaves the window like every other chart: a chart
 * view with copy, export and print, its export titled. */
static void
test_pareto_exports_like_other_charts (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = shk_processes_view_new ();
  GtkWidget *pareto, *chart;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shk-pareto-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  shk_processes_view_set_document (SHK_PROCESSES_VIEW (view), document);
  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();

  pareto = find_widget_of_type (view, SHK_TYPE_PARETO_VIEW);
  g_assert_nonnull (pareto);
  chart = find_widget_of_type (pareto, SHK_TYPE_CHART_VIEW);
  g_assert_nonnull (chart);

  path = g_build_filename (dir, "pareto.png", NULL);
  g_assert_true (shk_chart_view_export (SHK_CHART_VIEW (chart), path, SHK_CHART_STYLE_LIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (gtk_widget_activate_action (chart, "chart.copy", NULL));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/processes-view/ranked", test_view_lists_ranked_processes);
  g_test_add_func ("/processes-view/filters", test_filters_and_grouping);
  g_test_add_func ("/processes-view/edit-rerank-undo", test_edit_reranks_and_undo);
  g_test_add_func ("/processes-view/expected-reduction", test_expected_reduction_clear_and_undo);
  g_test_add_func ("/processes-view/create-scenario", test_create_scenario_from_selection);
  g_test_add_func ("/processes-view/cells", test_cells_edit_through_the_core);
  g_test_add_func ("/processes-view/pareto-exports", test_pareto_exports_like_other_charts);

  return g_test_run ();
}
