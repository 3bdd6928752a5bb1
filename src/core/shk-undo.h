/* shk-undo.h — the undo history of a document
 *
 * Every edit the user makes is first applied to the model and then pushed
 * here as one entry that knows how to undo and redo itself. Entries hold
 * their own references, so undoing works whatever the views have done
 * since. Display-free, so tests exercise undo without a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHK_TYPE_UNDO_STACK (shk_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (ShkUndoStack, shk_undo_stack, SHK, UNDO_STACK, GObject)

/* Called with @redo FALSE to revert the edit, TRUE to apply it again. */
typedef void (*ShkUndoFunc) (gpointer data,
                             gboolean redo);

ShkUndoStack *shk_undo_stack_new            (void);

/* Records an edit that has just been applied. @label is translated and
 * shown in menus and toasts ("Edit R2 actual of No.1"). Pushing drops
 * everything that could be redone. While an undo or redo is running,
 * pushes are ignored (and @destroy is called on @data at once). */
void          shk_undo_stack_push           (ShkUndoStack  *self,
                                             const char    *label,
                                             ShkUndoFunc    func,
                                             gpointer       data,
                                             GDestroyNotify destroy);

/* Groups the pushes until the matching end into one entry (nestable). */
void          shk_undo_stack_begin_group    (ShkUndoStack  *self,
                                             const char    *label);
void          shk_undo_stack_end_group      (ShkUndoStack  *self);

gboolean      shk_undo_stack_undo           (ShkUndoStack  *self);
gboolean      shk_undo_stack_redo           (ShkUndoStack  *self);
gboolean      shk_undo_stack_can_undo       (ShkUndoStack  *self);
gboolean      shk_undo_stack_can_redo       (ShkUndoStack  *self);
/* Labels of the entry the next undo/redo would apply, or NULL. */
const char   *shk_undo_stack_get_undo_label (ShkUndoStack  *self);
const char   *shk_undo_stack_get_redo_label (ShkUndoStack  *self);
gboolean      shk_undo_stack_is_applying    (ShkUndoStack  *self);
void          shk_undo_stack_clear          (ShkUndoStack  *self);

/* The saved state: after mark_clean, undoing and redoing back to this very
 * point reports is_clean TRUE, so the unsaved marker can disappear again. */
void          shk_undo_stack_mark_clean     (ShkUndoStack  *self);
gboolean      shk_undo_stack_is_clean       (ShkUndoStack  *self);

G_END_DECLS
