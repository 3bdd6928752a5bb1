/* shk-scenario.c — a payback (cost-benefit) scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shk-model-private.h"
#include "shk-scenario.h"

struct _ShkScenario
{
  GObject     parent_instance;

  char       *name;
  char       *description;
  GStrv       years;
  GStrv       process_ids;
  double      hourly_rate;
  gboolean    has_hours_saved;
  double      hours_saved;
  guint       savings_start;
  guint       first_year_months;
  double      discount_rate;

  GListStore *cost_items;
};

G_DEFINE_FINAL_TYPE (ShkScenario, shk_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_HOURLY_RATE,
  PROP_HOURS_SAVED,
  PROP_HAS_HOURS_SAVED,
  PROP_SAVINGS_START,
  PROP_FIRST_YEAR_MONTHS,
  PROP_DISCOUNT_RATE,
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
emit_changed (ShkScenario *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_and_emit (ShkScenario *self,
                 guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
on_cost_item_changed (ShkScenario *self)
{
  emit_changed (self);
}

static void
on_cost_items_changed (ShkScenario *self)
{
  emit_changed (self);
}

static void
shk_scenario_dispose (GObject *object)
{
  ShkScenario *self = SHK_SCENARIO (object);

  if (self->cost_items != NULL)
    {
      shk_model_list_unwatch_all (self->cost_items, G_CALLBACK (on_cost_item_changed), self);
      g_clear_object (&self->cost_items);
    }

  G_OBJECT_CLASS (shk_scenario_parent_class)->dispose (object);
}

static void
shk_scenario_finalize (GObject *object)
{
  ShkScenario *self = SHK_SCENARIO (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->years, g_strfreev);
  g_clear_pointer (&self->process_ids, g_strfreev);

  G_OBJECT_CLASS (shk_scenario_parent_class)->finalize (object);
}

static void
shk_scenario_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ShkScenario *self = SHK_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, shk_scenario_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, shk_scenario_get_description (self));
      break;
    case PROP_HOURLY_RATE:
      g_value_set_double (value, self->hourly_rate);
      break;
    case PROP_HOURS_SAVED:
      g_value_set_double (value, self->has_hours_saved ? self->hours_saved : 0);
      break;
    case PROP_HAS_HOURS_SAVED:
      g_value_set_boolean (value, self->has_hours_saved);
      break;
    case PROP_SAVINGS_START:
      g_value_set_uint (value, self->savings_start);
      break;
    case PROP_FIRST_YEAR_MONTHS:
      g_value_set_uint (value, self->first_year_months);
      break;
    case PROP_DISCOUNT_RATE:
      g_value_set_double (value, self->discount_rate);
      break;
    case PROP_N_YEARS:
      g_value_set_uint (value, shk_scenario_get_n_years (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_scenario_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ShkScenario *self = SHK_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      shk_scenario_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      shk_scenario_set_description (self, g_value_get_string (value));
      break;
    case PROP_HOURLY_RATE:
      shk_scenario_set_hourly_rate (self, g_value_get_double (value));
      break;
    case PROP_HOURS_SAVED:
      shk_scenario_set_hours_saved (self, g_value_get_double (value));
      break;
    case PROP_HAS_HOURS_SAVED:
      if (!g_value_get_boolean (value))
        shk_scenario_unset_hours_saved (self);
      else if (!self->has_hours_saved)
        shk_scenario_set_hours_saved (self, 0);
      break;
    case PROP_SAVINGS_START:
      shk_scenario_set_savings_start (self, g_value_get_uint (value));
      break;
    case PROP_FIRST_YEAR_MONTHS:
      shk_scenario_set_first_year_months (self, g_value_get_uint (value));
      break;
    case PROP_DISCOUNT_RATE:
      shk_scenario_set_discount_rate (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_scenario_class_init (ShkScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = shk_scenario_dispose;
  object_class->finalize = shk_scenario_finalize;
  object_class->get_property = shk_scenario_get_property;
  object_class->set_property = shk_scenario_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  /* Ranges are wide on purpose: the payback engine's validation gives the
   * user a located message, a GParamSpec range would only warn. */
  properties[PROP_HOURLY_RATE] =
    g_param_spec_double ("hourly-rate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_HOURS_SAVED] =
    g_param_spec_double ("hours-saved", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_HAS_HOURS_SAVED] =
    g_param_spec_boolean ("has-hours-saved", NULL, NULL, FALSE, flags);
  properties[PROP_SAVINGS_START] =
    g_param_spec_uint ("savings-start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FIRST_YEAR_MONTHS] =
    g_param_spec_uint ("first-year-months", NULL, NULL, 0, 12, 12, flags);
  properties[PROP_DISCOUNT_RATE] =
    g_param_spec_double ("discount-rate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_N_YEARS] =
    g_param_spec_uint ("n-years", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_scenario_init (ShkScenario *self)
{
  self->years = g_new0 (char *, 1);
  self->process_ids = g_new0 (char *, 1);
  self->first_year_months = 12;
  self->cost_items = g_list_store_new (SHK_TYPE_COST_ITEM);
  g_signal_connect_swapped (self->cost_items, "items-changed",
                            G_CALLBACK (on_cost_items_changed), self);
}

ShkScenario *
shk_scenario_new (const char *name)
{
  return g_object_new (SHK_TYPE_SCENARIO, "name", name, NULL);
}

ShkScenario *
shk_scenario_copy (ShkScenario *self)
{
  ShkScenario *copy;
  guint n;

  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);

  copy = shk_scenario_new (self->name);
  copy->description = g_strdup (self->description);
  g_strfreev (copy->years);
  copy->years = g_strdupv (self->years);
  g_strfreev (copy->process_ids);
  copy->process_ids = g_strdupv (self->process_ids);
  copy->hourly_rate = self->hourly_rate;
  copy->has_hours_saved = self->has_hours_saved;
  copy->hours_saved = self->hours_saved;
  copy->savings_start = self->savings_start;
  copy->first_year_months = self->first_year_months;
  copy->discount_rate = self->discount_rate;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cost_items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkCostItem) item = g_list_model_get_item (G_LIST_MODEL (self->cost_items), i);
      g_autoptr(ShkCostItem) item_copy = shk_cost_item_copy (item);

      shk_scenario_append_cost_item (copy, item_copy);
    }
  return copy;
}

const char *
shk_scenario_get_name (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);
  return shk_model_string_or_empty (self->name);
}

void
shk_scenario_set_name (ShkScenario *self,
                       const char  *name)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (shk_model_set_string (&self->name, name))
    notify_and_emit (self, PROP_NAME);
}

const char *
shk_scenario_get_description (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);
  return shk_model_string_or_empty (self->description);
}

void
shk_scenario_set_description (ShkScenario *self,
                              const char  *text)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (shk_model_set_string (&self->description, text))
    notify_and_emit (self, PROP_DESCRIPTION);
}

const char * const *
shk_scenario_get_years (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);
  return (const char * const *) self->years;
}

guint
shk_scenario_get_n_years (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), 0);
  return g_strv_length (self->years);
}

void
shk_scenario_set_years (ShkScenario        *self,
                        const char * const *years)
{
  guint n_years, n_items;
  static const char * const none[] = { NULL };

  if (years == NULL)
    years = none;
  if (g_strv_equal ((const char * const *) self->years, years))
    return;

  g_strfreev (self->years);
  self->years = g_strdupv ((char **) years);
  n_years = g_strv_length (self->years);

  /* Every cost item has exactly one amount per year of the horizon. The
   * items report their own change; the scenario reports once after. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->cost_items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ShkCostItem) item = g_list_model_get_item (G_LIST_MODEL (self->cost_items), i);

      g_signal_handlers_block_by_func (item, on_cost_item_changed, self);
      shk_cost_item_set_n_years (item, n_years);
      g_signal_handlers_unblock_by_func (item, on_cost_item_changed, self);
    }

  notify_and_emit (self, PROP_N_YEARS);
}

char *
shk_scenario_dup_year_label (ShkScenario *self,
                             guint        index)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (index < shk_scenario_get_n_years (self), NULL);

  /* TRANSLATORS: the ordinal year of a scenario and its fiscal year, as in
   * the handouts: "4年目(R5)" */
  return g_strdup_printf (_("Year %u (%s)"), index + 1, self->years[index]);
}

const char * const *
shk_scenario_get_process_ids (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);
  return (const char * const *) self->process_ids;
}

void
shk_scenario_set_process_ids (ShkScenario        *self,
                              const char * const *ids)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (ids == NULL)
    ids = none;
  if (g_strv_equal ((const char * const *) self->process_ids, ids))
    return;

  g_strfreev (self->process_ids);
  self->process_ids = g_strdupv ((char **) ids);
  emit_changed (self);
}

double
shk_scenario_get_hourly_rate (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), 0);
  return self->hourly_rate;
}

void
shk_scenario_set_hourly_rate (ShkScenario *self,
                              double       rate)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (self->hourly_rate == rate)
    return;
  self->hourly_rate = rate;
  notify_and_emit (self, PROP_HOURLY_RATE);
}

gboolean
shk_scenario_get_hours_saved (ShkScenario *self,
                              double      *hours)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), FALSE);

  if (!self->has_hours_saved)
    return FALSE;
  if (hours != NULL)
    *hours = self->hours_saved;
  return TRUE;
}

void
shk_scenario_set_hours_saved (ShkScenario *self,
                              double       hours)
{
  gboolean had;

  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (self->has_hours_saved && self->hours_saved == hours)
    return;

  had = self->has_hours_saved;
  self->has_hours_saved = TRUE;
  self->hours_saved = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS_SAVED]);
  if (!had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_HOURS_SAVED]);
  emit_changed (self);
}

void
shk_scenario_unset_hours_saved (ShkScenario *self)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (!self->has_hours_saved)
    return;
  self->has_hours_saved = FALSE;
  self->hours_saved = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS_SAVED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_HOURS_SAVED]);
  emit_changed (self);
}

guint
shk_scenario_get_savings_start (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), 0);
  return self->savings_start;
}

void
shk_scenario_set_savings_start (ShkScenario *self,
                                guint        index)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (self->savings_start == index)
    return;
  self->savings_start = index;
  notify_and_emit (self, PROP_SAVINGS_START);
}

guint
shk_scenario_get_first_year_months (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), 12);
  return self->first_year_months;
}

void
shk_scenario_set_first_year_months (ShkScenario *self,
                                    guint        months)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));
  g_return_if_fail (months <= 12);

  if (self->first_year_months == months)
    return;
  self->first_year_months = months;
  notify_and_emit (self, PROP_FIRST_YEAR_MONTHS);
}

double
shk_scenario_get_discount_rate (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), 0);
  return self->discount_rate;
}

void
shk_scenario_set_discount_rate (ShkScenario *self,
                                double       rate)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));

  if (self->discount_rate == rate)
    return;
  self->discount_rate = rate;
  notify_and_emit (self, PROP_DISCOUNT_RATE);
}

GListModel *
shk_scenario_get_cost_items (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);
  return G_LIST_MODEL (self->cost_items);
}

guint
shk_scenario_get_n_cost_items (ShkScenario *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->cost_items));
}

ShkCostItem *
shk_scenario_peek_cost_item (ShkScenario *self,
                             guint        index)
{
  g_autoptr(ShkCostItem) item = NULL;

  g_return_val_if_fail (SHK_IS_SCENARIO (self), NULL);

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->cost_items)))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->cost_items), index);
  return item;   /* the store keeps its own reference */
}

void
shk_scenario_append_cost_item (ShkScenario *self,
                               ShkCostItem *item)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));
  shk_scenario_insert_cost_item (self, G_MAXUINT, item);
}

void
shk_scenario_insert_cost_item (ShkScenario *self,
                               guint        position,
                               ShkCostItem *item)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));
  g_return_if_fail (SHK_IS_COST_ITEM (item));

  /* An item from another horizon (pasted, or restored by undo after the
   * years changed) is fitted to this one. */
  shk_cost_item_set_n_years (item, shk_scenario_get_n_years (self));

  shk_model_list_insert (self->cost_items, position, item,
                         G_CALLBACK (on_cost_item_changed), self);
}

void
shk_scenario_remove_cost_item (ShkScenario *self,
                               guint        position)
{
  g_return_if_fail (SHK_IS_SCENARIO (self));

  shk_model_list_remove (self->cost_items, position, G_CALLBACK (on_cost_item_changed), self);
}

double
shk_scenario_get_cost (ShkScenario *self,
                       guint        index)
{
  GListModel *items;
  guint n;
  double total = 0;

  g_return_val_if_fail (SHK_IS_SCENARIO (self), 0);

  items = G_LIST_MODEL (self->cost_items);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkCostItem) item = g_list_model_get_item (items, i);
      total += shk_cost_item_get_amount (item, index);
    }
  return total;
}
