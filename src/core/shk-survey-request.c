/* shk-survey-request.c — AI/RPA survey workbooks: one XLSX per section
 *
 * The survey's grid: the section's processes, then blank rows. Written by
 * the request workbooks' writer (shk-request-grid.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-number.h"
#include "shk-ranking.h"
#include "shk-request-private.h"
#include "shk-survey-request.h"

static const char * const applicable_keys[] = { "yes", "no", "unknown", NULL };

const char * const *
shk_survey_applicable_keys (void)
{
  return applicable_keys;
}

const char *
shk_survey_applicable_label (const char *key)
{
  if (g_strcmp0 (key, "yes") == 0)
    /* TRANSLATORS: AI or RPA could apply to the process (a drop-down choice) */
    return _("Could apply");
  if (g_strcmp0 (key, "no") == 0)
    /* TRANSLATORS: AI or RPA could not apply to the process (a drop-down choice) */
    return _("Could not apply");
  if (g_strcmp0 (key, "unknown") == 0)
    /* TRANSLATORS: whether AI or RPA could apply is not known (a drop-down choice) */
    return _("Not sure");
  return NULL;
}

const char *
shk_survey_applicable_parse (const char *text)
{
  static const char * const english[] = { "Could apply", "Could not apply", "Not sure", NULL };
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; applicable_keys[i] != NULL; i++)
    if (g_str_equal (stripped, applicable_keys[i]) ||
        g_str_equal (stripped, english[i]) ||
        g_str_equal (stripped, shk_survey_applicable_label (applicable_keys[i])))
      return applicable_keys[i];
  return NULL;
}

GStrv
shk_survey_request_dup_sections (ShkPlan *plan)
{
  GListModel *processes;
  g_autoptr(GStrvBuilder) seen = g_strv_builder_new ();
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  processes = shk_survey_get_processes (shk_plan_get_survey (plan));
  for (guint i = 0; i < g_list_model_get_n_items (processes); i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (processes, i);
      const char *section = shk_process_get_section (process);

      if (*section != '\0' && g_hash_table_add (known, (gpointer) section))
        g_strv_builder_add (seen, section);
    }
  return g_strv_builder_end (seen);
}

GPtrArray *
shk_survey_request_dup_processes (ShkPlan    *plan,
                                  const char *section)
{
  GListModel *processes = shk_survey_get_processes (shk_plan_get_survey (plan));
  GPtrArray *owned = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (processes); i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (processes, i);

      if (g_str_equal (shk_process_get_section (process), section))
        g_ptr_array_add (owned, g_steal_pointer (&process));
    }
  return owned;
}

char *
shk_survey_request_dup_file_name (const char *year_id,
                                  const char *section)
{
  /* TRANSLATORS: a survey workbook's file name: year id, section */
  g_autofree char *name = g_strdup_printf (_("%s_%s_survey.xlsx"), year_id, section);

  /* Characters Windows, macOS or a shared folder would refuse. */
  g_strdelimit (name, "/\\:*?\"<>|", '_');
  for (char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = '_';
  return g_steal_pointer (&name);
}

/* ------------------------------------------------------------------ */
/* The grid                                                            */

static void
add_columns (ShkRequestGrid *grid)
{
  const char *labels[G_N_ELEMENTS (applicable_keys)] = { NULL };
  g_autofree char *hours_message = g_strdup (_("Enter the hours a year as a number, 0 or more."));
  g_autofree char *category_message = g_strdup (_("Choose a category from the list."));
  g_autofree char *applicable_message = g_strdup (_("Choose from the list."));
  g_autofree char *length_message = g_strdup_printf (_("At most %u characters."),
                                                      SHK_REQUEST_MAX_TEXT);

  for (guint i = 0; applicable_keys[i] != NULL; i++)
    labels[i] = shk_survey_applicable_label (applicable_keys[i]);

  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_ID, _("No."), 7,
                               SHK_REQUEST_CHECK_NONE, NULL, NULL);
  /* The name, business and unit are context on a listed process, and
   * open on a blank row: their length is checked there. */
  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_NAME, _("Work process"), 32,
                               SHK_REQUEST_CHECK_TEXT, NULL, length_message);
  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_BUSINESS, _("Business"), 24,
                               SHK_REQUEST_CHECK_TEXT, NULL, length_message);
  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_UNIT, _("Unit (office)"), 14,
                               SHK_REQUEST_CHECK_TEXT, NULL, length_message);
  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_HOURS, _("Annual hours (fill in)"), 14,
                               SHK_REQUEST_CHECK_HOURS, NULL, hours_message);
  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_CATEGORY, _("Category (choose)"), 20,
                               SHK_REQUEST_CHECK_LIST, shk_process_categories (),
                               category_message);
  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_APPLICABLE,
                               _("Could AI or RPA apply? (choose)"), 16,
                               SHK_REQUEST_CHECK_LIST, labels, applicable_message);
  shk_request_grid_add_column (grid, SHK_SURVEY_KEY_NOTE, _("Note (optional)"), 36,
                               SHK_REQUEST_CHECK_TEXT, NULL, length_message);
}

static void
open_answers (ShkRequestGrid *grid,
              guint           row)
{
  shk_request_grid_set_input (grid, row, SHK_SURVEY_KEY_HOURS);
  shk_request_grid_set_input (grid, row, SHK_SURVEY_KEY_CATEGORY);
  shk_request_grid_set_input (grid, row, SHK_SURVEY_KEY_APPLICABLE);
  shk_request_grid_set_input (grid, row, SHK_SURVEY_KEY_NOTE);
}

static ShkRequestGrid *
survey_grid_new (GPtrArray *processes,
                 guint      blank_rows)
{
  g_autoptr(ShkRequestGrid) grid = shk_request_grid_new ();

  add_columns (grid);
  for (guint i = 0; i < processes->len; i++)
    {
      ShkProcess *process = g_ptr_array_index (processes, i);
      guint row = shk_request_grid_add_row (grid, 30);

      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_ID, shk_process_get_id (process));
      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_NAME, shk_process_get_name (process));
      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_BUSINESS,
                                 shk_process_get_business (process));
      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_UNIT, shk_process_get_unit (process));
      /* The office's figures are shown, so that the section corrects
       * them rather than types them again. */
      shk_request_grid_set_number (grid, row, SHK_SURVEY_KEY_HOURS, TRUE,
                                   shk_process_get_hours (process));
      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_CATEGORY,
                                 shk_process_get_category (process));
      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_APPLICABLE,
                                 shk_survey_applicable_label (shk_process_get_ai_applicable (process)));
      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_NOTE, shk_process_get_reply_note (process));
      open_answers (grid, row);
    }
  for (guint i = 0; i < blank_rows; i++)
    {
      guint row = shk_request_grid_add_row (grid, 30);
      g_autofree char *mark = g_strdup_printf (SHK_REQUEST_OPEN_ROW_PREFIX "%u", i + 1);

      shk_request_grid_set_text (grid, row, SHK_SURVEY_KEY_ID, mark);
      shk_request_grid_set_input (grid, row, SHK_SURVEY_KEY_NAME);
      shk_request_grid_set_input (grid, row, SHK_SURVEY_KEY_BUSINESS);
      shk_request_grid_set_input (grid, row, SHK_SURVEY_KEY_UNIT);
      open_answers (grid, row);
    }
  return g_steal_pointer (&grid);
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

static GStrv
instructions_new (ShkPlan                       *plan,
                  const char                    *section,
                  const ShkSurveyRequestOptions *options,
                  const char                    *sheet_name,
                  guint                          n_processes)
{
  ShkSurvey *survey = shk_plan_get_survey (plan);
  const ShkRequestOptions *o = &options->request;
  const char *contact = o->contact != NULL && *o->contact != '\0'
                        ? o->contact : _("the planning office");
  g_autofree char *due = o->due != NULL ? g_strdup (o->due) : g_strdup (_("as soon as possible"));
  g_autofree char *categories = g_strjoinv ("、", (char **) shk_process_categories ());
  g_autofree char *threshold = shk_format_number (shk_survey_get_listing_threshold (survey));
  char *text[] = {
    /* TRANSLATORS: the survey instructions' title: the survey's title */
    g_strdup_printf (_("Survey of work processes for AI and RPA: %s"), shk_survey_get_title (survey)),
    g_strdup_printf (_("To: %s"), section),
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "The office's list holds %u work process of your section.",
                                  "The office's list holds %u work processes of your section.",
                                  n_processes), n_processes),
    g_strdup (""),
    g_strdup_printf (_("1. On the sheet “%s”, check each work process and correct the yellow "
                       "cells: the hours a year the process takes (all staff together), its "
                       "category, whether AI or RPA could apply, and a note if needed."),
                     sheet_name),
    g_strdup_printf (_("2. Categories: %s. Choose them from the drop-down list."), categories),
    g_strdup (_("3. Add work processes the list lacks on the rows marked +1, +2…: their name, "
                "business, unit, hours, category and whether AI or RPA could apply.")),
    g_strdup_printf (_("4. Processes of %s hours a year or more are listed one by one in the ranking; smaller "
                       "ones count in the survey's total."), threshold),
    g_strdup (_("5. Leave a cell empty when there is nothing to report. Do not change the grey "
                "cells, add sheets or copy this workbook for another section.")),
    g_strdup (_("6. Save the workbook as it is (XLSX) and send it back by mail.")),
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

static gboolean
check_options (ShkPlan                       *plan,
               const ShkSurveyRequestOptions *options,
               GError                       **error)
{
  if (!shk_request_check_options (plan, &options->request, error))
    return FALSE;
  if (options->blank_rows > SHK_SURVEY_MAX_BLANK_ROWS)
    {
      g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                   _("At most %u blank rows, not %u"), SHK_SURVEY_MAX_BLANK_ROWS,
                   options->blank_rows);
      return FALSE;
    }
  return TRUE;
}

GBytes *
shk_survey_request_write_xlsx (ShkPlan                       *plan,
                               const char                    *section,
                               const ShkSurveyRequestOptions *options,
                               GError                       **error)
{
  g_autoptr(GPtrArray) processes = NULL;
  g_autoptr(ShkRequestGrid) grid = NULL;
  g_autofree char *document = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) lines = NULL;
  const char *sheet_name = _("Process list");

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_options (plan, options, error))
    return NULL;
  processes = shk_survey_request_dup_processes (plan, section);
  grid = survey_grid_new (processes, options->blank_rows > 0 ? options->blank_rows
                                                             : SHK_SURVEY_DEFAULT_BLANK_ROWS);
  document = shk_request_dup_document_id (plan);
  /* TRANSLATORS: the survey sheet's title: the survey's title */
  title = g_strdup_printf (_("%s — work processes"), shk_survey_get_title (shk_plan_get_survey (plan)));
  lines = instructions_new (plan, section, options, sheet_name, processes->len);
  {
    const ShkRequestBook book = {
      .magic = SHK_SURVEY_MAGIC,
      .document = document,
      .section = section,
      .year_id = options->request.year_id,
      .due = options->request.due,
      .created = options->request.created,
      .sheet_name = sheet_name,
      .title = title,
      .hint = _("Fill in the yellow cells only; the grey cells are the list as the office has "
                "it. See the sheet “Instructions”."),
      .instructions = (const char * const *) lines,
      .frozen_columns = 2,
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
  g_autoptr(GPtrArray) processes = shk_survey_request_dup_processes (plan, section);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  info->section = g_strdup (section);
  info->file_name = g_strdup (file_name);
  info->measures = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < processes->len; i++)
    g_strv_builder_add (ids, shk_process_get_id (g_ptr_array_index (processes, i)));
  info->processes = g_strv_builder_end (ids);
  return info;
}

GPtrArray *
shk_survey_request_write_folder (ShkPlan                       *plan,
                                 const char * const            *sections,
                                 const ShkSurveyRequestOptions *options,
                                 GFile                         *folder,
                                 GError                       **error)
{
  g_auto(GStrv) all = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) shk_request_info_free);

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!check_options (plan, options, error))
    return NULL;
  all = shk_survey_request_dup_sections (plan);
  if (sections == NULL)
    sections = (const char * const *) all;
  for (guint i = 0; sections[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) all, sections[i]))
      {
        g_set_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID,
                     _("No work process of the survey belongs to the section “%s”"), sections[i]);
        return NULL;
      }
  if (!shk_request_make_folder (folder, error))
    return NULL;

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *name = shk_survey_request_dup_file_name (options->request.year_id,
                                                                sections[i]);
      g_autoptr(GBytes) bytes = shk_survey_request_write_xlsx (plan, sections[i], options, error);

      if (bytes == NULL || !shk_request_save_in_folder (folder, name, bytes, error))
        return NULL;
      g_ptr_array_add (written, info_new (plan, sections[i], name));
    }
  return g_steal_pointer (&written);
}
