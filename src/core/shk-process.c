/* shk-process.c — a work process from the AI/RPA survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "shk-model-private.h"
#include "shk-process.h"
#include "shk-provenance.h"

/* Text fields in one array, so the property plumbing is written once. */
typedef enum
{
  TEXT_ID,
  TEXT_NAME,
  TEXT_BUSINESS,
  TEXT_SECTION,
  TEXT_UNIT,
  TEXT_CATEGORY,
  TEXT_PRINTED_CATEGORY,
  TEXT_SOLUTION,
  TEXT_QUALITATIVE_EFFECT,
  TEXT_POLICY,
  TEXT_EFFICIENCY_MEASURE,
  TEXT_NOTES,
  TEXT_AI_APPLICABLE,
  TEXT_REPLY_NOTE,
  N_TEXTS
} TextField;

struct _ShkProcess
{
  GObject      parent_instance;

  char        *texts[N_TEXTS];
  double       hours;
  ShkPriority  priority;
  gboolean     has_expected_reduction;
  double       expected_reduction;
  gboolean     demo_experiment;
  gboolean     deep_dive;
  GHashTable  *provenance;   /* "hours", "category"… → ShkProvenance */
};

G_DEFINE_FINAL_TYPE (ShkProcess, shk_process, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HOURS,
  PROP_PRIORITY,
  PROP_EXPECTED_REDUCTION,
  PROP_HAS_EXPECTED_REDUCTION,
  PROP_DEMO_EXPERIMENT,
  PROP_DEEP_DIVE,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const text_property_names[N_TEXTS] = {
  [TEXT_ID] = "id",
  [TEXT_NAME] = "name",
  [TEXT_BUSINESS] = "business",
  [TEXT_SECTION] = "section",
  [TEXT_UNIT] = "unit",
  [TEXT_CATEGORY] = "category",
  [TEXT_PRINTED_CATEGORY] = "printed-category",
  [TEXT_SOLUTION] = "solution",
  [TEXT_QUALITATIVE_EFFECT] = "qualitative-effect",
  [TEXT_POLICY] = "policy",
  [TEXT_EFFICIENCY_MEASURE] = "efficiency-measure",
  [TEXT_NOTES] = "notes",
  [TEXT_AI_APPLICABLE] = "ai-applicable",
  [TEXT_REPLY_NOTE] = "reply-note",
};

static void
emit_changed (ShkProcess *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_and_emit (ShkProcess *self,
                 guint       prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
set_text (ShkProcess *self,
          TextField   field,
          const char *text)
{
  if (shk_model_set_string (&self->texts[field], text))
    notify_and_emit (self, PROP_FIRST_TEXT + field);
}

static void
set_boolean (ShkProcess *self,
             gboolean   *field,
             gboolean    value,
             guint       prop_id)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  notify_and_emit (self, prop_id);
}

static void
shk_process_finalize (GObject *object)
{
  ShkProcess *self = SHK_PROCESS (object);

  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->provenance, g_hash_table_unref);

  G_OBJECT_CLASS (shk_process_parent_class)->finalize (object);
}

static void
shk_process_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ShkProcess *self = SHK_PROCESS (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, shk_model_string_or_empty (self->texts[prop_id - PROP_FIRST_TEXT]));
      return;
    }

  switch (prop_id)
    {
    case PROP_HOURS:
      g_value_set_double (value, self->hours);
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_EXPECTED_REDUCTION:
      g_value_set_double (value, self->has_expected_reduction ? self->expected_reduction : 0);
      break;
    case PROP_HAS_EXPECTED_REDUCTION:
      g_value_set_boolean (value, self->has_expected_reduction);
      break;
    case PROP_DEMO_EXPERIMENT:
      g_value_set_boolean (value, self->demo_experiment);
      break;
    case PROP_DEEP_DIVE:
      g_value_set_boolean (value, self->deep_dive);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_process_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ShkProcess *self = SHK_PROCESS (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_HOURS:
      shk_process_set_hours (self, g_value_get_double (value));
      break;
    case PROP_PRIORITY:
      shk_process_set_priority (self, g_value_get_enum (value));
      break;
    case PROP_EXPECTED_REDUCTION:
      shk_process_set_expected_reduction (self, g_value_get_double (value));
      break;
    case PROP_HAS_EXPECTED_REDUCTION:
      if (!g_value_get_boolean (value))
        shk_process_unset_expected_reduction (self);
      else if (!self->has_expected_reduction)
        shk_process_set_expected_reduction (self, 0);
      break;
    case PROP_DEMO_EXPERIMENT:
      set_boolean (self, &self->demo_experiment, g_value_get_boolean (value), prop_id);
      break;
    case PROP_DEEP_DIVE:
      set_boolean (self, &self->deep_dive, g_value_get_boolean (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_process_class_init (ShkProcessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = shk_process_finalize;
  object_class->get_property = shk_process_get_property;
  object_class->set_property = shk_process_set_property;

  properties[PROP_HOURS] =
    g_param_spec_double ("hours", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL, SHK_TYPE_PRIORITY, SHK_PRIORITY_UNSET, flags);
  properties[PROP_EXPECTED_REDUCTION] =
    g_param_spec_double ("expected-reduction", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_HAS_EXPECTED_REDUCTION] =
    g_param_spec_boolean ("has-expected-reduction", NULL, NULL, FALSE, flags);
  properties[PROP_DEMO_EXPERIMENT] =
    g_param_spec_boolean ("demo-experiment", NULL, NULL, FALSE, flags);
  properties[PROP_DEEP_DIVE] =
    g_param_spec_boolean ("deep-dive", NULL, NULL, FALSE, flags);
  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_process_init (ShkProcess *self)
{
  self->provenance = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) shk_provenance_free);
}

const ShkProvenance *
shk_process_get_provenance (ShkProcess *self,
                            const char *key)
{
  g_return_val_if_fail (SHK_IS_PROCESS (self), NULL);
  return key != NULL ? g_hash_table_lookup (self->provenance, key) : NULL;
}

void
shk_process_set_provenance (ShkProcess          *self,
                            const char          *key,
                            const ShkProvenance *provenance)
{
  g_return_if_fail (SHK_IS_PROCESS (self));
  g_return_if_fail (key != NULL);

  if (shk_provenance_equal (g_hash_table_lookup (self->provenance, key), provenance))
    return;
  if (provenance != NULL)
    g_hash_table_insert (self->provenance, g_strdup (key), shk_provenance_copy (provenance));
  else
    g_hash_table_remove (self->provenance, key);
  emit_changed (self);
}

GStrv
shk_process_dup_provenance_keys (ShkProcess *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS (self), NULL);
  return shk_model_dup_sorted_keys (self->provenance);
}

ShkProcess *
shk_process_new (const char *id)
{
  return g_object_new (SHK_TYPE_PROCESS, "id", id, NULL);
}

#define TEXT_ACCESSORS(lower, field)                                   \
const char *                                                           \
shk_process_get_##lower (ShkProcess *self)                             \
{                                                                      \
  g_return_val_if_fail (SHK_IS_PROCESS (self), NULL);                  \
  return shk_model_string_or_empty (self->texts[field]);               \
}                                                                      \
                                                                       \
void                                                                   \
shk_process_set_##lower (ShkProcess *self,                             \
                         const char *text)                             \
{                                                                      \
  g_return_if_fail (SHK_IS_PROCESS (self));                            \
  set_text (self, field, text);                                        \
}

TEXT_ACCESSORS (id, TEXT_ID)
TEXT_ACCESSORS (name, TEXT_NAME)
TEXT_ACCESSORS (business, TEXT_BUSINESS)
TEXT_ACCESSORS (section, TEXT_SECTION)
TEXT_ACCESSORS (unit, TEXT_UNIT)
TEXT_ACCESSORS (category, TEXT_CATEGORY)
TEXT_ACCESSORS (printed_category, TEXT_PRINTED_CATEGORY)
TEXT_ACCESSORS (solution, TEXT_SOLUTION)
TEXT_ACCESSORS (qualitative_effect, TEXT_QUALITATIVE_EFFECT)
TEXT_ACCESSORS (policy, TEXT_POLICY)
TEXT_ACCESSORS (efficiency_measure, TEXT_EFFICIENCY_MEASURE)
TEXT_ACCESSORS (notes, TEXT_NOTES)
TEXT_ACCESSORS (ai_applicable, TEXT_AI_APPLICABLE)
TEXT_ACCESSORS (reply_note, TEXT_REPLY_NOTE)

#undef TEXT_ACCESSORS

double
shk_process_get_hours (ShkProcess *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS (self), 0);
  return self->hours;
}

void
shk_process_set_hours (ShkProcess *self,
                       double      hours)
{
  g_return_if_fail (SHK_IS_PROCESS (self));
  /* Callers validate what users type; this only guards the ranking. */
  g_return_if_fail (isfinite (hours) && hours >= 0);

  if (self->hours == hours)
    return;
  self->hours = hours;
  notify_and_emit (self, PROP_HOURS);
}

ShkPriority
shk_process_get_priority (ShkProcess *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS (self), SHK_PRIORITY_UNSET);
  return self->priority;
}

void
shk_process_set_priority (ShkProcess  *self,
                          ShkPriority  priority)
{
  g_return_if_fail (SHK_IS_PROCESS (self));
  g_return_if_fail ((guint) priority < SHK_N_PRIORITIES);

  if (self->priority == priority)
    return;
  self->priority = priority;
  notify_and_emit (self, PROP_PRIORITY);
}

gboolean
shk_process_get_expected_reduction (ShkProcess *self,
                                    double     *hours)
{
  g_return_val_if_fail (SHK_IS_PROCESS (self), FALSE);

  if (!self->has_expected_reduction)
    return FALSE;
  if (hours != NULL)
    *hours = self->expected_reduction;
  return TRUE;
}

void
shk_process_set_expected_reduction (ShkProcess *self,
                                    double      hours)
{
  gboolean had;

  g_return_if_fail (SHK_IS_PROCESS (self));
  g_return_if_fail (isfinite (hours) && hours >= 0);

  if (self->has_expected_reduction && self->expected_reduction == hours)
    return;

  had = self->has_expected_reduction;
  self->has_expected_reduction = TRUE;
  self->expected_reduction = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_REDUCTION]);
  if (!had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_EXPECTED_REDUCTION]);
  emit_changed (self);
}

void
shk_process_unset_expected_reduction (ShkProcess *self)
{
  g_return_if_fail (SHK_IS_PROCESS (self));

  if (!self->has_expected_reduction)
    return;
  self->has_expected_reduction = FALSE;
  self->expected_reduction = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_REDUCTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_EXPECTED_REDUCTION]);
  emit_changed (self);
}

gboolean
shk_process_get_demo_experiment (ShkProcess *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS (self), FALSE);
  return self->demo_experiment;
}

void
shk_process_set_demo_experiment (ShkProcess *self,
                                 gboolean    value)
{
  g_return_if_fail (SHK_IS_PROCESS (self));
  set_boolean (self, &self->demo_experiment, value, PROP_DEMO_EXPERIMENT);
}

gboolean
shk_process_get_deep_dive (ShkProcess *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS (self), FALSE);
  return self->deep_dive;
}

void
shk_process_set_deep_dive (ShkProcess *self,
                           gboolean    value)
{
  g_return_if_fail (SHK_IS_PROCESS (self));
  set_boolean (self, &self->deep_dive, value, PROP_DEEP_DIVE);
}
