/* shk-window.c — the main window: one open document and its views
 *
 * The window owns the document's life: new, open, save, revert, the
 * questions about unsaved changes and changes on disk, and the recovery
 * copy while there are unsaved changes. The views only get the document.
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

#include "shk-dashboard.h"
#include "shk-format.h"
#include "shk-measures-view.h"
#include "shk-export-dialog.h"
#include "shk-presentation.h"
#include "shk-print.h"
#include "shk-processes-view.h"
#include "shk-scenarios-view.h"
#include "shk-recovery.h"
#include "shk-window-private.h"

#define RECENT_GROUP      "shinchoku"
#define RECENT_MAX_ITEMS  10
#define DEFAULT_AUTOSAVE_INTERVAL 60
/* An error with more lines than this shows in a scrolled box. */
#define ERROR_MAX_BODY_LINES 6

/* The window's views, in switcher order. A later view is one more line
 * here: a constructor and a function that gives it the document. */
typedef struct
{
  const char  *name;
  const char  *show_action;      /* Alt+1, Alt+2… in this order */
  const char  *title;            /* N_() */
  const char  *icon_name;
  const char  *find_action;      /* the view's own "find", or NULL */
  GtkWidget *(*create)       (void);
  void       (*set_document) (GtkWidget   *view,
                              ShkDocument *document);
} ViewInfo;

static void
dashboard_set_document (GtkWidget   *view,
                        ShkDocument *document)
{
  shk_dashboard_set_document (SHK_DASHBOARD (view), document);
}

static void
measures_set_document (GtkWidget   *view,
                       ShkDocument *document)
{
  shk_measures_view_set_document (SHK_MEASURES_VIEW (view), document);
}

static void
processes_set_document (GtkWidget   *view,
                        ShkDocument *document)
{
  shk_processes_view_set_document (SHK_PROCESSES_VIEW (view), document);
}

static void
scenarios_set_document (GtkWidget   *view,
                        ShkDocument *document)
{
  shk_scenarios_view_set_document (SHK_SCENARIOS_VIEW (view), document);
}

static const ViewInfo views[] = {
  { "dashboard", "win.show-dashboard", N_("Dashboard"), "view-grid-symbolic", NULL,
    shk_dashboard_new, dashboard_set_document },
  { "measures", "win.show-measures", N_("Measures"), "view-list-symbolic", "measures.find",
    shk_measures_view_new, measures_set_document },
  { "processes", "win.show-processes", N_("Processes"), "view-paged-symbolic", "processes.find",
    shk_processes_view_new, processes_set_document },
  { "scenarios", "win.show-scenarios", N_("Scenarios"), "view-dual-symbolic", NULL,
    shk_scenarios_view_new, scenarios_set_document },
};

#define N_VIEWS G_N_ELEMENTS (views)

typedef enum
{
  PENDING_NONE,
  PENDING_REPLACE,   /* show pending_document instead */
  PENDING_CLOSE,
  PENDING_REVERT,    /* reload the document's file */
} PendingKind;

struct _ShkWindow
{
  AdwApplicationWindow  parent_instance;

  ShkDocument          *document;
  GSettings            *settings;          /* NULL without the schema */
  /* Views are built when first shown (or in an idle after the window is
   * up): the window appears at once instead of after every table is laid
   * out. Each lives in its host, the page the switcher knows. */
  GtkWidget            *views[N_VIEWS];
  GtkWidget            *hosts[N_VIEWS];
  guint                 build_views_idle;

  PendingKind           pending;
  ShkDocument          *pending_document;
  GtkWidget            *message_dialog;    /* weak */
  GtkFileChooserNative *chooser;

  char                 *recovery_id;
  guint                 recovery_timeout;
  gboolean              recovery_failed;
  gboolean              close_confirmed;
  char                 *document_title;

  GtkRecentManager     *recent_manager;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwWindowTitle       *document_title_widget;
  AdwSplitButton       *open_button;
  GMenu                *recent_submenu;
};

G_DEFINE_FINAL_TYPE (ShkWindow, shk_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_document (ShkWindow *self);
static void run_pending   (ShkWindow *self);
static GtkWidget *ensure_view (ShkWindow *self,
                               guint      index);

/* ------------------------------------------------------------------ */
/* Messages                                                           */
/* ------------------------------------------------------------------ */

static void
show_toast (ShkWindow  *self,
            const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static AdwMessageDialog *
message_dialog_new (ShkWindow  *self,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  /* Only one question at a time; a newer one replaces the older. */
  if (self->message_dialog != NULL)
    {
      GtkWidget *older = self->message_dialog;

      g_object_remove_weak_pointer (G_OBJECT (older), (gpointer *) &self->message_dialog);
      self->message_dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (older));
    }
  self->message_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->message_dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Errors from the file format list every problem, one a line, each with
 * its line and column or JSON path: a long list goes in a scrolled box. */
static void
show_error (ShkWindow  *self,
            const char *heading,
            const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  AdwMessageDialog *dialog;

  if (g_strv_length (lines) <= ERROR_MAX_BODY_LINES)
    {
      dialog = message_dialog_new (self, heading, message);
    }
  else
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();

      dialog = message_dialog_new (self, heading, lines[0]);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), message, -1);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
      gtk_widget_add_css_class (view, "error-details");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (dialog, scroller);
    }

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

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

  name = shk_document_dup_title (self->document);
  g_free (self->document_title);
  /* TRANSLATORS: the marker of a document with unsaved changes. */
  self->document_title = shk_document_get_modified (self->document)
    ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  plan_title = shk_plan_get_title (shk_document_get_plan (self->document));

  adw_view_switcher_title_set_title (self->switcher_title, self->document_title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, plan_title);
  adw_window_title_set_title (self->document_title_widget, self->document_title);
  adw_window_title_set_subtitle (self->document_title_widget, plan_title);

  file = shk_document_get_file (self->document);
  if (file != NULL)
    tooltip = g_file_get_parse_name (file);
  else
    tooltip = g_strdup (_("Not saved yet"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_title_widget), tooltip);

  /* TRANSLATORS: the window title, for the task switcher. */
  window_title = g_strdup_printf (_("%s — Shinchoku"), self->document_title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (ShkWindow *self)
{
  ShkUndoStack *stack = shk_document_get_undo_stack (self->document);
  gboolean has_file = shk_document_get_file (self->document) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", shk_undo_stack_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", shk_undo_stack_can_redo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert", has_file);
}

static void
add_recent (ShkWindow *self,
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
      show_toast (self, message);
    }
  return G_SOURCE_CONTINUE;
}

static void
stop_recovery (ShkWindow *self)
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
      stop_recovery (self);
    }
}

/* ------------------------------------------------------------------ */
/* The document                                                       */
/* ------------------------------------------------------------------ */

static void
on_document_changed (ShkWindow *self)
{
  update_title (self);
  update_actions (self);
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
  stop_recovery (self);
  self->recovery_failed = FALSE;

  g_set_object (&self->document, document);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (shk_document_get_undo_stack (document), "changed",
                            G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (shk_document_get_plan (document), "changed",
                            G_CALLBACK (on_plan_changed), self);

  for (guint i = 0; i < N_VIEWS; i++)
    if (self->views[i] != NULL)
      views[i].set_document (self->views[i], document);

  on_document_changed (self);
}

ShkDocument *
shk_window_get_document (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  return self->document;
}

static void
set_pending (ShkWindow   *self,
             PendingKind  kind,
             ShkDocument *document)
{
  self->pending = kind;
  g_set_object (&self->pending_document, document);
}

static void
clear_pending (ShkWindow *self)
{
  set_pending (self, PENDING_NONE, NULL);
}

static void
revert_now (ShkWindow *self)
{
  g_autoptr(ShkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = shk_document_get_file (self->document);

  if (file == NULL)
    return;

  document = shk_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Revert"), error->message);
      return;
    }
  shk_window_set_document (self, document);
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
  PendingKind kind = self->pending;
  g_autoptr(ShkDocument) document = g_steal_pointer (&self->pending_document);

  self->pending = PENDING_NONE;
  switch (kind)
    {
    case PENDING_REPLACE:
      shk_window_set_document (self, document);
      break;
    case PENDING_CLOSE:
      /* This runs from a dialog's response: closing at once would destroy
       * the window while the dialog, transient for it, still refers to it. */
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
      break;
    case PENDING_REVERT:
      revert_now (self);
      break;
    case PENDING_NONE:
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

/* Does @kind now, or after asking what to do with unsaved changes. */
static void
ask_then (ShkWindow   *self,
          PendingKind  kind,
          ShkDocument *document)
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
  dialog = message_dialog_new (self, _("Save Changes?"), body);
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

/* Writes the document to @file (NULL: its own) and carries on with what
 * is pending. */
static void
write_document (ShkWindow *self,
                GFile     *file,
                gboolean   overwrite_changes)
{
  g_autoptr(GError) error = NULL;

  if (!shk_document_save (self->document, file, overwrite_changes, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        ask_overwrite (self);
      else
        {
          clear_pending (self);
          show_error (self, _("Could Not Save the Plan"), error->message);
        }
      return;
    }

  add_recent (self, shk_document_get_file (self->document));
  stop_recovery (self);
  run_pending (self);
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
      set_pending (self, PENDING_REVERT, NULL);
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
  dialog = message_dialog_new (self, _("The File Has Changed on Disk"), body);
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

static void
add_file_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = plan_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, plans);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, plans);
}

static void
drop_chooser (ShkWindow *self)
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
  drop_chooser (self);

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

  drop_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Save Plan As"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (self->chooser));

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
/* Opening                                                            */
/* ------------------------------------------------------------------ */

gboolean
shk_window_open_file (ShkWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(ShkDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SHK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Loaded first: a file that does not load asks nothing and changes
   * nothing, and one that does is only shown once the user has said what
   * happens to unsaved changes. */
  document = shk_document_new_from_file (file, NULL, &local_error);
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error (self, heading, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  add_recent (self, file);
  ask_then (self, PENDING_REPLACE, document);
  return TRUE;
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  ShkWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  drop_chooser (self);

  if (file != NULL)
    shk_window_open_file (self, file, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  GFile *file = shk_document_get_file (self->document);

  drop_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (self->chooser));
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

  shk_window_open_file (SHK_WINDOW (widget), file, NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ShkWindow     *self)
{
  GFile *file = NULL;

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
  shk_window_open_file (self, file, NULL);
  return TRUE;
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

  ask_then (SHK_WINDOW (widget), PENDING_REPLACE, document);
}

static void
new_example_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();

  ask_then (SHK_WINDOW (widget), PENDING_REPLACE, document);
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
    revert_now (self);
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
      revert_now (self);
      return;
    }

  title = shk_document_dup_title (self->document);
  body = g_strdup_printf (_("The unsaved changes to “%s” will be lost."), title);
  dialog = message_dialog_new (self, _("Revert to the Saved Plan?"), body);
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

static int
view_index (const char *name)
{
  for (guint i = 0; i < N_VIEWS; i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      return (int) i;
  return -1;
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  for (guint i = 0; i < N_VIEWS; i++)
    if (g_str_equal (views[i].show_action, action_name))
      shk_window_show_view (SHK_WINDOW (widget), views[i].name);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  int current = view_index (shk_window_get_visible_view (self));

  /* A view without a search of its own hands over to the first that has
   * one: on the dashboard, Ctrl+F searches the measures. */
  if (current < 0 || views[current].find_action == NULL)
    {
      current = -1;
      for (guint i = 0; i < N_VIEWS && current < 0; i++)
        if (views[i].find_action != NULL)
          current = (int) i;
      if (current < 0)
        return;
      shk_window_show_view (self, views[current].name);
    }
  gtk_widget_activate_action (self->views[current], views[current].find_action, NULL);
}

static void
toast_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  g_autofree char *escaped = g_markup_escape_text (g_variant_get_string (parameter, NULL), -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_toast (SHK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Presentation mode starts on the chart of what the window shows. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  ShkPresentationStart start = SHK_PRESENTATION_START_SUMMARY;
  ShkPresentation *presentation;

  if (self->document == NULL)
    return;

  if (g_strcmp0 (view, "processes") == 0)
    start = SHK_PRESENTATION_START_PARETO;
  else if (g_strcmp0 (view, "scenarios") == 0)
    start = SHK_PRESENTATION_START_SCENARIOS;

  presentation = shk_presentation_new (GTK_WINDOW (self), self->document, start);
  gtk_window_fullscreen (GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
}

/* Meeting outputs: the handout printed or as a PDF, tables for Excel and
 * figures back from it. Each works on the document as it is now. */
static void
output_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);

  if (self->document == NULL)
    return;

  if (g_str_equal (action_name, "win.print"))
    shk_print_handout (GTK_WINDOW (self), self->document, FALSE);
  else if (g_str_equal (action_name, "win.print-preview"))
    shk_print_handout (GTK_WINDOW (self), self->document, TRUE);
  else if (g_str_equal (action_name, "win.export-handout"))
    shk_export_handout (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.export-table"))
    shk_export_table (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.import-values"))
    shk_import_values (GTK_WINDOW (self), self->document);
}

/* Accelerators of the window's actions; help-overlay.ui lists the same. */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.print-preview", { "<Control><Shift>p", NULL } },
  { "win.import-values", { "<Control>i", NULL } },
};

void
shk_window_install_accels (GtkApplication *application)
{
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);

  /* Alt+1, Alt+2, … in switcher order. */
  for (guint i = 0; i < N_VIEWS && i < 9; i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *view_accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (application, views[i].show_action, view_accels);
    }
}

/* ------------------------------------------------------------------ */
/* Views and settings                                                 */
/* ------------------------------------------------------------------ */

void
shk_window_show_view (ShkWindow  *self,
                      const char *name)
{
  g_return_if_fail (SHK_IS_WINDOW (self));

  if (view_index (name) >= 0)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
shk_window_get_visible_view (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
shk_window_get_view (ShkWindow  *self,
                     const char *name)
{
  int index;

  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  index = view_index (name);
  return index >= 0 ? ensure_view (self, index) : NULL;
}

static GtkWidget *
ensure_view (ShkWindow *self,
             guint      index)
{
  if (self->views[index] == NULL)
    {
      self->views[index] = views[index].create ();
      gtk_widget_set_hexpand (self->views[index], TRUE);
      gtk_widget_set_vexpand (self->views[index], TRUE);
      gtk_box_append (GTK_BOX (self->hosts[index]), self->views[index]);
      if (self->document != NULL)
        views[index].set_document (self->views[index], self->document);
    }
  return self->views[index];
}

/* One view per main-loop turn, so the window stays responsive while the
 * others are built behind the one on screen. */
static gboolean
build_next_view (gpointer data)
{
  ShkWindow *self = data;

  for (guint i = 0; i < N_VIEWS; i++)
    if (self->views[i] == NULL)
      {
        ensure_view (self, i);
        return G_SOURCE_CONTINUE;
      }

  self->build_views_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
on_visible_view_changed (ShkWindow *self)
{
  const char *name = shk_window_get_visible_view (self);
  int index = view_index (name);

  if (index >= 0 && self->hosts[index] != NULL)
    ensure_view (self, index);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

static void
restore_settings (ShkWindow *self)
{
  g_autofree char *last_view = NULL;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  shk_window_show_view (self, last_view);
}

static void
store_settings (ShkWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The size of the unmaximized window, so that unmaximizing after the
   * next start gives it back. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
shk_window_close_request (GtkWindow *window)
{
  ShkWindow *self = SHK_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL &&
      shk_document_get_modified (self->document))
    {
      gtk_window_present (window);
      ask_then (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  store_settings (self);
  /* A clean close leaves nothing to recover. */
  stop_recovery (self);
  if (GTK_WINDOW_CLASS (shk_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (shk_window_parent_class)->close_request (window);
  return FALSE;
}

/* ------------------------------------------------------------------ */

static void
shk_window_dispose (GObject *object)
{
  ShkWindow *self = SHK_WINDOW (object);

  drop_chooser (self);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  g_clear_handle_id (&self->build_views_idle, g_source_remove);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (shk_document_get_plan (self->document), self);
      g_signal_handlers_disconnect_by_data (shk_document_get_undo_stack (self->document), self);
    }
  if (self->message_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->message_dialog),
                                    (gpointer *) &self->message_dialog);
      self->message_dialog = NULL;
    }
  g_clear_object (&self->pending_document);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_WINDOW);

  G_OBJECT_CLASS (shk_window_parent_class)->dispose (object);
}

static void
shk_window_finalize (GObject *object)
{
  ShkWindow *self = SHK_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_free (self->recovery_id);
  g_free (self->document_title);

  G_OBJECT_CLASS (shk_window_parent_class)->finalize (object);
}

static void
shk_window_constructed (GObject *object)
{
  ShkWindow *self = SHK_WINDOW (object);
  GApplication *application;

  G_OBJECT_CLASS (shk_window_parent_class)->constructed (object);

  application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (SHK_IS_APPLICATION (application))
    {
      GSettings *settings = shk_application_get_settings (SHK_APPLICATION (application));

      if (settings != NULL)
        self->settings = g_object_ref (settings);
    }
  restore_settings (self);
}

static void
shk_window_class_init (ShkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = shk_window_dispose;
  object_class->finalize = shk_window_finalize;
  object_class->constructed = shk_window_constructed;
  window_class->close_request = shk_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, switcher_title);
  gtk_widget_class_bind_template_child_full (widget_class, "document_title", FALSE,
                                             G_STRUCT_OFFSET (ShkWindow, document_title_widget));
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-example", NULL, new_example_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  for (guint i = 0; i < N_VIEWS; i++)
    gtk_widget_class_install_action (widget_class, views[i].show_action, NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", "s", toast_undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.import-values", NULL, output_action);
}

static void
shk_window_init (ShkWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->recovery_id = shk_recovery_new_id ();

  for (guint i = 0; i < N_VIEWS; i++)
    {
      AdwViewStackPage *page;

      self->hosts[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      page = adw_view_stack_add_titled (self->view_stack, self->hosts[i],
                                        views[i].name, _(views[i].title));
      adw_view_stack_page_set_icon_name (page, views[i].icon_name);
    }

  /* The document's name beside the switcher, unless the switcher has made
   * way for the title (narrow windows). */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->document_title_widget, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed",
                            G_CALLBACK (rebuild_recent_menu), self);
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_submenu));
  rebuild_recent_menu (self);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  /* At low priority: after the first frame of the view on screen. */
  self->build_views_idle = g_idle_add_full (G_PRIORITY_LOW, build_next_view, self, NULL);
}

ShkWindow *
shk_window_new (ShkApplication *application,
                ShkDocument    *document)
{
  ShkWindow *self;

  g_return_val_if_fail (SHK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHK_TYPE_WINDOW, "application", application, NULL);
  shk_window_set_document (self, document);
  return self;
}

AdwMessageDialog *
shk_window_get_message_dialog (ShkWindow *self)
{
  g_return_val_if_fail (SHK_IS_WINDOW (self), NULL);

  return self->message_dialog != NULL ? ADW_MESSAGE_DIALOG (self->message_dialog) : NULL;
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
