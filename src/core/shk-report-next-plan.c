/* shk-report-next-plan.c — the handout's section on the next plan
 * (資料2-1): its overview, structure, CIO adviser, the plans' history and
 * the drafting schedule as a month timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-next-plan.h"
#include "shk-report-private.h"

static char *
join_lines (GStrv items)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_string_append_printf (text, "%s・%s", i > 0 ? "\n" : "", items[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static ShkPageTable *
schedule_table (const ShkNextPlan *next_plan)
{
  ShkPageTable *table = shk_page_table_new (next_plan->schedule_title);

  shk_page_table_add_text_column (table, _("Item"), 8, 2, 2);
  shk_page_table_add_figure_column (table, _("Meetings"), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("When (planned)"), 8, 2, 2);
  for (guint i = 0; i < next_plan->schedule->len; i++)
    {
      const ShkScheduleItem *item = g_ptr_array_index (next_plan->schedule, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);
      g_autofree char *name = g_strdup_printf ("%s%s", item->number != NULL ? item->number : "",
                                               item->name != NULL ? item->name : "");

      shk_page_row_set_text (row, 0, 0, name);
      if (item->meetings > 0)
        shk_page_row_take_markup (row, 1, 0, g_strdup_printf ("%u", item->meetings));
      shk_page_row_set_text (row, 2, 0, item->timing);
    }
  return table;
}

static ShkPageTable *
upcoming_table (const ShkNextPlan *next_plan)
{
  ShkPageTable *table = shk_page_table_new (_("The committee's next meetings (planned)"));

  shk_page_table_add_text_column (table, _("When"), 4, 1, 1);
  shk_page_table_add_text_column (table, _("Agenda"), 12, 3, 2);
  for (guint i = 0; i < next_plan->upcoming->len; i++)
    {
      const ShkUpcomingMeeting *meeting = g_ptr_array_index (next_plan->upcoming, i);
      ShkPageRow *row = shk_page_table_add_row (table, 1);

      shk_page_row_set_text (row, 0, 0, meeting->timing);
      shk_page_row_set_text (row, 1, 0, meeting->content);
    }
  return table;
}

static char *
history_text (const ShkNextPlan *next_plan)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; next_plan->history_labels[i] != NULL; i++)
    g_string_append_printf (text, "%s%u（%s）", i > 0 ? " → " : "",
                            g_array_index (next_plan->history_years, guint, i),
                            next_plan->history_labels[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
shk_report_add_next_plan_section (ShkReport *self,
                                  ShkPlan   *plan)
{
  ShkNextPlan *next_plan = shk_next_plan_new_for_plan (plan, NULL);
  g_autofree char *internal = NULL, *external = NULL, *duties = NULL, *history = NULL;

  if (next_plan == NULL)
    return;
  g_clear_pointer (&self->next_plan, shk_next_plan_free);
  self->next_plan = next_plan;

  /* The handout's table gives this document its page and title. */
  if (next_plan->history_years->len > 0)
    {
      shk_page_flow_add_subheading (self->flow, _("1. The plans so far"));
      history = history_text (next_plan);
      shk_page_flow_add_text (self->flow, history);
    }
  shk_page_flow_add_subheading (self->flow, _("2. Overview"));
  if (next_plan->overview != NULL)
    shk_page_flow_add_text (self->flow, next_plan->overview);
  if (next_plan->overview_note != NULL)
    shk_page_flow_add_text (self->flow, next_plan->overview_note);

  shk_page_flow_add_subheading (self->flow, _("3. Structure"));
  if (next_plan->structure != NULL)
    shk_page_flow_add_text (self->flow, next_plan->structure);
  internal = join_lines (next_plan->internal);
  external = join_lines (next_plan->external);
  {
    g_autofree char *both = g_strdup_printf (_("Within the city:\n%s\nOutside:\n%s"),
                                             internal, external);

    shk_page_flow_add_text (self->flow, both);
  }
  if (next_plan->cio_text != NULL)
    {
      g_autofree char *hire = g_strdup_printf (_("Planned from %s."),
                                               next_plan->cio_hire_date != NULL
                                               ? next_plan->cio_hire_date : "");

      shk_page_flow_add_subheading (self->flow, _("The CIO adviser"));
      shk_page_flow_add_text (self->flow, next_plan->cio_text);
      shk_page_flow_add_text (self->flow, hire);
      duties = join_lines (next_plan->cio_duties);
      shk_page_flow_add_text (self->flow, duties);
    }

  if (next_plan->schedule->len > 0)
    {
      shk_page_flow_add_subheading (self->flow, next_plan->schedule_title != NULL
                                                ? next_plan->schedule_title
                                                : _("4. Schedule"));
      shk_page_flow_add_chart (self->flow, CHART_SCHEDULE, 0, 0.4);
      shk_page_flow_add_table (self->flow, schedule_table (next_plan));
    }
  if (next_plan->upcoming->len > 0)
    shk_page_flow_add_table (self->flow, upcoming_table (next_plan));
}
