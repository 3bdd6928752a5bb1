/* shk-measures-view.c — the plan's measures as an editable table
 *
 * One row per measure. A measure with several indicators (No.43, No.53…)
 * shows them stacked inside its row, one line per indicator in the
 * indicator, unit, value and rate cells, the way the handouts print them:
 * the grade belongs to the measure (its weakest indicator), so one row per
 * indicator would repeat the grades and make counting rows misleading.
 *
 * The year and grade columns are built from the plan's fiscal years and
 * evaluations, and rebuilt when those change. Cells follow their own
 * measure's "changed" signal at once. An edit of measures (the plan's
 * "measure-changed") only has those measures filtered and placed again,
 * through ShkMeasureRows; anything else that changed in the plan (the
 * thresholds behind every grade, years, evaluations) refreshes every
 * column, filter and sort. Both wait for one idle before the next frame,
 * so a grouped undo redraws once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-edit-block.h"
#include "shk-grade-cell.h"
#include "shk-measure-cell.h"
#include "shk-measure-column.h"
#include "shk-measure-detail.h"
#include "shk-measure-filter-bar.h"
#include "shk-measure-rows.h"
#include "shk-measures-view.h"
#include "shk-measures-view-private.h"
#include "shk-rules.h"
#include "shk-sheet-cursor.h"

/* Before GTK lays out and draws the frame, like the dashboard. */
#define REFRESH_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)




G_DEFINE_FINAL_TYPE_WITH_CODE (ShkMeasuresView, shk_measures_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SHK_TYPE_SHEET_TABLE, shk_measures_view_sheet_init))


enum {
  PROP_0,
  PROP_SHOW_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void shk_measures_view_refresh (ShkMeasuresView *self);

/* ------------------------------------------------------------------ */
/* Plan look-ups                                                       */

const char *
shk_measures_view_reporting_year (ShkMeasuresView *self)
{
  const char *year = self->plan != NULL ? shk_plan_get_reporting_year (self->plan) : NULL;

  return year != NULL ? year : "";
}

const char *
shk_measures_view_final_year (ShkMeasuresView *self)
{
  ShkFiscalYear *year = self->plan != NULL ? shk_plan_get_final_year (self->plan) : NULL;

  return year != NULL ? shk_fiscal_year_get_id (year) : "";
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
show_message (ShkMeasuresView *self,
              const char      *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  /* Screen readers hear the refusal, not only see it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

void
shk_measures_view_hide_message (ShkMeasuresView *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

ShkUndoStack *
shk_measures_view_undo_stack (ShkMeasuresView *self)
{
  return shk_document_get_undo_stack (self->document);
}

static gboolean
commit_grade_text (ShkMeasuresView *self,
                   ShkMeasure      *measure,
                   const char      *evaluation_id,
                   const char      *text,
                   GError         **error)
{
  ShkGrade grade;

  if (shk_plan_find_evaluation (self->plan, evaluation_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The plan has no evaluation “%s”"), evaluation_id);
      return FALSE;
    }

  if (*text == '\0')
    {
      shk_edit_manual_grade_keep_reason (shk_measures_view_undo_stack (self), measure, evaluation_id, FALSE, SHK_GRADE_NONE);
      return TRUE;
    }

  if (!shk_grade_from_symbol (text, &grade) || grade == SHK_GRADE_NONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No.%u %s grade: “%s” is not a grade; use ◎, ○, △ or －"),
                   shk_measure_get_number (measure), evaluation_id, text);
      return FALSE;
    }

  shk_edit_manual_grade_keep_reason (shk_measures_view_undo_stack (self), measure, evaluation_id, TRUE, grade);
  return TRUE;
}

static gboolean
commit_value_text (ShkMeasuresView *self,
                   ShkMeasure      *measure,
                   ShkValueKind     kind,
                   const char      *year_id,
                   const char      *indicator_number,
                   const char      *text,
                   GError         **error)
{
  guint n = g_list_model_get_n_items (shk_measure_get_indicators (measure));
  guint64 number = 1;

  if (indicator_number != NULL &&
      (!g_ascii_string_to_unsigned (indicator_number, 10, 1, G_MAXUINT, &number, NULL)))
    number = 0;
  if (number == 0 || number > n)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No.%u has no indicator %s"), shk_measure_get_number (measure),
                   indicator_number != NULL ? indicator_number : "1");
      return FALSE;
    }
  if (shk_plan_find_fiscal_year (self->plan, year_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The plan has no fiscal year “%s”"), year_id);
      return FALSE;
    }

  return shk_edit_indicator_value_text (shk_measures_view_undo_stack (self), measure, (guint) number - 1,
                                        kind, year_id, text, error);
}

gboolean
shk_measures_view_commit_cell (ShkMeasuresView *self,
                               ShkMeasure      *measure,
                               const char      *column,
                               const char      *text,
                               GError         **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), FALSE);
  g_return_val_if_fail (SHK_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  parts = g_strsplit (column, ":", 3);
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_strv_length (parts) >= 2 && g_str_equal (parts[0], "grade"))
    ok = commit_grade_text (self, measure, parts[1], stripped, &local_error);
  else if (g_strv_length (parts) >= 2 && g_str_equal (parts[0], "target"))
    ok = commit_value_text (self, measure, SHK_VALUE_TARGET, parts[1], parts[2], stripped, &local_error);
  else if (g_strv_length (parts) >= 2 && g_str_equal (parts[0], "actual"))
    ok = commit_value_text (self, measure, SHK_VALUE_ACTUAL, parts[1], parts[2], stripped, &local_error);
  else
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The measures table has no editable column “%s”"), column);

  if (ok)
    shk_measures_view_hide_message (self);
  else
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */

/* The natural order, under any column sort: the measure number. */
static int
compare_by_number (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint na = shk_measure_get_number (SHK_MEASURE ((gpointer) a));
  guint nb = shk_measure_get_number (SHK_MEASURE ((gpointer) b));

  return (na > nb) - (na < nb);
}

/* ------------------------------------------------------------------ */
/* Filtering                                                           */

static void
update_count (ShkMeasuresView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = self->plan != NULL ? g_list_model_get_n_items (shk_plan_get_measures (self->plan)) : 0;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", total), total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u measure shown",
                                         "%u of %u measures shown", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
}

/* ------------------------------------------------------------------ */
/* Refresh                                                             */

static void
shk_measures_view_refresh (ShkMeasuresView *self)
{
  g_autofree char *structure = shk_measures_view_dup_structure (self);

  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      shk_measures_view_build_columns (self);
      shk_measure_filter_bar_update_items (self->filter_bar, TRUE);
    }
  else
    shk_measure_filter_bar_update_items (self->filter_bar, FALSE);

  /* Every bound cell follows its column. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      ShkMeasureColumn *column = g_ptr_array_index (self->columns, i);

      shk_measure_column_set_plan (column, self->plan);
      shk_measure_column_refresh (column);
    }
  self->rows_valid = FALSE;
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sort_model), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (shk_measure_filter_bar_get_filter (self->filter_bar), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Only the edited measures: each is filtered and placed again as one
 * "items-changed" of its position; its cells already follow it. */
static void
refresh_measures (ShkMeasuresView *self)
{
  for (guint i = 0; i < self->changed_measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (self->changed_measures, i);

      shk_measure_filter_bar_note_measure (self->filter_bar, measure);
      shk_measure_rows_measure_changed (self->rows, measure);
    }
  update_count (self);
}

static void
run_refresh (ShkMeasuresView *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->refresh_all)
    shk_measures_view_refresh (self);
  else
    refresh_measures (self);
  self->refresh_all = FALSE;
  g_ptr_array_set_size (self->changed_measures, 0);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ShkMeasuresView *self = user_data;

  self->refresh_idle = 0;
  run_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A grouped edit of thousands of measures is cheaper refreshed in full. */
#define MAX_CHANGED_MEASURES 256

static void
on_measure_changed (ShkMeasuresView *self,
                    ShkMeasure      *measure)
{
  self->measure_announced = TRUE;
  if (self->refresh_all)
    return;
  if (self->changed_measures->len >= MAX_CHANGED_MEASURES)
    self->refresh_all = TRUE;
  else if (!g_ptr_array_find (self->changed_measures, measure, NULL))
    g_ptr_array_add (self->changed_measures, g_object_ref (measure));
}

static void
on_plan_changed (ShkMeasuresView *self)
{
  /* A "changed" not announced by "measure-changed" is a change of the
   * plan itself (thresholds, years, evaluations, measures added…). */
  if (!self->measure_announced)
    self->refresh_all = TRUE;
  self->measure_announced = FALSE;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (REFRESH_PRIORITY, refresh_idle_cb, self, NULL);
}

void
shk_measures_view_flush_refresh (ShkMeasuresView *self)
{
  if (self->refresh_idle != 0)
    run_refresh (self);
}

/* ------------------------------------------------------------------ */
/* Selection, adding and removing                                      */

static void
on_selected_changed (ShkMeasuresView *self)
{
  ShkMeasure *measure = shk_measures_view_get_selected (self);

  shk_measure_detail_set_measure (self->detail, measure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.remove", measure != NULL);
}

static guint
plan_position (ShkMeasuresView *self,
               ShkMeasure      *measure,
               gboolean        *found)
{
  GListModel *measures = shk_plan_get_measures (self->plan);
  guint n = g_list_model_get_n_items (measures);

  *found = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) other = g_list_model_get_item (measures, i);

      if (other == measure)
        {
          *found = TRUE;
          return i;
        }
    }
  return n;
}

ShkMeasure *
shk_measures_view_add_measure (ShkMeasuresView *self)
{
  g_autoptr(ShkMeasure) measure = NULL;
  g_autoptr(ShkIndicator) indicator = NULL;
  g_autofree char *label = NULL;
  ShkMeasure *selected;
  GListModel *measures;
  guint policy = 0, index = 0, position, n;

  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  measures = shk_plan_get_measures (self->plan);
  n = g_list_model_get_n_items (measures);
  selected = shk_measures_view_get_selected (self);

  /* In the selected measure's policy, else the filtered one, else the
   * first; placed after the last measure of that policy. */
  if (selected != NULL)
    policy = shk_measure_get_policy_number (selected);
  else if (shk_measure_filter_bar_get_policy (self->filter_bar) != 0)
    policy = shk_measure_filter_bar_get_policy (self->filter_bar);
  else
    policy = shk_measure_filter_bar_get_first_policy (self->filter_bar);

  position = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) other = g_list_model_get_item (measures, i);

      if (shk_measure_get_policy_number (other) == policy)
        {
          index = MAX (index, shk_measure_get_index_in_policy (other));
          position = i + 1;
        }
    }

  measure = shk_measure_new (shk_plan_get_next_measure_number (self->plan));
  shk_measure_set_policy_number (measure, policy);
  shk_measure_set_index_in_policy (measure, index + 1);
  shk_measure_set_name (measure, _("New measure"));
  shk_measure_set_counted (measure, TRUE);
  /* One indicator, so that its targets and actuals can be typed in the
   * table right away. */
  indicator = shk_indicator_new ();
  shk_measure_append_indicator (measure, indicator);

  label = g_strdup_printf (_("Add measure No.%u"), shk_measure_get_number (measure));
  shk_edit_insert_measure (shk_measures_view_undo_stack (self), self->plan, position, measure, label);

  shk_measures_view_flush_refresh (self);
  if (!shk_measure_filter_bar_matches (self->filter_bar, measure))
    shk_measure_filter_bar_clear (self->filter_bar);
  shk_measures_view_select (self, measure);
  shk_measure_detail_focus_name (self->detail);
  return measure;   /* the plan keeps it alive */
}

void
shk_measures_view_remove_measure (ShkMeasuresView *self,
                                  ShkMeasure      *measure)
{
  g_autofree char *label = NULL;
  g_autofree char *toast = NULL;
  gboolean found;
  guint position;

  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (self->document != NULL);

  position = plan_position (self, measure, &found);
  g_return_if_fail (found);

  label = g_strdup_printf (_("Remove measure No.%u"), shk_measure_get_number (measure));
  toast = g_strdup_printf (_("Removed measure No.%u “%s”"), shk_measure_get_number (measure),
                           shk_measure_get_name (measure));
  shk_edit_remove_measure (shk_measures_view_undo_stack (self), self->plan, position, label);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", toast);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (widget);

  if (self->document != NULL)
    shk_measures_view_add_measure (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (widget);
  ShkMeasure *measure = shk_measures_view_get_selected (self);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->column_view)) ||
                       gtk_widget_get_focus_child (GTK_WIDGET (self->column_view)) != NULL;

  if (measure == NULL || self->document == NULL)
    return;
  shk_measures_view_remove_measure (self, measure);
  /* The next row is selected; keep typing in the table. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (widget);

  shk_measure_filter_bar_focus_search (self->filter_bar);
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

static void
setup_models (ShkMeasuresView *self)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkEventController *shortcuts;

  self->rows = shk_measure_rows_new ();
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                                  g_object_ref (shk_measure_filter_bar_get_filter (self->filter_bar)));

  /* The column the user sorts by, then the measure number. */
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (compare_by_number, NULL, NULL)));

  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (shk_measures_view_invalidate_rows), self);

  /* Ctrl+Delete removes the selected measure only while the table has
   * the focus (in the search entry or the detail pane it edits text);
   * Delete alone clears the selected cells, as in a spreadsheet. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("measures.remove")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("measures.remove")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_measures_view_dispose (GObject *object)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);
  GtkWidget *child;

  shk_measures_view_set_document (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  if (self->cursor != NULL)
    g_object_run_dispose (G_OBJECT (self->cursor));
  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      shk_measures_view_remove_columns (self);
    }
  g_clear_object (&self->cursor);
  g_clear_object (&self->settings);
  g_clear_object (&self->year_actions);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->rows);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_MEASURES_VIEW);
  /* The template's unnamed top-level box is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shk_measures_view_parent_class)->dispose (object);
}

static void
shk_measures_view_finalize (GObject *object)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);

  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->changed_measures, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->year_mode, g_free);
  g_clear_pointer (&self->chosen_years, g_strfreev);

  G_OBJECT_CLASS (shk_measures_view_parent_class)->finalize (object);
}

static void
shk_measures_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->detail)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measures_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      if (gtk_widget_get_visible (GTK_WIDGET (self->detail)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->detail), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measures_view_class_init (ShkMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_measures_view_dispose;
  object_class->finalize = shk_measures_view_finalize;
  object_class->get_property = shk_measures_view_get_property;
  object_class->set_property = shk_measures_view_set_property;

  /* The detail pane can make way for the table's many columns. */
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-measures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, paned);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, table_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, frozen_header);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, detail);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, years_button);

  gtk_widget_class_install_action (widget_class, "measures.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "measures.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "measures.remove", NULL, remove_action);
  gtk_widget_class_install_property_action (widget_class, "measures.show-details", "show-details");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "measures.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "measures.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "measures.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measuresview");

  g_type_ensure (SHK_TYPE_MEASURE_DETAIL);
  g_type_ensure (SHK_TYPE_MEASURE_FILTER_BAR);
}

static void
shk_measures_view_init (ShkMeasuresView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed_measures = g_ptr_array_new_with_free_func (g_object_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (SheetRow));
  self->cursor = shk_sheet_cursor_new (SHK_SHEET_TABLE (self), self->column_view);
  shk_measures_view_setup_years (self);
  shk_measures_view_setup_frozen (self);
  setup_models (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.remove", FALSE);
  update_count (self);
}

GtkWidget *
shk_measures_view_new (void)
{
  return g_object_new (SHK_TYPE_MEASURES_VIEW, NULL);
}

void
shk_measures_view_set_document (ShkMeasuresView *self,
                                ShkDocument     *document)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->plan != NULL)
    {
      g_clear_signal_handler (&self->plan_changed_id, self->plan);
      g_clear_signal_handler (&self->measure_changed_id, self->plan);
    }
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_ptr_array_set_size (self->changed_measures, 0);
  self->refresh_all = FALSE;
  self->measure_announced = FALSE;
  shk_measures_view_hide_message (self);

  /* The detail pane lets go of the old measure before its plan goes. */
  shk_measure_detail_set_document (self->detail, document);

  g_set_object (&self->document, document);
  self->plan = document != NULL ? shk_document_get_plan (document) : NULL;
  shk_measure_filter_bar_set_plan (self->filter_bar, self->plan);
  if (self->plan != NULL)
    {
      self->plan_changed_id = g_signal_connect_swapped (self->plan, "changed",
                                                        G_CALLBACK (on_plan_changed), self);
      self->measure_changed_id = g_signal_connect_swapped (self->plan, "measure-changed",
                                                           G_CALLBACK (on_measure_changed), self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add", self->plan != NULL);

  /* Columns first: the filter model then binds rows to the new ones. */
  shk_measure_rows_set_model (self->rows, NULL);
  shk_measures_view_refresh (self);
  shk_measure_rows_set_model (self->rows, self->plan != NULL ? shk_plan_get_measures (self->plan) : NULL);
  update_count (self);
  on_selected_changed (self);
}

GListModel *
shk_measures_view_get_rows (ShkMeasuresView *self)
{
  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);

  /* A pending refresh would give a stale answer. */
  shk_measures_view_flush_refresh (self);
  return G_LIST_MODEL (self->selection);
}

ShkMeasure *
shk_measures_view_get_selected (ShkMeasuresView *self)
{
  gpointer item;

  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);

  item = gtk_single_selection_get_selected_item (self->selection);
  return SHK_IS_MEASURE (item) ? item : NULL;
}

void
shk_measures_view_select (ShkMeasuresView *self,
                          ShkMeasure      *measure)
{
  GListModel *rows;
  guint n;

  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  rows = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) row = g_list_model_get_item (rows, i);

      if (row == measure)
        {
          GtkAdjustment *adjustment =
            gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

          gtk_single_selection_set_selected (self->selection, i);
          /* GTK 4.8 has no scroll-to for column views; rows are nearly of
           * equal height, so the row's share of the height finds it. */
          if (adjustment != NULL && n > 0)
            {
              double upper = gtk_adjustment_get_upper (adjustment);
              double page = gtk_adjustment_get_page_size (adjustment);
              double row_height = upper / n;

              gtk_adjustment_set_value (adjustment,
                                        CLAMP (row_height * i - page / 2 + row_height / 2,
                                               0, MAX (0, upper - page)));
            }
          return;
        }
    }
}

void
shk_measures_view_set_search (ShkMeasuresView *self,
                              const char      *text)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  shk_measure_filter_bar_set_search (self->filter_bar, text);
}

void
shk_measures_view_set_policy_filter (ShkMeasuresView *self,
                                     guint            policy_number)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  shk_measures_view_flush_refresh (self);
  shk_measure_filter_bar_set_policy (self->filter_bar, policy_number);
}

void
shk_measures_view_set_bureau_filter (ShkMeasuresView *self,
                                     const char      *bureau)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  shk_measures_view_flush_refresh (self);
  shk_measure_filter_bar_set_bureau (self->filter_bar, bureau);
}

void
shk_measures_view_set_grade_filter (ShkMeasuresView *self,
                                    int              grade,
                                    const char      *evaluation_id)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  shk_measures_view_flush_refresh (self);
  shk_measure_filter_bar_set_grade (self->filter_bar, grade, evaluation_id);
}
