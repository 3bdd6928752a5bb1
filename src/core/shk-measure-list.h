/* shk-measure-list.h — a plan's measures, as the list model views watch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-measure.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_LIST (shk_measure_list_get_type ())

G_DECLARE_FINAL_TYPE (ShkMeasureList, shk_measure_list, SHK, MEASURE_LIST, GObject)

ShkMeasureList *shk_measure_list_new    (void);
/* The measure at @position without a reference of its own (the list
 * keeps one), or NULL past the end. */
ShkMeasure     *shk_measure_list_peek   (ShkMeasureList *self,
                                         guint           position);
void            shk_measure_list_insert (ShkMeasureList *self,
                                         guint           position,
                                         ShkMeasure     *measure);
void            shk_measure_list_remove (ShkMeasureList *self,
                                         guint           position);

G_END_DECLS
