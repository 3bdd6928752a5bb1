/* shk-survey-request.h — AI/RPA survey workbooks: one XLSX per section
 *
 * The survey asks each section for the yearly hours of its work
 * processes. A survey workbook lists the section's processes of the
 * document (process, business and unit locked) with open cells for the
 * annual hours, the category (a drop-down of the document's categories),
 * whether AI or RPA could apply (yes, no, unknown) and a note, then blank
 * rows for processes the list lacks. It is identified like a request
 * workbook (shk-request.h) but with its own magic, so that
 * shk-collect.h tells the two apart; its replies are merged by
 * shk-survey-collect.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-plan.h"
#include "shk-request.h"

G_BEGIN_DECLS

#define SHK_SURVEY_MAGIC "shinchoku-survey"

/* Column keys. The first column holds the process id, or "+1", "+2"… on
 * the blank rows (SHK_REQUEST_OPEN_ROW_PREFIX). */
#define SHK_SURVEY_KEY_ID          "process_id"
#define SHK_SURVEY_KEY_NAME        "process"
#define SHK_SURVEY_KEY_BUSINESS    "business"
#define SHK_SURVEY_KEY_UNIT        "unit"
#define SHK_SURVEY_KEY_HOURS       "in:hours"
#define SHK_SURVEY_KEY_CATEGORY    "in:category"
#define SHK_SURVEY_KEY_APPLICABLE  "in:applicable"
#define SHK_SURVEY_KEY_NOTE        "in:note"

/* Blank rows for new processes when the options give none. */
#define SHK_SURVEY_DEFAULT_BLANK_ROWS 5
#define SHK_SURVEY_MAX_BLANK_ROWS     200

typedef struct
{
  ShkRequestOptions  request;      /* year, due date, contact, created */
  guint              blank_rows;   /* 0: SHK_SURVEY_DEFAULT_BLANK_ROWS */
} ShkSurveyRequestOptions;

/* Every section a process of @plan's survey names, in order of first
 * mention. */
GStrv       shk_survey_request_dup_sections  (ShkPlan           *plan);
/* The processes of @section (ShkProcess, in survey order). */
GPtrArray  *shk_survey_request_dup_processes (ShkPlan           *plan,
                                              const char        *section);
/* "R3_広報課_AI等調査票.xlsx", safe for any file system. */
char       *shk_survey_request_dup_file_name (const char        *year_id,
                                              const char        *section);
GBytes     *shk_survey_request_write_xlsx    (ShkPlan           *plan,
                                              const char        *section,
                                              const ShkSurveyRequestOptions *options,
                                              GError           **error);
/* Writes the workbooks of @sections (NULL: every section) into @folder.
 * Returns ShkRequestInfo (with their process ids) in the order written,
 * or NULL with nothing more written after the failure. */
GPtrArray  *shk_survey_request_write_folder  (ShkPlan           *plan,
                                              const char * const *sections,
                                              const ShkSurveyRequestOptions *options,
                                              GFile             *folder,
                                              GError           **error);

/* Whether AI or RPA could apply, as the file format and the workbooks
 * keep it: "yes", "no", "unknown". */
const char * const *shk_survey_applicable_keys   (void);
/* The word the workbook's drop-down shows for a key (translated). */
const char         *shk_survey_applicable_label  (const char *key);
/* The key of a word a reply gives (the translated word, the key itself,
 * or the English word); NULL when it is none of them. */
const char         *shk_survey_applicable_parse  (const char *text);

G_END_DECLS
