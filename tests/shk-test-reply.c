/* shk-test-reply.c — a request workbook filled the way a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <string.h>

#include "shk-test-reply.h"

#define REPLY_SHEET "xl/worksheets/sheet2.xml"

static char *
edit_sheet (const char *xml,
            const ShkTestEdit *edits,
            guint       n_edits)
{
  g_autofree char *result = g_strdup (xml);

  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\"( s=\"\\d+\")?[^>]*?(/>|>.*?</c>)",
                                                  edits[i].cell);
      g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *style = NULL;
      g_autofree char *replacement = NULL;
      g_autofree char *escaped = g_markup_escape_text (edits[i].value, -1);
      char *end = NULL;
      char *next;

      g_assert_true (g_regex_match (regex, result, 0, &match));
      style = g_match_info_fetch (match, 1);
      g_ascii_strtod (edits[i].value, &end);
      if (end != edits[i].value && *end == '\0')
        replacement = g_strdup_printf ("<c r=\"%s\"%s><v>%s</v></c>", edits[i].cell, style,
                                       edits[i].value);
      else
        replacement = g_strdup_printf ("<c r=\"%s\"%s t=\"inlineStr\"><is><t>%s</t></is></c>",
                                       edits[i].cell, style, escaped);
      next = g_regex_replace_literal (regex, result, -1, 0, replacement, 0, NULL);
      g_free (result);
      result = next;
    }
  return g_steal_pointer (&result);
}

/* The workbook with its reply sheet edited, through minizip. */
GBytes *
shk_test_fill_reply (GBytes     *workbook,
            const ShkTestEdit *edits,
            guint       n_edits)
{
  g_autofree char *in_path = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  unzFile in;
  zipFile out;
  int fd;

  fd = g_file_open_tmp ("test-collect-in-XXXXXX.xlsx", &in_path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (in_path, g_bytes_get_data (workbook, NULL), g_bytes_get_size (workbook),
                       &error);
  g_assert_no_error (error);
  fd = g_file_open_tmp ("test-collect-out-XXXXXX.xlsx", &out_path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);

  in = unzOpen (in_path);
  out = zipOpen (out_path, APPEND_STATUS_CREATE);
  g_assert_nonnull (in);
  g_assert_nonnull (out);
  for (int status = unzGoToFirstFile (in); status == UNZ_OK; status = unzGoToNextFile (in))
    {
      char name[256];
      unz_file_info info;
      g_autofree char *data = NULL;
      g_autofree char *edited = NULL;

      g_assert_cmpint (unzGetCurrentFileInfo (in, &info, name, sizeof name, NULL, 0, NULL, 0),
                       ==, UNZ_OK);
      data = g_malloc0 (info.uncompressed_size + 1);
      g_assert_cmpint (unzOpenCurrentFile (in), ==, UNZ_OK);
      g_assert_cmpint (unzReadCurrentFile (in, data, info.uncompressed_size), ==,
                       (int) info.uncompressed_size);
      unzCloseCurrentFile (in);
      if (g_str_equal (name, REPLY_SHEET))
        edited = edit_sheet (data, edits, n_edits);
      g_assert_cmpint (zipOpenNewFileInZip (out, name, NULL, NULL, 0, NULL, 0, NULL,
                                            Z_DEFLATED, Z_DEFAULT_COMPRESSION), ==, ZIP_OK);
      if (edited != NULL)
        zipWriteInFileInZip (out, edited, strlen (edited));
      else
        zipWriteInFileInZip (out, data, info.uncompressed_size);
      zipCloseFileInZip (out);
    }
  unzClose (in);
  zipClose (out, NULL);

  g_file_get_contents (out_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (in_path);
  g_unlink (out_path);
  return g_bytes_new_take (contents, length);
}


GBytes *
shk_test_fill_reply_file (const char        *path,
                          const ShkTestEdit *edits,
                          guint              n_edits)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  workbook = g_bytes_new_take (g_steal_pointer (&contents), length);
  return shk_test_fill_reply (workbook, edits, n_edits);
}
