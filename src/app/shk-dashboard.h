/* shk-dashboard.h — the progress dashboard: the grade summary at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"
#include "shk-rules.h"

G_BEGIN_DECLS

#define SHK_TYPE_DASHBOARD (shk_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (ShkDashboard, shk_dashboard, SHK, DASHBOARD, GtkWidget)

GtkWidget        *shk_dashboard_new              (void);
void              shk_dashboard_set_document     (ShkDashboard *self,
                                                  ShkDocument  *document);

/* The evaluation the lists of ◎ and △ measures are for (an id such as
 * "R2/R3"); the last evaluation of the plan unless chosen. */
const char       *shk_dashboard_get_evaluation   (ShkDashboard *self);
void              shk_dashboard_set_evaluation   (ShkDashboard *self,
                                                  const char   *evaluation_id);

/* The text of the summary table's cell for @grade in @evaluation_id (the
 * count, e.g. "35"); SHK_GRADE_NONE gives the total. NULL when absent. */
char             *shk_dashboard_dup_count_text   (ShkDashboard *self,
                                                  const char   *evaluation_id,
                                                  ShkGrade      grade);
/* Number of measures in the ◎ or △ list, or in the departures list for
 * NONE, of the chosen evaluation. */
guint             shk_dashboard_get_list_length  (ShkDashboard *self,
                                                  ShkGrade      grade);
/* The chart's accessible description. */
const char       *shk_dashboard_get_chart_description (ShkDashboard *self);

G_END_DECLS
