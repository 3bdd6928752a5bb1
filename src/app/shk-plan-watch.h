/* shk-plan-watch.h — a view's document, and when to show its changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"

G_BEGIN_DECLS

#define SHK_TYPE_PLAN_WATCH (shk_plan_watch_get_type ())
G_DECLARE_FINAL_TYPE (ShkPlanWatch, shk_plan_watch, SHK, PLAN_WATCH, GObject)

/* Called to bring the view in line with the watch's plan (NULL when it
 * has no document). */
typedef void (*ShkPlanWatchRefresh) (gpointer user_data);

/* Watches the plan of the document that @view shows, calling @refresh
 * with @user_data. The view owns the watch; the watch holds the view
 * weakly and does nothing once it is gone. */
ShkPlanWatch *shk_plan_watch_new          (GtkWidget           *view,
                                           ShkPlanWatchRefresh  refresh,
                                           gpointer             user_data);
/* Shows @document (or nothing) at once; FALSE when it is already shown. */
gboolean      shk_plan_watch_set_document (ShkPlanWatch        *self,
                                           ShkDocument         *document);
ShkDocument  *shk_plan_watch_get_document (ShkPlanWatch        *self);
ShkPlan      *shk_plan_watch_get_plan     (ShkPlanWatch        *self);
/* Lets go of the document without refreshing: for the view's dispose. */
void          shk_plan_watch_clear        (ShkPlanWatch        *self);

G_END_DECLS
