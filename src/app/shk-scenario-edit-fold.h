/* shk-scenario-edit-fold.h — keystrokes of one field as one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shk-undo.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIO_EDIT_FOLD (shk_scenario_edit_fold_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenarioEditFold, shk_scenario_edit_fold, SHK, SCENARIO_EDIT_FOLD, GObject)

ShkScenarioEditFold *shk_scenario_edit_fold_new       (void);

/* The stack the edits go to; NULL when there is no document. */
void                 shk_scenario_edit_fold_set_stack (ShkScenarioEditFold *self,
                                                       ShkUndoStack        *stack);
ShkUndoStack        *shk_scenario_edit_fold_get_stack (ShkScenarioEditFold *self);

/* Around one core edit of the field @key (any string naming the field of
 * one object): begin() undoes the last step first when it was an edit of
 * the same field less than a second ago, so that the edit about to be
 * pushed replaces it; pass what it returns to end(). */
guint                shk_scenario_edit_fold_begin     (ShkScenarioEditFold *self,
                                                       const char          *key);
void                 shk_scenario_edit_fold_end       (ShkScenarioEditFold *self,
                                                       const char          *key,
                                                       guint                pushes_before);

/* Sets @property of @object through the core as one undo step labelled
 * @label, folded as above under the key of that object's property. */
void                 shk_scenario_edit_fold_set_property (ShkScenarioEditFold *self,
                                                          GObject             *object,
                                                          const char          *property,
                                                          const GValue        *value,
                                                          const char          *label);

/* The next edit is a step of its own, whatever it edits. */
void                 shk_scenario_edit_fold_reset     (ShkScenarioEditFold *self);

G_END_DECLS
