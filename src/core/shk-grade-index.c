/* shk-grade-index.c — every measure's grade, kept current edit by edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-grade-index.h"

/* One byte per measure and evaluation: the effective grade in the low
 * bits, whether the measure counts in that evaluation's summary, and
 * whether its manual grade departs from the computed one. Bytes, not
 * ShkGradeInfo structs: 100,000 measures × 4 evaluations stay 400 KB. */
#define CELL_GRADE_MASK 0x07
#define CELL_COUNTED    0x08
#define CELL_DEPARTURE  0x10

struct _ShkGradeIndex
{
  GObject      parent_instance;

  ShkPlan     *plan;
  gboolean     stale;

  guint        n_evaluations;
  ShkSummary   summary;
  GPtrArray   *watched;        /* ShkEvaluation, whose "notify" makes us stale */
  GListStore **lists;          /* [evaluation × SHK_N_GRADES] of ShkMeasure */
  GListStore **departures;     /* [evaluation] of ShkMeasure */

  GHashTable  *positions;      /* ShkMeasure → its position in the plan + 1 */
  guint8      *cells;          /* [measure position × n_evaluations] */
  guint        n_measures;
};

G_DEFINE_FINAL_TYPE (ShkGradeIndex, shk_grade_index, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Whether @measure counts in the summary of @evaluation. The one place the
 * index states it, so that it follows shk_summary_new_for_plan(). */
static gboolean
counts_in (ShkPlan       *plan,
           ShkMeasure    *measure,
           ShkEvaluation *evaluation)
{
  return shk_plan_measure_counts_in (plan, measure, evaluation);
}

static guint8
grade_cell (ShkGradeIndex *self,
            ShkMeasure    *measure,
            ShkEvaluation *evaluation)
{
  ShkGradeInfo info;
  guint8 cell;

  shk_plan_grade_measure (self->plan, measure, evaluation, &info);
  cell = (guint8) info.effective;
  if (counts_in (self->plan, measure, evaluation))
    cell |= CELL_COUNTED;
  if (info.origin == SHK_GRADE_ORIGIN_OVERRIDDEN)
    cell |= CELL_DEPARTURE;
  return cell;
}

static void
count_cell (ShkSummaryColumn *column,
            guint8            cell,
            int               delta)
{
  ShkGrade grade = cell & CELL_GRADE_MASK;

  if (!(cell & CELL_COUNTED))
    return;
  column->count[grade] += delta;
  if (grade != SHK_GRADE_NONE)
    column->counted += delta;
}

static guint
position_of (ShkGradeIndex *self,
             gpointer       measure)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, measure)) - 1;
}

/* Where a measure at @position of the plan sits, or would sit, in @list,
 * which is in plan order: a binary search, so that one edit costs
 * O(log² n) however long the lists are. */
static guint
find_in_list (ShkGradeIndex *self,
              GListModel    *list,
              guint          position,
              gboolean      *found)
{
  guint low = 0, high = g_list_model_get_n_items (list);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GObject) item = g_list_model_get_item (list, middle);

      if (position_of (self, item) < position)
        low = middle + 1;
      else
        high = middle;
    }

  *found = FALSE;
  if (low < g_list_model_get_n_items (list))
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, low);

      *found = position_of (self, item) == position;
    }
  return low;
}

static void
list_set_member (ShkGradeIndex *self,
                 GListStore    *list,
                 ShkMeasure    *measure,
                 guint          position,
                 gboolean       member)
{
  gboolean found;
  guint at = find_in_list (self, G_LIST_MODEL (list), position, &found);

  if (member && !found)
    g_list_store_insert (list, at, measure);
  else if (!member && found)
    g_list_store_remove (list, at);
}

static GListStore *
grade_list (ShkGradeIndex *self,
            guint          evaluation_index,
            guint8         cell)
{
  return self->lists[evaluation_index * SHK_N_GRADES + (cell & CELL_GRADE_MASK)];
}

static void
clear_structure (ShkGradeIndex *self)
{
  for (guint e = 0; e < self->n_evaluations; e++)
    {
      g_clear_object (&self->summary.columns[e].evaluation);
      g_clear_object (&self->departures[e]);
      for (guint g = 0; g < SHK_N_GRADES; g++)
        g_clear_object (&self->lists[e * SHK_N_GRADES + g]);
    }
  g_clear_pointer (&self->summary.columns, g_free);
  g_clear_pointer (&self->lists, g_free);
  g_clear_pointer (&self->departures, g_free);
  self->summary.n_columns = 0;
  self->n_evaluations = 0;
}

static void mark_stale (ShkGradeIndex *self);

/* The lists keep their identity while the plan keeps its number of
 * evaluations, so that a view holding one sees it refilled. */
static void
ensure_structure (ShkGradeIndex *self)
{
  GListModel *evaluations = shk_plan_get_evaluations (self->plan);
  guint n = g_list_model_get_n_items (evaluations);

  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (self->watched->pdata[i], mark_stale, self);
  g_ptr_array_set_size (self->watched, 0);

  if (n != self->n_evaluations)
    {
      clear_structure (self);
      self->n_evaluations = n;
      self->summary.n_columns = n;
      self->summary.columns = g_new0 (ShkSummaryColumn, n);
      self->lists = g_new0 (GListStore *, n * SHK_N_GRADES);
      self->departures = g_new0 (GListStore *, n);
      for (guint e = 0; e < n; e++)
        {
          self->departures[e] = g_list_store_new (SHK_TYPE_MEASURE);
          for (guint g = 0; g < SHK_N_GRADES; g++)
            self->lists[e * SHK_N_GRADES + g] = g_list_store_new (SHK_TYPE_MEASURE);
        }
    }

  for (guint e = 0; e < n; e++)
    {
      ShkSummaryColumn *column = &self->summary.columns[e];
      ShkEvaluation *evaluation = g_list_model_get_item (evaluations, e);

      g_clear_object (&column->evaluation);
      column->evaluation = evaluation;   /* the reference of get_item */
      memset (column->count, 0, sizeof column->count);
      column->counted = 0;
      g_signal_connect_swapped (evaluation, "notify", G_CALLBACK (mark_stale), self);
      g_ptr_array_add (self->watched, g_object_ref (evaluation));
    }
}

static void
refill (GListStore *store,
        GPtrArray  *members)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       members->pdata, members->len);
}

static void
regrade_all (ShkGradeIndex *self)
{
  GListModel *measures = shk_plan_get_measures (self->plan);
  guint n_lists;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree GPtrArray **per_list = NULL;

  ensure_structure (self);
  self->n_measures = g_list_model_get_n_items (measures);
  self->cells = g_renew (guint8, self->cells, (gsize) self->n_measures * self->n_evaluations + 1);
  g_hash_table_remove_all (self->positions);

  /* Each list and departure list is gathered first and handed over in one
   * splice: one "items-changed" per list, not one per measure. */
  n_lists = self->n_evaluations * (SHK_N_GRADES + 1);
  per_list = g_new0 (GPtrArray *, n_lists);
  for (guint i = 0; i < n_lists; i++)
    per_list[i] = g_ptr_array_new ();

  for (guint m = 0; m < self->n_measures; m++)
    {
      ShkMeasure *measure = g_list_model_get_item (measures, m);

      g_ptr_array_add (members, measure);   /* keeps the reference */
      g_hash_table_insert (self->positions, measure, GUINT_TO_POINTER (m + 1));
      for (guint e = 0; e < self->n_evaluations; e++)
        {
          guint8 cell = grade_cell (self, measure, self->summary.columns[e].evaluation);

          self->cells[m * self->n_evaluations + e] = cell;
          count_cell (&self->summary.columns[e], cell, +1);
          if (cell & CELL_COUNTED)
            g_ptr_array_add (per_list[e * SHK_N_GRADES + (cell & CELL_GRADE_MASK)], measure);
          if (cell & CELL_DEPARTURE)
            g_ptr_array_add (per_list[self->n_evaluations * SHK_N_GRADES + e], measure);
        }
    }

  for (guint e = 0; e < self->n_evaluations; e++)
    {
      for (guint g = 0; g < SHK_N_GRADES; g++)
        refill (self->lists[e * SHK_N_GRADES + g], per_list[e * SHK_N_GRADES + g]);
      refill (self->departures[e], per_list[self->n_evaluations * SHK_N_GRADES + e]);
    }
  for (guint i = 0; i < n_lists; i++)
    g_ptr_array_unref (per_list[i]);

  self->stale = FALSE;
}

static void
ensure_current (ShkGradeIndex *self)
{
  if (self->stale)
    regrade_all (self);
}

static void
mark_stale (ShkGradeIndex *self)
{
  self->stale = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Whether a measure whose cell goes from @from to @to leaves the grade
 * list of @from (it no longer counts, or its grade is another). */
static gboolean
left_list (guint8 from,
           guint8 to)
{
  return (from & CELL_COUNTED) &&
         (!(to & CELL_COUNTED) || (from & CELL_GRADE_MASK) != (to & CELL_GRADE_MASK));
}

/* The heart of the index: one measure changed, so only its cells are
 * graded again, and the counts and lists move by the difference. */
static void
on_measure_changed (ShkGradeIndex *self,
                    ShkMeasure    *measure)
{
  gboolean moved = FALSE;
  guint position;

  if (self->stale)
    {
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  if (!g_hash_table_contains (self->positions, measure))
    return;

  position = position_of (self, measure);
  for (guint e = 0; e < self->n_evaluations; e++)
    {
      guint8 *cell = &self->cells[position * self->n_evaluations + e];
      guint8 now = grade_cell (self, measure, self->summary.columns[e].evaluation);

      if (now == *cell)
        continue;

      count_cell (&self->summary.columns[e], *cell, -1);
      count_cell (&self->summary.columns[e], now, +1);
      if (left_list (*cell, now))
        list_set_member (self, grade_list (self, e, *cell), measure, position, FALSE);
      if (left_list (now, *cell))
        list_set_member (self, grade_list (self, e, now), measure, position, TRUE);
      if ((now ^ *cell) & CELL_DEPARTURE)
        list_set_member (self, self->departures[e], measure, position,
                         (now & CELL_DEPARTURE) != 0);

      *cell = now;
      moved = TRUE;
    }

  if (moved)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
shk_grade_index_dispose (GObject *object)
{
  ShkGradeIndex *self = SHK_GRADE_INDEX (object);

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_signal_handlers_disconnect_by_data (shk_plan_get_measures (self->plan), self);
      g_signal_handlers_disconnect_by_data (shk_plan_get_evaluations (self->plan), self);
      g_signal_handlers_disconnect_by_data (shk_plan_get_fiscal_years (self->plan), self);
    }
  if (self->watched != NULL)
    for (guint i = 0; i < self->watched->len; i++)
      g_signal_handlers_disconnect_by_func (self->watched->pdata[i], mark_stale, self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  clear_structure (self);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (shk_grade_index_parent_class)->dispose (object);
}

static void
shk_grade_index_class_init (ShkGradeIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shk_grade_index_dispose;

  /* After any change of a grade, a count or a list, or when the index
   * went stale (its next answer will come from a full grading). */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_grade_index_init (ShkGradeIndex *self)
{
  self->positions = g_hash_table_new (NULL, NULL);
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->stale = TRUE;
}

ShkGradeIndex *
shk_grade_index_new (ShkPlan *plan)
{
  ShkGradeIndex *self;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  self = g_object_new (SHK_TYPE_GRADE_INDEX, NULL);
  self->plan = g_object_ref (plan);

  g_signal_connect_swapped (plan, "measure-changed", G_CALLBACK (on_measure_changed), self);
  g_signal_connect_swapped (plan, "notify::achieved-threshold", G_CALLBACK (mark_stale), self);
  g_signal_connect_swapped (plan, "notify::mostly-threshold", G_CALLBACK (mark_stale), self);
  g_signal_connect_swapped (shk_plan_get_measures (plan), "items-changed",
                            G_CALLBACK (mark_stale), self);
  g_signal_connect_swapped (shk_plan_get_evaluations (plan), "items-changed",
                            G_CALLBACK (mark_stale), self);
  g_signal_connect_swapped (shk_plan_get_fiscal_years (plan), "items-changed",
                            G_CALLBACK (mark_stale), self);
  regrade_all (self);
  return self;
}

const ShkSummary *
shk_grade_index_get_summary (ShkGradeIndex *self)
{
  g_return_val_if_fail (SHK_IS_GRADE_INDEX (self), NULL);

  ensure_current (self);
  return &self->summary;
}

ShkGrade
shk_grade_index_get_grade (ShkGradeIndex *self,
                           ShkMeasure    *measure,
                           guint          evaluation_index)
{
  g_return_val_if_fail (SHK_IS_GRADE_INDEX (self), SHK_GRADE_NONE);

  ensure_current (self);
  if (evaluation_index >= self->n_evaluations ||
      !g_hash_table_contains (self->positions, measure))
    return SHK_GRADE_NONE;
  return self->cells[position_of (self, measure) * self->n_evaluations + evaluation_index]
         & CELL_GRADE_MASK;
}

GListModel *
shk_grade_index_get_measures_with_grade (ShkGradeIndex *self,
                                         guint          evaluation_index,
                                         ShkGrade       grade)
{
  g_return_val_if_fail (SHK_IS_GRADE_INDEX (self), NULL);
  g_return_val_if_fail (grade < SHK_N_GRADES, NULL);

  ensure_current (self);
  if (evaluation_index >= self->n_evaluations)
    return NULL;
  return G_LIST_MODEL (self->lists[evaluation_index * SHK_N_GRADES + grade]);
}

GListModel *
shk_grade_index_get_departures (ShkGradeIndex *self,
                                guint          evaluation_index)
{
  g_return_val_if_fail (SHK_IS_GRADE_INDEX (self), NULL);

  ensure_current (self);
  if (evaluation_index >= self->n_evaluations)
    return NULL;
  return G_LIST_MODEL (self->departures[evaluation_index]);
}
