/* shk-materials-table.c — a handout table in the 資料 view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-materials-table.h"

struct _ShkMaterialsTable
{
  GtkWidget  parent_instance;

  GArray    *figure;     /* of gboolean, per column */
  guint      n_rows;

  /* template children */
  GtkWidget *box;
  GtkLabel  *caption_label;
  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (ShkMaterialsTable, shk_materials_table, GTK_TYPE_WIDGET)

static GtkWidget *
cell_new (const char *text,
          gboolean    figure,
          gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), figure ? 1.0 : 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), !figure);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* An empty cell is no stop for the keyboard. */
  gtk_label_set_selectable (GTK_LABEL (label), !heading && text[0] != '\0');
  gtk_widget_set_hexpand (label, !figure);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  if (figure)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

GtkWidget *
shk_materials_table_new (const char         *caption,
                         const char * const *headings,
                         const char         *figures)
{
  ShkMaterialsTable *self = g_object_new (SHK_TYPE_MATERIALS_TABLE, NULL);

  gtk_label_set_text (self->caption_label, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), caption != NULL && caption[0] != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  caption != NULL ? caption : "", -1);
  for (guint c = 0; headings != NULL && headings[c] != NULL; c++)
    {
      gboolean figure = figures != NULL && c < strlen (figures) && figures[c] == '1';

      g_array_append_val (self->figure, figure);
      gtk_grid_attach (self->grid, cell_new (headings[c], figure, TRUE),
                       (int) c, 0, 1, 1);
    }
  return GTK_WIDGET (self);
}

void
shk_materials_table_add_row (ShkMaterialsTable  *self,
                             const char * const *cells)
{
  g_return_if_fail (SHK_IS_MATERIALS_TABLE (self));

  self->n_rows++;
  for (guint c = 0; c < self->figure->len; c++)
    gtk_grid_attach (self->grid,
                     cell_new (cells[c] != NULL ? cells[c] : "",
                               g_array_index (self->figure, gboolean, c), FALSE),
                     (int) c, (int) self->n_rows, 1, 1);
}

guint
shk_materials_table_get_n_rows (ShkMaterialsTable *self)
{
  g_return_val_if_fail (SHK_IS_MATERIALS_TABLE (self), 0);
  return self->n_rows;
}

const char *
shk_materials_table_get_cell (ShkMaterialsTable *self,
                              guint              row,
                              guint              column)
{
  GtkWidget *label;

  g_return_val_if_fail (SHK_IS_MATERIALS_TABLE (self), NULL);

  label = gtk_grid_get_child_at (self->grid, (int) column, (int) row + 1);
  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
shk_materials_table_dispose (GObject *object)
{
  ShkMaterialsTable *self = SHK_MATERIALS_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_MATERIALS_TABLE);
  g_clear_pointer (&self->figure, g_array_unref);

  G_OBJECT_CLASS (shk_materials_table_parent_class)->dispose (object);
}

static void
shk_materials_table_class_init (ShkMaterialsTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_materials_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-materials-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsTable, box);
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsTable, caption_label);
  gtk_widget_class_bind_template_child (widget_class, ShkMaterialsTable, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
shk_materials_table_init (ShkMaterialsTable *self)
{
  self->figure = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gtk_widget_init_template (GTK_WIDGET (self));
}
