/* shk-survey-collect.h — replies to the AI/RPA survey workbooks
 *
 * shk-collect.h reads them: a reply whose identification sheet carries
 * SHK_SURVEY_MAGIC is a survey reply, and a round is either the
 * measures' or the survey's (the first reply recognised decides). Per
 * listed process it gives the hours, category, whether AI or RPA could
 * apply and the note, old → new, with warnings (ten times the hours the
 * document has, hours emptied) and conflicts; the blank rows give new
 * processes. Negative hours, a category not in the list and a new process
 * without a name or hours are refused with the cell named.
 *
 * shk_collect_apply() applies these in the same undo step as the rest:
 * emptied hours become 0 (the section says the process takes no time
 * now; the review warns first), an emptied text changes nothing, and new
 * processes are appended to the survey, where the ranking, the Pareto
 * chart and the survey's total take them in (a process under the listing
 * threshold counts in the remainder).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-collect.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_SURVEY_FIELD_HOURS,
  SHK_SURVEY_FIELD_CATEGORY,
  SHK_SURVEY_FIELD_APPLICABLE,    /* a key of shk_survey_applicable_keys() */
  SHK_SURVEY_FIELD_NOTE,
} ShkSurveyField;

/* A value one reply gives for a listed process: a number for the hours,
 * a text for the rest. */
typedef struct
{
  ShkProcess          *process;     /* owned reference */
  ShkSurveyField       field;
  ShkCollectValue      old_value;   /* the document's, now */
  ShkCollectValue      sent_value;
  ShkCollectValue      new_value;
  char                *section;
  char                *file;
  char                *cell;
  ShkCollectWarnings   warnings;
} ShkSurveyChange;

typedef struct
{
  ShkProcess      *process;
  ShkSurveyField   field;
  ShkCollectValue  current;
  gboolean         office_changed;
  GPtrArray       *proposals;       /* ShkSurveyChange */
  int              choice;          /* -1: keep the document's value */
} ShkSurveyConflict;

/* A process a section added on a blank row. */
typedef struct
{
  char   *name;
  char   *business;
  char   *unit;
  char   *section;
  double  hours;
  char   *category;      /* NULL when not chosen */
  char   *applicable;    /* a key, or NULL */
  char   *note;
  char   *file;
  char   *cell;          /* the name's cell */
} ShkSurveyNewProcess;

/* Whether the replies read are the survey's. */
gboolean    shk_collect_is_survey               (ShkCollect  *self);
/* ShkSurveyChange, in survey order. */
GPtrArray  *shk_collect_get_survey_changes      (ShkCollect  *self);
/* ShkSurveyConflict, in survey order. */
GPtrArray  *shk_collect_get_survey_conflicts    (ShkCollect  *self);
/* ShkSurveyNewProcess, in the order read (one per section and name). */
GPtrArray  *shk_collect_get_new_processes       (ShkCollect  *self);
gboolean    shk_collect_choose_survey_conflict  (ShkCollect  *self,
                                                 guint        conflict,
                                                 int          choice);

/* "hours", "category", "applicable", "note". */
const char *shk_survey_field_to_key             (ShkSurveyField          field);
/* "1,234 h", "入力事務", "—". */
char       *shk_survey_value_describe           (ShkSurveyField          field,
                                                 const ShkCollectValue  *value);
/* The warnings of a survey change as a translated sentence (ten times
 * the hours the document has, hours emptied); NULL when there are none. */
char       *shk_survey_warnings_describe         (ShkCollectWarnings      warnings);
/* "p03 住民票の交付 · Annual hours: 1,200 → 1,500 (市民課)" */
char       *shk_survey_change_describe          (const ShkSurveyChange  *change);
/* "p03 住民票の交付 · Annual hours" */
char       *shk_survey_dup_cell_label           (ShkProcess             *process,
                                                 ShkSurveyField          field);

G_END_DECLS
