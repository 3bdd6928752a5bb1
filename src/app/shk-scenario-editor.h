/* shk-scenario-editor.h — one payback scenario: its chart, form and results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"
#include "shk-payback-view.h"
#include "shk-scenario-cost-grid.h"

G_BEGIN_DECLS

#define SHK_TYPE_SCENARIO_EDITOR (shk_scenario_editor_get_type ())
G_DECLARE_FINAL_TYPE (ShkScenarioEditor, shk_scenario_editor, SHK, SCENARIO_EDITOR, GtkWidget)

/* The document whose scenarios are edited (NULL: none); forgets the
 * scenario shown. */
void                    shk_scenario_editor_set_document    (ShkScenarioEditor *self,
                                                             ShkDocument       *document);
/* The scenario to edit, one of the document's plan, or NULL. Choosing
 * another clears what was shown of the one before; show it with
 * shk_scenario_editor_update(). */
void                    shk_scenario_editor_set_scenario    (ShkScenarioEditor *self,
                                                             ShkScenario       *scenario);
/* Recomputes the scenario and shows it: chart, form, costs, results. The
 * field being typed in keeps what is typed. */
void                    shk_scenario_editor_update          (ShkScenarioEditor *self);

/* Gives the keyboard to the scenario's name, for a new scenario. */
void                    shk_scenario_editor_focus_name      (ShkScenarioEditor *self);

/* The last valid result, the headline above the chart, the chart. */
const ShkPaybackResult *shk_scenario_editor_get_result      (ShkScenarioEditor *self);
const char             *shk_scenario_editor_get_result_text (ShkScenarioEditor *self);
ShkPaybackView         *shk_scenario_editor_get_chart       (ShkScenarioEditor *self);
ShkScenarioCostGrid    *shk_scenario_editor_get_cost_grid   (ShkScenarioEditor *self);

/* As shk_scenarios_view_commit_field() and _commit_cost(). */
gboolean                shk_scenario_editor_commit_field    (ShkScenarioEditor *self,
                                                             const char        *field,
                                                             const char        *text,
                                                             GError           **error);
gboolean                shk_scenario_editor_commit_cost     (ShkScenarioEditor *self,
                                                             guint              item,
                                                             guint              first_year,
                                                             guint              last_year,
                                                             const char        *text,
                                                             GError           **error);

G_END_DECLS
