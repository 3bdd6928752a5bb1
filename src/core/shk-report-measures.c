/* shk-report-measures.c — the handout's sections on the measures: the grade
 * summary, the measures achieved and lagging, and every measure's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-report-private.h"

/* ------------------------------------------------------------------ */
/* 1. Grade summary                                                    */

static char *
grade_name (ShkGrade grade)
{
  /* TRANSLATORS: a grade's symbol and its label, e.g. “◎ Fully achieved” */
  return g_strdup_printf (_("%s %s"), shk_grade_to_symbol (grade), shk_grade_get_label (grade));
}

static ShkPageTable *
summary_table (ShkReport *self)
{
  static const ShkGrade grades[] = {
    SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
  };
  ShkPageTable *table = shk_page_table_new (_("Grade summary"));
  gboolean any_not_evaluated = FALSE;
  ShkPageRow *row;

  table->compact = TRUE;
  table->figure_em = 7;
  shk_page_table_add_text_column (table, _("Grade"), 10, 1, 2);
  for (guint c = 0; c < self->summary->n_columns; c++)
    {
      g_autofree char *heading = shk_report_evaluation_heading (self->summary->columns[c].evaluation);

      shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_RIGHT);
      any_not_evaluated |= self->summary->columns[c].count[SHK_GRADE_NONE] > 0;
    }

  for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
    {
      g_autofree char *name = grade_name (grades[g]);

      row = shk_page_table_add_row (table, 1);
      shk_page_row_set_text (row, 0, 0, name);
      for (guint c = 0; c < self->summary->n_columns; c++)
        {
          const ShkSummaryColumn *column = &self->summary->columns[c];
          g_autofree char *share = shk_report_format_share (shk_summary_column_share (column, grades[g]));

          shk_page_row_take_markup (row, c + 1, 0,
                           g_markup_printf_escaped ("<b>%u</b> (%s)", column->count[grades[g]], share));
        }
    }

  row = shk_page_table_add_row (table, 1);
  row->shaded = TRUE;
  shk_page_row_set_text (row, 0, 0, _("Total counted"));
  for (guint c = 0; c < self->summary->n_columns; c++)
    shk_page_row_take_markup (row, c + 1, 0,
                     g_markup_printf_escaped ("<b>%u</b>", self->summary->columns[c].counted));

  if (any_not_evaluated)
    {
      row = shk_page_table_add_row (table, 1);
      shk_page_row_set_text (row, 0, 0, _("Not evaluated"));
      for (guint c = 0; c < self->summary->n_columns; c++)
        shk_page_row_take_markup (row, c + 1, 0,
                         g_strdup_printf ("%u", self->summary->columns[c].count[SHK_GRADE_NONE]));
    }
  return table;
}

static void
add_grade_legend (ShkReport *self,
                  ShkPlan   *plan)
{
  double achieved = shk_plan_get_achieved_threshold (plan);
  double mostly = shk_plan_get_mostly_threshold (plan);
  g_autofree char *a = grade_name (SHK_GRADE_ACHIEVED);
  g_autofree char *m = grade_name (SHK_GRADE_MOSTLY);
  g_autofree char *l = grade_name (SHK_GRADE_LAGGING);
  g_autofree char *p = grade_name (SHK_GRADE_PENDING);
  g_autofree char *la = g_strdup_printf (_("the rate is %g%% or more"), achieved);
  g_autofree char *lm = g_strdup_printf (_("the rate is %g%% or more and below %g%%"),
                                         mostly, achieved);
  g_autofree char *ll = g_strdup_printf (_("the rate is below %g%%"), mostly);
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("<b>%s</b>  %s\n<b>%s</b>  %s\n<b>%s</b>  %s\n<b>%s</b>  %s\n"
                                    "<span foreground='#66666e'>%s</span>",
                                    a, la, m, lm, l, ll, p,
                                    _("no budget yet, not yet in operation, or under consideration"),
                                    _("An achievement rate is a year’s actual ÷ the final year’s "
                                      "target; a progress rate is a year’s actual ÷ the same "
                                      "year’s target; where lower is better, target ÷ actual. A "
                                      "measure with several indicators takes its lowest rate. "
                                      "Measures without a target are judged by the office from "
                                      "what was done."));
  shk_page_flow_add_paragraph (self->flow, markup, 0.95);
}

void
shk_report_add_summary_section (ShkReport *self,
                                ShkPlan   *plan)
{
  const char *organisation = shk_plan_get_organisation (plan);
  const char *reporting = shk_plan_get_reporting_year (plan);
  g_autofree char *title = g_markup_escape_text (self->title, -1);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  shk_page_flow_add_title (self->flow, title);
  if (organisation != NULL && *organisation != '\0')
    g_string_append (subtitle, organisation);
  if (reporting != NULL && *reporting != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Progress as of the end of %s"),
                              shk_report_year_label (plan, reporting));
    }
  if (subtitle->len > 0)
    {
      g_autofree char *markup = shk_report_muted_markup (subtitle->str);

      shk_page_flow_add_paragraph (self->flow, markup, 1.25);
    }

  shk_page_flow_add_heading (self->flow, _("1. Grade summary"));
  shk_page_flow_add_chart (self->flow, CHART_SUMMARY, 0, 0.36);
  shk_page_flow_add_table (self->flow, summary_table (self));
  add_grade_legend (self, plan);
}

/* ------------------------------------------------------------------ */
/* 2. Measures fully achieved, 3. measures lagging                    */

static ShkPageTable *
achieved_table (ShkReport     *self,
                ShkPlan       *plan,
                GPtrArray     *measures,
                ShkEvaluation *evaluation,
                ShkEvaluation *previous)
{
  g_autofree char *rate_heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (evaluation));
  g_autofree char *previous_heading = previous != NULL ? shk_report_evaluation_heading (previous) : NULL;
  ShkPageTable *table = shk_page_table_new (_("Measures fully achieved"));

  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 14, 3, 2);
  shk_page_table_add_figure_column (table, rate_heading, SHK_PAGE_ALIGN_RIGHT);
  if (previous != NULL)
    shk_page_table_add_figure_column (table, previous_heading, SHK_PAGE_ALIGN_CENTER);
  shk_page_table_add_text_column (table, _("Grounds where there is no rate"), 12, 2, 3);

  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      guint c = 0;
      ShkGradeInfo info;

      shk_plan_grade_measure (plan, measure, evaluation, &info);
      shk_page_row_take_markup (row, c++, 0, g_strdup_printf ("%u", shk_measure_get_number (measure)));
      shk_page_row_set_text (row, c++, 0, shk_measure_get_name (measure));
      shk_page_row_take_markup (row, c++, 0, shk_report_measure_rate_markup (plan, measure, evaluation));
      if (previous != NULL)
        {
          ShkGrade before = shk_plan_get_effective_grade (plan, measure, previous);

          shk_page_row_take_markup (row, c++, 0, shk_report_grade_markup (plan, measure, previous));
          /* Newly achieved, as the handouts list them. */
          row->shaded = before != SHK_GRADE_ACHIEVED;
        }
      /* Where there is no rate, the reason for the office's grade. */
      if (info.has_manual && info.reason != NULL && *info.reason != '\0')
        shk_page_row_set_text (row, c, 0, info.reason);
      else if (!info.has_rate)
        shk_page_row_set_text (row, c, 0, _("Judged by the office"));
    }
  return table;
}

void
shk_report_add_achieved_section (ShkReport     *self,
                                 ShkPlan       *plan,
                                 ShkEvaluation *evaluation)
{
  g_autoptr(GPtrArray) measures = shk_plan_list_measures_with_grade (plan, evaluation,
                                                                     SHK_GRADE_ACHIEVED, TRUE);
  ShkEvaluation *previous = shk_report_previous_evaluation (plan, evaluation);
  g_autofree char *heading = NULL;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "2. Measures fully achieved (◎) in %s: %u measure",
                                          "2. Measures fully achieved (◎) in %s: %u measures",
                                          measures->len),
                             shk_evaluation_get_id (evaluation), measures->len);
  shk_page_flow_add_page_break (self->flow);
  shk_page_flow_add_heading (self->flow, heading);
  if (measures->len == 0)
    {
      shk_page_flow_add_text (self->flow, _("No measure is fully achieved."));
      return;
    }
  if (previous != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("Shaded rows were not fully achieved in %s: "
                                                 "they reached ◎ this year."),
                                               shk_evaluation_get_id (previous));
      g_autofree char *markup = shk_report_muted_markup (note);

      shk_page_flow_add_paragraph (self->flow, markup, 0.95);
    }
  shk_page_flow_add_table (self->flow, achieved_table (self, plan, measures, evaluation, previous));
}

/* What the committee wants to know of a lagging measure: the office's
 * reason when it judged the grade, else what was done this year. (The
 * measure's notes are the office's own working notes: not for print.) */
static char *
measure_remarks (ShkPlan       *plan,
                 ShkMeasure    *measure,
                 ShkEvaluation *evaluation)
{
  ShkGradeInfo info;

  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (info.has_manual && info.reason != NULL && *info.reason != '\0')
    return g_strdup (info.reason);
  return g_strdup (shk_measure_get_actions (measure));
}

static void
add_lagging_rows (ShkPageTable  *table,
                  ShkPlan       *plan,
                  GPtrArray     *measures,
                  GPtrArray     *evaluations,
                  ShkEvaluation *evaluation)
{
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autofree char *notes = measure_remarks (plan, measure, evaluation);
      guint c = 0;

      shk_page_row_take_markup (row, c++, 0, g_strdup_printf ("%u", shk_measure_get_number (measure)));
      shk_page_row_set_text (row, c++, 0, shk_measure_get_name (measure));
      for (guint e = 0; e < evaluations->len; e++)
        shk_page_row_take_markup (row, c++, 0, shk_report_grade_markup (plan, measure, g_ptr_array_index (evaluations, e)));
      shk_page_row_take_markup (row, c++, 0, shk_report_measure_rate_markup (plan, measure, evaluation));
      shk_page_row_set_text (row, c, 0, notes);
    }
}

void
shk_report_add_lagging_section (ShkReport     *self,
                                ShkPlan       *plan,
                                ShkEvaluation *evaluation)
{
  g_autoptr(GPtrArray) measures = shk_plan_list_measures_with_grade (plan, evaluation,
                                                                     SHK_GRADE_LAGGING, TRUE);
  g_autoptr(GPtrArray) evaluations = shk_report_list_to_array (shk_plan_get_evaluations (plan));
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GPtrArray) only = g_ptr_array_new ();
  ShkEvaluation *progress = shk_report_progress_evaluation (plan);
  g_autofree char *heading = NULL;
  g_autofree char *rate_heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (evaluation));
  ShkPageTable *table;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "3. Measures not really achieved (△) in %s: %u measure",
                                          "3. Measures not really achieved (△) in %s: %u measures",
                                          measures->len),
                             shk_evaluation_get_id (evaluation), measures->len);
  shk_page_flow_add_heading (self->flow, heading);
  if (measures->len == 0)
    {
      shk_page_flow_add_text (self->flow, _("No measure is lagging."));
      return;
    }

  table = shk_page_table_new (_("Measures not really achieved"));
  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 12, 4, 3);
  for (guint e = 0; e < evaluations->len; e++)
    {
      g_autofree char *grade_heading = shk_report_evaluation_heading (g_ptr_array_index (evaluations, e));

      shk_page_table_add_figure_column (table, grade_heading, SHK_PAGE_ALIGN_CENTER);
    }
  shk_page_table_add_figure_column (table, rate_heading, SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Actions and remarks"), 12, 5, 3);

  /* As the handouts do: first those lagging in this year's progress too,
   * then those on track this year but short of the final target. */
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);

      if (progress != NULL &&
          shk_plan_get_effective_grade (plan, measure, progress) != SHK_GRADE_LAGGING)
        g_ptr_array_add (only, measure);
      else
        g_ptr_array_add (both, measure);
    }

  if (progress != NULL && both->len > 0 && only->len > 0)
    {
      g_autofree char *first = g_strdup_printf (_("△ in both %s and %s (%u)"),
                                                shk_evaluation_get_id (evaluation),
                                                shk_evaluation_get_id (progress), both->len);
      g_autofree char *second = g_strdup_printf (_("△ in %s, but on track in %s (%u)"),
                                                 shk_evaluation_get_id (evaluation),
                                                 shk_evaluation_get_id (progress), only->len);

      shk_page_table_add_group (table, first);
      add_lagging_rows (table, plan, both, evaluations, evaluation);
      shk_page_table_add_group (table, second);
      add_lagging_rows (table, plan, only, evaluations, evaluation);
    }
  else
    add_lagging_rows (table, plan, measures, evaluations, evaluation);

  shk_page_flow_add_table (self->flow, table);
}

/* ------------------------------------------------------------------ */
/* 4. Every measure                                                    */

static char *
value_markup (ShkIndicator *indicator,
              const char   *year_id)
{
  double target, actual;
  gboolean has_target = shk_indicator_get_target (indicator, year_id, &target);
  gboolean has_actual = shk_indicator_get_actual (indicator, year_id, &actual);
  g_autofree char *target_text = has_target ? shk_format_number (target) : g_strdup ("–");
  g_autofree char *actual_text = has_actual ? shk_format_number (actual) : g_strdup ("–");

  if (!has_target && !has_actual)
    return NULL;
  /* The target above in grey, the actual below it in bold: the figure the
   * committee reads first. */
  return g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>\n<b>%s</b>",
                                  target_text, actual_text);
}

static char *
indicator_markup (ShkIndicator *indicator)
{
  const char *label = shk_indicator_get_label (indicator);
  const char *unit = shk_indicator_get_unit (indicator);

  if (unit != NULL && *unit != '\0')
    return g_markup_printf_escaped ("%s <span foreground='#66666e'>(%s)</span>",
                                    label != NULL && *label != '\0' ? label : "", unit);
  return g_markup_escape_text (label != NULL ? label : "", -1);
}

static char *
indicator_rate_markup (ShkIndicator  *indicator,
                       ShkEvaluation *evaluation)
{
  double rate;
  g_autofree char *text = NULL;

  if (evaluation == NULL ||
      !shk_indicator_compute_rate (indicator, shk_evaluation_get_actual_year (evaluation),
                                   shk_evaluation_get_target_year (evaluation), &rate))
    return NULL;
  text = shk_report_format_rate (rate);
  return g_markup_escape_text (text, -1);
}

static char *
measure_name_markup (ShkPlan    *plan,
                     ShkMeasure *measure)
{
  const char *added = shk_measure_get_year_added (measure);
  const char *section = shk_measure_get_section (measure);
  g_autoptr(GString) note = g_string_new (NULL);

  if (section != NULL && *section != '\0')
    g_string_append (note, section);
  if (added != NULL && *added != '\0')
    {
      if (note->len > 0)
        g_string_append (note, " · ");
      g_string_append_printf (note, _("added in %s"), added);
    }
  if (note->len == 0)
    return g_markup_escape_text (shk_measure_get_name (measure), -1);
  return g_markup_printf_escaped ("%s\n<span size='85%%' foreground='#66666e'>%s</span>",
                                  shk_measure_get_name (measure), note->str);
}

static void
add_measure_row (ShkPageTable  *table,
                 ShkPlan       *plan,
                 ShkMeasure    *measure,
                 GPtrArray     *years,
                 GPtrArray     *evaluations,
                 ShkEvaluation *progress,
                 ShkEvaluation *reporting)
{
  GListModel *indicators = shk_measure_get_indicators (measure);
  guint n = g_list_model_get_n_items (indicators);
  ShkPageRow *row = shk_page_table_add_row (table, n);
  guint c = 0;

  shk_page_row_take_markup (row, c++, 0, g_strdup_printf ("%u", shk_measure_get_number (measure)));
  shk_page_row_take_markup (row, c++, 0, measure_name_markup (plan, measure));

  if (n == 0)
    {
      ShkGradeInfo info;

      shk_plan_grade_measure (plan, measure, reporting, &info);
      shk_page_row_take_markup (row, c, 0, shk_report_muted_markup (info.reason != NULL && *info.reason != '\0'
                                                ? info.reason : _("No indicator")));
    }
  for (guint s = 0; s < n; s++)
    {
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, s);
      guint k = c;

      gboolean any_value = FALSE;

      shk_page_row_take_markup (row, k++, s, indicator_markup (indicator));
      k++;   /* the Target/Actual labels, once there are figures to label */
      for (guint y = 0; y < years->len; y++)
        {
          char *values = value_markup (indicator, shk_fiscal_year_get_id (g_ptr_array_index (years, y)));

          any_value |= values != NULL;
          shk_page_row_take_markup (row, k++, s, values);
        }
      if (any_value)
        shk_page_row_take_markup (row, c + 1, s,
                         g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>\n<b>%s</b>",
                                                  _("Target"), _("Actual")));
      if (progress != NULL)
        shk_page_row_take_markup (row, k++, s, indicator_rate_markup (indicator, progress));
      shk_page_row_take_markup (row, k++, s, indicator_rate_markup (indicator, reporting));
    }

  c += 2 + years->len + (progress != NULL ? 1 : 0) + 1;
  for (guint e = 0; e < evaluations->len; e++)
    shk_page_row_take_markup (row, c++, 0, shk_report_grade_markup (plan, measure, g_ptr_array_index (evaluations, e)));
}

static ShkPageTable *
measures_table (ShkPlan       *plan,
                ShkEvaluation *reporting)
{
  g_autoptr(GPtrArray) years = shk_report_list_to_array (shk_plan_get_fiscal_years (plan));
  g_autoptr(GPtrArray) evaluations = shk_report_list_to_array (shk_plan_get_evaluations (plan));
  g_autoptr(GPtrArray) measures = shk_report_list_to_array (shk_plan_get_measures (plan));
  ShkEvaluation *progress = shk_report_progress_evaluation (plan);
  ShkPageTable *table = shk_page_table_new (_("Every measure"));
  guint policy = G_MAXUINT;

  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 9, 3, 4);
  shk_page_table_add_text_column (table, _("Indicator"), 8, 3, 3)->per_sub = TRUE;
  shk_page_table_add_figure_column (table, "", SHK_PAGE_ALIGN_LEFT)->per_sub = TRUE;
  for (guint y = 0; y < years->len; y++)
    shk_page_table_add_figure_column (table, shk_fiscal_year_get_id (g_ptr_array_index (years, y)),
                       SHK_PAGE_ALIGN_RIGHT)->per_sub = TRUE;
  if (progress != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (progress));

      shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_RIGHT)->per_sub = TRUE;
    }
  {
    g_autofree char *heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (reporting));

    shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_RIGHT)->per_sub = TRUE;
  }
  for (guint e = 0; e < evaluations->len; e++)
    {
      g_autofree char *heading = shk_report_evaluation_heading (g_ptr_array_index (evaluations, e));

      shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_CENTER);
    }

  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);

      /* A group row where a new policy (施策) starts. */
      if (shk_measure_get_policy_number (measure) != policy)
        {
          ShkPolicy *found;

          policy = shk_measure_get_policy_number (measure);
          found = shk_plan_find_policy (plan, policy);
          if (found != NULL)
            {
              g_autofree char *text = g_strdup_printf (_("Policy %u: %s"), policy,
                                                       shk_policy_get_name (found));

              shk_page_table_add_group (table, text);
            }
        }
      add_measure_row (table, plan, measure, years, evaluations, progress, reporting);
    }
  return table;
}

void
shk_report_add_measures_section (ShkReport     *self,
                                 ShkPlan       *plan,
                                 ShkEvaluation *reporting)
{
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);
  g_autofree char *note = NULL;
  g_autofree char *markup = NULL;

  shk_page_flow_add_page_break (self->flow);
  shk_page_flow_add_heading (self->flow, _("4. Progress of every measure"));
  note = g_strdup_printf (_("For each year, the target is above and the actual below it. The "
                            "rates are of %s. Grades marked * are the office’s judgement where it "
                            "departs from the figures (%u)."),
                          shk_evaluation_get_id (reporting), departures->len);
  markup = shk_report_muted_markup (note);
  shk_page_flow_add_paragraph (self->flow, markup, 0.95);
  shk_page_flow_add_table (self->flow, measures_table (plan, reporting));
}
