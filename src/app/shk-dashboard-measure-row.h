/* shk-dashboard-measure-row.h — a measure in the dashboard's lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-plan.h"
#include "shk-rules.h"

G_BEGIN_DECLS

#define SHK_TYPE_DASHBOARD_MEASURE_ROW (shk_dashboard_measure_row_get_type ())
G_DECLARE_FINAL_TYPE (ShkDashboardMeasureRow, shk_dashboard_measure_row, SHK, DASHBOARD_MEASURE_ROW, GtkWidget)

/* An empty row, for a list view's factory; bind() fills it. */
GtkWidget  *shk_dashboard_measure_row_new           (void);
/* Shows @measure in @evaluation of @plan: the rate and the grade it gave,
 * or, when @departure, the grade the figures give against the office's
 * and why. The row follows the measure's "changed" until unbound, so a
 * rate edited within the same grade shows too. */
void        shk_dashboard_measure_row_bind          (ShkDashboardMeasureRow *self,
                                                     ShkPlan                *plan,
                                                     ShkMeasure             *measure,
                                                     ShkEvaluation          *evaluation,
                                                     gboolean                departure);
void        shk_dashboard_measure_row_unbind        (ShkDashboardMeasureRow *self);
ShkMeasure *shk_dashboard_measure_row_get_measure   (ShkDashboardMeasureRow *self);

/* Shows @grade's symbol on @label in its colour, as every grade badge. */
void        shk_grade_badge_show                    (GtkWidget              *label,
                                                     ShkGrade                grade);

G_END_DECLS
