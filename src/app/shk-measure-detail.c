/* shk-measure-detail.c — the detail pane of the measures view
 *
 * Every field is committed as one undoable edit when the user presses
 * Enter or leaves it, never per keystroke, so that one undo takes back one
 * change as the user thinks of it. A field the user has typed into but not
 * yet committed is "dirty" and is never overwritten by a refresh; every
 * other field follows the model, so an undo shows at once.
 *
 * The rows that depend on the measure's indicators and on the plan's years
 * and evaluations are rebuilt only when those change, so typing in one
 * row never loses the focus because another row was rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-indicator-row.h"
#include "shk-measure-detail.h"
#include "shk-measure-field.h"
#include "shk-measure-grade-rows.h"
#include "shk-rules.h"

#define SYNC_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

/* The measure's long texts, in the order of text_fields. */
static const char * const text_properties[] = {
  "purpose", "actions", "next-year-plan", "expected-effect", "notes",
};

struct _ShkMeasureDetail
{
  GtkWidget            parent_instance;

  ShkDocument         *document;
  ShkPlan             *plan;
  ShkMeasure          *measure;
  gulong               plan_changed_id;
  guint                sync_idle;
  gboolean             syncing;
  gboolean             disposing;
  char                *structure;       /* what the dynamic rows were built for */

  GPtrArray           *indicator_rows;  /* ShkIndicatorRow, unowned: in indicators_group */
  GPtrArray           *grade_rows;      /* ShkMeasureGradeRows */
  GtkStringList       *policy_items;
  GArray              *policy_numbers;  /* guint, one per policy item */
  GtkStringList       *year_items;
  GStrv                year_ids;        /* "" (original plan), then the years */
  ShkMeasureField     *name_field;
  ShkMeasureField     *bureau_field;
  ShkMeasureField     *section_field;
  ShkMeasureField     *text_fields[G_N_ELEMENTS (text_properties)];

  /* template children */
  GtkStack            *stack;
  GtkRevealer         *message_revealer;
  GtkLabel            *message_label;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *general_group;
  GtkWidget           *name_row;
  AdwComboRow         *policy_row;
  GtkWidget           *bureau_row;
  GtkWidget           *section_row;
  GtkCheckButton      *citizens_check;
  GtkCheckButton      *internal_check;
  GtkSwitch           *counted_switch;
  AdwComboRow         *year_added_row;
  AdwPreferencesGroup *indicators_group;
  GtkWidget           *add_indicator_button;
  AdwPreferencesGroup *grades_group;
  AdwPreferencesGroup *actions_group;
  AdwPreferencesGroup *next_year_group;
  GtkTextView         *purpose_view;
  GtkTextView         *actions_view;
  GtkTextView         *next_year_view;
  GtkTextView         *effect_view;
  GtkTextView         *notes_view;
};

G_DEFINE_FINAL_TYPE (ShkMeasureDetail, shk_measure_detail, GTK_TYPE_WIDGET)

static void sync_all (ShkMeasureDetail *self);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static ShkUndoStack *
undo_stack (ShkMeasureDetail *self)
{
  return shk_document_get_undo_stack (self->document);
}

static void
show_message (ShkMeasureDetail *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
hide_message (ShkMeasureDetail *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

/* Sets @property of @object (the measure or one of its indicators) to
 * @source; the core names the undo step. */
static void
edit_property (ShkMeasureDetail *self,
               GObject          *object,
               const char       *property,
               const GValue     *source)
{
  shk_edit_measure_property (undo_stack (self), self->measure, object, property, source);
}

static void
edit_string (ShkMeasureDetail *self,
             GObject          *object,
             const char       *property,
             const char       *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  edit_property (self, object, property, &value);
}

static void
edit_boolean (ShkMeasureDetail *self,
              const char       *property,
              gboolean          active)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, active);
  edit_property (self, G_OBJECT (self->measure), property, &value);
}

/* ------------------------------------------------------------------ */
/* Fields: committed on Enter or when the focus leaves                 */

static gboolean
can_edit (ShkMeasureDetail *self)
{
  return self->measure != NULL && self->document != NULL && !self->disposing;
}

/* After a field's commit: a refused value stays as it was, and the field
 * shows it again, marked, with the reason above. */
static void
report (ShkMeasureDetail *self,
        ShkMeasureField  *field,
        const GError     *error)
{
  shk_measure_field_set_refused (field, error != NULL);
  if (error == NULL)
    hide_message (self);
  else
    {
      show_message (self, error->message);
      sync_all (self);
    }
}

static ShkMeasureField *
watch_field (ShkMeasureDetail *self,
             GtkWidget        *widget,
             GCallback         on_commit,
             gpointer          user_data)
{
  ShkMeasureField *field = shk_measure_field_new (widget);

  g_signal_connect (field, "commit", on_commit, user_data);
  return field;
}

/* Commits whatever the user typed but did not confirm: before the pane
 * moves to another measure, nothing typed is lost. */
static void
flush_pending (ShkMeasureDetail *self)
{
  if (self->measure == NULL || self->document == NULL)
    return;

  shk_measure_field_commit (self->name_field);
  shk_measure_field_commit (self->bureau_field);
  shk_measure_field_commit (self->section_field);
  for (guint i = 0; i < G_N_ELEMENTS (self->text_fields); i++)
    shk_measure_field_commit (self->text_fields[i]);
  for (guint r = 0; self->indicator_rows != NULL && r < self->indicator_rows->len; r++)
    shk_indicator_row_flush (g_ptr_array_index (self->indicator_rows, r));
  for (guint g = 0; self->grade_rows != NULL && g < self->grade_rows->len; g++)
    shk_measure_grade_rows_flush (g_ptr_array_index (self->grade_rows, g));
}

/* Forgets what was typed and refused in the fixed rows. */
static void
reset_marks (ShkMeasureDetail *self)
{
  shk_measure_field_reset (self->name_field);
  shk_measure_field_reset (self->bureau_field);
  shk_measure_field_reset (self->section_field);
  for (guint i = 0; i < G_N_ELEMENTS (self->text_fields); i++)
    shk_measure_field_reset (self->text_fields[i]);
}

/* ------------------------------------------------------------------ */
/* Commits of the fixed rows                                           */

static void
on_measure_text_commit (ShkMeasureField  *field,
                        const char       *text,
                        ShkMeasureDetail *self)
{
  const char *property = field == self->name_field ? "name"
                         : field == self->bureau_field ? "bureau" : "section";
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;
  if (g_str_equal (property, "name") && *stripped == '\0')
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("No.%u: a measure needs a name"), shk_measure_get_number (self->measure));
  else
    edit_string (self, G_OBJECT (self->measure), property, stripped);
  report (self, field, error);
}

static void
on_long_text_commit (ShkMeasureField  *field,
                     const char       *text,
                     ShkMeasureDetail *self)
{
  if (!can_edit (self))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->text_fields); i++)
    if (self->text_fields[i] == field)
      edit_string (self, G_OBJECT (self->measure), text_properties[i], text);
}

static void
on_check_toggled (GtkCheckButton   *check,
                  ShkMeasureDetail *self)
{
  if (self->syncing || self->measure == NULL)
    return;
  edit_boolean (self, check == self->citizens_check ? "for-citizens" : "for-internal",
                gtk_check_button_get_active (check));
}

static void
on_counted_changed (GtkSwitch        *toggle,
                    GParamSpec       *pspec,
                    ShkMeasureDetail *self)
{
  if (self->syncing || self->measure == NULL)
    return;
  edit_boolean (self, "counted", gtk_switch_get_active (toggle));
}

static void
on_policy_selected (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    ShkMeasureDetail *self)
{
  guint selected = adw_combo_row_get_selected (row);
  guint policy;

  if (self->syncing || self->measure == NULL || selected >= self->policy_numbers->len)
    return;
  policy = g_array_index (self->policy_numbers, guint, selected);
  if (policy == shk_measure_get_policy_number (self->measure))
    return;

  shk_edit_measure_move_to_policy (undo_stack (self), self->plan, self->measure, policy);
}

static void
on_year_added_selected (AdwComboRow      *row,
                        GParamSpec       *pspec,
                        ShkMeasureDetail *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || self->measure == NULL || self->year_ids == NULL ||
      selected >= g_strv_length (self->year_ids))
    return;
  if (g_strcmp0 (self->year_ids[selected], shk_measure_get_year_added (self->measure)) == 0 ||
      (selected == 0 && shk_measure_get_year_added (self->measure) == NULL))
    return;
  edit_string (self, G_OBJECT (self->measure), "year-added", self->year_ids[selected]);
}

static void
on_add_indicator (ShkMeasureDetail *self)
{
  g_autoptr(ShkIndicator) indicator = NULL;
  g_autofree char *label = NULL;
  guint n;

  if (self->measure == NULL || self->document == NULL)
    return;

  n = g_list_model_get_n_items (shk_measure_get_indicators (self->measure));
  indicator = shk_indicator_new ();
  /* TRANSLATORS: the label of a new indicator, e.g. "Indicator 2". */
  {
    g_autofree char *name = g_strdup_printf (_("Indicator %u"), n + 1);
    shk_indicator_set_label (indicator, name);
  }
  label = g_strdup_printf (_("Add an indicator to No.%u"), shk_measure_get_number (self->measure));
  shk_edit_insert_indicator (undo_stack (self), self->measure, n, indicator, label);
  sync_all (self);

  /* Straight to the new indicator's label. */
  if (self->indicator_rows->len > n)
    shk_indicator_row_focus_label (g_ptr_array_index (self->indicator_rows, n));
}

/* ------------------------------------------------------------------ */
/* Indicator rows                                                      */

static void
on_indicator_text (ShkIndicatorRow  *row,
                   ShkMeasureField  *field,
                   const char       *property,
                   const char       *text,
                   ShkMeasureDetail *self)
{
  if (!can_edit (self))
    return;
  edit_string (self, G_OBJECT (shk_indicator_row_get_indicator (row)), property, text);
  report (self, field, NULL);
}

static void
on_indicator_value (ShkIndicatorRow  *row,
                    ShkMeasureField  *field,
                    int               kind,
                    const char       *year_id,
                    const char       *text,
                    ShkMeasureDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;
  shk_edit_indicator_value_text (undo_stack (self), self->measure, shk_indicator_row_get_index (row),
                                 (ShkValueKind) kind, year_id, text, &error);
  report (self, field, error);
}

static void
on_indicator_direction (ShkIndicatorRow  *row,
                        guint             direction,
                        ShkMeasureDetail *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing || self->measure == NULL)
    return;

  g_value_init (&value, SHK_TYPE_DIRECTION);
  g_value_set_enum (&value, (int) direction);
  edit_property (self, G_OBJECT (shk_indicator_row_get_indicator (row)), "direction", &value);
}

static void
on_remove_indicator (ShkIndicatorRow  *row,
                     ShkMeasureDetail *self)
{
  g_autofree char *label = NULL;

  if (self->measure == NULL || self->document == NULL)
    return;

  label = g_strdup_printf (_("Remove an indicator of No.%u"), shk_measure_get_number (self->measure));
  shk_edit_remove_indicator (undo_stack (self), self->measure, shk_indicator_row_get_index (row), label);
  /* The button goes with its row: keep the focus in the group. */
  gtk_widget_grab_focus (self->add_indicator_button);
  sync_all (self);
}

static GtkWidget *
build_indicator (ShkMeasureDetail *self,
                 guint             index)
{
  GtkWidget *row = shk_indicator_row_new (self->plan, self->measure, index);

  g_signal_connect (row, "edit-text", G_CALLBACK (on_indicator_text), self);
  g_signal_connect (row, "edit-value", G_CALLBACK (on_indicator_value), self);
  g_signal_connect (row, "edit-direction", G_CALLBACK (on_indicator_direction), self);
  g_signal_connect (row, "remove", G_CALLBACK (on_remove_indicator), self);
  adw_preferences_group_add (self->indicators_group, row);
  return row;
}

/* ------------------------------------------------------------------ */
/* Grade rows                                                          */

static gboolean
commit_reason (ShkMeasureDetail *self,
               const char       *evaluation_id,
               const char       *text,
               GError          **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *label = NULL;
  const char *old_reason = NULL;
  ShkGrade grade;

  if (!shk_measure_get_manual_grade (self->measure, evaluation_id, &grade, &old_reason))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No.%u %s: choose a grade before giving its reason"),
                   shk_measure_get_number (self->measure), evaluation_id);
      return FALSE;
    }
  if (g_strcmp0 (old_reason != NULL ? old_reason : "", stripped) == 0)
    return TRUE;

  label = g_strdup_printf (_("Edit the reason for the %s grade of No.%u"), evaluation_id,
                           shk_measure_get_number (self->measure));
  shk_edit_manual_grade (undo_stack (self), self->measure, evaluation_id, TRUE, grade,
                         *stripped != '\0' ? stripped : NULL, label);
  return TRUE;
}

static void
on_reason_edited (ShkMeasureGradeRows *rows,
                  ShkMeasureField     *field,
                  const char          *text,
                  ShkMeasureDetail    *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;
  commit_reason (self, shk_measure_grade_rows_get_evaluation_id (rows), text, &error);
  report (self, field, error);
}

static void
on_grade_chosen (ShkMeasureGradeRows *rows,
                 gboolean             has_manual,
                 int                  grade,
                 ShkMeasureDetail    *self)
{
  if (self->syncing || self->measure == NULL)
    return;
  shk_edit_manual_grade_keep_reason (undo_stack (self), self->measure,
                                     shk_measure_grade_rows_get_evaluation_id (rows),
                                     has_manual, (ShkGrade) grade);
}

static ShkMeasureGradeRows *
build_grade (ShkMeasureDetail *self,
             ShkEvaluation    *evaluation)
{
  ShkMeasureGradeRows *rows = shk_measure_grade_rows_new (evaluation);

  g_signal_connect (rows, "grade-chosen", G_CALLBACK (on_grade_chosen), self);
  g_signal_connect (rows, "reason-edited", G_CALLBACK (on_reason_edited), self);
  adw_preferences_group_add (self->grades_group, shk_measure_grade_rows_get_grade_row (rows));
  adw_preferences_group_add (self->grades_group, shk_measure_grade_rows_get_reason_row (rows));
  return rows;
}

/* ------------------------------------------------------------------ */
/* Building and syncing                                                */

static void
clear_dynamic_rows (ShkMeasureDetail *self)
{
  for (guint i = 0; i < self->indicator_rows->len; i++)
    {
      adw_preferences_group_remove (self->indicators_group, g_ptr_array_index (self->indicator_rows, i));
    }
  g_ptr_array_set_size (self->indicator_rows, 0);

  for (guint i = 0; i < self->grade_rows->len; i++)
    {
      ShkMeasureGradeRows *rows = g_ptr_array_index (self->grade_rows, i);

      adw_preferences_group_remove (self->grades_group, shk_measure_grade_rows_get_grade_row (rows));
      adw_preferences_group_remove (self->grades_group, shk_measure_grade_rows_get_reason_row (rows));
    }
  g_ptr_array_set_size (self->grade_rows, 0);
}

/* What the dynamic rows depend on. */
static char *
dup_structure (ShkMeasureDetail *self)
{
  GString *structure = g_string_new (NULL);
  GListModel *list;

  if (self->measure == NULL || self->plan == NULL)
    return g_string_free (structure, FALSE);

  g_string_append_printf (structure, "%p\x1e", (gpointer) self->measure);
  list = shk_measure_get_indicators (self->measure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      g_string_append_printf (structure, "%p\x1f", (gpointer) object);
    }
  g_string_append_c (structure, '\x1e');
  list = shk_plan_get_fiscal_years (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (list, i);
      g_string_append_printf (structure, "%s\x1f%s\x1f", shk_fiscal_year_get_id (year),
                              shk_fiscal_year_get_label (year));
    }
  g_string_append_c (structure, '\x1e');
  list = shk_plan_get_evaluations (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (list, i);
      g_string_append_printf (structure, "%s\x1f", shk_evaluation_get_id (evaluation));
    }
  return g_string_free (structure, FALSE);
}

static void
build_dynamic_rows (ShkMeasureDetail *self)
{
  GListModel *list;

  clear_dynamic_rows (self);

  list = shk_measure_get_indicators (self->measure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (self->indicator_rows, build_indicator (self, i));

  list = shk_plan_get_evaluations (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (list, i);
      g_ptr_array_add (self->grade_rows, build_grade (self, evaluation));
    }
}

static void
update_policy_items (ShkMeasureDetail *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *policies = shk_plan_get_policies (self->plan);
  guint n = g_list_model_get_n_items (policies);
  gboolean same;

  g_array_set_size (self->policy_numbers, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkPolicy) policy = g_list_model_get_item (policies, i);
      guint number = shk_policy_get_number (policy);

      g_array_append_val (self->policy_numbers, number);
      g_ptr_array_add (names, g_strdup_printf ("%u %s", number, shk_policy_get_name (policy)));
    }

  same = g_list_model_get_n_items (G_LIST_MODEL (self->policy_items)) == names->len;
  for (guint i = 0; same && i < names->len; i++)
    same = g_str_equal (gtk_string_list_get_string (self->policy_items, i), g_ptr_array_index (names, i));
  if (same)
    return;
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->policy_items, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->policy_items)),
                          (const char * const *) names->pdata);
}

static void
update_year_items (ShkMeasureDetail *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GListModel *years = shk_plan_get_fiscal_years (self->plan);
  guint n = g_list_model_get_n_items (years);
  const char *reporting = shk_plan_get_reporting_year (self->plan);
  const char *next = NULL;
  g_autofree char *actions_title = NULL;
  g_autofree char *next_title = NULL;

  g_strv_builder_add (ids, "");
  g_ptr_array_add (labels, g_strdup (_("The original plan")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      g_strv_builder_add (ids, shk_fiscal_year_get_id (year));
      g_ptr_array_add (labels, g_strdup (shk_fiscal_year_get_label (year)));
      if (i > 0)
        {
          g_autoptr(ShkFiscalYear) previous = g_list_model_get_item (years, i - 1);
          if (g_strcmp0 (shk_fiscal_year_get_id (previous), reporting) == 0)
            next = shk_fiscal_year_get_id (year);
        }
    }
  g_ptr_array_add (labels, NULL);

  g_strfreev (self->year_ids);
  self->year_ids = g_strv_builder_end (ids);
  gtk_string_list_splice (self->year_items, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->year_items)),
                          (const char * const *) labels->pdata);

  /* The handouts' headings: R2 actions, R3 plan. */
  actions_title = reporting != NULL && *reporting ? g_strdup_printf (_("Actions in %s"), reporting)
                                                  : g_strdup (_("Actions This Year"));
  next_title = next != NULL ? g_strdup_printf (_("Plan for %s"), next)
                            : g_strdup (_("Plan for Next Year"));
  adw_preferences_group_set_title (self->actions_group, actions_title);
  adw_preferences_group_set_title (self->next_year_group, next_title);
}

/* Where the texts came from, and the sections' own assessments, under
 * the groups' titles (NULL hides the line). */
static char *
dup_text_origin (ShkMeasure *measure,
                 const char *key)
{
  const ShkProvenance *provenance = shk_measure_get_provenance (measure, key);

  return provenance != NULL ? shk_provenance_describe (provenance) : NULL;
}

static char *
dup_self_grades (ShkMeasure *measure)
{
  g_auto(GStrv) years = shk_measure_dup_self_grade_years (measure);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; years[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("self_grade.", years[i], NULL);
      g_autofree char *origin = dup_text_origin (measure, key);
      const char *reason = NULL;
      ShkGrade grade;

      shk_measure_get_self_grade (measure, years[i], &grade, &reason);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: year id, grade symbol, the section's reason */
      g_string_append_printf (text, _("Self-assessment %s: %s %s"), years[i],
                              shk_grade_to_symbol (grade), reason);
      if (origin != NULL)
        g_string_append_printf (text, " (%s)", origin);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
sync_origins (ShkMeasureDetail *self)
{
  g_autofree char *actions = dup_text_origin (self->measure, "actions");
  g_autofree char *plan = dup_text_origin (self->measure, "next_year_plan");
  g_autofree char *grades = dup_self_grades (self->measure);
  g_autofree char *actions_text = NULL;

  if (grades != NULL)
    actions_text = actions != NULL ? g_strdup_printf ("%s\n%s", actions, grades)
                                   : g_strdup (grades);
  else
    actions_text = g_strdup (actions);
  adw_preferences_group_set_description (self->actions_group, actions_text);
  adw_preferences_group_set_description (self->next_year_group, plan);
}

static void
sync_values (ShkMeasureDetail *self)
{
  ShkMeasure *measure = self->measure;
  g_autofree char *title = NULL;
  const char *year_added = shk_measure_get_year_added (measure);
  guint policy = GTK_INVALID_LIST_POSITION, year = 0;

  title = g_strdup_printf (_("Measure No.%u"), shk_measure_get_number (measure));
  adw_preferences_group_set_title (self->general_group, title);

  shk_measure_field_set_text (self->name_field, shk_measure_get_name (measure));
  shk_measure_field_set_text (self->bureau_field, shk_measure_get_bureau (measure));
  shk_measure_field_set_text (self->section_field, shk_measure_get_section (measure));
  gtk_check_button_set_active (self->citizens_check, shk_measure_get_for_citizens (measure));
  gtk_check_button_set_active (self->internal_check, shk_measure_get_for_internal (measure));
  gtk_switch_set_active (self->counted_switch, shk_measure_get_counted (measure));

  for (guint i = 0; i < self->policy_numbers->len; i++)
    if (g_array_index (self->policy_numbers, guint, i) == shk_measure_get_policy_number (measure))
      policy = i;
  adw_combo_row_set_selected (self->policy_row, policy);

  for (guint i = 1; year_added != NULL && self->year_ids[i] != NULL; i++)
    if (g_str_equal (self->year_ids[i], year_added))
      year = i;
  adw_combo_row_set_selected (self->year_added_row, year);

  shk_measure_field_set_text (self->text_fields[0], shk_measure_get_purpose (measure));
  shk_measure_field_set_text (self->text_fields[1], shk_measure_get_actions (measure));
  shk_measure_field_set_text (self->text_fields[2], shk_measure_get_next_year_plan (measure));
  shk_measure_field_set_text (self->text_fields[3], shk_measure_get_expected_effect (measure));
  shk_measure_field_set_text (self->text_fields[4], shk_measure_get_notes (measure));
  sync_origins (self);

  for (guint i = 0; i < self->indicator_rows->len; i++)
    shk_indicator_row_sync (g_ptr_array_index (self->indicator_rows, i));
  for (guint i = 0; i < self->grade_rows->len; i++)
    shk_measure_grade_rows_sync (g_ptr_array_index (self->grade_rows, i), self->plan, measure);
}

static void
sync_all (ShkMeasureDetail *self)
{
  g_autofree char *structure = NULL;

  g_clear_handle_id (&self->sync_idle, g_source_remove);

  if (self->measure == NULL || self->plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->syncing = TRUE;
  structure = dup_structure (self);
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      update_policy_items (self);
      update_year_items (self);
      build_dynamic_rows (self);
    }
  sync_values (self);
  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "measure");
}

static gboolean
sync_idle_cb (gpointer user_data)
{
  ShkMeasureDetail *self = user_data;

  self->sync_idle = 0;
  sync_all (self);
  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (ShkMeasureDetail *self)
{
  if (self->sync_idle == 0)
    self->sync_idle = g_idle_add_full (SYNC_PRIORITY, sync_idle_cb, self, NULL);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_measure_detail_dispose (GObject *object)
{
  ShkMeasureDetail *self = SHK_MEASURE_DETAIL (object);
  GtkWidget *child;

  self->disposing = TRUE;
  shk_measure_detail_set_document (self, NULL);
  g_clear_handle_id (&self->sync_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_MEASURE_DETAIL);
  /* The template's unnamed top-level box is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shk_measure_detail_parent_class)->dispose (object);
}

static void
shk_measure_detail_finalize (GObject *object)
{
  ShkMeasureDetail *self = SHK_MEASURE_DETAIL (object);

  g_clear_pointer (&self->indicator_rows, g_ptr_array_unref);
  g_clear_pointer (&self->grade_rows, g_ptr_array_unref);
  g_clear_pointer (&self->policy_numbers, g_array_unref);
  g_clear_pointer (&self->year_ids, g_strfreev);
  g_clear_pointer (&self->structure, g_free);
  g_clear_object (&self->policy_items);
  g_clear_object (&self->year_items);
  g_clear_object (&self->name_field);
  g_clear_object (&self->bureau_field);
  g_clear_object (&self->section_field);
  for (guint i = 0; i < G_N_ELEMENTS (self->text_fields); i++)
    g_clear_object (&self->text_fields[i]);

  G_OBJECT_CLASS (shk_measure_detail_parent_class)->finalize (object);
}

static void
shk_measure_detail_class_init (ShkMeasureDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_measure_detail_dispose;
  object_class->finalize = shk_measure_detail_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-measure-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, page);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, general_group);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, policy_row);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, bureau_row);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, section_row);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, citizens_check);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, internal_check);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, counted_switch);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, year_added_row);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, add_indicator_button);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, grades_group);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, actions_group);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, next_year_group);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, actions_view);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, next_year_view);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, effect_view);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureDetail, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_add_indicator);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measuredetail");
}

static void
shk_measure_detail_init (ShkMeasureDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->indicator_rows = g_ptr_array_new ();
  self->grade_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->policy_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->policy_items = gtk_string_list_new (NULL);
  self->year_items = gtk_string_list_new (NULL);

  adw_combo_row_set_model (self->policy_row, G_LIST_MODEL (self->policy_items));
  adw_combo_row_set_model (self->year_added_row, G_LIST_MODEL (self->year_items));

  self->name_field = watch_field (self, self->name_row, G_CALLBACK (on_measure_text_commit), self);
  self->bureau_field = watch_field (self, self->bureau_row, G_CALLBACK (on_measure_text_commit), self);
  self->section_field = watch_field (self, self->section_row, G_CALLBACK (on_measure_text_commit), self);

  {
    GtkTextView *views[] = {
      self->purpose_view, self->actions_view, self->next_year_view, self->effect_view, self->notes_view,
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (views) == G_N_ELEMENTS (text_properties));
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      self->text_fields[i] = watch_field (self, GTK_WIDGET (views[i]), G_CALLBACK (on_long_text_commit), self);
  }

  g_signal_connect (self->citizens_check, "toggled", G_CALLBACK (on_check_toggled), self);
  g_signal_connect (self->internal_check, "toggled", G_CALLBACK (on_check_toggled), self);
  g_signal_connect (self->counted_switch, "notify::active", G_CALLBACK (on_counted_changed), self);
  g_signal_connect (self->policy_row, "notify::selected", G_CALLBACK (on_policy_selected), self);
  g_signal_connect (self->year_added_row, "notify::selected", G_CALLBACK (on_year_added_selected), self);
}

GtkWidget *
shk_measure_detail_new (void)
{
  return g_object_new (SHK_TYPE_MEASURE_DETAIL, NULL);
}

void
shk_measure_detail_set_document (ShkMeasureDetail *self,
                                 ShkDocument      *document)
{
  g_return_if_fail (SHK_IS_MEASURE_DETAIL (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  shk_measure_detail_set_measure (self, NULL);
  if (self->plan != NULL)
    g_clear_signal_handler (&self->plan_changed_id, self->plan);

  g_set_object (&self->document, document);
  self->plan = document != NULL ? shk_document_get_plan (document) : NULL;
  if (self->plan != NULL)
    self->plan_changed_id = g_signal_connect_swapped (self->plan, "changed",
                                                      G_CALLBACK (on_plan_changed), self);
  g_clear_pointer (&self->structure, g_free);
  sync_all (self);
}

void
shk_measure_detail_set_measure (ShkMeasureDetail *self,
                                ShkMeasure       *measure)
{
  g_return_if_fail (SHK_IS_MEASURE_DETAIL (self));
  g_return_if_fail (measure == NULL || SHK_IS_MEASURE (measure));

  if (self->measure == measure)
    return;

  if (!self->disposing)
    flush_pending (self);
  hide_message (self);

  /* A new measure starts clean: what was typed for the old one is
   * committed, and its marks go. */
  g_set_object (&self->measure, measure);
  if (self->indicator_rows != NULL)
    clear_dynamic_rows (self);
  g_clear_pointer (&self->structure, g_free);
  reset_marks (self);
  if (!self->disposing)
    sync_all (self);
}

ShkMeasure *
shk_measure_detail_get_measure (ShkMeasureDetail *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_DETAIL (self), NULL);

  return self->measure;
}

void
shk_measure_detail_focus_name (ShkMeasureDetail *self)
{
  g_return_if_fail (SHK_IS_MEASURE_DETAIL (self));

  if (self->measure != NULL)
    gtk_widget_grab_focus (self->name_row);
}
