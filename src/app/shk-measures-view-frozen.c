/* shk-measures-view-frozen.c — No. and the measure frozen while the
 * figures scroll
 *
 * The cells of the frozen columns are ShkFrozenCells (set up in
 * shk-measures-view-columns.c). Here: which columns freeze, how wide
 * they are (for the sheet cursor, which must not leave a figure hidden
 * under them) and their titles, which the column view scrolls away with
 * its header: while the table is scrolled, a strip over the header shows
 * them again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "shk-frozen-cell.h"
#include "shk-measure-column.h"
#include "shk-measures-view-private.h"

gboolean
shk_measures_view_is_frozen_column (ShkMeasureColumnKind kind)
{
  return kind == SHK_MEASURE_COLUMN_NUMBER || kind == SHK_MEASURE_COLUMN_NAME;
}

/* The frozen columns come first (shk_measures_view_build_columns). */
static guint
n_frozen (ShkMeasuresView *self)
{
  guint n = 0;

  while (n < self->columns->len &&
         shk_measures_view_is_frozen_column (shk_measure_column_get_kind (g_ptr_array_index (self->columns, n))))
    n++;
  return n;
}

/* The column view's header holds a title per column, in their order. */
static GtkWidget *
header_title (ShkMeasuresView *self,
              guint            index)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  for (guint i = 0; i < index && title != NULL; i++)
    title = gtk_widget_get_next_sibling (title);
  return title;
}

/* The title's width with its padding and border (a widget's own width
 * is its content's). */
static double
title_width (GtkWidget *title)
{
  graphene_rect_t bounds;

  if (title == NULL || !gtk_widget_compute_bounds (title, title, &bounds))
    return 0;
  return bounds.size.width;
}

double
shk_measures_view_frozen_width (ShkMeasuresView *self)
{
  double width = 0;
  guint n = n_frozen (self);

  for (guint i = 0; i < n; i++)
    width += title_width (header_title (self, i));
  return width;
}

/* Shown only while scrolled: at the start the column view's own titles
 * are in place, and they sort and resize. */
void
shk_measures_view_update_frozen_header (ShkMeasuresView *self)
{
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  gboolean scrolled = hadj != NULL && gtk_adjustment_get_value (hadj) > 0;
  guint i = 0;

  gtk_widget_set_visible (self->frozen_header, scrolled && header != NULL);
  if (!scrolled || header == NULL)
    return;
  /* The titles were laid out in the last frame; the strip takes their
   * sizes, so that it covers them exactly. */
  gtk_widget_set_size_request (self->frozen_header, -1, gtk_widget_get_height (header));
  for (GtkWidget *label = gtk_widget_get_first_child (self->frozen_header); label != NULL;
       label = gtk_widget_get_next_sibling (label), i++)
    {
      GtkWidget *title = header_title (self, i);

      gtk_widget_set_size_request (label, title != NULL ? (int) title_width (title) : -1, -1);
    }
}

void
shk_measures_view_build_frozen_header (ShkMeasuresView *self)
{
  GtkWidget *child;
  guint n = n_frozen (self);

  while ((child = gtk_widget_get_first_child (self->frozen_header)) != NULL)
    gtk_box_remove (GTK_BOX (self->frozen_header), child);
  for (guint i = 0; i < n; i++)
    {
      ShkMeasureColumn *info = g_ptr_array_index (self->columns, i);
      /* The column view's titles are what screen readers read. */
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                       "label", shk_measure_column_get_title (info),
                                       "xalign", 0.f,
                                       "ellipsize", PANGO_ELLIPSIZE_END,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      gtk_box_append (GTK_BOX (self->frozen_header), label);
    }
  shk_measures_view_update_frozen_header (self);
}

void
shk_measures_view_setup_frozen (ShkMeasuresView *self)
{
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));

  if (hadj != NULL)
    g_signal_connect_object (hadj, "value-changed", G_CALLBACK (shk_measures_view_update_frozen_header),
                             self, G_CONNECT_SWAPPED);
}

static void
restack_frozen_cells (GtkWidget *widget)
{
  if (SHK_IS_FROZEN_CELL (widget))
    {
      shk_frozen_cell_queue_restack (SHK_FROZEN_CELL (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    restack_frozen_cells (child);
}

/* A column shown again adds its cells at the end of every row, above the
 * frozen ones. Only the rows on screen have widgets. */
void
shk_measures_view_restack_frozen (ShkMeasuresView *self)
{
  restack_frozen_cells (GTK_WIDGET (self->column_view));
}
