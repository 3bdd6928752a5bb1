/* shk-process-table.c — the processes view's table of ranked processes
 *
 * The survey's processes, filtered, grouped by section when asked and
 * sorted by the column the user chose, then by rank. The columns are
 * declared in the .ui file; each cell is a ShkProcessCell or, for the
 * priority, a ShkProcessPriorityCell that follows its own process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-edit-block.h"
#include "shk-edit-process.h"
#include "shk-number.h"
#include "shk-process-cell.h"
#include "shk-process-priority-cell.h"
#include "shk-process-table.h"

struct _ShkProcessTable
{
  GtkWidget           parent_instance;

  ShkDocument        *document;
  const ShkRanking   *ranking;          /* the view's */
  GHashTable         *ranks;            /* ShkProcess* → rank */

  /* Filters and grouping */
  char               *search;           /* casefolded; NULL for none */
  int                 priority;
  char               *category;
  char               *section;
  gboolean            grouped;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GtkCustomSorter    *group_sorter;
  ShkSheetCursor     *cursor;

  /* template children */
  GtkWidget          *scrolled;
  GtkColumnView      *column_view;
};

static void shk_process_table_sheet_init (ShkSheetTableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShkProcessTable, shk_process_table, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SHK_TYPE_SHEET_TABLE, shk_process_table_sheet_init))

enum {
  RANKING_CHANGED,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a column's factory and sorter need to know: a typed closure
 * instead of strings on the objects. The table outlives both. */
typedef struct
{
  ShkProcessTable     *table;
  ShkProcessColumn     column;
  GtkColumnViewColumn *view_column;   /* unowned: it owns the factory */
} ColumnInfo;

static ColumnInfo *
column_info_new (ShkProcessTable  *table,
                 ShkProcessColumn  column)
{
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  info->table = table;
  info->column = column;
  return info;
}

static void
column_info_free (gpointer data,
                  GClosure *closure)
{
  g_free (data);
}

/* ------------------------------------------------------------------ */
/* Ranks and cell text                                                 */

guint
shk_process_table_get_rank (ShkProcessTable *self,
                            ShkProcess      *process)
{
  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, process));
}

static const ShkRankedProcess *
ranked_of (ShkProcessTable *self,
           ShkProcess      *process)
{
  guint rank = shk_process_table_get_rank (self, process);

  if (rank == 0 || self->ranking == NULL || rank > self->ranking->n_processes)
    return NULL;
  return &self->ranking->processes[rank - 1];
}

char *
shk_process_table_cell_text (ShkProcessTable  *self,
                             ShkProcess       *process,
                             ShkProcessColumn  column)
{
  const ShkRankedProcess *ranked;
  double value;

  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), NULL);
  g_return_val_if_fail (SHK_IS_PROCESS (process), NULL);

  switch (column)
    {
    case SHK_PROCESS_COLUMN_RANK:
      /* Below the listing threshold a process has no rank. */
      return shk_process_table_get_rank (self, process) > 0
        ? g_strdup_printf ("%u", shk_process_table_get_rank (self, process)) : g_strdup ("—");
    case SHK_PROCESS_COLUMN_HOURS:
      return shk_format_number (shk_process_get_hours (process));
    case SHK_PROCESS_COLUMN_NAME:
      return g_strdup (shk_process_get_name (process));
    case SHK_PROCESS_COLUMN_BUSINESS:
      return g_strdup (shk_process_get_business (process));
    case SHK_PROCESS_COLUMN_SECTION:
      return g_strdup (shk_process_get_section (process));
    case SHK_PROCESS_COLUMN_UNIT:
      return g_strdup (shk_process_get_unit (process));
    case SHK_PROCESS_COLUMN_PRIORITY:
      return g_strdup (shk_priority_get_label (shk_process_get_priority (process)));
    case SHK_PROCESS_COLUMN_CATEGORY:
      {
        const char *category = shk_process_get_category (process);
        return g_strdup (category != NULL && *category ? category : _("Unknown"));
      }
    case SHK_PROCESS_COLUMN_SOLUTION:
      return g_strdup (shk_process_get_solution (process));
    case SHK_PROCESS_COLUMN_REDUCTION:
      if (shk_process_get_expected_reduction (process, &value))
        return shk_format_number (value);
      return g_strdup ("");
    case SHK_PROCESS_COLUMN_CUMULATIVE:
      ranked = ranked_of (self, process);
      return ranked != NULL ? g_strdup_printf ("%.1f%%", ranked->cumulative_share * 100)
                            : g_strdup ("");
    case SHK_PROCESS_COLUMN_DEMO:
      return g_strdup (shk_process_get_demo_experiment (process) ? _("Yes") : "");
    case SHK_PROCESS_N_COLUMNS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

gboolean
shk_process_table_repeats_section (ShkProcessTable *self,
                                   guint            position)
{
  g_autoptr(ShkProcess) previous = NULL;
  g_autoptr(ShkProcess) process = NULL;

  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), FALSE);

  if (!self->grouped || position == 0 || position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  previous = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position - 1);
  process = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  return previous != NULL && process != NULL &&
         g_strcmp0 (shk_process_get_section (previous),
                    shk_process_get_section (process)) == 0;
}

/* ------------------------------------------------------------------ */
/* Edits: the core reads, checks and applies                           */

gboolean
shk_process_table_commit_cell (ShkProcessTable  *self,
                               ShkProcess       *process,
                               const char       *column,
                               const char       *text,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), FALSE);
  g_return_val_if_fail (SHK_IS_PROCESS (process), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (!shk_edit_process_cell (shk_document_get_undo_stack (self->document), process,
                              column, text, &local_error))
    {
      /* Keep the old value and say why the new one was refused. */
      g_signal_emit (self, signals[MESSAGE], 0, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[MESSAGE], 0, NULL);
  return TRUE;
}

void
shk_process_table_set_priority (ShkProcessTable *self,
                                ShkProcess      *process,
                                ShkPriority      priority)
{
  g_return_if_fail (SHK_IS_PROCESS_TABLE (self));
  g_return_if_fail (SHK_IS_PROCESS (process));

  if (self->document == NULL || priority == shk_process_get_priority (process))
    return;
  shk_edit_process_priority (shk_document_get_undo_stack (self->document), process, priority);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnInfo               *info)
{
  GtkWidget *cell;

  if (info->column == SHK_PROCESS_COLUMN_PRIORITY)
    cell = shk_process_priority_cell_new (info->table);
  else
    cell = shk_process_cell_new (info->table, info->column);

  /* The cell follows its row by itself; nothing to do on bind. */
  g_object_bind_property (item, "item", cell, "process", G_BINDING_SYNC_CREATE);
  if (info->column == SHK_PROCESS_COLUMN_SECTION)
    g_object_bind_property (item, "position", cell, "position", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, cell);
  /* The cursor, not the row, takes the clicks and the focus. */
  gtk_list_item_set_activatable (item, FALSE);
  shk_sheet_cursor_track_item (info->table->cursor, info->view_column, item);
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

static int
compare_double (double a,
                double b)
{
  return (a > b) - (a < b);
}

static double
priority_order (ShkProcess *process)
{
  ShkPriority priority = shk_process_get_priority (process);

  return priority == SHK_PRIORITY_UNSET ? 99 : priority;
}

static int
compare_processes (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ShkProcess *pa = SHK_PROCESS ((gpointer) a);
  ShkProcess *pb = SHK_PROCESS ((gpointer) b);
  const ColumnInfo *info = user_data;
  ShkProcessTable *self = info->table;
  double va = 0, vb = 0;
  gboolean ha, hb;

  switch (info->column)
    {
    case SHK_PROCESS_COLUMN_RANK:
    case SHK_PROCESS_COLUMN_CUMULATIVE:
      return compare_double (shk_process_table_get_rank (self, pa),
                             shk_process_table_get_rank (self, pb));
    case SHK_PROCESS_COLUMN_HOURS:
      return compare_double (shk_process_get_hours (pa), shk_process_get_hours (pb));
    case SHK_PROCESS_COLUMN_REDUCTION:
      ha = shk_process_get_expected_reduction (pa, &va);
      hb = shk_process_get_expected_reduction (pb, &vb);
      if (ha != hb)
        return ha ? -1 : 1;   /* processes with a figure first */
      return compare_double (va, vb);
    case SHK_PROCESS_COLUMN_PRIORITY:
      return compare_double (priority_order (pa), priority_order (pb));
    case SHK_PROCESS_COLUMN_DEMO:
      return compare_double (shk_process_get_demo_experiment (pb),
                             shk_process_get_demo_experiment (pa));
    default:
      {
        g_autofree char *ta = shk_process_table_cell_text (self, pa, info->column);
        g_autofree char *tb = shk_process_table_cell_text (self, pb, info->column);
        return compare_text (ta, tb);
      }
    }
}

static int
compare_by_rank (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ShkProcessTable *self = user_data;

  return compare_double (shk_process_table_get_rank (self, SHK_PROCESS ((gpointer) a)),
                         shk_process_table_get_rank (self, SHK_PROCESS ((gpointer) b)));
}

static int
compare_by_group (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ShkProcessTable *self = user_data;
  ShkProcess *pa = SHK_PROCESS ((gpointer) a);
  ShkProcess *pb = SHK_PROCESS ((gpointer) b);
  int result;

  if (!self->grouped)
    return 0;

  /* 課・係別: by section, then unit, as the handouts list them. */
  result = compare_text (shk_process_get_section (pa), shk_process_get_section (pb));
  if (result == 0)
    result = compare_text (shk_process_get_unit (pa), shk_process_get_unit (pb));
  return result;
}

/* ------------------------------------------------------------------ */
/* Filtering                                                           */

static gboolean
text_contains (const char *haystack,
               const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_process (gpointer item,
                gpointer user_data)
{
  ShkProcessTable *self = user_data;
  ShkProcess *process = item;

  if (self->priority >= 0 && (int) shk_process_get_priority (process) != self->priority)
    return FALSE;

  if (self->category != NULL)
    {
      const char *have = shk_process_get_category (process);

      if (*self->category == '\0' ? (have != NULL && *have != '\0')
                                  : g_strcmp0 (have, self->category) != 0)
        return FALSE;
    }

  if (self->section != NULL &&
      g_strcmp0 (shk_process_get_section (process), self->section) != 0)
    return FALSE;

  if (self->search != NULL &&
      !text_contains (shk_process_get_name (process), self->search) &&
      !text_contains (shk_process_get_business (process), self->search) &&
      !text_contains (shk_process_get_section (process), self->search) &&
      !text_contains (shk_process_get_unit (process), self->search) &&
      !text_contains (shk_process_get_solution (process), self->search))
    return FALSE;

  return TRUE;
}

void
shk_process_table_set_filter (ShkProcessTable *self,
                              const char      *search,
                              int              priority,
                              const char      *category,
                              const char      *section)
{
  g_return_if_fail (SHK_IS_PROCESS_TABLE (self));

  g_clear_pointer (&self->search, g_free);
  if (search != NULL && *search != '\0')
    self->search = g_utf8_casefold (search, -1);
  self->priority = priority;
  g_free (self->category);
  self->category = g_strdup (category);
  g_free (self->section);
  self->section = g_strdup (section);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
shk_process_table_set_grouped (ShkProcessTable *self,
                               gboolean         grouped)
{
  g_return_if_fail (SHK_IS_PROCESS_TABLE (self));

  grouped = !!grouped;
  if (self->grouped == grouped)
    return;
  self->grouped = grouped;
  gtk_sorter_changed (GTK_SORTER (self->group_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  /* The section cells print their section once per group, or always. */
  g_signal_emit (self, signals[RANKING_CHANGED], 0);
}

gboolean
shk_process_table_get_grouped (ShkProcessTable *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), FALSE);

  return self->grouped;
}

/* ------------------------------------------------------------------ */
/* Selection                                                           */

GtkSelectionModel *
shk_process_table_get_selection (ShkProcessTable *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GPtrArray *
shk_process_table_dup_selected (ShkProcessTable *self)
{
  GPtrArray *processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), processes);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok; ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (processes, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return processes;
}

static void
scroll_to_row (ShkProcessTable *self,
               guint            position,
               guint            n_rows)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  double upper, page, row;

  /* GTK 4.8 has no scroll-to for column views; rows are of equal
   * height, so the row's share of the whole height finds it. */
  if (adjustment == NULL || n_rows == 0)
    return;
  upper = gtk_adjustment_get_upper (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  row = upper / n_rows;
  gtk_adjustment_set_value (adjustment,
                            CLAMP (row * position - page / 2 + row / 2, 0, upper - page));
}

gboolean
shk_process_table_show_rank (ShkProcessTable *self,
                             guint            rank)
{
  GListModel *rows;
  guint n;

  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), FALSE);

  rows = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (rows, i);

      if (shk_process_table_get_rank (self, process) == rank)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          scroll_to_row (self, i, n);
          return TRUE;
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Document and ranking                                                */

void
shk_process_table_set_document (ShkProcessTable *self,
                                ShkDocument     *document)
{
  GListModel *processes = NULL;

  g_return_if_fail (SHK_IS_PROCESS_TABLE (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  if (document != NULL)
    processes = shk_survey_get_processes (shk_plan_get_survey (shk_document_get_plan (document)));
  gtk_filter_list_model_set_model (self->filter_model, processes);
}

void
shk_process_table_set_ranking (ShkProcessTable  *self,
                               const ShkRanking *ranking)
{
  g_return_if_fail (SHK_IS_PROCESS_TABLE (self));

  self->ranking = ranking;
  g_hash_table_remove_all (self->ranks);
  for (guint i = 0; ranking != NULL && i < ranking->n_processes; i++)
    g_hash_table_insert (self->ranks, ranking->processes[i].process,
                         GUINT_TO_POINTER (ranking->processes[i].rank));

  /* Ranks moved: re-sort, and let the rank cells redraw. */
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sort_model),
                      GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_signal_emit (self, signals[RANKING_CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* The sheet: what the cell cursor walks                               */

char *
shk_process_table_dup_cell_name (ShkProcessTable  *self,
                                 ShkProcess       *process,
                                 ShkProcessColumn  column)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), NULL);
  g_return_val_if_fail (SHK_IS_PROCESS (process), NULL);

  view_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column);
  /* TRANSLATORS: a cell of the processes table: "“Payroll” Hours/Year". */
  return g_strdup_printf (_("“%s” %s"), shk_process_get_name (process),
                          view_column != NULL ? gtk_column_view_column_get_title (view_column) : "");
}

static ShkProcessColumn
column_of (ShkProcessTable     *self,
           GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);

      if (other == column)
        return (ShkProcessColumn) i;
    }
  return SHK_PROCESS_N_COLUMNS;
}

static const char *
edit_key (ShkProcessColumn column)
{
  switch (column)
    {
    case SHK_PROCESS_COLUMN_HOURS: return "hours";
    case SHK_PROCESS_COLUMN_NAME: return "name";
    case SHK_PROCESS_COLUMN_REDUCTION: return "expected-reduction";
    default: return NULL;
    }
}

static guint
sheet_get_n_rows (ShkSheetTable *sheet)
{
  return g_list_model_get_n_items (G_LIST_MODEL (SHK_PROCESS_TABLE (sheet)->sort_model));
}

static guint
sheet_get_row (ShkSheetTable *sheet,
               guint          position,
               GtkWidget     *picked,
               double         x,
               double         y)
{
  return position;
}

static guint
sheet_get_position (ShkSheetTable *sheet,
                    guint          row)
{
  return row;
}

static gboolean
sheet_is_editable (ShkSheetTable       *sheet,
                   guint                row,
                   GtkColumnViewColumn *column)
{
  return edit_key (column_of (SHK_PROCESS_TABLE (sheet), column)) != NULL;
}

static GtkWidget *
sheet_get_cell (ShkSheetTable       *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkProcessTable *self = SHK_PROCESS_TABLE (sheet);
  GtkWidget *cell = shk_sheet_cursor_get_item_child (self->cursor, column, row);

  if (SHK_IS_PROCESS_CELL (cell))
    return shk_process_cell_get_target (SHK_PROCESS_CELL (cell));
  if (SHK_IS_PROCESS_PRIORITY_CELL (cell))
    return shk_process_priority_cell_get_drop_down (SHK_PROCESS_PRIORITY_CELL (cell));
  return NULL;
}

static char *
sheet_dup_text (ShkSheetTable       *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkProcessTable *self = SHK_PROCESS_TABLE (sheet);
  g_autoptr(ShkProcess) process = g_list_model_get_item (G_LIST_MODEL (self->sort_model), row);
  ShkProcessColumn c = column_of (self, column);

  if (process == NULL || c == SHK_PROCESS_N_COLUMNS)
    return g_strdup ("");
  return shk_process_table_cell_text (self, process, c);
}

static void
sheet_add_to_block (ShkSheetTable       *sheet,
                    ShkEditBlock        *block,
                    guint                block_row,
                    guint                block_column,
                    guint                row,
                    GtkColumnViewColumn *column,
                    const char          *text)
{
  ShkProcessTable *self = SHK_PROCESS_TABLE (sheet);
  g_autoptr(ShkProcess) process = g_list_model_get_item (G_LIST_MODEL (self->sort_model), row);
  ShkProcessColumn c = column_of (self, column);
  g_autofree char *name = NULL;

  if (process == NULL || c == SHK_PROCESS_N_COLUMNS)
    return;
  if (edit_key (c) != NULL)
    {
      shk_edit_block_add_process_cell (block, block_row, block_column, process, edit_key (c), text);
      return;
    }
  name = shk_process_table_dup_cell_name (self, process, c);
  shk_edit_block_add_read_only (block, block_row, block_column, name);
}

static ShkUndoStack *
sheet_get_undo_stack (ShkSheetTable *sheet)
{
  return shk_document_get_undo_stack (SHK_PROCESS_TABLE (sheet)->document);
}

/* The cursor's rows are the selection the processes view sums up and
 * makes scenarios from. */
static void
sheet_cursor_moved (ShkSheetTable *sheet,
                    guint          row,
                    guint          first_row,
                    guint          last_row)
{
  ShkProcessTable *self = SHK_PROCESS_TABLE (sheet);

  gtk_selection_model_select_range (GTK_SELECTION_MODEL (self->selection), first_row,
                                    last_row - first_row + 1, TRUE);
}

static void
shk_process_table_sheet_init (ShkSheetTableInterface *iface)
{
  iface->get_n_rows = sheet_get_n_rows;
  iface->get_row = sheet_get_row;
  iface->get_position = sheet_get_position;
  iface->is_editable = sheet_is_editable;
  iface->get_cell = sheet_get_cell;
  iface->dup_text = sheet_dup_text;
  iface->add_to_block = sheet_add_to_block;
  iface->get_undo_stack = sheet_get_undo_stack;
  iface->cursor_moved = sheet_cursor_moved;
}

ShkSheetCursor *
shk_process_table_get_cursor (ShkProcessTable *self)
{
  g_return_val_if_fail (SHK_IS_PROCESS_TABLE (self), NULL);

  return self->cursor;
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */

/* The columns, their titles and widths come from the .ui file; each
 * gets its cells' factory and its sorter here, by position. */
static void
setup_columns (ShkProcessTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  g_assert (g_list_model_get_n_items (columns) == SHK_PROCESS_N_COLUMNS);

  for (guint c = 0; c < SHK_PROCESS_N_COLUMNS; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkCustomSorter) sorter = NULL;
      ColumnInfo *info = column_info_new (self, c);

      info->view_column = column;
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell),
                             info, column_info_free, 0);
      gtk_column_view_column_set_factory (column, factory);

      sorter = gtk_custom_sorter_new (compare_processes, column_info_new (self, c), g_free);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }
}

static void
setup_models (ShkProcessTable *self)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();

  self->filter = gtk_custom_filter_new (filter_process, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));

  /* Group first (when on), then the column the user sorts by, then rank:
   * the rank order is the view's natural order. */
  self->group_sorter = gtk_custom_sorter_new (compare_by_group, self, NULL);
  gtk_multi_sorter_append (sorter, GTK_SORTER (g_object_ref (self->group_sorter)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (compare_by_rank, self, NULL)));

  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              GTK_SORTER (sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_process_table_dispose (GObject *object)
{
  ShkProcessTable *self = SHK_PROCESS_TABLE (object);

  if (self->cursor != NULL)
    g_object_run_dispose (G_OBJECT (self->cursor));
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->cursor);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->group_sorter);
  g_clear_object (&self->document);
  self->ranking = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_PROCESS_TABLE);

  G_OBJECT_CLASS (shk_process_table_parent_class)->dispose (object);
}

static void
shk_process_table_finalize (GObject *object)
{
  ShkProcessTable *self = SHK_PROCESS_TABLE (object);

  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (shk_process_table_parent_class)->finalize (object);
}

static void
shk_process_table_class_init (ShkProcessTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_process_table_dispose;
  object_class->finalize = shk_process_table_finalize;

  /* Emitted after the ranks or the grouping changed; the rank,
   * cumulative and section cells listen. */
  signals[RANKING_CHANGED] =
    g_signal_new ("ranking-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Why a cell edit was refused, or NULL once one was accepted. */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-process-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkProcessTable, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessTable, column_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shk_process_table_init (ShkProcessTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ranks = g_hash_table_new (NULL, NULL);
  self->priority = -1;
  self->cursor = shk_sheet_cursor_new (SHK_SHEET_TABLE (self), self->column_view);
  setup_columns (self);
  setup_models (self);
}
