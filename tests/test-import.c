/* test-import.c — targets and actuals read back from CSV and XLSX
 *
 * The round trip is the promise to the user: export, edit a few cells in
 * a spreadsheet, import, and exactly those values change, as one step
 * that undo takes back. Files that match nothing change nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <glib/gstdio.h>

#ifdef HAVE_XLSXWRITER
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
  /* Each imported value remembers the file it came from. */
  {
    static const struct { guint measure, indicator; const char *key; } imported[] = {
      { 1, 1, "actual.R2" }, { 18, 2, "target.R3" }, { 21, 1, "actual.R1" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (imported); i++)
      {
        const ShkProvenance *provenance =
          shk_indicator_get_provenance (indicator_of (plan, imported[i].measure,
                                                      imported[i].indicator), imported[i].key);

        g_assert_nonnull (provenance);
        g_assert_cmpint (provenance->source, ==, SHK_PROVENANCE_IMPORTED);
        g_assert_nonnull (provenance->file);
        shk_indicator_set_provenance (indicator_of (expected, imported[i].measure,
                                                    imported[i].indicator),
                                      imported[i].key, provenance);
      }
  }
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


/* ------------------------------------------------------------------ */
/* Hostile files                                                       */

/* A tiny ZIP writer: stored entries, whose central directory may claim
 * another size than the data has (@claimed 0: the real size), so that a
 * test can make a 60 MiB part without 60 MiB. */
typedef struct
{
  GByteArray *data;
  GByteArray *directory;
  guint       n_entries;
} ZipWriter;

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 b[2] = { value & 0xFF, (value >> 8) & 0xFF };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xFFFF);
  put16 (out, value >> 16);
}

static void
zip_add (ZipWriter  *zip,
         const char *name,
         const char *text,
         guint32     claimed)
{
  gsize length = strlen (text);
  guint32 crc = crc32 (crc32 (0, Z_NULL, 0), (const Bytef *) text, length);
  guint32 offset = zip->data->len;
  guint32 size = claimed != 0 ? claimed : length;

  put32 (zip->data, 0x04034b50);
  put16 (zip->data, 20);
  put16 (zip->data, 0);          /* flags */
  put16 (zip->data, 0);          /* stored */
  put32 (zip->data, 0);          /* time, date */
  put32 (zip->data, crc);
  put32 (zip->data, size);
  put32 (zip->data, size);
  put16 (zip->data, strlen (name));
  put16 (zip->data, 0);
  g_byte_array_append (zip->data, (const guint8 *) name, strlen (name));
  g_byte_array_append (zip->data, (const guint8 *) text, length);

  put32 (zip->directory, 0x02014b50);
  put16 (zip->directory, 20);
  put16 (zip->directory, 20);
  put16 (zip->directory, 0);
  put16 (zip->directory, 0);
  put32 (zip->directory, 0);
  put32 (zip->directory, crc);
  put32 (zip->directory, size);
  put32 (zip->directory, size);
  put16 (zip->directory, strlen (name));
  put16 (zip->directory, 0);     /* extra */
  put16 (zip->directory, 0);     /* comment */
  put16 (zip->directory, 0);     /* disk */
  put16 (zip->directory, 0);     /* internal attributes */
  put32 (zip->directory, 0);     /* external attributes */
  put32 (zip->directory, offset);
  g_byte_array_append (zip->directory, (const guint8 *) name, strlen (name));
  zip->n_entries++;
}

static GBytes *
zip_finish (ZipWriter *zip)
{
  guint32 offset = zip->data->len;
  guint32 size = zip->directory->len;

  g_byte_array_append (zip->data, zip->directory->data, zip->directory->len);
  put32 (zip->data, 0x06054b50);
  put16 (zip->data, 0);
  put16 (zip->data, 0);
  put16 (zip->data, zip->n_entries);
  put16 (zip->data, zip->n_entries);
  put32 (zip->data, size);
  put32 (zip->data, offset);
  put16 (zip->data, 0);
  g_byte_array_unref (zip->directory);
  return g_byte_array_free_to_bytes (zip->data);
}

static ZipWriter
zip_new (void)
{
  return (ZipWriter) { g_byte_array_new (), g_byte_array_new (), 0 };
}

static const char *const RELS_HEAD =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";

/* A workbook of @n_sheets sheets, sheet i on part @parts[i] (or
 * worksheets/sheet<i+1>.xml), each with the XML @sheet_xml. */
static GBytes *
make_workbook (guint        n_sheets,
               const char  *sheet_xml,
               guint32      claimed_sheet_size,
               gboolean     all_on_one_part)
{
  ZipWriter zip = zip_new ();
  g_autoptr(GString) workbook = g_string_new ("<workbook xmlns:r=\"r\"><sheets>");
  g_autoptr(GString) rels = g_string_new (RELS_HEAD);

  for (guint i = 0; i < n_sheets; i++)
    {
      g_string_append_printf (workbook, "<sheet name=\"S%u\" sheetId=\"%u\" r:id=\"rId%u\"/>",
                              i + 1, i + 1, i + 1);
      g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Target=\"worksheets/sheet%u.xml\"/>",
                              i + 1, all_on_one_part ? 1 : i + 1);
    }
  g_string_append (workbook, "</sheets></workbook>");
  g_string_append (rels, "</Relationships>");
  zip_add (&zip, "xl/workbook.xml", workbook->str, 0);
  zip_add (&zip, "xl/_rels/workbook.xml.rels", rels->str, 0);
  for (guint i = 0; i < (all_on_one_part ? 1 : MIN (n_sheets, 8)); i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);

      zip_add (&zip, name, sheet_xml, claimed_sheet_size);
    }
  return zip_finish (&zip);
}

static const char *const SMALL_SHEET =
  "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>No.</t></is></c>"
  "</row></sheetData></worksheet>";

/* One plan for the refusals, which never change it: loading the built-in
 * document is what takes time under the sanitizers. */
static ShkPlan *refusal_plan;

/* Refused with SHK_IMPORT_ERROR @code and a message holding @words. */
static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *words)
{
  ShkPlan *plan = refusal_plan != NULL ? refusal_plan
                                       : (refusal_plan = shk_builtin_plan_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkImport) import = shk_import_new_from_bytes (plan, bytes, "hostile", &error);

  g_assert_null (import);
  g_assert_error (error, SHK_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "hostile: "));
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static GBytes *
csv_of_rows (guint       n_rows,
             guint       n_columns,
             const char *cell)
{
  GString *out = g_string_new ("No.,Actual R2\n");

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          g_string_append (out, cell);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free_to_bytes (out);
}

/* One cell too many, all of one shared string: a million cells without a
 * million allocations, so that the test stays quick under ASan. */
static GBytes *
workbook_of_cells (guint n_cells)
{
  ZipWriter zip = zip_new ();
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData>");

  for (guint i = 0; i < n_cells; i++)
    {
      if (i % 1000 == 0)
        g_string_append (xml, i == 0 ? "<row>" : "</row><row>");
      g_string_append (xml, "<c t=\"s\"><v>0</v></c>");
    }
  g_string_append (xml, "</row></sheetData></worksheet>");
  zip_add (&zip, "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>", 0);
  zip_add (&zip, "xl/sharedStrings.xml", "<sst><si><t>x</t></si></sst>", 0);
  zip_add (&zip, "xl/worksheets/sheet1.xml", xml->str, 0);
  return zip_finish (&zip);
}

static void
test_limit_rows_columns_cells (void)
{
  g_autoptr(GString) text = g_string_new ("No.,Actual R2\n");
  g_autoptr(GBytes) rows = NULL;
  g_autoptr(GBytes) columns = csv_of_rows (1, SHK_IMPORT_MAX_COLUMNS + 1, "x");
  g_autoptr(GBytes) cells = workbook_of_cells (SHK_IMPORT_MAX_CELLS + 1);

  /* Blank lines count as rows; the cell below the last row is refused. */
  for (guint i = 1; i < SHK_IMPORT_MAX_ROWS; i++)
    g_string_append_c (text, '\n');
  g_string_append (text, "x\n");
  rows = g_bytes_new (text->str, text->len);

  assert_refused (rows, SHK_IMPORT_ERROR_TOO_LARGE, "beyond row 100000");
  assert_refused (columns, SHK_IMPORT_ERROR_TOO_LARGE, "beyond column ALL (column 1000)");
  assert_refused (cells, SHK_IMPORT_ERROR_TOO_LARGE, "more than 1000000 cells");
}

static void
test_limit_sheets_parts (void)
{
  g_autoptr(GBytes) sheets = make_workbook (SHK_IMPORT_MAX_SHEETS + 1, SMALL_SHEET, 0, FALSE);
  g_autoptr(GBytes) part = make_workbook (1, SMALL_SHEET, SHK_IMPORT_MAX_PART_SIZE + 1, FALSE);
  /* Five parts of 60 MiB each: each within the part limit, together not. */
  g_autoptr(GBytes) total = make_workbook (5, SMALL_SHEET, 60 * 1024 * 1024, FALSE);
  g_autoptr(GBytes) one_part = make_workbook (200, SMALL_SHEET, 0, TRUE);
  ZipWriter zip = zip_new ();
  g_autoptr(GBytes) twice = NULL;

  assert_refused (sheets, SHK_IMPORT_ERROR_TOO_LARGE, "more than 255 sheets");
  assert_refused (part, SHK_IMPORT_ERROR_TOO_LARGE,
                  "“xl/worksheets/sheet1.xml” is larger than 64 MiB");
  assert_refused (total, SHK_IMPORT_ERROR_TOO_LARGE, "more than 256 MiB");
  assert_refused (one_part, SHK_IMPORT_ERROR_FORMAT, "“xl/worksheets/sheet1.xml” of an earlier");

  zip_add (&zip, "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>", 0);
  zip_add (&zip, "xl/worksheets/sheet1.xml", SMALL_SHEET, 0);
  zip_add (&zip, "xl/worksheets/sheet1.xml", SMALL_SHEET, 0);
  twice = zip_finish (&zip);
  assert_refused (twice, SHK_IMPORT_ERROR_FORMAT, "holds the part “xl/worksheets/sheet1.xml” twice");
}

static void
test_damaged_cells (void)
{
  g_autoptr(GBytes) before_row = make_workbook (
    1, "<worksheet><sheetData><c r=\"A4294967\"><v>1</v></c></sheetData></worksheet>", 0, FALSE);
  g_autoptr(GBytes) outside = make_workbook (
    1, "<worksheet><sheetData><row r=\"3\"><c r=\"B5\"><v>1</v></c></row></sheetData></worksheet>",
    0, FALSE);
  g_autoptr(GBytes) xfd = make_workbook (
    1, "<worksheet><sheetData><row r=\"20000\"><c r=\"XFD20000\"><v>1</v></c></row>"
       "</sheetData></worksheet>", 0, FALSE);

  assert_refused (before_row, SHK_IMPORT_ERROR_FORMAT, "“A4294967” comes before any row");
  assert_refused (outside, SHK_IMPORT_ERROR_FORMAT, "cell B5 lies outside its row 3");
  assert_refused (xfd, SHK_IMPORT_ERROR_TOO_LARGE, "cell XFD20000 is beyond column ALL");
}

/* A cell in the last column read (ALL) on 20,000 rows: the old reader
 * allocated every column up to it, 20,000 × 1,000 cells; the sheet now
 * holds the 20,000 cells there are. Read under a cap on memory where
 * the sanitizers (which reserve terabytes) do not run. */
static void
test_far_column_memory (void)
{
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  ShkSheet *sheet;

  for (guint r = 1; r <= 20000; r++)
    g_string_append_printf (xml, "<row r=\"%u\"><c r=\"ALL%u\"><v>%u</v></c></row>", r, r, r);
  g_string_append (xml, "</sheetData></worksheet>");
  bytes = make_workbook (1, xml->str, 0, FALSE);

#if defined(__SANITIZE_ADDRESS__)
  g_test_message ("no memory cap under AddressSanitizer");
#else
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 256 * 1024 * 1024, 256 * 1024 * 1024 };

      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
      sheets = shk_sheet_read_xlsx (bytes, &error);
      g_assert_no_error (error);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
#endif

  sheets = shk_sheet_read_xlsx (bytes, &error);
  g_assert_no_error (error);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpuint (shk_sheet_get_n_rows (sheet), ==, 20000);
  g_assert_cmpuint (shk_sheet_get_n_cells (sheet), ==, 20000);
  g_assert_cmpuint (shk_sheet_get_n_columns (sheet, 19999), ==, 1000);
  g_assert_cmpstr (shk_sheet_get_cell (sheet, 19999, 999, NULL), ==, "20000");
  g_assert_cmpstr (shk_sheet_get_cell (sheet, 19999, 998, NULL), ==, "");
}

static void
test_limit_file (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "huge.csv", NULL);
  g_autofree char *fifo = g_build_filename (g_get_tmp_dir (), "pipe.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) pipe = g_file_new_for_path (fifo);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  ShkImport *import;
  int fd;

  /* A sparse file one byte over the limit: no disk space needed. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) SHK_IMPORT_MAX_FILE_SIZE + 1), ==, 0);
  g_close (fd, NULL);
  import = shk_import_new_from_file (plan, file, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than 64 MiB"));
  g_clear_error (&error);
  g_unlink (path);

  /* Devices and pipes are refused before reading: reading either would
   * never end (the pipe has no writer: this test would hang). */
  import = shk_import_new_from_file (plan, zero, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  import = shk_import_new_from_file (plan, pipe, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_UNSUPPORTED);
  g_unlink (fifo);
}

static void
test_out_of_range (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const char *text = "No.,Indicator No.,Actual R2,Target R3\n"
                     "1,1,1.5E+16,-1e15\n"
                     "2,1,1e400,-2000000000000000\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(ShkImport) import = import_bytes (plan, bytes);
  GPtrArray *problems = shk_import_get_problems (import);
  GPtrArray *changes = shk_import_get_changes (import);
  const ShkImportProblem *problem;

  /* -1e15 is the edge and allowed; the others are problems at their cell. */
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpfloat (((ShkImportChange *) g_ptr_array_index (changes, 0))->new_value, ==, -1e15);
  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->row, ==, 1);
  g_assert_cmpuint (problem->column, ==, 2);
  g_assert_nonnull (strstr (problem->message, "Cell C2 (Actual R2): 1.5E+16 is out of range"));
  problem = g_ptr_array_index (problems, 2);
  g_assert_nonnull (strstr (problem->message, "Cell D3"));
  g_assert_nonnull (strstr (problem->message, "out of range"));

  /* In a workbook, numbers above 1e15 likewise. */
  bytes = (g_bytes_unref (bytes), make_workbook (
    1, "<worksheet><sheetData>"
       "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>No.</t></is></c>"
       "<c r=\"B1\" t=\"inlineStr\"><is><t>Actual R2</t></is></c></row>"
       "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>1.0000000000000002E+15</v></c></row>"
       "</sheetData></worksheet>", 0, FALSE));
  g_clear_object (&import);
  import = import_bytes (plan, bytes);
  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_problems (import)->len, ==, 1);
  problem = g_ptr_array_index (shk_import_get_problems (import), 0);
  g_assert_nonnull (strstr (problem->message, "Cell B2"));
}

static void
test_japanese_headings (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const char *text = "No.,指標,指標番号,R2実績値,R3目標値\n"
                     "1,トップページへのアクセス数,1,4000000,\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(ShkImport) import = NULL;
  const ShkImportChange *change;

  /* The test runs in the C locale: English is the session's language. */
  g_assert_cmpstr (g_dgettext ("shinchoku", "Indicator"), ==, "Indicator");
  import = import_bytes (plan, bytes);
  g_assert_cmpuint (shk_import_get_unmatched (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_problems (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 2);
  change = g_ptr_array_index (shk_import_get_changes (import), 0);
  g_assert_cmpint (change->kind, ==, SHK_VALUE_ACTUAL);
  g_assert_cmpfloat (change->new_value, ==, 4000000);
}

static void
test_other_formats (void)
{
  ZipWriter zip = zip_new ();
  g_autoptr(GBytes) ods = NULL;
  g_autoptr(GBytes) xls = NULL;
  static const guint8 ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };

  zip_add (&zip, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0);
  zip_add (&zip, "content.xml", "<office:document-content/>", 0);
  ods = zip_finish (&zip);
  assert_refused (ods, SHK_IMPORT_ERROR_UNSUPPORTED,
                  "OpenDocument spreadsheet (.ods). Shinchoku imports CSV files and Excel "
                  "workbooks (.xlsx): save it as .xlsx or .csv first");

  xls = g_bytes_new_static (ole, sizeof ole);
  assert_refused (xls, SHK_IMPORT_ERROR_UNSUPPORTED, "(.xls)");
}

typedef struct
{
  GCancellable *cancellable;
  GArray       *fractions;
  guint         cancel_after;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancel_after > 0 && progress->fractions->len == progress->cancel_after)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  /* Rows enough for reports while reading and while matching. */
  g_autoptr(GBytes) bytes = csv_of_rows (5000, 2, "1");
  g_autoptr(GBytes) big = csv_of_rows (50000, 2, "1");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { cancellable, fractions, 0 };
  g_autoptr(ShkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0.0;

  import = shk_import_new_from_bytes_full (plan, bytes, "m.csv", on_progress, &progress,
                                           cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpuint (fractions->len, >, 2);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >=, last);
      g_assert_cmpfloat (fraction, <=, 1.0);
      last = fraction;
    }
  g_assert_cmpfloat (last, ==, 1.0);
  g_clear_object (&import);

  /* Cancelled while reading: the first report cancels. */
  g_array_set_size (fractions, 0);
  progress.cancel_after = 1;
  import = shk_import_new_from_bytes_full (plan, big, "big.csv", on_progress, &progress,
                                           cancellable, &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* It stopped soon after: far from reading the whole file. */
  g_assert_cmpuint (fractions->len, <, 4);
}

/* A name that a spreadsheet would take for a formula is exported with a
 * leading ' and imported without it: the rows still match. */
static void
test_guarded_names_round_trip (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autoptr(Grid) grid = NULL;
  guint row;

  shk_indicator_set_label (indicator_of (plan, 1, 1), "=HYPERLINK(\"http://x\",\"y\")");
  shk_indicator_set_label (indicator_of (plan, 18, 2), "-counted visits");
  bytes = shk_table_export_csv (plan, SHK_TABLE_MEASURES);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"'=HYPERLINK("));
  grid = export_grid (plan);
  row = grid_row (grid, 18, 2);
  grid_set (grid, row, grid_column (grid, "Target R3"), "85");
  grid_set (grid, row, grid_column (grid, "Indicator No."), "");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = grid_to_csv (grid);

  import = import_bytes (plan, bytes);
  g_assert_cmpuint (shk_import_get_unmatched (import)->len, ==, 0);
  g_assert_cmpuint (shk_import_get_problems (import)->len, ==, 0);
  /* Matched by its label alone, the index cleared. */
  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

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
  g_test_add_func ("/import/limits/rows-columns-cells", test_limit_rows_columns_cells);
  g_test_add_func ("/import/limits/sheets-parts", test_limit_sheets_parts);
  g_test_add_func ("/import/limits/file", test_limit_file);
  g_test_add_func ("/import/limits/far-column-memory", test_far_column_memory);
  g_test_add_func ("/import/damaged-cells", test_damaged_cells);
  g_test_add_func ("/import/out-of-range", test_out_of_range);
  g_test_add_func ("/import/japanese-headings", test_japanese_headings);
  g_test_add_func ("/import/other-formats", test_other_formats);
  g_test_add_func ("/import/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/import/guarded-names", test_guarded_names_round_trip);

  status = g_test_run ();
  g_clear_object (&refusal_plan);
  return status;
}
