/* shk-window-documents.c — the window's document: its life and its files
 *
 * The window owns the document's life: new, save, revert, the questions
 * about unsaved changes and changes on disk, recent files, and the
 * recovery copy while there are unsaved changes. (Reading a plan is in
 * shk-window-open.c; the views only get the document.)
 *
 * Questions are asynchronous, so what the user asked for is kept as the
 * "pending" operation (replace the document, close the window, revert)
 * and carried out once the question is answered — after a save when the
 * answer was "Save". Cancelling anywhere drops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-recovery.h"
#include "shk-window-private.h"

#define RECENT_GROUP      "shinchoku"
#define RECENT_MAX_ITEMS  10
#define DEFAULT_AUTOSAVE_INTERVAL 60

static void save_document (ShkWindow *self);
static void run_pending   (ShkWindow *self);

/* ------------------------------------------------------------------ */
/* Title, actions and recent files                                    */
/* ------------------------------------------------------------------ */

static void
update_title (ShkWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *tooltip = NULL;
  const char *plan_title;
  GFile *file;

  if (self->document == NULL)
    return;

  file = shk_document_get_file (self->document);
  plan_title = shk_plan_get_title (shk_document_get_plan (self->document));
  if (file == NULL && plan_title != NULL && *plan_title != '\0')
    {
      /* Not saved yet: the plan's own name says more than 「無題の計画」,
       * marked so that nobody takes it for a file on disk. */
      /* TRANSLATORS: the title of a plan never saved to a file. */
      name = g_strdup_printf (_("%s (not saved)"), plan_title);
      plan_title = NULL;
    }
  else
    {
      name = shk_document_dup_title (self->document);
    }
  g_free (self->document_title);
  /* TRANSLATORS: the marker of a document with unsaved changes. */
  self->document_title = shk_document_get_modified (self->document)
    ? g_strdup_printf (_("• %s"), name) : g_strdup (name);

  adw_view_switcher_title_set_title (self->switcher_title, self->document_title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, plan_title);
  adw_window_title_set_title (self->document_title_widget, self->document_title);
  adw_window_title_set_subtitle (self->document_title_widget, plan_title);

  if (file != NULL)
    tooltip = g_file_get_parse_name (file);
  else
    tooltip = g_strdup (_("Not saved yet"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_title_widget), tooltip);

  /* TRANSLATORS: the window title, for the task switcher. */
  window_title = g_strdup_printf (_("%s — Shinchoku"), self->document_title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
shk_window_update_actions (ShkWindow *self)
{
  ShkUndoStack *stack = shk_document_get_undo_stack (self->document);
  gboolean has_file = shk_document_get_file (self->document) != NULL;

  gboolean loading = self->load != NULL;
  /* While the saved version is read back, the document shown is on its
   * way out: nothing more is done to it. */
  gboolean reverting = loading && self->load->purpose == SHK_LOAD_REVERT;
  /* One load at a time; Cancel on the bar ends it. */
  const char *replacing[] = { "win.new", "win.new-example", "win.open", "win.open-recent" };

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 shk_undo_stack_can_undo (stack) && !reverting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 shk_undo_stack_can_redo (stack) && !reverting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert", has_file && !loading);
  /* One save at a time: the second would only be refused. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !reverting && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !reverting && !self->saving);
  for (guint i = 0; i < G_N_ELEMENTS (replacing); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), replacing[i], !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", self->job != NULL);
}

gboolean
shk_window_is_saving (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), FALSE);

  return self->saving;
}

void
shk_window_add_recent (ShkWindow *self,
                       GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  char *groups[] = { (char *) RECENT_GROUP, NULL };
  GtkRecentData data = {
    .mime_type = (char *) "application/json",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "shinchoku %u",
    .groups = groups,
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Shinchoku";
  shk_window_start_recent (self);
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib),
                              gtk_recent_info_get_modified (ia));
}

static void
rebuild_recent_menu (ShkWindow *self)
{
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->recent_manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_group (info, RECENT_GROUP) && gtk_recent_info_exists (info))
        g_ptr_array_add (recent, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (recent, compare_recent_newest_first);

  g_menu_remove_all (self->recent_submenu);
  for (guint i = 0; i < recent->len && i < RECENT_MAX_ITEMS; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_submenu, item);
    }
  if (recent->len == 0)
    g_menu_append (self->recent_submenu, _("No Recent Plans"), "win.no-recent");
}

/* The recent plans are read after the window's first frame (issue #17):
 * the menu is only seen when opened, and GTK parses the whole
 * recently-used.xbel of the desktop on the window's thread. */
void
shk_window_start_recent (ShkWindow *self)
{
  if (self->recent_manager != NULL)
    return;
  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed",
                            G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);
}

/* ------------------------------------------------------------------ */
/* Recovery copies                                                    */
/* ------------------------------------------------------------------ */

static guint
autosave_interval (ShkWindow *self)
{
  return self->settings != NULL
    ? g_settings_get_uint (self->settings, "autosave-interval")
    : DEFAULT_AUTOSAVE_INTERVAL;
}

static gboolean
recovery_timeout_cb (gpointer user_data)
{
  ShkWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shk_window_write_recovery (self, &error) && !self->recovery_failed)
    {
      g_autofree char *message = NULL;

      /* Said once per document: the user cannot fix it mid-edit, and a
       * toast a minute would bury everything else. */
      self->recovery_failed = TRUE;
      message = g_strdup_printf (_("Could not write a recovery copy: %s"), error->message);
      shk_window_show_toast (self, message);
    }
  return G_SOURCE_CONTINUE;
}

void
shk_window_stop_recovery (ShkWindow *self)
{
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  shk_recovery_remove (self->recovery_id);
}

static void
update_recovery (ShkWindow *self)
{
  if (self->document != NULL && shk_document_get_modified (self->document))
    {
      if (self->recovery_timeout == 0)
        self->recovery_timeout = g_timeout_add_seconds (autosave_interval (self),
                                                        recovery_timeout_cb, self);
    }
  else
    {
      shk_window_stop_recovery (self);
    }
}

/* A new interval (from the preferences) counts from now. */
void
shk_window_restart_recovery (ShkWindow *self)
{
  if (self->recovery_timeout == 0)
    return;
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  update_recovery (self);
}

/* ------------------------------------------------------------------ */
/* The document                                                       */
/* ------------------------------------------------------------------ */

static void
on_document_changed (ShkWindow *self)
{
  update_title (self);
  shk_window_update_actions (self);
  update_recovery (self);
}

static void
on_plan_changed (ShkWindow *self)
{
  /* The plan's title is the subtitle. */
  update_title (self);
}

void
shk_window_set_document (ShkWindow   *self,
                         ShkDocument *document)
{
  g_return_if_fail (SHK_IS_WINDOW (self));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (shk_document_get_plan (self->document), self);
      g_signal_handlers_disconnect_by_data (shk_document_get_undo_stack (self->document), self);
    }
  /* The old document was saved or its changes discarded on purpose. */
  shk_window_stop_recovery (self);
  self->recovery_failed = FALSE;

  g_set_object (&self->document, document);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (shk_document_get_undo_stack (document), "changed",
                            G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (shk_document_get_plan (document), "changed",
                            G_CALLBACK (on_plan_changed), self);

  shk_window_give_views_document (self);

  on_document_changed (self);
}

ShkDocument *
shk_window_get_document (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  return self->document;
}

static void
set_pending (ShkWindow      *self,
             ShkPendingKind  kind,
             ShkDocument    *document)
{
  self->pending = kind;
  g_set_object (&self->pending_document, document);
}

static void
clear_pending (ShkWindow *self)
{
  set_pending (self, SHK_PENDING_NONE, NULL);
}

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
run_pending (ShkWindow *self)
{
  ShkPendingKind kind = self->pending;
  g_autoptr(ShkDocument) document = g_steal_pointer (&self->pending_document);

  self->pending = SHK_PENDING_NONE;
  switch (kind)
    {
    case SHK_PENDING_REPLACE:
      shk_window_set_document (self, document);
      break;
    case SHK_PENDING_CLOSE:
      /* This runs from a dialog's response: closing at once would destroy
       * the window while the dialog, transient for it, still refers to it. */
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
      break;
    case SHK_PENDING_REVERT:
      shk_window_start_revert (self);
      break;
    case SHK_PENDING_NONE:
    default:
      break;
    }
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ShkWindow        *self)
{
  if (g_str_equal (response, "discard"))
    run_pending (self);
  else if (g_str_equal (response, "save"))
    save_document (self);
  else
    clear_pending (self);
}

void
shk_window_ask_then (ShkWindow      *self,
                     ShkPendingKind  kind,
                     ShkDocument    *document)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  set_pending (self, kind, document);
  if (!shk_document_get_modified (self->document))
    {
      run_pending (self);
      return;
    }

  title = shk_document_dup_title (self->document);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved will be lost."),
                          title);
  dialog = shk_window_message_dialog_new (self, _("Save Changes?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Saving                                                             */
/* ------------------------------------------------------------------ */

static void ask_overwrite (ShkWindow *self);

/* A save on its way: the window (held while the save runs) and the job
 * that shows it in the job bar and carries its Cancel. */
typedef struct
{
  ShkWindow *window;
  ShkJob    *job;
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->window);
  g_object_unref (saving->job);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static void
on_document_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Saving) saving = user_data;
  ShkWindow *self = saving->window;
  ShkDocument *document = SHK_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  gboolean saved = shk_document_save_finish (document, result, &error);

  self->saving = FALSE;
  shk_job_end (saving->job);
  /* A Cancel that came after the file was written: it is saved. */
  if (!saved && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !shk_document_get_modified (document))
    saved = TRUE;
  /* A window closed meanwhile has nothing left to update. */
  if (document != self->document)
    return;
  shk_window_update_actions (self);

  if (!saved)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (shk_job_get_file (saving->job));
          g_autofree char *message = g_strdup_printf (_("Not saved; “%s” was left as it was"),
                                                      name);

          clear_pending (self);
          shk_window_show_toast (self, message);
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        ask_overwrite (self);
      else
        {
          clear_pending (self);
          shk_window_show_error (self, _("Could Not Save the Plan"), error->message);
        }
      return;
    }

  if (shk_document_get_save_warning (document) != NULL)
    shk_window_show_toast (self, shk_document_get_save_warning (document));
  shk_window_add_recent (self, shk_document_get_file (document));
  shk_window_stop_recovery (self);
  run_pending (self);
}

/* Writes the document to @file (NULL: its own) off the window's thread
 * (a plan on a slow network share must not freeze the window), then
 * carries on with what is pending. Edits made while it writes keep the
 * document modified. */
static void
write_document (ShkWindow *self,
                GFile     *file,
                gboolean   overwrite_changes)
{
  GFile *target = file != NULL ? file : shk_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  Saving *saving;

  g_return_if_fail (target != NULL);

  if (self->saving)
    return;
  self->saving = TRUE;
  name = g_file_get_basename (target);
  title = g_strdup_printf (_("Saving “%s”…"), name);
  saving = g_new0 (Saving, 1);
  saving->window = g_object_ref (self);
  saving->job = shk_job_new (target, title);
  shk_job_set_detail (saving->job, _("Edits made meanwhile stay in the window; they are saved "
                                     "the next time."));
  /* Shown like every other job; while an export holds the bar, the save
   * runs all the same, unseen: it must never wait for an export. */
  shk_job_begin (saving->job);
  if (self->job == NULL)
    shk_window_show_job (self, saving->job);
  shk_window_update_actions (self);
  shk_document_save_async (self->document, file, overwrite_changes, G_PRIORITY_DEFAULT,
                           shk_job_get_cancellable (saving->job), on_document_saved, saving);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       ShkWindow        *self)
{
  if (g_str_equal (response, "overwrite"))
    write_document (self, NULL, TRUE);
  else if (g_str_equal (response, "reload"))
    {
      /* Whatever was pending after the save is moot: the user chose the
       * version on disk over the one in the window. */
      set_pending (self, SHK_PENDING_REVERT, NULL);
      run_pending (self);
    }
  else
    clear_pending (self);
}

static void
ask_overwrite (ShkWindow *self)
{
  g_autofree char *title = shk_document_dup_title (self->document);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” was changed by another program after it was opened or saved. "
                            "Saving replaces those changes with the plan shown here; reloading "
                            "discards the changes made here instead."),
                          title);
  dialog = shk_window_message_dialog_new (self, _("The File Has Changed on Disk"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
plan_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Shinchoku Plans (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.JSON");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

void
shk_window_add_plan_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = plan_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, plans);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, plans);
}

void
shk_window_drop_chooser (ShkWindow *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     ShkWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  shk_window_drop_chooser (self);

  if (file == NULL)
    {
      clear_pending (self);
      return;
    }
  /* The chooser asked before replacing an existing file. */
  write_document (self, file, TRUE);
}

/* A file name from the plan's title, without characters that file
 * systems refuse. */
static char *
suggested_file_name (ShkWindow *self)
{
  GFile *file = shk_document_get_file (self->document);
  const char *title = shk_plan_get_title (shk_document_get_plan (self->document));
  g_autofree char *name = NULL;

  if (file != NULL)
    return g_file_get_basename (file);

  name = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Plan"));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".json", NULL);
}

static void
save_as (ShkWindow *self)
{
  g_autofree char *name = NULL;
  GFile *file;

  shk_window_drop_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Save Plan As"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  shk_window_add_plan_filters (GTK_FILE_CHOOSER (self->chooser));

  file = shk_document_get_file (self->document);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }
  name = suggested_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_document (ShkWindow *self)
{
  if (shk_document_get_file (self->document) == NULL)
    save_as (self);
  else if (shk_document_changed_on_disk (self->document))
    ask_overwrite (self);
  else
    write_document (self, NULL, FALSE);
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autoptr(ShkDocument) document = shk_document_new_blank ();

  shk_window_ask_then (SHK_WINDOW (widget), SHK_PENDING_REPLACE, document);
}

static void
new_example_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();

  shk_window_ask_then (SHK_WINDOW (widget), SHK_PENDING_REPLACE, document);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);

  clear_pending (self);
  save_document (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);

  clear_pending (self);
  save_as (self);
}

static void
on_revert_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ShkWindow        *self)
{
  if (g_str_equal (response, "revert"))
    shk_window_start_revert (self);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (shk_document_get_file (self->document) == NULL)
    return;
  if (!shk_document_get_modified (self->document) &&
      !shk_document_changed_on_disk (self->document))
    return;
  if (!shk_document_get_modified (self->document))
    {
      shk_window_start_revert (self);
      return;
    }

  title = shk_document_dup_title (self->document);
  body = g_strdup_printf (_("The unsaved changes to “%s” will be lost."), title);
  dialog = shk_window_message_dialog_new (self, _("Revert to the Saved Plan?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "revert", _("_Revert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "revert", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_revert_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);

  shk_undo_stack_undo (shk_document_get_undo_stack (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);

  shk_undo_stack_redo (shk_document_get_undo_stack (self->document));
}


/* ------------------------------------------------------------------ */

void
shk_window_class_add_document_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-example", NULL, new_example_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
}

void
shk_window_documents_init (ShkWindow *self)
{
  self->recovery_id = shk_recovery_new_id ();

  /* Filled by shk_window_start_recent(). */
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_submenu));
}

void
shk_window_documents_dispose (ShkWindow *self)
{
  shk_window_drop_chooser (self);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (shk_document_get_plan (self->document), self);
      g_signal_handlers_disconnect_by_data (shk_document_get_undo_stack (self->document), self);
    }
  g_clear_object (&self->pending_document);
}

const char *
shk_window_get_document_title (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  return self->document_title;
}

const char *
shk_window_get_recovery_id (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  return self->recovery_id;
}

gboolean
shk_window_write_recovery (ShkWindow  *self,
                           GError    **error)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), FALSE);

  if (self->document == NULL || !shk_document_get_modified (self->document))
    return TRUE;
  return shk_recovery_write (self->recovery_id, self->document, error);
}
