/* shk-sheet-cursor.c — a spreadsheet's cell cursor over a GtkColumnView
 *
 * The keys and clicks are taken in the capture phase, before the column
 * view's row selection and the editable labels' own click-to-edit see
 * them: a single click only moves the cursor, so nothing is edited by
 * accident. The keyboard focus follows the cursor's cell, so a screen
 * reader announces the cell's own name ("No.12 R2 actual").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-sheet-cursor-private.h"
#include "shk-grade-cell.h"
#include "shk-value-line.h"

G_DEFINE_INTERFACE (ShkSheetTable, shk_sheet_table, GTK_TYPE_WIDGET)

static void
shk_sheet_table_default_init (ShkSheetTableInterface *iface)
{
}

G_DEFINE_FINAL_TYPE (ShkSheetCursor, shk_sheet_cursor, G_TYPE_OBJECT)


static void schedule_highlight (ShkSheetCursor *self);
static void scroll_to_cursor   (ShkSheetCursor *self,
                                gboolean        focus);

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static void
on_item_gone (gpointer  data,
              GObject  *item)
{
  ShkSheetCursor *self = data;

  for (guint i = 0; i < self->items->len; i++)
    if ((GObject *) g_array_index (self->items, Tracked, i).item == item)
      {
        g_array_remove_index_fast (self->items, i);
        return;
      }
}

void
shk_sheet_cursor_track_item (ShkSheetCursor      *self,
                             GtkColumnViewColumn *column,
                             GtkListItem         *item)
{
  Tracked tracked = { column, item };

  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  g_array_append_val (self->items, tracked);
  g_object_weak_ref (G_OBJECT (item), on_item_gone, self);
  /* Scrolling rebinds items to other rows: the highlight follows. */
  g_signal_connect_object (item, "notify::position", G_CALLBACK (schedule_highlight),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
shk_sheet_cursor_get_item_child (ShkSheetCursor      *self,
                                 GtkColumnViewColumn *column,
                                 guint                position)
{
  g_return_val_if_fail (SHK_IS_SHEET_CURSOR (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Tracked *tracked = &g_array_index (self->items, Tracked, i);

      if (tracked->column == column &&
          gtk_list_item_get_item (tracked->item) != NULL &&
          gtk_list_item_get_position (tracked->item) == position)
        {
          GtkWidget *child = gtk_list_item_get_child (tracked->item);

          return child != NULL && gtk_widget_get_mapped (child) ? child : NULL;
        }
    }
  return NULL;
}

GPtrArray *
shk_sheet_cursor_dup_columns (ShkSheetCursor *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  GPtrArray *visible = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      GtkColumnViewColumn *column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_ptr_array_add (visible, column);
      else
        g_object_unref (column);
    }
  return visible;
}

guint
shk_sheet_cursor_n_rows (ShkSheetCursor *self)
{
  return SHEET_IFACE (self)->get_n_rows (self->sheet);
}

static guint
n_columns (ShkSheetCursor *self)
{
  g_autoptr(GPtrArray) columns = shk_sheet_cursor_dup_columns (self);

  return columns->len;
}

GtkColumnViewColumn *
shk_sheet_cursor_column_at (GPtrArray *columns,
                            guint      index)
{
  return index < columns->len ? g_ptr_array_index (columns, index) : NULL;
}

gboolean
shk_sheet_cursor_is_editable (ShkSheetCursor *self,
                              GPtrArray      *columns,
                              guint           row,
                              guint           column)
{
  return column < columns->len &&
         SHEET_IFACE (self)->is_editable (self->sheet, row, shk_sheet_cursor_column_at (columns, column));
}

static GtkWidget *
get_cell (ShkSheetCursor *self,
          guint           row,
          guint           column)
{
  g_autoptr(GPtrArray) columns = shk_sheet_cursor_dup_columns (self);

  if (column >= columns->len || row >= shk_sheet_cursor_n_rows (self))
    return NULL;
  return SHEET_IFACE (self)->get_cell (self->sheet, row, shk_sheet_cursor_column_at (columns, column));
}

/* ------------------------------------------------------------------ */
/* Highlight                                                           */

static void
clear_highlight (ShkSheetCursor *self)
{
  for (guint i = 0; i < self->highlighted->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->highlighted, i);

      gtk_widget_remove_css_class (widget, "sheet-cursor");
      gtk_widget_remove_css_class (widget, "sheet-selected");
    }
  g_ptr_array_set_size (self->highlighted, 0);
}

static void
apply_highlight (ShkSheetCursor *self)
{
  g_autoptr(GPtrArray) columns = NULL;
  guint r0, c0, r1, c1;

  clear_highlight (self);
  if (!self->has_cursor)
    return;

  columns = shk_sheet_cursor_dup_columns (self);
  shk_sheet_cursor_get_range (self, &r0, &c0, &r1, &c1);
  /* Only the cells on screen have widgets: at most a screenful. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Tracked *tracked = &g_array_index (self->items, Tracked, i);
      guint index;

      if (gtk_list_item_get_item (tracked->item) == NULL ||
          !g_ptr_array_find (columns, tracked->column, &index) || index < c0 || index > c1)
        continue;
      for (guint row = r0; row <= r1; row++)
        {
          GtkWidget *cell;

          if (SHEET_IFACE (self)->get_position (self->sheet, row) !=
              gtk_list_item_get_position (tracked->item))
            continue;
          cell = SHEET_IFACE (self)->get_cell (self->sheet, row, tracked->column);
          if (cell == NULL)
            continue;
          gtk_widget_add_css_class (cell, row == self->row && index == self->column
                                            ? "sheet-cursor" : "sheet-selected");
          g_ptr_array_add (self->highlighted, g_object_ref (cell));
        }
    }
}

static gboolean
highlight_idle_cb (gpointer data)
{
  ShkSheetCursor *self = data;

  self->highlight_idle = 0;
  apply_highlight (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_highlight (ShkSheetCursor *self)
{
  if (self->highlight_idle == 0)
    self->highlight_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, highlight_idle_cb, self, NULL);
}

/* ------------------------------------------------------------------ */
/* Scrolling into view                                                 */

/* GTK 4.8's column view has no scroll_to: the rows are laid out only
 * near the visible ones, so a far row is first scrolled near by its
 * share of the height, and placed exactly once its widget exists. */
static gboolean
scroll_exactly (ShkSheetCursor *self,
                gboolean        focus)
{
  GtkWidget *cell = get_cell (self, self->row, self->column);
  GtkWidget *view = GTK_WIDGET (self->view);
  GtkWidget *header = gtk_widget_get_first_child (view);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  graphene_rect_t bounds;
  double top, height, width, left = 0;

  if (cell == NULL || !gtk_widget_compute_bounds (cell, view, &bounds))
    return FALSE;
  if (SHEET_IFACE (self)->get_frozen_width != NULL)
    {
      g_autoptr(GPtrArray) columns = shk_sheet_cursor_dup_columns (self);

      left = SHEET_IFACE (self)->get_frozen_width (self->sheet, shk_sheet_cursor_column_at (columns, self->column));
    }

  /* The column view's own coordinates are its viewport's. */
  top = header != NULL ? gtk_widget_get_height (header) : 0;
  height = gtk_widget_get_height (view);
  width = gtk_widget_get_width (view);
  if (vadj != NULL)
    {
      if (bounds.origin.y < top)
        gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) - (top - bounds.origin.y));
      else if (bounds.origin.y + bounds.size.height > height)
        gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) +
                                  MIN (bounds.origin.y - top, bounds.origin.y + bounds.size.height - height));
    }
  if (hadj != NULL)
    {
      /* Clear of the frozen columns on the left. */
      if (bounds.origin.x < left)
        gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) - (left - bounds.origin.x));
      else if (bounds.origin.x + bounds.size.width > width)
        gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) +
                                  MIN (bounds.origin.x - left, bounds.origin.x + bounds.size.width - width));
    }
  if (focus && !gtk_widget_has_focus (cell))
    gtk_widget_grab_focus (cell);
  return TRUE;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ShkSheetCursor *self = data;

  if (scroll_exactly (self, TRUE) || ++self->scroll_tries > 30)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
scroll_to_cursor (ShkSheetCursor *self,
                  gboolean        focus)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->view));
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (!self->has_cursor)
    return;
  if (scroll_exactly (self, focus))
    return;

  if (vadj != NULL && n > 0)
    {
      double upper = gtk_adjustment_get_upper (vadj);
      double page = gtk_adjustment_get_page_size (vadj);
      double row_height = upper / n;
      guint position = SHEET_IFACE (self)->get_position (self->sheet, self->row);

      gtk_adjustment_set_value (vadj, CLAMP (row_height * position - page / 2,
                                             0, MAX (0, upper - page)));
    }
  self->scroll_tries = 0;
  if (self->scroll_tick == 0 && gtk_widget_get_realized (GTK_WIDGET (self->view)))
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), scroll_tick_cb,
                                                      self, NULL);
}

/* ------------------------------------------------------------------ */
/* Moving                                                              */

gboolean
shk_sheet_cursor_get_cursor (ShkSheetCursor *self,
                             guint          *row,
                             guint          *column)
{
  g_return_val_if_fail (SHK_IS_SHEET_CURSOR (self), FALSE);

  if (row != NULL)
    *row = self->row;
  if (column != NULL)
    *column = self->column;
  return self->has_cursor;
}

void
shk_sheet_cursor_get_range (ShkSheetCursor *self,
                            guint          *first_row,
                            guint          *first_column,
                            guint          *last_row,
                            guint          *last_column)
{
  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));

  *first_row = MIN (self->row, self->anchor_row);
  *last_row = MAX (self->row, self->anchor_row);
  *first_column = MIN (self->column, self->anchor_column);
  *last_column = MAX (self->column, self->anchor_column);
}

void
shk_sheet_cursor_set_cursor (ShkSheetCursor *self,
                             guint           row,
                             guint           column,
                             gboolean        extend)
{
  guint rows, columns;

  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));

  rows = shk_sheet_cursor_n_rows (self);
  columns = n_columns (self);
  if (rows == 0 || columns == 0)
    return;
  row = MIN (row, rows - 1);
  column = MIN (column, columns - 1);

  if (self->editing != NULL)
    shk_sheet_cursor_stop_editing (self, TRUE);

  self->has_cursor = TRUE;
  self->row = row;
  self->column = column;
  if (!extend)
    {
      self->anchor_row = row;
      self->anchor_column = column;
    }
  apply_highlight (self);
  scroll_to_cursor (self, TRUE);
  if (SHEET_IFACE (self)->cursor_moved != NULL)
    SHEET_IFACE (self)->cursor_moved (self->sheet, row, MIN (row, self->anchor_row),
                                      MAX (row, self->anchor_row));
}

/* The next editable cell from (@row, @column) in the direction, wrapping
 * across rows for Tab; FALSE when there is none. */
static gboolean
next_editable (ShkSheetCursor *self,
               int             drow,
               int             dcolumn,
               guint          *row,
               guint          *column)
{
  g_autoptr(GPtrArray) columns = shk_sheet_cursor_dup_columns (self);
  int rows = (int) shk_sheet_cursor_n_rows (self), ncols = (int) columns->len;
  int r = (int) *row, c = (int) *column;

  for (int steps = 0; steps < rows * ncols; steps++)
    {
      if (dcolumn != 0)
        {
          c += dcolumn;
          if (c >= ncols)
            c = 0, r++;
          else if (c < 0)
            c = ncols - 1, r--;
        }
      else
        r += drow;
      if (r < 0 || r >= rows)
        return FALSE;
      if (shk_sheet_cursor_is_editable (self, columns, (guint) r, (guint) c))
        {
          *row = (guint) r;
          *column = (guint) c;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
page_rows (ShkSheetCursor *self)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->view));
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (vadj == NULL || n == 0 || gtk_adjustment_get_upper (vadj) <= 0)
    return 10;
  return MAX (1, (guint) (gtk_adjustment_get_page_size (vadj) / (gtk_adjustment_get_upper (vadj) / n)) - 1);
}

static void
move_by (ShkSheetCursor *self,
         int             drow,
         int             dcolumn,
         gboolean        extend)
{
  int row = (int) self->row + drow;
  int column = (int) self->column + dcolumn;

  shk_sheet_cursor_set_cursor (self, (guint) MAX (row, 0), (guint) MAX (column, 0), extend);
}

/* Enter and Tab: commit, then the next cell that takes a value. */
static void
move_to_next_editable (ShkSheetCursor *self,
                       int             drow,
                       int             dcolumn)
{
  guint row = self->row, column = self->column;

  if (self->editing != NULL)
    shk_sheet_cursor_stop_editing (self, TRUE);
  if (next_editable (self, drow, dcolumn, &row, &column))
    shk_sheet_cursor_set_cursor (self, row, column, FALSE);
  else
    shk_sheet_cursor_set_cursor (self, self->row, self->column, FALSE);
}

/* ------------------------------------------------------------------ */
/* Editing                                                             */

/* A cell that opens a choice (a grade, a priority) rather than an
 * editor: a menu button, a drop-down, or a grade cell (which opens its
 * menu when activated). */
static gboolean
is_chooser (GtkWidget *cell)
{
  return GTK_IS_MENU_BUTTON (cell) || GTK_IS_DROP_DOWN (cell) || SHK_IS_GRADE_CELL (cell);
}

static void
on_editing_changed (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    ShkSheetCursor   *self)
{
  if (!gtk_editable_label_get_editing (label) && self->editing == label)
    {
      g_signal_handlers_disconnect_by_func (label, on_editing_changed, self);
      g_clear_object (&self->editing);
    }
}

gboolean
shk_sheet_cursor_start_editing (ShkSheetCursor *self,
                                const char     *text)
{
  GtkWidget *cell;
  g_autoptr(GPtrArray) columns = NULL;

  g_return_val_if_fail (SHK_IS_SHEET_CURSOR (self), FALSE);

  columns = shk_sheet_cursor_dup_columns (self);
  if (!self->has_cursor)
    return FALSE;
  scroll_exactly (self, FALSE);
  cell = get_cell (self, self->row, self->column);
  /* F2 or a double-click on a chooser (a grade, a priority) opens it. */
  if (text == NULL && is_chooser (cell))
    return gtk_widget_activate (cell);
  if (!(GTK_IS_EDITABLE_LABEL (cell) || SHK_IS_VALUE_LINE (cell)) ||
      !shk_sheet_cursor_is_editable (self, columns, self->row, self->column))
    return FALSE;
  if (self->editing != NULL)
    shk_sheet_cursor_stop_editing (self, TRUE);

  /* A value line makes its editor now; an editable label is its own. */
  if (SHK_IS_VALUE_LINE (cell))
    cell = GTK_WIDGET (shk_value_line_start_editing (SHK_VALUE_LINE (cell)));
  else
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell));
  self->editing = g_object_ref (GTK_EDITABLE_LABEL (cell));
  self->typing = text != NULL;
  g_signal_connect (cell, "notify::editing", G_CALLBACK (on_editing_changed), self);
  if (text != NULL)
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (cell));

      gtk_editable_set_text (delegate != NULL ? delegate : GTK_EDITABLE (cell), text);
      gtk_editable_set_position (delegate != NULL ? delegate : GTK_EDITABLE (cell), -1);
    }
  return TRUE;
}

gboolean
shk_sheet_cursor_is_editing (ShkSheetCursor *self)
{
  g_return_val_if_fail (SHK_IS_SHEET_CURSOR (self), FALSE);

  return self->editing != NULL;
}

void
shk_sheet_cursor_stop_editing (ShkSheetCursor *self,
                               gboolean        commit)
{
  g_autoptr(GtkEditableLabel) label = NULL;
  GtkWidget *owner;

  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));

  if (self->editing == NULL)
    return;
  label = g_object_ref (self->editing);
  owner = gtk_widget_get_parent (GTK_WIDGET (label));
  gtk_editable_label_stop_editing (label, commit);
  /* The label keeps the focus, as the cursor's cell; a value line drops
   * its editor when the edit ends, and keeps the focus itself. */
  if (gtk_widget_get_mapped (GTK_WIDGET (label)))
    gtk_widget_grab_focus (GTK_WIDGET (label));
  else if (SHK_IS_VALUE_LINE (owner) && gtk_widget_get_mapped (owner))
    gtk_widget_grab_focus (owner);
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

static gboolean
key_while_editing (ShkSheetCursor  *self,
                   guint            keyval,
                   GdkModifierType  state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      move_to_next_editable (self, shift ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      move_to_next_editable (self, 0, (shift || keyval == GDK_KEY_ISO_Left_Tab) ? -1 : 1);
      return TRUE;
    case GDK_KEY_Escape:
      shk_sheet_cursor_stop_editing (self, FALSE);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      /* Typed over, the arrows commit and move; after F2 they move in
       * the text, as in a spreadsheet. */
      if (!self->typing)
        return FALSE;
      shk_sheet_cursor_stop_editing (self, TRUE);
      move_by (self, keyval == GDK_KEY_Up ? -1 : keyval == GDK_KEY_Down ? 1 : 0,
               keyval == GDK_KEY_Left ? -1 : keyval == GDK_KEY_Right ? 1 : 0, FALSE);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
key_moves (ShkSheetCursor  *self,
           guint            keyval,
           GdkModifierType  state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  guint last_row = shk_sheet_cursor_n_rows (self) - 1, last_column = n_columns (self) - 1;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      move_by (self, -1, 0, shift);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      move_by (self, 1, 0, shift);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      move_by (self, 0, -1, shift);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      move_by (self, 0, 1, shift);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      shk_sheet_cursor_set_cursor (self, control ? 0 : self->row, 0, shift);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      shk_sheet_cursor_set_cursor (self, control ? last_row : self->row, last_column, shift);
      return TRUE;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      move_by (self, -(int) page_rows (self), 0, shift);
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      move_by (self, (int) page_rows (self), 0, shift);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      move_to_next_editable (self, shift ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_ISO_Left_Tab:
      if (control)
        return FALSE;   /* Ctrl+Tab leaves the table, as GTK's focus chain does */
      move_to_next_editable (self, 0, (shift || keyval == GDK_KEY_ISO_Left_Tab) ? -1 : 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
handle_key (ShkSheetCursor        *self,
            GtkEventControllerKey *controller,
            guint                  keyval,
            GdkModifierType        state)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  gunichar c;

  if (shk_sheet_cursor_n_rows (self) == 0 || n_columns (self) == 0)
    return FALSE;
  if (self->editing != NULL)
    return key_while_editing (self, keyval, state);
  if (!self->has_cursor)
    shk_sheet_cursor_set_cursor (self, 0, 0, FALSE);

  if (mods == GDK_CONTROL_MASK)
    switch (gdk_keyval_to_lower (keyval))
      {
      case GDK_KEY_c:
        shk_sheet_cursor_copy (self);
        return TRUE;
      case GDK_KEY_v:
        shk_sheet_cursor_paste (self);
        return TRUE;
      case GDK_KEY_a:
        self->anchor_row = 0;
        self->anchor_column = 0;
        shk_sheet_cursor_set_cursor (self, shk_sheet_cursor_n_rows (self) - 1, n_columns (self) - 1, TRUE);
        return TRUE;
      default:
        break;
      }
  if ((mods & ~GDK_CONTROL_MASK) == 0 && key_moves (self, keyval, state))
    return TRUE;
  if (mods != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_F2:
      shk_sheet_cursor_start_editing (self, NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      shk_sheet_cursor_clear_range (self);
      return TRUE;
    case GDK_KEY_BackSpace:
      shk_sheet_cursor_start_editing (self, "");
      return TRUE;
    case GDK_KEY_Escape:
      shk_sheet_cursor_set_cursor (self, self->row, self->column, FALSE);
      return FALSE;
    default:
      break;
    }

  /* Typing replaces the cell: the key goes on to the editor, so input
   * methods (kana → kanji) work as in any entry. */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isprint (c) && shk_sheet_cursor_start_editing (self, ""))
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->editing));

      if (delegate == NULL || controller == NULL ||
          !gtk_event_controller_key_forward (controller, GTK_WIDGET (delegate)))
        {
          char text[8] = { 0 };

          g_unichar_to_utf8 (c, text);
          gtk_editable_set_text (delegate != NULL ? delegate : GTK_EDITABLE (self->editing), text);
          gtk_editable_set_position (delegate != NULL ? delegate : GTK_EDITABLE (self->editing), -1);
        }
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ShkSheetCursor        *self)
{
  return handle_key (self, controller, keyval, state);
}

gboolean
shk_sheet_cursor_handle_key (ShkSheetCursor  *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  g_return_val_if_fail (SHK_IS_SHEET_CURSOR (self), FALSE);

  return handle_key (self, NULL, keyval, state);
}

/* ------------------------------------------------------------------ */
/* Pointer                                                             */

/* The cell under (@x, @y) of the view. */
static gboolean
cell_at (ShkSheetCursor *self,
         double          x,
         double          y,
         guint          *row,
         guint          *column,
         GtkWidget     **picked_out)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->view), x, y, GTK_PICK_DEFAULT);
  g_autoptr(GPtrArray) columns = NULL;

  if (picked_out != NULL)
    *picked_out = picked;
  if (picked == NULL)
    return FALSE;
  columns = shk_sheet_cursor_dup_columns (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      Tracked *tracked = &g_array_index (self->items, Tracked, i);
      GtkWidget *child = gtk_list_item_get_child (tracked->item);

      if (child != NULL && gtk_list_item_get_item (tracked->item) != NULL &&
          (picked == child || gtk_widget_is_ancestor (picked, child)) &&
          g_ptr_array_find (columns, tracked->column, column))
        {
          graphene_point_t point;

          if (!gtk_widget_compute_point (GTK_WIDGET (self->view), picked, &GRAPHENE_POINT_INIT (x, y), &point))
            point = GRAPHENE_POINT_INIT (0, 0);
          *row = SHEET_IFACE (self)->get_row (self->sheet, gtk_list_item_get_position (tracked->item),
                                              picked, point.x, point.y);
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            ShkSheetCursor  *self)
{
  GtkWidget *picked = NULL;
  guint row, column;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (!cell_at (self, x, y, &row, &column, &picked))
    return;
  /* A click inside the text being edited places the text cursor. */
  if (self->editing != NULL &&
      (picked == GTK_WIDGET (self->editing) || gtk_widget_is_ancestor (picked, GTK_WIDGET (self->editing))))
    return;

  /* A chooser (a grade, a priority) still opens on its click; the
   * cursor moves to it as well. */
  if (gtk_widget_get_ancestor (picked, GTK_TYPE_MENU_BUTTON) != NULL ||
      gtk_widget_get_ancestor (picked, GTK_TYPE_DROP_DOWN) != NULL ||
      gtk_widget_get_ancestor (picked, SHK_TYPE_GRADE_CELL) != NULL)
    {
      shk_sheet_cursor_set_cursor (self, row, column, FALSE);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  shk_sheet_cursor_set_cursor (self, row, column, (state & GDK_SHIFT_MASK) != 0);
  self->dragging = TRUE;
  if (n_press == 2)
    shk_sheet_cursor_start_editing (self, NULL);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             ShkSheetCursor  *self)
{
  self->dragging = FALSE;
}

/* Dragging from a cell selects the rectangle up to the pointer. */
static void
on_drag_update (GtkGestureDrag *drag,
                double          offset_x,
                double          offset_y,
                ShkSheetCursor *self)
{
  double x, y;
  guint row, column;

  if (!self->dragging || !gtk_gesture_drag_get_start_point (drag, &x, &y))
    return;
  if (cell_at (self, x + offset_x, y + offset_y, &row, &column, NULL) &&
      (row != self->row || column != self->column))
    shk_sheet_cursor_set_cursor (self, row, column, TRUE);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_sheet_cursor_dispose (GObject *object)
{
  ShkSheetCursor *self = SHK_SHEET_CURSOR (object);

  for (guint i = 0; i < self->items->len; i++)
    g_object_weak_unref (G_OBJECT (g_array_index (self->items, Tracked, i).item), on_item_gone, self);
  g_array_set_size (self->items, 0);
  g_clear_handle_id (&self->highlight_idle, g_source_remove);
  if (self->scroll_tick != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->scroll_tick);
  self->scroll_tick = 0;
  if (self->editing != NULL)
    g_signal_handlers_disconnect_by_func (self->editing, on_editing_changed, self);
  g_clear_object (&self->editing);
  g_ptr_array_set_size (self->highlighted, 0);
  self->view = NULL;

  G_OBJECT_CLASS (shk_sheet_cursor_parent_class)->dispose (object);
}

static void
shk_sheet_cursor_finalize (GObject *object)
{
  ShkSheetCursor *self = SHK_SHEET_CURSOR (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->highlighted, g_ptr_array_unref);

  G_OBJECT_CLASS (shk_sheet_cursor_parent_class)->finalize (object);
}

static void
shk_sheet_cursor_class_init (ShkSheetCursorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shk_sheet_cursor_dispose;
  object_class->finalize = shk_sheet_cursor_finalize;
}

static void
shk_sheet_cursor_init (ShkSheetCursor *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Tracked));
  self->highlighted = g_ptr_array_new_with_free_func (g_object_unref);
}

ShkSheetCursor *
shk_sheet_cursor_new (ShkSheetTable      *sheet,
                      GtkColumnView *view)
{
  ShkSheetCursor *self;
  GtkEventController *controller;
  GtkGesture *click, *drag;

  g_return_val_if_fail (SHK_IS_SHEET_TABLE (sheet), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_object_new (SHK_TYPE_SHEET_CURSOR, NULL);
  self->sheet = sheet;
  self->view = view;

  /* Capture: before the rows' selection and the cells' own editing. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));

  /* Grouped with the click: the sequence the click claims drags too. */
  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_group (click, drag);

  gtk_widget_add_css_class (GTK_WIDGET (view), "sheet");
  return self;
}
