/* shk-sheet-private.h — what the CSV and XLSX readers and the import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-sheet.h"

G_BEGIN_DECLS

/* One reading: its cancellable, its progress and the cells counted so
 * far against SHK_IMPORT_MAX_CELLS. Lives on the reading thread's stack. */
typedef struct
{
  GCancellable          *cancellable;
  ShkImportProgressFunc  progress;
  gpointer               progress_data;
  double                 progress_offset; /* where this stage starts, 0 … 1 */
  double                 progress_scale;  /* the share of the whole import */
  double                 total;           /* units of work, e.g. bytes */
  double                 done;
  guint                  n_cells;
} ShkSheetReader;

/* FALSE, with G_IO_ERROR_CANCELLED, once the reading is cancelled. */
gboolean   shk_sheet_reader_check    (ShkSheetReader  *reader,
                                      GError         **error);
/* Counts @amount units of work done and reports progress. */
void       shk_sheet_reader_advance  (ShkSheetReader  *reader,
                                      double           amount);

ShkSheet  *shk_sheet_new             (const char      *name);
/* Stores @text (a GRefString, whose reference this takes) in a cell,
 * after checking the limits; an empty text only widens the row. */
gboolean   shk_sheet_store           (ShkSheet        *sheet,
                                      ShkSheetReader  *reader,
                                      guint            row,
                                      guint            column,
                                      char            *text,
                                      gboolean         is_number,
                                      GError         **error);

ShkSheet  *shk_sheet_read_csv_full   (GBytes          *bytes,
                                      ShkSheetReader  *reader,
                                      GError         **error);
GPtrArray *shk_sheet_read_xlsx_full  (GBytes          *bytes,
                                      ShkSheetReader  *reader,
                                      GError         **error);

G_END_DECLS
