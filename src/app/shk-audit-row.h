/* shk-audit-row.h — one finding of the audit page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-audit.h"

G_BEGIN_DECLS

#define SHK_TYPE_AUDIT_ROW (shk_audit_row_get_type ())
G_DECLARE_FINAL_TYPE (ShkAuditRow, shk_audit_row, SHK, AUDIT_ROW, GtkWidget)

/* The row shows its properties: "kind-label", "measure" (0 for none),
 * "place", "printed", "computed" and "message". */
GtkWidget *shk_audit_row_new         (void);
guint      shk_audit_row_get_measure (ShkAuditRow *self);
/* Shows @finding: everything an earlier finding set is replaced. */
void       shk_audit_row_show_finding (ShkAuditRow      *self,
                                       const ShkFinding *finding);

G_END_DECLS
