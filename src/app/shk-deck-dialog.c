/* shk-deck-dialog.c — 「スライドを書き出す」: the committee's slides saved as
 * a PowerPoint deck from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shk-deck.h"
#include "shk-deck-dialog.h"

/* The chooser on its way and what it was opened for. */
typedef struct
{
  GtkWindow            *parent;    /* weak */
  ShkDocument          *document;
  GtkFileChooserNative *chooser;
} DeckRequest;

static void
deck_request_free (DeckRequest *request)
{
  if (request->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (request->chooser));
  g_clear_object (&request->chooser);
  g_clear_object (&request->document);
  g_clear_weak_pointer (&request->parent);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeckRequest, deck_request_free)

static void
show_failure (GtkWindow  *parent,
              const char *name,
              const char *reason)
{
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  AdwMessageDialog *dialog;

  if (parent == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, reason));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The chosen file's path, ending in .pptx (PowerPoint opens nothing else
 * as a deck); NULL for a location with no local path. */
static char *
chosen_path (DeckRequest *request)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (request->chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *lower = NULL;

  if (file != NULL && path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      show_failure (request->parent, name,
                    _("The file is not on a local disk; choose a folder on this computer."));
      return NULL;
    }
  if (path == NULL)
    return NULL;
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".pptx"))
    return g_strconcat (path, ".pptx", NULL);
  return g_steal_pointer (&path);
}

/* What the worker gets: the plan as text and where to write. */
typedef struct
{
  ShkJobSnapshot *snapshot;
  char           *path;
} DeckWork;

static void
deck_work_free (DeckWork *work)
{
  shk_job_snapshot_free (work->snapshot);
  g_free (work->path);
  g_free (work);
}

/* On the worker: the slides are drawn from a plan of the worker's own,
 * so the user may go on editing meanwhile. */
static gboolean
write_deck (ShkJob        *job,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  DeckWork *work = data;
  g_autoptr(ShkPlan) plan = shk_job_snapshot_get_plan (work->snapshot, error);

  return plan != NULL &&
         shk_deck_write_file_full (plan, SHK_DECK_SLIDE_ALL, work->path, shk_job_progress, job,
                                   cancellable, error);
}

static void
on_deck_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (shk_job_get_file (SHK_JOB (source)));
  g_autofree char *message = NULL;

  g_weak_ref_clear (data);
  g_free (data);
  if (!shk_job_finish (SHK_JOB (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup_printf (_("Slides not saved; “%s” was left as it was"), name);
      else
        show_failure (parent, name, error->message);
    }
  else
    {
      message = g_strdup_printf (_("Slides saved as “%s”"), name);
    }
  if (parent != NULL && message != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);
}

ShkJob *
shk_export_deck_to_path (GtkWindow   *parent,
                         ShkDocument *document,
                         const char  *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ShkJob) job = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  DeckWork *work;
  GWeakRef *parent_ref;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Saving the slides “%s”…"), name);
  job = shk_job_new (file, title);
  shk_job_set_detail (job, _("You can go on working; the slides show the plan as it was when "
                             "you asked."));
  if (!shk_job_show_in (job, parent))
    return NULL;

  work = g_new0 (DeckWork, 1);
  work->snapshot = shk_job_snapshot_new (shk_document_get_plan (document));
  work->path = g_strdup (path);
  parent_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (parent_ref, parent);
  shk_job_run (job, write_deck, work, (GDestroyNotify) deck_work_free, on_deck_written, parent_ref);
  return g_steal_pointer (&job);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             DeckRequest     *request)
{
  g_autoptr(DeckRequest) owned = request;
  g_autoptr(ShkJob) job = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT || (path = chosen_path (request)) == NULL ||
      request->parent == NULL)
    return;
  job = shk_export_deck_to_path (request->parent, request->document, path);
}

/* A file name from the plan's title, without characters that file
 * systems refuse. */
static char *
suggested_name (ShkDocument *document)
{
  const char *title = shk_plan_get_title (shk_document_get_plan (document));
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Plan"));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".pptx", NULL);
}

void
shk_export_deck (GtkWindow   *parent,
                 ShkDocument *document)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  DeckRequest *request;
  GtkFileChooser *chooser;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  request = g_new0 (DeckRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->document = g_object_ref (document);
  request->chooser = gtk_file_chooser_native_new (_("Export Slides"), parent,
                                                  GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                  _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (request->chooser), TRUE);
  chooser = GTK_FILE_CHOOSER (request->chooser);

  /* Next to the plan's own file, where the office keeps its papers. */
  if (shk_document_get_file (document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (shk_document_get_file (document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  gtk_file_filter_set_name (filter, _("PowerPoint Presentations"));
  gtk_file_filter_add_pattern (filter, "*.pptx");
  gtk_file_filter_add_pattern (filter, "*.PPTX");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  gtk_file_chooser_add_filter (chooser, filter);

  name = suggested_name (document);
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (request->chooser, "response", G_CALLBACK (on_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (request->chooser));
}
