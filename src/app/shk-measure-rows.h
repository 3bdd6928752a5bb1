/* shk-measure-rows.h — the plan's measures as the measures table sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-measure.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_ROWS (shk_measure_rows_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureRows, shk_measure_rows, SHK, MEASURE_ROWS, GObject)

ShkMeasureRows *shk_measure_rows_new           (void);
/* The list of ShkMeasure shown, usually the plan's measures; NULL for none. */
void            shk_measure_rows_set_model     (ShkMeasureRows *self,
                                                GListModel     *model);
/* Announces that @measure changed as "items-changed" of its one position,
 * so that a filter or sort model above looks at that measure again and no
 * other. Does nothing for a measure that is not in the list. */
void            shk_measure_rows_measure_changed (ShkMeasureRows *self,
                                                  ShkMeasure     *measure);

G_END_DECLS
