/* shk-scenarios-view.c — payback scenarios: edit, compare, sensitivity
 *
 * The list of the plan's scenarios beside three pages: one scenario's
 * cost-benefit chart above a form with every parameter of the payback
 * engine and a table of the results; the ticked scenarios overlaid on one
 * chart with their figures side by side; and how the selected scenario's
 * payback moves when the rate, the hours or the costs change.
 *
 * Every keystroke that makes a valid value is applied to the model at
 * once, as an undoable edit, so the chart follows the typing. A value the
 * engine would refuse is not applied: the field is marked, the engine's
 * own message says what is wrong, and the chart stays as it was.
 *
 * Typing "2566" or holding a spin button's arrow makes many edits of one
 * field; they fold into one undo step while they come within a second of
 * each other (see edit_begin()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-chart-view.h"
#include "shk-edit.h"
#include "shk-edit-scenario.h"
#include "shk-scenarios-view.h"
#include "shk-scroll-guard.h"
#include "shk-tornado-chart.h"

/* Before GTK lays out and draws the frame (GDK_PRIORITY_REDRAW is
 * G_PRIORITY_HIGH_IDLE + 20): a change never shows a stale chart. */
#define REFRESH_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

/* Edits of the same field closer together than this are one undo step. */
#define COALESCE_USEC G_USEC_PER_SEC

#define MAX_YEARS 64

struct _ShkScenariosView
{
  GtkWidget          parent_instance;

  ShkDocument       *document;
  ShkPlan           *plan;
  ShkUndoStack      *stack;
  ShkScenario       *scenario;          /* being edited */
  GHashTable        *compared;          /* ShkScenario* (ref) → itself */
  gulong             plan_changed_id;
  gulong             items_changed_id;
  gulong             pushed_id;
  gulong             stack_changed_id;
  guint              refresh_idle;
  gboolean           updating;          /* writing widgets: ignore their signals */
  gboolean           selecting;

  /* Folding consecutive edits of one field: see edit_begin(). */
  char              *coalesce_key;
  char              *coalesce_label;
  gint64             coalesce_time;
  guint              pushes;
  guint              own_edit;

  /* The last valid figures of the scenario being edited. */
  ShkPaybackResult  *result;
  ShkSensitivity    *sensitivity;
  GStrv              year_labels;
  char              *result_text;

  /* The cost grid is rebuilt only when its shape changes, so that the
   * cell being typed in keeps the focus. */
  GPtrArray         *grid_items;        /* ShkCostItem refs, in order */
  ShkScenario       *grid_scenario;
  guint              grid_years;
  GPtrArray         *cost_entries;      /* GtkEntry, item-major */
  GPtrArray         *name_entries;      /* GtkEntry per item */
  GPtrArray         *item_totals;       /* GtkLabel per item */
  GPtrArray         *year_totals;       /* GtkLabel per year, then the grand total */
  int                focus_item;
  int                focus_year;
  GtkWidget         *error_widget;      /* whose message is shown */

  /* template children */
  GtkPaned          *paned;
  GtkListBox        *scenario_list;
  GtkLabel          *compare_hint;
  GtkStack          *stack_pages;
  AdwViewStack      *page_stack;
  GtkLabel          *result_label;
  GtkLabel          *result_detail_label;
  ShkPaybackView    *chart;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkSpinButton     *rate_spin;
  AdwActionRow      *linked_row;
  GtkSwitch         *linked_switch;
  AdwActionRow      *hours_row;
  GtkSpinButton     *hours_spin;
  AdwComboRow       *start_row;
  GtkSpinButton     *months_spin;
  AdwEntryRow       *name_row;
  AdwEntryRow       *description_row;
  AdwEntryRow       *first_year_row;
  GtkSpinButton     *years_spin;
  GtkSpinButton     *discount_spin;
  GtkGrid           *cost_grid;
  GtkGrid           *results_grid;
  GtkLabel          *payback_label;
  GtkLabel          *net_label;
  GtkLabel          *discounted_label;
  GtkStack          *compare_stack;
  ShkPaybackView    *compare_chart;
  GtkGrid           *compare_grid;
  GtkLabel          *sensitivity_label;
  GtkGrid           *sensitivity_grid;
  ShkChartView      *tornado;
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

static ShkCostItem *
cost_item (ShkScenario *scenario,
           guint        index)
{
  GListModel *items = shk_scenario_get_cost_items (scenario);
  g_autoptr(ShkCostItem) item = NULL;

  if (index >= g_list_model_get_n_items (items))
    return NULL;
  item = g_list_model_get_item (items, index);
  return item;   /* the scenario keeps it */
}

static guint
n_cost_items (ShkScenario *scenario)
{
  return g_list_model_get_n_items (shk_scenario_get_cost_items (scenario));
}

static char *
format_yen (double yen)
{
  g_autofree char *number = shk_format_number (yen);

  /* TRANSLATORS: an amount of money, e.g. “14,231,800 yen” (14,231,800円) */
  return g_strdup_printf (_("%s yen"), number);
}

/* The widget that has the keyboard focus is @widget or inside it. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether a field may be overwritten with the model's value: not while
 * the user is typing in it, unless what is there no longer matches the
 * model (an undo came in meanwhile). */
static gboolean
may_write (GtkWidget *widget,
           gboolean   text_matches_model)
{
  if (!has_focus_within (widget))
    return TRUE;
  if (gtk_widget_has_css_class (widget, "error"))
    return FALSE;
  return !text_matches_model;
}

static void
set_editable_text (GtkWidget  *widget,
                   const char *text,
                   gboolean    matches)
{
  if (!may_write (widget, matches))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  gtk_widget_remove_css_class (widget, "error");
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
show_error (ShkScenariosView *self,
            GtkWidget        *widget,
            const char       *message)
{
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
    }
  self->error_widget = widget;
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
clear_error (ShkScenariosView *self,
             GtkWidget        *widget)
{
  if (widget != NULL && gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
  if (self->error_widget == widget)
    {
      self->error_widget = NULL;
      /* Hidden, not only folded: no gap above the form. */
      gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), FALSE);
    }
}

/* ------------------------------------------------------------------ */
/* Undo: folding edits into one step                                     */

static void
on_stack_pushed (ShkScenariosView *self)
{
  self->pushes++;
}

static void
clear_coalescing (ShkScenariosView *self)
{
  g_clear_pointer (&self->coalesce_key, g_free);
  g_clear_pointer (&self->coalesce_label, g_free);
}

static void
on_stack_changed (ShkScenariosView *self)
{
  /* An undo, a redo, a save or someone else's edit: the next edit is a
   * step of its own. */
  if (self->own_edit == 0)
    clear_coalescing (self);
}

/* Starts an edit of the field @key. When the last undo step is an edit
 * of the same field made less than a second ago, it is undone first, so
 * that the edit about to be pushed replaces it: one step from the value
 * before the first keystroke to the value after the last. Returns the
 * count of pushes so far, for edit_end(). */
static guint
edit_begin (ShkScenariosView *self,
            const char       *key)
{
  gint64 now = g_get_monotonic_time ();

  self->own_edit++;
  if (self->coalesce_key != NULL && g_str_equal (self->coalesce_key, key) &&
      now - self->coalesce_time < COALESCE_USEC &&
      shk_undo_stack_can_undo (self->stack) &&
      /* Folding into the saved state would hide an unsaved change. */
      !shk_undo_stack_is_clean (self->stack) &&
      g_strcmp0 (shk_undo_stack_get_undo_label (self->stack), self->coalesce_label) == 0)
    shk_undo_stack_undo (self->stack);
  return self->pushes;
}

static void
edit_end (ShkScenariosView *self,
          const char       *key,
          guint             pushes_before)
{
  clear_coalescing (self);
  if (self->pushes != pushes_before)
    {
      self->coalesce_key = g_strdup (key);
      self->coalesce_label = g_strdup (shk_undo_stack_get_undo_label (self->stack));
      self->coalesce_time = g_get_monotonic_time ();
    }
  self->own_edit--;
}

static void
edit_property (ShkScenariosView *self,
               GObject          *object,
               const char       *property,
               const GValue     *value,
               const char       *label)
{
  g_autofree char *key = g_strdup_printf ("%p:%s", (gpointer) object, property);
  guint pushes = edit_begin (self, key);

  shk_edit_set_property (self->stack, object, property, value, label);
  edit_end (self, key, pushes);
}

/* The key under which edits of @field of the scenario fold together. */
static char *
field_key (ShkScenariosView *self,
           const char       *field)
{
  return g_strdup_printf ("%p:%s", (gpointer) self->scenario, field);
}

static void
edit_hours (ShkScenariosView *self,
            gboolean          has,
            double            hours)
{
  g_autofree char *key = field_key (self, "hours-saved");
  guint pushes = edit_begin (self, key);

  shk_edit_scenario_hours_saved (self->stack, self->scenario, has, hours);
  edit_end (self, key, pushes);
}

static void
edit_amounts (ShkScenariosView *self,
              ShkCostItem      *item,
              guint             first,
              guint             last,
              double            amount)
{
  g_autofree char *key = g_strdup_printf ("%p:amount:%u-%u", (gpointer) item, first, last);
  guint pushes = edit_begin (self, key);

  shk_edit_cost_amounts (self->stack, item, first, last, amount);
  edit_end (self, key, pushes);
}

/* ------------------------------------------------------------------ */
/* Committing what was typed                                            */

/* The core reads, checks and applies; the view only folds keystrokes.
 * Checking first keeps a refused keystroke from undoing the last good
 * one while folding, and an unchanged value from folding at all. */
static gboolean
commit_number (ShkScenariosView  *self,
               const char        *field,
               double             value,
               GError           **error)
{
  g_autofree char *key = NULL;
  gboolean changes, ok;
  guint pushes;

  if (!shk_edit_scenario_check_number (self->plan, self->scenario, field, value, &changes, error))
    return FALSE;
  if (!changes)
    return TRUE;
  key = field_key (self, field);
  pushes = edit_begin (self, key);
  ok = shk_edit_scenario_number (self->stack, self->plan, self->scenario, field, value, error);
  edit_end (self, key, pushes);
  return ok;
}

static gboolean
commit_field (ShkScenariosView  *self,
              const char        *field,
              const char        *text,
              GError           **error)
{
  g_autofree char *key = NULL;
  gboolean changes, ok;
  guint pushes;

  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->scenario == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no scenario to edit"));
      return FALSE;
    }

  if (!shk_edit_scenario_check_field (self->plan, self->scenario, field, text, &changes, error))
    return FALSE;
  if (!changes)
    return TRUE;
  key = field_key (self, field);
  pushes = edit_begin (self, key);
  ok = shk_edit_scenario_field (self->stack, self->plan, self->scenario, field, text, error);
  edit_end (self, key, pushes);
  return ok;
}

static gboolean
commit_cost (ShkScenariosView  *self,
             guint              item,
             guint              first_year,
             guint              last_year,
             const char        *text,
             GError           **error)
{
  g_autofree char *key = NULL;
  gboolean changes, ok;
  guint pushes;

  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->scenario == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no such cost in this scenario"));
      return FALSE;
    }

  if (!shk_edit_scenario_check_cost (self->plan, self->scenario, item, first_year, last_year,
                                     text, &changes, error))
    return FALSE;
  if (!changes)
    return TRUE;
  key = g_strdup_printf ("%p:amount:%u-%u", (gpointer) cost_item (self->scenario, item),
                         first_year, last_year);
  pushes = edit_begin (self, key);
  ok = shk_edit_scenario_cost (self->stack, self->plan, self->scenario, item, first_year,
                               last_year, text, error);
  edit_end (self, key, pushes);
  return ok;
}

static void
report (ShkScenariosView *self,
        GtkWidget        *widget,
        gboolean          ok,
        GError           *error)
{
  if (ok)
    clear_error (self, widget);
  else
    show_error (self, widget, error->message);
}

static GtkWidget *
field_widget (ShkScenariosView *self,
              const char       *field)
{
  struct { const char *field; gpointer widget; } fields[] = {
    { "name", self->name_row },
    { "description", self->description_row },
    { "first-year", self->first_year_row },
    { "hourly-rate", self->rate_spin },
    { "hours-saved", self->hours_spin },
    { "first-year-months", self->months_spin },
    { "discount-rate", self->discount_spin },
    { "n-years", self->years_spin },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return fields[i].widget;
  return NULL;
}

/* The one way in for typing, the form's signals and the API alike: the
 * field is marked and the message shown, or both cleared. */
gboolean
shk_scenarios_view_commit_field (ShkScenariosView  *self,
                                 const char        *field,
                                 const char        *text,
                                 GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = commit_field (self, field, text, &local_error);
  report (self, field_widget (self, field), ok, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
shk_scenarios_view_commit_cost (ShkScenariosView  *self,
                                guint              item,
                                guint              first_year,
                                guint              last_year,
                                const char        *text,
                                GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  GtkWidget *widget = NULL;
  gboolean ok;

  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->scenario != NULL && self->grid_scenario == self->scenario &&
      item * self->grid_years + first_year < self->cost_entries->len && first_year < self->grid_years)
    widget = g_ptr_array_index (self->cost_entries, item * self->grid_years + first_year);

  ok = commit_cost (self, item, first_year, last_year, text, &local_error);
  report (self, widget, ok, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/* ------------------------------------------------------------------ */
/* The form's signals                                                   */

static void
on_field_text_changed (GtkEditable      *editable,
                       ShkScenariosView *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "field");

  if (self->updating || self->scenario == NULL)
    return;

  shk_scenarios_view_commit_field (self, field, gtk_editable_get_text (editable), NULL);
}

static void
on_spin_value_changed (GtkSpinButton    *spin,
                       ShkScenariosView *self)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "field");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating || self->scenario == NULL)
    return;

  ok = commit_number (self, field, gtk_spin_button_get_value (spin), &error);
  report (self, GTK_WIDGET (spin), ok, error);
}

/* The spin buttons read what staff type ("2,566", "８", "2.5%"), not only
 * what strtod() understands. */
static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "field");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (!shk_edit_scenario_parse_number (field, text, new_value))
    return GTK_INPUT_ERROR;
  return TRUE;
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = shk_format_number (gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
setup_spin (ShkScenariosView *self,
            GtkSpinButton    *spin,
            const char       *field)
{
  g_object_set_data (G_OBJECT (spin), "field", (gpointer) field);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed), self);
  g_signal_connect (spin, "changed", G_CALLBACK (on_field_text_changed), self);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input), self);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), self);
}

static void
setup_entry (ShkScenariosView *self,
             GtkWidget        *entry,
             const char       *field)
{
  g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
  g_signal_connect (entry, "changed", G_CALLBACK (on_field_text_changed), self);
}

static void
on_linked_toggled (ShkScenariosView *self)
{
  double hours;

  if (self->updating || self->scenario == NULL)
    return;

  /* Switching to typed hours starts from what the processes give, so the
   * chart does not jump. */
  hours = shk_plan_get_scenario_hours_saved (self->plan, self->scenario);
  edit_hours (self, !gtk_switch_get_active (self->linked_switch), hours);
}

static void
on_start_selected (ShkScenariosView *self)
{
  guint selected = adw_combo_row_get_selected (self->start_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || self->scenario == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= shk_scenario_get_n_years (self->scenario))
    return;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, selected);
  label = g_strdup_printf (_("Change first year of savings of “%s”"),
                           shk_scenario_get_name (self->scenario));
  edit_property (self, G_OBJECT (self->scenario), "savings-start", &value, label);
}

/* ------------------------------------------------------------------ */
/* The cost grid                                                        */

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
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
on_cost_changed (GtkEditable      *editable,
                 ShkScenariosView *self)
{
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "item"));
  guint year = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "year"));

  if (self->updating)
    return;

  shk_scenarios_view_commit_cost (self, item, year, year, gtk_editable_get_text (editable), NULL);
}

static void
on_cost_name_changed (GtkEditable      *editable,
                      ShkScenariosView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "item"));
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  ShkCostItem *item;

  if (self->updating || self->scenario == NULL ||
      (item = cost_item (self->scenario, index)) == NULL)
    return;

  if (*stripped == '\0')
    {
      show_error (self, GTK_WIDGET (editable), _("Cost item: a cost item needs a name"));
      return;
    }
  clear_error (self, GTK_WIDGET (editable));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  label = g_strdup_printf (_("Rename cost item “%s”"), shk_cost_item_get_name (item));
  edit_property (self, G_OBJECT (item), "name", &value, label);
}

static void
on_cost_focus_enter (GtkEventControllerFocus *controller,
                     ShkScenariosView        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->focus_item = (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "item"));
  self->focus_year = (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "year"));
}

static GtkWidget *
item_menu_button (guint        index,
                  const char  *name)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) fill = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *tooltip = g_strdup_printf (_("Actions for “%s”"), name);
  struct { GMenu *section; const char *label, *action; } items[] = {
    { order, N_("Move _Up"), "scenarios.cost-up" },
    { order, N_("Move _Down"), "scenarios.cost-down" },
    { fill, N_("_Copy Amount to Following Years"), "scenarios.cost-fill" },
    { remove, N_("_Remove Cost Item"), "scenarios.cost-remove" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_uint32 (index));
      g_menu_append_item (items[i].section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (fill));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static gboolean
grid_shape_changed (ShkScenariosView *self)
{
  guint n = n_cost_items (self->scenario);

  if (self->grid_scenario != self->scenario ||
      self->grid_years != shk_scenario_get_n_years (self->scenario) ||
      self->grid_items->len != n)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (self->grid_items, i) != cost_item (self->scenario, i))
      return TRUE;
  return FALSE;
}

static void
build_cost_grid (ShkScenariosView *self)
{
  guint n_items = n_cost_items (self->scenario);
  guint n_years = shk_scenario_get_n_years (self->scenario);
  GtkWidget *label;

  clear_grid (self->cost_grid);
  g_ptr_array_set_size (self->cost_entries, 0);
  g_ptr_array_set_size (self->name_entries, 0);
  g_ptr_array_set_size (self->item_totals, 0);
  g_ptr_array_set_size (self->year_totals, 0);
  g_ptr_array_set_size (self->grid_items, 0);
  self->grid_scenario = self->scenario;
  self->grid_years = n_years;
  self->focus_item = -1;
  self->focus_year = -1;
  if (self->error_widget != NULL && gtk_widget_is_ancestor (self->error_widget, GTK_WIDGET (self->cost_grid)))
    clear_error (self, self->error_widget);

  /* Column 0 holds each row's menu, so that it stays in sight however
   * far the years scroll. */
  gtk_grid_attach (self->cost_grid, grid_label (_("Cost item"), FALSE, TRUE), 1, 0, 1, 1);
  for (guint y = 0; y < n_years; y++)
    {
      g_autofree char *year = shk_scenario_dup_year_label (self->scenario, y);

      label = grid_label (year, TRUE, TRUE);
      gtk_widget_set_halign (label, GTK_ALIGN_END);
      gtk_grid_attach (self->cost_grid, label, y + 2, 0, 1, 1);
    }
  gtk_grid_attach (self->cost_grid, grid_label (_("Total"), TRUE, TRUE), n_years + 2, 0, 1, 1);

  for (guint i = 0; i < n_items; i++)
    {
      ShkCostItem *item = cost_item (self->scenario, i);
      GtkWidget *name = gtk_entry_new ();

      g_ptr_array_add (self->grid_items, g_object_ref (item));

      gtk_editable_set_width_chars (GTK_EDITABLE (name), 12);
      gtk_editable_set_text (GTK_EDITABLE (name), shk_cost_item_get_name (item));
      gtk_widget_set_tooltip_text (name, shk_cost_item_get_name (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (name),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cost item name"), -1);
      g_object_set_data (G_OBJECT (name), "item", GUINT_TO_POINTER (i));
      g_signal_connect (name, "changed", G_CALLBACK (on_cost_name_changed), self);
      gtk_grid_attach (self->cost_grid,
                       item_menu_button (i, shk_cost_item_get_name (item)),
                       0, i + 1, 1, 1);
      gtk_grid_attach (self->cost_grid, name, 1, i + 1, 1, 1);
      g_ptr_array_add (self->name_entries, name);

      for (guint y = 0; y < n_years; y++)
        {
          GtkWidget *entry = gtk_entry_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();
          g_autofree char *year = shk_scenario_dup_year_label (self->scenario, y);
          g_autofree char *accessible = g_strdup_printf ("%s, %s", shk_cost_item_get_name (item), year);
          g_autofree char *text = shk_format_number (shk_cost_item_get_amount (item, y));

          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 11);
          gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          gtk_widget_add_css_class (entry, "numeric");
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          g_object_set_data (G_OBJECT (entry), "item", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (entry), "year", GUINT_TO_POINTER (y));
          g_signal_connect (entry, "changed", G_CALLBACK (on_cost_changed), self);
          g_signal_connect (focus, "enter", G_CALLBACK (on_cost_focus_enter), self);
          gtk_widget_add_controller (entry, focus);
          gtk_grid_attach (self->cost_grid, entry, y + 2, i + 1, 1, 1);
          g_ptr_array_add (self->cost_entries, entry);
        }

      label = grid_label ("", TRUE, FALSE);
      gtk_widget_set_margin_start (label, 6);
      gtk_grid_attach (self->cost_grid, label, n_years + 2, i + 1, 1, 1);
      g_ptr_array_add (self->item_totals, label);
    }

  label = grid_label (_("Total"), FALSE, TRUE);
  gtk_grid_attach (self->cost_grid, label, 1, n_items + 1, 1, 1);
  for (guint y = 0; y <= n_years; y++)
    {
      label = grid_label ("", TRUE, FALSE);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_end (label, y < n_years ? 8 : 0);
      gtk_grid_attach (self->cost_grid, label, y + 2, n_items + 1, 1, 1);
      g_ptr_array_add (self->year_totals, label);
    }
}

static void
update_cost_grid (ShkScenariosView *self)
{
  guint n_items = n_cost_items (self->scenario);
  guint n_years = shk_scenario_get_n_years (self->scenario);
  double grand = 0;

  if (grid_shape_changed (self))
    build_cost_grid (self);

  for (guint i = 0; i < n_items; i++)
    {
      ShkCostItem *item = cost_item (self->scenario, i);
      GtkWidget *name = g_ptr_array_index (self->name_entries, i);
      g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name))));
      double total = 0;

      set_editable_text (name, shk_cost_item_get_name (item),
                         g_strcmp0 (stripped, shk_cost_item_get_name (item)) == 0);
      if (!gtk_widget_has_css_class (name, "error"))
        gtk_widget_set_tooltip_text (name, shk_cost_item_get_name (item));
      for (guint y = 0; y < n_years; y++)
        {
          GtkWidget *entry = g_ptr_array_index (self->cost_entries, i * n_years + y);
          double amount = shk_cost_item_get_amount (item, y), typed;
          g_autofree char *text = shk_format_number (amount);
          const char *current = gtk_editable_get_text (GTK_EDITABLE (entry));
          gboolean matches = *current == '\0' ? amount == 0
                                              : shk_edit_scenario_parse_number (NULL, current, &typed) && typed == amount;

          set_editable_text (entry, text, matches);
          total += amount;
        }
      {
        g_autofree char *text = shk_format_number (total);
        gtk_label_set_text (g_ptr_array_index (self->item_totals, i), text);
      }
    }

  for (guint y = 0; y < n_years; y++)
    {
      double cost = shk_scenario_get_cost (self->scenario, y);
      g_autofree char *text = shk_format_number (cost);

      gtk_label_set_text (g_ptr_array_index (self->year_totals, y), text);
      grand += cost;
    }
  {
    g_autofree char *text = shk_format_number (grand);
    gtk_label_set_text (g_ptr_array_index (self->year_totals, n_years), text);
  }
}

/* ------------------------------------------------------------------ */
/* The rest of the form                                                 */

static void
write_spin (GtkSpinButton *spin,
            double         value)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "field");
  double typed;
  gboolean matches = shk_edit_scenario_parse_number (field, gtk_editable_get_text (GTK_EDITABLE (spin)),
                                                     &typed) &&
                     fabs (typed - value) < 1e-9;

  if (!may_write (GTK_WIDGET (spin), matches))
    return;
  gtk_spin_button_set_value (spin, value);
  gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
}

static void
update_year_model (ShkScenariosView *self)
{
  GListModel *model = adw_combo_row_get_model (self->start_row);
  guint n = shk_scenario_get_n_years (self->scenario);
  gboolean same = model != NULL && g_list_model_get_n_items (model) == n;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                      self->year_labels[i]) == 0;
  if (!same)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char * const *) self->year_labels);

      adw_combo_row_set_model (self->start_row, G_LIST_MODEL (labels));
    }
  adw_combo_row_set_selected (self->start_row, shk_scenario_get_savings_start (self->scenario));
}

static void
update_linked (ShkScenariosView *self)
{
  const char * const *ids = shk_scenario_get_process_ids (self->scenario);
  ShkSurvey *survey = shk_plan_get_survey (self->plan);
  double hours = 0;
  gboolean typed = shk_scenario_get_hours_saved (self->scenario, &hours);
  double linked_sum = 0;
  GString *names = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *list = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      ShkProcess *process = shk_survey_find_process (survey, ids[i]);
      double reduction;

      if (names->len > 0)
        g_string_append (names, _(", "));
      if (process == NULL)
        /* TRANSLATORS: a linked process that is not in the survey any more */
        g_string_append_printf (names, _("%s (missing)"), ids[i]);
      else if (shk_process_get_expected_reduction (process, &reduction))
        {
          g_autofree char *h = shk_format_number (reduction);

          /* TRANSLATORS: a process and its expected reduction, “処理対象のエラーの更新 (2,186 h)” */
          g_string_append_printf (names, _("%s (%s h)"), shk_process_get_name (process), h);
          linked_sum += reduction;
        }
      else
        g_string_append_printf (names, _("%s (no estimate)"), shk_process_get_name (process));
    }
  list = g_string_free (names, FALSE);

  if (*list == '\0')
    subtitle = g_strdup (_("No processes are linked to this scenario"));
  else
    {
      g_autofree char *sum = shk_format_number (linked_sum);

      /* TRANSLATORS: “2,186 hours a year: 処理対象のエラーの更新 (2,186 h)” */
      subtitle = g_strdup_printf (_("%s hours a year: %s"), sum, list);
    }
  adw_action_row_set_subtitle (self->linked_row, subtitle);

  gtk_switch_set_active (self->linked_switch, !typed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hours_spin), typed);
  write_spin (self->hours_spin, typed ? hours : linked_sum);
}

static void
update_form (ShkScenariosView *self)
{
  const char * const *years = shk_scenario_get_years (self->scenario);
  const char *name = shk_scenario_get_name (self->scenario);
  const char *description = shk_scenario_get_description (self->scenario);
  g_autofree char *typed_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *typed_first = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->first_year_row))));

  set_editable_text (GTK_WIDGET (self->name_row), name, g_strcmp0 (typed_name, name) == 0);
  set_editable_text (GTK_WIDGET (self->description_row), description != NULL ? description : "",
                     g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                description != NULL ? description : "") == 0);
  set_editable_text (GTK_WIDGET (self->first_year_row), years[0] != NULL ? years[0] : "",
                     g_strcmp0 (typed_first, years[0]) == 0);

  write_spin (self->rate_spin, shk_scenario_get_hourly_rate (self->scenario));
  write_spin (self->months_spin, shk_scenario_get_first_year_months (self->scenario));
  write_spin (self->years_spin, shk_scenario_get_n_years (self->scenario));
  write_spin (self->discount_spin, shk_scenario_get_discount_rate (self->scenario) * 100.0);
  update_linked (self);
  update_year_model (self);
  update_cost_grid (self);
}

/* ------------------------------------------------------------------ */
/* Results                                                              */

static char *
payback_headline (const ShkPaybackResult *result)
{
  if (result->payback_year > 0)
    /* The same words as on the chart. */
    return g_strdup_printf (_("Recovered in year %u"), result->payback_year);
  return g_strdup (_("Not recovered within the period"));
}

static void
add_result_row (ShkScenariosView *self,
                guint             row,
                const char       *title,
                const gint64     *values,
                const double     *doubles,
                guint             n,
                guint             payback_year)
{
  gtk_grid_attach (self->results_grid, grid_label (title, FALSE, TRUE), 0, row, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      double value = values != NULL ? (double) values[i] : round (doubles[i]);
      g_autofree char *text = shk_format_number (value);
      GtkWidget *label = grid_label (text, TRUE, FALSE);

      if (i + 1 == payback_year)
        gtk_widget_add_css_class (label, "accent");
      gtk_grid_attach (self->results_grid, label, i + 1, row, 1, 1);
    }
}

static void
update_results (ShkScenariosView *self)
{
  const ShkPaybackResult *r = self->result;
  gboolean discounted = shk_scenario_get_discount_rate (self->scenario) > 0;
  g_autofree char *headline = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *net = NULL;
  g_autofree char *last_label = NULL;
  guint row = 1;

  clear_grid (self->results_grid);
  if (r == NULL)
    return;

  gtk_grid_attach (self->results_grid, grid_label (_("(yen)"), FALSE, TRUE), 0, 0, 1, 1);
  for (guint i = 0; i < r->n_years; i++)
    {
      GtkWidget *label = grid_label (self->year_labels[i], TRUE, TRUE);

      if (i + 1 == r->payback_year)
        {
          gtk_widget_remove_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "accent");
          gtk_widget_add_css_class (label, "heading");
        }
      gtk_grid_attach (self->results_grid, label, i + 1, 0, 1, 1);
    }
  add_result_row (self, row++, _("Cost"), r->cost, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Savings"), r->saving, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Cumulative cost"), r->cumulative_cost, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Cumulative savings"), r->cumulative_saving, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Net"), r->net, NULL, r->n_years, r->payback_year);
  if (discounted)
    {
      add_result_row (self, row++, _("Discounted cumulative cost"), NULL,
                      r->discounted_cumulative_cost, r->n_years, r->discounted_payback_year);
      add_result_row (self, row++, _("Discounted cumulative savings"), NULL,
                      r->discounted_cumulative_saving, r->n_years, r->discounted_payback_year);
    }

  /* The headline above the chart, and the sentences under the table. */
  headline = payback_headline (r);
  gtk_label_set_text (self->result_label, headline);
  g_free (self->result_text);
  self->result_text = g_steal_pointer (&headline);

  net = format_yen ((double) r->net_at_horizon);
  last_label = g_strdup (self->year_labels[r->n_years - 1]);
  if (r->payback_year > 0)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: “Month 11 of 4年目(R5); net by 8年目(R9): 12,163,373 yen” */
      detail = g_strdup_printf (_("Month %u of %s; net by %s: %s"),
                                r->payback_month, self->year_labels[r->payback_year - 1],
                                last_label, net);
      /* TRANSLATORS: “Recovered in year 4 (month 11), 4年目(R5).” */
      text = g_strdup_printf (_("Payback: year %u (month %u), %s."), r->payback_year,
                              r->payback_month, self->year_labels[r->payback_year - 1]);
      gtk_label_set_text (self->payback_label, text);
    }
  else
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: “Net by 8年目(R9): -4,000,000 yen” */
      detail = g_strdup_printf (_("Net by %s: %s"), last_label, net);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Payback: none within %u year.",
                                           "Payback: none within %u years.", r->n_years),
                              r->n_years);
      gtk_label_set_text (self->payback_label, text);
    }
  gtk_label_set_text (self->result_detail_label, detail);

  {
    g_autofree char *text = g_strdup_printf (_("Net at the end of the period (%s): %s."), last_label, net);
    gtk_label_set_text (self->net_label, text);
  }
  {
    g_autofree char *percent = shk_format_number (shk_scenario_get_discount_rate (self->scenario) * 100.0);
    g_autofree char *text = NULL;

    if (!discounted)
      text = g_strdup (_("Discounted payback: the same, as the discount rate is 0%."));
    else if (r->discounted_payback_year > 0)
      text = g_strdup_printf (_("Discounted at %s%% a year: payback in year %u, %s."), percent,
                              r->discounted_payback_year,
                              self->year_labels[r->discounted_payback_year - 1]);
    else
      text = g_strdup_printf (_("Discounted at %s%% a year: no payback within the period."), percent);
    gtk_label_set_text (self->discounted_label, text);
  }
}

static void
update_year_labels (ShkScenariosView *self)
{
  guint n = shk_scenario_get_n_years (self->scenario);

  g_strfreev (self->year_labels);
  self->year_labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->year_labels[i] = shk_scenario_dup_year_label (self->scenario, i);
}

/* Recomputes the scenario being edited. A scenario the engine refuses
 * (possible only through a file) keeps the last valid chart and says why. */
static void
update_scenario (ShkScenariosView *self)
{
  g_autoptr(GError) error = NULL;
  ShkPaybackResult *result;

  update_year_labels (self);
  result = shk_scenario_compute_payback (self->plan, self->scenario, &error);
  if (result == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", shk_scenario_get_name (self->scenario),
                                                  error->message);
      show_error (self, NULL, message);
    }
  else
    {
      ShkPaybackSeriesSet *series = shk_payback_series_set_new ();

      if (self->error_widget == NULL)
        clear_error (self, NULL);
      g_clear_pointer (&self->result, shk_payback_result_free);
      self->result = result;
      shk_payback_series_set_add (series, self->plan, self->scenario, NULL);
      shk_payback_view_set_series (self->chart, series);
      shk_payback_view_set_export_name (self->chart, shk_scenario_get_name (self->scenario));
    }

  self->updating = TRUE;
  update_form (self);
  self->updating = FALSE;
  /* A refused field the model has since overwritten (an undo) is no
   * longer wrong. */
  if (self->error_widget != NULL && !gtk_widget_has_css_class (self->error_widget, "error"))
    clear_error (self, self->error_widget);
  update_results (self);
}

/* ------------------------------------------------------------------ */
/* Sensitivity                                                          */

static void
draw_tornado (cairo_t       *cr,
              double         width,
              double         height,
              ShkChartStyle  style,
              gpointer       user_data)
{
  ShkScenariosView *self = user_data;
  ShkSensitivityChart chart = {
    .style = style,
    .title = self->scenario != NULL ? shk_scenario_get_name (self->scenario) : NULL,
    .sensitivity = self->sensitivity,
    .year_labels = (const char * const *) self->year_labels,
  };

  shk_sensitivity_chart_draw (cr, width, height, &chart);
}

/* A cell of the table on two short lines, “Year 4” over “month 11”,
 * so that seven columns fit; the whole of it for screen readers. */
static GtkWidget *
sensitivity_cell (const ShkSensitivityCell *cell,
                  gboolean                  bold)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *year = cell->payback_year > 0 ? g_strdup_printf (_("Year %u"), cell->payback_year)
                                                 : g_strdup (_("None"));
  g_autofree char *month = cell->payback_year > 0
    /* TRANSLATORS: the month within the payback year, under “Year 4” */
    ? g_strdup_printf (_("month %u"), cell->payback_month) : g_strdup ("");
  g_autofree char *whole = shk_sensitivity_format_cell (cell);
  GtkWidget *first = grid_label (year, TRUE, FALSE);
  GtkWidget *second = grid_label (month, TRUE, TRUE);

  if (bold)
    gtk_widget_add_css_class (first, "heading");
  gtk_widget_add_css_class (second, "caption");
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, whole, -1);
  return box;
}

static void
update_sensitivity (ShkScenariosView *self)
{
  g_autoptr(GError) error = NULL;
  ShkSensitivity *sensitivity;
  const ShkSensitivity *s;
  g_autofree char *base = NULL;
  g_autofree char *intro = NULL;
  guint column;

  sensitivity = shk_scenario_compute_sensitivity (self->plan, self->scenario, &error);
  if (sensitivity != NULL)
    {
      g_clear_pointer (&self->sensitivity, shk_sensitivity_free);
      self->sensitivity = sensitivity;
    }
  s = self->sensitivity;
  clear_grid (self->sensitivity_grid);
  if (s == NULL)
    return;

  base = shk_sensitivity_format_cell (&s->base);
  intro = g_strdup_printf (_("How the payback of “%s” moves when one figure changes and the others "
                             "stay as entered. As entered: %s."),
                           shk_scenario_get_name (self->scenario), base);
  gtk_label_set_text (self->sensitivity_label, intro);

  gtk_grid_attach (self->sensitivity_grid, grid_label (_("Change"), FALSE, TRUE), 0, 0, 1, 1);
  column = 1;
  for (guint i = 0; i <= s->n_changes; i++)
    {
      /* The base case between the decreases and the increases. */
      gboolean base_here = (i == s->n_changes || s->changes[i] > 0) &&
                           (i == 0 || s->changes[i - 1] < 0);
      g_autofree char *heading = NULL;

      if (base_here)
        {
          GtkWidget *label = grid_label (_("As entered"), TRUE, TRUE);

          gtk_grid_attach (self->sensitivity_grid, label, column, 0, 1, 1);
          for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
            gtk_grid_attach (self->sensitivity_grid, sensitivity_cell (&s->base, TRUE),
                             column, f + 1, 1, 1);
          column++;
        }
      if (i == s->n_changes)
        break;

      heading = shk_sensitivity_format_change (s->changes[i]);
      gtk_grid_attach (self->sensitivity_grid, grid_label (heading, TRUE, TRUE), column, 0, 1, 1);
      for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
        {
          const ShkSensitivityCell *cell = shk_sensitivity_get_cell (s, f, i);
          GtkWidget *widget = sensitivity_cell (cell, FALSE);
          GtkWidget *year = gtk_widget_get_first_child (widget);

          /* Sooner, later or never, at a glance. */
          if (cell->payback_year == 0)
            gtk_widget_add_css_class (year, "error");
          else if (s->base.payback_year == 0 || cell->payback_point < s->base.payback_point - 1e-9)
            gtk_widget_add_css_class (year, "success");
          else if (cell->payback_point > s->base.payback_point + 1e-9)
            gtk_widget_add_css_class (year, "warning");
          gtk_grid_attach (self->sensitivity_grid, widget, column, f + 1, 1, 1);
        }
      column++;
    }
  for (guint f = 0; f < SHK_SENSITIVITY_N_FACTORS; f++)
    gtk_grid_attach (self->sensitivity_grid,
                     grid_label (shk_sensitivity_factor_get_label (f), FALSE, FALSE), 0, f + 1, 1, 1);

  {
    ShkSensitivityChart chart = { .style = SHK_CHART_STYLE_LIGHT, .sensitivity = s };
    g_autofree char *description = shk_sensitivity_chart_describe (&chart);
    g_autofree char *export_name = g_strdup_printf (_("%s sensitivity"), shk_scenario_get_name (self->scenario));

    shk_chart_view_set_description (self->tornado, description);
    shk_chart_view_set_export_name (self->tornado, export_name);
  }
  shk_chart_view_redraw (self->tornado);
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

static GtkWidget *
swatch (guint index,
        guint n_series)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  ShkChartPalette palette;
  const ShkRgba *rgba;
  g_autofree char *markup = NULL;
  GtkWidget *label = gtk_label_new (NULL);

  /* The chart's colour for this scenario, in the style it is drawn in. */
  shk_chart_palette_init (&palette, adw_style_manager_get_dark (style) ? SHK_CHART_STYLE_DARK
                                                                        : SHK_CHART_STYLE_LIGHT);
  rgba = &palette.series[n_series > 1 ? index % G_N_ELEMENTS (palette.series) : 0];
  markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                            (guint) (rgba->r * 255), (guint) (rgba->g * 255), (guint) (rgba->b * 255));
  gtk_label_set_markup (GTK_LABEL (label), markup);
  /* The name beside it says which scenario it is. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return label;
}

static void
update_compare (ShkScenariosView *self)
{
  g_autoptr(GPtrArray) scenarios = compared_scenarios (self);
  ShkPaybackSeriesSet *series = shk_payback_series_set_new ();
  const char *headings[] = {
    N_("Scenario"), N_("Payback year"), N_("Payback month"), N_("Net at the end (yen)"),
    N_("Discounted payback"),
  };

  clear_grid (self->compare_grid);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->compare_grid, grid_label (_(headings[c]), c > 0, TRUE),
                     c == 0 ? 0 : c + 1, 0, c == 0 ? 2 : 1, 1);

  for (guint s = 0; s < scenarios->len; s++)
    {
      ShkScenario *scenario = g_ptr_array_index (scenarios, s);
      guint row = series->n_series + 1;
      const ShkPaybackResult *result = shk_payback_series_set_add (series, self->plan, scenario, NULL);
      g_autofree char *year = NULL;
      g_autofree char *month = NULL;
      g_autofree char *net = NULL;
      g_autofree char *discounted = NULL;
      GtkWidget *name;
      const char *cells[4];

      if (result == NULL)
        continue;

      year = result->payback_year > 0 ? g_strdup_printf (_("Year %u"), result->payback_year)
                                      : g_strdup (_("None"));
      month = result->payback_year > 0 ? g_strdup_printf ("%u", result->payback_month)
                                       : g_strdup ("—");
      net = shk_format_number ((double) result->net_at_horizon);
      discounted = result->discounted_payback_year > 0
        ? g_strdup_printf (_("Year %u"), result->discounted_payback_year)
        : g_strdup (_("None"));
      cells[0] = year;
      cells[1] = month;
      cells[2] = net;
      cells[3] = discounted;

      gtk_grid_attach (self->compare_grid, swatch (row - 1, scenarios->len), 0, row, 1, 1);
      name = grid_label (shk_scenario_get_name (scenario), FALSE, FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (self->compare_grid, name, 1, row, 1, 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        gtk_grid_attach (self->compare_grid, grid_label (cells[c], TRUE, FALSE), c + 2, row, 1, 1);
    }

  gtk_stack_set_visible_child_name (self->compare_stack, series->n_series >= 2 ? "chart" : "hint");
  shk_payback_view_set_series (self->compare_chart, series);
  shk_payback_view_set_export_name (self->compare_chart, _("comparison"));
}

/* ------------------------------------------------------------------ */
/* The list                                                             */

static void
update_row (ShkScenariosView *self,
            GtkWidget        *row)
{
  ShkScenario *scenario = g_object_get_data (G_OBJECT (row), "scenario");
  GtkLabel *name = g_object_get_data (G_OBJECT (row), "name-label");
  GtkLabel *summary = g_object_get_data (G_OBJECT (row), "summary-label");
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
  g_autoptr(ShkPaybackResult) result = shk_scenario_compute_payback (self->plan, scenario, NULL);
  g_autofree char *text = result != NULL ? payback_headline (result) : g_strdup (_("Not valid"));
  g_autofree char *check_label = g_strdup_printf (_("Compare “%s”"), shk_scenario_get_name (scenario));

  gtk_label_set_text (name, shk_scenario_get_name (scenario));
  gtk_label_set_text (summary, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  g_object_set_data (G_OBJECT (check), "updating", GINT_TO_POINTER (1));
  gtk_check_button_set_active (check, g_hash_table_contains (self->compared, scenario));
  g_object_set_data (G_OBJECT (check), "updating", NULL);
}

static void
on_compare_toggled (GtkCheckButton   *check,
                    ShkScenariosView *self)
{
  ShkScenario *scenario = g_object_get_data (G_OBJECT (check), "scenario");

  if (g_object_get_data (G_OBJECT (check), "updating"))
    return;
  shk_scenarios_view_set_compared (self, scenario, gtk_check_button_get_active (check));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ShkScenariosView *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_widget_set_tooltip_text (check, _("Tick to compare"));
  g_object_set_data (G_OBJECT (check), "scenario", item);
  g_signal_connect (check, "toggled", G_CALLBACK (on_compare_toggled), self);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), summary);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "scenario", item);
  g_object_set_data (G_OBJECT (row), "name-label", name);
  g_object_set_data (G_OBJECT (row), "summary-label", summary);
  g_object_set_data (G_OBJECT (row), "check", check);
  update_row (self, row);
  return row;
}

static void
update_rows (ShkScenariosView *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->scenario_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "scenario") != NULL)
      update_row (self, row);
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
  if (self->selecting || row == NULL)
    return;
  set_current (self, g_object_get_data (G_OBJECT (row), "scenario"));
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add-cost", has);
}

static void
shk_scenarios_view_refresh (ShkScenariosView *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  update_actions (self);
  if (self->plan == NULL || self->scenario == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack_pages, "empty");
      g_clear_pointer (&self->result, shk_payback_result_free);
      g_clear_pointer (&self->sensitivity, shk_sensitivity_free);
      g_clear_pointer (&self->result_text, g_free);
      shk_payback_view_set_series (self->chart, NULL);
      if (self->plan != NULL)
        update_rows (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack_pages, "scenario");
  update_rows (self);
  update_scenario (self);
  update_sensitivity (self);
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
      clear_coalescing (self);
      clear_error (self, self->error_widget);
      g_clear_pointer (&self->result, shk_payback_result_free);
      g_clear_pointer (&self->sensitivity, shk_sensitivity_free);
      g_clear_pointer (&self->result_text, g_free);
      /* Nothing of the previous scenario may stay on show, should this
       * one be one the engine refuses. */
      shk_payback_view_set_series (self->chart, NULL);
      shk_payback_view_set_highlight_year (self->chart, -1);
      gtk_label_set_text (self->result_label, "");
      gtk_label_set_text (self->result_detail_label, "");
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
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
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
add_cost (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (widget);
  g_autoptr(ShkCostItem) item = NULL;
  g_autofree char *label = NULL;
  guint position;

  if (self->scenario == NULL)
    return;

  position = n_cost_items (self->scenario);
  item = shk_cost_item_new (_("New cost"), shk_scenario_get_n_years (self->scenario));
  label = g_strdup_printf (_("Add cost item to “%s”"), shk_scenario_get_name (self->scenario));
  shk_edit_insert_cost_item (self->stack, self->scenario, position, item, label);
  shk_scenarios_view_refresh (self);
  if (position < self->name_entries->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->name_entries, position));
}

static void
remove_cost (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (widget);
  guint index = g_variant_get_uint32 (parameter);
  ShkCostItem *item;
  g_autofree char *label = NULL;

  if (self->scenario == NULL || (item = cost_item (self->scenario, index)) == NULL)
    return;

  label = g_strdup_printf (_("Removed cost item “%s”"), shk_cost_item_get_name (item));
  shk_edit_remove_cost_item (self->stack, self->scenario, index, label);
  gtk_widget_activate_action (widget, "win.toast-undo", "s", label);
}

static void
move_cost (ShkScenariosView *self,
           guint             from,
           guint             to)
{
  if (self->scenario == NULL || to >= n_cost_items (self->scenario) ||
      cost_item (self->scenario, from) == NULL || from == to)
    return;

  shk_edit_move_cost_item (self->stack, self->scenario, from, to);
}

static void
move_cost_up (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  guint index = g_variant_get_uint32 (parameter);

  if (index > 0)
    move_cost (SHK_SCENARIOS_VIEW (widget), index, index - 1);
}

static void
move_cost_down (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  guint index = g_variant_get_uint32 (parameter);

  move_cost (SHK_SCENARIOS_VIEW (widget), index, index + 1);
}

/* Copies the amount of the row's last focused cell (else its first
 * non-zero one) to every later year: the running costs of the handouts. */
static void
fill_cost (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (widget);
  guint index = g_variant_get_uint32 (parameter);
  guint n_years, year = 0;
  ShkCostItem *item;

  if (self->scenario == NULL || (item = cost_item (self->scenario, index)) == NULL)
    return;
  n_years = shk_scenario_get_n_years (self->scenario);

  if (self->focus_item == (int) index && self->focus_year >= 0)
    year = (guint) self->focus_year;
  else
    while (year + 1 < n_years && shk_cost_item_get_amount (item, year) == 0)
      year++;
  if (year + 1 >= n_years)
    return;

  edit_amounts (self, item, year + 1, n_years - 1, shk_cost_item_get_amount (item, year));
  clear_coalescing (self);
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
  if (self->tornado != NULL)
    shk_chart_view_set_draw_func (self->tornado, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIOS_VIEW);

  G_OBJECT_CLASS (shk_scenarios_view_parent_class)->dispose (object);
}

static void
shk_scenarios_view_finalize (GObject *object)
{
  ShkScenariosView *self = SHK_SCENARIOS_VIEW (object);

  clear_coalescing (self);
  g_clear_pointer (&self->result, shk_payback_result_free);
  g_clear_pointer (&self->sensitivity, shk_sensitivity_free);
  g_clear_pointer (&self->year_labels, g_strfreev);
  g_clear_pointer (&self->result_text, g_free);
  g_clear_pointer (&self->compared, g_hash_table_unref);
  g_clear_pointer (&self->grid_items, g_ptr_array_unref);
  g_clear_pointer (&self->cost_entries, g_ptr_array_unref);
  g_clear_pointer (&self->name_entries, g_ptr_array_unref);
  g_clear_pointer (&self->item_totals, g_ptr_array_unref);
  g_clear_pointer (&self->year_totals, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, result_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, result_detail_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, chart);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, linked_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, linked_switch);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, hours_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, start_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, months_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, description_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, first_year_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, years_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, cost_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, results_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, payback_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, net_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, discounted_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, compare_chart);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, compare_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, sensitivity_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, sensitivity_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkScenariosView, tornado);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_linked_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_start_selected);

  gtk_widget_class_install_action (widget_class, "scenarios.add", NULL, add_scenario);
  gtk_widget_class_install_action (widget_class, "scenarios.duplicate", NULL, duplicate_scenario);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", NULL, delete_scenario);
  gtk_widget_class_install_action (widget_class, "scenarios.add-cost", NULL, add_cost);
  gtk_widget_class_install_action (widget_class, "scenarios.cost-remove", "u", remove_cost);
  gtk_widget_class_install_action (widget_class, "scenarios.cost-up", "u", move_cost_up);
  gtk_widget_class_install_action (widget_class, "scenarios.cost-down", "u", move_cost_down);
  gtk_widget_class_install_action (widget_class, "scenarios.cost-fill", "u", fill_cost);
  gtk_widget_class_install_action (widget_class, "scenarios.show-page", "s", show_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "scenarios.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "scenarios.duplicate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariosview");

  g_type_ensure (SHK_TYPE_PAYBACK_VIEW);
  g_type_ensure (SHK_TYPE_CHART_VIEW);
}

static void
shk_scenarios_view_init (ShkScenariosView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  shk_scroll_guard_spin_buttons (GTK_WIDGET (self));

  self->compared = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->grid_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cost_entries = g_ptr_array_new ();
  self->name_entries = g_ptr_array_new ();
  self->item_totals = g_ptr_array_new ();
  self->year_totals = g_ptr_array_new ();
  self->focus_item = -1;
  self->focus_year = -1;

  setup_spin (self, self->rate_spin, "hourly-rate");
  setup_spin (self, self->hours_spin, "hours-saved");
  setup_spin (self, self->months_spin, "first-year-months");
  setup_spin (self, self->years_spin, "n-years");
  setup_spin (self, self->discount_spin, "discount-rate");
  setup_entry (self, GTK_WIDGET (self->name_row), "name");
  setup_entry (self, GTK_WIDGET (self->description_row), "description");
  setup_entry (self, GTK_WIDGET (self->first_year_row), "first-year");

  shk_chart_view_set_draw_func (self->tornado, draw_tornado, self, NULL);

  /* Delete in the list deletes the scenario; elsewhere it edits text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("scenarios.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->scenario_list), shortcuts);

  /* The swatches of the comparison take the chart's colours. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);

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
  if (self->stack != NULL)
    {
      g_clear_signal_handler (&self->pushed_id, self->stack);
      g_clear_signal_handler (&self->stack_changed_id, self->stack);
    }
  if (self->scenario_list != NULL)
    gtk_list_box_bind_model (self->scenario_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->scenario);
  g_hash_table_remove_all (self->compared);
  clear_coalescing (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->stack);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      GListModel *scenarios;

      self->plan = g_object_ref (shk_document_get_plan (document));
      self->stack = g_object_ref (shk_document_get_undo_stack (document));
      scenarios = shk_plan_get_scenarios (self->plan);

      self->plan_changed_id = g_signal_connect_swapped (self->plan, "changed",
                                                        G_CALLBACK (on_plan_changed), self);
      self->pushed_id = g_signal_connect_swapped (self->stack, "pushed",
                                                  G_CALLBACK (on_stack_pushed), self);
      self->stack_changed_id = g_signal_connect_swapped (self->stack, "changed",
                                                         G_CALLBACK (on_stack_changed), self);
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
  return self->result;
}

const char *
shk_scenarios_view_get_result_text (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return self->result_text;
}

ShkPaybackView *
shk_scenarios_view_get_chart (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return self->chart;
}

const ShkSensitivity *
shk_scenarios_view_get_sensitivity (ShkScenariosView *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIOS_VIEW (self), NULL);

  flush_refresh (self);
  return self->sensitivity;
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
  return self->compare_chart;
}
