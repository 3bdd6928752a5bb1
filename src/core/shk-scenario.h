/* shk-scenario.h — a payback (cost-benefit) scenario
 *
 * Emits "changed" whenever a parameter or one of its cost items changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-cost-item.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIO (shk_scenario_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenario, shk_scenario, SHK, SCENARIO, GObject)

ShkScenario *shk_scenario_new                    (const char  *name);
/* A deep copy (cost items copied too). */
ShkScenario *shk_scenario_copy                   (ShkScenario *self);

const char  *shk_scenario_get_name               (ShkScenario *self);
void         shk_scenario_set_name               (ShkScenario *self,
                                                  const char  *name);
const char  *shk_scenario_get_description        (ShkScenario *self);
void         shk_scenario_set_description        (ShkScenario *self,
                                                  const char  *text);

/* The fiscal year ids of the horizon, e.g. R2 … R9. Changing the number of
 * years resizes every cost item. */
const char * const *shk_scenario_get_years       (ShkScenario *self);
guint        shk_scenario_get_n_years            (ShkScenario *self);
void         shk_scenario_set_years              (ShkScenario *self,
                                                  const char * const *years);
/* "4年目(R5)" for index 3: the ordinal label the handouts use. */
char        *shk_scenario_dup_year_label         (ShkScenario *self,
                                                  guint        index);

/* Ids of the work processes the scenario covers. */
const char * const *shk_scenario_get_process_ids (ShkScenario *self);
void         shk_scenario_set_process_ids        (ShkScenario *self,
                                                  const char * const *ids);

/* Yen per saved hour. */
double       shk_scenario_get_hourly_rate        (ShkScenario *self);
void         shk_scenario_set_hourly_rate        (ShkScenario *self,
                                                  double       rate);
/* Hours saved per full year. FALSE when not entered: then the hours are
 * the sum of the linked processes' expected reductions. */
gboolean     shk_scenario_get_hours_saved        (ShkScenario *self,
                                                  double      *hours);
void         shk_scenario_set_hours_saved        (ShkScenario *self,
                                                  double       hours);
void         shk_scenario_unset_hours_saved      (ShkScenario *self);
/* Index (0-based) of the first year with savings. */
guint        shk_scenario_get_savings_start      (ShkScenario *self);
void         shk_scenario_set_savings_start      (ShkScenario *self,
                                                  guint        index);
/* Months in operation in the first year of savings, 0–12. */
guint        shk_scenario_get_first_year_months  (ShkScenario *self);
void         shk_scenario_set_first_year_months  (ShkScenario *self,
                                                  guint        months);
/* Yearly discount rate as a fraction (0.02 = 2%); 0 means none. */
double       shk_scenario_get_discount_rate      (ShkScenario *self);
void         shk_scenario_set_discount_rate      (ShkScenario *self,
                                                  double       rate);

/* A GListModel of ShkCostItem. */
GListModel  *shk_scenario_get_cost_items         (ShkScenario *self);
guint        shk_scenario_get_n_cost_items       (ShkScenario *self);
/* The cost item at @index (the scenario keeps it), or NULL past the end. */
ShkCostItem *shk_scenario_peek_cost_item         (ShkScenario *self,
                                                  guint        index);
void         shk_scenario_append_cost_item       (ShkScenario *self,
                                                  ShkCostItem *item);
void         shk_scenario_insert_cost_item       (ShkScenario *self,
                                                  guint        position,
                                                  ShkCostItem *item);
void         shk_scenario_remove_cost_item       (ShkScenario *self,
                                                  guint        position);
/* Sum of all cost items in year @index. */
double       shk_scenario_get_cost               (ShkScenario *self,
                                                  guint        index);

G_END_DECLS
