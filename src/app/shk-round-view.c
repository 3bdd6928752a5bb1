/* shk-round-view.c — the page of the request round
 *
 * Shows the document's ShkRound (saved with the plan, so a reopened plan
 * shows its round as it was left): a line per section asked (status, its
 * measures, the due date, the file) in a column view bound to the round
 * itself, the counts above it, and the reminder list to copy or to write
 * as CSV. The round is a GListModel whose items are replaced when a
 * section moves on, so the rows follow requests written, replies
 * applied and their undo without any wiring here but the summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-round-status-cell.h"
#include "shk-round-view.h"
#include "shk-safe-save.h"

struct _ShkRoundView
{
  GtkWidget             parent_instance;

  ShkDocument          *document;
  ShkRound             *round;
  GtkFileChooserNative *chooser;

  /* template children */
  GtkStack             *stack;
  GtkLabel             *title_label;
  GtkLabel             *details_label;
  GtkLabel             *summary_label;
  GtkColumnView        *columns;
};

G_DEFINE_FINAL_TYPE (ShkRoundView, shk_round_view, GTK_TYPE_WIDGET)

static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

static gboolean
has_reminders (ShkRound *round)
{
  return g_list_model_get_n_items (G_LIST_MODEL (round)) >
         shk_round_count (round, SHK_REPLY_REPLIED);
}

/* 「令和3年度」 rather than the id, when the plan still has the year. */
static const char *
year_label (ShkRoundView *self)
{
  const char *id = shk_round_get_year (self->round);
  ShkFiscalYear *year = shk_plan_find_fiscal_year (shk_document_get_plan (self->document), id);

  return year != NULL ? shk_fiscal_year_get_label (year) : id;
}

/* The folder the plan's file recorded may have been moved or deleted
 * since: said, not an error. Only local folders are looked at; a network
 * share that is not mounted cannot be told from a missing one, and
 * asking could block. */
static void
append_folder (GString *details,
               GFile   *folder)
{
  g_autofree char *path = g_file_get_parse_name (folder);

  if (g_file_is_native (folder) && !g_file_query_exists (folder, NULL))
    /* TRANSLATORS: %s is the folder the request workbooks were written to */
    g_string_append_printf (details, _(" · %s (the folder no longer exists)"), path);
  else
    g_string_append_printf (details, " · %s", path);
}

static void
refresh (ShkRoundView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  gboolean empty = self->round == NULL || shk_round_is_empty (self->round);
  GDate today;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "round");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.copy-reminders",
                                 !empty && has_reminders (self->round));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.export-csv",
                                 !empty && has_reminders (self->round));
  if (empty)
    return;

  get_today (&today);
  /* TRANSLATORS: the title of the round's page; %s is a fiscal year, 令和3年度 */
  title = g_strdup_printf (_("Request Round for %s"), year_label (self));
  gtk_label_set_text (self->title_label, title);
  if (shk_round_get_sent (self->round) != NULL)
    g_string_append_printf (details, _("Sent %s"), shk_round_get_sent (self->round));
  else
    g_string_append (details, _("Started from the replies collected"));
  if (shk_round_get_folder (self->round) != NULL)
    append_folder (details, shk_round_get_folder (self->round));
  gtk_label_set_text (self->details_label, details->str);
  summary = shk_round_dup_summary (self->round, &today);
  gtk_label_set_text (self->summary_label, summary);
}

static void
drop_document (ShkRoundView *self)
{
  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  g_clear_object (&self->round);
  g_clear_object (&self->document);
}

void
shk_round_view_set_document (ShkRoundView *self,
                             ShkDocument  *document)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (SHK_IS_ROUND_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  drop_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->round = g_object_ref (shk_document_get_round (document));
      g_signal_connect_swapped (self->round, "changed", G_CALLBACK (refresh), self);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->round)));
    }
  gtk_column_view_set_model (self->columns, GTK_SELECTION_MODEL (selection));
  refresh (self);
}

GtkColumnView *
shk_round_view_get_columns (ShkRoundView *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_VIEW (self), NULL);
  return self->columns;
}

const char *
shk_round_view_get_summary (ShkRoundView *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_VIEW (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

const char *
shk_round_view_get_details (ShkRoundView *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_VIEW (self), NULL);
  return gtk_label_get_text (self->details_label);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
show_toast (ShkRoundView *self,
            const char   *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
copy_reminders_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShkRoundView *self = SHK_ROUND_VIEW (widget);
  g_autofree char *text = NULL;
  GDate today;

  if (self->round == NULL)
    return;
  get_today (&today);
  text = shk_round_dup_reminders (self->round, FALSE, &today);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Reminder list copied"));
}

gboolean
shk_round_view_write_csv (ShkRoundView *self,
                          GFile        *file,
                          GError      **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GString) bytes = NULL;
  g_autoptr(GBytes) data = NULL;
  GDate today;

  g_return_val_if_fail (SHK_IS_ROUND_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->round != NULL, FALSE);

  get_today (&today);
  csv = shk_round_dup_reminders (self->round, TRUE, &today);
  /* The byte-order mark is what tells Excel the file is UTF-8. */
  bytes = g_string_new ("\xEF\xBB\xBF");
  g_string_append (bytes, csv);
  data = g_bytes_new (bytes->str, bytes->len);
  return shk_safe_save_bytes (file, data, 0, NULL, error);
}

static void
on_csv_chosen (GtkNativeDialog *chooser,
               int              response,
               ShkRoundView    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (!shk_round_view_write_csv (self, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Reminder List Was Not Written"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  {
    g_autofree char *path = g_file_get_parse_name (file);
    g_autofree char *message = g_strdup_printf (_("Reminder list written to %s"), path);

    show_toast (self, message);
  }
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShkRoundView *self = SHK_ROUND_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->round == NULL || shk_round_is_empty (self->round))
    return;
  g_clear_object (&self->chooser);
  /* GtkFileDialog is GTK 4.10; Debian 12 has 4.8. */
  self->chooser = gtk_file_chooser_native_new (_("Export the Reminder List"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV (UTF-8, for Excel)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* TRANSLATORS: a file name; %s is the year id, R3 */
  name = g_strdup_printf (_("%s_reminders.csv"), shk_round_get_year (self->round));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (shk_round_get_folder (self->round) != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser),
                                         shk_round_get_folder (self->round), NULL);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_csv_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ */

GtkWidget *
shk_round_view_new (void)
{
  return g_object_new (SHK_TYPE_ROUND_VIEW, NULL);
}

static void
shk_round_view_dispose (GObject *object)
{
  ShkRoundView *self = SHK_ROUND_VIEW (object);

  drop_document (self);
  if (self->chooser != NULL)
    g_signal_handlers_disconnect_by_data (self->chooser, self);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_ROUND_VIEW);

  G_OBJECT_CLASS (shk_round_view_parent_class)->dispose (object);
}

static void
shk_round_view_class_init (ShkRoundViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_round_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-round-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkRoundView, stack);
  gtk_widget_class_bind_template_child (widget_class, ShkRoundView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShkRoundView, details_label);
  gtk_widget_class_bind_template_child (widget_class, ShkRoundView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShkRoundView, columns);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "round.copy-reminders", NULL,
                                   copy_reminders_action);
  gtk_widget_class_install_action (widget_class, "round.export-csv", NULL, export_csv_action);

  g_type_ensure (SHK_TYPE_ROUND_SECTION);
  g_type_ensure (SHK_TYPE_ROUND_STATUS_CELL);
}

static void
shk_round_view_init (ShkRoundView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}
