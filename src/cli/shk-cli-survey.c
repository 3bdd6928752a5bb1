/* shk-cli-survey.c — `shinchoku-cli survey` (the citizen survey, 資料2-2)
 * and `shinchoku-cli findings` (the AI/RPA findings, 資料1-3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "shk-citizen-survey.h"
#include "shk-cli.h"
#include "shk-findings.h"
#include "shk-number.h"

/* survey ------------------------------------------------------------ */

static char *
percent_or_empty (gboolean has,
                  double   value)
{
  return has && !isnan (value) ? g_strdup_printf ("%.1f%%", value) : g_strdup ("");
}

static void
append_question_text (GString                 *out,
                      const ShkSurveyQuestion *question)
{
  g_autoptr(ShkCliTable) table = shk_cli_table_new (6);
  g_autofree char *rendered = NULL;

  if (question == NULL)
    return;
  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("Answer"));
  shk_cli_table_add_cell (table, _("FY2016"));
  shk_cli_table_add_cell (table, _("FY2020"));
  shk_cli_table_add_cell (table, _("Change"));
  shk_cli_table_add_cell (table, _("National"));
  shk_cli_table_add_cell (table, _("Gap"));
  for (guint c = 1; c < 6; c++)
    shk_cli_table_set_right_aligned (table, c, TRUE);
  shk_cli_table_add_rule (table);
  for (guint i = 0; i < question->answers->len; i++)
    {
      const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, i);

      shk_cli_table_add_row (table);
      shk_cli_table_add_cell (table, answer->item);
      shk_cli_table_take_cell (table, percent_or_empty (answer->has_fy28, answer->fy28));
      shk_cli_table_take_cell (table, percent_or_empty (TRUE, answer->fy2));
      shk_cli_table_take_cell (table, shk_citizen_survey_format_points (answer->change));
      shk_cli_table_take_cell (table, percent_or_empty (answer->has_national, answer->national));
      shk_cli_table_take_cell (table, shk_citizen_survey_format_points (answer->gap));
    }
  rendered = shk_cli_table_render (table);
  g_string_append_printf (out, "\n%s\n%s", question->title, rendered);
  if (question->footnote != NULL)
    g_string_append_printf (out, "%s\n", question->footnote);
}

static void
print_survey_text (const ShkCitizenSurvey *survey)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sampled = shk_format_number (survey->sample_size);
  g_autofree char *valid = shk_format_number (survey->valid_responses);

  g_string_append_printf (out, _("Citizen survey: %s sampled, %s valid responses (%.1f%%)\n"),
                          sampled, valid, survey->response_rate);
  g_string_append_printf (out, _("Answered by e-application: %u (%.1f%% of those sampled, "
                                 "%.1f%% of the valid responses)\n"),
                          survey->e_application_responses, survey->e_application_rate,
                          survey->e_application_share);
  if (survey->target != NULL)
    g_string_append_printf (out, _("Target: %s\n"), survey->target);
  if (survey->period != NULL)
    g_string_append_printf (out, _("Period: %s\n"), survey->period);

  append_question_text (out, survey->devices);
  append_question_text (out, survey->connections);
  append_question_text (out, survey->internet_use);

  if (survey->other_questions->len > 0)
    g_string_append_printf (out, "\n%s\n", _("(4) Other questions: the most frequent answers"));
  for (guint i = 0; i < survey->other_questions->len; i++)
    {
      const ShkSurveyTopQuestion *question = g_ptr_array_index (survey->other_questions, i);

      g_string_append_printf (out, "  %u. %s (%s)\n", question->number, question->question,
                              question->page != NULL ? question->page : "");
      for (guint j = 0; j < question->answers->len; j++)
        {
          const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, j);

          g_string_append_printf (out, "     %u) %s %.1f%%\n", j + 1, answer->item, answer->fy2);
        }
    }
  shk_cli_print (out->str);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    gboolean     has,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (has && !isnan (value))
    shk_cli_json_add_number (builder, round (value * 100.0) / 100.0);
  else
    json_builder_add_null_value (builder);
}

static void
add_question_json (JsonBuilder             *builder,
                   const char              *name,
                   const ShkSurveyQuestion *question)
{
  json_builder_set_member_name (builder, name);
  if (question == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "title", question->title);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < question->answers->len; i++)
    {
      const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "item", answer->item);
      add_number_or_null (builder, "fy28", answer->has_fy28, answer->fy28);
      add_number_or_null (builder, "fy2", TRUE, answer->fy2);
      add_number_or_null (builder, "change", answer->has_fy28, answer->change);
      add_number_or_null (builder, "change_printed", TRUE, answer->change_printed);
      add_number_or_null (builder, "national", answer->has_national, answer->national);
      add_number_or_null (builder, "gap", answer->has_national, answer->gap);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_survey_json (const ShkCitizenSurvey *survey)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sample_size");
  json_builder_add_int_value (builder, survey->sample_size);
  json_builder_set_member_name (builder, "valid_responses");
  json_builder_add_int_value (builder, survey->valid_responses);
  add_number_or_null (builder, "response_rate", TRUE, survey->response_rate);
  json_builder_set_member_name (builder, "e_application_responses");
  json_builder_add_int_value (builder, survey->e_application_responses);
  add_number_or_null (builder, "e_application_rate", TRUE, survey->e_application_rate);
  add_question_json (builder, "devices", survey->devices);
  add_question_json (builder, "connections", survey->connections);
  add_question_json (builder, "internet_use", survey->internet_use);
  json_builder_set_member_name (builder, "other_questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < survey->other_questions->len; i++)
    {
      const ShkSurveyTopQuestion *question = g_ptr_array_index (survey->other_questions, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "question", question->question);
      json_builder_set_member_name (builder, "answers");
      json_builder_begin_array (builder);
      for (guint j = 0; j < question->answers->len; j++)
        {
          const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, j);

          json_builder_begin_object (builder);
          shk_cli_json_add_string_member (builder, "answer", answer->item);
          add_number_or_null (builder, "percent", TRUE, answer->fy2);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

/* Shared by both commands: options, format and the plan. */
static int
parse_and_load (int            *argc,
                char         ***argv,
                const char     *summary,
                ShkCliFormat   *format,
                ShkPlan       **plan)
{
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  int status;

  context = shk_cli_option_context_new (_("[FILE]"), summary, entries);
  if ((status = shk_cli_parse_options (context, (*argv)[0], argc, argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments ((*argv)[0], *argc, 0, 1)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_parse_format ((*argv)[0], format_text,
                                      SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                      format)) != SHK_CLI_EXIT_OK)
    return status;

  return shk_cli_open_plan (*argc > 1 ? (*argv)[1] : NULL, plan);
}

int
shk_cli_survey (int    argc,
                char **argv)
{
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkCitizenSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  ShkCliFormat format;
  int status;

  status = parse_and_load (&argc, &argv,
                           _("The citizen survey (資料2-2): sample and responses, and per "
                             "question the city's answers in both surveys, the change in "
                             "points, the national figure and the gap, computed from the "
                             "document."),
                           &format, &plan);
  if (status != SHK_CLI_EXIT_OK)
    return status;

  survey = shk_citizen_survey_new_for_plan (plan, &error);
  if (survey == NULL)
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  if (format == SHK_CLI_FORMAT_JSON)
    print_survey_json (survey);
  else
    print_survey_text (survey);
  return SHK_CLI_EXIT_OK;
}

/* findings ---------------------------------------------------------- */

static void
append_effects (GString   *out,
                GPtrArray *effects,
                const char *indent)
{
  for (guint i = 0; i < effects->len; i++)
    {
      const ShkQualitativeEffect *effect = g_ptr_array_index (effects, i);
      g_autofree char *ranks = shk_findings_format_ranks (effect->ranks);

      g_string_append_printf (out, "%s%s / %s", indent, effect->group, effect->effect);
      if (ranks[0] != '\0')
        g_string_append_printf (out, _(" (processes %s)"), ranks);
      g_string_append_c (out, '\n');
      for (guint j = 0; effect->content[j] != NULL; j++)
        g_string_append_printf (out, "%s  ・%s\n", indent, effect->content[j]);
      if (effect->examples != NULL && effect->examples[0] != NULL)
        {
          g_autofree char *tasks = g_strjoinv ("、", effect->examples);

          g_string_append_printf (out, _("%s  Example tasks: %s\n"), indent, tasks);
        }
    }
}

/* 5.'s closing sentences and its second part, 5-2 更なる業務効率化… */
static void
append_further (GString           *out,
                const ShkFindings *findings)
{
  const ShkFurtherMeasures *further = findings->further;

  if (findings->effects_conclusion != NULL || findings->demo_conclusion != NULL)
    g_string_append_c (out, '\n');
  if (findings->effects_conclusion != NULL)
    g_string_append_printf (out, "%s\n", findings->effects_conclusion);
  if (findings->demo_conclusion != NULL)
    g_string_append_printf (out, "%s\n", findings->demo_conclusion);
  if (further == NULL)
    return;
  g_string_append_printf (out, "\n%s\n", further->heading != NULL ? further->heading : "");
  if (further->intro != NULL)
    g_string_append_printf (out, "%s\n", further->intro);
  for (guint i = 0; i < further->rows->len; i++)
    {
      const ShkFurtherRow *row = g_ptr_array_index (further->rows, i);

      g_string_append_printf (out, "  %s\n", row->issue != NULL ? row->issue : "");
      for (guint j = 0; row->remedies[j] != NULL; j++)
        g_string_append_printf (out, "    ・%s\n", row->remedies[j]);
    }
  for (guint i = 0; further->closing[i] != NULL; i++)
    g_string_append_printf (out, "%s\n", further->closing[i]);
}

/* 7-1: the diagram as its two rows, the note, the paragraphs. */
static void
append_promotion (GString                  *out,
                  const ShkPromotionPolicy *policy)
{
  g_autofree char *upper = NULL, *lower = NULL;

  if (policy == NULL)
    return;
  upper = shk_promotion_policy_format_row (policy, policy->standardisation, FALSE);
  lower = shk_promotion_policy_format_row (policy, policy->ai_rpa, TRUE);
  g_string_append_printf (out, "\n%s\n", policy->heading);
  if (policy->subheading != NULL)
    g_string_append_printf (out, "%s\n", policy->subheading);
  g_string_append_printf (out, "  %s\n  %s\n", upper, lower);
  if (policy->note != NULL)
    g_string_append_printf (out, "  %s\n", policy->note);
  for (guint i = 0; policy->paragraphs[i] != NULL; i++)
    g_string_append_printf (out, "  ・%s\n", policy->paragraphs[i]);
}

static void
print_findings_text (const ShkFindings *findings)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *total = shk_format_number (findings->total_hours);
  g_autofree char *demo_hours = shk_format_number (findings->demo_hours);
  g_autofree char *demo_reduction = shk_format_number (findings->demo_reduction);
  g_autofree char *cases = shk_format_number (findings->e_application_cases);

  g_string_append_printf (out, "%s\n", findings->survey_title != NULL ? findings->survey_title : "");
  g_string_append_printf (out, _("Survey: %u sections, %u businesses, %u processes, %s h a year\n"),
                          findings->sections, findings->businesses, findings->processes, total);
  if (findings->survey_period != NULL)
    g_string_append_printf (out, _("Period: %s\n"), findings->survey_period);

  g_string_append_printf (out, "\n");
  g_string_append_printf (out, _("Demonstration experiments: %u processes, %s h a year, "
                                 "reduced by %s h\n"),
                          findings->demo_results->len, demo_hours, demo_reduction);
  for (guint i = 0; i < findings->demo_results->len; i++)
    {
      const ShkDemoResult *result = g_ptr_array_index (findings->demo_results, i);
      g_autofree char *hours = shk_format_number (result->hours);
      g_autofree char *reduction = shk_format_number (result->reduction);

      g_string_append_printf (out, _("  No.%u %s %s: %s h, reduced by %s h (%.1f%%)\n"),
                              result->rank, result->section, result->process, hours, reduction,
                              result->reduction_share * 100.0);
    }
  for (guint i = 0; i < findings->experiments->len; i++)
    {
      const ShkDemoExperiment *experiment = g_ptr_array_index (findings->experiments, i);

      g_string_append_printf (out, "\n%s\n", experiment->name);
      if (experiment->result_text != NULL)
        g_string_append_printf (out, "  %s\n", experiment->result_text);
      g_string_append_printf (out, "  %s\n", _("Issues:"));
      for (guint j = 0; experiment->issues[j] != NULL; j++)
        g_string_append_printf (out, "    ・%s\n", experiment->issues[j]);
      g_string_append_printf (out, "  %s\n", _("Qualitative effects (5-2):"));
      append_effects (out, experiment->effects, "    ");
    }

  g_string_append_printf (out, "\n%s\n", _("Qualitative effects (5-1):"));
  append_effects (out, findings->effects, "  ");

  g_string_append_printf (out, "\n");
  g_string_append_printf (out, _("e-application: %u processes need neither a visit nor an "
                                 "identity check; %u procedures chosen, %s cases a year\n"),
                          findings->e_candidate_processes, findings->e_applications->len, cases);
  for (guint i = 0; i < findings->e_applications->len; i++)
    {
      const ShkEApplication *candidate = g_ptr_array_index (findings->e_applications, i);
      g_autofree char *count = shk_format_number (candidate->annual_cases);

      g_string_append_printf (out, "  %u. %s %s%s%s: %s\n", candidate->rank, candidate->procedure,
                              candidate->section, candidate->unit != NULL ? " " : "",
                              candidate->unit != NULL ? candidate->unit : "", count);
    }

  g_string_append_printf (out, "\n%s\n", _("Policies of the listed processes:"));
  for (guint i = 0; i < findings->policies->len; i++)
    {
      const ShkSectionRow *row = g_ptr_array_index (findings->policies, i);
      g_autofree char *ranks = shk_findings_format_ranks (row->ranks);

      g_string_append_printf (out, "  ・%s (%s)\n", row->section, ranks);
    }

  g_string_append_printf (out, "\n%s\n", _("Listed processes by section and unit:"));
  for (guint i = 0; i < findings->by_section->len; i++)
    {
      const ShkSectionRow *row = g_ptr_array_index (findings->by_section, i);
      g_autofree char *hours = shk_format_number (row->hours);
      g_autofree char *ranks = shk_findings_format_ranks (row->ranks);

      g_string_append_printf (out, _("  %s %s: %u processes, %s h (No. %s)\n"), row->section,
                              row->unit, row->n_processes, hours, ranks);
    }
  append_further (out, findings);
  append_promotion (out, findings->promotion);
  shk_cli_print (out->str);
}

static void
add_ranks (JsonBuilder *builder,
           GArray      *ranks)
{
  json_builder_set_member_name (builder, "ranks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ranks->len; i++)
    json_builder_add_int_value (builder, g_array_index (ranks, guint, i));
  json_builder_end_array (builder);
}

static void
add_strv (JsonBuilder *builder,
          const char  *name,
          GStrv        strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_effects_json (JsonBuilder *builder,
                  const char  *name,
                  GPtrArray   *effects)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < effects->len; i++)
    {
      const ShkQualitativeEffect *effect = g_ptr_array_index (effects, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "group", effect->group);
      shk_cli_json_add_string_member (builder, "effect", effect->effect);
      add_strv (builder, "content", effect->content);
      add_strv (builder, "example_tasks", effect->examples);
      add_ranks (builder, effect->ranks);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_demo_json (JsonBuilder       *builder,
               const ShkFindings *findings)
{
  json_builder_set_member_name (builder, "demonstration");
  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "period", findings->demo_period);
  shk_cli_json_add_number_member (builder, "processes", findings->demo_results->len);
  shk_cli_json_add_number_member (builder, "sections", findings->demo_sections);
  shk_cli_json_add_number_member (builder, "hours", findings->demo_hours);
  shk_cli_json_add_number_member (builder, "reduction", findings->demo_reduction);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->demo_results->len; i++)
    {
      const ShkDemoResult *result = g_ptr_array_index (findings->demo_results, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_number_member (builder, "rank", result->rank);
      shk_cli_json_add_string_member (builder, "section", result->section);
      shk_cli_json_add_string_member (builder, "unit", result->unit);
      shk_cli_json_add_string_member (builder, "process", result->process);
      shk_cli_json_add_number_member (builder, "hours", result->hours);
      shk_cli_json_add_number_member (builder, "reduction", result->reduction);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "experiments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->experiments->len; i++)
    {
      const ShkDemoExperiment *experiment = g_ptr_array_index (findings->experiments, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "name", experiment->name);
      shk_cli_json_add_number_member (builder, "processes", experiment->n_processes);
      shk_cli_json_add_number_member (builder, "hours", experiment->hours);
      shk_cli_json_add_number_member (builder, "reduction", experiment->reduction);
      add_strv (builder, "issues", experiment->issues);
      add_effects_json (builder, "qualitative_effects", experiment->effects);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_sections_json (JsonBuilder *builder,
                   const char  *name,
                   GPtrArray   *rows,
                   gboolean     is_policy)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const ShkSectionRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, is_policy ? "policy" : "section", row->section);
      if (!is_policy)
        shk_cli_json_add_string_member (builder, "unit", row->unit);
      shk_cli_json_add_number_member (builder, "processes", row->n_processes);
      shk_cli_json_add_number_member (builder, "hours", row->hours);
      add_ranks (builder, row->ranks);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_further_json (JsonBuilder       *builder,
                  const ShkFindings *findings)
{
  const ShkFurtherMeasures *further = findings->further;

  shk_cli_json_add_string_member (builder, "effects_conclusion", findings->effects_conclusion);
  shk_cli_json_add_string_member (builder, "demonstration_conclusion", findings->demo_conclusion);
  json_builder_set_member_name (builder, "further_measures");
  if (further == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "heading", further->heading);
  shk_cli_json_add_string_member (builder, "intro", further->intro);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < further->rows->len; i++)
    {
      const ShkFurtherRow *row = g_ptr_array_index (further->rows, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "issue", row->issue);
      add_strv (builder, "remedies", row->remedies);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_strv (builder, "closing", further->closing);
  json_builder_end_object (builder);
}

static void
add_promotion_json (JsonBuilder              *builder,
                    const ShkPromotionPolicy *policy)
{
  json_builder_set_member_name (builder, "promotion_policy");
  if (policy == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "heading", policy->heading);
  shk_cli_json_add_string_member (builder, "subheading", policy->subheading);
  add_strv (builder, "standardisation", policy->standardisation);
  add_strv (builder, "ai_rpa", policy->ai_rpa);
  shk_cli_json_add_string_member (builder, "goal", policy->goal);
  shk_cli_json_add_string_member (builder, "scope_label", policy->scope_label);
  shk_cli_json_add_string_member (builder, "scope", policy->scope);
  shk_cli_json_add_string_member (builder, "note", policy->note);
  add_strv (builder, "paragraphs", policy->paragraphs);
  json_builder_end_object (builder);
}

static void
print_findings_json (const ShkFindings *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "survey");
  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "title", findings->survey_title);
  shk_cli_json_add_string_member (builder, "period", findings->survey_period);
  shk_cli_json_add_number_member (builder, "sections", findings->sections);
  shk_cli_json_add_number_member (builder, "businesses", findings->businesses);
  shk_cli_json_add_number_member (builder, "processes", findings->processes);
  shk_cli_json_add_number_member (builder, "hours", findings->total_hours);
  json_builder_end_object (builder);

  add_demo_json (builder, findings);
  add_effects_json (builder, "qualitative_effects", findings->effects);

  json_builder_set_member_name (builder, "e_application");
  json_builder_begin_object (builder);
  shk_cli_json_add_number_member (builder, "candidate_processes", findings->e_candidate_processes);
  shk_cli_json_add_number_member (builder, "chosen", findings->e_applications->len);
  shk_cli_json_add_number_member (builder, "annual_cases", findings->e_application_cases);
  json_builder_set_member_name (builder, "procedures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->e_applications->len; i++)
    {
      const ShkEApplication *candidate = g_ptr_array_index (findings->e_applications, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_number_member (builder, "rank", candidate->rank);
      shk_cli_json_add_string_member (builder, "procedure", candidate->procedure);
      shk_cli_json_add_string_member (builder, "section", candidate->section);
      shk_cli_json_add_string_member (builder, "unit", candidate->unit);
      shk_cli_json_add_number_member (builder, "annual_cases", candidate->annual_cases);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_sections_json (builder, "policies", findings->policies, TRUE);
  add_sections_json (builder, "by_section", findings->by_section, FALSE);
  add_further_json (builder, findings);
  add_promotion_json (builder, findings->promotion);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_findings (int    argc,
                  char **argv)
{
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkFindings) findings = NULL;
  ShkCliFormat format;
  int status;

  status = parse_and_load (&argc, &argv,
                           _("The AI/RPA findings (資料1-3) beyond the ranking: the survey, the "
                             "demonstration experiments and their reductions, the qualitative "
                             "effects, the issues, the e-application candidates, the policies "
                             "and the listed processes by section and unit."),
                           &format, &plan);
  if (status != SHK_CLI_EXIT_OK)
    return status;

  findings = shk_findings_new_for_plan (plan);
  if (format == SHK_CLI_FORMAT_JSON)
    print_findings_json (findings);
  else
    print_findings_text (findings);
  return SHK_CLI_EXIT_OK;
}
