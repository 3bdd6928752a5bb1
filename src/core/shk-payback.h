/* shk-payback.h — the payback (cost-benefit) engine
 *
 * Works on plain parameters so it can be tested and benchmarked on its own;
 * shk_payback_params_from_scenario() fills them from a document.
 *
 * Model (資料1-3 §4): a year's saving is hours saved × hourly rate, for the
 * months in operation in the first year of savings (months ÷ 12 of it) and
 * in full afterwards, rounded to the yen. Costs are paid at the start of a
 * year and savings accrue evenly through it, which is how the payback point
 * within the payback year is interpolated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_PAYBACK_ERROR (shk_payback_error_quark ())
GQuark shk_payback_error_quark (void);

typedef enum
{
  SHK_PAYBACK_ERROR_INVALID,
  /* A scenario with no cost entered yet (one just made from a process):
   * it has no payback to show, only 「費用未入力」. */
  SHK_PAYBACK_ERROR_NO_COSTS,
} ShkPaybackError;

typedef struct
{
  guint   n_years;
  double  hourly_rate;        /* yen per hour, ≥ 0 */
  double  hours_saved;        /* per full year, ≥ 0 */
  guint   savings_start;      /* index of the first year with savings */
  guint   first_year_months;  /* 0–12 */
  double  discount_rate;      /* fraction per year, ≥ 0 and < 1 */
  double *costs;              /* n_years yen amounts, summed over items */
} ShkPaybackParams;

typedef struct
{
  guint    n_years;
  gint64  *cost;                 /* per year, yen */
  gint64  *saving;               /* per year, yen (rounded) */
  gint64  *cumulative_cost;
  gint64  *cumulative_saving;
  gint64  *net;                  /* cumulative saving − cumulative cost */
  /* 1-based year whose cumulative saving first reaches the cumulative
   * cost; 0 when that never happens within the horizon. */
  guint    payback_year;
  /* Years from the start of the horizon to the payback point, e.g. 3.4 is
   * in the 4th year; negative when there is no payback. */
  double   payback_point;
  /* 1–12: the month of the payback year in which it happens; 0 if none. */
  guint    payback_month;
  gint64   net_at_horizon;
  /* With a discount rate (else equal to the plain figures). */
  double  *discounted_cumulative_cost;
  double  *discounted_cumulative_saving;
  guint    discounted_payback_year;
  double   discounted_payback_point;
} ShkPaybackResult;

/* Months of savings in the first year of savings: 0 to this. */
#define SHK_PAYBACK_MONTHS_PER_YEAR 12

/* The one check of that limit, for the engine and for what is typed. */
gboolean          shk_payback_check_first_year_months (double                  months,
                                                       GError                **error);

/* Checks every parameter; the message names the one at fault. */
gboolean          shk_payback_params_validate       (const ShkPaybackParams *params,
                                                     GError                **error);
ShkPaybackResult *shk_payback_compute               (const ShkPaybackParams *params,
                                                     GError                **error);
void              shk_payback_result_free           (ShkPaybackResult       *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkPaybackResult, shk_payback_result_free)

/* Fills @params (costs newly allocated; free with
 * shk_payback_params_clear()) from a scenario of @plan. */
void              shk_payback_params_from_scenario  (ShkPaybackParams       *params,
                                                     ShkPlan                *plan,
                                                     ShkScenario            *scenario);
void              shk_payback_params_clear          (ShkPaybackParams       *params);
/* Whether any cost item of @scenario has an amount in any year. */
gboolean          shk_scenario_has_costs            (ShkScenario            *scenario);
/* Convenience: params_from_scenario + validate + compute. A scenario
 * without costs (shk_scenario_has_costs ()) fails with
 * SHK_PAYBACK_ERROR_NO_COSTS: savings against nothing would read as an
 * instant payback. */
ShkPaybackResult *shk_scenario_compute_payback      (ShkPlan                *plan,
                                                     ShkScenario            *scenario,
                                                     GError                **error);

G_END_DECLS
