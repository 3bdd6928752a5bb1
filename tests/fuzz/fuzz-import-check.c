/* fuzz-import-check.c — the checks the CSV and XLSX targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "shk-format.h"
#include "shk-import.h"

#include "fuzz-common.h"
#include "fuzz-import-check.h"

/* The built-in plan: the import's own tests and the exported seeds use it,
 * so that fuzzed rows match real measures and indicators. It lives as long
 * as the process; every input leaves it as it was (checked below). */
static ShkPlan *builtin_plan;

void
fuzz_import_init (void)
{
  fuzz_make_criticals_fatal ();
  if (builtin_plan == NULL)
    builtin_plan = shk_builtin_plan_new ();
}

void
fuzz_import_check_sheet (ShkSheet *sheet)
{
  guint n_rows = shk_sheet_get_n_rows (sheet);

  if (!g_utf8_validate (shk_sheet_get_name (sheet), -1, NULL))
    FUZZ_FAIL ("a sheet name is not UTF-8");
  for (guint row = 0; row < n_rows; row++)
    {
      guint n_columns = shk_sheet_get_n_columns (sheet, row);

      /* One past the end must answer "" too. */
      for (guint column = 0; column <= n_columns; column++)
        {
          gboolean is_number = FALSE;
          const char *text = shk_sheet_get_cell (sheet, row, column, &is_number);

          if (text == NULL || !g_utf8_validate (text, -1, NULL))
            FUZZ_FAIL ("cell %u:%u is not UTF-8", row, column);
          if (column == n_columns && text[0] != '\0')
            FUZZ_FAIL ("cell %u:%u, past the end of its row, is not empty", row, column);
        }
    }
  if (shk_sheet_get_cell (sheet, n_rows, 0, NULL)[0] != '\0')
    FUZZ_FAIL ("a row past the end of the sheet is not empty");
}

static void
check_problems (GPtrArray  *problems,
                const char *what)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const ShkImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        FUZZ_FAIL ("%s %u has a message that is not UTF-8", what, i);
      if (problem->text == NULL || !g_utf8_validate (problem->text, -1, NULL))
        FUZZ_FAIL ("%s %u quotes text that is not UTF-8", what, i);
    }
}

static gboolean
get_value (const ShkImportChange *change,
           double                *value)
{
  return change->kind == SHK_VALUE_TARGET
    ? shk_indicator_get_target (change->indicator, change->year_id, value)
    : shk_indicator_get_actual (change->indicator, change->year_id, value);
}

/* Apply, then undo: the plan must be back as it was before. The preview's
 * old values were read before anything was applied, so they hold even
 * when a sheet sets the same value twice. */
static void
check_apply_and_undo (ShkImport *import)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  GPtrArray *changes = shk_import_get_changes (import);
  guint applied;

  applied = shk_import_apply (import, stack);
  if (applied != changes->len)
    FUZZ_FAIL ("applying changed %u values of %u", applied, changes->len);
  if (shk_import_apply (import, stack) != 0)
    FUZZ_FAIL ("applying twice applied something the second time");
  if (applied == 0)
    return;
  if (!shk_undo_stack_undo (stack))
    FUZZ_FAIL ("an applied import cannot be undone");
  if (shk_undo_stack_can_undo (stack))
    FUZZ_FAIL ("an import was more than one undo step");

  for (guint i = 0; i < changes->len; i++)
    {
      const ShkImportChange *change = g_ptr_array_index (changes, i);
      double value = 0;
      gboolean has_value = get_value (change, &value);

      if (has_value != change->had_value || (has_value && value != change->old_value))
        FUZZ_FAIL ("undo did not give back the value of change %u (row %u, column %u)",
                   i, change->row, change->column);
    }
}

void
fuzz_import_check_bytes (GBytes     *bytes,
                         const char *display_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autofree char *description = NULL;
  GPtrArray *changes;

  import = shk_import_new_from_bytes (builtin_plan, bytes, display_name, &error);
  if (import == NULL)
    {
      fuzz_check_message (error, "importing the input");
      return;
    }

  description = shk_import_describe (import);
  if (description == NULL || !g_utf8_validate (description, -1, NULL))
    FUZZ_FAIL ("the import's description is not UTF-8");
  if (!g_utf8_validate (shk_import_get_sheet_name (import), -1, NULL))
    FUZZ_FAIL ("the import's sheet name is not UTF-8");
  check_problems (shk_import_get_unmatched (import), "unmatched row");
  check_problems (shk_import_get_problems (import), "problem");

  changes = shk_import_get_changes (import);
  for (guint i = 0; i < changes->len; i++)
    {
      const ShkImportChange *change = g_ptr_array_index (changes, i);

      if (change->measure == NULL || change->indicator == NULL || change->year_id == NULL)
        FUZZ_FAIL ("change %u is incomplete", i);
      /* The file format refuses numbers beyond ±10¹⁵ (docs/file-format.md):
       * an imported value outside would make the saved plan unreadable. */
      if (change->has_value && !(fabs (change->new_value) <= 1e15) && !fuzz_skips ("import-range"))
        FUZZ_FAIL ("change %u (row %u, column %u) imports %g, which no plan file can hold",
                   i, change->row, change->column, change->new_value);
    }

  check_apply_and_undo (import);
}
