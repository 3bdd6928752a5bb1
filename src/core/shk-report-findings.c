/* shk-report-findings.c — the handout's section on what 資料1-3 found
 * beyond the ranking: the demonstration experiments and their
 * reductions, the qualitative effects, the issues, the e-application
 * candidates and the listed processes by section and unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-findings.h"
#include "shk-report-private.h"

static ShkPageTable *
demo_table (const ShkFindings *findings)
{
  ShkPageTable *table = shk_page_table_new (_("Demonstration experiments"));
  ShkPageRow *row;

  shk_page_table_add_figure_column (table, _("Rank"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Section"), 6, 1, 2);
  shk_page_table_add_text_column (table, _("Process"), 10, 2, 2);
  shk_page_table_add_figure_column (table, _("Hours/Year"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Reduction (h/year)"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Share"), SHK_PAGE_ALIGN_RIGHT);
  for (guint i = 0; i < findings->demo_results->len; i++)
    {
      const ShkDemoResult *result = g_ptr_array_index (findings->demo_results, i);
      g_autofree char *share = shk_report_format_share (result->reduction_share);

      row = shk_page_table_add_row (table, 1);
      shk_page_row_take_markup (row, 0, 0, g_strdup_printf ("%u", result->rank));
      shk_page_row_set_text (row, 1, 0, result->section);
      shk_page_row_set_text (row, 2, 0, result->process);
      shk_page_row_take_markup (row, 3, 0, shk_format_number (result->hours));
      shk_page_row_take_markup (row, 4, 0, shk_format_number (result->reduction));
      shk_page_row_set_text (row, 5, 0, share);
    }
  row = shk_page_table_add_row (table, 1);
  row->shaded = TRUE;
  shk_page_row_set_text (row, 2, 0, _("Total"));
  shk_page_row_take_markup (row, 3, 0, shk_format_number (findings->demo_hours));
  shk_page_row_take_markup (row, 4, 0, shk_format_number (findings->demo_reduction));
  return table;
}

static gboolean
any_examples (GPtrArray *effects)
{
  for (guint i = 0; i < effects->len; i++)
    {
      const ShkQualitativeEffect *effect = g_ptr_array_index (effects, i);

      if (effect->examples != NULL && effect->examples[0] != NULL)
        return TRUE;
    }
  return FALSE;
}

/* 5-1 prints the effects' example tasks (代表事務例); those of the
 * experiments (5-2) have none, and get no empty column. */
static ShkPageTable *
effects_table (const char *caption,
               GPtrArray  *effects)
{
  ShkPageTable *table = shk_page_table_new (caption);
  gboolean examples = any_examples (effects);

  shk_page_table_add_text_column (table, _("Effect"), 8, 1, 2);
  shk_page_table_add_text_column (table, _("What it means"), 16, 3, 4);
  if (examples)
    shk_page_table_add_text_column (table, _("Example tasks"), 8, 1, 3);
  shk_page_table_add_text_column (table, _("Processes"), 5, 1, 2);
  for (guint i = 0; i < effects->len; i++)
    {
      const ShkQualitativeEffect *effect = g_ptr_array_index (effects, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autofree char *name = g_strdup_printf ("%s／%s", effect->group, effect->effect);
      g_autofree char *content = g_strjoinv ("\n", effect->content);
      guint column = 0;

      shk_page_row_set_text (row, column++, 0, name);
      shk_page_row_set_text (row, column++, 0, content);
      if (examples)
        {
          g_autofree char *tasks = g_strjoinv ("\n", effect->examples);

          shk_page_row_set_text (row, column++, 0, tasks);
        }
      shk_page_row_take_markup (row, column, 0, shk_findings_format_ranks (effect->ranks));
    }
  return table;
}

static ShkPageTable *
e_application_table (const ShkFindings *findings)
{
  ShkPageTable *table = shk_page_table_new (_("e-application candidates"));
  ShkPageRow *row;

  shk_page_table_add_figure_column (table, _("Rank"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Procedure"), 10, 2, 2);
  shk_page_table_add_text_column (table, _("Section and unit"), 8, 1, 2);
  shk_page_table_add_figure_column (table, _("Cases/Year"), SHK_PAGE_ALIGN_RIGHT);
  for (guint i = 0; i < findings->e_applications->len; i++)
    {
      const ShkEApplication *candidate = g_ptr_array_index (findings->e_applications, i);
      g_autofree char *where = g_strdup_printf ("%s %s", candidate->section,
                                                candidate->unit != NULL ? candidate->unit : "");

      row = shk_page_table_add_row (table, 1);
      shk_page_row_take_markup (row, 0, 0, g_strdup_printf ("%u", candidate->rank));
      shk_page_row_set_text (row, 1, 0, candidate->procedure);
      shk_page_row_set_text (row, 2, 0, where);
      shk_page_row_take_markup (row, 3, 0, shk_format_number (candidate->annual_cases));
    }
  row = shk_page_table_add_row (table, 1);
  row->shaded = TRUE;
  shk_page_row_set_text (row, 1, 0, _("Total"));
  shk_page_row_take_markup (row, 3, 0, shk_format_number (findings->e_application_cases));
  return table;
}

static ShkPageTable *
section_table (const ShkFindings *findings)
{
  ShkPageTable *table = shk_page_table_new (_("Listed processes by section and unit"));

  shk_page_table_add_text_column (table, _("Section"), 6, 1, 2);
  shk_page_table_add_text_column (table, _("Unit"), 5, 1, 2);
  shk_page_table_add_figure_column (table, C_("count", "Processes"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Hours/Year"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Ranks"), 5, 1, 2);
  for (guint i = 0; i < findings->by_section->len; i++)
    {
      const ShkSectionRow *item = g_ptr_array_index (findings->by_section, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);

      shk_page_row_set_text (row, 0, 0, item->section);
      shk_page_row_set_text (row, 1, 0, item->unit);
      shk_page_row_take_markup (row, 2, 0, g_strdup_printf ("%u", item->n_processes));
      shk_page_row_take_markup (row, 3, 0, shk_format_number (item->hours));
      shk_page_row_take_markup (row, 4, 0, shk_findings_format_ranks (item->ranks));
    }
  return table;
}

static void
add_experiments (ShkReport         *self,
                 const ShkFindings *findings)
{
  for (guint i = 0; i < findings->experiments->len; i++)
    {
      const ShkDemoExperiment *experiment = g_ptr_array_index (findings->experiments, i);
      g_autofree char *caption = g_strdup_printf (_("Qualitative effects found: %s"),
                                                  experiment->name);
      g_autoptr(GString) issues = g_string_new (NULL);

      shk_page_flow_add_subheading (self->flow, experiment->name);
      if (experiment->result_text != NULL)
        shk_page_flow_add_text (self->flow, experiment->result_text);
      for (guint j = 0; experiment->issues[j] != NULL; j++)
        g_string_append_printf (issues, "%s・%s", j > 0 ? "\n" : "", experiment->issues[j]);
      if (issues->len > 0)
        {
          g_autofree char *text = g_strdup_printf (_("Issues:\n%s"), issues->str);

          shk_page_flow_add_text (self->flow, text);
        }
      if (experiment->effects->len > 0)
        shk_page_flow_add_table (self->flow, effects_table (caption, experiment->effects));
    }
}

/* 5-2 更なる業務効率化を進めるための検討事項: the issues and their
 * remedies, one a line. */
static ShkPageTable *
further_table (const ShkFurtherMeasures *further)
{
  ShkPageTable *table = shk_page_table_new (further->heading);

  shk_page_table_add_text_column (table, further->issue_heading != NULL ? further->issue_heading : "",
                                  12, 1, 3);
  shk_page_table_add_text_column (table, further->remedy_heading != NULL ? further->remedy_heading : "",
                                  12, 1, 6);
  for (guint i = 0; i < further->rows->len; i++)
    {
      const ShkFurtherRow *item = g_ptr_array_index (further->rows, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autoptr(GString) remedies = g_string_new (NULL);

      for (guint j = 0; item->remedies[j] != NULL; j++)
        g_string_append_printf (remedies, "%s・%s", j > 0 ? "\n" : "", item->remedies[j]);
      shk_page_row_set_text (row, 0, 0, item->issue);
      shk_page_row_set_text (row, 1, 0, remedies->str);
    }
  return table;
}

static void
add_paragraphs (ShkReport *self,
                GStrv      paragraphs)
{
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    shk_page_flow_add_text (self->flow, paragraphs[i]);
}

/* 資料1-3 is one report whose sections the handout's table orders; each
 * part below is one of them, and adds nothing when the plan has none of
 * its figures. */

/* Under “1.”: the survey's scope and the listed processes by section. */
void
shk_report_add_findings_scope_section (ShkReport *self,
                                       ShkPlan   *plan)
{
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);
  g_autofree char *hours = NULL, *summary = NULL;

  if (findings->processes == 0 && findings->by_section->len == 0)
    return;

  hours = shk_format_number (findings->total_hours);
  summary = g_strdup_printf (_("%s: %u sections, %u businesses and %u processes, %s hours a "
                               "year. Period: %s."),
                             findings->survey_title != NULL ? findings->survey_title : "",
                             findings->sections, findings->businesses, findings->processes, hours,
                             findings->survey_period != NULL ? findings->survey_period : "");
  shk_page_flow_add_text (self->flow, summary);
  if (findings->by_section->len > 0)
    {
      shk_page_flow_add_subheading (self->flow, _("Listed processes by section and unit"));
      shk_page_flow_add_table (self->flow, section_table (findings));
    }
}

/* “2.”: the demonstration experiments and their reductions. */
void
shk_report_add_experiments_section (ShkReport *self,
                                    ShkPlan   *plan)
{
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);
  g_autofree char *demo = NULL, *reduction = NULL, *text = NULL;

  if (findings->demo_results->len == 0)
    {
      shk_page_flow_add_text (self->flow, _("The document holds no demonstration experiments."));
      return;
    }
  demo = shk_format_number (findings->demo_hours);
  reduction = shk_format_number (findings->demo_reduction);
  text = g_strdup_printf (_("%u processes of %u sections, %s hours a year; "
                            "the experiments (%s) reduced them by %s hours."),
                          findings->demo_results->len,
                          findings->demo_sections, demo,
                          findings->demo_period != NULL ? findings->demo_period : "",
                          reduction);
  shk_page_flow_add_text (self->flow, text);
  shk_page_flow_add_table (self->flow, demo_table (findings));
  add_experiments (self, findings);
  /* What the experiments' effects (5-2) conclude, after them. */
  if (findings->demo_conclusion != NULL)
    shk_page_flow_add_text (self->flow, findings->demo_conclusion);
}

/* “5.”: the qualitative effects expected (5-1); those found by each
 * experiment (5-2) are under “2.” with it. */
void
shk_report_add_effects_section (ShkReport *self,
                                ShkPlan   *plan)
{
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);

  if (findings->effects->len == 0)
    {
      shk_page_flow_add_text (self->flow, _("The document holds no qualitative effects."));
      return;
    }
  shk_page_flow_add_table (self->flow, effects_table (_("Qualitative effects expected (5-1)"),
                                                      findings->effects));
  if (findings->effects_conclusion != NULL)
    shk_page_flow_add_text (self->flow, findings->effects_conclusion);
  if (findings->further != NULL)
    {
      if (findings->further->heading != NULL)
        shk_page_flow_add_subheading (self->flow, findings->further->heading);
      if (findings->further->intro != NULL)
        shk_page_flow_add_text (self->flow, findings->further->intro);
      shk_page_flow_add_table (self->flow, further_table (findings->further));
      add_paragraphs (self, findings->further->closing);
    }
}

/* “6.”: the procedures the existing e-application system could take. */
void
shk_report_add_e_application_section (ShkReport *self,
                                      ShkPlan   *plan)
{
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);
  g_autofree char *text = NULL;

  if (findings->e_applications->len == 0)
    {
      shk_page_flow_add_text (self->flow, _("The document holds no e-application candidates."));
      return;
    }
  text = shk_findings_describe_e_application (findings);
  shk_page_flow_add_text (self->flow, text);
  shk_page_flow_add_table (self->flow, e_application_table (findings));
}

/* “7.”: the policy the report ends with, 7-1 推進方針. Its diagram is
 * given as its two rows, each box to the next and both to the goal. */
void
shk_report_add_promotion_section (ShkReport *self,
                                  ShkPlan   *plan)
{
  g_autoptr(ShkFindings) findings = shk_findings_new_for_plan (plan);
  const ShkPromotionPolicy *policy = findings->promotion;
  g_autofree char *upper = NULL, *lower = NULL, *diagram = NULL, *subheading = NULL;
  g_autoptr(GString) paragraphs = g_string_new (NULL);

  if (policy == NULL)
    {
      shk_page_flow_add_text (self->flow, _("The document holds no promotion policy (7-1)."));
      return;
    }
  /* 7-1 under 7., as the report numbers it. */
  subheading = g_strdup_printf ("%.*s-1 %s",
                                (int) strcspn (self->section->number, "."), self->section->number,
                                policy->subheading != NULL ? policy->subheading : "");
  shk_page_flow_add_subheading (self->flow, subheading);
  upper = shk_promotion_policy_format_row (policy, policy->standardisation, FALSE);
  lower = shk_promotion_policy_format_row (policy, policy->ai_rpa, TRUE);
  diagram = g_strdup_printf ("%s\n%s", upper, lower);
  shk_page_flow_add_text (self->flow, diagram);
  if (policy->note != NULL)
    shk_report_add_footnote (self, g_str_has_prefix (policy->note, "※")
                                   ? policy->note + strlen ("※") : policy->note);
  for (guint i = 0; policy->paragraphs[i] != NULL; i++)
    g_string_append_printf (paragraphs, "%s・%s", i > 0 ? "\n" : "", policy->paragraphs[i]);
  if (paragraphs->len > 0)
    shk_page_flow_add_text (self->flow, paragraphs->str);
}
