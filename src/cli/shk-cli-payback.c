/* shk-cli-payback.c — the payback command: a scenario's costs, savings
 * and payback year, laid out like the handouts' tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shk-payback.h"

#include "shk-cli.h"

typedef struct
{
  ShkPlan                *plan;
  ShkScenario            *scenario;
  const ShkPaybackResult *result;
  gboolean                discounted;  /* the scenario discounts */
} PaybackReport;

static const char *
year_id (const PaybackReport *report,
         guint                index)
{
  const char * const *years = shk_scenario_get_years (report->scenario);

  return years != NULL && index < g_strv_length ((char **) years) ? years[index] : "";
}

/* JSON and CSV are read by programs, so their year labels are the
 * handouts' own (“4年目(R5)”) whatever the locale; the text table shows the
 * translated label (“Year 4 (R5)” in English). */
static char *
dup_data_year_label (const PaybackReport *report,
                     guint                index)
{
  return g_strdup_printf ("%u年目(%s)", index + 1, year_id (report, index));
}

/* Text */

static void
add_money_row (ShkCliTable   *table,
               const char    *label,
               const gint64  *values,
               guint          n)
{
  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, label);
  for (guint i = 0; i < n; i++)
    shk_cli_table_take_cell (table, shk_cli_format_integer (values[i]));
}

static void
add_discounted_row (ShkCliTable  *table,
                    const char   *label,
                    const double *values,
                    guint         n)
{
  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, label);
  for (guint i = 0; i < n; i++)
    shk_cli_table_take_cell (table, shk_cli_format_integer ((gint64) llround (values[i])));
}

static char *
describe_payback (const PaybackReport *report)
{
  const ShkPaybackResult *result = report->result;
  g_autofree char *net = shk_cli_format_integer (result->net_at_horizon);

  if (result->payback_year == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Not recovered within %u year (net at the end: %s yen).",
                                         "Not recovered within %u years (net at the end: %s yen).",
                                         result->n_years),
                            result->n_years, net);
  else
    {
      g_autofree char *label = shk_scenario_dup_year_label (report->scenario,
                                                            result->payback_year - 1);

      /* TRANSLATORS: “Recovered in year 4 (month 3), 4年目(R5); net at the end: 12,163,373 yen.” */
      return g_strdup_printf (_("Recovered in year %u (month %u), %s; net at the end: %s yen."),
                              result->payback_year, result->payback_month, label, net);
    }
}

static char *
describe_parameters (const PaybackReport *report)
{
  ShkScenario *scenario = report->scenario;
  g_autofree char *rate = shk_cli_format_number (shk_scenario_get_hourly_rate (scenario));
  g_autofree char *hours = shk_cli_format_number (shk_plan_get_scenario_hours_saved (report->plan,
                                                                                     scenario));
  guint start = shk_scenario_get_savings_start (scenario);
  g_autofree char *start_label = shk_scenario_dup_year_label (scenario, start);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          /* TRANSLATORS: “Hourly rate: 2566 yen; hours saved: 2186 a year; savings from 2年目(R3), 8 months in that year.” */
                          _("Hourly rate: %s yen; hours saved: %s a year; savings from %s, %u months in that year."),
                          rate, hours, start_label, shk_scenario_get_first_year_months (scenario));
  if (report->discounted)
    {
      g_autofree char *percent = shk_cli_format_number (shk_scenario_get_discount_rate (scenario) * 100.0);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Discount rate: %s%% a year."), percent);
      if (report->result->discounted_payback_year > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Discounted, recovered in year %u."),
                                  report->result->discounted_payback_year);
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("Discounted, not recovered within the horizon."));
        }
    }

  return g_string_free (text, FALSE);
}

static void
print_payback_text (const PaybackReport *report)
{
  const ShkPaybackResult *result = report->result;
  g_autoptr(ShkCliTable) table = shk_cli_table_new (result->n_years + 1);
  g_autofree char *rendered = NULL;
  g_autofree char *payback = NULL;
  g_autofree char *parameters = NULL;
  const char *description = shk_scenario_get_description (report->scenario);

  for (guint i = 0; i < result->n_years; i++)
    shk_cli_table_set_right_aligned (table, i + 1, TRUE);

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("(yen)"));
  for (guint i = 0; i < result->n_years; i++)
    shk_cli_table_take_cell (table, shk_scenario_dup_year_label (report->scenario, i));
  shk_cli_table_add_rule (table);

  add_money_row (table, _("Cost"), result->cost, result->n_years);
  add_money_row (table, _("Savings"), result->saving, result->n_years);
  add_money_row (table, _("Cumulative cost"), result->cumulative_cost, result->n_years);
  add_money_row (table, _("Cumulative savings"), result->cumulative_saving, result->n_years);
  add_money_row (table, _("Net"), result->net, result->n_years);
  if (report->discounted)
    {
      add_discounted_row (table, _("Discounted cumulative cost"),
                          result->discounted_cumulative_cost, result->n_years);
      add_discounted_row (table, _("Discounted cumulative savings"),
                          result->discounted_cumulative_saving, result->n_years);
    }

  rendered = shk_cli_table_render (table);
  payback = describe_payback (report);
  parameters = describe_parameters (report);

  shk_cli_print (shk_scenario_get_name (report->scenario));
  shk_cli_print ("\n");
  if (description != NULL && description[0] != '\0')
    {
      shk_cli_print (description);
      shk_cli_print ("\n");
    }
  shk_cli_print ("\n");
  shk_cli_print (rendered);
  shk_cli_print ("\n");
  shk_cli_print (payback);
  shk_cli_print ("\n");
  shk_cli_print (parameters);
  shk_cli_print ("\n");
}

/* CSV: a record per year, which is what a spreadsheet wants. */

static void
add_csv_integer (ShkCliCsv *csv,
                 gint64     value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  shk_cli_csv_add_field (csv, text);
}

static void
print_payback_csv (const PaybackReport *report)
{
  const ShkPaybackResult *result = report->result;
  ShkCliCsv csv;

  shk_cli_csv_init (&csv);
  shk_cli_csv_add_field (&csv, "year");
  shk_cli_csv_add_field (&csv, "fiscal_year");
  shk_cli_csv_add_field (&csv, "cost");
  shk_cli_csv_add_field (&csv, "savings");
  shk_cli_csv_add_field (&csv, "cumulative_cost");
  shk_cli_csv_add_field (&csv, "cumulative_savings");
  shk_cli_csv_add_field (&csv, "net");
  if (report->discounted)
    {
      shk_cli_csv_add_field (&csv, "discounted_cumulative_cost");
      shk_cli_csv_add_field (&csv, "discounted_cumulative_savings");
    }
  shk_cli_csv_end_record (&csv);

  for (guint i = 0; i < result->n_years; i++)
    {
      g_autofree char *label = dup_data_year_label (report, i);

      shk_cli_csv_add_field (&csv, label);
      shk_cli_csv_add_field (&csv, year_id (report, i));
      add_csv_integer (&csv, result->cost[i]);
      add_csv_integer (&csv, result->saving[i]);
      add_csv_integer (&csv, result->cumulative_cost[i]);
      add_csv_integer (&csv, result->cumulative_saving[i]);
      add_csv_integer (&csv, result->net[i]);
      if (report->discounted)
        {
          g_autofree char *cost = shk_cli_format_number (result->discounted_cumulative_cost[i]);
          g_autofree char *saving = shk_cli_format_number (result->discounted_cumulative_saving[i]);

          shk_cli_csv_add_field (&csv, cost);
          shk_cli_csv_add_field (&csv, saving);
        }
      shk_cli_csv_end_record (&csv);
    }

  shk_cli_print (csv.text->str);
  shk_cli_csv_clear (&csv);
}

/* JSON */

static void
add_json_integers (JsonBuilder  *builder,
                   const char   *member,
                   const gint64 *values,
                   guint         n)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_json_doubles (JsonBuilder  *builder,
                  const char   *member,
                  const double *values,
                  guint         n)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    shk_cli_json_add_number (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_json_payback (JsonBuilder *builder,
                  const char  *year_member,
                  guint        year,
                  const char  *point_member,
                  double       point)
{
  json_builder_set_member_name (builder, year_member);
  if (year > 0)
    json_builder_add_int_value (builder, year);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, point_member);
  if (year > 0 && point >= 0.0)
    shk_cli_json_add_number (builder, point);
  else
    json_builder_add_null_value (builder);
}

static void
print_payback_json (const PaybackReport *report)
{
  const ShkPaybackResult *result = report->result;
  ShkScenario *scenario = report->scenario;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  double hours;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, shk_scenario_get_name (scenario));

  json_builder_set_member_name (builder, "years");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->n_years; i++)
    {
      g_autofree char *label = dup_data_year_label (report, i);

      json_builder_add_string_value (builder, label);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "fiscal_years");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->n_years; i++)
    json_builder_add_string_value (builder, year_id (report, i));
  json_builder_end_array (builder);

  add_json_integers (builder, "cost", result->cost, result->n_years);
  add_json_integers (builder, "savings", result->saving, result->n_years);
  add_json_integers (builder, "cumulative_cost", result->cumulative_cost, result->n_years);
  add_json_integers (builder, "cumulative_savings", result->cumulative_saving, result->n_years);
  add_json_integers (builder, "net", result->net, result->n_years);

  add_json_payback (builder, "payback_year", result->payback_year,
                    "payback_point", result->payback_point);
  json_builder_set_member_name (builder, "payback_month");
  if (result->payback_year > 0 && result->payback_month > 0)
    json_builder_add_int_value (builder, result->payback_month);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "net_at_horizon");
  json_builder_add_int_value (builder, result->net_at_horizon);

  shk_cli_json_add_number_member (builder, "hourly_rate", shk_scenario_get_hourly_rate (scenario));
  shk_cli_json_add_number_member (builder, "hours_saved",
                                  shk_plan_get_scenario_hours_saved (report->plan, scenario));
  json_builder_set_member_name (builder, "hours_saved_entered");
  json_builder_add_boolean_value (builder, shk_scenario_get_hours_saved (scenario, &hours));
  json_builder_set_member_name (builder, "savings_start");
  json_builder_add_string_value (builder, year_id (report, shk_scenario_get_savings_start (scenario)));
  json_builder_set_member_name (builder, "first_year_months");
  json_builder_add_int_value (builder, shk_scenario_get_first_year_months (scenario));
  shk_cli_json_add_number_member (builder, "discount_rate",
                                  shk_scenario_get_discount_rate (scenario));

  if (report->discounted)
    {
      add_json_doubles (builder, "discounted_cumulative_cost",
                        result->discounted_cumulative_cost, result->n_years);
      add_json_doubles (builder, "discounted_cumulative_savings",
                        result->discounted_cumulative_saving, result->n_years);
      add_json_payback (builder, "discounted_payback_year", result->discounted_payback_year,
                        "discounted_payback_point", result->discounted_payback_point);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_payback (int    argc,
                 char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *scenario_spec = NULL;
  const GOptionEntry entries[] = {
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario_spec,
      N_("The scenario: its number, counting from 1 in document order, or its exact name"),
      N_("N|NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkScenario) scenario = NULL;
  g_autoptr(ShkPaybackResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PaybackReport report;
  ShkCliFormat format;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --scenario N|NAME"),
                                        _("Computes a cost-benefit scenario year by year: costs, "
                                          "savings, their running totals and the net, and the year "
                                          "and month in which the savings recover the costs."),
                                        entries);
  if ((status = shk_cli_parse_file_options (context, &argc, &argv, &format_text,
                                            SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_CSV | SHK_CLI_FORMAT_JSON,
                                            &format)) != SHK_CLI_EXIT_OK)
    return status;
  if (scenario_spec == NULL)
    return shk_cli_usage_error (argv[0], _("--scenario is required"));

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  scenario = shk_cli_find_scenario (argv[0], plan, scenario_spec, NULL);
  if (scenario == NULL)
    return SHK_CLI_EXIT_USAGE;

  result = shk_scenario_compute_payback (plan, scenario, &error);
  if (result == NULL)
    {
      shk_cli_error ("%s: %s", shk_scenario_get_name (scenario), error->message);
      return SHK_CLI_EXIT_FAILURE;
    }

  report = (PaybackReport) {
    .plan = plan,
    .scenario = scenario,
    .result = result,
    .discounted = shk_scenario_get_discount_rate (scenario) > 0.0,
  };
  switch (format)
    {
    case SHK_CLI_FORMAT_CSV:
      print_payback_csv (&report);
      break;
    case SHK_CLI_FORMAT_JSON:
      print_payback_json (&report);
      break;
    case SHK_CLI_FORMAT_TEXT:
    default:
      print_payback_text (&report);
      break;
    }
  return SHK_CLI_EXIT_OK;
}
