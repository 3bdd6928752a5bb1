/* shk-plan-successor.h — start the next plan from this one
 *
 * A new document for the following plan period: the chosen policies and
 * measures carried over with their indicators, each indicator's last
 * actual as its baseline, no targets or actuals for the new years, no
 * grades (computed, manual or published), and the previous plan named.
 * What belongs to the old plan's years only (its reporting year, the
 * year's actions and plan, the AI/RPA survey, the scenarios, the
 * handouts' tables) stays behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-plan.h"

G_BEGIN_DECLS

typedef struct
{
  const char *years;        /* "R4-R8": the new plan's first and last year */
  const char *title;        /* NULL: "<previous title>の次期計画" */
  /* The policy and measure numbers to carry over; NULL for all. A
   * measure of a policy not carried over stays behind. */
  GArray     *policies;     /* of guint */
  GArray     *measures;     /* of guint */
} ShkSuccessorOptions;

/* The fiscal-year ids from @first to @last ("R4", "R5" … "R8"), across
 * eras too ("H30" … "R2"). NULL with @error when either is not a year
 * id (H1–H31, R1–) or @last comes before @first. */
GStrv     shk_successor_year_ids   (const char  *first,
                                    const char  *last,
                                    GError     **error);
/* Splits "R4-R8" (also "R4–R8", "R4〜R8", "R4..R8") and checks it. */
GStrv     shk_successor_parse_years (const char *text,
                                     GError    **error);
/* "令和4年度", "令和元年度", "平成30年度". */
char     *shk_successor_year_label (const char  *year_id);

ShkPlan  *shk_plan_successor_new   (ShkPlan                   *plan,
                                    const ShkSuccessorOptions *options,
                                    GError                   **error);

G_END_DECLS
