/* shk-scenario-cost-grid.c — a scenario's costs, per item and year
 *
 * One row per cost item: a menu (move, copy to the following years,
 * remove), its name, an amount per year and the item's total; a last row
 * with the total of each year. Every keystroke that makes a valid amount
 * is applied at once through the core, folded with the keystrokes before
 * it (see shk-scenario-edit-fold.h); one the core refuses marks the cell
 * and is reported with ::show-error, for the form to say what is wrong.
 *
 * A cell is known by its place in the arrays below (item-major), so no
 * cell needs to carry its item and year along.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-edit-scenario.h"
#include "shk-scenario-cells.h"
#include "shk-scenario-cost-grid.h"

struct _ShkScenarioCostGrid
{
  GtkWidget            parent_instance;

  ShkScenarioEditFold *fold;
  ShkPlan             *plan;
  ShkScenario         *scenario;
  gboolean             updating;        /* writing cells: ignore their signals */

  /* What the cells were made for: they are made again when it changes. */
  GPtrArray           *items;           /* ShkCostItem refs, in order */
  ShkScenario         *built_for;
  guint                n_years;

  GPtrArray           *cost_entries;    /* GtkEntry, item-major */
  GPtrArray           *name_entries;    /* GtkEntry per item */
  GPtrArray           *item_totals;     /* GtkLabel per item */
  GPtrArray           *year_totals;     /* GtkLabel per year, then the grand total */
  int                  focus_item;      /* the amount cell last focused, or -1 */
  int                  focus_year;
  GtkWidget           *error_entry;     /* the cell last reported refused */

  /* template children */
  AdwPreferencesGroup *group;
  GtkGrid             *grid;
};

G_DEFINE_FINAL_TYPE (ShkScenarioCostGrid, shk_scenario_cost_grid, GTK_TYPE_WIDGET)

enum {
  SHOW_ERROR,
  CLEAR_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
show_error (ShkScenarioCostGrid *self,
            GtkWidget           *entry,
            const char          *message)
{
  self->error_entry = entry;
  g_signal_emit (self, signals[SHOW_ERROR], 0, entry, message);
}

static void
clear_error (ShkScenarioCostGrid *self,
             GtkWidget           *entry)
{
  if (self->error_entry == entry)
    self->error_entry = NULL;
  g_signal_emit (self, signals[CLEAR_ERROR], 0, entry);
}

/* ------------------------------------------------------------------ */
/* Editing                                                             */

static gboolean
commit_cost (ShkScenarioCostGrid  *self,
             guint                 item,
             guint                 first_year,
             guint                 last_year,
             const char           *text,
             GError              **error)
{
  ShkUndoStack *stack = self->fold != NULL ? shk_scenario_edit_fold_get_stack (self->fold) : NULL;
  g_autofree char *key = NULL;
  gboolean changes, ok;
  guint pushes;

  if (self->scenario == NULL || stack == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no such cost in this scenario"));
      return FALSE;
    }

  /* Checking first keeps a refused keystroke from undoing the last good
   * one while folding, and an unchanged value from folding at all. */
  if (!shk_edit_scenario_check_cost (self->plan, self->scenario, item, first_year, last_year,
                                     text, &changes, error))
    return FALSE;
  if (!changes)
    return TRUE;
  key = g_strdup_printf ("%p:amount:%u-%u", (gpointer) shk_scenario_peek_cost_item (self->scenario, item),
                         first_year, last_year);
  pushes = shk_scenario_edit_fold_begin (self->fold, key);
  ok = shk_edit_scenario_cost (stack, self->plan, self->scenario, item, first_year,
                               last_year, text, error);
  shk_scenario_edit_fold_end (self->fold, key, pushes);
  return ok;
}

gboolean
shk_scenario_cost_grid_commit (ShkScenarioCostGrid  *self,
                               guint                 item,
                               guint                 first_year,
                               guint                 last_year,
                               const char           *text,
                               GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  GtkWidget *entry = NULL;
  gboolean ok;

  g_return_val_if_fail (SHK_IS_SCENARIO_COST_GRID (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->scenario != NULL && self->built_for == self->scenario &&
      first_year < self->n_years && item * self->n_years + first_year < self->cost_entries->len)
    entry = g_ptr_array_index (self->cost_entries, item * self->n_years + first_year);

  ok = commit_cost (self, item, first_year, last_year, text, &local_error);
  if (ok)
    clear_error (self, entry);
  else
    {
      show_error (self, entry, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

static void
on_cost_changed (GtkEditable         *editable,
                 ShkScenarioCostGrid *self)
{
  guint index;

  if (self->updating || self->n_years == 0 ||
      !g_ptr_array_find (self->cost_entries, editable, &index))
    return;

  shk_scenario_cost_grid_commit (self, index / self->n_years, index % self->n_years,
                                 index % self->n_years, gtk_editable_get_text (editable), NULL);
}

static void
on_cost_name_changed (GtkEditable         *editable,
                      ShkScenarioCostGrid *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  ShkCostItem *item;
  guint index;

  if (self->updating || self->scenario == NULL ||
      !g_ptr_array_find (self->name_entries, editable, &index) ||
      (item = shk_scenario_peek_cost_item (self->scenario, index)) == NULL)
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
  shk_scenario_edit_fold_set_property (self->fold, G_OBJECT (item), "name", &value, label);
}

static void
on_cost_focus_enter (GtkEventControllerFocus *controller,
                     ShkScenarioCostGrid     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index;

  if (self->n_years == 0 || !g_ptr_array_find (self->cost_entries, entry, &index))
    return;
  self->focus_item = (int) (index / self->n_years);
  self->focus_year = (int) (index % self->n_years);
}

/* Typed as 「9000000」, a committed cost reads 「9,000,000」 once the
 * cursor leaves it (while it is typed in, the text stays as typed). */
static void
on_cost_focus_leave (GtkEventControllerFocus *controller,
                     ShkScenarioCostGrid     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autofree char *text = NULL;
  ShkCostItem *item;
  guint index;

  if (self->n_years == 0 || self->scenario == NULL || gtk_widget_has_css_class (entry, "error") ||
      !g_ptr_array_find (self->cost_entries, entry, &index) ||
      (item = shk_scenario_peek_cost_item (self->scenario, index / self->n_years)) == NULL)
    return;

  text = shk_format_number (shk_cost_item_get_amount (item, index % self->n_years));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      self->updating = FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* Making the cells                                                    */

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
    { order, N_("Move _Up"), "cost-grid.up" },
    { order, N_("Move _Down"), "cost-grid.down" },
    { fill, N_("_Copy Amount to Following Years"), "cost-grid.fill" },
    { remove, N_("_Remove Cost Item"), "cost-grid.remove" },
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
shape_changed (ShkScenarioCostGrid *self)
{
  guint n = shk_scenario_get_n_cost_items (self->scenario);

  if (self->built_for != self->scenario ||
      self->n_years != shk_scenario_get_n_years (self->scenario) ||
      self->items->len != n)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (self->items, i) != shk_scenario_peek_cost_item (self->scenario, i))
      return TRUE;
  return FALSE;
}

static void
clear_cells (ShkScenarioCostGrid *self)
{
  /* The cell whose message is shown is about to go, and its message
   * with it. */
  if (self->error_entry != NULL)
    clear_error (self, self->error_entry);
  shk_scenario_cells_clear (self->grid);
  g_ptr_array_set_size (self->cost_entries, 0);
  g_ptr_array_set_size (self->name_entries, 0);
  g_ptr_array_set_size (self->item_totals, 0);
  g_ptr_array_set_size (self->year_totals, 0);
  g_ptr_array_set_size (self->items, 0);
  g_clear_object (&self->built_for);
  self->n_years = 0;
  self->focus_item = -1;
  self->focus_year = -1;
}

static GtkWidget *
name_entry (ShkScenarioCostGrid *self,
            ShkCostItem         *item)
{
  GtkWidget *name = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (name), 12);
  gtk_editable_set_text (GTK_EDITABLE (name), shk_cost_item_get_name (item));
  gtk_widget_set_tooltip_text (name, shk_cost_item_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cost item name"), -1);
  g_signal_connect (name, "changed", G_CALLBACK (on_cost_name_changed), self);
  return name;
}

static GtkWidget *
amount_entry (ShkScenarioCostGrid *self,
              ShkCostItem         *item,
              guint                year)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *year_label = shk_scenario_dup_year_label (self->scenario, year);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", shk_cost_item_get_name (item), year_label);
  g_autofree char *text = shk_format_number (shk_cost_item_get_amount (item, year));

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 11);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_cost_changed), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cost_focus_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_cost_focus_leave), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
build_cells (ShkScenarioCostGrid *self)
{
  guint n_items = shk_scenario_get_n_cost_items (self->scenario);
  guint n_years = shk_scenario_get_n_years (self->scenario);
  GtkWidget *label;

  clear_cells (self);
  self->built_for = g_object_ref (self->scenario);
  self->n_years = n_years;

  /* Column 0 holds each row's menu, so that it stays in sight however
   * far the years scroll. */
  gtk_grid_attach (self->grid, shk_scenario_cells_label (_("Cost item"), FALSE, TRUE), 1, 0, 1, 1);
  for (guint y = 0; y < n_years; y++)
    {
      g_autofree char *year = shk_scenario_dup_year_label (self->scenario, y);

      label = shk_scenario_cells_label (year, TRUE, TRUE);
      gtk_widget_set_halign (label, GTK_ALIGN_END);
      gtk_grid_attach (self->grid, label, y + 2, 0, 1, 1);
    }
  gtk_grid_attach (self->grid, shk_scenario_cells_label (_("Total"), TRUE, TRUE), n_years + 2, 0, 1, 1);

  for (guint i = 0; i < n_items; i++)
    {
      ShkCostItem *item = shk_scenario_peek_cost_item (self->scenario, i);
      GtkWidget *name = name_entry (self, item);

      g_ptr_array_add (self->items, g_object_ref (item));
      gtk_grid_attach (self->grid, item_menu_button (i, shk_cost_item_get_name (item)), 0, i + 1, 1, 1);
      gtk_grid_attach (self->grid, name, 1, i + 1, 1, 1);
      g_ptr_array_add (self->name_entries, name);

      for (guint y = 0; y < n_years; y++)
        {
          GtkWidget *entry = amount_entry (self, item, y);

          gtk_grid_attach (self->grid, entry, y + 2, i + 1, 1, 1);
          g_ptr_array_add (self->cost_entries, entry);
        }

      label = shk_scenario_cells_label ("", TRUE, FALSE);
      gtk_widget_set_margin_start (label, 6);
      gtk_grid_attach (self->grid, label, n_years + 2, i + 1, 1, 1);
      g_ptr_array_add (self->item_totals, label);
    }

  label = shk_scenario_cells_label (_("Total"), FALSE, TRUE);
  gtk_grid_attach (self->grid, label, 1, n_items + 1, 1, 1);
  for (guint y = 0; y <= n_years; y++)
    {
      label = shk_scenario_cells_label ("", TRUE, FALSE);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_end (label, y < n_years ? 8 : 0);
      gtk_grid_attach (self->grid, label, y + 2, n_items + 1, 1, 1);
      g_ptr_array_add (self->year_totals, label);
    }
}

/* ------------------------------------------------------------------ */
/* Showing the model                                                   */

static void
set_number (GtkLabel *label,
            double    value)
{
  g_autofree char *text = shk_format_number (value);

  gtk_label_set_text (label, text);
}

/* One row: its name, its amounts (as far as the user is not typing in
 * them) and its total. */
static void
update_item (ShkScenarioCostGrid *self,
             guint                i)
{
  ShkCostItem *item = shk_scenario_peek_cost_item (self->scenario, i);
  GtkWidget *name = g_ptr_array_index (self->name_entries, i);
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name))));
  double total = 0;

  shk_scenario_cells_set_text (name, shk_cost_item_get_name (item),
                               g_strcmp0 (stripped, shk_cost_item_get_name (item)) == 0);
  if (!gtk_widget_has_css_class (name, "error"))
    gtk_widget_set_tooltip_text (name, shk_cost_item_get_name (item));
  for (guint y = 0; y < self->n_years; y++)
    {
      GtkWidget *entry = g_ptr_array_index (self->cost_entries, i * self->n_years + y);
      double amount = shk_cost_item_get_amount (item, y), typed;
      g_autofree char *text = shk_format_number (amount);
      const char *current = gtk_editable_get_text (GTK_EDITABLE (entry));
      gboolean matches = *current == '\0' ? amount == 0
                                          : shk_edit_scenario_parse_number (NULL, current, &typed) && typed == amount;

      shk_scenario_cells_set_text (entry, text, matches);
      total += amount;
    }
  set_number (g_ptr_array_index (self->item_totals, i), total);
}

void
shk_scenario_cost_grid_update (ShkScenarioCostGrid *self,
                               ShkPlan             *plan,
                               ShkScenario         *scenario)
{
  double grand = 0;

  g_return_if_fail (SHK_IS_SCENARIO_COST_GRID (self));
  g_return_if_fail (plan == NULL || SHK_IS_PLAN (plan));
  g_return_if_fail (scenario == NULL || SHK_IS_SCENARIO (scenario));

  g_set_object (&self->plan, plan);
  g_set_object (&self->scenario, scenario);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cost-grid.add", scenario != NULL);
  if (scenario == NULL)
    {
      clear_cells (self);
      return;
    }

  self->updating = TRUE;
  if (shape_changed (self))
    build_cells (self);
  for (guint i = 0; i < self->items->len; i++)
    update_item (self, i);
  for (guint y = 0; y < self->n_years; y++)
    {
      double cost = shk_scenario_get_cost (scenario, y);

      set_number (g_ptr_array_index (self->year_totals, y), cost);
      grand += cost;
    }
  set_number (g_ptr_array_index (self->year_totals, self->n_years), grand);
  self->updating = FALSE;
}

void
shk_scenario_cost_grid_set_fold (ShkScenarioCostGrid *self,
                                 ShkScenarioEditFold *fold)
{
  g_return_if_fail (SHK_IS_SCENARIO_COST_GRID (self));
  g_return_if_fail (fold == NULL || SHK_IS_SCENARIO_EDIT_FOLD (fold));

  g_set_object (&self->fold, fold);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static ShkUndoStack *
stack_of (ShkScenarioCostGrid *self)
{
  return self->fold != NULL ? shk_scenario_edit_fold_get_stack (self->fold) : NULL;
}

static void
add_item (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (widget);
  g_autoptr(ShkCostItem) item = NULL;
  g_autofree char *label = NULL;
  guint position;

  if (self->scenario == NULL || stack_of (self) == NULL)
    return;

  position = shk_scenario_get_n_cost_items (self->scenario);
  item = shk_cost_item_new (_("New cost"), shk_scenario_get_n_years (self->scenario));
  label = g_strdup_printf (_("Add cost item to “%s”"), shk_scenario_get_name (self->scenario));
  shk_edit_insert_cost_item (stack_of (self), self->scenario, position, item, label);
  /* Now, not with the rest of the page: the new name is typed at once. */
  shk_scenario_cost_grid_update (self, self->plan, self->scenario);
  if (position < self->name_entries->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->name_entries, position));
}

static void
remove_item (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (widget);
  guint index = g_variant_get_uint32 (parameter);
  ShkCostItem *item;
  g_autofree char *label = NULL;

  if (self->scenario == NULL || stack_of (self) == NULL ||
      (item = shk_scenario_peek_cost_item (self->scenario, index)) == NULL)
    return;

  label = g_strdup_printf (_("Removed cost item “%s”"), shk_cost_item_get_name (item));
  shk_edit_remove_cost_item (stack_of (self), self->scenario, index, label);
  gtk_widget_activate_action (widget, "win.toast-undo", "s", label);
}

static void
move_item (ShkScenarioCostGrid *self,
           guint                from,
           guint                to)
{
  if (self->scenario == NULL || stack_of (self) == NULL || to >= shk_scenario_get_n_cost_items (self->scenario) ||
      shk_scenario_peek_cost_item (self->scenario, from) == NULL || from == to)
    return;

  shk_edit_move_cost_item (stack_of (self), self->scenario, from, to);
}

static void
move_item_up (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  guint index = g_variant_get_uint32 (parameter);

  if (index > 0)
    move_item (SHK_SCENARIO_COST_GRID (widget), index, index - 1);
}

static void
move_item_down (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  guint index = g_variant_get_uint32 (parameter);

  move_item (SHK_SCENARIO_COST_GRID (widget), index, index + 1);
}

/* Copies the amount of the row's last focused cell (else its first
 * non-zero one) to every later year: the running costs of the handouts. */
static void
fill_item (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (widget);
  guint index = g_variant_get_uint32 (parameter);
  guint n_years, year = 0, pushes;
  g_autofree char *key = NULL;
  ShkCostItem *item;

  if (self->scenario == NULL || stack_of (self) == NULL ||
      (item = shk_scenario_peek_cost_item (self->scenario, index)) == NULL)
    return;
  n_years = shk_scenario_get_n_years (self->scenario);

  if (self->focus_item == (int) index && self->focus_year >= 0)
    year = (guint) self->focus_year;
  else
    while (year + 1 < n_years && shk_cost_item_get_amount (item, year) == 0)
      year++;
  if (year + 1 >= n_years)
    return;

  key = g_strdup_printf ("%p:amount:%u-%u", (gpointer) item, year + 1, n_years - 1);
  pushes = shk_scenario_edit_fold_begin (self->fold, key);
  shk_edit_cost_amounts (stack_of (self), item, year + 1, n_years - 1,
                         shk_cost_item_get_amount (item, year));
  shk_scenario_edit_fold_end (self->fold, key, pushes);
  /* A step of its own: typing into a cell afterwards must not fold
   * into the copy. */
  shk_scenario_edit_fold_reset (self->fold);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_scenario_cost_grid_dispose (GObject *object)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (object);

  self->error_entry = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIO_COST_GRID);
  g_clear_object (&self->fold);
  g_clear_object (&self->plan);
  g_clear_object (&self->scenario);
  g_clear_object (&self->built_for);

  G_OBJECT_CLASS (shk_scenario_cost_grid_parent_class)->dispose (object);
}

static void
shk_scenario_cost_grid_finalize (GObject *object)
{
  ShkScenarioCostGrid *self = SHK_SCENARIO_COST_GRID (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->cost_entries, g_ptr_array_unref);
  g_clear_pointer (&self->name_entries, g_ptr_array_unref);
  g_clear_pointer (&self->item_totals, g_ptr_array_unref);
  g_clear_pointer (&self->year_totals, g_ptr_array_unref);

  G_OBJECT_CLASS (shk_scenario_cost_grid_parent_class)->finalize (object);
}

static void
shk_scenario_cost_grid_class_init (ShkScenarioCostGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_scenario_cost_grid_dispose;
  object_class->finalize = shk_scenario_cost_grid_finalize;

  /**
   * ShkScenarioCostGrid::show-error:
   * @entry: (nullable): the cell refused, to be marked
   * @message: what is wrong, in words
   */
  signals[SHOW_ERROR] =
    g_signal_new ("show-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, GTK_TYPE_WIDGET, G_TYPE_STRING);
  /**
   * ShkScenarioCostGrid::clear-error:
   * @entry: (nullable): the cell that is right again
   */
  signals[CLEAR_ERROR] =
    g_signal_new ("clear-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-scenario-cost-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioCostGrid, group);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioCostGrid, grid);

  gtk_widget_class_install_action (widget_class, "cost-grid.add", NULL, add_item);
  gtk_widget_class_install_action (widget_class, "cost-grid.remove", "u", remove_item);
  gtk_widget_class_install_action (widget_class, "cost-grid.up", "u", move_item_up);
  gtk_widget_class_install_action (widget_class, "cost-grid.down", "u", move_item_down);
  gtk_widget_class_install_action (widget_class, "cost-grid.fill", "u", fill_item);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariocostgrid");
}

static void
shk_scenario_cost_grid_init (ShkScenarioCostGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cost_entries = g_ptr_array_new ();
  self->name_entries = g_ptr_array_new ();
  self->item_totals = g_ptr_array_new ();
  self->year_totals = g_ptr_array_new ();
  self->focus_item = -1;
  self->focus_year = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cost-grid.add", FALSE);
}
