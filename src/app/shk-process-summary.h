/* shk-process-summary.h — the totals beside the processes table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-ranking.h"

G_BEGIN_DECLS

#define SHK_TYPE_PROCESS_SUMMARY (shk_process_summary_get_type ())
G_DECLARE_FINAL_TYPE (ShkProcessSummary, shk_process_summary, SHK, PROCESS_SUMMARY, GtkWidget)

/* @ranking stays owned by the caller and must outlive its use here. */
void shk_process_summary_set_ranking   (ShkProcessSummary *self,
                                        const ShkRanking  *ranking);
/* The selected processes' hours and expected reduction; an empty
 * @processes clears the line. */
void shk_process_summary_set_selection (ShkProcessSummary *self,
                                        GPtrArray         *processes);

G_END_DECLS
