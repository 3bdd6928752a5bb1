/* shk-process-priority-cell.h — the priority class of a process, as a choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-process-table.h"

G_BEGIN_DECLS

#define SHK_TYPE_PROCESS_PRIORITY_CELL (shk_process_priority_cell_get_type ())
G_DECLARE_FINAL_TYPE (ShkProcessPriorityCell, shk_process_priority_cell, SHK, PROCESS_PRIORITY_CELL, GtkWidget)

/* A drop-down of the priority classes; choosing one edits the process
 * through @table, which outlives the cell. */
GtkWidget  *shk_process_priority_cell_new         (ShkProcessTable        *table);
ShkProcess *shk_process_priority_cell_get_process (ShkProcessPriorityCell *self);
void        shk_process_priority_cell_set_process (ShkProcessPriorityCell *self,
                                                   ShkProcess             *process);

/* The chooser: the sheet cursor's focus in this cell. */
GtkWidget  *shk_process_priority_cell_get_drop_down (ShkProcessPriorityCell *self);

G_END_DECLS
