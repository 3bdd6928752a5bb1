/* test-measures-view.c — the measures table on the built-in document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <math.h>

#include "shk-edit.h"
#include "shk-frozen-cell.h"
#include "shk-grade-cell.h"
#include "shk-measure-cell.h"
#include "shk-measure-detail.h"
#include "shk-measures-view.h"
#include "shk-rules.h"
#include "shk-test-utils.h"
#include "shk-value-line.h"

static ShkMeasuresView *
view_new (ShkDocument *document)
{
  ShkMeasuresView *view = g_object_ref_sink (SHK_MEASURES_VIEW (shk_measures_view_new ()));

  shk_measures_view_set_document (view, document);
  shk_test_flush_events ();
  return view;
}

static ShkMeasure *
measure_of (ShkDocument *document,
            guint        number)
{
  ShkMeasure *measure = shk_plan_find_measure (shk_document_get_plan (document), number, NULL);

  g_assert_nonnull (measure);
  return measure;
}

static ShkMeasure *
row_measure (ShkMeasuresView *view,
             guint            position)
{
  g_autoptr(ShkMeasure) measure = g_list_model_get_item (shk_measures_view_get_rows (view), position);

  return measure;   /* the plan keeps it alive */
}

static guint
n_rows (ShkMeasuresView *view)
{
  return g_list_model_get_n_items (shk_measures_view_get_rows (view));
}

static ShkGrade
grade_of (ShkDocument *document,
          ShkMeasure  *measure,
          const char  *evaluation_id)
{
  ShkPlan *plan = shk_document_get_plan (document);

  return shk_plan_get_effective_grade (plan, measure, shk_plan_find_evaluation (plan, evaluation_id));
}

static const ShkSummaryColumn *
summary_column (ShkSummary *summary,
                const char *evaluation_id)
{
  for (guint i = 0; i < summary->n_columns; i++)
    if (g_str_equal (shk_evaluation_get_id (summary->columns[i].evaluation), evaluation_id))
      return &summary->columns[i];
  g_assert_not_reached ();
}

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

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  /* The table's cells draw their texts themselves. */
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (SHK_IS_MEASURE_CELL (widget))
    {
      g_autofree char *shown = shk_measure_cell_dup_shown_text (SHK_MEASURE_CELL (widget));

      g_string_append_printf (texts, "%s\n", shown);
      return;
    }
  else if (SHK_IS_GRADE_CELL (widget) && shk_grade_cell_get_symbol (SHK_GRADE_CELL (widget)) != NULL)
    g_string_append_printf (texts, "%s\n%s\n", shk_grade_cell_get_symbol (SHK_GRADE_CELL (widget)),
                            shk_grade_cell_get_computed_text (SHK_GRADE_CELL (widget)) ?: "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* The text of every label in the table row that shows @name. */
static char *
row_texts (GtkWidget  *widget,
           const char *name)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
    {
      GString *texts = g_string_new (NULL);

      collect_texts (widget, texts);
      if (strstr (texts->str, name) != NULL)
        return g_string_free (texts, FALSE);
      g_string_free (texts, TRUE);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = row_texts (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The table's cells make their tooltips when asked: the line of a
 * measure cell, or the grade cell, whose tooltip starts with @prefix. */
static GtkWidget *
find_cell_by_tooltip (GtkWidget  *widget,
                      GType       type,
                      const char *prefix)
{
  if (SHK_IS_GRADE_CELL (widget))
    {
      const char *tooltip = shk_grade_cell_get_tooltip (SHK_GRADE_CELL (widget));

      return G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && tooltip != NULL &&
             g_str_has_prefix (tooltip, prefix) ? widget : NULL;
    }
  for (guint line = 0; SHK_IS_MEASURE_CELL (widget); line++)
    {
      GtkWidget *target = shk_measure_cell_get_target (SHK_MEASURE_CELL (widget), line);
      g_autofree char *tooltip = shk_measure_cell_dup_tooltip (SHK_MEASURE_CELL (widget), line);

      if (target == NULL || (target == widget && line > 0))
        break;
      if (G_TYPE_CHECK_INSTANCE_TYPE (target, type) && tooltip != NULL &&
          g_str_has_prefix (tooltip, prefix))
        return target;
    }
  return NULL;
}

/* The widget in @widget's tree whose tooltip starts with @prefix. */
static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 GType       type,
                 const char *prefix)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && tooltip != NULL &&
      g_str_has_prefix (tooltip, prefix))
    return widget;
  if (SHK_IS_GRADE_CELL (widget) || SHK_IS_MEASURE_CELL (widget))
    return find_cell_by_tooltip (widget, type, prefix);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, type, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The preferences row titled @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *column_view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;   /* the column view keeps it alive */
    }
  return NULL;
}

/* ------------------------------------------------------------------ */

static void
test_columns_follow_the_plan (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  ShkPlan *plan = shk_document_get_plan (document);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  GListModel *years = shk_plan_get_fiscal_years (plan);
  GListModel *evaluations = shk_plan_get_evaluations (plan);

  g_assert_cmpuint (n_rows (view), ==, g_list_model_get_n_items (shk_plan_get_measures (plan)));
  g_assert_cmpuint (n_rows (view), ==, 62);

  /* No., policy, name, section, indicator, unit; a target and an actual
   * per year; progress and achievement; a grade per evaluation. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==,
                    6 + 2 * g_list_model_get_n_items (years) + 2 +
                    g_list_model_get_n_items (evaluations));
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autofree char *target = g_strdup_printf ("%s Target", shk_fiscal_year_get_id (year));
      g_autofree char *actual = g_strdup_printf ("%s Actual", shk_fiscal_year_get_id (year));

      g_assert_nonnull (column_titled (column_view, target));
      g_assert_nonnull (column_titled (column_view, actual));
    }
  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      g_assert_nonnull (column_titled (column_view, shk_evaluation_get_id (evaluation)));
    }

  /* A plan with another year gets its columns. */
  shk_plan_append_fiscal_year (plan, shk_fiscal_year_new ("R4", "令和4年度"));
  shk_test_flush_events ();
  g_assert_nonnull (column_titled (column_view, "R4 Actual"));

  /* The natural order is the measure number; the first row is selected
   * and shown in the detail pane. */
  for (guint i = 1; i < n_rows (view); i++)
    g_assert_cmpuint (shk_measure_get_number (row_measure (view, i - 1)), <,
                      shk_measure_get_number (row_measure (view, i)));
  g_assert_true (shk_measures_view_get_selected (view) == row_measure (view, 0));

  g_object_unref (view);
}

/* The acceptance check: No.1's R2 actual at 1,000,000 turns its
 * R2/R3 grade from ◎ to △ and the R2/R3 counts to ◎34 △8; undo restores
 * both. */
static void
test_edit_actual_changes_grade_and_undo (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  ShkPlan *plan = shk_document_get_plan (document);
  ShkMeasure *first = measure_of (document, 1);
  ShkIndicator *indicator = shk_measure_get_indicator (first, 0);
  g_autoptr(ShkSummary) before = shk_summary_new_for_plan (plan);
  g_autoptr(ShkSummary) after = NULL;
  g_autoptr(ShkSummary) undone = NULL;
  g_autoptr(GError) error = NULL;
  double old_actual, actual;

  g_assert_true (shk_indicator_get_actual (indicator, "R2", &old_actual));
  g_assert_cmpint (grade_of (document, first, "R2/R3"), ==, SHK_GRADE_ACHIEVED);

  g_assert_true (shk_measures_view_commit_cell (view, first, "actual:R2", "1,000,000", &error));
  g_assert_no_error (error);
  shk_test_flush_events ();

  g_assert_true (shk_indicator_get_actual (indicator, "R2", &actual));
  g_assert_cmpfloat (actual, ==, 1000000);
  g_assert_cmpint (grade_of (document, first, "R2/R3"), ==, SHK_GRADE_LAGGING);

  after = shk_summary_new_for_plan (plan);
  g_assert_cmpuint (summary_column (after, "R2/R3")->count[SHK_GRADE_ACHIEVED], ==, 34);
  g_assert_cmpuint (summary_column (after, "R2/R3")->count[SHK_GRADE_LAGGING], ==, 8);
  g_assert_cmpuint (summary_column (after, "R2/R3")->count[SHK_GRADE_ACHIEVED], ==,
                    summary_column (before, "R2/R3")->count[SHK_GRADE_ACHIEVED] - 1);

  /* Undo through the document's history, as Ctrl+Z does. */
  g_assert_true (shk_undo_stack_undo (shk_document_get_undo_stack (document)));
  shk_test_flush_events ();
  g_assert_true (shk_indicator_get_actual (indicator, "R2", &actual));
  g_assert_cmpfloat (actual, ==, old_actual);
  g_assert_cmpint (grade_of (document, first, "R2/R3"), ==, SHK_GRADE_ACHIEVED);
  undone = shk_summary_new_for_plan (plan);
  for (guint g = 0; g < SHK_N_GRADES; g++)
    g_assert_cmpuint (summary_column (undone, "R2/R3")->count[g], ==,
                      summary_column (before, "R2/R3")->count[g]);

  /* Without thousands separators, and an empty cell clears the year. */
  g_assert_true (shk_measures_view_commit_cell (view, first, "target:R3", "4000000", &error));
  g_assert_true (shk_indicator_get_target (indicator, "R3", &actual));
  g_assert_cmpfloat (actual, ==, 4000000);
  g_assert_true (shk_measures_view_commit_cell (view, first, "actual:R2", "", &error));
  g_assert_false (shk_indicator_get_actual (indicator, "R2", &actual));
  g_assert_no_error (error);

  g_object_unref (view);
}

static void
test_invalid_text_is_refused (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  ShkMeasure *first = measure_of (document, 1);
  ShkIndicator *indicator = shk_measure_get_indicator (first, 0);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_autoptr(GError) error = NULL;
  double old_actual, actual;

  g_assert_true (shk_indicator_get_actual (indicator, "R2", &old_actual));

  g_assert_false (shk_measures_view_commit_cell (view, first, "actual:R2", "abc", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  /* The message names the cell and what was typed. */
  g_assert_nonnull (strstr (error->message, "No.1 R2 actual"));
  g_assert_nonnull (strstr (error->message, "abc"));
  g_clear_error (&error);

  g_assert_true (shk_indicator_get_actual (indicator, "R2", &actual));
  g_assert_cmpfloat (actual, ==, old_actual);
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_false (shk_document_get_modified (document));

  /* A measure with two indicators names the one. */
  {
    ShkMeasure *two = measure_of (document, 43);

    g_assert_false (shk_measures_view_commit_cell (view, two, "target:R3:2", "12x", &error));
    g_assert_nonnull (strstr (error->message, "No.43 R3 target, indicator 2"));
    g_clear_error (&error);
    g_assert_false (shk_measures_view_commit_cell (view, two, "target:R3:3", "1", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }

  /* Unknown years and grades are refused too. */
  g_assert_false (shk_measures_view_commit_cell (view, first, "actual:R9", "1", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (shk_measures_view_commit_cell (view, first, "grade:R2/R3", "A", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_false (shk_undo_stack_can_undo (stack));
  g_object_unref (view);
}

static void
test_manual_grade (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  ShkPlan *plan = shk_document_get_plan (document);
  ShkMeasure *first = measure_of (document, 1);
  g_autoptr(GError) error = NULL;
  ShkGradeInfo info;

  /* A grade by hand that departs from the figures: both are known. */
  g_assert_true (shk_measures_view_commit_cell (view, first, "grade:R2/R3", "○", &error));
  g_assert_no_error (error);
  shk_plan_grade_measure (plan, first, shk_plan_find_evaluation (plan, "R2/R3"), &info);
  g_assert_cmpint (info.effective, ==, SHK_GRADE_MOSTLY);
  g_assert_cmpint (info.computed, ==, SHK_GRADE_ACHIEVED);
  g_assert_cmpint (info.origin, ==, SHK_GRADE_ORIGIN_OVERRIDDEN);

  /* Empty goes back to the computed grade; undo brings the manual one. */
  g_assert_true (shk_measures_view_commit_cell (view, first, "grade:R2/R3", "", &error));
  g_assert_cmpint (grade_of (document, first, "R2/R3"), ==, SHK_GRADE_ACHIEVED);
  g_assert_false (shk_measure_get_manual_grade (first, "R2/R3", NULL, NULL));
  g_assert_true (shk_undo_stack_undo (shk_document_get_undo_stack (document)));
  g_assert_cmpint (grade_of (document, first, "R2/R3"), ==, SHK_GRADE_MOSTLY);

  /* A manual grade keeps the office's reason when it is changed. */
  {
    ShkMeasure *judged = measure_of (document, 3);
    const char *reason = NULL;
    g_autofree char *old_reason = NULL;

    g_assert_true (shk_measure_get_manual_grade (judged, "R2/R3", NULL, &reason));
    old_reason = g_strdup (reason);
    g_assert_true (shk_measures_view_commit_cell (view, judged, "grade:R2/R3", "△", &error));
    g_assert_true (shk_measure_get_manual_grade (judged, "R2/R3", NULL, &reason));
    g_assert_cmpstr (reason, ==, old_reason);
    g_assert_cmpint (grade_of (document, judged, "R2/R3"), ==, SHK_GRADE_LAGGING);
  }

  g_object_unref (view);
}

static void
test_filters_and_search (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  ShkPlan *plan = shk_document_get_plan (document);
  GListModel *measures = shk_plan_get_measures (plan);
  guint total = g_list_model_get_n_items (measures);
  guint in_policy = 0, in_bureau = 0;

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      in_policy += shk_measure_get_policy_number (measure) == 2;
      in_bureau += g_str_equal (shk_measure_get_bureau (measure), "総務");
    }
  g_assert_cmpuint (in_policy, >, 0);
  g_assert_cmpuint (in_policy, <, total);

  shk_measures_view_set_policy_filter (view, 2);
  g_assert_cmpuint (n_rows (view), ==, in_policy);
  for (guint i = 0; i < n_rows (view); i++)
    g_assert_cmpuint (shk_measure_get_policy_number (row_measure (view, i)), ==, 2);
  shk_measures_view_set_policy_filter (view, 0);
  g_assert_cmpuint (n_rows (view), ==, total);

  shk_measures_view_set_bureau_filter (view, "総務");
  g_assert_cmpuint (n_rows (view), ==, in_bureau);
  shk_measures_view_set_bureau_filter (view, NULL);

  /* The grade filter agrees with the rules' own list. */
  {
    ShkEvaluation *evaluation = shk_plan_find_evaluation (plan, "R2/R3");
    g_autoptr(GPtrArray) lagging = shk_plan_list_measures_with_grade (plan, evaluation,
                                                                       SHK_GRADE_LAGGING, FALSE);

    shk_measures_view_set_grade_filter (view, SHK_GRADE_LAGGING, "R2/R3");
    g_assert_cmpuint (n_rows (view), ==, lagging->len);
    for (guint i = 0; i < n_rows (view); i++)
      g_assert_cmpint (grade_of (document, row_measure (view, i), "R2/R3"), ==, SHK_GRADE_LAGGING);

    /* △ in any evaluation is at least as many. */
    shk_measures_view_set_grade_filter (view, SHK_GRADE_LAGGING, NULL);
    g_assert_cmpuint (n_rows (view), >=, lagging->len);
    shk_measures_view_set_grade_filter (view, -1, NULL);
    g_assert_cmpuint (n_rows (view), ==, total);
  }

  /* Search covers names, sections and indicators. */
  shk_measures_view_set_search (view, "ホームページ");
  g_assert_cmpuint (n_rows (view), >, 1);
  g_assert_cmpuint (n_rows (view), <, total);
  shk_measures_view_set_search (view, "広報課");
  g_assert_cmpuint (n_rows (view), >=, 1);
  for (guint i = 0; i < n_rows (view); i++)
    g_assert_cmpstr (shk_measure_get_section (row_measure (view, i)), ==, "広報課");
  shk_measures_view_set_search (view, "トップページへのアクセス数");
  g_assert_cmpuint (n_rows (view), ==, 1);
  g_assert_cmpuint (shk_measure_get_number (row_measure (view, 0)), ==, 1);
  shk_measures_view_set_search (view, "no such measure at all");
  g_assert_cmpuint (n_rows (view), ==, 0);
  shk_measures_view_set_search (view, NULL);
  g_assert_cmpuint (n_rows (view), ==, total);

  /* Filters combine. */
  shk_measures_view_set_policy_filter (view, 1);
  shk_measures_view_set_search (view, "ホームページ");
  for (guint i = 0; i < n_rows (view); i++)
    g_assert_cmpuint (shk_measure_get_policy_number (row_measure (view, i)), ==, 1);

  g_object_unref (view);
}

static void
test_sorting (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  guint n;

  gtk_column_view_sort_by_column (column_view, column_titled (column_view, "No."), GTK_SORT_DESCENDING);
  n = n_rows (view);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (shk_measure_get_number (row_measure (view, i - 1)), >,
                      shk_measure_get_number (row_measure (view, i)));

  /* By grade: ◎ first, not evaluated last. */
  gtk_column_view_sort_by_column (column_view, column_titled (column_view, "R2/R3"), GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      ShkGrade a = grade_of (document, row_measure (view, i - 1), "R2/R3");
      ShkGrade b = grade_of (document, row_measure (view, i), "R2/R3");
      g_assert_cmpint (a == SHK_GRADE_NONE ? SHK_N_GRADES : (int) a, <=,
                       b == SHK_GRADE_NONE ? SHK_N_GRADES : (int) b);
    }

  /* By a year's actual, and re-sorted at once after an edit. */
  gtk_column_view_sort_by_column (column_view, column_titled (column_view, "R2 Actual"), GTK_SORT_DESCENDING);
  {
    g_autoptr(GError) error = NULL;
    ShkMeasure *smallest = NULL;
    ShkMeasure *top = NULL;
    double value;

    /* Measures without the figure go together (first, reversed). */
    for (guint i = 0; i < n; i++)
      if (shk_indicator_get_actual (shk_measure_get_indicator (row_measure (view, i), 0), "R2", &value))
        smallest = row_measure (view, i);
    g_assert_nonnull (smallest);

    g_assert_true (shk_measures_view_commit_cell (view, smallest, "actual:R2", "999,999,999", &error));
    shk_test_flush_events ();
    for (guint i = 0; i < n && top == NULL; i++)
      if (shk_indicator_get_actual (shk_measure_get_indicator (row_measure (view, i), 0), "R2", &value))
        top = row_measure (view, i);
    g_assert_true (top == smallest);
  }

  g_object_unref (view);
}

static void
test_add_and_remove (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  GListModel *measures = shk_plan_get_measures (plan);
  guint total = g_list_model_get_n_items (measures);
  guint next = shk_plan_get_next_measure_number (plan);
  ShkMeasure *added, *first;

  /* Added after the selected measure's policy, selected, editable. */
  shk_measures_view_select (view, measure_of (document, 1));
  added = shk_measures_view_add_measure (view);
  g_assert_nonnull (added);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, total + 1);
  g_assert_cmpuint (shk_measure_get_number (added), ==, next);
  g_assert_cmpuint (shk_measure_get_policy_number (added), ==, 1);
  g_assert_true (shk_measures_view_get_selected (view) == added);
  g_assert_cmpuint (n_rows (view), ==, total + 1);
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (shk_measures_view_commit_cell (view, added, "target:R3", "10", &error));
  }
  g_assert_true (shk_undo_stack_undo (stack));   /* the target */
  g_assert_true (shk_undo_stack_undo (stack));   /* the measure */
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, total);
  shk_test_flush_events ();
  g_assert_cmpuint (n_rows (view), ==, total);

  /* Removing is undoable and the measure comes back where it was. */
  first = g_object_ref (measure_of (document, 1));
  shk_measures_view_remove_measure (view, first);
  shk_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, total - 1);
  g_assert_null (shk_plan_find_measure (plan, 1, NULL));
  g_assert_cmpuint (n_rows (view), ==, total - 1);
  g_assert_nonnull (strstr (shk_undo_stack_get_undo_label (stack), "No.1"));

  g_assert_true (shk_undo_stack_undo (stack));
  shk_test_flush_events ();
  {
    guint position = G_MAXUINT;
    g_assert_true (shk_plan_find_measure (plan, 1, &position) == first);
    g_assert_cmpuint (position, ==, 0);
  }
  g_assert_cmpuint (n_rows (view), ==, total);
  g_object_unref (first);

  /* The remove action takes the selected one. */
  shk_measures_view_select (view, measure_of (document, 2));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "measures.remove", NULL));
  g_assert_null (shk_plan_find_measure (plan, 2, NULL));

  g_object_unref (view);
}

static void
test_document_replaced (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDocument) blank = shk_document_new_blank ();
  ShkMeasuresView *view = view_new (document);

  shk_measures_view_set_policy_filter (view, 3);
  shk_measures_view_set_document (view, blank);
  shk_test_flush_events ();
  g_assert_cmpuint (n_rows (view), ==, 0);
  g_assert_null (shk_measures_view_get_selected (view));

  /* Adding works on a blank plan too. */
  g_assert_nonnull (shk_measures_view_add_measure (view));
  g_assert_cmpuint (n_rows (view), ==, 1);

  shk_measures_view_set_document (view, NULL);
  shk_test_flush_events ();
  g_assert_cmpuint (n_rows (view), ==, 0);
  shk_measures_view_set_document (view, document);
  shk_test_flush_events ();
  g_assert_cmpuint (n_rows (view), ==, 62);

  g_object_unref (view);
}

/* The detail pane edits the selected measure, undoably, and follows undo. */
static void
test_detail_pane (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  GtkWidget *detail = find_widget_of_type (GTK_WIDGET (view), SHK_TYPE_MEASURE_DETAIL);
  ShkMeasure *measure = measure_of (document, 43);
  ShkIndicator *second = shk_measure_get_indicator (measure, 1);
  g_autofree char *old_name = g_strdup (shk_measure_get_name (measure));
  GtkWidget *name_row, *entry, *grade_row, *add_button;
  double value, old_value;

  shk_measures_view_select (view, measure);
  shk_test_flush_events ();
  g_assert_true (shk_measure_detail_get_measure (SHK_MEASURE_DETAIL (detail)) == measure);

  /* A text is committed on Enter. */
  name_row = find_row (detail, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, old_name);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "見守りサービス");
  g_signal_emit_by_name (name_row, "entry-activated");
  g_assert_cmpstr (shk_measure_get_name (measure), ==, "見守りサービス");
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Rename No.43");

  /* Undo shows in the pane at once. */
  g_assert_true (shk_undo_stack_undo (stack));
  shk_test_flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, old_name);

  /* The second indicator's figures: refused text changes nothing. */
  entry = find_by_tooltip (detail, GTK_TYPE_ENTRY, "No.43 R2 actual, indicator 2");
  g_assert_nonnull (entry);
  g_assert_true (shk_indicator_get_actual (second, "R2", &old_value));
  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (shk_indicator_get_actual (second, "R2", &value));
  g_assert_cmpfloat (value, ==, old_value);
  gtk_editable_set_text (GTK_EDITABLE (entry), "1,234");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (shk_indicator_get_actual (second, "R2", &value));
  g_assert_cmpfloat (value, ==, 1234);

  /* A grade by hand, from the pane. */
  grade_row = find_row (detail, ADW_TYPE_COMBO_ROW, "R2/R3 達成状況");
  g_assert_nonnull (grade_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (grade_row), 3);   /* Computed, ◎, ○, △ */
  g_assert_cmpint (grade_of (document, measure, "R2/R3"), ==, SHK_GRADE_LAGGING);
  g_assert_true (shk_measure_get_manual_grade (measure, "R2/R3", NULL, NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (grade_row), 0);
  g_assert_false (shk_measure_get_manual_grade (measure, "R2/R3", NULL, NULL));

  /* Indicators are added and removed with undo. */
  add_button = find_by_tooltip (detail, GTK_TYPE_BUTTON, "Add an indicator");
  g_assert_nonnull (add_button);
  g_signal_emit_by_name (add_button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (shk_measure_get_indicators (measure)), ==, 3);
  g_assert_nonnull (find_by_tooltip (detail, GTK_TYPE_ENTRY, "No.43 R3 target, indicator 3"));
  g_assert_true (shk_undo_stack_undo (stack));
  shk_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (shk_measure_get_indicators (measure)), ==, 2);
  g_assert_null (find_by_tooltip (detail, GTK_TYPE_ENTRY, "No.43 R3 target, indicator 3"));

  /* Another measure: the pane follows. */
  shk_measures_view_select (view, measure_of (document, 1));
  shk_test_flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   shk_measure_get_name (measure_of (document, 1)));

  g_object_unref (view);
}

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* What a user sees: the row of No.1 shows the new figure and the new
 * grade right after the edit. */
static void
test_cells_show_edits (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWidget *window = gtk_window_new ();
  ShkMeasuresView *view = SHK_MEASURES_VIEW (shk_measures_view_new ());
  ShkMeasure *first = measure_of (document, 1);
  const char *name = shk_measure_get_name (first);
  g_autoptr(GError) error = NULL;
  g_autofree char *texts = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 2400, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  shk_measures_view_set_document (view, document);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50 && !gtk_widget_get_mapped (GTK_WIDGET (view)); i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  shk_test_flush_events ();

  texts = row_texts (window, name);
  g_assert_nonnull (texts);
  g_assert_nonnull (strstr (texts, "3,742,282"));   /* the published R2 actual */
  g_assert_nonnull (strstr (texts, "◎"));
  g_clear_pointer (&texts, g_free);

  g_assert_true (shk_measures_view_commit_cell (view, first, "actual:R2", "1,000,000", &error));
  shk_test_flush_events ();
  texts = row_texts (window, name);
  g_assert_nonnull (texts);
  g_assert_nonnull (strstr (texts, "1,000,000"));
  g_assert_nonnull (strstr (texts, "△"));
  g_clear_pointer (&texts, g_free);

  /* A manual grade that departs shows the computed one beside it. */
  g_assert_true (shk_measures_view_commit_cell (view, first, "grade:R2/R3", "◎", &error));
  shk_test_flush_events ();
  texts = row_texts (window, name);
  g_assert_nonnull (strstr (texts, "(calc. △)"));
  g_clear_pointer (&texts, g_free);

  /* Typing in the cell itself: refused text keeps the value and marks
   * the cell; a number is taken. */
  {
    GtkWidget *cell = find_by_tooltip (window, SHK_TYPE_VALUE_LINE, "No.1 R2 actual");
    ShkIndicator *indicator = shk_measure_get_indicator (first, 0);
    GtkRevealer *revealer = GTK_REVEALER (find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_REVEALER));
    GtkEditableLabel *editor;
    double actual;

    /* The line is a label until edited: its editor is made for the edit
     * and dropped after it. */
    g_assert_nonnull (cell);
    g_assert_null (shk_value_line_get_editor (SHK_VALUE_LINE (cell)));
    editor = shk_value_line_start_editing (SHK_VALUE_LINE (cell));
    g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (editor), cell));
    gtk_editable_set_text (GTK_EDITABLE (editor), "abc");
    gtk_editable_label_stop_editing (editor, TRUE);
    g_assert_null (shk_value_line_get_editor (SHK_VALUE_LINE (cell)));
    shk_test_flush_events ();
    g_assert_true (gtk_widget_has_css_class (cell, "error"));
    g_assert_true (gtk_revealer_get_reveal_child (revealer));
    g_assert_cmpstr (shk_value_line_get_text (SHK_VALUE_LINE (cell)), ==, "1,000,000");
    g_assert_true (shk_indicator_get_actual (indicator, "R2", &actual));
    g_assert_cmpfloat (actual, ==, 1000000);

    editor = shk_value_line_start_editing (SHK_VALUE_LINE (cell));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "1,000,000");
    gtk_editable_set_text (GTK_EDITABLE (editor), "3800000");
    gtk_editable_label_stop_editing (editor, TRUE);
    shk_test_flush_events ();
    g_assert_false (gtk_widget_has_css_class (cell, "error"));
    g_assert_false (gtk_revealer_get_reveal_child (revealer));
    g_assert_cmpstr (shk_value_line_get_text (SHK_VALUE_LINE (cell)), ==, "3,800,000");
    g_assert_true (shk_indicator_get_actual (indicator, "R2", &actual));
    g_assert_cmpfloat (actual, ==, 3800000);
  }

  /* The grade menu of a cell sets and clears the manual grade. */
  {
    GtkWidget *button = find_by_tooltip (window, SHK_TYPE_GRADE_CELL, "◎ Fully achieved, set by hand");

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_activate_action (button, "cell.grade", "s", "lagging"));
    g_assert_cmpint (grade_of (document, first, "R2/R3"), ==, SHK_GRADE_LAGGING);
    g_assert_true (gtk_widget_activate_action (button, "cell.grade", "s", "computed"));
    g_assert_false (shk_measure_get_manual_grade (first, "R2/R3", NULL, NULL));
  }

  /* Closing the window with the focus in a cell: GTK 4.8's editable
   * label acts on its focus-out 100 ms later, and the view keeps the cell
   * alive until then. Run the loop past that timeout. */
  gtk_widget_grab_focus (find_by_tooltip (window, SHK_TYPE_VALUE_LINE, "No.1 R2 actual"));
  shk_test_flush_events ();
  gtk_window_destroy (GTK_WINDOW (window));
  {
    gboolean done = FALSE;

    g_timeout_add_once (300, set_true, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  shk_test_flush_events ();
}

/* A view set to @view's filter and sort from scratch: what a full
 * refilter and resort gives. */
static void
assert_same_as_fresh_view (ShkMeasuresView *view,
                           ShkDocument     *document)
{
  ShkMeasuresView *fresh = view_new (document);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget_of_type (GTK_WIDGET (fresh), GTK_TYPE_COLUMN_VIEW));

  shk_measures_view_set_grade_filter (fresh, SHK_GRADE_LAGGING, NULL);
  gtk_column_view_sort_by_column (column_view, column_titled (column_view, "R2 Actual"), GTK_SORT_DESCENDING);
  shk_test_flush_events ();
  g_assert_cmpuint (n_rows (view), ==, n_rows (fresh));
  for (guint i = 0; i < n_rows (view); i++)
    g_assert_true (row_measure (view, i) == row_measure (fresh, i));
  g_object_unref (fresh);
}

/* An edit filters and places only the edited measure again: after random
 * edits and undos the rows are those a fresh view computes in full. */
/* ------------------------------------------------------------------ */
/* No. and the measure frozen while the figures scroll                 */

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
}

static void
collect_of_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

static ShkMeasureColumnKind
cell_kind (ShkMeasureCell *cell)
{
  g_autoptr(ShkMeasureColumn) column = NULL;

  g_object_get (cell, "column", &column, NULL);
  return shk_measure_column_get_kind (column);
}

/* The mapped cell of @kind that shows @measure, or NULL. */
static ShkMeasureCell *
cell_of (GPtrArray            *cells,
         ShkMeasure           *measure,
         ShkMeasureColumnKind  kind)
{
  for (guint i = 0; i < cells->len; i++)
    {
      ShkMeasureCell *cell = g_ptr_array_index (cells, i);

      if (shk_measure_cell_get_measure (cell) == measure && cell_kind (cell) == kind)
        return cell;
    }
  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The right edge of the measure's frozen pane, on any row shown. */
static double
frozen_edge (GtkWidget *column_view)
{
  g_autoptr(GPtrArray) frozen = g_ptr_array_new ();

  collect_of_type (column_view, SHK_TYPE_FROZEN_CELL, frozen);
  for (guint i = 0; i < frozen->len; i++)
    {
      ShkFrozenCell *cell = g_ptr_array_index (frozen, i);
      graphene_rect_t bounds;

      if (cell_kind (SHK_MEASURE_CELL (shk_frozen_cell_get_child (cell))) == SHK_MEASURE_COLUMN_NAME &&
          gtk_widget_compute_bounds (shk_frozen_cell_get_pane (cell), column_view, &bounds))
        return bounds.origin.x + bounds.size.width;
    }
  g_assert_not_reached ();
}

/* Checks every frozen cell on screen: inside the viewport, at the left
 * edge (No. first, the measure beside it), on top of the figures there,
 * and level with its row's figures. Returns how many rows it checked. */
static guint
assert_frozen_cells (GtkWidget *column_view)
{
  g_autoptr(GPtrArray) frozen = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  int width = gtk_widget_get_width (column_view);
  int height = gtk_widget_get_height (column_view);
  /* The titles cover the top of the list. */
  int top = gtk_widget_get_height (gtk_widget_get_first_child (column_view));
  guint rows = 0;

  collect_of_type (column_view, SHK_TYPE_FROZEN_CELL, frozen);
  collect_of_type (column_view, SHK_TYPE_MEASURE_CELL, cells);
  for (guint i = 0; i < frozen->len; i++)
    {
      ShkFrozenCell *cell = g_ptr_array_index (frozen, i);
      ShkMeasureCell *child = SHK_MEASURE_CELL (shk_frozen_cell_get_child (cell));
      ShkMeasure *measure = shk_measure_cell_get_measure (child);
      ShkMeasureColumnKind kind = cell_kind (child);
      GtkWidget *pane = shk_frozen_cell_get_pane (cell);
      ShkMeasureCell *number, *figure;
      graphene_rect_t bounds, number_bounds, figure_bounds;
      GtkWidget *picked;

      g_assert_true (gtk_widget_compute_bounds (pane, column_view, &bounds));
      /* Rows just outside the viewport are laid out too. */
      if (measure == NULL || bounds.origin.y + bounds.size.height <= top || bounds.origin.y >= height)
        continue;
      g_assert_cmpfloat (bounds.origin.x, >=, -0.5);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width + 0.5);
      if (kind == SHK_MEASURE_COLUMN_NUMBER)
        {
          g_assert_cmpfloat (fabs (bounds.origin.x), <, 0.5);
          continue;
        }
      g_assert_cmpint (kind, ==, SHK_MEASURE_COLUMN_NAME);
      number = cell_of (cells, measure, SHK_MEASURE_COLUMN_NUMBER);
      g_assert_nonnull (number);
      /* The number's cell is its frozen pane. */
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (number), column_view, &number_bounds));
      g_assert_cmpfloat (fabs (bounds.origin.x - (number_bounds.origin.x + number_bounds.size.width)), <, 0.5);

      /* The row's last figure (R5 actual when every year shows) sits at
       * the same height: the cells share their row. */
      figure = cell_of (cells, measure, SHK_MEASURE_COLUMN_ACTUAL);
      g_assert_nonnull (figure);
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (figure), column_view, &figure_bounds));
      g_assert_cmpfloat (fabs (figure_bounds.origin.y + figure_bounds.size.height / 2 -
                               (bounds.origin.y + bounds.size.height / 2)), <, 1);

      /* What is drawn there and takes the clicks is the measure. */
      if (bounds.origin.y >= top && bounds.origin.y + bounds.size.height <= height)
        {
          picked = gtk_widget_pick (column_view, bounds.origin.x + bounds.size.width / 2,
                                    bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT);
          g_assert_nonnull (picked);
          g_assert_true (picked == GTK_WIDGET (cell) || gtk_widget_is_ancestor (picked, GTK_WIDGET (cell)));
        }
      rows++;
    }
  return rows;
}

static void
test_frozen_columns (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWidget *window = gtk_window_new ();
  ShkMeasuresView *view = SHK_MEASURES_VIEW (shk_measures_view_new ());
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  ShkSheetCursor *cursor;
  GtkWidget *column_view, *focus;
  GtkAdjustment *hadj, *vadj;
  graphene_rect_t bounds;
  double far_right;
  guint row, column;

  /* The app's style, which AdwApplication loads in the app: the frozen
   * columns' padding and panes are styled there. */
  gtk_css_provider_load_from_resource (css, "/io/github/shinchoku/Shinchoku/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  shk_measures_view_set_document (view, document);
  g_object_set (view, "show-details", FALSE, NULL);
  shk_measures_view_set_years_shown (view, "latest", NULL);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (GTK_WIDGET (view)); i++)
    wait_frames (1);
  wait_frames (10);
  /* A hidden year's cells are not made… */
  g_assert_null (find_by_tooltip (GTK_WIDGET (view), SHK_TYPE_VALUE_LINE, "No.1 H30 target"));
  /* Every year, chosen with the rows on screen: the columns shown again
   * add their cells to rows that already have the frozen ones. */
  shk_measures_view_set_years_shown (view, "all", NULL);
  wait_frames (10);
  /* …until it is shown. */
  g_assert_nonnull (find_by_tooltip (GTK_WIDGET (view), SHK_TYPE_VALUE_LINE, "No.1 H30 target"));

  column_view = find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (column_view));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  /* Every year's figures do not fit at 1,024 px: the table scrolls. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, gtk_adjustment_get_page_size (hadj) + 200);
  g_assert_cmpuint (assert_frozen_cells (column_view), >, 5);

  /* Down, then fully right: No. and the measure stay at the left. */
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) / 3);
  wait_frames (10);
  far_right = gtk_adjustment_get_upper (hadj) - gtk_adjustment_get_page_size (hadj);
  gtk_adjustment_set_value (hadj, far_right);
  wait_frames (10);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, far_right);
  g_assert_cmpuint (assert_frozen_cells (column_view), >, 5);
  /* Their titles too. */
  {
    GtkWidget *strip = find_with_class (GTK_WIDGET (view), "frozen-header");
    GtkWidget *titles = gtk_widget_get_first_child (column_view);
    graphene_rect_t strip_bounds;

    g_assert_nonnull (strip);
    g_assert_true (gtk_widget_get_mapped (strip));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (strip))), ==, "No.");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (strip))), ==, "Measure");
    /* It covers the titles' row from the left edge to the figures. */
    g_assert_true (gtk_widget_compute_bounds (strip, column_view, &strip_bounds));
    g_assert_cmpfloat (fabs (strip_bounds.origin.x), <, 0.5);
    g_assert_cmpfloat (fabs (strip_bounds.origin.y), <, 0.5);
    g_assert_cmpfloat (fabs (strip_bounds.size.height - gtk_widget_get_height (titles)), <, 0.5);
    g_assert_cmpfloat (fabs (strip_bounds.size.width - frozen_edge (column_view)), <, 0.5);
  }

  /* Scrolled back down and up again, the rows still agree. */
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  wait_frames (10);
  g_assert_cmpuint (assert_frozen_cells (column_view), >, 5);
  gtk_adjustment_set_value (vadj, 0);
  wait_frames (10);
  g_assert_cmpuint (assert_frozen_cells (column_view), >, 5);

  /* The keyboard: the last column, then Home to No., which is in sight
   * without scrolling, then right into the figures, which scroll out
   * from under the frozen columns. */
  cursor = shk_measures_view_get_cursor (view);
  shk_sheet_cursor_set_cursor (cursor, 3, 0, FALSE);
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_End, 0));
  wait_frames (10);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, far_right);
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Home, 0));
  wait_frames (10);
  g_assert_true (shk_sheet_cursor_get_cursor (cursor, &row, &column));
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, far_right);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (SHK_IS_MEASURE_CELL (focus));
  g_assert_cmpint (cell_kind (SHK_MEASURE_CELL (focus)), ==, SHK_MEASURE_COLUMN_NUMBER);
  g_assert_true (gtk_widget_compute_bounds (focus, column_view, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x, <, 60);

  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Right, 0));
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Right, 0));
  wait_frames (10);
  g_assert_true (shk_sheet_cursor_get_cursor (cursor, &row, &column));
  g_assert_cmpuint (column, ==, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), <, far_right);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_compute_bounds (focus, column_view, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, frozen_edge (column_view) - 0.5);
  g_assert_cmpuint (assert_frozen_cells (column_view), >, 5);

  /* Fewer years while scrolled right: the column view pulls the scroll
   * back while it lays itself out, and the frozen cells follow (GTK
   * warns, fatally here, of a cell drawn before it is allocated). */
  gtk_adjustment_set_value (hadj, far_right);
  wait_frames (10);
  shk_measures_view_set_years_shown (view, "latest", NULL);
  wait_frames (10);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), <, far_right);
  g_assert_cmpuint (assert_frozen_cells (column_view), >, 5);
  shk_measures_view_set_years_shown (view, "all", NULL);
  wait_frames (10);
  gtk_adjustment_set_value (hadj, far_right);
  wait_frames (10);
  g_assert_cmpuint (assert_frozen_cells (column_view), >, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (20);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

static void
test_incremental_rows (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMeasuresView *view = view_new (document);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget_of_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  GListModel *measures = shk_plan_get_measures (shk_document_get_plan (document));
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  shk_measures_view_set_grade_filter (view, SHK_GRADE_LAGGING, NULL);
  gtk_column_view_sort_by_column (column_view, column_titled (column_view, "R2 Actual"), GTK_SORT_DESCENDING);
  shk_test_flush_events ();
  for (guint step = 0; step < 60; step++)
    {
      g_autoptr(ShkMeasure) measure =
        g_list_model_get_item (measures, g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (measures)));
      ShkIndicator *indicator = shk_measure_get_indicator (measure, 0);
      double target = 0;

      if (step % 6 == 5)
        shk_undo_stack_undo (stack);
      else if (indicator != NULL && shk_indicator_get_target (indicator, "R2", &target))
        shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE,
                                  target * g_rand_double_range (rand, 0.2, 1.4), NULL);
      shk_test_flush_events ();
      if (step % 15 == 14)
        assert_same_as_fresh_view (view, document);
    }
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/measures-view/columns", test_columns_follow_the_plan);
  g_test_add_func ("/measures-view/edit-actual-and-undo", test_edit_actual_changes_grade_and_undo);
  g_test_add_func ("/measures-view/invalid-refused", test_invalid_text_is_refused);
  g_test_add_func ("/measures-view/manual-grade", test_manual_grade);
  g_test_add_func ("/measures-view/filters", test_filters_and_search);
  g_test_add_func ("/measures-view/sorting", test_sorting);
  g_test_add_func ("/measures-view/add-remove", test_add_and_remove);
  g_test_add_func ("/measures-view/document-replaced", test_document_replaced);
  g_test_add_func ("/measures-view/detail-pane", test_detail_pane);
  g_test_add_func ("/measures-view/cells-show-edits", test_cells_show_edits);
  g_test_add_func ("/measures-view/incremental-rows", test_incremental_rows);
  g_test_add_func ("/measures-view/frozen-columns", test_frozen_columns);

  return g_test_run ();
}
