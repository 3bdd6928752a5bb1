/* shk-xlsx-reader.c — the sheets of an XLSX workbook, within limits
 *
 * An XLSX file is a ZIP archive of XML parts. zlib inflates; the little
 * ZIP reading needed (the central directory, stored and deflated entries)
 * is written out here because GLib has no ZIP reader and libarchive or
 * minizip would be one more dependency for fifty lines. Every size the
 * archive declares is checked against the limits before anything is
 * inflated, and inflating never writes past the declared size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "shk-sheet-private.h"

/* How much XML is parsed between two looks at the cancellable. */
#define XML_CHUNK (256 * 1024)

/* ------------------------------------------------------------------ */
/* ZIP                                                                 */

/* Just enough of ZIP for a workbook: the central directory, stored and
 * deflated entries, no ZIP64, no encryption. */
typedef struct
{
  guint16 method;
  guint16 flags;
  guint32 crc;
  guint32 compressed_size;
  guint32 size;
  guint32 offset;          /* of the local header */
} ZipEntry;

typedef struct
{
  const guint8   *data;
  gsize           size;
  GHashTable     *entries;   /* name → ZipEntry */
  guint64         inflated;  /* bytes inflated so far, for the total limit */
  ShkSheetReader *reader;
} Zip;

static guint16
read16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
zip_fail (GError     **error,
          const char  *what)
{
  g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
               /* TRANSLATORS: %s says what is wrong, in English, e.g. “bad central directory” */
               _("The workbook is damaged (%s)"), what);
  return FALSE;
}

static char *
zip_fail_null (GError     **error,
               const char  *what)
{
  zip_fail (error, what);
  return NULL;
}

static gssize
zip_find_end (const guint8 *data,
              gsize         size)
{
  /* The end record is 22 bytes, followed by a comment of up to 64 KiB. */
  for (gssize i = size - 22; i >= 0 && (gsize) i + 65535 + 22 >= size; i--)
    if (read32 (data + i) == 0x06054b50)
      return i;
  return -1;
}

static gboolean
zip_add_entry (Zip           *zip,
               gsize          offset,
               guint          name_length,
               GError       **error)
{
  const guint8 *header = zip->data + offset;
  g_autofree char *name = g_strndup ((const char *) header + 46, name_length);
  ZipEntry *entry;

  /* Every part a workbook is read from has an ASCII name, so an entry
   * whose name is not even UTF-8 is nothing Shinchoku reads; it is left
   * out rather than quoted, broken, in a message. */
  if (!g_utf8_validate (name, -1, NULL))
    return TRUE;

  /* Two entries of one name: which one a spreadsheet application reads
   * is anyone's guess, and a trick to make one part count many times. */
  if (g_hash_table_contains (zip->entries, name))
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                   _("The workbook is damaged: it holds the part “%s” twice"), name);
      return FALSE;
    }
  entry = g_new0 (ZipEntry, 1);
  entry->flags = read16 (header + 8);
  entry->method = read16 (header + 10);
  entry->crc = read32 (header + 16);
  entry->compressed_size = read32 (header + 20);
  entry->size = read32 (header + 24);
  entry->offset = read32 (header + 42);
  g_hash_table_insert (zip->entries, g_steal_pointer (&name), entry);
  return TRUE;
}

static gboolean
zip_open (Zip           *zip,
          const guint8  *data,
          gsize          size,
          GError       **error)
{
  gssize eocd;
  guint n_entries;
  gsize offset;

  zip->data = data;
  zip->size = size;
  zip->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (size < 22)
    return zip_fail (error, "too short");
  eocd = zip_find_end (data, size);
  if (eocd < 0)
    return zip_fail (error, "no end of central directory");

  /* At most 65,535 entries: the count is 16 bits without ZIP64. */
  n_entries = read16 (data + eocd + 10);
  offset = read32 (data + eocd + 16);

  for (guint i = 0; i < n_entries; i++)
    {
      guint name_length;

      if (offset + 46 > size || read32 (data + offset) != 0x02014b50)
        return zip_fail (error, "bad central directory");
      name_length = read16 (data + offset + 28);
      if (offset + 46 + name_length > size)
        return zip_fail (error, "bad central directory");
      if (!zip_add_entry (zip, offset, name_length, error))
        return FALSE;
      offset += 46 + name_length + read16 (data + offset + 30) + read16 (data + offset + 32);
    }
  return TRUE;
}

static void
zip_clear (Zip *zip)
{
  g_clear_pointer (&zip->entries, g_hash_table_unref);
}

static const ZipEntry *
zip_lookup (Zip        *zip,
            const char *name)
{
  return g_hash_table_lookup (zip->entries, name);
}

static gboolean
check_part_size (const char  *name,
                 guint64      size,
                 guint64      total,
                 GError     **error)
{
  if (size > SHK_IMPORT_MAX_PART_SIZE)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE,
                   _("The workbook part “%s” is larger than %u MiB uncompressed, the most "
                     "Shinchoku reads of one part"),
                   name, SHK_IMPORT_MAX_PART_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (total > SHK_IMPORT_MAX_TOTAL_SIZE)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE,
                   _("The workbook’s parts add up to more than %u MiB uncompressed, the most "
                     "Shinchoku reads of one workbook"),
                   SHK_IMPORT_MAX_TOTAL_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static gboolean
zip_inflate (const ZipEntry  *entry,
             const guint8    *input,
             char            *out,
             GError         **error)
{
  z_stream stream = { 0 };
  int status;

  if (entry->method == 0)
    {
      if (entry->compressed_size != entry->size)
        return zip_fail (error, "bad stored size");
      memcpy (out, input, entry->size);
      return TRUE;
    }
  if (entry->method != 8)
    return zip_fail (error, "unknown compression");

  if (inflateInit2 (&stream, -MAX_WBITS) != Z_OK)
    return zip_fail (error, "zlib");
  stream.next_in = (Bytef *) input;
  stream.avail_in = entry->compressed_size;
  stream.next_out = (Bytef *) out;
  /* One byte of room more than declared tells a lying size. */
  stream.avail_out = entry->size + 1;
  status = inflate (&stream, Z_FINISH);
  inflateEnd (&stream);
  if (status != Z_STREAM_END || stream.total_out != entry->size)
    return zip_fail (error, "bad compressed data");
  return TRUE;
}

/* The part as a NUL-terminated text of @length bytes. */
static char *
zip_extract (Zip         *zip,
             const char  *name,
             gsize       *length,
             GError     **error)
{
  const ZipEntry *entry = zip_lookup (zip, name);
  g_autofree char *out = NULL;
  const guint8 *local;
  gsize start;

  if (entry == NULL)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                   _("The workbook has no part “%s”"), name);
      return NULL;
    }
  if ((entry->flags & 1) != 0)
    return zip_fail_null (error, "encrypted");
  if (!check_part_size (name, entry->size, zip->inflated + entry->size, error))
    return NULL;
  if ((gsize) entry->offset + 30 > zip->size)
    return zip_fail_null (error, "bad local header");
  local = zip->data + entry->offset;
  if (read32 (local) != 0x04034b50)
    return zip_fail_null (error, "bad local header");
  start = (gsize) entry->offset + 30 + read16 (local + 26) + read16 (local + 28);
  if (start > zip->size || entry->compressed_size > zip->size - start)
    return zip_fail_null (error, "truncated");

  /* One byte more, for the terminating NUL the XML parser gets. */
  out = g_malloc ((gsize) entry->size + 1);
  if (!zip_inflate (entry, zip->data + start, out, error))
    return NULL;
  if (crc32 (crc32 (0, Z_NULL, 0), (const Bytef *) out, entry->size) != entry->crc)
    return zip_fail_null (error, "checksum mismatch");

  zip->inflated += entry->size;
  out[entry->size] = '\0';
  *length = entry->size;
  return g_steal_pointer (&out);
}

/* ------------------------------------------------------------------ */
/* XML parts                                                           */

/* SpreadsheetML may or may not prefix its elements ("x:row"). */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
find_attribute (const char  **names,
                const char  **values,
                const char   *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], wanted))
      return values[i];
  return NULL;
}

/* Parses in chunks, looking at the cancellable between them. Errors the
 * callbacks raise (a limit, a damaged sheet) pass as they are. */
static gboolean
parse_part (Zip                 *zip,
            const char          *name,
            const GMarkupParser *parser,
            gpointer             user_data,
            GError             **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  gboolean ok = TRUE;

  xml = zip_extract (zip, name, &length, error);
  if (xml == NULL)
    return FALSE;

  context = g_markup_parse_context_new (parser, 0, user_data, NULL);
  for (gsize offset = 0; ok && offset < length; offset += XML_CHUNK)
    {
      gsize chunk = MIN (XML_CHUNK, length - offset);

      if (!shk_sheet_reader_check (zip->reader, error))
        return FALSE;
      ok = g_markup_parse_context_parse (context, xml + offset, chunk, &local_error);
      shk_sheet_reader_advance (zip->reader, chunk);
    }
  if (ok)
    ok = g_markup_parse_context_end_parse (context, &local_error);
  if (ok)
    return TRUE;

  if (local_error->domain == SHK_IMPORT_ERROR || local_error->domain == G_IO_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      /* GMarkup quotes the offending bytes, which need not be UTF-8: the
       * message is shown in the window and must be valid text. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                   _("The workbook part “%s” is not valid XML: %s"), name, reason);
    }
  return FALSE;
}

/* Shared strings: each <si> is a plain <t> or rich-text runs <r><t>; the
 * phonetic guides Japanese Excel adds (<rPh><t>ふりがな</t></rPh>) are
 * not part of the text. */
typedef struct
{
  GPtrArray *strings;        /* GRefString */
  GString   *text;
  gboolean   in_si;
  gboolean   in_t;
  guint      phonetic_depth;
} SharedStrings;

static void
shared_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SharedStrings *s = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      s->in_si = TRUE;
      g_string_truncate (s->text, 0);
    }
  else if (g_str_equal (name, "rPh"))
    s->phonetic_depth++;
  else if (g_str_equal (name, "t") && s->in_si && s->phonetic_depth == 0)
    s->in_t = TRUE;
}

static void
shared_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SharedStrings *s = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      g_ptr_array_add (s->strings, g_ref_string_new_len (s->text->str, s->text->len));
      s->in_si = FALSE;
    }
  else if (g_str_equal (name, "rPh") && s->phonetic_depth > 0)
    s->phonetic_depth--;
  else if (g_str_equal (name, "t"))
    s->in_t = FALSE;
}

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  SharedStrings *s = user_data;

  if (s->in_t)
    g_string_append_len (s->text, text, length);
}

static GPtrArray *
read_shared_strings (Zip     *zip,
                     GError **error)
{
  static const GMarkupParser parser = { shared_start, shared_end, collect_text, NULL, NULL };
  g_autoptr(GString) text = g_string_new (NULL);
  SharedStrings s = {
    .strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release),
    .text = text,
  };

  if (zip_lookup (zip, "xl/sharedStrings.xml") != NULL &&
      !parse_part (zip, "xl/sharedStrings.xml", &parser, &s, error))
    {
      g_ptr_array_unref (s.strings);
      return NULL;
    }
  return s.strings;
}

/* ------------------------------------------------------------------ */
/* Worksheets                                                          */

/* A worksheet's <sheetData>: rows of <c r="B3" t="s"><v>12</v></c>. */
typedef struct
{
  ShkSheet       *sheet;
  ShkSheetReader *reader;
  GPtrArray      *shared;
  GString        *text;
  guint           row;
  guint           column;
  gboolean        in_row;
  gboolean        in_cell;
  gboolean        collecting;     /* inside <v>, or <t> of an inline string */
  guint           phonetic_depth;
  char           *type;
} SheetParser;

/* Far beyond every limit, yet far from wrapping around. */
#define ADDRESS_CAP (G_MAXUINT / 4)

/* "AB12" → row 11, column 27. FALSE for anything else. */
static gboolean
parse_reference (const char *reference,
                 guint      *row,
                 guint      *column)
{
  guint64 c = 0, r = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p); p++)
    c = MIN (c * 26 + (g_ascii_toupper (*p) - 'A' + 1), ADDRESS_CAP);
  for (; g_ascii_isdigit (*p); p++)
    r = MIN (r * 10 + (*p - '0'), ADDRESS_CAP);
  if (*p != '\0' || c == 0 || r == 0)
    return FALSE;
  *column = c - 1;
  *row = r - 1;
  return TRUE;
}

static gboolean
sheet_damaged (GError     **error,
               SheetParser *s,
               const char  *what)
{
  g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
               /* TRANSLATORS: “Sheet “Measures” is damaged: cell B5 lies outside its row 3” */
               _("Sheet “%s” is damaged: %s"), shk_sheet_get_name (s->sheet), what);
  return FALSE;
}

static void
start_row (SheetParser  *s,
           const char  **names,
           const char  **values)
{
  const char *number = find_attribute (names, values, "r");
  guint64 value;

  if (number != NULL && g_ascii_string_to_unsigned (number, 10, 1, ADDRESS_CAP, &value, NULL))
    s->row = value - 1;
  else
    s->row = s->row == G_MAXUINT ? 0 : MIN (s->row + 1, ADDRESS_CAP);
  s->column = 0;
  s->in_row = TRUE;
}

static gboolean
start_cell (SheetParser  *s,
            const char  **names,
            const char  **values,
            GError      **error)
{
  const char *reference = find_attribute (names, values, "r");
  guint row, column;

  /* A cell outside any row has no row to belong to: the file is not
   * what Excel writes, and guessing would put values in the wrong place. */
  if (!s->in_row)
    {
      g_autofree char *what = g_strdup_printf (_("cell “%s” comes before any row"),
                                               reference != NULL ? reference : "");
      return sheet_damaged (error, s, what);
    }
  if (reference != NULL)
    {
      if (!parse_reference (reference, &row, &column))
        {
          g_autofree char *what = g_strdup_printf (_("“%s” is not a cell reference"), reference);
          return sheet_damaged (error, s, what);
        }
      if (row != s->row)
        {
          g_autofree char *what = g_strdup_printf (_("cell %s lies outside its row %u"),
                                                   reference, s->row + 1);
          return sheet_damaged (error, s, what);
        }
      s->column = column;
    }
  g_free (s->type);
  s->type = g_strdup (find_attribute (names, values, "t"));
  g_string_truncate (s->text, 0);
  s->in_cell = TRUE;
  return TRUE;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetParser *s = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row"))
    start_row (s, names, values);
  else if (g_str_equal (name, "c"))
    start_cell (s, names, values, error);
  else if (g_str_equal (name, "rPh"))
    s->phonetic_depth++;
  else if (s->in_cell && s->phonetic_depth == 0 &&
           (g_str_equal (name, "v") || g_str_equal (name, "t")))
    s->collecting = TRUE;
}

static gboolean
store_cell (SheetParser  *s,
            GError      **error)
{
  const char *type = s->type != NULL ? s->type : "n";
  const char *text = s->text->str;
  char *value;
  gboolean is_number = FALSE;

  if (g_str_equal (type, "s"))
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= s->shared->len)
        return TRUE;
      value = g_ref_string_acquire (g_ptr_array_index (s->shared, index));
    }
  else if (g_str_equal (type, "b"))
    value = g_ref_string_new (g_str_equal (text, "1") ? "TRUE" : "FALSE");
  else if (g_str_equal (type, "n"))
    {
      if (*text == '\0')
        return TRUE;
      value = g_ref_string_new_len (text, s->text->len);
      is_number = TRUE;
    }
  else
    /* inlineStr, str (a formula's text), e (an error such as #N/A). */
    value = g_ref_string_new_len (text, s->text->len);

  return shk_sheet_store (s->sheet, s->reader, s->row, s->column, value, is_number, error);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  SheetParser *s = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "c"))
    {
      s->in_cell = FALSE;
      if (store_cell (s, error))
        s->column = MIN (s->column + 1, ADDRESS_CAP);
    }
  else if (g_str_equal (name, "row"))
    s->in_row = FALSE;
  else if (g_str_equal (name, "rPh") && s->phonetic_depth > 0)
    s->phonetic_depth--;
  else if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    s->collecting = FALSE;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  SheetParser *s = user_data;

  if (s->collecting)
    g_string_append_len (s->text, text, length);
}

static ShkSheet *
read_worksheet (Zip        *zip,
                const char *part,
                const char *name,
                GPtrArray  *shared,
                GError    **error)
{
  static const GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ShkSheet) sheet = shk_sheet_new (name);
  SheetParser s = {
    .sheet = sheet,
    .reader = zip->reader,
    .shared = shared,
    .text = text,
    .row = G_MAXUINT,   /* so that a row without r="" is the first */
  };
  gboolean ok = parse_part (zip, part, &parser, &s, error);

  g_free (s.type);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

/* The workbook lists its sheets in order, each with a relationship id
 * that xl/_rels/workbook.xml.rels maps to its part. */
typedef struct
{
  GPtrArray  *names;       /* sheet names, in order */
  GPtrArray  *ids;         /* their relationship ids */
  GHashTable *targets;     /* relationship id → part name */
} Workbook;

static void
add_sheet (Workbook     *w,
           const char  **names,
           const char  **values,
           GError      **error)
{
  const char *id = NULL;

  if (w->names->len >= SHK_IMPORT_MAX_SHEETS)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_TOO_LARGE,
                   _("The workbook has more than %u sheets, the most Shinchoku reads"),
                   SHK_IMPORT_MAX_SHEETS);
      return;
    }
  /* r:id, whatever the relationships namespace is prefixed with. */
  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], ':') != NULL && g_str_equal (local_name (names[i]), "id"))
      id = values[i];
  g_ptr_array_add (w->names, g_strdup (find_attribute (names, values, "name")));
  g_ptr_array_add (w->ids, g_strdup (id));
}

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Workbook *w = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "sheet"))
    add_sheet (w, names, values, error);
  else if (g_str_equal (name, "Relationship"))
    {
      const char *id = find_attribute (names, values, "Id");
      const char *target = find_attribute (names, values, "Target");

      if (id == NULL || target == NULL)
        return;
      g_hash_table_replace (w->targets, g_strdup (id),
                            target[0] == '/' ? g_strdup (target + 1)
                                             : g_strconcat ("xl/", target, NULL));
    }
}

/* A ZIP archive that is no workbook: say what it is, in plain words. */
static gboolean
check_is_workbook (Zip     *zip,
                   GError **error)
{
  g_autofree char *mimetype = NULL;
  gsize length;

  if (zip_lookup (zip, "xl/workbook.xml") != NULL)
    return TRUE;
  /* OpenDocument files start with a part naming their type. */
  if (zip_lookup (zip, "mimetype") != NULL)
    mimetype = zip_extract (zip, "mimetype", &length, NULL);
  if (mimetype != NULL && strstr (mimetype, "opendocument.spreadsheet") != NULL)
    g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_UNSUPPORTED,
                 _("This is an OpenDocument spreadsheet (.ods). Shinchoku imports CSV files "
                   "and Excel workbooks (.xlsx): save it as .xlsx or .csv first"));
  else
    g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_UNSUPPORTED,
                 _("This is a ZIP archive but not an Excel workbook (.xlsx). Shinchoku imports "
                   "CSV files and Excel workbooks (.xlsx)"));
  return FALSE;
}

/* The part of each sheet, checked before any is read: no part twice, and
 * all of them within the limits. */
static GPtrArray *
resolve_parts (Zip       *zip,
               Workbook  *workbook,
               GError   **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const ZipEntry *shared = zip_lookup (zip, "xl/sharedStrings.xml");
  guint64 total = zip->inflated + (shared != NULL ? shared->size : 0);

  for (guint i = 0; i < workbook->names->len; i++)
    {
      const char *id = g_ptr_array_index (workbook->ids, i);
      const char *target = id != NULL ? g_hash_table_lookup (workbook->targets, id) : NULL;
      /* Without relationships, the usual names. */
      char *part = target != NULL ? g_strdup (target)
                                  : g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      const ZipEntry *entry = zip_lookup (zip, part);

      g_ptr_array_add (parts, part);
      if (!g_hash_table_add (seen, part))
        {
          g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                       _("The workbook is damaged: sheet “%s” is the part “%s” of an earlier "
                         "sheet again"),
                       (const char *) g_ptr_array_index (workbook->names, i), part);
          return NULL;
        }
      if (entry == NULL)
        continue;   /* zip_extract() says so */
      total += entry->size;
      if (!check_part_size (part, entry->size, total, error))
        return NULL;
    }
  /* Progress counts the parts still to read. */
  if (zip->reader != NULL)
    {
      zip->reader->done = 0;
      zip->reader->total = total - zip->inflated;
    }
  return g_steal_pointer (&parts);
}

static gboolean
read_workbook (Zip       *zip,
               Workbook  *workbook,
               GError   **error)
{
  static const GMarkupParser parser = { workbook_start, NULL, NULL, NULL, NULL };

  return check_is_workbook (zip, error) &&
         parse_part (zip, "xl/workbook.xml", &parser, workbook, error) &&
         (zip_lookup (zip, "xl/_rels/workbook.xml.rels") == NULL ||
          parse_part (zip, "xl/_rels/workbook.xml.rels", &parser, workbook, error));
}

GPtrArray *
shk_sheet_read_xlsx_full (GBytes          *bytes,
                          ShkSheetReader  *reader,
                          GError         **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_sheet_free);
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Workbook workbook = { names, ids, targets };
  Zip zip = { .reader = reader };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  ok = zip_open (&zip, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error) &&
       read_workbook (&zip, &workbook, error) &&
       (parts = resolve_parts (&zip, &workbook, error)) != NULL &&
       (shared = read_shared_strings (&zip, error)) != NULL;

  for (guint i = 0; ok && i < names->len; i++)
    {
      ShkSheet *sheet = read_worksheet (&zip, g_ptr_array_index (parts, i),
                                        g_ptr_array_index (names, i), shared, error);

      if (sheet == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (sheets, sheet);
    }

  zip_clear (&zip);
  if (!ok)
    return NULL;
  if (sheets->len == 0)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                   _("The workbook has no sheets"));
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

GPtrArray *
shk_sheet_read_xlsx (GBytes  *bytes,
                     GError **error)
{
  ShkSheetReader reader = { 0 };

  return shk_sheet_read_xlsx_full (bytes, &reader, error);
}

char *
shk_sheet_dup_xlsx_part (GBytes      *bytes,
                         const char  *part,
                         GError     **error)
{
  Zip zip = { 0 };
  char *text = NULL;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (part != NULL, NULL);

  if (zip_open (&zip, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    text = zip_extract (&zip, part, &length, error);
  zip_clear (&zip);
  return text;
}
