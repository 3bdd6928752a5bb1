/* shk-drop-down-a11y.c — a name for the button inside a GtkDropDown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-drop-down-a11y.h"

/* The drop-down's own button: its first toggle-button child (GTK 4.8
 * builds it in gtk_drop_down_init and keeps it for the widget's life). */
static GtkWidget *
find_button (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
    }
  return NULL;
}

/* The text of the choice shown: through the drop-down's expression when
 * it has one, else the item's own string. */
static char *
dup_selected_text (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  char *text = NULL;

  if (item == NULL)
    return NULL;
  if (expression != NULL)
    {
      GValue value = G_VALUE_INIT;

      if (gtk_expression_evaluate (expression, item, &value))
        {
          if (G_VALUE_HOLDS_STRING (&value))
            text = g_value_dup_string (&value);
          g_value_unset (&value);
        }
      return text;
    }
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return NULL;
}

void
shk_drop_down_a11y_update (GtkDropDown *drop_down,
                           const char  *name)
{
  g_autofree char *choice = NULL;
  g_autofree char *button_name = NULL;
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  button = find_button (drop_down);
  if (button == NULL)
    return;

  choice = dup_selected_text (drop_down);
  if (choice != NULL && *choice != '\0')
    /* TRANSLATORS: a chooser read by a screen reader: its name, then the
     * choice shown, e.g. "Priority: High" */
    button_name = g_strdup_printf (_("%s: %s"), name, choice);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name != NULL ? button_name : name, -1);
}

static void
on_choice_changed (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   const char  *name)
{
  shk_drop_down_a11y_update (drop_down, name);
}

void
shk_drop_down_a11y_follow (GtkDropDown *drop_down,
                           const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  /* selected-item changes with the choice and with the list. The name
   * lives as long as the handler. */
  g_signal_connect_data (drop_down, "notify::selected-item", G_CALLBACK (on_choice_changed),
                         g_strdup (name), (GClosureNotify) (void (*) (void)) g_free, 0);
  shk_drop_down_a11y_update (drop_down, name);
}
