/* shk-cli-report.c — the report command: the meeting handout as a PDF
 *
 * The same pages the window prints: the core's ShkReport lays them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "shk-report.h"

#include "shk-cli.h"

/* "2021-06-10": the date of the meeting, printed on every page. */
static GDateTime *
parse_date (const char *text)
{
  int year, month, day;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

int
shk_cli_report (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *orientation_text = NULL;
  g_autofree char *date_text = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write"), N_("OUT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text,
      N_("a4 (default) or a3"), N_("SIZE") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &orientation_text,
      N_("landscape (default) or portrait"), N_("ORIENTATION") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The date printed on every page, e.g. the meeting’s; default today"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  ShkPaperSize paper = SHK_PAPER_A4;
  ShkOrientation orientation = SHK_ORIENTATION_LANDSCAPE;
  double width, height;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output OUT.pdf"),
                                        _("Writes the meeting handout as a PDF in the order and "
                                          "numbering of the committee’s documents: 資料1-1 (1)–(6) "
                                          "(the achievement status with its chart, the measures "
                                          "newly fully achieved, lagging, added and expanded, "
                                          "every measure’s figures and grades), then 資料1-3 (the "
                                          "work processes ranked with their Pareto chart, the "
                                          "priority classes, each payback scenario) and an audit "
                                          "of the document, with the plan’s title, the date and "
                                          "page numbers on every page."),
                                        entries);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv, &output)) != SHK_CLI_EXIT_OK)
    return status;
  if (paper_text != NULL && !shk_paper_size_from_string (paper_text, &paper))
    return shk_cli_usage_error (argv[0], _("unknown paper size “%s”; use a4 or a3"), paper_text);
  if (orientation_text != NULL && !shk_orientation_from_string (orientation_text, &orientation))
    return shk_cli_usage_error (argv[0], _("unknown orientation “%s”; use landscape or portrait"),
                                orientation_text);
  if (date_text != NULL && (date = parse_date (date_text)) == NULL)
    return shk_cli_usage_error (argv[0], _("“%s” is not a date; write it as YYYY-MM-DD"),
                                date_text);

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  shk_paper_size_get_points (paper, orientation, &width, &height);
  report = shk_report_new (plan, width, height, date);
  if (!shk_report_save_pdf (report, output, &error))
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  return SHK_CLI_EXIT_OK;
}
