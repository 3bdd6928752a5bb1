/* shk-measure-filter-bar.h — the measures table's search and filters
 *
 * The search entry and the policy, bureau, grade and evaluation
 * drop-downs of the measures view's toolbar, and the GtkFilter they make.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_FILTER_BAR (shk_measure_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureFilterBar, shk_measure_filter_bar, SHK, MEASURE_FILTER_BAR, GtkWidget)

/* Changes whenever a filter does; matches nothing without a plan. */
GtkFilter *shk_measure_filter_bar_get_filter        (ShkMeasureFilterBar *self);
void       shk_measure_filter_bar_set_plan          (ShkMeasureFilterBar *self,
                                                     ShkPlan             *plan);
/* Rebuilds the policy and bureau items from the plan (keeping the
 * choices), and the evaluation items when @evaluations_changed. */
void       shk_measure_filter_bar_update_items      (ShkMeasureFilterBar *self,
                                                     gboolean             evaluations_changed);
/* One measure was edited: the bureau list is rebuilt only when its bureau
 * is not listed yet (a bureau no longer used stays listed until the next
 * update_items(), which costs a pass over every measure). */
void       shk_measure_filter_bar_note_measure      (ShkMeasureFilterBar *self,
                                                     ShkMeasure          *measure);
gboolean   shk_measure_filter_bar_matches           (ShkMeasureFilterBar *self,
                                                     ShkMeasure          *measure);
/* Shows every measure again (the evaluation choice stays). */
void       shk_measure_filter_bar_clear             (ShkMeasureFilterBar *self);
/* The policy filtered on, or 0; the plan's first policy, or 0. */
guint      shk_measure_filter_bar_get_policy        (ShkMeasureFilterBar *self);
guint      shk_measure_filter_bar_get_first_policy  (ShkMeasureFilterBar *self);
void       shk_measure_filter_bar_focus_search      (ShkMeasureFilterBar *self);

/* As shk_measures_view_set_search () and the like. */
void       shk_measure_filter_bar_set_search        (ShkMeasureFilterBar *self,
                                                     const char          *text);
void       shk_measure_filter_bar_set_policy        (ShkMeasureFilterBar *self,
                                                     guint                policy_number);
void       shk_measure_filter_bar_set_bureau        (ShkMeasureFilterBar *self,
                                                     const char          *bureau);
void       shk_measure_filter_bar_set_grade         (ShkMeasureFilterBar *self,
                                                     int                  grade,
                                                     const char          *evaluation_id);

G_END_DECLS
