/* test-job.c — exports and the deck run as jobs: off the window's thread,
 * with progress and a Cancel that leaves no file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-application.h"
#include "shk-deck.h"
#include "shk-deck-dialog.h"
#include "shk-export-dialog.h"
#include "shk-format.h"
#include "shk-report.h"
#include "shk-test-utils.h"
#include "shk-window-private.h"

static ShkApplication *application;
static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static ShkWindow *
window_new (ShkDocument *document)
{
  ShkWindow *window = shk_window_new (application, document);

  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();
  return window;
}

static void
window_destroy (ShkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

/* How the main loop fared while a job ran. */
typedef struct
{
  guint  ticks;           /* a 5 ms timer's, while the job ran */
  double first_fraction;  /* the first share done between 0 and 1 */
  guint  n_fractions;
} Watch;

static gboolean
tick_cb (gpointer data)
{
  Watch *watch = data;

  watch->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
on_fraction (ShkJob     *job,
             GParamSpec *pspec,
             Watch      *watch)
{
  double fraction = shk_job_get_fraction (job);

  watch->n_fractions++;
  if (fraction > 0 && fraction < 1 && watch->first_fraction == 0)
    watch->first_fraction = fraction;
}

/* Iterates the main loop, as the window does, until @job has ended. */
static void
wait_for_job (ShkJob *job,
              Watch  *watch)
{
  guint tick_id = g_timeout_add (5, tick_cb, watch);

  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_fraction), watch);
  while (shk_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  g_signal_handlers_disconnect_by_data (job, watch);
  shk_test_flush_events ();
}

/* Only @expected (NULL: nothing) in the test's folder: no temporary file
 * of a cancelled write is left behind. */
static void
assert_folder_holds (const char *expected)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "XDG_"))
        continue;
      g_assert_cmpstr (name, ==, expected);
      n++;
    }
  g_assert_cmpuint (n, ==, expected != NULL ? 1 : 0);
}

static void
test_deck_finishes (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autofree char *path = tmp_path ("slides.pptx");
  g_autofree char *contents = NULL;
  ShkWindow *window = window_new (document);
  g_autoptr(ShkJob) job = NULL;
  Watch watch = { 0 };
  gsize length = 0;

  job = shk_export_deck_to_path (GTK_WINDOW (window), document, path);
  g_assert_nonnull (job);
  /* The window shows the job in its bar, with Cancel. */
  g_assert_true (shk_window_get_job (window) == job);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->loading_cancel)));
  g_assert_cmpstr (gtk_label_get_text (window->loading_title), ==, shk_job_get_title (job));
  /* One job at a time: a second is refused while the first runs. */
  g_assert_null (shk_export_deck_to_path (GTK_WINDOW (window), document, path));

  wait_for_job (job, &watch);
  /* The window went on: its loop ran many times while the slides were
   * drawn, and the job said how far it was. */
  g_assert_cmpuint (watch.ticks, >, 1);
  g_assert_cmpuint (watch.n_fractions, >, 0);
  g_assert_cmpfloat (shk_job_get_fraction (job), ==, 1);
  g_assert_null (shk_window_get_job (window));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK", 2) == 0);
  assert_folder_holds ("slides.pptx");
  g_unlink (path);
  window_destroy (window);
}

static void
test_deck_cancelled (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autofree char *path = tmp_path ("cancelled.pptx");
  ShkWindow *window = window_new (document);
  g_autoptr(ShkJob) job = NULL;
  Watch watch = { 0 };

  job = shk_export_deck_to_path (GTK_WINDOW (window), document, path);
  g_assert_nonnull (job);
  /* The bar's Cancel. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL);
  g_assert_true (shk_job_is_cancelled (job));
  wait_for_job (job, &watch);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_folder_holds (NULL);
  g_assert_null (shk_window_get_job (window));
  window_destroy (window);
}

/* The plan goes on being edited while the worker draws: the worker has a
 * copy of its own, so the file shows the plan as it was when asked. */
static void
test_handout_from_snapshot (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autofree char *path = tmp_path ("handout.pdf");
  g_autofree char *contents = NULL;
  ShkWindow *window = window_new (document);
  g_autoptr(ShkJob) job = NULL;
  Watch watch = { 0 };
  gsize length = 0;

  job = shk_export_handout_to_path (GTK_WINDOW (window), document, path, SHK_PAPER_A4,
                                    SHK_ORIENTATION_LANDSCAPE);
  g_assert_nonnull (job);
  shk_plan_set_title (shk_document_get_plan (document), "Changed while the handout is written");
  wait_for_job (job, &watch);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  assert_folder_holds ("handout.pdf");
  g_unlink (path);
  window_destroy (window);
}

/* A cancelled export leaves a file that was already there as it was. */
static void
test_table_cancelled_keeps_file (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autofree char *path = tmp_path ("tables.xlsx");
  g_autofree char *contents = NULL;
  ShkWindow *window = window_new (document);
  g_autoptr(ShkJob) job = NULL;
  Watch watch = { 0 };

  g_assert_true (g_file_set_contents (path, "the older file", -1, NULL));
  job = shk_export_table_to_path (GTK_WINDOW (window), document, SHK_TABLE_ALL, path);
  g_assert_nonnull (job);
  shk_job_cancel (job);
  wait_for_job (job, &watch);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the older file");
  assert_folder_holds ("tables.xlsx");

  /* Not cancelled, the same export writes the workbook. */
  g_clear_object (&job);
  job = shk_export_table_to_path (GTK_WINDOW (window), document, SHK_TABLE_ALL, path);
  wait_for_job (job, &watch);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (memcmp (contents, "PK", 2) == 0);
  g_unlink (path);
  window_destroy (window);
}

/* A failure reaches the user as a message naming the file. */
static void
test_error_names_file (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "slides.pptx", NULL);
  ShkWindow *window = window_new (document);
  g_autoptr(ShkJob) job = NULL;
  g_autoptr(GListModel) toplevels = NULL;
  AdwMessageDialog *message = NULL;
  Watch watch = { 0 };

  job = shk_export_deck_to_path (GTK_WINDOW (window), document, path);
  wait_for_job (job, &watch);

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && message == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) &&
          gtk_window_get_transient_for (GTK_WINDOW (item)) == GTK_WINDOW (window))
        message = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "slides.pptx"));
  gtk_window_destroy (GTK_WINDOW (message));
  window_destroy (window);
}

/* Saving shows in the job bar like the exports; the bar's Cancel stops
 * it and the file on disk stays as it was. */
static void
test_save_is_a_job (void)
{
  g_autoptr(ShkDocument) builtin = shk_document_new_builtin ();
  g_autofree char *path = tmp_path ("plan.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ShkWindow *window;
  ShkJob *job;
  Watch watch = { 0 };

  g_assert_true (shk_document_save (builtin, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  document = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  window = window_new (document);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  shk_plan_set_title (shk_document_get_plan (document), "Saved by a job");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  job = shk_window_get_job (window);
  g_assert_nonnull (job);
  g_object_ref (job);
  g_assert_true (shk_window_is_saving (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL);
  wait_for_job (job, &watch);
  g_object_unref (job);
  g_assert_false (shk_window_is_saving (window));
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Not cancelled, the save writes the change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  while (shk_window_is_saving (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (shk_document_get_modified (document));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "Saved by a job"));
  window_destroy (window);
  g_unlink (path);
  g_clear_pointer (&path, g_free);
  path = tmp_path ("plan.json~");
  g_unlink (path);
}

/* The core stops between steps once cancelled, not only before it
 * starts: cancelled at its first report, it writes nothing. */
static void
on_first_step_cancel (double   fraction,
                      gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_core_stops_midway (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) report_cancellable = g_cancellable_new ();
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deck = tmp_path ("midway.pptx");
  g_autofree char *pdf = tmp_path ("midway.pdf");
  double width, height;

  g_assert_false (shk_deck_write_file_full (plan, SHK_DECK_SLIDE_ALL, deck, on_first_step_cancel,
                                            cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  shk_paper_size_get_points (SHK_PAPER_A4, SHK_ORIENTATION_LANDSCAPE, &width, &height);
  report = shk_report_new (plan, width, height, NULL);
  g_assert_cmpuint (shk_report_get_n_pages (report), >, 1);
  g_assert_false (shk_report_save_pdf_full (report, pdf, on_first_step_cancel, report_cancellable,
                                            report_cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_folder_holds (NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
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
  static const char * const homes[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("shk-test-job-XXXXXX", &error);
  g_assert_no_error (error);
  /* A private home (see test-open-async.c for why not ISOLATE_DIRS). */
  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *dir = g_build_filename (tmp_dir, homes[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (homes[i], dir, TRUE);
    }
  gtk_init ();

  application = shk_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/job/deck-finishes", test_deck_finishes);
  g_test_add_func ("/job/deck-cancelled", test_deck_cancelled);
  g_test_add_func ("/job/handout-from-snapshot", test_handout_from_snapshot);
  g_test_add_func ("/job/table-cancelled-keeps-file", test_table_cancelled_keeps_file);
  g_test_add_func ("/job/error-names-file", test_error_names_file);
  g_test_add_func ("/job/save-is-a-job", test_save_is_a_job);
  g_test_add_func ("/job/core-stops-midway", test_core_stops_midway);

  status = g_test_run ();

  g_object_unref (application);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
