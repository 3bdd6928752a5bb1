/* shk-indicator.c — a measurable indicator of a measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-indicator.h"
#include "shk-model-private.h"
#include "shk-provenance.h"

struct _ShkIndicator
{
  GObject       parent_instance;

  char         *label;
  char         *unit;
  char         *note;
  ShkDirection  direction;

  /* year id → double*; a missing key is "no value", which is not 0 */
  GHashTable   *targets;
  GHashTable   *actuals;
  /* year id → the rate as printed in the source document */
  GHashTable   *printed_rates;

  /* Where a plan started from its predecessor's last actual (a plan made
   * by shk_plan_successor_new()); NULL when there is none. */
  char         *baseline_year;
  double        baseline;
  /* "actual.R3" → ShkProvenance */
  GHashTable   *provenance;
};

G_DEFINE_FINAL_TYPE (ShkIndicator, shk_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_UNIT,
  PROP_NOTE,
  PROP_DIRECTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GHashTable *
new_value_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
copy_values (GHashTable *from,
             GHashTable *to)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to, g_strdup (key), g_memdup2 (value, sizeof (double)));
}

static void
emit_changed (ShkIndicator *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_text (ShkIndicator  *self,
          char         **field,
          const char    *text,
          guint          prop_id)
{
  if (!shk_model_set_string (field, text))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
shk_indicator_finalize (GObject *object)
{
  ShkIndicator *self = SHK_INDICATOR (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->actuals, g_hash_table_unref);
  g_clear_pointer (&self->printed_rates, g_hash_table_unref);
  g_clear_pointer (&self->baseline_year, g_free);
  g_clear_pointer (&self->provenance, g_hash_table_unref);

  G_OBJECT_CLASS (shk_indicator_parent_class)->finalize (object);
}

static void
shk_indicator_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShkIndicator *self = SHK_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, shk_indicator_get_label (self));
      break;
    case PROP_UNIT:
      g_value_set_string (value, shk_indicator_get_unit (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, shk_indicator_get_note (self));
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_indicator_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShkIndicator *self = SHK_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      shk_indicator_set_label (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      shk_indicator_set_unit (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      shk_indicator_set_note (self, g_value_get_string (value));
      break;
    case PROP_DIRECTION:
      shk_indicator_set_direction (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_indicator_class_init (ShkIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_indicator_finalize;
  object_class->get_property = shk_indicator_get_property;
  object_class->set_property = shk_indicator_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       SHK_TYPE_DIRECTION, SHK_DIRECTION_HIGHER_IS_BETTER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One signal for any change, so a measure (and through it the plan)
   * knows to recompute rates without listening to every property. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_indicator_init (ShkIndicator *self)
{
  self->targets = new_value_table ();
  self->actuals = new_value_table ();
  self->printed_rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

ShkIndicator *
shk_indicator_new (void)
{
  return g_object_new (SHK_TYPE_INDICATOR, NULL);
}

ShkIndicator *
shk_indicator_copy (ShkIndicator *self)
{
  ShkIndicator *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);

  copy = shk_indicator_new ();
  copy->label = g_strdup (self->label);
  copy->unit = g_strdup (self->unit);
  copy->note = g_strdup (self->note);
  copy->direction = self->direction;
  copy_values (self->targets, copy->targets);
  copy_values (self->actuals, copy->actuals);

  g_hash_table_iter_init (&iter, self->printed_rates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->printed_rates, g_strdup (key), g_strdup (value));
  copy->baseline_year = g_strdup (self->baseline_year);
  copy->baseline = self->baseline;
  copy->provenance = shk_model_provenance_copy (self->provenance);

  return copy;
}

const char *
shk_indicator_get_label (ShkIndicator *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);
  return shk_model_string_or_empty (self->label);
}

void
shk_indicator_set_label (ShkIndicator *self,
                         const char   *label)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  set_text (self, &self->label, label, PROP_LABEL);
}

const char *
shk_indicator_get_unit (ShkIndicator *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);
  return shk_model_string_or_empty (self->unit);
}

void
shk_indicator_set_unit (ShkIndicator *self,
                        const char   *unit)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  set_text (self, &self->unit, unit, PROP_UNIT);
}

const char *
shk_indicator_get_note (ShkIndicator *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);
  return shk_model_string_or_empty (self->note);
}

void
shk_indicator_set_note (ShkIndicator *self,
                        const char   *note)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  set_text (self, &self->note, note, PROP_NOTE);
}

ShkDirection
shk_indicator_get_direction (ShkIndicator *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), SHK_DIRECTION_HIGHER_IS_BETTER);
  return self->direction;
}

void
shk_indicator_set_direction (ShkIndicator *self,
                             ShkDirection  direction)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));

  if (self->direction == direction)
    return;
  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
  emit_changed (self);
}

static gboolean
lookup_value (GHashTable *table,
              const char *year_id,
              double     *value)
{
  const double *stored;

  if (year_id == NULL)
    return FALSE;

  stored = g_hash_table_lookup (table, year_id);
  if (stored == NULL)
    return FALSE;
  if (value != NULL)
    *value = *stored;
  return TRUE;
}

static void
store_value (ShkIndicator *self,
             GHashTable   *table,
             const char   *year_id,
             double        value)
{
  double old;

  /* Compare bit-for-bit through ==, so that storing the same figure again
   * (as undo does) does not trigger a recomputation. */
  if (lookup_value (table, year_id, &old) && old == value)
    return;

  g_hash_table_insert (table, g_strdup (year_id), g_memdup2 (&value, sizeof value));
  emit_changed (self);
}

static void
remove_value (ShkIndicator *self,
              GHashTable   *table,
              const char   *year_id)
{
  if (g_hash_table_remove (table, year_id))
    emit_changed (self);
}

gboolean
shk_indicator_get_target (ShkIndicator *self,
                          const char   *year_id,
                          double       *value)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), FALSE);
  return lookup_value (self->targets, year_id, value);
}

void
shk_indicator_set_target (ShkIndicator *self,
                          const char   *year_id,
                          double        value)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  store_value (self, self->targets, year_id, value);
}

void
shk_indicator_unset_target (ShkIndicator *self,
                            const char   *year_id)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  remove_value (self, self->targets, year_id);
}

gboolean
shk_indicator_get_actual (ShkIndicator *self,
                          const char   *year_id,
                          double       *value)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), FALSE);
  return lookup_value (self->actuals, year_id, value);
}

void
shk_indicator_set_actual (ShkIndicator *self,
                          const char   *year_id,
                          double        value)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  store_value (self, self->actuals, year_id, value);
}

void
shk_indicator_unset_actual (ShkIndicator *self,
                            const char   *year_id)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  remove_value (self, self->actuals, year_id);
}

const char *
shk_indicator_get_printed_rate (ShkIndicator *self,
                                const char   *year_id)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);

  if (year_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->printed_rates, year_id);
}

void
shk_indicator_set_printed_rate (ShkIndicator *self,
                                const char   *year_id,
                                const char   *text)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);

  if (g_strcmp0 (g_hash_table_lookup (self->printed_rates, year_id), text) == 0)
    return;

  if (text == NULL)
    g_hash_table_remove (self->printed_rates, year_id);
  else
    g_hash_table_insert (self->printed_rates, g_strdup (year_id), g_strdup (text));
  emit_changed (self);
}

GStrv
shk_indicator_dup_year_ids (ShkIndicator *self)
{
  g_autoptr(GHashTable) years = NULL;
  GHashTable *tables[3];

  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);

  tables[0] = self->targets;
  tables[1] = self->actuals;
  tables[2] = self->printed_rates;

  years = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, tables[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (years, key);
    }

  return shk_model_dup_sorted_keys (years);
}

gboolean
shk_indicator_get_baseline (ShkIndicator  *self,
                            const char   **year_id,
                            double        *value)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), FALSE);

  if (self->baseline_year == NULL)
    return FALSE;
  if (year_id != NULL)
    *year_id = self->baseline_year;
  if (value != NULL)
    *value = self->baseline;
  return TRUE;
}

void
shk_indicator_set_baseline (ShkIndicator *self,
                            const char   *year_id,
                            double        value)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL && year_id[0] != '\0');

  if (g_strcmp0 (self->baseline_year, year_id) == 0 && self->baseline == value)
    return;
  g_free (self->baseline_year);
  self->baseline_year = g_strdup (year_id);
  self->baseline = value;
  emit_changed (self);
}

void
shk_indicator_unset_baseline (ShkIndicator *self)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));

  if (self->baseline_year == NULL)
    return;
  g_clear_pointer (&self->baseline_year, g_free);
  self->baseline = 0;
  emit_changed (self);
}

const ShkProvenance *
shk_indicator_get_provenance (ShkIndicator *self,
                              const char   *key)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);
  return shk_model_provenance_lookup (self->provenance, key);
}

void
shk_indicator_set_provenance (ShkIndicator        *self,
                              const char          *key,
                              const ShkProvenance *provenance)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (key != NULL);

  if (!shk_model_provenance_set (&self->provenance, key, provenance))
    return;
  emit_changed (self);
}

GStrv
shk_indicator_dup_provenance_keys (ShkIndicator *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);
  return shk_model_provenance_dup_keys (self->provenance);
}
