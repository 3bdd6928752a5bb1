/* shk-edit-process.h — undoable edits of surveyed work processes
 *
 * The survey table calls these with the text of a cell as typed; the
 * hours are read and checked here, so the table and the tests refuse the
 * same things with the same words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-process.h"
#include "shk-survey.h"
#include "shk-undo.h"

G_BEGIN_DECLS

/* No process takes more hours a year than this: beyond it a figure is a
 * typing accident ("more hours than a city works in a year"). */
#define SHK_PROCESS_MAX_HOURS_PER_YEAR 1e9

/* Reads hours a year as typed ("1,234", "1,234 hours", "１２h"): FALSE
 * with a message when it is not a number, negative or above
 * SHK_PROCESS_MAX_HOURS_PER_YEAR. */
gboolean shk_process_parse_hours              (const char    *text,
                                               double        *hours,
                                               GError       **error);

/* Applies @text to the cell @column ("name", "hours" or
 * "expected-reduction") of @process as one undoable edit. An empty
 * expected reduction clears it; an empty name is refused. FALSE with the
 * message in @error when refused; nothing changes then. */
gboolean shk_edit_process_cell                (ShkUndoStack  *stack,
                                               ShkProcess    *process,
                                               const char    *column,
                                               const char    *text,
                                               GError       **error);

/* Checks @text for the cell @column of @process as shk_edit_process_cell
 * would, without changing anything (a pasted block checks every cell
 * before it applies any). */
gboolean shk_edit_process_check_cell          (ShkProcess    *process,
                                               const char    *column,
                                               const char    *text,
                                               GError       **error);

/* Sets (@has TRUE) or clears the expected reduction in hours a year. */
void     shk_edit_process_expected_reduction  (ShkUndoStack  *stack,
                                               ShkProcess    *process,
                                               gboolean       has,
                                               double         hours);

void     shk_edit_process_priority            (ShkUndoStack  *stack,
                                               ShkProcess    *process,
                                               ShkPriority    priority);

/* Appends @process to @survey as one undo entry (@label NULL: "Add …"). */
void     shk_edit_survey_add_process          (ShkUndoStack  *stack,
                                               ShkSurvey     *survey,
                                               ShkProcess    *process,
                                               const char    *label);

G_END_DECLS
