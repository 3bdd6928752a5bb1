/* test-document.c — documents: new, load, save, modified, changes on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "shk-document.h"
#include "shk-edit.h"
#include "shk-format.h"

static char *tmp_dir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static ShkIndicator *
first_indicator (ShkPlan *plan,
                 guint    number)
{
  ShkMeasure *measure = shk_plan_find_measure (plan, number, NULL);

  g_assert_nonnull (measure);
  return shk_measure_get_indicator (measure, 0);
}

/* Writes @contents as another program would: straight into the file. */
static void
write_behind_back (GFile      *file,
                   const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (g_file_peek_path (file), contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_builtin (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autofree char *title = shk_document_dup_title (document);
  ShkPlan *plan = shk_document_get_plan (document);

  g_assert_nonnull (plan);
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_measures (plan)), ==, 62);
  g_assert_null (shk_document_get_file (document));
  g_assert_null (shk_document_get_etag (document));
  g_assert_false (shk_document_get_modified (document));
  g_assert_false (shk_document_changed_on_disk (document));
  g_assert_cmpstr (title, ==, "Untitled Plan");
  g_assert_false (shk_undo_stack_can_undo (shk_document_get_undo_stack (document)));
}

static void
test_blank_is_valid (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_blank ();
  g_autoptr(ShkDocument) reloaded = NULL;
  g_autoptr(GFile) file = tmp_file ("blank.json");
  g_autoptr(GError) error = NULL;
  ShkPlan *plan = shk_document_get_plan (document);
  ShkFiscalYear *final_year;
  GListModel *evaluations;

  g_assert_false (shk_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_measures (plan)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_fiscal_years (plan)), ==, 4);
  g_assert_cmpfloat (shk_plan_get_achieved_threshold (plan), ==, SHK_DEFAULT_ACHIEVED_THRESHOLD);
  g_assert_cmpfloat (shk_plan_get_mostly_threshold (plan), ==, SHK_DEFAULT_MOSTLY_THRESHOLD);
  g_assert_cmpstr (shk_plan_get_title (plan), ==, "Untitled Plan");

  /* Every evaluation compares with the final year. */
  final_year = shk_plan_get_final_year (plan);
  evaluations = shk_plan_get_evaluations (plan);
  g_assert_cmpuint (g_list_model_get_n_items (evaluations), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      g_assert_cmpstr (shk_evaluation_get_target_year (evaluation), ==,
                       shk_fiscal_year_get_id (final_year));
    }

  /* The file a blank plan saves to loads back. */
  g_assert_true (shk_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  reloaded = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_fiscal_years (shk_document_get_plan (reloaded))), ==, 4);
}

static void
test_save_requires_file (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GError) error = NULL;

  g_assert_false (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_modified_follows_undo (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = tmp_file ("modified.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  ShkIndicator *indicator = first_indicator (plan, 1);
  guint notifies = 0;
  double actual = 0;

  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &notifies);

  g_assert_true (shk_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_get_modified (document));
  g_assert_true (g_file_equal (shk_document_get_file (document), file));
  g_assert_nonnull (shk_document_get_etag (document));
  title = shk_document_dup_title (document);
  g_assert_cmpstr (title, ==, "modified.json");

  shk_edit_indicator_value (stack, indicator, SHK_VALUE_ACTUAL, "R2", TRUE, 1000000,
                            "Edit R2 actual of No.1");
  g_assert_true (shk_document_get_modified (document));
  g_assert_cmpuint (notifies, ==, 1);
  flush_main_loop ();
  g_assert_true (shk_document_get_modified (document));

  /* Undoing back to the saved state clears the marker; redo sets it. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_document_get_modified (document));
  g_assert_cmpuint (notifies, ==, 2);
  flush_main_loop ();
  g_assert_false (shk_document_get_modified (document));
  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (shk_indicator_get_actual (indicator, "R2", &actual));
  g_assert_cmpfloat (actual, ==, 1000000);

  /* Saving clears it, and the saved file holds the edit. */
  g_assert_true (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_get_modified (document));
  {
    g_autoptr(ShkDocument) reloaded = shk_document_new_from_file (file, NULL, &error);

    g_assert_no_error (error);
    indicator = first_indicator (shk_document_get_plan (reloaded), 1);
    g_assert_true (shk_indicator_get_actual (indicator, "R2", &actual));
    g_assert_cmpfloat (actual, ==, 1000000);
  }

  /* After the save, undoing moves away from the saved state again. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_false (shk_document_get_modified (document));
}

/* A change that bypasses the edit API cannot be undone, so the document
 * stays modified until it is saved. */
static void
test_direct_change_is_modified (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = tmp_file ("direct.json");
  g_autoptr(GError) error = NULL;
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);

  shk_plan_set_title (plan, "別の計画");
  g_assert_true (shk_document_get_modified (document));
  flush_main_loop ();
  g_assert_true (shk_document_get_modified (document));
  g_assert_false (shk_undo_stack_can_undo (stack));

  /* An undoable edit and its undo leave that change unsaved. */
  shk_edit_indicator_value (stack, first_indicator (plan, 2), SHK_VALUE_ACTUAL, "R2",
                            TRUE, 5, "Edit");
  flush_main_loop ();
  shk_undo_stack_undo (stack);
  g_assert_true (shk_document_get_modified (document));

  g_assert_true (shk_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_get_modified (document));
}

static void
test_changed_on_disk (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDocument) reloaded = NULL;
  g_autoptr(GFile) file = tmp_file ("on-disk.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ShkPlan *plan = shk_document_get_plan (document);

  g_assert_true (shk_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_changed_on_disk (document));

  /* Another program rewrites the file: noticed. */
  write_behind_back (file, "{\"format\": \"shinchoku-plan\", \"version\": 1, "
                           "\"fiscal_years\": [{\"id\": \"R1\"}]}\n");
  g_assert_true (shk_document_changed_on_disk (document));

  /* Saving over it is refused and the other program's file is kept… */
  shk_plan_set_title (plan, "上書きする計画");
  g_assert_false (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "on-disk.json"));
  g_clear_error (&error);
  g_assert_true (shk_document_get_modified (document));
  g_file_get_contents (g_file_peek_path (file), &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, "上書きする計画"));

  /* …unless the user says to overwrite. */
  g_assert_true (shk_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_changed_on_disk (document));
  g_assert_false (shk_document_get_modified (document));
  reloaded = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shk_plan_get_title (shk_document_get_plan (reloaded)), ==, "上書きする計画");
  g_assert_false (shk_document_changed_on_disk (reloaded));

  /* A later save of the reloaded document needs no confirmation. */
  g_assert_true (shk_document_save (reloaded, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* A file removed behind our back has nothing to overwrite. */
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  g_assert_false (shk_document_changed_on_disk (reloaded));
}

/* Saving under another name needs no check of the old file. */
static void
test_save_as_moves_file (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) first = tmp_file ("first.json");
  g_autoptr(GFile) second = tmp_file ("second.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (shk_document_save (document, first, FALSE, NULL, &error));
  g_assert_no_error (error);
  write_behind_back (first, "changed elsewhere");
  g_assert_true (shk_document_save (document, second, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (shk_document_get_file (document), second));
  g_assert_false (shk_document_changed_on_disk (document));
}

static void
test_broken_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "syntax-error.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) before = NULL;
  g_autoptr(GFileInfo) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents_before = NULL;
  g_autofree char *contents_after = NULL;
  ShkDocument *document;

  g_file_get_contents (path, &contents_before, NULL, &error);
  g_assert_no_error (error);
  before = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, &error);
  g_assert_no_error (error);

  document = shk_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_SYNTAX);
  /* The message says where: the file and the line the parser stopped at. */
  g_assert_nonnull (strstr (error->message, "syntax-error.json:7:3:"));
  g_test_message ("%s", error->message);

  g_file_get_contents (path, &contents_after, NULL, NULL);
  g_assert_cmpstr (contents_before, ==, contents_after);
  after = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);
  g_assert_cmpstr (g_file_info_get_etag (before), ==, g_file_info_get_etag (after));
  g_clear_error (&error);

  /* A missing file is an error too, naming the file. */
  {
    g_autoptr(GFile) missing = tmp_file ("no-such-plan.json");

    document = shk_document_new_from_file (missing, NULL, &error);
    g_assert_null (document);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "no-such-plan.json"));
  }
}

static void
test_recovered (void)
{
  g_autoptr(ShkDocument) original = shk_document_new_builtin ();
  g_autoptr(ShkDocument) recovered = NULL;
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GFile) file = tmp_file ("recovered.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (shk_document_save (original, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  recovered = shk_document_new_recovered (plan, file, shk_document_get_etag (original));
  g_assert_true (shk_document_get_plan (recovered) == plan);
  g_assert_true (shk_document_get_modified (recovered));
  g_assert_true (g_file_equal (shk_document_get_file (recovered), file));
  g_assert_false (shk_document_changed_on_disk (recovered));

  /* The file changed after the recovery copy was made: still noticed. */
  write_behind_back (file, "{}");
  g_assert_true (shk_document_changed_on_disk (recovered));
  g_assert_false (shk_document_save (recovered, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = g_dir_make_tmp ("shk-test-document-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/document/builtin", test_builtin);
  g_test_add_func ("/document/blank", test_blank_is_valid);
  g_test_add_func ("/document/save-requires-file", test_save_requires_file);
  g_test_add_func ("/document/modified-follows-undo", test_modified_follows_undo);
  g_test_add_func ("/document/direct-change", test_direct_change_is_modified);
  g_test_add_func ("/document/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/document/save-as", test_save_as_moves_file);
  g_test_add_func ("/document/broken-file", test_broken_file);
  g_test_add_func ("/document/recovered", test_recovered);

  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
    g_autoptr(GFileEnumerator) children =
      g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
    GFileInfo *info;

    while (children != NULL &&
           (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }
  g_free (tmp_dir);

  return status;
}
