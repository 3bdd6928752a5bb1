/* test-window.c — the window: documents, questions, actions, recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-application.h"
#include "shk-dashboard-private.h"
#include "shk-edit.h"
#include "shk-format.h"
#include "shk-recovery.h"
#include "shk-window-private.h"
#include "shk-test-utils.h"

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

/* Saves run on a worker thread: waits for the one under way. */
static void
wait_for_save (ShkWindow *window)
{
  while (shk_window_is_saving (window))
    g_main_context_iteration (NULL, TRUE);
  shk_test_flush_events ();
}

static void
wait_for_load (ShkWindow *window)
{
  while (shk_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  shk_test_flush_events ();
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

static void
test_window_on_builtin (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = window_new (document);
  GtkWidget *dashboard = shk_window_get_view (window, "dashboard");

  g_assert_true (shk_window_get_document (window) == document);
  {
    /* Not saved yet: the plan's own name, marked so. */
    g_autofree char *title = g_strdup_printf ("%s (not saved)",
                                              shk_plan_get_title (shk_document_get_plan (document)));

    g_assert_cmpstr (shk_window_get_document_title (window), ==, title);
  }
  g_assert_nonnull (shk_window_get_view (window, "measures"));
  g_assert_null (shk_window_get_view (window, "no-such-view"));

  /* The views get the document. */
  g_assert_true (SHK_IS_DASHBOARD (dashboard));
  g_assert_nonnull (shk_dashboard_get_summary (SHK_DASHBOARD (dashboard)));

  /* Alt+1 / Alt+2 actions switch views. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-measures", NULL));
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "measures");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL));
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "dashboard");

  /* Ctrl+F on the dashboard goes to the measures' search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "measures");

  window_destroy (window);
}

static void
test_accels_installed (void)
{
  g_auto(GStrv) undo = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.undo");
  g_auto(GStrv) redo = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.redo");
  g_auto(GStrv) measures = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                  "win.show-measures");
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.quit");

  g_assert_cmpstr (undo[0], ==, "<Control>z");
  g_assert_true (g_strv_contains ((const char * const *) redo, "<Shift><Control>z"));
  g_assert_true (g_strv_contains ((const char * const *) redo, "<Control>y"));
  g_assert_cmpstr (measures[0], ==, "<Alt>2");
  g_assert_cmpstr (quit[0], ==, "<Control>q");
}

/* The shortcuts window is not built with the window (issue #17) but
 * when Ctrl+? (or the menu) first asks for it: the action is the
 * window's own, on the accelerator GtkApplication used to set. (Not shown
 * here: GTK 4.8's shortcuts window warns about one of its own labels.) */
static void
test_help_overlay_on_demand (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = window_new (document);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                "win.show-help-overlay");

  g_assert_cmpstr (accels[0], ==, "<Control>question");
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (window), "show-help-overlay"));
  g_assert_true (g_resources_get_info ("/io/github/shinchoku/Shinchoku/shk-help-overlay.ui",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  window_destroy (window);
}

/* 「スライドを書き出す」 in the main menu needs its action on the window. */
static void
test_deck_action_installed (void)
{
  GtkWidgetClass *klass = g_type_class_ref (SHK_TYPE_WINDOW);
  gboolean found = FALSE;
  GType owner;
  const char *name;
  const GVariantType *parameter_type;
  const char *property;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type,
                                                    &property); i++)
    found |= g_str_equal (name, "win.export-deck") && parameter_type == NULL;
  g_type_class_unref (klass);
  g_assert_true (found);
}

static void
test_undo_redo_and_title_marker (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = window_new (document);
  GtkWidget *dashboard = shk_window_get_view (window, "dashboard");
  g_autofree char *count = NULL;
  g_autofree char *title = g_strdup_printf ("%s (not saved)",
                                            shk_plan_get_title (shk_document_get_plan (document)));
  g_autofree char *modified_title = g_strdup_printf ("• %s", title);

  /* The window comes back on the view it was last closed on, and a hidden
   * dashboard waits until it is shown: show it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL));
  shk_test_flush_events ();
  edit_first_actual (document, 1000000);
  shk_test_flush_events ();
  g_assert_cmpstr (shk_window_get_document_title (window), ==, modified_title);
  count = shk_dashboard_dup_count_text (SHK_DASHBOARD (dashboard), "R2/R3", SHK_GRADE_ACHIEVED);
  g_assert_cmpstr (count, ==, "34");
  g_clear_pointer (&count, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  shk_test_flush_events ();
  g_assert_false (shk_document_get_modified (document));
  g_assert_cmpstr (shk_window_get_document_title (window), ==, title);
  count = shk_dashboard_dup_count_text (SHK_DASHBOARD (dashboard), "R2/R3", SHK_GRADE_ACHIEVED);
  g_assert_cmpstr (count, ==, "35");
  g_clear_pointer (&count, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  shk_test_flush_events ();
  g_assert_true (shk_document_get_modified (document));
  count = shk_dashboard_dup_count_text (SHK_DASHBOARD (dashboard), "R2/R3", SHK_GRADE_ACHIEVED);
  g_assert_cmpstr (count, ==, "34");

  /* The undo toast's button undoes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toast-undo", "s",
                                             "Removed measure No.1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (shk_document_get_modified (document));

  window_destroy (window);
}

/* The acceptance check: a file with a syntax error reports its
 * line and the open document stays. */
static void
test_broken_file_keeps_document (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "syntax-error.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ShkWindow *window = window_new (document);
  AdwMessageDialog *dialog;
  g_autofree char *line = NULL;

  edit_first_actual (document, 1000000);
  g_assert_false (open_and_wait (window, file, &error));
  g_assert_nonnull (error);

  /* The same document object, untouched, with its unsaved edit. */
  g_assert_true (shk_window_get_document (window) == document);
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (shk_undo_stack_can_undo (shk_document_get_undo_stack (document)));

  /* The error shows, naming the file and the line the parser stopped at. */
  dialog = shk_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "syntax-error.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), error->message));
  /* The "}" missing at the end of line 6 shows at the "]" of line 7. */
  line = g_strdup_printf ("syntax-error.json:%d:%d:", 7, 3);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), line));
  g_test_message ("%s", adw_message_dialog_get_body (dialog));

  window_destroy (window);
}

static void
test_open_replaces_unmodified (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = saved_builtin ("open-me.json");
  g_autoptr(GError) error = NULL;
  ShkWindow *window = window_new (document);
  ShkDocument *opened;

  g_assert_true (open_and_wait (window, file, &error));
  g_assert_no_error (error);
  opened = shk_window_get_document (window);
  g_assert_true (opened != document);
  g_assert_true (g_file_equal (shk_document_get_file (opened), file));
  g_assert_null (shk_window_get_message_dialog (window));
  g_assert_cmpstr (shk_window_get_document_title (window), ==, "open-me.json");

  window_destroy (window);
}

static void
test_open_asks_about_unsaved_changes (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(GFile) file = saved_builtin ("other.json");
  ShkWindow *window = window_new (document);
  AdwMessageDialog *dialog;

  edit_first_actual (document, 1000000);

  /* Cancel keeps everything. */
  g_assert_true (open_and_wait (window, file, NULL));
  dialog = shk_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "cancel");
  shk_test_flush_events ();
  g_assert_true (shk_window_get_document (window) == document);
  g_assert_true (shk_document_get_modified (document));

  /* Discard opens the file. */
  g_assert_true (open_and_wait (window, file, NULL));
  dialog = shk_window_get_message_dialog (window);
  adw_message_dialog_response (dialog, "discard");
  shk_test_flush_events ();
  g_assert_true (shk_window_get_document (window) != document);
  g_assert_true (g_file_equal (shk_document_get_file (shk_window_get_document (window)), file));

  window_destroy (window);
}

static void
test_save_and_changed_on_disk (void)
{
  g_autoptr(GFile) file = saved_builtin ("saved.json");
  g_autoptr(ShkDocument) document = shk_document_new_from_file (file, NULL, NULL);
  ShkWindow *window = window_new (document);
  g_autoptr(ShkDocument) reloaded = NULL;
  AdwMessageDialog *dialog;
  GError *error = NULL;
  double actual = 0;

  edit_first_actual (document, 123);
  g_assert_cmpstr (shk_window_get_document_title (window), ==, "• saved.json");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_save (window);
  g_assert_false (shk_document_get_modified (document));
  g_assert_cmpstr (shk_window_get_document_title (window), ==, "saved.json");

  /* Another program writes the file; the next save asks first. */
  g_file_set_contents (g_file_peek_path (file), "{}", -1, &error);
  g_assert_no_error (error);
  edit_first_actual (document, 456);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = shk_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  g_assert_true (shk_document_get_modified (document));

  adw_message_dialog_response (dialog, "overwrite");
  wait_for_save (window);
  g_assert_false (shk_document_get_modified (document));
  reloaded = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (shk_indicator_get_actual (shk_measure_get_indicator (
                   shk_plan_find_measure (shk_document_get_plan (reloaded), 1, NULL), 0), "R2", &actual));
  g_assert_cmpfloat (actual, ==, 456);

  window_destroy (window);
}

static void
test_revert (void)
{
  g_autoptr(GFile) file = saved_builtin ("revert.json");
  g_autoptr(ShkDocument) document = shk_document_new_from_file (file, NULL, NULL);
  ShkWindow *window = window_new (document);
  AdwMessageDialog *dialog;
  ShkDocument *reverted;
  double actual = 0;

  edit_first_actual (document, 999);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL));
  dialog = shk_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "revert");
  /* Read on a worker; meanwhile the old document is not edited. */
  g_assert_true (shk_window_is_loading (window));
  g_assert_false (gtk_widget_is_sensitive (shk_window_get_view (window, "dashboard")));
  wait_for_load (window);

  reverted = shk_window_get_document (window);
  g_assert_true (reverted != document);
  g_assert_false (shk_document_get_modified (reverted));
  g_assert_true (shk_indicator_get_actual (shk_measure_get_indicator (
                   shk_plan_find_measure (shk_document_get_plan (reverted), 1, NULL), 0), "R2", &actual));
  g_assert_cmpfloat (actual, !=, 999);

  window_destroy (window);
}

static void
test_close_asks (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = window_new (document);
  GtkWidget *watched = GTK_WIDGET (window);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);

  edit_first_actual (document, 1000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  shk_test_flush_events ();
  g_assert_nonnull (watched);
  dialog = shk_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  shk_test_flush_events ();
  g_assert_nonnull (watched);

  gtk_window_close (GTK_WINDOW (window));
  dialog = shk_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  shk_test_flush_events ();
  g_assert_null (watched);
}

static void
test_recovery_copy (void)
{
  g_autoptr(GFile) file = saved_builtin ("recover.json");
  g_autoptr(ShkDocument) document = shk_document_new_from_file (file, NULL, NULL);
  ShkWindow *window = window_new (document);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ShkDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  ShkRecoveryItem *item = NULL;
  double actual = 0;

  /* Nothing to recover while there are no unsaved changes. */
  g_assert_true (shk_window_write_recovery (window, &error));
  items = shk_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  edit_first_actual (document, 4321);
  g_assert_true (shk_window_write_recovery (window, &error));
  g_assert_no_error (error);
  items = shk_recovery_list ();
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->id, ==, shk_window_get_recovery_id (window));
  g_assert_true (g_file_equal (item->original, file));
  g_assert_nonnull (item->title);

  /* What a restart after a crash gets back. */
  restored = shk_recovery_restore (item, &error);
  g_assert_no_error (error);
  g_assert_true (shk_document_get_modified (restored));
  g_assert_true (g_file_equal (shk_document_get_file (restored), file));
  g_assert_true (shk_indicator_get_actual (shk_measure_get_indicator (
                   shk_plan_find_measure (shk_document_get_plan (restored), 1, NULL), 0), "R2", &actual));
  g_assert_cmpfloat (actual, ==, 4321);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Saving removes the copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_save (window);
  items = shk_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A copy too large to be read back is not written; the message says so. */
  edit_first_actual (document, 6);
  shk_format_set_max_file_size (64);
  g_assert_false (shk_window_write_recovery (window, &error));
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  shk_format_set_max_file_size (0);
  items = shk_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* So does a clean close after discarding. */
  edit_first_actual (document, 5);
  g_assert_true (shk_window_write_recovery (window, NULL));
  items = shk_recovery_list ();
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  gtk_window_close (GTK_WINDOW (window));
  adw_message_dialog_response (shk_window_get_message_dialog (window), "discard");
  shk_test_flush_events ();
  items = shk_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_new_documents (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = window_new (document);
  ShkPlan *plan;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  shk_test_flush_events ();
  plan = shk_document_get_plan (shk_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_measures (plan)), ==, 0);
  g_assert_null (shk_document_get_file (shk_window_get_document (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-example", NULL));
  shk_test_flush_events ();
  plan = shk_document_get_plan (shk_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_measures (plan)), ==, 62);

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

  tmp_dir = g_dir_make_tmp ("shk-test-window-XXXXXX", &error);
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

  g_test_add_func ("/window/builtin", test_window_on_builtin);
  g_test_add_func ("/window/accels", test_accels_installed);
  g_test_add_func ("/window/help-overlay", test_help_overlay_on_demand);
  g_test_add_func ("/window/undo-redo-title", test_undo_redo_and_title_marker);
  g_test_add_func ("/window/broken-file", test_broken_file_keeps_document);
  g_test_add_func ("/window/open-replaces", test_open_replaces_unmodified);
  g_test_add_func ("/window/open-asks", test_open_asks_about_unsaved_changes);
  g_test_add_func ("/window/save-changed-on-disk", test_save_and_changed_on_disk);
  g_test_add_func ("/window/revert", test_revert);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/recovery", test_recovery_copy);
  g_test_add_func ("/window/new", test_new_documents);
  g_test_add_func ("/window/deck-action", test_deck_action_installed);

  status = g_test_run ();

  g_object_unref (application);
  /* The test files live in a fresh temporary directory. */
  remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
