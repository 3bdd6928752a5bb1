/* shk-survey-collect.c — replies to the AI/RPA survey, read, merged and
 * applied
 *
 * The reply is identified and its grey cells checked by shk-collect.c,
 * as for the measures; this reads the survey's rows, merges the values
 * into changes and conflicts the same way, and applies them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shk-collect-private.h"
#include "shk-edit.h"
#include "shk-edit-process.h"
#include "shk-number.h"
#include "shk-ranking.h"
#include "shk-survey-collect.h"
#include "shk-survey-request.h"

/* ------------------------------------------------------------------ */
/* Values                                                              */

static void
survey_change_free (gpointer data)
{
  ShkSurveyChange *change = data;

  g_clear_object (&change->process);
  shk_collect_value_clear (&change->old_value);
  shk_collect_value_clear (&change->sent_value);
  shk_collect_value_clear (&change->new_value);
  g_free (change->section);
  g_free (change->file);
  g_free (change->cell);
  g_free (change);
}

static ShkSurveyChange *
survey_change_copy (const ShkSurveyChange *from)
{
  ShkSurveyChange *change = g_new0 (ShkSurveyChange, 1);

  change->process = g_object_ref (from->process);
  change->field = from->field;
  shk_collect_value_copy (&change->old_value, &from->old_value);
  shk_collect_value_copy (&change->sent_value, &from->sent_value);
  shk_collect_value_copy (&change->new_value, &from->new_value);
  change->section = g_strdup (from->section);
  change->file = g_strdup (from->file);
  change->cell = g_strdup (from->cell);
  change->warnings = from->warnings;
  return change;
}

static void
survey_conflict_free (gpointer data)
{
  ShkSurveyConflict *conflict = data;

  g_clear_object (&conflict->process);
  shk_collect_value_clear (&conflict->current);
  g_ptr_array_unref (conflict->proposals);
  g_free (conflict);
}

static void
new_process_free (gpointer data)
{
  ShkSurveyNewProcess *added = data;

  g_free (added->name);
  g_free (added->business);
  g_free (added->unit);
  g_free (added->section);
  g_free (added->category);
  g_free (added->applicable);
  g_free (added->note);
  g_free (added->file);
  g_free (added->cell);
  g_free (added);
}

static void
document_value (ShkProcess      *process,
                ShkSurveyField   field,
                ShkCollectValue *value)
{
  shk_collect_value_clear (value);
  switch (field)
    {
    case SHK_SURVEY_FIELD_HOURS:
      value->has_value = TRUE;
      value->number = shk_process_get_hours (process);
      break;
    case SHK_SURVEY_FIELD_CATEGORY:
      shk_collect_value_set_text (value, shk_process_get_category (process));
      break;
    case SHK_SURVEY_FIELD_APPLICABLE:
      shk_collect_value_set_text (value, shk_process_get_ai_applicable (process));
      break;
    case SHK_SURVEY_FIELD_NOTE:
    default:
      shk_collect_value_set_text (value, shk_process_get_reply_note (process));
      break;
    }
}

void
shk_survey_collect_init (ShkCollect *self)
{
  self->survey_proposals = g_ptr_array_new_with_free_func (survey_change_free);
  self->new_processes = g_ptr_array_new_with_free_func (new_process_free);
}

void
shk_survey_collect_finalize (ShkCollect *self)
{
  g_clear_pointer (&self->survey_proposals, g_ptr_array_unref);
  g_clear_pointer (&self->new_processes, g_ptr_array_unref);
  g_clear_pointer (&self->survey_changes, g_ptr_array_unref);
  g_clear_pointer (&self->survey_conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->survey_new, g_ptr_array_unref);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

typedef struct
{
  guint hours, category, applicable, note, name, business, unit;
} Columns;

static const char *
cell_text (ShkCollectRead *r,
           guint           row,
           guint           column)
{
  return shk_sheet_get_cell (r->reply, row, column, NULL);
}

/* Hours: a number, 0 or more, in the plan's range. Empty is no value. */
static gboolean
read_hours (ShkCollectRead  *r,
            guint            row,
            guint            column,
            ShkCollectValue *value)
{
  gboolean is_number = FALSE;
  const char *text = shk_sheet_get_cell (r->reply, row, column, &is_number);
  g_autofree char *what = NULL;

  shk_collect_value_clear (value);
  if (*text == '\0')
    return TRUE;
  value->has_value = is_number ? shk_collect_parse_plain_number (text, &value->number)
                               : shk_process_parse_hours (text, &value->number, NULL) ||
                                 shk_parse_number (text, NULL, &value->number);
  if (!value->has_value)
    what = g_strdup_printf (_("“%s” is not a number of hours"), text);
  else if (value->number < 0)
    what = g_strdup_printf (_("%s hours: hours cannot be negative"), text);
  else if (value->number > SHK_PROCESS_MAX_HOURS_PER_YEAR)
    what = g_strdup_printf (_("%s hours is more than a city works in a year"), text);
  if (what != NULL)
    {
      value->has_value = FALSE;
      return shk_collect_refuse_at (r, row, column, what);
    }
  return TRUE;
}

/* A category of the document's list; empty is no value. */
static gboolean
read_category (ShkCollectRead  *r,
               guint            row,
               guint            column,
               ShkCollectValue *value)
{
  shk_collect_value_set_text (value, cell_text (r, row, column));
  if (value->has_value &&
      !g_strv_contains (shk_process_categories (), value->text))
    {
      g_autofree char *list = g_strjoinv ("、", (char **) shk_process_categories ());
      g_autofree char *what = g_strdup_printf (_("“%s” is not one of the categories (%s)"),
                                               value->text, list);

      shk_collect_value_clear (value);
      return shk_collect_refuse_at (r, row, column, what);
    }
  return TRUE;
}

/* Yes, no or unknown, kept as its key. */
static gboolean
read_applicable (ShkCollectRead  *r,
                 guint            row,
                 guint            column,
                 ShkCollectValue *value)
{
  const char *text = cell_text (r, row, column);
  const char *key;

  shk_collect_value_clear (value);
  if (*text == '\0')
    return TRUE;
  key = shk_survey_applicable_parse (text);
  if (key == NULL)
    {
      g_autofree char *what =
        g_strdup_printf (_("“%s” is not one of “%s”, “%s” and “%s”"), text,
                         shk_survey_applicable_label ("yes"), shk_survey_applicable_label ("no"),
                         shk_survey_applicable_label ("unknown"));

      return shk_collect_refuse_at (r, row, column, what);
    }
  shk_collect_value_set_text (value, key);
  return TRUE;
}

static gboolean
read_text (ShkCollectRead  *r,
           guint            row,
           guint            column,
           ShkCollectValue *value)
{
  shk_collect_value_set_text (value, cell_text (r, row, column));
  if (value->has_value && g_utf8_strlen (value->text, -1) > SHK_REQUEST_MAX_TEXT)
    {
      g_autofree char *what = g_strdup_printf (_("the text is longer than %u characters"),
                                               SHK_REQUEST_MAX_TEXT);

      shk_collect_value_clear (value);
      return shk_collect_refuse_at (r, row, column, what);
    }
  return TRUE;
}

static gboolean
read_field (ShkCollectRead  *r,
            ShkSurveyField   field,
            guint            row,
            guint            column,
            ShkCollectValue *value)
{
  switch (field)
    {
    case SHK_SURVEY_FIELD_HOURS:
      return read_hours (r, row, column, value);
    case SHK_SURVEY_FIELD_CATEGORY:
      return read_category (r, row, column, value);
    case SHK_SURVEY_FIELD_APPLICABLE:
      return read_applicable (r, row, column, value);
    case SHK_SURVEY_FIELD_NOTE:
    default:
      return read_text (r, row, column, value);
    }
}

/* The value as sent, from the copy: the hours as a number, the
 * applicability as its key (the copy holds the word shown). */
static void
sent_value (ShkSurveyField   field,
            const char      *sent,
            ShkCollectValue *value)
{
  shk_collect_value_clear (value);
  if (field == SHK_SURVEY_FIELD_HOURS)
    value->has_value = shk_collect_parse_plain_number (sent, &value->number);
  else if (field == SHK_SURVEY_FIELD_APPLICABLE)
    shk_collect_value_set_text (value, shk_survey_applicable_parse (sent));
  else
    shk_collect_value_set_text (value, sent);
}

static gboolean
read_listed (ShkCollectRead *r,
             char          **sent,
             guint           sheet_row,
             const Columns  *columns)
{
  ShkProcess *process = shk_survey_find_process (shk_plan_get_survey (r->self->plan), sent[0]);
  const guint column_of[] = {
    [SHK_SURVEY_FIELD_HOURS] = columns->hours,
    [SHK_SURVEY_FIELD_CATEGORY] = columns->category,
    [SHK_SURVEY_FIELD_APPLICABLE] = columns->applicable,
    [SHK_SURVEY_FIELD_NOTE] = columns->note,
  };

  if (process == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("the work process “%s” is no longer in the "
                                                 "document"), sent[0]);

      return shk_collect_refuse_at (r, sheet_row, 0, what);
    }
  for (guint f = 0; f < G_N_ELEMENTS (column_of); f++)
    {
      ShkCollectValue before = { 0 }, now = { 0 };
      ShkSurveyChange *change;

      if (!read_field (r, f, sheet_row, column_of[f], &now))
        return FALSE;
      sent_value (f, sent[column_of[f]], &before);
      /* An empty text cell means "nothing to report", never "erase"; an
       * emptied hours cell is an answer, and the review warns. */
      if ((f != SHK_SURVEY_FIELD_HOURS && !now.has_value) ||
          shk_collect_value_equal (&before, &now))
        {
          shk_collect_value_clear (&before);
          shk_collect_value_clear (&now);
          continue;
        }
      change = g_new0 (ShkSurveyChange, 1);
      change->process = g_object_ref (process);
      change->field = f;
      change->sent_value = before;
      change->new_value = now;
      change->section = g_strdup (r->section);
      change->file = g_strdup (r->file);
      change->cell = shk_sheet_cell_name (sheet_row, column_of[f]);
      g_ptr_array_add (r->proposals, change);
    }
  return TRUE;
}

static gboolean
section_lists (ShkCollectRead *r,
               const char     *name)
{
  GListModel *processes = shk_survey_get_processes (shk_plan_get_survey (r->self->plan));

  for (guint i = 0; i < g_list_model_get_n_items (processes); i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (processes, i);

      if (g_str_equal (shk_process_get_section (process), r->section) &&
          g_str_equal (shk_process_get_name (process), name))
        return TRUE;
    }
  return FALSE;
}

/* A blank row: nothing, or a whole new process. */
static gboolean
read_new (ShkCollectRead *r,
          guint           sheet_row,
          const Columns  *columns)
{
  ShkCollectValue name = { 0 }, business = { 0 }, unit = { 0 }, hours = { 0 };
  ShkCollectValue category = { 0 }, applicable = { 0 }, note = { 0 };
  ShkSurveyNewProcess *added;
  gboolean ok;

  ok = read_text (r, sheet_row, columns->name, &name) &&
       read_text (r, sheet_row, columns->business, &business) &&
       read_text (r, sheet_row, columns->unit, &unit) &&
       read_hours (r, sheet_row, columns->hours, &hours) &&
       read_category (r, sheet_row, columns->category, &category) &&
       read_applicable (r, sheet_row, columns->applicable, &applicable) &&
       read_text (r, sheet_row, columns->note, &note);
  if (ok && !name.has_value &&
      (business.has_value || unit.has_value || hours.has_value || category.has_value ||
       applicable.has_value || note.has_value))
    ok = shk_collect_refuse_at (r, sheet_row, columns->name,
                                _("a new work process needs its name"));
  else if (ok && name.has_value && !hours.has_value)
    ok = shk_collect_refuse_at (r, sheet_row, columns->hours,
                                _("a new work process needs its hours a year"));
  else if (ok && name.has_value && section_lists (r, name.text))
    {
      g_autofree char *what =
        g_strdup_printf (_("“%s” is already on the list; correct its row instead"), name.text);

      ok = shk_collect_refuse_at (r, sheet_row, columns->name, what);
    }
  if (ok && name.has_value)
    {
      added = g_new0 (ShkSurveyNewProcess, 1);
      added->name = g_steal_pointer (&name.text);
      added->business = g_steal_pointer (&business.text);
      added->unit = g_steal_pointer (&unit.text);
      added->section = g_strdup (r->section);
      added->hours = hours.number;
      added->category = g_steal_pointer (&category.text);
      added->applicable = g_steal_pointer (&applicable.text);
      added->note = g_steal_pointer (&note.text);
      added->file = g_strdup (r->file);
      added->cell = shk_sheet_cell_name (sheet_row, columns->name);
      g_ptr_array_add (r->new_processes, added);
    }
  shk_collect_value_clear (&name);
  shk_collect_value_clear (&business);
  shk_collect_value_clear (&unit);
  shk_collect_value_clear (&category);
  shk_collect_value_clear (&applicable);
  shk_collect_value_clear (&note);
  return ok;
}

gboolean
shk_survey_collect_read_rows (ShkCollectRead *r)
{
  Columns columns = {
    .hours = shk_collect_column_of (r, SHK_SURVEY_KEY_HOURS),
    .category = shk_collect_column_of (r, SHK_SURVEY_KEY_CATEGORY),
    .applicable = shk_collect_column_of (r, SHK_SURVEY_KEY_APPLICABLE),
    .note = shk_collect_column_of (r, SHK_SURVEY_KEY_NOTE),
    .name = shk_collect_column_of (r, SHK_SURVEY_KEY_NAME),
    .business = shk_collect_column_of (r, SHK_SURVEY_KEY_BUSINESS),
    .unit = shk_collect_column_of (r, SHK_SURVEY_KEY_UNIT),
  };
  const guint all[] = {
    columns.hours, columns.category, columns.applicable, columns.note,
    columns.name, columns.business, columns.unit,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] == G_MAXUINT)
      return shk_collect_refuse (r, _("%s: the identification sheet is damaged"), r->file);
  /* The id (or "+1") is what every row is read by. */
  if (shk_collect_column_of (r, SHK_SURVEY_KEY_ID) != 0)
    return shk_collect_refuse (r, _("%s: the identification sheet is damaged"), r->file);

  r->proposals = g_ptr_array_new_with_free_func (survey_change_free);
  r->new_processes = g_ptr_array_new_with_free_func (new_process_free);
  for (guint row = 1; row < r->copy->len; row++)
    {
      char **sent = g_ptr_array_index (r->copy, row);
      guint sheet_row = r->first_row + row - 1;
      gboolean ok = g_str_has_prefix (sent[0], SHK_REQUEST_OPEN_ROW_PREFIX)
                    ? read_new (r, sheet_row, &columns)
                    : read_listed (r, sent, sheet_row, &columns);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Merging                                                             */

static ShkCollectWarnings
find_warnings (const ShkSurveyChange *change)
{
  if (change->field != SHK_SURVEY_FIELD_HOURS)
    return 0;
  if (!change->new_value.has_value)
    return SHK_COLLECT_WARNING_CLEARED;
  if (change->old_value.has_value && change->old_value.number > 0 &&
      change->new_value.number >= 10 * change->old_value.number)
    return SHK_COLLECT_WARNING_TENFOLD;
  return 0;
}

static ShkSurveyChange *
review_copy (const ShkSurveyChange *proposal,
             const ShkCollectValue *current)
{
  ShkSurveyChange *change = survey_change_copy (proposal);

  shk_collect_value_clear (&change->old_value);
  shk_collect_value_copy (&change->old_value, current);
  change->warnings = find_warnings (change);
  return change;
}

/* As for the measures: one value and the office has not changed it
 * since sending is a change; anything else is a conflict. */
static void
merge_group (ShkCollect *self,
             GPtrArray  *group)
{
  ShkSurveyChange *first = g_ptr_array_index (group, 0);
  ShkCollectValue current = { 0 };
  gboolean office_changed = FALSE, all_agree = TRUE, one_value = TRUE;

  document_value (first->process, first->field, &current);
  for (guint i = 0; i < group->len; i++)
    {
      ShkSurveyChange *p = g_ptr_array_index (group, i);

      office_changed |= !shk_collect_value_equal (&p->sent_value, &current);
      all_agree &= shk_collect_value_equal (&p->new_value, &current);
      one_value &= shk_collect_value_equal (&p->new_value, &first->new_value);
    }
  if (all_agree)
    ;  /* the document already says what the replies say */
  else if (one_value && !office_changed)
    g_ptr_array_add (self->survey_changes, review_copy (first, &current));
  else
    {
      ShkSurveyConflict *conflict = g_new0 (ShkSurveyConflict, 1);

      conflict->process = g_object_ref (first->process);
      conflict->field = first->field;
      shk_collect_value_copy (&conflict->current, &current);
      conflict->office_changed = office_changed;
      conflict->proposals = g_ptr_array_new_with_free_func (survey_change_free);
      conflict->choice = -1;
      for (guint i = 0; i < group->len; i++)
        g_ptr_array_add (conflict->proposals, review_copy (g_ptr_array_index (group, i), &current));
      g_ptr_array_add (self->survey_conflicts, conflict);
    }
  shk_collect_value_clear (&current);
}

static gboolean
same_new_process (const ShkSurveyNewProcess *a,
                  const ShkSurveyNewProcess *b)
{
  return g_str_equal (a->section, b->section) && g_str_equal (a->name, b->name);
}

void
shk_survey_collect_merge (ShkCollect *self)
{
  GListModel *processes = shk_survey_get_processes (shk_plan_get_survey (self->plan));
  guint n = g_list_model_get_n_items (processes);

  g_clear_pointer (&self->survey_changes, g_ptr_array_unref);
  g_clear_pointer (&self->survey_conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->survey_new, g_ptr_array_unref);
  self->survey_changes = g_ptr_array_new_with_free_func (survey_change_free);
  self->survey_conflicts = g_ptr_array_new_with_free_func (survey_conflict_free);
  self->survey_new = g_ptr_array_new ();

  /* In survey order, field by field: a few hundred processes at most. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (processes, i);

      for (ShkSurveyField f = SHK_SURVEY_FIELD_HOURS; f <= SHK_SURVEY_FIELD_NOTE; f++)
        {
          g_autoptr(GPtrArray) group = g_ptr_array_new ();

          for (guint p = 0; p < self->survey_proposals->len; p++)
            {
              ShkSurveyChange *proposal = g_ptr_array_index (self->survey_proposals, p);

              if (proposal->process == process && proposal->field == f)
                g_ptr_array_add (group, proposal);
            }
          if (group->len > 0)
            merge_group (self, group);
        }
    }
  /* The same section sending its workbook twice adds a process once. */
  for (guint i = 0; i < self->new_processes->len; i++)
    {
      ShkSurveyNewProcess *added = g_ptr_array_index (self->new_processes, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < self->survey_new->len && !seen; j++)
        seen = same_new_process (g_ptr_array_index (self->survey_new, j), added);
      if (!seen)
        g_ptr_array_add (self->survey_new, added);
    }
}

gboolean
shk_collect_is_survey (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), FALSE);
  return self->kind == SHK_COLLECT_KIND_SURVEY;
}

GPtrArray *
shk_collect_get_survey_changes (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);
  shk_collect_merge (self);
  return self->survey_changes;
}

GPtrArray *
shk_collect_get_survey_conflicts (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);
  shk_collect_merge (self);
  return self->survey_conflicts;
}

GPtrArray *
shk_collect_get_new_processes (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);
  shk_collect_merge (self);
  return self->survey_new;
}

gboolean
shk_collect_choose_survey_conflict (ShkCollect *self,
                                    guint       index,
                                    int         choice)
{
  ShkSurveyConflict *conflict;

  g_return_val_if_fail (SHK_IS_COLLECT (self), FALSE);
  shk_collect_merge (self);
  if (index >= self->survey_conflicts->len)
    return FALSE;
  conflict = g_ptr_array_index (self->survey_conflicts, index);
  if (choice < -1 || choice >= (int) conflict->proposals->len)
    return FALSE;
  conflict->choice = choice;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Applying                                                            */

static const char *
field_property (ShkSurveyField field)
{
  switch (field)
    {
    case SHK_SURVEY_FIELD_HOURS:
      return "hours";
    case SHK_SURVEY_FIELD_CATEGORY:
      return "category";
    case SHK_SURVEY_FIELD_APPLICABLE:
      return "ai-applicable";
    case SHK_SURVEY_FIELD_NOTE:
    default:
      return "reply-note";
    }
}

/* The provenance key of a field (shk-provenance.h). */
static const char *
field_provenance_key (ShkSurveyField field)
{
  switch (field)
    {
    case SHK_SURVEY_FIELD_HOURS:
      return "hours";
    case SHK_SURVEY_FIELD_CATEGORY:
      return "category";
    case SHK_SURVEY_FIELD_APPLICABLE:
      return "ai_applicable";
    case SHK_SURVEY_FIELD_NOTE:
    default:
      return "reply_note";
    }
}

static void
apply_change (ShkUndoStack          *stack,
              const ShkSurveyChange *change,
              const char            *label)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(ShkProvenance) reply = shk_provenance_new (SHK_PROVENANCE_REPLY, change->section,
                                                       change->file, NULL);

  if (change->field == SHK_SURVEY_FIELD_HOURS)
    {
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, change->new_value.has_value ? change->new_value.number : 0);
    }
  else
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, change->new_value.text);
    }
  shk_edit_set_property (stack, G_OBJECT (change->process), field_property (change->field),
                         &value, label);
  shk_edit_provenance (stack, G_OBJECT (change->process), field_provenance_key (change->field),
                       reply, label);
}

static ShkProcess *
process_new (ShkSurvey                 *survey,
             const ShkSurveyNewProcess *added)
{
  g_autofree char *id = shk_survey_dup_unused_process_id (survey);
  ShkProcess *process = shk_process_new (id);
  g_autoptr(ShkProvenance) reply = shk_provenance_new (SHK_PROVENANCE_REPLY, added->section,
                                                       added->file, NULL);

  shk_process_set_name (process, added->name);
  shk_process_set_business (process, added->business);
  shk_process_set_section (process, added->section);
  shk_process_set_unit (process, added->unit);
  shk_process_set_hours (process, added->hours);
  shk_process_set_category (process, added->category);
  shk_process_set_ai_applicable (process, added->applicable);
  shk_process_set_reply_note (process, added->note);
  /* Not yet in the document: set directly, undone with the addition. */
  for (ShkSurveyField f = SHK_SURVEY_FIELD_HOURS; f <= SHK_SURVEY_FIELD_NOTE; f++)
    {
      ShkCollectValue value = { 0 };

      document_value (process, f, &value);
      if (value.has_value)
        shk_process_set_provenance (process, field_provenance_key (f), reply);
      shk_collect_value_clear (&value);
    }
  return process;
}

guint
shk_survey_collect_apply (ShkCollect   *self,
                          ShkUndoStack *stack,
                          const char   *label)
{
  ShkSurvey *survey = shk_plan_get_survey (self->plan);
  guint n = 0;

  for (guint i = 0; i < self->survey_changes->len; i++, n++)
    apply_change (stack, g_ptr_array_index (self->survey_changes, i), label);
  for (guint i = 0; i < self->survey_conflicts->len; i++)
    {
      ShkSurveyConflict *conflict = g_ptr_array_index (self->survey_conflicts, i);

      if (conflict->choice < 0)
        continue;
      apply_change (stack, g_ptr_array_index (conflict->proposals, conflict->choice), label);
      n++;
    }
  for (guint i = 0; i < self->survey_new->len; i++, n++)
    {
      g_autoptr(ShkProcess) process = process_new (survey, g_ptr_array_index (self->survey_new, i));

      shk_edit_survey_add_process (stack, survey, process, label);
    }
  return n;
}

/* ------------------------------------------------------------------ */
/* Describing                                                          */

const char *
shk_survey_field_to_key (ShkSurveyField field)
{
  static const char * const keys[] = {
    [SHK_SURVEY_FIELD_HOURS] = "hours",
    [SHK_SURVEY_FIELD_CATEGORY] = "category",
    [SHK_SURVEY_FIELD_APPLICABLE] = "applicable",
    [SHK_SURVEY_FIELD_NOTE] = "note",
  };

  g_return_val_if_fail (field <= SHK_SURVEY_FIELD_NOTE, NULL);
  return keys[field];
}

char *
shk_survey_value_describe (ShkSurveyField         field,
                           const ShkCollectValue *value)
{
  if (!value->has_value)
    return g_strdup ("—");
  if (field == SHK_SURVEY_FIELD_HOURS)
    {
      g_autofree char *number = shk_format_number (value->number);

      /* TRANSLATORS: a number of hours a year */
      return g_strdup_printf (_("%s h"), number);
    }
  if (field == SHK_SURVEY_FIELD_APPLICABLE && shk_survey_applicable_label (value->text) != NULL)
    return g_strdup (shk_survey_applicable_label (value->text));
  return g_strdup (value->text);
}

char *
shk_survey_dup_cell_label (ShkProcess     *process,
                           ShkSurveyField  field)
{
  const char *names[] = {
    [SHK_SURVEY_FIELD_HOURS] = _("Annual hours"),
    [SHK_SURVEY_FIELD_CATEGORY] = _("Category"),
    [SHK_SURVEY_FIELD_APPLICABLE] = _("AI/RPA could apply"),
    [SHK_SURVEY_FIELD_NOTE] = _("Section's note"),
  };

  g_return_val_if_fail (SHK_IS_PROCESS (process), NULL);
  return g_strdup_printf ("%s %s · %s", shk_process_get_id (process),
                          shk_process_get_name (process), names[field]);
}

char *
shk_survey_warnings_describe (ShkCollectWarnings warnings)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  /* The measures' words speak of last year's actual; the survey's
   * compare with the hours the document has. */
  if (warnings & SHK_COLLECT_WARNING_TENFOLD)
    g_ptr_array_add (parts, (gpointer) _("ten times the hours the document has, or more"));
  if (warnings & SHK_COLLECT_WARNING_CLEARED)
    g_ptr_array_add (parts, (gpointer) _("the hours are emptied; applying sets them to 0"));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

char *
shk_survey_change_describe (const ShkSurveyChange *change)
{
  g_autofree char *label = shk_survey_dup_cell_label (change->process, change->field);
  g_autofree char *old_text = shk_survey_value_describe (change->field, &change->old_value);
  g_autofree char *new_text = shk_survey_value_describe (change->field, &change->new_value);
  g_autofree char *warnings = shk_survey_warnings_describe (change->warnings);
  g_autofree char *line = g_strdup_printf ("%s: %s → %s (%s)", label, old_text, new_text,
                                           change->section);

  if (warnings == NULL)
    return g_steal_pointer (&line);
  return g_strdup_printf ("%s — %s", line, warnings);
}
