/* shk-report-private.h — what the handout's sections share: the report's
 * fields, the page flow they add to and the figures as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-page-layout.h"
#include "shk-payback.h"
#include "shk-ranking.h"
#include "shk-report.h"
#include "shk-rules.h"
#include "shk-payback-series.h"
#include "shk-citizen-survey.h"
#include "shk-next-plan.h"

G_BEGIN_DECLS

/* The charts of the handout, as its page blocks name them. */
typedef enum
{
  CHART_SUMMARY,
  CHART_PARETO,
  CHART_PAYBACK,
  CHART_CITIZEN_SURVEY,
  CHART_SCHEDULE,
} ChartKind;

/* A scenario's figures, computed once. */
typedef struct
{
  char                   *name;
  char                   *description;
  ShkPaybackSeriesSet    *series;      /* the scenario's one series, or none */
  const ShkPaybackResult *result;      /* in @series; NULL when it cannot be computed */
  char                   *problem;     /* why, then */
} ScenarioFigures;

struct _ShkReport
{
  GObject      parent_instance;

  ShkPageFlow *flow;
  char        *title;
  char        *date_text;

  ShkSummary  *summary;
  ShkSurvey   *survey;
  ShkRanking  *ranking;
  GPtrArray   *scenarios;    /* ScenarioFigures */

  /* For the charts of the citizen survey and next plan sections. */
  ShkCitizenSurvey *citizen_survey;
  ShkNextPlan      *next_plan;
};

/* Figures as text (shk-report.c) */
char *
shk_report_format_rate (double rate);
char *
shk_report_format_share (double share);
char *
shk_report_format_yen (double amount);
char *
shk_report_muted_markup (const char *text);
GPtrArray *
shk_report_list_to_array (GListModel *model);
char *
shk_report_evaluation_heading (ShkEvaluation *evaluation);
const char *
shk_report_year_label (ShkPlan    *plan,
                       const char *year_id);
ShkEvaluation *
shk_report_progress_evaluation (ShkPlan *plan);
ShkEvaluation *
shk_report_previous_evaluation (ShkPlan       *plan,
                                ShkEvaluation *evaluation);
char *
shk_report_grade_markup (ShkPlan       *plan,
                         ShkMeasure    *measure,
                         ShkEvaluation *evaluation);
char *
shk_report_measure_rate_markup (ShkPlan       *plan,
                                ShkMeasure    *measure,
                                ShkEvaluation *evaluation);

/* The sections, in the order of the handout */
void
shk_report_add_summary_section (ShkReport *self,
                                ShkPlan   *plan);
void
shk_report_add_achieved_section (ShkReport     *self,
                                 ShkPlan       *plan,
                                 ShkEvaluation *evaluation);
void
shk_report_add_lagging_section (ShkReport     *self,
                                ShkPlan       *plan,
                                ShkEvaluation *evaluation);
void
shk_report_add_measures_section (ShkReport     *self,
                                 ShkPlan       *plan,
                                 ShkEvaluation *reporting);
void
shk_report_add_survey_section (ShkReport *self);
void
shk_report_add_scenario_section (ShkReport *self,
                                 ShkPlan   *plan);
void
shk_report_add_audit_section (ShkReport *self,
                              ShkPlan   *plan);
void
shk_report_add_citizen_section (ShkReport *self,
                                ShkPlan   *plan);
void
shk_report_add_next_plan_section (ShkReport *self,
                                  ShkPlan   *plan);
void
shk_report_add_findings_section (ShkReport *self,
                                 ShkPlan   *plan);
/* The charts those sections add (shk-report-citizen.c). */
void
shk_report_draw_document_chart (ShkReport *self,
                                guint      chart,
                                cairo_t   *cr,
                                double     width,
                                double     height);

G_END_DECLS
