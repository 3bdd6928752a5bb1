/* shk-collect-private.h — what reading replies and merging them share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-collect.h"
#include "shk-sheet.h"

G_BEGIN_DECLS

/* What a round collects: decided by the first reply recognised. */
typedef enum
{
  SHK_COLLECT_KIND_UNKNOWN,
  SHK_COLLECT_KIND_MEASURES,
  SHK_COLLECT_KIND_SURVEY,
} ShkCollectKind;

struct _ShkCollect
{
  GObject     parent_instance;

  ShkPlan    *plan;
  ShkCollectKind kind;
  char       *year_id;
  char       *document;
  char       *due;          /* from the first reply recognised; may be NULL */
  GPtrArray  *replies;      /* ShkCollectReply, the files read */
  GPtrArray  *proposals;    /* ShkCollectChange, every value a reply gives */
  /* Built by shk_collect_merge (): */
  GPtrArray  *missing;      /* ShkCollectReply, sections not replied */
  GPtrArray  *all_replies;  /* replies then missing, not owned */
  GPtrArray  *changes;      /* ShkCollectChange */
  GPtrArray  *conflicts;    /* ShkCollectConflict */
  gboolean    merged;
  gboolean    applied;

  /* The survey's (shk-survey-collect.c): */
  GPtrArray  *survey_proposals;   /* ShkSurveyChange, every value a reply gives */
  GPtrArray  *new_processes;      /* ShkSurveyNewProcess, as read */
  GPtrArray  *survey_changes;     /* built by the merge */
  GPtrArray  *survey_conflicts;
  GPtrArray  *survey_new;         /* new processes, duplicates dropped */
};

/* One reply being read. */
typedef struct
{
  ShkCollect  *self;
  const char  *file;
  ShkSheet    *id_sheet;
  ShkSheet    *reply;
  char        *section;
  guint        first_row;
  gboolean     survey;        /* a survey workbook's reply */
  GPtrArray   *copy;          /* GStrv rows, the column keys first */
  GPtrArray   *proposals;     /* this reply's, added to self once accepted */
  GPtrArray   *new_processes; /* a survey reply's ShkSurveyNewProcess */
  char        *refusal;       /* the first refusal */
} ShkCollectRead;

/* Sets the refusal (the first one only); returns FALSE. */
gboolean          shk_collect_refuse         (ShkCollectRead        *r,
                                              const char            *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* The same, naming the cell of the reply sheet. */
gboolean          shk_collect_refuse_at      (ShkCollectRead        *r,
                                              guint                  row,
                                              guint                  column,
                                              const char            *what);
/* The column of @key in the copy; G_MAXUINT when it has none. */
guint             shk_collect_column_of      (ShkCollectRead        *r,
                                              const char            *key);
gboolean          shk_collect_parse_plain_number (const char        *text,
                                                  double            *value);
gboolean          shk_collect_numbers_equal  (double                 a,
                                              double                 b);
/* CR LF as LF, blanks trimmed. */
char             *shk_collect_normalise_text (const char            *text);
void              shk_collect_value_set_text (ShkCollectValue       *value,
                                              const char            *text);


void              shk_collect_value_clear    (ShkCollectValue       *value);
void              shk_collect_value_copy     (ShkCollectValue       *to,
                                              const ShkCollectValue *from);
gboolean          shk_collect_value_equal    (const ShkCollectValue *a,
                                              const ShkCollectValue *b);
/* The document's value of a field now. */
void              shk_collect_document_value (ShkMeasure            *measure,
                                              ShkIndicator          *indicator,
                                              ShkCollectField        field,
                                              const char            *year_id,
                                              ShkCollectValue       *value);
ShkCollectChange *shk_collect_change_copy    (const ShkCollectChange *from);
void              shk_collect_change_free    (gpointer               data);
void              shk_collect_conflict_free  (gpointer               data);
void              shk_collect_reply_free     (gpointer               data);
/* Works out changes, conflicts and missing sections, once per addition. */
void              shk_collect_merge          (ShkCollect            *self);

/* The survey's part (shk-survey-collect.c). */
void              shk_survey_collect_init    (ShkCollect            *self);
void              shk_survey_collect_finalize (ShkCollect           *self);
gboolean          shk_survey_collect_read_rows (ShkCollectRead      *r);
void              shk_survey_collect_merge   (ShkCollect            *self);
/* Applies the survey's changes, settled conflicts and new processes
 * inside the open undo group; returns how many. */
guint             shk_survey_collect_apply   (ShkCollect            *self,
                                              ShkUndoStack          *stack,
                                              const char            *label);

G_END_DECLS
