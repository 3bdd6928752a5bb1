/* shk-survey-request-dialog.c — 「AI等調査票を作成」
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shk-survey-request-dialog.h"
#include "shk-survey-request.h"

struct _ShkSurveyRequestDialog
{
  AdwWindow             parent_instance;

  ShkDocument          *document;
  GtkWindow            *parent;      /* weak: the toast goes there */
  GStrv                 year_ids;
  GStrv                 sections;
  GPtrArray            *checks;      /* GtkCheckButton, one per section */
  GtkFileChooserNative *chooser;

  AdwComboRow          *year_row;
  AdwEntryRow          *due_row;
  AdwEntryRow          *contact_row;
  GtkSpinButton        *blank_rows;
  AdwPreferencesGroup  *sections_group;
};

G_DEFINE_FINAL_TYPE (ShkSurveyRequestDialog, shk_survey_request_dialog, ADW_TYPE_WINDOW)

static void
show_error (ShkSurveyRequestDialog *self,
            const char             *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("The Survey Workbooks Were Not Written"),
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_options (ShkSurveyRequestDialog  *self,
              ShkSurveyRequestOptions *options)
{
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->due_row));

  options->request.year_id = self->year_ids[adw_combo_row_get_selected (self->year_row)];
  options->request.due = *due != '\0' ? due : NULL;
  options->request.contact = gtk_editable_get_text (GTK_EDITABLE (self->contact_row));
  options->blank_rows = gtk_spin_button_get_value_as_int (self->blank_rows);
}

GPtrArray *
shk_survey_request_dialog_write (ShkSurveyRequestDialog *self,
                                 GFile                  *folder,
                                 GError                **error)
{
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) sections = NULL;
  ShkSurveyRequestOptions options = { { 0 } };

  g_return_val_if_fail (SHK_IS_SURVEY_REQUEST_DIALOG (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_strv_builder_add (chosen, self->sections[i]);
  sections = g_strv_builder_end (chosen);
  read_options (self, &options);
  return shk_survey_request_write_folder (shk_document_get_plan (self->document),
                                          (const char * const *) sections, &options, folder,
                                          error);
}

static void
on_folder_chosen (GtkNativeDialog        *chooser,
                  int                     response,
                  ShkSurveyRequestDialog *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  written = shk_survey_request_dialog_write (self, folder, &error);
  if (written == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (self->parent != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (folder);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u survey workbook written to %s",
                                      "%u survey workbooks written to %s", written->len),
                         written->len, path);

      gtk_widget_activate_action (GTK_WIDGET (self->parent), "win.show-toast", "s", message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShkSurveyRequestDialog *self = SHK_SURVEY_REQUEST_DIALOG (widget);
  ShkSurveyRequestOptions options = { { 0 } };
  g_autoptr(GError) error = NULL;

  /* A bad date is said before the folder is asked for. */
  read_options (self, &options);
  if (!shk_request_check_options (shk_document_get_plan (self->document), &options.request,
                                  &error))
    {
      show_error (self, error->message);
      return;
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Folder for the Survey Workbooks"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The years of the plan, the reporting one chosen: the survey is asked
 * in the round of the year being reported. */
static void
fill_years (ShkSurveyRequestDialog *self,
            ShkPlan                *plan)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      gtk_string_list_append (labels, shk_fiscal_year_get_label (year));
      g_strv_builder_add (ids, shk_fiscal_year_get_id (year));
      if (g_strcmp0 (shk_fiscal_year_get_id (year), shk_plan_get_reporting_year (plan)) == 0)
        selected = i;
    }
  self->year_ids = g_strv_builder_end (ids);
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->year_row, selected);
}

/* One row per section, known only from the document: a plain action row
 * with a check, made here rather than from a template. */
static void
fill_sections (ShkSurveyRequestDialog *self,
               ShkPlan                *plan)
{
  self->sections = shk_survey_request_dup_sections (plan);
  for (guint i = 0; self->sections[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) processes = shk_survey_request_dup_processes (plan, self->sections[i]);
      g_autofree char *title = g_markup_escape_text (self->sections[i], -1);
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u work process", "%u work processes",
                                      processes->len), processes->len);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->sections[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->sections_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
shk_survey_request_dialog_dispose (GObject *object)
{
  ShkSurveyRequestDialog *self = SHK_SURVEY_REQUEST_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (shk_survey_request_dialog_parent_class)->dispose (object);
}

static void
shk_survey_request_dialog_finalize (GObject *object)
{
  ShkSurveyRequestDialog *self = SHK_SURVEY_REQUEST_DIALOG (object);

  g_strfreev (self->year_ids);
  g_strfreev (self->sections);

  G_OBJECT_CLASS (shk_survey_request_dialog_parent_class)->finalize (object);
}

static void
shk_survey_request_dialog_class_init (ShkSurveyRequestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_survey_request_dialog_dispose;
  object_class->finalize = shk_survey_request_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/"
                                               "shk-survey-request-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkSurveyRequestDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, ShkSurveyRequestDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, ShkSurveyRequestDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, ShkSurveyRequestDialog, blank_rows);
  gtk_widget_class_bind_template_child (widget_class, ShkSurveyRequestDialog, sections_group);
  gtk_widget_class_install_action (widget_class, "survey-request.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shk_survey_request_dialog_init (ShkSurveyRequestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

ShkSurveyRequestDialog *
shk_survey_request_dialog_new (GtkWindow   *parent,
                               ShkDocument *document)
{
  ShkSurveyRequestDialog *self;
  ShkPlan *plan;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHK_TYPE_SURVEY_REQUEST_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_set_weak_pointer (&self->parent, parent);
  plan = shk_document_get_plan (document);
  fill_years (self, plan);
  fill_sections (self, plan);
  return self;
}

void
shk_survey_request_dialog_present (GtkWindow   *parent,
                                   ShkDocument *document)
{
  gtk_window_present (GTK_WINDOW (shk_survey_request_dialog_new (parent, document)));
}
