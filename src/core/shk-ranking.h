/* shk-ranking.h — the AI/RPA survey's processes ranked by annual hours
 *
 * The rank is never stored: it is computed from the hours each time, so an
 * edit re-ranks at once. Ties keep document order, as the handouts do.
 * The survey's totals cover processes that were not listed; the part not
 * listed is kept as a remainder so shares are of the whole survey.
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
  guint             n_processes;
  ShkRankedProcess *processes;          /* in rank order */
  double            listed_hours;
  /* The survey's total, or the listed hours when the survey gives no
   * total (or a total smaller than what is listed). */
  double            total_hours;
  double            listed_share;       /* 0–1 */
  guint             remainder_processes;
  double            remainder_hours;
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
