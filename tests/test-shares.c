/* test-shares.c — shares that add up to exactly 100 %, against the
 * handout's own columns (資料1-1 (1))
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-shares.h"

static void
assert_column (const guint *counts,
               const char  *expected[4])
{
  guint64 units[4];
  guint64 sum = 0;

  shk_shares_round (counts, 4, 1, units);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = shk_shares_format (units[i], 1);

      g_assert_cmpstr (text, ==, expected[i]);
      sum += units[i];
    }
  g_assert_cmpuint (sum, ==, 1000);
}

/* The three columns as printed: ◎ ○ △ － of 49, 51 and 54 measures. */
static void
test_shares_handout (void)
{
  static const guint h30[] = { 27, 8, 9, 5 };
  static const guint r1[] = { 30, 14, 4, 3 };
  static const guint r2[] = { 35, 9, 7, 3 };
  const char *h30_printed[] = { "55.1%", "16.3%", "18.4%", "10.2%" };
  const char *r1_printed[] = { "58.8%", "27.5%", "7.8%", "5.9%" };
  const char *r2_printed[] = { "64.8%", "16.7%", "13.0%", "5.5%" };
  guint64 units[4];

  assert_column (h30, h30_printed);
  assert_column (r1, r1_printed);
  assert_column (r2, r2_printed);

  /* Only R2/R3 － departs from rounding each share alone (5.56 → 5.6). */
  shk_shares_round (r2, 4, 1, units);
  g_assert_true (shk_shares_departs_from_rounding (3, 54, 1, units[3]));
  for (guint i = 0; i < 3; i++)
    g_assert_false (shk_shares_departs_from_rounding (r2[i], 54, 1, units[i]));
  shk_shares_round (h30, 4, 1, units);
  for (guint i = 0; i < 4; i++)
    g_assert_false (shk_shares_departs_from_rounding (h30[i], 49, 1, units[i]));
}

static void
test_shares_edges (void)
{
  static const guint zero[] = { 0, 0, 0 };
  static const guint thirds[] = { 1, 1, 1 };
  static const guint one[] = { 7 };
  static const guint huge[] = { G_MAXUINT, G_MAXUINT, 1 };
  guint64 units[3];
  g_autofree char *whole = NULL;

  /* Nothing counted: no shares, not a division by zero. */
  shk_shares_round (zero, 3, 1, units);
  g_assert_cmpuint (units[0] + units[1] + units[2], ==, 0);

  /* Equal remainders: the first ones get the missing units. */
  shk_shares_round (thirds, 3, 1, units);
  g_assert_cmpuint (units[0], ==, 334);
  g_assert_cmpuint (units[1], ==, 333);
  g_assert_cmpuint (units[2], ==, 333);

  shk_shares_round (one, 1, 0, units);
  whole = shk_shares_format (units[0], 0);
  g_assert_cmpstr (whole, ==, "100%");

  /* Counts near the limit do not overflow the integer arithmetic. */
  shk_shares_round (huge, 3, 2, units);
  g_assert_cmpuint (units[0] + units[1] + units[2], ==, 10000);
  g_assert_cmpuint (units[2], ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shares/handout", test_shares_handout);
  g_test_add_func ("/shares/edges", test_shares_edges);

  return g_test_run ();
}
