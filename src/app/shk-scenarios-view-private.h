/* shk-scenarios-view-private.h — for the tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-scenario-cost-grid.h"
#include "shk-scenarios-view.h"

G_BEGIN_DECLS

/* The editor's cost grid, where the cost-grid.* actions are. */
ShkScenarioCostGrid *shk_scenarios_view_get_cost_grid (ShkScenariosView *self);

G_END_DECLS
