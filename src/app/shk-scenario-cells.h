/* shk-scenario-cells.h — labels and fields shared by the scenario pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-payback.h"

G_BEGIN_DECLS

/* A cell of one of the pages' tables: numbers right-aligned in tabular
 * figures, headings dimmed. */
GtkWidget *shk_scenario_cells_label    (const char *text,
                                        gboolean    numeric,
                                        gboolean    heading);
/* Removes every cell of @grid. */
void       shk_scenario_cells_clear    (GtkGrid    *grid);

/* Whether a field may be overwritten with the model's value: not while
 * the user is typing in it, unless what is there no longer matches the
 * model (an undo came in meanwhile). */
gboolean   shk_scenario_cells_may_write (GtkWidget  *widget,
                                         gboolean    text_matches_model);
/* Writes the model's @text into an editable, as may_write() allows, and
 * takes its error mark away. */
void       shk_scenario_cells_set_text  (GtkWidget  *widget,
                                         const char *text,
                                         gboolean    matches);

/* The payback in a few words, as the chart says it: “Recovered in
 * year 4”. */
char      *shk_scenario_cells_dup_headline (const ShkPaybackResult *result);

G_END_DECLS
