/* shk-findings.h — the AI/RPA findings of 資料1-3 beyond the ranking
 *
 * The demonstration experiments and their reductions, the e-application
 * candidates, the qualitative effects (5-1, and 5-2 per experiment), the
 * issues the experiments found, the survey's own figures (its period, the
 * 236 業務), the listed processes by section and unit (課・係) and the
 * policy the report ends with (7-1 推進方針). Read from
 * the document's survey and its source table "ai_rpa_processes"; every
 * sum and count is computed from the rows, and the printed one kept beside
 * it where the handout prints one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "shk-plan.h"

G_BEGIN_DECLS

/* A qualitative effect: its group (行政サービスの向上…), the effect
 * (作業品質の向上…), what it means and the processes (ranks) it is
 * expected for. */
typedef struct
{
  char   *group;
  char   *effect;
  GStrv   content;
  GStrv   examples;
  GArray *ranks;              /* of guint */
} ShkQualitativeEffect;

/* One process of a demonstration experiment. */
typedef struct
{
  char   *section;
  char   *unit;
  char   *business;
  char   *process;
  guint   rank;
  double  hours;
  double  reduction;
  double  reduction_share;    /* computed: reduction / hours, 0–1 */
} ShkDemoResult;

typedef struct
{
  char      *name;            /* 市民税課「特別徴収事務」 */
  char      *section;
  char      *unit;
  char      *business;
  char      *result_text;
  GStrv      issues;
  GPtrArray *effects;         /* 5-2, of ShkQualitativeEffect */
  /* Computed from the results of its processes. */
  guint      n_processes;
  double     hours;
  double     reduction;
} ShkDemoExperiment;

typedef struct
{
  guint   rank;
  char   *section;
  char   *unit;               /* NULL where the handout prints none */
  char   *procedure;
  double  annual_cases;
} ShkEApplication;

/* The listed processes of one section and unit. */
typedef struct
{
  char   *section;
  char   *unit;
  guint   n_processes;
  double  hours;
  GArray *ranks;              /* of guint, by hours */
} ShkSectionRow;

/* 資料1-3 7-1 推進方針: its diagram — the standardisation of the
 * municipal systems and the use of AI・RPA, both leading to one goal, the
 * report's own scope before the latter — its note and its paragraphs. */
typedef struct
{
  char *heading;              /* AI・RPA等の活用による業務効率化等の推進方針 */
  char *subheading;           /* 推進方針 */
  GStrv standardisation;      /* the boxes of the upper row, in order */
  GStrv ai_rpa;               /* of the lower row, after the scope's box */
  char *goal;                 /* where both rows lead */
  char *scope_label;          /* 本書の範囲 */
  char *scope;                /* the box it marks; NULL: none */
  char *note;                 /* ※…, NULL: none */
  GStrv paragraphs;
} ShkPromotionPolicy;

/* One row of 5-2 更なる業務効率化を進めるための検討事項: what the
 * inventory brought to light and the remedies it suggests. */
typedef struct
{
  char *issue;
  GStrv remedies;
} ShkFurtherRow;

typedef struct
{
  char      *heading;
  char      *intro;
  char      *issue_heading;   /* the table's columns, as printed */
  char      *remedy_heading;
  GPtrArray *rows;            /* of ShkFurtherRow */
  GStrv      closing;         /* the paragraphs after the table */
} ShkFurtherMeasures;

typedef struct
{
  /* The survey. */
  char      *survey_title;
  char      *survey_period;
  char      *survey_method;
  char      *report_title;
  char      *report_date;
  guint      sections;
  guint      businesses;
  guint      processes;
  double     total_hours;     /* computed by ShkSurvey */

  /* Demonstration experiments. */
  char      *demo_period;
  GPtrArray *demo_results;    /* of ShkDemoResult */
  GPtrArray *experiments;     /* of ShkDemoExperiment */
  double     demo_hours;      /* computed sums */
  double     demo_reduction;
  guint      demo_sections;   /* computed: distinct sections */

  /* Qualitative effects, 5-1, and the sentences closing 5-1 and the
   * experiments' effects (5-2); NULL: none. */
  GPtrArray *effects;         /* of ShkQualitativeEffect */
  char      *effects_conclusion;
  char      *demo_conclusion;
  /* The second 5-2; NULL when the document has none with rows. */
  ShkFurtherMeasures *further;

  /* e-application. */
  guint      e_candidate_processes;   /* printed: 来庁不要・本人確認不要 */
  guint      e_candidate_businesses;
  GPtrArray *e_applications;  /* of ShkEApplication */
  double     e_application_cases;     /* computed sum */

  /* The policies (今後の方針) of the listed processes, each with the
   * ranks it is printed for, in rank order of their first process. */
  GPtrArray *policies;        /* of ShkSectionRow: section = the policy text */

  /* The listed processes by section and unit, by hours. */
  GPtrArray *by_section;      /* of ShkSectionRow */

  /* 7-1; NULL when the document has none, or none with a heading. */
  ShkPromotionPolicy *promotion;
} ShkFindings;

/* Never NULL: a document without the tables gives empty lists. */
ShkFindings *shk_findings_new_for_plan (ShkPlan     *plan);
void         shk_findings_free         (ShkFindings *self);

/* "自治体DX推進計画 → 標準準拠システム構築 → 業務効率化・市民サービスの向上":
 * one row of 7-1's diagram (@boxes, then the goal), with the scope's box
 * in front when @scope is set, as "本書の範囲：調査業務…". */
char        *shk_promotion_policy_format_row (const ShkPromotionPolicy *policy,
                                              GStrv                     boxes,
                                              gboolean                  scope);

/* 6.'s sentence: the processes that need neither a visit nor an identity
 * check (of how many businesses, where the document says), the
 * procedures chosen and their cases a year. */
char        *shk_findings_describe_e_application (const ShkFindings *findings);

/* "4, 7, 12" */
char        *shk_findings_format_ranks (GArray      *ranks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkFindings, shk_findings_free)

G_END_DECLS
