/* shk-category-table.c — the survey's categories, published and traced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "shk-category-table.h"
#include "shk-source-tables.h"

static void
category_row_free (gpointer data)
{
  ShkCategoryRow *row = data;

  g_free (row->name);
  g_free (row);
}

static ShkCategoryRow *
add_row (ShkCategoryTable *table,
         const char       *name)
{
  ShkCategoryRow *row = g_new0 (ShkCategoryRow, 1);

  row->name = g_strdup (name);
  g_ptr_array_add (table->rows, row);
  return row;
}

static ShkCategoryRow *
find_row (ShkCategoryTable *table,
          const char       *name)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      ShkCategoryRow *row = g_ptr_array_index (table->rows, i);

      if (g_strcmp0 (row->name, name) == 0)
        return row;
    }
  return NULL;
}

/* The published rows as the source table keeps them; a row without a
 * name or figures is not a row the handout prints, so it is passed over. */
static void
add_published_rows (ShkCategoryTable *table,
                    JsonArray        *categories)
{
  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *object = json_array_get_object_element (categories, i);
      const char *name;
      ShkCategoryRow *row;
      gint64 count;
      double hours;

      if (object == NULL || !json_object_has_member (object, "name") ||
          !json_object_has_member (object, "process_count") ||
          !json_object_has_member (object, "hours"))
        continue;
      name = json_object_get_string_member_with_default (object, "name", NULL);
      count = json_object_get_int_member_with_default (object, "process_count", -1);
      hours = json_object_get_double_member_with_default (object, "hours", NAN);
      if (name == NULL || count < 0 || count > G_MAXUINT || !isfinite (hours) || hours < 0 ||
          find_row (table, name) != NULL)
        continue;

      row = add_row (table, name);
      row->published = TRUE;
      row->published_count = (guint) count;
      row->published_hours = hours;
      table->published_count += row->published_count;
      table->published_hours += hours;
      table->has_published = TRUE;
    }
}

static void
trace_processes (ShkCategoryTable *table,
                 const ShkRanking *ranking)
{
  for (guint i = 0; i < ranking->n_processes; i++)
    {
      const ShkRankedProcess *ranked = &ranking->processes[i];
      const char *name = shk_process_get_traced_category (ranked->process);
      ShkCategoryRow *row = name != NULL ? find_row (table, name) : NULL;

      if (row == NULL)
        {
          table->untraced_processes++;
          table->untraced_process_hours += ranked->hours;
          continue;
        }
      row->traced_count++;
      row->traced_hours += ranked->hours;
      table->traced_count++;
      table->traced_hours += ranked->hours;
    }
}

ShkCategoryTable *
shk_category_table_new (ShkPlan          *plan,
                        const ShkRanking *ranking)
{
  ShkCategoryTable *table;
  JsonObject *source;
  JsonNode *categories;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (ranking != NULL, NULL);

  table = g_new0 (ShkCategoryTable, 1);
  table->rows = g_ptr_array_new_with_free_func (category_row_free);

  source = shk_plan_get_source_table (plan, "ai_rpa_processes");
  categories = source != NULL ? json_object_get_member (source, "categories") : NULL;
  if (categories != NULL && JSON_NODE_HOLDS_ARRAY (categories))
    add_published_rows (table, json_node_get_array (categories));

  if (!table->has_published)
    {
      const char * const *names = shk_process_categories ();

      for (guint c = 0; names[c] != NULL; c++)
        add_row (table, names[c]);
    }

  trace_processes (table, ranking);

  for (guint i = 0; i < table->rows->len; i++)
    {
      ShkCategoryRow *row = g_ptr_array_index (table->rows, i);

      if (!row->published)
        continue;
      row->untraced_count = (int) row->published_count - (int) row->traced_count;
      row->untraced_hours = row->published_hours - row->traced_hours;
    }
  return table;
}

void
shk_category_table_free (ShkCategoryTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table);
}

gboolean
shk_category_row_has_difference (const ShkCategoryRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  /* Hours are whole in the handouts but may carry a fraction once
   * edited; a difference below a hundredth of an hour is rounding. */
  return row->published &&
         (row->untraced_count != 0 || fabs (row->untraced_hours) >= 0.005);
}
