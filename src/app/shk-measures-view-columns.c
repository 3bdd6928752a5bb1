/* shk-measures-view-columns.c — the measures table's columns and cells
 *
 * The year, rate and grade columns built from the plan's fiscal years and
 * evaluations (rebuilt when those change), and the cells their factories
 * set up, which commit their edits through the view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-frozen-cell.h"
#include "shk-grade-cell.h"
#include "shk-measure-cell.h"
#include "shk-measure-column.h"
#include "shk-measures-view-private.h"
#include "shk-rules.h"


/* ------------------------------------------------------------------ */
/* Cells                                                               */

static void
on_value_edited (ShkMeasureCell  *cell,
                 guint            line,
                 const char      *text,
                 ShkMeasuresView *self)
{
  ShkMeasureColumn *column = NULL;
  ShkMeasure *measure = shk_measure_cell_get_measure (cell);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (measure == NULL || self->document == NULL)
    return;

  g_object_get (cell, "column", &column, NULL);
  name = g_strdup_printf ("%s:%s:%u",
                          shk_measure_column_get_kind (column) == SHK_MEASURE_COLUMN_TARGET ? "target" : "actual",
                          shk_measure_column_get_key (column), line + 1);
  g_object_unref (column);
  shk_measures_view_commit_cell (self, measure, name, text, &error);
  shk_measure_cell_set_refusal (cell, line, error != NULL ? error->message : NULL);
}

static void
on_grade_chosen (ShkGradeCell    *cell,
                 const char      *choice,
                 ShkMeasuresView *self)
{
  ShkEvaluation *evaluation = shk_grade_cell_get_evaluation (cell);
  ShkMeasure *measure = shk_grade_cell_get_measure (cell);
  const char *id;

  if (measure == NULL || evaluation == NULL || self->document == NULL)
    return;

  id = shk_evaluation_get_id (evaluation);
  if (g_str_equal (choice, "computed"))
    shk_edit_manual_grade_keep_reason (shk_measures_view_undo_stack (self), measure, id, FALSE, SHK_GRADE_NONE);
  else
    for (guint g = 0; g < SHK_N_GRADES; g++)
      if (g_str_equal (choice, shk_grade_to_key ((ShkGrade) g)))
        shk_edit_manual_grade_keep_reason (shk_measures_view_undo_stack (self), measure, id, TRUE, (ShkGrade) g);
  shk_measures_view_hide_message (self);
}

/* What a column's factory needs to set up a cell. */
typedef struct
{
  ShkMeasuresView     *view;     /* unowned: the view owns its columns */
  ShkMeasureColumn    *column;
  GtkColumnViewColumn *view_column;   /* unowned: it owns the factory */
  GPtrArray           *waiting;  /* GtkListItem, weak: set up while hidden */
  gulong               shown_id;
} CellSetup;

static void
on_waiting_item_gone (gpointer  data,
                      GObject  *item)
{
  CellSetup *setup = data;

  g_ptr_array_remove_fast (setup->waiting, item);
}

static void
cell_setup_free (gpointer data,
                 GClosure *closure)
{
  CellSetup *setup = data;

  for (guint i = 0; i < setup->waiting->len; i++)
    g_object_weak_unref (g_ptr_array_index (setup->waiting, i), on_waiting_item_gone, setup);
  g_ptr_array_unref (setup->waiting);
  g_clear_signal_handler (&setup->shown_id, setup->column);
  g_object_unref (setup->column);
  g_free (setup);
}

/* A cell shows its list item's measure through a binding: the factory
 * needs no bind and unbind handlers, the cell follows its measure. */
static void
fill_item (CellSetup   *setup,
           GtkListItem *item)
{
  GtkWidget *cell;

  if (shk_measure_column_get_kind (setup->column) == SHK_MEASURE_COLUMN_GRADE)
    {
      cell = shk_grade_cell_new (setup->column);
      g_signal_connect (cell, "grade-chosen", G_CALLBACK (on_grade_chosen), setup->view);
    }
  else
    {
      cell = shk_measure_cell_new (setup->column);
      g_signal_connect (cell, "value-edited", G_CALLBACK (on_value_edited), setup->view);
    }
  g_object_bind_property (item, "item", cell, "measure", G_BINDING_SYNC_CREATE);
  /* No. and the measure stay in sight while the figures scroll. */
  if (shk_measures_view_is_frozen_column (shk_measure_column_get_kind (setup->column)))
    cell = shk_frozen_cell_new (cell, gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (setup->view->column_view)));
  gtk_list_item_set_child (item, cell);
  /* The cursor, not the row, takes the clicks and the focus. */
  gtk_list_item_set_activatable (item, FALSE);
  shk_sheet_cursor_track_item (setup->view->cursor, setup->view_column, item);
}

/* GTK 4.8 sets up every column's cells, hidden or not: a hidden year's
 * cells (editable lines, the costliest of the table) wait, empty, until
 * the year is shown. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellSetup                *setup)
{
  if (shk_measure_column_get_shown (setup->column))
    fill_item (setup, item);
  else
    {
      gtk_list_item_set_activatable (item, FALSE);
      g_ptr_array_add (setup->waiting, item);
      g_object_weak_ref (G_OBJECT (item), on_waiting_item_gone, setup);
    }
}

static void
on_column_shown (ShkMeasureColumn *column,
                 GParamSpec       *pspec,
                 CellSetup        *setup)
{
  g_autoptr(GPtrArray) waiting = NULL;

  if (!shk_measure_column_get_shown (column))
    return;
  waiting = g_steal_pointer (&setup->waiting);
  setup->waiting = g_ptr_array_new ();
  for (guint i = 0; i < waiting->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (waiting, i);

      g_object_weak_unref (G_OBJECT (item), on_waiting_item_gone, setup);
      fill_item (setup, item);
    }
}


/* ------------------------------------------------------------------ */
/* Columns                                                             */

static void
add_column (ShkMeasuresView      *self,
            ShkMeasureColumnKind  kind,
            const char           *key,
            const char           *title,
            gboolean              expand,
            int                   fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  ShkMeasureColumn *info = shk_measure_column_new (kind, key);
  CellSetup *setup = g_new0 (CellSetup, 1);
  GtkCustomSorter *sorter;

  shk_measure_column_set_plan (info, self->plan);
  shk_measure_column_set_title (info, title);
  /* Hidden before it joins the table, so that no row builds its cells. */
  if (kind == SHK_MEASURE_COLUMN_TARGET || kind == SHK_MEASURE_COLUMN_ACTUAL)
    shk_measure_column_set_shown (info, shk_measures_view_year_is_shown (self, key));
  setup->view = self;
  setup->column = g_object_ref (info);
  setup->waiting = g_ptr_array_new ();
  setup->shown_id = g_signal_connect (info, "notify::shown", G_CALLBACK (on_column_shown), setup);
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), setup, cell_setup_free, 0);

  column = gtk_column_view_column_new (title, factory);
  setup->view_column = column;
  gtk_column_view_column_set_visible (column, shk_measure_column_get_shown (info));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);

  sorter = gtk_custom_sorter_new (shk_measure_column_compare, g_object_ref (info), g_object_unref);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);

  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->columns, info);
}

/* What the columns depend on: years, evaluations, reporting and final
 * year. Columns are rebuilt only when this changes. */
char *
shk_measures_view_dup_structure (ShkMeasuresView *self)
{
  GString *structure = g_string_new (NULL);
  GListModel *list;

  if (self->plan == NULL)
    return g_string_free (structure, FALSE);

  list = shk_plan_get_fiscal_years (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (list, i);
      g_string_append_printf (structure, "%s\x1f", shk_fiscal_year_get_id (year));
    }
  g_string_append_c (structure, '\x1e');
  list = shk_plan_get_evaluations (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (list, i);
      g_string_append_printf (structure, "%s\x1f", shk_evaluation_get_id (evaluation));
    }
  g_string_append_printf (structure, "\x1e%s\x1e%s", shk_measures_view_reporting_year (self), shk_measures_view_final_year (self));
  return g_string_free (structure, FALSE);
}

void
shk_measures_view_remove_columns (ShkMeasuresView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
  g_ptr_array_set_size (self->columns, 0);
}

void
shk_measures_view_build_columns (ShkMeasuresView *self)
{
  GListModel *list;
  g_autofree char *title = NULL;

  shk_measures_view_remove_columns (self);
  if (self->plan == NULL)
    return;

  /* No. and the measure first, then the figures: the year being
   * reported sits beside the measure's name without scrolling. */
  add_column (self, SHK_MEASURE_COLUMN_NUMBER, NULL, C_("measure number", "No."), FALSE, 52);
  add_column (self, SHK_MEASURE_COLUMN_NAME, NULL, _("Measure"), TRUE, 220);

  list = shk_plan_get_fiscal_years (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (list, i);
      const char *id = shk_fiscal_year_get_id (year);

      g_autofree char *target = g_strdup_printf (_("%s Target"), id);
      g_autofree char *actual = g_strdup_printf (_("%s Actual"), id);

      add_column (self, SHK_MEASURE_COLUMN_TARGET, id, target, FALSE, 96);
      add_column (self, SHK_MEASURE_COLUMN_ACTUAL, id, actual, FALSE, 96);
    }

  title = g_strdup_printf (_("%s Progress"), shk_measures_view_reporting_year (self));
  add_column (self, SHK_MEASURE_COLUMN_PROGRESS, NULL, title, FALSE, 92);
  g_free (title);
  title = g_strdup_printf (_("%s/%s Achievement"), shk_measures_view_reporting_year (self), shk_measures_view_final_year (self));
  add_column (self, SHK_MEASURE_COLUMN_ACHIEVEMENT, NULL, title, FALSE, 140);

  list = shk_plan_get_evaluations (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (list, i);

      add_column (self, SHK_MEASURE_COLUMN_GRADE, shk_evaluation_get_id (evaluation),
                  shk_evaluation_get_id (evaluation), FALSE, 92);
    }

  add_column (self, SHK_MEASURE_COLUMN_INDICATOR, NULL, _("Indicator"), FALSE, 200);
  add_column (self, SHK_MEASURE_COLUMN_UNIT, NULL, _("Unit"), FALSE, 64);
  add_column (self, SHK_MEASURE_COLUMN_POLICY, NULL, _("Policy"), FALSE, 56);
  add_column (self, SHK_MEASURE_COLUMN_SECTION, NULL, _("Section"), FALSE, 130);
  shk_measures_view_build_year_menu (self);
  shk_measures_view_show_years (self);
  shk_measures_view_build_frozen_header (self);
}
