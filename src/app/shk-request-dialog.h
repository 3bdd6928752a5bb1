/* shk-request-dialog.h — 「照会票を作成」 and 「回答を取り込む」
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-document.h"

G_BEGIN_DECLS

#define SHK_TYPE_REQUEST_DIALOG (shk_request_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShkRequestDialog, shk_request_dialog, SHK, REQUEST_DIALOG, AdwWindow)

/* The request workbooks of a round: year, due date, whom to reply to,
 * the folder (the round's last one, else the plan's; asked for on
 * Create when there is none) and the sections. Writing them starts the
 * document's round. Returns the window, a ShkRequestDialog. */
GtkWindow *shk_request_dialog_show       (GtkWindow        *parent,
                                          ShkDocument      *document);
/* The folder the workbooks are written to; NULL: asked for on Create. */
void       shk_request_dialog_set_folder (ShkRequestDialog *self,
                                          GFile            *folder);
GFile     *shk_request_dialog_get_folder (ShkRequestDialog *self);
/* Asks for the returned workbooks (several at once), then shows the
 * review of what they change. */
void       shk_collect_replies           (GtkWindow        *parent,
                                          ShkDocument      *document);
/* The same for a folder: every returned workbook in it at once. */
void       shk_collect_replies_folder    (GtkWindow        *parent,
                                          ShkDocument      *document);
/* The review of @files (workbooks or folders), applied as one undo step
 * when the user confirms. Returns the window, or NULL when a folder could
 * not be listed. */
GtkWindow *shk_collect_dialog_show  (GtkWindow    *parent,
                                     ShkDocument  *document,
                                     GFile       **files,
                                     guint         n_files);

G_END_DECLS
