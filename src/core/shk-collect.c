/* shk-collect.c — replies to request workbooks, read, checked and merged
 *
 * Each reply becomes proposals (one per value it gives that differs from
 * what was sent); merging them against the document now gives the
 * changes and the conflicts. The workbook itself is read by the bounded
 * XLSX reader of the import (shk-sheet.h).
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
#include "shk-sheet.h"
#include "shk-survey-request.h"

/* The same range the editors accept. */
#define MAX_MAGNITUDE 1e15

G_DEFINE_FINAL_TYPE (ShkCollect, shk_collect, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Values                                                              */

void
shk_collect_value_clear (ShkCollectValue *value)
{
  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->reason, g_free);
  value->has_value = FALSE;
}

void
shk_collect_value_copy (ShkCollectValue       *to,
            const ShkCollectValue *from)
{
  to->has_value = from->has_value;
  to->number = from->number;
  to->text = g_strdup (from->text);
  to->reason = g_strdup (from->reason);
}

gboolean
shk_collect_numbers_equal (double a,
                           double b)
{
  return a == b || fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b));
}

gboolean
shk_collect_value_equal (const ShkCollectValue *a,
             const ShkCollectValue *b)
{
  if (a->has_value != b->has_value)
    return FALSE;
  if (!a->has_value)
    return TRUE;
  if (a->text == NULL && b->text == NULL)
    return shk_collect_numbers_equal (a->number, b->number);
  return g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->reason ? a->reason : "", b->reason ? b->reason : "") == 0;
}

/* Excel writes line breaks as CR LF and people leave trailing blanks. */
char *
shk_collect_normalise_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\r\n", -1);
  g_autofree char *joined = g_strjoinv ("\n", lines);

  return g_strdup (g_strstrip (joined));
}

void
shk_collect_value_set_text (ShkCollectValue *value,
                            const char      *text)
{
  shk_collect_value_clear (value);
  value->text = shk_collect_normalise_text (text);
  value->has_value = value->text[0] != '\0';
  if (!value->has_value)
    g_clear_pointer (&value->text, g_free);
}

void
shk_collect_document_value (ShkMeasure      *measure,
                ShkIndicator    *indicator,
                ShkCollectField  field,
                const char      *year_id,
                ShkCollectValue *value)
{
  ShkGrade grade;
  const char *reason = NULL;

  shk_collect_value_clear (value);
  switch (field)
    {
    case SHK_COLLECT_FIELD_ACTUAL:
      value->has_value = indicator != NULL &&
                         shk_indicator_get_actual (indicator, year_id, &value->number);
      break;
    case SHK_COLLECT_FIELD_ACTIONS:
      shk_collect_value_set_text (value, shk_measure_get_actions (measure));
      break;
    case SHK_COLLECT_FIELD_NEXT_YEAR_PLAN:
      shk_collect_value_set_text (value, shk_measure_get_next_year_plan (measure));
      break;
    case SHK_COLLECT_FIELD_SELF_GRADE:
    default:
      if (shk_measure_get_self_grade (measure, year_id, &grade, &reason))
        {
          value->has_value = TRUE;
          value->text = g_strdup (shk_grade_to_symbol (grade));
          value->reason = shk_collect_normalise_text (reason);
        }
      break;
    }
}

void
shk_collect_change_free (gpointer data)
{
  ShkCollectChange *change = data;

  g_clear_object (&change->measure);
  g_clear_object (&change->indicator);
  g_free (change->year_id);
  shk_collect_value_clear (&change->old_value);
  shk_collect_value_clear (&change->sent_value);
  shk_collect_value_clear (&change->new_value);
  g_free (change->section);
  g_free (change->file);
  g_free (change->cell);
  g_free (change);
}

ShkCollectChange *
shk_collect_change_copy (const ShkCollectChange *from)
{
  ShkCollectChange *change = g_new0 (ShkCollectChange, 1);

  change->measure = g_object_ref (from->measure);
  change->indicator = from->indicator != NULL ? g_object_ref (from->indicator) : NULL;
  change->indicator_index = from->indicator_index;
  change->year_id = g_strdup (from->year_id);
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

void
shk_collect_conflict_free (gpointer data)
{
  ShkCollectConflict *conflict = data;

  g_clear_object (&conflict->measure);
  g_clear_object (&conflict->indicator);
  g_free (conflict->year_id);
  shk_collect_value_clear (&conflict->current);
  g_ptr_array_unref (conflict->proposals);
  g_free (conflict);
}

void
shk_collect_reply_free (gpointer data)
{
  ShkCollectReply *reply = data;

  g_free (reply->file);
  g_free (reply->section);
  g_free (reply->message);
  g_free (reply);
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
shk_collect_finalize (GObject *object)
{
  ShkCollect *self = SHK_COLLECT (object);

  g_clear_object (&self->plan);
  g_free (self->year_id);
  g_free (self->document);
  g_free (self->due);
  g_clear_pointer (&self->replies, g_ptr_array_unref);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->all_replies, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  shk_survey_collect_finalize (self);

  G_OBJECT_CLASS (shk_collect_parent_class)->finalize (object);
}

static void
shk_collect_class_init (ShkCollectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shk_collect_finalize;
}

static void
shk_collect_init (ShkCollect *self)
{
  self->replies = g_ptr_array_new_with_free_func (shk_collect_reply_free);
  self->proposals = g_ptr_array_new_with_free_func (shk_collect_change_free);
  shk_survey_collect_init (self);
}

ShkCollect *
shk_collect_new (ShkPlan    *plan,
                 const char *year_id)
{
  ShkCollect *self;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  self = g_object_new (SHK_TYPE_COLLECT, NULL);
  self->plan = g_object_ref (plan);
  self->year_id = g_strdup (year_id);
  self->document = shk_request_dup_document_id (plan);
  return self;
}

const char *
shk_collect_get_year (ShkCollect *self)
{
  g_return_val_if_fail (SHK_IS_COLLECT (self), NULL);
  return self->year_id;
}

/* ------------------------------------------------------------------ */
/* Reading one reply                                                   */

typedef ShkCollectRead Reply;

static void
reply_clear (Reply *r)
{
  g_free (r->section);
  g_clear_pointer (&r->copy, g_ptr_array_unref);
  g_clear_pointer (&r->proposals, g_ptr_array_unref);
  g_clear_pointer (&r->new_processes, g_ptr_array_unref);
  g_free (r->refusal);
}

gboolean
shk_collect_refuse (Reply      *r,
                    const char *format,
                    ...)
{
  va_list args;

  if (r->refusal == NULL)
    {
      va_start (args, format);
      r->refusal = g_strdup_vprintf (format, args);
      va_end (args);
    }
  return FALSE;
}

gboolean
shk_collect_refuse_at (Reply      *r,
                       guint       row,
                       guint       column,
                       const char *what)
{
  g_autofree char *cell = shk_sheet_cell_name (row, column);

  /* TRANSLATORS: a refused reply: file, cell, what is wrong */
  return shk_collect_refuse (r, _("%s, cell %s: %s"), r->file, cell, what);
}

static const char *
id_value (Reply *r,
          guint  row)
{
  return shk_sheet_get_cell (r->id_sheet, row, 1, NULL);
}

static ShkSheet *
find_sheet (GPtrArray  *sheets,
            const char *name)
{
  for (guint i = 0; i < sheets->len; i++)
    if (g_strcmp0 (shk_sheet_get_name (g_ptr_array_index (sheets, i)), name) == 0)
      return g_ptr_array_index (sheets, i);
  return NULL;
}

static gboolean
read_copy (Reply *r)
{
  guint64 n_rows = 0;
  guint n_columns = shk_sheet_get_n_columns (r->id_sheet, SHK_REQUEST_ROW_COLUMNS);
  g_autofree char *checksum = NULL;

  if (!g_ascii_string_to_unsigned (id_value (r, SHK_REQUEST_ROW_N_ROWS), 10, 0,
                                   SHK_IMPORT_MAX_ROWS, &n_rows, NULL) ||
      n_columns == 0)
    return shk_collect_refuse (r, _("%s: the identification sheet is damaged"), r->file);

  r->copy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint row = 0; row <= n_rows; row++)
    {
      GStrv cells = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        cells[c] = g_strdup (shk_sheet_get_cell (r->id_sheet, SHK_REQUEST_ROW_COLUMNS + row, c,
                                                 NULL));
      g_ptr_array_add (r->copy, cells);
    }
  checksum = shk_request_checksum (id_value (r, SHK_REQUEST_ROW_DOCUMENT), r->section,
                                   id_value (r, SHK_REQUEST_ROW_YEAR),
                                   id_value (r, SHK_REQUEST_ROW_SHEET), r->copy);
  if (!g_str_equal (checksum, id_value (r, SHK_REQUEST_ROW_CHECKSUM)))
    return shk_collect_refuse (r, _("%s: the hidden identification sheet was changed, so the reply "
                        "cannot be matched with what was sent"), r->file);
  return TRUE;
}

/* Who sent it, for which document and year, on which sheet. */
static gboolean
identify (Reply     *r,
          GPtrArray *sheets)
{
  ShkCollect *self = r->self;
  const char *year;
  const char *magic;
  ShkCollectKind kind;
  guint64 first_row = 0;

  r->id_sheet = find_sheet (sheets, SHK_REQUEST_ID_SHEET);
  magic = r->id_sheet != NULL ? shk_sheet_get_cell (r->id_sheet, SHK_REQUEST_ROW_MAGIC, 0, NULL)
                              : NULL;
  r->survey = g_strcmp0 (magic, SHK_SURVEY_MAGIC) == 0;
  if (g_strcmp0 (magic, SHK_REQUEST_MAGIC) != 0 && !r->survey)
    return shk_collect_refuse (r, _("%s: not a request workbook made by Shinchoku (it has no "
                        "identification sheet); ask the section to fill in the workbook it "
                        "was sent"), r->file);
  if (g_strcmp0 (id_value (r, SHK_REQUEST_ROW_MAGIC), G_STRINGIFY (SHK_REQUEST_VERSION)) != 0)
    return shk_collect_refuse (r, _("%s: made by a newer version of Shinchoku"), r->file);

  r->section = g_strdup (id_value (r, SHK_REQUEST_ROW_SECTION));
  if (!read_copy (r))
    return FALSE;
  if (!g_str_equal (id_value (r, SHK_REQUEST_ROW_DOCUMENT), self->document))
    return shk_collect_refuse (r, _("%s: this workbook was sent for another plan document, not “%s”"),
                   r->file, shk_plan_get_title (self->plan));

  year = id_value (r, SHK_REQUEST_ROW_YEAR);
  if (self->year_id == NULL)
    self->year_id = g_strdup (year);
  if (!g_str_equal (year, self->year_id))
    return shk_collect_refuse (r, _("%s: this workbook asks for the %s figures, not those of %s"),
                   r->file, year, self->year_id);

  /* The measures' replies and the survey's are reviewed apart: their
   * missing sections and their changes are of different things. */
  kind = r->survey ? SHK_COLLECT_KIND_SURVEY : SHK_COLLECT_KIND_MEASURES;
  if (self->kind == SHK_COLLECT_KIND_UNKNOWN)
    self->kind = kind;
  if (kind != self->kind)
    return shk_collect_refuse (r, r->survey
                                  ? _("%s: this is a reply to the AI/RPA survey; collect it "
                                      "apart from the replies to the measures' requests")
                                  : _("%s: this is a reply to a measures' request; collect it "
                                      "apart from the replies to the AI/RPA survey"), r->file);

  r->reply = find_sheet (sheets, id_value (r, SHK_REQUEST_ROW_SHEET));
  if (r->reply == NULL)
    return shk_collect_refuse (r, _("%s: the sheet “%s” is missing"), r->file,
                   id_value (r, SHK_REQUEST_ROW_SHEET));
  if (g_strcmp0 (shk_sheet_get_cell (r->reply, SHK_REQUEST_SECTION_ROW,
                                     SHK_REQUEST_SECTION_COLUMN, NULL), r->section) != 0)
    {
      g_autofree char *what =
        g_strdup_printf (_("this is the sheet of “%s”, in the workbook sent to “%s”"),
                         shk_sheet_get_cell (r->reply, SHK_REQUEST_SECTION_ROW,
                                             SHK_REQUEST_SECTION_COLUMN, NULL), r->section);

      return shk_collect_refuse_at (r, SHK_REQUEST_SECTION_ROW, SHK_REQUEST_SECTION_COLUMN, what);
    }
  if (!g_ascii_string_to_unsigned (id_value (r, SHK_REQUEST_ROW_FIRST_ROW), 10, 1,
                                   SHK_IMPORT_MAX_ROWS, &first_row, NULL))
    return shk_collect_refuse (r, _("%s: the identification sheet is damaged"), r->file);
  r->first_row = first_row;
  if (self->due == NULL && *id_value (r, SHK_REQUEST_ROW_DUE) != '\0')
    self->due = g_strdup (id_value (r, SHK_REQUEST_ROW_DUE));
  return TRUE;
}

gboolean
shk_collect_parse_plain_number (const char *text,
                                double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* A spreadsheet that re-saves the workbook may write 3330000 as
 * "3330000.0000000005" or a text as it was: numbers compare as numbers. */
static gboolean
cells_equal (const char *sent,
             const char *now)
{
  double a, b;
  g_autofree char *sent_text = NULL;
  g_autofree char *now_text = NULL;

  if (shk_collect_parse_plain_number (sent, &a) && shk_collect_parse_plain_number (now, &b))
    return shk_collect_numbers_equal (a, b);
  sent_text = shk_collect_normalise_text (sent);
  now_text = shk_collect_normalise_text (now);
  return g_str_equal (sent_text, now_text);
}

guint
shk_collect_column_of (Reply      *r,
                       const char *key)
{
  char **keys = g_ptr_array_index (r->copy, 0);

  for (guint c = 0; keys[c] != NULL; c++)
    if (g_str_equal (keys[c], key))
      return c;
  return G_MAXUINT;
}

static gboolean
check_context (Reply *r)
{
  char **keys = g_ptr_array_index (r->copy, 0);

  for (guint row = 1; row < r->copy->len; row++)
    {
      char **sent = g_ptr_array_index (r->copy, row);
      guint sheet_row = r->first_row + row - 1;

      /* A blank row for the section to fill is all input. */
      if (sent[0] != NULL && g_str_has_prefix (sent[0], SHK_REQUEST_OPEN_ROW_PREFIX))
        continue;
      for (guint c = 0; keys[c] != NULL; c++)
        {
          const char *now = shk_sheet_get_cell (r->reply, sheet_row, c, NULL);

          if (g_str_has_prefix (keys[c], "in:") || cells_equal (sent[c], now))
            continue;
          {
            const char *heading = shk_sheet_get_cell (r->reply, r->first_row - 1, c, NULL);
            g_autofree char *what =
              /* TRANSLATORS: column heading, the value sent, the value found */
              g_strdup_printf (_("“%s” was changed from “%s” to “%s”; the grey cells must stay "
                                 "as they were sent"), heading, sent[c], now);

            return shk_collect_refuse_at (r, sheet_row, c, what);
          }
        }
    }
  return TRUE;
}

static ShkCollectChange *
proposal_new (Reply           *r,
              ShkMeasure      *measure,
              ShkIndicator    *indicator,
              guint            index,
              ShkCollectField  field,
              guint            row,
              guint            column)
{
  ShkCollectChange *change = g_new0 (ShkCollectChange, 1);

  change->measure = g_object_ref (measure);
  change->indicator = indicator != NULL ? g_object_ref (indicator) : NULL;
  change->indicator_index = index;
  change->year_id = g_strdup (r->self->year_id);
  change->field = field;
  change->section = g_strdup (r->section);
  change->file = g_strdup (r->file);
  change->cell = shk_sheet_cell_name (row, column);
  return change;
}

static gboolean
read_number (Reply        *r,
             guint         row,
             guint         column,
             ShkIndicator *indicator,
             ShkCollectValue *value)
{
  gboolean is_number = FALSE;
  const char *text = shk_sheet_get_cell (r->reply, row, column, &is_number);
  g_autofree char *what = NULL;

  shk_collect_value_clear (value);
  if (*text == '\0')
    return TRUE;
  value->has_value = is_number ? shk_collect_parse_plain_number (text, &value->number)
                               : shk_parse_number (text, shk_indicator_get_unit (indicator),
                                                   &value->number);
  if (!value->has_value)
    {
      what = g_strdup_printf (_("“%s” is not a number"), text);
      return shk_collect_refuse_at (r, row, column, what);
    }
  if (fabs (value->number) > MAX_MAGNITUDE)
    {
      what = g_strdup_printf (_("%s is beyond the range the plan accepts (±10¹⁵)"), text);
      return shk_collect_refuse_at (r, row, column, what);
    }
  return TRUE;
}

static gboolean
read_actual (Reply        *r,
             char        **sent,
             guint         sheet_row,
             ShkMeasure   *measure,
             ShkIndicator *indicator,
             guint         index)
{
  guint column = shk_collect_column_of (r, SHK_REQUEST_KEY_ACTUAL);
  ShkCollectValue sent_value = { 0 }, now = { 0 };
  ShkCollectChange *change;

  if (column == G_MAXUINT || indicator == NULL)
    return TRUE;
  if (!read_number (r, sheet_row, column, indicator, &now))
    return FALSE;
  sent_value.has_value = shk_collect_parse_plain_number (sent[column], &sent_value.number);
  /* An empty cell that was empty is no answer; one that was emptied is. */
  if (shk_collect_value_equal (&sent_value, &now))
    return TRUE;
  change = proposal_new (r, measure, indicator, index, SHK_COLLECT_FIELD_ACTUAL, sheet_row, column);
  change->sent_value = sent_value;
  change->new_value = now;
  g_ptr_array_add (r->proposals, change);
  return TRUE;
}

static gboolean
read_text (Reply           *r,
           char           **sent,
           guint            sheet_row,
           ShkMeasure      *measure,
           ShkCollectField  field,
           const char      *key,
           const char      *sent_key)
{
  guint column = shk_collect_column_of (r, key);
  guint sent_column = shk_collect_column_of (r, sent_key);
  ShkCollectChange *change;
  ShkCollectValue now = { 0 };

  if (column == G_MAXUINT)
    return TRUE;
  shk_collect_value_set_text (&now, shk_sheet_get_cell (r->reply, sheet_row, column, NULL));
  /* An empty text cell means "nothing to report", never "erase". */
  if (!now.has_value)
    return TRUE;
  if (g_utf8_strlen (now.text, -1) > SHK_REQUEST_MAX_TEXT)
    {
      g_autofree char *what = g_strdup_printf (_("the text is longer than %u characters"),
                                               SHK_REQUEST_MAX_TEXT);

      shk_collect_value_clear (&now);
      return shk_collect_refuse_at (r, sheet_row, column, what);
    }
  change = proposal_new (r, measure, NULL, G_MAXUINT, field, sheet_row, column);
  shk_collect_value_set_text (&change->sent_value, sent_column != G_MAXUINT ? sent[sent_column] : "");
  change->new_value = now;
  g_ptr_array_add (r->proposals, change);
  return TRUE;
}

static gboolean
read_self_grade (Reply      *r,
                 char      **sent,
                 guint       sheet_row,
                 ShkMeasure *measure)
{
  guint column = shk_collect_column_of (r, SHK_REQUEST_KEY_SELF_GRADE);
  guint reason_column = shk_collect_column_of (r, SHK_REQUEST_KEY_SELF_REASON);
  const char *symbol;
  ShkCollectValue sent_value = { 0 }, now = { 0 };
  ShkCollectChange *change;
  ShkGrade grade;

  if (column == G_MAXUINT || reason_column == G_MAXUINT)
    return TRUE;
  symbol = shk_sheet_get_cell (r->reply, sheet_row, column, NULL);
  if (*symbol != '\0')
    {
      g_autofree char *trimmed = shk_collect_normalise_text (symbol);

      /* "-" is how a keyboard types －. */
      if (!shk_grade_from_symbol (g_str_equal (trimmed, "-") ? "－" : trimmed, &grade) ||
          grade == SHK_GRADE_NONE)
        {
          g_autofree char *what = g_strdup_printf (_("“%s” is not one of ◎, ○, △ and －"), symbol);

          return shk_collect_refuse_at (r, sheet_row, column, what);
        }
      now.has_value = TRUE;
      now.text = g_strdup (shk_grade_to_symbol (grade));
      now.reason = shk_collect_normalise_text (shk_sheet_get_cell (r->reply, sheet_row, reason_column, NULL));
    }
  if (*sent[column] != '\0')
    {
      sent_value.has_value = TRUE;
      sent_value.text = g_strdup (sent[column]);
      sent_value.reason = shk_collect_normalise_text (sent[reason_column]);
    }
  if (shk_collect_value_equal (&sent_value, &now))
    {
      shk_collect_value_clear (&sent_value);
      shk_collect_value_clear (&now);
      return TRUE;
    }
  change = proposal_new (r, measure, NULL, G_MAXUINT, SHK_COLLECT_FIELD_SELF_GRADE, sheet_row, column);
  change->sent_value = sent_value;
  change->new_value = now;
  g_ptr_array_add (r->proposals, change);
  return TRUE;
}

static gboolean
read_row (Reply *r,
          guint  row)
{
  char **sent = g_ptr_array_index (r->copy, row);
  guint sheet_row = r->first_row + row - 1;
  guint measure_column = shk_collect_column_of (r, SHK_REQUEST_KEY_MEASURE);
  guint indicator_column = shk_collect_column_of (r, SHK_REQUEST_KEY_INDICATOR_NO);
  guint64 number = 0, indicator_no = 0;
  ShkMeasure *measure;
  g_autoptr(ShkIndicator) indicator = NULL;
  gboolean first = TRUE;

  if (measure_column == G_MAXUINT || indicator_column == G_MAXUINT ||
      !g_ascii_string_to_unsigned (sent[measure_column], 10, 0, G_MAXUINT, &number, NULL))
    return shk_collect_refuse (r, _("%s: the identification sheet is damaged"), r->file);
  measure = shk_plan_find_measure (r->self->plan, number, NULL);
  if (measure == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("the measure No.%u is no longer in the document"),
                                               (guint) number);

      return shk_collect_refuse_at (r, sheet_row, measure_column, what);
    }
  if (g_ascii_string_to_unsigned (sent[indicator_column], 10, 1, G_MAXUINT, &indicator_no, NULL))
    {
      indicator = g_list_model_get_item (shk_measure_get_indicators (measure), indicator_no - 1);
      if (indicator == NULL)
        {
          g_autofree char *what =
            g_strdup_printf (_("No.%u has no indicator %u any more"), (guint) number,
                             (guint) indicator_no);

          return shk_collect_refuse_at (r, sheet_row, indicator_column, what);
        }
    }
  if (row > 1)
    {
      char **previous = g_ptr_array_index (r->copy, row - 1);

      first = !g_str_equal (previous[measure_column], sent[measure_column]);
    }

  if (!read_actual (r, sent, sheet_row, measure, indicator, indicator_no - 1))
    return FALSE;
  if (!first)
    return TRUE;
  return read_text (r, sent, sheet_row, measure, SHK_COLLECT_FIELD_ACTIONS,
                    SHK_REQUEST_KEY_ACTIONS, SHK_REQUEST_KEY_PREV_ACTIONS) &&
         read_text (r, sent, sheet_row, measure, SHK_COLLECT_FIELD_NEXT_YEAR_PLAN,
                    SHK_REQUEST_KEY_NEXT_YEAR_PLAN, SHK_REQUEST_KEY_PREV_PLAN) &&
         read_self_grade (r, sent, sheet_row, measure);
}

static gboolean
read_reply (Reply  *r,
            GBytes *bytes)
{
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;

  sheets = shk_sheet_read_xlsx (bytes, &error);
  if (sheets == NULL)
    return shk_collect_refuse (r, _("%s: not a workbook that can be read (%s)"), r->file, error->message);
  if (!identify (r, sheets) || !check_context (r))
    return FALSE;
  if (r->survey)
    return shk_survey_collect_read_rows (r);
  r->proposals = g_ptr_array_new_with_free_func (shk_collect_change_free);
  for (guint row = 1; row < r->copy->len; row++)
    if (!read_row (r, row))
      return FALSE;
  return TRUE;
}

static void
add_reply (ShkCollect     *self,
           const char     *file,
           const char     *section,
           ShkReplyStatus  status,
           char           *message)
{
  ShkCollectReply *reply = g_new0 (ShkCollectReply, 1);

  reply->file = g_strdup (file);
  reply->section = g_strdup (section);
  reply->status = status;
  reply->message = message;
  g_ptr_array_add (self->replies, reply);
  self->merged = FALSE;
}

void
shk_collect_add_bytes (ShkCollect *self,
                       GBytes     *bytes,
                       const char *display_name)
{
  Reply r = { .self = self, .file = display_name };

  g_return_if_fail (SHK_IS_COLLECT (self));
  g_return_if_fail (bytes != NULL);

  if (!read_reply (&r, bytes))
    add_reply (self, display_name, r.section, SHK_REPLY_REFUSED, g_steal_pointer (&r.refusal));
  else
    {
      guint n = r.proposals->len + (r.new_processes != NULL ? r.new_processes->len : 0);

      g_ptr_array_extend_and_steal (r.survey ? self->survey_proposals : self->proposals,
                                    g_steal_pointer (&r.proposals));
      if (r.new_processes != NULL)
        g_ptr_array_extend_and_steal (self->new_processes, g_steal_pointer (&r.new_processes));
      add_reply (self, display_name, r.section, SHK_REPLY_REPLIED,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u value given",
                                               "%s: %u values given", n), display_name, n));
    }
  reply_clear (&r);
}

static gboolean
add_one_file (ShkCollect   *self,
              GFile        *file,
              GCancellable *cancellable)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("not a regular file"));
  else if (info != NULL && g_file_info_get_size (info) > SHK_IMPORT_MAX_FILE_SIZE)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("larger than %u MB"),
                 SHK_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
  else if (info != NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      add_reply (self, name, NULL, SHK_REPLY_REFUSED,
                 g_strdup_printf (_("%s: could not be read (%s)"), name, error->message));
      return TRUE;
    }
  shk_collect_add_bytes (self, bytes, name);
  return TRUE;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **) b);

  return g_strcmp0 (name_a, name_b);
}

gboolean
shk_collect_add_file (ShkCollect    *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  g_return_val_if_fail (SHK_IS_COLLECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    return add_one_file (self, file, cancellable);

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return FALSE;
  while ((info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, ".xlsx") && !g_str_has_prefix (name, "~$"))
        g_ptr_array_add (files, g_file_get_child (file, name));
      g_object_unref (info);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_sort (files, compare_files);
  for (guint i = 0; i < files->len; i++)
    add_one_file (self, g_ptr_array_index (files, i), cancellable);
  return TRUE;
}
