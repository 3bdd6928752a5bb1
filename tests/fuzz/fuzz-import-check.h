/* fuzz-import-check.h — the checks the CSV and XLSX targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-import.h"

/* Loads the built-in plan the imports are matched against; once. */
void fuzz_import_init        (void);
/* Every cell of a sheet read from the input is UTF-8, and its
 * dimensions agree with what it answers for each cell. */
void fuzz_import_check_sheet (ShkSheet   *sheet);
/* Imports @bytes into the built-in plan: a preview (or a readable
 * error), then apply and undo, which must give every value back. */
void fuzz_import_check_bytes (GBytes     *bytes,
                              const char *display_name);
