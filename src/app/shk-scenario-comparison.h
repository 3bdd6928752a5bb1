/* shk-scenario-comparison.h — ticked scenarios on one chart, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-payback-view.h"
#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIO_COMPARISON (shk_scenario_comparison_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenarioComparison, shk_scenario_comparison, SHK, SCENARIO_COMPARISON, GtkWidget)

/* Shows @scenarios (ShkScenario, scenarios of @plan, in the order to
 * show them) on one chart; fewer than two valid ones show a hint. */
void            shk_scenario_comparison_update    (ShkScenarioComparison *self,
                                                   ShkPlan               *plan,
                                                   GPtrArray             *scenarios);
ShkPaybackView *shk_scenario_comparison_get_chart (ShkScenarioComparison *self);

G_END_DECLS
