/* shk-export-dialog.h — the handout, the tables and imported values:
 * the window's ways out to paper and Excel, and back in
 *
 * Each entry point asks for a file with the platform's file chooser (its
 * choices hold the paper size, orientation and table), does the work with
 * the display-free core and tells the user how it went: a toast on
 * success, a dialog naming the file and the reason on failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-document.h"
#include "shk-import.h"

G_BEGIN_DECLS

/* Saves the meeting handout as a PDF. */
void              shk_export_handout          (GtkWindow   *parent,
                                               ShkDocument *document);
/* Saves the measures or processes table as CSV or XLSX. */
void              shk_export_table            (GtkWindow   *parent,
                                               ShkDocument *document);
/* Reads targets and actuals from a CSV or XLSX file, shows what would
 * change and applies it, as one undoable step, only when confirmed. */
void              shk_import_values           (GtkWindow   *parent,
                                               ShkDocument *document);

G_END_DECLS
