/* shk-audit-view.c — the audit page: the document checked against itself
 *
 * The findings of shk_audit_run() in a list view, which makes an
 * ShkAuditRow for the findings on screen only: a prefecture's plan can
 * have thousands. Recomputed when the plan changes (an edit can add or
 * remove a finding), as ShkPlanWatch decides: once per burst of edits,
 * and only on screen.
 * Each row about a measure opens it in the measures view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-audit.h"
#include "shk-audit-item.h"
#include "shk-audit-row.h"
#include "shk-audit-view.h"
#include "shk-plan-watch.h"

struct _ShkAuditView
{
  GtkWidget     parent_instance;

  ShkPlanWatch *watch;
  GListStore   *findings;   /* of ShkAuditItem */

  /* template children */
  GtkWidget    *content;
  GtkLabel     *summary_label;
  GtkListView  *list;
};

G_DEFINE_FINAL_TYPE (ShkAuditView, shk_audit_view, GTK_TYPE_WIDGET)

static void
refresh (gpointer user_data)
{
  ShkAuditView *self = user_data;
  ShkPlan *plan = shk_plan_watch_get_plan (self->watch);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *summary = NULL;

  g_list_store_remove_all (self->findings);
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

  {
    g_autofree gpointer *items = g_new (gpointer, MAX (findings->len, 1));

    for (guint i = 0; i < findings->len; i++)
      items[i] = shk_audit_item_new (findings, i);
    /* One splice: the list view hears of all the findings at once. */
    g_list_store_splice (self->findings, 0, 0, items, findings->len);
    for (guint i = 0; i < findings->len; i++)
      g_object_unref (items[i]);
  }
}

void
shk_audit_view_set_document (ShkAuditView *self,
                             ShkDocument  *document)
{
  g_return_if_fail (SHK_IS_AUDIT_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  shk_plan_watch_set_document (self->watch, document);
}

GListModel *
shk_audit_view_get_findings (ShkAuditView *self)
{
  g_return_val_if_fail (SHK_IS_AUDIT_VIEW (self), NULL);
  return G_LIST_MODEL (self->findings);
}

GtkListView *
shk_audit_view_get_list (ShkAuditView *self)
{
  g_return_val_if_fail (SHK_IS_AUDIT_VIEW (self), NULL);
  return self->list;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, shk_audit_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  ShkAuditItem *finding = gtk_list_item_get_item (item);

  shk_audit_row_show_finding (SHK_AUDIT_ROW (gtk_list_item_get_child (item)),
                              shk_audit_item_get_finding (finding));
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

  if (self->watch != NULL)
    shk_plan_watch_clear (self->watch);
  g_clear_object (&self->watch);
  g_clear_object (&self->findings);
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
  gtk_widget_class_bind_template_child (widget_class, ShkAuditView, content);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditView, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SHK_TYPE_AUDIT_ROW);
}

static void
shk_audit_view_init (ShkAuditView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->findings = g_list_store_new (SHK_TYPE_AUDIT_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->findings)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  self->watch = shk_plan_watch_new (GTK_WIDGET (self), refresh, self);
}
