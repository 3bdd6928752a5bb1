/* shk-cli-next-plan.c — `shinchoku-cli next-plan`: a new document for the
 * following plan period, started from this one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shk-cli.h"
#include "shk-format.h"
#include "shk-next-plan.h"
#include "shk-plan-successor.h"

/* "1,2,5" → numbers; NULL with a message when a part is not a number. */
static GArray *
parse_numbers (const char *command,
               const char *option,
               const char *text,
               gboolean   *ok)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) numbers = NULL;

  *ok = TRUE;
  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, ",", -1);
  numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 number;

      g_strstrip (parts[i]);
      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, G_MAXUINT, &number, NULL))
        {
          shk_cli_usage_error (command, _("%s: “%s” is not a number from 1"), option, parts[i]);
          *ok = FALSE;
          return NULL;
        }
      g_array_append_val (numbers, (guint) { (guint) number });
    }
  return g_steal_pointer (&numbers);
}

/* The period the handouts plan for the next plan (令和4～8年度 → R4-R8),
 * when the document has it. */
static char *
default_years (ShkPlan *plan)
{
  g_autoptr(ShkNextPlan) next_plan = shk_next_plan_new_for_plan (plan, NULL);

  if (next_plan == NULL || next_plan->period_first == NULL || next_plan->period_last == NULL)
    return NULL;
  return g_strdup_printf ("%s-%s", next_plan->period_first, next_plan->period_last);
}

int
shk_cli_next_plan (int    argc,
                   char **argv)
{
  g_autofree char *years = NULL, *output = NULL, *title = NULL;
  g_autofree char *measures_text = NULL, *policies_text = NULL;
  gboolean force = FALSE, ok;
  const GOptionEntry entries[] = {
    { "years", 'y', 0, G_OPTION_ARG_STRING, &years,
      N_("The new plan's fiscal years, e.g. R4-R8 (default: the period the document plans for)"),
      N_("FIRST-LAST") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The new document to write"), N_("NEXT.json") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The new plan's title"), N_("TITLE") },
    { "measures", 'm', 0, G_OPTION_ARG_STRING, &measures_text,
      N_("The measures to carry over, by number, separated by commas (default: all)"), N_("N[,M…]") },
    { "policies", 'p', 0, G_OPTION_ARG_STRING, &policies_text,
      N_("The policies to carry over, by number, separated by commas (default: all)"), N_("N[,M…]") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite the file if it exists (the old one is kept as FILE~)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkPlan) next = NULL;
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) policies = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ShkSuccessorOptions options = { 0 };
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output NEXT.json [--years R4-R8]"),
                                        _("Starts the next plan from this one: a new document "
                                          "for the following years with the chosen policies and "
                                          "measures, each indicator's last actual as its "
                                          "baseline, no targets yet and no grades, naming this "
                                          "plan as its predecessor."),
                                        entries);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv, &output)) != SHK_CLI_EXIT_OK)
    return status;
  measures = parse_numbers (argv[0], "--measures", measures_text, &ok);
  if (!ok)
    return SHK_CLI_EXIT_USAGE;
  policies = parse_numbers (argv[0], "--policies", policies_text, &ok);
  if (!ok)
    return SHK_CLI_EXIT_USAGE;

  file = g_file_new_for_commandline_arg (output);
  if (!force && g_file_query_exists (file, NULL))
    {
      shk_cli_error (_("%s already exists; use --force to overwrite it"), output);
      return SHK_CLI_EXIT_FAILURE;
    }

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;
  if (years == NULL)
    years = default_years (plan);
  if (years == NULL)
    return shk_cli_usage_error (argv[0], _("--years is required: the document plans no next period"));

  options = (ShkSuccessorOptions) {
    .years = years,
    .title = title,
    .measures = measures,
    .policies = policies,
  };
  next = shk_plan_successor_new (plan, &options, &error);
  if (next == NULL)
    return shk_cli_usage_error (argv[0], "%s", error->message);
  if (!shk_format_save_file (next, file, NULL, &error))
    {
      shk_cli_file_error (output, error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  return SHK_CLI_EXIT_OK;
}
