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
#include "shk-round.h"
#include "shk-undo.h"

G_BEGIN_DECLS

#define SHK_TYPE_DOCUMENT (shk_document_get_type ())
G_DECLARE_FINAL_TYPE (ShkDocument, shk_document, SHK, DOCUMENT, GObject)

/* An untitled copy of the built-in Kagoshima document. */
ShkDocument  *shk_document_new_builtin        (void);
/* An untitled, empty plan with the default years and thresholds. */
ShkDocument  *shk_document_new_blank          (void);
/* Refuses a folder, a named pipe, a device or a socket without opening it
 * for reading. */
ShkDocument  *shk_document_new_from_file      (GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The same, reading and parsing in a worker thread (the new plan is used
 * by no one else until it is handed over). */
void          shk_document_new_from_file_async  (GFile               *file,
                                                 int                  io_priority,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
ShkDocument  *shk_document_new_from_file_finish (GAsyncResult        *result,
                                                 GError             **error);
/* A document restored from a recovery copy: @plan is what was recovered,
 * @file (may be NULL) the file it belongs to and @etag (may be NULL) what
 * shk_document_get_etag() said when the copy was made (or, from copies of
 * older versions, GIO's entity tag), so that a change on disk since then
 * is still noticed. The document is modified. */
ShkDocument  *shk_document_new_recovered      (ShkPlan       *plan,
                                               GFile         *file,
                                               const char    *etag);

ShkPlan      *shk_document_get_plan           (ShkDocument   *self);
ShkUndoStack *shk_document_get_undo_stack     (ShkDocument   *self);
/* The request round: who was asked, who has answered (shk-round.h). */
ShkRound     *shk_document_get_round          (ShkDocument   *self);
/* NULL while untitled. */
GFile        *shk_document_get_file           (ShkDocument   *self);
/* The file's display name, or a translated "Untitled Plan". */
char         *shk_document_dup_title          (ShkDocument   *self);
/* An opaque stamp of the file as the document last read or wrote it (see
 * shk-file-stamp.h); NULL while untitled. Recovery copies keep it. */
const char   *shk_document_get_etag           (ShkDocument   *self);
/* Property "modified": unsaved changes exist. */
gboolean      shk_document_get_modified       (ShkDocument   *self);

/* Saves to @file (NULL: the document's own file) with
 * shk_safe_save_bytes(), keeping the previous version as FILE~; a failure
 * leaves both as they were. Refuses with G_IO_ERROR_WRONG_ETAG when the
 * file changed on disk since it was loaded or saved, unless
 * @overwrite_changes is TRUE. */
gboolean      shk_document_save               (ShkDocument   *self,
                                               GFile         *file,
                                               gboolean       overwrite_changes,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The same; the plan is serialised at once, the check and the writing run
 * in a worker thread, and the document's file, stamp and modified state
 * are updated on the calling thread before @callback runs. Edits made in
 * the meantime keep the document modified. A second save while one is
 * under way fails with G_IO_ERROR_PENDING. */
void          shk_document_save_async         (ShkDocument         *self,
                                               GFile               *file,
                                               gboolean             overwrite_changes,
                                               int                  io_priority,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      shk_document_save_finish        (ShkDocument         *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* What the user should know about the last save although it succeeded
 * (the file had another hard link, which keeps the previous version, …);
 * NULL when nothing. Translated. */
const char   *shk_document_get_save_warning   (ShkDocument   *self);
/* The file differs from what the document last read or wrote: its size,
 * modification time, inode or, when those agree, its contents. */
gboolean      shk_document_changed_on_disk    (ShkDocument   *self);

G_END_DECLS
