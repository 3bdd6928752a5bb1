/* shk-scenario-cost-grid.h — a scenario's costs, per item and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-plan.h"
#include "shk-scenario-edit-fold.h"
#include "shk-sheet-cursor.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIO_COST_GRID (shk_scenario_cost_grid_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenarioCostGrid, shk_scenario_cost_grid, SHK, SCENARIO_COST_GRID, GtkWidget)

/* The edits go through @fold (and so to its undo stack), shared with the
 * rest of the form so that a field of the form and a cell fold apart. */
void     shk_scenario_cost_grid_set_fold (ShkScenarioCostGrid  *self,
                                          ShkScenarioEditFold  *fold);

/* Shows the costs of @scenario, a scenario of @plan (NULL: none). The
 * cells are made again only when the items or years change, so that the
 * cell being typed in keeps the focus. */
void     shk_scenario_cost_grid_update   (ShkScenarioCostGrid  *self,
                                          ShkPlan              *plan,
                                          ShkScenario          *scenario);

/* Sets the amount of cost item @item (0-based) in years @first_year to
 * @last_year (0-based, inclusive) to @text, as typed into the cell of
 * the first year: one undoable edit, or refused with the cell marked
 * and ::show-error emitted. */
gboolean shk_scenario_cost_grid_commit   (ShkScenarioCostGrid  *self,
                                          guint                 item,
                                          guint                 first_year,
                                          guint                 last_year,
                                          const char           *text,
                                          GError              **error);

/* Pastes a TSV block of amounts from the @item-th cost item's @year on,
 * as the cursor does (one undo step, a preview when any cell is refused
 * or read-only). */
void            shk_scenario_cost_grid_paste_text (ShkScenarioCostGrid *self,
                                                   guint                item,
                                                   guint                year,
                                                   const char          *text);

/* The cell cursor of the grid, as the measures and processes tables have. */
ShkSheetCursor *shk_scenario_cost_grid_get_cursor (ShkScenarioCostGrid *self);

G_END_DECLS
