/* shk-source-tables.h — the handouts' own tables kept in a plan
 *
 * A plan file may carry, under its top-level "source_tables", the tables
 * of the committee's handouts as they were printed (the citizen survey of
 * 資料2-2, the next plan of 資料2-1, the AI/RPA findings of 資料1-3…).
 * The model keeps them as read, untouched, and writes them back as they
 * were; the views, the CLI and the handout read them through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "shk-plan.h"

G_BEGIN_DECLS

/* The object "source_tables"."NAME" of the plan (for example
 * "citizen_survey", "next_plan", "ai_rpa_processes", "plan_summary"), or
 * NULL when the plan has none. Owned by the plan: read it, never change
 * it, and do not keep it past the plan. */
JsonObject *shk_plan_get_source_table (ShkPlan    *plan,
                                       const char *name);

G_END_DECLS
