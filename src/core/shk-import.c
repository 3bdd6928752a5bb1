/* shk-import.c — targets and actuals read back from a spreadsheet
 *
 * The file is read into sheets first (shk-sheet.c, shk-xlsx-reader.c),
 * without looking at the plan; then the plan is only read, to work out
 * the preview. Nothing here changes the plan until shk_import_apply().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-import.h"
#include "shk-sheet-private.h"
#include "shk-table-export.h"

/* How far down the heading row may be: titles may come above it. */
#define MAX_HEADING_ROW 20
/* The range of numbers a plan holds (docs/file-format.md). */
#define MAX_MAGNITUDE 1e15
/* Reading the file is this share of the progress; matching rows the rest. */
#define READ_SHARE 0.9
/* Rows matched between two looks at the cancellable. */
#define ROWS_PER_CHECK 256

/* ------------------------------------------------------------------ */
/* The import                                                          */

struct _ShkImport
{
  GObject    parent_instance;

  ShkPlan   *plan;
  char      *sheet_name;
  char      *display_name;
  GPtrArray *changes;     /* ShkImportChange */
  GPtrArray *unmatched;   /* ShkImportProblem */
  GPtrArray *problems;    /* ShkImportProblem */
  gboolean   applied;
};

G_DEFINE_FINAL_TYPE (ShkImport, shk_import, G_TYPE_OBJECT)

static void
change_free (gpointer data)
{
  ShkImportChange *change = data;

  g_clear_object (&change->measure);
  g_clear_object (&change->indicator);
  g_free (change->year_id);
  g_free (change);
}

static void
problem_free (gpointer data)
{
  ShkImportProblem *problem = data;

  g_free (problem->text);
  g_free (problem->message);
  g_free (problem);
}

static void
shk_import_finalize (GObject *object)
{
  ShkImport *self = SHK_IMPORT (object);

  g_clear_object (&self->plan);
  g_free (self->sheet_name);
  g_free (self->display_name);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->unmatched);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (shk_import_parent_class)->finalize (object);
}

static void
shk_import_class_init (ShkImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shk_import_finalize;
}

static void
shk_import_init (ShkImport *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->unmatched = g_ptr_array_new_with_free_func (problem_free);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
}

/* A cell's text as the import reads it: without the ' that guards a
 * formula-like text in an exported CSV. */
static const char *
cell_text (ShkSheet *sheet,
           guint     row,
           guint     column,
           gboolean *is_number)
{
  gboolean number;
  const char *text = shk_sheet_get_cell (sheet, row, column, &number);

  if (is_number != NULL)
    *is_number = number;
  return number ? text : shk_table_csv_unguard (text);
}

/* Where the columns we read are. */
typedef struct
{
  guint      heading_row;
  guint      number_column;
  guint      indicator_column;        /* G_MAXUINT when absent */
  guint      index_column;            /* G_MAXUINT when absent */
  GArray    *values;                  /* ValueColumn */
} Columns;

typedef struct
{
  guint         column;
  ShkValueKind  kind;
  const char   *year_id;              /* owned by the plan */
} ValueColumn;

static gboolean
find_columns (ShkPlan  *plan,
              ShkSheet *sheet,
              Columns  *columns)
{
  guint n_rows = MIN (shk_sheet_get_n_rows (sheet), MAX_HEADING_ROW);

  for (guint r = 0; r < n_rows; r++)
    {
      guint n = shk_sheet_get_n_columns (sheet, r);

      columns->number_column = G_MAXUINT;
      columns->indicator_column = G_MAXUINT;
      columns->index_column = G_MAXUINT;
      g_array_set_size (columns->values, 0);

      for (guint c = 0; c < n; c++)
        {
          ValueColumn value = { .column = c };

          switch (shk_table_parse_heading (plan, cell_text (sheet, r, c, NULL),
                                           &value.kind, &value.year_id))
            {
            case SHK_TABLE_COLUMN_NUMBER:
              if (columns->number_column == G_MAXUINT)
                columns->number_column = c;
              break;
            case SHK_TABLE_COLUMN_INDICATOR:
              if (columns->indicator_column == G_MAXUINT)
                columns->indicator_column = c;
              break;
            case SHK_TABLE_COLUMN_INDICATOR_INDEX:
              if (columns->index_column == G_MAXUINT)
                columns->index_column = c;
              break;
            case SHK_TABLE_COLUMN_VALUE:
              g_array_append_val (columns->values, value);
              break;
            case SHK_TABLE_COLUMN_OTHER:
            default:
              break;
            }
        }

      if (columns->number_column != G_MAXUINT && columns->values->len > 0)
        {
          columns->heading_row = r;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_problem (GPtrArray  *list,
             guint       row,
             guint       column,
             const char *text,
             char       *message)
{
  ShkImportProblem *problem = g_new0 (ShkImportProblem, 1);

  problem->row = row;
  problem->column = column;
  problem->text = g_strdup (text != NULL ? text : "");
  problem->message = message;
  g_ptr_array_add (list, problem);
}

/* The handouts print "-" where there is no value. */
static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0' ||
         g_str_equal (stripped, "-") || g_str_equal (stripped, "－") ||
         g_str_equal (stripped, "–") || g_str_equal (stripped, "—") ||
         g_str_equal (stripped, "ー");
}

static gboolean
parse_value (const char   *text,
             gboolean      is_number,
             ShkIndicator *indicator,
             double       *value)
{
  char *end = NULL;
  double v;

  if (shk_parse_number (text, shk_indicator_get_unit (indicator), value))
    return TRUE;

  /* Spreadsheets write very large and very small numbers with an
   * exponent ("1.5E+16"), which people do not type. A number beyond the
   * plan's range is read too, to be refused as out of range rather than
   * as no number at all. */
  g_auto(GStrv) groups = g_strsplit (text, ",", -1);
  g_autofree char *plain = g_strjoinv ("", groups);

  v = g_ascii_strtod (plain, &end);
  if (end != plain && end != NULL && *end == '\0' && isfinite (v) &&
      (is_number || strpbrk (plain, "eE") != NULL || fabs (v) > MAX_MAGNITUDE))
    {
      *value = v;
      return TRUE;
    }
  return FALSE;
}

static gboolean
values_equal (double a,
              double b)
{
  /* Spreadsheets keep 15 to 17 digits: a hair of relative tolerance. */
  return a == b || fabs (a - b) <= 1e-12 * MAX (fabs (a), fabs (b));
}

static gboolean
labels_equal (const char *a,
              const char *b)
{
  g_autofree char *na = g_utf8_normalize (a, -1, G_NORMALIZE_NFKC);
  g_autofree char *nb = g_utf8_normalize (b, -1, G_NORMALIZE_NFKC);

  if (na == NULL || nb == NULL)
    return FALSE;
  g_strstrip (na);
  g_strstrip (nb);
  return g_str_equal (na, nb);
}

static const char *
value_heading (ShkValueKind  kind,
               const char   *year_id,
               char        **storage)
{
  *storage = shk_table_dup_value_heading (kind, year_id);
  return *storage;
}

/* The indicator a row means: by label, else by number, else the only
 * one. NULL (after adding to unmatched) when none fits. */
static ShkIndicator *
match_indicator (ShkImport     *self,
                 ShkSheet      *sheet,
                 const Columns *columns,
                 guint          row,
                 ShkMeasure    *measure,
                 guint         *index)
{
  GListModel *indicators = shk_measure_get_indicators (measure);
  guint n = g_list_model_get_n_items (indicators);
  const char *label = columns->indicator_column != G_MAXUINT
    ? cell_text (sheet, row, columns->indicator_column, NULL) : "";
  g_autofree char *index_text = g_strstrip (g_strdup (columns->index_column != G_MAXUINT
    ? cell_text (sheet, row, columns->index_column, NULL) : ""));
  guint64 number;

  if (*label != '\0')
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);

        if (labels_equal (label, shk_indicator_get_label (indicator)))
          {
            *index = i;
            return g_steal_pointer (&indicator);
          }
      }

  if (*index_text != '\0' &&
      g_ascii_string_to_unsigned (index_text, 10, 1, G_MAXUINT, &number, NULL) &&
      number <= n)
    {
      *index = number - 1;
      return g_list_model_get_item (indicators, number - 1);
    }

  if (n == 1 && *label == '\0' && *index_text == '\0')
    {
      *index = 0;
      return g_list_model_get_item (indicators, 0);
    }

  if (n == 0)
    add_problem (self->unmatched, row, G_MAXUINT, label,
                 g_strdup_printf (_("Row %u: measure No.%u has no indicators"),
                                  row + 1, shk_measure_get_number (measure)));
  else if (*label != '\0')
    add_problem (self->unmatched, row, columns->indicator_column, label,
                 g_strdup_printf (_("Row %u: measure No.%u has no indicator “%s”"),
                                  row + 1, shk_measure_get_number (measure), label));
  else
    add_problem (self->unmatched, row, G_MAXUINT, index_text,
                 g_strdup_printf (_("Row %u: cannot tell which indicator of measure No.%u "
                                    "the row is for"),
                                  row + 1, shk_measure_get_number (measure)));
  return NULL;
}

/* Whether any value cell of the row has something in it. */
static gboolean
row_has_values (ShkSheet      *sheet,
                const Columns *columns,
                guint          row)
{
  for (guint i = 0; i < columns->values->len; i++)
    {
      const ValueColumn *value = &g_array_index (columns->values, ValueColumn, i);

      if (!is_blank (cell_text (sheet, row, value->column, NULL)))
        return TRUE;
    }
  return FALSE;
}

static void
read_row_values (ShkImport     *self,
                 ShkSheet      *sheet,
                 const Columns *columns,
                 guint          row,
                 ShkMeasure    *measure,
                 ShkIndicator  *indicator,
                 guint          index,
                 GHashTable    *seen)
{
  for (guint i = 0; i < columns->values->len; i++)
    {
      const ValueColumn *value = &g_array_index (columns->values, ValueColumn, i);
      gboolean is_number;
      const char *text = cell_text (sheet, row, value->column, &is_number);
      g_autofree char *cell = shk_sheet_cell_name (row, value->column);
      g_autofree char *heading = NULL;
      g_autofree char *key = g_strdup_printf ("%p\x1f%d\x1f%s", (void *) indicator,
                                              value->kind, value->year_id);
      gboolean had_value, has_value = FALSE;
      double old_value = 0.0, new_value = 0.0;
      ShkImportChange *change;

      if (!is_blank (text))
        {
          if (!parse_value (text, is_number, indicator, &new_value))
            {
              add_problem (self->problems, row, value->column, text,
                           /* TRANSLATORS: “Cell H12 (Actual R2): “abc” is not a number” */
                           g_strdup_printf (_("Cell %s (%s): “%s” is not a number"),
                                            cell, value_heading (value->kind, value->year_id,
                                                                 &heading),
                                            text));
              continue;
            }
          if (!isfinite (new_value) || fabs (new_value) > MAX_MAGNITUDE)
            {
              add_problem (self->problems, row, value->column, text,
                           /* TRANSLATORS: “Cell H12 (Actual R2): 1.5E+16 is out of range; …” */
                           g_strdup_printf (_("Cell %s (%s): %s is out of range; numbers in a "
                                              "plan lie between -1e15 and 1e15"),
                                            cell, value_heading (value->kind, value->year_id,
                                                                 &heading),
                                            text));
              continue;
            }
          has_value = TRUE;
        }

      /* Two rows for the same value: the first one counts. */
      if (g_hash_table_contains (seen, key))
        {
          add_problem (self->problems, row, value->column, text,
                       g_strdup_printf (_("Cell %s (%s): measure No.%u, indicator %u is "
                                          "already given in row %u; this row is ignored"),
                                        cell, value_heading (value->kind, value->year_id, &heading),
                                        shk_measure_get_number (measure), index + 1,
                                        GPOINTER_TO_UINT (g_hash_table_lookup (seen, key))));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row + 1));

      if (value->kind == SHK_VALUE_TARGET)
        had_value = shk_indicator_get_target (indicator, value->year_id, &old_value);
      else
        had_value = shk_indicator_get_actual (indicator, value->year_id, &old_value);
      if (had_value == has_value && (!has_value || values_equal (old_value, new_value)))
        continue;

      change = g_new0 (ShkImportChange, 1);
      change->measure = g_object_ref (measure);
      change->indicator = g_object_ref (indicator);
      change->indicator_index = index;
      change->kind = value->kind;
      change->year_id = g_strdup (value->year_id);
      change->had_value = had_value;
      change->old_value = old_value;
      change->has_value = has_value;
      change->new_value = new_value;
      change->row = row;
      change->column = value->column;
      g_ptr_array_add (self->changes, change);
    }
}

static gboolean
read_rows (ShkImport       *self,
           ShkSheet        *sheet,
           const Columns   *columns,
           ShkSheetReader  *reader,
           GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = shk_sheet_get_n_rows (sheet);

  reader->done = 0;
  reader->total = n_rows;
  for (guint row = columns->heading_row + 1; row < n_rows; row++)
    {
      const char *number_text = cell_text (sheet, row, columns->number_column, NULL);
      g_autofree char *stripped = g_strstrip (g_strdup (number_text));
      g_autoptr(ShkIndicator) indicator = NULL;
      ShkMeasure *measure;
      double number;
      guint index = 0;

      if (row % ROWS_PER_CHECK == 0)
        {
          if (!shk_sheet_reader_check (reader, error))
            return FALSE;
          shk_sheet_reader_advance (reader, ROWS_PER_CHECK);
        }

      if (*stripped == '\0')
        {
          /* A note or a blank line under the table is fine; figures with
           * no measure number are not. */
          if (row_has_values (sheet, columns, row))
            add_problem (self->unmatched, row, columns->number_column, "",
                         g_strdup_printf (_("Row %u: there are figures but no measure number"),
                                          row + 1));
          continue;
        }

      if (!shk_parse_number (stripped, NULL, &number) || number < 1 || number > G_MAXUINT ||
          number != floor (number))
        {
          add_problem (self->unmatched, row, columns->number_column, number_text,
                       g_strdup_printf (_("Row %u: “%s” is not a measure number"),
                                        row + 1, number_text));
          continue;
        }

      measure = shk_plan_find_measure (self->plan, (guint) number, NULL);
      if (measure == NULL)
        {
          add_problem (self->unmatched, row, columns->number_column, number_text,
                       g_strdup_printf (_("Row %u: there is no measure No.%u"),
                                        row + 1, (guint) number));
          continue;
        }

      /* A measure without indicators exports a row with no figures: it
       * matches nothing, and that is no problem while it stays empty. */
      if (g_list_model_get_n_items (shk_measure_get_indicators (measure)) == 0 &&
          !row_has_values (sheet, columns, row))
        continue;

      indicator = match_indicator (self, sheet, columns, row, measure, &index);
      if (indicator != NULL)
        read_row_values (self, sheet, columns, row, measure, indicator, index, seen);
    }
  return TRUE;
}

static gboolean
starts_with (GBytes     *bytes,
             const char *magic,
             gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, magic, length) == 0;
}

/* The sheet with the measures table: the first whose headings we know. */
static ShkSheet *
choose_sheet (ShkPlan   *plan,
              GPtrArray *sheets,
              Columns   *columns)
{
  for (guint i = 0; i < sheets->len; i++)
    {
      ShkSheet *sheet = g_ptr_array_index (sheets, i);

      if (find_columns (plan, sheet, columns))
        return sheet;
    }
  return NULL;
}

static void
prefix_error (GError     **error,
              const char  *display_name)
{
  if (error != NULL && *error != NULL && display_name != NULL)
    g_prefix_error (error, "%s: ", display_name);
}

/* CSV or XLSX, told apart by their content; the old binary XLS (an OLE2
 * compound file) is refused in plain words rather than read as text. */
static GPtrArray *
read_sheets (GBytes          *bytes,
             ShkSheetReader  *reader,
             GError         **error)
{
  GPtrArray *sheets;
  ShkSheet *csv;

  if (starts_with (bytes, "PK\x03\x04", 4))
    return shk_sheet_read_xlsx_full (bytes, reader, error);
  if (starts_with (bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_UNSUPPORTED,
                   _("This is a workbook in Excel’s old format (.xls). Shinchoku imports CSV "
                     "files and Excel workbooks (.xlsx): save it as .xlsx or .csv first"));
      return NULL;
    }
  csv = shk_sheet_read_csv_full (bytes, reader, error);
  if (csv == NULL)
    return NULL;
  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_sheet_free);
  g_ptr_array_add (sheets, csv);
  return sheets;
}

static void
set_no_headings_error (GError **error)
{
  g_autofree char *target = shk_table_dup_value_heading (SHK_VALUE_TARGET, "R2");
  g_autofree char *actual = shk_table_dup_value_heading (SHK_VALUE_ACTUAL, "R2");

  g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_NO_HEADINGS,
               _("No row names the columns to import: one row must have the headings "
                 "“%s” and, for each year, “%s” or “%s”, as an exported table has"),
               _("No."), target, actual);
}

ShkImport *
shk_import_new_from_bytes_full (ShkPlan                *plan,
                                GBytes                 *bytes,
                                const char             *display_name,
                                ShkImportProgressFunc   progress,
                                gpointer                progress_data,
                                GCancellable           *cancellable,
                                GError                **error)
{
  g_autoptr(ShkImport) self = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (ValueColumn));
  Columns columns = { .values = values };
  ShkSheetReader reader = {
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = progress_data,
    .progress_scale = READ_SHARE,
  };
  ShkSheet *sheet;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sheets = read_sheets (bytes, &reader, error);
  if (sheets == NULL)
    {
      prefix_error (error, display_name);
      return NULL;
    }

  sheet = choose_sheet (plan, sheets, &columns);
  if (sheet == NULL)
    {
      set_no_headings_error (error);
      prefix_error (error, display_name);
      return NULL;
    }

  self = g_object_new (SHK_TYPE_IMPORT, NULL);
  self->plan = g_object_ref (plan);
  self->sheet_name = g_strdup (shk_sheet_get_name (sheet));
  self->display_name = g_strdup (display_name);
  /* Matching the rows is the rest of the progress bar. */
  reader.progress_offset = READ_SHARE;
  reader.progress_scale = 1.0 - READ_SHARE;
  if (progress != NULL)
    progress (READ_SHARE, progress_data);
  if (!read_rows (self, sheet, &columns, &reader, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&self);
}

ShkImport *
shk_import_new_from_bytes (ShkPlan     *plan,
                           GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  return shk_import_new_from_bytes_full (plan, bytes, display_name, NULL, NULL, NULL, error);
}

static void
set_too_large_error (GError     **error,
                     const char  *name)
{
  g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE,
               _("%s: the file is larger than %u MiB, the most Shinchoku imports; nothing "
                 "was read"),
               name, SHK_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
}

/* Only a regular file, and at most the limit, whatever its size said:
 * /dev/zero or a pipe would be read without end. */
static GBytes *
load_bounded (GFile         *file,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gsize chunk = 1024 * 1024;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_UNSUPPORTED,
                   _("%s: this is not a regular file (but a folder, a device or a pipe); "
                     "Shinchoku imports only CSV and XLSX files"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > (goffset) SHK_IMPORT_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  for (;;)
    {
      gsize old_length = data->len, n_read = 0;

      /* One byte past the limit is enough to know the file is too big. */
      chunk = MIN (chunk, (gsize) SHK_IMPORT_MAX_FILE_SIZE + 1 - old_length);
      g_byte_array_set_size (data, old_length + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data->data + old_length, chunk,
                                    &n_read, cancellable, error))
        return NULL;
      g_byte_array_set_size (data, old_length + n_read);
      if (data->len > SHK_IMPORT_MAX_FILE_SIZE)
        {
          set_too_large_error (error, name);
          return NULL;
        }
      if (n_read < chunk)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

ShkImport *
shk_import_new_from_file_full (ShkPlan                *plan,
                               GFile                  *file,
                               ShkImportProgressFunc   progress,
                               gpointer                progress_data,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = load_bounded (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return shk_import_new_from_bytes_full (plan, bytes, name, progress, progress_data,
                                         cancellable, error);
}

ShkImport *
shk_import_new_from_file (ShkPlan       *plan,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return shk_import_new_from_file_full (plan, file, NULL, NULL, cancellable, error);
}

GPtrArray *
shk_import_get_changes (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  return self->changes;
}

GPtrArray *
shk_import_get_unmatched (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  return self->unmatched;
}

GPtrArray *
shk_import_get_problems (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  return self->problems;
}

const char *
shk_import_get_sheet_name (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), "");

  return self->sheet_name;
}

const char *
shk_import_get_display_name (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  return self->display_name;
}

static char *
format_optional (gboolean has_value,
                 double   value)
{
  /* TRANSLATORS: shown for a value that is absent, as in “(none) → 12” */
  return has_value ? shk_format_number (value) : g_strdup (_("(none)"));
}

char *
shk_import_change_describe (const ShkImportChange *change)
{
  g_autofree char *heading = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *indicator = NULL;
  const char *label;

  g_return_val_if_fail (change != NULL, NULL);

  label = shk_indicator_get_label (change->indicator);
  indicator = label != NULL && *label != '\0'
    ? g_strdup (label)
    : g_strdup_printf (_("indicator %u"), change->indicator_index + 1);
  old_text = format_optional (change->had_value, change->old_value);
  new_text = format_optional (change->has_value, change->new_value);
  heading = shk_table_dup_value_heading (change->kind, change->year_id);

  /* TRANSLATORS: “No.1 Page views · Actual R2: 3,742,282 → 3,800,000” */
  return g_strdup_printf (_("No.%u %s · %s: %s → %s"),
                          shk_measure_get_number (change->measure), indicator, heading,
                          old_text, new_text);
}

char *
shk_import_describe (ShkImport *self)
{
  GString *out;

  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  out = g_string_new (NULL);
  if (self->display_name != NULL)
    g_string_append_printf (out, "%s\n", self->display_name);

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%u value changes:", "%u values change:",
                                       self->changes->len),
                          self->changes->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->changes->len; i++)
    {
      g_autofree char *line = shk_import_change_describe (g_ptr_array_index (self->changes, i));

      g_string_append_printf (out, "  %s\n", line);
    }

  if (self->unmatched->len > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u row matches nothing:",
                                           "%u rows match nothing:", self->unmatched->len),
                              self->unmatched->len);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < self->unmatched->len; i++)
        g_string_append_printf (out, "  %s\n",
                                ((ShkImportProblem *) g_ptr_array_index (self->unmatched, i))->message);
    }

  if (self->problems->len > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u cell was skipped:",
                                           "%u cells were skipped:", self->problems->len),
                              self->problems->len);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < self->problems->len; i++)
        g_string_append_printf (out, "  %s\n",
                                ((ShkImportProblem *) g_ptr_array_index (self->problems, i))->message);
    }
  return g_string_free (out, FALSE);
}

guint
shk_import_apply (ShkImport    *self,
                  ShkUndoStack *stack)
{
  const char *label = _("Import Values");
  g_autoptr(ShkProvenance) imported = NULL;

  g_return_val_if_fail (SHK_IS_IMPORT (self), 0);
  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), 0);

  if (self->applied || self->changes->len == 0)
    return 0;
  imported = shk_provenance_new (SHK_PROVENANCE_IMPORTED, NULL,
                                 shk_import_get_display_name (self), NULL);

  /* One entry in the history: undo takes the whole import back. */
  shk_undo_stack_begin_group (stack, label);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const ShkImportChange *change = g_ptr_array_index (self->changes, i);

      shk_edit_indicator_value_from (stack, change->indicator, change->kind, change->year_id,
                                     change->has_value, change->new_value, imported, label);
    }
  shk_undo_stack_end_group (stack);

  self->applied = TRUE;
  return self->changes->len;
}
