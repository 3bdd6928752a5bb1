/* shk-document.h — an open plan: the model, where it lives, its history
 *
 * A document owns its plan and undo history and knows its file, whether it
 * has unsaved changes and whether the file changed on disk behind its back.
 * Loading makes a new document, so a file that fails to load never touches
 * the one that is open. Display-free: the window and the tests share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-plan.h"
#include "shk-undo.h"

G_BEGIN_DECLS

#define SHK_TYPE_DOCUMENT (shk_document_get_type ())
G_DECLARE_FINAL_TYPE (ShkDocument, shk_document, SHK, DOCUMENT, GObject)

/* An untitled copy of the built-in Kagoshima document. */
ShkDocument  *shk_document_new_builtin        (void);
/* An untitled, empty plan with the default years and thresholds. */
ShkDocument  *shk_document_new_blank          (void);
ShkDocument  *shk_document_new_from_file      (GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);

ShkPlan      *shk_document_get_plan           (ShkDocument   *self);
ShkUndoStack *shk_document_get_undo_stack     (ShkDocument   *self);
/* NULL while untitled. */
GFile        *shk_document_get_file           (ShkDocument   *self);
/* The file's display name, or a translated "Untitled Plan". */
char         *shk_document_dup_title          (ShkDocument   *self);
/* Property "modified": unsaved changes exist. */
gboolean      shk_document_get_modified       (ShkDocument   *self);

/* Saves to @file (NULL: the document's own file). Refuses with
 * G_IO_ERROR_WRONG_ETAG when the file changed on disk since it was loaded
 * or saved, unless @overwrite_changes is TRUE. */
gboolean      shk_document_save               (ShkDocument   *self,
                                               GFile         *file,
                                               gboolean       overwrite_changes,
                                               GCancellable  *cancellable,
                                               GError       **error);
gboolean      shk_document_changed_on_disk    (ShkDocument   *self);

G_END_DECLS
