/* shk-collect.h — replies to request workbooks, read, checked and merged
 *
 * Collecting is two steps, like an import: reading the returned
 * workbooks makes a review (per section: replied, not yet, refused; per
 * value: old → new, from which section and file, with warnings; the
 * conflicts), and applying it is then one undoable step.
 *
 * A reply is recognised by the identification sheet shk-request.c wrote
 * (document, section, year, a copy of every cell as sent and its
 * checksum) and refused, with a message naming the file and the cell,
 * when it is from another tool or document, for another year, holds
 * another section's sheet, has a grey (context) cell changed, or an
 * input that is not a number or not a grade.
 *
 * A conflict is a value two replies give differently, or one the office
 * changed after the workbook went out and the section answers too. It
 * stays as the document has it until settled with
 * shk_collect_choose_conflict().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-plan.h"
#include "shk-undo.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_COLLECT_FIELD_ACTUAL,
  SHK_COLLECT_FIELD_ACTIONS,
  SHK_COLLECT_FIELD_NEXT_YEAR_PLAN,
  SHK_COLLECT_FIELD_SELF_GRADE,
} ShkCollectField;

typedef enum
{
  SHK_REPLY_REPLIED,
  SHK_REPLY_REFUSED,
  SHK_REPLY_MISSING,          /* a section asked that has not replied */
} ShkReplyStatus;

typedef enum
{
  SHK_COLLECT_WARNING_TENFOLD  = 1 << 0,  /* ten times last year's actual or more */
  SHK_COLLECT_WARNING_NEGATIVE = 1 << 1,
  SHK_COLLECT_WARNING_CLEARED  = 1 << 2,  /* the section emptied a value */
} ShkCollectWarnings;

/* A value of one field: a number for actuals, a text for the texts, a
 * grade symbol with its reason for self-assessments. */
typedef struct
{
  gboolean  has_value;
  double    number;
  char     *text;
  char     *reason;
} ShkCollectValue;

typedef struct
{
  char           *file;       /* display name */
  char           *section;    /* NULL when the file names none */
  ShkReplyStatus  status;
  char           *message;    /* translated; for refusals names the cell */
} ShkCollectReply;

/* One value a reply gives. */
typedef struct
{
  ShkMeasure         *measure;          /* owned reference */
  ShkIndicator       *indicator;        /* owned; NULL for the measure's texts */
  guint               indicator_index;
  char               *year_id;
  ShkCollectField     field;
  ShkCollectValue     old_value;        /* the document's, now */
  ShkCollectValue     sent_value;       /* as the workbook was sent */
  ShkCollectValue     new_value;
  char               *section;
  char               *file;
  char               *cell;             /* "Q5" on the reply sheet */
  ShkCollectWarnings  warnings;
} ShkCollectChange;

typedef struct
{
  ShkMeasure      *measure;
  ShkIndicator    *indicator;
  guint            indicator_index;
  char            *year_id;
  ShkCollectField  field;
  ShkCollectValue  current;          /* the document's value now */
  gboolean         office_changed;   /* the office changed it since sending */
  GPtrArray       *proposals;        /* ShkCollectChange, one per reply */
  int              choice;           /* -1: keep the document's value */
} ShkCollectConflict;

#define SHK_TYPE_COLLECT (shk_collect_get_type ())
G_DECLARE_FINAL_TYPE (ShkCollect, shk_collect, SHK, COLLECT, GObject)

/* @year_id NULL: the year of the first reply recognised. */
ShkCollect  *shk_collect_new              (ShkPlan       *plan,
                                           const char    *year_id);
/* Reads one returned workbook; a file that cannot be read is a refused
 * reply, never an error. */
void         shk_collect_add_bytes        (ShkCollect    *self,
                                           GBytes        *bytes,
                                           const char    *display_name);
/* A workbook, or a folder whose *.xlsx files are read in name order
 * (Excel's "~$" lock files skipped). FALSE only when a folder cannot be
 * listed. */
gboolean     shk_collect_add_file         (ShkCollect    *self,
                                           GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);

const char  *shk_collect_get_year         (ShkCollect    *self);
/* ShkCollectReply: the files in the order read, then the sections of the
 * plan that have not replied. */
GPtrArray   *shk_collect_get_replies      (ShkCollect    *self);
/* ShkCollectChange, in plan order. */
GPtrArray   *shk_collect_get_changes      (ShkCollect    *self);
/* ShkCollectConflict, in plan order. */
GPtrArray   *shk_collect_get_conflicts    (ShkCollect    *self);
/* Settles a conflict: @choice is an index into its proposals, or -1 to
 * keep the document's value. FALSE when out of range. */
gboolean     shk_collect_choose_conflict  (ShkCollect    *self,
                                           guint          conflict,
                                           int            choice);
/* Applies every change and every settled conflict as one undoable step
 * labelled "Collect replies"; each value remembers the section and file
 * it came from. Returns the number of values changed; applying twice
 * applies nothing the second time. */
guint        shk_collect_apply            (ShkCollect    *self,
                                           ShkUndoStack  *stack);

/* The reminder list: every section asked that has not replied or whose
 * reply was refused, with its measures and the due date the workbooks
 * gave. As text, a line per section, to paste into a mail; or as CSV
 * (RFC 4180, formula-safe) with the columns section, measures, status,
 * due, message. */
char        *shk_collect_dup_reminders    (ShkCollect    *self,
                                           gboolean       csv);

const char  *shk_collect_field_to_key     (ShkCollectField  field);
const char  *shk_reply_status_to_key      (ShkReplyStatus   status);
/* The value as the review shows it: "3,800,000", "○ (reason)", "—". */
char        *shk_collect_value_describe   (ShkCollectField        field,
                                           const ShkCollectValue *value);
/* "No.1 トップページへのアクセス数 · Actual R3: 3,742,282 → 3,800,000 (広報課)" */
char        *shk_collect_change_describe  (const ShkCollectChange *change);
/* The warnings as a translated sentence; NULL when there are none. */
char        *shk_collect_warnings_describe (ShkCollectWarnings     warnings);
/* "No.1 トップページへのアクセス数 · Actual R3" */
char        *shk_collect_dup_cell_label   (ShkMeasure      *measure,
                                           ShkIndicator    *indicator,
                                           ShkCollectField  field,
                                           const char      *year_id);

G_END_DECLS
