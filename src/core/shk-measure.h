/* shk-measure.h — a plan measure (具体策)
 *
 * Emits "changed" whenever its own data, one of its indicators or a manual
 * grade changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-indicator.h"
#include "shk-types.h"

G_BEGIN_DECLS

#define SHK_TYPE_MEASURE (shk_measure_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasure, shk_measure, SHK, MEASURE, GObject)

ShkMeasure *shk_measure_new                     (guint        number);

guint       shk_measure_get_number              (ShkMeasure  *self);
void        shk_measure_set_number              (ShkMeasure  *self,
                                                 guint        number);
guint       shk_measure_get_policy_number       (ShkMeasure  *self);
void        shk_measure_set_policy_number       (ShkMeasure  *self,
                                                 guint        policy_number);
guint       shk_measure_get_index_in_policy     (ShkMeasure  *self);
void        shk_measure_set_index_in_policy     (ShkMeasure  *self,
                                                 guint        index);

/* Text fields. Every getter returns "" rather than NULL when unset. */
const char *shk_measure_get_name                (ShkMeasure  *self);
void        shk_measure_set_name                (ShkMeasure  *self,
                                                 const char  *name);
const char *shk_measure_get_purpose             (ShkMeasure  *self);
void        shk_measure_set_purpose             (ShkMeasure  *self,
                                                 const char  *purpose);
const char *shk_measure_get_bureau              (ShkMeasure  *self);
void        shk_measure_set_bureau              (ShkMeasure  *self,
                                                 const char  *bureau);
const char *shk_measure_get_section             (ShkMeasure  *self);
void        shk_measure_set_section             (ShkMeasure  *self,
                                                 const char  *section);
/* What was done in the reporting year (R2 actions). */
const char *shk_measure_get_actions             (ShkMeasure  *self);
void        shk_measure_set_actions             (ShkMeasure  *self,
                                                 const char  *actions);
/* What is planned for the next year (R3 plan). */
const char *shk_measure_get_next_year_plan      (ShkMeasure  *self);
void        shk_measure_set_next_year_plan      (ShkMeasure  *self,
                                                 const char  *plan);
const char *shk_measure_get_expected_effect     (ShkMeasure  *self);
void        shk_measure_set_expected_effect     (ShkMeasure  *self,
                                                 const char  *effect);
const char *shk_measure_get_notes               (ShkMeasure  *self);
void        shk_measure_set_notes               (ShkMeasure  *self,
                                                 const char  *notes);

gboolean    shk_measure_get_for_citizens        (ShkMeasure  *self);
void        shk_measure_set_for_citizens        (ShkMeasure  *self,
                                                 gboolean     value);
gboolean    shk_measure_get_for_internal        (ShkMeasure  *self);
void        shk_measure_set_for_internal        (ShkMeasure  *self,
                                                 gboolean     value);

/* The fiscal year id the measure was added in (e.g. "R3"); NULL or "" for
 * a measure of the original plan. */
const char *shk_measure_get_year_added          (ShkMeasure  *self);
void        shk_measure_set_year_added          (ShkMeasure  *self,
                                                 const char  *year_id);
/* Whether the measure is counted in the published grade summary. */
gboolean    shk_measure_get_counted             (ShkMeasure  *self);
void        shk_measure_set_counted             (ShkMeasure  *self,
                                                 gboolean     counted);

/* What the source document printed, kept for comparison; may be NULL. */
const char *shk_measure_get_published_rate      (ShkMeasure  *self);
void        shk_measure_set_published_rate      (ShkMeasure  *self,
                                                 const char  *text);
const char *shk_measure_get_published_status    (ShkMeasure  *self);
void        shk_measure_set_published_status    (ShkMeasure  *self,
                                                 const char  *text);
/* The grade the handouts published for an evaluation; FALSE if none. */
gboolean    shk_measure_get_published_grade     (ShkMeasure  *self,
                                                 const char  *evaluation_id,
                                                 ShkGrade    *grade);
void        shk_measure_set_published_grade     (ShkMeasure  *self,
                                                 const char  *evaluation_id,
                                                 ShkGrade     grade);

/* Indicators, a GListModel of ShkIndicator (made on first call; code that
 * only reads the indicators should use the two functions below, which
 * make nothing). */
GListModel *shk_measure_get_indicators          (ShkMeasure  *self);
guint       shk_measure_get_n_indicators        (ShkMeasure  *self);
ShkIndicator *shk_measure_get_indicator         (ShkMeasure  *self,
                                                 guint        position);
void        shk_measure_insert_indicator        (ShkMeasure  *self,
                                                 guint        position,
                                                 ShkIndicator *indicator);
void        shk_measure_append_indicator        (ShkMeasure  *self,
                                                 ShkIndicator *indicator);
void        shk_measure_remove_indicator        (ShkMeasure  *self,
                                                 guint        position);

/* The office's own grade for an evaluation, with its reason. A manual grade
 * of SHK_GRADE_NONE marks the measure as not evaluated in that column.
 * Returns FALSE when there is no manual grade. @reason may be NULL. */
gboolean    shk_measure_get_manual_grade        (ShkMeasure  *self,
                                                 const char  *evaluation_id,
                                                 ShkGrade    *grade,
                                                 const char **reason);
void        shk_measure_set_manual_grade        (ShkMeasure  *self,
                                                 const char  *evaluation_id,
                                                 ShkGrade     grade,
                                                 const char  *reason);
void        shk_measure_clear_manual_grade      (ShkMeasure  *self,
                                                 const char  *evaluation_id);
/* Sorted evaluation ids that have a manual grade. */
GStrv       shk_measure_dup_manual_grade_ids    (ShkMeasure  *self);
/* Sorted evaluation ids that have a published grade. */
GStrv       shk_measure_dup_published_grade_ids (ShkMeasure  *self);

/* The owning section's own assessment of a fiscal year (◎○△－ and its
 * reason), as its reply to a request workbook gave it; kept apart from
 * the office's manual grades, which it never replaces. @reason is "" when
 * none was given. Returns FALSE when the year has none. */
gboolean    shk_measure_get_self_grade          (ShkMeasure  *self,
                                                 const char  *year_id,
                                                 ShkGrade    *grade,
                                                 const char **reason);
void        shk_measure_set_self_grade          (ShkMeasure  *self,
                                                 const char  *year_id,
                                                 ShkGrade     grade,
                                                 const char  *reason);
void        shk_measure_clear_self_grade        (ShkMeasure  *self,
                                                 const char  *year_id);
/* Sorted fiscal year ids that have a self-assessment. */
GStrv       shk_measure_dup_self_grade_years    (ShkMeasure  *self);

/* Where a text or self-assessment came from, by key ("actions",
 * "next_year_plan", "self_grade.R3"; see shk-provenance.h). */
const ShkProvenance *shk_measure_get_provenance (ShkMeasure        *self,
                                                 const char        *key);
void        shk_measure_set_provenance          (ShkMeasure          *self,
                                                 const char          *key,
                                                 const ShkProvenance *provenance);
GStrv       shk_measure_dup_provenance_keys     (ShkMeasure  *self);

G_END_DECLS
