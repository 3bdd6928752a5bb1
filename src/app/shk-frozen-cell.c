/* shk-frozen-cell.c — a cell of a column that stays put while the table
 * scrolls sideways
 *
 * The column view lays the cell out in its column like any other and
 * scrolls it with the rest; the cell then allocates its pane moved right
 * by the horizontal scroll, which puts it back where the column sits at
 * the start. Two things of the column view's own (GTK 4.8) have to give
 * way, through public widget calls only:
 *
 * - the column's cell widget clips its child to itself: its overflow is
 *   made visible, else the moved pane would be cut away;
 * - a row draws (and picks) its cells in the order of its children, so
 *   the figures' cells would be drawn over the pane: the frozen column's
 *   cell is moved after them. That is done from an idle, never while the
 *   row maps or lays out its children (moving a child while its parent
 *   walks them would skip the rest). Only new rows wait for it, and they
 *   are laid out at the start of the table or while the figures have not
 *   moved under the pane yet, or for a single frame.
 *
 * The pane wears the "frozen" style class (an opaque background, the
 * cell's padding and separator; style.css) and the column's cell the
 * "frozen-column" one (no padding of its own, so the pane covers it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-frozen-cell.h"

struct _ShkFrozenCell
{
  GtkWidget      parent_instance;

  GtkWidget     *pane;          /* a box holding the child; moved by the scroll */
  GtkWidget     *child;         /* unowned: the pane holds it */
  GtkAdjustment *hadjustment;
  guint          restack_idle;
};

G_DEFINE_FINAL_TYPE (ShkFrozenCell, shk_frozen_cell, GTK_TYPE_WIDGET)

#define FROZEN_COLUMN_CLASS "frozen-column"

/* ------------------------------------------------------------------ */
/* Restacking                                                          */

/* TRUE when a cell of a scrolling column follows ours in the row. */
static gboolean
needs_restack (GtkWidget *column_cell)
{
  for (GtkWidget *w = gtk_widget_get_next_sibling (column_cell); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (!gtk_widget_has_css_class (w, FROZEN_COLUMN_CLASS))
      return TRUE;
  return FALSE;
}

static gboolean
restack_idle_cb (gpointer user_data)
{
  ShkFrozenCell *self = user_data;
  GtkWidget *column_cell = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *row = column_cell != NULL ? gtk_widget_get_parent (column_cell) : NULL;

  self->restack_idle = 0;
  if (row != NULL && needs_restack (column_cell))
    gtk_widget_insert_before (column_cell, row, NULL);
  return G_SOURCE_REMOVE;
}

static void
shk_frozen_cell_map (GtkWidget *widget)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);
  GtkWidget *column_cell = gtk_widget_get_parent (widget);

  GTK_WIDGET_CLASS (shk_frozen_cell_parent_class)->map (widget);

  if (column_cell == NULL)
    return;
  gtk_widget_add_css_class (column_cell, FROZEN_COLUMN_CLASS);
  gtk_widget_set_overflow (column_cell, GTK_OVERFLOW_VISIBLE);
  if (self->restack_idle == 0 && needs_restack (column_cell))
    self->restack_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restack_idle_cb, self, NULL);
}

static void
shk_frozen_cell_unmap (GtkWidget *widget)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);

  g_clear_handle_id (&self->restack_idle, g_source_remove);
  GTK_WIDGET_CLASS (shk_frozen_cell_parent_class)->unmap (widget);
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

static void
shk_frozen_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);

  gtk_widget_measure (self->pane, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
shk_frozen_cell_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (widget);
  /* The column view moves its rows left by the adjustment's value. */
  float scrolled = self->hadjustment != NULL ? (float) gtk_adjustment_get_value (self->hadjustment) : 0.f;

  gtk_widget_allocate (self->pane, width, height, baseline,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (scrolled, 0)));
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_frozen_cell_dispose (GObject *object)
{
  ShkFrozenCell *self = SHK_FROZEN_CELL (object);

  g_clear_handle_id (&self->restack_idle, g_source_remove);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, gtk_widget_queue_allocate, self);
  g_clear_object (&self->hadjustment);
  self->child = NULL;
  g_clear_pointer (&self->pane, gtk_widget_unparent);

  G_OBJECT_CLASS (shk_frozen_cell_parent_class)->dispose (object);
}

static void
shk_frozen_cell_class_init (ShkFrozenCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_frozen_cell_dispose;
  widget_class->map = shk_frozen_cell_map;
  widget_class->unmap = shk_frozen_cell_unmap;
  widget_class->measure = shk_frozen_cell_measure;
  widget_class->size_allocate = shk_frozen_cell_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "frozencell");
}

static void
shk_frozen_cell_init (ShkFrozenCell *self)
{
  self->pane = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->pane, "frozen");
  gtk_widget_set_parent (self->pane, GTK_WIDGET (self));
}

GtkWidget *
shk_frozen_cell_new (GtkWidget     *child,
                     GtkAdjustment *hadjustment)
{
  ShkFrozenCell *self;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (hadjustment == NULL || GTK_IS_ADJUSTMENT (hadjustment), NULL);

  self = g_object_new (SHK_TYPE_FROZEN_CELL, NULL);
  self->child = child;
  gtk_widget_set_hexpand (child, TRUE);
  gtk_box_append (GTK_BOX (self->pane), child);
  if (hadjustment != NULL)
    {
      self->hadjustment = g_object_ref (hadjustment);
      /* The column view allocates its rows anew when it scrolls, but a
       * cell whose size stays the same is not allocated again. */
      g_signal_connect_swapped (hadjustment, "value-changed", G_CALLBACK (gtk_widget_queue_allocate), self);
    }
  return GTK_WIDGET (self);
}

GtkWidget *
shk_frozen_cell_get_child (ShkFrozenCell *self)
{
  g_return_val_if_fail (SHK_IS_FROZEN_CELL (self), NULL);

  return self->child;
}

GtkWidget *
shk_frozen_cell_get_pane (ShkFrozenCell *self)
{
  g_return_val_if_fail (SHK_IS_FROZEN_CELL (self), NULL);

  return self->pane;
}
