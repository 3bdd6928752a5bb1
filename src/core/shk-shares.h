/* shk-shares.h — shares of a whole rounded so that they add up to exactly
 * 100 %, as the handouts print them
 *
 * Rounding each share on its own can make a column add up to 99.9 % or
 * 100.1 %: 資料1-1 (1) R2/R3 has 35, 9, 7 and 3 of 54 measures, which
 * round to 64.8 + 16.7 + 13.0 + 5.6 = 100.1 %. The office prints 5.5 %
 * for the last one: the largest-remainder (Hamilton) method, which floors
 * every share and gives the missing units to the largest remainders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The shares of @counts (@n of them) in units of 10^-@decimals percent
 * (decimals 1: tenths, 648 for 64.8 %) written to @units; they add up to
 * exactly 100 × 10^@decimals, unless every count is 0 (then all are 0).
 * Equal remainders go to the larger count, then to the earlier one.
 * @decimals is at most 4. */
void     shk_shares_round             (const guint *counts,
                                       guint        n,
                                       guint        decimals,
                                       guint64     *units);

/* Whether @units (from shk_shares_round) differs from @count ÷ @total
 * rounded half up on its own: where a footnote is owed. */
gboolean shk_shares_departs_from_rounding (guint    count,
                                           guint    total,
                                           guint    decimals,
                                           guint64  units);

/* "64.8%" from @units of 10^-@decimals percent. */
char    *shk_shares_format            (guint64      units,
                                       guint        decimals);

G_END_DECLS
