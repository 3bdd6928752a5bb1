/* shk-request.h — request workbooks: one XLSX per owning section
 *
 * Every year the office asks each section that owns a measure for its
 * figures and texts. A request workbook holds only that section's
 * measures: the context (measure, indicator, unit, targets, past actuals,
 * last year's texts) in locked cells, and open cells for the year's
 * actual per indicator, the actions taken, next year's plan and an
 * optional self-assessment with its reason. A hidden, protected sheet
 * identifies it (document, section, year, a copy of every cell as sent
 * and a checksum of that copy), so that shk-collect.h recognises the
 * reply, refuses a tampered one and tells the section's changes from the
 * office's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_REQUEST_ERROR (shk_request_error_quark ())
GQuark shk_request_error_quark (void);

typedef enum
{
  SHK_REQUEST_ERROR_FAILED,       /* libxlsxwriter or the disk failed */
  SHK_REQUEST_ERROR_UNSUPPORTED,  /* built without libxlsxwriter */
  SHK_REQUEST_ERROR_INVALID,      /* no such year or section, a bad date */
} ShkRequestError;

/* The identification sheet: its name, and the key of its first cell. */
#define SHK_REQUEST_ID_SHEET    "_shinchoku"
#define SHK_REQUEST_MAGIC       "shinchoku-request"
#define SHK_REQUEST_VERSION     1
/* Rows of the identification sheet (0-based): key in A, value in B. */
enum
{
  SHK_REQUEST_ROW_MAGIC,
  SHK_REQUEST_ROW_DOCUMENT,
  SHK_REQUEST_ROW_SECTION,
  SHK_REQUEST_ROW_YEAR,
  SHK_REQUEST_ROW_SHEET,
  SHK_REQUEST_ROW_FIRST_ROW,
  SHK_REQUEST_ROW_N_ROWS,
  SHK_REQUEST_ROW_DUE,
  SHK_REQUEST_ROW_CREATED,
  SHK_REQUEST_ROW_CHECKSUM,
  SHK_REQUEST_ROW_COLUMNS,        /* the column keys, from column A */
  SHK_REQUEST_ROW_COPY,           /* the data rows as sent, from here */
};
/* A data row whose first cell, as sent, starts with this is a blank row
 * for the section to fill in whole (the survey's new processes): none of
 * its cells is context. */
#define SHK_REQUEST_OPEN_ROW_PREFIX "+"
/* The cell of the reply sheet that names the section (B2). */
#define SHK_REQUEST_SECTION_ROW    1
#define SHK_REQUEST_SECTION_COLUMN 1

/* Column keys: context columns are compared with what was sent; "in:"
 * columns are the section's answers. */
#define SHK_REQUEST_KEY_MEASURE        "measure"
#define SHK_REQUEST_KEY_INDICATOR_NO   "indicator_no"
#define SHK_REQUEST_KEY_ACTUAL         "in:actual"
#define SHK_REQUEST_KEY_ACTIONS        "in:actions"
#define SHK_REQUEST_KEY_NEXT_YEAR_PLAN "in:next_year_plan"
#define SHK_REQUEST_KEY_SELF_GRADE     "in:self_grade"
#define SHK_REQUEST_KEY_SELF_REASON    "in:self_reason"
#define SHK_REQUEST_KEY_PREV_ACTIONS   "prev_actions"
#define SHK_REQUEST_KEY_PREV_PLAN      "prev_next_year_plan"

/* Longest text accepted in an input cell (the data validation's limit). */
#define SHK_REQUEST_MAX_TEXT 2000

typedef struct
{
  const char *year_id;     /* the reporting year asked for, e.g. "R3" */
  const char *due;         /* "YYYY-MM-DD" or NULL */
  const char *contact;     /* whom to send the reply to; NULL: the office */
  const char *created;     /* "YYYY-MM-DD" or NULL for today (tests fix it) */
} ShkRequestOptions;

/* One workbook written. */
typedef struct
{
  char   *section;
  char   *file_name;       /* base name, within the folder */
  GArray *measures;        /* guint measure numbers, in plan order */
  GStrv   processes;       /* a survey workbook's process ids, else NULL */
} ShkRequestInfo;

void        shk_request_info_free       (ShkRequestInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkRequestInfo, shk_request_info_free)

/* The sections a measure's "section" text names: "経営管理課,水道整備課"
 * owns it jointly, so it is split at commas (ASCII, full-width and 、). */
GStrv       shk_request_split_sections  (const char        *section);
/* Every section that owns a measure of @plan, in order of first mention. */
GStrv       shk_request_dup_sections    (ShkPlan           *plan);
/* The measures @section owns (ShkMeasure, in plan order). */
GPtrArray  *shk_request_dup_measures    (ShkPlan           *plan,
                                         const char        *section);
/* What identifies the document in its workbooks: a hash of its
 * organisation and title, stable across saves and edits of figures. */
char       *shk_request_dup_document_id (ShkPlan           *plan);
/* "R3_広報課_照会票.xlsx", with characters no file system takes replaced. */
char       *shk_request_dup_file_name   (const char        *year_id,
                                         const char        *section);
/* Checks @options against @plan (the year exists, the date is a date). */
gboolean    shk_request_check_options   (ShkPlan           *plan,
                                         const ShkRequestOptions *options,
                                         GError           **error);
/* The workbook of one section, as bytes. */
GBytes     *shk_request_write_xlsx      (ShkPlan           *plan,
                                         const char        *section,
                                         const ShkRequestOptions *options,
                                         GError           **error);
/* Writes the workbooks of @sections (NULL: every owning section) into
 * @folder, each through the safe save. Returns ShkRequestInfo in the
 * order written, or NULL with nothing more written after the failure. */
GPtrArray  *shk_request_write_folder    (ShkPlan           *plan,
                                         const char * const *sections,
                                         const ShkRequestOptions *options,
                                         GFile             *folder,
                                         GError           **error);

/* The checksum of the identification: SHA-256 over the document,
 * section, year, sheet and every copied cell. @cells is rows of GStrv,
 * the column keys first. Shared with shk-collect.c. */
char       *shk_request_checksum        (const char        *document,
                                         const char        *section,
                                         const char        *year_id,
                                         const char        *sheet,
                                         GPtrArray         *rows);

G_END_DECLS
