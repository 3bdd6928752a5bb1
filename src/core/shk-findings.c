/* shk-findings.c — the AI/RPA findings of 資料1-3 beyond the ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-findings.h"
#include "shk-number.h"
#include "shk-format-private.h"
#include "shk-ranking.h"
#include "shk-source-json.h"
#include "shk-source-tables.h"

static void
effect_free (gpointer data)
{
  ShkQualitativeEffect *effect = data;

  g_free (effect->group);
  g_free (effect->effect);
  g_strfreev (effect->content);
  g_strfreev (effect->examples);
  g_array_unref (effect->ranks);
  g_free (effect);
}

static void
demo_result_free (gpointer data)
{
  ShkDemoResult *result = data;

  g_free (result->section);
  g_free (result->unit);
  g_free (result->business);
  g_free (result->process);
  g_free (result);
}

static void
experiment_free (gpointer data)
{
  ShkDemoExperiment *experiment = data;

  g_free (experiment->name);
  g_free (experiment->section);
  g_free (experiment->unit);
  g_free (experiment->business);
  g_free (experiment->result_text);
  g_strfreev (experiment->issues);
  g_ptr_array_unref (experiment->effects);
  g_free (experiment);
}

static void
e_application_free (gpointer data)
{
  ShkEApplication *candidate = data;

  g_free (candidate->section);
  g_free (candidate->unit);
  g_free (candidate->procedure);
  g_free (candidate);
}

static void
section_row_free (gpointer data)
{
  ShkSectionRow *row = data;

  g_free (row->section);
  g_free (row->unit);
  g_array_unref (row->ranks);
  g_free (row);
}

static void
promotion_free (ShkPromotionPolicy *policy)
{
  if (policy == NULL)
    return;
  g_free (policy->heading);
  g_free (policy->subheading);
  g_strfreev (policy->standardisation);
  g_strfreev (policy->ai_rpa);
  g_free (policy->goal);
  g_free (policy->scope_label);
  g_free (policy->scope);
  g_free (policy->note);
  g_strfreev (policy->paragraphs);
  g_free (policy);
}

static void
further_row_free (gpointer data)
{
  ShkFurtherRow *row = data;

  g_free (row->issue);
  g_strfreev (row->remedies);
  g_free (row);
}

static void
further_free (ShkFurtherMeasures *further)
{
  if (further == NULL)
    return;
  g_free (further->heading);
  g_free (further->intro);
  g_free (further->issue_heading);
  g_free (further->remedy_heading);
  g_ptr_array_unref (further->rows);
  g_strfreev (further->closing);
  g_free (further);
}

static GArray *
read_ranks (JsonObject *object,
            const char *name)
{
  JsonArray *array = shk_source_get_array (object, name);
  GArray *ranks = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 rank;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        continue;
      rank = json_node_get_int (node);
      if (rank > 0 && rank <= G_MAXUINT)
        g_array_append_val (ranks, (guint) { (guint) rank });
    }
  return ranks;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static GPtrArray *
read_effects (JsonObject *object,
              const char *name)
{
  JsonArray *array = shk_source_get_array (object, name);
  GPtrArray *effects = g_ptr_array_new_with_free_func (effect_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *row = array_object (array, i);
      ShkQualitativeEffect *effect;

      if (row == NULL)
        continue;
      effect = g_new0 (ShkQualitativeEffect, 1);
      effect->group = g_strdup (shk_source_get_string (row, "group"));
      effect->effect = g_strdup (shk_source_get_string (row, "effect"));
      effect->content = shk_source_dup_strv (row, "content");
      effect->examples = shk_source_dup_strv (row, "example_tasks");
      effect->ranks = read_ranks (row, "ranks");
      g_ptr_array_add (effects, effect);
    }
  return effects;
}

static void
read_demo_results (ShkFindings *self,
                   JsonObject  *table)
{
  JsonArray *array = shk_source_get_array (table, "demo_results");
  g_autoptr(GHashTable) sections = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *row = array_object (array, i);
      ShkDemoResult *result;

      if (row == NULL)
        continue;
      result = g_new0 (ShkDemoResult, 1);
      result->section = g_strdup (shk_source_get_string (row, "section"));
      result->unit = g_strdup (shk_source_get_string (row, "unit"));
      result->business = g_strdup (shk_source_get_string (row, "business"));
      result->process = g_strdup (shk_source_get_string (row, "process"));
      shk_source_get_count (row, "rank", &result->rank);
      shk_source_get_number (row, "hours_per_year", &result->hours);
      shk_source_get_number (row, "reduction_hours_per_year", &result->reduction);
      result->reduction_share = result->hours > 0 ? result->reduction / result->hours : 0;
      self->demo_hours += result->hours;
      self->demo_reduction += result->reduction;
      if (result->section != NULL)
        g_hash_table_add (sections, result->section);
      g_ptr_array_add (self->demo_results, result);
    }
  self->demo_sections = g_hash_table_size (sections);
}

/* An experiment's hours and reduction are those of its processes'
 * results, matched by rank; the printed totals (9,213 h and 6,643 h for
 * the nursery experiment) are the same sums. */
static void
sum_experiment (ShkFindings       *self,
                ShkDemoExperiment *experiment,
                GArray            *ranks)
{
  for (guint i = 0; i < ranks->len; i++)
    for (guint j = 0; j < self->demo_results->len; j++)
      {
        ShkDemoResult *result = g_ptr_array_index (self->demo_results, j);

        if (result->rank != g_array_index (ranks, guint, i))
          continue;
        experiment->n_processes++;
        experiment->hours += result->hours;
        experiment->reduction += result->reduction;
      }
}

static void
read_experiments (ShkFindings *self,
                  JsonObject  *table)
{
  JsonArray *array = shk_source_get_array (table, "demo_experiments");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *row = array_object (array, i);
      g_autoptr(GArray) ranks = NULL;
      ShkDemoExperiment *experiment;

      if (row == NULL)
        continue;
      experiment = g_new0 (ShkDemoExperiment, 1);
      experiment->name = g_strdup (shk_source_get_string (row, "experiment"));
      experiment->section = g_strdup (shk_source_get_string (row, "section"));
      experiment->unit = g_strdup (shk_source_get_string (row, "unit"));
      experiment->business = g_strdup (shk_source_get_string (row, "business"));
      experiment->result_text = g_strdup (shk_source_get_string (row, "result_text"));
      experiment->issues = shk_source_dup_strv (row, "issues");
      experiment->effects = read_effects (row, "qualitative_effects_5_2");
      ranks = read_ranks (row, "ranks");
      sum_experiment (self, experiment, ranks);
      g_ptr_array_add (self->experiments, experiment);
    }
}

static void
read_e_applications (ShkFindings *self,
                     JsonObject  *table)
{
  JsonArray *array = shk_source_get_array (table, "e_application_candidates");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *row = array_object (array, i);
      ShkEApplication *candidate;

      if (row == NULL)
        continue;
      candidate = g_new0 (ShkEApplication, 1);
      if (!shk_source_get_count (row, "rank", &candidate->rank))
        candidate->rank = self->e_applications->len + 1;
      candidate->section = g_strdup (shk_source_get_string (row, "section"));
      candidate->unit = g_strdup (shk_source_get_string (row, "unit"));
      candidate->procedure = g_strdup (shk_source_get_string (row, "procedure"));
      shk_source_get_number (row, "annual_count", &candidate->annual_cases);
      self->e_application_cases += candidate->annual_cases;
      g_ptr_array_add (self->e_applications, candidate);
    }
}

static ShkSectionRow *
section_row_new (const char *section,
                 const char *unit)
{
  ShkSectionRow *row = g_new0 (ShkSectionRow, 1);

  row->section = g_strdup (section != NULL ? section : "");
  row->unit = g_strdup (unit != NULL ? unit : "");
  row->ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  return row;
}

static int
compare_section_rows (gconstpointer a,
                      gconstpointer b)
{
  const ShkSectionRow *x = *(ShkSectionRow * const *) a;
  const ShkSectionRow *y = *(ShkSectionRow * const *) b;

  if (x->hours != y->hours)
    return x->hours > y->hours ? -1 : 1;
  return g_strcmp0 (x->section, y->section);
}

/* Groups the ranked processes by a key: the section and unit, or the
 * policy. Ranks are the ranking's, so the table agrees with the list. */
static void
group_processes (ShkFindings *self,
                 ShkSurvey   *survey)
{
  g_autoptr(ShkRanking) ranking = shk_ranking_new (survey);
  g_autoptr(GHashTable) by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_policy = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      ShkRankedProcess *ranked = &ranking->processes[i];
      ShkProcess *process = ranked->process;
      const char *section = shk_process_get_section (process);
      const char *unit = shk_process_get_unit (process);
      const char *policy = shk_process_get_policy (process);
      g_autofree char *key = g_strconcat (section != NULL ? section : "", "\n",
                                          unit != NULL ? unit : "", NULL);
      ShkSectionRow *row = g_hash_table_lookup (by_unit, key);

      if (row == NULL)
        {
          row = section_row_new (section, unit);
          g_ptr_array_add (self->by_section, row);
          g_hash_table_insert (by_unit, g_steal_pointer (&key), row);
        }
      row->n_processes++;
      row->hours += ranked->hours;
      g_array_append_val (row->ranks, ranked->rank);

      if (policy == NULL || policy[0] == '\0')
        continue;
      row = g_hash_table_lookup (by_policy, policy);
      if (row == NULL)
        {
          row = section_row_new (policy, NULL);
          g_ptr_array_add (self->policies, row);
          g_hash_table_insert (by_policy, row->section, row);
        }
      row->n_processes++;
      row->hours += ranked->hours;
      g_array_append_val (row->ranks, ranked->rank);
    }
  g_ptr_array_sort (self->by_section, compare_section_rows);
}

/* Like every source table, 7-1 is kept as the file had it; a policy
 * without a heading (or not an object) is not shown, rather than shown
 * half. Missing parts read as empty. */
static ShkPromotionPolicy *
read_promotion (JsonObject *table)
{
  JsonObject *object = shk_source_get_object (table, "promotion_policy_7_1");
  const char *heading = shk_source_get_string (object, "heading");
  ShkPromotionPolicy *policy;

  if (heading == NULL || heading[0] == '\0')
    return NULL;
  policy = g_new0 (ShkPromotionPolicy, 1);
  policy->heading = g_strdup (heading);
  policy->subheading = g_strdup (shk_source_get_string (object, "subheading"));
  policy->standardisation = shk_source_dup_strv (object, "standardisation");
  policy->ai_rpa = shk_source_dup_strv (object, "ai_rpa");
  policy->goal = g_strdup (shk_source_get_string (object, "goal"));
  policy->scope_label = g_strdup (shk_source_get_string (object, "scope_label"));
  policy->scope = g_strdup (shk_source_get_string (object, "scope"));
  policy->note = g_strdup (shk_source_get_string (object, "note"));
  policy->paragraphs = shk_source_dup_strv (object, "paragraphs");
  return policy;
}

/* As 7-1: a part without rows is not shown at all. */
static ShkFurtherMeasures *
read_further (JsonObject *table)
{
  JsonObject *object = shk_source_get_object (table, "further_measures_5_2");
  JsonArray *rows = shk_source_get_array (object, "rows");
  JsonArray *columns = shk_source_get_array (object, "columns");
  ShkFurtherMeasures *further;

  if (rows == NULL || json_array_get_length (rows) == 0)
    return NULL;
  further = g_new0 (ShkFurtherMeasures, 1);
  further->heading = g_strdup (shk_source_get_string (object, "heading"));
  further->intro = g_strdup (shk_source_get_string (object, "intro"));
  further->closing = shk_source_dup_strv (object, "closing");
  further->rows = g_ptr_array_new_with_free_func (further_row_free);
  for (guint i = 0; columns != NULL && i < json_array_get_length (columns) && i < 2; i++)
    {
      JsonNode *node = json_array_get_element (columns, i);
      char **heading = i == 0 ? &further->issue_heading : &further->remedy_heading;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        *heading = g_strdup (json_node_get_string (node));
    }
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *object_row = array_object (rows, i);
      ShkFurtherRow *row;

      if (object_row == NULL)
        continue;
      row = g_new0 (ShkFurtherRow, 1);
      row->issue = g_strdup (shk_source_get_string (object_row, "issue"));
      row->remedies = shk_source_dup_strv (object_row, "remedies");
      g_ptr_array_add (further->rows, row);
    }
  return further;
}

static void
read_survey (ShkFindings *self,
             ShkSurvey   *survey)
{
  JsonObject *unknown = g_object_get_data (G_OBJECT (survey), EXTRA_KEY);
  JsonObject *source = shk_source_get_object (unknown, "source_data");
  JsonObject *e_application = shk_source_get_object (source, "e_application");

  self->survey_title = g_strdup (shk_survey_get_title (survey));
  self->sections = shk_survey_get_total_sections (survey);
  self->businesses = shk_survey_get_total_businesses (survey);
  self->processes = shk_survey_get_total_processes (survey);
  self->total_hours = shk_survey_get_total_hours (survey);
  self->survey_period = g_strdup (shk_source_get_string (source, "survey_period"));
  self->survey_method = g_strdup (shk_source_get_string (source, "survey_method"));
  self->report_title = g_strdup (shk_source_get_string (source, "report_title"));
  self->report_date = g_strdup (shk_source_get_string (source, "report_date"));
  shk_source_get_count (e_application, "candidate_processes_no_visit_no_id",
                        &self->e_candidate_processes);
  shk_source_get_count (e_application, "candidate_businesses", &self->e_candidate_businesses);
  group_processes (self, survey);
}

ShkFindings *
shk_findings_new_for_plan (ShkPlan *plan)
{
  ShkFindings *self;
  JsonObject *table;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  self = g_new0 (ShkFindings, 1);
  self->demo_results = g_ptr_array_new_with_free_func (demo_result_free);
  self->experiments = g_ptr_array_new_with_free_func (experiment_free);
  self->e_applications = g_ptr_array_new_with_free_func (e_application_free);
  self->by_section = g_ptr_array_new_with_free_func (section_row_free);
  self->policies = g_ptr_array_new_with_free_func (section_row_free);

  table = shk_plan_get_source_table (plan, "ai_rpa_processes");
  self->demo_period = g_strdup (shk_source_get_string (shk_source_get_object (table, "demo_overview"),
                                                       "period"));
  read_demo_results (self, table);
  read_experiments (self, table);
  self->effects = read_effects (table, "qualitative_effects_5_1");
  read_e_applications (self, table);
  self->promotion = read_promotion (table);
  self->effects_conclusion = g_strdup (shk_source_get_string (table, "effects_5_1_conclusion"));
  self->demo_conclusion = g_strdup (shk_source_get_string (table, "effects_5_2_conclusion"));
  self->further = read_further (table);
  if (shk_plan_get_survey (plan) != NULL)
    read_survey (self, shk_plan_get_survey (plan));
  return self;
}

void
shk_findings_free (ShkFindings *self)
{
  if (self == NULL)
    return;
  g_free (self->survey_title);
  g_free (self->survey_period);
  g_free (self->survey_method);
  g_free (self->report_title);
  g_free (self->report_date);
  g_free (self->demo_period);
  g_ptr_array_unref (self->demo_results);
  g_ptr_array_unref (self->experiments);
  g_ptr_array_unref (self->effects);
  g_ptr_array_unref (self->e_applications);
  g_ptr_array_unref (self->policies);
  g_ptr_array_unref (self->by_section);
  promotion_free (self->promotion);
  g_free (self->effects_conclusion);
  g_free (self->demo_conclusion);
  further_free (self->further);
  g_free (self);
}

char *
shk_findings_format_ranks (GArray *ranks)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; ranks != NULL && i < ranks->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? ", " : "", g_array_index (ranks, guint, i));
  return g_string_free (text, FALSE);
}

char *
shk_promotion_policy_format_row (const ShkPromotionPolicy *policy,
                                 GStrv                     boxes,
                                 gboolean                  scope)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (policy != NULL, NULL);

  if (scope && policy->scope != NULL)
    {
      /* The scope box is drawn inside a frame labelled 本書の範囲. */
      if (policy->scope_label != NULL)
        g_string_append_printf (text, "［%s］", policy->scope_label);
      g_string_append (text, policy->scope);
    }
  for (guint i = 0; boxes != NULL && boxes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " → " : "", boxes[i]);
  if (policy->goal != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " → " : "", policy->goal);
  return g_string_free (text, FALSE);
}

char *
shk_findings_describe_e_application (const ShkFindings *findings)
{
  g_autofree char *cases = NULL;

  g_return_val_if_fail (findings != NULL, NULL);

  cases = shk_format_number (findings->e_application_cases);
  /* 資料1-3 6.: "…処理は28業務32処理あった。…8業務について…". */
  if (findings->e_candidate_businesses > 0)
    return g_strdup_printf (_("%u processes of %u businesses need neither a visit nor an identity "
                              "check; %u procedures could use the existing e-application system, "
                              "%s cases a year."),
                            findings->e_candidate_processes, findings->e_candidate_businesses,
                            findings->e_applications->len, cases);
  return g_strdup_printf (_("%u processes need neither a visit nor an identity check; "
                            "%u procedures could use the existing e-application system, "
                            "%s cases a year."),
                          findings->e_candidate_processes, findings->e_applications->len, cases);
}
