/* shk-cost-item.c — one line of a scenario's costs, an amount per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-cost-item.h"
#include "shk-model-private.h"

struct _ShkCostItem
{
  GObject  parent_instance;

  char    *name;
  GArray  *amounts;   /* double, one per year of the scenario */
};

G_DEFINE_FINAL_TYPE (ShkCostItem, shk_cost_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_YEARS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
shk_cost_item_finalize (GObject *object)
{
  ShkCostItem *self = SHK_COST_ITEM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->amounts, g_array_unref);

  G_OBJECT_CLASS (shk_cost_item_parent_class)->finalize (object);
}

static void
shk_cost_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShkCostItem *self = SHK_COST_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, shk_cost_item_get_name (self));
      break;
    case PROP_N_YEARS:
      g_value_set_uint (value, self->amounts->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_cost_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShkCostItem *self = SHK_COST_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      shk_cost_item_set_name (self, g_value_get_string (value));
      break;
    case PROP_N_YEARS:
      shk_cost_item_set_n_years (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_cost_item_class_init (ShkCostItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = shk_cost_item_finalize;
  object_class->get_property = shk_cost_item_get_property;
  object_class->set_property = shk_cost_item_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_N_YEARS] =
    g_param_spec_uint ("n-years", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_cost_item_init (ShkCostItem *self)
{
  self->amounts = g_array_new (FALSE, TRUE, sizeof (double));
}

ShkCostItem *
shk_cost_item_new (const char *name,
                   guint       n_years)
{
  return g_object_new (SHK_TYPE_COST_ITEM, "name", name, "n-years", n_years, NULL);
}

ShkCostItem *
shk_cost_item_copy (ShkCostItem *self)
{
  ShkCostItem *copy;

  g_return_val_if_fail (SHK_IS_COST_ITEM (self), NULL);

  copy = shk_cost_item_new (self->name, self->amounts->len);
  for (guint i = 0; i < self->amounts->len; i++)
    g_array_index (copy->amounts, double, i) = g_array_index (self->amounts, double, i);
  return copy;
}

const char *
shk_cost_item_get_name (ShkCostItem *self)
{
  g_return_val_if_fail (SHK_IS_COST_ITEM (self), NULL);
  return shk_model_string_or_empty (self->name);
}

void
shk_cost_item_set_name (ShkCostItem *self,
                        const char  *name)
{
  g_return_if_fail (SHK_IS_COST_ITEM (self));

  if (!shk_model_set_string (&self->name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
shk_cost_item_get_n_years (ShkCostItem *self)
{
  g_return_val_if_fail (SHK_IS_COST_ITEM (self), 0);
  return self->amounts->len;
}

void
shk_cost_item_set_n_years (ShkCostItem *self,
                           guint        n_years)
{
  g_return_if_fail (SHK_IS_COST_ITEM (self));

  if (self->amounts->len == n_years)
    return;
  /* The array was made with clear_ set, so added years start at 0 yen. */
  g_array_set_size (self->amounts, n_years);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_YEARS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

double
shk_cost_item_get_amount (ShkCostItem *self,
                          guint        index)
{
  g_return_val_if_fail (SHK_IS_COST_ITEM (self), 0);

  if (index >= self->amounts->len)
    return 0;
  return g_array_index (self->amounts, double, index);
}

void
shk_cost_item_set_amount (ShkCostItem *self,
                          guint        index,
                          double       amount)
{
  g_return_if_fail (SHK_IS_COST_ITEM (self));
  g_return_if_fail (index < self->amounts->len);

  if (g_array_index (self->amounts, double, index) == amount)
    return;
  g_array_index (self->amounts, double, index) = amount;
  g_signal_emit (self, signals[CHANGED], 0);
}
