/* shk-rules.h — the planning office's rules: rates, grades and summaries
 *
 * A rate is a fraction (1.0 = 100%). A measure with several indicators is
 * rated by its worst indicator: the published grades follow that rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"

G_BEGIN_DECLS

/* actual ÷ target, or target ÷ actual when lower is better. FALSE when a
 * value is absent or the divisor is zero (nothing can be computed). */
gboolean  shk_rate_compute                (double        actual,
                                           double        target,
                                           ShkDirection  direction,
                                           double       *rate);
gboolean  shk_indicator_compute_rate      (ShkIndicator  *indicator,
                                           const char    *actual_year,
                                           const char    *target_year,
                                           double        *rate);
/* The indicator that sets the measure's rate: the lowest rate of
 * @actual_year's actual against @target_year's target among those that
 * can be rated (the first of equals), with that rate in @rate. NULL when
 * none can be rated. The measure owns the indicator. */
ShkIndicator *shk_measure_get_weakest_indicator (ShkMeasure *measure,
                                                 const char *actual_year,
                                                 const char *target_year,
                                                 double     *rate);
/* Worst rate over the indicators that can be rated (the weakest
 * indicator's rate, in @evaluation's years). */
gboolean  shk_measure_compute_rate        (ShkMeasure    *measure,
                                           ShkEvaluation *evaluation,
                                           double        *rate);

/* Why an indicator has no rate for a pair of years. The first two are
 * ordinary (a figure not yet known); the last two are a rule of the
 * office that makes a rate impossible even with both figures present. */
typedef enum
{
  SHK_UNRATED_NONE = 0,          /* it has a rate */
  SHK_UNRATED_NO_ACTUAL,
  SHK_UNRATED_NO_TARGET,
  SHK_UNRATED_ZERO_TARGET,       /* actual ÷ 0 */
  SHK_UNRATED_ZERO_ACTUAL,       /* lower is better: target ÷ 0 */
} ShkUnratedReason;

ShkUnratedReason shk_indicator_get_unrated_reason (ShkIndicator *indicator,
                                                   const char   *actual_year,
                                                   const char   *target_year);
/* A translated sentence; NULL for SHK_UNRATED_NONE. */
const char *shk_unrated_reason_describe   (ShkUnratedReason reason);
/* TRUE for the reasons that are a rule's, not a figure left blank. */
gboolean    shk_unrated_reason_is_rule    (ShkUnratedReason reason);

/* Order of two fiscal year ids ("H30" < "R1" < "R3"): negative, 0 or
 * positive. Era ids (H, R) compare as calendar years, so a year outside
 * the plan's list still has its place; other ids compare by their place
 * in the plan's list. FALSE when either cannot be placed. */
gboolean  shk_plan_compare_years          (ShkPlan       *plan,
                                           const char    *a,
                                           const char    *b,
                                           int           *order);

/* Whether @measure counts in @evaluation's grade summary. The handouts'
 * rule (資料1-1 (6), the footnote on No.31 and No.51): a measure counts
 * only in evaluations whose actual year is after the year it was added;
 * and not at all when the office left it out of the counts by hand. */
gboolean  shk_plan_measure_counts_in      (ShkPlan       *plan,
                                           ShkMeasure    *measure,
                                           ShkEvaluation *evaluation);
/* TRUE when the year-added rule alone keeps @measure out of
 * @evaluation's counts. */
gboolean  shk_plan_measure_too_new_for    (ShkPlan       *plan,
                                           ShkMeasure    *measure,
                                           ShkEvaluation *evaluation);

/* A progress rate as printed that differs from the one computed from the
 * same figures, at the printed precision. */
typedef struct
{
  ShkMeasure   *measure;       /* owned reference */
  ShkIndicator *indicator;     /* owned reference */
  guint         indicator_index;
  char         *year;          /* the year of the actual and the target */
  char         *printed;       /* as printed, "94.1%" */
  double        printed_pct;   /* 94.1 */
  double        computed_pct;  /* unrounded, 84.21… */
  guint         decimals;      /* the printed precision */
} ShkPrintedRateMismatch;

/* A GPtrArray of ShkPrintedRateMismatch (freed with the array), in
 * measure, indicator and year order. A printed rate that does not read as
 * a percentage, or whose figures compute nothing, is left out. */
GPtrArray  *shk_plan_list_printed_rate_mismatches (ShkPlan *plan);
/* How many printed rates could be compared at all. */
guint       shk_plan_count_printed_rates  (ShkPlan       *plan);

/* The evaluation the committee is shown: the reporting year's actual
 * against the final year's target (R2/R3), else the last one listed;
 * NULL when the plan has none. The plan owns it. The measures view and
 * the handout report on this one. */
ShkEvaluation *shk_plan_get_reporting_evaluation (ShkPlan *plan);

/* Thresholds in percent. NONE never comes out of this. */
ShkGrade  shk_grade_for_rate              (double        rate,
                                           double        achieved_pct,
                                           double        mostly_pct);

/* Where a measure's grade in one evaluation comes from. */
typedef enum
{
  SHK_GRADE_ORIGIN_COMPUTED = 0,  /* from the figures, no manual grade */
  SHK_GRADE_ORIGIN_JUDGED,        /* manual, and the figures compute nothing */
  SHK_GRADE_ORIGIN_CONFIRMED,     /* manual, equal to the computed grade */
  SHK_GRADE_ORIGIN_OVERRIDDEN,    /* manual, departs from the computed grade */
} ShkGradeOrigin;

typedef struct
{
  gboolean       has_rate;
  double         rate;
  ShkGrade       computed;   /* NONE when there is no rate */
  gboolean       has_manual;
  ShkGrade       manual;
  const char    *reason;     /* owned by the measure; may be NULL */
  ShkGrade       effective;  /* manual when set, else computed */
  ShkGradeOrigin origin;
} ShkGradeInfo;

void      shk_plan_grade_measure          (ShkPlan       *plan,
                                           ShkMeasure    *measure,
                                           ShkEvaluation *evaluation,
                                           ShkGradeInfo  *info);
ShkGrade  shk_plan_get_effective_grade    (ShkPlan       *plan,
                                           ShkMeasure    *measure,
                                           ShkEvaluation *evaluation);

/* Per evaluation, the count of each effective grade over the measures
 * that count in the summary. */
typedef struct
{
  ShkEvaluation *evaluation;               /* owned reference */
  guint          count[SHK_N_GRADES];      /* [SHK_GRADE_NONE]: not evaluated */
  guint          counted;                  /* ◎ + ○ + △ + － */
} ShkSummaryColumn;

typedef struct
{
  guint             n_columns;
  ShkSummaryColumn *columns;
} ShkSummary;

ShkSummary *shk_summary_new_for_plan      (ShkPlan       *plan);
void        shk_summary_free              (ShkSummary    *summary);
/* count ÷ counted, 0 when nothing is counted. */
double      shk_summary_column_share      (const ShkSummaryColumn *column,
                                           ShkGrade       grade);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkSummary, shk_summary_free)

/* A measure whose manual grade departs from the computed one. */
typedef struct
{
  ShkMeasure    *measure;     /* owned reference */
  ShkEvaluation *evaluation;  /* owned reference */
  ShkGradeInfo   info;
} ShkDeparture;

/* A GPtrArray of ShkDeparture (freed with the array), in measure order. */
GPtrArray  *shk_plan_list_departures      (ShkPlan       *plan);

/* Measures whose effective grade in @evaluation is @grade, counted or not
 * as @counted_only says; a GPtrArray of ShkMeasure references. */
GPtrArray  *shk_plan_list_measures_with_grade (ShkPlan       *plan,
                                               ShkEvaluation *evaluation,
                                               ShkGrade       grade,
                                               gboolean       counted_only);

G_END_DECLS
