/* shk-report-citizen.c — the handout's section on the citizen survey
 * (資料2-2): the sample, and per question the city's answers, the
 * change since FY28, the national figure and the gap, with the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shk-citizen-survey.h"
#include "shk-edit.h"
#include "shk-report-private.h"
#include "shk-schedule-chart.h"
#include "shk-survey-chart.h"

static char *
percent (gboolean has,
         double   value)
{
  return has && !isnan (value) ? g_strdup_printf ("%.1f%%", value) : NULL;
}

static ShkPageTable *
question_table (const ShkSurveyQuestion *question)
{
  ShkPageTable *table = shk_page_table_new (question->title);

  shk_page_table_add_text_column (table, _("Answer"), 10, 2, 2);
  shk_page_table_add_figure_column (table, _("FY2016"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("FY2020"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Change (points)"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("National"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Gap (points)"), SHK_PAGE_ALIGN_RIGHT);
  for (guint i = 0; i < question->answers->len; i++)
    {
      const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autofree char *fy28 = percent (answer->has_fy28, answer->fy28);
      g_autofree char *fy2 = percent (TRUE, answer->fy2);
      g_autofree char *national = percent (answer->has_national, answer->national);

      shk_page_row_set_text (row, 0, 0, answer->item);
      shk_page_row_set_text (row, 1, 0, fy28);
      shk_page_row_set_text (row, 2, 0, fy2);
      shk_page_row_take_markup (row, 3, 0, shk_citizen_survey_format_points (answer->change));
      shk_page_row_set_text (row, 4, 0, national);
      shk_page_row_take_markup (row, 5, 0, shk_citizen_survey_format_points (answer->gap));
    }
  return table;
}

static ShkPageTable *
other_questions_table (const ShkCitizenSurvey *survey)
{
  ShkPageTable *table = shk_page_table_new (_("(4) Other questions: the most frequent answers"));

  shk_page_table_add_text_column (table, _("Question"), 8, 1, 2);
  shk_page_table_add_text_column (table, _("Answers (share of respondents)"), 16, 3, 3);
  for (guint i = 0; i < survey->other_questions->len; i++)
    {
      const ShkSurveyTopQuestion *question = g_ptr_array_index (survey->other_questions, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autoptr(GString) answers = g_string_new (NULL);

      for (guint j = 0; j < question->answers->len; j++)
        {
          const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, j);

          g_string_append_printf (answers, "%s%u. %s %.1f%%", j > 0 ? "　" : "", j + 1,
                                  answer->item, answer->fy2);
        }
      shk_page_row_set_text (row, 0, 0, question->question);
      shk_page_row_set_text (row, 1, 0, answers->str);
    }
  return table;
}

void
shk_report_add_citizen_section (ShkReport *self,
                                ShkPlan   *plan)
{
  ShkCitizenSurvey *survey = shk_citizen_survey_new_for_plan (plan, NULL);
  const ShkSurveyQuestion *questions[3];
  g_autofree char *sampled = NULL, *valid = NULL, *summary = NULL;

  if (survey == NULL)
    return;   /* a document without the survey has no such page */
  /* Kept for the chart, drawn when the pages are. */
  g_clear_pointer (&self->citizen_survey, shk_citizen_survey_free);
  self->citizen_survey = survey;

  /* The handout's table gives this document its page and title. */
  sampled = shk_format_number (survey->sample_size);
  valid = shk_format_number (survey->valid_responses);
  summary = g_strdup_printf (_("%s citizens sampled, %s valid responses (%.1f%%), %u of them by "
                               "e-application (%.1f%% of those sampled). Period: %s."),
                             sampled, valid, survey->response_rate,
                             survey->e_application_responses, survey->e_application_rate,
                             survey->period != NULL ? survey->period : "");
  shk_page_flow_add_text (self->flow, summary);
  if (survey->purpose != NULL)
    shk_page_flow_add_text (self->flow, survey->purpose);

  shk_page_flow_add_chart (self->flow, CHART_CITIZEN_SURVEY, 0, 0.5);
  questions[0] = survey->devices;
  questions[1] = survey->connections;
  questions[2] = survey->internet_use;
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      if (questions[i] == NULL)
        continue;
      shk_page_flow_add_subheading (self->flow, questions[i]->title);
      shk_page_flow_add_table (self->flow, question_table (questions[i]));
      if (questions[i]->footnote != NULL)
        shk_page_flow_add_text (self->flow, questions[i]->footnote);
    }
  if (survey->other_questions->len > 0)
    {
      shk_page_flow_add_subheading (self->flow, _("(4) Other questions: the most frequent answers"));
      shk_page_flow_add_table (self->flow, other_questions_table (survey));
    }
}

void
shk_report_draw_document_chart (ShkReport *self,
                                guint      chart,
                                cairo_t   *cr,
                                double     width,
                                double     height)
{
  if (chart == CHART_CITIZEN_SURVEY)
    {
      const ShkSurveyChart survey = {
        .style = SHK_CHART_STYLE_LIGHT,
        .survey = self->citizen_survey,
      };

      shk_survey_chart_draw (cr, width, height, &survey);
    }
  else
    {
      const ShkScheduleChart schedule = {
        .style = SHK_CHART_STYLE_LIGHT,
        .next_plan = self->next_plan,
      };

      shk_schedule_chart_draw (cr, width, height, &schedule);
    }
}
