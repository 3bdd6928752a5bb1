/* shk-survey-review.h — the review of replies to the AI/RPA survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-collect.h"

G_BEGIN_DECLS

#define SHK_TYPE_SURVEY_REVIEW (shk_survey_review_get_type ())
G_DECLARE_FINAL_TYPE (ShkSurveyReview, shk_survey_review, SHK, SURVEY_REVIEW, AdwPreferencesPage)

/* The page of 「回答を取り込む」 for survey replies: @sections (the
 * dialog's, shared with the measures' review) first, then the changes to
 * the listed processes, the processes the sections added and the
 * conflicts, each settled in its row. Nothing is applied here. */
GtkWidget *shk_survey_review_new (ShkCollect          *collect,
                                  AdwPreferencesGroup *sections);

G_END_DECLS
