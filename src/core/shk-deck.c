/* shk-deck.c — what each slide of the committee's deck says
 *
 * Every figure is computed here from the plan by the same rules, ranking
 * and payback engine as the window and the handout; the charts are drawn
 * by the same renderers, in the presentation style. shk-deck-package.c
 * turns the slides into the .pptx file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shk-breakdown-chart.h"
#include "shk-deck-private.h"
#include "shk-citizen-survey.h"
#include "shk-survey-chart.h"
#include "shk-evaluation.h"
#include "shk-measure.h"
#include "shk-number.h"
#include "shk-pareto-chart.h"
#include "shk-payback-series.h"
#include "shk-rules.h"
#include "shk-safe-save.h"
#include "shk-summary-chart.h"

G_DEFINE_QUARK (shk-deck-error-quark, shk_deck_error)

/* The chart's size in points matches the slide's picture area (12.3 ×
 * 5.9 in), drawn at twice the pixels for projectors and zooming. */
#define CHART_WIDTH  1200.0
#define CHART_HEIGHT 579.0
#define CHART_SCALE  2.0
/* Rows of a table slide beside its heading row; longer lists continue
 * on the next slide. */
#define TABLE_ROWS   10
/* The Pareto threshold line, as the handouts read it. */
#define PARETO_THRESHOLD 0.8

static const char * const slide_names[] = {
  "title", "summary", "achieved", "lagging", "pareto", "breakdown", "scenarios", "comparison",
  "survey",
};

ShkDeckSlide *
shk_deck_slide_new (const char *title)
{
  ShkDeckSlide *slide = g_new0 (ShkDeckSlide, 1);

  slide->title = g_strdup (title);
  slide->notes = g_ptr_array_new_with_free_func (g_free);
  return slide;
}

void
shk_deck_slide_free (ShkDeckSlide *slide)
{
  if (slide == NULL)
    return;
  g_free (slide->title);
  g_free (slide->subtitle);
  g_clear_pointer (&slide->picture, g_bytes_unref);
  g_free (slide->picture_name);
  g_free (slide->picture_descr);
  g_clear_pointer (&slide->cells, g_ptr_array_unref);
  g_free (slide->column_weights);
  g_free (slide->table_descr);
  g_ptr_array_unref (slide->notes);
  g_free (slide);
}

static void
slide_add_note (ShkDeckSlide *slide,
                char         *note)
{
  g_ptr_array_add (slide->notes, note);
}

static gboolean
slide_set_chart (ShkDeckSlide     *slide,
                 const char       *name,
                 char             *description,
                 ShkChartDrawFunc  draw,
                 gconstpointer     chart,
                 GError          **error)
{
  ShkChartExportInfo info = { .title = slide->title, .description = description };

  slide->picture = shk_chart_render_png (CHART_WIDTH, CHART_HEIGHT, CHART_SCALE, &info,
                                         draw, (gpointer) chart, error);
  slide->picture_width = (guint) (CHART_WIDTH * CHART_SCALE);
  slide->picture_height = (guint) (CHART_HEIGHT * CHART_SCALE);
  slide->picture_name = g_strdup (name);
  slide->picture_descr = description;
  /* The description opens the notes: what the picture shows, in words. */
  slide_add_note (slide, g_strdup (description));
  return slide->picture != NULL;
}

static void
slide_set_table (ShkDeckSlide        *slide,
                 const char * const  *headings,
                 const double        *weights,
                 guint                n_columns,
                 const char          *description)
{
  slide->n_columns = n_columns;
  slide->cells = g_ptr_array_new_with_free_func (g_free);
  slide->column_weights = g_memdup2 (weights, n_columns * sizeof (double));
  slide->table_descr = g_strdup (description);
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (slide->cells, g_strdup (headings[c]));
}

static char *
format_share (double share)
{
  return g_strdup_printf ("%.1f%%", share * 100.0);
}

static char *
format_yen (double amount)
{
  g_autofree char *number = shk_format_number (ABS (amount));

  return g_strdup_printf ("%s¥%s", amount < 0 ? "−" : "", number);
}

static GPtrArray *
list_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/* ------------------------------------------------------------------ */
/* The title slide                                                     */

static ShkDeckSlide *
title_slide (ShkPlan *plan)
{
  const char *title = shk_plan_get_title (plan);
  ShkDeckSlide *slide = shk_deck_slide_new (title != NULL && *title != '\0' ? title
                                                                            : _("Plan progress"));
  ShkEvaluation *evaluation = shk_plan_get_reporting_evaluation (plan);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint n_measures = g_list_model_get_n_items (shk_plan_get_measures (plan));

  if (shk_plan_get_organisation (plan) != NULL)
    g_string_append (subtitle, shk_plan_get_organisation (plan));
  if (evaluation != NULL)
    {
      const char *label = shk_evaluation_get_label (evaluation);

      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle, _("Evaluation %s %s"), shk_evaluation_get_id (evaluation),
                              label != NULL ? label : "");
    }
  slide->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);

  slide_add_note (slide, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "The plan has %u measure.",
                                                       "The plan has %u measures.", n_measures),
                                          n_measures));
  if (shk_plan_get_reporting_year (plan) != NULL)
    slide_add_note (slide, g_strdup_printf (_("Reporting year: %s."),
                                            shk_plan_get_reporting_year (plan)));
  return slide;
}

/* ------------------------------------------------------------------ */
/* The measures                                                        */

static void
draw_summary (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  shk_summary_chart_draw (cr, width, height, user_data);
}

static ShkDeckSlide *
summary_slide (ShkPlan  *plan,
               GError  **error)
{
  static const ShkGrade grades[] = {
    SHK_GRADE_ACHIEVED, SHK_GRADE_MOSTLY, SHK_GRADE_LAGGING, SHK_GRADE_PENDING,
  };
  g_autoptr(ShkSummary) summary = shk_summary_new_for_plan (plan);
  g_autoptr(ShkDeckSlide) slide = shk_deck_slide_new (_("Grade summary"));
  ShkSummaryChart chart = {
    .style = SHK_CHART_STYLE_PRESENTATION,
    .summary = summary,
  };

  if (!slide_set_chart (slide, _("Grade summary"), shk_summary_chart_describe (&chart),
                        draw_summary, &chart, error))
    return NULL;

  for (guint c = 0; c < summary->n_columns; c++)
    {
      const ShkSummaryColumn *column = &summary->columns[c];
      g_autoptr(GString) line = g_string_new (shk_evaluation_get_id (column->evaluation));

      g_string_append (line, ": ");
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        {
          g_autofree char *share = format_share (shk_summary_column_share (column, grades[g]));

          g_string_append_printf (line, "%s %u (%s)  ", shk_grade_to_symbol (grades[g]),
                                  column->count[grades[g]], share);
        }
      g_string_append_printf (line, _("of %u counted"), column->counted);
      slide_add_note (slide, g_string_free (g_steal_pointer (&line), FALSE));
    }
  return g_steal_pointer (&slide);
}

static char *
measure_rate_text (ShkPlan       *plan,
                   ShkMeasure    *measure,
                   ShkEvaluation *evaluation)
{
  ShkGradeInfo info;

  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (!info.has_rate)
    /* TRANSLATORS: in the rate column, for a grade the office judged */
    return g_strdup (_("judged"));
  return format_share (info.rate);
}

/* The measures of @grade, TABLE_ROWS to a slide: No., name, rate. */
static void
add_measure_list_slides (GPtrArray     *slides,
                         ShkPlan       *plan,
                         ShkGrade       grade,
                         const char    *title)
{
  ShkEvaluation *evaluation = shk_plan_get_reporting_evaluation (plan);
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *rate_heading = NULL;
  const double weights[] = { 1.0, 9.0, 2.0 };
  guint n_pages;

  if (evaluation == NULL)
    return;
  measures = shk_plan_list_measures_with_grade (plan, evaluation, grade, TRUE);
  rate_heading = g_strdup_printf (_("Rate %s"), shk_evaluation_get_id (evaluation));
  n_pages = MAX (1, (measures->len + TABLE_ROWS - 1) / TABLE_ROWS);

  for (guint page = 0; page < n_pages; page++)
    {
      const char *headings[] = { _("No."), _("Measure"), rate_heading };
      g_autofree char *page_title = NULL;
      g_autofree char *description = NULL;
      ShkDeckSlide *slide;

      page_title = n_pages == 1
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s): %u measure",
                                        "%s (%s): %u measures", measures->len),
                           title, shk_evaluation_get_id (evaluation), measures->len)
        /* TRANSLATORS: a list's title, its evaluation, its count and the page, e.g. “… (2/3)” */
        : g_strdup_printf (_("%s (%s): %u measures (%u/%u)"), title,
                           shk_evaluation_get_id (evaluation), measures->len, page + 1, n_pages);
      description = g_strdup_printf (_("A table of the measures, with their number, name and "
                                       "rate in %s."), shk_evaluation_get_id (evaluation));
      slide = shk_deck_slide_new (page_title);
      slide_set_table (slide, headings, weights, G_N_ELEMENTS (weights), description);
      for (guint i = page * TABLE_ROWS; i < MIN (measures->len, (page + 1) * TABLE_ROWS); i++)
        {
          ShkMeasure *measure = g_ptr_array_index (measures, i);
          char *rate = measure_rate_text (plan, measure, evaluation);

          g_ptr_array_add (slide->cells, g_strdup_printf ("%u", shk_measure_get_number (measure)));
          g_ptr_array_add (slide->cells, g_strdup (shk_measure_get_name (measure)));
          g_ptr_array_add (slide->cells, rate);
          slide_add_note (slide, g_strdup_printf ("No.%u %s: %s", shk_measure_get_number (measure),
                                                  shk_measure_get_name (measure), rate));
        }
      if (measures->len == 0)
        slide_add_note (slide, g_strdup (_("No measure has this grade.")));
      g_ptr_array_add (slides, slide);
    }
}

/* ------------------------------------------------------------------ */
/* The AI/RPA survey                                                   */

static void
draw_pareto (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  shk_pareto_chart_draw (cr, width, height, user_data);
}

static void
draw_breakdown (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  user_data)
{
  shk_breakdown_chart_draw (cr, width, height, user_data);
}

static ShkDeckSlide *
pareto_slide (const ShkRanking  *ranking,
              const char        *title,
              GError           **error)
{
  g_autoptr(ShkDeckSlide) slide = shk_deck_slide_new (title);
  ShkParetoChart chart = {
    .style = SHK_CHART_STYLE_PRESENTATION,
    .ranking = ranking,
    .threshold = PARETO_THRESHOLD,
  };

  if (!slide_set_chart (slide, _("Pareto chart"), shk_pareto_chart_describe (&chart),
                        draw_pareto, &chart, error))
    return NULL;
  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const ShkRankedProcess *ranked = &ranking->processes[i];
      g_autofree char *hours = shk_format_number (ranked->hours);
      g_autofree char *cumulative = format_share (ranked->cumulative_share);

      /* TRANSLATORS: rank, process, hours a year, cumulative share */
      slide_add_note (slide, g_strdup_printf (_("%u. %s: %s h/year, cumulative %s"), ranked->rank,
                                              shk_process_get_name (ranked->process), hours,
                                              cumulative));
    }
  if (ranking->remainder_processes > 0)
    {
      g_autofree char *hours = shk_format_number (ranking->remainder_hours);

      slide_add_note (slide, g_strdup_printf (_("Not listed: %u processes, %s h/year"),
                                              ranking->remainder_processes, hours));
    }
  return g_steal_pointer (&slide);
}

static ShkDeckSlide *
breakdown_slide (const ShkRanking  *ranking,
                 ShkBreakdownKind   by,
                 GError           **error)
{
  const char *title = by == SHK_BREAKDOWN_BY_PRIORITY ? _("Hours per priority class")
                                                      : _("Hours per category");
  g_autoptr(ShkDeckSlide) slide = shk_deck_slide_new (title);
  g_autoptr(GPtrArray) rows = NULL;
  ShkBreakdownChart chart = {
    .style = SHK_CHART_STYLE_PRESENTATION,
    .ranking = ranking,
    .by = by,
  };

  if (!slide_set_chart (slide, title, shk_breakdown_chart_describe (&chart),
                        draw_breakdown, &chart, error))
    return NULL;
  rows = by == SHK_BREAKDOWN_BY_PRIORITY ? shk_ranking_breakdown_by_priority (ranking)
                                         : shk_ranking_breakdown_by_category (ranking);
  for (guint i = 0; i < rows->len; i++)
    {
      const ShkBreakdownRow *row = g_ptr_array_index (rows, i);
      g_autofree char *hours = shk_format_number (row->hours);
      g_autofree char *share = format_share (row->share);

      /* TRANSLATORS: a class or category, its processes, hours a year and share */
      slide_add_note (slide, g_strdup_printf (_("%s: %u processes, %s h/year (%s)"),
                                              *row->label != '\0' ? row->label : _("Unknown"),
                                              row->count, hours, share));
    }
  return g_steal_pointer (&slide);
}

static void
add_survey_row (ShkDeckSlide *slide,
                const char   *label,
                char         *value)
{
  g_ptr_array_add (slide->cells, g_strdup (label));
  g_ptr_array_add (slide->cells, value);
  slide_add_note (slide, g_strdup_printf ("%s: %s", label, value));
}

/* No chart of the survey's figures exists: they go on a table. */
static ShkDeckSlide *
survey_slide (ShkSurvey        *survey,
              const ShkRanking *ranking)
{
  const char *title = shk_survey_get_title (survey);
  ShkDeckSlide *slide = shk_deck_slide_new (title != NULL && *title != '\0'
                                            ? title : _("AI/RPA survey"));
  const char *headings[] = { _("Figure"), _("Value") };
  const double weights[] = { 3.0, 2.0 };

  slide_set_table (slide, headings, weights, G_N_ELEMENTS (weights),
                   _("A table of the AI/RPA survey's figures."));
  add_survey_row (slide, _("Sections surveyed"),
                  g_strdup_printf ("%u", shk_survey_get_total_sections (survey)));
  add_survey_row (slide, _("Businesses surveyed"),
                  g_strdup_printf ("%u", shk_survey_get_total_businesses (survey)));
  add_survey_row (slide, _("Work processes surveyed"),
                  g_strdup_printf ("%u", shk_survey_get_total_processes (survey)));
  add_survey_row (slide, _("Hours a year, all processes"),
                  shk_format_number (ranking->total_hours));
  add_survey_row (slide, _("Processes listed"), g_strdup_printf ("%u", ranking->n_processes));
  add_survey_row (slide, _("Hours a year, listed processes"),
                  shk_format_number (ranking->listed_hours));
  add_survey_row (slide, _("Share of the hours listed"), format_share (ranking->listed_share));
  if (ranking->threshold > 0)
    add_survey_row (slide, _("Listing threshold (h/year)"),
                    shk_format_number (ranking->threshold));
  return slide;
}

static void
draw_citizen_survey (cairo_t  *cr,
                     double    width,
                     double    height,
                     gpointer  user_data)
{
  shk_survey_chart_draw (cr, width, height, user_data);
}

static void
add_citizen_notes (ShkDeckSlide            *slide,
                   const ShkSurveyQuestion *question)
{
  if (question == NULL)
    return;
  for (guint i = 0; i < question->answers->len; i++)
    {
      const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autofree char *gap = shk_citizen_survey_format_points (answer->gap);
      g_autofree char *change = shk_citizen_survey_format_points (answer->change);

      /* TRANSLATORS: answer, the city's share, change since the last
       * survey, the national share, the gap in points */
      slide_add_note (slide, g_strdup_printf (_("%s: %.1f%% (%s points since the last survey; "
                                                "national %.1f%%, gap %s points)"),
                                              answer->item, answer->fy2, change,
                                              answer->national, gap));
    }
}

/* The citizen survey (資料2-2), the city beside the nation; none when the
 * plan holds no such survey. */
static ShkDeckSlide *
citizen_survey_slide (ShkPlan  *plan,
                      GError  **error)
{
  g_autoptr(ShkCitizenSurvey) survey = shk_citizen_survey_new_for_plan (plan, NULL);
  g_autoptr(ShkDeckSlide) slide = NULL;
  ShkSurveyChart chart;

  if (survey == NULL)
    return NULL;
  slide = shk_deck_slide_new (_("Citizen survey: the city and the nation"));
  chart = (ShkSurveyChart) { .style = SHK_CHART_STYLE_PRESENTATION, .survey = survey };
  if (!slide_set_chart (slide, _("Citizen survey chart"), shk_survey_chart_describe (&chart),
                        draw_citizen_survey, &chart, error))
    return NULL;
  slide_add_note (slide, g_strdup_printf (_("%u sampled, %u valid responses (%.1f%%)"),
                                          survey->sample_size, survey->valid_responses,
                                          survey->response_rate));
  add_citizen_notes (slide, survey->devices);
  add_citizen_notes (slide, survey->connections);
  add_citizen_notes (slide, survey->internet_use);
  return g_steal_pointer (&slide);
}

static gboolean
add_survey_slides (GPtrArray      *slides,
                   ShkPlan        *plan,
                   ShkDeckSlides   wanted,
                   GError        **error)
{
  ShkSurvey *survey = shk_plan_get_survey (plan);
  g_autoptr(ShkRanking) ranking = NULL;
  ShkDeckSlide *slide;

  if (survey == NULL)
    return TRUE;
  ranking = shk_ranking_new (survey);
  if ((wanted & SHK_DECK_SLIDE_PARETO) != 0 && ranking->n_processes > 0)
    {
      if ((slide = pareto_slide (ranking, _("Work processes by annual hours"), error)) == NULL)
        return FALSE;
      g_ptr_array_add (slides, slide);
    }
  if ((wanted & SHK_DECK_SLIDE_BREAKDOWN) != 0 && ranking->n_processes > 0)
    for (guint by = SHK_BREAKDOWN_BY_PRIORITY; by <= SHK_BREAKDOWN_BY_CATEGORY; by++)
      {
        if ((slide = breakdown_slide (ranking, by, error)) == NULL)
          return FALSE;
        g_ptr_array_add (slides, slide);
      }
  if ((wanted & SHK_DECK_SLIDE_SURVEY) != 0)
    {
      g_autoptr(GError) chart_error = NULL;

      g_ptr_array_add (slides, survey_slide (survey, ranking));
      if ((slide = citizen_survey_slide (plan, &chart_error)) != NULL)
        g_ptr_array_add (slides, slide);
      else if (chart_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&chart_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The scenarios                                                       */

static void
draw_payback (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  ShkChartLayout layout;

  shk_payback_chart_draw (cr, width, height, user_data, &layout);
}

static char *
payback_text (const ShkPaybackResult *result)
{
  if (result->payback_year == 0)
    return g_strdup (_("no payback within the horizon"));
  /* TRANSLATORS: when a scenario pays back, e.g. “payback in year 4, month 11” */
  return g_strdup_printf (_("payback in year %u, month %u"), result->payback_year,
                          result->payback_month);
}

static ShkDeckSlide *
scenario_slide (ShkPlan      *plan,
                ShkScenario  *scenario,
                GError      **error)
{
  g_autoptr(ShkPaybackSeriesSet) set = shk_payback_series_set_new ();
  g_autoptr(ShkDeckSlide) slide = shk_deck_slide_new (shk_scenario_get_name (scenario));
  const ShkPaybackResult *result;
  g_autofree char *payback = NULL;
  g_autofree char *net = NULL;
  ShkPaybackChart chart;

  result = shk_payback_series_set_add (set, plan, scenario, error);
  if (result == NULL)
    {
      g_prefix_error (error, "%s: ", shk_scenario_get_name (scenario));
      return NULL;
    }
  shk_payback_series_set_fill_chart (set, SHK_CHART_STYLE_PRESENTATION, NULL, &chart);
  if (!slide_set_chart (slide, shk_scenario_get_name (scenario), shk_payback_chart_describe (&chart),
                        draw_payback, &chart, error))
    return NULL;

  for (guint y = 0; y < result->n_years; y++)
    {
      g_autofree char *cost = format_yen (result->cost[y]);
      g_autofree char *saving = format_yen (result->saving[y]);
      g_autofree char *year_net = format_yen (result->net[y]);

      /* TRANSLATORS: a year, its cost and savings, and the cumulative net */
      slide_add_note (slide, g_strdup_printf (_("%s: cost %s, savings %s, cumulative net %s"),
                                              y < set->n_years ? set->year_labels[y] : "",
                                              cost, saving, year_net));
    }
  payback = payback_text (result);
  net = format_yen (result->net_at_horizon);
  slide_add_note (slide, g_strdup_printf (_("Result: %s; net at the horizon %s."), payback, net));
  return g_steal_pointer (&slide);
}

static ShkDeckSlide *
comparison_slide (ShkPlan    *plan,
                  GPtrArray  *scenarios,
                  GError    **error)
{
  g_autoptr(ShkPaybackSeriesSet) set = shk_payback_series_set_new ();
  g_autoptr(ShkDeckSlide) slide = shk_deck_slide_new (_("The scenarios compared"));
  ShkPaybackChart chart;

  for (guint i = 0; i < scenarios->len; i++)
    if (shk_payback_series_set_add (set, plan, g_ptr_array_index (scenarios, i), error) == NULL)
      {
        g_prefix_error (error, "%s: ",
                        shk_scenario_get_name (g_ptr_array_index (scenarios, i)));
        return NULL;
      }
  shk_payback_series_set_fill_chart (set, SHK_CHART_STYLE_PRESENTATION, NULL, &chart);
  if (!slide_set_chart (slide, _("The scenarios compared"), shk_payback_chart_describe (&chart),
                        draw_payback, &chart, error))
    return NULL;
  for (guint i = 0; i < set->n_series; i++)
    {
      g_autofree char *payback = payback_text (set->series[i].result);
      g_autofree char *net = format_yen (set->series[i].result->net_at_horizon);

      slide_add_note (slide, g_strdup_printf (_("%s: %s; net at the horizon %s."),
                                              set->series[i].name, payback, net));
    }
  return g_steal_pointer (&slide);
}

static gboolean
add_scenario_slides (GPtrArray      *slides,
                     ShkPlan        *plan,
                     ShkDeckSlides   wanted,
                     GError        **error)
{
  g_autoptr(GPtrArray) scenarios = list_to_array (shk_plan_get_scenarios (plan));
  ShkDeckSlide *slide;

  if ((wanted & SHK_DECK_SLIDE_SCENARIOS) != 0)
    for (guint i = 0; i < scenarios->len; i++)
      {
        if ((slide = scenario_slide (plan, g_ptr_array_index (scenarios, i), error)) == NULL)
          return FALSE;
        g_ptr_array_add (slides, slide);
      }
  if ((wanted & SHK_DECK_SLIDE_COMPARISON) != 0 && scenarios->len > 1)
    {
      if ((slide = comparison_slide (plan, scenarios, error)) == NULL)
        return FALSE;
      g_ptr_array_add (slides, slide);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The deck                                                            */

const char *
shk_deck_slide_names (void)
{
  return "title,summary,achieved,lagging,pareto,breakdown,scenarios,comparison,survey";
}

gboolean
shk_deck_slides_from_string (const char     *text,
                             ShkDeckSlides  *slides,
                             GError        **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  ShkDeckSlides value = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      gboolean known = FALSE;

      if (*name == '\0')
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (slide_names) && !known; j++)
        if (g_str_equal (name, slide_names[j]))
          {
            value |= 1 << j;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, SHK_DECK_ERROR, SHK_DECK_ERROR_SLIDES,
                       _("Unknown slide “%s”; use %s"), name, shk_deck_slide_names ());
          return FALSE;
        }
    }
  if (value == 0)
    {
      g_set_error (error, SHK_DECK_ERROR, SHK_DECK_ERROR_SLIDES,
                   _("No slides named; use %s"), shk_deck_slide_names ());
      return FALSE;
    }
  *slides = value;
  return TRUE;
}

/* What a deck being written reports and looks at. */
typedef struct
{
  ShkProgressFunc  progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
  guint            done;
  guint            n_steps;
} Writing;

/* Called between the steps (each chart drawn is the slow part): reports
 * the share done and says whether to go on. */
static gboolean
writing_step (Writing  *writing,
              GError  **error)
{
  writing->done++;
  if (writing->progress != NULL)
    writing->progress ((double) writing->done / writing->n_steps, writing->progress_data);
  return !g_cancellable_set_error_if_cancelled (writing->cancellable, error);
}

/* The steps of build_slides() and the package: keep the count in step. */
#define N_WRITING_STEPS 6

static GPtrArray *
build_slides (ShkPlan        *plan,
              ShkDeckSlides   wanted,
              Writing        *writing,
              GError        **error)
{
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_deck_slide_free);
  ShkDeckSlide *slide;

  if ((wanted & SHK_DECK_SLIDE_TITLE) != 0)
    g_ptr_array_add (slides, title_slide (plan));
  if ((wanted & SHK_DECK_SLIDE_SUMMARY) != 0 && shk_plan_get_reporting_evaluation (plan) != NULL)
    {
      if ((slide = summary_slide (plan, error)) == NULL)
        return NULL;
      g_ptr_array_add (slides, slide);
    }
  if (!writing_step (writing, error))
    return NULL;
  if ((wanted & SHK_DECK_SLIDE_ACHIEVED) != 0)
    add_measure_list_slides (slides, plan, SHK_GRADE_ACHIEVED, _("Measures fully achieved (◎)"));
  if ((wanted & SHK_DECK_SLIDE_LAGGING) != 0)
    add_measure_list_slides (slides, plan, SHK_GRADE_LAGGING, _("Measures not really achieved (△)"));
  if (!writing_step (writing, error))
    return NULL;
  if (!add_survey_slides (slides, plan, wanted, error) || !writing_step (writing, error) ||
      !add_scenario_slides (slides, plan, wanted, error) || !writing_step (writing, error))
    return NULL;

  if (slides->len == 0)
    {
      g_set_error_literal (error, SHK_DECK_ERROR, SHK_DECK_ERROR_EMPTY,
                           _("The document has nothing for the slides asked for"));
      return NULL;
    }
  return g_steal_pointer (&slides);
}

static GBytes *
write_deck (ShkPlan        *plan,
            ShkDeckSlides   slides,
            Writing        *writing,
            GError        **error)
{
  g_autoptr(GPtrArray) built = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;
  int fd;

  built = build_slides (plan, slides, writing, error);
  if (built == NULL)
    return NULL;

  /* minizip writes to a named file: write a temporary one, so that a
   * failure never leaves a broken deck where the user asked for it. */
  fd = g_file_open_tmp ("shinchoku-XXXXXX.pptx", &path, error);
  if (fd < 0)
    return NULL;
  g_close (fd, NULL);

  ok = shk_deck_package_write (path, shk_plan_get_title (plan), shk_plan_get_organisation (plan),
                               built, error) &&
       g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);
  if (!ok || !writing_step (writing, error))
    {
      g_free (contents);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

GBytes *
shk_deck_write (ShkPlan        *plan,
                ShkDeckSlides   slides,
                GError        **error)
{
  Writing writing = { .n_steps = N_WRITING_STEPS };

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_deck (plan, slides, &writing, error);
}

gboolean
shk_deck_write_file_full (ShkPlan          *plan,
                          ShkDeckSlides     slides,
                          const char       *path,
                          ShkProgressFunc   progress,
                          gpointer          progress_data,
                          GCancellable     *cancellable,
                          GError          **error)
{
  Writing writing = { progress, progress_data, cancellable, 0, N_WRITING_STEPS };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = write_deck (plan, slides, &writing, error);
  if (bytes == NULL)
    return FALSE;
  /* The safe save's message names the file and says it is unchanged; a
   * cancel now still leaves no partial file. */
  file = g_file_new_for_path (path);
  if (!shk_safe_save_bytes (file, bytes, SHK_SAFE_SAVE_NONE, cancellable, error))
    return FALSE;
  writing_step (&writing, NULL);
  return TRUE;
}

gboolean
shk_deck_write_file (ShkPlan        *plan,
                     ShkDeckSlides   slides,
                     const char     *path,
                     GError        **error)
{
  return shk_deck_write_file_full (plan, slides, path, NULL, NULL, NULL, error);
}
