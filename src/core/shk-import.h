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
 * The spreadsheet readers are in shk-sheet.h: CSV in UTF-8 (with or
 * without a byte-order mark), Shift_JIS as older Excel writes it, or
 * UTF-16; XLSX through a small ZIP reader. Other formats (ODS, the old
 * XLS) are refused with a message that says to save as XLSX or CSV.
 * Every reading is bounded: see the limits in shk-sheet.h. Values beyond
 * the plan's range (±1e15) or not finite are problems at their cell.
 *
 * A cell that begins with ' and then =, +, -, @, a tab or CR is read
 * without the ': that is how shk_table_csv_guard() protects such text
 * from being taken for a formula, so names round-trip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-edit.h"
#include "shk-plan.h"
#include "shk-sheet.h"
#include "shk-undo.h"

G_BEGIN_DECLS

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
/* The same, for a worker thread (GTask): reads @file (a regular file of
 * at most SHK_IMPORT_MAX_FILE_SIZE bytes; devices, pipes and folders are
 * refused before reading), looks at @cancellable often and then fails
 * with G_IO_ERROR_CANCELLED, and calls @progress (may be NULL) in the
 * reading thread with the share done. The plan is only read, never
 * changed, and the preview keeps references to its measures and
 * indicators; the caller must not edit @plan until this returns (the
 * window blocks editing while it imports). */
ShkImport   *shk_import_new_from_file_full  (ShkPlan               *plan,
                                             GFile                 *file,
                                             ShkImportProgressFunc  progress,
                                             gpointer               progress_data,
                                             GCancellable          *cancellable,
                                             GError               **error);
ShkImport   *shk_import_new_from_bytes_full (ShkPlan               *plan,
                                             GBytes                *bytes,
                                             const char            *display_name,
                                             ShkImportProgressFunc  progress,
                                             gpointer               progress_data,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* GPtrArrays of ShkImportChange and ShkImportProblem, in file order. */
GPtrArray   *shk_import_get_changes    (ShkImport    *self);
/* Rows that match no measure or indicator. */
GPtrArray   *shk_import_get_unmatched  (ShkImport    *self);
/* Cells that are not numbers, and other rows that were skipped. */
GPtrArray   *shk_import_get_problems   (ShkImport    *self);
/* The name of the sheet that was read ("" for CSV). */
const char  *shk_import_get_sheet_name (ShkImport    *self);
/* The file's name as given to the constructor; may be NULL. */
const char  *shk_import_get_display_name (ShkImport  *self);

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
