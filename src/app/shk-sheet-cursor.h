/* shk-sheet-cursor.h — a spreadsheet's cell cursor over a GtkColumnView
 *
 * GTK 4.8's column view selects rows and moves the focus between the
 * widgets in them; the staff expect a spreadsheet: a cell cursor moved by
 * the arrows, Tab and Enter, a range, copy and paste, typing that
 * replaces a cell. ShkSheetCursor adds that on top of any column view
 * whose owner implements ShkSheetTable, the interface through which the
 * cursor learns what the cells are, which of them take values and how a
 * pasted block becomes core edits.
 *
 * Rows are the sheet's (a measure with several indicators has a row per
 * indicator line); columns are the view's visible columns, so hiding a
 * column takes it out of the cursor's walk too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-edit-block.h"
#include "shk-undo.h"

G_BEGIN_DECLS

#define SHK_TYPE_SHEET_TABLE (shk_sheet_table_get_type ())
G_DECLARE_INTERFACE (ShkSheetTable, shk_sheet_table, SHK, SHEET_TABLE, GtkWidget)

struct _ShkSheetTableInterface
{
  GTypeInterface parent_iface;

  guint         (*get_n_rows)     (ShkSheetTable            *self);
  /* The row a click on @picked at (@x, @y) in its coordinates (inside
   * the cell of the model item at @position) means. */
  guint         (*get_row)        (ShkSheetTable            *self,
                                   guint                position,
                                   GtkWidget           *picked,
                                   double               x,
                                   double               y);
  /* The model item of sheet row @row. */
  guint         (*get_position)   (ShkSheetTable            *self,
                                   guint                row);
  gboolean      (*is_editable)    (ShkSheetTable            *self,
                                   guint                row,
                                   GtkColumnViewColumn *column);
  /* The widget showing the cell (a GtkEditableLabel or a ShkValueLine
   * when it takes values), or NULL while its row is not shown. */
  GtkWidget    *(*get_cell)       (ShkSheetTable            *self,
                                   guint                row,
                                   GtkColumnViewColumn *column);
  /* The cell's text as shown, for copying. */
  char         *(*dup_text)       (ShkSheetTable            *self,
                                   guint                row,
                                   GtkColumnViewColumn *column);
  /* Adds @text for the cell to @block (a read-only cell adds itself as
   * read-only), at @block_row, @block_column of the pasted block. */
  void          (*add_to_block)   (ShkSheetTable            *self,
                                   ShkEditBlock        *block,
                                   guint                block_row,
                                   guint                block_column,
                                   guint                row,
                                   GtkColumnViewColumn *column,
                                   const char          *text);
  ShkUndoStack *(*get_undo_stack) (ShkSheetTable            *self);
  /* The cursor moved to @row, the range spans @first_row to @last_row
   * (the table may select their items). */
  void          (*cursor_moved)   (ShkSheetTable            *self,
                                   guint                row,
                                   guint                first_row,
                                   guint                last_row);
  /* Optional: how much of the view's left edge frozen columns cover,
   * which @column must scroll clear of (0 for a frozen column itself). */
  double        (*get_frozen_width) (ShkSheetTable         *self,
                                     GtkColumnViewColumn *column);
};

#define SHK_TYPE_SHEET_CURSOR (shk_sheet_cursor_get_type ())
G_DECLARE_FINAL_TYPE (ShkSheetCursor, shk_sheet_cursor, SHK, SHEET_CURSOR, GObject)

/* A cursor for @view, whose cells @sheet describes; both outlive it. */
ShkSheetCursor *shk_sheet_cursor_new            (ShkSheetTable            *sheet,
                                                 GtkColumnView       *view);
/* Each column's factory reports its list items, so that the cursor can
 * find the widget of a cell. */
void            shk_sheet_cursor_track_item     (ShkSheetCursor      *self,
                                                 GtkColumnViewColumn *column,
                                                 GtkListItem         *item);
/* The cell widget of @column for the model item at @position, or NULL. */
GtkWidget      *shk_sheet_cursor_get_item_child (ShkSheetCursor      *self,
                                                 GtkColumnViewColumn *column,
                                                 guint                position);
/* The visible columns, in order. */
GPtrArray      *shk_sheet_cursor_dup_columns    (ShkSheetCursor      *self);

gboolean        shk_sheet_cursor_get_cursor     (ShkSheetCursor      *self,
                                                 guint               *row,
                                                 guint               *column);
/* Moves the cursor (and collapses the range) or, with @extend, moves the
 * range's far corner. Scrolls the cell into view and focuses it. */
void            shk_sheet_cursor_set_cursor     (ShkSheetCursor      *self,
                                                 guint                row,
                                                 guint                column,
                                                 gboolean             extend);
void            shk_sheet_cursor_get_range      (ShkSheetCursor      *self,
                                                 guint               *first_row,
                                                 guint               *first_column,
                                                 guint               *last_row,
                                                 guint               *last_column);
/* Edits the cursor's cell in place; @text replaces it (NULL keeps it). */
gboolean        shk_sheet_cursor_start_editing  (ShkSheetCursor      *self,
                                                 const char          *text);
gboolean        shk_sheet_cursor_is_editing     (ShkSheetCursor      *self);
/* Ends the edit, committing it or not. */
void            shk_sheet_cursor_stop_editing   (ShkSheetCursor      *self,
                                                 gboolean             commit);

/* What a key press does in the table (the view's key controller calls
 * it; tests too). TRUE when the key was used. */
gboolean        shk_sheet_cursor_handle_key     (ShkSheetCursor      *self,
                                                 guint                keyval,
                                                 GdkModifierType      state);

/* The range as TSV, as Ctrl+C puts it on the clipboard. */
char           *shk_sheet_cursor_dup_range_text (ShkSheetCursor      *self);
void            shk_sheet_cursor_copy           (ShkSheetCursor      *self);
/* Pastes a TSV block at the cursor: at once when every cell is accepted,
 * else after a dialog that lists the refused and skipped cells. */
void            shk_sheet_cursor_paste_text     (ShkSheetCursor      *self,
                                                 const char          *text);
void            shk_sheet_cursor_paste          (ShkSheetCursor      *self);
/* Empties the values of the range as one undo step. */
void            shk_sheet_cursor_clear_range    (ShkSheetCursor      *self);

G_END_DECLS
