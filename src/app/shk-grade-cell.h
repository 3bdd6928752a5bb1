/* shk-grade-cell.h — a measure's grade in one evaluation, in the table
 *
 * Shows the effective grade (and the computed one under it when the
 * office's grade departs from the figures); its menu offers the grades.
 * Choosing one emits "grade-chosen" with "computed" (back to the figures)
 * or a grade key (shk_grade_to_key ()); the view makes the edit. The
 * cell takes the focus itself and opens its menu on a click or on
 * gtk_widget_activate ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-measure-column.h"

G_BEGIN_DECLS

#define SHK_TYPE_GRADE_CELL (shk_grade_cell_get_type ())
G_DECLARE_FINAL_TYPE (ShkGradeCell, shk_grade_cell, SHK, GRADE_CELL, GtkWidget)

/* @column is a SHK_MEASURE_COLUMN_GRADE column: its key is the
 * evaluation id, its plan grades the measure. */
GtkWidget     *shk_grade_cell_new            (ShkMeasureColumn *column);
ShkMeasure    *shk_grade_cell_get_measure    (ShkGradeCell     *self);
void           shk_grade_cell_set_measure    (ShkGradeCell     *self,
                                              ShkMeasure       *measure);
/* The evaluation graded, or NULL when the plan has none by the key. */
ShkEvaluation *shk_grade_cell_get_evaluation (ShkGradeCell     *self);
void           shk_grade_cell_refresh        (ShkGradeCell     *self);
/* The symbol shown (◎, ○, △, －), or NULL. */
const char    *shk_grade_cell_get_symbol     (ShkGradeCell     *self);
/* "(calc. △)" under the symbol where the office's grade departs from
 * the figures, else NULL. */
const char    *shk_grade_cell_get_computed_text (ShkGradeCell  *self);
/* What the grade's tooltip says (how it was given), or NULL. */
const char    *shk_grade_cell_get_tooltip    (ShkGradeCell     *self);

G_END_DECLS
