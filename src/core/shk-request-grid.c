/* shk-request-grid.c — the grid of a request workbook, and the workbook
 *
 * The reply sheet is first laid out as a grid of cells, so that the same
 * grid gives the visible sheet and the copy on the identification sheet;
 * the writer then only styles, validates and protects. The measures'
 * workbooks and the survey's share all of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "shk-request-private.h"
#include "shk-safe-save.h"

/* Excel refuses strings longer than this. */
#define MAX_CELL_CHARS 32000

static void
column_free (gpointer data)
{
  ShkRequestColumn *column = data;

  g_free (column->key);
  g_free (column->heading);
  g_strfreev (column->choices);
  g_free (column->message);
  g_free (column);
}

static void
cell_clear (gpointer data)
{
  ShkRequestCell *cell = data;

  g_free (cell->text);
}

ShkRequestGrid *
shk_request_grid_new (void)
{
  ShkRequestGrid *grid = g_new0 (ShkRequestGrid, 1);

  grid->columns = g_ptr_array_new_with_free_func (column_free);
  grid->cells = g_array_new (FALSE, TRUE, sizeof (ShkRequestCell));
  g_array_set_clear_func (grid->cells, cell_clear);
  grid->heights = g_array_new (FALSE, TRUE, sizeof (double));
  return grid;
}

void
shk_request_grid_free (ShkRequestGrid *grid)
{
  if (grid == NULL)
    return;
  g_ptr_array_unref (grid->columns);
  g_array_unref (grid->cells);
  g_array_unref (grid->heights);
  g_free (grid);
}

void
shk_request_grid_add_column (ShkRequestGrid     *grid,
                             const char         *key,
                             const char         *heading,
                             double              width,
                             ShkRequestCheck     check,
                             const char * const *choices,
                             const char         *message)
{
  ShkRequestColumn *column = g_new0 (ShkRequestColumn, 1);

  /* Columns come before rows: the cells are laid out by row. */
  g_return_if_fail (grid->n_rows == 0);

  column->key = g_strdup (key);
  column->heading = g_strdup (heading);
  column->width = width;
  column->check = check;
  column->choices = g_strdupv ((char **) choices);
  column->message = g_strdup (message);
  g_ptr_array_add (grid->columns, column);
}

guint
shk_request_grid_add_row (ShkRequestGrid *grid,
                          double          height)
{
  g_array_set_size (grid->cells, (grid->n_rows + 1) * grid->columns->len);
  g_array_append_val (grid->heights, height);
  return grid->n_rows++;
}

guint
shk_request_grid_column (ShkRequestGrid *grid,
                         const char     *key)
{
  for (guint c = 0; c < grid->columns->len; c++)
    if (g_str_equal (((ShkRequestColumn *) g_ptr_array_index (grid->columns, c))->key, key))
      return c;
  return G_MAXUINT;
}

ShkRequestCell *
shk_request_grid_cell (ShkRequestGrid *grid,
                       guint           row,
                       guint           column)
{
  g_return_val_if_fail (row < grid->n_rows && column < grid->columns->len, NULL);
  return &g_array_index (grid->cells, ShkRequestCell, row * grid->columns->len + column);
}

void
shk_request_grid_set_text (ShkRequestGrid *grid,
                           guint           row,
                           const char     *key,
                           const char     *text)
{
  ShkRequestCell *cell = shk_request_grid_cell (grid, row, shk_request_grid_column (grid, key));

  if (text == NULL || *text == '\0')
    return;
  cell->kind = SHK_REQUEST_CELL_TEXT;
  g_free (cell->text);
  cell->text = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), MAX_CELL_CHARS));
}

void
shk_request_grid_set_number (ShkRequestGrid *grid,
                             guint           row,
                             const char     *key,
                             gboolean        has_value,
                             double          value)
{
  ShkRequestCell *cell = shk_request_grid_cell (grid, row, shk_request_grid_column (grid, key));

  if (!has_value)
    return;
  cell->kind = SHK_REQUEST_CELL_NUMBER;
  cell->number = value;
}

void
shk_request_grid_set_input (ShkRequestGrid *grid,
                            guint           row,
                            const char     *key)
{
  shk_request_grid_cell (grid, row, shk_request_grid_column (grid, key))->input = TRUE;
}

GPtrArray *
shk_request_grid_dup_copy (ShkRequestGrid *grid)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrvBuilder *keys = g_strv_builder_new ();

  for (guint c = 0; c < grid->columns->len; c++)
    g_strv_builder_add (keys, ((ShkRequestColumn *) g_ptr_array_index (grid->columns, c))->key);
  g_ptr_array_add (rows, g_strv_builder_end (keys));
  g_strv_builder_unref (keys);

  for (guint r = 0; r < grid->n_rows; r++)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint c = 0; c < grid->columns->len; c++)
        {
          ShkRequestCell *cell = shk_request_grid_cell (grid, r, c);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          if (cell->kind == SHK_REQUEST_CELL_NUMBER)
            g_strv_builder_add (builder, g_ascii_dtostr (buffer, sizeof buffer, cell->number));
          else if (cell->kind == SHK_REQUEST_CELL_TEXT)
            g_strv_builder_add (builder, cell->text);
          else
            g_strv_builder_add (builder, "");
        }
      g_ptr_array_add (rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
  return rows;
}

gboolean
shk_request_make_folder (GFile   *folder,
                         GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
shk_request_save_in_folder (GFile      *folder,
                            const char *name,
                            GBytes     *bytes,
                            GError    **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  return shk_safe_save_bytes (file, bytes, SHK_SAFE_SAVE_NONE, NULL, error);
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

#ifdef HAVE_XLSXWRITER

typedef struct
{
  lxw_format *title;
  lxw_format *title_wrap;
  lxw_format *heading;
  lxw_format *context;
  lxw_format *context_number;
  lxw_format *context_integer;
  lxw_format *input;
  lxw_format *input_number;
  lxw_format *closed;
  lxw_format *wrap;
} Formats;

static void
init_formats (lxw_workbook *workbook,
              Formats      *f)
{
  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);

  /* The instructions' title wraps in its wide column; the reply sheet's
   * runs over the empty cells beside it. */
  f->title_wrap = workbook_add_format (workbook);
  format_set_bold (f->title_wrap);
  format_set_font_size (f->title_wrap, 14);
  format_set_text_wrap (f->title_wrap);
  format_set_align (f->title_wrap, LXW_ALIGN_VERTICAL_TOP);

  f->heading = workbook_add_format (workbook);
  format_set_bold (f->heading);
  format_set_bg_color (f->heading, 0xDDE6F0);
  format_set_border (f->heading, LXW_BORDER_THIN);
  format_set_text_wrap (f->heading);
  format_set_align (f->heading, LXW_ALIGN_VERTICAL_CENTER);

  f->context = workbook_add_format (workbook);
  format_set_border (f->context, LXW_BORDER_THIN);
  format_set_text_wrap (f->context);
  format_set_align (f->context, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (f->context, 0xF2F2F2);

  f->context_number = workbook_add_format (workbook);
  format_set_border (f->context_number, LXW_BORDER_THIN);
  format_set_align (f->context_number, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (f->context_number, 0xF2F2F2);
  format_set_num_format (f->context_number, "#,##0.######");

  /* "#,##0.######" shows 3510 as "3,510." in Excel and Gnumeric: whole
   * numbers get a format of their own. */
  f->context_integer = workbook_add_format (workbook);
  format_set_border (f->context_integer, LXW_BORDER_THIN);
  format_set_align (f->context_integer, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (f->context_integer, 0xF2F2F2);
  format_set_num_format (f->context_integer, "#,##0");

  /* Input cells: unlocked, and yellow so that they are found at a glance. */
  f->input = workbook_add_format (workbook);
  format_set_unlocked (f->input);
  format_set_border (f->input, LXW_BORDER_THIN);
  format_set_text_wrap (f->input);
  format_set_align (f->input, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (f->input, 0xFFF5B8);

  f->input_number = workbook_add_format (workbook);
  format_set_unlocked (f->input_number);
  format_set_border (f->input_number, LXW_BORDER_THIN);
  format_set_align (f->input_number, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (f->input_number, 0xFFF5B8);
  /* The general format: whatever the section types shows as typed,
   * without a stray decimal point or a rounding. */

  /* An input column on a row with nothing to enter there. */
  f->closed = workbook_add_format (workbook);
  format_set_border (f->closed, LXW_BORDER_THIN);
  format_set_pattern (f->closed, LXW_PATTERN_LIGHT_UP);
  format_set_fg_color (f->closed, 0xD0D0D0);

  f->wrap = workbook_add_format (workbook);
  format_set_text_wrap (f->wrap);
  format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* The instructions' one column, in characters: it fits A4 portrait. */
#define INSTRUCTIONS_WIDTH 90
/* A line of 11-point text, in points. */
#define LINE_HEIGHT 15

/* How many lines @text takes wrapped in a column @width characters wide:
 * a column's width counts narrow characters, and Japanese ones are two
 * of them. An estimate, since the spreadsheet's font decides. */
static guint
text_lines (const char *text,
            double      width)
{
  guint lines = 1;
  double used = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* A little over two: Japanese fonts run wider than two digits. */
      double w = g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.2 : 1;

      if (c == '\n' || used + w > width)
        {
          lines++;
          used = c == '\n' ? 0 : w;
        }
      else
        used += w;
    }
  return lines;
}

static void
write_grid_cell (lxw_worksheet        *sheet,
                 const Formats        *f,
                 guint                 row,
                 guint                 column,
                 const ShkRequestCell *cell,
                 gboolean              input_column)
{
  lxw_format *text_format = cell->input ? f->input : input_column ? f->closed : f->context;
  lxw_format *number_format = cell->input ? f->input_number
                             : cell->number == floor (cell->number) && fabs (cell->number) < 1e15
                             ? f->context_integer : f->context_number;

  switch (cell->kind)
    {
    case SHK_REQUEST_CELL_TEXT:
      worksheet_write_string (sheet, row, column, cell->text, text_format);
      break;
    case SHK_REQUEST_CELL_NUMBER:
      worksheet_write_number (sheet, row, column, cell->number, number_format);
      break;
    case SHK_REQUEST_CELL_EMPTY:
    default:
      worksheet_write_blank (sheet, row, column, text_format);
      break;
    }
}

/* The validation of a column, or FALSE when it has none. */
static gboolean
column_validation (const ShkRequestColumn *column,
                   const char             *error_title,
                   lxw_data_validation    *v)
{
  memset (v, 0, sizeof *v);
  v->error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  v->error_title = (char *) error_title;
  v->error_message = column->message;
  switch (column->check)
    {
    case SHK_REQUEST_CHECK_NUMBER:
    case SHK_REQUEST_CHECK_HOURS:
      v->validate = LXW_VALIDATION_TYPE_DECIMAL;
      v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v->minimum_number = column->check == SHK_REQUEST_CHECK_HOURS ? 0 : -1e15;
      v->maximum_number = 1e15;
      return TRUE;
    case SHK_REQUEST_CHECK_TEXT:
      v->validate = LXW_VALIDATION_TYPE_LENGTH;
      v->criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
      v->value_number = SHK_REQUEST_MAX_TEXT;
      return TRUE;
    case SHK_REQUEST_CHECK_LIST:
      v->validate = LXW_VALIDATION_TYPE_LIST;
      /* libxlsxwriter takes the list as char **, though it only reads it. */
      v->value_list = column->choices;
      return TRUE;
    case SHK_REQUEST_CHECK_NONE:
    default:
      return FALSE;
    }
}

/* Data validation on each column's input cells, row by row (not every
 * row has every input). */
static void
add_validations (lxw_worksheet  *sheet,
                 ShkRequestGrid *grid)
{
  g_autofree char *error_title = g_strdup (_("Not accepted"));

  for (guint c = 0; c < grid->columns->len; c++)
    {
      lxw_data_validation validation;

      if (!column_validation (g_ptr_array_index (grid->columns, c), error_title, &validation))
        continue;
      for (guint r = 0; r < grid->n_rows; r++)
        if (shk_request_grid_cell (grid, r, c)->input)
          worksheet_data_validation_cell (sheet, SHK_REQUEST_FIRST_ROW + r, c, &validation);
    }
}

static void
write_reply_sheet (lxw_workbook         *workbook,
                   const Formats        *f,
                   const ShkRequestBook *book,
                   ShkRequestGrid       *grid)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, book->sheet_name);
  lxw_protection protection = { .format_columns = 1, .format_rows = 1 };
  double total_width = 0;

  worksheet_write_string (sheet, SHK_REQUEST_TITLE_ROW, 0, book->title, f->title);
  worksheet_set_row (sheet, SHK_REQUEST_TITLE_ROW, 22, NULL);
  worksheet_write_string (sheet, SHK_REQUEST_SECTION_ROW, 0, _("Section"), NULL);
  worksheet_set_row (sheet, SHK_REQUEST_SECTION_ROW, 22, NULL);
  worksheet_write_string (sheet, SHK_REQUEST_SECTION_ROW, SHK_REQUEST_SECTION_COLUMN,
                          book->section, f->title);
  worksheet_write_string (sheet, SHK_REQUEST_HINT_ROW, 0, book->hint, NULL);
  for (guint c = 0; c < grid->columns->len; c++)
    {
      const ShkRequestColumn *column = g_ptr_array_index (grid->columns, c);

      worksheet_write_string (sheet, SHK_REQUEST_HEADING_ROW, c, column->heading, f->heading);
      worksheet_set_column (sheet, c, c, column->width, NULL);
      total_width += column->width;
    }
  worksheet_set_row (sheet, SHK_REQUEST_HEADING_ROW, 45, NULL);
  /* libxlsxwriter does not fit rows to wrapped text: the grid says how
   * tall each row is at least, and longer texts get their lines. */
  for (guint r = 0; r < grid->n_rows; r++)
    {
      double height = g_array_index (grid->heights, double, r);

      for (guint c = 0; c < grid->columns->len; c++)
        {
          const ShkRequestCell *cell = shk_request_grid_cell (grid, r, c);
          const ShkRequestColumn *column = g_ptr_array_index (grid->columns, c);

          if (cell->kind == SHK_REQUEST_CELL_TEXT)
            height = MAX (height, text_lines (cell->text, column->width) * LINE_HEIGHT + 4);
        }
      worksheet_set_row (sheet, SHK_REQUEST_FIRST_ROW + r, MIN (height, 409), NULL);
    }
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->columns->len; c++)
      {
        const ShkRequestColumn *column = g_ptr_array_index (grid->columns, c);

        write_grid_cell (sheet, f, SHK_REQUEST_FIRST_ROW + r, c, shk_request_grid_cell (grid, r, c),
                         g_str_has_prefix (column->key, "in:"));
      }

  add_validations (sheet, grid);
  worksheet_freeze_panes (sheet, SHK_REQUEST_FIRST_ROW, book->frozen_columns);
  /* Printed: landscape, the headings on every page, and a sheet not
   * much wider than the paper shrunk to fit it (a wider one would print
   * too small to read). */
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  if (total_width <= 180)
    worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, SHK_REQUEST_HEADING_ROW, SHK_REQUEST_HEADING_ROW);
  worksheet_protect (sheet, NULL, &protection);
}

static void
write_instructions (lxw_workbook         *workbook,
                    const Formats        *f,
                    const ShkRequestBook *book)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Instructions"));

  worksheet_set_column (sheet, 0, 0, INSTRUCTIONS_WIDTH, f->wrap);
  for (guint i = 0; book->instructions[i] != NULL; i++)
    {
      const char *line = book->instructions[i];
      /* The title's 14 points take about a third more room. */
      double scale = i == 0 ? 14.0 / 11.0 : 1.0;
      guint lines = text_lines (line, INSTRUCTIONS_WIDTH / scale);

      worksheet_write_string (sheet, i, 0, line, i == 0 ? f->title_wrap : f->wrap);
      if (lines > 1 || i == 0)
        worksheet_set_row (sheet, i, lines * LINE_HEIGHT * scale + 4, NULL);
    }
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_activate (sheet);
}

/* The identification sheet: hidden, and protected so that it is not
 * changed by mistake. libxlsxwriter 1.1.4 (Debian 12) cannot mark a sheet
 * "very hidden"; the checksum is what guards it. */
static void
write_id_sheet (lxw_workbook       *workbook,
                const char         *magic,
                const char * const *values,
                GPtrArray          *copy)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, SHK_REQUEST_ID_SHEET);
  const char *keys[] = {
    [SHK_REQUEST_ROW_MAGIC] = magic,
    [SHK_REQUEST_ROW_DOCUMENT] = "document",
    [SHK_REQUEST_ROW_SECTION] = "section",
    [SHK_REQUEST_ROW_YEAR] = "year",
    [SHK_REQUEST_ROW_SHEET] = "sheet",
    [SHK_REQUEST_ROW_FIRST_ROW] = "first_row",
    [SHK_REQUEST_ROW_N_ROWS] = "rows",
    [SHK_REQUEST_ROW_DUE] = "due",
    [SHK_REQUEST_ROW_CREATED] = "created",
    [SHK_REQUEST_ROW_CHECKSUM] = "checksum",
  };

  for (guint r = 0; r < G_N_ELEMENTS (keys); r++)
    {
      worksheet_write_string (sheet, r, 0, keys[r], NULL);
      if (values[r] != NULL && *values[r] != '\0')
        worksheet_write_string (sheet, r, 1, values[r], NULL);
    }
  /* Everything as strings: a spreadsheet that re-saves the workbook
   * keeps strings as they are, so the checksum still holds. */
  for (guint r = 0; r < copy->len; r++)
    {
      char **cells = g_ptr_array_index (copy, r);

      for (guint c = 0; cells[c] != NULL; c++)
        if (*cells[c] != '\0')
          worksheet_write_string (sheet, SHK_REQUEST_ROW_COLUMNS + r, c, cells[c], NULL);
    }
  worksheet_hide (sheet);
  worksheet_protect (sheet, NULL, NULL);
}

static gboolean
write_workbook (const ShkRequestBook *book,
                ShkRequestGrid       *grid,
                const char           *path,
                GError              **error)
{
  g_autoptr(GPtrArray) copy = shk_request_grid_dup_copy (grid);
  g_autofree char *checksum = shk_request_checksum (book->document, book->section, book->year_id,
                                                    book->sheet_name, copy);
  g_autofree char *first_row = g_strdup_printf ("%u", SHK_REQUEST_FIRST_ROW);
  g_autofree char *n_rows = g_strdup_printf ("%u", grid->n_rows);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *values[SHK_REQUEST_ROW_COLUMNS] = {
    [SHK_REQUEST_ROW_MAGIC] = G_STRINGIFY (SHK_REQUEST_VERSION),
    [SHK_REQUEST_ROW_DOCUMENT] = book->document,
    [SHK_REQUEST_ROW_SECTION] = book->section,
    [SHK_REQUEST_ROW_YEAR] = book->year_id,
    [SHK_REQUEST_ROW_SHEET] = book->sheet_name,
    [SHK_REQUEST_ROW_FIRST_ROW] = first_row,
    [SHK_REQUEST_ROW_N_ROWS] = n_rows,
    [SHK_REQUEST_ROW_DUE] = book->due,
    [SHK_REQUEST_ROW_CREATED] = book->created != NULL ? book->created : today,
    [SHK_REQUEST_ROW_CHECKSUM] = checksum,
  };
  lxw_workbook *workbook = workbook_new (path);
  Formats formats;
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_FAILED,
                   _("Could not create the workbook “%s”"), path);
      return FALSE;
    }
  init_formats (workbook, &formats);
  write_instructions (workbook, &formats, book);
  write_reply_sheet (workbook, &formats, book, grid);
  write_id_sheet (workbook, book->magic, values, copy);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_FAILED,
                   /* TRANSLATORS: the %s is libxlsxwriter's (English) reason */
                   _("Could not write the workbook: %s"), lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

#endif /* HAVE_XLSXWRITER */

GBytes *
shk_request_book_write (const ShkRequestBook *book,
                        ShkRequestGrid       *grid,
                        GError              **error)
{
#ifdef HAVE_XLSXWRITER
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;
  int fd;

  /* A temporary file, so that a failure never leaves half a workbook
   * where the user asked. */
  fd = g_file_open_tmp ("shinchoku-request-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  ok = write_workbook (book, grid, path, error) &&
       g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);
  if (!ok)
    return NULL;
  return g_bytes_new_take (contents, length);
#else
  g_set_error_literal (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_UNSUPPORTED,
                       _("This copy of Shinchoku was built without libxlsxwriter and cannot "
                         "write Excel workbooks"));
  return NULL;
#endif
}
