/* shk-provenance.c — where a value came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-indicator.h"
#include "shk-measure.h"
#include "shk-process.h"
#include "shk-provenance.h"
#include "shk-model-private.h"

G_DEFINE_BOXED_TYPE (ShkProvenance, shk_provenance, shk_provenance_copy, shk_provenance_free)

static const char * const source_keys[] = {
  [SHK_PROVENANCE_TYPED] = "typed",
  [SHK_PROVENANCE_PASTED] = "pasted",
  [SHK_PROVENANCE_IMPORTED] = "imported",
  [SHK_PROVENANCE_REPLY] = "reply",
};

ShkProvenance *
shk_provenance_new (ShkProvenanceSource  source,
                    const char          *section,
                    const char          *file,
                    const char          *date)
{
  ShkProvenance *self = g_new0 (ShkProvenance, 1);

  self->source = source;
  self->section = g_strdup (section);
  self->file = g_strdup (file);
  if (date != NULL)
    self->date = g_strdup (date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->date = g_date_time_format (now, "%Y-%m-%d");
    }
  return self;
}

ShkProvenance *
shk_provenance_copy (const ShkProvenance *self)
{
  if (self == NULL)
    return NULL;
  return shk_provenance_new (self->source, self->section, self->file, self->date);
}

void
shk_provenance_free (ShkProvenance *self)
{
  if (self == NULL)
    return;
  g_free (self->section);
  g_free (self->file);
  g_free (self->date);
  g_free (self);
}

gboolean
shk_provenance_equal (const ShkProvenance *a,
                      const ShkProvenance *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->source == b->source && g_strcmp0 (a->section, b->section) == 0 &&
         g_strcmp0 (a->file, b->file) == 0 && g_strcmp0 (a->date, b->date) == 0;
}

const char *
shk_provenance_source_to_key (ShkProvenanceSource source)
{
  g_return_val_if_fail (source <= SHK_PROVENANCE_REPLY, "typed");
  return source_keys[source];
}

gboolean
shk_provenance_source_from_key (const char          *key,
                                ShkProvenanceSource *source)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_keys); i++)
    if (g_strcmp0 (key, source_keys[i]) == 0)
      {
        *source = i;
        return TRUE;
      }
  return FALSE;
}

char *
shk_provenance_describe (const ShkProvenance *self)
{
  const char *date = self->date != NULL ? self->date : "";

  switch (self->source)
    {
    case SHK_PROVENANCE_REPLY:
      /* TRANSLATORS: section, reply file, date */
      return g_strdup_printf (_("From the reply of %s (%s), %s"), self->section ? self->section : "",
                              self->file ? self->file : "", date);
    case SHK_PROVENANCE_IMPORTED:
      /* TRANSLATORS: file, date */
      return g_strdup_printf (_("Imported from %s, %s"), self->file ? self->file : "", date);
    case SHK_PROVENANCE_PASTED:
      return g_strdup_printf (_("Pasted, %s"), date);
    case SHK_PROVENANCE_TYPED:
    default:
      return g_strdup_printf (_("Typed, %s"), date);
    }
}

/* ------------------------------------------------------------------ */
/* The undoable edit                                                   */

typedef struct
{
  GObject       *owner;
  char          *key;
  ShkProvenance *old_value;
  ShkProvenance *new_value;
} ProvenanceEdit;

static const ShkProvenance *
owner_get (GObject    *owner,
           const char *key)
{
  if (SHK_IS_INDICATOR (owner))
    return shk_indicator_get_provenance (SHK_INDICATOR (owner), key);
  if (SHK_IS_PROCESS (owner))
    return shk_process_get_provenance (SHK_PROCESS (owner), key);
  return shk_measure_get_provenance (SHK_MEASURE (owner), key);
}

static void
owner_set (GObject             *owner,
           const char          *key,
           const ShkProvenance *provenance)
{
  if (SHK_IS_INDICATOR (owner))
    shk_indicator_set_provenance (SHK_INDICATOR (owner), key, provenance);
  else if (SHK_IS_PROCESS (owner))
    shk_process_set_provenance (SHK_PROCESS (owner), key, provenance);
  else
    shk_measure_set_provenance (SHK_MEASURE (owner), key, provenance);
}

static void
provenance_edit_apply (gpointer data,
                       gboolean redo)
{
  ProvenanceEdit *edit = data;

  owner_set (edit->owner, edit->key, redo ? edit->new_value : edit->old_value);
}

static void
provenance_edit_free (gpointer data)
{
  ProvenanceEdit *edit = data;

  g_object_unref (edit->owner);
  g_free (edit->key);
  shk_provenance_free (edit->old_value);
  shk_provenance_free (edit->new_value);
  g_free (edit);
}

void
shk_edit_provenance (ShkUndoStack        *stack,
                     GObject             *owner,
                     const char          *key,
                     const ShkProvenance *provenance,
                     const char          *label)
{
  ProvenanceEdit *edit;
  const ShkProvenance *old_value;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_INDICATOR (owner) || SHK_IS_MEASURE (owner) || SHK_IS_PROCESS (owner));
  g_return_if_fail (key != NULL);

  old_value = owner_get (owner, key);
  if (shk_provenance_equal (old_value, provenance))
    return;
  edit = g_new0 (ProvenanceEdit, 1);
  edit->owner = g_object_ref (owner);
  edit->key = g_strdup (key);
  edit->old_value = shk_provenance_copy (old_value);
  edit->new_value = shk_provenance_copy (provenance);
  owner_set (owner, key, provenance);
  shk_undo_stack_push (stack, label, provenance_edit_apply, edit, provenance_edit_free);
}

/* Provenance tables of the model objects ----------------------------- */

const ShkProvenance *
shk_model_provenance_lookup (GHashTable *table,
                             const char *key)
{
  return table != NULL && key != NULL ? g_hash_table_lookup (table, key) : NULL;
}

gboolean
shk_model_provenance_set (GHashTable          **table,
                          const char           *key,
                          const ShkProvenance  *provenance)
{
  if (shk_provenance_equal (shk_model_provenance_lookup (*table, key), provenance))
    return FALSE;
  if (provenance == NULL)
    return g_hash_table_remove (*table, key);

  if (*table == NULL)
    *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) shk_provenance_free);
  g_hash_table_insert (*table, g_strdup (key), shk_provenance_copy (provenance));
  return TRUE;
}

GHashTable *
shk_model_provenance_copy (GHashTable *table)
{
  GHashTable *copy = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (table == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    shk_model_provenance_set (&copy, key, value);
  return copy;
}

GStrv
shk_model_provenance_dup_keys (GHashTable *table)
{
  if (table == NULL)
    return g_new0 (char *, 1);
  return shk_model_dup_sorted_keys (table);
}
