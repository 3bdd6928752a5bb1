/* shk-table-export.h — the measures and processes tables for spreadsheets
 *
 * CSV is UTF-8 with a byte-order mark (without it Excel reads Japanese as
 * Shift_JIS), quoted per RFC 4180, with CRLF line ends. XLSX, written with
 * libxlsxwriter when Shinchoku was built with it, has one sheet per table,
 * numbers as numbers, the heading row frozen and column widths set; the
 * grade summary, the process ranking and each scenario come with a native
 * chart on their sheet, which the staff can restyle in Excel.
 *
 * The measures table is also what shk-import.h reads back: its headings
 * are recognised in every language Shinchoku ships (English and Japanese,
 * whatever the session's language) and as the keys of
 * `shinchoku-cli measures --format csv`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-edit.h"
#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_TABLE_EXPORT_ERROR (shk_table_export_error_quark ())
GQuark shk_table_export_error_quark (void);

typedef enum
{
  SHK_TABLE_EXPORT_ERROR_FORMAT,       /* the file name says no known format */
  SHK_TABLE_EXPORT_ERROR_UNSUPPORTED,  /* built without libxlsxwriter */
  SHK_TABLE_EXPORT_ERROR_FAILED,       /* the writer failed */
} ShkTableExportError;

/* Which tables to write; CSV holds exactly one. */
typedef enum
{
  SHK_TABLE_MEASURES  = 1 << 0,
  SHK_TABLE_PROCESSES = 1 << 1,
  /* The grade counts per evaluation; in XLSX with a stacked bar chart. */
  SHK_TABLE_SUMMARY   = 1 << 2,
  /* Each scenario's yearly costs and savings: in XLSX a sheet and a line
   * chart per scenario, in CSV one table with the scenario's name first. */
  SHK_TABLE_SCENARIOS = 1 << 3,
} ShkTables;

#define SHK_TABLE_ALL (SHK_TABLE_MEASURES | SHK_TABLE_PROCESSES | SHK_TABLE_SUMMARY | \
                       SHK_TABLE_SCENARIOS)

typedef enum
{
  SHK_TABLE_FORMAT_CSV,
  SHK_TABLE_FORMAT_XLSX,
} ShkTableFormat;

/* "measures", "processes", "summary", "scenarios" or "all". */
gboolean  shk_tables_from_string          (const char     *text,
                                           ShkTables      *table);
/* From the extension, .csv or .xlsx (any case). */
gboolean  shk_table_format_for_path       (const char     *path,
                                           ShkTableFormat *format);
/* FALSE when Shinchoku was built without libxlsxwriter. */
gboolean  shk_table_export_can_write_xlsx (void);

/* The bytes of the file; CSV takes exactly one table. */
GBytes   *shk_table_export_csv            (ShkPlan        *plan,
                                           ShkTables       table);
GBytes   *shk_table_export_xlsx           (ShkPlan        *plan,
                                           ShkTables       tables,
                                           GError        **error);
/* Writes @tables to @path in the format its extension names; never leaves
 * a half-written file behind. CSV writes the first of @tables. */
gboolean  shk_table_export_file           (ShkPlan        *plan,
                                           ShkTables       tables,
                                           const char     *path,
                                           GError        **error);

/* Formula-safe CSV. A spreadsheet application takes a field that begins
 * with =, +, -, @, a tab or a carriage return for a formula (and runs
 * =HYPERLINK(…) or worse); such a field is written with a leading ', as
 * one types text in a cell. A plain number ("-12", "+3.5E2", "-4.5%")
 * stays as it is: it is no formula, and it must stay a number. A text
 * that begins with ' and then needs a guard gets one too, so that
 * shk_table_csv_unguard() always gives back the text exactly. */
gboolean    shk_table_csv_needs_guard (const char     *text);
/* @text, with the leading ' when it needs one. */
char       *shk_table_csv_guard       (const char     *text);
/* @text without the ' that shk_table_csv_guard() would have added, else
 * @text itself; points into @text. */
const char *shk_table_csv_unguard     (const char     *text);

/* Excel holds at most 32,767 characters (UTF-16 units) in a cell; the
 * XLSX export cuts longer texts there, ending them with "…". */
#define SHK_TABLE_MAX_CELL_TEXT 32767
/* A line per cell that the XLSX export of @tables cuts ("Measures!C5:
 * the text of 40,000 characters is cut to 32,767"), for the user to see;
 * NULL when none is. */
GStrv       shk_table_export_dup_cut_cells (ShkPlan   *plan,
                                            ShkTables  tables);

/* The translated heading of a target or actual column ("Target R2"). */
char     *shk_table_dup_value_heading     (ShkValueKind    kind,
                                           const char     *year_id);
/* Recognises a heading of the measures table, as written in any language
 * or as a key of the CLI's CSV. Returns FALSE for any other heading. */
typedef enum
{
  SHK_TABLE_COLUMN_OTHER = 0,
  SHK_TABLE_COLUMN_NUMBER,           /* No. */
  SHK_TABLE_COLUMN_INDICATOR,        /* the indicator's label */
  SHK_TABLE_COLUMN_INDICATOR_INDEX,  /* its position in the measure, from 1 */
  SHK_TABLE_COLUMN_VALUE,            /* a target or actual of a year */
} ShkTableColumn;

ShkTableColumn shk_table_parse_heading    (ShkPlan        *plan,
                                           const char     *heading,
                                           ShkValueKind   *kind,
                                           const char    **year_id);

G_END_DECLS
