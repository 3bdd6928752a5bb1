/* shk-sheet.c — sparse sheets of cells, and the CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-sheet-private.h"

G_DEFINE_QUARK (shk-import-error-quark, shk_import_error)

/* How much CSV text is read between two looks at the cancellable. */
#define CSV_CHUNK (64 * 1024)

/* ------------------------------------------------------------------ */
/* Reading                                                             */

gboolean
shk_sheet_reader_check (ShkSheetReader  *reader,
                        GError         **error)
{
  return reader == NULL || !g_cancellable_set_error_if_cancelled (reader->cancellable, error);
}

void
shk_sheet_reader_advance (ShkSheetReader *reader,
                          double          amount)
{
  if (reader == NULL)
    return;
  reader->done += amount;
  if (reader->progress != NULL && reader->total > 0)
    reader->progress (reader->progress_offset +
                      reader->progress_scale * MIN (reader->done / reader->total, 1.0),
                      reader->progress_data);
}

/* ------------------------------------------------------------------ */
/* Sheets                                                              */

/* Only cells that hold something are stored, by row in a hash table and
 * by column in a sorted array: memory follows the cells a file has, not
 * the addresses it names. Texts are GRefStrings, so that a thousand cells
 * of one shared string hold the string once. */
typedef struct
{
  guint     column;
  gboolean  is_number;
  char     *text;        /* GRefString */
} SheetCell;

typedef struct
{
  guint   n_columns;     /* one more than the last column seen */
  GArray *cells;         /* SheetCell, by column */
} SheetRow;

struct _ShkSheet
{
  char       *name;
  guint       n_rows;
  guint       n_cells;
  GHashTable *rows;      /* row + 1 → SheetRow */
};

static void
sheet_cell_clear (gpointer data)
{
  SheetCell *cell = data;

  g_clear_pointer (&cell->text, g_ref_string_release);
}

static void
sheet_row_free (gpointer data)
{
  SheetRow *row = data;

  g_array_unref (row->cells);
  g_free (row);
}

ShkSheet *
shk_sheet_new (const char *name)
{
  ShkSheet *sheet = g_new0 (ShkSheet, 1);

  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, sheet_row_free);
  return sheet;
}

void
shk_sheet_free (ShkSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_hash_table_unref (sheet->rows);
  g_free (sheet);
}

static SheetRow *
sheet_lookup_row (ShkSheet *sheet,
                  guint     row)
{
  if (row >= sheet->n_rows)
    return NULL;
  return g_hash_table_lookup (sheet->rows, GUINT_TO_POINTER (row + 1));
}

/* The index of @column in @row's cells, or where it would go. */
static guint
row_find (SheetRow *row,
          guint     column,
          gboolean *found)
{
  guint low = 0, high = row->cells->len;

  /* Files list cells left to right: look at the end first. */
  if (high > 0 && g_array_index (row->cells, SheetCell, high - 1).column < column)
    low = high;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint here = g_array_index (row->cells, SheetCell, middle).column;

      if (here == column)
        {
          *found = TRUE;
          return middle;
        }
      if (here < column)
        low = middle + 1;
      else
        high = middle;
    }
  *found = FALSE;
  return low;
}

static void
sheet_fail (GError     **error,
            ShkSheet    *sheet,
            char        *message)
{
  if (*sheet->name != '\0')
    /* TRANSLATORS: “Sheet “Measures”: Cell ZZ5 is …” */
    g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE, _("Sheet “%s”: %s"),
                 sheet->name, message);
  else
    g_set_error_literal (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE, message);
  g_free (message);
}

static gboolean
check_address (ShkSheet  *sheet,
               guint      row,
               guint      column,
               GError   **error)
{
  g_autofree char *last = NULL;

  if (row >= SHK_IMPORT_MAX_ROWS)
    {
      sheet_fail (error, sheet,
                  g_strdup_printf (_("row %u is beyond row %u, the last one Shinchoku imports"),
                                   row + 1, SHK_IMPORT_MAX_ROWS));
      return FALSE;
    }
  if (column >= SHK_IMPORT_MAX_COLUMNS)
    {
      g_autofree char *cell = shk_sheet_cell_name (row, column);

      last = shk_sheet_column_name (SHK_IMPORT_MAX_COLUMNS - 1);
      sheet_fail (error, sheet,
                  g_strdup_printf (_("cell %s is beyond column %s (column %u), the last one "
                                     "Shinchoku imports"),
                                   cell, last, SHK_IMPORT_MAX_COLUMNS));
      return FALSE;
    }
  return TRUE;
}

gboolean
shk_sheet_store (ShkSheet        *sheet,
                 ShkSheetReader  *reader,
                 guint            row,
                 guint            column,
                 char            *text,
                 gboolean         is_number,
                 GError         **error)
{
  g_autoptr(GRefString) owned = text;
  gboolean empty = !is_number && (text == NULL || *text == '\0');
  SheetRow *cells;
  SheetCell *cell;
  gboolean found;
  guint index;

  /* An empty cell far out (Excel keeps the formatting of empty cells) is
   * no reason to refuse a file; it is not stored anyway. */
  if (!check_address (sheet, row, column, empty ? NULL : error))
    return empty;

  cells = g_hash_table_lookup (sheet->rows, GUINT_TO_POINTER (row + 1));
  if (cells == NULL)
    {
      cells = g_new0 (SheetRow, 1);
      cells->cells = g_array_new (FALSE, TRUE, sizeof (SheetCell));
      g_array_set_clear_func (cells->cells, sheet_cell_clear);
      g_hash_table_insert (sheet->rows, GUINT_TO_POINTER (row + 1), cells);
    }
  sheet->n_rows = MAX (sheet->n_rows, row + 1);
  cells->n_columns = MAX (cells->n_columns, column + 1);

  index = row_find (cells, column, &found);
  if (found)
    {
      g_array_remove_index (cells->cells, index);
      sheet->n_cells--;
      if (reader != NULL)
        reader->n_cells--;
    }
  if (empty)
    return TRUE;

  if (reader != NULL && reader->n_cells >= SHK_IMPORT_MAX_CELLS)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE,
                   _("The file has more than %u cells with something in them, the most "
                     "Shinchoku imports"), SHK_IMPORT_MAX_CELLS);
      return FALSE;
    }
  g_array_insert_val (cells->cells, index, ((SheetCell) { .column = column }));
  cell = &g_array_index (cells->cells, SheetCell, index);
  cell->text = g_steal_pointer (&owned);
  cell->is_number = is_number;
  sheet->n_cells++;
  if (reader != NULL)
    reader->n_cells++;
  return TRUE;
}

const char *
shk_sheet_get_name (ShkSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, "");

  return sheet->name;
}

guint
shk_sheet_get_n_rows (ShkSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_rows;
}

guint
shk_sheet_get_n_cells (ShkSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_cells;
}

guint
shk_sheet_get_n_columns (ShkSheet *sheet,
                         guint     row)
{
  SheetRow *cells;

  g_return_val_if_fail (sheet != NULL, 0);

  cells = sheet_lookup_row (sheet, row);
  return cells != NULL ? cells->n_columns : 0;
}

const char *
shk_sheet_get_cell (ShkSheet *sheet,
                    guint     row,
                    guint     column,
                    gboolean *is_number)
{
  SheetRow *cells;
  SheetCell *cell;
  gboolean found;
  guint index;

  g_return_val_if_fail (sheet != NULL, "");

  if (is_number != NULL)
    *is_number = FALSE;
  cells = sheet_lookup_row (sheet, row);
  if (cells == NULL)
    return "";
  index = row_find (cells, column, &found);
  if (!found)
    return "";
  cell = &g_array_index (cells->cells, SheetCell, index);
  if (is_number != NULL)
    *is_number = cell->is_number;
  return cell->text != NULL ? cell->text : "";
}

char *
shk_sheet_column_name (guint column)
{
  char letters[8];
  guint n = 0;
  GString *name = g_string_new (NULL);

  /* Bijective base 26: A … Z, AA … */
  column++;
  while (column > 0 && n < sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  return g_string_free (name, FALSE);
}

char *
shk_sheet_cell_name (guint row,
                     guint column)
{
  g_autofree char *letters = shk_sheet_column_name (column);

  return g_strdup_printf ("%s%u", letters, row + 1);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

/* Excel writes CSV in the system's code page unless told otherwise: on
 * Japanese Windows that is Shift_JIS (CP932). Its "Unicode text" is
 * UTF-16 with a byte-order mark. */
static char *
csv_to_utf8 (const guint8  *data,
             gsize          size,
             GError       **error)
{
  const char *end = NULL;
  char *converted;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  else if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *charset = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      converted = g_convert ((const char *) data + 2, size - 2, "UTF-8", charset,
                             NULL, NULL, NULL);
      if (converted == NULL)
        g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_ENCODING,
                     _("The file starts as UTF-16 text but is not valid UTF-16"));
      return converted;
    }

  if (g_utf8_validate ((const char *) data, size, &end))
    return g_strndup ((const char *) data, size);

  converted = g_convert ((const char *) data, size, "UTF-8", "CP932", NULL, NULL, NULL);
  if (converted == NULL)
    converted = g_convert ((const char *) data, size, "UTF-8", "SHIFT_JIS", NULL, NULL, NULL);
  if (converted == NULL)
    g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_ENCODING,
                 _("Byte %zu is neither UTF-8 nor Shift_JIS text: save the file as "
                   "“CSV UTF-8” and try again"),
                 (gsize) (end - (const char *) data) + 1);
  return converted;
}

/* The separator is the comma, unless the first line has more semicolons
 * (Excel in some European locales) or tabs (Excel's "Unicode text"). */
static char
csv_sniff_separator (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

typedef struct
{
  ShkSheet       *sheet;
  ShkSheetReader *reader;
  GString        *field;
  guint           row;
  guint           column;
} CsvState;

static gboolean
csv_store_field (CsvState  *csv,
                 GError   **error)
{
  gboolean ok = shk_sheet_store (csv->sheet, csv->reader, csv->row, csv->column,
                                 g_ref_string_new_len (csv->field->str, csv->field->len),
                                 FALSE, error);

  g_string_truncate (csv->field, 0);
  return ok;
}

/* One character outside quotes; FALSE on an error. */
static gboolean
csv_step (CsvState    *csv,
          const char **p,
          char         separator,
          gboolean    *row_has_content,
          guint       *line,
          GError     **error)
{
  const char *c = *p;

  if (*c == separator)
    {
      *row_has_content = TRUE;
      if (!csv_store_field (csv, error))
        return FALSE;
      /* Columns beyond the limit are refused only when they hold text,
       * but counting them must not wrap. */
      csv->column = MIN (csv->column + 1, SHK_IMPORT_MAX_COLUMNS * 2);
    }
  else if (*c == '\r' || *c == '\n')
    {
      if (*c == '\r' && c[1] == '\n')
        *p = c + 1;
      if ((*row_has_content || csv->field->len > 0) && !csv_store_field (csv, error))
        return FALSE;
      g_string_truncate (csv->field, 0);
      (*line)++;
      csv->column = 0;
      *row_has_content = FALSE;
      /* Blank lines count as rows too; past the limit only a row with
       * text is refused, by shk_sheet_store(). */
      csv->row = MIN (csv->row + 1, SHK_IMPORT_MAX_ROWS * 2);
    }
  else
    {
      g_string_append_c (csv->field, *c);
      *row_has_content = TRUE;
    }
  return TRUE;
}

static gboolean
csv_parse (CsvState    *csv,
           const char  *text,
           GError     **error)
{
  guint line = 1, quote_line = 0;
  gboolean quoted = FALSE, row_has_content = FALSE;
  char separator = csv_sniff_separator (text);
  const char *p, *checked = text;

  for (p = text; *p != '\0'; p++)
    {
      if (p - checked >= CSV_CHUNK)
        {
          if (!shk_sheet_reader_check (csv->reader, error))
            return FALSE;
          shk_sheet_reader_advance (csv->reader, p - checked);
          checked = p;
        }

      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (csv->field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            {
              if (*p == '\n')
                line++;
              g_string_append_c (csv->field, *p);
            }
        }
      else if (*p == '"' && csv->field->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
          row_has_content = TRUE;
        }
      else if (!csv_step (csv, &p, separator, &row_has_content, &line, error))
        return FALSE;
    }

  if (quoted)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                   _("Line %u: a quoted field is never closed"), quote_line);
      return FALSE;
    }
  if ((row_has_content || csv->field->len > 0) && !csv_store_field (csv, error))
    return FALSE;
  shk_sheet_reader_advance (csv->reader, p - checked);
  return TRUE;
}

ShkSheet *
shk_sheet_read_csv_full (GBytes          *bytes,
                         ShkSheetReader  *reader,
                         GError         **error)
{
  g_autofree char *text = NULL;
  g_autoptr(ShkSheet) sheet = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  CsvState csv;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) > SHK_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB, the most Shinchoku imports"),
                   SHK_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  text = csv_to_utf8 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (text == NULL)
    return NULL;

  sheet = shk_sheet_new ("");
  csv = (CsvState) { .sheet = sheet, .reader = reader, .field = field };
  if (reader != NULL)
    reader->total = strlen (text);
  if (!csv_parse (&csv, text, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

ShkSheet *
shk_sheet_read_csv (GBytes  *bytes,
                    GError **error)
{
  ShkSheetReader reader = { 0 };

  return shk_sheet_read_csv_full (bytes, &reader, error);
}
