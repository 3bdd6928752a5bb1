/* shk-scenarios-view.h — payback scenarios: edit, compare, sensitivity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"
#include "shk-payback-view.h"
#include "shk-sensitivity.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIOS_VIEW (shk_scenarios_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenariosView, shk_scenarios_view, SHK, SCENARIOS_VIEW, GtkWidget)

GtkWidget              *shk_scenarios_view_new               (void);
/* The document may be replaced at any time, or NULL. */
void                    shk_scenarios_view_set_document      (ShkScenariosView *self,
                                                              ShkDocument      *document);

/* The scenario being edited (NULL when the plan has none), and choosing
 * it by its position in the plan. */
ShkScenario            *shk_scenarios_view_get_scenario      (ShkScenariosView *self);
void                    shk_scenarios_view_select            (ShkScenariosView *self,
                                                              guint             position);

/* "edit", "compare" or "sensitivity". */
void                    shk_scenarios_view_show_page         (ShkScenariosView *self,
                                                              const char       *name);

/* What is shown for the scenario being edited: the last valid result,
 * the headline above the chart (“Recovered in year 4”), the chart. */
const ShkPaybackResult *shk_scenarios_view_get_result        (ShkScenariosView *self);
const char             *shk_scenarios_view_get_result_text   (ShkScenariosView *self);
ShkPaybackView         *shk_scenarios_view_get_chart         (ShkScenariosView *self);
const ShkSensitivity   *shk_scenarios_view_get_sensitivity   (ShkScenariosView *self);

/* Applies @text to a field of the form as if typed there: "name",
 * "description", "hourly-rate", "hours-saved", "first-year-months",
 * "discount-rate" (in percent), "first-year" (an id such as R2) or
 * "n-years". FALSE with the message shown inline when it is refused; the
 * scenario is then unchanged. */
gboolean                shk_scenarios_view_commit_field      (ShkScenariosView *self,
                                                              const char       *field,
                                                              const char       *text,
                                                              GError          **error);
/* Sets the amount of cost item @item (0-based) in years @first_year to
 * @last_year (0-based, inclusive) to @text, as one undoable edit. */
gboolean                shk_scenarios_view_commit_cost       (ShkScenariosView *self,
                                                              guint             item,
                                                              guint             first_year,
                                                              guint             last_year,
                                                              const char       *text,
                                                              GError          **error);

/* Ticks a scenario for the comparison, as the check button in the list. */
void                    shk_scenarios_view_set_compared      (ShkScenariosView *self,
                                                              ShkScenario      *scenario,
                                                              gboolean          compared);
ShkPaybackView         *shk_scenarios_view_get_compare_chart (ShkScenariosView *self);

G_END_DECLS
