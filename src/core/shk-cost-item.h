/* shk-cost-item.h — one line of a scenario's costs, an amount per year
 *
 * Emits "changed" whenever its name or an amount changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHK_TYPE_COST_ITEM (shk_cost_item_get_type ())
G_DECLARE_FINAL_TYPE (ShkCostItem, shk_cost_item, SHK, COST_ITEM, GObject)

ShkCostItem *shk_cost_item_new         (const char  *name,
                                        guint        n_years);
ShkCostItem *shk_cost_item_copy        (ShkCostItem *self);
const char  *shk_cost_item_get_name    (ShkCostItem *self);
void         shk_cost_item_set_name    (ShkCostItem *self,
                                        const char  *name);
guint        shk_cost_item_get_n_years (ShkCostItem *self);
/* Grows with zeros or shrinks to @n_years. */
void         shk_cost_item_set_n_years (ShkCostItem *self,
                                        guint        n_years);
/* Yen in year @index (0-based); 0 beyond the end. */
double       shk_cost_item_get_amount  (ShkCostItem *self,
                                        guint        index);
void         shk_cost_item_set_amount  (ShkCostItem *self,
                                        guint        index,
                                        double       amount);

G_END_DECLS
