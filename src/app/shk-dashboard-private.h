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

G_END_DECLS
