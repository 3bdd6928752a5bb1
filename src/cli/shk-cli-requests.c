/* shk-cli-requests.c — the requests command: one request workbook per
 * owning section for a reporting year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-format.h"
#include "shk-request.h"
#include "shk-round.h"
#include "shk-survey-request.h"

#include "shk-cli.h"

/* "No.1, No.4" or, for the survey, "p01, p07". */
static char *
dup_items (const ShkRequestInfo *info)
{
  g_autoptr(GString) items = g_string_new (NULL);

  if (info->processes != NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", info->processes);

      g_string_append (items, ids);
    }
  else
    for (guint m = 0; m < info->measures->len; m++)
      g_string_append_printf (items, "%sNo.%u", m > 0 ? ", " : "",
                              g_array_index (info->measures, guint, m));
  return g_string_free (g_steal_pointer (&items), FALSE);
}

static void
print_text (GPtrArray  *written,
            const char *output,
            gboolean    survey,
            const char *record)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (survey)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u survey workbook written to %s:",
                                              "%u survey workbooks written to %s:", written->len),
                            written->len, output);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u request workbook written to %s:",
                                              "%u request workbooks written to %s:", written->len),
                            written->len, output);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < written->len; i++)
    {
      const ShkRequestInfo *info = g_ptr_array_index (written, i);
      g_autofree char *items = dup_items (info);

      g_string_append_printf (out, "  %s\t%s\t%s\n", info->section, info->file_name, items);
    }
  if (record != NULL)
    {
      g_string_append_printf (out, _("The round is recorded in %s"), record);
      g_string_append_c (out, '\n');
    }
  shk_cli_print (out->str);
}

static void
print_json (GPtrArray  *written,
            const char *output)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < written->len; i++)
    {
      const ShkRequestInfo *info = g_ptr_array_index (written, i);
      g_autofree char *path = g_build_filename (output, info->file_name, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, info->section);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, info->processes != NULL ? "processes" : "measures");
      json_builder_begin_array (builder);
      for (guint m = 0; info->processes != NULL && info->processes[m] != NULL; m++)
        json_builder_add_string_value (builder, info->processes[m]);
      for (guint m = 0; info->processes == NULL && m < info->measures->len; m++)
        json_builder_add_int_value (builder, g_array_index (info->measures, guint, m));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_requests (int    argc,
                  char **argv)
{
  g_autofree char *year = NULL;
  g_autofree char *output = NULL;
  g_autofree char *due = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *record = NULL;
  g_auto(GStrv) sections = NULL;
  gboolean survey = FALSE;
  int blank_rows = 0;
  const GOptionEntry entries[] = {
    { "survey", 0, 0, G_OPTION_ARG_NONE, &survey,
      N_("Write the AI/RPA survey's workbooks instead: each section's work processes"), NULL },
    { "blank-rows", 0, 0, G_OPTION_ARG_INT, &blank_rows,
      N_("With --survey, the blank rows for new processes (default 5)"), N_("N") },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year,
      N_("The fiscal year whose figures are asked for, e.g. R3"), N_("YEAR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write the workbooks into (made if missing)"), N_("DIR") },
    { "section", 's', 0, G_OPTION_ARG_STRING_ARRAY, &sections,
      N_("Only this section (repeat for more); default: every section asked"), N_("NAME") },
    { "due", 'd', 0, G_OPTION_ARG_STRING, &due,
      N_("The due date shown in the instructions"), N_("YYYY-MM-DD") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact,
      N_("Whom the sections send their replies to"), N_("TEXT") },
    { "record", 0, 0, G_OPTION_ARG_FILENAME, &record,
      N_("Record the round (sections asked, due date, folder) in the plan and write it to "
         "OUT.json"), N_("OUT.json") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  ShkRequestOptions options = { 0 };
  ShkCliFormat format;
  int status;

  context = shk_cli_option_context_new (_("[FILE]"),
                                        _("Writes a request workbook (XLSX) for each section "
                                          "that owns measures: its measures and indicators "
                                          "with the targets and past actuals locked, and open "
                                          "cells for the year's actuals, the actions taken, "
                                          "next year's plan and a self-assessment. With "
                                          "--survey, a survey workbook for each section of the "
                                          "AI/RPA survey instead: its work processes with open "
                                          "cells for the hours a year, the category, whether "
                                          "AI or RPA could apply and a note, and blank rows for "
                                          "new processes. Collect the replies with “collect”."),
                                        entries);
  if ((status = shk_cli_parse_options (context, argv[0], &argc, &argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments (argv[0], argc, 0, 1)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_parse_format (argv[0], format_text,
                                      SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                      &format)) != SHK_CLI_EXIT_OK)
    return status;
  if (blank_rows != 0 && !survey)
    return shk_cli_usage_error (argv[0], _("--blank-rows is only for --survey"));
  if (blank_rows < 0)
    return shk_cli_usage_error (argv[0], _("--blank-rows cannot be negative"));
  if (year == NULL)
    return shk_cli_usage_error (argv[0], _("--year is needed: the year whose figures are asked for"));
  if (output == NULL)
    return shk_cli_usage_error (argv[0], _("--output DIR is needed: the folder for the workbooks"));
  if (record != NULL && survey)
    return shk_cli_usage_error (argv[0], _("--record is only for request workbooks: the survey's "
                                           "workbooks make no request round"));

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  options.year_id = year;
  options.due = due;
  options.contact = contact;
  folder = g_file_new_for_commandline_arg (output);
  if (survey)
    {
      ShkSurveyRequestOptions survey_options = { .request = options, .blank_rows = blank_rows };

      written = shk_survey_request_write_folder (plan, (const char * const *) sections,
                                                 &survey_options, folder, &error);
    }
  else
    written = shk_request_write_folder (plan, (const char * const *) sections, &options, folder,
                                        &error);
  if (written == NULL)
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }

  /* The workbooks are out: the round goes into the plan as the window's
   * 「照会票を作成」 records it, and the plan is written as --apply
   * commands write theirs. */
  if (record != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (record);

      shk_round_start (shk_plan_get_round (plan), plan, written, &options, folder);
      if (!shk_format_save_file (plan, out, NULL, &error))
        {
          shk_cli_error ("%s", error->message);
          return SHK_CLI_EXIT_FAILURE;
        }
    }

  if (format == SHK_CLI_FORMAT_JSON)
    print_json (written, output);
  else
    print_text (written, output, survey, record);
  return SHK_CLI_EXIT_OK;
}
