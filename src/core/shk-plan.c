/* shk-plan.c — a plan document: the root of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "shk-measure-list.h"
#include "shk-model-private.h"
#include "shk-plan.h"
#include "shk-round.h"

struct _ShkPlan
{
  GObject     parent_instance;

  char       *title;
  char       *organisation;
  char       *reporting_year;
  double      achieved_threshold;
  double      mostly_threshold;

  GListStore     *fiscal_years;
  GListStore     *evaluations;
  GListStore     *policies;
  ShkMeasureList *measures;
  GListStore     *scenarios;
  ShkSurvey      *survey;

  /* The plan this one follows (shk-plan-successor.c); NULL for none. */
  char       *previous_plan;

  ShkRound   *round;
};

G_DEFINE_FINAL_TYPE (ShkPlan, shk_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_REPORTING_YEAR,
  PROP_ACHIEVED_THRESHOLD,
  PROP_MOSTLY_THRESHOLD,
  N_PROPS
};

enum {
  CHANGED,
  MEASURE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (ShkPlan *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Children report through "changed" (measures, scenarios, the survey) or,
 * for the small value objects (years, evaluations, policies), through
 * "notify"; both end up as the plan's one "changed". */
static void
on_child_changed (ShkPlan *self)
{
  emit_changed (self);
}

/* A measure's own change is announced with the measure first, so that
 * whoever keeps per-measure results (ShkGradeIndex) updates that one
 * measure before the views that listen to "changed" read them. Measures
 * call it directly (shk_measure_set_owner()), not through a signal. */
static void
on_measure_changed (gpointer owner,
                    gpointer measure)
{
  ShkPlan *self = owner;

  g_signal_emit (self, signals[MEASURE_CHANGED], 0, measure);
  emit_changed (self);
}

static void
forget_measures (ShkPlan *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->measures));

  /* The measures may outlive the plan in an undo entry. */
  for (guint i = 0; i < n; i++)
    shk_measure_set_owner (shk_measure_list_peek (self->measures, i), NULL, NULL);
}

static void
set_text (ShkPlan     *self,
          char       **field,
          const char  *text,
          guint        prop_id)
{
  if (!shk_model_set_string (field, text))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
shk_plan_dispose (GObject *object)
{
  ShkPlan *self = SHK_PLAN (object);
  GListStore **stores[] = {
    &self->fiscal_years, &self->evaluations, &self->policies, &self->scenarios,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      if (*stores[i] == NULL)
        continue;
      shk_model_list_unwatch_all (*stores[i], G_CALLBACK (on_child_changed), self);
      g_clear_object (stores[i]);
    }
  if (self->measures != NULL)
    {
      forget_measures (self);
      g_clear_object (&self->measures);
    }

  if (self->survey != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->survey, on_child_changed, self);
      g_clear_object (&self->survey);
    }

  G_OBJECT_CLASS (shk_plan_parent_class)->dispose (object);
}

static void
shk_plan_finalize (GObject *object)
{
  ShkPlan *self = SHK_PLAN (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->reporting_year, g_free);
  g_clear_pointer (&self->previous_plan, g_free);
  g_clear_object (&self->round);

  G_OBJECT_CLASS (shk_plan_parent_class)->finalize (object);
}

static void
shk_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ShkPlan *self = SHK_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, shk_plan_get_title (self));
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, shk_plan_get_organisation (self));
      break;
    case PROP_REPORTING_YEAR:
      g_value_set_string (value, self->reporting_year);
      break;
    case PROP_ACHIEVED_THRESHOLD:
      g_value_set_double (value, self->achieved_threshold);
      break;
    case PROP_MOSTLY_THRESHOLD:
      g_value_set_double (value, self->mostly_threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_plan_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ShkPlan *self = SHK_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      shk_plan_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORGANISATION:
      shk_plan_set_organisation (self, g_value_get_string (value));
      break;
    case PROP_REPORTING_YEAR:
      shk_plan_set_reporting_year (self, g_value_get_string (value));
      break;
    case PROP_ACHIEVED_THRESHOLD:
      shk_plan_set_thresholds (self, g_value_get_double (value), self->mostly_threshold);
      break;
    case PROP_MOSTLY_THRESHOLD:
      shk_plan_set_thresholds (self, self->achieved_threshold, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_plan_class_init (ShkPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = shk_plan_dispose;
  object_class->finalize = shk_plan_finalize;
  object_class->get_property = shk_plan_get_property;
  object_class->set_property = shk_plan_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL, flags);
  properties[PROP_REPORTING_YEAR] =
    g_param_spec_string ("reporting-year", NULL, NULL, NULL, flags);
  properties[PROP_ACHIEVED_THRESHOLD] =
    g_param_spec_double ("achieved-threshold", NULL, NULL, 0, G_MAXDOUBLE,
                         SHK_DEFAULT_ACHIEVED_THRESHOLD, flags);
  properties[PROP_MOSTLY_THRESHOLD] =
    g_param_spec_double ("mostly-threshold", NULL, NULL, 0, G_MAXDOUBLE,
                         SHK_DEFAULT_MOSTLY_THRESHOLD, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Emitted just before "changed" when one measure (its texts, figures,
   * indicators or manual grades) changed; not for measures added or
   * removed, which the measures model's "items-changed" tells. */
  signals[MEASURE_CHANGED] =
    g_signal_new ("measure-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SHK_TYPE_MEASURE);
}

static void
on_store_changed (ShkPlan *self)
{
  emit_changed (self);
}

static GListStore *
new_store (ShkPlan *self,
           GType    type)
{
  GListStore *store = g_list_store_new (type);

  g_signal_connect_swapped (store, "items-changed", G_CALLBACK (on_store_changed), self);
  return store;
}

static void
shk_plan_init (ShkPlan *self)
{
  self->achieved_threshold = SHK_DEFAULT_ACHIEVED_THRESHOLD;
  self->mostly_threshold = SHK_DEFAULT_MOSTLY_THRESHOLD;
  self->fiscal_years = new_store (self, SHK_TYPE_FISCAL_YEAR);
  self->evaluations = new_store (self, SHK_TYPE_EVALUATION);
  self->policies = new_store (self, SHK_TYPE_POLICY);
  self->measures = shk_measure_list_new ();
  g_signal_connect_swapped (self->measures, "items-changed", G_CALLBACK (on_store_changed), self);
  self->scenarios = new_store (self, SHK_TYPE_SCENARIO);
  self->survey = shk_survey_new ();
  g_signal_connect_swapped (self->survey, "changed", G_CALLBACK (on_child_changed), self);
  self->round = shk_round_new ();
}

ShkPlan *
shk_plan_new (void)
{
  return g_object_new (SHK_TYPE_PLAN, NULL);
}

const char *
shk_plan_get_title (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return shk_model_string_or_empty (self->title);
}

void
shk_plan_set_title (ShkPlan    *self,
                    const char *title)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  set_text (self, &self->title, title, PROP_TITLE);
}

const char *
shk_plan_get_organisation (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return shk_model_string_or_empty (self->organisation);
}

void
shk_plan_set_organisation (ShkPlan    *self,
                           const char *organisation)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  set_text (self, &self->organisation, organisation, PROP_ORGANISATION);
}

const char *
shk_plan_get_reporting_year (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return self->reporting_year;
}

void
shk_plan_set_reporting_year (ShkPlan    *self,
                             const char *year_id)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  set_text (self, &self->reporting_year, year_id, PROP_REPORTING_YEAR);
}

double
shk_plan_get_achieved_threshold (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), SHK_DEFAULT_ACHIEVED_THRESHOLD);
  return self->achieved_threshold;
}

double
shk_plan_get_mostly_threshold (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), SHK_DEFAULT_MOSTLY_THRESHOLD);
  return self->mostly_threshold;
}

void
shk_plan_set_thresholds (ShkPlan *self,
                         double   achieved,
                         double   mostly)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  /* The file reader and the views check these and say why; reaching here
   * with bad values is a programming error. */
  g_return_if_fail (isfinite (achieved) && isfinite (mostly));
  g_return_if_fail (mostly >= 0 && mostly <= achieved);

  if (self->achieved_threshold == achieved && self->mostly_threshold == mostly)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->achieved_threshold != achieved)
    {
      self->achieved_threshold = achieved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACHIEVED_THRESHOLD]);
    }
  if (self->mostly_threshold != mostly)
    {
      self->mostly_threshold = mostly;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOSTLY_THRESHOLD]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);
}

GListModel *
shk_plan_get_fiscal_years (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->fiscal_years);
}

GListModel *
shk_plan_get_evaluations (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->evaluations);
}

GListModel *
shk_plan_get_policies (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->policies);
}

GListModel *
shk_plan_get_measures (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->measures);
}

GListModel *
shk_plan_get_scenarios (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->scenarios);
}

ShkSurvey *
shk_plan_get_survey (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return self->survey;
}

void
shk_plan_append_fiscal_year (ShkPlan       *self,
                             ShkFiscalYear *year)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  g_return_if_fail (SHK_IS_FISCAL_YEAR (year));
  shk_model_list_insert (self->fiscal_years, G_MAXUINT, year, G_CALLBACK (on_child_changed), self);
}

void
shk_plan_append_evaluation (ShkPlan       *self,
                            ShkEvaluation *evaluation)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  g_return_if_fail (SHK_IS_EVALUATION (evaluation));
  shk_model_list_insert (self->evaluations, G_MAXUINT, evaluation, G_CALLBACK (on_child_changed), self);
}

void
shk_plan_append_policy (ShkPlan   *self,
                        ShkPolicy *policy)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  g_return_if_fail (SHK_IS_POLICY (policy));
  shk_model_list_insert (self->policies, G_MAXUINT, policy, G_CALLBACK (on_child_changed), self);
}

void
shk_plan_append_measure (ShkPlan    *self,
                         ShkMeasure *measure)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  shk_plan_insert_measure (self, G_MAXUINT, measure);
}

void
shk_plan_insert_measure (ShkPlan    *self,
                         guint       position,
                         ShkMeasure *measure)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  shk_measure_set_owner (measure, on_measure_changed, self);
  shk_measure_list_insert (self->measures, position, measure);
}

void
shk_plan_remove_measure (ShkPlan *self,
                         guint    position)
{
  g_autoptr(ShkMeasure) measure = NULL;

  g_return_if_fail (SHK_IS_PLAN (self));

  measure = g_list_model_get_item (G_LIST_MODEL (self->measures), position);
  g_return_if_fail (measure != NULL);

  shk_measure_set_owner (measure, NULL, NULL);
  shk_measure_list_remove (self->measures, position);
}

void
shk_plan_append_scenario (ShkPlan     *self,
                          ShkScenario *scenario)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  shk_plan_insert_scenario (self, G_MAXUINT, scenario);
}

void
shk_plan_insert_scenario (ShkPlan     *self,
                          guint        position,
                          ShkScenario *scenario)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));
  shk_model_list_insert (self->scenarios, position, scenario, G_CALLBACK (on_child_changed), self);
}

void
shk_plan_remove_scenario (ShkPlan *self,
                          guint    position)
{
  g_return_if_fail (SHK_IS_PLAN (self));
  shk_model_list_remove (self->scenarios, position, G_CALLBACK (on_child_changed), self);
}

ShkFiscalYear *
shk_plan_find_fiscal_year (ShkPlan    *self,
                           const char *id)
{
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);

  if (id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->fiscal_years));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (G_LIST_MODEL (self->fiscal_years), i);

      if (g_str_equal (shk_fiscal_year_get_id (year), id))
        return year;   /* the store keeps a reference */
    }
  return NULL;
}

ShkEvaluation *
shk_plan_find_evaluation (ShkPlan    *self,
                          const char *id)
{
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);

  if (id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->evaluations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (G_LIST_MODEL (self->evaluations), i);

      if (g_str_equal (shk_evaluation_get_id (evaluation), id))
        return evaluation;
    }
  return NULL;
}

ShkPolicy *
shk_plan_find_policy (ShkPlan *self,
                      guint    number)
{
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->policies));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkPolicy) policy = g_list_model_get_item (G_LIST_MODEL (self->policies), i);

      if (shk_policy_get_number (policy) == number)
        return policy;
    }
  return NULL;
}

ShkMeasure *
shk_plan_find_measure (ShkPlan *self,
                       guint    number,
                       guint   *position)
{
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->measures));
  for (guint i = 0; i < n; i++)
    {
      ShkMeasure *measure = shk_measure_list_peek (self->measures, i);

      if (shk_measure_get_number (measure) == number)
        {
          if (position != NULL)
            *position = i;
          return measure;
        }
    }
  return NULL;
}

ShkFiscalYear *
shk_plan_get_final_year (ShkPlan *self)
{
  g_autoptr(ShkFiscalYear) year = NULL;
  guint n;

  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->fiscal_years));
  if (n == 0)
    return NULL;
  year = g_list_model_get_item (G_LIST_MODEL (self->fiscal_years), n - 1);
  return year;
}

guint
shk_plan_get_next_measure_number (ShkPlan *self)
{
  guint n, highest = 0;

  g_return_val_if_fail (SHK_IS_PLAN (self), 1);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->measures));
  for (guint i = 0; i < n; i++)
    {
      ShkMeasure *measure = shk_measure_list_peek (self->measures, i);
      highest = MAX (highest, shk_measure_get_number (measure));
    }
  return highest + 1;
}

double
shk_plan_get_scenario_hours_saved (ShkPlan     *self,
                                   ShkScenario *scenario)
{
  const char * const *ids;
  double hours = 0;

  g_return_val_if_fail (SHK_IS_PLAN (self), 0);
  g_return_val_if_fail (SHK_IS_SCENARIO (scenario), 0);

  if (shk_scenario_get_hours_saved (scenario, &hours))
    return hours;

  /* A linked process that is gone, or has no estimate, adds nothing: the
   * scenario editor shows which ones those are. */
  ids = shk_scenario_get_process_ids (scenario);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ShkProcess *process = shk_survey_find_process (self->survey, ids[i]);
      double reduction;

      if (process != NULL && shk_process_get_expected_reduction (process, &reduction))
        hours += reduction;
    }
  return hours;
}

const char *
shk_plan_get_previous_plan (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);
  return self->previous_plan;
}

void
shk_plan_set_previous_plan (ShkPlan    *self,
                            const char *title)
{
  g_return_if_fail (SHK_IS_PLAN (self));

  if (shk_model_set_string (&self->previous_plan, title))
    emit_changed (self);
}

ShkRound *
shk_plan_get_round (ShkPlan *self)
{
  g_return_val_if_fail (SHK_IS_PLAN (self), NULL);

  return self->round;
}
