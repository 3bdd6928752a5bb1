/* fuzz-zip.c — taking a ZIP archive apart and putting it together again
 *
 * An XLSX workbook is a ZIP archive whose parts carry CRC-32 checksums, so
 * a byte flipped inside a part is refused before any XML parser sees it.
 * The XLSX target's mutator therefore unpacks the workbook, mutates one
 * part, and packs it again with correct checksums. This is a writer for
 * fuzzing only (stored entries, no time stamps, no ZIP64): zlib has no ZIP
 * container code, and libxlsxwriter only writes whole workbooks from
 * cells, not parts we give it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include "fuzz-zip.h"

#define LOCAL_HEADER   0x04034b50
#define CENTRAL_HEADER 0x02014b50
#define END_RECORD     0x06054b50

FuzzZipEntry *
fuzz_zip_entry_new (const char *name,
                    GBytes     *contents)
{
  FuzzZipEntry *entry = g_new0 (FuzzZipEntry, 1);

  entry->name = g_strdup (name);
  entry->contents = g_bytes_ref (contents);
  return entry;
}

void
fuzz_zip_entry_free (gpointer data)
{
  FuzzZipEntry *entry = data;

  g_free (entry->name);
  g_bytes_unref (entry->contents);
  g_free (entry);
}

static guint16
read16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
read32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static GBytes *
extract (const guint8 *data,
         gsize         size,
         const guint8 *central,
         gsize         max_part_size)
{
  guint method = read16 (central + 10);
  gsize compressed_size = read32 (central + 20);
  gsize part_size = read32 (central + 24);
  gsize offset = read32 (central + 42);
  gsize start;
  guint8 *out;

  if (part_size > max_part_size || offset + 30 > size || read32 (data + offset) != LOCAL_HEADER)
    return NULL;
  start = offset + 30 + read16 (data + offset + 26) + read16 (data + offset + 28);
  if (start > size || compressed_size > size - start)
    return NULL;

  if (method == 0)
    return compressed_size == part_size ? g_bytes_new (data + start, part_size) : NULL;
  if (method != 8)
    return NULL;

  out = g_malloc (part_size + 1);
  {
    z_stream stream = { 0 };
    int status;

    if (inflateInit2 (&stream, -MAX_WBITS) != Z_OK)
      {
        g_free (out);
        return NULL;
      }
    stream.next_in = (Bytef *) data + start;
    stream.avail_in = compressed_size;
    stream.next_out = out;
    stream.avail_out = part_size + 1;
    status = inflate (&stream, Z_FINISH);
    inflateEnd (&stream);
    if (status != Z_STREAM_END || stream.total_out != part_size)
      {
        g_free (out);
        return NULL;
      }
  }
  return g_bytes_new_take (out, part_size);
}

GPtrArray *
fuzz_zip_read (const guint8 *data,
               gsize         size,
               gsize         max_part_size)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (fuzz_zip_entry_free);
  gssize end = -1;
  gsize offset;
  guint n_entries;

  if (size < 22)
    return NULL;
  for (gssize i = size - 22; i >= 0 && (gsize) i + 65535 + 22 >= size; i--)
    if (read32 (data + i) == END_RECORD)
      {
        end = i;
        break;
      }
  if (end < 0)
    return NULL;

  n_entries = read16 (data + end + 10);
  offset = read32 (data + end + 16);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GBytes) contents = NULL;
      guint name_length;

      if (offset + 46 > size || read32 (data + offset) != CENTRAL_HEADER)
        return NULL;
      name_length = read16 (data + offset + 28);
      if (offset + 46 + name_length > size)
        return NULL;
      name = g_strndup ((const char *) data + offset + 46, name_length);
      contents = extract (data, size, data + offset, max_part_size);
      if (contents == NULL)
        return NULL;
      g_ptr_array_add (entries, fuzz_zip_entry_new (name, contents));
      offset += 46 + name_length + read16 (data + offset + 30) + read16 (data + offset + 32);
    }
  return g_steal_pointer (&entries);
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, bytes, sizeof bytes);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

/* The fields local and central headers share, from "version needed" to
 * the name's length. */
static void
put_common (GByteArray *out,
            guint32     crc,
            gsize       size,
            gsize       name_length)
{
  put16 (out, 20);            /* version needed: 2.0 */
  put16 (out, 0);             /* flags */
  put16 (out, 0);             /* method: stored */
  put16 (out, 0);             /* time */
  put16 (out, 0x21);          /* date: 1980-01-01 */
  put32 (out, crc);
  put32 (out, size);          /* compressed size */
  put32 (out, size);
  put16 (out, name_length);
  put16 (out, 0);             /* extra field's length */
}

GByteArray *
fuzz_zip_write (GPtrArray *entries)
{
  GByteArray *out = g_byte_array_new ();
  g_autofree guint32 *offsets = g_new (guint32, entries->len + 1);
  g_autofree guint32 *crcs = g_new (guint32, entries->len + 1);
  gsize central_start, central_size;

  for (guint i = 0; i < entries->len; i++)
    {
      const FuzzZipEntry *entry = g_ptr_array_index (entries, i);
      gsize size = 0;
      const guint8 *contents = g_bytes_get_data (entry->contents, &size);
      gsize name_length = MIN (strlen (entry->name), G_MAXUINT16);

      crcs[i] = crc32 (crc32 (0, Z_NULL, 0), contents, size);
      offsets[i] = out->len;
      put32 (out, LOCAL_HEADER);
      put_common (out, crcs[i], size, name_length);
      g_byte_array_append (out, (const guint8 *) entry->name, name_length);
      g_byte_array_append (out, contents, size);
    }

  central_start = out->len;
  for (guint i = 0; i < entries->len; i++)
    {
      const FuzzZipEntry *entry = g_ptr_array_index (entries, i);
      gsize name_length = MIN (strlen (entry->name), G_MAXUINT16);

      put32 (out, CENTRAL_HEADER);
      put16 (out, 20);          /* made by: 2.0, MS-DOS */
      put_common (out, crcs[i], g_bytes_get_size (entry->contents), name_length);
      put16 (out, 0);           /* comment's length */
      put16 (out, 0);           /* disk */
      put16 (out, 0);           /* internal attributes */
      put32 (out, 0);           /* external attributes */
      put32 (out, offsets[i]);
      g_byte_array_append (out, (const guint8 *) entry->name, name_length);
    }

  central_size = out->len - central_start;
  put32 (out, END_RECORD);
  put16 (out, 0);               /* this disk */
  put16 (out, 0);               /* the central directory's disk */
  put16 (out, MIN (entries->len, G_MAXUINT16));
  put16 (out, MIN (entries->len, G_MAXUINT16));
  put32 (out, central_size);
  put32 (out, central_start);
  put16 (out, 0);               /* comment's length */
  return out;
}
