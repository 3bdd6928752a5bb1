/* shk-cli-chart.c — chart payback, chart summary and chart pareto: the
 * window's charts written to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "shk-breakdown-chart.h"
#include "shk-pareto-chart.h"
#include "shk-payback-chart.h"
#include "shk-payback-series.h"
#include "shk-summary-chart.h"
#include "shk-survey-chart.h"
#include "shk-schedule-chart.h"

#include "shk-cli.h"

#define MIN_SIZE     100
#define MAX_SIZE     10000
#define DEFAULT_WIDTH  1280
#define DEFAULT_HEIGHT 720
/* The Pareto threshold line, in percent: the handouts' 80/20 reading. */
#define DEFAULT_THRESHOLD 80.0

/* The options both charts take. */
typedef struct
{
  char          *output;
  int            width;
  int            height;
  char          *style_text;
  char          *title;
  ShkChartStyle  style;
} ChartOptions;

static void
chart_options_clear (ChartOptions *options)
{
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->style_text, g_free);
  g_clear_pointer (&options->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartOptions, chart_options_clear)

static void
add_chart_entries (GOptionContext *context,
                   ChartOptions   *options)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("The file to write; .png, .svg or .pdf chooses the format"), N_("OUT") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &options->width,
      N_("Width in pixels (points for SVG and PDF), 100–10000; default 1280"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &options->height,
      N_("Height in pixels (points for SVG and PDF), 100–10000; default 720"), N_("H") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &options->style_text,
      N_("light (default), dark or presentation (large text, high contrast)"), N_("STYLE") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &options->title,
      N_("The title drawn above the chart"), N_("TITLE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
has_chart_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".png") ||
         g_str_has_suffix (lower, ".svg") ||
         g_str_has_suffix (lower, ".pdf");
}

/* After shk_cli_parse_output_options(): @options->output is set. */
static int
check_chart_options (const char   *command,
                     ChartOptions *options)
{
  if (!has_chart_extension (options->output))
    return shk_cli_usage_error (command,
                                _("cannot tell the format of “%s”: the name must end in .png, .svg or .pdf"),
                                options->output);
  if (options->width < MIN_SIZE || options->width > MAX_SIZE)
    return shk_cli_usage_error (command, _("the width must be between %d and %d, not %d"),
                                MIN_SIZE, MAX_SIZE, options->width);
  if (options->height < MIN_SIZE || options->height > MAX_SIZE)
    return shk_cli_usage_error (command, _("the height must be between %d and %d, not %d"),
                                MIN_SIZE, MAX_SIZE, options->height);
  if (options->style_text != NULL &&
      !shk_chart_style_from_string (options->style_text, &options->style))
    return shk_cli_usage_error (command,
                                _("unknown style “%s”; use light, dark or presentation"),
                                options->style_text);
  return SHK_CLI_EXIT_OK;
}

/* @title names the file's chart (the drawn title, else what the chart
 * is); @description is the chart's describe () sentence, taken. */
static int
export_chart (const ChartOptions *options,
              const char         *title,
              char               *description,
              ShkChartDrawFunc    draw,
              gpointer            user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owned_description = description;
  ShkChartExportInfo info = { .title = title, .description = owned_description };
  gboolean exported;

  exported = shk_chart_export_with_info (options->output, options->width, options->height, 1.0,
                                         &info, draw, user_data, &error);

  /* The default font map keeps fontconfig's patterns for the process's
   * lifetime; dropping it frees them, so that a leak checker run on the
   * tool reports only real leaks. The tool draws one chart and exits. */
  pango_cairo_font_map_set_default (NULL);

  if (!exported)
    {
      shk_cli_file_error (options->output, error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  return SHK_CLI_EXIT_OK;
}

/* chart payback */

static void
draw_payback (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  ShkChartLayout layout;

  shk_payback_chart_draw (cr, width, height, user_data, &layout);
}

/* Each --scenario value is a scenario's exact name, or numbers and names
 * separated by commas. */
static gboolean
collect_scenarios (const char  *command,
                   ShkPlan     *plan,
                   char       **specs,
                   GPtrArray   *scenarios)
{
  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      guint position;
      ShkScenario *scenario = NULL;
      GListModel *model = shk_plan_get_scenarios (plan);

      for (guint j = 0; j < g_list_model_get_n_items (model) && scenario == NULL; j++)
        {
          g_autoptr(ShkScenario) candidate = g_list_model_get_item (model, j);

          if (g_strcmp0 (shk_scenario_get_name (candidate), specs[i]) == 0)
            scenario = g_steal_pointer (&candidate);
        }
      if (scenario != NULL)
        {
          g_ptr_array_add (scenarios, scenario);
          continue;
        }

      parts = g_strsplit (specs[i], ",", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          scenario = shk_cli_find_scenario (command, plan, parts[j], &position);
          if (scenario == NULL)
            return FALSE;
          g_ptr_array_add (scenarios, scenario);
        }
    }
  return TRUE;
}

static int
chart_payback (int    argc,
               char **argv)
{
  g_auto(GStrv) scenario_specs = NULL;
  g_auto(ChartOptions) options = { .width = DEFAULT_WIDTH, .height = DEFAULT_HEIGHT };
  const GOptionEntry entries[] = {
    { "scenario", 's', 0, G_OPTION_ARG_STRING_ARRAY, &scenario_specs,
      N_("The scenarios to draw: numbers counting from 1 or exact names, separated by commas "
         "or given in several --scenario options"), N_("N[,M…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPaybackSeriesSet) series = NULL;
  ShkPaybackChart chart;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --scenario N[,M…] --output OUT"),
                                        _("Draws the cumulative cost and savings of one or more "
                                          "scenarios, as in the handouts, to a PNG, SVG or PDF "
                                          "file."),
                                        entries);
  add_chart_entries (context, &options);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv,
                                              &options.output)) != SHK_CLI_EXIT_OK ||
      (status = check_chart_options (argv[0], &options)) != SHK_CLI_EXIT_OK)
    return status;
  if (scenario_specs == NULL)
    return shk_cli_usage_error (argv[0], _("--scenario is required"));

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;
  if (!collect_scenarios (argv[0], plan, scenario_specs, scenarios))
    return SHK_CLI_EXIT_USAGE;

  series = shk_payback_series_set_new ();
  for (guint i = 0; i < scenarios->len; i++)
    {
      ShkScenario *scenario = g_ptr_array_index (scenarios, i);

      if (shk_payback_series_set_add (series, plan, scenario, &error) == NULL)
        {
          shk_cli_error ("%s: %s", shk_scenario_get_name (scenario), error->message);
          return SHK_CLI_EXIT_FAILURE;
        }
    }

  shk_payback_series_set_fill_chart (series, options.style,
                                     options.title != NULL ? options.title
                                     : series->n_series == 1 ? series->series[0].name : NULL,
                                     &chart);
  return export_chart (&options,
                       chart.title != NULL ? chart.title
                                           : _("The cost-benefit chart of one or more scenarios"),
                       shk_payback_chart_describe (&chart), draw_payback, &chart);
}

/* chart summary */

static void
draw_summary (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  shk_summary_chart_draw (cr, width, height, user_data);
}

static int
chart_summary (int    argc,
               char **argv)
{
  g_auto(ChartOptions) options = { .width = DEFAULT_WIDTH, .height = DEFAULT_HEIGHT };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkSummary) summary = NULL;
  ShkSummaryChart chart;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output OUT"),
                                        _("Draws the grade summary, a bar per evaluation with "
                                          "the counts and shares of ◎ ○ △ －, to a PNG, SVG or "
                                          "PDF file."),
                                        NULL);
  add_chart_entries (context, &options);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv,
                                              &options.output)) != SHK_CLI_EXIT_OK ||
      (status = check_chart_options (argv[0], &options)) != SHK_CLI_EXIT_OK)
    return status;

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  summary = shk_summary_new_for_plan (plan);
  chart = (ShkSummaryChart) {
    .style = options.style,
    .title = options.title,
    .summary = summary,
  };
  return export_chart (&options,
                       chart.title != NULL ? chart.title : _("The grade summary per evaluation"),
                       shk_summary_chart_describe (&chart), draw_summary, &chart);
}

/* chart pareto */

static void
draw_pareto (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  shk_pareto_chart_draw (cr, width, height, user_data);
}

static int
chart_pareto (int    argc,
              char **argv)
{
  g_auto(ChartOptions) options = { .width = DEFAULT_WIDTH, .height = DEFAULT_HEIGHT };
  double threshold = DEFAULT_THRESHOLD;
  const GOptionEntry entries[] = {
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold,
      N_("Where to draw the threshold line, in percent of all hours (0–100, 0 hides it); "
         "default 80"), N_("PERCENT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkSurvey) survey = NULL;
  g_autoptr(ShkRanking) ranking = NULL;
  ShkParetoChart chart;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output OUT"),
                                        _("Draws the work processes of the AI/RPA survey as a "
                                          "Pareto chart: bars of annual hours in rank order, "
                                          "coloured by priority class, a bar for the processes "
                                          "not listed and the cumulative share as a line, to a "
                                          "PNG, SVG or PDF file."),
                                        entries);
  add_chart_entries (context, &options);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv,
                                              &options.output)) != SHK_CLI_EXIT_OK ||
      (status = check_chart_options (argv[0], &options)) != SHK_CLI_EXIT_OK)
    return status;
  /* Written this way round so that NaN is refused too. */
  if (!(threshold >= 0.0 && threshold <= 100.0))
    return shk_cli_usage_error (argv[0], _("the threshold must be between 0 and 100 percent"));

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  survey = shk_plan_get_survey (plan) != NULL ? g_object_ref (shk_plan_get_survey (plan))
                                              : shk_survey_new ();
  ranking = shk_ranking_new (survey);
  chart = (ShkParetoChart) {
    .style = options.style,
    .title = options.title != NULL ? options.title : shk_survey_get_title (survey),
    .ranking = ranking,
    .threshold = threshold / 100.0,
    .highlight_rank = 0,
  };
  return export_chart (&options,
                       chart.title != NULL ? chart.title
                                           : _("The work processes of the AI/RPA survey as a Pareto chart"),
                       shk_pareto_chart_describe (&chart), draw_pareto, &chart);
}

/* chart breakdown */

static void
draw_breakdown (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  user_data)
{
  shk_breakdown_chart_draw (cr, width, height, user_data);
}

static int
chart_breakdown (int    argc,
                 char **argv)
{
  g_auto(ChartOptions) options = { .width = DEFAULT_WIDTH, .height = DEFAULT_HEIGHT };
  g_autofree char *by_text = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text,
      N_("priority (default) for a bar per priority class, or category"), N_("KIND") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkSurvey) survey = NULL;
  g_autoptr(ShkRanking) ranking = NULL;
  ShkBreakdownKind by = SHK_BREAKDOWN_BY_PRIORITY;
  ShkBreakdownChart chart;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output OUT"),
                                        _("Draws the annual hours of the AI/RPA survey's work "
                                          "processes per priority class or per category, a bar "
                                          "each with its share and number of processes, to a "
                                          "PNG, SVG or PDF file."),
                                        entries);
  add_chart_entries (context, &options);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv,
                                              &options.output)) != SHK_CLI_EXIT_OK ||
      (status = check_chart_options (argv[0], &options)) != SHK_CLI_EXIT_OK)
    return status;
  if (by_text != NULL && !shk_breakdown_kind_from_string (by_text, &by))
    return shk_cli_usage_error (argv[0], _("unknown breakdown “%s”; use priority or category"),
                                by_text);

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  survey = shk_plan_get_survey (plan) != NULL ? g_object_ref (shk_plan_get_survey (plan))
                                              : shk_survey_new ();
  ranking = shk_ranking_new (survey);
  chart = (ShkBreakdownChart) {
    .style = options.style,
    .title = options.title != NULL ? options.title
                                   : by == SHK_BREAKDOWN_BY_PRIORITY
                                     ? _("Hours per priority class")
                                     : _("Hours per category"),
    .ranking = ranking,
    .by = by,
  };
  return export_chart (&options, chart.title, shk_breakdown_chart_describe (&chart),
                       draw_breakdown, &chart);
}

/* chart survey and chart schedule: the handouts' 資料2-2 and 資料2-1 */

static void
draw_survey (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  shk_survey_chart_draw (cr, width, height, user_data);
}

static void
draw_schedule (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  shk_schedule_chart_draw (cr, width, height, user_data);
}

static int
parse_simple_chart (int            *argc,
                    char         ***argv,
                    const char     *summary,
                    ChartOptions   *options,
                    ShkPlan       **plan)
{
  g_autoptr(GOptionContext) context = NULL;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output OUT"), summary, NULL);
  add_chart_entries (context, options);
  if ((status = shk_cli_parse_output_options (context, argc, argv,
                                              &options->output)) != SHK_CLI_EXIT_OK ||
      (status = check_chart_options ((*argv)[0], options)) != SHK_CLI_EXIT_OK)
    return status;

  return shk_cli_open_plan (*argc > 1 ? (*argv)[1] : NULL, plan);
}

static int
chart_survey (int    argc,
              char **argv)
{
  g_auto(ChartOptions) options = { .width = DEFAULT_WIDTH, .height = DEFAULT_HEIGHT };
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkCitizenSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  ShkSurveyChart chart;
  int status;

  status = parse_simple_chart (&argc, &argv,
                               _("Draws the citizen survey's answers, the city's figure beside "
                                 "the national one, to a PNG, SVG or PDF file."),
                               &options, &plan);
  if (status != SHK_CLI_EXIT_OK)
    return status;
  survey = shk_citizen_survey_new_for_plan (plan, &error);
  if (survey == NULL)
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  chart = (ShkSurveyChart) {
    .style = options.style,
    .title = options.title != NULL ? options.title : _("Citizen survey: the city and the nation"),
    .survey = survey,
  };
  return export_chart (&options, chart.title, shk_survey_chart_describe (&chart),
                       draw_survey, &chart);
}

static int
chart_schedule (int    argc,
                char **argv)
{
  g_auto(ChartOptions) options = { .width = DEFAULT_WIDTH, .height = DEFAULT_HEIGHT };
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkNextPlan) next_plan = NULL;
  g_autoptr(GError) error = NULL;
  ShkScheduleChart chart;
  int status;

  status = parse_simple_chart (&argc, &argv,
                               _("Draws the next plan's drafting schedule as a month timeline "
                                 "to a PNG, SVG or PDF file."),
                               &options, &plan);
  if (status != SHK_CLI_EXIT_OK)
    return status;
  next_plan = shk_next_plan_new_for_plan (plan, &error);
  if (next_plan == NULL)
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  chart = (ShkScheduleChart) {
    .style = options.style,
    .title = options.title != NULL ? options.title : next_plan->schedule_title,
    .next_plan = next_plan,
  };
  return export_chart (&options, chart.title, shk_schedule_chart_describe (&chart),
                       draw_schedule, &chart);
}

/* chart: picks the kind of chart */

static const struct
{
  const char        *name;
  const char        *summary;  /* N_() */
  ShkCliCommandFunc  run;
} chart_kinds[] = {
  { "payback", N_("The cost-benefit chart of one or more scenarios"), chart_payback },
  { "summary", N_("The grade summary per evaluation"), chart_summary },
  { "pareto", N_("The work processes of the AI/RPA survey as a Pareto chart"), chart_pareto },
  { "breakdown", N_("The survey's hours per priority class or per category"), chart_breakdown },
  { "survey", N_("The citizen survey, the city against the national figures"), chart_survey },
  { "schedule", N_("The next plan's drafting schedule by month"), chart_schedule },
};

static void
print_chart_usage (FILE *stream)
{
  fprintf (stream,
           "%s\n  shinchoku-cli chart payback %s\n  shinchoku-cli chart summary %s\n"
           "  shinchoku-cli chart pareto %s\n  shinchoku-cli chart breakdown %s\n"
           "  shinchoku-cli chart survey %s\n  shinchoku-cli chart schedule %s\n\n%s\n",
           _("Usage:"),
           _("[FILE] --scenario N[,M…] --output OUT [OPTION…]"),
           _("[FILE] --output OUT [OPTION…]"),
           _("[FILE] --output OUT [OPTION…]"),
           _("[FILE] --output OUT [--by priority|category] [OPTION…]"),
           _("[FILE] --output OUT [OPTION…]"),
           _("[FILE] --output OUT [OPTION…]"),
           _("Draws a chart to a PNG, SVG or PDF file. The charts:"));
  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    fprintf (stream, "  %-10s %s\n", chart_kinds[i].name, _(chart_kinds[i].summary));
  fprintf (stream, "\n%s\n",
           _("Run “shinchoku-cli chart CHART --help”, e.g. “shinchoku-cli chart pareto --help”, "
             "to see the options of a chart."));
}

int
shk_cli_chart (int    argc,
               char **argv)
{
  g_autofree char *argv0 = NULL;
  g_autofree char **sub_argv = NULL;

  if (argc < 2)
    {
      shk_cli_error (_("which chart? payback, summary, pareto, breakdown, survey or schedule"));
      print_chart_usage (stderr);
      return SHK_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "-?"))
    {
      print_chart_usage (stdout);
      return SHK_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    {
      if (!g_str_equal (argv[1], chart_kinds[i].name))
        continue;

      argv0 = g_strconcat (argv[0], " ", chart_kinds[i].name, NULL);
      sub_argv = g_new0 (char *, argc);
      sub_argv[0] = argv0;
      for (int j = 2; j < argc; j++)
        sub_argv[j - 1] = argv[j];
      return chart_kinds[i].run (argc - 1, sub_argv);
    }

  shk_cli_error (_("unknown chart “%s”; use payback, summary, pareto, breakdown, survey or schedule"), argv[1]);
  print_chart_usage (stderr);
  return SHK_CLI_EXIT_USAGE;
}
