/* shk-request-dialog.c — 「照会票を作成」 and 「回答を取り込む」
 *
 * Two small windows over the core's shk-request.h and shk-collect.h: the
 * first picks the year, the due date, whom to reply to, the folder and
 * the sections, and starts the document's round (shk-round.h); the
 * second reads the chosen replies and shows the review (sections,
 * changes with their warnings, conflicts settled one by one, each a
 * ShkConflictRow; a survey round's review is a ShkSurveyReview) before
 * applying it, and the sections' replies to the round, as one undo step.
 * Their rows are built from the review's data, so they are made in code
 * rather than from templates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "shk-collect.h"
#include "shk-conflict-row.h"
#include "shk-request-dialog.h"
#include "shk-request.h"
#include "shk-round.h"
#include "shk-survey-collect.h"
#include "shk-survey-review.h"

/* ------------------------------------------------------------------ */
/* Shared                                                              */

/* A header bar with Cancel and the action above @content, in @window. */
static void
window_build (GtkWindow  *window,
              GtkWindow  *parent,
              const char *title,
              const char *action_label,
              GtkWidget  *content,
              GtkWidget **action_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *action = gtk_button_new_with_mnemonic (action_label);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  /* Fits a 1024×700 screen with its panels. */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), action);
  gtk_widget_add_css_class (action, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  *action_button = action;
}

static GtkWindow *
window_new (GtkWindow  *parent,
            const char *title,
            const char *action_label,
            GtkWidget  *content,
            GtkWidget **action_button)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  window_build (window, parent, title, action_label, content, action_button);
  return window;
}

static void
show_toast (GtkWindow  *parent,
            const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialogs' state is freed with their window: "destroy" carries it. */
static void
on_destroy (GtkWidget *window)
{
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_preferences_group_add (group, row);
  return row;
}

/* ------------------------------------------------------------------ */
/* 「照会票を作成」                                                     */

struct _ShkRequestDialog
{
  AdwWindow             parent_instance;

  GtkWindow            *parent;     /* weak */
  ShkDocument          *document;
  AdwComboRow          *year_row;
  AdwEntryRow          *due_row;
  AdwEntryRow          *contact_row;
  AdwActionRow         *folder_row;
  GtkButton            *create;
  GFile                *folder;     /* NULL: asked for on Create */
  GPtrArray            *checks;     /* GtkCheckButton, one per section */
  GStrv                 sections;
  GStrv                 year_ids;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ShkRequestDialog, shk_request_dialog, ADW_TYPE_WINDOW)

static void
show_folder (ShkRequestDialog *self)
{
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;

  /* The ellipsis says that Create asks for more: only without a folder. */
  gtk_button_set_label (self->create, self->folder != NULL ? _("C_reate") : _("C_reate…"));
  if (self->folder == NULL)
    {
      adw_action_row_set_subtitle (self->folder_row, _("Chosen when you create them"));
      return;
    }
  path = g_file_get_parse_name (self->folder);
  escaped = g_markup_escape_text (path, -1);
  adw_action_row_set_subtitle (self->folder_row, escaped);
}

void
shk_request_dialog_set_folder (ShkRequestDialog *self,
                               GFile            *folder)
{
  g_return_if_fail (SHK_IS_REQUEST_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  show_folder (self);
}

GFile *
shk_request_dialog_get_folder (ShkRequestDialog *self)
{
  g_return_val_if_fail (SHK_IS_REQUEST_DIALOG (self), NULL);
  return self->folder;
}

static void
fill_options (ShkRequestDialog  *self,
              ShkRequestOptions *options)
{
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->due_row));

  options->year_id = self->year_ids[adw_combo_row_get_selected (self->year_row)];
  options->due = *due != '\0' ? due : NULL;
  options->contact = gtk_editable_get_text (GTK_EDITABLE (self->contact_row));
}

/* Writes the workbooks into the folder chosen and starts the round. */
static void
write_requests (ShkRequestDialog *self)
{
  ShkPlan *plan = shk_document_get_plan (self->document);
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) sections = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  ShkRequestOptions options = { 0 };

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_strv_builder_add (chosen, self->sections[i]);
  sections = g_strv_builder_end (chosen);

  fill_options (self, &options);
  written = shk_request_write_folder (plan, (const char * const *) sections, &options,
                                      self->folder, &error);
  if (written == NULL)
    {
      show_error (GTK_WINDOW (self), _("The Request Workbooks Were Not Written"), error->message);
      return;
    }
  shk_round_start (shk_document_get_round (self->document), plan, written, &options,
                   self->folder);
  if (self->parent != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (self->folder);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request workbook written to %s",
                                      "%u request workbooks written to %s", written->len),
                         written->len, path);

      show_toast (self->parent, message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The folder row's 「選択…」: only remembers the folder. */
static void
on_folder_picked (GtkNativeDialog  *chooser,
                  int               response,
                  ShkRequestDialog *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  shk_request_dialog_set_folder (self, folder);
}

/* Create with no folder chosen yet: the folder, then the workbooks. */
static void
on_folder_then_write (GtkNativeDialog  *chooser,
                      int               response,
                      ShkRequestDialog *self)
{
  on_folder_picked (chooser, response, self);
  if (response == GTK_RESPONSE_ACCEPT && self->folder != NULL)
    write_requests (self);
}

static void
choose_folder (ShkRequestDialog *self,
               GCallback         on_response)
{
  if (self->chooser != NULL)
    g_signal_handlers_disconnect_by_data (self->chooser, self);
  g_clear_object (&self->chooser);
  /* GtkFileDialog is GTK 4.10; Debian 12 has 4.8. */
  self->chooser = gtk_file_chooser_native_new (_("Folder for the Request Workbooks"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  g_signal_connect (self->chooser, "response", on_response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
static void
on_choose_folder_clicked (ShkRequestDialog *self)
{
  choose_folder (self, G_CALLBACK (on_folder_picked));
}

static void
on_create_clicked (ShkRequestDialog *self)
{
  ShkPlan *plan = shk_document_get_plan (self->document);
  ShkRequestOptions options = { 0 };
  g_autoptr(GError) error = NULL;

  /* A bad date is said before the folder is asked for. */
  fill_options (self, &options);
  if (!shk_request_check_options (plan, &options, &error))
    {
      show_error (GTK_WINDOW (self), _("The Request Workbooks Were Not Written"), error->message);
      return;
    }
  if (self->folder == NULL)
    choose_folder (self, G_CALLBACK (on_folder_then_write));
  else
    write_requests (self);
}

/* The year after the reporting year: the one whose figures are due. */
static guint
default_year (ShkPlan *plan,
              GStrv    year_ids)
{
  const char *reporting = shk_plan_get_reporting_year (plan);
  guint n = g_strv_length (year_ids);

  for (guint i = 0; i + 1 < n; i++)
    if (g_strcmp0 (year_ids[i], reporting) == 0)
      return i + 1;
  return n > 0 ? n - 1 : 0;
}

/* The round's folder again, else the plan's own folder. */
static GFile *
dup_default_folder (ShkDocument *document)
{
  GFile *round_folder = shk_round_get_folder (shk_document_get_round (document));

  if (round_folder != NULL)
    return g_object_ref (round_folder);
  if (shk_document_get_file (document) != NULL)
    return g_file_get_parent (shk_document_get_file (document));
  return NULL;
}

static GtkWidget *
round_group (ShkRequestDialog *self,
             ShkPlan          *plan)
{
  GtkWidget *round = adw_preferences_group_new ();
  GListModel *years = shk_plan_get_fiscal_years (plan);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GtkWidget *choose;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (round), _("Round"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (round),
                                         _("One workbook per section, with only its measures: "
                                           "the figures the office has are locked, the year’s "
                                           "actuals and texts are open to fill in."));
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      gtk_string_list_append (labels, shk_fiscal_year_get_label (year));
      g_strv_builder_add (ids, shk_fiscal_year_get_id (year));
    }
  self->year_ids = g_strv_builder_end (ids);
  self->year_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_row), _("Figures for"));
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->year_row, default_year (plan, self->year_ids));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (round), GTK_WIDGET (self->year_row));

  self->due_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("Due date (YYYY-MM-DD)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (round), GTK_WIDGET (self->due_row));
  self->contact_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), _("Send replies to"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (round), GTK_WIDGET (self->contact_row));

  self->folder_row = ADW_ACTION_ROW (add_row (ADW_PREFERENCES_GROUP (round), _("Folder"), NULL));
  choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_folder_clicked), self);
  adw_action_row_add_suffix (self->folder_row, choose);
  adw_action_row_set_activatable_widget (self->folder_row, choose);
  return round;
}

static GtkWidget *
sections_group (ShkRequestDialog *self,
                ShkPlan          *plan)
{
  GtkWidget *sections = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (sections), _("Sections"));
  self->sections = shk_request_dup_sections (plan);
  self->checks = g_ptr_array_new ();
  for (guint i = 0; self->sections[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) owned = shk_request_dup_measures (plan, self->sections[i]);
      g_autoptr(GString) numbers = g_string_new (NULL);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *row;

      for (guint m = 0; m < owned->len; m++)
        g_string_append_printf (numbers, "%sNo.%u", m > 0 ? ", " : "",
                                shk_measure_get_number (g_ptr_array_index (owned, m)));
      row = add_row (ADW_PREFERENCES_GROUP (sections), self->sections[i], numbers->str);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->sections[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_ptr_array_add (self->checks, check);
    }
  return sections;
}

GtkWindow *
shk_request_dialog_show (GtkWindow   *parent,
                         ShkDocument *document)
{
  ShkRequestDialog *self;
  ShkPlan *plan;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *create = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHK_TYPE_REQUEST_DIALOG, NULL);
  self->document = g_object_ref (document);
  g_set_weak_pointer (&self->parent, parent);
  plan = shk_document_get_plan (document);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (round_group (self, plan)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (sections_group (self, plan)));
  window_build (GTK_WINDOW (self), parent, _("Create Request Workbooks"), _("C_reate…"), page,
                &create);
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (on_create_clicked), self);
  self->create = GTK_BUTTON (create);
  folder = dup_default_folder (document);
  shk_request_dialog_set_folder (self, folder);
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

static void
shk_request_dialog_dispose (GObject *object)
{
  ShkRequestDialog *self = SHK_REQUEST_DIALOG (object);

  if (self->chooser != NULL)
    g_signal_handlers_disconnect_by_data (self->chooser, self);
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->document);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_strfreev);
  g_clear_pointer (&self->year_ids, g_strfreev);

  G_OBJECT_CLASS (shk_request_dialog_parent_class)->dispose (object);
}

static void
shk_request_dialog_class_init (ShkRequestDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shk_request_dialog_dispose;
}

static void
shk_request_dialog_init (ShkRequestDialog *self)
{
}

/* ------------------------------------------------------------------ */
/* 「回答を取り込む」                                                   */

typedef struct
{
  GtkWindow   *window;
  GtkWindow   *parent;     /* weak */
  ShkDocument *document;
  ShkCollect  *collect;
  GtkFileChooserNative *chooser;
} CollectDialog;

static void
collect_dialog_free (gpointer  data,
                     GClosure *closure)
{
  CollectDialog *d = data;

  g_clear_weak_pointer (&d->parent);
  g_clear_object (&d->document);
  g_clear_object (&d->collect);
  g_clear_object (&d->chooser);
  g_free (d);
}

/* "12 values collected from the replies", and for the survey's replies
 * the processes they added, which shk_collect_apply() counts among the
 * values. */
static char *
dup_applied_message (CollectDialog *d,
                     guint          n_applied)
{
  guint n_new = shk_collect_is_survey (d->collect)
                ? MIN (shk_collect_get_new_processes (d->collect)->len, n_applied) : 0;
  guint n_values = n_applied - n_new;
  g_autofree char *values =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value collected from the replies",
                                  "%u values collected from the replies", n_values), n_values);
  g_autofree char *added = NULL;

  if (n_new == 0)
    return g_steal_pointer (&values);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new process added",
                                        "%u new processes added", n_new), n_new);
  /* TRANSLATORS: "5 values collected from the replies; 1 new process added" */
  return g_strdup_printf (_("%s; %s"), values, added);
}

static void
on_apply_clicked (CollectDialog *d)
{
  ShkUndoStack *stack = shk_document_get_undo_stack (d->document);
  guint n;

  /* The values and the round's sections are one undo step. */
  shk_undo_stack_begin_group (stack, _("Collect replies"));
  n = shk_collect_apply (d->collect, stack);
  shk_round_record_replies (shk_document_get_round (d->document),
                            shk_document_get_plan (d->document), d->collect, stack);
  shk_undo_stack_end_group (stack);

  if (d->parent != NULL)
    {
      g_autofree char *message = dup_applied_message (d, n);

      show_toast (d->parent, message);
    }
  gtk_window_destroy (d->window);
}

static GtkWidget *
reply_row_new (const ShkCollectReply *reply)
{
  const char *names[] = {
    [SHK_REPLY_REPLIED] = N_("Replied"),
    [SHK_REPLY_REFUSED] = N_("Refused"),
    [SHK_REPLY_MISSING] = N_("Not yet"),
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (_(names[reply->status]));
  g_autofree char *title = g_markup_escape_text (reply->section != NULL ? reply->section
                                                                        : reply->file, -1);
  g_autofree char *subtitle = g_markup_escape_text (reply->message != NULL ? reply->message
                                                                           : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (reply->status == SHK_REPLY_REFUSED)
    gtk_widget_add_css_class (status, "error");
  else if (reply->status == SHK_REPLY_REPLIED)
    gtk_widget_add_css_class (status, "success");
  else
    gtk_widget_add_css_class (status, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  return row;
}

/* The replies one by one; the sections that have not replied are folded
 * into one row, or the review's changes would start screens below them
 * (the survey asks some ninety sections). */
static void
add_replies (AdwPreferencesGroup *group,
             GPtrArray           *replies)
{
  guint counts[SHK_REPLY_MISSING + 1] = { 0 };
  g_autofree char *description = NULL;
  GtkWidget *missing = NULL;

  for (guint i = 0; i < replies->len; i++)
    {
      const ShkCollectReply *reply = g_ptr_array_index (replies, i);

      counts[reply->status]++;
      if (reply->status == SHK_REPLY_MISSING && missing == NULL)
        missing = adw_expander_row_new ();
      if (reply->status == SHK_REPLY_MISSING)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (missing), reply_row_new (reply));
      else
        adw_preferences_group_add (group, reply_row_new (reply));
    }
  if (missing != NULL)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section has not replied yet",
                                      "%u sections have not replied yet",
                                      counts[SHK_REPLY_MISSING]),
                         counts[SHK_REPLY_MISSING]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (missing), title);
      adw_preferences_group_add (group, missing);
    }
  /* TRANSLATORS: counts of sections: replied, not yet, refused */
  description = g_strdup_printf (_("%u replied, %u not yet, %u refused"),
                                 counts[SHK_REPLY_REPLIED], counts[SHK_REPLY_MISSING],
                                 counts[SHK_REPLY_REFUSED]);
  adw_preferences_group_set_description (group, description);
}

static void
add_changes (AdwPreferencesGroup *group,
             GPtrArray           *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const ShkCollectChange *change = g_ptr_array_index (changes, i);
      g_autofree char *label = shk_collect_dup_cell_label (change->measure, change->indicator,
                                                           change->field, change->year_id);
      g_autofree char *old_text = shk_collect_value_describe (change->field, &change->old_value);
      g_autofree char *new_text = shk_collect_value_describe (change->field, &change->new_value);
      g_autofree char *warnings = shk_collect_warnings_describe (change->warnings);
      /* TRANSLATORS: old → new · section · file and cell */
      g_autofree char *subtitle = g_strdup_printf (_("%s → %s · %s · %s %s"), old_text, new_text,
                                                   change->section, change->file, change->cell);
      GtkWidget *row = add_row (group, label, subtitle);

      if (warnings != NULL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, warnings);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          warnings, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
    }
  if (changes->len == 0)
    add_row (group, _("No value changes"), NULL);
}

static void
add_conflicts (AdwPreferencesGroup *group,
               ShkCollect          *collect)
{
  GPtrArray *conflicts = shk_collect_get_conflicts (collect);

  for (guint i = 0; i < conflicts->len; i++)
    adw_preferences_group_add (group, shk_conflict_row_new (collect, i));
}

static void
on_copy_reminders (GtkButton  *button,
                   ShkCollect *collect)
{
  g_autofree char *text = shk_collect_dup_reminders (collect, FALSE);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_button_set_label (button, _("Copied"));
}

static GtkWidget *
replies_group (ShkCollect *collect)
{
  GtkWidget *replies = adw_preferences_group_new ();
  /* The sections still to answer, to paste into a reminder mail. */
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("Copy _Reminder List"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (replies), _("Sections"));
  add_replies (ADW_PREFERENCES_GROUP (replies), shk_collect_get_replies (collect));
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_reminders), collect);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (replies), copy);
  return replies;
}

static GtkWidget *
review_page (ShkCollect *collect)
{
  GtkWidget *page;
  GtkWidget *replies = replies_group (collect);
  GtkWidget *changes;
  GtkWidget *conflicts;

  /* A round is the measures' or the survey's, never both (shk-collect.h). */
  if (shk_collect_is_survey (collect))
    return shk_survey_review_new (collect, ADW_PREFERENCES_GROUP (replies));

  page = adw_preferences_page_new ();
  changes = adw_preferences_group_new ();
  conflicts = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (changes), _("Changes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (changes),
                                         _("Nothing changes until you apply; applying is one "
                                           "step that Undo takes back."));
  add_changes (ADW_PREFERENCES_GROUP (changes), shk_collect_get_changes (collect));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (replies));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (changes));
  if (shk_collect_get_conflicts (collect)->len > 0)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (conflicts), _("Conflicts"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (conflicts),
                                             _("Two replies give different values, or the office "
                                               "changed the value after the workbook went out. "
                                               "Choose the value to keep for each."));
      add_conflicts (ADW_PREFERENCES_GROUP (conflicts), collect);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (conflicts));
    }
  return page;
}

/* Something to apply: a value, a conflict to settle, a new process, or
 * a reply that moves the round on even when it changes no value. */
static gboolean
has_something (ShkCollect *collect)
{
  GPtrArray *replies = shk_collect_get_replies (collect);

  if (shk_collect_get_changes (collect)->len > 0 ||
      shk_collect_get_conflicts (collect)->len > 0 ||
      shk_collect_get_survey_changes (collect)->len > 0 ||
      shk_collect_get_survey_conflicts (collect)->len > 0 ||
      shk_collect_get_new_processes (collect)->len > 0)
    return TRUE;
  for (guint i = 0; i < replies->len; i++)
    {
      const ShkCollectReply *reply = g_ptr_array_index (replies, i);

      if (reply->status != SHK_REPLY_MISSING && reply->section != NULL)
        return TRUE;
    }
  return FALSE;
}

GtkWindow *
shk_collect_dialog_show (GtkWindow    *parent,
                         ShkDocument  *document,
                         GFile       **files,
                         guint         n_files)
{
  CollectDialog *d;
  GtkWidget *apply = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);

  d = g_new0 (CollectDialog, 1);
  d->document = g_object_ref (document);
  g_set_weak_pointer (&d->parent, parent);
  d->collect = shk_collect_new (shk_document_get_plan (document), NULL);
  for (guint i = 0; i < n_files; i++)
    if (!shk_collect_add_file (d->collect, files[i], NULL, &error))
      {
        show_error (parent, _("The Replies Were Not Read"), error->message);
        collect_dialog_free (d, NULL);
        return NULL;
      }
  d->window = window_new (parent, _("Collect Replies"), _("_Apply"), review_page (d->collect),
                          &apply);
  gtk_widget_set_sensitive (apply, has_something (d->collect));
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (on_apply_clicked), d);
  g_signal_connect_data (d->window, "destroy", G_CALLBACK (on_destroy), d, collect_dialog_free, 0);
  gtk_window_present (d->window);
  return d->window;
}

typedef struct
{
  GtkWindow   *parent;    /* weak */
  ShkDocument *document;
} ChooseReplies;

static void
on_replies_chosen (GtkNativeDialog *chooser,
                   int              response,
                   ChooseReplies   *c)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT && c->parent != NULL)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      shk_collect_dialog_show (c->parent, c->document, (GFile **) array->pdata, array->len);
    }
  g_clear_weak_pointer (&c->parent);
  g_object_unref (c->document);
  g_free (c);
  g_object_unref (chooser);
}

/* GtkFileDialog is GTK 4.10; Debian 12 has 4.8. The chooser frees
 * itself in on_replies_chosen(). */
static void
choose_replies (GtkWindow            *parent,
                ShkDocument          *document,
                GtkFileChooserAction  action,
                const char           *title)
{
  GtkFileChooserNative *chooser;
  ChooseReplies *c = g_new0 (ChooseReplies, 1);
  GFile *round_folder = shk_round_get_folder (shk_document_get_round (document));

  g_set_weak_pointer (&c->parent, parent);
  c->document = g_object_ref (document);
  chooser = gtk_file_chooser_native_new (title, parent, action,
                                         action == GTK_FILE_CHOOSER_ACTION_OPEN ? _("_Open")
                                                                                : _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      gtk_file_filter_set_name (filter, _("Returned request and survey workbooks (Excel)"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
      gtk_file_filter_add_pattern (filter, "*.XLSX");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  /* Replies are often saved next to the workbooks sent. */
  if (round_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), round_folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_replies_chosen), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
shk_collect_replies (GtkWindow   *parent,
                     ShkDocument *document)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  choose_replies (parent, document, GTK_FILE_CHOOSER_ACTION_OPEN, _("Collect Replies"));
}

void
shk_collect_replies_folder (GtkWindow   *parent,
                            ShkDocument *document)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SHK_IS_DOCUMENT (document));

  choose_replies (parent, document, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                  _("Folder of Returned Workbooks"));
}
