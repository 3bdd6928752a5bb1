/* shk-policy.c — a policy (施策) that groups measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-model-private.h"
#include "shk-policy.h"

struct _ShkPolicy
{
  GObject  parent_instance;

  guint    number;
  char    *name;
};

G_DEFINE_FINAL_TYPE (ShkPolicy, shk_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shk_policy_finalize (GObject *object)
{
  ShkPolicy *self = SHK_POLICY (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (shk_policy_parent_class)->finalize (object);
}

static void
shk_policy_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ShkPolicy *self = SHK_POLICY (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_NAME:
      g_value_set_string (value, shk_policy_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_policy_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ShkPolicy *self = SHK_POLICY (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      shk_policy_set_number (self, g_value_get_uint (value));
      break;
    case PROP_NAME:
      shk_policy_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_policy_class_init (ShkPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_policy_finalize;
  object_class->get_property = shk_policy_get_property;
  object_class->set_property = shk_policy_set_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shk_policy_init (ShkPolicy *self)
{
}

ShkPolicy *
shk_policy_new (guint       number,
                const char *name)
{
  return g_object_new (SHK_TYPE_POLICY, "number", number, "name", name, NULL);
}

guint
shk_policy_get_number (ShkPolicy *self)
{
  g_return_val_if_fail (SHK_IS_POLICY (self), 0);
  return self->number;
}

void
shk_policy_set_number (ShkPolicy *self,
                       guint      number)
{
  g_return_if_fail (SHK_IS_POLICY (self));

  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
shk_policy_get_name (ShkPolicy *self)
{
  g_return_val_if_fail (SHK_IS_POLICY (self), NULL);
  return shk_model_string_or_empty (self->name);
}

void
shk_policy_set_name (ShkPolicy  *self,
                     const char *name)
{
  g_return_if_fail (SHK_IS_POLICY (self));

  if (shk_model_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
