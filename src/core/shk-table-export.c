/* shk-table-export.c — the measures and processes tables for spreadsheets
 *
 * Both formats are written from one in-memory sheet, so a CSV and an XLSX
 * of the same document hold the same cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER
# include <xlsxwriter.h>
#endif

#include "shk-payback.h"
#include "shk-ranking.h"
#include "shk-rules.h"
#include "shk-safe-save.h"
#include "shk-sheet.h"
#include "shk-table-export.h"
#include "shk-table-export-private.h"
#include "shk-table-charts.h"

G_DEFINE_QUARK (shk-table-export-error-quark, shk_table_export_error)

/* Spreadsheet widths are in characters; a wide (CJK) character counts
 * two. Long texts are cut at the maximum: the cell keeps all of it. */
#define MIN_COLUMN_WIDTH 5.0
#define MAX_COLUMN_WIDTH 48.0

typedef enum
{
  CELL_EMPTY = 0,
  CELL_TEXT,
  CELL_NUMBER,
  CELL_PERCENT,    /* a fraction shown as a percentage */
} CellKind;

typedef struct
{
  CellKind  kind;
  char     *text;
  double    number;
} Cell;

typedef struct
{
  char      *name;       /* the sheet's name */
  GPtrArray *headings;   /* char * */
  GArray    *cells;      /* Cell, row by row, headings->len per row */
  guint      n_rows;
} Sheet;

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

static Sheet *
sheet_new (const char *name)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->name = g_strdup (name);
  sheet->headings = g_ptr_array_new_with_free_func (g_free);
  sheet->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (sheet->cells, cell_clear);
  return sheet;
}

static void
sheet_free (Sheet *sheet)
{
  g_free (sheet->name);
  g_ptr_array_unref (sheet->headings);
  g_array_unref (sheet->cells);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static void
sheet_add_heading (Sheet      *sheet,
                   const char *heading)
{
  g_ptr_array_add (sheet->headings, g_strdup (heading));
}

static void
sheet_take_heading (Sheet *sheet,
                    char  *heading)
{
  g_ptr_array_add (sheet->headings, heading);
}

static void
sheet_add_row (Sheet *sheet)
{
  sheet->n_rows++;
}

static const Cell *
sheet_get_cell (const Sheet *sheet,
                guint        row,
                guint        column)
{
  return &g_array_index (sheet->cells, Cell, row * sheet->headings->len + column);
}

static void
sheet_add_cell (Sheet *sheet,
                Cell   cell)
{
  g_assert (sheet->cells->len < sheet->n_rows * sheet->headings->len);
  g_array_append_val (sheet->cells, cell);
}

static void
sheet_add_text (Sheet      *sheet,
                const char *text)
{
  sheet_add_cell (sheet, (Cell) {
    .kind = text != NULL && *text != '\0' ? CELL_TEXT : CELL_EMPTY,
    .text = g_strdup (text),
  });
}

static void
sheet_add_number (Sheet  *sheet,
                  double  number)
{
  sheet_add_cell (sheet, (Cell) { .kind = CELL_NUMBER, .number = number });
}

static void
sheet_add_percent (Sheet  *sheet,
                   double  fraction)
{
  sheet_add_cell (sheet, (Cell) { .kind = CELL_PERCENT, .number = fraction });
}

static void
sheet_add_empty (Sheet *sheet)
{
  sheet_add_cell (sheet, (Cell) { .kind = CELL_EMPTY });
}

static void
sheet_add_optional (Sheet    *sheet,
                    gboolean  has_value,
                    double    value)
{
  if (has_value)
    sheet_add_number (sheet, value);
  else
    sheet_add_empty (sheet);
}

/* The shortest text that reads back as the same double, in the C locale:
 * what a round trip through a spreadsheet must give back. */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

static char *
cell_to_text (const Cell *cell)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
      return g_strdup (cell->text);
    case CELL_NUMBER:
      return format_number (cell->number);
    case CELL_PERCENT:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        /* Excel reads "112.4%" as the number 1.124 shown as a percent. */
        g_ascii_formatd (buffer, sizeof buffer, "%.1f", cell->number * 100.0);
        return g_strconcat (buffer, "%", NULL);
      }
    case CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* ------------------------------------------------------------------ */
/* The measures table                                                  */

static GPtrArray *
list_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static void
add_measure_headings (Sheet     *sheet,
                      GPtrArray *years,
                      GPtrArray *evaluations)
{
  sheet_add_heading (sheet, _(HEADING_NUMBER));
  sheet_add_heading (sheet, _(HEADING_POLICY));
  sheet_add_heading (sheet, _(HEADING_MEASURE));
  sheet_add_heading (sheet, _(HEADING_INDICATOR_INDEX));
  sheet_add_heading (sheet, _(HEADING_INDICATOR));
  sheet_add_heading (sheet, _(HEADING_UNIT));
  for (guint y = 0; y < years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (years, y));

      sheet_take_heading (sheet, shk_table_dup_value_heading (SHK_VALUE_TARGET, id));
      sheet_take_heading (sheet, shk_table_dup_value_heading (SHK_VALUE_ACTUAL, id));
    }
  for (guint e = 0; e < evaluations->len; e++)
    {
      const char *id = shk_evaluation_get_id (g_ptr_array_index (evaluations, e));

      sheet_take_heading (sheet, g_strdup_printf (_(HEADING_RATE), id));
      sheet_take_heading (sheet, g_strdup_printf (_(HEADING_GRADE), id));
    }
}

/* One row per indicator; a measure without indicators still gets a row,
 * so that its grade (the office's judgement) is in the table too. */
static void
add_measure_row (Sheet        *sheet,
                 ShkPlan      *plan,
                 ShkMeasure   *measure,
                 ShkIndicator *indicator,
                 guint         index,
                 GPtrArray    *years,
                 GPtrArray    *evaluations)
{
  sheet_add_row (sheet);
  sheet_add_number (sheet, shk_measure_get_number (measure));
  sheet_add_number (sheet, shk_measure_get_policy_number (measure));
  sheet_add_text (sheet, shk_measure_get_name (measure));
  if (indicator != NULL)
    {
      sheet_add_number (sheet, index + 1);
      sheet_add_text (sheet, shk_indicator_get_label (indicator));
      sheet_add_text (sheet, shk_indicator_get_unit (indicator));
    }
  else
    {
      sheet_add_empty (sheet);
      sheet_add_empty (sheet);
      sheet_add_empty (sheet);
    }

  for (guint y = 0; y < years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (years, y));
      double target = 0.0, actual = 0.0;
      gboolean has_target = indicator != NULL && shk_indicator_get_target (indicator, id, &target);
      gboolean has_actual = indicator != NULL && shk_indicator_get_actual (indicator, id, &actual);

      sheet_add_optional (sheet, has_target, target);
      sheet_add_optional (sheet, has_actual, actual);
    }

  for (guint e = 0; e < evaluations->len; e++)
    {
      ShkEvaluation *evaluation = g_ptr_array_index (evaluations, e);
      ShkGrade grade = shk_plan_get_effective_grade (plan, measure, evaluation);
      double rate = 0.0;

      if (indicator != NULL &&
          shk_indicator_compute_rate (indicator,
                                      shk_evaluation_get_actual_year (evaluation),
                                      shk_evaluation_get_target_year (evaluation),
                                      &rate))
        sheet_add_percent (sheet, rate);
      else
        sheet_add_empty (sheet);
      sheet_add_text (sheet, shk_grade_to_symbol (grade));
    }
}

static Sheet *
build_measures_sheet (ShkPlan *plan)
{
  g_autoptr(GPtrArray) years = list_to_array (shk_plan_get_fiscal_years (plan));
  g_autoptr(GPtrArray) evaluations = list_to_array (shk_plan_get_evaluations (plan));
  g_autoptr(GPtrArray) measures = list_to_array (shk_plan_get_measures (plan));
  Sheet *sheet = sheet_new (_("Measures"));

  add_measure_headings (sheet, years, evaluations);
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);
      g_autoptr(GPtrArray) indicators = list_to_array (shk_measure_get_indicators (measure));

      if (indicators->len == 0)
        add_measure_row (sheet, plan, measure, NULL, 0, years, evaluations);
      for (guint j = 0; j < indicators->len; j++)
        add_measure_row (sheet, plan, measure, g_ptr_array_index (indicators, j), j,
                         years, evaluations);
    }
  return sheet;
}

/* ------------------------------------------------------------------ */
/* The processes table                                                 */

/* The columns the Pareto chart reads. */
#define PROCESS_COLUMN_NAME       2
#define PROCESS_COLUMN_HOURS      8
#define PROCESS_COLUMN_CUMULATIVE 10

static Sheet *
build_processes_sheet (ShkPlan *plan)
{
  static const char * const headings[] = {
    N_("Rank"), N_("ID"), N_("Process"), N_("Business"), N_("Section"), N_("Work Unit"),
    N_("Category"), N_("Priority"), N_("Hours/Year"), N_("Share"), N_("Cumulative Share"),
    N_("Expected Reduction (h/Year)"), N_("Solution"), N_("Future Direction"),
  };
  ShkSurvey *survey = shk_plan_get_survey (plan);
  g_autoptr(ShkSurvey) empty = survey == NULL ? shk_survey_new () : NULL;
  g_autoptr(ShkRanking) ranking = shk_ranking_new (survey != NULL ? survey : empty);
  Sheet *sheet = sheet_new (_("Processes"));

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    sheet_add_heading (sheet, _(headings[i]));

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const ShkRankedProcess *ranked = &ranking->processes[i];
      ShkProcess *process = ranked->process;
      double reduction = 0.0;
      gboolean has_reduction = shk_process_get_expected_reduction (process, &reduction);

      sheet_add_row (sheet);
      sheet_add_number (sheet, ranked->rank);
      sheet_add_text (sheet, shk_process_get_id (process));
      sheet_add_text (sheet, shk_process_get_name (process));
      sheet_add_text (sheet, shk_process_get_business (process));
      sheet_add_text (sheet, shk_process_get_section (process));
      sheet_add_text (sheet, shk_process_get_unit (process));
      sheet_add_text (sheet, shk_process_get_category (process));
      sheet_add_text (sheet, shk_priority_get_label (shk_process_get_priority (process)));
      sheet_add_number (sheet, ranked->hours);
      sheet_add_percent (sheet, ranked->share);
      sheet_add_percent (sheet, ranked->cumulative_share);
      sheet_add_optional (sheet, has_reduction, reduction);
      sheet_add_text (sheet, shk_process_get_solution (process));
      sheet_add_text (sheet, shk_process_get_policy (process));
    }
  return sheet;
}

/* ------------------------------------------------------------------ */
/* The grade summary and the scenarios                                 */

static const ShkGrade summary_grades[] = {
  SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
};

/* A row per evaluation, a column per grade: the counts the summary chart
 * draws, in the shape a stacked bar chart reads. */
static Sheet *
build_summary_sheet (ShkPlan *plan)
{
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  Sheet *sheet = sheet_new (_("Grade summary"));

  sheet_add_heading (sheet, _("Evaluation"));
  for (guint g = 0; g < G_N_ELEMENTS (summary_grades); g++)
    /* TRANSLATORS: a grade's symbol and its label, e.g. “◎ Fully achieved” */
    sheet_take_heading (sheet, g_strdup_printf (_("%s %s"), shk_grade_to_symbol (summary_grades[g]),
                                                shk_grade_get_label (summary_grades[g])));
  sheet_add_heading (sheet, _("Total counted"));

  for (guint c = 0; c < summary->n_columns; c++)
    {
      const ShkSummaryColumn *column = &summary->columns[c];
      const char *label = shk_evaluation_get_label (column->evaluation);
      g_autofree char *name = g_strdup_printf ("%s %s", shk_evaluation_get_id (column->evaluation),
                                               label != NULL ? label : "");

      sheet_add_row (sheet);
      sheet_add_text (sheet, g_strstrip (name));
      for (guint g = 0; g < G_N_ELEMENTS (summary_grades); g++)
        sheet_add_number (sheet, column->count[summary_grades[g]]);
      sheet_add_number (sheet, column->counted);
    }
  return sheet;
}

/* The yearly table of @scenario, or of every scenario one after another
 * with the scenario's name first (@scenario NULL: for CSV, one table). */
/* The columns the payback chart reads, in a scenario's own sheet. */
#define SCENARIO_COLUMN_CUMULATIVE_COST    3
#define SCENARIO_COLUMN_CUMULATIVE_SAVINGS 4

static Sheet *
build_scenarios_sheet (ShkPlan     *plan,
                       ShkScenario *scenario)
{
  static const char * const headings[] = {
    N_("Year"), N_("Cost"), N_("Savings"), N_("Cumulative Cost"), N_("Cumulative Savings"),
    N_("Net"),
  };
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  Sheet *sheet = sheet_new (scenario != NULL ? shk_scenario_get_name (scenario) : _("Scenarios"));

  if (scenario == NULL)
    sheet_add_heading (sheet, _("Scenario"));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    sheet_add_heading (sheet, _(headings[i]));

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) item = g_list_model_get_item (scenarios, i);
      g_autoptr(ShkPaybackResult) result = NULL;

      if (scenario != NULL && item != scenario)
        continue;
      /* A scenario the engine refuses has no figures to give: its rows
       * stay out, as its chart does in the window. */
      result = shk_scenario_compute_payback (plan, item, NULL);
      for (guint y = 0; result != NULL && y < result->n_years; y++)
        {
          g_autofree char *year = shk_scenario_dup_year_label (item, y);

          sheet_add_row (sheet);
          if (scenario == NULL)
            sheet_add_text (sheet, shk_scenario_get_name (item));
          sheet_add_text (sheet, year);
          sheet_add_number (sheet, result->cost[y]);
          sheet_add_number (sheet, result->saving[y]);
          sheet_add_number (sheet, result->cumulative_cost[y]);
          sheet_add_number (sheet, result->cumulative_saving[y]);
          sheet_add_number (sheet, result->net[y]);
        }
    }
  return sheet;
}

static Sheet *
build_sheet (ShkPlan   *plan,
             ShkTables  table)
{
  if ((table & SHK_TABLE_MEASURES) != 0)
    return build_measures_sheet (plan);
  if ((table & SHK_TABLE_PROCESSES) != 0)
    return build_processes_sheet (plan);
  if ((table & SHK_TABLE_SUMMARY) != 0)
    return build_summary_sheet (plan);
  return build_scenarios_sheet (plan, NULL);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

static void
csv_add_field (GString    *out,
               gboolean    first,
               const char *text)
{
  g_autofree char *field = shk_table_csv_guard (text);

  if (!first)
    g_string_append_c (out, ',');

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

GBytes *
shk_table_export_csv (ShkPlan   *plan,
                      ShkTables  table)
{
  g_autoptr(Sheet) sheet = NULL;
  GString *out;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail ((table & SHK_TABLE_ALL) != 0, NULL);

  sheet = build_sheet (plan, table);
  /* The byte-order mark is what tells Excel the file is UTF-8. */
  out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < sheet->headings->len; c++)
    csv_add_field (out, c == 0, g_ptr_array_index (sheet->headings, c));
  g_string_append (out, "\r\n");

  for (guint r = 0; r < sheet->n_rows; r++)
    {
      for (guint c = 0; c < sheet->headings->len; c++)
        {
          g_autofree char *text = cell_to_text (sheet_get_cell (sheet, r, c));

          csv_add_field (out, c == 0, text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

/* ------------------------------------------------------------------ */
/* XLSX                                                                */

static guint
utf16_length (const char *text)
{
  guint units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
  return units;
}

/* @text cut to Excel's limit with "…" at the end, or NULL when it fits.
 * Excel counts UTF-16 units; libxlsxwriter, which refuses a longer text
 * and then leaves the cell empty, counts characters: a cut text fits both. */
G_GNUC_UNUSED static char *
cut_for_excel (const char *text)
{
  guint units = 0;
  const char *p;

  if (utf16_length (text) <= SHK_TABLE_MAX_CELL_TEXT)
    return NULL;
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint size = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

      if (units + size > SHK_TABLE_MAX_CELL_TEXT - 1)
        break;
      units += size;
    }
  return g_strdup_printf ("%.*s…", (int) (p - text), text);
}

static void
add_cut_cells (GPtrArray   *lines,
               const Sheet *sheet)
{
  for (guint r = 0; r < sheet->n_rows; r++)
    for (guint c = 0; c < sheet->headings->len; c++)
      {
        const Cell *cell = sheet_get_cell (sheet, r, c);
        g_autofree char *name = NULL;

        if (cell->kind != CELL_TEXT || utf16_length (cell->text) <= SHK_TABLE_MAX_CELL_TEXT)
          continue;
        /* The heading is row 1. */
        name = shk_sheet_cell_name (r + 1, c);
        g_ptr_array_add (lines,
                         /* TRANSLATORS: “Measures!C5 (Measure): the text of 40000 characters is cut …” */
                         g_strdup_printf (_("%s!%s (%s): the text of %u characters is cut to "
                                            "Excel’s limit of %u, ending in “…”"),
                                          sheet->name, name,
                                          (const char *) g_ptr_array_index (sheet->headings, c),
                                          utf16_length (cell->text), SHK_TABLE_MAX_CELL_TEXT));
      }
}

GStrv
shk_table_export_dup_cut_cells (ShkPlan   *plan,
                                ShkTables  tables)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  if ((tables & SHK_TABLE_MEASURES) != 0)
    {
      g_autoptr(Sheet) sheet = build_measures_sheet (plan);

      add_cut_cells (lines, sheet);
    }
  if ((tables & SHK_TABLE_PROCESSES) != 0)
    {
      g_autoptr(Sheet) sheet = build_processes_sheet (plan);

      add_cut_cells (lines, sheet);
    }
  if (lines->len == 0)
    return NULL;
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

gboolean
shk_table_export_can_write_xlsx (void)
{
#ifdef HAVE_XLSXWRITER
  return TRUE;
#else
  return FALSE;
#endif
}

#ifdef HAVE_XLSXWRITER

/* Display width in characters, wide characters counting two. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.0 : 1.0;
    }
  return width;
}

static double
column_width (const Sheet *sheet,
              guint        column)
{
  double width = text_width (g_ptr_array_index (sheet->headings, column));

  for (guint r = 0; r < sheet->n_rows; r++)
    {
      const Cell *cell = sheet_get_cell (sheet, r, column);
      g_autofree char *text = NULL;

      if (cell->kind == CELL_EMPTY)
        continue;
      /* Numbers are shown with thousands separators: a third wider. */
      text = cell_to_text (cell);
      width = MAX (width, text_width (text) * (cell->kind == CELL_NUMBER ? 1.34 : 1.0));
    }
  /* Room for the filter button of the heading. */
  return CLAMP (width + 2.0, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
}

typedef struct
{
  lxw_format *heading;
  lxw_format *number;
  lxw_format *integer;
  lxw_format *percent;
} Formats;

static lxw_worksheet *
write_sheet (lxw_workbook  *workbook,
             const Formats *formats,
             const Sheet   *sheet)
{
  lxw_worksheet *worksheet = workbook_add_worksheet (workbook, sheet->name);
  guint n_columns = sheet->headings->len;

  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_write_string (worksheet, 0, c, g_ptr_array_index (sheet->headings, c),
                              formats->heading);
      worksheet_set_column (worksheet, c, c, column_width (sheet, c), NULL);
    }

  for (guint r = 0; r < sheet->n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const Cell *cell = sheet_get_cell (sheet, r, c);

        switch (cell->kind)
          {
          case CELL_TEXT:
            {
              g_autofree char *cut = cut_for_excel (cell->text);

              worksheet_write_string (worksheet, r + 1, c, cut != NULL ? cut : cell->text, NULL);
            }
            break;
          case CELL_NUMBER:
            worksheet_write_number (worksheet, r + 1, c, cell->number,
                                    cell->number == floor (cell->number) ? formats->integer
                                                                         : formats->number);
            break;
          case CELL_PERCENT:
            worksheet_write_number (worksheet, r + 1, c, cell->number, formats->percent);
            break;
          case CELL_EMPTY:
          default:
            break;
          }
      }

  worksheet_freeze_panes (worksheet, 1, 0);
  if (n_columns > 0)
    worksheet_autofilter (worksheet, 0, 0, sheet->n_rows, n_columns - 1);
  return worksheet;
}

/* Writes @sheet under a name Excel accepts, unique in the workbook. */
static lxw_worksheet *
write_named_sheet (lxw_workbook  *workbook,
                   const Formats *formats,
                   Sheet         *sheet,
                   GHashTable    *used_names)
{
  char *name = shk_xlsx_sheet_name (sheet->name, used_names);

  g_free (sheet->name);
  sheet->name = name;
  return write_sheet (workbook, formats, sheet);
}

/* The summary, the ranking and each scenario, each with its chart. */
static void
write_chart_sheets (lxw_workbook  *workbook,
                    const Formats *formats,
                    ShkPlan       *plan,
                    ShkTables      tables,
                    GHashTable    *used_names)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);

  if ((tables & SHK_TABLE_PROCESSES) != 0)
    {
      g_autoptr(Sheet) sheet = build_processes_sheet (plan);
      lxw_worksheet *worksheet = write_named_sheet (workbook, formats, sheet, used_names);

      shk_xlsx_add_pareto_chart (workbook, worksheet, sheet->name, sheet->n_rows,
                                 PROCESS_COLUMN_NAME, PROCESS_COLUMN_HOURS,
                                 PROCESS_COLUMN_CUMULATIVE, _("Work processes by annual hours"));
    }
  if ((tables & SHK_TABLE_SUMMARY) != 0)
    {
      g_autoptr(Sheet) sheet = build_summary_sheet (plan);
      lxw_worksheet *worksheet = write_named_sheet (workbook, formats, sheet, used_names);

      shk_xlsx_add_summary_chart (workbook, worksheet, sheet->name, sheet->n_rows,
                                  G_N_ELEMENTS (summary_grades), _("Grade summary"));
    }
  for (guint i = 0; (tables & SHK_TABLE_SCENARIOS) != 0 && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(Sheet) sheet = build_scenarios_sheet (plan, scenario);
      lxw_worksheet *worksheet = write_named_sheet (workbook, formats, sheet, used_names);

      shk_xlsx_add_payback_chart (workbook, worksheet, sheet->name, sheet->n_rows,
                                  SCENARIO_COLUMN_CUMULATIVE_COST,
                                  SCENARIO_COLUMN_CUMULATIVE_SAVINGS,
                                  shk_scenario_get_name (scenario));
    }
}

static void
init_formats (lxw_workbook *workbook,
              Formats      *formats)
{
  formats->heading = workbook_add_format (workbook);
  format_set_bold (formats->heading);
  format_set_bg_color (formats->heading, 0xDDE6F0);
  format_set_bottom (formats->heading, LXW_BORDER_THIN);
  format_set_text_wrap (formats->heading);
  format_set_align (formats->heading, LXW_ALIGN_VERTICAL_CENTER);

  formats->integer = workbook_add_format (workbook);
  format_set_num_format (formats->integer, "#,##0");
  /* Up to six decimals, shown only where the figure has them. */
  formats->number = workbook_add_format (workbook);
  format_set_num_format (formats->number, "#,##0.0#####");
  formats->percent = workbook_add_format (workbook);
  format_set_num_format (formats->percent, "0.0%");
}

static gboolean
write_workbook (ShkPlan     *plan,
                ShkTables    tables,
                const char  *path,
                GError     **error)
{
  lxw_workbook *workbook = workbook_new (path);
  g_autoptr(GHashTable) used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Formats formats;
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error (error, SHK_TABLE_EXPORT_ERROR, SHK_TABLE_EXPORT_ERROR_FAILED,
                   _("Could not create the workbook “%s”"), path);
      return FALSE;
    }

  init_formats (workbook, &formats);
  if ((tables & SHK_TABLE_MEASURES) != 0)
    {
      g_autoptr(Sheet) sheet = build_measures_sheet (plan);

      write_named_sheet (workbook, &formats, sheet, used_names);
    }
  write_chart_sheets (workbook, &formats, plan, tables, used_names);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, SHK_TABLE_EXPORT_ERROR, SHK_TABLE_EXPORT_ERROR_FAILED,
                   /* TRANSLATORS: the second %s is libxlsxwriter's (English) reason */
                   _("Could not write the workbook: %s"), lxw_strerror (status));
      return FALSE;
    }
  return (tables & SHK_TABLE_PROCESSES) == 0 || shk_xlsx_move_line_to_secondary_axis (path, error);
}

#endif /* HAVE_XLSXWRITER */

GBytes *
shk_table_export_xlsx (ShkPlan    *plan,
                       ShkTables   tables,
                       GError    **error)
{
#ifdef HAVE_XLSXWRITER
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;
  int fd;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail ((tables & SHK_TABLE_ALL) != 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* libxlsxwriter (1.1) writes only to a named file: write a temporary
   * one, so that a failure never leaves a broken workbook where the user
   * asked for it. */
  fd = g_file_open_tmp ("shinchoku-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  g_close (fd, NULL);

  ok = write_workbook (plan, tables, path, error) &&
       g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);
  if (!ok)
    return NULL;
  return g_bytes_new_take (contents, length);
#else
  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  g_set_error_literal (error, SHK_TABLE_EXPORT_ERROR, SHK_TABLE_EXPORT_ERROR_UNSUPPORTED,
                       _("This copy of Shinchoku was built without libxlsxwriter and cannot "
                         "write Excel workbooks; export to CSV instead, which Excel opens too"));
  return NULL;
#endif
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

gboolean
shk_tables_from_string (const char *text,
                        ShkTables  *table)
{
  ShkTables value;

  if (g_strcmp0 (text, "measures") == 0)
    value = SHK_TABLE_MEASURES;
  else if (g_strcmp0 (text, "processes") == 0)
    value = SHK_TABLE_PROCESSES;
  else if (g_strcmp0 (text, "summary") == 0)
    value = SHK_TABLE_SUMMARY;
  else if (g_strcmp0 (text, "scenarios") == 0)
    value = SHK_TABLE_SCENARIOS;
  else if (g_strcmp0 (text, "all") == 0)
    value = SHK_TABLE_ALL;
  else
    return FALSE;

  if (table != NULL)
    *table = value;
  return TRUE;
}

gboolean
shk_table_format_for_path (const char     *path,
                           ShkTableFormat *format)
{
  g_autofree char *lower = NULL;

  if (path == NULL)
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv") && strlen (lower) > 4)
    *format = SHK_TABLE_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx") && strlen (lower) > 5)
    *format = SHK_TABLE_FORMAT_XLSX;
  else
    return FALSE;
  return TRUE;
}

gboolean
shk_table_export_file (ShkPlan     *plan,
                       ShkTables    tables,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  ShkTableFormat format;

  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail ((tables & SHK_TABLE_ALL) != 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shk_table_format_for_path (path, &format))
    {
      g_set_error (error, SHK_TABLE_EXPORT_ERROR, SHK_TABLE_EXPORT_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: the name must end in .csv or .xlsx"),
                   path);
      return FALSE;
    }

  if (format == SHK_TABLE_FORMAT_CSV)
    bytes = shk_table_export_csv (plan, tables);
  else
    bytes = shk_table_export_xlsx (plan, tables, error);
  if (bytes == NULL)
    return FALSE;

  /* The safe save's message names the file and says it is unchanged. */
  file = g_file_new_for_path (path);
  return shk_safe_save_bytes (file, bytes, SHK_SAFE_SAVE_NONE, NULL, error);
}
