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
#include "shk-import-dialog.h"
#include "shk-job.h"
#include "shk-report.h"
#include "shk-table-export.h"

G_BEGIN_DECLS

/* Saves the meeting handout as a PDF. */
void              shk_export_handout          (GtkWindow   *parent,
                                               ShkDocument *document);
/* Saves the measures or processes table as CSV or XLSX. */
void              shk_export_table            (GtkWindow   *parent,
                                               ShkDocument *document);
/* Write @document as it is now to @path as a job (shown in @parent's job
 * bar), then say in @parent how it went. Return the job, or NULL when
 * @parent is busy with another. */
ShkJob           *shk_export_handout_to_path  (GtkWindow      *parent,
                                               ShkDocument    *document,
                                               const char     *path,
                                               ShkPaperSize    paper,
                                               ShkOrientation  orientation);
ShkJob           *shk_export_table_to_path    (GtkWindow      *parent,
                                               ShkDocument    *document,
                                               ShkTables       tables,
                                               const char     *path);
/* Reads targets and actuals from a CSV or XLSX file, shows what would
 * change and applies it, as one undoable step, only when confirmed. */
void              shk_import_values           (GtkWindow   *parent,
                                               ShkDocument *document);

/* Reads targets and actuals from @file on a worker thread, with a
 * progress dialog that keeps the plan from being edited meanwhile and
 * offers Cancel; then shows the preview (shk-import-dialog.h). */
void              shk_import_values_from_file (GtkWindow   *parent,
                                               ShkDocument *document,
                                               GFile       *file);

G_END_DECLS
