/* shk-citizen-survey.h — the citizen survey of 資料2-2, computed
 *
 * The handout prints the survey's figures (the city's answers in FY28 and
 * FY2, the national figures) and the changes between them. The document
 * keeps the figures as printed in its source table "citizen_survey"; the
 * response rate, the changes in points and the gaps to the national
 * figures are computed here from them, and each printed change is kept
 * beside the computed one so a misprint shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "shk-plan.h"

G_BEGIN_DECLS

/* One answer of a question asked in both surveys, e.g. “パソコン”. */
typedef struct
{
  char     *item;
  gboolean  has_fy28;
  double    fy28;             /* percent, the city's FY28 (H28) survey */
  double    fy2;              /* percent, the city's FY2 (R2) survey */
  gboolean  has_national;
  double    national;         /* percent, the national R1 survey */
  /* Computed. */
  double    change;           /* fy2 - fy28, in points */
  double    gap;              /* fy2 - national, in points */
  /* As printed; NaN when the handout prints none. */
  double    change_printed;
  char     *note;             /* e.g. a national figure shared by two rows */
} ShkSurveyAnswer;

typedef struct
{
  char      *title;           /* "(1) 情報通信機器の保有状況（世帯）（P7）" */
  char      *footnote;        /* may be NULL */
  GPtrArray *answers;         /* of ShkSurveyAnswer */
} ShkSurveyQuestion;

/* A question of which the handout prints only the three most frequent
 * answers (multiple answers allowed: they do not add up to 100 %). */
typedef struct
{
  guint      number;
  char      *question;
  char      *page;
  GPtrArray *answers;         /* of ShkSurveyAnswer: item and fy2 only */
} ShkSurveyTopQuestion;

typedef struct
{
  char   *purpose;
  char   *target;
  char   *sampling;
  char   *method;
  char   *period;
  guint   sample_size;
  guint   valid_responses;
  guint   e_application_responses;
  /* Computed, in percent: valid responses of those sampled, and the
   * answers by e-application of those sampled and of the valid ones. */
  double  response_rate;
  double  e_application_rate;
  double  e_application_share;
  /* As printed. */
  double  response_rate_printed;
  double  e_application_rate_printed;

  ShkSurveyQuestion *devices;       /* (1) */
  ShkSurveyQuestion *connections;   /* (2) */
  ShkSurveyQuestion *internet_use;  /* (3): one answer, the individuals' use */
  GPtrArray *other_questions;       /* (4): of ShkSurveyTopQuestion */
} ShkCitizenSurvey;

/* NULL, with @error set to a message saying what is missing, when the
 * plan holds no citizen survey or the survey lacks its sample. */
ShkCitizenSurvey *shk_citizen_survey_new_for_plan (ShkPlan           *plan,
                                                   GError           **error);
void              shk_citizen_survey_free         (ShkCitizenSurvey  *self);

/* "+22.6", "-25.5", "±0.0": a change or a gap in points. */
char             *shk_citizen_survey_format_points (double            points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkCitizenSurvey, shk_citizen_survey_free)

G_END_DECLS
