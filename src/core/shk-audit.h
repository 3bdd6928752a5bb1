/* shk-audit.h — the document checked against itself
 *
 * Where the handouts' printed figures and the rules computed from their
 * own figures part ways, each place is a finding: a grade the office set
 * against its figures, a printed rate that the figures do not give, a
 * published category total not traceable to listed processes, a measure
 * that cannot be rated, a measure left out of an evaluation's counts by
 * the year it was added. The window's audit page, the handout's audit
 * section and `shinchoku-cli audit` all show this one list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_FINDING_GRADE_DEPARTURE = 0,
  SHK_FINDING_PRINTED_RATE,
  SHK_FINDING_UNTRACEABLE_CATEGORY,
  SHK_FINDING_NOT_RATED,
  SHK_FINDING_YEAR_ADDED,
} ShkFindingKind;

#define SHK_N_FINDING_KINDS 5

typedef struct
{
  ShkFindingKind kind;
  guint          measure;     /* the measure's number; 0 when none */
  char          *evaluation;  /* evaluation id ("R2/R3"), or NULL */
  char          *year;        /* fiscal year id ("H30"), or NULL */
  char          *subject;     /* the indicator or category; may be NULL */
  char          *printed;     /* as the handout has it; may be NULL */
  char          *computed;    /* as the rules compute it; may be NULL */
  char          *message;     /* a translated sentence saying it all */
} ShkFinding;

/* A GPtrArray of ShkFinding (freed with the array), grouped by kind in
 * the order above, then in measure order. */
GPtrArray   *shk_audit_run                 (ShkPlan        *plan);

/* "grade-departure", "printed-rate", "untraceable-category", "not-rated",
 * "year-added": stable keys for files and the CLI's JSON. */
const char  *shk_finding_kind_to_key       (ShkFindingKind  kind);
/* Translated, e.g. "Printed rate differs". */
const char  *shk_finding_kind_get_label    (ShkFindingKind  kind);

G_END_DECLS
