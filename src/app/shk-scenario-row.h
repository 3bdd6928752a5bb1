/* shk-scenario-row.h — a scenario in the scenarios view's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-scenario.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIO_ROW (shk_scenario_row_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenarioRow, shk_scenario_row, SHK, SCENARIO_ROW, GtkListBoxRow)

GtkWidget   *shk_scenario_row_new          (ShkScenario    *scenario);
ShkScenario *shk_scenario_row_get_scenario (ShkScenarioRow *self);

/* Whether the scenario is ticked for the comparison: the check button
 * shows it and the user sets it there (notify::compared). */
gboolean     shk_scenario_row_get_compared (ShkScenarioRow *self);
void         shk_scenario_row_set_compared (ShkScenarioRow *self,
                                            gboolean        compared);

/* The line under the name: the payback in a few words. */
void         shk_scenario_row_set_summary  (ShkScenarioRow *self,
                                            const char     *summary);

G_END_DECLS
