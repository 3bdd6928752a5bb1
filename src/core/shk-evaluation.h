/* shk-evaluation.h — an evaluation compares one year's actual with a target
 *
 * "R2/R3" compares the R2 actual with the final-year R3 target (achievement
 * rate); "R2/R2" compares it with the same year's target (progress rate).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHK_TYPE_EVALUATION (shk_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (ShkEvaluation, shk_evaluation, SHK, EVALUATION, GObject)

ShkEvaluation *shk_evaluation_new                 (const char    *actual_year,
                                                   const char    *target_year);
/* "R2/R3": always actual_year "/" target_year. */
const char    *shk_evaluation_get_id              (ShkEvaluation *self);
const char    *shk_evaluation_get_actual_year     (ShkEvaluation *self);
const char    *shk_evaluation_get_target_year     (ShkEvaluation *self);
/* A heading such as 達成状況 or 進捗状況; may be NULL. */
const char    *shk_evaluation_get_label           (ShkEvaluation *self);
void           shk_evaluation_set_label           (ShkEvaluation *self,
                                                   const char    *label);
/* TRUE when actual and target year are the same (a progress rate). */
gboolean       shk_evaluation_is_progress         (ShkEvaluation *self);

G_END_DECLS
