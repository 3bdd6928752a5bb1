/* shinchoku-cli.c — the core's figures and charts on the command line
 *
 * Each command lives in a shk-cli-*.c file; this one only picks the
 * command and prints the overall help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "shk-cli.h"
#include "shk-locale.h"

typedef struct
{
  const char        *name;
  const char        *synopsis;  /* what follows the program name */
  const char        *summary;   /* N_() */
  ShkCliCommandFunc  run;
} CommandInfo;

static const CommandInfo commands[] = {
  { "validate", "validate FILE",
    N_("Check a plan document and say where any problem is"),
    shk_cli_validate },
  { "summary", "summary [FILE]",
    N_("Grade counts and shares per evaluation"),
    shk_cli_summary },
  { "measures", "measures [FILE]",
    N_("Every measure and indicator with figures, rates and grades"),
    shk_cli_measures },
  { "export-builtin", "export-builtin OUT.json",
    N_("Write the built-in document to a file"),
    shk_cli_export_builtin },
  { "payback", "payback [FILE] --scenario N|NAME",
    N_("Costs, savings and payback year of a scenario"),
    shk_cli_payback },
  { "processes", "processes [FILE]",
    N_("The AI/RPA survey’s work processes ranked by annual hours"),
    shk_cli_processes },
  { "chart", "chart payback|summary|pareto|breakdown|survey|schedule [FILE] --output OUT",
    N_("Draw the cost-benefit, grade summary, Pareto, breakdown, citizen survey or schedule chart to PNG, SVG or PDF"),
    shk_cli_chart },
  { "sensitivity", "sensitivity [FILE] --scenario N",
    N_("How the payback year moves when the rate, the hours or the costs change"),
    shk_cli_sensitivity },
  { "report", "report [FILE] --output OUT.pdf",
    N_("The meeting handout as a PDF, on A4 or A3"),
    shk_cli_report },
  { "export", "export [FILE] --output OUT.csv|OUT.xlsx",
    N_("The measures or processes table for Excel, as CSV or XLSX"),
    shk_cli_export },
  { "import", "import [FILE] DATA.csv|DATA.xlsx [--apply --output OUT.json]",
    N_("Preview the targets and actuals a CSV or XLSX file would change; --apply writes them"),
    shk_cli_import },
  { "audit", "audit [FILE] [--format text|json]",
    N_("Where the printed figures and the ones computed from the document part ways"),
    shk_cli_audit },
  { "deck", "deck [FILE] --output OUT.pptx [--slides LIST]",
    N_("The committee's slides as a PowerPoint deck, figures in the speaker notes"),
    shk_cli_deck },
  { "survey", "survey [FILE] [--format text|json]",
    N_("The citizen survey: responses, answers, changes and gaps to the national figures"),
    shk_cli_survey },
  { "findings", "findings [FILE] [--format text|json]",
    N_("The AI/RPA findings: experiments, effects, issues, e-application, sections"),
    shk_cli_findings },
  { "next-plan", "next-plan [FILE] --years R4-R8 --output NEXT.json",
    N_("Start the next plan from this one: last actuals as baselines, no targets yet"),
    shk_cli_next_plan },
  { "requests", "requests [FILE] --year R3 --output DIR [--due YYYY-MM-DD] [--record OUT.json]",
    N_("One request workbook (XLSX) per section that owns measures, for the year’s figures"),
    shk_cli_requests },
  { "collect", "collect [FILE] REPLY.xlsx|FOLDER… [--apply --output OUT.json]",
    N_("Review the replies to request workbooks: changes, conflicts, refusals; --apply writes them"),
    shk_cli_collect },
  { "round", "round [FILE] [--reminders] [--format text|json|csv]",
    N_("The request round the plan recorded: who was asked, who replied, whom to remind"),
    shk_cli_round },
};

static void
print_usage (FILE *stream)
{
  g_autoptr(ShkCliTable) table = shk_cli_table_new (2);
  g_autofree char *rendered = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      shk_cli_table_add_row (table);
      shk_cli_table_take_cell (table, g_strconcat ("  ", commands[i].synopsis, NULL));
      shk_cli_table_add_cell (table, _(commands[i].summary));
    }
  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, "  help [COMMAND]");
  shk_cli_table_add_cell (table, _("Show the help of a command"));
  rendered = shk_cli_table_render (table);

  fprintf (stream, "%s\n  shinchoku-cli %s\n\n%s\n\n%s\n%s\n%s\n%s\n",
           _("Usage:"),
           _("COMMAND [OPTION…] [ARGUMENT…]"),
           _("Figures and charts of a Shinchoku plan document."),
           _("Commands:"),
           rendered,
           _("Without FILE a command uses the built-in document (Kagoshima City, FY2020); "
             "FILE “-” reads standard input."),
           _("Run “shinchoku-cli COMMAND --help” to see the options of a command."));
}

static const CommandInfo *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* Runs @command with argv[0] "shinchoku-cli NAME", which GOptionContext
 * then shows in the command's usage line. */
static int
run_command (const CommandInfo  *command,
             int                 argc,
             char              **argv)
{
  g_autofree char *argv0 = g_strconcat ("shinchoku-cli ", command->name, NULL);
  g_autofree char **sub_argv = g_new0 (char *, argc + 1);
  int status;

  sub_argv[0] = argv0;
  for (int i = 1; i < argc; i++)
    sub_argv[i] = argv[i];

  status = command->run (argc, sub_argv);
  if (!shk_cli_flush_output () && status == SHK_CLI_EXIT_OK)
    status = SHK_CLI_EXIT_FAILURE;
  return status;
}

static int
run_help (int    argc,
          char **argv)
{
  const CommandInfo *command;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc < 1)
    {
      print_usage (stdout);
      return SHK_CLI_EXIT_OK;
    }

  command = find_command (argv[0]);
  if (command == NULL)
    {
      shk_cli_error (_("unknown command “%s”"), argv[0]);
      print_usage (stderr);
      return SHK_CLI_EXIT_USAGE;
    }

  /* --help makes GOptionContext print the help and exit. */
  help_argv[0] = (char *) command->name;
  return run_command (command, 2, help_argv);
}

int
main (int    argc,
      char **argv)
{
  const CommandInfo *command;

  shk_locale_init ();

  if (argc < 2)
    {
      shk_cli_error (_("no command given"));
      print_usage (stderr);
      return SHK_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "-?"))
    {
      print_usage (stdout);
      return SHK_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      printf ("shinchoku-cli %s\n", PACKAGE_VERSION);
      return SHK_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "help"))
    return run_help (argc - 2, argv + 2);

  if (argv[1][0] == '-')
    {
      shk_cli_error (_("unknown option “%s”"), argv[1]);
      print_usage (stderr);
      return SHK_CLI_EXIT_USAGE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      shk_cli_error (_("unknown command “%s”"), argv[1]);
      print_usage (stderr);
      return SHK_CLI_EXIT_USAGE;
    }

  return run_command (command, argc - 1, argv + 1);
}
