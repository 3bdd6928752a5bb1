/* shk-undo.c — the undo history of a document
 *
 * The history is one array of entries and a cursor: entries before the
 * cursor can be undone, the ones after it redone. An entry is a list of
 * actions (one, or several when pushed inside a group), undone in reverse
 * order. The clean point is a cursor position, or -1 once the saved state
 * can no longer be reached (its entries were dropped by a new push).
 *
 * Signals: "changed" after anything that may change can-undo, can-redo,
 * the labels or the clean state; "pushed" after an edit was recorded (the
 * document tells edits from other plan changes with it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-undo.h"

typedef struct
{
  ShkUndoFunc    func;
  gpointer       data;
  GDestroyNotify destroy;
} Action;

typedef struct
{
  char      *label;
  GPtrArray *actions;   /* of Action, in the order they were pushed */
} Entry;

struct _ShkUndoStack
{
  GObject    parent_instance;

  GPtrArray *entries;        /* of Entry */
  guint      cursor;         /* entries[0..cursor) are applied */
  gssize     clean_index;    /* cursor value of the saved state, or -1 */

  /* Groups: the depth of nesting, the outermost label, and the entry the
   * group's pushes go into once the first of them arrives. */
  guint      group_depth;
  char      *group_label;
  Entry     *group_entry;

  gboolean   applying;

  /* What was last notified, so notifies fire only on real changes. */
  gboolean   last_can_undo;
  gboolean   last_can_redo;
  gboolean   last_clean;
};

G_DEFINE_FINAL_TYPE (ShkUndoStack, shk_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CLEAN,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  PUSHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
action_free (gpointer data)
{
  Action *action = data;

  if (action->destroy != NULL)
    action->destroy (action->data);
  g_free (action);
}

static Entry *
entry_new (const char *label)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->label = g_strdup (label != NULL ? label : "");
  entry->actions = g_ptr_array_new_with_free_func (action_free);
  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_ptr_array_unref (entry->actions);
  g_free (entry->label);
  g_free (entry);
}

static void
entry_apply (Entry    *entry,
             gboolean  redo)
{
  if (redo)
    {
      for (guint i = 0; i < entry->actions->len; i++)
        {
          Action *action = g_ptr_array_index (entry->actions, i);
          action->func (action->data, TRUE);
        }
    }
  else
    {
      for (guint i = entry->actions->len; i > 0; i--)
        {
          Action *action = g_ptr_array_index (entry->actions, i - 1);
          action->func (action->data, FALSE);
        }
    }
}

static void
emit_changed (ShkUndoStack *self)
{
  gboolean can_undo = shk_undo_stack_can_undo (self);
  gboolean can_redo = shk_undo_stack_can_redo (self);
  gboolean clean = shk_undo_stack_is_clean (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->last_can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (can_redo != self->last_can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (clean != self->last_clean)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAN]);
  /* Labels change with almost every operation; cheap to always notify. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  self->last_can_undo = can_undo;
  self->last_can_redo = can_redo;
  self->last_clean = clean;
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Drops every entry that could be redone; a new edit replaces them. */
static void
drop_redo (ShkUndoStack *self)
{
  if (self->cursor >= self->entries->len)
    return;

  if (self->clean_index > (gssize) self->cursor)
    self->clean_index = -1;
  g_ptr_array_remove_range (self->entries, self->cursor,
                            self->entries->len - self->cursor);
}

static void
commit_entry (ShkUndoStack *self,
              Entry        *entry)
{
  drop_redo (self);
  /* The clean state had nothing after it: a new entry at the cursor
   * leaves it, which the cursor comparison already reports. */
  g_ptr_array_add (self->entries, entry);
  self->cursor = self->entries->len;
}

static void
shk_undo_stack_finalize (GObject *object)
{
  ShkUndoStack *self = SHK_UNDO_STACK (object);

  /* An open group's entry is in entries already. */
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->group_label, g_free);

  G_OBJECT_CLASS (shk_undo_stack_parent_class)->finalize (object);
}

static void
shk_undo_stack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShkUndoStack *self = SHK_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, shk_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, shk_undo_stack_can_redo (self));
      break;
    case PROP_CLEAN:
      g_value_set_boolean (value, shk_undo_stack_is_clean (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, shk_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, shk_undo_stack_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_undo_stack_class_init (ShkUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_undo_stack_finalize;
  object_class->get_property = shk_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLEAN] =
    g_param_spec_boolean ("clean", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PUSHED] =
    g_signal_new ("pushed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_undo_stack_init (ShkUndoStack *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->clean_index = 0;
  self->last_clean = TRUE;
}

ShkUndoStack *
shk_undo_stack_new (void)
{
  return g_object_new (SHK_TYPE_UNDO_STACK, NULL);
}

void
shk_undo_stack_push (ShkUndoStack  *self,
                     const char    *label,
                     ShkUndoFunc    func,
                     gpointer       data,
                     GDestroyNotify destroy)
{
  Action *action;

  g_return_if_fail (SHK_IS_UNDO_STACK (self));
  g_return_if_fail (func != NULL);

  /* An undo that edits the model through the edit API would otherwise
   * record itself and wipe the redo history it belongs to. */
  if (self->applying)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }

  action = g_new0 (Action, 1);
  action->func = func;
  action->data = data;
  action->destroy = destroy;

  if (self->group_depth > 0)
    {
      /* The group becomes an entry with its first push, so an empty
       * group leaves no trace and the unsaved marker appears at once. */
      if (self->group_entry == NULL)
        {
          self->group_entry = entry_new (self->group_label);
          commit_entry (self, self->group_entry);
        }
      g_ptr_array_add (self->group_entry->actions, action);
    }
  else
    {
      Entry *entry = entry_new (label);

      g_ptr_array_add (entry->actions, action);
      commit_entry (self, entry);
    }

  g_signal_emit (self, signals[PUSHED], 0);
  emit_changed (self);
}

void
shk_undo_stack_begin_group (ShkUndoStack *self,
                            const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    {
      g_free (self->group_label);
      self->group_label = g_strdup (label);
      self->group_entry = NULL;
    }
}

void
shk_undo_stack_end_group (ShkUndoStack *self)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    {
      self->group_entry = NULL;
      g_clear_pointer (&self->group_label, g_free);
    }
}

static gboolean
apply_entry (ShkUndoStack *self,
             gboolean      redo)
{
  Entry *entry;

  /* Undoing half of an open group would leave the rest of it recorded
   * against a state that no longer exists. */
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (!self->applying, FALSE);

  if (redo ? !shk_undo_stack_can_redo (self) : !shk_undo_stack_can_undo (self))
    return FALSE;

  entry = g_ptr_array_index (self->entries, redo ? self->cursor : self->cursor - 1);

  g_object_ref (self);
  self->applying = TRUE;
  entry_apply (entry, redo);
  self->applying = FALSE;
  if (redo)
    self->cursor++;
  else
    self->cursor--;
  emit_changed (self);
  g_object_unref (self);

  return TRUE;
}

gboolean
shk_undo_stack_undo (ShkUndoStack *self)
{
  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), FALSE);

  return apply_entry (self, FALSE);
}

gboolean
shk_undo_stack_redo (ShkUndoStack *self)
{
  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), FALSE);

  return apply_entry (self, TRUE);
}

gboolean
shk_undo_stack_can_undo (ShkUndoStack *self)
{
  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), FALSE);

  return self->cursor > 0;
}

gboolean
shk_undo_stack_can_redo (ShkUndoStack *self)
{
  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), FALSE);

  return self->cursor < self->entries->len;
}

const char *
shk_undo_stack_get_undo_label (ShkUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), NULL);

  if (self->cursor == 0)
    return NULL;
  entry = g_ptr_array_index (self->entries, self->cursor - 1);
  return entry->label;
}

const char *
shk_undo_stack_get_redo_label (ShkUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), NULL);

  if (self->cursor >= self->entries->len)
    return NULL;
  entry = g_ptr_array_index (self->entries, self->cursor);
  return entry->label;
}

gboolean
shk_undo_stack_is_applying (ShkUndoStack *self)
{
  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), FALSE);

  return self->applying;
}

void
shk_undo_stack_clear (ShkUndoStack *self)
{
  gboolean clean;

  g_return_if_fail (SHK_IS_UNDO_STACK (self));
  g_return_if_fail (!self->applying);

  /* Forgetting the history does not save anything: a document with unsaved
   * changes keeps them, one without stays clean. */
  clean = shk_undo_stack_is_clean (self);
  self->group_entry = NULL;   /* owned by entries, freed below */
  g_ptr_array_set_size (self->entries, 0);
  self->cursor = 0;
  self->clean_index = clean ? 0 : -1;
  emit_changed (self);
}

void
shk_undo_stack_mark_clean (ShkUndoStack *self)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (self));

  self->clean_index = self->cursor;
  emit_changed (self);
}

gboolean
shk_undo_stack_is_clean (ShkUndoStack *self)
{
  g_return_val_if_fail (SHK_IS_UNDO_STACK (self), FALSE);

  return self->clean_index == (gssize) self->cursor;
}
