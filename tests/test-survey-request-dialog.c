/* test-survey-request-dialog.c — 「AI等調査票を作成」: the survey's
 * sections listed, the chosen ones written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-survey-request-dialog.h"
#include "shk-survey-request.h"
#include "shk-test-utils.h"

static void
collect_checks (GtkWidget *widget,
                GPtrArray *found)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, found);
}

static void
test_sections_chosen_are_written (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  ShkSurveyRequestDialog *dialog = shk_survey_request_dialog_new (parent, document);
  g_auto(GStrv) sections = shk_survey_request_dup_sections (shk_document_get_plan (document));
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-survey-dialog-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  shk_test_flush_events ();
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, g_strv_length (sections));
  /* Only the first two sections. */
  for (guint i = 2; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);

  written = shk_survey_request_dialog_write (dialog, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);
  for (guint i = 0; i < written->len; i++)
    {
      const ShkRequestInfo *info = g_ptr_array_index (written, i);
      g_autofree char *path = g_build_filename (dir, info->file_name, NULL);

      g_assert_cmpstr (info->section, ==, sections[i]);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_unlink (path);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/survey-request-dialog/sections-chosen-are-written",
                   test_sections_chosen_are_written);
  return g_test_run ();
}
