/* shk-cli-sensitivity.c — the sensitivity command: how a scenario's
 * payback moves when its hourly rate, hours saved or costs change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shk-sensitivity.h"

#include "shk-cli.h"

static char *
payback_text (ShkScenario              *scenario,
              const ShkSensitivityCell *cell)
{
  g_autofree char *text = shk_sensitivity_format_cell (cell);

  if (cell->payback_year == 0)
    return g_steal_pointer (&text);
  {
    g_autofree char *label = shk_scenario_dup_year_label (scenario, cell->payback_year - 1);

    /* “Year 4 (month 11), 4年目(R5)” */
    return g_strdup_printf ("%s, %s", text, label);
  }
}

/* Text: a row per change and a column per factor, which fits a terminal
 * better than seven columns of years. */
static void
print_text (ShkScenario          *scenario,
            const ShkSensitivity *s)
{
  g_autoptr(ShkCliTable) table = shk_cli_table_new (SHK_SENSITIVITY_N_FACTORS + 1);
  g_autofree char *base = payback_text (scenario, &s->base);
  g_autofree char *net = shk_cli_format_integer (s->base.net_at_horizon);
  g_autofree char *rendered = NULL;
  g_autofree char *intro = NULL;

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("Change"));
  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    shk_cli_table_add_cell (table, shk_sensitivity_factor_get_label (f));
  shk_cli_table_add_rule (table);

  for (guint i = 0; i <= s->n_changes; i++)
    {
      /* The base case between the decreases and the increases. */
      if ((i == s->n_changes || s->changes[i] > 0) && (i == 0 || s->changes[i - 1] < 0))
        {
          g_autofree char *cell = shk_sensitivity_format_cell (&s->base);

          shk_cli_table_add_row (table);
          shk_cli_table_add_cell (table, _("As entered"));
          for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
            shk_cli_table_add_cell (table, cell);
        }
      if (i == s->n_changes)
        break;

      shk_cli_table_add_row (table);
      shk_cli_table_take_cell (table, shk_sensitivity_format_change (s->changes[i]));
      for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
        shk_cli_table_take_cell (table, shk_sensitivity_format_cell (shk_sensitivity_get_cell (s, f, i)));
    }
  shk_cli_table_set_right_aligned (table, 0, TRUE);
  rendered = shk_cli_table_render (table);

  /* TRANSLATORS: “Payback as entered: Year 4 (month 11), 4年目(R5); net at the end: 12,163,373 yen.” */
  intro = g_strdup_printf (_("Payback as entered: %s; net at the end: %s yen."), base, net);

  shk_cli_print (shk_scenario_get_name (scenario));
  shk_cli_print ("\n");
  shk_cli_print (intro);
  shk_cli_print ("\n");
  shk_cli_print (_("Payback when one figure changes and the others stay as entered:"));
  shk_cli_print ("\n\n");
  shk_cli_print (rendered);
}

/* −30 rather than −0.29999999999999999: changes are whole percents. */
static double
percent (double change)
{
  return round (change * 1000.0) / 10.0;
}

static void
add_json_cell (JsonBuilder              *builder,
               const ShkSensitivityCell *cell,
               gboolean                  with_value)
{
  json_builder_begin_object (builder);
  shk_cli_json_add_number_member (builder, "change_percent", percent (cell->change));
  if (with_value)
    {
      shk_cli_json_add_number_member (builder, "value", cell->value);
    }
  json_builder_set_member_name (builder, "payback_year");
  if (cell->payback_year > 0)
    json_builder_add_int_value (builder, cell->payback_year);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "payback_month");
  if (cell->payback_year > 0)
    json_builder_add_int_value (builder, cell->payback_month);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "payback_point");
  if (cell->payback_year > 0)
    shk_cli_json_add_number (builder, cell->payback_point);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "net_at_horizon");
  json_builder_add_int_value (builder, cell->net_at_horizon);
  json_builder_end_object (builder);
}

static void
print_json (ShkScenario          *scenario,
            const ShkSensitivity *s)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, shk_scenario_get_name (scenario));
  json_builder_set_member_name (builder, "n_years");
  json_builder_add_int_value (builder, s->n_years);
  json_builder_set_member_name (builder, "base");
  add_json_cell (builder, &s->base, FALSE);

  json_builder_set_member_name (builder, "changes_percent");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->n_changes; i++)
    shk_cli_json_add_number (builder, percent (s->changes[i]));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "factors");
  json_builder_begin_array (builder);
  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "factor");
      json_builder_add_string_value (builder, shk_sensitivity_factor_get_key (f));
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, shk_sensitivity_factor_get_label (f));
      json_builder_set_member_name (builder, "cells");
      json_builder_begin_array (builder);
      for (guint i = 0; i < s->n_changes; i++)
        add_json_cell (builder, shk_sensitivity_get_cell (s, f, i), TRUE);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_sensitivity (int    argc,
                     char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *scenario_spec = NULL;
  const GOptionEntry entries[] = {
    { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario_spec,
      N_("The scenario: its number, counting from 1 in document order, or its exact name"),
      N_("N|NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkScenario) scenario = NULL;
  g_autoptr(ShkSensitivity) sensitivity = NULL;
  g_autoptr(GError) error = NULL;
  ShkCliFormat format;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --scenario N|NAME"),
                                        _("Shows how the payback year of a scenario moves when its "
                                          "hourly rate, its hours saved or its costs change by "
                                          "10, 20 or 30 percent either way, one at a time."),
                                        entries);
  if ((status = shk_cli_parse_file_options (context, &argc, &argv, &format_text,
                                            SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                            &format)) != SHK_CLI_EXIT_OK)
    return status;
  if (scenario_spec == NULL)
    return shk_cli_usage_error (argv[0], _("--scenario is required"));

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  scenario = shk_cli_find_scenario (argv[0], plan, scenario_spec, NULL);
  if (scenario == NULL)
    return SHK_CLI_EXIT_USAGE;

  sensitivity = shk_scenario_compute_sensitivity (plan, scenario, &error);
  if (sensitivity == NULL)
    {
      shk_cli_error ("%s: %s", shk_scenario_get_name (scenario), error->message);
      return SHK_CLI_EXIT_FAILURE;
    }

  if (format == SHK_CLI_FORMAT_JSON)
    print_json (scenario, sensitivity);
  else
    print_text (scenario, sensitivity);
  return SHK_CLI_EXIT_OK;
}
