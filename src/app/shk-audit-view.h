/* shk-audit-view.h — the audit page: the document checked against itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"

G_BEGIN_DECLS

#define SHK_TYPE_AUDIT_VIEW (shk_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkAuditView, shk_audit_view, SHK, AUDIT_VIEW, GtkWidget)

GtkWidget *shk_audit_view_new          (void);
void       shk_audit_view_set_document (ShkAuditView *self,
                                        ShkDocument  *document);
/* The rows shown (ShkAuditRow), for tests and screen readers. */
/* The findings shown, as ShkAuditItems; and the list view showing them.
 * For tests. */
GListModel  *shk_audit_view_get_findings (ShkAuditView *self);
GtkListView *shk_audit_view_get_list     (ShkAuditView *self);

G_END_DECLS
