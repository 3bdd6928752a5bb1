/* shk-audit-view.c — the audit page: the document checked against itself
 *
 * The findings of shk_audit_run(), one ShkAuditRow each, recomputed
 * when the plan changes (an edit can add or remove a finding), as
 * ShkPlanWatch decides: once per burst of edits, and only on screen.
 * Each row about a measure opens it in the measures view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-audit.h"
#include "shk-audit-row.h"
#include "shk-audit-view.h"
#include "shk-plan-watch.h"

struct _ShkAuditView
{
  GtkWidget     parent_instance;

  ShkPlanWatch *watch;

  /* template children */
  GtkWidget    *scrolled;
  GtkLabel     *summary_label;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (ShkAuditView, shk_audit_view, GTK_TYPE_WIDGET)

static const char *
finding_place (const ShkFinding *finding)
{
  if (finding->evaluation != NULL)
    return finding->evaluation;
  if (finding->year != NULL)
    return finding->year;
  return finding->subject;
}

static GtkWidget *
row_new (const ShkFinding *finding)
{
  return g_object_new (SHK_TYPE_AUDIT_ROW,
                       "kind-label", shk_finding_kind_get_label (finding->kind),
                       "measure", finding->measure,
                       "place", finding_place (finding),
                       "printed", finding->printed,
                       "computed", finding->computed,
                       "message", finding->message,
                       NULL);
}

static void
refresh (gpointer user_data)
{
  ShkAuditView *self = user_data;
  ShkPlan *plan = shk_plan_watch_get_plan (self->watch);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *summary = NULL;

  /* gtk_list_box_remove_all() is GTK 4.12; Debian 12 has 4.8. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL; )
    gtk_list_box_remove (self->list, child);
  if (plan == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  findings = shk_audit_run (plan);
  if (findings->len == 0)
    summary = g_strdup (_("Every printed figure agrees with the one computed from the document's own figures."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u place where the printed figures and the rules computed from the document's own figures part ways.",
                                            "%u places where the printed figures and the rules computed from the document's own figures part ways.",
                                            findings->len),
                               findings->len);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->list), findings->len > 0);

  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (self->list, row_new (g_ptr_array_index (findings, i)));
}

void
shk_audit_view_set_document (ShkAuditView *self,
                             ShkDocument  *document)
{
  g_return_if_fail (SHK_IS_AUDIT_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  shk_plan_watch_set_document (self->watch, document);
}

GtkListBox *
shk_audit_view_get_list (ShkAuditView *self)
{
  g_return_val_if_fail (SHK_IS_AUDIT_VIEW (self), NULL);
  return self->list;
}

GtkWidget *
shk_audit_view_new (void)
{
  return g_object_new (SHK_TYPE_AUDIT_VIEW, NULL);
}

static void
shk_audit_view_dispose (GObject *object)
{
  ShkAuditView *self = SHK_AUDIT_VIEW (object);

  shk_plan_watch_clear (self->watch);
  g_clear_object (&self->watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_AUDIT_VIEW);

  G_OBJECT_CLASS (shk_audit_view_parent_class)->dispose (object);
}

static void
shk_audit_view_class_init (ShkAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_audit_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-audit-view.ui");
  /* Bound so that gtk_widget_dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, ShkAuditView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditView, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SHK_TYPE_AUDIT_ROW);
}

static void
shk_audit_view_init (ShkAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->watch = shk_plan_watch_new (GTK_WIDGET (self), refresh, self);
}
