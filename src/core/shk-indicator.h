/* shk-indicator.h — a measurable indicator of a measure
 *
 * Targets and actuals are kept per fiscal year id; a year may have no value
 * (absent), which is different from a value of 0.
 *
 * Emits "changed" whenever any of its data changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shk-provenance.h"
#include "shk-types.h"

G_BEGIN_DECLS

#define SHK_TYPE_INDICATOR (shk_indicator_get_type ())
G_DECLARE_FINAL_TYPE (ShkIndicator, shk_indicator, SHK, INDICATOR, GObject)

ShkIndicator *shk_indicator_new               (void);
ShkIndicator *shk_indicator_copy              (ShkIndicator *self);

const char   *shk_indicator_get_label         (ShkIndicator *self);
void          shk_indicator_set_label         (ShkIndicator *self,
                                               const char   *label);
const char   *shk_indicator_get_unit          (ShkIndicator *self);
void          shk_indicator_set_unit          (ShkIndicator *self,
                                               const char   *unit);
const char   *shk_indicator_get_note          (ShkIndicator *self);
void          shk_indicator_set_note          (ShkIndicator *self,
                                               const char   *note);
ShkDirection  shk_indicator_get_direction     (ShkIndicator *self);
void          shk_indicator_set_direction     (ShkIndicator *self,
                                               ShkDirection  direction);

/* Returns FALSE when the year has no target. */
gboolean      shk_indicator_get_target        (ShkIndicator *self,
                                               const char   *year_id,
                                               double       *value);
void          shk_indicator_set_target        (ShkIndicator *self,
                                               const char   *year_id,
                                               double        value);
void          shk_indicator_unset_target      (ShkIndicator *self,
                                               const char   *year_id);
gboolean      shk_indicator_get_actual        (ShkIndicator *self,
                                               const char   *year_id,
                                               double       *value);
void          shk_indicator_set_actual        (ShkIndicator *self,
                                               const char   *year_id,
                                               double        value);
void          shk_indicator_unset_actual      (ShkIndicator *self,
                                               const char   *year_id);

/* The progress rate as printed in the source document ("112.4%"), kept so
 * that a computed rate can be compared with what was published. */
const char   *shk_indicator_get_printed_rate  (ShkIndicator *self,
                                               const char   *year_id);
void          shk_indicator_set_printed_rate  (ShkIndicator *self,
                                               const char   *year_id,
                                               const char   *text);

/* Sorted list of the year ids that have a target, an actual or a printed
 * rate; used by writers that must not drop years the plan does not list. */
GStrv         shk_indicator_dup_year_ids      (ShkIndicator *self);

/* The value the indicator started from, and the fiscal year it is the
 * actual of (e.g. the previous plan's last actual, "R2"); FALSE when the
 * indicator has none. */
gboolean      shk_indicator_get_baseline      (ShkIndicator *self,
                                               const char  **year_id,
                                               double       *value);
void          shk_indicator_set_baseline      (ShkIndicator *self,
                                               const char   *year_id,
                                               double        value);
void          shk_indicator_unset_baseline    (ShkIndicator *self);
/* Where a value came from, by key ("actual.R3", "target.R3"; see
 * shk-provenance.h); NULL when unknown. Setting NULL forgets it. */
const ShkProvenance *shk_indicator_get_provenance (ShkIndicator        *self,
                                                   const char          *key);
void          shk_indicator_set_provenance    (ShkIndicator        *self,
                                               const char          *key,
                                               const ShkProvenance *provenance);
/* Sorted keys that have a provenance. */
GStrv         shk_indicator_dup_provenance_keys (ShkIndicator      *self);

G_END_DECLS
