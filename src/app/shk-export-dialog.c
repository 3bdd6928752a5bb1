/* shk-export-dialog.c — the handout, the tables and imported values:
 * the window's ways out to paper and Excel, and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-application.h"
#include "shk-export-dialog.h"
#include "shk-import-dialog.h"
#include "shk-report.h"
#include "shk-table-export.h"

/* A file chooser on its way: what it was opened for. */
typedef struct
{
  GtkFileChooserNative *chooser;
  GtkWindow            *parent;      /* weak */
  ShkDocument          *document;
  GtkFileFilter        *csv_filter;
  GtkFileFilter        *xlsx_filter;
} Request;

static void
request_free (Request *request)
{
  if (request->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (request->chooser));
  g_clear_object (&request->chooser);
  g_clear_weak_pointer (&request->parent);
  g_clear_object (&request->document);
  g_clear_object (&request->csv_filter);
  g_clear_object (&request->xlsx_filter);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static Request *
request_new (GtkWindow            *parent,
             ShkDocument          *document,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  Request *request = g_new0 (Request, 1);

  g_set_weak_pointer (&request->parent, parent);
  request->document = g_object_ref (document);
  request->chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (request->chooser), TRUE);

  /* Next to the plan's own file, where the office keeps its papers. */
  if (shk_document_get_file (document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (shk_document_get_file (document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (request->chooser), folder, NULL);
    }
  return request;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog;

  if (parent == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (GtkWindow  *parent,
            const char *message,
            gboolean    with_undo)
{
  /* The window shows toasts; without one (a test), nothing is lost. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), with_undo ? "win.toast-undo" : "win.show-toast",
                                "s", message);
}

/* A file name from the plan's title, without characters that file
 * systems refuse. */
static char *
suggested_name (ShkDocument *document,
                const char  *suffix)
{
  const char *title = shk_plan_get_title (shk_document_get_plan (document));
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Plan"));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, suffix, NULL);
}

/* The chosen file as a local path; NULL (after telling the user) for a
 * location with none. */
static char *
chosen_path (Request *request)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (request->chooser));
  char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (file != NULL && path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf (_("“%s” is not on a local disk; choose a folder on "
                                                 "this computer."), name);

      show_message (request->parent, _("Cannot Save There"), body);
    }
  return path;
}

/* ------------------------------------------------------------------ */
/* The handout                                                         */

static void
on_handout_response (GtkNativeDialog *chooser,
                     int              response,
                     Request         *request)
{
  g_autoptr(Request) owned = request;
  g_autoptr(ShkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  ShkPaperSize paper = SHK_PAPER_A4;
  ShkOrientation orientation = SHK_ORIENTATION_LANDSCAPE;
  double width, height;

  if (response != GTK_RESPONSE_ACCEPT || (path = chosen_path (request)) == NULL)
    return;

  shk_paper_size_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper"),
                              &paper);
  shk_orientation_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "orientation"),
                               &orientation);
  shk_paper_size_get_points (paper, orientation, &width, &height);
  report = shk_report_new (shk_document_get_plan (request->document), width, height, NULL);

  name = g_path_get_basename (path);
  if (!shk_report_save_pdf (report, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      show_message (request->parent, heading, error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Handout saved as “%s”, %u page",
                                          "Handout saved as “%s”, %u pages",
                                          shk_report_get_n_pages (report)),
                             name, shk_report_get_n_pages (report));
  show_toast (request->parent, message, FALSE);
}

void
shk_export_handout (GtkWindow   *parent,
                    ShkDocument *document)
{
  GSettings *settings = shk_application_get_default_settings ();
  g_autofree char *default_paper = settings != NULL
    ? g_settings_get_string (settings, "paper-size") : NULL;
  g_autofree char *default_orientation = settings != NULL
    ? g_settings_get_string (settings, "paper-orientation") : NULL;
  const char *papers[] = { "a4", "a3", NULL };
  const char *paper_labels[] = { _("A4"), _("A3"), NULL };
  const char *orientations[] = { "landscape", "portrait", NULL };
  const char *orientation_labels[] = { _("Landscape"), _("Portrait"), NULL };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  Request *request;
  GtkFileChooser *chooser;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  request = request_new (parent, document, _("Save Handout"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Save"));
  chooser = GTK_FILE_CHOOSER (request->chooser);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_pattern (filter, "*.PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (chooser, filter);

  /* The default paper of the preferences. */
  gtk_file_chooser_add_choice (chooser, "paper", _("Paper"), papers, paper_labels);
  gtk_file_chooser_set_choice (chooser, "paper", default_paper ? default_paper : "a4");
  gtk_file_chooser_add_choice (chooser, "orientation", _("Orientation"), orientations,
                               orientation_labels);
  gtk_file_chooser_set_choice (chooser, "orientation",
                               default_orientation ? default_orientation : "landscape");

  name = suggested_name (document, ".pdf");
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (request->chooser, "response", G_CALLBACK (on_handout_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (request->chooser));
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

/* A name without .csv or .xlsx gets the one of the filter in use. */
static char *
path_with_extension (Request    *request,
                     const char *path)
{
  ShkTableFormat format;

  if (shk_table_format_for_path (path, &format))
    return g_strdup (path);
  if (request->xlsx_filter != NULL &&
      gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (request->chooser)) == request->xlsx_filter)
    return g_strconcat (path, ".xlsx", NULL);
  return g_strconcat (path, ".csv", NULL);
}

static void
on_table_response (GtkNativeDialog *chooser,
                   int              response,
                   Request         *request)
{
  g_autoptr(Request) owned = request;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  const char *table = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "table");
  ShkTables tables = SHK_TABLE_ALL;
  ShkTableFormat format;

  if (response != GTK_RESPONSE_ACCEPT || (chosen = chosen_path (request)) == NULL)
    return;

  path = path_with_extension (request, chosen);
  name = g_path_get_basename (path);
  shk_table_format_for_path (path, &format);
  shk_tables_from_string (table, &tables);
  if (format == SHK_TABLE_FORMAT_CSV && tables == SHK_TABLE_ALL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      show_message (request->parent, heading,
                    _("A CSV file holds one table: choose the measures or the work processes, "
                      "or save an Excel workbook, which holds both."));
      return;
    }

  if (!shk_table_export_file (shk_document_get_plan (request->document), tables, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      show_message (request->parent, heading, error->message);
      return;
    }
  if (format == SHK_TABLE_FORMAT_XLSX)
    {
      /* Excel cannot hold texts over 32,767 characters: say which cells
       * were cut, so that nobody takes the workbook for the whole text. */
      g_auto(GStrv) cut = shk_table_export_dup_cut_cells (shk_document_get_plan (request->document),
                                                          tables);

      if (cut != NULL)
        {
          g_autofree char *heading = g_strdup_printf (_("Saved “%s” with Shortened Texts"), name);
          g_autofree char *lines = g_strjoinv ("\n", cut);
          g_autofree char *body = g_strdup_printf (_("Excel holds at most 32,767 characters in a "
                                                     "cell; these texts end with “…” in the "
                                                     "workbook. The plan keeps them whole.\n\n%s"),
                                                   lines);

          show_message (request->parent, heading, body);
          return;
        }
    }
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (request->parent, message, FALSE);
}

void
shk_export_table (GtkWindow   *parent,
                  ShkDocument *document)
{
  const char *tables[] = { "measures", "processes", "all", NULL };
  const char *table_labels[] = { _("Measures"), _("Work processes"),
                                 _("Both (Excel workbook only)"), NULL };
  g_autofree char *name = NULL;
  Request *request;
  GtkFileChooser *chooser;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  request = request_new (parent, document, _("Export Table"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Export"));
  chooser = GTK_FILE_CHOOSER (request->chooser);

  if (shk_table_export_can_write_xlsx ())
    {
      request->xlsx_filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (request->xlsx_filter, _("Excel Workbooks"));
      gtk_file_filter_add_pattern (request->xlsx_filter, "*.xlsx");
      gtk_file_filter_add_pattern (request->xlsx_filter, "*.XLSX");
      gtk_file_chooser_add_filter (chooser, request->xlsx_filter);
    }
  request->csv_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (request->csv_filter, _("CSV (UTF-8, for Excel)"));
  gtk_file_filter_add_pattern (request->csv_filter, "*.csv");
  gtk_file_filter_add_pattern (request->csv_filter, "*.CSV");
  gtk_file_chooser_add_filter (chooser, request->csv_filter);

  gtk_file_chooser_add_choice (chooser, "table", _("Table"), tables, table_labels);
  gtk_file_chooser_set_choice (chooser, "table", "measures");

  name = suggested_name (document, shk_table_export_can_write_xlsx () ? ".xlsx" : ".csv");
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (request->chooser, "response", G_CALLBACK (on_table_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (request->chooser));
}

/* ------------------------------------------------------------------ */
/* Import                                                              */

#define PULSE_INTERVAL_MS 100

/* A spreadsheet being read on a worker thread. The reader matches rows
 * against the plan as it reads, so the plan must not change meanwhile:
 * a modal dialog with a progress bar keeps the window from being edited
 * until the worker is done — even after Cancel, which only stops the
 * reading early, so the dialog stays until the worker has let go of the
 * plan. */
typedef struct
{
  GtkWindow        *parent;      /* weak */
  ShkDocument      *document;
  GFile            *file;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;      /* weak */
  GtkProgressBar   *bar;         /* the dialog's */
  guint             pulse_id;
  int               permille;    /* the worker's progress; atomic, -1: none yet */
} ImportRead;

static void
import_read_free (ImportRead *read)
{
  g_clear_handle_id (&read->pulse_id, g_source_remove);
  if (read->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (read->dialog));
  g_clear_weak_pointer (&read->dialog);
  g_clear_weak_pointer (&read->parent);
  g_clear_object (&read->document);
  g_clear_object (&read->file);
  g_clear_object (&read->cancellable);
  g_free (read);
}

/* Called on the worker: only stores the fraction, which the main
 * thread's timer shows. */
static void
import_progress (double   fraction,
                 gpointer user_data)
{
  ImportRead *read = user_data;

  g_atomic_int_set (&read->permille, (int) CLAMP (fraction * 1000, 0, 1000));
}

/* The one place that reads a spreadsheet off the main thread. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportRead *read = task_data;
  GError *error = NULL;
  ShkImport *import = shk_import_new_from_file_full (shk_document_get_plan (read->document),
                                                     read->file, import_progress, read,
                                                     cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

static void
on_import_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(ShkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (read->file);

  import = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_handle_id (&read->pulse_id, g_source_remove);
  if (read->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (read->dialog));

  /* Cancelled, or the window went away: nothing to say. */
  if (read->parent == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (import == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

      show_message (read->parent, heading, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (shk_import_dialog_new (read->parent, read->document, import)));
}

static gboolean
pulse_cb (gpointer data)
{
  ImportRead *read = data;
  int permille = g_atomic_int_get (&read->permille);

  /* Pulses until the reader has said how far it is. */
  if (permille < 0)
    gtk_progress_bar_pulse (read->bar);
  else
    gtk_progress_bar_set_fraction (read->bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_reading (ImportRead *read)
{
  if (g_cancellable_is_cancelled (read->cancellable))
    return;
  g_cancellable_cancel (read->cancellable);
  adw_message_dialog_set_body (read->dialog, _("Stopping… Nothing was imported."));
  adw_message_dialog_set_response_enabled (read->dialog, "cancel", FALSE);
}

/* Closing (Escape, Cancel) only asks the worker to stop; the dialog goes
 * once the worker has. */
static gboolean
on_progress_close_request (GtkWindow  *dialog,
                           ImportRead *read)
{
  stop_reading (read);
  return TRUE;
}

static void
on_progress_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ImportRead       *read)
{
  stop_reading (read);
}

static AdwMessageDialog *
progress_dialog_new (ImportRead *read)
{
  g_autofree char *name = g_file_get_basename (read->file);
  g_autofree char *heading = g_strdup_printf (_("Reading “%s”…"), name);
  AdwMessageDialog *dialog;
  GtkWidget *bar = gtk_progress_bar_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (read->parent, heading,
                                                       _("Each row is matched with the plan. The "
                                                         "plan cannot be edited until this is "
                                                         "done.")));
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.08);
  gtk_widget_set_size_request (bar, 300, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (dialog, bar);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_progress_close_request), read);
  g_signal_connect (dialog, "response", G_CALLBACK (on_progress_response), read);
  read->bar = GTK_PROGRESS_BAR (bar);
  return dialog;
}

void
shk_import_values_from_file (GtkWindow   *parent,
                             ShkDocument *document,
                             GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  ImportRead *read;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  read = g_new0 (ImportRead, 1);
  g_set_weak_pointer (&read->parent, parent);
  read->document = g_object_ref (document);
  read->file = g_object_ref (file);
  read->permille = -1;
  read->cancellable = g_cancellable_new ();
  g_set_weak_pointer (&read->dialog, progress_dialog_new (read));
  read->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, read);
  gtk_window_present (GTK_WINDOW (read->dialog));

  task = g_task_new (NULL, read->cancellable, on_import_read, NULL);
  g_task_set_source_tag (task, shk_import_values_from_file);
  g_task_set_task_data (task, read, (GDestroyNotify) import_read_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_file_response (GtkNativeDialog *chooser,
                         int              response,
                         Request         *request)
{
  g_autoptr(Request) owned = request;
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT || request->parent == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    shk_import_values_from_file (request->parent, request->document, file);
}

void
shk_import_values (GtkWindow   *parent,
                   ShkDocument *document)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  Request *request;
  GtkFileChooser *chooser;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  request = request_new (parent, document, _("Import Targets and Actuals"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  chooser = GTK_FILE_CHOOSER (request->chooser);
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, Excel)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.XLSX");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, filter);

  g_signal_connect (request->chooser, "response", G_CALLBACK (on_import_file_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (request->chooser));
}
