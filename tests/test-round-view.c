/* test-round-view.c — the round's page: requests written from the dialog
 * into the folder it was given, one reply collected from a folder, the
 * page's counts, rows, reminder text and CSV, the same page after the
 * plan is saved and reopened, and undo taking it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "shk-request.h"
#include "shk-request-dialog.h"
#include "shk-round-status-cell.h"
#include "shk-round-view.h"
#include "shk-test-reply.h"
#include "shk-test-utils.h"

#define DUE "2020-01-31"

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

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

static void
click_suggested (GtkWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "suggested-action"))
      {
        g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)));
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        return;
      }
  g_assert_not_reached ();
}

/* Whether the page's button for @action can be pressed. */
static gboolean
action_enabled (GtkWidget  *view,
                const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_widgets (view, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return gtk_widget_get_sensitive (g_ptr_array_index (buttons, i));
  g_assert_not_reached ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The status cells the list shows, as text, in row order. */
static GPtrArray *
status_texts (ShkRoundView *view)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_widgets (GTK_WIDGET (shk_round_view_get_columns (view)), SHK_TYPE_ROUND_STATUS_CELL,
                   cells);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = shk_round_status_cell_get_text (g_ptr_array_index (cells, i));

      if (*text != '\0')
        g_ptr_array_add (texts, g_strdup (text));
    }
  return texts;
}

static guint
count_text (GPtrArray  *texts,
            const char *text)
{
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    n += g_strcmp0 (g_ptr_array_index (texts, i), text) == 0;
  return n;
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  GValue value = G_VALUE_INIT;
  char *text;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  text = g_value_dup_string (&value);
  g_value_unset (&value);
  return text;
}

/* Writes the requests through the dialog into @dir, which the dialog is
 * given as its folder: no file chooser is needed. */
static void
write_requests (GtkWindow   *parent,
                ShkDocument *document,
                const char  *dir)
{
  GtkWindow *dialog = shk_request_dialog_show (parent, document);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean folder_shown = FALSE;

  shk_test_flush_events ();
  /* An untitled plan has no folder of its own: asked for on Create. */
  g_assert_null (shk_request_dialog_get_folder (SHK_REQUEST_DIALOG (dialog)));
  shk_request_dialog_set_folder (SHK_REQUEST_DIALOG (dialog), folder);
  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    folder_shown |= g_strcmp0 (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), dir) == 0;
  g_assert_true (folder_shown);
  collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), DUE);
  click_suggested (dialog);
  shk_test_flush_events ();
}

static GFile *
write_reply (ShkPlan    *plan,
             const char *dir,
             const char *section)
{
  ShkRequestOptions options = { .year_id = "R3", .due = DUE };
  const ShkTestEdit edits[] = { { "O5", "3800000" } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) request = shk_request_write_xlsx (plan, section, &options, &error);
  g_autoptr(GBytes) filled = NULL;
  g_autofree char *path = g_build_filename (dir, "kouhou-reply.xlsx", NULL);

  g_assert_no_error (error);
  filled = shk_test_fill_reply (request, edits, G_N_ELEMENTS (edits));
  g_file_set_contents (path, g_bytes_get_data (filled, NULL), g_bytes_get_size (filled), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (dir);
}

static void
assert_same_texts (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

/* Saves @document into @dir, reopens it on the page: the same counts,
 * statuses and details; then with the workbooks' folder @requests gone,
 * the page says so. Leaves the page on @document again. */
static void
reopen_shows_same (ShkRoundView *view,
                   ShkDocument  *document,
                   const char   *dir,
                   const char   *requests)
{
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShkDocument) reopened = NULL;
  g_autoptr(GPtrArray) before = status_texts (view);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *summary = g_strdup (shk_round_view_get_summary (view));
  g_autofree char *details = g_strdup (shk_round_view_get_details (view));
  g_autofree char *gone = NULL;
  g_autoptr(GError) error = NULL;

  shk_test_flush_events ();
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (shk_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_get_modified (document));
  g_assert_true (g_str_has_suffix (details, requests));

  reopened = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  shk_round_view_set_document (view, reopened);
  shk_test_flush_events ();
  g_assert_cmpstr (shk_round_view_get_summary (view), ==, summary);
  g_assert_cmpstr (shk_round_view_get_details (view), ==, details);
  after = status_texts (view);
  assert_same_texts (before, after);

  remove_tree (requests);
  shk_round_view_set_document (view, NULL);
  shk_round_view_set_document (view, reopened);
  gone = g_strdup_printf ("%s (the folder no longer exists)", requests);
  g_assert_true (g_str_has_suffix (shk_round_view_get_details (view), gone));
  g_assert_cmpstr (shk_round_view_get_summary (view), ==, summary);

  shk_round_view_set_document (view, document);
  shk_test_flush_events ();
}

static void
test_round_page (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_auto(GStrv) sections = shk_request_dup_sections (plan);
  guint n = g_strv_length (sections);
  g_autofree char *dir = g_dir_make_tmp ("test-round-view-XXXXXX", NULL);
  g_autofree char *requests = g_build_filename (dir, "requests", NULL);
  g_autofree char *replies = g_build_filename (dir, "replies", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "reminders.csv", NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ShkRoundView *view = SHK_ROUND_VIEW (shk_round_view_new ());
  GtkStack *stack_widget;
  GtkWindow *dialog;
  g_autoptr(GFile) reply_folder = NULL;
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *overdue = NULL;
  g_autoptr(GDir) written = NULL;
  guint n_written = 0;

  g_mkdir (requests, 0700);
  g_mkdir (replies, 0700);
  gtk_window_set_default_size (window, 1400, 2400);
  gtk_window_set_child (window, GTK_WIDGET (view));
  shk_round_view_set_document (view, document);
  gtk_window_present (window);
  shk_test_flush_events ();

  /* No round yet: the empty state, and nothing to remind. */
  stack_widget = find_widget (GTK_WIDGET (view), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_widget), ==, "empty");
  g_assert_false (action_enabled (GTK_WIDGET (view), "round.copy-reminders"));
  g_assert_false (action_enabled (GTK_WIDGET (view), "round.export-csv"));

  write_requests (window, document, requests);
  written = g_dir_open (requests, 0, NULL);
  while (written != NULL && g_dir_read_name (written) != NULL)
    n_written++;
  g_assert_cmpuint (n_written, ==, n);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_widget), ==, "round");
  summary = g_strdup_printf ("Asked %u · replied 0 · not yet %u · refused 0 · due " DUE
                             " (%u overdue)", n, n, n);
  g_assert_cmpstr (shk_round_view_get_summary (view), ==, summary);
  g_clear_pointer (&summary, g_free);
  texts = status_texts (view);
  g_assert_cmpuint (texts->len, ==, n);
  g_assert_cmpuint (count_text (texts, "Not yet · overdue"), ==, n);
  g_clear_pointer (&texts, g_ptr_array_unref);

  /* The next dialog offers the round's folder again. */
  dialog = shk_request_dialog_show (window, document);
  g_assert_nonnull (shk_request_dialog_get_folder (SHK_REQUEST_DIALOG (dialog)));
  g_assert_cmpstr (g_file_peek_path (shk_request_dialog_get_folder (SHK_REQUEST_DIALOG (dialog))),
                   ==, requests);
  gtk_window_destroy (dialog);

  /* One reply, collected by giving the dialog its folder. */
  reply_folder = write_reply (plan, replies, "広報課");
  dialog = shk_collect_dialog_show (window, document, &reply_folder, 1);
  g_assert_nonnull (dialog);
  shk_test_flush_events ();
  click_suggested (dialog);
  shk_test_flush_events ();

  summary = g_strdup_printf ("Asked %u · replied 1 · not yet %u · refused 0 · due " DUE
                             " (%u overdue)", n, n - 1, n - 1);
  g_assert_cmpstr (shk_round_view_get_summary (view), ==, summary);
  g_clear_pointer (&summary, g_free);
  texts = status_texts (view);
  g_assert_cmpuint (texts->len, ==, n);
  g_assert_cmpuint (count_text (texts, "Replied"), ==, 1);
  g_assert_cmpuint (count_text (texts, "Not yet · overdue"), ==, n - 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Replied");
  g_clear_pointer (&texts, g_ptr_array_unref);

  /* The reminder list: every section but 広報課, overdue, then the date. */
  g_assert_true (action_enabled (GTK_WIDGET (view), "round.copy-reminders"));
  g_assert_true (action_enabled (GTK_WIDGET (view), "round.export-csv"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "round.copy-reminders", NULL));
  copied = clipboard_text (GTK_WIDGET (view));
  g_assert_null (strstr (copied, "広報課"));
  overdue = g_strdup_printf ("%s (", sections[1]);
  g_assert_true (g_str_has_prefix (copied, overdue));
  g_assert_nonnull (strstr (copied, ": no reply yet — overdue\n"));
  g_assert_true (g_str_has_suffix (copied, "Due date: " DUE "\n"));
  {
    g_auto(GStrv) lines = g_strsplit (copied, "\n", -1);

    /* n − 1 sections, the due date, and the empty string after the last \n. */
    g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  }

  g_assert_true (shk_round_view_write_csv (view, csv_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "section,measures,status,due,overdue,"
                                        "file,message\r\n"));
  g_assert_null (strstr (csv, "広報課"));
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
    g_assert_nonnull (strstr (lines[1], ",missing," DUE ",yes,"));
  }

  /* The round is the plan's: saved, and the reopened plan's page shows
   * it as it was left. */
  reopen_shows_same (view, document, dir, requests);

  /* Undo takes the values and the round's reply back together. */
  g_assert_true (shk_undo_stack_undo (stack));
  shk_test_flush_events ();
  summary = g_strdup_printf ("Asked %u · replied 0 · not yet %u · refused 0 · due " DUE
                             " (%u overdue)", n, n, n);
  g_assert_cmpstr (shk_round_view_get_summary (view), ==, summary);
  texts = status_texts (view);
  g_assert_cmpuint (count_text (texts, "Not yet · overdue"), ==, n);

  gtk_window_destroy (window);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/round-view/page", test_round_page);
  return g_test_run ();
}
