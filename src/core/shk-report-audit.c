/* shk-report-audit.c — the handout's audit section: where the document's
 * printed figures and the rules computed from its own figures part ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-audit.h"
#include "shk-report-private.h"

/* Where a finding is: the evaluation, else the year, else what it is
 * about (a category). */
static const char *
finding_place (const ShkFinding *finding)
{
  if (finding->evaluation != NULL)
    return finding->evaluation;
  if (finding->year != NULL)
    return finding->year;
  return finding->subject;
}

static ShkPageTable *
findings_table (GPtrArray *findings)
{
  ShkPageTable *table = shk_page_table_new (_("Audit findings"));
  ShkFindingKind group = SHK_N_FINDING_KINDS;

  shk_page_table_add_figure_column (table, _("No."), SHK_PAGE_ALIGN_RIGHT);
  shk_page_table_add_text_column (table, _("Where"), 5, 0, 3);
  /* Wide enough for "13 processes, 30,769 h" on one line. */
  shk_page_table_add_text_column (table, C_("audit", "Printed"), 9, 1, 3);
  shk_page_table_add_text_column (table, C_("audit", "Computed"), 9, 1, 3);
  /* The finding in full: never cut short, it is the point of the page. */
  shk_page_table_add_text_column (table, _("Finding"), 20, 6, 12);

  for (guint i = 0; i < findings->len; i++)
    {
      const ShkFinding *finding = g_ptr_array_index (findings, i);
      ShkPageRow *row;

      if (finding->kind != group)
        {
          group = finding->kind;
          shk_page_table_add_group (table, shk_finding_kind_get_label (group));
        }
      row = shk_page_table_add_row (table, 1);
      if (finding->measure > 0)
        shk_page_row_take_markup (row, 0, 0, g_strdup_printf ("%u", finding->measure));
      shk_page_row_set_text (row, 1, 0, finding_place (finding));
      shk_page_row_set_text (row, 2, 0, finding->printed);
      shk_page_row_set_text (row, 3, 0, finding->computed);
      shk_page_row_set_text (row, 4, 0, finding->message);
    }
  return table;
}

void
shk_report_add_audit_section (ShkReport *self,
                              ShkPlan   *plan)
{
  g_autoptr(GPtrArray) findings = shk_audit_run (plan);
  g_autofree char *summary = NULL;


  if (findings->len == 0)
    {
      shk_page_flow_add_text (self->flow,
                              _("Every printed figure agrees with the one computed from the document's own figures."));
      return;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u place where the printed figures and the rules computed from the document's own figures part ways. A measure added during the plan counts only in evaluations after the year it was added; the category totals are shown as published, with the part traced to listed processes.",
                                          "%u places where the printed figures and the rules computed from the document's own figures part ways. A measure added during the plan counts only in evaluations after the year it was added; the category totals are shown as published, with the part traced to listed processes.",
                                          findings->len),
                             findings->len);
  shk_page_flow_add_text (self->flow, summary);
  shk_page_flow_add_table (self->flow, findings_table (findings));
}
