/* shk-audit-item.c — one finding of the audit, as an item of a list model
 *
 * A list view needs objects; the audit gives plain structs in one array.
 * An item points into that array instead of copying the finding, so a
 * plan with thousands of findings costs a small object each and no
 * strings twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-audit-item.h"

struct _ShkAuditItem
{
  GObject    parent_instance;

  GPtrArray *findings;
  guint      index;
};

G_DEFINE_FINAL_TYPE (ShkAuditItem, shk_audit_item, G_TYPE_OBJECT)

static void
shk_audit_item_finalize (GObject *object)
{
  ShkAuditItem *self = SHK_AUDIT_ITEM (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (shk_audit_item_parent_class)->finalize (object);
}

static void
shk_audit_item_class_init (ShkAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shk_audit_item_finalize;
}

static void
shk_audit_item_init (ShkAuditItem *self)
{
}

ShkAuditItem *
shk_audit_item_new (GPtrArray *findings,
                    guint      index)
{
  ShkAuditItem *self;

  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (index < findings->len, NULL);

  self = g_object_new (SHK_TYPE_AUDIT_ITEM, NULL);
  self->findings = g_ptr_array_ref (findings);
  self->index = index;
  return self;
}

const ShkFinding *
shk_audit_item_get_finding (ShkAuditItem *self)
{
  g_return_val_if_fail (SHK_IS_AUDIT_ITEM (self), NULL);
  return g_ptr_array_index (self->findings, self->index);
}
