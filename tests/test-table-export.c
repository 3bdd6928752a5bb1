/* test-table-export.c — measures and processes to CSV and XLSX
 *
 * Every exported file is read back with the importer's own readers and
 * compared cell by cell with the model, so the test checks what Excel
 * would see, not what the writer meant to write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "shk-format.h"
#include "shk-import.h"
#include "shk-ranking.h"
#include "shk-rules.h"
#include "shk-table-export.h"

/* The column of @heading in the sheet's first row, or fails. */
static guint
column_of (ShkSheet   *sheet,
           const char *heading)
{
  guint n = shk_sheet_get_n_columns (sheet, 0);

  for (guint c = 0; c < n; c++)
    if (g_str_equal (shk_sheet_get_cell (sheet, 0, c, NULL), heading))
      return c;
  g_error ("no column “%s”", heading);
  return G_MAXUINT;
}

static ShkMeasure *
measure_at (ShkPlan *plan,
            guint    position)
{
  g_autoptr(ShkMeasure) measure = g_list_model_get_item (shk_plan_get_measures (plan), position);

  return measure;   /* the plan keeps it alive */
}

/* The sheet row of each indicator, in order: one per indicator, and one
 * for a measure that has none. */
static guint
count_rows (ShkPlan *plan)
{
  GListModel *measures = shk_plan_get_measures (plan);
  guint rows = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    rows += MAX (g_list_model_get_n_items (shk_measure_get_indicators (measure_at (plan, i))), 1);
  return rows;
}

/* Checks a measures sheet against the plan: every target and actual. */
static void
check_measures_sheet (ShkSheet *sheet,
                      ShkPlan  *plan,
                      gboolean  numbers_typed)
{
  GListModel *measures = shk_plan_get_measures (plan);
  GListModel *years = shk_plan_get_fiscal_years (plan);
  guint number_column = column_of (sheet, "No.");
  guint indicator_column = column_of (sheet, "Indicator");
  guint row = 1;

  g_assert_cmpuint (shk_sheet_get_n_rows (sheet), ==, count_rows (plan) + 1);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      ShkMeasure *measure = measure_at (plan, i);
      GListModel *indicators = shk_measure_get_indicators (measure);
      guint n = MAX (g_list_model_get_n_items (indicators), 1);

      for (guint j = 0; j < n; j++, row++)
        {
          g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, j);
          gboolean is_number;
          const char *text = shk_sheet_get_cell (sheet, row, number_column, &is_number);

          g_assert_cmpuint (g_ascii_strtoull (text, NULL, 10), ==, shk_measure_get_number (measure));
          g_assert_true (is_number == numbers_typed);
          if (indicator == NULL)
            {
              g_assert_cmpstr (shk_sheet_get_cell (sheet, row, indicator_column, NULL), ==, "");
              continue;
            }
          g_assert_cmpstr (shk_sheet_get_cell (sheet, row, indicator_column, NULL), ==,
                           shk_indicator_get_label (indicator));

          for (guint y = 0; y < g_list_model_get_n_items (years); y++)
            {
              g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, y);
              const char *id = shk_fiscal_year_get_id (year);
              g_autofree char *target_heading = g_strdup_printf ("Target %s", id);
              g_autofree char *actual_heading = g_strdup_printf ("Actual %s", id);
              const char *headings[] = { target_heading, actual_heading };

              for (guint k = 0; k < 2; k++)
                {
                  double expected;
                  gboolean has = k == 0 ? shk_indicator_get_target (indicator, id, &expected)
                                        : shk_indicator_get_actual (indicator, id, &expected);
                  const char *cell = shk_sheet_get_cell (sheet, row, column_of (sheet, headings[k]),
                                                         &is_number);

                  if (!has)
                    {
                      g_assert_cmpstr (cell, ==, "");
                      continue;
                    }
                  /* Exactly the same double: a round trip loses nothing. */
                  g_assert_cmpfloat (g_ascii_strtod (cell, NULL), ==, expected);
                  g_assert_true (is_number == numbers_typed);
                }
            }
        }
    }
}

static void
test_csv_bytes (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GBytes) bytes = shk_table_export_csv (plan, SHK_TABLE_MEASURES);
  g_autoptr(ShkSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Byte-order mark, then CRLF after every record and no bare LF. */
  g_assert_cmpuint (size, >, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_utf8_validate (data + 3, size - 3, NULL));
  g_assert_true (data[size - 2] == '\r' && data[size - 1] == '\n');
  for (gsize i = 1; i < size; i++)
    if (data[i] == '\n')
      g_assert_cmpint (data[i - 1], ==, '\r');

  sheet = shk_sheet_read_csv (bytes, &error);
  g_assert_no_error (error);
  check_measures_sheet (sheet, plan, FALSE);
}

static void
test_csv_quoting (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  ShkMeasure *measure = measure_at (plan, 0);
  const char *name = "Comma, \"quote\"\r\nand a line break";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShkSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  shk_measure_set_name (measure, name);
  bytes = shk_table_export_csv (plan, SHK_TABLE_MEASURES);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, ",\"Comma, \"\"quote\"\"\r\nand a line break\","));

  sheet = shk_sheet_read_csv (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shk_sheet_get_cell (sheet, 1, column_of (sheet, "Measure"), NULL), ==, name);
  check_measures_sheet (sheet, plan, FALSE);
}

static void
test_csv_processes (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  g_autoptr(GBytes) bytes = shk_table_export_csv (plan, SHK_TABLE_PROCESSES);
  g_autoptr(ShkSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = shk_sheet_read_csv (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shk_sheet_get_n_rows (sheet), ==, ranking->n_processes + 1);
  for (guint i = 0; i < ranking->n_processes; i++)
    {
      ShkProcess *process = ranking->processes[i].process;

      g_assert_cmpstr (shk_sheet_get_cell (sheet, i + 1, column_of (sheet, "ID"), NULL), ==,
                       shk_process_get_id (process));
      g_assert_cmpstr (shk_sheet_get_cell (sheet, i + 1, column_of (sheet, "Process"), NULL), ==,
                       shk_process_get_name (process));
      g_assert_cmpfloat (g_ascii_strtod (shk_sheet_get_cell (sheet, i + 1,
                                                             column_of (sheet, "Hours/Year"), NULL),
                                         NULL), ==, ranking->processes[i].hours);
      g_assert_cmpuint (g_ascii_strtoull (shk_sheet_get_cell (sheet, i + 1, column_of (sheet, "Rank"),
                                                              NULL), NULL, 10),
                        ==, i + 1);
    }
}

static void
test_xlsx (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet_xml = NULL;
  ShkSheet *processes;
  gboolean is_number;
  const char *cell;

  if (!shk_table_export_can_write_xlsx ())
    {
      bytes = shk_table_export_xlsx (plan, SHK_TABLE_ALL, &error);
      g_assert_null (bytes);
      g_assert_error (error, SHK_TABLE_EXPORT_ERROR, SHK_TABLE_EXPORT_ERROR_UNSUPPORTED);
      g_test_skip ("built without libxlsxwriter");
      return;
    }

  bytes = shk_table_export_xlsx (plan, SHK_TABLE_ALL, &error);
  g_assert_no_error (error);
  sheets = shk_sheet_read_xlsx (bytes, &error);
  g_assert_no_error (error);

  /* One sheet per table, in order, named: the measures, the processes,
   * the grade summary, then a sheet per scenario. */
  g_assert_cmpuint (sheets->len, ==, 3 + g_list_model_get_n_items (shk_plan_get_scenarios (plan)));
  g_assert_cmpstr (shk_sheet_get_name (g_ptr_array_index (sheets, 0)), ==, "Measures");
  g_assert_cmpstr (shk_sheet_get_name (g_ptr_array_index (sheets, 1)), ==, "Processes");
  g_assert_cmpstr (shk_sheet_get_name (g_ptr_array_index (sheets, 2)), ==, "Grade summary");
  g_assert_cmpstr (shk_sheet_get_name (g_ptr_array_index (sheets, 3)), ==, "費用対効果想定①");
  check_measures_sheet (g_ptr_array_index (sheets, 0), plan, TRUE);

  /* Hours and shares are numbers too; names are text. */
  processes = g_ptr_array_index (sheets, 1);
  cell = shk_sheet_get_cell (processes, 1, column_of (processes, "Hours/Year"), &is_number);
  g_assert_true (is_number);
  g_assert_cmpfloat (g_ascii_strtod (cell, NULL), ==, ranking->processes[0].hours);
  cell = shk_sheet_get_cell (processes, 1, column_of (processes, "Share"), &is_number);
  g_assert_true (is_number);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell, NULL), ranking->processes[0].share, 1e-12);
  cell = shk_sheet_get_cell (processes, 1, column_of (processes, "Process"), &is_number);
  g_assert_false (is_number);
  g_assert_cmpstr (cell, ==, shk_process_get_name (ranking->processes[0].process));

  /* The heading row is frozen, and every column has a width. */
  sheet_xml = shk_sheet_dup_xlsx_part (bytes, "xl/worksheets/sheet1.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sheet_xml, "ySplit=\"1\""));
  g_assert_nonnull (strstr (sheet_xml, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet_xml, "<cols>"));
  g_assert_nonnull (strstr (sheet_xml, "customWidth=\"1\""));
}

/* The chart part of @bytes that holds @marker, or NULL. */
static char *
find_chart_part (GBytes     *bytes,
                 const char *marker)
{
  for (guint i = 1; i < 64; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/charts/chart%u.xml", i);
      g_autofree char *xml = shk_sheet_dup_xlsx_part (bytes, name, NULL);

      if (xml == NULL)
        return NULL;
      if (strstr (xml, marker) != NULL)
        return g_steal_pointer (&xml);
    }
  return NULL;
}

static void
test_xlsx_charts (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pareto = NULL;
  g_autofree char *grades = NULL;
  g_autofree char *payback = NULL;
  g_autofree char *hours = g_strdup_printf ("<c:f>Processes!$I$2:$I$%u</c:f>", ranking->n_processes + 1);
  g_autofree char *cumulative = g_strdup_printf ("<c:f>Processes!$K$2:$K$%u</c:f>",
                                                 ranking->n_processes + 1);
  g_autofree char *names = g_strdup_printf ("<c:f>Processes!$C$2:$C$%u</c:f>", ranking->n_processes + 1);
  g_autofree char *achieved = g_strdup_printf ("<c:f>'Grade summary'!$B$2:$B$%u</c:f>",
                                               summary->n_columns + 1);
  g_autofree char *pending = g_strdup_printf ("<c:f>'Grade summary'!$E$2:$E$%u</c:f>",
                                              summary->n_columns + 1);
  const char *line_start, *hours_at, *cumulative_at;

  if (!shk_table_export_can_write_xlsx ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  bytes = shk_table_export_xlsx (plan, SHK_TABLE_ALL, &error);
  g_assert_no_error (error);

  /* The Pareto: columns of hours per process, the cumulative share a line
   * on a secondary axis at the right, from 0 to 100 %. */
  pareto = find_chart_part (bytes, "<c:barDir val=\"col\"/>");
  g_assert_nonnull (pareto);
  g_assert_nonnull (strstr (pareto, names));
  line_start = strstr (pareto, "<c:lineChart>");
  hours_at = strstr (pareto, hours);
  cumulative_at = strstr (pareto, cumulative);
  g_assert_nonnull (line_start);
  g_assert_nonnull (hours_at);
  g_assert_nonnull (cumulative_at);
  g_assert_true (hours_at < line_start && cumulative_at > line_start);
  g_assert_nonnull (strstr (pareto, "<c:axPos val=\"r\"/>"));
  g_assert_nonnull (strstr (pareto, "<c:crosses val=\"max\"/>"));
  g_assert_nonnull (strstr (pareto, "<c:max val=\"1\"/>"));

  /* The grades: stacked bars, a series per grade over the evaluations. */
  grades = find_chart_part (bytes, "'Grade summary'");
  g_assert_nonnull (grades);
  g_assert_nonnull (strstr (grades, "<c:barDir val=\"bar\"/>"));
  g_assert_nonnull (strstr (grades, "<c:grouping val=\"stacked\"/>"));
  g_assert_nonnull (strstr (grades, achieved));
  g_assert_nonnull (strstr (grades, pending));
  g_assert_nonnull (strstr (grades, "<c:f>'Grade summary'!$A$2:$A$5</c:f>"));

  /* A scenario: lines of the cumulative cost and savings over its years. */
  payback = find_chart_part (bytes, "'費用対効果想定①'");
  g_assert_nonnull (payback);
  g_assert_nonnull (strstr (payback, "<c:lineChart>"));
  g_assert_nonnull (strstr (payback, "<c:f>'費用対効果想定①'!$D$2:$D$9</c:f>"));
  g_assert_nonnull (strstr (payback, "<c:f>'費用対効果想定①'!$E$2:$E$9</c:f>"));
  g_assert_nonnull (strstr (payback, "<c:f>'費用対効果想定①'!$A$2:$A$9</c:f>"));
}

/* Scenario names Excel would refuse as sheet names, or that another sheet
 * already has, still give a sheet each, under a name Excel accepts. */
static void
test_xlsx_sheet_names (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const char *names[] = {
    "Measures", "案[1]:比較/試算?", "'quoted'", "費用対効果想定①費用対効果想定①費用対効果想定①費用対効果想定①",
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  guint first;

  if (!shk_table_export_can_write_xlsx ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ShkScenario) scenario = shk_scenario_new (names[i]);

      shk_plan_append_scenario (plan, scenario);
    }
  bytes = shk_table_export_xlsx (plan, SHK_TABLE_ALL, &error);
  g_assert_no_error (error);
  sheets = shk_sheet_read_xlsx (bytes, &error);
  g_assert_no_error (error);

  first = sheets->len - G_N_ELEMENTS (names);
  g_assert_cmpstr (shk_sheet_get_name (g_ptr_array_index (sheets, first)), ==, "Measures (2)");
  g_assert_cmpstr (shk_sheet_get_name (g_ptr_array_index (sheets, first + 1)), ==, "案_1__比較_試算_");
  g_assert_cmpstr (shk_sheet_get_name (g_ptr_array_index (sheets, first + 2)), ==, "quoted");
  g_assert_cmpint (g_utf8_strlen (shk_sheet_get_name (g_ptr_array_index (sheets, first + 3)), -1),
                   ==, 31);
}

static void
test_scenarios_csv (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GBytes) bytes = shk_table_export_csv (plan, SHK_TABLE_SCENARIOS);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* 資料1-3 §4-1: scenario ①'s cumulative cost and net in its 8th year. */
  g_assert_nonnull (strstr (text, "Scenario,Year,Cost,Savings,Cumulative Cost,Cumulative Savings,Net\r\n"));
  g_assert_nonnull (strstr (text, ",25231800,37395173,12163373\r\n"));
  g_assert_nonnull (strstr (text, "費用対効果想定③"));
}

static void
test_file_errors (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "no-such-dir", "out.csv", NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "out.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_false (shk_table_export_file (plan, SHK_TABLE_MEASURES, "table.txt", &error));
  g_assert_error (error, SHK_TABLE_EXPORT_ERROR, SHK_TABLE_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "table.txt"));
  g_clear_error (&error);

  g_assert_false (shk_table_export_file (plan, SHK_TABLE_MEASURES, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_true (shk_table_export_file (plan, SHK_TABLE_PROCESSES, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "Hours/Year"));
  g_unlink (path);
}

static void
test_headings (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const char *year_id = NULL;
  ShkValueKind kind;
  static const struct { const char *text; ShkTableColumn column; ShkValueKind kind; } cases[] = {
    { "No.", SHK_TABLE_COLUMN_NUMBER, 0 },
    { "number", SHK_TABLE_COLUMN_NUMBER, 0 },
    { "№", SHK_TABLE_COLUMN_NUMBER, 0 },
    { "Indicator", SHK_TABLE_COLUMN_INDICATOR, 0 },
    { "indicator", SHK_TABLE_COLUMN_INDICATOR, 0 },
    { "Indicator No.", SHK_TABLE_COLUMN_INDICATOR_INDEX, 0 },
    { "Target R2", SHK_TABLE_COLUMN_VALUE, SHK_VALUE_TARGET },
    { "target_R2", SHK_TABLE_COLUMN_VALUE, SHK_VALUE_TARGET },
    { "ＡＣＴＵＡＬ　Ｒ２", SHK_TABLE_COLUMN_VALUE, SHK_VALUE_ACTUAL },
    { "Actual 令和2年度", SHK_TABLE_COLUMN_VALUE, SHK_VALUE_ACTUAL },
    { "Rate R2/R3", SHK_TABLE_COLUMN_OTHER, 0 },
    { "Target R9", SHK_TABLE_COLUMN_OTHER, 0 },
    { "", SHK_TABLE_COLUMN_OTHER, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShkTableColumn column = shk_table_parse_heading (plan, cases[i].text, &kind, &year_id);

      g_assert_cmpint (column, ==, cases[i].column);
      if (column == SHK_TABLE_COLUMN_VALUE)
        {
          g_assert_cmpint (kind, ==, cases[i].kind);
          g_assert_cmpstr (year_id, ==, "R2");
        }
    }
}


static void
test_csv_guard_rule (void)
{
  static const struct { const char *text; gboolean guard; } cases[] = {
    { "=1+1", TRUE }, { "+SUM(A1)", TRUE }, { "-x", TRUE }, { "@x", TRUE },
    { "\tx", TRUE }, { "\rx", TRUE }, { "-", TRUE }, { "=", TRUE }, { "-1+1", TRUE },
    { "-12", FALSE }, { "+3.5E2", FALSE }, { "-4.5%", FALSE }, { "-0.25", FALSE },
    { "x=1", FALSE }, { "", FALSE }, { "'=1", TRUE }, { "'x", FALSE }, { "12", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *guarded = shk_table_csv_guard (cases[i].text);

      g_assert_cmpint (shk_table_csv_needs_guard (cases[i].text), ==, cases[i].guard);
      if (cases[i].guard)
        g_assert_true (guarded[0] == '\'' && g_str_equal (guarded + 1, cases[i].text));
      else
        g_assert_cmpstr (guarded, ==, cases[i].text);
      /* The importer takes back exactly what was added. */
      g_assert_cmpstr (shk_table_csv_unguard (guarded), ==, cases[i].text);
    }
  /* A ' the user typed stays. */
  g_assert_cmpstr (shk_table_csv_unguard ("'quoted"), ==, "'quoted");
}

/* Does a cell of @column hold @text, in any row? */
static gboolean
column_has (ShkSheet   *sheet,
            const char *heading,
            const char *text)
{
  guint column = column_of (sheet, heading);

  for (guint r = 1; r < shk_sheet_get_n_rows (sheet); r++)
    if (g_str_equal (shk_sheet_get_cell (sheet, r, column, NULL), text))
      return TRUE;
  return FALSE;
}

static void
test_csv_formulas (void)
{
  static const char *const names[] = {
    "=1+1", "+SUM(A1:A9)", "-counted", "@here", "\tTabbed", "\rReturned",
    "=HYPERLINK(\"http://example.com\",\"click\")",
  };
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShkSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkIndicator) indicator = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    shk_measure_set_name (measure_at (plan, i), names[i]);
  /* A name that is a number stays as it is: it is no formula. */
  shk_measure_set_name (measure_at (plan, G_N_ELEMENTS (names)), "-12");
  indicator = g_list_model_get_item (shk_measure_get_indicators (measure_at (plan, 0)), 0);
  shk_indicator_set_actual (indicator, "R2", -5);

  bytes = shk_table_export_csv (plan, SHK_TABLE_MEASURES);
  sheet = shk_sheet_read_csv (bytes, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *guarded = g_strconcat ("'", names[i], NULL);

      g_assert_true (column_has (sheet, "Measure", guarded));
      g_assert_false (column_has (sheet, "Measure", names[i]));
    }
  g_assert_true (column_has (sheet, "Measure", "-12"));
  /* Negative numbers stay numbers. */
  g_assert_true (column_has (sheet, "Actual R2", "-5"));
  g_assert_false (column_has (sheet, "Actual R2", "'-5"));
}

static void
test_xlsx_long_text (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GString) full_name = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut = NULL;
  ShkSheet *sheet;
  const char *cell;

  /* 40,000 wide characters; and exactly Excel's 32,767, which stays. */
  for (guint i = 0; i < 40000; i++)
    g_string_append (long_name, "あ");
  for (guint i = 0; i < SHK_TABLE_MAX_CELL_TEXT; i++)
    g_string_append_c (full_name, 'a');
  shk_measure_set_name (measure_at (plan, 0), long_name->str);
  shk_measure_set_name (measure_at (plan, 1), full_name->str);

  cut = shk_table_export_dup_cut_cells (plan, SHK_TABLE_ALL);
  g_assert_nonnull (cut);
  g_assert_cmpuint (g_strv_length (cut), ==, 1);
  g_test_message ("%s", cut[0]);
  g_assert_nonnull (strstr (cut[0], "Measures!C2 (Measure)"));
  g_assert_nonnull (strstr (cut[0], "40000"));

  if (!shk_table_export_can_write_xlsx ())
    {
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  bytes = shk_table_export_xlsx (plan, SHK_TABLE_MEASURES, &error);
  g_assert_no_error (error);
  sheets = shk_sheet_read_xlsx (bytes, &error);
  g_assert_no_error (error);
  sheet = g_ptr_array_index (sheets, 0);
  /* Cut with a visible mark, not left empty. */
  cell = shk_sheet_get_cell (sheet, 1, column_of (sheet, "Measure"), NULL);
  g_assert_cmpuint (g_utf8_strlen (cell, -1), ==, SHK_TABLE_MAX_CELL_TEXT);
  g_assert_true (g_str_has_suffix (cell, "あ…"));
  g_assert_true (column_has (sheet, "Measure", full_name->str));
}

/* The msgstr of @msgid (without a context) in po/ja.po. */
static char *
japanese_of (const char *po,
             const char *msgid)
{
  g_autofree char *wanted = g_strdup_printf ("\nmsgid \"%s\"\nmsgstr \"", msgid);
  const char *at = po;

  /* Skip entries with a msgctxt: their line precedes msgid directly. */
  while ((at = strstr (at, wanted)) != NULL)
    {
      const char *line = at;
      const char *start = at + strlen (wanted);

      while (line > po && line[-1] != '\n')
        line--;
      if (!g_str_has_prefix (line, "msgctxt"))
        return g_strndup (start, strchr (start, '"') - start);
      at = start;
    }
  g_error ("po/ja.po has no msgid “%s”", msgid);
  return NULL;
}

/* The Japanese headings the import knows are those of po/ja.po, so a
 * sheet exported in Japanese imports in any session. */
static void
test_japanese_headings (void)
{
  static const struct { const char *msgid; ShkTableColumn column; } headings[] = {
    { "No.", SHK_TABLE_COLUMN_NUMBER },
    { "Indicator", SHK_TABLE_COLUMN_INDICATOR },
    { "Indicator No.", SHK_TABLE_COLUMN_INDICATOR_INDEX },
    { "Target %s", SHK_TABLE_COLUMN_VALUE },
    { "Actual %s", SHK_TABLE_COLUMN_VALUE },
  };
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const char *root = g_getenv ("SHINCHOKU_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root != NULL ? root : "..", "po", "ja.po", NULL);
  g_autofree char *po = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &po, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *japanese = japanese_of (po, headings[i].msgid);
      g_auto(GStrv) parts = g_strsplit (japanese, "%s", 2);
      g_autofree char *heading = g_strjoinv ("R2", parts);
      const char *year_id = NULL;
      ShkValueKind kind;

      g_test_message ("%s → %s", headings[i].msgid, heading);
      g_assert_cmpint (shk_table_parse_heading (plan, heading, &kind, &year_id), ==,
                       headings[i].column);
      if (headings[i].column == SHK_TABLE_COLUMN_VALUE)
        {
          g_assert_cmpint (kind, ==, i == 3 ? SHK_VALUE_TARGET : SHK_VALUE_ACTUAL);
          g_assert_cmpstr (year_id, ==, "R2");
        }
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/table-export/csv/bytes", test_csv_bytes);
  g_test_add_func ("/table-export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/table-export/csv/processes", test_csv_processes);
  g_test_add_func ("/table-export/xlsx", test_xlsx);
  g_test_add_func ("/table-export/file-errors", test_file_errors);
  g_test_add_func ("/table-export/headings", test_headings);
  g_test_add_func ("/table-export/headings/japanese", test_japanese_headings);
  g_test_add_func ("/table-export/csv/guard-rule", test_csv_guard_rule);
  g_test_add_func ("/table-export/csv/formulas", test_csv_formulas);
  g_test_add_func ("/table-export/xlsx/long-text", test_xlsx_long_text);
  g_test_add_func ("/table-export/xlsx/charts", test_xlsx_charts);
  g_test_add_func ("/table-export/csv/scenarios", test_scenarios_csv);
  g_test_add_func ("/table-export/xlsx/sheet-names", test_xlsx_sheet_names);

  return g_test_run ();
}
