/* test-sheet-cursor.c — the measures table walked like a spreadsheet
 *
 * The cell cursor on the built-in document: typing and Tab/Enter commit
 * and move on (down a column through a measure's indicator lines), a
 * pasted TSV block with a refused cell goes through its preview and
 * undoes in one step, the copied text of a range, Delete over a range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "shk-measures-view.h"
#include "shk-process-cell.h"
#include "shk-process-table.h"
#include "shk-processes-view.h"
#include "shk-scenario-cost-grid.h"
#include "shk-scenarios-view-private.h"
#include "shk-test-utils.h"
#include "shk-value-line.h"

typedef struct
{
  ShkDocument     *document;
  GtkWidget       *window;
  ShkMeasuresView *view;
  ShkSheetCursor  *cursor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = shk_document_new_builtin ();
  fixture->window = gtk_window_new ();
  fixture->view = SHK_MEASURES_VIEW (shk_measures_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1800, 900);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  shk_measures_view_set_document (fixture->view, fixture->document);
  shk_measures_view_set_years_shown (fixture->view, "latest", NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (GTK_WIDGET (fixture->view)); i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  shk_test_flush_events ();
  fixture->cursor = shk_measures_view_get_cursor (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* GTK 4.8's editable label acts on its focus-out 100 ms later. */
  for (guint i = 0; i < 40; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  g_clear_object (&fixture->document);
}

/* The visible column headed @title. */
static guint
column_index (Fixture    *fixture,
              const char *title)
{
  g_autoptr(GPtrArray) columns = shk_sheet_cursor_dup_columns (fixture->cursor);

  for (guint i = 0; i < columns->len; i++)
    if (g_strcmp0 (gtk_column_view_column_get_title (g_ptr_array_index (columns, i)), title) == 0)
      return i;
  g_assert_not_reached ();
}

static double
actual_of (Fixture    *fixture,
           guint       number,
           guint       indicator,
           const char *year)
{
  ShkMeasure *measure = shk_plan_find_measure (shk_document_get_plan (fixture->document), number, NULL);
  double value = -1;

  if (!shk_indicator_get_actual (shk_measure_get_indicator (measure, indicator), year, &value))
    return -1;   /* no figure */
  return value;
}

static double
target_of (Fixture    *fixture,
           guint       number,
           const char *year)
{
  ShkMeasure *measure = shk_plan_find_measure (shk_document_get_plan (fixture->document), number, NULL);
  double value = -1;

  if (!shk_indicator_get_target (shk_measure_get_indicator (measure, 0), year, &value))
    return -1;
  return value;
}

static void
type_and (Fixture    *fixture,
          const char *text,
          guint       keyval)
{
  /* Typing replaces the cell; the key then commits and moves. */
  g_assert_true (shk_sheet_cursor_start_editing (fixture->cursor, text));
  g_assert_true (shk_sheet_cursor_is_editing (fixture->cursor));
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, keyval, 0));
  g_assert_false (shk_sheet_cursor_is_editing (fixture->cursor));
  shk_test_flush_events ();
}

static void
assert_cursor (Fixture *fixture,
               guint    row,
               guint    column)
{
  guint r, c;

  g_assert_true (shk_sheet_cursor_get_cursor (fixture->cursor, &r, &c));
  g_assert_cmpuint (r, ==, row);
  g_assert_cmpuint (c, ==, column);
}

static void
test_walk_row_and_column (Fixture       *fixture,
                          gconstpointer  data)
{
  guint r2 = column_index (fixture, "R2 Actual");
  guint r3_target = column_index (fixture, "R3 Target");
  guint r3 = column_index (fixture, "R3 Actual");
  GtkWidget *focus;

  /* Along a row: 3300, Tab lands in R3 target, 3700, Tab in R3 actual. */
  shk_sheet_cursor_set_cursor (fixture->cursor, 0, r2, FALSE);
  shk_test_flush_events ();
  type_and (fixture, "3300", GDK_KEY_Tab);
  assert_cursor (fixture, 0, r3_target);
  type_and (fixture, "3700", GDK_KEY_Tab);
  assert_cursor (fixture, 0, r3);
  g_assert_cmpfloat (actual_of (fixture, 1, 0, "R2"), ==, 3300);
  g_assert_cmpfloat (target_of (fixture, 1, "R3"), ==, 3700);

  /* The focus is on the cursor's cell, named for screen readers. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (SHK_IS_VALUE_LINE (focus));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "No.1 R3 actual");

  /* Shift+Tab goes back left, skipping nothing editable. */
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_cursor (fixture, 0, r3_target);

  /* Down a column: Enter commits and moves down, through No.3's two
   * indicator lines; Shift+Enter goes up. */
  shk_sheet_cursor_set_cursor (fixture->cursor, 0, r2, FALSE);
  type_and (fixture, "1,000", GDK_KEY_Return);
  assert_cursor (fixture, 1, r2);
  type_and (fixture, "２０００", GDK_KEY_Return);
  type_and (fixture, "91.5%", GDK_KEY_Return);
  type_and (fixture, "88", GDK_KEY_Return);
  assert_cursor (fixture, 4, r2);
  g_assert_cmpfloat (actual_of (fixture, 1, 0, "R2"), ==, 1000);
  g_assert_cmpfloat (actual_of (fixture, 2, 0, "R2"), ==, 2000);
  g_assert_cmpfloat (actual_of (fixture, 3, 0, "R2"), ==, 91.5);
  g_assert_cmpfloat (actual_of (fixture, 3, 1, "R2"), ==, 88);
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Return, GDK_SHIFT_MASK));
  assert_cursor (fixture, 3, r2);

  /* Escape cancels an edit; arrows, Home/End and Ctrl+Home move. */
  g_assert_true (shk_sheet_cursor_start_editing (fixture->cursor, "999"));
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Escape, 0));
  shk_test_flush_events ();
  g_assert_cmpfloat (actual_of (fixture, 3, 1, "R2"), ==, 88);
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Right, 0));
  assert_cursor (fixture, 3, r2 + 1);
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Home, 0));
  assert_cursor (fixture, 3, 0);
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Home, GDK_CONTROL_MASK));
  assert_cursor (fixture, 0, 0);

  /* A read-only cell takes the focus itself. */
  shk_test_flush_events ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (focus), ==, "ShkMeasureCell");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "No.1 No.: 1");

  /* Ctrl+End: the last cell, scrolled into view and focused. */
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_End, GDK_CONTROL_MASK));
  for (guint i = 0; i < 30; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  {
    GtkWidget *view = gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW);
    graphene_rect_t bounds;

    g_assert_nonnull (view);
    g_assert_true (gtk_widget_compute_bounds (focus, view, &bounds));
    g_test_message ("last cell at %g,%g %gx%g in %dx%d", bounds.origin.x, bounds.origin.y,
                    bounds.size.width, bounds.size.height,
                    gtk_widget_get_width (view), gtk_widget_get_height (view));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (view) + 1);
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (view) + 1);
  }
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Home, GDK_CONTROL_MASK));
  shk_test_flush_events ();

  /* Read-only cells take no typing. */
  g_assert_false (shk_sheet_cursor_start_editing (fixture->cursor, "x"));

  /* Every value typed is its own undo step. */
  g_assert_cmpstr (shk_undo_stack_get_undo_label (shk_document_get_undo_stack (fixture->document)), ==,
                   "Edit No.3 R2 actual, indicator 2");
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static guint
count_editors (GtkWidget *widget)
{
  guint n = GTK_IS_EDITABLE_LABEL (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_editors (child);
  return n;
}

/* The value cells are labels until edited: F2, typing or a double click
 * makes the one editor, named as its cell, and the end of the edit
 * drops it, the focus back on the cell. */
static void
test_editor_on_demand (Fixture       *fixture,
                       gconstpointer  data)
{
  guint r2 = column_index (fixture, "R2 Actual");
  GtkWidget *focus;

  g_assert_cmpuint (count_editors (GTK_WIDGET (fixture->view)), ==, 0);

  shk_sheet_cursor_set_cursor (fixture->cursor, 0, r2, FALSE);
  shk_test_flush_events ();
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_F2, 0));
  g_assert_true (shk_sheet_cursor_is_editing (fixture->cursor));
  g_assert_cmpuint (count_editors (GTK_WIDGET (fixture->view)), ==, 1);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  focus = gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL);
  g_assert_nonnull (focus);
  g_assert_true (SHK_IS_VALUE_LINE (gtk_widget_get_parent (focus)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "No.1 R2 actual");
  gtk_editable_set_text (GTK_EDITABLE (focus), "4242");

  /* Escape: nothing taken, no editor left, the cell focused. */
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Escape, 0));
  shk_test_flush_events ();
  g_assert_false (shk_sheet_cursor_is_editing (fixture->cursor));
  g_assert_cmpuint (count_editors (GTK_WIDGET (fixture->view)), ==, 0);
  g_assert_cmpfloat (actual_of (fixture, 1, 0, "R2"), !=, 4242);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (SHK_IS_VALUE_LINE (focus));
  assert_cursor (fixture, 0, r2);

  /* Typing replaces; Enter commits, drops the editor and moves down. */
  type_and (fixture, "4242", GDK_KEY_Return);
  g_assert_cmpfloat (actual_of (fixture, 1, 0, "R2"), ==, 4242);
  g_assert_cmpuint (count_editors (GTK_WIDGET (fixture->view)), ==, 0);
  assert_cursor (fixture, 1, r2);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (SHK_IS_VALUE_LINE (focus));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "No.2 R2 actual");
}

static void
test_paste_block (Fixture       *fixture,
                  gconstpointer  data)
{
  ShkUndoStack *stack = shk_document_get_undo_stack (fixture->document);
  guint r2 = column_index (fixture, "R2 Actual");
  AdwMessageDialog *dialog;
  const char *body;
  double before_4 = actual_of (fixture, 4, 0, "R2");
  double before_5_r3t = target_of (fixture, 5, "R3");

  /* Rows 4 and 5 (No.4, No.5), columns R2 actual and R3 target; one
   * cell refused; an empty cell clears. */
  shk_sheet_cursor_set_cursor (fixture->cursor, 4, r2, FALSE);
  shk_sheet_cursor_paste_text (fixture->cursor, "3,512\t\r\nabc\t１２．５％\r\n");
  shk_test_flush_events ();

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Row 2, column 1: No.5 R2 actual: “abc” is not a number"));
  /* Nothing changes before the preview is answered. */
  g_assert_cmpfloat (actual_of (fixture, 4, 0, "R2"), ==, before_4);

  /* As its button does: respond, then close. */
  adw_message_dialog_response (dialog, "paste");
  gtk_window_destroy (GTK_WINDOW (dialog));
  shk_test_flush_events ();
  g_assert_cmpfloat (actual_of (fixture, 4, 0, "R2"), ==, 3512);
  g_assert_cmpfloat (target_of (fixture, 4, "R3"), ==, -1);
  g_assert_cmpfloat (target_of (fixture, 5, "R3"), ==, 12.5);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste 4 cells");

  /* One undo takes the whole paste back. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_cmpfloat (actual_of (fixture, 4, 0, "R2"), ==, before_4);
  g_assert_cmpfloat (target_of (fixture, 5, "R3"), ==, before_5_r3t);
  g_assert_cmpfloat (target_of (fixture, 4, "R3"), !=, -1);

  /* A paste whose every cell is accepted needs no preview. */
  shk_sheet_cursor_paste_text (fixture->cursor, "10\n20\n");
  shk_test_flush_events ();
  g_assert_null (find_dialog ());
  g_assert_cmpfloat (actual_of (fixture, 4, 0, "R2"), ==, 10);
  g_assert_cmpfloat (actual_of (fixture, 5, 0, "R2"), ==, 20);

  /* Cancelling the preview changes nothing. */
  shk_sheet_cursor_set_cursor (fixture->cursor, 4, 0, FALSE);
  shk_sheet_cursor_paste_text (fixture->cursor, "1\t2\n");
  shk_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be edited; skipped"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  shk_test_flush_events ();
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste 2 cells");
}

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

static void
test_copy_range_and_delete (Fixture       *fixture,
                            gconstpointer  data)
{
  ShkUndoStack *stack = shk_document_get_undo_stack (fixture->document);
  g_autofree char *text = NULL;
  g_autofree char *clipboard_text = NULL;
  guint r1;

  shk_measures_view_set_years_shown (fixture->view, "all", NULL);
  shk_test_flush_events ();
  r1 = column_index (fixture, "R1 Actual");

  /* No.1–No.2, from No. to the H30 target, by Shift+arrows. */
  shk_sheet_cursor_set_cursor (fixture->cursor, 0, 0, FALSE);
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Right, GDK_SHIFT_MASK));
  text = shk_sheet_cursor_dup_range_text (fixture->cursor);
  g_assert_cmpstr (text, ==,
                   "1\t鹿児島市ホームページの充実\t3,200,000\n"
                   "2\tSNS等を活用した市政情報発信の充実\t231,800\n");

  /* Ctrl+C puts the same on the clipboard. */
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_c, GDK_CONTROL_MASK));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (fixture->window), NULL, on_text_read, &clipboard_text);
  for (guint i = 0; i < 200 && clipboard_text == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (clipboard_text, ==, text);

  /* A stacked measure's lines: No.3's two R1 actuals. */
  g_clear_pointer (&text, g_free);
  shk_sheet_cursor_set_cursor (fixture->cursor, 2, r1, FALSE);
  shk_sheet_cursor_set_cursor (fixture->cursor, 3, r1, TRUE);
  text = shk_sheet_cursor_dup_range_text (fixture->cursor);
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    /* Two lines and the final newline, each a figure. */
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_cmpstr (lines[2], ==, "");
    g_assert_true (g_ascii_isdigit (lines[0][0]) && g_ascii_isdigit (lines[1][0]));
  }

  /* Delete empties the range's values in one step; undo restores. */
  g_assert_cmpfloat (actual_of (fixture, 3, 0, "R1"), !=, -1);
  g_assert_true (shk_sheet_cursor_handle_key (fixture->cursor, GDK_KEY_Delete, 0));
  shk_test_flush_events ();
  g_assert_cmpfloat (actual_of (fixture, 3, 0, "R1"), ==, -1);
  g_assert_cmpfloat (actual_of (fixture, 3, 1, "R1"), ==, -1);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Clear 2 cells");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpfloat (actual_of (fixture, 3, 0, "R1"), !=, -1);
  g_assert_cmpfloat (actual_of (fixture, 3, 1, "R1"), !=, -1);
  g_assert_false (shk_undo_stack_can_undo (stack));
}

static gboolean
has_column (Fixture    *fixture,
            const char *title)
{
  g_autoptr(GPtrArray) columns = shk_sheet_cursor_dup_columns (fixture->cursor);

  for (guint i = 0; i < columns->len; i++)
    if (g_strcmp0 (gtk_column_view_column_get_title (g_ptr_array_index (columns, i)), title) == 0)
      return TRUE;
  return FALSE;
}

/* At 1,024 × 700 the R2 and R3 figures sit beside No. and the measure
 * without scrolling; the choice of years is remembered. */
static void
test_year_in_front (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *column_view = gtk_widget_get_ancestor (gtk_widget_get_first_child (GTK_WIDGET (fixture->view)),
                                                    GTK_TYPE_WIDGET);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.shinchoku.Shinchoku");
  GtkAdjustment *hadj;
  GtkWidget *focus;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < 30; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  g_assert_false (has_column (fixture, "H30 Actual"));
  g_assert_true (has_column (fixture, "R2 Actual"));

  shk_sheet_cursor_set_cursor (fixture->cursor, 0, column_index (fixture, "R3 Actual"), FALSE);
  for (guint i = 0; i < 10; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  column_view = gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW);
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (column_view));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, 0);
  g_assert_true (gtk_widget_compute_bounds (focus, column_view, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (column_view));

  /* Chosen years, remembered in the settings. */
  shk_measures_view_set_years_shown (fixture->view, "chosen", (const char *[]) { "H30", NULL });
  g_assert_true (has_column (fixture, "H30 Actual"));
  g_assert_false (has_column (fixture, "R2 Actual"));
  g_assert_cmpstr (g_settings_get_string (settings, "measure-years"), ==, "chosen");
  {
    g_auto(GStrv) chosen = g_settings_get_strv (settings, "measure-chosen-years");

    g_assert_cmpstr (chosen[0], ==, "H30");
  }
  shk_measures_view_set_years_shown (fixture->view, "all", NULL);
  g_assert_true (has_column (fixture, "H30 Actual"));
  g_assert_true (has_column (fixture, "R3 Actual"));
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The processes table: Enter commits and moves down, Tab goes to the
 * next editable column, Shift+Down selects the rows it covers. */
static void
test_processes_walk (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = shk_processes_view_new ();
  ShkProcessTable *table;
  ShkSheetCursor *cursor;
  GtkSelectionModel *rows;
  g_autoptr(ShkProcess) top = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint row, column;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_window_set_child (GTK_WINDOW (window), view);
  shk_processes_view_set_document (SHK_PROCESSES_VIEW (view), document);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (10000);
      shk_test_flush_events ();
    }
  table = SHK_PROCESS_TABLE (find_widget_of_type (view, SHK_TYPE_PROCESS_TABLE));
  cursor = shk_process_table_get_cursor (table);
  rows = shk_process_table_get_selection (table);
  top = g_list_model_get_item (G_LIST_MODEL (rows), 0);

  /* Column 1 is the hours; the top process stays on top with more. */
  shk_sheet_cursor_set_cursor (cursor, 0, 1, FALSE);
  g_assert_true (shk_sheet_cursor_start_editing (cursor, "9,999,999"));
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Return, 0));
  shk_test_flush_events ();
  g_assert_cmpfloat (shk_process_get_hours (top), ==, 9999999);
  g_assert_true (shk_sheet_cursor_get_cursor (cursor, &row, &column));
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (column, ==, 1);

  /* Tab: the next editable column is the process name. */
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Tab, 0));
  g_assert_true (shk_sheet_cursor_get_cursor (cursor, &row, &column));
  g_assert_cmpuint (column, ==, 2);

  /* The range is the rows' selection, which the view sums up. */
  shk_sheet_cursor_set_cursor (cursor, 0, 0, FALSE);
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (shk_sheet_cursor_handle_key (cursor, GDK_KEY_Right, GDK_SHIFT_MASK));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_autoptr(ShkProcess) second = g_list_model_get_item (G_LIST_MODEL (rows), 1);
    g_autofree char *name = g_strdup_printf ("“%s” Process", shk_process_get_name (second));

    /* The cursor's cell (the second process's name) has the focus and
     * says whose name it is. */
    if (!GTK_IS_EDITABLE_LABEL (focus))
      focus = gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL);
    g_assert_nonnull (focus);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }
  g_assert_true (gtk_selection_model_is_selected (rows, 0));
  g_assert_true (gtk_selection_model_is_selected (rows, 1));
  g_assert_false (gtk_selection_model_is_selected (rows, 2));
  text = shk_sheet_cursor_dup_range_text (cursor);
  expected = g_strdup_printf ("1\t9,999,999\t%s\n", shk_process_get_name (top));
  g_assert_true (g_str_has_prefix (text, expected));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 40; i++)
    {
      shk_test_flush_events ();
      g_usleep (10000);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/sheet-cursor/walk-row-and-column", Fixture, NULL,
              fixture_set_up, test_walk_row_and_column, fixture_tear_down);
  g_test_add ("/sheet-cursor/editor-on-demand", Fixture, NULL,
              fixture_set_up, test_editor_on_demand, fixture_tear_down);
  g_test_add ("/sheet-cursor/paste-block", Fixture, NULL,
              fixture_set_up, test_paste_block, fixture_tear_down);
  g_test_add ("/sheet-cursor/copy-range-and-delete", Fixture, NULL,
              fixture_set_up, test_copy_range_and_delete, fixture_tear_down);
  g_test_add ("/sheet-cursor/year-in-front", Fixture, NULL,
              fixture_set_up, test_year_in_front, fixture_tear_down);
  g_test_add_func ("/sheet-cursor/processes-walk", test_processes_walk);
  return g_test_run ();
}
