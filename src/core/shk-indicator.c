/* shk-indicator.c — a measurable indicator of a measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-indicator.h"
#include "shk-model-private.h"
#include "shk-provenance.h"

typedef enum
{
  HAS_TARGET = 1 << 0,
  HAS_ACTUAL = 1 << 1,
} ValueFlags;

typedef struct
{
  /* Interned: the same few year ids are shared by every indicator. */
  const char *year_id;
  double      target;
  double      actual;
  /* The rate as printed in the source document, or NULL. */
  char       *printed_rate;
  ValueFlags  flags;
} YearValues;

struct _ShkIndicator
{
  GObject       parent_instance;

  char         *label;
  const char   *unit;      /* interned */
  char         *note;
  ShkDirection  direction;

  /* The figures by fiscal year, sorted by year id: a plan has a handful
   * of years, so a small array costs one allocation where three hash
   * tables cost a dozen, and a prefecture's plan has 200,000 indicators
   * (issue #17). A year without a flag has "no value", which is not 0. */
  YearValues   *years;
  guint         n_years;

  /* Where a plan started from its predecessor's last actual (a plan made
   * by shk_plan_successor_new()); NULL when there is none. */
  char         *baseline_year;
  double        baseline;
  /* "actual.R3" → ShkProvenance */
  GHashTable   *provenance;

  /* The measure it belongs to, called directly on a change instead of
   * through a signal connection per indicator (issue #17). */
  ShkModelOwner owner;
  /* Set while a reader builds it (shk_indicator_begin_read()): as a
   * measure's (shk-measure.c). */
  gboolean      quiet;
  ShkTextPool  *text_pool;
  guint         pooled_texts;   /* POOLED_LABEL, POOLED_NOTE */
};

enum {
  POOLED_LABEL = 1 << 0,
  POOLED_NOTE = 1 << 1,
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

static void
notify (ShkIndicator *self,
        guint         prop_id)
{
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
emit_changed (ShkIndicator *self)
{
  if (self->quiet)
    return;
  g_signal_emit (self, signals[CHANGED], 0);
  shk_model_owner_notify (&self->owner, self);
}

/* The array holds room for four years at first (a plan's span), then
 * doubles: grown one entry at a time, it was reallocated for every year
 * a reader added (issue #17). The capacity follows from the count. */
static guint
years_capacity (guint n_years)
{
  return n_years <= 4 ? 4 : 1u << g_bit_storage (n_years - 1);
}

static void
clear_years (ShkIndicator *self)
{
  for (guint i = 0; i < self->n_years; i++)
    g_free (self->years[i].printed_rate);
  g_clear_pointer (&self->years, g_free);
  self->n_years = 0;
}

static void
set_text (ShkIndicator  *self,
          char         **field,
          const char    *text,
          guint          prop_id)
{
  guint bit = field == &self->label ? POOLED_LABEL : POOLED_NOTE;

  if (!shk_model_set_pooled_string (field, text, self->quiet ? self->text_pool : NULL,
                                    &self->pooled_texts, bit))
    return;

  notify (self, prop_id);
  emit_changed (self);
}

static void
shk_indicator_finalize (GObject *object)
{
  ShkIndicator *self = SHK_INDICATOR (object);

  if ((self->pooled_texts & POOLED_LABEL) == 0)
    g_clear_pointer (&self->label, g_free);
  if ((self->pooled_texts & POOLED_NOTE) == 0)
    g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->text_pool, shk_text_pool_unref);
  clear_years (self);
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

  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);

  copy = shk_indicator_new ();
  copy->label = g_strdup (self->label);
  copy->unit = self->unit;
  copy->note = g_strdup (self->note);
  copy->direction = self->direction;
  if (self->n_years > 0)
    {
      copy->years = g_new (YearValues, years_capacity (self->n_years));
      memcpy (copy->years, self->years, self->n_years * sizeof (YearValues));
    }
  copy->n_years = self->n_years;
  for (guint i = 0; i < copy->n_years; i++)
    copy->years[i].printed_rate = g_strdup (self->years[i].printed_rate);
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

  if (!shk_model_set_interned (&self->unit, unit))
    return;
  notify (self, PROP_UNIT);
  emit_changed (self);
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
  notify (self, PROP_DIRECTION);
  emit_changed (self);
}

/* The entry of @year_id, or NULL. Year ids are interned when stored, so
 * the pointer comparison settles most lookups before strcmp. */
static YearValues *
find_year (ShkIndicator *self,
           const char   *year_id)
{
  if (year_id == NULL)
    return NULL;

  for (guint i = 0; i < self->n_years; i++)
    if (self->years[i].year_id == year_id || strcmp (self->years[i].year_id, year_id) == 0)
      return &self->years[i];
  return NULL;
}

/* The entry of @year_id, made in year order when missing. */
static YearValues *
ensure_year (ShkIndicator *self,
             const char   *year_id)
{
  YearValues *found = find_year (self, year_id);
  guint position = 0;

  if (found != NULL)
    return found;

  while (position < self->n_years && strcmp (self->years[position].year_id, year_id) < 0)
    position++;

  if (self->years == NULL || years_capacity (self->n_years) < self->n_years + 1)
    self->years = g_renew (YearValues, self->years, years_capacity (self->n_years + 1));
  memmove (&self->years[position + 1], &self->years[position],
           (self->n_years - position) * sizeof (YearValues));
  self->n_years++;
  self->years[position] = (YearValues) { .year_id = g_intern_string (year_id) };
  return &self->years[position];
}

/* An entry with nothing left in it goes, so that the year ids listed by
 * shk_indicator_dup_year_ids() are those with a value. */
static void
drop_year_if_empty (ShkIndicator *self,
                    YearValues   *entry)
{
  guint position = entry - self->years;

  if (entry->flags != 0 || entry->printed_rate != NULL)
    return;

  memmove (&self->years[position], &self->years[position + 1],
           (self->n_years - position - 1) * sizeof (YearValues));
  self->n_years--;
  if (self->n_years == 0)
    g_clear_pointer (&self->years, g_free);
}

static gboolean
lookup_value (ShkIndicator *self,
              const char   *year_id,
              ValueFlags    flag,
              double       *value)
{
  const YearValues *entry = find_year (self, year_id);

  if (entry == NULL || (entry->flags & flag) == 0)
    return FALSE;
  if (value != NULL)
    *value = flag == HAS_TARGET ? entry->target : entry->actual;
  return TRUE;
}

static void
store_value (ShkIndicator *self,
             const char   *year_id,
             ValueFlags    flag,
             double        value)
{
  YearValues *entry;
  double old;

  /* Compare bit-for-bit through ==, so that storing the same figure again
   * (as undo does) does not trigger a recomputation. */
  if (lookup_value (self, year_id, flag, &old) && old == value)
    return;

  entry = ensure_year (self, year_id);
  if (flag == HAS_TARGET)
    entry->target = value;
  else
    entry->actual = value;
  entry->flags |= flag;
  emit_changed (self);
}

static void
remove_value (ShkIndicator *self,
              const char   *year_id,
              ValueFlags    flag)
{
  YearValues *entry = find_year (self, year_id);

  if (entry == NULL || (entry->flags & flag) == 0)
    return;

  entry->flags &= ~flag;
  drop_year_if_empty (self, entry);
  emit_changed (self);
}

gboolean
shk_indicator_get_target (ShkIndicator *self,
                          const char   *year_id,
                          double       *value)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), FALSE);
  return lookup_value (self, year_id, HAS_TARGET, value);
}

void
shk_indicator_set_target (ShkIndicator *self,
                          const char   *year_id,
                          double        value)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  store_value (self, year_id, HAS_TARGET, value);
}

void
shk_indicator_unset_target (ShkIndicator *self,
                            const char   *year_id)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  remove_value (self, year_id, HAS_TARGET);
}

gboolean
shk_indicator_get_actual (ShkIndicator *self,
                          const char   *year_id,
                          double       *value)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), FALSE);
  return lookup_value (self, year_id, HAS_ACTUAL, value);
}

void
shk_indicator_set_actual (ShkIndicator *self,
                          const char   *year_id,
                          double        value)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  store_value (self, year_id, HAS_ACTUAL, value);
}

void
shk_indicator_unset_actual (ShkIndicator *self,
                            const char   *year_id)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);
  remove_value (self, year_id, HAS_ACTUAL);
}

const char *
shk_indicator_get_printed_rate (ShkIndicator *self,
                                const char   *year_id)
{
  const YearValues *entry;

  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);

  entry = find_year (self, year_id);
  return entry != NULL ? entry->printed_rate : NULL;
}

void
shk_indicator_set_printed_rate (ShkIndicator *self,
                                const char   *year_id,
                                const char   *text)
{
  YearValues *entry;

  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (year_id != NULL);

  if (g_strcmp0 (shk_indicator_get_printed_rate (self, year_id), text) == 0)
    return;

  entry = ensure_year (self, year_id);
  g_free (entry->printed_rate);
  entry->printed_rate = g_strdup (text);
  drop_year_if_empty (self, entry);
  emit_changed (self);
}

GStrv
shk_indicator_dup_year_ids (ShkIndicator *self)
{
  GStrv years;

  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);

  /* Already sorted: entries are made in year order. */
  years = g_new0 (char *, self->n_years + 1);
  for (guint i = 0; i < self->n_years; i++)
    years[i] = g_strdup (self->years[i].year_id);
  return years;
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

void
shk_indicator_set_owner (ShkIndicator      *self,
                         ShkModelOwnerFunc  func,
                         gpointer           owner)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (func == NULL || self->owner.func == NULL);

  self->owner = (ShkModelOwner) { .func = func, .owner = owner };
}

void
shk_indicator_begin_read (ShkIndicator *self,
                          ShkTextPool  *texts)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));
  g_return_if_fail (self->text_pool == NULL || texts == NULL || self->text_pool == texts);

  self->quiet = TRUE;
  if (texts != NULL && self->text_pool == NULL)
    self->text_pool = shk_text_pool_ref (texts);
}

void
shk_indicator_end_read (ShkIndicator *self)
{
  g_return_if_fail (SHK_IS_INDICATOR (self));

  self->quiet = FALSE;
}

GStrv
shk_indicator_dup_provenance_keys (ShkIndicator *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR (self), NULL);
  return shk_model_provenance_dup_keys (self->provenance);
}
