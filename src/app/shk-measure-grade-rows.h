/* shk-measure-grade-rows.h — a measure's grade in one evaluation, in the detail pane
 *
 * Two rows of the pane's "Grades" group: the grade (computed, or set by
 * hand) and the reason for a grade set by hand. A GObject rather than a
 * widget: the group's list styles its rows only as its direct children.
 * It edits nothing itself:
 *
 *   "grade-chosen"  (gboolean has_manual, int grade)    a ShkGrade
 *   "reason-edited" (ShkMeasureField *field, const char *text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_GRADE_ROWS (shk_measure_grade_rows_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureGradeRows, shk_measure_grade_rows, SHK, MEASURE_GRADE_ROWS, GObject)

ShkMeasureGradeRows *shk_measure_grade_rows_new               (ShkEvaluation       *evaluation);
const char          *shk_measure_grade_rows_get_evaluation_id (ShkMeasureGradeRows *self);
GtkWidget           *shk_measure_grade_rows_get_grade_row     (ShkMeasureGradeRows *self);
GtkWidget           *shk_measure_grade_rows_get_reason_row    (ShkMeasureGradeRows *self);
/* Shows @measure's grade as @plan grades it. */
void                 shk_measure_grade_rows_sync              (ShkMeasureGradeRows *self,
                                                               ShkPlan             *plan,
                                                               ShkMeasure          *measure);
/* Commits a reason typed but not yet committed. */
void                 shk_measure_grade_rows_flush             (ShkMeasureGradeRows *self);

G_END_DECLS
