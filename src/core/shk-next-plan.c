/* shk-next-plan.c — the next plan of 資料2-1: overview and schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "shk-format.h"
#include "shk-next-plan.h"
#include "shk-source-json.h"
#include "shk-source-tables.h"

gboolean
shk_month_parse (const char *text,
                 ShkMonth   *month)
{
  guint64 year, number;
  char *end;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  year = g_ascii_strtoull (text, &end, 10);
  if (*end != '-' || !g_ascii_isdigit (end[1]) || year < 1900 || year > 9999)
    return FALSE;
  number = g_ascii_strtoull (end + 1, &end, 10);
  /* "2021-06-10" is a day of that month. */
  if ((*end != '\0' && *end != '-') || number < 1 || number > 12)
    return FALSE;
  *month = (ShkMonth) (year * 12 + number - 1);
  return TRUE;
}

guint
shk_month_year (ShkMonth month)
{
  return (guint) (month / 12);
}

guint
shk_month_number (ShkMonth month)
{
  return (guint) (month % 12) + 1;
}

static void
item_free (gpointer data)
{
  ShkScheduleItem *item = data;

  g_free (item->number);
  g_free (item->name);
  g_free (item->timing);
  g_array_unref (item->months);
  g_free (item);
}

static void
upcoming_free (gpointer data)
{
  ShkUpcomingMeeting *meeting = data;

  g_free (meeting->timing);
  g_free (meeting->content);
  g_free (meeting);
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
note_month (ShkNextPlan *self,
            ShkMonth     month)
{
  if (!self->has_months || month < self->first_month)
    self->first_month = month;
  if (!self->has_months || month > self->last_month)
    self->last_month = month;
  self->has_months = TRUE;
}

/* The kind is not printed: a row with a count of meetings is meetings, a
 * row of two months without one a period (12月～1月), one month without
 * one the milestone. */
static ShkScheduleKind
item_kind (const ShkScheduleItem *item)
{
  if (item->meetings > 0)
    return SHK_SCHEDULE_MEETINGS;
  if (item->months->len >= 2)
    return SHK_SCHEDULE_PERIOD;
  return SHK_SCHEDULE_MILESTONE;
}

static void
read_schedule (ShkNextPlan *self,
               JsonObject  *table)
{
  JsonObject *schedule = shk_source_get_object (table, "schedule");
  JsonArray *items = shk_source_get_array (schedule, "items");

  self->schedule_title = g_strdup (shk_source_get_string (schedule, "title"));
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *row = array_object (items, i);
      JsonArray *months = shk_source_get_array (row, "months");
      ShkScheduleItem *item;

      if (row == NULL)
        continue;
      item = g_new0 (ShkScheduleItem, 1);
      item->number = g_strdup (shk_source_get_string (row, "no"));
      item->name = g_strdup (shk_source_get_string (row, "item"));
      item->timing = g_strdup (shk_source_get_string (row, "timing_printed"));
      item->months = g_array_new (FALSE, FALSE, sizeof (ShkMonth));
      shk_source_get_count (row, "meetings", &item->meetings);
      for (guint j = 0; months != NULL && j < json_array_get_length (months); j++)
        {
          JsonNode *node = json_array_get_element (months, j);
          ShkMonth month;

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
              shk_month_parse (json_node_get_string (node), &month))
            {
              g_array_append_val (item->months, month);
              note_month (self, month);
            }
        }
      item->kind = item_kind (item);
      g_ptr_array_add (self->schedule, item);
    }
}

static void
read_upcoming (ShkNextPlan *self,
               JsonObject  *table)
{
  JsonArray *items = shk_source_get_array (shk_source_get_object (table,
                                                                   "upcoming_committee_meetings"),
                                           "items");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *row = array_object (items, i);
      ShkUpcomingMeeting *meeting;

      if (row == NULL)
        continue;
      meeting = g_new0 (ShkUpcomingMeeting, 1);
      shk_month_parse (shk_source_get_string (row, "month"), &meeting->month);
      meeting->timing = g_strdup (shk_source_get_string (row, "timing_printed"));
      meeting->content = g_strdup (shk_source_get_string (row, "content"));
      g_ptr_array_add (self->upcoming, meeting);
    }
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The history figure's years, in time order (the dump lost the figure's
 * order, so the years are sorted here rather than trusted). */
static void
read_history (ShkNextPlan *self,
              JsonObject  *table)
{
  JsonArray *years = shk_source_get_array (shk_source_get_object (table, "plan_history_figure"),
                                           "years_sorted");
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GHashTable) label_of = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                          NULL, g_free);

  self->history_years = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; years != NULL && i < json_array_get_length (years); i++)
    {
      JsonObject *row = array_object (years, i);
      guint year;

      if (!shk_source_get_count (row, "year", &year) || year == 0)
        continue;
      g_array_append_val (self->history_years, year);
      g_hash_table_replace (label_of, GUINT_TO_POINTER (year),
                            g_strdup (shk_source_get_string (row, "fy_ja")));
    }
  g_array_sort (self->history_years, compare_years);
  for (guint i = 0; i < self->history_years->len; i++)
    {
      const char *label = g_hash_table_lookup (label_of,
                                               GUINT_TO_POINTER (g_array_index (self->history_years,
                                                                                guint, i)));
      g_strv_builder_add (labels, label != NULL ? label : "");
    }
  self->history_labels = g_strv_builder_end (labels);
}

static void
read_overview (ShkNextPlan *self,
               JsonObject  *table)
{
  JsonObject *overview = shk_source_get_object (table, "overview");
  JsonArray *fy = shk_source_get_array (overview, "new_plan_period_fy");
  JsonObject *structure = shk_source_get_object (table, "structure");
  JsonObject *cio = shk_source_get_object (table, "cio_adviser");
  JsonObject *meeting = shk_source_get_object (table, "current_meeting");

  self->overview = g_strdup (shk_source_get_string (overview, "text"));
  self->overview_note = g_strdup (shk_source_get_string (overview, "note_text"));
  self->period = g_strdup (shk_source_get_string (overview, "new_plan_period_ja"));
  self->current_plan_end = g_strdup (shk_source_get_string (overview, "current_plan_end"));
  if (fy != NULL && json_array_get_length (fy) == 2)
    {
      JsonNode *first = json_array_get_element (fy, 0), *last = json_array_get_element (fy, 1);

      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING &&
          JSON_NODE_HOLDS_VALUE (last) && json_node_get_value_type (last) == G_TYPE_STRING)
        {
          self->period_first = g_strdup (json_node_get_string (first));
          self->period_last = g_strdup (json_node_get_string (last));
        }
    }

  self->structure = g_strdup (shk_source_get_string (structure, "text"));
  self->internal = shk_source_dup_strv (structure, "internal");
  self->external = shk_source_dup_strv (structure, "external");

  self->cio_text = g_strdup (shk_source_get_string (cio, "text"));
  self->cio_hire_date = g_strdup (shk_source_get_string (cio, "planned_hire_date_iso"));
  self->cio_duties = shk_source_dup_strv (cio, "duties");
  self->cio_attendance = g_strdup (shk_source_get_string (cio, "committee_attendance"));

  self->meeting_name = g_strdup (shk_source_get_string (meeting, "name"));
  self->meeting_date = g_strdup (shk_source_get_string (meeting, "date"));
  self->has_meeting_month = shk_month_parse (self->meeting_date, &self->meeting_month);
}

ShkNextPlan *
shk_next_plan_new_for_plan (ShkPlan  *plan,
                            GError  **error)
{
  ShkNextPlan *self;
  JsonObject *table;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  table = shk_plan_get_source_table (plan, "next_plan");
  if (table == NULL)
    {
      g_set_error_literal (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
                           _("The document holds no next plan (source_tables.next_plan)."));
      return NULL;
    }

  self = g_new0 (ShkNextPlan, 1);
  self->schedule = g_ptr_array_new_with_free_func (item_free);
  self->upcoming = g_ptr_array_new_with_free_func (upcoming_free);
  read_overview (self, table);
  read_history (self, table);
  read_schedule (self, table);
  read_upcoming (self, table);
  return self;
}

void
shk_next_plan_free (ShkNextPlan *self)
{
  if (self == NULL)
    return;
  g_free (self->overview);
  g_free (self->overview_note);
  g_free (self->period);
  g_free (self->period_first);
  g_free (self->period_last);
  g_free (self->current_plan_end);
  g_free (self->structure);
  g_strfreev (self->internal);
  g_strfreev (self->external);
  g_free (self->cio_text);
  g_free (self->cio_hire_date);
  g_strfreev (self->cio_duties);
  g_free (self->cio_attendance);
  g_clear_pointer (&self->history_years, g_array_unref);
  g_strfreev (self->history_labels);
  g_free (self->schedule_title);
  g_ptr_array_unref (self->schedule);
  g_ptr_array_unref (self->upcoming);
  g_free (self->meeting_name);
  g_free (self->meeting_date);
  g_free (self);
}

gboolean
shk_schedule_item_in_month (const ShkScheduleItem *item,
                            ShkMonth               month)
{
  g_return_val_if_fail (item != NULL, FALSE);

  if (item->months->len == 0)
    return FALSE;
  if (item->kind == SHK_SCHEDULE_PERIOD)
    return month >= g_array_index (item->months, ShkMonth, 0) &&
           month <= g_array_index (item->months, ShkMonth, item->months->len - 1);
  for (guint i = 0; i < item->months->len; i++)
    if (g_array_index (item->months, ShkMonth, i) == month)
      return TRUE;
  return FALSE;
}
