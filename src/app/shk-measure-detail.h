/* shk-measure-detail.h — the detail pane of the measures view
 *
 * Edits everything of one measure that the table does not show in place:
 * its texts, audience, bureau and section, its indicators (label, unit,
 * note, direction, every year's target and actual) and its manual grades
 * with their reasons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"
#include "shk-edit-measure.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE_DETAIL (shk_measure_detail_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureDetail, shk_measure_detail, SHK, MEASURE_DETAIL, GtkWidget)

GtkWidget  *shk_measure_detail_new          (void);
/* @document may be NULL; the measure is then cleared too. */
void        shk_measure_detail_set_document (ShkMeasureDetail *self,
                                             ShkDocument      *document);
/* The measure edited, one of the document's, or NULL for none. */
void        shk_measure_detail_set_measure  (ShkMeasureDetail *self,
                                             ShkMeasure       *measure);
ShkMeasure *shk_measure_detail_get_measure  (ShkMeasureDetail *self);
/* Moves the keyboard focus to the name, as after adding a measure. */
void        shk_measure_detail_focus_name   (ShkMeasureDetail *self);

G_END_DECLS
