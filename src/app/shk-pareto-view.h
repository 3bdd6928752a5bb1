/* shk-pareto-view.h — the interactive Pareto chart of the processes view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-ranking.h"

G_BEGIN_DECLS

#define SHK_TYPE_PARETO_VIEW (shk_pareto_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkParetoView, shk_pareto_view, SHK, PARETO_VIEW, GtkWidget)

GtkWidget  *shk_pareto_view_new            (void);
/* Takes a reference-less pointer: the caller keeps @ranking alive until the
 * next call (or NULL). */
void        shk_pareto_view_set_ranking    (ShkParetoView    *self,
                                            const ShkRanking *ranking);
void        shk_pareto_view_set_threshold  (ShkParetoView    *self,
                                            double            threshold);
/* 1-based rank to highlight, 0 for none. */
void        shk_pareto_view_set_highlight  (ShkParetoView    *self,
                                            guint             rank);
guint       shk_pareto_view_get_highlight  (ShkParetoView    *self);

G_END_DECLS
