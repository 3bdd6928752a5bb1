/* shk-format-reader-scenario.c — the payback scenarios read from the JSON tree
 *
 * A scenario's years, hours saved, cost items with their yearly amounts
 * and the start of the savings, each checked for the rules of
 * docs/file-format.md and built into the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "shk-format.h"
#include "shk-format-reader-private.h"

/* Scenarios --------------------------------------------------------- */

static void
read_string_element (Reader   *r,
                     JsonNode *element,
                     guint     index,
                     gpointer  user_data)
{
  GPtrArray *strings = user_data;
  const char *value = NULL;

  if (shk_reader_node_string (r, element, REQUIRED, &value))
    g_ptr_array_add (strings, g_strdup (value));
}

typedef struct
{
  GPtrArray *years;
  Uniques    seen;
} ScenarioYears;

static void
read_scenario_year (Reader   *r,
                    JsonNode *element,
                    guint     index,
                    gpointer  user_data)
{
  ScenarioYears *years = user_data;
  const char *id = NULL, *first = NULL;

  if (!shk_reader_node_id (r, element, REQUIRED, &id))
    return;
  if (!shk_reader_uniques_add (&years->seen, r, id, &first))
    {
      shk_reader_problem (r, _("%s: duplicate year \"%s\" (also %s)"), r->path->str, id, first);
      return;
    }
  g_ptr_array_add (years->years, g_strdup (id));
}

static void
read_amount (Reader   *r,
             JsonNode *element,
             guint     index,
             gpointer  user_data)
{
  ShkCostItem *item = user_data;
  double amount;

  if (index < shk_cost_item_get_n_years (item)
      && shk_reader_node_number (r, element, REQUIRED, NUMBER_ANY, &amount))
    shk_cost_item_set_amount (item, index, amount);
}

static const char * const cost_item_keys[] = { "name", "amounts", NULL };

static void
read_cost_item (Reader   *r,
                JsonNode *element,
                guint     index,
                gpointer  user_data)
{
  ShkScenario *scenario = user_data;
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkCostItem) item = NULL;
  guint n_years = shk_scenario_get_n_years (scenario);
  guint n_problems = r->n_problems;
  JsonArray *amounts;

  if (object == NULL)
    return;

  item = shk_cost_item_new (shk_reader_read_text (r, object, "name", OPTIONAL), n_years);
  amounts = shk_reader_read_array (r, object, "amounts", REQUIRED, read_amount, item);
  if (amounts != NULL && json_array_get_length (amounts) != n_years)
    shk_reader_problem (r,
             /* TRANSLATORS: "scenarios[0].cost_items[1].amounts: expected 8 amounts (one per year), found 7" */
             g_dngettext (GETTEXT_PACKAGE,
                          "%s.amounts: expected %u amount (one per year), found %u",
                          "%s.amounts: expected %u amounts (one per year), found %u",
                          n_years),
             r->path->str, n_years, json_array_get_length (amounts));

  shk_reader_keep_unknown (r, item, EXTRA_KEY, object, cost_item_keys);
  if (r->n_problems == n_problems)
    shk_scenario_append_cost_item (scenario, item);
}

static const char * const scenario_keys[] = {
  "name", "description", "processes", "years", "hourly_rate", "hours_saved",
  "savings_start", "first_year_months", "discount_rate", "cost_items", NULL
};

/* Returns FALSE when the years are missing or wrong, so that nothing that
 * depends on them is checked. */
static gboolean
read_scenario_years (Reader      *r,
                     JsonObject  *object,
                     ShkScenario *scenario)
{
  ScenarioYears years;
  JsonArray *array;
  guint n_problems = r->n_problems;
  gboolean ok;

  years.years = g_ptr_array_new_with_free_func (g_free);
  shk_reader_uniques_init (&years.seen);
  array = shk_reader_read_array (r, object, "years", REQUIRED, read_scenario_year, &years);
  ok = array != NULL && r->n_problems == n_problems;
  if (array != NULL
      && (json_array_get_length (array) < 1
          || json_array_get_length (array) > MAX_SCENARIO_YEARS))
    {
      /* TRANSLATORS: "scenarios[0].years: expected from 1 to 60 years, found 0" */
      shk_reader_problem (r, _("%s.years: expected from 1 to %u years, found %u"),
               r->path->str, MAX_SCENARIO_YEARS, json_array_get_length (array));
      ok = FALSE;
    }
  if (ok)
    {
      g_ptr_array_add (years.years, NULL);
      shk_scenario_set_years (scenario, (const char * const *) years.years->pdata);
    }
  shk_reader_uniques_clear (&years.seen);
  g_ptr_array_unref (years.years);
  return ok;
}

static void
read_savings_start (Reader      *r,
                    JsonObject  *object,
                    ShkScenario *scenario)
{
  const char * const *years = shk_scenario_get_years (scenario);
  const char *start = NULL;

  shk_scenario_set_savings_start (scenario, 0);
  if (!shk_reader_read_string (r, object, "savings_start", OPTIONAL, &start))
    return;

  for (guint i = 0; years[i] != NULL; i++)
    if (g_str_equal (years[i], start))
      {
        shk_scenario_set_savings_start (scenario, i);
        return;
      }
  /* TRANSLATORS: "scenarios[0].savings_start: "R1" is not one of the scenario's years" */
  shk_reader_problem (r, _("%s.savings_start: \"%s\" is not one of the scenario's years"),
           r->path->str, start);
}

void
shk_reader_read_scenario (Reader   *r,
               JsonNode *element,
               guint     index,
               gpointer  user_data)
{
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(ShkScenario) scenario = NULL;
  g_autoptr(GPtrArray) processes = NULL;
  const char *description = NULL;
  double rate = 0, hours = 0, discount = 0;
  guint months = 12;
  guint n_problems = r->n_problems;

  if (object == NULL)
    return;

  scenario = shk_scenario_new (shk_reader_read_text (r, object, "name", OPTIONAL));
  shk_reader_read_string (r, object, "description", OPTIONAL, &description);
  shk_scenario_set_description (scenario, description);

  processes = g_ptr_array_new_with_free_func (g_free);
  shk_reader_read_array (r, object, "processes", OPTIONAL, read_string_element, processes);
  g_ptr_array_add (processes, NULL);
  shk_scenario_set_process_ids (scenario, (const char * const *) processes->pdata);

  shk_reader_read_number (r, object, "hourly_rate", REQUIRED, NUMBER_NON_NEGATIVE, &rate);
  shk_scenario_set_hourly_rate (scenario, rate);
  if (shk_reader_read_number (r, object, "hours_saved", OPTIONAL, NUMBER_NON_NEGATIVE, &hours))
    shk_scenario_set_hours_saved (scenario, hours);
  else
    shk_scenario_unset_hours_saved (scenario);
  shk_reader_read_uint (r, object, "first_year_months", OPTIONAL, INTEGER_MONTHS, &months);
  shk_scenario_set_first_year_months (scenario, months);
  shk_reader_read_number (r, object, "discount_rate", OPTIONAL, NUMBER_FRACTION, &discount);
  shk_scenario_set_discount_rate (scenario, discount);

  if (read_scenario_years (r, object, scenario))
    {
      read_savings_start (r, object, scenario);
      shk_reader_read_array (r, object, "cost_items", OPTIONAL, read_cost_item, scenario);
    }

  shk_reader_keep_unknown (r, scenario, EXTRA_KEY, object, scenario_keys);
  if (r->n_problems == n_problems)
    shk_plan_append_scenario (r->plan, scenario);
}

