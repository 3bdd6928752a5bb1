/* shk-survey.c — the AI/RPA survey: its totals and the listed processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "shk-model-private.h"
#include "shk-survey.h"

struct _ShkSurvey
{
  GObject     parent_instance;

  char       *title;
  guint       total_sections;
  guint       total_businesses;
  guint       unlisted_processes;
  double      unlisted_hours;
  double      listing_threshold;

  GListStore *processes;
};

G_DEFINE_FINAL_TYPE (ShkSurvey, shk_survey, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TOTAL_SECTIONS,
  PROP_TOTAL_BUSINESSES,
  PROP_TOTAL_PROCESSES,
  PROP_TOTAL_HOURS,
  PROP_UNLISTED_PROCESSES,
  PROP_UNLISTED_HOURS,
  PROP_LISTING_THRESHOLD,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (ShkSurvey *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_and_emit (ShkSurvey *self,
                 guint      prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
set_uint (ShkSurvey *self,
          guint     *field,
          guint      value,
          guint      prop_id)
{
  if (*field == value)
    return;
  *field = value;
  notify_and_emit (self, prop_id);
}

static void
set_double (ShkSurvey *self,
            double    *field,
            double     value,
            guint      prop_id)
{
  g_return_if_fail (isfinite (value) && value >= 0);

  if (*field == value)
    return;
  *field = value;
  notify_and_emit (self, prop_id);
}

/* The totals are computed from the remainder: a new remainder is a new
 * total too, with one "changed" for both. */
static void
set_unlisted_processes (ShkSurvey *self,
                        guint      n)
{
  if (self->unlisted_processes == n)
    return;
  self->unlisted_processes = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNLISTED_PROCESSES]);
  notify_and_emit (self, PROP_TOTAL_PROCESSES);
}

static void
set_unlisted_hours (ShkSurvey *self,
                    double     hours)
{
  g_return_if_fail (isfinite (hours) && hours >= 0);

  if (self->unlisted_hours == hours)
    return;
  self->unlisted_hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNLISTED_HOURS]);
  notify_and_emit (self, PROP_TOTAL_HOURS);
}

static void
on_process_changed (ShkSurvey *self)
{
  emit_changed (self);
}

static void
on_processes_changed (ShkSurvey *self)
{
  emit_changed (self);
}

static void
shk_survey_dispose (GObject *object)
{
  ShkSurvey *self = SHK_SURVEY (object);

  if (self->processes != NULL)
    {
      shk_model_list_unwatch_all (self->processes, G_CALLBACK (on_process_changed), self);
      g_clear_object (&self->processes);
    }

  G_OBJECT_CLASS (shk_survey_parent_class)->dispose (object);
}

static void
shk_survey_finalize (GObject *object)
{
  ShkSurvey *self = SHK_SURVEY (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (shk_survey_parent_class)->finalize (object);
}

static void
shk_survey_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ShkSurvey *self = SHK_SURVEY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, shk_survey_get_title (self));
      break;
    case PROP_TOTAL_SECTIONS:
      g_value_set_uint (value, self->total_sections);
      break;
    case PROP_TOTAL_BUSINESSES:
      g_value_set_uint (value, self->total_businesses);
      break;
    case PROP_TOTAL_PROCESSES:
      g_value_set_uint (value, shk_survey_get_total_processes (self));
      break;
    case PROP_TOTAL_HOURS:
      g_value_set_double (value, shk_survey_get_total_hours (self));
      break;
    case PROP_UNLISTED_PROCESSES:
      g_value_set_uint (value, self->unlisted_processes);
      break;
    case PROP_UNLISTED_HOURS:
      g_value_set_double (value, self->unlisted_hours);
      break;
    case PROP_LISTING_THRESHOLD:
      g_value_set_double (value, self->listing_threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_survey_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ShkSurvey *self = SHK_SURVEY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      shk_survey_set_title (self, g_value_get_string (value));
      break;
    case PROP_TOTAL_SECTIONS:
      set_uint (self, &self->total_sections, g_value_get_uint (value), prop_id);
      break;
    case PROP_TOTAL_BUSINESSES:
      set_uint (self, &self->total_businesses, g_value_get_uint (value), prop_id);
      break;
    case PROP_TOTAL_PROCESSES:
      shk_survey_set_total_processes (self, g_value_get_uint (value));
      break;
    case PROP_TOTAL_HOURS:
      shk_survey_set_total_hours (self, g_value_get_double (value));
      break;
    case PROP_UNLISTED_PROCESSES:
      set_unlisted_processes (self, g_value_get_uint (value));
      break;
    case PROP_UNLISTED_HOURS:
      set_unlisted_hours (self, g_value_get_double (value));
      break;
    case PROP_LISTING_THRESHOLD:
      set_double (self, &self->listing_threshold, g_value_get_double (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_survey_class_init (ShkSurveyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = shk_survey_dispose;
  object_class->finalize = shk_survey_finalize;
  object_class->get_property = shk_survey_get_property;
  object_class->set_property = shk_survey_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL_SECTIONS] =
    g_param_spec_uint ("total-sections", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL_BUSINESSES] =
    g_param_spec_uint ("total-businesses", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL_PROCESSES] =
    g_param_spec_uint ("total-processes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL_HOURS] =
    g_param_spec_double ("total-hours", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_UNLISTED_PROCESSES] =
    g_param_spec_uint ("unlisted-processes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_UNLISTED_HOURS] =
    g_param_spec_double ("unlisted-hours", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_LISTING_THRESHOLD] =
    g_param_spec_double ("listing-threshold", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_survey_init (ShkSurvey *self)
{
  self->processes = g_list_store_new (SHK_TYPE_PROCESS);
  g_signal_connect_swapped (self->processes, "items-changed",
                            G_CALLBACK (on_processes_changed), self);
}

ShkSurvey *
shk_survey_new (void)
{
  return g_object_new (SHK_TYPE_SURVEY, NULL);
}

const char *
shk_survey_get_title (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), NULL);
  return shk_model_string_or_empty (self->title);
}

void
shk_survey_set_title (ShkSurvey  *self,
                      const char *title)
{
  g_return_if_fail (SHK_IS_SURVEY (self));

  if (shk_model_set_string (&self->title, title))
    notify_and_emit (self, PROP_TITLE);
}

guint
shk_survey_get_total_sections (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);
  return self->total_sections;
}

void
shk_survey_set_total_sections (ShkSurvey *self,
                               guint      n)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  set_uint (self, &self->total_sections, n, PROP_TOTAL_SECTIONS);
}

guint
shk_survey_get_total_businesses (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);
  return self->total_businesses;
}

void
shk_survey_set_total_businesses (ShkSurvey *self,
                                 guint      n)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  set_uint (self, &self->total_businesses, n, PROP_TOTAL_BUSINESSES);
}

guint
shk_survey_get_unlisted_processes (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);
  return self->unlisted_processes;
}

void
shk_survey_set_unlisted_processes (ShkSurvey *self,
                                   guint      n)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  set_unlisted_processes (self, n);
}

double
shk_survey_get_unlisted_hours (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);
  return self->unlisted_hours;
}

void
shk_survey_set_unlisted_hours (ShkSurvey *self,
                               double     hours)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  set_unlisted_hours (self, hours);
}

guint
shk_survey_get_total_processes (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->processes)) + self->unlisted_processes;
}

double
shk_survey_get_listed_hours (ShkSurvey *self)
{
  GListModel *model;
  double hours = 0.0;

  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);

  model = G_LIST_MODEL (self->processes);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (model, i);

      hours += MAX (shk_process_get_hours (process), 0.0);
    }
  return hours;
}

double
shk_survey_get_total_hours (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);
  return shk_survey_get_listed_hours (self) + self->unlisted_hours;
}

void
shk_survey_set_total_processes (ShkSurvey *self,
                                guint      n)
{
  guint listed;

  g_return_if_fail (SHK_IS_SURVEY (self));

  listed = g_list_model_get_n_items (G_LIST_MODEL (self->processes));
  set_unlisted_processes (self, n > listed ? n - listed : 0);
}

void
shk_survey_set_total_hours (ShkSurvey *self,
                            double     hours)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  g_return_if_fail (isfinite (hours) && hours >= 0);

  set_unlisted_hours (self, MAX (hours - shk_survey_get_listed_hours (self), 0.0));
}

double
shk_survey_get_listing_threshold (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), 0);
  return self->listing_threshold;
}

void
shk_survey_set_listing_threshold (ShkSurvey *self,
                                  double     hours)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  set_double (self, &self->listing_threshold, hours, PROP_LISTING_THRESHOLD);
}

GListModel *
shk_survey_get_processes (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), NULL);
  return G_LIST_MODEL (self->processes);
}

void
shk_survey_append_process (ShkSurvey  *self,
                           ShkProcess *process)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  shk_survey_insert_process (self, G_MAXUINT, process);
}

void
shk_survey_insert_process (ShkSurvey  *self,
                           guint       position,
                           ShkProcess *process)
{
  g_return_if_fail (SHK_IS_SURVEY (self));
  g_return_if_fail (SHK_IS_PROCESS (process));

  shk_model_list_insert (self->processes, position, process,
                         G_CALLBACK (on_process_changed), self);
}

void
shk_survey_remove_process (ShkSurvey *self,
                           guint      position)
{
  g_return_if_fail (SHK_IS_SURVEY (self));

  shk_model_list_remove (self->processes, position, G_CALLBACK (on_process_changed), self);
}

ShkProcess *
shk_survey_find_process (ShkSurvey  *self,
                         const char *id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (SHK_IS_SURVEY (self), NULL);

  if (id == NULL)
    return NULL;

  model = G_LIST_MODEL (self->processes);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (model, i);

      if (g_str_equal (shk_process_get_id (process), id))
        return process;   /* the store keeps a reference */
    }
  return NULL;
}

char *
shk_survey_dup_unused_process_id (ShkSurvey *self)
{
  g_return_val_if_fail (SHK_IS_SURVEY (self), NULL);

  /* The same "p" + number style as the built-in document's ids. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->processes)) + 1; ; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%02u", i);

      if (shk_survey_find_process (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}
