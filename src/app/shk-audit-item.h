/* shk-audit-item.h — one finding of the audit, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shk-audit.h"

G_BEGIN_DECLS

#define SHK_TYPE_AUDIT_ITEM (shk_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (ShkAuditItem, shk_audit_item, SHK, AUDIT_ITEM, GObject)

/* The @index-th finding of @findings (from shk_audit_run ()), which the
 * item keeps alive. */
ShkAuditItem     *shk_audit_item_new         (GPtrArray    *findings,
                                              guint         index);
const ShkFinding *shk_audit_item_get_finding (ShkAuditItem *self);

G_END_DECLS
