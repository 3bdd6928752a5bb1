/* shk-sheet.h — spreadsheet cells read from CSV and XLSX, within limits
 *
 * The import reads files that come from anywhere (mail, shared folders),
 * inside the window's process: a damaged or hostile file must be refused
 * with a plain message, never exhaust memory or run without end. So
 * every reader stops at the limits below, each error naming the limit
 * it met, and a sheet stores only the cells that hold something (a cell
 * in column XFD costs what a cell in column A costs).
 *
 * The readers keep no global state: they may run in a worker thread,
 * take a GCancellable that they check often, and report progress.
 * docs/safety.md lists the limits for users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SHK_IMPORT_ERROR (shk_import_error_quark ())
GQuark shk_import_error_quark (void);

typedef enum
{
  SHK_IMPORT_ERROR_FORMAT,      /* neither CSV nor XLSX, or damaged */
  SHK_IMPORT_ERROR_ENCODING,    /* text in no encoding we know */
  SHK_IMPORT_ERROR_NO_HEADINGS, /* no row names the columns we need */
  SHK_IMPORT_ERROR_TOO_LARGE,   /* beyond one of the limits below */
  SHK_IMPORT_ERROR_UNSUPPORTED, /* ODS, XLS, or not a regular file */
} ShkImportError;

/* The limits. A measures table has a few hundred rows and some tens of
 * columns; these leave a hundred times that room. */
#define SHK_IMPORT_MAX_FILE_SIZE  (64u * 1024 * 1024)   /* bytes read from disk */
#define SHK_IMPORT_MAX_ROWS       100000u               /* rows of a sheet */
#define SHK_IMPORT_MAX_COLUMNS    1000u                 /* columns: A … ALL */
#define SHK_IMPORT_MAX_CELLS      1000000u              /* non-empty cells, all sheets */
#define SHK_IMPORT_MAX_SHEETS     255u                  /* sheets of a workbook */
#define SHK_IMPORT_MAX_PART_SIZE  (64u * 1024 * 1024)   /* one part, uncompressed */
#define SHK_IMPORT_MAX_TOTAL_SIZE (256u * 1024 * 1024)  /* all parts read, uncompressed */

/* Called now and then while reading, with the share done (0 … 1), in the
 * thread that reads. */
typedef void (*ShkImportProgressFunc) (double   fraction,
                                       gpointer user_data);

/* A sheet of cells as text. XLSX numbers are in the C locale ("1234.5",
 * "1E-3"); is_number tells them from text that looks like a number. */
typedef struct _ShkSheet ShkSheet;

ShkSheet    *shk_sheet_read_csv        (GBytes      *bytes,
                                        GError     **error);
/* The workbook's sheets (ShkSheet, freed with the array), in its order. */
GPtrArray   *shk_sheet_read_xlsx       (GBytes      *bytes,
                                        GError     **error);
/* One part of a workbook, e.g. "xl/worksheets/sheet1.xml", as text: for
 * checks of what a spreadsheet application will see. */
char        *shk_sheet_dup_xlsx_part   (GBytes      *bytes,
                                        const char  *part,
                                        GError     **error);
void         shk_sheet_free            (ShkSheet    *sheet);
/* The sheet's name; "" for CSV. */
const char  *shk_sheet_get_name        (ShkSheet    *sheet);
/* One more than the last row that has a cell. */
guint        shk_sheet_get_n_rows      (ShkSheet    *sheet);
/* The cell's text, "" when empty or beyond the end. */
const char  *shk_sheet_get_cell        (ShkSheet    *sheet,
                                        guint        row,
                                        guint        column,
                                        gboolean    *is_number);
/* One more than the last column of @row that has a cell. */
guint        shk_sheet_get_n_columns   (ShkSheet    *sheet,
                                        guint        row);
/* The cells stored: those with text or a number. */
guint        shk_sheet_get_n_cells     (ShkSheet    *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkSheet, shk_sheet_free)

/* "C12": the spreadsheet name of a 0-based cell. */
char        *shk_sheet_cell_name       (guint        row,
                                        guint        column);
/* "ALL": the letters of a 0-based column. */
char        *shk_sheet_column_name     (guint        column);

G_END_DECLS
