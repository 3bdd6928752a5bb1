/* shk-measure-cell.h — one cell of the measures table (all but grades)
 *
 * Shows one measure in one column: a label, or one line per indicator in
 * the stacked columns, editable in the target and actual columns. It
 * follows its measure's "changed" signal and its column's "refresh".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-measure-column.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_CELL (shk_measure_cell_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureCell, shk_measure_cell, SHK, MEASURE_CELL, GtkWidget)

GtkWidget  *shk_measure_cell_new         (ShkMeasureColumn *column);
ShkMeasure *shk_measure_cell_get_measure (ShkMeasureCell   *self);
void        shk_measure_cell_set_measure (ShkMeasureCell   *self,
                                          ShkMeasure       *measure);
/* Marks line @line refused, with @message in its tooltip, until it takes
 * a valid value; NULL clears the mark. */
void        shk_measure_cell_set_refusal (ShkMeasureCell   *self,
                                          guint             line,
                                          const char       *message);
void        shk_measure_cell_refresh     (ShkMeasureCell   *self);
/* What the sheet cursor points at for line @line: the line (a
 * ShkValueLine, whose editor is made when editing starts) in a value
 * column, else the cell itself (focusable, named for screen
 * readers). */
GtkWidget  *shk_measure_cell_get_target  (ShkMeasureCell   *self,
                                          guint             line);
/* The line at @y (in the cell's coordinates): 0 for a cell of one line. */
guint       shk_measure_cell_line_at     (ShkMeasureCell   *self,
                                          double            y);
/* What the cell shows, its lines joined by newlines. */
char       *shk_measure_cell_dup_shown_text (ShkMeasureCell *self);
/* The tooltip of line @line (0 for a cell of one line), or NULL: made
 * when the pointer rests on it, not on every bind. */
char       *shk_measure_cell_dup_tooltip (ShkMeasureCell   *self,
                                          guint             line);

G_END_DECLS
