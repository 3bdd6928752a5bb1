/* shk-fiscal-year.h — one fiscal year of a plan (e.g. H30, 平成30年度)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHK_TYPE_FISCAL_YEAR (shk_fiscal_year_get_type ())
G_DECLARE_FINAL_TYPE (ShkFiscalYear, shk_fiscal_year, SHK, FISCAL_YEAR, GObject)

ShkFiscalYear *shk_fiscal_year_new       (const char    *id,
                                          const char    *label);
/* The short id used in files and column headers ("H30", "R3"). */
const char    *shk_fiscal_year_get_id    (ShkFiscalYear *self);
/* The display label ("平成30年度"); falls back to the id when unset. */
const char    *shk_fiscal_year_get_label (ShkFiscalYear *self);
void           shk_fiscal_year_set_label (ShkFiscalYear *self,
                                          const char    *label);

G_END_DECLS
