/* shk-scenario-edit-fold.c — keystrokes of one field as one undo step
 *
 * Typing "2566" or holding a spin button's arrow makes many edits of one
 * field, each applied at once so that the chart follows the typing. They
 * fold into one undo step while they come within a second of each other:
 * before each edit of the field, the step the previous one pushed is
 * undone, so that the new one goes from the value before the first
 * keystroke to the value after the last.
 *
 * The scenario form and its cost grid share one of these, so that an edit
 * of any other field, an undo, a redo or a save starts a new step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-edit.h"
#include "shk-scenario-edit-fold.h"

/* Edits of the same field closer together than this are one undo step. */
#define COALESCE_USEC G_USEC_PER_SEC

struct _ShkScenarioEditFold
{
  GObject       parent_instance;

  ShkUndoStack *stack;
  gulong        pushed_id;
  gulong        changed_id;

  char         *key;        /* the field of the last step, or NULL */
  char         *label;      /* that step's undo label */
  gint64        time;
  guint         pushes;     /* steps pushed so far, by anyone */
  guint         own_edit;   /* inside begin() … end() */
};

G_DEFINE_FINAL_TYPE (ShkScenarioEditFold, shk_scenario_edit_fold, G_TYPE_OBJECT)

void
shk_scenario_edit_fold_reset (ShkScenarioEditFold *self)
{
  g_return_if_fail (SHK_IS_SCENARIO_EDIT_FOLD (self));

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
}

static void
on_pushed (ShkScenarioEditFold *self)
{
  self->pushes++;
}

static void
on_stack_changed (ShkScenarioEditFold *self)
{
  /* An undo, a redo, a save or someone else's edit: the next edit is a
   * step of its own. */
  if (self->own_edit == 0)
    shk_scenario_edit_fold_reset (self);
}

void
shk_scenario_edit_fold_set_stack (ShkScenarioEditFold *self,
                                  ShkUndoStack        *stack)
{
  g_return_if_fail (SHK_IS_SCENARIO_EDIT_FOLD (self));
  g_return_if_fail (stack == NULL || SHK_IS_UNDO_STACK (stack));

  if (self->stack == stack)
    return;
  if (self->stack != NULL)
    {
      g_clear_signal_handler (&self->pushed_id, self->stack);
      g_clear_signal_handler (&self->changed_id, self->stack);
    }
  shk_scenario_edit_fold_reset (self);
  g_set_object (&self->stack, stack);
  if (stack != NULL)
    {
      self->pushed_id = g_signal_connect_swapped (stack, "pushed", G_CALLBACK (on_pushed), self);
      self->changed_id = g_signal_connect_swapped (stack, "changed",
                                                   G_CALLBACK (on_stack_changed), self);
    }
}

ShkUndoStack *
shk_scenario_edit_fold_get_stack (ShkScenarioEditFold *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_EDIT_FOLD (self), NULL);

  return self->stack;
}

guint
shk_scenario_edit_fold_begin (ShkScenarioEditFold *self,
                              const char          *key)
{
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (SHK_IS_SCENARIO_EDIT_FOLD (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  self->own_edit++;
  if (self->stack != NULL && self->key != NULL && g_str_equal (self->key, key) &&
      now - self->time < COALESCE_USEC &&
      shk_undo_stack_can_undo (self->stack) &&
      /* Folding into the saved state would hide an unsaved change. */
      !shk_undo_stack_is_clean (self->stack) &&
      g_strcmp0 (shk_undo_stack_get_undo_label (self->stack), self->label) == 0)
    shk_undo_stack_undo (self->stack);
  return self->pushes;
}

void
shk_scenario_edit_fold_end (ShkScenarioEditFold *self,
                            const char          *key,
                            guint                pushes_before)
{
  g_return_if_fail (SHK_IS_SCENARIO_EDIT_FOLD (self));
  g_return_if_fail (self->own_edit > 0);

  shk_scenario_edit_fold_reset (self);
  if (self->pushes != pushes_before && self->stack != NULL)
    {
      self->key = g_strdup (key);
      self->label = g_strdup (shk_undo_stack_get_undo_label (self->stack));
      self->time = g_get_monotonic_time ();
    }
  self->own_edit--;
}

void
shk_scenario_edit_fold_set_property (ShkScenarioEditFold *self,
                                     GObject             *object,
                                     const char          *property,
                                     const GValue        *value,
                                     const char          *label)
{
  g_autofree char *key = NULL;
  guint pushes;

  g_return_if_fail (SHK_IS_SCENARIO_EDIT_FOLD (self));
  g_return_if_fail (self->stack != NULL);

  key = g_strdup_printf ("%p:%s", (gpointer) object, property);
  pushes = shk_scenario_edit_fold_begin (self, key);
  shk_edit_set_property (self->stack, object, property, value, label);
  shk_scenario_edit_fold_end (self, key, pushes);
}

static void
shk_scenario_edit_fold_dispose (GObject *object)
{
  shk_scenario_edit_fold_set_stack (SHK_SCENARIO_EDIT_FOLD (object), NULL);

  G_OBJECT_CLASS (shk_scenario_edit_fold_parent_class)->dispose (object);
}

static void
shk_scenario_edit_fold_class_init (ShkScenarioEditFoldClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shk_scenario_edit_fold_dispose;
}

static void
shk_scenario_edit_fold_init (ShkScenarioEditFold *self)
{
}

ShkScenarioEditFold *
shk_scenario_edit_fold_new (void)
{
  return g_object_new (SHK_TYPE_SCENARIO_EDIT_FOLD, NULL);
}
