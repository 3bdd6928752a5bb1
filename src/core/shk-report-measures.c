/* shk-report-measures.c — the handout's sections on the measures: the grade
 * summary (資料1-1 (1)) and every measure's figures and grades ((6)); the
 * lists between them are in shk-report-lists.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-report-private.h"
#include "shk-shares.h"

/* ------------------------------------------------------------------ */
/* (1) Achievement status                                            */

static char *
grade_name (ShkGrade grade)
{
  /* TRANSLATORS: a grade's symbol and its label, e.g. “◎ Fully achieved” */
  return g_strdup_printf (_("%s %s"), shk_grade_to_symbol (grade), shk_grade_get_label (grade));
}

static const ShkGrade grades[] = {
  SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
};

/* Each column's shares in tenths of a percent, adding up to 100.0 %. */
static void
column_shares (const ShkSummaryColumn *column,
               guint64                *units)
{
  guint counts[G_N_ELEMENTS (grades)];

  for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
    counts[g] = column->count[grades[g]];
  shk_shares_round (counts, G_N_ELEMENTS (grades), 1, units);
}

static ShkPageTable *
summary_table (ShkReport *self)
{
  ShkPageTable *table = shk_page_table_new (_("Grade summary"));
  g_autofree guint64 *units = g_new0 (guint64, (self->summary->n_columns + 1) * G_N_ELEMENTS (grades));
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
      column_shares (&self->summary->columns[c], units + c * G_N_ELEMENTS (grades));
    }

  for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
    {
      g_autofree char *name = grade_name (grades[g]);

      row = shk_page_table_add_row (table, 1);
      shk_page_row_set_text (row, 0, 0, name);
      for (guint c = 0; c < self->summary->n_columns; c++)
        {
          const ShkSummaryColumn *column = &self->summary->columns[c];
          g_autofree char *share = shk_shares_format (units[c * G_N_ELEMENTS (grades) + g], 1);

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

/* The footnote the handout owes where a share is not its quotient
 * rounded alone (R2/R3 －: 3 ÷ 54 = 5.56 %, printed 5.5 %). */
static void
add_shares_footnote (ShkReport *self)
{
  g_autoptr(GString) cells = g_string_new (NULL);
  g_autofree char *note = NULL;

  for (guint c = 0; c < self->summary->n_columns; c++)
    {
      const ShkSummaryColumn *column = &self->summary->columns[c];
      guint64 units[G_N_ELEMENTS (grades)];

      column_shares (column, units);
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        {
          guint count = column->count[grades[g]];
          g_autofree char *shown = NULL;

          if (!shk_shares_departs_from_rounding (count, column->counted, 1, units[g]))
            continue;
          shown = shk_shares_format (units[g], 1);
          if (cells->len > 0)
            g_string_append (cells, _(", "));
          /* TRANSLATORS: one share in the rounding footnote: evaluation,
           * grade, count ÷ total = exact share, the share shown */
          g_string_append_printf (cells, _("%s %s: %u ÷ %u = %.2f%%, shown as %s"),
                                  shk_evaluation_get_id (column->evaluation),
                                  shk_grade_to_symbol (grades[g]), count, column->counted,
                                  100.0 * count / column->counted, shown);
        }
    }
  if (cells->len == 0)
    return;
  note = g_strdup_printf (_("The shares of each column are rounded by the largest remainder, so that "
                            "they add up to exactly 100.0%% as in the handout (%s)."),
                          cells->str);
  shk_report_add_footnote (self, note);
}

/* The handout's footnote on No.31 and No.51: graded, yet left out of the
 * counts because they were added during the plan. */
static void
add_not_counted_footnote (ShkReport     *self,
                          ShkPlan       *plan,
                          ShkEvaluation *evaluation)
{
  GListModel *measures = shk_plan_get_measures (plan);
  g_autoptr(GString) names = g_string_new (NULL);
  const char *year = NULL;
  gboolean one_year = TRUE;
  g_autofree char *note = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      ShkGrade grade = shk_plan_get_effective_grade (plan, measure, evaluation);
      const char *added = shk_measure_get_year_added (measure);

      if (grade == SHK_GRADE_NONE || shk_plan_measure_counts_in (plan, measure, evaluation))
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      /* TRANSLATORS: a measure in a footnote: its number, name and grade */
      g_string_append_printf (names, _("No.%u (%s, %s)"), shk_measure_get_number (measure),
                              shk_measure_get_name (measure), shk_grade_to_symbol (grade));
      one_year &= added != NULL && (year == NULL || g_str_equal (year, added));
      year = added;
    }
  if (names->len == 0)
    return;
  if (one_year && year != NULL)
    note = g_strdup_printf (_("%s were added in %s: they are not counted in the achievement status."),
                            names->str, shk_report_year_label (plan, year));
  else
    note = g_strdup_printf (_("%s are not counted in the achievement status: they were added during "
                              "the plan or left out by the office."), names->str);
  shk_report_add_footnote (self, note);
}

void
shk_report_add_summary_section (ShkReport *self,
                                ShkPlan   *plan)
{
  ShkEvaluation *reporting = shk_plan_get_reporting_evaluation (plan);
  const char *year = shk_plan_get_reporting_year (plan);

  if (year != NULL && *year != '\0')
    {
      g_autofree char *heading = g_strdup_printf (_("Achievement status (end of %s)"),
                                                  shk_report_year_label (plan, year));

      shk_report_set_heading (self, heading);
    }
  shk_page_flow_add_chart (self->flow, CHART_SUMMARY, 0, 0.31);
  shk_page_flow_add_table (self->flow, summary_table (self));
  add_grade_legend (self, plan);
  add_shares_footnote (self);
  if (reporting != NULL)
    add_not_counted_footnote (self, plan, reporting);
}

/* ------------------------------------------------------------------ */
/* (6) Every measure                                                 */

static char *
value_markup (ShkIndicator *indicator,
              const char   *year_id)
{
  double target, actual;
  gboolean has_target = shk_indicator_get_target (indicator, year_id, &target);
  gboolean has_actual = shk_indicator_get_actual (indicator, year_id, &actual);
  /* Each figure as typed: No.22's target 40.789 kVA is not 40.79. */
  g_autofree char *target_text = has_target ? shk_report_format_figure (target) : g_strdup ("–");
  g_autofree char *actual_text = has_actual ? shk_report_format_figure (actual) : g_strdup ("–");

  if (!has_target && !has_actual)
    return NULL;
  /* The target above in grey, the actual below it in bold: the figure the
   * committee reads first. */
  return g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>\n<b>%s</b>",
                                  target_text, actual_text);
}

/* The indicator's label and unit. Where the handout prints no label
 * (Nos. 15–17 have only 「(か所)」), its note says what is counted. */
static char *
indicator_markup (ShkIndicator *indicator)
{
  const char *label = shk_indicator_get_label (indicator);
  const char *unit = shk_indicator_get_unit (indicator);
  const char *note = shk_indicator_get_note (indicator);
  g_autofree char *text = NULL;

  if (label != NULL && *label != '\0')
    text = g_markup_escape_text (label, -1);
  else if (note != NULL && *note != '\0')
    text = g_markup_printf_escaped ("<span foreground='#66666e'>%s</span>", note);
  else
    text = g_strdup ("");

  if (unit != NULL && *unit != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (unit, -1);

      /* @text is markup already: only the unit is escaped. */
      return g_strdup_printf ("%s <span foreground='#66666e'>(%s)</span>", text, escaped);
    }
  return g_steal_pointer (&text);
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
  /* Indicator labels wrap in full: cut with 「…」 (No.5, No.14) they lost
   * what is counted. The cap only guards against a runaway text. */
  shk_page_table_add_text_column (table, _("Indicator"), 10, 4, 12)->per_sub = TRUE;
  shk_page_table_add_figure_column (table, "", SHK_PAGE_ALIGN_LEFT)->per_sub = TRUE;
  for (guint y = 0; y < years->len; y++)
    shk_page_table_add_figure_column (table, shk_fiscal_year_get_id (g_ptr_array_index (years, y)),
                       SHK_PAGE_ALIGN_RIGHT)->per_sub = TRUE;
  /* "Progress rate" over "R2/R2": two lines that never break the id. */
  if (progress != NULL)
    {
      g_autofree char *heading = g_strdup_printf ("%s\n%s", _("Progress rate"),
                                                  shk_evaluation_get_id (progress));

      shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_RIGHT)->per_sub = TRUE;
    }
  {
    g_autofree char *heading = g_strdup_printf ("%s\n%s", _("Achievement rate"),
                                                shk_evaluation_get_id (reporting));

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
      /* Grey, as the handout marks the measures added during the plan. */
      if (shk_measure_get_year_added (measure) != NULL && *shk_measure_get_year_added (measure) != '\0')
        ((ShkPageRow *) g_ptr_array_index (table->rows, table->rows->len - 1))->fill = &added_fill;
    }
  return table;
}

void
shk_report_add_measures_section (ShkReport *self,
                                 ShkPlan   *plan)
{
  ShkEvaluation *reporting = shk_plan_get_reporting_evaluation (plan);
  g_autoptr(GPtrArray) departures = shk_plan_list_departures (plan);
  g_autofree char *note = NULL;
  g_autofree char *markup = NULL;

  if (reporting == NULL)
    {
      shk_page_flow_add_text (self->flow, _("The plan has no evaluation yet."));
      return;
    }
  note = g_strdup_printf (_("For each year, the target is above and the actual below it. Grades "
                            "marked ＊ are the office’s judgement where it departs from the figures "
                            "(%u)."), departures->len);
  markup = shk_report_muted_markup (note);
  shk_page_flow_add_paragraph (self->flow, markup, 0.95);
  shk_page_flow_add_table (self->flow, measures_table (plan, reporting));
  shk_report_add_footnote (self, _("Rows with a grey background are measures added during the plan."));
  add_not_counted_footnote (self, plan, reporting);
}
