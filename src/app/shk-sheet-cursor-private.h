/* shk-sheet-cursor-private.h — what the cursor's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-sheet-cursor.h"

G_BEGIN_DECLS

typedef struct
{
  GtkColumnViewColumn *column;   /* unowned: the view holds it */
  GtkListItem         *item;     /* weak */
} Tracked;

struct _ShkSheetCursor
{
  GObject           parent_instance;

  ShkSheetTable         *sheet;        /* unowned: it owns the cursor */
  GtkColumnView    *view;         /* unowned, as the sheet */
  GArray           *items;        /* Tracked */

  gboolean          has_cursor;
  guint             row, column;
  guint             anchor_row, anchor_column;

  GtkEditableLabel *editing;      /* the cell being edited, or NULL */
  gboolean          typing;       /* started by typing: arrows commit and move */
  GPtrArray        *highlighted;  /* GtkWidget refs wearing our classes */
  guint             highlight_idle;
  guint             scroll_tick;
  guint             scroll_tries;
  gboolean          dragging;
};

#define SHEET_IFACE(self) SHK_SHEET_TABLE_GET_IFACE ((self)->sheet)

guint                shk_sheet_cursor_n_rows      (ShkSheetCursor *self);
GtkColumnViewColumn *shk_sheet_cursor_column_at   (GPtrArray      *columns,
                                                   guint           index);
gboolean             shk_sheet_cursor_is_editable (ShkSheetCursor *self,
                                                   GPtrArray      *columns,
                                                   guint           row,
                                                   guint           column);

G_END_DECLS
