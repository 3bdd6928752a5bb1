/* shk-process-cell.h — one cell of the processes table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-process-table.h"

G_BEGIN_DECLS

#define SHK_TYPE_PROCESS_CELL (shk_process_cell_get_type ())
G_DECLARE_FINAL_TYPE (ShkProcessCell, shk_process_cell, SHK, PROCESS_CELL, GtkWidget)

/* A cell of @column (any but the priority) in @table, which outlives it.
 * It shows the process set as its "process" property and follows it. */
GtkWidget  *shk_process_cell_new         (ShkProcessTable  *table,
                                          ShkProcessColumn  column);
ShkProcess *shk_process_cell_get_process (ShkProcessCell   *self);
void        shk_process_cell_set_process (ShkProcessCell   *self,
                                          ShkProcess       *process);
/* The name screen readers hear for @process's cell showing @what. */
char       *shk_process_cell_accessible_name (ShkProcessTable *table,
                                              ShkProcess      *process,
                                              const char      *what);

/* What the sheet cursor points at: the editor of an editable column,
 * else the cell itself (focusable, named for screen readers). */
GtkWidget  *shk_process_cell_get_target  (ShkProcessCell   *self);

G_END_DECLS
