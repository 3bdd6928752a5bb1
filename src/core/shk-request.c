/* shk-request.c — request workbooks: one XLSX per owning section
 *
 * The measures' grid: which columns, which cells are open. The grid is
 * written by shk-request-grid.c, which the survey's workbooks share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-number.h"
#include "shk-request-private.h"

G_DEFINE_QUARK (shk-request-error-quark, shk_request_error)

void
shk_request_info_free (ShkRequestInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->section);
  g_free (info->file_name);
  g_clear_pointer (&info->measures, g_array_unref);
  g_strfreev (info->processes);
  g_free (info);
}

GStrv
shk_request_split_sections (const char *section)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = g_strdup (section != NULL ? section : "");
  g_auto(GStrv) parts = NULL;
  static const char * const separators[] = { "，", "、", NULL };

  /* Full-width separators become commas first, so one split does. */
  for (guint i = 0; separators[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (text, separators[i], -1);

      g_free (text);
      text = g_strjoinv (",", pieces);
    }
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0' &&
          !g_ptr_array_find_with_equal_func (kept, parts[i], g_str_equal, NULL))
        g_ptr_array_add (kept, g_strdup (parts[i]));
    }
  g_ptr_array_add (kept, NULL);
  return (GStrv) g_ptr_array_steal (kept, NULL);
}

static gboolean
measure_owned_by (ShkMeasure *measure,
                  const char *section)
{
  g_auto(GStrv) sections = shk_request_split_sections (shk_measure_get_section (measure));

  return g_strv_contains ((const char * const *) sections, section);
}

GStrv
shk_request_dup_sections (ShkPlan *plan)
{
  GListModel *measures = shk_plan_get_measures (plan);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      g_auto(GStrv) sections = shk_request_split_sections (shk_measure_get_section (measure));

      for (guint s = 0; sections[s] != NULL; s++)
        if (!g_ptr_array_find_with_equal_func (seen, sections[s], g_str_equal, NULL))
          g_ptr_array_add (seen, g_strdup (sections[s]));
    }
  g_ptr_array_add (seen, NULL);
  return (GStrv) g_ptr_array_steal (seen, NULL);
}

GPtrArray *
shk_request_dup_measures (ShkPlan    *plan,
                          const char *section)
{
  GListModel *measures = shk_plan_get_measures (plan);
  GPtrArray *owned = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);

      if (measure_owned_by (measure, section))
        g_ptr_array_add (owned, g_object_ref (measure));
    }
  return owned;
}

char *
shk_request_dup_document_id (ShkPlan *plan)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *organisation = shk_plan_get_organisation (plan);
  const char *title = shk_plan_get_title (plan);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  g_checksum_update (checksum, (const guchar *) (organisation ? organisation : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) (title ? title : ""), -1);
  /* Sixteen hex digits tell plans apart; the whole hash is not needed. */
  return g_strndup (g_checksum_get_string (checksum), 16);
}

char *
shk_request_dup_file_name (const char *year_id,
                           const char *section)
{
  /* TRANSLATORS: a request workbook's file name: year id, section */
  g_autofree char *name = g_strdup_printf (_("%s_%s_request.xlsx"), year_id, section);

  /* Characters Windows, macOS or a shared folder would refuse. */
  g_strdelimit (name, "/\\:*?\"<>|", '_');
  for (char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = '_';
  return g_steal_pointer (&name);
}

char *
shk_request_checksum (const char *document,
                      const char *section,
                      const char *year_id,
                      const char *sheet,
                      GPtrArray  *rows)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *head[] = { document, section, year_id, sheet };

  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    {
      g_checksum_update (checksum, (const guchar *) (head[i] ? head[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_checksum_update (checksum, (const guchar *) cells[c], -1);
          g_checksum_update (checksum, (const guchar *) "\x1f", 1);
        }
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL;
}

gboolean
shk_request_check_options (ShkPlan                 *plan,
                           const ShkRequestOptions *options,
                           GError                 **error)
{
  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);

  if (options->year_id == NULL || shk_plan_find_fiscal_year (plan, options->year_id) == NULL)
    {
      g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                   _("The plan has no fiscal year “%s”"),
                   options->year_id != NULL ? options->year_id : "");
      return FALSE;
    }
  if (options->due != NULL && !is_date (options->due))
    {
      g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                   _("The due date “%s” is not a date written YYYY-MM-DD"), options->due);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The grid                                                            */

static const char * const grades[] = { "◎", "○", "△", "－", NULL };

/* The columns: context first, then what the section fills in. Past
 * actuals are the years before the one asked for. */
static void
add_columns (ShkRequestGrid *grid,
             ShkPlan        *plan,
             const char     *year_id)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  guint n_years = g_list_model_get_n_items (years);
  g_autofree char *number_message = g_strdup (_("Enter a number, without the unit."));
  g_autofree char *grade_message = g_strdup (_("Choose ◎, ○, △ or － from the list."));
  g_autofree char *length_message = g_strdup_printf (_("At most %u characters."),
                                                      SHK_REQUEST_MAX_TEXT);
  g_autofree char *actual = NULL;
  g_autofree char *actions = NULL;

#define CONTEXT(key, heading, width) \
  shk_request_grid_add_column (grid, key, heading, width, SHK_REQUEST_CHECK_NONE, NULL, NULL)
  CONTEXT (SHK_REQUEST_KEY_MEASURE, _("Measure No."), 8);
  CONTEXT ("measure_name", _("Measure"), 28);
  CONTEXT (SHK_REQUEST_KEY_INDICATOR_NO, _("Indicator No."), 8);
  CONTEXT ("indicator", _("Indicator"), 28);
  CONTEXT ("unit", _("Unit"), 14);
  for (guint i = 0; i < n_years; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      const char *id = shk_fiscal_year_get_id (year);
      g_autofree char *key = g_strconcat ("target:", id, NULL);
      /* TRANSLATORS: a column heading, %s is a fiscal year id ("R3") */
      g_autofree char *heading = g_strdup_printf (_("Target %s"), id);

      CONTEXT (key, heading, 14);
    }
  for (guint i = 0; i < n_years; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      const char *id = shk_fiscal_year_get_id (year);
      g_autofree char *key = g_strconcat ("actual:", id, NULL);
      /* TRANSLATORS: a column heading, %s is a fiscal year id ("R2") */
      g_autofree char *heading = g_strdup_printf (_("Actual %s"), id);

      if (g_str_equal (id, year_id))
        break;
      CONTEXT (key, heading, 14);
    }
  CONTEXT (SHK_REQUEST_KEY_PREV_ACTIONS, _("Actions so far"), 40);
  CONTEXT (SHK_REQUEST_KEY_PREV_PLAN, _("Plan given last time"), 40);
#undef CONTEXT
  /* TRANSLATORS: the column the section fills in; %s is a year id ("R3") */
  actual = g_strdup_printf (_("Actual %s (fill in)"), year_id);
  shk_request_grid_add_column (grid, SHK_REQUEST_KEY_ACTUAL, actual, 14,
                               SHK_REQUEST_CHECK_NUMBER, NULL, number_message);
  /* TRANSLATORS: 取組実績; %s is a year id ("R3") */
  actions = g_strdup_printf (_("Actions taken in %s (fill in)"), year_id);
  shk_request_grid_add_column (grid, SHK_REQUEST_KEY_ACTIONS, actions, 40,
                               SHK_REQUEST_CHECK_TEXT, NULL, length_message);
  shk_request_grid_add_column (grid, SHK_REQUEST_KEY_NEXT_YEAR_PLAN,
                               _("Plan for the next year (fill in)"), 40,
                               SHK_REQUEST_CHECK_TEXT, NULL, length_message);
  shk_request_grid_add_column (grid, SHK_REQUEST_KEY_SELF_GRADE,
                               _("Self-assessment ◎○△－ (optional)"), 14,
                               SHK_REQUEST_CHECK_LIST, grades, grade_message);
  shk_request_grid_add_column (grid, SHK_REQUEST_KEY_SELF_REASON,
                               _("Reason for the self-assessment"), 40,
                               SHK_REQUEST_CHECK_TEXT, NULL, length_message);
}

static void
add_indicator_values (ShkRequestGrid *grid,
                      guint           row,
                      ShkIndicator   *indicator,
                      const char     *year_id)
{
  for (guint c = 0; c < grid->columns->len; c++)
    {
      const char *key = ((ShkRequestColumn *) g_ptr_array_index (grid->columns, c))->key;
      double value = 0;
      gboolean has;

      if (g_str_has_prefix (key, "target:"))
        {
          has = shk_indicator_get_target (indicator, key + strlen ("target:"), &value);
          shk_request_grid_set_number (grid, row, key, has, value);
        }
      else if (g_str_has_prefix (key, "actual:"))
        {
          has = shk_indicator_get_actual (indicator, key + strlen ("actual:"), &value);
          shk_request_grid_set_number (grid, row, key, has, value);
        }
    }
  /* The year's actual is shown when the office already has one, so that
   * the section corrects it rather than types it again. */
  {
    double value = 0;
    gboolean has = shk_indicator_get_actual (indicator, year_id, &value);

    shk_request_grid_set_number (grid, row, SHK_REQUEST_KEY_ACTUAL, has, value);
    shk_request_grid_set_input (grid, row, SHK_REQUEST_KEY_ACTUAL);
  }
}

/* The measure's texts go on its first row only: they are the measure's,
 * not an indicator's. */
static void
add_measure_texts (ShkRequestGrid *grid,
                   guint           row,
                   ShkMeasure     *measure,
                   const char     *year_id)
{
  ShkGrade grade;
  const char *reason = NULL;

  shk_request_grid_set_text (grid, row, SHK_REQUEST_KEY_PREV_ACTIONS,
                             shk_measure_get_actions (measure));
  shk_request_grid_set_text (grid, row, SHK_REQUEST_KEY_PREV_PLAN,
                             shk_measure_get_next_year_plan (measure));
  if (shk_measure_get_self_grade (measure, year_id, &grade, &reason))
    {
      shk_request_grid_set_text (grid, row, SHK_REQUEST_KEY_SELF_GRADE,
                                 shk_grade_to_symbol (grade));
      shk_request_grid_set_text (grid, row, SHK_REQUEST_KEY_SELF_REASON, reason);
    }
  shk_request_grid_set_input (grid, row, SHK_REQUEST_KEY_ACTIONS);
  shk_request_grid_set_input (grid, row, SHK_REQUEST_KEY_NEXT_YEAR_PLAN);
  shk_request_grid_set_input (grid, row, SHK_REQUEST_KEY_SELF_GRADE);
  shk_request_grid_set_input (grid, row, SHK_REQUEST_KEY_SELF_REASON);
}

static ShkRequestGrid *
request_grid_new (ShkPlan    *plan,
                  GPtrArray  *measures,
                  const char *year_id)
{
  g_autoptr(ShkRequestGrid) grid = shk_request_grid_new ();

  add_columns (grid, plan, year_id);
  for (guint m = 0; m < measures->len; m++)
    {
      ShkMeasure *measure = g_ptr_array_index (measures, m);
      GListModel *indicators = shk_measure_get_indicators (measure);
      guint n = g_list_model_get_n_items (indicators);
      guint number = shk_measure_get_number (measure);

      /* A measure without indicators still gets its row, for its texts;
       * the first row, with the texts, gets room for a few lines. */
      for (guint i = 0; i < MAX (n, 1); i++)
        {
          guint row = shk_request_grid_add_row (grid, i == 0 ? 75 : 30);

          shk_request_grid_set_number (grid, row, SHK_REQUEST_KEY_MEASURE, TRUE, number);
          shk_request_grid_set_text (grid, row, "measure_name", shk_measure_get_name (measure));
          if (i < n)
            {
              g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);

              shk_request_grid_set_number (grid, row, SHK_REQUEST_KEY_INDICATOR_NO, TRUE, i + 1);
              shk_request_grid_set_text (grid, row, "indicator", shk_indicator_get_label (indicator));
              shk_request_grid_set_text (grid, row, "unit", shk_indicator_get_unit (indicator));
              add_indicator_values (grid, row, indicator, year_id);
            }
          if (i == 0)
            add_measure_texts (grid, row, measure, year_id);
        }
    }
  return g_steal_pointer (&grid);
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

static GStrv
instructions_new (ShkPlan                 *plan,
                  const char              *section,
                  const ShkRequestOptions *options,
                  const char              *sheet_name,
                  guint                    n)
{
  ShkFiscalYear *year = shk_plan_find_fiscal_year (plan, options->year_id);
  const char *contact = options->contact != NULL && *options->contact != '\0'
                        ? options->contact : _("the planning office");
  g_autofree char *due = options->due != NULL ? g_strdup (options->due)
                                              : g_strdup (_("as soon as possible"));
  char *text[] = {
    /* TRANSLATORS: the instructions sheet's title: year label, plan title */
    g_strdup_printf (_("Request for the %s figures of “%s”"), shk_fiscal_year_get_label (year),
                     shk_plan_get_title (plan)),
    g_strdup_printf (_("To: %s"), section),
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Your section owns %u measure of the plan.",
                                  "Your section owns %u measures of the plan.", n), n),
    g_strdup (""),
    g_strdup_printf (_("1. On the sheet “%s”, fill in the yellow cells: the %s actual of each "
                       "indicator, the actions taken, the plan for the next year and, if you "
                       "wish, your own assessment (◎ achieved, ○ mostly, △ lagging, － not "
                       "started) with its reason."),
                     sheet_name, options->year_id),
    g_strdup (_("2. Leave a cell empty when there is nothing to report; an empty cell changes "
                "nothing. Enter numbers without the unit.")),
    g_strdup (_("3. Do not change the grey cells, add sheets or copy this workbook for another "
                "section: the office checks that the reply matches what it sent.")),
    g_strdup (_("4. Save the workbook as it is (XLSX) and send it back by mail.")),
    g_strdup (""),
    g_strdup_printf (_("Due date: %s"), due),
    g_strdup_printf (_("Send to: %s"), contact),
    NULL,
  };
  GStrv lines = g_strdupv (text);

  for (guint i = 0; text[i] != NULL; i++)
    g_free (text[i]);
  return lines;
}

GBytes *
shk_request_write_xlsx (ShkPlan                 *plan,
                        const char              *section,
                        const ShkRequestOptions *options,
                        GError                 **error)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(ShkRequestGrid) grid = NULL;
  g_autofree char *document = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) lines = NULL;
  const char *sheet_name = _("Reply");
  ShkFiscalYear *year;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!shk_request_check_options (plan, options, error))
    return NULL;
  measures = shk_request_dup_measures (plan, section);
  grid = request_grid_new (plan, measures, options->year_id);
  document = shk_request_dup_document_id (plan);
  year = shk_plan_find_fiscal_year (plan, options->year_id);
  /* TRANSLATORS: the reply sheet's title: plan title, year label */
  title = g_strdup_printf (_("%s — figures for %s"), shk_plan_get_title (plan),
                           shk_fiscal_year_get_label (year));
  lines = instructions_new (plan, section, options, sheet_name, measures->len);
  {
    const ShkRequestBook book = {
      .magic = SHK_REQUEST_MAGIC,
      .document = document,
      .section = section,
      .year_id = options->year_id,
      .due = options->due,
      .created = options->created,
      .sheet_name = sheet_name,
      .title = title,
      .hint = _("Fill in the yellow cells only; the grey cells are the plan as the office has "
                "it. See the sheet “Instructions”."),
      .instructions = (const char * const *) lines,
      .frozen_columns = 4,
    };

    return shk_request_book_write (&book, grid, error);
  }
}

static ShkRequestInfo *
info_new (ShkPlan    *plan,
          const char *section,
          const char *file_name)
{
  ShkRequestInfo *info = g_new0 (ShkRequestInfo, 1);
  g_autoptr(GPtrArray) measures = shk_request_dup_measures (plan, section);

  info->section = g_strdup (section);
  info->file_name = g_strdup (file_name);
  info->measures = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < measures->len; i++)
    {
      guint number = shk_measure_get_number (g_ptr_array_index (measures, i));

      g_array_append_val (info->measures, number);
    }
  return info;
}

GPtrArray *
shk_request_write_folder (ShkPlan                 *plan,
                          const char * const      *sections,
                          const ShkRequestOptions *options,
                          GFile                   *folder,
                          GError                 **error)
{
  g_auto(GStrv) all = shk_request_dup_sections (plan);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_request_info_free);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!shk_request_check_options (plan, options, error))
    return NULL;
  if (sections == NULL)
    sections = (const char * const *) all;
  for (guint i = 0; sections[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) all, sections[i]))
      {
        g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                     _("No measure of the plan is owned by the section “%s”"), sections[i]);
        return NULL;
      }
  if (!shk_request_make_folder (folder, error))
    return NULL;

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *name = shk_request_dup_file_name (options->year_id, sections[i]);
      g_autoptr(GBytes) bytes = shk_request_write_xlsx (plan, sections[i], options, error);

      if (bytes == NULL || !shk_request_save_in_folder (folder, name, bytes, error))
        return NULL;
      g_ptr_array_add (written, info_new (plan, sections[i], name));
    }
  return g_steal_pointer (&written);
}
