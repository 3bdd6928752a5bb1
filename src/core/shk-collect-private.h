/* shk-collect-private.h — what reading replies and merging them share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-collect.h"

G_BEGIN_DECLS

struct _ShkCollect
{
  GObject     parent_instance;

  ShkPlan    *plan;
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
};

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

G_END_DECLS
