/* test-audit-view.c — the audit page: its findings, live updates, and
 * its links into the measures view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-application.h"
#include "shk-audit.h"
#include "shk-audit-item.h"
#include "shk-audit-row.h"
#include "shk-audit-view.h"
#include "shk-measures-view.h"
#include "shk-window-private.h"
#include "shk-test-utils.h"

static ShkApplication *application;

static guint
count_rows (ShkAuditView *view)
{
  return g_list_model_get_n_items (shk_audit_view_get_findings (view));
}

static const ShkFinding *
find_finding (ShkAuditView *view,
              guint         measure,
              const char   *printed)
{
  GListModel *findings = shk_audit_view_get_findings (view);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ShkAuditItem) item = g_list_model_get_item (findings, i);
      const ShkFinding *finding = shk_audit_item_get_finding (item);

      if (finding->measure == measure && g_strcmp0 (finding->printed, printed) == 0)
        return finding;
    }
  return NULL;
}

/* The row widgets the list view has made, and the one showing No.@measure
 * with @printed (NULL when none shows it). */
static guint
count_row_widgets (GtkWidget    *widget,
                   guint         measure,
                   const char   *printed,
                   ShkAuditRow **found)
{
  guint n = 0;

  if (SHK_IS_AUDIT_ROW (widget))
    {
      g_autofree char *row_printed = NULL;

      g_object_get (widget, "printed", &row_printed, NULL);
      if (shk_audit_row_get_measure (SHK_AUDIT_ROW (widget)) == measure &&
          g_strcmp0 (row_printed, printed) == 0)
        *found = SHK_AUDIT_ROW (widget);
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_row_widgets (child, measure, printed, found);
  return n;
}

/* One row per finding of the core's audit; No.43② and No.52 show the
 * printed and the computed rate. An edit that adds a finding shows it. */
static void
test_rows_follow_audit (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkAuditView *view = g_object_ref_sink (SHK_AUDIT_VIEW (shk_audit_view_new ()));
  g_autoptr(GPtrArray) findings = shk_audit_run (shk_document_get_plan (document));
  const ShkFinding *finding;
  ShkAuditRow *row = NULL;
  g_autofree char *computed = NULL;
  ShkMeasure *measure;
  GtkWidget *window;
  guint before;

  shk_audit_view_set_document (view, document);
  before = count_rows (view);
  g_assert_cmpuint (before, ==, findings->len);

  finding = find_finding (view, 43, "94.1%");
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->computed, ==, "84.2%");
  g_assert_nonnull (find_finding (view, 52, "90.0%"));

  /* A zero target on No.1 makes it unratable in three evaluations. The
   * view is not on screen: it waits, and catches up when it is shown. */
  measure = shk_plan_find_measure (shk_document_get_plan (document), 1, NULL);
  shk_indicator_set_target (shk_measure_get_indicator (measure, 0), "R3", 0);
  shk_test_flush_events ();
  g_assert_cmpuint (count_rows (view), ==, before);

  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();
  g_assert_cmpuint (count_rows (view), ==, before + 3);

  /* On screen, a row shows the finding's figures. */
  g_assert_cmpuint (count_row_widgets (GTK_WIDGET (view), 43, "94.1%", &row), >, 0);
  g_assert_nonnull (row);
  g_object_get (row, "computed", &computed, NULL);
  g_assert_cmpstr (computed, ==, "84.2%");

  /* On screen, a change shows after the burst of edits is over. */
  shk_indicator_set_target (shk_measure_get_indicator (measure, 0), "R3", 100);
  shk_test_flush_events ();
  g_assert_cmpuint (count_rows (view), ==, before);

  shk_audit_view_set_document (view, NULL);
  g_assert_cmpuint (count_rows (view), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (view);
}

/* A finding's button opens its measure in the measures view. */
static void
test_link_opens_measure (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = shk_window_new (application, document);
  ShkMeasuresView *measures;
  ShkMeasure *selected;

  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();

  shk_window_show_view (window, "audit");
  shk_test_flush_events ();
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "audit");
  g_assert_true (SHK_IS_AUDIT_VIEW (shk_window_get_view (window, "audit")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-measure", "u", 52));
  shk_test_flush_events ();
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "measures");
  measures = SHK_MEASURES_VIEW (shk_window_get_view (window, "measures"));
  selected = shk_measures_view_get_selected (measures);
  g_assert_nonnull (selected);
  g_assert_cmpuint (shk_measure_get_number (selected), ==, 52);

  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

/* The private home goes when the tests are done. */
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

  g_autofree char *tmp_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* Settings and recent files go to a private home, but the system data
   * directories stay: G_TEST_OPTION_ISOLATE_DIRS would hide the icon theme
   * and the MIME database the window needs to draw its icons. */
  tmp_dir = g_dir_make_tmp ("shk-test-audit-view-XXXXXX", &error);
  g_assert_no_error (error);
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
  adw_init ();

  application = shk_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/audit-view/rows", test_rows_follow_audit);
  g_test_add_func ("/audit-view/link", test_link_opens_measure);

  status = g_test_run ();
  remove_tree (tmp_dir);
  return status;
}
