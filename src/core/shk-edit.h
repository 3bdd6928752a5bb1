/* shk-edit.h — undoable edits of a plan
 *
 * The window's views never change the model directly: they call these,
 * which apply the change and push one undo entry. Tests use the same
 * functions, so what the user can undo is what the tests check.
 *
 * Edits from what the user typed (read, checked, then applied here) are
 * in shk-edit-measure.h, shk-edit-process.h and shk-edit-scenario.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-number.h"   /* callers of the parser expect it here */
#include "shk-plan.h"
#include "shk-provenance.h"
#include "shk-undo.h"

G_BEGIN_DECLS

/* Sets a property of any model object (measure name, process hours,
 * scenario rate…). No entry is pushed when the value does not change. */
void  shk_edit_set_property        (ShkUndoStack  *stack,
                                    GObject       *object,
                                    const char    *property,
                                    const GValue  *value,
                                    const char    *label);

typedef enum
{
  SHK_VALUE_TARGET,
  SHK_VALUE_ACTUAL,
} ShkValueKind;

/* Sets (@has_value TRUE) or clears a target or actual of a year. */
void  shk_edit_indicator_value     (ShkUndoStack  *stack,
                                    ShkIndicator  *indicator,
                                    ShkValueKind   kind,
                                    const char    *year_id,
                                    gboolean       has_value,
                                    double         value,
                                    const char    *label);

/* The same, remembering where the value came from (shk-provenance.h):
 * the value and its provenance are one undo entry. Nothing is recorded
 * when the value does not change. */
void  shk_edit_indicator_value_from (ShkUndoStack        *stack,
                                     ShkIndicator        *indicator,
                                     ShkValueKind         kind,
                                     const char          *year_id,
                                     gboolean             has_value,
                                     double               value,
                                     const ShkProvenance *provenance,
                                     const char          *label);
/* "actual.R3": the provenance key of a target or actual. */
char *shk_edit_dup_value_key       (ShkValueKind         kind,
                                    const char          *year_id);
/* Sets (@has_manual TRUE) or clears a manual grade and its reason. */
void  shk_edit_manual_grade        (ShkUndoStack  *stack,
                                    ShkMeasure    *measure,
                                    const char    *evaluation_id,
                                    gboolean       has_manual,
                                    ShkGrade       grade,
                                    const char    *reason,
                                    const char    *label);

void  shk_edit_insert_measure      (ShkUndoStack  *stack,
                                    ShkPlan       *plan,
                                    guint          position,
                                    ShkMeasure    *measure,
                                    const char    *label);
void  shk_edit_remove_measure      (ShkUndoStack  *stack,
                                    ShkPlan       *plan,
                                    guint          position,
                                    const char    *label);
void  shk_edit_insert_indicator    (ShkUndoStack  *stack,
                                    ShkMeasure    *measure,
                                    guint          position,
                                    ShkIndicator  *indicator,
                                    const char    *label);
void  shk_edit_remove_indicator    (ShkUndoStack  *stack,
                                    ShkMeasure    *measure,
                                    guint          position,
                                    const char    *label);

void  shk_edit_insert_scenario     (ShkUndoStack  *stack,
                                    ShkPlan       *plan,
                                    guint          position,
                                    ShkScenario   *scenario,
                                    const char    *label);
void  shk_edit_remove_scenario     (ShkUndoStack  *stack,
                                    ShkPlan       *plan,
                                    guint          position,
                                    const char    *label);
void  shk_edit_insert_cost_item    (ShkUndoStack  *stack,
                                    ShkScenario   *scenario,
                                    guint          position,
                                    ShkCostItem   *item,
                                    const char    *label);
void  shk_edit_remove_cost_item    (ShkUndoStack  *stack,
                                    ShkScenario   *scenario,
                                    guint          position,
                                    const char    *label);

G_END_DECLS
