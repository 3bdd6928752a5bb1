/* shk-import.c — targets and actuals read back from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "shk-import.h"
#include "shk-table-export.h"

G_DEFINE_QUARK (shk-import-error-quark, shk_import_error)

/* Workbooks are small; anything much bigger is a damaged or hostile file,
 * and inflating it would only use up memory. */
#define MAX_PART_SIZE (64 * 1024 * 1024)
/* How far down the heading row may be: titles may come above it. */
#define MAX_HEADING_ROW 20
/* Spreadsheet limits: a reference beyond them is damage. */
#define MAX_ROWS    1048576
#define MAX_COLUMNS 16384

/* ------------------------------------------------------------------ */
/* Sheets                                                              */

typedef struct
{
  char     *text;
  gboolean  is_number;
} SheetCell;

struct _ShkSheet
{
  char      *name;
  GPtrArray *rows;   /* GArray of SheetCell, or NULL for an empty row */
};

static void
sheet_cell_clear (gpointer data)
{
  SheetCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

static void
row_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static ShkSheet *
sheet_new (const char *name)
{
  ShkSheet *sheet = g_new0 (ShkSheet, 1);

  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->rows = g_ptr_array_new_with_free_func (row_free);
  return sheet;
}

void
shk_sheet_free (ShkSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

/* Stores a cell, growing the sheet as needed; takes @text. */
static void
sheet_set_cell (ShkSheet *sheet,
                guint     row,
                guint     column,
                char     *text,
                gboolean  is_number)
{
  GArray *cells;
  SheetCell *cell;

  while (sheet->rows->len <= row)
    g_ptr_array_add (sheet->rows, NULL);
  cells = g_ptr_array_index (sheet->rows, row);
  if (cells == NULL)
    {
      cells = g_array_new (FALSE, TRUE, sizeof (SheetCell));
      g_array_set_clear_func (cells, sheet_cell_clear);
      g_ptr_array_index (sheet->rows, row) = cells;
    }
  if (cells->len <= column)
    g_array_set_size (cells, column + 1);

  cell = &g_array_index (cells, SheetCell, column);
  g_free (cell->text);
  cell->text = text;
  cell->is_number = is_number;
}

const char *
shk_sheet_get_name (ShkSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, "");

  return sheet->name;
}

guint
shk_sheet_get_n_rows (ShkSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->rows->len;
}

guint
shk_sheet_get_n_columns (ShkSheet *sheet,
                         guint     row)
{
  GArray *cells;

  g_return_val_if_fail (sheet != NULL, 0);

  if (row >= sheet->rows->len)
    return 0;
  cells = g_ptr_array_index (sheet->rows, row);
  return cells != NULL ? cells->len : 0;
}

const char *
shk_sheet_get_cell (ShkSheet *sheet,
                    guint     row,
                    guint     column,
                    gboolean *is_number)
{
  GArray *cells;
  SheetCell *cell;

  g_return_val_if_fail (sheet != NULL, "");

  if (is_number != NULL)
    *is_number = FALSE;
  if (row >= sheet->rows->len)
    return "";
  cells = g_ptr_array_index (sheet->rows, row);
  if (cells == NULL || column >= cells->len)
    return "";
  cell = &g_array_index (cells, SheetCell, column);
  if (is_number != NULL)
    *is_number = cell->is_number;
  return cell->text != NULL ? cell->text : "";
}

char *
shk_sheet_cell_name (guint row,
                     guint column)
{
  char letters[8];
  guint n = 0;
  GString *name = g_string_new (NULL);

  /* Bijective base 26: A … Z, AA … */
  column++;
  while (column > 0 && n < sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  g_string_append_printf (name, "%u", row + 1);
  return g_string_free (name, FALSE);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

/* Excel writes CSV in the system's code page unless told otherwise: on
 * Japanese Windows that is Shift_JIS (CP932). Its "Unicode text" is
 * UTF-16 with a byte-order mark. */
static char *
csv_to_utf8 (const guint8  *data,
             gsize          size,
             GError       **error)
{
  const char *end = NULL;
  char *converted;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  else if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *charset = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      converted = g_convert ((const char *) data + 2, size - 2, "UTF-8", charset,
                             NULL, NULL, NULL);
      if (converted == NULL)
        g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_ENCODING,
                     _("The file starts as UTF-16 text but is not valid UTF-16"));
      return converted;
    }

  if (g_utf8_validate ((const char *) data, size, &end))
    return g_strndup ((const char *) data, size);

  converted = g_convert ((const char *) data, size, "UTF-8", "CP932", NULL, NULL, NULL);
  if (converted == NULL)
    converted = g_convert ((const char *) data, size, "UTF-8", "SHIFT_JIS", NULL, NULL, NULL);
  if (converted == NULL)
    g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_ENCODING,
                 _("Byte %zu is neither UTF-8 nor Shift_JIS text: save the file as "
                   "“CSV UTF-8” and try again"),
                 (gsize) (end - (const char *) data) + 1);
  return converted;
}

/* The separator is the comma, unless the first line has more semicolons
 * (Excel in some European locales) or tabs (Excel's "Unicode text"). */
static char
csv_sniff_separator (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

ShkSheet *
shk_sheet_read_csv (GBytes  *bytes,
                    GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(ShkSheet) sheet = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  guint row = 0, column = 0, line = 1, quote_line = 0;
  gboolean quoted = FALSE, row_has_content = FALSE;
  const char *p;
  char separator;

  g_return_val_if_fail (bytes != NULL, NULL);

  text = csv_to_utf8 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (text == NULL)
    return NULL;

  sheet = sheet_new ("");
  separator = csv_sniff_separator (text);

  for (p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            {
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p);
            }
          continue;
        }

      if (*p == '"' && field->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
          row_has_content = TRUE;
        }
      else if (*p == separator)
        {
          sheet_set_cell (sheet, row, column++, g_strdup (field->str), FALSE);
          g_string_truncate (field, 0);
          row_has_content = TRUE;
        }
      else if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          if (row_has_content || field->len > 0)
            sheet_set_cell (sheet, row, column, g_strdup (field->str), FALSE);
          g_string_truncate (field, 0);
          row++;
          line++;
          column = 0;
          row_has_content = FALSE;
        }
      else
        {
          g_string_append_c (field, *p);
          row_has_content = TRUE;
        }
    }

  if (quoted)
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                   _("Line %u: a quoted field is never closed"), quote_line);
      return NULL;
    }
  if (row_has_content || field->len > 0)
    sheet_set_cell (sheet, row, column, g_strdup (field->str), FALSE);

  return g_steal_pointer (&sheet);
}

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
  const guint8 *data;
  gsize         size;
  GHashTable   *entries;   /* name → ZipEntry */
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

static void
zip_fail (GError     **error,
          const char  *what)
{
  g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
               /* TRANSLATORS: %s says what is wrong, in English, e.g. “bad central directory” */
               _("The workbook is damaged (%s)"), what);
}

static gboolean
zip_open (Zip           *zip,
          const guint8  *data,
          gsize          size,
          GError       **error)
{
  gssize eocd = -1;
  guint n_entries;
  gsize offset;

  zip->data = data;
  zip->size = size;
  zip->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* The end record is 22 bytes, followed by a comment of up to 64 KiB. */
  if (size < 22)
    {
      zip_fail (error, "too short");
      return FALSE;
    }
  for (gssize i = size - 22; i >= 0 && (gsize) i + 65535 + 22 >= size; i--)
    if (read32 (data + i) == 0x06054b50)
      {
        eocd = i;
        break;
      }
  if (eocd < 0)
    {
      zip_fail (error, "no end of central directory");
      return FALSE;
    }

  n_entries = read16 (data + eocd + 10);
  offset = read32 (data + eocd + 16);

  for (guint i = 0; i < n_entries; i++)
    {
      ZipEntry *entry;
      guint name_length, extra_length, comment_length;

      if (offset + 46 > size || read32 (data + offset) != 0x02014b50)
        {
          zip_fail (error, "bad central directory");
          return FALSE;
        }
      name_length = read16 (data + offset + 28);
      extra_length = read16 (data + offset + 30);
      comment_length = read16 (data + offset + 32);
      if (offset + 46 + name_length > size)
        {
          zip_fail (error, "bad central directory");
          return FALSE;
        }

      entry = g_new0 (ZipEntry, 1);
      entry->flags = read16 (data + offset + 8);
      entry->method = read16 (data + offset + 10);
      entry->crc = read32 (data + offset + 16);
      entry->compressed_size = read32 (data + offset + 20);
      entry->size = read32 (data + offset + 24);
      entry->offset = read32 (data + offset + 42);
      g_hash_table_replace (zip->entries,
                            g_strndup ((const char *) data + offset + 46, name_length),
                            entry);
      offset += 46 + name_length + extra_length + comment_length;
    }
  return TRUE;
}

static void
zip_clear (Zip *zip)
{
  g_clear_pointer (&zip->entries, g_hash_table_unref);
}

static gboolean
zip_has (Zip        *zip,
         const char *name)
{
  return g_hash_table_contains (zip->entries, name);
}

static char *
zip_fail_null (GError     **error,
               const char  *what)
{
  zip_fail (error, what);
  return NULL;
}

static char *
zip_extract (Zip         *zip,
             const char  *name,
             GError     **error)
{
  const ZipEntry *entry = g_hash_table_lookup (zip->entries, name);
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
  if (entry->size > MAX_PART_SIZE)
    return zip_fail_null (error, "part too large");
  if ((gsize) entry->offset + 30 > zip->size)
    return zip_fail_null (error, "bad local header");
  local = zip->data + entry->offset;
  if (read32 (local) != 0x04034b50)
    return zip_fail_null (error, "bad local header");
  start = (gsize) entry->offset + 30 + read16 (local + 26) + read16 (local + 28);
  if (start > zip->size || entry->compressed_size > zip->size - start)
    return zip_fail_null (error, "truncated");

  /* One byte more, for the terminating NUL the XML parser gets. */
  out = g_malloc (entry->size + 1);
  if (entry->method == 0)
    {
      if (entry->compressed_size != entry->size)
        return zip_fail_null (error, "bad stored size");
      memcpy (out, zip->data + start, entry->size);
    }
  else if (entry->method == 8)
    {
      z_stream stream = { 0 };
      int status;

      if (inflateInit2 (&stream, -MAX_WBITS) != Z_OK)
        return zip_fail_null (error, "zlib");
      stream.next_in = (Bytef *) zip->data + start;
      stream.avail_in = entry->compressed_size;
      stream.next_out = (Bytef *) out;
      stream.avail_out = entry->size + 1;
      status = inflate (&stream, Z_FINISH);
      inflateEnd (&stream);
      if (status != Z_STREAM_END || stream.total_out != entry->size)
        return zip_fail_null (error, "bad compressed data");
    }
  else
    return zip_fail_null (error, "unknown compression");

  if (crc32 (crc32 (0, Z_NULL, 0), (const Bytef *) out, entry->size) != entry->crc)
    return zip_fail_null (error, "checksum mismatch");

  out[entry->size] = '\0';
  return g_steal_pointer (&out);
}

/* ------------------------------------------------------------------ */
/* XLSX                                                                */

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

  xml = zip_extract (zip, name, error);
  if (xml == NULL)
    return FALSE;

  context = g_markup_parse_context_new (parser, 0, user_data, NULL);
  if (!g_markup_parse_context_parse (context, xml, -1, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_FORMAT,
                   _("The workbook part “%s” is not valid XML: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Shared strings: each <si> is a plain <t> or rich-text runs <r><t>; the
 * phonetic guides Japanese Excel adds (<rPh><t>ふりがな</t></rPh>) are
 * not part of the text. */
typedef struct
{
  GPtrArray *strings;
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
      g_ptr_array_add (s->strings, g_strdup (s->text->str));
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
    .strings = g_ptr_array_new_with_free_func (g_free),
    .text = text,
  };

  if (zip_has (zip, "xl/sharedStrings.xml") &&
      !parse_part (zip, "xl/sharedStrings.xml", &parser, &s, error))
    {
      g_ptr_array_unref (s.strings);
      return NULL;
    }
  return s.strings;
}

/* A worksheet's <sheetData>: rows of <c r="B3" t="s"><v>12</v></c>. */
typedef struct
{
  ShkSheet   *sheet;
  GPtrArray  *shared;
  GString    *text;
  guint       row;
  guint       column;
  gboolean    in_cell;
  gboolean    collecting;     /* inside <v>, or <t> of an inline string */
  guint       phonetic_depth;
  char       *type;
} SheetParser;

/* "AB12" → row 11, column 27. FALSE for anything else. */
static gboolean
parse_reference (const char *reference,
                 guint      *row,
                 guint      *column)
{
  guint64 c = 0, r = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (*p - '0');
      if (r > MAX_ROWS)
        return FALSE;
    }
  if (*p != '\0' || c == 0 || r == 0)
    return FALSE;
  *column = c - 1;
  *row = r - 1;
  return TRUE;
}

static gboolean
parse_row_number (const char *text,
                  guint      *row)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, MAX_ROWS, &value, NULL))
    return FALSE;
  *row = value - 1;
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
    {
      guint row;

      s->row = parse_row_number (find_attribute (names, values, "r"), &row) ? row : s->row + 1;
      s->column = 0;
    }
  else if (g_str_equal (name, "c"))
    {
      const char *reference = find_attribute (names, values, "r");
      guint row, column;

      if (reference != NULL && parse_reference (reference, &row, &column))
        {
          s->row = row;
          s->column = column;
        }
      g_free (s->type);
      s->type = g_strdup (find_attribute (names, values, "t"));
      g_string_truncate (s->text, 0);
      s->in_cell = TRUE;
    }
  else if (g_str_equal (name, "rPh"))
    s->phonetic_depth++;
  else if (s->in_cell && s->phonetic_depth == 0 &&
           (g_str_equal (name, "v") || g_str_equal (name, "t")))
    s->collecting = TRUE;
}

static void
store_cell (SheetParser *s)
{
  const char *type = s->type != NULL ? s->type : "n";
  const char *text = s->text->str;

  if (g_str_equal (type, "s"))
    {
      guint64 index;

      if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &index, NULL) &&
          index < s->shared->len)
        sheet_set_cell (s->sheet, s->row, s->column,
                        g_strdup (g_ptr_array_index (s->shared, index)), FALSE);
    }
  else if (g_str_equal (type, "b"))
    sheet_set_cell (s->sheet, s->row, s->column,
                    g_strdup (g_str_equal (text, "1") ? "TRUE" : "FALSE"), FALSE);
  else if (g_str_equal (type, "n"))
    {
      if (*text != '\0')
        sheet_set_cell (s->sheet, s->row, s->column, g_strdup (text), TRUE);
    }
  else
    /* inlineStr, str (a formula's text), e (an error such as #N/A). */
    sheet_set_cell (s->sheet, s->row, s->column, g_strdup (text), FALSE);
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
      store_cell (s);
      s->in_cell = FALSE;
      s->column++;
    }
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
  g_autoptr(ShkSheet) sheet = sheet_new (name);
  SheetParser s = {
    .sheet = sheet,
    .shared = shared,
    .text = text,
    .row = G_MAXUINT,   /* so that a row without r="" is the first */
  };
  gboolean ok = parse_part (zip, part, &parser, &s, error);

  g_free (s.type);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

/* The workbook lists its sheets in order, each with a relationship id
 * that xl/_rels/workbook.xml.rels maps to its part. */
typedef struct
{
  GPtrArray  *names;       /* sheet names, in order */
  GPtrArray  *ids;         /* their relationship ids */
  GHashTable *targets;     /* relationship id → part name */
} Workbook;

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
    {
      const char *id = NULL;

      /* r:id, whatever the relationships namespace is prefixed with. */
      for (guint i = 0; names[i] != NULL; i++)
        if (strchr (names[i], ':') != NULL && g_str_equal (local_name (names[i]), "id"))
          id = values[i];
      g_ptr_array_add (w->names, g_strdup (find_attribute (names, values, "name")));
      g_ptr_array_add (w->ids, g_strdup (id));
    }
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

GPtrArray *
shk_sheet_read_xlsx (GBytes  *bytes,
                     GError **error)
{
  static const GMarkupParser parser = { workbook_start, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_sheet_free);
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Workbook workbook = { names, ids, targets };
  Zip zip = { 0 };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  ok = zip_open (&zip, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error) &&
       parse_part (&zip, "xl/workbook.xml", &parser, &workbook, error) &&
       (!zip_has (&zip, "xl/_rels/workbook.xml.rels") ||
        parse_part (&zip, "xl/_rels/workbook.xml.rels", &parser, &workbook, error)) &&
       (shared = read_shared_strings (&zip, error)) != NULL;

  for (guint i = 0; ok && i < names->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *part = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
      g_autofree char *guess = NULL;
      ShkSheet *sheet;

      /* Without relationships, the usual names. */
      if (part == NULL)
        part = guess = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      sheet = read_worksheet (&zip, part, g_ptr_array_index (names, i), shared, error);
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

char *
shk_sheet_dup_xlsx_part (GBytes      *bytes,
                         const char  *part,
                         GError     **error)
{
  Zip zip = { 0 };
  char *text = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (part != NULL, NULL);

  if (zip_open (&zip, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    text = zip_extract (&zip, part, error);
  zip_clear (&zip);
  return text;
}

/* ------------------------------------------------------------------ */
/* The import                                                          */

struct _ShkImport
{
  GObject    parent_instance;

  ShkPlan   *plan;
  char      *sheet_name;
  char      *display_name;
  GPtrArray *changes;     /* ShkImportChange */
  GPtrArray *unmatched;   /* ShkImportProblem */
  GPtrArray *problems;    /* ShkImportProblem */
  gboolean   applied;
};

G_DEFINE_FINAL_TYPE (ShkImport, shk_import, G_TYPE_OBJECT)

static void
change_free (gpointer data)
{
  ShkImportChange *change = data;

  g_clear_object (&change->measure);
  g_clear_object (&change->indicator);
  g_free (change->year_id);
  g_free (change);
}

static void
problem_free (gpointer data)
{
  ShkImportProblem *problem = data;

  g_free (problem->text);
  g_free (problem->message);
  g_free (problem);
}

static void
shk_import_finalize (GObject *object)
{
  ShkImport *self = SHK_IMPORT (object);

  g_clear_object (&self->plan);
  g_free (self->sheet_name);
  g_free (self->display_name);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->unmatched);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (shk_import_parent_class)->finalize (object);
}

static void
shk_import_class_init (ShkImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shk_import_finalize;
}

static void
shk_import_init (ShkImport *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->unmatched = g_ptr_array_new_with_free_func (problem_free);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
}

/* Where the columns we read are. */
typedef struct
{
  guint      heading_row;
  guint      number_column;
  guint      indicator_column;        /* G_MAXUINT when absent */
  guint      index_column;            /* G_MAXUINT when absent */
  GArray    *values;                  /* ValueColumn */
} Columns;

typedef struct
{
  guint         column;
  ShkValueKind  kind;
  const char   *year_id;              /* owned by the plan */
} ValueColumn;

static gboolean
find_columns (ShkPlan  *plan,
              ShkSheet *sheet,
              Columns  *columns)
{
  guint n_rows = MIN (shk_sheet_get_n_rows (sheet), MAX_HEADING_ROW);

  for (guint r = 0; r < n_rows; r++)
    {
      guint n = shk_sheet_get_n_columns (sheet, r);

      columns->number_column = G_MAXUINT;
      columns->indicator_column = G_MAXUINT;
      columns->index_column = G_MAXUINT;
      g_array_set_size (columns->values, 0);

      for (guint c = 0; c < n; c++)
        {
          ValueColumn value = { .column = c };

          switch (shk_table_parse_heading (plan, shk_sheet_get_cell (sheet, r, c, NULL),
                                           &value.kind, &value.year_id))
            {
            case SHK_TABLE_COLUMN_NUMBER:
              if (columns->number_column == G_MAXUINT)
                columns->number_column = c;
              break;
            case SHK_TABLE_COLUMN_INDICATOR:
              if (columns->indicator_column == G_MAXUINT)
                columns->indicator_column = c;
              break;
            case SHK_TABLE_COLUMN_INDICATOR_INDEX:
              if (columns->index_column == G_MAXUINT)
                columns->index_column = c;
              break;
            case SHK_TABLE_COLUMN_VALUE:
              g_array_append_val (columns->values, value);
              break;
            case SHK_TABLE_COLUMN_OTHER:
            default:
              break;
            }
        }

      if (columns->number_column != G_MAXUINT && columns->values->len > 0)
        {
          columns->heading_row = r;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_problem (GPtrArray  *list,
             guint       row,
             guint       column,
             const char *text,
             char       *message)
{
  ShkImportProblem *problem = g_new0 (ShkImportProblem, 1);

  problem->row = row;
  problem->column = column;
  problem->text = g_strdup (text != NULL ? text : "");
  problem->message = message;
  g_ptr_array_add (list, problem);
}

/* The handouts print "-" where there is no value. */
static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0' ||
         g_str_equal (stripped, "-") || g_str_equal (stripped, "－") ||
         g_str_equal (stripped, "–") || g_str_equal (stripped, "—") ||
         g_str_equal (stripped, "ー");
}

static gboolean
parse_value (const char   *text,
             gboolean      is_number,
             ShkIndicator *indicator,
             double       *value)
{
  char *end = NULL;
  double v;

  if (shk_parse_number (text, shk_indicator_get_unit (indicator), value))
    return TRUE;

  /* Spreadsheets write very large and very small numbers with an
   * exponent ("1.5E+16"), which people do not type. */
  v = g_ascii_strtod (text, &end);
  if (end != text && end != NULL && *end == '\0' && isfinite (v) &&
      (is_number || strpbrk (text, "eE") != NULL))
    {
      *value = v;
      return TRUE;
    }
  return FALSE;
}

static gboolean
values_equal (double a,
              double b)
{
  /* Spreadsheets keep 15 to 17 digits: a hair of relative tolerance. */
  return a == b || fabs (a - b) <= 1e-12 * MAX (fabs (a), fabs (b));
}

static gboolean
labels_equal (const char *a,
              const char *b)
{
  g_autofree char *na = g_utf8_normalize (a, -1, G_NORMALIZE_NFKC);
  g_autofree char *nb = g_utf8_normalize (b, -1, G_NORMALIZE_NFKC);

  if (na == NULL || nb == NULL)
    return FALSE;
  g_strstrip (na);
  g_strstrip (nb);
  return g_str_equal (na, nb);
}

static const char *
value_heading (ShkValueKind  kind,
               const char   *year_id,
               char        **storage)
{
  *storage = shk_table_dup_value_heading (kind, year_id);
  return *storage;
}

/* The indicator a row means: by label, else by number, else the only
 * one. NULL (after adding to unmatched) when none fits. */
static ShkIndicator *
match_indicator (ShkImport     *self,
                 ShkSheet      *sheet,
                 const Columns *columns,
                 guint          row,
                 ShkMeasure    *measure,
                 guint         *index)
{
  GListModel *indicators = shk_measure_get_indicators (measure);
  guint n = g_list_model_get_n_items (indicators);
  const char *label = columns->indicator_column != G_MAXUINT
    ? shk_sheet_get_cell (sheet, row, columns->indicator_column, NULL) : "";
  g_autofree char *index_text = g_strstrip (g_strdup (columns->index_column != G_MAXUINT
    ? shk_sheet_get_cell (sheet, row, columns->index_column, NULL) : ""));
  guint64 number;

  if (*label != '\0')
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);

        if (labels_equal (label, shk_indicator_get_label (indicator)))
          {
            *index = i;
            return g_steal_pointer (&indicator);
          }
      }

  if (*index_text != '\0' &&
      g_ascii_string_to_unsigned (index_text, 10, 1, G_MAXUINT, &number, NULL) &&
      number <= n)
    {
      *index = number - 1;
      return g_list_model_get_item (indicators, number - 1);
    }

  if (n == 1 && *label == '\0' && *index_text == '\0')
    {
      *index = 0;
      return g_list_model_get_item (indicators, 0);
    }

  if (n == 0)
    add_problem (self->unmatched, row, G_MAXUINT, label,
                 g_strdup_printf (_("Row %u: measure No.%u has no indicators"),
                                  row + 1, shk_measure_get_number (measure)));
  else if (*label != '\0')
    add_problem (self->unmatched, row, columns->indicator_column, label,
                 g_strdup_printf (_("Row %u: measure No.%u has no indicator “%s”"),
                                  row + 1, shk_measure_get_number (measure), label));
  else
    add_problem (self->unmatched, row, G_MAXUINT, index_text,
                 g_strdup_printf (_("Row %u: cannot tell which indicator of measure No.%u "
                                    "the row is for"),
                                  row + 1, shk_measure_get_number (measure)));
  return NULL;
}

/* Whether any value cell of the row has something in it. */
static gboolean
row_has_values (ShkSheet      *sheet,
                const Columns *columns,
                guint          row)
{
  for (guint i = 0; i < columns->values->len; i++)
    {
      const ValueColumn *value = &g_array_index (columns->values, ValueColumn, i);

      if (!is_blank (shk_sheet_get_cell (sheet, row, value->column, NULL)))
        return TRUE;
    }
  return FALSE;
}

static void
read_row_values (ShkImport     *self,
                 ShkSheet      *sheet,
                 const Columns *columns,
                 guint          row,
                 ShkMeasure    *measure,
                 ShkIndicator  *indicator,
                 guint          index,
                 GHashTable    *seen)
{
  for (guint i = 0; i < columns->values->len; i++)
    {
      const ValueColumn *value = &g_array_index (columns->values, ValueColumn, i);
      gboolean is_number;
      const char *text = shk_sheet_get_cell (sheet, row, value->column, &is_number);
      g_autofree char *cell = shk_sheet_cell_name (row, value->column);
      g_autofree char *heading = NULL;
      g_autofree char *key = g_strdup_printf ("%p\x1f%d\x1f%s", (void *) indicator,
                                              value->kind, value->year_id);
      gboolean had_value, has_value = FALSE;
      double old_value = 0.0, new_value = 0.0;
      ShkImportChange *change;

      if (!is_blank (text))
        {
          if (!parse_value (text, is_number, indicator, &new_value))
            {
              add_problem (self->problems, row, value->column, text,
                           /* TRANSLATORS: “Cell H12 (Actual R2): “abc” is not a number” */
                           g_strdup_printf (_("Cell %s (%s): “%s” is not a number"),
                                            cell, value_heading (value->kind, value->year_id,
                                                                 &heading),
                                            text));
              continue;
            }
          has_value = TRUE;
        }

      /* Two rows for the same value: the first one counts. */
      if (g_hash_table_contains (seen, key))
        {
          add_problem (self->problems, row, value->column, text,
                       g_strdup_printf (_("Cell %s (%s): measure No.%u, indicator %u is "
                                          "already given in row %u; this row is ignored"),
                                        cell, value_heading (value->kind, value->year_id, &heading),
                                        shk_measure_get_number (measure), index + 1,
                                        GPOINTER_TO_UINT (g_hash_table_lookup (seen, key))));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row + 1));

      if (value->kind == SHK_VALUE_TARGET)
        had_value = shk_indicator_get_target (indicator, value->year_id, &old_value);
      else
        had_value = shk_indicator_get_actual (indicator, value->year_id, &old_value);
      if (had_value == has_value && (!has_value || values_equal (old_value, new_value)))
        continue;

      change = g_new0 (ShkImportChange, 1);
      change->measure = g_object_ref (measure);
      change->indicator = g_object_ref (indicator);
      change->indicator_index = index;
      change->kind = value->kind;
      change->year_id = g_strdup (value->year_id);
      change->had_value = had_value;
      change->old_value = old_value;
      change->has_value = has_value;
      change->new_value = new_value;
      change->row = row;
      change->column = value->column;
      g_ptr_array_add (self->changes, change);
    }
}

static void
read_rows (ShkImport     *self,
           ShkSheet      *sheet,
           const Columns *columns)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = shk_sheet_get_n_rows (sheet);

  for (guint row = columns->heading_row + 1; row < n_rows; row++)
    {
      const char *number_text = shk_sheet_get_cell (sheet, row, columns->number_column, NULL);
      g_autofree char *stripped = g_strstrip (g_strdup (number_text));
      g_autoptr(ShkIndicator) indicator = NULL;
      ShkMeasure *measure;
      double number;
      guint index = 0;

      if (*stripped == '\0')
        {
          /* A note or a blank line under the table is fine; figures with
           * no measure number are not. */
          if (row_has_values (sheet, columns, row))
            add_problem (self->unmatched, row, columns->number_column, "",
                         g_strdup_printf (_("Row %u: there are figures but no measure number"),
                                          row + 1));
          continue;
        }

      if (!shk_parse_number (stripped, NULL, &number) || number < 1 || number > G_MAXUINT ||
          number != floor (number))
        {
          add_problem (self->unmatched, row, columns->number_column, number_text,
                       g_strdup_printf (_("Row %u: “%s” is not a measure number"),
                                        row + 1, number_text));
          continue;
        }

      measure = shk_plan_find_measure (self->plan, (guint) number, NULL);
      if (measure == NULL)
        {
          add_problem (self->unmatched, row, columns->number_column, number_text,
                       g_strdup_printf (_("Row %u: there is no measure No.%u"),
                                        row + 1, (guint) number));
          continue;
        }

      /* A measure without indicators exports a row with no figures: it
       * matches nothing, and that is no problem while it stays empty. */
      if (g_list_model_get_n_items (shk_measure_get_indicators (measure)) == 0 &&
          !row_has_values (sheet, columns, row))
        continue;

      indicator = match_indicator (self, sheet, columns, row, measure, &index);
      if (indicator != NULL)
        read_row_values (self, sheet, columns, row, measure, indicator, index, seen);
    }
}

static gboolean
looks_like_zip (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

/* The sheet with the measures table: the first whose headings we know. */
static ShkSheet *
choose_sheet (ShkPlan   *plan,
              GPtrArray *sheets,
              Columns   *columns)
{
  for (guint i = 0; i < sheets->len; i++)
    {
      ShkSheet *sheet = g_ptr_array_index (sheets, i);

      if (find_columns (plan, sheet, columns))
        return sheet;
    }
  return NULL;
}

static void
prefix_error (GError     **error,
              const char  *display_name)
{
  if (error != NULL && *error != NULL && display_name != NULL)
    g_prefix_error (error, "%s: ", display_name);
}

ShkImport *
shk_import_new_from_bytes (ShkPlan     *plan,
                           GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(ShkImport) self = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (ValueColumn));
  Columns columns = { .values = values };
  ShkSheet *sheet;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (looks_like_zip (bytes))
    sheets = shk_sheet_read_xlsx (bytes, error);
  else
    {
      ShkSheet *csv = shk_sheet_read_csv (bytes, error);

      if (csv != NULL)
        {
          sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_sheet_free);
          g_ptr_array_add (sheets, csv);
        }
    }
  if (sheets == NULL)
    {
      prefix_error (error, display_name);
      return NULL;
    }

  sheet = choose_sheet (plan, sheets, &columns);
  if (sheet == NULL)
    {
      g_autofree char *target = shk_table_dup_value_heading (SHK_VALUE_TARGET, "R2");
      g_autofree char *actual = shk_table_dup_value_heading (SHK_VALUE_ACTUAL, "R2");

      g_set_error (error, SHK_IMPORT_ERROR, SHK_IMPORT_ERROR_NO_HEADINGS,
                   _("No row names the columns to import: one row must have the headings "
                     "“%s” and, for each year, “%s” or “%s”, as an exported table has"),
                   _("No."), target, actual);
      prefix_error (error, display_name);
      return NULL;
    }

  self = g_object_new (SHK_TYPE_IMPORT, NULL);
  self->plan = g_object_ref (plan);
  self->sheet_name = g_strdup (shk_sheet_get_name (sheet));
  self->display_name = g_strdup (display_name);
  read_rows (self, sheet, &columns);
  return g_steal_pointer (&self);
}

ShkImport *
shk_import_new_from_file (ShkPlan       *plan,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return shk_import_new_from_bytes (plan, bytes, name, error);
}

GPtrArray *
shk_import_get_changes (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  return self->changes;
}

GPtrArray *
shk_import_get_unmatched (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  return self->unmatched;
}

GPtrArray *
shk_import_get_problems (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  return self->problems;
}

const char *
shk_import_get_sheet_name (ShkImport *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT (self), "");

  return self->sheet_name;
}

static char *
format_optional (gboolean has_value,
                 double   value)
{
  /* TRANSLATORS: shown for a value that is absent, as in “(none) → 12” */
  return has_value ? shk_format_number (value) : g_strdup (_("(none)"));
}

char *
shk_import_change_describe (const ShkImportChange *change)
{
  g_autofree char *heading = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *indicator = NULL;
  const char *label;

  g_return_val_if_fail (change != NULL, NULL);

  label = shk_indicator_get_label (change->indicator);
  indicator = label != NULL && *label != '\0'
    ? g_strdup (label)
    : g_strdup_printf (_("indicator %u"), change->indicator_index + 1);
  old_text = format_optional (change->had_value, change->old_value);
  new_text = format_optional (change->has_value, change->new_value);
  heading = shk_table_dup_value_heading (change->kind, change->year_id);

  /* TRANSLATORS: “No.1 Page views · Actual R2: 3,742,282 → 3,800,000” */
  return g_strdup_printf (_("No.%u %s · %s: %s → %s"),
                          shk_measure_get_number (change->measure), indicator, heading,
                          old_text, new_text);
}

char *
shk_import_describe (ShkImport *self)
{
  GString *out;

  g_return_val_if_fail (SHK_IS_IMPORT (self), NULL);

  out = g_string_new (NULL);
  if (self->display_name != NULL)
    g_string_append_printf (out, "%s\n", self->display_name);

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%u value changes:", "%u values change:",
                                       self->changes->len),
                          self->changes->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->changes->len; i++)
    {
      g_autofree char *line = shk_import_change_describe (g_ptr_array_index (self->changes, i));

      g_string_append_printf (out, "  %s\n", line);
    }

  if (self->unmatched->len > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u row matches nothing:",
                                           "%u rows match nothing:", self->unmatched->len),
                              self->unmatched->len);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < self->unmatched->len; i++)
        g_string_append_printf (out, "  %s\n",
                                ((ShkImportProblem *) g_ptr_array_index (self->unmatched, i))->message);
    }

  if (self->problems->len > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u cell was skipped:",
                                           "%u cells were skipped:", self->problems->len),
                              self->problems->len);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < self->problems->len; i++)
        g_string_append_printf (out, "  %s\n",
                                ((ShkImportProblem *) g_ptr_array_index (self->problems, i))->message);
    }
  return g_string_free (out, FALSE);
}

guint
shk_import_apply (ShkImport    *self,
                  ShkUndoStack *stack)
{
  const char *label = _("Import Values");

  g_return_val_if_fail (SHK_IS_IMPORT (self), 0);
  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), 0);

  if (self->applied || self->changes->len == 0)
    return 0;

  /* One entry in the history: undo takes the whole import back. */
  shk_undo_stack_begin_group (stack, label);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const ShkImportChange *change = g_ptr_array_index (self->changes, i);

      shk_edit_indicator_value (stack, change->indicator, change->kind, change->year_id,
                                change->has_value, change->new_value, label);
    }
  shk_undo_stack_end_group (stack);

  self->applied = TRUE;
  return self->changes->len;
}
