/* shk-import.h — targets and actuals read back from a spreadsheet
 *
 * An import is two steps, so that nothing changes behind the user's back:
 * reading a CSV or XLSX file makes a preview (every value that would
 * change, old → new; rows that match no measure or indicator; cells that
 * are not numbers, with their row and column), and applying it is then
 * one undoable step.
 *
 * Rows are matched by measure number and indicator: its label, else its
 * number within the measure (the "Indicator No." column), else the only
 * indicator the measure has. Columns are found by their headings (see
 * shk_table_parse_heading()); columns the importer does not know, such as
 * names, rates and grades, are ignored. An empty cell, or "-", clears the
 * value.
 *
 * The spreadsheet readers are here too: CSV in UTF-8 (with or without a
 * byte-order mark), Shift_JIS as older Excel writes it, or UTF-16; XLSX
 * through a small ZIP reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-edit.h"
#include "shk-plan.h"
#include "shk-undo.h"

G_BEGIN_DECLS

#define SHK_IMPORT_ERROR (shk_import_error_quark ())
GQuark shk_import_error_quark (void);

typedef enum
{
  SHK_IMPORT_ERROR_FORMAT,      /* neither CSV nor XLSX, or damaged */
  SHK_IMPORT_ERROR_ENCODING,    /* text in no encoding we know */
  SHK_IMPORT_ERROR_NO_HEADINGS, /* no row names the columns we need */
} ShkImportError;

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
guint        shk_sheet_get_n_rows      (ShkSheet    *sheet);
/* The cell's text, "" when empty or beyond the end. */
const char  *shk_sheet_get_cell        (ShkSheet    *sheet,
                                        guint        row,
                                        guint        column,
                                        gboolean    *is_number);
guint        shk_sheet_get_n_columns   (ShkSheet    *sheet,
                                        guint        row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkSheet, shk_sheet_free)

/* "C12": the spreadsheet name of a 0-based cell. */
char        *shk_sheet_cell_name       (guint        row,
                                        guint        column);

/* One value that applying the import changes. */
typedef struct
{
  ShkMeasure   *measure;      /* owned reference */
  ShkIndicator *indicator;    /* owned reference */
  guint         indicator_index;
  ShkValueKind  kind;
  char         *year_id;
  gboolean      had_value;
  double        old_value;
  gboolean      has_value;
  double        new_value;
  guint         row;          /* 0-based, in the sheet */
  guint         column;
} ShkImportChange;

/* A row that matches nothing, or a cell that could not be read. */
typedef struct
{
  guint  row;                 /* 0-based, in the sheet */
  guint  column;              /* 0-based; G_MAXUINT for the whole row */
  char  *text;                /* the cell's text; may be "" */
  char  *message;             /* translated, with its location */
} ShkImportProblem;

#define SHK_TYPE_IMPORT (shk_import_get_type ())
G_DECLARE_FINAL_TYPE (ShkImport, shk_import, SHK, IMPORT, GObject)

/* Reads @bytes (CSV or XLSX, told apart by their content) and works out
 * the preview against @plan. @display_name prefixes messages. */
ShkImport   *shk_import_new_from_bytes (ShkPlan      *plan,
                                        GBytes       *bytes,
                                        const char   *display_name,
                                        GError      **error);
ShkImport   *shk_import_new_from_file  (ShkPlan      *plan,
                                        GFile        *file,
                                        GCancellable *cancellable,
                                        GError      **error);

/* GPtrArrays of ShkImportChange and ShkImportProblem, in file order. */
GPtrArray   *shk_import_get_changes    (ShkImport    *self);
/* Rows that match no measure or indicator. */
GPtrArray   *shk_import_get_unmatched  (ShkImport    *self);
/* Cells that are not numbers, and other rows that were skipped. */
GPtrArray   *shk_import_get_problems   (ShkImport    *self);
/* The name of the sheet that was read ("" for CSV). */
const char  *shk_import_get_sheet_name (ShkImport    *self);

/* "No.1 トップページへのアクセス数 · Actual R2: 3,742,282 → 3,800,000" */
char        *shk_import_change_describe (const ShkImportChange *change);
/* The whole preview as text, a line per item, for the CLI and tests. */
char        *shk_import_describe       (ShkImport    *self);

/* Applies every change as one undoable step labelled "Import values"; a
 * preview with no change records nothing. Returns the number of values
 * changed. Applying twice applies nothing the second time. */
guint        shk_import_apply          (ShkImport    *self,
                                        ShkUndoStack *stack);

G_END_DECLS
