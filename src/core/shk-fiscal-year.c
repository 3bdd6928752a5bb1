/* shk-fiscal-year.c — one fiscal year of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-fiscal-year.h"
#include "shk-model-private.h"

struct _ShkFiscalYear
{
  GObject  parent_instance;

  char    *id;
  char    *label;
};

G_DEFINE_FINAL_TYPE (ShkFiscalYear, shk_fiscal_year, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shk_fiscal_year_finalize (GObject *object)
{
  ShkFiscalYear *self = SHK_FISCAL_YEAR (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (shk_fiscal_year_parent_class)->finalize (object);
}

static void
shk_fiscal_year_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ShkFiscalYear *self = SHK_FISCAL_YEAR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, shk_fiscal_year_get_id (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, shk_fiscal_year_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_fiscal_year_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ShkFiscalYear *self = SHK_FISCAL_YEAR (object);

  switch (prop_id)
    {
    case PROP_ID:
      /* Construct-only: the id is how targets and actuals are keyed. */
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      shk_fiscal_year_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_fiscal_year_class_init (ShkFiscalYearClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_fiscal_year_finalize;
  object_class->get_property = shk_fiscal_year_get_property;
  object_class->set_property = shk_fiscal_year_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shk_fiscal_year_init (ShkFiscalYear *self)
{
}

ShkFiscalYear *
shk_fiscal_year_new (const char *id,
                     const char *label)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (SHK_TYPE_FISCAL_YEAR, "id", id, "label", label, NULL);
}

const char *
shk_fiscal_year_get_id (ShkFiscalYear *self)
{
  g_return_val_if_fail (SHK_IS_FISCAL_YEAR (self), NULL);
  return shk_model_string_or_empty (self->id);
}

const char *
shk_fiscal_year_get_label (ShkFiscalYear *self)
{
  g_return_val_if_fail (SHK_IS_FISCAL_YEAR (self), NULL);
  return self->label != NULL ? self->label : shk_fiscal_year_get_id (self);
}

void
shk_fiscal_year_set_label (ShkFiscalYear *self,
                           const char    *label)
{
  g_return_if_fail (SHK_IS_FISCAL_YEAR (self));

  if (shk_model_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
