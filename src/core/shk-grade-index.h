/* shk-grade-index.h — every measure's grade, kept current edit by edit
 *
 * shk_summary_new_for_plan() grades every measure in every evaluation:
 * right for the CLI and the handout, which ask once, but a window that
 * asked after every keystroke would spend seconds per edit on a plan of
 * 100,000 measures. The grade index grades the whole plan once, then on
 * each "measure-changed" of the plan re-grades only that measure and
 * adjusts the counts, the lists of measures per grade and the departures.
 * Measures added, removed or reordered, evaluations changed and threshold
 * changes mark it stale; it grades everything again when next asked.
 *
 * Its answers are always those of the rules in shk-rules.c (a test makes
 * a thousand random edits and compares).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"
#include "shk-rules.h"

G_BEGIN_DECLS

#define SHK_TYPE_GRADE_INDEX (shk_grade_index_get_type ())
G_DECLARE_FINAL_TYPE (ShkGradeIndex, shk_grade_index, SHK, GRADE_INDEX, GObject)

ShkGradeIndex    *shk_grade_index_new         (ShkPlan       *plan);

/* The counts per evaluation, as shk_summary_new_for_plan() computes them.
 * Owned by the index; valid until its next "changed". */
const ShkSummary *shk_grade_index_get_summary (ShkGradeIndex *self);

/* The effective grade of @measure in the evaluation at @evaluation_index,
 * SHK_GRADE_NONE when the measure is not in the plan. */
ShkGrade          shk_grade_index_get_grade   (ShkGradeIndex *self,
                                               ShkMeasure    *measure,
                                               guint          evaluation_index);

/* The counted measures whose effective grade in the evaluation at
 * @evaluation_index is @grade, in plan order: a GListModel of ShkMeasure
 * that changes in place as measures are edited (items-changed). NULL when
 * there is no such evaluation. The model is the index's: a view keeps a
 * reference, and asks again after the index's "changed" when the plan's
 * evaluations themselves changed. */
GListModel       *shk_grade_index_get_measures_with_grade (ShkGradeIndex *self,
                                                           guint          evaluation_index,
                                                           ShkGrade       grade);

/* The measures whose manual grade departs from the computed one in the
 * evaluation at @evaluation_index, in plan order, kept like the lists
 * above. */
GListModel       *shk_grade_index_get_departures          (ShkGradeIndex *self,
                                                           guint          evaluation_index);

G_END_DECLS
