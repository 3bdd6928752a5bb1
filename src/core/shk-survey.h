/* shk-survey.h — the AI/RPA survey: its totals and the listed processes
 *
 * The survey lists only the processes above a threshold (1,000 h/year in
 * the handouts). What it did not list is kept as data, the unlisted
 * remainder (461 processes, 32,300 h in the handouts); the survey's totals
 * are computed: the listed processes plus that remainder, so raising one
 * process's hours raises the total.
 *
 * Emits "changed" when a total or one of its processes changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-process.h"

G_BEGIN_DECLS

#define SHK_TYPE_SURVEY (shk_survey_get_type ())
G_DECLARE_FINAL_TYPE (ShkSurvey, shk_survey, SHK, SURVEY, GObject)

ShkSurvey   *shk_survey_new                     (void);

const char  *shk_survey_get_title               (ShkSurvey  *self);
void         shk_survey_set_title               (ShkSurvey  *self,
                                                 const char *title);
guint        shk_survey_get_total_sections      (ShkSurvey  *self);
void         shk_survey_set_total_sections      (ShkSurvey  *self,
                                                 guint       n);
guint        shk_survey_get_total_businesses    (ShkSurvey  *self);
void         shk_survey_set_total_businesses    (ShkSurvey  *self,
                                                 guint       n);
/* The processes and hours the survey counted but did not list. */
guint        shk_survey_get_unlisted_processes  (ShkSurvey  *self);
void         shk_survey_set_unlisted_processes  (ShkSurvey  *self,
                                                 guint       n);
double       shk_survey_get_unlisted_hours      (ShkSurvey  *self);
void         shk_survey_set_unlisted_hours      (ShkSurvey  *self,
                                                 double      hours);
/* Computed: the listed processes (and their hours) plus the unlisted
 * remainder. */
guint        shk_survey_get_total_processes     (ShkSurvey  *self);
double       shk_survey_get_listed_hours        (ShkSurvey  *self);
double       shk_survey_get_total_hours         (ShkSurvey  *self);
/* For callers and older files that know only a stored total: the
 * unlisted remainder becomes the total less what is listed now (never
 * below zero). */
void         shk_survey_set_total_processes     (ShkSurvey  *self,
                                                 guint       n);
void         shk_survey_set_total_hours         (ShkSurvey  *self,
                                                 double      hours);
/* Processes of at least this many hours a year are listed. */
double       shk_survey_get_listing_threshold   (ShkSurvey  *self);
void         shk_survey_set_listing_threshold   (ShkSurvey  *self,
                                                 double      hours);

/* The listed processes, a GListModel of ShkProcess in document order. */
GListModel  *shk_survey_get_processes           (ShkSurvey  *self);
void         shk_survey_append_process          (ShkSurvey  *self,
                                                 ShkProcess *process);
void         shk_survey_insert_process          (ShkSurvey  *self,
                                                 guint       position,
                                                 ShkProcess *process);
void         shk_survey_remove_process          (ShkSurvey  *self,
                                                 guint       position);
ShkProcess  *shk_survey_find_process            (ShkSurvey  *self,
                                                 const char *id);
/* A new id not used by any listed process. */
char        *shk_survey_dup_unused_process_id   (ShkSurvey  *self);

G_END_DECLS
