/* shk-dashboard-private.h — the dashboard's accessors for tests
 *
 * Not part of the window's interface: only shk-dashboard.c and the tests
 * use these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-dashboard.h"

G_BEGIN_DECLS

/* What the dashboard shows, as last recomputed (changes of the plan are
 * coalesced in an idle). For tests. */
const ShkSummary *shk_dashboard_get_summary      (ShkDashboard *self);

/* The model a list shows: the ◎ or △ list of the chosen evaluation, or
 * the departures in that evaluation for NONE. For tests. */
GListModel       *shk_dashboard_get_list_model   (ShkDashboard *self,
                                                  ShkGrade      grade);
/* How many row widgets the list has made. For tests. */
guint             shk_dashboard_count_rows       (ShkDashboard *self,
                                                  ShkGrade      grade);

G_END_DECLS
