/* shk-process-table.h — the processes view's table of ranked processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-sheet-cursor.h"

#include "shk-document.h"
#include "shk-ranking.h"

G_BEGIN_DECLS

/* The table's columns, in the order of ui/shk-process-table.ui. */
typedef enum
{
  SHK_PROCESS_COLUMN_RANK,
  SHK_PROCESS_COLUMN_HOURS,
  SHK_PROCESS_COLUMN_NAME,
  SHK_PROCESS_COLUMN_BUSINESS,
  SHK_PROCESS_COLUMN_SECTION,
  SHK_PROCESS_COLUMN_UNIT,
  SHK_PROCESS_COLUMN_PRIORITY,
  SHK_PROCESS_COLUMN_CATEGORY,
  SHK_PROCESS_COLUMN_SOLUTION,
  SHK_PROCESS_COLUMN_REDUCTION,
  SHK_PROCESS_COLUMN_CUMULATIVE,
  SHK_PROCESS_COLUMN_DEMO,
  SHK_PROCESS_N_COLUMNS
} ShkProcessColumn;

#define SHK_TYPE_PROCESS_TABLE (shk_process_table_get_type ())
G_DECLARE_FINAL_TYPE (ShkProcessTable, shk_process_table, SHK, PROCESS_TABLE, GtkWidget)

/* The document whose survey is listed and whose undo stack takes edits. */
void               shk_process_table_set_document  (ShkProcessTable  *self,
                                                    ShkDocument      *document);
/* @ranking stays owned by the caller and must outlive its use here. */
void               shk_process_table_set_ranking   (ShkProcessTable  *self,
                                                    const ShkRanking *ranking);

/* Filters: @priority -1 for every class; @category NULL for all, "" for
 * the processes without one; @section NULL for all. */
void               shk_process_table_set_filter    (ShkProcessTable  *self,
                                                    const char       *search,
                                                    int               priority,
                                                    const char       *category,
                                                    const char       *section);
void               shk_process_table_set_grouped   (ShkProcessTable  *self,
                                                    gboolean          grouped);
gboolean           shk_process_table_get_grouped   (ShkProcessTable  *self);

/* The rows as shown, and the selected processes (new references). */
GtkSelectionModel *shk_process_table_get_selection (ShkProcessTable  *self);
GPtrArray         *shk_process_table_dup_selected  (ShkProcessTable  *self);
/* Selects and scrolls to the row of @rank; FALSE when a filter hides it. */
gboolean           shk_process_table_show_rank     (ShkProcessTable  *self,
                                                    guint             rank);

/* What the cells show. */
guint              shk_process_table_get_rank      (ShkProcessTable  *self,
                                                    ShkProcess       *process);
char              *shk_process_table_cell_text     (ShkProcessTable  *self,
                                                    ShkProcess       *process,
                                                    ShkProcessColumn  column);
/* A cell's name for screen readers and messages: "“Payroll” Hours/Year". */
char              *shk_process_table_dup_cell_name (ShkProcessTable  *self,
                                                    ShkProcess       *process,
                                                    ShkProcessColumn  column);
/* The table's cell cursor (moves, ranges, copy and paste). */
ShkSheetCursor    *shk_process_table_get_cursor    (ShkProcessTable  *self);
/* TRUE when the row at @position is in the same section as the one
 * above it, so that a grouped table prints the section once. */
gboolean           shk_process_table_repeats_section (ShkProcessTable *self,
                                                    guint             position);

/* Edits, through the core: @column is "hours", "expected-reduction" or
 * "name". A cell edit reports through the "message" signal: the reason
 * it was refused, or NULL once accepted. */
gboolean           shk_process_table_commit_cell   (ShkProcessTable  *self,
                                                    ShkProcess       *process,
                                                    const char       *column,
                                                    const char       *text,
                                                    GError          **error);
void               shk_process_table_set_priority  (ShkProcessTable  *self,
                                                    ShkProcess       *process,
                                                    ShkPriority       priority);

G_END_DECLS
