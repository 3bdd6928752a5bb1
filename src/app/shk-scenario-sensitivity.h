/* shk-scenario-sensitivity.h — how a scenario's payback moves with its figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-plan.h"
#include "shk-sensitivity.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIO_SENSITIVITY (shk_scenario_sensitivity_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenarioSensitivity, shk_scenario_sensitivity, SHK, SCENARIO_SENSITIVITY, GtkWidget)

/* Recomputes and shows the sensitivity of @scenario, a scenario of @plan
 * (NULL: none). One the engine refuses keeps the last valid figures of
 * the same scenario. */
void                  shk_scenario_sensitivity_update          (ShkScenarioSensitivity *self,
                                                                ShkPlan                *plan,
                                                                ShkScenario            *scenario);
const ShkSensitivity *shk_scenario_sensitivity_get_sensitivity (ShkScenarioSensitivity *self);

G_END_DECLS
