/* shk-cli-plan.c — validate, summary and export-builtin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-format.h"
#include "shk-rules.h"

#include "shk-cli.h"

/* validate */

static guint
count_indicators (ShkPlan *plan)
{
  GListModel *measures = shk_plan_get_measures (plan);
  guint n = g_list_model_get_n_items (measures);
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);

      total += shk_measure_get_n_indicators (measure);
    }
  return total;
}

static char *
describe_contents (ShkPlan *plan)
{
  ShkSurvey *survey = shk_plan_get_survey (plan);
  guint n_measures = g_list_model_get_n_items (shk_plan_get_measures (plan));
  guint n_indicators = count_indicators (plan);
  guint n_evaluations = g_list_model_get_n_items (shk_plan_get_evaluations (plan));
  guint n_scenarios = g_list_model_get_n_items (shk_plan_get_scenarios (plan));
  guint n_processes = survey != NULL
                      ? g_list_model_get_n_items (shk_survey_get_processes (survey))
                      : 0;
  char *parts[] = {
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures",
                                  n_measures), n_measures),
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                  n_indicators), n_indicators),
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evaluation", "%u evaluations",
                                  n_evaluations), n_evaluations),
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u work process", "%u work processes",
                                  n_processes), n_processes),
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scenario", "%u scenarios",
                                  n_scenarios), n_scenarios),
    NULL
  };
  /* TRANSLATORS: separates the counts in “62 measures, 75 indicators, …” */
  char *joined = g_strjoinv (_(", "), parts);

  for (guint i = 0; parts[i] != NULL; i++)
    g_free (parts[i]);
  return joined;
}

int
shk_cli_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *line = NULL;
  int status;

  context = shk_cli_option_context_new (_("FILE"),
                                        _("Checks a plan document. Prints what it holds when it is "
                                          "valid; otherwise every problem with its line and column "
                                          "or the JSON path of the value at fault, and exits with "
                                          "status 1. The file is only read."),
                                        NULL);
  if ((status = shk_cli_parse_options (context, argv[0], &argc, &argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments (argv[0], argc, 1, 1)) != SHK_CLI_EXIT_OK)
    return status;

  if ((status = shk_cli_open_plan (argv[1], &plan)) != SHK_CLI_EXIT_OK)
    return status;

  contents = describe_contents (plan);
  /* TRANSLATORS: “plan.json: valid (62 measures, 75 indicators, …)” */
  line = g_strdup_printf (_("%s: valid (%s)"), argv[1], contents);
  shk_cli_print (line);
  shk_cli_print ("\n");
  return SHK_CLI_EXIT_OK;
}

/* summary */

static const ShkGrade summary_grades[] = {
  SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
};

static char *
format_count_and_share (guint  count,
                        guint  counted)
{
  g_autofree char *share = NULL;

  if (counted == 0)
    return g_strdup_printf ("%u", count);
  share = shk_cli_format_percent (TRUE, (double) count / counted);
  return g_strdup_printf ("%u (%s)", count, share);
}

static void
print_summary_text (ShkPlan          *plan,
                    const ShkSummary *summary)
{
  g_autoptr(ShkCliTable) table = shk_cli_table_new (summary->n_columns + 1);
  g_autofree char *rendered = NULL;
  gboolean has_labels = FALSE;
  const char *title = shk_plan_get_title (plan);

  for (guint c = 0; c < summary->n_columns; c++)
    {
      shk_cli_table_set_right_aligned (table, c + 1, TRUE);
      if (shk_evaluation_get_label (summary->columns[c].evaluation) != NULL)
        has_labels = TRUE;
    }

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("Grade"));
  for (guint c = 0; c < summary->n_columns; c++)
    shk_cli_table_add_cell (table, shk_evaluation_get_id (summary->columns[c].evaluation));

  if (has_labels)
    {
      shk_cli_table_add_row (table);
      shk_cli_table_add_cell (table, "");
      for (guint c = 0; c < summary->n_columns; c++)
        shk_cli_table_add_cell (table, shk_evaluation_get_label (summary->columns[c].evaluation));
    }
  shk_cli_table_add_rule (table);

  for (guint g = 0; g < G_N_ELEMENTS (summary_grades); g++)
    {
      ShkGrade grade = summary_grades[g];

      shk_cli_table_add_row (table);
      shk_cli_table_take_cell (table, g_strdup_printf ("%s %s",
                                                       shk_grade_to_symbol (grade),
                                                       shk_grade_get_label (grade)));
      for (guint c = 0; c < summary->n_columns; c++)
        shk_cli_table_take_cell (table,
                                 format_count_and_share (summary->columns[c].count[grade],
                                                         summary->columns[c].counted));
    }
  shk_cli_table_add_rule (table);

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("Total"));
  for (guint c = 0; c < summary->n_columns; c++)
    shk_cli_table_take_cell (table,
                             format_count_and_share (summary->columns[c].counted,
                                                     summary->columns[c].counted));

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("Not evaluated"));
  for (guint c = 0; c < summary->n_columns; c++)
    shk_cli_table_take_cell (table, g_strdup_printf ("%u", summary->columns[c].count[SHK_GRADE_NONE]));

  rendered = shk_cli_table_render (table);
  if (title != NULL && title[0] != '\0')
    {
      shk_cli_print (title);
      shk_cli_print ("\n\n");
    }
  shk_cli_print (rendered);
}

static void
print_summary_json (ShkPlan          *plan,
                    const ShkSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "title", shk_plan_get_title (plan));
  json_builder_set_member_name (builder, "evaluations");
  json_builder_begin_array (builder);
  for (guint c = 0; c < summary->n_columns; c++)
    {
      const ShkSummaryColumn *column = &summary->columns[c];
      ShkEvaluation *evaluation = column->evaluation;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, shk_evaluation_get_id (evaluation));
      shk_cli_json_add_string_member (builder, "label", shk_evaluation_get_label (evaluation));
      json_builder_set_member_name (builder, "actual_year");
      json_builder_add_string_value (builder, shk_evaluation_get_actual_year (evaluation));
      json_builder_set_member_name (builder, "target_year");
      json_builder_add_string_value (builder, shk_evaluation_get_target_year (evaluation));

      for (guint g = 0; g < G_N_ELEMENTS (summary_grades); g++)
        {
          json_builder_set_member_name (builder, shk_grade_to_key (summary_grades[g]));
          json_builder_add_int_value (builder, column->count[summary_grades[g]]);
        }
      json_builder_set_member_name (builder, "not_evaluated");
      json_builder_add_int_value (builder, column->count[SHK_GRADE_NONE]);
      json_builder_set_member_name (builder, "counted");
      json_builder_add_int_value (builder, column->counted);

      json_builder_set_member_name (builder, "shares");
      json_builder_begin_object (builder);
      for (guint g = 0; g < G_N_ELEMENTS (summary_grades); g++)
        {
          shk_cli_json_add_number_member (builder, shk_grade_to_key (summary_grades[g]),
                                          shk_summary_column_share (column, summary_grades[g]));
        }
      json_builder_end_object (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_summary (int    argc,
                 char **argv)
{
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkSummary) summary = NULL;
  ShkCliFormat format;
  int status;

  context = shk_cli_option_context_new (_("[FILE]"),
                                        _("Counts the measures of each grade (◎ ○ △ －) per "
                                          "evaluation, with their shares of the measures counted, "
                                          "like table (6) of the progress report."),
                                        entries);
  if ((status = shk_cli_parse_file_options (context, &argc, &argv, &format_text,
                                            SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                            &format)) != SHK_CLI_EXIT_OK)
    return status;

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  summary = shk_summary_new_for_plan (plan);
  if (format == SHK_CLI_FORMAT_JSON)
    print_summary_json (plan, summary);
  else
    print_summary_text (plan, summary);
  return SHK_CLI_EXIT_OK;
}

/* export-builtin */

int
shk_cli_export_builtin (int    argc,
                        char **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite the file if it exists (the old one is kept as FILE~)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = shk_cli_option_context_new (_("OUT.json"),
                                        _("Writes the built-in document (Kagoshima City, FY2020) "
                                          "as a plan file, to edit and use with the other "
                                          "commands or the window."),
                                        entries);
  if ((status = shk_cli_parse_options (context, argv[0], &argc, &argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments (argv[0], argc, 1, 1)) != SHK_CLI_EXIT_OK)
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!force && g_file_query_exists (file, NULL))
    {
      shk_cli_error (_("%s already exists; use --force to overwrite it"), argv[1]);
      return SHK_CLI_EXIT_FAILURE;
    }

  plan = shk_cli_load_plan (NULL, &error);
  if (plan == NULL || !shk_format_save_file (plan, file, NULL, &error))
    {
      shk_cli_file_error (argv[1], error->message);
      return SHK_CLI_EXIT_FAILURE;
    }

  return SHK_CLI_EXIT_OK;
}
