/* shk-edit-measure.c — edits of measures from what the staff type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "shk-edit-measure.h"

char *
shk_edit_dup_value_cell_name (ShkMeasure   *measure,
                              guint         index,
                              ShkValueKind  kind,
                              const char   *year_id)
{
  guint number = shk_measure_get_number (measure);
  gboolean several = g_list_model_get_n_items (shk_measure_get_indicators (measure)) > 1;

  /* TRANSLATORS: "No.1 R2 actual"; with several indicators, which one. */
  if (kind == SHK_VALUE_TARGET)
    return several ? g_strdup_printf (_("No.%u %s target, indicator %u"), number, year_id, index + 1)
                   : g_strdup_printf (_("No.%u %s target"), number, year_id);
  return several ? g_strdup_printf (_("No.%u %s actual, indicator %u"), number, year_id, index + 1)
                 : g_strdup_printf (_("No.%u %s actual"), number, year_id);
}

gboolean
shk_edit_check_indicator_value_text (ShkMeasure    *measure,
                                     guint          index,
                                     ShkValueKind   kind,
                                     const char    *year_id,
                                     const char    *text,
                                     gboolean      *has_value,
                                     double        *value,
                                     GError       **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *cell = NULL;
  ShkIndicator *indicator;
  double number = 0;

  g_return_val_if_fail (SHK_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (year_id != NULL, FALSE);
  g_return_val_if_fail (index < g_list_model_get_n_items (shk_measure_get_indicators (measure)), FALSE);

  indicator = shk_measure_get_indicator (measure, index);
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* An empty cell is a year without a figure, which is not 0. */
  *has_value = *stripped != '\0';
  if (*has_value &&
      (!shk_parse_number (stripped, shk_indicator_get_unit (indicator), &number) || !isfinite (number)))
    {
      cell = shk_edit_dup_value_cell_name (measure, index, kind, year_id);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: “%s” is not a number"), cell, stripped);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

gboolean
shk_edit_indicator_value_text (ShkUndoStack  *stack,
                               ShkMeasure    *measure,
                               guint          index,
                               ShkValueKind   kind,
                               const char    *year_id,
                               const char    *text,
                               GError       **error)
{
  g_autofree char *cell = NULL;
  g_autofree char *label = NULL;
  gboolean has_value;
  double value = 0;

  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), FALSE);

  if (!shk_edit_check_indicator_value_text (measure, index, kind, year_id, text,
                                            &has_value, &value, error))
    return FALSE;

  cell = shk_edit_dup_value_cell_name (measure, index, kind, year_id);
  /* TRANSLATORS: the undo label, e.g. "Edit No.1 R2 actual". */
  label = g_strdup_printf (_("Edit %s"), cell);
  {
    g_autoptr(ShkProvenance) typed = shk_provenance_new (SHK_PROVENANCE_TYPED, NULL, NULL, NULL);

    shk_edit_indicator_value_from (stack, shk_measure_get_indicator (measure, index), kind,
                                   year_id, has_value, value, typed, label);
  }
  return TRUE;
}

void
shk_edit_manual_grade_keep_reason (ShkUndoStack *stack,
                                   ShkMeasure   *measure,
                                   const char   *evaluation_id,
                                   gboolean      has_manual,
                                   ShkGrade      grade)
{
  g_autofree char *label = NULL;
  g_autofree char *reason = NULL;
  const char *old_reason = NULL;
  ShkGrade old_grade = SHK_GRADE_NONE;
  gboolean had_manual;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (evaluation_id != NULL);

  had_manual = shk_measure_get_manual_grade (measure, evaluation_id, &old_grade, &old_reason);
  if (had_manual == has_manual && (!has_manual || old_grade == grade))
    return;

  /* The reason is the measure's; the edit may free it. */
  reason = g_strdup (old_reason);
  if (has_manual)
    label = g_strdup_printf (_("Set the %s grade of No.%u"), evaluation_id,
                             shk_measure_get_number (measure));
  else
    label = g_strdup_printf (_("Use the computed %s grade of No.%u"), evaluation_id,
                             shk_measure_get_number (measure));
  shk_edit_manual_grade (stack, measure, evaluation_id, has_manual, grade,
                         has_manual ? reason : NULL, label);
}

/* The undo label of a property edit, by property name. Each is a literal
 * format, so that the compiler checks it and translators see it whole. */
static char *
dup_edit_label (const char *property,
                guint       number)
{
  if (g_str_equal (property, "name"))
    return g_strdup_printf (_("Rename No.%u"), number);
  if (g_str_equal (property, "bureau"))
    return g_strdup_printf (_("Edit the bureau of No.%u"), number);
  if (g_str_equal (property, "section"))
    return g_strdup_printf (_("Edit the section of No.%u"), number);
  if (g_str_equal (property, "purpose"))
    return g_strdup_printf (_("Edit the purpose of No.%u"), number);
  if (g_str_equal (property, "actions"))
    return g_strdup_printf (_("Edit the actions of No.%u"), number);
  if (g_str_equal (property, "next-year-plan"))
    return g_strdup_printf (_("Edit next year’s plan of No.%u"), number);
  if (g_str_equal (property, "expected-effect"))
    return g_strdup_printf (_("Edit the expected effect of No.%u"), number);
  if (g_str_equal (property, "notes"))
    return g_strdup_printf (_("Edit the notes of No.%u"), number);
  if (g_str_equal (property, "for-citizens") || g_str_equal (property, "for-internal"))
    return g_strdup_printf (_("Change the audience of No.%u"), number);
  if (g_str_equal (property, "counted"))
    return g_strdup_printf (_("Change whether No.%u is counted"), number);
  if (g_str_equal (property, "policy-number") || g_str_equal (property, "index-in-policy"))
    return g_strdup_printf (_("Move No.%u to another policy"), number);
  if (g_str_equal (property, "year-added"))
    return g_strdup_printf (_("Change the year No.%u was added"), number);
  if (g_str_equal (property, "label"))
    return g_strdup_printf (_("Edit an indicator of No.%u"), number);
  if (g_str_equal (property, "unit"))
    return g_strdup_printf (_("Edit an indicator’s unit of No.%u"), number);
  if (g_str_equal (property, "note"))
    return g_strdup_printf (_("Edit an indicator’s note of No.%u"), number);
  if (g_str_equal (property, "direction"))
    return g_strdup_printf (_("Change an indicator’s direction of No.%u"), number);
  return g_strdup_printf (_("Edit No.%u"), number);
}

void
shk_edit_measure_property (ShkUndoStack *stack,
                           ShkMeasure   *measure,
                           GObject      *object,
                           const char   *property,
                           const GValue *source)
{
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  if (!g_value_transform (source, &value))
    g_return_if_reached ();

  label = dup_edit_label (property, shk_measure_get_number (measure));
  shk_edit_set_property (stack, object, property, &value, label);
}

/* The index a measure takes when it moves into @policy: after every
 * measure already there, as a new row comes last in a table. */
static guint
index_after_policy (ShkPlan    *plan,
                    ShkMeasure *measure,
                    guint       policy)
{
  GListModel *measures = shk_plan_get_measures (plan);
  guint index = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) other = g_list_model_get_item (measures, i);

      if (other != measure && shk_measure_get_policy_number (other) == policy)
        index = MAX (index, shk_measure_get_index_in_policy (other));
    }
  return index + 1;
}

void
shk_edit_measure_move_to_policy (ShkUndoStack *stack,
                                 ShkPlan      *plan,
                                 ShkMeasure   *measure,
                                 guint         policy)
{
  g_autofree char *label = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (SHK_IS_MEASURE (measure));

  if (policy == shk_measure_get_policy_number (measure))
    return;

  label = dup_edit_label ("policy-number", shk_measure_get_number (measure));
  shk_undo_stack_begin_group (stack, label);
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, index_after_policy (plan, measure, policy));
  shk_edit_measure_property (stack, measure, G_OBJECT (measure), "index-in-policy", &value);
  g_value_set_uint (&value, policy);
  shk_edit_measure_property (stack, measure, G_OBJECT (measure), "policy-number", &value);
  shk_undo_stack_end_group (stack);
}
