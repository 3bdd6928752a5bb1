/* shk-shares.c — shares that add up to exactly 100 %
 *
 * Integers throughout: a share is count × 100 × 10^d ÷ total, so the
 * floors and the remainders are exact and no binary fraction can tip a
 * tie either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "shk-shares.h"

static guint64
scale_of (guint decimals)
{
  guint64 scale = 1;

  for (guint i = 0; i < MIN (decimals, 4); i++)
    scale *= 10;
  return scale;
}

typedef struct
{
  guint   index;
  guint   count;
  guint64 remainder;
} Part;

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const Part *x = a;
  const Part *y = b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

void
shk_shares_round (const guint *counts,
                  guint        n,
                  guint        decimals,
                  guint64     *units)
{
  guint64 whole = 100 * scale_of (decimals);
  guint64 total = 0, given = 0;
  g_autofree Part *parts = NULL;

  g_return_if_fail (n == 0 || (counts != NULL && units != NULL));

  for (guint i = 0; i < n; i++)
    total += counts[i];
  if (total == 0)
    {
      for (guint i = 0; i < n; i++)
        units[i] = 0;
      return;
    }

  parts = g_new0 (Part, n);
  for (guint i = 0; i < n; i++)
    {
      guint64 numerator = (guint64) counts[i] * whole;

      units[i] = numerator / total;
      given += units[i];
      parts[i] = (Part) { .index = i, .count = counts[i], .remainder = numerator % total };
    }

  /* Fewer than n units are missing: each remainder is below one unit. */
  qsort (parts, n, sizeof (Part), compare_parts);
  for (guint k = 0; given < whole && k < n; k++, given++)
    units[parts[k].index]++;
}

gboolean
shk_shares_departs_from_rounding (guint    count,
                                  guint    total,
                                  guint    decimals,
                                  guint64  units)
{
  guint64 numerator;
  guint64 rounded;

  if (total == 0)
    return units != 0;
  /* Half up: floor ((2 × count × whole + total) ÷ (2 × total)). */
  numerator = (guint64) count * 100 * scale_of (decimals);
  rounded = (2 * numerator + total) / (2 * (guint64) total);
  return rounded != units;
}

char *
shk_shares_format (guint64 units,
                   guint   decimals)
{
  guint64 scale = scale_of (decimals);

  if (scale == 1)
    return g_strdup_printf ("%" G_GUINT64_FORMAT "%%", units);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT "%%",
                          units / scale, (int) MIN (decimals, 4), units % scale);
}
