/* shk-report-survey.c — the handout's section on the AI/RPA survey:
 * the work processes ranked and their priority classes
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
/* 資料1-3: the AI/RPA survey                                          */

static ShkPageTable *
ranking_table (ShkReport *self)
{
  const ShkRanking *ranking = self->ranking;
  ShkPageTable *table = shk_page_table_new (_("Work processes by annual hours"));
  ShkPageRow *row;

  shk_page_table_add_figure_column (table, _("Rank"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Process"), 10, 3, 2);
  shk_page_table_add_text_column (table, _("Business"), 8, 2, 2);
  shk_page_table_add_text_column (table, _("Section"), 6, 1, 2);
  shk_page_table_add_text_column (table, _("Priority"), 6, 1, 2);
  shk_page_table_add_text_column (table, _("Category"), 5, 1, 2);
  shk_page_table_add_figure_column (table, _("Hours/Year"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Share"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Cumulative"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Expected reduction (h/year)"), SHK_PAGE_ALIGN_RIGHT);

  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const ShkRankedProcess *ranked = &ranking->processes[i];
      ShkProcess *process = ranked->process;
      g_autofree char *share = shk_report_format_share (ranked->share);
      g_autofree char *cumulative = shk_report_format_share (ranked->cumulative_share);
      double reduction;
      guint c = 0;

      row = shk_page_table_add_row (table, 1);
      shk_page_row_take_markup (row, c++, 0, g_strdup_printf ("%u", ranked->rank));
      shk_page_row_set_text (row, c++, 0, shk_process_get_name (process));
      shk_page_row_set_text (row, c++, 0, shk_process_get_business (process));
      shk_page_row_set_text (row, c++, 0, shk_process_get_section (process));
      shk_page_row_set_text (row, c++, 0, shk_priority_get_label (shk_process_get_priority (process)));
      shk_page_row_set_text (row, c++, 0, shk_process_get_category (process));
      shk_page_row_take_markup (row, c++, 0, shk_format_number (ranked->hours));
      shk_page_row_set_text (row, c++, 0, share);
      shk_page_row_set_text (row, c++, 0, cumulative);
      if (shk_process_get_expected_reduction (process, &reduction))
        shk_page_row_take_markup (row, c, 0, shk_format_number (reduction));
    }

  if (ranking->remainder_hours > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u process not listed",
                                                             "%u processes not listed",
                                                             ranking->remainder_processes),
                                                ranking->remainder_processes);
      g_autofree char *share = shk_report_format_share (ranking->total_hours > 0
                                             ? ranking->remainder_hours / ranking->total_hours : 0);

      row = shk_page_table_add_row (table, 1);
      shk_page_row_take_markup (row, 1, 0, shk_report_muted_markup (label));
      shk_page_row_take_markup (row, 6, 0, shk_format_number (ranking->remainder_hours));
      shk_page_row_set_text (row, 7, 0, share);
    }

  row = shk_page_table_add_row (table, 1);
  row->shaded = TRUE;
  shk_page_row_set_text (row, 1, 0, _("Total"));
  {
    g_autofree char *total = shk_format_number (ranking->total_hours);

    shk_page_row_take_markup (row, 6, 0, g_markup_printf_escaped ("<b>%s</b>", total));
  }
  shk_page_row_set_text (row, 7, 0, "100.0%");
  return table;
}

static ShkPageTable *
priority_table (ShkReport *self)
{
  g_autoptr(GPtrArray) breakdown = shk_ranking_breakdown_by_priority (self->ranking);
  ShkPageTable *table = shk_page_table_new (_("Processes by priority"));

  table->compact = TRUE;
  table->figure_em = 6;
  shk_page_table_add_text_column (table, _("Priority"), 10, 1, 2);
  shk_page_table_add_figure_column (table, C_("count", "Processes"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Hours/Year"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Share"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_figure_column (table, _("Expected reduction (h/year)"), SHK_PAGE_ALIGN_RIGHT);

  for (guint i = 0; i < breakdown->len; i++)
    {
      const ShkBreakdownRow *item = g_ptr_array_index (breakdown, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autofree char *share = shk_report_format_share (item->share);

      shk_page_row_set_text (row, 0, 0, item->label);
      shk_page_row_take_markup (row, 1, 0, g_strdup_printf ("%u", item->count));
      shk_page_row_take_markup (row, 2, 0, shk_format_number (item->hours));
      shk_page_row_set_text (row, 3, 0, share);
      if (item->expected_reduction > 0)
        shk_page_row_take_markup (row, 4, 0, shk_format_number (item->expected_reduction));
    }
  return table;
}

/* 資料1-3 1.: the processes by their hours, with the Pareto chart. */
void
shk_report_add_survey_section (ShkReport *self,
                               ShkPlan   *plan)
{
  const ShkRanking *ranking = self->ranking;
  const char *title = shk_survey_get_title (self->survey);
  g_autofree char *hours = shk_format_number (ranking->total_hours);
  g_autofree char *listed = shk_format_number (ranking->listed_hours);
  g_autofree char *threshold = shk_format_number (shk_survey_get_listing_threshold (self->survey));
  g_autofree char *summary = NULL;
  guint to_80 = shk_ranking_count_to_share (ranking, 0.8);

  if (title != NULL && *title != '\0')
    {
      g_autofree char *markup = shk_report_muted_markup (title);

      shk_page_flow_add_paragraph (self->flow, markup, 1.0);
    }
  if (ranking->n_processes == 0)
    {
      shk_page_flow_add_text (self->flow, _("The survey lists no work processes."));
      return;
    }

  summary = g_strdup_printf (_("The survey covers %u processes in %u sections, %s hours a year in "
                               "all. %u processes of %s hours or more a year are listed: %s hours, "
                               "%.0f%% of the total."),
                             shk_survey_get_total_processes (self->survey),
                             shk_survey_get_total_sections (self->survey),
                             hours, ranking->n_processes, threshold, listed,
                             ranking->listed_share * 100.0);
  if (to_80 > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            " The top %u process makes up 80%% of the hours.",
                                                            " The top %u processes make up 80%% of the hours.",
                                                            to_80),
                                               to_80);
      g_autofree char *joined = g_strconcat (summary, more, NULL);

      g_free (summary);
      summary = g_steal_pointer (&joined);
    }
  shk_page_flow_add_text (self->flow, summary);
  shk_page_flow_add_chart (self->flow, CHART_PARETO, 0, 0.55);
  shk_page_flow_add_subheading (self->flow, _("Work processes by annual hours"));
  shk_page_flow_add_table (self->flow, ranking_table (self));
}

/* 資料1-3 3.: the processes by priority class. */
void
shk_report_add_priority_section (ShkReport *self,
                                 ShkPlan   *plan)
{
  if (self->ranking->n_processes == 0)
    {
      shk_page_flow_add_text (self->flow, _("The survey lists no work processes."));
      return;
    }
  shk_page_flow_add_table (self->flow, priority_table (self));
}
