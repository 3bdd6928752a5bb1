/* shk-ranking.c — processes ranked by annual hours, and their breakdowns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-ranking.h"

static const char * const categories[] = {
  "入力事務",
  "自動化事務",
  "データ分析と意思決定",
  "自動判断",
  "その他",
  NULL,
};

const char * const *
shk_process_categories (void)
{
  return categories;
}

const char *
shk_process_get_traced_category (ShkProcess *process)
{
  const char *category;

  g_return_val_if_fail (SHK_IS_PROCESS (process), NULL);

  /* "category" is what the published §1-3 totals place the process in;
   * where they leave it open the §3-2 table's printed 分類 is the only
   * trace there is (資料1-3; the two disagree for a few processes, and the
   * totals win where they decide). */
  category = shk_process_get_category (process);
  if (category == NULL || *category == '\0')
    category = shk_process_get_printed_category (process);
  if (category == NULL || *category == '\0')
    return NULL;
  return category;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const ShkRankedProcess *pa = a;
  const ShkRankedProcess *pb = b;

  /* More hours first; equal hours keep the survey's own order. */
  if (pa->hours != pb->hours)
    return pa->hours > pb->hours ? -1 : 1;
  return (pa->position > pb->position) - (pa->position < pb->position);
}

static gboolean
is_listed (double hours,
           double threshold)
{
  return threshold <= 0 || hours >= threshold;
}

ShkRanking *
shk_ranking_new (ShkSurvey *survey)
{
  GListModel *processes;
  ShkRanking *ranking;
  double cumulative = 0.0;
  guint n_items;

  g_return_val_if_fail (SHK_IS_SURVEY (survey), NULL);

  processes = shk_survey_get_processes (survey);
  n_items = g_list_model_get_n_items (processes);
  ranking = g_new0 (ShkRanking, 1);
  ranking->processes = g_new0 (ShkRankedProcess, MAX (n_items, 1));
  ranking->threshold = shk_survey_get_listing_threshold (survey);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (processes, i);
      double hours = MAX (shk_process_get_hours (process), 0.0);
      ShkRankedProcess *ranked;

      if (!is_listed (hours, ranking->threshold))
        {
          ranking->below_threshold_processes++;
          ranking->below_threshold_hours += hours;
          continue;
        }
      ranked = &ranking->processes[ranking->n_processes++];
      ranked->process = g_steal_pointer (&process);
      ranked->position = i;
      ranked->hours = hours;
      ranking->listed_hours += hours;
    }

  /* qsort is not stable, but the comparison breaks ties by position. */
  qsort (ranking->processes, ranking->n_processes, sizeof (ShkRankedProcess),
         compare_ranked);

  ranking->total_hours = shk_survey_get_total_hours (survey);
  ranking->remainder_processes = shk_survey_get_unlisted_processes (survey)
                                 + ranking->below_threshold_processes;
  ranking->remainder_hours = shk_survey_get_unlisted_hours (survey)
                             + ranking->below_threshold_hours;

  ranking->listed_share = ranking->total_hours > 0
    ? ranking->listed_hours / ranking->total_hours : 0.0;

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      ShkRankedProcess *ranked = &ranking->processes[i];

      cumulative += ranked->hours;
      ranked->rank = i + 1;
      ranked->cumulative_hours = cumulative;
      if (ranking->total_hours > 0)
        {
          ranked->share = ranked->hours / ranking->total_hours;
          ranked->cumulative_share = cumulative / ranking->total_hours;
        }
    }

  return ranking;
}

void
shk_ranking_free (ShkRanking *ranking)
{
  if (ranking == NULL)
    return;

  for (guint i = 0; i < ranking->n_processes; i++)
    g_clear_object (&ranking->processes[i].process);
  g_free (ranking->processes);
  g_free (ranking);
}

guint
shk_ranking_get_rank (const ShkRanking *ranking,
                      ShkProcess       *process)
{
  g_return_val_if_fail (ranking != NULL, 0);

  for (guint i = 0; i < ranking->n_processes; i++)
    if (ranking->processes[i].process == process)
      return ranking->processes[i].rank;
  return 0;
}

guint
shk_ranking_count_to_share (const ShkRanking *ranking,
                            double            share)
{
  g_return_val_if_fail (ranking != NULL, 0);

  for (guint i = 0; i < ranking->n_processes; i++)
    if (ranking->processes[i].cumulative_share + 1e-12 >= share)
      return i + 1;
  return 0;
}

static void
breakdown_row_free (gpointer data)
{
  ShkBreakdownRow *row = data;

  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

static ShkBreakdownRow *
breakdown_row_new (const char *key,
                   const char *label)
{
  ShkBreakdownRow *row = g_new0 (ShkBreakdownRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (label);
  return row;
}

static void
breakdown_add (ShkBreakdownRow        *row,
               const ShkRankedProcess *ranked)
{
  double reduction;

  row->count++;
  row->hours += ranked->hours;
  if (shk_process_get_expected_reduction (ranked->process, &reduction))
    row->expected_reduction += reduction;
}

static void
breakdown_finish (GPtrArray        *rows,
                  const ShkRanking *ranking)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, i);

      row->share = ranking->listed_hours > 0
        ? row->hours / ranking->listed_hours : 0.0;
    }
}

GPtrArray *
shk_ranking_breakdown_by_priority (const ShkRanking *ranking)
{
  /* The handouts' order of the classes; "under review" last. */
  static const ShkPriority order[] = {
    SHK_PRIORITY_HIGH, SHK_PRIORITY_MEDIUM, SHK_PRIORITY_LOW,
    SHK_PRIORITY_EXCLUDED, SHK_PRIORITY_ALREADY_EFFICIENT, SHK_PRIORITY_UNSET,
  };
  GPtrArray *rows;

  g_return_val_if_fail (ranking != NULL, NULL);

  rows = g_ptr_array_new_with_free_func (breakdown_row_free);
  for (guint p = 0; p < G_N_ELEMENTS (order); p++)
    {
      ShkBreakdownRow *row = breakdown_row_new (shk_priority_to_key (order[p]),
                                                shk_priority_get_label (order[p]));

      for (guint i = 0; i < ranking->n_processes; i++)
        if (shk_process_get_priority (ranking->processes[i].process) == order[p])
          breakdown_add (row, &ranking->processes[i]);

      /* "Under review" only appears when some process is in it. */
      if (order[p] == SHK_PRIORITY_UNSET && row->count == 0)
        breakdown_row_free (row);
      else
        g_ptr_array_add (rows, row);
    }

  breakdown_finish (rows, ranking);
  return rows;
}

static ShkBreakdownRow *
find_row (GPtrArray  *rows,
          const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

GPtrArray *
shk_ranking_breakdown_by_category (const ShkRanking *ranking)
{
  ShkBreakdownRow *unknown;
  GPtrArray *rows;

  g_return_val_if_fail (ranking != NULL, NULL);

  rows = g_ptr_array_new_with_free_func (breakdown_row_free);
  for (guint c = 0; categories[c] != NULL; c++)
    g_ptr_array_add (rows, breakdown_row_new (categories[c], categories[c]));
  /* The handouts do not give every process's category. */
  unknown = breakdown_row_new ("", _("Unknown"));

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const char *category = shk_process_get_traced_category (ranking->processes[i].process);
      ShkBreakdownRow *row;

      if (category == NULL || *category == '\0')
        row = unknown;
      else if ((row = find_row (rows, category)) == NULL)
        {
          row = breakdown_row_new (category, category);
          g_ptr_array_add (rows, row);
        }
      breakdown_add (row, &ranking->processes[i]);
    }

  g_ptr_array_add (rows, unknown);
  breakdown_finish (rows, ranking);
  return rows;
}
