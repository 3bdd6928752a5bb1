/* shk-number.c — numbers as the staff type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "shk-number.h"

/* Figures beyond this are typing accidents, and the file format refuses
 * them too (see shk-format.c). */
#define MAX_MAGNITUDE 1e15

/* ------------------------------------------------------------------ */
/* Numbers as people type them                                        */
/* ------------------------------------------------------------------ */

/* Japanese input methods in full-width mode produce ０-９, ，, ． and
 * assorted dashes for the minus key. Mapping them, and every kind of
 * space, to ASCII lets one plain parser handle both; other characters
 * are kept as they are (they can only be part of a unit). Returns NULL
 * for text that is not UTF-8. */
static GString *
normalise (const char *text)
{
  GString *out;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)         /* full-width ASCII forms */
        g_string_append_c (out, (char) (c - 0xFEE0));
      else if (g_unichar_isspace (c))         /* incl. U+3000, U+00A0 */
        g_string_append_c (out, ' ');
      else if (c == 0x2212                    /* − minus sign */
               || c == 0x30FC                 /* ー, the IME's minus in kana mode */
               || c == 0xFF70                 /* ｰ half-width */
               || c == 0x2010 || c == 0x2011  /* ‐ ‑ hyphens */
               || c == 0x2013)                /* – en dash */
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
  return out;
}

static void
strip_spaces (GString *s)
{
  gsize start = 0;

  while (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  while (start < s->len && s->str[start] == ' ')
    start++;
  g_string_erase (s, 0, start);
}

static gboolean
strip_suffix (GString    *s,
              const char *suffix)
{
  gsize n = strlen (suffix);

  if (n == 0 || s->len < n || memcmp (s->str + s->len - n, suffix, n) != 0)
    return FALSE;
  g_string_truncate (s, s->len - n);
  return TRUE;
}

/* Removes a leading sign; ▲ and △ are how Japanese ledgers and budgets
 * print negative figures ("▲1,200"). Returns -1 or +1. */
static int
strip_sign (GString *s)
{
  static const char * const negative[] = { "-", "\u25B2", "\u25B3" };
  int sign = 1;

  if (s->len > 0 && s->str[0] == '+')
    g_string_erase (s, 0, 1);
  else
    for (guint i = 0; i < G_N_ELEMENTS (negative); i++)
      if (g_str_has_prefix (s->str, negative[i]))
        {
          g_string_erase (s, 0, strlen (negative[i]));
          sign = -1;
          break;
        }

  /* "▲ 1,200" is how some spreadsheets export it. */
  strip_spaces (s);
  return sign;
}

/* Copies the digits and decimal point of @body into @clean, checking the
 * shape: thousands separators only between groups of three digits in the
 * integer part ("1,234,567"; not "1,2,3" nor "12,34", which are more likely
 * a list or a decimal comma than a number), at most one decimal point and
 * at least one digit. */
static gboolean
clean_digits (const char *body,
              GString    *clean)
{
  gboolean seen_separator = FALSE;
  gboolean in_fraction = FALSE;
  guint group = 0;     /* digits since the last separator (integer part) */
  guint digits = 0;

  for (const char *p = body; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (clean, *p);
          digits++;
          if (!in_fraction)
            group++;
        }
      else if (*p == ',')
        {
          if (in_fraction || group == 0 || group > 3 || (seen_separator && group != 3))
            return FALSE;
          seen_separator = TRUE;
          group = 0;
        }
      else if (*p == '.')
        {
          if (in_fraction || (seen_separator && group != 3))
            return FALSE;
          in_fraction = TRUE;
          g_string_append_c (clean, '.');
        }
      else
        return FALSE;
    }

  if (!in_fraction && seen_separator && group != 3)
    return FALSE;
  return digits > 0;
}

gboolean
shk_parse_number (const char *text,
                  const char *unit,
                  double     *value)
{
  g_autoptr(GString) s = NULL;
  g_autoptr(GString) clean = NULL;
  char *end = NULL;
  double v;
  int sign;

  g_return_val_if_fail (text != NULL, FALSE);

  s = normalise (text);
  if (s == NULL)
    return FALSE;
  strip_spaces (s);

  /* A unit typed after the figure, as it is printed in the handouts
   * ("12件", "3.5人に1台", "80%"). The unit is normalised the same way
   * so "８０％" matches "%". */
  if (unit != NULL && *unit != '\0')
    {
      g_autoptr(GString) u = normalise (unit);

      if (u != NULL)
        {
          strip_spaces (u);
          if (u->len > 0 && strip_suffix (s, u->str))
            strip_spaces (s);
          else if (strip_suffix (s, "%"))
            strip_spaces (s);
        }
    }
  else if (strip_suffix (s, "%"))
    strip_spaces (s);

  sign = strip_sign (s);

  clean = g_string_new (NULL);
  if (!clean_digits (s->str, clean))
    return FALSE;

  /* Only digits and one point are left, so this cannot see "inf", "nan",
   * hex or exponents, and it ignores the locale. */
  v = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v) || v > MAX_MAGNITUDE)
    return FALSE;

  /* Adding 0 turns -0 into 0: "-0" is zero, not a negative number. */
  v = sign * v + 0.0;
  if (value != NULL)
    *value = v;
  return TRUE;
}

/* Inserts a comma between every group of three digits of the integer part
 * of @digits (no sign). */
static void
append_grouped (GString    *out,
                const char *digits,
                gsize       n_integer)
{
  for (gsize i = 0; i < n_integer; i++)
    {
      if (i > 0 && (n_integer - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
shk_format_number (double value)
{
  /* %.2f of the largest double has 309 integer digits. */
  char buffer[400];
  const char *digits;
  char *point;
  gsize len;
  gboolean negative;
  GString *out;

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "-∞");

  /* Halves round away from zero (四捨五入, as the handouts round):
   * printf alone would round an exact 0.125 to even, "0.12". Beyond 1e13
   * the cents no longer fit a double's 53 bits and there is nothing to
   * round. */
  if (fabs (value) < 1e13)
    value = round (value * 100) / 100;
  /* Printed in decimal, not binary: 0.1 + 0.2 gives "0.30", not
   * "0.30000000000000004". */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);

  len = strlen (buffer);
  point = strchr (buffer, '.');
  if (point != NULL)
    {
      while (len > 0 && buffer[len - 1] == '0')
        buffer[--len] = '\0';
      if (buffer[len - 1] == '.')
        buffer[--len] = '\0';
    }

  negative = buffer[0] == '-';
  digits = negative ? buffer + 1 : buffer;
  /* -0.001 rounds to "-0": zero has no sign. */
  if (g_str_equal (digits, "0"))
    negative = FALSE;

  out = g_string_sized_new (len + len / 3 + 2);
  if (negative)
    g_string_append_c (out, '-');
  point = strchr (digits, '.');
  append_grouped (out, digits, point != NULL ? (gsize) (point - digits) : strlen (digits));
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

/* "1,234" or "1,234.5": grouped digits, a fixed number of decimals. */
char *
shk_format_number_grouped (double value,
                int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", CLAMP (decimals, 0, 6));
  const char *digits, *point;
  GString *text = g_string_new (NULL);
  gsize n_int;

  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  if (value < 0 && strspn (buffer, "0.") != strlen (buffer))
    g_string_append_c (text, '-');

  digits = buffer;
  point = strchr (digits, '.');
  n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  if (point != NULL)
    g_string_append (text, point);

  return g_string_free (text, FALSE);
}
