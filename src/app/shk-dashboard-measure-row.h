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
G_DECLARE_FINAL_TYPE (ShkDashboardMeasureRow, shk_dashboard_measure_row, SHK, DASHBOARD_MEASURE_ROW, AdwActionRow)

/* @measure with the rate and the grade @info gives it. */
GtkWidget  *shk_dashboard_measure_row_new_graded    (ShkMeasure             *measure,
                                                     const ShkGradeInfo     *info);
/* A measure whose office grade departs from the figures, and why. */
GtkWidget  *shk_dashboard_measure_row_new_departure (const ShkDeparture     *departure);
ShkMeasure *shk_dashboard_measure_row_get_measure   (ShkDashboardMeasureRow *self);

/* Shows @grade's symbol on @label in its colour, as every grade badge. */
void        shk_grade_badge_show                    (GtkWidget              *label,
                                                     ShkGrade                grade);

G_END_DECLS
