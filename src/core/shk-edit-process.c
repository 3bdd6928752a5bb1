/* shk-edit-process.c — undoable edits of surveyed work processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-edit-process.h"

/* ------------------------------------------------------------------ */
/* Expected reduction                                                  */

/* A plain property edit could not restore "none". */
typedef struct
{
  ShkProcess *process;
  gboolean    had, has;
  double      old_value, new_value;
} ReductionEdit;

static void
reduction_edit_free (gpointer data)
{
  ReductionEdit *edit = data;

  g_clear_object (&edit->process);
  g_free (edit);
}

static void
reduction_edit_apply (gpointer data,
                      gboolean redo)
{
  ReductionEdit *edit = data;
  gboolean has = redo ? edit->has : edit->had;
  double value = redo ? edit->new_value : edit->old_value;

  if (has)
    shk_process_set_expected_reduction (edit->process, value);
  else
    shk_process_unset_expected_reduction (edit->process);
}

void
shk_edit_process_expected_reduction (ShkUndoStack *stack,
                                     ShkProcess   *process,
                                     gboolean      has,
                                     double        hours)
{
  g_autofree char *label = NULL;
  ReductionEdit *edit;
  double old_value = 0;
  gboolean had;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_PROCESS (process));

  had = shk_process_get_expected_reduction (process, &old_value);
  if (had == has && (!has || old_value == hours))
    return;

  edit = g_new0 (ReductionEdit, 1);
  edit->process = g_object_ref (process);
  edit->had = had;
  edit->has = has;
  edit->old_value = old_value;
  edit->new_value = hours;

  reduction_edit_apply (edit, TRUE);
  label = g_strdup_printf (_("Edit expected reduction of “%s”"),
                           shk_process_get_name (process));
  shk_undo_stack_push (stack, label, reduction_edit_apply, edit, reduction_edit_free);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

void
shk_edit_process_priority (ShkUndoStack *stack,
                           ShkProcess   *process,
                           ShkPriority   priority)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_PROCESS (process));

  g_value_init (&value, SHK_TYPE_PRIORITY);
  g_value_set_enum (&value, (int) priority);
  label = g_strdup_printf (_("Change priority of “%s”"), shk_process_get_name (process));
  shk_edit_set_property (stack, G_OBJECT (process), "priority", &value, label);
}

gboolean
shk_process_parse_hours (const char  *text,
                         double      *hours,
                         GError     **error)
{
  double number;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!shk_parse_number (text, _("hours"), &number) &&
      !shk_parse_number (text, "h", &number))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a number of hours: enter digits such as 1,234"),
                   text);
      return FALSE;
    }
  if (number < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Hours cannot be negative"));
      return FALSE;
    }
  if (number > SHK_PROCESS_MAX_HOURS_PER_YEAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("That is more hours than a city works in a year"));
      return FALSE;
    }
  if (hours != NULL)
    *hours = number;
  return TRUE;
}

gboolean
shk_edit_process_check_cell (ShkProcess  *process,
                             const char  *column,
                             const char  *text,
                             GError     **error)
{
  g_autofree char *stripped = NULL;
  double number;

  g_return_val_if_fail (SHK_IS_PROCESS (process), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (g_str_equal (column, "name"))
    {
      if (*stripped != '\0')
        return TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A process needs a name"));
      return FALSE;
    }
  if (g_str_equal (column, "expected-reduction") && *stripped == '\0')
    return TRUE;
  if (!g_str_equal (column, "hours") && !g_str_equal (column, "expected-reduction"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A process has no editable column “%s”"), column);
      return FALSE;
    }
  return shk_process_parse_hours (stripped, &number, error);
}

gboolean
shk_edit_process_cell (ShkUndoStack  *stack,
                       ShkProcess    *process,
                       const char    *column,
                       const char    *text,
                       GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  double number;

  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (SHK_IS_PROCESS (process), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_str_equal (column, "name"))
    {
      if (*stripped == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("A process needs a name"));
          return FALSE;
        }
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, stripped);
      label = g_strdup_printf (_("Rename “%s”"), shk_process_get_name (process));
      shk_edit_set_property (stack, G_OBJECT (process), "name", &value, label);
      return TRUE;
    }

  if (g_str_equal (column, "expected-reduction") && *stripped == '\0')
    {
      shk_edit_process_expected_reduction (stack, process, FALSE, 0);
      return TRUE;
    }

  if (!shk_process_parse_hours (stripped, &number, error))
    return FALSE;

  if (g_str_equal (column, "hours"))
    {
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, number);
      label = g_strdup_printf (_("Edit hours of “%s”"), shk_process_get_name (process));
      shk_edit_set_property (stack, G_OBJECT (process), "hours", &value, label);
      return TRUE;
    }
  if (g_str_equal (column, "expected-reduction"))
    {
      shk_edit_process_expected_reduction (stack, process, TRUE, number);
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/* ------------------------------------------------------------------ */
/* A new process                                                       */

typedef struct
{
  ShkSurvey  *survey;
  ShkProcess *process;
  guint       position;
} AddEdit;

static void
add_edit_free (gpointer data)
{
  AddEdit *edit = data;

  g_clear_object (&edit->survey);
  g_clear_object (&edit->process);
  g_free (edit);
}

static void
add_edit_apply (gpointer data,
                gboolean redo)
{
  AddEdit *edit = data;

  if (redo)
    shk_survey_insert_process (edit->survey, edit->position, edit->process);
  else
    shk_survey_remove_process (edit->survey, edit->position);
}

void
shk_edit_survey_add_process (ShkUndoStack *stack,
                             ShkSurvey    *survey,
                             ShkProcess   *process,
                             const char   *label)
{
  g_autofree char *default_label = NULL;
  AddEdit *edit;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_SURVEY (survey));
  g_return_if_fail (SHK_IS_PROCESS (process));

  edit = g_new0 (AddEdit, 1);
  edit->survey = g_object_ref (survey);
  edit->process = g_object_ref (process);
  edit->position = g_list_model_get_n_items (shk_survey_get_processes (survey));
  add_edit_apply (edit, TRUE);
  if (label == NULL)
    label = default_label = g_strdup_printf (_("Add “%s”"), shk_process_get_name (process));
  shk_undo_stack_push (stack, label, add_edit_apply, edit, add_edit_free);
}
