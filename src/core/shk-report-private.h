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

/* One section of the handout: an entry of the ordered table in
 * shk-report.c. The table keeps the committee's documents in their order
 * and numbering (資料1-1 (1)…(6), 資料1-3 1.…7., 資料2-1, 資料2-2). */
typedef void (*ShkReportAddFunc) (ShkReport *self,
                                  ShkPlan   *plan);

typedef struct
{
  const char       *document; /* the 資料 id, "1-1"; NULL: Shinchoku's own appendix */
  const char       *number;   /* as the document numbers it, "(1)" or "1."; NULL: none */
  const char       *heading;  /* N_(); NULL: the add-function writes its own */
  ShkReportAddFunc  add;
} ShkReportSection;

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

  const ShkReportSection *section;  /* the one being added */
  ShkPageBlock           *heading;  /* its heading block, or NULL */
  /* For the charts of the citizen survey and next plan sections. */
  ShkCitizenSurvey *citizen_survey;
  ShkNextPlan      *next_plan;
};

/* The sections in their order; @n_sections gets their number. */
const ShkReportSection *
shk_report_get_sections (guint *n_sections);
/* Gives the current section's heading a computed text, e.g. with its
 * count; its number stays in front. */
void
shk_report_set_heading (ShkReport  *self,
                        const char *text);
/* Starts the current section, its heading included, on a new page. */
void
shk_report_break_before_section (ShkReport *self);
/* A note under a table, in the handouts' “※” style. */
void
shk_report_add_footnote (ShkReport  *self,
                         const char *text);

/* Figures as text (shk-report.c) */
char *
shk_report_format_figure (double value);
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

/* The sections, in the order of the handout: each one
 * ShkReportAddFunc, listed in the table of shk-report.c. */
void
shk_report_add_summary_section (ShkReport *self,
                                ShkPlan   *plan);
void
shk_report_add_achieved_section (ShkReport *self,
                                 ShkPlan   *plan);
void
shk_report_add_lagging_section (ShkReport *self,
                                ShkPlan   *plan);
void
shk_report_add_added_section (ShkReport *self,
                              ShkPlan   *plan);
void
shk_report_add_expanded_section (ShkReport *self,
                                 ShkPlan   *plan);
void
shk_report_add_measures_section (ShkReport *self,
                                 ShkPlan   *plan);
void
shk_report_add_survey_section (ShkReport *self,
                               ShkPlan   *plan);
void
shk_report_add_priority_section (ShkReport *self,
                                 ShkPlan   *plan);
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
shk_report_add_findings_scope_section (ShkReport *self,
                                       ShkPlan   *plan);
void
shk_report_add_experiments_section (ShkReport *self,
                                    ShkPlan   *plan);
void
shk_report_add_effects_section (ShkReport *self,
                                ShkPlan   *plan);
void
shk_report_add_e_application_section (ShkReport *self,
                                      ShkPlan   *plan);
void
shk_report_add_promotion_section (ShkReport *self,
                                  ShkPlan   *plan);
/* The charts those sections add (shk-report-citizen.c). */
void
shk_report_draw_document_chart (ShkReport *self,
                                guint      chart,
                                cairo_t   *cr,
                                double     width,
                                double     height);

G_END_DECLS
