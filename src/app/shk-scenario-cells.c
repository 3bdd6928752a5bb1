/* shk-scenario-cells.c — labels and fields shared by the scenario pages
 *
 * The editor, its cost grid, the comparison and the sensitivity page
 * build tables whose size follows the scenario (its years, its cost
 * items), so their cells are made here rather than in a .ui file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-scenario-cells.h"

GtkWidget *
shk_scenario_cells_label (const char *text,
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

void
shk_scenario_cells_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* The widget that has the keyboard focus is @widget or inside it. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

gboolean
shk_scenario_cells_may_write (GtkWidget *widget,
                              gboolean   text_matches_model)
{
  if (!has_focus_within (widget))
    return TRUE;
  if (gtk_widget_has_css_class (widget, "error"))
    return FALSE;
  return !text_matches_model;
}

void
shk_scenario_cells_set_text (GtkWidget  *widget,
                             const char *text,
                             gboolean    matches)
{
  if (!shk_scenario_cells_may_write (widget, matches))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  gtk_widget_remove_css_class (widget, "error");
}

char *
shk_scenario_cells_dup_headline (const ShkPaybackResult *result)
{
  if (result->payback_year > 0)
    /* The same words as on the chart. */
    return g_strdup_printf (_("Recovered in year %u"), result->payback_year);
  return g_strdup (_("Not recovered within the period"));
}
