/* shk-window.c — the main window: one open document and its views
 *
 * This file holds the window itself: its views (built lazily), its
 * settings, its messages and the actions that are not about the
 * document's life. The document's life is in shk-window-documents.c,
 * reading plans off the window's thread in shk-window-open.c; all three
 * share shk-window-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sys/resource.h>

#include "shk-audit-view.h"
#include "shk-materials-view.h"
#include "shk-dashboard.h"
#include "shk-measures-view.h"
#include "shk-export-dialog.h"
#include "shk-deck-dialog.h"
#include "shk-request-dialog.h"
#include "shk-survey-request-dialog.h"
#include "shk-presentation.h"
#include "shk-print.h"
#include "shk-processes-view.h"
#include "shk-round-view.h"
#include "shk-scenarios-view.h"
#include "shk-window-private.h"

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

static void
audit_set_document (GtkWidget   *view,
                    ShkDocument *document)
{
  shk_audit_view_set_document (SHK_AUDIT_VIEW (view), document);
}

static void
materials_set_document (GtkWidget   *view,
                        ShkDocument *document)
{
  shk_materials_view_set_document (SHK_MATERIALS_VIEW (view), document);
}

static void
round_set_document (GtkWidget   *view,
                    ShkDocument *document)
{
  shk_round_view_set_document (SHK_ROUND_VIEW (view), document);
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
  { "audit", "win.show-audit", N_("Audit"), "emblem-ok-symbolic", NULL,
    shk_audit_view_new, audit_set_document },
  { "materials", "win.show-materials", N_("Materials"), "x-office-document-symbolic", NULL,
    shk_materials_view_new, materials_set_document },
  { "round", "win.show-round", N_("Requests"), "mail-send-symbolic", NULL,
    shk_round_view_new, round_set_document },
};

#define N_VIEWS G_N_ELEMENTS (views)
G_STATIC_ASSERT (N_VIEWS == SHK_WINDOW_N_VIEWS);

G_DEFINE_FINAL_TYPE (ShkWindow, shk_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *ensure_view (ShkWindow *self,
                               guint      index);

/* ------------------------------------------------------------------ */
/* Messages                                                           */
/* ------------------------------------------------------------------ */

void
shk_window_show_toast (ShkWindow  *self,
                       const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

AdwMessageDialog *
shk_window_message_dialog_new (ShkWindow  *self,
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
void
shk_window_show_error (ShkWindow  *self,
                       const char *heading,
                       const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  AdwMessageDialog *dialog;

  if (g_strv_length (lines) <= ERROR_MAX_BODY_LINES)
    {
      dialog = shk_window_message_dialog_new (self, heading, message);
    }
  else
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();

      dialog = shk_window_message_dialog_new (self, heading, lines[0]);
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
/* Actions                                                            */
/* ------------------------------------------------------------------ */

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

/* Opens a measure (by its number) in the measures view: the links of
 * the audit page. */
static void
show_measure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  ShkPlan *plan = self->document != NULL ? shk_document_get_plan (self->document) : NULL;
  ShkMeasure *measure = plan != NULL ? shk_plan_find_measure (plan, g_variant_get_uint32 (parameter), NULL)
                                     : NULL;

  if (measure == NULL)
    return;
  shk_window_show_view (self, "measures");
  shk_measures_view_select (SHK_MEASURES_VIEW (shk_window_get_view (self, "measures")), measure);
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
  gtk_widget_activate_action (ensure_view (self, current), views[current].find_action, NULL);
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

/* The scenario at position "u" of the plan, in the scenarios view. */
static void
show_scenario_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  ShkPlan *plan = self->document != NULL ? shk_document_get_plan (self->document) : NULL;
  guint position = g_variant_get_uint32 (parameter);

  if (plan == NULL || position >= g_list_model_get_n_items (shk_plan_get_scenarios (plan)))
    return;
  shk_window_show_view (self, "scenarios");
  shk_scenarios_view_select (SHK_SCENARIOS_VIEW (shk_window_get_view (self, "scenarios")), position);
  shk_scenarios_view_show_page (SHK_SCENARIOS_VIEW (shk_window_get_view (self, "scenarios")), "edit");
}

/* A scenario made elsewhere (from the processes): the toast offers to
 * open it, where its costs are asked for. */
static void
toast_scenario_created_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ShkWindow *self = SHK_WINDOW (widget);
  ShkPlan *plan = self->document != NULL ? shk_document_get_plan (self->document) : NULL;
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(ShkScenario) scenario = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (plan == NULL || position >= g_list_model_get_n_items (shk_plan_get_scenarios (plan)))
    return;
  scenario = g_list_model_get_item (shk_plan_get_scenarios (plan), position);
  /* TRANSLATORS: a toast after 「費用対効果シナリオを作成」; its button opens it */
  text = g_strdup_printf (_("Created scenario “%s”: enter its costs"), shk_scenario_get_name (scenario));
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-scenario");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (position));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  shk_window_show_toast (SHK_WINDOW (widget), g_variant_get_string (parameter, NULL));
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
  else if (g_str_equal (action_name, "win.export-deck"))
    shk_export_deck (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.create-requests"))
    shk_request_dialog_show (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.create-survey-requests"))
    shk_survey_request_dialog_present (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.collect-replies"))
    shk_collect_replies (GTK_WINDOW (self), self->document);
  else if (g_str_equal (action_name, "win.collect-replies-folder"))
    shk_collect_replies_folder (GTK_WINDOW (self), self->document);
}

/* The shortcuts window is built when first asked for. GtkApplication
 * would build it from gtk/help-overlay.ui for every new window, before
 * that window's first frame (issue #17), so the file is elsewhere in the
 * resources and "win.show-help-overlay" is this window's own action; the
 * overlay is then handed to GtkApplicationWindow, which sets it up (modal,
 * hidden on close, the window whose accelerators it lists) as before. */
static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/shinchoku/Shinchoku/shk-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
add_help_overlay_action (ShkWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
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
  { "win.show-help-overlay", { "<Control>question", NULL } },
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

void
shk_window_give_views_document (ShkWindow *self)
{
  for (guint i = 0; i < N_VIEWS; i++)
    if (self->views[i] != NULL)
      views[i].set_document (self->views[i], self->document);
}

/* In a narrow window (the switcher has moved to the bottom bar) the
 * measures' detail pane folds away to leave the table its columns; F9
 * still shows it. Widening the window brings it back. */
static void
fold_side_panes (ShkWindow *self)
{
  int index = view_index ("measures");
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  if (index >= 0 && self->views[index] != NULL)
    g_object_set (self->views[index], "show-details", !narrow, NULL);
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
      if (g_str_equal (views[index].name, "measures"))
        fold_side_panes (self);
    }
  return self->views[index];
}

/* The view on screen, built before the window is first laid out. */
static void
ensure_visible_view (ShkWindow *self)
{
  int index = view_index (shk_window_get_visible_view (self));

  if (index >= 0 && self->hosts[index] != NULL)
    ensure_view (self, index);
}

static void
on_visible_view_changed (ShkWindow *self)
{
  const char *name = shk_window_get_visible_view (self);

  /* While the window is made, the switcher passes over the first page
   * before the settings restore the last one: views are built from
   * realize() on, so a start on the processes builds no dashboard. */
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    ensure_visible_view (self);

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

/* GtkWindow's "application" is not a construct property: g_object_new()
 * sets it after constructed(), so the settings are taken when it is set. */
static void
on_application_changed (ShkWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = NULL;

  if (self->settings != NULL || !SHK_IS_APPLICATION (application))
    return;

  settings = shk_application_get_settings (SHK_APPLICATION (application));
  if (settings == NULL)
    return;
  self->settings = g_object_ref (settings);
  restore_settings (self);
  g_signal_connect_object (settings, "changed::autosave-interval",
                           G_CALLBACK (shk_window_restart_recovery), self, G_CONNECT_SWAPPED);
}

static gboolean
shk_window_close_request (GtkWindow *window)
{
  ShkWindow *self = SHK_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL &&
      shk_document_get_modified (self->document))
    {
      gtk_window_present (window);
      shk_window_ask_then (self, SHK_PENDING_CLOSE, NULL);
      return TRUE;
    }

  /* A plan still being read is not wanted any more. */
  shk_window_cancel_load (self);
  store_settings (self);
  /* A clean close leaves nothing to recover. */
  shk_window_stop_recovery (self);
  if (GTK_WINDOW_CLASS (shk_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (shk_window_parent_class)->close_request (window);
  return FALSE;
}

/* ------------------------------------------------------------------ */

static void
shk_window_dispose (GObject *object)
{
  ShkWindow *self = SHK_WINDOW (object);

  /* Destroyed while a plan is read: the worker finds its cancellable
   * cancelled and drops what it read. */
  shk_window_cancel_load (self);
  /* A save or an export still running finishes on its own. */
  shk_window_drop_job (self);
  shk_window_documents_dispose (self);
  g_clear_handle_id (&self->after_first_frame_idle, g_source_remove);
  if (self->message_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->message_dialog),
                                    (gpointer *) &self->message_dialog);
      self->message_dialog = NULL;
    }

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

/* What the first frame does not show waits until it is painted. */
static gboolean
after_first_frame_cb (gpointer user_data)
{
  ShkWindow *self = user_data;

  self->after_first_frame_idle = 0;
  shk_window_start_recent (self);
  return G_SOURCE_REMOVE;
}

/* Only the view on screen is built; the others when first shown
 * (on_visible_view_changed): a cold start shows its one view as soon as
 * it can (issue #17 asks 300 ms), and on a plan of 100,000 measures a
 * view built behind the one on screen would hold the main loop for
 * seconds, so a hidden view does no work at all. The one on screen is
 * built in realize(), once the settings chose it. What the first frame
 * does not show (the recent plans, the shortcuts window) waits.
 * SHINCHOKU_FIRST_FRAME=print|quit makes the first frame measurable
 * (benchmarks/first-frame.py): the CLOCK_MONOTONIC time and the CPU time
 * used so far, in µs, on stdout; then, for "quit", the application ends. */
static void
on_after_paint (GdkFrameClock *clock,
                ShkWindow     *self)
{
  const char *report = g_getenv ("SHINCHOKU_FIRST_FRAME");

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  if (self->first_frame_painted)
    return;
  self->first_frame_painted = TRUE;
  self->after_first_frame_idle = g_idle_add_full (G_PRIORITY_LOW, after_first_frame_cb, self, NULL);

  if (report != NULL && *report != '\0')
    {
      struct rusage usage = { 0 };
      gint64 cpu_us;

      getrusage (RUSAGE_SELF, &usage);
      cpu_us = (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
               (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
      g_print ("first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
               g_get_monotonic_time (), cpu_us);
      fflush (stdout);
      if (g_str_equal (report, "quit"))
        g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
    }
}

static void
shk_window_realize (GtkWidget *widget)
{
  /* Before GtkWindow's show() measures the window for its size, so that
   * it lays out the view once, with its content. */
  ensure_visible_view (SHK_WINDOW (widget));
  GTK_WIDGET_CLASS (shk_window_parent_class)->realize (widget);
}

static void
shk_window_map (GtkWidget *widget)
{
  ShkWindow *self = SHK_WINDOW (widget);

  GTK_WIDGET_CLASS (shk_window_parent_class)->map (widget);
  if (!self->first_frame_painted && gtk_widget_get_frame_clock (widget) != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_after_paint), self, 0);
}

static void
shk_window_class_init (ShkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = shk_window_dispose;
  object_class->finalize = shk_window_finalize;
  widget_class->realize = shk_window_realize;
  widget_class->map = shk_window_map;
  window_class->close_request = shk_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, switcher_bar);
  gtk_widget_class_bind_template_child_full (widget_class, "document_title", FALSE,
                                             G_STRUCT_OFFSET (ShkWindow, document_title_widget));
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, loading_icon);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, loading_title);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, loading_detail);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, ShkWindow, loading_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);

  shk_window_class_add_document_actions (widget_class);
  shk_window_class_add_open_actions (widget_class);
  for (guint i = 0; i < N_VIEWS; i++)
    gtk_widget_class_install_action (widget_class, views[i].show_action, NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-measure", "u", show_measure_action);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", "s", toast_undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.export-deck", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.import-values", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.show-scenario", "u", show_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.toast-scenario-created", "u",
                                   toast_scenario_created_action);
  gtk_widget_class_install_action (widget_class, "win.create-requests", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.create-survey-requests", NULL,
                                   output_action);
  gtk_widget_class_install_action (widget_class, "win.collect-replies", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "win.collect-replies-folder", NULL,
                                   output_action);
}

static void
shk_window_init (ShkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.2 leaves the split button's arrow without a name, so a
   * screen reader says "GtkMenuButton": it is named as its tooltip. */
  {
    GtkWidget *arrow = gtk_widget_get_last_child (GTK_WIDGET (self->open_button));

    if (GTK_IS_MENU_BUTTON (arrow))
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_split_button_get_dropdown_tooltip (self->open_button), -1);
  }

  /* The switchers (in the title, in the bottom bar) make their buttons
   * when given the stack; given it with every page, they make them once
   * instead of over again as each page comes. */
  adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  for (guint i = 0; i < N_VIEWS; i++)
    {
      AdwViewStackPage *page;

      self->hosts[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      page = adw_view_stack_add_titled (self->view_stack, self->hosts[i],
                                        views[i].name, _(views[i].title));
      adw_view_stack_page_set_icon_name (page, views[i].icon_name);
    }
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);

  /* The document's name beside the switcher, unless the switcher has made
   * way for the title (narrow windows). */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->document_title_widget, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (fold_side_panes), self, G_CONNECT_SWAPPED);

  add_help_overlay_action (self);
  shk_window_documents_init (self);
  shk_window_open_init (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);

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
