/* shk-edit-measure.h — edits of measures from what the staff type
 *
 * The measures table and the detail pane both call these, so both read
 * and refuse the same way; the views only show the message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-edit.h"

G_BEGIN_DECLS

/* Applies @text, as typed by the user, to the target or actual of a year
 * of the @index-th indicator of @measure, through @stack so that it can be
 * undone. Numbers are accepted with or without thousands separators (and
 * with the indicator's unit after them); an empty text clears the value.
 * Anything else is refused with a message naming the cell
 * ("No.1 R2 actual: “abc” is not a number") and nothing changes. The
 * table and the detail pane share it, so both refuse the same way. */
gboolean  shk_edit_indicator_value_text     (ShkUndoStack  *stack,
                                             ShkMeasure    *measure,
                                             guint          index,
                                             ShkValueKind   kind,
                                             const char    *year_id,
                                             const char    *text,
                                             GError       **error);

/* Reads @text as shk_edit_indicator_value_text would, without changing
 * anything: @has_value FALSE for an empty text (no figure), else the
 * figure in @value. FALSE with the message naming the cell otherwise. */
gboolean  shk_edit_check_indicator_value_text (ShkMeasure  *measure,
                                             guint          index,
                                             ShkValueKind   kind,
                                             const char    *year_id,
                                             const char    *text,
                                             gboolean      *has_value,
                                             double        *value,
                                             GError       **error);
/* The name of such a cell, for messages and accessible labels:
 * "No.1 R2 actual", "No.43 R2 target, indicator 2". */
char     *shk_edit_dup_value_cell_name      (ShkMeasure    *measure,
                                             guint          index,
                                             ShkValueKind   kind,
                                             const char    *year_id);

/* Sets (@has_manual TRUE) or clears the manual grade of an evaluation,
 * keeping the reason already given; the undo label names the measure. */
void      shk_edit_manual_grade_keep_reason (ShkUndoStack  *stack,
                                             ShkMeasure    *measure,
                                             const char    *evaluation_id,
                                             gboolean       has_manual,
                                             ShkGrade       grade);

/* Sets @property of @object — @measure itself or one of its indicators —
 * to @source, converted to the property's own type, as one undo step whose
 * label names the measure and what changed ("Rename No.12"). */
void      shk_edit_measure_property         (ShkUndoStack  *stack,
                                             ShkMeasure    *measure,
                                             GObject       *object,
                                             const char    *property,
                                             const GValue  *source);
/* Moves @measure of @plan into @policy, last among the measures already
 * there, as one undo step. Nothing happens when it is already there. */
void      shk_edit_measure_move_to_policy   (ShkUndoStack  *stack,
                                             ShkPlan       *plan,
                                             ShkMeasure    *measure,
                                             guint          policy);

G_END_DECLS
