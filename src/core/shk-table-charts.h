/* shk-table-charts.h — native Excel charts beside the exported tables
 *
 * Charts made with libxlsxwriter's chart API, so that the staff restyle
 * them in Excel like their own: they read the sheet's cells, not a copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#ifdef HAVE_XLSXWRITER
# include <xlsxwriter.h>

G_BEGIN_DECLS

/* @name as Excel accepts a sheet's name (at most 31 characters, none of
 * : \ / ? * [ ]), made unique among @used (case-insensitive keys, added). */
char     *shk_xlsx_sheet_name           (const char    *name,
                                         GHashTable    *used);

/* Stacked bars of the grade counts: categories in column 0, a series per
 * column 1…@n_grades with its heading as name, @n_rows data rows. */
void      shk_xlsx_add_summary_chart    (lxw_workbook  *workbook,
                                         lxw_worksheet *worksheet,
                                         const char    *sheet_name,
                                         guint          n_rows,
                                         guint          n_grades,
                                         const char    *title);
/* The Pareto chart: columns of hours (@hours_column) per process name
 * (@name_column), and the cumulative share (@cumulative_column) as a line
 * on a secondary axis — see shk_xlsx_move_line_to_secondary_axis (). */
void      shk_xlsx_add_pareto_chart     (lxw_workbook  *workbook,
                                         lxw_worksheet *worksheet,
                                         const char    *sheet_name,
                                         guint          n_rows,
                                         lxw_col_t      name_column,
                                         lxw_col_t      hours_column,
                                         lxw_col_t      cumulative_column,
                                         const char    *title);
/* Lines of the cumulative cost and savings per year (column 0). */
void      shk_xlsx_add_payback_chart    (lxw_workbook  *workbook,
                                         lxw_worksheet *worksheet,
                                         const char    *sheet_name,
                                         guint          n_rows,
                                         lxw_col_t      cost_column,
                                         lxw_col_t      savings_column,
                                         const char    *title);

/* libxlsxwriter 1.1 (Debian 12) cannot combine charts nor use a secondary
 * axis: in the written workbook at @path, the Pareto's column chart's
 * second series becomes a line on a secondary percentage axis. */
gboolean  shk_xlsx_move_line_to_secondary_axis (const char  *path,
                                                GError     **error);

G_END_DECLS

#endif /* HAVE_XLSXWRITER */
