/* shk-plan-successor.c — start the next plan from this one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "shk-format.h"
#include "shk-plan-successor.h"

/* 平成 1 is 1989, 令和 1 is 2019 (平成31 and 令和元 are both 2019; a
 * range is counted in Gregorian years and named in 令和 from 2019). */
#define HEISEI_OFFSET 1988
#define REIWA_OFFSET  2018

static gboolean
year_from_id (const char *id,
              guint      *year)
{
  guint64 number;
  char *end;

  if (id == NULL || (id[0] != 'H' && id[0] != 'R') || !g_ascii_isdigit (id[1]))
    return FALSE;
  number = g_ascii_strtoull (id + 1, &end, 10);
  if (*end != '\0' || number < 1 || number > 999)
    return FALSE;
  if (id[0] == 'H' && number > 31)
    return FALSE;
  *year = (guint) number + (id[0] == 'H' ? HEISEI_OFFSET : REIWA_OFFSET);
  return TRUE;
}

static char *
id_from_year (guint year)
{
  if (year > REIWA_OFFSET)
    return g_strdup_printf ("R%u", year - REIWA_OFFSET);
  return g_strdup_printf ("H%u", year - HEISEI_OFFSET);
}

GStrv
shk_successor_year_ids (const char  *first,
                        const char  *last,
                        GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint from, to;

  if (!year_from_id (first, &from) || !year_from_id (last, &to))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a range of fiscal years such as R4-R8"),
                   !year_from_id (first, &from) ? first : last);
      return NULL;
    }
  if (to < from)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the plan period ends (%s) before it starts (%s)"), last, first);
      return NULL;
    }
  if (to - from >= 30)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("a plan period of %u years is too long; at most 30"), to - from + 1);
      return NULL;
    }
  for (guint year = from; year <= to; year++)
    {
      g_autofree char *id = id_from_year (year);

      g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

GStrv
shk_successor_parse_years (const char  *text,
                           GError     **error)
{
  const char *separators[] = { "..", "-", "–", "〜", "～", "~" };
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto(GStrv) parts = g_strsplit (stripped, separators[i], 2);

      if (g_strv_length (parts) == 2)
        return shk_successor_year_ids (g_strstrip (parts[0]), g_strstrip (parts[1]), error);
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a range of fiscal years such as R4-R8"), stripped);
  return NULL;
}

char *
shk_successor_year_label (const char *year_id)
{
  guint year;

  if (!year_from_id (year_id, &year))
    return g_strdup (year_id);
  if (year_id[0] == 'R' && year == REIWA_OFFSET + 1)
    return g_strdup ("令和元年度");
  return g_strdup_printf ("%s%u年度", year_id[0] == 'R' ? "令和" : "平成",
                          year - (year_id[0] == 'R' ? REIWA_OFFSET : HEISEI_OFFSET));
}

static gboolean
chosen (GArray *numbers,
        guint   number)
{
  if (numbers == NULL)
    return TRUE;
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, guint, i) == number)
      return TRUE;
  return FALSE;
}

/* The last year, in the old plan's order, with an actual. */
static void
carry_baseline (ShkPlan      *plan,
                ShkIndicator *from,
                ShkIndicator *to)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);

  for (guint i = g_list_model_get_n_items (years); i > 0; i--)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i - 1);
      double value;

      if (shk_indicator_get_actual (from, shk_fiscal_year_get_id (year), &value))
        {
          shk_indicator_set_baseline (to, shk_fiscal_year_get_id (year), value);
          return;
        }
    }
}

static ShkMeasure *
carry_measure (ShkPlan    *plan,
               ShkMeasure *from)
{
  ShkMeasure *to = shk_measure_new (shk_measure_get_number (from));
  GListModel *indicators = shk_measure_get_indicators (from);

  shk_measure_set_policy_number (to, shk_measure_get_policy_number (from));
  shk_measure_set_index_in_policy (to, shk_measure_get_index_in_policy (from));
  shk_measure_set_name (to, shk_measure_get_name (from));
  shk_measure_set_purpose (to, shk_measure_get_purpose (from));
  shk_measure_set_bureau (to, shk_measure_get_bureau (from));
  shk_measure_set_section (to, shk_measure_get_section (from));
  shk_measure_set_expected_effect (to, shk_measure_get_expected_effect (from));
  shk_measure_set_for_citizens (to, shk_measure_get_for_citizens (from));
  shk_measure_set_for_internal (to, shk_measure_get_for_internal (from));
  /* The year's actions and next year's plan, the published and manual
   * grades and the notes on the old figures all belong to the old plan. */

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(ShkIndicator) old = g_list_model_get_item (indicators, i);
      g_autoptr(ShkIndicator) indicator = shk_indicator_new ();

      shk_indicator_set_label (indicator, shk_indicator_get_label (old));
      shk_indicator_set_unit (indicator, shk_indicator_get_unit (old));
      shk_indicator_set_note (indicator, shk_indicator_get_note (old));
      shk_indicator_set_direction (indicator, shk_indicator_get_direction (old));
      carry_baseline (plan, old, indicator);
      shk_measure_append_indicator (to, indicator);
    }
  return to;
}

static void
add_years (ShkPlan *next,
           GStrv    ids)
{
  guint n = g_strv_length (ids);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = shk_successor_year_label (ids[i]);
      g_autoptr(ShkFiscalYear) year = shk_fiscal_year_new (ids[i], label);

      shk_plan_append_fiscal_year (next, year);
    }

  /* As in the handouts: each year's actual against the final year's
   * target, the final year's being its progress. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkEvaluation) evaluation = shk_evaluation_new (ids[i], ids[n - 1]);

      shk_evaluation_set_label (evaluation, i == n - 1 ? "進捗状況" : "達成状況");
      shk_plan_append_evaluation (next, evaluation);
    }
}

ShkPlan *
shk_plan_successor_new (ShkPlan                   *plan,
                        const ShkSuccessorOptions *options,
                        GError                   **error)
{
  g_autoptr(ShkPlan) next = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *title = NULL;
  GListModel *policies, *measures;
  guint n_measures = 0;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  ids = shk_successor_parse_years (options->years, error);
  if (ids == NULL)
    return NULL;

  next = shk_plan_new ();
  title = options->title != NULL && options->title[0] != '\0'
    ? g_strdup (options->title)
    /* TRANSLATORS: the title of a plan started from another, e.g.
     * “第四次鹿児島市地域情報化計画の次期計画” */
    : g_strdup_printf (_("Next plan after %s"), shk_plan_get_title (plan));
  shk_plan_set_title (next, title);
  shk_plan_set_organisation (next, shk_plan_get_organisation (plan));
  shk_plan_set_previous_plan (next, shk_plan_get_title (plan));
  shk_plan_set_thresholds (next, shk_plan_get_achieved_threshold (plan),
                           shk_plan_get_mostly_threshold (plan));
  add_years (next, ids);

  policies = shk_plan_get_policies (plan);
  for (guint i = 0; i < g_list_model_get_n_items (policies); i++)
    {
      g_autoptr(ShkPolicy) policy = g_list_model_get_item (policies, i);

      if (chosen (options->policies, shk_policy_get_number (policy)))
        {
          g_autoptr(ShkPolicy) copy = shk_policy_new (shk_policy_get_number (policy),
                                                      shk_policy_get_name (policy));

          shk_plan_append_policy (next, copy);
        }
    }

  measures = shk_plan_get_measures (plan);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      g_autoptr(ShkMeasure) copy = NULL;
      guint policy = shk_measure_get_policy_number (measure);

      if (!chosen (options->measures, shk_measure_get_number (measure)) ||
          (policy != 0 && !chosen (options->policies, policy)))
        continue;
      copy = carry_measure (plan, measure);
      shk_plan_append_measure (next, copy);
      n_measures++;
    }

  if (n_measures == 0 && g_list_model_get_n_items (measures) > 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("none of the chosen measures is in the plan"));
      return NULL;
    }
  return g_steal_pointer (&next);
}
