/* shk-edit-block.h — a block of typed cells applied as one undo step
 *
 * A paste or a Delete over a range touches many cells of a table. Each
 * cell is first checked on its own (a refused cell names itself and says
 * why), read-only cells are noted and skipped, and then every accepted
 * cell is applied inside one undo group, so one undo takes the whole
 * block back. The tables add their cells with the check and apply
 * functions of their own edits; the measures' values have a helper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-edit.h"
#include "shk-plan.h"
#include "shk-process.h"

G_BEGIN_DECLS

/* Checks @text for the cell @data without changing anything. */
typedef gboolean (*ShkBlockCheckFunc) (gpointer       data,
                                       const char    *text,
                                       GError       **error);
/* Applies @text (already checked) through @stack. */
typedef gboolean (*ShkBlockApplyFunc) (gpointer       data,
                                       ShkUndoStack  *stack,
                                       const char    *text,
                                       GError       **error);

typedef enum
{
  SHK_BLOCK_CELL_ACCEPTED,
  SHK_BLOCK_CELL_REFUSED,
  SHK_BLOCK_CELL_READ_ONLY,
} ShkBlockCellState;

typedef struct _ShkEditBlock ShkEditBlock;

ShkEditBlock      *shk_edit_block_new              (void);
void               shk_edit_block_free             (ShkEditBlock      *self);

/* A cell of the block: @row and @column are its place in the pasted
 * block, @name what messages call it ("No.12 R2 actual"). */
void               shk_edit_block_add_cell         (ShkEditBlock      *self,
                                                    guint              row,
                                                    guint              column,
                                                    const char        *name,
                                                    const char        *text,
                                                    ShkBlockCheckFunc  check,
                                                    ShkBlockApplyFunc  apply,
                                                    gpointer           data,
                                                    GDestroyNotify     destroy);
/* A cell that cannot take a value (a name, a computed rate): skipped. */
void               shk_edit_block_add_read_only    (ShkEditBlock      *self,
                                                    guint              row,
                                                    guint              column,
                                                    const char        *name);
/* The target or actual of a year of the @index-th indicator of @measure. */
void               shk_edit_block_add_indicator_value (ShkEditBlock   *self,
                                                    guint              row,
                                                    guint              column,
                                                    ShkMeasure        *measure,
                                                    guint              index,
                                                    ShkValueKind       kind,
                                                    const char        *year_id,
                                                    const char        *text);
/* A cell ("name", "hours", "expected-reduction") of a process. */
void               shk_edit_block_add_process_cell (ShkEditBlock      *self,
                                                    guint              row,
                                                    guint              column,
                                                    ShkProcess        *process,
                                                    const char        *key,
                                                    const char        *text);

/* The cost of the @item-th cost item of @scenario in year @year. */
void               shk_edit_block_add_cost         (ShkEditBlock      *self,
                                                    guint              row,
                                                    guint              column,
                                                    ShkPlan           *plan,
                                                    ShkScenario       *scenario,
                                                    guint              item,
                                                    guint              year,
                                                    const char        *text);

/* Checks every cell; returns how many are refused. */
guint              shk_edit_block_check            (ShkEditBlock      *self);
guint              shk_edit_block_get_n_cells      (ShkEditBlock      *self);
guint              shk_edit_block_count            (ShkEditBlock      *self,
                                                    ShkBlockCellState  state);
/* The @i-th cell as added, and after a check its state and message. */
ShkBlockCellState  shk_edit_block_get_cell         (ShkEditBlock      *self,
                                                    guint              i,
                                                    guint             *row,
                                                    guint             *column,
                                                    const char       **name,
                                                    const char       **message);
/* One line per refused or skipped cell, to show before applying. */
char              *shk_edit_block_dup_report       (ShkEditBlock      *self);
/* Applies the accepted cells (checking first if not yet checked) as one
 * undo entry labelled @label; returns how many were applied. */
guint              shk_edit_block_apply            (ShkEditBlock      *self,
                                                    ShkUndoStack      *stack,
                                                    const char        *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkEditBlock, shk_edit_block_free)

G_END_DECLS
