/* shk-trial.h — a what-if tried in a meeting, kept apart from the plan
 *
 * In presentation mode the committee asks "and at ¥3,000 an hour?". The
 * answer is a trial: the figures are changed on copies of the scenarios,
 * the charts are drawn from the copies, and the document is untouched
 * until the presenter chooses to keep the trial, which then becomes one
 * undo step. Discarding it leaves the document exactly as it was.
 *
 * The fields are those of shk-edit-scenario.h: "hourly-rate",
 * "hours-saved" and "first-year-months".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"
#include "shk-undo.h"

G_BEGIN_DECLS

#define SHK_TYPE_TRIAL (shk_trial_get_type ())
G_DECLARE_FINAL_TYPE (ShkTrial, shk_trial, SHK, TRIAL, GObject)

/* Emits "changed" whenever what it shows changes: a figure tried, undone
 * or reset, or the plan itself edited underneath. */
ShkTrial    *shk_trial_new            (ShkPlan      *plan);

/* The scenario to draw for @scenario of the plan: its trial copy when the
 * trial changed it, else @scenario itself. */
ShkScenario *shk_trial_get_scenario   (ShkTrial     *self,
                                       ShkScenario  *scenario);

/* Tries @value for @field of @scenario. Checked as the scenario form
 * checks it; FALSE with @error (nothing changes) when out of range. */
gboolean     shk_trial_set_number     (ShkTrial     *self,
                                       ShkScenario  *scenario,
                                       const char   *field,
                                       double        value,
                                       GError      **error);

/* Whether anything differs from the plan. */
gboolean     shk_trial_is_active      (ShkTrial     *self);

/* The changed inputs of @scenario (NULL: of every scenario), one line
 * each, "Hourly rate: ¥3,000 (plan ¥2,000)"; NULL when none changed. */
char        *shk_trial_dup_changes    (ShkTrial     *self,
                                       ShkScenario  *scenario);

/* Takes back the last change of the trial; FALSE when there is none. */
gboolean     shk_trial_undo           (ShkTrial     *self);

/* Back to the plan's figures. */
void         shk_trial_reset          (ShkTrial     *self);

/* Makes the trial an edit of the document: one undo step labelled
 * "Keep what-if", then the trial is empty. Nothing is pushed when
 * nothing changed. */
void         shk_trial_keep           (ShkTrial     *self,
                                       ShkUndoStack *stack);

G_END_DECLS
