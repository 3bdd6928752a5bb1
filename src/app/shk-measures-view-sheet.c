/* shk-measures-view-sheet.c — the measures table as a sheet for the cursor
 *
 * The ShkSheetTable interface of ShkMeasuresView: its rows are lines (an
 * indicator of a shown measure), its cells the columns shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-edit-block.h"
#include "shk-frozen-cell.h"
#include "shk-grade-cell.h"
#include "shk-measure-cell.h"
#include "shk-measure-column.h"
#include "shk-measures-view-private.h"
#include "shk-rules.h"

/* ------------------------------------------------------------------ */
/* The sheet: what the cell cursor walks                               */

void
shk_measures_view_invalidate_rows (ShkMeasuresView *self)
{
  self->rows_valid = FALSE;
}

static GArray *
sheet_rows (ShkMeasuresView *self)
{
  GListModel *shown = G_LIST_MODEL (self->sort_model);

  if (self->rows_valid)
    return self->lines;
  g_array_set_size (self->lines, 0);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (shown, i);
      guint n = MAX (1, g_list_model_get_n_items (shk_measure_get_indicators (measure)));

      for (guint line = 0; line < n; line++)
        {
          SheetRow row = { i, line };

          g_array_append_val (self->lines, row);
        }
    }
  self->rows_valid = TRUE;
  return self->lines;
}

static gboolean
sheet_row (ShkMeasuresView *self,
           guint            row,
           ShkMeasure     **measure,
           guint           *line)
{
  GArray *rows = sheet_rows (self);
  SheetRow *ref;

  if (row >= rows->len)
    return FALSE;
  ref = &g_array_index (rows, SheetRow, row);
  *measure = g_list_model_get_item (G_LIST_MODEL (self->sort_model), ref->position);
  *line = ref->line;
  return *measure != NULL;
}

static ShkMeasureColumn *
column_info (ShkMeasuresView     *self,
             GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns) && i < self->columns->len; i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);

      if (other == column)
        return g_ptr_array_index (self->columns, i);
    }
  return NULL;
}

static gboolean
is_value_column (ShkMeasureColumn *info)
{
  return info != NULL && shk_measure_column_is_editable (info) &&
         shk_measure_column_get_kind (info) != SHK_MEASURE_COLUMN_GRADE;
}

static guint
sheet_get_n_rows (ShkSheetTable *sheet)
{
  return sheet_rows (SHK_MEASURES_VIEW (sheet))->len;
}

static guint
sheet_get_position (ShkSheetTable *sheet,
                    guint     row)
{
  GArray *rows = sheet_rows (SHK_MEASURES_VIEW (sheet));

  return row < rows->len ? g_array_index (rows, SheetRow, row).position : 0;
}

static guint
sheet_get_row (ShkSheetTable *sheet,
               guint          position,
               GtkWidget     *picked,
               double         x,
               double         y)
{
  GArray *rows = sheet_rows (SHK_MEASURES_VIEW (sheet));
  GtkWidget *cell = picked;
  guint first = G_MAXUINT, line = 0;

  /* Which line of a stacked cell: the cell finds it from the point. */
  while (cell != NULL && !SHK_IS_MEASURE_CELL (cell))
    cell = gtk_widget_get_parent (cell);
  if (cell != NULL)
    {
      graphene_point_t point;

      if (gtk_widget_compute_point (picked, cell, &GRAPHENE_POINT_INIT (x, y), &point))
        line = shk_measure_cell_line_at (SHK_MEASURE_CELL (cell), point.y);
    }
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, SheetRow, i).position == position)
      {
        if (first == G_MAXUINT)
          first = i;
        if (g_array_index (rows, SheetRow, i).line == line)
          return i;
      }
  return first != G_MAXUINT ? first : 0;
}

static gboolean
sheet_is_editable (ShkSheetTable            *sheet,
                   guint                row,
                   GtkColumnViewColumn *column)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  g_autoptr(ShkMeasure) measure = NULL;
  guint line;

  if (!is_value_column (column_info (self, column)) || !sheet_row (self, row, &measure, &line))
    return FALSE;
  return line < g_list_model_get_n_items (shk_measure_get_indicators (measure));
}

static GtkWidget *
sheet_get_cell (ShkSheetTable            *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  GArray *rows = sheet_rows (self);
  SheetRow *ref;
  GtkWidget *cell;

  if (row >= rows->len)
    return NULL;
  ref = &g_array_index (rows, SheetRow, row);
  cell = shk_sheet_cursor_get_item_child (self->cursor, column, ref->position);
  if (SHK_IS_FROZEN_CELL (cell))
    cell = shk_frozen_cell_get_child (SHK_FROZEN_CELL (cell));
  if (SHK_IS_GRADE_CELL (cell))
    return cell;
  if (SHK_IS_MEASURE_CELL (cell))
    return shk_measure_cell_get_target (SHK_MEASURE_CELL (cell), ref->line);
  return NULL;
}

static char *
sheet_dup_text (ShkSheetTable            *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  ShkMeasureColumn *info = column_info (self, column);
  g_autoptr(ShkMeasure) measure = NULL;
  guint line;

  if (info == NULL || !sheet_row (self, row, &measure, &line))
    return g_strdup ("");
  if (shk_measure_column_is_stacked (info))
    {
      if (line >= g_list_model_get_n_items (shk_measure_get_indicators (measure)))
        return g_strdup ("");
      return shk_measure_column_dup_line_text (info, shk_measure_get_indicator (measure, line));
    }
  /* A measure's own columns show once, on its first line. */
  return line == 0 ? shk_measure_column_dup_text (info, measure) : g_strdup ("");
}

static void
sheet_add_to_block (ShkSheetTable            *sheet,
                    ShkEditBlock        *block,
                    guint                block_row,
                    guint                block_column,
                    guint                row,
                    GtkColumnViewColumn *column,
                    const char          *text)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  ShkMeasureColumn *info = column_info (self, column);
  g_autoptr(ShkMeasure) measure = NULL;
  g_autofree char *name = NULL;
  guint line;

  if (info == NULL || !sheet_row (self, row, &measure, &line))
    return;
  if (sheet_is_editable (sheet, row, column))
    {
      shk_edit_block_add_indicator_value (block, block_row, block_column, measure, line,
                                          shk_measure_column_get_kind (info) == SHK_MEASURE_COLUMN_TARGET
                                            ? SHK_VALUE_TARGET : SHK_VALUE_ACTUAL,
                                          shk_measure_column_get_key (info), text);
      return;
    }
  /* TRANSLATORS: a cell in paste messages: "No.12 Measure". */
  name = g_strdup_printf (_("No.%u %s"), shk_measure_get_number (measure),
                          shk_measure_column_get_title (info));
  shk_edit_block_add_read_only (block, block_row, block_column, name);
}

static ShkUndoStack *
sheet_get_undo_stack (ShkSheetTable *sheet)
{
  return shk_measures_view_undo_stack (SHK_MEASURES_VIEW (sheet));
}

/* A frozen column never scrolls; the others scroll clear of it. */
static double
sheet_get_frozen_width (ShkSheetTable       *sheet,
                        GtkColumnViewColumn *column)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  ShkMeasureColumn *info = column_info (self, column);

  if (info == NULL || shk_measures_view_is_frozen_column (shk_measure_column_get_kind (info)))
    return 0;
  return shk_measures_view_frozen_width (self);
}

static void
sheet_cursor_moved (ShkSheetTable *sheet,
                    guint          row,
                    guint          first_row,
                    guint          last_row)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);

  gtk_single_selection_set_selected (self->selection, sheet_get_position (sheet, row));
}

void
shk_measures_view_sheet_init (ShkSheetTableInterface *iface)
{
  iface->get_n_rows = sheet_get_n_rows;
  iface->get_row = sheet_get_row;
  iface->get_position = sheet_get_position;
  iface->is_editable = sheet_is_editable;
  iface->get_cell = sheet_get_cell;
  iface->dup_text = sheet_dup_text;
  iface->add_to_block = sheet_add_to_block;
  iface->get_undo_stack = sheet_get_undo_stack;
  iface->cursor_moved = sheet_cursor_moved;
  iface->get_frozen_width = sheet_get_frozen_width;
}

ShkSheetCursor *
shk_measures_view_get_cursor (ShkMeasuresView *self)
{
  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);

  shk_measures_view_flush_refresh (self);
  return self->cursor;
}

