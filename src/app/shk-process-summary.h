/* shk-process-summary.h — the totals beside the processes table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-plan.h"
#include "shk-ranking.h"

G_BEGIN_DECLS

#define SHK_TYPE_PROCESS_SUMMARY (shk_process_summary_get_type ())
G_DECLARE_FINAL_TYPE (ShkProcessSummary, shk_process_summary, SHK, PROCESS_SUMMARY, GtkWidget)

/* The plan whose published tables (the categories of 資料1-3) the
 * summary sets beside the ranking; NULL for none. */
void shk_process_summary_set_plan      (ShkProcessSummary *self,
                                        ShkPlan           *plan);
/* @ranking stays owned by the caller and must outlive its use here. */
void shk_process_summary_set_ranking   (ShkProcessSummary *self,
                                        const ShkRanking  *ranking);
/* The selected processes' hours and expected reduction; an empty
 * @processes clears the line. */
void shk_process_summary_set_selection (ShkProcessSummary *self,
                                        GPtrArray         *processes);

G_END_DECLS
