/* test-sensitivity.c — the payback's sensitivity to rate, hours and costs
 *
 * Every cell is checked against a run of the payback engine made here on
 * parameters changed by hand, and scenario ①'s extremes against the
 * arithmetic of the handouts' model (P28: 2,566 yen an hour, 2,186 hours
 * a year, savings from year 2 for 8 months).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "shk-document.h"
#include "shk-sensitivity.h"
#include "shk-tornado-chart.h"

static ShkScenario *
builtin_scenario (ShkDocument *document,
                  guint        position)
{
  GListModel *scenarios = shk_plan_get_scenarios (shk_document_get_plan (document));
  g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, position);

  return scenario;   /* the plan keeps it */
}

/* The engine on a copy of @params with one factor scaled: what the
 * sensitivity must agree with. */
static ShkPaybackResult *
compute_scaled (const ShkPaybackParams *params,
                ShkSensitivityFactor    factor,
                double                  scale)
{
  ShkPaybackParams copy = *params;
  g_autofree double *costs = g_new (double, params->n_years);
  ShkPaybackResult *result;

  for (guint i = 0; i < params->n_years; i++)
    costs[i] = params->costs[i] * (factor == SHK_SENSITIVITY_COSTS ? scale : 1.0);
  copy.costs = costs;
  if (factor == SHK_SENSITIVITY_HOURLY_RATE)
    copy.hourly_rate *= scale;
  if (factor == SHK_SENSITIVITY_HOURS_SAVED)
    copy.hours_saved *= scale;

  result = shk_payback_compute (&copy, NULL);
  g_assert_nonnull (result);
  return result;
}

static void
test_default_changes (void)
{
  guint n = 0;
  const double *changes = shk_sensitivity_default_changes (&n);
  const double expected[] = { -0.3, -0.2, -0.1, 0.1, 0.2, 0.3 };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (changes[i], ==, expected[i]);
}

static void
test_scenario_one_against_engine (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  ShkScenario *scenario = builtin_scenario (document, 0);
  g_autoptr(ShkSensitivity) sensitivity = NULL;
  g_autoptr(ShkPaybackResult) base = NULL;
  g_autoptr(GError) error = NULL;
  ShkPaybackParams params = { 0 };

  sensitivity = shk_scenario_compute_sensitivity (plan, scenario, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sensitivity);

  shk_payback_params_from_scenario (&params, plan, scenario);
  base = shk_payback_compute (&params, NULL);

  /* The published result: recovered in the 4th year. */
  g_assert_cmpuint (sensitivity->base.payback_year, ==, 4);
  g_assert_cmpuint (sensitivity->base.payback_year, ==, base->payback_year);
  g_assert_cmpuint (sensitivity->base.payback_month, ==, base->payback_month);
  g_assert_cmpint (sensitivity->base.net_at_horizon, ==, base->net_at_horizon);
  g_assert_cmpuint (sensitivity->n_years, ==, 8);
  g_assert_cmpuint (sensitivity->n_changes, ==, 6);

  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    for (guint i = 0; i < sensitivity->n_changes; i++)
      {
        const ShkSensitivityCell *cell = shk_sensitivity_get_cell (sensitivity, f, i);
        g_autoptr(ShkPaybackResult) expected =
          compute_scaled (&params, f, 1.0 + sensitivity->changes[i]);

        g_assert_cmpfloat (cell->change, ==, sensitivity->changes[i]);
        g_assert_cmpuint (cell->payback_year, ==, expected->payback_year);
        g_assert_cmpuint (cell->payback_month, ==, expected->payback_month);
        g_assert_cmpfloat (cell->payback_point, ==, expected->payback_point);
        g_assert_cmpint (cell->net_at_horizon, ==, expected->net_at_horizon);
      }

  shk_payback_params_clear (&params);
}

/* The arithmetic of the model done by hand for ±30% of the hourly rate:
 * the savings of a full year and of the 8 months of year 2, then the
 * first year whose running savings cover the running costs. */
static guint
hand_payback_year (ShkScenario *scenario,
                   double       rate,
                   double       hours)
{
  double full = round (rate * hours);
  double first = round (rate * hours * 8 / 12.0);
  double cost = 0, saving = 0;

  for (guint i = 0; i < shk_scenario_get_n_years (scenario); i++)
    {
      cost += shk_scenario_get_cost (scenario, i);
      saving += i == 1 ? first : i > 1 ? full : 0;
      if (saving >= cost)
        return i + 1;
    }
  return 0;
}

static void
test_scenario_one_by_hand (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  ShkScenario *scenario = builtin_scenario (document, 0);
  g_autoptr(ShkSensitivity) sensitivity = shk_scenario_compute_sensitivity (plan, scenario, NULL);
  const ShkSensitivityCell *lower, *higher;
  double rate = shk_scenario_get_hourly_rate (scenario);
  double hours = shk_plan_get_scenario_hours_saved (plan, scenario);

  /* The handouts' figures for ①. */
  g_assert_cmpfloat (rate, ==, 2566);
  g_assert_cmpfloat (hours, ==, 2186);
  g_assert_cmpuint (hand_payback_year (scenario, rate, hours), ==, 4);

  lower = shk_sensitivity_get_cell (sensitivity, SHK_SENSITIVITY_HOURLY_RATE, 0);
  higher = shk_sensitivity_get_cell (sensitivity, SHK_SENSITIVITY_HOURLY_RATE, 5);
  g_assert_cmpfloat_with_epsilon (lower->value, 2566 * 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (higher->value, 2566 * 1.3, 1e-9);
  g_assert_cmpuint (lower->payback_year, ==, hand_payback_year (scenario, rate * 0.7, hours));
  g_assert_cmpuint (higher->payback_year, ==, hand_payback_year (scenario, rate * 1.3, hours));
  /* 7,292,059 a year at +30% covers 11,481,800 in year 3; 3,926,493 at
   * −30% needs until year 8. */
  g_assert_cmpuint (higher->payback_year, ==, 3);
  g_assert_cmpuint (lower->payback_year, ==, 8);
}

static void
test_rate_and_hours_agree (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  GListModel *scenarios = shk_plan_get_scenarios (plan);

  /* A saving is hours × rate: changing either by the same share gives the
   * same savings, so the same payback, in every scenario. */
  for (guint s = 0; s < g_list_model_get_n_items (scenarios); s++)
    {
      g_autoptr(ShkSensitivity) sensitivity =
        shk_scenario_compute_sensitivity (plan, builtin_scenario (document, s), NULL);

      g_assert_nonnull (sensitivity);
      for (guint i = 0; i < sensitivity->n_changes; i++)
        {
          const ShkSensitivityCell *rate = shk_sensitivity_get_cell (sensitivity, SHK_SENSITIVITY_HOURLY_RATE, i);
          const ShkSensitivityCell *hours = shk_sensitivity_get_cell (sensitivity, SHK_SENSITIVITY_HOURS_SAVED, i);

          /* (h × 1.3) × r and h × (r × 1.3) may round a yen apart. */
          g_assert_cmpuint (rate->payback_year, ==, hours->payback_year);
          g_assert_cmpint (ABS (rate->net_at_horizon - hours->net_at_horizon), <=, sensitivity->n_years);
        }
    }
}

static double
position (const ShkSensitivityCell *cell,
          guint                     n_years)
{
  return cell->payback_year > 0 ? cell->payback_point : n_years + 1.0;
}

static void
test_direction (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  g_autoptr(ShkSensitivity) s =
    shk_scenario_compute_sensitivity (plan, builtin_scenario (document, 1), NULL);

  /* Higher savings never pay back later; higher costs never sooner. */
  for (guint i = 1; i < s->n_changes; i++)
    {
      g_assert_cmpfloat (position (&s->cells[SHK_SENSITIVITY_HOURLY_RATE][i], s->n_years), <=,
                         position (&s->cells[SHK_SENSITIVITY_HOURLY_RATE][i - 1], s->n_years));
      g_assert_cmpfloat (position (&s->cells[SHK_SENSITIVITY_COSTS][i], s->n_years), >=,
                         position (&s->cells[SHK_SENSITIVITY_COSTS][i - 1], s->n_years));
    }
  /* The costs' total follows the change. */
  {
    double total = 0;

    for (guint y = 0; y < s->n_years; y++)
      total += shk_scenario_get_cost (builtin_scenario (document, 1), y);
    g_assert_cmpfloat_with_epsilon (s->cells[SHK_SENSITIVITY_COSTS][5].value, total * 1.3, 1e-3);
  }
}

static void
test_custom_changes_and_errors (void)
{
  double costs[3] = { 1000, 0, 0 };
  ShkPaybackParams params = {
    .n_years = 3, .hourly_rate = 10, .hours_saved = 50,
    .savings_start = 0, .first_year_months = 12, .discount_rate = 0, .costs = costs,
  };
  const double changes[] = { -0.5, 0.0, 1.0 };
  const double bad[] = { -1.0 };
  g_autoptr(ShkSensitivity) s = NULL;
  g_autoptr(GError) error = NULL;

  /* 500 a year against 1,000: year 2; half the rate: 250 a year, never
   * within 3 years; double: year 1. */
  s = shk_sensitivity_compute (&params, changes, G_N_ELEMENTS (changes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->base.payback_year, ==, 2);
  g_assert_cmpuint (s->cells[SHK_SENSITIVITY_HOURLY_RATE][0].payback_year, ==, 0);
  g_assert_cmpfloat (s->cells[SHK_SENSITIVITY_HOURLY_RATE][0].payback_point, <, 0);
  g_assert_cmpuint (s->cells[SHK_SENSITIVITY_HOURLY_RATE][1].payback_year, ==, 2);
  g_assert_cmpuint (s->cells[SHK_SENSITIVITY_HOURLY_RATE][2].payback_year, ==, 1);
  g_assert_cmpuint (s->cells[SHK_SENSITIVITY_COSTS][2].payback_year, ==, 0);
  g_assert_cmpuint (s->cells[SHK_SENSITIVITY_COSTS][0].payback_year, ==, 1);
  g_clear_pointer (&s, shk_sensitivity_free);

  s = shk_sensitivity_compute (&params, bad, G_N_ELEMENTS (bad), &error);
  g_assert_null (s);
  g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
  g_clear_error (&error);

  /* Invalid parameters: the engine's own message, naming the culprit. */
  params.hourly_rate = -1;
  s = shk_sensitivity_compute (&params, NULL, 0, &error);
  g_assert_null (s);
  g_assert_error (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Hourly rate"));
}

static void
test_formatting (void)
{
  const ShkSensitivityCell none = { .payback_year = 0, .payback_point = -1 };
  const ShkSensitivityCell four = { .payback_year = 4, .payback_point = 3.9, .payback_month = 11 };
  g_autofree char *minus = shk_sensitivity_format_change (-0.3);
  g_autofree char *plus = shk_sensitivity_format_change (0.1);
  g_autofree char *zero = shk_sensitivity_format_change (0);
  g_autofree char *none_text = shk_sensitivity_format_cell (&none);
  g_autofree char *four_text = shk_sensitivity_format_cell (&four);

  g_assert_cmpstr (minus, ==, "−30%");
  g_assert_cmpstr (plus, ==, "+10%");
  g_assert_cmpstr (zero, ==, "±0%");
  g_assert_cmpstr (none_text, ==, "None");
  g_assert_cmpstr (four_text, ==, "Year 4 (month 11)");
  g_assert_cmpstr (shk_sensitivity_factor_get_key (SHK_SENSITIVITY_HOURS_SAVED), ==, "hours_saved");
}

/* Counts pixels that differ from the top-left (background) pixel. */
static guint
count_ink (cairo_surface_t *surface)
{
  unsigned char *data;
  int stride, width, height;
  guint32 background;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  background = *(guint32 *) data;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (*(guint32 *) (data + y * stride + x * 4) != background)
        ink++;
  return ink;
}

static void
test_chart_draws (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  ShkScenario *scenario = builtin_scenario (document, 0);
  g_autoptr(ShkSensitivity) s = shk_scenario_compute_sensitivity (plan, scenario, NULL);
  const double sizes[][2] = { { 640, 360 }, { 1280, 720 }, { 300, 200 }, { 3840, 2160 } };

  for (guint style = SHK_CHART_STYLE_LIGHT; style <= SHK_CHART_STYLE_PRESENTATION; style++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        ShkSensitivityChart chart = {
          .style = style,
          .title = shk_scenario_get_name (scenario),
          .sensitivity = s,
        };
        cairo_surface_t *surface =
          cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) sizes[i][0], (int) sizes[i][1]);
        cairo_t *cr = cairo_create (surface);

        shk_sensitivity_chart_draw (cr, sizes[i][0], sizes[i][1], &chart);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        /* Bars, labels and the axis: a good share of the area is ink. */
        g_assert_cmpuint (count_ink (surface), >, sizes[i][0] * sizes[i][1] / 50);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  /* Nothing to show: an empty chart, no crash. */
  {
    ShkSensitivityChart chart = { .style = SHK_CHART_STYLE_DARK };
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
    cairo_t *cr = cairo_create (surface);
    g_autofree char *text = shk_sensitivity_chart_describe (&chart);

    shk_sensitivity_chart_draw (cr, 400, 300, &chart);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    g_assert_nonnull (strstr (text, "no scenario"));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_describe (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  g_autoptr(ShkSensitivity) s = shk_scenario_compute_sensitivity (plan, builtin_scenario (document, 0), NULL);
  ShkSensitivityChart chart = { .style = SHK_CHART_STYLE_LIGHT, .sensitivity = s };
  g_autofree char *text = shk_sensitivity_chart_describe (&chart);
  g_autofree char *base = shk_sensitivity_format_cell (&s->base);
  g_autofree char *expected = g_strdup_printf ("As entered: %s.", base);

  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, "Year 4"));
  g_assert_nonnull (strstr (text, "Hourly rate: −30% Year 8"));
  g_assert_nonnull (strstr (text, "+30% Year 3"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sensitivity/default-changes", test_default_changes);
  g_test_add_func ("/sensitivity/scenario-one-engine", test_scenario_one_against_engine);
  g_test_add_func ("/sensitivity/scenario-one-by-hand", test_scenario_one_by_hand);
  g_test_add_func ("/sensitivity/rate-and-hours-agree", test_rate_and_hours_agree);
  g_test_add_func ("/sensitivity/direction", test_direction);
  g_test_add_func ("/sensitivity/custom-and-errors", test_custom_changes_and_errors);
  g_test_add_func ("/sensitivity/formatting", test_formatting);
  g_test_add_func ("/sensitivity/chart", test_chart_draws);
  g_test_add_func ("/sensitivity/describe", test_describe);

  return g_test_run ();
}
