/* shk-indicator-row.h — one indicator of a measure, in the detail pane
 *
 * An expander row with the indicator's label, unit, note, direction and
 * every fiscal year's target and actual. It edits nothing itself: it
 * emits what the user asked for and the detail pane makes the edits.
 *
 *   "edit-text"      (ShkMeasureField *field, const char *property, const char *text)
 *   "edit-direction" (guint direction)
 *   "edit-value"     (ShkMeasureField *field, int kind, const char *year_id, const char *text)
 *   "remove"         ()
 *
 * @kind is a ShkValueKind; a refused edit is marked with
 * shk_measure_field_set_refused ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_TYPE_INDICATOR_ROW (shk_indicator_row_get_type ())
G_DECLARE_FINAL_TYPE (ShkIndicatorRow, shk_indicator_row, SHK, INDICATOR_ROW, AdwExpanderRow)

/* Indicator @index of @measure, with a row for each of @plan's years. */
GtkWidget    *shk_indicator_row_new           (ShkPlan         *plan,
                                               ShkMeasure      *measure,
                                               guint            index);
ShkIndicator *shk_indicator_row_get_indicator (ShkIndicatorRow *self);
guint         shk_indicator_row_get_index     (ShkIndicatorRow *self);
/* Shows the indicator's values, except in fields the user is typing in. */
void          shk_indicator_row_sync          (ShkIndicatorRow *self);
/* Commits whatever was typed but not yet committed. */
void          shk_indicator_row_flush         (ShkIndicatorRow *self);
void          shk_indicator_row_focus_label   (ShkIndicatorRow *self);

G_END_DECLS
