/* shk-number.h — numbers as the staff type and read them
 *
 * One parser and one formatter for every figure the window, the CLI, the
 * importer and the handout show or read, so that what is printed can be
 * typed back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a number as the staff type it: "1,000,000", "１２３", "-3.5",
 * "80%" (the unit suffix @unit, when given, is accepted and ignored).
 * FALSE for anything else; an empty string is FALSE too (the caller
 * decides whether empty means "clear"). */
gboolean shk_parse_number          (const char    *text,
                                    const char    *unit,
                                    double        *value);
/* Formats a figure with thousands separators and no needless decimals:
 * 1000000 → "1,000,000", 12.5 → "12.5". */
char    *shk_format_number         (double         value);
/* "1,234" or "-1,234.50": digits grouped by threes, exactly @decimals
 * (0–6) after the point, in the C locale. */
char    *shk_format_number_grouped (double         value,
                                    int            decimals);

G_END_DECLS
