/* test-payback.c — the payback engine against the handouts and on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "shk-format.h"
#include "shk-payback.h"
#include "shk-payback-series.h"

#define N_PUBLISHED_YEARS 8

/* The figures printed in 資料1-3 §4 (P28–P30), as a fallback when the
 * shared data set is not next to the source tree. */
typedef struct
{
  const char *name;
  gint64      cumulative_cost[N_PUBLISHED_YEARS];
  gint64      cumulative_saving[N_PUBLISHED_YEARS];
  guint       payback_year;   /* 0: never */
} PublishedScenario;

static const PublishedScenario published_constants[] = {
  { "費用対効果想定①",
    { 2684000, 8731800, 11481800, 14231800, 16981800, 19731800, 22481800, 25231800 },
    { 0, 3739517, 9348793, 14958069, 20567345, 26176621, 31785897, 37395173 },
    4 },
  { "費用対効果想定②",
    { 4004000, 12974500, 17176500, 21378500, 25580500, 29782500, 33984500, 38186500 },
    { 0, 2758450, 13792250, 24826050, 35859850, 46893650, 57927450, 68961250 },
    4 },
  { "費用対効果想定③",
    { 2684000, 13134000, 15884000, 18634000, 21384000, 24134000, 28336000, 32538000 },
    { 0, 481125, 1443375, 2405625, 3367875, 4330125, 5292375, 6254625 },
    0 },
};

/* One published scenario, from the shared JSON or the constants. */
typedef struct
{
  char   *name;
  GArray *cumulative_cost;     /* gint64 */
  GArray *cumulative_saving;   /* gint64 */
  GArray *chart_cost;          /* gint64 万円, empty without the JSON */
  GArray *chart_saving;
  guint   payback_year;
} Published;

static void
published_free (gpointer data)
{
  Published *p = data;

  g_free (p->name);
  g_array_unref (p->cumulative_cost);
  g_array_unref (p->cumulative_saving);
  g_array_unref (p->chart_cost);
  g_array_unref (p->chart_saving);
  g_free (p);
}

static Published *
published_new (const char *name)
{
  Published *p = g_new0 (Published, 1);

  p->name = g_strdup (name);
  p->cumulative_cost = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->cumulative_saving = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->chart_cost = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->chart_saving = g_array_new (FALSE, FALSE, sizeof (gint64));
  return p;
}

static void
read_integers (JsonObject *object,
               const char *member,
               GArray     *into)
{
  JsonArray *array;

  g_assert_true (json_object_has_member (object, member));
  array = json_object_get_array_member (object, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 value = json_array_get_int_element (array, i);

      g_array_append_val (into, value);
    }
}

static GPtrArray *
load_published_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (published_free);
  JsonArray *scenarios;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "scenarios");
  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonObject *object = json_array_get_object_element (scenarios, i);
      JsonObject *derived = json_object_get_object_member (object, "derived");
      Published *p = published_new (json_object_get_string_member (object, "scenario"));

      read_integers (object, "cumulative_cost_yen", p->cumulative_cost);
      read_integers (object, "cumulative_savings_yen", p->cumulative_saving);
      read_integers (object, "chart_cumulative_cost_man_yen", p->chart_cost);
      read_integers (object, "chart_cumulative_savings_man_yen", p->chart_saving);
      if (derived != NULL && !json_object_get_null_member (derived, "payback_year_index"))
        p->payback_year = json_object_get_int_member (derived, "payback_year_index");
      g_ptr_array_add (list, p);
    }
  return list;
}

static GPtrArray *
load_published (void)
{
  const char *root = g_getenv ("SHINCHOKU_SOURCE_ROOT");
  g_autofree char *path = NULL;
  GPtrArray *list;

  if (root != NULL)
    {
      path = g_build_filename (root, "..", "shared", "data", "kagoshima-2021",
                               "payback_scenarios.json", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_test_message ("published figures from %s", path);
          return load_published_json (path);
        }
    }

  g_test_message ("published figures from the constants in this test");
  list = g_ptr_array_new_with_free_func (published_free);
  for (guint i = 0; i < G_N_ELEMENTS (published_constants); i++)
    {
      const PublishedScenario *c = &published_constants[i];
      Published *p = published_new (c->name);

      g_array_append_vals (p->cumulative_cost, c->cumulative_cost, N_PUBLISHED_YEARS);
      g_array_append_vals (p->cumulative_saving, c->cumulative_saving, N_PUBLISHED_YEARS);
      p->payback_year = c->payback_year;
      g_ptr_array_add (list, p);
    }
  return list;
}

static ShkScenario *
find_scenario (ShkPlan    *plan,
               const char *name)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (shk_scenario_get_name (scenario), name) == 0)
        return scenario;   /* the plan keeps a reference */
    }
  return NULL;
}

/* The engine reproduces every printed figure to the yen. */
static void
test_payback_published (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GPtrArray) published = load_published ();
  guint paid_back = 0, never = 0;

  g_assert_nonnull (plan);
  g_assert_cmpuint (published->len, ==, 3);

  for (guint s = 0; s < published->len; s++)
    {
      const Published *p = g_ptr_array_index (published, s);
      ShkScenario *scenario = find_scenario (plan, p->name);
      g_autoptr(ShkPaybackResult) result = NULL;
      g_autoptr(GError) error = NULL;
      guint n = p->cumulative_cost->len;

      g_test_message ("%s", p->name);
      g_assert_nonnull (scenario);
      result = shk_scenario_compute_payback (plan, scenario, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);

      g_assert_cmpuint (result->n_years, ==, n);
      g_assert_cmpuint (p->cumulative_saving->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          gint64 cost = g_array_index (p->cumulative_cost, gint64, i);
          gint64 saving = g_array_index (p->cumulative_saving, gint64, i);

          g_assert_cmpint (result->cumulative_cost[i], ==, cost);
          g_assert_cmpint (result->cumulative_saving[i], ==, saving);
          g_assert_cmpint (result->net[i], ==, saving - cost);
          /* Without a discount rate the discounted figures are the plain
           * ones. */
          g_assert_cmpfloat (result->discounted_cumulative_cost[i], ==, (double) cost);
          g_assert_cmpfloat (result->discounted_cumulative_saving[i], ==, (double) saving);

          /* The chart's 万円 are the yen rounded to the nearest 10,000. */
          if (p->chart_cost->len == n)
            {
              g_assert_cmpint ((gint64) round (result->cumulative_cost[i] / 10000.0), ==,
                               g_array_index (p->chart_cost, gint64, i));
              g_assert_cmpint ((gint64) round (result->cumulative_saving[i] / 10000.0), ==,
                               g_array_index (p->chart_saving, gint64, i));
            }
        }

      g_assert_cmpuint (result->payback_year, ==, p->payback_year);
      g_assert_cmpuint (result->discounted_payback_year, ==, p->payback_year);
      g_assert_cmpint (result->net_at_horizon, ==,
                       g_array_index (p->cumulative_saving, gint64, n - 1) -
                       g_array_index (p->cumulative_cost, gint64, n - 1));

      if (p->payback_year > 0)
        {
          guint i = p->payback_year - 1;
          /* Costs at the start of the year, savings evenly through it. */
          double fraction = (double) (result->cumulative_cost[i] - result->cumulative_saving[i - 1])
                            / (double) result->saving[i];

          g_assert_cmpfloat_with_epsilon (result->payback_point, i + fraction, 1e-9);
          g_assert_cmpuint (result->payback_month, ==, (guint) ceil (fraction * 12));
          g_assert_cmpfloat_with_epsilon (result->discounted_payback_point, result->payback_point, 1e-9);
          paid_back++;
        }
      else
        {
          g_assert_cmpfloat (result->payback_point, <, 0);
          g_assert_cmpuint (result->payback_month, ==, 0);
          never++;
        }
    }

  /* ① and ② pay back in year 4, ③ never. */
  g_assert_cmpuint (paid_back, ==, 2);
  g_assert_cmpuint (never, ==, 1);
  {
    const Published *first = g_ptr_array_index (published, 0);
    const Published *third = g_ptr_array_index (published, 2);

    g_assert_cmpuint (first->payback_year, ==, 4);
    g_assert_cmpuint (((const Published *) g_ptr_array_index (published, 1))->payback_year, ==, 4);
    g_assert_cmpuint (third->payback_year, ==, 0);
  }
}

/* Plain parameters */

static ShkPaybackParams
params_new (guint         n_years,
            double        hourly_rate,
            double        hours_saved,
            guint         savings_start,
            guint         months,
            const double *costs)
{
  ShkPaybackParams params = {
    .n_years = n_years,
    .hourly_rate = hourly_rate,
    .hours_saved = hours_saved,
    .savings_start = savings_start,
    .first_year_months = months,
    .discount_rate = 0,
    .costs = g_new0 (double, MAX (n_years, 1)),
  };

  if (costs != NULL)
    memcpy (params.costs, costs, n_years * sizeof (double));
  return params;
}

static ShkPaybackResult *
compute_ok (const ShkPaybackParams *params)
{
  g_autoptr(GError) error = NULL;
  ShkPaybackResult *result = shk_payback_compute (params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_payback_rounding (void)
{
  static const struct {
    double hours, rate;
    guint months;
    gint64 first_year;
  } cases[] = {
    { 2186, 2566, 8, 3739517 },   /* 3,739,517.33: down */
    { 1, 3, 6, 2 },               /* 1.5: half away from zero */
    { 5, 1, 6, 3 },               /* 2.5: 3, not banker's 2 */
    { 7, 1, 6, 4 },               /* 3.5 */
    { 1, 1, 1, 0 },               /* 0.083 */
    { 1, 10, 1, 1 },              /* 0.83 */
    { 4300, 2566, 3, 2758450 },   /* exact */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShkPaybackParams params = params_new (3, cases[i].rate, cases[i].hours, 1, cases[i].months, NULL);
      g_autoptr(ShkPaybackResult) result = compute_ok (&params);
      gint64 full = (gint64) round (cases[i].hours * cases[i].rate);

      g_assert_cmpint (result->saving[0], ==, 0);
      g_assert_cmpint (result->saving[1], ==, cases[i].first_year);
      g_assert_cmpint (result->saving[2], ==, full);
      g_assert_cmpint (result->cumulative_saving[2], ==, cases[i].first_year + full);
      shk_payback_params_clear (&params);
    }

  /* Costs are whole yen too. */
  {
    const double costs[] = { 100.5, 0.4 };
    ShkPaybackParams params = params_new (2, 0, 0, 0, 12, costs);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpint (result->cost[0], ==, 101);
    g_assert_cmpint (result->cost[1], ==, 0);
    g_assert_cmpint (result->cumulative_cost[1], ==, 101);
    shk_payback_params_clear (&params);
  }
}

static void
test_payback_months (void)
{
  for (guint months = 0; months <= 12; months++)
    {
      ShkPaybackParams params = params_new (4, 1200, 1, 2, months, NULL);
      g_autoptr(ShkPaybackResult) result = compute_ok (&params);

      /* Nothing before the start, months ÷ 12 in the first year, all of
       * it afterwards. */
      g_assert_cmpint (result->saving[0], ==, 0);
      g_assert_cmpint (result->saving[1], ==, 0);
      g_assert_cmpint (result->saving[2], ==, 100 * months);
      g_assert_cmpint (result->saving[3], ==, 1200);
      shk_payback_params_clear (&params);
    }
}

static void
test_payback_interpolation (void)
{
  /* 120 spent at the start, 100 saved a year: 100 by the end of year 1,
   * the remaining 20 a fifth into year 2 — in its 3rd month. */
  {
    const double costs[] = { 120, 0, 0 };
    ShkPaybackParams params = params_new (3, 100, 1, 0, 12, costs);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 2);
    g_assert_cmpfloat_with_epsilon (result->payback_point, 1.2, 1e-12);
    g_assert_cmpuint (result->payback_month, ==, 3);
    shk_payback_params_clear (&params);
  }

  /* Exactly at the end of a month: two thirds of the year is month 8. */
  {
    const double costs[] = { 80, 0 };
    ShkPaybackParams params = params_new (2, 120, 1, 0, 12, costs);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 1);
    g_assert_cmpfloat_with_epsilon (result->payback_point, 80.0 / 120.0, 1e-12);
    g_assert_cmpuint (result->payback_month, ==, 8);
    shk_payback_params_clear (&params);
  }

  /* Exactly covered by the end of the year: month 12, not 13 or 1. */
  {
    const double costs[] = { 100, 100 };
    ShkPaybackParams params = params_new (2, 100, 1, 0, 12, costs);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 1);
    g_assert_cmpfloat_with_epsilon (result->payback_point, 1.0, 1e-12);
    g_assert_cmpuint (result->payback_month, ==, 12);
    g_assert_cmpint (result->net[1], ==, 0);
    shk_payback_params_clear (&params);
  }

  /* A cost later than the payback does not undo it: the first year counts. */
  {
    const double costs[] = { 50, 0, 500 };
    ShkPaybackParams params = params_new (3, 100, 1, 0, 12, costs);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 1);
    g_assert_cmpint (result->net_at_horizon, ==, 300 - 550);
    shk_payback_params_clear (&params);
  }
}

static void
test_payback_zero (void)
{
  /* Nothing spent, nothing saved: nothing recovered. */
  {
    ShkPaybackParams params = params_new (5, 0, 0, 0, 12, NULL);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 0);
    g_assert_cmpfloat (result->payback_point, <, 0);
    g_assert_cmpuint (result->payback_month, ==, 0);
    g_assert_cmpuint (result->discounted_payback_year, ==, 0);
    g_assert_cmpint (result->net_at_horizon, ==, 0);
    shk_payback_params_clear (&params);
  }

  /* No costs, savings from year 2: the idle first year recovers nothing;
   * year 2 pays back as it starts. */
  {
    ShkPaybackParams params = params_new (4, 2566, 10, 1, 6, NULL);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 2);
    g_assert_cmpfloat_with_epsilon (result->payback_point, 1.0, 1e-12);
    g_assert_cmpuint (result->payback_month, ==, 1);
    shk_payback_params_clear (&params);
  }

  /* A free first year before the costs does not count as payback. */
  {
    const double costs[] = { 0, 1000, 0, 0 };
    ShkPaybackParams params = params_new (4, 1, 500, 1, 12, costs);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 3);
    shk_payback_params_clear (&params);
  }

  /* No hours saved: never. */
  {
    const double costs[] = { 1, 0 };
    ShkPaybackParams params = params_new (2, 2566, 0, 0, 12, costs);
    g_autoptr(ShkPaybackResult) result = compute_ok (&params);

    g_assert_cmpuint (result->payback_year, ==, 0);
    g_assert_cmpint (result->net_at_horizon, ==, -1);
    shk_payback_params_clear (&params);
  }
}

static void
test_payback_huge (void)
{
  /* The largest allowed amounts over the longest horizon stay exact. */
  {
    ShkPaybackParams params = params_new (64, 1e6, 1e9, 0, 12, NULL);
    g_autoptr(ShkPaybackResult) result = NULL;

    for (guint i = 0; i < 64; i++)
      params.costs[i] = 1e15;
    result = compute_ok (&params);
    g_assert_cmpint (result->cumulative_cost[63], ==, G_GINT64_CONSTANT (64000000000000000));
    g_assert_cmpint (result->cumulative_saving[63], ==, G_GINT64_CONSTANT (64000000000000000));
    g_assert_cmpuint (result->payback_year, ==, 1);
    shk_payback_params_clear (&params);
  }

  /* Beyond that, an error rather than an overflow. */
  {
    ShkPaybackParams params = params_new (2, 1e8, 1e8, 0, 12, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(ShkPaybackResult) result = shk_payback_compute (&params, &error);

    g_assert_null (result);
    g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Hours saved × hourly rate"));
    shk_payback_params_clear (&params);
  }
}

static void
test_payback_discount (void)
{
  /* 100 spent, 125 a year saved from year 2, at 25%: year 2's savings are
   * worth 100 today, so both pay back in year 2 — the plain one 80% into
   * it, the discounted one at its very end. */
  {
    const double costs[] = { 100, 0, 0 };
    ShkPaybackParams params = params_new (3, 125, 1, 1, 12, costs);
    g_autoptr(ShkPaybackResult) result = NULL;

    params.discount_rate = 0.25;
    result = compute_ok (&params);
    g_assert_cmpfloat_with_epsilon (result->discounted_cumulative_cost[2], 100, 1e-9);
    g_assert_cmpfloat_with_epsilon (result->discounted_cumulative_saving[1], 100, 1e-9);
    g_assert_cmpfloat_with_epsilon (result->discounted_cumulative_saving[2], 100 + 125 / 1.5625, 1e-9);
    g_assert_cmpuint (result->payback_year, ==, 2);
    g_assert_cmpfloat_with_epsilon (result->payback_point, 1.8, 1e-12);
    g_assert_cmpuint (result->discounted_payback_year, ==, 2);
    g_assert_cmpfloat_with_epsilon (result->discounted_payback_point, 2.0, 1e-9);
    /* The plain figures ignore the discount. */
    g_assert_cmpint (result->cumulative_saving[2], ==, 250);
    shk_payback_params_clear (&params);
  }

  /* A discount can push payback beyond the horizon. */
  {
    const double costs[] = { 1000, 0, 0, 0 };
    ShkPaybackParams params = params_new (4, 1, 340, 0, 12, costs);
    g_autoptr(ShkPaybackResult) result = NULL;

    params.discount_rate = 0.1;
    result = compute_ok (&params);
    g_assert_cmpuint (result->payback_year, ==, 3);
    g_assert_cmpuint (result->discounted_payback_year, ==, 4);

    params.discount_rate = 0.3;
    g_clear_pointer (&result, shk_payback_result_free);
    result = compute_ok (&params);
    g_assert_cmpuint (result->payback_year, ==, 3);
    g_assert_cmpuint (result->discounted_payback_year, ==, 0);
    g_assert_cmpfloat (result->discounted_payback_point, <, 0);
    shk_payback_params_clear (&params);
  }
}

typedef void (*Spoil) (ShkPaybackParams *params);

static void spoil_years_zero (ShkPaybackParams *p) { p->n_years = 0; }
static void spoil_years_many (ShkPaybackParams *p) { p->n_years = 65; }
static void spoil_rate_negative (ShkPaybackParams *p) { p->hourly_rate = -1; }
static void spoil_rate_nan (ShkPaybackParams *p) { p->hourly_rate = NAN; }
static void spoil_rate_huge (ShkPaybackParams *p) { p->hourly_rate = 2e15; }
static void spoil_hours_negative (ShkPaybackParams *p) { p->hours_saved = -0.5; }
static void spoil_hours_infinite (ShkPaybackParams *p) { p->hours_saved = INFINITY; }
static void spoil_start (ShkPaybackParams *p) { p->savings_start = p->n_years; }
static void spoil_months (ShkPaybackParams *p) { p->first_year_months = 13; }
static void spoil_discount_one (ShkPaybackParams *p) { p->discount_rate = 1.0; }
static void spoil_discount_negative (ShkPaybackParams *p) { p->discount_rate = -0.01; }
static void spoil_discount_nan (ShkPaybackParams *p) { p->discount_rate = NAN; }
static void spoil_cost_negative (ShkPaybackParams *p) { p->costs[2] = -5; }
static void spoil_cost_nan (ShkPaybackParams *p) { p->costs[1] = NAN; }
static void spoil_cost_huge (ShkPaybackParams *p) { p->costs[0] = 1.5e15; }
static void spoil_costs_missing (ShkPaybackParams *p) { g_clear_pointer (&p->costs, g_free); }

static void
test_payback_validation (void)
{
  static const struct {
    Spoil spoil;
    const char *names;   /* what the message must name */
  } cases[] = {
    { spoil_years_zero, "number of years" },
    { spoil_years_many, "number of years" },
    { spoil_rate_negative, "Hourly rate must not be negative" },
    { spoil_rate_nan, "Hourly rate" },
    { spoil_rate_huge, "Hourly rate" },
    { spoil_hours_negative, "Hours saved must not be negative" },
    { spoil_hours_infinite, "Hours saved" },
    { spoil_start, "first year of savings" },
    { spoil_months, "Months" },
    { spoil_discount_one, "Discount rate" },
    { spoil_discount_negative, "Discount rate" },
    { spoil_discount_nan, "Discount rate" },
    { spoil_cost_negative, "Cost in year 3" },
    { spoil_cost_nan, "Cost in year 2" },
    { spoil_cost_huge, "Cost in year 1" },
    { spoil_costs_missing, "costs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const double costs[] = { 1, 2, 3, 4 };
      ShkPaybackParams params = params_new (4, 2566, 10, 1, 6, costs);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShkPaybackResult) result = NULL;

      g_assert_true (shk_payback_params_validate (&params, NULL));
      cases[i].spoil (&params);

      g_assert_false (shk_payback_params_validate (&params, &error));
      g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].names));
      g_clear_error (&error);

      result = shk_payback_compute (&params, &error);
      g_assert_null (result);
      g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
      shk_payback_params_clear (&params);
    }

  /* The edges of what is allowed. */
  {
    ShkPaybackParams params = params_new (64, 0, 0, 63, 12, NULL);

    params.discount_rate = 0.999;
    g_assert_true (shk_payback_params_validate (&params, NULL));
    params.first_year_months = 0;
    g_assert_true (shk_payback_params_validate (&params, NULL));
    shk_payback_params_clear (&params);
  }
}

/* Scenario objects */

static void
test_payback_scenario (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkScenario) scenario = NULL;
  g_autoptr(ShkCostItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPaybackResult) result = NULL;
  const char *years[] = { "R2", "R3", "R4", NULL };
  ShkPaybackParams params = { 0 };
  ShkScenario *first;

  /* Hours come from the linked processes when none are entered. */
  first = g_list_model_get_item (shk_plan_get_scenarios (plan), 0);
  g_object_unref (first);   /* the plan keeps it */
  shk_payback_params_from_scenario (&params, plan, first);
  g_assert_cmpuint (params.n_years, ==, shk_scenario_get_n_years (first));
  g_assert_cmpfloat (params.hours_saved, ==, shk_plan_get_scenario_hours_saved (plan, first));
  g_assert_cmpfloat (params.hourly_rate, ==, shk_scenario_get_hourly_rate (first));
  for (guint i = 0; i < params.n_years; i++)
    g_assert_cmpfloat (params.costs[i], ==, shk_scenario_get_cost (first, i));
  shk_payback_params_clear (&params);
  g_assert_null (params.costs);

  /* A scenario of our own, with entered hours. */
  scenario = shk_scenario_new ("test");
  shk_scenario_set_years (scenario, years);
  shk_scenario_set_hourly_rate (scenario, 1000);
  shk_scenario_set_hours_saved (scenario, 12);
  shk_scenario_set_savings_start (scenario, 1);
  shk_scenario_set_first_year_months (scenario, 6);
  item = shk_cost_item_new ("導入", 3);
  shk_cost_item_set_amount (item, 0, 10000);
  shk_cost_item_set_amount (item, 2, 500);
  shk_scenario_append_cost_item (scenario, item);
  shk_plan_append_scenario (plan, scenario);

  result = shk_scenario_compute_payback (plan, scenario, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->saving[1], ==, 6000);
  g_assert_cmpint (result->saving[2], ==, 12000);
  g_assert_cmpint (result->cumulative_cost[2], ==, 10500);
  g_assert_cmpuint (result->payback_year, ==, 3);
  g_clear_pointer (&result, shk_payback_result_free);

  /* A bad parameter in the document is an error naming it. */
  shk_scenario_set_hourly_rate (scenario, -1);
  result = shk_scenario_compute_payback (plan, scenario, &error);
  g_assert_null (result);
  g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Hourly rate"));
}

/* The series the charts draw are the engine's own figures, scenario by
 * scenario, over the longest horizon's years. */
static void
assert_same_result (const ShkPaybackResult *a,
                    const ShkPaybackResult *b)
{
  g_assert_cmpuint (a->n_years, ==, b->n_years);
  for (guint y = 0; y < a->n_years; y++)
    {
      g_assert_cmpint (a->cost[y], ==, b->cost[y]);
      g_assert_cmpint (a->saving[y], ==, b->saving[y]);
      g_assert_cmpint (a->cumulative_cost[y], ==, b->cumulative_cost[y]);
      g_assert_cmpint (a->cumulative_saving[y], ==, b->cumulative_saving[y]);
      g_assert_cmpint (a->net[y], ==, b->net[y]);
      g_assert_cmpfloat (a->discounted_cumulative_cost[y], ==, b->discounted_cumulative_cost[y]);
      g_assert_cmpfloat (a->discounted_cumulative_saving[y], ==, b->discounted_cumulative_saving[y]);
    }
  g_assert_cmpuint (a->payback_year, ==, b->payback_year);
  g_assert_cmpuint (a->payback_month, ==, b->payback_month);
  g_assert_cmpfloat (a->payback_point, ==, b->payback_point);
  g_assert_cmpint (a->net_at_horizon, ==, b->net_at_horizon);
}

static void
test_payback_series (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkPaybackSeriesSet) set = shk_payback_series_set_new ();
  g_autoptr(ShkScenario) longer = NULL;
  g_autoptr(ShkScenario) broken = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  guint n = g_list_model_get_n_items (scenarios);
  ShkScenario *longest = NULL;
  ShkPaybackChart chart;

  g_assert_cmpuint (set->n_series, ==, 0);
  g_assert_cmpuint (set->n_years, ==, 0);
  g_assert_null (set->year_labels[0]);
  g_assert_cmpuint (n, >=, 2);

  /* A longer copy of the first scenario, so that the axis must follow it. */
  {
    g_autoptr(ShkScenario) first = g_list_model_get_item (scenarios, 0);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) years = NULL;
    guint k = shk_scenario_get_n_years (first);

    longer = shk_scenario_copy (first);
    for (guint i = 0; i < k; i++)
      g_strv_builder_add (builder, shk_scenario_get_years (first)[i]);
    g_strv_builder_add (builder, "R99");
    years = g_strv_builder_end (builder);
    shk_scenario_set_years (longer, (const char * const *) years);
    shk_scenario_set_name (longer, "longer");
    shk_plan_append_scenario (plan, longer);
    n++;
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(ShkPaybackResult) expected = shk_scenario_compute_payback (plan, scenario, &error);
      const ShkPaybackResult *added;

      g_assert_no_error (error);
      added = shk_payback_series_set_add (set, plan, scenario, &error);
      g_assert_no_error (error);
      g_assert_nonnull (added);
      g_assert_cmpuint (set->n_series, ==, i + 1);
      g_assert_true (set->series[i].result == added);
      g_assert_cmpstr (set->series[i].name, ==, shk_scenario_get_name (scenario));
      assert_same_result (added, expected);
      if (longest == NULL || shk_scenario_get_n_years (scenario) > shk_scenario_get_n_years (longest))
        longest = scenario;
    }
  g_assert_true (longest == longer);

  /* The axis: the longest horizon's labels. */
  g_assert_cmpuint (set->n_years, ==, shk_scenario_get_n_years (longest));
  for (guint y = 0; y < set->n_years; y++)
    {
      g_autofree char *label = shk_scenario_dup_year_label (longest, y);

      g_assert_cmpstr (set->year_labels[y], ==, label);
    }
  g_assert_null (set->year_labels[set->n_years]);

  /* A scenario the engine refuses adds nothing and says why. */
  broken = shk_scenario_copy (longer);
  shk_scenario_set_hourly_rate (broken, -1);
  shk_plan_append_scenario (plan, broken);
  g_assert_null (shk_payback_series_set_add (set, plan, broken, &error));
  g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
  g_assert_cmpuint (set->n_series, ==, n);

  shk_payback_series_set_fill_chart (set, SHK_CHART_STYLE_LIGHT, "title", &chart);
  g_assert_cmpint (chart.style, ==, SHK_CHART_STYLE_LIGHT);
  g_assert_cmpstr (chart.title, ==, "title");
  g_assert_true (chart.series == set->series);
  g_assert_cmpuint (chart.n_series, ==, n);
  g_assert_true (chart.year_labels == set->year_labels);
  g_assert_cmpuint (chart.n_years, ==, set->n_years);
  g_assert_cmpint (chart.highlight_year, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/payback/published", test_payback_published);
  g_test_add_func ("/payback/rounding", test_payback_rounding);
  g_test_add_func ("/payback/months", test_payback_months);
  g_test_add_func ("/payback/interpolation", test_payback_interpolation);
  g_test_add_func ("/payback/zero", test_payback_zero);
  g_test_add_func ("/payback/huge", test_payback_huge);
  g_test_add_func ("/payback/discount", test_payback_discount);
  g_test_add_func ("/payback/validation", test_payback_validation);
  g_test_add_func ("/payback/scenario", test_payback_scenario);
  g_test_add_func ("/payback/series", test_payback_series);

  return g_test_run ();
}
