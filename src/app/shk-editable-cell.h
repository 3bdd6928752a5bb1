/* shk-editable-cell.h — the in-place editor of the views' table cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkEditableLabel that is safe to destroy right after it loses the
 * focus (see the .c file for the GTK 4.8 bug this works around). */
GtkWidget *shk_editable_cell_new (void);

G_END_DECLS
