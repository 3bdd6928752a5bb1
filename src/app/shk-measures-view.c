/* shk-measures-view.c — the plan's measures as an editable table
 *
 * One row per measure. A measure with several indicators (No.43, No.53…)
 * shows them stacked inside its row, one line per indicator in the
 * indicator, unit, value and rate cells, the way the handouts print them:
 * the grade belongs to the measure (its weakest indicator), so one row per
 * indicator would repeat the grades and make counting rows misleading.
 *
 * The year and grade columns are built from the plan's fiscal years and
 * evaluations, and rebuilt when those change. Cells follow their own
 * measure's "changed" signal at once. An edit of measures (the plan's
 * "measure-changed") only has those measures filtered and placed again,
 * through ShkMeasureRows; anything else that changed in the plan (the
 * thresholds behind every grade, years, evaluations) refreshes every
 * column, filter and sort. Both wait for one idle before the next frame,
 * so a grouped undo redraws once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-edit-block.h"
#include "shk-grade-cell.h"
#include "shk-measure-cell.h"
#include "shk-measure-column.h"
#include "shk-measure-detail.h"
#include "shk-measure-filter-bar.h"
#include "shk-measure-rows.h"
#include "shk-measures-view.h"
#include "shk-rules.h"
#include "shk-sheet-cursor.h"

/* Before GTK lays out and draws the frame, like the dashboard. */
#define REFRESH_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)


struct _ShkMeasuresView
{
  GtkWidget           parent_instance;

  ShkDocument        *document;
  ShkPlan            *plan;
  gulong              plan_changed_id;
  gulong              measure_changed_id;
  guint               refresh_idle;
  gboolean            refresh_all;       /* else only changed_measures */
  gboolean            measure_announced; /* "measure-changed" before "changed" */
  GPtrArray          *changed_measures;  /* ShkMeasure, to filter and sort again */
  ShkMeasureRows     *rows;
  char               *structure;        /* what the columns were built for */

  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GPtrArray          *columns;          /* ShkMeasureColumn, as shown */
  ShkSheetCursor     *cursor;
  GSettings          *settings;         /* NULL when the schema is not installed */
  GSimpleActionGroup *year_actions;
  char               *year_mode;        /* "latest", "all" or "chosen" */
  GStrv               chosen_years;
  GArray             *lines;             /* SheetRow: a line of a shown measure */
  gboolean            rows_valid;

  /* template children */
  ShkMeasureFilterBar *filter_bar;
  GtkLabel           *count_label;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkPaned           *paned;
  GtkColumnView      *column_view;
  ShkMeasureDetail   *detail;
  GtkMenuButton      *years_button;
};

/* The sheet's rows are lines: a measure with several indicators has one
 * per indicator, so the cursor walks every value cell. */
typedef struct
{
  guint position;     /* in the shown (filtered, sorted) measures */
  guint line;         /* the indicator */
} SheetRow;

static void shk_measures_view_sheet_init (ShkSheetTableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShkMeasuresView, shk_measures_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SHK_TYPE_SHEET_TABLE, shk_measures_view_sheet_init))


enum {
  PROP_0,
  PROP_SHOW_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void shk_measures_view_refresh (ShkMeasuresView *self);

/* ------------------------------------------------------------------ */
/* Plan look-ups                                                       */

static const char *
reporting_year (ShkMeasuresView *self)
{
  const char *year = self->plan != NULL ? shk_plan_get_reporting_year (self->plan) : NULL;

  return year != NULL ? year : "";
}

static const char *
final_year (ShkMeasuresView *self)
{
  ShkFiscalYear *year = self->plan != NULL ? shk_plan_get_final_year (self->plan) : NULL;

  return year != NULL ? shk_fiscal_year_get_id (year) : "";
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
show_message (ShkMeasuresView *self,
              const char      *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  /* Screen readers hear the refusal, not only see it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
hide_message (ShkMeasuresView *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

static ShkUndoStack *
undo_stack (ShkMeasuresView *self)
{
  return shk_document_get_undo_stack (self->document);
}

static gboolean
commit_grade_text (ShkMeasuresView *self,
                   ShkMeasure      *measure,
                   const char      *evaluation_id,
                   const char      *text,
                   GError         **error)
{
  ShkGrade grade;

  if (shk_plan_find_evaluation (self->plan, evaluation_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The plan has no evaluation “%s”"), evaluation_id);
      return FALSE;
    }

  if (*text == '\0')
    {
      shk_edit_manual_grade_keep_reason (undo_stack (self), measure, evaluation_id, FALSE, SHK_GRADE_NONE);
      return TRUE;
    }

  if (!shk_grade_from_symbol (text, &grade) || grade == SHK_GRADE_NONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No.%u %s grade: “%s” is not a grade; use ◎, ○, △ or －"),
                   shk_measure_get_number (measure), evaluation_id, text);
      return FALSE;
    }

  shk_edit_manual_grade_keep_reason (undo_stack (self), measure, evaluation_id, TRUE, grade);
  return TRUE;
}

static gboolean
commit_value_text (ShkMeasuresView *self,
                   ShkMeasure      *measure,
                   ShkValueKind     kind,
                   const char      *year_id,
                   const char      *indicator_number,
                   const char      *text,
                   GError         **error)
{
  guint n = g_list_model_get_n_items (shk_measure_get_indicators (measure));
  guint64 number = 1;

  if (indicator_number != NULL &&
      (!g_ascii_string_to_unsigned (indicator_number, 10, 1, G_MAXUINT, &number, NULL)))
    number = 0;
  if (number == 0 || number > n)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No.%u has no indicator %s"), shk_measure_get_number (measure),
                   indicator_number != NULL ? indicator_number : "1");
      return FALSE;
    }
  if (shk_plan_find_fiscal_year (self->plan, year_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The plan has no fiscal year “%s”"), year_id);
      return FALSE;
    }

  return shk_edit_indicator_value_text (undo_stack (self), measure, (guint) number - 1,
                                        kind, year_id, text, error);
}

gboolean
shk_measures_view_commit_cell (ShkMeasuresView *self,
                               ShkMeasure      *measure,
                               const char      *column,
                               const char      *text,
                               GError         **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), FALSE);
  g_return_val_if_fail (SHK_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  parts = g_strsplit (column, ":", 3);
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_strv_length (parts) >= 2 && g_str_equal (parts[0], "grade"))
    ok = commit_grade_text (self, measure, parts[1], stripped, &local_error);
  else if (g_strv_length (parts) >= 2 && g_str_equal (parts[0], "target"))
    ok = commit_value_text (self, measure, SHK_VALUE_TARGET, parts[1], parts[2], stripped, &local_error);
  else if (g_strv_length (parts) >= 2 && g_str_equal (parts[0], "actual"))
    ok = commit_value_text (self, measure, SHK_VALUE_ACTUAL, parts[1], parts[2], stripped, &local_error);
  else
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The measures table has no editable column “%s”"), column);

  if (ok)
    hide_message (self);
  else
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

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
    shk_edit_manual_grade_keep_reason (undo_stack (self), measure, id, FALSE, SHK_GRADE_NONE);
  else
    for (guint g = 0; g < SHK_N_GRADES; g++)
      if (g_str_equal (choice, shk_grade_to_key ((ShkGrade) g)))
        shk_edit_manual_grade_keep_reason (undo_stack (self), measure, id, TRUE, (ShkGrade) g);
  hide_message (self);
}

/* What a column's factory needs to set up a cell. */
typedef struct
{
  ShkMeasuresView     *view;     /* unowned: the view owns its columns */
  ShkMeasureColumn    *column;
  GtkColumnViewColumn *view_column;   /* unowned: it owns the factory */
} CellSetup;

static void
cell_setup_free (gpointer data,
                 GClosure *closure)
{
  CellSetup *setup = data;

  g_object_unref (setup->column);
  g_free (setup);
}

/* A cell shows its list item's measure through a binding: the factory
 * needs no bind and unbind handlers, the cell follows its measure. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellSetup                *setup)
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
  gtk_list_item_set_child (item, cell);
  g_object_bind_property (item, "item", cell, "measure", G_BINDING_SYNC_CREATE);
  /* The cursor, not the row, takes the clicks and the focus. */
  gtk_list_item_set_activatable (item, FALSE);
  shk_sheet_cursor_track_item (setup->view->cursor, setup->view_column, item);
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */

/* The natural order, under any column sort: the measure number. */
static int
compare_by_number (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint na = shk_measure_get_number (SHK_MEASURE ((gpointer) a));
  guint nb = shk_measure_get_number (SHK_MEASURE ((gpointer) b));

  return (na > nb) - (na < nb);
}

/* ------------------------------------------------------------------ */
/* Filtering                                                           */

static void
update_count (ShkMeasuresView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = self->plan != NULL ? g_list_model_get_n_items (shk_plan_get_measures (self->plan)) : 0;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", total), total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u measure shown",
                                         "%u of %u measures shown", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
}

/* ------------------------------------------------------------------ */
/* Years shown                                                         */

/* "latest" is the reporting year and the years after it (R2 and R3 of
 * the current evaluation): the figures the committee is asked about. */
static gboolean
year_is_shown (ShkMeasuresView *self,
               const char      *year_id)
{
  GListModel *years = shk_plan_get_fiscal_years (self->plan);
  const char *reporting = reporting_year (self);
  guint n = g_list_model_get_n_items (years);
  int year_index = -1, reporting_index = (int) n - 1;

  if (g_strcmp0 (self->year_mode, "all") == 0)
    return TRUE;
  if (g_strcmp0 (self->year_mode, "chosen") == 0 && self->chosen_years != NULL &&
      self->chosen_years[0] != NULL)
    return g_strv_contains ((const char * const *) self->chosen_years, year_id);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      if (g_str_equal (shk_fiscal_year_get_id (year), year_id))
        year_index = (int) i;
      if (g_str_equal (shk_fiscal_year_get_id (year), reporting))
        reporting_index = (int) i;
    }
  return year_index >= reporting_index;
}

static void
show_years (ShkMeasuresView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  if (self->plan == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (columns) && i < self->columns->len; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      ShkMeasureColumn *info = g_ptr_array_index (self->columns, i);
      ShkMeasureColumnKind kind = shk_measure_column_get_kind (info);

      if (kind == SHK_MEASURE_COLUMN_TARGET || kind == SHK_MEASURE_COLUMN_ACTUAL)
        gtk_column_view_column_set_visible (column, year_is_shown (self, shk_measure_column_get_key (info)));
    }
  self->rows_valid = FALSE;
}

static void
sync_year_actions (ShkMeasuresView *self)
{
  GListModel *years = self->plan != NULL ? shk_plan_get_fiscal_years (self->plan) : NULL;
  GAction *mode = g_action_map_lookup_action (G_ACTION_MAP (self->year_actions), "mode");

  g_simple_action_set_state (G_SIMPLE_ACTION (mode), g_variant_new_string (self->year_mode));
  for (guint i = 0; years != NULL && i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autofree char *name = g_strdup_printf ("year-%u", i);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->year_actions), name);

      if (action != NULL)
        g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                   g_variant_new_boolean (year_is_shown (self, shk_fiscal_year_get_id (year))));
    }
}

void
shk_measures_view_set_years_shown (ShkMeasuresView    *self,
                                   const char         *mode,
                                   const char * const *chosen)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));
  g_return_if_fail (g_strv_contains ((const char *[]) { "latest", "all", "chosen", NULL }, mode));

  g_free (self->year_mode);
  self->year_mode = g_strdup (mode);
  if (chosen != NULL)
    {
      g_strfreev (self->chosen_years);
      self->chosen_years = g_strdupv ((char **) chosen);
    }
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "measure-years", self->year_mode);
      g_settings_set_strv (self->settings, "measure-chosen-years",
                           (const char * const *) self->chosen_years);
    }
  show_years (self);
  sync_year_actions (self);
}

static void
on_year_mode (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  shk_measures_view_set_years_shown (data, g_variant_get_string (parameter, NULL), NULL);
}

/* Ticking a year chooses years: the ones shown now, with it or without. */
static void
on_year_toggled (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  ShkMeasuresView *self = data;
  GListModel *years = shk_plan_get_fiscal_years (self->plan);
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  guint64 toggled = 0;

  g_ascii_string_to_unsigned (name + strlen ("year-"), 10, 0, G_MAXUINT, &toggled, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      gboolean shown = year_is_shown (self, shk_fiscal_year_get_id (year));

      if (i == toggled ? !shown : shown)
        g_strv_builder_add (builder, shk_fiscal_year_get_id (year));
    }
  chosen = g_strv_builder_end (builder);
  shk_measures_view_set_years_shown (self, "chosen", (const char * const *) chosen);
}

static void
build_year_menu (ShkMeasuresView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) modes = g_menu_new ();
  g_autoptr(GMenu) chosen = g_menu_new ();
  GListModel *years = shk_plan_get_fiscal_years (self->plan);
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->year_actions));

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "year-"))
      g_action_map_remove_action (G_ACTION_MAP (self->year_actions), names[i]);

  g_menu_append (modes, _("_Latest Year"), "years.mode::latest");
  g_menu_append (modes, _("_All Years"), "years.mode::all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (modes));
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autofree char *name = g_strdup_printf ("year-%u", i);
      g_autofree char *detailed = g_strdup_printf ("years.%s", name);
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (FALSE));

      g_signal_connect (action, "activate", G_CALLBACK (on_year_toggled), self);
      g_action_map_add_action (G_ACTION_MAP (self->year_actions), G_ACTION (action));
      g_menu_append (chosen, shk_fiscal_year_get_id (year), detailed);
    }
  g_menu_append_section (menu, _("Chosen Years"), G_MENU_MODEL (chosen));
  gtk_menu_button_set_menu_model (self->years_button, G_MENU_MODEL (menu));
  sync_year_actions (self);
}

static void
setup_years (ShkMeasuresView *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSimpleAction) mode = NULL;

  self->year_actions = g_simple_action_group_new ();
  mode = g_simple_action_new_stateful ("mode", G_VARIANT_TYPE_STRING, g_variant_new_string ("latest"));
  g_signal_connect (mode, "activate", G_CALLBACK (on_year_mode), self);
  g_action_map_add_action (G_ACTION_MAP (self->year_actions), G_ACTION (mode));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "years", G_ACTION_GROUP (self->year_actions));

  /* Uninstalled runs may lack the schema: then the choice lasts the
   * session, as the window's settings do. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "measure-years"))
    self->settings = g_settings_new_full (schema, NULL, NULL);
  if (self->settings != NULL)
    {
      self->year_mode = g_settings_get_string (self->settings, "measure-years");
      self->chosen_years = g_settings_get_strv (self->settings, "measure-chosen-years");
    }
  else
    {
      self->year_mode = g_strdup ("latest");
      self->chosen_years = g_new0 (char *, 1);
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
  setup->view = self;
  setup->column = g_object_ref (info);
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), setup, cell_setup_free, 0);

  column = gtk_column_view_column_new (title, factory);
  setup->view_column = column;
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
static char *
dup_structure (ShkMeasuresView *self)
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
  g_string_append_printf (structure, "\x1e%s\x1e%s", reporting_year (self), final_year (self));
  return g_string_free (structure, FALSE);
}

static void
remove_columns (ShkMeasuresView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
  g_ptr_array_set_size (self->columns, 0);
}

static void
build_columns (ShkMeasuresView *self)
{
  GListModel *list;
  g_autofree char *title = NULL;

  remove_columns (self);
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

  title = g_strdup_printf (_("%s Progress"), reporting_year (self));
  add_column (self, SHK_MEASURE_COLUMN_PROGRESS, NULL, title, FALSE, 92);
  g_free (title);
  title = g_strdup_printf (_("%s/%s Achievement"), reporting_year (self), final_year (self));
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
  build_year_menu (self);
  show_years (self);
}

/* ------------------------------------------------------------------ */
/* Refresh                                                             */

static void
shk_measures_view_refresh (ShkMeasuresView *self)
{
  g_autofree char *structure = dup_structure (self);

  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      build_columns (self);
      shk_measure_filter_bar_update_items (self->filter_bar, TRUE);
    }
  else
    shk_measure_filter_bar_update_items (self->filter_bar, FALSE);

  /* Every bound cell follows its column. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      ShkMeasureColumn *column = g_ptr_array_index (self->columns, i);

      shk_measure_column_set_plan (column, self->plan);
      shk_measure_column_refresh (column);
    }
  self->rows_valid = FALSE;
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sort_model), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (shk_measure_filter_bar_get_filter (self->filter_bar), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Only the edited measures: each is filtered and placed again as one
 * "items-changed" of its position; its cells already follow it. */
static void
refresh_measures (ShkMeasuresView *self)
{
  for (guint i = 0; i < self->changed_measures->len; i++)
    {
      ShkMeasure *measure = g_ptr_array_index (self->changed_measures, i);

      shk_measure_filter_bar_note_measure (self->filter_bar, measure);
      shk_measure_rows_measure_changed (self->rows, measure);
    }
  update_count (self);
}

static void
run_refresh (ShkMeasuresView *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->refresh_all)
    shk_measures_view_refresh (self);
  else
    refresh_measures (self);
  self->refresh_all = FALSE;
  g_ptr_array_set_size (self->changed_measures, 0);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ShkMeasuresView *self = user_data;

  self->refresh_idle = 0;
  run_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A grouped edit of thousands of measures is cheaper refreshed in full. */
#define MAX_CHANGED_MEASURES 256

static void
on_measure_changed (ShkMeasuresView *self,
                    ShkMeasure      *measure)
{
  self->measure_announced = TRUE;
  if (self->refresh_all)
    return;
  if (self->changed_measures->len >= MAX_CHANGED_MEASURES)
    self->refresh_all = TRUE;
  else if (!g_ptr_array_find (self->changed_measures, measure, NULL))
    g_ptr_array_add (self->changed_measures, g_object_ref (measure));
}

static void
on_plan_changed (ShkMeasuresView *self)
{
  /* A "changed" not announced by "measure-changed" is a change of the
   * plan itself (thresholds, years, evaluations, measures added…). */
  if (!self->measure_announced)
    self->refresh_all = TRUE;
  self->measure_announced = FALSE;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (REFRESH_PRIORITY, refresh_idle_cb, self, NULL);
}

static void
flush_refresh (ShkMeasuresView *self)
{
  if (self->refresh_idle != 0)
    run_refresh (self);
}

/* ------------------------------------------------------------------ */
/* Selection, adding and removing                                      */

static void
on_selected_changed (ShkMeasuresView *self)
{
  ShkMeasure *measure = shk_measures_view_get_selected (self);

  shk_measure_detail_set_measure (self->detail, measure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.remove", measure != NULL);
}

static guint
plan_position (ShkMeasuresView *self,
               ShkMeasure      *measure,
               gboolean        *found)
{
  GListModel *measures = shk_plan_get_measures (self->plan);
  guint n = g_list_model_get_n_items (measures);

  *found = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) other = g_list_model_get_item (measures, i);

      if (other == measure)
        {
          *found = TRUE;
          return i;
        }
    }
  return n;
}

ShkMeasure *
shk_measures_view_add_measure (ShkMeasuresView *self)
{
  g_autoptr(ShkMeasure) measure = NULL;
  g_autoptr(ShkIndicator) indicator = NULL;
  g_autofree char *label = NULL;
  ShkMeasure *selected;
  GListModel *measures;
  guint policy = 0, index = 0, position, n;

  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  measures = shk_plan_get_measures (self->plan);
  n = g_list_model_get_n_items (measures);
  selected = shk_measures_view_get_selected (self);

  /* In the selected measure's policy, else the filtered one, else the
   * first; placed after the last measure of that policy. */
  if (selected != NULL)
    policy = shk_measure_get_policy_number (selected);
  else if (shk_measure_filter_bar_get_policy (self->filter_bar) != 0)
    policy = shk_measure_filter_bar_get_policy (self->filter_bar);
  else
    policy = shk_measure_filter_bar_get_first_policy (self->filter_bar);

  position = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) other = g_list_model_get_item (measures, i);

      if (shk_measure_get_policy_number (other) == policy)
        {
          index = MAX (index, shk_measure_get_index_in_policy (other));
          position = i + 1;
        }
    }

  measure = shk_measure_new (shk_plan_get_next_measure_number (self->plan));
  shk_measure_set_policy_number (measure, policy);
  shk_measure_set_index_in_policy (measure, index + 1);
  shk_measure_set_name (measure, _("New measure"));
  shk_measure_set_counted (measure, TRUE);
  /* One indicator, so that its targets and actuals can be typed in the
   * table right away. */
  indicator = shk_indicator_new ();
  shk_measure_append_indicator (measure, indicator);

  label = g_strdup_printf (_("Add measure No.%u"), shk_measure_get_number (measure));
  shk_edit_insert_measure (undo_stack (self), self->plan, position, measure, label);

  flush_refresh (self);
  if (!shk_measure_filter_bar_matches (self->filter_bar, measure))
    shk_measure_filter_bar_clear (self->filter_bar);
  shk_measures_view_select (self, measure);
  shk_measure_detail_focus_name (self->detail);
  return measure;   /* the plan keeps it alive */
}

void
shk_measures_view_remove_measure (ShkMeasuresView *self,
                                  ShkMeasure      *measure)
{
  g_autofree char *label = NULL;
  g_autofree char *toast = NULL;
  gboolean found;
  guint position;

  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));
  g_return_if_fail (SHK_IS_MEASURE (measure));
  g_return_if_fail (self->document != NULL);

  position = plan_position (self, measure, &found);
  g_return_if_fail (found);

  label = g_strdup_printf (_("Remove measure No.%u"), shk_measure_get_number (measure));
  toast = g_strdup_printf (_("Removed measure No.%u “%s”"), shk_measure_get_number (measure),
                           shk_measure_get_name (measure));
  shk_edit_remove_measure (undo_stack (self), self->plan, position, label);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", toast);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (widget);

  if (self->document != NULL)
    shk_measures_view_add_measure (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (widget);
  ShkMeasure *measure = shk_measures_view_get_selected (self);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->column_view)) ||
                       gtk_widget_get_focus_child (GTK_WIDGET (self->column_view)) != NULL;

  if (measure == NULL || self->document == NULL)
    return;
  shk_measures_view_remove_measure (self, measure);
  /* The next row is selected; keep typing in the table. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (widget);

  shk_measure_filter_bar_focus_search (self->filter_bar);
}

/* ------------------------------------------------------------------ */
/* The sheet: what the cell cursor walks                               */

static void
invalidate_rows (ShkMeasuresView *self)
{
  self->rows_valid = FALSE;
}

static GArray *
sheet_rows (ShkMeasuresView *self)
{
  GListModel *shown = G_LIST_MODEL (self->sort_model);

  if (self->rows_valid)
    return self->lines;
  g_array_set_size (self->lines, 0);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (shown, i);
      guint n = MAX (1, g_list_model_get_n_items (shk_measure_get_indicators (measure)));

      for (guint line = 0; line < n; line++)
        {
          SheetRow row = { i, line };

          g_array_append_val (self->lines, row);
        }
    }
  self->rows_valid = TRUE;
  return self->lines;
}

static gboolean
sheet_row (ShkMeasuresView *self,
           guint            row,
           ShkMeasure     **measure,
           guint           *line)
{
  GArray *rows = sheet_rows (self);
  SheetRow *ref;

  if (row >= rows->len)
    return FALSE;
  ref = &g_array_index (rows, SheetRow, row);
  *measure = g_list_model_get_item (G_LIST_MODEL (self->sort_model), ref->position);
  *line = ref->line;
  return *measure != NULL;
}

static ShkMeasureColumn *
column_info (ShkMeasuresView     *self,
             GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns) && i < self->columns->len; i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);

      if (other == column)
        return g_ptr_array_index (self->columns, i);
    }
  return NULL;
}

static gboolean
is_value_column (ShkMeasureColumn *info)
{
  return info != NULL && shk_measure_column_is_editable (info) &&
         shk_measure_column_get_kind (info) != SHK_MEASURE_COLUMN_GRADE;
}

static guint
sheet_get_n_rows (ShkSheetTable *sheet)
{
  return sheet_rows (SHK_MEASURES_VIEW (sheet))->len;
}

static guint
sheet_get_position (ShkSheetTable *sheet,
                    guint     row)
{
  GArray *rows = sheet_rows (SHK_MEASURES_VIEW (sheet));

  return row < rows->len ? g_array_index (rows, SheetRow, row).position : 0;
}

static guint
sheet_get_row (ShkSheetTable  *sheet,
               guint      position,
               GtkWidget *picked)
{
  GArray *rows = sheet_rows (SHK_MEASURES_VIEW (sheet));
  guint first = G_MAXUINT, line = 0;

  /* Which line of a stacked cell: the picked widget's place in its box. */
  for (GtkWidget *w = picked; w != NULL && !SHK_IS_MEASURE_CELL (w); w = gtk_widget_get_parent (w))
    if (GTK_IS_BOX (gtk_widget_get_parent (w)))
      {
        for (GtkWidget *sibling = gtk_widget_get_prev_sibling (w); sibling != NULL;
             sibling = gtk_widget_get_prev_sibling (sibling))
          line++;
        break;
      }
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, SheetRow, i).position == position)
      {
        if (first == G_MAXUINT)
          first = i;
        if (g_array_index (rows, SheetRow, i).line == line)
          return i;
      }
  return first != G_MAXUINT ? first : 0;
}

static gboolean
sheet_is_editable (ShkSheetTable            *sheet,
                   guint                row,
                   GtkColumnViewColumn *column)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  g_autoptr(ShkMeasure) measure = NULL;
  guint line;

  if (!is_value_column (column_info (self, column)) || !sheet_row (self, row, &measure, &line))
    return FALSE;
  return line < g_list_model_get_n_items (shk_measure_get_indicators (measure));
}

static GtkWidget *
sheet_get_cell (ShkSheetTable            *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  GArray *rows = sheet_rows (self);
  SheetRow *ref;
  GtkWidget *cell;

  if (row >= rows->len)
    return NULL;
  ref = &g_array_index (rows, SheetRow, row);
  cell = shk_sheet_cursor_get_item_child (self->cursor, column, ref->position);
  if (SHK_IS_GRADE_CELL (cell))
    return shk_grade_cell_get_button (SHK_GRADE_CELL (cell));
  if (SHK_IS_MEASURE_CELL (cell))
    return shk_measure_cell_get_target (SHK_MEASURE_CELL (cell), ref->line);
  return NULL;
}

static char *
sheet_dup_text (ShkSheetTable            *sheet,
                guint                row,
                GtkColumnViewColumn *column)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  ShkMeasureColumn *info = column_info (self, column);
  g_autoptr(ShkMeasure) measure = NULL;
  guint line;

  if (info == NULL || !sheet_row (self, row, &measure, &line))
    return g_strdup ("");
  if (shk_measure_column_is_stacked (info))
    {
      if (line >= g_list_model_get_n_items (shk_measure_get_indicators (measure)))
        return g_strdup ("");
      return shk_measure_column_dup_line_text (info, shk_measure_get_indicator (measure, line));
    }
  /* A measure's own columns show once, on its first line. */
  return line == 0 ? shk_measure_column_dup_text (info, measure) : g_strdup ("");
}

static void
sheet_add_to_block (ShkSheetTable            *sheet,
                    ShkEditBlock        *block,
                    guint                block_row,
                    guint                block_column,
                    guint                row,
                    GtkColumnViewColumn *column,
                    const char          *text)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);
  ShkMeasureColumn *info = column_info (self, column);
  g_autoptr(ShkMeasure) measure = NULL;
  g_autofree char *name = NULL;
  guint line;

  if (info == NULL || !sheet_row (self, row, &measure, &line))
    return;
  if (sheet_is_editable (sheet, row, column))
    {
      shk_edit_block_add_indicator_value (block, block_row, block_column, measure, line,
                                          shk_measure_column_get_kind (info) == SHK_MEASURE_COLUMN_TARGET
                                            ? SHK_VALUE_TARGET : SHK_VALUE_ACTUAL,
                                          shk_measure_column_get_key (info), text);
      return;
    }
  /* TRANSLATORS: a cell in paste messages: "No.12 Measure". */
  name = g_strdup_printf (_("No.%u %s"), shk_measure_get_number (measure),
                          shk_measure_column_get_title (info));
  shk_edit_block_add_read_only (block, block_row, block_column, name);
}

static ShkUndoStack *
sheet_get_undo_stack (ShkSheetTable *sheet)
{
  return undo_stack (SHK_MEASURES_VIEW (sheet));
}

static void
sheet_cursor_moved (ShkSheetTable *sheet,
                    guint          row,
                    guint          first_row,
                    guint          last_row)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (sheet);

  gtk_single_selection_set_selected (self->selection, sheet_get_position (sheet, row));
}

static void
shk_measures_view_sheet_init (ShkSheetTableInterface *iface)
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
shk_measures_view_get_cursor (ShkMeasuresView *self)
{
  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);

  flush_refresh (self);
  return self->cursor;
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

static void
setup_models (ShkMeasuresView *self)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkEventController *shortcuts;

  self->rows = shk_measure_rows_new ();
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                                  g_object_ref (shk_measure_filter_bar_get_filter (self->filter_bar)));

  /* The column the user sorts by, then the measure number. */
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (compare_by_number, NULL, NULL)));

  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (invalidate_rows), self);

  /* Ctrl+Delete removes the selected measure only while the table has
   * the focus (in the search entry or the detail pane it edits text);
   * Delete alone clears the selected cells, as in a spreadsheet. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("measures.remove")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("measures.remove")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_measures_view_dispose (GObject *object)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);
  GtkWidget *child;

  shk_measures_view_set_document (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  if (self->cursor != NULL)
    g_object_run_dispose (G_OBJECT (self->cursor));
  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      remove_columns (self);
    }
  g_clear_object (&self->cursor);
  g_clear_object (&self->settings);
  g_clear_object (&self->year_actions);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->rows);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_MEASURES_VIEW);
  /* The template's unnamed top-level box is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shk_measures_view_parent_class)->dispose (object);
}

static void
shk_measures_view_finalize (GObject *object)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);

  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->changed_measures, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->year_mode, g_free);
  g_clear_pointer (&self->chosen_years, g_strfreev);

  G_OBJECT_CLASS (shk_measures_view_parent_class)->finalize (object);
}

static void
shk_measures_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->detail)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measures_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShkMeasuresView *self = SHK_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DETAILS:
      if (gtk_widget_get_visible (GTK_WIDGET (self->detail)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->detail), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measures_view_class_init (ShkMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_measures_view_dispose;
  object_class->finalize = shk_measures_view_finalize;
  object_class->get_property = shk_measures_view_get_property;
  object_class->set_property = shk_measures_view_set_property;

  /* The detail pane can make way for the table's many columns. */
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-measures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, paned);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, detail);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasuresView, years_button);

  gtk_widget_class_install_action (widget_class, "measures.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "measures.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "measures.remove", NULL, remove_action);
  gtk_widget_class_install_property_action (widget_class, "measures.show-details", "show-details");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "measures.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "measures.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "measures.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measuresview");

  g_type_ensure (SHK_TYPE_MEASURE_DETAIL);
  g_type_ensure (SHK_TYPE_MEASURE_FILTER_BAR);
}

static void
shk_measures_view_init (ShkMeasuresView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed_measures = g_ptr_array_new_with_free_func (g_object_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (SheetRow));
  self->cursor = shk_sheet_cursor_new (SHK_SHEET_TABLE (self), self->column_view);
  setup_years (self);
  setup_models (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.remove", FALSE);
  update_count (self);
}

GtkWidget *
shk_measures_view_new (void)
{
  return g_object_new (SHK_TYPE_MEASURES_VIEW, NULL);
}

void
shk_measures_view_set_document (ShkMeasuresView *self,
                                ShkDocument     *document)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->plan != NULL)
    {
      g_clear_signal_handler (&self->plan_changed_id, self->plan);
      g_clear_signal_handler (&self->measure_changed_id, self->plan);
    }
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_ptr_array_set_size (self->changed_measures, 0);
  self->refresh_all = FALSE;
  self->measure_announced = FALSE;
  hide_message (self);

  /* The detail pane lets go of the old measure before its plan goes. */
  shk_measure_detail_set_document (self->detail, document);

  g_set_object (&self->document, document);
  self->plan = document != NULL ? shk_document_get_plan (document) : NULL;
  shk_measure_filter_bar_set_plan (self->filter_bar, self->plan);
  if (self->plan != NULL)
    {
      self->plan_changed_id = g_signal_connect_swapped (self->plan, "changed",
                                                        G_CALLBACK (on_plan_changed), self);
      self->measure_changed_id = g_signal_connect_swapped (self->plan, "measure-changed",
                                                           G_CALLBACK (on_measure_changed), self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add", self->plan != NULL);

  /* Columns first: the filter model then binds rows to the new ones. */
  shk_measure_rows_set_model (self->rows, NULL);
  shk_measures_view_refresh (self);
  shk_measure_rows_set_model (self->rows, self->plan != NULL ? shk_plan_get_measures (self->plan) : NULL);
  update_count (self);
  on_selected_changed (self);
}

GListModel *
shk_measures_view_get_rows (ShkMeasuresView *self)
{
  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);

  /* A pending refresh would give a stale answer. */
  flush_refresh (self);
  return G_LIST_MODEL (self->selection);
}

ShkMeasure *
shk_measures_view_get_selected (ShkMeasuresView *self)
{
  gpointer item;

  g_return_val_if_fail (SHK_IS_MEASURES_VIEW (self), NULL);

  item = gtk_single_selection_get_selected_item (self->selection);
  return SHK_IS_MEASURE (item) ? item : NULL;
}

void
shk_measures_view_select (ShkMeasuresView *self,
                          ShkMeasure      *measure)
{
  GListModel *rows;
  guint n;

  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  rows = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkMeasure) row = g_list_model_get_item (rows, i);

      if (row == measure)
        {
          GtkAdjustment *adjustment =
            gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

          gtk_single_selection_set_selected (self->selection, i);
          /* GTK 4.8 has no scroll-to for column views; rows are nearly of
           * equal height, so the row's share of the height finds it. */
          if (adjustment != NULL && n > 0)
            {
              double upper = gtk_adjustment_get_upper (adjustment);
              double page = gtk_adjustment_get_page_size (adjustment);
              double row_height = upper / n;

              gtk_adjustment_set_value (adjustment,
                                        CLAMP (row_height * i - page / 2 + row_height / 2,
                                               0, MAX (0, upper - page)));
            }
          return;
        }
    }
}

void
shk_measures_view_set_search (ShkMeasuresView *self,
                              const char      *text)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  shk_measure_filter_bar_set_search (self->filter_bar, text);
}

void
shk_measures_view_set_policy_filter (ShkMeasuresView *self,
                                     guint            policy_number)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  flush_refresh (self);
  shk_measure_filter_bar_set_policy (self->filter_bar, policy_number);
}

void
shk_measures_view_set_bureau_filter (ShkMeasuresView *self,
                                     const char      *bureau)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  flush_refresh (self);
  shk_measure_filter_bar_set_bureau (self->filter_bar, bureau);
}

void
shk_measures_view_set_grade_filter (ShkMeasuresView *self,
                                    int              grade,
                                    const char      *evaluation_id)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));

  flush_refresh (self);
  shk_measure_filter_bar_set_grade (self->filter_bar, grade, evaluation_id);
}
