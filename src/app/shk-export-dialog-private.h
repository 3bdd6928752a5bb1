/* shk-export-dialog-private.h — the import preview, for tests
 *
 * Not part of the window's interface: only shk-export-dialog.c and the tests
 * use these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-export-dialog.h"

G_BEGIN_DECLS

/* The preview of an import, as shk_import_values() shows it: "apply"
 * applies @import to @document, "cancel" closes. For tests. */
AdwMessageDialog *shk_import_dialog_new       (GtkWindow   *parent,
                                               ShkDocument *document,
                                               ShkImport   *import);

G_END_DECLS
