/* shk-recovery.h — recovery copies of documents with unsaved changes
 *
 * While a document has unsaved changes the window writes a copy of it to
 * $XDG_STATE_HOME/shinchoku/recovery/ID.json, with a small key file
 * ID.ini noting the file it belongs to. Saving, discarding or closing
 * cleanly removes both; after a crash they are still there and the next
 * start offers to restore them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-document.h"

G_BEGIN_DECLS

typedef struct
{
  char      *id;
  GFile     *copy;        /* the recovery copy, ID.json */
  GFile     *original;    /* the document's own file; NULL if untitled */
  char      *etag;        /* the original's stamp when last read or written */
  char      *title;       /* the plan's title, for the offer */
  GDateTime *saved;       /* when the copy was written */
} ShkRecoveryItem;

void             shk_recovery_item_free (ShkRecoveryItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkRecoveryItem, shk_recovery_item_free)

/* A new, unique id for a window's recovery copy. */
char            *shk_recovery_new_id    (void);
GFile           *shk_recovery_get_dir   (void);
gboolean         shk_recovery_write     (const char      *id,
                                         ShkDocument     *document,
                                         GError         **error);
/* Removes the copy and its key file; a missing copy is no error. */
void             shk_recovery_remove    (const char      *id);
/* The copies left behind, newest first: a GPtrArray of ShkRecoveryItem
 * (freed with the array). */
GPtrArray       *shk_recovery_list      (void);
/* A modified document with the copy's plan, targeting the original file
 * when it is known. The copy stays until the caller removes it. */
ShkDocument     *shk_recovery_restore   (ShkRecoveryItem *item,
                                         GError         **error);

G_END_DECLS
