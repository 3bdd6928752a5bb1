/* shk-frozen-cell.h — a cell of a column that stays put while the table
 * scrolls sideways
 *
 * GTK 4.8's column view has no frozen columns. A frozen cell keeps its
 * child where the column sits with the view scrolled to the start,
 * however far the figures scroll: it moves the child by the horizontal
 * scroll and draws it above the row's other cells, on an opaque pane.
 * The child stays in its own row, so the row's height, the selection,
 * the focus and the sheet cursor need nothing of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHK_TYPE_FROZEN_CELL (shk_frozen_cell_get_type ())
G_DECLARE_FINAL_TYPE (ShkFrozenCell, shk_frozen_cell, SHK, FROZEN_CELL, GtkWidget)

/* @hadjustment is the column view's horizontal one. */
GtkWidget *shk_frozen_cell_new       (GtkWidget     *child,
                                      GtkAdjustment *hadjustment);
GtkWidget *shk_frozen_cell_get_child (ShkFrozenCell *self);
/* The pane that stays put: the child itself, wearing the "frozen"
 * style class. */
GtkWidget *shk_frozen_cell_get_pane  (ShkFrozenCell *self);
/* Draws the cell above the row's other cells again, once cells were
 * added to the row (a column shown). */
void       shk_frozen_cell_queue_restack (ShkFrozenCell *self);

G_END_DECLS
