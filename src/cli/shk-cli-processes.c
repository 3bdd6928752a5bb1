/* shk-cli-processes.c — the processes command: the AI/RPA survey's work
 * processes ranked by annual hours, with the part not listed and the
 * breakdowns by priority class and category
 *
 * The ranking comes from the core (ShkRanking), so the figures are the
 * ones the window's Processes view and Pareto chart show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-ranking.h"

#include "shk-cli.h"

/* The document's survey, or an empty one for a document without, so that
 * every format still prints its (empty) tables and zero totals. */
static ShkSurvey *
dup_survey (ShkPlan *plan)
{
  ShkSurvey *survey = shk_plan_get_survey (plan);

  return survey != NULL ? g_object_ref (survey) : shk_survey_new ();
}

static guint
total_processes (const ShkRanking *ranking)
{
  return ranking->n_processes + ranking->remainder_processes;
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Text */

static char *
format_share (double share)
{
  return shk_cli_format_percent (TRUE, share);
}

static char *
format_reduction (ShkProcess *process)
{
  double hours;

  if (!shk_process_get_expected_reduction (process, &hours))
    return g_strdup ("");
  return shk_format_number (hours);
}

/* "観光プロモーション課 戦略係", or the section alone when no unit is given. */
static char *
dup_section_and_unit (ShkProcess *process)
{
  const char *unit = shk_process_get_unit (process);

  if (*unit == '\0')
    return g_strdup (shk_process_get_section (process));
  return g_strdup_printf ("%s %s", shk_process_get_section (process), unit);
}

/* The process name comes last: it is the longest cell, and a last column
 * needs no padding. The business is in the CSV and JSON forms, which have
 * room for every field. */
static char *
render_ranking_table (const ShkRanking *ranking)
{
  g_autoptr(ShkCliTable) table = shk_cli_table_new (9);
  static const guint right_aligned[] = { 0, 1, 2, 3, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (right_aligned); i++)
    shk_cli_table_set_right_aligned (table, right_aligned[i], TRUE);

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, C_("rank", "No."));
  shk_cli_table_add_cell (table, _("Hours/Year"));
  shk_cli_table_add_cell (table, _("Share"));
  shk_cli_table_add_cell (table, _("Cumulative"));
  shk_cli_table_add_cell (table, _("Priority"));
  shk_cli_table_add_cell (table, _("Category"));
  shk_cli_table_add_cell (table, _("Expected Reduction"));
  shk_cli_table_add_cell (table, _("Section"));
  shk_cli_table_add_cell (table, _("Process"));
  shk_cli_table_add_rule (table);

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const ShkRankedProcess *ranked = &ranking->processes[i];
      ShkProcess *process = ranked->process;

      shk_cli_table_add_row (table);
      shk_cli_table_take_cell (table, g_strdup_printf ("%u", ranked->rank));
      shk_cli_table_take_cell (table, shk_format_number (ranked->hours));
      shk_cli_table_take_cell (table, format_share (ranked->share));
      shk_cli_table_take_cell (table, format_share (ranked->cumulative_share));
      shk_cli_table_add_cell (table, shk_priority_get_label (shk_process_get_priority (process)));
      shk_cli_table_add_cell (table, shk_process_get_category (process));
      shk_cli_table_take_cell (table, format_reduction (process));
      shk_cli_table_take_cell (table, dup_section_and_unit (process));
      shk_cli_table_add_cell (table, shk_process_get_name (process));
    }

  return shk_cli_table_render (table);
}

static void
add_totals_row (ShkCliTable *table,
                const char  *label,
                guint        processes,
                double       hours,
                double       share)
{
  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, label);
  shk_cli_table_take_cell (table, g_strdup_printf ("%u", processes));
  shk_cli_table_take_cell (table, shk_format_number (hours));
  shk_cli_table_take_cell (table, format_share (share));
}

static char *
render_totals_table (const ShkRanking *ranking)
{
  g_autoptr(ShkCliTable) table = shk_cli_table_new (4);

  for (guint c = 1; c < 4; c++)
    shk_cli_table_set_right_aligned (table, c, TRUE);

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, "");
  shk_cli_table_add_cell (table, C_("count", "Processes"));
  shk_cli_table_add_cell (table, _("Hours/Year"));
  shk_cli_table_add_cell (table, _("Share"));
  shk_cli_table_add_rule (table);
  add_totals_row (table, _("Listed"), ranking->n_processes,
                  ranking->listed_hours, ranking->listed_share);
  add_totals_row (table, _("Not listed"), ranking->remainder_processes,
                  ranking->remainder_hours,
                  ranking->total_hours > 0 ? ranking->remainder_hours / ranking->total_hours : 0.0);
  shk_cli_table_add_rule (table);
  add_totals_row (table, _("Total"), total_processes (ranking),
                  ranking->total_hours, ranking->total_hours > 0 ? 1.0 : 0.0);

  return shk_cli_table_render (table);
}

static char *
render_breakdown_table (GPtrArray  *rows,
                        const char *heading)
{
  g_autoptr(ShkCliTable) table = shk_cli_table_new (5);
  guint count = 0;
  double hours = 0.0, reduction = 0.0;

  for (guint c = 1; c < 5; c++)
    shk_cli_table_set_right_aligned (table, c, TRUE);

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, heading);
  shk_cli_table_add_cell (table, C_("count", "Processes"));
  shk_cli_table_add_cell (table, _("Hours/Year"));
  shk_cli_table_add_cell (table, _("Share"));
  shk_cli_table_add_cell (table, _("Expected Reduction"));
  shk_cli_table_add_rule (table);

  for (guint i = 0; i < rows->len; i++)
    {
      const ShkBreakdownRow *row = g_ptr_array_index (rows, i);

      shk_cli_table_add_row (table);
      shk_cli_table_add_cell (table, row->label);
      shk_cli_table_take_cell (table, g_strdup_printf ("%u", row->count));
      shk_cli_table_take_cell (table, shk_format_number (row->hours));
      shk_cli_table_take_cell (table, format_share (row->share));
      shk_cli_table_take_cell (table, shk_format_number (row->expected_reduction));
      count += row->count;
      hours += row->hours;
      reduction += row->expected_reduction;
    }

  /* The breakdowns are of the listed processes only: their shares add up
   * to 100% of the listed hours, not of the survey's total. */
  shk_cli_table_add_rule (table);
  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("Listed"));
  shk_cli_table_take_cell (table, g_strdup_printf ("%u", count));
  shk_cli_table_take_cell (table, shk_format_number (hours));
  shk_cli_table_take_cell (table, format_share (hours > 0 ? 1.0 : 0.0));
  shk_cli_table_take_cell (table, shk_format_number (reduction));

  return shk_cli_table_render (table);
}

static char *
describe_listed (const ShkRanking *ranking)
{
  g_autofree char *listed = shk_format_number (ranking->listed_hours);
  g_autofree char *total = shk_format_number (ranking->total_hours);

  if (ranking->n_processes == 0)
    return g_strdup (_("The document lists no work processes."));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: “Top 36 processes: 87.4% of all hours (224,100 of 256,400 hours a year).”
                                        * In Japanese: 上位36処理で総処理時間の87.4%（224,100／256,400時間） */
                                       "Top %u process: %.1f%% of all hours (%s of %s hours a year).",
                                       "Top %u processes: %.1f%% of all hours (%s of %s hours a year).",
                                       ranking->n_processes),
                          ranking->n_processes, ranking->listed_share * 100.0, listed, total);
}

static void
print_processes_text (ShkSurvey        *survey,
                      const ShkRanking *ranking)
{
  g_autoptr(GPtrArray) by_priority = shk_ranking_breakdown_by_priority (ranking);
  g_autoptr(GPtrArray) by_category = shk_ranking_breakdown_by_category (ranking);
  g_autofree char *processes = render_ranking_table (ranking);
  g_autofree char *totals = render_totals_table (ranking);
  g_autofree char *priorities = render_breakdown_table (by_priority, _("Priority class"));
  g_autofree char *categories = render_breakdown_table (by_category, _("Category"));
  g_autofree char *summary = describe_listed (ranking);
  const char *title = shk_survey_get_title (survey);

  if (title != NULL && *title != '\0')
    {
      shk_cli_print (title);
      shk_cli_print ("\n\n");
    }
  if (ranking->n_processes > 0)
    {
      shk_cli_print (processes);
      shk_cli_print ("\n");
    }
  shk_cli_print (totals);
  shk_cli_print ("\n");
  shk_cli_print (summary);
  shk_cli_print ("\n\n");
  shk_cli_print (priorities);
  shk_cli_print ("\n");
  shk_cli_print (categories);
}

/* CSV: a record per listed process, in rank order. */

static void
add_csv_number (ShkCliCsv *csv,
                double     value)
{
  g_autofree char *text = shk_cli_format_number (value);

  shk_cli_csv_add_field (csv, text);
}

static void
print_processes_csv (const ShkRanking *ranking)
{
  static const char * const header[] = {
    "rank", "hours", "share", "cumulative_hours", "cumulative_share",
    "id", "process", "business", "section", "unit",
    "priority", "priority_label", "category", "printed_category", "solution",
    "expected_reduction", "qualitative_effect", "policy", "efficiency_measure",
    "demo_experiment", "deep_dive",
  };
  ShkCliCsv csv;

  shk_cli_csv_init (&csv);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    shk_cli_csv_add_field (&csv, header[i]);
  shk_cli_csv_end_record (&csv);

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const ShkRankedProcess *ranked = &ranking->processes[i];
      ShkProcess *process = ranked->process;
      ShkPriority priority = shk_process_get_priority (process);
      double reduction;

      add_csv_number (&csv, ranked->rank);
      add_csv_number (&csv, ranked->hours);
      add_csv_number (&csv, ranked->share);
      add_csv_number (&csv, ranked->cumulative_hours);
      add_csv_number (&csv, ranked->cumulative_share);
      shk_cli_csv_add_field (&csv, shk_process_get_id (process));
      shk_cli_csv_add_field (&csv, shk_process_get_name (process));
      shk_cli_csv_add_field (&csv, shk_process_get_business (process));
      shk_cli_csv_add_field (&csv, shk_process_get_section (process));
      shk_cli_csv_add_field (&csv, shk_process_get_unit (process));
      shk_cli_csv_add_field (&csv, shk_priority_to_key (priority));
      shk_cli_csv_add_field (&csv, shk_priority_get_label (priority));
      shk_cli_csv_add_field (&csv, shk_process_get_category (process));
      shk_cli_csv_add_field (&csv, shk_process_get_printed_category (process));
      shk_cli_csv_add_field (&csv, shk_process_get_solution (process));
      if (shk_process_get_expected_reduction (process, &reduction))
        add_csv_number (&csv, reduction);
      else
        shk_cli_csv_add_field (&csv, "");
      shk_cli_csv_add_field (&csv, shk_process_get_qualitative_effect (process));
      shk_cli_csv_add_field (&csv, shk_process_get_policy (process));
      shk_cli_csv_add_field (&csv, shk_process_get_efficiency_measure (process));
      shk_cli_csv_add_field (&csv, shk_process_get_demo_experiment (process) ? "true" : "false");
      shk_cli_csv_add_field (&csv, shk_process_get_deep_dive (process) ? "true" : "false");
      shk_cli_csv_end_record (&csv);
    }

  shk_cli_print (csv.text->str);
  shk_cli_csv_clear (&csv);
}

/* JSON */

static void
add_member_text (JsonBuilder *builder,
                 const char  *member,
                 const char  *value)
{
  shk_cli_json_add_string_member (builder, member, empty_to_null (value));
}

static void
add_json_process (JsonBuilder            *builder,
                  const ShkRankedProcess *ranked)
{
  ShkProcess *process = ranked->process;
  ShkPriority priority = shk_process_get_priority (process);
  double reduction;

  json_builder_begin_object (builder);
  shk_cli_json_add_number_member (builder, "rank", ranked->rank);
  shk_cli_json_add_number_member (builder, "hours", ranked->hours);
  shk_cli_json_add_number_member (builder, "share", ranked->share);
  shk_cli_json_add_number_member (builder, "cumulative_hours", ranked->cumulative_hours);
  shk_cli_json_add_number_member (builder, "cumulative_share", ranked->cumulative_share);
  add_member_text (builder, "id", shk_process_get_id (process));
  json_builder_set_member_name (builder, "process");
  json_builder_add_string_value (builder, shk_process_get_name (process));
  add_member_text (builder, "business", shk_process_get_business (process));
  add_member_text (builder, "section", shk_process_get_section (process));
  add_member_text (builder, "unit", shk_process_get_unit (process));
  /* null is the class of processes still under review. */
  add_member_text (builder, "priority", shk_priority_to_key (priority));
  add_member_text (builder, "priority_label", shk_priority_get_label (priority));
  add_member_text (builder, "category", shk_process_get_category (process));
  add_member_text (builder, "printed_category", shk_process_get_printed_category (process));
  add_member_text (builder, "solution", shk_process_get_solution (process));
  json_builder_set_member_name (builder, "expected_reduction");
  if (shk_process_get_expected_reduction (process, &reduction))
    shk_cli_json_add_number (builder, reduction);
  else
    json_builder_add_null_value (builder);
  add_member_text (builder, "qualitative_effect", shk_process_get_qualitative_effect (process));
  add_member_text (builder, "policy", shk_process_get_policy (process));
  add_member_text (builder, "efficiency_measure", shk_process_get_efficiency_measure (process));
  json_builder_set_member_name (builder, "demo_experiment");
  json_builder_add_boolean_value (builder, shk_process_get_demo_experiment (process));
  json_builder_set_member_name (builder, "deep_dive");
  json_builder_add_boolean_value (builder, shk_process_get_deep_dive (process));
  json_builder_end_object (builder);
}

static void
add_json_breakdown (JsonBuilder *builder,
                    const char  *member,
                    const char  *key_member,
                    GPtrArray   *rows)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const ShkBreakdownRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      /* null: under review (priority) or unknown (category). */
      add_member_text (builder, key_member, row->key);
      add_member_text (builder, "label", row->label);
      shk_cli_json_add_number_member (builder, "processes", row->count);
      shk_cli_json_add_number_member (builder, "hours", row->hours);
      shk_cli_json_add_number_member (builder, "share", row->share);
      shk_cli_json_add_number_member (builder, "expected_reduction", row->expected_reduction);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_processes_json (ShkSurvey        *survey,
                      const ShkRanking *ranking)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) by_priority = shk_ranking_breakdown_by_priority (ranking);
  g_autoptr(GPtrArray) by_category = shk_ranking_breakdown_by_category (ranking);

  json_builder_begin_object (builder);
  add_member_text (builder, "title", shk_survey_get_title (survey));
  shk_cli_json_add_number_member (builder, "total_hours", ranking->total_hours);
  shk_cli_json_add_number_member (builder, "total_processes", total_processes (ranking));
  shk_cli_json_add_number_member (builder, "total_sections",
                                  shk_survey_get_total_sections (survey));
  shk_cli_json_add_number_member (builder, "total_businesses",
                                  shk_survey_get_total_businesses (survey));
  shk_cli_json_add_number_member (builder, "listing_threshold",
                                  shk_survey_get_listing_threshold (survey));
  shk_cli_json_add_number_member (builder, "listed_hours", ranking->listed_hours);
  shk_cli_json_add_number_member (builder, "listed_processes", ranking->n_processes);
  shk_cli_json_add_number_member (builder, "listed_share", ranking->listed_share);
  shk_cli_json_add_number_member (builder, "unlisted_hours", ranking->remainder_hours);
  shk_cli_json_add_number_member (builder, "unlisted_processes", ranking->remainder_processes);
  shk_cli_json_add_number_member (builder, "unlisted_share",
                                  ranking->total_hours > 0
                                  ? ranking->remainder_hours / ranking->total_hours : 0.0);

  json_builder_set_member_name (builder, "processes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ranking->n_processes; i++)
    add_json_process (builder, &ranking->processes[i]);
  json_builder_end_array (builder);

  add_json_breakdown (builder, "by_priority", "priority", by_priority);
  add_json_breakdown (builder, "by_category", "category", by_category);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_processes (int    argc,
                   char **argv)
{
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkSurvey) survey = NULL;
  g_autoptr(ShkRanking) ranking = NULL;
  ShkCliFormat format;
  int status;

  context = shk_cli_option_context_new (_("[FILE]"),
                                        _("Ranks the work processes of the AI/RPA survey by annual "
                                          "hours, with each one’s share and cumulative share of "
                                          "the survey’s total, the part not listed, and the hours "
                                          "and counts per priority class and per category. CSV "
                                          "follows RFC 4180, in UTF-8 with a header row."),
                                        entries);
  if ((status = shk_cli_parse_file_options (context, &argc, &argv, &format_text,
                                            SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_CSV | SHK_CLI_FORMAT_JSON,
                                            &format)) != SHK_CLI_EXIT_OK)
    return status;

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  survey = dup_survey (plan);
  ranking = shk_ranking_new (survey);
  switch (format)
    {
    case SHK_CLI_FORMAT_CSV:
      print_processes_csv (ranking);
      break;
    case SHK_CLI_FORMAT_JSON:
      print_processes_json (survey, ranking);
      break;
    case SHK_CLI_FORMAT_TEXT:
    default:
      print_processes_text (survey, ranking);
      break;
    }
  return SHK_CLI_EXIT_OK;
}
