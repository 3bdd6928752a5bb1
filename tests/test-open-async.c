/* test-open-async.c — plans and imports read off the window's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "shk-application.h"
#include "shk-edit.h"
#include "shk-export-dialog.h"
#include "shk-import-dialog.h"
#include "shk-table-export.h"
#include "shk-test-utils.h"
#include "shk-window-private.h"

static ShkApplication *application;
static char *tmp_dir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  return g_file_new_for_path (path);
}

static ShkWindow *
window_new (ShkDocument *document)
{
  ShkWindow *window = shk_window_new (application, document);

  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();
  return window;
}

typedef struct
{
  gboolean  done;
  gboolean  opened;
  GError   *error;
} OpenResult;

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  OpenResult *open = data;

  open->opened = shk_window_open_file_finish (SHK_WINDOW (source), result, &open->error);
  open->done = TRUE;
}

static void
wait_for (OpenResult *open)
{
  while (!open->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Opens @file the way every path of the window does, and waits for the
 * worker to land. */
static gboolean
open_and_wait (ShkWindow  *window,
               GFile      *file,
               GError    **error)
{
  OpenResult open = { 0 };

  shk_window_open_file_async (window, file, on_opened, &open);
  wait_for (&open);
  g_assert_false (shk_window_is_loading (window));
  if (open.error != NULL)
    g_propagate_error (error, open.error);
  return open.opened;
}

/* Destroys @window without any question, as a test's cleanup. */
static void
window_destroy (ShkWindow *window)
{
  AdwMessageDialog *dialog = shk_window_get_message_dialog (window);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

static void
edit_first_actual (ShkDocument *document,
                   double       value)
{
  ShkMeasure *measure = shk_plan_find_measure (shk_document_get_plan (document), 1, NULL);

  shk_edit_indicator_value (shk_document_get_undo_stack (document),
                            shk_measure_get_indicator (measure, 0),
                            SHK_VALUE_ACTUAL, "R2", TRUE, value, "Edit R2 actual of No.1");
}

/* A plan saved where the test can change it. */
static GFile *
saved_builtin (const char *name)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GError) error = NULL;
  GFile *file = tmp_file (name);

  g_assert_true (shk_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  return file;
}

/* A pipe nobody writes to, a folder: refused before anything reads them
 * (reading the pipe would block for ever), the document untouched. */
static void
test_open_refuses_special_files (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) fifo = tmp_file ("no-writer.json");
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  g_autoptr(GError) error = NULL;
  ShkWindow *window = window_new (document);
  AdwMessageDialog *dialog;

  g_assert_cmpint (mkfifo (g_file_peek_path (fifo), 0600), ==, 0);
  edit_first_actual (document, 1000000);

  g_assert_false (open_and_wait (window, fifo, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (shk_window_get_document (window) == document);
  g_assert_true (shk_document_get_modified (document));
  dialog = shk_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "no-writer.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_file_peek_path (fifo)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not changed"));
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_clear_error (&error);

  g_assert_false (open_and_wait (window, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (shk_window_get_document (window) == document);

  window_destroy (window);
  g_unlink (g_file_peek_path (fifo));
}

static void
test_open_is_asynchronous (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = saved_builtin ("async.json");
  g_autoptr(GFile) other = saved_builtin ("async-other.json");
  OpenResult open = { 0 };
  OpenResult second = { 0 };
  ShkWindow *window = window_new (document);

  shk_window_open_file_async (window, file, on_opened, &open);
  /* Nothing is read before the main loop turns: the window is free. */
  g_assert_true (shk_window_is_loading (window));
  g_assert_true (shk_window_get_document (window) == document);

  /* One open at a time. */
  shk_window_open_file_async (window, other, on_opened, &second);
  wait_for (&second);
  g_assert_false (second.opened);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&second.error);

  wait_for (&open);
  g_assert_no_error (open.error);
  g_assert_true (open.opened);
  g_assert_false (shk_window_is_loading (window));
  g_assert_true (g_file_equal (shk_document_get_file (shk_window_get_document (window)), file));

  window_destroy (window);
}

static void
test_open_cancelled (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = saved_builtin ("cancelled.json");
  OpenResult open = { 0 };
  ShkWindow *window = window_new (document);

  shk_window_open_file_async (window, file, on_opened, &open);
  g_assert_true (shk_window_is_loading (window));
  /* The bar's Cancel button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  g_assert_false (shk_window_is_loading (window));
  wait_for (&open);
  g_assert_false (open.opened);
  g_assert_error (open.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&open.error);
  g_assert_true (shk_window_get_document (window) == document);
  g_assert_null (shk_window_get_message_dialog (window));

  /* Whatever the cancelled reader still delivers changes nothing, and the
   * next open works. */
  shk_test_flush_events ();
  g_assert_true (shk_window_get_document (window) == document);
  g_assert_true (open_and_wait (window, file, NULL));
  g_assert_true (g_file_equal (shk_document_get_file (shk_window_get_document (window)), file));

  window_destroy (window);
}

/* Closing the window while a plan is read cancels the read, and nothing
 * runs on the window once it has gone. */
static void
test_close_while_loading (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = saved_builtin ("closing.json");
  OpenResult open = { 0 };
  ShkWindow *window = window_new (document);
  GObject *watched = G_OBJECT (window);

  g_object_add_weak_pointer (watched, (gpointer *) &watched);
  shk_window_open_file_async (window, file, on_opened, &open);
  gtk_window_close (GTK_WINDOW (window));
  wait_for (&open);
  g_assert_error (open.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&open.error);

  /* The read's steps hold the window until they land, then let go. */
  while (watched != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent,
             GType      type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
        gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A table exported from the plan, then a value changed in the window:
 * importing the table brings that value back. */
static GFile *
exported_measures (ShkDocument *document,
                   const char  *name)
{
  g_autoptr(GError) error = NULL;
  GFile *file = tmp_file (name);

  g_assert_true (shk_table_export_file (shk_document_get_plan (document), SHK_TABLE_MEASURES,
                                        g_file_peek_path (file), &error));
  g_assert_no_error (error);
  return file;
}

static void
test_import_threaded (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = exported_measures (document, "values.csv");
  ShkWindow *window = window_new (document);
  AdwMessageDialog *progress;
  AdwMessageDialog *preview = NULL;
  ShkImport *import;
  double actual = 0;

  edit_first_actual (document, 1000000);
  shk_import_values_from_file (GTK_WINDOW (window), document, file);
  /* A modal dialog with a progress bar and Cancel while the worker reads. */
  progress = find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (progress);
  g_assert_false (SHK_IS_IMPORT_DIALOG (progress));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (progress)));
  g_assert_true (adw_message_dialog_has_response (progress, "cancel"));
  g_assert_true (GTK_IS_PROGRESS_BAR (adw_message_dialog_get_extra_child (progress)));
  g_object_add_weak_pointer (G_OBJECT (progress), (gpointer *) &progress);

  /* Then the preview, in its place. */
  while ((preview = find_dialog (GTK_WINDOW (window), SHK_TYPE_IMPORT_DIALOG)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (progress);
  import = shk_import_dialog_get_import (SHK_IMPORT_DIALOG (preview));
  g_assert_cmpuint (shk_import_get_changes (import)->len, ==, 1);
  g_assert_true (adw_message_dialog_has_response (preview, "apply"));

  adw_message_dialog_response (preview, "apply");
  shk_test_flush_events ();
  g_assert_true (shk_indicator_get_actual (shk_measure_get_indicator (
                   shk_plan_find_measure (shk_document_get_plan (document), 1, NULL), 0), "R2", &actual));
  g_assert_cmpfloat (actual, !=, 1000000);

  window_destroy (window);
}

static void
test_import_cancelled (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = exported_measures (document, "cancelled.csv");
  ShkWindow *window = window_new (document);
  GtkWidget *progress;

  edit_first_actual (document, 1000000);
  shk_import_values_from_file (GTK_WINDOW (window), document, file);
  progress = GTK_WIDGET (find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (progress);
  g_object_add_weak_pointer (G_OBJECT (progress), (gpointer *) &progress);

  /* Cancel asks the worker to stop; the dialog goes once it has. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (progress), "cancel");
  while (progress != NULL)
    g_main_context_iteration (NULL, TRUE);
  shk_test_flush_events ();
  g_assert_null (find_dialog (GTK_WINDOW (window), SHK_TYPE_IMPORT_DIALOG));
  g_assert_true (shk_document_get_modified (document));

  window_destroy (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("shk-test-open-async-XXXXXX", &error);
  g_assert_no_error (error);

  /* Recent files, settings and recovery copies go to a private home, but
   * the system data directories stay: G_TEST_OPTION_ISOLATE_DIRS would hide
   * the icon theme and the MIME database that GTK needs to draw icons. */
  {
    static const char * const homes[] = {
      "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
    };

    for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
      {
        g_autofree char *dir = g_build_filename (tmp_dir, homes[i], NULL);

        g_mkdir_with_parents (dir, 0700);
        g_setenv (homes[i], dir, TRUE);
      }
  }
  gtk_init ();

  /* Registered (startup runs: settings, actions, accelerators) but not
   * unique, so tests never talk to a running Shinchoku. */
  application = shk_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/open-async/refuses-special-files", test_open_refuses_special_files);
  g_test_add_func ("/open-async/open", test_open_is_asynchronous);
  g_test_add_func ("/open-async/cancelled", test_open_cancelled);
  g_test_add_func ("/open-async/close-while-loading", test_close_while_loading);
  g_test_add_func ("/open-async/import", test_import_threaded);
  g_test_add_func ("/open-async/import-cancelled", test_import_cancelled);

  status = g_test_run ();

  g_object_unref (application);
  /* The test files live in a fresh temporary directory. */
  remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
