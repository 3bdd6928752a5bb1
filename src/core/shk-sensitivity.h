/* shk-sensitivity.h — how a scenario's payback moves when its figures do
 *
 * For a scenario, the payback is computed again with the hourly rate, the
 * hours saved and the costs each changed by a few percent (by default
 * −30, −20, −10, +10, +20 and +30%), one factor at a time, all else as
 * entered. The results make a table and a tornado chart (shk-tornado-chart.h).
 *
 * A year's saving is hours × rate, so the rate and the hours move the
 * payback alike; both rows are shown because staff question each of them
 * separately ("what if the rate is 2,000 yen?", "what if we save only
 * 1,500 hours?").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-payback.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_SENSITIVITY_HOURLY_RATE,
  SHK_SENSITIVITY_HOURS_SAVED,
  SHK_SENSITIVITY_COSTS,          /* every cost of every year */
  SHK_SENSITIVITY_N_FACTORS
} ShkSensitivityFactor;

/* "Hourly rate", "Hours saved", "Costs" (translated). */
const char *shk_sensitivity_factor_get_label (ShkSensitivityFactor factor);
/* "hourly_rate", "hours_saved", "costs": for files and JSON. */
const char *shk_sensitivity_factor_get_key   (ShkSensitivityFactor factor);

typedef struct
{
  double  change;          /* fraction: −0.3 is −30% */
  double  value;           /* the factor with the change; for costs their total */
  guint   payback_year;    /* 1-based; 0 when not within the horizon */
  double  payback_point;   /* years from the start; negative when none */
  guint   payback_month;   /* 1–12; 0 when none */
  gint64  net_at_horizon;
} ShkSensitivityCell;

typedef struct
{
  guint               n_years;
  guint               n_changes;
  double             *changes;     /* ascending, as given */
  ShkSensitivityCell  base;        /* nothing changed */
  /* n_changes cells per factor, in the order of @changes. */
  ShkSensitivityCell *cells[SHK_SENSITIVITY_N_FACTORS];
} ShkSensitivity;

/* −30% … +30% in steps of 10, without 0: what the handouts' readers ask. */
const double     *shk_sensitivity_default_changes (guint *n_changes);

/* @changes NULL: the default ones. Every change must be above −100%.
 * Fails with the engine's message when the parameters, or the parameters
 * with a change, are not valid. */
ShkSensitivity   *shk_sensitivity_compute         (const ShkPaybackParams *params,
                                                   const double           *changes,
                                                   guint                   n_changes,
                                                   GError                **error);
ShkSensitivity   *shk_scenario_compute_sensitivity (ShkPlan               *plan,
                                                   ShkScenario           *scenario,
                                                   GError               **error);
void              shk_sensitivity_free            (ShkSensitivity         *sensitivity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkSensitivity, shk_sensitivity_free)

const ShkSensitivityCell *
                  shk_sensitivity_get_cell        (const ShkSensitivity   *sensitivity,
                                                   ShkSensitivityFactor    factor,
                                                   guint                   index);

/* "−30%", "+10%": a change as the table heads it. */
char             *shk_sensitivity_format_change   (double                  change);
/* "Year 4 (month 8)" or "None" (translated): a cell as the table shows it. */
char             *shk_sensitivity_format_cell     (const ShkSensitivityCell *cell);

G_END_DECLS
