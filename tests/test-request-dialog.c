/* test-request-dialog.c — 「照会票を作成」 and 「回答を取り込む」: the
 * sections listed, three replies reviewed with their conflict settled in
 * its row, applied as one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-request.h"
#include "shk-request-dialog.h"
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
  g_autoptr(GBytes) filled = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.xlsx", dir, section);

  g_assert_no_error (error);
  filled = shk_test_fill_reply (request, edits, n_edits);
  g_file_set_contents (path, g_bytes_get_data (filled, NULL), g_bytes_get_size (filled), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/request-dialog/sections", test_request_dialog_lists_sections);
  g_test_add_func ("/request-dialog/collect", test_collect_dialog_applies_once);
  return g_test_run ();
}
