/* shk-plan.h — a plan document: the root of the model
 *
 * Emits "changed" whenever anything in the document changes, so that
 * summaries and charts can be recomputed; when that change is one
 * measure's, "measure-changed" (ShkMeasure *) names it just before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-evaluation.h"
#include "shk-fiscal-year.h"
#include "shk-measure.h"
#include "shk-policy.h"
#include "shk-scenario.h"
#include "shk-survey.h"

G_BEGIN_DECLS

#define SHK_TYPE_PLAN (shk_plan_get_type ())
G_DECLARE_FINAL_TYPE (ShkPlan, shk_plan, SHK, PLAN, GObject)

/* shk-round.h includes this header; the plan only hands its round out. */
typedef struct _ShkRound ShkRound;

#define SHK_DEFAULT_ACHIEVED_THRESHOLD 90.0
#define SHK_DEFAULT_MOSTLY_THRESHOLD   70.0

ShkPlan       *shk_plan_new                      (void);

const char    *shk_plan_get_title                (ShkPlan     *self);
void           shk_plan_set_title                (ShkPlan     *self,
                                                  const char  *title);
const char    *shk_plan_get_organisation         (ShkPlan     *self);
void           shk_plan_set_organisation         (ShkPlan     *self,
                                                  const char  *organisation);
/* The fiscal year the figures were last reported for (e.g. "R2"). */
const char    *shk_plan_get_reporting_year       (ShkPlan     *self);
void           shk_plan_set_reporting_year       (ShkPlan     *self,
                                                  const char  *year_id);

/* Grade thresholds in percent: ◎ at or above @achieved, ○ at or above
 * @mostly, △ below. */
double         shk_plan_get_achieved_threshold   (ShkPlan     *self);
double         shk_plan_get_mostly_threshold     (ShkPlan     *self);
void           shk_plan_set_thresholds           (ShkPlan     *self,
                                                  double       achieved,
                                                  double       mostly);

/* GListModels of ShkFiscalYear, ShkEvaluation, ShkPolicy, ShkMeasure and
 * ShkScenario, in document order. */
GListModel    *shk_plan_get_fiscal_years         (ShkPlan     *self);
GListModel    *shk_plan_get_evaluations          (ShkPlan     *self);
GListModel    *shk_plan_get_policies             (ShkPlan     *self);
GListModel    *shk_plan_get_measures             (ShkPlan     *self);
GListModel    *shk_plan_get_scenarios            (ShkPlan     *self);
ShkSurvey     *shk_plan_get_survey               (ShkPlan     *self);

void           shk_plan_append_fiscal_year       (ShkPlan     *self,
                                                  ShkFiscalYear *year);
void           shk_plan_append_evaluation        (ShkPlan     *self,
                                                  ShkEvaluation *evaluation);
void           shk_plan_append_policy            (ShkPlan     *self,
                                                  ShkPolicy   *policy);
void           shk_plan_append_measure           (ShkPlan     *self,
                                                  ShkMeasure  *measure);
void           shk_plan_insert_measure           (ShkPlan     *self,
                                                  guint        position,
                                                  ShkMeasure  *measure);
void           shk_plan_remove_measure           (ShkPlan     *self,
                                                  guint        position);
void           shk_plan_append_scenario          (ShkPlan     *self,
                                                  ShkScenario *scenario);
void           shk_plan_insert_scenario          (ShkPlan     *self,
                                                  guint        position,
                                                  ShkScenario *scenario);
void           shk_plan_remove_scenario          (ShkPlan     *self,
                                                  guint        position);

/* Look-ups; NULL when absent. The position out-parameters may be NULL. */
ShkFiscalYear *shk_plan_find_fiscal_year         (ShkPlan     *self,
                                                  const char  *id);
ShkEvaluation *shk_plan_find_evaluation          (ShkPlan     *self,
                                                  const char  *id);
ShkPolicy     *shk_plan_find_policy              (ShkPlan     *self,
                                                  guint        number);
ShkMeasure    *shk_plan_find_measure             (ShkPlan     *self,
                                                  guint        number,
                                                  guint       *position);
/* The final fiscal year of the plan (the last one listed), or NULL. */
ShkFiscalYear *shk_plan_get_final_year           (ShkPlan     *self);
/* One more than the highest measure number. */
guint          shk_plan_get_next_measure_number  (ShkPlan     *self);

/* Hours saved per year by a scenario: entered, or summed from the
 * expected reductions of the processes it links. */
double         shk_plan_get_scenario_hours_saved (ShkPlan     *self,
                                                  ShkScenario *scenario);

/* The title of the plan this one follows (a plan started with
 * shk_plan_successor_new()); NULL when there is none. */
const char    *shk_plan_get_previous_plan        (ShkPlan     *self);
void           shk_plan_set_previous_plan        (ShkPlan     *self,
                                                  const char  *title);

/* The request round (shk-round.h), saved with the plan. Its changes are
 * not the plan's "changed": the round tells its own. */
ShkRound      *shk_plan_get_round                (ShkPlan     *self);

G_END_DECLS
