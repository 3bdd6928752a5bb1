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
