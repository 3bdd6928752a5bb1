/* shk-processes-view.c — the AI/RPA survey's processes, ranked
 *
 * A Pareto chart above a table of the listed work processes (see
 * ShkProcessTable), with the totals per priority class and per category
 * beside it (see ShkProcessSummary). This view owns the ranking: it is
 * recomputed from the hours after every change, so editing a process's
 * hours re-ranks it, redraws the chart and updates the totals at once.
 * It also holds the toolbar: the filters, the grouping, the chart's
 * threshold and the making of a payback scenario from the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-drop-down-a11y.h"
#include "shk-application.h"
#include "shk-edit.h"
#include "shk-pareto-view.h"
#include "shk-process-summary.h"
#include "shk-process-table.h"
#include "shk-processes-view.h"
#include "shk-wrap-box.h"

struct _ShkProcessesView
{
  GtkWidget           parent_instance;

  ShkDocument        *document;
  ShkSurvey          *survey;
  ShkRanking         *ranking;
  gulong              survey_changed_id;
  guint               refresh_idle;
  GtkStringList      *sections;

  /* template children */
  GtkPaned           *paned;
  ShkParetoView      *pareto;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *priority_filter;
  GtkDropDown        *category_filter;
  GtkDropDown        *section_filter;
  GtkToggleButton    *group_button;
  GtkSpinButton      *threshold_spin;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  ShkProcessTable    *table;
  ShkProcessSummary  *summary;
};

G_DEFINE_FINAL_TYPE (ShkProcessesView, shk_processes_view, GTK_TYPE_WIDGET)

static void shk_processes_view_refresh (ShkProcessesView *self);

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

  return shk_process_table_commit_cell (self->table, process, column, text, error);
}

static void
show_message (ShkProcessesView *self,
              const char       *message)
{
  if (message != NULL)
    gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

/* A cell edit was refused (with the reason) or accepted (NULL). */
static void
on_table_message (ShkProcessesView *self,
                  const char       *message)
{
  show_message (self, message);
}

/* ------------------------------------------------------------------ */
/* Filters                                                             */

static const char *
selected_string (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Position 0 of every filter is "all"; the category filter ends with
 * "Unknown", the processes without a category. */
static void
on_filter_changed (ShkProcessesView *self)
{
  guint priority = gtk_drop_down_get_selected (self->priority_filter);
  guint category = gtk_drop_down_get_selected (self->category_filter);
  guint section = gtk_drop_down_get_selected (self->section_filter);
  guint n_categories = g_strv_length ((char **) shk_process_categories ());
  const char *category_name = NULL;

  if (category == n_categories + 1)
    category_name = "";
  else if (category != 0 && category != GTK_INVALID_LIST_POSITION)
    category_name = selected_string (self->category_filter);

  shk_process_table_set_filter (self->table,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                priority != 0 && priority != GTK_INVALID_LIST_POSITION
                                  ? (int) priority - 1 : -1,
                                category_name,
                                section != 0 && section != GTK_INVALID_LIST_POSITION
                                  ? selected_string (self->section_filter) : NULL);
}

static void
on_group_toggled (ShkProcessesView *self)
{
  shk_process_table_set_grouped (self->table, gtk_toggle_button_get_active (self->group_button));
}

static GListModel *
filter_labels (const char         *all,
               const char * const *items,
               const char         *last)
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

  shk_drop_down_a11y_follow (self->priority_filter, _("Priority"));
  shk_drop_down_a11y_follow (self->category_filter, _("Category"));
  shk_drop_down_a11y_follow (self->section_filter, _("Section"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *ka = g_utf8_collate_key (*(const char * const *) a, -1);
  g_autofree char *kb = g_utf8_collate_key (*(const char * const *) b, -1);

  return strcmp (ka, kb);
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
  g_autoptr(ShkRanking) old = g_steal_pointer (&self->ranking);

  if (self->survey != NULL)
    self->ranking = shk_ranking_new (self->survey);

  /* Every part gets the new ranking before the old one goes. */
  shk_pareto_view_set_ranking (self->pareto, self->ranking);
  shk_process_summary_set_ranking (self->summary, self->ranking);
  shk_process_table_set_ranking (self->table, self->ranking);
  update_sections (self);
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

static void
on_selection_changed (ShkProcessesView *self)
{
  g_autoptr(GPtrArray) processes = shk_process_table_dup_selected (self->table);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "processes.create-scenario",
                                 processes->len > 0);
  shk_process_summary_set_selection (self->summary, processes);
  shk_pareto_view_set_highlight (self->pareto,
                                 processes->len > 0
                                   ? shk_process_table_get_rank (self->table,
                                                                 g_ptr_array_index (processes, 0))
                                   : 0);
}

static void
on_bar_activated (ShkParetoView    *pareto,
                  guint             rank,
                  ShkProcessesView *self)
{
  if (self->ranking == NULL || rank == 0 || rank > self->ranking->n_processes)
    return;

  /* Filtered out: say so rather than selecting nothing silently. */
  if (!shk_process_table_show_rank (self->table, rank))
    show_message (self, _("That process is hidden by the filters; clear them to see its row."));
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
  g_autoptr(GPtrArray) processes = shk_process_table_dup_selected (self->table);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;
  g_auto(GStrv) years = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autoptr(ShkScenario) scenario = NULL;
  ShkPlan *plan;
  GListModel *scenarios;
  guint position;

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

  /* No costs yet: the scenario reads 「費用未入力」 until they are entered,
   * and the toast offers to open it where they are asked for. */
  label = g_strdup_printf (_("Created scenario “%s”"), name);
  position = g_list_model_get_n_items (scenarios);
  shk_edit_insert_scenario (shk_document_get_undo_stack (self->document), plan,
                            position, scenario, label);
  gtk_widget_activate_action (widget, "win.toast-scenario-created", "u", position);
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
/* GObject                                                             */

static void
shk_processes_view_dispose (GObject *object)
{
  ShkProcessesView *self = SHK_PROCESSES_VIEW (object);

  shk_processes_view_set_document (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_object (&self->sections);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_PROCESSES_VIEW);

  G_OBJECT_CLASS (shk_processes_view_parent_class)->dispose (object);
}

static void
shk_processes_view_finalize (GObject *object)
{
  ShkProcessesView *self = SHK_PROCESSES_VIEW (object);

  g_clear_pointer (&self->ranking, shk_ranking_free);

  G_OBJECT_CLASS (shk_processes_view_parent_class)->finalize (object);
}

static void
shk_processes_view_class_init (ShkProcessesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_processes_view_dispose;
  object_class->finalize = shk_processes_view_finalize;

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
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, table);
  gtk_widget_class_bind_template_child (widget_class, ShkProcessesView, summary);
  gtk_widget_class_bind_template_callback (widget_class, on_group_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_table_message);

  gtk_widget_class_install_action (widget_class, "processes.create-scenario", NULL, create_scenario);
  gtk_widget_class_install_action (widget_class, "processes.find", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK, "processes.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "processes.create-scenario", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "processesview");

  g_type_ensure (SHK_TYPE_PARETO_VIEW);
  g_type_ensure (SHK_TYPE_WRAP_BOX);
  g_type_ensure (SHK_TYPE_PROCESS_TABLE);
  g_type_ensure (SHK_TYPE_PROCESS_SUMMARY);
}

static void
shk_processes_view_init (ShkProcessesView *self)
{
  GtkSelectionModel *rows;

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_filters (self);
  rows = shk_process_table_get_selection (self->table);
  g_signal_connect_object (rows, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rows, "items-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "processes.create-scenario", FALSE);

  /* The threshold line is the preference's (pareto-threshold): changed
   * here or there, it is the same and kept for the next start. */
  if (shk_application_get_default_settings () != NULL)
    g_settings_bind (shk_application_get_default_settings (), "pareto-threshold",
                     gtk_spin_button_get_adjustment (self->threshold_spin), "value",
                     G_SETTINGS_BIND_DEFAULT);
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

  if (self->table != NULL)
    shk_process_table_set_document (self->table, document);
  shk_process_summary_set_plan (self->summary, document != NULL ? shk_document_get_plan (document) : NULL);
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

  return G_LIST_MODEL (shk_process_table_get_selection (self->table));
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
