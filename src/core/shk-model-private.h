/* shk-model-private.h — small helpers shared by the model classes
 *
 * Every model setter follows the same rule: store, notify the property and
 * emit "changed" only when the value really changes, so that undo entries
 * and views are not disturbed by no-op writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdlib.h>
#include <string.h>

G_BEGIN_DECLS

/* Replaces *@field by a copy of @value (NULL and "" are the same: unset).
 * Returns TRUE when the stored text changed. */
static inline gboolean
shk_model_set_string (char       **field,
                      const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Text getters never return NULL, so views and writers need no checks. */
static inline const char *
shk_model_string_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static inline int
shk_model_compare_strings (const void *a,
                           const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted copy of the keys of a string-keyed hash table. */
static inline GStrv
shk_model_dup_sorted_keys (GHashTable *table)
{
  guint n = 0;
  g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (table, &n);

  qsort (keys, n, sizeof (char *), shk_model_compare_strings);
  return g_strdupv (keys);
}

G_END_DECLS
