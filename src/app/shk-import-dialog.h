/* shk-import-dialog.h — the preview of imported targets and actuals
 *
 * Lists what an import would change, the rows that match nothing and the
 * cells left out, and applies the changes as one undoable step only when
 * the user confirms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-document.h"
#include "shk-import.h"

G_BEGIN_DECLS

#define SHK_TYPE_IMPORT_DIALOG (shk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShkImportDialog, shk_import_dialog, SHK, IMPORT_DIALOG, AdwMessageDialog)

/* "apply" applies @import to @document, "cancel" closes. */
AdwMessageDialog *shk_import_dialog_new          (GtkWindow       *parent,
                                                  ShkDocument     *document,
                                                  ShkImport       *import);

ShkImport        *shk_import_dialog_get_import   (ShkImportDialog *self);

G_END_DECLS
