/* test-materials-view.c — the Materials view (資料): its three pages
 * computed from the document and following its edits, and 「次期計画を
 * 作成」 opening the successor document in a new window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-application.h"
#include "shk-chart-view.h"
#include "shk-materials-table.h"
#include "shk-materials-view.h"
#include "shk-successor-dialog.h"
#include "shk-window-private.h"
#include "shk-test-utils.h"

static ShkApplication *application;

/* The tables of a page, in order. */
static GPtrArray *
page_tables (ShkMaterialsView *view,
             const char       *name,
             guint            *n_charts)
{
  GtkWidget *page = shk_materials_view_get_page (view, name);
  GPtrArray *tables = g_ptr_array_new ();

  *n_charts = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SHK_IS_MATERIALS_TABLE (child))
        g_ptr_array_add (tables, child);
      else if (SHK_IS_CHART_VIEW (child))
        (*n_charts)++;
    }
  return tables;
}

static const char *
last_cell (ShkMaterialsTable *table,
           guint              column)
{
  return shk_materials_table_get_cell (table, shk_materials_table_get_n_rows (table) - 1, column);
}

/* The handout's figures on the pages, and an edit followed. */
static void
test_pages_show_handout_figures (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkMaterialsView *view = g_object_ref_sink (SHK_MATERIALS_VIEW (shk_materials_view_new ()));
  g_autoptr(GPtrArray) survey = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) next_plan = NULL;
  g_autoptr(GPtrArray) edited = NULL;
  g_autoptr(ShkProcess) process = NULL;
  GtkWidget *window;
  ShkMaterialsTable *devices, *demo, *e_application, *sections;
  g_autofree char *first_hours = NULL;
  guint n_charts;

  shk_materials_view_set_document (view, document);

  survey = page_tables (view, "survey", &n_charts);
  g_assert_cmpuint (n_charts, ==, 1);
  g_assert_cmpuint (survey->len, ==, 4);
  devices = g_ptr_array_index (survey, 0);
  g_assert_cmpstr (shk_materials_table_get_cell (devices, 0, 0), ==, "スマートフォン型の携帯電話");
  g_assert_cmpstr (shk_materials_table_get_cell (devices, 0, 3), ==, "+22.6");
  g_assert_cmpstr (shk_materials_table_get_cell (devices, 0, 5), ==, "-0.8");
  g_assert_cmpstr (shk_materials_table_get_cell (g_ptr_array_index (survey, 2), 0, 5), ==, "-2.3");

  next_plan = page_tables (view, "next-plan", &n_charts);
  g_assert_cmpuint (n_charts, ==, 1);
  g_assert_cmpuint (next_plan->len, ==, 3);
  g_assert_cmpuint (shk_materials_table_get_n_rows (g_ptr_array_index (next_plan, 1)), ==, 4);

  findings = page_tables (view, "findings", &n_charts);
  demo = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (last_cell (demo, 3), ==, "10,963");
  g_assert_cmpstr (last_cell (demo, 4), ==, "7,518");
  e_application = NULL;
  sections = NULL;
  for (guint i = 0; i < findings->len; i++)
    {
      ShkMaterialsTable *table = g_ptr_array_index (findings, i);

      if (g_strcmp0 (shk_materials_table_get_cell (table, 0, 1), "予防接種予診票再発行") == 0)
        e_application = table;
      sections = table;   /* the last table */
    }
  g_assert_nonnull (e_application);
  g_assert_cmpstr (last_cell (e_application, 4), ==, "17,051");
  first_hours = g_strdup (shk_materials_table_get_cell (sections, 0, 3));

  /* Raising the first process's hours raises its section's row: not
   * while the view is hidden, as soon as it is shown. */
  process = g_list_model_get_item (shk_survey_get_processes (shk_plan_get_survey (shk_document_get_plan (document))), 0);
  shk_process_set_hours (process, shk_process_get_hours (process) + 1000);
  shk_test_flush_events ();
  edited = page_tables (view, "findings", &n_charts);
  sections = g_ptr_array_index (edited, edited->len - 1);
  g_assert_cmpstr (shk_materials_table_get_cell (sections, 0, 3), ==, first_hours);
  g_clear_pointer (&edited, g_ptr_array_unref);

  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();
  edited = page_tables (view, "findings", &n_charts);
  sections = g_ptr_array_index (edited, edited->len - 1);
  g_assert_cmpstr (shk_materials_table_get_cell (sections, 0, 3), ==, "65,562");

  shk_materials_view_set_document (view, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (view);
}

/* A document without the handouts' tables says so, without errors. */
static void
test_blank_document (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_blank ();
  ShkMaterialsView *view = g_object_ref_sink (SHK_MATERIALS_VIEW (shk_materials_view_new ()));
  g_autoptr(GPtrArray) survey = NULL;
  guint n_charts;

  shk_materials_view_set_document (view, document);
  survey = page_tables (view, "survey", &n_charts);
  g_assert_cmpuint (survey->len, ==, 0);
  g_assert_cmpuint (n_charts, ==, 0);
  g_object_unref (view);
}

/* The view is the window's "materials"; the dialog builds the successor
 * and opens it in a new window, untitled, naming this plan. */
static void
test_start_next_plan (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = shk_window_new (application, document);
  ShkSuccessorDialog *dialog;
  g_autoptr(ShkPlan) built = NULL;
  g_autoptr(GError) error = NULL;
  GList *windows;
  ShkPlan *opened = NULL;

  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();
  shk_window_show_view (window, "materials");
  shk_test_flush_events ();
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "materials");
  g_assert_true (SHK_IS_MATERIALS_VIEW (shk_window_get_view (window, "materials")));

  dialog = shk_successor_dialog_new (GTK_WINDOW (window), shk_document_get_plan (document));
  shk_successor_dialog_set_years (dialog, "R9-R4");
  g_assert_null (shk_successor_dialog_build (dialog, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);

  shk_successor_dialog_set_years (dialog, "R4-R8");
  shk_successor_dialog_set_measure_chosen (dialog, 1, FALSE);
  built = shk_successor_dialog_build (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_measures (built)), ==, 61);
  g_assert_null (shk_plan_find_measure (built, 1, NULL));

  gtk_window_present (GTK_WINDOW (dialog));
  shk_test_flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "successor.create", NULL));
  shk_test_flush_events ();

  windows = gtk_application_get_windows (GTK_APPLICATION (application));
  for (GList *l = windows; l != NULL; l = l->next)
    if (SHK_IS_WINDOW (l->data) && l->data != window)
      opened = shk_document_get_plan (shk_window_get_document (l->data));
  g_assert_nonnull (opened);
  g_assert_cmpstr (shk_plan_get_previous_plan (opened), ==,
                   shk_plan_get_title (shk_document_get_plan (document)));
  g_assert_cmpuint (g_list_model_get_n_items (shk_plan_get_fiscal_years (opened)), ==, 5);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  shk_test_flush_events ();
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
  g_autofree char *tmp_dir = NULL;
  static const char * const homes[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("shk-test-materials-view-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *dir = g_build_filename (tmp_dir, homes[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (homes[i], dir, TRUE);
    }
  gtk_init ();
  adw_init ();

  application = shk_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/materials-view/pages", test_pages_show_handout_figures);
  g_test_add_func ("/materials-view/blank", test_blank_document);
  g_test_add_func ("/materials-view/next-plan", test_start_next_plan);

  status = g_test_run ();
  remove_tree (tmp_dir);
  return status;
}
