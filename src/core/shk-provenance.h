/* shk-provenance.h — where a value came from
 *
 * Each target, actual and measure text remembers how it was last set:
 * typed, pasted, imported from a file, or taken from a section's reply to
 * a request workbook, with the date. The detail pane shows it and the
 * document keeps it (format version 2), so that at the next meeting the
 * office can say which section gave a figure and when.
 *
 * Provenance is kept on the object that holds the value, under a key:
 * "actual.R3" and "target.R3" on an ShkIndicator; "actions",
 * "next_year_plan" and "self_grade.R3" on an ShkMeasure; "hours",
 * "category", "ai_applicable" and "reply_note" on an ShkProcess (from a
 * section's reply to the AI/RPA survey workbook).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shk-undo.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_PROVENANCE_TYPED,
  SHK_PROVENANCE_PASTED,
  SHK_PROVENANCE_IMPORTED,
  SHK_PROVENANCE_REPLY,
} ShkProvenanceSource;

typedef struct
{
  ShkProvenanceSource  source;
  char                *section;   /* the replying section; NULL otherwise */
  char                *file;      /* the file read; NULL for typed and pasted */
  char                *date;      /* "YYYY-MM-DD" */
} ShkProvenance;

#define SHK_TYPE_PROVENANCE (shk_provenance_get_type ())
GType          shk_provenance_get_type        (void) G_GNUC_CONST;

/* @date NULL: today, in local time. */
ShkProvenance *shk_provenance_new             (ShkProvenanceSource   source,
                                               const char           *section,
                                               const char           *file,
                                               const char           *date);
ShkProvenance *shk_provenance_copy            (const ShkProvenance  *self);
void           shk_provenance_free            (ShkProvenance        *self);
gboolean       shk_provenance_equal           (const ShkProvenance  *a,
                                               const ShkProvenance  *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkProvenance, shk_provenance_free)

/* "typed", "pasted", "imported", "reply": the file format's words. */
const char    *shk_provenance_source_to_key   (ShkProvenanceSource   source);
gboolean       shk_provenance_source_from_key (const char           *key,
                                               ShkProvenanceSource  *source);
/* The sentence the detail pane shows: "From 広報課's reply
 * (R3_広報課_照会票.xlsx), 2026-12-01". */
char          *shk_provenance_describe        (const ShkProvenance  *self);

/* Sets (or with NULL clears) the provenance of @key on @owner, an
 * ShkIndicator, ShkMeasure or ShkProcess, as one undo entry; nothing is pushed when
 * it does not change. */
void           shk_edit_provenance            (ShkUndoStack         *stack,
                                               GObject              *owner,
                                               const char           *key,
                                               const ShkProvenance  *provenance,
                                               const char           *label);

G_END_DECLS
