/* test-request-dialog.c — 「照会票を作成」 and 「回答を取り込む」: the
 * sections listed, three replies reviewed with their conflict settled in
 * its row, applied as one undo step; the same for the AI/RPA survey's
 * replies, with a process a section added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include <string.h>

#include "shk-conflict-row.h"
#include "shk-format.h"
#include "shk-ranking.h"
#include "shk-request.h"
#include "shk-request-dialog.h"
#include "shk-round.h"
#include "shk-survey-collect.h"
#include "shk-survey-request.h"
#include "shk-survey-review.h"
#include "shk-test-reply.h"
#include "shk-test-utils.h"

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GtkWidget *
find_suggested_button (GtkWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "suggested-action"))
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static void
test_request_dialog_lists_sections (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWindow *dialog = shk_request_dialog_show (parent, document);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_auto(GStrv) sections = shk_request_dup_sections (shk_document_get_plan (document));
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();

  shk_test_flush_events ();
  collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, g_strv_length (sections));
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, i)));
  /* The year asked for is the one after the reporting year: R3. */
  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (combos, 0)), ==, 3);
  gtk_window_destroy (dialog);
  gtk_window_destroy (parent);
}

/* @workbook filled with @edits, saved as DIR/NAME.xlsx. */
static GFile *
save_reply (GBytes            *workbook,
            const char        *dir,
            const char        *name,
            const ShkTestEdit *edits,
            guint              n_edits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) filled = shk_test_fill_reply (workbook, edits, n_edits);
  g_autofree char *path = g_strdup_printf ("%s/%s.xlsx", dir, name);

  g_file_set_contents (path, g_bytes_get_data (filled, NULL), g_bytes_get_size (filled), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
write_reply (ShkPlan           *plan,
             const char        *dir,
             const char        *section,
             const ShkTestEdit *edits,
             guint              n_edits)
{
  ShkRequestOptions options = { .year_id = "R3" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) request = shk_request_write_xlsx (plan, section, &options, &error);

  g_assert_no_error (error);
  return save_reply (request, dir, section, edits, n_edits);
}

static void
test_collect_dialog_applies_once (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_autofree char *dir = g_dir_make_tmp ("test-request-dialog-XXXXXX", NULL);
  const ShkTestEdit kouhou[] = { { "O5", "3800000" } };
  const ShkTestEdit keiei[] = { { "O5", "120" } };
  const ShkTestEdit suido[] = { { "O5", "150" } };
  GFile *files[3];
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWindow *dialog;
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  ShkIndicator *first = shk_measure_get_indicator (shk_plan_find_measure (plan, 1, NULL), 0);
  ShkIndicator *joint = shk_measure_get_indicator (shk_plan_find_measure (plan, 60, NULL), 0);
  double value = 0;

  files[0] = write_reply (plan, dir, "広報課", kouhou, 1);
  files[1] = write_reply (plan, dir, "経営管理課", keiei, 1);
  files[2] = write_reply (plan, dir, "水道整備課", suido, 1);
  dialog = shk_collect_dialog_show (parent, document, files, 3);
  g_assert_nonnull (dialog);
  shk_test_flush_events ();

  /* The conflict's row: keep the document's value, or one section's. */
  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (g_ptr_array_index (combos, 0))),
                    ==, 3);
  adw_combo_row_set_selected (g_ptr_array_index (combos, 0), 2);
  g_assert_false (shk_indicator_get_actual (first, "R3", NULL));

  g_signal_emit_by_name (find_suggested_button (dialog), "clicked");
  shk_test_flush_events ();
  g_assert_true (shk_indicator_get_actual (first, "R3", &value));
  g_assert_cmpfloat (value, ==, 3800000);
  g_assert_true (shk_indicator_get_actual (joint, "R3", &value));
  g_assert_true (value == 120 || value == 150);

  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_indicator_get_actual (first, "R3", NULL));
  g_assert_false (shk_indicator_get_actual (joint, "R3", NULL));
  g_assert_false (shk_undo_stack_can_undo (stack));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      g_unlink (path);
      g_object_unref (files[i]);
    }
  g_rmdir (dir);
  gtk_window_destroy (parent);
}

static GFile *
write_survey_reply (ShkPlan           *plan,
                    const char        *dir,
                    const char        *section,
                    const char        *name,
                    const ShkTestEdit *edits,
                    guint              n_edits)
{
  ShkSurveyRequestOptions options = { .request = { .year_id = "R3" } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) request = shk_survey_request_write_xlsx (plan, section, &options, &error);

  g_assert_no_error (error);
  return save_reply (request, dir, name, edits, n_edits);
}

/* The action row whose title holds @title, or NULL. */
static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (strstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) != NULL)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static guint
find_option (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) != NULL)
      return i;
  return G_MAXUINT;
}

static gboolean
ranked (ShkPlan    *plan,
        const char *name)
{
  ShkRanking *ranking = shk_ranking_new (shk_plan_get_survey (plan));
  gboolean found = FALSE;

  for (guint i = 0; i < ranking->n_processes && !found; i++)
    found = g_str_equal (shk_process_get_name (ranking->processes[i].process), name);
  shk_ranking_free (ranking);
  return found;
}

static char *
plan_json (ShkPlan *plan)
{
  gsize length;

  return shk_format_to_data (plan, &length);
}

/* 市民課 sends its survey workbook twice with different hours for p03
 * (rows 5, column E) and a new process on its first blank row (7) the
 * first time; 納税課 changes p04's hours and empties p12's. The review
 * shows the changes with their warnings, the new process and the
 * conflict; the conflict is settled in its row, and one undo takes the
 * whole step back. */
static void
test_collect_dialog_survey (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  ShkSurvey *survey = shk_plan_get_survey (plan);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_autofree char *dir = g_dir_make_tmp ("test-request-dialog-XXXXXX", NULL);
  const ShkTestEdit first[] = {
    { "E5", "15000" },
    { "B7", "住民票の郵送請求の受付" }, { "C7", "証明書交付" }, { "D7", "証明係" },
    { "E7", "2500" }, { "F7", "入力事務" },
  };
  const ShkTestEdit second[] = { { "E5", "16000" } };
  const ShkTestEdit nouzei[] = { { "E5", "1234" }, { "E6", "" } };
  GFile *files[3];
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWindow *dialog;
  g_autoptr(GPtrArray) reviews = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  ShkProcess *p03 = shk_survey_find_process (survey, "p03");
  ShkProcess *p04 = shk_survey_find_process (survey, "p04");
  guint n_processes = g_list_model_get_n_items (shk_survey_get_processes (survey));
  g_autofree char *before = plan_json (plan);
  g_autofree char *undone = NULL;
  AdwActionRow *row;
  AdwComboRow *conflict;
  guint option;

  g_assert_cmpfloat (shk_process_get_hours (p03), ==, 14400);
  files[0] = write_survey_reply (plan, dir, "市民課", "shimin-1", first, G_N_ELEMENTS (first));
  files[1] = write_survey_reply (plan, dir, "市民課", "shimin-2", second, 1);
  files[2] = write_survey_reply (plan, dir, "納税課", "nouzei", nouzei, G_N_ELEMENTS (nouzei));
  dialog = shk_collect_dialog_show (parent, document, files, 3);
  g_assert_nonnull (dialog);
  shk_test_flush_events ();
  collect_widgets (GTK_WIDGET (dialog), SHK_TYPE_SURVEY_REVIEW, reviews);
  g_assert_cmpuint (reviews->len, ==, 1);

  /* The change: the process and field, old → new, the section, the file. */
  row = find_row (GTK_WIDGET (dialog), "p04");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "→ 1,234"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "納税課"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "nouzei.xlsx E5"));
  /* p12's hours emptied: warned of under the value. */
  row = find_row (GTK_WIDGET (dialog), "p12");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "applying sets them to 0"));
  /* The new process, with its hours and category. */
  row = find_row (GTK_WIDGET (dialog), "住民票の郵送請求の受付");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "入力事務"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "shimin-1.xlsx B7"));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean hours_shown = FALSE;

    collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      hours_shown |= strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), "2,500") != NULL;
    g_assert_true (hours_shown);
  }

  /* The conflict: keep 14,400 h, or either of 市民課's files. */
  collect_widgets (GTK_WIDGET (dialog), SHK_TYPE_CONFLICT_ROW, conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (conflict)), "p03"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (conflict)), ==, 3);
  g_assert_cmpuint (find_option (conflict, "14,400"), ==, 0);
  option = find_option (conflict, "16,000");
  g_assert_cmpuint (option, !=, G_MAXUINT);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (conflict)),
                                                        option), "shimin-2.xlsx"));
  adw_combo_row_set_selected (conflict, option);
  /* Nothing changes before applying. */
  g_assert_cmpfloat (shk_process_get_hours (p03), ==, 14400);
  g_assert_false (ranked (plan, "住民票の郵送請求の受付"));

  g_signal_emit_by_name (find_suggested_button (dialog), "clicked");
  shk_test_flush_events ();
  g_assert_cmpfloat (shk_process_get_hours (p03), ==, 16000);
  g_assert_cmpfloat (shk_process_get_hours (p04), ==, 1234);
  g_assert_cmpuint (g_list_model_get_n_items (shk_survey_get_processes (survey)), ==,
                    n_processes + 1);
  g_assert_true (ranked (plan, "住民票の郵送請求の受付"));
  /* Survey replies are no answer to the request round of the measures'
   * figures: no round is started from them. */
  g_assert_true (shk_round_is_empty (shk_document_get_round (document)));

  g_assert_true (shk_undo_stack_undo (stack));
  undone = plan_json (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (shk_round_is_empty (shk_document_get_round (document)));
  g_assert_false (shk_undo_stack_can_undo (stack));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      g_unlink (path);
      g_object_unref (files[i]);
    }
  g_rmdir (dir);
  gtk_window_destroy (parent);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/request-dialog/sections", test_request_dialog_lists_sections);
  g_test_add_func ("/request-dialog/collect", test_collect_dialog_applies_once);
  g_test_add_func ("/request-dialog/collect-survey", test_collect_dialog_survey);
  return g_test_run ();
}
