/* test-import.c — targets and actuals read back from CSV and XLSX
 *
 * The round trip is the promise to the user: export, edit a few cells in
 * a spreadsheet, import, and exactly those values change, as one step
 * that undo takes back. Files that match nothing change nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER
# include <glib/gstdio.h>
# include <xlsxwriter.h>
#endif

#include "shk-format.h"
#include "shk-import.h"
#include "shk-table-export.h"

/* A sheet as a grid of strings the test can edit. */
typedef struct
{
  GPtrArray *rows;   /* GPtrArray of char * */
} Grid;

static Grid *
grid_from_sheet (ShkSheet *sheet)
{
  Grid *grid = g_new0 (Grid, 1);

  grid->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint r = 0; r < shk_sheet_get_n_rows (sheet); r++)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < shk_sheet_get_n_columns (sheet, r); c++)
        g_ptr_array_add (row, g_strdup (shk_sheet_get_cell (sheet, r, c, NULL)));
      g_ptr_array_add (grid->rows, row);
    }
  return grid;
}

static void
grid_free (Grid *grid)
{
  g_ptr_array_unref (grid->rows);
  g_free (grid);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Grid, grid_free)

static guint
grid_column (Grid       *grid,
             const char *heading)
{
  GPtrArray *headings = g_ptr_array_index (grid->rows, 0);

  for (guint c = 0; c < headings->len; c++)
    if (g_str_equal (g_ptr_array_index (headings, c), heading))
      return c;
  g_error ("no column “%s”", heading);
  return 0;
}

/* The row of measure @number's indicator @index (1-based). */
static guint
grid_row (Grid  *grid,
          guint  number,
          guint  index)
{
  guint number_column = grid_column (grid, "No.");
  guint index_column = grid_column (grid, "Indicator No.");

  for (guint r = 1; r < grid->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (grid->rows, r);

      if (g_ascii_strtoull (g_ptr_array_index (row, number_column), NULL, 10) == number &&
          g_ascii_strtoull (g_ptr_array_index (row, index_column), NULL, 10) == index)
        return r;
    }
  g_error ("no row for No.%u/%u", number, index);
  return 0;
}

static void
grid_set (Grid       *grid,
          guint       row,
          guint       column,
          const char *text)
{
  GPtrArray *cells = g_ptr_array_index (grid->rows, row);

  g_free (g_ptr_array_index (cells, column));
  g_ptr_array_index (cells, column) = g_strdup (text);
}

/* Written as a spreadsheet would: quoted only where needed, LF ends. */
static GBytes *
grid_to_csv (Grid *grid)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < grid->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (grid->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          const char *text = g_ptr_array_index (row, c);

          if (c > 0)
            g_string_append_c (out, ',');
          if (strpbrk (text, ",\"\n") != NULL)
            {
              g_autofree char *escaped = NULL;
              g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

              escaped = g_strjoinv ("\"\"", parts);
              g_string_append_printf (out, "\"%s\"", escaped);
            }
          else
            g_string_append (out, text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free_to_bytes (out);
}

static Grid *
export_grid (ShkPlan *plan)
{
  g_autoptr(GBytes) bytes = shk_table_export_csv (plan, SHK_TABLE_MEASURES);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkSheet) sheet = shk_sheet_read_csv (bytes, &error);

  g_assert_no_error (error);
  return grid_from_sheet (sheet);
}

static ShkIndicator *
indicator_of (ShkPlan *plan,
              guint    number,
              guint    index)
{
  ShkMeasure *measure = shk_plan_find_measure (plan, number, NULL);
  g_autoptr(ShkIndicator) indicator = NULL;

  g_assert_nonnull (measure);
  indicator = g_list_model_get_item (shk_measure_get_indicators (measure), index - 1);
  g_assert_nonnull (indicator);
  return indicator;   /* the measure keeps it alive */
}

static char *
plan_json (ShkPlan *plan)
{
  return shk_format_to_data (plan, NULL);
}

static ShkImport *
import_bytes (ShkPlan *plan,
              GBytes  *bytes)
{
  g_autoptr(GError) error = NULL;
  ShkImport *import = shk_import_new_from_bytes (plan, bytes, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
test_csv_unchanged (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GBytes) bytes = shk_table_export_csv (plan, SHK_TABLE_MEASURES);
  g_autoptr(ShkImport) import = import_bytes (plan, bytes);
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();

  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_unmatched (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_apply (import, stack), ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));
}

static void
test_csv_round_trip (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkPlan) expected = shk_builtin_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(Grid) grid = export_grid (plan);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autofree char *before = plan_json (plan);
  g_autofree char *after = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *description = NULL;
  GPtrArray *changes;
  const ShkImportChange *change;
  double old_actual;

  /* Three edits as staff make them: a new actual typed with separators,
   * a target changed, an actual deleted. Other cells (rates, grades,
   * names) are edited too, and must be ignored. */
  g_assert_true (shk_indicator_get_actual (indicator_of (plan, 1, 1), "R2", &old_actual));
  grid_set (grid, grid_row (grid, 1, 1), grid_column (grid, "Actual R2"), "3,800,000");
  grid_set (grid, grid_row (grid, 18, 2), grid_column (grid, "Target R3"), "85");
  grid_set (grid, grid_row (grid, 21, 1), grid_column (grid, "Actual R1"), "");
  grid_set (grid, grid_row (grid, 21, 1), grid_column (grid, "Rate R2/R3"), "1%");
  grid_set (grid, grid_row (grid, 21, 1), grid_column (grid, "Measure"), "renamed");
  bytes = grid_to_csv (grid);

  import = import_bytes (plan, bytes);
  changes = shk_import_get_changes (import);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (shk_import_get_unmatched (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_problems (import)->len, ==, 0);

  change = g_ptr_array_index (changes, 0);
  g_assert_cmpuint (shk_measure_get_number (change->measure), ==, 1);
  g_assert_cmpint (change->kind, ==, SHK_VALUE_ACTUAL);
  g_assert_cmpstr (change->year_id, ==, "R2");
  g_assert_true (change->had_value && change->has_value);
  g_assert_cmpfloat (change->old_value, ==, old_actual);
  g_assert_cmpfloat (change->new_value, ==, 3800000);

  change = g_ptr_array_index (changes, 1);
  g_assert_cmpuint (shk_measure_get_number (change->measure), ==, 18);
  g_assert_cmpuint (change->indicator_index, ==, 1);
  g_assert_cmpint (change->kind, ==, SHK_VALUE_TARGET);
  g_assert_cmpfloat (change->new_value, ==, 85);

  change = g_ptr_array_index (changes, 2);
  g_assert_cmpuint (shk_measure_get_number (change->measure), ==, 21);
  g_assert_true (change->had_value);
  g_assert_false (change->has_value);

  description = shk_import_describe (import);
  g_assert_nonnull (strstr (description, "3 values change"));
  g_assert_nonnull (strstr (description, "→ 3,800,000"));

  /* Nothing changes before the user confirms. */
  after = plan_json (plan);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_cmpuint (shk_import_apply (import, stack), ==, 3);

  /* Exactly the edited values changed. */
  shk_indicator_set_actual (indicator_of (expected, 1, 1), "R2", 3800000);
  shk_indicator_set_target (indicator_of (expected, 18, 2), "R3", 85);
  shk_indicator_unset_actual (indicator_of (expected, 21, 1), "R1");
  wanted = plan_json (expected);
  after = plan_json (plan);
  g_assert_cmpstr (after, ==, wanted);

  /* One undoable step. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  undone = plan_json (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (shk_undo_stack_redo (stack));
  redone = plan_json (plan);
  g_assert_cmpstr (redone, ==, wanted);

  /* Applying a preview twice does nothing the second time. */
  g_assert_cmpuint (shk_import_apply (import, stack), ==, 0);
}

static void
test_unknown_measures (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  const char *text = "No.,Indicator,Actual R2\r\n"
                     "999,トップページへのアクセス数,5\r\n"
                     "1000,,6\r\n"
                     "1,no such indicator,7\r\n";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autofree char *before = plan_json (plan);
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;
  GPtrArray *unmatched;
  const ShkImportProblem *problem;

  bytes = g_bytes_new_static (text, strlen (text));

  import = import_bytes (plan, bytes);
  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 0);
  unmatched = shk_import_get_unmatched (import);
  g_assert_cmpuint (unmatched->len, ==, 3);

  problem = g_ptr_array_index (unmatched, 0);
  g_assert_cmpuint (problem->row, ==, 1);
  g_assert_cmpstr (problem->text, ==, "999");
  g_assert_nonnull (strstr (problem->message, "Row 2"));
  g_assert_nonnull (strstr (problem->message, "No.999"));
  problem = g_ptr_array_index (unmatched, 1);
  g_assert_nonnull (strstr (problem->message, "No.1000"));
  problem = g_ptr_array_index (unmatched, 2);
  g_assert_nonnull (strstr (problem->message, "Row 4"));
  g_assert_nonnull (strstr (problem->message, "no such indicator"));

  description = shk_import_describe (import);
  g_assert_nonnull (strstr (description, "3 rows match nothing"));

  g_assert_cmpuint (shk_import_apply (import, stack), ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));
  after = plan_json (plan);
  g_assert_cmpstr (after, ==, before);
}

static void
test_not_numbers (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const char *text = "No.,Indicator No.,Target R3,Actual R2\n"
                     "1,1,lots,3742282\n"
                     "2,1,274000,１２３\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(ShkImport) import = import_bytes (plan, bytes);
  GPtrArray *problems = shk_import_get_problems (import);
  GPtrArray *changes = shk_import_get_changes (import);
  const ShkImportProblem *problem;
  const ShkImportChange *change;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->row, ==, 1);
  g_assert_cmpuint (problem->column, ==, 2);
  g_assert_cmpstr (problem->text, ==, "lots");
  g_assert_nonnull (strstr (problem->message, "C2"));
  g_assert_nonnull (strstr (problem->message, "Target R3"));

  /* Full-width digits are a number; the other cells of the row stand. */
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpuint (shk_measure_get_number (change->measure), ==, 2);
  g_assert_cmpfloat (change->new_value, ==, 123);
}

static void
test_shift_jis (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const char *utf8 = "No.,Indicator,Actual R2\r\n1,トップページへのアクセス数,4000000\r\n";
  g_autofree char *sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (sjis, strlen (sjis));
  g_autoptr(ShkImport) import = import_bytes (plan, bytes);
  const ShkImportChange *change;

  g_assert_cmpuint (shk_import_get_unmatched (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 1);
  change = g_ptr_array_index (shk_import_get_changes (import), 0);
  g_assert_cmpfloat (change->new_value, ==, 4000000);
}

static void
test_bad_files (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  ShkImport *import;

  bytes = g_bytes_new_static ("Name,Value\nx,1\n", 15);
  import = shk_import_new_from_bytes (plan, bytes, "values.csv", &error);
  g_assert_null (import);
  g_assert_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_NO_HEADINGS);
  g_assert_true (g_str_has_prefix (error->message, "values.csv: "));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = g_bytes_new_static ("No.,Actual R2\n1,\"open\n", 22);
  import = shk_import_new_from_bytes (plan, bytes, "values.csv", &error);
  g_assert_null (import);
  g_assert_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A truncated workbook is refused with a message, never read half. */
  if (shk_table_export_can_write_xlsx ())
    {
      xlsx = shk_table_export_xlsx (plan, SHK_TABLE_MEASURES, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_from_bytes (xlsx, 0, g_bytes_get_size (xlsx) / 2);
      import = shk_import_new_from_bytes (plan, bytes, "values.xlsx", &error);
      g_assert_null (import);
      g_assert_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, "damaged"));
    }
}

static void
test_xlsx_unchanged (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (!shk_table_export_can_write_xlsx ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }

  bytes = shk_table_export_xlsx (plan, SHK_TABLE_ALL, &error);
  g_assert_no_error (error);
  import = import_bytes (plan, bytes);
  g_assert_cmpstr (shk_import_get_sheet_name (import), ==, "Measures");
  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_unmatched (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_problems (import)->len, ==, 0);
}

/* A workbook as someone makes it by hand: a title above the headings,
 * numbers typed as numbers or as text, a second sheet first. */
static void
test_xlsx_edited (void)
{
#ifdef HAVE_XLSXWRITER
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *notes, *values;
  char *contents;
  gsize length;
  GPtrArray *changes;
  const ShkImportChange *change;

  path = g_build_filename (g_get_tmp_dir (), "edited.xlsx", NULL);
  workbook = workbook_new (path);
  notes = workbook_add_worksheet (workbook, "Notes");
  worksheet_write_string (notes, 0, 0, "Nothing to import here", NULL);
  values = workbook_add_worksheet (workbook, "R2 figures");
  worksheet_write_string (values, 0, 0, "Figures for the committee", NULL);
  worksheet_write_string (values, 2, 0, "No.", NULL);
  worksheet_write_string (values, 2, 1, "Indicator", NULL);
  worksheet_write_string (values, 2, 2, "Actual R2", NULL);
  worksheet_write_string (values, 2, 3, "Target R3", NULL);
  worksheet_write_number (values, 3, 0, 1, NULL);
  worksheet_write_string (values, 3, 1, "トップページへのアクセス数", NULL);
  worksheet_write_number (values, 3, 2, 3742282.5, NULL);
  worksheet_write_string (values, 3, 3, "3,500,000", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (contents, length);
  g_unlink (path);

  import = import_bytes (plan, bytes);
  g_assert_cmpstr (shk_import_get_sheet_name (import), ==, "R2 figures");
  changes = shk_import_get_changes (import);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpfloat (change->new_value, ==, 3742282.5);
  g_assert_cmpuint (change->row, ==, 3);
  g_assert_cmpuint (change->column, ==, 2);
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpint (change->kind, ==, SHK_VALUE_TARGET);
  g_assert_cmpfloat (change->new_value, ==, 3500000);
#else
  g_test_skip ("built without libxlsxwriter");
#endif
}

static void
test_cell_names (void)
{
  static const struct { guint row, column; const char *name; } cases[] = {
    { 0, 0, "A1" }, { 11, 2, "C12" }, { 0, 25, "Z1" }, { 0, 26, "AA1" }, { 9, 701, "ZZ10" },
    { 0, 702, "AAA1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = shk_sheet_cell_name (cases[i].row, cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/csv/unchanged", test_csv_unchanged);
  g_test_add_func ("/import/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/import/csv/unknown-measures", test_unknown_measures);
  g_test_add_func ("/import/csv/not-numbers", test_not_numbers);
  g_test_add_func ("/import/csv/shift-jis", test_shift_jis);
  g_test_add_func ("/import/bad-files", test_bad_files);
  g_test_add_func ("/import/xlsx/unchanged", test_xlsx_unchanged);
  g_test_add_func ("/import/xlsx/edited", test_xlsx_edited);
  g_test_add_func ("/import/cell-names", test_cell_names);

  return g_test_run ();
}
