/* shk-trial.c — a what-if tried in a meeting, kept apart from the plan
 *
 * The trial remembers only the figures tried, per scenario and field; the
 * scenario drawn is a copy of the plan's with those figures over it, made
 * again whenever the plan changes underneath, so that a cost edited in
 * the main window during the meeting shows in the trial too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "shk-edit-scenario.h"
#include "shk-number.h"
#include "shk-trial.h"

typedef enum
{
  FIELD_RATE,
  FIELD_HOURS,
  FIELD_MONTHS,
  N_FIELDS,
} Field;

static const char * const field_names[N_FIELDS] = {
  "hourly-rate", "hours-saved", "first-year-months",
};

typedef struct
{
  ShkScenario *original;
  ShkScenario *copy;          /* NULL until asked for, and after a change */
  gboolean     set[N_FIELDS];
  double       value[N_FIELDS];
} Entry;

/* One change, to take it back. */
typedef struct
{
  Entry   *entry;
  Field    field;
  gboolean was_set;
  double   old_value;
} Step;

struct _ShkTrial
{
  GObject    parent_instance;

  ShkPlan   *plan;
  GPtrArray *entries;   /* of Entry */
  GArray    *history;   /* of Step */
};

G_DEFINE_FINAL_TYPE (ShkTrial, shk_trial, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->original);
  g_clear_object (&entry->copy);
  g_free (entry);
}

static gboolean
entry_is_set (const Entry *entry)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (entry->set[f])
      return TRUE;
  return FALSE;
}

static int
field_from_name (const char *name)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (name, field_names[f]) == 0)
      return (int) f;
  return -1;
}

static Entry *
find_entry (ShkTrial    *self,
            ShkScenario *scenario,
            gboolean     create)
{
  Entry *entry;

  for (guint i = 0; i < self->entries->len; i++)
    {
      entry = g_ptr_array_index (self->entries, i);
      if (entry->original == scenario)
        return entry;
    }
  if (!create)
    return NULL;

  entry = g_new0 (Entry, 1);
  entry->original = g_object_ref (scenario);
  g_ptr_array_add (self->entries, entry);
  return entry;
}

static void
apply_field (ShkScenario *scenario,
             Field        field,
             double       value)
{
  switch (field)
    {
    case FIELD_RATE:
      shk_scenario_set_hourly_rate (scenario, value);
      break;
    case FIELD_HOURS:
      shk_scenario_set_hours_saved (scenario, value);
      break;
    case FIELD_MONTHS:
      shk_scenario_set_first_year_months (scenario, (guint) value);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* The plan's own figure for @field, as the trial compares against it. */
static double
plan_value (ShkTrial    *self,
            ShkScenario *scenario,
            Field        field)
{
  switch (field)
    {
    case FIELD_RATE:
      return shk_scenario_get_hourly_rate (scenario);
    case FIELD_HOURS:
      return shk_plan_get_scenario_hours_saved (self->plan, scenario);
    case FIELD_MONTHS:
      return shk_scenario_get_first_year_months (scenario);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_plan_changed (ShkTrial *self)
{
  /* The copies are remade from the plan's new state when next asked. */
  for (guint i = 0; i < self->entries->len; i++)
    g_clear_object (&((Entry *) g_ptr_array_index (self->entries, i))->copy);
  if (shk_trial_is_active (self))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
shk_trial_dispose (GObject *object)
{
  ShkTrial *self = SHK_TRIAL (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed, self);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (shk_trial_parent_class)->dispose (object);
}

static void
shk_trial_class_init (ShkTrialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shk_trial_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_trial_init (ShkTrial *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->history = g_array_new (FALSE, FALSE, sizeof (Step));
}

ShkTrial *
shk_trial_new (ShkPlan *plan)
{
  ShkTrial *self;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  self = g_object_new (SHK_TYPE_TRIAL, NULL);
  self->plan = g_object_ref (plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed), self);
  return self;
}

ShkScenario *
shk_trial_get_scenario (ShkTrial    *self,
                        ShkScenario *scenario)
{
  Entry *entry;

  g_return_val_if_fail (SHK_IS_TRIAL (self), NULL);
  g_return_val_if_fail (SHK_IS_SCENARIO (scenario), NULL);

  entry = find_entry (self, scenario, FALSE);
  if (entry == NULL || !entry_is_set (entry))
    return scenario;

  if (entry->copy == NULL)
    {
      entry->copy = shk_scenario_copy (scenario);
      for (guint f = 0; f < N_FIELDS; f++)
        if (entry->set[f])
          apply_field (entry->copy, f, entry->value[f]);
    }
  return entry->copy;
}

/* Sets (or, with @set FALSE, lifts) the trial's figure and remakes the
 * copy; a figure equal to the plan's is no change at all. */
static void
store (ShkTrial *self,
       Entry    *entry,
       Field     field,
       gboolean  set,
       double    value)
{
  if (set && value == plan_value (self, entry->original, field))
    set = FALSE;
  entry->set[field] = set;
  entry->value[field] = set ? value : 0;
  g_clear_object (&entry->copy);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
shk_trial_set_number (ShkTrial     *self,
                      ShkScenario  *scenario,
                      const char   *field_name,
                      double        value,
                      GError      **error)
{
  int field = field_from_name (field_name);
  gboolean changes = FALSE;
  Entry *entry;
  Step step;

  g_return_val_if_fail (SHK_IS_TRIAL (self), FALSE);
  g_return_val_if_fail (SHK_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (field >= 0, FALSE);

  /* The same limits as the scenario form: a trial that could not be kept
   * is no trial. */
  if (!shk_edit_scenario_check_number (self->plan, scenario, field_name, value, &changes, error))
    return FALSE;

  entry = find_entry (self, scenario, TRUE);
  if (entry->set[field] ? entry->value[field] == value
                        : value == plan_value (self, scenario, field))
    return TRUE;

  step = (Step) { entry, field, entry->set[field], entry->value[field] };
  g_array_append_val (self->history, step);
  store (self, entry, field, TRUE, value);
  return TRUE;
}

gboolean
shk_trial_is_active (ShkTrial *self)
{
  g_return_val_if_fail (SHK_IS_TRIAL (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    if (entry_is_set (g_ptr_array_index (self->entries, i)))
      return TRUE;
  return FALSE;
}

static char *
format_field (Field  field,
              double value)
{
  /* Whole figures as the staff type them; a rate of ¥2,500.5 keeps its
   * fraction. */
  g_autofree char *number = shk_format_number_grouped (value, value == floor (value) ? 0 : 2);

  switch (field)
    {
    case FIELD_RATE:
      /* TRANSLATORS: an hourly rate in yen */
      return g_strdup_printf (_("¥%s"), number);
    case FIELD_HOURS:
      /* TRANSLATORS: hours per year */
      return g_strdup_printf (_("%s h"), number);
    case FIELD_MONTHS:
      /* TRANSLATORS: months of savings in the first year */
      return g_strdup_printf (_("%s months"), number);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
append_changes (ShkTrial *self,
                Entry    *entry,
                gboolean  with_name,
                GString  *text)
{
  const char *labels[N_FIELDS] = {
    _("Hourly rate"), _("Hours saved per year"), _("Months in the first year"),
  };

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *tried = NULL;
      g_autofree char *planned = NULL;

      if (!entry->set[f])
        continue;
      tried = format_field (f, entry->value[f]);
      planned = format_field (f, plan_value (self, entry->original, f));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (with_name)
        g_string_append_printf (text, "%s — ", shk_scenario_get_name (entry->original));
      /* TRANSLATORS: a figure changed in a what-if, e.g.
       * "Hourly rate: ¥3,000 (plan: ¥2,000)" */
      g_string_append_printf (text, _("%s: %s (plan: %s)"), labels[f], tried, planned);
    }
}

char *
shk_trial_dup_changes (ShkTrial    *self,
                       ShkScenario *scenario)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (SHK_IS_TRIAL (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (scenario == NULL || entry->original == scenario)
        append_changes (self, entry, scenario == NULL, text);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

gboolean
shk_trial_undo (ShkTrial *self)
{
  Step step;

  g_return_val_if_fail (SHK_IS_TRIAL (self), FALSE);

  if (self->history->len == 0)
    return FALSE;
  step = g_array_index (self->history, Step, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  store (self, step.entry, step.field, step.was_set, step.old_value);
  return TRUE;
}

void
shk_trial_reset (ShkTrial *self)
{
  gboolean was_active;

  g_return_if_fail (SHK_IS_TRIAL (self));

  was_active = shk_trial_is_active (self);
  g_array_set_size (self->history, 0);
  g_ptr_array_set_size (self->entries, 0);
  if (was_active)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Whether @scenario is still one of the plan's: a scenario removed during
 * the meeting takes its trial with it. */
static gboolean
plan_has_scenario (ShkPlan     *plan,
                   ShkScenario *scenario)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) item = g_list_model_get_item (scenarios, i);

      if (item == scenario)
        return TRUE;
    }
  return FALSE;
}

void
shk_trial_keep (ShkTrial     *self,
                ShkUndoStack *stack)
{
  g_return_if_fail (SHK_IS_TRIAL (self));
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));

  if (!shk_trial_is_active (self))
    return;

  shk_undo_stack_begin_group (stack, _("Keep what-if"));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (!plan_has_scenario (self->plan, entry->original))
        continue;
      for (guint f = 0; f < N_FIELDS; f++)
        {
          g_autoptr(GError) error = NULL;

          /* Checked when tried, against the same limits. */
          if (entry->set[f] &&
              !shk_edit_scenario_number (stack, self->plan, entry->original, field_names[f],
                                         entry->value[f], &error))
            g_warning ("Could not keep the what-if’s %s: %s", field_names[f], error->message);
        }
    }
  shk_undo_stack_end_group (stack);
  shk_trial_reset (self);
}
