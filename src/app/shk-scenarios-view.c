/* shk-scenarios-view.c — payback scenarios: edit, compare, sensitivity
 *
 * The list of the plan's scenarios, each with a tick to compare it,
 * beside three pages: the selected scenario's editor (ShkScenarioEditor),
 * the ticked scenarios on one chart (ShkScenarioComparison) and how the
 * selected one's payback moves with its figures (ShkScenarioSensitivity).
 *
 * This view keeps what the pages share: which scenario is selected,
 * which are ticked, and when to show the model again — once per change,
 * before the next frame, however many edits an undo group makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-edit-scenario.h"
#include "shk-scenario-cells.h"
#include "shk-scenario-comparison.h"
#include "shk-scenario-editor.h"
#include "shk-scenario-row.h"
#include "shk-scenario-sensitivity.h"
#include "shk-scenarios-view.h"
#include "shk-scenarios-view-private.h"

/* Before GTK lays out and draws the frame (GDK_PRIORITY_REDRAW is
 * G_PRIORITY_HIGH_IDLE + 20): a change never shows a stale chart. */
#define REFRESH_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

struct _ShkScenariosView
{
  GtkWidget               parent_instance;

  ShkDocument            *document;
  ShkPlan                *plan;
  ShkUndoStack           *stack;
  ShkScenario            *scenario;     /* selected, being edited */
  GHashTable             *compared;     /* ShkScenario* (ref) → itself */
  gulong                  plan_changed_id;
  gulong                  items_changed_id;
  guint                   refresh_idle;
  gboolean                selecting;

  /* template children */
  GtkPaned               *paned;
  GtkListBox             *scenario_list;
  GtkLabel               *compare_hint;
  GtkStack               *stack_pages;
  AdwViewStack           *page_stack;
  ShkScenarioEditor      *editor;
  ShkScenarioComparison  *comparison;
  ShkScenarioSensitivity *sensitivity;
};

G_DEFINE_FINAL_TYPE (ShkScenariosView, shk_scenarios_view, GTK_TYPE_WIDGET)

static void shk_scenarios_view_refresh (ShkScenariosView *self);
static void queue_refresh              (ShkScenariosView *self);
static void set_current                (ShkScenariosView *self,
                                        ShkScenario      *scenario);

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

static guint
n_scenarios (ShkScenariosView *self)
{
  return self->plan != NULL ? g_list_model_get_n_items (shk_plan_get_scenarios (self->plan)) : 0;
}

static gboolean
find_scenario (ShkScenariosView *self,
               ShkScenario      *scenario,
               guint            *position)
{
  guint n = n_scenarios (self);

  for (guint i = 0; i < n && scenario != NULL; i++)
    {
      g_autoptr(ShkScenario) item = g_list_model_get_item (shk_plan_get_scenarios (self->plan), i);

      if (item == scenario)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Comparison                                                           */

static GPtrArray *
compared_scenarios (ShkScenariosView *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = n_scenarios (self);

  /* In document order, whatever order they were ticked in. */
  for (guint i = 0; i < n; i++)
    {
      ShkScenario *scenario = g_list_model_get_item (shk_plan_get_scenarios (self->plan), i);

      if (g_hash_table_contains (self->compared, scenario))
        g_ptr_array_add (list, scenario);
      else
        g_object_unref (scenario);
    }
  return list;
}

static void
update_compare (ShkScenariosView *self)
{
  g_autoptr(GPtrArray) scenarios = compared_scenarios (self);

  shk_scenario_comparison_update (self->comparison, self->plan, scenarios);
}

/* ------------------------------------------------------------------ */
/* The list                                                             */

static void
update_row (ShkScenariosView *self,
            ShkScenarioRow   *row)
{
  ShkScenario *scenario = shk_scenario_row_get_scenario (row);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPaybackResult) result = shk_scenario_compute_payback (self->plan, scenario, &error);
  g_autofree char *text = NULL;

  /* A scenario waiting for its costs says so (「費用未入力」), never "not
   * valid" nor a payback. */
  if (result != NULL)
    text = shk_scenario_cells_dup_headline (result);
  else if (g_error_matches (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_NO_COSTS))
    text = g_strdup (error->message);
  else
    text = g_strdup (_("Not valid"));

  shk_scenario_row_set_summary (row, text);
  shk_scenario_row_set_compared (row, g_hash_table_contains (self->compared, scenario));
}

static void
on_row_compared (ShkScenarioRow   *row,
                 GParamSpec       *pspec,
                 ShkScenariosView *self)
{
  ShkScenario *scenario = shk_scenario_row_get_scenario (row);
  gboolean compared = shk_scenario_row_get_compared (row);

  /* Only the user's tick: update_row() sets what is known already. */
  if (compared != g_hash_table_contains (self->compared, scenario))
    shk_scenarios_view_set_compared (self, scenario, compared);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ShkScenariosView *self = user_data;
  GtkWidget *row = shk_scenario_row_new (item);

  update_row (self, SHK_SCENARIO_ROW (row));
  g_signal_connect_object (row, "notify::compared", G_CALLBACK (on_row_compared), self, 0);
  return row;
}

static void
update_rows (ShkScenariosView *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->scenario_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (SHK_IS_SCENARIO_ROW (row))
      update_row (self, SHK_SCENARIO_ROW (row));
}

static void
select_row_of (ShkScenariosView *self,
               ShkScenario      *scenario)
{
  guint position;
  GtkListBoxRow *row = NULL;

  if (find_scenario (self, scenario, &position))
    row = gtk_list_box_get_row_at_index (self->scenario_list, (int) position);
  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->scenario_list, row);
  else
    gtk_list_box_unselect_all (self->scenario_list);
  self->selecting = FALSE;
}

static void
on_row_selected (ShkScenariosView *self,
                 GtkListBoxRow    *row)
{
  /* Rows go away and come back when the list changes; the items-changed
   * handler picks the scenario then. */
  if (self->selecting || !SHK_IS_SCENARIO_ROW (row))
    return;
  set_current (self, shk_scenario_row_get_scenario (SHK_SCENARIO_ROW (row)));
}

static void
on_scenarios_changed (ShkScenariosView *self,
                      guint             position,
                      guint             removed,
                      guint             added)
{
  GHashTableIter iter;
  gpointer key;
  guint n = n_scenarios (self);

  /* Forget ticks of scenarios that are gone (an undo brings them back
   * unticked, which is what one expects of a fresh row). */
  g_hash_table_iter_init (&iter, self->compared);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!find_scenario (self, key, NULL))
      g_hash_table_iter_remove (&iter);

  if (!find_scenario (self, self->scenario, NULL))
    {
      g_autoptr(ShkScenario) next = NULL;

      /* The one that took its place, or the last. */
      if (n > 0)
        next = g_list_model_get_item (shk_plan_get_scenarios (self->plan), MIN (position, n - 1));
      set_current (self, next);
    }
  else
    select_row_of (self, self->scenario);
  queue_refresh (self);
}

/* ------------------------------------------------------------------ */
/* Refreshing                                                           */

static void
update_actions (ShkScenariosView *self)
{
  gboolean has = self->scenario != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.duplicate", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.delete", has);
}

static void
shk_scenarios_view_refresh (ShkScenariosView *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  update_actions (self);
  if (self->plan == NULL || self->scenario == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack_pages, "empty");
      shk_scenario_editor_set_scenario (self->editor, NULL);
      shk_scenario_sensitivity_update (self->sensitivity, self->plan, NULL);
      if (self->plan != NULL)
        update_rows (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack_pages, "scenario");
  update_rows (self);
  shk_scenario_editor_update (self->editor);
  shk_scenario_sensitivity_update (self->sensitivity, self->plan, self->scenario);
  update_compare (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ShkScenariosView *self = user_data;

  self->refresh_idle = 0;
  shk_scenarios_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (ShkScenariosView *self)
{
  /* A keystroke, an undo group or a pasted column: one recompute, before
   * the next frame. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (REFRESH_PRIORITY, refresh_idle_cb, self, NULL);
}

static void
flush_refresh (ShkScenariosView *self)
{
  if (self->refresh_idle != 0)
    shk_scenarios_view_refresh (self);
}

static void
set_current (ShkScenariosView *self,
             ShkScenario      *scenario)
{
  if (self->scenario != scenario)
    {
      g_set_object (&self->scenario, scenario);
      shk_scenario_editor_set_scenario (self->editor, scenario);
    }
  select_row_of (self, scenario);
  shk_scenarios_view_refresh (self);
}

/* ------------------------------------------------------------------ */
/* Actions                                                              */

/* Years for a new scenario: those of the plan's first scenario, so that
 * comparisons line up; else eight years from the reporting year. */
static GStrv
new_scenario_years (ShkPlan *plan)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  const char *start = shk_plan_get_reporting_year (plan);
  GStrv years;

  if (g_list_model_get_n_items (scenarios) > 0)
    {
      g_autoptr(ShkScenario) first = g_list_model_get_item (scenarios, 0);

      if (shk_scenario_get_n_years (first) > 0)
        return g_strdupv ((char **) shk_scenario_get_years (first));
    }
  years = shk_scenario_generate_years (start != NULL && *start != '\0' ? start : "R2", 8, NULL);
  return years != NULL ? years : shk_scenario_generate_years ("1", 8, NULL);
}

static char *
unused_name (ShkScenariosView *self,
             const char       *base)
{
  guint n = n_scenarios (self);

  for (guint k = 1; ; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, k);
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(ShkScenario) other = g_list_model_get_item (shk_plan_get_scenarios (self->plan), i);

          used = g_strcmp0 (shk_scenario_get_name (other), name) == 0;
        }
      if (!used)
        return g_steal_pointer (&name);
    }
}

static void
add_scenario (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (widget);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr(ShkScenario) scenario = NULL;
  g_autoptr(ShkCostItem) item = NULL;
  g_auto(GStrv) years = NULL;
  guint n;

  if (self->plan == NULL)
    return;

  name = unused_name (self, _("New Scenario"));
  scenario = shk_scenario_new (name);
  years = new_scenario_years (self->plan);
  n = g_strv_length (years);
  shk_scenario_set_years (scenario, (const char * const *) years);
  shk_scenario_set_savings_start (scenario, MIN (1, n - 1));
  shk_scenario_set_first_year_months (scenario, 12);
  shk_scenario_set_hours_saved (scenario, 0);
  if (self->scenario != NULL)
    shk_scenario_set_hourly_rate (scenario, shk_scenario_get_hourly_rate (self->scenario));
  item = shk_cost_item_new (_("Introduction cost"), n);
  shk_scenario_append_cost_item (scenario, item);

  label = g_strdup_printf (_("Add scenario “%s”"), name);
  shk_edit_insert_scenario (self->stack, self->plan, n_scenarios (self), scenario, label);
  set_current (self, scenario);
  shk_scenario_editor_focus_name (self->editor);
}

static void
duplicate_scenario (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (widget);
  g_autoptr(ShkScenario) copy = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  guint position;

  if (self->scenario == NULL || !find_scenario (self, self->scenario, &position))
    return;

  /* TRANSLATORS: the name of a duplicated scenario */
  base = g_strdup_printf (_("%s (copy)"), shk_scenario_get_name (self->scenario));
  name = unused_name (self, base);
  copy = shk_scenario_copy (self->scenario);
  shk_scenario_set_name (copy, name);

  label = g_strdup_printf (_("Duplicate “%s”"), shk_scenario_get_name (self->scenario));
  shk_edit_insert_scenario (self->stack, self->plan, position + 1, copy, label);
  set_current (self, copy);
}

static void
delete_scenario (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (widget);
  g_autoptr(ShkScenario) scenario = NULL;
  g_autofree char *label = NULL;
  guint position;

  if (self->scenario == NULL || !find_scenario (self, self->scenario, &position))
    return;

  scenario = g_object_ref (self->scenario);
  label = g_strdup_printf (_("Deleted scenario “%s”"), shk_scenario_get_name (scenario));
  shk_edit_remove_scenario (self->stack, self->plan, position, label);
  gtk_widget_activate_action (widget, "win.toast-undo", "s", label);
}

static void
show_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  shk_scenarios_view_show_page (SHK_SCENARIOS_VIEW (widget), g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
shk_scenarios_view_dispose (GObject *object)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (object);

  shk_scenarios_view_set_document (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIOS_VIEW);

  G_OBJECT_CLASS (shk_scenarios_view_parent_class)->dispose (object);
}

static void
shk_scenarios_view_finalize (GObject *object)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (object);

  g_clear_pointer (&self->compared, g_hash_table_unref);

  G_OBJECT_CLASS (shk_scenarios_view_parent_class)->finalize (object);
}

static void
shk_scenarios_view_class_init (ShkScenariosViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_scenarios_view_dispose;
  object_class->finalize = shk_scenarios_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-scenarios-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, paned);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, compare_hint);
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_STRUCT_OFFSET (ShkScenariosView, stack_pages));
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, editor);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, comparison);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, sensitivity);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "scenarios.add", NULL, add_scenario);
  gtk_widget_class_install_action (widget_class, "scenarios.duplicate", NULL, duplicate_scenario);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", NULL, delete_scenario);
  gtk_widget_class_install_action (widget_class, "scenarios.show-page", "s", show_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "scenarios.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "scenarios.duplicate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariosview");

  g_type_ensure (SHK_TYPE_SCENARIO_EDITOR);
  g_type_ensure (SHK_TYPE_SCENARIO_COMPARISON);
  g_type_ensure (SHK_TYPE_SCENARIO_SENSITIVITY);
}

static void
shk_scenarios_view_init (ShkScenariosView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->compared = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  /* Delete in the list deletes the scenario; elsewhere it edits text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("scenarios.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->scenario_list), shortcuts);

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack_pages, "empty");
}

GtkWidget *
shk_scenarios_view_new (void)
{
  return g_object_new (SHK_TYPE_SCENARIOS_VIEW, NULL);
}

static void
on_plan_changed (ShkScenariosView *self)
{
  queue_refresh (self);
}

void
shk_scenarios_view_set_document (ShkScenariosView *self,
                                 ShkDocument      *document)
{
  g_return_if_fail (SHK_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->plan != NULL)
    {
      g_clear_signal_handler (&self->plan_changed_id, self->plan);
      g_clear_signal_handler (&self->items_changed_id, shk_plan_get_scenarios (self->plan));
    }
  if (self->scenario_list != NULL)
    gtk_list_box_bind_model (self->scenario_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->scenario);
  g_hash_table_remove_all (self->compared);
  g_clear_object (&self->plan);
  g_clear_object (&self->stack);
  g_set_object (&self->document, document);
  if (self->editor != NULL)
    shk_scenario_editor_set_document (self->editor, document);

  if (document != NULL)
    {
      GListModel *scenarios;

      self->plan = g_object_ref (shk_document_get_plan (document));
      self->stack = g_object_ref (shk_document_get_undo_stack (document));
      scenarios = shk_plan_get_scenarios (self->plan);

      self->plan_changed_id = g_signal_connect_swapped (self->plan, "changed",
                                                        G_CALLBACK (on_plan_changed), self);
      /* After the list box's own handler, so that the rows exist. */
      gtk_list_box_bind_model (self->scenario_list, scenarios, create_row, self, NULL);
      self->items_changed_id = g_signal_connect_swapped (scenarios, "items-changed",
                                                         G_CALLBACK (on_scenarios_changed), self);

      if (g_list_model_get_n_items (scenarios) > 0)
        {
          g_autoptr(ShkScenario) first = g_list_model_get_item (scenarios, 0);

          set_current (self, first);
          return;
        }
    }

  set_current (self, NULL);
}

ShkScenario *
shk_scenarios_view_get_scenario (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  return self->scenario;
}

void
shk_scenarios_view_select (ShkScenariosView *self,
                           guint             position)
{
  g_autoptr(ShkScenario) scenario = NULL;

  g_return_if_fail (SHK_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (position < n_scenarios (self));

  scenario = g_list_model_get_item (shk_plan_get_scenarios (self->plan), position);
  set_current (self, scenario);
}

void
shk_scenarios_view_show_page (ShkScenariosView *self,
                              const char       *name)
{
  g_return_if_fail (SHK_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->page_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->page_stack, name);
}

const ShkPaybackResult *
shk_scenarios_view_get_result (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return shk_scenario_editor_get_result (self->editor);
}

const char *
shk_scenarios_view_get_result_text (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return shk_scenario_editor_get_result_text (self->editor);
}

ShkPaybackView *
shk_scenarios_view_get_chart (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return shk_scenario_editor_get_chart (self->editor);
}

const ShkSensitivity *
shk_scenarios_view_get_sensitivity (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return shk_scenario_sensitivity_get_sensitivity (self->sensitivity);
}

gboolean
shk_scenarios_view_commit_field (ShkScenariosView  *self,
                                 const char        *field,
                                 const char        *text,
                                 GError           **error)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), FALSE);

  return shk_scenario_editor_commit_field (self->editor, field, text, error);
}

gboolean
shk_scenarios_view_commit_cost (ShkScenariosView  *self,
                                guint              item,
                                guint              first_year,
                                guint              last_year,
                                const char        *text,
                                GError           **error)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), FALSE);

  return shk_scenario_editor_commit_cost (self->editor, item, first_year, last_year, text, error);
}

void
shk_scenarios_view_set_compared (ShkScenariosView *self,
                                 ShkScenario      *scenario,
                                 gboolean          compared)
{
  g_return_if_fail (SHK_IS_SCENARIOS_VIEW (self));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));

  if (compared && find_scenario (self, scenario, NULL))
    {
      if (!g_hash_table_contains (self->compared, scenario))
        g_hash_table_add (self->compared, g_object_ref (scenario));
    }
  else
    g_hash_table_remove (self->compared, scenario);

  update_rows (self);
  if (self->scenario != NULL)
    update_compare (self);
}

ShkPaybackView *
shk_scenarios_view_get_compare_chart (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return shk_scenario_comparison_get_chart (self->comparison);
}

ShkScenarioCostGrid *
shk_scenarios_view_get_cost_grid (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return shk_scenario_editor_get_cost_grid (self->editor);
}
