/* shk-materials-view.c — the 資料 view: the handouts' other materials
 *
 * The pages are rebuilt from the document after it changes (raising a
 * process's hours changes the findings' section table), as ShkPlanWatch
 * decides: once per burst of edits, and only while the view is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-chart-view.h"
#include "shk-citizen-survey.h"
#include "shk-edit.h"
#include "shk-findings.h"
#include "shk-materials-table.h"
#include "shk-materials-view.h"
#include "shk-next-plan.h"
#include "shk-plan-watch.h"
#include "shk-schedule-chart.h"
#include "shk-successor-dialog.h"
#include "shk-survey-chart.h"

struct _ShkMaterialsView
{
  GtkWidget         parent_instance;

  ShkPlanWatch     *watch;
  ShkPlan          *plan;       /* the watch's, as of the last refresh */
  ShkCitizenSurvey *survey;
  ShkNextPlan      *next_plan;

  /* template children */
  GtkWidget        *box;
  GtkStack         *stack;
  GtkWidget        *findings_box;
  GtkWidget        *next_plan_box;
  GtkWidget        *survey_box;
};

G_DEFINE_FINAL_TYPE (ShkMaterialsView, shk_materials_view, GTK_TYPE_WIDGET)

/* Building blocks ---------------------------------------------------- */

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), css_class == NULL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static char *
bullets (GStrv items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_string_append_printf (text, "%s・%s", i > 0 ? "\n" : "", items[i]);
  return g_string_free (text, FALSE);
}

static char *
percent (gboolean has,
         double   value)
{
  return has && !isnan (value) ? g_strdup_printf ("%.1f%%", value) : NULL;
}

static void
clear_box (GtkWidget *box)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (box)) != NULL; )
    gtk_box_remove (GTK_BOX (box), child);
}

/* Charts -------------------------------------------------------------- */

static void
draw_survey (cairo_t       *cr,
             double         width,
             double         height,
             ShkChartStyle  style,
             gpointer       user_data)
{
  ShkMaterialsView *self = user_data;
  const ShkSurveyChart chart = { .style = style, .survey = self->survey };

  shk_survey_chart_draw (cr, width, height, &chart);
}

static void
draw_schedule (cairo_t       *cr,
               double         width,
               double         height,
               ShkChartStyle  style,
               gpointer       user_data)
{
  ShkMaterialsView *self = user_data;
  const ShkScheduleChart chart = { .style = style, .next_plan = self->next_plan };

  shk_schedule_chart_draw (cr, width, height, &chart);
}

static GtkWidget *
chart_view_new (ShkMaterialsView     *self,
                ShkChartViewDrawFunc  draw,
                const char           *name,
                const char           *description,
                const char           *export_name,
                int                   height)
{
  GtkWidget *view = shk_chart_view_new ();

  shk_chart_view_set_draw_func (SHK_CHART_VIEW (view), draw, self, NULL);
  shk_chart_view_set_description (SHK_CHART_VIEW (view), description);
  /* Screen readers hear what the chart is, then its figures. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  shk_chart_view_set_export_name (SHK_CHART_VIEW (view), export_name);
  gtk_widget_set_size_request (view, -1, height);
  return view;
}

/* The citizen survey ------------------------------------------------- */

static GtkWidget *
question_table (const ShkSurveyQuestion *question)
{
  const char *headings[] = { _("Answer"), _("FY2016"), _("FY2020"), _("Change"),
                             _("National"), _("Gap"), NULL };
                             const char *figures = "011111";
  GtkWidget *table = shk_materials_table_new (question->title, headings, figures);

  for (guint i = 0; i < question->answers->len; i++)
    {
      const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autofree char *fy28 = percent (answer->has_fy28, answer->fy28);
      g_autofree char *fy2 = percent (TRUE, answer->fy2);
      g_autofree char *change = shk_citizen_survey_format_points (answer->change);
      g_autofree char *national = percent (answer->has_national, answer->national);
      g_autofree char *gap = shk_citizen_survey_format_points (answer->gap);
      const char *cells[] = { answer->item, fy28, fy2, change, national, gap };

      shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    }
  return table;
}

static void
fill_survey (ShkMaterialsView *self)
{
  GtkWidget *box = self->survey_box;
  const ShkSurveyQuestion *questions[3];
  g_autofree char *summary = NULL, *sampled = NULL, *valid = NULL, *description = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->survey, shk_citizen_survey_free);
  add_label (box, _("Citizen Survey on Informatization (Material 2-2)"), "title-2");
  if (self->plan == NULL)
    return;
  self->survey = shk_citizen_survey_new_for_plan (self->plan, &error);
  if (self->survey == NULL)
    {
      add_label (box, error->message, "dim-label");
      return;
    }

  sampled = shk_format_number (self->survey->sample_size);
  valid = shk_format_number (self->survey->valid_responses);
  summary = g_strdup_printf (_("%s citizens sampled, %s valid responses (%.1f%%), %u of them by "
                               "e-application (%.1f%% of those sampled). Period: %s."),
                             sampled, valid, self->survey->response_rate,
                             self->survey->e_application_responses,
                             self->survey->e_application_rate,
                             self->survey->period != NULL ? self->survey->period : "");
  add_label (box, summary, NULL);
  if (self->survey->purpose != NULL)
    add_label (box, self->survey->purpose, NULL);

  {
    const ShkSurveyChart chart = { .survey = self->survey };

    description = shk_survey_chart_describe (&chart);
  }
  gtk_box_append (GTK_BOX (box), chart_view_new (self, draw_survey, _("Citizen survey chart"), description,
                                                 "citizen-survey", 520));

  questions[0] = self->survey->devices;
  questions[1] = self->survey->connections;
  questions[2] = self->survey->internet_use;
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (questions[i] != NULL)
      {
        gtk_box_append (GTK_BOX (box), question_table (questions[i]));
        if (questions[i]->footnote != NULL)
          add_label (box, questions[i]->footnote, "dim-label");
      }

  if (self->survey->other_questions->len > 0)
    {
      const char *headings[] = { _("Question"), _("1st"), _("2nd"), _("3rd"), NULL };
      const char *figures = "0000";
      GtkWidget *table = shk_materials_table_new (_("(4) Other questions: the most frequent answers"),
                                                  headings, figures);

      for (guint i = 0; i < self->survey->other_questions->len; i++)
        {
          const ShkSurveyTopQuestion *question = g_ptr_array_index (self->survey->other_questions, i);
          char *answers[3] = { NULL, NULL, NULL };
          const char *cells[4] = { question->question, NULL, NULL, NULL };

          for (guint j = 0; j < MIN (question->answers->len, 3); j++)
            {
              const ShkSurveyAnswer *answer = g_ptr_array_index (question->answers, j);

              answers[j] = g_strdup_printf ("%s %.1f%%", answer->item, answer->fy2);
              cells[j + 1] = answers[j];
            }
          shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
          for (guint j = 0; j < 3; j++)
            g_free (answers[j]);
        }
      gtk_box_append (GTK_BOX (box), table);
    }
}

/* The next plan ------------------------------------------------------ */

static void
fill_next_plan (ShkMaterialsView *self)
{
  GtkWidget *box = self->next_plan_box;
  GtkWidget *button;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL, *internal = NULL, *external = NULL, *duties = NULL;
  GString *history;

  g_clear_pointer (&self->next_plan, shk_next_plan_free);
  add_label (box, _("Drawing Up the Next Plan (Material 2-1)"), "title-2");

  button = gtk_button_new_with_mnemonic (_("_Start the Next Plan…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "materials.start-next-plan");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, _("A new document for the following plan period: "
                                         "the chosen measures with their last actuals as "
                                         "baselines and no targets yet"));
  gtk_box_append (GTK_BOX (box), button);

  if (self->plan == NULL)
    return;
  if (shk_plan_get_previous_plan (self->plan) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This plan follows %s."),
                                               shk_plan_get_previous_plan (self->plan));

      add_label (box, text, NULL);
    }
  self->next_plan = shk_next_plan_new_for_plan (self->plan, &error);
  if (self->next_plan == NULL)
    {
      add_label (box, error->message, "dim-label");
      return;
    }

  add_label (box, _("The Plans So Far"), "heading");
  history = g_string_new (NULL);
  for (guint i = 0; self->next_plan->history_labels[i] != NULL; i++)
    g_string_append_printf (history, "%s%u（%s）", i > 0 ? " → " : "",
                            g_array_index (self->next_plan->history_years, guint, i),
                            self->next_plan->history_labels[i]);
  add_label (box, history->str, NULL);
  g_string_free (history, TRUE);

  add_label (box, _("Overview"), "heading");
  add_label (box, self->next_plan->overview, NULL);
  if (self->next_plan->overview_note != NULL)
    add_label (box, self->next_plan->overview_note, "dim-label");

  add_label (box, _("Structure"), "heading");
  add_label (box, self->next_plan->structure, NULL);
  internal = bullets (self->next_plan->internal);
  external = bullets (self->next_plan->external);
  {
    const char *headings[] = { _("Within the city"), _("Outside"), NULL };
    const char *figures = "00";
    const char *cells[] = { internal, external };
    GtkWidget *table = shk_materials_table_new (NULL, headings, figures);

    shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    gtk_box_append (GTK_BOX (box), table);
  }

  add_label (box, _("The CIO Adviser"), "heading");
  add_label (box, self->next_plan->cio_text, NULL);
  duties = bullets (self->next_plan->cio_duties);
  add_label (box, duties, NULL);

  add_label (box, self->next_plan->schedule_title, "heading");
  {
    const ShkScheduleChart chart = { .next_plan = self->next_plan };

    description = shk_schedule_chart_describe (&chart);
  }
  gtk_box_append (GTK_BOX (box), chart_view_new (self, draw_schedule, _("Schedule chart"), description,
                                                 "schedule", 320));
  {
    const char *headings[] = { _("Item"), _("Meetings"), _("When (planned)"), NULL };
    const char *figures = "010";
    GtkWidget *table = shk_materials_table_new (NULL, headings, figures);

    for (guint i = 0; i < self->next_plan->schedule->len; i++)
      {
        const ShkScheduleItem *item = g_ptr_array_index (self->next_plan->schedule, i);
        g_autofree char *name = g_strdup_printf ("%s%s", item->number != NULL ? item->number : "",
                                                 item->name != NULL ? item->name : "");
        g_autofree char *meetings = item->meetings > 0 ? g_strdup_printf ("%u", item->meetings) : NULL;
        const char *cells[] = { name, meetings, item->timing };

        shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
      }
    gtk_box_append (GTK_BOX (box), table);
  }
  {
    const char *headings[] = { _("When"), _("Agenda"), NULL };
    const char *figures = "00";
    GtkWidget *table = shk_materials_table_new (_("The committee's next meetings (planned)"),
                                                headings, figures);

    for (guint i = 0; i < self->next_plan->upcoming->len; i++)
      {
        const ShkUpcomingMeeting *meeting = g_ptr_array_index (self->next_plan->upcoming, i);
        const char *cells[] = { meeting->timing, meeting->content };

        shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
      }
    gtk_box_append (GTK_BOX (box), table);
  }
}

/* The AI/RPA findings ------------------------------------------------ */

/* With the example tasks (代表事務例) where the handout prints them (5-1). */
static GtkWidget *
effects_table (const char *caption,
               GPtrArray  *effects)
{
  gboolean examples = FALSE;
  const char *with_examples[] = { _("Effect"), _("What it means"), _("Example tasks"),
                                  _("Processes"), NULL };
  const char *without[] = { _("Effect"), _("What it means"), _("Processes"), NULL };
  GtkWidget *table;

  for (guint i = 0; i < effects->len && !examples; i++)
    {
      const ShkQualitativeEffect *effect = g_ptr_array_index (effects, i);

      examples = effect->examples != NULL && effect->examples[0] != NULL;
    }
  table = shk_materials_table_new (caption, examples ? with_examples : without,
                                   examples ? "0000" : "000");
  for (guint i = 0; i < effects->len; i++)
    {
      const ShkQualitativeEffect *effect = g_ptr_array_index (effects, i);
      g_autofree char *name = g_strdup_printf ("%s／%s", effect->group, effect->effect);
      g_autofree char *content = bullets (effect->content);
      g_autofree char *tasks = bullets (effect->examples);
      g_autofree char *ranks = shk_findings_format_ranks (effect->ranks);
      const char *cells[] = { name, content, examples ? tasks : ranks, ranks };

      shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    }
  return table;
}

static void
fill_demo (GtkWidget         *box,
           const ShkFindings *findings)
{
  const char *headings[] = { _("Rank"), _("Section"), _("Process"), _("Hours/Year"),
                             _("Reduction (h/year)"), _("Share"), NULL };
                             const char *figures = "100111";
  GtkWidget *table = shk_materials_table_new (_("Demonstration experiments"), headings, figures);
  g_autofree char *hours = shk_format_number (findings->demo_hours);
  g_autofree char *reduction = shk_format_number (findings->demo_reduction);
  const char *total[] = { NULL, NULL, _("Total"), hours, reduction, NULL };

  for (guint i = 0; i < findings->demo_results->len; i++)
    {
      const ShkDemoResult *result = g_ptr_array_index (findings->demo_results, i);
      g_autofree char *rank = g_strdup_printf ("%u", result->rank);
      g_autofree char *h = shk_format_number (result->hours);
      g_autofree char *r = shk_format_number (result->reduction);
      g_autofree char *share = g_strdup_printf ("%.1f%%", result->reduction_share * 100.0);
      const char *cells[] = { rank, result->section, result->process, h, r, share };

      shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    }
  shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), total);
  gtk_box_append (GTK_BOX (box), table);

  for (guint i = 0; i < findings->experiments->len; i++)
    {
      const ShkDemoExperiment *experiment = g_ptr_array_index (findings->experiments, i);
      g_autofree char *issues = bullets (experiment->issues);
      g_autofree char *caption = g_strdup_printf (_("Qualitative effects found: %s"),
                                                  experiment->name);

      add_label (box, experiment->name, "heading");
      add_label (box, experiment->result_text, NULL);
      if (issues[0] != '\0')
        {
          add_label (box, _("Issues"), "dim-label");
          add_label (box, issues, NULL);
        }
      if (experiment->effects->len > 0)
        gtk_box_append (GTK_BOX (box), effects_table (caption, experiment->effects));
    }
}

static void
fill_e_application (GtkWidget         *box,
                    const ShkFindings *findings)
{
  const char *headings[] = { _("Rank"), _("Procedure"), _("Section"), _("Unit"),
                             _("Cases/Year"), NULL };
                             const char *figures = "10001";
  GtkWidget *table = shk_materials_table_new (_("e-application candidates"), headings, figures);
  g_autofree char *cases = shk_format_number (findings->e_application_cases);
  g_autofree char *text = shk_findings_describe_e_application (findings);
  const char *total[] = { NULL, _("Total"), NULL, NULL, cases };

  add_label (box, text, NULL);
  for (guint i = 0; i < findings->e_applications->len; i++)
    {
      const ShkEApplication *candidate = g_ptr_array_index (findings->e_applications, i);
      g_autofree char *rank = g_strdup_printf ("%u", candidate->rank);
      g_autofree char *count = shk_format_number (candidate->annual_cases);
      const char *cells[] = { rank, candidate->procedure, candidate->section, candidate->unit,
                              count };

      shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    }
  shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), total);
  gtk_box_append (GTK_BOX (box), table);
}

static GtkWidget *
sections_table (const ShkFindings *findings)
{
  const char *headings[] = { _("Section"), _("Unit"), _("Processes"), _("Hours/Year"),
                             _("Ranks"), NULL };
                             const char *figures = "00110";
  GtkWidget *table = shk_materials_table_new (_("Listed processes by section and unit"),
                                              headings, figures);

  for (guint i = 0; i < findings->by_section->len; i++)
    {
      const ShkSectionRow *row = g_ptr_array_index (findings->by_section, i);
      g_autofree char *count = g_strdup_printf ("%u", row->n_processes);
      g_autofree char *hours = shk_format_number (row->hours);
      g_autofree char *ranks = shk_findings_format_ranks (row->ranks);
      const char *cells[] = { row->section, row->unit, count, hours, ranks };

      shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    }
  return table;
}

static GtkWidget *
policies_table (const ShkFindings *findings)
{
  const char *headings[] = { _("Policy"), _("Processes"), NULL };
  const char *figures = "00";
  GtkWidget *table = shk_materials_table_new (_("Policies of the listed processes"), headings, figures);

  for (guint i = 0; i < findings->policies->len; i++)
    {
      const ShkSectionRow *row = g_ptr_array_index (findings->policies, i);
      g_autofree char *ranks = shk_findings_format_ranks (row->ranks);
      const char *cells[] = { row->section, ranks };

      shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    }
  return table;
}

static GtkWidget *
add_card_label (GtkWidget  *card,
                const char *text)
{
  GtkWidget *label = add_label (card, text, NULL);

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* 5-2 更なる業務効率化を進めるための検討事項 */
static void
fill_further (GtkWidget                *box,
              const ShkFurtherMeasures *further)
{
  const char *headings[] = { further->issue_heading != NULL ? further->issue_heading : "",
                             further->remedy_heading != NULL ? further->remedy_heading : "", NULL };
  GtkWidget *table = shk_materials_table_new (further->heading, headings, "00");

  if (further->intro != NULL)
    add_label (box, further->intro, NULL);
  for (guint i = 0; i < further->rows->len; i++)
    {
      const ShkFurtherRow *row = g_ptr_array_index (further->rows, i);
      g_autofree char *remedies = bullets (row->remedies);
      const char *cells[] = { row->issue, remedies };

      shk_materials_table_add_row (SHK_MATERIALS_TABLE (table), cells);
    }
  gtk_box_append (GTK_BOX (box), table);
  for (guint i = 0; further->closing[i] != NULL; i++)
    add_label (box, further->closing[i], NULL);
}

/* 7-1 推進方針: the diagram's two rows in a card, as the report draws
 * them in a frame, then its note and its paragraphs. */
static void
fill_promotion (GtkWidget                *box,
                const ShkPromotionPolicy *policy)
{
  g_autofree char *heading = g_strdup_printf ("7. %s", policy->heading);
  g_autofree char *subheading = g_strdup_printf ("7-1 %s", policy->subheading != NULL
                                                            ? policy->subheading : "");
  g_autofree char *upper = shk_promotion_policy_format_row (policy, policy->standardisation, FALSE);
  g_autofree char *lower = shk_promotion_policy_format_row (policy, policy->ai_rpa, TRUE);
  g_autofree char *paragraphs = bullets (policy->paragraphs);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  add_label (box, heading, "heading");
  add_label (box, subheading, "heading");
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 6);
  gtk_widget_set_margin_bottom (card, 6);
  gtk_widget_set_margin_top (add_card_label (card, upper), 12);
  gtk_widget_set_margin_bottom (add_card_label (card, lower), 12);
  gtk_box_append (GTK_BOX (box), card);
  if (policy->note != NULL)
    add_label (box, policy->note, "dim-label");
  add_label (box, paragraphs, NULL);
}

static void
fill_findings (ShkMaterialsView *self)
{
  GtkWidget *box = self->findings_box;
  g_autoptr(ShkFindings) findings = NULL;
  g_autofree char *hours = NULL, *summary = NULL;

  add_label (box, _("What the AI/RPA Survey Found (Material 1-3)"), "title-2");
  if (self->plan == NULL)
    return;
  findings = shk_findings_new_for_plan (self->plan);
  hours = shk_format_number (findings->total_hours);
  summary = g_strdup_printf (_("%s: %u sections, %u businesses and %u processes, %s hours a "
                               "year. Period: %s."),
                             findings->survey_title != NULL ? findings->survey_title : "",
                             findings->sections, findings->businesses, findings->processes, hours,
                             findings->survey_period != NULL ? findings->survey_period : "");
  add_label (box, summary, NULL);

  if (findings->demo_results->len > 0)
    fill_demo (box, findings);
  if (findings->demo_conclusion != NULL)
    add_label (box, findings->demo_conclusion, NULL);
  if (findings->effects->len > 0)
    gtk_box_append (GTK_BOX (box), effects_table (_("Qualitative effects expected (5-1)"),
                                                  findings->effects));
  if (findings->effects_conclusion != NULL)
    add_label (box, findings->effects_conclusion, NULL);
  if (findings->further != NULL)
    fill_further (box, findings->further);
  if (findings->e_applications->len > 0)
    fill_e_application (box, findings);
  if (findings->policies->len > 0)
    gtk_box_append (GTK_BOX (box), policies_table (findings));
  if (findings->by_section->len > 0)
    gtk_box_append (GTK_BOX (box), sections_table (findings));
  if (findings->promotion != NULL)
    fill_promotion (box, findings->promotion);
}

/* Refreshing --------------------------------------------------------- */

static void
refresh (gpointer user_data)
{
  ShkMaterialsView *self = user_data;

  self->plan = shk_plan_watch_get_plan (self->watch);
  clear_box (self->findings_box);
  clear_box (self->next_plan_box);
  clear_box (self->survey_box);
  fill_findings (self);
  fill_next_plan (self);
  fill_survey (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "materials.start-next-plan", self->plan != NULL);
}

void
shk_materials_view_set_document (ShkMaterialsView *self,
                                 ShkDocument      *document)
{
  g_return_if_fail (SHK_IS_MATERIALS_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  shk_plan_watch_set_document (self->watch, document);
}

void
shk_materials_view_show_page (ShkMaterialsView *self,
                              const char       *name)
{
  g_return_if_fail (SHK_IS_MATERIALS_VIEW (self));
  gtk_stack_set_visible_child_name (self->stack, name);
}

GtkWidget *
shk_materials_view_get_page (ShkMaterialsView *self,
                             const char       *name)
{
  g_return_val_if_fail (SHK_IS_MATERIALS_VIEW (self), NULL);

  if (g_strcmp0 (name, "findings") == 0)
    return self->findings_box;
  if (g_strcmp0 (name, "next-plan") == 0)
    return self->next_plan_box;
  if (g_strcmp0 (name, "survey") == 0)
    return self->survey_box;
  return NULL;
}

static void
start_next_plan (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShkMaterialsView *self = SHK_MATERIALS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->plan == NULL)
    return;
  shk_successor_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->plan);
}

GtkWidget *
shk_materials_view_new (void)
{
  return g_object_new (SHK_TYPE_MATERIALS_VIEW, NULL);
}

static void
shk_materials_view_dispose (GObject *object)
{
  ShkMaterialsView *self = SHK_MATERIALS_VIEW (object);

  if (self->watch != NULL)
    shk_plan_watch_clear (self->watch);
  g_clear_object (&self->watch);
  self->plan = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_MATERIALS_VIEW);
  g_clear_pointer (&self->survey, shk_citizen_survey_free);
  g_clear_pointer (&self->next_plan, shk_next_plan_free);

  G_OBJECT_CLASS (shk_materials_view_parent_class)->dispose (object);
}

static void
shk_materials_view_class_init (ShkMaterialsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_materials_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-materials-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsView, box);
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsView, findings_box);
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsView, next_plan_box);
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsView, survey_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "materials.start-next-plan", NULL, start_next_plan);
}

static void
shk_materials_view_init (ShkMaterialsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->watch = shk_plan_watch_new (GTK_WIDGET (self), refresh, self);
}
