/* shk-export-dialog.c — the handout, the tables and imported values:
 * the window's ways out to paper and Excel, and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-export-dialog-private.h"
#include "shk-report.h"
#include "shk-table-export.h"

/* More rows than this in a preview are summed up, not listed: nobody
 * reads a thousand of them, and the dialog must stay quick. */
#define MAX_PREVIEW_ROWS 200

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

  gtk_file_chooser_add_choice (chooser, "paper", _("Paper"), papers, paper_labels);
  gtk_file_chooser_set_choice (chooser, "paper", "a4");
  gtk_file_chooser_add_choice (chooser, "orientation", _("Orientation"), orientations,
                               orientation_labels);
  gtk_file_chooser_set_choice (chooser, "orientation", "landscape");

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

static GtkWidget *
section_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static GtkWidget *
list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
list_add (GtkWidget  *list,
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
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void
list_add_more (GtkWidget *list,
               guint      n_more)
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
add_problems (GtkWidget  *box,
              const char *heading,
              GPtrArray  *problems)
{
  GtkWidget *list;

  if (problems->len == 0)
    return;
  gtk_box_append (GTK_BOX (box), section_label (heading));
  list = list_new ();
  for (guint i = 0; i < problems->len && i < MAX_PREVIEW_ROWS; i++)
    {
      const ShkImportProblem *problem = g_ptr_array_index (problems, i);

      list_add (list, problem->message, NULL, "dialog-warning-symbolic");
    }
  if (problems->len > MAX_PREVIEW_ROWS)
    list_add_more (list, problems->len - MAX_PREVIEW_ROWS);
  gtk_box_append (GTK_BOX (box), list);
}

static GtkWidget *
preview_new (ShkImport *import)
{
  GPtrArray *changes = shk_import_get_changes (import);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (changes->len > 0)
    {
      GtkWidget *list = list_new ();

      gtk_box_append (GTK_BOX (box), section_label (_("Values That Change")));
      for (guint i = 0; i < changes->len && i < MAX_PREVIEW_ROWS; i++)
        {
          const ShkImportChange *change = g_ptr_array_index (changes, i);
          g_autofree char *title = change_title (change);
          g_autofree char *subtitle = change_subtitle (change);

          list_add (list, title, subtitle, NULL);
        }
      if (changes->len > MAX_PREVIEW_ROWS)
        list_add_more (list, changes->len - MAX_PREVIEW_ROWS);
      gtk_box_append (GTK_BOX (box), list);
    }
  add_problems (box, _("Rows That Match Nothing"), shk_import_get_unmatched (import));
  add_problems (box, _("Cells Left Out"), shk_import_get_problems (import));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_widget_set_size_request (scroller, 460, -1);
  return scroller;
}

static void
on_import_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ShkImport *import = g_object_get_data (G_OBJECT (dialog), "shk-import");
  ShkDocument *document = g_object_get_data (G_OBJECT (dialog), "shk-document");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *message = NULL;
  guint n;

  if (!g_str_equal (response, "apply"))
    return;

  n = shk_import_apply (import, shk_document_get_undo_stack (document));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value imported",
                                          "%u values imported", n),
                             n);
  show_toast (parent, message, TRUE);
}

AdwMessageDialog *
shk_import_dialog_new (GtkWindow   *parent,
                       ShkDocument *document,
                       ShkImport   *import)
{
  guint n_changes, n_other;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *sheet;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (SHK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SHK_IS_IMPORT (import), NULL);

  n_changes = shk_import_get_changes (import)->len;
  n_other = shk_import_get_unmatched (import)->len + shk_import_get_problems (import)->len;
  sheet = shk_import_get_sheet_name (import);

  if (n_changes > 0)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Value?",
                                            "Import %u Values?", n_changes),
                               n_changes);
  else
    heading = g_strdup (_("Nothing to Import"));

  if (n_changes > 0)
    body = g_strdup (_("Nothing changes until you import; Undo then takes the whole import "
                       "back."));
  else if (n_other > 0)
    body = g_strdup (_("No row of the file matches a value that differs from the plan. The rows "
                       "and cells below were not read."));
  else
    body = g_strdup (_("Every target and actual in the file is already the plan’s."));
  if (sheet != NULL && *sheet != '\0')
    {
      g_autofree char *longer = g_strdup_printf (_("Sheet “%s”. %s"), sheet, body);

      g_free (body);
      body = g_steal_pointer (&longer);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  if (n_changes > 0 || n_other > 0)
    adw_message_dialog_set_extra_child (dialog, preview_new (import));

  if (n_changes > 0)
    {
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "apply");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  else
    adw_message_dialog_add_response (dialog, "cancel", _("_Close"));

  g_object_set_data_full (G_OBJECT (dialog), "shk-import", g_object_ref (import), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "shk-document", g_object_ref (document),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), NULL);
  return dialog;
}

static void
on_import_file_response (GtkNativeDialog *chooser,
                         int              response,
                         Request         *request)
{
  g_autoptr(Request) owned = request;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || request->parent == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  import = shk_import_new_from_file (shk_document_get_plan (request->document), file, NULL, &error);
  if (import == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

      show_message (request->parent, heading, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (shk_import_dialog_new (request->parent, request->document,
                                                         import)));
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
