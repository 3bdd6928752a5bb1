/* shk-measure-detail.h — the detail pane of the measures view
 *
 * Edits everything of one measure that the table does not show in place:
 * its texts, audience, bureau and section, its indicators (label, unit,
 * note, direction, every year's target and actual) and its manual grades
 * with their reasons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"
#include "shk-edit.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_DETAIL (shk_measure_detail_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureDetail, shk_measure_detail, SHK, MEASURE_DETAIL, GtkWidget)

GtkWidget  *shk_measure_detail_new          (void);
/* @document may be NULL; the measure is then cleared too. */
void        shk_measure_detail_set_document (ShkMeasureDetail *self,
                                             ShkDocument      *document);
/* The measure edited, one of the document's, or NULL for none. */
void        shk_measure_detail_set_measure  (ShkMeasureDetail *self,
                                             ShkMeasure       *measure);
ShkMeasure *shk_measure_detail_get_measure  (ShkMeasureDetail *self);
/* Moves the keyboard focus to the name, as after adding a measure. */
void        shk_measure_detail_focus_name   (ShkMeasureDetail *self);

/* Applies @text, as typed by the user, to the target or actual of a year
 * of the @index-th indicator of @measure, through @stack so that it can be
 * undone. Numbers are accepted with or without thousands separators (and
 * with the indicator's unit after them); an empty text clears the value.
 * Anything else is refused with a message naming the cell
 * ("No.1 R2 actual: “abc” is not a number") and nothing changes. The
 * table and the detail pane share it, so both refuse the same way. */
gboolean    shk_measure_commit_indicator_value (ShkUndoStack  *stack,
                                                ShkMeasure    *measure,
                                                guint          index,
                                                ShkValueKind   kind,
                                                const char    *year_id,
                                                const char    *text,
                                                GError       **error);

/* The name of such a cell, for messages and accessible labels:
 * "No.1 R2 actual", "No.43 R2 target, indicator 2". */
char       *shk_measure_dup_cell_name       (ShkMeasure    *measure,
                                             guint          index,
                                             ShkValueKind   kind,
                                             const char    *year_id);

/* Sets (@has_manual TRUE) or clears the manual grade of an evaluation,
 * keeping the reason already given. */
void        shk_measure_commit_manual_grade (ShkUndoStack  *stack,
                                             ShkMeasure    *measure,
                                             const char    *evaluation_id,
                                             gboolean       has_manual,
                                             ShkGrade       grade);

G_END_DECLS
