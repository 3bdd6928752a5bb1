/* shk-model-private.h — small helpers shared by the model classes
 *
 * Every model setter follows the same rule: store, notify the property and
 * emit "changed" only when the value really changes, so that undo entries
 * and views are not disturbed by no-op writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "shk-provenance.h"
#include "shk-text-pool.h"

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

/* Like shk_model_set_string() for an object whose texts may be kept in a
 * text pool (shk-text-pool.h): bit @bit of *@pooled says that *@field is
 * in one, and so is not freed. The copy goes into @pool when one is given
 * (while a reader builds the object), else into an allocation of its own. */
static inline gboolean
shk_model_set_pooled_string (char        **field,
                             const char   *value,
                             ShkTextPool  *pool,
                             guint        *pooled,
                             guint         bit)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  if ((*pooled & bit) == 0)
    g_free (*field);
  if (pool != NULL && value != NULL)
    {
      *field = (char *) shk_text_pool_add (pool, value);
      *pooled |= bit;
    }
  else
    {
      *field = g_strdup (value);
      *pooled &= ~bit;
    }
  return TRUE;
}

/* Like shk_model_set_string() for texts that thousands of objects share
 * (units, sections, bureaus, years): one interned copy serves them all,
 * which a prefecture's plan of 100,000 measures feels (issue #17). The
 * field must never be freed. */
static inline gboolean
shk_model_set_interned (const char **field,
                        const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  *field = g_intern_string (value);
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

/* Sorted copy of the keys of a string-keyed hash table (NULL: none). */
static inline GStrv
shk_model_dup_sorted_keys (GHashTable *table)
{
  guint n = 0;

  if (table == NULL)
    return g_new0 (char *, 1);
  g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (table, &n);

  qsort (keys, n, sizeof (char *), shk_model_compare_strings);
  return g_strdupv (keys);
}

/* The provenance of an object's values, by key ("R3.actual", "actions").
 * The table is made on first use: most indicators never have one, and a
 * hash table each would cost a prefecture's plan megabytes (issue #17).
 * Set returns whether anything changed; a NULL provenance clears. */
const ShkProvenance *shk_model_provenance_lookup   (GHashTable           *table,
                                                    const char           *key);
gboolean             shk_model_provenance_set      (GHashTable          **table,
                                                    const char           *key,
                                                    const ShkProvenance  *provenance);
GHashTable          *shk_model_provenance_copy     (GHashTable           *table);
GStrv                shk_model_provenance_dup_keys (GHashTable           *table);

/* A child that reports its changes to its one owner by a direct call: a
 * measure's indicators, the plan's measures. A signal connection per child
 * cost a prefecture's plan (200,000 indicators) a tenth of its load time
 * (issue #17). The child's own "changed" signal is still emitted for
 * views that watch one object. */
typedef void (*ShkModelOwnerFunc) (gpointer owner,
                                   gpointer child);

typedef struct
{
  ShkModelOwnerFunc func;
  gpointer          owner;
} ShkModelOwner;

static inline void
shk_model_owner_notify (const ShkModelOwner *owner,
                        gpointer             child)
{
  if (owner->func != NULL)
    owner->func (owner->owner, child);
}

/* Set while the child is in its owner's list; NULL when it leaves (it may
 * live on in an undo entry). Declared here, not in the public headers:
 * only the owners call them. */
typedef struct _ShkIndicator ShkIndicator;
typedef struct _ShkMeasure ShkMeasure;

void shk_indicator_set_owner (ShkIndicator      *self,
                              ShkModelOwnerFunc  func,
                              gpointer           owner);
void shk_measure_set_owner   (ShkMeasure        *self,
                              ShkModelOwnerFunc  func,
                              gpointer           owner);

/* While a reader builds a measure (and its indicators) that nobody else
 * holds:
 * - its setters neither notify properties nor emit "changed": each would
 *   be a signal emission under GLib's signal lock, about fifty per
 *   measure, and nobody can be listening yet;
 * - its texts are copied into @texts (shk-text-pool.h) rather than each
 *   into an allocation of its own.
 * A measure passes this on to the indicators it has when its read ends;
 * the reader ends it before it hands the measure over (issue #17). */
void shk_indicator_begin_read (ShkIndicator      *self,
                               ShkTextPool       *texts);
void shk_indicator_end_read   (ShkIndicator      *self);
void shk_measure_begin_read   (ShkMeasure        *self,
                               ShkTextPool       *texts);
void shk_measure_end_read     (ShkMeasure        *self);

/* Child lists (a measure's indicators, the survey's processes, a
 * scenario's cost items, the plan's lists): while a child is in its list,
 * its "changed" (or, for the small value objects that have none,
 * "notify") reaches @on_child_changed on the owner. A removed child may
 * live on in an undo entry, so it is disconnected when it leaves. */
static inline void
shk_model_list_insert (GListStore *store,
                       guint       position,
                       gpointer    child,
                       GCallback   on_child_changed,
                       gpointer    owner)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  const char *signal = g_signal_lookup ("changed", G_OBJECT_TYPE (child)) != 0 ? "changed" : "notify";

  g_signal_connect_swapped (child, signal, on_child_changed, owner);
  g_list_store_insert (store, MIN (position, n), child);
}

static inline void
shk_model_list_remove (GListStore *store,
                       guint       position,
                       GCallback   on_child_changed,
                       gpointer    owner)
{
  g_autoptr(GObject) child = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_return_if_fail (child != NULL);

  g_signal_handlers_disconnect_by_func (child, (gpointer) on_child_changed, owner);
  g_list_store_remove (store, position);
}

/* For dispose: the children outlive their owner when undo holds them. */
static inline void
shk_model_list_unwatch_all (GListStore *store,
                            GCallback   on_child_changed,
                            gpointer    owner)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_signal_handlers_disconnect_by_func (child, (gpointer) on_child_changed, owner);
    }
}

G_END_DECLS
