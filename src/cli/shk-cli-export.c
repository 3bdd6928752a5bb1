/* shk-cli-export.c — the export command: the measures, processes, grade
 * summary and scenario tables for spreadsheets, as CSV or XLSX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-table-export.h"

#include "shk-cli.h"

int
shk_cli_export (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *table_text = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write; .csv or .xlsx chooses the format"), N_("OUT") },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table_text,
      N_("measures, processes, summary, scenarios or all; default: measures for CSV, all for "
         "XLSX (the summary, the processes and each scenario with a native chart)"), N_("TABLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  ShkTableFormat format;
  ShkTables tables;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output OUT.csv|OUT.xlsx"),
                                        _("Writes the measures (every indicator’s targets and "
                                          "actuals, rates and grades), the work processes of the "
                                          "AI/RPA survey, the grade summary or the scenarios’ "
                                          "yearly figures for Excel: CSV in UTF-8 with a "
                                          "byte-order mark, or an XLSX workbook with a sheet per "
                                          "table, numbers as numbers and native charts (stacked "
                                          "bars of the grades, the Pareto chart, a line chart per "
                                          "scenario). An edited measures table can be imported "
                                          "back in the window."),
                                        entries);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv, &output)) != SHK_CLI_EXIT_OK)
    return status;
  if (!shk_table_format_for_path (output, &format))
    return shk_cli_usage_error (argv[0],
                                _("cannot tell the format of “%s”: the name must end in .csv or .xlsx"),
                                output);
  if (table_text == NULL)
    tables = format == SHK_TABLE_FORMAT_CSV ? SHK_TABLE_MEASURES : SHK_TABLE_ALL;
  else if (!shk_tables_from_string (table_text, &tables))
    return shk_cli_usage_error (argv[0], _("unknown table “%s”; use measures, processes, "
                                           "summary, scenarios or all"),
                                table_text);
  if (format == SHK_TABLE_FORMAT_CSV && tables == SHK_TABLE_ALL)
    return shk_cli_usage_error (argv[0], _("a CSV file holds one table: choose measures, "
                                           "processes, summary or scenarios, or write .xlsx"));
  if (format == SHK_TABLE_FORMAT_XLSX && !shk_table_export_can_write_xlsx ())
    {
      shk_cli_error (_("this shinchoku-cli was built without libxlsxwriter and cannot write "
                       "“%s”; write a .csv file instead, which Excel opens too"), output);
      return SHK_CLI_EXIT_FAILURE;
    }

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  if (!shk_table_export_file (plan, tables, output, &error))
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  /* Texts too long for an Excel cell are cut: say which. */
  if (format == SHK_TABLE_FORMAT_XLSX)
    {
      g_auto(GStrv) cut = shk_table_export_dup_cut_cells (plan, tables);

      for (guint i = 0; cut != NULL && cut[i] != NULL; i++)
        shk_cli_error ("%s", cut[i]);
    }
  return SHK_CLI_EXIT_OK;
}
