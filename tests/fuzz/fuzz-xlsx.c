/* fuzz-xlsx.c — libFuzzer target for the XLSX reader and the XLSX import
 *
 * Any input: shk_sheet_read_xlsx() gives sheets of UTF-8 cells or a
 * readable error, and shk_import_new_from_bytes() against the built-in
 * plan gives a preview (or a readable error) whose apply can be undone to
 * the last value. See fuzz-import-check.c for the checks.
 *
 * Mutations of a workbook's bytes almost never get past the parts'
 * CRC-32 checksums to the XML, so most mutations here go through the
 * custom mutator below: unpack the workbook, mutate one part (the XML
 * dictionary helps there), pack it again with correct checksums. The rest
 * mutate the raw bytes, for the ZIP reader itself. Every input stays a
 * real .xlsx file: a reproducer opens in the app as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-import.h"

#include "fuzz-common.h"
#include "fuzz-import-check.h"
#include "fuzz-zip.h"

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
  g_autoptr(GPtrArray) sheets = NULL;

  sheets = shk_sheet_read_xlsx (bytes, &error);
  if (sheets == NULL)
    fuzz_check_message (error, "reading the workbook");
  else
    for (guint i = 0; i < sheets->len; i++)
      fuzz_import_check_sheet (g_ptr_array_index (sheets, i));

  fuzz_import_check_bytes (bytes, "fuzz.xlsx");
  return 0;
}

/* Mutates one part of the workbook in @entries, or now and then drops or
 * repeats one, which the reader must survive as well. */
static void
mutate_entries (GPtrArray *entries,
                GRand     *rand,
                gsize      max_size)
{
  guint index = g_rand_int_range (rand, 0, entries->len);
  FuzzZipEntry *entry = g_ptr_array_index (entries, index);
  gsize size = 0;
  const guint8 *contents = g_bytes_get_data (entry->contents, &size);
  gsize capacity;
  guint8 *buffer;

  switch (g_rand_int_range (rand, 0, 32))
    {
    case 0:
      g_ptr_array_remove_index (entries, index);
      return;
    case 1:
      g_ptr_array_add (entries, fuzz_zip_entry_new (entry->name, entry->contents));
      return;
    default:
      break;
    }

  /* Room to grow, within what libFuzzer allows for the whole input. */
  capacity = MIN (MAX (size * 2, size + 256), max_size);
  if (capacity == 0)
    return;
  buffer = g_malloc (capacity);
  if (size > 0)   /* an empty part has no data pointer */
    memcpy (buffer, contents, MIN (size, capacity));
  size = LLVMFuzzerMutate (buffer, MIN (size, capacity), capacity);
  g_bytes_unref (entry->contents);
  entry->contents = g_bytes_new_take (buffer, size);
}

size_t
LLVMFuzzerCustomMutator (uint8_t      *data,
                         size_t        size,
                         size_t        max_size,
                         unsigned int  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GByteArray) packed = NULL;

  if (g_rand_int_range (rand, 0, 4) != 0)
    entries = fuzz_zip_read (data, size, max_size);
  if (entries == NULL || entries->len == 0)
    return LLVMFuzzerMutate (data, size, max_size);

  mutate_entries (entries, rand, max_size);
  packed = fuzz_zip_write (entries);
  if (packed->len > max_size)
    return LLVMFuzzerMutate (data, size, max_size);
  memcpy (data, packed->data, packed->len);
  return packed->len;
}
