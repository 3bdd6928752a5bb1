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

/* What a job tells its callback, besides how it ended: filled by the
 * worker before it returns, read on the main thread after. */
typedef struct
{
  GWeakRef  parent;
  guint     n_pages;
  char    **cut;      /* the texts Excel made shorter */
} Outcome;

static Outcome *
outcome_new (GtkWindow *parent)
{
  Outcome *outcome = g_new0 (Outcome, 1);

  g_weak_ref_init (&outcome->parent, parent);
  return outcome;
}

static void
outcome_free (Outcome *outcome)
{
  g_weak_ref_clear (&outcome->parent);
  g_strfreev (outcome->cut);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outcome, outcome_free)

/* What the worker gets: the plan as text (the model is the main
 * thread's; see shk-job.h), the file and the choices. */
typedef struct
{
  ShkJobSnapshot *snapshot;
  char           *path;
  double          width;
  double          height;
  ShkTables       tables;
  Outcome        *outcome;    /* the callback's */
} Work;

static Work *
work_new (ShkDocument *document,
          const char  *path,
          Outcome     *outcome)
{
  Work *work = g_new0 (Work, 1);

  work->snapshot = shk_job_snapshot_new (shk_document_get_plan (document));
  work->path = g_strdup (path);
  work->outcome = outcome;
  return work;
}

static void
work_free (Work *work)
{
  shk_job_snapshot_free (work->snapshot);
  g_free (work->path);
  g_free (work);
}

/* Starts @func as a job writing @path with the paper and tables of
 * @choices; NULL when @parent is busy. */
static ShkJob *
start_job (GtkWindow           *parent,
           ShkDocument         *document,
           const char          *path,
           const Work          *choices,
           const char          *title,
           ShkJobFunc           func,
           GAsyncReadyCallback  done)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShkJob) job = shk_job_new (file, title);
  Outcome *outcome;
  Work *work;

  shk_job_set_detail (job, _("You can go on working; the file shows the plan as it was when "
                             "you asked."));
  if (!shk_job_show_in (job, parent))
    return NULL;
  outcome = outcome_new (parent);
  work = work_new (document, path, outcome);
  work->width = choices->width;
  work->height = choices->height;
  work->tables = choices->tables;
  shk_job_run (job, func, work, (GDestroyNotify) work_free, done, outcome);
  return g_steal_pointer (&job);
}

/* Common endings; FALSE when the job did not write its file. */
static gboolean
job_succeeded (GObject      *source,
               GAsyncResult *result,
               GtkWindow    *parent,
               const char   *name)
{
  g_autoptr(GError) error = NULL;

  if (shk_job_finish (SHK_JOB (source), result, &error))
    return TRUE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Cancelled; “%s” was not written"), name);

      show_toast (parent, message, FALSE);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      show_message (parent, heading, error->message);
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The handout                                                         */

static gboolean
write_handout (ShkJob        *job,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Work *work = data;
  g_autoptr(ShkPlan) plan = shk_job_snapshot_get_plan (work->snapshot, error);
  g_autoptr(ShkReport) report = NULL;

  if (plan == NULL)
    return FALSE;
  report = shk_report_new (plan, work->width, work->height, NULL);
  work->outcome->n_pages = shk_report_get_n_pages (report);
  return shk_report_save_pdf_full (report, work->path, shk_job_progress, job, cancellable, error);
}

static void
on_handout_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(Outcome) outcome = data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&outcome->parent);
  g_autofree char *name = g_file_get_basename (shk_job_get_file (SHK_JOB (source)));
  g_autofree char *message = NULL;

  if (!job_succeeded (source, result, parent, name))
    return;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Handout saved as “%s”, %u page",
                                          "Handout saved as “%s”, %u pages", outcome->n_pages),
                             name, outcome->n_pages);
  show_toast (parent, message, FALSE);
}

ShkJob *
shk_export_handout_to_path (GtkWindow      *parent,
                            ShkDocument    *document,
                            const char     *path,
                            ShkPaperSize    paper,
                            ShkOrientation  orientation)
{
  Work choices = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  shk_paper_size_get_points (paper, orientation, &choices.width, &choices.height);
  name = g_path_get_basename (path);
  title = g_strdup_printf (_("Saving the handout “%s”…"), name);
  return start_job (parent, document, path, &choices, title, write_handout, on_handout_written);
}

static void
on_handout_response (GtkNativeDialog *chooser,
                     int              response,
                     Request         *request)
{
  g_autoptr(Request) owned = request;
  g_autoptr(ShkJob) job = NULL;
  g_autofree char *path = NULL;
  ShkPaperSize paper = SHK_PAPER_A4;
  ShkOrientation orientation = SHK_ORIENTATION_LANDSCAPE;

  if (response != GTK_RESPONSE_ACCEPT || (path = chosen_path (request)) == NULL ||
      request->parent == NULL)
    return;

  shk_paper_size_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper"),
                              &paper);
  shk_orientation_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "orientation"),
                               &orientation);
  job = shk_export_handout_to_path (request->parent, request->document, path, paper, orientation);
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

/* The tables are quick to write, but a workbook of a large plan is not
 * instant either: they run as a job like the rest. */
static gboolean
write_table (ShkJob        *job,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Work *work = data;
  g_autoptr(ShkPlan) plan = shk_job_snapshot_get_plan (work->snapshot, error);
  ShkTableFormat format = SHK_TABLE_FORMAT_CSV;

  if (plan == NULL)
    return FALSE;
  shk_job_set_fraction (job, 0.5);
  /* The core's table writer has no steps to cancel between: the last
   * chance to stop is before it starts. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !shk_table_export_file (plan, work->tables, work->path, error))
    return FALSE;
  shk_table_format_for_path (work->path, &format);
  /* Excel cannot hold texts over 32,767 characters: the callback says
   * which cells were cut, so that nobody takes the workbook for the
   * whole text. */
  if (format == SHK_TABLE_FORMAT_XLSX)
    work->outcome->cut = shk_table_export_dup_cut_cells (plan, work->tables);
  shk_job_set_fraction (job, 1);
  return TRUE;
}

static void
on_table_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(Outcome) outcome = data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&outcome->parent);
  g_autofree char *name = g_file_get_basename (shk_job_get_file (SHK_JOB (source)));
  g_autofree char *message = NULL;

  if (!job_succeeded (source, result, parent, name))
    return;
  if (outcome->cut != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Saved “%s” with Shortened Texts"), name);
      g_autofree char *lines = g_strjoinv ("\n", outcome->cut);
      g_autofree char *body = g_strdup_printf (_("Excel holds at most 32,767 characters in a "
                                                 "cell; these texts end with “…” in the "
                                                 "workbook. The plan keeps them whole.\n\n%s"),
                                               lines);

      show_message (parent, heading, body);
      return;
    }
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (parent, message, FALSE);
}

ShkJob *
shk_export_table_to_path (GtkWindow   *parent,
                          ShkDocument *document,
                          ShkTables    tables,
                          const char  *path)
{
  Work choices = { .tables = tables };
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  title = g_strdup_printf (_("Saving “%s”…"), name);
  return start_job (parent, document, path, &choices, title, write_table, on_table_written);
}

static void
on_table_response (GtkNativeDialog *chooser,
                   int              response,
                   Request         *request)
{
  g_autoptr(Request) owned = request;
  g_autoptr(ShkJob) job = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  const char *table = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "table");
  ShkTables tables = SHK_TABLE_ALL;
  ShkTableFormat format;

  if (response != GTK_RESPONSE_ACCEPT || (chosen = chosen_path (request)) == NULL ||
      request->parent == NULL)
    return;

  path = path_with_extension (request, chosen);
  shk_table_format_for_path (path, &format);
  shk_tables_from_string (table, &tables);
  if (format == SHK_TABLE_FORMAT_CSV && tables == SHK_TABLE_ALL)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      show_message (request->parent, heading,
                    _("A CSV file holds one table: choose the measures or the work processes, "
                      "or save an Excel workbook, which holds both."));
      return;
    }
  job = shk_export_table_to_path (request->parent, request->document, tables, path);
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

/* A spreadsheet being read as a job. Unlike the exports, the reader
 * matches rows against the window's own plan (the preview keeps its
 * measures), so the plan must not change meanwhile: a modal dialog with
 * the job's progress keeps the window from being edited until the worker
 * is done — even after Cancel, which only stops the reading early, so the
 * dialog stays until the worker has let go of the plan. */
typedef struct
{
  GtkWindow        *parent;      /* weak */
  ShkDocument      *document;
  ShkJob           *job;
  AdwMessageDialog *dialog;      /* weak */
  GtkProgressBar   *bar;         /* the dialog's */
  guint             pulse_id;
  ShkImport        *import;      /* the worker's, once it has returned */
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
  g_clear_object (&read->job);
  g_clear_object (&read->import);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRead, import_read_free)

static gboolean
read_import (ShkJob        *job,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportRead *read = data;

  read->import = shk_import_new_from_file_full (shk_document_get_plan (read->document),
                                                shk_job_get_file (job), shk_job_progress, job,
                                                cancellable, error);
  return read->import != NULL;
}

static void
on_import_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportRead) read = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (shk_job_get_file (read->job));

  shk_job_finish (read->job, result, &error);
  g_clear_handle_id (&read->pulse_id, g_source_remove);
  if (read->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (read->dialog));

  /* Cancelled, or the window went away: nothing to say. A reader that
   * finished before it saw the Cancel has changed nothing yet: the
   * preview it made is dropped as the user asked. */
  if (read->parent == NULL || shk_job_is_cancelled (read->job) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (read->import == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

      show_message (read->parent, heading, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (shk_import_dialog_new (read->parent, read->document,
                                                         read->import)));
}

static gboolean
pulse_cb (gpointer data)
{
  ImportRead *read = data;
  double fraction = shk_job_get_fraction (read->job);

  /* Pulses until the reader has said how far it is. */
  if (fraction < 0)
    gtk_progress_bar_pulse (read->bar);
  else
    gtk_progress_bar_set_fraction (read->bar, fraction);
  return G_SOURCE_CONTINUE;
}

static void
stop_reading (ImportRead *read)
{
  if (shk_job_is_cancelled (read->job))
    return;
  shk_job_cancel (read->job);
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
  const char *heading = shk_job_get_title (read->job);
  AdwMessageDialog *dialog;
  GtkWidget *bar = gtk_progress_bar_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (read->parent, heading,
                                                       shk_job_get_detail (read->job)));
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
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  ImportRead *read;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Reading “%s”…"), name);
  read = g_new0 (ImportRead, 1);
  g_set_weak_pointer (&read->parent, parent);
  read->document = g_object_ref (document);
  read->job = shk_job_new (file, title);
  shk_job_set_detail (read->job, _("Each row is matched with the plan. The plan cannot be edited "
                                   "until this is done."));
  g_set_weak_pointer (&read->dialog, progress_dialog_new (read));
  read->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, read);
  gtk_window_present (GTK_WINDOW (read->dialog));

  /* The dialog, not the job bar, shows this job: it must be modal. */
  shk_job_run (read->job, read_import, read, NULL, on_import_read, read);
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
