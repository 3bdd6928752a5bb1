/* shk-ranking.h — the AI/RPA survey's processes ranked by annual hours
 *
 * The rank is never stored: it is computed from the hours each time, so an
 * edit re-ranks at once. Ties keep document order, as the handouts do.
 * The survey's totals cover processes that were not listed; the part not
 * listed is kept as a remainder so shares are of the whole survey.
 *
 * The listing threshold is a rule, not a label: a process of the survey's
 * list whose hours fall below it (1,000 h a year in the handouts) is not
 * ranked and counts in the remainder, as the survey would have counted it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-survey.h"

G_BEGIN_DECLS

typedef struct
{
  ShkProcess *process;           /* owned reference */
  guint       rank;              /* 1-based */
  guint       position;          /* index in the survey's list */
  double      hours;
  double      share;             /* of the survey total, 0–1 */
  double      cumulative_hours;
  double      cumulative_share;  /* 0–1 */
} ShkRankedProcess;

typedef struct
{
  guint             n_processes;        /* ranked: at or above the threshold */
  ShkRankedProcess *processes;          /* in rank order */
  double            listed_hours;
  double            total_hours;        /* the survey's total, computed */
  double            listed_share;       /* 0–1 */
  /* Everything not ranked: the survey's unlisted remainder plus the
   * processes below the threshold. */
  guint             remainder_processes;
  double            remainder_hours;
  double            threshold;          /* 0 when the survey gives none */
  guint             below_threshold_processes;
  double            below_threshold_hours;
} ShkRanking;

ShkRanking *shk_ranking_new                 (ShkSurvey        *survey);
void        shk_ranking_free                (ShkRanking       *ranking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkRanking, shk_ranking_free)

/* The rank (1-based) of @process, or 0 when it is not in the ranking. */
guint       shk_ranking_get_rank            (const ShkRanking *ranking,
                                             ShkProcess       *process);
/* The smallest number of top processes whose cumulative share reaches
 * @share (0–1) of the total; 0 when even all listed ones do not. */
guint       shk_ranking_count_to_share      (const ShkRanking *ranking,
                                             double            share);

/* The canonical categories of the survey (資料1-3 §1-3), in its order. */
const char * const *shk_process_categories  (void);
/* The category a process can be traced to: its category from the
 * published totals, else the 分類 printed beside it; NULL when neither. */
const char *shk_process_get_traced_category (ShkProcess *process);

typedef struct
{
  char   *key;          /* priority key, or category name; "" = unknown */
  char   *label;        /* translated priority label, or category name */
  guint   count;
  double  hours;
  double  share;        /* of the listed hours, 0–1 */
  double  expected_reduction;
} ShkBreakdownRow;

/* GPtrArrays of ShkBreakdownRow (freed with the array): one row per
 * priority class in the handouts' order (high … already efficient, then
 * under review), or per category (canonical ones, then any other names,
 * then unknown). Classes with no process are kept, so tables are stable. */
GPtrArray  *shk_ranking_breakdown_by_priority (const ShkRanking *ranking);
GPtrArray  *shk_ranking_breakdown_by_category (const ShkRanking *ranking);

G_END_DECLS
