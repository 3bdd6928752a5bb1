/* shk-collect-review.c — the replies merged into changes and conflicts,
 * settled and applied as one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-collect-private.h"
#include "shk-edit.h"
#include "shk-number.h"
#include "shk-request.h"
#include "shk-survey-request.h"
#include "shk-table-export.h"

/* ------------------------------------------------------------------ */
/* Merging                                                             */

typedef struct
{
  guint      position;    /* of the measure in the plan */
  guint      indicator;   /* G_MAXUINT sorts the measure's texts last */
  guint      field;
  GPtrArray *proposals;   /* not owned */
} Group;

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(const Group **) a;
  const Group *y = *(const Group **) b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  if (x->indicator != y->indicator)
    return x->indicator < y->indicator ? -1 : 1;
  return (int) x->field - (int) y->field;
}

/* The actual of the fiscal year before @year_id, if any. */
static gboolean
last_year_actual (ShkPlan      *plan,
                  ShkIndicator *indicator,
                  const char   *year_id,
                  double       *value)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);

  for (guint i = 1; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autoptr(ShkFiscalYear) before = NULL;

      if (!g_str_equal (shk_fiscal_year_get_id (year), year_id))
        continue;
      before = g_list_model_get_item (years, i - 1);
      return shk_indicator_get_actual (indicator, shk_fiscal_year_get_id (before), value);
    }
  return FALSE;
}

static ShkCollectWarnings
find_warnings (ShkPlan                *plan,
               const ShkCollectChange *change)
{
  ShkCollectWarnings warnings = 0;
  double last = 0;

  if (!change->new_value.has_value)
    return change->old_value.has_value || change->sent_value.has_value
           ? SHK_COLLECT_WARNING_CLEARED : 0;
  if (change->field != SHK_COLLECT_FIELD_ACTUAL)
    return 0;
  if (change->new_value.number < 0)
    warnings |= SHK_COLLECT_WARNING_NEGATIVE;
  if (last_year_actual (plan, change->indicator, change->year_id, &last) && last != 0 &&
      fabs (change->new_value.number) >= 10 * fabs (last))
    warnings |= SHK_COLLECT_WARNING_TENFOLD;
  return warnings;
}

static ShkCollectChange *
review_copy (ShkCollect             *self,
             const ShkCollectChange *proposal,
             const ShkCollectValue  *current)
{
  ShkCollectChange *change = shk_collect_change_copy (proposal);

  shk_collect_value_clear (&change->old_value);
  shk_collect_value_copy (&change->old_value, current);
  change->warnings = find_warnings (self->plan, change);
  return change;
}

static void
merge_group (ShkCollect *self,
             Group      *group)
{
  ShkCollectChange *first = g_ptr_array_index (group->proposals, 0);
  ShkCollectValue current = { 0 };
  gboolean office_changed = FALSE;
  gboolean all_agree = TRUE;
  gboolean one_value = TRUE;

  shk_collect_document_value (first->measure, first->indicator, first->field, first->year_id,
                              &current);
  for (guint i = 0; i < group->proposals->len; i++)
    {
      ShkCollectChange *p = g_ptr_array_index (group->proposals, i);

      office_changed |= !shk_collect_value_equal (&p->sent_value, &current);
      all_agree &= shk_collect_value_equal (&p->new_value, &current);
      one_value &= shk_collect_value_equal (&p->new_value, &first->new_value);
    }

  if (all_agree)
    ;  /* the document already says what the replies say */
  else if (one_value && !office_changed)
    g_ptr_array_add (self->changes, review_copy (self, first, &current));
  else
    {
      ShkCollectConflict *conflict = g_new0 (ShkCollectConflict, 1);

      conflict->measure = g_object_ref (first->measure);
      conflict->indicator = first->indicator != NULL ? g_object_ref (first->indicator) : NULL;
      conflict->indicator_index = first->indicator_index;
      conflict->year_id = g_strdup (first->year_id);
      conflict->field = first->field;
      shk_collect_value_copy (&conflict->current, &current);
      conflict->office_changed = office_changed;
      conflict->proposals = g_ptr_array_new_with_free_func (shk_collect_change_free);
      conflict->choice = -1;
      for (guint i = 0; i < group->proposals->len; i++)
        g_ptr_array_add (conflict->proposals,
                         review_copy (self, g_ptr_array_index (group->proposals, i), &current));
      g_ptr_array_add (self->conflicts, conflict);
    }
  shk_collect_value_clear (&current);
}

static void
find_missing (ShkCollect *self)
{
  g_auto(GStrv) sections = self->kind == SHK_COLLECT_KIND_SURVEY
                           ? shk_survey_request_dup_sections (self->plan)
                           : shk_request_dup_sections (self->plan);

  for (guint s = 0; sections[s] != NULL; s++)
    {
      gboolean heard = FALSE;

      for (guint i = 0; i < self->replies->len && !heard; i++)
        heard = g_strcmp0 (((ShkCollectReply *) g_ptr_array_index (self->replies, i))->section,
                           sections[s]) == 0;
      if (!heard)
        {
          ShkCollectReply *reply = g_new0 (ShkCollectReply, 1);

          reply->section = g_strdup (sections[s]);
          reply->status = SHK_REPLY_MISSING;
          reply->message = g_strdup_printf (_("%s: no reply yet"), sections[s]);
          g_ptr_array_add (self->missing, reply);
        }
    }
}

void
shk_collect_merge (ShkCollect *self)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);

  if (self->merged)
    return;
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->all_replies, g_ptr_array_unref);
  self->changes = g_ptr_array_new_with_free_func (shk_collect_change_free);
  self->conflicts = g_ptr_array_new_with_free_func (shk_collect_conflict_free);
  self->missing = g_ptr_array_new_with_free_func (shk_collect_reply_free);
  self->all_replies = g_ptr_array_new ();

  for (guint i = 0; i < self->proposals->len; i++)
    {
      ShkCollectChange *p = g_ptr_array_index (self->proposals, i);
      guint number = shk_measure_get_number (p->measure);
      g_autofree char *key = g_strdup_printf ("%u/%u/%d", number, p->indicator_index, p->field);
      Group *group = g_hash_table_lookup (by_key, key);

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          shk_plan_find_measure (self->plan, number, &group->position);
          group->indicator = p->indicator_index;
          group->field = p->field;
          group->proposals = g_ptr_array_new ();
          g_hash_table_insert (by_key, g_steal_pointer (&key), group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->proposals, p);
    }
  g_ptr_array_sort (groups, compare_groups);
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      merge_group (self, group);
      g_ptr_array_unref (group->proposals);
    }

  shk_survey_collect_merge (self);
  find_missing (self);
  for (guint i = 0; i < self->replies->len; i++)
    g_ptr_array_add (self->all_replies, g_ptr_array_index (self->replies, i));
  for (guint i = 0; i < self->missing->len; i++)
    g_ptr_array_add (self->all_replies, g_ptr_array_index (self->missing, i));
  self->merged = TRUE;
}

GPtrArray *
shk_collect_get_replies (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);
  shk_collect_merge (self);
  return self->all_replies;
}

GPtrArray *
shk_collect_get_changes (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);
  shk_collect_merge (self);
  return self->changes;
}

GPtrArray *
shk_collect_get_conflicts (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);
  shk_collect_merge (self);
  return self->conflicts;
}

gboolean
shk_collect_choose_conflict (ShkCollect *self,
                             guint       index,
                             int         choice)
{
  ShkCollectConflict *conflict;

  g_return_val_if_fail (SHK_IS_COLLECT (self), FALSE);
  shk_collect_merge (self);
  if (index >= self->conflicts->len)
    return FALSE;
  conflict = g_ptr_array_index (self->conflicts, index);
  if (choice < -1 || choice >= (int) conflict->proposals->len)
    return FALSE;
  conflict->choice = choice;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Applying                                                            */

typedef struct
{
  ShkMeasure *measure;
  char       *year_id;
  gboolean    had;
  ShkGrade    old_grade;
  char       *old_reason;
  gboolean    has;
  ShkGrade    new_grade;
  char       *new_reason;
} SelfGradeEdit;

static void
self_grade_edit_free (gpointer data)
{
  SelfGradeEdit *edit = data;

  g_object_unref (edit->measure);
  g_free (edit->year_id);
  g_free (edit->old_reason);
  g_free (edit->new_reason);
  g_free (edit);
}

static void
self_grade_edit_apply (gpointer data,
                       gboolean redo)
{
  SelfGradeEdit *edit = data;
  gboolean has = redo ? edit->has : edit->had;

  if (has)
    shk_measure_set_self_grade (edit->measure, edit->year_id,
                                redo ? edit->new_grade : edit->old_grade,
                                redo ? edit->new_reason : edit->old_reason);
  else
    shk_measure_clear_self_grade (edit->measure, edit->year_id);
}

static void
edit_self_grade (ShkUndoStack          *stack,
                 ShkMeasure            *measure,
                 const char            *year_id,
                 const ShkCollectValue *value,
                 const char            *label)
{
  SelfGradeEdit *edit = g_new0 (SelfGradeEdit, 1);
  const char *reason = NULL;

  edit->measure = g_object_ref (measure);
  edit->year_id = g_strdup (year_id);
  edit->had = shk_measure_get_self_grade (measure, year_id, &edit->old_grade, &reason);
  edit->old_reason = g_strdup (reason);
  edit->has = value->has_value && shk_grade_from_symbol (value->text, &edit->new_grade);
  edit->new_reason = g_strdup (value->reason);
  self_grade_edit_apply (edit, TRUE);
  shk_undo_stack_push (stack, label, self_grade_edit_apply, edit, self_grade_edit_free);
}

static void
edit_text (ShkUndoStack          *stack,
           ShkMeasure            *measure,
           const char            *property,
           const ShkCollectValue *value,
           const char            *label)
{
  g_auto(GValue) text = G_VALUE_INIT;

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, value->has_value ? value->text : "");
  shk_edit_set_property (stack, G_OBJECT (measure), property, &text, label);
}

static void
apply_change (ShkUndoStack           *stack,
              const ShkCollectChange *change,
              const char             *label)
{
  const ShkCollectValue *value = &change->new_value;
  g_autoptr(ShkProvenance) reply = shk_provenance_new (SHK_PROVENANCE_REPLY, change->section,
                                                       change->file, NULL);
  g_autofree char *self_grade_key = g_strconcat ("self_grade.", change->year_id, NULL);

  switch (change->field)
    {
    case SHK_COLLECT_FIELD_ACTUAL:
      shk_edit_indicator_value_from (stack, change->indicator, SHK_VALUE_ACTUAL, change->year_id,
                                     value->has_value, value->number, reply, label);
      break;
    case SHK_COLLECT_FIELD_ACTIONS:
      edit_text (stack, change->measure, "actions", value, label);
      shk_edit_provenance (stack, G_OBJECT (change->measure), "actions", reply, label);
      break;
    case SHK_COLLECT_FIELD_NEXT_YEAR_PLAN:
      edit_text (stack, change->measure, "next-year-plan", value, label);
      shk_edit_provenance (stack, G_OBJECT (change->measure), "next_year_plan", reply, label);
      break;
    case SHK_COLLECT_FIELD_SELF_GRADE:
    default:
      edit_self_grade (stack, change->measure, change->year_id, value, label);
      shk_edit_provenance (stack, G_OBJECT (change->measure), self_grade_key, reply, label);
      break;
    }
}

guint
shk_collect_apply (ShkCollect   *self,
                   ShkUndoStack *stack)
{
  const char *label = _("Collect replies");
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (SHK_IS_COLLECT (self), 0);
  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), 0);

  shk_collect_merge (self);
  if (self->applied)
    return 0;
  for (guint i = 0; i < self->changes->len; i++)
    g_ptr_array_add (chosen, g_ptr_array_index (self->changes, i));
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      ShkCollectConflict *conflict = g_ptr_array_index (self->conflicts, i);

      if (conflict->choice >= 0)
        g_ptr_array_add (chosen, g_ptr_array_index (conflict->proposals, conflict->choice));
    }
  self->applied = TRUE;

  shk_undo_stack_begin_group (stack, label);
  for (guint i = 0; i < chosen->len; i++)
    apply_change (stack, g_ptr_array_index (chosen, i), label);
  n = chosen->len + shk_survey_collect_apply (self, stack, label);
  shk_undo_stack_end_group (stack);
  return n;
}

/* ------------------------------------------------------------------ */
/* The reminder list                                                   */

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  g_autofree char *guarded = shk_table_csv_guard (text != NULL ? text : "");
  g_auto(GStrv) parts = g_strsplit (guarded, "\"", -1);
  g_autofree char *doubled = g_strjoinv ("\"\"", parts);

  if (strpbrk (guarded, ",\"\r\n") != NULL)
    g_string_append_printf (out, "\"%s\"", doubled);
  else
    g_string_append (out, guarded);
  g_string_append (out, last ? "\r\n" : ",");
}

char *
shk_collect_dup_reminders (ShkCollect *self,
                           gboolean    csv)
{
  GPtrArray *replies;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) replied = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);

  replies = shk_collect_get_replies (self);
  for (guint i = 0; i < replies->len; i++)
    {
      const ShkCollectReply *reply = g_ptr_array_index (replies, i);

      if (reply->status == SHK_REPLY_REPLIED && reply->section != NULL)
        g_hash_table_add (replied, reply->section);
    }
  if (csv)
    g_string_append (out, "section,measures,status,due,message\r\n");
  for (guint i = 0; i < replies->len; i++)
    {
      const ShkCollectReply *reply = g_ptr_array_index (replies, i);
      g_autoptr(GPtrArray) measures = NULL;
      g_autoptr(GString) numbers = g_string_new (NULL);

      /* A section that replied once, well, needs no reminder. */
      if (reply->status == SHK_REPLY_REPLIED || reply->section == NULL ||
          g_hash_table_contains (replied, reply->section))
        continue;
      /* A survey round lists the section's processes instead. */
      if (self->kind == SHK_COLLECT_KIND_SURVEY)
        {
          g_autoptr(GPtrArray) processes = shk_survey_request_dup_processes (self->plan,
                                                                             reply->section);

          for (guint p = 0; p < processes->len; p++)
            g_string_append_printf (numbers, "%s%s", p > 0 ? ", " : "",
                                    shk_process_get_id (g_ptr_array_index (processes, p)));
        }
      else
        {
          measures = shk_request_dup_measures (self->plan, reply->section);
          for (guint m = 0; m < measures->len; m++)
            g_string_append_printf (numbers, "%sNo.%u", m > 0 ? ", " : "",
                                    shk_measure_get_number (g_ptr_array_index (measures, m)));
        }
      if (csv)
        {
          csv_field (out, reply->section, FALSE);
          csv_field (out, numbers->str, FALSE);
          csv_field (out, shk_reply_status_to_key (reply->status), FALSE);
          csv_field (out, self->due, FALSE);
          csv_field (out, reply->message, TRUE);
        }
      else if (reply->status == SHK_REPLY_REFUSED)
        /* TRANSLATORS: section, its measures, why its reply was refused */
        g_string_append_printf (out, _("%s (%s): the reply was refused: %s"), reply->section,
                                numbers->str, reply->message);
      else
        /* TRANSLATORS: section, its measures */
        g_string_append_printf (out, _("%s (%s): no reply yet"), reply->section, numbers->str);
      if (!csv)
        g_string_append_c (out, '\n');
    }
  if (!csv && self->due != NULL)
    {
      g_string_append_printf (out, _("Due date: %s"), self->due);
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

const char *
shk_collect_field_to_key (ShkCollectField field)
{
  switch (field)
    {
    case SHK_COLLECT_FIELD_ACTUAL:
      return "actual";
    case SHK_COLLECT_FIELD_ACTIONS:
      return "actions";
    case SHK_COLLECT_FIELD_NEXT_YEAR_PLAN:
      return "next_year_plan";
    case SHK_COLLECT_FIELD_SELF_GRADE:
    default:
      return "self_grade";
    }
}

const char *
shk_reply_status_to_key (ShkReplyStatus status)
{
  switch (status)
    {
    case SHK_REPLY_REPLIED:
      return "replied";
    case SHK_REPLY_REFUSED:
      return "refused";
    case SHK_REPLY_MISSING:
    default:
      return "missing";
    }
}

char *
shk_collect_value_describe (ShkCollectField        field,
                            const ShkCollectValue *value)
{
  if (!value->has_value)
    return g_strdup ("—");
  if (field == SHK_COLLECT_FIELD_ACTUAL)
    return shk_format_number (value->number);
  if (field == SHK_COLLECT_FIELD_SELF_GRADE && value->reason != NULL && *value->reason != '\0')
    return g_strdup_printf ("%s (%s)", value->text, value->reason);
  return g_strdup (value->text);
}

char *
shk_collect_dup_cell_label (ShkMeasure      *measure,
                            ShkIndicator    *indicator,
                            ShkCollectField  field,
                            const char      *year_id)
{
  g_autofree char *what = NULL;

  switch (field)
    {
    case SHK_COLLECT_FIELD_ACTUAL:
      /* TRANSLATORS: %s is a fiscal year id ("R3") */
      what = g_strdup_printf (_("Actual %s"), year_id);
      break;
    case SHK_COLLECT_FIELD_ACTIONS:
      what = g_strdup (_("Actions taken"));
      break;
    case SHK_COLLECT_FIELD_NEXT_YEAR_PLAN:
      what = g_strdup (_("Plan for the next year"));
      break;
    case SHK_COLLECT_FIELD_SELF_GRADE:
    default:
      /* TRANSLATORS: %s is a fiscal year id ("R3") */
      what = g_strdup_printf (_("Self-assessment %s"), year_id);
      break;
    }
  if (indicator != NULL)
    return g_strdup_printf ("No.%u %s · %s", shk_measure_get_number (measure),
                            shk_indicator_get_label (indicator), what);
  return g_strdup_printf ("No.%u %s · %s", shk_measure_get_number (measure),
                          shk_measure_get_name (measure), what);
}

char *
shk_collect_warnings_describe (ShkCollectWarnings warnings)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (warnings & SHK_COLLECT_WARNING_TENFOLD)
    g_ptr_array_add (parts, (gpointer) _("ten times last year’s actual or more"));
  if (warnings & SHK_COLLECT_WARNING_NEGATIVE)
    g_ptr_array_add (parts, (gpointer) _("a negative value"));
  if (warnings & SHK_COLLECT_WARNING_CLEARED)
    g_ptr_array_add (parts, (gpointer) _("the value is cleared"));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: the separator between warnings */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

char *
shk_collect_change_describe (const ShkCollectChange *change)
{
  g_autofree char *label = shk_collect_dup_cell_label (change->measure, change->indicator,
                                                       change->field, change->year_id);
  g_autofree char *old_text = shk_collect_value_describe (change->field, &change->old_value);
  g_autofree char *new_text = shk_collect_value_describe (change->field, &change->new_value);
  g_autofree char *warnings = shk_collect_warnings_describe (change->warnings);
  /* TRANSLATORS: cell label: old → new (section, file, cell) */
  g_autofree char *line = g_strdup_printf (_("%s: %s → %s (%s, %s %s)"), label, old_text,
                                           new_text, change->section, change->file, change->cell);

  if (warnings == NULL)
    return g_steal_pointer (&line);
  return g_strdup_printf ("%s ⚠ %s", line, warnings);
}
