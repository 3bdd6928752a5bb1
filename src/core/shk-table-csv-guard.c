/* shk-table-csv-guard.c — formula-safe CSV fields
 *
 * A spreadsheet takes a field that begins with =, +, -, @, a tab or a
 * carriage return for a formula; shk-table-export.h says how such a field
 * is guarded, and the importer (shk-import.c) takes the guard off again.
 * Kept apart from the table export, which writes the guarded fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-table-export.h"

/* What a spreadsheet reads as a number: [+-]digits[.digits][E[+-]digits][%]. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == '%')
    p++;
  return *p == '\0';
}

gboolean
shk_table_csv_needs_guard (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  /* A text that already looks guarded gets one ' more, so that the
   * importer, taking one off, gives back exactly the text. */
  if (text[0] == '\'')
    return shk_table_csv_needs_guard (text + 1);
  if (strchr ("=+-@\t\r", text[0]) == NULL)
    return FALSE;
  return !is_plain_number (text);
}

char *
shk_table_csv_guard (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return shk_table_csv_needs_guard (text) ? g_strconcat ("'", text, NULL) : g_strdup (text);
}

const char *
shk_table_csv_unguard (const char *text)
{
  g_return_val_if_fail (text != NULL, "");

  return text[0] == '\'' && shk_table_csv_needs_guard (text + 1) ? text + 1 : text;
}
