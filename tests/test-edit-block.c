/* test-edit-block.c — pasted blocks and their numbers, in the core
 *
 * A block of cells as a spreadsheet copies it (TSV, with its quoting) is
 * read, each cell checked as the staff type figures ("3,512", full-width
 * digits, "12.5%", empty = no value), refusals named, read-only cells
 * skipped, and everything accepted applied as ONE undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "shk-edit-block.h"
#include "shk-edit-measure.h"
#include "shk-tsv.h"

static ShkMeasure *
make_measure (guint number)
{
  ShkMeasure *measure = shk_measure_new (number);
  g_autoptr(ShkIndicator) indicator = shk_indicator_new ();

  shk_indicator_set_unit (indicator, "%");
  shk_indicator_set_actual (indicator, "R2", 1);
  shk_measure_append_indicator (measure, indicator);
  return measure;
}

static void
test_tsv_parse (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  /* Excel: CR LF, a final newline, a quoted cell with a tab, a newline
   * and a doubled quote; an empty cell; a quote inside a cell. */
  rows = shk_tsv_parse ("3,512\t\"a\tb\"\r\n\"x\ny\"\"z\"\t\r\n12\"\t１２\r\n");
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (shk_tsv_get_n_columns (rows), ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "3,512");
  g_assert_cmpstr (row[1], ==, "a\tb");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[0], ==, "x\ny\"z");
  g_assert_cmpstr (row[1], ==, "");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[0], ==, "12\"");
  g_assert_cmpstr (row[1], ==, "１２");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One cell without a newline; a trailing tab is an empty last cell. */
  rows = shk_tsv_parse ("7\t");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = shk_tsv_parse ("\xff\xfe");
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_tsv_format (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) back = NULL;
  const char *first[] = { "No.1", "3,300", "a\tb", NULL };
  const char *second[] = { "<x>", "", "say \"hi\"", NULL };
  g_autofree char *tsv = NULL;
  g_autofree char *html = NULL;

  g_ptr_array_add (rows, g_strdupv ((char **) first));
  g_ptr_array_add (rows, g_strdupv ((char **) second));
  tsv = shk_tsv_format (rows);
  g_assert_cmpstr (tsv, ==, "No.1\t3,300\t\"a\tb\"\n<x>\t\t\"say \"\"hi\"\"\"\n");

  /* What is written reads back the same. */
  back = shk_tsv_parse (tsv);
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (back, 1))[2], ==, "say \"hi\"");
  g_assert_cmpstr (((char **) g_ptr_array_index (back, 0))[2], ==, "a\tb");

  html = shk_tsv_format_html (rows);
  g_assert_nonnull (strstr (html, "<tr><td>No.1</td><td>3,300</td><td>a\tb</td></tr>"));
  g_assert_nonnull (strstr (html, "<td>&lt;x&gt;</td><td></td>"));
}

static void
test_check_numbers (void)
{
  g_autoptr(ShkMeasure) measure = make_measure (3);
  g_autoptr(GError) error = NULL;
  gboolean has_value = TRUE;
  double value = 0;

  g_assert_true (shk_edit_check_indicator_value_text (measure, 0, SHK_VALUE_ACTUAL, "R2", "3,512",
                                                      &has_value, &value, &error));
  g_assert_true (has_value);
  g_assert_cmpfloat (value, ==, 3512);
  g_assert_true (shk_edit_check_indicator_value_text (measure, 0, SHK_VALUE_ACTUAL, "R2", "３５１２",
                                                      &has_value, &value, &error));
  g_assert_cmpfloat (value, ==, 3512);
  g_assert_true (shk_edit_check_indicator_value_text (measure, 0, SHK_VALUE_ACTUAL, "R2", "12.5%",
                                                      &has_value, &value, &error));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_true (shk_edit_check_indicator_value_text (measure, 0, SHK_VALUE_ACTUAL, "R2", " ",
                                                      &has_value, &value, &error));
  g_assert_false (has_value);
  g_assert_no_error (error);

  /* Checking changes nothing, even for a valid figure. */
  g_assert_true (shk_indicator_get_actual (shk_measure_get_indicator (measure, 0), "R2", &value));
  g_assert_cmpfloat (value, ==, 1);

  g_assert_false (shk_edit_check_indicator_value_text (measure, 0, SHK_VALUE_ACTUAL, "R2", "12,34",
                                                       &has_value, &value, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "No.3 R2 actual: “12,34” is not a number");
}

static void
test_block_one_undo_step (void)
{
  g_autoptr(ShkMeasure) first = make_measure (1);
  g_autoptr(ShkMeasure) second = make_measure (2);
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkEditBlock) block = shk_edit_block_new ();
  g_autofree char *report = NULL;
  ShkIndicator *a = shk_measure_get_indicator (first, 0);
  ShkIndicator *b = shk_measure_get_indicator (second, 0);
  const char *name, *message;
  guint row, column;
  double value;

  /* A 2×3 block: a read-only column, R2 and R3 actuals; one refusal. */
  shk_edit_block_add_read_only (block, 0, 0, "No.1 measure");
  shk_edit_block_add_indicator_value (block, 0, 1, first, 0, SHK_VALUE_ACTUAL, "R2", "3,512");
  shk_edit_block_add_indicator_value (block, 0, 2, first, 0, SHK_VALUE_ACTUAL, "R3", "１２．５％");
  shk_edit_block_add_read_only (block, 1, 0, "No.2 measure");
  shk_edit_block_add_indicator_value (block, 1, 1, second, 0, SHK_VALUE_ACTUAL, "R2", "");
  shk_edit_block_add_indicator_value (block, 1, 2, second, 0, SHK_VALUE_ACTUAL, "R3", "n/a");

  g_assert_cmpuint (shk_edit_block_check (block), ==, 1);
  g_assert_cmpuint (shk_edit_block_get_n_cells (block), ==, 6);
  g_assert_cmpuint (shk_edit_block_count (block, SHK_BLOCK_CELL_ACCEPTED), ==, 3);
  g_assert_cmpuint (shk_edit_block_count (block, SHK_BLOCK_CELL_READ_ONLY), ==, 2);
  g_assert_cmpint (shk_edit_block_get_cell (block, 5, &row, &column, &name, &message), ==,
                   SHK_BLOCK_CELL_REFUSED);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (column, ==, 2);
  g_assert_cmpstr (name, ==, "No.2 R3 actual");
  g_assert_cmpstr (message, ==, "No.2 R3 actual: “n/a” is not a number");
  report = shk_edit_block_dup_report (block);
  g_assert_cmpstr (report, ==,
                   "Row 1, column 1: No.1 measure cannot be edited; skipped\n"
                   "Row 2, column 1: No.2 measure cannot be edited; skipped\n"
                   "Row 2, column 3: No.2 R3 actual: “n/a” is not a number\n");

  /* Nothing changed before applying. */
  g_assert_true (shk_indicator_get_actual (a, "R2", &value));
  g_assert_cmpfloat (value, ==, 1);

  g_assert_cmpuint (shk_edit_block_apply (block, stack, "Paste 6 cells"), ==, 3);
  g_assert_true (shk_indicator_get_actual (a, "R2", &value));
  g_assert_cmpfloat (value, ==, 3512);
  g_assert_true (shk_indicator_get_actual (a, "R3", &value));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_false (shk_indicator_get_actual (b, "R2", NULL));
  g_assert_false (shk_indicator_get_actual (b, "R3", NULL));
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste 6 cells");

  /* One undo takes the whole block back. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_true (shk_indicator_get_actual (a, "R2", &value));
  g_assert_cmpfloat (value, ==, 1);
  g_assert_false (shk_indicator_get_actual (a, "R3", NULL));
  g_assert_true (shk_indicator_get_actual (b, "R2", &value));
  g_assert_cmpfloat (value, ==, 1);

  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_true (shk_indicator_get_actual (a, "R2", &value));
  g_assert_cmpfloat (value, ==, 3512);
}

static void
test_block_process_cells (void)
{
  g_autoptr(ShkProcess) process = shk_process_new ("p1");
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkEditBlock) block = shk_edit_block_new ();

  shk_process_set_name (process, "Payroll");
  shk_process_set_hours (process, 10);
  shk_edit_block_add_process_cell (block, 0, 0, process, "name", "");
  shk_edit_block_add_process_cell (block, 0, 1, process, "hours", "1,200");
  g_assert_cmpuint (shk_edit_block_check (block), ==, 1);
  g_assert_cmpuint (shk_edit_block_apply (block, stack, "Paste"), ==, 1);
  g_assert_cmpstr (shk_process_get_name (process), ==, "Payroll");
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 1200);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (shk_process_get_hours (process), ==, 10);

  /* A block with nothing accepted leaves no undo step. */
  g_clear_pointer (&block, shk_edit_block_free);
  block = shk_edit_block_new ();
  shk_edit_block_add_process_cell (block, 0, 0, process, "hours", "many");
  g_assert_cmpuint (shk_edit_block_apply (block, stack, "Paste"), ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tsv/parse", test_tsv_parse);
  g_test_add_func ("/tsv/format", test_tsv_format);
  g_test_add_func ("/edit-block/check-numbers", test_check_numbers);
  g_test_add_func ("/edit-block/one-undo-step", test_block_one_undo_step);
  g_test_add_func ("/edit-block/process-cells", test_block_process_cells);
  return g_test_run ();
}
