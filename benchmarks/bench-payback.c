/* bench-payback.c — the payback engine over many long scenarios
 *
 * 1,000 scenarios of 50 years each (fixed seed), computed two ways: the
 * engine on plain parameters, and through a plan's ShkScenario objects
 * with their cost items, as the window and the CLI do. Goal: each batch
 * of 1,000 under 50 ms, so a scenario recomputes in well under a frame
 * as its figures are typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "bench-common.h"
#include "shk-payback.h"

#define N_SCENARIOS  1000
#define N_YEARS      50
#define HOURLY_RATE  2566.0   /* yen per saved hour, as in 資料1-3 */
#define GOAL_MS      50.0
#define GOAL_RSS_MIB 128.0

typedef struct
{
  double  hours_saved;
  guint   savings_start;
  guint   first_year_months;
  double  discount_rate;
  double  initial_cost;
  double  running_cost;
  double  renewal_cost;   /* every ten years */
} Shape;

typedef struct
{
  Shape            shapes[N_SCENARIOS];
  ShkPaybackParams params[N_SCENARIOS];
  ShkPlan         *plan;
  guint            n_paid_back;
  guint            n_errors;
  char            *first_error;
  gboolean         consistent;
} PaybackRun;

static double
shape_cost (const Shape *shape,
            guint        year)
{
  double cost = shape->running_cost;

  if (year == 0)
    cost += shape->initial_cost;
  else if (year % 10 == 0)
    cost += shape->renewal_cost;
  return cost;
}

static void
make_shapes (PaybackRun *run)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20210610);

  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      Shape *shape = &run->shapes[i];
      ShkPaybackParams *params = &run->params[i];

      shape->hours_saved = g_rand_double_range (rand, 50, 20000);
      shape->savings_start = g_rand_int_range (rand, 0, 4);
      shape->first_year_months = g_rand_int_range (rand, 0, 13);
      shape->discount_rate = g_rand_boolean (rand) ? 0 : g_rand_double_range (rand, 0.005, 0.05);
      shape->initial_cost = g_rand_double_range (rand, 1e6, 1e8);
      shape->running_cost = g_rand_double_range (rand, 1e5, 1e7);
      shape->renewal_cost = g_rand_double_range (rand, 0, 3e7);

      params->n_years = N_YEARS;
      params->hourly_rate = HOURLY_RATE;
      params->hours_saved = shape->hours_saved;
      params->savings_start = shape->savings_start;
      params->first_year_months = shape->first_year_months;
      params->discount_rate = shape->discount_rate;
      params->costs = g_new (double, N_YEARS);
      for (guint y = 0; y < N_YEARS; y++)
        params->costs[y] = shape_cost (shape, y);
    }
}

static void
make_plan (PaybackRun *run)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);

  for (guint y = 0; y < N_YEARS; y++)
    g_ptr_array_add (years, g_strdup_printf ("R%u", y + 2));
  g_ptr_array_add (years, NULL);

  run->plan = shk_plan_new ();
  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      const Shape *shape = &run->shapes[i];
      g_autofree char *name = g_strdup_printf ("費用対効果想定 %u", i + 1);
      g_autoptr(ShkScenario) scenario = shk_scenario_new (name);
      g_autoptr(ShkCostItem) initial = shk_cost_item_new ("導入費用", N_YEARS);
      g_autoptr(ShkCostItem) running = shk_cost_item_new ("運用費用", N_YEARS);

      shk_scenario_set_years (scenario, (const char * const *) years->pdata);
      shk_scenario_set_hourly_rate (scenario, HOURLY_RATE);
      shk_scenario_set_hours_saved (scenario, shape->hours_saved);
      shk_scenario_set_savings_start (scenario, shape->savings_start);
      shk_scenario_set_first_year_months (scenario, shape->first_year_months);
      shk_scenario_set_discount_rate (scenario, shape->discount_rate);

      for (guint y = 0; y < N_YEARS; y++)
        {
          double renewal = (y > 0 && y % 10 == 0) ? shape->renewal_cost : 0;

          shk_cost_item_set_amount (initial, y, (y == 0 ? shape->initial_cost : 0) + renewal);
          shk_cost_item_set_amount (running, y, shape->running_cost);
        }
      shk_scenario_append_cost_item (scenario, initial);
      shk_scenario_append_cost_item (scenario, running);
      shk_plan_append_scenario (run->plan, scenario);
    }
}

/* What every result must satisfy, whatever the figures. */
static gboolean
result_is_consistent (const ShkPaybackResult *result)
{
  guint last;

  if (result->n_years != N_YEARS)
    return FALSE;
  last = result->n_years - 1;
  if (result->net_at_horizon != result->cumulative_saving[last] - result->cumulative_cost[last])
    return FALSE;
  if (result->payback_year > N_YEARS)
    return FALSE;
  if (result->payback_year > 0
      && result->cumulative_saving[result->payback_year - 1]
         < result->cumulative_cost[result->payback_year - 1])
    return FALSE;
  return TRUE;
}

static void
record (PaybackRun       *run,
        ShkPaybackResult *result,
        GError           *error)
{
  if (result == NULL)
    {
      if (run->first_error == NULL && error != NULL)
        run->first_error = g_strdup (error->message);
      run->n_errors++;
      return;
    }

  run->n_paid_back += result->payback_year > 0;
  if (!result_is_consistent (result))
    run->consistent = FALSE;
}

static void
reset (PaybackRun *run)
{
  run->n_paid_back = 0;
  run->n_errors = 0;
  run->consistent = TRUE;
}

static void
compute_params (gpointer user_data)
{
  PaybackRun *run = user_data;

  reset (run);
  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShkPaybackResult) result = shk_payback_compute (&run->params[i], &error);

      record (run, result, error);
    }
}

static void
compute_scenarios (gpointer user_data)
{
  PaybackRun *run = user_data;
  GListModel *scenarios = shk_plan_get_scenarios (run->plan);

  reset (run);
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShkPaybackResult) result =
        shk_scenario_compute_payback (run->plan, scenario, &error);

      record (run, result, error);
    }
}

static gboolean
check (PaybackRun *run,
       const char *what)
{
  if (run->n_errors > 0)
    return shk_bench_fail ("%s: %u scenarios failed, the first with: %s", what,
                           run->n_errors, run->first_error ? run->first_error : "?");
  if (!run->consistent)
    return shk_bench_fail ("%s: a result is inconsistent (horizon, net or payback year)", what);
  /* The random shapes include both kinds; all or none means the engine
   * did not look at the figures. */
  if (run->n_paid_back == 0 || run->n_paid_back == N_SCENARIOS)
    return shk_bench_fail ("%s: %u of %u scenarios pay back", what,
                           run->n_paid_back, N_SCENARIOS);
  g_print ("%s: %u of %u scenarios pay back within %u years\n", what,
           run->n_paid_back, N_SCENARIOS, N_YEARS);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  ShkBenchOptions options = { 0 };
  PaybackRun *run = g_new0 (PaybackRun, 1);
  gboolean ok = TRUE;

  shk_bench_parse_options (&options, 50,
                           "Times the payback of 1,000 scenarios over 50 years.",
                           &argc, &argv);

  make_shapes (run);
  make_plan (run);

  ok &= shk_bench_run ("payback of 1,000 scenarios × 50 years (engine)",
                       options.iterations, N_SCENARIOS, GOAL_MS,
                       compute_params, run);
  ok &= check (run, "engine");

  ok &= shk_bench_run ("payback of 1,000 scenarios × 50 years (ShkScenario)",
                       options.iterations, N_SCENARIOS, GOAL_MS,
                       compute_scenarios, run);
  ok &= check (run, "ShkScenario");

  ok &= shk_bench_report_rss (GOAL_RSS_MIB);

  for (guint i = 0; i < N_SCENARIOS; i++)
    g_clear_pointer (&run->params[i].costs, g_free);
  g_clear_object (&run->plan);
  g_free (run->first_error);
  g_free (run);
  shk_bench_options_clear (&options);

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
