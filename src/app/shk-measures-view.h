/* shk-measures-view.h — the plan's measures as an editable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"
#include "shk-sheet-cursor.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURES_VIEW (shk_measures_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasuresView, shk_measures_view, SHK, MEASURES_VIEW, GtkWidget)

GtkWidget  *shk_measures_view_new              (void);
/* @document may be replaced at any time, or NULL. */
void        shk_measures_view_set_document     (ShkMeasuresView *self,
                                                ShkDocument     *document);
/* The rows as shown (ShkMeasure): filtered and sorted. */
GListModel *shk_measures_view_get_rows         (ShkMeasuresView *self);
/* The measure selected (and shown in the detail pane), or NULL. */
ShkMeasure *shk_measures_view_get_selected     (ShkMeasuresView *self);
void        shk_measures_view_select           (ShkMeasuresView *self,
                                                ShkMeasure      *measure);

/* Filters, as the toolbar sets them. @policy_number 0 and @bureau NULL
 * show every measure. @grade -1 shows every grade, else an effective
 * ShkGrade (SHK_GRADE_NONE: not evaluated) in the evaluation
 * @evaluation_id, or in any evaluation when that is NULL. */
void        shk_measures_view_set_search       (ShkMeasuresView *self,
                                                const char      *text);
void        shk_measures_view_set_policy_filter (ShkMeasuresView *self,
                                                guint            policy_number);
void        shk_measures_view_set_bureau_filter (ShkMeasuresView *self,
                                                const char      *bureau);
void        shk_measures_view_set_grade_filter (ShkMeasuresView *self,
                                                int              grade,
                                                const char      *evaluation_id);

/* Applies @text to a cell as if the user typed it there. @column is
 * "target:YEAR" or "actual:YEAR" (the first indicator; "actual:YEAR:2"
 * the second, and so on) or "grade:EVALUATION" (◎ ○ △ － sets a manual
 * grade, an empty text goes back to the computed one). FALSE, with the
 * message in @error, when the text is refused; the view then shows the
 * message too. For tests and the keyboard path alike. */
gboolean    shk_measures_view_commit_cell      (ShkMeasuresView *self,
                                                ShkMeasure      *measure,
                                                const char      *column,
                                                const char      *text,
                                                GError         **error);

/* Adds a measure after the selected one (in its policy) and selects it;
 * returns it. Removes a measure, with an undo toast. Both undoable. */
ShkMeasure *shk_measures_view_add_measure      (ShkMeasuresView *self);
void        shk_measures_view_remove_measure   (ShkMeasuresView *self,
                                                ShkMeasure      *measure);

/* Which years' figures show: "latest" (the reporting year on), "all",
 * or "chosen" (@chosen, fiscal year ids; NULL keeps the last chosen).
 * Remembered in the "measure-years" settings. */
void            shk_measures_view_set_years_shown (ShkMeasuresView    *self,
                                                   const char         *mode,
                                                   const char * const *chosen);
/* The table's cell cursor (moves, ranges, copy and paste). */
ShkSheetCursor *shk_measures_view_get_cursor (ShkMeasuresView *self);

G_END_DECLS
