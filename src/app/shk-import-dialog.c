/* shk-import-dialog.c — the preview of imported targets and actuals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-format.h"
#include "shk-import-dialog.h"
#include "shk-table-export.h"

/* More rows than this in a list are summed up, not listed: nobody reads
 * a thousand of them, and the dialog must stay quick. */
#define MAX_PREVIEW_ROWS 200

struct _ShkImportDialog
{
  AdwMessageDialog  parent_instance;

  ShkDocument      *document;
  ShkImport        *import;

  /* template children */
  GtkWidget        *scroller;
  GtkWidget        *changes_heading;
  GtkListBox       *changes_list;
  GtkWidget        *unmatched_heading;
  GtkListBox       *unmatched_list;
  GtkWidget        *problems_heading;
  GtkListBox       *problems_list;
};

G_DEFINE_FINAL_TYPE (ShkImportDialog, shk_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* One line of a list. An AdwActionRow is already the title-subtitle-icon
 * row these need; a class of our own would only wrap it. */
static void
list_add (GtkListBox *list,
          const char *title,
          const char *subtitle,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  /* Cell texts are the user's own: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  gtk_list_box_append (list, row);
}

static void
list_add_more (GtkListBox *list,
               guint       n_more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                        "And %u more", n_more),
                                           n_more);

  list_add (list, text, NULL, NULL);
}

static char *
change_title (const ShkImportChange *change)
{
  const char *label = shk_indicator_get_label (change->indicator);

  if (label != NULL && *label != '\0')
    return g_strdup_printf (_("No.%u %s"), shk_measure_get_number (change->measure), label);
  return g_strdup_printf (_("No.%u, indicator %u"), shk_measure_get_number (change->measure),
                          change->indicator_index + 1);
}

static char *
change_subtitle (const ShkImportChange *change)
{
  g_autofree char *heading = shk_table_dup_value_heading (change->kind, change->year_id);
  g_autofree char *old_text = change->had_value ? shk_format_number (change->old_value)
                                                : g_strdup (_("(none)"));
  g_autofree char *new_text = change->has_value ? shk_format_number (change->new_value)
                                                : g_strdup (_("(none)"));

  /* TRANSLATORS: “Actual R2: 3,742,282 → 3,800,000” */
  return g_strdup_printf (_("%s: %s → %s"), heading, old_text, new_text);
}

static void
fill_changes (ShkImportDialog *self)
{
  GPtrArray *changes = shk_import_get_changes (self->import);

  gtk_widget_set_visible (self->changes_heading, changes->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), changes->len > 0);
  for (guint i = 0; i < changes->len && i < MAX_PREVIEW_ROWS; i++)
    {
      const ShkImportChange *change = g_ptr_array_index (changes, i);
      g_autofree char *title = change_title (change);
      g_autofree char *subtitle = change_subtitle (change);

      list_add (self->changes_list, title, subtitle, NULL);
    }
  if (changes->len > MAX_PREVIEW_ROWS)
    list_add_more (self->changes_list, changes->len - MAX_PREVIEW_ROWS);
}

static void
fill_problems (GtkWidget  *heading,
               GtkListBox *list,
               GPtrArray  *problems)
{
  gtk_widget_set_visible (heading, problems->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (list), problems->len > 0);
  for (guint i = 0; i < problems->len && i < MAX_PREVIEW_ROWS; i++)
    {
      const ShkImportProblem *problem = g_ptr_array_index (problems, i);

      list_add (list, problem->message, NULL, "dialog-warning-symbolic");
    }
  if (problems->len > MAX_PREVIEW_ROWS)
    list_add_more (list, problems->len - MAX_PREVIEW_ROWS);
}

static char *
dup_body (ShkImport *import)
{
  guint n_changes = shk_import_get_changes (import)->len;
  guint n_other = shk_import_get_unmatched (import)->len + shk_import_get_problems (import)->len;
  const char *sheet = shk_import_get_sheet_name (import);
  const char *body;

  if (n_changes > 0)
    body = _("Nothing changes until you import; Undo then takes the whole import back.");
  else if (n_other > 0)
    body = _("No row of the file matches a value that differs from the plan. The rows and "
             "cells below were not read.");
  else
    body = _("Every target and actual in the file is already the plan’s.");

  if (sheet != NULL && *sheet != '\0')
    return g_strdup_printf (_("Sheet “%s”. %s"), sheet, body);
  return g_strdup (body);
}

static void
fill (ShkImportDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  guint n_changes = shk_import_get_changes (self->import)->len;
  guint n_other = shk_import_get_unmatched (self->import)->len +
                  shk_import_get_problems (self->import)->len;
  g_autofree char *heading = NULL;
  g_autofree char *body = dup_body (self->import);

  if (n_changes > 0)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Value?",
                                            "Import %u Values?", n_changes),
                               n_changes);
  else
    heading = g_strdup (_("Nothing to Import"));
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);

  gtk_widget_set_visible (self->scroller, n_changes > 0 || n_other > 0);
  fill_changes (self);
  fill_problems (self->unmatched_heading, self->unmatched_list,
                 shk_import_get_unmatched (self->import));
  fill_problems (self->problems_heading, self->problems_list,
                 shk_import_get_problems (self->import));

  if (n_changes > 0)
    {
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "apply");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  else
    adw_message_dialog_add_response (dialog, "cancel", _("_Close"));
}

static void
shk_import_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  ShkImportDialog *self = SHK_IMPORT_DIALOG (dialog);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *message = NULL;
  guint n;

  if (!g_str_equal (response, "apply"))
    return;

  n = shk_import_apply (self->import, shk_document_get_undo_stack (self->document));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value imported",
                                          "%u values imported", n),
                             n);
  /* The window shows toasts; without one (a test), nothing is lost. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast-undo", "s", message);
}

static void
shk_import_dialog_dispose (GObject *object)
{
  ShkImportDialog *self = SHK_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (shk_import_dialog_parent_class)->dispose (object);
}

static void
shk_import_dialog_class_init (ShkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = shk_import_dialog_dispose;
  dialog_class->response = shk_import_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkImportDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShkImportDialog, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, ShkImportDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, ShkImportDialog, unmatched_heading);
  gtk_widget_class_bind_template_child (widget_class, ShkImportDialog, unmatched_list);
  gtk_widget_class_bind_template_child (widget_class, ShkImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, ShkImportDialog, problems_list);
}

static void
shk_import_dialog_init (ShkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwMessageDialog *
shk_import_dialog_new (GtkWindow   *parent,
                       ShkDocument *document,
                       ShkImport   *import)
{
  ShkImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SHK_IS_IMPORT (import), NULL);

  self = g_object_new (SHK_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->import = g_object_ref (import);
  fill (self);
  return ADW_MESSAGE_DIALOG (self);
}

ShkImport *
shk_import_dialog_get_import (ShkImportDialog *self)
{
  g_return_val_if_fail (SHK_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}
