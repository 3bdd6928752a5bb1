/* shk-survey-request-dialog.h — 「AI等調査票を作成」: the AI/RPA survey's
 * workbooks written from the window
 *
 * Picks the round's year, the due date, whom to reply to, the blank rows
 * and the sections, then a folder, and writes one survey workbook per
 * section (shk-survey-request.h). Its replies are read by 「回答を取り込む」
 * like the measures' ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-document.h"

G_BEGIN_DECLS

#define SHK_TYPE_SURVEY_REQUEST_DIALOG (shk_survey_request_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShkSurveyRequestDialog, shk_survey_request_dialog, SHK,
                      SURVEY_REQUEST_DIALOG, AdwWindow)

ShkSurveyRequestDialog *shk_survey_request_dialog_new     (GtkWindow   *parent,
                                                           ShkDocument *document);
void                    shk_survey_request_dialog_present (GtkWindow   *parent,
                                                           ShkDocument *document);
/* Writes the chosen sections' workbooks into @folder, for tests and the
 * folder chooser: ShkRequestInfo as written, or NULL with @error. */
GPtrArray              *shk_survey_request_dialog_write   (ShkSurveyRequestDialog *self,
                                                           GFile                  *folder,
                                                           GError                **error);

G_END_DECLS
