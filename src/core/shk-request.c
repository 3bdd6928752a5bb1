/* shk-request.c — request workbooks: one XLSX per owning section
 *
 * The reply sheet is first laid out as a grid of cells (RequestGrid), so
 * that the same grid gives the visible sheet and the copy on the
 * identification sheet; the writer then only styles and protects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "shk-number.h"
#include "shk-request.h"
#include "shk-safe-save.h"

G_DEFINE_QUARK (shk-request-error-quark, shk_request_error)

/* The reply sheet's rows: a title, the section, a hint, the headings. */
#define TITLE_ROW   0
#define HINT_ROW    2
#define HEADING_ROW 3
#define FIRST_ROW   4

/* Excel refuses strings longer than this. */
#define MAX_CELL_CHARS 32000

void
shk_request_info_free (ShkRequestInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->section);
  g_free (info->file_name);
  g_clear_pointer (&info->measures, g_array_unref);
  g_free (info);
}

GStrv
shk_request_split_sections (const char *section)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = g_strdup (section != NULL ? section : "");
  g_auto(GStrv) parts = NULL;
  static const char * const separators[] = { "，", "、", NULL };

  /* Full-width separators become commas first, so one split does. */
  for (guint i = 0; separators[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (text, separators[i], -1);

      g_free (text);
      text = g_strjoinv (",", pieces);
    }
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0' &&
          !g_ptr_array_find_with_equal_func (kept, parts[i], g_str_equal, NULL))
        g_ptr_array_add (kept, g_strdup (parts[i]));
    }
  g_ptr_array_add (kept, NULL);
  return (GStrv) g_ptr_array_steal (kept, NULL);
}

static gboolean
measure_owned_by (ShkMeasure *measure,
                  const char *section)
{
  g_auto(GStrv) sections = shk_request_split_sections (shk_measure_get_section (measure));

  return g_strv_contains ((const char * const *) sections, section);
}

GStrv
shk_request_dup_sections (ShkPlan *plan)
{
  GListModel *measures = shk_plan_get_measures (plan);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      g_auto(GStrv) sections = shk_request_split_sections (shk_measure_get_section (measure));

      for (guint s = 0; sections[s] != NULL; s++)
        if (!g_ptr_array_find_with_equal_func (seen, sections[s], g_str_equal, NULL))
          g_ptr_array_add (seen, g_strdup (sections[s]));
    }
  g_ptr_array_add (seen, NULL);
  return (GStrv) g_ptr_array_steal (seen, NULL);
}

GPtrArray *
shk_request_dup_measures (ShkPlan    *plan,
                          const char *section)
{
  GListModel *measures = shk_plan_get_measures (plan);
  GPtrArray *owned = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);

      if (measure_owned_by (measure, section))
        g_ptr_array_add (owned, g_object_ref (measure));
    }
  return owned;
}

char *
shk_request_dup_document_id (ShkPlan *plan)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *organisation = shk_plan_get_organisation (plan);
  const char *title = shk_plan_get_title (plan);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  g_checksum_update (checksum, (const guchar *) (organisation ? organisation : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) (title ? title : ""), -1);
  /* Sixteen hex digits tell plans apart; the whole hash is not needed. */
  return g_strndup (g_checksum_get_string (checksum), 16);
}

char *
shk_request_dup_file_name (const char *year_id,
                           const char *section)
{
  /* TRANSLATORS: a request workbook's file name: year id, section */
  g_autofree char *name = g_strdup_printf (_("%s_%s_request.xlsx"), year_id, section);

  /* Characters Windows, macOS or a shared folder would refuse. */
  g_strdelimit (name, "/\\:*?\"<>|", '_');
  for (char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = '_';
  return g_steal_pointer (&name);
}

char *
shk_request_checksum (const char *document,
                      const char *section,
                      const char *year_id,
                      const char *sheet,
                      GPtrArray  *rows)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *head[] = { document, section, year_id, sheet };

  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    {
      g_checksum_update (checksum, (const guchar *) (head[i] ? head[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_checksum_update (checksum, (const guchar *) cells[c], -1);
          g_checksum_update (checksum, (const guchar *) "\x1f", 1);
        }
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL;
}

gboolean
shk_request_check_options (ShkPlan                 *plan,
                           const ShkRequestOptions *options,
                           GError                 **error)
{
  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);

  if (options->year_id == NULL || shk_plan_find_fiscal_year (plan, options->year_id) == NULL)
    {
      g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                   _("The plan has no fiscal year “%s”"),
                   options->year_id != NULL ? options->year_id : "");
      return FALSE;
    }
  if (options->due != NULL && !is_date (options->due))
    {
      g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                   _("The due date “%s” is not a date written YYYY-MM-DD"), options->due);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The grid                                                            */

typedef enum
{
  CELL_EMPTY,
  CELL_TEXT,
  CELL_NUMBER,
} CellKind;

typedef struct
{
  CellKind  kind;
  char     *text;     /* CELL_TEXT */
  double    number;   /* CELL_NUMBER */
  gboolean  input;    /* open to the section */
} Cell;

typedef struct
{
  GPtrArray *keys;       /* column keys (char *) */
  GPtrArray *headings;   /* translated headings (char *) */
  GArray    *cells;      /* Cell, n_rows × keys->len */
  guint      n_rows;
  GArray    *measures;   /* guint numbers */
} RequestGrid;

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
}

static void
request_grid_free (RequestGrid *grid)
{
  g_ptr_array_unref (grid->keys);
  g_ptr_array_unref (grid->headings);
  g_array_unref (grid->cells);
  g_array_unref (grid->measures);
  g_free (grid);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RequestGrid, request_grid_free)

static void
add_column (RequestGrid *grid,
            char        *key,
            char        *heading)
{
  g_ptr_array_add (grid->keys, key);
  g_ptr_array_add (grid->headings, heading);
}

static Cell *
grid_cell (RequestGrid *grid,
           guint        row,
           guint        column)
{
  return &g_array_index (grid->cells, Cell, row * grid->keys->len + column);
}

static guint
grid_column (RequestGrid *grid,
             const char  *key)
{
  guint index = G_MAXUINT;

  g_ptr_array_find_with_equal_func (grid->keys, key, g_str_equal, &index);
  return index;
}

static void
set_text (RequestGrid *grid,
          guint        row,
          const char  *key,
          const char  *text)
{
  Cell *cell = grid_cell (grid, row, grid_column (grid, key));

  if (text == NULL || *text == '\0')
    return;
  cell->kind = CELL_TEXT;
  cell->text = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), MAX_CELL_CHARS));
}

static void
set_number (RequestGrid *grid,
            guint        row,
            const char  *key,
            gboolean     has_value,
            double       value)
{
  Cell *cell = grid_cell (grid, row, grid_column (grid, key));

  if (!has_value)
    return;
  cell->kind = CELL_NUMBER;
  cell->number = value;
}

static void
set_input (RequestGrid *grid,
           guint        row,
           const char  *key)
{
  grid_cell (grid, row, grid_column (grid, key))->input = TRUE;
}

/* The columns: context first, then what the section fills in. Past
 * actuals are the years before the one asked for. */
static void
add_columns (RequestGrid *grid,
             ShkPlan     *plan,
             const char  *year_id)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  guint n_years = g_list_model_get_n_items (years);

  add_column (grid, g_strdup (SHK_REQUEST_KEY_MEASURE), g_strdup (_("Measure No.")));
  add_column (grid, g_strdup ("measure_name"), g_strdup (_("Measure")));
  add_column (grid, g_strdup (SHK_REQUEST_KEY_INDICATOR_NO), g_strdup (_("Indicator No.")));
  add_column (grid, g_strdup ("indicator"), g_strdup (_("Indicator")));
  add_column (grid, g_strdup ("unit"), g_strdup (_("Unit")));
  for (guint i = 0; i < n_years; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      const char *id = shk_fiscal_year_get_id (year);

      /* TRANSLATORS: a column heading, %s is a fiscal year id ("R3") */
      add_column (grid, g_strconcat ("target:", id, NULL), g_strdup_printf (_("Target %s"), id));
    }
  for (guint i = 0; i < n_years; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      const char *id = shk_fiscal_year_get_id (year);

      if (g_str_equal (id, year_id))
        break;
      /* TRANSLATORS: a column heading, %s is a fiscal year id ("R2") */
      add_column (grid, g_strconcat ("actual:", id, NULL), g_strdup_printf (_("Actual %s"), id));
    }
  add_column (grid, g_strdup (SHK_REQUEST_KEY_PREV_ACTIONS), g_strdup (_("Actions so far")));
  add_column (grid, g_strdup (SHK_REQUEST_KEY_PREV_PLAN), g_strdup (_("Plan given last time")));
  /* TRANSLATORS: the column the section fills in; %s is a year id ("R3") */
  add_column (grid, g_strdup (SHK_REQUEST_KEY_ACTUAL), g_strdup_printf (_("Actual %s (fill in)"), year_id));
  /* TRANSLATORS: 取組実績; %s is a year id ("R3") */
  add_column (grid, g_strdup (SHK_REQUEST_KEY_ACTIONS), g_strdup_printf (_("Actions taken in %s (fill in)"), year_id));
  add_column (grid, g_strdup (SHK_REQUEST_KEY_NEXT_YEAR_PLAN), g_strdup (_("Plan for the next year (fill in)")));
  add_column (grid, g_strdup (SHK_REQUEST_KEY_SELF_GRADE), g_strdup (_("Self-assessment ◎○△－ (optional)")));
  add_column (grid, g_strdup (SHK_REQUEST_KEY_SELF_REASON), g_strdup (_("Reason for the self-assessment")));
}

static void
add_indicator_values (RequestGrid  *grid,
                      guint         row,
                      ShkIndicator *indicator,
                      const char   *year_id)
{
  for (guint c = 0; c < grid->keys->len; c++)
    {
      const char *key = g_ptr_array_index (grid->keys, c);
      double value = 0;
      gboolean has;

      if (g_str_has_prefix (key, "target:"))
        {
          has = shk_indicator_get_target (indicator, key + strlen ("target:"), &value);
          set_number (grid, row, key, has, value);
        }
      else if (g_str_has_prefix (key, "actual:"))
        {
          has = shk_indicator_get_actual (indicator, key + strlen ("actual:"), &value);
          set_number (grid, row, key, has, value);
        }
    }
  /* The year's actual is shown when the office already has one, so that
   * the section corrects it rather than types it again. */
  {
    double value = 0;
    gboolean has = shk_indicator_get_actual (indicator, year_id, &value);

    set_number (grid, row, SHK_REQUEST_KEY_ACTUAL, has, value);
    set_input (grid, row, SHK_REQUEST_KEY_ACTUAL);
  }
}

/* The measure's texts go on its first row only: they are the measure's,
 * not an indicator's. */
static void
add_measure_texts (RequestGrid *grid,
                   guint        row,
                   ShkMeasure  *measure,
                   const char  *year_id)
{
  ShkGrade grade;
  const char *reason = NULL;

  set_text (grid, row, SHK_REQUEST_KEY_PREV_ACTIONS, shk_measure_get_actions (measure));
  set_text (grid, row, SHK_REQUEST_KEY_PREV_PLAN, shk_measure_get_next_year_plan (measure));
  if (shk_measure_get_self_grade (measure, year_id, &grade, &reason))
    {
      set_text (grid, row, SHK_REQUEST_KEY_SELF_GRADE, shk_grade_to_symbol (grade));
      set_text (grid, row, SHK_REQUEST_KEY_SELF_REASON, reason);
    }
  set_input (grid, row, SHK_REQUEST_KEY_ACTIONS);
  set_input (grid, row, SHK_REQUEST_KEY_NEXT_YEAR_PLAN);
  set_input (grid, row, SHK_REQUEST_KEY_SELF_GRADE);
  set_input (grid, row, SHK_REQUEST_KEY_SELF_REASON);
}

static void
grid_add_row (RequestGrid *grid)
{
  g_array_set_size (grid->cells, (grid->n_rows + 1) * grid->keys->len);
  grid->n_rows++;
}

static RequestGrid *
request_grid_new (ShkPlan    *plan,
                  const char *section,
                  const char *year_id)
{
  g_autoptr(RequestGrid) grid = g_new0 (RequestGrid, 1);
  g_autoptr(GPtrArray) measures = shk_request_dup_measures (plan, section);

  grid->keys = g_ptr_array_new_with_free_func (g_free);
  grid->headings = g_ptr_array_new_with_free_func (g_free);
  grid->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (grid->cells, cell_clear);
  grid->measures = g_array_new (FALSE, FALSE, sizeof (guint));
  add_columns (grid, plan, year_id);

  for (guint m = 0; m < measures->len; m++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, m);
      GListModel *indicators = shk_measure_get_indicators (measure);
      guint n = g_list_model_get_n_items (indicators);
      guint number = shk_measure_get_number (measure);

      g_array_append_val (grid->measures, number);
      /* A measure without indicators still gets its row, for its texts. */
      for (guint i = 0; i < MAX (n, 1); i++)
        {
          guint row = grid->n_rows;

          grid_add_row (grid);
          set_number (grid, row, SHK_REQUEST_KEY_MEASURE, TRUE, number);
          set_text (grid, row, "measure_name", shk_measure_get_name (measure));
          if (i < n)
            {
              g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);

              set_number (grid, row, SHK_REQUEST_KEY_INDICATOR_NO, TRUE, i + 1);
              set_text (grid, row, "indicator", shk_indicator_get_label (indicator));
              set_text (grid, row, "unit", shk_indicator_get_unit (indicator));
              add_indicator_values (grid, row, indicator, year_id);
            }
          if (i == 0)
            add_measure_texts (grid, row, measure, year_id);
        }
    }
  return g_steal_pointer (&grid);
}

/* The copy of the grid as text, the column keys first: what the
 * identification sheet holds and the checksum covers. Numbers are written
 * shortest-exact in the C locale, so that they compare as numbers. */
static GPtrArray *
request_grid_dup_copy (RequestGrid *grid)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrvBuilder *keys = g_strv_builder_new ();

  for (guint c = 0; c < grid->keys->len; c++)
    g_strv_builder_add (keys, g_ptr_array_index (grid->keys, c));
  g_ptr_array_add (rows, g_strv_builder_end (keys));
  g_strv_builder_unref (keys);

  for (guint r = 0; r < grid->n_rows; r++)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint c = 0; c < grid->keys->len; c++)
        {
          Cell *cell = grid_cell (grid, r, c);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          if (cell->kind == CELL_NUMBER)
            g_strv_builder_add (builder, g_ascii_dtostr (buffer, sizeof buffer, cell->number));
          else if (cell->kind == CELL_TEXT)
            g_strv_builder_add (builder, cell->text);
          else
            g_strv_builder_add (builder, "");
        }
      g_ptr_array_add (rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
  return rows;
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

#ifdef HAVE_XLSXWRITER

typedef struct
{
  lxw_format *title;
  lxw_format *heading;
  lxw_format *context;
  lxw_format *context_number;
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
  format_set_num_format (f->input_number, "#,##0.######");

  /* An input column on a measure's second indicator: nothing to enter. */
  f->closed = workbook_add_format (workbook);
  format_set_border (f->closed, LXW_BORDER_THIN);
  format_set_pattern (f->closed, LXW_PATTERN_LIGHT_UP);
  format_set_fg_color (f->closed, 0xD0D0D0);

  f->wrap = workbook_add_format (workbook);
  format_set_text_wrap (f->wrap);
  format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);
}

static double
column_width (const char *key)
{
  if (g_str_equal (key, "measure_name") || g_str_equal (key, "indicator"))
    return 28;
  if (g_str_has_prefix (key, "prev_") || g_str_equal (key, SHK_REQUEST_KEY_ACTIONS) ||
      g_str_equal (key, SHK_REQUEST_KEY_NEXT_YEAR_PLAN) ||
      g_str_equal (key, SHK_REQUEST_KEY_SELF_REASON))
    return 40;
  if (g_str_equal (key, SHK_REQUEST_KEY_MEASURE) || g_str_equal (key, SHK_REQUEST_KEY_INDICATOR_NO))
    return 8;
  return 14;
}

static void
write_grid_cell (lxw_worksheet *sheet,
                 const Formats *f,
                 guint          row,
                 guint          column,
                 const Cell    *cell,
                 gboolean       input_column)
{
  lxw_format *text_format = cell->input ? f->input : input_column ? f->closed : f->context;
  lxw_format *number_format = cell->input ? f->input_number : f->context_number;

  switch (cell->kind)
    {
    case CELL_TEXT:
      worksheet_write_string (sheet, row, column, cell->text, text_format);
      break;
    case CELL_NUMBER:
      worksheet_write_number (sheet, row, column, cell->number, number_format);
      break;
    case CELL_EMPTY:
    default:
      worksheet_write_blank (sheet, row, column, text_format);
      break;
    }
}

/* Data validation on a column's input cells, row by row (a measure's
 * later indicators have no text inputs). */
static void
validate_column (lxw_worksheet        *sheet,
                 RequestGrid          *grid,
                 const char           *key,
                 lxw_data_validation  *validation)
{
  guint column = grid_column (grid, key);

  for (guint r = 0; r < grid->n_rows; r++)
    if (grid_cell (grid, r, column)->input)
      worksheet_data_validation_cell (sheet, FIRST_ROW + r, column, validation);
}

static void
add_validations (lxw_worksheet *sheet,
                 RequestGrid   *grid)
{
  /* libxlsxwriter takes the list as char **, though it only reads it. */
  char *grades[] = { (char *) "◎", (char *) "○", (char *) "△", (char *) "－", NULL };
  lxw_data_validation number = {
    .validate = LXW_VALIDATION_TYPE_DECIMAL,
    .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
    .minimum_number = -1e15,
    .maximum_number = 1e15,
    .error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
  };
  lxw_data_validation grade = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = grades,
    .error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
  };
  lxw_data_validation length = {
    .validate = LXW_VALIDATION_TYPE_LENGTH,
    .criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO,
    .value_number = SHK_REQUEST_MAX_TEXT,
    .error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
  };
  g_autofree char *number_message = g_strdup (_("Enter a number, without the unit."));
  g_autofree char *grade_message = g_strdup (_("Choose ◎, ○, △ or － from the list."));
  g_autofree char *length_message = g_strdup_printf (_("At most %u characters."),
                                                      SHK_REQUEST_MAX_TEXT);
  g_autofree char *error_title = g_strdup (_("Not accepted"));

  number.error_title = error_title;
  number.error_message = number_message;
  grade.error_title = error_title;
  grade.error_message = grade_message;
  length.error_title = error_title;
  length.error_message = length_message;

  validate_column (sheet, grid, SHK_REQUEST_KEY_ACTUAL, &number);
  validate_column (sheet, grid, SHK_REQUEST_KEY_SELF_GRADE, &grade);
  validate_column (sheet, grid, SHK_REQUEST_KEY_ACTIONS, &length);
  validate_column (sheet, grid, SHK_REQUEST_KEY_NEXT_YEAR_PLAN, &length);
  validate_column (sheet, grid, SHK_REQUEST_KEY_SELF_REASON, &length);
}

static void
write_reply_sheet (lxw_workbook  *workbook,
                   const Formats *f,
                   RequestGrid   *grid,
                   ShkPlan       *plan,
                   const char    *section,
                   const char    *year_id,
                   const char    *sheet_name)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, sheet_name);
  ShkFiscalYear *year = shk_plan_find_fiscal_year (plan, year_id);
  lxw_protection protection = { .format_columns = 1, .format_rows = 1 };
  /* TRANSLATORS: the reply sheet's title: plan title, year label */
  g_autofree char *title = g_strdup_printf (_("%s — figures for %s"), shk_plan_get_title (plan),
                                            shk_fiscal_year_get_label (year));

  worksheet_write_string (sheet, TITLE_ROW, 0, title, f->title);
  worksheet_write_string (sheet, SHK_REQUEST_SECTION_ROW, 0, _("Section"), NULL);
  worksheet_write_string (sheet, SHK_REQUEST_SECTION_ROW, SHK_REQUEST_SECTION_COLUMN, section,
                          f->title);
  worksheet_write_string (sheet, HINT_ROW, 0,
                          _("Fill in the yellow cells only; the grey cells are the plan as "
                            "the office has it. See the sheet “Instructions”."), NULL);
  for (guint c = 0; c < grid->keys->len; c++)
    {
      const char *key = g_ptr_array_index (grid->keys, c);

      worksheet_write_string (sheet, HEADING_ROW, c, g_ptr_array_index (grid->headings, c),
                              f->heading);
      worksheet_set_column (sheet, c, c, column_width (key), NULL);
    }
  worksheet_set_row (sheet, HEADING_ROW, 45, NULL);
  for (guint r = 0; r < grid->n_rows; r++)
    {
      /* libxlsxwriter does not fit rows to wrapped text: rows with a
       * measure's texts get room for a few lines. */
      gboolean has_texts = grid_cell (grid, r, grid_column (grid, SHK_REQUEST_KEY_ACTIONS))->input;

      worksheet_set_row (sheet, FIRST_ROW + r, has_texts ? 75 : 30, NULL);
    }
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < grid->keys->len; c++)
      write_grid_cell (sheet, f, FIRST_ROW + r, c, grid_cell (grid, r, c),
                       g_str_has_prefix (g_ptr_array_index (grid->keys, c), "in:"));

  add_validations (sheet, grid);
  worksheet_freeze_panes (sheet, FIRST_ROW, 4);
  worksheet_protect (sheet, NULL, &protection);
}

static void
write_instructions (lxw_workbook            *workbook,
                    const Formats           *f,
                    ShkPlan                 *plan,
                    const char              *section,
                    const ShkRequestOptions *options,
                    const char              *sheet_name,
                    guint                    n_measures)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, _("Instructions"));
  ShkFiscalYear *year = shk_plan_find_fiscal_year (plan, options->year_id);
  const char *contact = options->contact != NULL && *options->contact != '\0'
                        ? options->contact : _("the planning office");
  g_autofree char *due = options->due != NULL
                         ? g_strdup (options->due) : g_strdup (_("as soon as possible"));
  char *lines[] = {
    /* TRANSLATORS: the instructions sheet's title: year label, plan title */
    g_strdup_printf (_("Request for the %s figures of “%s”"), shk_fiscal_year_get_label (year),
                     shk_plan_get_title (plan)),
    g_strdup_printf (_("To: %s"), section),
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Your section owns %u measure of the plan.",
                                  "Your section owns %u measures of the plan.", n_measures),
                     n_measures),
    g_strdup (""),
    g_strdup_printf (_("1. On the sheet “%s”, fill in the yellow cells: the %s actual of each "
                       "indicator, the actions taken, the plan for the next year and, if you "
                       "wish, your own assessment (◎ achieved, ○ mostly, △ lagging, － not "
                       "started) with its reason."),
                     sheet_name, options->year_id),
    g_strdup (_("2. Leave a cell empty when there is nothing to report; an empty cell changes "
                "nothing. Enter numbers without the unit.")),
    g_strdup (_("3. Do not change the grey cells, add sheets or copy this workbook for another "
                "section: the office checks that the reply matches what it sent.")),
    g_strdup (_("4. Save the workbook as it is (XLSX) and send it back by mail.")),
    g_strdup (""),
    g_strdup_printf (_("Due date: %s"), due),
    g_strdup_printf (_("Send to: %s"), contact),
  };

  worksheet_set_column (sheet, 0, 0, 110, f->wrap);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      worksheet_write_string (sheet, i, 0, lines[i], i == 0 ? f->title : f->wrap);
      if (g_utf8_strlen (lines[i], -1) > 60)
        worksheet_set_row (sheet, i, 32, NULL);
      g_free (lines[i]);
    }
  worksheet_activate (sheet);
}

/* The identification sheet: hidden, and protected so that it is not
 * changed by mistake. libxlsxwriter 1.1.4 (Debian 12) cannot mark a sheet
 * "very hidden"; the checksum is what guards it. */
static void
write_id_sheet (lxw_workbook            *workbook,
                const char * const      *values,
                GPtrArray               *copy)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, SHK_REQUEST_ID_SHEET);
  static const char * const keys[] = {
    [SHK_REQUEST_ROW_MAGIC] = SHK_REQUEST_MAGIC,
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
write_workbook (ShkPlan                 *plan,
                const char              *section,
                const ShkRequestOptions *options,
                const char              *path,
                GError                 **error)
{
  g_autoptr(RequestGrid) grid = request_grid_new (plan, section, options->year_id);
  g_autoptr(GPtrArray) copy = request_grid_dup_copy (grid);
  g_autofree char *document = shk_request_dup_document_id (plan);
  const char *sheet_name = _("Reply");
  g_autofree char *checksum = shk_request_checksum (document, section, options->year_id,
                                                    sheet_name, copy);
  g_autofree char *first_row = g_strdup_printf ("%u", FIRST_ROW);
  g_autofree char *n_rows = g_strdup_printf ("%u", grid->n_rows);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *values[SHK_REQUEST_ROW_COLUMNS] = {
    [SHK_REQUEST_ROW_MAGIC] = G_STRINGIFY (SHK_REQUEST_VERSION),
    [SHK_REQUEST_ROW_DOCUMENT] = document,
    [SHK_REQUEST_ROW_SECTION] = section,
    [SHK_REQUEST_ROW_YEAR] = options->year_id,
    [SHK_REQUEST_ROW_SHEET] = sheet_name,
    [SHK_REQUEST_ROW_FIRST_ROW] = first_row,
    [SHK_REQUEST_ROW_N_ROWS] = n_rows,
    [SHK_REQUEST_ROW_DUE] = options->due,
    [SHK_REQUEST_ROW_CREATED] = options->created != NULL ? options->created : today,
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
  write_instructions (workbook, &formats, plan, section, options, sheet_name,
                      grid->measures->len);
  write_reply_sheet (workbook, &formats, grid, plan, section, options->year_id, sheet_name);
  write_id_sheet (workbook, values, copy);

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
shk_request_write_xlsx (ShkPlan                 *plan,
                        const char              *section,
                        const ShkRequestOptions *options,
                        GError                 **error)
{
  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!shk_request_check_options (plan, options, error))
    return NULL;
#ifdef HAVE_XLSXWRITER
  {
    g_autofree char *path = NULL;
    char *contents = NULL;
    gsize length = 0;
    gboolean ok;
    int fd;

    /* libxlsxwriter writes only to a named file: a temporary one, so that
     * a failure never leaves half a workbook where the user asked. */
    fd = g_file_open_tmp ("shinchoku-request-XXXXXX.xlsx", &path, error);
    if (fd < 0)
      return NULL;
    g_close (fd, NULL);
    ok = write_workbook (plan, section, options, path, error) &&
         g_file_get_contents (path, &contents, &length, error);
    g_unlink (path);
    if (!ok)
      return NULL;
    return g_bytes_new_take (contents, length);
  }
#else
  g_set_error_literal (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_UNSUPPORTED,
                       _("This copy of Shinchoku was built without libxlsxwriter and cannot "
                         "write Excel workbooks"));
  return NULL;
#endif
}

static ShkRequestInfo *
info_new (ShkPlan    *plan,
          const char *section,
          const char *file_name)
{
  ShkRequestInfo *info = g_new0 (ShkRequestInfo, 1);
  g_autoptr(GPtrArray) measures = shk_request_dup_measures (plan, section);

  info->section = g_strdup (section);
  info->file_name = g_strdup (file_name);
  info->measures = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < measures->len; i++)
    {
      guint number = shk_measure_get_number (g_ptr_array_index (measures, i));

      g_array_append_val (info->measures, number);
    }
  return info;
}

GPtrArray *
shk_request_write_folder (ShkPlan                 *plan,
                          const char * const      *sections,
                          const ShkRequestOptions *options,
                          GFile                   *folder,
                          GError                 **error)
{
  g_auto(GStrv) all = shk_request_dup_sections (plan);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_request_info_free);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!shk_request_check_options (plan, options, error))
    return NULL;
  if (sections == NULL)
    sections = (const char * const *) all;
  for (guint i = 0; sections[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) all, sections[i]))
      {
        g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                     _("No measure of the plan is owned by the section “%s”"), sections[i]);
        return NULL;
      }
  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *name = shk_request_dup_file_name (options->year_id, sections[i]);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GBytes) bytes = shk_request_write_xlsx (plan, sections[i], options, error);

      if (bytes == NULL ||
          !shk_safe_save_bytes (file, bytes, SHK_SAFE_SAVE_NONE, NULL, error))
        return NULL;
      g_ptr_array_add (written, info_new (plan, sections[i], name));
    }
  return g_steal_pointer (&written);
}
