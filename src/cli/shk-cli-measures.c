/* shk-cli-measures.c — the measures command: one row per measure and
 * indicator, with figures per fiscal year and grades per evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-rules.h"

#include "shk-cli.h"

/* What every output format needs about the document's columns. */
typedef struct
{
  ShkPlan    *plan;
  GPtrArray  *years;        /* ShkFiscalYear */
  GPtrArray  *evaluations;  /* ShkEvaluation */
} MeasuresTable;

/* One row: a measure and one of its indicators, or NULL for a measure
 * with none (its grade is the office's judgement). */
typedef struct
{
  ShkMeasure   *measure;
  ShkIndicator *indicator;
  ShkPolicy    *policy;
} MeasuresRow;

typedef void (*MeasuresRowFunc) (MeasuresTable     *table,
                                 const MeasuresRow *row,
                                 gpointer           user_data);

static GPtrArray *
list_model_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static void
measures_table_init (MeasuresTable *table,
                     ShkPlan       *plan)
{
  table->plan = plan;
  table->years = list_model_to_array (shk_plan_get_fiscal_years (plan));
  table->evaluations = list_model_to_array (shk_plan_get_evaluations (plan));
}

static void
measures_table_clear (MeasuresTable *table)
{
  g_clear_pointer (&table->years, g_ptr_array_unref);
  g_clear_pointer (&table->evaluations, g_ptr_array_unref);
}

static void
measures_table_foreach_row (MeasuresTable   *table,
                            MeasuresRowFunc  func,
                            gpointer         user_data)
{
  GListModel *measures = shk_plan_get_measures (table->plan);
  guint n = g_list_model_get_n_items (measures);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      GListModel *indicators = shk_measure_get_indicators (measure);
      guint n_indicators = g_list_model_get_n_items (indicators);
      MeasuresRow row = {
        .measure = measure,
        .policy = shk_plan_find_policy (table->plan,
                                        shk_measure_get_policy_number (measure)),
      };

      if (n_indicators == 0)
        {
          func (table, &row, user_data);
          continue;
        }
      for (guint j = 0; j < n_indicators; j++)
        {
          g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, j);

          row.indicator = indicator;
          func (table, &row, user_data);
        }
    }
}

static const char *
origin_to_key (ShkGradeOrigin origin)
{
  switch (origin)
    {
    case SHK_GRADE_ORIGIN_JUDGED:
      return "judged";
    case SHK_GRADE_ORIGIN_CONFIRMED:
      return "confirmed";
    case SHK_GRADE_ORIGIN_OVERRIDDEN:
      return "overridden";
    case SHK_GRADE_ORIGIN_COMPUTED:
    default:
      return "computed";
    }
}

/* The indicator's own rate in an evaluation; the measure's grade comes
 * from its worst indicator. */
static gboolean
row_indicator_rate (const MeasuresRow *row,
                    ShkEvaluation     *evaluation,
                    double            *rate)
{
  if (row->indicator == NULL)
    return FALSE;
  return shk_indicator_compute_rate (row->indicator,
                                     shk_evaluation_get_actual_year (evaluation),
                                     shk_evaluation_get_target_year (evaluation),
                                     rate);
}

static gboolean
row_progress_rate (const MeasuresRow *row,
                   const char        *year_id,
                   double            *rate)
{
  if (row->indicator == NULL)
    return FALSE;
  return shk_indicator_compute_rate (row->indicator, year_id, year_id, rate);
}

static char *
value_to_text (ShkIndicator *indicator,
               gboolean      target,
               const char   *year_id)
{
  double value;
  gboolean found;

  if (indicator == NULL)
    return g_strdup ("");
  found = target ? shk_indicator_get_target (indicator, year_id, &value)
                 : shk_indicator_get_actual (indicator, year_id, &value);
  return found ? shk_cli_format_number (value) : g_strdup ("");
}

static char *
rate_to_text (gboolean has_rate,
              double   rate)
{
  return has_rate ? shk_cli_format_number (rate) : g_strdup ("");
}

/* CSV */

static void
add_csv_header (MeasuresTable *table,
                ShkCliCsv     *csv)
{
  static const char * const fixed[] = {
    "number", "policy", "policy_name", "name", "bureau", "section",
    "year_added", "counted", "indicator", "unit", "direction",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    shk_cli_csv_add_field (csv, fixed[i]);

  for (guint y = 0; y < table->years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (table->years, y));
      g_autofree char *target = g_strconcat ("target_", id, NULL);
      g_autofree char *actual = g_strconcat ("actual_", id, NULL);

      shk_cli_csv_add_field (csv, target);
      shk_cli_csv_add_field (csv, actual);
    }
  for (guint y = 0; y < table->years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (table->years, y));
      g_autofree char *progress = g_strconcat ("progress_rate_", id, NULL);

      shk_cli_csv_add_field (csv, progress);
    }
  for (guint e = 0; e < table->evaluations->len; e++)
    {
      const char *id = shk_evaluation_get_id (g_ptr_array_index (table->evaluations, e));
      static const char * const per_evaluation[] = {
        "rate_", "measure_rate_", "computed_", "manual_", "effective_", "origin_", "reason_",
      };

      for (guint k = 0; k < G_N_ELEMENTS (per_evaluation); k++)
        {
          g_autofree char *name = g_strconcat (per_evaluation[k], id, NULL);

          shk_cli_csv_add_field (csv, name);
        }
    }
  shk_cli_csv_end_record (csv);
}

static void
add_csv_row (MeasuresTable     *table,
             const MeasuresRow *row,
             gpointer           user_data)
{
  ShkCliCsv *csv = user_data;
  ShkMeasure *measure = row->measure;
  g_autofree char *number = g_strdup_printf ("%u", shk_measure_get_number (measure));
  g_autofree char *policy = g_strdup_printf ("%u", shk_measure_get_policy_number (measure));

  shk_cli_csv_add_field (csv, number);
  shk_cli_csv_add_field (csv, policy);
  shk_cli_csv_add_field (csv, row->policy != NULL ? shk_policy_get_name (row->policy) : "");
  shk_cli_csv_add_field (csv, shk_measure_get_name (measure));
  shk_cli_csv_add_field (csv, shk_measure_get_bureau (measure));
  shk_cli_csv_add_field (csv, shk_measure_get_section (measure));
  shk_cli_csv_add_field (csv, shk_measure_get_year_added (measure));
  shk_cli_csv_add_field (csv, shk_measure_get_counted (measure) ? "true" : "false");
  if (row->indicator != NULL)
    {
      shk_cli_csv_add_field (csv, shk_indicator_get_label (row->indicator));
      shk_cli_csv_add_field (csv, shk_indicator_get_unit (row->indicator));
      shk_cli_csv_add_field (csv, shk_direction_to_key (shk_indicator_get_direction (row->indicator)));
    }
  else
    {
      shk_cli_csv_add_field (csv, "");
      shk_cli_csv_add_field (csv, "");
      shk_cli_csv_add_field (csv, "");
    }

  for (guint y = 0; y < table->years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (table->years, y));
      g_autofree char *target = value_to_text (row->indicator, TRUE, id);
      g_autofree char *actual = value_to_text (row->indicator, FALSE, id);

      shk_cli_csv_add_field (csv, target);
      shk_cli_csv_add_field (csv, actual);
    }
  for (guint y = 0; y < table->years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (table->years, y));
      double rate = 0.0;
      gboolean has_rate = row_progress_rate (row, id, &rate);
      g_autofree char *text = rate_to_text (has_rate, rate);

      shk_cli_csv_add_field (csv, text);
    }
  for (guint e = 0; e < table->evaluations->len; e++)
    {
      ShkEvaluation *evaluation = g_ptr_array_index (table->evaluations, e);
      ShkGradeInfo info;
      double rate = 0.0;
      gboolean has_rate = row_indicator_rate (row, evaluation, &rate);
      g_autofree char *rate_text = rate_to_text (has_rate, rate);
      g_autofree char *measure_rate = NULL;

      shk_plan_grade_measure (table->plan, measure, evaluation, &info);
      measure_rate = rate_to_text (info.has_rate, info.rate);

      shk_cli_csv_add_field (csv, rate_text);
      shk_cli_csv_add_field (csv, measure_rate);
      shk_cli_csv_add_field (csv, shk_grade_to_symbol (info.computed));
      shk_cli_csv_add_field (csv, info.has_manual ? shk_grade_to_symbol (info.manual) : "");
      shk_cli_csv_add_field (csv, shk_grade_to_symbol (info.effective));
      shk_cli_csv_add_field (csv, origin_to_key (info.origin));
      shk_cli_csv_add_field (csv, info.reason);
    }
  shk_cli_csv_end_record (csv);
}

/* JSON */

static void
add_json_values (JsonBuilder   *builder,
                 MeasuresTable *table,
                 ShkIndicator  *indicator,
                 gboolean       target)
{
  json_builder_begin_object (builder);
  for (guint y = 0; y < table->years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (table->years, y));
      double value;
      gboolean found = target ? shk_indicator_get_target (indicator, id, &value)
                              : shk_indicator_get_actual (indicator, id, &value);

      json_builder_set_member_name (builder, id);
      if (found)
        shk_cli_json_add_number (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

static void
add_json_rate (JsonBuilder *builder,
               gboolean     has_rate,
               double       rate)
{
  if (has_rate)
    shk_cli_json_add_number (builder, rate);
  else
    json_builder_add_null_value (builder);
}

static void
add_json_indicator (JsonBuilder       *builder,
                    MeasuresTable     *table,
                    const MeasuresRow *row)
{
  ShkIndicator *indicator = row->indicator;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, shk_indicator_get_label (indicator));
  shk_cli_json_add_string_member (builder, "unit", shk_indicator_get_unit (indicator));
  json_builder_set_member_name (builder, "direction");
  json_builder_add_string_value (builder,
                                 shk_direction_to_key (shk_indicator_get_direction (indicator)));
  json_builder_set_member_name (builder, "target");
  add_json_values (builder, table, indicator, TRUE);
  json_builder_set_member_name (builder, "actual");
  add_json_values (builder, table, indicator, FALSE);
  json_builder_set_member_name (builder, "progress_rate");
  json_builder_begin_object (builder);
  for (guint y = 0; y < table->years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (table->years, y));
      double rate = 0.0;
      gboolean has_rate = row_progress_rate (row, id, &rate);

      json_builder_set_member_name (builder, id);
      add_json_rate (builder, has_rate, rate);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_json_grade (JsonBuilder *builder,
                const char  *member,
                gboolean     present,
                ShkGrade     grade)
{
  json_builder_set_member_name (builder, member);
  if (present)
    json_builder_add_string_value (builder, shk_grade_to_key (grade));
  else
    json_builder_add_null_value (builder);
}

static void
add_json_row (MeasuresTable     *table,
              const MeasuresRow *row,
              gpointer           user_data)
{
  JsonBuilder *builder = user_data;
  ShkMeasure *measure = row->measure;
  const char *year_added = shk_measure_get_year_added (measure);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, shk_measure_get_number (measure));
  json_builder_set_member_name (builder, "policy");
  json_builder_add_int_value (builder, shk_measure_get_policy_number (measure));
  shk_cli_json_add_string_member (builder, "policy_name",
                                  row->policy != NULL ? shk_policy_get_name (row->policy) : NULL);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, shk_measure_get_name (measure));
  json_builder_set_member_name (builder, "bureau");
  json_builder_add_string_value (builder, shk_measure_get_bureau (measure));
  json_builder_set_member_name (builder, "section");
  json_builder_add_string_value (builder, shk_measure_get_section (measure));
  shk_cli_json_add_string_member (builder, "year_added",
                                  year_added != NULL && year_added[0] != '\0' ? year_added : NULL);
  json_builder_set_member_name (builder, "counted");
  json_builder_add_boolean_value (builder, shk_measure_get_counted (measure));

  json_builder_set_member_name (builder, "indicator");
  if (row->indicator != NULL)
    add_json_indicator (builder, table, row);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "evaluations");
  json_builder_begin_object (builder);
  for (guint e = 0; e < table->evaluations->len; e++)
    {
      ShkEvaluation *evaluation = g_ptr_array_index (table->evaluations, e);
      ShkGradeInfo info;
      double rate = 0.0;
      gboolean has_rate = row_indicator_rate (row, evaluation, &rate);

      shk_plan_grade_measure (table->plan, measure, evaluation, &info);

      json_builder_set_member_name (builder, shk_evaluation_get_id (evaluation));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rate");
      add_json_rate (builder, has_rate, rate);
      json_builder_set_member_name (builder, "measure_rate");
      add_json_rate (builder, info.has_rate, info.rate);
      add_json_grade (builder, "computed", info.computed != SHK_GRADE_NONE, info.computed);
      add_json_grade (builder, "manual", info.has_manual, info.manual);
      add_json_grade (builder, "effective", TRUE, info.effective);
      json_builder_set_member_name (builder, "origin");
      json_builder_add_string_value (builder, origin_to_key (info.origin));
      shk_cli_json_add_string_member (builder, "reason", info.reason);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
print_measures_json (MeasuresTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fiscal_years");
  json_builder_begin_array (builder);
  for (guint y = 0; y < table->years->len; y++)
    json_builder_add_string_value (builder,
                                   shk_fiscal_year_get_id (g_ptr_array_index (table->years, y)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "evaluations");
  json_builder_begin_array (builder);
  for (guint e = 0; e < table->evaluations->len; e++)
    json_builder_add_string_value (builder,
                                   shk_evaluation_get_id (g_ptr_array_index (table->evaluations, e)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  measures_table_foreach_row (table, add_json_row, builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

/* Text: a table for the terminal. Each year shows "actual / target", each
 * evaluation the indicator's rate and the measure's effective grade, marked
 * when that grade is the office's own. */

static const char *
origin_mark (ShkGradeOrigin origin)
{
  switch (origin)
    {
    case SHK_GRADE_ORIGIN_OVERRIDDEN:
      return "*";
    case SHK_GRADE_ORIGIN_JUDGED:
      return "+";
    case SHK_GRADE_ORIGIN_COMPUTED:
    case SHK_GRADE_ORIGIN_CONFIRMED:
    default:
      return "";
    }
}

static void
add_text_row (MeasuresTable     *table,
              const MeasuresRow *row,
              gpointer           user_data)
{
  ShkCliTable *text = user_data;
  ShkMeasure *measure = row->measure;

  shk_cli_table_add_row (text);
  shk_cli_table_take_cell (text, g_strdup_printf ("%u", shk_measure_get_number (measure)));
  shk_cli_table_take_cell (text, g_strdup_printf ("%u", shk_measure_get_policy_number (measure)));
  shk_cli_table_add_cell (text, shk_measure_get_name (measure));
  shk_cli_table_add_cell (text, row->indicator != NULL ? shk_indicator_get_label (row->indicator) : "");
  shk_cli_table_add_cell (text, row->indicator != NULL ? shk_indicator_get_unit (row->indicator) : "");

  for (guint y = 0; y < table->years->len; y++)
    {
      const char *id = shk_fiscal_year_get_id (g_ptr_array_index (table->years, y));
      g_autofree char *target = value_to_text (row->indicator, TRUE, id);
      g_autofree char *actual = value_to_text (row->indicator, FALSE, id);

      if (target[0] == '\0' && actual[0] == '\0')
        shk_cli_table_add_cell (text, "");
      else
        shk_cli_table_take_cell (text, g_strdup_printf ("%s / %s",
                                                        actual[0] != '\0' ? actual : "–",
                                                        target[0] != '\0' ? target : "–"));
    }

  for (guint e = 0; e < table->evaluations->len; e++)
    {
      ShkEvaluation *evaluation = g_ptr_array_index (table->evaluations, e);
      ShkGradeInfo info;
      double rate = 0.0;
      gboolean has_rate = row_indicator_rate (row, evaluation, &rate);
      g_autofree char *percent = shk_cli_format_percent (has_rate, rate);

      shk_plan_grade_measure (table->plan, measure, evaluation, &info);
      shk_cli_table_take_cell (text, g_strdup_printf ("%s %s%s", percent,
                                                      shk_grade_to_symbol (info.effective),
                                                      origin_mark (info.origin)));
    }
}

static void
print_measures_text (MeasuresTable *table)
{
  guint n_columns = 5 + table->years->len + table->evaluations->len;
  g_autoptr(ShkCliTable) text = shk_cli_table_new (n_columns);
  g_autofree char *rendered = NULL;

  shk_cli_table_set_right_aligned (text, 0, TRUE);
  shk_cli_table_set_right_aligned (text, 1, TRUE);
  for (guint c = 5; c < n_columns; c++)
    shk_cli_table_set_right_aligned (text, c, TRUE);

  shk_cli_table_add_row (text);
  shk_cli_table_add_cell (text, _("No."));
  shk_cli_table_add_cell (text, _("Policy"));
  shk_cli_table_add_cell (text, _("Measure"));
  shk_cli_table_add_cell (text, _("Indicator"));
  shk_cli_table_add_cell (text, _("Unit"));
  for (guint y = 0; y < table->years->len; y++)
    shk_cli_table_add_cell (text, shk_fiscal_year_get_id (g_ptr_array_index (table->years, y)));
  for (guint e = 0; e < table->evaluations->len; e++)
    shk_cli_table_add_cell (text, shk_evaluation_get_id (g_ptr_array_index (table->evaluations, e)));
  shk_cli_table_add_rule (text);

  measures_table_foreach_row (table, add_text_row, text);

  rendered = shk_cli_table_render (text);
  shk_cli_print (rendered);
  shk_cli_print ("\n");
  shk_cli_print (_("Years show actual / target. Evaluations show the indicator’s rate and the "
                   "measure’s grade (its worst indicator’s); * marks a manual grade that departs "
                   "from the computed one, + a manual grade where nothing can be computed."));
  shk_cli_print ("\n");
}

int
shk_cli_measures (int    argc,
                  char **argv)
{
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  MeasuresTable table = { NULL };
  ShkCliFormat format;
  int status;

  context = shk_cli_option_context_new (_("[FILE]"),
                                        _("Lists every measure and indicator: targets and actuals "
                                          "per fiscal year, the progress rate per year, and per "
                                          "evaluation the rate and the computed, manual and "
                                          "effective grade with where it comes from. CSV follows "
                                          "RFC 4180, in UTF-8 with a header row."),
                                        entries);
  if ((status = shk_cli_parse_file_options (context, &argc, &argv, &format_text,
                                            SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_CSV | SHK_CLI_FORMAT_JSON,
                                            &format)) != SHK_CLI_EXIT_OK)
    return status;

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  measures_table_init (&table, plan);
  switch (format)
    {
    case SHK_CLI_FORMAT_CSV:
      {
        ShkCliCsv csv;

        shk_cli_csv_init (&csv);
        add_csv_header (&table, &csv);
        measures_table_foreach_row (&table, add_csv_row, &csv);
        shk_cli_print (csv.text->str);
        shk_cli_csv_clear (&csv);
      }
      break;
    case SHK_CLI_FORMAT_JSON:
      print_measures_json (&table);
      break;
    case SHK_CLI_FORMAT_TEXT:
    default:
      print_measures_text (&table);
      break;
    }
  measures_table_clear (&table);
  return SHK_CLI_EXIT_OK;
}
