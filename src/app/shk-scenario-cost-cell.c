/* shk-scenario-cost-cell.c — one cell of a scenario's cost grid
 *
 * The grid is a column view walked by the sheet cursor, as the measures
 * and processes tables are; this is what its column factories make. A
 * cell is recycled between the rows of cost items and the row of totals,
 * so its child is made for the kind of row it shows: an in-place editor
 * for a name or an amount, a label for a total, the row's menu. Edits
 * are not applied here: ::edited hands the text to the grid, which
 * applies it through the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-editable-cell.h"
#include "shk-number.h"
#include "shk-scenario-cost-cell.h"

struct _ShkScenarioCostCell
{
  GtkWidget        parent_instance;

  ShkCostCellKind  kind;
  guint            year;
  ShkScenario     *scenario;
  GObject         *row;          /* ShkCostItem, or the scenario for totals */
  guint            position;
  GtkWidget       *child;
  gboolean         child_edits;  /* the child is a GtkEditableLabel */
};

G_DEFINE_FINAL_TYPE (ShkScenarioCostCell, shk_scenario_cost_cell, GTK_TYPE_WIDGET)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_item_row (ShkScenarioCostCell *self)
{
  return SHK_IS_COST_ITEM (self->row);
}

ShkCostItem *
shk_scenario_cost_cell_get_item (ShkScenarioCostCell *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_COST_CELL (self), NULL);

  return is_item_row (self) ? SHK_COST_ITEM (self->row) : NULL;
}

ShkCostCellKind
shk_scenario_cost_cell_get_kind (ShkScenarioCostCell *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_COST_CELL (self), SHK_COST_CELL_MENU);

  return self->kind;
}

guint
shk_scenario_cost_cell_get_year (ShkScenarioCostCell *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_COST_CELL (self), 0);

  return self->year;
}

GtkWidget *
shk_scenario_cost_cell_get_target (ShkScenarioCostCell *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_COST_CELL (self), NULL);

  if (self->child != NULL && (self->child_edits || GTK_IS_MENU_BUTTON (self->child)))
    return self->child;
  return GTK_WIDGET (self);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static double
row_total (ShkScenario *scenario,
           GObject     *row)
{
  double total = 0;

  if (SHK_IS_COST_ITEM (row))
    for (guint y = 0; y < shk_cost_item_get_n_years (SHK_COST_ITEM (row)); y++)
      total += shk_cost_item_get_amount (SHK_COST_ITEM (row), y);
  else
    for (guint y = 0; y < shk_scenario_get_n_years (scenario); y++)
      total += shk_scenario_get_cost (scenario, y);
  return total;
}

char *
shk_scenario_cost_cell_format (ShkCostCellKind  kind,
                               guint            year,
                               ShkScenario     *scenario,
                               GObject         *row)
{
  gboolean item_row = SHK_IS_COST_ITEM (row);

  if (row == NULL || scenario == NULL)
    return g_strdup ("");
  switch (kind)
    {
    case SHK_COST_CELL_NAME:
      return g_strdup (item_row ? shk_cost_item_get_name (SHK_COST_ITEM (row)) : _("Total"));
    case SHK_COST_CELL_AMOUNT:
      /* A committed amount reads as the staff write it: 9,000,000. */
      return shk_format_number (item_row ? shk_cost_item_get_amount (SHK_COST_ITEM (row), year)
                                         : shk_scenario_get_cost (scenario, year));
    case SHK_COST_CELL_TOTAL:
      return shk_format_number (row_total (scenario, row));
    case SHK_COST_CELL_MENU:
    default:
      return g_strdup ("");
    }
}

char *
shk_scenario_cost_cell_dup_text (ShkScenarioCostCell *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_COST_CELL (self), NULL);

  return shk_scenario_cost_cell_format (self->kind, self->year, self->scenario, self->row);
}

/* What a screen reader says: the item (or 合計) and the column. */
static char *
dup_spoken_name (ShkScenarioCostCell *self)
{
  const char *what = is_item_row (self) ? shk_cost_item_get_name (SHK_COST_ITEM (self->row)) : _("Total");

  switch (self->kind)
    {
    case SHK_COST_CELL_NAME:
      return is_item_row (self) ? g_strdup (what) : g_strdup (_("Total of each year"));
    case SHK_COST_CELL_AMOUNT:
      {
        g_autofree char *year = shk_scenario_dup_year_label (self->scenario, self->year);

        /* TRANSLATORS: a cost cell for screen readers: the item, the year. */
        return g_strdup_printf (_("%s, %s"), what, year);
      }
    case SHK_COST_CELL_TOTAL:
      return is_item_row (self) ? g_strdup_printf (_("%s, %s"), what, _("Total"))
                                : g_strdup (_("Total of all years"));
    case SHK_COST_CELL_MENU:
    default:
      /* TRANSLATORS: the menu button of a cost item's row. */
      return is_item_row (self) ? g_strdup_printf (_("Actions for “%s”"), what) : g_strdup ("");
    }
}

/* ------------------------------------------------------------------ */
/* Children                                                            */

static void
on_editing_changed (GtkEditableLabel    *label,
                    GParamSpec          *pspec,
                    ShkScenarioCostCell *self)
{
  g_autofree char *text = NULL;

  if (gtk_editable_label_get_editing (label) || !is_item_row (self))
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (label)));
  g_signal_emit (self, signals[EDITED], 0, text);
  shk_scenario_cost_cell_refresh (self);
}

/* GTK 4.8's editable label shows its whole text, however long: the
 * column would grow with the longest name. Its label ellipsizes
 * instead; the tooltip and the accessible name carry the whole name. */
static void
ellipsize_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      ellipsize_labels (child);
    }
}

static GtkWidget *
menu_button_new (guint index)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) fill = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
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
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
child_new (ShkScenarioCostCell *self)
{
  gboolean numeric = self->kind == SHK_COST_CELL_AMOUNT || self->kind == SHK_COST_CELL_TOTAL;
  GtkWidget *child;

  if (self->kind == SHK_COST_CELL_MENU)
    return is_item_row (self) ? menu_button_new (self->position) : gtk_label_new (NULL);

  if (is_item_row (self) && (self->kind == SHK_COST_CELL_NAME || self->kind == SHK_COST_CELL_AMOUNT))
    {
      child = shk_editable_cell_new ();
      g_signal_connect (child, "notify::editing", G_CALLBACK (on_editing_changed), self);
      if (numeric)
        gtk_editable_set_alignment (GTK_EDITABLE (child), 1.0);
      ellipsize_labels (child);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (child), numeric ? 1.0 : 0.0);
      if (!is_item_row (self))
        gtk_widget_add_css_class (child, "heading");
    }
  if (numeric)
    gtk_widget_add_css_class (child, "numeric");
  return child;
}

/* The child fits the row: editors on a cost item's row, labels on the
 * row of totals. A menu is made again for its row's place. */
static void
ensure_child (ShkScenarioCostCell *self)
{
  gboolean edits = is_item_row (self) && (self->kind == SHK_COST_CELL_NAME ||
                                          self->kind == SHK_COST_CELL_AMOUNT);

  if (self->child != NULL && self->kind != SHK_COST_CELL_MENU && edits == self->child_edits &&
      (edits || gtk_widget_has_css_class (self->child, "heading") == !is_item_row (self)))
    return;
  if (self->child != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->child, on_editing_changed, self);
      g_clear_pointer (&self->child, gtk_widget_unparent);
    }
  if (self->row == NULL)
    return;
  self->child = child_new (self);
  self->child_edits = edits;
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
  /* The sheet cursor focuses a read-only cell itself; the row of
   * totals' menu cell is empty and takes no focus. */
  gtk_widget_set_focusable (GTK_WIDGET (self), !edits && self->kind != SHK_COST_CELL_MENU);
}

void
shk_scenario_cost_cell_refresh (ShkScenarioCostCell *self)
{
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  g_return_if_fail (SHK_IS_SCENARIO_COST_CELL (self));

  if (self->child == NULL || self->row == NULL || self->kind == SHK_COST_CELL_MENU)
    {
      if (self->child != NULL && self->row != NULL)
        {
          spoken = dup_spoken_name (self);
          gtk_widget_set_tooltip_text (self->child, *spoken != '\0' ? spoken : NULL);
          if (*spoken != '\0')
            gtk_accessible_update_property (GTK_ACCESSIBLE (self->child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
        }
      return;
    }

  text = shk_scenario_cost_cell_dup_text (self);
  spoken = dup_spoken_name (self);
  if (self->child_edits)
    {
      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->child)) &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->child)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->child), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->child), text);

  /* A clipped name is read whole in its tooltip; a refused cell's
   * tooltip says why, and stays until the cell is right again. */
  if (self->kind == SHK_COST_CELL_NAME && !gtk_widget_has_css_class (self->child, "error"))
    gtk_widget_set_tooltip_text (self->child, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (shk_scenario_cost_cell_get_target (self)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

void
shk_scenario_cost_cell_set_row (ShkScenarioCostCell *self,
                                ShkScenario         *scenario,
                                GObject             *row,
                                guint                position)
{
  g_return_if_fail (SHK_IS_SCENARIO_COST_CELL (self));
  g_return_if_fail (scenario == NULL || SHK_IS_SCENARIO (scenario));

  g_set_object (&self->scenario, scenario);
  /* A menu's actions carry its row's place: a new place, a new menu. */
  if (self->kind == SHK_COST_CELL_MENU && (self->row != row || self->position != position) &&
      self->child != NULL)
    g_clear_pointer (&self->child, gtk_widget_unparent);
  g_set_object (&self->row, row);
  self->position = position;
  ensure_child (self);
  shk_scenario_cost_cell_refresh (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_scenario_cost_cell_dispose (GObject *object)
{
  ShkScenarioCostCell *self = SHK_SCENARIO_COST_CELL (object);

  if (self->child != NULL)
    g_signal_handlers_disconnect_by_func (self->child, on_editing_changed, self);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_object (&self->row);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (shk_scenario_cost_cell_parent_class)->dispose (object);
}

static void
shk_scenario_cost_cell_class_init (ShkScenarioCostCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_scenario_cost_cell_dispose;

  /**
   * ShkScenarioCostCell::edited:
   * @text: what the name or amount was edited to
   *
   * Emitted when the in-place editor closes, committed or cancelled.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariocostcell");
}

static void
shk_scenario_cost_cell_init (ShkScenarioCostCell *self)
{
}

GtkWidget *
shk_scenario_cost_cell_new (ShkCostCellKind kind,
                            guint           year)
{
  ShkScenarioCostCell *self = g_object_new (SHK_TYPE_SCENARIO_COST_CELL, NULL);

  self->kind = kind;
  self->year = year;
  return GTK_WIDGET (self);
}
