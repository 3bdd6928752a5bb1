/* shk-sheet-cursor-clipboard.c — the cursor's copy, paste and clear
 *
 * A range goes to the clipboard as TSV and as an HTML table; a block
 * comes back through the core's block edit (shk-edit-block.h): every
 * cell checked, a preview when any is refused or read-only, the rest
 * applied as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-sheet-cursor-private.h"
#include "shk-tsv.h"

static GPtrArray *
range_cells (ShkSheetCursor *self)
{
  g_autoptr(GPtrArray) columns = shk_sheet_cursor_dup_columns (self);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint r0, c0, r1, c1;

  if (!self->has_cursor)
    return rows;
  shk_sheet_cursor_get_range (self, &r0, &c0, &r1, &c1);
  for (guint row = r0; row <= r1; row++)
    {
      GPtrArray *cells = g_ptr_array_new ();

      for (guint column = c0; column <= c1 && column < columns->len; column++)
        g_ptr_array_add (cells, SHEET_IFACE (self)->dup_text (self->sheet, row, shk_sheet_cursor_column_at (columns, column)));
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
    }
  return rows;
}

char *
shk_sheet_cursor_dup_range_text (ShkSheetCursor *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SHK_IS_SHEET_CURSOR (self), NULL);

  rows = range_cells (self);
  return shk_tsv_format (rows);
}

void
shk_sheet_cursor_copy (ShkSheetCursor *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  g_autofree char *tsv = NULL;
  g_autoptr(GBytes) html = NULL;
  char *text;

  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));

  if (!self->has_cursor)
    return;
  rows = range_cells (self);
  tsv = shk_tsv_format (rows);
  text = shk_tsv_format_html (rows);
  html = g_bytes_new_take (text, strlen (text));
  /* Spreadsheets take the HTML table when offered (it keeps the cells
   * apart whatever they hold); text editors take the TSV. */
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, tsv);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self->view)), provider);
}

typedef struct
{
  ShkSheetCursor *cursor;
  ShkEditBlock   *block;
  char           *label;
  guint           last_row, last_column;
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->cursor);
  shk_edit_block_free (paste->block);
  g_free (paste->label);
  g_free (paste);
}

static void
apply_paste (Paste *paste)
{
  ShkSheetCursor *self = paste->cursor;
  guint row = self->row, column = self->column;

  /* The table went away while its preview was open. */
  if (self->view == NULL)
    return;

  shk_edit_block_apply (paste->block, SHEET_IFACE (self)->get_undo_stack (self->sheet), paste->label);
  /* The pasted block stays selected, as in a spreadsheet. */
  shk_sheet_cursor_set_cursor (self, paste->last_row, paste->last_column, FALSE);
  self->anchor_row = paste->last_row;
  self->anchor_column = paste->last_column;
  shk_sheet_cursor_set_cursor (self, row, column, TRUE);
}

static void
on_paste_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Paste            *paste)
{
  if (g_str_equal (response, "paste"))
    apply_paste (paste);
  paste_free (paste);
}

static void
show_paste_preview (Paste      *paste,
                    const char *report)
{
  ShkSheetCursor *self = paste->cursor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->view));
  GtkWidget *dialog;
  guint refused = shk_edit_block_count (paste->block, SHK_BLOCK_CELL_REFUSED);
  guint accepted = shk_edit_block_count (paste->block, SHK_BLOCK_CELL_ACCEPTED);
  g_autofree char *heading = NULL;
  g_autofree char *paste_label = NULL;

  heading = refused > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pasted cell is refused",
                                    "%u pasted cells are refused", refused), refused)
    : g_strdup (_("Some pasted cells cannot be edited"));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, report);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  paste_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Paste %u Cell", "_Paste %u Cells",
                                              accepted), accepted);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "paste", paste_label);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "paste", accepted > 0);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "paste",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), accepted > 0 ? "paste" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_paste_response), paste);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
shk_sheet_cursor_paste_text (ShkSheetCursor *self,
                             const char     *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree char *report = NULL;
  guint sheet_rows, outside = 0;
  Paste *paste;

  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));
  g_return_if_fail (text != NULL);

  if (!self->has_cursor)
    return;
  if (self->editing != NULL)
    shk_sheet_cursor_stop_editing (self, TRUE);

  rows = shk_tsv_parse (text);
  columns = shk_sheet_cursor_dup_columns (self);
  sheet_rows = shk_sheet_cursor_n_rows (self);
  paste = g_new0 (Paste, 1);
  paste->cursor = g_object_ref (self);
  paste->block = shk_edit_block_new ();
  paste->last_row = self->row;
  paste->last_column = self->column;
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          guint row = self->row + i, column = self->column + j;

          if (row >= sheet_rows || column >= columns->len)
            {
              outside++;
              continue;
            }
          SHEET_IFACE (self)->add_to_block (self->sheet, paste->block, i, j, row,
                                            shk_sheet_cursor_column_at (columns, column), cells[j]);
          paste->last_row = MAX (paste->last_row, row);
          paste->last_column = MAX (paste->last_column, column);
        }
    }
  paste->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paste %u cell", "Paste %u cells",
                                               shk_edit_block_get_n_cells (paste->block)),
                                  shk_edit_block_get_n_cells (paste->block));

  shk_edit_block_check (paste->block);
  report = shk_edit_block_dup_report (paste->block);
  if (outside > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u cell falls outside the table; skipped\n",
                                                            "%u cells fall outside the table; skipped\n",
                                                            outside), outside);
      char *joined = g_strconcat (report, more, NULL);

      g_free (report);
      report = joined;
    }
  if (*report == '\0')
    {
      apply_paste (paste);
      paste_free (paste);
    }
  else
    show_paste_preview (paste, report);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(ShkSheetCursor) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text != NULL && self->view != NULL)
    shk_sheet_cursor_paste_text (self, text);
  else if (error != NULL)
    g_debug ("Nothing to paste: %s", error->message);
}

void
shk_sheet_cursor_paste (ShkSheetCursor *self)
{
  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self->view)), NULL,
                                 on_clipboard_text, g_object_ref (self));
}

void
shk_sheet_cursor_clear_range (ShkSheetCursor *self)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(ShkEditBlock) block = NULL;
  g_autofree char *label = NULL;
  guint r0, c0, r1, c1;

  g_return_if_fail (SHK_IS_SHEET_CURSOR (self));

  if (!self->has_cursor)
    return;
  columns = shk_sheet_cursor_dup_columns (self);
  block = shk_edit_block_new ();
  shk_sheet_cursor_get_range (self, &r0, &c0, &r1, &c1);
  /* Only the cells that take values: names and ranks are not cleared. */
  for (guint row = r0; row <= r1; row++)
    for (guint column = c0; column <= c1 && column < columns->len; column++)
      if (shk_sheet_cursor_is_editable (self, columns, row, column))
        SHEET_IFACE (self)->add_to_block (self->sheet, block, row - r0, column - c0, row,
                                          shk_sheet_cursor_column_at (columns, column), "");
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Clear %u cell", "Clear %u cells",
                                        shk_edit_block_get_n_cells (block)),
                           shk_edit_block_get_n_cells (block));
  shk_edit_block_apply (block, SHEET_IFACE (self)->get_undo_stack (self->sheet), label);
}

