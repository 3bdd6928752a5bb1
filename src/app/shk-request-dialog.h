/* shk-request-dialog.h — 「照会票を作成」 and 「回答を取り込む」
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"

G_BEGIN_DECLS

/* The request workbooks of a round: year, due date, whom to reply to,
 * the sections; then a folder. Returns the window. */
GtkWindow *shk_request_dialog_show  (GtkWindow    *parent,
                                     ShkDocument  *document);
/* Asks for the returned workbooks (several at once), then shows the
 * review of what they change. */
void       shk_collect_replies      (GtkWindow    *parent,
                                     ShkDocument  *document);
/* The review of @files (workbooks or folders), applied as one undo step
 * when the user confirms. Returns the window, or NULL when a folder could
 * not be listed. */
GtkWindow *shk_collect_dialog_show  (GtkWindow    *parent,
                                     ShkDocument  *document,
                                     GFile       **files,
                                     guint         n_files);

G_END_DECLS
