/* shk-table-export-private.h — the column headings the export writes and
 * the import reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Headings. The English text is kept next to its translation so that a
 * file written in one language imports in another. */
#define HEADING_NUMBER          N_("No.")
#define HEADING_POLICY          N_("Policy")
#define HEADING_MEASURE         N_("Measure")
#define HEADING_INDICATOR_INDEX N_("Indicator No.")
#define HEADING_INDICATOR       N_("Indicator")
#define HEADING_UNIT            N_("Unit")
/* TRANSLATORS: a column heading: the targets of a fiscal year, “Target R2” */
#define HEADING_TARGET          N_("Target %s")
/* TRANSLATORS: a column heading: the actuals of a fiscal year, “Actual R2” */
#define HEADING_ACTUAL          N_("Actual %s")
/* TRANSLATORS: a column heading: an indicator’s rate in an evaluation, “Rate R2/R3” */
#define HEADING_RATE            N_("Rate %s")
/* TRANSLATORS: a column heading: a measure’s grade in an evaluation, “Grade R2/R3” */
#define HEADING_GRADE           N_("Grade %s")

G_END_DECLS
