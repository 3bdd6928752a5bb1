/* shk-scenario-cost-grid.c — a scenario's costs, per item and year
 *
 * A sheet: one row per cost item (its menu, its name, an amount per year
 * and its total) and a last row with the total of each year. It is a
 * column view walked by ShkSheetCursor, as the measures and processes
 * tables are, so the keys, the clicks, copy, paste with its preview and
 * Delete behave the same everywhere. An amount or a name is applied
 * through the core when its cell's editor closes; a refused one is
 * reported with ::show-error, for the form to say what is wrong.
 *
 * The rows are the scenario's cost items and then the scenario itself,
 * which stands for the row of totals; the columns follow its years.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-edit-block.h"
#include "shk-edit-scenario.h"
#include "shk-number.h"
#include "shk-scenario-cost-cell.h"
#include "shk-scenario-cost-grid.h"

/* The columns before the years and after them. */
enum {
  COLUMN_MENU,
  COLUMN_NAME,
  COLUMN_FIRST_YEAR,
};

struct _ShkScenarioCostGrid
{
  GtkWidget            parent_instance;

  ShkScenarioEditFold *fold;
  ShkPlan             *plan;
  ShkScenario         *scenario;

  /* What the rows and columns were made for: made again when it changes. */
  ShkScenario         *built_for;
  guint                n_years;
  GListStore          *rows;            /* ShkCostItem…, then the scenario */
  GPtrArray           *columns;         /* GtkColumnViewColumn, in order */
  ShkSheetCursor      *cursor;
  int                  focus_item;      /* the amount cell last under the cursor, or -1 */
  int                  focus_year;
  GtkWidget           *error_widget;    /* the cell last reported refused */

  /* template children */
  AdwPreferencesGroup *group;
  GtkColumnView       *column_view;
};

static void shk_scenario_cost_grid_sheet_init (ShkSheetTableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShkScenarioCostGrid, shk_scenario_cost_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SHK_TYPE_SHEET_TABLE,
                                                      shk_scenario_cost_grid_sheet_init))

enum {
  SHOW_ERROR,
  CLEAR_ERROR,
  REFRESH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
show_error (ShkScenarioCostGrid *self,
            GtkWidget           *widget,
            const char          *message)
{
  self->error_widget = widget;
  g_signal_emit (self, signals[SHOW_ERROR], 0, widget, message);
}

static void
clear_error (ShkScenarioCostGrid *self,
             GtkWidget           *widget)
{
  if (self->error_widget == widget)
    self->error_widget = NULL;
  g_signal_emit (self, signals[CLEAR_ERROR], 0, widget);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static guint
n_items (ShkScenarioCostGrid *self)
{
  return self->scenario != NULL && self->built_for == self->scenario
    ? shk_scenario_get_n_cost_items (self->scenario) : 0;
}

/* The kind of the column at @index, and its year for an amount. */
static ShkCostCellKind
kind_of (ShkScenarioCostGrid *self,
         guint                index,
         guint               *year)
{
  if (year != NULL)
    *year = index >= COLUMN_FIRST_YEAR ? index - COLUMN_FIRST_YEAR : 0;
  if (index == COLUMN_MENU)
    return SHK_COST_CELL_MENU;
  if (index == COLUMN_NAME)
    return SHK_COST_CELL_NAME;
  return index < COLUMN_FIRST_YEAR + self->n_years ? SHK_COST_CELL_AMOUNT : SHK_COST_CELL_TOTAL;
}

static guint
index_of (ShkScenarioCostGrid *self,
          GtkColumnViewColumn *column)
{
  guint index;

  return g_ptr_array_find (self->columns, column, &index) ? index : G_MAXUINT;
}

/* The widget the cursor focuses in the cell, or NULL while not shown. */
static GtkWidget *
cell_target (ShkScenarioCostGrid *self,
             guint                row,
             guint                index)
{
  GtkWidget *cell;

  if (self->cursor == NULL || index >= self->columns->len)
    return NULL;
  cell = shk_sheet_cursor_get_item_child (self->cursor, g_ptr_array_index (self->columns, index), row);
  return SHK_IS_SCENARIO_COST_CELL (cell)
    ? shk_scenario_cost_cell_get_target (SHK_SCENARIO_COST_CELL (cell)) : NULL;
}

/* ------------------------------------------------------------------ */
/* Editing                                                             */

static ShkUndoStack *
stack_of (ShkScenarioCostGrid *self)
{
  return self->fold != NULL ? shk_scenario_edit_fold_get_stack (self->fold) : NULL;
}

static gboolean
commit_cost (ShkScenarioCostGrid  *self,
             guint                 item,
             guint                 first_year,
             guint                 last_year,
             const char           *text,
             GError              **error)
{
  ShkUndoStack *stack = stack_of (self);
  g_autofree char *key = NULL;
  gboolean changes, ok;
  guint pushes;

  if (self->scenario == NULL || stack == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no such cost in this scenario"));
      return FALSE;
    }

  /* Checking first keeps a refused amount from undoing the last good
   * one while folding, and an unchanged value from folding at all. */
  if (!shk_edit_scenario_check_cost (self->plan, self->scenario, item, first_year, last_year,
                                     text, &changes, error))
    return FALSE;
  if (!changes)
    return TRUE;
  key = g_strdup_printf ("%p:amount:%u-%u", (gpointer) shk_scenario_peek_cost_item (self->scenario, item),
                         first_year, last_year);
  pushes = shk_scenario_edit_fold_begin (self->fold, key);
  ok = shk_edit_scenario_cost (stack, self->plan, self->scenario, item, first_year,
                               last_year, text, error);
  shk_scenario_edit_fold_end (self->fold, key, pushes);
  return ok;
}

gboolean
shk_scenario_cost_grid_commit (ShkScenarioCostGrid  *self,
                               guint                 item,
                               guint                 first_year,
                               guint                 last_year,
                               const char           *text,
                               GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  GtkWidget *target = NULL;
  gboolean ok;

  g_return_val_if_fail (SHK_IS_SCENARIO_COST_GRID (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (item < n_items (self) && first_year < self->n_years)
    target = cell_target (self, item, COLUMN_FIRST_YEAR + first_year);

  ok = commit_cost (self, item, first_year, last_year, text, &local_error);
  if (ok)
    clear_error (self, target);
  else
    {
      show_error (self, target, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

/* A cost item's name, typed or pasted: the same check for both. */
static gboolean
check_name (gpointer     data,
            const char  *text,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped != '\0')
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Cost item: a cost item needs a name"));
  return FALSE;
}

static char *
dup_rename_label (ShkCostItem *item)
{
  return g_strdup_printf (_("Rename cost item “%s”"), shk_cost_item_get_name (item));
}

static gboolean
apply_name (gpointer      data,
            ShkUndoStack *stack,
            const char   *text,
            GError      **error)
{
  ShkCostItem *item = data;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *label = dup_rename_label (item);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  shk_edit_set_property (stack, G_OBJECT (item), "name", &value, label);
  return TRUE;
}

static void
rename_item (ShkScenarioCostGrid *self,
             ShkScenarioCostCell *cell,
             const char          *text)
{
  GtkWidget *target = shk_scenario_cost_cell_get_target (cell);
  ShkCostItem *item = shk_scenario_cost_cell_get_item (cell);
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *label = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!check_name (item, text, &error))
    {
      show_error (self, target, error->message);
      return;
    }
  clear_error (self, target);
  if (g_strcmp0 (stripped, shk_cost_item_get_name (item)) == 0)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  label = dup_rename_label (item);
  shk_scenario_edit_fold_set_property (self->fold, G_OBJECT (item), "name", &value, label);
}

/* A cell's editor closed: its text goes to the core. */
static void
on_cell_edited (ShkScenarioCostCell *cell,
                const char          *text,
                ShkScenarioCostGrid *self)
{
  ShkCostItem *item = shk_scenario_cost_cell_get_item (cell);
  guint index;

  if (item == NULL || self->scenario == NULL || self->fold == NULL ||
      !g_list_store_find (self->rows, item, &index))
    return;
  if (shk_scenario_cost_cell_get_kind (cell) == SHK_COST_CELL_NAME)
    rename_item (self, cell, text);
  else if (shk_scenario_cost_cell_get_kind (cell) == SHK_COST_CELL_AMOUNT)
    shk_scenario_cost_grid_commit (self, index, shk_scenario_cost_cell_get_year (cell),
                                   shk_scenario_cost_cell_get_year (cell), text, NULL);
}

/* ------------------------------------------------------------------ */
/* Columns and rows                                                    */

typedef struct
{
  ShkScenarioCostGrid *grid;
  ShkCostCellKind      kind;
  guint                year;
  GtkColumnViewColumn *column;   /* unowned: it owns the factory */
} ColumnInfo;

static void
column_info_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnInfo               *info)
{
  GtkWidget *cell = shk_scenario_cost_cell_new (info->kind, info->year);

  g_signal_connect_object (cell, "edited", G_CALLBACK (on_cell_edited), info->grid, 0);
  g_signal_connect_object (info->grid, "refresh", G_CALLBACK (shk_scenario_cost_cell_refresh),
                           cell, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, cell);
  /* The cursor, not the row, takes the clicks and the focus. */
  gtk_list_item_set_activatable (item, FALSE);
  shk_sheet_cursor_track_item (info->grid->cursor, info->column, item);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  shk_scenario_cost_cell_set_row (SHK_SCENARIO_COST_CELL (gtk_list_item_get_child (item)),
                                  info->grid->scenario, gtk_list_item_get_item (item),
                                  gtk_list_item_get_position (item));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ColumnInfo               *info)
{
  shk_scenario_cost_cell_set_row (SHK_SCENARIO_COST_CELL (gtk_list_item_get_child (item)),
                                  NULL, NULL, 0);
}

static void
add_column (ShkScenarioCostGrid *self,
            const char          *title,
            ShkCostCellKind      kind,
            guint                year,
            int                  width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, NULL);
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  info->grid = self;
  info->kind = kind;
  info->year = year;
  info->column = column;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), info, column_info_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), info);
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_expand (column, kind == SHK_COST_CELL_NAME);
  gtk_column_view_column_set_resizable (column, kind != SHK_COST_CELL_MENU);
  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->columns, g_object_ref (column));
}

static void
clear_columns (ShkScenarioCostGrid *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->columns, i));
  g_ptr_array_set_size (self->columns, 0);
}

/* Column 0 holds each row's menu, so that it stays in sight however
 * far the years scroll; the name column takes the spare width. */
static void
build_columns (ShkScenarioCostGrid *self)
{
  clear_columns (self);
  add_column (self, "", SHK_COST_CELL_MENU, 0, 44);
  add_column (self, _("Cost item"), SHK_COST_CELL_NAME, 0, 150);
  for (guint y = 0; y < self->n_years; y++)
    {
      g_autofree char *year = shk_scenario_dup_year_label (self->scenario, y);

      add_column (self, year, SHK_COST_CELL_AMOUNT, y, 120);
    }
  add_column (self, _("Total"), SHK_COST_CELL_TOTAL, 0, 130);
}

static gboolean
shape_changed (ShkScenarioCostGrid *self)
{
  guint n = shk_scenario_get_n_cost_items (self->scenario);

  if (self->built_for != self->scenario ||
      self->n_years != shk_scenario_get_n_years (self->scenario) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->rows)) != n + 1)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row != (GObject *) shk_scenario_peek_cost_item (self->scenario, i))
        return TRUE;
    }
  return FALSE;
}

static void
clear_cells (ShkScenarioCostGrid *self)
{
  /* The cell whose message is shown is about to go, and its message
   * with it. */
  if (self->error_widget != NULL)
    clear_error (self, self->error_widget);
  g_list_store_remove_all (self->rows);
  clear_columns (self);
  g_clear_object (&self->built_for);
  self->n_years = 0;
  self->focus_item = -1;
  self->focus_year = -1;
}

/* The rows are made again (the column view rebinds their cells); the
 * columns only when the years changed. */
static void
build_cells (ShkScenarioCostGrid *self)
{
  guint n = shk_scenario_get_n_cost_items (self->scenario);
  guint n_years = shk_scenario_get_n_years (self->scenario);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (self->error_widget != NULL)
    clear_error (self, self->error_widget);
  if (self->built_for != self->scenario || self->n_years != n_years || self->columns->len == 0)
    {
      g_list_store_remove_all (self->rows);
      self->n_years = n_years;
      build_columns (self);
    }
  g_set_object (&self->built_for, self->scenario);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, shk_scenario_peek_cost_item (self->scenario, i));
  g_ptr_array_add (rows, self->scenario);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

/* ------------------------------------------------------------------ */
/* Showing the model                                                   */

void
shk_scenario_cost_grid_update (ShkScenarioCostGrid *self,
                               ShkPlan             *plan,
                               ShkScenario         *scenario)
{
  g_return_if_fail (SHK_IS_SCENARIO_COST_GRID (self));
  g_return_if_fail (plan == NULL || SHK_IS_PLAN (plan));
  g_return_if_fail (scenario == NULL || SHK_IS_SCENARIO (scenario));

  g_set_object (&self->plan, plan);
  g_set_object (&self->scenario, scenario);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cost-grid.add", scenario != NULL);
  if (scenario == NULL)
    {
      clear_cells (self);
      return;
    }
  if (shape_changed (self))
    build_cells (self);
  /* The first year may have moved: the years' titles with it. */
  for (guint y = 0; y < self->n_years; y++)
    {
      g_autofree char *year = shk_scenario_dup_year_label (scenario, y);

      gtk_column_view_column_set_title (g_ptr_array_index (self->columns, COLUMN_FIRST_YEAR + y), year);
    }
  g_signal_emit (self, signals[REFRESH], 0);
}

void
shk_scenario_cost_grid_set_fold (ShkScenarioCostGrid *self,
                                 ShkScenarioEditFold *fold)
{
  g_return_if_fail (SHK_IS_SCENARIO_COST_GRID (self));
  g_return_if_fail (fold == NULL || SHK_IS_SCENARIO_EDIT_FOLD (fold));

  g_set_object (&self->fold, fold);
}

ShkSheetCursor *
shk_scenario_cost_grid_get_cursor (ShkScenarioCostGrid *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_COST_GRID (self), NULL);

  return self->cursor;
}

void
shk_scenario_cost_grid_paste_text (ShkScenarioCostGrid *self,
                                   guint                item,
                                   guint                year,
                                   const char          *text)
{
  g_return_if_fail (SHK_IS_SCENARIO_COST_GRID (self));
  g_return_if_fail (text != NULL);

  if (item >= n_items (self) || year >= self->n_years)
    return;
  shk_sheet_cursor_set_cursor (self->cursor, item, COLUMN_FIRST_YEAR + year, FALSE);
  shk_sheet_cursor_paste_text (self->cursor, text);
}

/* ------------------------------------------------------------------ */
/* The sheet: what the cell cursor walks                               */

static guint
sheet_get_n_rows (ShkSheetTable *sheet)
{
  return g_list_model_get_n_items (G_LIST_MODEL (SHK_SCENARIO_COST_GRID (sheet)->rows));
}

static guint
sheet_get_row (ShkSheetTable *sheet,
               guint          position,
               GtkWidget     *picked,
               double         x,
               double         y)
{
  return position;
}

static guint
sheet_get_position (ShkSheetTable *sheet,
                    guint          row)
{
  return row;
}

static gboolean
sheet_is_editable (ShkSheetTable       *sheet,
                   guint                row,
                   GtkColumnViewColumn *column)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (sheet);
  guint index = index_of (self, column);
  ShkCostCellKind kind;

  if (row >= n_items (self) || index == G_MAXUINT)
    return FALSE;
  kind = kind_of (self, index, NULL);
  return kind == SHK_COST_CELL_NAME || kind == SHK_COST_CELL_AMOUNT;
}

static GtkWidget *
sheet_get_cell (ShkSheetTable       *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (sheet);

  return cell_target (self, row, index_of (self, column));
}

/* The text of a cell from the model, whether it is shown or not. */
static char *
sheet_dup_text (ShkSheetTable       *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (sheet);
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  guint index = index_of (self, column), year = 0;

  if (object == NULL || index == G_MAXUINT)
    return g_strdup ("");
  return shk_scenario_cost_cell_format (kind_of (self, index, &year), year, self->scenario, object);
}

static void
sheet_add_to_block (ShkSheetTable       *sheet,
                    ShkEditBlock        *block,
                    guint                block_row,
                    guint                block_column,
                    guint                row,
                    GtkColumnViewColumn *column,
                    const char          *text)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (sheet);
  guint index = index_of (self, column), year = 0;
  ShkCostCellKind kind = index != G_MAXUINT ? kind_of (self, index, &year) : SHK_COST_CELL_MENU;
  ShkCostItem *item = row < n_items (self) ? shk_scenario_peek_cost_item (self->scenario, row) : NULL;
  g_autofree char *name = NULL;

  if (item != NULL && kind == SHK_COST_CELL_AMOUNT)
    {
      shk_edit_block_add_cost (block, block_row, block_column, self->plan, self->scenario, row, year, text);
      return;
    }
  if (item != NULL && kind == SHK_COST_CELL_NAME)
    {
      /* TRANSLATORS: the name cell of a cost item, in a paste's report. */
      name = g_strdup_printf (_("Name of “%s”"), shk_cost_item_get_name (item));
      shk_edit_block_add_cell (block, block_row, block_column, name, text, check_name, apply_name,
                               g_object_ref (item), g_object_unref);
      return;
    }
  /* Totals and menus are read-only: skipped, with a note. */
  if (kind == SHK_COST_CELL_AMOUNT)
    {
      g_autofree char *year_label = shk_scenario_dup_year_label (self->scenario, year);

      name = g_strdup_printf (_("%s, %s"), _("Total"), year_label);
    }
  else if (item != NULL && kind == SHK_COST_CELL_TOTAL)
    name = g_strdup_printf (_("%s, %s"), shk_cost_item_get_name (item), _("Total"));
  else
    name = g_strdup (_("Total"));
  shk_edit_block_add_read_only (block, block_row, block_column, name);
}

static ShkUndoStack *
sheet_get_undo_stack (ShkSheetTable *sheet)
{
  return stack_of (SHK_SCENARIO_COST_GRID (sheet));
}

/* “Copy amount to following years” copies from the amount under the
 * cursor. */
static void
sheet_cursor_moved (ShkSheetTable *sheet,
                    guint          row,
                    guint          first_row,
                    guint          last_row)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (sheet);
  guint column, year = 0;

  if (shk_sheet_cursor_get_cursor (self->cursor, NULL, &column) && row < n_items (self) &&
      kind_of (self, column, &year) == SHK_COST_CELL_AMOUNT)
    {
      self->focus_item = (int) row;
      self->focus_year = (int) year;
    }
}

static void
shk_scenario_cost_grid_sheet_init (ShkSheetTableInterface *iface)
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
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
add_item (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (widget);
  g_autoptr(ShkCostItem) item = NULL;
  g_autofree char *label = NULL;
  guint position;

  if (self->scenario == NULL || stack_of (self) == NULL)
    return;

  position = shk_scenario_get_n_cost_items (self->scenario);
  item = shk_cost_item_new (_("New cost"), shk_scenario_get_n_years (self->scenario));
  label = g_strdup_printf (_("Add cost item to “%s”"), shk_scenario_get_name (self->scenario));
  shk_edit_insert_cost_item (stack_of (self), self->scenario, position, item, label);
  /* Now, not with the rest of the page: the new name is typed at once. */
  shk_scenario_cost_grid_update (self, self->plan, self->scenario);
  shk_sheet_cursor_set_cursor (self->cursor, position, COLUMN_NAME, FALSE);
}

static void
remove_item (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (widget);
  guint index = g_variant_get_uint32 (parameter);
  ShkCostItem *item;
  g_autofree char *label = NULL;

  if (self->scenario == NULL || stack_of (self) == NULL ||
      (item = shk_scenario_peek_cost_item (self->scenario, index)) == NULL)
    return;

  label = g_strdup_printf (_("Removed cost item “%s”"), shk_cost_item_get_name (item));
  shk_edit_remove_cost_item (stack_of (self), self->scenario, index, label);
  gtk_widget_activate_action (widget, "win.toast-undo", "s", label);
}

static void
move_item (ShkScenarioCostGrid *self,
           guint                from,
           guint                to)
{
  if (self->scenario == NULL || stack_of (self) == NULL || to >= shk_scenario_get_n_cost_items (self->scenario) ||
      shk_scenario_peek_cost_item (self->scenario, from) == NULL || from == to)
    return;

  shk_edit_move_cost_item (stack_of (self), self->scenario, from, to);
}

static void
move_item_up (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  guint index = g_variant_get_uint32 (parameter);

  if (index > 0)
    move_item (SHK_SCENARIO_COST_GRID (widget), index, index - 1);
}

static void
move_item_down (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  guint index = g_variant_get_uint32 (parameter);

  move_item (SHK_SCENARIO_COST_GRID (widget), index, index + 1);
}

/* Copies the amount of the row's cell last under the cursor (else its
 * first non-zero one) to every later year: the running costs of the
 * handouts. */
static void
fill_item (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (widget);
  guint index = g_variant_get_uint32 (parameter);
  guint n_years, year = 0, pushes;
  g_autofree char *key = NULL;
  ShkCostItem *item;

  if (self->scenario == NULL || stack_of (self) == NULL ||
      (item = shk_scenario_peek_cost_item (self->scenario, index)) == NULL)
    return;
  n_years = shk_scenario_get_n_years (self->scenario);

  if (self->focus_item == (int) index && self->focus_year >= 0)
    year = (guint) self->focus_year;
  else
    while (year + 1 < n_years && shk_cost_item_get_amount (item, year) == 0)
      year++;
  if (year + 1 >= n_years)
    return;

  key = g_strdup_printf ("%p:amount:%u-%u", (gpointer) item, year + 1, n_years - 1);
  pushes = shk_scenario_edit_fold_begin (self->fold, key);
  shk_edit_cost_amounts (stack_of (self), item, year + 1, n_years - 1,
                         shk_cost_item_get_amount (item, year));
  shk_scenario_edit_fold_end (self->fold, key, pushes);
  /* A step of its own: typing into a cell afterwards must not fold
   * into the copy. */
  shk_scenario_edit_fold_reset (self->fold);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_scenario_cost_grid_dispose (GObject *object)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (object);

  self->error_widget = NULL;
  if (self->cursor != NULL)
    g_object_run_dispose (G_OBJECT (self->cursor));
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->cursor);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIO_COST_GRID);
  g_clear_object (&self->fold);
  g_clear_object (&self->plan);
  g_clear_object (&self->scenario);
  g_clear_object (&self->built_for);

  G_OBJECT_CLASS (shk_scenario_cost_grid_parent_class)->dispose (object);
}

static void
shk_scenario_cost_grid_finalize (GObject *object)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (object);

  g_clear_object (&self->rows);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (shk_scenario_cost_grid_parent_class)->finalize (object);
}

static void
shk_scenario_cost_grid_class_init (ShkScenarioCostGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_scenario_cost_grid_dispose;
  object_class->finalize = shk_scenario_cost_grid_finalize;

  /**
   * ShkScenarioCostGrid::show-error:
   * @entry: (nullable): the cell refused, to be marked
   * @message: what is wrong, in words
   */
  signals[SHOW_ERROR] =
    g_signal_new ("show-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, GTK_TYPE_WIDGET, G_TYPE_STRING);
  /**
   * ShkScenarioCostGrid::clear-error:
   * @entry: (nullable): the cell that is right again
   */
  signals[CLEAR_ERROR] =
    g_signal_new ("clear-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);

  /* Emitted when the model's values may have changed; the cells listen. */
  signals[REFRESH] =
    g_signal_new ("refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-scenario-cost-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioCostGrid, group);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioCostGrid, column_view);

  gtk_widget_class_install_action (widget_class, "cost-grid.add", NULL, add_item);
  gtk_widget_class_install_action (widget_class, "cost-grid.remove", "u", remove_item);
  gtk_widget_class_install_action (widget_class, "cost-grid.up", "u", move_item_up);
  gtk_widget_class_install_action (widget_class, "cost-grid.down", "u", move_item_down);
  gtk_widget_class_install_action (widget_class, "cost-grid.fill", "u", fill_item);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariocostgrid");
}

static void
shk_scenario_cost_grid_init (ShkScenarioCostGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->focus_item = -1;
  self->focus_year = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cost-grid.add", FALSE);

  self->cursor = shk_sheet_cursor_new (SHK_SHEET_TABLE (self), self->column_view);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }
}
