/* shk-evaluation.c — one column of the grade summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-evaluation.h"
#include "shk-model-private.h"

struct _ShkEvaluation
{
  GObject  parent_instance;

  char    *id;
  char    *actual_year;
  char    *target_year;
  char    *label;
};

G_DEFINE_FINAL_TYPE (ShkEvaluation, shk_evaluation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTUAL_YEAR,
  PROP_TARGET_YEAR,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shk_evaluation_finalize (GObject *object)
{
  ShkEvaluation *self = SHK_EVALUATION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->actual_year, g_free);
  g_clear_pointer (&self->target_year, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (shk_evaluation_parent_class)->finalize (object);
}

static void
shk_evaluation_constructed (GObject *object)
{
  ShkEvaluation *self = SHK_EVALUATION (object);

  G_OBJECT_CLASS (shk_evaluation_parent_class)->constructed (object);

  /* The id is derived, never stored apart, so it cannot disagree. */
  self->id = g_strdup_printf ("%s/%s",
                              shk_model_string_or_empty (self->actual_year),
                              shk_model_string_or_empty (self->target_year));
}

static void
shk_evaluation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShkEvaluation *self = SHK_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ACTUAL_YEAR:
      g_value_set_string (value, self->actual_year);
      break;
    case PROP_TARGET_YEAR:
      g_value_set_string (value, self->target_year);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_evaluation_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShkEvaluation *self = SHK_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_ACTUAL_YEAR:
      self->actual_year = g_value_dup_string (value);
      break;
    case PROP_TARGET_YEAR:
      self->target_year = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      shk_evaluation_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_evaluation_class_init (ShkEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_evaluation_finalize;
  object_class->constructed = shk_evaluation_constructed;
  object_class->get_property = shk_evaluation_get_property;
  object_class->set_property = shk_evaluation_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTUAL_YEAR] =
    g_param_spec_string ("actual-year", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_YEAR] =
    g_param_spec_string ("target-year", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shk_evaluation_init (ShkEvaluation *self)
{
}

ShkEvaluation *
shk_evaluation_new (const char *actual_year,
                    const char *target_year)
{
  g_return_val_if_fail (actual_year != NULL, NULL);
  g_return_val_if_fail (target_year != NULL, NULL);

  return g_object_new (SHK_TYPE_EVALUATION,
                       "actual-year", actual_year,
                       "target-year", target_year,
                       NULL);
}

const char *
shk_evaluation_get_id (ShkEvaluation *self)
{
  g_return_val_if_fail (SHK_IS_EVALUATION (self), NULL);
  return self->id;
}

const char *
shk_evaluation_get_actual_year (ShkEvaluation *self)
{
  g_return_val_if_fail (SHK_IS_EVALUATION (self), NULL);
  return shk_model_string_or_empty (self->actual_year);
}

const char *
shk_evaluation_get_target_year (ShkEvaluation *self)
{
  g_return_val_if_fail (SHK_IS_EVALUATION (self), NULL);
  return shk_model_string_or_empty (self->target_year);
}

const char *
shk_evaluation_get_label (ShkEvaluation *self)
{
  g_return_val_if_fail (SHK_IS_EVALUATION (self), NULL);
  return self->label;
}

void
shk_evaluation_set_label (ShkEvaluation *self,
                          const char    *label)
{
  g_return_if_fail (SHK_IS_EVALUATION (self));

  if (shk_model_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
shk_evaluation_is_progress (ShkEvaluation *self)
{
  g_return_val_if_fail (SHK_IS_EVALUATION (self), FALSE);
  return g_strcmp0 (self->actual_year, self->target_year) == 0;
}
