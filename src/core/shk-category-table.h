/* shk-category-table.h — the survey's categories, published and traced
 *
 * 資料1-3 §1-3 prints a table of five categories with a count and hours
 * each. Only part of it can be traced to the listed processes: a process
 * carries the category the published totals place it in, or the 分類
 * printed beside it. The table shows the published figures as published,
 * the traced part beside them and the difference as "not traceable to a
 * listed process" — never a zero where the handout prints a figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"
#include "shk-ranking.h"

G_BEGIN_DECLS

typedef struct
{
  char    *name;
  gboolean published;          /* the handout prints this row */
  guint    published_count;
  double   published_hours;
  guint    traced_count;       /* listed processes traced to it */
  double   traced_hours;
  /* published − traced; negative when more is traced than published
   * (an edited document). Meaningful only when @published. */
  int      untraced_count;
  double   untraced_hours;
} ShkCategoryRow;

typedef struct
{
  GPtrArray *rows;             /* of ShkCategoryRow, the handout's order */
  gboolean   has_published;    /* the plan holds the published table */
  guint      published_count;  /* sums over the rows */
  double     published_hours;
  guint      traced_count;
  double     traced_hours;
  /* Listed processes with no category, or one the table does not name. */
  guint      untraced_processes;
  double     untraced_process_hours;
} ShkCategoryTable;

/* The table for @plan's published categories (source table
 * "ai_rpa_processes"."categories") against @ranking's listed processes.
 * Without a published table the rows are the canonical categories with
 * their traced part only. */
ShkCategoryTable *shk_category_table_new  (ShkPlan          *plan,
                                           const ShkRanking *ranking);
void              shk_category_table_free (ShkCategoryTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkCategoryTable, shk_category_table_free)

/* TRUE when the row's published figures are not all traced (or more is
 * traced than published). */
gboolean shk_category_row_has_difference (const ShkCategoryRow *row);

G_END_DECLS
