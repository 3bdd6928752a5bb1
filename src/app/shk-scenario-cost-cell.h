/* shk-scenario-cost-cell.h — one cell of a scenario's cost grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_COST_CELL_MENU,     /* the row's menu: move, copy on, remove */
  SHK_COST_CELL_NAME,     /* the cost item's name */
  SHK_COST_CELL_AMOUNT,   /* the amount of one year */
  SHK_COST_CELL_TOTAL,    /* the row's total */
} ShkCostCellKind;

#define SHK_TYPE_SCENARIO_COST_CELL (shk_scenario_cost_cell_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenarioCostCell, shk_scenario_cost_cell, SHK, SCENARIO_COST_CELL, GtkWidget)

/* A cell of the column @kind (of year @year, 0-based, for an amount). */
GtkWidget       *shk_scenario_cost_cell_new        (ShkCostCellKind      kind,
                                                    guint                year);
/* Shows @row of @scenario: one of its cost items, or @scenario itself
 * for the row of totals; @position is the row's place. */
void             shk_scenario_cost_cell_set_row    (ShkScenarioCostCell *self,
                                                    ShkScenario         *scenario,
                                                    GObject             *row,
                                                    guint                position);
/* Writes the model's values again (not into a cell being edited). */
void             shk_scenario_cost_cell_refresh    (ShkScenarioCostCell *self);

ShkCostCellKind  shk_scenario_cost_cell_get_kind   (ShkScenarioCostCell *self);
guint            shk_scenario_cost_cell_get_year   (ShkScenarioCostCell *self);
/* The cost item shown, or NULL on the row of totals. */
ShkCostItem     *shk_scenario_cost_cell_get_item   (ShkScenarioCostCell *self);
/* What takes the cursor's focus: the in-place editor of a name or an
 * amount, the menu button, else the cell itself. */
GtkWidget       *shk_scenario_cost_cell_get_target (ShkScenarioCostCell *self);
/* The text the cell shows, for copying. */
char            *shk_scenario_cost_cell_dup_text   (ShkScenarioCostCell *self);

/* The text of the cell of @kind (and @year) on @row of @scenario. */
char            *shk_scenario_cost_cell_format     (ShkCostCellKind      kind,
                                                    guint                year,
                                                    ShkScenario         *scenario,
                                                    GObject             *row);

G_END_DECLS
