/* shk-plan-watch.c — a view's document, and when to show its changes
 *
 * Pages that are rebuilt from the whole plan (the audit, the 資料 pages)
 * share one way of following it: a pasted column changes the plan many
 * times, so changes are gathered into one refresh in an idle; and a view
 * that is not on screen only notes that it is stale and catches up when it
 * is mapped again, so that typing in the measures table never pays for
 * pages nobody is looking at (issue #17: hidden views do no work).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-plan-watch.h"

struct _ShkPlanWatch
{
  GObject              parent_instance;

  GtkWidget           *view;        /* weak */
  ShkPlanWatchRefresh  refresh;
  gpointer             user_data;

  ShkDocument         *document;
  ShkPlan             *plan;
  guint                refresh_idle;
  gboolean             stale;       /* changed while the view was hidden */
};

G_DEFINE_FINAL_TYPE (ShkPlanWatch, shk_plan_watch, G_TYPE_OBJECT)

static void
refresh_now (ShkPlanWatch *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->stale = FALSE;
  if (self->view != NULL)
    self->refresh (self->user_data);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ShkPlanWatch *self = user_data;

  self->refresh_idle = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (ShkPlanWatch *self)
{
  if (self->view == NULL || !gtk_widget_get_mapped (self->view))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
on_view_map (ShkPlanWatch *self)
{
  if (self->stale)
    refresh_now (self);
}

void
shk_plan_watch_clear (ShkPlanWatch *self)
{
  g_return_if_fail (SHK_IS_PLAN_WATCH (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->stale = FALSE;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->document);
}

gboolean
shk_plan_watch_set_document (ShkPlanWatch *self,
                             ShkDocument  *document)
{
  g_return_val_if_fail (SHK_IS_PLAN_WATCH (self), FALSE);
  g_return_val_if_fail (document == NULL || SHK_IS_DOCUMENT (document), FALSE);

  if (self->document == document)
    return FALSE;

  shk_plan_watch_clear (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->plan = g_object_ref (shk_document_get_plan (document));
      g_signal_connect_swapped (self->plan, "changed", G_CALLBACK (on_plan_changed), self);
    }
  /* A new document shows at once, mapped or not: the window swaps
   * documents rarely, and a view that still showed the old one would be
   * wrong, not merely late. */
  refresh_now (self);
  return TRUE;
}

ShkDocument *
shk_plan_watch_get_document (ShkPlanWatch *self)
{
  g_return_val_if_fail (SHK_IS_PLAN_WATCH (self), NULL);
  return self->document;
}

ShkPlan *
shk_plan_watch_get_plan (ShkPlanWatch *self)
{
  g_return_val_if_fail (SHK_IS_PLAN_WATCH (self), NULL);
  return self->plan;
}

static void
shk_plan_watch_dispose (GObject *object)
{
  ShkPlanWatch *self = SHK_PLAN_WATCH (object);

  shk_plan_watch_clear (self);
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  G_OBJECT_CLASS (shk_plan_watch_parent_class)->dispose (object);
}

static void
shk_plan_watch_class_init (ShkPlanWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shk_plan_watch_dispose;
}

static void
shk_plan_watch_init (ShkPlanWatch *self)
{
}

ShkPlanWatch *
shk_plan_watch_new (GtkWidget           *view,
                    ShkPlanWatchRefresh  refresh,
                    gpointer             user_data)
{
  ShkPlanWatch *self;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (refresh != NULL, NULL);

  self = g_object_new (SHK_TYPE_PLAN_WATCH, NULL);
  self->view = view;
  self->refresh = refresh;
  self->user_data = user_data;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  g_signal_connect_swapped (view, "map", G_CALLBACK (on_view_map), self);
  return self;
}
