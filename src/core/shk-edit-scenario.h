/* shk-edit-scenario.h — undoable edits of payback scenarios, and what is typed into them
 *
 * The scenario form and its cost grid call these: the text as typed goes
 * in, the figure is read, checked against the payback engine's limits and
 * applied as one undo entry, or refused with a message saying what is
 * wrong and where, and then nothing changes.
 *
 * Fields are named as the scenario's properties: "name", "description",
 * "first-year" (the first fiscal year, the others follow it),
 * "hourly-rate", "hours-saved", "first-year-months", "discount-rate" (in
 * percent) and "n-years".
 *
 * The check_ variants do everything but the change, and say in @changes
 * whether applying would change anything; the window uses them to decide
 * whether a keystroke folds into the last undo step before it applies it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"
#include "shk-undo.h"

G_BEGIN_DECLS

/* Reads a figure typed into @field (NULL: a cost amount), with or without
 * the field's unit or 円; FALSE when it is not a number. */
gboolean shk_edit_scenario_parse_number (const char    *field,
                                         const char    *text,
                                         double        *value);

/* @n fiscal year ids counting on from @first: R2 → R2, R3, …;
 * 2020 → 2020, 2021, …; FY07 → FY07, FY08, … NULL with @error when
 * @first does not end in a number. */
GStrv    shk_scenario_generate_years    (const char    *first,
                                         guint          n,
                                         GError       **error);

/* Typed text for @field of @scenario, a scenario of @plan. */
gboolean shk_edit_scenario_check_field  (ShkPlan       *plan,
                                         ShkScenario   *scenario,
                                         const char    *field,
                                         const char    *text,
                                         gboolean      *changes,
                                         GError       **error);
gboolean shk_edit_scenario_field        (ShkUndoStack  *stack,
                                         ShkPlan       *plan,
                                         ShkScenario   *scenario,
                                         const char    *field,
                                         const char    *text,
                                         GError       **error);

/* A figure for a numeric field, as a spin button gives it. */
gboolean shk_edit_scenario_check_number (ShkPlan       *plan,
                                         ShkScenario   *scenario,
                                         const char    *field,
                                         double         value,
                                         gboolean      *changes,
                                         GError       **error);
gboolean shk_edit_scenario_number       (ShkUndoStack  *stack,
                                         ShkPlan       *plan,
                                         ShkScenario   *scenario,
                                         const char    *field,
                                         double         value,
                                         GError       **error);

/* Typed text as the cost of the @item-th cost item in the years
 * @first_year to @last_year (0-based); an empty text is no cost. */
gboolean shk_edit_scenario_check_cost   (ShkPlan       *plan,
                                         ShkScenario   *scenario,
                                         guint          item,
                                         guint          first_year,
                                         guint          last_year,
                                         const char    *text,
                                         gboolean      *changes,
                                         GError       **error);
gboolean shk_edit_scenario_cost         (ShkUndoStack  *stack,
                                         ShkPlan       *plan,
                                         ShkScenario   *scenario,
                                         guint          item,
                                         guint          first_year,
                                         guint          last_year,
                                         const char    *text,
                                         GError       **error);

/* The undo entries themselves; the callers above have checked the values. */

/* Typed hours (@has TRUE), or none: then the linked processes' hours
 * count. A plain property edit could not restore "none". */
void     shk_edit_scenario_hours_saved  (ShkUndoStack  *stack,
                                         ShkScenario   *scenario,
                                         gboolean       has,
                                         double         hours);
/* Sets @amount in each of the years @first to @last of @item. */
void     shk_edit_cost_amounts          (ShkUndoStack  *stack,
                                         ShkCostItem   *item,
                                         guint          first,
                                         guint          last,
                                         double         amount);
/* Moves the cost item at @from to @to. */
void     shk_edit_move_cost_item        (ShkUndoStack  *stack,
                                         ShkScenario   *scenario,
                                         guint          from,
                                         guint          to);
/* New years for the scenario; every cost item is resized to them and the
 * first year of savings kept within them. Undo puts back the amounts a
 * shorter horizon dropped. */
void     shk_edit_scenario_years        (ShkUndoStack  *stack,
                                         ShkScenario   *scenario,
                                         const char * const *years);

G_END_DECLS
