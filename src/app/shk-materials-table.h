/* shk-materials-table.h — a handout table in the 資料 view
 *
 * A caption over a grid of labels: a header row, then rows of cells,
 * figure columns right-aligned with tabular digits, text that wraps. The
 * cells are selectable so figures can be copied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHK_TYPE_MATERIALS_TABLE (shk_materials_table_get_type ())
G_DECLARE_FINAL_TYPE (ShkMaterialsTable, shk_materials_table, SHK, MATERIALS_TABLE, GtkWidget)

/* @headings: NULL-terminated; @figures: a '1' for each figure column, a
 * '0' for each text column ("0111"). */
GtkWidget  *shk_materials_table_new        (const char         *caption,
                                            const char * const *headings,
                                            const char         *figures);
/* @cells: one per column (NULL for an empty cell). */
void        shk_materials_table_add_row    (ShkMaterialsTable  *self,
                                            const char * const *cells);
guint       shk_materials_table_get_n_rows (ShkMaterialsTable  *self);
/* The text of a cell (row 0 is the first row after the headings). */
const char *shk_materials_table_get_cell   (ShkMaterialsTable  *self,
                                            guint               row,
                                            guint               column);

G_END_DECLS
