/* shk-audit.c — the document checked against itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shk-audit.h"
#include "shk-category-table.h"
#include "shk-number.h"
#include "shk-ranking.h"
#include "shk-rules.h"

static const char * const kind_keys[SHK_N_FINDING_KINDS] = {
  "grade-departure", "printed-rate", "untraceable-category", "not-rated", "year-added",
};

const char *
shk_finding_kind_to_key (ShkFindingKind kind)
{
  g_return_val_if_fail (kind < SHK_N_FINDING_KINDS, NULL);
  return kind_keys[kind];
}

const char *
shk_finding_kind_get_label (ShkFindingKind kind)
{
  switch (kind)
    {
    case SHK_FINDING_GRADE_DEPARTURE:
      return _("Grade departs from its figures");
    case SHK_FINDING_PRINTED_RATE:
      return _("Printed rate differs from computed");
    case SHK_FINDING_UNTRACEABLE_CATEGORY:
      return _("Category total not traceable");
    case SHK_FINDING_NOT_RATED:
      return _("Cannot be rated");
    case SHK_FINDING_YEAR_ADDED:
      return _("Not counted: added later");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
finding_free (gpointer data)
{
  ShkFinding *finding = data;

  g_free (finding->evaluation);
  g_free (finding->year);
  g_free (finding->subject);
  g_free (finding->printed);
  g_free (finding->computed);
  g_free (finding->message);
  g_free (finding);
}

/* Takes @printed, @computed and @message. */
static ShkFinding *
add_finding (GPtrArray      *findings,
             ShkFindingKind  kind,
             guint           measure,
             char           *printed,
             char           *computed,
             char           *message)
{
  ShkFinding *finding = g_new0 (ShkFinding, 1);

  finding->kind = kind;
  finding->measure = measure;
  finding->printed = printed;
  finding->computed = computed;
  finding->message = message;
  g_ptr_array_add (findings, finding);
  return finding;
}

static char *
format_percent (double pct,
                guint  decimals)
{
  g_autofree char *number = shk_format_number_grouped (pct, (int) MIN (decimals, 6));

  return g_strdup_printf ("%s%%", number);
}

/* A name for an indicator in a sentence: its label, or its place. */
static char *
indicator_name (ShkIndicator *indicator,
                guint         index)
{
  const char *label = shk_indicator_get_label (indicator);

  if (label != NULL && *label != '\0')
    return g_strdup (label);
  return g_strdup_printf (_("indicator %u"), index + 1);
}

static void
audit_departures (ShkPlan   *plan,
                  GPtrArray *findings)
{
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);

  for (guint i = 0; i < departures->len; i++)
    {
      ShkDeparture *departure = g_ptr_array_index (departures, i);
      const ShkGradeInfo *info = &departure->info;
      const char *evaluation = shk_evaluation_get_id (departure->evaluation);
      guint number = shk_measure_get_number (departure->measure);
      g_autofree char *rate = format_percent (info->rate * 100.0, 1);
      ShkFinding *finding;
      char *message;

      message = g_strdup_printf (_("No.%u, %s: the handout gives %s, its figures compute %s (%s). %s"),
                                 number, evaluation,
                                 shk_grade_to_symbol (info->manual),
                                 shk_grade_to_symbol (info->computed), rate,
                                 info->reason != NULL ? info->reason : "");
      finding = add_finding (findings, SHK_FINDING_GRADE_DEPARTURE, number,
                             g_strdup (shk_grade_to_symbol (info->manual)),
                             g_strdup (shk_grade_to_symbol (info->computed)),
                             g_strstrip (message));
      finding->evaluation = g_strdup (evaluation);
    }
}

static void
audit_printed_rates (ShkPlan   *plan,
                     GPtrArray *findings)
{
  g_autoptr(GPtrArray) mismatches = shk_plan_list_printed_rate_mismatches (plan);

  for (guint i = 0; i < mismatches->len; i++)
    {
      ShkPrintedRateMismatch *mismatch = g_ptr_array_index (mismatches, i);
      guint number = shk_measure_get_number (mismatch->measure);
      g_autofree char *name = indicator_name (mismatch->indicator, mismatch->indicator_index);
      g_autofree char *printed = format_percent (mismatch->printed_pct, mismatch->decimals);
      char *computed = format_percent (mismatch->computed_pct, mismatch->decimals);
      double actual = 0, target = 0;
      g_autofree char *actual_text = NULL, *target_text = NULL;
      ShkFinding *finding;

      shk_indicator_get_actual (mismatch->indicator, mismatch->year, &actual);
      shk_indicator_get_target (mismatch->indicator, mismatch->year, &target);
      actual_text = shk_format_number (actual);
      target_text = shk_format_number (target);
      finding = add_finding (findings, SHK_FINDING_PRINTED_RATE, number,
                             g_strdup (printed), computed,
                             g_strdup_printf (_("No.%u %s, %s: printed %s, but actual %s and target %s give %s."),
                                              number, name, mismatch->year, printed,
                                              actual_text, target_text, computed));
      finding->year = g_strdup (mismatch->year);
      finding->subject = g_steal_pointer (&name);
    }
}

static char *
format_count_hours (int    count,
                    double hours)
{
  g_autofree char *text = shk_format_number (hours);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d process, %s h", "%d processes, %s h",
                                       (gulong) ABS (count)),
                          count, text);
}

static void
audit_categories (ShkPlan   *plan,
                  GPtrArray *findings)
{
  g_autoptr(ShkRanking) ranking = shk_ranking_new (shk_plan_get_survey (plan));
  g_autoptr(ShkCategoryTable) table = shk_category_table_new (plan, ranking);

  for (guint i = 0; i < table->rows->len; i++)
    {
      ShkCategoryRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *untraced = NULL;
      ShkFinding *finding;
      char *message;

      if (!shk_category_row_has_difference (row))
        continue;

      if (row->untraced_count >= 0 && row->untraced_hours >= 0)
        {
          untraced = format_count_hours (row->untraced_count, row->untraced_hours);
          message = g_strdup_printf (_("%s: %s of the published total cannot be traced to a listed process."),
                                     row->name, untraced);
        }
      else
        {
          untraced = format_count_hours (-row->untraced_count, -row->untraced_hours);
          message = g_strdup_printf (_("%s: the listed processes traced to it exceed the published total by %s."),
                                     row->name, untraced);
        }
      finding = add_finding (findings, SHK_FINDING_UNTRACEABLE_CATEGORY, 0,
                             format_count_hours ((int) row->published_count, row->published_hours),
                             format_count_hours ((int) row->traced_count, row->traced_hours),
                             message);
      finding->subject = g_strdup (row->name);
    }
}

static void
audit_measure_not_rated (ShkMeasure    *measure,
                         ShkEvaluation *evaluation,
                         GPtrArray     *findings)
{
  GListModel *indicators = shk_measure_get_indicators (measure);
  guint number = shk_measure_get_number (measure);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);
      ShkUnratedReason reason;
      g_autofree char *name = NULL;
      ShkFinding *finding;
      ShkGrade published;

      reason = shk_indicator_get_unrated_reason (indicator,
                                                 shk_evaluation_get_actual_year (evaluation),
                                                 shk_evaluation_get_target_year (evaluation));
      if (!shk_unrated_reason_is_rule (reason))
        continue;

      name = indicator_name (indicator, i);
      finding = add_finding (findings, SHK_FINDING_NOT_RATED, number,
                             shk_measure_get_published_grade (measure, shk_evaluation_get_id (evaluation), &published)
                               ? g_strdup (shk_grade_to_symbol (published)) : NULL,
                             NULL,
                             g_strdup_printf (_("No.%u %s, %s: not rated. %s"), number, name,
                                              shk_evaluation_get_id (evaluation),
                                              shk_unrated_reason_describe (reason)));
      finding->evaluation = g_strdup (shk_evaluation_get_id (evaluation));
      finding->subject = g_steal_pointer (&name);
    }
}

static void
audit_year_added (ShkPlan       *plan,
                  ShkMeasure    *measure,
                  ShkEvaluation *evaluation,
                  GPtrArray     *findings)
{
  guint number = shk_measure_get_number (measure);
  ShkFinding *finding;
  ShkGradeInfo info;

  if (!shk_measure_get_counted (measure) ||
      !shk_plan_measure_too_new_for (plan, measure, evaluation))
    return;

  /* Only where the rule changes a count: the measure has a grade there
   * that would otherwise have been counted. */
  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (info.effective == SHK_GRADE_NONE)
    return;

  finding = add_finding (findings, SHK_FINDING_YEAR_ADDED, number,
                         g_strdup (shk_grade_to_symbol (info.effective)),
                         NULL,
                         g_strdup_printf (_("No.%u, %s: graded %s but not counted, as it was added in %s; a measure counts only in evaluations after the year it was added."),
                                          number, shk_evaluation_get_id (evaluation),
                                          shk_grade_to_symbol (info.effective),
                                          shk_measure_get_year_added (measure)));
  finding->evaluation = g_strdup (shk_evaluation_get_id (evaluation));
  finding->year = g_strdup (shk_measure_get_year_added (measure));
}

/* Calls the per-measure checks of @kind for every measure and evaluation,
 * in measure order. */
static void
audit_measures (ShkPlan        *plan,
                ShkFindingKind  kind,
                GPtrArray      *findings)
{
  GListModel *measures = shk_plan_get_measures (plan);
  GListModel *evaluations = shk_plan_get_evaluations (plan);

  for (guint m = 0; m < g_list_model_get_n_items (measures); m++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, m);

      for (guint e = 0; e < g_list_model_get_n_items (evaluations); e++)
        {
          g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, e);

          if (kind == SHK_FINDING_NOT_RATED)
            audit_measure_not_rated (measure, evaluation, findings);
          else
            audit_year_added (plan, measure, evaluation, findings);
        }
    }
}

GPtrArray *
shk_audit_run (ShkPlan *plan)
{
  GPtrArray *findings;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  findings = g_ptr_array_new_with_free_func (finding_free);
  audit_departures (plan, findings);
  audit_printed_rates (plan, findings);
  audit_categories (plan, findings);
  audit_measures (plan, SHK_FINDING_NOT_RATED, findings);
  audit_measures (plan, SHK_FINDING_YEAR_ADDED, findings);
  return findings;
}
