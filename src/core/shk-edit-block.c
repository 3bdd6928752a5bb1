/* shk-edit-block.c — a block of typed cells applied as one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "shk-edit-block.h"
#include "shk-edit-measure.h"
#include "shk-edit-process.h"
#include "shk-edit-scenario.h"

typedef struct
{
  guint              row;
  guint              column;
  char              *name;
  char              *text;
  ShkBlockCheckFunc  check;
  ShkBlockApplyFunc  apply;
  gpointer           data;
  GDestroyNotify     destroy;
  ShkBlockCellState  state;
  char              *message;
} Cell;

struct _ShkEditBlock
{
  GArray   *cells;       /* Cell */
  gboolean  checked;
};

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->name);
  g_free (cell->text);
  g_free (cell->message);
  if (cell->destroy != NULL)
    cell->destroy (cell->data);
}

ShkEditBlock *
shk_edit_block_new (void)
{
  ShkEditBlock *self = g_new0 (ShkEditBlock, 1);

  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (self->cells, cell_clear);
  return self;
}

void
shk_edit_block_free (ShkEditBlock *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->cells);
  g_free (self);
}

void
shk_edit_block_add_cell (ShkEditBlock      *self,
                         guint              row,
                         guint              column,
                         const char        *name,
                         const char        *text,
                         ShkBlockCheckFunc  check,
                         ShkBlockApplyFunc  apply,
                         gpointer           data,
                         GDestroyNotify     destroy)
{
  Cell cell = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  cell.row = row;
  cell.column = column;
  cell.name = g_strdup (name);
  cell.text = g_strdup (text != NULL ? text : "");
  cell.check = check;
  cell.apply = apply;
  cell.data = data;
  cell.destroy = destroy;
  cell.state = apply != NULL ? SHK_BLOCK_CELL_ACCEPTED : SHK_BLOCK_CELL_READ_ONLY;
  g_array_append_val (self->cells, cell);
  self->checked = FALSE;
}

void
shk_edit_block_add_read_only (ShkEditBlock *self,
                              guint         row,
                              guint         column,
                              const char   *name)
{
  shk_edit_block_add_cell (self, row, column, name, NULL, NULL, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* The measures' values                                                */

typedef struct
{
  ShkMeasure   *measure;
  guint         index;
  ShkValueKind  kind;
  char         *year_id;
} ValueCell;

static void
value_cell_free (gpointer data)
{
  ValueCell *cell = data;

  g_object_unref (cell->measure);
  g_free (cell->year_id);
  g_free (cell);
}

static gboolean
check_value (gpointer     data,
             const char  *text,
             GError     **error)
{
  ValueCell *cell = data;
  gboolean has_value;
  double value;

  return shk_edit_check_indicator_value_text (cell->measure, cell->index, cell->kind, cell->year_id,
                                              text, &has_value, &value, error);
}

static gboolean
apply_value (gpointer       data,
             ShkUndoStack  *stack,
             const char    *text,
             GError       **error)
{
  ValueCell *cell = data;

  return shk_edit_indicator_value_text (stack, cell->measure, cell->index, cell->kind,
                                        cell->year_id, text, error);
}

void
shk_edit_block_add_indicator_value (ShkEditBlock *self,
                                    guint         row,
                                    guint         column,
                                    ShkMeasure   *measure,
                                    guint         index,
                                    ShkValueKind  kind,
                                    const char   *year_id,
                                    const char   *text)
{
  ValueCell *cell;
  g_autofree char *name = NULL;

  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (year_id != NULL);
  g_return_if_fail (index < g_list_model_get_n_items (shk_measure_get_indicators (measure)));

  cell = g_new0 (ValueCell, 1);
  cell->measure = g_object_ref (measure);
  cell->index = index;
  cell->kind = kind;
  cell->year_id = g_strdup (year_id);
  name = shk_edit_dup_value_cell_name (measure, index, kind, year_id);
  shk_edit_block_add_cell (self, row, column, name, text, check_value, apply_value,
                           cell, value_cell_free);
}

/* ------------------------------------------------------------------ */
/* The processes' cells                                                */

typedef struct
{
  ShkProcess *process;
  char       *key;
} ProcessCell;

static void
process_cell_free (gpointer data)
{
  ProcessCell *cell = data;

  g_object_unref (cell->process);
  g_free (cell->key);
  g_free (cell);
}

static gboolean
check_process (gpointer     data,
               const char  *text,
               GError     **error)
{
  ProcessCell *cell = data;

  return shk_edit_process_check_cell (cell->process, cell->key, text, error);
}

static gboolean
apply_process (gpointer       data,
               ShkUndoStack  *stack,
               const char    *text,
               GError       **error)
{
  ProcessCell *cell = data;

  return shk_edit_process_cell (stack, cell->process, cell->key, text, error);
}

void
shk_edit_block_add_process_cell (ShkEditBlock *self,
                                 guint         row,
                                 guint         column,
                                 ShkProcess   *process,
                                 const char   *key,
                                 const char   *text)
{
  ProcessCell *cell;
  g_autofree char *name = NULL;

  g_return_if_fail (SHK_IS_PROCESS (process));
  g_return_if_fail (key != NULL);

  cell = g_new0 (ProcessCell, 1);
  cell->process = g_object_ref (process);
  cell->key = g_strdup (key);
  /* TRANSLATORS: a process cell in messages: "“Payroll” hours". */
  if (g_str_equal (key, "name"))
    name = g_strdup_printf (_("“%s” name"), shk_process_get_name (process));
  else if (g_str_equal (key, "hours"))
    name = g_strdup_printf (_("“%s” hours"), shk_process_get_name (process));
  else
    name = g_strdup_printf (_("“%s” expected reduction"), shk_process_get_name (process));
  shk_edit_block_add_cell (self, row, column, name, text, check_process, apply_process,
                           cell, process_cell_free);
}

/* ------------------------------------------------------------------ */
/* The scenarios' costs                                                */

typedef struct
{
  ShkPlan     *plan;
  ShkScenario *scenario;
  guint        item;
  guint        year;
} CostCell;

static void
cost_cell_free (gpointer data)
{
  CostCell *cell = data;

  g_object_unref (cell->plan);
  g_object_unref (cell->scenario);
  g_free (cell);
}

static gboolean
check_cost (gpointer     data,
            const char  *text,
            GError     **error)
{
  CostCell *cell = data;
  gboolean changes;

  return shk_edit_scenario_check_cost (cell->plan, cell->scenario, cell->item, cell->year,
                                       cell->year, text, &changes, error);
}

static gboolean
apply_cost (gpointer       data,
            ShkUndoStack  *stack,
            const char    *text,
            GError       **error)
{
  CostCell *cell = data;
  gboolean changes;

  /* An unchanged cost would only add an empty step to the group. */
  if (!shk_edit_scenario_check_cost (cell->plan, cell->scenario, cell->item, cell->year,
                                     cell->year, text, &changes, error))
    return FALSE;
  return !changes || shk_edit_scenario_cost (stack, cell->plan, cell->scenario, cell->item,
                                             cell->year, cell->year, text, error);
}

void
shk_edit_block_add_cost (ShkEditBlock *self,
                         guint         row,
                         guint         column,
                         ShkPlan      *plan,
                         ShkScenario  *scenario,
                         guint         item,
                         guint         year,
                         const char   *text)
{
  CostCell *cell;
  g_autofree char *year_label = NULL;
  g_autofree char *name = NULL;
  ShkCostItem *cost_item;

  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));

  cost_item = shk_scenario_peek_cost_item (scenario, item);
  g_return_if_fail (cost_item != NULL);
  cell = g_new0 (CostCell, 1);
  cell->plan = g_object_ref (plan);
  cell->scenario = g_object_ref (scenario);
  cell->item = item;
  cell->year = year;
  year_label = shk_scenario_dup_year_label (scenario, year);
  /* TRANSLATORS: a cost cell in messages: "Licences, year 2". */
  name = g_strdup_printf (_("%s, %s"), shk_cost_item_get_name (cost_item), year_label);
  shk_edit_block_add_cell (self, row, column, name, text, check_cost, apply_cost,
                           cell, cost_cell_free);
}

/* ------------------------------------------------------------------ */
/* Checking and applying                                               */

guint
shk_edit_block_check (ShkEditBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
      g_autoptr(GError) error = NULL;

      if (cell->apply == NULL)
        continue;
      g_clear_pointer (&cell->message, g_free);
      if (cell->check == NULL || cell->check (cell->data, cell->text, &error))
        cell->state = SHK_BLOCK_CELL_ACCEPTED;
      else
        {
          cell->state = SHK_BLOCK_CELL_REFUSED;
          cell->message = g_strdup (error != NULL ? error->message : "");
        }
    }
  self->checked = TRUE;
  return shk_edit_block_count (self, SHK_BLOCK_CELL_REFUSED);
}

guint
shk_edit_block_get_n_cells (ShkEditBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->cells->len;
}

guint
shk_edit_block_count (ShkEditBlock      *self,
                      ShkBlockCellState  state)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->cells->len; i++)
    if (g_array_index (self->cells, Cell, i).state == state)
      n++;
  return n;
}

ShkBlockCellState
shk_edit_block_get_cell (ShkEditBlock  *self,
                         guint          i,
                         guint         *row,
                         guint         *column,
                         const char   **name,
                         const char   **message)
{
  Cell *cell;

  g_return_val_if_fail (self != NULL, SHK_BLOCK_CELL_READ_ONLY);
  g_return_val_if_fail (i < self->cells->len, SHK_BLOCK_CELL_READ_ONLY);

  cell = &g_array_index (self->cells, Cell, i);
  if (row != NULL)
    *row = cell->row;
  if (column != NULL)
    *column = cell->column;
  if (name != NULL)
    *name = cell->name;
  if (message != NULL)
    *message = cell->message;
  return cell->state;
}

char *
shk_edit_block_dup_report (ShkEditBlock *self)
{
  GString *report = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, g_string_free (report, FALSE));

  if (!self->checked)
    shk_edit_block_check (self);
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);

      /* Places are counted from 1, as a spreadsheet's rows are. */
      if (cell->state == SHK_BLOCK_CELL_REFUSED)
        g_string_append_printf (report, _("Row %u, column %u: %s\n"),
                                cell->row + 1, cell->column + 1, cell->message);
      else if (cell->state == SHK_BLOCK_CELL_READ_ONLY)
        g_string_append_printf (report, _("Row %u, column %u: %s cannot be edited; skipped\n"),
                                cell->row + 1, cell->column + 1, cell->name);
    }
  return g_string_free (report, FALSE);
}

guint
shk_edit_block_apply (ShkEditBlock *self,
                      ShkUndoStack *stack,
                      const char   *label)
{
  guint applied = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), 0);

  if (!self->checked)
    shk_edit_block_check (self);

  shk_undo_stack_begin_group (stack, label);
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
      g_autoptr(GError) error = NULL;

      if (cell->state != SHK_BLOCK_CELL_ACCEPTED)
        continue;
      /* An earlier cell of the block may have changed what this one
       * checked against; it is then refused like any other. */
      if (cell->apply (cell->data, stack, cell->text, &error))
        applied++;
      else
        {
          cell->state = SHK_BLOCK_CELL_REFUSED;
          cell->message = g_strdup (error != NULL ? error->message : "");
        }
    }
  shk_undo_stack_end_group (stack);
  return applied;
}
