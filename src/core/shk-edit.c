/* shk-edit.c — undoable edits of a plan
 *
 * Each edit function reads the state it is about to change, applies the
 * change and pushes one entry holding both states and references to the
 * objects involved, so that undo and redo restore exactly what was there
 * (an absent value stays absent, a position stays the same) whatever the
 * views have done since. An edit that changes nothing pushes nothing: a
 * cell left as it was must not make the document unsaved.
 *
 * The undo functions call the model directly, never this API, so undoing
 * does not record anything (the stack would ignore it anyway).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "shk-edit.h"

/* ------------------------------------------------------------------ */
/* Properties                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  GObject    *object;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
} PropertyEdit;

static void
property_edit_apply (gpointer data,
                     gboolean redo)
{
  PropertyEdit *edit = data;

  g_object_set_property (edit->object, edit->pspec->name,
                         redo ? &edit->new_value : &edit->old_value);
}

static void
property_edit_free (gpointer data)
{
  PropertyEdit *edit = data;

  g_object_unref (edit->object);
  g_param_spec_unref (edit->pspec);
  g_value_unset (&edit->old_value);
  g_value_unset (&edit->new_value);
  g_free (edit);
}

void
shk_edit_set_property (ShkUndoStack *stack,
                       GObject      *object,
                       const char   *property,
                       const GValue *value,
                       const char   *label)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  g_auto(GValue) applied = G_VALUE_INIT;
  PropertyEdit *edit;
  GParamSpec *pspec;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL)
    {
      g_critical ("%s: %s has no property “%s”", G_STRFUNC,
                  G_OBJECT_TYPE_NAME (object), property);
      return;
    }
  g_return_if_fail ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
  g_return_if_fail ((pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0);

  /* Compare in the property's own type: an int 3 for a double property
   * must compare equal to 3.0. */
  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    {
      g_critical ("%s: cannot set %s:%s (%s) from a %s", G_STRFUNC,
                  G_OBJECT_TYPE_NAME (object), pspec->name,
                  g_type_name (pspec->value_type), G_VALUE_TYPE_NAME (value));
      return;
    }
  /* g_object_set_property() would refuse it with a warning; so do we,
   * before anything is recorded. Callers check ranges and tell the user. */
  if (g_param_value_validate (pspec, &new_value))
    {
      g_critical ("%s: value out of range for %s:%s", G_STRFUNC,
                  G_OBJECT_TYPE_NAME (object), pspec->name);
      return;
    }

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &old_value);
  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return;

  g_object_set_property (object, pspec->name, &new_value);

  /* The model may normalise what it is given (NULL text reads back as
   * ""); if it ends up where it was, there is nothing to undo. */
  g_value_init (&applied, pspec->value_type);
  g_object_get_property (object, pspec->name, &applied);
  if (g_param_values_cmp (pspec, &old_value, &applied) == 0)
    return;

  edit = g_new0 (PropertyEdit, 1);
  edit->object = g_object_ref (object);
  edit->pspec = g_param_spec_ref (pspec);
  g_value_init (&edit->old_value, pspec->value_type);
  g_value_copy (&old_value, &edit->old_value);
  g_value_init (&edit->new_value, pspec->value_type);
  g_value_copy (&new_value, &edit->new_value);
  shk_undo_stack_push (stack, label, property_edit_apply, edit, property_edit_free);
}

/* ------------------------------------------------------------------ */
/* Indicator values                                                   */
/* ------------------------------------------------------------------ */

typedef struct
{
  gboolean present;
  double   value;
} Slot;

typedef struct
{
  ShkIndicator *indicator;
  ShkValueKind  kind;
  char         *year_id;
  Slot          old_slot;
  Slot          new_slot;
} IndicatorValueEdit;

static Slot
indicator_value_get (ShkIndicator *indicator,
                     ShkValueKind  kind,
                     const char   *year_id)
{
  Slot slot = { FALSE, 0 };

  if (kind == SHK_VALUE_TARGET)
    slot.present = shk_indicator_get_target (indicator, year_id, &slot.value);
  else
    slot.present = shk_indicator_get_actual (indicator, year_id, &slot.value);
  if (!slot.present)
    slot.value = 0;
  return slot;
}

static void
indicator_value_set (ShkIndicator *indicator,
                     ShkValueKind  kind,
                     const char   *year_id,
                     const Slot   *slot)
{
  if (kind == SHK_VALUE_TARGET)
    {
      if (slot->present)
        shk_indicator_set_target (indicator, year_id, slot->value);
      else
        shk_indicator_unset_target (indicator, year_id);
    }
  else
    {
      if (slot->present)
        shk_indicator_set_actual (indicator, year_id, slot->value);
      else
        shk_indicator_unset_actual (indicator, year_id);
    }
}

static gboolean
slot_equal (const Slot *a,
            const Slot *b)
{
  return a->present == b->present && (!a->present || a->value == b->value);
}

static void
indicator_value_edit_apply (gpointer data,
                            gboolean redo)
{
  IndicatorValueEdit *edit = data;

  indicator_value_set (edit->indicator, edit->kind, edit->year_id,
                       redo ? &edit->new_slot : &edit->old_slot);
}

static void
indicator_value_edit_free (gpointer data)
{
  IndicatorValueEdit *edit = data;

  g_object_unref (edit->indicator);
  g_free (edit->year_id);
  g_free (edit);
}

void
shk_edit_indicator_value (ShkUndoStack *stack,
                          ShkIndicator *indicator,
                          ShkValueKind  kind,
                          const char   *year_id,
                          gboolean      has_value,
                          double        value,
                          const char   *label)
{
  IndicatorValueEdit *edit;
  Slot old_slot, new_slot;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_INDICATOR (indicator));
  g_return_if_fail (kind == SHK_VALUE_TARGET || kind == SHK_VALUE_ACTUAL);
  g_return_if_fail (year_id != NULL && *year_id != '\0');
  g_return_if_fail (!has_value || isfinite (value));

  old_slot = indicator_value_get (indicator, kind, year_id);
  new_slot.present = has_value;
  new_slot.value = has_value ? value : 0;
  if (slot_equal (&old_slot, &new_slot))
    return;

  indicator_value_set (indicator, kind, year_id, &new_slot);

  edit = g_new0 (IndicatorValueEdit, 1);
  edit->indicator = g_object_ref (indicator);
  edit->kind = kind;
  edit->year_id = g_strdup (year_id);
  edit->old_slot = old_slot;
  edit->new_slot = new_slot;
  shk_undo_stack_push (stack, label, indicator_value_edit_apply, edit,
                       indicator_value_edit_free);
}

/* ------------------------------------------------------------------ */
/* Manual grades                                                      */
/* ------------------------------------------------------------------ */

typedef struct
{
  gboolean present;
  ShkGrade grade;
  char    *reason;   /* never NULL when present */
} GradeState;

typedef struct
{
  ShkMeasure *measure;
  char       *evaluation_id;
  GradeState  old_state;
  GradeState  new_state;
} ManualGradeEdit;

static void
grade_state_read (ShkMeasure *measure,
                  const char *evaluation_id,
                  GradeState *state)
{
  const char *reason = NULL;

  state->grade = SHK_GRADE_NONE;
  state->present = shk_measure_get_manual_grade (measure, evaluation_id,
                                                 &state->grade, &reason);
  /* Copied: the model frees its string when the grade changes. */
  state->reason = state->present ? g_strdup (reason != NULL ? reason : "") : NULL;
  if (!state->present)
    state->grade = SHK_GRADE_NONE;
}

static void
grade_state_apply (ShkMeasure       *measure,
                   const char       *evaluation_id,
                   const GradeState *state)
{
  if (state->present)
    shk_measure_set_manual_grade (measure, evaluation_id, state->grade, state->reason);
  else
    shk_measure_clear_manual_grade (measure, evaluation_id);
}

static gboolean
grade_state_equal (const GradeState *a,
                   const GradeState *b)
{
  if (a->present != b->present)
    return FALSE;
  if (!a->present)
    return TRUE;
  return a->grade == b->grade && g_strcmp0 (a->reason, b->reason) == 0;
}

static void
manual_grade_edit_apply (gpointer data,
                         gboolean redo)
{
  ManualGradeEdit *edit = data;

  grade_state_apply (edit->measure, edit->evaluation_id,
                     redo ? &edit->new_state : &edit->old_state);
}

static void
manual_grade_edit_free (gpointer data)
{
  ManualGradeEdit *edit = data;

  g_object_unref (edit->measure);
  g_free (edit->evaluation_id);
  g_free (edit->old_state.reason);
  g_free (edit->new_state.reason);
  g_free (edit);
}

void
shk_edit_manual_grade (ShkUndoStack *stack,
                       ShkMeasure   *measure,
                       const char   *evaluation_id,
                       gboolean      has_manual,
                       ShkGrade      grade,
                       const char   *reason,
                       const char   *label)
{
  ManualGradeEdit *edit;
  GradeState old_state, new_state;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (evaluation_id != NULL && *evaluation_id != '\0');
  g_return_if_fail (grade >= SHK_GRADE_NONE && grade < SHK_N_GRADES);

  grade_state_read (measure, evaluation_id, &old_state);
  new_state.present = has_manual;
  new_state.grade = has_manual ? grade : SHK_GRADE_NONE;
  /* No reason and an empty one are the same thing to the reader. */
  new_state.reason = has_manual ? g_strdup (reason != NULL ? reason : "") : NULL;

  if (grade_state_equal (&old_state, &new_state))
    {
      g_free (old_state.reason);
      g_free (new_state.reason);
      return;
    }

  grade_state_apply (measure, evaluation_id, &new_state);

  edit = g_new0 (ManualGradeEdit, 1);
  edit->measure = g_object_ref (measure);
  edit->evaluation_id = g_strdup (evaluation_id);
  edit->old_state = old_state;
  edit->new_state = new_state;
  shk_undo_stack_push (stack, label, manual_grade_edit_apply, edit,
                       manual_grade_edit_free);
}

/* ------------------------------------------------------------------ */
/* Inserting and removing measures, indicators, scenarios, cost items */
/* ------------------------------------------------------------------ */

typedef enum
{
  LIST_MEASURES,     /* measures of a plan */
  LIST_INDICATORS,   /* indicators of a measure */
  LIST_SCENARIOS,    /* scenarios of a plan */
  LIST_COST_ITEMS,   /* cost items of a scenario */
} ListKind;

typedef struct
{
  ListKind  kind;
  GObject  *container;
  GObject  *item;
  guint     position;
  gboolean  inserted;   /* the edit inserted @item; else it removed it */
} ListEdit;

static GListModel *
list_edit_model (ListKind  kind,
                 GObject  *container)
{
  switch (kind)
    {
    case LIST_MEASURES:
      return shk_plan_get_measures (SHK_PLAN (container));
    case LIST_INDICATORS:
      return shk_measure_get_indicators (SHK_MEASURE (container));
    case LIST_SCENARIOS:
      return shk_plan_get_scenarios (SHK_PLAN (container));
    case LIST_COST_ITEMS:
    default:
      return shk_scenario_get_cost_items (SHK_SCENARIO (container));
    }
}

static void
list_insert (ListKind  kind,
             GObject  *container,
             guint     position,
             GObject  *item)
{
  switch (kind)
    {
    case LIST_MEASURES:
      shk_plan_insert_measure (SHK_PLAN (container), position, SHK_MEASURE (item));
      break;
    case LIST_INDICATORS:
      shk_measure_insert_indicator (SHK_MEASURE (container), position, SHK_INDICATOR (item));
      break;
    case LIST_SCENARIOS:
      shk_plan_insert_scenario (SHK_PLAN (container), position, SHK_SCENARIO (item));
      break;
    case LIST_COST_ITEMS:
    default:
      shk_scenario_insert_cost_item (SHK_SCENARIO (container), position, SHK_COST_ITEM (item));
      break;
    }
}

static void
list_remove (ListKind  kind,
             GObject  *container,
             guint     position)
{
  switch (kind)
    {
    case LIST_MEASURES:
      shk_plan_remove_measure (SHK_PLAN (container), position);
      break;
    case LIST_INDICATORS:
      shk_measure_remove_indicator (SHK_MEASURE (container), position);
      break;
    case LIST_SCENARIOS:
      shk_plan_remove_scenario (SHK_PLAN (container), position);
      break;
    case LIST_COST_ITEMS:
    default:
      shk_scenario_remove_cost_item (SHK_SCENARIO (container), position);
      break;
    }
}

/* The history is linear, so the item is where the edit left it; looking
 * it up anyway keeps a stray change made behind the stack's back from
 * removing the wrong row. */
static gboolean
list_find (GListModel *model,
           gpointer    item,
           guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  if (*position < n)
    {
      g_autoptr(GObject) at = g_list_model_get_item (model, *position);

      if (at == item)
        return TRUE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) at = g_list_model_get_item (model, i);

      if (at == item)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
list_edit_apply (gpointer data,
                 gboolean redo)
{
  ListEdit *edit = data;
  GListModel *model = list_edit_model (edit->kind, edit->container);
  gboolean insert = redo ? edit->inserted : !edit->inserted;

  if (insert)
    {
      guint position = MIN (edit->position, g_list_model_get_n_items (model));

      list_insert (edit->kind, edit->container, position, edit->item);
    }
  else
    {
      guint position = edit->position;

      if (list_find (model, edit->item, &position))
        list_remove (edit->kind, edit->container, position);
      else
        g_critical ("%s: the %s to remove is no longer in its list", G_STRFUNC,
                    G_OBJECT_TYPE_NAME (edit->item));
    }
}

static void
list_edit_free (gpointer data)
{
  ListEdit *edit = data;

  g_object_unref (edit->container);
  g_object_unref (edit->item);
  g_free (edit);
}

static void
list_edit_push (ShkUndoStack *stack,
                ListKind      kind,
                GObject      *container,
                GObject      *item,
                guint         position,
                gboolean      inserted,
                const char   *label)
{
  ListEdit *edit = g_new0 (ListEdit, 1);

  edit->kind = kind;
  edit->container = g_object_ref (container);
  /* Its own reference: the caller may drop the item, a view may forget
   * the row, and undo still has the very object to put back. */
  edit->item = g_object_ref (item);
  edit->position = position;
  edit->inserted = inserted;
  shk_undo_stack_push (stack, label, list_edit_apply, edit, list_edit_free);
}

static void
edit_insert (ShkUndoStack *stack,
             ListKind      kind,
             GObject      *container,
             guint         position,
             GObject      *item,
             const char   *label)
{
  list_insert (kind, container, position, item);
  list_edit_push (stack, kind, container, item, position, TRUE, label);
}

static void
edit_remove (ShkUndoStack *stack,
             ListKind      kind,
             GObject      *container,
             guint         position,
             const char   *label)
{
  GListModel *model = list_edit_model (kind, container);
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  list_remove (kind, container, position);
  list_edit_push (stack, kind, container, item, position, FALSE, label);
}

void
shk_edit_insert_measure (ShkUndoStack *stack,
                         ShkPlan      *plan,
                         guint         position,
                         ShkMeasure   *measure,
                         const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (position <= g_list_model_get_n_items (shk_plan_get_measures (plan)));

  edit_insert (stack, LIST_MEASURES, G_OBJECT (plan), position, G_OBJECT (measure), label);
}

void
shk_edit_remove_measure (ShkUndoStack *stack,
                         ShkPlan      *plan,
                         guint         position,
                         const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (position < g_list_model_get_n_items (shk_plan_get_measures (plan)));

  edit_remove (stack, LIST_MEASURES, G_OBJECT (plan), position, label);
}

void
shk_edit_insert_indicator (ShkUndoStack *stack,
                           ShkMeasure   *measure,
                           guint         position,
                           ShkIndicator *indicator,
                           const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (SHK_IS_INDICATOR (indicator));
  g_return_if_fail (position <= g_list_model_get_n_items (shk_measure_get_indicators (measure)));

  edit_insert (stack, LIST_INDICATORS, G_OBJECT (measure), position,
               G_OBJECT (indicator), label);
}

void
shk_edit_remove_indicator (ShkUndoStack *stack,
                           ShkMeasure   *measure,
                           guint         position,
                           const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (position < g_list_model_get_n_items (shk_measure_get_indicators (measure)));

  edit_remove (stack, LIST_INDICATORS, G_OBJECT (measure), position, label);
}

void
shk_edit_insert_scenario (ShkUndoStack *stack,
                          ShkPlan      *plan,
                          guint         position,
                          ShkScenario  *scenario,
                          const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));
  g_return_if_fail (position <= g_list_model_get_n_items (shk_plan_get_scenarios (plan)));

  edit_insert (stack, LIST_SCENARIOS, G_OBJECT (plan), position, G_OBJECT (scenario), label);
}

void
shk_edit_remove_scenario (ShkUndoStack *stack,
                          ShkPlan      *plan,
                          guint         position,
                          const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_PLAN (plan));
  g_return_if_fail (position < g_list_model_get_n_items (shk_plan_get_scenarios (plan)));

  edit_remove (stack, LIST_SCENARIOS, G_OBJECT (plan), position, label);
}

void
shk_edit_insert_cost_item (ShkUndoStack *stack,
                           ShkScenario  *scenario,
                           guint         position,
                           ShkCostItem  *item,
                           const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));
  g_return_if_fail (SHK_IS_COST_ITEM (item));
  g_return_if_fail (position <= g_list_model_get_n_items (shk_scenario_get_cost_items (scenario)));

  edit_insert (stack, LIST_COST_ITEMS, G_OBJECT (scenario), position, G_OBJECT (item), label);
}

void
shk_edit_remove_cost_item (ShkUndoStack *stack,
                           ShkScenario  *scenario,
                           guint         position,
                           const char   *label)
{
  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));
  g_return_if_fail (position < g_list_model_get_n_items (shk_scenario_get_cost_items (scenario)));

  edit_remove (stack, LIST_COST_ITEMS, G_OBJECT (scenario), position, label);
}

char *
shk_edit_dup_value_key (ShkValueKind  kind,
                        const char   *year_id)
{
  return g_strconcat (kind == SHK_VALUE_TARGET ? "target." : "actual.", year_id, NULL);
}

void
shk_edit_indicator_value_from (ShkUndoStack        *stack,
                               ShkIndicator        *indicator,
                               ShkValueKind         kind,
                               const char          *year_id,
                               gboolean             has_value,
                               double               value,
                               const ShkProvenance *provenance,
                               const char          *label)
{
  g_autofree char *key = NULL;
  Slot old_slot, new_slot;

  g_return_if_fail (SHK_IS_INDICATOR (indicator));
  g_return_if_fail (year_id != NULL && *year_id != '\0');

  old_slot = indicator_value_get (indicator, kind, year_id);
  new_slot.present = has_value;
  new_slot.value = has_value ? value : 0;
  if (slot_equal (&old_slot, &new_slot))
    return;

  key = shk_edit_dup_value_key (kind, year_id);
  shk_undo_stack_begin_group (stack, label);
  shk_edit_indicator_value (stack, indicator, kind, year_id, has_value, value, label);
  shk_edit_provenance (stack, G_OBJECT (indicator), key, provenance, label);
  shk_undo_stack_end_group (stack);
}
