/* shk-survey-chart.h — the citizen survey, the city against the nation
 *
 * One row per answer of 資料2-2's questions (1)–(3): a bar for the city's
 * FY2 figure and one for the national figure beside it, each labelled
 * with its percentage, grouped under their question. Drawn onto any
 * cairo_t at any size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-chart.h"
#include "shk-citizen-survey.h"

G_BEGIN_DECLS

typedef struct
{
  ShkChartStyle           style;
  const char             *title;    /* may be NULL */
  const ShkCitizenSurvey *survey;   /* may be NULL: a message is drawn */
} ShkSurveyChart;

void   shk_survey_chart_draw     (cairo_t              *cr,
                                  double                width,
                                  double                height,
                                  const ShkSurveyChart *chart);

/* A sentence per answer for screen readers and tooltips. */
char  *shk_survey_chart_describe (const ShkSurveyChart *chart);

G_END_DECLS
