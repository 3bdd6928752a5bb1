/* shk-tsv.h — blocks of cells as spreadsheets put them on the clipboard
 *
 * Excel and LibreOffice copy a range as tab-separated text: rows end in
 * a newline (CR LF from Excel), and a cell holding a tab, a newline or a
 * quote is wrapped in quotes with its quotes doubled. These read and
 * write that text, and the HTML table they also offer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rows of @text, each a NULL-terminated GStrv of its cells (rows may
 * differ in length). A final newline does not start an empty row; text
 * that is not UTF-8 gives an empty array. Free with g_ptr_array_unref. */
GPtrArray *shk_tsv_parse        (const char          *text);
/* The widest row of a parsed block. */
guint      shk_tsv_get_n_columns (GPtrArray          *rows);
/* @rows (GStrv each) as TSV, quoting where a spreadsheet needs it, each
 * row ending in "\n". */
char      *shk_tsv_format       (GPtrArray           *rows);
/* The same cells as a minimal HTML table, for rich pastes. */
char      *shk_tsv_format_html  (GPtrArray           *rows);

G_END_DECLS
