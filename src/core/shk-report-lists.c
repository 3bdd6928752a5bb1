/* shk-report-lists.c — the handout's own lists of measures, 資料1-1 (2)–(5):
 * those newly fully achieved, those lagging, those added and those
 * expanded in the coming year
 *
 * Every list is computed from the document: grades from the rules, the
 * added measures from their year_added. What the figures cannot give is
 * taken from the handout's tables as printed (source_tables
 * "plan_summary") and said so in a footnote: the rates printed for a
 * measure without figures (No.11), and the expansions of (5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-report-private.h"
#include "shk-source-tables.h"

/* The handout's tables are kept as the file had them: any member may be
 * of any type, so each is checked before it is read. */
static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
element_object (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

/* A whole number in 1…G_MAXUINT, else 0. */
static guint
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  gint64 value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  value = json_node_get_int (node);
  return value > 0 && value <= G_MAXUINT ? (guint) value : 0;
}

static void
add_number_and_name (ShkPageRow *row,
                     ShkMeasure *measure)
{
  shk_page_row_take_markup (row, 0, 0, g_strdup_printf ("%u", shk_measure_get_number (measure)));
  shk_page_row_set_text (row, 1, 0, shk_measure_get_name (measure));
}

/* "R2/R3" as a heading of two lines, "Achievement rate" over the id, so
 * that a narrow column never breaks the id itself. */
static char *
rate_heading (ShkEvaluation *evaluation,
              gboolean       progress)
{
  return g_strdup_printf ("%s\n%s", progress ? _("Progress rate") : _("Achievement rate"),
                          shk_evaluation_get_id (evaluation));
}

/* ------------------------------------------------------------------ */
/* (2) Measures newly fully achieved                                   */

static ShkPageTable *
new_list_table (const char    *caption,
                ShkEvaluation *evaluation,
                gboolean       with_rate)
{
  ShkPageTable *table = shk_page_table_new (caption);

  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 16, 3, 3);
  if (with_rate)
    {
      g_autofree char *heading = rate_heading (evaluation, FALSE);

      shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_RIGHT);
    }
  else
    shk_page_table_add_text_column (table, _("Grounds"), 14, 3, 3);
  return table;
}

static void
add_newly_achieved (ShkReport     *self,
                    ShkPlan       *plan,
                    GPtrArray     *newly,
                    ShkEvaluation *evaluation)
{
  g_autoptr(GPtrArray) rated = g_ptr_array_new ();
  g_autoptr(GPtrArray) judged = g_ptr_array_new ();
  ShkPageTable *table;

  for (guint i = 0; i < newly->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (newly, i);
      ShkGradeInfo info;

      shk_plan_grade_measure (plan, measure, evaluation, &info);
      g_ptr_array_add (info.has_rate ? rated : judged, measure);
    }

  if (rated->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("① Achieved: the actual of %s is %g%% or more of "
                                                    "the final year’s target (%u)"),
                                                  shk_report_year_label (plan, shk_evaluation_get_actual_year (evaluation)),
                                                  shk_plan_get_achieved_threshold (plan), rated->len);

      table = new_list_table (heading, evaluation, TRUE);
      shk_page_flow_add_subheading (self->flow, heading);
      for (guint i = 0; i < rated->len; i++)
        {
          ShkMeasure *measure = g_ptr_array_index (rated, i);
          ShkPageRow *row = shk_page_table_add_row (table, 1);

          add_number_and_name (row, measure);
          shk_page_row_take_markup (row, 2, 0, shk_report_measure_rate_markup (plan, measure, evaluation));
        }
      table->compact = TRUE;
      shk_page_flow_add_table (self->flow, table);
    }

  if (judged->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("② Achieved as judged by the office from the work "
                                                    "done (%u)"), judged->len);

      table = new_list_table (heading, evaluation, FALSE);
      shk_page_flow_add_subheading (self->flow, heading);
      for (guint i = 0; i < judged->len; i++)
        {
          ShkMeasure *measure = g_ptr_array_index (judged, i);
          ShkPageRow *row = shk_page_table_add_row (table, 1);
          ShkGradeInfo info;

          shk_plan_grade_measure (plan, measure, evaluation, &info);
          add_number_and_name (row, measure);
          shk_page_row_set_text (row, 2, 0, info.reason != NULL && *info.reason != '\0'
                                              ? info.reason : _("Judged by the office"));
        }
      table->compact = TRUE;
      shk_page_flow_add_table (self->flow, table);
    }
}

/* Every measure at ◎, the new ones shaded: where the list above sits. */
static ShkPageTable *
all_achieved_table (ShkPlan       *plan,
                    GPtrArray     *measures,
                    GHashTable    *newly,
                    ShkEvaluation *evaluation,
                    ShkEvaluation *previous)
{
  g_autofree char *rate = rate_heading (evaluation, FALSE);
  g_autofree char *before = previous != NULL ? shk_report_evaluation_heading (previous) : NULL;
  ShkPageTable *table = shk_page_table_new (_("Measures fully achieved"));

  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 16, 3, 3);
  shk_page_table_add_figure_column (table, rate, SHK_PAGE_ALIGN_RIGHT);
  if (previous != NULL)
    shk_page_table_add_figure_column (table, before, SHK_PAGE_ALIGN_CENTER);

  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);

      add_number_and_name (row, measure);
      shk_page_row_take_markup (row, 2, 0, shk_report_measure_rate_markup (plan, measure, evaluation));
      if (previous != NULL)
        shk_page_row_take_markup (row, 3, 0, shk_report_grade_markup (plan, measure, previous));
      if (g_hash_table_contains (newly, measure))
        row->fill = &highlight_fill;
    }
  table->compact = TRUE;
  return table;
}

void
shk_report_add_achieved_section (ShkReport *self,
                                 ShkPlan   *plan)
{
  ShkEvaluation *evaluation = shk_plan_get_reporting_evaluation (plan);
  ShkEvaluation *previous;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) newly = g_ptr_array_new ();
  g_autoptr(GHashTable) is_new = g_hash_table_new (NULL, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *all = NULL;

  if (evaluation == NULL)
    {
      shk_page_flow_add_text (self->flow, _("The plan has no evaluation yet."));
      return;
    }
  previous = shk_report_previous_evaluation (plan, evaluation);
  measures = shk_plan_list_measures_with_grade (plan, evaluation, SHK_GRADE_ACHIEVED, TRUE);

  /* Newly: ◎ now and not ◎ a year before, as the handout's list has it.
   * Without an earlier evaluation every ◎ is new. */
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);

      if (previous == NULL || shk_plan_get_effective_grade (plan, measure, previous) != SHK_GRADE_ACHIEVED)
        {
          g_ptr_array_add (newly, measure);
          g_hash_table_add (is_new, measure);
        }
    }

  heading = g_strdup_printf (_("Measures newly fully achieved (◎) at the end of %s (%u)"),
                             shk_report_year_label (plan, shk_evaluation_get_actual_year (evaluation)),
                             newly->len);
  shk_report_set_heading (self, heading);
  if (newly->len == 0)
    shk_page_flow_add_text (self->flow, _("No measure has newly reached ◎."));
  else
    add_newly_achieved (self, plan, newly, evaluation);

  if (measures->len == 0)
    return;
  all = g_strdup_printf (_("Every measure fully achieved (◎) in %s (%u); the shaded ones are new"),
                         shk_evaluation_get_id (evaluation), measures->len);
  shk_page_flow_add_subheading (self->flow, all);
  shk_page_flow_add_table (self->flow, all_achieved_table (plan, measures, is_new, evaluation, previous));
}

/* ------------------------------------------------------------------ */
/* (3) Measures not really achieved                                    */

/* The item of a handout list for measure @number, or NULL. */
static JsonObject *
printed_list_item (ShkPlan    *plan,
                   const char *list,
                   guint       number)
{
  JsonObject *object = member_object (shk_plan_get_source_table (plan, "plan_summary"), list);
  JsonArray *groups = member_array (object, "subgroups");

  for (guint g = 0; groups != NULL && g < json_array_get_length (groups); g++)
    {
      JsonArray *items = member_array (element_object (groups, g), "items");

      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          JsonObject *item = element_object (items, i);

          if (item != NULL && member_number (item, "no") == number)
            return item;
        }
    }
  return NULL;
}

/* The rate as printed in (3) for a measure whose figures give none
 * (No.11: 33.0 % and 67.0 %, with no indicator), or NULL. */
static char *
printed_rate (ShkPlan       *plan,
              ShkMeasure    *measure,
              ShkEvaluation *evaluation)
{
  JsonObject *item = printed_list_item (plan, "list_3_not_achieved", shk_measure_get_number (measure));
  g_autofree char *key = NULL;
  JsonNode *node;

  if (item == NULL)
    return NULL;
  key = g_strdup_printf ("achievement_rate_%s_pct", shk_evaluation_get_id (evaluation));
  g_strdelimit (key, "/", '_');
  node = json_object_get_member (item, key);
  if (node == NULL ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return NULL;
  return g_strdup_printf ("%.1f%%", json_node_get_double (node));
}

/* The office's reason where it judged the grade, else what was done. */
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

typedef struct
{
  ShkPlan       *plan;
  ShkEvaluation *evaluation;
  ShkEvaluation *previous;
  GPtrArray     *evaluations;
  GString       *printed;     /* "No.11" of the rates taken as printed */
} Lagging;

static void
add_rate_cell (Lagging       *lagging,
               ShkPageRow    *row,
               guint          column,
               ShkMeasure    *measure,
               ShkEvaluation *evaluation)
{
  char *markup = shk_report_measure_rate_markup (lagging->plan, measure, evaluation);
  g_autofree char *printed = NULL;

  if (markup == NULL && (printed = printed_rate (lagging->plan, measure, evaluation)) != NULL)
    {
      g_autofree char *number = g_strdup_printf ("No.%u", shk_measure_get_number (measure));

      markup = g_markup_printf_escaped ("%s※", printed);
      if (strstr (lagging->printed->str, number) == NULL)
        g_string_append_printf (lagging->printed, "%s%s", lagging->printed->len > 0 ? ", " : "", number);
    }
  shk_page_row_take_markup (row, column, 0, markup);
}

static void
add_lagging_rows (Lagging      *lagging,
                  ShkPageTable *table,
                  GPtrArray    *measures)
{
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autofree char *notes = measure_remarks (lagging->plan, measure, lagging->evaluation);
      guint c = 2;

      add_number_and_name (row, measure);
      for (guint e = 0; e < lagging->evaluations->len; e++)
        shk_page_row_take_markup (row, c++, 0,
                                  shk_report_grade_markup (lagging->plan, measure,
                                                           g_ptr_array_index (lagging->evaluations, e)));
      if (lagging->previous != NULL)
        add_rate_cell (lagging, row, c++, measure, lagging->previous);
      add_rate_cell (lagging, row, c++, measure, lagging->evaluation);
      shk_page_row_set_text (row, c, 0, notes);
    }
}

static ShkPageTable *
lagging_table (Lagging *lagging)
{
  ShkPageTable *table = shk_page_table_new (_("Measures not really achieved"));

  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 12, 4, 3);
  for (guint e = 0; e < lagging->evaluations->len; e++)
    {
      g_autofree char *heading = shk_report_evaluation_heading (g_ptr_array_index (lagging->evaluations, e));

      shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_CENTER);
    }
  /* The rate a year before beside this year's, as (3)② prints them. */
  if (lagging->previous != NULL)
    {
      g_autofree char *heading = rate_heading (lagging->previous, FALSE);

      shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_RIGHT);
    }
  {
    g_autofree char *heading = rate_heading (lagging->evaluation, FALSE);

    shk_page_table_add_figure_column (table, heading, SHK_PAGE_ALIGN_RIGHT);
  }
  shk_page_table_add_text_column (table, _("Actions and remarks"), 12, 5, 3);
  return table;
}

void
shk_report_add_lagging_section (ShkReport *self,
                                ShkPlan   *plan)
{
  ShkEvaluation *evaluation = shk_plan_get_reporting_evaluation (plan);
  ShkEvaluation *progress = shk_report_progress_evaluation (plan);
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) evaluations = shk_report_list_to_array (shk_plan_get_evaluations (plan));
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GPtrArray) only = g_ptr_array_new ();
  g_autoptr(GString) printed = g_string_new (NULL);
  g_autofree char *heading = NULL;
  Lagging lagging = { .plan = plan, .evaluations = evaluations, .printed = printed };
  ShkPageTable *table;

  if (evaluation == NULL)
    {
      shk_page_flow_add_text (self->flow, _("The plan has no evaluation yet."));
      return;
    }
  lagging.evaluation = evaluation;
  lagging.previous = shk_report_previous_evaluation (plan, evaluation);
  measures = shk_plan_list_measures_with_grade (plan, evaluation, SHK_GRADE_LAGGING, TRUE);
  heading = g_strdup_printf (_("Measures not really achieved (△) at the end of %s (%u)"),
                             shk_report_year_label (plan, shk_evaluation_get_actual_year (evaluation)),
                             measures->len);
  shk_report_set_heading (self, heading);
  if (measures->len == 0)
    {
      shk_page_flow_add_text (self->flow, _("No measure is lagging."));
      return;
    }

  /* As the handouts do: first those lagging in this year's progress too,
   * then those on track this year but short of the final target. */
  for (guint i = 0; i < measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, i);

      if (progress != NULL && shk_plan_get_effective_grade (plan, measure, progress) != SHK_GRADE_LAGGING)
        g_ptr_array_add (only, measure);
      else
        g_ptr_array_add (both, measure);
    }

  table = lagging_table (&lagging);
  if (progress != NULL && both->len > 0 && only->len > 0)
    {
      g_autofree char *first = g_strdup_printf (_("① △ in both %s and %s (%u)"),
                                                shk_evaluation_get_id (evaluation),
                                                shk_evaluation_get_id (progress), both->len);
      g_autofree char *second = g_strdup_printf (_("② △ in %s, but ◎ or ○ in %s (%u)"),
                                                 shk_evaluation_get_id (evaluation),
                                                 shk_evaluation_get_id (progress), only->len);

      shk_page_table_add_group (table, first);
      add_lagging_rows (&lagging, table, both);
      shk_page_table_add_group (table, second);
      add_lagging_rows (&lagging, table, only);
    }
  else
    add_lagging_rows (&lagging, table, measures);
  shk_page_flow_add_table (self->flow, table);

  if (printed->len > 0)
    {
      g_autofree char *note = g_strdup_printf (_("Rates marked ※ (%s) are those printed in the handout: "
                                                 "the document’s figures give this measure no rate."),
                                               printed->str);

      shk_report_add_footnote (self, note);
    }
}

/* ------------------------------------------------------------------ */
/* (4) Measures added, (5) measures expanded                           */

void
shk_report_add_added_section (ShkReport *self,
                              ShkPlan   *plan)
{
  GListModel *measures = shk_plan_get_measures (plan);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  const char *year = NULL;
  gboolean one_year = TRUE;
  g_autofree char *heading = NULL;
  ShkPageTable *table;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      const char *added_in = shk_measure_get_year_added (measure);

      if (added_in == NULL || *added_in == '\0')
        continue;
      one_year &= year == NULL || g_str_equal (year, added_in);
      year = added_in;
      g_ptr_array_add (added, g_steal_pointer (&measure));
    }

  if (year != NULL && one_year)
    heading = g_strdup_printf (_("Measures added in %s (%u)"), shk_report_year_label (plan, year), added->len);
  else
    heading = g_strdup_printf (_("Measures added during the plan (%u)"), added->len);
  shk_report_set_heading (self, heading);
  if (added->len == 0)
    {
      shk_page_flow_add_text (self->flow, _("No measure was added during the plan."));
      return;
    }

  table = shk_page_table_new (_("Measures added"));
  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 12, 2, 3);
  shk_page_table_add_text_column (table, _("Purpose and outline"), 24, 6, 6);
  for (guint i = 0; i < added->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (added, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);

      add_number_and_name (row, measure);
      shk_page_row_set_text (row, 2, 0, shk_measure_get_purpose (measure));
    }
  shk_page_flow_add_table (self->flow, table);
}

/* The year after the reporting one ("R3" after "R2"), or NULL. */
static const char *
coming_year (ShkPlan *plan)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  const char *reporting = shk_plan_get_reporting_year (plan);
  guint n = g_list_model_get_n_items (years);

  for (guint i = 0; reporting != NULL && i + 1 < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autoptr(ShkFiscalYear) next = NULL;

      if (!g_str_equal (shk_fiscal_year_get_id (year), reporting))
        continue;
      next = g_list_model_get_item (years, i + 1);
      return shk_fiscal_year_get_id (next);
    }
  return NULL;
}

void
shk_report_add_expanded_section (ShkReport *self,
                                 ShkPlan   *plan)
{
  const char *year = coming_year (plan);
  g_autofree char *key = g_strdup_printf ("list_5_expanded_measures_%s", year != NULL ? year : "");
  JsonArray *items = member_array (member_object (shk_plan_get_source_table (plan, "plan_summary"), key),
                                   "items");
  guint n = items != NULL ? json_array_get_length (items) : 0;
  g_autofree char *heading = NULL;
  ShkPageTable *table;

  if (year != NULL)
    {
      heading = g_strdup_printf (_("Main measures with expansions in %s (%u)"),
                                 shk_report_year_label (plan, year), n);
      shk_report_set_heading (self, heading);
    }
  if (n == 0)
    {
      shk_page_flow_add_text (self->flow, _("The document lists no expansions for the coming year."));
      return;
    }

  table = shk_page_table_new (_("Measures with expansions"));
  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Measure"), 12, 2, 3);
  shk_page_table_add_text_column (table, _("Expansion"), 24, 6, 6);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = element_object (items, i);
      guint number = member_number (item, "no");
      /* The measure's name as the document has it now; the printed one
       * only for a measure the document no longer holds. */
      ShkMeasure *measure = number > 0 ? shk_plan_find_measure (plan, number, NULL) : NULL;
      const char *name = measure != NULL ? shk_measure_get_name (measure)
                                         : member_string (item, "measure");
      ShkPageRow *row;

      if (item == NULL)
        continue;
      row = shk_page_table_add_row (table, 1);
      if (number > 0)
        shk_page_row_take_markup (row, 0, 0, g_strdup_printf ("%u", number));
      shk_page_row_set_text (row, 1, 0, name);
      shk_page_row_set_text (row, 2, 0, member_string (item, "expansion"));
    }
  shk_page_flow_add_table (self->flow, table);
}
