/* fuzz-zip.h — taking a ZIP archive apart and putting it together again,
 * for the XLSX target's mutator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct
{
  char   *name;
  GBytes *contents;
} FuzzZipEntry;

FuzzZipEntry *fuzz_zip_entry_new (const char   *name,
                                  GBytes       *contents);
void          fuzz_zip_entry_free (gpointer     entry);

/* The entries of a ZIP archive (stored or deflated), in the order of its
 * central directory; NULL when it is not one this reader can take apart,
 * or a part would be larger than @max_part_size. */
GPtrArray    *fuzz_zip_read      (const guint8 *data,
                                  gsize         size,
                                  gsize         max_part_size);
/* A ZIP archive of @entries, all stored (not compressed), with correct
 * sizes and checksums. */
GByteArray   *fuzz_zip_write     (GPtrArray    *entries);
