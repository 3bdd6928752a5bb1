/* shk-process.h — a work process from the AI/RPA survey
 *
 * A process's rank is computed from the hours of all processes of the
 * survey (see shk-survey.h); it is never stored.
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

#define SHK_TYPE_PROCESS (shk_process_get_type ())
G_DECLARE_FINAL_TYPE (ShkProcess, shk_process, SHK, PROCESS, GObject)

ShkProcess  *shk_process_new                       (const char *id);

/* A stable id, unique in the document, that scenarios refer to. */
const char  *shk_process_get_id                    (ShkProcess *self);
void         shk_process_set_id                    (ShkProcess *self,
                                                    const char *id);
double       shk_process_get_hours                 (ShkProcess *self);
void         shk_process_set_hours                 (ShkProcess *self,
                                                    double      hours);
/* Text fields. Every getter returns "" rather than NULL when unset. */
const char  *shk_process_get_name                  (ShkProcess *self);
void         shk_process_set_name                  (ShkProcess *self,
                                                    const char *name);
const char  *shk_process_get_business              (ShkProcess *self);
void         shk_process_set_business              (ShkProcess *self,
                                                    const char *business);
const char  *shk_process_get_section               (ShkProcess *self);
void         shk_process_set_section               (ShkProcess *self,
                                                    const char *section);
/* The unit (係) within the section. */
const char  *shk_process_get_unit                  (ShkProcess *self);
void         shk_process_set_unit                  (ShkProcess *self,
                                                    const char *unit);
ShkPriority  shk_process_get_priority              (ShkProcess *self);
void         shk_process_set_priority              (ShkProcess *self,
                                                    ShkPriority priority);
/* One of 入力事務, 自動化事務, データ分析と意思決定, 自動判断, その他;
 * "" when the category is unknown. */
const char  *shk_process_get_category              (ShkProcess *self);
void         shk_process_set_category              (ShkProcess *self,
                                                    const char *category);
/* The 分類 label as printed in the handouts (may disagree with the
 * category derived from the published totals). */
const char  *shk_process_get_printed_category      (ShkProcess *self);
void         shk_process_set_printed_category      (ShkProcess *self,
                                                    const char *category);
const char  *shk_process_get_solution              (ShkProcess *self);
void         shk_process_set_solution              (ShkProcess *self,
                                                    const char *solution);
/* Returns FALSE when no expected reduction is known. */
gboolean     shk_process_get_expected_reduction    (ShkProcess *self,
                                                    double     *hours);
void         shk_process_set_expected_reduction    (ShkProcess *self,
                                                    double      hours);
void         shk_process_unset_expected_reduction  (ShkProcess *self);
const char  *shk_process_get_qualitative_effect    (ShkProcess *self);
void         shk_process_set_qualitative_effect    (ShkProcess *self,
                                                    const char *effect);
/* 今後の方針 */
const char  *shk_process_get_policy                (ShkProcess *self);
void         shk_process_set_policy                (ShkProcess *self,
                                                    const char *policy);
/* 効率化等内容, for already-efficient processes. */
const char  *shk_process_get_efficiency_measure    (ShkProcess *self);
void         shk_process_set_efficiency_measure    (ShkProcess *self,
                                                    const char *text);
gboolean     shk_process_get_demo_experiment       (ShkProcess *self);
void         shk_process_set_demo_experiment       (ShkProcess *self,
                                                    gboolean    value);
gboolean     shk_process_get_deep_dive             (ShkProcess *self);
void         shk_process_set_deep_dive             (ShkProcess *self,
                                                    gboolean    value);
const char  *shk_process_get_notes                 (ShkProcess *self);
void         shk_process_set_notes                 (ShkProcess *self,
                                                    const char *notes);
/* The section's answer to the survey: whether AI or RPA could apply
 * ("yes", "no", "unknown", or "" when not asked), and its note. */
const char  *shk_process_get_ai_applicable         (ShkProcess *self);
void         shk_process_set_ai_applicable         (ShkProcess *self,
                                                    const char *key);
const char  *shk_process_get_reply_note            (ShkProcess *self);
void         shk_process_set_reply_note            (ShkProcess *self,
                                                    const char *note);

/* Where a value came from, by key ("hours", "category", "ai_applicable",
 * "reply_note"; see shk-provenance.h). */
const ShkProvenance *shk_process_get_provenance   (ShkProcess          *self,
                                                   const char          *key);
void         shk_process_set_provenance            (ShkProcess          *self,
                                                    const char          *key,
                                                    const ShkProvenance *provenance);
GStrv        shk_process_dup_provenance_keys       (ShkProcess          *self);

G_END_DECLS
