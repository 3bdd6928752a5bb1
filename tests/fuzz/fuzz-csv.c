/* fuzz-csv.c — libFuzzer target for the CSV reader and the CSV import
 *
 * Any input: shk_sheet_read_csv() gives a sheet of UTF-8 cells or a
 * readable error, and shk_import_new_from_bytes() against the built-in
 * plan gives a preview (or a readable error) whose apply can be undone to
 * the last value. See fuzz-import-check.c for the checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-import.h"

#include "fuzz-common.h"
#include "fuzz-import-check.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_import_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkSheet) sheet = NULL;

  sheet = shk_sheet_read_csv (bytes, &error);
  if (sheet == NULL)
    fuzz_check_message (error, "reading the CSV");
  else
    fuzz_import_check_sheet (sheet);

  fuzz_import_check_bytes (bytes, "fuzz.csv");
  return 0;
}
