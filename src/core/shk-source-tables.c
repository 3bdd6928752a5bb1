/* shk-source-tables.c — the handouts' own tables kept in a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-source-tables.h"

#include "shk-format-private.h"

JsonObject *
shk_plan_get_source_table (ShkPlan    *plan,
                           const char *name)
{
  JsonObject *unknown;
  JsonNode *tables, *table;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The reader keeps every top-level member it has no model for, the
   * source tables among them, on the plan under EXTRA_KEY. */
  unknown = g_object_get_data (G_OBJECT (plan), EXTRA_KEY);
  if (unknown == NULL)
    return NULL;

  tables = json_object_get_member (unknown, "source_tables");
  if (tables == NULL || !JSON_NODE_HOLDS_OBJECT (tables))
    return NULL;

  table = json_object_get_member (json_node_get_object (tables), name);
  if (table == NULL || !JSON_NODE_HOLDS_OBJECT (table))
    return NULL;

  return json_node_get_object (table);
}
