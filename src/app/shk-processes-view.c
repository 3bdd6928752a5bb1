/* shk-processes-view.c — the AI/RPA survey's processes, ranked
 *
 * A Pareto chart above a table of the listed work processes, with the
 * totals per priority class and per category beside it, each as a bar
 * chart (exportable like every chart) and a table. The rank is
 * recomputed from the hours after every change, so editing a process's
 * hours re-ranks it, redraws the chart and updates the totals at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-breakdown-chart.h"
#include "shk-chart-view.h"
#include "shk-edit.h"
#include "shk-edit-process.h"
#include "shk-pareto-view.h"
#include "shk-editable-cell.h"
#include "shk-processes-view.h"

/* What a table cell shows; also the key of its column's sorter. */
typedef enum
{
  COLUMN_RANK,
  COLUMN_HOURS,
  COLUMN_NAME,
  COLUMN_BUSINESS,
  COLUMN_SECTION,
  COLUMN_UNIT,
  COLUMN_PRIORITY,
  COLUMN_CATEGORY,
  COLUMN_SOLUTION,
  COLUMN_REDUCTION,
  COLUMN_CUMULATIVE,
  COLUMN_DEMO,
  N_COLUMNS
} Column;

struct _ShkProcessesView
{
  GtkWidget           parent_instance;

  ShkDocument        *document;
  ShkSurvey          *survey;
  ShkRanking         *ranking;
  GHashTable         *ranks;            /* ShkProcess* → rank */
  gulong              survey_changed_id;
  guint               refresh_idle;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GtkStringList      *sections;
  GtkCustomSorter    *group_sorter;

  /* template children */
  GtkPaned           *paned;
  ShkParetoView      *pareto;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *priority_filter;
  GtkDropDown        *category_filter;
  GtkDropDown        *section_filter;
  GtkToggleButton    *group_button;
  GtkSpinButton      *threshold_spin;
  GtkColumnView      *column_view;
  GtkLabel           *totals_label;
  GtkLabel           *selection_label;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkGrid            *priority_grid;
  GtkGrid            *category_grid;
  ShkChartView       *priority_chart;
  ShkChartView       *category_chart;
};

G_DEFINE_FINAL_TYPE (ShkProcessesView, shk_processes_view, GTK_TYPE_WIDGET)

enum {
  RANKING_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
rank_of (ShkProcessesView *self,
         ShkProcess       *process)
{
  if (self->ranks == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, process));
}

static const ShkRankedProcess *
ranked_of (ShkProcessesView *self,
           ShkProcess       *process)
{
  guint rank = rank_of (self, process);

  if (rank == 0 || self->ranking == NULL || rank > self->ranking->n_processes)
    return NULL;
  return &self->ranking->processes[rank - 1];
}

/* ------------------------------------------------------------------ */
/* Cell text                                                           */

static char *
format_hours (double hours)
{
  return shk_format_number (hours);
}

static char *
cell_text (ShkProcessesView *self,
           ShkProcess       *process,
           Column            column)
{
  const ShkRankedProcess *ranked;
  double value;

  switch (column)
    {
    case COLUMN_RANK:
      return g_strdup_printf ("%u", rank_of (self, process));
    case COLUMN_HOURS:
      return format_hours (shk_process_get_hours (process));
    case COLUMN_NAME:
      return g_strdup (shk_process_get_name (process));
    case COLUMN_BUSINESS:
      return g_strdup (shk_process_get_business (process));
    case COLUMN_SECTION:
      return g_strdup (shk_process_get_section (process));
    case COLUMN_UNIT:
      return g_strdup (shk_process_get_unit (process));
    case COLUMN_PRIORITY:
      return g_strdup (shk_priority_get_label (shk_process_get_priority (process)));
    case COLUMN_CATEGORY:
      {
        const char *category = shk_process_get_category (process);
        return g_strdup (category != NULL && *category ? category : _("Unknown"));
      }
    case COLUMN_SOLUTION:
      return g_strdup (shk_process_get_solution (process));
    case COLUMN_REDUCTION:
      if (shk_process_get_expected_reduction (process, &value))
        return format_hours (value);
      return g_strdup ("");
    case COLUMN_CUMULATIVE:
      ranked = ranked_of (self, process);
      return ranked != NULL ? g_strdup_printf ("%.1f%%", ranked->cumulative_share * 100)
                            : g_strdup ("");
    case COLUMN_DEMO:
      return g_strdup (shk_process_get_demo_experiment (process) ? _("Yes") : "");
    case N_COLUMNS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

static gboolean
column_is_editable (Column column)
{
  return column == COLUMN_HOURS || column == COLUMN_NAME ||
         column == COLUMN_REDUCTION;
}

static gboolean
column_is_numeric (Column column)
{
  return column == COLUMN_RANK || column == COLUMN_HOURS ||
         column == COLUMN_REDUCTION || column == COLUMN_CUMULATIVE;
}

/* ------------------------------------------------------------------ */
/* Edits: the core reads, checks and applies                           */

gboolean
shk_processes_view_commit_cell (ShkProcessesView *self,
                                ShkProcess       *process,
                                const char       *column,
                                const char       *text,
                                GError          **error)
{
  g_return_val_if_fail (SHK_IS_PROCESSES_VIEW (self), FALSE);
  g_return_val_if_fail (SHK_IS_PROCESS (process), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  return shk_edit_process_cell (shk_document_get_undo_stack (self->document), process,
                                column, text, error);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static const char *
column_key (Column column)
{
  switch (column)
    {
    case COLUMN_HOURS: return "hours";
    case COLUMN_NAME: return "name";
    case COLUMN_REDUCTION: return "expected-reduction";
    default: return NULL;
    }
}

static void
refresh_cell (GtkListItem *item)
{
  ShkProcessesView *self = g_object_get_data (G_OBJECT (item), "view");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  ShkProcess *process = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (process == NULL || child == NULL)
    return;

  if (column == COLUMN_PRIORITY)
    {
      guint position = (guint) shk_process_get_priority (process);
      g_object_set_data (G_OBJECT (child), "updating", GINT_TO_POINTER (1));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (child), position);
      g_object_set_data (G_OBJECT (child), "updating", NULL);
      return;
    }

  text = cell_text (self, process, column);
  if (GTK_IS_EDITABLE_LABEL (child))
    {
      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (child)))
        gtk_editable_set_text (GTK_EDITABLE (child), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (child), text);

  /* Grouped by section, the section is printed once per group. */
  if (column == COLUMN_SECTION && gtk_toggle_button_get_active (self->group_button))
    {
      guint position = gtk_list_item_get_position (item);
      g_autoptr(ShkProcess) previous = NULL;

      if (position > 0 && position != GTK_INVALID_LIST_POSITION)
        previous = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position - 1);
      if (previous != NULL &&
          g_strcmp0 (shk_process_get_section (previous),
                     shk_process_get_section (process)) == 0)
        gtk_widget_add_css_class (child, "dim-label");
      else
        gtk_widget_remove_css_class (child, "dim-label");
    }
  else if (column == COLUMN_SECTION)
    gtk_widget_remove_css_class (child, "dim-label");
}

static void
on_editing_changed (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    GtkListItem      *item)
{
  ShkProcessesView *self = g_object_get_data (G_OBJECT (item), "view");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  ShkProcess *process = gtk_list_item_get_item (item);
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing (label) || process == NULL)
    return;

  if (shk_processes_view_commit_cell (self, process, column_key (column),
                                      gtk_editable_get_text (GTK_EDITABLE (label)),
                                      &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
      gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
    }
  else
    {
      /* Keep the old value and say why the new one was refused. */
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), error->message);
      gtk_label_set_text (self->message_label, error->message);
      gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
    }
  refresh_cell (item);
}

static void
on_priority_selected (GtkDropDown *drop_down,
                      GParamSpec  *pspec,
                      GtkListItem *item)
{
  ShkProcessesView *self = g_object_get_data (G_OBJECT (item), "view");
  ShkProcess *process = gtk_list_item_get_item (item);
  guint selected;

  if (process == NULL || g_object_get_data (G_OBJECT (drop_down), "updating"))
    return;

  selected = gtk_drop_down_get_selected (drop_down);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= SHK_N_PRIORITIES ||
      selected == (guint) shk_process_get_priority (process))
    return;

  shk_edit_process_priority (shk_document_get_undo_stack (self->document), process,
                             (ShkPriority) selected);
}

static GListModel *
priority_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  /* In ShkPriority order, so the position is the enum value. */
  for (guint p = 0; p < SHK_N_PRIORITIES; p++)
    gtk_string_list_append (labels, shk_priority_get_label ((ShkPriority) p));
  return G_LIST_MODEL (labels);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ShkProcessesView         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child;

  g_object_set_data (G_OBJECT (item), "view", self);
  g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));

  if (column == COLUMN_PRIORITY)
    {
      child = gtk_drop_down_new (priority_labels (), NULL);
      gtk_widget_add_css_class (child, "flat");
      g_signal_connect (child, "notify::selected",
                        G_CALLBACK (on_priority_selected), item);
    }
  else if (column_is_editable (column))
    {
      child = shk_editable_cell_new ();
      g_signal_connect (child, "notify::editing",
                        G_CALLBACK (on_editing_changed), item);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
    }

  if (GTK_IS_LABEL (child) || GTK_IS_EDITABLE_LABEL (child))
    {
      if (column_is_numeric (column))
        {
          gtk_widget_set_halign (child, GTK_ALIGN_END);
          gtk_widget_add_css_class (child, "numeric");
          if (GTK_IS_LABEL (child))
            gtk_label_set_xalign (GTK_LABEL (child), 1.0);
          else
            gtk_editable_set_alignment (GTK_EDITABLE (child), 1.0);
        }
      else if (GTK_IS_LABEL (child))
        gtk_label_set_xalign (GTK_LABEL (child), 0.0);
    }

  gtk_list_item_set_child (item, child);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ShkProcessesView         *self)
{
  ShkProcess *process = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  gulong id;

  /* A cell follows its own process, and the rank columns follow the
   * whole ranking, since editing one process re-ranks the others. */
  id = g_signal_connect_swapped (process, "changed", G_CALLBACK (refresh_cell), item);
  g_object_set_data (G_OBJECT (item), "process-handler", GSIZE_TO_POINTER (id));
  if (column == COLUMN_RANK || column == COLUMN_CUMULATIVE || column == COLUMN_SECTION)
    {
      id = g_signal_connect_swapped (self, "ranking-changed", G_CALLBACK (refresh_cell), item);
      g_object_set_data (G_OBJECT (item), "view-handler", GSIZE_TO_POINTER (id));
    }

  if (column == COLUMN_NAME)
    {
      GtkWidget *child = gtk_list_item_get_child (item);
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", shk_process_get_name (process),
                                                  shk_process_get_business (process));
      gtk_widget_set_tooltip_text (child, tooltip);
    }

  refresh_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ShkProcessesView         *self)
{
  ShkProcess *process = gtk_list_item_get_item (item);
  gulong id;

  id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "process-handler"));
  if (id != 0 && process != NULL)
    g_signal_handler_disconnect (process, id);
  id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "view-handler"));
  if (id != 0)
    g_signal_handler_disconnect (self, id);
}

/* ------------------------------------------------------------------ */
/* Sorting and filtering                                               */

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

static int
compare_processes (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ShkProcess *pa = SHK_PROCESS ((gpointer) a);
  ShkProcess *pb = SHK_PROCESS ((gpointer) b);
  ShkProcessesView *self = g_object_get_data (user_data, "view");
  Column column = GPOINTER_TO_INT (g_object_get_data (user_data, "column"));
  double va = 0, vb = 0;
  gboolean ha, hb;

  switch (column)
    {
    case COLUMN_RANK:
    case COLUMN_CUMULATIVE:
      return compare_double (rank_of (self, pa), rank_of (self, pb));
    case COLUMN_HOURS:
      return compare_double (shk_process_get_hours (pa), shk_process_get_hours (pb));
    case COLUMN_REDUCTION:
      ha = shk_process_get_expected_reduction (pa, &va);
      hb = shk_process_get_expected_reduction (pb, &vb);
      if (ha != hb)
        return ha ? -1 : 1;   /* processes with a figure first */
      return compare_double (va, vb);
    case COLUMN_PRIORITY:
      return compare_double (shk_process_get_priority (pa) == SHK_PRIORITY_UNSET ? 99 : shk_process_get_priority (pa),
                             shk_process_get_priority (pb) == SHK_PRIORITY_UNSET ? 99 : shk_process_get_priority (pb));
    case COLUMN_DEMO:
      return compare_double (shk_process_get_demo_experiment (pb),
                             shk_process_get_demo_experiment (pa));
    default:
      {
        g_autofree char *ta = cell_text (self, pa, column);
        g_autofree char *tb = cell_text (self, pb, column);
        return compare_text (ta, tb);
      }
    }
}

static int
compare_by_rank (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ShkProcessesView *self = user_data;

  return compare_double (rank_of (self, SHK_PROCESS ((gpointer) a)),
                         rank_of (self, SHK_PROCESS ((gpointer) b)));
}

static int
compare_by_group (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ShkProcessesView *self = user_data;
  ShkProcess *pa = SHK_PROCESS ((gpointer) a);
  ShkProcess *pb = SHK_PROCESS ((gpointer) b);
  int result;

  if (!gtk_toggle_button_get_active (self->group_button))
    return 0;

  /* 課・係別: by section, then unit, as the handouts list them. */
  result = compare_text (shk_process_get_section (pa), shk_process_get_section (pb));
  if (result == 0)
    result = compare_text (shk_process_get_unit (pa), shk_process_get_unit (pb));
  return result;
}

static const char *
selected_string (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

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
  ShkProcessesView *self = user_data;
  ShkProcess *process = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint priority = gtk_drop_down_get_selected (self->priority_filter);
  guint category = gtk_drop_down_get_selected (self->category_filter);
  guint section = gtk_drop_down_get_selected (self->section_filter);

  /* Position 0 of every filter is "all". */
  if (priority != 0 && priority != GTK_INVALID_LIST_POSITION &&
      (guint) shk_process_get_priority (process) != priority - 1)
    return FALSE;

  if (category != 0 && category != GTK_INVALID_LIST_POSITION)
    {
      const char *wanted = selected_string (self->category_filter);
      const char *have = shk_process_get_category (process);
      const char * const *known = shk_process_categories ();

      if (category == g_strv_length ((char **) known) + 1)
        {
          if (have != NULL && *have != '\0')
            return FALSE;
        }
      else if (g_strcmp0 (have, wanted) != 0)
        return FALSE;
    }

  if (section != 0 && section != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (shk_process_get_section (process), selected_string (self->section_filter)) != 0)
    return FALSE;

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);

      if (!text_contains (shk_process_get_name (process), needle) &&
          !text_contains (shk_process_get_business (process), needle) &&
          !text_contains (shk_process_get_section (process), needle) &&
          !text_contains (shk_process_get_unit (process), needle) &&
          !text_contains (shk_process_get_solution (process), needle))
        return FALSE;
    }

  return TRUE;
}

static void
on_filter_changed (ShkProcessesView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_group_toggled (ShkProcessesView *self)
{
  gtk_sorter_changed (GTK_SORTER (self->group_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  g_signal_emit (self, signals[RANKING_CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* Totals                                                              */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    numeric,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
fill_breakdown (GtkGrid   *grid,
                GPtrArray *rows,
                const char *first_heading)
{
  const char *headings[] = {
    first_heading, C_("count", "Processes"), _("Hours"), _("Share"), _("Expected reduction"),
  };

  clear_grid (grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (grid, grid_label (headings[c], c > 0, TRUE), c, 0, 1, 1);

  for (guint r = 0; r < rows->len; r++)
    {
      ShkBreakdownRow *row = g_ptr_array_index (rows, r);
      g_autofree char *count = g_strdup_printf ("%u", row->count);
      g_autofree char *hours = shk_format_number (row->hours);
      g_autofree char *share = g_strdup_printf ("%.1f%%", row->share * 100);
      g_autofree char *reduction = row->expected_reduction > 0
        ? shk_format_number (row->expected_reduction) : g_strdup ("");
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

      gtk_grid_attach (grid, grid_label (row->label, FALSE, FALSE), 0, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (count, TRUE, FALSE), 1, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (hours, TRUE, FALSE), 2, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (share, TRUE, FALSE), 3, 2 * r + 1, 1, 1);
      gtk_grid_attach (grid, grid_label (reduction, TRUE, FALSE), 4, 2 * r + 1, 1, 1);

      /* The share as a bar under its row: the breakdown's chart. */
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), row->share);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_margin_bottom (bar, 4);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, row->label, -1);
      gtk_grid_attach (grid, bar, 0, 2 * r + 2, 5, 1);
    }
}

/* The breakdown charts draw the view's current ranking; the export gets
 * the same pixels at its own size and style. */
static void
draw_breakdown (ShkProcessesView *self,
                ShkBreakdownKind  by,
                cairo_t          *cr,
                double            width,
                double            height,
                ShkChartStyle     style)
{
  ShkBreakdownChart chart = { style, NULL, self->ranking, by };

  shk_breakdown_chart_draw (cr, width, height, &chart);
}

static void
draw_priority_chart (cairo_t       *cr,
                     double         width,
                     double         height,
                     ShkChartStyle  style,
                     gpointer       user_data)
{
  draw_breakdown (user_data, SHK_BREAKDOWN_BY_PRIORITY, cr, width, height, style);
}

static void
draw_category_chart (cairo_t       *cr,
                     double         width,
                     double         height,
                     ShkChartStyle  style,
                     gpointer       user_data)
{
  draw_breakdown (user_data, SHK_BREAKDOWN_BY_CATEGORY, cr, width, height, style);
}

static void
update_breakdown_chart (ShkProcessesView *self,
                        ShkChartView     *view,
                        ShkBreakdownKind  by)
{
  ShkBreakdownChart chart = { SHK_CHART_STYLE_LIGHT, NULL, self->ranking, by };
  g_autofree char *description = shk_breakdown_chart_describe (&chart);

  shk_chart_view_set_description (view, description);
  shk_chart_view_redraw (view);
}

static void
update_breakdown_charts (ShkProcessesView *self)
{
  update_breakdown_chart (self, self->priority_chart, SHK_BREAKDOWN_BY_PRIORITY);
  update_breakdown_chart (self, self->category_chart, SHK_BREAKDOWN_BY_CATEGORY);
}

/* Each chart sits in a scrolled window that never scrolls, so that it
 * takes the panel's width instead of asking for a slide's (see the .ui
 * file). That window would still take the mouse wheel over the chart;
 * give it back to the panel. */
static void
pass_scrolling_on (ShkChartView *chart)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GListModel) controllers = NULL;

  if (scrolled == NULL)
    return;

  controllers = gtk_widget_observe_controllers (scrolled);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

static void
update_totals (ShkProcessesView *self)
{
  g_autoptr(GPtrArray) priorities = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *total = NULL;
  g_autofree char *remainder = NULL;
  g_autofree char *text = NULL;

  if (self->ranking == NULL)
    {
      gtk_label_set_text (self->totals_label, "");
      clear_grid (self->priority_grid);
      clear_grid (self->category_grid);
      update_breakdown_charts (self);
      return;
    }

  listed = shk_format_number (self->ranking->listed_hours);
  total = shk_format_number (self->ranking->total_hours);
  remainder = shk_format_number (self->ranking->remainder_hours);
  text = g_strdup_printf (_("%u processes listed: %s of %s hours a year (%.1f%%). "
                            "Not listed: %u processes, %s hours."),
                          self->ranking->n_processes, listed, total,
                          self->ranking->listed_share * 100,
                          self->ranking->remainder_processes, remainder);
  gtk_label_set_text (self->totals_label, text);

  priorities = shk_ranking_breakdown_by_priority (self->ranking);
  categories = shk_ranking_breakdown_by_category (self->ranking);
  fill_breakdown (self->priority_grid, priorities, _("Priority class"));
  fill_breakdown (self->category_grid, categories, _("Category"));
  update_breakdown_charts (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return compare_text (*(const char * const *) a, *(const char * const *) b);
}

static void
update_sections (ShkProcessesView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *selected = g_strdup (selected_string (self->section_filter));
  GListModel *processes;
  guint n, current = 0;
  gboolean same;

  if (self->survey != NULL)
    {
      processes = shk_survey_get_processes (self->survey);
      n = g_list_model_get_n_items (processes);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShkProcess) process = g_list_model_get_item (processes, i);
          const char *section = shk_process_get_section (process);
          gboolean seen = FALSE;

          for (guint j = 0; j < names->len && !seen; j++)
            seen = g_str_equal (g_ptr_array_index (names, j), section);
          if (!seen && *section != '\0')
            g_ptr_array_add (names, g_strdup (section));
        }
      g_ptr_array_sort (names, compare_names);
    }

  /* Rebuilding the list resets the drop-down; only do it when the set of
   * sections really changed, and keep the choice. */
  same = g_list_model_get_n_items (G_LIST_MODEL (self->sections)) == names->len + 1;
  for (guint i = 0; same && i < names->len; i++)
    same = g_str_equal (gtk_string_list_get_string (self->sections, i + 1),
                        g_ptr_array_index (names, i));
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->sections, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sections)) - 1,
                          (const char * const *) names->pdata);
  for (guint i = 0; selected != NULL && i + 1 < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), selected))
      current = i + 1;
  gtk_drop_down_set_selected (self->section_filter, current);
}

static void
shk_processes_view_refresh (ShkProcessesView *self)
{
  g_clear_pointer (&self->ranking, shk_ranking_free);
  g_hash_table_remove_all (self->ranks);

  if (self->survey != NULL)
    {
      self->ranking = shk_ranking_new (self->survey);
      for (guint i = 0; i < self->ranking->n_processes; i++)
        g_hash_table_insert (self->ranks, self->ranking->processes[i].process,
                             GUINT_TO_POINTER (self->ranking->processes[i].rank));
    }

  shk_pareto_view_set_ranking (self->pareto, self->ranking);
  update_totals (self);
  update_sections (self);

  /* Ranks moved: re-sort, and let the rank cells redraw. */
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sort_model),
                      GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_signal_emit (self, signals[RANKING_CHANGED], 0);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ShkProcessesView *self = user_data;

  self->refresh_idle = 0;
  shk_processes_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_survey_changed (ShkProcessesView *self)
{
  /* Many changes in one go (an undo group, a paste) redraw once. But the
   * ranking must never lag behind what the user just typed, so the idle
   * runs before the next frame. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

/* ------------------------------------------------------------------ */
/* Selection, chart and scenario                                       */

static GPtrArray *
selected_processes (ShkProcessesView *self)
{
  GPtrArray *processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok; ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (processes, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return processes;
}

static void
on_selection_changed (ShkProcessesView *self)
{
  g_autoptr(GPtrArray) processes = selected_processes (self);
  double hours = 0, reduction = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "processes.create-scenario",
                                 processes->len > 0);

  if (processes->len == 0)
    {
      gtk_label_set_text (self->selection_label, "");
      shk_pareto_view_set_highlight (self->pareto, 0);
      return;
    }

  for (guint i = 0; i < processes->len; i++)
    {
      ShkProcess *process = g_ptr_array_index (processes, i);
      double value;

      hours += shk_process_get_hours (process);
      if (shk_process_get_expected_reduction (process, &value))
        reduction += value;
    }

  {
    g_autofree char *h = shk_format_number (hours);
    g_autofree char *r = shk_format_number (reduction);
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u process selected: %s hours, expected reduction %s hours",
                                    "%u processes selected: %s hours, expected reduction %s hours",
                                    processes->len),
                       processes->len, h, r);
    gtk_label_set_text (self->selection_label, text);
  }

  shk_pareto_view_set_highlight (self->pareto,
                                 rank_of (self, g_ptr_array_index (processes, 0)));
}

static void
on_bar_activated (ShkParetoView    *pareto,
                  guint             rank,
                  ShkProcessesView *self)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (rows);

  if (self->ranking == NULL || rank == 0 || rank > self->ranking->n_processes)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (rows, i);

      if (rank_of (self, process) == rank)
        {
          GtkAdjustment *adjustment =
            gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          /* GTK 4.8 has no scroll-to for column views; rows are of equal
           * height, so the row's share of the whole height finds it. */
          if (adjustment != NULL && n > 0)
            {
              double upper = gtk_adjustment_get_upper (adjustment);
              double page = gtk_adjustment_get_page_size (adjustment);
              double row = upper / n;

              gtk_adjustment_set_value (adjustment,
                                        CLAMP (row * i - page / 2 + row / 2, 0, upper - page));
            }
          return;
        }
    }

  /* Filtered out: say so rather than selecting nothing silently. */
  gtk_label_set_text (self->message_label,
                      _("That process is hidden by the filters; clear them to see its row."));
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
on_threshold_changed (ShkProcessesView *self)
{
  shk_pareto_view_set_threshold (self->pareto,
                                 gtk_spin_button_get_value (self->threshold_spin) / 100.0);
}

/* Years for a new scenario: those of the plan's first scenario, so that
 * comparisons line up; else eight years from the reporting year. */
static GStrv
scenario_years (ShkPlan *plan)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = shk_plan_get_reporting_year (plan);

  if (g_list_model_get_n_items (scenarios) > 0)
    {
      g_autoptr(ShkScenario) first = g_list_model_get_item (scenarios, 0);
      return g_strdupv ((char **) shk_scenario_get_years (first));
    }

  if (start != NULL && start[0] == 'R' && g_ascii_isdigit (start[1]))
    {
      guint64 year = g_ascii_strtoull (start + 1, NULL, 10);

      for (guint i = 0; i < 8; i++)
        {
          g_autofree char *id = g_strdup_printf ("R%" G_GUINT64_FORMAT, year + i);
          g_strv_builder_add (builder, id);
        }
    }
  else
    for (guint i = 0; i < 8; i++)
      {
        g_autofree char *id = g_strdup_printf ("%u", i + 1);
        g_strv_builder_add (builder, id);
      }

  return g_strv_builder_end (builder);
}

static void
create_scenario (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShkProcessesView *self = SHK_PROCESSES_VIEW (widget);
  g_autoptr(GPtrArray) processes = selected_processes (self);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;
  g_auto(GStrv) years = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr(ShkScenario) scenario = NULL;
  ShkPlan *plan;
  GListModel *scenarios;

  if (self->document == NULL || processes->len == 0)
    return;

  plan = shk_document_get_plan (self->document);
  scenarios = shk_plan_get_scenarios (plan);

  for (guint i = 0; i < processes->len; i++)
    g_strv_builder_add (ids, shk_process_get_id (g_ptr_array_index (processes, i)));
  id_list = g_strv_builder_end (ids);

  if (processes->len == 1)
    name = g_strdup_printf (_("Introduction for “%s”"),
                            shk_process_get_name (g_ptr_array_index (processes, 0)));
  else
    name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Introduction for “%s” and %u more process",
                                         "Introduction for “%s” and %u more processes",
                                         processes->len - 1),
                            shk_process_get_name (g_ptr_array_index (processes, 0)),
                            processes->len - 1);

  scenario = shk_scenario_new (name);
  years = scenario_years (plan);
  shk_scenario_set_years (scenario, (const char * const *) years);
  shk_scenario_set_process_ids (scenario, (const char * const *) id_list);
  /* Hours saved stay unset: they follow the processes' expected
   * reductions. The labour rate is the plan's usual one. */
  shk_scenario_unset_hours_saved (scenario);
  shk_scenario_set_savings_start (scenario, MIN (1, g_strv_length (years) - 1));
  if (g_list_model_get_n_items (scenarios) > 0)
    {
      g_autoptr(ShkScenario) first = g_list_model_get_item (scenarios, 0);
      shk_scenario_set_hourly_rate (scenario, shk_scenario_get_hourly_rate (first));
    }

  label = g_strdup_printf (_("Created scenario “%s”"), name);
  shk_edit_insert_scenario (shk_document_get_undo_stack (self->document), plan,
                            g_list_model_get_n_items (scenarios), scenario, label);
  gtk_widget_activate_action (widget, "win.toast-undo", "s", label);
}

static void
focus_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShkProcessesView *self = SHK_PROCESSES_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------ */
/* Columns                                                             */

static void
add_column (ShkProcessesView *self,
            Column            column,
            const char       *title,
            gboolean          expand,
            int               fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkCustomSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);

  sorter = gtk_custom_sorter_new (compare_processes, view_column, NULL);
  g_object_set_data (G_OBJECT (view_column), "view", self);
  g_object_set_data (G_OBJECT (view_column), "column", GINT_TO_POINTER (column));
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  g_object_unref (sorter);

  gtk_column_view_append_column (self->column_view, view_column);
}

static void
add_columns (ShkProcessesView *self)
{
  add_column (self, COLUMN_RANK, C_("rank", "No."), FALSE, 56);
  add_column (self, COLUMN_HOURS, _("Hours/Year"), FALSE, 100);
  add_column (self, COLUMN_NAME, _("Process"), TRUE, 240);
  add_column (self, COLUMN_BUSINESS, _("Business"), FALSE, 180);
  add_column (self, COLUMN_SECTION, _("Section"), FALSE, 150);
  add_column (self, COLUMN_UNIT, _("Work Unit"), FALSE, 110);
  add_column (self, COLUMN_PRIORITY, _("Priority"), FALSE, 150);
  add_column (self, COLUMN_CATEGORY, _("Category"), FALSE, 150);
  add_column (self, COLUMN_SOLUTION, _("Solution"), FALSE, 160);
  add_column (self, COLUMN_REDUCTION, _("Expected Reduction"), FALSE, 110);
  add_column (self, COLUMN_CUMULATIVE, _("Cumulative"), FALSE, 90);
  add_column (self, COLUMN_DEMO, _("Trial"), FALSE, 60);
}

static GListModel *
filter_labels (const char        *all,
               const char * const *items,
               const char        *last)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    gtk_string_list_append (list, items[i]);
  if (last != NULL)
    gtk_string_list_append (list, last);
  return G_LIST_MODEL (list);
}

static void
setup_filters (ShkProcessesView *self)
{
  g_autoptr(GStrvBuilder) priorities = g_strv_builder_new ();
  g_auto(GStrv) priority_list = NULL;
  g_autoptr(GListModel) priority_model = NULL;
  g_autoptr(GListModel) category_model = NULL;

  for (guint p = 0; p < SHK_N_PRIORITIES; p++)
    g_strv_builder_add (priorities, shk_priority_get_label ((ShkPriority) p));
  priority_list = g_strv_builder_end (priorities);

  priority_model = filter_labels (_("All Priorities"), (const char * const *) priority_list, NULL);
  category_model = filter_labels (_("All Categories"), shk_process_categories (), _("Unknown"));
  self->sections = gtk_string_list_new ((const char * const []) { _("All Sections"), NULL });

  gtk_drop_down_set_model (self->priority_filter, priority_model);
  gtk_drop_down_set_model (self->category_filter, category_model);
  gtk_drop_down_set_model (self->section_filter, G_LIST_MODEL (self->sections));

  g_signal_connect_swapped (self->priority_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->category_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->section_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed), self);
}

static void
setup_models (ShkProcessesView *self)
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

  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (on_selection_changed), self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_processes_view_dispose (GObject *object)
{
  ShkProcessesView *self = SHK_PROCESSES_VIEW (object);

  shk_processes_view_set_document (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  /* The charts may outlive the view by a frame; they must not draw it. */
  if (self->priority_chart != NULL)
    shk_chart_view_set_draw_func (self->priority_chart, NULL, NULL, NULL);
  if (self->category_chart != NULL)
    shk_chart_view_set_draw_func (self->category_chart, NULL, NULL, NULL);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->group_sorter);
  g_clear_object (&self->sections);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_PROCESSES_VIEW);

  G_OBJECT_CLASS (shk_processes_view_parent_class)->dispose (object);
}

static void
shk_processes_view_finalize (GObject *object)
{
  ShkProcessesView *self = SHK_PROCESSES_VIEW (object);

  g_clear_pointer (&self->ranking, shk_ranking_free);
  g_clear_pointer (&self->ranks, g_hash_table_unref);

  G_OBJECT_CLASS (shk_processes_view_parent_class)->finalize (object);
}

static void
shk_processes_view_class_init (ShkProcessesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_processes_view_dispose;
  object_class->finalize = shk_processes_view_finalize;

  /* Emitted after the ranking was recomputed; the rank cells listen. */
  signals[RANKING_CHANGED] =
    g_signal_new ("ranking-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-processes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, paned);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, pareto);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, priority_filter);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, section_filter);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, group_button);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, totals_label);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, priority_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, category_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, priority_chart);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, category_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_group_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_activated);

  gtk_widget_class_install_action (widget_class, "processes.create-scenario", NULL, create_scenario);
  gtk_widget_class_install_action (widget_class, "processes.find", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK, "processes.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "processes.create-scenario", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "processesview");

  g_type_ensure (SHK_TYPE_PARETO_VIEW);
  g_type_ensure (SHK_TYPE_CHART_VIEW);
}

static void
shk_processes_view_init (ShkProcessesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ranks = g_hash_table_new (NULL, NULL);
  shk_chart_view_set_draw_func (self->priority_chart, draw_priority_chart, self, NULL);
  shk_chart_view_set_draw_func (self->category_chart, draw_category_chart, self, NULL);
  /* TRANSLATORS: the suggested file names of exported breakdown charts. */
  shk_chart_view_set_export_name (self->priority_chart, _("hours-per-priority-class"));
  shk_chart_view_set_export_name (self->category_chart, _("hours-per-category"));
  pass_scrolling_on (self->priority_chart);
  pass_scrolling_on (self->category_chart);
  add_columns (self);
  setup_filters (self);
  setup_models (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "processes.create-scenario", FALSE);
}

GtkWidget *
shk_processes_view_new (void)
{
  return g_object_new (SHK_TYPE_PROCESSES_VIEW, NULL);
}

void
shk_processes_view_set_document (ShkProcessesView *self,
                                 ShkDocument      *document)
{
  g_return_if_fail (SHK_IS_PROCESSES_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->survey != NULL)
    g_clear_signal_handler (&self->survey_changed_id, self->survey);
  self->survey = NULL;
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->survey = shk_plan_get_survey (shk_document_get_plan (document));
      self->survey_changed_id =
        g_signal_connect_swapped (self->survey, "changed",
                                  G_CALLBACK (on_survey_changed), self);
    }

  if (self->filter_model != NULL)
    gtk_filter_list_model_set_model (self->filter_model,
                                     self->survey != NULL ? shk_survey_get_processes (self->survey)
                                                          : NULL);
  shk_processes_view_refresh (self);
}

const ShkRanking *
shk_processes_view_get_ranking (ShkProcessesView *self)
{
  g_return_val_if_fail (SHK_IS_PROCESSES_VIEW (self), NULL);

  /* A pending refresh would give a stale answer. */
  if (self->refresh_idle != 0)
    {
      g_clear_handle_id (&self->refresh_idle, g_source_remove);
      shk_processes_view_refresh (self);
    }
  return self->ranking;
}

GListModel *
shk_processes_view_get_rows (ShkProcessesView *self)
{
  g_return_val_if_fail (SHK_IS_PROCESSES_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
shk_processes_view_set_search (ShkProcessesView *self,
                               const char       *text)
{
  g_return_if_fail (SHK_IS_PROCESSES_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* The entry reports changes after a delay; filter now. */
  on_filter_changed (self);
}

void
shk_processes_view_set_priority_filter (ShkProcessesView *self,
                                        int               priority)
{
  g_return_if_fail (SHK_IS_PROCESSES_VIEW (self));
  g_return_if_fail (priority < SHK_N_PRIORITIES);

  gtk_drop_down_set_selected (self->priority_filter, priority < 0 ? 0 : (guint) priority + 1);
}

void
shk_processes_view_set_grouped (ShkProcessesView *self,
                                gboolean          grouped)
{
  g_return_if_fail (SHK_IS_PROCESSES_VIEW (self));

  gtk_toggle_button_set_active (self->group_button, grouped);
}
