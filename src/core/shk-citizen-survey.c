/* shk-citizen-survey.c — the citizen survey of 資料2-2, computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-citizen-survey.h"
#include "shk-format.h"
#include "shk-source-json.h"
#include "shk-source-tables.h"

/* Percentages are printed to one decimal: a computed difference is
 * rounded the same way, so that 82.6 - 60 is 22.6 and not 22.599…. */
static double
round_tenth (double value)
{
  return round (value * 10.0) / 10.0;
}

static void
answer_free (gpointer data)
{
  ShkSurveyAnswer *answer = data;

  g_free (answer->item);
  g_free (answer->note);
  g_free (answer);
}

static ShkSurveyAnswer *
answer_new (const char *item)
{
  ShkSurveyAnswer *answer = g_new0 (ShkSurveyAnswer, 1);

  answer->item = g_strdup (item != NULL ? item : "");
  answer->change = NAN;
  answer->gap = NAN;
  answer->change_printed = NAN;
  return answer;
}

static void
answer_compute (ShkSurveyAnswer *answer)
{
  answer->change = answer->has_fy28 ? round_tenth (answer->fy2 - answer->fy28) : NAN;
  answer->gap = answer->has_national ? round_tenth (answer->fy2 - answer->national) : NAN;
}

static ShkSurveyQuestion *
question_new (const char *title)
{
  ShkSurveyQuestion *question = g_new0 (ShkSurveyQuestion, 1);

  question->title = g_strdup (title != NULL ? title : "");
  question->answers = g_ptr_array_new_with_free_func (answer_free);
  return question;
}

static void
question_free (ShkSurveyQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->title);
  g_free (question->footnote);
  g_ptr_array_unref (question->answers);
  g_free (question);
}

static void
top_question_free (gpointer data)
{
  ShkSurveyTopQuestion *question = data;

  g_free (question->question);
  g_free (question->page);
  g_ptr_array_unref (question->answers);
  g_free (question);
}

/* (1) and (2): rows of FY28, FY2, the printed change and the national R1
 * figure. */
static ShkSurveyQuestion *
read_compared_question (JsonObject *table,
                        const char *name)
{
  JsonObject *object = shk_source_get_object (table, name);
  JsonArray *rows = shk_source_get_array (object, "rows");
  ShkSurveyQuestion *question;

  if (object == NULL)
    return NULL;

  question = question_new (shk_source_get_string (object, "title"));
  question->footnote = g_strdup (shk_source_get_string (object, "footnote"));
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      ShkSurveyAnswer *answer;

      if (row == NULL)
        continue;
      answer = answer_new (shk_source_get_string (row, "item"));
      if (!shk_source_get_number (row, "fy2_pct", &answer->fy2))
        {
          answer_free (answer);
          continue;
        }
      answer->has_fy28 = shk_source_get_number (row, "fy28_pct", &answer->fy28);
      answer->has_national = shk_source_get_number (row, "national_r1_pct", &answer->national);
      if (!shk_source_get_number (row, "change_pt_printed", &answer->change_printed))
        answer->change_printed = NAN;
      answer->note = g_strdup (shk_source_get_string (row, "notes"));
      answer_compute (answer);
      g_ptr_array_add (question->answers, answer);
    }
  return question;
}

/* (3): the handout prints the city's two figures and how far the city
 * lies below the national one, not the national figure itself; that is
 * the city's figure plus the printed distance. */
static ShkSurveyQuestion *
read_internet_use (JsonObject *table)
{
  JsonObject *object = shk_source_get_object (table, "internet_usage_individual");
  ShkSurveyQuestion *question;
  ShkSurveyAnswer *answer;
  double below;

  if (object == NULL)
    return NULL;

  question = question_new (shk_source_get_string (object, "title"));
  question->footnote = g_strdup (shk_source_get_string (object, "text"));
  answer = answer_new (_("Individuals using the internet"));
  if (!shk_source_get_number (object, "fy2_pct", &answer->fy2))
    {
      answer_free (answer);
      return question;
    }
  answer->has_fy28 = shk_source_get_number (object, "fy28_pct", &answer->fy28);
  if (shk_source_get_number (object, "below_national_pt", &below))
    {
      answer->has_national = TRUE;
      answer->national = round_tenth (answer->fy2 + below);
    }
  answer_compute (answer);
  g_ptr_array_add (question->answers, answer);
  return question;
}

static GPtrArray *
read_other_questions (JsonObject *table)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func (top_question_free);
  JsonArray *array = shk_source_get_array (shk_source_get_object (table, "other_questions"), "questions");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonArray *answers = shk_source_get_array (object, "top_answers");
      ShkSurveyTopQuestion *question;
      double number = 0;

      if (object == NULL)
        continue;
      question = g_new0 (ShkSurveyTopQuestion, 1);
      shk_source_get_number (object, "no", &number);
      question->number = number > 0 && number < G_MAXUINT ? (guint) number : i + 1;
      question->question = g_strdup (shk_source_get_string (object, "question"));
      question->page = g_strdup (shk_source_get_string (object, "page_ref"));
      question->answers = g_ptr_array_new_with_free_func (answer_free);
      for (guint j = 0; answers != NULL && j < json_array_get_length (answers); j++)
        {
          JsonObject *row = json_array_get_object_element (answers, j);
          ShkSurveyAnswer *answer = answer_new (shk_source_get_string (row, "answer"));

          if (row == NULL || !shk_source_get_number (row, "pct", &answer->fy2))
            {
              answer_free (answer);
              continue;
            }
          g_ptr_array_add (question->answers, answer);
        }
      g_ptr_array_add (questions, question);
    }
  return questions;
}

ShkCitizenSurvey *
shk_citizen_survey_new_for_plan (ShkPlan  *plan,
                                 GError  **error)
{
  g_autoptr(ShkCitizenSurvey) self = NULL;
  JsonObject *table;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  table = shk_plan_get_source_table (plan, "citizen_survey");
  if (table == NULL)
    {
      g_set_error_literal (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
                           _("The document holds no citizen survey (source_tables.citizen_survey)."));
      return NULL;
    }

  self = g_new0 (ShkCitizenSurvey, 1);
  if (!shk_source_get_count (table, "sample_size", &self->sample_size) || self->sample_size == 0)
    {
      g_set_error_literal (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
                           _("The citizen survey has no sample size "
                             "(source_tables.citizen_survey.sample_size): "
                             "the response rate cannot be computed."));
      return NULL;
    }
  if (!shk_source_get_count (table, "valid_responses", &self->valid_responses) ||
      self->valid_responses > self->sample_size)
    {
      g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
                   _("The citizen survey’s valid responses "
                     "(source_tables.citizen_survey.valid_responses) must be a count "
                     "of at most the %u sampled."),
                   self->sample_size);
      return NULL;
    }
  shk_source_get_count (table, "e_application_responses", &self->e_application_responses);

  self->purpose = g_strdup (shk_source_get_string (table, "purpose"));
  self->target = g_strdup (shk_source_get_string (table, "target"));
  self->sampling = g_strdup (shk_source_get_string (table, "sampling"));
  self->method = g_strdup (shk_source_get_string (table, "method"));
  self->period = g_strdup (shk_source_get_string (table, "period_printed"));

  self->response_rate = 100.0 * self->valid_responses / self->sample_size;
  self->e_application_rate = 100.0 * self->e_application_responses / self->sample_size;
  self->e_application_share = self->valid_responses > 0
    ? 100.0 * self->e_application_responses / self->valid_responses : NAN;
  if (!shk_source_get_number (table, "response_rate_pct_printed", &self->response_rate_printed))
    self->response_rate_printed = NAN;
  if (!shk_source_get_number (table, "e_application_rate_pct_printed", &self->e_application_rate_printed))
    self->e_application_rate_printed = NAN;

  self->devices = read_compared_question (table, "device_ownership_household");
  self->connections = read_compared_question (table, "home_connection_types");
  self->internet_use = read_internet_use (table);
  self->other_questions = read_other_questions (table);
  return g_steal_pointer (&self);
}

void
shk_citizen_survey_free (ShkCitizenSurvey *self)
{
  if (self == NULL)
    return;
  g_free (self->purpose);
  g_free (self->target);
  g_free (self->sampling);
  g_free (self->method);
  g_free (self->period);
  question_free (self->devices);
  question_free (self->connections);
  question_free (self->internet_use);
  g_clear_pointer (&self->other_questions, g_ptr_array_unref);
  g_free (self);
}

char *
shk_citizen_survey_format_points (double points)
{
  double rounded = round_tenth (points);

  if (isnan (points))
    return g_strdup ("");
  if (rounded == 0)
    return g_strdup ("±0.0");
  return g_strdup_printf ("%+.1f", rounded);
}
