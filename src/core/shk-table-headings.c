/* shk-table-headings.c — the headings of the exported tables, and the
 * import's reading of them in every language Shinchoku ships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-table-export.h"
#include "shk-table-export-private.h"

/* The headings of the measures table that the import reads, in every
 * language Shinchoku ships, whatever the session's language: a sheet
 * exported in a Japanese session imports in an English one. They are
 * data here rather than looked up in the "ja" catalogue because gettext
 * answers only in the process's language, and switching that is not
 * thread-safe (the import runs in a worker thread). test-table-export
 * checks them against po/ja.po, so they cannot drift from it. */
static const struct
{
  const char *msgid;
  const char *japanese;
} heading_translations[] = {
  { HEADING_NUMBER,          "No." },
  { HEADING_INDICATOR_INDEX, "指標番号" },
  { HEADING_INDICATOR,       "指標" },
  { HEADING_TARGET,          "%s目標値" },
  { HEADING_ACTUAL,          "%s実績値" },
};


char *
shk_table_dup_value_heading (ShkValueKind  kind,
                             const char   *year_id)
{
  return g_strdup_printf (kind == SHK_VALUE_TARGET ? _(HEADING_TARGET) : _(HEADING_ACTUAL),
                          year_id);
}

/* Compatibility forms (full-width letters), case and every space and
 * underscore folded away: "Target R2", "target_R2" and "ＴＡＲＧＥＴ　Ｒ２"
 * are the same heading. */
static char *
fold_heading (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '_')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
folded_equal (const char *folded,
              const char *text)
{
  g_autofree char *other = fold_heading (text);

  return g_str_equal (folded, other);
}

static const char *
heading_in_japanese (const char *msgid)
{
  for (guint i = 0; i < G_N_ELEMENTS (heading_translations); i++)
    if (g_str_equal (heading_translations[i].msgid, msgid))
      return heading_translations[i].japanese;
  return NULL;
}

/* "%s目標値" with "R2": the one placeholder replaced without printf, as
 * the format comes from data, not from the source. */
static char *
fill_placeholder (const char *format,
                  const char *value)
{
  const char *at = strstr (format, "%s");

  if (at == NULL)
    return g_strdup (format);
  return g_strdup_printf ("%.*s%s%s", (int) (at - format), format, value, at + 2);
}

static gboolean
heading_is (const char *folded,
            const char *heading)
{
  const char *japanese = heading_in_japanese (heading);

  return folded_equal (folded, heading) || folded_equal (folded, _(heading)) ||
         (japanese != NULL && folded_equal (folded, japanese));
}

static gboolean
heading_is_value (const char   *folded,
                  ShkValueKind  kind,
                  const char   *year_text)
{
  g_autofree char *english = NULL;
  g_autofree char *translated = NULL;
  g_autofree char *key = NULL;
  g_autofree char *japanese = NULL;

  if (kind == SHK_VALUE_TARGET)
    {
      english = g_strdup_printf (HEADING_TARGET, year_text);
      translated = g_strdup_printf (_(HEADING_TARGET), year_text);
      key = g_strconcat ("target_", year_text, NULL);
    }
  else
    {
      english = g_strdup_printf (HEADING_ACTUAL, year_text);
      translated = g_strdup_printf (_(HEADING_ACTUAL), year_text);
      key = g_strconcat ("actual_", year_text, NULL);
    }

  japanese = fill_placeholder (heading_in_japanese (kind == SHK_VALUE_TARGET ? HEADING_TARGET
                                                                           : HEADING_ACTUAL),
                              year_text);
  return folded_equal (folded, english) ||
         folded_equal (folded, translated) ||
         folded_equal (folded, japanese) ||
         folded_equal (folded, key);
}

ShkTableColumn
shk_table_parse_heading (ShkPlan       *plan,
                         const char    *heading,
                         ShkValueKind  *kind,
                         const char   **year_id)
{
  g_autofree char *folded = NULL;
  GListModel *years;
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (plan), SHK_TABLE_COLUMN_OTHER);

  if (heading == NULL)
    return SHK_TABLE_COLUMN_OTHER;
  folded = fold_heading (heading);
  if (*folded == '\0')
    return SHK_TABLE_COLUMN_OTHER;

  if (heading_is (folded, HEADING_NUMBER) || heading_is (folded, "number") ||
      heading_is (folded, "No") || heading_is (folded, "№"))
    return SHK_TABLE_COLUMN_NUMBER;
  if (heading_is (folded, HEADING_INDICATOR))
    return SHK_TABLE_COLUMN_INDICATOR;
  if (heading_is (folded, HEADING_INDICATOR_INDEX) || heading_is (folded, "indicator_index"))
    return SHK_TABLE_COLUMN_INDICATOR_INDEX;

  years = shk_plan_get_fiscal_years (plan);
  n = g_list_model_get_n_items (years);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      const char *texts[] = { shk_fiscal_year_get_id (year), shk_fiscal_year_get_label (year) };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          ShkValueKind value_kind;

          if (heading_is_value (folded, SHK_VALUE_TARGET, texts[t]))
            value_kind = SHK_VALUE_TARGET;
          else if (heading_is_value (folded, SHK_VALUE_ACTUAL, texts[t]))
            value_kind = SHK_VALUE_ACTUAL;
          else
            continue;

          if (kind != NULL)
            *kind = value_kind;
          if (year_id != NULL)
            *year_id = shk_fiscal_year_get_id (year);
          return SHK_TABLE_COLUMN_VALUE;
        }
    }
  return SHK_TABLE_COLUMN_OTHER;
}
