/* shk-window-open.c — the window reads plans off its own thread
 *
 * Opening and reverting read the file on a worker thread while a bar
 * under the header bar names the file, pulses and offers Cancel. The bar
 * is the job bar: every other job (exports, the deck, imports; see
 * shk-job.h) shows there too, with its share done. The
 * window stays usable and the open document stays as it is until the new
 * one has been read (and, for an open, until the user has said what
 * becomes of unsaved changes). Pipes, sockets, devices and folders are
 * refused before anything reads them: a pipe nobody writes to would block
 * its reader for ever.
 *
 * One load runs at a time. It ends in exactly one of three ways: its
 * last step (a document or an error), Cancel, or the window going away,
 * which cancels. Every step first looks at its cancellable: a step that
 * lands after Cancel does nothing, because Cancel has already put the
 * window back. Each step holds a reference to the window, so none ever
 * runs on a finalised one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-window-private.h"

#define PULSE_INTERVAL_MS 100
/* Most plans are read before this: no bar flashes for them. */
#define REVEAL_DELAY_MS   250

#define QUERY_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE

/* ------------------------------------------------------------------ */
/* Reading on a worker thread                                         */
/* ------------------------------------------------------------------ */

/* The core reads and parses the plan in a worker thread. */
static void
read_document_async (GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  shk_document_new_from_file_async (file, G_PRIORITY_DEFAULT, cancellable, callback, user_data);
}

static ShkDocument *
read_document_finish (GAsyncResult  *result,
                      GError       **error)
{
  return shk_document_new_from_file_finish (result, error);
}

/* ------------------------------------------------------------------ */
/* The job bar: the load's, and every other job's (shk-job.h)         */
/* ------------------------------------------------------------------ */

static gboolean
pulse_cb (gpointer data)
{
  ShkWindow *self = data;

  gtk_progress_bar_pulse (self->loading_progress);
  return G_SOURCE_CONTINUE;
}

static gboolean
reveal_cb (gpointer data)
{
  ShkWindow *self = data;

  self->job_reveal_id = 0;
  gtk_revealer_set_reveal_child (self->loading_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

/* The detail line: the share done when the worker says it. */
static void
show_job_state (ShkWindow *self)
{
  double fraction = shk_job_get_fraction (self->job);
  g_autofree char *text = NULL;

  if (shk_job_is_cancelled (self->job))
    {
      g_clear_handle_id (&self->job_pulse_id, g_source_remove);
      gtk_label_set_text (self->loading_detail, _("Stopping… Nothing is written."));
      return;
    }
  if (fraction < 0)
    {
      gtk_label_set_text (self->loading_detail, self->job_detail != NULL ? self->job_detail : "");
      return;
    }
  g_clear_handle_id (&self->job_pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->loading_progress, fraction);
  /* TRANSLATORS: the share of a job done, then what happens meanwhile. */
  text = g_strdup_printf (_("%d%% · %s"), (int) (fraction * 100 + 0.5),
                          self->job_detail != NULL ? self->job_detail : "");
  gtk_label_set_text (self->loading_detail, text);
}

static void
on_job_fraction (ShkJob     *job,
                 GParamSpec *pspec,
                 ShkWindow  *self)
{
  show_job_state (self);
}

static void
on_job_running (ShkJob     *job,
                GParamSpec *pspec,
                ShkWindow  *self)
{
  if (!shk_job_is_running (job))
    shk_window_drop_job (self);
}

void
shk_window_set_job_detail (ShkWindow  *self,
                           const char *detail)
{
  g_free (self->job_detail);
  self->job_detail = g_strdup (detail);
  if (self->job != NULL)
    show_job_state (self);
}

gboolean
shk_window_show_job (ShkWindow *self,
                     ShkJob    *job)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SHK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (SHK_IS_JOB (job), FALSE);

  if (self->job != NULL)
    {
      g_autofree char *busy = g_strdup_printf (_("Wait for “%s” to finish, or cancel it, first."),
                                               shk_job_get_title (self->job));

      shk_window_show_toast (self, busy);
      return FALSE;
    }

  self->job = g_object_ref (job);
  name = g_file_get_parse_name (shk_job_get_file (job));
  gtk_image_set_from_icon_name (self->loading_icon, "document-save-symbolic");
  gtk_label_set_text (self->loading_title, shk_job_get_title (job));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->loading_title), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->loading_cancel),
                               _("Stop; nothing is written, and a file already there stays as "
                                 "it was"));
  gtk_progress_bar_set_fraction (self->loading_progress, 0);
  g_free (self->job_detail);
  self->job_detail = g_strdup (shk_job_get_detail (job));
  show_job_state (self);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_job_fraction), self);
  g_signal_connect (job, "notify::running", G_CALLBACK (on_job_running), self);
  self->job_pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  self->job_reveal_id = g_timeout_add (REVEAL_DELAY_MS, reveal_cb, self);
  shk_window_update_actions (self);
  return TRUE;
}

ShkJob *
shk_window_get_job (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  return self->job;
}

void
shk_window_drop_job (ShkWindow *self)
{
  g_autoptr(ShkJob) job = g_steal_pointer (&self->job);

  if (job == NULL)
    return;
  /* A job still running when its bar goes (the window closes) is not
   * cancelled: a save must finish, and an export writes a whole file or
   * none either way. */
  g_signal_handlers_disconnect_by_data (job, self);
  g_clear_handle_id (&self->job_pulse_id, g_source_remove);
  g_clear_handle_id (&self->job_reveal_id, g_source_remove);
  g_clear_pointer (&self->job_detail, g_free);
  gtk_revealer_set_reveal_child (self->loading_revealer, FALSE);
  shk_window_update_actions (self);
}

/* ------------------------------------------------------------------ */
/* The bar while a plan is read                                        */
/* ------------------------------------------------------------------ */

static void
show_bar (ShkWindow *self)
{
  ShkWindowLoad *load = self->load;
  g_autofree char *name = g_file_get_basename (load->file);
  g_autofree char *title = NULL;

  if (load->purpose == SHK_LOAD_OPEN)
    title = g_strdup_printf (_("Opening “%s”…"), name);
  else
    title = g_strdup_printf (_("Reverting to the saved “%s”…"), name);
  load->job = shk_job_new (load->file, title);
  load->cancellable = g_object_ref (shk_job_get_cancellable (load->job));
  shk_job_begin (load->job);
  shk_window_show_job (self, load->job);
  shk_window_set_job_detail (self, load->purpose == SHK_LOAD_OPEN
                                   ? _("The plan shown stays as it is until the new one has been read.")
                                   : _("The plan is read again from its file."));
  gtk_image_set_from_icon_name (self->loading_icon, "document-open-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->loading_cancel),
                               _("Stop reading the plan; the plan shown stays as it is"));

  /* Edits made now would be thrown away with the document: the user
   * already chose the saved version. */
  if (load->purpose == SHK_LOAD_REVERT)
    gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), FALSE);
}

static void
show_size (ShkWindow *self,
           GFileInfo *info)
{
  g_autofree char *size = NULL;
  g_autofree char *detail = NULL;

  if (!g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return;
  size = g_format_size ((guint64) g_file_info_get_size (info));
  /* TRANSLATORS: the size of the file being read, then what happens meanwhile. */
  detail = g_strdup_printf (_("%s · %s"), size, self->job_detail != NULL ? self->job_detail : "");
  shk_window_set_job_detail (self, detail);
}

/* Ends the current load: the bar goes, the actions come back. */
static ShkWindowLoad *
take_load (ShkWindow *self)
{
  ShkWindowLoad *load = g_steal_pointer (&self->load);

  /* The load's job is the one the bar shows (a load starts only when no
   * other job runs): ending it takes the bar away. */
  shk_job_end (load->job);
  shk_window_drop_job (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), TRUE);
  shk_window_update_actions (self);
  return load;
}

static void
load_free (ShkWindowLoad *load)
{
  g_clear_object (&load->job);
  g_clear_object (&load->cancellable);
  g_clear_object (&load->file);
  g_clear_object (&load->caller);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkWindowLoad, load_free)

/* ------------------------------------------------------------------ */
/* The steps of a load                                                */
/* ------------------------------------------------------------------ */

typedef struct
{
  ShkWindow    *window;
  GCancellable *cancellable;
} Step;

static Step *
step_new (ShkWindow *self)
{
  Step *step = g_new0 (Step, 1);

  step->window = g_object_ref (self);
  step->cancellable = g_object_ref (self->load->cancellable);
  return step;
}

static void
step_free (Step *step)
{
  g_object_unref (step->window);
  g_object_unref (step->cancellable);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Step, step_free)

static void
end_with_error (ShkWindow    *self,
                const GError *error)
{
  g_autoptr(ShkWindowLoad) load = take_load (self);
  g_autofree char *name = g_file_get_basename (load->file);
  g_autofree char *heading = NULL;

  if (load->purpose == SHK_LOAD_OPEN)
    heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  else
    heading = g_strdup (_("Could Not Revert"));
  shk_window_show_error (self, heading, error->message);
  if (load->caller != NULL)
    g_task_return_error (load->caller, g_error_copy (error));
}

static void
end_with_document (ShkWindow   *self,
                   ShkDocument *document)
{
  g_autoptr(ShkWindowLoad) load = take_load (self);

  if (load->purpose == SHK_LOAD_OPEN)
    {
      shk_window_add_recent (self, load->file);
      shk_window_ask_then (self, SHK_PENDING_REPLACE, document);
    }
  else
    {
      shk_window_set_document (self, document);
    }
  if (load->caller != NULL)
    g_task_return_boolean (load->caller, TRUE);
}

static GError *
refusal_new (GFile     *file,
             GFileType  type)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (type == G_FILE_TYPE_DIRECTORY)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                        _("“%s” is a folder, not a plan file. Nothing was opened; the plan "
                          "shown was not changed."), name);
  return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                      _("“%s” is not an ordinary file (it is a pipe, a device or another "
                        "special file), so it was not read. Nothing was opened; the plan shown "
                        "was not changed."), name);
}

static void
on_document_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(Step) step = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkDocument) document = read_document_finish (result, &error);

  if (g_cancellable_is_cancelled (step->cancellable))
    return;
  if (document == NULL)
    end_with_error (step->window, error);
  else
    end_with_document (step->window, document);
}

static void
on_file_queried (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(Step) step = data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, NULL);
  ShkWindow *self = step->window;
  GCancellable *cancellable = step->cancellable;

  if (g_cancellable_is_cancelled (step->cancellable))
    return;

  if (info != NULL)
    {
      GFileType type = g_file_info_get_file_type (info);

      /* Unknown is what some remote locations say of ordinary files. */
      if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_UNKNOWN)
        {
          g_autoptr(GError) error = refusal_new (G_FILE (source), type);

          end_with_error (self, error);
          return;
        }
      show_size (self, info);
    }
  /* A file that cannot even be looked at (gone, not allowed) is read all
   * the same: the core then says why in the words it uses for every plan
   * that does not load. */
  read_document_async (G_FILE (source), cancellable, on_document_read, g_steal_pointer (&step));
}

static void
start_load (ShkWindow      *self,
            GFile          *file,
            ShkLoadPurpose  purpose,
            GTask          *caller)
{
  ShkWindowLoad *load;

  shk_window_cancel_load (self);

  load = g_new0 (ShkWindowLoad, 1);
  load->file = g_object_ref (file);
  load->purpose = purpose;
  load->caller = caller != NULL ? g_object_ref (caller) : NULL;
  self->load = load;
  show_bar (self);
  shk_window_update_actions (self);

  g_file_query_info_async (file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           load->cancellable, on_file_queried, step_new (self));
}

/* ------------------------------------------------------------------ */
/* Entry points                                                       */
/* ------------------------------------------------------------------ */

void
shk_window_open_file_async (ShkWindow           *self,
                            GFile               *file,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SHK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, shk_window_open_file_async);

  if (self->load != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->load->file);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is still being read. Wait for it or cancel it before opening "
                           "another plan."), name);

      shk_window_show_toast (self, message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s", message);
      return;
    }
  if (self->job != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Wait for “%s” to finish, or cancel it, first."),
                         shk_job_get_title (self->job));

      shk_window_show_toast (self, message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s", message);
      return;
    }
  start_load (self, file, SHK_LOAD_OPEN, task);
}

gboolean
shk_window_open_file_finish (ShkWindow     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
shk_window_is_loading (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), FALSE);

  return self->load != NULL;
}

void
shk_window_cancel_load (ShkWindow *self)
{
  g_autoptr(ShkWindowLoad) load = NULL;

  g_return_if_fail (SHK_IS_WINDOW (self));

  if (self->load == NULL)
    return;

  /* The worker may still be parsing: it finds the cancellable cancelled
   * when it lands and drops what it read. The window is back at once. */
  g_cancellable_cancel (self->load->cancellable);
  load = take_load (self);
  if (load->caller != NULL)
    {
      g_autofree char *name = g_file_get_basename (load->file);

      g_task_return_new_error (load->caller, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Opening “%s” was cancelled; the plan shown was not changed."),
                               name);
    }
}

void
shk_window_start_revert (ShkWindow *self)
{
  GFile *file = shk_document_get_file (self->document);

  if (file == NULL)
    return;
  if (self->job != NULL && self->load == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Wait for “%s” to finish, or cancel it, first."),
                         shk_job_get_title (self->job));

      shk_window_show_toast (self, message);
      return;
    }
  start_load (self, file, SHK_LOAD_REVERT, NULL);
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  ShkWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  shk_window_drop_chooser (self);

  if (file != NULL)
    shk_window_open_file_async (self, file, NULL, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  GFile *file = shk_document_get_file (self->document);

  shk_window_drop_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  shk_window_add_plan_filters (GTK_FILE_CHOOSER (self->chooser));
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  shk_window_open_file_async (SHK_WINDOW (widget), file, NULL, NULL);
}

/* The bar's Cancel. A load gives the window back at once; any other
 * job stops its worker, and the bar stays until the worker has, so that
 * nobody takes the half-written file for there. */
static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);

  if (self->load != NULL)
    shk_window_cancel_load (self);
  else if (self->job != NULL)
    {
      shk_job_cancel (self->job);
      show_job_state (self);
    }
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ShkWindow     *self)
{
  GFile *file = NULL;

  if (self->load != NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files != NULL)
        file = files->data;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      file = g_value_get_object (value);
    }

  if (file == NULL)
    return FALSE;
  shk_window_open_file_async (self, file, NULL, NULL);
  return TRUE;
}

void
shk_window_open_init (ShkWindow *self)
{
  GtkDropTarget *drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (drop_target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

void
shk_window_class_add_open_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
}
