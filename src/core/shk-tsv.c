/* shk-tsv.c — blocks of cells as spreadsheets put them on the clipboard
 *
 * Hand-written: GLib has no CSV/TSV reader, and the quoting rules of a
 * spreadsheet's clipboard are a page of code, not worth a dependency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-tsv.h"

static void
end_row (GPtrArray *rows,
         GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

/* Reads a quoted cell starting after its opening quote; returns where
 * the cell ends (after the closing quote). */
static const char *
read_quoted (const char *p,
             GString    *cell)
{
  while (*p != '\0')
    {
      if (*p == '"' && p[1] == '"')
        {
          g_string_append_c (cell, '"');
          p += 2;
        }
      else if (*p == '"')
        return p + 1;
      else
        g_string_append_c (cell, *p++);
    }
  return p;
}

GPtrArray *
shk_tsv_parse (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *cells = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (text != NULL, rows);

  if (!g_utf8_validate (text, -1, NULL))
    return rows;

  p = text;
  while (*p != '\0')
    {
      if (cells == NULL)
        cells = g_ptr_array_new ();

      g_string_truncate (cell, 0);
      /* A quote opens a quoted cell only at the cell's start, as in the
       * spreadsheets: 12" stays 12". */
      if (*p == '"')
        p = read_quoted (p + 1, cell);
      while (*p != '\0' && *p != '\t' && *p != '\n' && *p != '\r')
        g_string_append_c (cell, *p++);
      g_ptr_array_add (cells, g_strdup (cell->str));

      if (*p == '\t')
        {
          p++;
          /* A tab at the very end of the text still ends a cell. */
          if (*p == '\0')
            g_ptr_array_add (cells, g_strdup (""));
          continue;
        }
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      end_row (rows, g_steal_pointer (&cells));
    }
  if (cells != NULL)
    end_row (rows, g_steal_pointer (&cells));
  return rows;
}

guint
shk_tsv_get_n_columns (GPtrArray *rows)
{
  guint n = 0;

  g_return_val_if_fail (rows != NULL, 0);

  for (guint i = 0; i < rows->len; i++)
    n = MAX (n, g_strv_length (g_ptr_array_index (rows, i)));
  return n;
}

static void
append_cell (GString    *out,
             const char *cell)
{
  if (strpbrk (cell, "\t\n\r\"") == NULL)
    {
      g_string_append (out, cell);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
shk_tsv_format (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, g_string_free (out, FALSE));

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append_c (out, '\t');
          append_cell (out, cells[j]);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
shk_tsv_format_html (GPtrArray *rows)
{
  GString *out = g_string_new ("<html><head><meta charset=\"utf-8\"></head><body><table>\n");

  g_return_val_if_fail (rows != NULL, g_string_free (out, FALSE));

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      g_string_append (out, "<tr>");
      for (guint j = 0; cells[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (cells[j], -1);

          g_string_append_printf (out, "<td>%s</td>", escaped);
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table></body></html>\n");
  return g_string_free (out, FALSE);
}
